"""Bylines: the line that names a story's author, and the name cleaned of what runs into it.

Both page kinds use these: a text page finds its byline line among the lines
before the story, an HTML page under its headline or in its metadata.
"""

from __future__ import annotations

import re

from indexer.clean.dates import MONTHS, WEEKDAY_NAME, find_dates

# "By Jane Doe", "Written by Jane Doe and John Roe | 5 min read": who is a run of capitalised names
BYLINE = re.compile(
    r"^(?:[*+\u2022-]\s+)?(?:(?:(?:written|reported|words|posted|text|story|article|recipe|guide)\s+)?by:?|author:?)\s+"
    r"(?P<who>(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?:(?-i:[A-Z])[\w.'\u2019-]*|van|von|de|der|da|al|bin)){0,4}"
    r"(?:\s*(?:,|and|&)\s*(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,3})*)",
    re.IGNORECASE,
)


def byline_line(line: str) -> re.Match[str] | None:
    """A line that is a byline and nothing else; a list item gives a name of two words or more
    ("* By Region" is a menu's)."""
    match = BYLINE.match(line)
    if not match or line[match.end() :].strip(" .") or _menu_item(line, match):
        return None
    return match


def body_byline(line: str) -> str | None:
    """The name a byline line inside the story's text gives ("By Jane Doe" under a standfirst,
    "By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m."), or None: "By Region" is a
    heading, and "Author: X" a book review's fact line."""
    match = byline_line(line) or dated_byline(line)
    if not match or len(match.group("who").split()) < 2 or labelled_author(line):
        return None
    return match.group("who").strip()


def dated_byline(line: str) -> re.Match[str] | None:
    """A byline that goes on with its date and nothing else ("By Jane Doe , John Roe on
    Monday, November 18th, 2019 at 11:08 a.m."); not a sentence opening "By March 3, ..."."""
    match = BYLINE.match(line)
    if not match or _menu_item(line, match) or by_a_date(line, match):
        return None
    rest = _DATE_LEAD.sub("", line[match.end() :])
    if not rest or len(rest.split()) > _DATE_MAX_WORDS or not _DATE_START.match(rest) or not find_dates(rest):
        return None
    return match


def by_a_date(line: str, match: re.Match[str]) -> bool:
    """Whether what a `BYLINE` match takes for a name is a date: "By Tuesday, ...", "By March 3"."""
    return bool(_BY_A_DATE.match(line, match.start("who")))


_DATE_LEAD = re.compile(r"^[\s,|\u2022\u00b7\u2013\u2014-]*(?:on\s+)?", re.IGNORECASE)
_DATE_MAX_WORDS = 10  # "Monday, November 18th, 2019 at 11:08 a.m. ET"


def labelled_author(line: str) -> bool:
    return line[:6].casefold() == "author"


def _menu_item(line: str, match: re.Match[str]) -> bool:
    """A list item naming one word: a menu's "* By Region", not a byline."""
    return bool(_BULLET.match(line)) and len(match.group("who").split()) < 2


_BULLET = re.compile(r"^[*+\u2022-]\s")


# month names as bylines print them, longest first ("September" before "Sep")
_MONTH_NAMES = sorted((name.capitalize() for name in MONTHS), key=len, reverse=True)
_NAME_MONTHS = ("April", "May", "June", "August")  # also given names and surnames ("Tom May")
_WEEKDAY = rf"{WEEKDAY_NAME}\b"
# how the date after a byline starts: a weekday, a month or a digit
_DATE_START = re.compile(rf"(?:{_WEEKDAY}|(?:{'|'.join(_MONTH_NAMES)})\b|\d)", re.IGNORECASE)
# "By" before a date is a sentence's ("By March 3, the talks ...", "By Tuesday, ..."); "By April Lee" names
_BY_A_DATE = re.compile(rf"(?:{_WEEKDAY}|(?:{'|'.join(_MONTH_NAMES)})\.?\s+\d)", re.IGNORECASE)
# what a byline runs into after the name: a label (glued on, in some dumps) or a date
_AFTER_NAME = re.compile(
    r"(?:(?<=[a-z])|\s+)(?:Published|Updated|Posted|Last\s+(?i:updated|modified))\b.*$"
    rf"|(?:\s+[Oo]n)?\s+(?:{'|'.join(_MONTH_NAMES)})\.?\s+\d.*$"
)
# a month that ends a byline's run of capitalised words is the date's ("Luke Kim December")
_TRAILING_MONTH = re.compile(
    rf"\s+(?:{'|'.join(name for name in _MONTH_NAMES if name not in _NAME_MONTHS)})\.?$"
)
_NOT_A_NAME = re.compile(
    rf"\u00a9|\bprivacy\b|\bpolicy\b|\bcookies?\b|^(?:the\s+)?author$|^(?:{'|'.join(_MONTH_NAMES)})\.?$",
    re.IGNORECASE,
)


def clean_byline(byline: str | None) -> str | None:
    """A byline without the label or month run into it, or None when it names nobody ("August")."""
    if not byline:
        return None
    name = _TRAILING_MONTH.sub("", _AFTER_NAME.sub("", byline)).strip(" ,;")
    name = _SPACE_BEFORE_COMMA.sub(",", name)  # "Jo Kim , Al Roe": a dump's space before a comma
    if name.endswith(".") and len(name.rsplit(maxsplit=1)[-1]) > _ABBREVIATION_CHARS:
        name = name[:-1]  # the full stop of the sentence the byline is ("By Jeff Cobb."), not "Jr."
    return None if not name or _NOT_A_NAME.search(name) else name


_SPACE_BEFORE_COMMA = re.compile(r"\s+,")
_ABBREVIATION_CHARS = 4  # "Jr.", "Sr.", "Inc."


def byline_name(line: str) -> str | None:
    """The name a byline line gives, without the label or date that follows it."""
    named = BYLINE.match(_AFTER_NAME.sub("", line))
    return named.group("who").strip() if named and not _menu_item(line, named) else None


# a name, a separator, then the date ("Zach Lezberg | May 22, 2025", "Jo Kim \u2022 Nov 4, 2025")
_NAME_THEN_DATE = re.compile(
    r"^(?P<who>(?-i:[A-Z])[\w.'\u2019-]+(?:\s+(?-i:[A-Z])[\w.'\u2019-]+){1,3})\s*[|\u2022\u00b7\u2013\u2014]\s*"
    rf"(?P<when>(?:(?:published|updated|posted)\s*:?\s*)?(?:on\s+)?(?:\d|(?:{'|'.join(_MONTH_NAMES)})\b))",
    re.IGNORECASE,
)
_NAME_THEN_MAX_WORDS = 12


def name_before_date(line: str) -> str | None:
    """The name a short line gives before a date, or None ("Updated | March 3, 2025" names nobody)."""
    match = _NAME_THEN_DATE.match(line)
    if not match or len(line.split()) > _NAME_THEN_MAX_WORDS or not find_dates(line[match.start("when") :]):
        return None
    who = match.group("who")
    if any(
        word.strip(".").capitalize() in _MONTH_NAMES or word.casefold() in _LABELS for word in who.split()
    ):
        return None
    return clean_byline(who)


_LABELS = {"updated", "published", "posted", "last", "modified", "date", "on", "by"}


# a byline's job title on a line of its own: "CNBC Executive News Editor", "Staff Writer"
_JOB_TITLE = re.compile(
    r"(?:[A-Z][\w.&'\u2019-]*\s+){0,4}(?:Editor|Correspondent|Reporter|Writer|Columnist|Contributor|Producer)s?"
)
# a name on a line of its own, as a byline prints it above the job title
_BARE_NAME = re.compile(r"[A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|van|von|de|der|da|al|bin)){1,3}")


def is_job_title(line: str) -> bool:
    """A line that is only a newsroom job title ("Senior Diplomatic Correspondent")."""
    return bool(_JOB_TITLE.fullmatch(line))


def is_bare_name(line: str) -> bool:
    """A line that is only a person's name ("Mira Okafor", "Ruud van Dijk")."""
    return bool(_BARE_NAME.fullmatch(line)) and not _NOT_A_NAME.search(line)
