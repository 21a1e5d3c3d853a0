"""The battery's cases for what pages and published files carry: script however it is encoded, and
anything a browser would fetch from outside the site (see battery.py). Outside *links* stay allowed."""

from __future__ import annotations

import re
from pathlib import Path

from battery import Case, Damage, append, both, parametrize, run_case, write

NOTES = "docs/notes.md"
TERM = "content/glossary/apprentice.yaml"  # its 7th line is where a case adds a Markdown field
SCRIPT = "the page may not carry script: it has"
FETCH = "the page may not load anything from outside the site: it has"


def on_page(html: str) -> Damage:
    """Damage: a paragraph added at the end of the hand-written page."""
    return append(NOTES, f"\n{html}\n")


def in_field(markdown: str) -> Damage:
    """Damage: a Markdown field (a term's explanation) added to a content file, as YAML's literal block."""
    return append(TERM, "explanation: |\n  " + markdown.replace("\n", "\n  ") + "\n")


def at_notes(what: str) -> str:
    return rf"docs/notes\.md:(?!1:1)\d+:\d+: .*{what}"


def at_term(what: str) -> str:
    return rf"content/glossary/apprentice\.yaml:(?:7|8|9):\d+: .*{what}"


def link_kept(project: Path) -> None:
    html = (project / "site/notes.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/guide">an outside guide</a>' in html


def css_kept(project: Path) -> None:
    assert "url(bench.png)" in (project / "site/look.css").read_text(encoding="utf-8")


def image_kept(project: Path) -> None:
    assert '<img alt="The bench" src="bench.png"' in (project / "site/notes.html").read_text(encoding="utf-8")


CASES = [
    # Script in a hand-written page, however it is written.
    Case("<script> on a hand-written page", "docs/", on_page("<script>alert(1)</script>"), expect=at_notes(f"{SCRIPT} a <script> element")),
    Case(
        "javascript&colon; in a Markdown link",
        "docs/",
        on_page("[click](javascript&colon;alert(1))"),
        expect=at_notes("(javascript: address in href= on <a>|goes nowhere)"),
    ),
    Case("javascript&colon; in an HTML link", "docs/", on_page('<a href="javascript&colon;alert(1)">click</a>'), expect=at_notes("javascript: address")),
    Case("&#106;avascript: in a link", "docs/", on_page('<a href="&#106;avascript:alert(1)">click</a>'), expect=at_notes("javascript: address")),
    Case("a tab entity inside javascript:", "docs/", on_page('<a href="java&#x09;script:alert(1)">click</a>'), expect=at_notes("javascript: address")),
    Case("leading controls before javascript:", "docs/", on_page('<a href="&#x01; javascript:alert(1)">click</a>'), expect=at_notes("javascript: address")),
    Case(
        "SVG <animate> turning a link into javascript:",
        "docs/",
        on_page('<svg><a href="#"><animate attributeName="href" values="javascript:alert(1)"/><text y="20">click</text></a></svg>'),
        expect=at_notes("SVG <animate> that changes href="),
    ),
    Case(
        "SVG <set> of an xlink:href",
        "docs/",
        on_page('<svg><a><set attributeName="xlink:href" to="https://example.org"/></a></svg>'),
        expect=at_notes("SVG <set> that changes href="),
    ),
    Case("vbscript: in a link", "docs/", on_page('<a href="VBScript:msgbox(1)">x</a>'), expect=at_notes("vbscript: address")),
    Case(
        "data:text/html link",
        "docs/",
        on_page('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
        expect=at_notes("data: address in href="),
    ),
    Case("data: image source", "docs/", on_page('<img alt="" src="data:image/svg+xml,<svg onload=alert(1)>">'), expect=at_notes("data: address in src=")),
    Case("event attribute after a slash (shown as text)", "docs/", on_page('<img/src="x"/onerror=alert(1)>'), check=lambda p: _no_tag(p, r"<img[^>]*onerror")),
    Case("CSS expression()", "docs/", on_page('<p style="width:expression(alert(1))">x</p>'), expect=at_notes("style that runs script")),
    Case("<base> re-pointing every link", "docs/", on_page('<base href="https://example.org/">'), expect=at_notes("a <base> element")),
    Case("<meta> refresh", "docs/", on_page('<meta http-equiv="refresh" content="0;url=https://example.org">'), expect=at_notes("a <meta> element")),
    # Fetches from outside the site on a hand-written page.
    Case(
        "Markdown image from outside",
        "docs/",
        on_page("![a bench](https://images.example/bench.png)"),
        expect=at_notes(f'{FETCH} <img src="https://images.example/bench.png">'),
    ),
    Case("<img> from outside", "docs/", on_page('<img alt="" src="https://images.example/bench.png">'), expect=at_notes("<img src=")),
    Case("protocol-relative <img>", "docs/", on_page('<img alt="" src="//images.example/bench.png">'), expect=at_notes('<img src="//images.example')),
    Case(
        "srcset with one outside candidate",
        "docs/",
        on_page('<img alt="" src="bench.png" srcset="bench.png 1x, https://images.example/b.png 2x">'),
        expect=at_notes("<img srcset="),
    ),
    Case("<video poster> from outside", "docs/", on_page('<video poster="https://media.example/p.jpg"></video>'), expect=at_notes("<video poster=")),
    Case(
        "<audio> source from outside", "docs/", on_page('<audio controls><source src="https://media.example/a.mp3"></audio>'), expect=at_notes("<source src=")
    ),
    Case("stylesheet <link> from outside", "docs/", on_page('<link rel="stylesheet" href="https://cdn.example/s.css">'), expect=at_notes("<link href=")),
    Case(
        "@import in a <style>",
        "docs/",
        on_page('<style>@import "https://cdn.example/s.css";</style>'),
        expect=at_notes("style that loads https://cdn.example/s.css"),
    ),
    Case(
        "web font in a <style>",
        "docs/",
        on_page("<style>@font-face{font-family:x;src:url(https://fonts.example/x.woff2)}</style>"),
        expect=at_notes("fonts.example"),
    ),
    Case(
        "style= background from outside",
        "docs/",
        on_page('<p style="background:url(https://images.example/bg.png)">x</p>'),
        expect=at_notes("style that loads"),
    ),
    Case(
        "attribute list style= from outside",
        "docs/",
        on_page('Text.\n{style="background:url(https://images.example/bg.png)"}'),
        expect=at_notes("style that loads"),
    ),
    Case(
        "SVG <image> from outside",
        "docs/",
        on_page('<svg><image href="https://images.example/i.png" width="9" height="9"/></svg>'),
        expect=at_notes("<image href="),
    ),
    Case("SVG <use> of an outside file", "docs/", on_page('<svg><use href="https://images.example/s.svg#a"/></svg>'), expect=at_notes("<use href=")),
    Case("<a ping> to outside", "docs/", on_page('<a href="notes.md" ping="https://track.example/p">x</a>'), expect=at_notes("<a ping=")),
    Case("file: address", "docs/", on_page('<img alt="" src="file:///etc/hostname">'), expect=at_notes("file: address in src=")),
    # What stays allowed: a link to elsewhere, a picture and a stylesheet of the site's own.
    Case("an outside link is kept", "docs/", on_page("See [an outside guide](https://example.org/guide)."), check=link_kept),
    Case(
        "a picture of the site's own is kept",
        "docs/",
        both(on_page("![The bench](bench.png)"), write("docs/bench.png", b"\x89PNG\r\n\x1a\n")),
        check=image_kept,
    ),
    Case("a stylesheet of the site's own is kept", "docs/", write("docs/look.css", "body { background: url(bench.png); }\n"), check=css_kept),
    # Files docs/ publishes as they are.
    Case("a script file in docs/", "docs/", write("docs/extra.js", "alert(1)\n"), expect=r"docs/extra\.js:1:1: may not be published: it has a \.js file"),
    Case("an XHTML file in docs/", "docs/", write("docs/page.xhtml", "<html/>\n"), expect=r"docs/page\.xhtml:1:1: .*\.xhtml file"),
    Case(
        "an HTML file with <script> in docs/",
        "docs/",
        write("docs/old.html", "<p>Old</p>\n<script>alert(1)</script>\n"),
        expect=r"docs/old\.html:2:1: may not be published: it has a <script> element",
    ),
    Case(
        "a stylesheet importing from outside",
        "docs/",
        write("docs/look.css", 'body{}\n@import url("https://cdn.example/x.css");\n'),
        expect=r"docs/look\.css:2:\d+: may not be published: it has style that loads",
    ),
    Case(
        "an SVG with script in docs/",
        "docs/",
        write("docs/pic.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n'),
        expect=r"docs/pic\.svg:2:\d+: may not be published: it has a <script> element",
    ),
    # The frame around every page, as mkdocs.yml sets it up.
    Case(
        "a stylesheet from outside in mkdocs.yml",
        "site.yaml",
        append("mkdocs.yml", "extra_css:\n  - https://cdn.example/x.css\n"),
        expect=r"mkdocs\.yml:\d+:5: the site may not load anything from outside: index\.html fetches https://cdn\.example/x\.css",
    ),
    Case(
        "a script from outside in mkdocs.yml",
        "site.yaml",
        append("mkdocs.yml", "extra_javascript:\n  - https://cdn.example/x.js\n"),
        expect=r"mkdocs\.yml:\d+:5: the site may not load anything from outside: index\.html fetches https://cdn\.example/x\.js",
    ),
    # The same in a content file's Markdown field: placed in the content file.
    Case(
        "Markdown image from outside in a field",
        "content fields",
        in_field("A bench: ![](https://images.example/b.png)"),
        expect=at_term("https://images.example/b.png"),
    ),
    Case(
        "style= from outside in a field",
        "content fields",
        in_field('A bench.\n{style="background:url(https://images.example/bg.png)"}'),
        expect=at_term("images.example/bg.png"),
    ),
    Case(
        "<img> from outside in a field (shown as text)",
        "content fields",
        in_field('<img alt="" src="https://images.example/b.png">'),
        check=lambda p: _no_outside_image(p),
    ),
    Case(
        "SVG <animate> in a field",
        "content fields",
        in_field('<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>'),
        expect=at_term("(animate|javascript: address)"),
    ),
    # Plain-text addresses: only web addresses, which nothing can break out of.
    Case(
        "a reference's url with javascript:",
        "content fields",
        append("content/references.yaml", "    url: javascript:alert(1)\n"),
        expect=r"content/references\.yaml:7:10: .*must be a web address",
    ),
    Case(
        "a reference's DOI closing its address",
        "content fields",
        append("content/references.yaml", "    doi: '10.1234/x><img src=https://images.example/x.png>'\n"),
        expect=r"content/references\.yaml:7:10: .*must be a DOI such as",
    ),
    Case(
        "a reference's url breaking out of its tag",
        "content fields",
        append("content/references.yaml", "    url: 'https://example.org/\"><img src=https://images.example/x.png>'\n"),
        expect=r"content/references\.yaml:7:10: .*must be a web address",
    ),
    Case(
        "a website's url closing its Markdown link",
        "content fields",
        both(
            write(
                "content/websites.yaml",
                "websites:\n  - id: W1\n    title: A guide\n    url: https://example.org/a)![x](https://images.example/i.png\n"
                "    annotation: A guide.\n    checked: 2026-01-15\n    sources: [ref-handbook]\n    wording: {kind: editorial}\n"
                "    review: {status: published, date: 2026-01-15}\n",
            ),
        ),
        check=lambda project: _website_kept(project),
    ),
]


def _website_kept(project: Path) -> None:
    _no_outside_image(project)
    assert 'href="https://example.org/a%29!%5Bx%5D%28https://images.example/i.png"' in (project / "site/empty.html").read_text(encoding="utf-8")


def _no_outside_image(project: Path) -> None:
    _no_tag(project, r"<img[^>]*src=\"https://images\.example")


def _no_tag(project: Path, pattern: str) -> None:
    """No page has a live tag matching ``pattern`` (the text may still be shown, escaped)."""
    for page in (project / "site").rglob("*.html"):
        assert not re.search(pattern, page.read_text(encoding="utf-8")), page


@parametrize(CASES)
def test_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
