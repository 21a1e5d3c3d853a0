"""The kinds of content the engine knows: one explicit registry.

A site's ``content/site.yaml`` declares its collections, each with a name of the site's choosing and
one of these kinds (any number of collections may share a kind: a site has as many vocabularies as it
needs). A kind is its model class; what the kind checks beyond its fields is the model's ``checks``.

A kind may live in a folder of its own here (``protocol/``): its model in ``__init__.py`` and its
page templates in ``templates/``. Adding such a kind is its folder and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import models as m
from .protocol import Protocol, print_protocols

KINDS: dict[str, type[m.Element]] = {
    model.kind: model
    for model in (
        m.Source,
        m.Concept,
        m.Principle,
        m.DescriptionRow,
        m.Skill,
        m.Vocabulary,
        m.Term,
        m.CaseStudy,
        m.PracticeSite,
        m.EvidenceDigest,
        m.Agency,
        m.Programme,
        m.Resource,
        m.IndicatorArea,
        m.Question,
        m.Activity,
        m.LeadershipStage,
        m.Route,
        m.Approach,
        m.EditionEntry,
        Protocol,
    )
}

# How kinds in folders of their own print themselves in the whole-framework PDF (others print their
# elements' names and short lines); each is given the printer and the elements of one collection.
PRINTERS: dict[str, Callable[[Any, list[Any]], None]] = {Protocol.kind: print_protocols}

# Folders of page templates that kinds bring with them, searched after the package's own.
TEMPLATE_DIRS: list[Path] = sorted(p for p in Path(__file__).parent.glob("*/templates") if p.is_dir())


def register(model: type[m.Element]) -> type[m.Element]:
    """Add a kind (a model class with its own ``kind``): how a project or a test brings its own."""
    KINDS[model.kind] = model
    return model
