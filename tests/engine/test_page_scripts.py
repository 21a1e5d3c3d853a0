"""A page loads only the engine's scripts it has work for: its HTML says which (the markup each
script acts on), and the seam puts in a site-relative <script> for each, after the theme's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, Built
from mcframe.pagescripts import SCRIPTS, needed, with_scripts

ASSETS = ROOT / "src/mcframe/assets"


def loaded(html: str) -> list[str]:
    return re.findall(r'<script src="(?:\.\./)*assets/mcframe/(\w+)\.js"></script>', html)


def test_each_page_loads_the_scripts_its_markup_needs_and_no_other(fixture_built: Built) -> None:
    site = fixture_built.site
    found = {p.relative_to(site).as_posix(): loaded(p.read_text()) for p in site.rglob("*.html") if p.name != "404.html"}
    assert found == {
        "index.html": ["glossary", "cite"],
        "ways-in.html": ["glossary", "cite"],
        "ideas/k1.html": ["glossary", "cite"],
        "ideas/k2.html": ["glossary", "cite"],
        "rules.html": ["glossary", "cite"],
        "resume-fr.html": ["cite"],  # in French: no English term links
        "lexicon.html": ["glossary", "cite"],
        "references.html": ["cite"],
        "notes.html": ["glossary", "cite"],  # a hand-written page: its term links and its "Cite this"
    }
    # No page of this site has a facilitator's board, a self-review or filters: their scripts load nowhere.
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "circlesboard.js" not in html and "selfreview.js" not in html and "filters.js" not in html, page
    for page, scripts in found.items():  # each link reaches the site's own file
        html = (site / page).read_text()
        for src in re.findall(r'<script src="([^"]*assets/mcframe/[^"]+)"', html):
            assert (site / page).parent.joinpath(src).resolve().is_file(), (page, src)
        assert html.index("assets/javascripts/bundle.") < html.index(f"assets/mcframe/{scripts[0]}.js")  # after the theme's


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: Path(s.uri).name)
def test_each_script_looks_for_the_markup_it_is_loaded_for(script) -> None:  # type: ignore[no-untyped-def]
    assert script.selector in (ASSETS / Path(script.uri).name).read_text()


def test_markup_counts_only_in_a_tag() -> None:
    board = '<div id="mcf-board" class="mcf-board" hidden>'
    assert needed(board) == ["assets/mcframe/circlesboard.js"]
    assert needed('<pre><code>&lt;div id="mcf-board"&gt;</code></pre><p>id="mcf-review"</p>') == []  # a code sample, and text
    assert needed('<a class="x mcf-term" data-term="t" href="#t">t</a><form class="mcf-filters" data-mcf-filter="all">') == [
        "assets/mcframe/glossary.js", "assets/mcframe/filters.js",
    ]
    page = f"<html><body>{board}\n<script src='theme.js'></script></body></html>"
    assert with_scripts(page, lambda uri: "../" + uri) == (
        f"<html><body>{board}\n<script src='theme.js'></script><script src=\"../assets/mcframe/circlesboard.js\"></script>\n</body></html>"
    )
    assert with_scripts("<html><body><p>Nothing to do</p></body></html>", str) == "<html><body><p>Nothing to do</p></body></html>"
