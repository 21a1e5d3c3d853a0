"""Links glossary terms in running text while Markdown is converted (a tree processor), so each page is
parsed once. The preview text travels on the link itself, so previews need no fetch and work offline.
"""

from __future__ import annotations

import posixpath
import re
import time
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from .matcher import TermMatcher

Scope = Literal["section", "page", "all"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Never link inside these: links would nest, code must stay literal, labels, captions and cited
# titles stay clean.
# (Table headers are not headings: a programme's name in a row header links like any text.)
SKIP_TAGS = frozenset(
    {"a", "code", "pre", "kbd", "samp", "var", "script", "style", "abbr", "button", "label",
     "textarea", "select", "option", "nav", "svg", "math", "dfn", "title", "cite", "figcaption"}
)
NO_LINK_CLASS = "mcf-nolink"  # editors wrap text in an element with this class to stop linking
TERM_CLASS = "mcf-term"

# Inline raw HTML reaches the tree as placeholders: an opening tag of a skipped element, or of
# <span class="mcf-nolink">, blocks linking up to its closing tag.
_PLACEHOLDER = markdown.util.HTML_PLACEHOLDER_RE
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_NOLINK_OPEN = re.compile(r"<span\b[^>]*\bclass=[\"'][^\"']*\bmcf-nolink\b", re.I)
RawHtml = Callable[[int], str]
UrlOf = Callable[[str], "str | None"]


@dataclass(frozen=True)
class TermInfo:
    id: str
    term: str
    definition: str


@dataclass
class GlossaryLinker:
    """Links terms in one page's element tree at a time and records where each term was used."""

    terms: dict[str, TermInfo]
    matcher: TermMatcher
    glossary_page: str  # source path of the glossary, e.g. "glossary.md"
    scope: Scope = "page"
    term_pages: dict[str, str] = field(default_factory=dict)  # term -> its page, where not the glossary page
    subjects: dict[str, str] = field(default_factory=dict)  # page -> the term it is about: never linked there
    usage: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    seconds: float = 0.0  # time spent linking, for the benchmark

    def link(
        self, root: etree.Element, page: str, raw_html: RawHtml | None = None, url_of: UrlOf | None = None
    ) -> int:
        """Link terms under ``root`` of ``page``; return the number of links made.

        ``raw_html`` reads Python-Markdown's stash of inline HTML, so that editors' no-link spans are
        honoured. ``url_of`` gives the final URL of a glossary page from this page (None: this page),
        when the site generator knows it; otherwise links point at the glossary's source files."""
        started = time.perf_counter()
        walk = _Walk(self, page, raw_html or (lambda i: ""), url_of)
        walk.element(root, frozenset({self.subjects[page]}) if page in self.subjects else frozenset())
        self.seconds += time.perf_counter() - started
        return walk.made

    def __post_init__(self) -> None:
        # The glossary's pages: one, or an index and a page per letter.
        self.glossary_pages = frozenset({self.glossary_page, *self.term_pages.values()})

    def page_of(self, term: str) -> str:
        return self.term_pages.get(term, self.glossary_page)


class _Walk:
    def __init__(self, linker: GlossaryLinker, page: str, raw_html: RawHtml, url_of: UrlOf | None) -> None:
        self.linker = linker
        self.raw_html = raw_html
        self.page = page
        self.url_of = url_of or (lambda target: None if target == page else posixpath.relpath(target, posixpath.dirname(page) or "."))
        self.bases: dict[str, str] = {}  # glossary page -> its URL from this page
        self.defined: set[str] = set()  # terms whose definition this page already carries
        self.record = page not in linker.glossary_pages
        self.linked: set[str] = set()
        self.made = 0

    def element(self, el: etree.Element, own: frozenset[str]) -> None:
        if el.tag in HEADINGS:
            if self.linker.scope == "section":
                self.linked.clear()
            return
        if el.tag in SKIP_TAGS or NO_LINK_CLASS in (el.get("class") or "").split():
            return
        if el.get("data-term"):
            own = own | {el.get("data-term", "")}
        if el.text:
            split = self.split(el.text, own)
            if split:
                el.text, links = split
                for i, a in enumerate(links):
                    el.insert(i, a)
        for child in list(el):
            if isinstance(child.tag, str):
                self.element(child, own)
            if child.tail:
                split = self.split(child.tail, own)
                if split:
                    child.tail, links = split
                    at = list(el).index(child) + 1
                    for i, a in enumerate(links):
                        el.insert(at + i, a)

    def split(self, text: str, own: frozenset[str]) -> tuple[str, list[etree.Element]] | None:
        if len(text) < 2 or text.isspace():  # most tails are line breaks between elements
            return None
        links: list[etree.Element] = []
        head = ""
        pos = 0
        stashed = STX in text  # raw HTML placeholders: rare, and checked only when present
        blocked = self.blocked(text) if stashed else []
        once = self.linker.scope != "all"
        linked = self.linked
        for m in self.linker.matcher.find(text):
            if not m.term or (once and m.term in linked) or m.term in own:
                continue
            if stashed and (_in_placeholder(text, m.start) or any(a <= m.start < b for a, b in blocked)):
                continue
            a = etree.Element("a", {"href": f"{self.base(m.term)}#{m.term}", "class": TERM_CLASS, "data-term": m.term})
            if m.term not in self.defined:  # the preview script finds it on the term's first link
                a.set("data-definition", self.linker.terms[m.term].definition)
                self.defined.add(m.term)
            a.text = text[m.start : m.end]
            if links:
                links[-1].tail = text[pos : m.start]
            else:
                head = text[: m.start]
            links.append(a)
            pos = m.end
            self.linked.add(m.term)
            if self.record:
                self.linker.usage[m.term].add(self.page)
        if not links:
            return None
        links[-1].tail = text[pos:]
        self.made += len(links)
        return head, links


    def base(self, term: str) -> str:
        target = self.linker.page_of(term)
        if target not in self.bases:
            self.bases[target] = self.url_of(target) or ""
        return self.bases[target]

    def blocked(self, text: str) -> list[tuple[int, int]]:
        """Ranges of ``text`` inside inline raw HTML that must not be linked: a skipped element
        written as HTML (``<a>``, ``<code>``, ``<button>``...) or an editor's ``mcf-nolink`` span."""
        ranges: list[tuple[int, int]] = []
        start, depth, tag = -1, 0, ""
        for m in _PLACEHOLDER.finditer(text):
            html = self.raw_html(int(m.group(1))).lstrip()
            found = _TAG.match(html)
            if not found:
                continue
            closing, name = found.group(1) == "/", found.group(2).lower()
            if depth == 0:
                if not closing and (name in SKIP_TAGS or name in HEADINGS or _NOLINK_OPEN.match(html)):
                    start, depth, tag = m.start(), 1, name
            elif name == tag:
                depth += -1 if closing else 1
                if depth == 0:
                    ranges.append((start, m.end()))
        if depth:
            ranges.append((start, len(text)))
        return ranges


def _in_placeholder(text: str, at: int) -> bool:
    """Inside Python-Markdown's stash placeholder (STX ... ETX) for raw HTML."""
    opened = text.rfind(STX, 0, at)
    return opened != -1 and text.rfind(ETX, 0, at) < opened


class _GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.linker is not None and self.ext.page is not None and self.ext.enabled:
            stash = self.md.htmlStash.rawHtmlBlocks
            raw = lambda i: str(stash[i]) if i < len(stash) else ""  # noqa: E731
            self.ext.linker.link(root, self.ext.page, raw, self.ext.url_of)


class GlossaryExtension(markdown.Extension):
    """The Markdown side: whoever drives the conversion sets ``page`` (and may set ``enabled``)."""

    def __init__(self, linker: GlossaryLinker | None = None, priority: float = 6) -> None:
        super().__init__()
        self.linker = linker
        self.page: str | None = None
        self.url_of: UrlOf | None = None  # final URLs of glossary pages from ``page``, if known
        self.enabled = True
        self.priority = priority

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # By default after attr_list (8) and abbr (7) have read their markers. A site generator that
        # supplies final URLs may run it later, after its own link rewriting.
        md.treeprocessors.register(_GlossaryTreeprocessor(md, self), "mcframe_glossary", self.priority)
