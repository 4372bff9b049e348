"""The publication date of an HTML page.

In order of trust: the date the page prints beside its headline (what
readers and citations use), unless it is labelled as a revision; the
`datePublished` of the page's JSON-LD; htmldate's reading of the metadata
(`article:published_time`, `<time>`, ...); a date printed as "Updated ...".

htmldate's guess from dates anywhere in the page is not taken: on pages that print
no publication date it mostly finds the footer's copyright year ("© 2025" read as
2025-01-01), and it took 30 ms a page. The caller falls back on the URL, the
dateline and the dates in the article's own text instead (`indexer/article.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.clean.dates import first_date
from indexer.clean.headline import AFTER_HEADLINE, AroundHeadline

_BEFORE = 200  # characters of text before the headline where its date may stand
_SHORT = 80  # a dated text block longer than this is a sentence or a caption, not a date line
_REVISED = re.compile(r"\b(?:updated|modified|edited|revised|reviewed)\b", re.IGNORECASE)
_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.IGNORECASE)


@dataclass(frozen=True)
class ShownDate:
    """A date printed beside the headline."""

    date: dt.date
    updated: bool  # labelled as a revision ("Updated", "Last modified")


def page_date(
    tree: Any, around: AroundHeadline | None, metadata_date: Callable[[], str | None]
) -> tuple[dt.date | None, str | None]:
    """The page's publication date and where it came from ("html-headline", "html-metadata").

    `metadata_date()` is htmldate reading the page's metadata. (None, None) when
    the page gives no date in any of these places.
    """
    shown = headline_date(around)
    if shown and not shown.updated:
        return shown.date, "html-headline"
    published = jsonld_published(tree) or iso_date(metadata_date())
    if published:
        return published, "html-metadata"
    if shown:
        return shown.date, "html-headline"
    return None, None


def headline_date(around: AroundHeadline | None) -> ShownDate | None:
    """The date the page prints just under or above its headline, if it prints one.

    Only short text blocks count (a date in a caption or a sentence is not the
    page's date); in a <time> element the visible text wins over the datetime
    attribute, which is often in UTC and a day off.
    """
    if around is None:
        return None
    chunks, at = around.chunks, around.at
    candidates = []
    for order, window in ((range(at, len(chunks)), AFTER_HEADLINE), (range(at - 1, -1, -1), _BEFORE)):
        distance = 0
        for index in order:
            text, element = chunks[index]
            found = _shown_date(text, element)
            if found:
                start, date, label = found
                context = f"{chunks[index - 1][0] if index else ''} {label[:start]}"[-60:]
                revised = bool(_REVISED.search(context)) or element.get("itemprop") == "dateModified"
                candidates.append((distance, ShownDate(date, revised)))
                break
            distance += len(text)
            if distance > window:
                break
    return min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


def _shown_date(text: str, element: Any) -> tuple[int, dt.date, str] | None:
    """Where the date in a short text block starts, the date, and the block's text."""
    if element.tag == "time":
        content = " ".join(element.text_content().split())
        found = first_date(content)
        value = iso_date(element.get("datetime", "").strip())
        return (*found, content) if found else (0, value, content) if value else None
    found = first_date(text) if len(text) <= _SHORT else None
    return (*found, text) if found else None


def jsonld_published(tree: Any) -> dt.date | None:
    """`datePublished` of the article the page's JSON-LD describes (an Article type first)."""
    dates: list[tuple[bool, dt.date]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for item in _objects(data):
            date = iso_date(str(item.get("datePublished") or ""))
            if date:
                dates.append((not _ARTICLE_TYPES.search(str(item.get("@type", ""))), date))
    return min(dates, key=lambda pair: pair[0])[1] if dates else None


def _objects(data: Any) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, outermost first."""
    found: list[dict[str, Any]] = []
    queue = deque([data])
    while queue:
        item = queue.popleft()
        if isinstance(item, dict):
            found.append(item)
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)
    return found


def iso_date(value: str | None) -> dt.date | None:
    """The date an ISO 8601 value starts with, if it starts with one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
