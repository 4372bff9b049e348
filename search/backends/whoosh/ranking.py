"""The order of a search's matched documents: by score (BM25F in numpy over cached postings, the
best scored holding a plain query's words side by side first), by Whoosh's own ranking for a
query with no word to score, or by date; one per story when stories are collapsed."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from whoosh.query import Every, Query
from whoosh.searching import Searcher

from search.backends.whoosh.columns import Columns
from search.backends.whoosh.generation import Generation
from search.parsing import (
    QUERY_FIELDS,
    phrase_words,
)

if TYPE_CHECKING:
    pass

PHRASE_BOOST = 2.0  # a result holding a plain query's words side by side scores this much more
PHRASE_CANDIDATES = 50  # the best-scored results looked at for the words side by side
DATE_SORT_HEADROOM = 4  # date-ordered pages take this many times the documents they show, then more


def ordered(
    gen: Generation,
    searcher: Searcher,
    query: Query,
    base: np.ndarray,
    matched: np.ndarray,
    sort: str,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """The first `enough` matched documents in the order asked for (one per story when `story`
    is given): by score in numpy, by Whoosh for a query with no word to score, or by date."""
    scores = gen.scores(query) if sort == "relevance" else None
    if scores is not None:
        return _by_score(gen, searcher, query, scores, matched, enough, story)
    if sort == "relevance" and not isinstance(query, Every):
        return _whoosh_ranked(searcher, query, base, matched, enough, story)
    return by_date(matched, gen.columns, newest=sort != "oldest", enough=enough, story=story)


def _by_score(
    gen: Generation,
    searcher: Searcher,
    query: Query,
    scores: np.ndarray,
    matched: np.ndarray,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """The first `enough` matched documents by score (one per story when `story` is given);
    of a plain query of several words, the best scored holding the words side by side first."""
    docs = np.flatnonzero(matched)
    values = scores[docs]
    words = phrase_words(query)
    take = max(enough * (2 if story is not None else 1), PHRASE_CANDIDATES if words else 0, 1)
    while True:
        if take >= len(docs):
            order = np.lexsort((docs, -values))
        else:
            part = np.argpartition(-values, take)[:take]
            order = part[np.lexsort((docs[part], -values[part]))]
        ranked = [(int(docs[i]), float(values[i])) for i in order]
        if words:  # the best scored only, on every page and in exports alike
            best = ranked[:PHRASE_CANDIDATES]
            together = _holding_phrase(gen, searcher, words, sorted(doc for doc, _ in best))
            boosted = [(doc, score * (1 + PHRASE_BOOST) if doc in together else score) for doc, score in best]
            ranked = sorted(boosted, key=lambda pair: -pair[1]) + ranked[PHRASE_CANDIDATES:]
        result = [doc for doc, _ in ranked]
        if story is not None:
            result = first_of_each_story(result, story, enough)
        if len(result) >= enough or take >= len(docs):
            return result[:enough]
        take *= 4


def _whoosh_ranked(
    searcher: Searcher,
    query: Query,
    base: np.ndarray,
    matched: np.ndarray,
    enough: int,
    story: np.ndarray | None,
) -> list[int]:
    """Whoosh's own ranking, for a query with no title or body word to score (`topic:trade`)."""
    # Without facet filters, no filter set: Whoosh can then skip low-scoring blocks.
    narrowed = set(np.flatnonzero(matched).tolist()) if int(matched.sum()) < int(base.sum()) else None
    limit = enough * 2 if story is not None else enough
    while True:
        results = searcher.search(query, filter=narrowed, limit=limit)
        ranked = [hit.docnum for hit in itertools.islice(results, limit)]  # len() would count every match
        if story is not None:
            ranked = first_of_each_story(ranked, story, enough)
        if len(ranked) >= enough or len(results.top_n) < limit:
            return ranked[:enough]
        limit *= 4


def _holding_phrase(gen: Generation, searcher: Searcher, words: list[str], docs: list[int]) -> set[int]:
    """Which of `docs` (ascending) hold the words side by side, in the title or the body."""
    found: set[int] = set()
    leaves = searcher.reader().leaf_readers() if gen.segment_ids else []  # (an empty index has no segment)
    for (leaf, offset), segment_id in zip(leaves, gen.segment_ids, strict=True):
        local = [doc - offset for doc in docs if offset <= doc < offset + leaf.doc_count_all()]
        for fieldname in QUERY_FIELDS if local else ():
            keys = [leaf._text_to_bytes(fieldname, word) for word in words]
            if not all((fieldname, key) in leaf for key in keys):
                continue
            held = []
            holding = local
            for key in keys:
                held.append(gen.postings.positions(segment_id, leaf, fieldname, key, holding))
                holding = [doc for doc in holding if doc in held[-1]]  # the next word: where all were
            for doc in holding:
                if _consecutive([where[doc] for where in held]):
                    found.add(doc + offset)
    return found


def _consecutive(places: list[frozenset[int]]) -> bool:
    """Whether the words, at these positions each, stand side by side in order somewhere."""
    return any(all(start + i in later for i, later in enumerate(places)) for start in places[0])


def first_of_each_story(ordered: Iterable[int], story: np.ndarray, enough: int) -> list[int]:
    """The first document of each story, in order, until there are `enough`."""
    seen: set[int] = set()
    out = []
    for doc in ordered:
        code = int(story[doc])
        key = code if code >= 0 else -1 - doc
        if key not in seen:
            seen.add(key)
            out.append(doc)
            if len(out) >= enough:
                break
    return out


def by_date(
    matched: np.ndarray, columns: Columns, newest: bool, enough: int, story: np.ndarray | None = None
) -> list[int]:
    """The first `enough` matched documents by date (one per story when `story` is given);
    undated ones come last whichever way dates are sorted.

    Only a few times `enough` documents are sorted (argpartition picks them), more when
    collapsing stories leaves too few.
    """
    day = columns.facets["day"].dense
    assert day is not None
    docs = np.flatnonzero(matched)
    days = day[docs].astype(np.int64)
    # one key orders dated documents (by day, then document number) and puts undated ones last
    span = len(docs) + 1
    rank = np.arange(len(docs), dtype=np.int64)
    dated_keys = days * span + rank
    keys = np.where(days >= 0, -dated_keys if newest else dated_keys, np.iinfo(np.int64).max - span + rank)
    take = max(enough, 1) * DATE_SORT_HEADROOM
    while True:
        if take >= len(docs):
            ordered = docs[np.argsort(keys, kind="stable")]
        else:
            part = np.argpartition(keys, take)[:take]
            ordered = docs[part[np.argsort(keys[part], kind="stable")]]
        result = ordered.tolist() if story is None else first_of_each_story(ordered.tolist(), story, enough)
        if len(result) >= enough or take >= len(docs):
            return result[:enough]
        take *= 4


def all_of(base: np.ndarray, masks: Iterable[np.ndarray]) -> np.ndarray:
    result = base
    for mask in masks:
        result = result & mask
    return result


def story_count(columns: Columns, matched: np.ndarray) -> int:
    """Distinct stories among the matched documents (a document with no story is its own)."""
    column = columns.facets["story"]
    assert column.dense is not None
    codes = column.dense[matched]
    # a mark per story code: np.unique sorts or hashes, 0.8 s over a million documents
    seen = np.zeros(len(column.values), dtype=bool)
    seen[codes[codes >= 0]] = True
    return int(np.count_nonzero(seen) + np.count_nonzero(codes < 0))
