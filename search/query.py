"""From what a user typed to a Whoosh query, and from URL parameters to a SearchRequest.

Users type curly quotes, unbalanced quotes and parentheses, dangling
operators and `-term`; each is read sensibly and the reading is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from werkzeug.datastructures import MultiDict

from indexer.clean.dates import parse_iso_date
from indexer.errors import DipnewsError

SORTS = ("relevance", "newest", "oldest")
VALUE_PARAMS = {
    "outlet": "outlets",
    "topic": "topics",
    "country": "countries",
    "person": "persons",
    "event": "events",
}
MAX_QUERY_CHARS = 1000
_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'"}
)
_MINUS_TERM = re.compile(r"(^|[\s(])-(?=[\w\"(])")
_MONTH_FIELD = re.compile(r"\bdate:((?:19|20)\d\d(?:-[01]\d)?)(?=\s|\)|$)")
_DANGLING = re.compile(r"(?:^\s*(?:AND|OR)\b|\b(?:AND|OR|NOT)\s*$)")


@dataclass(frozen=True)
class SearchRequest:
    """Everything that defines one page of results; the whole state is in the URL."""

    q: str = ""
    outlets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    events: tuple[str, ...] = ()  # diplomatic event types (indexer/enrich/events.py)
    all_countries: bool = False  # articles about every selected country, not any of them
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    undated: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    timeline_share: bool = False  # draw the timeline as a share of everything indexed
    collapse: bool = True  # one result per story

    def to_params(self) -> list[tuple[str, str]]:
        """URL parameters that reproduce this request (defaults left out)."""
        params: list[tuple[str, str]] = []
        if self.q:
            params.append(("q", self.q))
        for name, values in self.value_filters().items():
            params += [(name, value) for value in values]
        if self.all_countries:
            params.append(("countries", "all"))
        if self.date_from:
            params.append(("date_from", self.date_from.isoformat()))
        if self.date_to:
            params.append(("date_to", self.date_to.isoformat()))
        if self.undated:
            params.append(("undated", "1"))
        if self.sort != "relevance":
            params.append(("sort", self.sort))
        if self.page != 1:
            params.append(("page", str(self.page)))
        if self.timeline_share:
            params.append(("timeline", "share"))
        if not self.collapse:
            params.append(("collapse", "0"))
        return params

    def value_filters(self) -> dict[str, tuple[str, ...]]:
        """The selected values of each value facet, by facet name."""
        return {name: getattr(self, field) for name, field in VALUE_PARAMS.items()}

    def without(self, name: str) -> SearchRequest:
        """This search without one facet's filter ("date" or a value facet's name)."""
        if name == "date":
            return self.with_changes(date_from=None, date_to=None, undated=False)
        return self.with_changes(**{VALUE_PARAMS[name]: ()})

    def with_changes(self, **changes: object) -> SearchRequest:
        """A copy with changes, back on page 1 unless a page is given."""
        changes.setdefault("page", 1)
        return replace(self, **changes)  # type: ignore[arg-type]


def parse_request(args: MultiDict[str, str], page_size: int = 10, max_page: int = 500) -> SearchRequest:
    """Validate URL parameters; a bad value is a DipnewsError naming it."""
    q = (args.get("q") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise DipnewsError(f"The query is too long ({len(q)} characters; the limit is {MAX_QUERY_CHARS}).")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise DipnewsError(f"Unknown sort {sort!r}; use one of: {', '.join(SORTS)}.")
    page_text = args.get("page") or "1"
    if not page_text.isdigit() or not 1 <= int(page_text) <= max_page:
        raise DipnewsError(f"The page must be a number from 1 to {max_page}.")
    date_from = _date_param(args, "date_from")
    date_to = _date_param(args, "date_to")
    if date_from and date_to and date_from > date_to:
        raise DipnewsError("The start date is after the end date.")
    return SearchRequest(
        q=q,
        outlets=_unique(args.getlist("outlet")),
        topics=_unique(v.lower() for v in args.getlist("topic")),
        countries=_unique(v.upper() for v in args.getlist("country")),
        persons=_unique(args.getlist("person")),
        events=_unique(v.lower() for v in args.getlist("event")),
        all_countries=_countries_mode(args.get("countries")),
        date_from=date_from,
        date_to=date_to,
        undated=(args.get("undated") or "") in ("1", "true", "yes"),
        sort=sort,
        page=int(page_text),
        page_size=page_size,
        timeline_share=args.get("timeline") == "share",
        collapse=args.get("collapse") not in ("0", "false", "no"),
    )


def _date_param(args: MultiDict[str, str], name: str) -> dt.date | None:
    value = (args.get(name) or "").strip()
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except DipnewsError as error:
        raise DipnewsError(f"{name}: {error.message}") from None


def _countries_mode(value: str | None) -> bool:
    if value in (None, "", "any"):
        return False
    if value == "all":
        return True
    raise DipnewsError("countries must be 'any' (the default) or 'all'.")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


@dataclass
class QueryText:
    """The query as it will be searched, and notes on how it was read."""

    text: str
    notes: list[str] = field(default_factory=list)


def normalise_query(raw: str) -> QueryText:
    """Repair what users type into what the Whoosh parser reads as they meant it."""
    text = raw.translate(_QUOTES)
    notes: list[str] = []
    text = _MINUS_TERM.sub(r"\1NOT ", text)
    text = _MONTH_FIELD.sub(r"date:\1*", text)
    if text.count('"') % 2:
        index = text.rfind('"')
        text = text[:index] + text[index + 1 :]
        notes.append("an unmatched quote was ignored")
    text, dropped = _balance(text, "(", ")")
    for bracket in "[]{}":
        if text.count(bracket) and text.count("[") + text.count("{") != text.count("]") + text.count("}"):
            text = text.replace(bracket, " ")
            dropped = True
    if dropped:
        notes.append("unmatched brackets were ignored")
    stripped = _DANGLING.sub("", text).strip()
    if stripped != text.strip():
        notes.append("a dangling operator was ignored")
        text = stripped
    return QueryText(" ".join(text.split()), notes)


def _balance(text: str, opening: str, closing: str) -> tuple[str, bool]:
    depth = 0
    out = []
    dropped = False
    for ch in text:
        if ch == opening:
            depth += 1
        elif ch == closing:
            if depth == 0:
                dropped = True
                continue
            depth -= 1
        out.append(ch)
    if depth:
        dropped = True
        out.append(closing * depth)
    return "".join(out), dropped


def words_only(text: str) -> str:
    """The query's plain words: the last resort when its syntax cannot be read."""
    words = re.findall(r"\w+", text)
    return " ".join(w for w in words if w not in ("AND", "OR", "NOT", "TO"))
