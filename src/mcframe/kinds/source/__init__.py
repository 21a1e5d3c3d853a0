"""Sources: the works every element names as its sources, cited in references."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from ...models import (
    Element,
    Id,
    Text,
    Url,
)
from ...printing import Printer, plain

SourceType = Literal[
    "report",
    "book",
    "book-chapter",
    "journal-article",
    "systematic-review",
    "conference-paper",
    "practitioner-article",
    "blog-post",
    "web-page",
    "policy-document",
]


_DOI = re.compile(r"10\.[0-9]{4,9}(?:\.[0-9]+)*/[^\s<>\"'{}|\\^`]+")


def _doi(value: str) -> str:
    """A DOI as the DOI Handbook writes it (10.prefix/suffix), without what would end an address or a tag."""
    if not _DOI.fullmatch(value):
        raise ValueError("must be a DOI such as 10.1080/13664530.2012.012345, without spaces, quotes, <, >, {, }, |, \\, ^ or `")
    return value


Doi = Annotated[str, AfterValidator(_doi), Field(json_schema_extra={"pattern": f"^{_DOI.pattern}$"})]


class Source(Element):
    kind = "source"
    citable = False
    id: Id
    type: SourceType
    authors: list[Text] = []  # "Surname, I." in citation order; empty when the author is not known
    organisation: Text | None = None  # corporate author, when there is one
    year: int | None = None
    title: Text
    container: Text | None = None  # journal, book, proceedings or website the item sits in
    edition: Text | None = None
    volume: Text | None = None
    pages: Text | None = None
    publisher: Text | None = None
    place: Text | None = None
    url: Url | None = None
    doi: Doi | None = None
    accessed: datetime.date | None = None
    note: Text | None = None  # provenance: what this source is and how we used it


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    from ...citation import format_citation  # citations format sources: imported when printing

    printer.bullets([plain(format_citation(src, printer.label).replace("\\", "")) for src in els])
