"""Rebuild the index from the raw archive: after an upgrade of dipnews, or on demand (`dipnews reindex`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.article import EXTRACTOR_VERSION, Article, describe, drop_site_chrome, kept_lines, read_article
from indexer.errors import DipnewsError, Unavailable
from indexer.sources.files import IngestReport
from indexer.store.archive import Archive, Record
from indexer.store.datadir import archive_for, backend_for, site_lines_for, site_lines_path
from indexer.store.sitelines import SiteLines
from indexer.workers import ordered_map

if TYPE_CHECKING:
    from search.backends import Backend


@dataclass
class _ReindexWorker:
    """What a reindex worker reads: the archive, and the lines learned per site."""

    archive: Archive
    site_lines: SiteLines | None = None


_reindex_worker: _ReindexWorker | None = None


def _start_reindex_worker(data_dir: Path) -> None:
    global _reindex_worker
    _reindex_worker = _ReindexWorker(archive_for(data_dir), site_lines_for(data_dir))


def _stop_reindex_worker() -> None:
    global _reindex_worker
    if _reindex_worker is not None and _reindex_worker.site_lines is not None:
        _reindex_worker.site_lines.close()
    _reindex_worker = None


def _read_record(record: Record) -> Article | str:
    """A record's page read again (in a worker process), or why it could not be."""
    assert _reindex_worker is not None
    try:
        return read_article(
            _reindex_worker.archive.get_raw(record.raw_sha256),
            source=record.source,
            supplied=record.supplied,
            ingested=record.ingested,
        )
    except (DipnewsError, OSError) as error:
        return str(error)


def _describe_after_site_chrome(article: Article) -> Article:
    """Drop a read page's site chrome and describe it (in a worker process)."""
    assert _reindex_worker is not None and _reindex_worker.site_lines is not None
    drop_site_chrome(article, _reindex_worker.site_lines)
    return describe(article)


def reindex(
    data_dir: Path,
    progress: Callable[[], None] | None = None,
    backend: Backend | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Rebuild the whole index from the archive, in one commit that replaces the old index.

    Every page is read first and what it kept stored, so that each site's
    repeated chrome is learned from all of its pages; then each drops its
    site's chrome, is described (topics, places, people, story key) and
    written. `progress` is called twice for each archived page: once it is
    read, once it is written (or at once, for a page that could not be read).
    With `jobs` above one, pages are read and described by worker processes.
    """
    report = IngestReport()
    archive = archive_for(data_dir)
    articles: dict[str, Article] = {}
    read: list[Record] = []  # the records whose page was read
    records: dict[str, Record] = {}  # the record of each article, as this dipnews makes it
    with site_lines_for(data_dir) as site_lines:
        site_lines.clear()
        # the earliest first: when two records now make one article, its ingest day is kept
        ordered = sorted(archive.records(), key=lambda record: (record.ingested, record.id))
        pages = ordered_map(_read_record, ordered, jobs, _start_reindex_worker, (Path(data_dir),))
        for record, article in zip(ordered, pages, strict=True):
            if isinstance(article, str):
                report.failed.append((record.source or record.id, article))
                if progress:
                    progress()  # nothing of it to write
            else:
                report.indexed.append(record.source or record.id)
                read.append(record)
                if article.id not in articles:
                    articles[article.id] = article
                    site_lines.record(article.id, article.site, kept_lines(article))
                    # an id from the text changes with the extraction: the record follows it
                    records[article.id] = replace(record, id=article.id, extractor_version=EXTRACTOR_VERSION)
            if progress:
                progress()
    _stop_reindex_worker()  # when jobs is 1, the "worker" was this process
    try:
        start = (_start_reindex_worker, (Path(data_dir),))
        described = ordered_map(_describe_after_site_chrome, list(articles.values()), jobs, *start)
        articles = {article.id: article for article in described}
    finally:
        _stop_reindex_worker()
    backend_for(data_dir, backend).write(articles.values(), clear=True, progress=progress)
    # only once the rebuilt index is committed
    for record in read:
        if record.id not in records:  # its article is now another record's
            archive.delete_record(record.id)
    for record in records.values():
        if archive.get_record(record.id) != record:
            archive.put_record(record)
    return report


def needs_upgrade(data_dir: Path, backend: Backend | None = None) -> bool:
    """Whether the index was written by an older dipnews (another schema), or the archive is
    from before sites' chrome was learned (it has no store of lines): both are rebuilt."""
    backend = backend_for(data_dir, backend)
    learned = site_lines_path(data_dir).exists() or len(archive_for(data_dir)) == 0
    return not (backend.schema_is_current() and learned)


_UPGRADING = threading.Lock()  # two threads of one process never rebuild at once


def upgrade_if_needed(data_dir: Path, backend: Backend | None = None, *, allowed: bool = True) -> bool:
    """Rebuild the index from the archive when it needs it (needs_upgrade); True if it was.

    Not `allowed` (a web request: rebuilding a large archive takes minutes), an index that
    needs it is Unavailable until `dipnews reindex` or `dipnews serve` has rebuilt it.
    """
    backend = backend_for(data_dir, backend)
    if not needs_upgrade(data_dir, backend):
        return False
    if not allowed:
        raise Unavailable(
            "The index was written by an older dipnews and must be rebuilt before articles can be "
            "added or changed: run `dipnews reindex` (or restart `dipnews serve`, which rebuilds it)."
        )
    with _UPGRADING:
        if not needs_upgrade(data_dir, backend):
            return False
        reindex(data_dir, backend=backend)
    return True
