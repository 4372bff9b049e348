"""Large-page benchmark: how extraction time grows with the size of one page.

A user may add a page of several megabytes (a live blog, a forum thread, a
saved archive page); ingest accepts up to 10 MB. This builds pages of growing
size from the shipped corpus' lines: a text dump and an HTML page whose story
is followed, every few paragraphs, by a closing marker ("Related stories"), so
every step that looks ahead or behind runs on every marker. It prints the CPU
seconds of `extract_article` per page and per MB: the time per MB should stay
flat as the page doubles (a step that rereads the page per line shows as a
time per MB that doubles too).

Usage: python bench/large_page_bench.py [--max-mb N]
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

from indexer.article import extract_article

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MARKER_EVERY = 7


def corpus_lines() -> list[str]:
    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if len(line.split()) >= 12]


def page_lines(prose: list[str], size: int) -> list[str]:
    """Prose lines, numbered so none repeats, with a closing marker every few, up to `size` bytes."""
    lines: list[str] = []
    total = 0
    while total < size:
        n = len(lines)
        line = "Related stories" if n % MARKER_EVERY == MARKER_EVERY - 1 else f"{n}: {prose[n % len(prose)]}"
        lines.append(line)
        total += len(line) + 1
    return lines


def as_html(lines: list[str]) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    head = "<head><title>A long page</title></head>"
    return f"<html>{head}<body><article><h1>A long page</h1>{body}</article></body></html>"


def timed_extraction(data: bytes, source: str) -> float:
    start = time.process_time()
    extract_article(data, source=source)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=4)
    args = parser.parse_args()
    prose = corpus_lines()
    extract_article(as_html(prose[:20]).encode(), source="warm-up.html")  # imports and caches
    print(f"{'page':>6} {'MB':>6} {'seconds':>8} {'s per MB':>9}")
    mb = 0.25
    while mb <= args.max_mb:
        lines = page_lines(prose, int(mb * 1e6))
        for kind, data in (("text", "\n".join(lines).encode()), ("html", as_html(lines).encode())):
            seconds = timed_extraction(data, f"large.{'txt' if kind == 'text' else 'html'}")
            size = len(data) / 1e6
            print(f"{kind:>6} {size:6.2f} {seconds:8.2f} {seconds / size:9.2f}")
        mb *= 2


if __name__ == "__main__":
    main()
