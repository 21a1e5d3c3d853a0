"""Indicator areas: what a review looks at, described at each stage of a scale."""

from __future__ import annotations

from typing import Any

from ...models import (
    Id,
    Model,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, wording_text


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


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for area in els:
        printer.heading(area.title, 2)
        printer.para(area.summary)
        printer.note(wording_text(printer.lib, area))
        stage_names = printer.lib.site.values.get("stage", {})
        printer.bullets([f"{name}: {getattr(area.stages, key.replace('-', '_'))}" for key, name in stage_names.items()])
        questions = [q for q in printer.of_kind("question") if q.area == area.id]
        printer.bullets([f"{q.id} {q.text}" for q in questions])
        printer.notes(questions)
