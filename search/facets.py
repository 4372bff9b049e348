"""Facets as small classes returning {name, title, results, truncated} (datasette's shape).

Each value carries its count, whether it is selected, and the URL that
toggles it, so templates render links and compute nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from indexer.topics import topic_labels
from search.engine import SearchResult
from search.query import SearchRequest

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
    """A facet over a multi-select URL parameter (outlet, topic): values OR, facets AND."""

    name = ""
    title = ""

    def selected(self, request: SearchRequest) -> tuple[str, ...]:
        raise NotImplementedError

    def label(self, value: str) -> str:
        return value

    def build(self, result: SearchResult, make_url: UrlMaker, size: int) -> FacetResult:
        request = result.request
        counts = dict(result.counts.get(self.name, {}))
        chosen = self.selected(request)
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

    @property
    def param(self) -> str:
        return self.name + "s"


class OutletFacet(ValueFacet):
    name = "outlet"
    title = "Outlet"

    def selected(self, request: SearchRequest) -> tuple[str, ...]:
        return request.outlets


class TopicFacet(ValueFacet):
    name = "topic"
    title = "Topic"

    def selected(self, request: SearchRequest) -> tuple[str, ...]:
        return request.topics

    def label(self, value: str) -> str:
        return topic_labels().get(value, value)


class DateFacet:
    """Months, newest first (ordered by date, not count), and an Undated bucket."""

    name = "date"
    title = "Date"

    def build(self, result: SearchResult, make_url: UrlMaker, size: int) -> FacetResult:
        request = result.request
        values = []
        for month, count in sorted(result.counts.get("date", {}).items(), reverse=True):
            first, last = month_bounds(month)
            selected = (request.date_from, request.date_to) == (first, last)
            target = (
                request.with_changes(date_from=None, date_to=None)
                if selected
                else request.with_changes(date_from=first, date_to=last, undated=False)
            )
            label = f"{calendar.month_name[first.month]} {first.year}"
            values.append(FacetValue(month, label, count, selected, make_url(target)))
        if result.undated or request.undated:
            target = request.with_changes(undated=not request.undated, date_from=None, date_to=None)
            values.append(FacetValue("undated", "Undated", result.undated, request.undated, make_url(target)))
        return FacetResult(self.name, self.title, values, truncated=False)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, number = (int(part) for part in month.split("-"))
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


FACETS = (DateFacet(), OutletFacet(), TopicFacet())


def build_facets(result: SearchResult, make_url: UrlMaker, size: int) -> dict[str, FacetResult]:
    return {facet.name: facet.build(result, make_url, size) for facet in FACETS}
