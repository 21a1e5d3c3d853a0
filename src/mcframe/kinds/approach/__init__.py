"""Approaches: for a purpose or a career stage, the concepts that fit and why."""

from __future__ import annotations

from typing import Annotated, Literal

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
