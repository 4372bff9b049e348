"""Bring pages into dipnews: read, check, extract, archive, index.

The order is what keeps nothing lost and nothing half-written: a page is
extracted first (no side effects), its raw bytes and record go to the archive,
and only then is the index written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexer.article import (
    EXTRACTOR_VERSION,
    Article,
    ReadPage,
    extract_article,
    finish_extraction,
    kept_lines,
)
from indexer.batch_writer import BatchWriter
from indexer.errors import DipnewsError, NotFound, TooLarge
from indexer.rebuild import upgrade_if_needed
from indexer.sources.fetch import DEFAULT_TIMEOUT, fetch_url
from indexer.sources.files import DEFAULT_MAX_BYTES, IngestReport
from indexer.sources.reading import ReadSettings, jobs_of, read_job, set_read_settings
from indexer.sources.warc import is_warc
from indexer.store.archive import Archive, Record, jsonable, page_key
from indexer.store.datadir import archive_for, backend_for, site_lines_for
from indexer.store.sitelines import SiteLines
from indexer.workers import ordered_map

if TYPE_CHECKING:
    from search.backends import Backend

# Pages written to the index at a time by a bulk load. Each batch is a Whoosh segment of its own:
# fewer, larger ones mean fewer term dictionaries written, grouped against and merged. 30,000 pages
# with --jobs 2 on 2 cores: 453 s and 557 s of CPU at 2,000, 667 s and 787 s at 500.
BATCH_SIZE = 2000
# What an add did: the three answers of ingest_bytes and ingest_url.
ADDED, UPDATED, DUPLICATE = "added", "updated", "duplicate"

# where a date comes from when the day a page was first ingested plays no part in it
# ("html-text": htmldate's guess, which extractor 41 and earlier took)
_DATED_WITHOUT_INGEST_DAY = {"supplied", "html-headline", "html-metadata", "html-text", "url", "date-bar"}


def prepare(
    archive: Archive,
    data: bytes,
    *,
    source: str | None,
    supplied: dict[str, Any],
    today: dt.date,
    site_lines: SiteLines,
    indexed: Callable[[str], bool] | None = None,
    earlier: Callable[[tuple[str, str]], Record | None] | None = None,
    page: ReadPage | None = None,
) -> tuple[Article, str, str | None]:
    """Extract one page and archive it; say what it is to the index (ADDED, UPDATED or
    DUPLICATE) and which older id of the page the caller is to remove, if any.

    `indexed` says whether the index has an id; an archived page missing from
    it (a run killed before its commit) is indexed again. `earlier` finds the
    record an older dipnews made of the same bytes and metadata (by their key),
    asked only when no record has the page's id: an id from the text changes
    with the extraction. The page then keeps that record's ingest day, and the
    record's id is returned to be removed once the page is indexed. `page` is the
    page already read and described (by a worker process), as of `today`.
    """
    supplied = jsonable(supplied)
    if page is not None:
        article = finish_extraction(page, site_lines)
    else:
        article = extract_article(
            data, source=source, supplied=supplied, ingested=today, site_lines=site_lines
        )
    previous = archive.get_record(article.id)
    replaces = None
    if previous is None and earlier is not None:
        previous = earlier(page_key(article.raw_sha256 or "", supplied))
        replaces = previous.id if previous is not None else None
    if previous is not None and previous.ingested != today:
        # The first ingest day anchors dates inferred from a dateline or the text: keep it.
        # Other dates do not depend on it, so the page need not be extracted again for them.
        if article.date_source in _DATED_WITHOUT_INGEST_DAY:
            article.ingested = previous.ingested
        else:
            article = extract_article(
                data, source=source, supplied=supplied, ingested=previous.ingested, site_lines=site_lines
            )
    # Only a page archived before can be in the index: the lookup is skipped for new ones.
    in_index = previous is not None and previous.id == article.id and (indexed is None or indexed(article.id))
    if in_index and previous is not None:
        stored = (previous.raw_sha256, previous.supplied, previous.extractor_version)
        if stored == (article.raw_sha256, supplied, EXTRACTOR_VERSION):
            return article, DUPLICATE, None
    archive.put_raw(data)
    ingested = previous.ingested if previous else today
    archive.put_record(
        Record(article.id, article.raw_sha256 or "", source, supplied, ingested, EXTRACTOR_VERSION)
    )
    site_lines.record(article.id, article.site, kept_lines(article))
    return article, UPDATED if in_index else ADDED, replaces


def _earlier_record(archive: Archive, key: tuple[str, str]) -> Record | None:
    """The record an older dipnews made of a page (its bytes and metadata), for one page: the
    catalog is read only when the archive holds these bytes already (prepare asks only when no
    record has the page's id)."""
    if not key[0] or not archive.has_raw(key[0]):
        return None
    return next(
        (
            record
            for summary in archive.summaries()
            if summary.extractor_version != EXTRACTOR_VERSION
            and summary.key == key
            and (record := archive.get_record(summary.id)) is not None
        ),
        None,
    )


def _older_record(archive: Archive, older: dict[tuple[str, str], str], key: tuple[str, str]) -> Record | None:
    """The record an older dipnews made of a page, among those `_archived_pages` found."""
    return archive.get_record(older[key]) if key in older else None


def _archived_pages(
    archive: Archive, indexed: set[str]
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], str]]:
    """The keys of the archived pages this dipnews extracted and the index holds (indexing a
    folder again skips them without extracting them again), and the ids of the records an older
    dipnews made, by key (extracted again, they may take another id)."""
    unchanged: set[tuple[str, str]] = set()
    older: dict[tuple[str, str], str] = {}
    for summary in archive.summaries():
        if summary.extractor_version != EXTRACTOR_VERSION:
            older[summary.key] = summary.id
        elif summary.id in indexed:
            unchanged.add(summary.key)
    return unchanged, older


def ingest_files(
    data_dir: Path,
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: dt.date | None = None,
    progress: Callable[[Path], None] | None = None,
    overrides: dict[str, Any] | None = None,
    backend: Backend | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Index files, folders and web archives; a bad page is reported and never stops the others.

    `overrides` (metadata given on the command line) win over sidecar files.
    With `jobs` above one, pages are read and extracted by that many worker
    processes while this one archives them and a writer process indexes them
    (indexer/batch_writer.py), in the order given: the index is the same as a
    serial run's.
    """
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend)
    report = IngestReport()
    archive = archive_for(data_dir)
    today = today or dt.date.today()
    overrides = overrides or {}
    batch: list[Article] = []
    indexed = backend.indexed_ids()
    paths = list(paths)
    # the pages a folder, a web archive or a list of files may skip; for one file, reading
    # every record of the archive would cost more than extracting the page
    many = len(paths) > 1 or any(path.is_dir() or is_warc(path) for path in paths)
    unchanged, older = _archived_pages(archive, indexed) if many else (set(), {})
    superseded: list[str] = []  # ids an older dipnews gave pages that now have another
    settings = ReadSettings(max_bytes, overrides, today, unchanged)
    writer = BatchWriter(backend, background=jobs > 1)
    with site_lines_for(data_dir) as site_lines, archive.deferred(), writer:
        read = ordered_map(
            read_job, jobs_of(paths, report, max_bytes, overrides), jobs, set_read_settings, (settings,)
        )
        for result in read:
            job = result.job
            if result.error is not None:
                report.failed.append((job.source, result.error))
            elif result.unchanged:
                report.unchanged.append(job.source)
            elif result.page is not None:
                try:
                    article, status, replaces = prepare(
                        archive,
                        result.data,
                        source=job.source,
                        supplied=result.supplied,
                        today=today,
                        site_lines=site_lines,
                        indexed=indexed.__contains__,
                        earlier=functools.partial(_older_record, archive, older)
                        if many
                        else functools.partial(_earlier_record, archive),
                        page=result.page,
                    )
                except DipnewsError as error:
                    report.failed.append((job.source, error.message))
                else:
                    if replaces is not None:
                        superseded.append(replaces)
                    if status == DUPLICATE:
                        report.unchanged.append(job.source)
                    else:
                        batch.append(article)
                        indexed.add(article.id)
                        report.indexed.append(job.source)
            if progress and job.done is not None:
                progress(job.done)
            if len(batch) >= BATCH_SIZE:
                archive.sync()  # the pages are on disk before the index holds them
                writer.write(batch)
                batch = []
        if batch:
            archive.sync()
            writer.write(batch, last=True)
        writer.finish()
        for old_id in superseded:  # only once their pages' new ids are committed
            _supersede(backend, archive, site_lines, old_id)
    return report


def _supersede(backend: Backend, archive: Archive, site_lines: SiteLines, old_id: str) -> None:
    """Remove the id an older dipnews gave a page that now has another: its document, record
    and lines (the page's bytes stay, under its new record)."""
    backend.delete(old_id)
    archive.delete_record(old_id)
    site_lines.forget(old_id)


def ingest_bytes(
    data_dir: Path,
    data: bytes,
    *,
    source: str | None = None,
    supplied: dict[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    backend: Backend | None = None,
    upgrade: bool = True,
) -> tuple[Article, str]:
    """Add one page given as bytes; return the article and ADDED, UPDATED or DUPLICATE.

    An index written by an older dipnews is rebuilt first, unless `upgrade` is False (a web
    request), when it is Unavailable instead (indexer/rebuild.py); so for the other writes."""
    if len(data) > max_bytes:
        raise TooLarge(f"The page is over the {max_bytes / 1e6:.1f} MB limit.")
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend, allowed=upgrade)
    archive = archive_for(data_dir)
    with site_lines_for(data_dir) as site_lines:
        article, status, replaces = prepare(
            archive,
            data,
            source=source,
            supplied=supplied or {},
            today=dt.date.today(),
            site_lines=site_lines,
            indexed=backend.is_indexed,
            earlier=functools.partial(_earlier_record, archive),
        )
        if status != DUPLICATE:
            backend.write([article])
        if replaces is not None:
            _supersede(backend, archive, site_lines, replaces)
    return article, status


def delete(data_dir: Path, article_id: str, backend: Backend | None = None, upgrade: bool = True) -> bool:
    """Remove an article from the index and its record from the archive; True when it existed.

    The raw bytes stay in the archive's object store (they may back other articles).
    """
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend, allowed=upgrade)
    archive = archive_for(data_dir)
    existed = backend.delete(article_id)
    if archive.get_record(article_id) is not None:
        archive.delete_record(article_id)
        existed = True
    with site_lines_for(data_dir) as site_lines:
        site_lines.forget(article_id)
    return existed


def update_metadata(
    data_dir: Path,
    article_id: str,
    changes: dict[str, Any],
    backend: Backend | None = None,
    upgrade: bool = True,
) -> Article:
    """Correct an article's metadata: re-extract its archived page with the new supplied values."""
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend, allowed=upgrade)
    archive = archive_for(data_dir)
    record = archive.get_record(article_id)
    if record is None:
        raise NotFound(f"No article with id {article_id!r}.")
    supplied = jsonable({**record.supplied, **changes})
    supplied = {k: v for k, v in supplied.items() if v not in (None, "", [])}
    with site_lines_for(data_dir) as site_lines:
        article = extract_article(
            archive.get_raw(record.raw_sha256),
            source=record.source,
            supplied=supplied,
            ingested=record.ingested,
            site_lines=site_lines,
        )
        archive.put_record(
            Record(article.id, record.raw_sha256, record.source, supplied, record.ingested, EXTRACTOR_VERSION)
        )
        site_lines.forget(article_id)
        site_lines.record(article.id, article.site, kept_lines(article))
    if article.id != article_id:  # a corrected url gives the article a new id
        archive.delete_record(article_id)
        backend.delete(article_id)
    backend.write([article])
    return article


def ingest_url(
    data_dir: Path,
    url: str,
    *,
    supplied: dict[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    backend: Backend | None = None,
    upgrade: bool = True,
) -> tuple[Article, str]:
    """Fetch a page and add it; the address it was fetched from is its url unless one is supplied."""
    fetched = fetch_url(url, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
    supplied = {"url": fetched.url, **(supplied or {})}
    return ingest_bytes(
        data_dir,
        fetched.data,
        source=url,
        supplied=supplied,
        max_bytes=max_bytes,
        backend=backend,
        upgrade=upgrade,
    )
