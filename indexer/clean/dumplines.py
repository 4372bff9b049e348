"""How a text dump broke a page's lines: sentences wrapped over several lines (joined again), and
teasers of other stories whose headline and blurb it glued into one line (found)."""

from __future__ import annotations

import itertools
import re

from indexer.clean.lines import has_sentence_end, is_paragraph, word_count

# a sentence the dump broke after a comma or mid-clause: "..., participated in the reception along with
# the Chilean President," / "Gabriel Boric."
_BROKEN = re.compile(r"(?:,|\b(?:and|or|of|the|with|to|by|for|in|a|an))$")
WRAPPED_MIN_WORDS = 6


def join_wrapped(lines: list[str]) -> list[str]:
    """Lines of one sentence the dump wrapped, joined: a line of a few words or more that ends on a
    comma or a word that cannot end a sentence (not a byline's "By IANS,"), and the line after it
    when that line ends the sentence; or the line after it when that line goes on in lower case
    ("... the devastating news" / "on the terrorist attack ..."). Where the text is wrapped at a fixed
    width (WRAPPED_PAGE_LINES lines going on in lower case), a line of a few words that ends on a comma
    or such a word goes on in the next ("... on behalf of the" / "Government and People of ...")."""
    continued = sum(
        word_count(previous) >= WRAPPED_MIN_WORDS and _goes_on(previous, line)
        for previous, line in itertools.pairwise(lines)
    )
    fixed_width = continued >= WRAPPED_PAGE_LINES and _short_lines(lines)
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if word_count(previous) >= WRAPPED_MIN_WORDS and (
            (_BROKEN.search(previous) and has_sentence_end(line) and not is_paragraph(previous))
            or _goes_on(previous, line)
            or (fixed_width and _BROKEN.search(previous))
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


WRAPPED_PAGE_LINES = 3
WRAP_WIDTH = 100  # characters: text wrapped at a fixed width has (nearly) no longer line


def _short_lines(lines: list[str]) -> bool:
    """Whether (nearly) no line of prose is longer than a fixed width's WRAP_WIDTH characters."""
    prose = [len(line) for line in lines if word_count(line) >= WRAPPED_MIN_WORDS]
    return sum(n > WRAP_WIDTH for n in prose) <= len(prose) // 10


def _goes_on(previous: str, line: str) -> bool:
    """Whether the line goes on with the previous one's sentence: it starts with a lower-case word,
    and the previous line ends no sentence, no code and is no Title Case heading."""
    if not _GOES_ON.match(line) or _ENDED.search(previous):
        return False
    words = previous.split()
    return sum(word[0].isupper() for word in words) < len(words) * _HEADING_CAPITALS


_HEADING_CAPITALS = 0.6  # "Video Production Process: Complete Guide for 2025"


# a line that goes on with the sentence: a lower-case word ("on the terrorist attack that ...", "committed.")
_GOES_ON = re.compile(r"[a-z]{2,}(?:[ ,]|[.!?]?$)")
# a line that ended its sentence or its clause (a full stop, a colon, a closing quote or bracket) or a
# line of code ("const addTodo = () => {")
_ENDED = re.compile(r"[.!?:;\"'\u201d\u2019)\]{(\[=>]$")


# where a dump glued a teaser's headline to its blurb: a letter, digit or closing mark,
# then a capital ("... Title RunDenny Hamlin's ...", "... To 250,000The state ...")
_GLUE = re.compile(r"(?<=[a-z\d)\u2019'\"\u201d?!])(?=[A-Z])")
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())
_GLUED_HEADLINE_WORDS = (3, 20)  # words other than articles, conjunctions and prepositions
_GLUED_BLURB_WORDS = 6
GLUED_RUN = 3  # glued teasers in a row that show the page's dump glues its teasers


def glued_teasers(lines: list[str]) -> dict[str, None]:
    """The teasers of other stories whose headline and blurb the dump glued into one line
    ("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's championship run was foiled ..."),
    on a page that has GLUED_RUN of them in a row; one such line alone may be a story's own
    (a name like "McDonald" or "YouTube" glues letters the same way). In page order, as dict keys."""
    glued = [_is_glued_teaser(line) for line in lines]
    run = longest = 0
    for flag in glued:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    if longest < GLUED_RUN:
        return {}
    return dict.fromkeys(line for line, flag in zip(lines, glued, strict=True) if flag)


def _is_glued_teaser(line: str) -> bool:
    """A Title Case headline of a few words run into a sentence-case blurb."""
    for match in _GLUE.finditer(line):
        head, blurb = line[: match.start()].split(), line[match.start() :].split()
        words = [word for word in head if word[0].isalpha() and word.lower() not in _MINOR_WORDS]
        if len(words) > _GLUED_HEADLINE_WORDS[1]:
            return False  # past a headline's length
        if (
            len(words) >= _GLUED_HEADLINE_WORDS[0]
            and (head[-1][0].isupper() or head[-1][0].isdigit())
            and len(blurb) >= _GLUED_BLURB_WORDS
            and _capitalised_share(words) >= 0.8
            and _capitalised_share(blurb) < 0.5
        ):
            return True
    return False


def _capitalised_share(words: list[str]) -> float:
    """The share of capitalised words among the words that are not articles, conjunctions or prepositions."""
    major = [word for word in words if word.lower() not in _MINOR_WORDS and word[0].isalpha()]
    return sum(1 for word in major if word[0].isupper()) / len(major) if major else 0.0
