"""The MkDocs seam: forwards MkDocs' events to :class:`~mcframe.sitebuild.SiteBuild`, which knows nothing of MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..sitebuild import CSS, SHIM_URI, SiteBuild
from .errors import ContentErrorForMkDocs
from .options import McframeConfig
from .theme_files import drop_unused_theme_files, set_theme

content_log = logging.getLogger("mcframe.content")  # outside "mkdocs": strict builds show warnings, not fail


class McframePlugin(BasePlugin[McframeConfig]):
    site: SiteBuild

    @event_priority(100)  # before Material's offline plugin, which adds a CDN shim if none is listed
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options = {k: v for k, v in self.config.items() if k != "project"} | {"markdown_extensions": config.markdown_extensions}
        project = Path(self.config.project or Path(config.config_file_path).parent).resolve()
        site = self.site = SiteBuild.open(project, Path(config.docs_dir), content_log.warning, ContentErrorForMkDocs, **options)
        config.update(site.settings())
        set_theme(config, site)
        config.nav = [item.as_tree() for item in site.nav] + list(config.nav or [])
        if SHIM_URI not in config.extra.setdefault("polyfills", []):
            config.extra["polyfills"].insert(0, SHIM_URI)
        config.markdown_extensions.extend(site.extensions)
        config.extra_css.extend(CSS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for f in self.site.files(lambda path: files.get_file_from_path(path) is not None):
            inclusion = InclusionLevel.UNDEFINED if f.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, f.path, content=f.content, abs_src_path=f.source and str(f.source), inclusion=inclusion))  # type: ignore[call-overload]
        return drop_unused_theme_files(files, config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        def url_of(path: str) -> str | None:
            f = files.get_file_from_path(path)
            return None if f is None or f.src_uri == page.file.src_uri else get_relative_url(f.url, page.file.url)

        self.site.page_started(page.file.src_uri, page.meta.get("glossary", True) is not False, url_of)
        return self.site.resolve_refs(page.file.src_uri, markdown)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.site.report(self.site.unused_terms())  # every page is converted by now
        return env

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        pages = lambda: {p.file.src_uri: (str(p.title), p.url) for p in nav.pages}  # noqa: E731  (titles are final now)
        page.content = self.site.page_html(page.file.src_uri, page.content or "", pages, lambda url: get_relative_url(url, page.url))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        relative = lambda url: get_relative_url(url, page.url)  # noqa: E731
        return self.site.published(output, page.file.src_uri, str(page.meta.get("title") or page.title), relative)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.site.report(self.site.shell_problems(Path(config.site_dir)))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for folder in self.site.watched():
            server.watch(str(folder))
        return server
