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

import json
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from indexer.facet_registry import VALUE_FACETS
from search.backends.whoosh.storage import segment_listed

DOC = np.int32
NONE = -1  # the code of "no value" in a dense column
# Beside each segment's files, named so that Whoosh deletes it with the segment it describes.
CACHE_SUFFIX = ".dipnews_columns.npz"
CACHE_VERSION = 1


def posting_ids(reader: Any, fieldname: str, text: bytes) -> np.ndarray:
    """A term's document numbers in one segment (deleted ones included), as an array."""
    return postings(reader, fieldname, text, weights=False)[0]


def postings(reader: Any, fieldname: str, text: bytes, weights: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """A term's document numbers in one segment (deleted ones included) and, with `weights`,
    its frequency in each (times the field's boost), as arrays.

    Whoosh decodes postings a block at a time; reading the blocks' arrays
    beats iterating a matcher one document at a time by about ten times.
    """
    ids, found, _ = _read_postings(reader, fieldname, text, weights, places=False)
    return ids, found


def positional_postings(
    reader: Any, fieldname: str, text: bytes
) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """A term's document numbers and weights in one segment (deleted documents included), with
    its positions in each document."""
    return _read_postings(reader, fieldname, text, weights=True, places=True)


def _read_postings(
    reader: Any, fieldname: str, text: bytes, weights: bool, places: bool
) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    inner = _unfiltered(reader, fieldname, text)
    decode = inner.format.decoder("positions") if places else None
    where: list[list[int]] = []
    if not hasattr(inner, "_read_ids"):  # another codec: the public, slower way
        numbers, found = [], []
        while inner.is_active():
            numbers.append(inner.id())
            found.append(inner.weight())
            if decode is not None:
                where.append(decode(inner.value()))
            inner.next()
        return np.asarray(numbers, dtype=DOC), np.asarray(found, dtype=np.float32), where
    id_blocks, weight_blocks = [], []
    while inner.is_active():
        if inner._ids is None:
            inner._read_ids()
        id_blocks.append(np.asarray(inner._ids[inner._i :], dtype=DOC))
        if weights:
            if inner._weights is None:
                inner._read_weights()
            weight_blocks.append(np.asarray(inner._weights[inner._i :], dtype=np.float32))
        if decode is not None:
            if inner._values is None:
                inner._read_values()
            where.extend(decode(value) for value in inner._values[inner._i :])
        inner._next_block()
    ids = np.concatenate(id_blocks) if id_blocks else np.empty(0, DOC)
    return ids, np.concatenate(weight_blocks) if weight_blocks else np.empty(0, np.float32), where


def positions(
    reader: Any, fieldname: str, text: str | bytes, docs: Sequence[int]
) -> dict[int, frozenset[int]]:
    """A term's positions in some documents of one segment (`docs`, ascending): only the blocks
    that hold them are decoded, each once, and blocks before them are passed by their headers.

    Whoosh's `skip_to` decodes the block it stands on before it skips, then steps through the
    block's documents one call at a time: checking fifty results for a phrase took most of a
    two-word query's time on a 150,000-article index.
    """
    inner = _unfiltered(reader, fieldname, text)
    decode = inner.format.decoder("positions")
    found: dict[int, frozenset[int]] = {}
    wanted = list(docs)
    if not hasattr(inner, "_read_ids"):  # another codec: the public, slower way
        for doc in wanted:
            if not inner.is_active():
                break
            inner.skip_to(doc)
            if inner.is_active() and inner.id() == doc:
                found[doc] = frozenset(decode(inner.value()))
        return found
    i = 0
    while i < len(wanted) and inner.is_active():
        if inner._maxid < wanted[i]:  # the header tells: nothing wanted in this block
            inner._next_block()
            continue
        if inner._ids is None:
            inner._read_ids()
        ids = inner._ids
        where = {doc: n for n, doc in enumerate(ids)}
        while i < len(wanted) and wanted[i] <= inner._maxid:
            n = where.get(wanted[i])
            if n is not None:
                if inner._values is None:
                    inner._read_values()
                found[wanted[i]] = frozenset(decode(inner._values[n]))
            i += 1
        inner._next_block()
    return found


def _unfiltered(reader: Any, fieldname: str, text: str | bytes) -> Any:
    """A term's matcher over a segment's postings as written, deleted documents included.
    Whoosh's filter of deleted documents reads on to the first live one when it is made: it
    decodes a first block nobody asked for, and postings read through it started after the
    segment's leading deleted documents."""
    terms = getattr(reader, "_terms", None)
    if terms is None:  # not a segment's reader
        matcher = reader.postings(fieldname, text)
        return getattr(matcher, "child", matcher)
    return terms.matcher(fieldname, reader._text_to_bytes(fieldname, text), reader.schema[fieldname].format)


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
    def read_column(cls, reader: Any, fieldname: str, listed: Callable[[], bool]) -> SegmentFacet:
        """A single-valued sortable field, read from its column (one entry per document).

        A segment has no file for a column none of its documents has a value in; a file is also
        missing when a merge has removed the segment's files since the reader opened them
        (FileNotFoundError, as for any other of its files): `listed` says whether the latest
        commit still lists the segment, and with it all of its files.
        """
        if fieldname not in reader.schema:
            return cls([], np.empty(0, DOC), np.empty(0, DOC))
        if not reader.has_column(fieldname):
            if not listed():
                raise FileNotFoundError(f"the {fieldname} column's segment was merged away")
            return cls([], np.empty(0, DOC), np.empty(0, DOC))
        column = list(reader.column_reader(fieldname))
        values = sorted({value for value in column if value})
        code_of = {value: code for code, value in enumerate(values)}
        docs = [doc for doc, value in enumerate(column) if value]
        codes = [code_of[column[doc]] for doc in docs]
        return cls(values, np.asarray(docs, dtype=DOC), np.asarray(codes, dtype=DOC))


@dataclass
class SegmentColumns:
    """Everything the facets and ranking need of one segment, by segment-local document number."""

    size: int  # documents in the segment, deleted ones included
    facets: dict[str, SegmentFacet]  # value facets, then "day" and "story"
    lengths: dict[str, np.ndarray]  # ranked field -> its length (in words) in each document
    total_lengths: dict[str, int]  # ranked field -> its length summed over the segment

    @classmethod
    def read(cls, reader: Any, ranked_fields: Sequence[str], listed: Callable[[], bool]) -> SegmentColumns:
        facets = {spec.name: SegmentFacet.read(reader, spec.field) for spec in VALUE_FACETS}
        facets["day"] = SegmentFacet.read_column(reader, "date", listed)
        facets["story"] = SegmentFacet.read_column(reader, "story_id", listed)
        size = reader.doc_count_all()
        lengths = {
            field: np.asarray([reader.doc_field_length(doc, field) for doc in range(size)], dtype=np.float32)
            for field in ranked_fields
        }
        totals = {field: int(reader.field_length(field)) for field in ranked_fields}
        return cls(size, facets, lengths, totals)

    @classmethod
    def cached(
        cls, index_dir: Path, segment_id: str, reader: Any, ranked_fields: Sequence[str]
    ) -> SegmentColumns:
        """A segment's columns from the file saved beside it, or read and saved there.

        A segment never changes, so its columns are read once, by whichever process
        meets it first (the writer, just after its commit): a server starting over a
        million articles loads arrays instead of walking every posting list.
        """
        path = column_cache(index_dir, segment_id)
        try:
            return cls.load(path)
        except (OSError, ValueError, KeyError):
            pass
        columns = cls.read(reader, ranked_fields, lambda: segment_listed(index_dir, segment_id))
        try:
            columns.save(path)
        except OSError:  # a read-only index: read each time
            pass
        return columns

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        values: dict[str, list[str]] = {}
        about = {"version": CACHE_VERSION, "size": self.size, "totals": self.total_lengths, "values": values}
        for name, facet in self.facets.items():
            values[name] = facet.values
            arrays[f"docs_{name}"], arrays[f"codes_{name}"] = facet.docs, facet.codes
        for field, lengths in self.lengths.items():
            arrays[f"length_{field}"] = lengths
        arrays["about"] = np.frombuffer(json.dumps(about).encode("utf-8"), dtype=np.uint8)
        partial = path.with_name(f"{path.name}.{os.getpid()}_{threading.get_ident()}.tmp")  # one per writer
        with open(partial, "wb") as out:
            np.savez(out, **arrays)  # type: ignore[arg-type]
        os.replace(partial, path)

    @classmethod
    def load(cls, path: Path) -> SegmentColumns:
        with np.load(path) as data:
            about = json.loads(data["about"].tobytes().decode("utf-8"))
            if about["version"] != CACHE_VERSION:
                raise ValueError("columns saved by another version")
            facets = {
                name: SegmentFacet(values, data[f"docs_{name}"], data[f"codes_{name}"])
                for name, values in about["values"].items()
            }
            lengths = {field: data[f"length_{field}"] for field in about["totals"]}
        return cls(about["size"], facets, lengths, about["totals"])


def column_cache(index_dir: Path, segment_id: str) -> Path:
    """Where a segment's columns are saved."""
    return Path(index_dir) / f"{segment_id}{CACHE_SUFFIX}"


class ValueTable:
    """A facet's values and their codes for every generation of one backend: a value keeps its
    code (new values are appended), and each segment's map from its own codes to them is worked
    out once. A new generation then maps only the segments it has not seen: merging a million
    articles' story ids afresh took 3 s at every commit.

    Values of segments merged away stay until the table is started afresh (`stale`). Readers of
    an older generation read codes it had; appending never changes them.
    """

    def __init__(self) -> None:
        self.values: list[str] = []
        self.code_of: dict[str, int] = {}
        self._remaps: dict[str, np.ndarray] = {}

    def remap(self, segment_id: str, part: SegmentFacet) -> np.ndarray:
        """The codes of this table for the segment's value codes (one generation builds at a time)."""
        found = self._remaps.get(segment_id)
        if found is None:
            codes = []
            for value in part.values:
                code = self.code_of.get(value)
                if code is None:
                    code = self.code_of[value] = len(self.values)
                    self.values.append(value)
                codes.append(code)
            found = self._remaps[segment_id] = np.asarray(codes, dtype=DOC)
        return found

    def forget(self, segment_ids: Iterable[str]) -> None:
        for segment_id in segment_ids:
            self._remaps.pop(segment_id, None)

    def stale(self, size: int) -> bool:
        """Whether values of segments merged away have come to outnumber the documents."""
        return len(self.values) > STALE_VALUES_FACTOR * max(size, STALE_VALUES_FLOOR)


STALE_VALUES_FACTOR, STALE_VALUES_FLOOR = 2, 10_000
FEW_MATCHES_SHARE = 8  # a facet of many values counts the pairs of matches fewer than 1/8 of the documents


class FacetColumn:
    """One facet over a whole index generation: global value codes by document."""

    def __init__(
        self,
        values: list[str],
        docs: np.ndarray,
        codes: np.ndarray,
        size: int,
        multi: bool,
        code_of: dict[str, int] | None = None,
    ) -> None:
        self.values = values
        self.code_of = code_of if code_of is not None else {value: code for code, value in enumerate(values)}
        self.multi = multi
        self.docs = docs  # pairs, sorted by document
        self.codes = codes
        self.dense: np.ndarray | None = None
        self._pair_starts: np.ndarray | None = None  # of a facet of many values: see count
        if not multi:
            self.dense = np.full(size, NONE, dtype=DOC)
            self.dense[docs] = codes

    @classmethod
    def merge(
        cls,
        parts: Sequence[tuple[SegmentFacet, int, str]],
        size: int,
        multi: bool,
        table: ValueTable | None = None,
    ) -> FacetColumn:
        """The column of segments given with their document offsets and ids: codes from `table`
        (kept across generations), or, without one, codes in the values' sorted order (a day's
        code then orders days)."""
        if table is None:
            values = sorted({value for part, _, _ in parts for value in part.values})
            code_of = {value: code for code, value in enumerate(values)}
        docs, codes = [], []
        for part, offset, segment_id in parts:
            if len(part.docs):
                if table is not None:
                    remap = table.remap(segment_id, part)
                else:
                    remap = np.asarray([code_of[value] for value in part.values], dtype=DOC)
                docs.append(part.docs + offset)
                codes.append(remap[part.codes])
        if table is not None:
            values, code_of = table.values, table.code_of
        if not docs:
            return cls(values, np.empty(0, DOC), np.empty(0, DOC), size, multi, code_of)
        return cls(values, np.concatenate(docs), np.concatenate(codes), size, multi, code_of)

    def count(self, matched: np.ndarray) -> np.ndarray:
        """How many matched documents (a boolean mask) have each value code."""
        if self.dense is not None:
            codes = self.dense[matched]
            return np.bincount(codes[codes >= 0], minlength=len(self.values))
        if np.count_nonzero(matched) * FEW_MATCHES_SHARE >= len(matched):
            return np.bincount(self.codes[matched[self.docs]], minlength=len(self.values))
        found = np.flatnonzero(matched)
        # few matches: only their (document, value) pairs, found by where each document's start,
        # not a look at every pair (five million at a million articles: 7 ms a facet)
        starts = self._starts(len(matched))
        first, lengths = starts[found], starts[found + 1] - starts[found]
        pairs = np.repeat(first - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        return np.bincount(self.codes[pairs], minlength=len(self.values))

    def _starts(self, size: int) -> np.ndarray:
        """Where each document's pairs start (and, at [size], where they end), worked out once."""
        if self._pair_starts is None:
            starts = np.zeros(size + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.docs, minlength=size), out=starts[1:])
            self._pair_starts = starts
        return self._pair_starts

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
    lengths: dict[str, np.ndarray]  # ranked field -> its length in each document
    average_lengths: dict[str, float]  # ranked field -> its mean length (over all documents, as Whoosh)

    @classmethod
    def merge(
        cls,
        segments: Sequence[tuple[SegmentColumns, int, Iterable[int], str]],
        tables: dict[str, ValueTable] | None = None,
    ) -> Columns:
        """Columns of the segments given with their document offsets, deleted documents and ids.
        `tables` holds each facet's codes across generations ("day" keeps sorted codes)."""
        size = sum(part.size for part, _, _, _ in segments)
        live = np.ones(size, dtype=bool)
        for _, offset, deleted, _ in segments:
            gone = np.fromiter(deleted, dtype=DOC)
            if len(gone):
                live[gone + offset] = False
        multi = {spec.name: spec.multi for spec in VALUE_FACETS}
        names = [spec.name for spec in VALUE_FACETS] + ["day", "story"]
        tables = tables if tables is not None else {}
        facets = {
            name: FacetColumn.merge(
                [(part.facets[name], offset, segment_id) for part, offset, _, segment_id in segments],
                size,
                multi.get(name, False),
                None if name == "day" else tables.setdefault(name, ValueTable()),
            )
            for name in names
        }
        fields = segments[0][0].lengths if segments else {}
        lengths = {
            field: np.concatenate([part.lengths[field] for part, _, _, _ in segments]) for field in fields
        }
        average = {f: sum(part.total_lengths[f] for part, _, _, _ in segments) / size for f in fields}
        return cls(size, live, facets, lengths, average)

    def day_range(self, start: str | None, end: str | None) -> np.ndarray:
        """A mask of the documents dated from `start` to `end` (ISO days, inclusive)."""
        day = self.facets["day"]
        lo, hi = day.code_range(start, end)
        assert day.dense is not None
        return (day.dense >= lo) & (day.dense < hi)
