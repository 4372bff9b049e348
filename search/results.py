"""What a backend answers: results as plain data, the same whichever engine found them.

No engine's type crosses the backend interface; views, formats and the CLI
read these and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from search.query import SearchRequest

SUGGEST_BELOW = 3  # a search with fewer results than this offers "did you mean"
RELATED_TERMS = 12  # an article's key body terms that find its related coverage, on every backend


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
class Hit:
    id: str
    title: str
    snippet: str  # HTML: escaped text with <mark> around matches
    meta: dict[str, Any]
    score: float | None = None
    story: StorySummary | None = None


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    counts: dict[str, dict[str, int]]  # facet name -> value -> count ("date": day -> count)
    undated: int = 0
    interpreted: str = ""  # the query as dipnews read it
    notes: list[str] = field(default_factory=list)
    timeline: dict[str, int] = field(default_factory=dict)  # day -> matching articles
    indexed_per_day: dict[str, int] = field(default_factory=dict)  # day -> all articles, to normalise
    incomplete: list[str] = field(default_factory=list)  # facets skipped for lack of time
    stories: int = 0  # distinct stories among the matching articles
    suggestion: str | None = None  # "did you mean"
    relaxations: dict[str, int] = field(default_factory=dict)  # filter -> total without it
