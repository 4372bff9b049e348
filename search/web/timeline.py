"""The volume-over-time chart of a result set, as data a template draws as SVG.

Bars are days, ISO weeks or months, whichever fits the span of the results;
each bar links to the search narrowed to its period. With `share`, bar heights
are the results' share of everything indexed in that period.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from search.query import SearchRequest
from search.results import SearchResult

WIDTH, HEIGHT = 640, 120
MAX_DAYS = 62  # up to this span, one bar a day
MAX_WEEKS = 40  # then weeks, then months
MAX_BAR_WIDTH = 48
BAR_GAP = 0.2  # of each bar's slot left empty
LABEL_ROOM = 14  # pixels above the tallest bar, for its label


@dataclass
class Bar:
    label: str
    count: int
    value: float  # what the height shows (count or share)
    url: str
    x: float
    y: float
    width: float
    height: float
    selected: bool


@dataclass
class Timeline:
    bars: list[Bar]
    unit: str  # "day", "week" or "month"
    share: bool
    width: int = WIDTH
    height: int = HEIGHT


def _period(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def _label(start: dt.date, unit: str) -> str:
    if unit == "day":
        return start.isoformat()
    if unit == "week":
        return f"week of {start.isoformat()}"
    return f"{calendar.month_abbr[start.month]} {start.year}"


def build_timeline(
    result: SearchResult, make_url: Callable[[SearchRequest], str], share: bool = False
) -> Timeline | None:
    """The chart of a result set, or None when no result has a date."""
    request = result.request
    if not result.timeline:
        return None
    days = sorted(dt.date.fromisoformat(day) for day in result.timeline)
    span = (days[-1] - days[0]).days + 1
    unit = "day" if span <= MAX_DAYS else "week" if span <= MAX_WEEKS * 7 else "month"
    periods: dict[dt.date, list[int]] = {}  # period start -> [matching, indexed]
    for key, count in result.timeline.items():
        start, _ = _period(dt.date.fromisoformat(key), unit)
        periods.setdefault(start, [0, 0])[0] += count
    for key, count in result.indexed_per_day.items():
        start, _ = _period(dt.date.fromisoformat(key), unit)
        if start in periods:
            periods[start][1] += count
    # every period between first and last, so gaps show as gaps
    starts = []
    cursor = _period(days[0], unit)[0]
    while cursor <= days[-1]:
        starts.append(cursor)
        cursor = _period(cursor, unit)[1] + dt.timedelta(days=1)
    values = {
        start: (periods[start][0] / periods[start][1] if share else periods[start][0])
        if start in periods
        else 0
        for start in starts
    }
    peak = max(values.values()) or 1
    step = WIDTH / len(starts)
    bar_width = max(min(step * (1 - BAR_GAP), MAX_BAR_WIDTH), 1)
    bars = []
    for i, start in enumerate(starts):
        first, last = _period(start, unit)
        count = periods.get(start, [0, 0])[0]
        height = (HEIGHT - LABEL_ROOM) * values[start] / peak
        selected = (request.date_from, request.date_to) == (first, last)
        target = (
            request.with_changes(date_from=None, date_to=None)
            if selected
            else request.with_changes(date_from=first, date_to=last, undated=False)
        )
        bars.append(
            Bar(
                label=_label(first, unit),
                count=count,
                value=values[start],
                url=make_url(target),
                x=round(i * step + (step - bar_width) / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(bar_width, 2),
                height=round(height, 2),
                selected=selected,
            )
        )
    return Timeline(bars, unit, share)
