"""The Whoosh backend: the embedded default engine, reading and writing one index directory.

Reads never wait for each other. A request takes the current generation of the
index (generation.py) and one searcher from its pool; when the index changes,
one thread builds the next generation (reading only the segments it has not
seen) while the others go on with the old one, then it is swapped in. The
answer is worked out in answers.py and ranking.py; Whoosh itself reads stored
fields and highlights. Writes go through writer.py; merges run in a thread.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.index import Index
from whoosh.query import Query

from indexer.article import EXTRACTOR_VERSION
from indexer.facet_registry import VALUE_FACETS
from search.backends.whoosh import lookups, saved_postings, story_index, writer
from search.backends.whoosh.answers import answer, article_of, facet_names, request_filters, suggestion
from search.backends.whoosh.columns import SegmentColumns, ValueTable, column_cache
from search.backends.whoosh.generation import Generation, PostingsCache, build_generation
from search.backends.whoosh.merging import merge_segments, merge_to_one
from search.backends.whoosh.ranking import all_of, by_date, ordered
from search.backends.whoosh.storage import read_index
from search.parsing import (
    QUERY_FIELDS,
    mark_words,
    parse_query,
)
from search.query import QueryText, SearchRequest
from search.results import RELATED_TERMS, Hit, SearchResult

log = logging.getLogger(__name__)

TALLIED = ("date_source", "outlet_source", "title_source", "kind")  # `dipnews stats` counts each's values

if TYPE_CHECKING:
    from indexer.article import Article


class WhooshBackend:
    """Searches and writes one Whoosh index directory; safe to share between threads."""

    name = "whoosh"

    def __init__(self, index_dir: Path, facet_seconds: float = 0.5) -> None:
        self.index_dir = Path(index_dir)
        self.facet_seconds = facet_seconds
        self._generation: Generation | None = None
        self._build_lock = threading.Lock()  # one thread builds the next generation
        self._segments: dict[str, SegmentColumns] = {}
        self._tables: dict[str, ValueTable] = {}  # each facet's value codes, across generations
        self._postings = PostingsCache(self.index_dir)
        self._merge_lock = threading.Lock()
        self._merging: threading.Thread | None = None
        self._merge_busy = threading.Event()  # set while the thread merges (not while it only looks)
        self._merge_again = False

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process (a bulk load's writer) as its folder, not its open files."""
        return WhooshBackend, (self.index_dir, self.facet_seconds)

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

    def _build(self, ix: Index) -> Generation:
        return build_generation(
            ix, self.index_dir, self._segments, self._postings, self._generation, self._tables
        )

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

    # -- reading -----------------------------------------------------------

    def parse(self, raw: str) -> tuple[Query, QueryText]:
        return parse_query(raw)

    def search(self, request: SearchRequest) -> SearchResult:
        query, text = self.parse(request.q)
        with self._reading() as generation:
            if generation is None:
                return SearchResult(request, 0, [], {name: {} for name in (*facet_names(), "date")})
            return answer(generation, request, query, text, self.facet_seconds)

    def suggest(self, raw_query: str) -> str | None:
        """The query with misspelt words replaced by indexed ones, or None when none is misspelt."""
        query, text = self.parse(raw_query)
        with self._reading() as generation:
            return None if generation is None else suggestion(generation, query, text)

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        """Up to `limit` matching articles in the request's order, without snippets (for CSV),
        and how many match in all."""
        query, _ = self.parse(request.q)
        with self._reading() as gen:
            if gen is None:
                return [], 0
            base = gen.matches(query)
            matched = all_of(base, request_filters(request, gen).values())
            with gen.searcher() as searcher:
                docs = ordered(gen, searcher, query, base, matched, request.sort, limit, None)
                stored = [searcher.stored_fields(doc) for doc in docs[:limit]]
            total = int(matched.sum())
        return [Hit(f["id"], f["title"], "", json.loads(f["meta"])) for f in stored], total

    def story(self, story_id: str) -> list[dict[str, Any]]:
        """Every article of a story, oldest first (undated last), with stored text and metadata."""
        with self._reading() as gen:
            if gen is None:
                return []
            members = gen.term_docs("story_id", story_id)
            docs = by_date(members, gen.columns, newest=False, enough=int(members.sum()))
            with gen.searcher() as searcher:
                stored = [searcher.stored_fields(doc) for doc in docs]
        return [article_of(fields) for fields in stored]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored fields (title, body and metadata), or None."""
        with self._reading() as gen:
            if gen is None:
                return None
            with gen.searcher() as searcher:
                fields = searcher.document(id=article_id)
        return article_of(fields) if fields is not None else None

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one (more-like-this over the body's key terms)."""
        with self._reading() as gen:
            if gen is None:
                return []
            with gen.searcher() as searcher:
                docnum = searcher.document_number(id=article_id)
                if docnum is None:
                    return []
                hits = searcher.more_like(docnum, "body", top=limit, numterms=RELATED_TERMS)
                return [Hit(h["id"], h["title"], "", json.loads(h["meta"]), h.score) for h in hits]

    def highlight(self, text: str, raw_query: str) -> str:
        """The text as HTML (escaped) with the query's terms marked, for the article page."""
        return mark_words(text, parse_query(raw_query)[0])

    def stats(self) -> dict[str, Any]:
        """Document count and how many documents have each kind of metadata (one pass over the
        stored fields, keeping only the tallies: a million articles' metadata is never held)."""
        tallies: dict[str, Counter[str]] = {key: Counter() for key in TALLIED}
        fallback = site_chrome = older = total = 0
        with self._reading() as gen:
            if gen is None:
                return {"documents": 0}
            with gen.searcher() as searcher:
                for fields in searcher.all_stored_fields():
                    meta = json.loads(fields["meta"])
                    total += 1
                    fallback += bool(meta.get("fallback"))
                    site_chrome += bool(meta.get("site_chrome"))
                    older += meta.get("extractor_version", 0) < EXTRACTOR_VERSION
                    for key, tally in tallies.items():
                        tally[str(meta.get(key) or "none")] += 1
            columns = gen.columns
            live = columns.live
            dated = int((columns.facets["day"].with_any(gen.size) & live).sum())
            having = {
                spec.name: int((columns.facets[spec.name].with_any(gen.size) & live).sum())
                for spec in VALUE_FACETS
            }
        return {
            "backend": self.name,
            "documents": total,
            "with_date": dated,
            "undated": total - dated,
            **{f"with_{name}": count for name, count in having.items()},
            "fallback_extractions": fallback,
            "site_chrome_dropped": site_chrome,
            # extracted by an older dipnews: `dipnews reindex` extracts them again
            "older_extraction": older,
            **{f"{key}s": dict(tally.most_common()) for key, tally in tallies.items()},
        }

    # -- writing -----------------------------------------------------------

    def write(
        self, articles: Iterable[Article], *, clear: bool = False, progress: Callable[[], None] | None = None
    ) -> int:
        """Add or replace (by id) articles in one commit; with `clear`, replace the whole index."""
        count = writer.write_articles(self.index_dir, articles, clear=clear, progress=progress)
        self._save_columns()
        self.refresh()
        self._merge_soon()  # and the new segment's postings saved, in the same thread
        return count

    @property
    def merging(self) -> bool:
        """Whether segments are being merged in this process (`close` waits for it)."""
        return self._merge_busy.is_set()

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
                self._save_story_index()
                self._save_postings()
                if merge_segments(self.index_dir, starting=self._merge_busy.set):
                    self._save_columns()
                    self.refresh()
                    self._save_story_index()
                    self._save_postings()
            except Exception:  # the segments stay as they were; the next write tries again
                log.exception("merging the index's segments failed")
            with self._merge_lock:
                if not self._merge_again:
                    self._merging = None
                    self._merge_busy.clear()
                    return
                self._merge_again = False

    def _save_columns(self) -> None:
        """Save the columns of the segments the last commit wrote, while they are in the page
        cache, so that no search pays for reading them."""
        self._each_segment(
            lambda segment_id, leaf: SegmentColumns.cached(self.index_dir, segment_id, leaf, QUERY_FIELDS),
            column_cache,
        )

    def _save_story_index(self) -> None:
        """Save the story index (story_index.py) of each segment that has none: one written by
        Whoosh's own writer (a rebuild, `dipnews optimize`, a publish's rewrites) or by an
        earlier version. A batch's and a merge's segments come with theirs."""
        self._each_segment(
            lambda segment_id, leaf: story_index.save(self.index_dir, segment_id, leaf),
            story_index.saved_path,
        )

    def _save_postings(self) -> None:
        """Save the frequent words' postings of segments that lack them (saved_postings.py): in
        the merge thread, never in a write, so that the first write after an upgrade is not kept
        waiting while the postings of a whole index are saved (4.5 s per 50,000 articles)."""
        self._each_segment(
            lambda segment_id, leaf: saved_postings.save(self.index_dir, segment_id, leaf),
            saved_postings.saved_path,
        )

    def _each_segment(self, save: Callable[[str, Any], object], saved: Callable[[Path, str], Path]) -> None:
        """`save` each segment of the latest commit (its id and reader) whose `saved` file is missing."""

        def each(ix: Index) -> None:
            with ix.reader() as reader:
                for leaf, _ in reader.leaf_readers():
                    segment = leaf.segment()
                    if segment is not None and not saved(self.index_dir, segment.segment_id()).exists():
                        save(segment.segment_id(), leaf)

        read_index(self.index_dir, each)

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
        lookups.spell_people_as_indexed(self.index_dir, articles)

    def schema_is_current(self) -> bool:
        return writer.schema_is_current(self.index_dir)

    def optimize(self) -> int:
        """Merge every segment into one."""
        documents = merge_to_one(self.index_dir)
        self._save_columns()
        self._save_story_index()
        self._save_postings()
        self.refresh()
        return documents
