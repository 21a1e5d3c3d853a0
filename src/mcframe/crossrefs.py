"""Links that run both ways: for every element, the elements that refer to it.

Built from the same typed references that validation checks, so a new kind of content that refers
to the framework shows up on the framework's pages without further code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .library import Library
from .models import Element
from .sitedef import CollectionDecl
from .validation import iter_refs


@dataclass(frozen=True)
class Backlinks:
    lib: Library
    by_target: dict[tuple[str, str], list[Element]]  # (collection, ID) -> what refers to it

    def of(self, el: Element, source: str) -> list[Element]:
        """Elements of the collection ``source`` (by name, or by kind: every collection of that kind)
        that refer to ``el``, in content order."""
        names = {source} if source in self.lib.collections else {c.name for c in self.lib.of_kind(source)}
        return [other for other in self.by_target.get(el.key, []) if other.collection in names]

    def groups(self, el: Element) -> list[tuple[CollectionDecl, list[Element]]]:
        """What refers to ``el``, by collection, for every collection that site.yaml gives a backlinks
        heading, in the order it declares them."""
        found = []
        for coll in self.lib.collections.values():
            if coll.decl.backlinks:
                els = self.of(el, coll.name)
                if els:
                    found.append((coll.decl, els))
        return found


def backlinks(lib: Library) -> Backlinks:
    found: dict[tuple[str, str], list[Element]] = defaultdict(list)
    for els in lib.elements.values():
        for el in els:
            seen: set[tuple[str, str]] = set()
            for _, ref, id in iter_refs(el, type(el), ()):
                target = lib.target(el.collection, ref)
                key = (target or "", id)
                if target is not None and key not in seen and key != el.key:
                    seen.add(key)
                    found[key].append(el)
    # An element may belong to another (a vocabulary's entry to a concept): what refers to it refers to that too.
    for coll in lib.collections.values():
        field_name = coll.model.belongs_to
        for el in lib.elements.get(coll.name, []) if field_name else []:
            owner_id = getattr(el, str(field_name))
            if owner_id:
                owner = lib.follow(el, str(field_name), owner_id).key
                for other in found.get(el.key, []):
                    if other not in found[owner]:
                        found[owner].append(other)
    return Backlinks(lib, dict(found))
