"""A template's mistakes, reported where they are: ``templates/x.md.j2:LINE:1: message``, relative to
the project, never a Python traceback.

- A syntax error names its template and line (Jinja2 gives no column: the column is 1).
- An error while rendering (an undefined name, a label with no words, a failing call) names the
  template and line that raised it: Jinja2 gives each template frame of the traceback the template's
  file and line, so the innermost such frame is the place.
- A template that reaches what the sandbox refuses (see :mod:`mcframe.sandbox`) is an error at its
  line too, saying what it reached; a template file that is a link or not a regular file is an
  error at that file.
- Labels: a template asking for a label that neither the engine (labels.yaml) nor site.yaml has is
  an error at the template's line, found before rendering, in branches a page may not take too; a key
  under ``labels`` in site.yaml that neither the engine nor the project's templates ask for is an
  error with a suggestion (a misspelt key would leave the engine's word on every page unnoticed).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateNotFound, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError

from .kinds import TEMPLATE_DIRS
from .library import Library
from .problems import Problem
from .sandbox import TemplateRefused
from .sitedef import DEFAULT_LABELS
from .validation import did_you_mean

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"  # the site-wide ones; a kind's are in its folder


class Places:
    """The folders templates come from, and how a problem names a template file: relative to the
    project (``templates/x.md.j2``), or for the package's own, to the package's folder."""

    def __init__(self, project_templates: Path | None) -> None:
        self.project = project_templates.resolve().parent if project_templates is not None else None
        self.own = project_templates.resolve() if project_templates is not None and project_templates.is_dir() else None
        self.roots = [r for r in (self.own, PACKAGE_TEMPLATES, *(d.resolve() for d in TEMPLATE_DIRS)) if r is not None]

    def shown(self, filename: str | None, follow: bool = True) -> str | None:
        """How a problem names ``filename``; None when it is not a template file. Not ``follow``:
        ``filename`` is a link, named as it is (what it points to may be anywhere)."""
        if not filename or not filename.endswith(".j2"):
            return None
        path = Path(filename).resolve() if follow else Path(os.path.normpath(filename))
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        base = self.project if self.project is not None and path.is_relative_to(self.project) else PACKAGE_TEMPLATES.parents[1]
        return path.relative_to(base).as_posix()


def template_problem(exc: BaseException, places: Places, page: str) -> Problem | None:
    """The template file and line that ``exc`` (raised while loading or rendering ``page``) comes
    from; None when no template is to blame (a mistake of the engine's own code)."""
    if isinstance(exc, TemplateSyntaxError) and (shown := places.shown(exc.filename)):
        return Problem(shown, exc.lineno, 1, f"template syntax error: {exc.message}")
    if isinstance(exc, TemplateRefused) and (shown := places.shown(exc.filename, follow=False)):
        return Problem(shown, 1, 1, str(exc.message))
    frames = [(shown, f.lineno) for f in traceback.extract_tb(exc.__traceback__) if (shown := places.shown(f.filename))]
    if not frames:
        return None
    shown, line = frames[-1]  # the innermost template frame: where the template asked
    return Problem(shown, line or 1, 1, f"{_describe(exc)} (rendering {page})")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SecurityError):  # what the sandbox refused: say what and why
        return f"not allowed in a template: {exc.message}"
    if isinstance(exc, UndefinedError):
        return str(exc.message)
    if isinstance(exc, TemplateNotFound):
        return f"no template '{exc.name}' in templates/ or the package"
    if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str) and exc.args[0].startswith("no label"):
        return exc.args[0]
    return f"{type(exc).__name__}: {exc}"


def _parsed(env: Environment, name: str, cache: dict[str, tuple[nodes.Template, str] | None]) -> tuple[nodes.Template, str] | None:
    if name not in cache:
        assert env.loader is not None
        try:
            source, filename, _ = env.loader.get_source(env, name)
            cache[name] = env.parse(source, name, filename), filename or name
        except (TemplateNotFound, TemplateSyntaxError, TemplateRefused):  # reported where the template is loaded
            cache[name] = None
    return cache[name]


def _label_calls(ast: nodes.Template) -> Iterable[tuple[int, str | None, str | None]]:
    """(line, key, prefix) of each call of ``label`` with a key, or a key's start (``"fit_" ~ level``), and of ``words`` (a start)."""
    for call in ast.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name in ("label", "words") and call.args):
            continue
        arg = call.args[0]
        if isinstance(arg, nodes.Concat) and arg.nodes:
            arg, whole = arg.nodes[0], False
        else:
            whole = call.node.name == "label"
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            yield call.lineno, arg.value if whole else None, None if whole else arg.value


def label_problems(lib: Library, env: Environment, places: Places, used: Iterable[str]) -> list[Problem]:
    """Labels the ``used`` templates (and those they import or include) ask for that have no words;
    keys under ``labels`` in site.yaml that no template asks for."""
    have = {*DEFAULT_LABELS, *lib.site.labels}
    problems = []
    seen: set[str] = set()
    cache: dict[str, tuple[nodes.Template, str] | None] = {}
    queue = list(used)
    while queue:
        name = queue.pop()
        if name in seen or (parsed := _parsed(env, name, cache)) is None:
            continue
        seen.add(name)
        ast, filename = parsed
        queue += [n for n in meta.find_referenced_templates(ast) if n]
        for line, key, _ in _label_calls(ast):
            if key is not None and key not in have:
                message = f"no label '{key}': add it under labels in site.yaml{did_you_mean(key, have)}"
                problems.append(Problem(places.shown(filename) or name, line, 1, message))

    asked, prefixes = set(DEFAULT_LABELS), set()
    project_names = FileSystemLoader(str(places.own)).list_templates() if places.own else []
    for name in [*project_names, *(n for n in FileSystemLoader(str(PACKAGE_TEMPLATES)).list_templates() if n not in project_names)]:
        if (parsed := _parsed(env, name, cache)) is not None:
            for _, key, prefix in _label_calls(parsed[0]):
                asked.update([key] if key else [])
                prefixes.update([prefix] if prefix else [])
    for key in lib.site.labels:
        if key not in asked and not any(key.startswith(p) for p in prefixes):
            message = f"unknown label '{key}'{did_you_mean(key, asked)}: neither the engine nor a template of the project uses it"
            problems.append(lib.site_doc.problem(("labels", key), message, key=True))
    return problems
