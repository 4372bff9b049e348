"""The only module that writes to the Whoosh index.

Writes are serialised: one lock per process, and Whoosh's own lock file
across processes, waited on for a bounded time; past it the user is told
the index is busy instead of seeing a LockError.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import Index, LockError
from whoosh.query import Term
from whoosh.reading import SegmentReader
from whoosh.writing import CLEAR, IndexWriter

from indexer.article import Article
from indexer.entities import Person, same_person, surname_key
from indexer.errors import DipnewsError
from indexer.schema import make_schema
from indexer.spellwords import SpellingWords, article_words
from indexer.storage import open_index, read_index
from indexer.stories import StoryKey, UnionFind, near_duplicates, same_story, story_terms

WRITE_TIMEOUT_SECONDS = 30.0
MAX_BLOCK = 200  # a story term shared by more articles than this is too common to link them
MERGE_FACTOR = 10  # segments of one size tier (by powers of this) merged into one
# No commit merges more documents than this: Whoosh merges about 300 documents a second, and
# every other write waits for the merge. `dipnews optimize` merges everything, when writes can wait.
MAX_MERGE_DOCS = 4000
_process_lock = threading.Lock()


def merge_tiered(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: merge what `segments_to_merge` picks. Whoosh's default policy may
    merge the whole index in one commit: ten minutes at 160,000 articles, with every other
    write waiting."""
    merging = segments_to_merge(segments)
    for segment in merging:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in merging]


def segments_to_merge(segments: list[Any]) -> list[Any]:
    """Up to MERGE_FACTOR of the smallest segments of a size tier (powers of MERGE_FACTOR), once
    the tier has MERGE_FACTOR of them, as many as fit in MAX_MERGE_DOCS; or none."""
    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        tiers.setdefault(int(math.log(max(segment.doc_count_all(), 1), MERGE_FACTOR)), []).append(segment)
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
    meta = article.to_dict()
    meta.pop("dropped")
    return document_from_meta(meta, article.title, article.body)


def document_from_meta(meta: dict[str, Any], title: str, body: str) -> dict[str, object]:
    """The Whoosh document of an article's stored metadata (also to rewrite one already indexed)."""
    people = [person["name"] for person in meta.get("people", [])]
    document: dict[str, object] = {
        "id": meta["id"],
        "title": title,
        "body": body,
        "topic": ",".join(meta.get("topics", [])),
        "country": ",".join(meta.get("countries", [])),
        "country_facet": ",".join(meta.get("primary_countries", [])),
        "person": " ; ".join(people),
        "person_facet": ",".join(people),
        "person_key": ",".join(person_key(Person(**person)) for person in meta.get("people", [])),
        "dup_group": meta.get("dup_group") or meta["id"],
        "story_id": meta.get("story_id") or meta["id"],
        "meta": json.dumps(meta, ensure_ascii=False),
    }
    if meta.get("story_key"):
        key = StoryKey.decode(meta["story_key"], None)
        document["story_terms"] = ",".join(story_terms(key))
    if meta.get("outlet"):
        document["outlet"] = meta["outlet"]
        document["outlet_facet"] = meta["outlet"]
    if meta.get("date"):
        document["date"] = meta["date"]
    if meta.get("url"):
        document["url"] = meta["url"]
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
            ix = open_index(index_dir, schema=make_schema())
        try:
            # Segments as separate files, not one compound file: Whoosh reads a compound
            # segment by copying each of its files into memory, for every reader it opens.
            writer = ix.writer(timeout=WRITE_TIMEOUT_SECONDS, compound=False)
        except LockError:
            raise DipnewsError("The index is busy with another write; retry in a moment.", 503) from None
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

    With `clear`, the old segments are dropped in the same commit: a rebuild
    is all or nothing. `progress` is called as each article goes in.
    """
    # one article is one document: of two with the same id in a batch, the later one is kept
    articles = list({article.id: article for article in articles}.values())
    count = 0
    with _writer(index_dir, current_schema=clear) as writer:
        with writer.searcher() as searcher:
            resolve_people(articles, None if clear else searcher)
            remaps = assign_groups(articles, None if clear else searcher)
            rewrites = [] if clear else _regrouped(searcher, remaps, {a.id for a in articles})
            reader = searcher.reader()
            # a new article needs no look-up of an old copy to delete
            known = set() if clear else {a.id for a in articles if ("id", a.id.encode("utf-8")) in reader}
            replaced = [searcher.document(id=article_id) for article_id in known]
        for article in articles:
            document = to_document(article)
            if article.id in known:
                writer.update_document(**document)
            else:
                writer.add_document(**document)
            count += 1
            if progress:
                progress()
        for document in rewrites:
            writer.update_document(**document)
        writer.commit(mergetype=CLEAR if clear else merge_tiered)
        with SpellingWords(index_dir) as words:  # after the commit: a word counted is a word indexed
            if clear:
                words.clear()
            words.change(
                added=[article_words(a.title, a.body) for a in articles],
                removed=[article_words(f["title"], f["body"]) for f in replaced if f is not None],
            )
    return count


def optimize(index_dir: Path) -> int:
    """Merge the whole index into one segment (faster searches; holds every write meanwhile);
    return how many documents it holds."""
    if not index.exists_in(index_dir):
        return 0
    with _writer(index_dir) as writer:
        writer.commit(optimize=True)
    return int(read_index(index_dir, lambda ix: ix.doc_count()) or 0)


def person_key(person: Person) -> str:
    return f"{surname_key(person.name)}|{person.name}|{person.country or ''}"


def resolve_people(articles: list[Article], searcher: Any | None) -> None:
    """Spell each person one way: as the index most often does, else as the batch most often does.

    "Shahbaz Sharif" in a new article becomes "Shehbaz Sharif" when that
    spelling of the same person is already indexed, so the person facet
    counts one person once; namesakes stay apart (`same_person`). A rebuild
    (no searcher) settles each person on the spelling most articles use.
    """
    indexed: dict[str, list[Person]] = {}  # surname key -> spellings, the index's most used first

    def spellings(surname: str) -> list[Person]:
        if surname not in indexed:
            found: Counter[Person] = Counter()
            if searcher is not None:
                for term in searcher.reader().expand_prefix("person_key", f"{surname}|"):
                    _, name, country = term.decode("utf-8").split("|")
                    found[Person(name, None, country or None)] = searcher.doc_frequency("person_key", term)
            indexed[surname] = [person for person, _ in found.most_common()]
        return indexed[surname]

    used = Counter(Person(p.name, None, p.country) for article in articles for p in article.people)
    canonical: dict[Person, Person] = {}
    for spelling, _ in used.most_common():  # ties: first seen first
        heads = spellings(surname_key(spelling.name))
        target = next((head for head in heads if same_person(head, spelling)), None)
        if target is None:
            heads.append(spelling)
        canonical[spelling] = target or spelling
    for article in articles:
        people: dict[str, Person] = {}
        renamed: dict[str, str] = {}
        for person in article.people:
            target = canonical[Person(person.name, None, person.country)]
            people.setdefault(target.name, Person(target.name, person.role, person.country or target.country))
            renamed[f"person:{person.name}"] = f"person:{target.name}"
        article.people = list(people.values())
        if article.story_key is not None:  # a person is a story's specific under one spelling too
            key = article.story_key
            key.specifics = frozenset(renamed.get(specific, specific) for specific in key.specifics)


def spell_people_as_indexed(index_dir: Path, articles: list[Article]) -> None:
    """`resolve_people` against the index, without writing (for `dipnews extract`)."""

    def resolve(ix: Index) -> None:
        with ix.searcher() as searcher:
            resolve_people(articles, searcher)

    read_index(index_dir, resolve)


def assign_groups(articles: list[Article], searcher: Any | None) -> dict[str, dict[str, str]]:
    """Give each article its dup_group and story_id; say which existing groups were renamed.

    Links come from the batch itself and, with a searcher, from the index:
    candidates share a story term (an LSH band, or a country with a person or
    figure), terms shared by more than MAX_BLOCK articles being too common to say anything.
    """
    dups, stories = UnionFind(), UnionFind()
    existing: dict[str, set[str]] = {"dup_group": set(), "story_id": set()}
    blocks: dict[str, list[int]] = {}
    metas: dict[int, tuple[StoryKey, dict[str, Any]]] = {}
    term_docs: dict[str, list[int]] = {}  # the index's candidates of each story term, looked up once
    for i, article in enumerate(articles):
        key = article.story_key
        if key is None:
            continue
        key.date = article.date
        terms = story_terms(key)
        candidates: set[int] = set()
        for term in terms:
            block = blocks.setdefault(term, [])
            if len(block) < MAX_BLOCK:
                candidates.update(block)
            block.append(i)
        for j in sorted(candidates):
            other = articles[j].story_key
            assert other is not None
            duplicates = near_duplicates(key, other)
            if duplicates:
                dups.union(article.id, articles[j].id)
            if same_story(key, other, duplicates):
                stories.union(article.id, articles[j].id)
        if searcher is not None:
            for docnum in _indexed_candidates(searcher, terms, term_docs):
                if docnum not in metas:
                    meta = json.loads(searcher.stored_fields(docnum)["meta"])
                    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
                    metas[docnum] = (StoryKey.decode(meta["story_key"], date), meta)
                other, meta = metas[docnum]
                if meta["id"] == article.id:
                    continue
                duplicates = near_duplicates(key, other)
                if duplicates:
                    dups.union(article.id, meta["dup_group"])
                    existing["dup_group"].add(meta["dup_group"])
                if same_story(key, other, duplicates):
                    stories.union(article.id, meta["story_id"])
                    existing["story_id"].add(meta["story_id"])
    for article in articles:
        article.dup_group, article.story_id = dups.find(article.id), stories.find(article.id)
    finders = {"dup_group": dups, "story_id": stories}
    return {
        name: {old: finders[name].find(old) for old in olds if finders[name].find(old) != old}
        for name, olds in existing.items()
    }


def _indexed_candidates(searcher: Any, terms: list[str], term_docs: dict[str, list[int]]) -> set[int]:
    """Indexed documents sharing a story term with an article (terms too common say nothing);
    `term_docs` keeps each term's documents for the rest of the batch."""
    reader = searcher.reader()
    docs: set[int] = set()
    for term in terms:
        if term not in term_docs:
            frequency = reader.doc_frequency("story_terms", term)
            found = 0 < frequency <= MAX_BLOCK
            term_docs[term] = list(searcher.docs_for_query(Term("story_terms", term))) if found else []
        docs.update(term_docs[term])
    return docs


def _regrouped(searcher: Any, remaps: dict[str, dict[str, str]], skip: set[str]) -> list[dict[str, object]]:
    """Documents already indexed whose group was merged into another, rewritten with its new name."""
    changed: dict[int, dict[str, Any]] = {}
    for name, renames in remaps.items():
        for old, new in renames.items():
            for docnum in searcher.docs_for_query(Term(name, old)):
                stored = searcher.stored_fields(docnum)
                meta = changed.get(docnum) or json.loads(stored["meta"])
                meta[name] = new
                changed[docnum] = meta
    documents = []
    for docnum, meta in changed.items():
        if meta["id"] not in skip:
            stored = searcher.stored_fields(docnum)
            documents.append(document_from_meta(meta, stored["title"], stored["body"]))
    return documents


def delete_article(index_dir: Path, article_id: str) -> bool:
    """Remove an article from the index; True when it was there.

    The groups it belonged to are worked out again among their other members:
    an article that linked two stories no longer holds them together.
    """
    if not index.exists_in(index_dir):
        return False
    with _writer(index_dir) as writer:
        with writer.searcher() as searcher:
            docnum = next(iter(searcher.docs_for_query(Term("id", article_id))), None)
            if docnum is None:
                writer.cancel()
                return False
            gone = searcher.stored_fields(docnum)
            rewrites = _split_groups(searcher, json.loads(gone["meta"]), docnum)
        writer.delete_by_term("id", article_id)
        for document in rewrites:
            writer.update_document(**document)
        writer.commit(mergetype=merge_tiered)
        with SpellingWords(index_dir) as words:
            words.change(removed=[article_words(gone["title"], gone["body"])])
    return True


def _split_groups(searcher: Any, meta: dict[str, Any], removed: int) -> list[dict[str, object]]:
    """The other members of a removed article's groups, rewritten with their groups recomputed."""
    members: dict[int, dict[str, Any]] = {}
    for name in ("dup_group", "story_id"):
        for docnum in searcher.docs_for_query(Term(name, meta.get(name) or meta["id"])):
            if docnum != removed and docnum not in members:
                members[docnum] = json.loads(searcher.stored_fields(docnum)["meta"])
    keys = {
        docnum: StoryKey.decode(m["story_key"], dt.date.fromisoformat(m["date"]) if m.get("date") else None)
        for docnum, m in members.items()
        if m.get("story_key")
    }
    dups, stories = UnionFind(), UnionFind()
    ordered = sorted(members)
    for i, a in enumerate(ordered):
        dups.find(members[a]["id"])  # every member is a group of its own to begin with
        stories.find(members[a]["id"])
        for b in ordered[i + 1 :]:
            if a in keys and b in keys:
                if near_duplicates(keys[a], keys[b]):
                    dups.union(members[a]["id"], members[b]["id"])
                if same_story(keys[a], keys[b]):
                    stories.union(members[a]["id"], members[b]["id"])
    documents = []
    for docnum, m in members.items():
        groups = {"dup_group": dups.find(m["id"]), "story_id": stories.find(m["id"])}
        if any(m.get(name) != group for name, group in groups.items()):
            m.update(groups)
            stored = searcher.stored_fields(docnum)
            documents.append(document_from_meta(m, stored["title"], stored["body"]))
    return documents
