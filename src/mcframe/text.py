"""Escaping of content text on its way into Markdown and HTML, and small rules of typography."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")


def escape_markdown(text: str) -> str:
    """Plain content text must reach the page as written: no Markdown and (with HTML escaping) no HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


_NOLINK_OPEN = '&lt;span class="mcf-nolink">'
_NOLINK_CLOSE = "&lt;/span>"


def markdown_field(text: str | None) -> Markup:
    """Editors' Markdown passes through; raw HTML in it is shown as text, never interpreted, except
    ``<span class="mcf-nolink">…</span>``, which stops glossary linking on a span."""
    escaped = (text or "").replace("<", "&lt;")
    if _NOLINK_OPEN in escaped:
        escaped = escaped.replace(_NOLINK_OPEN, '<span class="mcf-nolink">').replace(_NOLINK_CLOSE, "</span>")
    return Markup(escaped)


def theme_text(text: str, attribute: bool = False) -> str:
    """Content text for places where the theme writes it out as HTML without escaping (page titles,
    navigation, the site's name and footer). Only ``<`` and ``>`` are escaped, so no tag can form:
    the theme escapes these same strings again inside attributes (``aria-label="Next: …"``), where an
    escaped quote or ampersand would be read out as "&#39;" and no longer match the visible text. With
    ``attribute``, for settings the theme also writes raw into attributes, double quotes are escaped too."""
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


def full_stop(text: str) -> str:
    """The stop a sentence ending in ``text`` needs: none after "?", "!" or ".", else "."."""
    return "" if str(text).rstrip().endswith((".", "?", "!")) else "."


# Elements whose whitespace is their content (or may be styled so): left exactly as they are.
_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|code|kbd|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT_BEFORE_TAG = re.compile(r"\n[ \t\r\n]+(?=<|\Z)")  # at a part's end, a kept element follows


def squeeze_html(html: str) -> str:
    """The page with the indentation and blank lines before its tags taken out (a tenth of a page's
    weight); a line break stays where one was, so no word runs into another."""
    parts = _KEEP_WHITESPACE.split(html)
    # split() gives: text, kept element, its tag name, text, …
    return "".join(_INDENT_BEFORE_TAG.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def list_separator(text: str, separator: str) -> str:
    """What follows ``text`` in a run-in list: ``separator``, or a space after a question or an
    exclamation ("…commit? Do conversations…", not "…commit?; Do…")."""
    return " " if str(text).rstrip().endswith(("?", "!")) else separator


def lcfirst(text: str) -> str:
    """A name inside a sentence: "Case studies" -> "case studies", but "UKPSF dimensions" and "DfE
    programmes" keep their capitals (a word with a capital after its first letter is a name)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def question_words(label: Callable[[str], str], question: str) -> str:
    """The question a row of a descriptions table answers, as a reader sees it: the engine's words
    for its own five (``why`` -> "why?", in the page's language), else the content's own word and "?"."""
    try:
        return label(f"question_{question}")
    except KeyError:
        return question if question.endswith("?") else f"{question}?"
