"""Content errors in a form MkDocs reports and stops on."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..problems import ContentError


class ContentErrorForMkDocs(ContentError, PluginError):
    """Content errors, in a form MkDocs reports and stops on."""
