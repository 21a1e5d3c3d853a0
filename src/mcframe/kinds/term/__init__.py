"""Glossary terms: the words that link themselves in running text, with their definitions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    TermRef,
    Text,
)
from ...printing import Printer, typ_string, wording_text


class Term(Sourced):
    kind = "term"
    title_field = "term"
    id: Id
    term: Text  # the headword, as it is normally written
    variants: list[Text] = []  # other forms: spellings, synonyms, irregular plurals
    abbreviation: Text | None = None  # e.g. NQT; matched in running text too
    exclude: list[Text] = []  # longer phrases that contain the term but mean something else: never linked
    definition: Text  # one or two sentences of plain text, shown in previews
    explanation: Markdown | None = None
    related: list[TermRef] = []
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for term in sorted(els, key=lambda x: x.term.casefold()):
        whose = typ_string(wording_text(printer.lib, term, with_sources=False))
        printer.out.append(f"/ #{typ_string(term.term)}: #{typ_string(term.definition)} #linebreak() #text(size: 8pt, style: \"italic\")[#{whose}]")
    printer.out.append("")


def by_letter(terms: Iterable[Term]) -> dict[str, list[Term]]:
    letters: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        first = term.term[0].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(term)
    return letters


def template_helpers() -> dict[str, Callable[[Any], Callable[..., Any]]]:
    """What this kind gives templates."""
    return {"by_letter": lambda h: by_letter}


def check_together(terms: list[Term], where: Callable[[Any, tuple[str | int, ...]], str]) -> list[tuple[Any, tuple[str | int, ...], str]]:
    """A form (headword, abbreviation or variant) may belong to one term only, and must be matchable."""
    from ...glossary.forms import FormClaim, collect_forms

    _, clashes, bad = collect_forms(terms)
    by_id = {t.id: t for t in terms}

    def at(claim: FormClaim) -> tuple[str | int, ...]:
        return (claim.field, claim.index) if claim.index is not None else (claim.field,)

    out: list[tuple[Any, tuple[str | int, ...], str]] = []
    for clash in clashes:
        first = where(by_id[clash.first.term], at(clash.first))
        message = f"'{clash.form}' is claimed by two terms: '{clash.second.term}' here and '{clash.first.term}' at {first}"
        out.append((by_id[clash.second.term], at(clash.second), message))
    out += [(by_id[b.claim.term], at(b.claim), b.reason) for b in bad]
    return out
