"""A full build of the fixture framework in a temporary folder: pages, the zip, determinism, and a
failed build that keeps the last good output."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from conftest import Built, copy_fixture, edit, run_mcframe
from mcframe.site_audit import broken_links, outside_references

# The fixture's site.yaml declares these pages; "empty.html" lists a collection with no elements.
EXPECTED_PAGES = [
    "index.html",
    "ways-in.html",
    "ideas/k1.html",
    "ideas/k2.html",
    "rules.html",
    "resume-fr.html",
    "lexicon.html",
    "references.html",
    "notes.html",
]


def test_pages_and_zip(fixture_built: Built) -> None:
    built = fixture_built
    assert sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob("*.html") if p.name != "404.html") == sorted(EXPECTED_PAGES)
    assert built.zip.name == "workshop-3.zip"  # zip_name and edition from the fixture's site.yaml
    with zipfile.ZipFile(built.zip) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert "index.html" in names and "404.html" not in names
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
        assert "search/search_index.js" in names  # inlined index: search from file://
        assert "search/search_index.json" not in names  # the offline edition ships the index once
        assert "assets/vendor/iframe-worker/shim.js" in names
    digest = hashlib.sha256(built.zip.read_bytes()).hexdigest()
    assert (built.zip.parent / f"{built.zip.name}.sha256").read_text() == f"{digest}  {built.zip.name}\n"
    pages = [p for p in built.site.rglob("*.html") if p.name != "404.html"]
    assert f"built {len(pages)} pages from" in built.output


def test_every_element_has_its_anchor(fixture_built: Built) -> None:
    rules = (fixture_built.site / "rules.html").read_text()
    assert 'id="r-01"' in rules and 'id="r-02"' in rules
    assert 'id="ref-handbook"' in (fixture_built.site / "references.html").read_text()


def test_no_outside_fetches_anywhere(fixture_built: Built, fixture_unpacked: Path) -> None:
    assert outside_references(fixture_unpacked) == []
    assert outside_references(fixture_built.site) == []


def test_no_broken_links_in_zip(fixture_unpacked: Path) -> None:
    assert broken_links(fixture_unpacked) == []


def test_theme_is_offline_by_construction(fixture_built: Built) -> None:
    html = (fixture_built.site / "index.html").read_text()
    assert "fonts.googleapis" not in html and "unpkg.com" not in html
    assert "Made with" not in html  # no generator link
    assert 'src="assets/vendor/iframe-worker/shim.js"' in html


def test_two_builds_give_identical_zips(fixture_built: Built, tmp_path: Path) -> None:
    again = copy_fixture(tmp_path / "again")
    result = run_mcframe(again, "build")
    assert result.returncode == 0, result.stderr
    assert (again / "dist" / fixture_built.zip.name).read_bytes() == fixture_built.zip.read_bytes()


def test_failed_build_keeps_last_good_output(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    assert run_mcframe(project, "build").returncode == 0
    zip_path = next((project / "dist").glob("*.zip"))
    before = zip_path.read_bytes()
    index_before = (project / "site/index.html").read_text()

    ideas = project / "content/ideas.yaml"
    lines = ideas.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("summary:"))
    lines[at] = lines[at].replace("summary:", "sumary:", 1)
    ideas.write_text("".join(lines))

    result = run_mcframe(project, "build")
    assert result.returncode == 1
    col = lines[at].index("sumary") + 1
    assert f"content/ideas.yaml:{at + 1}:{col}: unknown field 'sumary' (did you mean 'summary'?)" in result.stderr
    assert "site/ and dist/ are unchanged" in result.stderr
    assert zip_path.read_bytes() == before
    assert (project / "site/index.html").read_text() == index_before


def test_generated_pages_never_touch_docs(fixture_built: Built) -> None:
    assert sorted(p.name for p in (fixture_built.project / "docs").rglob("*")) == ["notes.md"]


def test_an_unused_term_is_warned_about_and_a_used_one_is_not(fixture_built: Built) -> None:
    warnings = [line for line in fixture_built.output.splitlines() if "is not used on any page" in line]
    assert warnings == ["content/glossary/chisel.yaml:1:1: warning: term 'chisel' is not used on any page"]


def test_check_lints_and_summarises(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "docs/stray.md").write_text("# Stray\n\nA page no list names.\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 0, result.stderr
    assert "content/glossary/chisel.yaml:1:1: warning: term 'chisel' is mentioned in no content" in result.stderr
    assert "docs/stray.md:1:1: warning: this page is in no page list of site.yaml" in result.stderr
    assert "content OK: References: 1; Key ideas: 2; Rules of thumb: 3 (1 draft); Websites: 0; Ways in: 2; Lexicon: 3" in result.stdout


def test_late_blocks_are_put_in_place_after_conversion(fixture_built: Built) -> None:
    """"Cite this" and chart drawings skip Markdown conversion: each page holds them, and no marker is left."""
    for page in fixture_built.site.rglob("*.html"):
        assert "mcf-late" not in page.read_text(), page
    rules = (fixture_built.site / "rules.html").read_text()
    assert rules.count('<details class="mcf-cite mcf-nolink"') == 3  # two published rules (the third is a draft) and the page
    assert "Cite this" not in (fixture_built.site / "search/search_index.json").read_text()


def test_a_document_that_fails_on_the_second_thread_stops_the_build(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Documents are made while pages render; one that fails is reported against site.yaml, after the
    pages are converted and before any file is copied, and nothing is published."""
    from mcframe import exports
    from mcframe.mkdocs_seam.publish import publish

    project = copy_fixture(tmp_path / "p")
    downloads = "    downloads:\n      - {export: policy-grid-csv, path: rules.csv, label: CSV}\n"
    edit(project / "content/site.yaml", "    lists: [principles]\n", "    lists: [principles]\n" + downloads)

    def broken(lib):  # type: ignore[no-untyped-def]
        raise ValueError("no ink")

    monkeypatch.setitem(exports.EXPORTS, "policy-grid-csv", broken)
    assert publish(project) == 1
    err = capsys.readouterr().err
    assert re.search(r"content/site\.yaml:\d+:\d+: the export 'policy-grid-csv' failed: ValueError: no ink", err), err
    assert not (project / "site").exists() and not (project / "dist").exists()


def test_pages_carry_no_indentation_before_their_tags(fixture_built: Built) -> None:
    from mcframe.text import squeeze_html

    assert squeeze_html("<div>\n   <p>a\n  <b>b</b></p>\n\n   <pre>  x\n   <i>y</i></pre>\n \xa0<code>\n   <x></code>\n") == (
        "<div>\n<p>a\n<b>b</b></p>\n<pre>  x\n   <i>y</i></pre>\n \xa0<code>\n   <x></code>\n"
    )  # a line break stays; what pre and code hold, and a no-break space, are kept
    for page in fixture_built.site.rglob("*.html"):
        if page.name == "404.html":  # the theme's own page for servers, not in the offline edition
            continue
        html = re.sub(r"<(pre|code|script|style|textarea|kbd)\b.*?</\1>", "", page.read_text(), flags=re.S)
        assert not re.search(r"\n[ \t]+<", html), page.name
