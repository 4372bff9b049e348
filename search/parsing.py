"""Reading what a user typed, the same way for every backend.

`parse_query` repairs the text (search/query.py) and parses it with dipnews'
configuration of Whoosh's query parser into a query tree: words analysed as
the index analyses them (with where each stood in the text), phrases, AND,
OR and NOT, field queries, prefixes and ranges. The Whoosh backend runs that
tree; the OpenSearch backend translates it into query DSL
(search/backends/opensearch/query.py), so that both read a query identically.
"""

from __future__ import annotations

from whoosh import highlight
from whoosh.qparser import MultifieldParser
from whoosh.query import And, Every, NullQuery, Or, Query, Term

from indexer.errors import DipnewsError
from search.backends.whoosh.schema import make_schema
from search.query import QueryText, normalise_query, words_only

QUERY_FIELDS = ["title", "body"]  # what a word without a field searches
SNIPPET_CHARS = 240  # a result's snippet, on every backend
_PARSER = MultifieldParser(QUERY_FIELDS, make_schema())
ANALYZER = make_schema()["body"].analyzer


def parse_query(raw: str) -> tuple[Query, QueryText]:
    """The query tree of what the user typed, read as sensibly as it can be, and how it was read."""
    text = normalise_query(raw)
    if not raw.strip():
        return Every(), text
    if not words_only(text.text) and "*" not in text.text:
        raise DipnewsError("The query has no words to search for.")
    try:
        parsed = _PARSER.parse(text.text)
    except Exception:  # Whoosh raises assorted errors on odd syntax
        parsed = NullQuery
    if parsed is NullQuery or isinstance(parsed, type(NullQuery)):
        fallback = words_only(text.text)
        if not fallback:
            raise DipnewsError("The query has no words to search for.")
        text.notes.append("its operators could not be read, so its words were searched")
        text.text = fallback
        parsed = _PARSER.parse(fallback)
    return parsed, text


def query_words(query: Query) -> frozenset[str]:
    """The analysed title and body words of a query (what snippets mark)."""
    return frozenset(
        text.decode() if isinstance(text, bytes) else text
        for field, text in query.iter_all_terms()
        if field in QUERY_FIELDS
    )


def correctable(text: str) -> dict[int, str]:
    """The words of a query a speller may correct, by token position: not field queries,
    operators or anything but letters."""
    words = {}
    for i, token in enumerate(text.split()):
        word = token.strip("\"'()[]{}*")
        if ":" not in token and token not in ("AND", "OR", "NOT", "TO") and word.isalpha():
            words[i] = word
    return words


def with_corrections(text: str, corrections: dict[int, str]) -> str | None:
    """The query with the words at these positions corrected (as `correctable` numbers them), or
    None when there is nothing to correct."""
    if not corrections:
        return None
    tokens, words = text.split(), correctable(text)
    for i, correction in corrections.items():
        tokens[i] = tokens[i].replace(words[i], correction)
    return " ".join(tokens)


def lead_snippet(body: str) -> str:
    """A result's snippet when no query word is in its body: the body's start, escaped."""
    lead = body if len(body) <= SNIPPET_CHARS else body[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return str(highlight.htmlescape(lead))


def mark_words(text: str, query: Query) -> str:
    """The text as escaped HTML with the query's title and body words marked (the article page)."""
    terms = query_words(query)
    if not terms:
        return str(highlight.htmlescape(text))
    marked = highlight.highlight(
        text, terms, ANALYZER, highlight.WholeFragmenter(), highlight.HtmlFormatter(tagname="mark")
    )
    return str(marked or highlight.htmlescape(text))  # Whoosh gives "" for text without a match


def phrase_words(query: Query) -> list[str] | None:
    """The (analysed) words of a plain query of several words, or None for any other query.

    For ranking only: such a query's results that hold the words side by side come first
    among the best scored, so "state visit" ranks a story about a state visit above one that
    has "state" in its headline and "visit" further down."""
    if not isinstance(query, And) or len(query.subqueries) < 2:
        return None
    words = []
    for group in query.subqueries:
        terms = group.subqueries if isinstance(group, Or) else []
        if not all(isinstance(term, Term) for term in terms):
            return None
        fields, texts = [term.fieldname for term in terms], {term.text for term in terms}
        if fields != QUERY_FIELDS or len(texts) != 1:
            return None  # operators, fields, phrases or wildcards: ranked as written
        words.append(texts.pop())
    return words
