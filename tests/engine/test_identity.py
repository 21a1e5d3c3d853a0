"""The site's logo, favicon and the logo's alt text come from site.yaml: a site's own mark is a file
under content/, checked like content; a site that names none gets the engine's neutral mark (no
framework's emblem), and ``logo: none`` shows none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURE, Built, copy_fixture, edit, run_mcframe
from mcframe.identity import neutral_favicon_svg, neutral_logo_svg
from mcframe.safety import svg_risks

MARK = FIXTURE / "content/identity/workbench.svg"
LOGO_LINE = "logo: {file: identity/workbench.svg, alt: A workbench}\n"


def logos(html: str) -> list[str]:
    """The logo images in the header and the navigation drawer."""
    return re.findall(r'<a [^>]*class="md-(?:header|nav)__button md-logo"[^>]*>\s*(.*?)\s*</a>', html, re.S)


def test_a_site_with_its_own_logo_shows_it_with_its_alt_text_and_favicon(fixture_built: Built) -> None:
    site = fixture_built.site
    assert (site / "assets/mcframe/logo.svg").read_bytes() == MARK.read_bytes()
    for page in ("index.html", "ideas/k1.html"):
        html = (site / page).read_text()
        prefix = "../" if "/" in page else ""
        assert logos(html) == [f'<img src="{prefix}assets/mcframe/logo.svg" alt="A workbench">'] * 2, page
        # No favicon named: the site's own mark serves in browser tabs too.
        assert f'<link rel="icon" href="{prefix}assets/mcframe/logo.svg">' in html
    assert not (site / "assets/mcframe/favicon.svg").exists()
    assert not (site / "assets/images/favicon.png").exists()  # the theme's own is left out


def test_a_site_without_a_logo_gets_the_neutral_mark_and_logo_none_shows_none(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    site_yaml = project / "content/site.yaml"
    edit(site_yaml, LOGO_LINE, "")
    assert run_mcframe(project, "build").returncode == 0
    site = project / "site"
    logo, favicon = (site / "assets/mcframe/logo.svg").read_text(), (site / "assets/mcframe/favicon.svg").read_text()
    assert logo == neutral_logo_svg() and favicon == neutral_favicon_svg(None).replace("#4051b5", "#5b2c6f")
    assert "<circle" not in logo + favicon  # no framework's emblem
    html = (site / "index.html").read_text()
    assert logos(html) == ['<img src="assets/mcframe/logo.svg" alt="Workshop Supervision Framework">'] * 2  # the site's title
    assert '<link rel="icon" href="assets/mcframe/favicon.svg">' in html

    edit(site_yaml, "title: Workshop Supervision Framework\n", "title: Workshop Supervision Framework\nlogo: none\n")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    html = (site / "index.html").read_text()
    assert logos(html) == ["", ""] and "<img" not in "".join(logos(html))  # not the theme's default icon either
    assert not (site / "assets/mcframe/logo.svg").exists()
    assert '<link rel="icon" href="assets/mcframe/favicon.svg">' in html
    assert ".md-header__button.md-logo, .md-nav__button.md-logo { display: none" in (site / "assets/mcframe/identity.css").read_text()


def test_an_svg_with_script_is_refused_with_its_place(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    assert run_mcframe(project, "build").returncode == 0
    before = (project / "site/index.html").read_text()
    edit(project / "content/identity/workbench.svg", "  <path", '  <script>alert(1)</script>\n  <path onclick="alert(2)"')
    for command in ("build", "check"):
        result = run_mcframe(project, command)
        assert result.returncode == 1, command
        assert "content/identity/workbench.svg:3:3: an SVG may hold drawing only: it has a <script> element" in result.stderr, result.stderr
        assert "content/identity/workbench.svg:4:3: an SVG may hold drawing only: it has an event attribute (onclick=) on <path>" in result.stderr
        assert "Traceback" not in result.stderr
    assert (project / "site/index.html").read_text() == before


@pytest.mark.parametrize(
    ("value", "where", "message"),
    [
        ("identity/nothing.svg", "content/site.yaml:{line}:", "no file content/identity/nothing.svg"),
        ("../mkdocs.yml", "content/site.yaml:{line}:", "'../mkdocs.yml' should be a path inside content/, like identity/logo.svg"),
        ("ideas.yaml", "content/site.yaml:{line}:", "'ideas.yaml' should be an SVG or PNG file (.svg, .png)"),
        ("linked.svg", "content/linked.svg:1:1:", "content files and folders may not be symbolic links"),
        ("fake.png", "content/fake.png:1:1:", "this is not a PNG file"),
    ],
)
def test_a_logo_file_is_checked_like_content(tmp_path: Path, value: str, where: str, message: str) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "content/linked.svg").symlink_to(MARK)
    (project / "content/fake.png").write_text("<svg/>")
    edit(project / "content/site.yaml", LOGO_LINE, f"logo: {{file: {value}, alt: A workbench}}\n")
    line = (project / "content/site.yaml").read_text().splitlines().index(f"logo: {{file: {value}, alt: A workbench}}") + 1
    result = run_mcframe(project, "check")  # as the build reports it: see test_check_parity
    assert result.returncode == 1
    assert where.format(line=line) in result.stderr and message in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (LOGO_LINE, "logo: nothing\n", "'logo': should be a file and its alt text ({file: identity/logo.svg, alt: …}) or none, not 'nothing'"),
        (LOGO_LINE, "logo: {file: identity/workbench.svg}\n", "missing required field 'alt'"),
        (LOGO_LINE, "logo: {file: identity/workbench.svg, alt: A workbench, alt_text: x}\n", "unknown field 'alt_text' (did you mean 'alt'?)"),
        # An unknown field of a mapping that may be left out is named as itself (it was "unknown field 'colours'").
        ('  accent: "#8a4b08"\n', '  accent: "#8a4b08"\n  acent: "#000000"\n', "unknown field 'acent' (did you mean 'accent'?)"),
    ],
)
def test_a_wrong_logo_in_site_yaml_is_reported_in_its_words(tmp_path: Path, old: str, new: str, expected: str) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", old, new)
    result = run_mcframe(project, "check")
    assert result.returncode == 1 and re.search(r"content/site\.yaml:\d+:\d+: " + re.escape(expected), result.stderr), result.stderr


@pytest.mark.parametrize(
    ("svg", "found"),
    [
        ('<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>', [(1, 6, "a <foreignObject> element")]),
        ('<svg>\n<a xlink:href="https://example.org/"><rect/></a></svg>', [(2, 1, 'a reference outside the file (xlink:href="https://example.org/") on <a>')]),
        ('<svg><image href="photo.png"/></svg>', [(1, 6, 'a reference outside the file (href="photo.png") on <image>')]),
        ('<svg><rect style="fill: url(https://example.org/x)"/></svg>', [(1, 6, "style that loads another file (style=) on <rect>")]),
        ("<svg><style>@import 'x.css';</style></svg>", [(1, 13, "style that loads another file (<style>)")]),
        ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', [(1, 6, "a script address in to= on <set>")]),
        ('<?xml-stylesheet href="x.css"?><svg/>', [(1, 1, "a processing instruction (<?xml-stylesheet?>)")]),
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', [(1, 1, "a DOCTYPE or entity declaration (an SVG needs none)")]),
        ("<svg><rect></svg>", [(1, 14, "XML that does not parse (mismatched tag)")]),
        # Drawing only: references inside the file and inline raster images are fine.
        ('<?xml version="1.0"?><svg><use href="#a"/><rect style="fill:url(#g)"/><image href="data:image/png;base64,AA=="/></svg>', []),
    ],
)
def test_an_svg_may_hold_drawing_only(svg: str, found: list[tuple[int, int, str]]) -> None:
    assert svg_risks(svg.encode()) == found
