"""The site definition (content/site.yaml) drives the site: pages, navigation, labels, templates,
collections and ID forms. Run on the fixture framework, so nothing here depends on the real content.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import FIXTURE, ROOT, Built, copy_fixture, edit, run_mcframe
from mcframe.kinds import register
from mcframe.library import load_library
from mcframe.models import Markdown, Sourced, Sources, Text
from mcframe.render import render_site

TEMPLATES = ROOT / "src" / "mcframe" / "templates"


def load(project: Path):  # type: ignore[no-untyped-def]
    lib, problems = load_library(project / "content", shown_root=project)
    assert lib is not None and not [p for p in problems if p.severity == "error"], problems
    rendered, problems = render_site(lib, None, project / "templates")
    assert rendered is not None, problems
    return lib, rendered


def problems_of(project: Path) -> list[str]:
    lib, problems = load_library(project / "content", shown_root=project)
    if lib is not None and not problems:
        _, problems = render_site(lib, None, project / "templates")
    return [str(p) for p in problems]


def nav_titles(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for item in items for t in [item.title, *nav_titles(item.children)]]


# --- The fixture framework builds with the same package --------------------------------------------


def test_the_fixture_builds_with_its_own_shape(fixture_built: Built) -> None:
    home = (fixture_built.site / "index.html").read_text()
    assert "<title>Workshop Supervision Framework</title>" in home  # the home page is called by the site's name alone
    assert "Supervising apprentices: an example framework" in home  # the subtitle heads the home page
    assert "The fixture editors · Edition 3, 2026-01-15 · Example text, free to reuse." in home  # footer
    # Nav in site.yaml's order, with the section and the element group it declares. Each page's HTML
    # holds the open section's entries only (navigation.prune), and the current page's headings.
    def nav_of(page: str, unique: bool = True) -> list[str]:
        found = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', (fixture_built.site / page).read_text())
        return list(dict.fromkeys(found)) if unique else found

    assert nav_of("index.html")[:9] == [
        "Workshop Supervision Framework", "Start", "Where to start", "Explore the library", "Ways in",
        "The framework", "Lexicon", "References", "Editors' notes",
    ]
    idea = nav_of("ideas/k1.html", unique=False)
    idea = list(dict.fromkeys(idea[idea.index("The framework") :]))  # after the header, which names the page
    assert [t for t in idea if t in ("Key ideas", "Demonstration", "Practice under watch", "Rules of thumb", "Résumé en français")] == [
        "Key ideas", "Demonstration", "Practice under watch", "Rules of thumb", "Résumé en français",
    ]
    assert "Shown only with websites" not in home  # its collection is empty
    assert "Never shown" not in home  # a card whose page is absent is left out
    # Each card's line stays inside its card.
    assert re.search(r'<li>\s*<p><strong><a href="rules.html">Rules of thumb</a></strong></p>\s*<hr\s*/?>\s*<p>2 rules for supervisors.</p>\s*</li>', home)


def test_labels_from_the_site_definition(fixture_built: Built) -> None:
    idea = (fixture_built.site / "ideas/k1.html").read_text()
    assert '<p class="mcf-id">Key idea</p>' in idea  # labels.core_concept overridden
    assert idea.count('<span class="mcf-id__code') == 1  # the ID once, beside the title
    assert "Other key ideas" not in idea and "Other core concepts" in idea  # the engine's default stays
    rules = (fixture_built.site / "rules.html").read_text()
    assert "Rule of thumb <span class=\"mcf-id__code\">R-01</span>" in rules  # the collection's label


def test_references_name_the_library_in_the_sites_words(tmp_path: Path) -> None:
    """How a reference names the library (edition, offline edition, the element's ID) is a label."""
    project = copy_fixture(tmp_path / "p")
    french = '  cite_container: "{title} (édition {edition})"\n  cite_medium_offline: édition hors ligne\n  cite_note_offline: "Hors ligne ; {id}"\n'
    edit(project / "content/site.yaml", "labels:\n", "labels:\n" + french)
    assert run_mcframe(project, "build").returncode == 0
    k1 = (project / "site/ideas/k1.html").read_text()
    assert "Workshop Supervision Framework (édition 3)" in k1 and "[Édition hors ligne]" in k1 and "offline edition" not in k1.lower().split("<article", 1)[1]
    assert "Hors ligne ; K1" in (project / "site/cite/edition.json").read_text()


def test_a_page_in_another_language_is_marked(fixture_built: Built) -> None:
    html = (fixture_built.site / "resume-fr.html").read_text()
    assert re.search(r'<div lang="fr">\s*<h1 id="resume-en-francais">Résumé en français<', html)
    assert "Il contient 2 idées clés et 2 règles pratiques." in html  # the fixture's own template
    assert '<html lang="fr"' in html  # the whole page, the theme's words too (WCAG 3.1.1)
    assert '<html lang="en"' in (fixture_built.site / "rules.html").read_text()


def test_hand_written_page_sits_where_site_yaml_puts_it(fixture_built: Built) -> None:
    html = (fixture_built.site / "notes.html").read_text()
    assert "Editors&#39; notes" in html or "Editors' notes" in html
    assert re.search(r'class="mcf-term"[^>]*data-term="apprentice"', html)  # linked like any page


def test_the_fixture_passes_the_browser_gates(browser, fixture_unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    from gates import listing, survey

    found = survey(browser, fixture_unpacked)
    for gate in (found.console, found.outside, found.structure, found.navigation, found.axe, found.skip_link, found.focus):
        assert gate() == [], listing(gate(), gate.__name__)
    for width in (320, 640):
        assert found.reflow(width) == [], listing(found.reflow(width), f"reflow at {width}")


# --- One edit to site.yaml changes the site --------------------------------------------------------


def test_title_edition_section_and_label_are_edits_to_site_yaml_alone(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    site = project / "content/site.yaml"
    edit(site, "title: Workshop Supervision Framework", "title: Apprentice Supervision")
    edit(site, 'number: "3"', 'number: "4.1"')
    edit(site, "section: The framework\n", "section: How it works\n")
    edit(site, "    plural: Key ideas\n", "    plural: Big ideas\n")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "dist/workshop-4.1.zip").is_file()
    home = (project / "site/index.html").read_text()
    assert "<title>Rules of thumb for supervisors - Apprentice Supervision</title>" in (project / "site/rules.html").read_text()
    assert "How it works" in home and "Edition 4.1" in home
    lib, rendered = load(project)
    assert lib.site.collection("concepts").plural == "Big ideas"


def test_a_new_kind_of_content_needs_no_engine_edit(tmp_path: Path) -> None:
    """A model registered as a kind, a collection line, a page line and a template: nothing in
    routes, render or the nav."""

    class Exercise(Sourced):
        kind: ClassVar[str] = "exercise"
        title: Text
        steps: Markdown
        rules: list[str] = []
        sources: Sources

    register(Exercise)
    project = copy_fixture(tmp_path / "p")
    (project / "content/exercises.yaml").write_text(
        "exercises:\n  - id: X1\n    title: Cut a dovetail\n    steps: Mark, saw, chisel.\n    sources: [ref-handbook]\n"
        "    wording: {kind: editorial}\n    review: {status: published, date: 2026-01-01}\n"
    )
    edit(
        project / "content/site.yaml",
        "  - name: terms\n",
        "  - name: exercises\n    kind: exercise\n    file: exercises.yaml\n    key: exercises\n    id_pattern: \"X[0-9]+\"\n"
        "    label: exercise\n    plural: Exercises\n    backlinks: Exercises that use it\n  - name: terms\n",
    )
    edit(
        project / "content/site.yaml",
        "  - id: lexicon\n",
        "  - id: exercises\n    section: Practice\n    path: practice/exercises.md\n    title: Exercises\n"
        "    template: exercises.md.j2\n    lists: [exercises]\n  - id: lexicon\n",
    )
    (project / "templates/exercises.md.j2").write_text(
        "# {{ title }}\n\n{% for x in elements %}\n## {{ x.title }} { #{{ anchor(x.id) }} }\n\n{{ x.steps|md }}\n\n{% endfor %}\n"
    )
    lib, rendered = load(project)
    assert [el.id for el in lib.exercises] == ["X1"]
    page = next(p for p in rendered.pages if p.path == "practice/exercises.md")
    assert "## Cut a dovetail { #x1 }" in page.markdown
    assert "Practice" in nav_titles(rendered.nav) and "Exercises" in nav_titles(rendered.nav)
    assert rendered.routes.element_href("index.md", lib.exercises[0]) == "practice/exercises.md#x1"


def test_a_project_template_overrides_the_packages(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "templates/sources.md.j2").write_text("# {{ title }}\n\nOur own reference list.\n")
    _, rendered = load(project)
    page = next(p for p in rendered.pages if p.path == "references.md")
    assert "Our own reference list." in page.markdown


def test_id_forms_come_from_the_declaration(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/rules.yaml", "id: R-02", "id: R2")
    assert problems_of(project) == ["content/rules.yaml:8:9: 'R2' is not the form of a rule of thumb ID (R-[0-9]{2})"]


# --- A wrong site.yaml is reported like any content ------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    kind: concept\n", "    kind: concepts\n", "unknown kind 'concepts' (did you mean 'concept'?)"),
        ("  - name: concepts\n", "  - name: concept\n", "unknown collection 'concepts' (did you mean 'concept'?)"),
        ("    lists: [principles]\n", "    lists: [principle]\n", "unknown collection 'principle' (did you mean 'principles'?)"),
        ("    path: ideas/{id}.md\n", "    path: ideas/one.md\n", "an element page's path has '{id}' in it, and only an element page's"),
        ("      - {page: lexicon,", "      - {page: lexikon,", "unknown page 'lexikon' (did you mean 'lexicon'?)"),
        ("      - {page: ways, label:", "      - {page: wayz, label:", "unknown page 'wayz' (did you mean 'ways'?)"),
        ("    lists: [routes]\n", "    lists: [routes]\n    group: [not, text]\n", "'group' should be text, not a list"),
        ("    template: glossary.md.j2\n", "    template: glosary.md.j2\n", "no template 'glosary.md.j2' in templates/ or the package"),
        ("    lists: [terms]\n", "", "no page lists or shows 'terms': add one under pages"),
        ("  - id: references\n    path: references.md\n", "  - id: references\n    path: lexicon.md\n", "two pages have the path 'lexicon.md'"),
        ("  - id: notes\n    path: notes.md\n", "  - id: notes\n    path: note.md\n", "hand-written page note.md is not in docs/"),
    ],
)
def test_site_yaml_mistakes_are_reported_with_their_place(tmp_path: Path, old: str, new: str, expected: str) -> None:
    project = copy_fixture(tmp_path / "p")
    site = project / "content/site.yaml"
    edit(site, old, new)
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    assert re.search(r"content/site\.yaml:\d+:\d+: " + re.escape(expected), result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_missing_site_definition(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    (project / "content/site.yaml").unlink()
    result = run_mcframe(project, "check")
    assert result.returncode == 1
    assert "content/site.yaml:1:1: the site definition is missing" in result.stderr


def test_missing_markdown_extension_is_named(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "mkdocs.yml", "  - def_list\n", "")
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: markdown_extensions must include def_list" in result.stderr


def test_missing_npm_assets_are_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the project nor the engine has node_modules/ (a project without its own uses the engine's)."""
    from mcframe import sitebuild

    project = copy_fixture(tmp_path / "p")
    (project / "node_modules").unlink()
    monkeypatch.setattr(sitebuild, "ENGINE_NODE_MODULES", tmp_path / "none")
    site, problems = sitebuild.SiteBuild.load(project, project / "docs")
    assert site is None
    assert [str(p) for p in problems if p.severity == "error"] == [
        "node_modules/iframe-worker/shim/index.js:1:1: front-end asset missing: run scripts/build, which installs them with npm ci"
    ]


# --- The engine keeps its shape -------------------------------------------------------------------


def test_no_template_spells_a_page_path() -> None:
    found = [
        f"{t.name}: {m.group(0)}"
        for t in sorted(TEMPLATES.glob("*.j2"))
        for m in re.finditer(r"[\w/.-]+\.(?:md|html)\b(?!\.j2)", t.read_text())
    ]
    assert found == []


def test_the_mkdocs_seam_stays_thin() -> None:
    plugin = ROOT / "src/mcframe/mkdocs_seam/plugin.py"
    assert len(plugin.read_text().splitlines()) <= 80
    imports_mkdocs = sorted(
        p.relative_to(ROOT / "src").as_posix()
        for p in (ROOT / "src/mcframe").rglob("*.py")
        if re.search(r"^\s*(from|import) mkdocs", p.read_text(), re.M)
    )
    assert "mcframe/mkdocs_seam/plugin.py" in imports_mkdocs
    assert [p for p in imports_mkdocs if not p.startswith("mcframe/mkdocs_seam/")] == []  # the core is free of MkDocs


def test_the_fixture_is_another_framework() -> None:
    """Guard against the fixture drifting into a copy of the real content."""
    fixture = {p.relative_to(FIXTURE / "content").as_posix() for p in (FIXTURE / "content").rglob("*.yaml")}
    real = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.yaml")}
    assert fixture & real == {"site.yaml"}


def test_a_long_list_is_split_by_letter(tmp_path: Path) -> None:
    """Past its split_above, a list page becomes an A-Z index and a page per letter, out of the
    navigation; links to its elements go to their letter's page."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "    lists: [terms]\n", "    lists: [terms]\n    split_above: 1\n")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert sorted(p.name for p in (site / "lexicon").glob("*.html")) == ["a.html", "c.html", "w.html"]
    index = (site / "lexicon.html").read_text()
    assert '<li><a href="lexicon/a.html">A</a></li>' in index and '<li><span aria-hidden="true">B</span></li>' in index
    letter_a = (site / "lexicon/a.html").read_text()
    assert 'id="apprentice"' in letter_a
    assert '<li><a href="../notes.html">Editors&#39; notes</a></li>' in letter_a.split("Used on", 1)[1]
    notes = (site / "notes.html").read_text()
    assert re.search(r'<a class="mcf-term"[^>]* href="lexicon/a\.html#apprentice"', notes)
    assert "lexicon/a.html" not in re.sub(r"<article.*</article>", "", notes, flags=re.S)  # not in the navigation


def test_a_letter_longer_than_split_above_is_shown_in_parts(tmp_path: Path) -> None:
    """No page grows without bound: a letter with more entries than split_above gets a page per part,
    linked from the letter's first page; links to an element go to its part."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "    lists: [terms]\n", "    lists: [terms]\n    split_above: 1\n")
    term = (project / "content/glossary/apprentice.yaml").read_text().replace("apprentice", "awl")
    (project / "content/glossary/awl.yaml").write_text(term)
    edit(project / "docs/notes.md", "Every apprentice starts here.", "Every apprentice starts here, with an awl.")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert sorted(p.name for p in (site / "lexicon").glob("*.html")) == ["a-2.html", "a.html", "c.html", "w.html"]
    index = (site / "lexicon.html").read_text()
    assert '<li><a href="lexicon/a.html">A</a></li>' in index and "a-2.html" not in index
    first, second = (site / "lexicon/a.html").read_text(), (site / "lexicon/a-2.html").read_text()
    assert "<title>Lexicon: A (1 of 2)" in first and 'id="apprentice"' in first and 'id="awl"' not in first
    assert "<title>Lexicon: A (2 of 2)" in second and 'id="awl"' in second
    parts = re.compile(r'<nav aria-label="Pages of A" class="mcf-az mcf-az--parts">\s*<p class="mcf-az__lead">Pages of A:</p>\s*<ul>(.*?)</ul>', re.S)
    assert re.sub(r"\s+", "", parts.findall(first)[0]) == '<li><aaria-current="page"href="a.html">1</a></li><li><ahref="a-2.html">2</a></li>'
    assert re.sub(r"\s+", "", parts.findall(second)[0]) == '<li><ahref="a.html">1</a></li><li><aaria-current="page"href="a-2.html">2</a></li>'
    assert '<a aria-current="page" href="a.html">A</a>' in first
    assert '<a aria-current="true" href="a.html">A</a>' in second  # the letter is current; its first page is not this page
    assert re.search(r'<a class="mcf-term"[^>]* href="lexicon/a-2\.html#awl"', (site / "notes.html").read_text())


def test_element_pages_out_of_the_navigation_show_where_they_sit(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    new = "    in_nav: false\n    parent: rules\n    template: concept.md.j2\n"
    edit(project / "content/site.yaml", "    nav: Key ideas\n    template: concept.md.j2\n", new)
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    k1 = (project / "site/ideas/k1.html").read_text()
    assert re.search(r'<nav [^>]*class="mcf-breadcrumb"[^>]*><a href="\.\./index\.html">Home</a> › The framework › <a href="\.\./rules\.html">', k1)
    assert re.search(r'<a class="mcf-pager__next" href="k2\.html" rel="next">Practice under watch →</a>', k1)
    assert "ideas/k2.html" not in (project / "site/index.html").read_text()  # not listed in the navigation


def test_hand_written_pages_link_to_elements_by_id(tmp_path: Path) -> None:
    """``ref:kind/ID`` links follow an element wherever it lives, even onto a letter's page."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "    lists: [terms]\n", "    lists: [terms]\n    split_above: 1\n")
    assert run_mcframe(project, "build").returncode == 0
    notes = (project / "site/notes.html").read_text()
    assert '<a href="rules.html#r-01">the first rule of thumb</a>' in notes
    assert '<a href="lexicon/c.html#chisel">the first tool</a>' in notes
    assert '<a href="lexicon.html">the whole lexicon</a>' in notes
    edit(project / "docs/notes.md", "(ref:principle/R-01)", "(ref:principle/R-09)")
    result = run_mcframe(project, "build")
    assert result.returncode == 1
    assert "docs/notes.md:5:31: no rule of thumb 'R-09' to link to" in result.stderr, result.stderr


def test_links_between_pages_are_relative_paths_like_posixpaths() -> None:
    import itertools
    import posixpath

    from mcframe.routes import href

    paths = ["index.md", "a.md", "x/b.md", "x/y/c.md", "x/y/d.md", "z/e.md", "x/f.md", "x/y/z/g.md", "z/y/c.md", "xy/b.md"]
    for a, b in itertools.product(paths, repeat=2):
        assert href(a, b) == (posixpath.basename(b) if a == b else posixpath.relpath(b, posixpath.dirname(a) or ".")), (a, b)
    assert href("x/y/c.md", "x/b.md", "k1") == "../b.md#k1" and href("x/b.md", "x/b.md", "k1") == "#k1"
