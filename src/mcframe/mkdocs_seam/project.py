"""A project folder as MkDocs sees it: its own ``mkdocs.yml``, or the engine's default as if it lay
there, with the ``mcframe`` plugin's options given on the command line (``--drafts``,
``--all-warnings``) set in its plugin config. No option travels in the environment."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

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
