"""The Whoosh schema, defined once for the writer and the searcher."""

from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

# Facets over exact values: facet name -> the field holding its values.
VALUE_FACET_FIELDS = {
    "outlet": "outlet_facet",
    "topic": "topic",
    "country": "country_facet",
    "person": "person_facet",
}


def make_schema() -> Schema:
    """Title and body are stemmed full text; facets are exact terms; `meta` holds the rest."""
    text = StemmingAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=TEXT(analyzer=text, stored=True, spelling=True),  # spelling: unstemmed words, for "did you mean"
        outlet=TEXT(analyzer=text),  # what `outlet:` in a query searches
        outlet_facet=ID(),  # the canonical outlet name, for facets and filters
        topic=KEYWORD(commas=True, lowercase=True),
        country=KEYWORD(commas=True, lowercase=True),  # every country mentioned, for `country:`
        country_facet=KEYWORD(commas=True, lowercase=True),  # the primary countries, for the facet
        person=TEXT(analyzer=text),  # what `person:` in a query searches
        person_facet=KEYWORD(commas=True),  # canonical names, for the facet
        person_key=KEYWORD(commas=True),  # "surname|Full Name|CC": spellings to merge new mentions into
        date=ID(sortable=True),  # YYYY-MM-DD; absent when undated
        url=ID(),
        dup_group=ID(sortable=True),  # near-duplicate group (indexer/stories.py)
        story_id=ID(sortable=True),  # story cluster; sortable: search collapses on it
        story_terms=KEYWORD(commas=True),  # LSH band keys and country|specific keys: grouping candidates
        meta=STORED(),  # the article's metadata as JSON, for display
    )
