"""Opening the on-disk index for reading, safely while another process writes it."""

from __future__ import annotations

import time
from pathlib import Path

from whoosh import index
from whoosh.index import EmptyIndexError, Index

OPEN_ATTEMPTS = 20


def open_for_reading(index_dir: Path) -> Index | None:
    """The index as of its latest commit, or None when none was ever written.

    A commit writes a new table of contents and removes the old one, so a reader
    that listed the folder just before can find its file gone: it simply retries.
    """
    for attempt in range(OPEN_ATTEMPTS):
        try:
            if not index.exists_in(index_dir):
                return None
            return index.open_dir(index_dir)
        except (FileNotFoundError, EmptyIndexError):
            time.sleep(0.005 * (attempt + 1))
    return index.open_dir(index_dir)
