"""A measure's series: every observation with value, unit, reference date and source paragraph.

A point's date is the end of its reference period, else its start, else the date of the
meeting whose paper states it (marked ``dated_by_paper`` so the page can say so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from kg.pages.rows import plain


@dataclass(frozen=True)
class Point:
    """One observation as the chart and the table show it."""

    observation: str
    value: Decimal
    unit: str
    when: date | None
    period: str | None
    dated_by_paper: bool
    qualifier: str | None
    area: str | None
    sentence: str | None
    paragraph: str | None
    document: str | None


@dataclass(frozen=True)
class Series:
    """The points of one measure in date order (undated ones last), and the unit charted."""

    points: tuple[Point, ...]
    unit: str | None

    @property
    def charted(self) -> tuple[Point, ...]:
        """Dated points in the charted unit."""
        return tuple(p for p in self.points if p.when is not None and p.unit == self.unit)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def series(graph, measure_iri: str) -> Series:
    """Every observation of ``measure_iri``."""
    points = []
    for r in plain(graph, "measure_series", node=measure_iri):
        try:
            value = Decimal(r["value"])
        except (InvalidOperation, KeyError):
            continue
        own = _day(r.get("end")) or _day(r.get("start"))
        points.append(Point(
            observation=r["obs"], value=value, unit=r.get("unit", ""), when=own or _day(r.get("docDate")),
            period=r.get("periodLabel"), dated_by_paper=own is None, qualifier=r.get("qualifier"),
            area=r.get("area"), sentence=r.get("sentence"), paragraph=r.get("para"), document=r.get("doc"),
        ))
    unique = {p.observation: p for p in points}.values()
    ordered = sorted(unique, key=lambda p: (p.when is None, p.when or date.min, p.value))
    units = [p.unit for p in ordered if p.when is not None]
    unit = max(set(units), key=units.count) if units else None
    return Series(tuple(ordered), unit)


def measures(graph) -> list[dict[str, str]]:
    """Every measure with its number of observations."""
    return plain(graph, "measures")
