"""The templates' sandbox: a template reads content and calls the helpers the README's "What a
template has" lists, and nothing else.

A project's ``templates/`` are written by editors, not programmers, and are run on the machine that
builds the site. Jinja's own sandbox stops the well-known escapes (``__class__``, ``__globals__``),
but still lets a template reach anything a value exposes: the content folder as a ``Path`` (and with
it ``read_text``, ``write_text``, ``unlink``), the model classes, pydantic's own methods. Here a
template sees only data:

- a content model's declared fields (``model_fields``) and what the engine's own classes define
  (``title``, ``lib.of_kind``, ``back.groups``); never pydantic's API (``model_copy``...);
- text, numbers, dates, and lists and dicts with their methods that change nothing; a template
  changes only the lists and dicts it made itself (``{% set ids = [] %}{% do ids.append(x) %}``,
  ``a + b``, ``|list``, ``|sort``, ``dict()``), never the content's;
- Jinja's own loop, macros and namespaces.

Nothing private (``_name``), no path on the machine, module, class, file or loaded YAML document is
reachable, so nothing reads, writes or runs anything outside the template. A refused attribute is an
error at the template's line (see :mod:`mcframe.templatecheck`), not a blank.

Templates are also read only from inside their folders: a template that is a symbolic link, or not a
regular file, is refused (:class:`InsideLoader`), and ``..`` in a template's name never resolves
(Jinja's loaders refuse it).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import functools
import io
import os
import stat
import types
from collections.abc import Callable, ItemsView, KeysView, ValuesView
from pathlib import Path, PurePath
from typing import Any

from jinja2 import BaseLoader, FileSystemLoader, Template, TemplateError, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Undefined
from jinja2.sandbox import SandboxedEnvironment, modifies_known_mutable
from pydantic import BaseModel

from .yamlsource import YamlDoc

ENGINE = "mcframe"  # the package whose classes' own attributes a template may read
PLAIN = (str, bytes, int, float, decimal.Decimal, datetime.date, datetime.time, datetime.timedelta, type(None))
CONTAINERS = (list, tuple, dict, set, frozenset, KeysView, ValuesView, ItemsView)
JINJA = ("jinja2.runtime", "jinja2.utils")  # loop, macros, namespaces, cyclers, joiners, the template reference
# What a template never reaches, whoever holds it: places and files on the machine, code, loaded
# YAML documents (whose marks are for messages), and Jinja's own machinery.
MACHINERY = (
    PurePath, io.IOBase, types.ModuleType, type, types.CodeType, types.FrameType, types.TracebackType,
    YamlDoc, Environment, Template, BaseLoader,
)  # fmt: skip
# Methods no template calls, on whatever object: they touch the disk, the process or the network.
NEVER_CALLED = frozenset({
    "open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir", "mkdir", "touch", "rename", "replace",
    "chmod", "symlink_to", "hardlink_to", "system", "popen", "exec", "spawn", "remove", "truncate",
})  # fmt: skip
MAX_REPEAT = 1_000_000  # the longest text or list ``*`` may make
MAX_POWER_BITS = 100_000  # the largest number ``**`` may make, in bits


class TemplateList(list[Any]):
    """A list a template made (``[]``, ``a + b``, ``|list``): the only lists a template may change."""


class TemplateDict(dict[Any, Any]):
    """A dict a template wrote (``{}``, ``dict()``): the only dicts a template may change."""


class TemplateRefused(TemplateError):
    """A template file that may not be read: a link, a folder, a device. ``filename`` is its path
    as named, under its folder's real path (the link itself, not what it points to)."""

    def __init__(self, filename: str, message: str) -> None:
        super().__init__(message)
        self.filename = filename


def refusal(obj: Any, attr: str, value: Any) -> str | None:
    """Why a template may not read ``attr`` of ``obj`` (whose value is ``value``); None when it may."""
    what = type(obj).__name__
    if attr.startswith("_"):
        return f"'{attr}' of {what} is private"
    if isinstance(value, MACHINERY) or isinstance(obj, MACHINERY):
        held = obj if isinstance(obj, MACHINERY) else value
        return f"'{attr}' of {what} is {_machinery(held)}, which no template may reach"
    if isinstance(obj, PLAIN + CONTAINERS):
        if modifies_known_mutable(obj, attr) and not isinstance(obj, TemplateList | TemplateDict):
            return f"'{attr}' would change content ({what}): a template changes only lists and dicts it made itself"
        return None
    if isinstance(obj, BaseModel):
        if attr in type(obj).model_fields:
            return None
        if attr.startswith("model_") or not _engine_defines(type(obj), attr):
            fields = ", ".join(type(obj).model_fields)
            return f"{what} has no field '{attr}' (its fields: {fields})"
        return None
    if type(obj).__module__.partition(".")[0] == ENGINE:
        # Its methods, properties and fields, what it holds, and names it offers itself (lib.case_studies)
        if _engine_defines(type(obj), attr) or attr in getattr(obj, "__dict__", {}) or _engine_defines(type(obj), "__getattr__"):
            return None
        return f"'{attr}' of {what} is not for templates"
    if type(obj).__module__ in JINJA:
        return None
    return f"'{attr}' of {what} is not for templates: a template reads content fields and the helpers the README lists"


def _engine_defines(cls: type, attr: str) -> bool:
    """Whether one of the engine's own classes that ``cls`` is made of defines ``attr`` (a method,
    property, class-wide value or dataclass field); pydantic's and Python's own API are not the engine's."""
    for klass in cls.__mro__:
        if klass.__module__.partition(".")[0] != ENGINE:
            continue
        if attr in vars(klass) or (dataclasses.is_dataclass(klass) and attr in {f.name for f in dataclasses.fields(klass)}):
            return True
        if attr in getattr(klass, "__annotations__", {}):  # a class-wide value declared but set in a base
            return True
    return False


def _machinery(value: Any) -> str:
    if isinstance(value, PurePath):
        return "a path on the building machine"
    if isinstance(value, io.IOBase):
        return "an open file"
    if isinstance(value, types.ModuleType):
        return "a Python module"
    if isinstance(value, type):
        return "a Python class"
    if isinstance(value, YamlDoc):
        return "a loaded YAML document"
    return "the engine's machinery"


def callable_refusal(obj: Any) -> str | None:
    """Why a template may not call ``obj``; None when it may."""
    if isinstance(obj, type):
        return None if obj.__module__ in JINJA else f"{obj.__name__} is a Python class"  # namespace(), cycler() are Jinja's
    name = getattr(obj, "__name__", "")
    owner = getattr(obj, "__self__", None)
    if isinstance(owner, MACHINERY) or (name in NEVER_CALLED and not isinstance(owner, PLAIN + CONTAINERS)):
        return f"'{name}' touches files, processes or the network"
    return None


def printing_refusal(value: Any) -> str | None:
    """Why ``{{ value }}`` may not be printed: a helper or the engine's machinery is not text for a
    page (and its description names places and objects of the building machine); None when it may."""
    if isinstance(value, PLAIN + CONTAINERS):
        return None
    if isinstance(value, MACHINERY):
        return f"{_machinery(value)} cannot be printed"
    if callable(value) and not isinstance(value, Undefined):
        return "a helper cannot be printed itself: call it, as in {{ title_of(el) }}"
    if type(value).__module__.partition(".")[0] == ENGINE and not isinstance(value, BaseModel):
        return f"the engine's {type(value).__name__} cannot be printed: print one of its fields"
    return None


def _repeat(left: Any, right: Any) -> Any:
    """``*``, refusing to make text or a list past MAX_REPEAT long."""
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
            raise SecurityError(f"'*' would make {len(seq) * n:,} items; a template may make at most {MAX_REPEAT:,}")
    return left * right


def _add(left: Any, right: Any) -> Any:
    """``+``: two lists make a new one, the template's own."""
    total = left + right
    return TemplateList(total) if type(total) is list else total


def _made(make: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that makes a new list (``|list``, ``|sort``), whose list is the template's own."""

    @functools.wraps(make)  # keeps Jinja's mark of what the filter is passed
    def made(*args: Any, **kwargs: Any) -> Any:
        out = make(*args, **kwargs)
        return TemplateList(out) if type(out) is list else out

    return made


def _power(left: Any, right: Any) -> Any:
    """``**``, refusing to make a number past MAX_POWER_BITS bits."""
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 and abs(left).bit_length() * right > MAX_POWER_BITS:
        raise SecurityError(f"'**' would make a number of about {abs(left).bit_length() * right:,} bits; a template may make at most {MAX_POWER_BITS:,}")
    return left**right


class _MadeHere(CodeGenerator):
    """Compiles a template's list and dict literals into lists and dicts it may change."""

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.made_list(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.made_dict(")
        super().visit_Dict(node, frame)
        self.write(")")


class TemplateSandbox(SandboxedEnvironment):
    """Jinja's sandbox, narrowed to data and the documented helpers (see the module's docstring)."""

    code_generator_class = _MadeHere
    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {**self.binop_table, "*": _repeat, "**": _power, "+": _add}
        self.filters.update({name: _made(self.filters[name]) for name in ("list", "sort")})
        self.globals["dict"] = lambda *a, **k: TemplateDict(*a, **k)
        self.globals.pop("lipsum", None)  # not a helper of ours, and unbounded

    @staticmethod
    def made_list(items: list[Any]) -> TemplateList:
        return TemplateList(items)

    @staticmethod
    def made_dict(items: dict[Any, Any]) -> TemplateDict:
        return TemplateDict(items)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return super().is_safe_attribute(obj, attr, value) and refusal(obj, attr, value) is None

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """A refused attribute is an error saying why, at once: not a blank that ``is defined``, a
        list or ``map(attribute=...)`` would pass on silently."""
        try:
            value = getattr(obj, attribute)
        except Exception:  # a property that fails: refused all the same
            value = None
        raise SecurityError(refusal(obj, attribute, value) or f"'{attribute}' of {type(obj).__name__} is not for templates")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805  (Jinja's own signature)
        if (reason := callable_refusal(__obj)) is not None:
            raise SecurityError(reason)
        return super().call(__context, __obj, *args, **kwargs)


class InsideLoader(FileSystemLoader):
    """A folder's templates, read only when they are regular files inside it: a link to a file
    elsewhere on the machine would publish it (or run it as a template)."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".."
        for root in self.searchpath:
            path = Path(os.path.realpath(root), *pieces)  # the folder as found, the file as named (a link not followed)
            if not os.path.lexists(path):
                continue
            if (reason := _not_regular(Path(os.path.realpath(root)), path)) is not None:
                raise TemplateRefused(str(path), reason)
            return super().get_source(environment, template)
        raise TemplateNotFound(template)


def _not_regular(root: Path, path: Path) -> str | None:
    """Why the template file ``path`` under ``root`` may not be read; None when it may."""
    for part in (path, *path.parents):
        if part == root:
            break
        if part.is_symlink():
            return "a template may not be a symbolic link" + ("" if part == path else f" ({part.name}/ is one)")
    if not stat.S_ISREG(path.stat().st_mode):
        return "a template must be a regular file"
    return None
