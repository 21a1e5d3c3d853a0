"""Languages: a site in French says nothing of the engine's in English; a page in another language than
the site's is built in it (its lang, its words, its dates and references); languages are checked
against the theme's, and scripts/check says which labels a page's language lacks."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, Built, build_project, copy_fixture, edit, run_mcframe
from mcframe.language import ENGINE_LABELS, csl_locale, long_date, typeset

MATERIAL_LANGUAGES = Path(str(importlib.util.find_spec("material").origin)).parent / "templates/partials/languages"  # type: ignore[union-attr]
# Pages of the engine's that the fixture does not list, added to the French edition so that their
# words are checked too: About (dates, wording), Downloads (sizes, citations) and Open data (the data
# dictionary's words).
MORE_PAGES = """  - id: about
    path: about.md
    title: À propos
    template: about.md.j2
  - id: downloads
    path: downloads.md
    title: Téléchargements
    template: downloads.md.j2
  - id: data
    path: data.md
    title: Données ouvertes
    template: data.md.j2
    downloads:
      - {export: open-data, path: data, label: données}
"""


# --- What a reader sees of a built page ---------------------------------------------------------


class _Text(HTMLParser):
    """A page's text as a reader meets it: text outside scripts, styles and code (field names, in the
    data dictionary), and the attributes that are read out or shown (labels, titles, placeholders,
    alternatives, what scripts will say)."""

    SKIP = ("script", "style", "code")
    SHOWN = ("aria-label", "title", "alt", "placeholder", "data-label", "data-mcf-shown", "data-mcf-active-word")

    def __init__(self) -> None:
        super().__init__()
        self.skip, self.parts = 0, []  # type: tuple[int, list[str]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        found = dict(attrs)
        self.parts += [v for k, v in attrs if v and k in self.SHOWN]
        said = found.get("data-mcf-words") or (found.get("content") if tag == "meta" and found.get("name") == "mcf-words" else None)
        if said:
            self.parts += json.loads(said).values()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def shown_text(site: Path) -> dict[str, str]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        out[page.relative_to(site).as_posix()] = " ".join(" ".join(parser.parts).split())
    return out


def _material(language: str) -> dict[str, str]:
    text = (MATERIAL_LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'"([a-z.]+)": "([^"]*)"', text))


# Words French writes as English does, which the French edition shows: the same label in both
# (Questions, Markdown), or a French word that an English label happens to be (the About page's
# French speaks of a "citation"). Any other engine label left in English in labels.fr.yaml is caught.
SAME_IN_FRENCH = {"Questions", "Markdown", "Citation"}


def english_engine_words(content_text: str) -> set[str]:
    """The English the engine and its theme would write: the labels' texts (their literal parts,
    between placeholders), the theme's words where its French differs, the 404 heading and month
    names; less any phrase the content itself uses (the fixture's content is in English), the values
    fields take (report, draft: data, as the data dictionary lists them) and words French shares."""
    fr_theme = _material("fr")
    models = [ROOT / "src/mcframe/models.py", *(ROOT / "src/mcframe/kinds").glob("*/__init__.py")]  # the kinds' models too
    literals = re.findall(r'"([a-z-]+)"', " ".join(re.findall(r"Literal\[([^\]]*)\]", " ".join(f.read_text() for f in models))))
    phrases: set[str] = set()
    for key, text in ENGINE_LABELS["en"].items():
        if key != "alphabet":
            phrases.update(part.strip(" .:;,()") for part in re.split(r"\{\w+\}", text))
    phrases.update(text for key, text in _material("en").items() if fr_theme.get(key) not in (None, text) and key != "language")
    phrases.update(datetime.date(2026, m, 1).strftime("%B") for m in range(1, 13))
    content = (content_text + "\n" + "\n".join(literals)).casefold()
    return {p for p in phrases - SAME_IN_FRENCH if len(p) >= 3 and not re.search(rf"(?<!\w){re.escape(p.casefold())}(?!\w)", content)}


def found(words: Iterable[str], pages: dict[str, str]) -> list[str]:
    return sorted(
        f"{path}: {w!r}" for w in words for path, text in pages.items() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)
    )


def _content_text(project: Path) -> str:
    files = [*(project / "content").rglob("*.yaml"), *(project / "docs").rglob("*.md"), *(project / "templates").rglob("*.j2")]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


@pytest.fixture(scope="module")
def french_edition(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture as a French edition: site.yaml's language is fr, with About, Downloads and Open data."""
    project = copy_fixture(tmp_path_factory.mktemp("fr") / "project")
    edit(project / "content/site.yaml", "language: en\n", "language: fr\n")
    edit(project / "content/site.yaml", "  - id: notes\n", MORE_PAGES + "  - id: notes\n")
    return build_project(project)


# --- A French edition -------------------------------------------------------------------------------


def test_a_french_edition_says_nothing_of_the_engines_in_english(french_edition: Built, fixture_built: Built) -> None:
    words = english_engine_words(_content_text(french_edition.project))
    assert {"Cite this", "Skip to content", "Link to this section", "January", "whole number", "404 - Not found"} <= words  # the dictionary has them
    pages = shown_text(french_edition.site)
    assert {"about.html", "data.html", "downloads.html", "references.html", "404.html"} <= set(pages)
    assert found(words, pages) == []
    # The same look at the English edition finds the engine's English: the test can fail.
    english = found(words, shown_text(fixture_built.site))
    assert any("'Cite this'" in f for f in english) and any("'Skip to content'" in f for f in english)


def test_a_french_edition_is_french_throughout(french_edition: Built) -> None:
    home = (french_edition.site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    assert "Édition 3, 15 janvier 2026." in home  # the month in French
    assert "Aller au contenu" in home and "Lien vers cette section" in (french_edition.site / "rules.html").read_text(encoding="utf-8")
    about = (french_edition.site / "about.html").read_text(encoding="utf-8")
    assert "3, 15 janvier 2026" in about and "Publié par\u00a0:" in about  # French spacing before a colon
    references = (french_edition.site / "references.html").read_text(encoding="utf-8")
    assert "· livre" in references and "· book" not in references  # the source's type, in French
    # References are formatted with citeproc's French locale, in the French labels.
    assert "[Édition hors ligne]. Workshop Supervision Framework (édition 3)." in references
    assert "(2026, janvier 15)" in references  # APA's order, French month
    data = (french_edition.site / "data.html").read_text(encoding="utf-8")
    assert "Dictionnaire des données" in data and "nombre entier" in data and "Identifiant permanent, de la forme" in data
    assert "<h1>404 - Page introuvable</h1>" in (french_edition.site / "404.html").read_text(encoding="utf-8")


def test_dates_are_written_in_the_pages_language() -> None:
    day = datetime.date(2026, 11, 24)
    assert long_date(day, "en", ENGINE_LABELS["en"]["date_format"]) == f"{day.day} {day.strftime('%B %Y')}"  # as the English site had it
    assert long_date(day, "fr", ENGINE_LABELS["fr"]["date_format"]) == "24 novembre 2026"
    assert long_date(day, "de", ENGINE_LABELS["en"]["date_format"]) == "24 November 2026"  # German month, English pattern
    assert long_date(day, "fr-CA", "d MMMM y") == "24 novembre 2026"


def test_references_use_the_csl_locale_of_the_language() -> None:
    assert csl_locale("en") == "en-US"  # the styles' default: the English site is unchanged
    assert (csl_locale("en-GB"), csl_locale("fr"), csl_locale("fr-CA"), csl_locale("pt-BR")) == ("en-GB", "fr-FR", "fr-CA", "pt-BR")
    assert csl_locale("sh") is None  # the theme has Serbo-Croatian; citeproc-py does not (the check warns)


def test_french_spacing_goes_into_text_only() -> None:
    html = '<p>Sources: <a href="a:b" title="x: y">outil</a>: pourquoi? <code>a: b</code> 12:30 https://x.org déjà ; fin</p><script>a: b;</script>'
    out = typeset(html, "fr")
    assert out == (
        '<p>Sources\u00a0: <a href="a:b" title="x: y">outil</a>\u00a0: pourquoi\u202f? <code>a: b</code> 12:30 https://x.org déjà\u202f; fin</p>'
        "<script>a: b;</script>"
    )
    assert typeset(html, "en") == html
    assert typeset("<p>Note: oui; non?</p>", "fr-CA") == "<p>Note\u00a0: oui; non?</p>"  # in Canada, only before a colon


# --- A page in another language than the site's ----------------------------------------------------


def test_a_hand_written_page_in_another_language_is_built_in_it(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "    title: Editors' notes\n", "    title: Editors' notes\n    language: fr\n")
    built = build_project(project)
    notes = (built.site / "notes.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in notes and '<meta name="DC.language" content="fr">' in notes
    assert "Aller au contenu" in notes and "Skip to content" not in notes  # the theme's words
    assert 'title="Lien vers cette section"' in notes and "Link to this section" not in notes
    assert "<summary>Comment citer</summary>" in notes and "Cite this" not in notes  # its "Cite this", in French
    assert '<meta name="mcf-words"' in notes and "Copié" in notes  # what its scripts say
    rules = (built.site / "rules.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in rules and "Skip to content" in rules and 'title="Link to this section"' in rules
    assert '<meta name="mcf-words"' not in rules  # English pages carry nothing more: the scripts' own words are English


def test_a_variant_of_a_theme_language_builds_and_is_said_exactly(tmp_path: Path) -> None:
    """en-GB once stopped the build with a 51-line traceback: the theme has en, not en-GB."""
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "language: en\n", "language: en-GB\n")
    built = build_project(project)
    rules = (built.site / "rules.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in rules and "Skip to content" in rules


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("language: en\n", "language: xx\n", "content/site.yaml:6:11", "the theme has no language 'xx': give one of af, ar,"),
        ("    language: fr\n", "    language: zz-FR\n", "content/site.yaml:101:15", "the theme has no language 'zz-FR' nor 'zz': give one of"),
        ("language: en\n", "language: EN\n", "content/site.yaml:6:11", "'EN' does not have the expected form"),
    ],
)
def test_a_language_the_theme_lacks_is_a_content_error(tmp_path: Path, old: str, new: str, where: str, message: str) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", old, new)
    for command in ("check", "build"):
        result = run_mcframe(project, command)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert f"{where}: {message}" in output, output
        assert "Traceback" not in output and "TemplateNotFound" not in output


# --- Which labels a page's language lacks ----------------------------------------------------------


def _label_warnings(project: Path) -> list[str]:
    result = run_mcframe(project, "check", "--all-warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if "warning: label '" in line]


def test_check_warns_of_labels_a_sites_language_lacks(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    assert _label_warnings(project) == []  # English throughout, and the French page has all its words
    edit(project / "content/site.yaml", "language: en\n", "language: de\n")
    warnings = _label_warnings(project)
    assert (
        "content/site.yaml:6:11: warning: label 'cite_this' has no text in German (de): its pages show the English (en) "
        "'Cite this'; write it under labels in site.yaml"
    ) in warnings
    assert any("label 'date_format' has no text in German" in w for w in warnings)
    assert not any("'core_concept'" in w for w in warnings)  # the site gives it (as German, as far as the engine knows)


def test_check_warns_of_a_french_page_showing_english(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    template = project / "templates/resume.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + '\n{{ label("bench_rule") }} {{ label("core_concept") }}\n', encoding="utf-8")
    edit(project / "content/site.yaml", "labels:\n", "labels:\n  bench_rule: Tidy the bench.\n")
    warnings = _label_warnings(project)
    at = "content/site.yaml:102:15: warning: "  # the French page's language
    assert warnings == [
        at + "label 'bench_rule' has no text in French (fr): its pages show the English (en) 'Tidy the bench.'; write it under translations: fr in site.yaml",
        at + "label 'core_concept' is the site's own in English (en) ('Key idea'), but pages in French (fr) show the engine's 'Concept clé'; "
        "write it under translations: fr in site.yaml",
    ]
    translations = "\ntranslations:\n  fr:\n    bench_rule: Rangez l'établi.\n    core_concept: Idée clé\n"
    edit(project / "content/site.yaml", "\ncollections:", translations + "\ncollections:")
    assert _label_warnings(project) == []
    resume = (build_project(project).site / "resume-fr.html").read_text(encoding="utf-8").split("<article", 1)[1]
    assert "établi. Idée clé" in resume and "Tidy the bench" not in resume and "Key idea" not in resume


def test_translations_are_checked(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "\ncollections:", "\ntranslations:\n  fr:\n    cite_thsi: Citer\n  en:\n    cite_this: Cite\n\ncollections:")
    result = run_mcframe(project, "check")
    output = result.stderr
    assert result.returncode == 1
    assert "content/site.yaml:24:5: 'en' is the site's own language: its words go under labels" in output
    assert "content/site.yaml:22:5: warning: 'cite_thsi' is not a label of the engine or of this site (did you mean 'cite_this'?)" in output


# --- The labels shipped ------------------------------------------------------------------------------


def test_every_label_has_its_french_with_the_same_places() -> None:
    en, fr = ENGINE_LABELS["en"], ENGINE_LABELS["fr"]
    assert sorted(en) == sorted(fr)
    places = lambda text: sorted(re.findall(r"\{\w+\}", text))  # noqa: E731
    # "shown" is the word after a count in English; another language may give the whole status.
    assert [k for k in en if places(en[k]) != places(fr[k]) and k != "shown"] == []
    assert places(fr["shown"]) == ["{items}", "{shown}", "{total}"]
    assert [k for k in fr if fr[k].strip() != fr[k]] == [k for k in en if en[k].strip() != en[k]]  # the same trailing line ends
    shipped = sorted(p.name for p in (ROOT / "src/mcframe").glob("labels*.yaml"))
    assert shipped == ["labels.fr.yaml", "labels.yaml"]
