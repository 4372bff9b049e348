"""Search requests as OpenSearch bodies, and their answers as dipnews' results.

Facets are disjunctive: the page's hits carry every filter (post_filter), and each facet is
counted by an aggregation filtered by every filter but its own. The timeline is a
date_histogram; each hit's story is summarised by one more aggregation over the page's stories.
"""

from __future__ import annotations

from typing import Any

from indexer.enrich.outlets import outlet_by_name
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from search.backends.opensearch.query import Clause, all_of
from search.parsing import SNIPPET_CHARS, lead_snippet, phrase_words
from search.query import SearchRequest
from search.results import Hit, StorySummary

FACET_VALUES = 1000  # values counted per facet, most frequent first (the page shows the first few)
# Distinct stories are counted exactly up to this many, estimated (within about 1%) beyond: an
# exact count of 100,000 stories costs ten times as long (80 ms at 100,000 articles).
STORY_COUNT_PRECISION = 3000
MAX_WINDOW = 10_000  # OpenSearch's default max_result_window: the deepest page or export
PHRASE_BOOST = 2.0  # as the Whoosh backend: results holding a plain query's words side by side first


def search_body(
    request: SearchRequest, base: Clause, query: Any, filters: dict[str, Clause]
) -> dict[str, Any]:
    """One page of hits (highlighted, collapsed by story when asked) with every count the page shows."""
    start = (request.page - 1) * request.page_size
    body: dict[str, Any] = {
        "query": ranked(base, query),
        "post_filter": all_of(list(filters.values())),
        "from": start,
        "size": max(0, min(request.page_size, MAX_WINDOW - start)),
        "track_total_hits": True,
        "sort": sort(request.sort),
        "_source": ["id", "title", "meta", "body", "story_id"],
        "highlight": {
            "fields": {"body": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 2}},
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
        },
        "aggs": aggregations(request, filters),
    }
    if request.collapse:
        body["collapse"] = {"field": "story_id"}
    return body


def aggregations(request: SearchRequest, filters: dict[str, Clause]) -> dict[str, Any]:
    """Each facet counted under every filter but its own (disjunctive facets)."""

    def others(name: str | None) -> Clause:
        return all_of([clause for other, clause in filters.items() if other != name])

    aggs: dict[str, Any] = {}
    for spec in VALUE_FACETS:
        own = spec.name == "country" and request.all_countries
        aggs[spec.name] = {
            "filter": others(None if own else spec.name),
            "aggs": {
                "values": {"terms": {"field": spec.field, "size": FACET_VALUES}},
                "missing": {"missing": {"field": spec.field}},
            },
        }
    aggs["date"] = {
        "filter": others("date"),
        "aggs": {"days": day_histogram(), "undated": {"missing": {"field": "day"}}},
    }
    matched: dict[str, Any] = {
        "stories": {"cardinality": {"field": "story_id", "precision_threshold": STORY_COUNT_PRECISION}}
    }
    if "date" in filters:  # else the timeline is the date facet's counts
        matched["days"] = day_histogram()
    aggs["matched"] = {"filter": others(None), "aggs": matched}
    for name in filters:
        aggs[f"without_{name}"] = {"filter": others(name)}
    if request.timeline_share:
        aggs["indexed"] = {"global": {}, "aggs": {"days": day_histogram()}}
    return aggs


def facet_counts(aggs: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Every facet's counts (the unknown bucket among them) and the date facet's, by day."""
    counts: dict[str, dict[str, int]] = {}
    for spec in VALUE_FACETS:
        facet = aggs[spec.name]
        counts[spec.name] = {b["key"]: b["doc_count"] for b in facet["values"]["buckets"]}
        if spec.unknown_label and facet["missing"]["doc_count"]:
            counts[spec.name][UNKNOWN] = facet["missing"]["doc_count"]
    counts["date"] = days(aggs["date"]["days"])
    return counts


def stories_body(stories: list[str], base: Clause, filters: dict[str, Clause]) -> dict[str, Any]:
    """For each story: its outlets, how many of its articles match, and its first article."""
    matching = {"bool": {"must": [base], "filter": list(filters.values())}}
    return {
        "size": 0,
        "query": {"terms": {"story_id": stories}},
        "aggs": {
            "stories": {
                "terms": {"field": "story_id", "size": len(stories)},
                "aggs": {
                    "outlets": {"terms": {"field": "outlet_facet", "size": 500}},
                    "matching": {"filter": matching},
                    "first": {
                        "top_hits": {
                            "size": 1,
                            "sort": [{"day": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
                            "_source": ["meta.date", "meta.outlet"],
                        }
                    },
                },
            }
        },
    }


def story_summaries(result: dict[str, Any]) -> dict[str, StorySummary]:
    """The summaries of stories_body's answer, by story id."""
    summaries = {}
    for bucket in result["aggregations"]["stories"]["buckets"]:
        outlets = [b["key"] for b in bucket["outlets"]["buckets"]]
        first = bucket["first"]["hits"]["hits"][0]["_source"].get("meta", {})
        wires = sorted(name for name in outlets if (o := outlet_by_name(name)) and o.type == "wire agency")
        summaries[bucket["key"]] = StorySummary(
            id=bucket["key"],
            size=bucket["matching"]["doc_count"],
            outlets=len(outlets),
            first_outlet=first.get("outlet") if first.get("date") else None,
            first_date=first.get("date"),
            wire_origin=wires[0] if wires else None,
        )
    return summaries


def ranked(base: Clause, query: Any) -> Clause:
    """The query, with results holding a plain query's words side by side ranked first."""
    words = phrase_words(query)
    if not words:
        return base
    phrase = " ".join(words)
    should = [
        {"match_phrase": {field: {"query": phrase, "boost": PHRASE_BOOST}}} for field in ("title", "body")
    ]
    return {"bool": {"must": [base], "should": should}}


def sort(order: str) -> list[Any]:
    if order == "relevance":
        return ["_score", {"id": "asc"}]
    direction = "asc" if order == "oldest" else "desc"
    return [{"day": {"order": direction, "missing": "_last"}}, {"id": "asc"}]


def day_histogram() -> dict[str, Any]:
    return {
        "date_histogram": {
            "field": "day",
            "calendar_interval": "day",
            "min_doc_count": 1,
            "format": "yyyy-MM-dd",
        }
    }


def days(histogram: dict[str, Any]) -> dict[str, int]:
    return {b["key_as_string"]: b["doc_count"] for b in histogram["buckets"] if b["doc_count"]}


def hit_of(hit: dict[str, Any]) -> Hit:
    source = hit["_source"]
    fragments = hit.get("highlight", {}).get("body", [])
    snippet = " … ".join(fragments) if fragments else lead_snippet(source.get("body", ""))
    return Hit(source["id"], source["title"], snippet, source["meta"], hit.get("_score"))


def article_of(source: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = dict(source["meta"])
    meta.update(title=source["title"], body=source["body"])
    return meta
