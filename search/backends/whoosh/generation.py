"""Generations: each committed state of the index, with what searching it needs.

A Generation is a pool of searchers over exactly its segments, the facet columns
of those segments as numpy arrays (columns.py), and a spelling dictionary
(search/spelling.py). Which documents a query matches is worked out as boolean
masks from term postings, cached by segment (a segment never changes), so facets,
filters, the timeline and story collapse never iterate documents in Python.
"""

from __future__ import annotations

import math
import queue
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh.index import FileIndex, Index
from whoosh.query import And, AndNot, Every, Not, NullQuery, Or, Query, Term
from whoosh.searching import Searcher

from search.backends.whoosh.columns import Columns, SegmentColumns, ValueTable, positions, postings
from search.backends.whoosh.saved_postings import SavedPostings
from search.backends.whoosh.spellwords import SpellingWords
from search.backends.whoosh.storage import stored_fields
from search.parsing import (
    ANALYZER,
    QUERY_FIELDS,
)
from search.spelling import SpellingDictionary

if TYPE_CHECKING:
    pass

BM25_B, BM25_K1 = 0.75, 1.2  # Whoosh's BM25F defaults
POSTINGS_CACHE_IDS = 8_000_000  # document numbers kept in the postings cache (4 bytes each)
LOOK_AGAIN_SECONDS = 1.0  # how long a segment found without saved postings is taken to have none


class PostingsCache:
    """Term postings by segment (documents and weights), as arrays; a segment never changes,
    so neither do they. A frequent word's are mapped from the file saved beside its segment
    (saved_postings.py); others are decoded from Whoosh's and kept, the least recently used
    going when the cache holds too many."""

    def __init__(self, index_dir: Path, budget: int = POSTINGS_CACHE_IDS) -> None:
        self.index_dir = index_dir
        self.budget = budget
        self._held = 0
        self._entries: OrderedDict[tuple[str, str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._saved: dict[str, SavedPostings] = {}
        self._missing: dict[str, float] = {}  # segment id: when its saved postings were not found
        self._lock = threading.Lock()

    def get(self, segment_id: str, reader: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        saved = self._saved_of(segment_id)
        if saved is not None and (found := saved.get(fieldname, text)) is not None:
            return found
        key = (segment_id, fieldname, text)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        if (fieldname, text) in reader:
            found = postings(reader, fieldname, text)
        else:
            found = (np.empty(0, np.int32), np.empty(0, np.float32))
        with self._lock:
            self._entries[key] = found
            self._held += len(found[0]) + 1
            while self._held > self.budget and len(self._entries) > 1:
                _, (dropped, _) = self._entries.popitem(last=False)
                self._held -= len(dropped) + 1
        return found

    def positions(
        self, segment_id: str, reader: Any, fieldname: str, text: bytes, docs: Sequence[int]
    ) -> dict[int, frozenset[int]]:
        """A term's positions in those of `docs` (ascending, of the segment) that hold it: from its
        saved postings when it is a frequent word, else from Whoosh's blocks."""
        saved = self._saved_of(segment_id)
        if saved is not None and (found := saved.positions(fieldname, text, docs)) is not None:
            return found
        ids, _ = self.get(segment_id, reader, fieldname, text)  # scoring the query cached them
        wanted = np.asarray(docs, dtype=ids.dtype)
        at = np.minimum(np.searchsorted(ids, wanted), max(len(ids) - 1, 0))
        holding = wanted[ids[at] == wanted] if len(ids) else wanted[:0]
        return positions(reader, fieldname, text, holding.tolist()) if len(holding) else {}

    def _saved_of(self, segment_id: str) -> SavedPostings | None:
        """The segment's saved postings; looked for again, at most once a second, until they are
        there (segments that Whoosh's own writer made, after a rebuild or an upgrade, get theirs in
        the merge thread after the commit). Looking on every call cost a query on 21 segments
        about 15 ms."""
        saved = self._saved.get(segment_id)
        if saved is not None:
            return saved
        missed = self._missing.get(segment_id)
        if missed is not None and time.monotonic() - missed < LOOK_AGAIN_SECONDS:
            return None
        saved = SavedPostings.open(self.index_dir, segment_id)
        with self._lock:
            if saved is None:
                self._missing[segment_id] = time.monotonic()
                return None
            self._missing.pop(segment_id, None)
            return self._saved.setdefault(segment_id, saved)

    def forget(self, segment_ids: set[str]) -> None:
        """Let go of the maps of segments merged away."""
        with self._lock:
            for segment_id in segment_ids:
                self._saved.pop(segment_id, None)
                self._missing.pop(segment_id, None)


class Generation:
    """One committed state of the index, with what searching it needs."""

    def __init__(
        self,
        index: Index,
        searcher: Searcher,
        columns: Columns,
        spelling: SpellingDictionary,
        segment_ids: list[str],
        postings: PostingsCache,
    ) -> None:
        self.index = index
        self.number = searcher.reader().generation()
        self.columns = columns
        self.spelling = spelling
        self.segment_ids = segment_ids
        self.postings = postings
        self.size = columns.size
        self._segments = [leaf.segment() for leaf, _ in searcher.reader().leaf_readers() if leaf.segment()]
        self._pool: queue.SimpleQueue[Searcher] = queue.SimpleQueue()
        self._pool.put(searcher)
        self._opened = [searcher]
        self._users = 0
        self._retired = False
        self._lock = threading.Lock()
        self.indexed_per_day = columns.facets["day"].counts(columns.live)
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """What `compute` gives, worked out once for this generation (it never changes)."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]
        found = compute()
        with self._lock:
            return self._memo.setdefault(key, found)

    def story_members(self, code: int) -> np.ndarray:
        """The live documents of a story (by its code in the story column), ascending. The column
        is sorted once per generation, when first asked: a page of results no longer makes a mask
        of the whole index for each result's story (half a millisecond each at 150,000)."""
        order, bounds = self.memo("story members", self._stories)
        members = order[bounds[code] : bounds[code + 1]]
        return members[self.columns.live[members]]

    def _stories(self) -> tuple[np.ndarray, np.ndarray]:
        """The documents in order of their story code, and where each code's documents begin."""
        column = self.columns.facets["story"]
        assert column.dense is not None
        order = np.argsort(column.dense, kind="stable")
        bounds = np.searchsorted(column.dense[order], np.arange(len(column.values) + 1))
        return order, bounds

    # -- searchers ---------------------------------------------------------

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A searcher of this generation that no other thread uses meanwhile."""
        try:
            searcher = self._pool.get_nowait()
        except queue.Empty:
            try:
                searcher = self._open_searcher()
            except FileNotFoundError:  # merged away since: wait for a searcher another request holds
                searcher = self._pool.get()
        try:
            yield searcher
        finally:
            self._pool.put(searcher)

    def _open_searcher(self) -> Searcher:
        # A reader over exactly this generation's segments (not the latest commit's), so that
        # document numbers agree with the columns. Its files may be gone if the index has moved
        # on since (FileNotFoundError); the next request reads a new generation.
        reader = FileIndex._reader(self.index.storage, self.index.schema, list(self._segments), self.number)
        searcher = Searcher(reader, fromindex=self.index)
        try:
            open_lazy_files(searcher)
        except FileNotFoundError:
            searcher.close()
            raise
        with self._lock:
            self._opened.append(searcher)
        return searcher

    def enter(self) -> bool:
        """Count a request in; False when the generation was retired meanwhile."""
        with self._lock:
            if self._retired:
                return False
            self._users += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self._users -= 1
            close = self._retired and self._users == 0
        if close:
            self._close()

    def retire(self) -> None:
        """No new requests; the searchers close when the last request using them ends."""
        with self._lock:
            self._retired = True
            close = self._users == 0
        if close:
            self._close()

    def _close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for searcher in opened:
            searcher.close()

    def __del__(self) -> None:
        # A generation dropped with its backend (a test's app, a CLI command) closes its files
        # itself rather than leave them to the garbage collector's warnings.
        self._close()

    # -- which documents match ---------------------------------------------

    def term_postings(self, fieldname: str, text: str | bytes) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """A term's postings in each segment: document numbers (of the generation) and weights."""
        with self.searcher() as searcher:
            key = text if isinstance(text, bytes) else searcher.schema[fieldname].to_bytes(text)
            leaves = searcher.reader().leaf_readers() if self.segment_ids else []
            for (leaf, offset), segment_id in zip(leaves, self.segment_ids, strict=True):
                ids, weights = self.postings.get(segment_id, leaf, fieldname, key)
                yield ids + offset, weights

    def term_docs(self, fieldname: str, text: str | bytes) -> np.ndarray:
        """A mask of the live documents holding a term."""
        mask = np.zeros(self.size, dtype=bool)
        for ids, _ in self.term_postings(fieldname, text):
            mask[ids] = True
        return mask & self.columns.live

    def scores(self, query: Query) -> np.ndarray | None:
        """BM25F scores of every document for the query's title and body words, as Whoosh
        computes them (the words' scores added up), or None when the query has none.

        Numpy over cached postings: a word in 100,000 articles costs a few milliseconds,
        where Whoosh's matchers score one document at a time.
        """
        terms = {(field, text) for field, text in query.iter_all_terms() if field in QUERY_FIELDS}
        if not terms or self.size == 0:
            return None
        scores = np.zeros(self.size, dtype=np.float32)
        for fieldname, text in terms:
            df = 0
            parts = []
            for ids, weights in self.term_postings(fieldname, text):
                df += len(ids)
                parts.append((ids, weights))
            idf = math.log(self.size / (df + 1)) + 1
            average = self.columns.average_lengths[fieldname] or 1
            lengths = self.columns.lengths[fieldname]
            for ids, weights in parts:
                norm = BM25_K1 * ((1 - BM25_B) + BM25_B * lengths[ids] / average)
                scores[ids] += idf * (weights * (BM25_K1 + 1)) / (weights + norm)
        return scores

    def matches(self, query: Query) -> np.ndarray:
        """A mask of the documents a query matches; boolean queries as mask algebra over postings,
        others (phrases, ranges, prefixes) by Whoosh's matchers."""
        live = self.columns.live
        if isinstance(query, Every):
            return live.copy()
        if isinstance(query, Term):
            return self.term_docs(query.fieldname, query.text)
        if isinstance(query, And):
            # the rarest part first: once nothing is left, the other parts are not read at all
            positive = sorted((q for q in query.subqueries if not isinstance(q, Not)), key=self._frequency)
            mask = live.copy()
            for part in positive:
                if not mask.any():
                    return mask
                mask &= self.matches(part)
            for q in query.subqueries:
                if isinstance(q, Not) and mask.any():
                    mask &= ~self.matches(q.query)
            return mask
        if isinstance(query, Or):
            mask = np.zeros(self.size, dtype=bool)
            for q in query.subqueries:
                mask |= self.matches(q)
            return mask
        if isinstance(query, AndNot):
            return self.matches(query.a) & ~self.matches(query.b)
        if isinstance(query, Not):
            return live & ~self.matches(query.query)
        if query is NullQuery:
            return np.zeros(self.size, dtype=bool)
        mask = np.zeros(self.size, dtype=bool)
        with self.searcher() as searcher:
            docs = np.fromiter(searcher.docs_for_query(query), dtype=np.int64)
        mask[docs] = True
        return mask & live

    def _frequency(self, query: Query) -> float:
        """How many documents a query may match, as cheaply as the index tells (for ordering)."""
        if isinstance(query, Term):
            with self.searcher() as searcher:
                return float(searcher.doc_frequency(query.fieldname, query.text))
        if isinstance(query, Or):
            return sum(self._frequency(q) for q in query.subqueries)
        return math.inf

    def knows(self, word: str) -> bool:
        """Whether any title or body holds the word (stemmed as the index stems it)."""
        stems = [token.text for token in ANALYZER(word)]
        if not stems:
            return True  # a stop word: nothing to correct
        with self.searcher() as searcher:
            reader = searcher.reader()
            return all(any((field, stem) in reader for field in QUERY_FIELDS) for stem in stems)


def build_generation(
    ix: Index,
    index_dir: Path,
    segments: dict[str, SegmentColumns],
    postings: PostingsCache,
    old: Generation | None,
    tables: dict[str, ValueTable],
) -> Generation:
    """The latest commit's generation: the columns of segments not in `segments` are read (and
    kept there; those merged away leave it), their values coded in `tables` (kept across
    generations), and the spelling dictionary takes up the new words."""
    searcher = ix.searcher()
    try:
        open_lazy_files(searcher)
        leaves = searcher.reader().leaf_readers()
        parts = []
        segment_ids = []
        for leaf, offset in leaves:
            segment = leaf.segment()
            if segment is None:  # an empty index
                continue
            segment_id = segment.segment_id()
            if segment_id not in segments:
                segments[segment_id] = SegmentColumns.cached(index_dir, segment_id, leaf, QUERY_FIELDS)
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            parts.append((segments[segment_id], offset, deleted, segment_id))
            segment_ids.append(segment_id)
        gone = set(segments) - set(segment_ids)  # merged away
        for segment_id in gone:
            del segments[segment_id]
        postings.forget(gone)
        size = sum(part.size for part, _, _, _ in parts)
        for name, table in list(tables.items()):
            table.forget(gone)
            if table.stale(size):
                tables[name] = ValueTable()  # codes afresh, without the values merged away
        spelling = old.spelling if old is not None else SpellingDictionary()
        try:
            with SpellingWords(index_dir) as words:
                spelling = spelling.updated(*words.changed_since(spelling.seq))
        except sqlite3.Error:  # a read-only index without its words: no did-you-mean
            pass
        columns = Columns.merge(parts, tables)
    except BaseException:
        searcher.close()
        raise
    return Generation(ix, searcher, columns, spelling, segment_ids, postings)


def open_lazy_files(searcher: Searcher) -> None:
    """Open the files Whoosh opens only when first used (stored fields, field lengths) now: a
    merge in another thread or process may remove a segment's files from the folder while this
    searcher reads it, and a file already open stays readable. FileNotFoundError when they are
    gone already (read_index then reads the latest commit)."""
    scorable = searcher.schema.scorable_names()
    for leaf, _ in searcher.reader().leaf_readers():
        if leaf.segment() is None or not leaf.doc_count_all():
            continue
        stored_fields(leaf, 0)
        for name in scorable:
            leaf.doc_field_length(0, name)
