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


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("P3", "framework/principles.html"), ("CS04", "case-studies/cs04.html"), ("SK5", "framework/skills.html"),
        # A concept's name finds the concept (search_boost), without pushing it above better hits for other words.
        ("mentoring", "framework/concepts/c1.html"), ("peer coaching", "case-studies/cs02.html"), ("which approach", "framework/which-approach.html"),
    ],
)
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
  const boxes = [], small = [], cut = [];
  for (const svg of document.querySelectorAll('svg.mcf-chart')) {
    if (!svg.getClientRects().length) continue;  // the other width's drawing, not shown
    const frame = svg.getBoundingClientRect(), scale = frame.width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale, box = t.getBoundingClientRect();
      if (px < 12) small.push(t.textContent + ' ' + px.toFixed(1));
      if (box.right > frame.right + 1 || box.left < frame.left - 1) cut.push(t.textContent);  // runs out of the drawing
      boxes.push([t.textContent, box]);
    }
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [s, a] = boxes[i], [u, b] = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(s + ' / ' + u);
  }
  return {shown: boxes.length, small, overlaps, cut};
}"""


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_chart_text_is_readable_and_never_overlaps(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """Chart text was once about 9 px on phones, two legend labels ran into each other, and a long
    series name ran out of the phone's drawing."""
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 900})
    page = probe.page()
    for name in ("case-studies/cs04.html", "evidence/ev05.html"):
        probe.goto(page, name)
        found = page.evaluate(_CHART_TEXT)
        assert found["shown"] > 10, (name, found)
        assert found["small"] == [] and found["overlaps"] == [] and found["cut"] == [], (name, found)
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


# --- Identity and ways in ----------------------------------------------------------------------------


def test_the_home_page_says_what_this_is_and_offers_ways_in(built) -> None:  # type: ignore[no-untyped-def]
    import re

    home = (built.site / "index.html").read_text(encoding="utf-8")
    lead = re.search(r'<div class="mcf-hero__lead">(.*?)</div>', home, re.S)
    assert lead
    text = re.sub(r"<[^>]+>", "", lead.group(1)).strip()
    assert len(re.findall(r"[.!?](?:\s|$)", text)) == 2, text  # two sentences: what, for whom, who publishes
    assert "mcframe project" in text and "teachers, school leaders" in text
    buttons = re.findall(r'<a class="md-button[^"]*" href="([^"]+)">', home)
    assert buttons[:2] == ["start.html", "framework/which-approach.html"]
    for route in ("new-mentor", "coach", "cpd-coordinator", "school-leader", "provider"):
        assert f'href="start.html#{route}"' in home


def test_each_route_is_a_handful_of_steps_in_order(built) -> None:  # type: ignore[no-untyped-def]
    import re

    start = (built.site / "start.html").read_text(encoding="utf-8")
    for route in ("new-mentor", "coach", "cpd-coordinator", "school-leader", "provider"):
        section = start.split(f'id="{route}"', 1)[1].split("<h2", 1)[0]
        steps = re.findall(r'<li><a class="mcf-route__link" href="([^"]+)">', section)
        assert 4 <= len(steps) <= 8, (route, steps)
        for href in steps:
            assert (built.site / href.split("#")[0]).is_file(), href
    assert 'class="mcf-wording mcf-wording--editorial"' in start  # the routes are this edition's suggestions


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_which_approach_when_works_without_javascript(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = probe.page()
    probe.goto(page, "framework/which-approach.html")
    tables = page.locator("table.mcf-approach")
    assert tables.count() == 2 and tables.first.is_visible()
    page.get_by_role("link", name="Early career, after induction").first.click()
    assert page.url.endswith("#w7")
    row = page.locator("tr#w7")
    assert row.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # the chosen row stands out (:target)
    top = row.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 800  # and is in view
    best = row.locator(".mcf-fit--best a").first
    assert best.inner_text() == "Collaborative (co-)coaching"
    assert "D4" in row.inner_text()  # each answer names the rows of the table it rests on
    for table in tables.all():  # no sideways scrolling, even at 320 px
        assert table.evaluate("el => el.scrollWidth <= el.parentElement.clientWidth + 1")
    probe.close()


_MAP_BOXES = r"""() => [...document.querySelectorAll('svg.mcf-map[id]')].map(svg => {
  const box = el => { const b = el.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  return {
    width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height,
    names: [...svg.querySelectorAll('.mcf-map__places text')].map(t => [t.textContent, box(t)]),
    markers: [...svg.querySelectorAll('.mcf-map__marker circle:first-of-type')].map(box),
  };
})"""


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_map_names_are_clear_of_each_other_and_of_the_markers(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """Bromley's name once ran into Hillingdon's marker and Bristol's name."""
    probe = Probe.open(browser, unpacked, viewport={"width": width, "height": 800})
    page = probe.page()
    probe.goto(page, "practice/directory.html")
    panels = page.evaluate(_MAP_BOXES)
    assert panels

    def overlap(a: list[float], b: list[float]) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    for panel in panels:
        names = panel["names"]
        for i, (name, box) in enumerate(names):
            assert box[0] >= 0 and box[2] <= panel["width"], name  # inside the panel
            assert not [other for other, b in names[i + 1 :] if overlap(box, b)], name
            assert not [m for m in panel["markers"] if overlap(box, m)], name
    probe.close()


def test_the_map_has_a_key_and_no_stray_lines(built) -> None:  # type: ignore[no-untyped-def]
    """A country drawn across the antimeridian (Fiji) once put a line across the Peru panel."""
    import re

    html = (built.site / "practice/directory.html").read_text(encoding="utf-8")
    key = re.search(r'<dl class="mcf-map-legend" aria-label="Map key">(.*?)</dl>', html, re.S)
    assert key and "A site in the directory" in key.group(1) and "not the site&#39;s address" in key.group(1)
    for panel in re.findall(r'<svg class="mcf-map" id=.*?</svg>', html, re.S):
        width = float(re.search(r'viewBox="0 0 ([\d.]+) ', panel).group(1))  # type: ignore[union-attr]
        xs = [float(x) for x in re.findall(r"[ML](-?[\d.]+) ", panel)]
        assert xs and min(xs) > -3 * width and max(xs) < 4 * width


_TOP_ENTRY = r"""name => {
  const entries = [...document.querySelectorAll('.md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link')]
    .filter(el => el.textContent.trim() === name && el.checkVisibility({visibilityProperty: true}) && el.getBoundingClientRect().height > 0);
  return entries.length ? Math.min(...entries.map(el => el.getBoundingClientRect().bottom)) : null;
}"""


def test_the_sidebar_shows_every_section_on_a_laptops_first_screen(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    """A 33-entry sidebar once pushed Glossary and About below the fold at 1280×800."""
    probe = Probe.open(browser, unpacked, viewport={"width": 1280, "height": 800})
    page = probe.page()
    for path in ("framework/principles.html", "case-studies/cs01.html", "glossary.html", "about.html"):
        probe.goto(page, path)
        for name in ("Framework", "Practice", "Evidence", "Glossary", "Sources", "About"):
            bottom = page.evaluate(_TOP_ENTRY, name)
            assert bottom is not None and bottom <= 800, (path, name, bottom)
    probe.close()


def test_the_header_wears_the_sites_colours(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "index.html")
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(20, 80, 92)"  # #14505c
    assert page.locator(".mcf-roles strong").first.evaluate("el => getComputedStyle(el).color") == "rgb(20, 80, 92)"
    probe.close()


def test_no_reader_facing_label_is_a_bare_internal_code(built) -> None:  # type: ignore[no-untyped-def]
    """Codes such as FO-MENTORING or PH-PRIMARY once stood in for names; an "ID …" badge for citing is fine."""
    import re

    from lxml import html

    code = re.compile(r"\b(?:FO|PH|ST|PU)-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")
    found = []
    for path in sorted(built.site.rglob("*.html")):
        tree = html.parse(str(path)).getroot()
        for el in tree.xpath("//script|//style|//*[contains(concat(' ', @class, ' '), ' mcf-id__code ')]"):
            el.drop_tree()
        text = " ".join(tree.xpath("//body")[0].itertext())
        found += [f"{path.relative_to(built.site)}: {m.group(0)}" for m in code.finditer(text)]
    assert found == []


def test_the_descriptions_table_points_to_which_approach_when(built) -> None:  # type: ignore[no-untyped-def]
    """The aid is built from the table; a reader of the table is told where it is (a ref: link in content)."""
    html = (built.site / "framework/descriptions.html").read_text(encoding="utf-8")
    assert '<a href="which-approach.html">Which approach when?</a>' in html


def test_headings_on_a_phone_have_no_line_of_their_own_for_the_permalink(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    """A heading that filled its last line pushed its hidden "#" onto a new line, leaving a gap."""
    probe = Probe.open(browser, unpacked, viewport={"width": 390, "height": 800})
    page = probe.page()
    probe.goto(page, "framework/purposes.html")
    heading = page.locator("#pu-induction")
    line = float(heading.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)"))
    assert heading.bounding_box()["height"] < 1.5 * line  # type: ignore[index]
    assert page.evaluate("() => [...document.querySelectorAll('.headerlink')].every(a => getComputedStyle(a).display === 'none')")
    probe.close()
