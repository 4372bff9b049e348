"""Boilerplate stripping and metadata for HTML pages, built on trafilatura.

trafilatura finds the main text and the page metadata (title, date through
htmldate, author, site name); this layer drops the chrome lines it lets
through and falls back to the page's visible text when it finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape as unescape_entities
from typing import Any

from indexer.clean import extractors
from indexer.clean.cards import squeezed, story_cards
from indexer.clean.chrome import StoryEnd, drop_closing_notes, drop_pull_quotes, page_chrome
from indexer.clean.datechoice import DateCandidates
from indexer.clean.embeds import keep_embedded_posts
from indexer.clean.fallback import (
    SHORT_EXTRACTION_WORDS,
    fill_story_gap,
    largest_prose_block,
    missed_block,
    visible_text,
    with_fallback,
    word_total,
)
from indexer.clean.formulas import inline_formulas
from indexer.clean.headline import headline_byline, is_standfirst, text_around_headline
from indexer.clean.htmlmeta import (
    choose_title,
    is_tag_list,
    page_headings,
    page_tags,
    read_metadata,
    title_element_of,
)
from indexer.clean.lines import has_sentence_end, normalise_line, word_count
from indexer.clean.pageboxes import drop_hidden_boxes, drop_named_boxes, drop_site_headers
from indexer.clean.pagedate import page_dates
from indexer.clean.repeats import restore_repeats
from indexer.clean.splitbody import (
    page_paragraphs,
    paragraphs_by_parent,
    restore_headings,
    restore_loose_text,
    restore_split_body,
)
from indexer.clean.storylines import read_story
from indexer.clean.tables import keep_data_tables, unwrap_layout_tables
from indexer.clean.textpage import clean_text_page, is_title_like

_HTML_START = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a)\b",
    re.IGNORECASE,
)
_DOCUMENT_TAG = re.compile(r"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_SNIFF_CHARS = 4096


@dataclass
class HtmlPage:
    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    dates: DateCandidates = field(default_factory=DateCandidates)  # chosen among in indexer/article.py
    site_name: str | None = None
    url: str | None = None
    fallback: bool = False
    dropped: list[str] = field(default_factory=list)
    # paragraphs (<p>) whose text is the title, a sentence: the story's own text, not the headline
    title_paragraphs: int = 0


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
        page.title = choose_title(normalise_line(meta.title or ""), page_headings(tree))
        if page.title:  # an entity escaped twice by the site ("SQL &amp;#x26; AI") shows as "&#x26;"
            page.title = unescape_entities(page.title)
        around = text_around_headline(tree, page.title)
        # the byline printed under the headline, else the metadata's author; searching
        # the whole page for one is slow, so that is done only when both are missing
        author = headline_byline(around) or meta.author or extractors.author_anywhere(tree)
        page.byline = normalise_line(author or "") or None
        page.site_name = normalise_line(meta.sitename or "") or None
        page.url = meta.url or None
        page.dates = page_dates(tree, around, lambda: extractors.htmldate_guess(tree, page.url))
        unwrap_layout_tables(tree)
        inline_formulas(tree)
        keep_data_tables(tree)
        keep_embedded_posts(tree)
        drop_site_headers(tree)
        drop_named_boxes(tree)
        drop_hidden_boxes(tree)
    # favor_recall: trafilatura keeps more of the story and is faster; the chrome it then
    # lets through is this module's to drop (bench/extraction_bench.py shows both sides)
    lines = trafilatura_lines(tree if tree is not None else html, url, favor_recall=True)
    if tree is not None:
        in_order = page_paragraphs(tree)
        blocks = paragraphs_by_parent(in_order)
        lines = fill_story_gap(lines, in_order, lambda: trafilatura_lines(tree, url, favor_recall=False))
        lines = restore_headings(tree, restore_loose_text(blocks, restore_split_body(blocks, lines)))
        lines = restore_repeats(tree, in_order, lines)
    # the summary set under the headline (after the headline itself, when the text repeats it)
    at = 1 if lines and page.title and lines[0].casefold() == page.title.casefold() else 0
    if len(lines) > at + 1 and is_standfirst(around, lines[at]):
        page.dropped.append(lines.pop(at))
    tags = page_tags(tree) if tree is not None else set()
    cards = story_cards(tree) if tree is not None else {}
    code = preformatted_lines(tree) if tree is not None else set()
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

    chrome = page_chrome(lines)
    read_story(
        lines,
        page.paragraphs,
        page.dropped,
        byline=byline,
        # a code or console block (<pre>) is the story's as written: its rules and dates are no chrome
        chrome=lambda line: line not in code and (chrome(line) or is_tag_list(line, tags)),
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
    if missed or word_total(page.paragraphs) < SHORT_EXTRACTION_WORDS:
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
            page.title = page.title or fallback.title or (title_element_of(html) if tree is None else None)
    if tree is not None and page.title and has_sentence_end(page.title):
        # a sentence (a <p> set as a headline has no full stop: it is the headline)
        page.title_paragraphs = paragraphs_reading(tree, page.title)
    return page


def trafilatura_lines(document: Any, url: str | None, favor_recall: bool) -> list[str]:
    """The main text trafilatura finds in a page (a tree or its markup), line by line."""
    text = extractors.main_text(document, url, favor_recall)
    return [line for line in (normalise_line(raw) for raw in text.splitlines()) if line]


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


def paragraphs_reading(tree: Any, text: str) -> int:
    """How many <p> elements of the page's body read `text` (case and spacing aside)."""
    wanted = text.casefold()
    return sum(
        1
        for paragraph in tree.iterfind(".//body//p")
        if normalise_line(paragraph.text_content()).casefold() == wanted
    )


def preformatted_lines(tree: Any) -> set[str]:
    """The lines of the page's <pre> blocks (code, console output), as the text's lines read."""
    lines: set[str] = set()
    for block in tree.iterfind(".//body//pre"):
        lines.update(normalise_line(line) for line in block.text_content().splitlines())
    lines.discard("")
    return lines
