"""Cards of other stories: what ends an article when they follow most of it.

Two kinds of card:
- an item of a list (<ul>, <ol>) whose every item holds a linked picture;
- one of a row of three or more boxes of one kind (same tag, same class), each
  holding a linked headline (an <h2>-<h6> that is all link) and at most a
  short teaser ("Read This Next": a headline and a line about each story).

`story_cards` maps each card's text to its group (its list or row). The first
card of a group ends the article when most of the prose is before it; a
listing made of cards (restaurants, products, each a linked headline) is read
whole, as its later cards follow one of the same group.
"""

from __future__ import annotations

from typing import Any

from indexer.clean.splitbody import linked_items

MIN_ROW = 3  # boxes of one kind in a row of headline cards
MAX_CARD_WORDS = 80  # a card is a headline and a teaser; a box holding more is a section of the story
_CARD_LEVELS = 5  # how far above its headline a card's box may be
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def squeezed(text: str) -> str:
    """Text without its spaces: an element's text and trafilatura's line of it space blocks differently."""
    return "".join(text.split())


def story_cards(tree: Any) -> dict[str, Any]:
    """Each card's text (squeezed; a headline card's headline) -> its group (its list or row).

    Groups are the elements themselves, held here: the id of an lxml element's
    Python proxy may be reused once the proxy is freed.
    """
    cards: dict[str, Any] = {}
    for element in tree.iter("ul", "ol"):
        for item in linked_items(element, ".//a//img"):
            cards.setdefault(squeezed(item.text_content()), element)
    rows: dict[tuple[Any, str, str], bool] = {}  # (parent, tag, class) -> a row of headline cards
    for heading in tree.iter(*_HEADINGS):
        if _is_linked_headline(heading):
            row = _card_row(heading, rows)
            if row is not None:
                cards.setdefault(squeezed(heading.text_content()), row)
    cards.pop("", None)
    return cards


def _is_linked_headline(heading: Any) -> bool:
    """A heading whose text is all link text, to another page."""
    inner = list(heading.iter("a"))
    if inner:
        text = squeezed("".join(link.text_content() for link in inner))
        return all(map(_to_other_page, inner)) and text == squeezed(heading.text_content())
    outer = next(heading.iterancestors("a"), None)
    return outer is not None and _to_other_page(outer)


def _to_other_page(link: Any) -> bool:
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _card_row(heading: Any, rows: dict[tuple[Any, str, str], bool]) -> Any:
    """The row (the parent of three or more boxes of one kind, each with a linked headline)
    that `heading` is a card of, or None when its box holds more than a card."""
    for level, box in enumerate(heading.iterancestors()):
        parent = box.getparent()
        if level >= _CARD_LEVELS or parent is None:
            return None
        kind = (parent, box.tag, box.get("class") or "")
        if kind not in rows:
            boxes = [
                child for child in parent if child.tag == box.tag and (child.get("class") or "") == kind[2]
            ]
            rows[kind] = len(boxes) >= MIN_ROW and all(map(_holds_linked_headline, boxes))
        if rows[kind]:
            return parent if len(box.text_content().split()) <= MAX_CARD_WORDS else None
    return None


def _holds_linked_headline(box: Any) -> bool:
    return any(map(_is_linked_headline, box.iter(*_HEADINGS)))
