"""Adding one article from the web, the same way for the JSON API and the "Add article" form."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app

from indexer.article import PASTED_TEXT, UPLOAD, Article
from indexer.errors import DipnewsError
from indexer.pipeline import ingest_bytes, ingest_url


@dataclass
class Submission:
    html: str | None = None
    text: str | None = None
    file: bytes | None = None
    fetch: str | None = None  # a URL to download
    supplied: dict[str, Any] = field(default_factory=dict)


def add_submission(submission: Submission) -> tuple[Article, str]:
    """Add what was submitted; return the article and what happened (added, updated, duplicate)."""
    config = current_app.config
    data_dir = Path(config["DATA_DIR"])
    backend = current_app.extensions["dipnews_backend"]
    given = [x for x in (submission.html, submission.text, submission.file) if x]
    if len(given) > 1:
        raise DipnewsError("Send one of html, text or a file, not several.")
    if given:
        content = given[0]
        data = content.encode("utf-8") if isinstance(content, str) else content
        limit = config["MAX_UPLOAD_BYTES"]
        source = PASTED_TEXT if content is submission.text else UPLOAD
        return ingest_bytes(
            data_dir,
            data,
            source=source,
            supplied=submission.supplied,
            max_bytes=limit,
            backend=backend,
            upgrade=False,  # a request never rebuilds the index: `dipnews serve` did at start
        )
    if submission.fetch:
        return ingest_url(
            data_dir,
            submission.fetch,
            supplied=submission.supplied,
            max_bytes=config["MAX_UPLOAD_BYTES"],
            timeout=float(config["FETCH_TIMEOUT"]),
            allow_private=bool(config["ALLOW_PRIVATE_URLS"]),
            backend=backend,
            upgrade=False,
        )
    raise DipnewsError("Nothing to add: send html, text, a file or a url.")


def metadata_from(values: dict[str, Any]) -> dict[str, Any]:
    """The supplied-metadata keys of a form or JSON body (empty values left out)."""
    supplied: dict[str, Any] = {}
    for key in ("outlet", "date", "title", "url"):
        value = values.get(key)
        if value not in (None, ""):
            supplied[key] = str(value).strip()
    topics = values.get("topics")
    if isinstance(topics, str):
        topics = [t.strip() for t in topics.split(",") if t.strip()]
    if topics:
        if not isinstance(topics, list):
            raise DipnewsError("topics must be a list of topic slugs.")
        supplied["topics"] = [str(t) for t in topics]
    return supplied
