"""The policy grid's exports (CSV and xlsx) from a small hand-made grid, compared with rows written out
by hand here: not with the function that makes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from mcframe.kinds.programme.spreadsheet import policy_grid_csv, policy_grid_xlsx
from mcframe.library import Library, load_library
from minimal import minimal_content

GRID = """\
agencies:
  - id: AAA
    name: First Agency
    abbreviation: AAA
    description: The first.
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-02-03}
  - id: BBB
    name: Second Agency
    abbreviation: BbB
    description: The second.
    sources: [seed]
    wording: {kind: summary, source: seed}
    review: {status: published, date: 2026-02-03}
programmes:
  - id: PG01
    agency: AAA
    name: Mapped programme
    description: |
      A description
      on two lines.
    why: [PU-ONE]
    who: Teachers, "new" ones
    what: Coaching
    when: [ST-ONE]
    forms: [FO-ONE]
    requirement: required
    links:
      - {title: Home, url: "https://example.org/a"}
    sources: [seed]
    wording: {kind: editorial}
    review: {status: published, date: 2026-02-03}
  - id: PG02
    agency: BBB
    name: Unmapped programme
    sources: [seed]
    wording: {kind: editorial}
    review: {status: reviewed, date: 2026-01-05}
"""

HEADER = [
    "ID", "Agency", "Programme", "Why (purpose)", "Who (participants)", "What (activity)", "When (career stage)",
    "Forms of practice", "Requirement", "Description", "Sources", "Links", "Review status", "Reviewed on",
]
ROWS = [
    ["PG01", "AAA", "Mapped programme", "One", 'Teachers, "new" ones', "Coaching", "One", "One", "required",
     "A description on two lines.", "A seed", "https://example.org/a", "published", "2026-02-03"],
    ["PG02", "BbB", "Unmapped programme", "", "", "", "", "", "", "", "A seed", "", "reviewed", "2026-01-05"],
]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    content = minimal_content(tmp_path_factory.mktemp("grid") / "content")
    (content / "policy_grid.yaml").write_text(GRID)
    lib, problems = load_library(content)
    assert lib is not None and problems == [], problems
    return lib


def test_csv_is_rfc4180_utf8_with_the_rows_written_out(lib: Library) -> None:
    data = policy_grid_csv(lib)
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 3
    assert b'"Teachers, ""new"" ones"' in data  # quoted, quotes doubled
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))) == [HEADER, *ROWS]


def test_xlsx_has_an_overview_and_a_sheet_per_agency(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "grid.xlsx"
    path.write_bytes(policy_grid_xlsx(lib))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Overview", "AAA", "BbB"]
    values = {ws.title: [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    assert values == {"Overview": [HEADER, *ROWS], "AAA": [HEADER, ROWS[0]], "BbB": [HEADER, ROWS[1]]}
    assert wb["Overview"].freeze_panes == "A2" and wb["Overview"].auto_filter.ref == "A1:N3"
    assert wb.properties.title == "Minimal: Programmes" and wb.properties.version == "1"


def test_exports_are_byte_identical_for_the_same_content(lib: Library) -> None:
    assert policy_grid_xlsx(lib) == policy_grid_xlsx(lib)
    assert policy_grid_csv(lib) == policy_grid_csv(lib)
