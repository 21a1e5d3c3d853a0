"""Activities: placed in the circles of the concepts and their overlaps, drawn as a diagram."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from markupsafe import Markup
from pydantic import Field

from ...models import (
    CaseStudyRef,
    ConceptRef,
    Id,
    SkillRef,
    Sourced,
    Sources,
    TermRef,
    Text,
)
from ...printing import Printer, typ_string

if TYPE_CHECKING:
    from ...library import Library


class Activity(Sourced):
    """An activity of mentoring and coaching, placed in one circle of the core concepts or an overlap."""

    kind = "activity"
    editorial = ("circles", "reason")
    id: Id
    title: Text
    circles: Annotated[list[ConceptRef], Field(min_length=1, max_length=3)]
    reason: Text  # why it sits there
    skills: list[SkillRef] = []
    terms: list[TermRef] = []
    case_studies: list[CaseStudyRef] = []
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    printer.note(printer.label("circles_note").capitalize())
    printer.out.append(f'#align(center)[#image("circles.svg", width: 80%, alt: {typ_string(printer.label("circles_title"))})]\n')
    printer.bullets([f"{a.id} {a.title}: {a.reason}" for a in els])
    printer.notes(els)


def print_poster(lib: Library, activities: list[Any]) -> list[str]:
    """On the poster: the circles (circles.svg beside the document), with the activities listed."""
    label = lib.site.label
    return [
        "#grid(columns: (3fr, 2fr), gutter: 6mm, align: horizon,",
        f"  image(\"circles.svg\", width: 100%, alt: {typ_string(label('circles_title'))}),",
        "  [" + " \\ ".join(f"*{a.id}* #{typ_string(a.title)}" for a in activities) + "],",
        ")",
        f"#align(center)[#text(size: 8.5pt)[#{typ_string(label('poster_circles_note'))}]]",
    ]


def drawings(lib: Library) -> dict[str, str]:
    """The drawings the PDF and the poster place beside their text: the circles, as one SVG."""
    from ..concept import Concept
    from .diagram import circles_svg

    title = lib.site.label("circles_title")
    return {"circles.svg": str(circles_svg(lib.all(Concept), lib.all(Activity), title, title))}


def regions(h: Any) -> list[tuple[str, str, list[Activity]]]:
    """The activity circles' regions in reading order (each circle, then the overlaps): key, name, activities."""
    from ..concept import Concept

    concepts = h.lib.all(Concept)[:3]
    and_ = h.label("and")
    keys = [[c] for c in concepts] + [[a, b] for i, a in enumerate(concepts) for b in concepts[i + 1 :]] + [concepts]
    out = []
    for key in keys:
        ids = [c.id for c in key]
        acts = [a for a in h.lib.all(Activity) if sorted(a.circles) == sorted(ids)]
        name = key[0].title if len(key) == 1 else (", ".join(c.title for c in key[:-1]) + f" {and_} " + key[-1].title)
        out.append(("+".join(ids), name, acts))
    return out


def circles(h: Any) -> Markup:
    from ..concept import Concept
    from .diagram import circles_svg

    label = h.label
    desc = "; ".join(f"{name}: {', '.join(a.id + ' ' + a.title for a in acts) or '-'}" for _, name, acts in regions(h))
    return circles_svg(h.lib.all(Concept), h.lib.all(Activity), label("circles_title"), desc)


def template_helpers() -> dict[str, Callable[[Any], Callable[..., Any]]]:
    """What this kind gives templates, each made for the page being rendered (``h``)."""
    return {"regions": lambda h: lambda: regions(h), "circles": lambda h: lambda: circles(h)}
