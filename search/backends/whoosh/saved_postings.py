"""The postings of a segment's frequent words, saved beside it as flat arrays.

Whoosh stores postings as zlib-compressed pickles of blocks of 128 documents,
positions included: decoding a word found in 250,000 of a million articles
takes a quarter of a second of Python, and every server process paid it on the
first query asking for that word. A segment never changes, so once the write
or merge that made it has committed, the postings of each word that at least
FREQUENT of its documents hold are saved once, as document numbers and
weights, in one file that every process maps from the page cache. The first
query for a common word then costs what the next ones do; rarer words are
quick to decode and are not saved.

In a large segment (a merge's), words that fewer of its documents hold are saved
too, and the positions of the title's and body's words with them: the check
that ranks results holding a query's words side by side first read them from
Whoosh's blocks, a zlib and a pickle of 128 postings for each result looked at
(about a hundred blocks, 26-31 ms, for a two-word query at 200,000 articles).

Three files per segment, named so that Whoosh deletes them with it:
`<segment>.dipnews_postings_v3.bin` (every saved word's document numbers as
int32, then their weights as float32, then how many positions each posting
has as uint32), `<segment>.dipnews_postings_v3.pos` (the positions, int32, word
after word, document after document) and `<segment>.dipnews_postings_v3.json`
(where each word's postings and positions start and how many postings there
are), written last. The words are those of the title and body, and the values
of the facets an article may have several of (a filter by country or topic
reads their postings).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from indexer.facet_registry import VALUE_FACETS
from search.backends.whoosh.columns import DOC, positional_postings, postings
from search.parsing import QUERY_FIELDS

log = logging.getLogger(__name__)

FREQUENT = 1_000  # a word's postings are saved when this many of the segment's documents hold it
# A segment this large (only a merge makes one) saves the words that FREQUENT_IN_LARGE of its documents
# hold, with the positions of the title's and body's: saving them costs about 0.5 ms a document, which
# a batch's segment, saved on the way of every write, does not pay (ingest was 10% slower when it did);
# a small segment's blocks are few, so the phrase check reading them there costs little.
LARGE_SEGMENT = 10_000
FREQUENT_IN_LARGE = 100
# 2: the facets of many values too (a filter by country or topic reads their postings);
# 3: the title's and body's positions too (the phrase check reads them)
VERSION = 3
DATA_SUFFIX = f".dipnews_postings_v{VERSION}.bin"
PLACES_SUFFIX = f".dipnews_postings_v{VERSION}.pos"
ABOUT_SUFFIX = f".dipnews_postings_v{VERSION}.json"
# earlier versions' files, removed when saving
_EARLIER = tuple(f".dipnews_postings{v}.{ext}" for v in ("", "_v2") for ext in ("bin", "json"))
# the fields whose frequent terms' postings are saved: words searched, values filtered by
FIELDS = (*QUERY_FIELDS, *(spec.field for spec in VALUE_FACETS if spec.multi))


def _key(fieldname: str, text: bytes) -> str:
    return f"{fieldname}:{text.decode('utf-8', 'surrogateescape')}"


def _paths(index_dir: Path, segment_id: str) -> tuple[Path, Path, Path]:
    """The segment's saved postings: documents, weights and counts; positions; where each word's are."""
    data, places, about = (
        Path(index_dir) / f"{segment_id}{suffix}" for suffix in (DATA_SUFFIX, PLACES_SUFFIX, ABOUT_SUFFIX)
    )
    return data, places, about


def saved_path(index_dir: Path, segment_id: str) -> Path:
    """The file whose presence says a segment's postings are saved (written last)."""
    return _paths(index_dir, segment_id)[2]


def save(index_dir: Path, segment_id: str, reader: Any, fieldnames: Sequence[str] = FIELDS) -> int:
    """Save the frequent words' postings of one segment (its reader given); how many words.
    A segment whose postings cannot be saved (a read-only or full disk, merged away meanwhile)
    is decoded when asked instead."""
    try:
        return _save(index_dir, segment_id, reader, fieldnames)
    except OSError:
        log.warning("could not save the postings of segment %s", segment_id, exc_info=True)
        return 0


def _save(index_dir: Path, segment_id: str, reader: Any, fieldnames: Sequence[str]) -> int:
    data_path, places_path, about_path = _paths(index_dir, segment_id)
    unique = f"{os.getpid()}_{threading.get_ident()}.tmp"  # two processes may save the same segment
    terms: dict[str, list[int]] = {}
    id_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    count_parts: list[np.ndarray] = []
    start = placed = 0
    large = reader.doc_count_all() >= LARGE_SEGMENT
    partial_places = places_path.with_name(f"{places_path.name}.{unique}")
    with open(partial_places, "wb") as places:
        for fieldname, text in _frequent_terms(reader, fieldnames, FREQUENT_IN_LARGE if large else FREQUENT):
            if large and fieldname in QUERY_FIELDS and reader.schema[fieldname].format.supports("positions"):
                ids, weights, where = positional_postings(reader, fieldname, text)
                counts = np.fromiter(map(len, where), dtype=np.uint32, count=len(where))
                places.write(np.fromiter(itertools.chain.from_iterable(where), dtype=np.int32).tobytes())
                terms[_key(fieldname, text)] = [start, len(ids), placed]
                placed += int(counts.sum())
            else:
                ids, weights = postings(reader, fieldname, text)
                counts = np.zeros(len(ids), np.uint32)
                terms[_key(fieldname, text)] = [start, len(ids)]
            id_parts.append(ids)
            weight_parts.append(weights)
            count_parts.append(counts)
            start += len(ids)
    os.replace(partial_places, places_path)
    partial = data_path.with_name(f"{data_path.name}.{unique}")
    with open(partial, "wb") as out:
        for parts, dtype in ((id_parts, DOC), (weight_parts, np.float32), (count_parts, np.uint32)):
            for part in parts:
                out.write(part.astype(dtype).tobytes())
    os.replace(partial, data_path)
    partial = about_path.with_name(f"{about_path.name}.{unique}")
    about = {"version": VERSION, "count": start, "positions": placed, "terms": terms}
    partial.write_text(json.dumps(about), encoding="utf-8")
    os.replace(partial, about_path)
    for suffix in _EARLIER:
        Path(index_dir, f"{segment_id}{suffix}").unlink(missing_ok=True)
    return len(terms)


def _frequent_terms(reader: Any, fieldnames: Sequence[str], frequent: int) -> list[tuple[str, bytes]]:
    """The terms of these fields that at least `frequent` of the segment's documents hold."""
    if reader.doc_count_all() < frequent:
        return []
    return [
        (fieldname, text)
        for fieldname in fieldnames
        if fieldname in reader.schema
        for text, info in reader.iter_field(fieldname)
        if info.doc_frequency() >= frequent
    ]


class SavedPostings:
    """One segment's saved postings, mapped from its files."""

    def __init__(
        self,
        ids: np.ndarray,
        weights: np.ndarray,
        counts: np.ndarray,
        places: np.ndarray,
        terms: dict[str, list[int]],
    ) -> None:
        self.ids = ids
        self.weights = weights
        self.counts = counts  # how many positions each posting has
        self.places = places
        self.terms = terms

    @classmethod
    def open(cls, index_dir: Path, segment_id: str) -> SavedPostings | None:
        """The segment's saved postings, or None when they are not (or not yet) saved."""
        data_path, places_path, about_path = _paths(index_dir, segment_id)
        try:
            about = json.loads(about_path.read_text(encoding="utf-8"))
            if about.get("version") != VERSION:
                return None
            count, placed = int(about["count"]), int(about["positions"])
            if not count:
                empty = np.empty(0, DOC)
                return cls(empty, empty.view(np.float32), empty.view(np.uint32), empty, {})
            data = np.memmap(data_path, dtype=DOC, mode="r", shape=(3 * count,))
            places = np.memmap(places_path, dtype=np.int32, mode="r", shape=(placed,)) if placed else None
        except (OSError, ValueError, KeyError):
            return None
        return cls(
            data[:count],
            data[count : 2 * count].view(np.float32),
            data[2 * count :].view(np.uint32),
            places if places is not None else np.empty(0, np.int32),
            about["terms"],
        )

    def get(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """A saved word's document numbers and weights (views of the mapped file), or None."""
        where = self.terms.get(_key(fieldname, text))
        if where is None:
            return None
        start, count = where[:2]
        return self.ids[start : start + count], self.weights[start : start + count]

    def positions(self, fieldname: str, text: bytes, docs: Sequence[int]) -> dict[int, frozenset[int]] | None:
        """A saved word's positions in those of `docs` that hold it, or None when its positions
        are not saved."""
        where = self.terms.get(_key(fieldname, text))
        if where is None or len(where) < 3:
            return None
        start, count, first = where
        ids = self.ids[start : start + count]
        wanted = np.asarray(docs, dtype=DOC)
        at = np.searchsorted(ids, wanted)
        inside = at < count
        held = np.zeros(len(wanted), dtype=bool)
        held[inside] = ids[at[inside]] == wanted[inside]
        if not held.any():
            return {}
        at = at[held]
        counts = self.counts[start : start + int(at.max()) + 1].astype(np.int64)
        ends = np.cumsum(counts) + first
        found = {}
        for doc, i in zip(wanted[held].tolist(), at.tolist(), strict=True):
            end = int(ends[i])
            found[doc] = frozenset(self.places[end - int(counts[i]) : end].tolist())
        return found
