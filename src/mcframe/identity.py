"""The site's colours: two from site.yaml become the theme's palette, checked for contrast first.

The primary colour carries white text in the header and is the colour of links on white; the accent
colours links under the pointer. Both must reach WCAG's 4.5:1 against white, or the build refuses.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .models import Model

Hex = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
AA = 4.5  # WCAG 2.2 AA for body text


class Colours(Model):
    primary: Hex  # header background and link colour
    accent: Hex  # links under the pointer, focus


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


def stylesheet(colours: Colours | None) -> str:
    """Material's palette variables for a ``custom`` palette (mkdocs.yml: primary and accent custom)."""
    if colours is None:
        return "/* no colours in site.yaml: the theme's own palette */\n"
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
    )


# The mark: three overlapping circles, for the framework's three core concepts and how they overlap.
_CIRCLES = '<circle cx="17.5" cy="18" r="11"/><circle cx="30.5" cy="18" r="11"/><circle cx="24" cy="29.5" r="11"/>'


def logo_svg() -> str:
    """The mark in white, for the coloured header."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
        f'<g fill="none" stroke="#ffffff" stroke-width="3.2">{_CIRCLES}</g></svg>\n'
    )


def favicon_svg(colours: Colours | None) -> str:
    """The mark in white on the primary colour, for browser tabs and bookmarks."""
    fill = colours.primary.lower() if colours else "#4051b5"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
        f'<rect width="48" height="48" rx="9" fill="{fill}"/>'
        f'<g fill="none" stroke="#ffffff" stroke-width="3.2">{_CIRCLES}</g></svg>\n'
    )
