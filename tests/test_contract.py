"""The backend contract: every backend answers every question the same way.

Each test runs against the Whoosh backend and, when a cluster is given
(DIPNEWS_TEST_OPENSEARCH_URL, which `make test` sets after starting three local
nodes), against OpenSearch with an index of 3 shards and 1 replica. The
comparison tests ask both the same questions over the same articles and
expect the same totals, facet counts and result sets.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import feedparser
import pytest

from indexer import pipeline
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from indexer.pipeline import delete, ingest_bytes, ingest_files
from search.backends import Backend, open_backend
from search.cli import cli
from search.query import SearchRequest
from search.web import create_app
from tests.conftest import CORPUS, INGEST_DAY, PAGES

CLUSTER = os.environ.get("DIPNEWS_TEST_OPENSEARCH_URL", "")
CONTROL_PORT = int(os.environ.get("OPENSEARCH_CONTROL_PORT", "9299"))
needs_cluster = pytest.mark.skipif(not CLUSTER, reason="no OpenSearch cluster (make test starts one)")
BACKENDS = ["whoosh", pytest.param("opensearch", marks=needs_cluster)]

PAIRS = [
    ("Pakistan", "Kazakhstan", "Shehbaz Sharif", "Kassym-Jomart Tokayev", "Islamabad"),
    ("India", "Japan", "Narendra Modi", "Fumio Kishida", "New Delhi"),
    ("France", "Germany", "Emmanuel Macron", "Olaf Scholz", "Paris"),
    ("Turkey", "Azerbaijan", "Recep Tayyip Erdogan", "Ilham Aliyev", "Ankara"),
]
SUBJECTS = ["trade and energy", "railway transport", "water sharing", "a joint declaration on security"]
OUTLETS = ["Dawn", "Reuters", "Associated Press of Pakistan", "The Hindu", None]


def synthetic_page(n: int) -> tuple[bytes, dict[str, Any]]:
    """A short diplomatic news story; every fifth undated, copies of a few as one story elsewhere."""
    one, two, leader_one, leader_two, city = PAIRS[n % len(PAIRS)]
    subject = SUBJECTS[(n // 4) % len(SUBJECTS)]
    copy = n % 12 == 11  # a second outlet's copy of the story n - 8
    base = n - 8 if copy else n
    text = (
        f"{city.upper()} - President {leader_two} of {two} met Prime Minister {leader_one} of {one} "
        f"in {city} on Tuesday for talks on {subject}, round {base}. The two leaders signed "
        f"{base % 7 + 2} agreements and a memorandum of understanding on {subject}.\n\n"
        f"{leader_one} said the visit opened a new chapter between {one} and {two}. Officials said "
        f"the next round of talks would be held in the spring, and that negotiators had agreed on "
        f"clause {base * 3} of the accord on {subject}."
    )
    supplied: dict[str, Any] = {}
    outlet = OUTLETS[(n + copy) % len(OUTLETS)]
    if outlet:
        supplied["outlet"] = outlet
    if n % 5:
        supplied["date"] = (dt.date(2025, 1, 1) + dt.timedelta(days=(base * 37) % 540)).isoformat()
    return text.encode(), supplied


def load(data_dir: Path, backend: Backend, count: int = 30) -> None:
    report = ingest_files(data_dir, [CORPUS, PAGES], today=INGEST_DAY, backend=backend)
    assert not report.failed, report.failed
    for n in range(count):
        data, supplied = synthetic_page(n)
        ingest_bytes(data_dir, data, source=f"synthetic-{n}.txt", supplied=supplied, backend=backend)


def settings(name: str, prefix: str = "") -> dict[str, Any]:
    if name == "whoosh":
        return {"BACKEND": "whoosh"}
    return {
        "BACKEND": "opensearch",
        "OPENSEARCH_URL": CLUSTER,
        "OPENSEARCH_INDEX_PREFIX": prefix,
        "OPENSEARCH_SHARDS": 3,
        "OPENSEARCH_REPLICAS": 1,
    }


@contextmanager
def fresh(name: str, data_dir: Path) -> Iterator[tuple[Backend, dict[str, Any]]]:
    """An empty backend of a kind (its own OpenSearch index, dropped afterwards) and its settings."""
    config = settings(name, f"test-{uuid.uuid4().hex[:12]}")
    backend = open_backend(data_dir, config)
    try:
        yield backend, config
    finally:
        if name == "opensearch":
            backend.client.indices.delete(index=f"{config['OPENSEARCH_INDEX_PREFIX']}-articles-*")  # type: ignore[attr-defined]
        backend.close()


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request, tmp_path_factory) -> Iterator[tuple[str, Backend, Path, dict[str, Any]]]:
    """The sample corpus, the test pages and synthetic stories in one backend (read-only)."""
    data_dir = tmp_path_factory.mktemp(f"contract-{request.param}")
    with fresh(request.param, data_dir) as (backend, config):
        load(data_dir, backend)
        yield request.param, backend, data_dir, config


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> Iterator[dict[str, Backend]]:
    if not CLUSTER:
        pytest.skip("no OpenSearch cluster (make test starts one)")
    backends = {}
    with fresh("whoosh", tmp_path_factory.mktemp("both-whoosh")) as (whoosh, _):
        with fresh("opensearch", tmp_path_factory.mktemp("both-opensearch")) as (cluster, _):
            for name, backend in (("whoosh", whoosh), ("opensearch", cluster)):
                load(tmp_path_factory.mktemp(f"archive-{name}"), backend)
                backends[name] = backend
            yield backends


REQUESTS = [
    SearchRequest(),
    SearchRequest(q="Kazakhstan"),
    SearchRequest(q="agreements signed"),
    SearchRequest(q="trade OR railway"),
    SearchRequest(q="talks AND NOT energy"),
    SearchRequest(q='"joint declaration"'),
    SearchRequest(q='"memorandum of understanding" Paris'),
    SearchRequest(q="title:Pakistan"),
    SearchRequest(q="topic:trade"),
    SearchRequest(q="negotiat*"),
    SearchRequest(q="person:Tokayev"),
    SearchRequest(q="date:[2025-03-01 TO 2025-09-30]"),
    SearchRequest(q="date:2025-06"),
    SearchRequest(q="Tokayef"),
    SearchRequest(q="zzqx embargo"),
    SearchRequest(topics=("trade", "energy")),
    SearchRequest(countries=("KZ", "PK"), all_countries=True),
    SearchRequest(countries=("KZ", "JP")),
    SearchRequest(outlets=(UNKNOWN, "Dawn")),
    SearchRequest(persons=("Narendra Modi",)),
    SearchRequest(date_from=dt.date(2025, 2, 1), date_to=dt.date(2025, 8, 31)),
    SearchRequest(undated=True),
    SearchRequest(q="talks", date_from=dt.date(2025, 5, 1), undated=True, outlets=("Reuters",)),
    SearchRequest(q="talks", outlets=("Nowhere",), topics=("trade",)),
    SearchRequest(events=("meeting", "agreement")),
    SearchRequest(q="event:visit Kazakhstan"),
]


def _shape(result) -> dict[str, Any]:
    return {
        "total": result.total,
        "counts": result.counts,
        "undated": result.undated,
        "stories": result.stories,
        "timeline": result.timeline,
        "relaxations": result.relaxations,
        "interpreted": result.interpreted,
        "notes": result.notes,
    }


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: repr(r.to_params()))
def test_both_backends_give_the_same_totals_counts_and_results(both, request_):
    whole = request_.with_changes(page_size=200, collapse=False)
    whoosh, cluster = both["whoosh"].search(whole), both["opensearch"].search(whole)
    assert _shape(cluster) == _shape(whoosh)
    assert {h.id for h in cluster.hits} == {h.id for h in whoosh.hits}
    # one result per story: the same stories (which article stands for a story may differ on ties)
    collapsed = request_.with_changes(page_size=200)
    stories = [{h.meta["story_id"] for h in b.search(collapsed).hits} for b in both.values()]
    assert stories[0] == stories[1]
    # The order by relevance may differ: OpenSearch scores with each shard's word statistics
    # and Lucene's BM25, Whoosh with the whole index's and its own BM25F (README, "OpenSearch").


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_both_backends_sort_by_date_alike(both, sort):
    request = SearchRequest(q="talks", sort=sort, page_size=200, collapse=False)
    days = [[h.meta.get("date") for h in b.search(request).hits] for b in both.values()]
    assert days[0] == days[1] and days[0][-1] is None  # undated last, whichever way


def test_both_backends_suggest_alike(both):
    for word in ("Tokayef", "Kazakstan", "agreemnts"):
        assert both["opensearch"].suggest(word) == both["whoosh"].suggest(word), word


@pytest.mark.parametrize(
    "request_", REQUESTS[:8] + REQUESTS[15:22] + REQUESTS[-2:], ids=lambda r: repr(r.to_params())
)
def test_facet_counts_agree_with_the_results(loaded, request_):
    _, backend, _, _ = loaded
    result = backend.search(request_.with_changes(page_size=200, collapse=False))
    metas = [hit.meta for hit in result.hits]
    assert result.total == len(metas)
    if not request_.outlets:
        assert result.counts["outlet"] == dict(Counter(m.get("outlet") or UNKNOWN for m in metas))
    if not request_.topics:
        assert result.counts["topic"] == dict(Counter(t for m in metas for t in m["topics"]))
    if not request_.events:
        types = Counter(kind for m in metas for kind in dict.fromkeys(e["type"] for e in m["events"]))
        assert result.counts["event"] == dict(types)
    if not (request_.date_from or request_.undated):
        assert result.counts["date"] == dict(Counter(m["date"] for m in metas if m.get("date")))
        assert result.undated == sum(1 for m in metas if not m.get("date"))


def test_events_are_a_facet_and_a_query_field(loaded):
    _, backend, _, _ = loaded
    everything = backend.search(SearchRequest())
    assert {"meeting", "agreement"} <= set(everything.counts["event"])  # "met ... signed 4 agreements"
    meetings = backend.search(SearchRequest(events=("meeting",), page_size=200, collapse=False))
    assert meetings.total == everything.counts["event"]["meeting"]
    assert all("meeting" in {e["type"] for e in hit.meta["events"]} for hit in meetings.hits)
    assert backend.search(SearchRequest(q="event:meeting")).total == meetings.total


def test_facets_are_disjunctive_within_and_conjunctive_across(loaded):
    _, backend, _, _ = loaded
    everything = backend.search(SearchRequest())
    trade = backend.search(SearchRequest(topics=("trade",)))
    both_topics = backend.search(SearchRequest(topics=("trade", "energy")))
    # the topic facet ignores its own selection: its counts are those of everything
    assert trade.counts["topic"] == everything.counts["topic"]
    assert trade.total == everything.counts["topic"]["trade"] <= both_topics.total
    # another facet's counts follow the selection
    narrowed = backend.search(SearchRequest(topics=("trade",), outlets=("Dawn",)))
    assert narrowed.total == trade.counts["outlet"]["Dawn"]
    assert sum(narrowed.counts["outlet"].values()) == trade.total  # outlet counts ignore the outlet filter


def test_every_facet_value_filters_to_its_count(loaded):
    _, backend, _, _ = loaded
    result = backend.search(SearchRequest())
    for spec in VALUE_FACETS:
        for value, count in list(result.counts[spec.name].items())[:6]:
            narrowed = backend.search(SearchRequest(**{spec.attribute: (spec.url_value(value),)}))
            assert narrowed.total == count, (spec.name, value)


def test_date_drill_down_and_the_undated_bucket(loaded):
    _, backend, _, _ = loaded
    everything = backend.search(SearchRequest())
    days = everything.counts["date"]
    month = "2025-06"
    in_month = sum(count for day, count in days.items() if day.startswith(month))
    june = backend.search(SearchRequest(date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 6, 30)))
    assert june.total == in_month
    assert june.counts["date"] == days  # the date facet ignores its own selection
    assert all(day.startswith(month) for day in june.timeline)
    undated = backend.search(SearchRequest(undated=True))
    assert undated.total == everything.undated > 0
    assert all(not hit.meta.get("date") for hit in undated.hits)


def test_stories_collapse_and_story_pages(loaded):
    _, backend, _, _ = loaded
    flat = backend.search(SearchRequest(q="round", page_size=200, collapse=False))
    grouped = backend.search(SearchRequest(q="round", page_size=200))
    by_story = Counter(hit.meta["story_id"] for hit in flat.hits)
    assert grouped.stories == len(by_story) == len(grouped.hits) < flat.total
    for hit in grouped.hits:
        assert hit.story is not None and hit.story.size == by_story[hit.meta["story_id"]]
    joined = next(h for h in grouped.hits if h.story and h.story.size > 1)
    members = backend.story(joined.meta["story_id"])
    assert len(members) >= 2 and joined.id in {m["id"] for m in members}
    dates = [m.get("date") for m in members]
    assert [d for d in dates if d] == sorted(d for d in dates if d)  # oldest first
    assert joined.story.outlets == len({m.get("outlet") for m in members if m.get("outlet")})


def test_highlighting_marks_the_words_and_escapes_the_rest(loaded):
    _, backend, _, _ = loaded
    hit = backend.search(SearchRequest(q="memorandum")).hits[0]
    assert re.search(r"<mark[^>]*>memorandums?</mark>", hit.snippet, re.IGNORECASE), hit.snippet
    marked = backend.highlight("A <b>memorandum</b> was signed", "memorandum")
    assert re.search(r"&lt;b&gt;<mark[^>]*>memorandum</mark>&lt;/b&gt;", marked), marked


def test_related_article_and_stats(loaded):
    _, backend, _, _ = loaded
    first = backend.search(SearchRequest(q="Kazakhstan")).hits[0]
    article = backend.article(first.id)
    assert article is not None and article["id"] == first.id and article["body"]
    assert backend.article("no-such-id") is None
    related = backend.related(first.id)
    assert related and first.id not in {hit.id for hit in related}
    stats = backend.stats()
    assert stats["documents"] == backend.search(SearchRequest()).total
    assert stats["with_date"] + stats["undated"] == stats["documents"]


@pytest.mark.parametrize("name", BACKENDS)
def test_adds_updates_and_deletes_are_visible_at_once(tmp_path, name):
    data = tmp_path / "data"
    with fresh(name, data) as (backend, _):
        assert backend.search(SearchRequest()).total == 0  # no index yet: an empty answer
        text, supplied = synthetic_page(3)
        supplied["url"] = "https://example.org/first"
        first, _ = ingest_bytes(data, text, supplied=supplied, backend=backend)
        assert backend.search(SearchRequest(q="round 3")).total == 1  # searchable on return
        assert backend.is_indexed(first.id) and backend.indexed_ids() == {first.id}
        # the same page again with other metadata: the same article, updated
        ingest_bytes(data, text, supplied={**supplied, "outlet": "Reuters"}, backend=backend)
        found = backend.search(SearchRequest(q="round 3"))
        assert found.total == 1 and found.hits[0].meta["outlet"] == "Reuters"
        # a second outlet's copy joins the first one's story
        copy, _ = ingest_bytes(
            data, text + b"\n\nReporting by a desk.", supplied={"outlet": "Dawn"}, backend=backend
        )
        assert backend.search(SearchRequest(q="round 3")).stories == 1
        assert delete(data, first.id, backend=backend)
        assert not backend.is_indexed(first.id) and not delete(data, first.id, backend=backend)
        left = backend.search(SearchRequest(q="round 3", collapse=False))
        assert [h.id for h in left.hits] == [copy.id] and left.hits[0].meta["story_id"] == copy.id


@pytest.mark.parametrize("name", BACKENDS)
def test_a_duplicate_in_one_batch_is_one_article(tmp_path, name):
    pages = tmp_path / "pages"
    pages.mkdir()
    for file, date in (("a.txt", "2026-02-01"), ("b.txt", "2026-02-03")):
        (pages / file).write_bytes(synthetic_page(1)[0])
        (pages / f"{file}.meta.json").write_text(json.dumps({"date": date}))
    with fresh(name, tmp_path / "data") as (backend, _):
        report = ingest_files(tmp_path / "data", [pages], backend=backend)
        assert len(report.indexed) == 2
        result = backend.search(SearchRequest(collapse=False))
        assert result.total == 1 and result.hits[0].meta["date"] == "2026-02-03"  # the later copy


@pytest.mark.parametrize("name", BACKENDS)
def test_a_bulk_load_written_by_a_writer_process_is_the_serial_one(tmp_path, name, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 6)  # several batches, the backend sent to the writer
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(20):
        data, supplied = synthetic_page(n)
        (pages / f"{n:02}.txt").write_bytes(data)
        (pages / f"{n:02}.txt.meta.json").write_text(json.dumps(supplied))
    answers = []
    for jobs in (1, 2):
        with fresh(name, tmp_path / f"data-{jobs}") as (backend, _):
            report = ingest_files(
                tmp_path / f"data-{jobs}", [pages], today=INGEST_DAY, backend=backend, jobs=jobs
            )
            assert len(report.indexed) == 20 and not report.failed
            result = backend.search(SearchRequest(collapse=False, page_size=50, sort="oldest"))
            answers.append(
                sorted((hit.id, hit.meta.get("story_id"), hit.meta.get("date")) for hit in result.hits)
            )
    assert len(answers[0]) == 20 and answers[1] == answers[0]


@pytest.mark.parametrize("name", BACKENDS)
def test_did_you_mean_needs_two_articles(tmp_path, name):
    data = tmp_path / "data"
    with fresh(name, data) as (backend, _):
        ingest_bytes(data, synthetic_page(0)[0], backend=backend)
        assert backend.suggest("Tokayef") is None  # one article is not enough to offer a word
        ingest_bytes(data, synthetic_page(4)[0], backend=backend)
        assert backend.suggest("Tokayef") == "tokayev"
        assert backend.search(SearchRequest(q="Tokayef")).suggestion == "tokayev"
        assert backend.suggest("Tokayev") is None  # a known word is not corrected


@pytest.fixture(scope="module")
def web(loaded):
    name, _, data_dir, config = loaded
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), **config})
    return app.test_client()


@pytest.mark.parametrize("query", ["(", "AND", '"', "title:", "***", "x" * 1001])
def test_malformed_queries_get_a_clear_400_or_an_answer(web, query):
    response = web.get("/search.json", query_string={"q": query})
    assert response.status_code in (200, 400)
    body = response.get_json()
    assert ("error" in body) if response.status_code == 400 else ("results" in body)
    assert "Traceback" not in response.get_data(as_text=True)


def test_csv_and_atom_carry_the_results(web):
    page = web.get("/search.json?q=talks&collapse=0").get_json()
    csv_lines = web.get("/search.csv?q=talks").get_data(as_text=True).strip().splitlines()
    assert len(csv_lines) == page["total"] + 1  # a header and a row per matching article
    feed = feedparser.parse(web.get("/search.atom?q=talks").get_data())
    assert feed.entries and not feed.bozo


def test_an_unreachable_cluster_is_a_clear_503(tmp_path):
    config = {**settings("opensearch", "nowhere"), "OPENSEARCH_URL": "http://127.0.0.1:9"}
    backend = open_backend(tmp_path, config)
    backend.client.transport.max_retries = 0  # type: ignore[attr-defined]
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), **config})
    for url in ("/search?q=talks", "/search.json?q=talks"):
        response = app.test_client().get(url)
        assert response.status_code == 503
        assert "cannot be reached" in response.get_data(as_text=True)
        assert "Traceback" not in response.get_data(as_text=True)


def test_an_unreachable_cluster_is_a_clear_cli_error(tmp_path, runner, monkeypatch):
    monkeypatch.setenv("DIPNEWS_BACKEND", "opensearch")
    monkeypatch.setenv("DIPNEWS_OPENSEARCH_URL", "http://127.0.0.1:9")
    for args in (["index", str(CORPUS)], ["search", "talks"], ["stats"]):
        result = runner.invoke(cli, ["--data-dir", str(tmp_path), *args])
        assert result.exit_code == 1 and "cannot be reached" in result.output, args
        assert "Traceback" not in result.output


# -- failover --------------------------------------------------------------


def _control(path: str) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{CONTROL_PORT}{path}", method="POST")
    with urllib.request.urlopen(request, timeout=120):
        pass


def _health(backend: Backend) -> dict[str, Any]:
    return backend.client.cluster.health()  # type: ignore[attr-defined,no-any-return]


@needs_cluster
def test_searches_and_adds_go_on_while_a_node_is_down(tmp_path):
    data = tmp_path / "data"
    with fresh("opensearch", data) as (backend, _):
        load(data, backend, count=12)
        request = SearchRequest(q="talks OR Kazakhstan", page_size=50, collapse=False)
        before = backend.search(request)
        manager = backend.client.cat.cluster_manager(format="json")[0]["node"]  # type: ignore[attr-defined]
        victim = next(n for n in (3, 2, 1) if f"Node {n}" != manager)  # a data node, not the manager
        failures: list[BaseException] = []
        answers: list[tuple[bool, Any]] = []  # (asked before any add began, the answer)
        stop, adding = threading.Event(), threading.Event()

        def keep_searching() -> None:
            while not stop.is_set():
                try:
                    unchanged = not adding.is_set()
                    answers.append((unchanged, _shape(backend.search(request))))
                except BaseException as error:  # noqa: BLE001 - every failure is the test's finding
                    failures.append(error)

        searcher = threading.Thread(target=keep_searching)
        searcher.start()
        try:
            _control(f"/nodes/{victim}/stop")
            deadline = time.monotonic() + 60
            while _health(backend)["number_of_nodes"] == 3 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert _health(backend)["number_of_nodes"] == 2
            time.sleep(1)  # searches with the node down and nothing added
            adding.set()
            added = []
            for n in range(100, 104):  # adds succeed with a node down
                text, supplied = synthetic_page(n)
                article, _ = ingest_bytes(data, text, supplied=supplied, backend=backend)
                added.append(article.id)
            time.sleep(1)
        finally:
            stop.set()
            searcher.join()
            _control(f"/nodes/{victim}/start")
        assert not failures, failures[:3]
        unchanged = [answer for before_adds, answer in answers if before_adds]
        assert len(unchanged) > 5 and all(answer == _shape(before) for answer in unchanged)
        assert all(before.total <= a["total"] <= before.total + 4 for _, a in answers)
        assert all(backend.is_indexed(article_id) for article_id in added)
        deadline = time.monotonic() + 120
        while _health(backend)["status"] != "green" and time.monotonic() < deadline:
            time.sleep(1)
        assert _health(backend)["status"] == "green"  # the node came back and took its shards
        after = backend.search(SearchRequest(page_size=200, collapse=False))
        assert {h.id for h in after.hits} >= {h.id for h in before.hits} | set(added)  # nothing lost
