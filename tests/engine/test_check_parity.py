"""``scripts/check`` catches everything the build would refuse in content: on each broken project,
check and build both fail, and every error the build reports (``path:line:col: message``) is reported
by the check at the same place, in the same words. Neither prints a Python traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import copy_fixture, edit, run_mcframe

SITE, NOTES, WAYS = "content/site.yaml", "docs/notes.md", "content/ways.yaml"
RESUME = "templates/resume.md.j2"


def add(path: str, text: str) -> Callable[[Path], None]:
    return lambda project: (project / path).write_text((project / path).read_text() + text)


def write(path: str, text: str) -> Callable[[Path], None]:
    return lambda project: (project / path).write_text(text)


def change(path: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda project: edit(project / path, old, new)


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    return lambda project: [step(project) for step in steps] and None


BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "unknown template": (change(SITE, "template: glossary.md.j2", "template: glosary.md.j2"), "no template 'glosary.md.j2'"),
    "template syntax error": (add(RESUME, "\n{% if lib %}\nunclosed\n"), "templates/resume.md.j2:9:1: template syntax error"),
    "undefined name in a template": (add(RESUME, "\n{{ nothing.here }}\n"), "templates/resume.md.j2:8:1: 'nothing' is undefined"),
    "label with no words": (add(RESUME, "\n{{ label('no_such_words') }}\n"), "templates/resume.md.j2:8:1: no label 'no_such_words'"),
    "unknown label key": (
        change(SITE, "  principles: Rules of thumb\n", "  principls: Rules of thumb\n"),
        "unknown label 'principls' (did you mean 'principles'?)",
    ),
    "unknown export": (
        change(SITE, "    lists: [principles]\n", "    lists: [principles]\n    downloads:\n      - {export: no-such-export, path: r.csv, label: CSV}\n"),
        "unknown export 'no-such-export'",
    ),
    "ref: link to nothing in a hand-written page": (
        add(NOTES, "\nAlso [a missing rule](ref:principle/R-99).\n"), "docs/notes.md:7:23: no rule of thumb 'R-99' to link to",
    ),
    "ref: link to a draft in a hand-written page": (
        add(NOTES, "\nAlso [a draft](ref:principle/R-03).\n"), "docs/notes.md:7:16: no rule of thumb 'R-03' to link to",
    ),
    "link to no page in a hand-written page": (add(NOTES, "\nSee [the tools](tools.md).\n"), "docs/notes.md:7:17: a link to 'tools.md' goes nowhere"),
    "absolute link in a hand-written page": (add(NOTES, "\nSee [the rules](/rules.html).\n"), "docs/notes.md:7:17: an absolute link '/rules.html'"),
    "ref: link to nothing in content": (  # named in the content file, not on the generated page
        change("content/ideas.yaml", "each step named aloud.", "each step named aloud ([see](ref:principle/R-99))."),
        "content/ideas.yaml:6:99: no rule of thumb 'R-99' to link to",
    ),
    "script in a hand-written page": (add(NOTES, '\n<p onmouseover="alert(1)">Hover</p>\n'), "docs/notes.md:7:4: the page may not carry script"),
    "script by attribute list in a hand-written page": (
        add(NOTES, '\nHover me.\n{: onmouseover="alert(1)" }\n'), "docs/notes.md:8:4: the page may not carry script",
    ),
    "script from a project template": (add(RESUME, "\n<script>alert(1)</script>\n"), "templates/resume.md.j2:8:1: the page may not carry script"),
    "a published element refers to a draft": (change(WAYS, "      - page: rules\n", "      - principle: R-03\n"), "rule of thumb 'R-03' is a draft"),
    "hand-written page missing": (change(SITE, "    path: notes.md\n", "    path: note.md\n"), "hand-written page note.md is not in docs/"),
    "hand-written page clashes with a generated one": (write("docs/rules.md", "# Mine\n"), "docs/rules.md:1:1: clashes with a generated page"),
    "logo with script": (
        change("content/identity/workbench.svg", "  <path", "  <script>alert(1)</script>\n  <path"),
        "content/identity/workbench.svg:3:3: an SVG may hold drawing only: it has a <script> element",
    ),
}

ERROR = re.compile(r"^(\S+:\d+:\d+: (?!warning: ).*)$", re.M)


@pytest.mark.parametrize("case", list(BROKEN))
def test_check_fails_wherever_the_build_fails_with_the_same_place(tmp_path: Path, case: str) -> None:
    spoil, expected = BROKEN[case]
    project = copy_fixture(tmp_path / "p")
    spoil(project)
    build, check = run_mcframe(project, "build"), run_mcframe(project, "check")
    assert build.returncode == 1, build.stdout + build.stderr
    assert check.returncode == 1, check.stdout + check.stderr
    assert expected in build.stderr, build.stderr
    built_errors = ERROR.findall(build.stderr)
    assert built_errors and set(built_errors) <= set(ERROR.findall(check.stderr)), (build.stderr, check.stderr)
    for output in (build.stderr, check.stderr):
        assert "Traceback" not in output


def test_the_draft_case_is_not_one_with_drafts_shown(tmp_path: Path) -> None:
    """What an editors' build accepts, the check with --drafts accepts: a reference to a draft."""
    project = copy_fixture(tmp_path / "p")
    BROKEN["ref: link to a draft in a hand-written page"][0](project)
    assert run_mcframe(project, "check", "--drafts").returncode == 0
    assert run_mcframe(project, "check").returncode == 1
