"""The one place MkDocs meets mcframe. Everything else in the package is free of MkDocs, so a move to
another static-site engine (Material's successor, Zensical) touches only this folder.

The seam runs on MkDocs 1.x or on ProperDocs, the community continuation of MkDocs 1.x that keeps its
plugin API. ProperDocs installs the module ``properdocs``, not ``mkdocs``: its ``properdocs`` command
serves ``mkdocs.*`` imports (ours and the theme's) from it by an alias, ``properdocs.replacement``, and
hangs the ``mkdocs`` logger (which the theme logs to) under its own. ``scripts/build`` calls the engine
from Python, not through that command, so this is done here when MkDocs itself is not installed,
before any module of the seam imports ``mkdocs``.
"""

import importlib
import importlib.util
import logging

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    importlib.import_module("properdocs.replacement")
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")

# The engine's own name, "mkdocs" or "properdocs": its log records (the error that stops a build,
# strict mode's count of warnings) are under the logger of that name.
ENGINE: str = importlib.import_module("mkdocs").__name__
