"""Every facet, declared once: the schema, the query parser, the backends, the views and the CLI read it.

A facet over exact values (outlet, topic, country, person) names the index
field that holds its values, the URL parameter and SearchRequest attribute
that carry a selection, its label, the label of its bucket of articles with
no value (if it has one), and how values are cased in the index and in URLs.
The date facet is declared here too; its values are days (YYYY-MM-DD).
"""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "(unknown)"  # the value of the bucket of articles that have none (e.g. no known outlet)


@dataclass(frozen=True)
class FacetSpec:
    name: str  # the facet's name in results, JSON and CLI output
    field: str  # the index field holding its exact values
    param: str  # the repeatable URL parameter (and CLI option) selecting values
    attribute: str  # the SearchRequest attribute holding the selection
    label: str  # the facet's title on the page
    unknown_label: str | None = None  # the bucket of articles with no value, when the facet has one
    multi: bool = False  # an article may have several values
    indexed_lowercase: bool = False  # values are lower-cased in the index
    url_case: str = "as-is"  # how URLs carry values: "as-is", "lower" or "upper"

    def url_value(self, value: str) -> str:
        """A value as URLs and results carry it."""
        if value == UNKNOWN:
            return value
        return (
            value.upper()
            if self.url_case == "upper"
            else value.lower()
            if self.url_case == "lower"
            else value
        )

    def index_value(self, value: str) -> str:
        """A selected value as the index holds it."""
        return value.lower() if self.indexed_lowercase and value != UNKNOWN else value


# In the order the page shows them (after the date facet).
VALUE_FACETS = (
    FacetSpec(
        "country",
        "country_facet",
        "country",
        "countries",
        "Country (about)",
        multi=True,
        indexed_lowercase=True,
        url_case="upper",
    ),
    FacetSpec("person", "person_facet", "person", "persons", "People", multi=True),
    FacetSpec("outlet", "outlet_facet", "outlet", "outlets", "Outlet", unknown_label="Unknown outlet"),
    FacetSpec(
        "topic", "topic", "topic", "topics", "Topic", multi=True, indexed_lowercase=True, url_case="lower"
    ),
    FacetSpec(
        "event", "event", "event", "events", "Event", multi=True, indexed_lowercase=True, url_case="lower"
    ),
)
DATE_FACET = FacetSpec("date", "date", "date_from", "date_from", "Date", unknown_label="Undated")


def value_facet(name: str) -> FacetSpec:
    """The spec of a value facet by name; ValueError for a name no facet has."""
    for spec in VALUE_FACETS:
        if spec.name == name:
            return spec
    raise ValueError(f"no value facet named {name!r}")
