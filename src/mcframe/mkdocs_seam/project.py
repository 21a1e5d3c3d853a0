"""A project folder as MkDocs sees it: its own ``mkdocs.yml``, or the engine's default as if it lay
there, with the ``mcframe`` plugin's options given on the command line (``--drafts``,
``--all-warnings``) set in its plugin config. No option travels in the environment."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from ..problems import Problem
from ..sitebuild import NEEDED_EXTENSIONS

DEFAULT_CONFIG = Path(__file__).with_name("mkdocs.yml")  # the engine's default: see README, "Another framework"
PLUGIN = "mcframe"


def config_args(project: Path, **options: Any) -> dict[str, Any]:
    """Arguments for MkDocs' ``load_config`` (and ``serve``) that build ``project`` with ``options``
    for the mcframe plugin. A project without a ``mkdocs.yml`` of its own is built with the engine's,
    its ``docs/`` beside its ``content/``."""
    own = project / "mkdocs.yml"
    file = own if own.is_file() else DEFAULT_CONFIG
    with file.open("rb") as fd:
        raw = yaml_load(fd)
    args: dict[str, Any] = {"config_file": str(file), "plugins": with_options(raw.get("plugins"), {**options, "project": str(project)})}
    if file == DEFAULT_CONFIG:
        args["docs_dir"] = str(project / "docs")
    return args


def with_options(plugins: Any, options: dict[str, Any]) -> Any:
    """The ``plugins`` setting (a list of names and ``{name: config}``, or a mapping) with ``options``
    added to the mcframe plugin's config; the plugin is added when it is not listed."""
    if isinstance(plugins, dict):
        return {**plugins, PLUGIN: {**(plugins.get(PLUGIN) or {}), **options}}
    out, found = [], False
    for item in plugins or []:
        if item == PLUGIN or (isinstance(item, dict) and PLUGIN in item):
            found = True
            item = {PLUGIN: {**((item[PLUGIN] or {}) if isinstance(item, dict) else {}), **options}}
        out.append(item)
    return out if found else [*out, {PLUGIN: options}]


def serve(project: Path, *, drafts: bool = True, all_warnings: bool = False, dev_addr: str | None = None) -> int:
    """``scripts/serve``: a live preview that rebuilds on changes; an editors' build by default."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .publish import _show_mkdocs_warnings

    _show_mkdocs_warnings(logging.INFO)  # "Serving on http://…" and each rebuild
    mkdocs_serve(livereload=True, dev_addr=dev_addr, **config_args(project, drafts=drafts, all_warnings=all_warnings))
    return 0


class MkDocsPages:
    """A page as MkDocs reads it (front matter off) and converts it (the project's Markdown extensions)."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any]) -> None:
        self.markdown = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def body(self, source: str) -> str:
        return get_data(source)[0]

    def html(self, text: str) -> str:
        return self.markdown.reset().convert(text)


def check_settings(project: Path) -> tuple[Path, dict[str, Any], MkDocsPages, list[Problem]]:
    """What ``mcframe check`` needs of the MkDocs settings: the docs folder, the mcframe plugin's
    options, and pages read as the build reads them. Settings that cannot be read are a problem
    (the build stops on them too), and the content is checked with the engine's defaults."""
    said: list[str] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(**config_args(project))
    except (MkDocsException, Abort) as exc:
        found = Problem("mkdocs.yml", 1, 1, f"the MkDocs settings cannot be read: {'; '.join(said) or exc}")
        return project / "docs", {}, MkDocsPages(list(NEEDED_EXTENSIONS), {}), [found]
    finally:
        logger.removeHandler(handler)
    plugin = config.plugins.get(PLUGIN)
    options = {k: v for k, v in (plugin.config.items() if plugin else ()) if k not in ("project", "drafts", "all_warnings")}
    options["markdown_extensions"] = config.markdown_extensions
    return Path(config.docs_dir), options, MkDocsPages(list(config.markdown_extensions), dict(config.mdx_configs)), []
