"""Shared fixtures: real builds in temporary folders, the unpacked zip, and one Chromium for the session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

import mcframe.mkdocs_seam  # noqa: F401  (first: under ProperDocs it sets up the mkdocs.* imports of gates.py)

# A busy 2-core machine (CI) can take far longer than hypothesis's default 200 ms for one example.
settings.register_profile("mcframe", deadline=5000)
settings.load_profile("mcframe")

ROOT = Path(__file__).resolve().parents[1]
# A second, small framework from another domain: the engine's tests build it, never the real content.
FIXTURE = ROOT / "tests" / "fixture_framework"


def copy_project(target: Path, *, content: Path | None = None, docs: Path | None = None, templates: Path | None = None) -> Path:
    """A project folder like a fresh clone's: config, docs and content copied, npm assets linked."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(docs or ROOT / "docs", target / "docs")
    shutil.copytree(content or ROOT / "content", target / "content")
    if templates:
        shutil.copytree(templates, target / "templates")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Change a copied project's file for one test: ``old`` must be there (a test whose edit silently
    did nothing would prove nothing), and only its first occurrence changes."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_fixture(target: Path) -> Path:
    """The fixture framework as a project: the real project's mkdocs.yml, its own content, docs and templates."""
    return copy_project(target, content=FIXTURE / "content", docs=FIXTURE / "docs", templates=FIXTURE / "templates")


def run_mcframe(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mcframe", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    zip: Path
    output: str


def build_project(project: Path) -> Built:
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    zips = list((project / "dist").glob("*.zip"))
    assert len(zips) == 1
    return Built(project, project / "site", zips[0], result.stdout + result.stderr)


def unpack(zip_path: Path, folder: Path) -> Path:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real framework, built once per session (content tests)."""
    return build_project(copy_project(tmp_path_factory.mktemp("real") / "project"))


@pytest.fixture(scope="session")
def unpacked(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpack(built.zip, tmp_path_factory.mktemp("unpacked"))


@pytest.fixture(scope="session")
def fixture_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture framework, built once per session (engine tests)."""
    return build_project(copy_fixture(tmp_path_factory.mktemp("fixture") / "project"))


@pytest.fixture(scope="session")
def fixture_unpacked(fixture_built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpack(fixture_built.zip, tmp_path_factory.mktemp("fixture-unpacked"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("MCFRAME_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                # file:// pages may read sibling files (the search worker's iframe needs this only in
                # some Chromium builds; the shim itself works without it).
            ],
        )
        yield b
        b.close()
