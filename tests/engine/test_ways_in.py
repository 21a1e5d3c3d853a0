"""Ways in and identity, on the fixture framework: the palette, logo and favicon come from site.yaml
(checked for contrast), the home page's buttons and the routes by role are declared in content, and
the navigation folds pages into groups. Nothing here depends on the real content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Built, copy_fixture, edit, run_mcframe
from mcframe import identity
from mcframe.library import load_library
from mcframe.render import build_nav, render_site
from minimal import META, problems_for


def test_the_palette_logo_and_favicon_come_from_site_yaml(fixture_built: Built) -> None:
    css = (fixture_built.site / "assets/mcframe/identity.css").read_text()
    assert "--md-primary-fg-color: #5b2c6f;" in css and "--md-accent-fg-color: #8a4b08;" in css
    home = (fixture_built.site / "index.html").read_text()
    assert 'href="assets/mcframe/identity.css"' in home
    assert home.index("palette.") < home.index("assets/mcframe/identity.css")  # after the theme's palette, so it wins
    assert 'data-md-color-primary="custom"' in home
    # The fixture's own mark serves as its favicon (see test_identity for the engine's, in the palette's colour).
    assert '<img src="assets/mcframe/logo.svg"' in home and '<link rel="icon" href="assets/mcframe/logo.svg">' in home
    assert 'fill="#5b2c6f"' in (fixture_built.site / "assets/mcframe/logo.svg").read_text()


def test_the_header_is_drawn_in_the_sites_colour(browser, fixture_unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto((fixture_unpacked / "index.html").as_uri())
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(91, 44, 111)"
    fonts = page.evaluate("() => [...document.fonts].length")
    assert fonts == 0  # system fonts only: no web font is declared, so none can be fetched
    page.close()


@pytest.mark.parametrize(("colour", "field"), [("#8fb3c9", "primary"), ("#ffcc00", "accent")])
def test_a_colour_white_text_cannot_carry_is_refused(tmp_path: Path, colour: str, field: str) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", '"#5b2c6f"' if field == "primary" else '"#8a4b08"', f'"{colour}"')
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    expected = rf"content/site\.yaml:\d+:\d+: {colour} against white has a contrast of \d\.\d\d:1; WCAG AA needs 4\.5:1"
    assert re.search(expected, result.stderr), result.stderr


def test_contrast_is_wcags() -> None:
    assert round(identity.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(identity.contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes AA
    assert identity.problems(identity.Colours(primary="#14505c", accent="#9a3412")) == []


def test_buttons_and_routes_link_where_site_yaml_says(fixture_built: Built) -> None:
    home = (fixture_built.site / "index.html").read_text()
    assert re.search(r'<p class="mcf-hero__actions"><a class="md-button md-button--primary" href="ways-in.html">Where to begin</a>\s*</p>', home)
    assert "Never shown" not in home  # an action whose page is absent is left out
    assert '<a href="ways-in.html#supervisor"><strong>New supervisor</strong>' in home
    ways = (fixture_built.site / "ways-in.html").read_text()
    route = ways[ways.index('id="supervisor"') : ways.index('id="apprentice"')]
    steps = re.findall(r'<li><a class="mcf-route__link" href="([^"]+)">([^<]+)</a>', route)
    assert steps == [("ideas/k1.html", "Demonstration"), ("rules.html", "Rules of thumb for supervisors"), ("lexicon.html#chisel", "chisel")]
    assert "A step to a page this site does not have" not in ways


ROUTES = (
    "routes:\n  - id: mentor\n    title: Mentor\n    who: You mentor.\n    steps:\n{steps}"
    "    sources: [seed]\n" + "".join("    " + line + "\n" for line in META.splitlines())
)


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ("      - {page: principles, concept: C1, why: Two at once.}\n      - {page: skills, why: Fine.}\n",
         "routes.yaml:6:9: a step goes to exactly one page or element, not page, concept"),
        ("      - {why: Nowhere.}\n      - {page: skills, why: Fine.}\n", "routes.yaml:6:9: a step goes to exactly one page or element, not nothing"),
        ("      - {page: principle, why: A typo.}\n      - {page: skills, why: Fine.}\n",
         "routes.yaml:6:16: unknown page 'principle' (did you mean 'principles'?)"),
        ("      - {principle: P9, why: No such.}\n      - {page: skills, why: Fine.}\n", "routes.yaml:6:21: unknown principle 'P9' (did you mean 'P1'?)"),
        ("      - {page: skills, why: Only one step.}\n", "routes.yaml:6:7: 'steps' needs at least 2 item(s)"),
    ],
)
def test_route_mistakes_are_reported_with_their_place(tmp_path: Path, steps: str, expected: str) -> None:
    problems = problems_for(tmp_path, "routes.yaml", ROUTES.replace("{steps}", steps))
    assert any(p.endswith(expected) for p in problems), problems


APPROACH = (
    "approaches:\n  - id: W1\n{subject}    fits:\n      - {concept: C1, level: best, why: It fits., rows: [D1]}\n"
    "    sources: [seed]\n" + "".join("    " + line + "\n" for line in META.splitlines())
)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("    purpose: PU-ONE\n    career_stage: ST-ONE\n", "approaches.yaml:2:5: 'W1' is for one purpose or one career stage: give exactly one of them"),
        ("", "approaches.yaml:2:5: 'W1' is for one purpose or one career stage: give exactly one of them"),
        ("    purpose: PU-TWO\n", "approaches.yaml:3:14: unknown purpose 'PU-TWO' (did you mean 'PU-ONE'?)"),
    ],
)
def test_approach_mistakes_are_reported_with_their_place(tmp_path: Path, subject: str, expected: str) -> None:
    problems = problems_for(tmp_path, "approaches.yaml", APPROACH.replace("{subject}", subject))
    assert any(p.endswith(expected) for p in problems), problems


def test_an_approach_is_named_by_its_purpose_or_stage(tmp_path: Path) -> None:
    from minimal import minimal_content

    content = minimal_content(tmp_path / "content")
    (content / "approaches.yaml").write_text(APPROACH.replace("{subject}", "    career_stage: ST-ONE\n"), encoding="utf-8")
    lib, problems = load_library(content, shown_root=tmp_path)
    assert lib is not None and not [p for p in problems if p.severity == "error"], problems
    assert lib.title_of(lib.approaches[0]) == "One"


def test_pages_naming_a_group_fold_into_it_within_their_section(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    for page_id in ("rules", "resume"):
        page = f"  - id: {page_id}\n    section: The framework\n"
        edit(project / "content/site.yaml", page, page + "    group: More\n")
    lib, problems = load_library(project / "content", shown_root=project)
    assert lib is not None, problems
    rendered, problems = render_site(lib, None, project / "templates")
    assert rendered is not None, problems
    section = next(item for item in build_nav(lib, rendered.routes) if item.title == "The framework")
    assert [c.title for c in section.children] == ["Key ideas", "More"]
    assert [c.title for c in section.children[1].children] == ["Rules of thumb", "Résumé en français"]


def test_a_route_is_text_however_it_is_written(tmp_path: Path) -> None:
    """Script or Markdown in a route's words shows as the words, on the route page and the home page."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/ways.yaml", "title: New supervisor", 'title: "New <script>alert(1)</script> supervisor"')
    edit(project / "content/ways.yaml", "why: The rules of thumb, in order.", 'why: "Read *these* <img src=x onerror=alert(2)> first."')
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    for page in ("ways-in.html", "index.html"):
        html = (project / "site" / page).read_text()
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "New &lt;script&gt;alert(1)&lt;/script&gt; supervisor" in html
    assert "Read *these* &lt;img src=x onerror=alert(2)&gt; first." in (project / "site/ways-in.html").read_text()
