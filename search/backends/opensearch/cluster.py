"""The cluster dipnews talks to: the client, the articles' index behind its alias, and calls
that fail as clear errors (503 when the cluster is unreachable or not ready), never as traces.

Searches that failed on some shard are asked again after growing pauses; bulk writes are
retried while the cluster answers 429 (busy); a bulk load fills a new index and swaps the
alias to it in one step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as ClusterConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from indexer.errors import DipnewsError, Misconfigured, Unavailable
from search.backends.opensearch.mapping import index_settings, mappings, to_source

BULK_CHUNK = 500
SEARCH_RETRY_PAUSES = (0.2, 0.5, 1.0, 2.0)  # a failed search is asked again after these pauses (s)
UNAVAILABLE = "The search cluster cannot be reached or is not ready ({}); try again in a moment."


class Cluster:
    """One dipnews index (an alias, `<prefix>-articles`) on an OpenSearch cluster."""

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
        # what another process (a bulk load's writer) opens the same cluster with
        self._arguments = (urls, prefix, shards, replicas, user, password, ca_file, timeout)
        hosts = [url.strip() for url in urls.split(",") if url.strip()]
        if not hosts:
            raise Misconfigured("OPENSEARCH_URL names no node; set it to the cluster's URL.")
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

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process as what it was opened with, not as its connections."""
        return Cluster, self._arguments

    def call(self, what: Callable[[], Any]) -> Any:
        """A cluster call; an unreachable or failing cluster is a clear 503, never a trace."""
        try:
            return what()
        except ClusterConnectionError as error:
            raise Unavailable(UNAVAILABLE.format("no node answers")) from error
        except NotFoundError:
            raise
        except TransportError as error:
            status = error.status_code if isinstance(error.status_code, int) else 503
            if status == 400:
                raise DipnewsError(f"The search engine refused the query: {reason(error)}.") from error
            raise Unavailable(UNAVAILABLE.format(reason(error))) from error

    def exists(self) -> bool:
        return bool(self.call(lambda: self.client.indices.exists_alias(name=self.alias)))

    def create_index(self, bulk_load: bool = False) -> str:
        """A new, empty index; for a bulk load, without replicas or refreshes until it is full."""
        name = f"{self.alias}-{time.time_ns()}"
        settings = index_settings(self.shards, 0 if bulk_load else self.replicas)
        if bulk_load:
            settings["refresh_interval"] = "-1"
        body = {"settings": settings, "mappings": mappings()}
        self.call(lambda: self.client.indices.create(index=name, body=body, wait_for_active_shards="all"))
        return name

    def finish_load(self, name: str) -> None:
        """A bulk-loaded index made ready to serve: replicas made, refreshed, swapped in for the old."""
        settings = {"index": {"number_of_replicas": self.replicas, "refresh_interval": "1s"}}
        # flushed first, replicas copy the segments' files instead of replaying every operation
        self.call(lambda: self.client.indices.flush(index=name))
        self.call(lambda: self.client.indices.put_settings(index=name, body=settings))
        self.call(lambda: self.client.indices.refresh(index=name))
        self.call(
            lambda: self.client.cluster.health(
                index=name, wait_for_status="green", params={"timeout": "600s"}, request_timeout=610
            )
        )
        self.swap_alias(name)

    def ensure_index(self) -> None:
        if not self.exists():
            name = self.create_index()
            try:
                self.call(lambda: self.client.indices.put_alias(index=name, name=self.alias))
            except DipnewsError:
                self.call(lambda: self.client.indices.delete(index=name))
                raise

    def swap_alias(self, new_index: str) -> None:
        try:
            old = list(self.call(lambda: self.client.indices.get_alias(name=self.alias)))
        except NotFoundError:
            old = []
        actions = [{"add": {"index": new_index, "alias": self.alias}}]
        actions += [{"remove": {"index": index, "alias": self.alias}} for index in old]
        self.call(lambda: self.client.indices.update_aliases(body={"actions": actions}))
        for index in old:
            self.call(partial(self.client.indices.delete, index=index))

    def refresh(self) -> None:
        self.call(lambda: self.client.indices.refresh(index=self.alias))

    def search(self, body: dict[str, Any], **params: Any) -> dict[str, Any] | None:
        """A search of the articles; None when there is no index yet. A search that failed on
        some shard or on all (a node leaving mid-request, before the cluster has moved its
        shards to their other copies) is asked again after growing pauses."""
        problem = "a shard failed"
        for pause in (*SEARCH_RETRY_PAUSES, None):
            try:
                result: dict[str, Any] = self.call(
                    lambda: self.client.search(index=self.alias, body=body, **params)
                )
            except NotFoundError:
                return None
            except Unavailable:
                if pause is None:
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
        raise Unavailable(UNAVAILABLE.format(problem))

    def count(self, body: dict[str, Any] | None = None) -> int:
        return int(self.call(lambda: self.client.count(index=self.alias, body=body))["count"])

    def bulk(
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
                errors.append(Unavailable(UNAVAILABLE.format("no node answers")))
            except TransportError as error:
                errors.append(Unavailable(UNAVAILABLE.format(reason(error))))

        senders = [threading.Thread(target=send) for _ in range(max(1, threads))]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join()
        if errors:
            raise errors[0]
        if failed:
            why = next(iter(failed[0].values())).get("error", "unknown")
            raise Unavailable(UNAVAILABLE.format(f"{len(failed)} articles not written: {why}"))
        return len(written)

    def close(self) -> None:
        self.client.close()


def reason(error: TransportError) -> str:
    """What the cluster said went wrong, in a few words."""
    info = error.info if isinstance(error.info, dict) else {}
    cause = info.get("error", {})
    if isinstance(cause, dict):
        return str(cause.get("reason") or cause.get("type") or error.error)
    return str(cause or error.error)
