"""Printing content for the whole-framework PDF and the poster, in Typst: the printer each kind prints
its elements with, and the pieces of text they share (whose words a text is in, Markdown made
plain). Free of any one kind: kinds print themselves (``kinds/<kind>/``), through :class:`Printer`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .models import Element, Sourced
from .text import full_stop, list_separator

if TYPE_CHECKING:
    from .library import Library



def typ_string(text: str) -> str:
    """A Typst string literal: any text, safe to place in code."""
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def plain(markdown: str) -> str:
    """Markdown as plain text for print: links to their text, emphasis and code marks dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)  # raw HTML (a span that stops term links) prints as its text
    text = re.sub(r"\{:?\s*[.#][^}]*\}", "", text)  # attribute lists: { .class }
    return re.sub(r"[*_`]", "", text)




def wording_text(lib: Library, el: Sourced, with_sources: bool = True) -> str:
    """Whose words an element is in, as one printed line: the site's wording line, as text."""
    label, w = lib.site.label, el.wording
    src = lib.title_of(lib.get("source", w.source)) if w.source else None
    named = f"{src}{', ' + w.where if w.where else ''}{full_stop(w.where or src)}" if src else "."
    if w.kind == "quoted":
        line = f"{label('wording_quoted')} {named}"
    elif w.kind == "summary":
        line = f"{label('wording_summary')} {named}"
    else:
        line = label("wording_editorial") + (f", {label('drawing_on')} {named}" if src else ".")
    others = [lib.title_of(lib.get("source", s)) for s in getattr(el, "sources", []) if s != w.source]
    if with_sources and others:
        joined = "".join(o + (list_separator(o, "; ") if i < len(others) - 1 else "") for i, o in enumerate(others))
        line += f" {label('sources')}: {joined}{full_stop(others[-1])}"
    return line


def wording_notes(lib: Library, els: list[Sourced], name: Callable[[Element], str] = lambda el: el.id) -> list[str]:
    """The wording lines of a list printed as a whole: one line when all share it, else one per
    distinct line, each naming the elements it covers. The sources of each are in the list of
    sources at the end."""
    groups: dict[str, list[str]] = {}
    for el in els:
        groups.setdefault(wording_text(lib, el, with_sources=False), []).append(name(el))
    if len(groups) == 1:
        return list(groups)
    return [f"({', '.join(names)}) {text}" for text, names in groups.items()]


def _paras(markdown: str) -> list[str]:
    return [p for p in (" ".join(block.split()) for block in plain(markdown).split("\n\n")) if p]


@dataclass
class Printer:
    """What a kind prints the whole-framework PDF with: headings, paragraphs, notes and lists of plain
    text (Markdown is made plain first), set in Typst."""

    lib: Library
    out: list[str]
    printed: set[str] = field(default_factory=set)  # the kinds printed so far on this page

    def label(self, key: str) -> str:
        return self.lib.site.label(key)

    def of_kind(self, kind: str) -> list[Any]:
        """Every element of a kind, collection after collection."""
        return [el for c in self.lib.of_kind(kind) for el in self.lib.elements.get(c.name, [])]

    def heading(self, text: str, level: int = 1) -> None:
        if level == 1:  # each part starts on a page of its own
            self.out.append("#pagebreak(weak: true)")
        self.out.append("\n" + "=" * level + " #" + typ_string(text) + "\n")

    def para(self, text: str) -> None:
        self.out.append("#" + typ_string(text) + "\n")

    def paras(self, markdown: str) -> None:
        for p in _paras(markdown):
            self.para(p)

    def note(self, text: str) -> None:
        self.out.append(f"#text(size: 8.5pt, style: \"italic\")[#{typ_string(text)}]\n")

    def notes(self, els: list[Any], name: Callable[[Element], str] = lambda el: el.id) -> None:
        """Whose words the elements are in (see :func:`wording_notes`)."""
        for line in wording_notes(self.lib, els, name):
            self.note(line)

    def wording(self, el: Sourced) -> None:
        self.note(wording_text(self.lib, el))

    def bullets(self, items: list[str]) -> None:
        self.out.extend("- #" + typ_string(i) for i in items)
        self.out.append("")

    def steps(self, items: list[str]) -> None:
        """A numbered list: steps in order."""
        self.out.extend("+ #" + typ_string(i) for i in items)
        self.out.append("")

    def plain(self, markdown: str) -> str:
        return " ".join(_paras(markdown))
