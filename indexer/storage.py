"""Reading the on-disk index safely while another process writes it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from whoosh import index
from whoosh.index import EmptyIndexError, Index

T = TypeVar("T")
ATTEMPTS = 20


def read_index(index_dir: Path, use: Callable[[Index], T]) -> T | None:
    """`use(index)` on the latest commit, or None when no index was ever written.

    A commit writes a new table of contents and removes the old one, and Whoosh
    reads the table again for each reader, searcher or schema it hands out, so
    a reader can find its file gone mid-way: the whole use is simply retried.
    """
    for attempt in range(ATTEMPTS):
        try:
            if not index.exists_in(index_dir):
                return None
            return use(index.open_dir(index_dir))
        except (FileNotFoundError, EmptyIndexError):
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")
