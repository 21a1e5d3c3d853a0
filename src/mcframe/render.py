"""Renders the library into Markdown pages through Jinja2 templates. No MkDocs here: the seam turns
these pages into virtual files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pathlib import Path

from . import routes
from .charts import chart_figure
from .citation import format_citation
from .crossrefs import Backlinks, backlinks
from .exports import policy_grid_csv, policy_grid_xlsx
from .library import Library
from .models import CaseStudy, Element, Programme
from .svgmap import CREDIT, Marker, map_panels
from .text import escape_markdown, markdown_field


@dataclass(frozen=True)
class Page:
    path: str  # source path as if under docs/, e.g. "framework/principles.md"
    title: str
    markdown: str


@dataclass(frozen=True)
class Download:
    path: str  # where it lands in the site, e.g. "policy/policy_grid.xlsx"
    content: bytes


@dataclass(frozen=True)
class Facet:
    """A filter of a browse page: its options are the values that occur, with their counts."""

    key: str
    label: str
    values: Callable[[Any], list[str]]
    options: list[tuple[str, str, int]]


STAGE_LABELS = {"emerging": "Emerging practice", "developing": "Developing practice", "embedded": "Embedded practice"}
SITE_TYPES = {
    "school": "School",
    "network": "Network",
    "local-authority": "Local authority",
    "university": "University",
    "programme": "Programme",
    "trust": "Multi-academy trust",
    "ministry": "National ministry",
}
RESOURCE_STATUS = {"live": "checked and working", "archived": "found only in an archive", "unverified": "recorded, not yet verified,"}


def _fmt(value: float | int) -> str:
    """Figures as the source gives them: whole numbers with thousands separators, decimals as written."""
    return f"{value:,}" if isinstance(value, int) else str(value)


@dataclass(frozen=True)
class NavItem:
    title: str
    path: str | None = None
    children: tuple[NavItem, ...] = field(default_factory=tuple)


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_markdown(value)
    return value


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("mcframe", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.tests["contains"] = lambda seq, item: item in seq
    env.filters["md"] = markdown_field
    env.filters["attr"] = lambda s: Markup(escape(s))  # text inside an HTML attribute: HTML-escaped only
    env.filters["indent_md"] = lambda s, n=4: Markup(("\n" + " " * n).join(str(s).splitlines()))
    return env


@dataclass
class _Context:
    """Helpers a template calls; they know which page is being rendered, for relative links."""

    lib: Library
    page: str

    def link(self, el: Element) -> Markup:
        return Markup(routes.element_href(self.page, el))

    def to(self, path: str, anchor: str | None = None) -> Markup:
        return Markup(routes.href(self.page, path, anchor))

    def get(self, kind: str, id: str) -> Element:
        return self.lib.get(kind, id)

    def cite(self, source_id: str) -> Markup:
        return Markup(format_citation(self.lib.get("source", source_id)))  # type: ignore[arg-type]

    def anchor(self, id: str) -> Markup:
        return Markup(routes.anchor_of(id))


def _facet(lib: Library, key: str, label: str, kind: str | None, values: Callable[[Any], list[str]], items: list[Any]) -> Facet:
    counts: dict[str, int] = {}
    for item in items:
        for v in values(item):
            counts[v] = counts.get(v, 0) + 1
    if kind:  # vocabulary order, labels from the vocabulary
        vocab = [(el.id, el.label) for el in getattr(lib, kind)]  # type: ignore[attr-defined]
        options = [(i, lab, counts[i]) for i, lab in vocab if i in counts]
    else:
        options = [(v, v, counts[v]) for v in sorted(counts)]
    return Facet(key, label, values, options)


def case_study_facets(lib: Library) -> list[Facet]:
    cs = lib.case_studies
    return [
        _facet(lib, "career-stage", "Career stage", "career_stages", lambda c: list(c.career_stages), cs),
        _facet(lib, "form", "Form of practice", "forms", lambda c: list(c.forms), cs),
        _facet(lib, "purpose", "Purpose", "purposes", lambda c: list(c.purposes), cs),
        _facet(lib, "phase", "Phase", "phases", lambda c: list(c.setting.phases), cs),
        _facet(lib, "country", "Country", None, lambda c: [c.setting.country], cs),
        Facet(
            "stage",
            "Stage of development",
            lambda c: [c.stage],
            [(k, lab, sum(1 for c in cs if c.stage == k)) for k, lab in STAGE_LABELS.items() if any(c.stage == k for c in cs)],
        ),
    ]


def programme_facets(lib: Library) -> list[Facet]:
    agencies = {a.id: a.abbreviation for a in lib.agencies}
    pg = lib.programmes
    return [
        Facet(
            "agency",
            "Agency",
            lambda p: [agencies.get(p.agency, p.agency)],
            [(a.abbreviation, a.abbreviation, sum(1 for p in pg if p.agency == a.id)) for a in lib.agencies],
        ),
        _facet(lib, "form", "Form of practice", "forms", lambda p: list(p.forms or []), pg),
        _facet(lib, "career-stage", "Career stage", "career_stages", lambda p: list(p.when or []), pg),
    ]


def _sites_by_place(lib: Library) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
    countries: dict[str, dict[str, list[Any]]] = {}
    for site in lib.practice_sites:
        countries.setdefault(site.country, {}).setdefault(site.region or "", []).append(site)
    return [
        (country, sorted(((r, sorted(s, key=lambda x: x.name)) for r, s in regions.items()), key=lambda x: x[0]))
        for country, regions in sorted(countries.items())
    ]


def _evidence_groups(lib: Library) -> list[tuple[str, list[Any]]]:
    names = {
        "systematic-review": "Systematic reviews",
        "book": "Books",
        "conference-paper": "Research papers",
        "journal-article": "Research papers",
        "practitioner-article": "Practitioner accounts",
        "blog-post": "Commentary",
    }
    groups: dict[str, list[Any]] = {}
    for ev in lib.evidence:
        src = lib.get("source", ev.source)
        groups.setdefault(names.get(src.type, "Other sources"), []).append(ev)  # type: ignore[attr-defined]
    order = list(dict.fromkeys(names.values())) + ["Other sources"]
    return [(g, sorted(groups[g], key=lambda e: (lib.get("source", e.source).year or 0))) for g in order if g in groups]  # type: ignore[attr-defined]


def render_site(
    lib: Library, version: str, boundaries: Path | None = None
) -> tuple[list[Page], list[NavItem], list[Download]]:
    env = make_environment()
    pages: list[Page] = []
    back: Backlinks = backlinks(lib)

    def add(path: str, title: str, template: str, **extra: Any) -> None:
        ctx = _Context(lib, path)
        helpers: dict[str, Callable[..., Any]] = {
            "link": ctx.link,
            "to": ctx.to,
            "get": ctx.get,
            "cite": ctx.cite,
            "anchor": ctx.anchor,
            "back": back,
            "fmt": _fmt,
            "chart_figure": chart_figure,
            "stage_labels": STAGE_LABELS,
        }
        body = env.get_template(template).render(lib=lib, version=version, title=title, page=path, **helpers, **extra)
        pages.append(Page(path, title, body))

    add("index.md", "Home", "home.md.j2")
    add("framework/index.md", "The framework at a glance", "framework.md.j2")
    for concept in lib.concepts:
        add(routes.page_of("concept", concept.id), concept.title, "concept.md.j2", concept=concept)
    add(routes.page_of("principle", ""), "The ten principles", "principles.md.j2")
    add(routes.page_of("description", ""), "Mentoring and coaching described", "descriptions.md.j2")
    add(routes.page_of("skill", ""), "Skills for mentoring and coaching", "skills.md.j2")
    vocabularies = (
        ("career_stage", "Career stages", lib.career_stages, "career_stages"),
        ("purpose", "Purposes", lib.purposes, "purposes"),
        ("form", "Forms of practice", lib.forms, "forms"),
        ("phase", "Phases", lib.phases, "phases"),
    )
    for kind, title, terms, coll in vocabularies:
        add(routes.page_of(kind, ""), title, "vocabulary.md.j2", terms=terms, intro=lib.intros.get(coll))
    add(routes.page_of("source", ""), "Sources", "sources.md.j2")
    if lib.terms:
        add(routes.page_of("term", ""), "Glossary", "glossary.md.j2", terms_by_letter=_by_letter(lib))
    downloads: list[Download] = []
    practice_nav: list[NavItem] = []
    if lib.case_studies:
        add("case-studies/index.md", "Case studies", "case_studies.md.j2", facets=case_study_facets(lib))
        for cs in lib.case_studies:
            add(routes.page_of("case_study", cs.id), cs.title, "case_study.md.j2", cs=cs)
        practice_nav.append(NavItem("Browse case studies", "case-studies/index.md"))
        practice_nav.extend(NavItem(cs.title, routes.page_of("case_study", cs.id)) for cs in lib.case_studies)
    if lib.practice_sites:
        panels = _map_panels(lib, boundaries) if boundaries else []
        add(
            routes.page_of("practice_site", ""),
            "Directory and map of practice",
            "directory.md.j2",
            map_panels=[Markup(p) for p in panels],
            map_credit=CREDIT,
            sites_by_place=_sites_by_place(lib),
            site_types=SITE_TYPES,
        )
        practice_nav.append(NavItem("Directory and map", routes.page_of("practice_site", "")))
    policy_nav: list[NavItem] = []
    if lib.programmes:
        add(routes.page_of("programme", ""), "Policy grid", "policy_grid.md.j2", facets=programme_facets(lib))
        downloads += [
            Download("policy/policy_grid.xlsx", policy_grid_xlsx(lib)),
            Download("policy/policy_grid.csv", policy_grid_csv(lib)),
        ]
        policy_nav.append(NavItem("Policy grid", routes.page_of("programme", "")))
    evidence_nav: list[NavItem] = []
    if lib.evidence:
        add("evidence/index.md", "Evidence digests", "evidence_index.md.j2", evidence_groups=_evidence_groups(lib))
        evidence_nav.append(NavItem("All digests", "evidence/index.md"))
        for ev in lib.evidence:
            title = lib.get("source", ev.source).title  # type: ignore[attr-defined]
            add(routes.page_of("evidence", ev.id), title, "evidence.md.j2", ev=ev)
            evidence_nav.append(NavItem(title, routes.page_of("evidence", ev.id)))
    if lib.resources:
        add(routes.page_of("resource", ""), "Annotated index of websites", "resources.md.j2", resource_status=RESOURCE_STATUS)
        evidence_nav.append(NavItem("Websites", routes.page_of("resource", "")))

    nav = [
        NavItem("Home", "index.md"),
        NavItem(
            "Framework",
            children=(
                NavItem("At a glance", "framework/index.md"),
                NavItem(
                    "Core concepts",
                    children=tuple(NavItem(c.title, routes.page_of("concept", c.id)) for c in lib.concepts),
                ),
                NavItem("Principles", routes.page_of("principle", "")),
                NavItem("Descriptions table", routes.page_of("description", "")),
                NavItem("Skills table", routes.page_of("skill", "")),
                *(NavItem(title, routes.page_of(kind, "")) for kind, title, _, _ in vocabularies),
            ),
        ),
        *([NavItem("Practice", children=tuple(practice_nav))] if practice_nav else []),
        *([NavItem("Policy", children=tuple(policy_nav))] if policy_nav else []),
        *([NavItem("Evidence", children=tuple(evidence_nav))] if evidence_nav else []),
        *([NavItem("Glossary", routes.page_of("term", ""))] if lib.terms else []),
        NavItem("Sources", routes.page_of("source", "")),
    ]
    return pages, nav, downloads


def _map_panels(lib: Library, boundaries: Path) -> list[str]:
    page = routes.page_of("practice_site", "")
    groups: dict[str, list[Marker]] = {}
    for s in lib.practice_sites:
        label = f"{s.name}{', ' + s.area if s.area else ''}"
        groups.setdefault(s.country, []).append(Marker(s.id, label, routes.href(page, page, routes.anchor_of(s.id)), s.longitude, s.latitude))
    return map_panels(sorted(groups.items()), boundaries)


def _by_letter(lib: Library) -> dict[str, list[Any]]:
    letters: dict[str, list[Any]] = {}
    for term in sorted(lib.terms, key=lambda t: t.term.casefold()):
        first = term.term[0].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(term)
    return letters
