"""Case studies: practice in a setting, with its story, obstacles, outcomes and questions for the reader."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...models import (
    CareerStageRef,
    CaseStudyRef,
    Chart,
    ConceptRef,
    Figure,
    FormRef,
    Id,
    Markdown,
    Model,
    PhaseRef,
    PrincipleRef,
    PurposeRef,
    SkillRef,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras, wording_text


class Setting(Model):
    name: Text
    type: Text  # "Middle school", "Multi-academy trust", "National ministry programme"
    phases: list[PhaseRef] = []
    area: Text | None = None  # town or area
    region: Text | None = None
    country: Text


class Obstacle(Model):
    obstacle: Text
    response: Text | None = None  # how it was met, when the source says


class Outcome(Model):
    text: Markdown
    figures: list[Figure] = []


class CaseStudy(Sourced):
    kind = "case_study"
    referred_to = True
    blurb_field = "label"
    editorial = ("questions", "stage", "stage_reason")
    id: Id
    title: Text
    label: Text  # short practice label: "Emerging practice: peer coaching"
    setting: Setting
    period: Text | None = None
    illustrates: Markdown  # what this case helps illustrate
    # Where the practice stood, on the scale of preparation and progress stages this edition takes from
    # its source on instructional coaching (getting aware ... keep improving): this edition's judgement.
    stage: Literal["getting-aware", "getting-ready", "getting-started", "getting-better", "keep-improving"]
    stage_reason: Text  # one sentence: why this stage
    forms: Annotated[list[FormRef], Field(min_length=1)]
    purposes: list[PurposeRef] = []
    career_stages: list[CareerStageRef] = []
    participants: list[Text] = []  # who
    activities: list[Text] = []  # what
    locations: list[Text] = []  # where
    concepts: list[ConceptRef] = []
    principles: list[PrincipleRef] = []
    skills: list[SkillRef] = []
    story: Markdown
    processes: list[Text] = []  # processes and protocols used
    obstacles: list[Obstacle] = []
    outcomes: list[Outcome] = []
    charts: list[Chart] = []
    questions: Annotated[list[Text], Field(min_length=1)]  # for the reader's own setting
    related: list[CaseStudyRef] = []
    sources: Sources
    provenance: Markdown  # how the evidence was gathered, and when


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for cs in els:
        printer.heading(cs.title, 2)
        for p in _paras(cs.illustrates) + _paras(cs.story):
            printer.para(p)
        printer.note(wording_text(printer.lib, cs))
        printer.note(printer.label("questions_note").capitalize())
        printer.bullets(list(cs.questions))
