"""The site's identity: its colours, logo and favicon, from site.yaml.

Two colours become the theme's palette, checked for contrast first. The primary colour carries white
text in the header and is the colour of links on white; the accent colours links under the pointer.
Both must reach WCAG's 4.5:1 against white, or the build refuses.

The logo and favicon are files under content/ that site.yaml names, checked like any content: inside
the content folder, no symbolic links, and an SVG holds drawing only (no script, no event attribute,
no foreignObject, no reference outside the file). A site that names none gets the engine's neutral
mark, drawn in its primary colour; ``logo: none`` shows no logo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .models import Model, Text
from .problems import Problem
from .safety import svg_risks

if TYPE_CHECKING:
    from .sitedef import SiteDef
    from .yamlsource import DataPath, YamlDoc

Hex = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
AA = 4.5  # WCAG 2.2 AA for body text


class Colours(Model):
    primary: Hex  # header background and link colour
    accent: Hex  # links under the pointer, focus


def _logo_schema(schema: dict[str, Any]) -> None:
    """For editors: a mapping of a file and its alt text, both required, or ``none``."""
    text = {"type": "string", "minLength": 1}
    mapping = {"type": "object", "additionalProperties": False, "properties": {"file": text, "alt": text}, "required": ["file", "alt"]}
    for key in ("type", "properties", "required", "additionalProperties"):
        schema.pop(key, None)
    schema["anyOf"] = [mapping, {"const": "none"}]


class Logo(Model):
    """``logo: {file: identity/logo.svg, alt: …}``, or ``logo: none`` for no logo."""

    model_config = ConfigDict(json_schema_extra=_logo_schema)

    file: Text | None  # under content/: an SVG (drawn for the coloured header) or a PNG; None: no logo
    alt: Text | None  # what the mark shows, for readers who do not see it

    @model_validator(mode="before")
    @classmethod
    def _none(cls, data: Any) -> Any:
        if data == "none":
            return {"file": None, "alt": None}
        if isinstance(data, str):
            raise PydanticCustomError("logo", "should be a file and its alt text ({file: identity/logo.svg, alt: …}) or none, not '{value}'", {"value": data})
        return data

    @model_validator(mode="after")
    def _both(self) -> Logo:
        if (self.file is None) != (self.alt is None):
            raise PydanticCustomError("logo", "a logo is a file and its alt text: give both, or write 'logo: none'")
        return self


def _channels(hex: str) -> tuple[int, int, int]:
    return int(hex[1:3], 16), int(hex[3:5], 16), int(hex[5:7], 16)


def luminance(hex: str) -> float:
    """WCAG relative luminance."""

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _channels(hex))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def mix(hex: str, other: str, share: float) -> str:
    """``share`` of ``other`` mixed into ``hex``."""
    return "#" + "".join(f"{round(c * (1 - share) + o * share):02x}" for c, o in zip(_channels(hex), _channels(other), strict=True))


def problems(colours: Colours) -> list[tuple[str, str]]:
    """(field, message) for each colour that white text or a white page cannot carry."""
    out = []
    for name in ("primary", "accent"):
        value = getattr(colours, name)
        ratio = contrast(value, "#ffffff")
        if ratio < AA:
            out.append((name, f"{value} against white has a contrast of {ratio:.2f}:1; WCAG AA needs {AA}:1 (choose a darker colour)"))
    return out


def stylesheet(colours: Colours | None, logo: bool = True) -> str:
    """Material's palette variables for a ``custom`` palette (mkdocs.yml: primary and accent custom);
    without a ``logo`` (``logo: none``), the theme's empty logo links hidden."""
    hidden = "" if logo else "/* logo: none */\n.md-header__button.md-logo, .md-nav__button.md-logo { display: none !important; }\n"
    if colours is None:
        return "/* no colours in site.yaml: the theme's own palette */\n" + hidden
    p, a = colours.primary.lower(), colours.accent.lower()
    return (
        "/* generated from the colours in content/site.yaml */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {p};\n"
        f"  --md-primary-fg-color--light: {mix(p, '#ffffff', 0.2)};\n"
        f"  --md-primary-fg-color--dark: {mix(p, '#000000', 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {a};\n"
        f"  --md-accent-fg-color--transparent: {a}1a;\n"
        "  --md-accent-bg-color: #ffffff;\n"
        f"  --md-typeset-a-color: {p};\n"
        f"  --mcf-tint: {mix(p, '#ffffff', 0.92)};\n"
        "}\n"
    ) + hidden


# The engine's own mark, for a site whose site.yaml names none: a plain diamond, no framework's
# emblem. A site draws its own mark in a file under content/ (``logo`` in site.yaml).
_MARK = (
    '<path d="M24 6 42 24 24 42 6 24Z" fill="none" stroke="#ffffff" stroke-width="3.2" stroke-linejoin="round"/>'
    '<path d="M24 17 31 24 24 31 17 24Z" fill="#ffffff"/>'
)
DEFAULT_PRIMARY = "#4051b5"  # the theme's own indigo, when site.yaml has no colours
LOGO_TYPES = {".svg": b"<", ".png": b"\x89PNG\r\n\x1a\n"}  # what a logo or favicon file may be, and how it starts
MAX_BYTES = 2_000_000


def neutral_logo_svg() -> str:
    """The engine's mark in white, for the coloured header."""
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">{_MARK}</svg>\n'


def neutral_favicon_svg(colours: Colours | None) -> str:
    """The engine's mark in white on the primary colour, for browser tabs and bookmarks."""
    fill = colours.primary.lower() if colours else DEFAULT_PRIMARY
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
        f'<rect width="48" height="48" rx="9" fill="{fill}"/>{_MARK}</svg>\n'
    )


LOGO_AT, FAVICON_AT = "assets/mcframe/logo", "assets/mcframe/favicon"  # where they land in the site, with their suffix


@dataclass(frozen=True)
class Identity:
    """The site's logo and favicon: where each lands in the site, the files to add, the logo's alt text."""

    logo: str | None  # None: no logo in the header
    favicon: str
    alt: str
    files: tuple[tuple[str, str | bytes], ...]


def identity_of(site: SiteDef, doc: YamlDoc, content: Path, shown_root: Path) -> tuple[Identity | None, list[Problem]]:
    """The logo and favicon site.yaml names (``logo: {file, alt}``, ``logo: none``, ``favicon``),
    or the engine's mark; None with the problems when a file may not be published."""
    problems: list[Problem] = []
    files: list[tuple[str, str | bytes]] = []

    def take(name: str, at: DataPath, lands: str) -> str | None:
        read = _read(name, at, doc, content, shown_root, problems)
        if read is None:
            return None
        files.append((lands + read[0], read[1]))
        return lands + read[0]

    logo: str | None = None
    own = site.logo is not None and site.logo.file is not None
    if site.logo is None:
        logo, alt = LOGO_AT + ".svg", site.title
        files.append((logo, neutral_logo_svg()))
    elif site.logo.file is not None:
        logo, alt = take(site.logo.file, ("logo", "file"), LOGO_AT), site.logo.alt or ""
    else:
        alt = ""  # logo: none
    if site.favicon is not None:
        favicon = take(site.favicon, ("favicon",), FAVICON_AT)
    elif own:
        favicon = logo  # the site's own mark serves in browser tabs too
    else:
        favicon = FAVICON_AT + ".svg"
        files.append((favicon, neutral_favicon_svg(site.colours)))
    if problems or favicon is None:
        return None, problems
    return Identity(logo, favicon, alt, tuple(files)), []


def _read(name: str, at: DataPath, doc: YamlDoc, content: Path, shown_root: Path, problems: list[Problem]) -> tuple[str, bytes] | None:
    """A logo or favicon file's suffix and bytes, checked like content; None, with a problem, if it may not be published."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or "\\" in name or ".." in rel.parts or not rel.parts:
        problems.append(doc.problem(at, f"'{name}' should be a path inside content/, like identity/logo.svg"))
        return None
    if rel.suffix.lower() not in LOGO_TYPES:
        problems.append(doc.problem(at, f"'{name}' should be an SVG or PNG file ({', '.join(LOGO_TYPES)})"))
        return None
    file = content.joinpath(*rel.parts)
    shown = file.relative_to(shown_root).as_posix() if file.is_relative_to(shown_root) else file.as_posix()
    linked = next((p for p in (file, *file.parents) if p.is_relative_to(content) and p != content and p.is_symlink()), None)
    if linked is not None:
        problems.append(Problem(shown, 1, 1, "content files and folders may not be symbolic links" + ("" if linked == file else f" ({linked.name}/ is one)")))
        return None
    if not file.is_file():
        problems.append(doc.problem(at, f"no file {shown}"))
        return None
    if file.stat().st_size > MAX_BYTES:
        problems.append(Problem(shown, 1, 1, f"content files may be at most {MAX_BYTES // 1_000_000} MB"))
        return None
    data = file.read_bytes()
    suffix = rel.suffix.lower()
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(LOGO_TYPES[suffix]):
        problems.append(Problem(shown, 1, 1, f"this is not {'an SVG' if suffix == '.svg' else 'a PNG'} file"))
        return None
    if suffix == ".svg":
        risks = svg_risks(data)
        problems += [Problem(shown, line, col, f"an SVG may hold drawing only: it has {what}") for line, col, what in risks]
        if risks:
            return None
    return suffix, data
