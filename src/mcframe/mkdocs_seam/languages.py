"""The languages the theme ships: Material's ``partials/languages/<language>.html``, in each of the
theme's folders (a project's ``custom_dir`` may add one); without MkDocs' configuration (``mcframe
check``), the installed Material package's. Imports nothing of MkDocs, so checking stays light."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path


def theme_languages(theme_dirs: Iterable[str] | None = None) -> list[str]:
    if theme_dirs is None:
        spec = importlib.util.find_spec("material")
        if spec is None or spec.origin is None:
            return []
        theme_dirs = [str(Path(spec.origin).parent / "templates")]
    found = {p.stem for folder in theme_dirs for p in (Path(folder) / "partials" / "languages").glob("*.html")}
    return sorted(found, key=str.lower)
