"""Grouping's look-ups (indexer/enrich/grouping.py) answered by a Whoosh searcher."""

from __future__ import annotations

import json
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
)
from indexer.enrich.people import Person
from search.backends.whoosh import story_filters
from search.backends.whoosh.storage import read_index, stored_fields


class WhooshLookups:
    """Look-ups of indexer/enrich/grouping.py answered by a Whoosh searcher; refs are document numbers.
    With the index's folder, story terms no segment holds are not looked up (story_filters.py)."""

    def __init__(self, searcher: Any, index_dir: Path | None = None) -> None:
        self.searcher = searcher
        self.index_dir = index_dir

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


def spell_people_as_indexed(index_dir: Path, articles: list[Article]) -> None:
    """`resolve_people` against the index, without writing (for `dipnews extract`)."""

    def resolve(ix: Index) -> None:
        with ix.searcher() as searcher:
            resolve_people(articles, WhooshLookups(searcher))

    read_index(index_dir, resolve)
