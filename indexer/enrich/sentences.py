"""A news text's sentences.

A sentence ends at ".", "!" or "?" (a closing quote may follow) before a capital letter or an
opening quote, except after an abbreviation that stands before a name or a title: "Dr. Haider
al-Abadi", "Michael R. Pompeo", "U.S. President", "Gen. Milley". A dotted acronym ending a
sentence ("... talks with the U.S. The minister ...") is read as going on: rarer in news than an
acronym before a title, and joining two sentences loses less than cutting a name in half.
"""

from __future__ import annotations

import re

MIN_WORDS = 5  # shorter pieces are headings, sign-offs and "Thank you."

_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[A-Z\"\u201c\u2018])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen lt col maj capt sgt adm cmdr cdr sen rep gov rev hon amb fr sr mt ft"
    " pres supt insp dept vs".split()
)
# the word a full stop ends: a single initial ("R."), a dotted acronym ("U.S."), or a word
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(\"\u201c]))((?:[A-Za-z]\.)*[A-Za-z]+)\.$")


def sentences(text: str) -> list[str]:
    """The text's sentences of MIN_WORDS words or more, in order. A heading without a full stop
    joins the sentence after it."""
    found, start = [], 0
    for boundary in _BOUNDARY.finditer(text):
        if not _abbreviation(text[max(0, boundary.start() - 23) : boundary.start() + 1]):
            found.append(text[start : boundary.end()])
            start = boundary.end()
    found.append(text[start:])
    return [" ".join(part.split()) for part in found if len(part.split()) >= MIN_WORDS]


def _abbreviation(before: str) -> bool:
    """Whether the full stop ending `before` (the text's last characters up to it) ends an
    abbreviation rather than a sentence."""
    if not before.endswith("."):
        return False
    match = _LAST_WORD.search(before)
    if not match:
        return False
    word = match.group(1)
    return "." in word or (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS
