"""Theme files no reader's browser ever asks for, left out of ``site/`` and so of the offline zip; and
the theme's settings that come from site.yaml (language, logo, favicon, the logo's alt text).

Material ships source maps of its scripts and styles (for debugging the theme itself), a default
favicon, and lunr's stemmers and word splitters for thirty languages. Its search worker loads only
those of the languages search is set to (``search.lang``): for each language ``xx`` other than
English, ``lunr/min/lunr.xx.min.js`` and the stemmer support; for Japanese ``tinyseg.js``; for Hindi
and Thai ``wordcut.js``; for more than one language ``lunr.multi``. At 1x these files were a third
of the zip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..sitebuild import SiteBuild

OVERRIDES = Path(__file__).with_name("overrides")  # the theme's logo partial, which says site.yaml's alt text

DEFAULT_FAVICON = "assets/images/favicon.png"
_MAP = re.compile(r"assets/(?:javascripts|stylesheets)/.+\.map$")
_LUNR = re.compile(r"assets/javascripts/lunr/(?:min/lunr\.(?P<lang>[a-z.]+)\.min\.js|(?P<splitter>tinyseg|wordcut)\.js)$")


def lunr_files_needed(langs: Sequence[str]) -> set[str]:
    """The names (``de``, ``stemmer.support``, ``wordcut``…) Material's search worker loads for ``langs``."""
    names: set[str] = set()
    for lang in langs:
        if lang == "ja":
            names.add("tinyseg")
        if lang in ("hi", "th"):
            names.add("wordcut")
        if lang != "en":
            names.add(lang)
    if len(langs) > 1:
        names.add("multi")
    return names | {"stemmer.support"} if names else names


def unused(paths: Iterable[str], search_langs: Sequence[str], favicon: str) -> list[str]:
    """Of the theme's ``paths``, those no page of this site loads."""
    needed = lunr_files_needed(search_langs)
    out = []
    for path in paths:
        lunr = _LUNR.match(path)
        if _MAP.match(path) or (lunr and (lunr["lang"] or lunr["splitter"]) not in needed) or (path == DEFAULT_FAVICON != favicon):
            out.append(path)
    return out


def drop_unused_theme_files(files: Files, config: MkDocsConfig) -> Files:
    search = config.plugins.get("material/search")
    drop = set(unused((f.src_uri for f in files), search.config.lang if search else [], config.theme["favicon"]))
    for f in [f for f in files if f.src_uri in drop]:
        files.remove(f)
    return files


def set_theme(config: MkDocsConfig, site: SiteBuild) -> None:
    """The theme's language, logo, favicon and the logo's alt text, from site.yaml."""
    marks = site.marks
    config.theme["language"] = site.lib.site.language
    config.theme["logo"], config.theme["favicon"], config.theme["mcframe_logo_alt"] = marks.logo, marks.favicon, marks.alt
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))  # after a project's own overrides
