"""Data tables that trafilatura would throw away with the box around them.

trafilatura drops every block whose class or id holds one of its boilerplate
words, and some of those words are broad: "embed" and "widget" also name the
boxes page builders put a table in (Webflow's "w-embed" around a price list).
A table of two rows or more (a header and a row: pros and cons) that makes
up most of such a box is the article's data, not an ad or a share bar: the box
loses its class and id, so trafilatura reads it as a plain block. Boxes that say they are navigation, a
footer, a sidebar, a share or comment box or related links keep theirs.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.clean.extractors import discarded_by_name

MIN_ROWS = 2
MIN_SHARE = 0.5  # of the box's words that are the tables'
_SHOWN_TEXT = ".//text()[not(parent::style or parent::script)]"
# names of the site's own parts around the story, and of its share and consent widgets
_SITE_PART = re.compile(r"menu|nav|footer|sidebar|related|comment", re.IGNORECASE)
_WIDGET = re.compile(r"cookie|consent|share|social", re.IGNORECASE)


def keep_data_tables(tree: Any) -> None:
    """Clear the class and id of the boxes trafilatura would discard that mostly hold a data table."""
    tables = [table for table in tree.iter("table") if len(table.xpath(".//tr")) >= MIN_ROWS]
    if not tables:
        return  # most pages: nothing to look up
    for box in discarded_boxes(tree, tables):
        in_tables = sum(
            len(table.text_content().split()) for table in box.iter("table") if _top_level(table, box)
        )
        words = shown_words(box)
        if words and not is_chrome_box(box) and in_tables >= MIN_SHARE * words:
            unname(box)


def discarded_boxes(tree: Any, elements: list[Any]) -> set[Any]:
    """The outermost box around each of `elements` that trafilatura discards for its name
    (its first rule: blocks named for boilerplate; the second, hidden blocks, is right to drop)."""
    discarded = discarded_by_name(tree)
    boxes = set()
    for element in elements:
        around = [ancestor for ancestor in element.iterancestors() if ancestor in discarded]
        if around:
            boxes.add(around[-1])
    return boxes


def is_site_part(box: Any) -> bool:
    """A box that says it is navigation, a footer, a sidebar, comments or related links."""
    return bool(_SITE_PART.search(_names(box)))


def is_chrome_box(box: Any) -> bool:
    """A site part (`is_site_part`), or a box that says it is a share, social or cookie widget."""
    return is_site_part(box) or bool(_WIDGET.search(_names(box)))


def _names(box: Any) -> str:
    return f"{box.get('class', '')} {box.get('id', '')}"


def shown_words(box: Any) -> int:
    """The words of a box as text_content() joins them; a stylesheet or a script is no words of it."""
    return len("".join(box.xpath(_SHOWN_TEXT)).split())


def unname(box: Any) -> None:
    """Clear a box's class and id, so that trafilatura reads it as a plain block."""
    box.attrib.pop("class", None)
    box.attrib.pop("id", None)


def _top_level(table: Any, box: Any) -> bool:
    for ancestor in table.iterancestors():
        if ancestor is box:
            return True
        if ancestor.tag == "table":
            return False
    return True
