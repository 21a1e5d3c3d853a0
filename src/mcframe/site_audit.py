"""Audits of a built site, run over the files on disk: anything the browser would fetch from outside
the site, and internal links or fragments that do not resolve.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes through which a browser fetches something by itself (a link's href is fetched only when
# followed, so <a href> is navigation, not a fetch).
_FETCH_ATTRS = {"src", "srcset", "poster", "data", "background"}
_FETCHING_LINK_RELS = {"stylesheet", "preload", "prefetch", "icon", "manifest", "modulepreload", "preconnect", "dns-prefetch"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)
# file: URLs, Windows drive letters and UNC paths: the builder's own disk, not the site.
_LOCAL_ABSOLUTE = re.compile(r"^(?:file:|[a-z]:[\\/]|\\\\)", re.I)
_JS_FETCH = re.compile(r"""(?:importScripts|import)\s*\(\s*['"]((?:https?:)?//[^'"]+)""")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


def _is_outside(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) and not url.lower().startswith("file:")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[str] = []  # URLs the page fetches by itself
        self.links: list[str] = []  # hrefs a reader can follow
        self.ids: set[str] = set()
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for key in _FETCH_ATTRS & a.keys():
            values = [part.strip().split(" ")[0] for part in a[key].split(",")] if key == "srcset" else [a[key]]
            self.fetches.extend(v for v in values if v)
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            (self.fetches if rels & _FETCHING_LINK_RELS else self.links).append(a["href"])
        elif tag in ("a", "area") and "href" in a:
            self.links.append(a["href"])
        if a.get("style"):
            self.styles.append(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _css_refs(css: str) -> list[str]:
    return _CSS_URL.findall(css) + _CSS_IMPORT.findall(css)


def parse_page(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def outside_references(site: Path, only: list[Path] | None = None) -> list[Finding]:
    """Everything in HTML, CSS or JS files that would make the browser fetch from outside the site
    (``only``: in these of its files)."""
    found: list[Finding] = []
    for path in sorted(site.rglob("*")) if only is None else only:
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            page = parse_page(path)
            refs = page.fetches + [r for css in page.styles for r in _css_refs(css)]
        elif path.suffix == ".css":
            refs = _css_refs(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix == ".js":
            refs = _JS_FETCH.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        found.extend(Finding(rel, f"fetches {r}") for r in refs if _is_outside(r))
    return found


def broken_links(site: Path) -> list[Finding]:
    """Internal links whose file or fragment does not exist, and absolute local paths."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for rel, path in pages.items():
        parsed = parse_page(path)
        ids[rel] = parsed.ids
        links[rel] = parsed.links + [f for f in parsed.fetches if not _is_outside(f)]
    found: list[Finding] = []
    for rel, hrefs in links.items():
        for href in hrefs:
            problem = _check_link(site, rel, href, ids)
            if problem:
                found.append(Finding(rel, problem))
    return sorted(set(found))


def _check_link(site: Path, page: str, href: str, ids: dict[str, set[str]]) -> str | None:
    if _LOCAL_ABSOLUTE.match(href.strip()):
        return f"absolute local path {href} (breaks when opened from a folder)"
    if not href or _is_outside(href) or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return None  # outside links and mailto:, javascript:, data: are not ours to resolve
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        return f"absolute local path {href} (breaks when opened from a folder)"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
    if target.startswith("../"):
        return f"link {href} leaves the site"
    if not (site / target).exists():
        return f"link {href} points to missing {target}"
    if (site / target).is_dir():
        target = posixpath.join(target, "index.html")
        if not (site / target).exists():
            return f"link {href} points to a folder without index.html"
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
        return f"link {href} points to missing anchor #{fragment} in {target}"
    return None


def shell_fetches(site: Path) -> list[Finding]:
    """What the site's shell would fetch from outside: its stylesheets and scripts, and the theme's
    frame around content, which is the same on every page (the home page and the 404 page stand for
    all). Each page's content is checked as it is converted."""
    files = [p for p in sorted(site.rglob("*")) if p.suffix in (".css", ".js") and p.is_file()]
    return outside_references(site, files + [p for p in (site / "index.html", site / "404.html") if p.is_file()])
