"""Renders the library into Markdown pages through Jinja2 templates, following the page list in
site.yaml. No MkDocs here: the seam turns these pages into virtual files.

Templates are looked up first in the project's own ``templates/`` folder (when it has one), then in
the package, so a framework can restyle any page without touching the package. Every template runs
in the sandbox of :mod:`mcframe.sandbox`: it reads content and the helpers below, nothing else.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from .charts import chart_figure
from .citation import format_citation, unlinked_citation
from .citing import Reference, edition_files, element_title, files_html, references
from .crossrefs import Backlinks, backlinks
from .editions import last_changed
from .exports import BUNDLES, EXPORTS
from .fieldpath import declared, path_problem, value_at
from .kinds import TEMPLATE_DIRS, TEMPLATE_HELPERS
from .language import PAGE_FURNITURE, Words, long_date, number
from .library import Library
from .models import Element
from .problems import Problem
from .routes import LetterPage, Routes, anchor_of, href, in_html, letter_page, split_letters
from .sandbox import InsideLoader, TemplateRefused, TemplateSandbox, printing_refusal
from .sitedef import DownloadDecl, PageDecl, about
from .sitedef import Facet as FacetDecl
from .templatecheck import Places, template_problem
from .text import escape_markdown, full_stop, lcfirst, list_separator, markdown_field, question_words, theme_text


@dataclass(frozen=True)
class Page:
    path: str  # source path as if under docs/, e.g. "framework/principles.md"
    title: str
    markdown: str
    in_nav: bool = True
    # HTML that needs no Markdown conversion (a "Cite this" for each element), put in after conversion
    # in place of its marker comment: converting it cost more than the rest of a long list page.
    late: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Download:
    path: str  # where it lands in the site, e.g. "policy/policy_grid.xlsx"
    content: bytes


@dataclass(frozen=True)
class NavItem:
    title: str
    path: str | None = None
    children: tuple[NavItem, ...] = field(default_factory=tuple)

    def as_tree(self) -> dict[str, Any]:
        """The entry as ``{title: path}``, or ``{title: [entries]}`` for a section."""
        return {self.title: [c.as_tree() for c in self.children] if self.children else self.path}


@dataclass(frozen=True)
class Facet:
    """A filter of a browse page: its options are the values that occur, with their counts."""

    key: str
    label: str
    values: Callable[[Any], list[str]]
    options: list[tuple[str, str, int]]
    entries: dict[str, Element] = field(default_factory=dict)  # value -> its element, for a facet over a collection


@dataclass(frozen=True)
class Rendered:
    pages: list[Page]
    nav: list[NavItem]
    downloads: list[Download]
    routes: Routes
    refs: dict[str, Reference] = field(default_factory=dict)  # how to cite each element and page, by key
    languages: dict[str, str] = field(default_factory=dict)  # the pages in another language than the site's, by path

    def language_of(self, path: str, site_language: str) -> str:
        return self.languages.get(path, site_language)

    @cached_property
    def late(self) -> dict[str, dict[str, str]]:
        """Each page's late blocks, by source path."""
        return {p.path: p.late for p in self.pages if p.late}


def fmt(value: float | int, language: str = "en") -> str:
    """Figures as the source gives them: whole numbers with thousands separators, decimals as written
    (both with the marks of the page's language)."""
    return number(value, language)


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_markdown(value)
    if (reason := printing_refusal(value)) is not None:  # {{ get }}: a helper, not a value
        raise SecurityError(reason)
    return value


def make_environment(project_templates: Path | None = None) -> Environment:
    """The templates' environment: the project's own first, then the package's, in the sandbox."""
    loaders: list[Any] = [PackageLoader("mcframe", "templates"), *(InsideLoader(str(d)) for d in TEMPLATE_DIRS)]
    if project_templates is not None and project_templates.is_dir():
        loaders.insert(0, InsideLoader(str(project_templates)))
    env = TemplateSandbox(
        loader=ChoiceLoader(loaders),
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
    env.filters["full_stop"] = full_stop
    env.filters["lcfirst"] = lcfirst
    env.filters["after"] = list_separator
    env.filters["indent_md"] = lambda s, n=4: Markup(("\n" + " " * n).join(str(s).splitlines()))
    return env


def _field_values(el: Any, dotted: str) -> list[str]:
    """A facet's values in ``el``: the field's, through declared fields only (see fieldpath)."""
    value = value_at(el, dotted)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def make_facets(lib: Library, decls: list[FacetDecl], items: list[Element]) -> list[Facet]:
    facets = []
    for d in decls:
        values: Callable[[Any], list[str]] = partial(_field_values, dotted=d.field)
        counts: dict[str, int] = {}
        for item in items:
            for v in values(item):
                counts[v] = counts.get(v, 0) + 1
        entries = {el.id: el for el in lib.elements.get(d.of, [])} if d.of else {}
        if d.of:
            labelled = [(el.id, str(value_at(el, d.label_field)) if d.label_field else lib.title_of(el)) for el in entries.values()]
        elif d.values:
            labelled = list(lib.site.values.get(d.values, {}).items())
        else:
            labelled = [(v, v) for v in sorted(counts)]
        facets.append(Facet(d.key, d.label, values, [(v, label, counts[v]) for v, label in labelled if v in counts], entries))
    return facets


def facet_problems(lib: Library, decl: PageDecl) -> list[tuple[tuple[str | int, ...], str]]:
    """What is wrong with a page's facets, by place under the page: a ``field`` must be a declared field
    of the elements the page is about (dots go into nested fields), a ``label_field`` one of the
    elements its ``of`` names. Checked before rendering, so nothing follows a name that is not a field."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    primary = about(decl)

    def check(j: int, key: str, name: str | None, dotted: str) -> None:
        if name in lib.collections and (why := path_problem(lib.collections[name].model, dotted, f"the elements of '{name}'")) is not None:
            out.append((("facets", j, key), why))

    for j, facet in enumerate(decl.facets):
        if primary is None:
            out.append((("facets", j), "a facet filters the elements of the page's collection: this page lists, shows or browses none"))
        check(j, "field", primary, facet.field)
        if facet.label_field is not None and facet.of is None:
            out.append((("facets", j, "label_field"), "label_field labels the elements 'of' names: give 'of' too"))
        if facet.label_field is not None:
            check(j, "label_field", facet.of, facet.label_field)
    return out


class _Helpers:
    """What a template calls; bound to the page being rendered, for relative links."""

    def __init__(self, lib: Library, routes: Routes, back: Backlinks, boundaries: Path | None, refs: dict[str, Reference]) -> None:
        self.lib, self.routes, self.back, self.boundaries, self.refs = lib, routes, back, boundaries, refs
        self.at = ""
        self.language = lib.site.language
        self.label: Words = lib.site.words()
        self.late: dict[str, str] = {}
        self.changed = last_changed(lib)
        self.all_downloads: Callable[[], list[Download]] = list

    def context(self, at: str, language: str | None = None) -> dict[str, Any]:
        """What a template of page ``at`` calls; its words are in the page's ``language``."""
        if at != self.at:  # a page's body and its own "Cite this" share its late blocks
            self.late = {}
        self.at = at
        lib = self.lib
        self.language = language or lib.site.language
        words = self.label = lib.site.words(self.language)
        return {
            "lib": lib,
            "site": lib.site,
            "back": self.back,
            "fmt": lambda value: fmt(value, self.language),
            "long_date": lambda date: long_date(date, self.language, words("date_format")),
            "chart_figure": lambda chart, owner: self.late_svg(chart_figure(chart, owner, words)),
            "href": lambda el: Markup(self.routes.element_href(self.at, el)),
            "html_href": lambda el: Markup(in_html(self.routes.element_href(self.at, el))),  # for raw HTML
            "page": lambda page_id, anchor=None: Markup(href(self.at, self.routes.page(page_id), anchor)),
            "has_page": self.routes.has,
            "home": lambda: Markup(href(self.at, self.routes.pages[0].path)),
            "page_title": lambda page_id: self.routes.decl(page_id).title,
            "list_page": lambda name: Markup(href(self.at, self.routes.list_page(lib.collection(name).name) or self.at)),
            # The page that lists or shows a collection (by name, or kind where unique); None if none.
            "page_of": lambda name: self.routes.home_of(lib.collection(name).name) if lib.has(name) else None,
            "page_browsing": lambda name: next((p for p in self.routes.pages if p.browses and lib.has(name) and p.browses == lib.collection(name).name), None),
            "page_with_export": lambda export: next((p for p in self.routes.pages if any(d.export == export for d in p.downloads)), None),
            "file": lambda path: Markup(href(self.at, path)),
            "title_of": lib.title_of,
            "blurb_of": lib.blurb_of,
            "get": lib.get,
            "follow": lib.follow,
            "refs": lambda el, name: lib.refs(el, declared(el, name)),  # a field it declares, never any attribute
            "field_collection": lambda el, name: lib.field_collection(el, name).decl,
            "items": lib.items,
            "has": lib.has,
            "question": lambda q: question_words(words, q),  # "why" -> "why?", in the page's language
            "cite": lambda source_id: Markup(unlinked_citation(format_citation(lib.get("source", source_id), words))),  # type: ignore[arg-type]
            "source_href": lambda source_id: Markup(self.routes.element_href(self.at, lib.get("source", source_id))),
            "anchor": lambda id: Markup(anchor_of(id)),
            "label": words,
            # The words a script says, as {key: text} for its data-mcf-words: every label with this prefix.
            "words": words.prefixed,
            "value": lambda group, key: lib.site.values.get(group, {}).get(key, key),
            "collection": lambda name: lib.collection(name).decl,  # by the site's name, or by kind where unique
            "collection_of": lambda el: lib.collections[el.collection].decl,
            "map_credit": words("map_credit", record=False),  # as label("map_credit"), which templates say now
            # What kinds give their own templates (their module's template_helpers): the circles, the map...
            **{name: make(self) for helpers in TEMPLATE_HELPERS.values() for name, make in helpers.items()},
            "data_dictionary": self.data_dictionary,
            "reference": lambda key: self.refs.get(key),
            "cite_key": cite_key,
            "last_changed": lambda key: self.changed.get(key),
            "all_downloads": lambda: self.all_downloads(),
            "cite_files": self.cite_files,
            "link_to": self.link_to,
            "late": self.put_late,
        }

    def late_svg(self, html: str) -> Markup:
        """``html`` with its drawings put in late: nothing in an SVG is Markdown or text to search."""
        return Markup(re.sub(r"<svg\b.*?</svg>", lambda m: str(self.put_late(m.group(0))), str(html), flags=re.S))

    def put_late(self, html: str) -> Markup:
        """A marker for ``html``, which goes into the page after Markdown conversion."""
        marker = f"<!--mcf-late-{len(self.late)}-->"
        self.late[marker] = str(html)
        return Markup(marker)

    def cite_files(self, key: str) -> Markup:
        label = self.label
        edition = in_html(href(self.at, self.routes.page("downloads"), "citations")) if self.routes.has("downloads") else None
        return Markup(files_html(self.refs[key], label("cite_download"), edition, label("cite_edition_files")))

    def link_to(self, kind: str, id: str) -> tuple[str, Markup] | None:
        """Title and link of a page (kind "page", by its ID in site.yaml) or an element; None for a page
        this site does not have."""
        if kind != "page":
            el = self.lib.get(kind, id)
            return self.lib.title_of(el), Markup(self.routes.element_href(self.at, el))
        if not self.routes.has(id) or self.routes.decl(id).shows:
            return None
        return str(self.routes.decl(id).title), Markup(href(self.at, self.routes.page(id)))

    def data_dictionary(self) -> list[tuple[Any, int, list[tuple[str, str, bool, str]]]]:
        """For each collection: its declaration, its count, and its fields (name, type, required, meaning)."""
        from .opendata import describe_fields

        return [(c.decl, len(self.lib.elements.get(n, [])), describe_fields(self.lib, c, self.label)) for n, c in self.lib.collections.items()]



def _front_matter(decl: PageDecl, title: str, home: bool = False) -> str:
    """The page's title, as HTML (the theme shows it unescaped in <title>, navigation and search), and
    the furniture it hides. JSON strings are YAML strings, so any title is quoted safely. The home
    page has none: the theme then calls it by the site's name alone ("Home - ..." says nothing)."""
    hide = "hide:\n" + "".join(f"  - {json.dumps(h)}\n" for h in decl.hide) if decl.hide else ""
    heading = "" if home else f"title: {json.dumps(theme_text(title))}\n"
    boost = f"search:\n  boost: {decl.search_boost}\n" if decl.search_boost else ""
    return f"---\n{heading}{hide}{boost}---\n" if heading or hide or boost else ""


def _make_download(lib: Library, d: DownloadDecl) -> list[Download]:
    """One download: an export's file at its path, or a bundle's files in its path as a folder."""
    if d.export in BUNDLES:
        return [Download(f"{d.path.rstrip('/')}/{rel}", data) for rel, data in sorted(BUNDLES[d.export](lib).items())]
    return [Download(d.path, EXPORTS[d.export](lib))]


def render_site(
    lib: Library, boundaries: Path | None = None, project_templates: Path | None = None, downloads_too: bool = True
) -> tuple[Rendered | None, list[Problem]]:
    """Every page in site.yaml's order, the navigation and the downloads (unless not ``downloads_too``:
    the check renders the pages only); or the problems that stop it."""
    routes = Routes.plan(lib.site, lib.elements, lib.title_of)
    env = make_environment(project_templates)
    page_cite = env.from_string('{% from "_macros.md.j2" import cite_block with context %}\n{{ cite_block(key) }}')
    problems: list[Problem] = []
    pages: list[Page] = []
    downloads: list[Download] = []
    index = {p.id: i for i, p in enumerate(lib.site.pages)}

    def problem(decl: PageDecl, at: tuple[str | int, ...], message: str) -> Problem:
        return lib.site_doc.problem(("pages", index[decl.id], *at), message)

    # The downloads are made on a second thread while this one renders the pages (typesetting a PDF
    # leaves Python free); a page that lists them with their sizes waits for them.
    pool = ThreadPoolExecutor(max_workers=1)
    made = []
    for decl in routes.pages:
        for j, d in enumerate(decl.downloads):
            if d.export in EXPORTS or d.export in BUNDLES:
                if downloads_too:
                    made.append((decl, j, d, pool.submit(_make_download, lib, d)))
            else:
                known = ", ".join(sorted([*EXPORTS, *BUNDLES]))
                problems.append(problem(decl, ("downloads", j, "export"), f"unknown export '{d.export}' (known: {known})"))
    problems += [problem(decl, at, message) for decl in lib.site.pages for at, message in facet_problems(lib, decl)]
    refs = make_references(lib, routes)

    collected: list[bool] = []

    def all_downloads() -> list[Download]:
        if not collected:
            collected.append(True)
            for decl, j, d, future in made:
                try:
                    downloads.extend(future.result())
                except Exception as exc:  # a document that cannot be made is reported, never a traceback
                    problems.append(problem(decl, ("downloads", j, "export"), f"the export '{d.export}' failed: {type(exc).__name__}: {exc}"))
            downloads.extend(cite_downloads(refs) if downloads_too else [])
        return downloads

    helpers = _Helpers(lib, routes, backlinks(lib), boundaries, refs)
    helpers.all_downloads = all_downloads
    languages: dict[str, str] = {}
    places = Places(project_templates)
    for decl in routes.pages:
        language = decl.language or lib.site.language
        words = lib.site.words(language)
        for key in PAGE_FURNITURE:  # every page says these, the hand-written too (see SiteBuild)
            words(key)
        if decl.template is None:
            if language != lib.site.language:
                languages[decl.path] = language
            continue
        try:
            template = env.get_template(decl.template)
        except TemplateNotFound:
            problems.append(problem(decl, ("template",), f"no template '{decl.template}' in templates/ or the package"))
            continue
        except (TemplateSyntaxError, TemplateRefused) as exc:  # at its own line, not as a traceback
            problems.append(template_problem(exc, places, decl.path) or problem(decl, ("template",), f"{decl.template}: {exc}"))
            continue
        primary = about(decl)
        intro = lib.intros.get(primary) if primary else None
        elements = lib.elements.get(primary, []) if primary else []
        common = {
            "this": decl,
            "intro": intro or decl.intro,
            "elements": elements,
            "facets": make_facets(lib, decl.facets, elements),
            "downloads": decl.downloads,
        }
        # What to render: one page; one per element; or, for a list past its split_above, an index
        # and a page per initial letter (or per part of a letter), each with the A-Z bar.
        letters = split_letters(decl, lib.elements, lib.title_of).get(primary or "", [])
        targets: list[tuple[str, str, Element | None, LetterPage | None]] = (
            [(routes.element_page(el), lib.title_of(el), el, None) for el in elements]
            if decl.shows
            else [(decl.path, decl.title or "", None, None)]
            + [(letter_page(decl, lp.letter, lp.part), _letter_title(decl, lp, words("part_of")), None, lp) for lp in letters]
        )
        counts = Counter(lp.letter for lp in letters for _ in lp.elements)
        for n, (path, title, el, lp) in enumerate(targets):
            last = el is None or n + 1 >= len(elements)
            around = {"prev": elements[n - 1] if el is not None and n > 0 else None, "next": None if last else elements[n + 1]}
            az = [(x.letter, Markup(href(path, letter_page(decl, x.letter))), counts[x.letter]) for x in letters if x.part == 1]
            subset = lp.elements if lp is not None else [] if letters and el is None else None
            extra: dict[str, Any] = {"az": None, "split": False, "letter": None, "parts": [], "part": None}
            if subset is not None:
                parts = [(k, Markup(href(path, letter_page(decl, lp.letter, k)))) for k in range(1, lp.parts + 1)] if lp and lp.parts > 1 else []
                extra = {"elements": subset, "az": az, "split": True, "letter": lp and lp.letter, "parts": parts, "part": lp and lp.part}
            if subset is not None and decl.facets:  # a letter's page filters its own elements
                extra["facets"] = make_facets(lib, decl.facets, subset)
            try:
                body = template.render(title=title, el=el, **around, **{**common, **extra}, **helpers.context(path, language))
            except Exception as exc:  # a template's mistake, reported at the template's line like a content error
                failed = f"{decl.template} failed on {path}: {type(exc).__name__}: {exc}"
                problems.append(template_problem(exc, places, path) or problem(decl, ("template",), failed))
                break
            if el is None and lp is None and (key := f"page-{decl.id}") in refs:
                body += "\n" + page_cite.render(key=key, **{**common, **extra}, **helpers.context(path, language))
            if language != lib.site.language:
                body = _in_language(body, language)
                languages[path] = language
            front = _front_matter(decl, title, decl is routes.pages[0])
            pages.append(Page(path, title, front + body, decl.in_nav and path == (decl.path if not decl.shows else path), dict(helpers.late)))
    all_downloads()
    pool.shutdown()
    if problems:
        return None, problems
    return Rendered(pages, build_nav(lib, routes), downloads, routes, refs, languages), []


def _letter_title(decl: PageDecl, lp: LetterPage, part_of: str) -> str:
    """"Glossary: L", or "Glossary: L (2 of 3)" for a letter in parts."""
    if lp.parts == 1:
        return f"{decl.title}: {lp.letter}"
    return f"{decl.title}: {lp.letter} ({part_of.replace('{part}', str(lp.part)).replace('{parts}', str(lp.parts))})"


CITE_DIR = "cite"


def cite_name(key: str) -> str:
    return key.lower()


def cite_key(el: Element) -> str:
    """An element's citation key: its collection and ID (a glossary term and an agency may share an ID)."""
    return f"{el.collection}-{el.id}"


def make_references(lib: Library, routes: Routes) -> dict[str, Reference]:
    """A reference for every element with an ID (sources are other people's works) and every page."""
    address = lib.site.address
    targets: list[tuple[str, str, str | None]] = []
    # Each reference is in the language of the page it cites (an element's: the page it lives on).
    languages: dict[str, str] = {}
    home = {name: decl for decl in routes.pages for name in [*decl.lists, *([decl.shows] if decl.shows else [])]}
    for name, els in lib.elements.items():
        if not lib.collections[name].model.citable:
            continue
        for el in els:
            url = None
            if address:
                anchor = routes.element_anchor(el)
                url = address + routes.element_page(el).removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
            targets.append((cite_key(el), element_title(lib, el), url))
            if name in home and home[name].language:
                languages[cite_key(el)] = str(home[name].language)
    for decl in routes.pages:
        if decl.title and not decl.shows:
            targets.append((f"page-{decl.id}", decl.title, address + decl.path.removesuffix(".md") + ".html" if address else None))
            if decl.language:
                languages[f"page-{decl.id}"] = decl.language
    return references(lib, targets, languages)


def cite_downloads(refs: dict[str, Reference]) -> list[Download]:
    """The whole edition's citation files. An element's own are made in the browser (see files_html)."""
    return [Download(f"{CITE_DIR}/{name}", data) for name, data in edition_files(refs).items()]


def _in_language(body: str, language: str) -> str:
    """A page in another language than the site's: its text is marked so (WCAG 3.1.2)."""
    return f'<div lang="{escape(language)}" markdown>\n\n{body}\n\n</div>\n'


def build_nav(lib: Library, routes: Routes) -> list[NavItem]:
    """The navigation: pages in site.yaml's order, grouped into sections where they name one, and
    within a section into a folded group where they name one."""
    top: list[NavItem | str] = []  # a str is the place of a section
    sections: dict[str, list[NavItem | str]] = {}  # a str is the place of a group
    groups: dict[str, list[NavItem]] = {}
    for decl in routes.pages:
        if not decl.in_nav:
            continue
        # The theme shows navigation titles (and so page titles) as HTML: they are escaped here.
        if decl.shows:
            entries = [NavItem(theme_text(lib.title_of(el)), routes.element_page(el)) for el in lib.elements.get(decl.shows, [])]
            items = [NavItem(theme_text(decl.nav), children=tuple(entries))] if decl.nav else entries
        else:
            items = [NavItem(theme_text(decl.nav or decl.title or decl.id), decl.path)]
        place: list[NavItem | str] = top if decl.section is None else sections.setdefault(decl.section, [])
        if decl.section is not None and decl.section not in top:
            top.append(decl.section)
        if decl.group is None:
            place.extend(items)
            continue
        if decl.group not in groups:
            groups[decl.group] = []
            place.append(decl.group)
        groups[decl.group].extend(items)

    def resolve(item: NavItem | str) -> NavItem:
        if isinstance(item, NavItem):
            return item
        kids: list[NavItem | str] = [*sections[item]] if item in sections else [*groups[item]]
        return NavItem(theme_text(item), children=tuple(resolve(c) for c in kids))

    return [resolve(item) for item in top]
