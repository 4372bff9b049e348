"""dipnews indexer: from raw page bytes to articles, kept in the archive and handed to a backend.

- indexer.clean: a page's bytes to text and metadata;
- indexer.enrich: topics, countries, people, events, outlets, stories;
- indexer.article: the Article, and the one code path from bytes to it (clean, then enrich);
- indexer.sources: files and sidecars, web archives, URLs, reading them on every core;
- indexer.store: the raw archive, the lines learned per site, the data dir's layout;
- indexer.pipeline (adding, correcting, deleting) and indexer.rebuild (the index again from the
  archive): the only modules that write, through search.backends' interface;
- indexer.facet_registry: every facet declared once; indexer.errors: the domain error.

Nothing here imports Flask or an engine's library.
"""
