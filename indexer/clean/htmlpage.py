"""Boilerplate stripping and metadata for HTML pages, built on trafilatura.

trafilatura finds the main text and the page metadata (title, date through
htmldate, author, site name); this layer drops the chrome lines it lets
through and falls back to the page's visible text when it finds nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape as unescape_entities
from typing import Any

import lxml.html
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from lxml import etree

from indexer.clean import extractors
from indexer.clean.cards import squeezed, story_cards
from indexer.clean.chrome import StoryEnd, drop_closing_notes, drop_pull_quotes, is_chrome
from indexer.clean.embeds import keep_embedded_posts
from indexer.clean.headline import headline_byline, is_standfirst, text_around_headline
from indexer.clean.lines import has_sentence_end, normalise_line, word_count
from indexer.clean.pageboxes import drop_named_boxes, drop_site_headers
from indexer.clean.pagedate import page_date
from indexer.clean.splitbody import (
    page_paragraphs,
    paragraphs_by_parent,
    restore_headings,
    restore_loose_text,
    restore_split_body,
)
from indexer.clean.storylines import read_story
from indexer.clean.tables import keep_data_tables
from indexer.clean.textpage import clean_text_page, is_title_like
from indexer.enrich.outlets import clean_site_name

_HTML_START = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a)\b",
    re.IGNORECASE,
)
_DOCUMENT_TAG = re.compile(r"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_SNIFF_CHARS = 4096
SHORT_EXTRACTION_WORDS = 200  # below this, the extraction is checked against the visible text
FALLBACK_RATIO = 5  # ... and replaced by it when that holds this many times more prose
MISSED_BLOCK_RATIO = 3  # a block of prose this many times what was kept, none of it kept, was missed
_BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr td th blockquote pre"
    " section article aside main figure figcaption address hr".split()
)
_COMMENT_SECTION = re.compile(r"(?:^|[\s_-])(?:comments?|disqus\w*|respond)(?:$|[\s_-])", re.IGNORECASE)
_TAG_METAS = '//meta[@name="keywords" or @name="news_keywords" or @property="article:tag"]/@content'
_LIST_SEPARATOR = re.compile(r"[,;|]")
# lxml reads no str that declares its encoding: the page is decoded already
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form")


@dataclass
class HtmlPage:
    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    site_name: str | None = None
    url: str | None = None
    date_source: str | None = None
    fallback: bool = False
    dropped: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than a plain-text dump.

    Markup starts with a tag (or a doctype, comment or XML declaration), names the document's
    own elements, or has tags on most of its lines (two at least); a text dump with a stray
    line of markup (an ad's "<a href=...>" left in the copied text) or a story quoting a "<p>"
    is still text.
    """
    head = text[:_SNIFF_CHARS]
    if head.lstrip().startswith("<") or _DOCUMENT_TAG.search(head):
        return True
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _HTML_START.search(line))
    return tagged >= 2 and 2 * tagged > len(lines)


def clean_html_page(html: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of an HTML page."""
    extractors.configure()
    tree = extractors.load_html(html)
    page = HtmlPage(paragraphs=[])
    around = None
    blocks: dict[Any, list[str]] = {}  # the page's paragraphs by parent element
    if tree is not None:
        meta = read_metadata(tree, url)
        page.title = choose_title(normalise_line(meta.title or ""), _headings(tree))
        if page.title:  # an entity escaped twice by the site ("SQL &amp;#x26; AI") shows as "&#x26;"
            page.title = unescape_entities(page.title)
        around = text_around_headline(tree, page.title)
        # the byline printed under the headline, else the metadata's author; searching
        # the whole page for one is slow, so that is done only when both are missing
        author = headline_byline(around) or meta.author or extractors.author_anywhere(tree)
        page.byline = normalise_line(author or "") or None
        page.site_name = normalise_line(meta.sitename or "") or None
        page.url = meta.url or None
        page.date, page.date_source = page_date(
            tree,
            around,
            lambda: extractors.htmldate_guess(tree, page.url),
        )
        keep_data_tables(tree)
        keep_embedded_posts(tree)
        drop_site_headers(tree)
        drop_named_boxes(tree)
    # favor_recall: trafilatura keeps more of the story and is faster; the chrome it then
    # lets through is this module's to drop (bench/extraction_bench.py shows both sides)
    lines = trafilatura_lines(tree if tree is not None else html, url, favor_recall=True)
    if tree is not None:
        in_order = page_paragraphs(tree)
        blocks = paragraphs_by_parent(in_order)
        lines = fill_story_gap(lines, in_order, lambda: trafilatura_lines(tree, url, favor_recall=False))
        lines = restore_headings(tree, restore_loose_text(blocks, restore_split_body(blocks, lines)))
    # the summary set under the headline (after the headline itself, when the text repeats it)
    at = 1 if lines and page.title and lines[0].casefold() == page.title.casefold() else 0
    if len(lines) > at + 1 and is_standfirst(around, lines[at]):
        page.dropped.append(lines.pop(at))
    tags = page_tags(tree) if tree is not None else set()
    cards = story_cards(tree) if tree is not None else {}
    groups_seen: set[Any] = set()

    def at_cards(i: int, end: StoryEnd) -> bool:
        """The first card of a group of other stories' cards, with most of the story kept."""
        group = cards.get(squeezed(lines[i].removeprefix("- ")))
        if group is not None and group not in groups_seen and end.mostly_kept(i):
            return True
        if group is not None:
            groups_seen.add(group)
        return False

    def byline(line: str, name: str) -> None:
        page.byline = page.byline or name

    read_story(
        lines,
        page.paragraphs,
        page.dropped,
        byline=byline,
        chrome=lambda line: is_chrome(line) or is_tag_list(line, tags),
        ends=at_cards,
    )
    page.paragraphs = drop_pull_quotes(drop_closing_notes(page.paragraphs, page.dropped), page.dropped)
    if tree is not None:
        page.paragraphs = drop_link_runs(page.paragraphs, link_texts(tree), page.dropped)
    if page.title and page.site_name and page.title.casefold() == page.site_name.casefold():
        # the "headline" found is the site's name (a logo in an <h1>): the story's own
        # headline is then the first line of the text, when it reads like one
        first = page.paragraphs[0] if page.paragraphs else ""
        if is_title_like(first) and not has_sentence_end(first):
            page.title = first
            page.dropped.append(page.paragraphs.pop(0))
    missed = missed_block(largest_prose_block(blocks), page.paragraphs)
    if missed or _word_total(page.paragraphs) < SHORT_EXTRACTION_WORDS:
        # trafilatura now and then keeps only a small part of the story (or nothing), or
        # reads some other block (an FAQ in an <article>) and misses the story: the densest
        # prose of the page's visible text, read as a text page, may take over or join in
        visible = visible_text(html)
        fallback = clean_text_page(visible)
        paragraphs = with_fallback(page.paragraphs, fallback.paragraphs, visible, missed)
        if paragraphs is not None:
            page.fallback = True
            page.dropped.extend(paragraph for paragraph in page.paragraphs if paragraph not in paragraphs)
            page.paragraphs = paragraphs
            # a page lxml could read gave its <title> to `read_metadata` already
            page.title = page.title or fallback.title or (_html_title(html) if tree is None else None)
    return page


def trafilatura_lines(document: Any, url: str | None, favor_recall: bool) -> list[str]:
    """The main text trafilatura finds in a page (a tree or its markup), line by line."""
    text = extractors.main_text(document, url, favor_recall)
    return [line for line in (normalise_line(raw) for raw in text.splitlines()) if line]


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
    words = _word_total(lines)
    if _word_total([text for text in skipped if len(text) >= _PROSE_MIN_CHARS]) < GAP_SHARE * words:
        return lines
    other = read_default()
    text = "\n".join(other)  # the default mode may break some lines otherwise
    if 2 * sum(line in text for line in lines) < len(lines):
        return lines  # mostly other text: another reading of the page, not of the same story
    shared = [i for i, line in enumerate(other) if line in kept]
    if not shared:
        return lines
    stretch = other[shared[0] : shared[-1] + 1]
    return stretch if _word_total(stretch) > GAP_FILL_RATIO * words else lines


def largest_prose_block(blocks: dict[Any, list[str]]) -> list[str]:
    """The paragraphs of the page's largest block of prose: the <p> children of one element."""
    prose = ([text for text in texts if len(text) >= _PROSE_MIN_CHARS] for texts in blocks.values())
    return max(prose, key=_word_total, default=[])


_PROSE_MIN_CHARS = 40
_SAME_START_CHARS = 50  # a paragraph's opening, to find it in text written out another way
_SAMPLED_PARAGRAPHS = 50


def missed_block(block: list[str], kept: list[str]) -> bool:
    """Whether the page's largest block of prose is several times what was kept, and none of it was."""
    if not kept or _word_total(block) < MISSED_BLOCK_RATIO * _word_total(kept):
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
    words = _word_total(kept)
    if not words:
        return fallback
    if not fallback or _word_total(fallback) < (MISSED_BLOCK_RATIO if missed else FALLBACK_RATIO) * words:
        return None
    text = "\n".join(fallback)
    if 2 * _word_total([paragraph for paragraph in kept if paragraph in text]) >= words:
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


def link_texts(tree: Any) -> set[str]:
    """The text of every link on the page."""
    return {normalise_line(link.text_content()) for link in tree.iter("a")}


def drop_link_runs(paragraphs: list[str], links: set[str], dropped: list[str]) -> list[str]:
    """`paragraphs` without their runs of lines that are each a whole link: a menu, a directory
    of other pages ("Average costs in Boston", "Average costs in Chicago", ...), nor a whole
    link that calls to action ("Learn how to care for your teeth while pregnant", "Get a
    demo") or is set in capitals: a teaser of another page. A list of links (lines "- ...")
    is kept: stories list their sources and further reading so."""
    kept: list[str] = []
    run: list[str] = []
    for paragraph in [*paragraphs, ""]:
        if paragraph and paragraph in links and not paragraph.startswith("- "):
            if _CALL_TO_ACTION.match(paragraph) or _is_shouted_teaser(paragraph):
                dropped.append(paragraph)
            else:
                run.append(paragraph)
            continue
        (dropped if len(run) >= LINK_RUN else kept).extend(run)
        run = []
        if paragraph:
            kept.append(paragraph)
    return kept


LINK_RUN = 3
TEASER_MIN_WORDS = 5


def _is_shouted_teaser(line: str) -> bool:
    """A whole link in capitals, five words or more, set in the story: a teaser of another
    story ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"), as some outlets run them."""
    return line.isupper() and word_count(line) >= TEASER_MIN_WORDS


_CALL_TO_ACTION = re.compile(
    r"(?:learn|find\s+out|see|discover|check\s+out|explore|get|watch|download|view)\b", re.IGNORECASE
)


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


def _word_total(paragraphs: list[str]) -> int:
    return sum(word_count(paragraph) for paragraph in paragraphs)


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


def _headings(tree: Any) -> list[str]:
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
        elif isinstance(child.tag, str) and child.tag not in _BLOCKS:  # not a comment, not a block
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
    block = element.tag in _BLOCKS
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


def _html_title(html: str) -> str | None:
    """The <title> of markup lxml could not read as a page (a feed, say)."""
    with warnings.catch_warnings():
        # a feed or other XML page read as HTML: its <title> is still the one to show
        warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    return normalise_line(soup.title.get_text()) if soup.title else None
