"""A search's answer from one generation: disjunctive facet counts, filters as masks, the
timeline, the page of hits with their snippets and stories, and did-you-mean."""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import highlight
from whoosh.query import Every, Query

from indexer.enrich.outlets import outlet_by_name
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from search.backends.whoosh.generation import Generation
from search.backends.whoosh.ranking import all_of, ordered, story_count
from search.parsing import (
    ANALYZER,
    SNIPPET_CHARS,
    correctable,
    lead_snippet,
    query_words,
    with_corrections,
)
from search.query import QueryText, SearchRequest
from search.results import SUGGEST_BELOW, Hit, SearchResult, StorySummary

if TYPE_CHECKING:
    pass

SNIPPET_CONTEXT = 80  # characters kept around a match in a snippet's fragment
HIGHLIGHT_WINDOW = 4000  # characters of a body analysed for its snippet, around the first matches


def answer(
    gen: Generation, request: SearchRequest, query: Query, text: QueryText, facet_seconds: float
) -> SearchResult:
    """One page of results with facet counts, the timeline, story collapse and hints."""
    columns = gen.columns
    base = gen.matches(query)
    filters = request_filters(request, gen)
    matched = all_of(base, filters.values())
    if isinstance(query, Every) and not filters:
        # browsing everything (the home page): the same counts until the index changes
        counts, incomplete, undated = gen.memo(
            "browsing", lambda: _facet_counts(gen, request, base, {}, math.inf)
        )
        counts, incomplete = {name: dict(found) for name, found in counts.items()}, list(incomplete)
        stories = gen.memo("stories", lambda: story_count(columns, matched))
    else:
        deadline = time.perf_counter() + facet_seconds
        counts, incomplete, undated = _facet_counts(gen, request, base, filters, deadline)
        stories = story_count(columns, matched)
    timeline = counts["date"] if "date" not in filters else columns.facets["day"].counts(matched)
    relaxations = {}
    total = int(matched.sum())
    if not total and filters:
        for name in filters:
            relaxations[name] = int(all_of(base, [f for n, f in filters.items() if n != name]).sum())
    hits = _page(gen, query, base, matched, request)
    hint = suggestion(gen, query, text) if total < SUGGEST_BELOW else None
    return SearchResult(
        request=request,
        total=total,
        hits=hits,
        counts=counts,
        undated=undated,
        interpreted=text.text if not isinstance(query, Every) else "",
        notes=text.notes,
        timeline=timeline,
        stories=stories,
        indexed_per_day=gen.indexed_per_day,
        incomplete=incomplete,
        suggestion=hint,
        relaxations=relaxations,
    )


def _facet_counts(
    gen: Generation, request: SearchRequest, base: np.ndarray, filters: dict[str, np.ndarray], deadline: float
) -> tuple[dict[str, dict[str, int]], list[str], int]:
    """Each facet's counts (disjunctive: a facet's counts ignore its own selection), the facets
    not counted before the deadline, and how many matches are undated."""
    columns = gen.columns
    counts: dict[str, dict[str, int]] = {name: {} for name in (*facet_names(), "date")}
    incomplete: list[str] = []
    for spec in VALUE_FACETS:
        if time.perf_counter() > deadline:  # one slow facet never fails the page
            incomplete.append(spec.name)
            continue
        own = spec.name == "country" and request.all_countries  # ANDed countries count their own
        docs = all_of(base, [f for n, f in filters.items() if own or n != spec.name])
        column = columns.facets[spec.name]
        counts[spec.name] = column.counts(docs)
        if spec.unknown_label and (missing := int((docs & ~column.with_any(gen.size)).sum())):
            counts[spec.name][UNKNOWN] = missing
    dated_base = all_of(base, [f for n, f in filters.items() if n != "date"])
    counts["date"] = columns.facets["day"].counts(dated_base)
    undated = int(dated_base.sum()) - sum(counts["date"].values())
    return counts, incomplete, undated


def suggestion(gen: Generation, query: Query, text: QueryText) -> str | None:
    """The query with misspelt words replaced by indexed ones, or None."""
    if isinstance(query, Every):
        return None
    corrections = {}
    for i, word in correctable(text.text).items():
        correction = None if gen.knows(word) else gen.spelling.correct(word)
        if correction:
            corrections[i] = correction
    return with_corrections(text.text, corrections)


def request_filters(request: SearchRequest, gen: Generation) -> dict[str, np.ndarray]:
    """A mask for each active facet: values of one facet are ORed, facets ANDed."""
    columns = gen.columns
    filters: dict[str, np.ndarray] = {}
    for spec in VALUE_FACETS:
        selected: tuple[str, ...] = getattr(request, spec.attribute)
        if not selected:
            continue
        column = columns.facets[spec.name]
        masks = [
            ~column.with_any(gen.size) & columns.live
            if value == UNKNOWN
            # a value of many: its postings (cached, or saved beside the segment when frequent),
            # not a look through every (article, value) pair
            else gen.term_docs(spec.field, spec.index_value(value))
            if spec.multi
            else column.having([spec.index_value(value)], gen.size)
            for value in selected
        ]
        and_mode = spec.name == "country" and request.all_countries
        combined = masks[0]
        for mask in masks[1:]:
            combined = combined & mask if and_mode else combined | mask
        filters[spec.name] = combined
    if request.date_from or request.date_to or request.undated:
        mask = np.zeros(gen.size, dtype=bool)
        if request.date_from or request.date_to:
            start = request.date_from.isoformat() if request.date_from else None
            end = request.date_to.isoformat() if request.date_to else None
            mask |= columns.day_range(start, end)
        if request.undated:
            mask |= ~columns.facets["day"].with_any(gen.size)
        filters["date"] = mask
    return filters


def _page(
    gen: Generation, query: Query, base: np.ndarray, matched: np.ndarray, request: SearchRequest
) -> list[Hit]:
    start = (request.page - 1) * request.page_size
    end = start + request.page_size
    total = int(matched.sum())
    if not total or start >= total:
        return []
    story = gen.columns.facets["story"].dense
    assert story is not None
    collapse = story if request.collapse else None
    with gen.searcher() as searcher:
        shown = ordered(gen, searcher, query, base, matched, request.sort, end, collapse)[start:end]
        terms = query_words(query)
        hits = [hit_of(searcher.stored_fields(doc), terms) for doc in shown]
    for hit, doc in zip(hits, shown, strict=True):
        hit.story = story_summary(gen, doc, matched)
    return hits


def story_summary(gen: Generation, docnum: int, matched: np.ndarray) -> StorySummary | None:
    columns = gen.columns
    story_column = columns.facets["story"]
    assert story_column.dense is not None
    code = int(story_column.dense[docnum])
    if code < 0:
        return None
    story = story_column.values[code]
    members = gen.story_members(code)
    if not len(members):
        members = np.asarray([docnum])
    outlet = columns.facets["outlet"]
    assert outlet.dense is not None
    outlet_codes = outlet.dense[members]
    outlets = {outlet.values[c] for c in outlet_codes[outlet_codes >= 0].tolist()}
    day = columns.facets["day"]
    assert day.dense is not None
    days = day.dense[members]
    first_outlet = first_date = None
    dated = [
        (int(d), int(o) < 0, int(doc))
        for d, o, doc in zip(days.tolist(), outlet_codes.tolist(), members.tolist(), strict=True)
        if d >= 0
    ]
    if dated:
        first_day, _, first_doc = min(dated)
        first_date = day.values[first_day]
        first_code = int(outlet.dense[first_doc])
        first_outlet = outlet.values[first_code] if first_code >= 0 else None
    wires = sorted(name for name in outlets if (o := outlet_by_name(name)) and o.type == "wire agency")
    return StorySummary(
        id=story,
        size=int(matched[members].sum()),
        outlets=len(outlets),
        first_outlet=first_outlet,
        first_date=first_date,
        wire_origin=wires[0] if wires else None,
    )


def hit_of(fields: dict[str, Any], terms: frozenset[str]) -> Hit:
    """A result: stored fields, and a snippet around the query's words in the body."""
    body = fields["body"]
    snippet = _snippet(body, terms) if terms else ""
    if not snippet:
        snippet = lead_snippet(body)
    return Hit(fields["id"], fields["title"], snippet, json.loads(fields["meta"]))


def _snippet(body: str, terms: frozenset[str]) -> str:
    """Up to two fragments of the body with the words marked, from a window around their first
    occurrences: a long body is not analysed whole for a snippet of 240 characters."""
    stems = sorted((re.escape(term) for term in terms), key=len, reverse=True)
    first = re.search(rf"\b(?:{'|'.join(stems)})", body, re.IGNORECASE) if stems else None
    begin = max(0, first.start() - SNIPPET_CHARS) if first else 0
    window = body[begin : begin + HIGHLIGHT_WINDOW]
    if begin:  # start on a whole word
        window = window[window.find(" ") + 1 :]
    return str(
        highlight.highlight(
            window,
            terms,
            ANALYZER,
            WholeWordFragmenter(maxchars=SNIPPET_CHARS, surround=SNIPPET_CONTEXT),
            highlight.HtmlFormatter(tagname="mark", between=" … "),
            top=2,
        )
    )


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


def article_of(fields: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(fields["meta"])
    meta.update(id=fields["id"], title=fields["title"], body=fields["body"])
    return meta


def facet_names() -> list[str]:
    return [spec.name for spec in VALUE_FACETS]
