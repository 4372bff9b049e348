"""The publication date of HTML pages: the dates a page offers (beside the headline, JSON-LD, meta
tags, htmldate's reading), and the fitted choice among them (indexer/clean/datechoice.py)."""

from __future__ import annotations

import datetime as dt

from indexer.article import extract_article
from indexer.clean.datechoice import SOURCES, choose, is_printed
from indexer.clean.extractors import load_html
from indexer.clean.headline import headline_byline, text_around_headline
from indexer.clean.pagedate import headline_date, jsonld_published, meta_dates, page_dates

HEADLINE = "Ministers meet in Astana to open a new trade corridor"


def page(head: str = "", above: str = "", below: str = "") -> str:
    return f"""<html><head>{head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>{above}<h1>{HEADLINE}</h1>{below}
<p>ASTANA - Ministers of both countries met on Tuesday to open the corridor, officials said.</p>
<p>The corridor links the two capitals by rail and road and is meant to double trade within five years.</p>
</article></body></html>"""


def read(html: str):
    tree = load_html(html)
    return tree, text_around_headline(tree, HEADLINE)


def date_of(html: str, metadata_date: str | None = None):
    chosen = choose(page_dates(*read(html), lambda: metadata_date))
    return (chosen[0], SOURCES[chosen[1]]) if chosen else (None, None)


META = '<meta property="article:published_time" content="2025-03-01T10:00:00+00:00">'


def test_date_printed_below_the_headline_wins_over_metadata():
    html = page(META, below='<div class="byline">By Staff <span>March 4, 2025</span></div>')
    assert date_of(html, "2025-03-01") == (dt.date(2025, 3, 4), "html-headline")


def test_date_printed_above_the_headline_counts():
    html = page(above="<div>Published 4 Mar 2025</div>")
    assert date_of(html) == (dt.date(2025, 3, 4), "html-headline")


def test_an_updated_date_that_is_the_modified_time_gives_way_to_the_published_metadata():
    modified = '<meta property="article:modified_time" content="2025-11-06T08:00:00+00:00">'
    html = page(META + modified, below="<p>Last updated Nov 6, 2025</p>")
    assert headline_date(read(html)[1]).updated
    assert date_of(html, "2025-03-01") == (dt.date(2025, 3, 1), "html-metadata")
    # ... but stands in when there is nothing else
    assert date_of(page(below="<p>Last updated Nov 6, 2025</p>")) == (dt.date(2025, 11, 6), "html-headline")


def test_a_page_whose_only_date_is_a_modified_time_stays_undated():
    modified = '<meta property="article:modified_time" content="2024-08-21T08:00:00+00:00">'
    assert date_of(page(modified), "2024-08-21") == (None, None)
    # a published time of the same page dates it
    assert date_of(page(modified + META), "2025-03-01") == (dt.date(2025, 3, 1), "html-metadata")


def test_meta_tags_give_published_and_modified_times_in_page_order():
    head = (
        '<meta name="parsely-pub-date" content="2024-04-20T09:00:00Z">'
        '<meta property="og:updated_time" content="2024-05-02">'
        '<meta name="last-modified" content="January 16, 2026">'
    )
    body = '<span itemprop="datePublished">June 3, 2023</span>'
    published, modified = meta_dates(load_html(page(head, below=body)))
    assert published == [dt.date(2024, 4, 20), dt.date(2023, 6, 3)]
    assert modified == [dt.date(2024, 5, 2), dt.date(2026, 1, 16)]


def test_days_printed_in_words_or_numbers():
    text = "Posted 10/31/2024 | updated 05.03.25 | 2023/7/1 | March 4, 2025 | 31/31/2022 | v1.2.3"
    for day in (dt.date(2024, 10, 31), dt.date(2025, 3, 5), dt.date(2025, 5, 3)):
        assert is_printed(day, text)
    assert is_printed(dt.date(2023, 7, 1), text) and is_printed(dt.date(2025, 3, 4), text)
    assert not is_printed(dt.date(2025, 3, 1), text)  # "31/31/2022" is no day, "1.2.3" no date
    assert not is_printed(dt.date(2022, 3, 31), text) and not is_printed(dt.date(2024, 10, 30), text)


def test_a_metadata_date_printed_on_the_page_is_taken_over_one_that_is_not():
    # an "Updated" line by the headline, and a published time in the metadata: the metadata's day wins
    # when the page also prints it (here in its footer), the updated day when it does not
    far = "<p>" + "Words of the story go on here. " * 40 + "</p>"
    updated = "<p>Last updated Nov 6, 2025</p>" + far
    printed = page(below=updated + "<footer><p>Posted 3/1/2025</p></footer>")
    dates = page_dates(*read(printed), lambda: "2025-03-01")
    assert is_printed(dt.date(2025, 3, 1), dates.visible) and "Words of the story" in dates.visible
    assert choose(dates) == (dt.date(2025, 3, 1), "htmldate")
    assert choose(page_dates(*read(page(below=updated)), lambda: "2025-03-01")) == (
        dt.date(2025, 11, 6),
        "headline-updated",
    )


def test_visible_time_text_wins_over_its_utc_attribute():
    html = page(below='<time datetime="2019-11-19T04:03:00Z">November 18, 2019 11:03 PM</time>')
    assert date_of(html) == (dt.date(2019, 11, 18), "html-headline")
    empty = page(below='<time datetime="2019-11-19T04:03:00Z"></time>')
    assert date_of(empty) == (dt.date(2019, 11, 19), "html-headline")


def test_dates_in_captions_sentences_and_far_away_do_not_count():
    caption = (
        "<figcaption>The minister at a signing ceremony in Astana on November 13, 2017,"
        " with delegates of both countries</figcaption>"
    )
    far = "<p>" + "Words of the story go on here. " * 40 + "</p><p>May 5, 2020</p>"
    assert date_of(page(below=caption)) == (None, None)
    assert date_of(page(below=far)) == (None, None)
    assert date_of(page(below=caption), "2025-03-01") == (dt.date(2025, 3, 1), "html-metadata")


def test_no_headline_match_means_no_shown_date():
    html = page(below="<span>March 4, 2025</span>")
    assert headline_date(text_around_headline(load_html(html), "Another title")) is None


def test_json_ld_date_published_is_read_with_any_spacing():
    script = """<script type="application/ld+json">
    { "@graph": [ { "@type" : "WebPage", "datePublished" : "2020-01-01T00:00:00Z" },
                  { "@type" : "NewsArticle", "datePublished" : "2024-09-10T16:07:00.000Z",
                    "dateModified" : "2025-11-25T17:47:39.214Z" } ] }
    </script>"""
    assert jsonld_published(load_html(page(script))) == dt.date(2024, 9, 10)
    assert date_of(page(script), "2024-09-10") == (dt.date(2024, 9, 10), "html-metadata")
    broken = '<script type="application/ld+json">{ "datePublished": </script>'
    assert jsonld_published(load_html(page(broken))) is None


def test_a_date_right_after_a_headline_in_another_tag_counts():
    html = f"<html><body><h1>My Blog</h1><fieldset><legend>{HEADLINE}</legend> 20 December 2025 <p>Text.</p>"
    html += "</fieldset></body></html>"
    assert date_of(html) == (dt.date(2025, 12, 20), "html-headline")


def test_an_updated_date_counts_when_the_page_gives_no_other():
    html = page(below="<p>Last updated Dec 12, 2025</p>")
    assert date_of(html) == (dt.date(2025, 12, 12), "html-headline")
    assert date_of(page()) == (None, None)


def test_a_copyright_year_in_the_footer_is_not_the_date():
    html = page().replace("</article>", "</article><footer>© 2025 The Caspian Ledger</footer>")
    article = extract_article(html.encode(), ingested=dt.date(2026, 1, 5))
    assert (article.date, article.date_source) == (None, None)  # the page gives no date at all


def test_byline_under_the_headline():
    def byline(below: str) -> str | None:
        return headline_byline(read(page(below=below))[1])

    assert byline("<p class='byline'>By Jane Doe and John Roe</p>") == "Jane Doe and John Roe"
    assert byline("<div><span>By</span> <a href='/a/jd'>Sarah E. Needleman</a></div>") == "Sarah E. Needleman"
    assert byline("<p>Written by Aigerim Nurlanova | 5 min read</p>") == "Aigerim Nurlanova"
    assert byline("<p>By Aigerim Nurlanova February 3, 2026</p>") == "Aigerim Nurlanova"  # not "... February"
    assert byline("<p>By Jane DoePublished: Feb 3, 2026</p>") == "Jane Doe"
    assert byline("<p>By the numbers, trade rose sharply this year, officials said.</p>") is None
    assert headline_byline(text_around_headline(load_html(page(below="<p>By Jane Doe</p>")), "Other")) is None
