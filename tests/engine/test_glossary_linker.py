"""The matcher and the linker: longest match, whole words, case, plurals and variants, skip contexts,
first-per-section, idempotence and text preservation (also over random text, with hypothesis)."""

from __future__ import annotations

import copy
import datetime
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcframe.glossary.forms import collect_forms
from mcframe.glossary.linker import GlossaryExtension, GlossaryLinker, TermInfo
from mcframe.glossary.matcher import TermMatcher, plural, with_plurals
from mcframe.kinds.term import Term
from mcframe.models import Review, Wording
from minimal import META


def make_term(**fields: object) -> Term:
    """A glossary term with the wording and review every element carries."""
    return Term.model_validate(
        {"wording": Wording(kind="editorial"), "review": Review(status="published", date=datetime.date(2026, 1, 1)), **fields}
    )

TERMS = [
    make_term(id="coaching", term="coaching", definition="Helping someone learn.", sources=["s"]),
    make_term(id="specialist-coaching", term="specialist coaching", definition="Coaching by a specialist.", sources=["s"]),
    make_term(id="co-coaching", term="co-coaching", variants=["collaborative coaching"], definition="Peers coach.", sources=["s"]),
    make_term(id="nqt", term="newly qualified teacher", abbreviation="NQT", definition="A new teacher.", sources=["s"]),
    make_term(id="mentor", term="mentor", definition="A guide.", sources=["s"]),
    make_term(id="triad", term="triad", definition="Three colleagues.", sources=["s"]),
    make_term(id="principal", term="principal", exclude=["Principal Lecturer"], definition="A head.", sources=["s"]),
]


def make_linker(scope: str = "section") -> GlossaryLinker:
    forms, clashes, bad = collect_forms(TERMS)
    assert not clashes and not bad
    infos = {t.id: TermInfo(t.id, t.term, t.definition) for t in TERMS}
    return GlossaryLinker(infos, TermMatcher(forms), "glossary.md", scope)  # type: ignore[arg-type]


def convert(text: str, page: str = "framework/page.md", scope: str = "section") -> tuple[str, GlossaryLinker]:
    linker = make_linker(scope)
    ext = GlossaryExtension(linker)
    ext.page = page
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables", ext])
    return html, linker


def matched(text: str) -> list[tuple[str, str]]:
    forms, _, _ = collect_forms(TERMS)
    return [(text[m.start : m.end], m.term) for m in TermMatcher(forms).find(text)]


def test_longest_match_wins() -> None:
    assert matched("Specialist coaching works.") == [("Specialist coaching", "specialist-coaching")]
    assert matched("coaching and specialist  coaching") == [
        ("coaching", "coaching"),
        ("specialist  coaching", "specialist-coaching"),
    ]


def test_whole_words_only() -> None:
    assert matched("coachings? recoaching coachingly mentors") == [("mentors", "mentor")]
    assert matched("peer-coaching is not co-coaching") == [("co-coaching", "co-coaching")]


def test_case_insensitive_text_kept_as_written() -> None:
    assert matched("COACHING, Coaching") == [("COACHING", "coaching"), ("Coaching", "coaching")]


def test_plurals_variants_and_abbreviations() -> None:
    assert matched("Two NQTs and one NQT met newly qualified teachers in triads with mentors.") == [
        ("NQTs", "nqt"),
        ("NQT", "nqt"),
        ("newly qualified teachers", "nqt"),
        ("triads", "triad"),
        ("mentors", "mentor"),
    ]
    assert matched("collaborative coaching") == [("collaborative coaching", "co-coaching")]


def test_excluded_phrases_shadow_the_term() -> None:
    html, _ = convert("A Principal Lecturer met a principal.")
    assert html.count('class="mcf-term"') == 1 and ">principal</a>" in html


def test_line_breaks_inside_a_term() -> None:
    assert matched("specialist\ncoaching") == [("specialist\ncoaching", "specialist-coaching")]


def test_plural_rules() -> None:
    assert [plural(w) for w in ("mentor", "NQT", "community", "approach", "day")] == [
        "mentors", "NQTs", "communities", "approaches", "days",
    ]
    assert with_plurals(["mentoring"]) == ["mentoring"]


def test_links_point_to_the_glossary_from_any_depth() -> None:
    html, _ = convert("A mentor.", page="framework/concepts/c1.md")
    assert 'href="../../glossary.md#mentor"' in html
    assert 'data-definition="A guide."' in html


@pytest.mark.parametrize(
    "text",
    [
        "# Coaching heading",
        "## The mentor's role",
        "`coaching` in code",
        "    coaching in a code block",
        "[coaching](other.md)",
        "![coaching](image.png)",
        'A <span class="mcf-nolink">coaching <em>session</em></span> here.',
        '<div class="mcf-nolink" markdown>\ncoaching\n</div>',
        "<button>coaching</button>",
        'Raw <a href="x.md">a <em>coaching</em> link</a> here.',
        "Raw <code>coaching</code> and <kbd>mentor</kbd>.",
    ],
)
def test_never_links_in_skip_contexts(text: str) -> None:
    html, _ = convert(text)
    assert "mcf-term" not in html, html


def test_table_headers_are_running_text() -> None:
    html, _ = convert("| coaching |\n|---|\n| a mentor |")
    assert html.count('class="mcf-term"') == 2


def test_links_inside_ordinary_inline_html() -> None:
    html, _ = convert('A <span class="x">coaching</span> session and <span class="mcf-nolink">a mentor</span>, a mentor.')
    assert html.count('class="mcf-term"') == 2
    assert '<span class="mcf-nolink">a mentor</span>' in html


def test_page_can_opt_out() -> None:
    linker = make_linker()
    ext = GlossaryExtension(linker)
    ext.page, ext.enabled = "p.md", False
    assert "mcf-term" not in markdown.markdown("A mentor.", extensions=[ext])


def test_image_alt_and_attributes_untouched() -> None:
    html, _ = convert('![a mentor at work](m.png){ title="mentor" }\n\nA mentor.')
    assert 'alt="a mentor at work"' in html and html.count("mcf-term") == 1


def test_first_per_section() -> None:
    html, _ = convert("A mentor and a mentor.\n\nAnother mentor.\n\n## Next\n\nThe mentor again.")
    assert html.count('class="mcf-term"') == 2


def test_scope_page_and_all() -> None:
    text = "A mentor.\n\n## Next\n\nThe mentor, the mentor."
    assert convert(text, scope="page")[0].count('class="mcf-term"') == 1
    assert convert(text, scope="all")[0].count('class="mcf-term"') == 3


def test_never_a_term_inside_its_own_entry() -> None:
    text = '<div data-term="mentor" markdown>\nA mentor works with a triad.\n</div>'
    html, _ = convert(text, page="glossary.md")
    assert 'data-term="triad"' in html and html.count('class="mcf-term"') == 1
    assert 'href="#triad"' in html


def test_usage_is_recorded_except_on_the_glossary() -> None:
    _, linker = convert("A mentor.", page="a.md")
    assert linker.usage == {"mentor": {"a.md"}}
    _, linker = convert("A mentor.", page="glossary.md")
    assert dict(linker.usage) == {}


def _tree(html: str) -> etree.Element:
    return etree.fromstring(f"<div>{html}</div>")


def _strip_links(root: etree.Element) -> str:
    return "".join(root.itertext())


def test_idempotent_and_text_preserving() -> None:
    source = "<p>A mentor and specialist coaching for NQTs, then co-coaching.</p>"
    linker = make_linker("all")
    once = _tree(source)
    linker.link(once, "p.md")
    twice = copy.deepcopy(once)
    assert linker.link(twice, "p.md") == 0
    assert etree.tostring(once) == etree.tostring(twice)
    assert _strip_links(once) == _strip_links(_tree(source))


WORDS = st.sampled_from(
    ["mentor", "coaching", "specialist", "co", "NQT", "NQTs", "triad", "the", "a", "teachers",
     "newly", "qualified", "teacher", "collaborative", "-", ",", ".", " ", "\n", "é", "x"]
)
TEXT = st.lists(WORDS, max_size=40).map(lambda ws: " ".join(ws))
MARKUP = st.sampled_from(["p", "em", "strong", "code", "a", "h2", "span", "li"])


@st.composite
def trees(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        tag = draw(MARKUP)
        inner = draw(TEXT)
        parts.append(f"<{tag}>{_xml(inner)}</{tag}>{_xml(draw(TEXT))}")
    return f"<p>{_xml(draw(TEXT))}{''.join(parts)}</p>"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@settings(max_examples=200, deadline=None)
@given(trees(), st.sampled_from(["section", "page", "all"]))
def test_property_text_kept_links_well_formed_and_idempotent(source: str, scope: str) -> None:
    linker = make_linker(scope)
    root = _tree(source)
    linker.link(root, "p.md")
    assert _strip_links(root) == _strip_links(_tree(source))
    for a in root.iter("a"):
        if a.get("class") == "mcf-term":
            assert len(a) == 0 and a.text
            assert matched(a.text), a.text  # each link's text is itself a term
    # What each scope promises: "all" links every mention, so linking again finds nothing left; "page"
    # links a term once on the page; "section" once between two headings.
    if scope == "all":
        assert make_linker(scope).link(copy.deepcopy(root), "p.md") == 0
    else:
        section, seen = 0, set()
        for el in root.iter():
            if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                section += 1
            if el.tag == "a" and el.get("class") == "mcf-term":
                key = (section if scope == "section" else 0, el.get("data-term"))
                assert key not in seen, f"{key[1]} linked twice in one {scope}"
                seen.add(key)
    # Links never nest and never appear inside skipped elements.
    for skipped in ("a", "code", "h2"):
        for el in root.iter(skipped):
            assert all(child.get("class") != "mcf-term" for child in el)


@given(TEXT)
def test_property_matches_are_ordered_whole_and_non_overlapping(text: str) -> None:
    forms, _, _ = collect_forms(TERMS)
    last_end = -1
    for m in TermMatcher(forms).find(text):
        assert m.start >= last_end
        assert m.start == 0 or not text[m.start - 1].isalnum()
        assert m.end == len(text) or not text[m.end].isalnum()
        last_end = m.end


def test_variant_claimed_by_two_terms_names_both_files(tmp_path: Path) -> None:
    from mcframe.library import load_library
    from minimal import minimal_content

    content = minimal_content(tmp_path / "content")
    (content / "glossary").mkdir()
    (content / "glossary/coach.yaml").write_text(
        "id: coach\nterm: coach\nvariants: [trainer]\ndefinition: One who coaches.\nsources: [seed]\n" + META
    )
    (content / "glossary/tutor.yaml").write_text(
        "id: tutor\nterm: tutor\nvariants:\n  - guide\n  - Trainer\ndefinition: One who tutors.\nsources: [seed]\n" + META
    )
    _, problems = load_library(content, shown_root=tmp_path)
    assert [str(p) for p in problems] == [
        "content/glossary/tutor.yaml:5:5: 'Trainer' is claimed by two terms: 'tutor' here and "
        "'coach' at content/glossary/coach.yaml:3"
    ]


def test_a_page_about_a_term_never_links_it() -> None:
    from mcframe.glossary.build import whole_term

    forms, _, _ = collect_forms(TERMS)
    matcher = TermMatcher(forms)
    assert whole_term(matcher, "Specialist coaching") == "specialist-coaching"
    assert whole_term(matcher, "Specialist coaching in schools") is None  # only a title that is the term
    linker = make_linker("page")
    linker.subjects = {"framework/page.md": "specialist-coaching"}
    ext = GlossaryExtension(linker)
    ext.page = "framework/page.md"
    html = markdown.markdown("Specialist coaching is a kind of coaching.", extensions=[ext])
    assert 'data-term="specialist-coaching"' not in html and 'data-term="coaching"' in html


def test_captions_and_cited_titles_never_link() -> None:
    text = '<figure markdown>\n<figcaption>A mentor and a triad.</figcaption>\n</figure>\n\n<cite>The mentor</cite> says.'
    html, _ = convert(text)
    assert "mcf-term" not in html


def test_a_citation_with_an_italic_title_never_links() -> None:
    from mcframe.citation import unlinked_citation

    html, _ = convert("- " + unlinked_citation("Smith, A. (2004). *Coaching for a mentor*. London: Triad Press.") + " More on coaching.")
    assert "<em>Coaching for a mentor</em>" in html
    assert html.count('class="mcf-term"') == 1 and 'data-term="coaching"' in html  # only the text after it
