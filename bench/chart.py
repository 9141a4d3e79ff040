"""The chart of search latency against corpus size: a hand-written SVG line chart.

`results["scaling"]` maps a corpus size to that size's p50, p95 and `took`
p50 (ms). Sizes go on a logarithmic x axis (1k, 10k, 100k are evenly spaced),
milliseconds on a linear y axis from 0; one line per measure, with a legend.

    .venv/bin/python -m bench.chart bench/results.json   # redraws docs/benchmarks/latency-vs-size.svg
"""

from __future__ import annotations

import json
import math
import sys
from html import escape
from pathlib import Path
from typing import Any

CHART = Path(__file__).resolve().parent.parent / "docs" / "benchmarks" / "latency-vs-size.svg"
WIDTH, HEIGHT = 760, 420
LEFT, RIGHT, TOP, BOTTOM = 80, 230, 56, 64
INSET = 40  # between the y axis (and the plot's right edge) and the first (last) size
# Colours from the NHS palette, dark enough for text contrast on white; dashes tell the lines apart without colour.
SERIES = (
    ("p95_ms", "API p95", "#d5281b", "8 4"),
    ("p50_ms", "API p50", "#005eb8", ""),
    ("took_p50_ms", "Elasticsearch took p50", "#007f3b", "2 4"),
)


def size_label(size: int) -> str:
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000:,}k"
    return f"{size:,}"


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def ticks(top: float) -> list[float]:
    """Round steps from 0 to `top` (a nice_ceiling): quarters of a 2, fifths of a 1, 2.5 or 5."""
    leading = top / 10 ** math.floor(math.log10(top))
    steps = 4 if math.isclose(leading, 2) else 5
    return [top * step / steps for step in range(steps + 1)]


def _x(size: int, sizes: list[int]) -> float:
    low, high = math.log10(sizes[0]), math.log10(sizes[-1])
    share = 0.5 if high == low else (math.log10(size) - low) / (high - low)
    return LEFT + INSET + share * (WIDTH - LEFT - RIGHT - 2 * INSET)


def _y(value: float, top: float) -> float:
    return HEIGHT - BOTTOM - value / top * (HEIGHT - TOP - BOTTOM)


def _text(x: float, y: float, content: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'


def svg(scaling: dict[Any, dict[str, float]], title: str = "Search API latency against corpus size") -> str:
    """The chart as an SVG document; `scaling` keys may be ints or strings (as JSON leaves them)."""
    points = {int(size): measures for size, measures in scaling.items()}
    if not points:
        raise ValueError("No sizes to draw.")
    sizes = sorted(points)
    top = nice_ceiling(max(points[size].get(key) or 0 for size in sizes for key, *_ in SERIES))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'role="img" aria-labelledby="chart-title chart-desc" font-family="Arial, sans-serif" font-size="14" '
        'fill="#212b32">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(describe(points))}</desc>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        _text(WIDTH / 2, 30, title, extra=' font-size="18" font-weight="bold"'),
    ]
    for value in ticks(top):
        y = _y(value, top)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#d8dde0"/>')
        parts.append(_text(LEFT - 8, y + 5, f"{value:g}", anchor="end"))
    floor = HEIGHT - BOTTOM
    for size in sizes:
        x = _x(size, sizes)
        parts.append(f'<line x1="{x:.1f}" y1="{floor}" x2="{x:.1f}" y2="{floor + 6}" stroke="#212b32"/>')
        parts.append(_text(x, floor + 24, size_label(size)))
    axis = f"M{LEFT},{TOP} V{HEIGHT - BOTTOM} H{WIDTH - RIGHT}"
    parts.append(f'<path d="{axis}" fill="none" stroke="#212b32" stroke-width="1.5"/>')
    parts.append(_text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 14, "Items in the index (log scale)"))
    middle = (TOP + HEIGHT - BOTTOM) / 2
    parts.append(_text(22, middle, "Milliseconds", extra=f' transform="rotate(-90 22 {middle:.1f})"'))
    for row, (key, label, colour, dashes) in enumerate(SERIES):
        coordinates = [(_x(size, sizes), _y(points[size][key], top)) for size in sizes if points[size].get(key)]
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in coordinates]
        legend_y = TOP + 10 + row * 26
        legend_x = WIDTH - RIGHT + 16
        parts.append(
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 28}" y2="{legend_y}" '
            f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        parts.append(_text(legend_x + 36, legend_y + 5, label, anchor="start"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def describe(points: dict[int, dict[str, float]]) -> str:
    """The chart's figures as one sentence, for readers who cannot see it."""
    rows = [
        f"{size_label(size)} items: p50 {points[size]['p50_ms']} ms, p95 {points[size]['p95_ms']} ms, "
        f"took p50 {points[size]['took_p50_ms']} ms"
        for size in sorted(points)
    ]
    return "; ".join(rows) + "."


def write(scaling: dict[Any, dict[str, float]], path: Path = CHART) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg(scaling), encoding="utf-8")
    return path


if __name__ == "__main__":
    results = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results.json").read_text())
    print(write(results["scaling"]))
