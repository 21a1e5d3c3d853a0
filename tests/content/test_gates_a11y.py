"""Quality gate 2: accessible to all (WCAG 2.2 AA as far as a machine can tell).

axe-core (the pinned node_modules copy, injected into each page) runs the WCAG 2.0, 2.1 and 2.2 A/AA
rules on every page and on the open search with results showing, in a reduced-motion context. The
keyboard: a skip link moves focus to the content, and every focusable element shows a clear focus
ring. Reflow: usable at 320 px wide (400% zoom) and at 200% zoom without sideways scrolling.
The same gates run over a fixture site with seeded defects, to show that they catch them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gates import (  # noqa: F401  (fixtures)
    AXE_JS,
    AXE_TAGS,
    REFLOW_WIDTHS,
    Seeded,
    Survey,
    listing,
    open_search,
    pages_with,
    run_axe,
    seeded,
    seeded_survey,
    site_survey,
)
from pageprobe import Probe

pytestmark = pytest.mark.browser


def test_axe_is_the_pinned_copy_and_runs_every_wcag_rule(browser, site_survey: Survey) -> None:
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run scripts/test, which installs it with npm ci"
    assert "axe v4.14.1" in AXE_JS.read_text(encoding="utf-8")[:100]
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html lang='en'><title>rules</title><p>rules</p></html>")
        page.add_script_tag(path=AXE_JS)
        # Every rule axe tags WCAG 2.0/2.1/2.2 A or AA, but the experimental and deprecated ones, which
        # axe leaves out unless asked.
        expected = set(
            page.evaluate(
                """(tags) => axe.getRules(tags)
                  .filter(r => !r.tags.includes('experimental') && !r.tags.includes('deprecated'))
                  .map(r => r.ruleId)""",
                list(AXE_TAGS),
            )
        )
    finally:
        page.close()
    assert len(expected) >= 60 and {"color-contrast", "link-in-text-block", "target-size"} <= expected
    # Each of them ran over the site (it passed, failed, needed review or did not apply on each page).
    assert site_survey.axe_rules == expected, (
        f"rules not run: {sorted(expected - site_survey.axe_rules)}; unexpected: {sorted(site_survey.axe_rules - expected)}"
    )


def test_no_axe_violations_on_any_page(site_survey: Survey) -> None:
    found = site_survey.axe()
    assert found == [], listing(found, f"axe violations ({', '.join(AXE_TAGS)})")


def test_no_axe_violations_on_the_open_search_with_results(browser, unpacked: Path) -> None:
    probe = Probe.open(browser, unpacked, reduced_motion="reduce")
    try:
        page = probe.page()
        probe.goto(page, "framework/index.html")
        open_search(page, "mentoring")
        page.keyboard.press("ArrowDown")  # a focused result, with its hover/focus colours
        assert page.locator(".md-search-result__item").count() >= 3
        assert page.locator(".md-search-result mark").count() > 0, "no highlighted terms in the results"
        violations, rules = run_axe(page)
        assert "color-contrast" in rules
        assert violations == [], "\n".join(v.describe() for v in violations)
        assert probe.console_errors == [], probe.console_errors
    finally:
        probe.close()


def test_no_axe_violations_on_a_page_opened_from_search(browser, unpacked: Path) -> None:
    # A section hit opens its page at an anchor (:target styles) with the terms highlighted.
    probe = Probe.open(browser, unpacked, reduced_motion="reduce")
    try:
        page = probe.page()
        probe.goto(page, "index.html")
        open_search(page, "mentoring")
        link = page.locator(".md-search-result__link:has(article h2)").filter(visible=True).first
        before = page.url
        link.click()
        page.wait_for_url(lambda url: url != before)
        page.wait_for_load_state()
        assert "#" in page.url and page.locator("mark[data-md-highlight]").count() > 0, page.url
        violations, _ = run_axe(page)
        assert violations == [], "\n".join(v.describe() for v in violations)
    finally:
        probe.close()


def test_every_page_has_a_working_skip_link(site_survey: Survey) -> None:
    found = site_survey.skip_link()
    assert found == [], listing(found, "skip link problems")


def test_every_focusable_element_shows_a_clear_focus_ring(site_survey: Survey) -> None:
    found = site_survey.focus()
    assert found == [], listing(found, "elements without a visible keyboard focus ring")
    assert sum(r.focus_checked for r in site_survey.pages.values()) >= 10 * len(site_survey.pages)


@pytest.mark.parametrize("width", REFLOW_WIDTHS, ids=lambda w: f"{w}px")
def test_content_reflows_without_sideways_scrolling(site_survey: Survey, width: int) -> None:
    found = site_survey.reflow(width)
    assert found == [], listing(found, f"sideways overflow at {width} px")
    assert all(width in r.reflow for r in site_survey.pages.values())


# The gates can fail ----------------------------------------------------------------------------------


