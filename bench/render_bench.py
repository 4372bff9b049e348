"""Results-page benchmark: the full HTML page (all facets and the timeline) over HTTP at ~20k articles.

Indexes the Reuters-21578 stories (as bench/search_bench.py does), serves the
app with waitress, and times GET /search for a few hundred queries, with and
without filters. Usage: python bench/render_bench.py [--limit N] [--queries N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from search_bench import (  # type: ignore[import-not-found]
    DEFAULT_REUTERS,
    QUERY_WORDS,
    index_dipnews,
    pct,
    read_reuters,
    serve,
    timed,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dipnews-render-"))
    try:
        stories = read_reuters(DEFAULT_REUTERS, args.limit)
        index_dipnews(work, stories)
        base = serve(work) + "/search?"
        rng = random.Random(11)
        kinds = {
            "keyword": lambda: {"q": rng.choice(QUERY_WORDS)},
            "keyword + topic + month": lambda: {
                "q": rng.choice(QUERY_WORDS),
                "topic": rng.choice(["trade", "crude", "grain", "money-fx"]),
                "date_from": "1987-03-01",
                "date_to": "1987-03-31",
            },
            "browse all (no query)": lambda: {},
        }
        urllib.request.urlopen(base + "q=warm").read()
        print(f"{len(stories)} articles; full results page (facets + timeline) over HTTP")
        for name, make in kinds.items():
            times = timed(
                lambda _, make=make: urllib.request.urlopen(base + urlencode(make())).read(),
                range(args.queries),
            )
            p95 = pct(times, 95)
            print(f"{name:28} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
