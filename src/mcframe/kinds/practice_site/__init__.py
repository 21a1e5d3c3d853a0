"""The directory of practice: places where practice has been documented, with their coordinates for the map."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ...models import (
    CaseStudyRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class PracticeSite(Sourced):
    kind = "practice_site"
    referred_to = True
    title_field = "name"
    id: Id
    name: Text
    type: Literal["school", "network", "local-authority", "university", "programme", "trust", "ministry"]
    area: Text | None = None
    region: Text | None = None
    country: Text
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    focus: Markdown
    case_studies: list[CaseStudyRef] = []
    sources: Sources
