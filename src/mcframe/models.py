"""Typed models of the content. One class per kind of element; YAML maps onto them field by field.

IDs are short, stable codes (``C2``, ``P3``, ``ST-NQT``): titles and wording may change, IDs may not,
because page anchors and permalinks derive from them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class Ref:
    """Marks a field whose text must be the ID of an element of ``kind``."""

    kind: str


class Model(BaseModel):
    # Unknown fields are errors (typos must not vanish silently); no silent type coercion.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Element(Model):
    """Anything with a stable ID that other content may refer to."""

    kind: ClassVar[str]
    id: str

    @property
    def anchor(self) -> str:
        return self.id.lower()


Text = Annotated[str, Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1)]  # rendered as Markdown; plain Text is escaped
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]

SourceRef = Annotated[str, Ref("source")]
ConceptRef = Annotated[str, Ref("concept")]
TermRef = Annotated[str, Ref("term")]
Sources = Annotated[list[SourceRef], Field(min_length=1)]


# --- Sources: every element names at least one -------------------------------------------

SourceType = Literal[
    "report",
    "book",
    "book-chapter",
    "journal-article",
    "systematic-review",
    "conference-paper",
    "practitioner-article",
    "blog-post",
    "web-page",
    "policy-document",
]


class Source(Element):
    kind = "source"
    id: Slug
    type: SourceType
    authors: list[Text] = []  # "Surname, I." in citation order; empty when the author is not known
    organisation: Text | None = None  # corporate author, when there is one
    year: int | None = None
    title: Text
    container: Text | None = None  # journal, book, proceedings or website the item sits in
    edition: Text | None = None
    volume: Text | None = None
    pages: Text | None = None
    publisher: Text | None = None
    place: Text | None = None
    url: Url | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\S+/\S+$")] | None = None
    accessed: datetime.date | None = None
    note: Text | None = None  # provenance: what this source is and how we used it


# --- The framework core --------------------------------------------------------------------


class Concept(Element):
    kind = "concept"
    id: Annotated[str, Field(pattern=r"^C[1-9][0-9]*$")]
    title: Text
    summary: Text  # one sentence, shown in lists and previews
    definition: Markdown
    features: Annotated[list[Text], Field(min_length=1)]  # what distinguishes it
    sources: Sources


class Principle(Element):
    kind = "principle"
    id: Annotated[str, Field(pattern=r"^P[1-9][0-9]*$")]
    title: Text
    explanation: Markdown
    in_practice: list[Text] = []  # what the principle looks like when it is working
    sources: Sources


class DescriptionCell(Model):
    concept: ConceptRef
    text: Markdown


class DescriptionRow(Element):
    """One row of the descriptions table: a question (why, who, ...) answered for each concept."""

    kind = "description"
    id: Annotated[str, Field(pattern=r"^D[1-9][0-9]*$")]
    question: Literal["why", "who", "what", "when", "where"]
    title: Text  # "Purpose", "Participation", ...
    cells: Annotated[list[DescriptionCell], Field(min_length=1)]
    sources: Sources


class Skill(Element):
    kind = "skill"
    id: Annotated[str, Field(pattern=r"^SK[1-9][0-9]*$")]
    title: Text
    description: Markdown
    used_in: Annotated[list[ConceptRef], Field(min_length=1)]
    sources: Sources


class VocabularyTerm(Element):
    """An entry of a controlled vocabulary that case studies, policies and evidence are tagged with."""

    label: Text
    description: Markdown
    sources: Sources


class CareerStage(VocabularyTerm):
    kind = "career_stage"
    id: Annotated[str, Field(pattern=r"^ST-[A-Z0-9]+(-[A-Z0-9]+)*$")]


class Purpose(VocabularyTerm):
    kind = "purpose"
    id: Annotated[str, Field(pattern=r"^PU-[A-Z0-9]+(-[A-Z0-9]+)*$")]


class Form(VocabularyTerm):
    kind = "form"
    id: Annotated[str, Field(pattern=r"^FO-[A-Z0-9]+(-[A-Z0-9]+)*$")]
    concept: ConceptRef | None = None  # the core concept this form belongs to, if any


class Phase(VocabularyTerm):
    kind = "phase"
    id: Annotated[str, Field(pattern=r"^PH-[A-Z0-9]+(-[A-Z0-9]+)*$")]


# --- Glossary ------------------------------------------------------------------------------


class Term(Element):
    kind = "term"
    id: Slug
    term: Text  # the headword, as it is normally written
    variants: list[Text] = []  # other forms: spellings, synonyms, irregular plurals
    abbreviation: Text | None = None  # e.g. NQT; matched in running text too
    definition: Text  # one or two sentences of plain text, shown in previews
    explanation: Markdown | None = None
    related: list[TermRef] = []
    sources: Sources
