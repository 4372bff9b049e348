"""The OpenSearch index of dipnews' articles: settings, mapping and documents (schema.py for Whoosh).

Title and body are analysed as Whoosh's StemmingAnalyzer analyses them (the
same word pattern, lower case, stop words, words of two letters or more,
Porter stemming), so that a word matches the same articles on both engines.
Every facet is a keyword field, the day a date field for the timeline, and
the metadata results show is kept in `_source`.
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import STOP_WORDS

from indexer.facet_registry import VALUE_FACETS

SCHEMA_VERSION = 3  # raise when the mapping changes: an older index is then rebuilt from the archive
TITLE_BOOST = 2.0
TEXT_FIELDS = ("title", "body", "outlet", "person")  # analysed; a query's words search these
LOWERCASE_FIELDS = {"country", *(spec.field for spec in VALUE_FACETS if spec.indexed_lowercase)}
KEYWORD_FIELDS = (
    "id",
    "url",
    "date",
    "dup_group",
    "story_id",
    "story_terms",
    "person_key",
    "country",
    *(spec.field for spec in VALUE_FACETS),
)
FACT_FIELDS = ("date_source", "outlet_source", "title_source", "kind")  # for `dipnews stats`


def index_settings(shards: int, replicas: int) -> dict[str, Any]:
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "refresh_interval": "1s",
        "analysis": {
            "tokenizer": {
                "dipnews_words": {
                    "type": "pattern",
                    "pattern": r"\w+(\.?\w+)*",
                    "group": 0,
                    "flags": "UNICODE_CHARACTER_CLASS",
                }
            },
            "filter": {
                "dipnews_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                "dipnews_min_length": {"type": "length", "min": 2},
            },
            "analyzer": {
                "dipnews_text": {
                    "type": "custom",
                    "tokenizer": "dipnews_words",
                    "filter": ["lowercase", "dipnews_stop", "dipnews_min_length", "porter_stem"],
                },
                "dipnews_words": {  # unstemmed words, for did-you-mean
                    "type": "custom",
                    "tokenizer": "dipnews_words",
                    "filter": ["lowercase", "dipnews_min_length"],
                },
            },
        },
    }


def mappings() -> dict[str, Any]:
    text = {"type": "text", "analyzer": "dipnews_text"}
    properties: dict[str, Any] = {
        "title": {**text, "copy_to": "words"},
        "body": {**text, "copy_to": "words"},
        "outlet": text,
        "person": text,
        "words": {"type": "text", "analyzer": "dipnews_words"},
        "day": {"type": "date", "format": "yyyy-MM-dd"},
        "meta": {"type": "object", "enabled": False},
        "fallback": {"type": "boolean"},
        "site_chrome": {"type": "boolean"},
        "extractor_version": {"type": "integer"},
    }
    for name in (*KEYWORD_FIELDS, *FACT_FIELDS):
        properties[name] = {"type": "keyword"}
    for spec in VALUE_FACETS:  # counted on every search: their ordinals are built at each refresh,
        properties[spec.field]["eager_global_ordinals"] = True  # not by the first search after it
    properties["story_id"]["eager_global_ordinals"] = True
    return {"dynamic": "strict", "_meta": {"dipnews_schema": SCHEMA_VERSION}, "properties": properties}


def to_source(fields: dict[str, Any]) -> dict[str, Any]:
    """The OpenSearch document of an article's fields (indexer/enrich/grouping.py's document_fields)."""
    meta = fields["meta"]
    source: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "meta" or value in (None, "", []):
            continue
        if name in LOWERCASE_FIELDS:
            value = [v.lower() for v in value] if isinstance(value, list) else str(value).lower()
        source[name] = value
    source["meta"] = meta
    if meta.get("date"):
        source["day"] = meta["date"]
    for name in FACT_FIELDS:
        if meta.get(name):
            source[name] = str(meta[name])
    source["fallback"] = bool(meta.get("fallback"))
    source["site_chrome"] = bool(meta.get("site_chrome"))
    source["extractor_version"] = int(meta.get("extractor_version") or 0)
    return source
