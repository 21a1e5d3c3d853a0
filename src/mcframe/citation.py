"""Citations of sources, as Markdown in an APA-like style."""

from __future__ import annotations

import re
from collections.abc import Callable

from .kinds.source import Source
from .text import escape_markdown


def _esc(text: str) -> str:
    return escape_markdown(text).replace("<", "&lt;")


def _join_authors(authors: list[str]) -> str:
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + " & " + authors[-1]


def format_citation(src: Source, words: Callable[[str], str] | None = None) -> str:
    """A source's reference; ``words`` gives the labels of the page's language ("n.d.": ``no_date``)."""
    who = _join_authors(src.authors) or src.organisation or ""
    year = f"({src.year})" if src.year else f"({words('no_date') if words else 'n.d.'})"
    if not who:  # no known author: the title leads, as APA does
        return f"*{_esc(src.title)}* {year}." + (f" {_esc(src.container)}." if src.container else "")
    parts = [f"{_esc(who)} {year}."]
    if src.container and src.type in ("book-chapter", "journal-article", "conference-paper", "practitioner-article", "systematic-review"):
        parts.append(f"{_esc(src.title)}.")
        parts.append(f"*{_esc(src.container)}*" + (f", {_esc(src.volume)}" if src.volume else "") + (f", {_esc(src.pages)}" if src.pages else "") + ".")
    else:
        parts.append(f"*{_esc(src.title)}*" + (f" ({_esc(src.edition)})" if src.edition else "") + ".")
        if src.container:
            parts.append(f"{_esc(src.container)}.")
    if src.publisher:
        parts.append((f"{_esc(src.place)}: " if src.place else "") + f"{_esc(src.publisher)}.")
    if src.doi:
        parts.append(f"<https://doi.org/{src.doi}>")
    elif src.url:
        parts.append(f"<{src.url}>")
    return " ".join(parts)


_EMPHASIS = re.compile(r"(?<!\\)\*(.+?)(?<!\\)\*")


def unlinked_citation(citation: str) -> str:
    """A citation kept free of glossary links: its emphasis written as inline HTML, so that the whole
    reference stays one run of text inside a ``mcf-nolink`` span, which the linker skips."""
    return '<span class="mcf-nolink">' + _EMPHASIS.sub(r"<em>\1</em>", citation) + "</span>"
