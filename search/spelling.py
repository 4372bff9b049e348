"""Did-you-mean from a dictionary of the index's words, kept per segment as the index changes.

Each segment's unstemmed body words and their document counts are read once,
when the segment first appears (a new commit adds a small one; a merge a
large one); the dictionary of a generation adds up its segments. A word is
offered as a correction only when at least MIN_DOCS articles use it, and a
query word is corrected only when the index does not know it at all: a
correctly spelled word that matches nothing in one field is left alone.
Candidates are found by rapidfuzz's edit distance over words of a similar
length, in C: a query that matches nothing costs no more than one that does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

MIN_DOCS = 2  # a word in fewer articles than this is not offered (it may be a typo itself)
SPELL_FIELD = "spell_body"  # Whoosh keeps the body's unstemmed words here (spelling=True)


def segment_words(reader: Any) -> Counter[str]:
    """One segment's unstemmed body words with the number of documents using each."""
    words: Counter[str] = Counter()
    if SPELL_FIELD not in reader.schema:
        return words
    for term, info in reader.iter_field(SPELL_FIELD):
        words[term.decode("utf-8")] = info.doc_frequency()
    return words


def max_distance(word: str) -> int:
    """Edits allowed: one in a short word, two in a longer one."""
    return 1 if len(word) <= 4 else 2


class SpellingDictionary:
    """The words of an index generation with their document counts, by length for candidate search."""

    def __init__(self, totals: Counter[str] | None = None) -> None:
        self.totals: Counter[str] = totals if totals is not None else Counter()
        self._by_length: dict[int, list[str]] | None = None  # built on the first correction asked

    def updated(self, removed: Iterable[Counter[str]], added: Iterable[Counter[str]]) -> SpellingDictionary:
        """The dictionary after segments left the index (merged or emptied) and others joined it."""
        totals = self.totals.copy()
        for words in removed:
            totals.subtract(words)
        for words in added:
            totals.update(words)
        return SpellingDictionary(+totals)  # unary plus drops the words no segment has any more

    def __len__(self) -> int:
        return sum(1 for n in self.totals.values() if n >= MIN_DOCS)

    def _lengths(self) -> dict[int, list[str]]:
        if self._by_length is None:
            by_length: dict[int, list[str]] = {}
            for word, n in self.totals.items():
                if n >= MIN_DOCS:
                    by_length.setdefault(len(word), []).append(word)
            self._by_length = by_length
        return self._by_length

    def correct(self, word: str) -> str | None:
        """The most used word within the allowed edits of `word` (fewest edits first), or None."""
        word = word.lower()
        limit = max_distance(word)
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            choices = self._lengths().get(length)
            if not choices:
                continue
            found = process.extract(
                word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None
            )
            for candidate, distance, _ in found:
                key = (distance, -self.totals[candidate], candidate)
                if candidate != word and (best is None or key < best):
                    best = key
        return best[2] if best else None
