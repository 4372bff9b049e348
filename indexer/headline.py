"""The text a page prints around its headline, where its date and byline stand."""

from __future__ import annotations

import re
from typing import Any

from indexer.textpage import normalise_line

HEADLINE_TAGS = ("h1", "h2", "h3", "legend")  # where a page prints its headline
_SCRIPTS = {"script", "style", "noscript", "template"}
_BYLINE_WINDOW = 600  # characters of text after the headline where its byline may stand
_BYLINE = re.compile(
    r"^(?:by|written\s+by|words\s+by|posted\s+by|author:?)\s+"
    r"(?P<who>(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?:(?-i:[A-Z])[\w.'\u2019-]*|van|von|de|der|da|al|bin)){0,4}"
    r"(?:\s*(?:,|and|&)\s*(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,3})*)",
    re.IGNORECASE,
)
_BY_ALONE = re.compile(r"^(?:by|written\s+by|author:?)$", re.IGNORECASE)
_NAME = re.compile(r"^(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){1,3}$")


def text_around_headline(
    tree: Any, headline: str | None, after: int
) -> tuple[list[tuple[str, Any]], int] | None:
    """The page's text blocks in order, up to `after` characters past the headline, and
    the index of the first block after it; None when no headline element says `headline`.

    A block is an element's own text and the text right after it (its tail).
    """
    heading = next(
        (
            element
            for element in tree.iter(*HEADLINE_TAGS)
            if normalise_line(element.text_content()) == headline
        ),
        None,
    )
    if heading is None:
        return None
    inside = set(heading.iter())
    chunks: list[tuple[str, Any]] = []
    at: int | None = None  # index of the first chunk after the headline
    seen = 0
    for element in tree.iter():
        if element is heading:
            at = len(chunks)
            if (element.tail or "").strip():  # text right after the headline's closing tag
                chunks.append((" ".join(element.tail.split()), element))
        elif isinstance(element.tag, str) and element.tag not in _SCRIPTS and element not in inside:
            text = " ".join(f"{element.text or ''} {element.tail or ''}".split())
            chunks.append((text, element))
            if at is not None:
                seen += len(text)
                if seen > after:
                    break
    return (chunks, at) if at is not None else None


def headline_byline(tree: Any, headline: str | None) -> str | None:
    """The byline printed under the headline ("By Jane Doe", or "By" then the name), if any."""
    around = text_around_headline(tree, headline, _BYLINE_WINDOW)
    if around is None:
        return None
    chunks, at = around
    texts = [text for text, _ in chunks[at:] if text]
    for i, text in enumerate(texts):
        if len(text.split()) > 12:
            continue
        match = _BYLINE.match(text)
        if match:
            return match.group("who").strip(" ,")
        if _BY_ALONE.match(text) and i + 1 < len(texts) and _NAME.match(texts[i + 1]):
            return texts[i + 1]
    return None
