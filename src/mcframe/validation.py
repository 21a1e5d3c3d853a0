"""Turns raw YAML into typed elements, collecting every problem with its place in the file."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .models import IsMarkdown, Model, Ref
from .problems import Problem
from .safety import markdown_risks
from .yamlsource import DataPath, YamlDoc

M = TypeVar("M")

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
        if not isinstance(err["input"], (str, int, float)):
            return f"'{name}' should be one of {expected}, not {_describe(err['input'])}", False
        return f"'{err['input']}' is not one of {expected}", False
    if kind == "string_pattern_mismatch":
        return f"'{err['input']}' does not have the expected form ({err['ctx']['pattern']})", False
    if kind in ("too_short",) and isinstance(err.get("input"), list):
        return f"'{name}' needs at least {err['ctx']['min_length']} item(s)", False
    if kind == "string_too_short":
        return f"'{name}' must not be empty", False
    if err.get("expected") and (kind.endswith("_type") or kind == "is_instance_of"):
        return f"'{name}' should be {err['expected']}, not {_describe(err['input'])}", False
    if kind.endswith("_type") or kind in ("model_type", "dict_type", "list_type"):
        expected = _TYPE_NAMES.get(kind.removesuffix("_type"), kind.removesuffix("_type"))
        if kind == "model_type":
            expected = "a mapping"
        return f"'{name}' should be {expected}, not {_describe(err['input'])}", False
    return f"'{name}': {err['msg']}", False


def _members(annotation: Any) -> list[Any]:
    """The types a value of ``annotation`` may take: Annotated unwrapped, unions spread out."""
    if get_origin(annotation) is Annotated:
        return _members(get_args(annotation)[0])
    if get_origin(annotation) in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _members(arg)]
    return [annotation]


def _field_path(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], Any]:
    """``loc`` without the names pydantic gives a union's branches ('float', 'int', 'none' ...), and
    the annotation of the field it ends at."""
    out: list[Any] = []
    annotation: Any = model
    for step in loc:
        members = _members(annotation)
        if isinstance(step, int):
            lists = [m for m in members if get_origin(m) is list]
            if lists:
                out.append(step)
                annotation = get_args(lists[0])[0]
            continue
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel) and step in m.model_fields]
        dicts = [m for m in members if get_origin(m) is dict]
        if models:
            out.append(step)
            annotation = models[0].model_fields[step].annotation
        elif dicts:
            out.append(step)
            annotation = get_args(dicts[0])[1]
        elif len([m for m in members if m is not type(None)]) == 1:  # an unknown field's name (of X or X | None): kept, for the message
            out.append(step)
        # else: the name of a union's branch, not a place in the file
    return tuple(out), annotation


def _expected(annotation: Any) -> str:
    """What a field takes, in the reader's words."""
    names = []
    for m in _members(annotation):
        if m is type(None):
            continue
        origin = get_origin(m)
        if isinstance(m, type) and issubclass(m, BaseModel):
            names.append("a mapping")
            continue
        name = getattr(origin or m, "__name__", "") if origin is not Literal else "one of " + ", ".join(map(repr, get_args(m)))
        names.append(_TYPE_NAMES.get(name, name) if isinstance(m, type) or origin else name)
    if set(names) == {"a number", "a whole number"}:
        return "a number"
    return " or ".join(dict.fromkeys(n for n in names if n)) or "something else"


def _one_per_field(errors: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """Pydantic reports each branch of a union (``float | int``, ``X | None``): keep one error per
    place in the file, with the union's branch names taken out of its location."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for err in errors:
        loc, annotation = _field_path(model, tuple(err["loc"]))
        if loc in seen:
            continue
        seen.add(loc)
        union = len([m for m in _members(annotation) if m is not type(None)]) > 1 or type(None) in _members(annotation)
        kept.append({**err, "loc": loc, "expected": _expected(annotation) if union else None})
    return kept


def build_element(model: type[Model], doc: YamlDoc, at: DataPath, problems: list[Problem]) -> Model | None:
    data = _lookup(doc.data, at)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in _one_per_field([dict(e) for e in exc.errors()], model):
            message, on_key = _message(err, model)
            problems.append(doc.problem(at + tuple(err["loc"]), message, key=on_key))
        return None


def _lookup(data: Any, at: DataPath) -> Any:
    for step in at:
        data = data[step]
    return data


def iter_refs(value: Any, annotation: Any, at: DataPath) -> Iterator[tuple[DataPath, Ref, str]]:
    """Yield ``(path, mark, id)`` for every field of ``value`` annotated with :class:`Ref`; the
    library knows which collection each mark takes its IDs from (``Library.target``)."""
    yield from iter_marked(value, annotation, at, Ref)


def iter_markdown(value: Any, annotation: Any, at: DataPath) -> Iterator[tuple[DataPath, str]]:
    """Yield ``(path, text)`` for every Markdown field of ``value``."""
    for path, _, text in iter_marked(value, annotation, at, IsMarkdown):
        yield path, text


def iter_marked(value: Any, annotation: Any, at: DataPath, marker: type[M]) -> Iterator[tuple[DataPath, M, str]]:
    """Yield ``(path, mark, text)`` for every text field of ``value`` whose type carries a ``marker``.

    Which fields can hold a marked value is worked out once per model (``_marked_fields``), so that
    walking thousands of elements only visits the fields that matter."""
    if isinstance(value, BaseModel):
        for name, mark, field_annotation in _marked_fields(type(value), marker):
            field_value = getattr(value, name)
            if mark is not None and isinstance(field_value, str):
                yield at + (name,), mark, field_value
            else:
                yield from iter_marked(field_value, field_annotation, at + (name,), marker)
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        marks = [m for m in meta if isinstance(m, marker)]
        if marks and isinstance(value, str):
            yield at, marks[0], value
            return
        yield from iter_marked(value, base, at, marker)
    elif origin in (Union, types.UnionType):
        if value is not None:
            for arg in get_args(annotation):
                if arg is not type(None):
                    yield from iter_marked(value, arg, at, marker)
                    return
    elif origin is list and isinstance(value, list):
        (item_type,) = get_args(annotation)
        for i, item in enumerate(value):
            yield from iter_marked(item, item_type, at + (i,), marker)
    elif origin is dict and isinstance(value, dict):
        _, item_type = get_args(annotation)
        for key, item in value.items():
            yield from iter_marked(item, item_type, at + (key,), marker)


_FIELDS: dict[tuple[Any, Any], tuple[tuple[str, Any, Any], ...]] = {}
_HOLDS: dict[tuple[Any, Any], bool] = {}


def _marked_fields(model: type[BaseModel], marker: Any) -> tuple[tuple[str, Any, Any], ...]:
    """The fields of ``model`` that are, or may contain, a value marked with ``marker``: (name, the
    mark if the field itself carries it, its annotation). Worked out once per model and marker."""
    key = (model, marker)
    if key not in _FIELDS:
        _FIELDS[key] = _find_marked_fields(model, marker)
    return _FIELDS[key]


def _find_marked_fields(model: type[BaseModel], marker: Any) -> tuple[tuple[str, Any, Any], ...]:
    out = []
    for name, info in model.model_fields.items():
        marks = [m for m in info.metadata if isinstance(m, marker)]
        if marks or _may_hold(info.annotation, marker):
            out.append((name, marks[0] if marks else None, info.annotation))
    return tuple(out)


def _may_hold(annotation: Any, marker: Any) -> bool:
    key = (annotation, marker)
    if key not in _HOLDS:
        _HOLDS[key] = _find_may_hold(annotation, marker)
    return _HOLDS[key]


def _find_may_hold(annotation: Any, marker: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_marked_fields(annotation, marker))
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        return any(isinstance(m, marker) for m in meta) or _may_hold(base, marker)
    return any(_may_hold(arg, marker) for arg in get_args(annotation))


def check_markdown(el: Model, doc: YamlDoc, at: DataPath) -> list[Problem]:
    """Markdown fields may not carry script (see :mod:`mcframe.safety`)."""
    problems = []
    for path, text in iter_markdown(el, type(el), at):
        for risk in markdown_risks(text):
            name = next((str(step) for step in reversed(path) if isinstance(step, str)), "?")
            problems.append(doc.problem(path, f"'{name}' may not carry script: it has {risk}"))
    return problems
