"""Cleaning and metadata on the seed pages and the written test pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from indexer.article import article_id, extract_article, strip_site_suffix
from indexer.clean.dates import infer_year, parse_date_line, parse_dateline
from indexer.clean.decode import decode_bytes
from indexer.errors import DipnewsError
from tests.conftest import CORPUS, INGEST_DAY, PAGES, seed

CHROME = ["Dark Mode", "Logo", "AdSense Advertisement", "- Advertisement -", "Comment / Reply From"]
SEEDS = sorted(CORPUS.glob("*.txt"))


def extract(path, **kwargs):
    return extract_article(path.read_bytes(), source=str(path), ingested=INGEST_DAY, **kwargs)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_chrome_line_survives(path):
    article = extract(path)
    lines = article.body.split("\n\n")
    for chrome in CHROME:
        assert chrome not in lines
    assert "Advertisement" not in article.body


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_article_sentence_is_kept(path):
    article = extract(path)
    body_words = " ".join(re.findall(r"\w+", article.body))
    lines = decode_bytes(path.read_bytes()).splitlines()
    prose = [line for line in lines if len(line.split()) >= 12 and line != article.title]
    assert prose
    for line in prose:
        assert " ".join(re.findall(r"\w+", line)) in body_words


def test_repeated_headline_becomes_title_once():
    article = extract(seed("002"))
    assert article.title == (
        "Pakistan, Kazakhstan forge strategic partnership, "
        "target $1 billion trade after signing 37 agreements"
    )
    assert article.title not in article.body
    assert article.title_source == "page"


def test_what_stands_above_the_headline_repeated_in_the_body_is_head_not_text():
    kicker, headline = "Market Insider", "Pakistan, Kazakhstan sign road transport deal"
    head = f"<head><title>{headline} - The Ledger</title></head>"
    body = f"<div class='story'><p>{kicker}</p><p>{headline}</p>{BRIEF * 2}</div>"
    article = extract_article(f"<html>{head}<body>{body}</body></html>".encode())
    assert article.title == headline and article.body.startswith("ISLAMABAD")
    assert kicker in article.dropped
    # further down, a line that reads like the headline is the story's own
    later = f"<div class='story'>{BRIEF}<p>{kicker}</p><p>{headline}</p>{BRIEF}</div>"
    article = extract_article(f"<html>{head}<body>{later}</body></html>".encode())
    assert kicker in article.body


def test_a_title_with_the_site_name_glued_on_is_the_headline():
    headline = "Kazakhstan and Pakistan open a new road through Afghanistan"
    page = f"<html><head><title>{headline}Daily Ledger Online</title></head><body><div>"
    page += f"<p>{headline}</p>{BRIEF * 2}</div></body></html>"
    article = extract_article(page.encode())
    assert article.title == headline and article.body.startswith("ISLAMABAD")
    # a title that goes on after a space is another matter
    page = page.replace("Online</title>", "Online: Day Two</title>").replace(
        f"{headline}Daily", f"{headline} Daily"
    )
    assert extract_article(page.encode()).title != headline


def test_mojibake_apostrophe_repaired():
    article = extract(seed("003"))
    assert "Pakistan’s economic potential" in article.body
    assert "\u0e42" not in article.body


def test_seed_metadata():
    assert (extract(seed("002")).outlet, extract(seed("002")).date) == (
        "The South Asia Times",
        dt.date(2026, 2, 4),
    )
    app = extract(seed("004"))
    assert app.outlet == "Associated Press of Pakistan" and app.outlet_type == "wire agency"
    assert (app.date, app.date_source) == (dt.date(2026, 2, 4), "dateline")
    assert app.dateline == "ISLAMABAD"
    first = extract(seed("001"))
    assert (first.date, first.date_source) == (dt.date(2026, 2, 4), "dateline")
    for number in ("000", "003"):
        assert extract(seed(number)).date is None


def test_title_from_first_sentence_drops_the_dateline():
    article = extract(seed("004"))
    assert article.title.startswith("Pakistan and Kazakhstan on Wednesday agreed")
    assert article.title_source == "first-sentence"


def test_supplied_metadata_wins():
    article = extract(
        seed("002"), supplied={"outlet": "Reuters", "date": "2026-02-05", "title": "Mine", "topics": ["x"]}
    )
    assert (article.outlet, article.date, article.title, article.topic_slugs) == (
        "Reuters",
        dt.date(2026, 2, 5),
        "Mine",
        ["x"],
    )
    assert article.outlet_source == article.date_source == "supplied"


def test_bad_supplied_metadata_is_refused():
    with pytest.raises(DipnewsError, match="YYYY-MM-DD"):
        extract(seed("002"), supplied={"date": "4 Feb"})
    with pytest.raises(DipnewsError, match="Unknown metadata"):
        extract(seed("002"), supplied={"colour": "red"})
    for url in ("ftp://example.org/a", "http://[bad/x", "https://", "http://example.org:99999/"):
        with pytest.raises(DipnewsError, match="not an http"):
            extract(seed("002"), supplied={"url": url})


def test_html_page_chrome_and_metadata():
    article = extract(PAGES / "uzbek-rail.html")
    assert article.kind == "html"
    assert article.title == "Uzbekistan and Turkmenistan sign rail transit accord"
    assert (article.date, article.date_source) == (dt.date(2025, 11, 12), "html-metadata")
    assert article.outlet == "Caspian Ledger"
    for chrome in ("Dark Mode", "Related stories", "All rights reserved", "Advertisement", "Business"):
        assert chrome not in article.body
    assert article.body.startswith("TASHKENT, Nov 12")
    assert "transport" in article.topic_slugs


BRIEF = (
    "<p>ISLAMABAD, Feb 4 (APP): Pakistan and Kazakhstan signed an agreement on road transport on Wednesday, "
    "officials said after the ceremony in the capital.</p><p>The agreement lets lorries of both countries "
    "cross through Afghanistan and Uzbekistan under one customs regime.</p>"
)


def html_page(article: str, after: str = "") -> bytes:
    return (
        "<html><body><nav><a href='/'>Home</a></nav><article>"
        f"<h1>Pakistan, Kazakhstan sign road transport deal</h1>{article}</article>{after}</body></html>"
    ).encode()


def test_title_is_the_headline_not_a_logo_or_a_teaser():
    from indexer.clean.htmlmeta import choose_title

    meta = "Pakistan, Kazakhstan sign road transport deal | The Daily"
    assert choose_title(meta, ["Pakistan, Kazakhstan sign road transport deal"]).startswith("Pakistan")
    assert choose_title(meta, ["Why reindeer herders fear the mines"]) == meta  # a teaser's <h1>
    assert choose_title("", ["Only heading here"]) == "Only heading here"
    # an <h1> with its own permalink heads a section of the text, not the page
    section = "<h1 id='why'><a class='anchor' href='#why'></a>Why reindeer herders fear the mines</h1>"
    page = f"<html><head><title>{meta}</title></head><body>{BRIEF}{section}{BRIEF}</body></html>"
    assert extract_article(page.encode()).title == "Pakistan, Kazakhstan sign road transport deal"
    logo = (
        "<html><head><meta property='og:site_name' content='India Post'></head><body>"
        "<h1>India Post</h1><article><h2>Deportees return home from the US</h2>"
        + BRIEF * 2
        + "</article></body></html>"
    )
    article = extract_article(logo.encode())
    assert article.title == "Deportees return home from the US"
    assert not article.body.startswith("Deportees")
    lead_in = (
        "<html><head><meta property='og:title'"
        " content='Pakistan, Kazakhstan sign road transport deal - The Ledger'></head>"
        "<body><h1>A message from the founder of The Ledger:</h1><article>"
        + BRIEF * 2
        + "</article></body></html>"
    )
    assert extract_article(lead_in.encode()).title.startswith("Pakistan, Kazakhstan")  # no lead-in


def test_a_short_story_keeps_its_comments_out():
    comments = "".join(
        f"<li class='comment'><div>Reader {i}</div><div>February 4, 2026 at 10:{i:02d} am</div>"
        "<p>This is a good step for the region and I hope the trade between the two countries grows "
        f"quickly now that the road is open, wrote reader number {i}.</p><a>Reply</a></li>"
        for i in range(12)
    )
    article = extract_article(
        html_page(BRIEF, f"<section id='comments'><h3>12 Comments</h3>{comments}</section>")
    )
    assert not article.fallback
    assert (
        article.body.startswith("ISLAMABAD")
        and "Reader" not in article.body
        and len(article.body.split()) < 60
    )


def test_a_story_split_over_blocks_of_one_kind_is_read_whole():
    said = [
        f"In part {n} the foreign ministers of Kazakhstan and Pakistan met in Astana on Tuesday "
        f"and discussed transit trade, rail links and energy, officials said after round {n}."
        for n in range(1, 9)
    ]

    def part(paragraphs: list[str], extra: str = "") -> str:
        text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        return f"<div class='grid'><div class='body article__body'>{text}{extra}</div></div>"

    more = "<ul>" + "".join(
        f"<li>Read <a href='/{i}'>another story on trade, number {i}</a></li>" for i in range(3)
    )
    far = (
        "<aside><div><div><div>"
        + part(["About us: " + said[0], "About us: " + said[1]])
        + "</div></div></div></aside>"
    )
    page = html_page(
        part(said[:5])
        + "<div class='newsletter'><p>Sign up for our briefing.</p></div>"
        + part(said[5:], more + "</ul>"),
        after=far,
    )
    import trafilatura

    assert said[6] not in trafilatura.extract(
        page.decode()
    )  # the case: trafilatura reads the first block only
    article = extract_article(page)
    assert article.body.split("\n\n") == said  # all of it, in page order
    assert "another story" not in article.body and "About us" not in article.body


def test_a_lead_set_loose_after_a_box_of_links_is_kept():
    # the lead stands as bare text after a box of related stories, inside the story's <p>
    # (which the parser closes at the box): trafilatura drops the box and the lead with it
    lead = (
        "ASTANA (AP) — Kazakhstan and Pakistan signed a road transport agreement on Tuesday, "
        "opening a route for lorries through Afghanistan and Uzbekistan, officials of both countries said."
    )
    items = "".join(
        f"<li><a href='/{n}'>Article: another story on the deal, {n}</a><p><em>AP - {n} min ago</em></p></li>"
        for n in range(4)
    )
    related = f"<div class='box art-related'><h3>Related Content</h3><ul>{items}</ul></div>"
    rest = "".join(
        f"<p>Paragraph {n}: the ministers said the new route would cut the journey to the port by"
        " several days, officials of both countries said on Tuesday.</p>"
        for n in range(6)
    )
    # text in a styled element is a widget's, not loose text of the story's
    widget = (
        "<span class='map-widget'>Hover over the map to see each border crossing and the number of"
        " lorries that passed through it this week.</span>"
    )
    page = html_page(f"<div class='body'><p>{related}{lead}</p>{rest}{widget}</div>")
    import trafilatura

    assert "ASTANA" not in trafilatura.extract(page.decode(), favor_recall=True)  # the case
    article = extract_article(page)
    assert article.body.startswith(lead + "\n\nParagraph 0:")
    assert article.body.count("ASTANA (AP)") == 1 and "Related Content" not in article.body
    assert "Hover over the map" not in article.body
    assert article.dateline == "ASTANA"


def test_prose_set_in_a_box_between_the_story_paragraphs_is_put_back_in_place():
    import lxml.html

    from indexer.clean.splitbody import page_paragraphs, paragraphs_by_parent, restore_loose_text

    note = (
        "Update: the ministry said on Thursday that the first lorries would cross the border"
        " at Torkham in May, a month later than planned."
    )
    paragraphs = [
        f"Paragraph {n}: the ministers said the new route would cut the journey to the port by"
        " several days, officials of both countries said on Tuesday."
        for n in range(4)
    ]
    related = (
        "Also read: how the corridor changed trade between the two countries over the past ten years,"
        " and what comes next."
    )
    boxes = [
        f"<div class='note'><strong>Update:</strong> {note.removeprefix('Update: ')}</div>",
        f"<div class='related-box'>{related}</div>",  # a box of other stories
        "<div class='note'><a href='/a'>Also read: the corridor and the trade between the two countries"
        " over the past ten years.</a></div>",  # a link
        "<div class='note'><p>A box with paragraphs of its own is read as a block of its own.</p></div>",
    ]
    p = [f"<p>{text}</p>" for text in paragraphs]
    html = f"<div class='body'>{p[0]}{p[1]}{boxes[0]}{p[2]}{''.join(boxes[1:])}{p[3]}</div>"
    tree = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    blocks = paragraphs_by_parent(page_paragraphs(tree))
    # trafilatura's recall mode now and then drops such a box (tests of it do not reproduce)
    restored = restore_loose_text(blocks, paragraphs)
    assert restored == [*paragraphs[:2], note, *paragraphs[2:]]
    assert restore_loose_text(blocks, restored) == restored  # kept already: not twice


def test_a_byline_line_in_an_html_story_is_the_byline_not_text():
    page = html_page("<p>By Mira Okafor</p>" + BRIEF * 2 + "<p>By Region</p>" + BRIEF)
    article = extract_article(page)
    assert article.byline == "Mira Okafor" and "Mira Okafor" not in article.body
    assert "By Region" in article.body  # one word after "By": a heading, not a name


def test_a_pull_quote_is_dropped_and_the_quote_in_the_story_stays():
    said = (
        "<p>\u201cWe have no plan to close the border, and our goal was never to upset anyone,\u201d "
        "the foreign minister told reporters in Astana.</p>"
    )
    pull = "\u201cOur goal was never to upset anyone.\u201d"
    article = extract_article(html_page(f"<blockquote><p>{pull}</p></blockquote>" + BRIEF + said))
    assert pull not in article.body and pull in article.dropped
    assert "our goal was never to upset anyone,\u201d the foreign minister" in article.body
    # a quotation set apart that the story does not repeat is the story's
    alone = "\u201cThe border stays open to trade and to travellers alike.\u201d"
    assert alone in extract_article(html_page(f"<p>{alone}</p>" + BRIEF + said)).body


def test_pull_quotes_need_quotation_marks_and_a_longer_paragraph_around_them():
    from indexer.clean.chrome import drop_pull_quotes

    story = [
        "Both ministers said the talks on transit fees would resume in the spring in Astana.",
        "Key points: both ministers said the talks on transit fees would resume in the spring.",
    ]
    # a summary line repeating the story (unquoted) stays; so does a short quoted phrase
    assert drop_pull_quotes(story + ['"Resume in the spring."'], []) == story + ['"Resume in the spring."']
    dropped: list[str] = []
    quote = "\u201cThe talks on transit fees would resume in the spring.\u201d"
    assert drop_pull_quotes([quote, *story], dropped) == story and dropped == [quote]
    # the same quotation twice, with nothing longer around it: both stay
    other = "The ministers also signed a memorandum on rail links between the two capitals."
    assert drop_pull_quotes([quote, other, quote], []) == [quote, other, quote]
    # an interview set out as quotations, each repeated in the summary below: left as it is
    answers = [f"\u201cWe will open crossing {n} to lorries in the spring.\u201d" for n in range(21)]
    summary = " ".join(f"She said we will open crossing {n} to lorries in the spring." for n in range(21))
    assert drop_pull_quotes([*answers, summary], []) == [*answers, summary]
    assert drop_pull_quotes([*answers[:20], summary], []) == [summary]


def test_the_standfirst_under_the_headline_is_not_body_text():
    dek = "Lorries of both countries will cross Afghanistan under one customs regime"
    header = f"<header><h1>Pakistan, Kazakhstan sign road transport deal</h1><h2>{dek}</h2></header>"
    page = f"<html><body><article>{header}<div class='body'>{BRIEF * 3}</div></article></body></html>"
    article = extract_article(page.encode())
    assert dek not in article.body and dek in article.dropped
    assert article.body.startswith("ISLAMABAD")
    # a subheading in the story's own block is the story's
    headline = "<header><h1>Pakistan, Kazakhstan sign road transport deal</h1></header>"
    body = f"<div class='body'><h2>{dek}</h2>{BRIEF * 3}</div>"
    inside = f"<html><body><article>{headline}{body}</article></body></html>"
    assert dek in extract_article(inside.encode()).body


def test_a_list_dropped_between_two_kept_paragraphs_is_put_back():
    import lxml.html

    from indexer.clean.splitbody import restore_headings

    intro, outro = "Both sides agreed on three points:", "The next round is set for March in Astana."
    points = ["Joint customs posts", "Shared cargo data", "Yearly reviews"]
    items = "".join(f"<li>{point}</li>" for point in points)
    tree = lxml.html.fromstring(f"<div><p>Lead.</p><p>{intro}</p><ul>{items}</ul><p>{outro}</p></div>")
    kept = ["Lead.", intro, outro]  # what trafilatura kept
    assert restore_headings(tree, kept) == ["Lead.", intro, *(f"- {point}" for point in points), outro]
    linked = "".join(f"<li><a href='/{n}'>{point}</a></li>" for n, point in enumerate(points))
    teasers = lxml.html.fromstring(f"<div><p>Lead.</p><p>{intro}</p><ul>{linked}</ul><p>{outro}</p></div>")
    assert restore_headings(teasers, kept) == kept  # every item a link: other pages, not the story


def test_a_line_of_the_page_s_own_keywords_is_a_tag_cloud():
    from indexer.clean.htmlmeta import is_tag_list

    keywords = "pakistan kazakhstan, road transport, transit trade, lorries, customs"
    tags = {tag.strip() for tag in keywords.split(",")}
    assert is_tag_list("Pakistan Kazakhstan, road transport, transit trade, customs", tags)
    assert not is_tag_list("Lorries, buses and trains cross the border, officials said.", tags)
    assert not is_tag_list("Pakistan Kazakhstan, road transport, transit trade, customs", set())
    cloud = "<p>pakistan kazakhstan, road transport, transit trade, lorries</p>"
    page = html_page(BRIEF * 3 + cloud).replace(
        b"<html>", f"<html><head><meta name='keywords' content='{keywords}'></head>".encode()
    )
    article = extract_article(page)
    assert "transit trade" not in article.body and article.body.endswith("customs regime.")


def test_a_short_extraction_is_completed_from_the_visible_text():
    from indexer.clean.fallback import with_fallback

    intro = ["The envoys of both countries met in Astana on Tuesday to agree on the transit route."]
    story = [
        f"Paragraph {n} of the agreement sets out the rules for lorries crossing the border."
        for n in range(12)
    ]
    teasers = [
        f"Teaser {n}: another long story that the site recommends to its readers today." for n in range(12)
    ]
    page = "\n".join(["Home", *intro, "Advertisement", *story])
    assert with_fallback(intro, story, page) == intro + story  # the story went on below
    assert with_fallback(intro, intro + story, page) == intro + story  # ... or contains what was kept
    above = "\n".join([*teasers, *intro])
    assert with_fallback(intro, teasers, above) is None  # prose above the story is something else
    assert with_fallback(intro, story[:2], page) is None  # not several times more
    assert with_fallback([], story, page) == story


def test_a_story_missed_for_a_smaller_block_is_read_in_page_order():
    # trafilatura takes the first <article> with enough text: here a questions-and-answers
    # box below the story, which stands in a plain <div> of many paragraphs
    story = "".join(
        f"<p>Point {n} of the transit agreement sets out how lorries of both countries cross the"
        f" border at Torkham, which documents their drivers carry and who inspects the cargo.</p>"
        for n in range(70)
    )
    faq = "".join(
        f"<div class='faq-item'><h3>Question {n}: what does the agreement change for traders?</h3>"
        f"<p>Answer {n}: the customs regime is the same on both sides of the border, so goods cleared"
        f" in Islamabad need no second inspection in Almaty, officials of both ministries said.</p></div>"
        for n in range(12)
    )
    page = (
        "<html><body><h1>Pakistan, Kazakhstan sign road transport deal</h1>"
        f"<div class='col-9'>{story}</div><article class='faq'>{faq}</article></body></html>"
    )
    body = extract_article(page.encode()).body
    assert "Point 0 of the transit" in body and "Point 69 of the transit" in body
    assert "Answer 11: the customs regime" in body
    assert body.index("Point 69 of the transit") < body.index("Question 0: what")


def test_a_gap_trafilatura_s_recall_mode_left_is_filled_from_its_default_mode():
    from indexer.clean.fallback import fill_story_gap

    story = [
        f"Paragraph {n}: the envoys agreed on the transit route through the mountains." for n in range(4)
    ]
    faq = [f"Answer {n}: lorries cleared in Islamabad need no second inspection in Almaty." for n in range(6)]
    recall = [story[0], "Your questions answered", story[3]]  # the answers between were skipped
    page = [("div", story[0]), *(("details", answer) for answer in faq), ("div", story[3])]  # the <p>s
    default = ["Home", story[0], "Your questions answered", *faq, story[3], "Related: another story"]
    read: list[str] = []

    def read_default() -> list[str]:
        read.append("default")
        return default

    filled = fill_story_gap(recall, page, read_default)
    assert filled == [story[0], "Your questions answered", *faq, story[3]]  # nothing outside the stretch
    no_gap = [("div", story[0]), ("div", story[3]), *(("details", answer) for answer in faq)]
    assert fill_story_gap(recall, no_gap, read_default) == recall  # no prose skipped: not read again
    assert read == ["default"]
    other_page = ["Teaser one of another story entirely.", "Teaser two.", story[0]]
    assert fill_story_gap(recall, page, lambda: other_page) == recall  # not a reading of the same story
    assert fill_story_gap(recall, page, lambda: default[:4]) == recall  # shares no stretch that is fuller


def test_a_run_of_links_in_the_story_is_a_directory_not_text():
    from indexer.clean.htmlpage import drop_link_runs

    cities = [f"Road transport costs in {city}" for city in ("Almaty", "Astana", "Shymkent")]
    links = "".join(f"<p><a href='/costs/{n}'>{line}</a></p>" for n, line in enumerate(cities))
    article = extract_article(html_page(BRIEF * 3 + links + BRIEF))
    assert "Road transport costs in" not in article.body and article.body.endswith("customs regime.")
    story = ["The envoys met in Astana.", "They signed the treaty."]
    sources = [f"- Treaty text, part {n}" for n in range(3)]
    linked = set(cities + sources)
    # a list of links is the story's sources; one linked line may be the story's own
    assert drop_link_runs(story + sources, linked, []) == story + sources
    assert (
        drop_link_runs(story[:1] + cities[:2] + story[1:], linked, []) == story[:1] + cities[:2] + story[1:]
    )
    dropped: list[str] = []
    assert drop_link_runs(story[:1] + cities + story[1:], linked, dropped) == story and dropped == cities
    # one linked line calling to action is a teaser of another page
    teaser = "Learn how the customs union works"
    dropped = []
    assert drop_link_runs([story[0], teaser, story[1]], linked | {teaser}, dropped) == story and dropped == [
        teaser
    ]
    assert drop_link_runs([story[0], teaser, story[1]], linked, []) == [
        story[0],
        teaser,
        story[1],
    ]  # not a link
    # one linked line in capitals is another story's teaser; a short one (a product's name) or
    # a subheading in capitals that links nowhere stays
    shouted, product = "ENVOYS TRADE BARBS AS THE BORDER TALKS STALL", "ACME X5 PRO"
    dropped = []
    lines = [story[0], shouted, product, "WHAT HAPPENS NEXT FOR THE TWO ENVOYS", story[1]]
    assert drop_link_runs(lines, linked | {shouted, product}, dropped) == lines[:1] + lines[2:]
    assert dropped == [shouted]


def test_the_site_header_and_its_mega_menu_are_removed_before_reading():
    from lxml import html

    from indexer.clean.pageboxes import drop_site_headers

    items = "".join(
        f"<li><a href='/p/{n}'>Product {n}<p>Plan and manage your trade fairs with ease.</p></a></li>"
        for n in range(12)
    )
    story = "<p>The envoys met in Astana and signed the road transport treaty on Monday.</p>" * 3
    page = html.fromstring(f"<html><body><header><ul>{items}</ul></header><main>{story}</main></body></html>")
    drop_site_headers(page)
    assert "trade fairs" not in page.text_content() and "envoys met" in page.text_content()
    # a header wrapping the story (mostly prose, not links), or the story's own header, stays
    wrapping = html.fromstring(f"<html><body><header><ul>{items}</ul>{story * 20}</header></body></html>")
    own = html.fromstring(
        f"<html><body><article><header><ul>{items}</ul></header>{story}</article></body></html>"
    )
    for tree in (wrapping, own):
        drop_site_headers(tree)
        assert "trade fairs" in tree.text_content()


def test_boxes_named_calls_to_action_or_disclosures_are_not_the_story():
    story = "<p>The envoys met in Astana and signed the road transport treaty on Monday.</p>"
    boxes = (
        "<div class='blog-cta'><p>See how our freight software helps you plan every shipment.</p></div>"
        "<section id='Fund_Disclosures'><p>All investing is subject to risk, including loss of money.</p>"
        "</section>"
    )
    body = extract_article(html_page(story * 2 + boxes + story * 2)).body
    assert "envoys met" in body and "freight software" not in body and "subject to risk" not in body
    # a name in a word only ("octagon", "nondisclosure-agreement" is a story's topic), or a
    # layout's name on the box holding the page, is no such box
    named = "<div class='octagon'><p>The octagon hall hosted the nondisclosure talks on Monday.</p></div>"
    assert "octagon hall" in extract_article(html_page(story * 2 + named + story)).body
    wrapped = f"<div class='page-cta-layout'>{story * 4}</div>"
    assert "envoys met" in extract_article(html_page(wrapped)).body


def test_lines_are_merged_in_page_order():
    from indexer.clean.fallback import in_page_order

    page = "Intro one. Story two. Answer three. Story four. Answer five."
    merged = in_page_order(page, ["Answer three.", "Answer five."], ["Story two.", "Story four.", "Unseen."])
    assert merged == ["Story two.", "Answer three.", "Story four.", "Unseen.", "Answer five."]


def test_picture_cards_of_other_stories_end_the_article():
    cards = (
        "<ul>"
        + "".join(
            f"<li><a href='/s{i}'><img src='/i{i}.jpg'></a><a href='/s{i}'>Minister {i} visits Tashkent</a>"
            f"<p>The visit number {i} was the first by a minister in ten years, the ministry said.</p></li>"
            for i in range(4)
        )
        + "</ul>"
    )
    article = extract_article(html_page(BRIEF * 4 + cards))
    assert article.body.endswith("customs regime.") and "Tashkent" not in article.body


def test_a_data_table_in_an_embed_box_is_kept():
    def table(caption: str) -> str:
        rows = "".join(
            f"<tr><td>{good}</td><td>{rate}%</td></tr>"
            for good, rate in (("Wheat", 5), ("Cotton", 3), ("Steel rebar", 12), ("Lorry tyres", 8))
        )
        return f"<table><tr><th>{caption}</th><th>Tariff</th></tr>{rows}</table>"

    # page builders wrap tables in boxes named "embed" or "widget", words trafilatura drops blocks for
    inside = f"<div class='w-embed'>{table('Goods under the new regime')}</div>"
    aside = f"<div class='sidebar-widget'>{table('Most read tariffs')}</div>"
    article = extract_article(html_page(BRIEF * 2 + inside + BRIEF + aside))
    assert "Goods under the new regime" in article.body and "Steel rebar" in article.body
    assert "Most read tariffs" not in article.body  # a sidebar's table stays out
    # a table of a header and one row (pros and cons), its box styled by a stylesheet of its own
    style = "<style>.table_component td { border: 1px solid #dededf; padding: 5px; width: 100%; }</style>"
    pros = "<tr><th>Pros</th><th>Cons</th></tr><tr><td>Lower tariffs on grain</td><td>Slower checks</td></tr>"
    styled = f"<div class='w-embed'>{style}<table>{pros}</table></div>"
    assert "Lower tariffs on grain" in extract_article(html_page(BRIEF * 2 + styled + BRIEF)).body


def test_an_embedded_post_in_a_social_media_box_is_kept():
    def tweet(text: str) -> str:
        return (
            f"<blockquote class='twitter-tweet'><p lang='en'>{text}</p>&mdash; Foreign Office (@FO)"
            " <a href='https://twitter.com/FO/status/1'>February 4, 2026</a></blockquote>"
        )

    # sites wrap the embed code in a box named for social media, a name trafilatura drops blocks for
    quoted = "A road link from Karachi to Almaty is now one agreement away. We thank our Kazakh friends."
    inside = f"<div class='social-media-embed'>{tweet(quoted)}</div>"
    sidebar_post = tweet("Follow our minister on his tour of Europe.")
    sidebar = f"<div class='sidebar-social-embed'>{sidebar_post}</div>"
    article = extract_article(html_page(BRIEF + inside + BRIEF + sidebar + BRIEF))
    assert "now one agreement away" in article.body
    assert "tour of Europe" not in article.body  # a box that names itself a sidebar keeps its name


def headline_cards(count: int, words: str) -> str:
    """A row of boxes of one kind, each a linked headline and a teaser."""
    return (
        "<div class='post-list'>"
        + "".join(
            f"<div class='post-item'><h3><a href='/story-{i}'>Minister {i} visits Tashkent</a></h3>"
            f"<p>The visit number {i} was {words}, the ministry said on its website.</p></div>"
            for i in range(count)
        )
        + "</div>"
    )


def test_a_row_of_headline_cards_after_the_story_ends_it():
    article = extract_article(html_page(BRIEF * 4 + headline_cards(4, "the first in ten years")))
    assert article.body.endswith("customs regime.") and "Tashkent" not in article.body


def test_a_listing_made_of_headline_cards_is_read_whole():
    # each entry of a guide is a linked headline and a paragraph: the first entry comes
    # before most of the prose, and the others are cards of the same row
    intro = "<p>Our guide to the capital's ministries lists each one with its history and its visitors.</p>"
    article = extract_article(html_page(intro + headline_cards(8, "longer than planned and went well")))
    assert "Minister 0 visits Tashkent" in article.body and "Minister 7 visits Tashkent" in article.body


def test_the_headline_is_the_heading_s_own_text():
    def title_of(h1: str) -> str:
        head = "<head><title>Oslo talks</title></head>"
        page = f"<html>{head}<body><article>{h1}{BRIEF * 3}</article></body></html>"
        return extract_article(page.encode()).title

    # a date line nested in the <h1> (against the rules of HTML, but seen) is not the headline
    date_line = "<div></div><h3>Posted on 3 February 2026 by Ann Lee</h3>"
    nested = f"<h1>Norway and Iceland reopen talks in Oslo{date_line}</h1>"
    assert title_of(nested) == "Norway and Iceland reopen talks in Oslo"
    assert title_of("<h1>Oslo talks resume<br>What the quota deal means</h1>") == (
        "Oslo talks resume What the quota deal means"
    )
    # an entity the site escaped twice is shown as its character, not as "&#x26;"
    assert title_of("<h1>Oslo talks: fish &amp;#x26; visas</h1>") == "Oslo talks: fish & visas"


def test_a_subheading_dropped_between_two_kept_paragraphs_is_put_back():
    # trafilatura's fallback readers keep a page's paragraphs but not its headings
    from trafilatura.utils import load_html

    from indexer.clean.splitbody import restore_headings

    answers = [f"Answer {n}: the quota talks in Oslo covered mackerel and herring stocks." for n in range(4)]
    page = (
        f"<html><body><div><p>{answers[0]}</p><p>\u00a0</p><h2>What is at stake?</h2><p>{answers[1]}</p>"
        f"<h2>Who else takes part?</h2><p>Faroese officials may join later.</p>"
        f"<p>{answers[2]}</p><h3>Read next: the herring war</h3><figure>map</figure><p>{answers[3]}</p>"
        "</div></body></html>"
    )
    lines = restore_headings(load_html(page), answers)
    # only a heading between two paragraphs kept one after the other goes back (an empty
    # spacer paragraph between them aside)
    assert lines == [answers[0], "What is at stake?", *answers[1:]]
    # ... or opening a block of its own after the first line kept (not before it: a title or a label)
    blocks = (
        f"<html><body><div><h2>Overview</h2><p>{answers[0]}</p></div>"
        f"<div><h2>The second round</h2><p>{answers[1]}</p></div></body></html>"
    )
    assert restore_headings(load_html(blocks), answers[:2]) == [answers[0], "The second round", answers[1]]
    # ... or between a paragraph and a list (a list's lines are its items)
    listed = (
        f"<html><body><p>{answers[0]}</p><h2>Who is at the table</h2><ul><li>Norway</li><li>Iceland</li></ul>"
    )
    assert (
        restore_headings(load_html(listed), [answers[0], "- Norway", "- Iceland"])[1] == "Who is at the table"
    )
    # ... or in a wrapper of its own, between two kept paragraphs in reading order (an FAQ's
    # question above its answer); a closing marker stays out ("Related", then other pages)
    faq = (
        f"<html><body><div class='faq'><div class='q'><h3>Who chairs the talks?</h3></div>"
        f"<div class='a'><p>{answers[0]}</p></div></div>"
        f"<div class='faq'><div class='q'><h3>When do they end?</h3></div>"
        f"<div class='a'><p>{answers[1]}</p></div></div>"
        f"<div class='more'><h3>Related</h3></div><p>{answers[2]}</p></body></html>"
    )
    assert restore_headings(load_html(faq), answers[:3]) == [answers[0], "When do they end?", *answers[1:3]]
    # not a widget's header, its own text (in <div>s, no paragraphs) between it and the next
    # paragraph, nor an icon's glyph set in a heading
    widget = (
        f"<html><body><p>{answers[0]}</p><div class='box'><h2>Crunchbase</h2>"
        f"<div>Founded: 2004</div></div><p>{answers[1]}</p>"
        f"<h3><img src='a.jpg'><span class='icon'>S</span></h3><p>{answers[2]}</p></body></html>"
    )
    assert restore_headings(load_html(widget), answers[:3]) == answers[:3]


def test_a_text_page_s_table_of_contents_is_not_body_text():
    from indexer.clean.textpage import clean_text_page

    sections = ["Why the talks matter", "What each side wants"]
    prose = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    toc = [f"* {heading}" for heading in sections]
    story = [prose[0], *toc, sections[0], *prose[1:3], sections[1], prose[3]]
    page = clean_text_page("\n".join(story))
    # the list repeating the sub-headings goes; the sub-headings and a list of its own stay
    assert page.paragraphs == [prose[0], sections[0], *prose[1:3], sections[1], prose[3]]
    own_list = [prose[0], "Talks will cover:", "* Mackerel quotas", "* Herring quotas", *prose[1:]]
    assert clean_text_page("\n".join(own_list)).paragraphs == own_list


def test_a_site_name_is_a_name_without_its_tagline():
    def outlet_of(site_name: str) -> str | None:
        meta = f"<head><meta property='og:site_name' content='{site_name}'></head>"
        page = f"<html>{meta}<body><article><h1>Oslo talks resume</h1>{BRIEF * 3}</article></body></html>"
        return extract_article(page.encode(), supplied={"url": "https://news.example.org/oslo"}).outlet

    assert outlet_of("Caspian Ledger | Independent news from Central Asia") == "Caspian Ledger"
    assert outlet_of("Caspian Ledger &amp;amp; Partners") == "Caspian Ledger & Partners"
    # a copyright notice in the metadata names no site: the address's host does
    notice = "Copyright Caspian Media. For the copyright terms, visit http://example.org/terms"
    assert outlet_of(notice) == "news.example.org"


def test_visible_text_breaks_lines_at_blocks_only():
    from indexer.clean.fallback import visible_text

    html = (
        "<body><nav>Home</nav><div><p>So-called <a href='/x'>neo-banks</a>, or <em>challenger</em> banks, "
        "grew.</p><p>Second paragraph.</p></div><div id='comments'>Great story!</div>"
        "<script>x()</script></body>"
    )
    lines = [line.strip() for line in visible_text(html).splitlines() if line.strip()]
    assert lines == ["So-called neo-banks, or challenger banks, grew.", "Second paragraph."]


def test_a_date_in_the_story_counts_after_the_url():
    html = html_page(
        "<p>The ministers met to open talks on customs, officials said, recalling the treaty signed on "
        "March 3, 2019 in the capital.</p><p>The agreement lets lorries cross through both countries under "
        "one customs regime, the officials added after the meeting.</p>"
    )
    guessed = extract_article(html, ingested=INGEST_DAY)
    assert (guessed.date, guessed.date_source) == (dt.date(2019, 3, 3), "text")
    dated = extract_article(
        html, supplied={"url": "https://example.com/2020/05/06/talks"}, ingested=INGEST_DAY
    )
    assert dated.date == dt.date(2020, 5, 6)


def test_double_encoded_utf8_in_html_is_repaired():
    mojibake = BRIEF.replace("officials said", "officials’ statement said").encode().decode("latin-1")
    article = extract_article(html_page(mojibake))
    assert "officials’ statement" in article.body


def test_html_page_with_json_ld_date():
    article = extract(PAGES / "ghana-cocoa.html")
    assert article.date == dt.date(2026, 1, 20)
    assert article.title == "Ghana and Ivory Coast agree joint cocoa price policy"
    assert "newsletter" not in article.body


def test_same_text_same_id_url_wins():
    assert article_id(None, "A b, c.") == article_id(None, "a  B c")
    assert article_id("https://Example.org/x/", "one") == article_id("https://example.org/x", "two")


def test_empty_article_is_refused():
    with pytest.raises(DipnewsError, match="No article text"):
        extract_article(b"<html><body><nav>Home</nav></body></html>")


@pytest.mark.parametrize(
    "title, site, expected",
    [
        ("Talks resume in Geneva | Daily Planet", "Daily Planet", "Talks resume in Geneva"),
        ("Daily Planet - Talks resume in Geneva", "Daily Planet", "Talks resume in Geneva"),
        ("Talks resume in Geneva on Monday - Planet", None, "Talks resume in Geneva on Monday"),
        ("Iran - US talks resume", None, "Iran - US talks resume"),
        # what a pipe tacks on after a headline is a label; a kicker before it stays
        ("Herders fear the mines in Lapland | Opinion", "Planet", "Herders fear the mines in Lapland"),
        ("Ten rules of protocol | Flags, Seats & Gifts | Planet", None, "Ten rules of protocol"),
        ("Opinion | Herders fear the new mines", "Daily Planet", "Opinion | Herders fear the new mines"),
        ("Summit ends | Talks", None, "Summit ends | Talks"),
    ],
)
def test_strip_site_suffix(title, site, expected):
    assert strip_site_suffix(title, site) == expected


def test_datelines_and_date_lines():
    dateline = parse_dateline("ISLAMABAD, Feb 4 (APP): Pakistan and")
    assert (dateline.place, dateline.month, dateline.day, dateline.agency) == ("ISLAMABAD", 2, 4, "APP")
    assert parse_dateline("Both sides agreed: more talks") is None
    assert parse_date_line("Wednesday, 04 February 2026") == dt.date(2026, 2, 4)
    assert parse_date_line("The visit of 4 February 2026") is None
    assert infer_year(2, 4, [], dt.date(2026, 1, 1)) == dt.date(2025, 2, 4)
    assert infer_year(2, 4, [dt.date(2024, 2, 10)], dt.date(2026, 1, 1)) == dt.date(2024, 2, 4)


def test_a_text_dump_with_a_stray_line_of_markup_is_still_text():
    from indexer.clean.htmlpage import looks_like_html

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    ad = '<a href="http://ads.example.com/click?id=1" target="_blank"> <img src="http://ads.example.com/1.gif">'
    dump = "\n".join(["Menu", ad, "Norway and Iceland reopen the quota talks", *story])
    assert not looks_like_html(dump)
    assert extract_article(dump.encode()).body.split("\n\n") == story
    assert not looks_like_html("Use the <p> tag for a paragraph.\nIt is the most common block element.")
    assert looks_like_html("Saved:\n<div>One</div>\n<p>Two</p>")  # tags on most lines
    assert looks_like_html("<p>A fragment</p><p>of markup</p>")
    assert looks_like_html("<?xml version='1.0'?>\n<rss><channel></channel></rss>")
    assert looks_like_html("Saved page\n<html><body><p>Text</p></body></html>")


def test_text_page_a_comment_thread_does_not_outweigh_a_short_story():
    from indexer.clean.textpage import clean_text_page

    story = [
        "Ministers from Norway and Iceland met in Oslo on Monday to discuss fishing quotas in the Atlantic.",
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed.",
    ]
    comment = (
        "I have fished these waters for forty years and I can tell you that none of these ministers has "
        "ever been out on a boat in a winter storm, and the quotas they agree in warm rooms in Oslo do "
        "nothing for the small harbours up the coast, which are emptying year after year."
    )
    thread = ["3 Comments"]
    for n in range(3):
        thread += [f"reader{n} on Sep 21, 4:2{n} PM said:", comment, "Reply", "Flag as Offensive"]
    page = clean_text_page("\n".join(["Norway and Iceland reopen the quota talks", *story, *thread]))
    assert page.paragraphs == story


def test_text_page_a_wire_dateline_starts_the_story():
    from indexer.clean.textpage import clean_text_page

    story = [
        "OSLO (AP) — Ministers from Norway and Iceland met on Monday to discuss fishing quotas at sea.",
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed.",
        "Both delegations said they expected to agree on new shares before the end of the year.",
    ]
    notice = "Welcome to our new article page. Tell us what you think of our new look by taking a survey."
    teasers = ["Most Read", "* Storm closes the harbour in Bergen", "* Ferry fares rise again"]
    page = clean_text_page("\n".join(["Norway and Iceland reopen the quota talks", notice, *teasers, *story]))
    assert page.paragraphs == story and page.title == "Norway and Iceland reopen the quota talks"
    # a capitalised label and a colon is no dateline: the lines above it stay the story's
    labelled = [story[1], "NOTE: The talks will resume in Reykjavik in March, the ministry said on Monday."]
    assert clean_text_page("\n".join([story[2], *labelled])).paragraphs == [story[2], *labelled]


def test_text_page_drops_link_lists_and_what_follows_the_article():
    from indexer.clean.textpage import clean_text_page

    story = [
        "Ministers from Norway and Iceland met in Oslo on Monday to discuss fishing quotas "
        "in the North Atlantic.",
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed.",
        "Both sides agreed on:",
        "Joint surveys",
        "Shared catch data",
        "Annual reviews",
        "Officials said a further round of negotiations would be held in Reykjavik "
        "in the spring of next year, once both coast guards have reported on the surveys.",
    ]
    chrome = ["World", "Europe", "Fisheries", "Markets"]
    comments = ["Comments", "I think this agreement is long overdue and both governments should have acted."]
    page = clean_text_page("\n".join(story[:2] + chrome + story[2:] + comments))
    assert page.paragraphs == story
    assert "Markets" in page.dropped and comments[1] in page.dropped


def test_text_page_teaser_lists_captions_and_end_markers_stay_out():
    from indexer.clean.textpage import clean_text_page

    teasers = [
        f"* Teaser {n}: ministers of a neighbouring state met on Tuesday to discuss the port, "
        "the railway and a new customs post, officials in the capital said."
        for n in range(6)
    ]
    story = [
        "Ministers from Norway and Iceland met in Oslo on Monday to discuss fishing quotas "
        "in the North Atlantic.",
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed.",
        "Officials said a further round of negotiations would be held in Reykjavik in the spring.",
    ]
    caption = "In this Nov. 12, 2025, file photo, the two ministers shake hands in Oslo."
    picks = [
        "Editors' Picks",
        "A long read about the history of the cod wars between the two countries and Britain.",
    ]
    page = clean_text_page("\n".join([*teasers, "Fishing talks", caption, *story, *picks]))
    assert page.paragraphs == story
    assert caption in page.dropped and picks[1] in page.dropped


def test_text_page_teasers_glued_to_their_blurbs_stay_out():
    from indexer.clean.textpage import clean_text_page

    glued = [
        "Customs Union Talks Stall Over Rules Of OriginThe two delegations left Brussels on Friday without "
        "a date for the next round, officials said.",
        "Port Strike Enters Its Third WeekDockworkers in the northern port rejected the latest offer "
        "and said they would stay out until the spring.",
        "Is The Grain Deal Back On?Diplomats in Ankara said a new draft was being passed between the "
        "capitals this week.",
        "Rail Link Set To Carry 250,000The line will carry that many passengers a year between the two "
        "capitals when it opens.",
    ]
    story = [
        "Ministers from Norway and Iceland met in Oslo on Monday to discuss fishing quotas "
        "in the North Atlantic.",
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed.",
        "Officials said a further round of negotiations would be held in Reykjavik in the spring.",
    ]
    # the teasers outweigh the story: read as prose, they would be taken for it
    page = clean_text_page("\n".join([*glued, "Fishing talks resume in Oslo", *story]))
    assert page.paragraphs == story
    assert all(line in page.dropped for line in glued)
    # two lines glued alike are not yet a page's teasers, and a name glues letters the same way
    own = [
        "Speaking To Reporters At The YouTube Summit, the minister said the platforms would be asked to "
        "label state media.",
        *story,
    ]
    page = clean_text_page("\n".join([*glued[:2], "Fishing talks resume in Oslo", *own]))
    assert page.paragraphs[-len(own) :] == own


def ends_article(line: str, before: list[str], after: list[str]) -> bool:
    """Whether `line`, read after the kept lines `before` and followed by `after`, ends the story."""
    from indexer.clean.chrome import StoryEnd

    end = StoryEnd([*before, line, *after])
    for kept in before:
        end.keep(kept)
    return end.ends_at(len(before))


def test_closing_markers_end_the_article_only_after_most_of_it():
    prose = [
        "The talks covered mackerel and herring stocks, which have moved north as the sea has warmed."
    ] * 4
    for marker in (
        "More Great Ledger Stories",
        "View Comments",
        "Like this article?",
        "About the Author: Mira Okafor",
        "Read More News on",
        "Was this article helpful?",
        "Recent Posts",
        "You may also be interested in these stories",
        "Read This Next",
        "ALSO IN THE NEWS",
        "Keep Exploring This Topic.",
        "Article Sources",
        "About the author",
        "Explore More Franchises",
        "Comments",
        "Reviewed by,",
        "A message from Jane Doe, co-founder of The Ledger:",
        "Was this helpful?",
        "Author",
        "Become a paid subscriber to The Ledger to unlock this piece and learn about:",
        "\u00a9 2019 The Ledger. All Rights Reserved. This material may not be published or broadcast.",
        "Thanks for learning with the Ledger Community. Check out our courses.",
        "関連記事",  # Japanese, Chinese and Korean: related articles, further reading
        "相关新闻：",
        "延伸閱讀",
        "관련 기사",
        "Related Topics",
        "Recent Blogs",
        "If you liked this post you might also like:",
    ):
        assert ends_article(marker, prose, prose[:1]), marker
        assert not ends_article(marker, prose[:1], prose), marker  # the story goes on after it
    assert not ends_article("Sources said the talks would resume.", prose, [])
    # a sentence that opens like a marker is the story's own
    assert not ends_article(
        "More from the summit: leaders agreed to meet again. Talks resume in May.", prose, []
    )
    assert not ends_article("Tags: " + ", ".join(["trade", "energy", "fishing", "visas"] * 4), prose, [])
    # a heading over other stories ends it before teasers that outweigh the story, up to twice
    # its length; a heading over comments does not, as readers' comments may be the longer part
    assert ends_article("Read This Next", prose[:2], prose[:3])
    assert ends_article("How Was This Issue?", prose[:2], prose[:3])
    assert not ends_article("Read This Next", prose[:1], prose[:3])
    assert not ends_article("Comments", prose[:2], prose[:3])


def test_landmarks_credits_job_titles_and_short_dates_are_chrome():
    from indexer.clean.chrome import is_chrome

    for line in (
        "Main Content",
        "Skip to table of contents",
        "Continue Reading",
        "Follow",
        "04/19/13",
        "Illustration by Mike Nudelman",
        "Photographs by Jane Doe for The Ledger",
        "CNBC Executive News Editor",
        "Staff Writer",
        "Courtesy G4",
        "Credit: Jane Doe",
        "Like this:",  # a blog's like button
        "Learn more about the Wharton MBA Program",
        "- Credits: NASA/JPL",  # a gallery's list of captions
        "Home › World › Asia",  # a breadcrumb trail
        "Share this content",
        "Above: the harbour at Reykjavik, where the talks opened on Monday.",  # captions
        "Left: the Norwegian minister. Right: her Icelandic counterpart.",
        "Read our full Acme Cam 4 review",
        "Click here to read the minister's full statement.",
        "Do you rely on our reporting? Click here to support it.",
        "On Behalf of Doe Roe PLLC | Apr 21, 2017 | Trade Law",  # a post's meta line
        "Listen to this article in summarized format",  # an audio player's label
        "#ukraine #diplomacy",  # hashtags alone
        "Back to Our Best Border Crossing Picks",  # buttons
        "Let's Get Started",
        "Shop Acme Travel Kits Now",
        "Schedule Your Personalized Demo!",
        "Learn more about border controls in our Schengen series.",  # links to the site's other pages
        "You may also be interested: Best Travel Insurance",
        "Can Also Read: How the Corridor Works",
        "Download and subscribe to the brand new Ledger app to follow the talks.",
        "Ready to explore more? Shop our best travel guides",
        "Find out which ports Norway uses to keep its fish trade flowing.",  # teasers of other pages
        "See which app the ministry uses to track lorries",
        "Check out another guide, the Ledger's map of border crossings.",
        "Take our quick quiz to find the right visa for you.",
        "Are you looking to expand your export business? Try Ledger Trade, a platform for customs forms.",
        "For a detailed overview of the visa process, refer to our Schengen Visa Guide",
        "Do you have an issue with a border agency you could not resolve? If so, we want to help you!",
        "Sign in to save your progress and earn a certificate",
        "The Brief is a weekly newsletter for trade and foreign policy readers.",
        "Check your email to complete signup",  # a newsletter form's
        "By entering your email, you agree to receive Ledger emails, including marketing emails,",
        "Thank you for being part of our community. Read our Comment Policy before posting.",
    ):
        assert is_chrome(line), line
    for line in (
        "Letters to the Editor",
        "The talks continue, reading the treaty line by line.",
        "Follow the money: how the pipeline deal was financed",
        "Video by video, the ministry answered each charge.",
        "The editor of the Dawn, Zaffar Abbas, said the paper would appeal.",
        "Courtesy of the ministry, the letters were published on Monday.",
        "Check your email for the ministry's reply before you sign the form.",
        "Above all, the ministers want a deal before the winter.",
        "editing by hand, and a fair bit of prompting that resulted in a treaty text",  # a line's run-on
        # a link's call whose instructions go on, or a list item's link label, is the page's
        "Click here to download the treaty text. You must sign in with your ministry account first.",
        "Annex 2 - Customs forms: Click Here",
        "The talks | resumed on March 3, 2026 in Geneva after a break of several months",
        "#1 in the rankings: Norway, for the third year running",
        "Back to the negotiating table, the ministers agreed on a date.",
        "Shop owners now face higher tariffs, the ministry said.",
        "Learn more about the treaty, which was signed in our capital in 1990.",
        "See how the new border post looks from the road:",  # a lead-in to what follows
        "Are you looking for a deal? Both ministers said they were, after the talks.",
        "Find out how the ministers voted on Monday, and why the talks failed. The vote was close.",
        "Read our full statement on the review of fishing quotas.",
        "By entering the talks, you agree to nothing, the minister said.",
        "Credit ratings fell sharply on Monday.",
        "Like this",
        "Learn more about the two degree programs offered at ASU Online.",
        "Learn more about these solutions here: Top-rated booking software",
        "If a > b > c, then a > c.",
        "| Country | Exports | Imports | Balance |",  # a table's row
        "The talks began at 0900 GMT and ended at 1400 GMT on Monday.",
        "See https://twitter.com/mofa/status/1 for the ministry's full statement.",
        "An AP/Ipsos poll found that most voters back the transit deal.",
        "On March 3, 2026, the foreign minister said:",
        "- Source: World Bank figures for 2025",
        "- More jobs / funding mean more projects / resources",
        "He said: \u00ab Non \u00bb.",
        "5 minutes later the talks resumed.",
        "Liked by millions of readers, the show returned in May.",
        "Next, the ministers turned to the border.",
        "Next",  # a story's subheading as often as a link
        "Published in Nature, the study found that fish stocks fell.",
        "Published in Science on Monday.",
    ):
        assert not is_chrome(line), line


def test_a_sign_off_ends_the_story():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(5)
    ]
    sign_off = "Jane Doe in Reykjavik contributed to this report."
    teasers = [
        "Here are 10 facts about one of nature's most powerful forces, and what they mean for you.",
        "Get a glimpse of the weather events happening around the world in our photo gallery.",
    ]
    assert clean_text_page("\n".join([*story, sign_off, *teasers])).paragraphs == [*story, sign_off]
    html = html_page(
        "".join(f"<p>{line}</p>" for line in [*story, sign_off]),
        after="".join(f"<p>{t}</p>" for t in teasers),
    )
    assert extract_article(html).body.endswith(sign_off)
    # near the top, a line that reads so ends nothing
    early = clean_text_page("\n".join([story[0], sign_off, *story[1:], *teasers]))
    assert early.paragraphs[-1] == teasers[-1]


def test_a_substack_comment_section_ends_the_story():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(6)
    ]
    comments = [
        "Discussion about this post",
        "CommentsRestacks",
        "Doug Clow",
        "8d",
        "Is there room in your theory for voters being wrong about the quotas they want, in both ways?",
        "Expand full comment",
    ]
    assert clean_text_page("\n".join([*story, *comments])).paragraphs == story


def test_closing_bios_and_credits_are_dropped():
    from indexer.clean.chrome import drop_closing_notes

    story = [
        "Ministers from Norway and Iceland met in Oslo on Monday to discuss fishing quotas.",
        "Ahmed Khan is a senior journalist who was detained in March, his lawyers said, and is still held.",
    ]
    notes = [
        "Mira Okafor is a freelance writer based in Nairobi who covers East African diplomacy.",
        "This story about fishing quotas was written by Jane Doe and produced by The Northern Report.",
        "Lena Berg is a policy writer who's passionate about explaining treaties to readers.",
        "Ola Nordmann is an Associate Professor of Fisheries Law at the University of Tromso.",
        "Rita Lind is a freelance writer living in Tromso. "
        + "She has covered the Arctic for many years. " * 12,
    ]
    dropped: list[str] = []
    assert drop_closing_notes(story + notes, dropped) == story
    assert dropped == notes[::-1]
    assert (
        drop_closing_notes(story, []) == story
    )  # a sentence of the story, even one about a journalist, stays
    # bios of the people a company's blog has write for it, and the name heading one
    bios = [
        "Sam Reed is Acme's Marketing Manager. When not working, you can find him hiking in the Alps.",
        "Lauren Vetter",
        "Lauren Vetter is a growth-focused marketing professional specializing in healthcare technology.",
    ]
    dropped = []
    assert drop_closing_notes(story + bios[:1], dropped) == story and dropped == bios[:1]
    dropped = []
    assert drop_closing_notes(story + bios[1:], dropped) == story and dropped == bios[:0:-1]
    # a closing sentence about an official stays
    official = "Ahmed Khan is the trade ministry's chief negotiator and will lead the next round in May."
    assert drop_closing_notes([story[0], official], []) == [story[0], official]


def test_an_author_bio_ends_the_article_when_most_of_it_is_behind():
    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(6)
    ]
    bio = "Mira Okafor is a freelance writer based in Nairobi who covers East African diplomacy."
    teasers = ["Another story: the best travel insurance for seniors, reviewed by our experts this year."]
    assert ends_article(bio, story, teasers)  # the bio, and the teasers after it, are not the story
    assert not ends_article(bio, story[:1], story[1:])  # a bio near the top is not an end


def test_a_pitch_question_ends_the_article_only_near_its_end():
    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(12)
    ]
    pitch = ["Our lawyers have advised fishing firms on quota law for thirty years. Book a call today."]
    questions = (
        "Looking for advice on fishing quotas?",
        "Need more help?",
        "Do you want to learn more?",
        "Not sure which firm is right for you?",
    )
    for question in questions:
        assert ends_article(question, story, pitch)
        # the same question heading a section of the story, with much of it still to come
        assert not ends_article(question, story[:8], story[8:])
    # a question of the story, a sentence or an item of a list, is not a pitch's
    for line in ("Do they want a deal? Both sides say so.", "- Looking for advice on quotas?"):
        assert not ends_article(line, story, pitch)


def test_a_post_meta_line_on_a_text_page_is_chrome_that_dates_the_page():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    page = clean_text_page("\n".join([story[0], "March 20, 2023 | Fisheries & Trade", *story[1:]]))
    assert page.paragraphs == story and page.date_bar == dt.date(2023, 3, 20)


def test_text_page_story_starts_after_the_byline_below_a_standfirst():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    standfirst = "Quotas have been in dispute since the mackerel moved north, and both sides want a deal."
    page = clean_text_page(
        "\n".join(
            ["Norway and Iceland reopen quota talks", standfirst, "By Mira Okafor | The Ledger", *story]
        )
    )
    assert page.paragraphs == story and page.byline == "Mira Okafor"
    assert standfirst in page.dropped
    caption = "Delegates arrive at the harbour in Reykjavik for the talks, which open on Monday morning."
    page = clean_text_page("\n".join([standfirst, caption, "By Mira Okafor | The Ledger", *story]))
    assert page.paragraphs == story
    # two paragraphs above a date line are the story's opening, not a standfirst
    page = clean_text_page("\n".join([*story[:2], "Posted on 3 February 2026", *story[2:]]))
    assert page.paragraphs == story


def test_two_closings_in_a_row_end_the_article_before_long_teasers():

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    teasers = [
        f"Teaser {n}: the best travel insurance for seniors, reviewed by our experts this year."
        for n in range(6)
    ]
    bio = "Mira Okafor is a freelance writer based in Nairobi who covers East African diplomacy."
    assert ends_article(bio, story, ["Want more stories like this?", *teasers])
    assert not ends_article(bio, story, teasers)  # one closing alone must have most of the prose behind it
    assert not ends_article(bio, story[:1], ["Related stories", *teasers])  # too little story before


def test_text_page_headline_is_the_one_nearest_the_story():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    headline = "Norway and Iceland reopen the fishing quota talks"
    menu = ["World News Today", "Europe and Nordic Affairs", "Trade and Energy Desk", "World News Today"]
    byline = "By Mira Okafor Published: February 3, 2026"
    page = clean_text_page("\n".join([*menu, headline, byline, *story]))
    assert page.title == headline  # not a menu line, even a repeated one; not the byline under it
    assert page.paragraphs == story
    assert page.date_bar == dt.date(2026, 2, 3)  # the date the byline line gives
    assert page.byline == "Mira Okafor"  # and the name, without the label and date after it
    # a headline the page repeats wins over other lines near the story
    page = clean_text_page(
        "\n".join([headline, "Talks open in Oslo after a year of disputes", headline, *story])
    )
    assert page.title == headline and page.dropped.count(headline) == 1
    # a headline the story's opening speaks of wins over a promotion nearer the story
    about = "Norway and Iceland ministers discuss fishing in Oslo"
    page = clean_text_page("\n".join([about, "Book your free lesson with a tutor today", *story]))
    assert page.title == about
    # with none whose words the opening mostly uses, the one it uses most (half, at least)
    partly = "Norway and Iceland set fishing limits for the season"  # 3 of its 5 words
    page = clean_text_page("\n".join([partly, "Explore the platform we built", *story]))
    assert page.title == partly
    # ... but not a table of contents' entry, which the story repeats as its subheading
    entry = "Quotas for fishing"
    page = clean_text_page("\n".join([headline, entry, *story[:2], entry, *story[2:]]))
    assert page.title == headline and entry in page.paragraphs


def test_text_page_date_from_a_head_line_that_gives_one():
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    head = [
        "Norway and Iceland reopen the fishing quota talks",
        "Updated Feb 4, 2026, 9:41 AM; Posted Feb 3, 2026",
    ]
    page = clean_text_page("\n".join([*head, *story]))
    assert page.date_bar == dt.date(2026, 2, 3)  # the publication, not the update
    page = clean_text_page("\n".join([*head, "5 February 2026", *story]))
    assert page.date_bar == dt.date(2026, 2, 5)  # a date bar of its own comes first
    # a byline line inside the run of prose is the byline, not a paragraph
    page = clean_text_page("\n".join([*story[:3], "By Mira Okafor", *story[3:]]))
    assert page.byline == "Mira Okafor" and page.paragraphs == story
    for heading in ("By Region", "Author: Mira Okafor"):  # a heading, a book review's fact line
        page = clean_text_page("\n".join([*story[:3], heading, *story[3:]]))
        assert heading in page.paragraphs and page.byline is None, heading


def test_bylines_are_cleaned_of_dates_and_labels_and_junk_is_no_byline():
    from indexer.clean.bylines import clean_byline

    assert clean_byline("Aigerim Nurlanova December") == "Aigerim Nurlanova"
    assert clean_byline("Aigerim Nurlanova Last Updated August 1") == "Aigerim Nurlanova"
    assert (
        clean_byline("Aigerim Nurlanova; Correspondent; On December 9") == "Aigerim Nurlanova; Correspondent"
    )
    assert clean_byline("Tom May") == "Tom May"  # a month that is also a name stays
    assert clean_byline("Mira Okafor , Jon Roe") == "Mira Okafor, Jon Roe"  # a dump's space before a comma
    assert clean_byline("Jeff Cobb.") == "Jeff Cobb"  # the byline's own full stop
    assert clean_byline("Jon Roe Jr.") == "Jon Roe Jr."
    for junk in ("August", "Dec", "The Author", "\u00a9; Conditions Privacy Policy", "", None):
        assert clean_byline(junk) is None, junk


def test_text_page_bylines_in_their_many_forms():
    from indexer.clean.bylines import name_before_date
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: ministers from Norway and Iceland met in Oslo to discuss fishing quotas."
        for n in range(4)
    ]
    headline = "Norway and Iceland reopen the fishing quota talks"
    for line, name in (
        ("* By Mira Okafor", "Mira Okafor"),  # a list item
        ("By: Mira Okafor", "Mira Okafor"),
        ("Text by Mira Okafor", "Mira Okafor"),
        ("Mira Okafor | February 3, 2026", "Mira Okafor"),  # a name, then the date
        ("Mira Okafor \u2022 Feb 3, 2026", "Mira Okafor"),
        ("* By Region", None),  # a menu's item
    ):
        page = clean_text_page("\n".join([headline, line, *story]))
        assert page.byline == name, line
    # the author's name over a job title, above the story or inside its run of prose
    for lines in (
        [headline, "Mira Okafor", "Senior Diplomatic Correspondent", *story],
        [*story[:2], "Mira Okafor", "Staff Writer", *story[2:]],
    ):
        page = clean_text_page("\n".join(lines))
        assert page.byline == "Mira Okafor" and "Mira Okafor" not in page.paragraphs
        assert "Staff Writer" not in page.paragraphs and len(page.paragraphs) == 4
    assert clean_text_page("\n".join([*story[:2], "Letters to the Editor", *story[2:]])).byline is None
    assert clean_text_page("\n".join([headline, "Mira Okafor | Feb 3, 2026", *story])).date_bar == dt.date(
        2026, 2, 3
    )
    # a byline that goes on with its date, under a standfirst or inside the story, names and dates it
    dated = "By Mira Okafor , Jon Roe on Monday, February 2nd, 2026 at 11:08 a.m."
    standfirst = "Quotas have been in dispute since the mackerel moved north, and both sides want a deal."
    for lines in ([headline, standfirst, dated, *story], [*story[:3], dated, *story[3:]]):
        page = clean_text_page("\n".join(lines))
        assert page.paragraphs == story and dated in page.dropped
        assert (page.byline, page.date_bar) == ("Mira Okafor , Jon Roe", dt.date(2026, 2, 2))
    # ... but a sentence that opens with "By" and a date is the story's
    for sentence in ("By March 3, 2026, the ministry will publish the list.", "By Tuesday, talks had ended."):
        assert clean_text_page("\n".join([*story[:2], sentence, *story[2:]])).paragraphs[2] == sentence
    # a labelled byline wins over a name before a date (other stories' bylines, in a list)
    page = clean_text_page("\n".join(["Jon Roe | March 1, 2026", headline, "By Mira Okafor", *story]))
    assert page.byline == "Mira Okafor"
    for line in (
        "Updated | March 3, 2026",
        "Buying Guides \u00b7 10 min read",
        "Almost Timely News: AI (2025-09-21)",
    ):
        assert name_before_date(line) is None, line


def test_text_page_reads_chinese_and_japanese_prose():
    from indexer.clean.lines import is_paragraph
    from indexer.clean.textpage import clean_text_page

    prose = "先日、不正に改造した端末を販売したとして、商標法違反の疑いで男性が逮捕されました。"
    assert is_paragraph(prose) and not is_paragraph("商標登録の基礎知識")
    menu = ["* 商標登録の基礎知識", "* サービスのご案内", "* お客様の声", "* ブログ"]
    page = clean_text_page("\n".join([*menu, prose, prose.replace("先日", "昨日")]))
    assert page.paragraphs == [prose, prose.replace("先日", "昨日")]


def test_countries_and_people_on_the_seeds():
    for path in SEEDS:
        article = extract(path)
        assert article.primary_countries == ["PK", "KZ"], path.name
        names = [person.name for person in article.people]
        assert "Kassym-Jomart Tokayev" in names and "Shehbaz Sharif" in names, path.name
        assert not any("’s" in name or "'s" in name for name in names)


def test_country_forms_and_people_resolution():
    from indexer.enrich.entities import find_countries, find_people

    text = (
        "Islamabad offered Kazakh traders access to its ports. Pakistan’s Prime Minister Muhammad Shehbaz "
        "Sharif met Kazakh President Kassym-Jomart Tokayev. Later Tokayev said South Sudan and Sudan "
        "would be invited. The Kazakh President thanked Sharif."
    )
    mentioned, primary = find_countries("Kazakhstan and Pakistan sign pact", text)
    assert primary[:2] == ["KZ", "PK"] and {"SS", "SD"} <= set(mentioned)
    # one passing mention deep in a long story does not make it a story about that country
    long_story = "The search company hired its first engineers in a garage in California. " * 8
    passing = long_story + "Tesla, a Serbian immigrant born in 1856, invented the way we use electricity."
    assert find_countries("How the search engine was built", passing) == (["RS"], [])
    assert find_countries("", "BELGRADE - Officials met on Monday.")[1] == ["RS"]  # in the lede
    people = find_people("", text)
    assert [(p.name, p.role, p.country) for p in people] == [
        ("Shehbaz Sharif", "Prime Minister", "PK"),  # a known variant, merged
        ("Kassym-Jomart Tokayev", "President", "KZ"),
    ]
    # a word after a title is no name when the text also writes it in lower case (a flattened table)
    table = "Plans: Basic Plus Premier Cost $642 $845. The cost of cover rose. President Tokayev spoke."
    assert [p.name for p in find_people("", table)] == ["Tokayev"]
    # places and prizes after a title are no people; a name ends at its possessive
    places = (
        "Talks were held at the King Abdullah Financial District and at General Hospital. Prime Minister "
        "Bettino Craxi's Socialist Party won the Governor General's Award."
    )
    assert [p.name for p in find_people("", places)] == ["Bettino Craxi"]


def test_promotion_rules_spare_ordinary_sentences():
    from indexer.clean.chrome import is_chrome

    for sentence in (
        "Investors can subscribe to the new shares until Friday, the finance ministry said.",
        "Shareholders may receive a share of the proceeds under the agreement.",
        "The newsletter of the central bank said inflation would ease.",
        "Both countries will sign up to the convention next year.",
        "Turkey will join the talks on Monday, and other states may follow on Tuesday.",
        "Ministers agreed to follow the roadmap and join the mailing of ballots abroad.",
        "Q3 2019 revenue of $3.50 a share",
        "Published reports say the talks failed.",
        "By the numbers",
        "We earn more from exports than imports, the minister said.",
        "Updated figures show trade rose 12% in 2025.",
        "The meeting began at 10:30 on 4 February 2026 in Islamabad and lasted for three hours.",
        "Citizens in need of help can call the embassy, phone: +92 51 2345678, at any hour.",
        "The memoir was published by Penguin and tops the category of political books.",
        "A well-to-do family",
        "Starting with gentle breaths can help you relax, center, and quiet the mind.",
        "The envoys turned left, and the motorcade followed them to the palace.",
        "Regulators say the website uses cookies to track users across borders, the commission said.",
        "1 of 4 children in the region lacks clean water, the agency said.",
        "Also on the agenda were visas and transit.",
        "Marketing cookies are what the bakery sells most before the holidays.",
        "Iceland has no plan to join the European Community, its foreign minister said on Monday.",
        "Readers were asked to share this on social media, the ministry said in a statement.",
        "Facebook and Twitter removed the posts, the foreign ministry said.",
        "Select committee members will question the envoy about the country's trade deal.",
        "Thanks for reading the report, the minister told parliament, before asking members to share it.",
        "Reach the border by noon, the envoy told the convoy, and wait there for the talks to end.",
        "Advertisement revenue of state broadcasters fell 10% last year.",
        "Learn more about the treaty, the minister urged the students.",
        "Get started on the pipeline, the two presidents told their engineers.",
        "Share your story with the commission, the envoy urged the survivors.",
        "Aid was delivered to the border crossing on Monday, the agency said.",
        "Click to share, the campaign told voters, and the video spread overnight.",
        "Thanks for the warm welcome, the minister told his hosts in Astana.",
        "Enjoyed this piece of news, the minister asked?",
        "Events this week: talks, panels and a reception. Fill out the form to register.",
        "Both sides agree to the terms of the ceasefire, the envoy said on Monday.",
        "Email: the ministry's statement said the talks would resume in May.",
        "Accessibility of the border crossing for lorries was the main topic.",
        "Talks resumed 3 days ago.",
        "Support for the treaty grew in both parliaments, the envoy said.",
        "Moscow would have to become a member of the fund first, diplomats said.",
        "Japan said it would make a donation to the relief fund and urged others to donate now.",
        "{{ person }}",
        "The debate's moderator cut off the candidates' comments after two minutes, viewers said.",
        "Officials urged moderation in comments on the border dispute.",
        "By signing the treaty, both countries agree to cut tariffs on grain, the minister said.",
        "Subscribe to the view, the envoy said, and the talks will go nowhere.",
        "(Adding to the pressure, the ministry summoned the ambassador on Monday.)",
    ):
        assert not is_chrome(sentence), sentence
    for line in (
        "Sign up for our daily newsletter",
        "If you buy something through this post, we may get a share of the sale.",
        "Reporting by Jane Doe; Editing by John Roe",
        "CLICK HERE TO GET THE LEDGER NEWS APP",
        "Follow me on instagram: @somebody",
        "Join our mailing list! Get a newsletter when an episode is published",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "*************************",
        "terça-feira, 3 de fevereiro de 2026 às 9:15",
        "Published Tuesday, February 3, 2026 9:15AM CET",
        "Published on: March 2, 2026",
        "19/12/2025",
        "Table of Contents",
        "by Jacob Trussell\u201410 min read",
        "Dec 18, 2025 \u22c5 10 min read",
        "March 15, 2022 \u00b7 3 min read \u00b7 By ASU Online",
        "Jan Novak/AFP via Getty Images",
        "We earn commissions from links on this page, which pay for our travel reviews.",
        "12/02/2026 - Publicado por: Ana Souza - Categoria: Mundo - Tags: diplomacia",
        "Posted by Ann Lee in Category: World, Tags: trade",
        "Advertisement: The Ledger's Central Asia Forum, 31 October",
        "Learn More",
        "Get started today",
        "SHARE YOUR STORY",
        "Get the best of The Ledger delivered to your inbox weekly",
        "* Click to share on X (Opens in new window) X",
        "Search for:",
        "Showmenu",
        "Get Your Copy Today",
        "Subscribe below and stay updated with the latest guides and industry insights.",
        '{{hire-engineers="/case-banners/hire-engineers"}}',
        "Bras\u00edlia - DF - Rua Central, 10 - 70000-000 - Caixa Postal 12 - Fone: (061) 3333-0000",
        "wide-screen-and-tablet",
        "By",
        "Text size",
        "Foreign Minister Ana Souza, left, greets her Kazakh counterpart in Astana, Feb. 3, 2026.",
        "Delegates leave the summit hall after the talks. Photograph by Jan Novak/AFP/Getty Images",
        "Flags line the avenue before the state visit. | Photo by Jan Novak",
        "Photo by Jan Novak on Unsplash",
        "Get the briefing in your inbox. Subscribe to Ledger.com\u2019s newsletters.",
        "3 of 4 Delegates arrive at the summit venue in Astana, Tuesday, Feb. 3, 2026.",
        "Also on ledger.com Envoys trade barbs as the border talks stall again",
        "This website uses cookies to remember your settings and to count visits to each page. " * 3,
        "Manage consent",
        "Functional cookies help to share the content of this website on social media platforms.",
        "Necessary cookies are required for the search and login on this site to work.",
        "Other uncategorized cookies are those that are being analyzed and have not been classified.",
        "Fill out the form to get a copy of our ebook.",
        "Note: Some posts may contain affiliate links. Read more in our Privacy Policy.",
        "As an Amazon Associate we earn from qualifying purchases.",
        "and agree to our Terms & Conditions and Privacy Policy.",
        "Email: press@ledger.example",
        "1 hour ago",
        "Support Snopes so we continue to pursue the facts for you.",
        "Learn moreOpens in new window",
        "Table of Contents Show",
        "The Ledger is a reader-supported publication. To receive new posts, subscribe.",
        "Help us keep reporting from the border. Donate today",
        "A Word to Our Loyal Readers",
        "Updated 3 days ago",
        "\u2014 Accessibility",
        "Share this on WhatsApp",
        "Sign up for The Morning Ledger today to get the free daily newsletter in your inbox.",
        "Join our Diplomacy Forums to keep talking about the summit!",
        "Request Reprint & Licensing, Submit Correction or view Editorial Guidelines",
        "Need more news? Subscribe to our sister title Ledger Weekly Magazine for the latest.",
        "Facebook X LinkedIn WhatsApp Email",
        "Share this page to Facebook Share this page to X Share this page via Email Copy link",
        "This field is for validation purposes only.",
        "Select Country United States Canada Afghanistan Albania Algeria",
        "Print This Page Click to Print",
        "Add as a Reliable and Trusted News Source",
        "Connect With Us!",
        "GET THE NEWSLETTER",
        "Contact Us",
        "Thanks for reading The Ledger! Subscribe for free to receive new posts and support my work.",
        "Our Standards: The Ledger Trust Principles.",
        "Reach the reporters on Twitter at http://twitter.com/example and http://twitter.com/example2",
        "This copy is for your personal use only; sharing it needs The Ledger's written permission.",
        "Follow @LedgerNews on Twitter to keep up with the latest from the summit. Prices may change.",
        "Subscribe to LedgerTV on YouTube for more diplomatic news:",
        "Your privacy is important to us. We have updated our privacy policy to explain how we use data.",
        "Follow The Ledger on",
        "Give Feedback",
        "RELATED READING: Envoys trade barbs as the border talks stall",
        "READ: How the quota talks began",
        "Opens in a new window",
        "Was this newsletter forwarded to you? Sign up to get it in your inbox.",
        "Comments are moderated and will appear once approved.",
        "ATENÇÃO: Comentários ofensivos ou sem relação com a notícia não serão aprovados pelo moderador.",
        "By clicking Get Started below, I consent to receive marketing e-mails and calls from The Ledger.",
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Subscribe to The Ledger Daily, a free newsletter with the day's diplomatic news.",
        "By submitting my email address, I certify that I am 16 or older and agree to receive e-mails.",
        "If you buy a product featured here, we may earn an affiliate commission.",
        "Jane Doe has no position in any of the stocks mentioned. The Ledger has a disclosure policy.",
        "(Adds minister's comments in paragraph 5)",
        "(Corrects 10th paragraph to show the talks resume in May, not June.)",
    ):
        assert is_chrome(line), line


def test_an_xml_feed_read_as_a_page_raises_no_parser_warning():
    # pytest turns warnings into errors: bs4 warns when its HTML parser reads XML
    items = "".join(
        f"<item><title>Talks, day {n}</title><description>Envoys of Kazakhstan and Pakistan met"
        f" again on day {n} of the talks on the transit route, officials said.</description></item>"
        for n in range(3)
    )
    channel = f"<channel><title>The Ledger</title>{items}</channel>"
    feed = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">{channel}</rss>'
    article = extract_article(feed.encode())
    assert "transit route" in article.body


def test_a_text_dump_quoting_a_whole_html_document_is_read_as_text(tmp_path):
    quoted = (
        b"How to start a web page\n\n"
        b"A reader asked how the smallest valid web page looks. This is the whole file, which you can "
        b"paste into an editor and open in a browser:\n\n"
        b"<!DOCTYPE html>\n<html><head><title>Hello</title></head>\n"
        b"<body><p>Hello, world.</p></body></html>\n\n"
        b"Save it with the ending .html and the browser shows one line of text.\n"
    )
    as_text = extract_article(quoted, source=str(tmp_path / "page.txt"))
    assert as_text.kind == "text" and as_text.title == "How to start a web page"
    assert "<!DOCTYPE html>" in as_text.body and "Save it with the ending" in as_text.body
    assert (
        extract_article(quoted, source=str(tmp_path / "page.html")).kind == "html"
    )  # a page file is sniffed
