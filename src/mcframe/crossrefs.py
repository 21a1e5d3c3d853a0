"""Links that run both ways: for every element, the elements that refer to it.

Built from the same typed references that validation checks, so a new kind of content that refers
to the framework shows up on the framework's pages without further code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .library import Library
from .models import Element, Form
from .sitedef import CollectionDecl
from .validation import iter_refs


@dataclass(frozen=True)
class Backlinks:
    lib: Library
    by_target: dict[tuple[str, str], list[Element]]

    def of(self, kind: str, id: str, from_collection: str) -> list[Element]:
        """Elements of ``from_collection`` that refer to (``kind``, ``id``), in content order."""
        return [el for el in self.by_target.get((kind, id), []) if el.collection == from_collection]

    def groups(self, kind: str, id: str) -> list[tuple[CollectionDecl, list[Element]]]:
        """What refers to (``kind``, ``id``), by collection, for every collection that site.yaml gives
        a backlinks heading, in the order it declares them."""
        found = []
        for coll in self.lib.collections.values():
            if coll.decl.backlinks:
                els = self.of(kind, id, coll.name)
                if els:
                    found.append((coll.decl, els))
        return found


def backlinks(lib: Library) -> Backlinks:
    found: dict[tuple[str, str], list[Element]] = defaultdict(list)
    for els in lib.elements.values():
        for el in els:
            seen: set[tuple[str, str]] = set()
            for _, kind, target in iter_refs(el, type(el), ()):
                key = (kind, target)
                if key not in seen and key != (el.kind, el.id):
                    seen.add(key)
                    found[key].append(el)
    # Forms belong to concepts: what refers to a form refers to its concept too.
    for form in lib.all(Form):
        if form.concept:
            for el in found.get(("form", form.id), []):
                if el not in found[("concept", form.concept)]:
                    found[("concept", form.concept)].append(el)
    return Backlinks(lib, dict(found))
