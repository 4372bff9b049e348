"""Metadata benchmark: title, publication date and author accuracy beside trafilatura.

wcxb-dev-articles has gold title, author and publish_date; extraction-dev
pages whose URL states a date (/2019/05/21/) give a gold date. Pages are
extracted without their URL (as a saved page would be), through the product's
own `extract_article`; trafilatura's metadata (htmldate for dates) is scored
on the same pages. Titles are compared after normalising case, punctuation
and spaces; dates to the day; authors by normalised containment. "no date"
counts the wcxb pages whose gold gives no publication date and that were given
none (a date made up from a copyright year or a sidebar is wrong). The same
wcxb pages are also scored as plain-text dumps (the text-page path; trafilatura
reads no metadata from plain text).

readability-dev (and any folder of Mozilla Readability's test pages given on the
command line) is scored against each page's expected-metadata.json: title,
byline (a leading "By" aside; right when one name holds the other, as
Readability's own bylines carry dates and outlets: "by Lucas Nolan22 Dec 2016")
and publishedTime to the day, real sites and fixtures (pages under 10 KB)
apart, as bench/extraction_bench.py splits them. Readability's titles keep the
site name a page's <title> glues on ("Friday Facts #282 | Factorio"), which
dipnews drops on purpose: "headline" also counts a title right when it is the
gold one without that name before or after it.
Usage: python bench/metadata_bench.py [READABILITY_PAGES_DIR ...]
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import warnings
from pathlib import Path

import trafilatura
from extraction_bench import FIXTURE_BYTES, as_text_dump, load_pages  # type: ignore[import-not-found]

from indexer.article import extract_article
from indexer.errors import DipnewsError

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_.]|$)")
_BY = re.compile(r"^(?:written\s+)?by\s+", re.IGNORECASE)
# where a <title> glues the site's name on: "Headline | IAB", "Headline - Medium", "Headline [LWN.net]"
_SITE_GLUE = re.compile(r"\s+(?:[|\u2013\u2014:-]+|::)\s+|_|\s+(?=\[)")


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def ours(data: bytes) -> tuple[str, str | None, str | None]:
    try:
        article = extract_article(data, ingested=dt.date(2026, 11, 23))
    except DipnewsError:
        return "", None, None
    return article.title, article.date.isoformat() if article.date else None, article.byline


def theirs(data: bytes) -> tuple[str, str | None, str | None]:
    document = trafilatura.bare_extraction(data.decode("utf-8", "replace"), with_metadata=True)
    if document is None:
        return "", None, None
    return document.title or "", document.date, document.author


def same_byline(found: str | None, gold: str) -> bool:
    """One name holds the other, "By" aside: Readability's bylines may carry a date or outlet."""
    ours_, truth = norm(_BY.sub("", found or "")), norm(_BY.sub("", gold))
    return bool(ours_) and (ours_ in truth or truth in ours_)


def same_headline(found: str, gold: str) -> bool:
    """The gold title, or the gold title with the site's name glued on before or after it."""
    if not norm(found):
        return False
    parts = _SITE_GLUE.split(gold)
    return any(
        norm(found) == norm(" ".join(parts[i:j]))
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
        if i == 0 or j == len(parts)
    )


def readability_rows(folder: Path, misses: list[str]) -> dict[str, list[tuple[str, str, int]]]:
    """Title, byline and date rows of a folder of Readability's test pages, by part of the set."""
    parts: dict[str, list[tuple[str, str, int]]] = {"real sites": [], "fixtures": []}
    for source in sorted(folder.glob("*/source.html")):
        meta_path = source.with_name("expected-metadata.json")
        if not meta_path.is_file():
            continue
        gold = json.loads(meta_path.read_text("utf-8"))
        data = source.read_bytes()
        rows = parts["fixtures" if len(data) < FIXTURE_BYTES else "real sites"]
        for system, fn in (("dipnews", ours), ("trafilatura", theirs)):
            title, date, author = fn(data)
            checks = []
            if gold.get("title"):
                checks.append(("title", norm(title) == norm(gold["title"]), title, gold["title"]))
                checks.append(("headline", same_headline(title, gold["title"]), title, gold["title"]))
            if gold.get("byline"):
                checks.append(("byline", same_byline(author, gold["byline"]), author, gold["byline"]))
            if gold.get("publishedTime"):
                day = gold["publishedTime"][:10]
                checks.append(("date", (date or "")[:10] == day, date, day))
            for field, ok, found, truth in checks:
                rows.append((field, system, ok))
                if system == "dipnews" and not ok:
                    misses.append(f"{field:6} {folder.name}/{source.parent.name}: {found!r} != {truth!r}")
    return parts


def report(name: str, rows: list[tuple[str, str, int]]) -> None:
    print(f"\n{name}")
    print(f"{'field':10} {'pages':>6} {'dipnews':>8} {'trafilatura':>12}")
    by_field: dict[str, dict[str, tuple[int, int]]] = {}
    for field, system, result in rows:
        hits, total = by_field.setdefault(field, {}).get(system, (0, 0))
        by_field[field][system] = (hits + result, total + 1)
    for field, systems in by_field.items():
        total = systems["dipnews"][1]
        cells = [
            f"{100 * systems[s][0] / max(1, systems[s][1]):7.1f}%" if s in systems else "-"
            for s in ("dipnews", "trafilatura")
        ]
        print(f"{field:10} {total:6} {cells[0]:>8} {cells[1]:>12}")


def main() -> None:
    warnings.simplefilter("ignore")
    rows: list[tuple[str, str, int]] = []
    misses: list[str] = []
    for page_id, data, gold in load_pages(EVAL / "wcxb-dev-articles"):
        for system, fn in (("dipnews", ours), ("trafilatura", theirs)):
            title, date, author = fn(data)
            if gold.get("title"):
                ok = norm(title) == norm(gold["title"])
                rows.append(("title", system, ok))
                if system == "dipnews" and not ok:
                    misses.append(f"title {page_id}: {title!r} != {gold['title']!r}")
            if gold.get("publish_date"):
                ok = (date or "")[:10] == gold["publish_date"][:10]
                rows.append(("date", system, ok))
                if system == "dipnews" and not ok:
                    misses.append(f"date  {page_id}: {date} != {gold['publish_date'][:10]}")
            else:
                rows.append(("no date", system, not date))
            if gold.get("author"):
                rows.append(("author", system, bool(author) and norm(gold["author"]) in norm(author)))
    report("wcxb-dev-articles (gold title, date, author)", rows)
    rows = []
    for _, data, gold in load_pages(EVAL / "wcxb-dev-articles"):
        title, date, author = ours(as_text_dump(data.decode("utf-8", "replace")).encode("utf-8"))
        if gold.get("title"):
            rows.append(("title", "dipnews", norm(title) == norm(gold["title"])))
        if gold.get("publish_date"):
            rows.append(("date", "dipnews", (date or "")[:10] == gold["publish_date"][:10]))
        if gold.get("author"):
            rows.append(("author", "dipnews", bool(author) and norm(gold["author"]) in norm(author)))
    report("wcxb-dev-articles as text dumps (the text-page path)", rows)
    rows = []
    for page_id, data, gold in load_pages(EVAL / "extraction-dev"):
        match = _URL_DATE.search(gold.get("url", ""))
        if not match:
            continue
        try:
            truth = dt.date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            continue
        for system, fn in (("dipnews", ours), ("trafilatura", theirs)):
            date = fn(data)[1]
            rows.append(("date", system, (date or "")[:10] == truth))
            if system == "dipnews" and (date or "")[:10] != truth:
                misses.append(f"date  extraction-dev {page_id}: {date} != {truth}")
    report("extraction-dev pages whose URL states a date (extracted without the URL)", rows)
    for folder in [Path(arg) for arg in sys.argv[1:]] or [EVAL / "readability-dev"]:
        for part, rows in readability_rows(folder, misses).items():
            report(f"{folder.name} ({part}; gold: expected-metadata.json)", rows)
    if misses:
        Path("bench/out").mkdir(parents=True, exist_ok=True)
        Path("bench/out/metadata-misses.txt").write_text("\n".join(misses), "utf-8")
        print(f"\n{len(misses)} misses listed in bench/out/metadata-misses.txt")


if __name__ == "__main__":
    main()
