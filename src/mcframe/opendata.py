"""Open data: every collection as JSON and CSV, the whole edition as one JSON file, and a JSON Schema
for each kind of content file and each exported collection, all derived from the typed models and the
site definition, never written twice.

Schemas carry what the models know beyond JSON's types: ``x-ref`` names the kind of element a
reference points to (with the IDs and labels of small vocabularies as an ``enum`` and ``x-labels``),
``x-markdown`` marks Markdown text, and each element's ``id`` has its collection's declared pattern.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .cells import Cell, csv_bytes
from .library import Collection, Library
from .models import Element, IsMarkdown, Ref
from .sitedef import SiteDef
from .validation import _marked_fields

LIST_JOIN = " | "  # how lists of plain values are joined in a CSV cell
ENUM_UP_TO = 60  # a referenced collection this small is listed in the schema as an enum


def element_data(el: Element) -> dict[str, Any]:
    """An element as data: its fields in the model's order; references as IDs, Markdown as Markdown.
    An editor's review note is for editors only: it never reaches the published data."""
    data: dict[str, Any] = el.model_dump(mode="json")
    if isinstance(data.get("review"), dict):
        data["review"].pop("note", None)
    return data


def collection_json(lib: Library, name: str) -> bytes:
    return _json([element_data(el) for el in lib.elements.get(name, [])])


def collection_csv(lib: Library, name: str) -> bytes:
    """One row per element. Plain values as they are; lists of plain values joined with " | ";
    anything nested (a case study's setting, a digest's findings) as compact JSON. Every cell is
    safe to open in a spreadsheet (cells.py): text that could start a formula is marked as text."""
    columns = list(lib.collections[name].model.model_fields)
    return csv_bytes([columns, *([_cell(element_data(el).get(column)) for column in columns] for el in lib.elements.get(name, []))])


def _cell(value: Any) -> Cell:
    """A value as one cell: numbers stay numbers (a negative one is not text to neutralise)."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return LIST_JOIN.join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def edition_json(lib: Library) -> bytes:
    site = lib.site
    return _json(
        {
            "title": site.title,
            "edition": {"number": site.edition.number, "date": site.edition.date.isoformat()},
            "publisher": site.publisher,
            "licence": site.licence,
            "collections": {name: [element_data(el) for el in els] for name, els in lib.elements.items()},
        }
    )


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- JSON Schema ---------------------------------------------------------------------------------


def element_schema(lib: Library, coll: Collection) -> dict[str, Any]:
    """The schema of one element of a collection, annotated from the models and site.yaml."""
    schema = coll.model.model_json_schema(mode="validation")
    _annotate(schema, coll.model, schema, lib, coll.name)
    schema["properties"]["id"]["pattern"] = f"^(?:{coll.decl.id_pattern})$"
    schema["title"] = coll.decl.label
    schema["description"] = _fill(lib.site.label("data_schema_description"), label=coll.decl.label, title=lib.site.title)
    return schema


def exported_schema(lib: Library, coll: Collection) -> dict[str, Any]:
    """The schema of data/<collection>.json: an array of elements."""
    item = element_schema(lib, coll)
    defs = item.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array", "items": item}
    if defs:
        schema["$defs"] = defs
    return schema


def file_schema(lib: Library, colls: list[Collection]) -> dict[str, Any]:
    """The schema of a content file: one element, or a mapping with the list of each collection it holds."""
    if colls[0].decl.key is None:
        schema = element_schema(lib, colls[0])
    else:
        defs: dict[str, Any] = {}
        props: dict[str, Any] = {"intro": {"type": "string", "x-markdown": True, "description": "The page's opening prose."}}
        for coll in colls:
            item = element_schema(lib, coll)
            defs.update(item.pop("$defs", {}))
            props[str(coll.decl.key)] = {"type": "array", "items": item}
        schema = {"type": "object", "properties": props, "required": [c.decl.key for c in colls], "additionalProperties": False}
        if defs:
            schema["$defs"] = defs
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def site_schema() -> dict[str, Any]:
    schema = SiteDef.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "site.yaml"
    return schema


def _annotate(schema: dict[str, Any], model: type[BaseModel], root: dict[str, Any], lib: Library, owner: str) -> None:
    """Mark references and Markdown on ``model``'s properties, and on nested models' definitions
    (``owner``: the collection whose elements these are, which says where their references point)."""
    props = schema.get("properties", {})
    for name, mark, _ in _marked_fields(model, Ref):
        if name in props and mark is not None:
            _ref(props[name], mark, lib, owner)
    for name, mark, _ in _marked_fields(model, IsMarkdown):
        if name in props and mark is not None:
            _leaves(props[name], lambda s: s.update({"x-markdown": True}))
    # References and Markdown inside lists and nested models.
    for name, info in model.model_fields.items():
        if name not in props:
            continue
        for sub in _nested_models(info.annotation):
            definition = root.get("$defs", {}).get(sub.__name__)
            if definition is not None and not definition.get("x-annotated"):
                definition["x-annotated"] = True
                _annotate(definition, sub, root, lib, owner)
        ref = _list_ref(info.annotation)
        if ref:
            _leaves(props[name], lambda s, r=ref: _ref(s, r, lib, owner) if s.get("type") == "string" else None)


def _ref(schema: dict[str, Any], ref: Ref, lib: Library, owner: str) -> None:
    """Mark IDs of another collection: ``x-ref`` names it (or "page" for a page of site.yaml)."""
    name = "page" if ref.kind == "page" else lib.target(owner, ref)
    for target in _string_schemas(schema):
        target["x-ref"] = name or ref.kind
        if name is None or name not in lib.collections:
            continue
        els = lib.elements.get(name, [])
        if 0 < len(els) <= ENUM_UP_TO:
            target["enum"] = [el.id for el in els]
            target["x-labels"] = {el.id: lib.title_of(el) for el in els}


def _string_schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    if schema.get("type") == "string":
        return [schema]
    found = []
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            found += _string_schemas(sub)
    if "items" in schema:
        found += _string_schemas(schema["items"])
    return found


def _leaves(schema: dict[str, Any], fn: Any) -> None:
    for s in _string_schemas(schema):
        fn(s)


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _nested_models(arg)]


def _list_ref(annotation: Any) -> Ref | None:
    """For ``list[Annotated[str, Ref(kind)]]`` (possibly optional): the mark."""
    from typing import Annotated, get_args, get_origin

    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        refs = [m for m in meta if isinstance(m, Ref)]
        return refs[0] if refs else _list_ref(base)
    for arg in get_args(annotation):
        found = _list_ref(arg)
        if found:
            return found
    return None


def bundle(lib: Library) -> dict[str, bytes]:
    """Every open-data file, by its path under the data folder."""
    files: dict[str, bytes] = {}
    for name, coll in lib.collections.items():
        files[f"{name}.json"] = collection_json(lib, name)
        files[f"{name}.csv"] = collection_csv(lib, name)
        files[f"schema/{name}.schema.json"] = _json(exported_schema(lib, coll))
    files["all.json"] = edition_json(lib)
    files.update({f"schema/content/{name}": data for name, data in content_schemas(lib).items()})  # the YAML files' own
    return files


def content_schemas(lib: Library) -> dict[str, bytes]:
    """A schema for each kind of content file (by the file pattern's name) and for site.yaml."""
    by_file: dict[str, list[Collection]] = {}
    for coll in lib.collections.values():
        by_file.setdefault(coll.decl.file, []).append(coll)
    out = {"site.schema.json": _json(site_schema())}
    for colls in by_file.values():
        name = "-".join(c.name for c in colls)
        out[f"{name}.schema.json"] = _json(file_schema(lib, colls))
    return out


Words = Callable[[str], str]  # the labels of the page's language (SiteDef.words)


def _fill(text: str, **values: str) -> str:
    """A label with ``{name}`` places filled in."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def describe_fields(lib: Library, coll: Collection, words: Words | None = None) -> list[tuple[str, str, bool, str]]:
    """The data dictionary of a collection: (field, type, required, meaning) from its schema, in the
    words of ``words`` (default: the site's language)."""
    label = words or lib.site.label
    schema = element_schema(lib, coll)
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema["properties"].items():
        rows.append((name, _type_name(prop, schema, label), name in required, _meaning(prop, lib, coll, name, label)))
    return rows


_TYPE_LABELS = {"string": "data_type_text", "integer": "data_type_whole_number", "number": "data_type_number", "boolean": "data_type_boolean"}


def _type_name(prop: dict[str, Any], root: dict[str, Any], label: Words) -> str:
    if "$ref" in prop:
        return _fill(label("data_type_object"), name=str(prop["$ref"]).rsplit("/", 1)[-1])
    if "anyOf" in prop:
        either = label("data_type_or").join(_type_name(p, root, label) for p in prop["anyOf"] if p.get("type") != "null")
        return _fill(label("data_type_optional"), type=either)
    kind = prop.get("type", "any")
    if kind == "array":
        return _fill(label("data_type_list"), type=_type_name(prop.get("items", {}), root, label))
    if "enum" in prop and "x-ref" not in prop:
        return _fill(label("data_type_one_of"), values=", ".join(map(str, prop["enum"])))
    return label(_TYPE_LABELS[str(kind)]) if str(kind) in _TYPE_LABELS else str(kind)


def _meaning(prop: dict[str, Any], lib: Library, coll: Collection, name: str, label: Words) -> str:
    found = _string_schemas(prop)
    refs = {s["x-ref"] for s in found if "x-ref" in s}
    parts = []
    if name == "id":
        parts.append(_fill(label("data_meaning_id"), pattern=coll.decl.id_pattern))
    for target in sorted(refs):
        what = lib.collections[target].decl.label if target in lib.collections else target.replace("_", " ")
        parts.append(_fill(label("data_meaning_ref"), label=what))
    if any(s.get("x-markdown") for s in found):
        parts.append(label("data_meaning_markdown"))
    if name in getattr(coll.model, "editorial", ()):
        parts.append(label("data_meaning_editorial"))
    return "; ".join(parts)
