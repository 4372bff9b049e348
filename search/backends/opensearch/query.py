"""dipnews' parse of a query (search/parsing.py) and a request's filters as OpenSearch query DSL.

The user's text never reaches OpenSearch as a `query_string`: each node of the
parsed tree becomes one DSL clause. A word is sent as the user wrote it (the
parser records where it stood) to be analysed by the index's analyser, which
mirrors Whoosh's (search/backends/opensearch/mapping.py), so that both engines match
the same documents.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from indexer.errors import DipnewsError
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from search.backends.opensearch.mapping import TEXT_FIELDS, TITLE_BOOST
from search.query import SearchRequest

Clause = dict[str, Any]
MATCH_ALL: Clause = {"match_all": {}}
MATCH_NONE: Clause = {"match_none": {}}


def to_dsl(query: wq.Query, text: str) -> Clause:
    """The DSL clause of a parsed query; `text` is the query text it was parsed from."""
    if isinstance(query, wq.Every):
        return MATCH_ALL
    if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
        return MATCH_NONE
    if isinstance(query, wq.And):
        must = [to_dsl(q, text) for q in query.subqueries if not isinstance(q, wq.Not)]
        must_not = [to_dsl(q.query, text) for q in query.subqueries if isinstance(q, wq.Not)]
        return _boosted({"bool": {"must": must or [MATCH_ALL], "must_not": must_not}}, query)
    if isinstance(query, wq.Or):
        should = [to_dsl(q, text) for q in query.subqueries]
        return _boosted({"bool": {"should": should, "minimum_should_match": 1}}, query)
    if isinstance(query, wq.AndNot):
        return {"bool": {"must": [to_dsl(query.a, text)], "must_not": [to_dsl(query.b, text)]}}
    if isinstance(query, wq.Not):
        return {"bool": {"must": [MATCH_ALL], "must_not": [to_dsl(query.query, text)]}}
    if isinstance(query, wq.FuzzyTerm):
        return {
            "fuzzy": {
                query.fieldname: {
                    "value": query.text,
                    "fuzziness": query.maxdist,
                    "prefix_length": query.prefixlength,
                }
            }
        }
    if isinstance(query, wq.Term):
        return _term(query, text)
    if isinstance(query, wq.Phrase):
        return _phrase(query, text)
    if isinstance(query, wq.Prefix):
        return _field_boost({"prefix": {query.fieldname: {"value": query.text}}}, query.fieldname)
    if isinstance(query, wq.Wildcard):
        return _field_boost({"wildcard": {query.fieldname: {"value": query.text}}}, query.fieldname)
    if isinstance(query, wq.TermRange):
        bounds: dict[str, str] = {}
        if query.start is not None:
            bounds["gt" if query.startexcl else "gte"] = query.start
        if query.end is not None:
            bounds["lt" if query.endexcl else "lte"] = query.end
        return {"range": {query.fieldname: bounds}}
    raise DipnewsError(f"This kind of query ({type(query).__name__}) cannot be searched here.")


def _term(query: wq.Term, text: str) -> Clause:
    if query.fieldname not in TEXT_FIELDS:
        return _boosted({"term": {query.fieldname: query.text}}, query)
    start, end = getattr(query, "startchar", None), getattr(query, "endchar", None)
    word = text[start:end] if start is not None and end is not None else query.text
    clause = {"match": {query.fieldname: {"query": word, "operator": "and"}}}
    return _field_boost(_boosted(clause, query), query.fieldname)


def _phrase(query: wq.Phrase, text: str) -> Clause:
    ranges = getattr(query, "char_ranges", None)
    # the phrase as typed, stop words included: they leave the same gaps in OpenSearch's positions
    words = text[ranges[0][0] : ranges[-1][1]] if ranges else " ".join(query.words)
    clause = {"match_phrase": {query.fieldname: {"query": words, "slop": max(0, query.slop - 1)}}}
    return _field_boost(_boosted(clause, query), query.fieldname)


def _boosted(clause: Clause, query: wq.Query) -> Clause:
    boost = getattr(query, "boost", 1.0)
    if boost != 1.0:
        kind, body = next(iter(clause.items()))
        if kind == "bool":
            body["boost"] = boost
        else:
            field, params = next(iter(body.items()))
            params["boost"] = params.get("boost", 1.0) * boost
    return clause


def _field_boost(clause: Clause, fieldname: str) -> Clause:
    """Title words count twice, as Whoosh's field boost makes them."""
    if fieldname == "title":
        _, body = next(iter(clause.items()))
        params = next(iter(body.values()))
        params["boost"] = params.get("boost", 1.0) * TITLE_BOOST
    return clause


def request_filters(request: SearchRequest) -> dict[str, Clause]:
    """A clause for each active facet of a request: values of one facet ORed, facets ANDed."""
    filters: dict[str, Clause] = {}
    for spec in VALUE_FACETS:
        selected: tuple[str, ...] = getattr(request, spec.attribute)
        if not selected:
            continue
        clauses = [
            {"bool": {"must_not": [{"exists": {"field": spec.field}}]}}
            if value == UNKNOWN
            else {"term": {spec.field: spec.index_value(value)}}
            for value in selected
        ]
        if spec.name == "country" and request.all_countries:
            filters[spec.name] = {"bool": {"filter": clauses}}
        else:
            filters[spec.name] = {"bool": {"should": clauses, "minimum_should_match": 1}}
    if request.date_from or request.date_to or request.undated:
        either: list[Clause] = []
        if request.date_from or request.date_to:
            bounds = {}
            if request.date_from:
                bounds["gte"] = request.date_from.isoformat()
            if request.date_to:
                bounds["lte"] = request.date_to.isoformat()
            either.append({"range": {"day": bounds}})
        if request.undated:
            either.append({"bool": {"must_not": [{"exists": {"field": "day"}}]}})
        filters["date"] = {"bool": {"should": either, "minimum_should_match": 1}}
    return filters


def all_of(clauses: list[Clause]) -> Clause:
    return {"bool": {"filter": clauses}} if clauses else MATCH_ALL
