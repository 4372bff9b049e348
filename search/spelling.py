"""Did-you-mean from the dictionary of the index's words (search/backends/whoosh/spellwords.py).

The writer counts each article's words at commit time; a generation of the
index takes up only the words changed since the last one. A word is offered
as a correction only when at least MIN_DOCS articles use it, and a query word
is corrected only when the index does not know it at all: a correctly spelled
word that matches nothing in one field is left alone. Candidates are found by
rapidfuzz's edit distance, in C, over the words of a similar length: a query
that matches nothing costs no more than one that does.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

MIN_DOCS = 2  # a word in fewer articles than this is not offered (it may be a typo itself)


def max_distance(word: str) -> int:
    """Edits allowed: one in a short word, two in a longer one."""
    return 1 if len(word) <= 4 else 2


class SpellingDictionary:
    """The words of an index generation with their article counts, by length for candidate search."""

    def __init__(self, totals: dict[str, int] | None = None, seq: int = 0) -> None:
        self.totals = totals if totals is not None else {}
        self.seq = seq  # the sequence number of the last change taken up
        self._by_length: dict[int, list[str]] | None = None  # built on the first correction asked

    def updated(self, changes: dict[str, int], seq: int) -> SpellingDictionary:
        """The dictionary with new counts for the words that changed (0: no article uses it)."""
        if not changes:
            return self
        totals = {**self.totals, **changes}
        return SpellingDictionary({word: n for word, n in totals.items() if n > 0}, seq)

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
