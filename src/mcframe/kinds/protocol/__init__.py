"""Protocols: a named routine with its steps in order (a coaching conversation's stages, a lesson
study cycle), what it is for, and what it draws on. A kind in a folder of its own: this model and how
it prints in the whole-framework PDF, the page template in ``templates/protocols.md.j2`` that lists a
collection of them, and its words in ``labels.yaml`` (``labels.fr.yaml`` in French)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from ...models import ConceptRef, Markdown, Model, Sourced, Sources, Text

if TYPE_CHECKING:
    from ...printing import Printer


class ProtocolStep(Model):
    title: Text  # what the step is called: "Agree the focus"
    text: Markdown | None = None  # what happens in it


class Protocol(Sourced):
    kind = "protocol"
    editorial = ("time",)
    title: Text
    purpose: Text  # what the protocol is for, in a sentence
    time: Text | None = None  # how long it usually takes, as this edition suggests
    steps: Annotated[list[ProtocolStep], Field(min_length=2)]
    concepts: list[ConceptRef] = []  # the concepts it puts into practice
    sources: Sources

    def checks(self) -> list[tuple[tuple[str | int, ...], str]]:
        seen: dict[str, int] = {}
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, step in enumerate(self.steps):
            name = step.title.casefold()
            if name in seen:
                out.append((("steps", i, "title"), f"step {i + 1} has the same title as step {seen[name] + 1}"))
            seen.setdefault(name, i)
        return out


def print_pdf(printer: Printer, protocols: list[Protocol]) -> None:
    """Protocols in the whole-framework PDF: each under its title, with what it is for and its steps."""
    for p in protocols:
        printer.heading(p.title, 2)
        printer.para(p.purpose)
        printer.steps([step.title + (f": {printer.plain(step.text)}" if step.text else "") for step in p.steps])
        printer.wording(p)
