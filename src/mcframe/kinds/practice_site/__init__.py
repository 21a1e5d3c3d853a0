"""The directory of practice: places where practice has been documented, with their coordinates for the map."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...models import (
    CaseStudyRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras


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


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for ps in els:
        where = ", ".join(x for x in (ps.area, ps.region, ps.country) if x)
        printer.para(f"{ps.name}, {where}. {' '.join(_paras(ps.focus))}")
    printer.notes(els, printer.lib.title_of)
