"""One story, many outlets: near-duplicate groups and story clusters.

- `dup_group`: the same text with small edits (syndicated wire copy): MinHash
  over 5-word shingles, candidates found by LSH band keys, linked when their
  estimated Jaccard similarity is at least DUP_SIMILARITY.
- `story_id`: articles about the same event, even written independently:
  linked when they are near-duplicates, or when they share a primary country,
  fall within STORY_DAYS of each other, and share enough of their specifics
  (people named with a title, figures such as "37 MoUs" or "$1 billion"):
  at least half of the smaller article's, including a person or three figures.

Groups are the connected components of those links, named by their smallest
article id, so the grouping does not depend on the order articles arrive in:
adding an article joins (and may merge) groups, and `dipnews reindex` gives
the same groups.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from indexer.enrich.sentences import sentences

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 similarity share a band
SHINGLE_WORDS = 5
DUP_SIMILARITY = 0.5
STORY_DAYS = 3
STORY_OVERLAP = 0.5  # shared specifics / the smaller article's specifics
_WORD = re.compile(r"\w+")
# a number not glued to a word or a decimal point ("$1.5 billion", not "v2" or ".5"); the
# look-behind stands after the first digit so that the search can skip ahead to digits
_FIGURE = re.compile(
    r"(\d(?<![\w.]\d)[\d,]*(?:\.\d+)?)\s*"
    r"(billion|million|trillion|bn|mn|percent|per\s+cent|%|mous?|memorand\w*|agreements?|years?|km|tonnes?)?",
    re.IGNORECASE,
)
_UNITS = {"bn": "billion", "mn": "million", "per cent": "percent", "%": "percent", "mou": "mous"}


@dataclass
class StoryKey:
    """What an article contributes to grouping: its signature and its specifics."""

    minhash: np.ndarray
    countries: frozenset[str]
    specifics: frozenset[str]
    date: dt.date | None

    def encode(self) -> dict[str, object]:
        return {
            "minhash": base64.b64encode(self.minhash.astype("<u4").tobytes()).decode("ascii"),
            "countries": sorted(self.countries),
            "specifics": sorted(self.specifics),
        }

    @classmethod
    def decode(cls, data: dict, date: dt.date | None) -> StoryKey:
        hashes = np.frombuffer(base64.b64decode(data["minhash"]), dtype="<u4")
        return cls(hashes, frozenset(data["countries"]), frozenset(data["specifics"]), date)


# crc32: a stable 32-bit hash in C, several times faster than datasketch's default sha1
_EMPTY_MINHASH = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)


def signature(body: str) -> np.ndarray:
    words = [w.lower() for w in _WORD.findall(body)]
    shingles = [
        " ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    ]
    minhash = _EMPTY_MINHASH.copy()  # its permutations drawn once, not for every page
    minhash.update_batch(shingles)
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def band_keys(minhash: np.ndarray) -> list[str]:
    """LSH keys: articles sharing one are near-duplicate candidates."""
    rows = NUM_PERM // BANDS
    return [f"b{band}x{minhash[band * rows : (band + 1) * rows].tobytes().hex()}" for band in range(BANDS)]


def story_terms(key: StoryKey) -> list[str]:
    """Index terms that bring grouping candidates together: LSH bands, and country|specific pairs."""
    pairs = [
        f"{country}|{specific}" for country in sorted(key.countries) for specific in sorted(key.specifics)
    ]
    return band_keys(key.minhash) + [pair.replace(",", " ") for pair in pairs]


def figures(text: str) -> set[str]:
    """Numbers with a unit, which identify an event: '37 mous', '1 billion', '23 years'."""
    found = set()
    for match in _FIGURE.finditer(text):
        number = match.group(1).replace(",", "")
        unit = (match.group(2) or "").lower()
        unit = _UNITS.get(unit, unit)
        if unit.startswith("memorand") or unit in ("agreement", "agreements"):
            unit = "mous"
        if unit == "year":
            unit = "years"
        if not unit:
            continue  # bare numbers (years, counts, prices) say little about which event this is
        found.add(f"{number} {unit}".strip())
    return found


def story_key(body: str, countries: list[str], people: list[str], date: dt.date | None) -> StoryKey:
    specifics = {f"person:{name}" for name in people} | {f"figure:{f}" for f in figures(body)}
    return StoryKey(signature(body), frozenset(countries), frozenset(specifics), date)


def near_duplicates(a: StoryKey, b: StoryKey) -> bool:
    return int(np.count_nonzero(a.minhash == b.minhash)) >= DUP_SIMILARITY * len(a.minhash)


def same_story(a: StoryKey, b: StoryKey, duplicates: bool | None = None) -> bool:
    """Whether two keys are one story; `duplicates` is near_duplicates(a, b) when already known."""
    if near_duplicates(a, b) if duplicates is None else duplicates:
        return True
    if not a.countries & b.countries:
        return False
    if a.date and b.date and abs((a.date - b.date).days) > STORY_DAYS:
        return False
    shared = a.specifics & b.specifics
    smaller = min(len(a.specifics), len(b.specifics))
    if len(shared) < max(2, STORY_OVERLAP * smaller):
        return False
    # Figures alone are common ("20 percent" above all); a named person ties an event down.
    people = sum(1 for item in shared if item.startswith("person:"))
    telling = sum(1 for item in shared if item.startswith("figure:") and not item.endswith("percent"))
    return people >= 1 or telling >= 3


class UnionFind:
    """Connected components named by their smallest member."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


def unique_sentences(bodies: dict[str, str]) -> dict[str, list[str]]:
    """For each article, the sentences no other article of its story shares (by their word 5-grams)."""
    shingles = {}
    for key, body in bodies.items():
        words = [w.lower() for w in _WORD.findall(body)]
        shingles[key] = {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    unique = {}
    for key, body in bodies.items():
        others = set().union(*(grams for other, grams in shingles.items() if other != key))
        own = []
        for sentence in sentences(body):
            words = [w.lower() for w in _WORD.findall(sentence)]
            grams = {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
            if grams and len(grams & others) < 0.2 * len(grams):
                own.append(sentence)
        unique[key] = own
    return unique
