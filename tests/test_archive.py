"""The archive's catalog: what indexing a folder learns of the records without reading them all."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

from indexer.store import archive as archive_module
from indexer.store.archive import CATALOG, Archive, Record, Summary, page_key


def record(n: int, version: int = 7) -> Record:
    return Record(
        f"id{n:03d}", f"{n:064x}", f"page{n}.html", {"outlet": f"Outlet {n}"}, dt.date(2026, 1, n), version
    )


def summary_of(one: Record) -> Summary:
    return Summary(one.id, page_key(one.raw_sha256, one.supplied), one.extractor_version)


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The record files read."""
    read: list[Path] = []
    real = archive_module._read_record
    monkeypatch.setattr(archive_module, "_read_record", lambda path: read.append(path) or real(path))
    return read


def test_summaries_follow_the_records_and_read_only_what_changed(tmp_path, reads):
    archive = Archive(tmp_path / "archive")
    assert archive.summaries() == [] and not (tmp_path / "archive" / CATALOG).exists()
    records = [record(n) for n in range(1, 6)]
    for one in records:
        archive.put_record(one)
    assert archive.summaries() == [summary_of(one) for one in records]
    assert len(reads) == 5  # the first time, every record
    reads.clear()
    assert archive.summaries() == [summary_of(one) for one in records] and reads == []
    # a record written again (a new extraction), one deleted, one added: only those two are read
    records[1] = replace(records[1], extractor_version=8)
    archive.put_record(records[1])
    archive.delete_record(records[2].id)
    archive.put_record(record(9))
    expected = [summary_of(one) for one in (records[0], records[1], records[3], records[4], record(9))]
    assert archive.summaries() == expected
    assert sorted(path.name for path in reads) == ["id002.json", "id009.json"]
    # a record changed behind the catalog's back, to the same size within the same clock tick
    reads.clear()
    path = tmp_path / "archive" / "records" / "id004.json"
    stat = path.stat()
    changed = replace(records[3], raw_sha256=f"{99:064x}")
    archive.put_record(changed)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert summary_of(changed) in archive.summaries()  # a new file (a new inode): read again
    assert [path.name for path in reads] == ["id004.json"]


def test_a_catalog_that_cannot_be_read_is_made_again(tmp_path, reads):
    archive = Archive(tmp_path / "archive")
    for n in range(1, 4):
        archive.put_record(record(n))
    archive.summaries()
    (tmp_path / "archive" / CATALOG).write_bytes(b"not a database" * 100)
    reads.clear()
    assert archive.summaries() == [summary_of(record(n)) for n in range(1, 4)]
    assert len(reads) == 3
    reads.clear()
    assert len(archive.summaries()) == 3 and reads == []
