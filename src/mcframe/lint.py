"""Content lint for ``scripts/check``: what is valid but probably not what the editors want. Each
finding is a warning with its place; a summary line per collection closes the report."""

from __future__ import annotations

import re
from pathlib import Path

from . import models as m
from .crossrefs import backlinks
from .glossary.forms import collect_forms
from .glossary.matcher import TermMatcher
from .kinds.source import Source
from .kinds.term import Term
from .library import Library
from .problems import Problem
from .validation import iter_refs

DUPLICATE_AT_LEAST = 80  # characters: shorter texts may well repeat on purpose


def lint(lib: Library, docs_dir: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []

    def warn(el: m.Element, message: str) -> None:
        origin = lib.origins.get(el.key)
        problems.append(Problem(origin.path if origin else "content", origin.line if origin else 1, 1, message, "warning"))

    cited: set[str] = set()
    if docs_dir is not None and docs_dir.is_dir():  # hand-written pages cite sources by ID, or by anchor
        for page in docs_dir.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            cited.update(re.findall(r"sources\.md#([a-z0-9-]+)", text))
            for name, id in re.findall(r"\(ref:([a-z][a-z0-9_]*)/([A-Za-z0-9-]+)", text):
                if lib.has(name) and lib.collection(name).kind == "source":
                    cited.add(id)
    for els in lib.elements.values():
        for el in els:
            cited.update(value for _, ref, value in iter_refs(el, type(el), ()) if ref.kind == "source")
    for src in lib.all(Source):
        if src.id not in cited:
            warn(src, f"source '{src.id}' is cited by no element")

    back = backlinks(lib)
    for coll in lib.collections.values():
        for el in lib.elements.get(coll.name, []) if coll.model.referred_to else []:
            if not back.by_target.get(el.key):
                warn(el, f"{coll.decl.label} '{el.id}' is referred to by no other element")

    texts: dict[str, m.Element] = {}
    corpus: list[str] = []
    for els in lib.elements.values():
        for el in els:
            for field in type(el).model_fields:
                value = getattr(el, field)
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str) and field not in ("id", "definition", "term", "variants", "abbreviation"):
                        corpus.append(text)
                        if len(text) >= DUPLICATE_AT_LEAST:
                            first = texts.setdefault(text, el)
                            if first is not el:
                                warn(el, f"'{field}' repeats the text of {lib.collections[first.collection].decl.label} '{first.id}'")
    if docs_dir is not None and docs_dir.is_dir():
        listed = {p.path for p in lib.site.pages if p.template is None}
        for page in sorted(docs_dir.rglob("*.md")):
            rel = page.relative_to(docs_dir).as_posix()
            corpus.append(re.sub(r"\]\([^)\s]*\)", "]", page.read_text(encoding="utf-8")))  # link targets are not mentions
            if rel not in listed:
                problems.append(Problem(f"{docs_dir.name}/{rel}", 1, 1, "this page is in no page list of site.yaml", "warning"))

    terms = lib.all(Term)
    if terms:
        forms, _, _ = collect_forms(terms)
        matcher = TermMatcher(forms)
        used = {match.term for text in corpus for match in matcher.find(text)}
        for term in terms:
            if term.id not in used:
                warn(term, f"term '{term.id}' is mentioned in no content")
    return problems


def summary(lib: Library) -> list[str]:
    """A line per collection: how many elements, and how many of them are drafts."""
    lines = []
    for name, coll in lib.collections.items():
        els = lib.elements.get(name, [])
        drafts = sum(1 for el in els if isinstance(el, m.Sourced) and el.review.status == "draft")
        lines.append(f"{coll.decl.plural}: {len(els)}" + (f" ({drafts} draft)" if drafts else ""))
    return lines
