"""The only module that writes to the Whoosh index.

Writes are serialised: one lock per process, and Whoosh's own lock file
across processes, waited on for a bounded time; past it the user is told
the index is busy instead of seeing a LockError.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import Index, LockError
from whoosh.query import Term
from whoosh.writing import CLEAR, NO_MERGE, IndexWriter

from indexer.article import Article
from indexer.enrich.grouping import (
    article_fields,
    assign_groups,
    regrouped,
    resolve_people,
    split_groups,
)
from indexer.errors import Unavailable
from search.backends.whoosh import story_index
from search.backends.whoosh.lookups import WhooshLookups
from search.backends.whoosh.schema import make_schema
from search.backends.whoosh.segments import Staged, publisher, stage_documents
from search.backends.whoosh.spellwords import SpellingWords, article_words
from search.backends.whoosh.storage import MappedFileStorage, open_index, read_index

WRITE_TIMEOUT_SECONDS = 30.0
MAIN = "MAIN"  # Whoosh's name for the index in its folder
# A batch is grouped again outside the lock this often when other writers changed the index
# while it was staged (during a bulk load, an add through the web every second), then under it.
PUBLISH_ATTEMPTS = 10
CHANGES = "changes"  # counts the commits that changed documents (a merge changes none)
_process_lock = threading.Lock()


def open_or_create_index(index_dir: Path) -> Index:
    index_dir = Path(index_dir)
    existing = read_index(index_dir, lambda ix: ix)
    if existing is not None:
        return existing
    index_dir.mkdir(parents=True, exist_ok=True)
    # under the index's own lock: two writers creating it at once would delete each other's table
    with _process_lock:
        storage = MappedFileStorage(str(index_dir))
        lock = storage.lock(f"{MAIN}_WRITELOCK")
        lock.acquire(blocking=True)
        try:
            existing = read_index(index_dir, lambda ix: ix)
            return existing if existing is not None else index.create_in(index_dir, make_schema())
        finally:
            lock.release()


def indexed_ids(index_dir: Path) -> set[str]:
    """Ids of the articles the index holds (empty when there is no index yet)."""

    def ids(ix: Index) -> set[str]:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            found = {term.decode("utf-8") for term in reader.lexicon("id")}
            # the term of a deleted document stays until its segment is merged; a replaced
            # document's id is live again in its new copy
            for leaf, _ in reader.leaf_readers() if reader.has_deletions() else ():
                for docnum in leaf.deleted_docs_set if leaf.has_deletions() else ():
                    gone = leaf.stored_fields(docnum)["id"]
                    if searcher.document_number(id=gone) is None:
                        found.discard(gone)
            return found

    return read_index(index_dir, ids) or set()


def is_indexed(index_dir: Path, article_id: str) -> bool:
    """Whether the index holds an article with this id (a deleted one's term may linger)."""

    def holds(ix: Index) -> bool:
        with ix.searcher() as searcher:
            return searcher.document_number(id=article_id) is not None

    return bool(read_index(index_dir, holds))


def to_document(article: Article) -> dict[str, object]:
    """The Whoosh document of an article."""
    return whoosh_document(article_fields(article))


def whoosh_document(fields: dict[str, Any]) -> dict[str, object]:
    """Fields (indexer/enrich/grouping.py's document_fields) as Whoosh takes them: lists of values joined
    with commas (KEYWORD fields), the metadata as JSON (a STORED field)."""
    return {
        name: ",".join(value)
        if isinstance(value, list)
        else json.dumps(value, ensure_ascii=False)
        if name == "meta"
        else value
        for name, value in fields.items()
    }


def schema_is_current(index_dir: Path) -> bool:
    """False when the index was written with another version of the schema (then: reindex)."""
    names = read_index(index_dir, lambda ix: sorted(ix.schema.names()))
    return names is None or names == sorted(make_schema().names())


@contextmanager
def locked_writer(index_dir: Path, current_schema: bool = False) -> Iterator[IndexWriter]:
    """The index's one writer: waited for with a bound, cancelled if anything fails.

    `current_schema` writes with this version's schema whatever the index had:
    only for a rebuild that replaces every segment.
    """
    with _process_lock:
        ix = open_or_create_index(index_dir)
        if current_schema:
            ix = open_index(index_dir, schema=make_schema())
        try:
            # Segments as separate files, not one compound file: Whoosh reads a compound
            # segment by copying each of its files into memory, for every reader it opens.
            writer = ix.writer(timeout=WRITE_TIMEOUT_SECONDS, compound=False)
        except LockError:
            raise Unavailable("The index is busy with another write; retry in a moment.") from None
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise


def write_articles(
    index_dir: Path,
    articles: Iterable[Article],
    *,
    clear: bool = False,
    progress: Callable[[], None] | None = None,
) -> int:
    """Add or replace (by id) articles in one commit; return how many were written.

    The articles are grouped against the latest commit and written as a segment
    beside the index without its lock (search/backends/whoosh/segments.py); the lock is held
    only to publish them. With `clear`, the old segments are dropped in the same
    commit: a rebuild is all or nothing. `progress` is called as each article
    goes in. Merging is left to `merge_segments`.
    """
    # one article is one document: of two with the same id in a batch, the later one is kept
    articles = list({article.id: article for article in articles}.values())
    if clear:
        return _rebuild(index_dir, articles, progress)
    if not articles:
        return 0
    open_or_create_index(index_dir)
    schema = read_index(index_dir, lambda ix: ix.schema)
    plan = _plan_latest(index_dir, articles)
    staged = stage_documents(index_dir, schema, plan.documents, progress)
    try:
        if staged is not None:
            story_index.write(staged.folder, staged.segment.segment_id(), plan.metas)
        replaced = _publish(index_dir, articles, plan, staged)
    finally:
        if staged is not None:
            staged.discard()
    with SpellingWords(index_dir) as words:  # after the commit: a word counted is a word indexed
        words.change(
            added=[article_words(a.title, a.body) for a in articles],
            removed=[article_words(f["title"], f["body"]) for f in replaced],
        )
    return len(articles)


@dataclass
class _Plan:
    """A batch grouped against one commit of the index: its documents, and the indexed
    documents whose groups it renames."""

    changes: int  # the index's count of changes when it was grouped
    documents: list[dict[str, Any]]
    rewrites: list[dict[str, Any]]
    metas: list[dict[str, Any]]  # the documents' metadata (for their story index)


def _plan(index_dir: Path, changes: int, searcher: Any, articles: list[Article]) -> _Plan:
    lookups = WhooshLookups(searcher, index_dir)
    resolve_people(articles, lookups)
    remaps = assign_groups(articles, lookups)
    rewrites = regrouped(lookups, remaps, {a.id for a in articles})
    fields = [article_fields(article) for article in articles]
    documents = [whoosh_document(document) for document in fields]
    rewritten = [whoosh_document(document) for document in rewrites]
    return _Plan(changes, documents, rewritten, [document["meta"] for document in fields])


def _plan_latest(index_dir: Path, articles: list[Article]) -> _Plan:
    def plan(ix: Index) -> _Plan:
        changes = change_count(index_dir)  # read first: a later change only makes the plan look stale
        with ix.searcher() as searcher:
            return _plan(index_dir, changes, searcher, articles)

    made = read_index(index_dir, plan)
    assert made is not None, "the index was created before planning"
    return made


def _publish(index_dir: Path, articles: list[Article], plan: _Plan, staged: Staged | None) -> list[dict]:
    """Publish a staged batch under the lock; return the stored fields of the copies it replaced.

    When another writer changed documents since the batch was grouped (a merge changes none), it
    is grouped again (outside the lock while attempts remain, else inside) and the staged
    documents whose groups or people changed are replaced in the same commit.
    """
    latest = plan
    for attempt in range(PUBLISH_ATTEMPTS):
        if attempt:  # another writer changed the index since: group again, without the lock
            latest = _plan_latest(index_dir, articles)
        with locked_writer(index_dir) as writer:
            changes = change_count(index_dir)
            stale = changes != latest.changes
            if stale and attempt < PUBLISH_ATTEMPTS - 1:
                writer.cancel()
                continue
            with writer.searcher() as searcher:
                if stale:
                    latest = _plan(index_dir, changes, searcher, articles)
                reader = searcher.reader()
                known = [a.id for a in articles if ("id", a.id.encode("utf-8")) in reader]
                replaced = [searcher.document(id=article_id) for article_id in known]
            for article_id in known:
                writer.delete_by_term("id", article_id)
            for document in latest.rewrites:
                writer.update_document(**document)
            if staged is not None:
                for position, (before, now) in enumerate(zip(plan.documents, latest.documents, strict=True)):
                    if before != now:  # grouped otherwise since it was staged
                        staged.segment.delete_document(position)
                        writer.add_document(**now)
            _count_change(index_dir, changes)
            writer.commit(mergetype=publisher(index_dir, [staged] if staged is not None else []))
            return [fields for fields in replaced if fields is not None]
    raise AssertionError("unreachable: the last attempt publishes under the lock")


def change_count(index_dir: Path) -> int:
    """How many commits have changed documents (merges do not count): a batch staged while this
    moved is grouped again before it is published."""
    try:
        return int((Path(index_dir) / CHANGES).read_text())
    except (FileNotFoundError, ValueError):
        return 0


def _count_change(index_dir: Path, changes: int) -> None:
    """Count a commit that changes documents (under the lock, just before it: a commit that then
    fails only makes other writers group their batch again)."""
    path = Path(index_dir) / CHANGES
    temporary = path.with_name(f".{CHANGES}-{os.getpid()}")
    temporary.write_text(str(changes + 1))
    os.replace(temporary, path)


def _rebuild(index_dir: Path, articles: list[Article], progress: Callable[[], None] | None) -> int:
    """Replace the whole index with these articles, in one commit under the lock."""
    with locked_writer(index_dir, current_schema=True) as writer:
        resolve_people(articles, None)
        assign_groups(articles, None)
        for article in articles:
            writer.add_document(**to_document(article))
            if progress:
                progress()
        _count_change(index_dir, change_count(index_dir))
        writer.commit(mergetype=CLEAR)
    with SpellingWords(index_dir) as words:
        words.clear()
        words.change(added=[article_words(a.title, a.body) for a in articles])
    return len(articles)


def delete_article(index_dir: Path, article_id: str) -> bool:
    """Remove an article from the index; True when it was there.

    The groups it belonged to are worked out again among their other members:
    an article that linked two stories no longer holds them together.
    """
    if not index.exists_in(index_dir):
        return False
    with locked_writer(index_dir) as writer:
        with writer.searcher() as searcher:
            docnum = next(iter(searcher.docs_for_query(Term("id", article_id))), None)
            if docnum is None:
                writer.cancel()
                return False
            gone = searcher.stored_fields(docnum)
            rewrites = split_groups(WhooshLookups(searcher, index_dir), json.loads(gone["meta"]), docnum)
        writer.delete_by_term("id", article_id)
        for document in rewrites:
            writer.update_document(**whoosh_document(document))
        _count_change(index_dir, change_count(index_dir))
        writer.commit(mergetype=NO_MERGE)
        with SpellingWords(index_dir) as words:
            words.change(removed=[article_words(gone["title"], gone["body"])])
    return True
