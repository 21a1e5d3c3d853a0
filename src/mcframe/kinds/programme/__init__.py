"""Programmes: the rows of a policy grid, mapped on the why, who, what and when frame; also a spreadsheet."""

from __future__ import annotations

from typing import Literal

from ...models import (
    AgencyRef,
    CareerStageRef,
    FormRef,
    Id,
    Link,
    Markdown,
    PurposeRef,
    Sourced,
    Sources,
    Text,
)


class Programme(Sourced):
    """One row of the policy grid. A cell left empty (null) is one this edition does not map."""

    kind = "programme"
    title_field = "name"
    blurb_from = ("agency", "abbreviation")
    editorial = ("why", "who", "what", "when", "forms", "requirement")
    id: Id
    agency: AgencyRef
    name: Text
    description: Markdown | None = None
    why: list[PurposeRef] | None = None
    who: Text | None = None
    what: Text | None = None
    when: list[CareerStageRef] | None = None
    forms: list[FormRef] | None = None
    requirement: Literal["required", "suggested"] | None = None
    links: list[Link] = []
    sources: Sources
