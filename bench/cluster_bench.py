"""Clustering benchmark: pairwise precision/recall of dup_group and story_id, and their cost.

Labelled set, built from real text: the gold article bodies of ../shared/eval
as plain HTML pages (each its own story; the gold text, so the set does not
move when extraction changes), two synthetic copies of some of them (the last
quarter of the paragraphs cut and a new headline; an added paragraph and a few
changed words),
which must share the original's dup_group and story, and the five seed pages
(one story told independently by five outlets: same story, different dup
groups). Every article goes through the product's own extract_article and
write_articles. Then the cost: time to sign an article, time to group one
new article against an index of ~19,000 Reuters stories, and the query-time
overhead of collapsing stories there.
Usage: python bench/cluster_bench.py [--pages N] [--copies N]
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from search_bench import (  # type: ignore[import-not-found]
    DEFAULT_REUTERS,
    QUERY_WORDS,
    index_dipnews,
    pct,
    read_reuters,
    timed,
)
from whoosh import index as whoosh_index

from indexer.article import Article, extract_article
from indexer.enrich.grouping import assign_groups
from indexer.enrich.stories import story_key
from indexer.store.datadir import index_dir
from search.backends import open_backend
from search.backends.whoosh.lookups import WhooshLookups
from search.backends.whoosh.writer import write_articles
from search.query import SearchRequest

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def as_page(title: str, paragraphs: list[str]) -> bytes:
    """A plain HTML page of a headline and its paragraphs."""
    body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    return f"<html><body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>".encode()


def labelled_set(pages: int, copies: int, rng: random.Random) -> list[tuple[bytes, str, str]]:
    """(page bytes, true dup label, true story label).

    Built from the gold article bodies (and wcxb's gold titles), not from what
    dipnews extracts, so that the set stays the same when extraction changes.
    """
    items = []
    entries = []
    for name in ("wcxb-dev-articles", "extraction-dev"):
        truth = json.loads((EVAL / name / "ground-truth.json").read_text("utf-8"))
        entries += [(f"{name}/{pid}", entry) for pid, entry in sorted(truth.items())]
    rng.shuffle(entries)
    originals = []
    for label, entry in entries:
        paragraphs = [p.strip() for p in entry["articleBody"].split("\n") if p.strip()]
        if len(paragraphs) < 4 or len(entry["articleBody"].split()) < 150:
            continue
        title = entry.get("title") or " ".join(paragraphs[0].split()[:12])
        originals.append((label, title, paragraphs))
        if len(originals) == pages:
            break
    for n, (label, title, paragraphs) in enumerate(originals):
        items.append((as_page(title, paragraphs), label, label))
        if n < copies:
            cut = paragraphs[: max(2, int(len(paragraphs) * 0.75))]
            items.append((as_page("Update: " + title[:60], cut), label, label))
            edited = [p.replace(" the ", " this ", 2) for p in paragraphs]
            edited.insert(
                1, "This report was updated with comments from officials who asked not to be named."
            )
            items.append((as_page(title, edited), label, label))
    for path in sorted(SEEDS.glob("*.txt")):
        items.append((path.read_bytes(), f"seed-{path.stem}", "seed-story"))
    return items


def pairwise(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same_pred, same_true = predicted[a] == predicted[b], truth[a] == truth[b]
        tp += same_pred and same_true
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--reuters", type=int, default=None, help="Reuters stories for the cost part")
    args = parser.parse_args()
    rng = random.Random(5)
    work = Path(tempfile.mkdtemp(prefix="dipnews-cluster-"))
    try:
        items = labelled_set(args.pages, args.copies, rng)
        articles: list[Article] = []
        dup_truth, story_truth = {}, {}
        sign_times = []
        for data, dup_label, story_label in items:
            article = extract_article(data)
            start = time.perf_counter()
            story_key(article.body, article.primary_countries, [p.name for p in article.people], article.date)
            sign_times.append(time.perf_counter() - start)
            articles.append(article)
            dup_truth[article.id], story_truth[article.id] = dup_label, story_label
        rng.shuffle(articles)  # arrival order must not matter
        for article in articles:  # one at a time, as users add them
            write_articles(index_dir(work / "labelled"), [article])
        hits = open_backend(work / "labelled").search(SearchRequest(page_size=10000, collapse=False)).hits
        dup_pred = {h.id: h.meta["dup_group"] for h in hits}
        story_pred = {h.id: h.meta["story_id"] for h in hits}
        print(f"labelled set: {len(articles)} articles ({args.copies} originals with 2 copies each, 5 seeds)")
        for name, predicted, truth in (
            ("dup_group", dup_pred, dup_truth),
            ("story_id", story_pred, story_truth),
        ):
            precision, recall = pairwise(predicted, truth)
            print(f"{name:10} pairwise precision {precision:.3f}  recall {recall:.3f}")

        stories = read_reuters(DEFAULT_REUTERS, args.reuters)
        index_dipnews(work / "reuters", stories)
        engine = open_backend(work / "reuters")
        group_times = []
        with whoosh_index.open_dir(work / "reuters" / "index").searcher() as searcher:
            for article in articles[:100]:  # the grouping step alone, against the full index
                start = time.perf_counter()
                assign_groups([article], WhooshLookups(searcher))
                group_times.append(time.perf_counter() - start)
        sign_ms = 1000 * statistics.median(sign_times)
        group_p50 = 1000 * statistics.median(group_times)
        group_p95 = 1000 * pct(group_times, 95)
        print(f"index-time cost per article: signature and specifics p50 {sign_ms:.2f} ms;")
        print(f"  grouping against {len(stories)} articles p50 {group_p50:.2f} ms, p95 {group_p95:.2f} ms")
        words = QUERY_WORDS
        for collapse in (False, True):
            times = timed(
                lambda n, collapse=collapse: engine.search(
                    SearchRequest(
                        q=words[n % len(words)], collapse=collapse, sort=("relevance", "newest")[n % 2]
                    )
                ),
                range(300),
            )
            label = "collapsed " if collapse else "not collapsed"
            p95 = pct(times, 95)
            print(f"query {label:14} p50 {statistics.median(times):.1f} ms  p95 {p95:.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
