"""The theme's files: its templates of each page's language and of the logo, the theme's settings that
come from site.yaml, and those files no reader's browser asks for.

Each page is built in its own language (the theme's words, and its ``<html lang>``): ``overrides/``
holds Material's language partial, which takes each page's language from ``config.extra``, its 404
page, with the heading in the site's words, and its logo partial, which says site.yaml's alt text; the
site's and its pages' languages must be ones the theme ships, or variants of them (en-GB of en), as
``mcframe check`` says too.

Files no reader's browser ever asks for are left out of ``site/`` and so of the offline zip.

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

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..language import check_languages, find
from ..problems import report
from ..sitebuild import SiteBuild
from .languages import theme_languages

OVERRIDES = Path(__file__).resolve().parent / "overrides"

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
    """The theme in the site's language and each page in its own (the languages checked against the
    theme's, as path:line:col problems), with the logo, favicon and the logo's alt text of site.yaml;
    the theme's templates of them put before its own."""
    langs = theme_languages(config.theme.dirs)
    report(check_languages(site.lib.site, site.lib.site_doc, langs), site.warn, site.error)
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))  # a project's custom_dir still comes first
    config.theme["language"] = find(site.lib.site.language, langs)
    config.extra["mcframe_languages"] = {path: find(lang, langs) for path, lang in site.rendered.languages.items()}
    config.extra["mcframe_not_found"] = str(escape(site.lib.site.label("not_found")))  # the theme's templates do not escape
    marks = site.marks
    config.theme["logo"], config.theme["favicon"], config.theme["mcframe_logo_alt"] = marks.logo, marks.favicon, marks.alt
