"""Whoosh segments written beside the index, and published in a moment.

A Whoosh writer holds the index's one lock from its first document to its
commit, and a merge holds it while it copies every document it merges: a bulk
load held every other write for seconds per batch, and a merge of 4,000
articles for tens of seconds, while an article added through the web waited.
Here the slow parts run without the lock, in a staging folder inside the index
folder (the same disk, so that a finished segment's files move in by renaming):
new documents are written as a segment of their own, and a merge writes one
segment from the segments as they were when it began. The lock is taken only
to publish: the staged files move in and a new table of contents lists them.
A merge carries over the deletions made while it ran.

Whoosh has no public call for this; what it uses is named here, once: a
merge policy (the `mergetype` a commit takes) returns the segments the new
table of contents lists, a staged index's one segment comes from its reader,
and a merge reads a segment's terms file and postings through the reader's own.
"""

from __future__ import annotations

import heapq
import io
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, W3Segment
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length
from whoosh.writing import IndexWriter, SegmentWriter

from search.backends.whoosh import saved_postings, story_index

STAGING = ".staging"  # a dot: Whoosh's clean-up of unlisted files passes it by


@dataclass
class Staged:
    """A segment written in its own folder, not yet part of the index."""

    folder: Path
    segment: Any  # whoosh.codec.base.Segment
    # for a merge: the merged segments, with the documents each had deleted when it began
    merged: list[tuple[Any, frozenset[int]]] = field(default_factory=list)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _staging_folder(index_dir: Path) -> Path:
    root = Path(index_dir) / STAGING
    _remove_abandoned(root)
    folder = root / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    folder.mkdir(parents=True)
    return folder


def _remove_abandoned(root: Path) -> None:
    """Staging folders of processes that ended before publishing (killed mid-write)."""
    if not root.is_dir():
        return
    for folder in root.iterdir():
        pid = folder.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _InMemoryStorage(FileStorage):
    """A folder whose new files are written in memory and saved whole when closed.

    Whoosh asks a postings file its position after every block of postings; on a
    file on disk each answer is a system call, a tenth of writing a batch's segment.
    """

    def create_file(self, name: str, excl: bool = False, mode: str = "wb", **kwargs: Any) -> StructFile:
        return StructFile(_SavedWhenClosed(self._fpath(name)), name=name, **kwargs)


class _SavedWhenClosed(io.BytesIO):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def close(self) -> None:
        if not self.closed:
            with open(self.path, "wb") as file:
                file.write(self.getbuffer())
        super().close()


class _WritingCodec(W3Codec):
    """Whoosh's codec, with a faster reading of document lengths while a segment is written.

    Writing a segment's postings asks each document's length in the field, one
    posting at a time: Whoosh looks for the field's length column on disk every
    time when the field keeps no lengths (a stat), and decodes the byte anew. Here
    each field's lengths are read once. The segment itself names the plain codec,
    so the index is the same as Whoosh's own.
    """

    def new_segment(self, storage: Any, indexname: str) -> Any:
        return W3Segment(W3Codec(), indexname)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _LengthsOnce(storage, segment)


_BYTE_LENGTHS = [byte_to_length(byte) if byte else None for byte in range(256)]


class _LengthsOnce(W3PerDocReader):
    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list[int | None] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        if fieldname not in self._lengths:
            reader = self._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            self._lengths[fieldname] = None if reader is None else [_BYTE_LENGTHS[b] for b in reader]
        lengths = self._lengths[fieldname]
        return default if lengths is None else lengths[docnum]


class _MergingWriter(SegmentWriter):
    """Whoosh's segment writer, for a merge of segments in their order.

    Whoosh puts every posting of the merged segments through an external sort: each is
    pickled into a temporary run file and read back (a fifth of a merge's time). Each
    segment's postings already come sorted by field and term, and its documents follow the
    previous segment's, so here the segments' postings are merged as sorted streams instead:
    the same postings in the same order, so the same files (a test). The segments' readers
    must stay open until the commit.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._streams: list[Iterator[tuple[Any, ...]]] = []

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        self._streams.append(self._process_posts(_postings_in_order(reader), startdoc, docmap))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, lengths, heapq.merge(*self._streams))
        self.fieldwriter.close()
        if lengths:
            lengths.close()


def _postings_in_order(reader: SegmentReader) -> Iterator[tuple[Any, ...]]:
    """A segment's postings as `reader.iter_postings()` gives them, without looking each term
    up again in the terms file's hash table: the terms are read in their order, each with the
    information where its postings are."""
    terms, schema, deleted = reader._terms, reader.schema, reader.deleted_docs_set
    for (fieldname, text), info in terms.items():
        postings = terms._codec.postings_reader(
            terms._postfile, info, schema[fieldname].format, term=(fieldname, text)
        )
        while postings.is_active():
            if postings.id() not in deleted:
                yield fieldname, text, postings.id(), postings.weight(), postings.value()
            postings.next()


def _write_segment(
    index_dir: Path,
    schema: Any,
    fill: Callable[[IndexWriter], int],
    in_memory: bool = False,
    writer_class: type[SegmentWriter] = SegmentWriter,
) -> tuple[Path, Any] | None:
    """A folder holding one new segment that `fill` writes (`in_memory`: each file is written
    whole when done, for a segment small enough); None when it wrote nothing."""
    folder = _staging_folder(index_dir)
    try:
        storage = _InMemoryStorage(str(folder)) if in_memory else FileStorage(str(folder))
        ix = storage.create_index(schema)
        writer = writer_class(ix, compound=False, codec=_WritingCodec())
        try:
            written = fill(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)
        if not written:
            shutil.rmtree(folder, ignore_errors=True)
            return None
        with ix.reader() as reader:
            return folder, reader.segment()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def stage_documents(
    index_dir: Path, schema: Any, documents: Iterable[dict[str, Any]], progress: Callable[[], None] | None
) -> Staged | None:
    """Write documents as a segment beside the index (no lock taken); None for no documents."""

    def fill(writer: IndexWriter) -> int:
        count = 0
        for document in documents:
            writer.add_document(**document)
            count += 1
            if progress:
                progress()
        return count

    made = _write_segment(index_dir, schema, fill, in_memory=True)  # a batch: some MB
    if made is None:
        return None
    _save_postings(schema, *made)
    return Staged(*made)


def stage_merge(index_dir: Path, storage: Any, schema: Any, segments: list[Any]) -> Staged:
    """One segment holding the live documents of `segments` (as they are now), in their order."""
    merged = [(segment, frozenset(segment.deleted_docs())) for segment in segments]
    readers: list[SegmentReader] = []

    def fill(writer: IndexWriter) -> int:
        count = 0
        for segment in segments:
            readers.append(SegmentReader(storage, schema, segment))
            writer.add_reader(readers[-1])
            count += readers[-1].doc_count()
        return count

    try:
        made = _write_segment(index_dir, schema, fill, writer_class=_MergingWriter)
    finally:
        for reader in readers:
            reader.close()
    if made is None:  # nothing live in them: publishing drops them
        return Staged(_staging_folder(index_dir), None, merged)
    folder, segment = made
    live = [(s.segment_id(), [n for n in range(s.doc_count_all()) if n not in gone]) for s, gone in merged]
    story_index.combine(index_dir, segment.segment_id(), folder, live)  # else saved after it is published
    _save_postings(schema, folder, segment)
    return Staged(folder, segment, merged=merged)


def _save_postings(schema: Any, folder: Path, segment: Any) -> None:
    """Save a staged segment's frequent postings beside it (saved_postings.py): it is published
    with them, and no search decodes them from Whoosh's meanwhile. Saving them after the commit,
    in the merge thread, left every segment a bulk load wrote during a long merge without them."""
    reader = SegmentReader(FileStorage(str(folder)), schema, segment)
    try:
        saved_postings.save(folder, segment.segment_id(), reader)
    finally:
        reader.close()


def publisher(index_dir: Path, staged: list[Staged]) -> Callable[[IndexWriter, list[Any]], list[Any]]:
    """The merge policy of the commit that publishes staged segments (call it under the lock):
    it moves their files in and lists them. Raises Superseded when a merge's segments are gone."""

    def publish(writer: IndexWriter, segments: list[Any]) -> list[Any]:
        listed = list(segments)
        for stage in staged:
            if stage.merged:
                current = {segment: segment for segment in listed}
                if any(old not in current for old, _ in stage.merged):
                    raise Superseded("a segment being merged was merged by another writer")
                _carry_deletions(stage, [current[old] for old, _ in stage.merged])
                gone = {old for old, _ in stage.merged}
                listed = [segment for segment in listed if segment not in gone]
            if stage.segment is not None:
                for name in stage.segment.list_files(FileStorage(str(stage.folder))):
                    os.replace(stage.folder / name, Path(index_dir) / name)
                listed.append(stage.segment)
        return listed

    return publish


class Superseded(Exception):
    """A staged merge whose segments another writer merged first: it is discarded."""


def _carry_deletions(stage: Staged, now: list[Any]) -> None:
    """Delete in the merged segment what was deleted in its sources while the merge ran."""
    base = 0
    for (old, deleted_then), segment in zip(stage.merged, now, strict=True):
        live = [n for n in range(old.doc_count_all()) if n not in deleted_then]
        deleted_now = set(segment.deleted_docs())
        if stage.segment is not None:
            for position, docnum in enumerate(live):
                if docnum in deleted_now:
                    stage.segment.delete_document(base + position)
        base += len(live)
