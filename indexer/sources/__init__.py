"""Where pages come from: files and folders with their metadata sidecars (files), web archives
(warc), URLs (fetch, with its guards), and the reading of them in worker processes (reading).

May import: indexer.errors, indexer.article (reading a page), indexer.store.archive (a page's key).
"""
