"""Charts drawn at build time as accessible SVG: a title and description for screen readers, value
labels on the marks (readable in print and in forced-colours mode), and the numbers as a table."""

from __future__ import annotations

from markupsafe import Markup, escape

from .models import Chart

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56
# Colours with 3:1 contrast against white and against each other's neighbours; series are also told
# apart by their legend order and value labels, never by colour alone.
PALETTE = ("#283593", "#b35900", "#00695c", "#6a1b9a")


def _fmt(v: float | int) -> str:
    """As the editor wrote it: 27.0 stays 27.0, 74 stays 74."""
    return str(v)


def _scale_max(values: list[float]) -> float:
    top = max(values + [0.0])
    if top <= 0:
        return 1.0
    step = 10 ** (len(str(int(top))) - 1)
    return float(((int(top) // step) + 1) * step) if top > step else float(step)


def chart_svg(chart: Chart, dom_id: str) -> str:
    values = [float(v) for s in chart.series for v in s.values]
    top = _scale_max(values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(chart.categories)
    band = plot_w / n

    def y(v: float) -> float:
        return round(TOP + plot_h - (v / top) * plot_h, 1)

    parts: list[str] = []
    for k in range(5):  # grid lines and axis labels
        v = top * k / 4
        parts.append(f'<line class="mcf-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v)}" y2="{y(v)}"/>')
        parts.append(f'<text class="mcf-chart__axis" x="{LEFT - 6}" y="{y(v) + 4}" text-anchor="end">{v:g}</text>')
    for i, cat in enumerate(chart.categories):
        cx = LEFT + band * (i + 0.5)
        parts.append(f'<text class="mcf-chart__axis" x="{round(cx, 1)}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{escape(cat)}</text>')
    k = len(chart.series)
    for si, series in enumerate(chart.series):
        colour = PALETTE[si % len(PALETTE)]
        if chart.type == "bar":
            bar_w = band * 0.8 / k
            for i, v in enumerate(series.values[:n]):
                x = LEFT + band * i + band * 0.1 + bar_w * si
                parts.append(
                    f'<rect x="{round(x, 1)}" y="{y(v)}" width="{round(bar_w, 1)}" height="{round(TOP + plot_h - y(v), 1)}" fill="{colour}"/>'
                    f'<text class="mcf-chart__value" x="{round(x + bar_w / 2, 1)}" y="{y(v) - 4}" text-anchor="middle">{_fmt(v)}</text>'
                )
        else:
            pts = [(round(LEFT + band * (i + 0.5), 1), y(v)) for i, v in enumerate(series.values[:n])]
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{" ".join(f"{a},{b}" for a, b in pts)}"/>')
            for (px, py), v in zip(pts, series.values, strict=False):
                parts.append(f'<circle cx="{px}" cy="{py}" r="4" fill="{colour}"/>')
                parts.append(f'<text class="mcf-chart__value" x="{px}" y="{py - 8}" text-anchor="middle">{_fmt(v)}</text>')
        lx = LEFT + si * 160
        parts.append(
            f'<rect x="{lx}" y="{HEIGHT - 22}" width="12" height="12" fill="{colour}"/>'
            f'<text class="mcf-chart__legend" x="{lx + 18}" y="{HEIGHT - 12}">{escape(series.name)}</text>'
        )
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    return (
        f'<svg class="mcf-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.description)} The numbers are in the table that follows.</desc>'
        f'{"".join(parts)}</svg>'
    )


def chart_table(chart: Chart) -> str:
    unit = f" ({escape(chart.unit)})" if chart.unit else ""
    head = "".join(f'<th scope="col">{escape(s.name)}{unit}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{escape(cat)}</th>'
        + "".join(f"<td>{_fmt(s.values[i]) if i < len(s.values) else '—'}</td>" for s in chart.series)
        + "</tr>"
        for i, cat in enumerate(chart.categories)
    )
    return (
        f'<table class="mcf-chart-table"><caption>{escape(chart.title)}: the numbers</caption>'
        f'<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def chart_figure(chart: Chart, owner_id: str) -> Markup:
    """The chart, its table and where the numbers come from, as one HTML block."""
    dom_id = f"chart-{owner_id.lower()}-{chart.id}"
    return Markup(
        f'<figure class="mcf-figure" id="{dom_id}">{chart_svg(chart, dom_id)}'
        f"<figcaption>{escape(chart.description)} Source: {escape(chart.where)}.</figcaption>"
        f"{chart_table(chart)}</figure>"
    )
