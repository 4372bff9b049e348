"""Grouping's look-ups (indexer/enrich/grouping.py) answered by a Whoosh searcher."""

from __future__ import annotations

import bisect
import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import numpy as np
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
from search.backends.whoosh import story_index
from search.backends.whoosh.storage import read_index, stored_fields
from search.backends.whoosh.story_index import FIELD


class WhooshLookups:
    """Look-ups of indexer/enrich/grouping.py answered by a Whoosh searcher; refs are document numbers.
    With the index's folder, story terms and keys are read from each segment's saved story index
    (story_index.py) where it has one."""

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
        """Segment by segment: from its saved story index when it has one, else through Whoosh."""
        hashes = story_index.term_hashes(terms)
        counts = np.zeros(len(terms), dtype=np.int64)
        found: list[list[Hashable]] = [[] for _ in terms]
        present = set()
        for leaf, offset in self.searcher.reader().leaf_readers():
            segment = leaf.segment()
            saved = None
            if self.index_dir is not None and segment is not None:
                present.add(segment.segment_id())
                saved = story_index.SegmentStories.load(self.index_dir, segment.segment_id())
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            if saved is None:
                for i, term in enumerate(terms):
                    counts[i] += leaf.doc_frequency(FIELD, term)
                    if (FIELD, term) in leaf:
                        live = leaf.postings(FIELD, term).all_ids()
                        found[i].extend(offset + n for n in live if n not in deleted)
                continue
            starts, ends = saved.lookup(hashes)
            counts += ends - starts
            for at in np.flatnonzero(ends > starts).tolist():
                docs = saved.docs[starts[at] : ends[at]].tolist()
                found[at].extend(offset + n for n in docs if n not in deleted)
        if self.index_dir is not None:
            story_index.forget_others(self.index_dir, present)
        return {term: found[i] for i, term in enumerate(terms) if 0 < counts[i] <= MAX_BLOCK and found[i]}

    def members(self, field: str, value: str) -> list[Hashable]:
        return list(self.searcher.docs_for_query(Term(field, value)))

    def stored(self, ref: Hashable) -> tuple[dict[str, Any], str, str]:
        fields = stored_fields(self.searcher, ref)
        return json.loads(fields["meta"]), fields["title"], fields["body"]

    def story(self, ref: Hashable) -> tuple[StoryKey | None, dict[str, str]]:
        located = self._locate(int(ref))  # type: ignore[call-overload]
        if located is not None and self.index_dir is not None:
            segment_id, docnum = located
            saved = story_index.SegmentStories.load(self.index_dir, segment_id)
            if saved is not None:
                return story_of(saved.record(docnum))
        return story_of(self.stored(ref)[0])

    def _locate(self, ref: int) -> tuple[str, int] | None:
        """A document's segment and its number there; None when the index's folder is not known."""
        if self.index_dir is None:
            return None
        if self._leaves is None:
            leaves = list(self.searcher.reader().leaf_readers())
            self._leaves = ([offset for _, offset in leaves], [leaf.segment() for leaf, _ in leaves])
        offsets, segments = self._leaves
        i = bisect.bisect_right(offsets, ref) - 1
        segment = segments[i] if i >= 0 else None
        return None if segment is None else (segment.segment_id(), ref - offsets[i])


def spell_people_as_indexed(index_dir: Path, articles: list[Article]) -> None:
    """`resolve_people` against the index, without writing (for `dipnews extract`)."""

    def resolve(ix: Index) -> None:
        with ix.searcher() as searcher:
            resolve_people(articles, WhooshLookups(searcher))

    read_index(index_dir, resolve)
