"""Case studies, the practice directory and map, the policy grid and its exports, evidence digests and
charts: checked against the YAML they come from."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import ROOT, Built, copy_project, edit, run_mcframe, unpack
from mcframe.kinds.programme.spreadsheet import COLUMNS, headings
from mcframe.library import Library, load_library
from minimal import problems_for
from pageprobe import Probe

AGENCY_PROGRAMMES = {
    "DFES": 9,
    "TTA": 5,
    "GTC": 3,
    "NCSL": 5,
}
SITES_2004 = [
    "Blaise Primary School",
    "Hayes Park Primary School",
    "Oakdale Middle School",
    "Ravenswood School",
    "Newhall Green High School",
    "Sweyne Park High School",
]


@pytest.fixture(scope="module")
def lib() -> Library:
    library, problems = load_library(ROOT / "content")
    assert not [p for p in problems if p.severity == "error"]
    return library


# --- Case studies ------------------------------------------------------------------------------


def test_four_sourced_case_studies(lib: Library, built: Built) -> None:
    assert [c.id for c in lib.case_studies] == ["CS01", "CS02", "CS03", "CS04"]
    index = (built.site / "case-studies/index.html").read_text()
    for cs in lib.case_studies:
        assert cs.sources and cs.questions and cs.provenance
        page = (built.site / f"case-studies/{cs.id.lower()}.html").read_text()
        assert "Questions for your own setting" in page and "How this case study was compiled" in page
        assert f'href="{cs.id.lower()}.html"' in index


def test_case_studies_linked_from_every_element_they_illustrate(lib: Library, built: Built) -> None:
    pages = {
        "principle": "framework/principles.html",
        "career_stage": "framework/career-stages.html",
        "purpose": "framework/purposes.html",
        "form": "framework/forms.html",
    }
    for cs in lib.case_studies:
        href = f"case-studies/{cs.id.lower()}.html"
        for concept in cs.concepts:
            page = (built.site / f"framework/concepts/{concept.lower()}.html").read_text()
            assert f'href="../../{href}"' in page, (cs.id, concept)
        for kind, ids in (("principle", cs.principles), ("career_stage", cs.career_stages), ("purpose", cs.purposes), ("form", cs.forms)):
            html = (built.site / pages[kind]).read_text()
            for id in ids:
                section = html[html.index(f'id="{id.lower()}"') :]
                section = section[: section.find("<h2", 10)] if "<h2" in section[10:] else section
                assert f'href="../{href}"' in section, (cs.id, kind, id)


def test_peru_figures_equal_the_source(lib: Library) -> None:
    """Every figure of CS04 is one its source gives, as recorded by hand in fixtures/peru_figures.yaml
    (the source itself is not in this repository)."""
    expected = yaml.safe_load((Path(__file__).parent / "fixtures/peru_figures.yaml").read_text(encoding="utf-8"))
    peru = next(c for c in lib.case_studies if c.id == "CS04")
    figures = [{"label": f.label, "value": f.value, "where": f.where} for o in peru.outcomes for f in o.figures]
    assert figures == expected
    assert {"label": "Principals in 2020", "value": 593, "where": "Section 2.1"} in figures


def test_unknown_career_stage_in_a_case_study_fails_with_its_line(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        "case_studies/x.yaml",
        "id: CS01\ntitle: T\nlabel: L\nsetting:\n  name: S\n  type: School\n  country: England\n"
        "illustrates: I\nstage: getting-started\nforms: [FO-ONE]\ncareer_stages: [ST-ONE, ST-NQTT]\n"
        "principles: [P9]\nstory: S\nquestions: [Q]\nsources: [seed]\nprovenance: P\nstage_reason: R\n"
        "wording: {kind: summary, source: seed}\nreview: {status: published, date: 2026-01-01}\n",
    )
    assert problems == [
        "content/case_studies/x.yaml:11:25: unknown career stage 'ST-NQTT' (did you mean 'ST-ONE'?)",
        "content/case_studies/x.yaml:12:14: unknown principle 'P9' (did you mean 'P1'?)",
    ]


# --- Directory and map -------------------------------------------------------------------------


def test_all_six_2004_sites_in_the_directory(lib: Library) -> None:
    names = [s.name for s in lib.practice_sites]
    for name in SITES_2004:
        assert name in names, name


def test_map_has_one_linked_marker_per_site(lib: Library, built: Built) -> None:
    html = (built.site / "practice/directory.html").read_text()
    markers = re.findall(r'<a href="#(ps\d+)" class="mcf-map__marker"', html)
    assert sorted(markers) == sorted(s.id.lower() for s in lib.practice_sites)
    for id in markers:
        assert f'id="{id}"' in html
    assert "Natural Earth" in html and "<title id=" in html and "<desc id=" in html


def test_duplicate_site_name_and_place_is_an_error(tmp_path: Path) -> None:
    site = (
        "  - id: {id}\n    name: A School\n    type: school\n    area: Poole\n    country: England\n"
        "    latitude: 50.7\n    longitude: -1.9\n    focus: F\n    sources: [seed]\n"
        "    wording: {{kind: editorial}}\n    review: {{status: published, date: 2026-01-01}}\n"
    )
    problems = problems_for(tmp_path, "practice_sites.yaml", "sites:\n" + site.format(id="PS01") + site.format(id="PS02"))
    assert problems == [
        "content/practice_sites.yaml:13:5: 'A School' in Poole, England is listed twice (first at content/practice_sites.yaml:2)"
    ]


# --- Policy grid -------------------------------------------------------------------------------


def test_all_22_programmes_under_their_agencies(lib: Library) -> None:
    assert len(lib.programmes) == 22
    counts = {a: sum(1 for p in lib.programmes if p.agency == a) for a in AGENCY_PROGRAMMES}
    assert counts == AGENCY_PROGRAMMES


def test_csv_export_equals_the_yaml(lib: Library, built: Built) -> None:
    data = (built.site / "policy/policy_grid.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == headings(lib) and rows[0][:3] == ["ID", "Agency", "Programme"]  # headings are labels
    # Row by row against the YAML itself (the export's own logic is tested on a fixture in tests/engine).
    assert [(r[0], r[2]) for r in rows[1:]] == [(p.id, p.name) for p in lib.programmes]
    assert all(len(r) == len(COLUMNS) for r in rows)


def test_xlsx_export_equals_the_yaml(lib: Library, built: Built) -> None:
    wb = openpyxl.load_workbook(built.site / "policy/policy_grid.xlsx")
    assert wb.sheetnames == ["Overview", *[a.abbreviation for a in lib.agencies]]
    overview = wb["Overview"]
    assert overview.freeze_panes == "A2" and overview.auto_filter.ref
    values = [[c if c is not None else "" for c in row] for row in overview.iter_rows(values_only=True)]
    assert values[0] == headings(lib)
    assert [(r[0], r[2]) for r in values[1:]] == [(p.id, p.name) for p in lib.programmes]
    for agency in lib.agencies:
        sheet_ids = [r[0] for r in wb[agency.abbreviation].iter_rows(min_row=2, values_only=True)]
        assert sheet_ids == [p.id for p in lib.programmes if p.agency == agency.id]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith("=")), "no formulas"


def test_unmapped_cells_show_a_dash_and_no_working_note(lib: Library, built: Built) -> None:
    html = (built.site / "policy/grid.html").read_text()
    # A "what" left empty needs no dash when the programme's description fills that cell.
    unmapped = sum(1 for p in lib.programmes for key in ("why", "who", "what", "when", "forms")
                   if getattr(p, key) is None and not (key == "what" and p.description))
    dash = '<span aria-hidden="true">—</span><span class="mcf-sr">not mapped in this edition</span>'
    assert html.count(dash) == unmapped
    assert "not yet mapped" not in html


def test_programme_naming_unknown_career_stage_fails_with_its_line(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        "policy_grid.yaml",
        "agencies:\n  - id: TTA\n    name: Teacher Training Agency\n    abbreviation: TTA\n    description: D\n    sources: [seed]\n"
        "    wording: {kind: editorial}\n    review: {status: published, date: 2026-01-01}\n"
        "programmes:\n  - id: PG01\n    agency: TTA\n    name: Induction\n    when: [ST-NQT]\n    sources: [seed]\n"
        "    wording: {kind: editorial}\n    review: {status: published, date: 2026-11-23}\n",
    )
    assert problems == ["content/policy_grid.yaml:13:12: unknown career stage 'ST-NQT' (did you mean 'ST-ONE'?)"]


# --- Evidence and charts -----------------------------------------------------------------------


def test_at_least_seven_digests_with_full_citations(lib: Library, built: Built) -> None:
    assert len(lib.evidence) >= 7
    for ev in lib.evidence:
        src = lib.get("source", ev.source)
        assert src.title and (src.authors or src.organisation or src.type == "blog-post")  # type: ignore[attr-defined]
        assert ev.limitations
        page = (built.site / f"evidence/{ev.id.lower()}.html").read_text()
        assert "What this does not tell you" in page


def test_chart_numbers_equal_the_yaml(lib: Library, built: Built) -> None:
    charts = [(ev.id, ch) for ev in lib.evidence for ch in ev.charts] + [(c.id, ch) for c in lib.case_studies for ch in c.charts]
    assert charts, "the Peru programme's indicators should be charted"
    for owner, chart in charts:
        page = "evidence" if owner.startswith("EV") else "case-studies"
        html = (built.site / f"{page}/{owner.lower()}.html").read_text()
        dom_id = f"chart-{owner.lower()}-{chart.id}"
        figure = html[html.index(f'id="{dom_id}"') :]
        figure = figure[: figure.index("</figure>")]
        assert f'<title id="{dom_id}-title">' in figure and f'<desc id="{dom_id}-desc">' in figure
        table = figure[figure.index("<tbody>") :]
        cells = re.findall(r"<td>([^<]*)</td>", table)
        expected = [str(s.values[i]) for i in range(len(chart.categories)) for s in chart.series]
        assert cells == expected, (owner, chart.id)
        wide, phone = figure.split('class="mcf-chart mcf-chart--narrow"')
        suffix = "%" if chart.unit == "%" else ""
        for drawing, unit in ((wide, suffix), (phone, suffix)):  # the laptop's and the phone's drawings, each value with its unit
            labels = re.findall(r'class="mcf-chart__value"[^>]*>([^<]+)<', drawing)
            assert sorted(labels) == sorted(f"{v}{unit}" for s in chart.series for v in s.values), (owner, chart.id)


# --- In the browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_case_study_filters_offline(browser, unpacked: Path, lib: Library) -> None:
    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "case-studies/index.html")
    assert page.locator("form.mcf-filters").is_visible()
    page.select_option("#filter-career-stage", "ST-NQT")
    expected = sorted(c.title for c in lib.case_studies if "ST-NQT" in c.career_stages)
    visible = sorted(t.rstrip("#") for t in page.locator("li.mcf-card:visible .mcf-card__title").all_inner_texts())
    assert visible == expected and expected
    status = page.locator("[data-mcf-count]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == f"{len(expected)} of {len(lib.case_studies)} case studies shown"
    # Facets combine.
    page.select_option("#filter-country", "Peru")
    both = [c for c in lib.case_studies if "ST-NQT" in c.career_stages and c.setting.country == "Peru"]
    assert page.locator("li.mcf-card:visible").count() == len(both)
    page.click("form.mcf-filters button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('li.mcf-card:not([hidden])').length === {len(lib.case_studies)}")
    assert probe.console_errors == [] and probe.outside == []
    probe.close()


@pytest.mark.browser
def test_browse_pages_work_without_javascript(browser, unpacked: Path, lib: Library) -> None:
    probe = Probe.open(browser, unpacked, java_script_enabled=False)
    page = probe.page()
    probe.goto(page, "case-studies/index.html")
    assert page.locator("form.mcf-filters").is_hidden()
    assert page.locator("li.mcf-card:visible").count() == len(lib.case_studies)
    assert page.get_by_role("heading", name="Browse by facet").is_visible()
    probe.goto(page, "policy/grid.html")
    assert page.locator("tr[data-mcf-item]:visible").count() == 22
    probe.close()


@pytest.mark.browser
def test_policy_grid_filters(browser, unpacked: Path, lib: Library) -> None:
    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "policy/grid.html")
    page.select_option("#filter-agency", "NCSL")
    assert page.locator("tr[data-mcf-item]:visible").count() == AGENCY_PROGRAMMES["NCSL"]
    assert page.locator("[data-mcf-count]").inner_text() == f"{AGENCY_PROGRAMMES['NCSL']} of 22 programmes shown"
    assert probe.console_errors == [] and probe.outside == []
    probe.close()


def test_a_long_directory_and_policy_grid_split_by_letter(tmp_path: Path) -> None:
    """At thousands of sites or programmes neither page may grow without bound: past split_above each
    becomes an A-Z index and a page per letter, with the map and the filters of that letter's own."""
    from gates import listing, unreachable_pages
    from mcframe.site_audit import broken_links

    project = copy_project(tmp_path / "p")
    for lists in ("[practice_sites]", "[programmes, agencies]"):
        edit(project / "content/site.yaml", f"    lists: {lists}\n    split_above: 300\n", f"    lists: {lists}\n    split_above: 3\n")
    assert run_mcframe(project, "build").returncode == 0
    site = project / "site"
    directory = (site / "practice/directory.html").read_text()
    assert 'class="mcf-az"' in directory and 'class="mcf-map"' not in directory.split("<article", 1)[1]
    letters = sorted(p.name for p in (site / "practice/directory").glob("*.html"))
    assert "b.html" in letters and "o.html" in letters
    blaise = (site / "practice/directory/b.html").read_text()
    assert '<svg class="mcf-map"' in blaise and "Blaise Primary School" in blaise and "Sweyne Park" not in blaise
    assert re.search(r'<a aria-current="page" href="b.html">B</a>', blaise)  # the bar shows which letter this is
    grid = (site / "policy/grid.html").read_text()
    assert 'id="dfes"' in grid and 'data-mcf-item' not in grid  # agencies on the index; programmes on their letters
    page_of = {p.name: p.read_text() for p in (site / "policy/grid").glob("*.html")}
    assert sum(len(re.findall(r"<tr [^>]*id=\"pg\d+\"", html)) for html in page_of.values()) == 22
    assert "mcf-filters" not in page_of["e.html"]  # two programmes, no facet with a choice: no filter panel
    for html in page_of.values():  # each letter's filters count that letter's programmes only
        rows = len(re.findall(r"<tr [^>]*data-mcf-item", html))
        for counts in re.findall(r'<select id="filter-agency"[^>]*>(.*?)</select>', html, re.S):
            assert sum(int(n) for n in re.findall(r"\((\d+)\)</option>", counts)) == rows
    assert re.search(r'href="\.\./policy/grid/[a-z]\.html#pg\d+"', (site / "framework/purposes.html").read_text())
    unpacked = unpack(next((project / "dist").glob("*.zip")), tmp_path / "unpacked")
    found = broken_links(unpacked) + unreachable_pages(unpacked)
    assert found == [], listing(found, "broken links or unreachable pages")


def test_case_study_cards_are_items_of_a_list_not_sections(built: Built, lib: Library) -> None:
    """A card's title has no anchor, so the page's contents and the search index hold the case
    studies once, on their own pages; the page stays small as case studies grow."""
    html = (built.site / "case-studies/index.html").read_text()
    titles = re.findall(r'<h2 class="mcf-card__title"><a href="cs\d+\.html">([^<]+)</a></h2>', html)
    assert len(titles) == len(lib.case_studies) > 0
    contents = html.split("md-sidebar--secondary", 1)[1].split("<article", 1)[0]
    assert not any(title.replace("'", "&#39;") in contents for title in titles)
    index = (built.site / "search/search_index.js").read_text()
    assert '"location":"case-studies/index.html#browse-by-facet"' in index.replace(" ", "")
    assert not re.search(r'"location": ?"case-studies/index\.html#(?!browse-by-facet|career-stage|form-of-practice|purpose|phase|country|stage-of)', index)


def test_browsing_by_facet_without_script_goes_to_each_values_entry(built: Built, lib: Library) -> None:
    """Without script, a value with its own entry (a form, a purpose…) links there, where its case
    studies are listed, with their count; other values (country, stage) list their case studies."""
    html = (built.site / "case-studies/index.html").read_text()
    fallback = html.split('data-mcf-fallback="data-mcf-fallback"', 1)[1]
    mentoring = sum(1 for cs in lib.case_studies if "FO-MENTORING" in cs.forms)
    assert f'<li><a href="../framework/forms.html#fo-mentoring">Mentoring</a> ({mentoring} case studies)</li>' in fallback
    forms = (built.site / "framework/forms.html").read_text().split('id="fo-mentoring"', 1)[1].split("<h2", 1)[0]
    assert all(f'href="../case-studies/{cs.id.lower()}.html"' in forms for cs in lib.case_studies if "FO-MENTORING" in cs.forms)
    assert re.search(r'<li><strong>England:</strong> <a href="cs01\.html">', fallback)


@pytest.mark.browser
def test_policy_grid_fits_a_laptops_column(browser, unpacked: Path) -> None:
    """Six columns in the content's column: the table once ran 34 px past it (the Forms column behind
    a scroll), and each description made its row a screen tall; descriptions are folded now."""
    probe = Probe.open(browser, unpacked, viewport={"width": 1280, "height": 800})
    page = probe.page()
    probe.goto(page, "policy/grid.html")
    js = "() => { const t = document.querySelector('table.mcf-grid--policy'); return [t.scrollWidth, t.closest('.mcf-table-wrap').clientWidth]; }"
    sizes = page.evaluate(js)
    assert sizes[0] <= sizes[1], sizes
    row = page.locator("#pg11")
    assert row.bounding_box()["height"] < 400  # type: ignore[index]
    what = row.locator('td[data-label="What"]')
    assert what.locator("p").first.inner_text() == "School-based mentoring of trainees during their training"  # its own paragraph
    what.locator("summary").click()
    assert "consortium of schools" in what.inner_text()
    probe.close()
