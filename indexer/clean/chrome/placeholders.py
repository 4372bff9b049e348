"""Placeholder text: "Lorem ipsum ..." a template left in a gap of a real page (dropped), or the
whole text of a mock-up (kept)."""

from __future__ import annotations

import re

from indexer.clean.lines import is_paragraph, word_count

_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
# the words of the usual placeholder text, to tell a mock-up made of it from a page it fills a gap on
_PLACEHOLDER_WORDS = re.compile(
    r"\b(?:lorem|ipsum|dolor|consectetur|adipi\w+|tempor|incididunt|labore|dolore|aliqua|veniam|nostrud"
    r"|exercitation|ullamco|laboris|aliquip|commodo|consequat|reprehenderit|voluptate|cillum|fugiat"
    r"|pariatur|excepteur|occaecat|cupidatat|proident|officia|deserunt|mollit|laborum)\b",
    re.IGNORECASE,
)
_PLACEHOLDER_LINE_WORDS = 3  # a line with this many of them is placeholder text


def is_placeholder(line: str) -> bool:
    """A line of template filler: "Lorem ipsum dolor sit amet, ..." (dropped from a real page)."""
    return "lorem" in line.lower() and bool(_LOREM.search(line))


def is_mock_up(lines: list[str]) -> bool:
    """Whether a page is made of placeholder text: a mock-up, whose placeholder is all the text
    it has (kept), not a page where a template left "Lorem ipsum" in a gap or a whole section
    (dropped): most of its text is placeholder, and little else reads as prose."""
    filler = [len(_PLACEHOLDER_WORDS.findall(line)) >= _PLACEHOLDER_LINE_WORDS for line in lines]
    filler_chars = sum(len(line) for line, is_filler in zip(lines, filler, strict=True) if is_filler)
    prose = sum(
        word_count(line)
        for line, is_filler in zip(lines, filler, strict=True)
        if not is_filler and is_paragraph(line)
    )
    return filler_chars >= sum(len(line) for line in lines) / 2 and prose < _MOCK_UP_PROSE_WORDS


_MOCK_UP_PROSE_WORDS = 50  # a page with this much prose besides its placeholder text is a real one
