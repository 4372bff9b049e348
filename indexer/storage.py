"""Reading the on-disk index safely while another process writes it."""

from __future__ import annotations

import mmap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import EmptyIndexError, Index

T = TypeVar("T")
ATTEMPTS = 20


class MappedFileStorage(FileStorage):
    """Whoosh's file storage, reading a segment's files through memory maps.

    Whoosh reads a separate segment file with a seek and a read call per term
    looked up; mapped, a look-up reads the page cache, which all of dipnews'
    processes share. (A compound segment Whoosh maps itself, but copies each of
    its files into memory for every reader: dipnews writes separate files.)
    """

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        path = self._fpath(name)
        if name.endswith(".seg") or Path(path).stat().st_size == 0:  # compound, or nothing to map
            return super().open_file(name, **kwargs)
        with open(path, "rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        return StructFile(mapped, name=name, **kwargs)


def open_index(index_dir: Path, schema: Any = None) -> Index:
    """The index in a folder, read through memory maps."""
    return MappedFileStorage(str(index_dir)).open_index(schema=schema)


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
            return use(open_index(index_dir))
        except (FileNotFoundError, EmptyIndexError):
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")
