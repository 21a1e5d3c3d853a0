"""Principles (statements): what a framework holds to, each explained, with what it looks like in practice."""

from __future__ import annotations

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class Principle(Sourced):
    kind = "principle"
    referred_to = True
    editorial = ("in_practice",)
    id: Id
    title: Text
    explanation: Markdown
    in_practice: list[Text] = []  # what the principle looks like when it is working
    sources: Sources
