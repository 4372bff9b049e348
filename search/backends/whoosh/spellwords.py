"""The words of the indexed articles and how many articles use each: the did-you-mean dictionary.

The writer keeps it up to date at each commit, beside the index
(`index/spelling.sqlite`); a searcher reads only the rows changed since it
last looked (each write stamps its rows with a new sequence number). Whoosh
could keep these words in a field of its own, but that field costs a third of
the writer's time; here they cost a word count per article.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from indexer.store.sitelines import use_wal

FILENAME = "spelling.sqlite"
TIMEOUT = 30.0
_WORD = re.compile(r"[^\W\d_]{2,30}")


def article_words(*texts: str) -> set[str]:
    """The distinct lower-cased words (letters only) of an article's title and body."""
    return {word for text in texts for word in _WORD.findall(text.lower())}


class SpellingWords:
    """Words -> number of articles using them, with the sequence number of their last change."""

    def __init__(self, index_dir: Path) -> None:
        Path(index_dir).mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(Path(index_dir) / FILENAME), timeout=TIMEOUT, isolation_level=None)
        use_wal(self.db)
        self.db.execute("CREATE TABLE IF NOT EXISTS word (word TEXT PRIMARY KEY, docs INTEGER, seq INTEGER)")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SpellingWords:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change(self, added: Iterable[set[str]] = (), removed: Iterable[set[str]] = ()) -> None:
        """Count the words of articles added, and uncount those of articles removed or replaced."""
        delta: Counter[str] = Counter()
        for words in added:
            delta.update(words)
        for words in removed:
            delta.subtract(words)
        if not delta:
            return
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            (seq,) = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM word").fetchone()
            self.db.executemany(
                "INSERT INTO word VALUES (?, ?, ?) ON CONFLICT(word) DO UPDATE"
                " SET docs = docs + excluded.docs, seq = excluded.seq",
                [(word, n, seq) for word, n in delta.items() if n],
            )
            self.db.execute("UPDATE word SET docs = 0 WHERE docs < 0 AND seq = ?", (seq,))

    def clear(self) -> None:
        """Forget every word (the index is being rebuilt); sequence numbers keep growing."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("UPDATE word SET docs = 0, seq = (SELECT MAX(seq) + 1 FROM word)")

    def changed_since(self, seq: int) -> tuple[dict[str, int], int]:
        """The words whose count changed after sequence number `seq`, and the latest number."""
        rows = self.db.execute("SELECT word, docs, seq FROM word WHERE seq > ?", (seq,)).fetchall()
        latest = max((row[2] for row in rows), default=seq)
        return {word: docs for word, docs, _ in rows}, latest
