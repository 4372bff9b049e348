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

import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import (
    ConnectionError as ClusterConnectionError,
)
from opensearchpy.exceptions import (
    NotFoundError,
    TransportError,
)

from indexer.enrich.entities import Person
from indexer.enrich.grouping import (
    MAX_BLOCK,
    article_fields,
    assign_groups,
    parse_person_key,
    regrouped,
    resolve_people,
    split_groups,
)
from indexer.enrich.outlets import outlet_by_name
from indexer.errors import DipnewsError
from indexer.facet_registry import UNKNOWN, VALUE_FACETS
from search.backends.opensearch.mapping import SCHEMA_VERSION, index_settings, mappings, to_source
from search.backends.opensearch.query import MATCH_ALL, Clause, all_of, request_filters, to_dsl
from search.parsing import (
    SNIPPET_CHARS,
    correctable,
    lead_snippet,
    mark_words,
    parse_query,
    phrase_words,
    with_corrections,
)
from search.query import SearchRequest
from search.results import SUGGEST_BELOW, Hit, SearchResult, StorySummary
from search.spelling import MIN_DOCS

if TYPE_CHECKING:
    from indexer.article import Article

FACET_VALUES = 1000  # values counted per facet, most frequent first (the page shows the first few)
# Distinct stories are counted exactly up to this many, estimated (within about 1%) beyond: an
# exact count of 100,000 stories costs ten times as long (80 ms at 100,000 articles).
STORY_COUNT_PRECISION = 3000
MAX_WINDOW = 10_000  # OpenSearch's default max_result_window: the deepest page or export
BULK_CHUNK = 500
BULK_THREADS = 2  # a bulk load's requests in flight at once (the client encodes while the cluster indexes)
SEARCH_RETRY_PAUSES = (0.2, 0.5, 1.0, 2.0)  # a failed search is asked again after these pauses (s)
LOOKUP_CHUNK = 100  # story-term look-ups per multi-search
PERSON_KEYS = 5000  # people counted among the articles naming a surname
PHRASE_BOOST = 2.0  # as the Whoosh backend: results holding a plain query's words side by side first
_UNAVAILABLE = "The search cluster cannot be reached or is not ready ({}); try again in a moment."


class OpenSearchBackend:
    """Searches and writes one dipnews index on an OpenSearch cluster; safe to share between threads."""

    name = "opensearch"

    def __init__(
        self,
        urls: str,
        prefix: str = "dipnews",
        shards: int = 1,
        replicas: int = 1,
        user: str | None = None,
        password: str | None = None,
        ca_file: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        hosts = [url.strip() for url in urls.split(",") if url.strip()]
        if not hosts:
            raise DipnewsError("OPENSEARCH_URL names no node; set it to the cluster's URL.", 500)
        options: dict[str, Any] = {}
        if user:
            options["http_auth"] = (user, password or "")
        if ca_file:
            options.update(use_ssl=True, verify_certs=True, ca_certs=ca_file)
        self.client = OpenSearch(
            hosts,
            timeout=timeout,
            max_retries=5,
            retry_on_timeout=True,
            retry_on_status=(429, 502, 503, 504),
            **options,
        )
        self.alias = f"{prefix}-articles"
        self.shards, self.replicas = shards, replicas

    # -- the index ---------------------------------------------------------

    def _call(self, what: Callable[[], Any]) -> Any:
        """A cluster call; an unreachable or failing cluster is a clear 503, never a trace."""
        try:
            return what()
        except ClusterConnectionError as error:
            raise DipnewsError(_UNAVAILABLE.format("no node answers"), 503) from error
        except NotFoundError:
            raise
        except TransportError as error:
            status = error.status_code if isinstance(error.status_code, int) else 503
            if status == 400:
                raise DipnewsError(f"The search engine refused the query: {_reason(error)}.") from error
            raise DipnewsError(_UNAVAILABLE.format(_reason(error)), 503) from error

    def _exists(self) -> bool:
        return bool(self._call(lambda: self.client.indices.exists_alias(name=self.alias)))

    def _create_index(self, bulk_load: bool = False) -> str:
        """A new, empty index; for a bulk load, without replicas or refreshes until it is full."""
        name = f"{self.alias}-{time.time_ns()}"
        settings = index_settings(self.shards, 0 if bulk_load else self.replicas)
        if bulk_load:
            settings["refresh_interval"] = "-1"
        body = {"settings": settings, "mappings": mappings()}
        self._call(lambda: self.client.indices.create(index=name, body=body, wait_for_active_shards="all"))
        return name

    def _finish_load(self, name: str) -> None:
        """A bulk-loaded index made ready to serve: replicas made, refreshed, swapped in for the old."""
        settings = {"index": {"number_of_replicas": self.replicas, "refresh_interval": "1s"}}
        # flushed first, replicas copy the segments' files instead of replaying every operation
        self._call(lambda: self.client.indices.flush(index=name))
        self._call(lambda: self.client.indices.put_settings(index=name, body=settings))
        self._call(lambda: self.client.indices.refresh(index=name))
        self._call(
            lambda: self.client.cluster.health(
                index=name, wait_for_status="green", params={"timeout": "600s"}, request_timeout=610
            )
        )
        self._swap_alias(name)

    def _ensure_index(self) -> None:
        if not self._exists():
            name = self._create_index()
            try:
                self._call(lambda: self.client.indices.put_alias(index=name, name=self.alias))
            except DipnewsError:
                self._call(lambda: self.client.indices.delete(index=name))
                raise

    def _search(self, body: dict[str, Any], **params: Any) -> dict[str, Any] | None:
        """A search of the articles; None when there is no index yet. A search that failed on
        some shard or on all (a node leaving mid-request, before the cluster has moved its
        shards to their other copies) is asked again after growing pauses."""
        problem = "a shard failed"
        for pause in (*SEARCH_RETRY_PAUSES, None):
            try:
                result: dict[str, Any] = self._call(
                    lambda: self.client.search(index=self.alias, body=body, **params)
                )
            except NotFoundError:
                return None
            except DipnewsError as error:
                if error.status != 503 or pause is None:
                    raise
                time.sleep(pause)
                continue
            shards = result.get("_shards", {})
            if not shards.get("failed"):
                return result
            failure = shards.get("failures", [{}])[0].get("reason", {})
            problem = failure.get("reason") or failure.get("type") or problem
            if pause is not None:
                time.sleep(pause)
        raise DipnewsError(_UNAVAILABLE.format(problem), 503)

    def close(self) -> None:
        self.client.close()

    def health(self) -> dict[str, Any]:
        """The cluster's health (status, nodes, shards)."""
        health: dict[str, Any] = self._call(lambda: self.client.cluster.health())
        return health

    # -- reading -----------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        query, text = parse_query(request.q)
        names = [spec.name for spec in VALUE_FACETS]
        empty = SearchResult(request, 0, [], {name: {} for name in (*names, "date")})
        base = to_dsl(query, text.text)
        filters = request_filters(request)
        start = (request.page - 1) * request.page_size
        size = max(0, min(request.page_size, MAX_WINDOW - start))
        body: dict[str, Any] = {
            "query": _ranked(base, query),
            "post_filter": all_of(list(filters.values())),
            "from": start,
            "size": size,
            "track_total_hits": True,
            "sort": _sort(request.sort),
            "_source": ["id", "title", "meta", "body", "story_id"],
            "highlight": {
                "fields": {"body": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 2}},
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "encoder": "html",
            },
            "aggs": self._aggregations(request, filters),
        }
        if request.collapse:
            body["collapse"] = {"field": "story_id"}
        result = self._search(body)
        if result is None:
            return empty
        aggs = result["aggregations"]
        counts: dict[str, dict[str, int]] = {}
        for spec in VALUE_FACETS:
            facet = aggs[spec.name]
            counts[spec.name] = {b["key"]: b["doc_count"] for b in facet["values"]["buckets"]}
            if spec.unknown_label and facet["missing"]["doc_count"]:
                counts[spec.name][UNKNOWN] = facet["missing"]["doc_count"]
        counts["date"] = _days(aggs["date"]["days"])
        matched = aggs["matched"]
        total = result["hits"]["total"]["value"]
        relaxations = (
            {name: aggs[f"without_{name}"]["doc_count"] for name in filters} if not total and filters else {}
        )
        hits = [_hit(h) for h in result["hits"]["hits"]]
        self._story_summaries(hits, base, filters)
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            counts=counts,
            undated=aggs["date"]["undated"]["doc_count"],
            interpreted=text.text if request.q.strip() else "",
            notes=text.notes,
            timeline=counts["date"] if "date" not in filters else _days(matched["days"]),
            stories=matched["stories"]["value"],
            indexed_per_day=_days(aggs["indexed"]["days"]) if "indexed" in aggs else {},
            suggestion=self._suggest(text.text) if total < SUGGEST_BELOW and request.q.strip() else None,
            relaxations=relaxations,
        )

    def _aggregations(self, request: SearchRequest, filters: dict[str, Clause]) -> dict[str, Any]:
        """Each facet counted under every filter but its own (disjunctive facets)."""

        def others(name: str | None) -> Clause:
            return all_of([clause for other, clause in filters.items() if other != name])

        aggs: dict[str, Any] = {}
        for spec in VALUE_FACETS:
            own = spec.name == "country" and request.all_countries
            aggs[spec.name] = {
                "filter": others(None if own else spec.name),
                "aggs": {
                    "values": {"terms": {"field": spec.field, "size": FACET_VALUES}},
                    "missing": {"missing": {"field": spec.field}},
                },
            }
        aggs["date"] = {
            "filter": others("date"),
            "aggs": {"days": _day_histogram(), "undated": {"missing": {"field": "day"}}},
        }
        matched: dict[str, Any] = {
            "stories": {"cardinality": {"field": "story_id", "precision_threshold": STORY_COUNT_PRECISION}}
        }
        if "date" in filters:  # else the timeline is the date facet's counts
            matched["days"] = _day_histogram()
        aggs["matched"] = {"filter": others(None), "aggs": matched}
        for name in filters:
            aggs[f"without_{name}"] = {"filter": others(name)}
        if request.timeline_share:
            aggs["indexed"] = {"global": {}, "aggs": {"days": _day_histogram()}}
        return aggs

    def _story_summaries(self, hits: list[Hit], base: Clause, filters: dict[str, Clause]) -> None:
        """Each hit's story: how many of its articles match, its outlets, who reported it first."""
        stories = sorted({hit.meta.get("story_id") or hit.id for hit in hits})
        if not stories:
            return
        matching = {"bool": {"must": [base], "filter": list(filters.values())}}
        body = {
            "size": 0,
            "query": {"terms": {"story_id": stories}},
            "aggs": {
                "stories": {
                    "terms": {"field": "story_id", "size": len(stories)},
                    "aggs": {
                        "outlets": {"terms": {"field": "outlet_facet", "size": 500}},
                        "matching": {"filter": matching},
                        "first": {
                            "top_hits": {
                                "size": 1,
                                "sort": [{"day": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
                                "_source": ["meta.date", "meta.outlet"],
                            }
                        },
                    },
                }
            },
        }
        result = self._search(body)
        if result is None:
            return
        summaries = {}
        for bucket in result["aggregations"]["stories"]["buckets"]:
            outlets = [b["key"] for b in bucket["outlets"]["buckets"]]
            first = bucket["first"]["hits"]["hits"][0]["_source"].get("meta", {})
            wires = sorted(
                name for name in outlets if (o := outlet_by_name(name)) and o.type == "wire agency"
            )
            summaries[bucket["key"]] = StorySummary(
                id=bucket["key"],
                size=bucket["matching"]["doc_count"],
                outlets=len(outlets),
                first_outlet=first.get("outlet") if first.get("date") else None,
                first_date=first.get("date"),
                wire_origin=wires[0] if wires else None,
            )
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
        result = self._search({"size": 0, "suggest": suggesters})
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
        return int(self._call(lambda: self.client.count(index=self.alias, body=body))["count"])

    def _knows(self, word: str) -> bool:
        """Whether any article's title or body holds the word (each shard's suggester sees only itself)."""
        body = {"query": {"multi_match": {"query": word, "fields": ["title", "body"]}}}
        counted = self._call(lambda: self.client.count(index=self.alias, body=body))
        return bool(counted["count"])

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        query, text = parse_query(request.q)
        base = to_dsl(query, text.text)
        body = {
            "query": {
                "bool": {"must": [_ranked(base, query)], "filter": list(request_filters(request).values())}
            },
            "size": max(0, min(limit, MAX_WINDOW)),
            "track_total_hits": True,
            "sort": _sort(request.sort),
            "_source": ["id", "title", "meta"],
        }
        result = self._search(body)
        if result is None:
            return [], 0
        hits = [
            Hit(h["_source"]["id"], h["_source"]["title"], "", h["_source"]["meta"])
            for h in result["hits"]["hits"]
        ]
        return hits, result["hits"]["total"]["value"]

    def article(self, article_id: str) -> dict[str, Any] | None:
        try:
            found = self._call(
                lambda: self.client.get(index=self.alias, id=article_id, _source=["title", "body", "meta"])
            )
        except NotFoundError:
            return None
        return _article_of(found["_source"])

    def story(self, story_id: str) -> list[dict[str, Any]]:
        body = {
            "query": {"term": {"story_id": story_id}},
            "size": MAX_WINDOW,
            "sort": [{"day": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "_source": ["title", "body", "meta"],
        }
        result = self._search(body)
        return [] if result is None else [_article_of(h["_source"]) for h in result["hits"]["hits"]]

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        body = {
            "size": limit,
            "query": {
                "more_like_this": {
                    "fields": ["body"],
                    "like": [{"_index": self.alias, "_id": article_id}],
                    "max_query_terms": 12,
                    "min_term_freq": 1,
                    "min_doc_freq": 1,
                }
            },
            "_source": ["id", "title", "meta"],
        }
        result = self._search(body)
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
        result = self._search(body)
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
        self._ensure_index()
        lookups = ClusterLookups(self)
        resolve_people(articles, lookups)
        remaps = assign_groups(articles, lookups)
        rewrites = regrouped(lookups, remaps, {a.id for a in articles})
        self._bulk(self.alias, (article_fields(article) for article in articles), progress)
        self._bulk(self.alias, rewrites)
        self._call(lambda: self.client.indices.refresh(index=self.alias))
        return len(articles)

    def load(self, documents: Iterable[dict[str, object]], progress: Callable[[], None] | None = None) -> int:
        """Fill a new index with articles already extracted and grouped (indexer/enrich/grouping.py's
        document_fields) and swap it in for the old one: searches see the old index until then."""
        target = self._create_index(bulk_load=True)
        try:
            count = self._bulk(target, documents, progress, threads=BULK_THREADS)
            self._finish_load(target)
        except BaseException:
            self._call(lambda: self.client.indices.delete(index=target, ignore_unavailable=True))
            raise
        return count

    def _bulk(
        self,
        index: str,
        documents: Iterable[dict[str, object]],
        progress: Callable[[], None] | None = None,
        threads: int = 1,
    ) -> int:
        """Index documents in bulk requests from `threads` threads, each request retried with
        growing pauses while the cluster answers 429 (busy); the client itself retries
        502/503/504 and timeouts on other nodes."""
        source = iter(documents)
        lock = threading.Lock()

        def actions() -> Iterator[dict[str, Any]]:
            while True:
                with lock:  # the threads share one stream of documents
                    fields = next(source, None)
                    if fields is not None and progress:
                        progress()
                if fields is None:
                    return
                yield {"_index": index, "_id": fields["id"], "_source": to_source(fields)}

        written: list[int] = []
        failed: list[dict[str, Any]] = []
        errors: list[DipnewsError] = []

        def send() -> None:
            results = helpers.streaming_bulk(
                self.client,
                actions(),
                chunk_size=BULK_CHUNK,
                max_retries=6,
                initial_backoff=1,
                max_backoff=30,
                raise_on_error=False,
            )
            try:
                for ok, item in results:
                    written.append(1)
                    if not ok:
                        failed.append(item)
            except ClusterConnectionError:
                errors.append(DipnewsError(_UNAVAILABLE.format("no node answers"), 503))
            except TransportError as error:
                errors.append(DipnewsError(_UNAVAILABLE.format(_reason(error)), 503))

        senders = [threading.Thread(target=send) for _ in range(max(1, threads))]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join()
        if errors:
            raise errors[0]
        if failed:
            reason = next(iter(failed[0].values())).get("error", "unknown")
            raise DipnewsError(_UNAVAILABLE.format(f"{len(failed)} articles not written: {reason}"), 503)
        return len(written)

    def _swap_alias(self, new_index: str) -> None:
        try:
            old = list(self._call(lambda: self.client.indices.get_alias(name=self.alias)))
        except NotFoundError:
            old = []
        actions = [{"add": {"index": new_index, "alias": self.alias}}]
        actions += [{"remove": {"index": index, "alias": self.alias}} for index in old]
        self._call(lambda: self.client.indices.update_aliases(body={"actions": actions}))
        for index in old:
            self._call(partial(self.client.indices.delete, index=index))

    def delete(self, article_id: str) -> bool:
        """Remove an article (its groups are worked out again among their other members)."""
        try:
            found = self._call(lambda: self.client.get(index=self.alias, id=article_id, _source=["meta"]))
        except NotFoundError:
            return False
        rewrites = split_groups(ClusterLookups(self), found["_source"]["meta"], article_id)
        self._call(lambda: self.client.delete(index=self.alias, id=article_id))
        self._bulk(self.alias, rewrites)
        self._call(lambda: self.client.indices.refresh(index=self.alias))
        return True

    def indexed_ids(self) -> set[str]:
        if not self._exists():
            return set()
        scan = helpers.scan(
            self.client, index=self.alias, query={"query": MATCH_ALL}, _source=False, size=5000
        )
        return {hit["_id"] for hit in self._call(lambda: list(scan))}

    def is_indexed(self, article_id: str) -> bool:
        try:
            return bool(self._call(lambda: self.client.exists(index=self.alias, id=article_id)))
        except NotFoundError:
            return False

    def spell_people(self, articles: list[Article]) -> None:
        resolve_people(articles, ClusterLookups(self) if self._exists() else None)

    def schema_is_current(self) -> bool:
        try:
            found = self._call(lambda: self.client.indices.get_mapping(index=self.alias))
        except NotFoundError:
            return True
        return all(
            m["mappings"].get("_meta", {}).get("dipnews_schema") == SCHEMA_VERSION for m in found.values()
        )

    def optimize(self) -> int:
        if not self._exists():
            return 0
        self._call(lambda: self.client.indices.forcemerge(index=self.alias, max_num_segments=1))
        return int(self._call(lambda: self.client.count(index=self.alias))["count"])


class ClusterLookups:
    """Grouping's look-ups (indexer/enrich/grouping.py) answered by the cluster; refs are article ids."""

    def __init__(self, backend: OpenSearchBackend) -> None:
        self.backend = backend
        self._stored: dict[Hashable, tuple[dict[str, Any], str, str]] = {}

    def person_spellings(self, surname: str) -> list[tuple[Person, int]]:
        body = {
            "size": 0,
            "query": {"prefix": {"person_key": f"{surname}|"}},
            "aggs": {
                "keys": {
                    # every key of the articles naming someone of that surname, filtered here: the
                    # terms aggregation's `include` pattern fails on some shards (OpenSearch 2.19)
                    "terms": {"field": "person_key", "size": PERSON_KEYS},
                }
            },
        }
        result = self.backend._search(body)
        if result is None:
            return []
        prefix = f"{surname}|"
        buckets = sorted(
            (b for b in result["aggregations"]["keys"]["buckets"] if b["key"].startswith(prefix)),
            key=lambda b: b["key"],
        )
        return [(parse_person_key(b["key"]), b["doc_count"]) for b in buckets]

    def story_candidates(self, terms: list[str]) -> dict[str, list[Hashable]]:
        found: dict[str, list[Hashable]] = {}
        for start in range(0, len(terms), LOOKUP_CHUNK):
            chunk = terms[start : start + LOOKUP_CHUNK]
            lines: list[dict[str, Any]] = []
            for term in chunk:
                lines.append({})
                lines.append(
                    {
                        "query": {"term": {"story_terms": term}},
                        "size": MAX_BLOCK,
                        "track_total_hits": MAX_BLOCK + 1,
                        "_source": ["title", "body", "meta"],
                    }
                )
            answer = self.backend._call(
                partial(self.backend.client.msearch, body=lines, index=self.backend.alias)
            )
            for term, response in zip(chunk, answer["responses"], strict=True):
                if "error" in response:
                    raise DipnewsError(
                        _UNAVAILABLE.format(response["error"].get("reason", "look-up failed")), 503
                    )
                hits = response["hits"]
                if 0 < hits["total"]["value"] <= MAX_BLOCK:
                    found[term] = [self._keep(h) for h in hits["hits"]]
        return found

    def members(self, field: str, value: str) -> list[Hashable]:
        body = {"query": {"term": {field: value}}, "size": MAX_WINDOW, "_source": ["title", "body", "meta"]}
        result = self.backend._search(body)
        return [] if result is None else [self._keep(h) for h in result["hits"]["hits"]]

    def stored(self, ref: Hashable) -> tuple[dict[str, Any], str, str]:
        if ref not in self._stored:
            found = self.backend._call(lambda: self.backend.client.get(index=self.backend.alias, id=ref))
            self._keep(found)
        meta, title, body = self._stored[ref]
        return dict(meta), title, body

    def _keep(self, hit: dict[str, Any]) -> str:
        source = hit["_source"]
        self._stored[hit["_id"]] = (source["meta"], source["title"], source["body"])
        return str(hit["_id"])


def _ranked(base: Clause, query: Any) -> Clause:
    """The query, with results holding a plain query's words side by side ranked first."""
    words = phrase_words(query)
    if not words:
        return base
    phrase = " ".join(words)
    should = [
        {"match_phrase": {field: {"query": phrase, "boost": PHRASE_BOOST}}} for field in ("title", "body")
    ]
    return {"bool": {"must": [base], "should": should}}


def _sort(order: str) -> list[Any]:
    if order == "relevance":
        return ["_score", {"id": "asc"}]
    direction = "asc" if order == "oldest" else "desc"
    return [{"day": {"order": direction, "missing": "_last"}}, {"id": "asc"}]


def _day_histogram() -> dict[str, Any]:
    return {
        "date_histogram": {
            "field": "day",
            "calendar_interval": "day",
            "min_doc_count": 1,
            "format": "yyyy-MM-dd",
        }
    }


def _days(histogram: dict[str, Any]) -> dict[str, int]:
    return {b["key_as_string"]: b["doc_count"] for b in histogram["buckets"] if b["doc_count"]}


def _hit(hit: dict[str, Any]) -> Hit:
    source = hit["_source"]
    fragments = hit.get("highlight", {}).get("body", [])
    snippet = " … ".join(fragments) if fragments else lead_snippet(source.get("body", ""))
    return Hit(source["id"], source["title"], snippet, source["meta"], hit.get("_score"))


def _article_of(source: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = dict(source["meta"])
    meta.update(title=source["title"], body=source["body"])
    return meta


def _reason(error: TransportError) -> str:
    info = error.info if isinstance(error.info, dict) else {}
    cause = info.get("error", {})
    if isinstance(cause, dict):
        return str(cause.get("reason") or cause.get("type") or error.error)
    return str(cause or error.error)


def _extractor_version() -> int:
    from indexer.article import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def from_settings(settings: Mapping[str, Any]) -> OpenSearchBackend:
    """The backend the OPENSEARCH_* settings describe."""
    url = settings.get("OPENSEARCH_URL")
    if not url:
        raise DipnewsError(
            "BACKEND is opensearch but OPENSEARCH_URL is not set (DIPNEWS_OPENSEARCH_URL).", 500
        )
    return OpenSearchBackend(
        str(url),
        prefix=str(settings.get("OPENSEARCH_INDEX_PREFIX") or "dipnews"),
        shards=int(settings.get("OPENSEARCH_SHARDS") or 1),
        replicas=int(settings.get("OPENSEARCH_REPLICAS") or 0),
        user=settings.get("OPENSEARCH_USER") or None,
        password=settings.get("OPENSEARCH_PASSWORD") or None,
        ca_file=settings.get("OPENSEARCH_CA_FILE") or None,
    )
