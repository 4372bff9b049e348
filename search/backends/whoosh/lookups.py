"""Grouping's look-ups (indexer/enrich/grouping.py) answered by a Whoosh searcher."""

from __future__ import annotations

import bisect
import json
import threading
from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from whoosh.index import Index
from whoosh.query import Term

from indexer.article import Article
from indexer.enrich.grouping import (
    MAX_BLOCK,
    parse_person_key,
    resolve_people,
    story_of,
)
from indexer.enrich.people import Person
from indexer.enrich.stories import StoryKey
from search.backends.whoosh import story_filters
from search.backends.whoosh.storage import read_index, stored_fields


class WhooshLookups:
    """Look-ups of indexer/enrich/grouping.py answered by a Whoosh searcher; refs are document numbers.
    With the index's folder, story terms no segment holds are not looked up (story_filters.py)."""

    def __init__(self, searcher: Any, index_dir: Path | None = None) -> None:
        self.searcher = searcher
        self.index_dir = index_dir
        self._leaves: tuple[list[int], list[Any]] | None = None

    def person_spellings(self, surname: str) -> list[tuple[Person, int]]:
        found = []
        for term in self.searcher.reader().expand_prefix("person_key", f"{surname}|"):
            person = parse_person_key(term.decode("utf-8"))
            found.append((person, self.searcher.doc_frequency("person_key", term)))
        return found

    def story_candidates(self, terms: list[str]) -> dict[str, list[Hashable]]:
        reader = self.searcher.reader()
        if self.index_dir is not None:
            segments = [leaf.segment() for leaf, _ in reader.leaf_readers()]
            if all(segment is not None for segment in segments):
                ids = [segment.segment_id() for segment in segments]
                terms = story_filters.maybe_held(self.index_dir, ids, terms)
        found: dict[str, list[Hashable]] = {}
        for term in terms:
            if 0 < reader.doc_frequency("story_terms", term) <= MAX_BLOCK:
                found[term] = list(self.searcher.docs_for_query(Term("story_terms", term)))
        return found

    def members(self, field: str, value: str) -> list[Hashable]:
        return list(self.searcher.docs_for_query(Term(field, value)))

    def stored(self, ref: Hashable) -> tuple[dict[str, Any], str, str]:
        fields = stored_fields(self.searcher, ref)
        return json.loads(fields["meta"]), fields["title"], fields["body"]

    def story(self, ref: Hashable) -> tuple[StoryKey | None, dict[str, str]]:
        key = self._segment_key(ref)
        if key is not None and (found := _STORIES.get(key)) is not None:
            return found
        found = story_of(self.stored(ref)[0])
        if key is not None:
            _STORIES.put(key, found)
        return found

    def _segment_key(self, ref: Hashable) -> tuple[str, str, int] | None:
        """Where a document lies for good: its segment and its number in it (a segment's stored
        fields never change; a merge makes a new segment). None when that is not known."""
        if self.index_dir is None:
            return None
        if self._leaves is None:
            leaves = list(self.searcher.reader().leaf_readers())
            self._leaves = ([offset for _, offset in leaves], [leaf.segment() for leaf, _ in leaves])
        offsets, segments = self._leaves
        i = bisect.bisect_right(offsets, int(ref)) - 1  # type: ignore[call-overload]
        segment = segments[i] if i >= 0 else None
        if segment is None:
            return None
        return str(self.index_dir), segment.segment_id(), int(ref) - offsets[i]  # type: ignore[call-overload]


class _Cache:
    """A bounded map, least recently used out first, shared by the threads of a process."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


# Grouping compares each new article with the indexed articles that share a story term, and
# batch after batch of a bulk load meets the same ones: their story keys are kept between
# batches, instead of reading and parsing each one's stored record again. About 2 KB each, in
# every process that writes (a server's too): 20,000 hold 40 MB. Merges empty it of what they
# merge, so it helps most on an index of up to some tens of thousands of articles.
STORY_CACHE_SIZE = 20_000
_STORIES = _Cache(STORY_CACHE_SIZE)


def spell_people_as_indexed(index_dir: Path, articles: list[Article]) -> None:
    """`resolve_people` against the index, without writing (for `dipnews extract`)."""

    def resolve(ix: Index) -> None:
        with ix.searcher() as searcher:
            resolve_people(articles, WhooshLookups(searcher))

    read_index(index_dir, resolve)
