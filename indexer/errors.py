"""dipnews' domain errors: problems a user can understand and fix, named for what went wrong.

Each layer that faces people says them its own way: the web layer as a status code and an error
page or JSON (search/web/errors.py), the CLI as a message and a non-zero exit; neither shows a
stack trace. Nothing here knows about HTTP.
"""

from __future__ import annotations


class DipnewsError(Exception):
    """Input dipnews cannot use (a malformed query, a bad setting value, a wrong argument)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DipnewsError):
    """What was asked for does not exist (an article id)."""


class TooLarge(DipnewsError):
    """A page or file over the size limit."""


class Unsupported(DipnewsError):
    """Bytes that are not a news page: binary, an image, an encoding that cannot be recognised."""


class NoArticle(DipnewsError):
    """A page with no article text in it."""


class Forbidden(DipnewsError):
    """Refused by policy: a private or local address to fetch."""


class FetchFailed(DipnewsError):
    """A URL that could not be fetched: the host is unknown or its server failed."""


class Unavailable(DipnewsError):
    """The engine cannot answer now (the cluster is unreachable, the index busy): retry later."""


class Misconfigured(DipnewsError):
    """A setting is wrong or missing: whoever runs dipnews has to fix it."""
