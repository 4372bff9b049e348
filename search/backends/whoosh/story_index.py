"""What grouping asks of a segment, saved beside it: its story terms and its documents' story keys.

Grouping a batch (indexer/enrich/grouping.py) looks up each of its story terms
(LSH bands, country|specific pairs: about twenty an article) and then reads the
story key and groups of every indexed article that shares one. Through Whoosh
that was a matcher per term per segment and a whole stored record (title, body,
metadata JSON) per candidate: at 15,000 articles, 2.6 of the 3.8 s of CPU that
planning a batch of 500 took. A segment never changes, so both are kept beside it:

- the (term hash, document) pairs of its story terms, sorted: a look-up is a
  binary search per term (64-bit hashes: two terms sharing one would only add a
  candidate, which grouping compares by its key and drops, and count towards
  the term's MAX_BLOCK);
- each document's story record (story key, date, id, dup_group, story_id) as
  JSON, found by its offset.

Two files, named so that Whoosh deletes them with the segment:
`<segment>.dipnews_stories.bin` (the hashes as uint64, the documents as int32,
the record offsets as int64, then the records) and `<segment>.dipnews_stories.json`
(the counts), written last. A batch's segment gets them as it is written
(`write`), a merged segment from those of its sources (`combine`), and any other
(an index written before, `dipnews optimize`) from its stored fields in the
merge thread (`save`). A segment without them is asked through Whoosh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from indexer.enrich.grouping import indexed_story_terms

log = logging.getLogger(__name__)

FIELD = "story_terms"
DATA_SUFFIX = ".dipnews_stories.bin"
ABOUT_SUFFIX = ".dipnews_stories.json"
_EARLIER = ".dipnews_story_terms.npy"  # the story terms' hashes alone, which this replaces
_RECORD_KEYS = ("story_key", "date", "id", "dup_group", "story_id")


def term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


def term_hashes(terms: Sequence[str]) -> np.ndarray:
    return np.fromiter((term_hash(term) for term in terms), dtype=np.uint64, count=len(terms))


def saved_path(index_dir: Path, segment_id: str) -> Path:
    """The file whose presence says a segment's story index is saved (written last)."""
    return Path(index_dir) / f"{segment_id}{ABOUT_SUFFIX}"


def record_of(meta: dict[str, Any]) -> dict[str, Any]:
    """The part of an article's metadata grouping compares (indexer/enrich/grouping.story_of)."""
    return {key: meta[key] for key in _RECORD_KEYS if meta.get(key)}


def write(folder: Path, segment_id: str, metas: Iterable[dict[str, Any]]) -> None:
    """Save the story index of a segment whose documents' metadata is given in order."""
    pairs: list[tuple[int, int]] = []
    records = []
    for docnum, meta in enumerate(metas):
        pairs.extend((term_hash(term), docnum) for term in indexed_story_terms(meta))
        records.append(_encode(record_of(meta)))
    hashes = np.fromiter((h for h, _ in pairs), dtype=np.uint64, count=len(pairs))
    docs = np.fromiter((d for _, d in pairs), dtype=np.int32, count=len(pairs))
    _save(Path(folder), segment_id, hashes, docs, records)


def combine(index_dir: Path, segment_id: str, folder: Path, sources: list[tuple[str, list[int]]]) -> bool:
    """Save the story index of a merged segment, made of the live documents (`sources`: segment
    id, live document numbers) of segments in order, from their own; False when one has none."""
    loaded = [SegmentStories.load(index_dir, source) for source, _ in sources]
    if any(stories is None for stories in loaded):
        return False
    hash_parts: list[np.ndarray] = []
    doc_parts: list[np.ndarray] = []
    records: list[bytes] = []
    base = 0
    for stories, (_, live) in zip(loaded, sources, strict=True):
        assert stories is not None
        renumber = np.full(stories.documents, -1, dtype=np.int64)
        renumber[np.asarray(live, dtype=np.int64)] = np.arange(base, base + len(live))
        kept = renumber[stories.docs] >= 0
        hash_parts.append(np.asarray(stories.hashes[kept]))
        doc_parts.append(renumber[stories.docs[kept]].astype(np.int32))
        records.extend(stories.raw_record(docnum) for docnum in live)
        base += len(live)
    try:
        _save(Path(folder), segment_id, np.concatenate(hash_parts), np.concatenate(doc_parts), records)
    except OSError:  # saved from the stored fields once the merge is published
        log.warning("could not save the story index of merged segment %s", segment_id, exc_info=True)
        return False
    return True


def save(index_dir: Path, segment_id: str, reader: Any) -> None:
    """Save the story index of a segment from its stored fields (its reader given); a segment
    whose index cannot be written (a read-only or full disk) is asked through Whoosh instead."""
    metas = (json.loads(reader.stored_fields(n)["meta"]) for n in range(reader.doc_count_all()))
    try:
        write(Path(index_dir), segment_id, metas)
        (Path(index_dir) / f"{segment_id}{_EARLIER}").unlink(missing_ok=True)
    except OSError:
        log.warning("could not save the story index of segment %s", segment_id, exc_info=True)


def _encode(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _save(folder: Path, segment_id: str, hashes: np.ndarray, docs: np.ndarray, records: list[bytes]) -> None:
    order = np.lexsort((docs, hashes))
    offsets = np.zeros(len(records) + 1, dtype=np.int64)
    np.cumsum([len(record) for record in records], out=offsets[1:])
    data, about = folder / f"{segment_id}{DATA_SUFFIX}", folder / f"{segment_id}{ABOUT_SUFFIX}"
    temporary = data.with_name(f".{data.name}-{os.getpid()}")
    try:
        with open(temporary, "wb") as file:
            file.write(hashes[order].astype("<u8").tobytes())
            file.write(docs[order].astype("<i4").tobytes())
            file.write(b"\0" * _padding(len(hashes)))
            file.write(offsets.astype("<i8").tobytes())
            file.write(b"".join(records))
        os.replace(temporary, data)
        about.write_text(json.dumps({"documents": len(records), "pairs": len(hashes)}))
    finally:
        temporary.unlink(missing_ok=True)


def _padding(pairs: int) -> int:
    return -(pairs * 12) % 8


class SegmentStories:
    """One segment's saved story index, mapped from the page cache."""

    def __init__(self, data: np.ndarray, documents: int, pairs: int) -> None:
        self.documents = documents
        self.hashes = data[: pairs * 8].view("<u8")
        docs_end = pairs * 12
        self.docs = data[pairs * 8 : docs_end].view("<i4")
        start = docs_end + _padding(pairs)
        self.offsets = data[start : start + (documents + 1) * 8].view("<i8")
        self.records = data[start + (documents + 1) * 8 :]

    @classmethod
    def load(cls, index_dir: Path, segment_id: str) -> SegmentStories | None:
        """The segment's story index, or None when it has none (not saved yet, merged away)."""
        key = (str(index_dir), segment_id)
        with _LOADED_LOCK:
            if key in _LOADED:
                _LOADED.move_to_end(key)
                return _LOADED[key]
        try:
            about = json.loads(saved_path(index_dir, segment_id).read_text())
            path = Path(index_dir) / f"{segment_id}{DATA_SUFFIX}"
            data = _mapped(path)
            stories = cls(data, about["documents"], about["pairs"])
        except (OSError, ValueError, KeyError):
            return None
        with _LOADED_LOCK:
            _LOADED[key] = stories
            while len(_LOADED) > _LOADED_SIZE:
                _LOADED.popitem(last=False)
        return stories

    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each hash's documents start and end in `docs`."""
        return np.searchsorted(self.hashes, hashes, "left"), np.searchsorted(self.hashes, hashes, "right")

    def raw_record(self, docnum: int) -> bytes:
        return bytes(self.records[int(self.offsets[docnum]) : int(self.offsets[docnum + 1])])

    def record(self, docnum: int) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(self.raw_record(docnum))
        return found


def _mapped(path: Path) -> np.ndarray:
    """A file's bytes mapped from the page cache (a plain array: slicing a np.memmap costs more)."""
    with open(path, "rb") as file:
        if not os.fstat(file.fileno()).st_size:
            return np.zeros(0, dtype=np.uint8)
        return np.frombuffer(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ), dtype=np.uint8)


def forget_others(index_dir: Path, segment_ids: set[str]) -> None:
    """Drop the opened story indexes of `index_dir`'s segments that are not `segment_ids` (merged
    away): their files are unmapped once no reader holds them, and their disk space is freed."""
    folder = str(index_dir)
    with _LOADED_LOCK:
        for key in [key for key in _LOADED if key[0] == folder and key[1] not in segment_ids]:
            del _LOADED[key]


# Opened story indexes, by index folder and segment: a segment's files are mapped once per
# process (a merged-away segment's mapping stays readable until it is dropped from here, by
# forget_others when grouping next looks at the index, or as the least used of _LOADED_SIZE).
_LOADED_SIZE = 256
_LOADED: OrderedDict[tuple[str, str], SegmentStories] = OrderedDict()
_LOADED_LOCK = threading.Lock()
