"""A thin MkDocs plugin: load content once per build, add the generated pages as virtual files, put
them in the navigation, ship the offline assets, and watch content while serving.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .. import __version__
from ..library import Library, load_library
from ..problems import ContentError, errors
from ..render import NavItem, Page, render_site

log = logging.getLogger("mkdocs.plugins.mcframe")

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SHIM_URI = "assets/vendor/iframe-worker/shim.js"


class McframeConfig(Config):
    content_dir = opt.Type(str, default="content")
    node_modules = opt.Type(str, default="node_modules")


class McframePlugin(BasePlugin[McframeConfig]):
    library: Library | None = None
    pages: list[Page] = []

    @event_priority(100)  # before Material's offline plugin, which adds a CDN shim if none is listed
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).resolve().parent
        self.content_dir = project / self.config.content_dir
        self.shim = project / self.config.node_modules / "iframe-worker" / "shim" / "index.js"
        lib, problems = load_library(self.content_dir, shown_root=project)
        for p in problems:
            if p.severity == "warning":
                log.warning(str(p))
        if errors(problems):
            raise ContentErrorForMkDocs(problems)
        self.library = lib
        self.pages, nav = render_site(lib, __version__)
        # Hand-written pages in docs/ keep their place after the generated ones.
        config.nav = [_nav_entry(item) for item in nav] + list(config.nav or [])
        # Material's offline plugin would add the shim from a CDN unless one is listed already.
        config.extra.setdefault("polyfills", [])
        if SHIM_URI not in config.extra["polyfills"]:
            config.extra["polyfills"].insert(0, SHIM_URI)
        config.extra["mcframe_version"] = __version__
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} clashes with a generated page; rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        if not self.shim.is_file():
            raise PluginError(f"{self.shim} is missing: run scripts/build, which installs front-end assets with npm ci")
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(self.shim)))
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
