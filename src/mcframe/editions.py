"""Editions: what changed in which edition, and a guard against unrecorded changes.

``content/fingerprints.json`` holds a fingerprint of every element as the current edition was
released (written by ``mcframe release``). An element whose content no longer matches, or a new
element, must be listed in the current edition's changes; a retired ID may not come back."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from .inside import NotRegular, read_regular
from .kinds.edition import EditionEntry
from .library import Library
from .models import Element
from .problems import Problem
from .yamlsource import MAX_BYTES

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
    """Record the fingerprints. Written beside and then renamed into place: a fingerprints.json that is a
    link is replaced by a file, never written through to wherever it points."""
    path = content / FINGERPRINTS
    data = {"edition": lib.site.edition.number, "elements": dict(sorted(fingerprints(lib).items()))}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=content, prefix=".fingerprints-", suffix=".tmp", delete=False) as f:
        f.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    os.chmod(f.name, 0o644)  # as a file written in place would be, not a temporary file's 0600
    os.replace(f.name, path)
    return path


def _recorded(path: Path, shown: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The fingerprints as released, or the problem with the file (a link, a pipe, not JSON of the
    form ``release`` writes) at its place; none when there is no file yet."""
    if not path.exists() and not path.is_symlink():
        return None, []
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
        data = json.loads(text)
    except NotRegular as exc:
        return None, [Problem(shown, 1, 1, str(exc))]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, 1, f"not valid UTF-8: {exc.reason}")]
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, exc.lineno, exc.colno, f"not valid JSON ({exc.msg}): run mcframe release to write it again")]
    elements = data.get("elements") if isinstance(data, dict) else None
    if not isinstance(elements, dict) or not all(isinstance(v, str) for v in elements.values()):
        return None, [Problem(shown, 1, 1, "not the fingerprints mcframe release writes ({edition, elements}): run mcframe release to write it again")]
    return data, []


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
    recorded, unreadable = _recorded(content / FINGERPRINTS, str(PurePosixPath(lib.site_doc.path).parent / FINGERPRINTS))
    problems += unreadable
    if recorded is None:
        return problems
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
