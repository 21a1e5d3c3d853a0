"""Concepts: the ideas a framework rests on, each defined, with what sets it apart."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class Concept(Sourced):
    kind = "concept"
    referred_to = True
    blurb_field = "summary"
    editorial = ("features",)
    id: Id
    title: Text
    summary: Text  # one sentence, shown in lists and previews
    definition: Markdown
    features: Annotated[list[Text], Field(min_length=1)]  # what distinguishes it
    sources: Sources
