"""A second framework from another field, built with no engine change: community archive volunteering
(tests/fixture_archive): three descriptors, values, five vocabularies, routines in steps, its own
collection names, ID forms and words, a page in French and no glossary. It passes the quality gates,
and nothing of the real framework (its words, names or mark) reaches its output."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, Built, build_project, copy_project, edit, run_mcframe, unpack
from gates import Survey, html_pages, listing, survey

ARCHIVE = ROOT / "tests" / "fixture_archive"
# What would show that the real framework leaked into another's site: its subject, its name, the
# people it is for, its sources and its own diagrams.
THIS_FRAMEWORK = re.compile(
    r"mentor|coach|teacher|school|CUREE|national framework|core concept|activity circle|why\?|who\?|pupil|leadership",
    re.I,
)


def copy_archive(target: Path) -> Path:
    return copy_project(target, content=ARCHIVE / "content", docs=ARCHIVE / "docs")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_project(copy_archive(tmp_path_factory.mktemp("archive") / "project"))


class _Words(HTMLParser):
    """What a reader meets on a page: its text, and the words of attributes read out or shown."""

    SPOKEN = ("alt", "title", "aria-label", "placeholder", "content", "data-toc-label")

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.words += [v for k, v in attrs if k in self.SPOKEN and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words.append(data)


def words_of(page: Path) -> str:
    parser = _Words()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.words)


def test_it_builds_every_page_of_its_own_shape(archive: Built) -> None:
    pages = set(html_pages(archive.site))
    assert {
        "index.html", "standards/index.html", "standards/descriptors/dsc1.html", "standards/values.html",
        "standards/areas.html", "standards/knowledge.html", "standards/dimensions-2019.html", "standards/formats.html",
        "standards/settings.html", "practice/routines.html", "references.html", "en-francais.html",
    } <= pages
    assert not any("glossary" in p for p in pages)
    assert archive.zip.name == "cavs-2.zip"
    assert "warning" not in archive.output, archive.output


def test_nothing_of_the_real_framework_reaches_its_output(archive: Built) -> None:
    leaks = []
    for name in html_pages(archive.site):
        for match in THIS_FRAMEWORK.finditer(words_of(archive.site / name)):
            leaks.append(f"{name}: {match.group(0)!r}")
    assert leaks == [], leaks
    files = [p.relative_to(archive.site).as_posix() for p in archive.site.rglob("*") if p.is_file()]
    assert [f for f in files if THIS_FRAMEWORK.search(f)] == []
    home = (archive.site / "index.html").read_text()
    assert 'alt="An archive box"' in home  # its own mark, from its site.yaml
    assert (ARCHIVE / "content/identity/archive-box.svg").read_text() in (archive.site / "assets/mcframe/logo.svg").read_text()
    for mark in ("logo", "favicon"):
        for svg in archive.site.rglob(f"{mark}*.svg"):
            assert svg.read_text().count("<circle") < 3, f"{svg.name} is the real framework's mark of three circles"


def test_five_vocabularies_of_one_kind_each_with_its_page(archive: Built) -> None:
    areas = (archive.site / "standards/areas.html").read_text()
    assert 'id="area-list"' in areas and "Listing" in areas
    # An entry that belongs to a descriptor names it, and the descriptor lists the entries of each vocabulary.
    assert "standards/descriptors/dsc1.html" in areas or "descriptors/dsc1.html" in areas
    keeper = words_of(archive.site / "standards/descriptors/dsc1.html")
    assert "Areas of activity" in keeper and "Listing" in keeper
    glance = words_of(archive.site / "standards/index.html")
    # The at-a-glance page lists the vocabularies by their names, keeping the capitals of an acronym.
    assert "Word lists" in glance and "CAVS 2019 dimensions" in glance and "record formats" in glance
    assert "Values" in glance and "Keeper" in glance


def test_a_kind_in_a_folder_of_its_own_lists_its_steps_and_links_both_ways(archive: Built) -> None:
    routines = (archive.site / "practice/routines.html").read_text()
    text = words_of(archive.site / "practice/routines.html")
    assert "Receiving a deposit" in text and "Welcome the depositor" in text and "Agree how they may be used" in text
    assert routines.index("Welcome the depositor") < routines.index("List the records") < routines.index("Agree how they may be used")
    assert "Time it usually takes" in text  # the kind's own label, from its folder
    keeper = words_of(archive.site / "standards/descriptors/dsc1.html")
    assert "Routines that put it into practice" in keeper and "Receiving a deposit" in keeper


def test_its_pdf_follows_its_own_site_definition(archive: Built) -> None:
    from pypdf import PdfReader

    reader = PdfReader(archive.site / "downloads/cavs-standards.pdf")
    parts = [o.title for o in reader.outline if not isinstance(o, list)]
    assert parts == [
        "1 Descriptors", "2 Values", "3 Areas of activity", "4 Core knowledge", "5 CAVS 2019 dimensions",
        "6 Record formats", "7 Settings", "8 Routines, step by step", "9 References", "10 En français",
    ], parts
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Welcome the depositor: Ask what the records are" in text  # the protocol kind prints its steps itself
    assert not THIS_FRAMEWORK.search(text), THIS_FRAMEWORK.search(text)


def test_hand_written_pages_link_by_the_sites_own_collection_names(archive: Built) -> None:
    page = (archive.site / "en-francais.html").read_text()
    assert page.startswith("<!doctype html>\n<html lang=\"fr\"") or '<html lang="fr"' in page[:200]  # its language, hand-written
    assert re.search(r'href="standards/values\.html#val1"', page), page[:2000]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("routines.yaml", "concepts: [DSC1]", "concepts: [DSC9]", r"content/routines\.yaml:\d+:\d+: unknown descriptor 'DSC9'"),
        ("vocabularies/areas.yaml", "id: AREA-CARE", "id: area-care", r"not the form of a area of activity ID"),
        ("routines.yaml", "- {title: List the records", "- {title: Welcome the depositor", r"step 2 has the same title as step 1"),
        ("site.yaml", "    kind: protocol\n", "    kind: protocols\n", r"content/site\.yaml:\d+:\d+: unknown kind 'protocols' \(did you mean 'protocol'\?\)"),
    ],
)
def test_its_mistakes_are_reported_in_its_own_words(tmp_path: Path, file: str, old: str, new: str, expected: str) -> None:
    project = copy_archive(tmp_path / "p")
    edit(project / "content" / file, old, new)
    result = run_mcframe(project, "check")
    assert result.returncode == 1 and re.search(expected, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_two_vocabularies_a_field_could_mean_must_be_chosen(tmp_path: Path) -> None:
    """A case study's 'forms' could be any of several vocabularies: the site says which under links."""
    project = copy_archive(tmp_path / "p")
    (project / "content/cases").mkdir()
    (project / "content/cases/c1.yaml").write_text(
        "id: C1\ntitle: A deposit\nlabel: Example\nsetting: {name: A hall, type: Village hall, country: Nowhere}\n"
        "illustrates: Receiving.\nstage: getting-started\nstage_reason: Example.\nforms: [FMT-paper]\nstory: Example.\n"
        "questions: [Why?]\nprovenance: Invented.\nsources: [REF-1]\nwording: {kind: editorial}\n"
        "review: {status: published, date: 2026-03-01}\n"
    )
    site = project / "content/site.yaml"
    declaration = (
        "  - name: cases\n    kind: case_study\n    file: cases/*.yaml\n    id_pattern: \"C[0-9]+\"\n"
        "    label: case\n    plural: Cases\n"
    )
    edit(site, "  - name: routines\n", declaration + "  - name: routines\n")
    edit(site, "  - id: references\n", "  - id: cases\n    path: cases/{id}.md\n    shows: cases\n    template: case_study.md.j2\n  - id: references\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 1
    assert re.search(r"content/site\.yaml:\d+:\d+: 'forms' of Cases refers to a vocabulary, and this site has 5: say which under links", result.stderr)
    links = "{forms: record_formats, purposes: areas_of_activity, career_stages: core_knowledge, phases: archive_settings}"
    edit(site, "    plural: Cases\n", f"    plural: Cases\n    links: {links}\n")
    result = run_mcframe(project, "check")
    assert result.returncode == 0, result.stderr
    edit(project / "content/cases/c1.yaml", "forms: [FMT-paper]", "forms: [AREA-CARE]")
    result = run_mcframe(project, "check")
    assert re.search(r"content/cases/c1\.yaml:\d+:\d+: unknown record format 'AREA-CARE'", result.stderr), result.stderr


def test_a_framework_without_principles_or_concepts_builds(tmp_path: Path) -> None:
    project = copy_archive(tmp_path / "p")
    site = project / "content/site.yaml"
    edit(site, "  - name: archive_values\n    kind: principle\n", "  - name: archive_values\n    kind: principle\n    required: false\n")
    (project / "content/values.yaml").unlink()
    edit(project / "docs/en-francais.md", "[valeurs](ref:archive_values/VAL1)", "valeurs")
    build = run_mcframe(project, "build")
    assert build.returncode == 0, build.stderr
    assert "Values" not in words_of(project / "site/standards/index.html").split("Word lists")[0]


# The quality gates, in a real browser, over the unpacked offline edition ------------------------------


@pytest.fixture(scope="module")
def archive_survey(archive: Built, browser, tmp_path_factory: pytest.TempPathFactory) -> Survey:  # type: ignore[no-untyped-def]
    return survey(browser, unpack(archive.zip, tmp_path_factory.mktemp("archive-unpacked")))


@pytest.mark.browser
def test_it_passes_the_quality_gates(archive_survey: Survey) -> None:
    found = [
        *archive_survey.check_errors(), *archive_survey.console(), *archive_survey.outside(), *archive_survey.structure(),
        *archive_survey.navigation(), *archive_survey.axe(), *archive_survey.skip_link(), *archive_survey.focus(),
        *archive_survey.reflow(320), *archive_survey.reflow(640),
    ]
    assert found == [], listing(found, "quality gate findings on the second framework")
    assert len(archive_survey.pages) >= 14
