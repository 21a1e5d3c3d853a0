"""The A3 poster: the three core-concept definitions, the activity circles and the why/who/what/when/
where table on one page, with title, edition, publisher and licence. Typeset with Typst (a pip
package: no browser, no system fonts), which embeds its own fonts and tags the PDF; the same content
gives the same bytes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import typst

from .library import Library
from .models import Activity, Concept, DescriptionRow

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
        f"#table(columns: ({', '.join(['auto'] + ['1fr'] * len(concepts))}), inset: 5pt, stroke: 0.5pt + luma(150),",
        f"  table.header([*#{typ_string(label('question'))}*], " + ", ".join(f"[*#{typ_string(c.title)}*]" for c in concepts) + "),",
    ]
    for row in rows:
        cells = [f"[*#{typ_string(row.title + ' (' + row.question + '?)')}*]"]
        for c in concepts:
            cell = next((x for x in row.cells if x.concept == c.id), None)
            cells.append(f"[#{typ_string(plain(cell.text) if cell else '—')}]")
        lines.append("  " + ", ".join(cells) + ",")
    lines.append(")")
    footer = (
        f"{site.title}. {label('edition')} {site.edition.number}, {site.edition.date.isoformat()}. "
        f"{site.publisher}. {site.licence} {label('poster_wording')}"
    )
    lines += ["#v(1fr)", f"#text(size: 8.5pt)[#{typ_string(footer)}]"]
    return "\n".join(lines) + "\n"


def poster_pdf(lib: Library, circles_svg: str) -> bytes:
    svg = circles_svg.replace('xmlns="http://www.w3.org/2000/svg">', 'xmlns="http://www.w3.org/2000/svg">' + _SVG_STYLE, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "circles.svg").write_text(svg, encoding="utf-8")
        (root / "poster.typ").write_text(poster_source(lib, svg), encoding="utf-8")
        pdf: bytes = typst.compile(str(root / "poster.typ"), root=str(root), format="pdf", ignore_system_fonts=True, timestamp=0)
    return pdf
