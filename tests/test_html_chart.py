"""The step chart: where each total, break and unknown goes, and the SVG the page draws of it.

Each test lays out a small series of its own (a break, a derived total, a carried total, a single
point, an empty series), so that the chart is tested on every shape the data can take, not only
on the shipped data.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from sanctions_tracker.output.html import render_chart
from sanctions_tracker.output.html.chart import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    Chart,
    ChartPoint,
    layout_chart,
    nice_step,
)

SVG = "{http://www.w3.org/2000/svg}"


def point(label: str, day: str, *, before: int | None = None, before_basis: str | None = None,
          change: int | None = None, after: int | None = None,
          after_basis: str | None = None) -> ChartPoint:
    text = "" if change is None else (f"+ {change:,}" if change >= 0 else f"- {-change:,}")
    return ChartPoint(
        anchor=f"m-{label}", label=label, date=dt.date.fromisoformat(day), date_kind="in force",
        before=before, before_basis=before_basis if before is not None else None,
        change=change, change_text=text, after=after,
        after_basis=after_basis or ("given" if after is not None else None))


# Korea's list as issue 13 tells it: 0 -> 57 -> 798, then 682 added to reach 1,159 (the total
# before derived as 477, so the chain breaks: 798 + 682 = 1,480), then 243 carried to 1,402.
KOREA = [
    point("first", "2022-03-26", before=0, change=57, after=57),
    point("second", "2023-04-28", before=57, before_basis="derived", change=741, after=798),
    point("break", "2024-02-24", before=477, before_basis="derived", change=682, after=1159),
    point("carried", "2024-09-09", before=1159, before_basis="carried", change=243, after=1402,
          after_basis="carried"),
]


@pytest.fixture(scope="module")
def korea() -> Chart:
    chart = layout_chart(KOREA, "Korea")
    assert chart is not None
    return chart


def test_an_empty_series_has_no_chart() -> None:
    assert layout_chart([], "nothing") is None


def test_every_known_total_is_a_point_labelled_with_its_figure(korea: Chart) -> None:
    assert [(m.text, m.basis, m.anchor) for m in korea.markers] == [
        ("57", "given", "m-first"), ("798", "given", "m-second"), ("1,159", "given", "m-break"),
        ("1,402", "carried", "m-carried")]
    assert "1,402 items (carried) after carried" in korea.markers[-1].title


def test_points_run_left_to_right_by_date_and_up_by_total(korea: Chart) -> None:
    xs = [m.x for m in korea.markers]
    ys = [m.y for m in korea.markers]
    assert xs == sorted(xs)
    assert ys == sorted(ys, reverse=True)  # SVG's y grows downwards
    assert all(LEFT < x < WIDTH - RIGHT for x in xs)
    assert all(TOP <= y <= HEIGHT - BOTTOM for y in ys)


def test_the_highest_total_has_room_above_it_and_zero_is_the_axis(korea: Chart) -> None:
    assert korea.y_ticks[0].text == "0"
    assert korea.y_ticks[0].at == HEIGHT - BOTTOM
    assert korea.y_ticks[-1].text == "1,500"  # above 1,402, in steps of 500
    assert korea.markers[-1].y > TOP


def test_a_chain_break_is_a_gap_labelled_with_its_arithmetic(korea: Chart) -> None:
    (gap,) = korea.gaps
    assert gap.anchor == "m-break"
    assert gap.text == "798 + 682 = 1,480 ≠ 1,159"
    level_798, point_1159 = korea.markers[1].y, korea.markers[2].y
    assert {gap.y1, gap.y2} == {level_798, point_1159}
    assert gap.x == korea.markers[2].x
    # No line joins the two levels: no riser at the break's date.
    assert not [s for s in korea.segments if s.kind == "riser" and s.x1 == gap.x]


def test_a_given_total_before_that_does_not_link_is_a_gap_to_where_the_measure_starts() -> None:
    chart = layout_chart([point("a", "2024-01-01", after=100),
                          point("b", "2024-02-01", before=90, change=10, after=100)], "given")
    assert chart is not None
    (gap,) = chart.gaps
    assert gap.text == "100 → 90: a gap of -10"
    risers = [s for s in chart.segments if s.kind == "riser"]
    assert [(r.y1, r.y2) for r in risers] == [(gap.y2, chart.markers[1].y)]


def test_a_measure_that_does_not_add_up_is_a_gap_not_a_riser() -> None:
    chart = layout_chart([point("m", "2024-04-01", before=100, change=10, after=120)], "mismatch")
    assert chart is not None
    assert [g.text for g in chart.gaps] == ["100 + 10 = 110 ≠ 120"]
    assert not [s for s in chart.segments if s.kind == "riser"]


def test_derived_and_carried_totals_are_drawn_in_their_own_style(korea: Chart) -> None:
    by_basis = {s.basis for s in korea.segments}
    assert by_basis == {"given", "carried"}
    chart = layout_chart([point("d", "2024-01-01", before=10, change=5, after=15,
                                after_basis="derived")], "derived")
    assert chart is not None
    assert {s.basis for s in chart.segments} == {"given", "derived"}  # lead-in given, rise derived
    assert [m.basis for m in chart.markers] == ["derived"]
    # The last level runs to the right edge of the plot, in the style of its total.
    last = korea.segments[-1]
    assert (last.kind, last.basis, last.x2) == ("level", "carried", WIDTH - RIGHT)


def test_a_single_point_sits_inside_a_padded_date_range() -> None:
    chart = layout_chart([point("only", "2024-05-02", before=10, change=5, after=15)], "single")
    assert chart is not None
    (marker,) = chart.markers
    assert LEFT + 100 < marker.x < WIDTH - RIGHT - 100  # not squeezed onto an edge
    assert [(s.kind, s.x1) for s in chart.segments] == [
        ("level", LEFT), ("riser", marker.x), ("level", marker.x)]
    assert len(chart.x_ticks) >= 2
    assert chart.description.endswith("Totals after each measure: 15. No break.")


def test_an_unknown_total_is_a_mark_on_the_date_axis_and_the_line_stops() -> None:
    chart = layout_chart([point("a", "2023-01-01", change=741),
                          point("b", "2024-06-20", before=1159, change=243, after=1402)], "x")
    assert chart is not None
    (unknown,) = chart.unknowns
    assert (unknown.anchor, unknown.text, unknown.y) == ("m-a", "+741 (total unknown)",
                                                         HEIGHT - BOTTOM)
    # Nothing is drawn from the unknown total to the next measure's total before.
    assert [s.kind for s in chart.segments] == ["riser", "level"]
    nothing = layout_chart([point("a", "2023-01-01", change=741)], "unknown")
    assert nothing is not None
    assert nothing.markers == ()
    assert nothing.segments == ()
    assert "no total is known" in nothing.description


def test_a_date_that_runs_backwards_never_turns_the_line_back() -> None:
    chart = layout_chart([point("a", "2024-05-01", after=10),
                          point("b", "2024-03-01", before=10, change=5, after=15)], "x")
    assert chart is not None
    assert chart.markers[1].x == chart.markers[0].x
    assert all(s.x2 >= s.x1 for s in chart.segments)


def test_labels_near_the_right_edge_go_left_of_their_point(korea: Chart) -> None:
    assert korea.markers[0].text_anchor == "start"
    assert korea.markers[0].text_x > korea.markers[0].x
    chart = layout_chart([point("a", "2020-01-01", after=1), point("b", "2024-01-01",
                          before=1, change=1_000_000, after=1_000_001)], "x")
    assert chart is not None
    assert chart.markers[-1].text_anchor == "end"
    assert chart.markers[-1].text_x < chart.markers[-1].x


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (15, 5), (120, 50),
                                               (1402, 500), (99_000, 50_000)])
def test_steps_are_round(largest: int, step: int) -> None:
    assert nice_step(largest) == step


def test_years_label_a_long_span_and_months_a_short_one(korea: Chart) -> None:
    assert [t.text for t in korea.x_ticks] == ["2023", "2024"]
    chart = layout_chart([point("a", "2024-01-10", after=1), point("b", "2024-03-20", before=1,
                          change=1, after=2)], "x")
    assert chart is not None
    assert [t.text for t in chart.x_ticks] == ["2024-02", "2024-03"]  # first days in range


def test_the_svg_has_an_accessible_name_and_links_every_point(korea: Chart) -> None:
    svg = ET.fromstring(render_chart(korea, "chart-korea", "Korea <b>list</b>"))  # noqa: S314 (ours)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-korea-title chart-korea-desc"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None
    assert title.get("id") == "chart-korea-title"
    assert title.text == "Total items over time: Korea <b>list</b>"  # text, not markup
    assert desc is not None
    assert "798 + 682 = 1,480 ≠ 1,159" in (desc.text or "")
    points = svg.findall(f".//{SVG}a[@class]")
    hrefs: dict[str | None, list[str | None]] = {a.get("class"): [] for a in points}
    for a in points:
        hrefs[a.get("class")].append(a.get("href"))
    assert hrefs["point point-given"] == ["#m-first", "#m-second", "#m-break"]
    assert hrefs["point point-carried"] == ["#m-carried"]
    assert hrefs["gap"] == ["#m-break"]
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "point-label"]
    assert labels == ["57", "798", "1,159", "1,402"]
    assert len(svg.findall(f".//{SVG}circle")) == 3
    assert len(svg.findall(f".//{SVG}rect")) == 1  # the carried total is a square
