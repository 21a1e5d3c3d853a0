"""Skills: what practitioners do, and the concepts each is used in."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, plain


class Skill(Sourced):
    kind = "skill"
    referred_to = True
    editorial = ("used_in",)
    id: Id
    title: Text
    description: Markdown
    used_in: Annotated[list[ConceptRef], Field(min_length=1)]
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.note(printer.label("skills_matrix_note").capitalize())
    for s in els:
        used = ", ".join(printer.lib.follow(s, "used_in", c).title for c in s.used_in)  # type: ignore[attr-defined]
        printer.para(f"{s.id} {s.title}. {plain(s.description)} ({used})")
    printer.notes(els)
