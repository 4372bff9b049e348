"""Facets as small classes returning {name, title, results, truncated} (datasette's shape).

Each value carries its count, whether it is selected, and the URL that
toggles it, so templates render links and compute nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from indexer.enrich.countries import country_name
from indexer.enrich.topics import topic_labels
from indexer.facet_registry import DATE_FACET, UNKNOWN, value_facet
from search.query import SearchRequest
from search.results import SearchResult

UrlMaker = Callable[[SearchRequest], str]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


@dataclass
class FacetResult:
    name: str
    title: str
    results: list[FacetValue]
    truncated: bool

    def to_json(self) -> list[dict[str, object]]:
        return [asdict(value) for value in self.results]


def _toggle(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return tuple(v for v in values if v != value) if value in values else (*values, value)


class ValueFacet:
    """A facet over a multi-select URL parameter: values OR (unless ANDed), facets AND.

    Its name, title, parameter, unknown bucket and case come from the facet registry."""

    def __init__(self, name: str) -> None:
        self.spec = value_facet(name)
        self.name, self.title, self.param = self.spec.name, self.spec.label, self.spec.attribute

    def label(self, value: str) -> str:
        if value == UNKNOWN:
            return self.spec.unknown_label or "Unknown"
        return value

    def build(self, result: SearchResult, make_url: UrlMaker, size: int) -> FacetResult:
        request = result.request
        chosen: tuple[str, ...] = getattr(request, self.param)
        counts = {self.spec.url_value(v): n for v, n in result.counts.get(self.name, {}).items()}
        for value in chosen:
            counts.setdefault(value, 0)
        ranked = sorted(counts.items(), key=lambda kv: (kv[0] not in chosen, -kv[1], self.label(kv[0])))
        values = [
            FacetValue(
                value=value,
                label=self.label(value),
                count=count,
                selected=value in chosen,
                toggle_url=make_url(request.with_changes(**{self.param: _toggle(chosen, value)})),
            )
            for value, count in ranked[:size]
        ]
        return FacetResult(self.name, self.title, values, truncated=len(ranked) > size)


class TopicFacet(ValueFacet):
    def label(self, value: str) -> str:
        return topic_labels().get(value, value)


class EventFacet(ValueFacet):
    def label(self, value: str) -> str:
        return value.capitalize() if value != UNKNOWN else super().label(value)


class CountryFacet(ValueFacet):
    def label(self, value: str) -> str:
        return country_name(value)


class DateFacet:
    """Dates by year, month or day (drilling down as a range narrows), in date order, and Undated."""

    name = DATE_FACET.name
    title = DATE_FACET.label

    def build(self, result: SearchResult, make_url: UrlMaker, size: int) -> FacetResult:
        request = result.request
        days = result.counts.get("date", {})
        level = self._level(request, days)
        width = {"year": 4, "month": 7, "day": 10}[level]
        # Within a selected year (or month), show only its months (or days).
        start = request.date_from.isoformat() if request.date_from else ""
        within = {"year": "", "month": start[:4], "day": start[:7]}[level]
        buckets: dict[str, int] = {}
        for day, count in days.items():
            if day.startswith(within):
                buckets[day[:width]] = buckets.get(day[:width], 0) + count
        values = []
        for key, count in sorted(buckets.items(), reverse=True):
            first, last = bounds(key)
            selected = (request.date_from, request.date_to) == (first, last)
            target = (
                request.with_changes(date_from=None, date_to=None)
                if selected
                else request.with_changes(date_from=first, date_to=last, undated=False)
            )
            values.append(FacetValue(key, _label(key), count, selected, make_url(target)))
        if result.undated or request.undated:
            target = request.with_changes(undated=not request.undated, date_from=None, date_to=None)
            values.append(
                FacetValue(
                    "undated",
                    DATE_FACET.unknown_label or "Undated",
                    result.undated,
                    request.undated,
                    make_url(target),
                )
            )
        return FacetResult(self.name, self.title, values, truncated=False)

    @staticmethod
    def _level(request: SearchRequest, days: dict[str, int]) -> str:
        start, end = request.date_from, request.date_to
        if start and end and (start.year, start.month) == (end.year, end.month):
            return "day"
        if start and end and start.year == end.year:
            return "month"
        years = {day[:4] for day in days}
        return "year" if len(years) > 1 else "month"


def bounds(key: str) -> tuple[dt.date, dt.date]:
    """First and last day of a year ("2026"), month ("2026-02") or day key."""
    parts = [int(part) for part in key.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(*parts)
    return day, day


def _label(key: str) -> str:
    first, _ = bounds(key)
    if len(key) == 4:
        return key
    if len(key) == 7:
        return f"{calendar.month_name[first.month]} {first.year}"
    return f"{first.day} {calendar.month_abbr[first.month]} {first.year}"


FACETS = (
    DateFacet(),
    CountryFacet("country"),
    ValueFacet("person"),
    ValueFacet("outlet"),
    TopicFacet("topic"),
    EventFacet("event"),
)


def build_facets(result: SearchResult, make_url: UrlMaker, size: int) -> dict[str, FacetResult]:
    return {facet.name: facet.build(result, make_url, size) for facet in FACETS}
