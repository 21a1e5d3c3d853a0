"""Quality gate 3: no broken links in the offline zip.

``mcframe.site_audit`` over the unpacked zip (internal links and anchors resolve, nothing is fetched
from outside), plus: no absolute local paths of any kind, every page reachable by links from
index.html, and no server-only files (404.html, sitemaps) in the zip. No browser needed.
The same gates run over a fixture site with seeded defects, to show that they catch them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import Built
from gates import (
    html_pages,
    listing,
    local_path_references,
    seeded,  # noqa: F401  (fixture)
    unreachable_pages,
)
from mcframe.site_audit import broken_links, outside_references


def test_no_broken_links_or_anchors(unpacked: Path) -> None:
    found = broken_links(unpacked)
    assert found == [], listing(found, "broken links")


def test_nothing_fetched_from_outside(unpacked: Path) -> None:
    found = outside_references(unpacked)
    assert found == [], listing(found, "outside references")


def test_no_absolute_local_paths(unpacked: Path) -> None:
    found = local_path_references(unpacked)
    assert found == [], listing(found, "absolute local paths")


def test_every_page_is_reachable_from_the_home_page(unpacked: Path) -> None:
    found = unreachable_pages(unpacked)
    assert found == [], listing(found, "pages no link leads to")


def test_zip_holds_the_site_and_nothing_for_servers_only(built: Built) -> None:
    with zipfile.ZipFile(built.zip) as zf:
        names = set(zf.namelist())
    for server_only in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        assert server_only not in names, f"{server_only} is in the zip"
    assert not [n for n in names if n.startswith(("/", "../")) or "/../" in n], "entries outside the zip's folder"
    site_pages = {p for p in html_pages(built.site) if p != "404.html"}
    assert {n for n in names if n.endswith(".html")} == site_pages


# The gates can fail ----------------------------------------------------------------------------------


