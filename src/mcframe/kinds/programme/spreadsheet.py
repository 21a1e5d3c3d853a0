"""The programme kind's exports: the policy grid as a spreadsheet (xlsx) and as CSV, generated at build
time from the YAML.

Both are deterministic, so the offline zip stays byte-identical across builds of the same content.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ...cells import csv_bytes, starts_a_formula
from ..agency import Agency
from . import Programme

if TYPE_CHECKING:
    from ...library import Library

# The columns: the label (labels.yaml, or site.yaml's labels) that heads each, and its width in the sheet.
COLUMNS = (
    ("grid_col_id", 8),
    ("grid_col_agency", 10),
    ("grid_col_programme", 34),
    ("grid_col_why", 30),
    ("grid_col_who", 30),
    ("grid_col_what", 40),
    ("grid_col_when", 30),
    ("grid_col_forms", 26),
    ("grid_col_requirement", 16),
    ("grid_col_description", 50),
    ("grid_col_sources", 40),
    ("grid_col_links", 40),
    ("grid_col_status", 12),
    ("grid_col_reviewed", 12),
)


def headings(lib: Library) -> list[str]:
    return [lib.site.label(key) for key, _ in COLUMNS]
FIXED_TIME = datetime.datetime(2005, 1, 1)  # used when no row has been reviewed yet


def _labels(lib: Library, p: Programme, field: str) -> str:
    """A cell the edition does not map is left empty: it is not data."""
    return "; ".join(lib.title_of(lib.follow(p, field, i)) for i in getattr(p, field) or [])


def programme_row(lib: Library, p: Programme) -> list[str]:
    agency = lib.follow(p, "agency", p.agency)
    return [
        p.id,
        getattr(agency, "abbreviation", p.agency),
        p.name,
        _labels(lib, p, "why"),
        p.who or "",
        p.what or "",
        _labels(lib, p, "when"),
        _labels(lib, p, "forms"),
        lib.site.label(f"requirement_{p.requirement}") if p.requirement else "",
        " ".join((p.description or "").split()),
        "; ".join(getattr(lib.follow(p, "sources", s), "title", s) for s in p.sources),
        "; ".join(link.url for link in p.links),
        lib.site.label(f"review_status_{p.review.status}"),
        p.review.date.isoformat(),
    ]


def grid_rows(lib: Library) -> list[list[str]]:
    return [programme_row(lib, p) for p in lib.all(Programme)]


def policy_grid_csv(lib: Library) -> bytes:
    """RFC 4180, UTF-8, every cell safe to open in a spreadsheet (see cells.py)."""
    return csv_bytes([headings(lib), *grid_rows(lib)])


def _sheet(wb: Workbook, title: str, head: list[str], rows: list[list[str]], first: bool) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = sheet_title(title)
    ws.append(head)
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows():
        for cell in cells:
            _as_text(cell)
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(rows) + 1, 1)}"


def _as_text(cell: Any) -> None:
    """A text cell stays text: openpyxl would make "=..." a live formula and "#N/A" an error, so the
    type is set to string; text a spreadsheet could still take for a formula once edited gets the
    xlsx form of OWASP's single quote, ``quotePrefix`` (shown without the quote, kept as text)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if starts_a_formula(cell.value):
            cell.quotePrefix = True


# What a sheet's name may not hold (Excel's rule; openpyxl refuses them with an error).
_NOT_IN_SHEET_TITLE = re.compile(r"[\\/*?:\[\]\x00-\x1f]")


def sheet_title(text: str) -> str:
    """A sheet's name from a label or an agency's abbreviation: at most 31 characters, none of
    ``\\ / * ? : [ ]`` nor a control character, and no quote mark at either end."""
    title = _NOT_IN_SHEET_TITLE.sub("-", text)[:31].strip("'")
    return title or "-"


def policy_grid_xlsx(lib: Library) -> bytes:
    """An overview sheet and a sheet per agency; frozen header, autofilter, wrapped text, no formulas."""
    wb = Workbook()
    rows = grid_rows(lib)
    head = headings(lib)
    _sheet(wb, lib.site.label("grid_sheet_overview"), head, rows, first=True)
    programmes = lib.all(Programme)
    for agency in lib.all(Agency):
        _sheet(wb, agency.abbreviation, head, [r for r, p in zip(rows, programmes, strict=True) if p.agency == agency.id], first=False)
    # The workbook's dates are the content's (the latest review), never the build's.
    reviewed = max((p.review.date for p in programmes), default=None)
    stamp = datetime.datetime.combine(reviewed, datetime.time()) if reviewed else FIXED_TIME
    site = lib.site
    wb.properties.title = f"{site.title}: {lib.collection_of('programme').decl.plural}"
    wb.properties.creator = site.publisher
    wb.properties.version = site.edition.number
    wb.properties.description = f"{site.label('edition')} {site.edition.number}, {site.edition.date.isoformat()}. {site.licence}"
    wb.properties.created = stamp
    raw = io.BytesIO()
    wb.save(raw)
    return _repack(raw.getvalue(), stamp)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _repack(data: bytes, stamp: datetime.datetime) -> bytes:
    """openpyxl stamps the zip entries and the "modified" property with the time of saving; rewrite
    both so that the same content always gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()


# The exports this kind offers pages (site.yaml: pages[].downloads[].export), by name.
EXPORTS: dict[str, Callable[[Library], bytes]] = {
    "policy-grid-xlsx": policy_grid_xlsx,
    "policy-grid-csv": policy_grid_csv,
}
