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


_SPLIT_WORDS = r"""() => {
  const out = [];
  for (const cell of document.querySelectorAll('article table th, article table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const words = /[^\s\u00a0\-\u2013\u2014\/]{2,}/g;
      for (let m = words.exec(n.data); m; m = words.exec(n.data)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (lines.size > 1) out.push(cell.tagName + ': ' + m[0]);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_no_word_in_a_table_breaks_across_lines(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """Links in narrow columns once broke mid-word: "M/en/tor/in/g", "Leaders hip"."""
    pages = sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html") if "<table" in p.read_text(encoding="utf-8"))
    assert {"framework/skills.html", "framework/descriptions.html", "policy/grid.html"} <= set(pages)
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 900})
    page = probe.page()
    broken = {}
    for name in pages:
        probe.goto(page, name)
        if split := page.evaluate(_SPLIT_WORDS):
            broken[name] = split[:5]
    assert broken == {}
    probe.close()


def test_a_wide_grid_scrolls_in_a_labelled_region_you_can_reach_by_keyboard(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, viewport={"width": 1280, "height": 900})
    page = probe.page()
    probe.goto(page, "policy/grid.html")
    region = page.locator(".mcf-table-wrap")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label")
    probe.close()


def test_table_captions_stay_in_their_tables_and_the_skills_marks_have_a_key(built) -> None:  # type: ignore[no-untyped-def]
    for page in built.site.rglob("*.html"):
        assert "<p><caption" not in page.read_text(encoding="utf-8"), page  # the browser would move it out
    skills = (built.site / "framework/skills.html").read_text(encoding="utf-8")
    assert 'class="mcf-key">Key: ● used in this form of practice; – less central to it.' in skills


_CHART_TEXT = r"""() => {
  const boxes = [], small = [];
  for (const svg of document.querySelectorAll('svg.mcf-chart')) {
    if (!svg.getClientRects().length) continue;  // the other width's drawing, not shown
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 12) small.push(t.textContent + ' ' + px.toFixed(1));
      boxes.push([t.textContent, t.getBoundingClientRect()]);
    }
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [s, a] = boxes[i], [u, b] = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(s + ' / ' + u);
  }
  return {shown: boxes.length, small, overlaps};
}"""


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_chart_text_is_readable_and_never_overlaps(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """Chart text was once about 9 px on phones, and two legend labels ran into each other."""
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 900})
    page = probe.page()
    for name in ("case-studies/cs04.html", "evidence/ev05.html"):
        probe.goto(page, name)
        found = page.evaluate(_CHART_TEXT)
        assert found["shown"] > 10, (name, found)
        assert found["small"] == [] and found["overlaps"] == [], (name, found)
    probe.close()


def test_percentage_axes_step_in_round_numbers_with_a_unit(built) -> None:  # type: ignore[no-untyped-def]
    html = (built.site / "evidence/ev05.html").read_text(encoding="utf-8")
    assert ">75%</text>" in html and ">100%</text>" in html and "22.5" not in html


def test_a_filtered_view_lives_in_the_address_and_the_back_button_undoes_it(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, viewport={"width": 1280, "height": 900})
    page = probe.page()
    probe.goto(page, "case-studies/index.html")
    select = page.locator("form.mcf-filters select").first
    name = select.get_attribute("name")
    value = select.locator("option").nth(1).get_attribute("value")
    total = page.locator("[data-mcf-item]").count()
    select.select_option(value)
    shown = page.locator("[data-mcf-item]:visible").count()
    assert 0 < shown < total
    assert f"#filter:{name}=" in page.url
    shared = page.url
    page.go_back()
    page.wait_for_function(f"document.querySelectorAll('[data-mcf-item]:not([hidden])').length === {total}")
    assert select.input_value() == ""
    other = probe.page()
    other.goto(shared)  # the shared address opens the same view
    assert other.locator("form.mcf-filters select").first.input_value() == value
    assert other.locator("[data-mcf-item]:visible").count() == shown
    assert "(1 active)" in (other.locator("[data-mcf-active]").first.text_content() or "")
    probe.close()


def test_on_a_phone_the_filters_fold_behind_their_summary(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, viewport={"width": 320, "height": 700})
    page = probe.page()
    probe.goto(page, "case-studies/index.html")
    panel = page.locator("[data-mcf-panel]").first
    assert panel.evaluate("el => el.open") is False
    assert not page.locator("form.mcf-filters select").first.is_visible()
    page.locator("[data-mcf-panel] > summary").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("form.mcf-filters select").first.is_visible()
    for form in page.locator("form.mcf-filters select").all():  # a facet with one value offers no choice
        assert form.locator("option").count() > 2
    probe.close()


def test_every_map_marker_can_be_seen_and_places_are_named(built) -> None:  # type: ignore[no-untyped-def]
    """Two pairs of sites (Bristol, Poole) once shared a point, each hiding the other."""
    import math
    import re

    html = (built.site / "practice/directory.html").read_text(encoding="utf-8")
    for panel in re.findall(r'<svg class="mcf-map".*?</svg>', html, re.S):
        centres = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="7"/>', panel)]
        assert centres
        for i, a in enumerate(centres):
            for b in centres[i + 1 :]:
                assert math.dist(a, b) >= 9.9, (a, b)
        assert '<g class="mcf-map__places" aria-hidden="true"><text' in panel
    assert ">Bristol</text>" in html and ">Lima</text>" in html
