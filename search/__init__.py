"""dipnews search: from a query to an answer, on the web and in the terminal."""
