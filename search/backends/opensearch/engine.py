"""The OpenSearch backend: the same search on a cluster, for archives that outgrow one machine.

The articles live in an index behind an alias (`<prefix>-articles`): a
rebuild fills a new index and swaps the alias in one step, so searches never
see half an index. Queries are dipnews' own parse (search/parsing.py)
translated into DSL (search/backends/opensearch/query.py). Facets are disjunctive: the
page's hits carry every filter (post_filter), and each facet is counted by an
aggregation filtered by every filter but its own. Stories collapse on
story_id; did-you-mean comes from the term suggester over unstemmed words;
related coverage from more_like_this. Writes go in bulk with retries and are
refreshed before they return, so an added article is searchable at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from opensearchpy import helpers
from opensearchpy.exceptions import NotFoundError

from indexer.enrich.grouping import article_fields, assign_groups, regrouped, resolve_people, split_groups
from indexer.errors import Misconfigured
from indexer.facet_registry import VALUE_FACETS
from search.backends.opensearch.answers import (
    MAX_WINDOW,
    article_of,
    days,
    facet_counts,
    hit_of,
    ranked,
    search_body,
    sort,
    stories_body,
    story_summaries,
)
from search.backends.opensearch.cluster import Cluster
from search.backends.opensearch.lookups import ClusterLookups
from search.backends.opensearch.mapping import SCHEMA_VERSION
from search.backends.opensearch.query import MATCH_ALL, Clause, request_filters, to_dsl
from search.parsing import correctable, mark_words, parse_query, with_corrections
from search.query import SearchRequest
from search.results import RELATED_TERMS, SUGGEST_BELOW, Hit, SearchResult
from search.settings import resolved
from search.spelling import MIN_DOCS

if TYPE_CHECKING:
    from indexer.article import Article

BULK_THREADS = 2  # a bulk load's requests in flight at once (the client encodes while the cluster indexes)


class OpenSearchBackend:
    """Searches and writes one dipnews index on an OpenSearch cluster; safe to share between threads."""

    name = "opensearch"
    merging = False  # the cluster merges its segments itself

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.client = cluster.client  # for tools and tests that talk to the cluster themselves
        self.alias = cluster.alias

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process (a bulk load's writer) as its cluster's settings."""
        return OpenSearchBackend, (self.cluster,)

    def close(self) -> None:
        self.cluster.close()

    def health(self) -> dict[str, Any]:
        """The cluster's health (status, nodes, shards)."""
        health: dict[str, Any] = self.cluster.call(lambda: self.client.cluster.health())
        return health

    # -- reading -----------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        query, text = parse_query(request.q)
        base = to_dsl(query, text.text)
        filters = request_filters(request)
        result = self.cluster.search(search_body(request, base, query, filters))
        if result is None:
            return SearchResult(request, 0, [], {name: {} for name in (*_facet_names(), "date")})
        aggs = result["aggregations"]
        counts = facet_counts(aggs)
        total = result["hits"]["total"]["value"]
        relaxations = (
            {name: aggs[f"without_{name}"]["doc_count"] for name in filters} if not total and filters else {}
        )
        hits = [hit_of(h) for h in result["hits"]["hits"]]
        self._story_summaries(hits, base, filters)
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            counts=counts,
            undated=aggs["date"]["undated"]["doc_count"],
            interpreted=text.text if request.q.strip() else "",
            notes=text.notes,
            timeline=counts["date"] if "date" not in filters else days(aggs["matched"]["days"]),
            stories=aggs["matched"]["stories"]["value"],
            indexed_per_day=days(aggs["indexed"]["days"]) if "indexed" in aggs else {},
            suggestion=self._suggest(text.text) if total < SUGGEST_BELOW and request.q.strip() else None,
            relaxations=relaxations,
        )

    def _story_summaries(self, hits: list[Hit], base: Clause, filters: dict[str, Clause]) -> None:
        """Each hit's story: how many of its articles match, its outlets, who reported it first."""
        stories = sorted({hit.meta.get("story_id") or hit.id for hit in hits})
        result = self.cluster.search(stories_body(stories, base, filters)) if stories else None
        if result is None:
            return
        summaries = story_summaries(result)
        for hit in hits:
            hit.story = summaries.get(hit.meta.get("story_id") or hit.id)

    def suggest(self, raw_query: str) -> str | None:
        """The query with words no article holds replaced by the closest indexed ones, or None."""
        return self._suggest(parse_query(raw_query)[1].text) if raw_query.strip() else None

    def _suggest(self, text: str) -> str | None:
        words = correctable(text)
        if not words:
            return None
        suggesters = {
            f"w{i}": {
                "text": word.lower(),
                "term": {"field": "words", "suggest_mode": "missing", "max_edits": 2},
            }
            for i, word in words.items()
        }
        result = self.cluster.search({"size": 0, "suggest": suggesters})
        if result is None:
            return None
        corrections = {}
        for i, word in words.items():
            options = [o for entry in result["suggest"][f"w{i}"] for o in entry["options"]]
            if not options or self._knows(word):
                continue
            # each shard suggests from its own words: a word is offered once MIN_DOCS articles hold it
            ranked = sorted(options, key=lambda o: (-o["score"], -o["freq"], o["text"]))
            best = next((o for o in ranked if self._frequency(o["text"]) >= MIN_DOCS), None)
            if best is not None:
                corrections[i] = best["text"]
        return with_corrections(text, corrections)

    def _frequency(self, word: str) -> int:
        """How many articles hold a word (unstemmed) in their title or body."""
        body = {"query": {"term": {"words": word}}}
        return self.cluster.count(body)

    def _knows(self, word: str) -> bool:
        """Whether any article's title or body holds the word (each shard's suggester sees only itself)."""
        body = {"query": {"multi_match": {"query": word, "fields": ["title", "body"]}}}
        return bool(self.cluster.count(body))

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        query, text = parse_query(request.q)
        base = to_dsl(query, text.text)
        body = {
            "query": {
                "bool": {"must": [ranked(base, query)], "filter": list(request_filters(request).values())}
            },
            "size": max(0, min(limit, MAX_WINDOW)),
            "track_total_hits": True,
            "sort": sort(request.sort),
            "_source": ["id", "title", "meta"],
        }
        result = self.cluster.search(body)
        if result is None:
            return [], 0
        hits = [
            Hit(h["_source"]["id"], h["_source"]["title"], "", h["_source"]["meta"])
            for h in result["hits"]["hits"]
        ]
        return hits, result["hits"]["total"]["value"]

    def article(self, article_id: str) -> dict[str, Any] | None:
        try:
            found = self.cluster.call(
                lambda: self.client.get(index=self.alias, id=article_id, _source=["title", "body", "meta"])
            )
        except NotFoundError:
            return None
        return article_of(found["_source"])

    def story(self, story_id: str) -> list[dict[str, Any]]:
        body = {
            "query": {"term": {"story_id": story_id}},
            "size": MAX_WINDOW,
            "sort": [{"day": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "_source": ["title", "body", "meta"],
        }
        result = self.cluster.search(body)
        return [] if result is None else [article_of(h["_source"]) for h in result["hits"]["hits"]]

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        body = {
            "size": limit,
            "query": {
                "more_like_this": {
                    "fields": ["body"],
                    "like": [{"_index": self.alias, "_id": article_id}],
                    "max_query_terms": RELATED_TERMS,
                    "min_term_freq": 1,
                    "min_doc_freq": 1,
                }
            },
            "_source": ["id", "title", "meta"],
        }
        result = self.cluster.search(body)
        if result is None:
            return []
        return [
            Hit(h["_source"]["id"], h["_source"]["title"], "", h["_source"]["meta"], h["_score"])
            for h in result["hits"]["hits"]
        ]

    def highlight(self, text: str, raw_query: str) -> str:
        return mark_words(text, parse_query(raw_query)[0])

    def stats(self) -> dict[str, Any]:
        health = self.health()
        cluster = {
            "cluster_status": health["status"],
            "cluster_nodes": health["number_of_nodes"],
            "cluster_unassigned_shards": health["unassigned_shards"],
        }
        facets = {spec.name: {"filter": {"exists": {"field": spec.field}}} for spec in VALUE_FACETS}
        tallies = {
            name: {"terms": {"field": name, "size": 100, "missing": "none"}}
            for name in ("date_source", "outlet_source", "title_source", "kind")
        }
        body = {
            "size": 0,
            "track_total_hits": True,
            "aggs": {
                "dated": {"filter": {"exists": {"field": "day"}}},
                "fallback": {"filter": {"term": {"fallback": True}}},
                "site_chrome": {"filter": {"term": {"site_chrome": True}}},
                "older": {"filter": {"range": {"extractor_version": {"lt": _extractor_version()}}}},
                **facets,
                **tallies,
            },
        }
        result = self.cluster.search(body)
        if result is None:
            return {"backend": self.name, "documents": 0, **cluster}
        aggs = result["aggregations"]
        total = result["hits"]["total"]["value"]
        return {
            "backend": self.name,
            **cluster,
            "documents": total,
            "with_date": aggs["dated"]["doc_count"],
            "undated": total - aggs["dated"]["doc_count"],
            **{f"with_{spec.name}": aggs[spec.name]["doc_count"] for spec in VALUE_FACETS},
            "fallback_extractions": aggs["fallback"]["doc_count"],
            "site_chrome_dropped": aggs["site_chrome"]["doc_count"],
            "older_extraction": aggs["older"]["doc_count"],
            **{
                f"{name}s": {b["key"]: b["doc_count"] for b in aggs[name]["buckets"]}
                for name in ("date_source", "outlet_source", "title_source", "kind")
            },
        }

    # -- writing -----------------------------------------------------------

    def write(
        self, articles: Iterable[Article], *, clear: bool = False, progress: Callable[[], None] | None = None
    ) -> int:
        """Add or replace (by id) articles, searchable when this returns; with `clear`, they fill a new
        index that then replaces the old one in one step (the alias moves)."""
        articles = list({article.id: article for article in articles}.values())
        if clear:
            resolve_people(articles, None)
            assign_groups(articles, None)
            documents = (article_fields(article) for article in articles)
            return self.load(documents, progress=progress)
        self.cluster.ensure_index()
        lookups = ClusterLookups(self.cluster)
        resolve_people(articles, lookups)
        remaps = assign_groups(articles, lookups)
        rewrites = regrouped(lookups, remaps, {a.id for a in articles})
        self.cluster.bulk(self.alias, (article_fields(article) for article in articles), progress)
        self.cluster.bulk(self.alias, rewrites)
        self.cluster.refresh()
        return len(articles)

    def load(self, documents: Iterable[dict[str, object]], progress: Callable[[], None] | None = None) -> int:
        """Fill a new index with articles already extracted and grouped (indexer/enrich/grouping.py's
        document_fields) and swap it in for the old one: searches see the old index until then."""
        target = self.cluster.create_index(bulk_load=True)
        try:
            count = self.cluster.bulk(target, documents, progress, threads=BULK_THREADS)
            self.cluster.finish_load(target)
        except BaseException:
            self.cluster.call(lambda: self.client.indices.delete(index=target, ignore_unavailable=True))
            raise
        return count

    def delete(self, article_id: str) -> bool:
        """Remove an article (its groups are worked out again among their other members)."""
        try:
            found = self.cluster.call(
                lambda: self.client.get(index=self.alias, id=article_id, _source=["meta"])
            )
        except NotFoundError:
            return False
        rewrites = split_groups(ClusterLookups(self.cluster), found["_source"]["meta"], article_id)
        self.cluster.call(lambda: self.client.delete(index=self.alias, id=article_id))
        self.cluster.bulk(self.alias, rewrites)
        self.cluster.refresh()
        return True

    def indexed_ids(self) -> set[str]:
        if not self.cluster.exists():
            return set()
        scan = helpers.scan(
            self.client, index=self.alias, query={"query": MATCH_ALL}, _source=False, size=5000
        )
        return {hit["_id"] for hit in self.cluster.call(lambda: list(scan))}

    def is_indexed(self, article_id: str) -> bool:
        try:
            return bool(self.cluster.call(lambda: self.client.exists(index=self.alias, id=article_id)))
        except NotFoundError:
            return False

    def spell_people(self, articles: list[Article]) -> None:
        resolve_people(articles, ClusterLookups(self.cluster) if self.cluster.exists() else None)

    def schema_is_current(self) -> bool:
        try:
            found = self.cluster.call(lambda: self.client.indices.get_mapping(index=self.alias))
        except NotFoundError:
            return True
        return all(
            m["mappings"].get("_meta", {}).get("dipnews_schema") == SCHEMA_VERSION for m in found.values()
        )

    def optimize(self) -> int:
        if not self.cluster.exists():
            return 0
        self.cluster.call(lambda: self.client.indices.forcemerge(index=self.alias, max_num_segments=1))
        return self.cluster.count()


def _facet_names() -> list[str]:
    return [spec.name for spec in VALUE_FACETS]


def _extractor_version() -> int:
    from indexer.article import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def from_settings(settings: Mapping[str, Any]) -> OpenSearchBackend:
    """The backend the OPENSEARCH_* settings describe."""
    settings = resolved(settings)
    url = settings["OPENSEARCH_URL"]
    if not url:
        raise Misconfigured("BACKEND is opensearch but OPENSEARCH_URL is not set (DIPNEWS_OPENSEARCH_URL).")
    cluster = Cluster(
        str(url),
        prefix=str(settings["OPENSEARCH_INDEX_PREFIX"]),
        shards=int(settings["OPENSEARCH_SHARDS"]),
        replicas=int(settings["OPENSEARCH_REPLICAS"]),
        user=settings["OPENSEARCH_USER"] or None,
        password=settings["OPENSEARCH_PASSWORD"] or None,
        ca_file=settings["OPENSEARCH_CA_FILE"] or None,
    )
    return OpenSearchBackend(cluster)
