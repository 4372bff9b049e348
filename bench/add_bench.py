"""Add benchmark: how soon an added article can be found, and how many adds a second.

Optionally preloads Reuters-21578 stories so the index has a realistic size,
then adds articles one at a time through `ingest_bytes` (the path of the API,
the web form and `dipnews add`) and, after each, searches for a word only
that article has, timing add-to-visible. Then times a bulk `ingest_files`.
Usage: python bench/add_bench.py [--base N] [--adds N] [--bulk N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from search_bench import DEFAULT_REUTERS, index_dipnews, pct, read_reuters  # type: ignore[import-not-found]

from indexer.pipeline import ingest_bytes, ingest_files
from search.backends import open_backend
from search.query import SearchRequest


def page(n: int, marker: str) -> bytes:
    return (
        f"VIENNA, June {n % 28 + 1} - Envoys from {n} states met in Vienna on Thursday to review "
        f"the {marker} monitoring arrangement, officials said, and agreed to meet again next month "
        f"to settle the remaining questions on verification number {n}."
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=20000, help="Reuters stories to preload (0 for none)")
    parser.add_argument("--adds", type=int, default=100)
    parser.add_argument("--bulk", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dipnews-add-"))
    try:
        if args.base:
            stories = read_reuters(DEFAULT_REUTERS, args.base)
            index_dipnews(work, stories)
            print(f"preloaded {len(stories)} Reuters stories")
        engine = open_backend(work)
        engine.search(SearchRequest(q="warm"))
        latencies = []
        start_all = time.perf_counter()
        for n in range(args.adds):
            marker = f"zqx{n:05d}"
            start = time.perf_counter()
            ingest_bytes(work, page(n, marker))
            while engine.search(SearchRequest(q=marker)).total != 1:
                time.sleep(0.001)
            latencies.append((time.perf_counter() - start) * 1000)
        elapsed = time.perf_counter() - start_all

        print(
            f"single adds: {args.adds}, add-to-visible p50 {statistics.median(latencies):.0f} ms, "
            f"p95 {pct(latencies, 95):.0f} ms, max {max(latencies):.0f} ms; "
            f"{args.adds / elapsed:.1f} adds/s sustained"
        )

        folder = work / "bulk"
        folder.mkdir()
        for n in range(args.bulk):
            (folder / f"{n:05d}.txt").write_bytes(page(100000 + n, f"bulk{n:05d}"))
        start = time.perf_counter()
        report = ingest_files(work, [folder])
        seconds = time.perf_counter() - start
        assert len(report.indexed) == args.bulk, report.failed[:3]
        print(f"bulk add: {args.bulk} pages in {seconds:.1f} s, {args.bulk / seconds:.0f} pages/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
