"""Languages: the words of each page in its own language, dates and citations in it, and which
languages a site may be in.

The engine's words (labels) ship in English (``labels.yaml``) and in other languages beside it
(``labels.fr.yaml``: ``labels.<language>.yaml``). A site overrides them under ``labels`` in its
``site.yaml`` for its own language, and under ``translations: {<language>: {...}}`` for pages in other
languages. A page is in the site's language unless its declaration says ``language``.

A label for a page in language L is looked up, in order: the site's words for L, the engine's for L,
then the same for L's base language (``fr`` for ``fr-CA``); failing those, in the site's language,
then in English. Every lookup is recorded, so that ``scripts/check`` can say which labels a page
showed in another language than its own (:func:`label_report`).

No MkDocs here: the theme's languages are given by the caller (the seam knows where they are).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol

from .problems import Problem
from .validation import did_you_mean

if TYPE_CHECKING:
    from .sitedef import SiteDef
    from .yamlsource import YamlDoc

ENGLISH = "en"
_HERE = Path(__file__).resolve().parent


def _load_engine_labels() -> dict[str, dict[str, str]]:
    """The engine's words by language: English from labels.yaml, any other from labels.<language>.yaml."""
    found: dict[str, dict[str, str]] = {ENGLISH: yaml.safe_load((_HERE / "labels.yaml").read_text(encoding="utf-8"))}
    for file in sorted(_HERE.glob("labels.*.yaml")):
        found[file.name.split(".")[1]] = yaml.safe_load(file.read_text(encoding="utf-8"))
    # Kinds in folders of their own bring their words with them: kinds/<kind>/labels[.<language>].yaml.
    for file in sorted(_HERE.glob("kinds/*/labels*.yaml")):
        parts = file.name.split(".")
        found.setdefault(parts[1] if len(parts) == 3 else ENGLISH, {}).update(yaml.safe_load(file.read_text(encoding="utf-8")))
    return found


ENGINE_LABELS: dict[str, dict[str, str]] = _load_engine_labels()


def base(tag: str) -> str:
    """A language tag's language: "fr" for "fr-CA", "en" for "en"."""
    return tag.split("-", 1)[0].lower()


def find(tag: str, available: Iterable[str]) -> str | None:
    """The one of ``available`` that ``tag`` is (tags compare without case), else its base language's."""
    by_lower = {a.lower(): a for a in available}
    return by_lower.get(tag.lower()) or by_lower.get(base(tag))


def tags(tag: str) -> list[str]:
    """A tag and its base language, most specific first: ["fr-CA", "fr"]; ["fr"]."""
    return [tag] if base(tag) == tag.lower() else [tag, base(tag)]


def same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


@lru_cache(maxsize=64)
def _locale(tag: str) -> Locale | None:
    for t in tags(tag):
        try:
            return Locale.parse(t, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return None


def name_of(tag: str) -> str:
    """A language's name in English, with its tag: "French (fr)"."""
    locale = _locale(tag)
    name = locale.get_display_name(ENGLISH) if locale is not None else None
    return f"{name} ({tag})" if name else f"'{tag}'"


def long_date(date: datetime.date, language: str, pattern: str) -> str:
    """A date as ``pattern`` (a CLDR pattern, the label ``date_format``: "d MMMM y") writes it, with
    month names in ``language`` (in English where the language is unknown)."""
    return format_date(date, format=pattern, locale=_locale(language) or Locale.parse(ENGLISH))


def number(value: float | int, language: str) -> str:
    """A figure as the source gives it, with the language's marks: whole numbers with thousands
    separators (1,234; 1 234), decimals as written but with the language's decimal mark (3.5; 3,5)."""
    locale = _locale(language) or Locale.parse(ENGLISH)
    if isinstance(value, int):
        return format_decimal(value, locale=locale)
    return str(value).replace(".", get_decimal_symbol(locale))


# --- Typography -----------------------------------------------------------------------------------

_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW = re.compile(r"<(/?)(script|style|pre|code|kbd|samp|textarea)\b", re.I)
_ENTITY = re.compile(r"(&#?\w+;)")
_HIGH = ";!?"  # French puts a thin no-break space before these (not in Canada), and a no-break space before ":"


def typeset(html: str, language: str) -> str:
    """A page's text set in its language's typography: in French, a no-break space before ":" and a
    thin one before ";", "!" and "?" where the text has none (as LaTeX's babel-french does), in text
    only, never in tags, attributes, code or scripts. Other languages are left as they are."""
    if base(language) != "fr":
        return html
    marks = ":" if language.lower().startswith("fr-ca") else ":" + _HIGH
    pieces = _PIECES.split(html)
    raw = 0
    before = " "  # the character before the current text, across inline tags

    def space(text: str) -> str:
        nonlocal before
        out = []
        for part in _ENTITY.split(text):
            if _ENTITY.fullmatch(part):
                out.append(part)
                before = ";"
                continue
            chars: list[str] = []
            for i, c in enumerate(part):
                after = part[i + 1] if i + 1 < len(part) else " "
                if c in marks and after.isspace():
                    nb = "\u00a0" if c == ":" else "\u202f"
                    if before == " " and chars and chars[-1] == " ":  # a plain space there: made no-break
                        chars[-1] = nb
                    elif not before.isspace() and before not in ":;!?":
                        chars.append(nb)
                chars.append(c)
                before = c
            out.append("".join(chars))
        return "".join(out)

    for i, piece in enumerate(pieces):
        if i % 2:  # a tag or comment
            tag = _RAW.match(piece)
            if tag:
                raw += -1 if tag.group(1) else 1
                raw = max(raw, 0)
            continue
        if raw == 0 and piece:
            pieces[i] = space(piece)
    return "".join(pieces)


# --- CSL locales (citeproc-py's) ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _csl_locales() -> tuple[frozenset[str], dict[str, str]]:
    """citeproc-py's locale files ("fr-FR"…) and its primary dialect of each language ("fr" -> "fr-FR")."""
    import citeproc

    folder = Path(citeproc.__file__).resolve().parent / "data" / "locales"
    files = frozenset(p.stem.removeprefix("locales-") for p in folder.glob("locales-*.xml"))
    primary: dict[str, str] = json.loads((folder / "locales.json").read_text(encoding="utf-8"))["primary-dialects"]
    return files, primary


CSL_FALLBACK = "en-US"


def csl_locale(language: str) -> str | None:
    """The CSL locale citations on a page in ``language`` are formatted in: the language's own file,
    or its primary dialect's (English is en-US, as the styles' default); None when citeproc-py has none."""
    files, primary = _csl_locales()
    exact = find(language, files)
    if exact is not None and same(exact, language):
        return exact
    dialect = primary.get(base(language))
    return dialect if dialect in files else None


# --- Labels ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    """One set of words a lookup goes through: the site's or the engine's, in one language."""

    language: str
    origin: str  # "site" or "engine"
    words: Mapping[str, str] = field(repr=False)


@dataclass(frozen=True)
class Use:
    """Where a page language's label came from."""

    layer: Layer
    own: bool  # found in the page's language (or its base), not in a fallback


class Words:
    """The labels of pages in one language: ``words("cite_this")``. Each lookup is recorded."""

    def __init__(self, language: str, layers: list[Layer], own: int, used: dict[str, Use]) -> None:
        self.language, self.layers, self.own, self.used = language, layers, own, used

    def __call__(self, key: str, *, record: bool = True) -> str:
        for i, layer in enumerate(self.layers):
            if key in layer.words:
                if record and key not in self.used:
                    self.used[key] = Use(layer, i < self.own)
                return layer.words[key]
        raise KeyError(f"no label '{key}': add it under labels in site.yaml")

    def keys(self) -> set[str]:
        return {k for layer in self.layers for k in layer.words}

    def prefixed(self, prefix: str) -> dict[str, str]:
        """Every label whose key starts with ``prefix``, by the rest of its key: the words a script says."""
        return {k[len(prefix) :]: self(k) for k in sorted(self.keys()) if k.startswith(prefix)}


class Wordbook:
    """A site's words in every language its pages are in."""

    def __init__(self, site_language: str, labels: Mapping[str, str], translations: Mapping[str, Mapping[str, str]]) -> None:
        self.site_language, self.labels, self.translations = site_language, labels, translations
        self._words: dict[str, Words] = {}
        self.used: dict[str, dict[str, Use]] = {}  # language -> key -> where it came from

    def _layers(self, language: str) -> list[Layer]:
        out = []
        for tag in tags(language):
            if same(tag, self.site_language):
                out.append(Layer(tag, "site", self.labels))
            site_own = next((words for lang, words in self.translations.items() if same(lang, tag)), None)
            if site_own is not None:
                out.append(Layer(tag, "site", site_own))
            engine = next((words for lang, words in ENGINE_LABELS.items() if same(lang, tag)), None)
            if engine is not None:
                out.append(Layer(tag, "engine", engine))
        return out

    def words(self, language: str | None = None) -> Words:
        language = language or self.site_language
        key = language.lower()
        if key not in self._words:
            own = self._layers(language)
            layers = own + [layer for layer in self._layers(self.site_language) + self._layers(ENGLISH) if layer not in own]
            unique = [layer for i, layer in enumerate(layers) if all(layer.words is not other.words for other in layers[:i])]
            n_own = sum(1 for layer in unique if layer in own)
            self._words[key] = Words(language, unique, n_own, self.used.setdefault(language, {}))
        return self._words[key]


# What the scripts every page loads say (cite.js, glossary.js): their own words are the English
# labels; a page in another language carries its own (SiteBuild.published).
SCRIPT_WORDS = ("copied", "selected", "glossary_tap_hint")
# Labels every page may show besides those its template asks for: the permalink title of its
# headings, its "Cite this" (hand-written pages get theirs after conversion), its printed line and
# what its scripts say.
PAGE_FURNITURE = ("permalink_title", "cite_this", "cite_download", "cite_edition_files", "print_edition", *SCRIPT_WORDS)


# --- Checks ---------------------------------------------------------------------------------------


def check_languages(site: SiteDef, doc: YamlDoc, theme_languages: Collection[str] | None) -> list[Problem]:
    """The site's and each page's language must be one the theme ships, or a variant of one (en-GB
    of en); words under ``translations`` must be labels. Citations or dates in a language the engine's
    libraries lack fall back to English, with a warning."""
    problems: list[Problem] = []
    places: list[tuple[str, tuple[str | int, ...]]] = [(site.language, ("language",))]
    places += [(p.language, ("pages", i, "language")) for i, p in enumerate(site.pages) if p.language]
    places += [(lang, ("translations", lang)) for lang in site.translations]
    warned: set[str] = set()
    for tag, at in places:
        if theme_languages is not None and find(tag, theme_languages) is None:
            shipped = ", ".join(sorted(theme_languages, key=str.lower))
            nor = f" nor '{base(tag)}'" if not same(base(tag), tag) else ""
            problems.append(doc.problem(at, f"the theme has no language '{tag}'{nor}: give one of {shipped}"))
            continue
        if tag.lower() in warned:
            continue
        warned.add(tag.lower())
        if csl_locale(tag) is None:
            message = f"citeproc-py has no CSL locale for {name_of(tag)}: references on its pages are formatted in {CSL_FALLBACK}"
            problems.append(doc.problem(at, message, severity="warning"))
        if _locale(tag) is None:
            message = f"Babel knows no {name_of(tag)}: dates on its pages have English month names"
            problems.append(doc.problem(at, message, severity="warning"))
    for lang in site.translations:
        if same(lang, site.language):
            problems.append(doc.problem(("translations", lang), f"'{lang}' is the site's own language: its words go under labels"))
    known = {k for words in ENGINE_LABELS.values() for k in words} | set(site.labels)
    for lang, words in site.translations.items():
        for key in words:
            if key not in known:
                message = f"'{key}' is not a label of the engine or of this site{did_you_mean(key, known)}"
                problems.append(doc.problem(("translations", lang, key), message, key=True, severity="warning"))
    return problems


def label_report(site: SiteDef, doc: YamlDoc) -> list[Problem]:
    """Warnings for the labels pages used that their language lacks (shown in another language), and
    for the site's own words in its language that pages in another language show as the engine's."""
    book = site.wordbook()
    problems = []
    for language, used in sorted(book.used.items()):
        if same(language, site.language):
            at: tuple[str | int, ...] = ("language",)
            where = "under labels"
        else:
            index = next((i for i, p in enumerate(site.pages) if p.language and same(p.language, language)), None)
            at = ("pages", index, "language") if index is not None else ("translations", language)
            where = f"under translations: {language}"
        for key, use in sorted(used.items()):
            shown = use.layer.words[key]
            if not use.own:
                message = (
                    f"label '{key}' has no text in {name_of(language)}: its pages show the {name_of(use.layer.language)} "
                    f"'{_short(shown)}'; write it {where} in site.yaml"
                )
                problems.append(doc.problem(at, message, severity="warning"))
            elif use.layer.origin == "engine" and not same(language, site.language) and key in site.labels:
                message = (
                    f"label '{key}' is the site's own in {name_of(site.language)} ('{_short(site.labels[key])}'), but pages in "
                    f"{name_of(language)} show the engine's '{_short(shown)}'; write it {where} in site.yaml"
                )
                problems.append(doc.problem(at, message, severity="warning"))
    return problems


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split()).replace("'", "’")
    return text if len(text) <= n else text[: n - 1] + "…"
