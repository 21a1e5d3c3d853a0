"""Nothing in content may run code in a reader's browser: the offline edition is opened from file://,
where a script reaches further than on the web, and the site is built from content many people edit.

Plain-text fields are escaped wherever they land. Markdown fields are Markdown, but may not carry
script: the checks here refuse it in Markdown source (``markdown_risks``) and, after rendering, in
any page's HTML (``html_risks``), hand-written pages included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

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


@dataclass(frozen=True)
class Risk:
    """Something in published HTML that could run script or fetch from outside the site: what it
    is, and texts to look for in the source it came from, most telling first (see :func:`place_of`)."""

    what: str
    needles: tuple[str, ...] = ()
    fetch: bool = False  # a fetch from outside the site, not script


# Attributes whose value a browser takes as an address (to follow, fetch or submit to).
_URL_ATTRS = _URL_ATTRS | {
    "background",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "ping",
    "icon",
    "lowsrc",
    "dynsrc",
    "codebase",
    "archive",
    "profile",
    "xml:base",
}
# Attributes through which a browser fetches by itself (a link's href is fetched only when followed).
_FETCH_ATTRS = frozenset({"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "ping", "icon", "manifest", "codebase", "archive"})
# SVG elements whose href is fetched as the page is drawn (an <a>'s is followed, not fetched).
_SVG_FETCHING = frozenset(
    {"image", "use", "feimage", "pattern", "filter", "lineargradient", "radialgradient", "textpath", "tref", "mpath", "cursor", "font-face-uri"}
)
_SVG_ANIMATION = frozenset({"animate", "set", "animatemotion", "animatetransform", "animatecolor", "discard"})
_CSS_REF = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3|image-set\(\s*(['"])(.*?)\5""", re.I | re.S)
_CSS_SCRIPT = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:", re.I)


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def url_scheme(value: str) -> str:
    """The scheme a browser reads in an address, lower-cased ("" for a relative one): leading and
    trailing controls and spaces are stripped and tabs and line ends inside dropped, as browsers do,
    so ``java&#x09;script:`` (entities decoded already) is ``javascript``."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else ""


def is_outside(value: str) -> bool:
    """Whether fetching ``value`` leaves the site: any address with a scheme (https:, file:, data:…)
    or starting ``//``; a relative address or a ``#fragment`` stays inside."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip()
    return bool(url_scheme(cleaned)) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


def css_risks(css: str) -> list[tuple[str, str]]:
    """(what, needle) for each thing in CSS that fetches from outside the site or runs script."""
    found = []
    for m in _CSS_REF.finditer(css):
        ref = next(g for g in (m.group(2), m.group(4), m.group(6)) if g is not None)
        if is_outside(ref):
            found.append((f"style that loads {_short(ref) or 'another file'}", ref or m.group(0)))
    m2 = _CSS_SCRIPT.search(css)
    if m2:
        found.append((f"style that runs script ({m2.group(0).strip()})", m2.group(0)))
    return found


def _short(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Risk] = []
        self._style = False

    def add(self, what: str, *needles: str, fetch: bool = False) -> None:
        self.found.append(Risk(what, tuple(n for n in needles if n), fetch))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag in DANGEROUS_TAGS:
            self.add(f"a <{tag}> element", f"<{tag}", raw)
        self._style = tag == "style"
        names = {name: value or "" for name, value in attrs}
        target = names.get("attributename", "").strip().lower().rsplit(":", 1)[-1]
        if tag in _SVG_ANIMATION and (target in ("href", "src", "style") or target.startswith("on")):
            self.add(f"an SVG <{tag}> that changes {target}=", "attributeName", raw)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or "&" in name:
                self.add(f"an event attribute ({name}=) on <{tag}>", name, raw)
                continue
            scheme = url_scheme(value)
            if scheme == "file" and name in _URL_ATTRS:
                self.add(f"a file: address in {name}= on <{tag}> (a place on the reader's own disk)", value, _raw_value(raw, name), raw, fetch=True)
            elif (
                scheme in ("javascript", "vbscript")
                or (name in _URL_ATTRS and scheme == "data")
                or (tag in _SVG_ANIMATION and re.search(r"(?:java|vb)script\s*:", re.sub(r"\s", "", value), re.I))
            ):
                self.add(f"a {scheme or 'script'}: address in {name}= on <{tag}>", value, _raw_value(raw, name), raw)
            elif name == "style":
                for what, needle in css_risks(value):
                    self.add(f"{what} (style= on <{tag}>)", needle, raw, fetch="script" not in what)
            elif value and (
                (name in _FETCH_ATTRS and any(is_outside(v.strip().split(" ")[0]) for v in (value.split(",") if name == "srcset" else [value])))
                or (name in ("href", "xlink:href") and (tag in _SVG_FETCHING or (tag == "link")) and is_outside(value))
            ):
                self.add(f'<{tag} {name}="{_short(value)}">', value, _raw_value(raw, name), raw, fetch=True)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            for what, needle in css_risks(data):
                self.add(f"{what} (<style>)", needle, fetch="script" not in what)


def _raw_value(tag: str, name: str) -> str:
    """An attribute's value as written in the tag (entities not decoded): the likelier text in the source."""
    m = re.search(rf"""(?:^|[\s/"']){re.escape(name)}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag, re.I)
    return next((g for g in m.groups() if g is not None), "") if m else ""


# The fast pass, on lower-cased text: anything the scanner below could object to. An attribute's name
# may follow whitespace, "/" or a quote (<img/onerror=…>, <img src="x"onerror=…>): browsers accept all three.
_SUSPECT_TAG = re.compile(r"<\s*(?:script|iframe|object|embed|frame|applet|base|meta|style|link|animate|set\b|discard)")
_SUSPECT_URL = re.compile(r"(?:java|vb)script|data\s*:|url\s*\(|@import|image-set|expression|binding|behavior|//|\\\\")
_EVENT = re.compile(r"on[a-z]+\s*=")


_PLAIN = re.compile(r"https?://")
# An entity that could spell out an address's scheme or hide its colon: one that stands for a letter,
# digit, colon, slash, backslash, or a control or space character (not &#34; or &amp;).
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?")


def _hiding_entity(low: str) -> bool:
    return any((c := unescape(m.group(0))) != m.group(0) and any(ch.isalnum() or ch in ":/\\" or ord(ch) <= 0x20 for ch in c) for m in _ENTITY.finditer(low))


# An address a browser fetches by itself that is not relative, a srcset (whose candidates follow commas),
# or an element whose href is fetched.
_SUSPECT_FETCH = re.compile(
    r"""(?:\bsrc|poster|\bdata|background|\bping|lowsrc|dynsrc|\bicon|manifest|codebase|archive)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|/\s*/|\\)"""
    r"|srcset|<\s*(?:link|image|use|feimage|pattern|textpath|mpath|cursor|font-face|tref|filter|lineargradient|radialgradient)\b"
)


def _suspect(html: str) -> bool:
    low = html.lower()
    if _SUSPECT_TAG.search(low) or _SUSPECT_FETCH.search(low) or _SUSPECT_URL.search(_PLAIN.sub("", low)) or ("&" in low and _hiding_entity(low)):
        return True
    return any(m.start() > 0 and (low[m.start() - 1].isspace() or low[m.start() - 1] in "/\"'") for m in _EVENT.finditer(low))


def source_suspect(text: str) -> bool:
    """Whether a page's Markdown (or HTML) source could turn into HTML that :func:`html_risks`
    refuses: a tag, event attribute, script address or outside fetch that Markdown conversion would
    carry over. Markdown writes none of its own, and entities are decoded first, so a page with none
    of these need not be converted to be cleared."""
    low = unescape(text).lower()
    return bool(
        _SUSPECT_TAG.search(low)
        or re.search(r"(?:java|vb)script|data\s*:|url\s*\(|@import|image-set|expression|!\[|src|poster|background|ping|xlink", low)
        or _EVENT.search(low)
    )


def html_risks(html: str) -> list[Risk]:
    """What in a page's content (not the theme's own scripts) could run as script or fetch from
    outside the site: dangerous elements, event attributes, script and data: addresses however
    encoded (SVG animation of links included), and images, media, styles, fonts or ``@import``
    loaded from elsewhere. Outside *links* (an ``<a href>``) are allowed."""
    if not _suspect(html):  # a fast pass: most pages have nothing to look at closely
        return []
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return list({r.what: r for r in scanner.found}.values())


def place_of(text: str, needles: tuple[str, ...]) -> tuple[int, int] | None:
    """Line and column (from 1) in ``text`` of the first needle found there, trying each as written,
    then with ``&amp;`` as ``&`` (as Markdown writes it), then case-insensitively."""
    for needle in needles:
        for form in dict.fromkeys((needle, needle.replace("&amp;", "&"), unescape(needle))):
            at = text.find(form)
            if at < 0:
                at = text.lower().find(form.lower())
            if at >= 0 and form:
                return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    return None


# Files a browser could run script from, were they published beside the pages.
ACTIVE_FILES = frozenset(
    {
        ".js",
        ".mjs",
        ".cjs",
        ".xhtml",
        ".xht",
        ".xml",
        ".xsl",
        ".xslt",
        ".shtml",
        ".htc",
        ".swf",
        ".jar",
        ".hta",
        ".mht",
        ".mhtml",
        ".svgz",
        ".wasm",
        ".php",
        ".phtml",
    }
)


def file_risks(name: str, data: bytes) -> list[tuple[int, int, str]]:
    """(line, column, what) for each thing in a file published as it is (a hand-written page's image,
    a stylesheet, a download) that could run script or fetch from outside the site."""
    suffix = Path(name).suffix.lower()
    if suffix in ACTIVE_FILES:
        return [(1, 1, f"a {suffix} file could run script in a reader's browser; it may not be published")]
    if suffix == ".svg":
        return svg_risks(data)
    text = data.decode("utf-8", errors="replace")
    if suffix == ".css":
        return [(*(place_of(text, (needle,)) or (1, 1)), what + ("" if "script" in what else " from outside the site")) for what, needle in css_risks(text)]
    if suffix in (".html", ".htm"):
        return [(*(place_of(text, r.needles) or (1, 1)), r.what + (" from outside the site" if r.fetch else "")) for r in html_risks(text)]
    return []


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
                here(f'a reference outside the file ({attr}="{value[:60]}") on <{local}>')
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
