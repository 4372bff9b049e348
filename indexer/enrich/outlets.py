"""The outlet registry (indexer/data/outlets.json): names, agency tags, domains."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html import unescape
from importlib import resources
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    name: str
    short: str
    country: str
    type: str


@cache
def _registry() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    data = json.loads(resources.files("indexer").joinpath("data/outlets.json").read_text("utf-8"))
    by_alias: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for entry in data["outlets"]:
        outlet = Outlet(entry["name"], entry["short"], entry["country"], entry["type"])
        for alias in [entry["name"], *entry["aliases"]]:
            by_alias[alias.casefold()] = outlet
        for domain in entry["domains"]:
            by_domain[domain] = outlet
    return by_alias, by_domain


def outlet_by_name(name: str) -> Outlet | None:
    """The registered outlet a name, spelling or agency tag stands for."""
    return _registry()[0].get(" ".join(name.split()).casefold())


def outlet_by_url(url: str) -> Outlet | None:
    """The registered outlet whose domain (or a parent domain of it) serves `url`."""
    host = (urlsplit(url).hostname or "").lower()
    by_domain = _registry()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        outlet = by_domain.get(".".join(parts[i:]))
        if outlet:
            return outlet
    return None


def display_domain(url: str) -> str | None:
    """A readable outlet name from a URL's host when the registry does not know it."""
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


# "KFF - The independent source for ...", "AIHR | Academy to Innovate HR": a name, then a tagline
_TAGLINE = re.compile(r"\s+[|\u2013\u2014\u2022\-:]\s+|\s*::\s*")
# what a page's metadata gives for its site's name that names no site
_NOT_A_NAME = re.compile(r"^(?:copyright\b|\(c\))|://", re.IGNORECASE)


def clean_site_name(raw: str) -> str | None:
    """A site's name as its metadata gives it, without its tagline; None for a copyright
    notice or an address ("Copyright UC Regents. For more information ... visit http://...")."""
    name = " ".join(unescape(raw).replace("\u00a9", " ").split()).strip(" |-\u2022")
    if not name or _NOT_A_NAME.search(name):
        return None
    return _TAGLINE.split(name, maxsplit=1)[0].strip() or name
