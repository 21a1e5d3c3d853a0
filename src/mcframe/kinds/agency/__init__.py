"""Agencies: the bodies behind the programmes of a policy grid."""

from __future__ import annotations

from ...models import (
    Id,
    Markdown,
    Sourced,
    Sources,
    Text,
)


class Agency(Sourced):
    kind = "agency"
    title_field = "name"
    id: Id
    name: Text
    abbreviation: Text
    description: Markdown
    sources: Sources
