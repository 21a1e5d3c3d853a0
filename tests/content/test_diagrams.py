"""The framework's two diagrams, the facilitator's board and the A3 poster."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import Built
from pageprobe import Probe

CIRCLES = "framework/activity-circles.html"
PATH = "framework/to-leadership.html"
POSTER = "downloads/mcframe-poster-a3.pdf"


@pytest.mark.parametrize("page", [CIRCLES, PATH])
def test_each_diagram_is_an_accessible_svg_with_a_text_list_marked_as_this_editions(built: Built, page: str) -> None:
    html = (built.site / page).read_text()
    svg = re.search(r"<svg class=\"mcf-diagram[^>]*>(.*?)</svg>", html, re.S)
    assert svg and re.search(r"<title id=\"[a-z-]+\">[^<]+</title><desc id=\"[a-z-]+\">[^<]{40,}</desc>", svg.group(1))
    assert "this edition&#39;s rendering of the framework&#39;s component" in html
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count("<li") >= 5  # the same content as text


def test_each_activity_is_drawn_in_exactly_its_circles(built: Built) -> None:
    """A label drawn inside a circle reads as belonging to it: each activity sits in the region of
    exactly the circles content gives it (the two-circle labels once sat inside all three)."""
    import math

    import yaml

    from conftest import ROOT

    html = (built.site / CIRCLES).read_text()
    svg = re.search(r'<svg class="mcf-diagram mcf-circles".*?</svg>', html, re.S)
    assert svg
    circles = [(float(x), float(y), float(r)) for x, y, r in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', svg.group(0))]
    concepts = [c["id"] for c in yaml.safe_load((ROOT / "content/framework/concepts.yaml").read_text())["concepts"]]
    activities = yaml.safe_load((ROOT / "content/diagrams/activities.yaml").read_text())["activities"]
    for a in activities:
        found = re.search(rf'<text x="([\d.]+)" y="([\d.]+)"[^>]*class="mcf-circles__activity">{a["id"]}</text>', svg.group(0))
        assert found, a["id"]
        x, y = float(found.group(1)), float(found.group(2)) - 6  # the label's middle, above its baseline
        for dx in (-16, 0, 16):  # the whole label, not only its middle
            inside = {concepts[i] for i, (cx, cy, r) in enumerate(circles) if math.hypot(x + dx - cx, y - cy) < r - 2}
            assert inside == set(a["circles"]), (a["id"], dx, inside)


def test_activities_link_to_where_they_appear(built: Built) -> None:
    html = (built.site / CIRCLES).read_text()
    item = re.search(r'<li data-activity="Observation with an agreed focus" id="a02">(.*?)</li>', html, re.S)
    assert item and 'href="skills.html#sk5"' in item.group(1)
    assert "glossary.html#lesson-observation" in item.group(1) and "case-studies/cs02.html" in item.group(1)


def test_the_a3_poster(built: Built) -> None:
    data = (built.site / POSTER).read_bytes()
    with zipfile.ZipFile(built.zip) as zf:
        assert zf.read(POSTER) == data
    assert (built.project / "dist" / "mcframe-poster-a3.pdf").read_bytes() == data
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (297, 420)
    text = " ".join(reader.pages[0].extract_text().split())
    for definition in (
        "A structured, sustained process that supports a professional learner through a significant transition",
        "A structured, sustained process in which a coach with relevant expertise",
        "A structured, sustained process between two or more professional learners",
    ):
        assert definition in text, definition
    for heading in ("Purpose (why?)", "Participation (who?)", "Activity (what?)", "Career stage (when?)", "Location (where?)"):
        assert heading in text, heading
    assert "Edition 0.1, 2026-11-24" in text and "The mcframe project" in text


@pytest.mark.browser
def test_facilitators_board_offline_by_keyboard(browser, unpacked: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    probe, page = Probe.tool(browser, unpacked, CIRCLES)
    assert page.locator("[data-board=delete]").is_hidden()  # nothing to choose or delete before a first board
    page.locator("#mcf-board-name").fill("Workshop")
    page.locator("[data-board=new-empty]").click()
    assert page.locator("[data-board=delete]").is_visible()
    page.locator("#mcf-card-text").fill("Shadowing a colleague")
    page.locator("#mcf-card-text").press("Tab")
    page.keyboard.press("Enter")  # "Add it to the board", by keyboard: focus moves to the card's menu
    assert page.evaluate("document.activeElement.hasAttribute('data-move')")
    page.keyboard.press("Home")  # by keyboard alone: to the first region, then on to the overlap of the first two
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "C1+C2"
    assert page.locator('section[data-region="C1+C2"] .mcf-board__text').inner_text() == "Shadowing a colleague"
    page.reload()
    assert page.locator('section[data-region="C1+C2"] .mcf-board__text').inner_text() == "Shadowing a colleague"
    with page.expect_download() as got:
        page.locator("[data-board=export-json]").click()
    exported = tmp_path / "board.json"
    got.value.save_as(exported)
    assert json.loads(exported.read_text())["cards"] == [{"text": "Shadowing a colleague", "region": "C1+C2"}]
    page.locator("[data-board=delete]").click()
    assert page.locator(".mcf-board__card").count() == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "mcframe-activity-board", "name": "X", "cards": [{"text": "Y", "region": "C9"}]}))
    page.locator("#mcf-board-import").set_input_files(str(bad))
    page.wait_for_function("document.querySelector('[data-mcf-board-status]').textContent.includes('Nothing was imported')")
    assert page.locator("#mcf-board-select option").count() == 0
    page.locator("#mcf-board-import").set_input_files(str(exported))
    page.wait_for_function("document.querySelector('[data-mcf-board-status]').textContent.includes('Imported')")
    assert page.locator('section[data-region="C1+C2"] .mcf-board__text').inner_text() == "Shadowing a colleague"
    page.locator("[data-board=new-framework]").click()
    assert page.locator(".mcf-board__card").count() == 12
    page.locator("[data-board=compare]").click()
    assert "0 of your cards sit elsewhere" in page.locator("[data-mcf-board-compare]").inner_text()
    assert probe.outside == []
    probe.close()


def test_the_path_diagram_stands_alone_and_names_every_stage_in_full(built) -> None:  # type: ignore[no-untyped-def]
    """In the PDF there is no stylesheet: the stage boxes once printed solid black, and names were cut
    ("Initial teacher training…")."""
    import re

    html = (built.site / "framework/to-leadership.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="mcf-diagram mcf-path".*?</svg>', html, re.S).group(0)  # type: ignore[union-attr]
    assert re.findall(r"<rect [^>]*>", svg) and all('fill="none"' in r and "stroke=" in r for r in re.findall(r"<rect [^>]*>", svg))
    assert re.search(r'<polyline fill="none" stroke="#[0-9a-f]{6}"', svg)
    assert "…" not in svg
    assert "<tspan" in svg and "teachers and induction</tspan>" in svg


def test_the_offline_tools_speak_the_sites_words() -> None:
    """What the board and the self-review say is in labels (board_say_*, review_say_*), so another
    framework, in another language, changes no code: no sentence is left in their scripts."""
    from conftest import ROOT

    for name in ("circlesboard.js", "selfreview.js"):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (ROOT / "src/mcframe/assets" / name).read_text(), flags=re.S)
        assert re.findall(r'"[A-Z][a-z]+ [^"]*"', code) == [], name


@pytest.mark.browser
def test_the_board_in_another_language(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from conftest import build_project, copy_project, edit, unpack

    project = copy_project(tmp_path / "p")
    french = '  board_which: Tableau\n  board_say_moved: "{card} déplacé vers {region}."\n  board_say_default_name: Notre tableau\n'
    edit(project / "content/site.yaml", "labels:\n", "labels:\n" + french)
    probe, page = Probe.tool(browser, unpack(build_project(project).zip, tmp_path / "u"), CIRCLES)
    page.locator("#mcf-card-text").fill("Observer un collègue")
    page.locator("[data-board=add]").click()
    assert page.locator("label[for=mcf-board-select]").inner_text() == "Tableau"
    assert page.locator("#mcf-board-select option").inner_text() == "Notre tableau"
    page.locator("select[data-move]").select_option("C1+C2")
    status = page.locator("[data-mcf-board-status]")
    assert status.inner_text().startswith("Observer un collègue déplacé vers ")
    probe.close()
