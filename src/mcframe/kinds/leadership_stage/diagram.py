"""The path through the stages (in this framework, from initial teacher education to leadership),
drawn at build time as accessible SVG from content: the stages with two strands over them. It has a
title and a description; the page gives the same content as a text list beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from . import LeadershipStage


FILLS = ("#1a5fb4", "#26734d", "#8f4d00")  # the strands' colours, as the circles'; with text labels, never colour alone

FOCUS_X = {"pedagogy": 0.0, "both": 0.5, "organisation": 1.0, "reconnected": 0.5}


def leadership_svg(stages: list[tuple[LeadershipStage, str]], title: str, description: str, strand_names: tuple[str, str, str]) -> Markup:
    """``stages`` are (stage, its career stage's label), from initial teacher education onwards."""
    width, row = 640, 76
    height = 110 + row * len(stages)
    parts = [
        f'<svg class="mcf-diagram mcf-path" viewBox="0 0 {width} {height}" role="img" aria-labelledby="path-title path-desc" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="path-title">{escape(title)}</title><desc id="path-desc">{escape(description)}</desc>',
        f'<text x="300" y="24" text-anchor="middle" class="mcf-path__axis">{escape(strand_names[0])}</text>',
        f'<text x="560" y="24" text-anchor="middle" class="mcf-path__axis">{escape(strand_names[1])}</text>',
    ]
    points = []
    for n, (stage, label) in enumerate(stages):
        y = 60 + n * row
        parts.append(f'<rect x="10" y="{y - 18}" width="200" height="44" rx="6" fill="none" stroke="#595959" class="mcf-path__stage"/>')
        lines = _lines(label)
        first = y + 8 - 9 * (len(lines) - 1)  # two lines sit either side of the box's middle
        spans = "".join(f'<tspan x="110" y="{first + 18 * i}">{escape(line)}</tspan>' for i, line in enumerate(lines))
        parts.append(f'<text text-anchor="middle" class="mcf-path__label">{spans}</text>')
        x = 300 + FOCUS_X[stage.focus] * 260
        points.append((x, y + 4))
    # Presentation attributes, so that the drawing stands alone (in the PDF); the site's CSS recolours it.
    for gx in (300, 560):
        parts.append(f'<line x1="{gx}" y1="40" x2="{gx}" y2="{height - 10}" stroke="#999999" stroke-dasharray="4 4" class="mcf-path__guide"/>')
    line = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    parts.append(f'<polyline fill="none" stroke="{FILLS[0]}" stroke-width="3" class="mcf-path__line" points="{line}"/>')
    for (x, y), (stage, _) in zip(points, stages, strict=True):
        dot = FILLS[1] if stage.focus == "reconnected" else FILLS[0]
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="9" fill="{dot}" class="mcf-path__dot mcf-path__dot--{stage.focus}"/>')
    if stages and stages[-1][0].focus == "organisation":  # the leadership of learning reconnects the two
        x, y = points[-1]
        curve = f"M{x:.0f},{y:.0f} Q{x - 60:.0f},{y + 40:.0f} 430,{y + 44:.0f}"
        parts.append(f'<path d="{curve}" fill="none" stroke="{FILLS[1]}" stroke-width="2.5" stroke-dasharray="6 4" class="mcf-path__return"/>')
        parts.append(f'<text x="420" y="{y + 48:.0f}" text-anchor="end" class="mcf-path__note">{escape(strand_names[2])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


LINE_CHARS = 22  # what a 200-unit box holds at 15 px in a wide system font


def _lines(label: str) -> list[str]:
    """A stage's name in its box: one line, or two split between words; past two, cut with an ellipsis
    (the list below the diagram gives every name in full)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LINE_CHARS - 1] + "…"]
    return lines
