"""Editions: what changed in which edition, and a guard against unrecorded changes.

``content/fingerprints.json`` holds a fingerprint of every element as the current edition was
released (written by ``mcframe release``). An element whose content no longer matches, or a new
element, must be listed in the current edition's changes; a retired ID may not come back."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from .kinds.edition import EditionEntry
from .library import Library
from .models import Element
from .problems import Problem

FINGERPRINTS = "fingerprints.json"


_NOLINK = re.compile(r'<span class="mcf-nolink">(.*?)</span>', re.S)


def fingerprint(el: Element) -> str:
    """What an element says: its fields but its review, and not the spans that only stop term links
    (marking a name so is not a change of wording)."""
    data = _plain(el.model_dump(mode="json", exclude={"review"}))
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return _NOLINK.sub(r"\1", value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def fingerprints(lib: Library) -> dict[str, str]:
    return {
        f"{el.collection}:{el.id}": fingerprint(el)
        for coll in lib.collections.values()
        if coll.kind != "edition"
        for el in lib.elements.get(coll.name, [])
    }


def write_release(lib: Library, content: Path) -> Path:
    path = content / FINGERPRINTS
    data = {"edition": lib.site.edition.number, "elements": dict(sorted(fingerprints(lib).items()))}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def last_changed(lib: Library) -> dict[str, str]:
    """Element ID -> the number of the edition it last changed in (the first edition, if never since)."""
    editions = sorted(lib.all(EditionEntry), key=lambda e: e.date)
    if not editions:
        return {}
    out: dict[str, str] = {}
    for e in editions:
        for c in e.changes:
            if c.change != "retired":
                out[c.id] = e.number
    first = editions[0].number
    return {el.id: out.get(el.id, first) for els in lib.elements.values() for el in els} | out


def check_changes(lib: Library, content: Path) -> list[Problem]:
    problems: list[Problem] = []
    current = next((e for e in lib.all(EditionEntry) if e.number == lib.site.edition.number), None)
    existing = {el.id for els in lib.elements.values() for el in els}
    for e in lib.all(EditionEntry):
        for c in e.changes:
            if c.change == "retired" and c.id in existing:
                origin = lib.origins.get(e.key)
                problems.append(Problem(origin.path if origin else "content", origin.line if origin else 1, 1,
                                        f"'{c.id}' was retired in edition {e.number}: an ID is never reused"))
    path = content / FINGERPRINTS
    if not path.is_file():
        return problems
    recorded = json.loads(path.read_text(encoding="utf-8"))
    listed = {c.id for c in current.changes} if current else set()
    for key, value in fingerprints(lib).items():
        name, id = key.split(":", 1)
        before = recorded.get("elements", {}).get(key)
        if before != value and id not in listed:
            origin = lib.origins.get((name, id))
            what = "is new" if before is None else "has changed"
            problems.append(Problem(origin.path if origin else "content", origin.line if origin else 1, 1,
                                    f"'{id}' {what} since edition {recorded.get('edition')} was released, but the changelog of edition "
                                    f"{lib.site.edition.number} does not list it: add it to content/changelog.yaml", "warning"))
    return problems
