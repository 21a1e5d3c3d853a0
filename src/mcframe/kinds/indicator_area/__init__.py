"""Indicator areas: what a review looks at, described at each stage of a scale."""

from __future__ import annotations

from ...models import (
    Id,
    Model,
    Sourced,
    Sources,
    Text,
)


class StageDescriptions(Model):
    """What provision looks like at each stage of the scale (two of preparation, three of progress)."""

    getting_aware: Text
    getting_ready: Text
    getting_started: Text
    getting_better: Text
    keep_improving: Text


class IndicatorArea(Sourced):
    """An area that the success indicators and the self-review look at."""

    kind = "indicator_area"
    editorial = ("stages",)
    id: Id
    title: Text
    summary: Text  # what the area is about, in one sentence
    stages: StageDescriptions
    sources: Sources
