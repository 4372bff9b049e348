"""Boxes of a page that are not the story, removed before trafilatura reads it.

trafilatura's recall mode keeps what looks like text; some boxes look like text
and say by their markup what they are: the site's header with its menus, a box
named as a call to action ("cta": "See how our software can help you") or as a
disclosure or disclaimer (an investment's legal notes, an affiliate notice),
boxes marked as no content ("nocontent", the class search engines skip) or hidden
("invisible", the class of CSS frameworks that hide a box), and what the page hides
from its readers (`hidden`, `display: none`), as Readability drops it.
"""

from __future__ import annotations

import re
from typing import Any


def drop_site_headers(tree: Any) -> None:
    """Remove the site's header (its logo, menus and mega-menu).

    A header outside the story (not in an <article> or <main>) holding a menu,
    mostly link text, is the site's; a header that holds the story, as a bad page
    may have it wrap the rest of the page, is mostly not links.
    """
    for header in tree.xpath(_SITE_HEADERS):
        words = len(header.text_content().split())
        linked = sum(len(link.text_content().split()) for link in header.iter("a"))
        if header.getparent() is not None and linked >= SITE_HEADER_LINK_SHARE * words:
            header.drop_tree()


_SITE_HEADERS = "//header[not(ancestor::article or ancestor::main)][.//nav or count(.//a) > 10]"
SITE_HEADER_LINK_SHARE = 0.7


def drop_hidden_boxes(tree: Any) -> None:
    """Remove what the page hides from its readers (the `hidden` attribute, an inline style of
    `display: none` or `visibility: hidden`), but for a box holding the headline and the parts
    of a story React streams in hidden (`<div hidden id="S:1">`, moved into place by script)."""
    for box in tree.xpath(_MAYBE_HIDDEN):
        if box.get("hidden") is None and not _HIDING.search(box.get("style") or ""):
            continue
        if (
            box.getparent() is not None
            and not _STREAMED.match(box.get("id") or "")
            and box.find(".//h1") is None
        ):
            box.drop_tree()


_MAYBE_HIDDEN = "//*[@hidden] | //*[contains(@style, 'none') or contains(@style, 'hidden')]"
_HIDING = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_STREAMED = re.compile(r"S:\w+$")


def drop_named_boxes(tree: Any) -> None:
    """Remove the boxes whose class or id names them a call to action, a disclosure or a
    disclaimer ("cta-box", "article--cta", "fund-disclosures"), or marks them as no content
    or hidden ("robots-nocontent", "w-condition-invisible"), unless one holds the
    headline or much of the page's prose (then the name is the page's layout, not a box's)."""
    maybe = tree.xpath(_MAYBE_NAMED)
    boxes = [box for box in maybe if _BOX_NAME.search(f"{box.get('class')} {box.get('id')}")]
    if not boxes:
        return  # most pages
    prose = _prose_words(tree)
    for box in boxes:
        if (
            box.getparent() is not None
            and _prose_words(box) < NAMED_BOX_MAX_SHARE * prose
            and box.find(".//h1") is None
        ):
            box.drop_tree()


def _prose_words(element: Any) -> int:
    """The words of the paragraphs in `element`: where a story's text is (a script's is not)."""
    return sum(len(paragraph.text_content().split()) for paragraph in element.iter("p"))


# a name is a word of the attribute, words parted by spaces, "-" or "_", in any case
_BOX_NAME = re.compile(
    r"(?:^|[\s_-])(?:cta|disclosures?|disclaimer|nocontent|invisible)(?:$|[\s_-])", re.IGNORECASE
)
# the XPath finds the few elements that may hold one, fast; the pattern then tells
_PARTS = " or ".join(
    f"contains(., '{part}')"
    for part in ("cta", "Cta", "CTA", "isclo", "isclai", "ISCL", "nocontent", "invisible")
)
_MAYBE_NAMED = f"//@class[{_PARTS}]/.. | //@id[{_PARTS}]/.."
NAMED_BOX_MAX_SHARE = 0.3
