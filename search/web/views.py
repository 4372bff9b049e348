"""Web views: thin shells that parse the request, call the engine, render a format."""

from __future__ import annotations

import logging
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote, urlencode

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    jsonify,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from indexer.article import PASTED_TEXT, UPLOAD
from indexer.enrich.stories import unique_sentences
from indexer.errors import DipnewsError
from indexer.store.datadir import archive_for
from search.backends import Backend
from search.parsing import parse_query
from search.query import SearchRequest, parse_request
from search.results import SUGGEST_BELOW, SearchResult
from search.web.audit import added_by
from search.web.auth import current_user
from search.web.errors import headers_of, status_of
from search.web.facets import FacetResult, build_facets
from search.web.formats import atom_feed, csv_rows, hit_json, search_json
from search.web.timeline import build_timeline

bp = Blueprint("search", __name__)
log = logging.getLogger(__name__)
FORMATS = ("json", "csv", "atom")


def backend() -> Backend:
    return current_app.extensions["dipnews_backend"]  # type: ignore[no-any-return]


def search_url(search: SearchRequest, fmt: str | None = None) -> str:
    """The URL of a search, in a format; the one place search URLs are made."""
    paths = g.setdefault("search_paths", {})  # a results page makes some fifty: url_for once each
    if fmt not in paths:
        paths[fmt] = url_for("search.search_format", fmt=fmt) if fmt else url_for("search.search_page")
    url = paths[fmt]
    params = search.to_params()
    return f"{url}?{urlencode(params)}" if params else url


def active_filters(search: SearchRequest, facets: dict[str, FacetResult]) -> list[dict[str, str]]:
    """Chips for the active filters, each with the URL that removes it (a selected value's toggle)."""
    chips = [
        {"label": f"{facet.title}: {value.label}", "remove_url": value.toggle_url}
        for facet in facets.values()
        for value in facet.results
        if value.selected
    ]
    in_facet = any(value.selected for value in facets["date"].results)
    if (search.date_from or search.date_to) and not in_facet:
        span = f"{search.date_from or '…'} to {search.date_to or '…'}"
        chips.append(
            {
                "label": f"Date: {span}",
                "remove_url": search_url(search.with_changes(date_from=None, date_to=None)),
            }
        )
    if search.all_countries and len(search.countries) > 1:
        chips.append(
            {
                "label": "About all these countries",
                "remove_url": search_url(search.with_changes(all_countries=False)),
            }
        )
    return chips


def _run_search() -> tuple[SearchRequest, SearchResult, dict[str, Any]]:
    config = current_app.config
    search = parse_request(request.args, page_size=config["PAGE_SIZE"], max_page=config["MAX_PAGE"])
    result = backend().search(search)
    facets = build_facets(result, search_url, config["FACET_SIZE"])
    return search, result, facets


def _article_url(article_id: str) -> str:
    return url_for("search.article_page", article_id=article_id, _external=True)


@bp.route("/")
@bp.route("/search")
def search_page() -> str:
    search, result, facets = _run_search()
    shown = result.stories if search.collapse else result.total  # what the pages page through
    pages = -(-shown // search.page_size)
    hints = _hints(search, result, facets)  # the same the JSON twin carries
    return render_template(
        "search.html",
        timeline=build_timeline(result, search_url, share=search.timeline_share),
        timeline_toggle_url=search_url(
            search.with_changes(timeline_share=not search.timeline_share, page=search.page)
        ),
        suggestion_url=hints["suggestion"]["url"] if hints["suggestion"] else None,
        relax=hints["relaxations"][0] if hints["relaxations"] else None,
        collapse_url=search_url(search.with_changes(collapse=not search.collapse, page=1)),
        search=search,
        result=result,
        facets=facets,
        chips=active_filters(search, facets),
        relation_url=url_for("relations.relations_page", pair="-".join(search.countries))
        if len(search.countries) == 2
        else None,
        both_url=search_url(search.with_changes(all_countries=True))
        if len(search.countries) > 1 and not search.all_countries
        else None,
        range_params=[
            (k, v) for k, v in search.to_params() if k not in ("date_from", "date_to", "undated", "page")
        ],
        clear_url=search_url(SearchRequest(q=search.q, sort=search.sort)),
        # with no words to rank by, the newest come first: "relevance" is no choice then
        sort_urls={
            s: search_url(search.with_changes(sort=s))
            for s in (("relevance",) if search.q.strip() else ()) + ("newest", "oldest")
        },
        current_sort=search.sort if search.q.strip() or search.sort != "relevance" else "newest",
        prev_url=search_url(search.with_changes(page=search.page - 1)) if search.page > 1 else None,
        next_url=search_url(search.with_changes(page=search.page + 1)) if search.page < pages else None,
        pages=pages,
        format_urls={fmt: search_url(search, fmt) for fmt in FORMATS},
        csv_cap=current_app.config["CSV_MAX_ROWS"],
    )


@bp.route("/search.<fmt>")
def search_format(fmt: str) -> Response:
    if fmt not in FORMATS:
        abort(404, f"Unknown format .{fmt}; use .json, .csv or .atom.")
    if fmt == "csv":
        return _search_csv()
    if fmt == "json":
        search, result, facets = _run_search()
        hits = [hit_json(hit, _article_url(hit.id)) for hit in result.hits]
        return jsonify(search_json(result, facets, hits, _hints(search, result, facets)))
    return _search_atom()


def _hints(search: SearchRequest, result: SearchResult, facets: dict[str, FacetResult]) -> dict[str, Any]:
    """What the page offers beside the results: a spelling to try, filters to drop (most found first)."""
    suggestion = None
    if result.suggestion:
        url = search_url(search.with_changes(q=result.suggestion))
        suggestion = {"query": result.suggestion, "url": url}
    relaxations = [
        {
            "filter": name,
            "label": facets[name].title,
            "total": total,
            "url": search_url(search.without(name)),
        }
        for name, total in sorted(result.relaxations.items(), key=lambda kv: -kv[1])
        if total
    ]
    return {"suggestion": suggestion, "relaxations": relaxations}


def _search_atom() -> Response:
    """The feed of a search: an entry per article, newest first unless a sort is asked for."""
    config = current_app.config
    args = request.args.copy()
    args.setdefault("sort", "newest")
    args["collapse"] = "0"
    search = parse_request(args, page_size=config["PAGE_SIZE"], max_page=config["MAX_PAGE"])
    result = backend().search(search)
    hits = [
        dict(hit_json(hit, _article_url(hit.id)), story_url=_story_url(hit.meta.get("story_id") or hit.id))
        for hit in result.hits
    ]
    body = atom_feed(
        hits,
        title=f"{config['SITE_NAME']}: {search.q or 'all articles'}",
        self_url=request.url,
        page_url=url_for("search.search_page", _external=True) + "?" + request.query_string.decode(),
        total=result.total,
    )
    return Response(body, mimetype="application/atom+xml")


def _story_url(story_id: str) -> str:
    return url_for("search.story_page", story_id=story_id, _external=True)


def _search_csv() -> Response:
    config = current_app.config
    search = parse_request(request.args, page_size=config["PAGE_SIZE"], max_page=config["MAX_PAGE"])
    cap = config["CSV_MAX_ROWS"]
    rows, total = backend().export(search, cap)  # all work done before the first byte is sent
    dicts = (dict(hit_json(hit, _article_url(hit.id)), snippet=None) for hit in rows)
    response = Response(stream_with_context(csv_rows(dicts)), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="dipnews-search.csv"'
    response.headers["X-Dipnews-Total"] = str(total)
    response.headers["X-Dipnews-Row-Cap"] = str(cap)
    # what the page would say beside the rows (percent-encoded: headers are ASCII)
    query, text = parse_query(search.q)
    if search.q.strip():
        response.headers["X-Dipnews-Interpreted"] = quote(text.text, safe=' :"()*[]')
    if text.notes:
        response.headers["X-Dipnews-Notes"] = quote("; ".join(text.notes), safe=" ;")
    suggestion = backend().suggest(search.q) if total < SUGGEST_BELOW and search.q.strip() else None
    if suggestion:
        response.headers["X-Dipnews-Suggestion"] = quote(suggestion, safe=' :"()*')
    return response


@bp.route("/article/<article_id>")
def article_page(article_id: str) -> str:
    article = _public(backend().article(article_id) or abort(404, f"No article with id {article_id!r}."))
    q = request.args.get("q", "")
    try:
        paragraphs = [Markup(backend().highlight(p, q)) if q else p for p in article["body"].split("\n\n")]
    except DipnewsError:
        paragraphs = article["body"].split("\n\n")
    return render_template(
        "article.html", article=article, paragraphs=paragraphs, q=q, related=backend().related(article_id)
    )


def _story(story_id: str) -> dict[str, Any]:
    articles = backend().story(story_id) or abort(404, f"No story with id {story_id!r}.")
    unique = unique_sentences({a["id"]: a["body"] for a in articles}) if len(articles) > 1 else {}
    outlets = sorted({a["outlet"] for a in articles if a.get("outlet")})
    return {
        "story_id": story_id,
        "size": len(articles),
        "outlets": outlets,
        "articles": [
            {
                "id": a["id"],
                "title": a["title"],
                "outlet": a.get("outlet"),
                "date": a.get("date"),
                "url": a.get("url"),
                "dup_group": a.get("dup_group"),
                "article_url": _article_url(a["id"]),
                "unique_sentences": unique.get(a["id"], []),
            }
            for a in articles
        ],
    }


@bp.route("/story/<story_id>")
def story_page(story_id: str) -> str:
    return render_template("story.html", story=_story(story_id))


@bp.route("/story/<story_id>.json")
def story_json(story_id: str) -> Response:
    return jsonify(_story(story_id))


@bp.route("/site.css")
def stylesheet() -> Response:
    """The pages' one stylesheet (the Content-Security-Policy allows no inline style)."""
    response = Response(render_template("site.css"), mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


@bp.route("/opensearch.xml")
def opensearch() -> Response:
    body = render_template("opensearch.xml")
    return Response(body, mimetype="application/opensearchdescription+xml")


@bp.route("/article/<article_id>/raw")
def article_raw(article_id: str) -> Response:
    """The archived original bytes, as plain text: a user's HTML is never rendered as a page here."""
    article = backend().article(article_id) or abort(404, f"No article with id {article_id!r}.")
    archive = archive_for(Path(current_app.config["DATA_DIR"]))
    try:
        data = archive.get_raw(article["raw_sha256"])
    except (KeyError, OSError):
        abort(404, "The original page of this article is not in the archive.")
    response = Response(data, mimetype="text/plain")
    response.headers["Content-Disposition"] = f'inline; filename="{article_id}.txt"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/article/<article_id>.json")
def article_json(article_id: str) -> Response:
    article = backend().article(article_id) or abort(404, f"No article with id {article_id!r}.")
    return jsonify(_public(article))


def _public(article: dict[str, Any]) -> dict[str, Any]:
    """An article as visitors see it: where its page came from without the server's paths."""
    return {**article, "source": origin(article.get("source"), article["id"])}


def origin(source: str | None, article_id: str) -> str | None:
    """A page's origin in words: its address, its file's name (not the server's path to it), or
    "added through the site", naming who added it for visitors who are logged in."""
    if not source:
        return None
    if source.startswith(("http://", "https://")):
        return source
    if source in (UPLOAD, PASTED_TEXT):
        who = added_by(Path(current_app.config["DATA_DIR"]), article_id) if current_user() else None
        return f"added through the site by {who}" if who else "added through the site"
    return PurePath(source.split("#")[0]).name or None


def _wants_json() -> bool:
    path = request.path
    return (
        path.startswith("/api/")
        or path.endswith((".json", ".csv", ".atom"))
        or request.accept_mimetypes.best == "application/json"
    )


def _error_response(message: str, status: int) -> Response | tuple[str, int]:
    if _wants_json():
        response = jsonify({"error": message, "status": status})
        response.status_code = status
        return response
    return render_template("error.html", message=message, status=status), status


def register_error_handlers(app: Flask) -> None:
    """One handler per kind of failure; errors come back in the format asked for."""

    @app.errorhandler(DipnewsError)
    def dipnews_error(error: DipnewsError) -> Any:
        response = app.make_response(_error_response(error.message, status_of(error)))
        response.headers.update(headers_of(error))
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        return _error_response(error.description or error.name, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Any:
        log.exception("Unhandled error on %s", request.path)
        return _error_response("Something went wrong on our side; the error has been logged.", 500)
