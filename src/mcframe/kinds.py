"""The kinds of content the engine knows: one explicit registry.

A site's ``content/site.yaml`` declares its collections, each with a name of the site's choosing and
one of these kinds (any number of collections may share a kind: a site has as many vocabularies as it
needs). A kind is its model class; what the kind checks beyond its fields is the model's ``checks``.
"""

from __future__ import annotations

from . import models as m

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
    )
}


def register(model: type[m.Element]) -> type[m.Element]:
    """Add a kind (a model class with its own ``kind``): how a project or a test brings its own."""
    KINDS[model.kind] = model
    return model
