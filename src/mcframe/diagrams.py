"""The framework's two diagrams, drawn at build time as accessible SVG from content: the activity
circles (three overlapping circles of the core concepts, activities placed in them) and the path from
initial teacher education to leadership (career stages with two strands over them). Each has a title
and a description; the page gives the same content as a text list beside it."""

from __future__ import annotations

import math
from functools import cache

from markupsafe import Markup, escape

from .kinds.activity import Activity
from .kinds.concept import Concept
from .kinds.leadership_stage import LeadershipStage

# Three circles of radius R, their centres on a triangle: each pair overlaps, all three meet.
R = 150
CENTRES = ((250.0, 185.0), (370.0, 185.0), (310.0, 289.0))
FILLS = ("#1a5fb4", "#26734d", "#8f4d00")  # with text labels, never colour alone
# The drawing's frame: the circles and their names, with a small margin, so that on a phone the
# drawing fills the width and its labels are as large as they can be.
VIEW = f"{min(x for x, _ in CENTRES) - R - 10:.0f} 0 {max(x for x, _ in CENTRES) - min(x for x, _ in CENTRES) + 2 * R + 20:.0f} 480"


def region_key(circles: list[str], concepts: list[Concept]) -> str:
    """"C1+C3": the region an activity sits in, in the concepts' order."""
    order = [c.id for c in concepts]
    return "+".join(sorted(circles, key=order.index))


ROW = 20  # between the activity labels stacked in one region
LABEL = (18.0, 9.0)  # half a label's width and height, in drawing units


def _clearance(x: float, y: float, inside: tuple[int, ...]) -> float:
    """How far (x, y) is from leaving the region of exactly the circles ``inside``: negative when out."""
    return min((R - d) if i in inside else (d - R) for i, d in ((i, math.hypot(x - cx, y - cy)) for i, (cx, cy) in enumerate(CENTRES)))


@cache
def _region_point(indices: tuple[int, ...], rows: int = 1) -> tuple[float, float]:
    """Where to centre a stack of ``rows`` labels in the region of exactly these circles: on the line
    from the other circles' centre through this region's, the point that leaves the stack the most
    room (each label's corners and edges are kept inside the region, clear of every other circle)."""
    cx = sum(CENTRES[i][0] for i in indices) / len(indices)
    cy = sum(CENTRES[i][1] for i in indices) / len(indices)
    if len(indices) == 3:
        return cx, cy
    others = [CENTRES[i] for i in range(3) if i not in indices]
    ox, oy = sum(p[0] for p in others) / len(others), sum(p[1] for p in others) / len(others)
    d = math.hypot(cx - ox, cy - oy)
    ux, uy = (cx - ox) / d, (cy - oy) / d
    half_w, half_h = LABEL[0], LABEL[1] + ROW * (rows - 1) / 2
    probes = [(dx, dy) for dx in (-half_w, 0.0, half_w) for dy in (-half_h, 0.0, half_h)]

    def room(t: float) -> float:
        x, y = cx + ux * t, cy + uy * t
        return min(_clearance(x + dx, y + dy, indices) for dx, dy in probes)

    best = max(range(-R, 2 * R), key=room)
    return cx + ux * best, cy + uy * best


def circles_svg(concepts: list[Concept], activities: list[Activity], title: str, description: str) -> Markup:
    concepts = concepts[:3]
    index = {c.id: i for i, c in enumerate(concepts)}
    parts = [
        f'<svg class="mcf-diagram mcf-circles" viewBox="{VIEW}" role="img" aria-labelledby="circles-title circles-desc" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="circles-title">{escape(title)}</title><desc id="circles-desc">{escape(description)}</desc>'
    ]
    for i, c in enumerate(concepts):
        x, y = CENTRES[i]
        parts.append(f'<circle cx="{x}" cy="{y}" r="{R}" fill="{FILLS[i]}" fill-opacity="0.10" stroke="{FILLS[i]}" stroke-width="2.5"/>')
        lx, ly = (x - 40, y - 158) if i == 0 else (x + 40, y - 158) if i == 1 else (x, y + 176)
        anchor = "middle"
        parts.append(f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="{anchor}" class="mcf-circles__name">{escape(c.title)}</text>')
    groups: dict[tuple[int, ...], list[Activity]] = {}
    for a in activities:
        key = tuple(sorted(index[c] for c in a.circles if c in index))
        if key:
            groups.setdefault(key, []).append(a)
    for key, acts in groups.items():
        x, y = _region_point(key, len(acts))
        top = y - (len(acts) - 1) * ROW / 2 + LABEL[1] / 2  # baselines: each label's middle sits on its row
        for n, a in enumerate(acts):
            parts.append(f'<text x="{x:.0f}" y="{top + n * ROW:.0f}" text-anchor="middle" class="mcf-circles__activity">{escape(a.id)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


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
