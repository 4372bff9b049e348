"""The Whoosh schema, defined once for the writer and the searcher."""

from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, FieldType, Schema

from indexer.facet_registry import VALUE_FACETS, FacetSpec


def _facet_field(spec: FacetSpec) -> FieldType:
    """A value facet's field: one exact term, or comma-separated terms for a facet of many values."""
    return KEYWORD(commas=True, lowercase=spec.indexed_lowercase) if spec.multi else ID()


def make_schema() -> Schema:
    """Title and body are stemmed full text; facets are exact terms; `meta` holds the rest."""
    text = StemmingAnalyzer()
    schema = Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=TEXT(analyzer=text, stored=True),  # did-you-mean words: spellwords.py
        outlet=TEXT(analyzer=text),  # what `outlet:` in a query searches
        country=KEYWORD(commas=True, lowercase=True),  # every country mentioned, for `country:`
        person=TEXT(analyzer=text),  # what `person:` in a query searches
        person_key=KEYWORD(commas=True),  # "surname|Full Name|CC": spellings to merge new mentions into
        date=ID(sortable=True),  # YYYY-MM-DD; absent when undated
        url=ID(),
        dup_group=ID(sortable=True),  # near-duplicate group (indexer/enrich/stories.py)
        story_id=ID(sortable=True),  # story cluster; sortable: search collapses on it
        story_terms=KEYWORD(commas=True),  # LSH band keys and country|specific keys: grouping candidates
        meta=STORED(),  # the article's metadata as JSON, for display
    )
    for spec in VALUE_FACETS:  # the facets' fields (topic is also what `topic:` searches)
        schema.add(spec.field, _facet_field(spec))
    return schema
