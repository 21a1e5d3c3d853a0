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

ROOT = Path(__file__).resolve().parents[1]


def copy_project(target: Path, *, content: Path | None = None) -> Path:
    """A project folder like a fresh clone's: config, docs and content copied, npm assets linked."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(content or ROOT / "content", target / "content")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


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


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    zips = list((project / "dist").glob("mcframe-*.zip"))
    assert len(zips) == 1
    return Built(project, project / "site", zips[0], result.stdout + result.stderr)


@pytest.fixture(scope="session")
def unpacked(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(built.zip) as zf:
        zf.extractall(folder)
    return folder


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
