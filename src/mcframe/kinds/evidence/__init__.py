"""Evidence digests: what one source found, implies and does not tell you."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from ...models import (
    CaseStudyRef,
    Chart,
    ConceptRef,
    Figure,
    Id,
    Markdown,
    Model,
    PrincipleRef,
    SkillRef,
    Sourced,
    SourceRef,
    Text,
)
from ...printing import Printer, _paras, plain, wording_text


class Finding(Model):
    text: Markdown
    where: Text | None = None  # where in the source: "Table 1", "chapter 4"
    figures: list[Figure] = []


class EvidenceDigest(Sourced):
    kind = "evidence"
    referred_to = True
    title_from = "source"
    editorial = ("implications", "limitations")
    id: Id
    source: SourceRef  # the full citation lives in sources.yaml
    summary: Markdown
    findings: Annotated[list[Finding], Field(min_length=1)]
    processes: list[Text] = []  # processes and skills the source describes
    implications: list[Text] = []
    limitations: Annotated[list[Text], Field(min_length=1)]  # what this does not tell you
    concepts: list[ConceptRef] = []
    principles: list[PrincipleRef] = []
    skills: list[SkillRef] = []
    case_studies: list[CaseStudyRef] = []
    charts: list[Chart] = []


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for ev in els:
        printer.heading(printer.lib.title_of(ev), 2)
        for p in _paras(ev.summary):
            printer.para(p)
        printer.bullets([plain(f.text) for f in ev.findings])
        printer.note(wording_text(printer.lib, ev))
