"""Dotted field paths that content or a template names (a facet's ``field: setting.phases``),
followed through a model's declared fields only.

Following such a path with ``getattr`` would walk wherever a name leads: ``__class__.__init__.__globals__``
reaches the engine's modules and publishes the building machine's paths, ``_collection`` and
``model_config`` the models' insides. Here each step must be a field the model declares
(``model_fields``), and a step into a field must go into a model; anything else is a mistake,
reported with the fields that exist.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .validation import did_you_mean


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself, or optional); None for text, numbers and lists."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType, Annotated):
        found = {m for arg in get_args(annotation) if (m := nested_model(arg)) is not None}
        return found.pop() if len(found) == 1 else None
    return None


def path_problem(model: type[BaseModel], dotted: str, holder: str) -> str | None:
    """Why ``dotted`` is not a path through ``model``'s declared fields; None when it is one.
    ``holder`` says whose fields they are in a message: "the elements of 'case_studies'"."""
    current: type[BaseModel] | None = model
    walked: list[str] = []
    for part in dotted.split("."):
        if current is None:
            return f"'{'.'.join(walked)}' has no fields inside it: '{dotted}' cannot go into it"
        fields = current.model_fields
        if part not in fields:
            where = f"'{'.'.join(walked)}' of {holder}" if walked else holder
            return f"no field '{part}' in {where}{did_you_mean(part, fields)} (fields: {', '.join(fields)})"
        walked.append(part)
        current = nested_model(fields[part].annotation)
    return None


def value_at(obj: Any, dotted: str) -> Any:
    """The value at ``dotted`` in ``obj``, going through declared fields only; None where there is none."""
    value = obj
    for part in dotted.split("."):
        if not isinstance(value, BaseModel) or part not in type(value).model_fields:
            return None
        value = getattr(value, part)
    return value


def declared(obj: Any, dotted: str) -> str:
    """``dotted``, when it is a path through ``obj``'s declared fields; else a ValueError saying which exist."""
    if isinstance(obj, BaseModel) and (why := path_problem(type(obj), dotted, type(obj).__name__)) is not None:
        raise ValueError(why)
    return dotted
