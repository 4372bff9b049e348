"""Pages to read from files, folders and web archives, and their reading in worker processes.

Reading is pure (no side effect): what a worker returns, the writing process archives and indexes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.article import ReadPage, read_page_parts
from indexer.errors import DipnewsError
from indexer.sources.files import IngestReport, iter_page_files, read_page, read_sidecar
from indexer.sources.warc import is_warc, iter_warc_pages
from indexer.store.archive import jsonable, page_key


@dataclass
class Job:
    """One page to read: a file (with its sidecar), or a page of a web archive; or an error
    found while listing them. `done` names the input file whose last page this is."""

    source: str
    path: Path | None = None
    data: bytes | None = None
    supplied: dict[str, Any] | None = None
    error: str | None = None
    done: Path | None = None


@dataclass
class Read:
    """A job done by a worker: the page's bytes, metadata and ReadPage, or why it failed, or
    that it is unchanged since it was indexed."""

    job: Job
    data: bytes = b""
    supplied: dict[str, Any] = field(default_factory=dict)
    page: ReadPage | None = None
    error: str | None = None
    unchanged: bool = False


@dataclass
class ReadSettings:
    max_bytes: int
    overrides: dict[str, Any]
    today: dt.date
    unchanged: set[tuple[str, str]]  # the keys of pages that need not be read again


_settings: ReadSettings | None = None  # what every job of a worker shares


def set_read_settings(settings: ReadSettings) -> None:
    global _settings
    _settings = settings


def read_job(job: Job) -> Read:
    """Read and extract one page (in a worker process): no side effect."""
    assert _settings is not None
    if job.error is not None or (job.path is None and job.data is None):
        return Read(job, error=job.error)
    try:
        if job.path is not None:
            data = read_page(job.path, _settings.max_bytes)
            supplied = {**read_sidecar(job.path), **_settings.overrides}
        else:
            data, supplied = job.data or b"", job.supplied or {}
        supplied = jsonable(supplied)
        if page_key(hashlib.sha256(data).hexdigest(), supplied) in _settings.unchanged:
            # the same bytes with the same metadata, extracted by this dipnews and in the
            # index: what prepare would find after extracting the page again
            return Read(job, unchanged=True)
        page = read_page_parts(data, source=job.source, supplied=supplied, ingested=_settings.today)
    except DipnewsError as error:
        return Read(job, error=error.message)
    return Read(job, data, supplied, page)


def jobs_of(
    paths: Iterable[Path], report: IngestReport, max_bytes: int, overrides: dict[str, Any]
) -> Iterator[Job]:
    for path in iter_page_files(paths, report):
        if not is_warc(path):
            yield Job(str(path), path=path, done=path)
            continue
        try:
            for item in iter_warc_pages(path, max_bytes):
                if isinstance(item, DipnewsError):
                    yield Job(str(path), error=item.message)
                else:
                    yield Job(f"{path}#{item.url}", data=item.data, supplied={"url": item.url, **overrides})
        except DipnewsError as error:
            yield Job(str(path), error=error.message)
        yield Job(str(path), done=path)  # nothing to read: the web archive is done
