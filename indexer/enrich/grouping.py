"""People-merging and story-grouping against what is indexed, whatever engine holds it.

A new article's people are spelt as the index already spells them, and the
article joins the near-duplicate group and story of indexed articles it
shares a story with. Both need a few look-ups in the index; each backend
answers them through `Lookups` (Whoosh from a searcher, OpenSearch from the
cluster), and the decisions are made here, the same for every engine.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any, Protocol

from indexer.article import Article
from indexer.enrich.people import Person, same_person, surname_key
from indexer.enrich.stories import StoryKey, UnionFind, near_duplicates, same_story, story_terms

MAX_BLOCK = 200  # a story term shared by more articles than this is too common to link them


class Lookups(Protocol):
    """What grouping asks of an index. A ref names one indexed document (a number, an id)."""

    def person_spellings(self, surname: str) -> list[tuple[Person, int]]:
        """Spellings of people with this surname key and how many articles use each."""

    def story_candidates(self, terms: list[str]) -> dict[str, list[Hashable]]:
        """For each story term, the documents holding it; none for a term in more than MAX_BLOCK."""

    def members(self, field: str, value: str) -> list[Hashable]:
        """The documents whose dup_group or story_id is `value`."""

    def stored(self, ref: Hashable) -> tuple[dict[str, Any], str, str]:
        """A document's metadata, title and body."""

    def story(self, ref: Hashable) -> tuple[StoryKey | None, dict[str, str]]:
        """What grouping compares of a document: its story key, and its id, dup_group and story_id."""


def story_of(meta: dict[str, Any]) -> tuple[StoryKey | None, dict[str, str]]:
    """A document's story key and group fields, from its metadata (`Lookups.story`)."""
    key = StoryKey.decode(meta["story_key"], _date(meta)) if meta.get("story_key") else None
    return key, {name: meta.get(name) or meta["id"] for name in ("id", "dup_group", "story_id")}


def person_key(person: Person) -> str:
    return f"{surname_key(person.name)}|{person.name}|{person.country or ''}"


def parse_person_key(key: str) -> Person:
    _, name, country = key.split("|")
    return Person(name, None, country or None)


def document_fields(meta: dict[str, Any], title: str, body: str) -> dict[str, Any]:
    """An article's fields as the backends index them: values, lists of values, and the metadata
    as a dict (the Whoosh writer joins the lists with commas; OpenSearch takes them as they are)."""
    people = [person["name"] for person in meta.get("people", [])]
    document: dict[str, Any] = {
        "id": meta["id"],
        "title": title,
        "body": body,
        "topic": list(meta.get("topics", [])),
        "event": list(dict.fromkeys(event["type"] for event in meta.get("events", []))),
        "country": list(meta.get("countries", [])),
        "country_facet": list(meta.get("primary_countries", [])),
        "person": " ; ".join(people),
        "person_facet": people,
        "person_key": [person_key(Person(**person)) for person in meta.get("people", [])],
        "dup_group": meta.get("dup_group") or meta["id"],
        "story_id": meta.get("story_id") or meta["id"],
        "meta": meta,
    }
    if meta.get("story_key"):
        document["story_terms"] = indexed_story_terms(meta)
    if meta.get("outlet"):
        document["outlet"] = meta["outlet"]
        document["outlet_facet"] = meta["outlet"]
    if meta.get("date"):
        document["date"] = meta["date"]
    if meta.get("url"):
        document["url"] = meta["url"]
    return document


def indexed_story_terms(meta: dict[str, Any]) -> list[str]:
    """The story terms a document is indexed with, from its metadata (none without a story key)."""
    return story_terms(StoryKey.decode(meta["story_key"], None)) if meta.get("story_key") else []


def article_fields(article: Article) -> dict[str, Any]:
    meta = article.to_dict()
    meta.pop("dropped")
    return document_fields(meta, article.title, article.body)


def resolve_people(articles: list[Article], lookups: Lookups | None) -> None:
    """Spell each person one way: as the index most often does, else as the batch most often does.

    "Shahbaz Sharif" in a new article becomes "Shehbaz Sharif" when that
    spelling of the same person is already indexed, so the person facet
    counts one person once; namesakes stay apart (`same_person`). A rebuild
    (no look-ups) settles each person on the spelling most articles use.
    """
    indexed: dict[str, list[Person]] = {}  # surname key -> spellings, the index's most used first

    def spellings(surname: str) -> list[Person]:
        if surname not in indexed:
            found = lookups.person_spellings(surname) if lookups is not None else []
            ranked = sorted(found, key=lambda pair: -pair[1])  # stable: ties keep the index's order
            indexed[surname] = [person for person, _ in ranked]
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


def assign_groups(articles: list[Article], lookups: Lookups | None) -> dict[str, dict[str, str]]:
    """Give each article its dup_group and story_id; say which existing groups were renamed.

    Links come from the batch itself and, with look-ups, from the index:
    candidates share a story term (an LSH band, or a country with a person or
    figure), terms shared by more than MAX_BLOCK articles being too common to say anything.
    """
    dups, stories = UnionFind(), UnionFind()
    existing: dict[str, set[str]] = {"dup_group": set(), "story_id": set()}
    blocks: dict[str, list[int]] = {}
    metas: dict[Hashable, tuple[StoryKey | None, dict[str, str]]] = {}
    keyed = [(i, a) for i, a in enumerate(articles) if a.story_key is not None]
    for _, article in keyed:
        assert article.story_key is not None
        article.story_key.date = article.date
    all_terms = sorted({t for _, a in keyed for t in story_terms(a.story_key)})  # type: ignore[arg-type]
    indexed = lookups.story_candidates(all_terms) if lookups is not None and all_terms else {}
    for i, article in keyed:
        key = article.story_key
        assert key is not None
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
        if lookups is None:
            continue
        for ref in _unique(ref for term in terms for ref in indexed.get(term, ())):
            if ref not in metas:
                metas[ref] = lookups.story(ref)
            other, meta = metas[ref]
            if other is None or meta["id"] == article.id:
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


def regrouped(lookups: Lookups, remaps: dict[str, dict[str, str]], skip: set[str]) -> list[dict[str, Any]]:
    """Documents already indexed whose group was merged into another, rewritten with its new name."""
    changed: dict[Hashable, dict[str, Any]] = {}
    for name, renames in remaps.items():
        for old, new in renames.items():
            for ref in lookups.members(name, old):
                meta = changed.get(ref) or lookups.stored(ref)[0]
                meta[name] = new
                changed[ref] = meta
    documents = []
    for ref, meta in changed.items():
        if meta["id"] not in skip:
            _, title, body = lookups.stored(ref)
            documents.append(document_fields(meta, title, body))
    return documents


def split_groups(lookups: Lookups, meta: dict[str, Any], removed: Hashable) -> list[dict[str, Any]]:
    """The other members of a removed article's groups, rewritten with their groups recomputed."""
    members: dict[Hashable, dict[str, Any]] = {}
    for name in ("dup_group", "story_id"):
        for ref in lookups.members(name, meta.get(name) or meta["id"]):
            if ref != removed and ref not in members:
                members[ref] = lookups.stored(ref)[0]
    keys = {
        ref: StoryKey.decode(m["story_key"], _date(m)) for ref, m in members.items() if m.get("story_key")
    }
    dups, stories = UnionFind(), UnionFind()
    ordered = sorted(members, key=lambda ref: members[ref]["id"])
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
    for ref, m in members.items():
        groups = {"dup_group": dups.find(m["id"]), "story_id": stories.find(m["id"])}
        if any(m.get(name) != group for name, group in groups.items()):
            m.update(groups)
            _, title, body = lookups.stored(ref)
            documents.append(document_fields(m, title, body))
    return documents


def _date(meta: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(meta["date"]) if meta.get("date") else None


def _unique(refs: Iterable[Hashable]) -> list[Hashable]:
    return list(dict.fromkeys(refs))
