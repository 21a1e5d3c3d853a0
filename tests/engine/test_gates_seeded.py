"""The quality gates catch what they are for: each runs over a fixture site with seeded defects (built
from the fixture framework, plus pages and mutations that carry one defect each) and must find them,
and only them.
"""

from __future__ import annotations

import pytest

from gates import (  # noqa: F401  (fixtures)
    MUTATIONS,
    PRINT_CHROME,
    Seeded,
    Survey,
    html_pages,
    listing,
    local_path_references,
    pages_with,
    seeded,
    seeded_survey,
    unreachable_pages,
)
from mcframe.site_audit import broken_links, outside_references

pytestmark = pytest.mark.browser


def _rules_by_page(survey: Survey) -> dict[str, set[str]]:
    return {name: {v.rule for v in r.axe_violations} for name, r in survey.pages.items() if r.axe_violations}

def test_axe_gate_catches_low_contrast_and_only_the_seeded_defects(seeded_survey: Survey) -> None:
    assert _rules_by_page(seeded_survey) == {
        Seeded.page("low-contrast"): {"color-contrast"},  # <p style="color:#bbb;background:#fff">
        Seeded.page("no-title"): {"document-title"},
        # The clean page without a11y.css: Material's links in running text are told apart by colour alone.
        Seeded.page("no-a11y-css"): {"link-in-text-block"},
    }, listing(seeded_survey.axe(), "axe")
    assert "#bbbbbb" in next(f.what for f in seeded_survey.axe() if f.file == Seeded.page("low-contrast"))


def test_skip_link_gate_catches_a_page_without_one(seeded_survey: Survey) -> None:
    found = seeded_survey.skip_link()
    assert pages_with(found) == {Seeded.page("no-skip-link")}, listing(found, "skip link")


def test_focus_gate_catches_a_hidden_focus_ring(seeded_survey: Survey) -> None:
    found = seeded_survey.focus()
    assert Seeded.page("no-focus-ring") in pages_with(found), listing(found, "focus")
    # Material's own thin default ring is not enough either.
    assert Seeded.page("no-a11y-css") in pages_with(found), listing(found, "focus")
    assert Seeded.page("clean") not in pages_with(found), listing(found, "focus")


def test_reflow_gate_catches_a_box_too_wide(seeded_survey: Survey) -> None:
    narrow = seeded_survey.reflow(320)
    assert pages_with(narrow) == {Seeded.page("too-wide")}, listing(narrow, "reflow at 320 px")
    assert "runs past the viewport" in narrow[0].what or "scrolls sideways" in narrow[0].what
    assert seeded_survey.reflow(640) == [], listing(seeded_survey.reflow(640), "reflow at 640 px")


def test_console_gate_catches_logged_and_thrown_errors(seeded_survey: Survey) -> None:
    found = seeded_survey.console()
    # The outside script, aborted, is a console error too ("Failed to load resource").
    assert pages_with(found) == {
        Seeded.page("console-error"),
        Seeded.page("script-throws"),
        Seeded.page("external-script"),
    }, listing(found, "console")
    assert any("boom" in f.what for f in found) and any("kaboom" in f.what for f in found), listing(found, "console")


def test_request_gate_catches_an_outside_script(seeded_survey: Survey) -> None:
    found = seeded_survey.outside()
    assert pages_with(found) == {Seeded.page("external-script")}, listing(found, "outside requests")
    assert [f.what for f in found] == ["requested https://example.org/x.js (outside the folder)"]


def test_structure_gate_catches_two_h1_and_a_missing_title(seeded_survey: Survey) -> None:
    found = seeded_survey.structure()
    assert pages_with(found) == {Seeded.page("two-h1"), Seeded.page("no-title")}, listing(found, "structure")


def test_navigation_gate_catches_an_entry_to_nowhere(seeded_survey: Survey) -> None:
    found = seeded_survey.navigation()
    assert pages_with(found) == {Seeded.page("nav-to-nowhere")}, listing(found, "navigation")
    assert "nowhere.html points to missing seeded/nowhere.html" in found[0].what


def test_every_seeded_page_was_checked(seeded_survey: Survey) -> None:
    assert seeded_survey.check_errors() == [], listing(seeded_survey.check_errors(), "could not check")
    assert Seeded.page("clean") in seeded_survey.pages and len(seeded_survey.pages) >= 15


def test_link_gate_catches_a_broken_anchor_and_an_absolute_path(seeded: Seeded) -> None:
    found = broken_links(seeded.site)
    assert pages_with(found) == {Seeded.page("broken-anchor"), Seeded.page("absolute-path")}, listing(found, "links")
    whats = [(f.file, f.what.split(" (")[0]) for f in found]
    assert (Seeded.page("broken-anchor"), "link ../notes.html#nope points to missing anchor #nope in notes.html") in whats
    assert (Seeded.page("absolute-path"), "absolute local path /notes.html") in whats


def test_local_path_gate_catches_a_file_url(seeded: Seeded) -> None:
    found = local_path_references(seeded.site)
    assert [(f.file, f.what) for f in found] == [
        (Seeded.page("absolute-path"), "absolute local path /notes.html"),
        (Seeded.page("absolute-path"), "absolute local path file:///tmp/notes.html"),
    ], listing(found, "absolute local paths")


def test_outside_gate_catches_an_outside_script(seeded: Seeded) -> None:
    found = outside_references(seeded.site)
    assert [(f.file, f.what) for f in found] == [
        (Seeded.page("external-script"), "fetches https://example.org/x.js")
    ], listing(found, "outside references")


def test_reachability_gate_catches_pages_nothing_links_to(seeded: Seeded) -> None:
    assert unreachable_pages(seeded.site) == []
    found = unreachable_pages(seeded.mutated)  # the mutated copies are linked from nowhere
    assert pages_with(found) == {Seeded.page(name) for name in MUTATIONS}, listing(found, "unreachable")


def test_print_stylesheet_works_where_it_has_work_to_do(seeded_survey: Survey) -> None:
    # The real site has no outside links yet; the seeded clean page has one, and a table.
    clean = seeded_survey.pages[Seeded.page("clean")]
    assert clean.print_links == 1 and clean.print_links_without_address == []
    assert clean.print_rows == 3 and clean.print_rows_cut == 0 and clean.print_heads == 1
    assert clean.print_chrome == [] and clean.pdf_ok


def test_print_gate_catches_navigation_on_paper(seeded_survey: Survey) -> None:
    found = seeded_survey.print_chrome()
    assert pages_with(found) == {Seeded.page("prints-nav")}, listing(found, "print chrome")
    assert [f.what for f in found] == ["prints the navigation sidebar", "prints the table of contents sidebar"]


def test_print_gate_catches_a_page_without_the_print_stylesheet(seeded_survey: Survey) -> None:
    links, tables = seeded_survey.print_links(), seeded_survey.print_tables()
    assert pages_with(links) == {Seeded.page("no-print-css")}, listing(links, "print links")
    assert pages_with(tables) == {Seeded.page("no-print-css")}, listing(tables, "print tables")
    assert "https://example.org/" in links[0].what

