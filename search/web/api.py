"""The JSON API for adding, correcting and deleting articles (token required)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from indexer.article import Article
from indexer.errors import DipnewsError, NotFound
from indexer.pipeline import ADDED, delete, update_metadata
from search.web import audit
from search.web.auth import token_required
from search.web.submissions import Submission, add_submission, metadata_from

bp = Blueprint("api", __name__, url_prefix="/api")


def _answer(article: Article, status: str, code: int) -> tuple[Response, int]:
    body = {
        "id": article.id,
        "status": status,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "outlet": article.outlet,
        "topics": article.topic_slugs,
        "article_url": url_for("search.article_page", article_id=article.id, _external=True),
    }
    return jsonify(body), code


@bp.post("/articles")
@token_required
def add_article() -> tuple[Response, int]:
    if request.files:
        upload = request.files.get("file")
        if upload is None:
            raise DipnewsError("The multipart form needs a 'file' field.")
        with upload.stream:
            data = upload.read()
        submission = Submission(file=data, supplied=metadata_from(request.form.to_dict()))
    else:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise DipnewsError('Send a JSON object such as {"html": "..."} or a multipart file.')
        fields = {k: v for k, v in body.items() if k not in ("html", "text")}
        unknown = set(fields) - {"url", "outlet", "date", "title", "topics"}
        if unknown:
            raise DipnewsError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
        html, text = body.get("html"), body.get("text")
        if not all(isinstance(value, str | None) for value in (html, text)):
            raise DipnewsError("html and text must be strings.")
        fetch = body.get("url") if not (html or text) else None
        supplied = metadata_from(fields)
        if fetch:
            supplied.pop("url", None)
        submission = Submission(html=html, text=text, fetch=fetch, supplied=supplied)
    article, status = add_submission(submission)
    audit.record("add", article.id, status=status, source=submission.fetch or "upload")
    return _answer(article, status, 201 if status == ADDED else 200)


@bp.put("/articles/<article_id>")
@token_required
def correct_article(article_id: str) -> tuple[Response, int]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not body:
        raise DipnewsError('Send the metadata to correct as a JSON object, e.g. {"date": "2026-02-04"}.')
    unknown = set(body) - {"url", "outlet", "date", "title", "topics"}
    if unknown:
        raise DipnewsError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    article = update_metadata(
        Path(current_app.config["DATA_DIR"]),
        article_id,
        body,
        backend=current_app.extensions["dipnews_backend"],
        upgrade=False,
    )
    audit.record("update", article.id, status="updated")
    return _answer(article, "updated", 200)


@bp.delete("/articles/<article_id>")
@token_required
def delete_article(article_id: str) -> tuple[Response, int]:
    if not delete(
        Path(current_app.config["DATA_DIR"]),
        article_id,
        backend=current_app.extensions["dipnews_backend"],
        upgrade=False,
    ):
        raise NotFound(f"No article with id {article_id!r}.")
    audit.record("delete", article_id, status="deleted")
    return jsonify({"id": article_id, "status": "deleted"}), 200


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(json.loads(resources.files("search").joinpath("openapi.json").read_text("utf-8")))
