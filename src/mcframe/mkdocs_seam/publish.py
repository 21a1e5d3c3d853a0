"""``scripts/build``: validate, build the site into a staging folder, zip it, then swap the results in.

A failed build leaves the last good ``site/`` and zip exactly as they were.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from ..offline_zip import ZIP_EXCLUDE, write_zip
from ..problems import ContentError
from . import ENGINE
from .project import config_args


def publish(
    project: Path, site_dir: Path | None = None, dist_dir: Path | None = None, drafts: bool = False,
    all_warnings: bool = False, timings: bool = False,
) -> int:
    """Build; with ``drafts``, an editors' build that shows draft elements, zipped under another name;
    with ``all_warnings``, every warning listed; with ``timings``, the glossary linker's time printed."""
    started = time.perf_counter()
    _show_mkdocs_warnings()
    site_dir = (site_dir or project / "site").resolve()
    dist_dir = (dist_dir or project / "dist").resolve()
    staging_root = site_dir.parent / ".build-tmp"  # beside site/, so that the swap is a rename
    staging_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=staging_root) as tmp:
        staged_site = Path(tmp) / "site"
        try:
            config = load_config(**config_args(project, drafts=drafts, all_warnings=all_warnings), site_dir=str(staged_site), strict=True)
            build(config)
        except ContentError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            n = sum(1 for p in exc.problems if p.severity == "error")
            print(f"build failed: {n} content error(s); site/ and dist/ are unchanged", file=sys.stderr)
            return 1
        except (Abort, MkDocsException) as exc:
            print(f"build failed: {exc}; site/ and dist/ are unchanged", file=sys.stderr)
            return 1
        site = config.plugins["mcframe"].site  # type: ignore[attr-defined]
        elements = site.lib.count()
        pages = sum(1 for _ in staged_site.rglob("*.html") if _.name != "404.html")
        name = site.lib.site.zip_filename.removesuffix(".zip") + ("-drafts.zip" if drafts else ".zip")
        staged_zip = Path(tmp) / name
        digest = write_zip(staged_site, staged_zip, exclude=ZIP_EXCLUDE)
        (Path(tmp) / f"{name}.sha256").write_text(f"{digest}  {name}\n", encoding="utf-8")
        # Documents for print (the poster) are offered beside the zip as well as inside it.
        printed = sorted((staged_site / "downloads").glob("*.pdf")) if (staged_site / "downloads").is_dir() else []
        for pdf in printed:
            shutil.copyfile(pdf, Path(tmp) / pdf.name)
        _swap_dir(staged_site, site_dir)
        dist_dir.mkdir(parents=True, exist_ok=True)
        for file in (name, f"{name}.sha256", *(p.name for p in printed)):
            (Path(tmp) / file).replace(dist_dir / file)
    if not any(staging_root.iterdir()):
        staging_root.rmdir()
    if timings and site.linker:
        print(f"glossary linker: {site.linker.seconds:.2f} s")
    size = (dist_dir / name).stat().st_size
    elapsed = time.perf_counter() - started
    print(
        f"built {pages} pages from {elements} elements in {elapsed:.1f} s -> {_rel(site_dir, project)}/ and "
        f"{_rel(dist_dir / name, project)} ({size / 1024:.0f} KiB, sha256 {digest[:12]}…)"
    )
    return 0


def _swap_dir(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` so that it is never half-written."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    shutil.move(str(new), str(target))
    if old.exists():
        shutil.rmtree(old)


def _rel(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return str(path)


def _show_mkdocs_warnings(level: int = logging.WARNING) -> None:
    """MkDocs prints nothing through its API unless a handler is set; show warnings and errors (and,
    at ``level`` INFO, what a live preview says)."""
    logger = logging.getLogger(ENGINE)
    if level < logging.WARNING:
        logger.setLevel(level)
    if not any(getattr(h, "_mcframe", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(level)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler._mcframe = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
