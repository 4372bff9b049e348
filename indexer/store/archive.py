"""The raw archive: every accepted page's original bytes, kept to re-index from.

Raw bytes are content-addressed (objects/ab/<sha256>); a record per article
(records/<id>.json) says which bytes it came from, with the metadata the user
supplied and the day it was ingested. Every file is written atomically, and
is on disk before the index is touched: one at a time (fsync), or for a bulk
load, a batch at a time (`deferred`, then `sync` before the batch is indexed).

A catalog (catalog.sqlite) keeps each record's page key and extractor version
with the file's inode, modification time and size, so that indexing a folder
learns which pages the archive holds without reading every record: it is a
cache of the record files, checked against them on each use, and rebuilt from
them when it is missing or cannot be read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CATALOG = "catalog.sqlite"
_CATALOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS record (id TEXT PRIMARY KEY, inode INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                                   size INTEGER NOT NULL, sha TEXT NOT NULL, supplied TEXT NOT NULL,
                                   version INTEGER NOT NULL);
"""


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


@dataclass(frozen=True)
class Summary:
    """What indexing a folder needs of a record: its article, its page's key, its extractor."""

    id: str
    key: tuple[str, str]
    extractor_version: int


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

    def summaries(self) -> list[Summary]:
        """Every record's summary, as `records` would give them (by id): from the catalog where a
        record file is as catalogued (its inode, modification time and size), else read from the
        file and catalogued. Reading 204,000 record files took 35 s; listing them takes 1.6 s."""
        folder = self.root / "records"
        stamps: dict[str, tuple[int, int, int]] = {}
        if folder.is_dir():
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".json") and not entry.name.startswith("."):
                        try:
                            stat = entry.stat()
                        except FileNotFoundError:  # deleted meanwhile
                            continue
                        stamps[entry.name[: -len(".json")]] = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        db = self._catalog() if stamps else None
        known: dict[str, tuple[Any, ...]] = {}
        if db is not None:
            known = {row[0]: row[1:] for row in db.execute("SELECT * FROM record")}
        summaries, fresh = [], []
        for article_id in sorted(stamps):
            row = known.get(article_id)
            if row is not None and tuple(row[:3]) == stamps[article_id]:
                summaries.append(Summary(article_id, (row[3], row[4]), row[5]))
                continue
            record = _read_record(self._record_path(article_id))
            if record is None or record.id != article_id:
                continue
            key = page_key(record.raw_sha256, record.supplied)
            summaries.append(Summary(article_id, key, record.extractor_version))
            fresh.append((article_id, *stamps[article_id], *key, record.extractor_version))
        gone = [(article_id,) for article_id in known.keys() - stamps.keys()]
        if db is not None:
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?, ?, ?, ?)", fresh)
                    db.executemany("DELETE FROM record WHERE id = ?", gone)
            except sqlite3.Error:  # read-only, full or busy: the files are read again next time
                log.warning("could not update the archive's catalog", exc_info=True)
            finally:
                db.close()
        return summaries

    def _catalog(self) -> sqlite3.Connection | None:
        """The catalog, opened (and made when missing), or None when it cannot be (a read-only
        archive, a catalog busy past the timeout); one that is not a database is made again."""
        path = self.root / CATALOG
        for attempt in range(2):
            db = None
            try:
                db = sqlite3.connect(path, timeout=30.0)
                db.executescript(_CATALOG_SCHEMA)
                return db
            except sqlite3.OperationalError:
                log.warning("the archive's catalog %s cannot be used", path, exc_info=True)
                if db is not None:
                    db.close()
                break
            except sqlite3.DatabaseError:  # not a database: only a cache of the records, made again
                log.warning("the archive's catalog %s cannot be read: made again", path, exc_info=True)
                if db is not None:
                    db.close()
                if attempt == 0:
                    path.unlink(missing_ok=True)
        return None

    def __len__(self) -> int:
        folder = self.root / "records"
        return sum(1 for _ in folder.glob("*.json")) if folder.is_dir() else 0
