"""Spreadsheet cells safe to open (cells.py), and the self-review's script keeping the same rule."""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import ROOT
from mcframe.cells import csv_bytes, safe_cell, starts_a_formula

# (text, could a spreadsheet read it as a formula?)
SAMPLES = [
    ("=1+2", True),
    ("+1", True),
    ("-2", True),  # text: a number is another matter (see below)
    ("@SUM(A1)", True),
    ("\t=1+2", True),
    ("\r=1+2", True),
    ("\n=1+2", True),
    ("   =1+2", True),  # a program that trims spaces on import would see the formula
    ('"=1+2', True),
    ("'=1+2", True),
    ("\u00a0\u3000+1", True),
    ("\uff1d1+2", True),  # the full-width equals sign
    ("Coaching", False),
    ("", False),
    ("a=1", False),
    ("1-2", False),
    ("e-mail", False),
    ("   ", False),
    ("'quoted'", False),
]


@pytest.mark.parametrize(("text", "formula"), SAMPLES)
def test_a_cell_that_could_start_a_formula(text: str, formula: bool) -> None:
    assert starts_a_formula(text) is formula
    assert safe_cell(text) == ("'" + text if formula else text)


def test_numbers_stay_numbers_and_text_is_quoted() -> None:
    assert safe_cell(-2) == -2 and safe_cell(-2.5) == -2.5 and safe_cell(None) is None and safe_cell(True) is True
    data = csv_bytes([["name", "year", "volume"], ["=1+2", -2, "-2"], ["a;=1+2", 3.5, None]])
    assert data == b'\xef\xbb\xbf"name","year","volume"\r\n"\'=1+2",-2,"\'-2"\r\n"a;=1+2",3.5,""\r\n'
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))) == [["name", "year", "volume"], ["'=1+2", "-2", "'-2"], ["a;=1+2", "3.5", ""]]


def selfreview_rule() -> str:
    code = (ROOT / "src/mcframe/assets/selfreview.js").read_text(encoding="utf-8")
    found = re.search(r"var FORMULA = (/.*/);\n", code)
    assert found, "selfreview.js: var FORMULA"
    return found.group(1)


@pytest.mark.browser
def test_the_self_reviews_csv_keeps_the_same_rule(browser) -> None:  # type: ignore[no-untyped-def]
    """The self-review makes its CSV in the browser: its rule must say what cells.py says of each text."""
    page = browser.new_page()
    said = page.evaluate(f"texts => texts.map(t => {selfreview_rule()}.test(t))", [t for t, _ in SAMPLES])
    page.close()
    assert said == [starts_a_formula(t) for t, _ in SAMPLES]
