"""Stages of a path (from initial teacher education to leadership, in this framework), with two strands."""

from __future__ import annotations

from typing import Literal

from ...models import (
    CareerStageRef,
    Id,
    Sourced,
    Sources,
    Text,
)


class LeadershipStage(Sourced):
    """One stage of the path from initial teacher education to leadership, with its two strands."""

    kind = "leadership_stage"
    title_from = "stage"
    editorial = ("support", "content", "focus")
    id: Id
    stage: CareerStageRef
    support: Text  # the context and specialist support at this stage
    content: Text  # the content of coaching
    focus: Literal["pedagogy", "both", "organisation", "reconnected"]
    sources: Sources
