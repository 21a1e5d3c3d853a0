"""Renders the library into Markdown pages through Jinja2 templates. No MkDocs here: the seam turns
these pages into virtual files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import routes
from .citation import format_citation
from .library import Library
from .models import Element
from .text import escape_markdown, markdown_field


@dataclass(frozen=True)
class Page:
    path: str  # source path as if under docs/, e.g. "framework/principles.md"
    title: str
    markdown: str


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


def render_site(lib: Library, version: str) -> tuple[list[Page], list[NavItem]]:
    env = make_environment()
    pages: list[Page] = []

    def add(path: str, title: str, template: str, **extra: Any) -> None:
        ctx = _Context(lib, path)
        helpers: dict[str, Callable[..., Any]] = {
            "link": ctx.link,
            "to": ctx.to,
            "get": ctx.get,
            "cite": ctx.cite,
            "anchor": ctx.anchor,
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
        *([NavItem("Glossary", routes.page_of("term", ""))] if lib.terms else []),
        NavItem("Sources", routes.page_of("source", "")),
    ]
    return pages, nav


def _by_letter(lib: Library) -> dict[str, list[Any]]:
    letters: dict[str, list[Any]] = {}
    for term in sorted(lib.terms, key=lambda t: t.term.casefold()):
        first = term.term[0].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(term)
    return letters
