"""Approaches: for a purpose or a career stage, the concepts that fit and why."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...models import (
    CareerStageRef,
    ConceptRef,
    DescriptionRef,
    Id,
    Model,
    PurposeRef,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer


class Fit(Model):
    """How one core concept fits a situation, and which rows of the descriptions table say so."""

    concept: ConceptRef
    level: Literal["best", "also"]
    why: Text
    rows: Annotated[list[DescriptionRef], Field(min_length=1)]


class Approach(Sourced):
    """Which approach when: for a purpose or a career stage (exactly one), the forms that fit and why."""

    kind = "approach"
    title_from = ("purpose", "career_stage")
    editorial = ("fits",)
    id: Id
    purpose: PurposeRef | None = None
    career_stage: CareerStageRef | None = None
    fits: Annotated[list[Fit], Field(min_length=1)]
    sources: Sources

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        if (self.purpose is None) == (self.career_stage is None):
            return [((), f"'{self.id}' is for one purpose or one career stage: give exactly one of them")]
        return []


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for a in els:
        fits = "; ".join(
            f"{printer.label('fit_' + fit.level)}: {printer.lib.title_of(printer.lib.follow(a, 'fits.concept', fit.concept))} ({fit.why})" for fit in a.fits
        )
        printer.para(f"{printer.lib.title_of(a)}. {fits}")
    printer.notes(els, printer.lib.title_of)
