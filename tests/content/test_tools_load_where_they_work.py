"""The real site's tools load where they work and nowhere else (they are tested working in Chromium
in test_indicators and test_diagrams)."""

from __future__ import annotations

import re

from conftest import Built


def test_each_tool_loads_only_on_its_page(built: Built) -> None:
    site = built.site
    pages = {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*.html") if p.name != "404.html"}
    with_script = {name: sorted(p for p, html in pages.items() if re.search(rf'<script src="[./]*assets/mcframe/{name}\.js">', html)) for name in
                   ("selfreview", "circlesboard", "filters")}
    assert with_script == {
        "selfreview": ["indicators/index.html"],
        "circlesboard": ["framework/activity-circles.html"],
        "filters": ["case-studies/index.html", "policy/grid.html"],
    }
    assert "glossary.js" not in pages["changelog.html"]  # no term links there
