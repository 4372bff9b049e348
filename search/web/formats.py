"""One search, many formats: JSON, CSV and Atom renderings of results."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from feedgen.feed import FeedGenerator

from search.results import Hit, SearchResult
from search.web.facets import FacetResult

# Where a date or an outlet came from (`date_source`, `outlet_source`), in words for the article page.
SOURCE_LABELS = {
    "supplied": "supplied with the page",
    "html-headline": "the date printed by the headline",
    "html-metadata": "the page's metadata",
    "html-text": "a date in the page (a guess)",  # articles read by extractor 41 and earlier
    "url": "the address",
    "date-bar": "the page's date bar",
    "dateline": "the dateline",
    "text": "a date in the text",
    "byline": "the byline",
    "agency-tag": "the agency tag",
}


def source_label(source: str) -> str:
    """A date or outlet source in words ("html-headline" -> "the date printed by the headline")."""
    return SOURCE_LABELS.get(source, source)


CSV_COLUMNS = (
    "id",
    "title",
    "url",
    "outlet",
    "date",
    "date_source",
    "byline",
    "topics",
    "countries",
    "people",
    "article_url",
)


def hit_json(hit: Hit, article_url: str) -> dict[str, Any]:
    meta = hit.meta
    return {
        "id": hit.id,
        "title": hit.title,
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "date": meta.get("date"),
        "snippet": hit.snippet,
        "topics": meta.get("topics", []),
        "countries": meta.get("primary_countries", []),
        "people": [person["name"] for person in meta.get("people", [])],
        "story_id": meta.get("story_id"),
        "dup_group": meta.get("dup_group"),
        "story_size": hit.story.size if hit.story else 1,
        "story": asdict(hit.story) if hit.story else None,
        "byline": meta.get("byline"),
        "date_source": meta.get("date_source"),
        "ingested": meta.get("ingested"),
        "article_url": article_url,
    }


def search_json(
    result: SearchResult,
    facets: dict[str, FacetResult],
    hits: list[dict[str, Any]],
    hints: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the results page shows, as JSON; `hints` are the page's suggestion and
    filters-to-drop with their URLs (made by the view)."""
    request = result.request
    hints = hints or {}
    return {
        "query": request.q,
        "interpreted": result.interpreted,
        "notes": result.notes,
        "suggestion": hints.get("suggestion"),
        "relaxations": hints.get("relaxations", []),
        "total": result.total,
        "stories": result.stories,
        "collapse": request.collapse,
        "counts_are": "articles",
        "page": request.page,
        "page_size": request.page_size,
        "sort": request.sort,
        "filters": {
            **{name: list(values) for name, values in request.value_filters().items()},
            "countries": "all" if request.all_countries else "any",
            "date_from": request.date_from.isoformat() if request.date_from else None,
            "date_to": request.date_to.isoformat() if request.date_to else None,
            "undated": request.undated,
        },
        "results": hits,
        "facets": {name: facet.to_json() for name, facet in facets.items()},
        "facets_not_counted": result.incomplete,
        "timeline": result.timeline,
    }


def csv_rows(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text, one chunk per row, for a streamed response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        values = {key: ";".join(value) if isinstance(value, list) else value for key, value in row.items()}
        writer.writerow([values.get(column) or "" for column in CSV_COLUMNS])
        yield buffer.getvalue()


def atom_feed(hits: list[dict[str, Any]], *, title: str, self_url: str, page_url: str, total: int) -> bytes:
    """A feed with an entry per article (never per story: an article joining a story already in
    the feed is news to its subscribers), each naming its story; `updated` is when the article
    entered dipnews, the feed's own the latest of its entries'."""
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(title)
    feed.link(href=page_url, rel="alternate")
    feed.link(href=self_url, rel="self")
    feed.subtitle(f"{total} articles")
    newest = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    for hit in reversed(hits):  # feedgen prepends entries
        entry = feed.add_entry()
        entry.id(hit["article_url"])
        entry.title(hit["title"])
        entry.link(href=hit["url"] or hit["article_url"])
        entry.link(href=hit["story_url"], rel="related", title="All coverage of this story")
        entry.summary(hit["snippet"], type="html")
        if hit["outlet"]:
            entry.author(name=hit["outlet"])
        published = _day(hit["date"])
        if published:
            entry.published(published)
        updated = _day(hit.get("ingested")) or published or newest
        entry.updated(updated)
        newest = max(newest, updated)
        entry.category(term=f"story:{hit['story_id']}", label="Story")
        for topic in hit["topics"]:
            entry.category(term=topic)
    feed.updated(newest)
    return feed.atom_str(pretty=True)


def _day(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC) if value else None
