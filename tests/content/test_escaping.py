"""One escaping rule, everywhere: plain text planted with markup in the real framework's titles, names,
definitions, chart titles and settings reaches every route (page body, <title>, navigation, table of
contents, meta tags, search index, glossary previews, SVG, exports) as text, never as live HTML."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from conftest import copy_project, edit, run_mcframe

PLANT = "<script>alert({n})</script>"


def plant(path: Path, key: str, n: int, value_starts: str = "") -> None:
    """Replace the first one-line value of ``key`` (with its indentation) by a planted one."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(key + value_starts) and line.strip() != key.strip())
    lines[at] = f'{key}"{PLANT.format(n=n)} planted"\n'
    path.write_text("".join(lines), encoding="utf-8")


def test_planted_markup_is_text_on_every_route(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    content = project / "content"
    plant(content / "case_studies/cs02-blaise.yaml", "title: ", 1)  # nav, <title>, h1, toc, search
    plant(content / "glossary/triad.yaml", "definition: ", 2)  # glossary previews
    plant(content / "case_studies/cs04-peru.yaml", "    title: ", 3)  # an SVG chart's title
    plant(content / "policy_grid.yaml", "    name: ", 4, "\"Excellence & Enjoyment: The Primary Leadership")  # a programme: grid, exports
    site_yaml = content / "site.yaml"
    edit(site_yaml, "description: >-\n", 'description: >-\n  "<script>alert(5)</script>\n')
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in html, page
    for index in ("search/search_index.json", "search/search_index.js"):
        assert "<script>alert(" not in (site / index).read_text(encoding="utf-8"), index
    blaise = (site / "case-studies/cs02.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; planted - " in blaise
    assert '<meta name="description" content="&quot;&lt;script&gt;alert(5)&lt;/script&gt;' in blaise
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in glossary
    grid = (site / "policy/policy_grid.csv").read_bytes().decode("utf-8-sig")
    assert any(PLANT.format(n=4) + " planted" in row for row in csv.reader(io.StringIO(grid)))  # data: the text exactly as written
    wb = openpyxl.load_workbook(site / "policy/policy_grid.xlsx")
    assert wb["Overview"]["C2"].value == PLANT.format(n=4) + " planted"
