"""Spreadsheet cells that are safe to open: one rule for every CSV and xlsx the site publishes.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab, carriage return or
line feed) as a formula: text such as ``=HYPERLINK(...)`` or ``=cmd|' /C calc'!A0`` in a programme's
name would run when a reader opened the download. OWASP's advice ("CSV Injection") is followed here:

- a text cell that starts with one of those characters gets a single quote before it, which a
  spreadsheet takes as "this is text" (in an xlsx the same mark is the cell's ``quotePrefix``);
- the check looks past leading spaces and quote marks, because some programs trim them on import;
- every text cell is written inside double quotes (their own quotes doubled), so that no separator
  inside a value, a comma or the semicolon of a French spreadsheet, can start a new cell.

Numbers stay numbers: only text is touched, so a negative number is written as it is.
``selfreview.js`` applies the same rule to the CSV it makes in the browser (a test holds them equal).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# OWASP's list, and the full-width forms some spreadsheets also take as the start of a formula.
FORMULA_STARTS = frozenset("=+-@\t\r\n" + "\uff1d\uff0b\uff0d\uff20")
# What a spreadsheet may trim before it looks for a formula: spaces of any kind and quote marks.
_LEADING = " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff\"'"

Cell = str | int | float | bool | None


def starts_a_formula(text: str) -> bool:
    """Whether a spreadsheet could read this text as a formula: its first character, or its first
    after any spaces and quote marks, is one of :data:`FORMULA_STARTS`."""
    if text[:1] in FORMULA_STARTS:
        return True
    rest = text.lstrip(_LEADING)
    return rest[:1] in FORMULA_STARTS


def safe_text(text: str) -> str:
    """Text as a spreadsheet cell: with a single quote before it if it could start a formula."""
    return "'" + text if starts_a_formula(text) else text


def safe_cell(value: Cell) -> Cell:
    """A cell's value made safe: text as :func:`safe_text`; numbers, booleans and empty cells as they are."""
    return safe_text(value) if isinstance(value, str) else value


def csv_bytes(rows: Iterable[Sequence[Cell]]) -> bytes:
    """RFC 4180 CSV of ``rows`` (the first the header): CRLF line ends, UTF-8 with a byte-order mark
    (so spreadsheets read it as such), every text cell quoted and made safe, numbers bare."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
