"""Every field of every dev page's extraction, dumped to compare two versions of the code.

For a change that must not change what dipnews extracts (moving modules, splitting them,
sharing a loop), dump before, dump after, and compare:

    python bench/extraction_dump.py --out /tmp/before.jsonl
    python bench/extraction_dump.py --out /tmp/after.jsonl --compare /tmp/before.jsonl

Pages: the HTML of extraction-dev, wcxb-dev-articles and readability-dev, the same
extraction-dev and wcxb pages as plain-text dumps (inscriptis), and the events-dev texts.
Each line is one page's `Article.to_dict()` (or its error), with the ingest date fixed so
that two runs on different days agree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from indexer.article import extract_article
from indexer.errors import DipnewsError

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
INGESTED = dt.date(2026, 1, 1)


def dev_pages() -> Iterator[tuple[str, bytes]]:
    from inscriptis import get_text

    for name in ("extraction-dev", "wcxb-dev-articles"):
        for path in sorted((EVAL / name / "html").glob("*.html.gz")):
            data = gzip.decompress(path.read_bytes())
            yield f"{name}/{path.name}", data
            text = get_text(data.decode("utf-8", errors="replace"))
            yield f"{name}/{path.name} as text", text.encode("utf-8")
    for path in sorted((EVAL / "readability-dev").glob("*/source.html")):
        yield f"readability-dev/{path.parent.name}", path.read_bytes()
    for path in sorted((EVAL / "events-dev" / "pages").glob("*.txt")):
        yield f"events-dev/{path.name}", path.read_bytes()


def extraction(data: bytes) -> dict:
    try:
        return extract_article(data, ingested=INGESTED).to_dict()
    except DipnewsError as error:
        return {"error": str(error)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier dump: list the pages that differ")
    args = parser.parse_args()
    with args.out.open("w") as out:
        for page, data in dev_pages():
            out.write(json.dumps({"page": page, **extraction(data)}, sort_keys=True) + "\n")
    dumped = [json.loads(line) for line in args.out.read_text().splitlines()]
    print(f"{len(dumped)} pages dumped to {args.out}")
    if not args.compare:
        return 0
    before = {entry["page"]: entry for entry in map(json.loads, args.compare.read_text().splitlines())}
    differ = 0
    for entry in dumped:
        old = before.get(entry["page"])
        if old != entry:
            differ += 1
            fields = sorted(
                key for key in set(entry) | set(old or {}) if (old or {}).get(key) != entry.get(key)
            )
            print(f"differs: {entry['page']}: {', '.join(fields)}")
    missing = set(before) - {entry["page"] for entry in dumped}
    print(f"{differ} of {len(dumped)} pages differ; {len(missing)} missing")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
