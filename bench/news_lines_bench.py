"""News-lines benchmark: how often the chrome rules fire on paragraphs of real news.

Every chrome and closing rule in `indexer/chrome.py` is written against pages
with boilerplate. This runs the rules over paragraphs known to be story text,
the bodies of the Reuters-21578 newswire and of a Wikinews sample
(../shared/corpora), and prints how many of them a rule would drop as chrome
or take for the story's end. Both counts should stay at or near zero: each
paragraph counted is a sentence of a story that a rule would cut. The ones
found are listed, so a new rule's false hits are seen before it lands.

Usage: python bench/news_lines_bench.py [--show N]
"""

from __future__ import annotations

import argparse
import csv
import sys

from search_bench import DEFAULT_REUTERS, read_reuters  # type: ignore[import-not-found]

from indexer.chrome import is_chrome, is_closing
from indexer.lines import normalise_line, word_count

WIKINEWS = DEFAULT_REUTERS.parent / "wikinews-sample"
MIN_WORDS = 8  # shorter lines of a newswire body are tables and headings, not sentences


def reuters_paragraphs() -> set[str]:
    paragraphs = set()
    for story in read_reuters(DEFAULT_REUTERS, None):
        for block in story["body"].split("\n    "):
            paragraphs.add(normalise_line(" ".join(block.split())))
    return paragraphs


def wikinews_paragraphs() -> set[str]:
    csv.field_size_limit(sys.maxsize)
    paragraphs = set()
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                paragraphs.update(normalise_line(line) for line in row["text"].splitlines())
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="list this many hits of each kind")
    args = parser.parse_args()
    for name, read in (("Reuters-21578", reuters_paragraphs), ("Wikinews sample", wikinews_paragraphs)):
        prose = sorted(line for line in read() if word_count(line) >= MIN_WORDS)
        chrome = [line for line in prose if is_chrome(line)]
        closing = [line for line in prose if is_closing(line)]
        print(f"\n{name}: {len(prose)} paragraphs of {MIN_WORDS} words or more")
        print(f"  taken for chrome       {len(chrome):6}  ({100 * len(chrome) / len(prose):.3f}%)")
        print(f"  taken for a closing    {len(closing):6}  ({100 * len(closing) / len(prose):.3f}%)")
        for kind, lines in (("chrome", chrome), ("closing", closing)):
            for line in lines[: args.show]:
                print(f"    {kind}: {line[:110]}")


if __name__ == "__main__":
    main()
