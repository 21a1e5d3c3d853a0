"""YAML loading that remembers where every key and value stands in the file.

PyYAML's composer gives us nodes with marks; we build plain Python data from them
ourselves so that validation can point at ``path:line:col`` for any field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .inside import NotRegular, read_regular
from .problems import Problem

# Limits that no real content comes near, so that no file can exhaust a build: content never needs
# anchors and aliases (an "alias bomb" of a few hundred bytes expands to billions of values), nor
# documents nested deeper than a few levels, nor files of megabytes.
MAX_BYTES = 2_000_000
MAX_DEPTH = 40


class _Refused(yaml.MarkedYAMLError):
    """A file the loader will not read further, with the place of the reason."""


class _ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors, aliases and deep nesting as it composes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, AliasEvent):
            raise _Refused(problem="aliases (*name) are not allowed in content: write the value out", problem_mark=mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise _Refused(problem="anchors (&name) are not allowed in content: write the value out", problem_mark=mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class YamlDoc:
    """One parsed YAML file: its data and the marks of every value and key."""

    path: str  # as shown in messages, relative to the project
    data: Any
    values: dict[DataPath, Mark] = field(default_factory=dict)
    keys: dict[DataPath, Mark] = field(default_factory=dict)

    def mark(self, at: DataPath, *, key: bool = False) -> Mark:
        """The mark of ``at``, or of its nearest ancestor that exists in the file."""
        for end in range(len(at), -1, -1):
            prefix = at[:end]
            found = (self.keys.get(prefix) if key else None) or self.values.get(prefix)
            if found:
                return found
        return Mark(1, 1)

    def problem(self, at: DataPath, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        m = self.mark(at, key=key)
        return Problem(self.path, m.line, m.col, message, severity)  # type: ignore[arg-type]


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, doc: YamlDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.scalars = SafeConstructor()

    def build(self, node: Node, at: DataPath) -> Any:
        self.doc.values[at] = _mark(node)
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, at + ("<key>",))
                if not isinstance(key, (str, int)):
                    self.problems.append(self.doc.problem(at, f"keys must be text, got {type(key).__name__}"))
                    continue
                if key in out:
                    m = _mark(key_node)
                    self.problems.append(Problem(self.doc.path, m.line, m.col, f"duplicate key '{key}'"))
                self.doc.keys[at + (key,)] = _mark(key_node)
                out[key] = self.build(value_node, at + (key,))
            self.doc.values.pop(at + ("<key>",), None)
            return out
        if isinstance(node, SequenceNode):
            return [self.build(item, at + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalars.construct_object(node, deep=True)


_CLoader: Any = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it


def _compose(text: str) -> Node | None:
    """The document's node tree, with marks. With libyaml, its events are checked first (no anchors,
    aliases or deep nesting) and then composed in C, several times faster than PyYAML's own parser;
    without it, PyYAML's composer checks them as it goes."""
    if _CLoader is None:
        loader = _ContentLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    depth = 0
    for event in yaml.parse(text, Loader=_CLoader):
        mark: Any = event.start_mark
        if isinstance(event, AliasEvent):
            raise _Refused(problem="aliases (*name) are not allowed in content: write the value out", problem_mark=mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise _Refused(problem="anchors (&name) are not allowed in content: write the value out", problem_mark=mark)
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return yaml.compose(text, Loader=_CLoader)


def _universal_newlines(text: str) -> str:
    """Line ends as Python's text mode reads them (every \\r\\n and \\r a \\n), so that lines and
    columns are counted as an editor sees them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(file: Path, shown_as: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``file``; return the document (None on a syntax error) and any problems."""
    problems: list[Problem] = []
    doc = YamlDoc(path=shown_as, data=None)
    try:
        data = read_regular(file, MAX_BYTES)  # never a pipe, folder or link: see mcframe.inside
    except NotRegular as exc:
        return None, [Problem(shown_as, 1, 1, str(exc))]
    try:
        text = _universal_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return None, [Problem(shown_as, 1, 1, f"not valid UTF-8: {exc.reason}")]
    try:
        node = _compose(text)
    except _Refused as exc:
        mark = exc.problem_mark
        return None, [Problem(shown_as, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, str(exc.problem))]
    except RecursionError:
        return None, [Problem(shown_as, 1, 1, f"nested more than {MAX_DEPTH} levels deep")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context and exc.context_mark:
            ctx = exc.context_mark
            what += f" ({exc.context} started at line {ctx.line + 1}, column {ctx.column + 1})"
        return None, [Problem(shown_as, line, col, f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown_as, 1, 1, f"YAML error: {exc}")]
    if node is None:
        return None, [Problem(shown_as, 1, 1, "the file is empty")]
    try:
        doc.data = _Builder(doc, problems).build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(shown_as, line, col, f"YAML error: {exc.problem}")]
    return doc, problems
