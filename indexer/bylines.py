"""Bylines: the line that names a story's author, and the name cleaned of what runs into it.

Both page kinds use these: a text page finds its byline line among the lines
before the story, an HTML page under its headline or in its metadata.
"""

from __future__ import annotations

import re

from indexer.dates import MONTHS

# "By Jane Doe", "Written by Jane Doe and John Roe | 5 min read": who is a run of capitalised names
BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|words\s+by|posted\s+by|author:?)\s+"
    r"(?P<who>(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?:(?-i:[A-Z])[\w.'\u2019-]*|van|von|de|der|da|al|bin)){0,4}"
    r"(?:\s*(?:,|and|&)\s*(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,3})*)",
    re.IGNORECASE,
)


def byline_line(line: str) -> re.Match[str] | None:
    """A line that is a byline and nothing else."""
    match = BYLINE.match(line)
    return match if match and not line[match.end() :].strip(" .") else None


# month names as bylines print them, longest first ("September" before "Sep")
_MONTH_NAMES = sorted((name.capitalize() for name in MONTHS), key=len, reverse=True)
_NAME_MONTHS = ("April", "May", "June", "August")  # also given names and surnames ("Tom May")
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
    return None if not name or _NOT_A_NAME.search(name) else name


def byline_name(line: str) -> str | None:
    """The name a byline line gives, without the label or date that follows it."""
    named = BYLINE.match(_AFTER_NAME.sub("", line))
    return named.group("who").strip() if named else None
