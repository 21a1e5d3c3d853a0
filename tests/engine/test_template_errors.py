"""A template's mistake is reported at the template's file and line, relative to the project (the
package's own under ``mcframe/templates/``), never as a traceback nor at site.yaml's ``template:``
line; labels a template asks for have words, and site.yaml names no label nobody uses."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from conftest import ROOT, copy_fixture, edit, run_mcframe
from mcframe.render import make_environment
from mcframe.sitedef import DEFAULT_LABELS
from mcframe.templatecheck import PACKAGE_TEMPLATES, Places, template_problem

RESUME = "templates/resume.md.j2"


def test_a_package_templates_runtime_error_names_its_file_and_line(tmp_path: Path) -> None:
    """A list page given the element page's template: concept.md.j2 asks for the element on its 3rd line."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "    template: principles.md.j2\n", "    template: concept.md.j2\n")
    for command in ("build", "check"):
        result = run_mcframe(project, command)
        assert result.returncode == 1
        expected = r"^mcframe/kinds/concept/templates/concept\.md\.j2:3:1: 'None' has no attribute 'title' \(rendering rules\.md\)$"
        assert re.search(expected, result.stderr, re.M), result.stderr
        assert "Traceback" not in result.stderr and "content/site.yaml" not in result.stderr


def test_a_syntax_error_is_named_relative_to_the_project() -> None:
    error = TemplateSyntaxError("unexpected '}'", 12, "home.md.j2", str(PACKAGE_TEMPLATES / "home.md.j2"))
    assert str(template_problem(error, Places(None), "index.md")) == "mcframe/templates/home.md.j2:12:1: template syntax error: unexpected '}'"
    assert str(template_problem(error, Places(ROOT / "templates"), "index.md")).startswith("src/mcframe/templates/home.md.j2:12:1:")
    assert template_problem(ValueError("not from a template"), Places(None), "index.md") is None


def test_a_label_with_no_words_is_found_in_a_branch_no_page_takes(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / RESUME).write_text((project / RESUME).read_text() + "\n{% if false %}{{ label('skils_caption') }}{% endif %}\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 1
    assert "templates/resume.md.j2:8:1: no label 'skils_caption': add it under labels in site.yaml (did you mean 'skills_caption'?)" in result.stderr


def test_a_projects_own_labels_are_known_and_an_unknown_key_is_refused(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    site = project / "content/site.yaml"
    edit(site, "labels:\n", "labels:\n  resume_count: Il contient\n  resume_of_ideas: idées\n  skills_captoin: Skills\n")
    (project / RESUME).write_text((project / RESUME).read_text() + "\n{{ label('resume_count') }} {{ label('resume_of_' ~ 'ideas') }}\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 1
    line = site.read_text().splitlines().index("  skills_captoin: Skills") + 1
    expected = (
        f"content/site.yaml:{line}:3: unknown label 'skills_captoin' (did you mean 'skills_caption'?): "
        "neither the engine nor a template of the project uses it"
    )
    assert [p for p in result.stderr.splitlines() if not p.endswith("nothing was built.")] == [expected]
    edit(site, "  skills_captoin: Skills\n", "")
    assert run_mcframe(project, "check").returncode == 0


def test_every_label_the_engine_asks_for_has_words() -> None:
    """In its templates and its code: a site that overrides none still has every word (skills_caption had none)."""
    env = make_environment(None)
    asked = set()
    for name in env.list_templates():
        ast = env.parse(*env.loader.get_source(env, name)[:2])  # type: ignore[union-attr]
        for call in ast.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "label" and isinstance(call.args[0], nodes.Const):
                asked.add(call.args[0].value)
    for path in (ROOT / "src/mcframe").rglob("*.py"):
        asked.update(re.findall(r"\blabel\(\s*\"([a-z_]+)\"\s*\)", path.read_text()))
    assert {"skills_caption", "policy_grid_caption", "descriptions_caption"} <= asked
    assert sorted(asked - set(DEFAULT_LABELS)) == []
