"""Paths stay inside and only regular files are read (mcframe.inside): the checks themselves, the
cases the battery cannot hold (an unreadable file when the tests run as root, a failed write), and
the check command refusing what the build refuses."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from unittest import mock

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import copy_fixture, edit, run_mcframe
from mcframe.inside import ContentGlob, FileNamePart, NotRegular, SitePath, TemplateName, docs_problems, is_file_name, path_problem, read_regular
from mcframe.yamlsource import load_yaml

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.parametrize("value", ["downloads/framework.pdf", "data/", "data", "policy/policy_grid.xlsx", "a-b/c_d/e.f.g"])
def test_a_site_path_inside_is_kept(value: str) -> None:
    assert TypeAdapter(SitePath).validate_python(value) == value


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("/tmp/x.pdf", "starts outside"),
        ("~/x.pdf", "starts outside"),
        ("../x.pdf", "goes up out of its folder"),
        ("downloads/../../x.pdf", "goes up out of its folder"),
        ("downloads/..", "goes up out of its folder"),
        ("downloads\\x.pdf", "backslash"),
        ("C:/x.pdf", "drive"),
        ("downloads//x.pdf", "empty step"),
        ("./x.pdf", "empty step"),
        ("downloads/x\x00.pdf", "control character"),
        ("downloads/*.pdf", "wildcard"),
        ("", "is empty"),
    ],
)
def test_a_site_path_outside_is_refused_with_its_reason(value: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(SitePath).validate_python(value)
    assert reason in str(caught.value) and "should be a path inside the site" in str(caught.value)


def test_globs_may_have_wildcards_and_not_climb() -> None:
    for good in ("glossary/*.yaml", "**/*.yaml", "case_studies/[a-z]*.yaml", "ideas.yaml"):
        assert TypeAdapter(ContentGlob).validate_python(good) == good
    for bad in ("../*.yaml", "/etc/*.yaml", "glossary/**/../../*.yaml", "glossary/../../x.yaml"):
        with pytest.raises(ValidationError):
            TypeAdapter(ContentGlob).validate_python(bad)
    assert path_problem("glossary/", glob=True) is not None  # a closing "/" only where a folder is meant


def test_template_names_stay_in_templates() -> None:
    assert TypeAdapter(TemplateName).validate_python("kinds/concept.md.j2") == "kinds/concept.md.j2"
    for bad in ("../../etc/passwd", "/etc/passwd", "..\\x.j2"):
        with pytest.raises(ValidationError):
            TypeAdapter(TemplateName).validate_python(bad)


@pytest.mark.parametrize("number", ["3", "0.1", "2.1", "2026-1", "1.0-rc1", "2026_spring", "1+build"])
def test_legitimate_edition_numbers_are_kept(number: str) -> None:
    assert TypeAdapter(FileNamePart).validate_python(number) == number


@pytest.mark.parametrize("number", ["../../x", "2026/1", "..", ".hidden", "1..2", "a b", "", "1.", "x" * 41, "2026\\1"])
def test_edition_numbers_that_cannot_go_into_a_file_name_are_refused(number: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(FileNamePart).validate_python(number)
    assert "cannot go into a file name" in str(caught.value)


def test_a_file_name_is_one_plain_name() -> None:
    assert is_file_name("workshop-3.zip") and is_file_name("cavs-2-drafts.zip")
    assert not any(is_file_name(n) for n in ("", "../x.zip", "a/b.zip", ".x.zip", "a\\b.zip", "a\nb.zip"))


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"id: a\n")
    assert read_regular(tmp_path / "a.yaml", 100) == b"id: a\n"


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    done: list[str] = []

    def read() -> None:
        try:
            read_regular(pipe, 100)
        except NotRegular as exc:
            done.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock it, then fail: it waited for a writer
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe waited for a writer")
    assert done == ["this is a named pipe, not a file: only regular files are read"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "this is a folder, not a file"),
        (lambda p: p.symlink_to("/etc/hostname"), "may not be symbolic links"),
        (lambda p: p.write_bytes(b"x" * 101), "content files may be at most"),
    ],
)
def test_what_is_not_a_small_regular_file_is_refused(tmp_path: Path, make: object, reason: str) -> None:
    target = tmp_path / "x.yaml"
    make(target)  # type: ignore[operator]
    with pytest.raises(NotRegular, match=reason):
        read_regular(target, 100)


def test_an_unreadable_file_is_refused_with_its_path_simulated(tmp_path: Path) -> None:
    """Simulated: as root (where tests may run) no permission stops a read, so the file system's
    answer to an unreadable file is given by a stand-in for os.open."""
    target = tmp_path / "x.yaml"
    target.write_text("id: x\n")
    with mock.patch("mcframe.inside.os.open", side_effect=PermissionError(errno.EACCES, "Permission denied", str(target))):
        doc, problems = load_yaml(target, "content/x.yaml")
    assert doc is None
    assert [str(p) for p in problems] == ["content/x.yaml:1:1: this file cannot be read (permission denied): make it readable"]


NO_OVERRIDE = ["--bounding-set", "-dac_override,-dac_read_search", "--"]


def unprivileged() -> list[str]:
    """A command prefix under which file permissions hold: none for a plain user; for root (where the
    tests may run), root without the capabilities that ignore them (setpriv, from util-linux)."""
    if not ROOT_USER:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None or subprocess.run([setpriv, *NO_OVERRIDE, "true"], capture_output=True).returncode != 0:
        pytest.skip("as root, chmod 000 does not stop reading, and setpriv cannot drop that power here (the simulated test stands in)")
    return [setpriv, *NO_OVERRIDE]


@pytest.mark.parametrize(("path", "unreadable"), [("content/rules.yaml", "content/rules.yaml"), ("docs/notes.md", "docs/notes.md")])
def test_an_unreadable_file_is_refused_by_the_build(tmp_path: Path, path: str, unreadable: str) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / path).chmod(0)
    command = [*unprivileged(), sys.executable, "-m", "mcframe", "--project", str(project), "build"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{unreadable}:1:1: this file cannot be read (permission denied)" in result.stderr, result.stderr


def test_crlf_line_ends_count_lines_as_before(tmp_path: Path) -> None:
    """Read as bytes now (to refuse pipes), a file's lines are still counted as text mode counts them."""
    target = tmp_path / "x.yaml"
    target.write_bytes(b"a: 1\r\nb: 2\r\nc: [\r\n")
    _, problems = load_yaml(target, "x.yaml")
    assert problems and problems[0].line == 4, problems
    target.write_bytes(b"a: 1\r\nb: |\r\n  two\r\n  lines\r\n")
    doc, _ = load_yaml(target, "x.yaml")
    assert doc is not None and doc.data["b"] == "two\nlines\n" and doc.values[("b",)].line == 2


def test_docs_problems_name_every_link_and_pipe_and_nothing_else(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "a/b").mkdir(parents=True)
    (docs / "page.md").write_text("# Page\n")
    (docs / "a/b/deep.md").write_text("# Deep\n")
    (docs / "a/link.md").symlink_to("../page.md")
    (docs / "a/folder").symlink_to(tmp_path)
    os.mkfifo(docs / "a/b/pipe.css")
    found = {(p.path, p.message.split(":")[0]) for p in docs_problems(docs, "docs")}
    assert found == {
        ("docs/a/link.md", "files and folders in docs/ may not be symbolic links"),
        ("docs/a/folder", "files and folders in docs/ may not be symbolic links"),
        ("docs/a/b/pipe.css", "this is a named pipe, not a file"),
    }


def test_check_refuses_a_link_in_docs_as_the_build_does(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "docs/passwd.txt").symlink_to("/etc/passwd")
    for command in ("check", "build"):
        result = run_mcframe(project, command)
        assert result.returncode == 1 and "Traceback" not in result.stderr, command
        assert "docs/passwd.txt:1:1: files and folders in docs/ may not be symbolic links" in result.stderr, (command, result.stderr)
    assert not (project / "site").exists()


def test_a_failed_write_reports_no_success_and_leaves_site_alone(tmp_path: Path) -> None:
    """dist/ cannot be made (a file stands there): the build fails before it touches site/, and says so."""
    project = copy_fixture(tmp_path / "p")
    assert run_mcframe(project, "build").returncode == 0
    site_before = {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "site").rglob("*")) if p.is_file()}
    for p in (project / "dist").iterdir():
        p.unlink()
    (project / "dist").rmdir()
    (project / "dist").write_text("not a folder")
    edit(project / "content/rules.yaml", "Safety first", "Safety always first")
    result = run_mcframe(project, "build")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1 and "built" not in result.stdout, result.stdout
    assert "build failed: could not write dist (File exists); site/ and dist/ are unchanged" in result.stderr, result.stderr
    assert {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "site").rglob("*")) if p.is_file()} == site_before
    assert (project / "dist").read_text() == "not a folder"
    assert not list(project.glob(".build-tmp/*")), "staging left behind"
