"""Descriptions: the rows of a table that answers one question (why, who...) for each concept."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from ...models import (
    ConceptRef,
    Id,
    Markdown,
    Model,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, plain, typ_string
from ...text import question_words

if TYPE_CHECKING:
    from ...library import Library


class DescriptionCell(Model):
    concept: ConceptRef
    text: Markdown


class DescriptionRow(Sourced):
    """One row of the descriptions table: a question (why, who, ...) answered for each concept."""

    kind = "description"
    id: Id
    question: Text | None = None  # the question the row answers ("why", "who"...), shown after its title
    title: Text  # "Purpose", "Participation", ...
    cells: Annotated[list[DescriptionCell], Field(min_length=1)]
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.out.extend(descriptions_table(printer.lib, printer.of_kind("concept"), els, inset="4pt"))
    printer.out.append("")
    printer.notes(els)


def descriptions_table(lib: Library, concepts: list[Any], rows: list[Any], inset: str) -> list[str]:
    """The why/who/what/when/where table as a Typst table, with a header row that repeats."""
    label = lib.site.label
    lines = [
        f"#table(columns: ({', '.join(['auto'] + ['1fr'] * len(concepts))}), inset: {inset}, stroke: 0.5pt + luma(150),",
        f"  table.header([*#{typ_string(label('question'))}*], " + ", ".join(f"[*#{typ_string(c.title)}*]" for c in concepts) + "),",
    ]
    for row in rows:
        cells = [f"[*#{typ_string(row.title + (' (' + question_words(label, row.question) + ')' if row.question else ''))}*]"]
        for c in concepts:
            cell = next((x for x in row.cells if x.concept == c.id), None)
            cells.append(f"[#{typ_string(plain(cell.text) if cell else '—')}]")
        lines.append("  " + ", ".join(cells) + ",")
    return [*lines, ")"]


def print_poster(lib: Library, rows: list[Any]) -> list[str]:
    """On the poster: the table, a column for each concept."""
    concepts = [el for c in lib.of_kind("concept") for el in lib.elements.get(c.name, [])]
    return descriptions_table(lib, concepts, rows, inset="5pt")
