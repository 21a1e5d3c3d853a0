"""The ``mcframe`` plugin's options in mkdocs.yml; ``mcframe build``, ``check`` and ``serve`` set
``project``, ``drafts`` and ``all_warnings`` from their command line (see project.py)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class McframeConfig(Config):
    content_dir = opt.Type(str, default="content")
    node_modules = opt.Type(str, default="node_modules")
    glossary_links = opt.Choice(("page", "section", "all", "off"), default="page")  # which mentions link
    trusted_pages = opt.ListOfItems(opt.Type(str), default=[])  # hand-written pages that may carry script
    project = opt.Optional(opt.Type(str))  # the project folder; default: mkdocs.yml's
    drafts = opt.Type(bool, default=False)  # an editors' build: drafts shown (scripts/build --drafts, scripts/serve)
    all_warnings = opt.Type(bool, default=False)  # every warning listed (--all-warnings)
