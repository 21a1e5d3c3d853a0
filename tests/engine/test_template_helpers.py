"""The template helpers are documented in one place (the README's "What a template has"), and that
table names every helper the engine gives a template, and no other."""

from __future__ import annotations

import re

from conftest import ROOT
from mcframe.kinds import TEMPLATE_HELPERS


def _given() -> set[str]:
    source = (ROOT / "src/mcframe/render.py").read_text(encoding="utf-8")
    body = source[source.index("    def context(self, at: str") : source.index("    def late_svg")]
    kinds = {name for helpers in TEMPLATE_HELPERS.values() for name in helpers}  # what kinds give their templates
    return set(re.findall(r'^            "([a-z_]+)":', body, flags=re.M)) | kinds


def _documented() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("#### What a template has") : readme.index("### Another framework")]
    names: set[str] = set()
    for row in re.findall(r"^\| (.+?) \| .+ \|$", table, flags=re.M)[1:]:  # past the heading row
        names |= set(re.findall(r"`([a-z_]+)(?:\(|`|\.)", row))
    return names - {"back"} | ({"back"} if "`back.of" in table else set())


def test_every_helper_a_template_is_given_is_documented() -> None:
    given, documented = _given(), _documented()
    assert len(given) > 30
    assert given - documented == set(), f"helpers given to templates but not in the README: {sorted(given - documented)}"
    assert documented - given == set(), f"helpers in the README that templates are not given: {sorted(documented - given)}"
