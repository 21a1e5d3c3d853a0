"""Theme files no reader's browser asks for (source maps, other languages' stemmers, the default
favicon) are left out of site/ and the zip; search still works, in English and in French."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import Built, build_project, copy_fixture, edit, unpack
from mcframe.mkdocs_seam.theme_files import lunr_files_needed, unused
from pageprobe import Probe

LUNR = "assets/javascripts/lunr"
THEME = [
    "assets/javascripts/bundle.1.min.js",
    "assets/javascripts/bundle.1.min.js.map",
    "assets/stylesheets/main.2.min.css.map",
    "assets/images/favicon.png",
    f"{LUNR}/min/lunr.fr.min.js",
    f"{LUNR}/min/lunr.de.min.js",
    f"{LUNR}/min/lunr.multi.min.js",
    f"{LUNR}/min/lunr.stemmer.support.min.js",
    f"{LUNR}/tinyseg.js",
    f"{LUNR}/wordcut.js",
]


def test_what_materials_search_worker_loads_for_each_language() -> None:
    assert lunr_files_needed(["en"]) == set()
    assert lunr_files_needed(["fr"]) == {"fr", "stemmer.support"}
    assert lunr_files_needed(["ja"]) == {"ja", "tinyseg", "stemmer.support"}
    assert lunr_files_needed(["th"]) == {"th", "wordcut", "stemmer.support"}
    assert lunr_files_needed(["en", "de"]) == {"de", "multi", "stemmer.support"}


def test_only_unused_theme_files_are_dropped() -> None:
    kept_en = set(THEME) - set(unused(THEME, ["en"], "assets/mcframe/favicon.svg"))
    assert kept_en == {"assets/javascripts/bundle.1.min.js"}
    kept_fr = set(THEME) - set(unused(THEME, ["fr"], "assets/images/favicon.png"))
    french = {f"{LUNR}/min/lunr.fr.min.js", f"{LUNR}/min/lunr.stemmer.support.min.js"}
    assert kept_fr == {"assets/javascripts/bundle.1.min.js", "assets/images/favicon.png"} | french


def test_the_site_and_zip_carry_no_unused_theme_files(fixture_built: Built) -> None:
    names = zipfile.ZipFile(fixture_built.zip).namelist()
    on_disk = [p.relative_to(fixture_built.site).as_posix() for p in fixture_built.site.rglob("*") if p.is_file()]
    for listing in (names, on_disk):
        assert "assets/javascripts/bundle." in " ".join(listing)  # the theme is there…
        assert not [n for n in listing if n.endswith(".map") or "/lunr/" in n or n.endswith("favicon.png")]  # …without what no page loads


def _search(browser, folder: Path, query: str) -> Probe:  # type: ignore[no-untyped-def]
    probe = Probe.open(browser, folder)
    page = probe.page()
    probe.goto(page, "index.html")
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "Practice under watch" in page.locator(".md-search-result").inner_text()
    assert probe.outside == [] and probe.console_errors == []
    return probe


@pytest.mark.browser
def test_search_works_in_english_without_the_dropped_files(browser, fixture_unpacked: Path) -> None:  # type: ignore[no-untyped-def]
    probe = _search(browser, fixture_unpacked, "watched")
    assert not [u for u in probe.requests if "/lunr/" in u]
    probe.close()


@pytest.mark.browser
def test_search_in_french_loads_the_french_stemmer_it_keeps(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = copy_fixture(tmp_path / "p")
    edit(project / "content/site.yaml", "language: en", "language: fr")
    built = build_project(project)
    kept = sorted(p.name for p in (built.site / LUNR).rglob("*.js"))
    assert kept == ["lunr.fr.min.js", "lunr.stemmer.support.min.js"]
    probe = _search(browser, unpack(built.zip, tmp_path / "unpacked"), "watched")
    assert sorted(u.rsplit("/", 1)[1] for u in probe.requests if "/lunr/" in u) == kept
    probe.close()
