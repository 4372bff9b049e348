"""The raw archive: every accepted page's original bytes, kept to re-index from.

Raw bytes are content-addressed (objects/ab/<sha256>); a record per article
(records/<id>.json) says which bytes it came from, with the metadata the user
supplied and the day it was ingested. Every file is written atomically, and
is on disk before the index is touched: one at a time (fsync), or for a bulk
load, a batch at a time (`deferred`, then `sync` before the batch is indexed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Record:
    id: str
    raw_sha256: str
    source: str | None
    supplied: dict[str, Any]
    ingested: dt.date
    extractor_version: int

    def to_json(self) -> str:
        data = dict(self.__dict__, ingested=self.ingested.isoformat(), supplied=jsonable(self.supplied))
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Record:
        data = json.loads(text)
        data["ingested"] = dt.date.fromisoformat(data["ingested"])
        return cls(**data)


def jsonable(supplied: dict[str, Any]) -> dict[str, Any]:
    """User-supplied metadata as it is stored in a record (dates as ISO text)."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in supplied.items()}


def page_key(raw_sha256: str, supplied: dict[str, Any]) -> tuple[str, str]:
    """A page as the archive records it: its bytes' hash and its supplied metadata."""
    return raw_sha256, json.dumps(jsonable(supplied), sort_keys=True)


def _write_atomically(path: Path, data: bytes, sync: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _read_record(path: Path) -> Record | None:
    try:
        return Record.from_json(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError, TypeError, KeyError):
        return None


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._sync_each = True  # False while `deferred`: the caller calls `sync` before indexing
        self._unsynced = False

    @contextmanager
    def deferred(self) -> Iterator[Archive]:
        """Write without waiting for the disk file by file (a bulk load: an fsync per file costs
        more than reading the page); `sync` makes what was written durable, and so does the end
        of the block."""
        self._sync_each = False
        try:
            yield self
        finally:
            self._sync_each = True
            self.sync()

    def sync(self) -> None:
        """Make every file written since the last sync durable (one sync for the whole batch)."""
        if self._unsynced:
            os.sync()
            self._unsynced = False

    def _write(self, path: Path, data: bytes) -> None:
        _write_atomically(path, data, sync=self._sync_each)
        self._unsynced = self._unsynced or not self._sync_each

    def _object_path(self, sha: str) -> Path:
        return self.root / "objects" / sha[:2] / sha

    def _record_path(self, article_id: str) -> Path:
        return self.root / "records" / f"{article_id}.json"

    def put_raw(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        path = self._object_path(sha)
        # the size, not only the name: a machine that stopped before a deferred sync may have
        # left the name with fewer bytes
        if not path.exists() or path.stat().st_size != len(data):
            self._write(path, data)
        return sha

    def has_raw(self, sha: str) -> bool:
        return self._object_path(sha).exists()

    def get_raw(self, sha: str) -> bytes:
        return self._object_path(sha).read_bytes()

    def put_record(self, record: Record) -> None:
        self._write(self._record_path(record.id), record.to_json().encode("utf-8"))

    def get_record(self, article_id: str) -> Record | None:
        """The article's record; None when there is none, or when what a machine that stopped
        before a deferred sync left of it cannot be read (the page is then archived again)."""
        return _read_record(self._record_path(article_id))

    def delete_record(self, article_id: str) -> None:
        self._record_path(article_id).unlink(missing_ok=True)

    def records(self) -> Iterator[Record]:
        folder = self.root / "records"
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                record = _read_record(path)
                if record is not None:
                    yield record

    def __len__(self) -> int:
        folder = self.root / "records"
        return sum(1 for _ in folder.glob("*.json")) if folder.is_dir() else 0
