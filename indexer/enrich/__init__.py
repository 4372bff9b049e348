"""Enriching: what a cleaned article is about, and where it belongs among the indexed ones.

Topics, countries, people, diplomatic events, outlets, near-duplicate groups and
story keys (stories), and grouping a batch against what is indexed (grouping, through the
look-ups a backend answers).

May import: indexer.errors, indexer.clean (lines, dates). Nothing of the index or the web.
"""
