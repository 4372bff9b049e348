"""Grouping's look-ups (indexer/enrich/grouping.py) answered by the cluster; refs are article ids."""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import Any

from indexer.enrich.grouping import MAX_BLOCK, parse_person_key, story_of
from indexer.enrich.people import Person
from indexer.enrich.stories import StoryKey
from indexer.errors import Unavailable
from search.backends.opensearch.answers import MAX_WINDOW
from search.backends.opensearch.cluster import UNAVAILABLE, Cluster

LOOKUP_CHUNK = 100  # story-term look-ups per multi-search
PERSON_KEYS = 5000  # people counted among the articles naming a surname


class ClusterLookups:
    """People spelt as indexed, story candidates and group members, from the cluster."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
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
        result = self.cluster.search(body)
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
            answer = self.cluster.call(
                partial(self.cluster.client.msearch, body=lines, index=self.cluster.alias)
            )
            for term, response in zip(chunk, answer["responses"], strict=True):
                if "error" in response:
                    raise Unavailable(UNAVAILABLE.format(response["error"].get("reason", "look-up failed")))
                hits = response["hits"]
                if 0 < hits["total"]["value"] <= MAX_BLOCK:
                    found[term] = [self._keep(h) for h in hits["hits"]]
        return found

    def members(self, field: str, value: str) -> list[Hashable]:
        body = {"query": {"term": {field: value}}, "size": MAX_WINDOW, "_source": ["title", "body", "meta"]}
        result = self.cluster.search(body)
        return [] if result is None else [self._keep(h) for h in result["hits"]["hits"]]

    def stored(self, ref: Hashable) -> tuple[dict[str, Any], str, str]:
        if ref not in self._stored:
            found = self.cluster.call(lambda: self.cluster.client.get(index=self.cluster.alias, id=ref))
            self._keep(found)
        meta, title, body = self._stored[ref]
        return dict(meta), title, body

    def story(self, ref: Hashable) -> tuple[StoryKey | None, dict[str, str]]:
        return story_of(self.stored(ref)[0])

    def _keep(self, hit: dict[str, Any]) -> str:
        source = hit["_source"]
        self._stored[hit["_id"]] = (source["meta"], source["title"], source["body"])
        return str(hit["_id"])
