"""Lone dates and times: a date bar, a timestamp, "3 hours ago", a post's meta line
("March 20, 2023 | Wellness"), which dates the page when nothing better does."""

from __future__ import annotations

import datetime as dt
import re

from indexer.clean.dates import parse_date_line
from indexer.clean.lines import word_count

_TIMESTAMP_MAX_WORDS = 10


_DATE_LABEL = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|modified|date|video|(?:on|at)\b|[\s:\-\u2013\u2014|])+",
    re.IGNORECASE,
)


_NUMERIC_DATE = re.compile(
    r"(?:19|20)\d\d[-./]\d\d?[-./]\d\d?|\d\d?[-./]\d\d?[-./](?:19|20)\d\d|\d\d?/\d\d?/\d\d"  # "04/19/13"
)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# "9:41", "21h05", or a wire's "0203 GMT"
CLOCK = re.compile(
    r"\b[0-2]?\d[:h][0-5]\d(?!\d)|\b[0-2]\d[0-5]\d\s+(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|HKT|IST|JST)\b"
)


def meta_line_date(line: str) -> dt.date | None:
    """The date of a post's meta line, else None: a line of a few short parts set apart by
    pipes, one of them a date ("On Behalf of Jane Doe PLLC | Apr 21, 2017 | Products
    Liability"; a table's row starts with "|")."""
    items = line.split(" | ")
    if line.startswith("|") or not 2 <= len(items) <= _META_MAX_ITEMS:
        return None
    if not all(0 < word_count(item) <= _META_ITEM_WORDS for item in items):
        return None
    dates = (parse_date_line(_DATE_LABEL.sub("", item).strip()) for item in items)
    return next((when for when in dates if when), None)


_META_MAX_ITEMS = 5


_META_ITEM_WORDS = 6


def _is_date_line(line: str) -> bool:
    """A line that is only a date, perhaps labelled ("Published on: February 14, 2025", "19/12/2025");
    called on short lines only (`_is_short_chrome`)."""
    if not _DIGIT.search(line):  # every date written so has a year or is all digits
        return False
    core = _DATE_LABEL.sub("", line).strip()
    return bool(core and (parse_date_line(core) or _NUMERIC_DATE.fullmatch(core)))


_DIGIT = re.compile(r"\d")


def _is_timestamp(line: str) -> bool:
    """A line giving a date and a time, in any language ("22 de janeiro de 2018 às 0:13"), or a
    time ago ("1 hour ago", "Updated 3 days ago"); called on short lines only (`_is_short_chrome`)."""
    return bool((_YEAR.search(line) and CLOCK.search(line)) or _TIME_AGO.fullmatch(line))


_TIME_AGO = re.compile(
    r"(?:(?:updated|published|posted)\s*:?\s*)?(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?)\s+ago\.?"
    # ... in Spanish, Portuguese, French and German: "Hace 28 minutos", "il y a 2 heures", "vor 3 Tagen"
    r"|(?:hace|há|il\s+y\s+a|vor)\s+(?:una?|\d+)\s+(?:segundos?|minutos?|minutes?|minuten|horas?|heures?"
    r"|stunden?|d[ií]as|jours?|tagen?|semanas?|semaines?|wochen)",
    re.IGNORECASE,
)


def is_stamp(line: str, words: int) -> bool:
    """A lone timestamp or date line."""
    return words <= _TIMESTAMP_MAX_WORDS and (_is_timestamp(line) or _is_date_line(line))
