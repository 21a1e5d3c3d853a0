"""Concepts: the ideas a framework rests on, each defined, with what sets it apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras, typ_string, wording_text

if TYPE_CHECKING:
    from ...library import Library


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


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for c in els:
        printer.heading(c.title, 2)
        printer.para(c.summary)
        for p in _paras(c.definition):
            printer.para(p)
        printer.note(wording_text(printer.lib, c))
        printer.note(printer.label("features_note").capitalize())
        printer.bullets(list(c.features))


def print_poster(lib: Library, concepts: list[Any]) -> list[str]:
    """On the poster: a card for each concept, its title and summary, up to four in a row."""
    columns = min(len(concepts), 4)
    lines = [f"#grid(columns: ({', '.join(['1fr'] * columns)}), gutter: 6mm,"]
    lines += [f"  [#text(size: 14pt, weight: \"bold\")[#{typ_string(c.title)}] \\ #{typ_string(c.summary)}]," for c in concepts]
    return [*lines, ")"]
