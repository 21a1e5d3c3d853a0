"""Charts drawn at build time as accessible SVG: a title and description for screen readers, value
labels on the marks (readable in print and in forced-colours mode), and the numbers as a table."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable

from markupsafe import Markup, escape

from .models import Chart
from .sitedef import DEFAULT_LABELS
from .text import full_stop

Words = Callable[[str], str]  # the site's label for a key (SiteDef.label)
DEFAULT_WORDS: Words = DEFAULT_LABELS.__getitem__

WIDTH, NARROW = 640, 300  # user units of the laptop and the phone drawing
LEFT, RIGHT, TOP, PLOT_H = 56, 16, 16, 208
ROW = 20  # one line of legend or label text
CHAR = 7.4  # the average width of a character of label text, in user units, for wrapping
# Colours with 3:1 contrast against white and against each other's neighbours; series are also told
# apart by their legend order and value labels, never by colour alone.
PALETTE = ("#283593", "#b35900", "#00695c", "#6a1b9a")


def _fmt(v: float | int) -> str:
    """As the editor wrote it: 27.0 stays 27.0, 74 stays 74."""
    return str(v)


def _scale(values: list[float], unit: str | None) -> tuple[float, float]:
    """The axis's top and step: four round steps (0, 25, 50, 75, 100 for percentages)."""
    top = max(values + [0.0])
    if unit == "%" and top <= 100:
        return 100.0, 25.0
    if top <= 0:
        return 4.0, 1.0
    raw = top / 4
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return step * 4, step


def _lines(text: str, width: float) -> list[str]:
    """``text`` wrapped at word boundaries to fit ``width`` user units."""
    return textwrap.wrap(text, max(4, int(width / CHAR)), break_long_words=False) or [""]


def _text(x: float, y: float, lines: list[str], cls: str, anchor: str = "middle") -> str:
    spans = "".join(f'<tspan x="{round(x, 1)}" dy="{0 if i == 0 else ROW - 4}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text class="{cls}" x="{round(x, 1)}" y="{round(y, 1)}" text-anchor="{anchor}">{spans}</text>'


def _legend(chart: Chart, y0: float, x0: float, width: float) -> tuple[list[str], float]:
    """One row per series, so that long names never run into each other; a name longer than the
    drawing is wide wraps. Returns the parts and the height they take."""
    parts, y = [], y0
    for si, s in enumerate(chart.series):
        lines = _lines(s.name, width - x0 - 18)
        parts.append(
            f'<rect x="{x0}" y="{y - 11}" width="12" height="12" fill="{PALETTE[si % len(PALETTE)]}"/>'
            + _text(x0 + 18, y, lines, "mcf-chart__legend", "start")
        )
        y += ROW + (ROW - 4) * (len(lines) - 1)
    return parts, y - y0


def _svg(chart: Chart, dom_id: str, width: float, height: float, parts: list[str], variant: str, words: Words) -> str:
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    return (
        f'<svg class="mcf-chart mcf-chart--{variant}" viewBox="0 0 {width} {round(height)}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.description)} {escape(words("chart_numbers_follow"))}</desc>'
        f'{"".join(parts)}</svg>'
    )


def chart_svg(chart: Chart, dom_id: str, words: Words = DEFAULT_WORDS) -> str:
    """The laptop drawing: columns (or lines) over the categories, with a value on each mark."""
    values = [float(v) for s in chart.series for v in s.values]
    top, step = _scale(values, chart.unit)
    suffix = "%" if chart.unit == "%" else ""
    plot_w = WIDTH - LEFT - RIGHT
    n = len(chart.categories)
    band = plot_w / n

    def y(v: float) -> float:
        return round(TOP + PLOT_H - (v / top) * PLOT_H, 1)

    parts: list[str] = []
    for k in range(5):  # grid lines and axis labels
        v = step * k
        parts.append(f'<line class="mcf-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v)}" y2="{y(v)}"/>')
        parts.append(f'<text class="mcf-chart__axis" x="{LEFT - 6}" y="{y(v) + 4}" text-anchor="end">{v:g}{suffix}</text>')
    label_lines = [_lines(cat, band - 8) for cat in chart.categories]
    for i, lines in enumerate(label_lines):
        parts.append(_text(LEFT + band * (i + 0.5), TOP + PLOT_H + 20, lines, "mcf-chart__axis"))
    k = len(chart.series)
    for si, series in enumerate(chart.series):
        colour = PALETTE[si % len(PALETTE)]
        if chart.type == "bar":
            bar_w = band * 0.8 / k
            for i, v in enumerate(series.values[:n]):
                x = LEFT + band * i + band * 0.1 + bar_w * si
                parts.append(
                    f'<rect x="{round(x, 1)}" y="{y(v)}" width="{round(bar_w, 1)}" height="{round(TOP + PLOT_H - y(v), 1)}" fill="{colour}"/>'
                    f'<text class="mcf-chart__value" x="{round(x + bar_w / 2, 1)}" y="{y(v) - 4}" text-anchor="middle">{_fmt(v)}{suffix}</text>'
                )
        else:
            pts = [(round(LEFT + band * (i + 0.5), 1), y(v)) for i, v in enumerate(series.values[:n])]
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{" ".join(f"{a},{b}" for a, b in pts)}"/>')
            for (px, py), v in zip(pts, series.values, strict=False):
                parts.append(f'<circle cx="{px}" cy="{py}" r="4" fill="{colour}"/>')
                parts.append(f'<text class="mcf-chart__value" x="{px}" y="{py - 8}" text-anchor="middle">{_fmt(v)}{suffix}</text>')
    legend_y = TOP + PLOT_H + 20 + (ROW - 4) * max(len(lines) for lines in label_lines) + ROW
    legend, height = _legend(chart, legend_y, LEFT, WIDTH - RIGHT)
    return _svg(chart, dom_id, WIDTH, legend_y + height, parts + legend, "wide", words)


def chart_svg_narrow(chart: Chart, dom_id: str, words: Words = DEFAULT_WORDS) -> str:
    """The phone drawing: a bar per value across the width, each category's name above its bars, so
    that text stays full size however many categories there are."""
    values = [float(v) for s in chart.series for v in s.values]
    top = 100.0 if chart.unit == "%" and max(values + [0.0]) <= 100 else max(values + [1.0])
    suffix = "%" if chart.unit == "%" else ""
    parts, height = _legend(chart, ROW - 4, 0, NARROW * 13 / 14)  # the phone's text is 14px, not 13
    y0 = height + 8
    bar_h, room = 18, 56  # room: for the value after the longest bar
    for i, cat in enumerate(chart.categories):
        lines = _lines(cat, NARROW)
        parts.append(_text(0, y0 + ROW - 4, lines, "mcf-chart__axis", "start"))
        y0 += (ROW - 4) * len(lines) + 8
        for si, series in enumerate(chart.series):
            if i >= len(series.values):
                continue
            v = float(series.values[i])
            w = round(max(1.0, (v / top) * (NARROW - room)), 1)
            parts.append(
                f'<rect x="0" y="{y0}" width="{w}" height="{bar_h}" fill="{PALETTE[si % len(PALETTE)]}"/>'
                f'<text class="mcf-chart__value" x="{w + 6}" y="{y0 + bar_h - 4}">{_fmt(series.values[i])}{suffix}</text>'
            )
            y0 += bar_h + 4
        y0 += 12
    return _svg(chart, dom_id, NARROW, y0, parts, "narrow", words)


def chart_table(chart: Chart, words: Words = DEFAULT_WORDS) -> str:
    """The numbers as a table, folded under a summary: the drawing and its caption say the same."""
    unit = f" ({escape(chart.unit)})" if chart.unit else ""
    head = "".join(f'<th scope="col">{escape(s.name)}{unit}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{escape(cat)}</th>'
        + "".join(f"<td>{_fmt(s.values[i]) if i < len(s.values) else '—'}</td>" for s in chart.series)
        + "</tr>"
        for i, cat in enumerate(chart.categories)
    )
    return (
        f'<details class="mcf-chart-data"><summary>{escape(words("chart_numbers"))}</summary>'
        f'<table class="mcf-chart-table"><caption>{escape(chart.title)}</caption>'
        f"<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
    )


def chart_figure(chart: Chart, owner_id: str, words: Words = DEFAULT_WORDS) -> Markup:
    """The chart, its table and where the numbers come from, as one HTML block."""
    dom_id = f"chart-{owner_id.lower()}-{chart.id}"
    return Markup(
        f'<figure class="mcf-figure" id="{dom_id}">{chart_svg(chart, dom_id, words)}{chart_svg_narrow(chart, dom_id + "-phone", words)}'
        f"<figcaption>{escape(chart.description)} {escape(words('chart_source'))}: {escape(chart.where)}{full_stop(chart.where)}</figcaption>"
        f"{chart_table(chart, words)}</figure>"
    )
