"""An HTML page's metadata: its title (the <title>, the metadata's and the headings weighed),
tags, site name, URL and author."""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from indexer.clean import extractors
from indexer.clean.lines import normalise_line
from indexer.enrich.outlets import clean_site_name

BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr td th blockquote pre"
    " section article aside main figure figcaption address hr".split()
)


def read_metadata(tree: Any, url: str | None) -> Any:
    """trafilatura's page metadata (title, author from meta tags and JSON-LD, site name, URL),
    without what dipnews does not use or asks for only when needed.

    `trafilatura.metadata.extract_metadata` also reads categories, tags and a
    licence (XPath over the whole tree, unused here), always searches the page
    for an author and always runs htmldate; dipnews asks for those two only
    when the page shows no byline or date by its headline. The steps and their
    order are otherwise trafilatura's.
    """
    meta = extractors.page_metadata(tree)
    meta.title = meta.title or _title_element(tree) or extractors.title_anywhere(tree)
    meta.url = meta.url or extractors.url_anywhere(tree, url)
    sitename = clean_site_name(meta.sitename or extractors.site_name_anywhere(tree) or "") or ""
    sitename = sitename.lstrip("@")
    if sitename and "." not in sitename and not sitename[0].isupper():
        sitename = sitename.title()
    meta.sitename = sitename or None
    return meta


def _title_element(tree: Any) -> str | None:
    """The page's <title>: `choose_title` compares it with the <h1>s (trafilatura takes a
    page's only <h1> before it, even a section heading or a logo)."""
    title = tree.find(".//head/title")
    if title is None:
        return None
    return normalise_line(title.text_content()) or None


def page_headings(tree: Any) -> list[str]:
    """The page's <h1> texts, in order: the headline is usually one of them (not a lead-in
    ending in a colon, "A message from our founder:", nor a section heading with its own
    permalink, "<h1 id="why"><a href="#why">")."""
    texts = (normalise_line(heading_text(h1)) for h1 in tree.iter("h1") if not _is_anchored(h1))
    return [text for text in texts if 2 <= len(text.split()) <= 40 and not text.endswith(":")]


def _is_anchored(heading: Any) -> bool:
    """A heading that links to itself: a section of a text, whose readers may link to it."""
    own = heading.get("id")
    return bool(own) and any(link.get("href") == f"#{own}" for link in heading.iter("a"))


def heading_text(heading: Any) -> str:
    """A heading's own text: a block nested in it (a date line, a standfirst, against the
    rules of HTML but seen) is not the headline, and a line break in it is a space."""
    parts = [heading.text or ""]
    for child in heading:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:  # not a comment, not a block
            parts.append(heading_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def choose_title(meta_title: str, headings: list[str]) -> str | None:
    """The headline: the <h1> that the metadata title agrees with, else the metadata title.

    Metadata titles carry site suffixes (" | Outlet") and SEO rewrites; the
    visible headline is what readers (and citations) use.
    """
    if not headings:
        return meta_title or None
    if not meta_title:
        return headings[0]
    meta_words = _words(meta_title)

    def agreement(heading: str) -> float:
        words = _words(heading)
        return len(words & meta_words) / max(1, len(words))

    best = max(headings, key=agreement)
    shares_a_word = any(len(word) > 3 for word in _words(best) & meta_words)
    if agreement(best) >= 0.5 or (len(headings) == 1 and shares_a_word):
        return best
    return meta_title  # no <h1> says what the metadata says: a logo or a teaser's heading


_TAG_METAS = '//meta[@name="keywords" or @name="news_keywords" or @property="article:tag"]/@content'


_LIST_SEPARATOR = re.compile(r"[,;|]")


def page_tags(tree: Any) -> set[str]:
    """The page's keywords and article tags from its metadata, casefolded."""
    tags: set[str] = set()
    for content in tree.xpath(_TAG_METAS):
        tags.update(tag.strip().casefold() for tag in content.split(","))
    tags.discard("")
    return tags


def is_tag_list(line: str, tags: set[str]) -> bool:
    """A line listing the page's own keywords ("stock car brasil, stock car interlagos, ..."): a tag cloud."""
    if not tags or "," not in line:
        return False
    items = [item.strip().casefold() for item in _LIST_SEPARATOR.split(line) if item.strip()]
    return len(items) >= 3 and sum(item in tags for item in items) >= 0.8 * len(items)


def title_element_of(html: str) -> str | None:
    """The <title> of markup lxml could not read as a page (a feed, say)."""
    with warnings.catch_warnings():
        # a feed or other XML page read as HTML: its <title> is still the one to show
        warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    return normalise_line(soup.title.get_text()) if soup.title else None
