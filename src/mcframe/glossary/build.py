"""Builds the linker for a library's glossary."""

from __future__ import annotations

from collections.abc import Callable

from ..kinds.term import Term
from ..library import Library
from .forms import collect_forms
from .linker import GlossaryLinker, Scope, TermInfo
from .matcher import TermMatcher


def make_linker(
    lib: Library, glossary_page: str, scope: Scope = "page", page_of: Callable[[Term], str] | None = None, titled: dict[str, str] | None = None
) -> GlossaryLinker:
    """``page_of`` gives a term's page, where the glossary is split into pages by letter. ``titled``
    gives pages' titles: a page titled with exactly a term (a concept page "Specialist coaching") is
    about that term, and does not link it to a preview repeating what the page says."""
    terms = lib.all(Term)
    forms, _, _ = collect_forms(terms)  # clashes were reported when the library was validated
    infos = {t.id: TermInfo(t.id, t.term, t.definition) for t in terms}
    pages = {t.id: page_of(t) for t in terms} if page_of else {}
    matcher = TermMatcher(forms)
    subjects = {page: term for page, title in (titled or {}).items() if (term := whole_term(matcher, title))}
    return GlossaryLinker(infos, matcher, glossary_page, scope, {t: p for t, p in pages.items() if p != glossary_page}, subjects)


def whole_term(matcher: TermMatcher, text: str) -> str | None:
    """The term that ``text`` is, in full (ignoring case and plurals), or None."""
    found = list(matcher.find(text.strip()))
    return found[0].term if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()) else None
