"""The step chart of an export-control list's total: geometry only, drawn by a template as SVG.

A list changes in steps: it holds a total until a measure adds or removes items, so the total is
drawn as a step line over the date each measure took effect (announced when that is not known).
Every value keeps where it came from: a total *given* in the data is a solid line and a filled
dot, a *derived* one (from the measure's own figures) a dashed line and an open dot, a
*carried* one (the previous total, carried along the chain) a dotted line and an open square. Where
the figures do not add up, the line is not joined: a *break* is a visible gap labelled with its
arithmetic. A measure whose total is not known has no point, only a mark on the date axis.

Our own module rather than a charting library: the chart needs three line styles by
provenance, gaps labelled with arithmetic and a link from each point to its table row, which
general plotting libraries (matplotlib, pygal) give only through post-processing their SVG, and
none of them is needed for anything else. This module computes coordinates; the page template
writes the SVG, escaped like the rest of the page.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "Chart",
    "ChartPoint",
    "Gap",
    "Marker",
    "Segment",
    "Tick",
    "UnknownMark",
    "layout_chart",
    "nice_step",
]

#: The SVG's coordinate box: it scales to the width of the page (viewBox).
WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 28, 28, 44
#: Days shown on each side of a series' only date.
SINGLE_DATE_MARGIN = 45


@attrs.frozen
class ChartPoint:
    """One measure of a series, in chain order: its date and its totals with their basis.

    ``basis`` values are ``given``, ``derived`` or ``carried``; a total that is not known is
    None. ``change`` is the measure's net change and ``change_text`` its arithmetic (``+ 243``).
    """

    anchor: str
    label: str
    date: dt.date
    date_kind: str
    before: int | None = None
    before_basis: str | None = None
    change: int | None = None
    change_text: str = ""
    after: int | None = None
    after_basis: str | None = None


@attrs.frozen
class Segment:
    """A straight piece of the step line: ``level`` (horizontal) or ``riser`` (vertical)."""

    x1: float
    y1: float
    x2: float
    y2: float
    basis: str
    kind: str


@attrs.frozen
class Marker:
    """A point of the chart: a total after a measure, its label and the row it links to."""

    x: float
    y: float
    value: int
    basis: str
    anchor: str
    text: str
    text_x: float
    text_y: float
    text_anchor: str
    title: str


@attrs.frozen
class Gap:
    """Where the figures do not add up: a break between two levels, with its arithmetic."""

    x: float
    y1: float
    y2: float
    anchor: str
    text: str
    text_x: float
    text_y: float
    text_anchor: str
    title: str


@attrs.frozen
class UnknownMark:
    """A measure whose total is not known: a mark on the date axis, linked to its row."""

    x: float
    y: float
    anchor: str
    text: str
    title: str


@attrs.frozen
class Tick:
    """An axis tick: its position (x or y, in SVG units) and its label."""

    at: float
    text: str


@attrs.frozen
class Chart:
    """Everything the template draws, in SVG units (origin top left)."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    segments: tuple[Segment, ...]
    markers: tuple[Marker, ...]
    gaps: tuple[Gap, ...]
    unknowns: tuple[UnknownMark, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    description: str


def nice_step(largest: int, intervals: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that splits 0..largest in ~``intervals``."""
    if largest <= 0:
        return 1
    raw = largest / intervals
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw)) or 1


def _n(value: int) -> str:
    return f"{value:,}"


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Years over a long span, quarters over a shorter one, months over a few months."""
    span = (last - first).days
    months = 12 if span >= 540 else 3 if span >= 120 else 1
    ticks = []
    year, month = first.year, 1 + (first.month - 1) // months * months
    while True:
        day = dt.date(year, month, 1)
        if day > last:
            break
        if day >= first:
            ticks.append(day)
        month += months
        if month > 12:
            year, month = year + 1, month - 12
    return ticks


def _tick_text(day: dt.date, first: dt.date, last: dt.date) -> str:
    return str(day.year) if (last - first).days >= 540 else f"{day:%Y-%m}"


class _Scale:
    def __init__(self, first: dt.date, last: dt.date, top_value: int) -> None:
        if first == last:
            first -= dt.timedelta(days=SINGLE_DATE_MARGIN)
            last += dt.timedelta(days=SINGLE_DATE_MARGIN)
        pad = max(1, round((last - first).days * 0.04))
        self.first = first - dt.timedelta(days=pad)
        self.last = last + dt.timedelta(days=pad)
        self.top_value = top_value

    def x(self, day: dt.date) -> float:
        span = (self.last - self.first).days
        return round(LEFT + (day - self.first).days / span * (WIDTH - LEFT - RIGHT), 1)

    def y(self, value: int) -> float:
        return round(HEIGHT - BOTTOM - value / self.top_value * (HEIGHT - TOP - BOTTOM), 1)


#: The width of a label's character, in SVG units, as a generous guess (12px bold digits).
_CHARACTER = 7.2


def _label_side(x: float, text: str) -> tuple[float, str]:
    """A label goes right of its point, or left of it where it would run off the chart."""
    if x + 6 + len(text) * _CHARACTER > WIDTH:
        return x - 6, "end"
    return x + 6, "start"


class _Layout:
    """Walks a series' points along the chain, keeping the level the line has reached."""

    def __init__(self, points: Sequence[ChartPoint]) -> None:
        values = [v for p in points for v in (p.before, p.after) if v is not None]
        highest = max(values, default=0)
        self.step = nice_step(highest)
        top = max(self.step, math.ceil(highest / self.step) * self.step)
        self.top = top + self.step if top == highest else top  # room for the top label
        self.scale = _Scale(min(p.date for p in points), max(p.date for p in points), self.top)
        self.segments: list[Segment] = []
        self.markers: list[Marker] = []
        self.gaps: list[Gap] = []
        self.unknowns: list[UnknownMark] = []
        self.level: tuple[int, str] | None = None  # the total after the previous measure
        self.x = float(LEFT)

    def add(self, p: ChartPoint, *, first: bool) -> None:
        """Draw the line up to this measure, and its point (or its mark if the total is unknown)."""
        y = self.scale.y
        x = max(self.scale.x(p.date), self.x)
        start = (p.before, p.before_basis or "given") if p.before is not None else None
        if self.level is not None:
            self.segments.append(Segment(self.x, y(self.level[0]), x, y(self.level[0]),
                                         self.level[1], "level"))
            if start is not None and start[0] != self.level[0]:
                start = self._chain_break(x, self.level[0], start, p)
        elif start is not None and first:
            self.segments.append(Segment(float(LEFT), y(start[0]), x, y(start[0]), start[1],
                                         "level"))
        self.x = x
        if p.after is None:
            change = f"{_signed(p.change)} (total unknown)" if p.change is not None else ""
            self.unknowns.append(UnknownMark(
                x, y(0), p.anchor, change or "total unknown",
                f"{p.label} ({p.date_kind} {p.date}): the total after it is not known"))
            self.level = None
            return
        basis = p.after_basis or "given"
        if start is not None and p.change is not None and start[0] + p.change != p.after:
            expected = start[0] + p.change
            self.gaps.append(self._gap(x, start[0], p.after, p, f"{_n(start[0])} {p.change_text} "
                                       f"= {_n(expected)} ≠ {_n(p.after)}"))
        elif start is not None and start[0] != p.after:
            self.segments.append(Segment(x, y(start[0]), x, y(p.after), basis, "riser"))
        crowded = bool(self.markers) and x - self.markers[-1].x <= _CROWDED
        above = not (crowded and self.markers[-1].text_y < self.markers[-1].y)
        self.markers.append(self._marker(x, p, basis, above=above))
        self.level = (p.after, basis)

    def _chain_break(self, x: float, level: int, start: tuple[int, str],
                     p: ChartPoint) -> tuple[int, str] | None:
        """Draw a break between the previous level and this measure; return where it starts.

        A total before that the data gives is where the measure starts, and the gap runs to
        it. One derived from the total after exists only to make the measure add up: the gap
        then runs from the previous level to the total after, labelled with the sum that the
        previous level and the change make (``798 + 682 = 1,480 ≠ 1,159``), and there is no
        riser.
        """
        if start[1] == "derived" and p.change is not None and p.after is not None:
            self.gaps.append(self._gap(x, level, p.after, p, f"{_n(level)} {p.change_text} = "
                                       f"{_n(level + p.change)} ≠ {_n(p.after)}"))
            return None
        self.gaps.append(self._gap(x, level, start[0], p, f"{_n(level)} → {_n(start[0])}: a "
                                   f"gap of {_signed(start[0] - level)}"))
        return start

    def finish(self) -> None:
        """The last level runs on to the right edge: the list stands at it since."""
        if self.level is not None:
            y = self.scale.y(self.level[0])
            self.segments.append(Segment(self.x, y, float(WIDTH - RIGHT), y, self.level[1],
                                         "level"))

    def _gap(self, x: float, low: int, high: int, p: ChartPoint, text: str) -> Gap:
        y1, y2 = self.scale.y(low), self.scale.y(high)
        text_x, anchor = _label_side(x, text)
        return Gap(x, y1, y2, p.anchor, text, text_x, round((y1 + y2) / 2 + 4, 1), anchor,
                   f"break at {p.label} ({p.date_kind} {p.date}): {text}")

    def _marker(self, x: float, p: ChartPoint, basis: str, *, above: bool) -> Marker:
        assert p.after is not None
        y = self.scale.y(p.after)
        text_x, anchor = _label_side(x, _n(p.after))
        how = "" if basis == "given" else f" ({basis})"
        return Marker(x, y, p.after, basis, p.anchor, _n(p.after), text_x,
                      round(y - 8 if above else y + 18, 1), anchor,
                      f"{_n(p.after)} items{how} after {p.label} ({p.date_kind} {p.date})")


#: Points closer than this (SVG units) put their labels on alternate sides of the line.
_CROWDED = 70


def layout_chart(points: Sequence[ChartPoint], title: str) -> Chart | None:
    """The chart of a series' measures (in chain order), or None when there are none.

    Dates that run backwards along the chain (a measure in force before the one the chain puts
    before it) are drawn at the previous measure's date, so that the line never turns back; the
    point's title keeps its own date.
    """
    if not points:
        return None
    layout = _Layout(points)
    for number, point in enumerate(points):
        layout.add(point, first=number == 0)
    layout.finish()
    scale = layout.scale
    ticks = _date_ticks(scale.first, scale.last)
    return Chart(
        WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, tuple(layout.segments),
        tuple(layout.markers), tuple(layout.gaps), tuple(layout.unknowns),
        tuple(Tick(scale.x(d), _tick_text(d, scale.first, scale.last)) for d in ticks),
        tuple(Tick(scale.y(v), _n(v)) for v in range(0, layout.top + 1, layout.step)),
        _description(title, points, layout.markers, layout.gaps),
    )


def _signed(value: int) -> str:
    return f"+{_n(value)}" if value >= 0 else f"-{_n(-value)}"


def _description(title: str, points: Sequence[ChartPoint], markers: Sequence[Marker],
                 gaps: Sequence[Gap]) -> str:
    """One paragraph a screen reader reads for the chart: its span, figures and breaks."""
    if not markers:
        return (f"{title}: {len(points)} measure{'s' if len(points) != 1 else ''} from "
                f"{points[0].date} to {points[-1].date}; no total is known, so there is no line.")
    figures = ", ".join(f"{m.text}{'' if m.basis == 'given' else f' ({m.basis})'}"
                        for m in markers)
    broken = (f" {len(gaps)} break{'s' if len(gaps) != 1 else ''}: "
              + "; ".join(g.text for g in gaps) + "." if gaps else " No break.")
    return (f"Step chart of {title} from {points[0].date} to {points[-1].date}. "
            f"Totals after each measure: {figures}.{broken}")
