"""Routes: short ways in by role, a few steps each to pages or elements."""

from __future__ import annotations

from typing import Annotated, Any

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
from ...printing import Printer, typ_string


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


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for r in els:
        printer.heading(r.title, 2)
        printer.para(r.who)
        steps = []
        for step in r.steps:
            target_kind, target = step.targets[0]
            if target_kind == "page":
                title = next((d.title for d in printer.lib.site.pages if d.id == target and d.title), target)
            else:
                title = printer.lib.title_of(printer.lib.get(target_kind, target))
            steps.append(f"{title}: {step.why}")
        printer.out.extend(f"+ #{typ_string(x)}" for x in steps)
        printer.out.append("")
