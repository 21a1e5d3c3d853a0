"""Glossary terms: the words that link themselves in running text, with their definitions."""

from __future__ import annotations

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    TermRef,
    Text,
)


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
