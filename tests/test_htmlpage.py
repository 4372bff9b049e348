"""The HTML path: trafilatura's text repaired, titles, tags, split bodies, the fallback to visible text."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.article import extract_article
from indexer.errors import DipnewsError
from tests.conftest import INGEST_DAY, html_page


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


BRIEF = (
    "<p>ISLAMABAD, Feb 4 (APP): Pakistan and Kazakhstan signed an agreement on road transport on Wednesday, "
    "officials said after the ceremony in the capital.</p><p>The agreement lets lorries of both countries "
    "cross through Afghanistan and Uzbekistan under one customs regime.</p>"
)


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


def test_a_page_laid_out_in_a_table_reads_as_paragraphs():
    # an older site: the menu in one cell, the story (headline, paragraphs, a data table) in the next
    releases = "".join(
        f"<tr><td>{number}</td><td>{month} 2014</td></tr>"
        for number, month in (("4.2", "April"), ("4.3", "July"))
    )
    figures = f"<table><tr><th>Release</th><th>Date</th></tr>{releases}</table>"
    story = f"<h2>Arduino fight over the name</h2>{BRIEF * 2}{figures}{BRIEF}"
    menu = "<a href='/'>Front page</a><br><a href='/k'>Kernel</a>"
    layout = f"<table><tr><td>{menu}</td><td>{story}</td></tr></table>"
    article = extract_article(f"<html><body>{layout}</body></html>".encode())
    paragraphs = article.body.split("\n\n")
    # each of the story's paragraphs is one of the body's, not a cell of one row of thousands of words
    assert any(
        paragraph.startswith("ISLAMABAD") and paragraph.endswith("capital.") for paragraph in paragraphs
    )
    assert not any(paragraph.startswith("| ") and "ISLAMABAD" in paragraph for paragraph in paragraphs)
    assert "| 4.3 | July 2014 |" in paragraphs  # the data table inside the story stays a table
    # a data table whose column names are set as headings is still data: its rows stay rows
    ratings = "".join(
        f"<tr><td><strong>{name}</strong></td><td>{score}/5</td><td>{note}</td></tr>"
        for name, score, note in (("Astana", 4.4, "Fast and cheap"), ("Karachi", 3.1, "Slow at the border"))
    )
    names = "".join(f"<td><h3>{name}</h3></td>" for name in ("Port", "Rating", "Summary"))
    graded = f"<table><tr>{names}</tr>{ratings}</table>"
    body = extract_article(html_page(BRIEF + graded + BRIEF)).body
    assert "| Astana | 4.4/5 | Fast and cheap |" in body.split("\n\n")


def test_a_formula_in_a_sentence_is_read_as_its_text():
    tex = "<annotation encoding='application/x-tex'>{\\displaystyle q\\geq 3}</annotation>"
    quota = f"<math><semantics><mrow><mi>q</mi><mo>&#8805;</mo><mn>3</mn></mrow>{tex}</semantics></math>"
    sentence = (
        f"<p>The treaty sets a quota {quota} for each state, and the ministers signed it on Monday.</p>"
    )
    body = extract_article(html_page(BRIEF + sentence + BRIEF)).body
    assert "The treaty sets a quota q \u2265 3 for each state, and the ministers signed it on Monday." in body
    assert "displaystyle" not in body  # the TeX source shipped beside the formula is no text of the page


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


def test_empty_article_is_refused():
    with pytest.raises(DipnewsError, match="No article text"):
        extract_article(b"<html><body><nav>Home</nav></body></html>")


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


def test_a_first_paragraph_that_says_the_title_stays_unless_it_is_the_headline():
    lead = "Pakistan and Kazakhstan agree to double trade within a year."
    rest = (
        "<p>The foreign ministers met in Astana on Tuesday to review the transport corridor agreement "
        "and the customs regime for lorries of both countries.</p>"
        "<p>Officials said the next round of talks would be held in Islamabad in the spring.</p>"
    )
    # the page's title is its first sentence, printed as a paragraph: text of the story
    page = (
        f"<html><head><title>{lead}</title></head><body><article><p>{lead}</p>{rest}</article></body></html>"
    )
    article = extract_article(page.encode())
    assert article.title == lead and article.body.startswith(lead)
    # a headline set in a <p> (no full stop) and repeated as the <h1> is the headline, not text
    headline = "Pakistan and Kazakhstan agree to double trade"
    page = (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{headline}</p>{rest}</article></body></html>"
    )
    article = extract_article(page.encode())
    assert article.title == headline and article.body.startswith("The foreign ministers")


def test_a_console_block_is_kept_as_written():
    # psql output: its rule line and a "name | date" row read like chrome anywhere else
    page = (
        "<html><head><title>The treaty database</title></head><body><article><h1>The treaty database</h1>"
        "<p>The foreign ministry published its treaty database this week, and researchers can now "
        "query every agreement signed since 1947 with plain SQL.</p>"
        "<pre>  title            | signed_on\n-------------------+------------\n"
        " Transit agreement | 2024-05-02\n(1 row)</pre>"
        "<p>Researchers welcomed the release, saying it would make comparisons across decades easier.</p>"
        "</article></body></html>"
    )
    body = extract_article(page.encode()).body.split("\n\n")
    assert "-------------------+------------" in body and "Transit agreement | 2024-05-02" in body
    assert body[-1].startswith("Researchers welcomed")


def test_what_the_page_hides_is_not_text_but_a_story_react_streams_in_hidden_parts_is():
    shown = "".join(
        f"<p>Paragraph {i} of the story says the two countries signed a road transport deal in Islamabad "
        "on Monday, opening a corridor for trucks through Afghanistan.</p>"
        for i in range(3)
    )
    prose = "of the page says the ministers of both countries met in Islamabad to discuss the corridor."
    hidden = (
        f"<p style='display: none'>A hidden paragraph {prose}</p>"
        f"<div hidden><p>A second hidden paragraph {prose}</p></div>"
        f"<p style='color: red; visibility:hidden'>An invisible paragraph {prose}</p>"
    )
    body = extract_article(html_page(shown + hidden)).body
    assert "Paragraph 2" in body and "hidden" not in body and "invisible" not in body
    streamed = "".join(
        f"<div hidden id='S:{i}'>{shown.replace('Paragraph', f'Part {i} paragraph')}</div>" for i in range(3)
    )
    body = extract_article(html_page("<p>The story is streamed below.</p>", streamed)).body
    assert "Part 2 paragraph 2" in body


def test_a_paragraph_the_page_repeats_is_kept_as_often_as_the_page_has_it():
    refrain = "We shall not rest until the road from Islamabad to Almaty is open to every truck and trader."
    story = (
        "<p>The ministers of both countries signed the road transport deal in Islamabad on Monday.</p>"
        f"<p>{refrain}</p><p>{refrain}</p>"
        "<p>The corridor runs through Afghanistan and Uzbekistan and is due to open next spring.</p>"
        f"<h2>Elsewhere</h2><p>{refrain}</p>"
    )
    body = extract_article(html_page(story)).body
    assert body.count(refrain) == 3  # twice in a row, and once again under the subheading
