"""Facet values as numpy arrays: read once per index segment, merged per searcher generation.

A facet of one value per article (outlet, day, story) is a dense array of
value codes by document number (-1: none); a facet of many values (topic,
country, person) is a pair of arrays, document and value code, one entry per
(article, value). Counting a facet over the matched documents is then one
`bincount`, and filtering by values one `isin`: no Python set of document
numbers is ever built, which is what keeps memory and time flat as the
archive grows. Value codes follow the values' sorted order, so a date range
is a range of day codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from indexer.facet_registry import VALUE_FACETS

DOC = np.int32
NONE = -1  # the code of "no value" in a dense column


def posting_ids(reader: Any, fieldname: str, text: bytes) -> np.ndarray:
    """A term's document numbers in one segment (deleted ones included), as an array.

    Whoosh decodes postings a block at a time; reading the blocks' id arrays
    beats iterating a matcher one document at a time by about ten times.
    """
    matcher = reader.postings(fieldname, text)
    inner = getattr(matcher, "child", matcher)
    if not hasattr(inner, "_read_ids"):  # another codec: the public, slower way
        return np.fromiter(inner.all_ids(), dtype=DOC)
    blocks = []
    while inner.is_active():
        if inner._ids is None:
            inner._read_ids()
        blocks.append(np.asarray(inner._ids[inner._i :], dtype=DOC))
        inner._next_block()
    return np.concatenate(blocks) if blocks else np.empty(0, DOC)


@dataclass
class SegmentFacet:
    """One facet of one segment: its values, and (document, value code) pairs sorted by document."""

    values: list[str]
    docs: np.ndarray
    codes: np.ndarray

    @classmethod
    def read(cls, reader: Any, fieldname: str) -> SegmentFacet:
        values: list[str] = []
        docs: list[np.ndarray] = []
        codes: list[np.ndarray] = []
        if fieldname in reader.schema:  # an index from an older version may lack a new field
            for term in reader.lexicon(fieldname):
                ids = posting_ids(reader, fieldname, term)
                if len(ids):
                    docs.append(ids)
                    codes.append(np.full(len(ids), len(values), dtype=DOC))
                    values.append(term.decode("utf-8"))
        if not docs:
            return cls([], np.empty(0, DOC), np.empty(0, DOC))
        doc_array, code_array = np.concatenate(docs), np.concatenate(codes)
        order = np.argsort(doc_array, kind="stable")
        return cls(values, doc_array[order], code_array[order])

    @classmethod
    def read_column(cls, reader: Any, fieldname: str) -> SegmentFacet:
        """A single-valued sortable field, read from its column (one entry per document)."""
        if fieldname not in reader.schema or not reader.has_column(fieldname):
            return cls([], np.empty(0, DOC), np.empty(0, DOC))
        column = list(reader.column_reader(fieldname))
        values = sorted({value for value in column if value})
        code_of = {value: code for code, value in enumerate(values)}
        docs = [doc for doc, value in enumerate(column) if value]
        codes = [code_of[column[doc]] for doc in docs]
        return cls(values, np.asarray(docs, dtype=DOC), np.asarray(codes, dtype=DOC))


@dataclass
class SegmentColumns:
    """Everything the facets need of one segment, by segment-local document number."""

    size: int  # documents in the segment, deleted ones included
    facets: dict[str, SegmentFacet]  # value facets, then "day" and "story"

    @classmethod
    def read(cls, reader: Any) -> SegmentColumns:
        facets = {spec.name: SegmentFacet.read(reader, spec.field) for spec in VALUE_FACETS}
        facets["day"] = SegmentFacet.read_column(reader, "date")
        facets["story"] = SegmentFacet.read_column(reader, "story_id")
        return cls(reader.doc_count_all(), facets)


class FacetColumn:
    """One facet over a whole index generation: global value codes by document."""

    def __init__(
        self, values: list[str], docs: np.ndarray, codes: np.ndarray, size: int, multi: bool
    ) -> None:
        self.values = values
        self.code_of = {value: code for code, value in enumerate(values)}
        self.multi = multi
        self.docs = docs  # pairs, sorted by document
        self.codes = codes
        self.dense: np.ndarray | None = None
        if not multi:
            self.dense = np.full(size, NONE, dtype=DOC)
            self.dense[docs] = codes

    @classmethod
    def merge(cls, parts: Sequence[tuple[SegmentFacet, int]], size: int, multi: bool) -> FacetColumn:
        """The column of segments given with their document offsets."""
        values = sorted({value for part, _ in parts for value in part.values})
        code_of = {value: code for code, value in enumerate(values)}
        docs, codes = [], []
        for part, offset in parts:
            if len(part.docs):
                remap = np.asarray([code_of[value] for value in part.values], dtype=DOC)
                docs.append(part.docs + offset)
                codes.append(remap[part.codes])
        if not docs:
            return cls(values, np.empty(0, DOC), np.empty(0, DOC), size, multi)
        return cls(values, np.concatenate(docs), np.concatenate(codes), size, multi)

    def count(self, matched: np.ndarray) -> np.ndarray:
        """How many matched documents (a boolean mask) have each value code."""
        if self.dense is not None:
            codes = self.dense[matched]
            return np.bincount(codes[codes >= 0], minlength=len(self.values))
        return np.bincount(self.codes[matched[self.docs]], minlength=len(self.values))

    def counts(self, matched: np.ndarray) -> dict[str, int]:
        """Value -> count, for the values some matched document has."""
        counted = self.count(matched)
        return {self.values[code]: int(counted[code]) for code in np.flatnonzero(counted)}

    def having(self, values: Iterable[str], size: int) -> np.ndarray:
        """A mask of the documents that have any of the values."""
        codes = [self.code_of[value] for value in values if value in self.code_of]
        mask = np.zeros(size, dtype=bool)
        if not codes:
            return mask
        if self.dense is not None:
            return np.isin(self.dense, codes)
        mask[self.docs[np.isin(self.codes, codes)]] = True
        return mask

    def with_any(self, size: int) -> np.ndarray:
        """A mask of the documents that have a value at all."""
        if self.dense is not None:
            return self.dense >= 0
        mask = np.zeros(size, dtype=bool)
        mask[self.docs] = True
        return mask

    def values_of(self, doc: int) -> list[str]:
        """The values of one document."""
        if self.dense is not None:
            code = int(self.dense[doc])
            return [self.values[code]] if code >= 0 else []
        lo, hi = np.searchsorted(self.docs, [doc, doc + 1])
        return [self.values[int(code)] for code in self.codes[lo:hi]]

    def code_range(self, start: str | None, end: str | None) -> tuple[int, int]:
        """The codes of the values from `start` to `end` (inclusive; sorted values), as [lo, hi)."""
        lo = int(np.searchsorted(np.asarray(self.values), start, "left")) if start and self.values else 0
        hi = (
            int(np.searchsorted(np.asarray(self.values), end, "right"))
            if end and self.values
            else len(self.values)
        )
        return lo, hi


@dataclass
class Columns:
    """Every facet of a generation, the live documents, and the document offset of each segment."""

    size: int
    live: np.ndarray  # mask of documents not deleted
    facets: dict[str, FacetColumn]  # value facets, "day" and "story"

    @classmethod
    def merge(cls, segments: Sequence[tuple[SegmentColumns, int, Iterable[int]]]) -> Columns:
        """Columns of the segments given with their document offsets and deleted documents."""
        size = sum(part.size for part, _, _ in segments)
        live = np.ones(size, dtype=bool)
        for _, offset, deleted in segments:
            gone = np.fromiter(deleted, dtype=DOC)
            if len(gone):
                live[gone + offset] = False
        multi = {spec.name: spec.multi for spec in VALUE_FACETS}
        names = [spec.name for spec in VALUE_FACETS] + ["day", "story"]
        facets = {
            name: FacetColumn.merge(
                [(part.facets[name], offset) for part, offset, _ in segments], size, multi.get(name, False)
            )
            for name in names
        }
        return cls(size, live, facets)

    def day_range(self, start: str | None, end: str | None) -> np.ndarray:
        """A mask of the documents dated from `start` to `end` (ISO days, inclusive)."""
        day = self.facets["day"]
        lo, hi = day.code_range(start, end)
        assert day.dense is not None
        return (day.dense >= lo) & (day.dense < hi)
