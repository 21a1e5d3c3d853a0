"""The A3 poster: the three core-concept definitions, the activity circles and the why/who/what/when/
where table on one page, with title, edition, publisher and licence. Typeset with Typst (a pip
package: no browser, no system fonts), which embeds its own fonts and tags the PDF; the same content
gives the same bytes."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typst

from .library import Library
from .models import Activity, Concept, DescriptionRow, Element, Sourced
from .text import full_stop, list_separator

FONT = "Libertinus Serif"  # one of the fonts the Typst package carries
_SVG_STYLE = (
    f"<style>text{{font-family:'{FONT}';fill:#1b1b1b}}.mcf-circles__name{{font-size:17px;font-weight:bold}}"
    ".mcf-circles__activity{font-size:14px}</style>"
)


def typ_string(text: str) -> str:
    """A Typst string literal: any text, safe to place in code."""
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def plain(markdown: str) -> str:
    """Markdown as plain text for print: links to their text, emphasis and code marks dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)


def poster_source(lib: Library, circles_svg: str) -> str:
    site = lib.site
    concepts = lib.all(Concept)
    rows = lib.all(DescriptionRow)
    label = site.label
    lines = [
        f"#set document(title: {typ_string(site.title + ': ' + label('poster_title'))}, author: {typ_string(site.publisher)}, date: none)",
        '#set page(paper: "a3", margin: 16mm)',
        f'#set text(font: "{FONT}", size: 10.5pt, lang: "{site.language[:2]}")',
        "#set par(justify: false)",
        f"#text(size: 26pt, weight: \"bold\")[#{typ_string(site.subtitle or site.title)}]",
        f"#v(-2mm)#text(size: 12pt)[#{typ_string(label('poster_title'))}]",
        "#v(4mm)",
        "#grid(columns: (1fr, 1fr, 1fr), gutter: 6mm,",
    ]
    for c in concepts:
        lines.append(f"  [#text(size: 14pt, weight: \"bold\")[#{typ_string(c.title)}] \\ #{typ_string(c.summary)}],")
    lines.append(")")
    lines += [
        "#v(4mm)",
        "#grid(columns: (3fr, 2fr), gutter: 6mm, align: horizon,",
        f"  image(\"circles.svg\", width: 100%, alt: {typ_string(label('circles_title'))}),",
        "  [" + " \\ ".join(f"*{a.id}* #{typ_string(a.title)}" for a in lib.all(Activity)) + "],",
        ")",
        f"#align(center)[#text(size: 8.5pt)[#{typ_string(label('poster_circles_note'))}]]",
        "#v(3mm)",
        *descriptions_table(lib, concepts, rows, inset="5pt"),
    ]
    footer = (
        f"{site.title}. {label('edition')} {site.edition.number}, {site.edition.date.isoformat()}. "
        f"{site.publisher}. {site.licence} {label('poster_wording')}"
    )
    lines += ["#v(1fr)", f"#text(size: 8.5pt)[#{typ_string(footer)}]"]
    return "\n".join(lines) + "\n"


def descriptions_table(lib: Library, concepts: list[Concept], rows: list[DescriptionRow], inset: str) -> list[str]:
    """The why/who/what/when/where table as a Typst table, with a header row that repeats."""
    label = lib.site.label
    lines = [
        f"#table(columns: ({', '.join(['auto'] + ['1fr'] * len(concepts))}), inset: {inset}, stroke: 0.5pt + luma(150),",
        f"  table.header([*#{typ_string(label('question'))}*], " + ", ".join(f"[*#{typ_string(c.title)}*]" for c in concepts) + "),",
    ]
    for row in rows:
        cells = [f"[*#{typ_string(row.title + ' (' + label('question_' + row.question) + ')')}*]"]
        for c in concepts:
            cell = next((x for x in row.cells if x.concept == c.id), None)
            cells.append(f"[#{typ_string(plain(cell.text) if cell else '—')}]")
        lines.append("  " + ", ".join(cells) + ",")
    return [*lines, ")"]


def poster_pdf(lib: Library, circles_svg: str) -> bytes:
    svg = circles_svg.replace('xmlns="http://www.w3.org/2000/svg">', 'xmlns="http://www.w3.org/2000/svg">' + _SVG_STYLE, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "circles.svg").write_text(svg, encoding="utf-8")
        (root / "poster.typ").write_text(poster_source(lib, svg), encoding="utf-8")
        pdf: bytes = typst.compile(str(root / "poster.typ"), root=str(root), format="pdf", ignore_system_fonts=True, timestamp=0)
    return pdf


# --- The whole framework as one PDF ----------------------------------------------------------------


def wording_text(lib: Library, el: Sourced, with_sources: bool = True) -> str:
    """Whose words an element is in, as one printed line: the site's wording line, as text."""
    label, w = lib.site.label, el.wording
    src = lib.title_of(lib.get("source", w.source)) if w.source else None
    named = f"{src}{', ' + w.where if w.where else ''}{full_stop(w.where or src)}" if src else "."
    if w.kind == "quoted":
        line = f"{label('wording_quoted')} {named}"
    elif w.kind == "summary":
        line = f"{label('wording_summary')} {named}"
    else:
        line = label("wording_editorial") + (f", {label('drawing_on')} {named}" if src else ".")
    others = [lib.title_of(lib.get("source", s)) for s in getattr(el, "sources", []) if s != w.source]
    if with_sources and others:
        joined = "".join(o + (list_separator(o, "; ") if i < len(others) - 1 else "") for i, o in enumerate(others))
        line += f" {label('sources')}: {joined}{full_stop(others[-1])}"
    return line


def wording_notes(lib: Library, els: list[Sourced], name: Callable[[Element], str] = lambda el: el.id) -> list[str]:
    """The wording lines of a list printed as a whole: one line when all share it, else one per
    distinct line, each naming the elements it covers. The sources of each are in the list of
    sources at the end."""
    groups: dict[str, list[str]] = {}
    for el in els:
        groups.setdefault(wording_text(lib, el, with_sources=False), []).append(name(el))
    if len(groups) == 1:
        return list(groups)
    return [f"({', '.join(names)}) {text}" for text, names in groups.items()]


def _paras(markdown: str) -> list[str]:
    return [p for p in (" ".join(block.split()) for block in plain(markdown).split("\n\n")) if p]


def framework_source(lib: Library, circles_file: str, path_file: str, citation: str) -> str:
    from .models import CaseStudy, EvidenceDigest, IndicatorArea, LeadershipStage, Principle, Question, Skill, Source, Term

    site = lib.site
    label = site.label
    edition = f"{label('edition')} {site.edition.number}, {site.edition.date.isoformat()}"
    t = typ_string
    out = [
        f"#set document(title: {t(site.title)}, author: {t(site.publisher)}, date: none)",
        f'#set text(font: "{FONT}", size: 10.5pt, lang: "{site.language[:2]}")',
        '#set heading(numbering: "1.1")',
        "#set par(justify: true)",
        # Running header: the current section and the edition; page numbers at the foot.
        # The header names the part that starts on the page, else the part the page continues.
        '#set page(paper: "a4", margin: (x: 22mm, y: 24mm), numbering: "1", header: context {'
        ' let starting = query(heading.where(level: 1)).filter(h => h.location().page() == here().page());'
        ' let before = query(heading.where(level: 1).before(here())); set text(size: 8.5pt);'
        ' if starting.len() > 0 { starting.first().body } else if before.len() > 0 { before.last().body } else { [] };'
        ' h(1fr); ' + t(edition) + " })",
        # Title page
        f"#align(center + horizon)[#text(size: 24pt, weight: \"bold\")[#{t(site.title)}] \\ #v(4mm) #text(size: 14pt)[#{t(site.subtitle or '')}]"
        f" \\ #v(12mm) #{t(edition)} \\ #{t(site.publisher)} \\ #v(10mm) #text(size: 9pt)[#{t(site.licence)}]"
        f" \\ #v(8mm) #text(size: 9pt)[*#{t(label('cite_this'))}:* #{t(citation)}]]",
        "#pagebreak()",
        f"#outline(title: {t(label('contents'))})",
        "#pagebreak()",
    ]

    def heading(text: str, level: int = 1) -> None:
        out.append("\n" + "=" * level + " #" + t(text) + "\n")

    def para(text: str) -> None:
        out.append("#" + t(text) + "\n")

    def note(text: str) -> None:
        out.append(f"#text(size: 8.5pt, style: \"italic\")[#{t(text)}]\n")

    def notes(els: list[Any], name: Callable[[Element], str] = lambda el: el.id) -> None:
        for line in wording_notes(lib, els, name):
            note(line)

    def bullets(items: list[str]) -> None:
        out.extend("- #" + t(i) for i in items)
        out.append("")

    concepts = lib.all(Concept)
    heading(label("core_concepts"))
    for c in concepts:
        heading(c.title, 2)
        para(c.summary)
        for p in _paras(c.definition):
            para(p)
        note(wording_text(lib, c))
        note(label("features_note").capitalize())
        bullets(list(c.features))
    if lib.all(Activity):
        heading(label("circles_title").split(":")[0])
        note(label("circles_note").capitalize())
        out.append(f'#align(center)[#image("{circles_file}", width: 80%, alt: {t(label("circles_title"))})]\n')
        bullets([f"{a.id} {a.title}: {a.reason}" for a in lib.all(Activity)])
        notes(lib.all(Activity))
    rows = lib.all(DescriptionRow)
    if rows:
        heading(label("descriptions_caption"))
        out.extend(descriptions_table(lib, concepts, rows, inset="4pt"))
        out.append("")
        notes(rows)
    if lib.all(Skill):
        heading(label("skills"))
        note(label("skills_matrix_note").capitalize())
        for s in lib.all(Skill):
            used = ", ".join(lib.get("concept", c).title for c in s.used_in)  # type: ignore[attr-defined]
            para(f"{s.id} {s.title}. {plain(s.description)} ({used})")
        notes(lib.all(Skill))
    if lib.all(LeadershipStage):
        heading(label("path_title").split(",")[0])
        note(label("path_note").capitalize())
        out.append(f'#align(center)[#image("{path_file}", width: 80%, alt: {t(label("path_title"))})]\n')
        for stage in lib.all(LeadershipStage):
            para(f"{lib.title_of(stage)}. {label('path_support')}: {stage.support} {label('path_content')}: {stage.content}")
        notes(lib.all(LeadershipStage), lib.title_of)
    heading(label("principles"))
    for pr in lib.all(Principle):
        heading(f"{pr.id} {pr.title}", 2)
        for p in _paras(pr.explanation):
            para(p)
        note(wording_text(lib, pr))
        if pr.in_practice:
            note(label("in_practice_note").capitalize())
            bullets(list(pr.in_practice))
    if lib.all(IndicatorArea):
        heading(label("success_indicators"))
        for area in lib.all(IndicatorArea):
            heading(area.title, 2)
            para(area.summary)
            note(wording_text(lib, area))
            stage_names = site.values.get("stage", {})
            bullets([f"{name}: {getattr(area.stages, key.replace('-', '_'))}" for key, name in stage_names.items()])
            questions = [q for q in lib.all(Question) if q.area == area.id]
            bullets([f"{q.id} {q.text}" for q in questions])
            notes(questions)
    if lib.all(CaseStudy):
        heading(lib.collection_of("case_study").decl.plural)
        for cs in lib.all(CaseStudy):
            heading(cs.title, 2)
            for p in _paras(cs.illustrates) + _paras(cs.story):
                para(p)
            note(wording_text(lib, cs))
            note(label("questions_note").capitalize())
            bullets(list(cs.questions))
    if lib.all(EvidenceDigest):
        heading(lib.collection_of("evidence").decl.plural)
        for ev in lib.all(EvidenceDigest):
            heading(lib.title_of(ev), 2)
            for p in _paras(ev.summary):
                para(p)
            bullets([plain(f.text) for f in ev.findings])
            note(wording_text(lib, ev))
    if lib.all(Term):
        heading(lib.collection_of("term").decl.plural)
        for term in sorted(lib.all(Term), key=lambda x: x.term.casefold()):
            whose = t(wording_text(lib, term, with_sources=False))
            out.append(f"/ #{t(term.term)}: #{t(term.definition)} #linebreak() #text(size: 8pt, style: \"italic\")[#{whose}]")
        out.append("")
    heading(label("sources"))
    from .citation import format_citation

    bullets([plain(format_citation(src, lib.site.label).replace("\\", "")) for src in lib.all(Source)])
    return "\n".join(out) + "\n"


def framework_pdf(lib: Library, circles_svg: str, path_svg: str, citation: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        style = _SVG_STYLE + "<style>.mcf-path__label,.mcf-path__axis,.mcf-path__note{font-size:15px}</style>"
        for name, svg in (("circles.svg", circles_svg), ("path.svg", path_svg)):
            (root / name).write_text(svg.replace('xmlns="http://www.w3.org/2000/svg">', 'xmlns="http://www.w3.org/2000/svg">' + style, 1), encoding="utf-8")
        (root / "framework.typ").write_text(framework_source(lib, "circles.svg", "path.svg", citation), encoding="utf-8")
        pdf: bytes = typst.compile(str(root / "framework.typ"), root=str(root), format="pdf", ignore_system_fonts=True, timestamp=0)
    return pdf
