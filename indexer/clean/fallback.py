"""When trafilatura misses the story: the stretch its recall mode skipped, read again in its default
mode; the page's visible text, read as a text page, taking over or joining in when trafilatura kept
little or missed the densest block of prose."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree

from indexer.clean.htmlmeta import BLOCK_TAGS
from indexer.clean.lines import word_count

SHORT_EXTRACTION_WORDS = 200  # below this, the extraction is checked against the visible text


FALLBACK_RATIO = 5  # ... and replaced by it when that holds this many times more prose


MISSED_BLOCK_RATIO = 3  # a block of prose this many times what was kept, none of it kept, was missed


_COMMENT_SECTION = re.compile(r"(?:^|[\s_-])(?:comments?|disqus\w*|respond)(?:$|[\s_-])", re.IGNORECASE)


# lxml reads no str that declares its encoding: the page is decoded already
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


_INVISIBLE = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form")


GAP_SHARE = 0.3  # prose skipped between the kept lines, as a share of what was kept, that is a gap


GAP_FILL_RATIO = 1.3  # the default mode's reading of the stretch is taken when this much fuller


def fill_story_gap(
    lines: list[str], paragraphs: list[tuple[Any, str]], read_default: Callable[[], list[str]]
) -> list[str]:
    """`lines` (trafilatura's recall mode), or its default mode's reading of the same stretch
    when recall mode skipped part of the story.

    Recall mode now and then keeps a story's start and end and skips blocks between
    them (questions and answers in <details> under a subheading). When the page's
    `paragraphs` (`page_paragraphs`) between the first and the last one kept hold
    prose that was not kept, the default mode is read too (`read_default`): from the
    first to the last line the two modes share, its text is taken if it is fuller.
    Outside that stretch nothing is added.
    """
    kept = set(lines)
    at = [i for i, (_, text) in enumerate(paragraphs) if text in kept]
    skipped = [text for _, text in paragraphs[at[0] + 1 : at[-1]] if text not in kept] if at else []
    words = word_total(lines)
    if word_total([text for text in skipped if len(text) >= _PROSE_MIN_CHARS]) < GAP_SHARE * words:
        return lines
    other = read_default()
    text = "\n".join(other)  # the default mode may break some lines otherwise
    if 2 * sum(line in text for line in lines) < len(lines):
        return lines  # mostly other text: another reading of the page, not of the same story
    shared = [i for i, line in enumerate(other) if line in kept]
    if not shared:
        return lines
    stretch = other[shared[0] : shared[-1] + 1]
    return stretch if word_total(stretch) > GAP_FILL_RATIO * words else lines


def largest_prose_block(blocks: dict[Any, list[str]]) -> list[str]:
    """The paragraphs of the page's largest block of prose: the <p> children of one element."""
    prose = ([text for text in texts if len(text) >= _PROSE_MIN_CHARS] for texts in blocks.values())
    return max(prose, key=word_total, default=[])


_PROSE_MIN_CHARS = 40


_SAME_START_CHARS = 50  # a paragraph's opening, to find it in text written out another way


_SAMPLED_PARAGRAPHS = 50


def missed_block(block: list[str], kept: list[str]) -> bool:
    """Whether the page's largest block of prose is several times what was kept, and none of it was."""
    if not kept or word_total(block) < MISSED_BLOCK_RATIO * word_total(kept):
        return False
    text = " ".join(" ".join(kept).split())
    # paragraphs spread over the block, a bounded number: a long page costs no more
    sample = block[:: max(1, len(block) // _SAMPLED_PARAGRAPHS)]
    return not any(paragraph[:_SAME_START_CHARS] in text for paragraph in sample)


def with_fallback(
    kept: list[str], fallback: list[str], visible: str, missed: bool = False
) -> list[str] | None:
    """The text to index when trafilatura `kept` little, or None to keep what it kept.

    The densest prose of the visible text takes over when it holds several times
    more: in place of what was kept when it contains most of it, after it when it
    starts below it on the page (the story went on where trafilatura stopped).
    Prose elsewhere (above the story, or around it) is some other text, unless
    trafilatura `missed` a whole block of prose: then the two are read in page order.
    """
    words = word_total(kept)
    if not words:
        return fallback
    if not fallback or word_total(fallback) < (MISSED_BLOCK_RATIO if missed else FALLBACK_RATIO) * words:
        return None
    text = "\n".join(fallback)
    if 2 * word_total([paragraph for paragraph in kept if paragraph in text]) >= words:
        return fallback
    flat = " ".join(visible.split())
    end = flat.find(kept[-1])
    rest = [paragraph for paragraph in kept if paragraph not in text]
    if 0 <= end and flat.find(fallback[0], end + len(kept[-1])) >= 0 and fallback[0] not in flat[:end]:
        return rest + fallback
    if missed:
        return in_page_order(flat, rest, fallback)
    return None


def in_page_order(flat: str, *runs: list[str]) -> list[str]:
    """The lines of several runs, each in its order, merged by where they stand in the page's text."""
    placed = []
    for run in runs:
        at = 0
        for i, line in enumerate(run):
            # searched from the line before (linear on a long page); a line written out
            # another way is not found and stays after the one before it
            found = flat.find(line, at)
            at = found if found >= 0 else at
            placed.append((at, i, line))
    return [line for _, _, line in sorted(placed, key=lambda item: item[:2])]


def word_total(paragraphs: list[str]) -> int:
    return sum(word_count(paragraph) for paragraph in paragraphs)


def visible_text(html: str) -> str:
    """The text a reader would see, one block per line, without scripts, navigation or comments.

    Lines break at block elements only: a link or emphasis inside a paragraph stays in its line.
    """
    try:  # a tree of its own: the elements below are removed from it
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except etree.ParserError:  # no element at all: blank, or only a comment
        return ""
    for element in list(root.iter(*_INVISIBLE)):
        element.drop_tree()
    for element in [element for element in root.iter() if _is_comment_section(element)]:
        if element.getparent() is not None:  # not inside a section already dropped
            element.drop_tree()
    body = root.find("body")
    parts: list[str] = []
    _append_text(body if body is not None else root, parts)
    return "".join(parts)


def _append_text(element: Any, parts: list[str]) -> None:
    """Append an element's text to `parts`, with a line break around each block."""
    block = element.tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):  # not a comment or a processing instruction
            _append_text(child, parts)
        parts.append(child.tail or "")
    if block:
        parts.append("\n")


def _is_comment_section(element: Any) -> bool:
    """An element whose id or class names reader comments ("comments", "comment-list", "disqus_thread")."""
    if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article"):
        return False  # "comments-open" on a page or post says nothing
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(names.strip()) and bool(_COMMENT_SECTION.search(names))
