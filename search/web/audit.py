"""The audit log: who added, corrected or deleted which article, when, and from where.

One JSON object per line in DATA_DIR/audit.log, only ever appended to (each
record is one write of less than a page, made under an exclusive lock, so the
server's threads and worker processes never interleave). It names a token by
its owner's name and never holds a token or password. `dipnews log` shows it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import current_app, request

from search.web.auth import current_user

AUDIT_FILE = "audit.log"


def record(action: str, article_id: str, *, status: str | None = None, source: str | None = None) -> None:
    """Append one write by the current user (a token's owner or the logged-in user)."""
    entry = {
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "user": current_user() or "anonymous",
        "action": action,
        "article_id": article_id,
        "status": status,
        "source": source,
        "address": request.remote_addr,
        "via": "api" if request.path.startswith("/api/") else "web",
    }
    append(Path(current_app.config["DATA_DIR"]), entry)


def append(data_dir: Path, entry: dict[str, Any]) -> None:
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(Path(data_dir) / AUDIT_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)  # closing releases the lock


def entries(data_dir: Path, article_id: str | None = None) -> Iterator[dict[str, Any]]:
    """The log's records, oldest first (of one article when asked)."""
    path = Path(data_dir) / AUDIT_FILE
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:  # a line cut by a crash mid-write
                continue
            if article_id is None or entry.get("article_id") == article_id:
                yield entry


def added_by(data_dir: Path, article_id: str) -> str | None:
    """Who last added or updated an article through the site, if anyone did."""
    who = None
    for entry in entries(data_dir, article_id):
        if entry.get("action") == "add":
            who = entry.get("user")
    return who
