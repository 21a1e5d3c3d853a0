"""The glossary on the real site: links in running text, none in headings, Used on lists, previews in
Chromium from file:// by keyboard, pointer and touch."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import Built
from pageprobe import Probe


class _Sections(HTMLParser):
    """Collects, per heading-delimited section of the article, the term links it holds, and the
    links found inside headings."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[list[str]] = [[]]
        self.in_heading = 0
        self.in_article = False
        self.links_in_headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.in_heading += 1
            self.sections.append([])
        if tag == "a" and "mcf-term" in (a.get("class") or ""):
            if self.in_heading:
                self.links_in_headings.append(a.get("data-term") or "")
            self.sections[-1].append(a.get("data-term") or "")

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self.in_heading:
            self.in_heading -= 1
        if tag == "article":
            self.in_article = False


def sections(path: Path) -> _Sections:
    parser = _Sections()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_first_mention_of_specialist_coaching_links(built: Built) -> None:
    html = (built.site / "framework/concepts/c3.html").read_text()
    tags = [t for t in re.findall(r"<a [^>]*>", html) if 'class="mcf-term"' in t and 'data-term="specialist-coaching"' in t]
    assert tags, "no link to the specialist coaching entry from the co-coaching concept page"
    assert 'href="../../glossary.html#specialist-coaching"' in tags[0]
    assert "data-definition=" in tags[0]  # the first link carries the preview text


def test_a_page_about_a_term_does_not_link_it(built: Built) -> None:
    # The concept page "Specialist coaching" defines it: a preview repeating that would only distract.
    html = (built.site / "framework/concepts/c2.html").read_text()
    assert 'data-term="specialist-coaching"' not in html
    assert 'data-term="coaching"' in html  # other terms on it still link


def test_each_term_links_once_per_page_and_never_in_headings(built: Built) -> None:
    for page in built.site.rglob("*.html"):
        parsed = sections(page)
        assert parsed.links_in_headings == [], page
        on_page = [term for section in parsed.sections for term in section]
        assert len(on_page) == len(set(on_page)), (page, sorted(t for t in on_page if on_page.count(t) > 1))


def test_no_term_links_in_citations_captions_or_a_terms_own_entry(built: Built) -> None:
    checked = 0
    for page in built.site.rglob("*.html"):
        tree = lxml_html.parse(str(page)).getroot()
        for a in tree.xpath("//a[contains(concat(' ', @class, ' '), ' mcf-term ')]"):
            for anc in a.iterancestors():
                classes = (anc.get("class") or "").split()
                assert anc.tag not in ("figcaption", "cite"), (page, a.text)
                assert not {"mcf-nolink", "mcf-cite", "mcf-sources"} & set(classes), (page, a.text, classes)
                assert anc.get("data-term") != a.get("data-term"), (page, a.text)
            checked += 1
    assert checked > 200  # the rule was tested against real links
    sources = (built.site / "sources.html").read_text()
    assert "<em>National Framework for Mentoring and Coaching</em>" in sources  # titles still in italics


def test_heading_with_a_term_has_no_link(built: Built) -> None:
    html = (built.site / "framework/concepts/c2.html").read_text()
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1 and "Specialist coaching" in h1.group(1) and "mcf-term" not in h1.group(1)


def test_mentoring_is_used_on_at_least_three_pages(built: Built) -> None:
    html = (built.site / "glossary.html").read_text()
    entry = html[html.index('id="mentoring"') :]
    used_on = entry[entry.index('class="mcf-used-on"') : entry.index("</ul>")]
    pages = re.findall(r'<li><a href="([^"]+)">', used_on)
    assert len(pages) >= 3, pages
    for href in pages:
        assert (built.site / href).is_file(), href


def test_glossary_has_letter_index_and_stable_anchors(built: Built) -> None:
    html = (built.site / "glossary.html").read_text()
    assert 'aria-label="Glossary by letter"' in html
    for letter in re.findall(r'<a href="#letter-([a-z])">', html):
        assert f'id="letter-{letter}"' in html
    for term_file in (built.project / "content/glossary").glob("*.yaml"):
        assert f'id="{term_file.stem}"' in html, term_file.stem


@pytest.mark.browser
def test_preview_on_focus_escape_and_tap(browser, unpacked: Path) -> None:
    probe = Probe.open(browser, unpacked)
    page = probe.page()
    probe.goto(page, "framework/concepts/c2.html")
    link = page.locator("article a.mcf-term").first
    preview = page.locator("#mcf-preview")
    assert preview.is_hidden()
    # Keyboard: Tab until the first term link has focus.
    page.locator("article h1").click()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mcf-term')"):
            break
    focused_term = page.evaluate("document.activeElement.dataset.term")
    assert focused_term, "Tab never reached a term link"
    assert preview.is_visible()
    definition = page.locator(f'a.mcf-term[data-term="{focused_term}"][data-definition]').first.get_attribute(
        "data-definition"
    )
    assert definition and definition in preview.inner_text()
    # The definition is the link's accessible description.
    described_by = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{described_by}").text_content() == definition
    page.keyboard.press("Escape")
    assert preview.is_hidden()
    assert page.evaluate("document.activeElement.dataset.term") == focused_term  # focus did not move
    # Hover shows it too.
    link.hover()
    assert preview.is_visible()
    assert probe.console_errors == [] and probe.outside == []
    probe.close()

    touch = Probe.open(browser, unpacked, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = touch.page()
    touch.goto(page, "framework/concepts/c2.html")
    link = page.locator("article a.mcf-term").first
    link.tap()
    preview = page.locator("#mcf-preview")
    assert preview.is_visible()
    assert page.url.split("?")[0].endswith("framework/concepts/c2.html")  # first tap previews only
    link.tap()
    page.wait_for_url(re.compile(r"glossary\.html#"))
    assert touch.console_errors == [] and touch.outside == []
    touch.close()


def test_search_index_is_the_same_with_or_without_links(built: Built, tmp_path: Path) -> None:
    """Term links are hidden from the search indexer (and Used on lists come after it), so search
    finds the same text either way, and the pages themselves keep their links."""
    from conftest import copy_project, edit, run_mcframe

    project = copy_project(tmp_path / "off")
    edit(project / "mkdocs.yml", "  - mcframe\n", "  - mcframe:\n      glossary_links: \"off\"\n")
    result = run_mcframe(project, "build")
    assert result.returncode == 0, result.stderr
    assert "mcf-term" not in (project / "site/framework/concepts/c2.html").read_text()
    assert "mcf-term" in (built.site / "framework/concepts/c2.html").read_text()
    assert (project / "site/search/search_index.json").read_text() == (built.site / "search/search_index.json").read_text()
