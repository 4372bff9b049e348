"""The dates an HTML page offers as its publication date.

The date the page prints beside its headline (and whether it is labelled as a revision), the
`datePublished` of the page's JSON-LD, the published date of its meta tags, htmldate's reading of
the metadata (`article:published_time`, `<time>`, ...), with the days the page prints where a
reader sees them and the days only its "modified" tags give. `indexer/clean/datechoice.py` chooses
among them, with the URL's, the dateline's and the text's dates that `indexer/article.py` adds.

htmldate's guess from dates anywhere in the page is not taken: on pages that print
no publication date it mostly finds the footer's copyright year ("© 2025" read as
2025-01-01), and it took 30 ms a page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.clean.datechoice import DateCandidates
from indexer.clean.dates import first_date
from indexer.clean.headline import AFTER_HEADLINE, AroundHeadline

_BEFORE = 200  # characters of text before the headline where its date may stand
_SHORT = 80  # a dated text block longer than this is a sentence or a caption, not a date line
_REVISED = re.compile(r"\b(?:updated|modified|edited|revised|reviewed)\b", re.IGNORECASE)
_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.IGNORECASE)
# the names (property, name or itemprop) of meta tags that give a page's published or modified time
_PUBLISHED_NAMES = {
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "published-date", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued", "date",
    "citation_publication_date", "citation_date", "article.published", "datecreated", "uploaddate",
}  # fmt: skip
_MODIFIED_NAMES = {
    "article:modified_time", "og:updated_time", "last-modified", "datemodified", "dcterms.modified",
    "modified", "updated_time", "article:updated_time",
}  # fmt: skip
_UNSEEN = {"script", "style", "noscript", "template"}


@dataclass(frozen=True)
class ShownDate:
    """A date printed beside the headline."""

    date: dt.date
    updated: bool  # labelled as a revision ("Updated", "Last modified")


def page_dates(
    tree: Any, around: AroundHeadline | None, metadata_date: Callable[[], str | None]
) -> DateCandidates:
    """Every publication date the page's markup offers, as candidates.

    `metadata_date()` is htmldate reading the page's metadata.
    """
    dates = DateCandidates()
    if shown := headline_date(around):
        dates.found.append(("headline-updated" if shown.updated else "headline", shown.date))
    if published := jsonld_published(tree):
        dates.found.append(("jsonld", published))
    tagged, modified = meta_dates(tree)
    if tagged:
        dates.found.append(("meta", tagged[0]))
    if guessed := iso_date(metadata_date()):
        dates.found.append(("htmldate", guessed))
    dates.visible = visible_text(tree)
    dates.modified = frozenset(set(modified) - set(tagged) - {published})
    return dates


def visible_text(tree: Any) -> str:
    """The text of the page's body a reader sees: no scripts, styles or comments."""
    body = tree.find("body")
    parts = []
    for element in (body if body is not None else tree).iter():
        if element.text and isinstance(element.tag, str) and element.tag not in _UNSEEN:
            parts.append(element.text)
        if element.tail and element is not body:
            parts.append(element.tail)
    return "\n".join(parts)


def meta_dates(tree: Any) -> tuple[list[dt.date], list[dt.date]]:
    """The dates the page's meta tags (and itemprop elements) give as published, and as modified,
    in the order of the page."""
    published: list[dt.date] = []
    modified: list[dt.date] = []
    for element in tree.xpath("//meta | //*[@itemprop]"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        into = published if name in _PUBLISHED_NAMES else modified if name in _MODIFIED_NAMES else None
        if into is None:
            continue
        value = element.get("content") or element.get("datetime") or element.text_content() or ""
        date = iso_date(value) or (found[1] if (found := first_date(value)) else None)
        if date:
            into.append(date)
    return published, modified


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
