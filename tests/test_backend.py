"""The backend interface and the Whoosh engine behind it: counts, generations, spelling, ingest."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import threading
from collections import Counter
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import pipeline
from indexer.batch_writer import WRITER_NAME, WriterStopped
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from indexer.pipeline import delete, ingest_bytes, ingest_files
from search.backends import open_backend
from search.backends.whoosh.columns import CACHE_SUFFIX
from search.backends.whoosh.merging import FLOOR_DOCS, MAX_MERGE_DOCS, MERGE_FACTOR, segments_to_merge
from search.cli import cli
from search.query import SearchRequest
from tests.conftest import CORPUS, INGEST_DAY, PAGES, story


def stored_documents(data_dir: Path) -> list[dict[str, object]]:
    """Every live document's metadata, read straight from Whoosh (not through the backend)."""
    ix = whoosh_index.open_dir(data_dir / "index")
    with ix.searcher() as searcher:
        return [json.loads(fields["meta"]) for fields in searcher.all_stored_fields()]


@pytest.fixture(scope="module")
def backend(indexed_dir):
    return open_backend(indexed_dir)


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(),
        SearchRequest(q="Kazakhstan"),
        SearchRequest(q="trade OR visit"),
        SearchRequest(topics=("diplomacy",)),
        SearchRequest(date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31)),
    ],
)
def test_facet_counts_agree_with_the_stored_documents(backend, indexed_dir, request_):
    result = backend.search(request_.with_changes(page_size=100, collapse=False))
    hits = {hit.id for hit in result.hits}
    metas = [meta for meta in stored_documents(indexed_dir) if meta["id"] in hits]
    assert result.total == len(metas) > 0
    assert result.counts["outlet"] == dict(Counter(meta.get("outlet") or UNKNOWN for meta in metas))
    if not request_.topics:  # each facet's counts ignore its own selection
        assert result.counts["topic"] == dict(Counter(t for m in metas for t in m["topics"]))
    assert result.counts["person"] == dict(Counter(p["name"] for m in metas for p in m["people"]))
    if not request_.date_from:  # the date facet ignores its own selection
        days = Counter(meta["date"] for meta in metas if meta.get("date"))
        assert result.counts["date"] == dict(days)
        assert result.undated == sum(1 for meta in metas if not meta.get("date"))


def test_columns_saved_beside_segments_give_the_same_answers(data_dir):
    saved = list((data_dir / "index").glob(f"*{CACHE_SUFFIX}"))
    segments = list(whoosh_index.open_dir(data_dir / "index")._segments())
    assert len(saved) == len(segments) > 0  # written by the indexer, one per segment
    request = SearchRequest(q="Kazakhstan OR trade", page_size=50)
    from_saved = open_backend(data_dir).search(request)
    for path in saved:
        path.unlink()
    read_again = open_backend(data_dir).search(request)
    assert from_saved.counts == read_again.counts and from_saved.total == read_again.total > 0
    assert [hit.id for hit in from_saved.hits] == [hit.id for hit in read_again.hits]
    assert len(list((data_dir / "index").glob(f"*{CACHE_SUFFIX}"))) == len(segments)  # saved again


def test_filtering_by_a_value_gives_its_count(backend):
    result = backend.search(SearchRequest())
    for spec in VALUE_FACETS:
        for value, count in result.counts[spec.name].items():
            narrowed = backend.search(SearchRequest(**{spec.attribute: (spec.url_value(value),)}))
            assert narrowed.total == count, (spec.name, value)


def test_interpreted_query_is_dipnews_reading_not_the_engine_s(backend):
    result = backend.search(SearchRequest(q="“state visit” -Gaza AND"))
    assert result.interpreted == '"state visit" NOT Gaza'
    assert "body:" not in result.interpreted and "title:" not in result.interpreted


def test_did_you_mean_follows_adds_and_deletes(tmp_path):
    data = tmp_path / "data"
    backend = open_backend(data)
    first, _ = ingest_bytes(data, story(1, "ZHELTOKSAN").encode(), backend=backend)
    assert backend.suggest("Zheltoksen") is None  # one article is not enough to offer a word
    ingest_bytes(data, story(2, "ZHELTOKSAN").encode(), backend=backend)
    assert backend.suggest("Zheltoksen") == "zheltoksan"
    assert backend.search(SearchRequest(q="Zheltoksen")).suggestion == "zheltoksan"
    # a correctly spelled word that matches nothing here is not "corrected"
    assert backend.search(SearchRequest(q="delegation", outlets=("Nowhere",))).suggestion is None
    delete(data, first.id, backend=backend)
    assert backend.suggest("Zheltoksen") is None


def test_the_same_page_twice_in_one_batch_is_one_document(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, date in (("a.txt", "2026-02-01"), ("b.txt", "2026-02-03")):
        (pages / name).write_text(story(5))
        (pages / f"{name}.meta.json").write_text(json.dumps({"date": date}))
    report = ingest_files(tmp_path / "data", [pages])
    assert len(report.indexed) == 2 and not report.failed
    documents = stored_documents(tmp_path / "data")
    assert len(documents) == 1 and documents[0]["date"] == "2026-02-03"  # the later copy wins
    assert open_backend(tmp_path / "data").search(SearchRequest(q="delegation")).total == 1


def test_worker_processes_index_the_same_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 9)  # several batches: one written while the next is read
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(40):  # copies of one wire story among others: story groups to agree on
        text = story(n % 10, "ASTANA" if n % 3 else "ISLAMABAD") + f"\n\nEditing by Desk {n % 4}."
        (pages / f"{n:03}.txt").write_text(text)
        (pages / f"{n:03}.txt.meta.json").write_text(json.dumps({"outlet": f"Outlet {n % 5}"}))

    def index_with(jobs: int) -> list[tuple[object, ...]]:
        data = tmp_path / f"jobs{jobs}"
        report = ingest_files(data, [CORPUS, PAGES, pages], today=INGEST_DAY, jobs=jobs)
        assert not report.failed
        keys = ("id", "title", "date", "outlet", "story_id", "dup_group", "topics", "people", "site_chrome")
        return sorted(tuple(json.dumps(meta.get(key)) for key in keys) for meta in stored_documents(data))

    serial = index_with(1)
    assert len(serial) > 20 and len({row[4] for row in serial}) < len(serial)  # some stories grouped
    assert index_with(2) == serial


def test_a_writer_process_that_dies_stops_the_run_with_a_clear_error_and_a_rerun_completes(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 4)
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(12):
        (pages / f"{n:02}.txt").write_text(story(n))
    data = tmp_path / "data"

    def kill_the_writer(
        _: Path,
    ) -> None:  # once the first batch is handed over (killed, as by the OOM killer)
        for process in multiprocessing.active_children():
            if process.name == WRITER_NAME:
                os.kill(process.pid, signal.SIGKILL)

    with pytest.raises(WriterStopped, match="run the command again"):
        ingest_files(data, [pages], jobs=2, progress=kill_the_writer)
    records = data / "archive" / "records"
    assert len(list(records.iterdir())) >= 4  # what was read is archived
    report = ingest_files(data, [pages], jobs=2)
    assert not report.failed and len(report.indexed) + len(report.unchanged) == 12
    assert (
        open_backend(data).search(SearchRequest(q="delegation")).total == 12 == len(list(records.iterdir()))
    )


def test_searches_run_while_articles_are_added(tmp_path):
    data = tmp_path / "data"
    backend = open_backend(data)
    ingest_bytes(data, story(0).encode(), backend=backend)
    errors: list[BaseException] = []
    seen: list[int] = []
    done = threading.Event()

    def search() -> None:
        try:
            while not done.is_set():
                result = backend.search(SearchRequest(q="delegation"))
                assert sum(result.counts["outlet"].values()) == result.total
                seen.append(result.total)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    readers = [threading.Thread(target=search) for _ in range(4)]
    for thread in readers:
        thread.start()
    for n in range(1, 15):
        ingest_bytes(data, story(n).encode(), backend=backend)
    done.set()
    for thread in readers:
        thread.join()
    assert not errors
    assert seen and max(seen) <= 15 and seen[0] >= 1
    assert backend.search(SearchRequest(q="delegation")).total == 15  # every add visible at once


def test_commits_merge_small_segments_within_bounds(tmp_path):
    data = tmp_path / "data"
    backend = open_backend(data)
    for n in range(2 * MERGE_FACTOR + 3):
        ingest_bytes(data, story(n).encode(), backend=backend)
    backend.close()  # once its merges (in a thread of its own) are done
    segments = list(whoosh_index.open_dir(data / "index")._segments())
    assert len(segments) < MERGE_FACTOR  # merged as they went
    assert all(segment.doc_count_all() <= MAX_MERGE_DOCS for segment in segments)
    assert backend.search(SearchRequest(q="delegation")).total == 2 * MERGE_FACTOR + 3


class Segment:
    def __init__(self, docs: int) -> None:
        self.docs = docs

    def doc_count_all(self) -> int:
        return self.docs


def test_merges_take_a_full_tier_smallest_first_and_stay_bounded():
    batch = MAX_MERGE_DOCS // (MERGE_FACTOR - 2)  # ten of these would be too many to merge at once
    small = [Segment(batch + n) for n in range(MERGE_FACTOR)]
    chosen = segments_to_merge([Segment(5 * MAX_MERGE_DOCS), *small])
    assert 2 <= len(chosen) < MERGE_FACTOR and sum(s.docs for s in chosen) <= MAX_MERGE_DOCS
    assert chosen == small[: len(chosen)]  # the smallest
    assert segments_to_merge(small[: MERGE_FACTOR - 1]) == []  # a tier not yet full waits
    large = [Segment(MAX_MERGE_DOCS) for _ in range(MERGE_FACTOR)]
    assert segments_to_merge(large) == []  # never more than MAX_MERGE_DOCS in one merge


def test_small_segments_merge_with_the_batches_not_in_tiers_of_their_own():
    # a bulk load's batches, each with the few regrouped articles written beside it, and single adds
    batches = [Segment(2 * FLOOR_DOCS) for _ in range(MERGE_FACTOR // 2)]
    small = [Segment(n) for n in (12, 9, 30, 1, 11)]
    chosen = segments_to_merge(batches + small)
    assert sorted(s.docs for s in chosen) == sorted(s.docs for s in small + batches)[:MERGE_FACTOR]
    assert segments_to_merge(batches[:2] + small[:3]) == []  # under MERGE_FACTOR in all: they wait


def test_optimize_merges_everything_and_keeps_the_answers(runner, data_dir):
    before = open_backend(data_dir).search(SearchRequest(q="Kazakhstan", page_size=50))
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "optimize"])
    assert result.exit_code == 0, result.output
    assert len(list(whoosh_index.open_dir(data_dir / "index")._segments())) == 1
    after = open_backend(data_dir).search(SearchRequest(q="Kazakhstan", page_size=50))
    assert after.total == before.total and after.counts == before.counts
    assert {hit.id for hit in after.hits} == {hit.id for hit in before.hits}


def test_an_unknown_backend_is_a_clear_error(tmp_path, runner, monkeypatch):
    monkeypatch.setenv("DIPNEWS_BACKEND", "solr")
    result = runner.invoke(cli, ["--data-dir", str(tmp_path), "search", "visit"])
    assert result.exit_code == 1 and "Unknown backend 'solr'" in result.output


def test_readers_on_many_threads_share_each_index_file(data_dir):
    """A searcher per thread must not open every index file again: waitress's select() fails on
    file descriptors past 1,024, and a large index has hundreds of files."""
    backend = open_backend(data_dir)
    files = len(list((data_dir / "index").iterdir()))
    before = len(list(Path("/proc/self/fd").iterdir()))
    barrier = threading.Barrier(8)

    def search() -> None:
        with backend._reading() as generation:  # type: ignore[attr-defined]
            assert generation is not None
            with generation.searcher() as searcher:  # eight searchers held at once
                barrier.wait(timeout=30)
                assert searcher.doc_count() > 0

    threads = [threading.Thread(target=search) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    opened = len(list(Path("/proc/self/fd").iterdir())) - before
    assert opened <= files  # not eight times the index's files
    backend.close()


def test_a_write_with_nothing_to_merge_does_not_count_as_merging(tmp_path):
    # the CLI says it waits for a merge at exit only when one runs
    backend = open_backend(tmp_path)
    ingest_bytes(tmp_path, story(3).encode(), backend=backend)
    assert not backend.merging
    backend.close()
