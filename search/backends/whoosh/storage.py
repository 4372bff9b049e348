"""Reading the on-disk index safely while another process writes it."""

from __future__ import annotations

import mmap
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import TOC, EmptyIndexError, Index

T = TypeVar("T")
ATTEMPTS = 20


class MappedFileStorage(FileStorage):
    """Whoosh's file storage, reading a segment's files through memory maps shared by every
    reader in the process.

    Whoosh reads a separate segment file with a seek and a read call per term
    looked up, and every reader opens every file of every segment again: with a
    searcher per thread and fifty segments, thousands of file descriptors, past
    the 1,024 that waitress's select() can watch. Here each file is mapped once
    per process (the map lives while a reader uses it), each reader gets a view
    with a position of its own, and look-ups read the page cache. (A compound
    segment Whoosh maps itself, but copies each of its files into memory for
    every reader: dipnews writes separate files.)
    """

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        path = self._fpath(name)
        mapped = _mapped(path)
        if mapped is None:
            if name.endswith(".seg") or Path(path).stat().st_size == 0:  # compound, or nothing to map
                return super().open_file(name, **kwargs)
            mapped = _shared_map(path)
        return StructFile(MappedView(mapped), name=name, **kwargs)

    # A segment's file that a reader of this process maps stays readable after a merge removed
    # it from the folder: another searcher of the same generation opens it from the map.
    # (A segment file's name is never used again: each segment has a random id.)

    def file_exists(self, name: str) -> bool:
        return _mapped(self._fpath(name)) is not None or bool(super().file_exists(name))

    def file_length(self, name: str) -> int:
        mapped = _mapped(self._fpath(name))
        return len(mapped) if mapped is not None else int(super().file_length(name))


_PEEK = 256  # most pickles read from a segment (a term's info) are shorter than this


class MappedView:
    """A read-only file over a shared memory map, with a position of its own."""

    def __init__(self, mapped: mmap.mmap) -> None:
        self._map: mmap.mmap | None = mapped
        self._position = 0

    def read(self, size: int | None = -1) -> bytes:
        assert self._map is not None, "read from a closed file"
        end = len(self._map) if size is None or size < 0 else min(self._position + size, len(self._map))
        data = self._map[self._position : end]
        self._position = end
        return data

    def peek(self, size: int = 0) -> bytes:
        """Bytes ahead without moving (pickle reads its input through this, a few at a time:
        given a peek, it asks once for each pickle instead of once for each of its parts)."""
        assert self._map is not None, "read from a closed file"
        return self._map[self._position : self._position + min(max(size, 1), _PEEK)]

    def readline(self, size: int | None = -1) -> bytes:
        assert self._map is not None, "read from a closed file"
        end = self._map.find(b"\n", self._position)
        end = len(self._map) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._position + size)
        return self.read(end - self._position)

    def seek(self, offset: int, whence: int = 0) -> int:
        assert self._map is not None, "seek in a closed file"
        base = {0: 0, 1: self._position, 2: len(self._map)}[whence]
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._map = None  # the map closes with its last view


_maps: weakref.WeakValueDictionary[str, mmap.mmap] = weakref.WeakValueDictionary()
_maps_lock = threading.Lock()


def _mapped(path: str) -> mmap.mmap | None:
    """The map of a file some reader of this process holds open, if any."""
    if path.endswith(".toc"):  # a table of contents is read afresh (and its name comes back)
        return None
    with _maps_lock:
        mapped = _maps.get(path)
        return mapped if mapped is not None and not mapped.closed else None


def _shared_map(path: str) -> mmap.mmap:
    with _maps_lock:
        mapped = _maps.get(path)
        if mapped is None or mapped.closed:
            with open(path, "rb") as file:
                mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            _maps[path] = mapped
        return mapped


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


def segment_listed(index_dir: Path, segment_id: str) -> bool:
    """Whether the latest commit lists a segment. Whoosh removes a segment's files only after a
    commit that no longer lists it: while it is listed, every file it has is in the folder."""
    toc = TOC.read(FileStorage(str(index_dir)), "MAIN")
    return any(segment.segment_id() == segment_id for segment in toc.segments)


def stored_fields(reader: Any, docnum: Any) -> dict[str, Any]:
    """A document's stored fields. Whoosh answers a TypeError when the segment's stored-fields
    file is gone (a merge removed it since the reader opened): that is a FileNotFoundError, which
    `read_index` retries on the latest commit."""
    try:
        fields: dict[str, Any] = reader.stored_fields(docnum)
    except TypeError:
        raise FileNotFoundError(f"document {docnum}'s segment was merged away") from None
    return fields
