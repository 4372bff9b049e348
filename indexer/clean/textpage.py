"""Boilerplate stripping for plain-text dumps of news pages (one block per line).

There is no DOM, so each line is judged by what it says: paragraph-like lines
(long, with sentence punctuation) anchor the article body; short lines inside
the body are kept (sub-headings, list items) unless they are page chrome;
lines before the body give the title, byline and date bar; lines after it are
comment forms, ads and footers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from indexer.clean.bylines import (
    BYLINE,
    by_a_date,
    byline_line,
    byline_name,
    dated_byline,
    is_bare_name,
    is_job_title,
    labelled_author,
    name_before_date,
)
from indexer.clean.chrome import (
    drop_closing_notes,
    drop_pull_quotes,
    is_chrome,
    is_comment_header,
    is_placeholder,
    meta_line_date,
    page_chrome,
)
from indexer.clean.codelines import is_code_line
from indexer.clean.dates import find_dates, parse_date_line, parse_dateline
from indexer.clean.dumplines import glued_teasers, join_wrapped
from indexer.clean.lines import (
    PARAGRAPH_MIN_WORDS,
    has_sentence_end,
    is_paragraph,
    normalise_line,
    word_count,
)
from indexer.clean.storylines import read_story

_MENU_RUN = 3  # this many short lines in a row, not introduced by a colon, are a menu or link list
_SHORT_WORDS = 6
_TITLE_WORDS = (3, 30)


@dataclass
class TextPage:
    """What a text dump yields: the article body and the metadata lines around it."""

    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    date_bar: dt.date | None = None
    dropped: list[str] = field(default_factory=list)


def is_title_like(line: str) -> bool:
    """A line that could be a headline: a few words, not chrome, a date, a byline or a lead-in."""
    words = len(line.split())
    return (
        _TITLE_WORDS[0] <= words <= _TITLE_WORDS[1]
        and not is_chrome(line)
        and not is_placeholder(line)
        and parse_date_line(line) is None
        and not byline_line(line)
        and not line.endswith(":")
    )


# what reads like a headline but is the line under it: a byline, a credit, a time posted, a reading time,
# a submenu item
_NOT_HEADLINE = re.compile(
    r"^(?:by\s|written\s+by\b|(?:photo\s+|image\s+)?credit\s*:|[|+o]\s|(?:posted|published|updated)\s*(?::|on\b|at\b))"
    r"|\bmin(?:ute)?s?\s+read\b|\breading\s+time\b",
    re.IGNORECASE,
)
# a blog's shortcode printed as text, "[twitter-follow screen_name='Diplopundit' ]"
_SHORTCODE = re.compile(r"^\[[\w-]+(?:\s[^\]]*)?\]$")
_HEADLINE_WORDS = 5  # fewer words: more likely a menu item or a section name
_DATED_LINE_WORDS = 15  # a longer line with a date is a sentence or a teaser, not the page's date


def _could_be_headline(line: str) -> bool:
    """A head line that may be the headline: title-like, and not a list item, byline, credit or date."""
    return (
        is_title_like(line)
        and not _LIST_ITEM.match(line)
        and not _NOT_HEADLINE.search(line)
        and not _SHORTCODE.match(line)
        and not find_dates(line)
    )


# a site's name after a headline, as a page's <title> gives it: " - Consilium", " | Reuters"
_SITE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+[^-|\u2013\u2014]{2,60}")


def _titled_headline(head: list[str], candidates: list[str]) -> str | None:
    """The head line that the page's first line, its title, repeats with the site's name after it
    ("How the EU adopts and reviews sanctions - Consilium" over "How the EU adopts and reviews
    sanctions"), the nearest the story if several."""
    title = head[0] if head else ""
    for line in reversed(candidates):
        if line != title and title.startswith(line) and _SITE_SUFFIX.fullmatch(title[len(line) :]):
            return line
    return None


def _choose_headline(candidates: list[str], seen: Counter[str], body: list[str]) -> str | None:
    """The headline among the lines above the story: the one nearest the story (menus and
    section names come first) whose words the story's opening mostly uses; else the one whose
    words it uses most, if half; else the nearest of five words or more, one the page repeats
    if there is one; else the nearest shorter one."""
    story = _content_words(" ".join(body[:_STORY_LINES]))
    repeated = set(body)  # a line the story itself repeats is a subheading its table of contents lists
    about = [
        line for line in candidates if _share_in(line, story) >= _HEADLINE_SHARE and line not in repeated
    ]
    long = [line for line in candidates if len(line.split()) >= _HEADLINE_WORDS and not line.endswith(".")]
    # else the one whose words the opening uses most, when it uses half of them (nearest on a tie)
    shares = [(_share_in(line, story), i, line) for i, line in enumerate(candidates) if line not in repeated]
    closest = [max(shares)[2]] if shares and max(shares)[0] >= _HEADLINE_SOME_SHARE else []
    for pool in (about, closest, [line for line in long if seen[line] > 1], long, candidates):
        if pool:
            return pool[-1]
    return None


_STORY_LINES = 10  # the story's opening, whose words a headline shares
_HEADLINE_SHARE = 0.7
_HEADLINE_SOME_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: few are function words


def _content_words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _share_in(line: str, words: set[str]) -> float:
    """The share of the line's words (two or more) found among `words`; 0 for a line of fewer."""
    own = _content_words(line)
    return len(own & words) / len(own) if len(own) >= 2 else 0.0


# a capture's date stamp glued to the page's first line: " date 2021-08-03 Rwanda and Tanzania on ..."
_DATE_STAMP = re.compile(r"(?i:date):?\s+(?P<date>(?:19|20)\d\d-\d\d-\d\d)\s+(?=\S)")


def clean_text_page(text: str) -> TextPage:
    """Split a text dump into title, byline, date bar and body paragraphs."""
    lines = [line for line in (normalise_line(raw) for raw in text.splitlines()) if line]
    if lines and (stamp := _DATE_STAMP.match(lines[0])):
        lines[:1] = [stamp.group("date"), lines[0][stamp.end() :]]  # the stamp is a date line of its own
    lines = join_wrapped(lines)
    teasers = glued_teasers(lines)
    if teasers:
        lines = [line for line in lines if line not in teasers]
    chrome = page_chrome(lines)
    anchors = [i for i, line in enumerate(lines) if is_paragraph(line) and not chrome(line)]
    if not anchors:
        # No prose line at all: keep every non-chrome line rather than nothing.
        kept = [line for line in lines if not chrome(line)]
        return TextPage(paragraphs=_dedupe(kept), dropped=[*teasers, *(x for x in lines if x not in kept)])
    first, last = _main_span(lines, chrome)
    first = _at_dateline(lines, _after_head_markers(lines, first, last), last)
    page = TextPage(paragraphs=[], dropped=list(teasers))
    head, body, tail = lines[:first], lines[first : last + 1], lines[last + 1 :]

    _read_head(page, head, body)

    def byline(line: str, name: str) -> None:
        page.byline = page.byline or name
        if page.date_bar is None and (dates := find_dates(line)):
            page.date_bar = dates[0]  # "By Jane Doe on March 12, 2026": the byline dates the page

    def on_chrome(line: str) -> None:
        if page.date_bar is None and (when := meta_line_date(line)):
            page.date_bar = when  # a post's meta line, "March 20, 2023 | Wellness": it dates the page
        if is_job_title(line) and page.paragraphs and is_bare_name(page.paragraphs[-1]):
            # the byline printed as the author's name over a job title ("Jane Doe" / "Staff Writer")
            name = page.paragraphs.pop()
            page.byline = page.byline or name
            page.dropped.append(name)

    read_story(
        body,
        page.paragraphs,
        page.dropped,
        byline=byline,
        chrome=lambda line: chrome(line) or line == page.title,
        on_chrome=on_chrome,
    )
    page.paragraphs = drop_closing_notes(
        _drop_menu_runs(_dedupe(page.paragraphs), page.dropped), page.dropped
    )
    page.paragraphs = drop_pull_quotes(page.paragraphs, page.dropped)
    page.dropped.extend(tail)
    return page


def _read_head(page: TextPage, head: list[str], body: list[str]) -> None:
    """The title, byline and date bar from the lines above the story; the rest of them is dropped."""
    headlines = []
    named = None  # the first name given before a date
    dated = []  # dates of the other short head lines that give one
    given: list[tuple[int, dt.date]] = []  # (line, date) of every short head line that gives a date
    date_line = -1  # the date bar's line
    for i, line in enumerate(head):
        byline = byline_line(line)
        date = parse_date_line(line)
        if dates := [date] if date else find_dates(line) if word_count(line) <= _DATED_LINE_WORDS else []:
            given.append((i, min(dates)))
        if byline and page.byline is None:
            page.byline = byline.group("who").strip()
        elif is_job_title(line) and i and is_bare_name(head[i - 1]):
            page.dropped.append(line)
            named = named or head[i - 1]  # the author's name over a job title ("Jane Doe" / "Staff Writer")
        elif date and page.date_bar is None:
            page.date_bar, date_line = date, i
        else:
            page.dropped.append(line)
            if _could_be_headline(line):
                headlines.append(line)
            elif who := name_before_date(line):
                named = named or who  # used when no line labels the byline
                dated.append(min(find_dates(line)))
            elif _is_head_marker(line):
                # "By Jane Doe | The Ledger", "By Jane Doe June 25, 2025": the name, then other things
                page.byline = page.byline or byline_name(line)
                dates = find_dates(line)
                page.date_bar = page.date_bar or (dates[0] if dates else None)
            elif word_count(line) <= _DATED_LINE_WORDS and (dates := find_dates(line)):
                dated.append(min(dates))
    page.byline = page.byline or named
    listed = _linked_headlines(head)
    headlines = [line for line in headlines if line not in listed]
    if page.date_bar is None and dated:
        # no date bar of its own: the first short head line that gives a date ("Updated
        # Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM" gives the earlier one, the publication)
        page.date_bar = dated[0]
    page.title = _titled_headline(head, headlines) or _choose_headline(headlines, Counter(head), body)
    if page.title:
        page.dropped.remove(page.title)  # a repeated headline's other copy stays dropped
        # a date bar above the headline, with an earlier date under it, is the site's "today"
        # ("Monday, December 29, 2025" over the headline, "IANS, 09 Jan, 2019 01:49 AM" under it)
        headline = head.index(page.title)
        under = [date for i, date in given if i > headline]
        if page.date_bar and 0 <= date_line < headline and under and under[0] < page.date_bar:
            page.date_bar = under[0]


_SEPARATOR = re.compile(r"[-\u2013\u2014_*=~.\s]+")
_ALSO_READ = re.compile(r"(?i)[\W_]*(?:also\s+read|read\s+also|see\s+also)[\W_]*")


def _linked_headlines(head: list[str]) -> set[str]:
    """The other stories' headlines that a head lists under a heading such as "ALSO READ" and
    closes with a separator line ("-"): titles of links, none the page's own headline."""
    listed: set[str] = set()
    start = None
    for i, line in enumerate(head):
        if _SEPARATOR.fullmatch(line):
            if start is not None:
                listed.update(head[start + 1 : i])
            start = None
        elif _ALSO_READ.fullmatch(line):
            start = i
    return listed


SHORT_LINE_COST = 3
_COMMENT_LINES = 2  # a comment header's next lines are the comment
_LIST_ITEM = re.compile(r"^(?:[*\u2022\u00b7\-\u2013]\s|\d{1,2}[.)]\s)")
CHROME_LINE_COST = 8


def _main_span(lines: list[str], chrome: Callable[[str], bool]) -> tuple[int, int]:
    """First and last line of the densest run of prose (the largest-sum run of line scores).

    Prose lines score their word count; other lines cost a little (nothing in a
    list a colon introduces), chrome more; so teasers and link lists away from
    the story fall outside, while sub-headings and lists inside it stay in.
    """
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    in_list = False  # short lines after one ending in ":" are a list, part of the text
    comment = 0  # lines still to come of a reader's comment ("Jo on Sep 21, 4:23 PM said:")
    for i, line in enumerate(lines):
        if is_code_line(line):
            score = 0  # code and console output in a technical story, as a list inside it
        elif chrome(line):
            score, in_list = -CHROME_LINE_COST, False
        elif comment:
            score, in_list = -SHORT_LINE_COST, False  # a comment's text weighs nothing for the story
        elif _is_lead_paragraph(line):
            score, in_list = word_count(line), True  # "The Presidents ..., gathered in Asuncion ...:"
        elif is_paragraph(line) and not (_LIST_ITEM.match(line) and not in_list):
            # an item of a list the story introduced keeps the list going (a communique's "1. ...",
            # "2. ...", "3. ...")
            score, in_list = word_count(line), in_list and bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line) and not in_list:
            score = 0  # a list item nothing introduces: teasers weigh nothing, a list inside the story stays
        else:
            score = 0 if in_list else -SHORT_LINE_COST
            in_list = in_list or line.endswith(":")
        comment = _COMMENT_LINES if is_comment_header(line) else max(0, comment - 1)
        if total <= 0:
            total, start = 0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    if best == 0:  # no run of prose outweighs what surrounds it
        anchors = [i for i, line in enumerate(lines) if is_paragraph(line) and not chrome(line)]
        return anchors[0], anchors[-1]
    first, last = best_span
    while not (is_paragraph(lines[first]) or _is_lead_paragraph(lines[first])) and first < last:
        first += 1  # start and end on prose
    while not is_paragraph(lines[last]) and last > first:
        last -= 1
    # a story may end on a short sentence ("Arafat was unresponsive, Barak said."): kept when it
    # follows the last paragraph at once and reads as one
    for _ in range(TAIL_SENTENCES):
        if last + 1 < len(lines) and _is_short_sentence(lines[last + 1], chrome):
            last += 1
    # and on a list its last sentence introduces ("To date, President Trump has only appointed three
    # new ambassadors:", then "China: Terry Branstad (...)" and the others): the list is the story's
    if last + 1 < len(lines) and _is_lead_in(lines[last + 1], chrome):
        end = last + 2
        while end < len(lines) and _is_entry(lines[end], chrome):
            end += 1
        if end - (last + 2) >= LIST_MIN_ENTRIES:
            last = end - 1
    return first, last


LIST_MIN_ENTRIES = 2
LIST_ENTRY_MAX_WORDS = 30
# an entry of a list: a bullet, a number, or a short label and a colon ("China: Terry Branstad")
_ENTRY = re.compile(r"^(?:[*\u2022\u00b7\-\u2013]\s|\d{1,2}[.)]\s|[A-Z][\w .'\u2019-]{0,40}:\s)")


def _is_lead_paragraph(line: str) -> bool:
    """A paragraph that ends introducing what follows: "The Presidents of ..., gathered in Asuncion on
    18 June 2018, on the occasion of the 52nd Summit of MERCOSUR Presidents:"."""
    return line.endswith(":") and word_count(line) >= PARAGRAPH_MIN_WORDS


def _is_lead_in(line: str, chrome: Callable[[str], bool]) -> bool:
    """A sentence that introduces a list: "... appointed three new ambassadors:"."""
    return (
        line.endswith(":") and word_count(line) >= TAIL_MIN_WORDS and line[:1].isupper() and not chrome(line)
    )


def _is_entry(line: str, chrome: Callable[[str], bool]) -> bool:
    return bool(_ENTRY.match(line)) and word_count(line) <= LIST_ENTRY_MAX_WORDS and not chrome(line)


TAIL_SENTENCES = 2  # short sentences kept after a story's last paragraph
TAIL_MIN_WORDS = 5
_SENTENCE_LINE = re.compile(r"^[\"'\u201c\u2018]?[A-Z].*[.!?][\"'\u201d\u2019)]?$")


def _is_short_sentence(line: str, chrome: Callable[[str], bool]) -> bool:
    return (
        word_count(line) >= TAIL_MIN_WORDS
        and bool(_SENTENCE_LINE.match(line))
        and not chrome(line)
        and not _LIST_ITEM.match(line)
        and not is_comment_header(line)
    )


_HEAD_WINDOW = 6  # lines from the start of the run of prose within which a byline or date bar is the head's


def _is_head_marker(line: str) -> bool:
    """A byline ("By Jane Doe | The Ledger") or a date bar: what stands between a headline's
    standfirst and the story. A labelled "Author: X" is left out (a book review's fact lines)."""
    match = BYLINE.match(line)
    return (
        bool(
            match
            and not labelled_author(line)
            and not by_a_date(line, match)
            and (word_count(line) <= 12 or dated_byline(line))
        )
        or parse_date_line(line) is not None
    )


def _after_head_markers(lines: list[str], first: int, last: int) -> int:
    """Where the story starts: after the byline or date bar when the run of prose opens
    with a prose line above it (a standfirst, a photo caption, a notice; two above a byline)."""
    end = min(first + _HEAD_WINDOW, last)
    markers = [i for i in range(first + 1, end) if _is_head_marker(lines[i])]
    if not markers:
        return first
    j = markers[-1]
    # a byline is the surer sign: a standfirst and a photo caption may both stand above it
    allowed = 2 if BYLINE.match(lines[j]) else 1
    if sum(is_paragraph(line) for line in lines[first:j]) > allowed:
        return first
    for k in range(j + 1, last + 1):
        if is_paragraph(lines[k]):
            return k
    return first


def _at_dateline(lines: list[str], first: int, last: int) -> int:
    """Where the story starts when a wire's dateline ("SAN FRANCISCO (AP) —", "VIENNA —") opens
    a paragraph just below the run's start, with at most one paragraph of prose above it (a
    notice, a standfirst, a caption): the lines above are the page's head, not the story."""
    for k in range(first + 1, min(first + _HEAD_WINDOW, last) + 1):
        if is_paragraph(lines[k]) and _is_wire_dateline(lines[k]):
            return k if sum(is_paragraph(line) for line in lines[first:k]) <= 1 else first
    return first


def _is_wire_dateline(line: str) -> bool:
    """A paragraph opening with a place in capitals and a dash, as wires write it ("VIENNA — ...");
    a capitalised label and a colon ("NOTE: ...", "FAQ: ...") is not one."""
    dateline = parse_dateline(line)
    return bool(dateline and dateline.place.isupper() and not line[: dateline.end].rstrip().endswith(":"))


def _is_short(line: str) -> bool:
    return word_count(line) < _SHORT_WORDS and not has_sentence_end(line)


def _drop_menu_runs(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop runs of short lines (menus, link lists) unless a line ending in ':' introduces them."""
    kept: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_short(lines[j]) and not (j > i and lines[j].endswith(":")):
            j += 1
        run = lines[i:j]
        introduced = any(line.endswith(":") for line in kept[-1:] + run[:1])
        if len(run) >= _MENU_RUN and not introduced:
            dropped.extend(run)
        else:
            kept.extend(run)
        if j < len(lines):
            kept.append(lines[j])
        i = j + 1
    return kept


def _dedupe(lines: list[str]) -> list[str]:
    """Drop exact repeats of a line (repeated headlines, widgets), keeping the first, and list
    items that repeat a line of the text (a table of contents, a gallery's list of captions)."""
    plain = set(lines)
    seen: set[str] = set()
    kept = []
    for line in lines:
        if line in seen or (_LIST_ITEM.match(line) and _LIST_ITEM.sub("", line, count=1) in plain):
            continue
        seen.add(line)
        kept.append(line)
    return kept
