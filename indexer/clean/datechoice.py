"""The publication date of an HTML page: a fitted choice among every date the page offers.

The candidates: the date printed by the headline (labelled as an update or not), the JSON-LD
`datePublished`, the meta tags' published date, htmldate's reading of the metadata, a date in the
URL, the dateline (its year inferred) and the latest date in the article's text. Each is
described by its kind; how many other families of sources (shown by the headline, metadata, URL,
text) give the same day; whether another source of its own family does; whether a metadata or URL
date is also printed where a reader sees it; whether only a "modified" tag gives that day; and
whether it is the earliest or the latest. A linear score picks one, or none when "no date" (its
own learned bias) scores higher.

The weights (indexer/data/date_weights.json) are fitted by softmax regression on the dev pages
(wcxb-dev-articles, readability-dev) by `bench/date_model.py --write`, which also reports their
cross-validated accuracy: that, not the fit, predicts pages it has not seen.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from indexer.clean.dates import find_dates

# where each kind of candidate is said to come from (`Article.date_source`)
SOURCES = {
    "headline": "html-headline",
    "headline-updated": "html-headline",
    "jsonld": "html-metadata",
    "meta": "html-metadata",
    "htmldate": "html-metadata",
    "url": "url",
    "dateline": "dateline",
    "text": "text",
}
KINDS = list(SOURCES)
_FAMILIES = {"headline-updated": "headline", "jsonld": "metadata", "meta": "metadata", "htmldate": "metadata"}
# the families a reader is not shown by the headline: their day may be printed elsewhere on the page, or not
_UNSHOWN_FAMILIES = {"metadata", "url"}
FEATURES = [
    *KINDS,
    "other families agree",
    "own family agrees",
    "printed on the page",
    "only a modified time",
    "earliest",
    "latest",
]
# numeric dates: 3/5/2025, 05.03.25 (day and month read both ways), 2025/03/05
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d\d)|(\d{4})([/.-])(\d{1,2})\6(\d{1,2}))(?![\d/-])"
)


@dataclass
class DateCandidates:
    """Every date a page offers, and what the page says of them."""

    found: list[tuple[str, dt.date]] = field(default_factory=list)  # (kind, date)
    visible: str = ""  # the page's text as a reader sees it (no head, scripts or styles)
    modified: frozenset[dt.date] = frozenset()  # days only the page's "modified" tags give


def is_printed(day: dt.date, text: str) -> bool:
    """Whether the text writes the day, in words ("March 5, 2025") or in numbers (3/5/2025,
    05.03.25, 2025/03/05). Only the text around each of the year's appearances is read."""
    for match in re.finditer(rf"(?<!\d)(?:{day.year}|{day.year % 100:02d})(?!\d)", text):
        window = text[max(0, match.start() - 40) : match.end() + 12]
        if day in find_dates(window) or day in _numeric_days(window):
            return True
    return False


def _numeric_days(text: str) -> set[dt.date]:
    days = set()
    for first, _, second, year, y, _, m, d in _NUMERIC_DATE.findall(text):
        if y:
            readings = [(int(y), int(m), int(d))]
        else:
            full = int(year) + (2000 if len(year) == 2 else 0)
            readings = [(full, int(first), int(second)), (full, int(second), int(first))]
        for reading in readings:
            try:
                days.add(dt.date(*reading))
            except ValueError:
                pass
    return days


def features(dates: DateCandidates) -> list[list[float]]:
    """One row of FEATURES for each candidate."""
    rows = []
    days = [date for _, date in dates.found]
    for kind, date in dates.found:
        family = _FAMILIES.get(kind, kind)
        same_day = [other for other, day in dates.found if day == date and other != kind]
        others = {_FAMILIES.get(other, other) for other in same_day} - {family}
        row = [1.0 if kind == k else 0.0 for k in KINDS]
        row += [
            min(len(others), 3) / 3,
            1.0 if any(_FAMILIES.get(other, other) == family for other in same_day) else 0.0,
            1.0 if family in _UNSHOWN_FAMILIES and is_printed(date, dates.visible) else 0.0,
            1.0 if date in dates.modified else 0.0,
            1.0 if date == min(days) else 0.0,
            1.0 if date == max(days) else 0.0,
        ]
        rows.append(row)
    return rows


@cache
def weights() -> dict[str, float]:
    """The fitted weights: one for each feature and one for "no date"."""
    path = resources.files("indexer").joinpath("data/date_weights.json")
    return {key: float(value) for key, value in json.loads(path.read_text("utf-8"))["weights"].items()}


def choose(dates: DateCandidates, fitted: dict[str, float] | None = None) -> tuple[dt.date, str] | None:
    """The candidate that scores highest, as (date, kind); None when "no date" scores higher."""
    fitted = fitted if fitted is not None else weights()
    best, best_score = None, fitted["no date"]
    for (kind, date), row in zip(dates.found, features(dates), strict=True):
        score = sum(value * fitted[name] for name, value in zip(FEATURES, row, strict=True))
        if score > best_score:
            best, best_score = (date, kind), score
    return best
