"""Fetch a page from a URL for indexing: http(s) only, a timeout, a size cap, no SSRF.

Every address a host name resolves to (and every redirect's) is checked: loopback,
private, link-local and reserved addresses are refused unless explicitly allowed.
The connection itself goes to an address checked in the same lookup, so a name
that resolves to a public address for the check and a private one a moment
later (DNS rebinding) gets nowhere.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from indexer.errors import DipnewsError, FetchFailed, Forbidden, TooLarge

USER_AGENT = "dipnews/0.1 (+https://github.com/dipnews)"
DEFAULT_TIMEOUT = 10.0


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def web_address(url: str) -> SplitResult | None:
    """The parts of an http(s) address with a host (and a port, if any, in range), else None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:  # a broken IPv6 host ("http://[bad") or a port out of range
        return None
    return parts if parts.scheme in ("http", "https") and parts.hostname else None


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse what dipnews must not fetch; raise DipnewsError with the reason."""
    parts = web_address(url)
    if parts is None or parts.hostname is None:
        raise DipnewsError(f"Only http:// and https:// web addresses can be fetched, not {url!r}.")
    if not allow_private:
        checked_addresses(parts.hostname, parts.port or 80)


def checked_addresses(host: str, port: int) -> list[tuple[str, int]]:
    """The (address, port) pairs `host` resolves to, all of them global; else a DipnewsError."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise FetchFailed(f"The host {host!r} could not be found.") from None
    addresses = []
    for info in infos:
        address = str(info[4][0])
        if not ipaddress.ip_address(address).is_global:
            raise Forbidden(f"{host} is a private or local address; fetching it is not allowed.")
        addresses.append((address, port))
    return addresses


def _pinned_connection(
    address: tuple[str, int], timeout: float | None = None, source_address: tuple[str, int] | None = None
) -> socket.socket:
    """socket.create_connection to an address checked in this very lookup."""
    error: OSError | None = None
    for pinned in checked_addresses(*address):
        try:
            return socket.create_connection(pinned, timeout, source_address)
        except OSError as failure:
            error = failure
    raise error or OSError(f"no address for {address[0]}")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = _pinned_connection((self.host, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS is still checked against the host name; only the address is pinned."""

    def __init__(self, host: str, *, tls: ssl.SSLContext, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, context=tls, **kwargs)
        self.tls = tls

    def connect(self) -> None:
        sock = _pinned_connection((self.host, self.port), self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_PinnedHTTPConnection, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(context=self.tls)

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_PinnedHTTPSConnection, req, tls=self.tls)


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
    handlers: list[urllib.request.BaseHandler] = [_CheckedRedirects(allow_private)]
    if not allow_private:
        # no proxy either: the connection goes to the address checked, or nowhere
        handlers += [urllib.request.ProxyHandler({}), _PinnedHTTPHandler(), _PinnedHTTPSHandler()]
    opener = urllib.request.build_opener(*handlers)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"}
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise FetchFailed(f"The server answered {error.code} {error.reason} for {url}.") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise FetchFailed(f"{url} could not be fetched: {reason}.") from None
    if len(data) > max_bytes:
        raise TooLarge(f"The page at {url} is over the {max_bytes / 1e6:.1f} MB limit.")
    return Fetched(final_url, data, content_type)
