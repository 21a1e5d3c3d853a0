"""``scripts/check``: everything the build would refuse in a project's content, found without building.

The check runs the build's own steps up to the pages, on the same settings: it loads the content as
the build would (drafts left out unless ``--drafts``, so a published element that refers to a draft is
caught), checks the logo and the templates, renders every page with the project's templates, and
makes the downloads. Then, for every page (generated, and each hand-written page in ``docs/``), it
resolves the ``ref:`` links and looks for anything that could run as script, as the build does when
it converts the page. Converting Markdown is the build's dearest step: a generated page is converted
only when its source holds a tag, event attribute or script address that could survive conversion
(see :func:`mcframe.safety.source_suspect`); a hand-written page is always converted. What the
check leaves to the build: the theme, the search index and the zip, which content cannot break.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from . import models as m
from .language import label_report
from .library import Library, load_library
from .problems import Problem, errors
from .safety import source_suspect
from .sitebuild import SiteBuild


class Pages(Protocol):
    """How the site generator reads a page: its Markdown without front matter, and its HTML."""

    def body(self, source: str) -> str: ...

    def html(self, markdown: str) -> str: ...


def check_project(
    project: Path, docs_dir: Path, pages: Pages, *, drafts: bool = False, options: dict[str, Any] | None = None
) -> tuple[Library | None, list[Problem]]:
    """Every problem the build would report for ``project``, and its content with drafts included
    (for lint and the summary); ``options`` are the mcframe plugin's (content_dir, trusted_pages…)."""
    options = dict(options or {})
    content = project / options.get("content_dir", "content")
    shown, problems = load_library(content, shown_root=project, drafts=True)
    if shown is None or errors(problems):
        return shown, problems
    lib: Library | None = shown
    if not drafts and any(isinstance(el, m.Sourced) and el.review.status == "draft" for els in shown.elements.values() for el in els):
        lib, problems = load_library(content, shown_root=project, drafts=False)  # as published: drafts out
        if lib is None or errors(problems):
            return shown, problems
    else:
        shown.drafts = drafts  # no draft to leave out: the same content
    site, more = SiteBuild.load(project, docs_dir, lib=lib, drafts=drafts, assets=False, **options)
    problems += more
    if site is None:
        return shown, problems
    problems += site.clashes(lambda path: (docs_dir / path).is_file())
    problems += label_report(site.lib.site, site.lib.site_doc)  # the labels the pages said, in each page's language
    generated = {p.path: p.markdown for p in site.rendered.pages}
    for path, source, hand_written in _pages(generated, docs_dir):
        body, found = site.refs_resolved(path, pages.body(source))
        problems += found
        late = site.rendered.late.get(path, {})
        if hand_written or source_suspect(body) or any(source_suspect(html) for html in late.values()):
            problems += site.risks(path, site.put_late(path, pages.html(body)))
    return shown, problems


def _pages(generated: dict[str, str], docs_dir: Path) -> Iterator[tuple[str, str, bool]]:
    """(path, Markdown, hand-written) of every page the build converts: the generated pages, and the
    Markdown files in the docs folder (not hidden ones, nor a templates/ folder, as MkDocs skips)."""
    yield from ((path, markdown, False) for path, markdown in generated.items())
    if not docs_dir.is_dir():
        return
    for file in sorted(docs_dir.rglob("*.md")):
        rel = file.relative_to(docs_dir)
        if rel.parts[0] == "templates" or any(part.startswith(".") for part in rel.parts) or rel.as_posix() in generated:
            continue
        yield rel.as_posix(), file.read_text(encoding="utf-8"), True
