"""A thin MkDocs plugin: load content once per build, add the generated pages as virtual files, put
them in the navigation, ship the offline assets, and watch content while serving.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_relative_url

from .. import __version__
from ..glossary.build import make_linker
from ..glossary.linker import GlossaryExtension, strip_term_links
from ..glossary.used_on import fill_used_on
from ..library import Library, load_library
from ..problems import ContentError, errors
from ..render import NavItem, Page, render_site

log = logging.getLogger("mkdocs.plugins.mcframe")
# Content warnings go to a logger outside "mkdocs", so that strict builds report them without failing.
content_log = logging.getLogger("mcframe.content")

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SHIM_URI = "assets/vendor/iframe-worker/shim.js"


SEARCH_MARKERS = re.compile(r'\s?data-search-\w+="[^"]+"')
ASSETS = ("assets/mcframe/glossary.js", "assets/mcframe/mcframe.css", "assets/mcframe/filters.js")


class McframeConfig(Config):
    content_dir = opt.Type(str, default="content")
    node_modules = opt.Type(str, default="node_modules")
    # Which occurrences of a glossary term link to it: the first in each section, the first on the
    # page, all of them, or none ("off").
    glossary_links = opt.Choice(("section", "page", "all", "off"), default="section")


class McframePlugin(BasePlugin[McframeConfig]):
    library: Library | None = None
    pages: list[Page] = []
    linked_content: str | None = None
    stripped_content: str | None = None

    @event_priority(100)  # before Material's offline plugin, which adds a CDN shim if none is listed
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).resolve().parent
        self.content_dir = project / self.config.content_dir
        self.shim = project / self.config.node_modules / "iframe-worker" / "shim" / "index.js"
        lib, problems = load_library(self.content_dir, shown_root=project)
        for p in problems:
            if p.severity == "warning":
                content_log.warning(str(p))
        if errors(problems):
            raise ContentErrorForMkDocs(problems)
        self.library = lib
        boundaries = project / self.config.node_modules / "world-atlas" / "countries-50m.json"
        self.pages, nav, self.downloads = render_site(lib, __version__, boundaries)
        # Hand-written pages in docs/ keep their place after the generated ones.
        config.nav = [_nav_entry(item) for item in nav] + list(config.nav or [])
        # Material's offline plugin would add the shim from a CDN unless one is listed already.
        config.extra.setdefault("polyfills", [])
        if SHIM_URI not in config.extra["polyfills"]:
            config.extra["polyfills"].insert(0, SHIM_URI)
        config.extra["mcframe_version"] = __version__
        links = self.config.glossary_links
        self.linker = make_linker(lib, links) if lib.terms and links != "off" else None
        # Runs after MkDocs' own link rewriting (priority 0) and is given final URLs, so MkDocs does not
        # resolve and validate thousands of term links again: site_audit checks them after the build.
        self.glossary = GlossaryExtension(self.linker, priority=-1)
        config.markdown_extensions.append(self.glossary)  # type: ignore[arg-type]
        config.extra_css.append(ASSETS[1])
        config.extra_javascript.extend([ASSETS[0], ASSETS[2]])  # type: ignore[list-item]
        self.pages_by_uri: dict[str, MkDocsPage] = {}
        return config

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # The linker runs inside the Markdown conversion that follows; tell it which page this is.
        self.glossary.page = page.file.src_uri
        self.glossary.enabled = page.meta.get("glossary", True) is not False
        if self.linker:
            glossary = files.get_file_from_path(self.linker.glossary_page)
            same = glossary is None or glossary.src_uri == page.file.src_uri
            self.glossary.glossary_href = "" if same else get_relative_url(glossary.url, page.file.url)
        self.pages_by_uri[page.file.src_uri] = page
        return markdown

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been converted by now, so usage is complete.
        if self.linker and self.library:
            for term in self.library.terms:
                if not self.linker.usage.get(term.id):
                    origin = self.library.origins[("term", term.id)]
                    content_log.warning(f"{origin.path}:{origin.line}:1: warning: term '{term.id}' is not used on any page")
        return env

    @event_priority(100)  # before the search plugin indexes the page
    def _on_page_context_early(self, context: Any, *, page: MkDocsPage, config: MkDocsConfig, nav: Any) -> Any:
        # The search index needs the text, not the term links: hide them from the indexer, whose
        # HTML parsing would otherwise cost more than the linking itself; they come back below.
        if self.linker and page.content:
            self.linked_content = page.content
            page.content = self.stripped_content = strip_term_links(page.content)
        return context

    @event_priority(-100)  # after the search plugin
    def _on_page_context_late(self, context: Any, *, page: MkDocsPage, config: MkDocsConfig, nav: Any) -> Any:
        if self.linked_content is not None:
            if page.content != self.stripped_content:
                # Material's search plugin strips its data-search-* markers after indexing: do the same.
                self.linked_content = SEARCH_MARKERS.sub("", self.linked_content)
            page.content, self.linked_content = self.linked_content, None
        # "Used on" lists are filled in last, once every page is converted; the search index, which
        # has the pages themselves, does not need them.
        if self.linker and page.file.src_uri == self.linker.glossary_page and page.content:
            page.content = fill_used_on(page.content, lambda term: self._used_on(term, page))
        return context

    on_page_context = CombinedEvent(_on_page_context_early, _on_page_context_late)

    def _used_on(self, term: str, glossary: MkDocsPage) -> list[tuple[str, str]]:
        assert self.linker is not None
        pages = [self.pages_by_uri[uri] for uri in self.linker.usage.get(term, ()) if uri in self.pages_by_uri]
        pages.sort(key=lambda p: (str(p.title).casefold(), p.file.src_uri))
        return [(str(p.title), get_relative_url(p.url, glossary.url)) for p in pages]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} clashes with a generated page; rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        if not self.shim.is_file():
            raise PluginError(f"{self.shim} is missing: run scripts/build, which installs front-end assets with npm ci")
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(self.shim)))
        for download in self.downloads:
            files.append(File.generated(config, download.path, content=download.content))
        for uri in ASSETS:
            files.append(File.generated(config, uri, abs_src_path=str(PACKAGE_DIR / uri.replace("assets/mcframe/", "assets/"))))
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        server.watch(str(PACKAGE_DIR / "templates"))
        return server


class ContentErrorForMkDocs(ContentError, PluginError):
    """Content errors, in a form MkDocs reports and stops on."""

    def __init__(self, problems: list[Any]) -> None:
        ContentError.__init__(self, problems)


def _nav_entry(item: NavItem) -> Any:
    if item.children:
        return {item.title: [_nav_entry(child) for child in item.children]}
    return {item.title: item.path}
