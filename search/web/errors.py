"""dipnews' errors as HTTP answers: a status code for each kind, and the errors only the web has."""

from __future__ import annotations

from indexer.errors import (
    DipnewsError,
    FetchFailed,
    Forbidden,
    Misconfigured,
    NoArticle,
    NotFound,
    TooLarge,
    Unavailable,
    Unsupported,
)


class Unauthorized(DipnewsError):
    """A write without a valid token or login."""


class TooManyAttempts(DipnewsError):
    """Too many failed logins from one address; `retry_after` seconds until the next may try."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


STATUS: dict[type[DipnewsError], int] = {
    NotFound: 404,
    TooLarge: 413,
    Unsupported: 415,
    NoArticle: 422,
    Forbidden: 403,
    Unauthorized: 401,
    TooManyAttempts: 429,
    FetchFailed: 502,
    Unavailable: 503,
    Misconfigured: 500,
}


def status_of(error: DipnewsError) -> int:
    """The HTTP status of a dipnews error (400, bad input, unless its kind says otherwise)."""
    for kind in type(error).__mro__:
        if kind in STATUS:
            return STATUS[kind]
    return 400


def headers_of(error: DipnewsError) -> dict[str, str]:
    if isinstance(error, TooManyAttempts):
        return {"Retry-After": str(error.retry_after)}
    return {}
