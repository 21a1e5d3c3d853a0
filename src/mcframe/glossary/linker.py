"""Links glossary terms in running text while Markdown is converted (a tree processor), so each page is
parsed once. The preview text travels on the link itself, so previews need no fetch and work offline.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

import markdown
from markdown.treeprocessors import Treeprocessor

from .matcher import TermMatcher

Scope = Literal["section", "page", "all"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Never link inside these: links would nest, code must stay literal, labels and headings stay clean.
SKIP_TAGS = frozenset(
    {"a", "code", "pre", "kbd", "samp", "var", "script", "style", "abbr", "button", "label", "th",
     "textarea", "select", "option", "nav", "svg", "math", "dfn", "title"}
)
NO_LINK_CLASS = "mcf-nolink"  # editors wrap text in an element with this class to stop linking
TERM_CLASS = "mcf-term"


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
    scope: Scope = "section"
    usage: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def link(self, root: etree.Element, page: str) -> int:
        """Link terms under ``root`` of ``page``; return the number of links made."""
        walk = _Walk(self, page)
        walk.element(root, frozenset())
        return walk.made

    def href(self, page: str, term: str) -> str:
        if page == self.glossary_page:
            return f"#{term}"
        rel = posixpath.relpath(self.glossary_page, posixpath.dirname(page) or ".")
        return f"{rel}#{term}"


class _Walk:
    def __init__(self, linker: GlossaryLinker, page: str) -> None:
        self.linker = linker
        self.page = page
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
        links: list[etree.Element] = []
        head = ""
        pos = 0
        for m in self.linker.matcher.find(text):
            if m.term in own or (self.linker.scope != "all" and m.term in self.linked):
                continue
            if _in_placeholder(text, m.start):
                continue
            info = self.linker.terms[m.term]
            a = etree.Element(
                "a",
                {
                    "href": self.linker.href(self.page, m.term),
                    "class": TERM_CLASS,
                    "data-term": m.term,
                    "data-definition": info.definition,
                },
            )
            a.text = text[m.start : m.end]
            if links:
                links[-1].tail = text[pos : m.start]
            else:
                head = text[: m.start]
            links.append(a)
            pos = m.end
            self.linked.add(m.term)
            if self.page != self.linker.glossary_page:
                self.linker.usage[m.term].add(self.page)
        if not links:
            return None
        links[-1].tail = text[pos:]
        self.made += len(links)
        return head, links


def _in_placeholder(text: str, at: int) -> bool:
    """Inside Python-Markdown's stash placeholder (\\x02...\\x03) for raw HTML."""
    opened = text.rfind("\x02", 0, at)
    return opened != -1 and text.rfind("\x03", 0, at) < opened


class _GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.linker is not None and self.ext.page is not None and self.ext.enabled:
            self.ext.linker.link(root, self.ext.page)


class GlossaryExtension(markdown.Extension):
    """The Markdown side: whoever drives the conversion sets ``page`` (and may set ``enabled``)."""

    def __init__(self, linker: GlossaryLinker | None = None) -> None:
        super().__init__()
        self.linker = linker
        self.page: str | None = None
        self.enabled = True

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After attr_list (8) and abbr (7) have read their markers, before toc (5) and link rewriting.
        md.treeprocessors.register(_GlossaryTreeprocessor(md, self), "mcframe_glossary", 6)
