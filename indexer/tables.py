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

from trafilatura.xpaths import OVERALL_DISCARD_XPATH

MIN_ROWS = 2
MIN_SHARE = 0.5  # of the box's words that are the tables'
_SHOWN_TEXT = ".//text()[not(parent::style or parent::script)]"
_CHROME_BOX = re.compile(
    r"menu|nav|footer|sidebar|cookie|consent|share|social|related|comment", re.IGNORECASE
)


def keep_data_tables(tree: Any) -> None:
    """Clear the class and id of the boxes trafilatura would discard that mostly hold a data table."""
    tables = [table for table in tree.iter("table") if len(table.xpath(".//tr")) >= MIN_ROWS]
    if not tables:
        return  # most pages: nothing to look up
    # the first rule: blocks named for boilerplate (the second, hidden blocks, is right to drop)
    discarded = set(OVERALL_DISCARD_XPATH[0](tree))
    for box in {_outermost(table, discarded) for table in tables} - {None}:
        names = f"{box.get('class', '')} {box.get('id', '')}"
        if _CHROME_BOX.search(names) or _table_share(box) < MIN_SHARE:
            continue
        box.attrib.pop("class", None)
        box.attrib.pop("id", None)


def _outermost(table: Any, discarded: set[Any]) -> Any:
    """The outermost discarded box around `table`, or None."""
    boxes = [ancestor for ancestor in table.iterancestors() if ancestor in discarded]
    return boxes[-1] if boxes else None


def _table_share(box: Any) -> float:
    """The share of the box's words that are in its tables (a table within a table counts once);
    a stylesheet or a script in the box is no words of it."""
    words = len("".join(box.xpath(_SHOWN_TEXT)).split())  # as text_content() joins them
    in_tables = sum(
        len(table.text_content().split()) for table in box.iter("table") if _top_level(table, box)
    )
    return in_tables / words if words else 0.0


def _top_level(table: Any, box: Any) -> bool:
    for ancestor in table.iterancestors():
        if ancestor is box:
            return True
        if ancestor.tag == "table":
            return False
    return True
