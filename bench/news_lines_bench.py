"""News-lines benchmark: how often the chrome rules fire on paragraphs of real news.

Every chrome and closing rule in `indexer/clean/chrome/` is written against pages
with boilerplate. This runs the rules over paragraphs known to be story text,
the bodies of the Reuters-21578 newswire and of a Wikinews sample
(../shared/corpora), and prints how many of them a rule would drop as chrome
or take for the story's end, how many paragraphs that are not their story's
last a rule takes for a sign-off ("... contributed to this report."), after
which nothing is kept, and how many a text page's reading takes for teasers of
other stories glued to their blurbs (`glued_teasers`, on each whole story)
and how many it takes for pull quotes (`drop_pull_quotes`, on each whole story).
All counts should stay at or near zero: each paragraph counted is a sentence
of a story that a rule would cut. The ones found are listed, so a new rule's
false hits are seen before it lands.

Usage: python bench/news_lines_bench.py [--show N]
"""

from __future__ import annotations

import argparse
import csv
import sys

from search_bench import DEFAULT_REUTERS, read_reuters  # type: ignore[import-not-found]

from indexer.clean.chrome import drop_pull_quotes, is_chrome, is_closing, is_sign_off
from indexer.clean.dumplines import glued_teasers
from indexer.clean.lines import normalise_line, word_count

WIKINEWS = DEFAULT_REUTERS.parent / "wikinews-sample"
MIN_WORDS = 8  # shorter lines of a newswire body are tables and headings, not sentences


def reuters_stories() -> list[list[str]]:
    return [
        [normalise_line(" ".join(block.split())) for block in story["body"].split("\n    ")]
        for story in read_reuters(DEFAULT_REUTERS, None)
    ]


def wikinews_stories() -> list[list[str]]:
    csv.field_size_limit(sys.maxsize)
    stories = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                stories.append([normalise_line(line) for line in row["text"].splitlines()])
    return stories


def non_final_sign_offs(stories: list[list[str]]) -> list[str]:
    """Paragraphs taken for a sign-off that have more of their story after them."""
    found = set()
    for story in stories:
        lines = [line for line in story if line]
        found.update(line for line in lines[:-1] if word_count(line) >= MIN_WORDS and is_sign_off(line))
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="list this many hits of each kind")
    args = parser.parse_args()
    for name, read in (("Reuters-21578", reuters_stories), ("Wikinews sample", wikinews_stories)):
        stories = read()
        prose = sorted({line for story in stories for line in story if word_count(line) >= MIN_WORDS})
        chrome = [line for line in prose if is_chrome(line)]
        closing = [line for line in prose if is_closing(line)]
        sign_offs = non_final_sign_offs(stories)
        teasers = sorted({line for story in stories for line in glued_teasers([x for x in story if x])})
        quotes: list[str] = []
        for story in stories:
            drop_pull_quotes([line for line in story if line], quotes)
        print(f"\n{name}: {len(prose)} paragraphs of {MIN_WORDS} words or more")
        print(f"  taken for chrome       {len(chrome):6}  ({100 * len(chrome) / len(prose):.3f}%)")
        print(f"  taken for a closing    {len(closing):6}  ({100 * len(closing) / len(prose):.3f}%)")
        print(f"  sign-off, not last     {len(sign_offs):6}  ({100 * len(sign_offs) / len(prose):.3f}%)")
        print(f"  glued teaser           {len(teasers):6}  ({100 * len(teasers) / len(prose):.3f}%)")
        print(f"  pull quote             {len(quotes):6}  ({100 * len(quotes) / len(prose):.3f}%)")
        kinds = (
            ("chrome", chrome),
            ("closing", closing),
            ("sign-off", sign_offs),
            ("teaser", teasers),
            ("pull quote", sorted(quotes)),
        )
        for kind, lines in kinds:
            for line in lines[: args.show]:
                print(f"    {kind}: {line[:110]}")


if __name__ == "__main__":
    main()
