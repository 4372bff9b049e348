"""The text a page prints around its headline, where its date and byline stand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from indexer.clean.bylines import byline_name
from indexer.clean.lines import normalise_line

HEADLINE_TAGS = ("h1", "h2", "h3", "legend")  # where a page prints its headline
_SCRIPTS = {"script", "style", "noscript", "template"}
AFTER_HEADLINE = 1000  # characters of text after the headline that are read
_BYLINE_WINDOW = 600  # ... of which the byline stands in the first
_BY_ALONE = re.compile(r"^(?:by|written\s+by|author:?)$", re.IGNORECASE)
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
STANDFIRST_WORDS = 5  # a standfirst is a sentence, not a section title
_NAME = re.compile(r"^(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){1,3}$")


@dataclass(frozen=True)
class AroundHeadline:
    """The page's text blocks in order, up to a little past the headline."""

    chunks: list[tuple[str, Any]]  # (text, element): an element's own text and the text after it
    at: int  # index of the first block after the headline
    heading: Any  # the headline's element


def text_around_headline(tree: Any, headline: str | None) -> AroundHeadline | None:
    """The text blocks around the headline element, None when no headline element says `headline`."""
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
    at: int | None = None
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
                if seen > AFTER_HEADLINE:
                    break
    return AroundHeadline(chunks, at, heading) if at is not None else None


def headline_byline(around: AroundHeadline | None) -> str | None:
    """The byline printed under the headline ("By Jane Doe", or "By" then the name), if any."""
    if around is None:
        return None
    texts: list[str] = []
    seen = 0
    for text, _ in around.chunks[around.at :]:
        seen += len(text)
        if seen > _BYLINE_WINDOW:
            break
        if text:
            texts.append(text)
    for i, text in enumerate(texts):
        if len(text.split()) > 12:
            continue
        name = byline_name(text)
        if name:
            return name.strip(" ,")
        if _BY_ALONE.match(text) and i + 1 < len(texts) and _NAME.match(texts[i + 1]):
            return texts[i + 1]
    return None


def is_standfirst(around: AroundHeadline | None, line: str) -> bool:
    """True when `line` is the summary a page sets under its headline as a subheading of its own.

    That is a sentence-long <h2>..<h6> beside the headline's element (the "dek" or
    "standfirst"): it sums the story up and is not part of it.
    """
    if around is None or len(line.split()) < STANDFIRST_WORDS:
        return False
    parent = around.heading.getparent()
    return parent is not None and any(
        sibling.tag in _SUBHEADINGS and normalise_line(sibling.text_content()) == line for sibling in parent
    )
