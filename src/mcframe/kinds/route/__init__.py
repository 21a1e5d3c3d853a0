"""Routes: short ways in by role, a few steps each to pages or elements."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ...models import (
    CaseStudyRef,
    ConceptRef,
    EvidenceRef,
    Id,
    Model,
    PageRef,
    PrincipleRef,
    QuestionRef,
    SkillRef,
    Sourced,
    Sources,
    TermRef,
    Text,
)


class RouteStep(Model):
    """One step of a route: a page of the site or one element (exactly one), and why to go there."""

    page: PageRef | None = None
    concept: ConceptRef | None = None
    principle: PrincipleRef | None = None
    skill: SkillRef | None = None
    case_study: CaseStudyRef | None = None
    evidence: EvidenceRef | None = None
    term: TermRef | None = None
    question: QuestionRef | None = None
    why: Text

    @property
    def targets(self) -> list[tuple[str, str]]:
        """(kind, ID) of what the step names; "page" for a page. Valid content names exactly one."""
        return [(name, value) for name in type(self).model_fields if name != "why" and (value := getattr(self, name))]


class Route(Sourced):
    """A short way in for one kind of reader (a new mentor, a CPD coordinator): a few steps, in order."""

    kind = "route"
    blurb_field = "who"
    editorial = ("steps",)
    id: Id
    title: Text  # the reader it is for: "New mentor"
    who: Text  # who they are, in a line
    steps: Annotated[list[RouteStep], Field(min_length=2, max_length=8)]
    sources: Sources

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, step in enumerate(self.steps):
            if len(step.targets) != 1:
                named = ", ".join(k for k, _ in step.targets) or "nothing"
                out.append((("steps", i), f"a step goes to exactly one page or element, not {named}"))
        return out
