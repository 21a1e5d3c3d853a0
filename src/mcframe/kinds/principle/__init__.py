"""Principles (statements): what a framework holds to, each explained, with what it looks like in practice."""

from __future__ import annotations

from typing import Any

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras, wording_text


class Principle(Sourced):
    kind = "principle"
    referred_to = True
    editorial = ("in_practice",)
    id: Id
    title: Text
    explanation: Markdown
    in_practice: list[Text] = []  # what the principle looks like when it is working
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for pr in els:
        printer.heading(f"{pr.id} {pr.title}", 2)
        for p in _paras(pr.explanation):
            printer.para(p)
        printer.note(wording_text(printer.lib, pr))
        if pr.in_practice:
            printer.note(printer.label("in_practice_note").capitalize())
            printer.bullets(list(pr.in_practice))
