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

Two files per segment, named so that Whoosh deletes them with it:
`<segment>.dipnews_postings_v2.bin` (every saved word's document numbers as
int32, then their weights as float32) and `<segment>.dipnews_postings_v2.json`
(where each word's postings start and how many there are), written last. The
words are those of the title and body, and the values of the facets an
article may have several of (a filter by country or topic reads their postings).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from indexer.facet_registry import VALUE_FACETS
from search.backends.whoosh.columns import DOC, postings
from search.parsing import QUERY_FIELDS

log = logging.getLogger(__name__)

FREQUENT = 1_000  # a word's postings are saved when this many of the segment's documents hold it
VERSION = 2  # 2: the facets of many values too (a filter by country or topic reads its postings)
DATA_SUFFIX = f".dipnews_postings_v{VERSION}.bin"
ABOUT_SUFFIX = f".dipnews_postings_v{VERSION}.json"
_EARLIER = (".dipnews_postings.bin", ".dipnews_postings.json")  # version 1's, removed when saving
# the fields whose frequent terms' postings are saved: words searched, values filtered by
FIELDS = (*QUERY_FIELDS, *(spec.field for spec in VALUE_FACETS if spec.multi))


def _key(fieldname: str, text: bytes) -> str:
    return f"{fieldname}:{text.decode('utf-8', 'surrogateescape')}"


def _paths(index_dir: Path, segment_id: str) -> tuple[Path, Path]:
    return Path(index_dir) / f"{segment_id}{DATA_SUFFIX}", Path(index_dir) / f"{segment_id}{ABOUT_SUFFIX}"


def saved_path(index_dir: Path, segment_id: str) -> Path:
    """The file whose presence says a segment's postings are saved (written last)."""
    return _paths(index_dir, segment_id)[1]


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
    data_path, about_path = _paths(index_dir, segment_id)
    terms: dict[str, list[int]] = {}
    id_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    start = 0
    if reader.doc_count_all() >= FREQUENT:
        for fieldname in fieldnames:
            if fieldname not in reader.schema:
                continue
            for text, info in reader.iter_field(fieldname):
                if info.doc_frequency() < FREQUENT:
                    continue
                ids, weights = postings(reader, fieldname, text)
                terms[_key(fieldname, text)] = [start, len(ids)]
                id_parts.append(ids)
                weight_parts.append(weights)
                start += len(ids)
    ids_all = np.concatenate(id_parts) if id_parts else np.empty(0, DOC)
    weights_all = np.concatenate(weight_parts) if weight_parts else np.empty(0, np.float32)
    unique = f"{os.getpid()}_{threading.get_ident()}.tmp"  # two processes may save the same segment
    partial = data_path.with_name(f"{data_path.name}.{unique}")
    with open(partial, "wb") as out:
        out.write(ids_all.astype(DOC).tobytes())
        out.write(weights_all.astype(np.float32).tobytes())
    os.replace(partial, data_path)
    partial = about_path.with_name(f"{about_path.name}.{unique}")
    partial.write_text(json.dumps({"version": VERSION, "count": start, "terms": terms}), encoding="utf-8")
    os.replace(partial, about_path)
    for suffix in _EARLIER:
        Path(index_dir, f"{segment_id}{suffix}").unlink(missing_ok=True)
    return len(terms)


class SavedPostings:
    """One segment's saved postings, mapped from its file."""

    def __init__(self, ids: np.ndarray, weights: np.ndarray, terms: dict[str, list[int]]) -> None:
        self.ids = ids
        self.weights = weights
        self.terms = terms

    @classmethod
    def open(cls, index_dir: Path, segment_id: str) -> SavedPostings | None:
        """The segment's saved postings, or None when they are not (or not yet) saved."""
        data_path, about_path = _paths(index_dir, segment_id)
        try:
            about = json.loads(about_path.read_text(encoding="utf-8"))
            if about.get("version") != VERSION:
                return None
            count = int(about["count"])
            if not count:
                return cls(np.empty(0, DOC), np.empty(0, np.float32), {})
            data = np.memmap(data_path, dtype=DOC, mode="r", shape=(2 * count,))
        except (OSError, ValueError, KeyError):
            return None
        return cls(data[:count], data[count:].view(np.float32), about["terms"])

    def get(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """A saved word's document numbers and weights (views of the mapped file), or None."""
        where = self.terms.get(_key(fieldname, text))
        if where is None:
            return None
        start, count = where
        return self.ids[start : start + count], self.weights[start : start + count]
