"""The unpacked zip in Chromium from file://: search works, nothing leaves the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pageprobe import Probe

pytestmark = pytest.mark.browser


def test_search_finds_specialist_coaching_offline(browser, unpacked: Path) -> None:
    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "index.html")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("specialist coaching")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    assert "Specialist coaching" in page.locator(".md-search-result").inner_text()
    page.locator(".md-search-result__link", has_text="Specialist coaching").first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("framework/concepts/c2.html")
    assert page.title().startswith("Specialist coaching")
    assert probe.outside == []
    assert probe.console_errors == []
    assert any(u.endswith("search/search_index.js") for u in probe.requests)
    probe.close()
