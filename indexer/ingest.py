"""Bring pages into dipnews: read, check, extract, archive, index.

The order is what keeps nothing lost and nothing half-written: a page is
extracted first (no side effects), its raw bytes and record go to the archive,
and only then is the index written.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexer.archive import Archive, Record, jsonable
from indexer.article import (
    EXTRACTOR_VERSION,
    Article,
    ReadPage,
    describe,
    drop_site_chrome,
    extract_article,
    finish_extraction,
    kept_lines,
    read_article,
    read_page_parts,
)
from indexer.errors import DipnewsError
from indexer.fetch import DEFAULT_TIMEOUT, fetch_url
from indexer.sitelines import SiteLines
from indexer.warc import is_warc, iter_warc_pages
from indexer.workers import ordered_map

if TYPE_CHECKING:
    from search.backend import Backend

SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
BATCH_SIZE = 500
# What an add did: the three answers of ingest_bytes and ingest_url.
ADDED, UPDATED, DUPLICATE = "added", "updated", "duplicate"


@dataclass
class IngestReport:
    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def index_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "index"


def backend_for(data_dir: Path, backend: Backend | None = None) -> Backend:
    """The backend to write to: the one given, else the data dir's default (Whoosh)."""
    if backend is not None:
        return backend
    from search.backend import open_backend

    return open_backend(data_dir)


def archive_for(data_dir: Path) -> Archive:
    return Archive(Path(data_dir) / "archive")


def site_lines_path(data_dir: Path) -> Path:
    return Path(data_dir) / "site-lines.sqlite"


def site_lines_for(data_dir: Path) -> SiteLines:
    """The store of what each archived page kept, by site: where sites' repeated chrome is learned."""
    return SiteLines(site_lines_path(data_dir))


def iter_page_files(paths: Iterable[Path], report: IngestReport) -> Iterator[Path]:
    """Files to index under the given files and folders (sidecars and hidden files left out)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file())
            for child in children:
                relative = child.relative_to(path).parts
                if child.name.endswith(SIDECAR_SUFFIX) or any(p.startswith(".") for p in relative):
                    continue
                yield child
        elif path.name.endswith(SIDECAR_SUFFIX):
            report.skipped.append((str(path), "a metadata sidecar, not a page"))
        elif path.is_file():
            yield path
        else:
            report.failed.append((str(path), "no such file or folder"))


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata the user supplied next to a page (`story.html.meta.json`), or {}."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise DipnewsError(f"The metadata file {sidecar.name} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise DipnewsError(f"The metadata file {sidecar.name} must hold a JSON object.")
    return data


def read_page(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DipnewsError(
                f"The file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB.", 413
            )
        return path.read_bytes()
    except OSError as error:
        raise DipnewsError(f"The file cannot be read: {error.strerror}.") from None


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
        previous = earlier(_page_key(article.raw_sha256 or "", supplied))
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


def _page_key(raw_sha256: str, supplied: dict[str, Any]) -> tuple[str, str]:
    """A page as the archive records it: its bytes' hash and its supplied metadata."""
    return raw_sha256, json.dumps(jsonable(supplied), sort_keys=True)


def _earlier_record(archive: Archive, key: tuple[str, str]) -> Record | None:
    """The record an older dipnews made of a page (its bytes and metadata), for one page: the
    records are read only when the archive holds these bytes already (reading every record of
    a large archive takes a second; prepare asks only when no record has the page's id)."""
    if not key[0] or not archive.has_raw(key[0]):
        return None
    return next(
        (
            record
            for record in archive.records()
            if record.extractor_version != EXTRACTOR_VERSION
            and _page_key(record.raw_sha256, record.supplied) == key
        ),
        None,
    )


def _archived_pages(
    archive: Archive, indexed: set[str]
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], Record]]:
    """The keys of the archived pages this dipnews extracted and the index holds (indexing a
    folder again skips them without extracting them again), and the records an older
    dipnews made, by key (extracted again, they may take another id)."""
    unchanged: set[tuple[str, str]] = set()
    older: dict[tuple[str, str], Record] = {}
    for record in archive.records():
        key = _page_key(record.raw_sha256, record.supplied)
        if record.extractor_version != EXTRACTOR_VERSION:
            older[key] = record
        elif record.id in indexed:
            unchanged.add(key)
    return unchanged, older


@dataclass
class _Job:
    """One page to read: a file (with its sidecar), or a page of a web archive; or an error
    found while listing them. `done` names the input file whose last page this is."""

    source: str
    path: Path | None = None
    data: bytes | None = None
    supplied: dict[str, Any] | None = None
    error: str | None = None
    done: Path | None = None


@dataclass
class _Read:
    """A job done by a worker: the page's bytes, metadata and ReadPage, or why it failed, or
    that it is unchanged since it was indexed."""

    job: _Job
    data: bytes = b""
    supplied: dict[str, Any] = field(default_factory=dict)
    page: ReadPage | None = None
    error: str | None = None
    unchanged: bool = False


@dataclass
class _ReadSettings:
    max_bytes: int
    overrides: dict[str, Any]
    today: dt.date
    unchanged: set[tuple[str, str]]  # the keys of pages that need not be read again


_settings: _ReadSettings | None = None  # what every job of a worker shares


def _set_read_settings(settings: _ReadSettings) -> None:
    global _settings
    _settings = settings


def _read_job(job: _Job) -> _Read:
    """Read and extract one page (in a worker process): no side effect."""
    assert _settings is not None
    if job.error is not None or (job.path is None and job.data is None):
        return _Read(job, error=job.error)
    try:
        if job.path is not None:
            data = read_page(job.path, _settings.max_bytes)
            supplied = {**read_sidecar(job.path), **_settings.overrides}
        else:
            data, supplied = job.data or b"", job.supplied or {}
        supplied = jsonable(supplied)
        if _page_key(hashlib.sha256(data).hexdigest(), supplied) in _settings.unchanged:
            # the same bytes with the same metadata, extracted by this dipnews and in the
            # index: what prepare would find after extracting the page again
            return _Read(job, unchanged=True)
        page = read_page_parts(data, source=job.source, supplied=supplied, ingested=_settings.today)
    except DipnewsError as error:
        return _Read(job, error=error.message)
    return _Read(job, data, supplied, page)


def _jobs(
    paths: Iterable[Path], report: IngestReport, max_bytes: int, overrides: dict[str, Any]
) -> Iterator[_Job]:
    for path in iter_page_files(paths, report):
        if not is_warc(path):
            yield _Job(str(path), path=path, done=path)
            continue
        try:
            for item in iter_warc_pages(path, max_bytes):
                if isinstance(item, DipnewsError):
                    yield _Job(str(path), error=item.message)
                else:
                    yield _Job(f"{path}#{item.url}", data=item.data, supplied={"url": item.url, **overrides})
        except DipnewsError as error:
            yield _Job(str(path), error=error.message)
        yield _Job(str(path), done=path)  # nothing to read: the web archive is done


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
    processes while this one archives and writes them, in the order given: the
    index is the same as a serial run's.
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
    settings = _ReadSettings(max_bytes, overrides, today, unchanged)
    with site_lines_for(data_dir) as site_lines, archive.deferred():
        read = ordered_map(
            _read_job, _jobs(paths, report, max_bytes, overrides), jobs, _set_read_settings, (settings,)
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
                        earlier=older.get if many else functools.partial(_earlier_record, archive),
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
                backend.write(batch)
                batch.clear()
        if batch:
            archive.sync()
            backend.write(batch)
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
) -> tuple[Article, str]:
    """Add one page given as bytes; return the article and ADDED, UPDATED or DUPLICATE."""
    if len(data) > max_bytes:
        raise DipnewsError(f"The page is over the {max_bytes / 1e6:.1f} MB limit.", 413)
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend)
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


def delete(data_dir: Path, article_id: str, backend: Backend | None = None) -> bool:
    """Remove an article from the index and its record from the archive; True when it existed.

    The raw bytes stay in the archive's object store (they may back other articles).
    """
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend)
    archive = archive_for(data_dir)
    existed = backend.delete(article_id)
    if archive.get_record(article_id) is not None:
        archive.delete_record(article_id)
        existed = True
    with site_lines_for(data_dir) as site_lines:
        site_lines.forget(article_id)
    return existed


def update_metadata(
    data_dir: Path, article_id: str, changes: dict[str, Any], backend: Backend | None = None
) -> Article:
    """Correct an article's metadata: re-extract its archived page with the new supplied values."""
    backend = backend_for(data_dir, backend)
    upgrade_if_needed(data_dir, backend)
    archive = archive_for(data_dir)
    record = archive.get_record(article_id)
    if record is None:
        raise DipnewsError(f"No article with id {article_id!r}.", 404)
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
) -> tuple[Article, str]:
    """Fetch a page and add it; the address it was fetched from is its url unless one is supplied."""
    fetched = fetch_url(url, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
    supplied = {"url": fetched.url, **(supplied or {})}
    return ingest_bytes(
        data_dir, fetched.data, source=url, supplied=supplied, max_bytes=max_bytes, backend=backend
    )


def upgrade_if_needed(data_dir: Path, backend: Backend | None = None) -> bool:
    """Rebuild the index from the archive when it was written by an older dipnews; True if it was.

    An archive from before sites' chrome was learned has no store of lines: it is rebuilt too.
    """
    backend = backend_for(data_dir, backend)
    learned = site_lines_path(data_dir).exists() or len(archive_for(data_dir)) == 0
    if backend.schema_is_current() and learned:
        return False
    reindex(data_dir, backend=backend)
    return True
