"""dipnews indexer: from raw page bytes to documents in the Whoosh index."""
