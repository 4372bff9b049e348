"""What a line of text is: its words, and whether it reads as prose."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?(?:\s|$)|[\u3002\uff01\uff1f]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
PARAGRAPH_MIN_WORDS = 12
_WORD = re.compile(r"\w+")


def normalise_line(line: str) -> str:
    """One line of text with its runs of spaces (non-breaking ones too) made single."""
    return " ".join(line.replace("\u00a0", " ").split())


def folded_words(text: str) -> str:
    """A text's words, case-folded and joined by single spaces: the same text however it
    was punctuated, spaced or capitalised ("Our goal," / "our goal")."""
    return " ".join(_WORD.findall(text.casefold()))


def has_sentence_end(line: str) -> bool:
    """Whether a line ends a sentence somewhere ("." "!" "?" before a space or the end, "。")."""
    return bool(_SENTENCE_END.search(line))


def is_paragraph(line: str) -> bool:
    """A line that reads like prose: enough words and a sentence end."""
    return word_count(line) >= PARAGRAPH_MIN_WORDS and bool(_SENTENCE_END.search(line))


def has_cjk(text: str) -> bool:
    """Whether the text has Chinese or Japanese characters (whose punctuation is full-width)."""
    return bool(_CJK.search(text))


def word_count(line: str) -> int:
    """Words in a line; Chinese and Japanese write without spaces, so two of their characters count as one."""
    if line.isascii():  # a flag of the string: no scan for CJK characters
        return len(line.split())
    return len(line.split()) + len(_CJK.findall(line)) // 2
