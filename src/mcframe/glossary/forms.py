"""The surface forms of each glossary term, and the clashes between terms that claim the same form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..kinds.term import Term
from .matcher import tokens_of, with_plurals

NO_TERM = ""  # the "term" of an excluded phrase: matched, never linked


@dataclass(frozen=True)
class FormClaim:
    form: str
    term: str
    field: str  # "term", "abbreviation" or "variants"
    index: int | None = None  # position in variants


@dataclass(frozen=True)
class Clash:
    form: str
    first: FormClaim
    second: FormClaim


@dataclass(frozen=True)
class BadForm:
    claim: FormClaim
    reason: str


def explicit_claims(term: Term) -> Iterable[FormClaim]:
    yield FormClaim(term.term, term.id, "term")
    if term.abbreviation:
        yield FormClaim(term.abbreviation, term.id, "abbreviation")
    for i, v in enumerate(term.variants):
        yield FormClaim(v, term.id, "variants", i)


def collect_forms(terms: Iterable[Term]) -> tuple[dict[str, str], list[Clash], list[BadForm]]:
    """Map every matchable form to its term. Written forms win over generated plurals; two terms
    writing the same form is a clash."""
    owners: dict[tuple[str, ...], FormClaim] = {}
    forms: dict[str, str] = {}
    clashes: list[Clash] = []
    bad: list[BadForm] = []
    terms = list(terms)
    for term in terms:
        for claim in explicit_claims(term):
            try:
                key = tuple(tokens_of(claim.form))
            except ValueError as exc:
                bad.append(BadForm(claim, str(exc)))
                continue
            first = owners.get(key)
            if first is None:
                owners[key] = claim
                forms[claim.form] = term.id
            elif first.term != term.id:
                clashes.append(Clash(claim.form, first, claim))
    for term in terms:  # phrases never to link; as longer matches, they shadow the term inside them
        for phrase in term.exclude:
            try:
                key = tuple(tokens_of(phrase))
            except ValueError as exc:
                bad.append(BadForm(FormClaim(phrase, term.id, "exclude"), str(exc)))
                continue
            owners.setdefault(key, FormClaim(phrase, "", "exclude"))
            forms.setdefault(phrase, NO_TERM)
    for term in terms:
        written = [c.form for c in explicit_claims(term)]
        for generated in with_plurals(written):
            try:
                key = tuple(tokens_of(generated))
            except ValueError:
                continue
            if key not in owners:
                owners[key] = FormClaim(generated, term.id, "plural")
                forms[generated] = term.id
    return forms, clashes, bad
