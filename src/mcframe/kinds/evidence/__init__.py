"""Evidence digests: what one source found, implies and does not tell you."""

from __future__ import annotations

from collections.abc import Callable
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
from ..source import Source


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

    def own_sources(self) -> list[str]:
        return [self.source]


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for ev in els:
        printer.heading(printer.lib.title_of(ev), 2)
        for p in _paras(ev.summary):
            printer.para(p)
        printer.bullets([plain(f.text) for f in ev.findings])
        printer.note(wording_text(printer.lib, ev))


def group_sources(h: Any, digests: list[EvidenceDigest], groups: dict[str, str]) -> list[tuple[str, list[EvidenceDigest]]]:
    """Digests grouped by the type of their source (``groups`` maps types to headings, in order)."""
    found: dict[str, list[EvidenceDigest]] = {}
    other = h.label("other_sources")
    for ev in digests:
        src = h.lib.get("source", ev.source)
        found.setdefault(groups.get(getattr(src, "type", ""), other), []).append(ev)
    order = [*dict.fromkeys(groups.values()), other]

    def year(ev: EvidenceDigest) -> int:
        src = h.lib.get("source", ev.source)
        return src.year or 0 if isinstance(src, Source) else 0

    return [(g, sorted(found[g], key=year)) for g in order if g in found]


def template_helpers() -> dict[str, Callable[[Any], Callable[..., Any]]]:
    """What this kind gives templates, each made for the page being rendered (``h``)."""
    return {"group_sources": lambda h: lambda digests, groups: group_sources(h, digests, groups)}
