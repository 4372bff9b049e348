"""One pass over a page's main-text lines, for HTML pages and text dumps alike.

Each line, in order, is the story's end (a closing marker with most of the prose
behind it, or a page kind's own end, such as cards of other stories), a byline, chrome,
or the story's; a sign-off ends the story after its line. What each page kind knows
besides (tag lists, its title, a date bar) comes in as the functions it passes.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.clean.bylines import body_byline
from indexer.clean.chrome import StoryEnd, is_chrome


def _never(i: int, end: StoryEnd) -> bool:
    return False


def read_story(
    lines: list[str],
    paragraphs: list[str],
    dropped: list[str],
    *,
    byline: Callable[[str, str], None],
    chrome: Callable[[str], bool] = is_chrome,
    ends: Callable[[int, StoryEnd], bool] = _never,
    on_chrome: Callable[[str], None] | None = None,
) -> None:
    """Append the story's lines to `paragraphs` and the others to `dropped`, in page order.

    `byline(line, name)` is told of each byline line (then dropped); `chrome(line)` says
    which other lines are not the story's, and `on_chrome(line)` is told of each before it
    is dropped (it may move a line back from `paragraphs` to `dropped`); `ends(i, end)` is a
    page kind's own end of the story at line i, asked after StoryEnd's closing markers.
    """
    end = StoryEnd(lines)
    for i, line in enumerate(lines):
        if end.ends_at(i) or ends(i, end):
            dropped.extend(lines[i:])
            return
        name = body_byline(line)
        if name:
            byline(line, name)
            dropped.append(line)
        elif chrome(line):
            if on_chrome is not None:
                on_chrome(line)
            dropped.append(line)
        else:
            paragraphs.append(line)
            end.keep(line)
        if end.signed_off(i):
            dropped.extend(lines[i + 1 :])
            return
