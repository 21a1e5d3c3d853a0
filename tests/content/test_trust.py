"""The real framework's trust: whose words each part is in, no working notes on reader pages, the
framework's five components as the interim report lists them, publisher and edition on every page,
an editorial page relating the framework to today, and case studies placed on the stage scale."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Built

WORKING_NOTES = ("not yet mapped", "not yet verified", "seed", "source id", "no page yet")
STAGES = ("Getting aware", "Getting ready", "Getting started", "Getting better", "Keep improving")


def test_no_working_notes_reach_readers(unpacked: Path) -> None:
    found = []
    for page in sorted(unpacked.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).lower()
        found += [f"{page.relative_to(unpacked)}: {note}" for note in WORKING_NOTES if note in text]
    index = (unpacked / "search/search_index.js").read_text(encoding="utf-8").lower()
    found += [f"search index: {note}" for note in WORKING_NOTES if note in index]
    assert found == []


def test_principles_concepts_and_skills_say_whose_words(built: Built) -> None:
    principles = (built.site / "framework/principles.html").read_text()
    assert principles.count('class="mcf-wording mcf-wording--summary"') == 10
    assert principles.count('class="mcf-wording mcf-wording--editorial"') >= 10  # each "In practice"
    for n in (1, 2, 3):
        concept = (built.site / f"framework/concepts/c{n}.html").read_text()
        assert 'class="mcf-wording mcf-wording--summary">This edition&#39;s summary of' in concept
        assert 'class="mcf-wording mcf-wording--editorial">Editorial: what sets it apart' in concept
    skills = (built.site / "framework/skills.html").read_text()
    assert 'class="mcf-wording mcf-wording--editorial">Editorial: in this edition&#39;s own words' in skills
    for page in ("framework/principles.html", "framework/skills.html", "framework/concepts/c1.html"):
        assert 'class="mcf-sources"' not in (built.site / page).read_text(), page  # no bare "Source:" line


def test_framework_page_lists_the_five_components_as_the_report_does(built: Built) -> None:
    text = re.sub(r"<[^>]+>", "", (built.site / "framework/index.html").read_text())
    for part in (
        "(i) a definition of core concepts",
        "(ii) a diagram to illustrate the overlapping relationships",
        "(iii) a one x A4 table describing mentoring and coaching",
        "(iv) a one x A4 table summarising the skills",
        "(v) a diagram illustrating the way in which the context and specialist support",
    ):
        assert part in " ".join(text.split()), part


def test_every_page_footer_shows_publisher_licence_and_edition(unpacked: Path) -> None:
    for page in sorted(unpacked.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'class="md-copyright__highlight">\s*The mcframe project · Edition 0\.1, 2026-11-24 · [^<]*CC BY 4\.0', html), page


def test_using_this_framework_today_is_editorial_and_sourced(built: Built) -> None:
    html = (built.site / "today.html").read_text()
    assert '<p class="mcf-wording mcf-wording--editorial">Editorial: this page is this edition' in html
    article = html[html.index("<article"):html.index("</article>")]
    rows = re.findall(r"<li>(.*?)</li>", article, re.S)
    assert len(rows) >= 6
    sources = (built.site / "sources.html").read_text()
    for row in rows:
        anchors = re.findall(r'href="sources\.html#([a-z0-9-]+)"', row)
        assert anchors, row
        assert all(f'id="{a}"' in sources for a in anchors), anchors


def test_case_studies_use_the_stage_scale_with_a_reason(built: Built) -> None:
    for n in range(1, 5):
        html = (built.site / f"case-studies/cs0{n}.html").read_text()
        assert any(f"{stage}. " in html for stage in STAGES), n
        assert "This edition&#39;s judgement." in html
        assert not re.search(r"(Embedded|Developing|Emerging) practice", html)


def test_a_wording_line_ends_with_one_stop(built: Built) -> None:
    """A source whose title ends with "?" (Beyond mentoring… Can it live up to its promise?) takes no full stop after it."""
    lines = [m for p in built.site.rglob("*.html") for m in re.findall(r'<p class="mcf-wording[^"]*">.*?</p>', p.read_text())]
    assert any("promise?</a>" in line for line in lines)
    assert [line for line in lines if re.search(r"[?!.]</a>\.", line)] == []
    assert [line for line in lines if re.search(r"[?!]</a>;", line)] == []  # "…promise? Next…", not "…promise?; Next…"


def test_run_in_lists_take_no_semicolon_after_a_question(built: Built) -> None:
    """Titles listed in a line are set apart by a middle dot ("…commit? · Do conversations…"): a title
    may end with "?" or hold a ";" (Beyond mentoring; peer coaching…)."""
    principles = (built.site / "framework/principles.html").read_text()
    assert re.search(r'\?</a> · <a href="\.\./indicators/', principles)
    found = [p.name for p in built.site.rglob("*.html") if re.search(r"[?!]</a>; ", p.read_text())]
    assert found == []
