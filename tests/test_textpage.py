"""Plain-text dumps of news pages (indexer/clean/textpage.py)."""

from __future__ import annotations

import datetime as dt

from indexer.article import extract_article
from tests.conftest import html_page


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


def test_code_and_console_output_inside_a_story_keep_it_whole():
    prose = "Anomaly detection in a series of numbers starts with a reasonable value and a deviation from it."
    query = "\n\n".join(
        [
            "SELECT avg(n), stddev(n)",
            "FROM unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n;",
            "avg │ stddev",
            "────────────────────┼────────────────────",
            "4.3333333333333333 │ 3.0822070014844882",
        ]
        * 4
    )
    text = (
        "Simple Anomaly Detection Using Plain SQL\n\n"
        + "\n\n".join(f"{prose} Part {i} of the method explains the first step." for i in range(3))
        + f"\n\n{query}\n\n"
        + "\n\n".join(f"{prose} Part {i} of the method explains the next step." for i in range(3, 6))
    )
    body = extract_article(text.encode(), source="anomalies.txt").body
    assert "Part 0 of the method" in body and "Part 5 of the method" in body  # prose on both sides
    assert "FROM unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n;" in body


def test_a_story_that_ends_on_a_short_sentence_keeps_it():
    from indexer.clean.textpage import clean_text_page

    story = [
        "Out of the spotlight, bilateral discussions continued on Friday between the Israeli and "
        "Palestinian leaders at the United Nations.",
        "Israeli Prime Minister Ehud Barak had a brief encounter with Yasser Arafat, urging him to reach "
        "a peace agreement before time runs out.",
        "Arafat was unresponsive, Barak said.",
    ]
    page = clean_text_page("\n".join([*story, "Share this", "Follow us on Twitter"]))
    assert page.paragraphs == story
    assert "Share this" in page.dropped


def test_a_list_the_storys_last_sentence_introduces_is_kept():
    from indexer.clean.textpage import clean_text_page

    prose = [
        f"Paragraph {n}: the president recalled every ambassador posted abroad, the ministry said on Monday."
        for n in range(3)
    ]
    listed = [
        "To date, the president has appointed three new ambassadors:",
        "United Nations: Nikki Haley (a former governor)",
        "China: Terry Branstad (a former governor)",
        "Anne Writer",
    ]
    page = clean_text_page("\n\n".join(["Envoys recalled", *prose, *listed]))
    assert page.paragraphs[-3:] == listed[:3]  # the lead-in and its entries; the sign-off is none
    assert "Anne Writer" not in page.paragraphs


def test_a_captures_date_stamp_before_the_first_line_dates_the_page_and_leaves_the_text():
    story = (
        " date 2021-08-03 Rwanda and Tanzania on August 2, signed four bilateral agreements during a visit.\n"
        "On the first day of the visit, the two leaders held one-on-one talks followed by bilateral talks.\n"
    )
    article = extract_article(story.encode(), source="visit.txt")
    assert article.date == dt.date(2021, 8, 3)
    assert article.body.startswith("Rwanda and Tanzania on August 2")  # the stamp is no word of the story
    agreement = next(e for e in article.events if e.type == "agreement")
    assert agreement.date == "2021-08-02"  # the day the text gives, not the stamp's


def test_a_sentence_the_dump_wrapped_after_a_comma_is_read_whole():
    from indexer.clean.textpage import clean_text_page

    story = [
        "By IANS,",
        "Santiago, 5 November 2022 (TDI): The Minister of Foreign Affairs of Chile, Antonia Urrejola "
        "participated in the reception along with the Chilean President,",
        "Gabriel Boric.",
        "A reception was organized for new Ambassadors accredited to Chile, who came from five countries.",
    ]
    page = clean_text_page("\n".join(story))
    assert page.paragraphs[0].endswith("the Chilean President, Gabriel Boric.")
    assert page.byline == "IANS"  # a byline's comma joins nothing


def test_a_story_wrapped_at_a_fixed_width_is_read_in_whole_sentences():
    from indexer.clean.textpage import clean_text_page

    story = [
        "Tanzania condemns the attack in Kunming",
        "“I have received with great shock and sadness, the devastating news",
        "on the terrorist attack that occurred at the square and ticket hall of",
        "the Railway Station of Kunming, killing at least 28 civilians.”",
        "He said the Tanzania government strongly condemns the attacks and",
        "calls for the perpetrators to be brought to justice to face the crimes",
        "committed, and conveyed condolences on behalf of the",
        "Government and People of Tanzania to the people of China.",
    ]
    page = clean_text_page("\n".join(story))
    assert page.paragraphs == [
        "“I have received with great shock and sadness, the devastating news on the terrorist attack "
        "that occurred at the square and ticket hall of the Railway Station of Kunming, killing at least "
        "28 civilians.”",
        "He said the Tanzania government strongly condemns the attacks and calls for the perpetrators to "
        "be brought to justice to face the crimes committed, and conveyed condolences on behalf of the "
        "Government and People of Tanzania to the people of China.",
    ]


def test_headings_and_code_are_not_joined_to_the_lower_case_line_after_them():
    from indexer.clean.dumplines import join_wrapped

    lines = [
        "Video Production Process: Complete Guide for 2025",
        "by Jacob Trussell and the editors of the studio blog.",
        "const handleAddTodo = () => {",
        "if (input.trim() !== '') { setTodos([...todos, input]); }",
        "The ministers met in Nairobi on Tuesday and discussed trade,",
        "security and the border, the ministry said.",
    ]
    assert join_wrapped(lines) == [
        *lines[:4],
        "The ministers met in Nairobi on Tuesday and discussed trade, security and the border, "
        "the ministry said.",
    ]


def test_the_headline_the_pages_title_repeats_with_its_sites_name_and_a_cookie_consent_go():
    page = (
        "How the two councils adopt their rules - Consilium\n"
        "archived 9 Oct 2024 07:16:26 UTC\n"
        "With your permission, we will use AT internet and Hotjar cookies to produce aggregated, anonymous "
        "data about our visitors' browsing and behaviour on our website.\n"
        "To get more information about these cookies, how and why we use them and how you can change your "
        "settings, check our cookies policy page\n"
        "European Council Council of the European Union\n"
        "How the two councils adopt their rules\n"
        "Rules of the European Council and of the Council of the European Union are adopted by the two "
        "councils, each by its own vote, after the legal service of the council has read them.\n"
        "The Council of the European Union publishes its rules in the Official Journal of the Union.\n"
    )
    article = extract_article(page.encode(), source="rules.txt")
    assert article.title == "How the two councils adopt their rules"  # not the site's name over it
    assert "cookies" not in article.body


def test_the_sites_date_of_today_over_the_headline_gives_way_to_the_date_under_it():
    story = (
        "Ministers of Norway and Iceland met in Oslo to discuss fishing quotas for the coming season.\n"
        "The two sides agreed to meet again in Reykjavik, the ministry said in a statement.\n"
    )
    page = "Monday, December 29, 2025\nInternational\n\nQuota Talks Held In Oslo\n\n"
    page += "IANS, 09 Jan, 2019 01:49 AM\n\n"
    assert extract_article((page + story).encode(), source="talks.txt").date == dt.date(2019, 1, 9)
    # a date over the headline stays when the one under it is later (an update, not the site's today)
    page = "March 3, 2025\n\nQuota Talks Held In Oslo\n\nUpdated: March 5, 2025\n\n"
    assert extract_article((page + story).encode(), source="talks.txt").date == dt.date(2025, 3, 3)


def test_a_communiques_lead_paragraph_and_numbered_paragraphs_are_the_story():
    from indexer.clean.textpage import clean_text_page

    lead = (
        "The Presidents of Brazil, Michel Temer, and of Paraguay, Horacio Cartes, and the high-ranking"
        " authorities of the Associate States, gathered in Asuncion on 18 June 2018, on the occasion of the"
        " 52nd Summit:"
    )
    items = [
        f"{n}. Reaffirmed their commitment to deepen regional integration in order to contribute to economic"
        f" development and social inclusion in their territories, point {n};"
        for n in range(1, 6)
    ]
    page = clean_text_page(
        "\n\n".join(["Joint Communique of the Presidents", "Monday, 18 June 2018", lead, *items])
    )
    assert page.title == "Joint Communique of the Presidents"
    assert page.paragraphs == [lead, *items]  # the lead-in and every numbered paragraph, not the first alone


def test_a_numbered_teaser_list_after_the_story_stays_out():
    from indexer.clean.textpage import clean_text_page

    prose = [
        f"Paragraph {n}: the two foreign ministers met in Hanoi to discuss trade, the ministry said today."
        for n in range(3)
    ]
    teasers = [
        f"{n}. Read next: a long headline of another story about ministers and their trade talks abroad."
        for n in range(1, 4)
    ]
    page = clean_text_page("\n\n".join(["Ministers meet", *prose, *teasers]))
    assert page.paragraphs == prose  # no sentence introduces these items: they are not the story's


def test_a_lede_that_only_introduces_what_follows_gives_no_title():
    story = (
        "Washington, DC (STL.News) – The US Department of State released the following statement:\n\n"
        "The below is attributable to Spokesperson Morgan Ortagus:\n\n"
        "Secretary of State Michael R. Pompeo met with EU High Representative Josep Borrell today in"
        " Washington. They discussed trade relations and the ceasefire in Libya.\n"
    )
    article = extract_article(story.encode(), source="readout.txt")
    assert article.body.startswith("Washington, DC (STL.News) – The US Department of State released")
    assert article.title.startswith("Secretary of State Michael R. Pompeo met with")


def test_a_shortcode_or_a_posted_time_is_no_headline():
    from indexer.clean.textpage import clean_text_page

    prose = [
        f"Paragraph {n}: on December 7, the Senate confirmed two career ambassadors, the department said."
        for n in range(3)
    ]
    for head in ("Posted: 12:29 am ET", "[twitter-follow screen_name='Diplopundit' ]"):
        assert clean_text_page("\n".join([head, *prose])).title is None


def test_other_stories_listed_under_also_read_above_the_story_give_no_headline():
    from indexer.clean.chrome import is_chrome
    from indexer.clean.textpage import clean_text_page

    story = [
        f"Paragraph {n}: the minister held talks with his Ethiopian counterpart in the capital on Friday."
        for n in range(4)
    ]
    linked = [
        "Ethiopian minister to visit India for talks with his counterpart",
        "Growth must be greener, minister says",
    ]
    page = clean_text_page("\n".join(["-", "ALSO READ", *linked, "-", *story]))
    assert page.title is None and page.paragraphs == story
    # the same lines with no list heading over them: the one the story speaks of is the headline
    page = clean_text_page("\n".join([*linked, *story]))
    assert page.title == linked[0]
    # a sentence with bullets in it is no ticker
    assert not is_chrome(
        "The talks covered trade • energy • water • transit, officials said after a long day."
    )
