"""The directory of practice: places where practice has been documented, with their coordinates for the map."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from markupsafe import Markup
from pydantic import Field

from ...models import (
    CaseStudyRef,
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)
from ...printing import Printer, _paras
from ...svgmap import Marker
from ...svgmap import map_panels as draw_map_panels


class PracticeSite(Sourced):
    kind = "practice_site"
    referred_to = True
    title_field = "name"
    id: Id
    name: Text
    type: Literal["school", "network", "local-authority", "university", "programme", "trust", "ministry"]
    area: Text | None = None
    region: Text | None = None
    country: Text
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    focus: Markdown
    case_studies: list[CaseStudyRef] = []
    sources: Sources


def print_pdf(printer: Printer, els: list[Any]) -> None:
    """How these print in the whole-framework PDF."""
    for ps in els:
        where = ", ".join(x for x in (ps.area, ps.region, ps.country) if x)
        printer.para(f"{ps.name}, {where}. {' '.join(_paras(ps.focus))}")
    printer.notes(els, printer.lib.title_of)


def map_panels(h: Any, sites: Iterable[PracticeSite]) -> list[Markup]:
    if h.boundaries is None:
        return []
    groups: dict[str, list[Marker]] = {}
    for s in sites:
        label = f"{s.name}{', ' + s.area if s.area else ''}"
        groups.setdefault(s.country, []).append(Marker(s.id, label, h.routes.element_href(h.at, s), s.longitude, s.latitude, s.area or ""))
    return [Markup(p) for p in draw_map_panels(sorted(groups.items()), h.boundaries, h.label)]


def by_place(sites: Iterable[PracticeSite]) -> list[tuple[str, list[tuple[str, list[PracticeSite]]]]]:
    countries: dict[str, dict[str, list[PracticeSite]]] = {}
    for site in sites:
        countries.setdefault(site.country, {}).setdefault(site.region or "", []).append(site)
    return [
        (country, sorted(((r, sorted(s, key=lambda x: x.name)) for r, s in regions.items()), key=lambda x: x[0]))
        for country, regions in sorted(countries.items())
    ]


def template_helpers() -> dict[str, Callable[[Any], Callable[..., Any]]]:
    """What this kind gives templates, each made for the page being rendered (``h``)."""
    return {"map_panels": lambda h: lambda sites: map_panels(h, sites), "by_place": lambda h: by_place}


def check_together(sites: list[PracticeSite], where: Callable[[Any, tuple[str | int, ...]], str]) -> list[tuple[Any, tuple[str | int, ...], str]]:
    """Two directory entries with the same name in the same place are one entry written twice."""
    seen: dict[tuple[str, str, str], PracticeSite] = {}
    out: list[tuple[Any, tuple[str | int, ...], str]] = []
    for site in sites:
        key = (site.name.casefold(), (site.area or "").casefold(), site.country.casefold())
        if key in seen:
            place = ", ".join(x for x in (site.area, site.country) if x)
            out.append((site, (), f"'{site.name}' in {place} is listed twice (first at {where(seen[key], ())})"))
        else:
            seen[key] = site
    return out
