"""Stages of a path (from initial teacher education to leadership, in this framework), with two strands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from ...models import (
    CareerStageRef,
    Id,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, typ_string

if TYPE_CHECKING:
    from ...library import Library


class LeadershipStage(Sourced):
    """One stage of the path from initial teacher education to leadership, with its two strands."""

    kind = "leadership_stage"
    title_from = "stage"
    editorial = ("support", "content", "focus")
    id: Id
    stage: CareerStageRef
    support: Text  # the context and specialist support at this stage
    content: Text  # the content of coaching
    focus: Literal["pedagogy", "both", "organisation", "reconnected"]
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.note(printer.label("path_note").capitalize())
    printer.out.append(f'#align(center)[#image("path.svg", width: 80%, alt: {typ_string(printer.label("path_title"))})]\n')
    for stage in els:
        printer.para(f"{printer.lib.title_of(stage)}. {printer.label('path_support')}: {stage.support} {printer.label('path_content')}: {stage.content}")
    printer.notes(els, printer.lib.title_of)


def drawings(lib: Library) -> dict[str, str]:
    """The drawings the PDF places beside its text: the path, as one SVG."""
    from .diagram import leadership_svg

    label = lib.site.label
    stages = [(s, lib.title_of(s)) for s in lib.all(LeadershipStage)]
    strands = (label("path_pedagogy"), label("path_organisation"), label("path_reconnect"))
    return {"path.svg": str(leadership_svg(stages, label("path_title"), label("path_title"), strands))}


def leadership(h: Any) -> Markup:
    from .diagram import leadership_svg

    label = h.label
    stages = [(s, h.lib.title_of(s)) for s in h.lib.all(LeadershipStage)]
    desc = "; ".join(f"{name}: {s.support} {s.content}" for s, name in stages)
    strands = (label("path_pedagogy"), label("path_organisation"), label("path_reconnect"))
    return leadership_svg(stages, label("path_title"), desc, strands)


def template_helpers() -> dict[str, Callable[[Any], Callable[..., Any]]]:
    """What this kind gives templates, each made for the page being rendered (``h``)."""
    return {"leadership": lambda h: lambda: leadership(h)}
