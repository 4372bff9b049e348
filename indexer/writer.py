"""The only module that writes to the Whoosh index.

Writes are serialised: one lock per process, and Whoosh's own lock file
across processes, waited on for a bounded time; past it the user is told
the index is busy instead of seeing a LockError.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.index import Index, LockError
from whoosh.writing import CLEAR, IndexWriter

from indexer.article import Article
from indexer.errors import DipnewsError
from indexer.schema import make_schema
from indexer.storage import read_index

WRITE_TIMEOUT_SECONDS = 30.0
_process_lock = threading.Lock()


def open_or_create_index(index_dir: Path) -> Index:
    index_dir = Path(index_dir)
    existing = read_index(index_dir, lambda ix: ix)
    if existing is not None:
        return existing
    index_dir.mkdir(parents=True, exist_ok=True)
    return index.create_in(index_dir, make_schema())


def indexed_ids(index_dir: Path) -> set[str]:
    """Ids of the articles the index holds (empty when there is no index yet)."""

    def ids(ix: Index) -> set[str]:
        with ix.reader() as reader:
            return {term.decode("utf-8") for term in reader.lexicon("id")}

    return read_index(index_dir, ids) or set()


def is_indexed(index_dir: Path, article_id: str) -> bool:
    """Whether the index holds an article with this id (one term lookup)."""

    def holds(ix: Index) -> bool:
        with ix.reader() as reader:
            return ("id", article_id) in reader

    return bool(read_index(index_dir, holds))


def to_document(article: Article) -> dict[str, object]:
    """The Whoosh document of an article."""
    meta = article.to_dict()
    meta.pop("dropped")
    document: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "topic": ",".join(article.topic_slugs),
        "country": ",".join(article.countries),
        "country_facet": ",".join(article.primary_countries),
        "person": " ; ".join(person.name for person in article.people),
        "person_facet": ",".join(person.name for person in article.people),
        "meta": json.dumps(meta, ensure_ascii=False),
    }
    if article.outlet:
        document["outlet"] = article.outlet
        document["outlet_facet"] = article.outlet
    if article.date:
        document["date"] = article.date.isoformat()
        document["month"] = article.date.isoformat()[:7]
    if article.url:
        document["url"] = article.url
    return document


def schema_is_current(index_dir: Path) -> bool:
    """False when the index was written with another version of the schema (then: reindex)."""
    names = read_index(index_dir, lambda ix: sorted(ix.schema.names()))
    return names is None or names == sorted(make_schema().names())


@contextmanager
def _writer(index_dir: Path, current_schema: bool = False) -> Iterator[IndexWriter]:
    """The index's one writer: waited for with a bound, cancelled if anything fails.

    `current_schema` writes with this version's schema whatever the index had:
    only for a rebuild that replaces every segment.
    """
    with _process_lock:
        ix = open_or_create_index(index_dir)
        if current_schema:
            ix = index.open_dir(index_dir, schema=make_schema())
        try:
            writer = ix.writer(timeout=WRITE_TIMEOUT_SECONDS)
        except LockError:
            raise DipnewsError("The index is busy with another write; retry in a moment.", 503) from None
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise


def write_articles(index_dir: Path, articles: Iterable[Article], *, clear: bool = False) -> int:
    """Add or replace (by id) articles in one commit; return how many were written.

    With `clear`, the old segments are dropped in the same commit: a rebuild
    is all or nothing.
    """
    count = 0
    with _writer(index_dir, current_schema=clear) as writer:
        for article in articles:
            document = to_document(article)
            if clear:
                writer.add_document(**document)
            else:
                writer.update_document(**document)
            count += 1
        if clear:
            writer.commit(mergetype=CLEAR)
        else:
            writer.commit()
    return count


def delete_article(index_dir: Path, article_id: str) -> bool:
    """Remove an article from the index; True when it was there."""
    if not index.exists_in(index_dir):
        return False
    with _writer(index_dir) as writer:
        deleted = writer.delete_by_term("id", article_id)
        writer.commit()
    return bool(deleted)
