"""The Whoosh engine, all of it: the schema, the writer (staged segments, merges, the did-you-mean
dictionary), safe reads beside a writer (storage), facet columns and the searcher (engine).

Whoosh's types and internals stay inside this package: what leaves it is search.results' data.
"""
