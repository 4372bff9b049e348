"""The Whoosh backend: the embedded default engine, reading and writing one index directory.

Reads never wait for each other. Each committed state of the index is a
Generation: a pool of searchers over exactly its segments, the facet columns
of those segments as numpy arrays (search/backends/whoosh/columns.py), and a spelling
dictionary (search/spelling.py). A request takes the current generation and
one searcher from its pool; when the index changes, one thread builds the
next generation (reading only the segments it has not seen) while the others
go on with the old one, then it is swapped in. Which documents a query
matches is worked out as boolean masks from term postings, cached by segment
(a segment never changes), so facets, filters, the timeline and story
collapse never iterate documents in Python. Whoosh itself ranks the page of
results, reads stored fields and highlights.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import queue
import re
import sqlite3
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import highlight
from whoosh.index import FileIndex, Index
from whoosh.query import And, AndNot, Every, Not, NullQuery, Or, Query, Term
from whoosh.searching import Searcher

from indexer.article import EXTRACTOR_VERSION
from indexer.enrich.outlets import outlet_by_name
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from search.backends.whoosh import writer
from search.backends.whoosh.columns import Columns, SegmentColumns, column_cache, postings
from search.backends.whoosh.spellwords import SpellingWords
from search.backends.whoosh.storage import read_index, stored_fields
from search.parsing import (
    ANALYZER,
    QUERY_FIELDS,
    SNIPPET_CHARS,
    correctable,
    lead_snippet,
    mark_words,
    parse_query,
    phrase_words,
    query_words,
    with_corrections,
)
from search.query import QueryText, SearchRequest
from search.results import SUGGEST_BELOW, Hit, SearchResult, StorySummary
from search.spelling import SpellingDictionary

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from indexer.article import Article

PHRASE_BOOST = 2.0  # a result holding a plain query's words side by side scores this much more
PHRASE_CANDIDATES = 50  # the best-scored results looked at for the words side by side
BM25_B, BM25_K1 = 0.75, 1.2  # Whoosh's BM25F defaults
HIGHLIGHT_WINDOW = 4000  # characters of a body analysed for its snippet, around the first matches
POSTINGS_CACHE_IDS = 8_000_000  # document numbers kept in the postings cache (4 bytes each)
DATE_SORT_HEADROOM = 4  # date-ordered pages take this many times the documents they show, then more


class PostingsCache:
    """Term postings by segment (documents and weights), as arrays; a segment never changes,
    so neither do they. The least recently used go when the cache holds too many."""

    def __init__(self, budget: int = POSTINGS_CACHE_IDS) -> None:
        self.budget = budget
        self._held = 0
        self._entries: OrderedDict[tuple[str, str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, segment_id: str, reader: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
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


class WhooshBackend:
    """Searches and writes one Whoosh index directory; safe to share between threads."""

    name = "whoosh"

    def __init__(self, index_dir: Path, facet_seconds: float = 0.5) -> None:
        self.index_dir = Path(index_dir)
        self.facet_seconds = facet_seconds
        self._generation: Generation | None = None
        self._build_lock = threading.Lock()  # one thread builds the next generation
        self._segments: dict[str, SegmentColumns] = {}
        self._postings = PostingsCache()
        self._merge_lock = threading.Lock()
        self._merging: threading.Thread | None = None
        self._merge_again = False

    # -- generations -------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Generation | None]:
        """The generation to read (None when there is no index yet), held for the request."""
        while True:
            generation = self._current()
            if generation is None or generation.enter():
                break
        try:
            yield generation
        finally:
            if generation is not None:
                generation.leave()

    def _current(self) -> Generation | None:
        generation = self._generation
        if generation is not None and not self._changed(generation):
            return generation
        # Another thread building the next generation: read the one we have meanwhile.
        if not self._build_lock.acquire(blocking=generation is None):
            return generation
        try:
            if self._generation is not None and not self._changed(self._generation):
                return self._generation
            fresh = read_index(self.index_dir, self._build)
            old, self._generation = self._generation, fresh
            if old is not None:
                old.retire()
            return fresh
        finally:
            self._build_lock.release()

    @staticmethod
    def _changed(generation: Generation) -> bool:
        return bool(generation.index.latest_generation() != generation.number)

    def close(self) -> None:
        """Close the index files this backend holds open (it opens them again when next asked),
        once a merge it runs has finished."""
        merging = self._merging
        if merging is not None and merging is not threading.current_thread():
            merging.join()
        generation, self._generation = self._generation, None
        if generation is not None:
            generation.retire()

    def refresh(self) -> None:
        """Take up the latest commit now (after a write of this process), if this backend reads."""
        if self._generation is not None:
            self._current()

    def _build(self, ix: Index) -> Generation:
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
                if segment_id not in self._segments:
                    self._segments[segment_id] = SegmentColumns.cached(
                        self.index_dir, segment_id, leaf, QUERY_FIELDS
                    )
                deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
                parts.append((self._segments[segment_id], offset, deleted))
                segment_ids.append(segment_id)
            for gone in set(self._segments) - set(segment_ids):  # merged away
                del self._segments[gone]
            old = self._generation
            spelling = old.spelling if old is not None else SpellingDictionary()
            try:
                with SpellingWords(self.index_dir) as words:
                    spelling = spelling.updated(*words.changed_since(spelling.seq))
            except sqlite3.Error:  # a read-only index without its words: no did-you-mean
                pass
            columns = Columns.merge(parts)
        except BaseException:
            searcher.close()
            raise
        return Generation(ix, searcher, columns, spelling, segment_ids, self._postings)

    # -- reading -----------------------------------------------------------

    def parse(self, raw: str) -> tuple[Query, QueryText]:
        return parse_query(raw)

    def search(self, request: SearchRequest) -> SearchResult:
        query, text = self.parse(request.q)
        with self._reading() as generation:
            if generation is None:
                return SearchResult(request, 0, [], {name: {} for name in (*_facet_names(), "date")})
            return self._search(generation, request, query, text)

    def _search(self, gen: Generation, request: SearchRequest, query: Query, text: QueryText) -> SearchResult:
        columns = gen.columns
        base = gen.matches(query)
        filters = self._filters(request, gen)
        matched = _all_of(base, filters.values())
        counts: dict[str, dict[str, int]] = {name: {} for name in (*_facet_names(), "date")}
        incomplete: list[str] = []
        deadline = time.perf_counter() + self.facet_seconds
        for spec in VALUE_FACETS:
            if time.perf_counter() > deadline:  # one slow facet never fails the page
                incomplete.append(spec.name)
                continue
            # Disjunctive facets: a facet's counts ignore their own selection (unless ANDed).
            own = spec.name == "country" and request.all_countries
            docs = _all_of(base, [f for n, f in filters.items() if own or n != spec.name])
            column = columns.facets[spec.name]
            counts[spec.name] = column.counts(docs)
            if spec.unknown_label and (missing := int((docs & ~column.with_any(gen.size)).sum())):
                counts[spec.name][UNKNOWN] = missing
        day = columns.facets["day"]
        dated_base = _all_of(base, [f for n, f in filters.items() if n != "date"])
        counts["date"] = day.counts(dated_base)
        undated = int(dated_base.sum()) - sum(counts["date"].values())
        timeline = counts["date"] if "date" not in filters else day.counts(matched)
        relaxations = {}
        total = int(matched.sum())
        if not total and filters:
            for name in filters:
                relaxations[name] = int(_all_of(base, [f for n, f in filters.items() if n != name]).sum())
        hits = self._page(gen, query, base, matched, request)
        suggestion = self._suggest(gen, query, text) if total < SUGGEST_BELOW else None
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            counts=counts,
            undated=undated,
            interpreted=text.text if not isinstance(query, Every) else "",
            notes=text.notes,
            timeline=timeline,
            stories=_story_count(columns, matched),
            indexed_per_day=gen.indexed_per_day,
            incomplete=incomplete,
            suggestion=suggestion,
            relaxations=relaxations,
        )

    def suggest(self, raw_query: str) -> str | None:
        """The query with misspelt words replaced by indexed ones, or None when none is misspelt."""
        query, text = self.parse(raw_query)
        with self._reading() as generation:
            return None if generation is None else self._suggest(generation, query, text)

    def _suggest(self, gen: Generation, query: Query, text: QueryText) -> str | None:
        if isinstance(query, Every):
            return None
        corrections = {}
        for i, word in correctable(text.text).items():
            correction = None if gen.knows(word) else gen.spelling.correct(word)
            if correction:
                corrections[i] = correction
        return with_corrections(text.text, corrections)

    def _filters(self, request: SearchRequest, gen: Generation) -> dict[str, np.ndarray]:
        """A mask for each active facet: values of one facet are ORed, facets ANDed."""
        columns = gen.columns
        filters: dict[str, np.ndarray] = {}
        for spec in VALUE_FACETS:
            selected: tuple[str, ...] = getattr(request, spec.attribute)
            if not selected:
                continue
            column = columns.facets[spec.name]
            masks = [
                ~column.with_any(gen.size) & columns.live
                if value == UNKNOWN
                else column.having([spec.index_value(value)], gen.size)
                for value in selected
            ]
            and_mode = spec.name == "country" and request.all_countries
            combined = masks[0]
            for mask in masks[1:]:
                combined = combined & mask if and_mode else combined | mask
            filters[spec.name] = combined
        if request.date_from or request.date_to or request.undated:
            mask = np.zeros(gen.size, dtype=bool)
            if request.date_from or request.date_to:
                start = request.date_from.isoformat() if request.date_from else None
                end = request.date_to.isoformat() if request.date_to else None
                mask |= columns.day_range(start, end)
            if request.undated:
                mask |= ~columns.facets["day"].with_any(gen.size)
            filters["date"] = mask
        return filters

    def _page(
        self, gen: Generation, query: Query, base: np.ndarray, matched: np.ndarray, request: SearchRequest
    ) -> list[Hit]:
        start = (request.page - 1) * request.page_size
        end = start + request.page_size
        total = int(matched.sum())
        if not total or start >= total:
            return []
        story = gen.columns.facets["story"].dense
        assert story is not None
        collapse = story if request.collapse else None
        with gen.searcher() as searcher:
            shown = _ordered(gen, searcher, query, base, matched, request.sort, end, collapse)[start:end]
            terms = query_words(query)
            hits = [_hit(searcher.stored_fields(doc), terms) for doc in shown]
        for hit, doc in zip(hits, shown, strict=True):
            hit.story = self._story_summary(gen, doc, matched)
        return hits

    def _story_summary(self, gen: Generation, docnum: int, matched: np.ndarray) -> StorySummary | None:
        columns = gen.columns
        story_column = columns.facets["story"]
        assert story_column.dense is not None
        code = int(story_column.dense[docnum])
        if code < 0:
            return None
        story = story_column.values[code]
        members = np.flatnonzero(gen.term_docs("story_id", story))
        if not len(members):
            members = np.asarray([docnum])
        outlet = columns.facets["outlet"]
        assert outlet.dense is not None
        outlet_codes = outlet.dense[members]
        outlets = {outlet.values[c] for c in outlet_codes[outlet_codes >= 0].tolist()}
        day = columns.facets["day"]
        assert day.dense is not None
        days = day.dense[members]
        first_outlet = first_date = None
        dated = [
            (int(d), int(o) < 0, int(doc))
            for d, o, doc in zip(days.tolist(), outlet_codes.tolist(), members.tolist(), strict=True)
            if d >= 0
        ]
        if dated:
            first_day, _, first_doc = min(dated)
            first_date = day.values[first_day]
            first_code = int(outlet.dense[first_doc])
            first_outlet = outlet.values[first_code] if first_code >= 0 else None
        wires = sorted(name for name in outlets if (o := outlet_by_name(name)) and o.type == "wire agency")
        return StorySummary(
            id=story,
            size=int(matched[members].sum()),
            outlets=len(outlets),
            first_outlet=first_outlet,
            first_date=first_date,
            wire_origin=wires[0] if wires else None,
        )

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        """Up to `limit` matching articles in the request's order, without snippets (for CSV),
        and how many match in all."""
        query, _ = self.parse(request.q)
        with self._reading() as gen:
            if gen is None:
                return [], 0
            base = gen.matches(query)
            matched = _all_of(base, self._filters(request, gen).values())
            with gen.searcher() as searcher:
                docs = _ordered(gen, searcher, query, base, matched, request.sort, limit, None)
                stored = [searcher.stored_fields(doc) for doc in docs[:limit]]
            total = int(matched.sum())
        return [Hit(f["id"], f["title"], "", json.loads(f["meta"])) for f in stored], total

    def story(self, story_id: str) -> list[dict[str, Any]]:
        """Every article of a story, oldest first (undated last), with stored text and metadata."""
        with self._reading() as gen:
            if gen is None:
                return []
            members = gen.term_docs("story_id", story_id)
            docs = _by_date(members, gen.columns, newest=False, enough=int(members.sum()))
            with gen.searcher() as searcher:
                stored = [searcher.stored_fields(doc) for doc in docs]
        return [_article_of(fields) for fields in stored]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored fields (title, body and metadata), or None."""
        with self._reading() as gen:
            if gen is None:
                return None
            with gen.searcher() as searcher:
                fields = searcher.document(id=article_id)
        return _article_of(fields) if fields is not None else None

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one (more-like-this over the body's key terms)."""
        with self._reading() as gen:
            if gen is None:
                return []
            with gen.searcher() as searcher:
                docnum = searcher.document_number(id=article_id)
                if docnum is None:
                    return []
                hits = searcher.more_like(docnum, "body", top=limit, numterms=12)
                return [Hit(h["id"], h["title"], "", json.loads(h["meta"]), h.score) for h in hits]

    def highlight(self, text: str, raw_query: str) -> str:
        """The text as HTML (escaped) with the query's terms marked, for the article page."""
        return mark_words(text, parse_query(raw_query)[0])

    def stats(self) -> dict[str, Any]:
        """Document count and how many documents have each kind of metadata."""
        with self._reading() as gen:
            if gen is None:
                return {"documents": 0}
            with gen.searcher() as searcher:
                metas = [json.loads(f["meta"]) for f in searcher.all_stored_fields()]
            columns = gen.columns
            live = columns.live
            dated = int((columns.facets["day"].with_any(gen.size) & live).sum())
            having = {
                spec.name: int((columns.facets[spec.name].with_any(gen.size) & live).sum())
                for spec in VALUE_FACETS
            }
        total = len(metas)

        def tally(key: str) -> dict[str, int]:
            out = Counter(str(meta.get(key) or "none") for meta in metas)
            return dict(out.most_common())

        return {
            "backend": self.name,
            "documents": total,
            "with_date": dated,
            "undated": total - dated,
            **{f"with_{name}": count for name, count in having.items()},
            "fallback_extractions": sum(1 for m in metas if m.get("fallback")),
            "site_chrome_dropped": sum(1 for m in metas if m.get("site_chrome")),
            # extracted by an older dipnews: `dipnews reindex` extracts them again
            "older_extraction": sum(1 for m in metas if m.get("extractor_version", 0) < EXTRACTOR_VERSION),
            "date_sources": tally("date_source"),
            "outlet_sources": tally("outlet_source"),
            "title_sources": tally("title_source"),
            "kinds": tally("kind"),
        }

    # -- writing -----------------------------------------------------------

    def write(
        self, articles: Iterable[Article], *, clear: bool = False, progress: Callable[[], None] | None = None
    ) -> int:
        """Add or replace (by id) articles in one commit; with `clear`, replace the whole index."""
        count = writer.write_articles(self.index_dir, articles, clear=clear, progress=progress)
        self._columns_of_new_segments()
        self.refresh()
        self._merge_soon()
        return count

    @property
    def merging(self) -> bool:
        """Whether a merge of segments is running in this process (`close` waits for it)."""
        return self._merging is not None

    def _merge_soon(self) -> None:
        """Merge segments in a thread of this process: a write returns as soon as its articles
        are searchable, and no other write waits for the merge (search/backends/whoosh/segments.py)."""
        with self._merge_lock:
            if self._merging is not None:
                self._merge_again = True  # the running merge looks once more before it ends
                return
            self._merging = threading.Thread(target=self._merge, name="dipnews-merge", daemon=True)
            self._merging.start()

    def _merge(self) -> None:
        while True:
            try:
                if writer.merge_segments(self.index_dir):
                    self._columns_of_new_segments()
                    self.refresh()
            except Exception:  # the segments stay as they were; the next write tries again
                log.exception("merging the index's segments failed")
            with self._merge_lock:
                if not self._merge_again:
                    self._merging = None
                    return
                self._merge_again = False

    def _columns_of_new_segments(self) -> None:
        """Save the columns of the segments the last commit wrote, while they are in the page cache,
        so that no search pays for reading them."""

        def save(ix: Index) -> None:
            with ix.reader() as reader:
                for leaf, _ in reader.leaf_readers():
                    segment = leaf.segment()
                    if segment is None or column_cache(self.index_dir, segment.segment_id()).exists():
                        continue
                    SegmentColumns.cached(self.index_dir, segment.segment_id(), leaf, QUERY_FIELDS)

        read_index(self.index_dir, save)

    def delete(self, article_id: str) -> bool:
        """Remove an article (its groups are worked out again among their other members)."""
        deleted = writer.delete_article(self.index_dir, article_id)
        self.refresh()
        self._merge_soon()
        return deleted

    def indexed_ids(self) -> set[str]:
        return writer.indexed_ids(self.index_dir)

    def is_indexed(self, article_id: str) -> bool:
        return writer.is_indexed(self.index_dir, article_id)

    def spell_people(self, articles: list[Article]) -> None:
        """Spell people as the index already does (for `dipnews extract`), writing nothing."""
        writer.spell_people_as_indexed(self.index_dir, articles)

    def schema_is_current(self) -> bool:
        return writer.schema_is_current(self.index_dir)

    def optimize(self) -> int:
        """Merge every segment into one."""
        documents = writer.optimize(self.index_dir)
        self.refresh()
        return documents


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


def _ordered(
    gen: Generation,
    searcher: Searcher,
    query: Query,
    base: np.ndarray,
    matched: np.ndarray,
    sort: str,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """The first `enough` matched documents in the order asked for (one per story when `story`
    is given): by score in numpy, by Whoosh for a query with no word to score, or by date."""
    scores = gen.scores(query) if sort == "relevance" else None
    if scores is not None:
        return _by_score(searcher, query, scores, matched, enough, story)
    if sort == "relevance" and not isinstance(query, Every):
        return _whoosh_ranked(searcher, query, base, matched, enough, story)
    return _by_date(matched, gen.columns, newest=sort != "oldest", enough=enough, story=story)


def _by_score(
    searcher: Searcher,
    query: Query,
    scores: np.ndarray,
    matched: np.ndarray,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """The first `enough` matched documents by score (one per story when `story` is given);
    of a plain query of several words, the best scored holding the words side by side first."""
    docs = np.flatnonzero(matched)
    values = scores[docs]
    words = phrase_words(query)
    take = max(enough * (2 if story is not None else 1), PHRASE_CANDIDATES if words else 0, 1)
    while True:
        if take >= len(docs):
            order = np.lexsort((docs, -values))
        else:
            part = np.argpartition(-values, take)[:take]
            order = part[np.lexsort((docs[part], -values[part]))]
        ranked = [(int(docs[i]), float(values[i])) for i in order]
        if words:  # the best scored only, on every page and in exports alike
            best = ranked[:PHRASE_CANDIDATES]
            together = _holding_phrase(searcher, words, sorted(doc for doc, _ in best))
            boosted = [(doc, score * (1 + PHRASE_BOOST) if doc in together else score) for doc, score in best]
            ranked = sorted(boosted, key=lambda pair: -pair[1]) + ranked[PHRASE_CANDIDATES:]
        result = [doc for doc, _ in ranked]
        if story is not None:
            result = _first_of_each_story(result, story, enough)
        if len(result) >= enough or take >= len(docs):
            return result[:enough]
        take *= 4


def _whoosh_ranked(
    searcher: Searcher,
    query: Query,
    base: np.ndarray,
    matched: np.ndarray,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """Whoosh's own ranking, for a query with no title or body word to score (`topic:trade`)."""
    # Without facet filters, no filter set: Whoosh can then skip low-scoring blocks.
    narrowed = set(np.flatnonzero(matched).tolist()) if int(matched.sum()) < int(base.sum()) else None
    limit = enough * 2 if story is not None else enough
    while True:
        results = searcher.search(query, filter=narrowed, limit=limit)
        ranked = [hit.docnum for hit in itertools.islice(results, limit)]  # len() would count every match
        if story is not None:
            ranked = _first_of_each_story(ranked, story, enough)
        if len(ranked) >= enough or len(results.top_n) < limit:
            return ranked[:enough]
        limit *= 4


def _hit(fields: dict[str, Any], terms: frozenset[str]) -> Hit:
    """A result: stored fields, and a snippet around the query's words in the body."""
    body = fields["body"]
    snippet = _snippet(body, terms) if terms else ""
    if not snippet:
        snippet = lead_snippet(body)
    return Hit(fields["id"], fields["title"], snippet, json.loads(fields["meta"]))


def _snippet(body: str, terms: frozenset[str]) -> str:
    """Up to two fragments of the body with the words marked, from a window around their first
    occurrences: a long body is not analysed whole for a snippet of 240 characters."""
    stems = sorted((re.escape(term) for term in terms), key=len, reverse=True)
    first = re.search(rf"\b(?:{'|'.join(stems)})", body, re.IGNORECASE) if stems else None
    begin = max(0, first.start() - SNIPPET_CHARS) if first else 0
    window = body[begin : begin + HIGHLIGHT_WINDOW]
    if begin:  # start on a whole word
        window = window[window.find(" ") + 1 :]
    return str(
        highlight.highlight(
            window,
            terms,
            ANALYZER,
            WholeWordFragmenter(maxchars=SNIPPET_CHARS, surround=80),
            highlight.HtmlFormatter(tagname="mark", between=" … "),
            top=2,
        )
    )


def _holding_phrase(searcher: Searcher, words: list[str], docs: list[int]) -> set[int]:
    found: set[int] = set()
    for leaf, offset in searcher.reader().leaf_readers():
        local = [doc - offset for doc in docs if offset <= doc < offset + leaf.doc_count_all()]
        for fieldname in QUERY_FIELDS if local else ():
            if not all((fieldname, word) in leaf for word in words):
                continue
            matchers = [leaf.postings(fieldname, word) for word in words]
            for doc in local:
                positions = []
                for matcher in matchers:
                    if matcher.is_active():
                        matcher.skip_to(doc)
                    if not matcher.is_active() or matcher.id() != doc:
                        break
                    positions.append(set(matcher.value_as("positions")))
                else:
                    if _consecutive(positions):
                        found.add(doc + offset)
    return found


def _consecutive(positions: list[set[int]]) -> bool:
    """Whether the words, at these positions each, stand side by side in order somewhere."""
    return any(all(start + i in later for i, later in enumerate(positions)) for start in positions[0])


class WholeWordFragmenter(highlight.ContextFragmenter):
    """Whoosh's snippets around the matches, starting and ending on whole words.

    The analyzer splits "Pakistan’s" into two tokens, so a snippet could start
    at "s President ..."; it now starts after the space before the next word.
    """

    def fragment_tokens(self, text: str, tokens: Any) -> Iterable[Any]:
        for fragment in super().fragment_tokens(text, tokens):
            if not fragment.matches:  # Whoosh's fragment for a match longer than maxchars
                yield fragment
                continue
            start, end = fragment.startchar, fragment.endchar
            if start > 0 and _in_word(text[start - 1]):
                space = text.find(" ", start, fragment.matches[0].startchar)
                fragment.startchar = space + 1 if space >= 0 else start
            if end < len(text) and _in_word(text[end]):
                space = text.rfind(" ", fragment.matches[-1].endchar, end)
                fragment.endchar = space if space >= 0 else end
            yield fragment


def _in_word(char: str) -> bool:
    """Whether a cut next to `char` would split a word ("Pakistan|’s", "Kassym-|Jomart")."""
    return char.isalnum() or char in "'’-"


def _facet_names() -> list[str]:
    return [spec.name for spec in VALUE_FACETS]


def _all_of(base: np.ndarray, masks: Iterable[np.ndarray]) -> np.ndarray:
    result = base
    for mask in masks:
        result = result & mask
    return result


def _story_count(columns: Columns, matched: np.ndarray) -> int:
    """Distinct stories among the matched documents (a document with no story is its own)."""
    story = columns.facets["story"].dense
    assert story is not None
    codes = story[matched]
    return int(len(np.unique(codes[codes >= 0])) + (codes < 0).sum())


def _first_of_each_story(ordered: Iterable[int], story: np.ndarray, enough: int) -> list[int]:
    """The first document of each story, in order, until there are `enough`."""
    seen: set[int] = set()
    out = []
    for doc in ordered:
        code = int(story[doc])
        key = code if code >= 0 else -1 - doc
        if key not in seen:
            seen.add(key)
            out.append(doc)
            if len(out) >= enough:
                break
    return out


def _by_date(
    matched: np.ndarray, columns: Columns, newest: bool, enough: int, story: np.ndarray | None = None
) -> list[int]:
    """The first `enough` matched documents by date (one per story when `story` is given);
    undated ones come last whichever way dates are sorted.

    Only a few times `enough` documents are sorted (argpartition picks them), more when
    collapsing stories leaves too few.
    """
    day = columns.facets["day"].dense
    assert day is not None
    docs = np.flatnonzero(matched)
    days = day[docs].astype(np.int64)
    # one key orders dated documents (by day, then document number) and puts undated ones last
    span = len(docs) + 1
    rank = np.arange(len(docs), dtype=np.int64)
    dated_keys = days * span + rank
    keys = np.where(days >= 0, -dated_keys if newest else dated_keys, np.iinfo(np.int64).max - span + rank)
    take = max(enough, 1) * DATE_SORT_HEADROOM
    while True:
        if take >= len(docs):
            ordered = docs[np.argsort(keys, kind="stable")]
        else:
            part = np.argpartition(keys, take)[:take]
            ordered = docs[part[np.argsort(keys[part], kind="stable")]]
        result = ordered.tolist() if story is None else _first_of_each_story(ordered.tolist(), story, enough)
        if len(result) >= enough or take >= len(docs):
            return result[:enough]
        take *= 4


def _article_of(fields: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(fields["meta"])
    meta.update(id=fields["id"], title=fields["title"], body=fields["body"])
    return meta
