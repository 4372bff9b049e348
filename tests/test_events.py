"""Diplomatic events: what is reported as happening, with its parties, people, place and agreements;
as a facet and query field, on the article page, and on the page of a pair of countries."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from indexer.article import extract_article
from indexer.enrich.events import find_events
from indexer.enrich.people import Person, find_people
from indexer.enrich.sentences import sentences
from search.cli import cli

DAY = dt.date(2026, 3, 2)


def events_of(title: str, body: str, dateline: str | None = None):
    people = find_people(title, body)
    found, primary = find_events(title, body, people, DAY, dateline)
    return {event.type: event for event in found}, primary


def test_a_call_readout():
    found, primary = events_of(
        "Prime Minister's call with President Macron",
        "The Prime Minister spoke to President Emmanuel Macron of France by telephone this evening. "
        "The two leaders discussed support for Ukraine and agreed to stay in close contact.",
    )
    assert primary == "call" and "call" in found and "meeting" not in found  # a call is no meeting
    call = found["call"]
    assert "FR" in call.parties and call.place is None and call.date == "2026-03-02"
    assert "Emmanuel Macron" in call.people and "telephone" in call.evidence


def test_a_visit_with_agreements_signed():
    found, primary = events_of(
        "Kazakh President visits Islamabad",
        "President Kassym-Jomart Tokayev of Kazakhstan arrived in Islamabad on Tuesday for a two-day "
        "state visit and held talks with Prime Minister Shehbaz Sharif of Pakistan. "
        "The two sides signed 37 memorandums of understanding on trade, energy and transport.",
        dateline="ISLAMABAD",
    )
    assert primary == "visit" and {"visit", "meeting", "agreement"} <= set(found)
    assert found["visit"].place == "Islamabad" and {"KZ", "PK"} <= set(found["visit"].parties)
    agreement = found["agreement"]
    assert agreement.agreements_count == 37 and agreement.subjects == ["trade", "energy", "transport"]
    assert {"Kassym-Jomart Tokayev", "Shehbaz Sharif"} <= set(found["meeting"].people)


def test_planned_and_past_events_are_not_reported_as_happening():
    found, _ = events_of(
        "Trade figures released",
        "Officials of Japan said exports rose by four percent in the first quarter of the year. "
        "The Foreign Minister will visit Japan next month to discuss the figures. "
        "The two countries signed a trade treaty in 2015, officials of Japan recalled.",
    )
    assert "visit" not in found and "agreement" not in found


def test_an_announced_visit_in_the_headline_is_news():
    found, primary = events_of(
        "Foreign Minister to visit Armenia",
        "The Foreign Minister of Georgia will travel to Yerevan next week, the ministry said on Monday.",
    )
    assert primary == "visit"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Single case of disease confirmed on a farm",
            "A single case of the disease was confirmed on a farm in the county on Monday. "
            "Movement restrictions were put in place and the herd was tested by the veterinary service.",
        ),
        # a council that meets is no state
        (
            "Budget vote",
            "Yesterday, Full Council met to agree the budget. The Government requires councils to set a "
            "balanced budget before 11 March.",
        ),
        # what may or can happen is no event that happened
        (
            "Diplomatic law",
            "Under international law, Britain may declare any Iranian diplomat persona non grata.",
        ),
        ("Diplomatic law", "Britain can expel Iranian diplomats at any time."),
        # to meet criteria is to satisfy them; a sanctions list is no sanction; a question asserts nothing
        (
            "Cyber-related sanctions",
            "The State Department identifies entities whose conduct meets the criteria of the sanctions "
            "programs of the United States.",
        ),
        ("How is a new Ambassador of Canada appointed?", "Ambassadors are appointed by the Governor."),
        # what any such event is, or what a word means
        (
            "Ambassadors",
            "Ambassadors of France are persons nominated as ambassadors by the President of France.",
        ),
        ("Protocol", "Bangladesh follows the protocol of any bilateral meeting with India."),
        ("Asset freezes", "Being listed by the United Kingdom means an asset freeze and a travel ban."),
    ],
)
def test_a_page_that_reports_no_diplomatic_event_has_none(title, body):
    assert events_of(title, body) == ({}, None)


def test_sanctions_and_appointments():
    found, primary = events_of(
        "New sanctions announced",
        "The United Kingdom imposed sanctions on six Russian officials on Friday, freezing their assets.",
    )
    assert primary == "sanction" and {"GB", "RU"} <= set(found["sanction"].parties)
    found, primary = events_of(
        "Ambassador presents credentials",
        "The new Ambassador of Chile presented her credentials to the President of India in New Delhi.",
    )
    assert primary == "appointment" and found["appointment"].place == "New Delhi"


def test_events_in_extract_json_and_on_the_article_page(runner, client, tmp_path):
    page = tmp_path / "visit.txt"
    page.write_text(
        "ASTANA, March 2 - Prime Minister Shehbaz Sharif of Pakistan met President Kassym-Jomart Tokayev "
        "of Kazakhstan in Astana on Monday, and the two sides signed 12 agreements on trade and transport."
    )
    result = runner.invoke(cli, ["extract", "--json", str(page)])
    extracted = json.loads(result.output)
    assert extracted["primary_event"] == "meeting"
    meeting = next(e for e in extracted["events"] if e["type"] == "meeting")
    assert set(meeting) == {
        "type",
        "parties",
        "people",
        "place",
        "date",
        "agreements_count",
        "subjects",
        "evidence",
    }
    hit = client.get("/search.json?q=Kazakhstan&event=agreement").get_json()["results"][0]
    article = client.get(f"/article/{hit['id']}.json").get_json()
    assert "agreement" in {e["type"] for e in article["events"]}
    html = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert "Events" in html and "/relations/" in html


def test_the_page_of_a_pair_of_countries(client):
    page = client.get("/relations/PK-KZ")
    assert page.status_code == 200 and "Pakistan and Kazakhstan" in page.get_data(as_text=True)
    data = client.get("/relations/pk-kz.json").get_json()
    both = client.get("/search.json?country=PK&country=KZ&countries=all&collapse=0").get_json()
    assert data["pair"] == ["PK", "KZ"] and data["articles"] == both["total"] > 0
    assert data["events"]["agreement"]["articles"] == sum(
        1 for r in both["results"] if r["id"] in {a["article_id"] for a in data["agreements"]}
    )
    assert any(a["count"] == 37 for a in data["agreements"])  # "signing 37 agreements"
    assert {o["name"] for o in data["officials"]} >= {"Kassym-Jomart Tokayev", "Shehbaz Sharif"}
    facets = client.get("/search?country=PK&country=KZ").get_data(as_text=True)
    assert "/relations/PK-KZ" in facets


@pytest.mark.parametrize("pair", ["PK", "PK-PK", "XX-KZ", "PK-KZ-AF"])
def test_a_bad_pair_is_a_clear_404(client, pair):
    response = client.get(f"/relations/{pair}.json")
    assert response.status_code == 404 and "pair of country codes" in response.get_json()["error"]


def test_event_values_filter_and_query(client):
    everything = client.get("/search.json").get_json()
    counts = {v["value"]: v["count"] for v in everything["facets"]["event"]}
    assert counts and all(
        value in {"visit", "meeting", "call", "agreement", "summit", "statement", "sanction", "appointment"}
        for value in counts
    )
    value, count = next(iter(counts.items()))
    assert client.get(f"/search.json?event={value}&collapse=0").get_json()["total"] == count
    assert client.get(f"/search.json?q=event:{value}&collapse=0").get_json()["total"] == count


def test_people_from_the_person_facet_take_part():
    people = [Person("Shehbaz Sharif", "Prime Minister", "PK")]
    found, _ = find_events(
        "Talks in Islamabad",
        "Sharif met the visiting delegation from Uzbekistan on Monday.",
        people,
        DAY,
        None,
    )
    assert found and found[0].people == ["Shehbaz Sharif"] and "PK" in found[0].parties


def test_countries_discussed_are_not_parties():
    found, _ = events_of(
        "Ministers meet in Sochi",
        "Foreign Minister Sergey Lavrov of Russia met Secretary of State Mike Pompeo of the United States "
        "in Sochi on Tuesday; they discussed Iran, North Korea and Syria.",
    )
    assert {"RU", "US"} <= set(found["meeting"].parties)
    assert not {"IR", "KP", "SY"} & set(found["meeting"].parties)


def test_sentences_go_on_past_titles_initials_and_acronyms():
    text = (
        "President Obama called Dr. Haider al-Abadi today to congratulate him. "
        "The U.S. Ambassador, Cindy R. McCain, met him in St. Petersburg on Monday. "
        "It ended there. Both sides agreed to meet again soon."
    )
    assert sentences(text) == [
        "President Obama called Dr. Haider al-Abadi today to congratulate him.",
        "The U.S. Ambassador, Cindy R. McCain, met him in St. Petersburg on Monday.",
        "Both sides agreed to meet again soon.",  # "It ended there." is under five words
    ]
    found, _ = events_of("Readout of the President's Call with the Iraqi Prime Minister", text)
    assert "Barack Obama" in found["call"].people  # the readout's first sentence is read whole


def test_a_committee_of_appeals_is_no_appeal():
    found, _ = events_of(
        "Board member profile",
        "Mr. Curry serves as Chairman of the Assessment Appeals Committee of the Federal Reserve.",
    )
    assert "statement" not in found


def test_what_the_parties_discuss_is_no_party():
    found, _ = events_of(
        "Talks in Nairobi",
        "President William Ruto of Kenya met Foreign Minister Hakan Fidan of Turkey in Nairobi on Monday "
        "to discuss trade, including exports to Uganda and Tanzania.",
    )
    assert {"KE", "TR"} <= set(found["meeting"].parties)
    assert not {"UG", "TZ"} & set(found["meeting"].parties)


def test_the_article_countries_complete_the_two_sides_of_an_event():
    call = "The Prime Minister spoke to Indian Prime Minister Modi this morning about trade and climate."
    people = find_people("PM call with Prime Minister Modi", call)
    found, _ = find_events("PM call with Prime Minister Modi", call, people, DAY, None, ["IN", "GB", "FR"])
    assert found[0].parties == ["IN", "GB"]  # the second side; not every country of the article


def test_courtesies_in_a_call_are_no_statement_but_a_message_sent_is():
    found, primary = events_of(
        "Prime Minister's call with President Macron",
        "The Prime Minister spoke to President Emmanuel Macron of France by telephone this evening. "
        "President Macron congratulated the Prime Minister on his appointment. "
        "Both leaders condemned the attack on the hospital in the strongest terms.",
    )
    assert primary == "call" and "statement" not in found
    found, _ = events_of(
        "Putin's call with Merkel",
        "During the telephone conversation, Vladimir Putin conveyed his greetings to Angela Merkel. "
        "Earlier, Vladimir Putin sent Angela Merkel a message of congratulations on her birthday.",
    )
    assert "statement" in found


def test_a_meeting_of_a_summit_is_the_summit():
    found, _ = events_of(
        "UK statement at the UN Security Council",
        "Statement by Ambassador Caroline Quinn at the UN Security Council meeting on South Sudan today.",
    )
    assert "summit" in found and "meeting" not in found
    found, _ = events_of(
        "Foreign Secretary at the G20",
        "The Foreign Secretary held a bilateral meeting with Foreign Minister Wang Yi of China on the "
        "sidelines of the G20 summit in Johannesburg.",
    )
    assert {"summit", "meeting"} <= set(found)


def test_news_wording_of_calls_meetings_and_declarations():
    found, primary = events_of(
        "Xi and Trump talk",
        "On the morning of April 12, President Xi Jinping of China talked to US President Donald Trump "
        "on the phone.",
    )
    assert primary == "call" and set(found) == {"call"}
    found, primary = events_of(
        "Ministers discuss cooperation",
        "Russian Foreign Minister Sergey Lavrov and his Belarusian counterpart discussed in a phone "
        "conversation on Wednesday cooperation between Moscow and Minsk.",
    )
    assert primary == "call" and "meeting" not in found
    found, primary = events_of(
        "G20 leaders adopt joint declaration",
        "Leaders of the G20 have approved a joint declaration at the opening of the summit in Johannesburg, "
        "South Africa, chaired by President Cyril Ramaphosa.",
    )
    assert found["agreement"].agreements_count == 1 and "summit" in found


def test_the_city_a_meeting_is_held_in_is_no_party_but_a_visit_host_is():
    found, _ = events_of(
        "Blinken meets Fidan",
        "US Secretary of State Antony Blinken met with Turkish Foreign Minister Hakan Fidan in Brussels.",
    )
    assert set(found["meeting"].parties) == {"US", "TR"}
    found, _ = events_of(
        "Wang Yi visits Kabul",
        "Chinese Foreign Minister Wang Yi visited Kabul on Thursday for talks with the Taliban government.",
    )
    assert "AF" in found["visit"].parties


def test_a_council_that_condemns_makes_a_statement_and_its_resolutions_are_no_session():
    found, primary = events_of(
        "Security Council condemns missile launch",
        "The UN Security Council on Monday condemned North Korea's launch of seven missiles.",
    )
    assert primary == "statement" and {"statement", "summit"} <= set(found)
    found, primary = events_of(
        "Japan protests missile launch",
        "Japan strongly condemned the launch by North Korea, which violates UN Security Council resolutions.",
    )
    assert primary == "statement" and "summit" not in found
    assert "UN" not in found["statement"].parties


def test_the_place_is_the_city_an_event_is_held_in():
    found, _ = events_of(
        "Ministers meet in Sochi",
        "Foreign Minister Sergey Lavrov of Russia met Secretary of State Mike Pompeo of the United States "
        "in Sochi, Russia, on Tuesday.",
    )
    assert found["meeting"].place == "Sochi"  # a city named with its country, though no capital
    found, _ = events_of(
        "Prime Minister meets President",
        "The Prime Minister met President Emmanuel Macron of France at Downing Street on Monday.",
        dateline="LONDON",
    )
    assert found["meeting"].place == "London"  # Downing Street is no city: the dateline's is
    found, _ = events_of(
        "Ministry condemns attack",
        "The Foreign Ministry of Pakistan strongly condemned the attack in Kabul on Monday.",
        dateline="ISLAMABAD",
    )
    assert found["statement"].place is None  # a statement is not held anywhere


def test_the_event_date_is_the_day_the_text_gives_near_the_page_date():
    people = find_people("", "")
    text = "Secretary of State John Kerry traveled to Nairobi, Kenya, on August 22 to meet Kenyan officials."
    found, _ = find_events("Kerry in Kenya", text, people, dt.date(2016, 9, 5), None)
    assert found[0].date == "2016-08-22"  # the year from the page's date
    text = "The ministers of Poland and Ukraine met in New York on 21 September 2022 to agree on support."
    found, _ = find_events("Ministers meet", text, people, dt.date(2022, 9, 22), None)
    assert found[0].date == "2022-09-21"
    text = "The ministers of Poland and Ukraine met in New York on Monday under the treaty of 4 March 2001."
    found, _ = find_events("Ministers meet", text, people, dt.date(2022, 9, 22), None)
    # a date long before the page's is no report of the event: the Monday before the page's Thursday is
    assert found[0].date == "2022-09-19"


def test_a_day_of_the_week_counts_back_from_the_pages_own_date_only():
    people = find_people("", "")
    text = "A Foreign Ministry spokeswoman said Thursday that China strongly condemns the bombing in Somalia."
    friday = dt.date(2013, 6, 21)
    found, _ = find_events("China condemns bombing", text, people, friday, None)
    assert found[0].date == "2013-06-20"  # the Thursday before the page's Friday
    found, _ = find_events("China condemns bombing", text, people, friday, None, None, "date-bar")
    assert found[0].date == "2013-06-20"
    # a page date guessed from a date in the text (a photo caption's) is not the day to count back from
    found, _ = find_events("China condemns bombing", text, people, friday, None, None, "text")
    assert found[0].date == "2013-06-21"
    text = "The ministers of Poland and Ukraine met in Warsaw on Monday, 19 September, to agree on support."
    found, _ = find_events("Ministers meet", text, people, dt.date(2022, 9, 22), None)
    assert found[0].date == "2022-09-19"  # a weekday with its date is the date


def test_a_forthcoming_summit_a_sources_statement_and_a_minister_touching_down():
    found, _ = events_of(
        "Nigeria, Ghana agree to intensify cooperation",
        "Acting President Yemi Osinbajo met the visiting Ghanaian President Nana Akufo-Addo in Abuja. "
        "Discussions between the two leaders touched on the forthcoming African Union (AU) Summit.",
    )
    assert "meeting" in found and "summit" not in found  # a summit still to come is no event
    found, primary = events_of(
        "Nigeria reaffirms commitment to relations with Ghana",
        "The Minister of State for Foreign Affairs disclosed this in a statement issued on Wednesday. "
        "The statement follows the minister's two-day visit to Ghana to tackle the strain in relations. "
        "The minister had upon touching down at Kotoka International Airport, Accra, Ghana on Tuesday, "
        "also met with Ghana's Inspector-General of Police.",
    )
    # "the statement" said again of the source is no statement; a minister's visit is an official's
    assert primary == "visit" and "statement" not in found and "meeting" in found


def test_news_wording_of_nominations_hosts_and_background():
    found, primary = events_of(
        "Biden nominates ambassadors",
        "President Joe Biden on Tuesday announced his intent to nominate nine ambassadors, including "
        "Thomas Nides to Israel and Ken Salazar to Mexico.",
    )
    assert primary == "appointment"
    found, primary = events_of(
        "Pakistan, Afghanistan ministers meet",
        "Foreign Minister Bilawal Bhutto Zardari of Pakistan hosted Afghan Acting Foreign Minister Amir Khan "
        "Muttaqi at the Ministry of Foreign Affairs in Islamabad on Sunday.",
    )
    assert primary == "meeting"
    found, primary = events_of(
        "Lavrov, Motegi discussed economic cooperation",
        "Russian Foreign Minister Sergey Lavrov and his Japanese counterpart, Toshimitsu Motegi, held on "
        "Friday a phone conversation on bilateral cooperation.",
    )
    assert primary == "call" and "meeting" not in found  # what a call's parties discussed
    assert {"Sergey Lavrov", "Toshimitsu Motegi"} <= set(found["call"].people)
    found, _ = events_of(
        "US and China leaders hold phone call",
        "On Tuesday the presidents of the United States and China had a phone call. It was their first "
        "conversation since their summit meeting in November 2023, and they agreed to hold a meeting at "
        "the G20 summit.",
    )
    assert set(found) == {"call"}  # a summit before, a meeting planned


def test_a_visitor_named_in_the_possessive_takes_part_and_what_is_agreed_on_is_no_party():
    found, _ = events_of(
        "Pakistan, Kazakhstan sign 37 agreements",
        "Pakistan and Kazakhstan signed 37 agreements during President Kassym-Jomart Tokayev’s state visit "
        "to Islamabad, including memorandums on joint participation in UN peacekeeping missions.",
    )
    assert "Kassym-Jomart Tokayev" in found["visit"].people
    assert set(found["agreement"].parties) == {"PK", "KZ"}


def test_a_group_named_is_no_summit_unless_it_meets():
    found, _ = events_of(
        "China summons Japanese ambassador",
        "The Foreign Ministry of China summoned the ambassador of Japan over criticism within the framework "
        "of the G7 group of industrialised nations, and the Vice President hosted two conference calls.",
    )
    assert "summit" not in found
    found, _ = events_of(
        "G20 leaders adopt declaration",
        "Leaders of the G20 met in Johannesburg, South Africa, on Saturday and adopted a joint declaration; "
        "the President of France attended.",
    )
    assert "summit" in found


def test_a_meeting_of_a_regions_ministers_by_video_is_their_summit():
    found, primary = events_of(
        "Regional consultations",
        "The meeting of Ministers of Foreign Affairs of the Caspian states was held by videoconference on "
        "Monday. The meeting was attended by the foreign ministers of Kazakhstan, Azerbaijan, Iran and "
        "Russia. Minister Mukhtar Tileuberdi of Kazakhstan said the current meeting was timely. "
        "The ministers reviewed the draft convention. Preparations for the summit were discussed. "
        "Transport was reviewed in detail. "
        "At the end of the talks the parties adopted a joint statement on the Caspian Sea.",
    )
    assert primary == "summit" and set(found) == {"summit", "statement"}  # no call, no meeting of two
    assert {"KZ", "AZ", "IR", "RU"} <= set(found["summit"].parties)
    assert set(found["statement"].parties) == set(found["summit"].parties)  # the ministers' joint statement
    found, _ = events_of(
        "Talks",
        "A meeting of the foreign ministers of the two countries was held in Hanoi on Monday.",
    )
    assert "summit" not in found  # two states' ministers meet: no summit
    found, _ = events_of(
        "Neighbours meet",
        "Foreign Minister Wang Yi of China chaired the third meeting of foreign ministers of the "
        "neighbouring countries of Afghanistan in Tunxi on Thursday.",
    )
    assert "summit" in found and "AF" not in found["summit"].parties  # the neighbours' subject, no party


def test_a_sanctions_targets_take_no_part_and_an_earlier_step_is_no_party():
    found, primary = events_of(
        "US sanctions Russian leaders",
        "President Joe Biden on Friday imposed sanctions on Russian President Vladimir Putin and Foreign "
        "Minister Sergey Lavrov, mirroring an earlier decision by the European Union. The list of officials "
        "sanctioned also includes Nikolai Patrushev, Secretary of the Russian Federation Security Council.",
    )
    assert primary == "sanction" and set(found) == {"sanction"}  # a state's own security council: no summit
    sanction = found["sanction"]
    assert sanction.people == ["Joe Biden"]  # the targets are not officials taking part
    assert set(sanction.parties) == {"US", "RU"}  # nor is the EU, whose earlier step it mirrors
    found, _ = events_of(
        "Testimony",
        "President Donald Trump spoke on Monday about Alexander Vindman, the White House National Security "
        "Council Ukraine expert.",
    )
    assert "summit" not in found


def test_a_city_of_diplomacy_is_a_place_after_any_capital():
    found, _ = events_of(
        "Talks in New York",
        "A meeting was held in New York on Monday between US Secretary of State Marco Rubio and Russian "
        "Foreign Minister Sergey Lavrov.",
    )
    assert found["meeting"].place == "New York" and set(found["meeting"].parties) == {"US", "RU"}
    found, _ = events_of(
        "Visit",
        "Prime Minister Narendra Modi of India arrived in Washington from New York on Monday for talks with "
        "President Joe Biden.",
    )
    assert found["visit"].place == "Washington"  # the capital named, not the city he came from


def test_a_state_trip_a_capital_by_its_airport_or_venue_and_a_planned_visit():
    body = (
        "During 10th May, the talks of the presidential couple's State trip to Gabon took place with "
        "President Ali Bongo Ondimba. The President of Chad was welcomed at the Libreville airport by Prime "
        "Minister Julien Nkoghe Bekale."
    )
    found, _ = find_events(
        "The President Meets the President of Gabon", body, find_people("", body), None, None
    )
    assert {"visit", "meeting"} <= set(found_types := {e.type for e in found}), found_types
    assert next(e for e in found if e.type == "visit").place == "Libreville"
    found, _ = events_of(
        "Talks",
        "President Joko Widodo of Indonesia met King Sultan Abdullah at the State Palace, Kuala Lumpur, on "
        "Thursday.",
        dateline="JAKARTA",
    )
    assert found["meeting"].place == "Kuala Lumpur"  # the venue's city, not the writer's
    found, _ = events_of(
        "Rubio meets Wang",
        "Secretary of State Marco Rubio met Foreign Minister Wang Yi of China on Friday. They also discussed "
        "President Trump's planned visit to China in April.",
    )
    assert "visit" not in found


def test_a_round_of_sanctions_past_the_lead():
    found, _ = events_of(
        "EU imposes sanctions on Russia",
        "EU foreign ministers met in Brussels on Monday. They imposed travel bans on 21 officials of Russia. "
        "The sanctions took effect after 24 hours. The EU also cancelled a summit. Ministers agreed to sign "
        "an accord on Friday. The EU also pledged aid. Canada applied sanctions against 7 Russian officials.",
    )
    assert "CA" in found["sanction"].parties


def test_a_regions_ministers_who_met_drafts_and_a_signing_only_approved():
    found, primary = events_of(
        "Foreign ministers of Central Asian states met in Dushanbe",
        "On September 13, the Meeting of Foreign Ministers of Central Asian Countries was held in Dushanbe, "
        "in which the Minister of Foreign Affairs of Turkmenistan Rashid Meredov took part. During the "
        "constructive meeting, the foreign ministers reviewed the drafts of the Joint Statement of the "
        "Heads of State and the Dushanbe Statement.",
    )
    assert primary == "summit" and set(found) == {"summit"}  # no meeting of two, no statement yet
    found, primary = events_of(
        "Cabinet approves signing of several MoUs with India",
        "The Cabinet of Sri Lanka has approved the signing of several MoUs with India, the Government said "
        "today.",
    )
    assert primary is None and not found


def test_a_sanctions_target_state_and_a_round_of_congratulations():
    found, _ = events_of(
        "Sanctions",
        "The United States and Canada announced sanctions on Russia on Friday.",
    )
    assert set(found["sanction"].parties) == {"US", "CA", "RU"}  # the state acted upon is a party
    found, _ = events_of(
        "World leaders congratulate Obama",
        "World leaders are sending their congratulations to U.S. President Barack Obama on Wednesday. "
        "Israeli Prime Minister Benjamin Netanyahu said the alliance is strong. Mr. Netanyahu spoke warmly. "
        "The vote was close. Turnout was high. Polls closed late. Russian President Vladimir Putin sent a "
        "telegram to Mr. Obama with his congratulations, a spokesman said.",
    )
    assert "RU" in found["statement"].parties and "Vladimir Putin" in found["statement"].people


def test_a_place_naming_a_treaty_is_no_party():
    found, _ = events_of("Climate", "Germany and Japan ratified the Paris Agreement on Monday.")
    assert set(found["agreement"].parties) == {"DE", "JP"}
    found, _ = events_of(
        "Austria expels two diplomats",
        "VIENNA - Austria expelled two Russian diplomats on Monday, citing the Vienna Convention.",
    )
    assert set(found["sanction"].parties) >= {"AT", "RU"}


def test_a_telephonic_conversation_is_a_call_and_a_groups_members_are_no_parties():
    found, primary = events_of(
        "Modi, Trump talk over phone",
        "Prime Minister Narendra Modi and US President Donald Trump held a telephonic conversation.",
    )
    assert primary == "call" and set(found["call"].parties) == {"IN", "US"}
    found, _ = events_of(
        "Regional summit ends",
        "At the summit in Islamabad on Tuesday, Pakistan took the chair of the regional bloc, which "
        "groups Bangladesh, Bhutan, Nepal and Pakistan.",
    )
    assert found["summit"].parties == ["PK"]


def test_news_wording_of_arrivals_pacts_inked_and_declarations_adopted():
    found, primary = events_of(
        "President Aliyev Arrives At White House",
        "On Monday, President of Azerbaijan Ilham Aliyev arrived at the White House, where President of "
        "the United States Donald Trump welcomed him.",
    )
    assert primary == "visit" and {"AZ", "US"} <= set(found["visit"].parties)
    assert [p for p in find_people("Ambassador Piper Campbell Presents Credentials", "")][0].name == (
        "Piper Campbell"  # a headline's verb is no part of the name
    )
    found, _ = events_of(
        "Trump in India", "India and the US inked three memorandums of understanding on Tuesday in New Delhi."
    )
    assert found["agreement"].agreements_count == 3
    found, primary = events_of(
        "World leaders end summit",
        "UNITED NATIONS - The world's leaders ended a three-day summit on Friday. "
        "The UN Millennium Declaration, negotiated for weeks and adopted by acclamation, lists troubles.",
    )
    assert {"summit", "agreement"} <= set(found) and "UN" in found["summit"].parties


def test_comment_explainers_and_events_long_past_are_no_news():
    assert events_of(
        "Editorial: Salvaging Xi's Visit to US",
        "Since President Obama concluded his visit to China last November, relations have soured. "
        "In mid-February 2010, Obama held his first meeting with the Dalai Lama.",
    ) == ({}, None)
    assert events_of(
        "Treasury Department Explains Value, Effect of Sanctions",
        "President Obama has imposed sanctions in the last few months on Russian banks. "
        "When President Obama came to China a year ago, he visited Beijing.",
    ) == ({}, None)


def test_meetings_held_further_down_and_the_country_a_meeting_is_held_in():
    body = (
        "SHUSHA (Azerbaijan), Oct 10: Foreign Minister of Uzbekistan Bakhtiyor Saidov held separate meetings "
        "with the Foreign Ministers of Belarus and Russia. The talks were friendly. They covered trade. "
        "They covered transport. They covered culture. They covered the weather. "
        "Saidov also met with the Foreign Minister of Iran Hossein Amir-Abdollahian."
    )
    found, primary = events_of("Uzbek minister in Shusha", body)
    assert primary == "meeting"
    assert set(found["meeting"].parties) == {"UZ", "BY", "RU", "IR"}  # the host country is no party
    assert "Hossein Amir-Abdollahian" in found["meeting"].people


def test_an_undated_page_with_no_day_in_its_lead_reports_only_what_its_headline_announces():
    def undated(title: str, body: str) -> set[str]:
        return {event.type for event in find_events(title, body, find_people(title, body), None, None)[0]}

    essay = "Ties between France and Germany were close. The President of France met the German Chancellor."
    assert undated("A friendship in Europe", essay) == set()
    assert undated("A friendship in Europe", essay.replace("met", "met on Monday")) == {"meeting"}
    assert undated("French President visits Berlin", essay) == {"visit"}


def test_a_datelines_city_is_where_a_meeting_is_held_not_a_party():
    found, _ = events_of(
        "Kuwait and Turkey",
        "BAKU: The Foreign Minister of Kuwait met the Foreign Minister of Turkey on Wednesday.",
    )
    assert set(found["meeting"].parties) == {"KW", "TR"}


def test_a_call_spoken_this_evening_and_conventions_adopted_at_a_summit():
    readout = "The Prime Minister of India spoke this evening with President Obama."
    found, primary = events_of("India and the US", readout)
    assert primary == "call"
    found, _ = events_of(
        "SAARC summit closes",
        "KATHMANDU - Leaders of India and Pakistan closed a summit on Sunday after adopting two conventions.",
    )
    assert found["agreement"].agreements_count == 2


def test_a_timeline_of_years_is_history_not_news():
    timeline = (
        "1947- India and Pakistan became independent.\n\n"
        "1963- The Foreign Ministers of India and Pakistan held talks on Kashmir.\n\n"
        "1966- The Prime Minister of India and the President of Pakistan signed the Tashkent Declaration."
    )
    assert events_of("India-Pakistan relations", timeline) == ({}, None)
    assert "meeting" in events_of("India-Pakistan relations", timeline.split("\n\n", 1)[1])[0]
    # a timeline written in sentences: "In January 1963, ..."
    timeline = (
        "On May 21, 1951, China and Pakistan established diplomatic relations.\n\n"
        "In April 1955, Premier Zhou Enlai held talks with Pakistani Prime Minister M. Ali.\n\n"
        "In November 2003, President Pervez Musharraf visited China. During the visit, leaders of both "
        "sides signed the China-Pakistan Joint Declaration."
    )
    assert events_of("Major events in China-Pakistan ties", timeline) == ({}, None)


def test_a_history_columns_day_is_history_and_a_crowd_or_police_met_is_no_meeting():
    visit = (
        "U.S. President Richard Nixon arrived in Peking on Monday, February 21, on a visit to China. He "
        "shook hands with Chinese leader Mao Zedong."
    )
    assert "visit" in events_of("Nixon in China", visit)[0]
    assert events_of("Today is: The day President Nixon traveled to China", visit) == ({}, None)
    assert events_of("On this day in 1972: Nixon arrives in China", visit) == ({}, None)
    assert events_of("This Day in History: Nixon in China", visit) == ({}, None)
    met = "Protesters tried to reach the U.S. embassy in Manila on Saturday but {} a phalanx of policemen."
    assert events_of("Rally at US embassy", met.format("were met by")) == ({}, None)
    assert (
        "meeting"
        in events_of(
            "US envoy meets protest leaders",
            "The U.S. ambassador met protest leaders of the Philippines in Manila on Saturday.",
        )[0]
    )


def test_a_photos_caption_over_a_text_that_reports_nothing_is_no_event():
    caption = (
        "U.S. President Donald Trump with Chinese President Xi Jinping during the G-20 summit in Osaka, "
        "Japan, June 29, 2019 (AP photo by Susan Walsh). "
    )
    essay = (
        "America's foreign policy establishment is at war with itself over the shape of its approach "
        "toward a rising China."
    )
    assert events_of("What America's China debate gets right", caption + essay) == ({}, None)
    assert (
        "summit" in events_of("Trump and Xi in Osaka", caption.replace(" (AP photo by Susan Walsh)", ""))[0]
    )
    # over a text that reports its own event, the caption tells more of it
    signed = events_of(
        "Vietnam, Benin hold talks",
        "Foreign Minister Bui Thanh Son held talks with Benin's Foreign Minister Olushegun Adjadi Bakari in "
        "Hanoi on Thursday. Son and his Beninese counterpart Bakari exchange the MoU on cooperation after "
        "their talks in Hanoi on December 14. (Photo: VNA)",
    )[0]
    assert {"meeting", "agreement"} <= set(signed)


def test_calls_in_the_plural_and_a_forums_leaders_meeting():
    found, primary = events_of(
        "Kazakh President holds phone talks",
        "Kassym-Jomart Tokayev had telephone conversations with presidents of the Russian Federation "
        "Vladimir Putin and the Republic of Uzbekistan Shavkat Mirziyoyev on Monday.",
    )
    assert primary == "call" and {"KZ", "RU", "UZ"} <= set(found["call"].parties)
    found, primary = events_of(
        "Albanese in Tonga",
        "Prime Minister Anthony Albanese of Australia attended the 53rd Pacific Islands Forum (PIF) "
        "Leaders\u2019 Meeting in Nuku'alofa on Tuesday.",
    )
    assert primary == "summit"


def test_a_statement_that_is_only_the_source_of_another_event_is_none():
    found, primary = events_of(
        "Lavrov and Makei talk",
        "Russian Foreign Minister Sergey Lavrov and his Belarusian counterpart held a phone conversation on "
        "Wednesday, the Russian Foreign Ministry said in a statement.",
    )
    assert set(found) == {"call"}
    found, _ = events_of(
        "Moscow condemns",
        "Russia condemned the attack on Wednesday, the Russian Foreign Ministry said in a statement.",
    )
    assert set(found) == {"statement"}  # what the statement says is the news


def test_the_meeting_after_a_summit_is_named_is_the_summit():
    found, _ = events_of(
        "SAARC summit concludes",
        "Leaders of India, Nepal and Pakistan wrapped up the SAARC summit on Tuesday. During the meeting, "
        "Pakistan took the chair from Nepal.",
    )
    assert "summit" in found and "meeting" not in found


def test_a_visit_is_an_officials_not_a_football_teams():
    assert events_of(
        "Nepal football team arrives in city",
        "DHAKA, Nov 5 - The Nepal national football team arrived in Dhaka today to play two friendlies "
        "against Bangladesh.",
    ) == ({}, None)
    found, primary = events_of(
        "Nepal's minister arrives in city",
        "DHAKA, Nov 5 - The Foreign Minister of Nepal arrived in Dhaka today on a visit to Bangladesh.",
    )
    assert primary == "visit"


def test_an_undated_pages_headline_event_is_told_by_its_text_too():
    title = "Chile and Peru sign memorandum"
    body = "The governments of Chile and Peru signed a memorandum of understanding on fisheries."
    [event] = find_events(title, body, find_people(title, body), None, None)[0]
    assert event.type == "agreement" and event.agreements_count == 1  # "a memorandum": the text's
    assert "signed a memorandum" in event.evidence


def test_pacts_press_conferences_and_assemblies_of_heads_of_state():
    found, primary = events_of(
        "Rwanda, Mozambique sign five bilateral pacts",
        "The President of Rwanda met the President of Mozambique on Monday. "
        "The two presidents spoke at a press conference after the signing.",
    )
    assert primary == "agreement" and found["agreement"].agreements_count == 5
    assert "summit" not in found  # a press conference is no summit
    found, _ = events_of(
        "Assembly of Heads of State opens",
        "The Ordinary Session of the African Union Assembly of the Heads of State and Government "
        "opened on Sunday; the President of Zambia attended.",
    )
    assert "summit" in found


def test_a_welcoming_ceremony_is_a_visit():
    found, primary = events_of(
        "Mongolian President in Hanoi",
        "The official welcoming ceremony for the President of Mongolia was held on Wednesday. "
        "The presidents of Vietnam and Mongolia then held talks.",
    )
    assert primary == "visit" and "meeting" in found


def test_a_states_own_security_council_is_no_un_body():
    found, _ = events_of(
        "US sanctions Russian officials",
        "The United States on Friday sanctioned a Russian Security Council official and members of "
        "the Russian parliament.",
    )
    assert "summit" not in found and "UN" not in found["sanction"].parties
    found, _ = events_of(
        "Security Council meets",
        "The UN Security Council met on Friday to discuss the war; the Russian Security Council did not.",
    )
    assert "summit" in found


def test_a_summit_in_a_city_state_is_held_in_the_city():
    found, _ = events_of(
        "ASEAN leaders meet",
        "The leaders of ASEAN on Saturday concluded their summit in Singapore, hosted by Prime Minister "
        "Lee Hsien Loong, with Vietnam's Prime Minister Nguyen Xuan Phuc and President Joko Widodo.",
    )
    assert found["summit"].place == "Singapore"


def test_an_envoy_who_arrives_to_take_up_a_post_pays_no_visit():
    found, primary = events_of(
        "High Commissioner presents credentials",
        "Vanuatu's High Commissioner Kalfau George Kaloris presented his credentials to Australia's "
        "Governor-General Quentin Bryce on Thursday 22 March 2012 in Canberra. Mr. Kaloris arrived in "
        "Canberra on Monday 19th March 2012 to commence the setting up of the first Vanuatu Embassy.",
    )
    assert primary == "appointment" and "visit" not in found


def test_a_commitment_ratified_is_no_instrument_ratified():
    found, _ = events_of(
        "Mercosur summit ends",
        "The presidents of Brazil, Paraguay and Uruguay met in Asuncion on Monday for the Mercosur summit. "
        "Brazil and Paraguay ratified their firm commitment to the objectives of the founding treaties.",
    )
    assert "summit" in found and "agreement" not in found
    found, _ = events_of(
        "Paraguay ratifies treaty",
        "Paraguay's Senate on Monday ratified the treaty with Brazil on the Itaipu dam.",
    )
    assert "agreement" in found


def test_the_sidelines_of_a_visit_are_no_summits():
    found, primary = events_of(
        "Pakistan, Sri Lanka sign 8 MoU",
        "On Tuesday, Pakistan and Sri Lanka signed eight memoranda of understanding on the sidelines of "
        "Prime Minister Nawaz Sharif's visit to Sri Lanka.",
    )
    assert primary == "agreement" and "summit" not in found
    found, _ = events_of(
        "Ministers meet",
        "Pakistan's foreign minister met his Russian counterpart on Thursday on the sidelines of the SCO "
        "foreign ministers' meeting in Goa.",
    )
    assert "summit" in found and "meeting" in found


def test_a_tours_programme_and_its_later_legs_are_still_to_come():
    found, primary = events_of(
        "President arrives in Ghana",
        "President Pranab Mukherjee touched down in Accra, Ghana, on Sunday evening, on the first leg of his "
        "three-nation state visit that would include visits to Cote d'Ivoire and Namibia as well. This visit "
        "will include attending a state banquet hosted by President John Mahama on Sunday evening; attending "
        "delegation-level talks and the signing of bilateral agreements on Monday.",
    )
    assert primary == "visit" and "agreement" not in found  # the signing is in the programme
    assert set(found["visit"].parties) == {"IN", "GH"}  # Cote d'Ivoire and Namibia are later legs


def test_a_bodys_ministers_who_met_hold_its_session_not_a_meeting():
    found, primary = events_of(
        "Packed agenda for the EU Foreign Ministers in Brussels",
        "On Monday, the EU Foreign Ministers met in Brussels for the Foreign Affairs Council. German Foreign "
        "Minister Frank-Walter Steinmeier travelled from the Middle East to take part.",
    )
    assert primary == "summit" and "meeting" not in found
    found, _ = events_of(
        "Ministers meet",
        "On Monday, German Foreign Minister Frank-Walter Steinmeier met French Foreign Minister Laurent "
        "Fabius in Brussels on the margins of the Foreign Affairs Council.",
    )
    assert "meeting" in found and "summit" in found


def test_a_guest_met_at_the_airport_is_welcomed_not_met_in_talks():
    found, primary = events_of(
        "Weah arrives in Ghana",
        "Liberian President George Weah arrived in Ghana on Friday for a two-day state visit. President "
        "Weah was met at the Jubilee Lounge of the Kotoka International Airport by Vice President Mahamudu "
        "Bawumia.",
    )
    assert primary == "visit" and "meeting" not in found
    assert "Mahamudu Bawumia" in found["visit"].people


def test_a_guest_received_at_a_palace_or_with_a_delegation_a_staff_ordered_home_and_a_truce_welcomed():
    found, primary = events_of(
        "President Iohannis receives Greek ForMin",
        "President Klaus Iohannis on Wednesday received at the Cotroceni Palace the Greek Minister of "
        "Foreign Affairs, Nikos Dendias, on his visit to Bucharest.",
    )
    assert primary == "meeting" and "visit" in found
    found, _ = events_of(
        "Aliyev receives Montenegrin FM",
        "President of Azerbaijan Ilham Aliyev has received a delegation of Montenegro led by Minister of "
        "Foreign Affairs Srdjan Darmanovic.",
    )
    assert "meeting" in found
    found, primary = events_of(
        "Russia orders some US diplomatic staff to leave",
        "Russia said on Wednesday it was ordering U.S. Embassy staff who have been in Moscow for more than "
        "three years to fly home by Jan. 31.",
    )
    assert primary == "sanction" and set(found["sanction"].parties) == {"RU", "US"}
    found, primary = events_of(
        "China welcomes ceasefire",
        "China has welcomed the ceasefire between India and Pakistan, a foreign ministry spokesman said.",
    )
    assert primary == "statement"


def test_the_country_after_the_city_a_meeting_is_held_in_is_no_party():
    found, _ = events_of(
        "Korea, Japan ministers meet",
        "The foreign ministers of South Korea and Japan met on Thursday in Lima, Peru, on the margins "
        "of the APEC meeting.",
    )
    assert set(found["meeting"].parties) == {"KR", "JP"}


def test_an_appointment_names_its_envoy_or_the_states():
    title = "Presentation of credentials ceremonies"
    body = (
        "The Ambassador presents the letter of credence to the head of state on arrival. "
        "Angola and Benin hold the ceremony at the Presidential Palace."
    )
    generic = find_events(title, body, find_people(title, body), DAY, None, ["AO", "BJ"])[0]
    assert generic == []  # the countries are the article's, not the appointment's
    found, _ = events_of(
        "Envoy presents credentials",
        "Ambassador Piper Campbell presented her credentials to the President of Mongolia on Friday.",
    )
    assert "appointment" in found


def test_the_envoys_a_ceremony_or_a_confirmation_lists_take_part_with_their_states():
    found, primary = events_of(
        "President accredits new ambassadors",
        "LUSAKA, March 2 - President Hakainde Hichilema on Monday received the credentials of the new "
        "ambassadors of Norway, Astrid Vik, Peru, Carlos Mendoza and the United Arab Emirates, Salem Obaid. "
        "Earlier, Ghana's Kwame Asante and Maria Lopes from Portugal presented copies of their "
        "letters of credence.",
    )
    appointment = found["appointment"]
    assert primary == "appointment"
    envoys = {"Astrid Vik", "Carlos Mendoza", "Salem Obaid", "Kwame Asante", "Maria Lopes"}
    assert envoys <= set(appointment.people) and "Hakainde Hichilema" in appointment.people
    assert {"NO", "PE", "AE", "GH", "PT"} <= set(appointment.parties)
    # confirmed nominees, by the state each is posted to
    found, _ = events_of(
        "Senate confirms ambassadorial nominees",
        "The Senate on Thursday confirmed the following ambassadorial nominees: "
        "Jane R. Doyle – to be Ambassador Extraordinary and Plenipotentiary of the United States "
        "of America to the Republic of Iceland; Peter Quinn, approved as ambassador to Malawi.",
    )
    appointment = found["appointment"]
    assert {"Jane R. Doyle", "Peter Quinn"} <= set(appointment.people)
    assert {"IS", "MW"} <= set(appointment.parties) and "Extraordinary" not in appointment.people
    # outside a text about envoys, "Britain's Royal Navy" is nobody
    assert not any(p.name == "Royal Navy" for p in find_people("Navy drills", "Britain's Royal Navy sailed."))


def test_ambassadors_designate_posted_by_the_state_each_goes_to():
    story = (
        "President Amaka Obi has officially approved the posting of three key ambassadors-designate to "
        "major capitals, including France, the United Kingdom and Brazil. Ambassador Tunde Bakare has "
        "been designated as Nigeria's new ambassador to France. Furthermore, Ambassador Musa Garba, who "
        "previously served as ambassador to South Korea, will now take up the role of High "
        "Commissioner-designate to the United Kingdom. Ngozi Eze has been appointed as the "
        "ambassador-designate to Brazil.\n"
    )
    article = extract_article(story.encode(), source="envoys.txt")
    appointment = next(e for e in article.events if e.type == "appointment")
    assert article.primary_event == "appointment"  # an undated page: its first sentence announces it
    assert {"Tunde Bakare", "Musa Garba", "Ngozi Eze"} <= set(appointment.people)
    assert {"NG", "FR", "GB", "BR"} <= set(appointment.parties)
    assert "KR" not in appointment.parties  # a post held before is no posting


def test_words_of_an_event_that_are_not_that_event():
    # a letter that designates an ambassador sanctions nobody; a sanctions policy discussed is a topic
    found, _ = events_of(
        "President receives credentials",
        "Angolan President Joao Lourenco received the credentials of four new ambassadors on Thursday. "
        "A letter of credence is a formal diplomatic letter that designates a diplomat as ambassador.",
    )
    assert "appointment" in found and "sanction" not in found
    found, primary = events_of(
        "Bush, Putin discuss relations",
        "President George W. Bush and President Vladimir Putin had a telephone conversation on Friday "
        "on bilateral relations, Iraq sanctions policy and the situation in Macedonia.",
    )
    assert primary == "call" and "sanction" not in found
    # the statement a call's content is announced in is its source, not a statement of its own
    found, _ = events_of(
        "Erdogan, Trump talk by phone",
        "President Recep Tayyip Erdogan held a telephone conversation with President Donald Trump on "
        "Thursday. With a Thursday statement, his spokesman announced that both leaders agreed to "
        "continue collaboration.",
    )
    assert "call" in found and "statement" not in found
    # the next meeting is none yet; heads of state meeting are a summit
    found, primary = events_of(
        "Leaders adopt the Declaration of Caracas",
        "The heads of state and government of the region, meeting in Caracas on Friday, adopted the "
        "Declaration of Caracas. The next meeting of the organisation will be in Havana.",
    )
    assert "summit" in found and "meeting" not in found


@pytest.mark.parametrize(
    "title, body, count",
    [
        (
            "Algeria, Uganda sign accords",
            "President Abdelmadjid Tebboune of Algeria and President Yoweri Museveni of Uganda signed two "
            "agreements and five memoranda of understanding in Algiers on Sunday.",
            7,
        ),
        (
            "Qatar, Guyana sign agreements",
            "The Amir of Qatar and the President of Guyana witnessed the signing of two agreements and a "
            "memorandum of understanding in Doha on Monday.",
            3,
        ),
        (
            "Regional summit closes",
            "Venezuelan President Hugo Chavez closed the summit of the community in Caracas on Saturday. "
            "Among the 22 documents signed was a statement on the blockade.",
            22,
        ),
    ],
)
def test_two_kinds_of_instrument_counted_together_are_summed(title, body, count):
    found, _ = events_of(title, body)
    assert found["agreement"].agreements_count == count


def test_arrivals_welcomes_courtesy_calls_and_bilateral_meetings():
    found, primary = events_of(
        "Kabila on official visit",
        "The President of the Democratic Republic of Congo Joseph Kabila arrived Monday evening for a "
        "three-day official visit. He was welcomed at Julius Nyerere International Airport by President "
        "John Magufuli of Tanzania.",
    )
    assert primary == "visit" and {"CD", "TZ"} <= set(found["visit"].parties)
    found, _ = events_of(
        "Tanzanian President in Nairobi",
        "Tanzanian President Samia Suluhu Hassan landed at Jomo Kenyatta International Airport on Tuesday. "
        "She inspected a guard of honour before proceeding for bilateral meetings with President "
        "Uhuru Kenyatta.",
    )
    assert {"visit", "meeting"} <= set(found)
    found, _ = events_of(
        "Philippines, Japan sign access agreement",
        "President Ferdinand Marcos of the Philippines witnessed the signing of the agreement on Monday. "
        "The signing came after the joint courtesy call on President Marcos of the Japanese Foreign "
        "Minister.",
    )
    assert (
        "meeting" in found and "statement" not in found
    )  # a courtesy call is paid in person, and calls on nobody


def test_a_day_of_the_month_dates_a_lead_and_a_readout_released_is_no_statement():
    # "on the 8th": the lead says when, so the page's events are news, not an explainer's background
    title = "Japan and the Philippines sign access agreement"
    body = (
        "Japan and the Philippines signed the agreement in Manila on the 8th. Japanese Foreign Minister "
        "Yoko Kamikawa was visiting Manila, and Philippine President Marcos met with her on the 8th."
    )
    found, _ = find_events(title, body, find_people(title, body), None, None, ["JP", "PH"])
    assert {e.type for e in found} >= {"agreement", "visit", "meeting"}
    found, _ = events_of(
        "Pope receives President",
        "Pope Benedict XVI received President Barack Obama of the United States at the Vatican on Friday. "
        "After the meeting, the Vatican released the following statement.",
    )
    assert "meeting" in found and "statement" not in found


def test_what_a_statement_urges_is_not_done_and_a_groups_members_are_no_parties():
    found, primary = events_of(
        "G7 ministers condemn missile launch",
        "We, the G7 Foreign Ministers of Canada, France, Germany, Italy, Japan, the United Kingdom, and the "
        "United States of America, and the High Representative of the European Union strongly condemn the "
        'launch by North Korea on Friday. "We call on all States to fully and effectively implement all '
        'restrictive measures imposed by the UN Security Council," the statement read.',
    )
    assert primary == "statement" and set(found) == {"statement"}  # no sanction, no session of the council
    parties = set(found["statement"].parties)
    assert {"KP", "EU"} <= parties and not parties & {"CA", "FR", "DE", "IT", "JP", "GB", "US"}


def test_a_message_of_sympathy_is_a_statement_and_business_is_no_diplomacy():
    found, primary = events_of(
        "Nasheed sends sympathy",
        "President Mohamed Nasheed of the Maldives sent a message of sympathy to President Gloria "
        "Macapagal-Arroyo of the Philippines on Monday over the floods.",
    )
    assert primary == "statement" and {"MV", "PH"} <= set(found["statement"].parties)
    # a fair's MoUs priced in money, a business forum's venue, a company's delegation: no events
    for title, body in (
        (
            "FoodAg exhibition deals",
            "Business deals worth $107 million have been realised while $434 million worth of MOUs were "
            "signed on Monday, Pakistan's Federal Minister for Commerce said.",
        ),
        (
            "Trade forum inaugurated",
            "Prime Minister Sheikh Hasina of Bangladesh opened the trade forum on Monday at the Bangabandhu "
            "International Conference Center in Dhaka.",
        ),
        (
            "Minister meets company delegation",
            "Pakistan's Provincial Minister for Industries held a meeting on Saturday with a delegation from "
            "Canada-based company World Trade Developers. The meeting focused on a trade fair.",
        ),
        (  # "the meeting" with an adjective is the company's too
            "Minister meets company delegation",
            "Pakistan's Provincial Minister for Industries held a meeting on Saturday with a delegation from "
            "Canada-based company World Trade Developers. During the productive meeting, the minister "
            "praised Canada's business climate.",
        ),
    ):
        assert events_of(title, body) == ({}, None), title
    # an ambassador's post at the Security Council holds no session of it
    found, _ = events_of(
        "UK names ambassador to US",
        "Karen Pierce, currently the UK's Permanent Representative at the UN Security Council, has been "
        "appointed as the new ambassador to the United States, the Foreign Office said on Friday.",
    )
    assert "appointment" in found and "summit" not in found


def test_an_arrival_told_past_the_lead_is_the_visit():
    lead = (
        "Pope Benedict XVI received President Barack Obama of the United States at the Vatican on Friday. "
        "The two spoke for just over forty minutes in the papal library. "
        "Their conversation turned first to the defence and promotion of life. "
        "Reference was also made to immigration and the reuniting of families. "
        "The meeting focused as well upon matters of international politics. "
        "The importance of educating young people in tolerance was highlighted. "
    )
    found, primary = events_of(
        "Pope receives Obama", lead + "President Obama arrived at the Vatican shortly after 4 p.m."
    )
    assert primary == "meeting" and "visit" in found
    assert "visit" not in events_of("Pope receives Obama", lead)[0]


def test_summit_talks_of_two_documents_signed_and_the_states_short_names():
    found, primary = events_of(
        "ROK and Jordan sign visa agreement",
        "The ROK and Jordan signed an agreement on visa exemption on September 11, in the presence of the "
        "heads of state of the two countries after their summit talks. Seven other documents were signed.",
    )
    assert primary == "agreement" and {"KR", "JO"} <= set(found["agreement"].parties)
    assert "meeting" in found and "summit" not in found  # two heads of state: a meeting
    assert found["agreement"].agreements_count == 7
    found, _ = events_of(
        "Viet Nam, Burundi sign visa agreement",
        "Việt Nam and Burundi signed an agreement on visa exemptions in New York on June 10.",
    )
    assert {"VN", "BI"} <= set(found["agreement"].parties)
    # what tourists are encouraged to do is no visit
    found, _ = events_of(
        "Food festival opens",
        "The British ambassador said on Friday the embassy had been encouraging British tourists to "
        "visit Nepal.",
    )
    assert "visit" not in found


def test_an_undated_page_whose_headline_reports_in_the_past_tense_is_news():
    title = "An agreement was signed between Uzbekistan and Oman on visa exemption"
    body = (
        "According to him, Foreign Minister Bakhtiyor Saidov of Uzbekistan met the Foreign Minister of Oman."
    )
    found, _ = find_events(title, body, find_people(title, body), None, None, ["UZ", "OM"])
    assert {e.type for e in found} == {"agreement", "meeting"}
    # an explainer's headline reports nothing: only what it announces counts, not its text's events
    title = "Persona non grata: the ultimate diplomatic rejection"
    body = "The foreign minister of Nicaragua met the United States ambassador to expel him."
    found, _ = find_events(title, body, find_people(title, body), None, None, ["NI", "US"])
    assert "meeting" not in {e.type for e in found}


def test_the_month_of_may_is_no_modal_and_a_joint_statement_signed_is_counted():
    found, _ = events_of(
        "China and Russia deepen partnership",
        "On May 16, President Xi Jinping of China held talks with President Vladimir Putin of Russia, who "
        "is on a state visit, in Beijing. The two heads of state jointly signed and issued a Joint "
        "Statement.",
    )
    assert {"meeting", "visit", "agreement"} <= set(found)  # "May 16" is a day, not "may"
    assert found["agreement"].agreements_count == 1
    found, _ = events_of(
        "Pakistan, Uzbekistan leaders",
        "The joint declaration signed by Prime Minister Imran Khan of Pakistan and President Shavkat "
        "Mirziyoyev of Uzbekistan on Thursday calls for a strategic partnership.",
    )
    assert "agreement" in found
    people = find_people(
        "Xi in Laos", "Xi met the General Secretary of the Lao People's Revolutionary Party."
    )
    assert not any(p.name == "People" for p in people)


def test_a_council_sessions_envoys_take_part_though_named_further_down():
    body = (
        "The UN Security Council held an emergency meeting on Wednesday on tensions between Israel and "
        "Gaza. The council heard briefings. Arab ambassadors said they wanted the council to condemn "
        "Israel. Palestinian UN envoy Riyad Mansour said nine people were killed. Israel's Prime "
        "Minister Benjamin Netanyahu has warned that the operation could be expanded."
    )
    found, _ = events_of("UN Security Council holds emergency Gaza meeting", body)
    assert "Riyad Mansour" in found["summit"].people
    assert "Prime Minister Benjamin Netanyahu" not in found["summit"].people  # no envoy of that name


def test_a_top_diplomats_visit_and_a_meeting_held_where_the_visit_went():
    found, primary = events_of(
        "Baerbock in Kyiv",
        "Germany's top diplomat, Annalena Baerbock, arrived in the Ukrainian capital on Saturday on a "
        "surprise visit.",
    )
    assert primary == "visit" and "Annalena Baerbock" in found["visit"].people
    found, primary = events_of(
        "PM Khan meets Iranian FM",
        "Prime Minister Imran Khan of Pakistan met Iranian Foreign Minister Mohammad Javad Zarif at PM "
        "House on Friday. Zarif arrived in Islamabad for a two-day visit on Thursday night.",
    )
    assert primary == "meeting" and found["meeting"].place == "Islamabad" == found["visit"].place


def test_declarations_adopted_mous_exchanged_and_agreements_signed_further_on():
    title = "G20 leaders adopt joint declaration"
    body = "The G20 summit, chaired by the President of South Africa, opened on Saturday."
    found, primary = find_events(title, body, [], DAY, None, ["ZA"])
    assert primary == "agreement"
    found, _ = events_of(
        "Vietnam, Benin ministers hold talks",
        "The Foreign Minister of Vietnam and his Beninese counterpart exchanged the MoU on cooperation "
        "after their talks in Hanoi on December 14.",
    )
    assert found["agreement"].agreements_count == 1
    title = "Indian minister visits Mozambique"
    body = (
        "The Framework Agreement for Mozambique's accession to the International Solar Alliance was signed "
        "by the Foreign Minister of Mozambique on Tuesday."
    )
    assert "agreement" in {e.type for e in find_events(title, body, [], DAY, None, ["IN", "MZ"])[0]}


def test_an_undated_pages_headline_meeting_brings_what_was_signed_at_it():
    title = "Foreign Minister of Bahrain meets Mongolian counterpart"
    body = (
        "The Foreign Minister of Bahrain received the Foreign Minister of Mongolia. "
        "During the meeting, a memorandum of understanding was signed for political consultation."
    )
    found = {e.type for e in find_events(title, body, find_people(title, body), None, None, ["BH", "MN"])[0]}
    assert found == {"meeting", "agreement"}
    essay = (
        "The Foreign Minister of Bahrain is new. A memorandum of understanding was signed for consultation."
    )
    assert find_events("Bahrain and Mongolia", essay, [], None, None, ["BH", "MN"])[0] == []


def test_calls_over_phone_expulsions_and_what_is_scheduled_or_recent():
    found, primary = events_of(
        "Leaders discuss Iran",
        "The President of the United States spoke over phone with the King of Saudi Arabia on Friday.",
    )
    assert primary == "call" and "meeting" not in found
    found, _ = events_of(
        "US expels Syrian diplomat",
        "The United States on Tuesday took the step of expelling the charge d'affaires of Syria, in response "
        "to last week's massacre.",
    )
    assert {"US", "SY"} <= set(found["sanction"].parties)  # "last week's" dates the massacre
    found, _ = events_of(
        "Japanese minister in Sri Lanka",
        "The Foreign Minister of Japan arrived in Sri Lanka on Thursday. He is scheduled to attend a meeting "
        "in Madrid on Saturday, after his recent visit to Russia.",
    )
    assert set(found) == {"visit"} and set(found["visit"].parties) == {"JP", "LK"}


def test_a_how_to_headline_announces_nothing():
    assert events_of("How to be declared persona non grata by Russia", "Russia may expel a diplomat.") == (
        {},
        None,
    )


def test_a_wire_storys_next_item_and_a_credentials_ceremonys_conversation():
    found, primary = events_of(
        "Onyeama, Pompeo discuss issues of common interest",
        "Nigeria's Minister of Foreign Affairs, Geoffrey Onyeama, engaged his United States counterpart. "
        "Onyeama disclosed that the issues discussed were of common interest. "
        "Onyeama said the issues were discussed over the phone. "
        "The talks were fruitful, he said. The visa ban was lifted in part. The ministry gave no details. "
        "In a related development, the Federal Government and the Republic of Ghana met in Abuja.",
    )
    # a call's discussions are no meeting, but the next item's meeting, past the lead, is one
    assert primary == "call" and "GH" in found["meeting"].parties and found["meeting"].place == "Abuja"
    found, primary = events_of(
        "President receives credentials of new ambassadors",
        "President Sahlework Zewde received credentials of 12 newly appointed ambassadors to Ethiopia. "
        "The ambassadors are from Canada, Finland and Pakistan. During the occasion, President Sahlework "
        "Zewde discussed with the ambassadors about the bilateral relations.",
    )
    assert primary == "appointment" and "meeting" not in found  # what is said at the ceremony is its own


def test_a_headline_cut_from_the_first_sentence_is_judged_by_the_whole_sentence():
    body = (
        "Provincial Minister for Industries Chaudhry Shafay Hussain held a meeting with a delegation from "
        "Canada-based company World Trade Developers. The delegation invited him to a trade fair in Canada."
    )
    title = "Provincial Minister for Industries Chaudhry Shafay Hussain held a meeting \u2026"
    found, primary = find_events(title, body, find_people(title, body), DAY, None, ["PK", "CA"])
    assert primary is None and not found  # a company's delegation, which the cut headline does not show


def test_a_page_with_no_headline_announces_in_its_first_sentence():
    body = (
        "The ministry has confirmed that the President of Ghana would be arriving in Togo this Saturday for "
        "a two-day visit. Preparations in the capital are under way."
    )
    title = "The ministry has confirmed that the President of Ghana would be arriving in Togo this \u2026"
    found, primary = find_events(title, body, find_people(title, body), DAY, None, ["GH", "TG"])
    assert primary == "visit" and {"GH", "TG"} <= set(found[0].parties)
    body = "The President of Ghana would be visiting Togo if the talks succeed, the ministry said on Monday."
    found, _ = find_events(body[:60] + " \u2026", body, find_people("", body), DAY, None, ["GH", "TG"])
    assert not found  # what would be, if ..., is not announced


def test_a_productive_call_and_a_meeting_not_needed():
    found, primary = events_of(
        "Rubio, Lavrov Had Productive Call, In-person Meeting Not Needed",
        'US Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov had a "productive '
        'call" on Monday, an official said. A further in-person meeting between the two is not deemed '
        "necessary, the official told reporters in a statement.",
    )
    assert primary == "call" and set(found) == {"call"}  # no meeting, and the statement is the source
    assert {"US", "RU"} <= set(found["call"].parties)
    found, _ = events_of("Tenders", "The Ministry of Defence of Kenya held a call for tenders on Monday.")
    assert "call" not in found


def test_ministers_holding_talks_under_an_agencys_dateline():
    body = (
        "BRASILIA, April 17. /TASS/. Russian and Brazilian Foreign Ministers are holding talks in Brasilia."
    )
    article = extract_article(body.encode(), source="talks.txt")
    assert article.dateline == "BRASILIA" and article.primary_event == "meeting"
    assert article.events[0].place == "Brasilia" and set(article.events[0].parties) == {"RU", "BR"}


def test_an_obituarys_career_is_history_and_a_tour_is_a_visit():
    found, primary = events_of(
        "Vorontsov, U.S. and UN Diplomat, Is Dead at 78",
        "Yuli Vorontsov, a veteran diplomat who served Russia as ambassador, has died, the Foreign Ministry "
        "said on Wednesday. His death occurred days after he returned from a trip to Kuwait, where he held "
        "meetings and prepared a report for UN Secretary-General Ban Ki-moon.",
    )
    assert primary is None and not found
    found, primary = events_of(
        "Russian, Brazilian diplomats hold talks",
        "Russian Foreign Minister Sergey Lavrov held talks with Brazilian Foreign Minister Mauro Vieira "
        "on Monday. Brazil is the first stopover of Lavrov's Latin American tour.",
    )
    # a tour's stop is a visit; "Latin American" is no American party
    assert primary == "meeting" and "visit" in found and set(found["visit"].parties) == {"RU", "BR"}


def test_a_readout_headed_meeting_over_a_telephone_talk_is_a_call():
    found, primary = events_of(
        "Japan-Brazil Foreign Ministers' Meeting",
        "On December 7, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a telephone talk "
        "with Mr. Carlos Franca, Minister of Foreign Affairs of the Federative Republic of Brazil.",
    )
    assert primary == "call" and "meeting" not in found


def test_planned_talks_an_airport_welcome_and_a_meeting_of_six_states():
    found, primary = events_of(
        "PM arrives in Sri Lanka",
        "COLOMBO, Sri Lanka, Feb 23 (APP): Prime Minister Imran Khan arrived in Colombo on a visit. "
        "Sri Lankan Prime Minister Mahinda Rajapakse received Prime Minister Imran Khan at the airport. "
        "He would discuss the whole range of bilateral issues besides inking a number of agreements in a "
        "meeting with the Sri Lankan leadership.",
    )
    # the welcome at the airport is the visit's; what he would do is not done yet
    assert primary == "visit" and set(found) == {"visit"} and found["visit"].place == "Colombo"
    found, _ = events_of(
        "Putin, Trump talk by phone",
        "Russian President Vladimir Putin and US President Donald Trump talked by phone on Tuesday. "
        "The leaders agreed to hold a personal meeting on the sidelines of the G20 summit in Hamburg.",
    )
    assert set(found) == {"call"}  # the summit is where they will meet
    found, primary = events_of(
        "SCO founded",
        "At an expanded meeting, the heads of six states - China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan "
        "and Uzbekistan - signed a declaration on the establishment of the organisation.",
    )
    assert "summit" in found and "meeting" not in found and primary == "agreement"


def test_the_officials_a_delegation_includes_take_part():
    found, _ = events_of(
        "PM arrives in China",
        "Prime Minister Imran Khan arrived in Beijing on Thursday on a five-day official visit. "
        "This is his first visit to China. He will attend an expo. The visit opens a new chapter. "
        "The two countries are close friends. Officials expect much of it. "
        "Khan was accompanied by Foreign Minister Shah Mehmood Qureshi and Finance Minister Asad Umar.",
    )
    assert {"Imran Khan", "Shah Mehmood Qureshi", "Asad Umar"} <= set(found["visit"].people)


def test_an_announced_ceremonys_own_sentences_and_its_list_of_envoys():
    found, primary = events_of(
        "Ambassadors of 10 countries to present credentials to Medvedev",
        "MOSCOW, July 14 (Itar-Tass) - The ambassadors of ten countries will present their credentials to "
        "Russian President Dmitry Medvedev on Thursday. Among the guests are the new heads of diplomatic "
        "missions of Ethiopia \u2013 Kasahun Dender Melese, Burundi \u2013 Guillaume Ruzoviyo, and "
        "Japan \u2013 Chikahito Harada. The presentation of credentials usually takes place twice a year.",
    )
    appointment = found["appointment"]
    assert primary == "appointment" and {"ET", "BI", "JP", "RU"} <= set(appointment.parties)
    assert {"Kasahun Dender Melese", "Chikahito Harada"} <= set(appointment.people)
    # what happens as a rule is no event
    assert "usually" not in appointment.evidence
    found, _ = events_of(
        "Kremlin ceremony",
        "The credentials ceremony usually takes place twice or thrice a year in the Kremlin, Russia.",
    )
    assert not found


def test_talks_held_told_after_the_lead():
    title = "Four bilateral agreements signed with Pakistan"
    body = (
        "President Abdulla Yameen of the Maldives signed four agreements in Islamabad on Monday. "
        "The agreements cover health, education, sport and tourism between the two countries. "
        "Trade between the two countries grew by a tenth over the last twelve months. "
        "The number of tourists from Pakistan in the Maldives doubled in the same period. "
        "Flights between Karachi and Male now leave three times a week in each direction. "
        "Students from the Maldives study medicine and engineering at Pakistani universities. "
        "The pair held talks on strengthening bilateral ties earlier in the day."
    )
    found, _ = find_events(title, body, find_people(title, body), DAY, None, ["MV", "PK"])
    assert "meeting" in {e.type for e in found}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        (
            "The Ambassador of Russia Yury Materiy called on Foreign Minister Ali Sabry in Colombo.",
            "meeting",
        ),
        (
            "The United States Ambassador to Pakistan Donald Blome called on Foreign Minister Jilani.",
            "meeting",
        ),
        (
            "Japan called on North Korea to stop its missile launches, the Foreign Ministry of Japan said.",
            "statement",
        ),
        (
            "Foreign Minister Pham Binh Minh of Vietnam hosted a reception for Lao Ambassador Sengphet.",
            "meeting",
        ),
    ],
)
def test_a_courtesy_call_on_a_minister_is_a_meeting_an_appeal_a_statement(sentence, kind):
    found, primary = events_of("", sentence)
    assert primary == kind


def test_envoys_calling_on_a_minister_after_a_call_and_a_post_on_the_council():
    found, primary = events_of(
        "Kuwaiti FM greets Jilani on assuming office",
        "ISLAMABAD: Kuwaiti Foreign Minister Sheikh Salem Abdullah Al-Sabah on Wednesday held a telephonic "
        "conversation with Foreign Minister Jalil Abbas Jilani of Pakistan to congratulate him. "
        "The United States Ambassador to Pakistan Donald Blome called on Foreign Minister Jilani.",
    )
    assert primary == "call" and "US" in found["meeting"].parties  # the envoy came in person
    found, _ = events_of(
        "Deputy PM meets new Lao ambassador",
        "Foreign Minister Pham Binh Minh of Vietnam met the Lao Ambassador, who said Vietnam will be a "
        "non-permanent member of the United Nations Security Council, and praised consultations at "
        "ministerial and deputy ministerial levels.",
    )
    assert set(found) == {"meeting"}  # a seat on the council and consultations at a level hold no session


def test_a_signed_statement_is_an_instrument_and_a_statement_of_the_source_no_appeal():
    found, primary = events_of(
        "China and Russia deepen partnership",
        "President Vladimir Putin of Russia met President Xi Jinping of China in Beijing on Monday. "
        "The two heads of state jointly signed and issued a Joint Statement on deepening the partnership.",
    )
    assert "agreement" in found and "statement" not in found and primary == "meeting"
    found, primary = events_of(
        "Foreign Minister receives ambassadors",
        "According to a statement of the Foreign Office, Ambassador of Czech Republic to Pakistan Tomas "
        "Smetanka called on Foreign Minister Jalil Abbas Jilani in Islamabad on Thursday.",
    )
    assert primary == "meeting" and "statement" not in found  # the source of the report, not an appeal


# one phrase for each wording of each kind (events.WORDING), in the order written there
WORDING_EXAMPLES = {
    "call": [
        "held a telephone conversation",
        "a call with the president",
        "a video conference",
        "spoke by phone",
        "Obama, Erdogan speak on phone",
        "had a call",
        "the call between the leaders",
        "spoke today with President Macron",
    ],
    "meeting": [
        "had \u201cvery fruitful talks\u201d with the head of the junta",
        "the ministers met",
        "co-chaired the sixth ministerial consultation",
        "received at the Cotroceni Palace the Greek Minister of Foreign Affairs",
        "has received a delegation of Montenegro led by Minister of Foreign Affairs Srdjan Darmanovic",
        "he meets the king",
        "a meeting in Rome",
        "held bilateral talks",
        "held separate meetings with",
        "talks with the minister",
        "bilateral meetings",
        "their summit talks",
        "a courtesy call on President Marcos",
        "on the sidelines",
        "discussions with the envoy",
        "talks were held",
        "they discussed trade",
        "received the visiting President",
        "received visiting Mongolian Minister of Justice",
        "received Wang Yi, State Councilor and Foreign Minister",
        "held a reception for Lao Foreign Minister",
        "hosted his counterpart",
        "called on Foreign Minister Jilani",
        "his meetings with Chinese envoy",
        "returned to the Great Hall of the People to meet with",
        "held a candid and in-depth exchange",
    ],
    "visit": [
        "came to Astana",
        "the visit",
        "arrived in Kabul",
        "arrived at the White House",
        "travelled to Paris",
        "he travels",
        "a trip to Oman",
        "the presidential couple's State trip",
        "welcomed the Chinese premier to Delhi",
        "a welcoming ceremony",
        "a state ceremony was held to welcome General Secretary Trong",
        "landed at the airport",
        "touching down at Kotoka",
        "the first stopover of his journey",
        "Lavrov's Latin American tour",
        "a three-nation tour",
        "welcomed at the airport by President Ruto",
        "arrived Monday for a three-day official visit",
        "was in Pyongyang from Oct. 28-31 at the invitation of the head of state",
        "was met by US vice president Joe Biden at Andrews air force base",
    ],
    "summit": [
        "the SCO Council of Foreign Ministers",
        "welcomed his EU counterparts",
        "the summit opened",
        "G7 leaders met",
        "a meeting of the G20",
        "the Security Council",
        "a ministerial",
        "on the sidelines",
        "the conference opened",
        "the assembly of heads of state",
        "the Heads of State Council",
        "the heads of six states",
        "heads of state and government meeting",
        "a trilateral meeting",
        "the Pacific Islands Forum Leaders Meeting",
        "the meeting of ministers of foreign affairs of the neighbouring countries",
        "the foreign ministers' meeting among neighbouring states",
        "was also attended by",
        "foreign ministers of Central Asian states met",
        "G8 talks",
        "NATO talks",
        "ASEAN talks",
        "CSTO talks",
        "APEC talks",
        "the General Assembly",
        "the Human Rights Council",
    ],
    "agreement": [
        "signed two agreements",
        "the accord was signed",
        "exchanged the MoU",
        "the signing of a joint statement",
        "signed a joint communique",
        "the declaration signed",
        "parliament ratified it",
        "the G20 Leaders' Declaration",
        "adopted a declaration",
        "a declaration was adopted",
        "documents were signed",
        "signed a treaty",
        "signed a memorandum",
        "inked three pacts",
        "a protocol was signed",
        "signed a convention",
        "signed a trade deal",
        "adopted a charter",
        "published a five-point joint declaration",
    ],
    "statement": [
        "China condemned the attack",
        "China has welcomed the ceasefire between India and Pakistan",
        "called on all sides",
        "urged restraint",
        "a joint statement",
        "Joint Press Release of the Trilateral Meeting",
        "summoned the ambassador",
        "warned Pyongyang",
        "appealed for calm",
        "expressed deep concern",
        "a message of sympathy",
        "sent condolences",
        "congratulated the president",
        "deplored the strike",
        "issued a communique",
    ],
    "sanction": [
        "US orders out 51 Russian diplomats",
        "imposed sanctions",
        "designated four officials",
        "expelled two diplomats",
        "the expulsion",
        "restrictive measures",
        "asset freezes",
        "travel bans",
        "declared persona non grata",
        "recalled its ambassador",
        "the ambassador was called back to Ankara",
        "diplomats are ordered to vacate their apartments",
        "Russia orders some US diplomatic staff to leave",
    ],
    "appointment": [
        "presented his credentials",
        "was sworn in",
        "the swearing-in",
        "named him Ambassador to Japan",
        "ambassadorial nominees",
        "the new Ambassador",
        "letters of credence",
        "nominated as Ambassador to Peru",
        "appointed Envoy to Sudan",
        "a new High Commissioner",
        "approved the posting of four key ambassadors-designate",
        "the Senate confirmed Ken Salazar as U.S. ambassador to Mexico",
        "The Senate confirmed four U.S. ambassadors",
        "confirmed President Biden's pick for U.S. ambassador to Mexico",
    ],
}


@pytest.mark.parametrize("kind", sorted(WORDING_EXAMPLES))
def test_each_wording_holds_one_of_its_kinds_keywords(kind):
    from indexer.enrich.events import KEYWORDS, TRIGGERS, WORDING

    examples = WORDING_EXAMPLES[kind]
    for wording in WORDING[kind]:  # each wording finds one of the phrases
        assert any(re.search(wording, phrase, re.IGNORECASE) for phrase in examples), wording
    for phrase in examples:
        assert TRIGGERS[kind].search(phrase), phrase
        # the keywords let through every sentence the wording would find
        assert any(word in phrase.lower() for word in KEYWORDS[kind]), phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "ANKARA: Turkey's ambassador has been recalled from Israel for consultations, the ministry said.",
        "Foreign Minister Mevlut Cavusoglu said the ambassador to Austria was called back to Ankara.",
        "Turkey recalls ambassador from Israel over the Gaza operation, the Foreign Ministry said.",
        "It has been decided to recall our Ambassador to Tel Aviv to Ankara, the Turkish ministry said.",
    ],
)
def test_an_envoy_recalled_is_a_sanction(sentence):
    found, primary = events_of("", sentence)
    assert primary == "sanction"


def test_appeals_as_a_noun_are_no_appeal():
    found, _ = events_of(
        "",
        "ANKARA: Turkey's ambassador has been recalled from Israel after Israel's rejection of appeals for a "
        "ceasefire, the Turkish Foreign Ministry said.",
    )
    assert set(found) == {"sanction"}


def test_a_bilateral_meeting_held_past_the_lead_is_reported():
    found, primary = events_of(
        "",
        "NAIROBI: The foreign ministries of Pakistan and Kenya on Thursday signed a Memorandum of "
        "Understanding on the training of diplomats. The MoU will let diplomats of both countries train "
        "together. Many African diplomats trained at the academy. The ministers called it an important "
        "step. Kenya is a gateway to eastern Africa. Pakistan exports rice to Kenya. Earlier, Foreign "
        "Minister Shah Mehmood Qureshi and Foreign Minister of Kenya Raychelle Omamo also had a bilateral "
        "meeting in Nairobi.",
    )
    assert primary == "agreement" and "meeting" in found


def test_a_capital_written_with_its_accents_is_the_place():
    found, primary = events_of(
        "",
        "Indonesian President Joko Widodo arrived in Hà Nội on Thursday, starting a three-day State visit "
        "to Việt Nam at the invitation of Vietnamese President Võ Văn Thưởng.",
        dateline="HÀ NỘI",
    )
    assert primary == "visit" and found["visit"].place == "Hanoi"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The G8 summit with Russia and Japan ended on Friday with the adoption of a declaration.", "summit"),
        (
            "The summit ended in Venezuela on Friday after having approved the Declaration of Caracas.",
            "summit",
        ),
        ("Leaders of India and Brazil on Friday adopted a joint declaration at the G20 summit.", "agreement"),
        (
            "Leaders of China and Russia signed the Qingdao Declaration at their summit on Friday.",
            "agreement",
        ),
    ],
)
def test_a_declaration_a_summit_adopts_is_its_outcome_one_its_leaders_adopt_the_news(sentence, kind):
    _, primary = events_of("", sentence)
    assert primary == kind


def test_a_state_ceremony_to_welcome_a_leader_is_a_visit():
    found, primary = events_of(
        "",
        "Jakarta, (Antara) - A state ceremony was held at the Merdeka Palace on Wednesday to welcome General "
        "Secretary Nguyen Phu Trong of Vietnam. President Joko Widodo led the ceremony.",
    )
    assert primary == "visit"


def test_leaders_who_speak_on_phone_hold_a_call():
    found, primary = events_of(
        "Obama, Erdogan speak on phone",
        "Turkish Prime Minister Recep Tayyip Erdogan and U.S. President Barack Obama spoke on phone on "
        "Friday to discuss regional developments. The two leaders discussed ways to support a broad-based "
        "government in Baghdad.",
    )
    assert primary == "call" and "meeting" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Uruguay refrained from signing the joint declaration at the Mercosur Summit on Friday.",
        "Uruguay did not sign the joint declaration at the Mercosur Summit on Friday.",
        "The President declined to sign the agreement with Brazil on Friday.",
    ],
)
def test_an_agreement_not_signed_is_none(sentence):
    found, _ = events_of("", sentence)
    assert "agreement" not in found


def test_a_summits_final_document_signed_is_an_agreement():
    found, primary = events_of(
        "",
        "The final document of the summit was signed on Friday by host Alberto Fernández and his "
        "counterparts from Brazil and Paraguay.",
    )
    assert "agreement" in found and "summit" in found


def test_a_headline_cut_from_the_first_sentence_is_read_as_that_sentence():
    first = (
        "President Recep Tayyip Erdogan discussed bilateral relations with Russian counterpart Vladimir "
        "Putin, a statement by the Presidential Communications Directorate said Thursday."
    )
    found, primary = events_of(
        first[:110] + "\u2026",
        first + " The two leaders also talked about regional developments, in the first phone call following "
        "last week's face-to-face meeting in Sochi.",
    )
    # the statement is only the source; last week's meeting is background
    assert set(found) == {"call"} and primary == "call"


def test_what_a_sanction_is_adopted_in_view_of_names_no_party():
    found, _ = events_of(
        "EU adopts a new package of sanctions against Russia",
        "The EU Council adopted today - in view of the anniversary of the Russia-Ukraine war - a new package "
        "of restrictive measures against Russia.",
    )
    assert set(found["sanction"].parties) == {"RU", "EU"}


def test_the_late_take_no_part():
    found, primary = events_of(
        "",
        "President Sheikh Mohamed bin Zayed Al Nahyan met Prime Minister Rishi Sunak in London on Friday. "
        "They recalled the role played by the late Queen Elizabeth II in the friendship of the two nations.",
    )
    assert primary == "meeting"
    assert "Rishi Sunak" in found["meeting"].people and "Elizabeth II" not in found["meeting"].people


def test_a_minister_who_came_to_a_capital_for_a_council_of_ministers_visits_it():
    found, primary = events_of(
        "",
        "ASTANA - Foreign Minister Kairat Abdrakhmanov met Foreign Minister of Kyrgyzstan Erlan Abdyldayev "
        "in "
        "Astana on Friday. Minister Abdyldayev came to Astana to take part in the session of the Council of "
        "Foreign Ministers of the Shanghai Cooperation Organization.",
    )
    assert primary == "meeting" and {"visit", "summit"} <= set(found)


def test_leaders_who_met_at_a_summit_hold_no_meeting_of_their_own():
    found, primary = events_of(
        "",
        "Leaders from across Africa met at the African Union's annual summit which opened in Addis Ababa on "
        "Sunday. Rwandan President Paul Kagame addressed his counterparts.",
    )
    assert primary == "summit" and "meeting" not in found


def test_a_central_banks_statement_is_no_diplomatic_event():
    found, primary = events_of(
        "Brazil central bank raises interest rate to 11.25%",
        "Brazil's central bank raised its key interest rate half a percentage point on Wednesday, amid fears "
        "that inflation was getting out of hand. The rate hike was decided unanimously by Brazil's monetary "
        "policy committee, the institution said in a statement.",
    )
    assert primary is None and not found
    # a page of statements alone keeps its source when another of its sentences states something
    found, primary = events_of(
        "",
        "President Buhari sent messages of sympathy to the leaders of Kenya and DRC over the floods. The "
        "expression of solidarity was transmitted via a statement issued yesterday by his media aide.",
    )
    assert primary == "statement"


def test_a_day_of_the_week_in_lower_case_and_what_may_be_done():
    found, _ = events_of(
        "",
        "Foreign ministers of Somalia and Rwanda on saturday signed a memorandum of understanding to boost "
        "bilateral cooperation.",
    )
    assert found["agreement"].date == "2026-02-28"  # the Saturday before Monday, 2 March
    found, primary = events_of(
        "Britain Summons Russian Ambassador; Russian Ambassador To US May Be Recalled",
        "The Russian Ambassador has been summoned to the Foreign Office in London over Ukraine.",
    )
    assert primary == "statement" and "sanction" not in found


def test_a_round_of_condolences_holds_each_leaders_own():
    found, primary = events_of(
        "African leaders send condolences to Russia following terror attack",
        "African leaders sent condolences Saturday to the people of Russia after a terror attack in Moscow. "
        "The death toll from Friday's shooting rose to 133, the Investigative Committee said. Bodies were "
        "pulled from the debris on Saturday. Rescue work went on into the night. The concert hall burned for "
        "hours. South African President Cyril Ramaphosa said he was saddened by the attack, and sent "
        "condolences. Somalia's President Hassan Sheikh Mohamud strongly "
        "condemned the heinous terror attack. Senegal's President Macky Sall offered heartfelt condolences.",
    )
    assert primary == "statement"
    assert {"SO", "SN"} <= set(found["statement"].parties)
    assert {"Hassan Sheikh Mohamud", "Macky Sall"} <= set(found["statement"].people)


def test_a_known_leader_named_without_the_state_brings_it_as_a_party():
    found, primary = events_of(
        "",
        "President Isaias Afwerki on Saturday extended condolences to Russian President Vladimir Putin "
        "over the attack on a concert hall.",
    )
    assert primary == "statement" and set(found["statement"].parties) == {"ER", "RU"}


@pytest.mark.parametrize(
    "body, kinds",
    [
        # a release's "statement noted" is its source; gone there to meet is a meeting
        (
            "Prime Minister Keith Rowley of Trinidad and Tobago visited a company in Beijing today. In "
            "the afternoon he returned to the Great Hall of the People to meet with Chinese President Xi "
            "Jinping. The statement noted that Rowley invited President Xi to invest in Trinidad and Tobago.",
            {"visit", "meeting"},
        ),
        # visits looked forward to, or invited to, are still to come
        (
            "Pakistani Foreign Minister Bilawal Bhutto Zardari received a phone call from US Secretary of "
            "State Antony Blinken on Wednesday, and told him he looked forward to frequent exchange of "
            "high-level visits. He invited a delegation from the United States to visit Pakistan.",
            {"call"},
        ),
        # two states' joint ministerial commission is no summit
        (
            "The second Nigeria-Sudan Joint Ministerial Commission meeting has ended in Khartoum with both "
            "countries signing ten agreements, Nigerian Minister of State Nurudeen Mohammed said on Monday.",
            {"meeting", "agreement"},
        ),
    ],
)
def test_what_a_release_noted_gone_to_meet_invited_to_visit_and_a_joint_commission(body, kinds):
    found, _ = events_of("", body)
    assert set(found) == kinds


@pytest.mark.parametrize(
    "title, body, kinds",
    [
        (
            "Ramaphosa congratulates Trump in telephonic exchange",
            "President Cyril Ramaphosa of South Africa extended his congratulations to US President-elect "
            "Donald Trump on Thursday.",
            {"call"},
        ),
        (
            "",
            "US President Joe Biden held talks with Chinese President Xi Jinping on Monday night. The two "
            "leaders spoke for more than three hours via a video link.",
            {"call"},
        ),
        (
            "G20 video conference brought together world leaders",
            "Saudi King Salman opened the session on Thursday; US President Donald Trump took part from "
            "Washington.",
            {"summit"},
        ),
        (
            "US orders out 51 Russian diplomats",
            "The action was taken on Friday, Washington said.",
            {"sanction"},
        ),
        (
            "",
            "ISLAMABAD: Pakistan has designated its ambassadors to China and Japan on Monday, the Foreign "
            "Office said; Ambassador Naghmana Hashmi has been appointed ambassador to China.",
            {"appointment"},
        ),
        (
            "",
            'The UN Security Council on Wednesday expressed "strong concerns" about North Korea\'s launch of '
            "two missiles.",
            {"statement", "summit"},
        ),
        (
            "",
            "Iranian and Chinese officials inked 20 cooperation documents in Beijing on Tuesday during "
            "President Raisi's talks with President Xi Jinping.",
            {"agreement", "meeting"},
        ),
    ],
)
def test_a_telephonic_exchange_a_video_link_expulsions_designated_envoys_and_documents(title, body, kinds):
    found, _ = events_of(title, body)
    assert set(found) == kinds


def test_a_round_of_expulsions_holds_each_states_own():
    found, _ = events_of(
        "Europeans expel dozens of Russian envoys",
        "THE HAGUE (AP) - At least four European allies expelled dozens of Russian diplomats on Tuesday. The "
        "expulsions come as relations have plunged. Moscow denied the accusations. The Kremlin called it a "
        "provocation. Officials met in private. The Netherlands said it was expelling 17 Russians. Belgium "
        "said it was ejecting 21 Russians. North Macedonia announced it is expelling five Russian diplomats.",
    )
    assert {"NL", "BE", "MK", "RU"} <= set(found["sanction"].parties)


def test_an_official_named_only_as_met_later_takes_no_part_nor_does_civil_society():
    found, primary = events_of(
        "",
        "MOMBASA - Chinese Foreign Minister Wang Yi has arrived in Kenya on Wednesday to start his two-day "
        "official visit. Wang will meet President Uhuru Kenyatta at State House on Thursday. Other "
        "engagements include a meeting with civil society groups.",
    )
    assert primary == "visit" and "meeting" not in found
    assert "Uhuru Kenyatta" not in found["visit"].people


def test_due_to_a_cause_is_no_future_and_a_groups_video_conference_no_call():
    found, primary = events_of(
        "",
        "Due to bad weather, Chinese Foreign Minister Wang Yi met Kenyan Foreign Minister Raychelle Omamo at "
        "the airport in Mombasa on Monday.",
    )
    assert primary == "meeting"
    found, primary = events_of(
        "",
        "US President Donald Trump and Chinese President Xi Jinping joined a G20 video conference on "
        "Thursday.",
    )
    assert primary == "summit" and "call" not in found


def test_what_is_always_so_or_would_happen_if_is_no_event():
    # an explainer: a "How ..." headline, and sanctions in the present of no time
    found, _ = events_of(
        "How the EU adopts and reviews sanctions",
        "Decisions and regulations on sanctions are adopted by the Council of the EU by unanimity. "
        "EU sanctions apply within the jurisdiction of the EU.",
    )
    assert found == {}
    found, _ = events_of("", "The Council of the EU adopted sanctions against Belarus on Monday.")
    assert set(found) == {"sanction"}
    # a forum's answer, whose first sentence is cut for its headline: what would happen if
    first = (
        "Basically there is what is known as a frank exchange of views, if the ambassador doesn't respond to "
        "the summons of the British government the Chinese ambassador can be expelled from the country."
    )
    found, _ = events_of(first[:150] + "\u2026", first)
    assert found == {}
    found, _ = events_of("", "Britain summoned the Chinese ambassador on Tuesday over the arrests.")
    assert set(found) == {"statement"}


def test_last_evening_dates_a_call_the_day_before():
    found, _ = events_of(
        "", "Narendra Modi and US President Donald Trump held a telephonic conversation last evening."
    )
    assert found["call"].date == (DAY - dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("title", "body", "kinds", "primary"),
    [
        # talks held as "an exchange", and a guest called "visiting" named before the talks
        (
            "",
            "ISLAMABAD - The Foreign Office said the two sides held a candid and in-depth exchange on trade. "
            "Deputy Prime Minister Narayankaji Shrestha and visiting Minister for Foreign Affairs of Japan, "
            "Kamikawa Yoko, held bilateral talks on Sunday.",
            {"meeting", "visit"},
            "meeting",
        ),
        (
            "",
            "Nepal's Deputy Prime Minister Narayankaji Shrestha and visiting Japanese Foreign Minister "
            "Kamikawa Yoko held bilateral talks on Sunday.",
            {"meeting", "visit"},
            "meeting",
        ),
        # a statement cited as the source comes after the talks it tells of
        (
            "",
            "Pakistani Foreign Minister Bilawal Bhutto Zardari and Belarusian Foreign Minister Sergei "
            "Aleinik envisioned closer cooperation, according to a joint statement. Zardari held talks with "
            "Aleinik on Tuesday.",
            {"meeting", "statement"},
            "meeting",
        ),
        # what has been since an earlier event, and what is an example, are no events of their own
        (
            "",
            "Narendra Modi and Donald Trump held a telephonic conversation on Monday, the first since they "
            "met on the sidelines of the G20 summit in Argentina. They appreciated developments such as the "
            "first trilateral summit of India, the US and Japan.",
            {"call"},
            "call",
        ),
        # diplomats ordered to vacate; a declaration published; a meeting expected to take place later
        (
            "",
            "Russian diplomats are ordered to vacate their apartments in San Francisco, US Secretary of "
            "State Rex Tillerson said on Thursday.",
            {"sanction"},
            "sanction",
        ),
        (
            "G7 Leaders Publish Brief Declaration",
            "The leaders of the Group of Seven published a five-point joint declaration on Monday, wrapping "
            "up three days of talks in the French seaside town of Biarritz, a summit France organised.",
            {"summit", "agreement"},
            "agreement",
        ),
        (
            "",
            "The Governments of Guyana and Haiti have signed a Memorandum of Understanding today. The first "
            "meeting of the Guyana-Haiti Commission is expected to take place within six months.",
            {"agreement"},
            "agreement",
        ),
    ],
)
def test_exchanges_guests_sources_examples_orders_to_vacate_and_declarations_published(
    title, body, kinds, primary
):
    found, got = events_of(title, body)
    assert set(found) == kinds and got == primary


def test_the_town_an_event_is_held_in_and_no_deadline_for_its_date():
    found, _ = events_of(
        "", "G7 leaders adopted a declaration on Monday in the French seaside town of Biarritz, France said."
    )
    assert found["agreement"].place == "Biarritz"
    found, _ = events_of(
        "",
        "Russian diplomats were ordered to vacate their homes before midnight on March 20, officials said.",
    )
    assert found["sanction"].date == DAY.isoformat()  # a deadline still to come is not the day of the order


def test_envoys_listed_after_a_colon_each_of_the_state_that_sends_them():
    found, primary = events_of(
        "Medvedev to accept credentials of 15 new Ambassadors to the RF Wed",
        "MOSCOW, December 7 (Itar-Tass) - President Dmitry Medvedev is to receive newly-appointed "
        "Ambassadors to Russia at a credentials ceremony in the Kremlin on Wednesday. The following "
        "Ambassadors will be Wednesday's guests in the Grand Kremlin Palace: Riyad Haddad of Syria, Ali "
        "Gutali of Tunisia, Timothy Earle Barrow of the United Kingdom, and Thieng Boupha of Laos.",
    )
    appointment = found["appointment"]
    assert primary == "appointment" and {"SY", "TN", "GB", "LA", "RU"} <= set(appointment.parties)
    assert {"Riyad Haddad", "Timothy Earle Barrow", "Thieng Boupha"} <= set(appointment.people)
    # one named "of" a state in a sentence with no list of envoys is none
    found, _ = events_of(
        "",
        "President Vladimir Putin received the credentials of new ambassadors on Monday, and Ivan Petrov "
        "of Tajikistan gave a speech.",
    )
    assert "Ivan Petrov" not in found["appointment"].people


def test_a_groups_ministers_meeting_is_its_summit_and_a_conference_centre_is_no_session():
    found, primary = events_of(
        "BRICS Foreign Ministers meeting opens in Cape Town",
        "The bloc's ministerial council opened in Cape Town on Thursday at the invitation of South Africa.",
    )
    assert primary == "summit" and "meeting" not in found
    found, primary = events_of(
        "Ministers gather",
        "Commonwealth Foreign Ministers held their yearly meeting in London on Monday, chaired by Malta.",
    )
    assert primary == "summit"
    found, primary = events_of(
        "Informal meeting in Madrid",
        "The Spanish foreign minister welcomed his EU counterparts in Madrid on Friday for an informal "
        "meeting.",
    )
    assert primary == "summit"
    # two states' ministers are a meeting, and a group's business forum held in a conference centre none
    found, primary = events_of(
        "Japan-Brazil Foreign Ministers' Meeting",
        "The foreign ministers of Japan and Brazil met in Tokyo on Monday.",
    )
    assert primary == "meeting" and "summit" not in found
    found, _ = events_of(
        "Trade forum inaugurated",
        "The premier opened the Commonwealth Trade Forum at the International Conference Center.",
    )
    assert "summit" not in found


def test_a_summons_dated_on_its_own_day_over_last_weeks_incident_and_the_scene_of_an_incident():
    found, primary = events_of(
        "Ministry protests over embassy incident",
        "The Greek Foreign Ministry on Tuesday summoned the Turkish ambassador over an attack on its "
        "consulate in Istanbul last week. The attack happened on May 3 when the Greek foreign minister was "
        "visiting the Turkish capital for talks. During the meeting with the ambassador, the ministry "
        "asked for an inquiry.",
    )
    assert primary == "statement" and set(found) == {"statement"}
    # with no day of its own, the time of the past is the event's: background
    found, _ = events_of(
        "Embassy incident",
        "The Greek Foreign Ministry summoned the Turkish ambassador last week over an attack. Greece and "
        "Turkey signed a visa agreement on Tuesday.",
    )
    assert "statement" not in found


def test_the_states_an_appointment_lists_without_envoys_names_are_its_parties():
    found, _ = events_of(
        "King receives new envoys",
        "The King received the credentials of ambassadors on Monday, including representatives from "
        "Peru, Norway and Ghana, among others.",
    )
    assert {"PE", "NO", "GH"} <= set(found["appointment"].parties)
    found, _ = events_of(
        "President names envoys",
        "President Joe Biden on Tuesday named new ambassadors. The list also included ambassador nominees "
        "for Chile, Latvia, and Oman.",
    )
    assert {"US", "CL", "LV", "OM"} <= set(found["appointment"].parties)


def test_a_datelines_city_in_a_state_the_text_never_names_is_the_writers_not_the_visits():
    body = (
        "NAIROBI, May 4 (Xinhua) -- Visiting Djiboutian President Ismail Omar Guelleh and Eritrean "
        "President Isaias Afwerki on Tuesday signed an agreement on trade."
    )
    found, _ = events_of("Djibouti, Eritrea sign trade pact", body, "NAIROBI")
    assert found["visit"].place is None and "KE" not in found["visit"].parties
    assert found["agreement"].place is None
    # a state the text names again is where the visit went
    body = (
        "NAIROBI, May 4 (Xinhua) -- Visiting Djiboutian President Ismail Omar Guelleh and Kenyan "
        "President William Ruto on Tuesday signed an agreement on trade."
    )
    found, _ = events_of("Djibouti, Kenya sign trade pact", body, "NAIROBI")
    assert found["visit"].place == "Nairobi"


def test_what_a_text_gives_for_example_is_no_event_of_its_own():
    found, _ = events_of(
        "Plan your visa early",
        "Consulates close on holidays. For example, the U.S. consulate in Paris recently warned that its "
        "visa unit will close from December 23, 2010.",
    )
    assert "statement" not in found


def test_a_guest_received_or_given_a_reception_is_met():
    # a guest named between "received" and the title, or before it; a reception held for a guest
    for body in (
        "Prime Minister Pham Minh Chinh received visiting Mongolian Minister of Justice Khishgee Nyambaatar"
        " in Hanoi on September 12. The two sides discussed trade.",
        "Prime Minister Pham Minh Chinh received Wang Yi, State Councilor and Foreign Minister of China,"
        " in Hanoi on September 12. The Chinese minister is in Vietnam for an official visit.",
        "Prime Minister Nguyen Xuan Phuc held a reception for Lao Foreign Minister Saleumxay Kommasith"
        " in Hanoi on Tuesday. The Lao minister is in Vietnam for a working visit.",
    ):
        found, primary = events_of("", body)
        assert primary == "meeting" and "visit" in found, body
    # what a company or a person is said to have received is no meeting
    found, _ = events_of(
        "", "Prime Minister Pham Minh Chinh received a letter from Vietnamese Workers on Tuesday."
    )
    assert "meeting" not in found


def test_a_statement_issued_at_a_meeting_is_where_they_met():
    found, primary = events_of(
        "Trilateral Strategic Dialogue Joint Statement",
        "The Foreign Minister of Australia, Julie Bishop, the Foreign Minister of Japan, Fumio Kishida,"
        " and the Secretary of State of the United States, John Kerry, met in Bali, Indonesia"
        " on October 4, 2013 for the fifth ministerial meeting of the Trilateral Strategic Dialogue."
        " The three ministers affirmed their commitment to the dialogue.",
    )
    assert primary == "statement" and found["statement"].place == "Bali" == found["summit"].place
    # a statement with no meeting beside it keeps no place
    found, _ = events_of("Pakistan condemns attack", "Pakistan strongly condemned the attack in a statement.")
    assert found["statement"].place is None


def test_a_headline_that_defines_announces_nothing():
    title = "A state visit is a formal visit by a head of state to a foreign country"
    body = (
        f"{title}, at the invitation of the head of state of that foreign country. Less formal visits than"
        " a state visit to another country, by either a head of state or a head of government, can be"
        " classified as an official visit or a working visit. Queen Elizabeth II of the United Kingdom made"
        " 96 state visits."
    )
    assert find_events(title, body, find_people(title, body), None, None) == ([], None)


def test_a_joint_press_release_of_a_meeting_is_its_statement():
    found, primary = events_of(
        "Joint Press Release of the Fourth Trilateral Foreign Ministers' Meeting among the Republic of Korea,"
        " Japan, and the People's Republic of China",
        "The Foreign Ministers of the Republic of Korea, Japan, and the People's Republic of China"
        " convened in Gyeongju for the Fourth Trilateral Foreign Ministers' Meeting.",
    )
    assert primary == "statement" and "summit" in found


def test_a_range_of_days_dates_its_event_by_the_first_and_its_statement_too():
    title = (
        "Joint Press Release of the Fourth Trilateral Foreign Ministers' Meeting among the Republic of Korea,"
        " Japan, and the People's Republic of China"
    )
    body = (
        "The Foreign Ministers of the Republic of Korea, Japan, and the People's Republic of China convened"
        " in Gyeongju for the Fourth Trilateral Foreign Ministers' Meeting held from May 15 to 16, 2010."
    )
    found, primary = find_events(title, body, find_people(title, body), None, None)
    dates = {event.type: event.date for event in found}
    assert primary == "statement" and dates == {"statement": "2010-05-15", "summit": "2010-05-15"}
    body = "President Sirisena paid a state visit to Nepal on 1-2 September 2018, meeting President Bhandari."
    found, _ = find_events("", body, find_people("", body), None, None)
    assert {event.date for event in found} == {"2018-09-01"}


def test_what_is_awaited_or_reported_on_is_no_event_of_its_own():
    found, primary = events_of(
        "PM phone call with President Obama",
        "The Prime Minister spoke to President Barack Obama yesterday evening ahead of seeing each other "
        "at the G7 meeting in Brussels. They discussed Afghanistan, where the Prime Minister briefed the "
        "President on his visit, and the prospects of the US signing a Bilateral Security Agreement.",
    )
    assert primary == "call" and set(found) == {"call"}  # no summit, visit or agreement
    found, _ = events_of(
        "Talks in Delhi",
        "Ahead of the summit, Prime Minister Narendra Modi met President Xi Jinping in New Delhi on Monday.",
    )
    assert "meeting" in found  # what comes after the comma is the news


def test_a_travel_ban_is_no_visit_and_two_ministries_consultation_no_summit():
    found, primary = events_of(
        "Syria ministers added to EU sanctions list",
        "European Union countries on Monday added seven Syrian ministers to a sanctions blacklist. "
        "The ministers have been barred from travelling to Europe and will see their assets frozen.",
    )
    assert primary == "sanction" and "visit" not in found
    found, primary = events_of(
        "Viet Nam, Laos hold sixth ministerial consultation",
        "Vietnamese Foreign Minister Pham Binh Minh and Lao Foreign Minister Saleumxay Kommasith "
        "co-chaired the sixth ministerial consultation in Ha Long on Wednesday.",
    )
    assert primary == "meeting" and "summit" not in found
    found, _ = events_of(
        "Minister receives credentials copies",
        "The minister received the copies of credentials of the new ambassador of Azerbaijan on Sunday, "
        "affirming the keenness to reactivate the political consultation committees.",
    )
    assert "meeting" not in found  # a standing body named is no round of talks


def test_a_visitor_who_arrived_here_is_in_the_datelines_city_and_a_forums_annual_meeting_is_no_meeting():
    body = (
        "Chinese President Xi Jinping arrived here Sunday to pay a state visit to Switzerland and attend the "
        "2017 annual meeting of the World Economic Forum in Davos. He was greeted by Swiss President Doris "
        "Leuthard at the airport."
    )
    found, primary = events_of("", body, dateline="ZURICH")
    assert primary == "visit" and found["visit"].place == "Zurich"  # not Davos, where he goes next
    assert "meeting" not in found
    # a visit told as a stay at the host's invitation
    found, primary = events_of(
        "",
        "Mongolian President Tsakhia Elbegdorj was in Pyongyang from Oct. 28-31 at the invitation of "
        "Kim Yong-nam, North Korea's parliamentary chief.",
    )
    assert primary == "visit" and found["visit"].place == "Pyongyang"
    # an annual meeting between two leaders is still their meeting
    found, _ = events_of(
        "", "Prime Minister Narendra Modi and President Vladimir Putin held their annual meeting in Moscow."
    )
    assert "meeting" in found


def test_a_senates_confirmation_names_its_envoys_and_the_headline_gives_its_day():
    body = (
        "The Senate confirmed four U.S. ambassadors on Thursday before heading out for recess.\n\n"
        "After approving a funding bill, the upper chamber confirmed by voice vote the nominees to serve as "
        "ambassadors to Belize and Panama.\n\n"
        "Former mayor of Chicago and White House chief of staff for President Barack Obama, Rahm Emanuel, "
        "was confirmed early Saturday as the ambassador to Japan.\n\n"
        "Larry Edward Andre Jr. as the ambassador to Somalia\n\n"
        "Steven C. Bondy as the ambassador to Bahrain\n\n"
        "This morning, the Senate confirmed Ken Salazar as U.S. ambassador to Mexico\u2014the first to be "
        "confirmed."
    )
    people = find_people("", body)
    found, primary = find_events(
        "The Senate confirmed four U.S. ambassadors on Thursday", body, people, dt.date(2022, 9, 30), None
    )
    assert primary == "appointment"
    appointment = found[0]
    # each envoy by the post, not the official named before them; none across a list's line break
    assert {"Rahm Emanuel", "Larry Edward Andre Jr.", "Steven C. Bondy", "Ken Salazar"} <= set(
        appointment.people
    )
    assert not any("\n" in name for name in appointment.people)
    assert {"JP", "SO", "BH", "MX"} <= set(appointment.parties)  # "Mexico\u2014the" names Mexico
    assert appointment.date == "2022-09-29"  # the headline's Thursday, where the first sentence has no day


def test_an_agency_caption_is_chrome_and_nominations_are_no_name():
    page = (
        "Senate Confirms Three Dozen Of Joe Biden\u2019s Ambassador Nominations After Long Delay\n\n"
        "WASHINGTON - NOVEMBER 10: White House Chief of Staff Rahm Emanuel addresses the United Jewish "
        "Communities during their General Assembly November 10, 2009 in Washington, DC.\n\n"
        "The U.S. Senate confirmed more than three dozen of President Joe Biden\u2019s ambassador "
        "nominations. The nominations had been delayed by months due to a hold placed by a senator.\n\n"
        "Rahm Emanuel was confirmed early Saturday as the ambassador to Japan."
    ).encode()
    article = extract_article(page, source="senate.txt")
    assert "NOVEMBER 10" not in article.body and article.dateline is None
    assert article.date != dt.date(2009, 11, 10)  # the caption's day is not the story's
    assert not any("Nominations" in person.name for person in article.people)
    assert article.primary_event == "appointment"


def test_purposes_weighed_sanctions_and_abbreviations_are_no_events_now():
    # a page's first sentence tells the journey's purpose; what he "will also meet" is to come
    found, primary = events_of(
        "",
        "Chinese President Xi Jinping arrived here Thursday to meet with his U.S. counterpart Barack Obama "
        "as part of his first state visit to the United States. He will also meet U.S. parliament leaders "
        "and attend a welcoming luncheon hosted by Vice President Joe Biden.",
    )
    assert primary == "visit" and "meeting" not in found
    # met at an air force base on landing: welcomed, not in talks
    found, primary = events_of(
        "Hu Jintao arrives in US for state visit",
        "Hu Jintao was met by US vice president Joe Biden at Andrews air force base in Maryland.",
    )
    assert primary == "visit" and "meeting" not in found and "Joe Biden" in found["visit"].people
    # sanctions weighed or proposed are not imposed
    for title, body in (
        ("EU eyes Russian officials, banks, industry for sanctions", ""),
        (
            "",
            "The European Union has proposed travel bans and asset freezes on almost 200 more Russian "
            "officials as part of a new round of sanctions aimed at ramping up pressure on Moscow.",
        ),
    ):
        found, _ = events_of(title, body)
        assert "sanction" not in found


def test_former_officials_and_spokespersons_take_part_only_where_they_act():
    found, primary = events_of(
        "China condemns attack in Kabul",
        "China\u2019s Foreign Ministry Spokesperson Wang Wenbin strongly condemned the explosion on "
        "Thursday. Former Afghan President Hamid Karzai condemned the explosion too.",
    )
    assert primary == "statement" and "Wang Wenbin" in found["statement"].people
    assert "Hamid Karzai" not in found["statement"].people  # a former president holds no office
    found, _ = events_of(
        "Talks in Islamabad",
        "Chinese Foreign Minister Wang Yi held talks with Pakistan Prime Minister's Advisor on Foreign "
        "Affairs Sartaj Aziz in Islamabad on Monday, Foreign Office Spokesperson Nafees Zakaria said.",
    )
    assert {"Wang Yi", "Sartaj Aziz"} <= set(found["meeting"].people)
    assert "Nafees Zakaria" not in found["meeting"].people  # the spokesperson told of the talks
    found, _ = events_of(
        "Biden names envoys",
        "President Joe Biden on Tuesday nominated former Interior Secretary Ken Salazar as ambassador to "
        "Mexico.",
    )
    assert "Ken Salazar" in found["appointment"].people  # a former official may be named an envoy
    found, _ = events_of(
        "EU sanctions Russian officials",
        "The European Union on Monday imposed fresh sanctions on dozens of Russian officials. "
        "\u201cThis package of sanctions is part of our response,\u201d EU foreign policy chief Kaja Kallas "
        "said.",
    )
    assert "Kaja Kallas" in found["sanction"].people  # the EU's official, named in lower case


def test_a_town_named_with_the_events_day_is_its_place():
    found, _ = events_of(
        "",
        "Turkish Foreign Minister Hakan Fidan held a meeting with Chief of Army Staff General Asim Munir "
        "in Rawalpindi today and discussed matters of mutual interest.",
        dateline="ISLAMABAD",
    )
    assert found["meeting"].place == "Rawalpindi"  # not the dateline's city
    found, _ = events_of(
        "", "Foreign Minister Hakan Fidan met his counterpart in Parliament today.", dateline="ISLAMABAD"
    )
    assert found["meeting"].place == "Islamabad"  # an institution is no town


def test_envoys_appointed_by_the_post_and_the_leads_background_names_no_participant():
    # "X was appointed ambassador to Y": each envoy by the post (not the president who appoints them)
    found, _ = events_of(
        "Chinese president appoints new ambassadors",
        "BEIJING, Nov. 26 (Xinhua) -- Chinese President Xi Jinping has appointed the following ambassadors, "
        "according to a statement on Tuesday.\n\n"
        "Wang Lutong was appointed ambassador to the Republic of Indonesia, replacing Lu Kang.\n\n"
        "Lin Ji was appointed ambassador to the Republic of Suriname, replacing Han Jing.",
    )
    assert {"Wang Lutong", "Lin Ji"} <= set(found["appointment"].people)
    # an official the lead names only in its background takes no part
    found, _ = events_of(
        "U.S. imposes sanctions on Iran's foreign minister",
        "The United States on Wednesday imposed sanctions on Iranian Foreign Minister Mohammad Javad Zarif. "
        '"Zarif implements the reckless agenda," Treasury Secretary Steven Mnuchin said in a statement. '
        "Tensions have risen following U.S. President Donald Trump's withdrawal last year from a 2015 "
        "nuclear accord.",
    )
    assert found["sanction"].people == ["Steven Mnuchin"]


def test_talks_with_their_adjectives_and_a_ministry_named_without_its_state_under_a_dateline():
    # "had very fruitful talks", told after the lead, is a meeting (not "had been holding direct talks")
    body = (
        "Members of Rwandan President Paul Kagame's delegation signed two MoUs with their Guinean "
        "counterparts on Tuesday. The leaders reviewed the ties. Kagame inaugurated an interchange. He "
        "thanked the people. "
        "He spoke of knowledge. He spoke of expertise. The Rwandan President also said he had \u201cvery "
        "fruitful talks\u201d with the head of the Guinean junta."
    )
    assert "meeting" in events_of("Guinea and Rwanda sign two MoUs", body)[0]
    found, _ = events_of("", "Washington and the Taliban had been holding direct talks on the swap.")
    assert "meeting" not in found
    # "TAIPEI (Taiwan News) - The Ministry of Foreign Affairs ... condemned": the dateline's state's ministry
    found, _ = events_of(
        "",
        "TAIPEI (Taiwan News) \u2014 The Ministry of Foreign Affairs (MOFA) on Wednesday condemned North "
        "Korea's launch of a spy satellite.",
        dateline="TAIPEI",
    )
    assert found["statement"].parties[:2] == ["TW", "KP"]
    found, _ = events_of(
        "",
        "KYIV \u2014 The Ministry of Foreign Affairs of Ukraine strongly condemns North Korea's launch.",
        dateline="KYIV",
    )
    assert set(found["statement"].parties) == {"UA", "KP"}


def test_a_headline_in_capitals_is_read_in_time():
    # a run of capitals was split every way a name list could be: this page took minutes
    title = (
        "MINISTER FOR FOREIGN RELATIONS OF MONGOLIA MEETS THE MINISTER OF FOREIGN AFFAIRS"
        " OF THE REPUBLIC OF KOREA"
    )
    body = (
        f"{title}\n\nOn September 27, 2024, the Minister for Foreign Affairs of Mongolia held a meeting"
        " with the Minister of Foreign Affairs of the Republic of Korea on the sidelines of the UN General"
        " Assembly."
    )
    found, primary = events_of(title, body)
    assert primary == "meeting" and {"MN", "KR"} <= set(found["meeting"].parties)


def test_an_official_is_found_under_any_spelling_the_registry_knows():
    # the registry writes "Berdimuhamedow"; the text "Berdimuhamedov"
    found, primary = events_of(
        "Turkmen and Russian presidents speak by phone",
        "President of Turkmenistan Gurbanguly Berdimuhamedov and President of Russia Vladimir Putin"
        " discussed trade and energy by telephone on Tuesday.",
    )
    assert primary == "call"
    assert {"Gurbanguly Berdimuhamedow", "Vladimir Putin"} <= set(found["call"].people)
