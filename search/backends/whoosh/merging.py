"""Merging the index's segments: which to merge (a tiered policy), merging them beside the index
without its lock (segments.py), and merging everything into one (`dipnews optimize`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import Index

from search.backends.whoosh.segments import Superseded, publisher, stage_merge
from search.backends.whoosh.storage import MappedFileStorage, read_index
from search.backends.whoosh.writer import MAIN, locked_writer

MERGE_FACTOR = 10  # segments of one size tier (by powers of this) merged into one
# No merge takes more documents than this: Whoosh merges about 300 documents a second. Merges
# hold no write back (search/backends/whoosh/segments.py), but a bulk load waits for its own; past this size,
# `dipnews optimize` merges everything when writes can wait.
MAX_MERGE_DOCS = 40_000
# Segments under this size are all of its tier: each batch of a bulk load leaves, beside its own
# segment, a small one of the articles its stories regrouped (about ten), and single adds leave
# one-article segments. In tiers of their own (1-9, 10-99, ...) up to nine of each waited for a
# tenth, and every query paid for each segment; now they merge with the batches'.
FLOOR_DOCS = 1_000


def segments_to_merge(segments: list[Any]) -> list[Any]:
    """Up to MERGE_FACTOR of the smallest segments of a size tier (powers of MERGE_FACTOR, every
    segment under FLOOR_DOCS in the first), once the tier has MERGE_FACTOR of them, as many as fit
    in MAX_MERGE_DOCS; or none."""
    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        tiers.setdefault(_tier(max(segment.doc_count_all(), FLOOR_DOCS)), []).append(segment)
    for tier in sorted(tiers):
        group = sorted(tiers[tier], key=lambda segment: segment.doc_count_all())
        if len(group) < MERGE_FACTOR:
            continue
        chosen: list[Any] = []
        for segment in group[:MERGE_FACTOR]:
            if sum(s.doc_count_all() for s in chosen) + segment.doc_count_all() > MAX_MERGE_DOCS:
                break
            chosen.append(segment)
        if len(chosen) >= 2:
            return chosen
    return []


def _tier(docs: int) -> int:
    """The power of MERGE_FACTOR a segment's size reaches (math.log(1000, 10) is 2.999...)."""
    tier, size = 0, MERGE_FACTOR
    while docs >= size:
        tier, size = tier + 1, size * MERGE_FACTOR
    return tier


def merge_segments(index_dir: Path, starting: Callable[[], None] | None = None) -> int:
    """Merge the segments the tiered policy picks, until it picks none; return how many merges
    were published. The merging runs without the index's lock (search/backends/whoosh/segments.py); one
    process merges at a time, and a merge another writer overtook is dropped. `starting` is
    called before each merge begins (not when there is nothing to merge)."""
    if not Path(index_dir).is_dir():
        return 0
    storage = MappedFileStorage(str(index_dir))
    merging = storage.lock(f"{MAIN}_MERGELOCK")
    if not merging.acquire():
        return 0  # another process is merging
    published = 0
    try:
        while True:
            schema, segments = read_index(index_dir, lambda ix: (ix.schema, segments_of(ix))) or (None, [])
            chosen = segments_to_merge(segments)
            if not chosen:
                return published
            if starting is not None:
                starting()
            staged = stage_merge(index_dir, storage, schema, chosen)
            try:
                with locked_writer(index_dir) as writer:
                    writer.commit(mergetype=publisher(index_dir, [staged]))
                published += 1
            except Superseded:
                return published
            finally:
                staged.discard()
    finally:
        merging.release()


def segments_of(ix: Index) -> list[Any]:
    """The segments of the latest commit, with their deletions."""
    with ix.reader() as reader:
        return [leaf.segment() for leaf, _ in reader.leaf_readers() if leaf.segment() is not None]


def merge_to_one(index_dir: Path) -> int:
    """Merge the whole index into one segment (faster searches; holds every write meanwhile);
    return how many documents it holds."""
    if not index.exists_in(index_dir):
        return 0
    with locked_writer(index_dir) as writer:
        writer.commit(optimize=True)
    return int(read_index(index_dir, lambda ix: ix.doc_count()) or 0)
