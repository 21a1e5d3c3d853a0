"""The damaged-content battery: cases a careless or hostile editor could write, on every surface
(content fields, site.yaml, docs/, templates, exports, the tools' imports, the files themselves).

Each case damages a copy of a project whose last build was good, builds it again in a child process
with a time limit, and holds one of two outcomes:

- **refused**: the build fails, saying ``path:line:col: message`` (``expect`` is a regular expression
  it must match), no traceback is printed, and the last good ``site/`` and zip are byte-identical;
- **neutralised**: the build succeeds and ``check`` finds nothing lost and nothing dangerous.

Test modules list their cases in ``CASES`` and hand them to :func:`parametrize`; ``scripts/battery``
runs every module's cases and prints a table.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, copy_fixture, copy_project

Damage = Callable[[Path], None]  # changes a copied project
SURFACES = ("content fields", "site.yaml", "mkdocs.yml", "docs/", "templates", "exports", "tools' imports", "files")
PROJECTS = {"fixture": FIXTURE, "archive": ROOT / "tests" / "fixture_archive"}


@dataclass(frozen=True)
class Case:
    name: str
    surface: str  # one of SURFACES
    damage: Callable[[Path], None]  # changes the project (a copy of a well-built one)
    expect: str | None = None  # refused: a regular expression the output must match, place included
    check: Callable[[Path], None] | None = None  # neutralised: inspects the built project
    project: str = "fixture"  # which small framework the case damages (see PROJECTS)
    command: str = "build"
    timeout: float = 60.0
    run: Callable[[Path], None] | None = None  # a case of its own kind (a browser tool): replaces build-and-compare

    def __post_init__(self) -> None:
        assert self.surface in SURFACES, self.surface
        assert (self.expect is None) != (self.check is None) or self.run is not None, f"{self.name}: refused (expect) or neutralised (check)"

    @property
    def outcome(self) -> str:
        return "refused" if self.expect else "neutralised"


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for d in ("site", "dist") for p in sorted((project / d).rglob("*")) if p.is_file()}


_GOOD: dict[str, Path] = {}


def good_project(which: str, scratch: Path) -> Path:
    """A project built once, successfully; each case gets a copy of it, last good output included."""
    if which not in _GOOD:
        project = scratch / f"good-{which}"
        if which == "fixture":
            copy_fixture(project)
        else:
            source = PROJECTS[which]
            templates = source / "templates"
            copy_project(project, content=source / "content", docs=source / "docs", templates=templates if templates.is_dir() else None)
        result = mcframe(project, "build", 120)
        assert result.returncode == 0, result.stdout + result.stderr
        _GOOD[which] = project
    return _GOOD[which]


def mcframe(project: Path, command: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mcframe", "--project", str(project), command], capture_output=True, text=True, cwd=project, timeout=timeout
    )


@dataclass(frozen=True)
class Outcome:
    case: Case
    seconds: float
    output: str


def run_case(case: Case, scratch: Path) -> Outcome:
    """Damage a copy of a good project and hold the case's outcome; raises AssertionError if it does not hold."""
    project = scratch / "project"
    shutil.copytree(good_project(case.project, scratch.parent), project, symlinks=True)
    started = time.perf_counter()
    if case.run is not None:
        case.run(project)
        return Outcome(case, time.perf_counter() - started, "")
    before = snapshot(project)
    case.damage(project)
    try:
        result = mcframe(project, case.command, case.timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{case.name}: still running after {case.timeout:.0f} s") from None
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    if case.expect is not None:
        import re

        assert result.returncode != 0, f"{case.name}: built, but should have been refused\n{output[-3000:]}"
        assert re.search(case.expect, output), f"{case.name}: expected /{case.expect}/ in\n{output[-3000:]}"
        assert snapshot(project) == before, f"{case.name}: the last good site/ or zip changed"
    else:
        assert result.returncode == 0, f"{case.name}: refused, but should have been neutralised\n{output[-3000:]}"
        assert case.check is not None
        case.check(project)
    return Outcome(case, seconds, output)


def parametrize(cases: Iterable[Case]) -> pytest.MarkDecorator:
    """``@parametrize(CASES)`` on ``def test_case(case: Case, tmp_path)``: one test per case, named by it."""
    listed = list(cases)
    names = [c.name for c in listed]
    assert len(set(names)) == len(names), "case names must be unique"
    return pytest.mark.parametrize("case", listed, ids=names)


# Small damage helpers the case modules share.


def write(path: str, text: str | bytes) -> Callable[[Path], None]:
    """Damage: write a file (made with its folders) in the project."""

    def damage(project: Path) -> None:
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text) if isinstance(text, bytes) else target.write_text(text, encoding="utf-8")

    return damage


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    """Damage: replace the first ``old`` in a project file (which must have it)."""

    def damage(project: Path) -> None:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return damage


def append(path: str, text: str) -> Callable[[Path], None]:
    """Damage: add text to the end of a project file."""

    def damage(project: Path) -> None:
        target = project / path
        target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")

    return damage


def both(*damages: Callable[[Path], None]) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        for d in damages:
            d(project)

    return damage
