"""Geometry for the pages' drawings: the measure chart and the decision trace.

Templates draw the SVG from these coordinates (so every label is escaped by Jinja and every
point is a real link reachable by keyboard); nothing here writes markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Sequence

from kg.pages.decisions import TraceEdge, TraceNode
from kg.pages.measures import Point

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 16, 40


@dataclass(frozen=True)
class Tick:
    """An axis tick: its position and its text."""

    at: float
    text: str


@dataclass(frozen=True)
class PlacedPoint:
    """A point of the chart in SVG coordinates."""

    x: float
    y: float
    point: Point


@dataclass(frozen=True)
class Chart:
    """A time-series chart ready to draw."""

    width: int
    height: int
    points: tuple[PlacedPoint, ...]
    path: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    plot: tuple[float, float, float, float]  # left, top, right, bottom


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / count if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _label(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}m"
    if abs(value) >= 10_000:
        return f"{value / 1000:g}k"
    return f"{value:,.10g}"


def chart(points: Sequence[Point]) -> Chart | None:
    """The chart of dated points, or None when fewer than one is dated."""
    dated = [p for p in points if p.when is not None]
    if not dated:
        return None
    values = [float(p.value) for p in dated]
    low, high = min(0.0, min(values)), max(values)
    step = _nice_step(high - low)
    top = math.ceil(high / step) * step if high > 0 else step
    bottom = math.floor(low / step) * step
    days = [p.when.toordinal() for p in dated]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 180, last + 180
    plot = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)

    def x(day: int) -> float:
        return round(plot[0] + (day - first) / (last - first) * (plot[2] - plot[0]), 1)

    def y(value: float) -> float:
        return round(plot[3] - (value - bottom) / (top - bottom) * (plot[3] - plot[1]), 1)

    placed = tuple(PlacedPoint(x(p.when.toordinal()), y(float(p.value)), p) for p in dated)
    path = " ".join(f"{'M' if i == 0 else 'L'}{pp.x},{pp.y}" for i, pp in enumerate(placed))
    y_ticks = tuple(Tick(y(bottom + i * step), _label(bottom + i * step))
                    for i in range(int(round((top - bottom) / step)) + 1))
    return Chart(WIDTH, HEIGHT, placed, path, _x_ticks(first, last, x), y_ticks, plot)


def _x_ticks(first: int, last: int, x) -> tuple[Tick, ...]:
    start, end = date.fromordinal(first), date.fromordinal(last)
    if end.year - start.year >= 2:
        return tuple(Tick(x(date(year, 1, 1).toordinal()), str(year))
                     for year in range(start.year + 1, end.year + 1))
    ticks, year, month = [], start.year, start.month
    months = (end.year - start.year) * 12 + end.month - start.month
    every = max(1, months // 5 + 1)
    while (year, month) <= (end.year, end.month):
        day = date(year, month, 1)
        if first <= day.toordinal() <= last:
            ticks.append(Tick(x(day.toordinal()), f"{day:%b %Y}"))
        month += every
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return tuple(ticks)


@dataclass(frozen=True)
class PlacedNode:
    """A trace node in SVG coordinates (its box's top-left corner) with its label cut in lines."""

    x: float
    y: float
    lines: tuple[str, ...]
    node: TraceNode


@dataclass(frozen=True)
class PlacedEdge:
    """A trace edge from one box's side to another's."""

    x1: float
    y1: float
    x2: float
    y2: float
    label: str


@dataclass(frozen=True)
class TraceDrawing:
    """The trace laid out left to right by layer."""

    width: int
    height: int
    box_width: int
    box_height: int
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]


BOX_W, BOX_H, GAP_X, GAP_Y = 132, 58, 26, 16


def _lines(text: str, width: int = 19, count: int = 3) -> tuple[str, ...]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > count:
        lines = lines[:count]
        lines[-1] = lines[-1][: width - 1] + "…"
    return tuple(lines)


def _ordered(nodes: Sequence[TraceNode], edges: Sequence[TraceEdge]) -> dict[int, list[TraceNode]]:
    """Nodes by column, each column sorted by where its neighbours sit in the column nearer the
    decision (one barycentre sweep outwards from it), so fewer edges cross; ties keep input order."""
    columns: dict[int, list[TraceNode]] = {}
    for n in nodes:
        columns.setdefault(n.layer, []).append(n)
    anchor = next((n.layer for n in nodes if n.kind == "decision"), min(columns, default=0))
    neighbours: dict[str, set[str]] = {}
    for e in edges:
        neighbours.setdefault(e.source, set()).add(e.target)
        neighbours.setdefault(e.target, set()).add(e.source)
    layers = sorted(columns)
    sweep = [c for c in layers if c > anchor] + [c for c in reversed(layers) if c < anchor]
    for c in sweep:
        nearer = [l for l in layers if (anchor <= l < c) or (c < l <= anchor)]
        inner = max(nearer) if c > anchor else min(nearer)
        row = {n.iri: i for i, n in enumerate(columns[inner])}

        def centre(n: TraceNode, row=row) -> float:
            rows = [row[o] for o in neighbours.get(n.iri, ()) if o in row]
            return sum(rows) / len(rows) if rows else math.inf

        columns[c].sort(key=centre)
    return columns


def trace_drawing(nodes: Sequence[TraceNode], edges: Sequence[TraceEdge]) -> TraceDrawing:
    """Boxes in columns by layer (empty layers closed up), edges between box sides."""
    columns = _ordered(nodes, edges)
    layers = sorted(columns)
    placed: dict[str, PlacedNode] = {}
    for c, layer in enumerate(layers):
        for r, n in enumerate(columns[layer]):
            placed[n.iri] = PlacedNode(10 + c * (BOX_W + GAP_X), 10 + r * (BOX_H + GAP_Y), _lines(n.label), n)
    lines = []
    for e in edges:
        a, b = placed.get(e.source), placed.get(e.target)
        if a is None or b is None:
            continue
        if a.x == b.x:
            lines.append(PlacedEdge(a.x + BOX_W / 2, a.y + BOX_H, b.x + BOX_W / 2, b.y, e.label))
        elif a.x < b.x:
            lines.append(PlacedEdge(a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2, e.label))
        else:
            lines.append(PlacedEdge(a.x, a.y + BOX_H / 2, b.x + BOX_W, b.y + BOX_H / 2, e.label))
    width = 20 + len(layers) * (BOX_W + GAP_X) - GAP_X
    height = 20 + max((len(c) for c in columns.values()), default=1) * (BOX_H + GAP_Y) - GAP_Y
    return TraceDrawing(width, height, BOX_W, BOX_H, tuple(placed.values()), tuple(lines))


def decimal_text(value: Decimal) -> str:
    """A decimal without trailing zeros."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
