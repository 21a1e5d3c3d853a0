"""The real framework's site: its pages, anchors and tables, its zip, and its site definition flowing
into the navigation, the pages and the exports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import yaml

from conftest import ROOT, Built, copy_project, run_mcframe

EXPECTED_PAGES = [
    "index.html",
    "about.html",
    "sources.html",
    "glossary.html",
    "framework/index.html",
    "framework/concepts/c1.html",
    "framework/concepts/c2.html",
    "framework/concepts/c3.html",
    "framework/principles.html",
    "framework/descriptions.html",
    "framework/skills.html",
    "framework/career-stages.html",
    "framework/purposes.html",
    "framework/forms.html",
    "framework/phases.html",
    "case-studies/index.html",
    "practice/directory.html",
    "policy/grid.html",
    "evidence/index.html",
    "evidence/websites.html",
]


def test_pages_and_zip_name(built: Built) -> None:
    for page in EXPECTED_PAGES:
        assert (built.site / page).is_file(), page
    site = yaml.safe_load((ROOT / "content/site.yaml").read_text())
    assert built.zip.name == site["zip_name"].replace("{edition}", site["edition"]["number"])


def test_every_element_has_its_anchor(built: Built) -> None:
    principles = (built.site / "framework/principles.html").read_text()
    for n in range(1, 11):
        assert f'id="p{n}"' in principles
    assert 'id="d1"' in (built.site / "framework/descriptions.html").read_text()
    assert 'id="sk1"' in (built.site / "framework/skills.html").read_text()
    assert 'id="st-nqt"' in (built.site / "framework/career-stages.html").read_text()


def test_descriptions_table_is_a_real_table(built: Built) -> None:
    html = (built.site / "framework/descriptions.html").read_text()
    assert "<table" in html and "<caption>" in html
    assert html.count('scope="row"') == 5
    assert html.count('scope="col"') == 4


def test_two_builds_give_identical_zips(built: Built, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "again")
    result = run_mcframe(again, "build")
    assert result.returncode == 0, result.stderr
    assert (again / "dist" / built.zip.name).read_bytes() == built.zip.read_bytes()


def test_site_yaml_edits_reach_nav_pages_zip_and_exports(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    site = project / "content/site.yaml"
    text = site.read_text()
    for old, new in (
        ("title: Mentoring and Coaching Framework", "title: Framework for Mentoring"),
        ('number: "0.1"', 'number: "2.0"'),
        ("    section: Practice\n", "    section: In schools\n"),
        ("    label: programme\n    plural: Programmes\n", "    label: initiative\n    plural: Initiatives\n"),
    ):
        assert old in text
        text = text.replace(old, new)
    site.write_text(text)
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "dist/mcframe-2.0.zip").is_file()
    grid = (project / "site/policy/grid.html").read_text()
    assert "<title>Policy grid - Framework for Mentoring</title>" in grid
    assert "In schools" in grid and "Edition 2.0" in grid
    assert "Filter initiatives" in grid and '<th scope="col">Initiative</th>' in grid
    wb = openpyxl.load_workbook(project / "site/policy/policy_grid.xlsx")
    assert wb.properties.title == "Framework for Mentoring: Initiatives"
    assert wb.properties.version == "2.0"
