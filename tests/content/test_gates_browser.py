"""Quality gate 1: every page of the unpacked zip in Chromium from file://.

On every page: no console errors, no request outside the folder, a <title> and exactly one h1, and
every navigation entry leads to a file in the zip. Search works from the keyboard alone and by click.
The same gates run over a fixture site with seeded defects, to show that they catch them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gates import Seeded, Survey, html_pages, listing, open_search, pages_with, seeded, seeded_survey, site_survey  # noqa: F401  (fixtures)
from pageprobe import Probe

pytestmark = pytest.mark.browser


def test_every_page_of_the_zip_is_checked(site_survey: Survey, unpacked: Path) -> None:
    pages = html_pages(unpacked)
    assert "index.html" in pages and len(pages) >= 14, pages
    assert sorted(site_survey.pages) == pages
    assert site_survey.check_errors() == [], listing(site_survey.check_errors(), "pages the survey could not check")
    # The probe saw each page load its own stylesheets and scripts: the request gate is not blind.
    blind = [name for name, r in site_survey.pages.items() if r.requests < 3]
    assert blind == [], f"pages with (almost) no recorded requests: {blind}"


def test_no_console_errors(site_survey: Survey) -> None:
    found = site_survey.console()
    assert found == [], listing(found, "console errors")


def test_no_request_leaves_the_folder(site_survey: Survey) -> None:
    found = site_survey.outside()
    assert found == [], listing(found, "requests outside the unpacked folder")


def test_every_page_has_a_title_and_one_h1(site_survey: Survey) -> None:
    found = site_survey.structure()
    assert found == [], listing(found, "pages without a title or without exactly one h1")


def test_every_navigation_entry_resolves(site_survey: Survey) -> None:
    found = site_survey.navigation()
    assert found == [], listing(found, "navigation entries that lead nowhere")
    without_nav = [name for name, r in site_survey.pages.items() if r.nav_entries == 0]
    assert without_nav == [], f"pages without navigation (nav.md-nav a): {without_nav}"


# Search ---------------------------------------------------------------------------------------------


def _landed(probe: Probe, url: str) -> str:
    """The page a navigation arrived at, relative to the folder; it must be a file in the folder."""
    path = Path(unquote(urlsplit(url).path))
    assert urlsplit(url).scheme == "file" and path.is_relative_to(probe.root), url
    assert path.is_file(), f"search led to {url}, which is not a file in the zip"
    return path.relative_to(probe.root).as_posix()


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_by_keyboard_alone(browser, unpacked: Path, key: str) -> None:
    probe = Probe.open(browser, unpacked, reduced_motion="reduce")
    try:
        page = probe.page()
        probe.goto(page, "framework/principles.html")
        open_search(page, "mentoring", key=key)
        results = page.locator(".md-search-result__item")
        assert results.count() >= 3, page.locator(".md-search-result").inner_text()
        assert "mentoring" in page.locator(".md-search-result").inner_text().lower()

        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.closest('.md-search-result__link')?.href")
        assert focused, "ArrowDown did not move focus to a search result"
        before = page.url
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url != before)
        page.wait_for_load_state()

        landed = _landed(probe, page.url)
        assert landed == _landed(probe, focused), f"Enter on {focused} led to {page.url}"
        assert "mentoring" in page.locator(".md-content").inner_text().lower(), landed
        assert probe.outside == [] and probe.console_errors == [], (probe.outside, probe.console_errors)
    finally:
        probe.close()


def test_search_by_click(browser, unpacked: Path) -> None:
    probe = Probe.open(browser, unpacked, reduced_motion="reduce")
    try:
        page = probe.page()
        probe.goto(page, "index.html")
        open_search(page, "mentoring")
        # A page (not a section) further down the list: its result title is the page's title.
        link = page.locator(".md-search-result__link:has(article h1)").nth(1)
        title = link.locator("article h1").inner_text().strip()
        target = link.evaluate("a => a.href")
        before = page.url
        link.click()
        page.wait_for_url(lambda url: url != before)
        page.wait_for_load_state()
        assert _landed(probe, page.url) == _landed(probe, target), f"clicked {target}, landed on {page.url}"
        assert page.title().startswith(title), f"clicked {title!r}, landed on a page titled {page.title()!r}"
        assert probe.outside == [] and probe.console_errors == [], (probe.outside, probe.console_errors)
    finally:
        probe.close()


# The gates can fail ----------------------------------------------------------------------------------


