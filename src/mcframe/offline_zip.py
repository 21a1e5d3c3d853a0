"""The offline edition: a deterministic zip of the built site.

Same site in, same bytes out: entries sorted, timestamps and permissions fixed, one compression level.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
from pathlib import Path

# 1980-01-01, the earliest time a zip entry can hold.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Left out of the zip: the 404 page only works at a server's root, and the sitemap carries the
# build date and absolute URLs, which mean nothing offline.
# Server-only files, and the search index as JSON: opened from a folder, search reads only its
# JavaScript copy (search_index.js), so the offline edition ships the index once.
ZIP_EXCLUDE = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"})


def site_files(site: Path, exclude: Iterable[str] = ()) -> list[Path]:
    skip = set(exclude)
    return sorted(
        (p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in skip),
        key=lambda p: p.relative_to(site).as_posix(),
    )


def write_zip(site: Path, target: Path, exclude: Iterable[str] = ()) -> str:
    """Zip ``site`` (``index.html`` at the root of the archive) into ``target``; return its SHA-256."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in site_files(site, exclude):
            info = zipfile.ZipInfo(path.relative_to(site).as_posix(), date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return sha256_of(target)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
