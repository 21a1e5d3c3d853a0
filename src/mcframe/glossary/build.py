"""Builds the linker for a library's glossary."""

from __future__ import annotations

from ..library import Library
from ..routes import page_of
from .forms import collect_forms
from .linker import GlossaryLinker, Scope, TermInfo
from .matcher import TermMatcher


def make_linker(lib: Library, scope: Scope = "section") -> GlossaryLinker:
    forms, _, _ = collect_forms(lib.terms)  # clashes were reported when the library was validated
    terms = {t.id: TermInfo(t.id, t.term, t.definition) for t in lib.terms}
    return GlossaryLinker(terms, TermMatcher(forms), page_of("term", ""), scope)
