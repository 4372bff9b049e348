"""Fetch a page from a URL for indexing: http(s) only, a timeout, a size cap, no SSRF.

Every address a host name resolves to (and every redirect's) is checked: loopback,
private, link-local and reserved addresses are refused unless explicitly allowed.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from indexer.errors import DipnewsError

USER_AGENT = "dipnews/0.1 (+https://github.com/dipnews)"
DEFAULT_TIMEOUT = 10.0


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse what dipnews must not fetch; raise DipnewsError with the reason."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DipnewsError(f"Only http:// and https:// addresses can be fetched, not {url!r}.")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise DipnewsError(f"The host {parts.hostname!r} could not be found.", 502) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise DipnewsError(
                f"{parts.hostname} is a private or local address; fetching it is not allowed.", 403
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(
    url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT, allow_private: bool = False
) -> Fetched:
    """Download a page, or raise DipnewsError saying why it could not be."""
    check_url(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"}
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise DipnewsError(f"The server answered {error.code} {error.reason} for {url}.", 502) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise DipnewsError(f"{url} could not be fetched: {reason}.", 502) from None
    if len(data) > max_bytes:
        raise DipnewsError(f"The page at {url} is over the {max_bytes / 1e6:.1f} MB limit.", 413)
    return Fetched(final_url, data, content_type)
