"""Publication dates as a fitted choice among candidates, scored under cross-validation.

Every date an HTML page offers is a candidate, with where it comes from: the date printed by
the headline (and whether it is labelled "updated"), the JSON-LD `datePublished`, htmldate's
reading of the metadata, a date in the URL, the dateline (its year inferred), the latest date
in the text. Features: the kind, how many other kinds agree on the same day, whether the
date is after the ingest day or before 1995. A linear score picks one candidate per page, or
none when "no date" scores higher (its own learned bias). Weights are fitted by softmax
regression (numpy, gradient descent, L2) on the pages of the training folds only.

Reported, on wcxb-dev-articles (gold publish_date; pages with none must stay undated) and on
the readability-dev pages whose expected metadata gives a publishedTime:
- dipnews' current choice (the ordered rules of indexer/clean/pagedate.py and
  indexer/article.py, found by reading dev errors: their dev score overstates unseen pages);
- the fitted choice, k-fold cross-validated (its weights never saw the page they choose for);
- the same model fitted on all pages (the fit; an upper bound, like the rules' dev score).

Usage: python bench/date_model.py [--folds 5] [--repeats 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from indexer.article import extract_article
from indexer.clean import extractors
from indexer.clean.dates import find_dates, infer_year, parse_dateline
from indexer.clean.headline import text_around_headline
from indexer.clean.pagedate import headline_date, iso_date, jsonld_published
from indexer.errors import DipnewsError

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
INGESTED = dt.date(2026, 11, 23)
KINDS = ["headline", "headline-updated", "jsonld", "htmldate", "url", "dateline", "text"]
LABELS = [*KINDS, "agreement", "future", "before 1995", "earliest", "latest"]
FEATURES = len(LABELS)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_.]|$)")


@dataclass
class Page:
    name: str
    gold: dt.date | None  # None: the page gives no publication date
    current: dt.date | None  # dipnews' choice today
    candidates: list[tuple[str, dt.date]]


def candidates_of(html: bytes, url: str | None) -> tuple[dt.date | None, list[tuple[str, dt.date]]]:
    """dipnews' current date of a page, and every candidate date the page offers."""
    try:
        article = extract_article(html, ingested=INGESTED)
    except DipnewsError:
        return None, []
    found: list[tuple[str, dt.date]] = []
    tree = extractors.load_html(html.decode("utf-8", "replace"))
    if tree is not None:
        around = text_around_headline(tree, article.title)
        shown = headline_date(around)
        if shown:
            found.append(("headline-updated" if shown.updated else "headline", shown.date))
        if published := jsonld_published(tree):
            found.append(("jsonld", published))
        if guessed := iso_date(extractors.htmldate_guess(tree, article.url)):
            found.append(("htmldate", guessed))
    page_url = url or article.url
    if page_url and (match := _URL_DATE.search(urlsplit(page_url).path)):
        try:
            found.append(("url", dt.date(*(int(g) for g in match.groups()))))
        except ValueError:
            pass
    paragraphs = article.body.split("\n\n")
    in_text = [date for date in find_dates(article.body) if date <= INGESTED]
    dateline = parse_dateline(paragraphs[0]) if paragraphs else None
    if dateline and dateline.month and dateline.day:
        known = [dt.date(dateline.year, 1, 1)] if dateline.year else in_text
        if inferred := infer_year(dateline.month, dateline.day, known, INGESTED):
            found.append(("dateline", inferred))
    if in_text:
        found.append(("text", max(in_text)))
    return article.date, found


def features(candidates: list[tuple[str, dt.date]]) -> np.ndarray:
    """One row per candidate: its kind (one-hot), agreement, future, before 1995."""
    rows = []
    days = [date for _, date in candidates]
    for kind, date in candidates:
        agree = sum(1 for other, day in candidates if day == date and other != kind)
        row = [1.0 if kind == k else 0.0 for k in KINDS]
        row += [min(agree, 3) / 3, 1.0 if date > INGESTED else 0.0, 1.0 if date.year < 1995 else 0.0]
        row += [1.0 if date == min(days) else 0.0, 1.0 if date == max(days) else 0.0]
        rows.append(row)
    return np.asarray(rows, dtype=np.float64).reshape(len(candidates), FEATURES)


def options(page: Page) -> tuple[np.ndarray, np.ndarray]:
    """The page's options (candidates, then "no date") as features with a bias column, and
    which of them are right."""
    x = features(page.candidates)
    x = np.hstack([x, np.zeros((len(x), 1))])
    none = np.zeros((1, x.shape[1]))
    none[0, -1] = 1.0  # "no date" is its own bias
    right = np.asarray([date == page.gold for _, date in page.candidates] + [page.gold is None], dtype=bool)
    return np.vstack([x, none]), right


def fit(pages: list[Page], l2: float = 0.01, steps: int = 400, rate: float = 0.5) -> np.ndarray:
    data = [options(page) for page in pages]
    data = [(x, right) for x, right in data if right.any()]  # pages no option gets right teach nothing
    weights = np.zeros(FEATURES + 1)
    for _ in range(steps):
        gradient = l2 * weights
        for x, right in data:
            scores = x @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            target = right / right.sum()
            gradient += x.T @ (p - target) / len(data)
        weights -= rate * gradient
    return weights


def choose(page: Page, weights: np.ndarray) -> dt.date | None:
    x, _ = options(page)
    best = int(np.argmax(x @ weights))
    return page.candidates[best][1] if best < len(page.candidates) else None


def accuracy(pages: list[Page], chosen: list[dt.date | None]) -> tuple[float, float, float]:
    """(dated pages right to the day, undated pages left undated, all pages right)."""
    dated = [c == p.gold for p, c in zip(pages, chosen, strict=True) if p.gold is not None]
    undated = [c is None for p, c in zip(pages, chosen, strict=True) if p.gold is None]
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
        if not path.exists():
            continue
        gold = iso_date(entry.get("publish_date") or None)
        current, found = candidates_of(gzip.decompress(path.read_bytes()), None)
        sets["wcxb-dev-articles"].append(Page(page_id, gold, current, found))
    for source in sorted((EVAL / "readability-dev").glob("*/source.html")):
        meta = json.loads(source.with_name("expected-metadata.json").read_text("utf-8"))
        if not meta.get("publishedTime"):
            continue  # no gold either way: Readability finds no date on many pages that print one
        current, found = candidates_of(source.read_bytes(), None)
        sets["readability-dev"].append(
            Page(source.parent.name, iso_date(meta["publishedTime"]), current, found)
        )
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    sets = load()
    pages = [page for group in sets.values() for page in group]
    reachable = sum(1 for p in pages if p.gold is None or any(d == p.gold for _, d in p.candidates))
    print(f"{len(pages)} pages; the right answer is among the options on {reachable}")
    cross: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sets}
    for repeat in range(args.repeats):
        order = pages[:]
        random.Random(repeat).shuffle(order)
        chosen: dict[str, dt.date | None] = {}
        for fold in range(args.folds):
            test = order[fold :: args.folds]
            weights = fit([p for p in order if p not in test])
            for page in test:
                chosen[page.name] = choose(page, weights)
        for name, group in sets.items():
            cross[name].append(accuracy(group, [chosen[p.name] for p in group]))
    whole = fit(pages)
    print(f"{'set':22} {'system':28} {'dated':>7} {'undated':>8} {'all':>6}")
    for name, group in sets.items():
        rows = {
            "dipnews rules (dev score)": accuracy(group, [p.current for p in group]),
            f"fitted, {args.folds}-fold CV": tuple(np.mean(cross[name], axis=0)),
            "fitted on all (the fit)": accuracy(group, [choose(p, whole) for p in group]),
        }
        for system, (dated, undated, every) in rows.items():
            print(f"{name:22} {system:28} {dated:7.1%} {undated:8.1%} {every:6.1%}")
    print("weights (fitted on all):")
    for label, weight in zip([*LABELS, "no date"], whole, strict=True):
        print(f"  {label:18} {weight:+.2f}")


if __name__ == "__main__":
    main()
