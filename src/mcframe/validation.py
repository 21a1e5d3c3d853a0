"""Turns raw YAML into typed elements, collecting every problem with its place in the file."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .models import Model, Ref
from .problems import Problem
from .yamlsource import DataPath, YamlDoc

_TYPE_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "NoneType": "nothing",
    "date": "a date (YYYY-MM-DD)",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _describe(value: Any) -> str:
    return _TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last step of ``loc`` (to suggest its field names)."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or step not in current.model_fields:
            return None
        current = _first_model(current.model_fields[step].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _message(err: dict[str, Any], model: type[BaseModel]) -> tuple[str, bool]:
    """A reader's message for one pydantic error, and whether it points at the key rather than the value."""
    loc = tuple(err["loc"])
    name = str(loc[-1]) if loc else "?"
    kind = err["type"]
    if kind == "missing":
        return f"missing required field '{name}'", False
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        hint = did_you_mean(name, owner.model_fields) if owner else ""
        return f"unknown field '{name}'{hint}", True
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"'{err['input']}' is not one of {expected}", False
    if kind == "string_pattern_mismatch":
        return f"'{err['input']}' does not have the expected form ({err['ctx']['pattern']})", False
    if kind in ("too_short",) and isinstance(err.get("input"), list):
        return f"'{name}' needs at least {err['ctx']['min_length']} item(s)", False
    if kind == "string_too_short":
        return f"'{name}' must not be empty", False
    if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
        expected = _TYPE_NAMES.get(kind.removesuffix("_type"), kind.removesuffix("_type"))
        if kind == "model_type":
            expected = "a mapping"
        return f"'{name}' should be {expected}, not {_describe(err['input'])}", False
    return f"'{name}': {err['msg']}", False


def _dedupe(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic reports each branch of ``X | None``; keep the first error per location."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for err in errors:
        loc = tuple(s for s in err["loc"] if not (isinstance(s, str) and s in ("str", "none", "is-instance[date]")))
        if loc in seen:
            continue
        seen.add(loc)
        kept.append({**err, "loc": loc})
    return kept


def build_element(model: type[Model], doc: YamlDoc, at: DataPath, problems: list[Problem]) -> Model | None:
    data = _lookup(doc.data, at)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in _dedupe([dict(e) for e in exc.errors()]):
            message, on_key = _message(err, model)
            problems.append(doc.problem(at + tuple(err["loc"]), message, key=on_key))
        return None


def _lookup(data: Any, at: DataPath) -> Any:
    for step in at:
        data = data[step]
    return data


def iter_refs(value: Any, annotation: Any, at: DataPath) -> Iterator[tuple[DataPath, str, str]]:
    """Yield ``(path, kind, id)`` for every field of ``value`` annotated with :class:`Ref`."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            field_value = getattr(value, name)
            refs = [m for m in info.metadata if isinstance(m, Ref)]
            if refs and isinstance(field_value, str):
                yield at + (name,), refs[0].kind, field_value
            else:
                yield from iter_refs(field_value, info.annotation, at + (name,))
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        refs = [m for m in meta if isinstance(m, Ref)]
        if refs and isinstance(value, str):
            yield at, refs[0].kind, value
            return
        yield from iter_refs(value, base, at)
    elif origin in (Union, types.UnionType):
        if value is not None:
            for arg in get_args(annotation):
                if arg is not type(None):
                    yield from iter_refs(value, arg, at)
                    return
    elif origin is list and isinstance(value, list):
        (item_type,) = get_args(annotation)
        for i, item in enumerate(value):
            yield from iter_refs(item, item_type, at + (i,))
    elif origin is dict and isinstance(value, dict):
        _, item_type = get_args(annotation)
        for key, item in value.items():
            yield from iter_refs(item, item_type, at + (key,))


