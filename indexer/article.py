"""From raw page bytes to an Article: the one code path `index` and `extract` share."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from indexer.clean.bylines import clean_byline
from indexer.clean.datechoice import SOURCES, DateCandidates, choose
from indexer.clean.dates import find_dates, infer_year, parse_dateline, parse_iso_date
from indexer.clean.decode import decode_bytes, repair_text
from indexer.clean.htmlpage import clean_html_page, looks_like_html
from indexer.clean.lines import folded_words, has_sentence_end, is_paragraph
from indexer.clean.textpage import clean_text_page
from indexer.enrich.countries import find_countries
from indexer.enrich.event_details import Event
from indexer.enrich.events import find_events
from indexer.enrich.outlets import display_domain, outlet_by_name, outlet_by_url
from indexer.enrich.people import Person, find_people
from indexer.enrich.stories import StoryKey, story_key
from indexer.enrich.topics import TopicScore, tag_topics
from indexer.errors import DipnewsError, NoArticle
from indexer.sources.fetch import web_address
from indexer.store.sitelines import SiteLines, site_of

# Where a page sent through the site or the API came from (its record's source): a page or
# file, or text sent as text (never read as HTML, even when it quotes some).
UPLOAD, PASTED_TEXT = "upload", "upload:text"
# Bump when extraction changes, so stale documents can be re-extracted.
EXTRACTOR_VERSION = 150
_HEAD_LINES = 3  # a headline repeated this near the top of the body ends the page's head there
SUPPLIED_KEYS = ("url", "outlet", "date", "title", "topics")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_.]|$)")
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\-:\u00bb]\s+")
# a first sentence ends at a stop that is no initial's, no title's ("President Ferdinand R. Marcos")
# and no initialism's ("Washington, June 16: U.S. President Joe Biden on Tuesday announced ...")
_FIRST_SENTENCE = re.compile(
    r"^(.{20,160}?(?<!\s[A-Z])(?<![A-Z]\.[A-Z])(?<!\s(?:Mr|Dr|Jr|Sr|Ms|St))(?<!\sMrs)[.!?])(?:\s|$)"
)
_TITLE_MAX = 160


@dataclass
class Article:
    """A cleaned news article with its metadata and where each piece came from."""

    id: str
    title: str
    body: str
    kind: str  # "html" or "text"
    url: str | None = None
    title_source: str = "page"
    date: dt.date | None = None
    date_source: str | None = None
    outlet: str | None = None
    outlet_type: str | None = None
    outlet_source: str | None = None
    wire_source: str | None = None
    byline: str | None = None
    dateline: str | None = None
    topics: list[TopicScore] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO 3166 alpha-2, most mentioned first
    primary_countries: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # diplomatic events reported (indexer/enrich/events.py)
    primary_event: str | None = None
    dup_group: str = ""  # set when written: see indexer/enrich/stories.py
    story_id: str = ""
    story_key: StoryKey | None = None
    fallback: bool = False
    site: str | None = None  # the key its site's pages share (indexer/store/sitelines.py)
    site_chrome: list[str] = field(default_factory=list)  # lines dropped as repeated on the site's pages
    source: str | None = None
    raw_sha256: str | None = None
    ingested: dt.date | None = None
    extractor_version: int = EXTRACTOR_VERSION
    dropped: list[str] = field(default_factory=list)

    @property
    def topic_slugs(self) -> list[str]:
        return [topic.slug for topic in self.topics]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as `dipnews extract --json` prints it."""
        data = asdict(replace(self, story_key=None))  # numpy arrays have no place in asdict's copy
        data["story_key"] = self.story_key.encode() if self.story_key else None
        for key in ("date", "ingested"):
            data[key] = data[key].isoformat() if data[key] else None
        data["topics"] = self.topic_slugs
        data["people"] = [person.to_dict() for person in self.people]
        data["events"] = [event.to_dict() for event in self.events]
        data["topic_scores"] = [asdict(topic) for topic in self.topics]
        return data


def extract_article(
    data: bytes,
    *,
    source: str | None = None,
    supplied: dict[str, Any] | None = None,
    ingested: dt.date | None = None,
    site_lines: SiteLines | None = None,
) -> Article:
    """Decode, clean and describe one raw page; raise DipnewsError when it is not an article.

    With `site_lines`, lines the page's site repeats on its other pages are dropped too.
    """
    article = read_article(data, source=source, supplied=supplied, ingested=ingested)
    if site_lines is not None:
        drop_site_chrome(article, site_lines)
    return describe(article)


@dataclass
class ReadPage:
    """A page read (decoded, cleaned, its metadata found) and described as if its site had no
    chrome to drop: the costly part of extraction, which worker processes do side by side.
    `finish_extraction` then gives what `extract_article` gives, in the order pages come."""

    read: Article
    described: Article


def read_page_parts(
    data: bytes,
    *,
    source: str | None = None,
    supplied: dict[str, Any] | None = None,
    ingested: dt.date | None = None,
) -> ReadPage:
    read = read_article(data, source=source, supplied=supplied, ingested=ingested)
    return ReadPage(read, describe(copy.deepcopy(read)))


def finish_extraction(page: ReadPage, site_lines: SiteLines | None) -> Article:
    """`extract_article`'s result from a ReadPage: described again only when its site's chrome
    changed the body."""
    if site_lines is None:
        return page.described
    article = page.read
    drop_site_chrome(article, site_lines)
    if not article.site_chrome:
        return page.described
    return describe(article)


def read_article(
    data: bytes,
    *,
    source: str | None = None,
    supplied: dict[str, Any] | None = None,
    ingested: dt.date | None = None,
) -> Article:
    """The first steps of `extract_article`: the page's text and metadata, before its site's
    chrome is dropped and before topics, places, people and the story key are found."""
    supplied = validate_supplied(supplied or {})
    ingested = ingested or dt.date.today()
    text = decode_bytes(data, repair=False)
    url = supplied.get("url")
    if looks_like_html(text) and not _named_as_text(source):
        html = clean_html_page(text, url=url)
        # one repair pass over the whole text: ftfy has a fixed cost per call
        paragraphs, kind = repair_text("\n\n".join(html.paragraphs)).split("\n\n"), "html"
        title = repair_text(html.title) if html.title else None
        byline, fallback, dropped = html.byline, html.fallback, html.dropped
        title_paragraphs = html.title_paragraphs
        url = url or html.url
        site_name, page_dates, date_bar = html.site_name, html.dates, None
    else:
        page = clean_text_page(repair_text(text))
        paragraphs, kind = page.paragraphs, "text"
        title, byline, fallback, dropped = page.title, page.byline, False, page.dropped
        title_paragraphs = 0  # a text dump does not say which line was the headline element
        site_name, page_dates, date_bar = None, None, page.date_bar
    if title and paragraphs and _glued_to_site_name(title, paragraphs[0]):
        title = paragraphs[0]  # "...la InfantaUltima Hora Mallorca": the headline is the body's first line
    if title:
        # A headline repeated as the first block of the body is the title, not text; so are
        # the lines above it there: a kicker, a credit, a caption ("Market Insider" / headline)
        # (the page's title may carry a label the headline in the text has not: "... - Infographic")
        keys = {title.casefold(), strip_site_suffix(title, site_name).casefold()}
        repeated = [i for i, paragraph in enumerate(paragraphs[:_HEAD_LINES]) if paragraph.casefold() in keys]
        # a paragraph (<p>) of the page that says the title is text of the story: the last
        # copies, as many as the page has, stay (the first is the headline element itself)
        headline = repeated[: len(repeated) - title_paragraphs] if title_paragraphs else repeated
        if headline and len(paragraphs) > headline[-1] + 1:
            dropped.extend(paragraphs[: headline[-1] + 1])
            del paragraphs[: headline[-1] + 1]
    body = "\n\n".join(paragraphs).strip()
    if not body:
        raise NoArticle("No article text was found in the page.")

    article = Article(id="", title="", body=body, kind=kind, url=url, byline=clean_byline(byline))
    article.fallback = fallback
    article.dropped = dropped
    article.source = source
    article.ingested = ingested
    article.raw_sha256 = hashlib.sha256(data).hexdigest()

    dateline = parse_dateline(paragraphs[0]) if paragraphs else None
    article.dateline = dateline.place if dateline else None
    lede = paragraphs[0][dateline.end :] if dateline else paragraphs[0]
    if _only_leads_in(lede):
        # a lede that only introduces what follows ("The US Department of State released the
        # following statement:") makes no title: the first paragraph of prose after it does
        lede = next((p for p in paragraphs[1:_LEAD_IN_PARAGRAPHS] if is_paragraph(p)), lede)
    _resolve_title(article, supplied.get("title"), title, site_name, lede)
    _resolve_outlet(article, supplied.get("outlet"), site_name, dateline.agency if dateline else None)
    _resolve_date(article, supplied.get("date"), page_dates, date_bar, dateline, ingested)
    # the id comes from the text before the site's chrome is learned, so it never moves
    article.id = article_id(url, body)
    article.site = site_of(url, article.outlet)
    if "topics" in supplied:
        article.topics = [TopicScore(slug, slug, 1.0, {"supplied": 1}) for slug in supplied["topics"]]
    return article


def drop_site_chrome(article: Article, site_lines: SiteLines) -> None:
    """Drop from a read article the lines its site repeats on its other pages (into `site_chrome`)."""
    paragraphs = article.body.split("\n\n")
    chrome = site_lines.chrome(article.id, article.site, paragraphs)
    if chrome and len(chrome) < len(paragraphs):
        article.site_chrome = [paragraph for paragraph in paragraphs if paragraph in chrome]
        article.body = "\n\n".join(paragraph for paragraph in paragraphs if paragraph not in chrome)


def describe(article: Article) -> Article:
    """The last step of `extract_article`: topics (unless supplied), places, people, story key."""
    if not article.topics:
        article.topics = tag_topics(article.title, article.body)
    article.countries, article.primary_countries = find_countries(article.title, article.body)
    article.people = find_people(article.title, article.body)
    article.events, article.primary_event = article_events(article)
    article.dup_group = article.story_id = article.id
    article.story_key = story_key(
        article.body, article.primary_countries, [p.name for p in article.people], article.date
    )
    return article


def article_events(article: Article) -> tuple[list[Event], str | None]:
    """The events an article reports and the primary one's type, from what `describe` found of it
    (its title, body, people, date and where that date came from, dateline, primary countries)."""
    return find_events(
        article.title,
        article.body,
        article.people,
        article.date,
        article.dateline,
        article.primary_countries,
        article.date_source,
    )


def kept_lines(article: Article) -> list[str]:
    """The lines the page's extraction kept before its site's chrome was dropped: what the store records."""
    return [*article.body.split("\n\n"), *article.site_chrome]


def article_id(url: str | None, body: str) -> str:
    """A stable id: from the canonical URL when there is one, else from the cleaned text."""
    if url:
        parts = urlsplit(url.strip())
        key = urlunsplit(
            (parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, "")
        )
    else:
        key = folded_words(body)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def validate_supplied(supplied: dict[str, Any]) -> dict[str, Any]:
    """Check user-supplied metadata; unknown keys and bad values are user mistakes."""
    unknown = set(supplied) - set(SUPPLIED_KEYS)
    if unknown:
        raise DipnewsError(f"Unknown metadata field(s): {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {k: v for k, v in supplied.items() if v not in (None, "", [])}
    if "date" in clean and not isinstance(clean["date"], dt.date):
        clean["date"] = parse_iso_date(str(clean["date"]))
    if "topics" in clean:
        topics = clean["topics"]
        clean["topics"] = [topics] if isinstance(topics, str) else [str(t) for t in topics]
    if "url" in clean and web_address(str(clean["url"])) is None:
        raise DipnewsError(f"The url {clean['url']!r} is not an http(s) address.")
    return clean


_LEAD_IN_PARAGRAPHS = 4  # paragraphs looked at for a title when the lede only introduces what follows


def _only_leads_in(paragraph: str) -> bool:
    """A paragraph that is one clause introducing what follows: "President Kikwete said:"."""
    return paragraph.endswith(":") and not has_sentence_end(paragraph)


def _named_as_text(source: str | None) -> bool:
    """A file named .txt, or text sent as text, is a text dump, even one quoting a whole HTML
    document in a code sample."""
    if source == PASTED_TEXT:
        return True
    return bool(source) and str(source).split("#")[0].lower().endswith(".txt")


def _resolve_title(
    article: Article, supplied: str | None, found: str | None, site: str | None, lede: str
) -> None:
    if supplied:
        article.title, article.title_source = supplied, "supplied"
    elif found:
        article.title, article.title_source = strip_site_suffix(found, site), "page"
    else:
        match = _FIRST_SENTENCE.match(lede)
        sentence = match.group(1) if match else lede[:_TITLE_MAX].rsplit(" ", 1)[0] + " …"
        article.title, article.title_source = sentence[:1].upper() + sentence[1:], "first-sentence"


def _glued_to_site_name(title: str, first_line: str) -> bool:
    """Whether the page's title is `first_line` with the site's name run into it, without a
    space or separator ("…imputación de la InfantaUltima Hora Mallorca")."""
    rest = title[len(first_line) :]
    return (
        len(first_line.split()) >= _GLUED_MIN_WORDS
        and title.startswith(first_line)
        and first_line[-1:].isalnum()
        and rest[:1].isupper()
    )


_GLUED_MIN_WORDS = 4


def strip_site_suffix(title: str, site: str | None) -> str:
    """Drop a trailing " | Outlet" (or leading "Outlet - ") from a page title."""
    title = _strip_pipe_labels(title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = (site or "").casefold()
    for candidate, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        short = len(candidate.split()) <= 4
        if (site_key and candidate.casefold() in site_key) or (site_key and site_key in candidate.casefold()):
            return " - ".join(rest) if len(rest) > 1 else rest[0]
        if short and not site_key and candidate is parts[-1] and len(" ".join(rest).split()) >= 4:
            return " - ".join(rest) if len(rest) > 1 else rest[0]
    return title


def _strip_pipe_labels(title: str) -> str:
    """Drop what a pipe tacks onto a headline: a section, a blog's name, a teaser of the
    page ("... in Lapland | District", "... for 2026 | Flags, Seats & Gifts"); no headline
    writes a pipe in its sentence. A pipe before the headline ("Opinion | ...") stays."""
    head, _, label = title.rpartition(" | ")
    while head and len(label.split()) <= _PIPE_LABEL_WORDS and len(head.split()) >= _PIPE_HEAD_WORDS:
        title = head
        head, _, label = title.rpartition(" | ")
    return title


_PIPE_LABEL_WORDS = 5
_PIPE_HEAD_WORDS = 4


def _resolve_outlet(article: Article, supplied: str | None, site: str | None, agency: str | None) -> None:
    registered = None
    if supplied:
        registered = outlet_by_name(supplied)
        article.outlet, article.outlet_source = supplied, "supplied"
    elif site:
        registered = outlet_by_name(site)
        article.outlet, article.outlet_source = site, "html-metadata"
    elif article.url and (registered := outlet_by_url(article.url)):
        article.outlet_source = "url"
    elif article.url and article.kind == "html":
        article.outlet, article.outlet_source = display_domain(article.url), "url"
    elif article.byline and article.byline.startswith("The "):
        registered = outlet_by_name(article.byline)
        article.outlet, article.outlet_source = article.byline, "byline"
        article.byline = None
    elif agency and (registered := outlet_by_name(agency)):
        article.outlet_source = "agency-tag"
    if registered:
        article.outlet, article.outlet_type = registered.name, registered.type
    agency_outlet = outlet_by_name(agency) if agency else None
    if agency_outlet and agency_outlet.name != article.outlet:
        article.wire_source = agency_outlet.name


def _dates_in(body: str, ingested: dt.date) -> list[dt.date]:
    """Dates written in the text, up to the ingest day (a later one is a plan, not the page's date)."""
    return [date for date in find_dates(body) if date <= ingested]


def _resolve_date(
    article: Article,
    supplied: dt.date | None,
    page_dates: DateCandidates | None,
    date_bar: dt.date | None,
    dateline: Any,
    ingested: dt.date,
) -> None:
    """The article's date: the one supplied; on an HTML page, the fitted choice among every date
    it offers (indexer/clean/datechoice.py); on a text page, its date bar, else the URL's, the
    dateline's or the latest date in the text."""
    if supplied:
        article.date, article.date_source = supplied, "supplied"
        return
    if page_dates is not None:
        chosen = choose(date_options(page_dates, article.url, dateline, article.body, ingested))
        article.date, article.date_source = (chosen[0], SOURCES[chosen[1]]) if chosen else (None, None)
        return
    for source, date in (
        ("date-bar", date_bar),
        ("url", _url_date(article.url)),
        ("dateline", _dateline_date(dateline, article.body, ingested)),
        ("text", max(_dates_in(article.body, ingested), default=None)),
    ):
        if date:
            article.date, article.date_source = date, source
            return


def date_options(
    page_dates: DateCandidates, url: str | None, dateline: Any, body: str, ingested: dt.date
) -> DateCandidates:
    """An HTML page's dates with the URL's, the dateline's and the latest in the text; none after
    the day after the ingest day (a page is not published after it was read)."""
    found = list(page_dates.found)
    for kind, date in (
        ("url", _url_date(url)),
        ("dateline", _dateline_date(dateline, body, ingested)),
        ("text", max(_dates_in(body, ingested), default=None)),
    ):
        if date:
            found.append((kind, date))
    latest = ingested + dt.timedelta(days=1)
    return replace(page_dates, found=[(kind, date) for kind, date in found if date <= latest])


def _url_date(url: str | None) -> dt.date | None:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    try:
        return dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        return None


def _dateline_date(dateline: Any, body: str, ingested: dt.date) -> dt.date | None:
    """The dateline's day, in its own year when it gives one ("MOSCOW, October 10, 2023"), else
    in the year the text's dates or the ingest day suggest."""
    if not (dateline and dateline.month and dateline.day):
        return None
    known = [dt.date(dateline.year, dateline.month, 1)] if dateline.year else _dates_in(body, ingested)
    return infer_year(dateline.month, dateline.day, known, ingested)
