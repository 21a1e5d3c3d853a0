"""A full build in a temporary folder: pages, the zip, determinism, and a failed build that keeps the
last good output."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from conftest import Built, copy_project, run_mcframe
from mcframe import __version__
from mcframe.site_audit import broken_links, outside_references

EXPECTED_PAGES = [
    "index.html",
    "about.html",
    "sources.html",
    "glossary.html",
    "framework/index.html",
    "framework/concepts/c1.html",
    "framework/concepts/c2.html",
    "framework/concepts/c3.html",
    "framework/principles.html",
    "framework/descriptions.html",
    "framework/skills.html",
    "framework/career-stages.html",
    "framework/purposes.html",
    "framework/forms.html",
    "framework/phases.html",
]


def test_pages_and_zip(built: Built) -> None:
    for page in EXPECTED_PAGES:
        assert (built.site / page).is_file(), page
    assert built.zip.name == f"mcframe-{__version__}.zip"
    with zipfile.ZipFile(built.zip) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert "index.html" in names and "404.html" not in names
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
        assert "search/search_index.js" in names  # inlined index: search from file://
        assert "assets/vendor/iframe-worker/shim.js" in names
    digest = hashlib.sha256(built.zip.read_bytes()).hexdigest()
    assert (built.zip.parent / f"{built.zip.name}.sha256").read_text() == f"{digest}  {built.zip.name}\n"
    pages = [p for p in built.site.rglob("*.html") if p.name != "404.html"]
    assert f"built {len(pages)} pages from" in built.output


def test_every_element_has_its_anchor(built: Built) -> None:
    principles = (built.site / "framework/principles.html").read_text()
    for n in range(1, 11):
        assert f'id="p{n}"' in principles
    assert 'id="d1"' in (built.site / "framework/descriptions.html").read_text()
    assert 'id="sk1"' in (built.site / "framework/skills.html").read_text()
    assert 'id="st-nqt"' in (built.site / "framework/career-stages.html").read_text()


def test_descriptions_table_is_a_real_table(built: Built) -> None:
    html = (built.site / "framework/descriptions.html").read_text()
    assert "<table" in html and "<caption>" in html
    assert html.count('scope="row"') == 5
    assert html.count('scope="col"') == 4


def test_no_outside_fetches_anywhere(built: Built, unpacked: Path) -> None:
    assert outside_references(unpacked) == []
    assert outside_references(built.site) == []


def test_no_broken_links_in_zip(unpacked: Path) -> None:
    assert broken_links(unpacked) == []


def test_theme_is_offline_by_construction(built: Built) -> None:
    html = (built.site / "index.html").read_text()
    assert "fonts.googleapis" not in html and "unpkg.com" not in html
    assert "Made with" not in html  # no generator link
    assert 'src="assets/vendor/iframe-worker/shim.js"' in html


def test_two_builds_give_identical_zips(built: Built, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "again")
    result = run_mcframe(again, "build")
    assert result.returncode == 0, result.stderr
    assert (again / "dist" / built.zip.name).read_bytes() == built.zip.read_bytes()


def test_failed_build_keeps_last_good_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert run_mcframe(project, "build").returncode == 0
    zip_path = next((project / "dist").glob("*.zip"))
    before = zip_path.read_bytes()
    index_before = (project / "site/index.html").read_text()

    concepts = project / "content/framework/concepts.yaml"
    lines = concepts.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("summary:"))
    lines[at] = lines[at].replace("summary:", "sumary:", 1)
    concepts.write_text("".join(lines))

    result = run_mcframe(project, "build")
    assert result.returncode == 1
    col = lines[at].index("sumary") + 1
    assert f"content/framework/concepts.yaml:{at + 1}:{col}: unknown field 'sumary' (did you mean 'summary'?)" in result.stderr
    assert "site/ and dist/ are unchanged" in result.stderr
    assert zip_path.read_bytes() == before
    assert (project / "site/index.html").read_text() == index_before


def test_generated_pages_never_touch_docs(built: Built) -> None:
    assert sorted(p.name for p in (built.project / "docs").glob("*.md")) == ["about.md"]
