"""Quality gate 4: every page prints well (docs/assets/stylesheets/print.css).

In Chromium with print media: the header, search, sidebars, skip link, footer navigation and
back-to-top button are hidden; outside links in the content show their address; table rows are not
cut across pages and table heads repeat; and ``page.pdf()`` makes a PDF of every page.
The same gate runs over a fixture site with seeded defects, to show that it catches them.
"""

from __future__ import annotations

import pytest

from gates import PRINT_CHROME, Seeded, Survey, listing, pages_with
from gates import seeded, seeded_survey, site_survey  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_no_screen_chrome_on_paper(site_survey: Survey) -> None:
    found = site_survey.print_chrome()
    assert found == [], listing(found, f"screen chrome in print (checked: {', '.join(PRINT_CHROME)})")


def test_outside_links_print_their_address(site_survey: Survey) -> None:
    found = site_survey.print_links()
    assert found == [], listing(found, "outside links printed without their address")


def test_tables_are_not_cut_and_heads_repeat(site_survey: Survey) -> None:
    found = site_survey.print_tables()
    assert found == [], listing(found, "tables that print badly")
    # The descriptions and skills tables are checked, not skipped.
    assert site_survey.pages["framework/descriptions.html"].print_rows >= 5
    assert site_survey.pages["framework/skills.html"].print_heads >= 1


def test_every_page_makes_a_pdf(site_survey: Survey) -> None:
    found = site_survey.pdf()
    assert found == [], listing(found, "pages that do not print to PDF")


def test_print_stylesheet_works_where_it_has_work_to_do(seeded_survey: Survey) -> None:
    # The real site has no outside links yet; the seeded clean page has one, and a table.
    clean = seeded_survey.pages[Seeded.page("clean")]
    assert clean.print_links == 1 and clean.print_links_without_address == []
    assert clean.print_rows == 3 and clean.print_rows_cut == 0 and clean.print_heads == 1
    assert clean.print_chrome == [] and clean.pdf_ok


# The gate can fail -----------------------------------------------------------------------------------


def test_print_gate_catches_navigation_on_paper(seeded_survey: Survey) -> None:
    found = seeded_survey.print_chrome()
    assert pages_with(found) == {Seeded.page("prints-nav")}, listing(found, "print chrome")
    assert [f.what for f in found] == ["prints the navigation sidebar", "prints the table of contents sidebar"]


def test_print_gate_catches_a_page_without_the_print_stylesheet(seeded_survey: Survey) -> None:
    links, tables = seeded_survey.print_links(), seeded_survey.print_tables()
    assert pages_with(links) == {Seeded.page("no-print-css")}, listing(links, "print links")
    assert pages_with(tables) == {Seeded.page("no-print-css")}, listing(tables, "print tables")
    assert "https://example.org/" in links[0].what
