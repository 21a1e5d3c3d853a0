"""Build options are command-line options, never environment variables: ``--project DIR`` builds
another project folder (with the engine's mkdocs.yml when it has none), ``--drafts`` and
``--all-warnings`` change the output with nothing set in the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import FIXTURE, ROOT, copy_fixture
from mcframe.mkdocs_seam.project import DEFAULT_CONFIG, with_options
from minimal import META

# Five terms no page uses: five warnings of one kind, which a build summarises as three and a count.
UNUSED = "id: {0}\nterm: {0}\ndefinition: An unused word.\nsources: [ref-handbook]\n" + META.replace("{", "{{").replace("}", "}}")
WORDS = ("adze", "bevel", "clamp", "dowel", "lathe")


def mcframe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m mcframe`` with no MCFRAME_ variable in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MCFRAME_") or k == "MCFRAME_CHROMIUM"}
    return subprocess.run([sys.executable, "-m", "mcframe", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_another_project_folder_builds_in_place_with_the_engines_mkdocs_yml(tmp_path: Path) -> None:
    """tests/fixture_framework has no mkdocs.yml and no node_modules: the engine's are used, and
    nothing is written into the project when site/ and dist/ are elsewhere. Options follow the
    command, as scripts/build passes them (scripts/build --drafts --project DIR --all-warnings)."""
    assert not (FIXTURE / "mkdocs.yml").exists() and not (FIXTURE / "node_modules").exists()
    before = sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*"))
    site, dist = tmp_path / "site", tmp_path / "dist"
    result = mcframe("build", "--drafts", "--project", str(FIXTURE), "--all-warnings", "--site-dir", str(site), "--dist-dir", str(dist), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (dist / "workshop-3-drafts.zip").is_file()
    assert 'id="r-03"' in (site / "rules.html").read_text()  # the draft rule, shown
    assert "<title>Workshop Supervision Framework</title>" in (site / "index.html").read_text()
    assert sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*")) == before


def test_drafts_and_all_warnings_change_the_output_with_no_environment(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "mkdocs.yml").unlink()  # the engine's default serves as well
    for word in WORDS:
        (project / f"content/glossary/{word}.yaml").write_text(UNUSED.format(word))
    unused = [f"content/glossary/{w}.yaml:1:1: warning: term '{w}' is not used on any page" for w in ("adze", "bevel", "chisel", "clamp", "dowel", "lathe")]

    plain = mcframe("--project", str(project), "build", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert 'id="r-03"' not in (project / "site/rules.html").read_text()
    assert [line for line in unused if line in plain.stderr] == unused[:3]
    assert "... and 3 more like this (--all-warnings lists them all)" in plain.stderr
    assert sorted(p.name for p in (project / "dist").glob("*.zip")) == ["workshop-3.zip"]

    full = mcframe("build", "--project", str(project), "--drafts", "--all-warnings", cwd=tmp_path)
    assert full.returncode == 0, full.stderr
    assert 'id="r-03"' in (project / "site/rules.html").read_text()
    assert [line for line in unused if line in full.stderr] == unused
    assert "more like this" not in full.stderr
    assert "workshop-3-drafts.zip" in sorted(p.name for p in (project / "dist").glob("*.zip"))

    check = mcframe("check", "--project", str(project), cwd=tmp_path)
    checked_all = mcframe("check", "--all-warnings", "--project", str(project), cwd=tmp_path)
    assert "more like this" in check.stderr and "more like this" not in checked_all.stderr


def test_no_option_is_read_from_the_environment() -> None:
    for path in [*(ROOT / "src/mcframe").rglob("*.py"), *(ROOT / "scripts").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert not any(word in text for word in ("os.environ", "getenv", "MCFRAME_DRAFTS", "MCFRAME_ALL_WARNINGS", "MCFRAME_TIMINGS")), path


def test_the_engines_mkdocs_yml_is_in_step_with_the_projects() -> None:
    assert yaml.safe_load(DEFAULT_CONFIG.read_text()) == yaml.safe_load((ROOT / "mkdocs.yml").read_text())


def test_plugin_options_are_set_in_any_form_of_the_plugins_setting() -> None:
    on = {"drafts": True}
    assert with_options(["search", "mcframe"], on) == ["search", {"mcframe": on}]
    assert with_options(["search", {"mcframe": {"glossary_links": "off"}}], on) == ["search", {"mcframe": {"glossary_links": "off", "drafts": True}}]
    assert with_options({"search": {}, "mcframe": None}, on) == {"search": {}, "mcframe": on}
    assert with_options(["search"], on) == ["search", {"mcframe": on}]
