"""Questions: to put to a provider or to review one's own provision, each with what it rests on."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...models import (
    AreaRef,
    CaseStudyRef,
    ConceptRef,
    EvidenceRef,
    Id,
    PrincipleRef,
    SkillRef,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer


class Question(Sourced):
    """A question to put to a provider, or to review a school's own provision, and what it rests on."""

    kind = "question"
    printed_under = "indicator_area"
    title_field = "text"
    id: Id
    area: AreaRef
    text: Text
    audiences: Annotated[list[Literal["provider", "own"]], Field(min_length=1)]
    # Its basis: at least one of these.
    principles: list[PrincipleRef] = []
    concepts: list[ConceptRef] = []
    skills: list[SkillRef] = []
    evidence: list[EvidenceRef] = []
    case_studies: list[CaseStudyRef] = []
    sources: Sources

    @property
    def basis(self) -> list[tuple[str, str]]:
        """(kind, ID) of everything the question rests on."""
        return [
            *(("principle", i) for i in self.principles),
            *(("concept", i) for i in self.concepts),
            *(("skill", i) for i in self.skills),
            *(("evidence", i) for i in self.evidence),
            *(("case_study", i) for i in self.case_studies),
        ]

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        if self.basis:
            return []
        return [((), f"question '{self.id}' has no basis: name at least one principle, concept, skill, digest or case study")]


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF: under their areas when the page prints those."""
    if Question.printed_under in printer.printed:
        return
    printer.bullets([f"{q.id} {q.text}" for q in els])
    printer.notes(els)
