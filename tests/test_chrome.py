"""Page chrome by line, where a story ends, closing notes and pull quotes (indexer/clean/chrome/)."""

from __future__ import annotations

import pytest

from indexer.article import extract_article
from indexer.clean.chrome import CLOSING_TABLES, TABLES, is_chrome, is_closing
from tests.conftest import html_page


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
        # a ticker of other stories' headlines between bullets
        "China's Q1 tax revenue up 3.4 pct  • China to amend 26 laws to cut red-tape  • Two soldiers killed"
        " in helicopter crash  • Weather forecast for world cities -- April 20",
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


@pytest.mark.parametrize(
    "line",
    [
        "Video Player is loading.",
        "Play Video",
        "Current Time 0:00",
        "Duration 2:31",
        "Loaded: 0%",
        "captions settings, opens captions settings dialog",
        "Beginning of dialog window. Escape will cancel and close the window.",
        "Like Loading...",
        "Loading…",
        "Image 3 of 12",
        "1 / 50",
        "Next slide",
    ],
)
def test_media_controls_are_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would play a role in the region.",
        "Loading of the cargo began on Tuesday.",
        "Image 3 of the report shows the corridor.",
        "Watch: Tokayev arrives in Islamabad",
    ],
)
def test_sentences_about_playing_loading_or_images_are_spared(line):
    assert not is_chrome(line)


def test_a_video_players_text_does_not_stay_in_the_story():
    player = "\n".join(["Play Video", "Current Time 0:00", "/", "Duration 1:12", "Loaded: 0%", "Fullscreen"])
    text = (
        "Ministers meet in Astana\n\n"
        "ASTANA, May 4 - The foreign ministers of Pakistan and Kazakhstan met on Tuesday to review the "
        "transport corridor agreement, officials said.\n\n"
        f"{player}\n\n"
        "Officials said the next round of talks would be held in Islamabad in the spring, and that the "
        "customs regime would be simplified for lorries of both countries.\n"
    )
    article = extract_article(text.encode())
    assert "next round of talks" in article.body
    assert "Play Video" not in article.body and "Current Time" not in article.body


@pytest.mark.parametrize(
    ("table", "decides"),
    [(table, is_chrome) for table in TABLES] + [(table, is_closing) for table in CLOSING_TABLES],
    ids=lambda value: getattr(value, "name", getattr(value, "__name__", "")),
)
def test_each_chrome_rule_takes_its_lines_and_spares_those_beside_it(table, decides):
    for rule in table.rules:
        assert rule.takes, f"{rule.name}: a rule comes with the lines it takes"
        for line in rule.takes:
            assert table.rule_matches(rule, line), f"{rule.name} must take {line!r}"
            assert decides(line), line
        for line in rule.spares:
            assert not table.rule_matches(rule, line), f"{rule.name} must spare {line!r}"
            assert not decides(line), f"{line!r} (spared by {rule.name}) is taken by another rule"


LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
    "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo.",
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.",
)


def test_placeholder_text_is_dropped_from_a_story_and_kept_as_a_mock_ups_only_text():
    from indexer.clean.chrome import is_mock_up, is_placeholder

    story = [
        "Pakistan and Kazakhstan signed 37 agreements in Islamabad on Tuesday, officials said.",
        "The two leaders agreed to build a road and rail corridor through Afghanistan by 2030.",
        LOREM[0],  # a template's gap
        "Trade between the two countries reached $400 million last year, the ministry said.",
    ]
    assert is_placeholder(LOREM[0]) and not is_placeholder(story[0])
    assert not is_mock_up(story) and is_mock_up([*LOREM, "Secondary header"])
    page = "".join(f"<p>{line}</p>" for line in story)
    assert "Lorem" not in extract_article(html_page(page), source="x.html").body
    mock_up = "".join(f"<p>{line}</p>" for line in LOREM)
    assert extract_article(html_page(mock_up), source="x.html").body.count("Lorem ipsum") == 1
