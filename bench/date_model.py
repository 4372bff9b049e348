"""Publication dates as a fitted choice among candidates, scored under cross-validation.

dipnews chooses an HTML page's date with `indexer/clean/datechoice.py`: every date the page
offers is a candidate (the date printed by the headline, "updated" or not; JSON-LD
`datePublished`; the meta tags' published date; htmldate's reading of the metadata; the URL's;
the dateline's, its year inferred; the latest in the text), described by its kind, the families
of sources that agree on its day, whether a metadata date is printed where a reader sees it,
whether only a "modified" tag gives it, and whether it is the earliest or the latest. A linear
score picks one, or none when "no date" (its own bias) scores higher. This bench fits the weights
by softmax regression (numpy, gradient descent, L2) and reports, on wcxb-dev-articles (gold
publish_date; pages with none must stay undated) and on the readability-dev pages whose expected
metadata gives a publishedTime:
- the weights dipnews ships (indexer/data/date_weights.json: fitted on all these pages, so a fit);
- the choice k-fold cross-validated (its weights never saw the page they choose for): the figure
  that predicts unseen pages;
- the weights fitted on all pages now (what `--write` ships).

Usage: python bench/date_model.py [--folds 5] [--repeats 3] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer.article import date_options, read_article
from indexer.clean import datechoice
from indexer.clean.dates import parse_dateline
from indexer.clean.decode import decode_bytes
from indexer.clean.htmlpage import clean_html_page
from indexer.clean.pagedate import iso_date
from indexer.errors import DipnewsError

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
WEIGHTS = Path(__file__).resolve().parents[1] / "indexer" / "data" / "date_weights.json"
INGESTED = dt.date(2026, 11, 23)
NAMES = [*datechoice.FEATURES, "no date"]


@dataclass
class Page:
    name: str
    gold: dt.date | None  # None: the page gives no publication date
    dates: datechoice.DateCandidates


def dates_of(html: bytes) -> datechoice.DateCandidates:
    """Every candidate date the page offers, as dipnews collects them."""
    try:
        article = read_article(html, ingested=INGESTED)
    except DipnewsError:
        return datechoice.DateCandidates()
    page = clean_html_page(decode_bytes(html, repair=False))
    dateline = parse_dateline(article.body.split("\n\n")[0])
    return date_options(page.dates, article.url, dateline, article.body, INGESTED)


def options(page: Page) -> tuple[np.ndarray, np.ndarray]:
    """The page's options (candidates, then "no date") as feature rows with a bias column, and
    which of them are right."""
    x = np.asarray(datechoice.features(page.dates), dtype=np.float64).reshape(-1, len(datechoice.FEATURES))
    x = np.hstack([x, np.zeros((len(x), 1))])
    none = np.zeros((1, x.shape[1]))
    none[0, -1] = 1.0  # "no date" is its own bias
    found = page.dates.found
    right = np.asarray([date == page.gold for _, date in found] + [page.gold is None], dtype=bool)
    return np.vstack([x, none]), right


def fit(pages: list[Page], l2: float = 0.01, steps: int = 2000, rate: float = 0.5) -> dict[str, float]:
    """Softmax regression: the weights that make the right options likeliest."""
    data = [options(page) for page in pages]
    data = [(x, right) for x, right in data if right.any()]  # pages no option gets right teach nothing
    weights = np.zeros(len(NAMES))
    for _ in range(steps):
        gradient = l2 * weights
        for x, right in data:
            scores = x @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            target = right / right.sum()
            gradient += x.T @ (p - target) / len(data)
        weights -= rate * gradient
    return {name: round(float(weight), 4) for name, weight in zip(NAMES, weights, strict=True)}


def chosen(page: Page, weights: dict[str, float]) -> dt.date | None:
    choice = datechoice.choose(page.dates, weights)
    return choice[0] if choice else None


def accuracy(pages: list[Page], dates: list[dt.date | None]) -> tuple[float, float, float]:
    """(dated pages right to the day, undated pages left undated, all pages right)."""
    dated = [c == p.gold for p, c in zip(pages, dates, strict=True) if p.gold is not None]
    undated = [c is None for p, c in zip(pages, dates, strict=True) if p.gold is None]
    every = dated + undated
    return (
        sum(dated) / max(len(dated), 1),
        sum(undated) / max(len(undated), 1),
        sum(every) / max(len(every), 1),
    )


def load() -> dict[str, list[Page]]:
    sets: dict[str, list[Page]] = {"wcxb-dev-articles": [], "readability-dev": []}
    folder = EVAL / "wcxb-dev-articles"
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for page_id, entry in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            gold = iso_date(entry.get("publish_date") or None)
            sets["wcxb-dev-articles"].append(
                Page(page_id, gold, dates_of(gzip.decompress(path.read_bytes())))
            )
    for source in sorted((EVAL / "readability-dev").glob("*/source.html")):
        meta = json.loads(source.with_name("expected-metadata.json").read_text("utf-8"))
        if meta.get("publishedTime"):  # else no gold either way: Readability finds no date on many pages
            gold = iso_date(meta["publishedTime"])
            sets["readability-dev"].append(Page(source.parent.name, gold, dates_of(source.read_bytes())))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write the weights fitted on all to {WEIGHTS}")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    sets = load()
    pages = [page for group in sets.values() for page in group]
    reachable = sum(1 for p in pages if p.gold is None or any(d == p.gold for _, d in p.dates.found))
    print(f"{len(pages)} pages; the right answer is among the options on {reachable}")
    cross: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sets}
    for repeat in range(args.repeats):
        order = pages[:]
        random.Random(repeat).shuffle(order)
        picked: dict[str, dt.date | None] = {}
        for fold in range(args.folds):
            test = order[fold :: args.folds]
            weights = fit([p for p in order if p not in test])
            for page in test:
                picked[page.name] = chosen(page, weights)
        for name, group in sets.items():
            cross[name].append(accuracy(group, [picked[p.name] for p in group]))
    whole = fit(pages)
    print(f"{'set':22} {'system':30} {'dated':>7} {'undated':>8} {'all':>6}")
    for name, group in sets.items():
        rows = {
            "shipped weights (a fit)": accuracy(group, [chosen(p, datechoice.weights()) for p in group]),
            f"fitted, {args.folds}-fold CV x{args.repeats}": tuple(np.mean(cross[name], axis=0)),
            "fitted on all now (a fit)": accuracy(group, [chosen(p, whole) for p in group]),
        }
        for system, (dated, undated, every) in rows.items():
            print(f"{name:22} {system:30} {dated:7.1%} {undated:8.1%} {every:6.1%}")
    print("weights (fitted on all now):")
    for name, weight in whole.items():
        print(f"  {name:22} {weight:+.2f}")
    if args.write:
        note = "fitted by bench/date_model.py on wcxb-dev-articles and readability-dev (all pages)"
        WEIGHTS.write_text(json.dumps({"note": note, "weights": whole}, indent=1) + "\n", "utf-8")
        print(f"written to {WEIGHTS}")


if __name__ == "__main__":
    main()
