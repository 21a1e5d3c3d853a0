"""Nothing in content may run code in a reader's browser: the offline edition is opened from file://,
where a script reaches further than on the web, and the site is built from content many people edit.

Plain-text fields are escaped wherever they land. Markdown fields are Markdown, but may not carry
script: the checks here refuse it in Markdown source (``markdown_risks``) and, after rendering, in
any page's HTML (``html_risks``), hand-written pages included.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

DANGEROUS_TAGS = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta"})
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"})
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript)\s*:|^\s*data\s*:\s*text/html", re.I)

_MD_RISKS = (
    (re.compile(r"<\s*/?\s*(script|iframe|object|embed|frame|applet|base|meta)\b", re.I), "a <{0}> element"),
    # An attribute's name follows whitespace, "/", a quote, or an attribute list's "{" ({onclick=…}).
    (re.compile(r"(?:<[^>]*|\{[^}]*)(?<=[\s/\"'{])(on[a-z]+)\s*=", re.I), "an event attribute ({0}=)"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I), "a {0}: address"),
    (re.compile(r"\b(data\s*:\s*text/html)", re.I), "a {0} address"),
)


def markdown_risks(text: str) -> list[str]:
    """What in a Markdown field could run as script: <script>, on*= attributes, javascript: links..."""
    found = []
    for pattern, what in _MD_RISKS:
        m = pattern.search(text)
        if m:
            found.append(what.format(m.group(1).lower()))
    return found


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.found.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"an event attribute ({name}=) on <{tag}>")
            elif name in _URL_ATTRS and value and _SCRIPT_URL.match(value):
                self.found.append(f"a script address in {name}= on <{tag}>")

    handle_startendtag = handle_starttag


# The fast pass, on lower-cased text: anything the scanner below could object to. An attribute's name
# may follow whitespace, "/" or a quote (<img/onerror=…>, <img src="x"onerror=…>): browsers accept all three.
_SUSPECT_TAG = re.compile(r"<\s*(?:script|iframe|object|embed|frame|applet|base|meta)\b")
_SUSPECT_URL = re.compile(r"(?:java|vb)script\s*:|data\s*:\s*text/html")
_EVENT = re.compile(r"on[a-z]+\s*=")


def _suspect(html: str) -> bool:
    low = html.lower()
    if _SUSPECT_TAG.search(low) or (("script" in low or "text/html" in low) and _SUSPECT_URL.search(low)):
        return True
    return any(m.start() > 0 and (low[m.start() - 1].isspace() or low[m.start() - 1] in "/\"'") for m in _EVENT.finditer(low))


def source_suspect(text: str) -> bool:
    """Whether a page's Markdown (or HTML) source could turn into HTML that :func:`html_risks`
    refuses: a tag, event attribute or script address that Markdown conversion would carry over.
    Markdown writes none of its own, and entities are decoded first, so a page with none of these
    need not be converted to be cleared."""
    low = unescape(text).lower()
    return bool(_SUSPECT_TAG.search(low) or _SUSPECT_URL.search(low) or _EVENT.search(low))


def html_risks(html: str) -> list[str]:
    """What in a page's content (not the theme's own scripts) could run as script."""
    if not _suspect(html):  # a fast pass: most pages have nothing to look at closely
        return []
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return list(dict.fromkeys(scanner.found))


# An SVG the site publishes (a logo, a favicon) is opened on its own too, where its script would run:
# it may hold drawing only. References stay inside the file (#id) or are inline raster images.
_SVG_REFUSED = frozenset({"script", "foreignobject", "handler", "listener", *DANGEROUS_TAGS})
_SVG_LINK_ATTRS = frozenset({"href", "src", "data", "action", "formaction"})
_INSIDE = re.compile(r"^\s*(?:#|data:image/(?:png|jpeg|gif|webp)[;,])", re.I)
_CSS_OUTSIDE = re.compile(r"@import|url\(\s*(?![\"']?\s*#)", re.I)


def svg_risks(data: bytes) -> list[tuple[int, int, str]]:
    """(line, column, what) for each thing in an SVG file that could run script or reach outside
    the file: <script>, <foreignObject>, event attributes, script addresses, links and style that
    load other files, DTDs and entities (no drawing needs them), and XML that does not parse."""
    import xml.parsers.expat

    declared = re.search(rb"<!(?:DOCTYPE|ENTITY)", data, re.I)
    if declared:  # refused before parsing: nothing is expanded
        at = declared.start()
        return [(data.count(b"\n", 0, at) + 1, at - data.rfind(b"\n", 0, at), "a DOCTYPE or entity declaration (an SVG needs none)")]
    parser = xml.parsers.expat.ParserCreate()
    found: list[tuple[int, int, str]] = []
    in_style = [False]

    def here(what: str) -> None:
        found.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, what))

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        if local.lower() in _SVG_REFUSED:
            here(f"a <{local}> element")
        in_style[0] = local.lower() == "style"
        for attr, value in attrs.items():
            attr_local = attr.rsplit(":", 1)[-1].lower()
            if attr_local.startswith("on"):
                here(f"an event attribute ({attr}=) on <{local}>")
            elif _SCRIPT_URL.match(value) or re.search(r"\b(?:java|vb)script\s*:", value, re.I):
                here(f"a script address in {attr}= on <{local}>")
            elif attr_local in _SVG_LINK_ATTRS and not _INSIDE.match(value):
                here(f"a reference outside the file ({attr}=\"{value[:60]}\") on <{local}>")
            elif _CSS_OUTSIDE.search(value) and not attr.startswith("xmlns"):
                here(f"style that loads another file ({attr}=) on <{local}>")

    def text(data: str) -> None:
        if in_style[0] and _CSS_OUTSIDE.search(data):
            here("style that loads another file (<style>)")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: in_style.__setitem__(0, False)
    parser.CharacterDataHandler = text
    parser.ProcessingInstructionHandler = lambda target, _: here(f"a processing instruction (<?{target}?>)") if target.lower() != "xml" else None
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        found.append((exc.lineno, exc.offset + 1, f"XML that does not parse ({xml.parsers.expat.ErrorString(exc.code)})"))
    return found
