"""Builds the linker for a library's glossary."""

from __future__ import annotations

from collections.abc import Callable

from ..library import Library
from ..models import Term
from .forms import collect_forms
from .linker import GlossaryLinker, Scope, TermInfo
from .matcher import TermMatcher


def make_linker(lib: Library, glossary_page: str, scope: Scope = "section", page_of: Callable[[Term], str] | None = None) -> GlossaryLinker:
    """``page_of`` gives a term's page, where the glossary is split into pages by letter."""
    terms = lib.all(Term)
    forms, _, _ = collect_forms(terms)  # clashes were reported when the library was validated
    infos = {t.id: TermInfo(t.id, t.term, t.definition) for t in terms}
    pages = {t.id: page_of(t) for t in terms} if page_of else {}
    return GlossaryLinker(infos, TermMatcher(forms), glossary_page, scope, {t: p for t, p in pages.items() if p != glossary_page})
