"""No content file can exhaust the build, run script in a reader's browser or reach outside the
project: each hostile file stops the build with the file named, quickly and in little memory, and the
last good site/ and zip stay byte-identical."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE, copy_fixture, edit, run_mcframe
from minimal import META


def alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "alias bomb": ("glossary/bomb.yaml", alias_bomb(), "anchors (&name) are not allowed in content"),
    "20,000 levels of nesting": ("glossary/deep.yaml", "id: deep\nterm: " + "[" * 20000 + "]" * 20000 + "\n", "levels deep"),
    "20 MB file": ("glossary/big.yaml", "id: big\nterm: big\ndefinition: " + "x" * 20_000_000 + "\n", "content files may be at most 2 MB"),
    "<script> in Markdown": (
        "glossary/s.yaml",
        "id: s\nterm: scripted\ndefinition: D.\nexplanation: Hello <script>alert(1)</script>\nsources: [ref-handbook]\n" + META,
        "'explanation' may not carry script: it has a <script> element",
    ),
    "onerror= in Markdown": (
        "glossary/o.yaml",
        "id: o\nterm: other\ndefinition: D.\nexplanation: 'Hello <img src=x onerror=alert(1)>'\nsources: [ref-handbook]\n" + META,
        "'explanation' may not carry script: it has an event attribute (onerror=)",
    ),
    "onclick= in an attribute list": (
        "glossary/a.yaml",
        "id: a\nterm: listed\ndefinition: D.\nexplanation: '[click](https://example.org){onclick=\"alert(1)\"}'\nsources: [ref-handbook]\n" + META,
        "'explanation' may not carry script: it has an event attribute (onclick=)",
    ),
    "javascript: link in Markdown": (
        "glossary/j.yaml",
        "id: j\nterm: linked\ndefinition: D.\nexplanation: '[click](javascript:alert(1))'\nsources: [ref-handbook]\n" + META,
        "'explanation' may not carry script: it has a javascript: address",
    ),
}


def build_measured(project: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Build in a child process; return its result, seconds and peak memory in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mcframe", "--project", str(project), "build"], capture_output=True, text=True, cwd=project, timeout=60
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result, time.perf_counter() - started, max(peak, before) // 1024


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture project built once, successfully: its site/ and zip are the last good output."""
    project = copy_fixture(tmp_path_factory.mktemp("hostile") / "project")
    assert run_mcframe(project, "build").returncode == 0
    return project


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for d in ("site", "dist") for p in sorted((project / d).rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_is_refused_quickly_and_keeps_the_last_good_site(good: Path, case: str) -> None:
    name, text, expected = HOSTILE[case]
    before = snapshot(good)
    target = good / "content" / name
    target.write_text(text)
    try:
        result, seconds, megabytes = build_measured(good)
    finally:
        target.unlink()
    assert result.returncode == 1
    assert f"content/{name}:" in result.stderr and expected in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert seconds < 30 and megabytes < 1024, f"{seconds:.1f} s, {megabytes} MB"
    assert snapshot(good) == before


def test_a_symlink_out_of_content_is_refused(good: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\nterm: secret\ndefinition: Something from elsewhere on the machine.\nsources: [ref-handbook]\n" + META)
    before = snapshot(good)
    link = good / "content/glossary/secret.yaml"
    link.symlink_to(secret)
    folder = good / "content/glossary/more"
    folder.symlink_to(tmp_path, target_is_directory=True)
    try:
        result, _, _ = build_measured(good)
    finally:
        link.unlink()
        folder.unlink()
    assert result.returncode == 1
    assert "content/glossary/secret.yaml:1:1: content files and folders may not be symbolic links" in result.stderr
    assert snapshot(good) == before


def test_every_file_of_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    """The check remembers real folders; a linked one is refused for each of its files, not just the first."""
    project = copy_fixture(tmp_path / "p")
    (project / "content/glossary").rename(tmp_path / "elsewhere")
    (project / "content/glossary").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    refused = re.findall(r"content/glossary/(\w+)\.yaml:1:1: content files and folders may not be symbolic links \(glossary/ is one\)", result.stderr)
    assert sorted(refused) == sorted(p.stem for p in (tmp_path / "elsewhere").glob("*.yaml")) != []


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<p onmouseover="alert(1)">Hover</p>', "an event attribute (onmouseover=) on <p>"),
        ("<img/onerror=alert(1) src=x>", "an event attribute (onerror=) on <img>"),  # "/" separates attributes too
        ('<div><img src="x"onerror="alert(1)"></div>', "an event attribute (onerror=) on <img>"),  # so does a closing quote
    ],
)
def test_a_hand_written_page_with_script_stops_the_build(good: Path, html: str, found: str) -> None:
    before = snapshot(good)
    notes = good / "docs/notes.md"
    original = notes.read_text()
    notes.write_text(original + f"\n{html}\n")
    try:
        result, _, _ = build_measured(good)
    finally:
        notes.write_text(original)
    assert result.returncode == 1
    line = original.count("\n") + 2  # the line the page's new paragraph is on
    assert re.search(rf"docs/notes\.md:{line}:\d+: the page may not carry script: it has {re.escape(found)}", result.stderr), result.stderr
    assert snapshot(good) == before


def test_a_planted_title_is_shown_as_text_everywhere(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    ideas = project / "content/ideas.yaml"
    edit(ideas, "title: Demonstration", "title: 'Demo <script>alert(1)</script> & <b>more</b>'")
    site = project / "content/site.yaml"
    edit(site, "title: Workshop Supervision Framework", "title: 'Workshop <script>alert(2)</script>'")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        assert "<script>alert(" not in html and "<b>more</b>" not in html, page
    k1 = (project / "site/ideas/k1.html").read_text()
    assert "<title>Demo &lt;script&gt;alert(1)&lt;/script&gt; & &lt;b&gt;more&lt;/b&gt; - Workshop &lt;script&gt;alert(2)&lt;/script&gt;</title>" in k1
    assert 'aria-label="Next: Practice under watch"' in k1
    heading = '<h1 id="demo-scriptalert1script-bmoreb-k1">Demo &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt; '
    assert heading + '<span class="mcf-id__code mcf-id__code--title">K1</span>' in k1
    index = (project / "site/search/search_index.json").read_text()
    assert "<script>alert(" not in index


def test_fixture_has_no_link_or_script_of_its_own() -> None:
    assert not any(p.is_symlink() for p in FIXTURE.rglob("*"))
