"""Quality gate 4: every page prints well (src/mcframe/assets/print.css).

In Chromium with print media: the header, search, sidebars, skip link, footer navigation and
back-to-top button are hidden; outside links in the content show their address; table rows are not
cut across pages and table heads repeat; and ``page.pdf()`` makes a PDF of every page.
The same gate runs over a fixture site with seeded defects, to show that it catches them.
"""

from __future__ import annotations

import pytest

from gates import PRINT_CHROME, Seeded, Survey, listing, pages_with, seeded, seeded_survey, site_survey  # noqa: F401  (fixtures)

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


# The gate can fail -----------------------------------------------------------------------------------


