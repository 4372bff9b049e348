"""Extraction benchmark: dipnews' cleaning beside trafilatura, on pages with a gold article body.

Runs the product's own extraction (`extract_article`, the code path of
`dipnews index` and `dipnews extract`) over a folder of gzipped HTML pages
and scores it with the article-extraction-benchmark metric: tokens are \\w+
runs, shingles are 4-grams, per page tp/fp/fn are normalised to sum 1,
precision and recall are averaged over pages (an empty output counts for
recall only), F1 = 2PR/(P+R). trafilatura's extract(),
extract(favor_precision=True) and extract(favor_recall=True) (the mode dipnews
builds on) are scored on the same pages in the same run, and so is
readability-lxml (the Python port of Readability, whose own output is
readability-dev's gold: its article's text as inscriptis reads it).

pages/s is per second of CPU time of this one process (each system runs on one
core): on a shared machine, wall-clock time also counts what other processes
take, and moved by 10-20% between runs of the same code here. Scoring is not timed.

"+ site lines of the set" is dipnews once the lines each site repeats have
been learned from the whole set (indexer/store/sitelines.py), as they are from a
user's corpus; most sites have one or two pages in these sets.

--as-text first turns each page into a plain-text dump (inscriptis: visible
text, one block per line) and scores dipnews' text-page path on it, beside
"keep every line".

--explain prints where dipnews loses instead of the table: the precision lost
to lines before, inside and after the story, the recall lost to text
trafilatura never returned and to text dipnews' own layer dropped (HTML only),
and the pages with the lowest F1. A kept line counts as the story's when at
least half of its shingles are in the gold text; the shares are counted per
line, so they fall short of the metric's 1 - P (lines partly in the gold text
count as the story's).

On sets whose ground truth lists snippets (WCXB's "with" and "without"), two
more columns: "kept", the share of must-keep snippets found in the output, and
"cut", the share of must-remove snippets (menus, notices, sign-up lines) not in it.

readability-dev (Mozilla Readability's test pages: source.html and the expected.html
Readability extracts, whose visible text is the gold) is scored in two parts: real
sites, and the small synthetic fixtures (pages under 10 KB) that each test one behaviour.

Usage: python bench/extraction_bench.py [--as-text] [--explain] [SET_DIR ...]
(default sets: ../shared/eval/extraction-dev, ../shared/eval/wcxb-dev-articles and
../shared/eval/readability-dev)
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from indexer.article import extract_article, kept_lines
from indexer.errors import DipnewsError
from indexer.store.sitelines import SiteLines

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEFAULT_SETS = [EVAL / "extraction-dev", EVAL / "wcxb-dev-articles", EVAL / "readability-dev"]
FIXTURE_BYTES = 10_000  # a readability-dev page smaller than this is a synthetic fixture


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def score(predicted: str, gold: str) -> tuple[float | None, float]:
    """(precision or None for an empty output, recall) of one page."""
    pred, truth = shingles(predicted), shingles(gold)
    tp = sum((pred & truth).values())
    fp = sum(pred.values()) - tp
    fn = sum(truth.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if pred else None
    recall = tp / (tp + fn) if truth else 1.0
    return precision, recall


def summarise(scores: list[tuple[float | None, float]]) -> tuple[float, float, float]:
    precisions = [p for p, _ in scores if p is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(r for _, r in scores) / len(scores)
    return precision, recall, _f1(precision, recall)


def load_sets(folder: Path) -> list[tuple[str, list[tuple[str, bytes, dict]]]]:
    """An evaluation set's pages, as (name, pages); readability-dev in two parts."""
    if (folder / "ground-truth.json").is_file():
        return [(folder.name, load_pages(folder))]
    pages = load_readability(folder)
    fixtures = [page for page in pages if len(page[1]) < FIXTURE_BYTES]
    sites = [page for page in pages if len(page[1]) >= FIXTURE_BYTES]
    return [(f"{folder.name} (real sites)", sites), (f"{folder.name} (fixtures)", fixtures)]


def load_readability(folder: Path) -> list[tuple[str, bytes, dict]]:
    """Readability's test pages: the gold body is the visible text of expected.html."""
    from inscriptis import get_text

    pages = []
    for source in sorted(folder.glob("*/source.html")):
        expected = source.with_name("expected.html")
        if expected.is_file():
            gold = get_text(expected.read_text("utf-8", errors="replace"))
            pages.append((source.parent.name, source.read_bytes(), {"articleBody": gold, "url": ""}))
    return pages


def load_pages(folder: Path) -> list[tuple[str, bytes, dict]]:
    """(id, raw page, ground-truth entry) of an evaluation set: html/<id>.html.gz + ground-truth.json."""
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, entry in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append((page_id, gzip.decompress(path.read_bytes()), entry))
    return pages


def dipnews_body(data: bytes) -> str:
    try:
        return extract_article(data).body
    except DipnewsError:
        return ""


def with_site_lines(pages: list[tuple[str, str, str]], urls: dict[str, str]) -> Callable[[str], str]:
    """dipnews once each site's repeated lines are learned from the whole set, as from a user's corpus.

    Each page goes in with its URL, as an add by URL would (the site is the URL's host).
    The learning pass (extracting and storing every page once) is not timed.
    """
    store = SiteLines(":memory:")
    url_of = {page: urls[pid] for pid, page, _ in pages}
    for page, url in url_of.items():
        try:
            article = extract_article(page.encode("utf-8"), supplied={"url": url})
        except DipnewsError:
            continue
        store.record(article.id, article.site, kept_lines(article))

    def body(page: str) -> str:
        try:
            return extract_article(
                page.encode("utf-8"), supplied={"url": url_of[page]}, site_lines=store
            ).body
        except DipnewsError:
            return ""

    return body


def readability_lxml_body(html: str) -> str:
    """readability-lxml's article (Document.summary()), as text the way the gold is read."""
    from inscriptis import get_text
    from readability import Document

    try:
        return get_text(Document(html).summary())
    except Exception:  # it raises on pages it cannot parse (an empty body): no article
        return ""


def as_text_dump(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def run(
    name: str, fn: Callable[[str], str], pages: list[tuple[str, str, str]]
) -> tuple[float, float, float, float, dict[str, str]]:
    """(P, R, F1, pages per CPU second, each page's output) of one system."""
    fn(pages[0][1])  # warm up: one-time set-up (e.g. dateparser's locale tables) is not per-page cost
    seconds = 0.0
    results = []
    outputs = {}
    for pid, page, gold in pages:
        start = time.process_time()
        output = fn(page)
        seconds += time.process_time() - start
        results.append(score(output, gold))
        outputs[pid] = output
    return (*summarise(results), len(pages) / seconds, outputs)


def snippet_rates(outputs: dict[str, str], entries: dict[str, dict]) -> tuple[float, float] | None:
    """WCXB's snippet check: the share of its must-keep snippets found in the outputs, and
    of its must-remove snippets not found (words compared, case and punctuation aside);
    None for a set without snippets."""
    kept = removed = keep_total = remove_total = 0
    for pid, output in outputs.items():
        text = _words(output)
        keep, remove = entries[pid].get("with", []), entries[pid].get("without", [])
        kept += sum(_words(snippet) in text for snippet in keep)
        removed += sum(_words(snippet) not in text for snippet in remove)
        keep_total, remove_total = keep_total + len(keep), remove_total + len(remove)
    if not keep_total or not remove_total:
        return None
    return kept / keep_total, removed / remove_total


def _words(text: str) -> str:
    # no word boundaries at the ends: the snippets are cut at a length, mid-word at times
    return " ".join(re.findall(r"\w+", text.casefold()))


def explain(pages: list[tuple[str, str, str]], urls: dict[str, str], as_text: bool, worst: int = 10) -> None:
    """Where dipnews loses on a set (see --explain in the module's docstring)."""
    where = Counter[str]()
    rows = []
    for pid, page, gold in pages:
        output = dipnews_body(page.encode("utf-8"))
        precision, recall = score(output, gold)
        rows.append((pid, precision, recall))
        truth = set(shingles(gold))
        lines = [line for line in output.split("\n") if line.strip()]
        story = [_in_gold(line, truth, gold) for line in lines]
        total = sum(len(shingles(line)) or 1 for line in lines)
        if True in story:
            first, last = story.index(True), len(story) - 1 - story[::-1].index(True)
            for i, line in enumerate(lines):
                if not story[i]:
                    region = "before" if i < first else "after" if i > last else "inside"
                    where[f"precision lost {region} the story"] += (len(shingles(line)) or 1) / total
        elif lines:
            where["precision lost on pages with no story line"] += 1
        if not as_text and truth:
            missing = truth - set(shingles(output))
            base = set(shingles(trafilatura.extract(page, favor_recall=True) or ""))
            where["recall lost: never in trafilatura's output"] += len(missing - base) / len(truth)
            where["recall lost: dropped by dipnews' layer"] += len(missing & base) / len(truth)
    for label, value in sorted(where.items()):
        print(f"{label:48} {value / len(pages):.4f}")
    print(f"\n{worst} pages with the lowest F1:")
    for pid, precision, recall in sorted(rows, key=lambda row: _f1(row[1] or 0.0, row[2]))[:worst]:
        print(f"  {pid[:12]:12} P {precision or 0.0:.3f} R {recall:.3f}  {urls[pid]}")


def _in_gold(line: str, truth: set[tuple[str, ...]], gold: str) -> bool:
    """Whether a kept line is the story's: half its 4-grams in the gold text (a shorter line: in it)."""
    own = set(shingles(line))
    if len(next(iter(own), ())) < 4:
        return line.strip() in gold
    return 2 * len(own & truth) >= len(own)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--as-text", action="store_true", help="score the text-page path on text dumps")
    parser.add_argument("--explain", action="store_true", help="where dipnews loses, instead of the table")
    args = parser.parse_args()
    for folder in args.sets:
        if not (folder / "ground-truth.json").is_file() and not any(folder.glob("*/source.html")):
            parser.error(f"{folder} is no evaluation set: no ground-truth.json, no */source.html")
    warnings.simplefilter("ignore")
    logging.getLogger("readability").setLevel(logging.CRITICAL)  # its notes on every page it reads
    for name, raw in (part for folder in args.sets for part in load_sets(folder)):
        pages = [(pid, data.decode("utf-8", "replace"), entry["articleBody"]) for pid, data, entry in raw]
        urls = {pid: entry["url"] for pid, _, entry in raw}
        print(f"\n{name}: {len(pages)} pages" + (" as text dumps" if args.as_text else ""))
        if args.as_text:
            pages = [(pid, as_text_dump(html), gold) for pid, html, gold in pages]
        if args.explain:
            explain(pages, urls, args.as_text)
            continue
        if args.as_text:
            systems = {
                "dipnews (text path)": lambda text: dipnews_body(text.encode("utf-8")),
                "  + site lines of the set": with_site_lines(pages, urls),
                "keep every line": lambda text: text,
            }
        else:
            systems = {
                "dipnews": lambda html: dipnews_body(html.encode("utf-8")),
                "  + site lines of the set": with_site_lines(pages, urls),
                "trafilatura extract()": lambda html: trafilatura.extract(html) or "",
                "trafilatura favor_precision": lambda html: (
                    trafilatura.extract(html, favor_precision=True) or ""
                ),
                # the mode dipnews builds on: the row that shows what dipnews' own layer adds
                "trafilatura favor_recall": lambda html: trafilatura.extract(html, favor_recall=True) or "",
                "readability-lxml": readability_lxml_body,
            }
        entries = {pid: entry for pid, _, entry in raw}
        has_snippets = any(entry.get("with") for entry in entries.values())
        columns = f" {'kept':>6} {'cut':>6}" if has_snippets else ""
        print(f"{'system':30} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}{columns}")
        for name, fn in systems.items():
            p, r, f1, speed, outputs = run(name, fn, pages)
            rates = snippet_rates(outputs, entries)
            snippets = f" {rates[0]:6.3f} {rates[1]:6.3f}" if rates else ""
            print(f"{name:30} {p:6.3f} {r:6.3f} {f1:6.3f} {speed:8.1f}{snippets}")


if __name__ == "__main__":
    main()
