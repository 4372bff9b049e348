"""The JSON API for adding, correcting and deleting articles (token required)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from indexer.article import Article
from indexer.errors import DipnewsError
from indexer.ingest import delete, update_metadata
from search.auth import token_required
from search.submissions import Submission, add_submission, metadata_from

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
        submission = Submission(file=upload.read(), supplied=metadata_from(request.form.to_dict()))
    else:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise DipnewsError("Send a JSON object such as {\"html\": \"...\"} or a multipart file.")
        fields = {k: v for k, v in body.items() if k not in ("html", "text")}
        unknown = set(fields) - {"url", "outlet", "date", "title", "topics"}
        if unknown:
            raise DipnewsError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
        html, text = body.get("html"), body.get("text")
        if (html is not None and not isinstance(html, str)) or (text is not None and not isinstance(text, str)):
            raise DipnewsError("html and text must be strings.")
        fetch = body.get("url") if not (html or text) else None
        supplied = metadata_from(fields)
        if fetch:
            supplied.pop("url", None)
        submission = Submission(html=html, text=text, fetch=fetch, supplied=supplied)
    article, unchanged = add_submission(submission)
    return _answer(article, "duplicate", 200) if unchanged else _answer(article, "added", 201)


@bp.put("/articles/<article_id>")
@token_required
def correct_article(article_id: str) -> tuple[Response, int]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not body:
        raise DipnewsError("Send the metadata to correct as a JSON object, e.g. {\"date\": \"2026-02-04\"}.")
    unknown = set(body) - {"url", "outlet", "date", "title", "topics"}
    if unknown:
        raise DipnewsError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    article = update_metadata(Path(current_app.config["DATA_DIR"]), article_id, body)
    return _answer(article, "updated", 200)


@bp.delete("/articles/<article_id>")
@token_required
def delete_article(article_id: str) -> tuple[Response, int]:
    if not delete(Path(current_app.config["DATA_DIR"]), article_id):
        raise DipnewsError(f"No article with id {article_id!r}.", 404)
    return jsonify({"id": article_id, "status": "deleted"}), 200


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())


def openapi_document() -> dict[str, Any]:
    error = {"$ref": "#/components/schemas/Error"}
    answer = {"$ref": "#/components/schemas/Answer"}
    metadata = {
        "url": {"type": "string", "format": "uri"},
        "outlet": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "title": {"type": "string"},
        "topics": {"type": "array", "items": {"type": "string"}},
    }

    def responses(**codes: str) -> dict[str, Any]:
        out = {}
        for code, description in codes.items():
            schema = answer if code.startswith("c2") else error
            out[code[1:]] = {"description": description, "content": {"application/json": {"schema": schema}}}
        return out

    return {
        "openapi": "3.0.3",
        "info": {"title": "dipnews API", "version": "0.1.0",
                 "description": "Add, correct and delete articles. Search is public at /search.json."},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
                "Answer": {"type": "object", "properties": {
                    "id": {"type": "string"}, "status": {"type": "string", "enum": ["added", "duplicate", "updated", "deleted"]},
                    "title": {"type": "string"}, "date": {"type": "string", "nullable": True},
                    "outlet": {"type": "string", "nullable": True}, "topics": {"type": "array", "items": {"type": "string"}},
                    "article_url": {"type": "string"}}},
                "NewArticle": {"type": "object", "properties": {
                    "html": {"type": "string"}, "text": {"type": "string"}, **metadata},
                    "description": "One of html or text; or url alone to have dipnews fetch the page."},
                "Metadata": {"type": "object", "properties": metadata},
            },
        },
        "security": [{"bearer": []}],
        "paths": {
            "/api/articles": {"post": {
                "summary": "Add an article",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/NewArticle"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "format": "binary"}, **metadata}}}}},
                "responses": responses(c201="Added", c200="Already there (duplicate)", e400="Bad input",
                                       e401="No or bad token", e413="Too large", e415="Not a text or HTML page",
                                       e422="No article text found", e502="URL could not be fetched",
                                       e503="Index busy; retry"),
            }},
            "/api/articles/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "put": {"summary": "Correct an article's metadata",
                        "requestBody": {"required": True, "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/Metadata"}}}},
                        "responses": responses(c200="Updated", e400="Bad input", e401="No or bad token", e404="No such article")},
                "delete": {"summary": "Delete an article",
                           "responses": responses(c200="Deleted", e401="No or bad token", e404="No such article")},
            },
        },
    }
