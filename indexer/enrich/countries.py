"""Countries an article is about.

Names, official names, demonyms ("Kazakh") and capitals used as metonyms
("Islamabad offered"), mapped to ISO 3166 alpha-2 codes
(indexer/data/countries.json, built on pycountry's names); a word joining
countries by dashes ("UK-India") names each. The primary countries are those
mentioned most, weighted towards the title and lede.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import islice
from typing import Any

import pycountry

TITLE_WEIGHT = 3
LEDE_WEIGHT = 2
LEDE_CHARS = 400
PRIMARY_SHARE = 0.5  # of the top country's score
MAX_PRIMARY = 4


@dataclass(frozen=True)
class _Gazetteer:
    codes: dict[str, str]  # surface form (and its upper-case form) -> code
    names: dict[str, str]  # code -> display name
    lengths: dict[str, list[int]]  # first word -> word counts of the forms it starts, longest first


@cache
def country_entries() -> dict[str, dict[str, Any]]:
    """countries.json's entry for each code (aliases, demonyms, capitals, cities, display), read once."""
    data = json.loads(resources.files("indexer").joinpath("data/countries.json").read_text("utf-8"))
    return dict(data["countries"])


@cache
def _gazetteer() -> _Gazetteer:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    ambiguous: set[str] = set()  # e.g. "Korea", short for both Koreas
    for code, entry in country_entries().items():
        iso = _iso_names(code)
        names[code] = entry.get("display") or (iso or entry["aliases"])[0]
        display = [entry["display"]] if "display" in entry else []
        for form in iso + display + entry["aliases"] + entry["capitals"] + entry["demonyms"]:
            # with either apostrophe: "People's Republic of China", "People’s Republic of China"
            for surface in {
                form,
                form.upper(),
                form.replace("'", "\u2019"),
                form.upper().replace("'", "\u2019"),
            }:
                if codes.get(surface, code) != code:
                    ambiguous.add(surface)
                codes[surface] = code
    for surface in ambiguous:
        del codes[surface]
    lengths: dict[str, set[int]] = {}
    for form in codes:
        words = form.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return _Gazetteer(codes, names, {w: sorted(n, reverse=True) for w, n in lengths.items()})


def _iso_names(code: str) -> list[str]:
    """pycountry's names of a country: common name first, then the ISO and official names."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            # "Iran, Islamic Republic of" is written "Iran" in the news
            names.extend([value.split(",")[0].strip(), value] if "," in value else [value])
    return list(dict.fromkeys(names))


# a capital not inside a word; the look-behind follows it so that the search skips to capitals
_CAPITALISED = re.compile(r"[A-Z](?<![\w-][A-Z])[\w.'\u2019-]*")
_WORD = re.compile(r"[^\s\u2014]+")  # (an em dash ends a word: "Mexico\u2014President")
_TRAILING = re.compile(r"(?:['\u2019]s)?[.,;:!?)\"'\u2019\u201d]*$")  # possessive and punctuation


# a place naming an instrument names no party: "the Vienna Convention", "the Paris Agreement",
# "the Minsk agreements", "the Kyoto Protocol"
_INSTRUMENT = re.compile(
    r"\s+(?:Conventions?|Protocols?|Accords?|[Aa]greements?|Declaration|Charter|Treaty|Statute|Final Act)\b"
)


# "Latin American", "South America": a continent's part, not the United States (the search runs
# only on the few characters before the word)
_PART_OF_AMERICA = re.compile(r"\b(?:Latin|South|North|Central|Pan)[\s-]$")


@lru_cache(maxsize=8)  # find_countries and find_people read the same title and body
def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of country names, demonyms and capitals; longest form wins (a cached
    list: callers must not change it)."""
    gazetteer = _gazetteer()
    found = []
    next_free = 0
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        if start < next_free or (start and not text[start - 1].isspace()):
            continue  # not the start of a word: "(France", "al-Sisi"
        word = _WORD.match(text, start).group(0)  # type: ignore[union-attr]  # text[start] is no space
        lengths = gazetteer.lengths.get(_TRAILING.sub("", word), gazetteer.lengths.get(word, []))
        if not lengths:
            found += _pair_mentions(_TRAILING.sub("", word), start, gazetteer.codes)
            continue
        # the words from here on, as many as the longest form starting with this one has
        words = [m.group(0) for m in islice(_WORD.finditer(text, start), lengths[0])]
        for n in lengths:
            if n > len(words):
                continue
            surface = " ".join(words[:n])
            key = _TRAILING.sub("", surface)
            code = gazetteer.codes.get(key) or gazetteer.codes.get(surface)
            if code:
                continent = code == "US" and _PART_OF_AMERICA.search(text, max(0, start - 8), start)
                after = start + len(key)
                named = (
                    _INSTRUMENT.match(text, after) or _OUTLET.match(text, after) or _WATERS.match(text, after)
                )
                if not (named or continent):
                    found.append((start, start + len(key), code))
                next_free = start + len(key)
                break
    return found


_PAIR_DASH = re.compile(r"[-\u2013]")


# a sea, an ocean, a strait or a peninsula named after a state is no state: "the South China Sea",
# "the Indian Ocean", "the Korean Peninsula"
_WATERS = re.compile(r"\s+(?:Sea|Ocean|Strait|Straits|Peninsula)\b")


# a place naming a newspaper or a news agency names no party either: "UrduPoint / Pakistan Point News",
# "China Daily", "the Tehran Times", "Arab News"
_OUTLET = re.compile(
    r"\s+(?:Point\s+)?(?:News|Daily|Times|Today|Herald|Tribune|Observer|Post|Gazette|Telegraph|Chronicle)\b"
)


def _pair_mentions(word: str, start: int, codes: dict[str, str]) -> list[tuple[int, int, str]]:
    """Each country of a word that joins two or more countries by dashes ("UK-India",
    "US–China", "Pakistan-Kazakhstan"); none unless every part names a country."""
    parts = _PAIR_DASH.split(word)
    if len(parts) < 2 or not all(part in codes for part in parts):
        return []
    mentions, at = [], start
    for part in parts:
        mentions.append((at, at + len(part), codes[part]))
        at += len(part) + 1
    return mentions


def countries_in(text: str) -> list[str]:
    """The countries a text names (names, demonyms, capitals), in order, once each."""
    return list(dict.fromkeys(code for _, _, code in country_mentions(text)))


def country_spans(text: str) -> list[tuple[int, int, str]]:
    """Where a text names countries: (start, end, ISO code), in order."""
    return list(country_mentions(text))


def country_codes() -> dict[str, str]:
    """Every name, demonym and capital a country goes by, with its code."""
    return _gazetteer().codes


def country_name(code: str) -> str:
    """The display name of an ISO 3166 alpha-2 code."""
    return _gazetteer().names.get(code.upper(), code.upper())


def find_countries(title: str, body: str) -> tuple[list[str], list[str]]:
    """(every country mentioned, the primary countries), as alpha-2 codes, most mentioned first.

    A primary country scores at least 2 (a mention in the title or the lede, or two in the
    body) and half the top country's score: one passing mention deep in a story ("Tesla,
    a Serbian immigrant") makes no country primary, so the story stays out of that facet.
    """
    scores: Counter[str] = Counter()
    for _, _, code in country_mentions(title):
        scores[code] += TITLE_WEIGHT
    for start, _, code in country_mentions(body):
        scores[code] += LEDE_WEIGHT if start < LEDE_CHARS else 1
    if not scores:
        return [], []
    ranked = [code for code, _ in scores.most_common()]
    top = scores[ranked[0]]
    primary = [code for code in ranked if scores[code] >= max(2, PRIMARY_SHARE * top)][:MAX_PRIMARY]
    return ranked, primary


def begins_country_name(word: str) -> bool:
    """Whether a word is the first of a country's names, demonyms or capitals ("New", "Moscow")."""
    return word in _gazetteer().lengths
