"""A deterministic synthetic news corpus made of real Reuters-21578 sentences, for scale benchmarks.

Each article is a dateline, a lead that names one or two countries and a
leader, and five to twelve sentences drawn from the 1987 newswire; outlets are
drawn Zipf-like from 300 names, dates spread over ten years, topics from the
IPTC-based slugs. Pages are written as text files with `.meta.json` sidecars
(outlet, date, topics, title), as a user would supply them. The Reuters files
are research-only: they are read from ../shared, never copied into the repository.

Usage: python bench/synthetic_corpus.py OUT_DIR --articles 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import DEFAULT_REUTERS, read_reuters  # type: ignore[import-not-found]  # noqa: E402

OUTLETS = 300
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = 3652  # ten years
TOPICS = (
    "diplomacy,summits,treaties,trade,sanctions,aid,economy,energy,defence,conflict,peace,climate,"
    "agriculture,technology,health,migration,elections,nuclear"
).split(",")
COUNTRIES = (
    "Kazakhstan,Pakistan,China,India,Russia,Turkey,Iran,Japan,Brazil,Germany,France,Egypt,Nigeria,"
    "Indonesia,Mexico,Canada,Australia,Uzbekistan,Saudi Arabia,South Africa,Argentina,Vietnam,Poland,Kenya"
).split(",")
LEADERS = (
    ("President", "Kassym-Jomart Tokayev"),
    ("Prime Minister", "Shehbaz Sharif"),
    ("Foreign Minister", "Ishaq Dar"),
    ("President", "Vladimir Putin"),
    ("Chancellor", "Olaf Scholz"),
    ("President", "Emmanuel Macron"),
    ("Prime Minister", "Narendra Modi"),
    ("President", "Xi Jinping"),
    ("President", "Recep Tayyip Erdogan"),
    ("President", "Shavkat Mirziyoyev"),
    ("Prime Minister", "Fumio Kishida"),
    ("President", "Luiz Inacio Lula"),
)
VERBS = ("met", "hosted", "spoke with", "received", "held talks with", "visited")
_SENTENCE = re.compile(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])")


def reuters_sentences(folder: Path) -> list[str]:
    """Every sentence of 8 to 60 words in the Reuters bodies, whitespace tidied."""
    sentences = []
    for story in read_reuters(folder, None):
        for sentence in _SENTENCE.split(" ".join(story["body"].split())):
            if 8 <= len(sentence.split()) <= 60 and not sentence.isupper():
                sentences.append(sentence)
    return sentences


def outlet_names() -> list[str]:
    return [f"Outlet {i:03d} News" for i in range(OUTLETS)]


def articles(count: int, sentences: list[str], seed: int) -> Iterator[tuple[str, dict[str, object]]]:
    """(text, sidecar) for `count` articles; the same seed gives the same corpus."""
    rng = random.Random(seed)
    outlets = outlet_names()
    weights = [1 / (rank + 1) for rank in range(OUTLETS)]  # Zipf-like
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        role, leader = rng.choice(LEADERS)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        title = rng.choice(sentences).rstrip(".")
        words = title.split()
        title = " ".join(words[: rng.randint(6, 12)])
        verb = rng.choice(VERBS)
        lead = f"{role} {leader} {verb} officials from {b} in {a} on {day:%A}, the ministry said."
        body = [lead] + [rng.choice(sentences) for _ in range(rng.randint(5, 12))]
        if rng.random() < 0.3:
            body.insert(2, f"Trade between {a} and {b} was a main subject of the talks, article {n}.")
        text = f"{title}\n\n{a.upper()}, {day:%B} {day.day} - " + "\n\n".join(body) + "\n"
        sidecar: dict[str, object] = {
            "outlet": rng.choices(outlets, weights)[0],
            "date": day.isoformat(),
            "topics": rng.sample(TOPICS, rng.randint(1, 3)),
            "title": title,
        }
        yield text, sidecar


def write_corpus(out: Path, count: int, seed: int = 7, reuters: Path = DEFAULT_REUTERS) -> int:
    """Write `count` articles into `out` (in folders of 1,000); return how many were written."""
    sentences = reuters_sentences(reuters)
    written = 0
    for n, (text, sidecar) in enumerate(articles(count, sentences, seed)):
        folder = out / f"{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        page = folder / f"{n:07d}.txt"
        page.write_text(text, "utf-8")
        page.with_name(page.name + ".meta.json").write_text(json.dumps(sidecar), "utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS)
    args = parser.parse_args()
    print(f"wrote {write_corpus(args.out, args.articles, args.seed, args.reuters)} articles to {args.out}")


if __name__ == "__main__":
    main()
