"""A page for every pair of countries: what happened between them, when, and who reported it.

`/relations/PK-KZ` (and `.json`) is built from searches the backend already
answers: articles about both countries, their events by type and month, the
agreements signed (from the articles that report an agreement), the officials
and outlets most present, and the stories, newest first.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, url_for

from indexer.enrich.countries import country_name
from indexer.enrich.events import EVENT_TYPES
from search.query import SearchRequest
from search.results import SearchResult
from search.web.timeline import build_timeline
from search.web.views import backend, search_url

bp = Blueprint("relations", __name__)
PARTIES_BEYOND_STATES = ("EU", "UN")
TOP = 10  # officials and outlets listed
AGREEMENTS_LISTED = 50


@bp.route("/relations/<pair>")
def relations_page(pair: str) -> str:
    relation, result = _relation(pair)
    return render_template("relations.html", relation=relation, timeline=build_timeline(result, search_url))


@bp.route("/relations/<pair>.json")
def relations_json(pair: str) -> Response:
    return jsonify(_relation(pair)[0])


def relation_url(first: str, second: str) -> str:
    return url_for("relations.relations_page", pair=f"{first.upper()}-{second.upper()}")


def _parties(pair: str) -> tuple[str, str]:
    parts = pair.upper().split("-")
    if len(parts) != 2 or parts[0] == parts[1] or not all(_known(code) for code in parts):
        abort(404, f"{pair!r} is not a pair of country codes such as PK-KZ.")
    return parts[0], parts[1]


def _known(code: str) -> bool:
    return code in PARTIES_BEYOND_STATES or (len(code) == 2 and country_name(code) != code)


def _request(pair: str, **changes: Any) -> SearchRequest:
    first, second = _parties(pair)
    base = SearchRequest(countries=(first, second), all_countries=True, sort="newest", page_size=20)
    return base.with_changes(**changes) if changes else base


def _relation(pair: str) -> tuple[dict[str, Any], SearchResult]:
    """The page's data, and the search of every article about both countries it comes from."""
    first, second = _parties(pair)
    request = _request(pair)
    result = backend().search(request)
    by_type = {}
    for kind in EVENT_TYPES:
        if result.counts.get("event", {}).get(kind):
            typed = backend().search(request.with_changes(events=(kind,), page_size=1))
            months: dict[str, int] = {}
            for day, count in typed.timeline.items():
                months[day[:7]] = months.get(day[:7], 0) + count
            by_type[kind] = {
                "articles": typed.total,
                "by_month": dict(sorted(months.items())),
                "url": search_url(request.with_changes(events=(kind,))),
            }
    signed = backend().search(
        request.with_changes(events=("agreement",), collapse=False, page_size=AGREEMENTS_LISTED)
    )
    agreements = [
        {
            "article_id": hit.id,
            "title": hit.title,
            "outlet": hit.meta.get("outlet"),
            "date": event.get("date") or hit.meta.get("date"),
            "count": event.get("agreements_count"),
            "subjects": event.get("subjects", []),
            "evidence": event.get("evidence"),
            "article_url": url_for("search.article_page", article_id=hit.id),
        }
        for hit in signed.hits
        for event in hit.meta.get("events", [])
        if event.get("type") == "agreement"
    ]
    top = current_app.config["FACET_SIZE"]
    return {
        "pair": [first, second],
        "names": [country_name(first), country_name(second)],
        "articles": result.total,
        "stories": result.stories,
        "search_url": search_url(request.with_changes(sort="relevance")),
        "coverage_by_day": result.timeline,
        "events": by_type,
        "agreements": agreements,
        "officials": _top(result.counts.get("person", {}), min(top, TOP)),
        "outlets": _top(result.counts.get("outlet", {}), min(top, TOP)),
        "latest": [
            {
                "id": hit.id,
                "title": hit.title,
                "outlet": hit.meta.get("outlet"),
                "date": hit.meta.get("date"),
                "story_size": hit.story.size if hit.story else 1,
                "events": list(dict.fromkeys(e["type"] for e in hit.meta.get("events", []))),
                "article_url": url_for("search.article_page", article_id=hit.id),
                "story_url": url_for("search.story_page", story_id=hit.meta.get("story_id") or hit.id),
            }
            for hit in result.hits
        ],
    }, result


def _top(counts: dict[str, int], size: int) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    return [{"name": name, "articles": count} for name, count in ranked]
