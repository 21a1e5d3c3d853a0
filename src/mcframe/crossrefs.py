"""Links that run both ways: for every element, the elements that refer to it.

Built from the same typed references that validation checks, so a new kind of content that refers
to the framework shows up on the framework's pages without further code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .library import COLLECTIONS, Library
from .models import Element
from .validation import iter_refs


@dataclass(frozen=True)
class Backlinks:
    by_target: dict[tuple[str, str], list[Element]]

    def of(self, kind: str, id: str, from_kind: str) -> list[Element]:
        """Elements of ``from_kind`` that refer to (``kind``, ``id``), in content order."""
        return [el for el in self.by_target.get((kind, id), []) if el.kind == from_kind]


def backlinks(lib: Library) -> Backlinks:
    found: dict[tuple[str, str], list[Element]] = defaultdict(list)
    for coll in COLLECTIONS:
        for el in getattr(lib, coll.name):
            seen: set[tuple[str, str]] = set()
            for _, kind, target in iter_refs(el, type(el), ()):
                key = (kind, target)
                if key not in seen and key != (el.kind, el.id):
                    seen.add(key)
                    found[key].append(el)
    # Forms belong to concepts: what refers to a form refers to its concept too.
    for form in lib.forms:
        if form.concept:
            for el in found.get(("form", form.id), []):
                if el not in found[("concept", form.concept)]:
                    found[("concept", form.concept)].append(el)
    return Backlinks(dict(found))
