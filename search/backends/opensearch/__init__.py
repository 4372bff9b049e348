"""The OpenSearch engine: the index's mapping and documents (mapping), dipnews' parsed query as
query DSL (query), and the backend itself (engine).

opensearch-py's types stay inside this package: what leaves it is search.results' data.
"""
