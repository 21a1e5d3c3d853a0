"""Programmes: the rows of a policy grid, mapped on the why, who, what and when frame; also a spreadsheet."""

from __future__ import annotations

from typing import Any, Literal

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
from ...printing import Printer, _paras


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


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for p in els:
        agency = printer.lib.follow(p, "agency", p.agency)
        cells = [
            (printer.label("grid_why"), ", ".join(printer.lib.title_of(x) for x in printer.lib.refs(p, "why"))),
            (printer.label("grid_who"), p.who or ""),
            (printer.label("grid_what"), p.what or ""),
            (printer.label("grid_when"), ", ".join(printer.lib.title_of(x) for x in printer.lib.refs(p, "when"))),
        ]
        mapped = "; ".join(f"{name}: {value}" for name, value in cells if value)
        about = " ".join(_paras(p.description or ""))
        printer.para(f"{p.name} ({getattr(agency, 'abbreviation', p.agency)}). " + " ".join(x for x in (mapped and mapped + ".", about) if x))
    printer.notes(els, printer.lib.title_of)


# The exports this kind offers pages: the policy grid as a spreadsheet and as CSV.
from .spreadsheet import EXPORTS as EXPORTS  # noqa: E402  (it needs the model above)
