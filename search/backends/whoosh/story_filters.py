"""Which story terms a segment holds, saved beside it as sorted hashes.

Grouping a batch (indexer/enrich/grouping.py) looks up each of its story terms
(LSH bands, country|specific pairs: about twenty an article) in every segment,
and nine in ten are in none: at 15,000 articles in 11 segments, 1.3 s of CPU
for a batch of 1,000. A segment never changes, so the crc32 hashes of its story
terms are saved once, after the commit that made it (in the merge thread, like
saved_postings.py), in `<segment>.dipnews_story_terms.npy`, a name Whoosh
deletes with the segment. A look-up then asks the index only for the terms
some segment may hold; a segment with no saved file yet may hold any. A hash
shared by two terms only costs a look-up: the answers are the same.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FIELD = "story_terms"
SUFFIX = ".dipnews_story_terms.npy"


def saved_path(index_dir: Path, segment_id: str) -> Path:
    return Path(index_dir) / f"{segment_id}{SUFFIX}"


def save(index_dir: Path, segment_id: str, reader: Any) -> None:
    """Save the hashes of one segment's story terms (its reader given); a segment whose file
    cannot be written (a read-only or full disk) is asked for every term instead."""
    hashes = np.unique(np.fromiter((zlib.crc32(term) for term in reader.lexicon(FIELD)), dtype=np.uint32))
    path = saved_path(index_dir, segment_id)
    temporary = path.with_name(f".{path.name}-{os.getpid()}")
    try:
        with open(temporary, "wb") as file:
            np.save(file, hashes)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        log.warning("could not save the story terms of segment %s", segment_id, exc_info=True)


def maybe_held(index_dir: Path, segment_ids: list[str], terms: list[str]) -> list[str]:
    """The terms some segment may hold: all of them when a segment has no saved file."""
    hashes = np.fromiter(
        (zlib.crc32(term.encode("utf-8")) for term in terms), dtype=np.uint32, count=len(terms)
    )
    held = np.zeros(len(terms), dtype=bool)
    for segment_id in segment_ids:
        try:
            saved = np.load(saved_path(index_dir, segment_id), mmap_mode="r")
        except (OSError, ValueError):  # not saved yet (or merged away meanwhile)
            return terms
        if len(saved):
            at = np.minimum(np.searchsorted(saved, hashes), len(saved) - 1)
            held |= saved[at] == hashes
    return [term for term, kept in zip(terms, held, strict=True) if kept]
