"""The activity circles, drawn at build time as accessible SVG from content: three overlapping circles
of the concepts, activities placed in them. It has a title and a description; the page gives the same
content as a text list beside it."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from ..concept import Concept
    from . import Activity


# Three circles of radius R, their centres on a triangle: each pair overlaps, all three meet.
R = 150
CENTRES = ((250.0, 185.0), (370.0, 185.0), (310.0, 289.0))
FILLS = ("#1a5fb4", "#26734d", "#8f4d00")  # with text labels, never colour alone


# The drawing's frame: the circles and their names, with a small margin, so that on a phone the
# drawing fills the width and its labels are as large as they can be.
VIEW = f"{min(x for x, _ in CENTRES) - R - 10:.0f} 0 {max(x for x, _ in CENTRES) - min(x for x, _ in CENTRES) + 2 * R + 20:.0f} 480"


ROW = 20  # between the activity labels stacked in one region
LABEL = (18.0, 9.0)  # half a label's width and height, in drawing units


def region_key(circles: list[str], concepts: list[Concept]) -> str:
    """ "C1+C3": the region an activity sits in, in the concepts' order."""
    order = [c.id for c in concepts]
    return "+".join(sorted(circles, key=order.index))


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
