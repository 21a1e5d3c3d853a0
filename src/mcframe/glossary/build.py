"""Builds the linker for a library's glossary."""

from __future__ import annotations

from ..library import Library
from ..models import Term
from .forms import collect_forms
from .linker import GlossaryLinker, Scope, TermInfo
from .matcher import TermMatcher


def make_linker(lib: Library, glossary_page: str, scope: Scope = "section") -> GlossaryLinker:
    terms = lib.all(Term)
    forms, _, _ = collect_forms(terms)  # clashes were reported when the library was validated
    infos = {t.id: TermInfo(t.id, t.term, t.definition) for t in terms}
    return GlossaryLinker(infos, TermMatcher(forms), glossary_page, scope)
