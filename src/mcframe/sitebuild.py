"""One build of a site, as the publisher sees it: content loaded and validated, pages rendered, the
glossary linker set up, the files to add, and what to do as each page is converted. Free of any site
generator: the MkDocs seam only forwards events here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from html import unescape
from pathlib import Path
from typing import Any

from markupsafe import escape

from . import identity, pagescripts
from .citing import files_html
from .doclinks import link_problems
from .editions import check_changes
from .glossary.build import make_linker
from .glossary.linker import GlossaryExtension, GlossaryLinker
from .glossary.used_on import fill_used_on
from .inside import docs_problems
from .kinds.term import Term
from .language import ENGINE_LABELS, ENGLISH, SCRIPT_WORDS, Words, typeset
from .library import Library, load_library
from .mdext import PermalinkTitles, TableParts
from .problems import ContentError, Problem, report
from .render import Download, NavItem, Rendered, make_environment, render_site
from .routes import href, in_html
from .safety import file_risks, html_risks, place_of
from .site_audit import shell_fetches
from .templatecheck import Places, label_problems
from .text import squeeze_html, theme_text

PACKAGE_DIR = Path(__file__).resolve().parent
# The pinned front-end assets belong to the engine (its package-lock.json): a project without its own
# node_modules/ uses the checkout's that scripts/build installed.
ENGINE_NODE_MODULES = PACKAGE_DIR.parents[1] / "node_modules"
_REF = re.compile(r"\]\(ref:([a-z][a-z0-9_]*)/([A-Za-z0-9-]+)(?:#([A-Za-z0-9_-]+))?\)")  # see SiteBuild.resolve_refs
SHIM_URI = "assets/vendor/iframe-worker/shim.js"  # lets search run from file://
# The engine's styles, in cascade order: readability, accessibility fixes on top of the theme, print,
# then the glossary's term links and previews.
IDENTITY_CSS = "assets/mcframe/identity.css"  # generated from site.yaml's colours
CSS = (IDENTITY_CSS, "assets/mcframe/base.css", "assets/mcframe/a11y.css", "assets/mcframe/print.css", "assets/mcframe/glossary.css")
# Markdown extensions the templates write for: definition lists, attributes, Markdown inside HTML...
NEEDED_EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc")


@dataclass(frozen=True)
class SiteFile:
    """A file the build adds to the site: generated text or bytes, or a file copied from disk."""

    path: str
    content: str | bytes | None = None
    source: Path | None = None
    in_nav: bool = True  # a page reached from index pages, search and links, not from the navigation


@dataclass
class SiteBuild:
    lib: Library
    rendered: Rendered
    linker: GlossaryLinker | None
    glossary: GlossaryExtension
    node_modules: Path
    content_dir: Path
    docs_dir: Path
    marks: identity.Identity  # the logo and favicon
    trusted_pages: tuple[str, ...] = ()  # hand-written pages allowed to carry script (test fixtures)
    permalinks: PermalinkTitles = field(default_factory=PermalinkTitles)  # their title in each page's language
    all_warnings: bool = False  # list every warning, not the first few of each kind
    warn: Callable[[str], object] = print
    error: type[ContentError] = ContentError

    @classmethod
    def load(
        cls, project: Path, docs_dir: Path, *, content_dir: str = "content", node_modules: str = "node_modules",
        glossary_links: str = "page", markdown_extensions: list[Any] | None = None, trusted_pages: list[str] | None = None,
        drafts: bool = False, all_warnings: bool = False, lib: Library | None = None, assets: bool = True,
    ) -> tuple[SiteBuild | None, list[Problem]]:
        """Load, check and render. ``drafts``: an editors' build (scripts/build --drafts, scripts/serve)
        that shows draft elements, marked as drafts. ``lib``: content loaded already, for ``drafts``.
        ``assets``: the front-end assets must be installed (a check, which builds nothing, needs none)."""
        content = project / content_dir
        modules = project / node_modules
        if not modules.is_dir() and ENGINE_NODE_MODULES.is_dir():
            modules = ENGINE_NODE_MODULES
        problems: list[Problem] = []
        if lib is None:
            lib, problems = load_library(content, shown_root=project, drafts=drafts)
        if lib is None or any(p.severity == "error" for p in problems):
            return None, problems
        problems += check_changes(lib, content)
        marks, mark_problems = identity.identity_of(lib.site, lib.site_doc, content, project)
        problems += mark_problems
        atlas = modules / "world-atlas" / "countries-50m.json"
        # A check needs no front-end assets: without them, the map is not drawn.
        rendered, render_problems = render_site(lib, atlas if assets or atlas.is_file() else None, project / "templates")
        labels = label_problems(lib, make_environment(project / "templates"), Places(project / "templates"), [p.template for p in lib.site.pages if p.template])
        found = {(p.path, p.line) for p in labels}  # a label the template asks for, found before rendering too: once
        problems += labels + [p for p in render_problems if (p.path, p.line) not in found or not p.message.startswith("no label")]
        problems += _missing(project, docs_dir, modules, lib, markdown_extensions, assets)
        problems += published_file_problems(project, docs_dir)
        if rendered is None or any(p.severity == "error" for p in problems):
            return None, problems
        problems += download_problems(rendered.downloads, lib.site_doc.path)
        if any(p.severity == "error" for p in problems):
            return None, problems
        terms = next((c.name for c in lib.collections.values() if c.kind == "term"), None)  # the glossary, whatever the site calls it
        glossary_page = rendered.routes.list_page(terms) if terms else None
        linker = None
        if glossary_page and glossary_links != "off":
            routes = rendered.routes
            titled = {routes.element_page(el): lib.title_of(el) for c in lib.collections.values() if c.kind != "term" and routes.has_page(c.name)
                      for el in lib.elements.get(c.name, []) if routes.element_anchor(el) is None}
            linker = make_linker(lib, glossary_page, glossary_links, routes.element_page, titled)  # type: ignore[arg-type]
        # Runs after the generator's own link rewriting (priority 0) and is given final URLs, so thousands
        # of term links are not resolved and validated again: site_audit checks them after the build.
        glossary = GlossaryExtension(linker, priority=-1)
        assert marks is not None  # else an error, returned above
        site = cls(lib, rendered, linker, glossary, modules, content, docs_dir, marks, trusted_pages=tuple(trusted_pages or ()), all_warnings=all_warnings)
        return site, problems

    @classmethod
    def open(
        cls, project: Path, docs_dir: Path, warn: Callable[[str], object], error: type[ContentError] = ContentError, **options: Any
    ) -> SiteBuild:
        """:meth:`load`, with warnings passed to ``warn`` and errors raised as ``error``."""
        site, problems = cls.load(project, docs_dir, **options)
        report(problems, warn, error, everything=bool(options.get("all_warnings")))
        assert site is not None  # any reason for None is an error, raised above
        site.warn, site.error = warn, error
        return site

    def report(self, problems: list[Problem]) -> None:
        """Warnings to ``warn``; any error stops the build."""
        report(problems, self.warn, self.error, everything=self.all_warnings)

    def settings(self) -> dict[str, str]:
        """The site generator's settings that come from site.yaml. The theme puts them into pages as
        HTML, unescaped: no tag can form in them (see :func:`mcframe.text.theme_text`)."""
        s = self.lib.site
        footer = f"{s.publisher} · {s.label('edition')} {s.edition.number}, {s.edition.date.isoformat()} · {s.licence}"
        values = {"site_name": s.title, "site_description": s.description, "site_author": s.publisher, "copyright": footer}
        return {key: theme_text(value, attribute=True) for key, value in values.items()}

    def watched(self) -> list[Path]:
        """What a live preview should rebuild on: content, and the project's own templates."""
        folders = [self.content_dir, self.content_dir.parent / "templates", PACKAGE_DIR / "templates"]
        return [f for f in folders if f.is_dir()]

    @property
    def nav(self) -> list[NavItem]:
        return self.rendered.nav

    def language_of(self, path: str) -> str:
        """The language of the page at ``path``: its own, if its declaration gives one, else the site's."""
        return self.rendered.language_of(path, self.lib.site.language)

    def words(self, path: str) -> Words:
        """The labels of the page at ``path``, in its language."""
        return self.lib.site.words(self.language_of(path))

    def files(self, exists: Callable[[str], bool]) -> list[SiteFile]:
        """What the build adds to the site. ``exists`` tells whether the docs folder has a file already:
        a hand-written page may not take a generated one's place."""
        self.report(self.clashes(exists))
        out = [SiteFile(p.path, p.markdown, in_nav=p.in_nav) for p in self.rendered.pages]
        out += [SiteFile(d.path, d.content) for d in self.rendered.downloads]
        out.append(SiteFile(SHIM_URI, source=self.node_modules / "iframe-worker" / "shim" / "index.js"))
        out += [SiteFile(uri, source=PACKAGE_DIR / "assets" / Path(uri).name) for uri in (*CSS, *(s.uri for s in pagescripts.SCRIPTS)) if uri != IDENTITY_CSS]
        out.append(SiteFile(IDENTITY_CSS, identity.stylesheet(self.lib.site.colours, logo=self.marks.logo is not None)))
        out += [SiteFile(path, content) for path, content in self.marks.files]
        return out

    def clashes(self, exists: Callable[[str], bool]) -> list[Problem]:
        """Hand-written pages (``exists`` in the docs folder) at a generated page's path."""
        clashes = [p.path for p in self.rendered.pages if exists(p.path)]
        return [Problem(f"{self.docs_dir.name}/{c}", 1, 1, "clashes with a generated page; rename or remove it") for c in clashes]

    @property
    def extensions(self) -> list[Any]:
        """The Markdown extensions the site needs: the glossary linker, table parts as blocks, and the
        headings' permalinks titled in each page's language."""
        return [self.glossary, TableParts(), self.permalinks]

    def page_started(self, path: str, linking: bool, url_of: Callable[[str], str | None]) -> None:
        """Before ``path`` is converted: tell the linker which page it is and where the glossary is."""
        self.glossary.page = path
        self.glossary.enabled = linking
        self.permalinks.title = self.words(path)("permalink_title")
        if self.linker:
            self.glossary.url_of = url_of

    def resolve_refs(self, path: str, markdown: str) -> str:
        """A hand-written page links to an element or page by its collection (the site's name for it,
        or its kind where the site has one collection of that kind) and ID, wherever it lives:
        ``[the ECF](ref:sources/dfe-2019-ecf)``, ``[the glossary](ref:page/glossary)``. The link
        follows the element when its list is split by letter or its page moves."""
        out, problems = self.refs_resolved(path, markdown)
        self.report(problems)
        return out

    def refs_resolved(self, path: str, markdown: str) -> tuple[str, list[Problem]]:
        """:meth:`resolve_refs`, with the links that go nowhere as problems."""
        source = self.docs_dir / path
        hand_written = source.is_file()
        if "](ref:" not in markdown and not hand_written:
            return markdown, []
        routes, problems = self.rendered.routes, []
        text = source.read_text(encoding="utf-8") if hand_written else markdown

        def resolve(m: re.Match[str]) -> str:
            name, id = m.group(1), m.group(2)
            if name == "page" and routes.has(id):
                return f"]({href(path, routes.page(id), m.group(3))})"
            try:
                el = self.lib.get(name, id)
            except KeyError:
                what = self.lib.collection(name).decl.label if self.lib.has(name) else name.replace("_", " ")
                # A generated page's link comes from a Markdown field of content: named there.
                where = (f"{self.docs_dir.name}/{path}", *_place(text, m.group(0))) if hand_written else self._source_of(path, (m.group(0)[2:],))
                problems.append(Problem(*where, f"no {what} '{id}' to link to"))
                return m.group(0)
            return f"]({routes.element_href(path, el)})"

        out = _REF.sub(resolve, markdown)
        if hand_written:
            pages = [p for p in self._site_paths if p.endswith(".md")] + [f.relative_to(self.docs_dir).as_posix() for f in self.docs_dir.rglob("*.md")]
            problems += link_problems(path, text, f"{self.docs_dir.name}/{path}", self._exists, pages)
        return out, problems

    @cached_property
    def _site_paths(self) -> frozenset[str]:
        """What the build writes into the site besides the docs folder's files: pages, downloads, the engine's files."""
        written = [*(p.path for p in self.rendered.pages), *(d.path for d in self.rendered.downloads), SHIM_URI, *CSS]
        return frozenset([*written, *(s.uri for s in pagescripts.SCRIPTS), *(path for path, _ in self.marks.files)])

    def _exists(self, uri: str) -> bool:
        return uri in self._site_paths or (not uri.startswith("../") and (self.docs_dir / uri).is_file())

    def page_html(
        self, path: str, html: str, pages: Callable[[], dict[str, tuple[str, str]]], relative: Callable[[str], str]
    ) -> str:
        """The final HTML of a page: the glossary's "Used on" lists are filled in once every page is
        converted. ``pages`` gives every page's (title, URL) by source path; ``relative`` turns a site
        URL into a link from this page. A page whose content could run script stops the build."""
        html = self.put_late(path, html)
        self.report(self.risks(path, html))
        if not self.linker or path not in self.linker.glossary_pages:
            return html
        usage, titles = self.linker.usage, pages()

        def links(term: str) -> list[tuple[str, str]]:
            found = sorted((titles[p] for p in usage.get(term, ()) if p in titles), key=lambda t: (t[0].casefold(), t[1]))
            return [(unescape(title), relative(url)) for title, url in found]  # titles arrive as HTML

        words = self.words(path)
        return fill_used_on(html, links, words("used_on"), words("used_on_none"))

    def risks(self, path: str, html: str) -> list[Problem]:
        """What in a page's converted HTML could run as script or fetch from outside the site (hand-written
        pages the project trusts aside), each placed in the file it came from: the hand-written page,
        or the content file (or project template) that has its text."""
        if any(fnmatch(path, pattern) for pattern in self.trusted_pages) or not (risks := html_risks(html)):
            return []
        generated = any(p.path == path for p in self.rendered.pages)
        out = []
        for risk in risks:
            where = (
                self._source_of(path, risk.needles)
                if generated
                else (f"{self.docs_dir.name}/{path}", *(place_of(self._docs_text(path), risk.needles) or (1, 1)))
            )
            out.append(Problem(*where, f"the page may not {'load anything from outside the site' if risk.fetch else 'carry script'}: it has {risk.what}"))
        return out

    def _docs_text(self, path: str) -> str:
        source = self.docs_dir / path
        return source.read_text(encoding="utf-8", errors="replace") if source.is_file() else ""

    def _source_of(self, page: str, needles: tuple[str, ...]) -> tuple[str, int, int]:
        """Where a generated page's text comes from: the first content file, else project template, that has it."""
        project = self.content_dir.parent
        files = sorted({self.lib.site_doc.path, *(o.path for o in self.lib.origins.values())})
        templates = project / "templates"
        if templates.is_dir():
            files += sorted(p.relative_to(project).as_posix() for p in templates.rglob("*") if p.is_file() and not p.is_symlink())
        for shown in files:
            found = place_of((project / shown).read_text(encoding="utf-8", errors="replace"), needles)
            if found:
                return (shown, *found)
        return page, 1, 1

    def shell_problems(self, site_dir: Path) -> list[Problem]:
        """Once the site is written: anything the theme's frame, stylesheets or scripts would fetch from
        outside the site (set up in mkdocs.yml: ``extra_css``, ``extra_javascript``, theme options)."""
        config = self.content_dir.parent / "mkdocs.yml"
        text = config.read_text(encoding="utf-8", errors="replace") if config.is_file() else ""
        return [
            Problem(
                "mkdocs.yml", *(place_of(text, (f.what.removeprefix("fetches "),)) or (1, 1)), f"the site may not load anything from outside: {f.file} {f.what}"
            )
            for f in shell_fetches(site_dir)
        ]

    def published(self, html: str, path: str, title: str, relative: Callable[[str], str]) -> str:
        """The page as published: with the metadata reference managers and search engines read
        (Highwire-style citation tags, Dublin Core and schema.org JSON-LD) in its <head>, its text set
        in its language's typography, the engine's scripts it has work for (``relative`` turns a site
        path into a link from the page), and the indentation before its tags squeezed out."""
        s = self.lib.site
        title = s.title if path == self.rendered.routes.pages[0].path else unescape(title)  # the home page is the site
        language, words = self.language_of(path), self.words(path)
        date = s.edition.date
        url = s.address + path.removesuffix(".md") + ".html" if s.address else None
        tags = {
            "citation_title": title, "citation_author": s.publisher, "citation_publication_date": date.strftime("%Y/%m/%d"),
            "citation_publisher": s.publisher, "citation_inbook_title": s.title, "DC.title": title, "DC.creator": s.publisher,
            "DC.date": date.isoformat(), "DC.publisher": s.publisher, "DC.rights": s.licence, "DC.language": language,
        }
        if url:
            tags["citation_public_url"] = url
        # What the page's scripts say (cite.js, glossary.js), where it is not their own English.
        said = {key: words(key) for key in SCRIPT_WORDS}
        if any(text != ENGINE_LABELS[ENGLISH][key] for key, text in said.items()):
            tags["mcf-words"] = json.dumps(said, ensure_ascii=False, sort_keys=True)
        meta = "".join(f'<meta name="{k}" content="{escape(v)}">' for k, v in tags.items())
        is_glossary = self.linker is not None and path in self.linker.glossary_pages
        data: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "DefinedTermSet" if is_glossary else "CreativeWork", "name": title,
            "author": {"@type": "Organization", "name": s.publisher}, "publisher": {"@type": "Organization", "name": s.publisher},
            "datePublished": date.isoformat(), "version": s.edition.number, "license": s.licence, "inLanguage": language,
            "isPartOf": {"@type": "CreativeWork", "name": s.title},
        }
        if url:
            data["url"] = url
        # In JSON-LD no "<" or ">" is written as such (JSON's \u escapes), so no tag can form in it.
        ld = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
        html = html.replace("</head>", f'{meta}<script type="application/ld+json">{ld}</script></head>', 1)
        # On paper, every printed sheet says what it is, where it lives and which edition (page margin boxes).
        where = url or f"{s.title}: {path.removesuffix('.md')}"
        line = f"{title} · {where} · {words('print_edition')} {s.edition.number}"
        css = "@page { @top-center { content: " + _css_string(line) + "; font-size: 8pt; color: #444; } }"
        html = html.replace("</head>", f"<style>{css}</style></head>", 1)
        # The theme says its language (en for en-GB, or that of the theme's nearest): the page says its own.
        html = re.sub(r'<html lang="[^"]*"', f'<html lang="{escape(language)}"', html, count=1)
        return squeeze_html(pagescripts.with_scripts(typeset(self._cite_hand_written(html, path), language), relative))

    def put_late(self, path: str, html: str) -> str:
        """The page's late blocks in place of their markers (see :class:`~mcframe.render.Page`)."""
        late = self.rendered.late.get(path)
        if not late:
            return html
        return re.sub(r"<!--mcf-late-\d+-->", lambda m: late.get(m.group(0), m.group(0)), html)

    def _cite_hand_written(self, html: str, path: str) -> str:
        """Hand-written pages get their "Cite this" here, as generated pages get it from their template."""
        ref = self.rendered.refs.get(next((f"page-{p.id}" for p in self.rendered.routes.pages if p.path == path and p.template is None), ""))
        if ref is None:
            return html
        label = self.words(path)
        routes = self.rendered.routes
        edition = in_html(href(path, routes.page("downloads"), "citations")) if routes.has("downloads") else None
        block = (
            f'<details class="mcf-cite mcf-nolink" data-search-exclude="true"><summary>{escape(label("cite_this"))}</summary>'
            f'<p class="mcf-cite__style"><strong>APA</strong> <span class="mcf-cite__text">{escape(ref.apa)}</span></p>'
            f'<p class="mcf-cite__style"><strong>Harvard</strong> <span class="mcf-cite__text">{escape(ref.harvard)}</span></p>'
            f'{files_html(ref, label("cite_download"), edition, label("cite_edition_files"))}</details>'
        )
        return html.replace("</article>", block + "</article>", 1)

    def unused_terms(self) -> list[Problem]:
        """Once every page is converted: terms no page uses."""
        if not self.linker:
            return []
        out = []
        for term in self.lib.all(Term):
            if not self.linker.usage.get(term.id):
                origin = self.lib.origins[term.key]
                out.append(Problem(origin.path, origin.line, 1, f"term '{term.id}' is not used on any page", "warning"))
        return out


def _place(text: str, found: str) -> tuple[int, int]:
    """Line and column of ``found`` (a link, from its "](") in ``text``, at its "ref:"."""
    at = text.find(found)
    if at < 0:
        return 1, 1
    return text.count("\n", 0, at) + 1, at + 2 - text.rfind("\n", 0, at)


def _css_string(text: str) -> str:
    """Text as a CSS string: quotes, backslashes and line ends escaped, nothing else can break out."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\\n\r<>' else c for c in text) + '"'


def published_file_problems(project: Path, docs_dir: Path) -> list[Problem]:
    """What in the files ``docs/`` publishes as they are (stylesheets, images, pages of HTML) could run
    script or fetch from outside the site. Markdown pages are checked once converted (see
    :meth:`SiteBuild.risks`); hidden files and a ``templates/`` folder are skipped, as MkDocs skips them."""
    problems: list[Problem] = []
    if not docs_dir.is_dir():
        return problems
    for folder, dirs, names in os.walk(docs_dir):  # symbolic links are not followed (and are refused elsewhere)
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here == docs_dir and d == "templates"))
        for name in sorted(names):
            file = here / name
            if name.startswith(".") or file.suffix.lower() == ".md" or file.is_symlink() or not file.is_file():
                continue
            shown = _rel(file, project)
            problems += [Problem(shown, line, col, f"may not be published: it has {what}") for line, col, what in file_risks(name, file.read_bytes())]
    return problems


def download_problems(downloads: list[Download], site_file: str) -> list[Problem]:
    """The same pass over the files the build makes for download (drawings, data, citations): their
    text is escaped as they are made, so anything found here is the engine's fault, not content's."""
    problems = []
    for d in downloads:
        for _, _, what in file_risks(d.path, d.content):
            problems.append(Problem(site_file, 1, 1, f"the download {d.path} may not be published: it has {what} (please report this)"))
    return problems


def _missing(project: Path, docs_dir: Path, modules: Path, lib: Library, extensions: list[Any] | None, assets: bool = True) -> list[Problem]:
    """What the build needs from outside content: hand-written pages, npm assets, Markdown extensions."""
    problems = docs_problems(docs_dir, docs_dir.name)  # no link, pipe or unreadable file in docs/ (mcframe.inside)
    site_doc = lib.site_doc
    for i, page in enumerate(lib.site.pages):
        if page.template is None and not (docs_dir / page.path).is_file():
            problems.append(site_doc.problem(("pages", i, "path"), f"hand-written page {page.path} is not in {docs_dir.name}/"))
    shim = modules / "iframe-worker" / "shim" / "index.js"
    if assets and not shim.is_file():
        problems.append(Problem(_rel(shim, project), 1, 1, "front-end asset missing: run scripts/build, which installs them with npm ci"))
    if extensions is not None:
        have = {e.split(".")[-1] if isinstance(e, str) else "" for e in extensions}
        lacking = [e for e in NEEDED_EXTENSIONS if e not in have]
        if lacking:
            problems.append(Problem("mkdocs.yml", 1, 1, f"markdown_extensions must include {', '.join(lacking)}: the page templates use them"))
    return problems


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
