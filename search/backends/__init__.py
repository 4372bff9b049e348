"""The one interface between dipnews and a search engine (as SearXNG's engine processors).

The web app, the API, the CLI and the indexing pipeline talk to a Backend and
nothing else: requests are SearchRequests (search/query.py), answers are the
plain types of search/results.py, and no engine's type crosses this line.
Which engine serves is a setting (BACKEND); Whoosh, embedded, is the default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from indexer.errors import Misconfigured
from search.query import SearchRequest
from search.results import Hit, SearchResult

if TYPE_CHECKING:
    from indexer.article import Article

BACKENDS = ("whoosh", "opensearch")


class Backend(Protocol):
    """What dipnews asks of a search engine: reads for the site, API and CLI; writes for the indexer."""

    name: str

    # -- reading -----------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        """One page of results with facet counts, timeline, story collapse and hints."""

    def export(self, request: SearchRequest, limit: int) -> tuple[list[Hit], int]:
        """Up to `limit` matching articles in the request's order (no snippets), and the total."""

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article's metadata with title and body, or None."""

    def story(self, story_id: str) -> list[dict[str, Any]]:
        """Every article of a story, oldest first, undated last."""

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one."""

    def highlight(self, text: str, raw_query: str) -> str:
        """The text as escaped HTML with the query's words marked."""

    def suggest(self, raw_query: str) -> str | None:
        """The query with misspelt words replaced by indexed ones, or None."""

    def stats(self) -> dict[str, Any]:
        """Document count and how much metadata the documents have."""

    # -- writing -----------------------------------------------------------
    def write(
        self, articles: Iterable[Article], *, clear: bool = False, progress: Callable[[], None] | None = None
    ) -> int:
        """Add or replace (by id) articles in one commit, merging people's spellings and grouping
        stories with what is indexed; with `clear`, the written articles replace the whole index."""

    def delete(self, article_id: str) -> bool:
        """Remove an article; True when it was there."""

    def indexed_ids(self) -> set[str]:
        """Ids of every indexed article."""

    def is_indexed(self, article_id: str) -> bool:
        """Whether an article is indexed."""

    def spell_people(self, articles: list[Article]) -> None:
        """Spell the articles' people as the index does, writing nothing."""

    def schema_is_current(self) -> bool:
        """False when the index was built by an older dipnews and must be rebuilt from the archive."""

    @property
    def merging(self) -> bool:
        """Whether the backend is compacting its index in this process after a write (Whoosh
        merges segments in a thread): `close` waits for it."""

    def close(self) -> None:
        """Release what the backend holds open (files, connections); it reopens them when used."""

    def optimize(self) -> int:
        """Compact the index for faster searches (may hold writes meanwhile); return its size."""


def open_backend(data_dir: Path, settings: Mapping[str, Any] | None = None) -> Backend:
    """The backend of a data dir, as the settings say (BACKEND, FACET_TIMEOUT, OPENSEARCH_*);
    without settings, from the environment (DIPNEWS_BACKEND, …)."""
    from search.settings import from_environment, resolved

    settings = from_environment() if settings is None else resolved(settings)
    name = settings["BACKEND"]
    if name == "whoosh":
        from search.backends.whoosh.engine import WhooshBackend

        return WhooshBackend(Path(data_dir) / "index", facet_seconds=float(settings["FACET_TIMEOUT"]))
    if name == "opensearch":
        from search.backends.opensearch.engine import from_settings

        return from_settings(settings)
    raise Misconfigured(f"Unknown backend {name!r}; use one of: {', '.join(BACKENDS)}.")
