"""What dipnews keeps beside the index: the raw archive (the source of truth every index is
rebuilt from), the lines learned per site, and where a data dir keeps each of them (datadir).

May import: indexer.errors, indexer.clean.lines. The backend is opened (datadir.backend_for)
through search.backends, the one interface to an engine.
"""
