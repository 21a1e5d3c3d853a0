"""Whose words and where it stands: every element of content says whether its wording is quoted, a
summary or editorial, and whether it is a draft; drafts stay out of the published build."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import Built, copy_fixture, edit, run_mcframe
from minimal import PRINCIPLES, problems_for


def test_an_element_without_wording_or_review_is_refused(tmp_path: Path) -> None:
    bad = PRINCIPLES.replace("    wording: {kind: summary, source: seed}\n", "").replace("    review: {status: published, date: 2026-01-01}\n", "")
    assert problems_for(tmp_path, "framework/principles.yaml", bad) == [
        "content/framework/principles.yaml:2:5: missing required field 'wording'",
        "content/framework/principles.yaml:2:5: missing required field 'review'",
    ]


def test_a_quotation_or_summary_names_its_source(tmp_path: Path) -> None:
    bad = PRINCIPLES.replace("{kind: summary, source: seed}", "{kind: quoted, where: p. 3}")
    assert problems_for(tmp_path, "framework/principles.yaml", bad) == [
        "content/framework/principles.yaml:6:14: a quoted names its source: add 'source'"
    ]


def test_each_kind_of_wording_is_shown_differently(fixture_built: Built) -> None:
    idea = (fixture_built.site / "ideas/k1.html").read_text()
    assert '<p class="mcf-wording mcf-wording--summary">This edition&#39;s summary of <a href="../references.html#ref-handbook">' in idea
    assert 'class="mcf-wording mcf-wording--editorial">Editorial: what sets it apart' in idea
    lexicon = (fixture_built.site / "lexicon.html").read_text()
    assert 'class="mcf-wording mcf-wording--editorial">Editorial: in this edition&#39;s own words. Sources: <a href="references.html#ref-handbook">' in lexicon


def test_drafts_are_left_out_of_the_published_build(fixture_built: Built) -> None:
    rules = (fixture_built.site / "rules.html").read_text()
    assert "Tidy as you go" not in rules and "R-03" not in rules
    assert "Check against the handbook" not in rules
    with zipfile.ZipFile(fixture_built.zip) as zf:
        assert not any("Tidy as you go" in zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith((".html", ".js", ".json")))


def test_an_editors_build_shows_drafts_marked_as_such(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    result = run_mcframe(project, "build", "--drafts")
    assert result.returncode == 0, result.stderr
    rules = (project / "site/rules.html").read_text()
    assert "Tidy as you go" in rules
    assert '<p class="admonition-title">Draft</p>' in rules and "Check against the handbook" in rules
    assert (project / "dist/workshop-3-drafts.zip").is_file() and not (project / "dist/workshop-3.zip").exists()


def test_a_published_element_may_not_refer_to_a_draft(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    glossary = project / "content/glossary/apprentice.yaml"
    edit(glossary, "id: apprentice\n", "id: apprentice\nrelated: [workbench]\n")
    bench = project / "content/glossary/workbench.yaml"
    edit(bench, "status: published", "status: draft")
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    assert "content/glossary/apprentice.yaml:2:11: term 'workbench' is a draft: publish it, or leave this reference out" in result.stderr
