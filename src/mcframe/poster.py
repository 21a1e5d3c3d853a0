"""The A3 poster: the three core-concept definitions, the activity circles and the why/who/what/when/
where table on one page, with title, edition, publisher and licence. Typeset with Typst (a pip
package: no browser, no system fonts), which embeds its own fonts and tags the PDF; the same content
gives the same bytes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import typst

from .kinds import POSTER_BLOCKS, PRINTERS
from .library import Library
from .models import Sourced
from .printing import Printer, _paras, plain, typ_string
from .sitedef import PageDecl

FONT = "Libertinus Serif"  # one of the fonts the Typst package carries
_SVG_STYLE = (
    f"<style>text{{font-family:'{FONT}';fill:#1b1b1b}}.mcf-circles__name{{font-size:17px;font-weight:bold}}"
    ".mcf-circles__activity{font-size:14px}</style>"
)


def poster_source(lib: Library) -> str:
    """The poster: the site's name, then each collection that ``poster`` in site.yaml names, as its
    kind draws it on a wall (cards, the circles, the table, a list), then edition, publisher, licence."""
    site = lib.site
    label = site.label
    t = typ_string
    shows = site.poster.shows if site.poster else []
    subtitle = (site.poster.title if site.poster else None) or label("poster_title")
    lines = [
        f"#set document(title: {t(site.title + ': ' + subtitle)}, author: {t(site.publisher)}, date: none)",
        '#set page(paper: "a3", margin: 16mm)',
        f'#set text(font: "{FONT}", size: 10.5pt, lang: "{site.language[:2]}")',
        "#set par(justify: false)",
        f"#text(size: 26pt, weight: \"bold\")[#{t(site.subtitle or site.title)}]",
        f"#v(-2mm)#text(size: 12pt)[#{t(subtitle)}]",
    ]
    for name in shows:
        coll = lib.collections[name]
        els: list[Any] = lib.elements.get(name, [])
        if not els:
            continue
        lines.append("#v(4mm)")
        draw = POSTER_BLOCKS.get(coll.kind)
        if draw is not None:
            lines += draw(lib, els)
        else:  # a list of names, in columns: principles, vocabularies, anything else
            lines.append(f"#text(size: 14pt, weight: \"bold\")[#{t(coll.decl.plural)}]")
            lines.append("#columns(2)[")
            lines += [f"+ #{t(lib.title_of(el))}" for el in els]
            lines.append("]")
    edition = f"{label('edition')} {site.edition.number}, {site.edition.date.isoformat()}"
    footer = f"{site.title}. {edition}. {site.publisher}. {site.licence} {label('poster_wording')}"
    lines += ["#v(1fr)", f"#text(size: 8.5pt)[#{t(footer)}]"]
    return "\n".join(lines) + "\n"


def poster_pdf(lib: Library, drawings: dict[str, str]) -> bytes:
    """The poster as PDF; ``drawings`` are the kinds' SVG drawings by file name (the circles)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, svg in drawings.items():
            styled = svg.replace('xmlns="http://www.w3.org/2000/svg">', 'xmlns="http://www.w3.org/2000/svg">' + _SVG_STYLE, 1)
            (root / name).write_text(styled, encoding="utf-8")
        (root / "poster.typ").write_text(poster_source(lib), encoding="utf-8")
        pdf: bytes = typst.compile(str(root / "poster.typ"), root=str(root), format="pdf", ignore_system_fonts=True, timestamp=0)
    return pdf


# --- The whole framework as one PDF ----------------------------------------------------------------


def plan_pages(lib: Library) -> list[PageDecl]:
    """The pages this site has (those whose collections have elements), in site.yaml's order."""
    from .routes import Routes

    return list(Routes.plan(lib.site, lib.elements, lib.title_of).pages)


def nav_order(pages: list[PageDecl]) -> list[PageDecl]:
    """Pages in the order the navigation shows them: a page outside any section where it stands, a
    section's pages together where the section first appears."""
    out: list[PageDecl] = []
    for p in pages:
        if p.section is None:
            out.append(p)
        elif p.section not in {q.section for q in out}:
            out += [q for q in pages if q.section == p.section]
    return out


def _blocks(markdown: str) -> list[tuple[int, str]]:
    """A hand-written page's Markdown as (heading level, text) blocks, level 0 for a paragraph; its
    first heading (the page title) is left out, and so is raw HTML."""
    out: list[tuple[int, str]] = []
    for block in markdown.split("\n\n"):
        text = " ".join(re.sub(r"<[^>]+>", "", plain(block)).split())
        if not text or text.startswith("{"):
            continue
        heading = re.match(r"(#{1,6})\s+(.*?)(?:\s*\{[^}]*\})?$", text)
        if heading:
            out.append((len(heading.group(1)), heading.group(2)))
        else:
            out.append((0, re.sub(r"^([-*]|\d+\.)\s+", "", text)))
    return out[1:] if out and out[0][0] == 1 else out


def framework_source(lib: Library, citation: str) -> str:

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

    printer = Printer(lib, out)
    heading, para, notes, bullets = printer.heading, printer.para, printer.notes, printer.bullets


    def write(coll: Any, els: list[Any]) -> None:
        """One collection's elements, as its kind prints them (kinds/<kind>/: print_pdf); a kind that
        has no way of its own prints each element's name and short line."""
        printer_of = PRINTERS.get(coll.kind)
        if printer_of is not None:
            printer_of(printer, els)
        else:
            bullets([lib.title_of(el) + (f": {plain(blurb)}" if (blurb := lib.blurb_of(el)) else "") for el in els])
            if all(isinstance(el, Sourced) for el in els):
                notes(els, lib.title_of)
        printer.printed.add(coll.kind)

    # Every page of the site definition that carries the framework, in the order of the navigation:
    # pages that list or show a collection, and hand-written pages. The home page, pages that only
    # browse what other pages hold, and the site's furniture (downloads, open data, about) stay out.
    docs = lib.content_dir.parent / "docs" if lib.content_dir else None
    for decl in nav_order(plan_pages(lib)):
        collections = [lib.collections[name] for name in (*decl.lists, *([decl.shows] if decl.shows else [])) if name in lib.collections]
        hand_written = decl.template is None and docs is not None and (docs / decl.path).is_file()
        if not collections and not hand_written:
            continue
        printer.printed.clear()
        heading((decl.nav or collections[0].decl.plural) if decl.shows else str(decl.title))
        if hand_written and docs is not None:
            for level, text in _blocks((docs / decl.path).read_text(encoding="utf-8")):
                heading(text, level) if level else para(text)
            continue
        intro = lib.intros.get(collections[0].name) or decl.intro
        for p in _paras(intro or ""):
            para(p)
        for n, coll in enumerate(collections):
            if n > 0 and coll.model.printed_under not in printer.printed:
                heading(coll.decl.plural, 2)  # a page that lists several collections: each after the first under its name
            write(coll, lib.elements.get(coll.name, []))
        for p in _paras(decl.outro or ""):
            para(p)
    return "\n".join(out) + "\n"


def framework_pdf(lib: Library, drawings: dict[str, str], citation: str) -> bytes:
    """The whole framework as PDF; ``drawings`` are the kinds' SVG drawings by file name."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        style = _SVG_STYLE + "<style>.mcf-path__label,.mcf-path__axis,.mcf-path__note{font-size:15px}</style>"
        for name, svg in drawings.items():
            (root / name).write_text(svg.replace('xmlns="http://www.w3.org/2000/svg">', 'xmlns="http://www.w3.org/2000/svg">' + style, 1), encoding="utf-8")
        (root / "framework.typ").write_text(framework_source(lib, citation), encoding="utf-8")
        pdf: bytes = typst.compile(str(root / "framework.typ"), root=str(root), format="pdf", ignore_system_fonts=True, timestamp=0)
    return pdf
