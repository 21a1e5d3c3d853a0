"""The reader's experience, bug by bug, in Chromium from file:// at phone, tablet and laptop widths."""

from __future__ import annotations

from pathlib import Path

import pytest

from gates import open_search
from pageprobe import Probe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_the_az_bar_stays_a_bar(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """Material's list styles once stacked the 26 letters in a 1,000 px column."""
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 900})
    page = probe.page()
    probe.goto(page, "glossary.html")
    height = page.locator("nav.mcf-az").evaluate("el => el.getBoundingClientRect().height")
    assert height < (260 if width == 320 else 120), height
    probe.close()


@pytest.mark.parametrize(("query", "target"), [("P3", "framework/principles.html"), ("CS04", "case-studies/cs04.html"), ("SK5", "framework/skills.html")])
def test_searching_an_id_finds_its_element_first(browser, unpacked: Path, query: str, target: str) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, reduced_motion="reduce")
    page = probe.page()
    probe.goto(page, "index.html")
    open_search(page, query)
    page.wait_for_timeout(300)
    first = page.locator(".md-search-result__link").first.get_attribute("href") or ""
    assert first.split("?")[0].endswith(target), first
    probe.close()
