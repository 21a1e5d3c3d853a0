"""Skills: what practitioners do, and the concepts each is used in."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class Skill(Sourced):
    kind = "skill"
    referred_to = True
    editorial = ("used_in",)
    id: Id
    title: Text
    description: Markdown
    used_in: Annotated[list[ConceptRef], Field(min_length=1)]
    sources: Sources
