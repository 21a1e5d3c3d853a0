"""Editors' tools: JSON Schemas for YAML editors, and scaffolds of new elements.

Both are derived from the models and the site definition. A scaffold has every required field, with
the placeholder ``TO FILL IN`` where the editor must write; ``scripts/check`` reports each placeholder
as "to fill in" (and nothing else about it) until it is replaced.
"""

from __future__ import annotations

import datetime
import json
import re
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .library import (
    PLACEHOLDER,  # noqa: E402  (one spelling of the placeholder, where it is checked)
    Collection,
    Library,
)
from .opendata import content_schemas


def collection_for(lib: Library, name: str) -> Collection | None:
    """The collection ``mcframe new NAME`` adds to: by the site's name for it, or by its kind where
    the site has one collection of that kind (``case-study`` and ``case_study`` alike)."""
    name = name.replace("-", "_")
    return lib.collection(name) if lib.has(name) else None


def write_editor_schemas(project: Path, lib: Library) -> list[Path]:
    """``schemas/*.schema.json`` for every kind of content file, and the settings that associate them
    with the files in editors that use the YAML language server (VS Code and others)."""
    folder = project / "schemas"
    folder.mkdir(exist_ok=True)
    written = []
    for name, data in content_schemas(lib).items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    associations: dict[str, list[str]] = {"./schemas/site.schema.json": ["content/site.yaml"]}
    by_file: dict[str, list[str]] = {}
    for coll in lib.collections.values():
        by_file.setdefault(coll.decl.file, []).append(coll.name)
    for pattern, names in by_file.items():
        associations[f"./schemas/{'-'.join(names)}.schema.json"] = [f"content/{pattern}"]
    settings = project / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps({"yaml.schemas": associations}, indent=2) + "\n", encoding="utf-8")
    return [*written, settings]


def next_id(lib: Library, coll: Collection) -> str:
    """The next free ID of a collection whose IDs end in a number (CS05 after CS04), else a slug."""
    ids = [el.id for el in lib.elements.get(coll.name, [])]
    numbered = [m for i in ids if (m := re.fullmatch(r"([A-Za-z-]*?)(\d+)", i))]
    if numbered:
        prefix = numbered[0].group(1)
        width = max(len(m.group(2)) for m in numbered)
        return f"{prefix}{max(int(m.group(2)) for m in numbered) + 1:0{width}d}"
    n, candidate = 1, "new-term"
    while candidate in ids:
        n += 1
        candidate = f"new-term-{n}"
    return candidate


def scaffold(lib: Library, coll: Collection, today: datetime.date) -> tuple[str, str]:
    """A new element of a collection: its YAML text and its ID."""
    new = next_id(lib, coll)
    lines = [
        f"# A new {coll.decl.label}: replace every {PLACEHOLDER}, then run scripts/check. Optional fields are",
        "# listed in schemas/ and on the site's Open data page. It stays a draft until review.status says otherwise.",
        f"id: {new}",
    ]
    for name, info in coll.model.model_fields.items():
        if name == "id" or not info.is_required():
            continue
        if name == "wording":
            lines.append(f"wording: {{kind: summary, source: {PLACEHOLDER}}}  # quoted | summary | editorial")
        elif name == "review":
            lines.append(f"review: {{status: draft, date: {today.isoformat()}}}")
        else:
            lines += _field(name, info.annotation, "")
    return "\n".join(lines) + "\n", new


def _field(name: str, annotation: Any, indent: str) -> list[str]:
    base = _unwrap(annotation)
    if isinstance(base, type) and issubclass(base, BaseModel):
        out = [f"{indent}{name}:"]
        for sub, info in base.model_fields.items():
            if info.is_required():
                out += _field(sub, info.annotation, indent + "  ")
        return out
    if get_origin(base) is list:
        return [f"{indent}{name}: [{PLACEHOLDER}]"]
    if get_origin(base) is Literal:
        return [f"{indent}{name}: {PLACEHOLDER}  # one of: {', '.join(map(str, get_args(base)))}"]
    return [f"{indent}{name}: {PLACEHOLDER}"]


def _unwrap(annotation: Any) -> Any:
    """``Annotated[X, ...]`` and ``X | None`` -> ``X``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def write_scaffold(project: Path, lib: Library, coll: Collection, today: datetime.date) -> tuple[Path, str]:
    """Write a new element: a file of its own, or appended to its collection's list file."""
    text, new = scaffold(lib, coll, today)
    content = project / "content"
    if coll.decl.key is None:
        folder = (content / coll.decl.file).parent
        path = folder / f"{new.lower()}-to-fill-in.yaml" if new[0].isupper() else folder / f"{new}.yaml"
        path.write_text(text, encoding="utf-8")
        return path, new
    path = content / coll.decl.file
    lines = text.splitlines()
    entry = "\n" + "\n".join("  " + line if line.startswith("#") else ("  - " if line.startswith("id:") else "    ") + line for line in lines) + "\n"
    existing = path.read_text(encoding="utf-8")
    key = f"{coll.decl.key}:"
    if key not in existing:
        existing = existing.rstrip("\n") + f"\n{key}\n"
    # The new entry goes at the end of its list, which is the last key of the file when editors follow
    # the layout of the files this project ships; otherwise it is appended and check says where.
    path.write_text(existing.rstrip("\n") + "\n" + entry, encoding="utf-8")
    return path, new
