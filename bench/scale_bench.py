"""Scale benchmark: dipnews on a synthetic archive of N articles, beside SQLite FTS5, in one run.

Builds a deterministic corpus of N articles from real Reuters-21578 sentences
(bench/synthetic_corpus.py: ~300 outlets drawn Zipf-like, ten years of dates,
topics, countries and leaders worked into the text) as text pages with
sidecars, indexes it with `dipnews index`, serves it with `dipnews serve`,
and prints:
  - ingest docs/s (with --jobs J, and --jobs 1 on the first 5,000 pages), index MB;
  - the cold first query after the server starts, and server RSS (all processes);
  - p50/p95 over HTTP (/search.json, five facets and the timeline) per query kind:
    one word, two words, filtered (outlet + topic + date range), misspelt,
    matching nothing, browse-all; and over the mixed set;
  - the same queries on SQLite FTS5 in-process (top 10 by bm25, facet counts by GROUP BY);
  - throughput with 1 and 8 concurrent clients;
  - an article added through the API every second while `dipnews index` loads
    more pages: how long until it is found, and every status answered.
On every query it checks that outlet counts (Unknown included) and date counts
(Undated included) add up to the total, and that filtering by the top outlet
gives its count as the new total.

With --backend opensearch the same corpus and queries go to an OpenSearch
cluster (--opensearch-url; default: the local one of `make opensearch`), in an
index of --shards shards and --replicas replicas. When the Whoosh run's data
dir of the same corpus exists, its extracted articles are bulk-loaded into the
cluster (reading them and indexing them timed apart); else `dipnews index`
extracts and indexes the pages. --copies K loads each extracted article K
times (new ids, dates shifted by whole years): a corpus K times as large, on
either backend (Whoosh: written straight to a new index in commits of 50,000).
FTS5 always holds the corpus once: beside --copies, its column is no match.

The corpus and index are kept in --work (default /tmp/dipnews-scale-N) and reused.
Usage: python bench/scale_bench.py --articles 200000 [--jobs 2] [--workers 2] [--queries 300]
       python bench/scale_bench.py --articles 100000 --backend opensearch [--copies 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import DEFAULT_REUTERS, TOPICS, outlet_names, write_corpus  # type: ignore[import-not-found]  # noqa: E402

from search.backends import open_backend  # noqa: E402
from search.query import SearchRequest  # noqa: E402

DIPNEWS = [sys.executable, "-m", "search.cli"]
ROOT = Path(__file__).resolve().parent.parent
CLUSTER_PID = ROOT / "instance" / "opensearch" / "pid"
WORDS = (
    "oil,trade,bank,dollar,tariff,grain,wheat,coffee,gold,export,deficit,talks,minister,agreement,"
    "sanctions,government,election,strike,shipping,merger,debt,budget,treasury,inflation,crude,sugar,"
    "president,officials,ministry"
).split(",")
KINDS = ("one word", "two words", "filtered", "misspelt", "nothing", "browse-all")


def pct(values: list[float], p: float) -> float:
    if len(values) < 3:
        return max(values, default=0.0)
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiouxz") + word[i + 1 :]


def query_set(count: int, seed: int = 11) -> list[tuple[str, dict[str, object]]]:
    """(kind, URL parameters) for `count` queries, the kinds in equal shares."""
    rng = random.Random(seed)
    outlets = outlet_names()
    queries: list[tuple[str, dict[str, object]]] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        if kind == "one word":
            params: dict[str, object] = {"q": rng.choice(WORDS)}
        elif kind == "two words":
            params = {"q": " ".join(rng.sample(WORDS, 2))}
        elif kind == "filtered":
            year = rng.randrange(2016, 2026)
            params = {
                "q": rng.choice(WORDS),
                "outlet": outlets[min(int(rng.expovariate(0.05)), len(outlets) - 1)],
                "topic": rng.choice(TOPICS),
                "date_from": f"{year}-01-01",
                "date_to": f"{year}-06-30",
            }
        elif kind == "misspelt":
            params = {"q": misspell(rng.choice(["Tokayev", "Mirziyoyev", "Kishida", *WORDS]), rng)}
        elif kind == "nothing":
            params = {"q": f"{rng.choice(WORDS)} zq{rng.randrange(10**6)}x"}
        else:
            params = (
                {"sort": "newest"} if rng.random() < 0.5 else {"sort": "oldest", "topic": rng.choice(TOPICS)}
            )
        queries.append((kind, params))
    return queries


def request_of(params: dict[str, object]) -> SearchRequest:
    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(str(params[key])) if key in params else None

    return SearchRequest(
        q=str(params.get("q", "")),
        outlets=(str(params["outlet"]),) if "outlet" in params else (),
        topics=(str(params["topic"]),) if "topic" in params else (),
        date_from=day("date_from"),
        date_to=day("date_to"),
        sort=str(params.get("sort", "relevance")),
    )


def check_counts(backend, params: dict[str, object]) -> list[str]:  # type: ignore[no-untyped-def]
    """Problems with one query's counts: outlet and date counts must add up to the total, and
    filtering by the top outlet must give its count."""
    request = request_of(params)
    result = backend.search(request)
    problems = []
    if "outlet" not in params and sum(result.counts["outlet"].values()) != result.total:
        problems.append(
            f"{params}: outlets add up to {sum(result.counts['outlet'].values())}, not {result.total}"
        )
    if "date_from" not in params and sum(result.counts["date"].values()) + result.undated != result.total:
        problems.append(f"{params}: dates + undated != {result.total}")
    if result.counts["outlet"] and "outlet" not in params:
        outlet, count = max(result.counts["outlet"].items(), key=lambda kv: kv[1])
        narrowed = backend.search(request.with_changes(outlets=(outlet,))).total
        if narrowed != count:
            problems.append(f"{params}: outlet {outlet!r} counts {count}, filtering gives {narrowed}")
    return problems


# -- SQLite FTS5, in-process, the same documents and queries ------------------------------------


def build_fts5(db_path: Path, corpus: Path) -> float:
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
    db.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, outlet TEXT, day TEXT)")
    db.execute("CREATE TABLE topics(id INTEGER, topic TEXT)")
    for n, page in enumerate(sorted(corpus.rglob("*.txt")), start=1):
        side = json.loads(page.with_name(page.name + ".meta.json").read_text("utf-8"))
        text = page.read_text("utf-8")
        db.execute("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (n, side["title"], text))
        db.execute("INSERT INTO meta VALUES (?, ?, ?)", (n, side["outlet"], side["date"]))
        db.executemany("INSERT INTO topics VALUES (?, ?)", [(n, t) for t in side["topics"]])
    db.execute("CREATE INDEX topics_id ON topics(id)")
    db.execute("CREATE INDEX topics_topic ON topics(topic, id)")
    db.execute("CREATE INDEX meta_day ON meta(day)")
    db.execute("CREATE INDEX meta_outlet ON meta(outlet, id)")
    db.commit()
    db.close()
    return time.perf_counter() - start


def fts5_search(db: sqlite3.Connection, params: dict[str, object]) -> None:
    """Top 10 and counts by outlet, topic and day, as dipnews answers them."""
    where, args = [], []
    words = re.findall(r"\w+", str(params.get("q", "")))
    if words:
        where.append("id IN (SELECT rowid FROM docs WHERE docs MATCH ?)")
        args.append(" ".join(f'"{w}"' for w in words))
    if "outlet" in params:
        where.append("outlet = ?")
        args.append(params["outlet"])
    if "topic" in params:
        where.append("id IN (SELECT id FROM topics WHERE topic = ?)")
        args.append(params["topic"])
    if "date_from" in params:
        where.append("day BETWEEN ? AND ?")
        args += [params["date_from"], params["date_to"]]
    clause = " AND ".join(where) or "1"
    db.execute("DELETE FROM hits")
    db.execute(f"INSERT INTO hits SELECT id FROM meta WHERE {clause}", args)
    if words and len(where) == 1:  # the words alone: FTS5's own ranked order
        db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", [args[0]]).fetchall()
    elif words:
        db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? AND rowid IN (SELECT id FROM hits)"
            " ORDER BY bm25(docs) LIMIT 10",
            [args[0]],
        ).fetchall()
    else:
        db.execute("SELECT m.id FROM hits JOIN meta m USING (id) ORDER BY m.day DESC LIMIT 10").fetchall()
    db.execute("SELECT m.outlet, count(*) FROM hits JOIN meta m USING (id) GROUP BY m.outlet").fetchall()
    db.execute("SELECT m.day, count(*) FROM hits JOIN meta m USING (id) GROUP BY m.day").fetchall()
    db.execute("SELECT t.topic, count(*) FROM hits JOIN topics t USING (id) GROUP BY t.topic").fetchall()


# -- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data_dir: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [*DIPNEWS, "--data-dir", str(data_dir), "serve", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory of a process and its children, in MB: private, and mapped from files
    (the index's pages in the page cache, which the processes share: summed here per process)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    private = mapped = 0
    for p in [pid, *map(int, children)]:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        private += int(re.search(r"RssAnon:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
        mapped += int(re.search(r"RssFile:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    return private / 1024, mapped / 1024


def get(base: str, params: dict[str, object]) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(f"{base}/search.json?{urlencode(params)}", timeout=120) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def throughput(
    base: str, queries: list[dict[str, object]], clients: int, seconds: float
) -> tuple[float, float]:
    """Queries per second and p95 latency with `clients` threads asking for `seconds`."""
    times: list[float] = []
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        i = offset
        while time.perf_counter() < stop:
            elapsed = get(base, queries[i % len(queries)])
            with lock:
                times.append(elapsed)
            i += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(times) / (time.perf_counter() - started), pct(times, 95)


def add_during_ingest(base: str, data_dir: Path, more: Path, jobs: int, adds: int) -> None:
    """Add an article through the API every second while `dipnews index` loads `more`."""
    token = (
        subprocess.run(
            [*DIPNEWS, "--data-dir", str(data_dir), "token", "create", "scalebench"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    loader = subprocess.Popen(
        [*DIPNEWS, "--data-dir", str(data_dir), "index", "--jobs", str(jobs), str(more)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    latencies, statuses, missing = [], [], 0
    try:
        for n in range(adds):
            marker = f"zqmarker{n}x{random.randrange(10**9)}"
            body = json.dumps(
                {
                    "text": f"GENEVA, May 3 - Delegates agreed on clause {marker} of the accord "
                    f"after talks that lasted {n + 2} days, officials said.",
                    "outlet": "Bench",
                }
            )
            request = urllib.request.Request(
                f"{base}/api/articles",
                data=body.encode(),
                method="POST",
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            sent = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                continue
            except OSError:
                statuses.append(0)
                continue
            while True:
                with urllib.request.urlopen(
                    f"{base}/search.json?{urlencode({'q': marker})}", timeout=120
                ) as r:
                    if json.loads(r.read())["total"]:
                        latencies.append(time.perf_counter() - sent)
                        break
                if time.perf_counter() - sent > 60:
                    missing += 1
                    break
                time.sleep(0.05)
            time.sleep(max(0.0, 1 - (time.perf_counter() - sent)))
            if loader.poll() is not None:
                break
    finally:
        loader.terminate()
        loader.wait()
    counts = {code: statuses.count(code) for code in sorted(set(statuses))}
    print(
        f"API adds during a bulk load: {len(statuses)} sent, answers {counts}, "
        f"visible after p50 {statistics.median(latencies or [0]):.2f} s / p95 {pct(latencies, 95):.2f} s, "
        f"not found within a minute: {missing}"
    )


def ingest(work: Path, corpus: Path, data_dir: Path, jobs: int, pages: int) -> None:
    """Time `dipnews index` on the first 5,000 pages with one job and with `jobs`, then on all.

    Nothing is deleted while a run is timed: removing tens of thousands of files (a former
    run's data folder) slows file creation on this machine's disk for about a minute after,
    4x for the archive's writes. The last run's samples go first, then a pause.
    """
    samples = {n: work / f"sample-jobs{n}" for n in sorted({1, jobs})}
    if any(sample.exists() for sample in samples.values()):
        subprocess.run(["rm", "-rf", *map(str, samples.values())], check=True)
        subprocess.run(["sync"], check=True)
        print("waiting a minute for the disk after removing the last run's samples")
        time.sleep(60)
    first = [str(folder) for folder in sorted(corpus.iterdir())[:5]]  # 5,000 pages
    for n, sample in samples.items():
        rate = 5000 / run_index(sample, n, first)
        print(f"ingest of the first 5,000 pages with --jobs {n}: {rate:.0f} docs/s")
    rate = pages / run_index(data_dir, jobs, [corpus])
    print(f"ingest of {pages} pages with --jobs {jobs}: {rate:.0f} docs/s")


def run_index(data_dir: Path, jobs: int, paths: list[Path] | list[str]) -> float:
    """`dipnews index` of some pages into a data dir; the seconds it took."""
    start = time.perf_counter()
    command = [*DIPNEWS, "--data-dir", str(data_dir), "index", "--jobs", str(jobs), *map(str, paths)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def load_opensearch(args: argparse.Namespace, work: Path, corpus: Path, pages: int) -> tuple[Path, int]:
    """Point dipnews (this process and the servers and indexers it starts) at the cluster and fill
    its index unless it holds the corpus already; the data dir and the number of articles."""
    url = (
        args.opensearch_url
        or subprocess.run(
            [sys.executable, str(ROOT / "opensearch" / "cluster.py"), "url"], capture_output=True, text=True
        ).stdout.strip()
    )
    if not url:
        sys.exit("No OpenSearch cluster: start one with `make opensearch` or give --opensearch-url.")
    os.environ.update(
        DIPNEWS_BACKEND="opensearch",
        DIPNEWS_OPENSEARCH_URL=url,
        DIPNEWS_OPENSEARCH_INDEX_PREFIX=f"scale-{args.articles}x{args.copies}",
        DIPNEWS_OPENSEARCH_SHARDS=str(args.shards),
        DIPNEWS_OPENSEARCH_REPLICAS=str(args.replicas),
    )
    data_dir = work / f"data-opensearch-x{args.copies}"
    data_dir.mkdir(exist_ok=True)
    backend = open_backend(data_dir)
    expected = backend.stats()["documents"]
    if not expected:
        whoosh_index = work / "data" / "index"
        if whoosh_index.exists():
            start = time.perf_counter()
            documents = extracted_documents(whoosh_index)
            read = time.perf_counter() - start
            print(
                f"read {len(documents)} extracted articles from the Whoosh index: "
                f"{len(documents) / read:.0f} docs/s"
            )
            start = time.perf_counter()
            loaded = expected = backend.load(copies(documents, args.copies))  # type: ignore[attr-defined]
            seconds = time.perf_counter() - start
            print(
                f"bulk indexing into OpenSearch ({args.shards} shards, {args.replicas} replica, replicas "
                f"made after the load): {loaded} articles in {seconds:.0f} s, {loaded / seconds:.0f} docs/s"
            )
        elif args.copies == 1:
            rate = pages / run_index(data_dir, args.jobs, [corpus])
            expected = backend.stats()["documents"]
            print(
                f"ingest (extraction and indexing) of {pages} pages with --jobs {args.jobs}: "
                f"{rate:.0f} docs/s"
            )
        else:
            sys.exit("--copies needs the Whoosh run's index of the corpus (run without --backend first).")
    stats = backend.client.indices.stats(index=backend.alias, metric="store")["_all"]  # type: ignore[attr-defined]
    primaries, total = stats["primaries"]["store"]["size_in_bytes"], stats["total"]["store"]["size_in_bytes"]
    print(
        f"index: {primaries / 1e6:.0f} MB of primaries, {total / 1e6:.0f} MB with replicas "
        f"({primaries / expected / 1e3:.1f} KB per article)"
    )
    backend.close()
    return data_dir, expected


def whoosh_copies(work: Path, count: int) -> tuple[Path, int]:
    """A Whoosh index of the Whoosh run's articles `count` times (as --copies does for OpenSearch),
    written in commits of 50,000 documents; its data dir and size."""
    from whoosh import index as whoosh_index

    from search.backends.whoosh.engine import WhooshBackend
    from search.backends.whoosh.schema import make_schema
    from search.backends.whoosh.writer import whoosh_document

    data_dir = work / f"data-whoosh-x{count}"
    index_dir = data_dir / "index"
    if not (index_dir / "spelling.sqlite").exists():
        subprocess.run(["rm", "-rf", str(data_dir)], check=True)
        index_dir.mkdir(parents=True)
        documents = extracted_documents(work / "data" / "index")
        ix = whoosh_index.create_in(index_dir, make_schema())
        start = time.perf_counter()
        writer = ix.writer(compound=False)
        written = 0
        for fields in copies(documents, count):
            writer.add_document(**whoosh_document(fields))
            written += 1
            if written % 50_000 == 0:
                writer.commit()
                writer = ix.writer(compound=False)
        writer.commit()
        saving = WhooshBackend(index_dir)
        saving._save_columns()
        saving._save_postings()
        seconds = time.perf_counter() - start
        print(
            f"Whoosh index of {written} articles written in {seconds:.0f} s, {written / seconds:.0f} docs/s"
        )
        subprocess.run(["cp", str(work / "data" / "index" / "spelling.sqlite"), str(index_dir)], check=True)
    return data_dir, int(whoosh_index.open_dir(index_dir).doc_count())


def extracted_documents(index_dir: Path) -> list[dict[str, object]]:
    """Every article of a Whoosh index as dipnews indexes it (extracted, grouped, people merged)."""
    from whoosh import index as whoosh_index

    from indexer.enrich.grouping import document_fields

    with whoosh_index.open_dir(index_dir).searcher() as searcher:
        return [
            document_fields(json.loads(f["meta"]), f["title"], f["body"])
            for f in searcher.all_stored_fields()
        ]


def copies(documents: list[dict[str, object]], count: int):  # type: ignore[no-untyped-def]
    """The documents `count` times; copy k has new ids and groups, and dates k years earlier."""
    for k in range(count):
        for fields in documents:
            if k == 0:
                yield fields
                continue
            meta = dict(fields["meta"])  # type: ignore[call-overload]
            copy = {**fields, "meta": meta}
            original = dict(meta)
            for key in ("id", "story_id", "dup_group"):
                copy[key] = meta[key] = f"{original.get(key) or original['id']}-{k}"
            if meta.get("date"):
                day = dt.date.fromisoformat(meta["date"])
                copy["date"] = meta["date"] = day.replace(year=day.year - k, day=min(day.day, 28)).isoformat()
            yield copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20.0, help="for each throughput run")
    parser.add_argument("--adds", type=int, default=60, help="API adds during a bulk load (0: skip)")
    parser.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS, help="Reuters-21578 folder")
    parser.add_argument("--backend", choices=("whoosh", "opensearch"), default="whoosh")
    parser.add_argument("--opensearch-url", default=None, help="default: the local cluster (make opensearch)")
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--copies", type=int, default=1, help="index each extracted article this many times")
    args = parser.parse_args()
    work = args.work or Path(f"/tmp/dipnews-scale-{args.articles}")
    corpus, data_dir, fts = work / "corpus", work / "data", work / "fts5.sqlite"

    if not corpus.exists():
        write_corpus(corpus, args.articles, reuters=args.reuters)
    pages = sum(1 for _ in corpus.rglob("*.txt"))
    print(f"corpus: {pages} synthetic articles in {corpus}")
    if args.backend == "opensearch":
        data_dir, pages = load_opensearch(args, work, corpus, pages)
    elif args.copies > 1:
        data_dir, pages = whoosh_copies(work, args.copies)
    elif not data_dir.exists():
        ingest(work, corpus, data_dir, args.jobs, pages)
    if args.backend == "whoosh":
        size = sum(p.stat().st_size for p in (data_dir / "index").rglob("*") if p.is_file())
        print(f"index: {size / 1e6:.0f} MB ({size / pages / 1e3:.1f} KB per article)")

    queries = query_set(args.queries)
    server, base = start_server(data_dir, args.workers)
    try:
        cold = get(base, queries[0][1])
        print(f"first query after start: {cold / 1000:.2f} s")
        for _, params in queries[: args.workers * 4]:  # each server process takes up the index
            get(base, params)
        timings: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for kind, params in queries:
            timings[kind].append(get(base, params))
        private, mapped = rss_mb(server.pid)
        print(
            f"server RSS after the queries: {private:.0f} MB private + {mapped:.0f} MB of mapped index files"
            f" (the page cache, shared; counted once per process), {args.workers} worker processes"
        )
        if args.backend == "opensearch" and CLUSTER_PID.exists():
            jvm_private, jvm_mapped = rss_mb(int(CLUSTER_PID.read_text()))
            print(
                f"OpenSearch JVM (all nodes) RSS: {jvm_private:.0f} MB private + {jvm_mapped:.0f} MB mapped"
            )

        if not fts.exists():
            print(f"FTS5 build: {pages / build_fts5(fts, corpus):.0f} docs/s")
        db = sqlite3.connect(fts)
        db.execute("CREATE TEMP TABLE hits(id INTEGER PRIMARY KEY)")
        fts_times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for kind, params in queries:
            start = time.perf_counter()
            fts5_search(db, params)
            fts_times[kind].append((time.perf_counter() - start) * 1000)

        print(f"\n{'query kind':14} {'dipnews p50':>11} {'p95':>8} {'FTS5 p50':>9} {'p95':>8}")
        for kind in KINDS:
            d, f = timings[kind], fts_times[kind]
            dipnews_cells = f"{statistics.median(d):9.1f}ms {pct(d, 95):6.1f}ms"
            print(f"{kind:14} {dipnews_cells} {statistics.median(f):7.1f}ms {pct(f, 95):6.1f}ms")
        mixed = [t for kind in KINDS for t in timings[kind]]
        fts_mixed = [t for kind in KINDS for t in fts_times[kind]]
        print(
            f"{'mixed':14} {statistics.median(mixed):9.1f}ms {pct(mixed, 95):6.1f}ms "
            f"{statistics.median(fts_mixed):7.1f}ms {pct(fts_mixed, 95):6.1f}ms"
        )

        plain = [params for _, params in queries]
        one, one_p95 = throughput(base, plain, 1, args.seconds)
        eight, eight_p95 = throughput(base, plain, 8, args.seconds)
        print(
            f"\nthroughput: 1 client {one:.1f} q/s (p95 {one_p95:.0f} ms), "
            f"8 clients {eight:.1f} q/s (p95 {eight_p95:.0f} ms): {eight / one:.2f}x"
        )

        backend = open_backend(data_dir)
        problems = [problem for _, params in queries for problem in check_counts(backend, params)]
        print(f"count checks: {len(queries)} queries, {len(problems)} problems")
        for problem in problems[:10]:
            print("  ", problem)

    finally:
        server.terminate()
        server.wait()
    if args.adds:  # on a copy of the data dir, which the bulk load changes
        more, copy = work / "more", work / "data-adds"
        if not more.exists():
            write_corpus(more, 20_000, seed=23, reuters=args.reuters)
        subprocess.run(["rm", "-rf", str(copy)], check=True)
        subprocess.run(["cp", "-r", str(data_dir), str(copy)], check=True)
        server, base = start_server(copy, args.workers)
        try:
            add_during_ingest(base, copy, more, args.jobs, args.adds)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
