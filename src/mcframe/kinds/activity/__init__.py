"""Activities: placed in the circles of the concepts and their overlaps, drawn as a diagram."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from ...models import (
    CaseStudyRef,
    ConceptRef,
    Id,
    SkillRef,
    Sourced,
    Sources,
    TermRef,
    Text,
)
from ...printing import Printer, typ_string


class Activity(Sourced):
    """An activity of mentoring and coaching, placed in one circle of the core concepts or an overlap."""

    kind = "activity"
    editorial = ("circles", "reason")
    id: Id
    title: Text
    circles: Annotated[list[ConceptRef], Field(min_length=1, max_length=3)]
    reason: Text  # why it sits there
    skills: list[SkillRef] = []
    terms: list[TermRef] = []
    case_studies: list[CaseStudyRef] = []
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.note(printer.label("circles_note").capitalize())
    printer.out.append(f'#align(center)[#image("{printer.files["circles"]}", width: 80%, alt: {typ_string(printer.label("circles_title"))})]\n')
    printer.bullets([f"{a.id} {a.title}: {a.reason}" for a in els])
    printer.notes(els)
