"""An offline map of practice, drawn at build time as SVG from Natural Earth boundaries.

The boundaries come from the pinned npm package ``world-atlas`` (TopoJSON of Natural Earth, public
domain; package ISC). No tiles, no network. Each country with sites gets a panel of its own, so
close sites stay apart and distant countries need no world-sized canvas.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import escape

Ring = list[tuple[float, float]]  # (lon, lat)

SPREAD = 10.0  # user units: markers closer than this are spread around their shared point


@dataclass(frozen=True)
class Marker:
    id: str
    label: str
    href: str
    lon: float
    lat: float
    place: str = ""  # the town or area, written beside its markers


@lru_cache(maxsize=4)
def load_countries(path: Path) -> dict[str, list[Ring]]:
    """Country name -> outer and inner rings, decoded from a TopoJSON file."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        ring: Ring = []
        for dx, dy in arc:  # quantised and delta-encoded
            x += dx
            y += dy
            ring.append((x * sx + tx, y * sy + ty))
        arcs.append(ring)

    def arc_points(index: int) -> Ring:
        return arcs[index] if index >= 0 else list(reversed(arcs[~index]))

    def ring_of(indices: Sequence[int]) -> Ring:
        out: Ring = []
        for i in indices:
            pts = arc_points(i)
            out.extend(pts[1:] if out else pts)
        return out

    countries: dict[str, list[Ring]] = {}
    for geo in topo["objects"]["countries"]["geometries"]:
        name = geo.get("properties", {}).get("name", "")
        if geo["type"] == "Polygon":
            polys = [geo["arcs"]]
        elif geo["type"] == "MultiPolygon":
            polys = geo["arcs"]
        else:
            continue
        countries[name] = [ring_of(ring) for poly in polys for ring in poly]
    return countries


@dataclass(frozen=True)
class _Frame:
    west: float
    south: float
    east: float
    north: float
    width: float
    height: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


def _frame(markers: Sequence[Marker], width: float, extent: Sequence[tuple[float, float]] = (), min_span: float = 6.0) -> _Frame:
    """A frame around the markers, or around ``extent`` (a country's outline) when it is given."""
    lons = [p[0] for p in extent] or [m.lon for m in markers]
    lats = [p[1] for p in extent] or [m.lat for m in markers]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_lat = max((max(lats) - min(lats)) / 2 + 1.2, min_span / 2)
    kx = math.cos(math.radians(cy))
    half_lon = max((max(lons) - min(lons)) / 2 + 1.2 / kx, half_lat / kx * 0.9)
    west, east, south, north = cx - half_lon, cx + half_lon, cy - half_lat, cy + half_lat
    height = width * (north - south) / ((east - west) * kx)
    return _Frame(west, south, east, north, width, height)


def _path(ring: Ring, frame: _Frame) -> str:
    pts = [frame.xy(lon, lat) for lon, lat in ring]
    out = [f"M{pts[0][0]} {pts[0][1]}"]
    last = pts[0]
    for p in pts[1:]:
        if p != last:
            out.append(f"L{p[0]} {p[1]}")
            last = p
    return "".join(out) + "Z"


def _visible(ring: Ring, frame: _Frame) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    if max(lons) - min(lons) > 180:  # wraps round the antimeridian (Fiji): it would draw a line across the panel
        return False
    return max(lons) >= frame.west and min(lons) <= frame.east and max(lats) >= frame.south and min(lats) <= frame.north


LABEL_SIZE = 13.0  # px, as the stylesheet sets it; a character is taken as 0.6 of it wide
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_label(text: str, x: float, y: float, taken: list[Box], width: float, height: float) -> tuple[float, float, str, Box]:
    """Where a place name goes beside its markers at (x, y): right, left, above or below, the first
    that stays inside the panel and clear of the markers and names already placed (else the least bad)."""
    w, h, gap = len(text) * LABEL_SIZE * 0.6, LABEL_SIZE, SPREAD + 6
    candidates = [
        (x + gap, y + 4, "start", (x + gap, y - h / 2 - 1, x + gap + w, y + h / 2 + 1)),
        (x - gap, y + 4, "end", (x - gap - w, y - h / 2 - 1, x - gap, y + h / 2 + 1)),
        (x, y - gap - 2, "middle", (x - w / 2, y - gap - h - 1, x + w / 2, y - gap + 1)),
        (x, y + gap + h, "middle", (x - w / 2, y + gap, x + w / 2, y + gap + h + 2)),
    ]

    def cost(box: Box) -> float:
        outside = max(0.0, -box[0]) + max(0.0, box[2] - width) + max(0.0, -box[1]) + max(0.0, box[3] - height)
        return 1000 * outside + sum(1 for t in taken if _overlaps(box, t))

    best = min(candidates, key=lambda c: cost(c[3]))  # min keeps the first of equals: right is preferred
    return round(best[0], 1), round(best[1], 1), best[2], best[3]


def panel_svg(
    title: str,
    description: str,
    markers: Sequence[Marker],
    countries: dict[str, list[Ring]],
    *,
    id: str,
    country_name: str = "",
    width: float = 420,
) -> str:
    """One country's panel: land outlines, then one linked marker per site, with title and description."""
    # A lone site is shown within its whole country; several are framed together.
    extent = [p for ring in countries.get(country_name, []) for p in ring] if len(markers) == 1 else []
    frame = _frame(markers, width, extent)
    land = "".join(
        f'<path d="{_path(ring, frame)}"/>' for rings in countries.values() for ring in rings if _visible(ring, frame)
    )
    pins = []
    places: dict[tuple[float, float], list[Marker]] = {}  # sites at (nearly) the same point
    for m in markers:
        x, y = frame.xy(m.lon, m.lat)
        spot = next((s for s in places if math.dist(s, (x, y)) < SPREAD), (x, y))
        places.setdefault(spot, []).append(m)
    at: dict[str, tuple[float, float]] = {}
    for (x, y), here in places.items():
        for i, m in enumerate(here):  # several sites at one place: spread around it, none hidden
            turn = 2 * math.pi * i / len(here) - math.pi / 2
            at[m.id] = (x, y) if len(here) == 1 else (round(x + SPREAD * math.cos(turn), 1), round(y + SPREAD * math.sin(turn), 1))
    taken: list[Box] = [(x - 8, y - 8, x + 8, y + 8) for x, y in at.values()]  # the markers
    names = []
    for (x, y), here in places.items():
        place = ", ".join(dict.fromkeys(m.place for m in here if m.place))
        if place:
            tx, ty, anchor, box = place_label(place, x, y, taken, frame.width, frame.height)
            taken.append(box)
            names.append(f'<text x="{tx}" y="{ty}" text-anchor="{anchor}">{escape(place)}</text>')
    for m in markers:
        x, y = at[m.id]
        label = escape(m.label)
        pins.append(
            f'<a href="{escape(m.href)}" class="mcf-map__marker" aria-label="{label}">'
            f"<title>{label}</title>"
            f'<circle cx="{x}" cy="{y}" r="7"/><circle cx="{x}" cy="{y}" r="2.5" class="mcf-map__dot"/></a>'
        )
    w, h = round(frame.width), round(frame.height)
    return (
        f'<svg class="mcf-map" id="{escape(id)}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="group" '
        f'aria-labelledby="{escape(id)}-title {escape(id)}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(id)}-title">{escape(title)}</title><desc id="{escape(id)}-desc">{escape(description)}</desc>'
        f'<rect class="mcf-map__sea" width="{w}" height="{h}"/>'
        f'<g class="mcf-map__land" aria-hidden="true">{land}</g>'
        f'<g class="mcf-map__places" aria-hidden="true">{"".join(names)}</g>'
        f'<g class="mcf-map__markers">{"".join(pins)}</g></svg>'
    )


def map_panels(groups: Iterable[tuple[str, Sequence[Marker]]], boundaries: Path, words: Callable[[str], str]) -> list[str]:
    """One SVG panel per (country, markers) group; ``words`` gives the labels of the page's language."""
    countries = load_countries(boundaries)
    panels = []
    for country, markers in groups:
        n = len(markers)
        slug = "".join(c if c.isalnum() else "-" for c in country.lower())
        sites = words("map_sites_one" if n == 1 else "map_sites_other")
        panels.append(
            panel_svg(
                words("map_title").replace("{country}", country),
                sites.replace("{n}", str(n)).replace("{country}", country),
                markers,
                countries,
                id=f"map-{slug}",
                country_name=country,
            )
        )
    return panels
