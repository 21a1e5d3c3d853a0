"""Citing and editions: "Cite this" with APA and Harvard and files reference managers read, citation
metadata in every page's head, CITATION.cff, the whole framework as one PDF, and the changelog."""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
import yaml
from pypdf import PdfReader

from conftest import ROOT, Built, copy_project, edit, run_mcframe


def test_element_pages_have_cite_this_in_apa_and_harvard(built: Built) -> None:
    for page, key in (("framework/concepts/c2.html", "concepts-c2"), ("case-studies/cs01.html", "case_studies-cs01"),
                      ("evidence/ev05.html", "evidence-ev05"), ("framework/principles.html", "principles-p3")):
        html = (built.site / page).read_text()
        apa = re.search(rf'<span class="mcf-cite__text" id="cite-apa-{key}">([^<]+)</span>', html)
        harvard = re.search(rf'<span class="mcf-cite__text" id="cite-harvard-{key}">([^<]+)</span>', html)
        assert apa and harvard, page
        assert apa.group(1).startswith("The mcframe project. (2026, November 24).") and key.split("-")[1].upper() in apa.group(1)
        assert harvard.group(1).startswith("The mcframe project (2026)")
        # The form of the work in brackets after its title, so APA's title case cannot reach it inside the container's name.
        assert "[Offline edition]" in apa.group(1) and "Offline Edition" not in apa.group(1) and "[offline edition]" in harvard.group(1)
        assert apa.group(1).count("The mcframe project") == 1 and harvard.group(1).count("The mcframe project") == 1  # the publisher is the author


def edition_record(site: Path, key: str, ext: str) -> str:
    """One reference's record in the whole edition's file of that format, exactly as written."""
    with open(site / f"cite/edition.{ext}", encoding="utf-8", newline="") as f:
        text = f.read()
    if ext == "ris":
        return next(r + "ER  - \r\n" for r in text.split("ER  - \r\n") if f"ID  - {key}\r\n" in r)
    if ext == "bib":
        return next(r for r in re.split(r"(?=^@misc\{)", text, flags=re.M) if r.startswith(f"@misc{{{key},")).rstrip("\n") + "\n"
    return json.dumps(next(i for i in json.loads(text) if i["id"] == key), ensure_ascii=False, indent=1) + "\n"


def test_ris_and_bibtex_read_back(built: Built) -> None:
    ris = rispy.loads(edition_record(built.site, "principles-P3", "ris"))[0]
    assert ris["title"] == "A learning agreement (principle P3)" and ris["authors"] == ["The mcframe project"] and ris["year"] == "2026"
    bib = bibtexparser.parse_string(edition_record(built.site, "principles-P3", "bib")).entries[0]
    assert bib.key == "principles-P3" and bib["title"] == "A learning agreement (principle P3)" and bib["year"] == "2026"
    assert "ID P3" in bib["note"] and "offline edition" in bib["howpublished"]
    assert ris["type_of_work"] == "offline edition"  # M3: the form of the work, which APA gives as "[Offline edition]"
    assert ris["publisher"] == "The mcframe project" and bib["organization"] == "The mcframe project"  # from the author
    edition = json.loads((built.site / "cite/edition.json").read_text())
    assert any(item["id"] == "principles-P3" for item in edition)
    assert {"terms-dfes", "agencies-DFES"} <= {item["id"] for item in edition}  # one ID in two collections: two references
    assert sorted(p.name for p in (built.site / "cite").iterdir()) == ["edition.bib", "edition.json", "edition.ris"]  # no file per element


@pytest.mark.browser
@pytest.mark.parametrize(
    ("page", "key"), [("framework/principles.html", "principles-P3"), ("glossary.html", "terms-early-career-teacher"), ("today.html", "page-today")]
)
def test_the_browser_saves_each_reference_as_the_editions_files_have_it(browser, unpacked: Path, page: str, key: str) -> None:  # type: ignore[no-untyped-def]
    """RIS, BibTeX and CSL-JSON for one reference are made in the browser from the page's CSL-JSON:
    byte for byte the record the build wrote into the whole edition's file, and readable by rispy and
    bibtexparser."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto((unpacked / page).as_uri())
    line = tab.locator(f'[data-mcf-cite="{key}"]')
    line.evaluate("el => el.closest('details').open = true")
    for ext in ("ris", "bib", "json"):
        with tab.expect_download() as info:
            line.locator(f'button[data-format="{ext}"]').click()
        download = info.value
        assert download.suggested_filename == f"{key.lower()}.{ext}"
        with open(download.path(), encoding="utf-8", newline="") as f:
            saved = f.read()
        assert saved == edition_record(unpacked, key, ext), ext
    context.close()


def test_without_script_the_editions_files_are_offered(built: Built) -> None:
    html = (built.site / "framework/principles.html").read_text()
    assert '<a class="mcf-cite__edition" href="../downloads.html#citations">' in html  # cite.js puts the buttons in its place
    assert 'id="citations"' in (built.site / "downloads.html").read_text()


def test_with_a_site_address_references_carry_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    site = project / "content/site.yaml"
    edit(site, "language: en\n", "language: en\naddress: https://example.org/mcframe/\n")
    assert run_mcframe(project, "build").returncode == 0
    ris = rispy.loads(edition_record(project / "site", "principles-P3", "ris"))[0]
    assert ris["urls"] == ["https://example.org/mcframe/framework/principles.html#p3"]
    html = (project / "site/framework/principles.html").read_text()
    assert '<meta name="citation_public_url" content="https://example.org/mcframe/framework/principles.html">' in html


def test_every_page_head_carries_citation_metadata(unpacked: Path) -> None:
    for page in sorted(unpacked.rglob("*.html")):
        head = page.read_text().split("</head>", 1)[0]
        assert '<meta name="citation_title" content="' in head, page
        assert '<meta name="citation_publication_date" content="2026/11/24">' in head, page
        assert '<script type="application/ld+json">' in head, page


def test_citation_cff_is_valid_and_follows_the_edition() -> None:
    schema = json.loads((ROOT / "tests/fixtures/citation-file-format-1.2.0.schema.json").read_text())
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    cff = json.loads(json.dumps(cff, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))
    jsonschema.validate(cff, schema)
    site = yaml.safe_load((ROOT / "content/site.yaml").read_text())
    assert (cff["title"], cff["version"], cff["date-released"]) == (site["title"], site["edition"]["number"], site["edition"]["date"].isoformat())


def test_the_whole_framework_as_one_pdf(built: Built) -> None:
    name = "mcframe-framework.pdf"
    data = (built.project / "dist" / name).read_bytes()
    with zipfile.ZipFile(built.zip) as zf:
        assert zf.read(f"downloads/{name}") == data
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 10
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Contents" in text and "Edition 0.1, 2026-11-24" in text
    principles = yaml.safe_load((ROOT / "content/framework/principles.yaml").read_text())["principles"]
    for p in principles:
        first = " ".join(p["explanation"].split())[:60]
        assert first in text, p["id"]
    numbers = [int(t) for t in re.findall(r"(?m)^\s*(\d+)\s*$", reader.pages[3].extract_text())]
    assert 4 in numbers  # page numbers at the foot
    # Whose words: each concept, principle, case study and digest says so, as on the site.
    assert text.count("This edition's summary of National Framework for Mentoring and Coaching") >= 3 + len(principles)
    assert "(SK9) Editorial: in this edition's own words, drawing on" in text  # a list's elements grouped by their wording line
    assert "promise?." not in text  # one stop after a title that ends with a question mark
    # The running header names the part that starts on the page.
    core = next(page for page in reader.pages if "2 Core concepts" in page.extract_text() and ". . ." not in page.extract_text())  # not the contents
    assert " ".join(core.extract_text().split()).startswith("Core concepts Edition 0.1")
    # It follows the site definition: every page with content, in the order of the navigation,
    # vocabularies and hand-written pages included.
    parts = [o.title for o in reader.outline if not isinstance(o, list)]
    assert parts.index("2 Core concepts") < parts.index("9 Career stages") < parts.index("15 Policy grid") < parts.index("23 Using this framework today")
    assert "Which approach when?" in " ".join(parts) and "Newly qualified teachers and induction" in text


def test_changelog_and_unrecorded_changes(built: Built, tmp_path: Path) -> None:
    html = (built.site / "changelog.html").read_text()
    assert "Edition 0.1, 24 November 2026" in html and "This is the current edition." in html
    project = copy_project(tmp_path / "p")
    path = project / "content/framework/principles.yaml"
    edit(path, "At the heart of mentoring and coaching", "At the centre of mentoring and coaching")
    result = run_mcframe(project, "build")
    assert "'P1' has changed since edition 0.1 was released, but the changelog of edition 0.1 does not list it" in result.stderr


@pytest.mark.browser
def test_every_printed_sheet_says_what_it_is_and_which_edition(browser, unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    from pageprobe import Probe

    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "framework/principles.html")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) > 2
    for sheet in reader.pages[:3]:
        assert "The ten principles · Mentoring and Coaching Framework: framework/principles · Edition 0.1" in sheet.extract_text()
    probe.close()


def test_hand_written_pages_can_be_cited_too(built: Built) -> None:
    html = (built.site / "today.html").read_text()
    assert '<details class="mcf-cite mcf-nolink" data-search-exclude="true"><summary>Cite this</summary>' in html
    assert 'data-mcf-cite="page-today"' in html and '<a class="mcf-cite__edition" href="downloads.html#citations">' in html


def test_references_equal_citeproc_formatting_each_one_on_its_own() -> None:
    """The shared-pattern formatting gives exactly what citeproc gives for each reference alone."""
    from mcframe.citing import element_title, references, references_one_by_one
    from mcframe.library import load_library
    from mcframe.render import cite_key

    lib, _ = load_library(ROOT / "content")
    assert lib is not None
    targets = [(cite_key(e), element_title(lib, e), None) for n, els in lib.elements.items() if n != "sources" for e in els]
    targets += [(f"page-{e.id}", lib.title_of(e), f"https://example.org/x/{e.id.lower()}.html") for e in lib.elements["principles"]]
    shared, alone = references(lib, targets), references_one_by_one(lib, targets)
    assert {k: (r.apa, r.harvard) for k, r in shared.items()} == {k: (r.apa, r.harvard) for k, r in alone.items()}


def test_citations_breadcrumbs_and_pagers_stay_out_of_search(built: Built) -> None:
    """Every element's "Cite this" once filled the search index with "The mcframe project (2026)..."."""
    index = (built.site / "search/search_index.json").read_text()
    assert "Cite this" not in index and "The mcframe project (2026)" not in index
    assert "Previous and next" not in index and "← " not in index
    assert "A learning agreement" in index  # the content itself is still there


def test_marking_a_name_not_to_link_is_not_a_change_of_wording() -> None:
    """Wrapping "National Framework for Mentoring and Coaching" in a no-link span changes no words,
    so it needs no line in the changelog; changing a word does."""
    from mcframe.editions import fingerprint
    from mcframe.library import load_library

    lib, _ = load_library(ROOT / "content")
    assert lib is not None
    concept = lib.concepts[0]
    marked = concept.model_copy(update={"definition": concept.definition.replace("Mentoring", '<span class="mcf-nolink">Mentoring</span>', 1)})
    assert marked.definition != concept.definition and fingerprint(marked) == fingerprint(concept)
    reworded = concept.model_copy(update={"definition": concept.definition + " Also."})
    assert fingerprint(reworded) != fingerprint(concept)


def test_sources_cited_from_hand_written_pages_count_as_cited() -> None:
    """today.md cites the national frameworks with ref:source/… links; the lint counts them."""
    result = run_mcframe(ROOT, "check", "--all-warnings")
    assert result.returncode == 0, result.stderr
    assert "(ref:source/dfe-2016-mentor-standards)" in (ROOT / "docs/today.md").read_text()
    assert "cited by no element" not in result.stderr


def test_every_element_is_recorded_in_the_edition() -> None:
    """Elements added after `mcframe release` must be listed in the changelog or recorded: the real content has none unlisted."""
    result = run_mcframe(ROOT, "check", "--all-warnings")
    assert result.returncode == 0, result.stderr
    assert "since edition" not in result.stderr
