"""Tables: data tables kept, tables that only lay a page out read as blocks.

Data tables that trafilatura would throw away with the box around them.

trafilatura drops every block whose class or id holds one of its boilerplate
words, and some of those words are broad: "embed" and "widget" also name the
boxes page builders put a table in (Webflow's "w-embed" around a price list).
A table of two rows or more (a header and a row: pros and cons) that makes
up most of such a box is the article's data, not an ad or a share bar: the box
loses its class and id, so trafilatura reads it as a plain block. Boxes that say they are navigation, a
footer, a sidebar, a share or comment box or related links keep theirs.

Older sites (and some newsletters) lay the whole page out in a table: the story is a cell,
its paragraphs, headings and inner tables inside it. trafilatura reads any table as data,
row by row, and the story came out as one line of thousands of words ("| Weekly edition
... |"). A table that lays out rather than tabulates (Readability's test: it says so with
role="presentation", or a cell holds another table, a heading or paragraphs of its own,
and it has no header cells nor caption) becomes plain blocks before trafilatura reads it.
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


def unwrap_layout_tables(tree: Any) -> None:
    """Read the tables that lay the page out as plain blocks (<div>s), outermost first."""
    for table in list(tree.iter("table")):
        if is_layout_table(table):
            for part in [table, *_own_parts(table)]:
                part.tag = "div"


def is_layout_table(table: Any) -> bool:
    """A table that lays out rather than tabulates: it says so, or one of its cells holds a
    table, or headings or paragraphs and 25 words or more, and no header cell nor caption
    says the table is data."""
    if table.get("role") == "presentation":
        return True
    parts = _own_parts(table)
    if table.get("summary") or any(part.tag in _DATA_PARTS for part in parts):
        return False
    for cell in parts:
        if cell.tag != "td":
            continue
        if any(True for _ in cell.iter("table")):
            return True
        holds_blocks = (
            any(True for _ in cell.iter(*_HEADINGS)) or sum(1 for _ in cell.iter(*_TEXT_BLOCKS)) >= 2
        )
        if holds_blocks and len(cell.text_content().split()) >= LAYOUT_CELL_WORDS:
            return True
    return False


# parts that only a data table has; what a cell of a page's layout holds: headings or
# blocks of text, and words enough (a data table may set its column names as <h3>s)
_DATA_PARTS = {"caption", "thead", "th", "colgroup", "col", "tfoot"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_BLOCKS = ("p", "blockquote", "pre", "ul", "ol")
LAYOUT_CELL_WORDS = 25


def _own_parts(table: Any) -> list[Any]:
    """The rows, cells and row groups of `table` itself, not of the tables inside its cells."""
    parts = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("tbody", "thead", "tfoot"):
            parts.append(child)
            rows = [row for row in child if row.tag == "tr"]
        elif child.tag == "tr":
            rows = [child]
        else:
            if child.tag in ("caption", "colgroup", "col"):
                parts.append(child)
            continue
        for row in rows:
            parts.append(row)
            parts.extend(cell for cell in row if cell.tag in ("td", "th"))
    return parts


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
