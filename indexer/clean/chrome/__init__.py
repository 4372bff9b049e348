"""Page chrome, line by line: what news sites print around a story and is not it.

Ads, menus, share and sign-up widgets, credits, captions, lone dates and
promotions are dropped wherever they stand; a closing marker ("Comments",
"Related stories", an author's bio) ends the story once most of its prose is
behind it. The HTML and the text-page paths drop the same lines
(indexer/clean/storylines.py). The rules, by family:

- furniture: menus, widgets, comment headers, placeholders, footers;
- credits: credits and promotions around a story;
- stamps: lone dates and timestamps;
- media: video players' controls, loading widgets, gallery counters;
- ends: closing markers, sign-offs, closing notes and pull quotes.

Rules are named tables (rules.py: each rule beside the lines it must take and
the lines it must spare); `TABLES` lists them for tests/test_chrome.py, which
checks every rule against its own lines. bench/news_lines_bench.py checks the
whole against lines of real pages.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.clean.bylines import is_job_title
from indexer.clean.chrome.credits import CREDITS, PROMOTIONS, is_credit, is_promotion
from indexer.clean.chrome.ends import (
    CLOSING_MARKERS,
    StoryEnd,
    drop_closing_notes,
    drop_pull_quotes,
    is_closing,
    is_sign_off,
)
from indexer.clean.chrome.furniture import (
    CHROME,
    WIDGETS,
    is_comment_header,
    is_furniture,
    is_short_furniture,
)
from indexer.clean.chrome.media import MEDIA, is_media_control
from indexer.clean.chrome.placeholders import is_mock_up, is_placeholder
from indexer.clean.chrome.stamps import is_stamp, meta_line_date
from indexer.clean.lines import word_count

__all__ = [
    "CLOSING_TABLES",
    "TABLES",
    "StoryEnd",
    "drop_closing_notes",
    "drop_pull_quotes",
    "is_chrome",
    "is_closing",
    "is_comment_header",
    "is_placeholder",
    "page_chrome",
    "is_sign_off",
    "meta_line_date",
]


def is_chrome(line: str) -> bool:
    """Page chrome: a menu, widget or ad line, a credit or promotion around the story, a placeholder,
    a lone date or timestamp."""
    lowered = line.lower()
    if is_furniture(line) or is_credit(line, lowered):
        return True
    if " | " in line and meta_line_date(line) is not None:
        return True
    words = word_count(line)
    short = words <= _SHORT_CHROME_WORDS
    if short and (is_stamp(line, words) or is_job_title(line) or is_short_furniture(line)):
        return True
    if short and is_media_control(line):
        return True
    return is_promotion(line, lowered)


def page_chrome(lines: list[str]) -> Callable[[str], bool]:
    """is_chrome for the lines of one page, with placeholder text ("Lorem ipsum ...") too, unless
    the page is a mock-up made of it (then that is all the text it has)."""
    mock_up: list[bool] = []  # decided when the first placeholder line is met: most pages have none

    def chrome(line: str) -> bool:
        if is_chrome(line):
            return True
        if not is_placeholder(line):
            return False
        if not mock_up:
            mock_up.append(is_mock_up(lines))
        return not mock_up[0]

    return chrome


# every table of rules, each dropping a line wherever it stands (is_chrome)
TABLES = (CHROME, WIDGETS, CREDITS, PROMOTIONS, MEDIA)
# ... and those of headings that end a story (is_closing)
CLOSING_TABLES = (CLOSING_MARKERS,)


# chrome that is a short line of its own is looked for only in lines of at most this many words
_SHORT_CHROME_WORDS = 20
