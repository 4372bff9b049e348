"""The only module that searches the Whoosh index.

One searcher is kept open and refreshed when the index changes, never one per
request. With each searcher comes a FacetCache: for every facet value, the set
of documents that have it, read once from the index's term postings. Facet
counts and filters are then set operations in memory, which is what keeps a
three-facet query fast at tens of thousands of articles.
"""

from __future__ import annotations

import bisect
import itertools
import json
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import highlight
from whoosh.qparser import MultifieldParser
from whoosh.query import And, AndNot, Every, Not, NullQuery, Or, Phrase, Query, Term
from whoosh.searching import Searcher

from indexer.article import EXTRACTOR_VERSION
from indexer.errors import DipnewsError
from indexer.outlets import outlet_by_name
from indexer.schema import VALUE_FACET_FIELDS, make_schema
from indexer.storage import read_index
from search.query import QueryText, SearchRequest, normalise_query, words_only

SNIPPET_CHARS = 240
UNKNOWN = "(unknown)"  # the facet value of articles that have none (e.g. no known outlet)
LOWERCASE_FACETS = ("topic", "country")  # facets whose values are indexed lower-cased
TERM_CACHE_SIZE = 20000
SUGGEST_BELOW = 3  # offer "did you mean" when fewer results than this
QUERY_FIELDS = ["title", "body"]
PHRASE_BOOST = 2.0  # the weight of a plain query's words read as a phrase, in ranking


@dataclass
class LeafData:
    """One segment's facet values, by segment-local document number (live documents only)."""

    live: list[int]
    postings: dict[str, dict[str, list[int]]]  # facet name -> value -> documents
    dates: dict[int, str]
    stories: dict[int, str]

    @classmethod
    def read(cls, leaf: Any) -> LeafData:
        deleted = leaf.deleted_docs_set if leaf.has_deletions() else set()
        live = [doc for doc in range(leaf.doc_count_all()) if doc not in deleted]
        postings: dict[str, dict[str, list[int]]] = {}
        for name, fieldname in VALUE_FACET_FIELDS.items():
            by_value: dict[str, list[int]] = {}
            if fieldname in leaf.schema:  # an index from an older version lacks new fields
                for term in leaf.lexicon(fieldname):
                    docs = list(_posting_ids(leaf, fieldname, term))
                    if docs:
                        by_value[term.decode("utf-8")] = docs
            postings[name] = by_value

        def column(fieldname: str) -> dict[int, str]:
            if fieldname not in leaf.schema or not leaf.has_column(fieldname):
                return {}
            values = leaf.column_reader(fieldname)
            return {doc: values[doc] for doc in live if values[doc]}

        return cls(live, postings, column("date"), column("story_id"))


@dataclass
class FacetCache:
    """Document sets per facet value, for one searcher generation."""

    all_docs: set[int]
    values: dict[str, dict[str, set[int]]]  # facet name -> value -> documents
    doc_values: dict[str, dict[int, list[str]]]  # facet name -> document -> values
    day: dict[str, set[int]]
    days: list[str]  # sorted day keys, for range filters
    doc_day: dict[int, str]
    query_docs: QueryDocs
    story_docs: dict[str, set[int]]
    doc_story: dict[int, str]
    day_lists: dict[int, list[str]]  # doc_day in the shape _count walks
    without_outlet: set[int]

    @classmethod
    def build(cls, searcher: Searcher, leaves: dict[tuple[str, int], LeafData] | None = None) -> FacetCache:
        """The cache of a searcher; `leaves` keeps each segment's part between builds.

        A segment's data changes only with its deletions, so after an add only the
        new segment (and any segment that lost a document) is read again.
        """
        leaves = {} if leaves is None else leaves
        used: set[tuple[str, int]] = set()
        all_docs: set[int] = set()
        doc_day: dict[int, str] = {}
        doc_story: dict[int, str] = {}
        values: dict[str, dict[str, set[int]]] = {name: {} for name in VALUE_FACET_FIELDS}
        for leaf, offset in searcher.reader().leaf_readers():
            segment = leaf.segment()
            if segment is None:  # an empty index
                continue
            key = (segment.segment_id(), segment.deleted_count())
            if key not in leaves:
                leaves[key] = LeafData.read(leaf)
            used.add(key)
            data = leaves[key]
            all_docs.update(offset + doc for doc in data.live)
            doc_day.update((offset + doc, day) for doc, day in data.dates.items())
            doc_story.update((offset + doc, story) for doc, story in data.stories.items())
            for name, leaf_values in data.postings.items():
                merged = values[name]
                for value, docs in leaf_values.items():
                    merged.setdefault(value, set()).update(offset + doc for doc in docs)
        for stale in set(leaves) - used:
            del leaves[stale]
        doc_values: dict[str, dict[int, list[str]]] = {}
        for name, merged_values in values.items():
            per_doc: dict[int, list[str]] = {}
            for value, value_docs in merged_values.items():
                for doc in value_docs:
                    per_doc.setdefault(doc, []).append(value)
            doc_values[name] = per_doc
        day = _invert(doc_day)
        return cls(
            all_docs=all_docs,
            values=values,
            doc_values=doc_values,
            day=day,
            days=sorted(day),
            doc_day=doc_day,
            query_docs=QueryDocs(searcher, all_docs),
            story_docs=_invert(doc_story),
            doc_story=doc_story,
            day_lists={doc: [key] for doc, key in doc_day.items()},
            without_outlet=all_docs - set(doc_values["outlet"]),
        )

    def date_range(self, start: str | None, end: str | None) -> set[int]:
        lo = bisect.bisect_left(self.days, start) if start else 0
        hi = bisect.bisect_right(self.days, end) if end else len(self.days)
        docs: set[int] = set()
        for key in self.days[lo:hi]:
            docs |= self.day[key]
        return docs


class QueryDocs:
    """The set of documents a query matches, computed as set algebra over term postings.

    Whoosh's matchers yield matching documents one by one in Python; for the
    facet counts dipnews needs the whole set, so Term, And, Or and Not queries
    are evaluated here from postings decoded a block at a time, with each
    term's set cached for the life of the searcher. Other query types
    (phrases, ranges, wildcards) fall back to Whoosh's own matcher.
    """

    def __init__(self, searcher: Searcher, all_docs: set[int]) -> None:
        self.searcher = searcher
        self.all_docs = all_docs
        self._terms: dict[tuple[str, bytes], set[int]] = {}

    def __call__(self, query: Query) -> set[int]:
        if isinstance(query, Every):
            return self.all_docs
        if isinstance(query, Term):
            return self.term(query.fieldname, query.text)
        if isinstance(query, And):
            positive = [self(q) for q in query.subqueries if not isinstance(q, Not)]
            docs = _intersect(positive[0] if positive else self.all_docs, positive[1:])
            for q in query.subqueries:
                if isinstance(q, Not):
                    docs = docs - self(q.query)
            return docs
        if isinstance(query, Or):
            return _union(self(q) for q in query.subqueries)
        if isinstance(query, AndNot):
            return self(query.a) - self(query.b)
        if isinstance(query, Not):
            return self.all_docs - self(query.query)
        return set(self.searcher.docs_for_query(query))

    def term(self, fieldname: str, text: str | bytes) -> set[int]:
        field = self.searcher.schema[fieldname]
        key = (fieldname, text if isinstance(text, bytes) else field.to_bytes(text))
        if key not in self._terms:
            docs: set[int] = set()
            for reader, offset in self.searcher.reader().leaf_readers():
                if key not in reader:
                    continue
                docs |= {offset + doc for doc in _posting_ids(reader, *key)}
            if len(self._terms) >= TERM_CACHE_SIZE:
                self._terms.clear()
            self._terms[key] = docs
        return self._terms[key]


def _posting_ids(reader: Any, fieldname: str, text: bytes) -> Iterable[int]:
    """A term's live document numbers in one segment, decoded a block at a time."""
    matcher = reader.postings(fieldname, text)
    deleted = reader.deleted_docs_set if reader.has_deletions() else None
    inner = getattr(matcher, "child", matcher)
    if not hasattr(inner, "_read_ids"):
        ids: Iterable[int] = inner.all_ids()
    else:
        collected: list[int] = []
        while inner.is_active():
            if inner._ids is None:
                inner._read_ids()
            collected.extend(inner._ids[inner._i :])
            inner._next_block()
        ids = collected
    return [doc for doc in ids if doc not in deleted] if deleted else ids


@dataclass
class Hit:
    id: str
    title: str
    snippet: str  # HTML: escaped text with <mark> around matches
    meta: dict[str, Any]
    score: float | None = None
    story: StorySummary | None = None


@dataclass
class StorySummary:
    """A story as one collapsed result shows it."""

    id: str
    size: int  # matching articles in the story
    outlets: int
    first_outlet: str | None
    first_date: str | None
    wire_origin: str | None


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    counts: dict[str, dict[str, int]]  # facet name -> value -> count
    undated: int = 0
    interpreted: str = ""
    notes: list[str] = field(default_factory=list)
    timeline: dict[str, int] = field(default_factory=dict)  # day -> matching articles
    indexed_per_day: dict[str, int] = field(default_factory=dict)  # day -> all articles, to normalise
    incomplete: list[str] = field(default_factory=list)  # facets skipped for lack of time
    stories: int = 0  # distinct stories among the matching articles
    suggestion: str | None = None  # "did you mean"
    relaxations: dict[str, int] = field(default_factory=dict)  # filter -> total without it


class SearchEngine:
    """Searches one index directory; safe to share between a web app's threads."""

    def __init__(self, index_dir: Path, facet_seconds: float = 0.5) -> None:
        self.index_dir = Path(index_dir)
        self.facet_seconds = facet_seconds
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._cache: FacetCache | None = None
        self._leaves: dict[tuple[str, int], LeafData] = {}
        self._parser = MultifieldParser(QUERY_FIELDS, make_schema())

    def _current(self) -> tuple[Searcher, FacetCache] | None:
        """The up-to-date searcher and its facet cache, or None when there is no index yet.

        A changed index gets a new searcher, not `Searcher.refresh()`: refresh reuses
        the readers of segments it already had, with their old deletions, so an
        updated article would be found twice.
        """
        if self._searcher is not None and self._searcher.up_to_date():
            assert self._cache is not None
            return self._searcher, self._cache
        searcher = read_index(self.index_dir, lambda ix: ix.searcher())
        if searcher is None:
            return None
        old = self._searcher
        self._searcher = searcher
        self._cache = FacetCache.build(self._searcher, self._leaves)
        if old is not None:
            old.close()
        return self._searcher, self._cache

    def parse(self, raw: str) -> tuple[Query, QueryText]:
        """A Whoosh query for what the user typed, read as sensibly as it can be."""
        text = normalise_query(raw)
        if not raw.strip():
            return Every(), text
        if not words_only(text.text) and "*" not in text.text:
            raise DipnewsError("The query has no words to search for.")
        try:
            parsed = self._parser.parse(text.text)
        except Exception:  # Whoosh raises assorted errors on odd syntax
            parsed = NullQuery
        if parsed is NullQuery or isinstance(parsed, type(NullQuery)):
            fallback = words_only(text.text)
            if not fallback:
                raise DipnewsError("The query has no words to search for.")
            text.notes.append("its operators could not be read, so its words were searched")
            text.text = fallback
            parsed = self._parser.parse(fallback)
        return parsed, text

    def search(self, request: SearchRequest) -> SearchResult:
        query, text = self.parse(request.q)
        with self._lock:
            current = self._current()
            if current is None:
                return SearchResult(request, 0, [], {name: {} for name in (*VALUE_FACET_FIELDS, "date")})
            searcher, cache = current
            base = cache.query_docs(query)
            filters = self._filters(request, cache)
            matched = _intersect(base, filters.values())
            counts: dict[str, dict[str, int]] = {name: {} for name in (*VALUE_FACET_FIELDS, "date")}
            incomplete: list[str] = []
            deadline = time.perf_counter() + self.facet_seconds
            for name in VALUE_FACET_FIELDS:
                if time.perf_counter() > deadline:  # one slow facet never fails the page
                    incomplete.append(name)
                    continue
                # Disjunctive facets: a facet's counts ignore their own selection (unless ANDed).
                own = name == "country" and request.all_countries
                docs = _intersect(base, [f for n, f in filters.items() if own or n != name])
                counts[name] = _count(cache.values[name], cache.doc_values[name], docs)
                if name == "outlet" and (missing := len(docs & cache.without_outlet)):
                    counts[name][UNKNOWN] = missing
            dated_base = _intersect(base, [f for n, f in filters.items() if n != "date"])
            counts["date"] = _count_days(dated_base, cache)
            undated = len(dated_base) - sum(counts["date"].values())
            timeline = counts["date"] if "date" not in filters else _count_days(matched, cache)
            relaxations = {}
            if not matched and filters:
                for name in filters:
                    relaxations[name] = len(_intersect(base, [f for n, f in filters.items() if n != name]))
            hits = self._page(searcher, cache, query, base, matched, request)
            stories = len({cache.doc_story.get(doc, str(doc)) for doc in matched})
            suggestion = self._suggest(searcher, query, text) if len(matched) < SUGGEST_BELOW else None
        return SearchResult(
            request=request,
            total=len(matched),
            hits=hits,
            counts=counts,
            undated=undated,
            interpreted=str(query) if not isinstance(query, Every) else "",
            notes=text.notes,
            timeline=timeline,
            stories=stories,
            indexed_per_day={day: len(docs) for day, docs in cache.day.items()},
            incomplete=incomplete,
            suggestion=suggestion,
            relaxations=relaxations,
        )

    def _suggest(self, searcher: Searcher, query: Query, text: QueryText) -> str | None:
        """The query with misspelt words replaced by indexed ones, when that differs."""
        if isinstance(query, Every):
            return None
        corrector = searcher.corrector("body")
        try:
            correction = searcher.correct_query(
                query, text.text, correctors={"title": corrector, "body": corrector}, maxdist=2
            )
        except (AttributeError, TypeError, ValueError):  # query types Whoosh cannot correct (ranges)
            return None
        return correction.string if correction.string.lower() != text.text.lower() else None

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one (more-like-this over the body's key terms)."""
        with self._lock:
            current = self._current()
            if current is None:
                return []
            searcher = current[0]
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            hits = searcher.more_like(docnum, "body", top=limit, numterms=12)
            return [Hit(h["id"], h["title"], "", json.loads(h["meta"]), h.score) for h in hits]

    def highlight(self, text: str, raw_query: str) -> str:
        """The text as HTML (escaped) with the query's terms marked, for the article page."""
        query, _ = self.parse(raw_query)
        terms = {term for field, term in query.iter_all_terms() if field in QUERY_FIELDS}
        if not terms:
            return highlight.htmlescape(text)
        marked = highlight.highlight(
            text,
            frozenset(t.decode() if isinstance(t, bytes) else t for t in terms),
            make_schema()["body"].analyzer,
            highlight.WholeFragmenter(),
            highlight.HtmlFormatter(tagname="mark"),
        )
        return marked or highlight.htmlescape(text)  # Whoosh gives "" for text without a match

    def _filters(self, request: SearchRequest, cache: FacetCache) -> dict[str, set[int]]:
        """Doc sets for each active facet: values of one facet are ORed, facets ANDed."""
        filters: dict[str, set[int]] = {}
        for name, selected in request.value_filters().items():
            if not selected:
                continue
            values = cache.values[name]
            sets = [
                cache.all_docs - set(cache.doc_values[name])
                if value == UNKNOWN
                else values.get(value.lower() if name in LOWERCASE_FACETS else value, set())
                for value in selected
            ]
            and_mode = name == "country" and request.all_countries
            filters[name] = _intersect(sets[0], sets[1:]) if and_mode else _union(sets)
        if request.date_from or request.date_to or request.undated:
            docs: set[int] = set()
            if request.date_from or request.date_to:
                start = request.date_from.isoformat() if request.date_from else None
                end = request.date_to.isoformat() if request.date_to else None
                docs |= cache.date_range(start, end)
            if request.undated:
                docs |= cache.all_docs - set(cache.doc_day)
            filters["date"] = docs
        return filters

    def _page(
        self,
        searcher: Searcher,
        cache: FacetCache,
        query: Query,
        base: set[int],
        matched: set[int],
        request: SearchRequest,
    ) -> list[Hit]:
        start = (request.page - 1) * request.page_size
        end = start + request.page_size
        if not matched or start >= len(matched):
            return []
        if request.sort == "relevance" and not isinstance(query, Every):
            # Without facet filters, no filter set: Whoosh can then skip low-scoring blocks.
            narrowed = matched if len(matched) < len(base) else None
            limit = end * 2 if request.collapse else end
            scoring = with_phrase_boost(query)
            while True:
                results = searcher.search(scoring, filter=narrowed, limit=limit)
                ranked = list(itertools.islice(results, limit))  # len() would count every match
                if request.collapse:
                    # Collapse with the cached story map: Whoosh's own collapse reads the
                    # story column again for every search.
                    firsts = _first_of_each_story([hit.docnum for hit in ranked], cache, end)
                    keep = set(firsts)
                    ranked = [hit for hit in ranked if hit.docnum in keep]
                if len(ranked) >= end or len(results.top_n) < limit:
                    break
                limit *= 4
            page_hits = ranked[start:end]
        else:
            ordered = _by_date(matched, cache, newest=request.sort != "oldest")
            if request.collapse:
                ordered = _first_of_each_story(ordered, cache, end)
            wanted = ordered[start:end]
            if not wanted:
                return []
            results = searcher.search(query, filter=set(wanted), limit=len(wanted))
            position = {doc: i for i, doc in enumerate(wanted)}
            page_hits = sorted(results, key=lambda hit: position[hit.docnum])
        results.fragmenter = WholeWordFragmenter(maxchars=SNIPPET_CHARS, surround=80)
        results.formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
        hits = [self._hit(hit) for hit in page_hits]
        for hit, found in zip(hits, page_hits, strict=True):
            hit.story = _story_summary(cache, found.docnum, matched)
        return hits

    @staticmethod
    def _hit(hit: Any) -> Hit:
        fields = hit.fields()
        snippet = hit.highlights("body", top=2)
        if not snippet:
            snippet = highlight.htmlescape(_lead(fields["body"]))
        meta = json.loads(fields["meta"])
        return Hit(fields["id"], fields["title"], snippet, meta, hit.score)

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        """Up to `limit` matching articles in the request's order, without snippets (for CSV),
        and how many match in all."""
        query, _ = self.parse(request.q)
        with self._lock:
            current = self._current()
            if current is None:
                return [], 0
            searcher, cache = current
            base = cache.query_docs(query)
            matched = _intersect(base, self._filters(request, cache).values())
            if request.sort == "relevance" and not isinstance(query, Every):
                docs = [hit.docnum for hit in searcher.search(query, filter=matched, limit=limit)]
            else:
                docs = _by_date(matched, cache, newest=request.sort != "oldest")[:limit]
            stored = [searcher.stored_fields(doc) for doc in docs]
        return [Hit(f["id"], f["title"], "", json.loads(f["meta"])) for f in stored], len(matched)

    def story(self, story_id: str) -> list[dict[str, Any]]:
        """Every article of a story, oldest first (undated last), with stored text and metadata."""
        with self._lock:
            current = self._current()
            if current is None:
                return []
            searcher, cache = current
            docs = _by_date(cache.story_docs.get(story_id, set()), cache, newest=False)
            stored = [searcher.stored_fields(doc) for doc in docs]
        articles = []
        for fields in stored:
            meta = json.loads(fields["meta"])
            meta.update(id=fields["id"], title=fields["title"], body=fields["body"])
            articles.append(meta)
        return articles

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored fields (title, body and metadata), or None."""
        with self._lock:
            current = self._current()
            if current is None:
                return None
            fields = current[0].document(id=article_id)
        if fields is None:
            return None
        meta = json.loads(fields["meta"])
        meta.update(id=fields["id"], title=fields["title"], body=fields["body"])
        return meta

    def stats(self) -> dict[str, Any]:
        """Document count and how many documents have each kind of metadata."""
        with self._lock:
            current = self._current()
            if current is None:
                return {"documents": 0}
            searcher, cache = current
            metas = [json.loads(f["meta"]) for f in searcher.all_stored_fields()]
        total = len(metas)

        def tally(key: str) -> dict[str, int]:
            out: dict[str, int] = {}
            for meta in metas:
                value = str(meta.get(key) or "none")
                out[value] = out.get(value, 0) + 1
            return dict(sorted(out.items(), key=lambda kv: -kv[1]))

        return {
            "documents": total,
            "with_date": len(cache.doc_day),
            "undated": total - len(cache.doc_day),
            **{f"with_{name}": len(cache.doc_values[name]) for name in VALUE_FACET_FIELDS},
            "fallback_extractions": sum(1 for m in metas if m.get("fallback")),
            "site_chrome_dropped": sum(1 for m in metas if m.get("site_chrome")),
            # extracted by an older dipnews: `dipnews reindex` extracts them again
            "older_extraction": sum(1 for m in metas if m.get("extractor_version", 0) < EXTRACTOR_VERSION),
            "date_sources": tally("date_source"),
            "outlet_sources": tally("outlet_source"),
            "title_sources": tally("title_source"),
            "kinds": tally("kind"),
        }


def with_phrase_boost(query: Query) -> Query:
    """For ranking only: a plain query of several words also scores the words as a phrase,
    so "state visit" ranks a story about a state visit above one that has "state" in its
    headline and "visit" further down. The matches are the same: a phrase match has every word."""
    if not isinstance(query, And) or len(query.subqueries) < 2:
        return query
    words = []
    for group in query.subqueries:
        terms = group.subqueries if isinstance(group, Or) else []
        if not all(isinstance(term, Term) for term in terms):
            return query
        fields, texts = [term.fieldname for term in terms], {term.text for term in terms}
        if fields != QUERY_FIELDS or len(texts) != 1:
            return query  # operators, fields, phrases or wildcards: ranked as written
        words.append(texts.pop())
    phrases = [Phrase(field, words, boost=PHRASE_BOOST) for field in QUERY_FIELDS]
    return Or([query, *phrases])


class WholeWordFragmenter(highlight.ContextFragmenter):
    """Whoosh's snippets around the matches, starting and ending on whole words.

    The analyzer splits "Pakistan’s" into two tokens, so a snippet could start
    at "s President ..."; it now starts after the space before the next word.
    """

    def fragment_tokens(self, text: str, tokens: Any) -> Iterable[Any]:
        for fragment in super().fragment_tokens(text, tokens):
            if not fragment.matches:  # Whoosh's fragment for a match longer than maxchars
                yield fragment
                continue
            start, end = fragment.startchar, fragment.endchar
            if start > 0 and _in_word(text[start - 1]):
                space = text.find(" ", start, fragment.matches[0].startchar)
                fragment.startchar = space + 1 if space >= 0 else start
            if end < len(text) and _in_word(text[end]):
                space = text.rfind(" ", fragment.matches[-1].endchar, end)
                fragment.endchar = space if space >= 0 else end
            yield fragment


def _in_word(char: str) -> bool:
    """Whether a cut next to `char` would split a word ("Pakistan|’s", "Kassym-|Jomart")."""
    return char.isalnum() or char in "'’-"


def _union(sets: Iterable[set[int]]) -> set[int]:
    out: set[int] = set()
    for docs in sets:
        out |= docs
    return out


def _intersect(base: set[int], others: Iterable[set[int]]) -> set[int]:
    result = base
    for docs in sorted(others, key=len):
        result = result & docs
    return result


def _count(values: dict[str, set[int]], doc_values: dict[int, list[str]], docs: set[int]) -> dict[str, int]:
    """How many of `docs` have each value, by whichever way costs less here."""
    counts: dict[str, int] = {}
    if len(docs) * 3 < len(values):  # few documents, many values (people): walk the documents
        for doc in docs:
            for value in doc_values.get(doc, ()):
                counts[value] = counts.get(value, 0) + 1
        return counts
    for value, value_docs in values.items():
        n = len(docs & value_docs)
        if n:
            counts[value] = n
    return counts


def _invert(per_doc: dict[int, str]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for doc, value in per_doc.items():
        out.setdefault(value, set()).add(doc)
    return out


def _first_of_each_story(ordered: list[int], cache: FacetCache, enough: int) -> list[int]:
    """The first document of each story, in order, until there are `enough`."""
    seen: set[str] = set()
    out = []
    for doc in ordered:
        story = cache.doc_story.get(doc, str(doc))
        if story not in seen:
            seen.add(story)
            out.append(doc)
            if len(out) >= enough:
                break
    return out


def _story_summary(cache: FacetCache, docnum: int, matched: set[int]) -> StorySummary | None:
    story = cache.doc_story.get(docnum)
    if story is None:
        return None
    members = cache.story_docs.get(story, {docnum})
    outlets = {name for doc in members for name in cache.doc_values["outlet"].get(doc, [])}
    outlet_of = cache.doc_values["outlet"]
    dated = sorted((cache.doc_day[doc], doc not in outlet_of, doc) for doc in members if doc in cache.doc_day)
    first_outlet = first_date = None
    if dated:
        first_date, _, first_doc = dated[0]
        first_outlet = next(iter(cache.doc_values["outlet"].get(first_doc, [])), None)
    wires = sorted(name for name in outlets if (o := outlet_by_name(name)) and o.type == "wire agency")
    return StorySummary(
        id=story,
        size=len(members & matched),
        outlets=len(outlets),
        first_outlet=first_outlet,
        first_date=first_date,
        wire_origin=wires[0] if wires else None,
    )


def _count_days(docs: set[int], cache: FacetCache) -> dict[str, int]:
    return _count(cache.day, cache.day_lists, docs)


def _by_date(docs: set[int], cache: FacetCache, newest: bool) -> list[int]:
    """Documents by date; undated ones come last whichever way dates are sorted."""
    dated = sorted(
        (doc for doc in docs if doc in cache.doc_day),
        key=lambda doc: (cache.doc_day[doc], doc),
        reverse=newest,
    )
    return dated + sorted(doc for doc in docs if doc not in cache.doc_day)


def _lead(body: str) -> str:
    if len(body) <= SNIPPET_CHARS:
        return body
    return body[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
