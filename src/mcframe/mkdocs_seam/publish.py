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

from ..inside import is_file_name
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
    # The project's own output folders may not be links: the build replaces site/ whole (and would
    # replace, and delete, whatever folder it pointed at) and writes the zip into dist/.
    own = [(name, project / name) for name, given in (("site", site_dir), ("dist", dist_dir)) if given is None]
    own.append((".build-tmp", (site_dir or project / "site").parent / ".build-tmp"))
    if linked := [name for name, path in own if path.is_symlink()]:
        for name in linked:
            print(f"{name}:1:1: the build's folder {name}/ may not be a symbolic link: remove the link, and the build makes a real folder", file=sys.stderr)
        print(f"build failed: {len(linked)} error(s); site/ and dist/ are unchanged", file=sys.stderr)
        return 1
    site_dir = (site_dir or project / "site").resolve()
    dist_dir = (dist_dir or project / "dist").resolve()
    staging_root = site_dir.parent / ".build-tmp"  # beside site/, so that the swap is a rename
    try:
        staging_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"build failed: could not make {_rel(staging_root, project)}/ ({exc.strerror or exc}); site/ and dist/ are unchanged", file=sys.stderr)
        return 1
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
        if not is_file_name(name):  # site.yaml's validation refuses any such zip_name or edition number first
            print(f"{site.lib.site_doc.problem(('zip_name',), f'{name!r} is not a plain file name')}", file=sys.stderr)
            print("build failed: 1 content error(s); site/ and dist/ are unchanged", file=sys.stderr)
            return 1
        try:
            digest, outputs = _stage_outputs(staged_site, Path(tmp), name)
            _publish(staged_site, site_dir, Path(tmp), outputs, dist_dir)
        except OSError as exc:
            print(f"build failed: could not write {_rel(Path(exc.filename), project) if exc.filename else 'the output'} "
                  f"({exc.strerror or exc}); site/ and dist/ are unchanged", file=sys.stderr)
            return 1
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


def _stage_outputs(staged_site: Path, tmp: Path, name: str) -> tuple[str, list[str]]:
    """The zip, its checksum and the documents for print, written beside the staged site; their names."""
    digest = write_zip(staged_site, tmp / name, exclude=ZIP_EXCLUDE)
    (tmp / f"{name}.sha256").write_text(f"{digest}  {name}\n", encoding="utf-8")
    # Documents for print (the poster) are offered beside the zip as well as inside it.
    printed = sorted(p for p in (staged_site / "downloads").glob("*.pdf") if p.is_file()) if (staged_site / "downloads").is_dir() else []
    for pdf in printed:
        shutil.copyfile(pdf, tmp / pdf.name)
    return digest, [name, f"{name}.sha256", *(p.name for p in printed)]


def _publish(staged_site: Path, site_dir: Path, tmp: Path, outputs: list[str], dist_dir: Path) -> None:
    """Put the new site and files in place, all or nothing as far as the file system allows: the files
    are first copied into dist/ under hidden names (what can fail, a full disk, a read-only folder,
    fails there, with nothing published yet); then site/ is swapped in, then each file renamed over
    its old self within dist/."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    parts: list[tuple[Path, Path]] = []
    try:
        for file in outputs:
            part = dist_dir / f".{file}.part"
            shutil.copyfile(tmp / file, part)
            parts.append((part, dist_dir / file))
        _swap_dir(staged_site, site_dir)
    except OSError:
        for part, _ in parts:
            part.unlink(missing_ok=True)
        raise
    for part, final in parts:
        part.replace(final)


def _swap_dir(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` so that it is never half-written: should the move fail, the
    old folder is put back."""
    old = target.with_name(target.name + ".old")
    _remove(old)
    if target.exists():
        target.rename(old)
    try:
        shutil.move(str(new), str(target))
    except OSError:
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    _remove(old)


def _remove(path: Path) -> None:
    """Remove a leftover folder, or a link in its place (not what the link points at)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


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
