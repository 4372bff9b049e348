"""Search benchmark: Reuters-21578 in dipnews (Whoosh) beside SQLite FTS5, in one run.

Indexes the ~19,000 Reuters stories that have a body (title, date and topics
supplied as metadata, as a user would supply them), then times a few hundred
queries of three kinds on both engines and prints p50/p95 and ratios:
  plain     - a keyword query, first page of hits
  facets    - the same with date (month), outlet and topic facet counts
  filtered  - a keyword query filtered by a topic value and a date range, with facets
dipnews is also timed over HTTP (waitress, /search.json), the way users reach it.

The Reuters files are research-only: they are read from ../shared, never copied.
Usage: python bench/search_bench.py [--reuters DIR] [--limit N] [--queries N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import shutil
import socket
import sqlite3
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from waitress.server import create_server
from whoosh import index as whoosh_index

from indexer.article import extract_article
from indexer.store.datadir import index_dir
from search.backends import open_backend
from search.backends.whoosh.writer import write_articles
from search.query import SearchRequest
from search.web import create_app

DEFAULT_REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578"
# Words of the 1987 newswire to query with; "interest rates" is a two-word query.
QUERY_WORDS = (
    "oil,trade,bank,dollar,tariff,japan,grain,wheat,coffee,gold,opec,export,deficit,talks,minister,agreement,"
    "sanctions,embassy,government,election,strike,shipping,interest rates,merger,brazil,soviet,china,iran,"
    "debt,budget,treasury,inflation,crude,sugar"
).split(",")
_DOC = re.compile(r"<REUTERS.*?</REUTERS>", re.S)


def _tag(doc: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
    return html.unescape(match.group(1)).strip() if match else ""


def read_reuters(folder: Path, limit: int | None) -> list[dict]:
    stories = []
    for path in sorted(folder.glob("reut2-*.sgm")):
        for doc in _DOC.findall(path.read_text("latin-1")):
            body = _tag(doc, "BODY").replace("\x03", "").strip()
            if not body:
                continue
            day, month, year = re.search(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", _tag(doc, "DATE")).groups()
            date = dt.datetime.strptime(f"{day}-{month}-{year}", "%d-%b-%Y").date()
            topics = re.findall(r"<D>(.*?)</D>", _tag(doc, "TOPICS"))
            stories.append(
                {
                    "title": _tag(doc, "TITLE").title() or body.split("\n", 1)[0],
                    "dateline": _tag(doc, "DATELINE"),
                    "body": body,
                    "date": date,
                    "topics": topics,
                }
            )
            if limit and len(stories) >= limit:
                return stories
    return stories


def page_bytes(story: dict) -> bytes:
    paragraphs = re.split(r"\n\s{3,}", story["body"])
    text = "\n".join(" ".join(p.split()) for p in paragraphs)
    return f"{story['dateline']} {text}".encode()


def index_dipnews(data_dir: Path, stories: list[dict]) -> float:
    start = time.perf_counter()
    batch = []
    for i, story in enumerate(stories):
        supplied = {
            "title": story["title"],
            "date": story["date"],
            "outlet": "Reuters",
            "topics": story["topics"] or ["none"],
        }
        batch.append(extract_article(page_bytes(story), source=f"reuters/{i}", supplied=supplied))
        if len(batch) == 2000:
            write_articles(index_dir(data_dir), batch)
            batch = []
    write_articles(index_dir(data_dir), batch)
    return time.perf_counter() - start


def index_fts5(db: sqlite3.Connection, stories: list[dict]) -> float:
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
    db.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, outlet TEXT, day TEXT, month TEXT)")
    db.execute("CREATE TABLE topics(id INTEGER, topic TEXT)")
    for i, story in enumerate(stories, start=1):
        db.execute(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (i, story["title"], story["body"])
        )
        day = story["date"].isoformat()
        db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", (i, "Reuters", day, day[:7]))
        db.executemany("INSERT INTO topics VALUES (?, ?)", [(i, t) for t in story["topics"] or ["none"]])
    db.execute("CREATE INDEX topics_id ON topics(id)")
    db.execute("CREATE INDEX topics_topic ON topics(topic)")
    db.execute("CREATE INDEX meta_day ON meta(day)")
    db.commit()
    return time.perf_counter() - start


def fts5_query(
    db: sqlite3.Connection,
    words: str,
    facets: bool,
    topic: str | None = None,
    span: tuple[str, str] | None = None,
) -> int:
    where = "docs MATCH ?"
    params: list[object] = [words]
    if topic:
        where += " AND docs.rowid IN (SELECT id FROM topics WHERE topic = ?)"
        params.append(topic)
    if span:
        where += " AND docs.rowid IN (SELECT id FROM meta WHERE day BETWEEN ? AND ?)"
        params += list(span)
    db.execute(f"SELECT rowid, title FROM docs WHERE {where} ORDER BY bm25(docs) LIMIT 20", params).fetchall()
    if facets:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS hits(id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM hits")
        db.execute(f"INSERT INTO hits SELECT rowid FROM docs WHERE {where}", params)
        db.execute(
            "SELECT m.outlet, count(*) FROM hits JOIN meta m ON m.id = hits.id GROUP BY m.outlet"
        ).fetchall()
        db.execute(
            "SELECT m.month, count(*) FROM hits JOIN meta m ON m.id = hits.id GROUP BY m.month"
        ).fetchall()
        db.execute(
            "SELECT t.topic, count(*) FROM hits JOIN topics t ON t.id = hits.id GROUP BY t.topic"
        ).fetchall()
    return 0


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word.replace(" ", "")))
    return word[:i] + rng.choice("aeiouxz") + word[i + 1 :]


def serve(data_dir: Path) -> str:
    """The app over `data_dir` behind waitress on a free loopback port, for the rest of the run."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server(create_app({"DATA_DIR": str(data_dir)}), host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    if len(values) < 3:
        return max(values)
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS)
    parser.add_argument("--limit", type=int, default=None, help="index only the first N stories")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    stories = read_reuters(args.reuters, args.limit)
    print(f"Reuters-21578 stories with a body: {len(stories)}")
    work = Path(tempfile.mkdtemp(prefix="dipnews-bench-"))
    try:
        seconds = index_dipnews(work, stories)
        size = sum(p.stat().st_size for p in index_dir(work).rglob("*") if p.is_file())
        db = sqlite3.connect(work / "fts5.db", check_same_thread=False)
        fts_seconds = index_fts5(db, stories)
        print(
            f"ingest  dipnews: {len(stories) / seconds:7.0f} docs/s (extract + index), "
            f"index {size / 1e6:.1f} MB"
        )
        print(f"ingest  FTS5   : {len(stories) / fts_seconds:7.0f} docs/s")

        rng = random.Random(7)
        vocabulary = QUERY_WORDS
        queries = [" ".join(rng.sample(vocabulary, rng.choice([1, 1, 2]))) for _ in range(args.queries)]
        topics = ["earn", "acq", "crude", "trade", "money-fx", "grain", "interest", "ship"]
        filtered = [(q, rng.choice(topics), ("1987-03-01", "1987-03-31")) for q in queries]
        # what users also type: misspelt words (did-you-mean runs) and words never found together
        misspelt = [_misspell(rng.choice(vocabulary), rng) for _ in range(args.queries // 3)]
        nothing = [f"{rng.choice(vocabulary)} zq{rng.randrange(10**6)}x" for _ in range(args.queries // 3)]

        engine = open_backend(work)
        engine.search(SearchRequest(q="warm up"))
        searcher = whoosh_index.open_dir(index_dir(work)).searcher()  # raw Whoosh, for reference
        parse = engine.parse  # type: ignore[attr-defined]
        rows = {
            "plain (raw Whoosh, no facets)": timed(lambda q: searcher.search(parse(q)[0], limit=20), queries),
            "facets (dipnews, 3 facets)": timed(lambda q: engine.search(SearchRequest(q=q)), queries),
            "filtered (dipnews, topic + dates)": timed(
                lambda f: engine.search(
                    SearchRequest(
                        q=f[0], topics=(f[1],), date_from=dt.date(1987, 3, 1), date_to=dt.date(1987, 3, 31)
                    )
                ),
                filtered,
            ),
            "misspelt (dipnews, did-you-mean)": timed(lambda q: engine.search(SearchRequest(q=q)), misspelt),
            "matching nothing (dipnews)": timed(lambda q: engine.search(SearchRequest(q=q)), nothing),
        }
        searcher.close()
        fts = {
            "plain (raw Whoosh, no facets)": timed(lambda q: fts5_query(db, q, False), queries),
            "facets (dipnews, 3 facets)": timed(lambda q: fts5_query(db, q, True), queries),
            "filtered (dipnews, topic + dates)": timed(
                lambda f: fts5_query(db, f[0], True, f[1], f[2]), filtered
            ),
            "misspelt (dipnews, did-you-mean)": timed(lambda q: fts5_query(db, q, True), misspelt),
            "matching nothing (dipnews)": timed(lambda q: fts5_query(db, q, True), nothing),
        }

        base = serve(work) + "/search.json?"
        http = timed(lambda q: urllib.request.urlopen(base + urlencode({"q": q})).read(), queries)

        print(
            f"\n{'query kind':36} {'dipnews p50':>11} {'p95':>8} {'FTS5 p50':>9} {'p95':>8} {'p95 ratio':>9}"
        )
        for name, values in rows.items():
            f = fts[name]
            print(
                f"{name:36} {statistics.median(values):9.1f}ms {pct(values, 95):6.1f}ms "
                f"{statistics.median(f):7.1f}ms {pct(f, 95):6.1f}ms {pct(values, 95) / pct(f, 95):8.1f}x"
            )
        print(
            f"{'facets over HTTP (/search.json)':36} {statistics.median(http):9.1f}ms {pct(http, 95):6.1f}ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
