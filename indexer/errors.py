"""The one domain exception of dipnews."""

from __future__ import annotations


class DipnewsError(Exception):
    """A problem a user can understand and fix, with the HTTP status that fits it.

    Views turn it into an error page or JSON error, the CLI into a message and
    a non-zero exit; neither shows a stack trace.
    """

    def __init__(self, message: str, status: int = 400, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.headers = headers or {}  # for the HTTP answer (Retry-After)
