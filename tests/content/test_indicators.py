"""Success indicators and the offline self-review: the question battery with its bases, and the
self-review tool in Chromium from file:// (rate, note, reload, export, delete, import)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Built, copy_project, edit, run_mcframe
from pageprobe import Probe

PAGE = "indicators/index.html"


def test_at_least_30_questions_in_both_audiences_each_with_a_basis(built: Built) -> None:
    html = (built.site / PAGE).read_text()
    questions = re.findall(r'<div class="mcf-question" data-question="(Q\d+)" id="q\d+">(.*?)</div>\s*</div>', html, re.S)
    if not questions:  # attribute order as written by the Markdown serializer
        questions = re.findall(r'<div[^>]*data-question="(Q\d+)"[^>]*>(.*?)<div class="mcf-answer"', html, re.S)
    assert len(questions) >= 30
    for qid, body in questions:
        rest = body.split("Rests on:", 1)[1]
        assert re.search(r'<a href="[^"]+">', rest), qid
    assert html.count("Ask a provider") >= 10 and html.count("Review our own provision") >= 10
    sheet = (built.site / "indicators/provider-questions.html").read_text()
    article = sheet[sheet.index("<article"):sheet.index("</article>")]
    article = re.sub(r'<details class="mcf-cite.*?</details>', "", article, flags=re.S)  # not printed (print.css)
    assert article.count("<li>") >= 10 and "<input" not in article and "<button" not in article


def test_a_question_with_an_unknown_basis_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "content/indicators/questions.yaml"
    edit(path, "    principles: [P3, P6]\n", "    principles: [P3, P99]\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 1 and "unknown principle 'P99'" in result.stderr


def test_principles_digests_and_case_studies_list_the_questions_that_rest_on_them(built: Built) -> None:
    assert "<strong>Questions:</strong>" in (built.site / "framework/principles.html").read_text()
    assert "Questions that rest on it" in (built.site / "framework/concepts/c2.html").read_text()
    for page in ("case-studies/cs03.html", "evidence/ev05.html"):  # each named by its question, not a bare ID
        pattern = r"<strong>Questions that rest on it:</strong> <a href=\"\.\./indicators/index\.html#q\d+\">Q\d+ [A-Z][^<]+\?</a>"
        assert re.search(pattern, (built.site / page).read_text()), page


@pytest.mark.browser
def test_self_review_offline(browser, unpacked: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    probe, page = Probe.tool(browser, unpacked, PAGE)
    assert page.locator("[data-action=delete]").is_hidden()  # nothing to choose or delete before a first review
    page.locator("#mcf-review-name").fill("Autumn review")
    page.locator("[data-action=new]").click()
    assert page.locator("[data-action=delete]").is_visible()
    # Rate two areas by keyboard and click, and write a note.
    page.locator('fieldset[data-area="IA1"] input[value="getting-started"]').check()
    page.locator('fieldset[data-area="IA4"] input[value="getting-better"]').focus()
    page.keyboard.press("Space")
    page.locator('[data-notes="IA1"]').fill("Purpose agreed with the first group.")
    page.reload()
    assert page.locator('fieldset[data-area="IA1"] input[value="getting-started"]').is_checked()
    assert page.locator('fieldset[data-area="IA4"] input[value="getting-better"]').is_checked()
    assert page.locator('[data-notes="IA1"]').input_value() == "Purpose agreed with the first group."
    bars = page.locator(".mcf-review-chart__bar")
    assert bars.count() == 2 and {bars.nth(i).get_attribute("data-stage") for i in range(2)} == {"getting-started", "getting-better"}
    with page.expect_download() as got:
        page.locator("[data-action=export-json]").click()
    exported = tmp_path / "review.json"
    got.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["ratings"] == {"IA1": "getting-started", "IA4": "getting-better"}
    with page.expect_download() as got_csv:
        page.locator("[data-action=export-csv]").click()
    csv_path = tmp_path / "review.csv"
    got_csv.value.save_as(csv_path)
    assert "IA1,Purpose and fit,getting-started,Purpose agreed with the first group." in csv_path.read_text(encoding="utf-8-sig")
    page.locator("[data-action=delete]").click()
    assert page.locator(".mcf-review-chart__bar").count() == 0
    assert not page.locator('fieldset[data-area="IA1"] input[value="getting-started"]').is_checked()
    # A malformed file changes nothing and says why.
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**data, "ratings": {"IA1": "excellent"}}))
    page.locator("#mcf-review-import").set_input_files(str(bad))
    page.wait_for_function("document.querySelector('[data-mcf-review-status]').textContent.includes('Nothing was imported')")
    assert page.locator("#mcf-review-select option").count() == 0
    page.locator("#mcf-review-import").set_input_files(str(exported))
    page.wait_for_function("document.querySelector('[data-mcf-review-status]').textContent.includes('Imported')")
    assert page.locator('fieldset[data-area="IA4"] input[value="getting-better"]').is_checked()
    assert page.locator('[data-notes="IA1"]').input_value() == "Purpose agreed with the first group."
    assert probe.outside == []
    probe.close()


@pytest.mark.browser
def test_indicators_read_as_a_document_without_javascript(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, unpacked, java_script_enabled=False)
    page = probe.page()
    probe.goto(page, PAGE)
    assert page.locator(".mcf-stages li").first.is_visible()
    assert page.locator(".mcf-question").first.is_visible()
    assert not page.locator("#mcf-review").is_visible() and not page.locator("fieldset.mcf-rate").first.is_visible()
    probe.close()


@pytest.mark.browser
def test_a_first_note_starts_a_review_you_can_see(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    """Typing a note before any review existed saved a hidden one: the chooser stayed empty until a reload."""
    probe, page = Probe.tool(browser, unpacked, PAGE)
    assert page.locator("#mcf-review-select").is_hidden()
    page.locator('[data-notes="IA1"]').fill("A first note.")
    assert page.locator("#mcf-review-select").is_visible()
    assert page.locator("#mcf-review-select option").inner_text() == "Our review"
    assert page.locator('[data-notes="IA1"]').input_value() == "A first note."
    assert page.locator("[data-mcf-review-status]").inner_text() == "Saved in this browser."
    probe.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_review_summary_shows_every_name_whole(browser, unpacked: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """The summary chart cut area names at its left edge and stage names at its right."""
    probe, page = Probe.tool(browser, unpacked, PAGE, viewport={"width": width, "height": 900})
    page.locator("#mcf-review-name").fill("Check")
    page.locator("[data-action=new]").click()
    page.locator('fieldset[data-area="IA1"] input[value="keep-improving"]').check()
    cut = page.evaluate("""() => { const svg = document.querySelector('svg.mcf-review-chart'), box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
        .map(t => t.textContent); }""")
    assert cut == []
    probe.close()
