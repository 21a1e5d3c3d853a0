"""The kinds of content the engine knows: one explicit registry.

A site's ``content/site.yaml`` declares its collections, each with a name of the site's choosing and
one of these kinds (any number of collections may share a kind: a site has as many vocabularies as it
needs). Each kind is a folder of its own here, and everything about it is in that folder:

- ``__init__.py``: its model (the fields, and ``checks`` for what their types cannot say); and, as it
  needs them, ``check_together`` (what its elements must be taken together), ``print_pdf`` (how it
  prints in the whole-framework PDF), ``print_poster`` (how it is drawn on the A3 poster),
  ``drawings`` (SVG the PDF and poster place beside the text), ``template_helpers`` (what it gives its
  templates) and ``EXPORTS`` (files pages may offer as downloads);
- ``templates/``: its page templates;
- ``labels.yaml`` (and ``labels.fr.yaml``): its words, which a site overrides under ``labels``.

Adding a kind is its folder and one line in the list below. Open data, JSON Schemas, validation,
references and backlinks, routes and navigation follow from the model with no further code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import models as m
from .activity import Activity
from .agency import Agency
from .approach import Approach
from .case_study import CaseStudy
from .concept import Concept
from .description import DescriptionRow
from .edition import EditionEntry
from .evidence import EvidenceDigest
from .indicator_area import IndicatorArea
from .leadership_stage import LeadershipStage
from .practice_site import PracticeSite
from .principle import Principle
from .programme import Programme
from .protocol import Protocol
from .question import Question
from .resource import Resource
from .route import Route
from .skill import Skill
from .source import Source
from .term import Term
from .vocabulary import Vocabulary

KINDS: dict[str, type[m.Element]] = {
    model.kind: model
    for model in (
        Source,
        Concept,
        Principle,
        DescriptionRow,
        Skill,
        Vocabulary,
        Term,
        CaseStudy,
        PracticeSite,
        EvidenceDigest,
        Agency,
        Programme,
        Resource,
        IndicatorArea,
        Question,
        Activity,
        LeadershipStage,
        Route,
        Approach,
        EditionEntry,
        Protocol,
    )
}

# What kinds bring, gathered from their modules by the names above.
# How each kind prints itself in the whole-framework PDF: its module's print_pdf, given the printer and
# the elements of one collection (a kind without one prints its elements' names and short lines).
PRINTERS: dict[str, Callable[[Any, list[Any]], None]] = {
    kind: printer for kind, model in KINDS.items() if (printer := getattr(sys.modules[model.__module__], "print_pdf", None)) is not None
}

# How a kind draws a collection on the A3 poster (its module's print_poster: Typst lines); others are
# a list of names.
POSTER_BLOCKS: dict[str, Callable[[Any, list[Any]], list[str]]] = {
    kind: draw for kind, model in KINDS.items() if (draw := getattr(sys.modules[model.__module__], "print_poster", None)) is not None
}

# The drawings a kind places beside the text of the PDF and the poster (its module's drawings: SVG
# by file name), and the exports it offers pages (its module's EXPORTS, or its spreadsheet module's).
DRAWINGS: dict[str, Callable[[Any], dict[str, str]]] = {
    kind: draw for kind, model in KINDS.items() if (draw := getattr(sys.modules[model.__module__], "drawings", None)) is not None
}
EXPORTS: dict[str, Callable[[Any], bytes]] = {
    name: export for model in KINDS.values() for name, export in getattr(sys.modules[model.__module__], "EXPORTS", {}).items()
}

# What a kind gives templates (its module's template_helpers): {name: a maker, given the helpers of the
# page being rendered, of what templates call by that name}.
TEMPLATE_HELPERS: dict[str, dict[str, Callable[[Any], Callable[..., Any]]]] = {
    kind: make() for kind, model in KINDS.items() if (make := getattr(sys.modules[model.__module__], "template_helpers", None)) is not None
}

# What a kind requires of its elements taken together (its module's check_together), beyond each one's.
CHECKS_TOGETHER: dict[str, Callable[[list[Any], Callable[[Any, tuple[str | int, ...]], str]], list[tuple[Any, tuple[str | int, ...], str]]]] = {
    kind: check for kind, model in KINDS.items() if (check := getattr(sys.modules[model.__module__], "check_together", None)) is not None
}

# Folders of page templates that kinds bring with them, searched after the package's own.
TEMPLATE_DIRS: list[Path] = sorted(p for p in Path(__file__).parent.glob("*/templates") if p.is_dir())


def register(model: type[m.Element]) -> type[m.Element]:
    """Add a kind (a model class with its own ``kind``): how a project or a test brings its own."""
    KINDS[model.kind] = model
    return model
