"""One person, one facet value: variant spellings merge across articles, namesakes do not."""

from __future__ import annotations

import pytest

from indexer.enrich.countries import countries_in
from indexer.enrich.people import Person, find_people, same_person, surname_key
from indexer.pipeline import ingest_bytes
from indexer.rebuild import reindex
from search.backends import open_backend
from search.query import SearchRequest


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shahbaz Sharif", "Shehbaz Sharif"),
        ("Muhammad Shehbaz Sharif", "Shehbaz Sharif"),
        ("Kassym-Jomart Tokayev", "Kasym-Zhomart Tokaev"),
        ("Recep Tayyip Erdoğan", "Tayyip Erdogan"),
        ("Shavkat Mirziyoyev", "Shavkat Mirziyoev"),
    ],
)
def test_variant_spellings_are_one_person(a, b):
    assert same_person(Person(a), Person(b)) and same_person(Person(b), Person(a))
    assert surname_key(a) == surname_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nawaz Sharif", "Shehbaz Sharif"),  # brothers
        ("Mark Rutte", "Marc Rutte"),  # one letter apart in a short name is too little to go on
        ("Kim Jong Un", "Kim Jong Il"),
        ("Sharif", "Shehbaz Sharif"),  # a bare surname is merged within its article only
    ],
)
def test_namesakes_stay_apart(a, b):
    assert not same_person(Person(a), Person(b))


def test_conflicting_countries_stay_apart():
    assert not same_person(Person("Ali Hassan", None, "EG"), Person("Ali Hasan", None, "JO"))
    assert same_person(Person("Ali Hassan", None, "EG"), Person("Ali Hasan", None, None))


def page(text: str) -> bytes:
    return (
        "Ministers meet on the corridor\n\n"
        f"{text} met his counterpart in Tashkent on Monday to discuss the new rail corridor, "
        "which is meant to double the trade between both countries within five years, officials said.\n\n"
        "Both sides agreed to meet again in the spring to review the progress of the works.\n"
    ).encode()


def person_counts(data_dir) -> dict[str, int]:
    return dict(open_backend(data_dir).search(SearchRequest()).counts["person"])


def test_a_new_spelling_is_indexed_as_the_known_one(tmp_path):
    article, _ = ingest_bytes(tmp_path, page("Uzbek Foreign Minister Bakhtiyor Saydov"))
    ingest_bytes(tmp_path, page("Foreign Minister Bakhtiyor Saidov of Uzbekistan"))
    article, _ = ingest_bytes(tmp_path, page("Foreign Minister Baxtiyor Saidov"))
    ingest_bytes(tmp_path, page("Foreign Minister Rustam Saidov"))  # another person
    assert person_counts(tmp_path) == {"Bakhtiyor Saydov": 3, "Rustam Saidov": 1}
    assert [p.name for p in article.people] == ["Bakhtiyor Saydov"]
    hits = open_backend(tmp_path).search(SearchRequest(persons=("Bakhtiyor Saydov",)))
    assert hits.total == 3


def test_a_rebuild_settles_on_the_most_used_spelling(tmp_path):
    ingest_bytes(tmp_path, page("Uzbek Foreign Minister Bakhtiyor Saydov"))
    for text in ("Foreign Minister Bakhtiyor Saidov", "Foreign Minister Bakhtiyor Saidov of Uzbekistan"):
        ingest_bytes(tmp_path, page(text), supplied={"title": text})  # different pages, one spelling
    assert person_counts(tmp_path) == {"Bakhtiyor Saydov": 3}
    reindex(tmp_path)
    assert person_counts(tmp_path) == {"Bakhtiyor Saidov": 3}


def test_two_spellings_of_one_person_tie_a_story_together(tmp_path):
    first, _ = ingest_bytes(
        tmp_path,
        page("Uzbek Foreign Minister Bakhtiyor Saidov said the sides signed 37 MoUs in Tashkent, and")
        + b"Traders expect the new road to cut delivery times for fruit and cotton by half.\n",
        supplied={"date": "2026-02-03"},
    )
    second, _ = ingest_bytes(
        tmp_path,
        b"Uzbekistan and Turkmenistan sign dozens of accords\n\nUzbek Foreign Minister Bakhtiyor Saydov "
        b"hailed the 37 MoUs signed with Turkmenistan on Wednesday as a turning point for the region, "
        b"speaking to reporters in Tashkent after a day of talks that ran late into the evening.\n",
        supplied={"date": "2026-02-04"},
    )
    hits = open_backend(tmp_path).search(SearchRequest(collapse=False)).hits
    stories = {hit.id: hit.meta["story_id"] for hit in hits}
    assert stories[first.id] == stories[second.id]


def test_company_names_and_headline_words_are_not_people():
    from indexer.enrich.people import find_people

    names = [
        person.name
        for person in find_people(
            "President Signs Peru Aid Agreement",
            "General Electric Co and General Dynamics Corp said on Monday that President Alan Garcia "
            "had approved the plan, and Minister Meets Stoltenberg was the headline of the day. The Chief "
            "of the General Staff attended.",
        )
    ]
    assert names == ["Alan Garcia"]  # nor is "General Staff" a general's name


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Secretary Hagel spoke in Washington.", ["Hagel"]),
        # Wang Yi, a known foreign minister, is found without his title too
        ("Secretary of State Jane Q. Doe met Wang Yi in Beijing.", ["Jane Q. Doe", "Wang Yi"]),
        ("Press Secretary Karoline Leavitt said so.", ["Karoline Leavitt"]),
        ("The Secretary said the talks would go on.", []),
    ],
)
def test_a_secretary_and_a_middle_initial_are_read_whole(text, people):
    assert [person.name for person in find_people("", text)] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Minister of State for External Affairs V K Singh called on him.", ["V K Singh"]),
        ("Foreign Minister Dr AK Abdul Momen, MP bid adieu to him.", ["AK Abdul Momen"]),
        (
            "Minister of State for Foreign Affairs HE Sultan bin Saad Al Muraikhi met him.",
            ["Sultan bin Saad Al Muraikhi"],
        ),
        (
            "The Minister of Foreign Affairs, Shaikh Khalid bin Ahmed bin Mohammed Al Khalifa, met him.",
            ["Shaikh Khalid bin Ahmed bin Mohammed Al Khalifa"],
        ),
        # a body's or a country's letters are no initials
        ("He met Secretary General UN Antonio Guterres.", ["Antonio Guterres"]),
    ],
)
def test_initials_honorifics_and_long_arabic_names_are_read_whole(text, people):
    assert [person.name for person in find_people("", text)] == people


def test_a_known_surname_after_a_title_is_the_known_person_with_their_country():
    people = find_people("", "President Obama met Secretary Kerry and Chancellor Merkel in Berlin.")
    assert [(p.name, p.country) for p in people] == [
        ("Barack Obama", "US"),
        ("John Kerry", "US"),
        ("Angela Merkel", "DE"),
    ]
    # a surname shared by several known people, or common, stays as written
    assert [p.name for p in find_people("", "Prime Minister Khan spoke.")] == ["Khan"]


def test_known_people_named_in_full_are_found_without_a_title():
    text = (
        "During the call, Vladimir Putin conveyed his greetings to Angela Merkel. "
        "President Putin wished her well; Merkel thanked him. The Putin-era rules stay."
    )
    assert find_people("", text) == [
        Person("Vladimir Putin", "President", "RU"),  # the title given later joins the full name
        Person("Angela Merkel", None, "DE"),
    ]
    # a known surname alone, or a full name inside a longer one, is no one
    assert find_people("", "Merkel and Putin spoke. Angela Merkelova, a painter, said.") == []


def test_countries_joined_by_a_dash_are_each_named():
    assert countries_in("the UK-India relationship and US–China talks") == ["GB", "IN", "US", "CN"]
    assert countries_in("talks with the US on Monday") == ["US"]
    assert countries_in("security in the Indo-Pacific, said al-Sisi. Let us go.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Hon. Manasseh Sogavare arrived in Beijing.", "Manasseh Sogavare"),
        ("Prime Minister Dr Keith Rowley signed three memoranda.", "Keith Rowley"),
        ("Prime Minister Datuk Seri Najib Razak arrived in Male.", "Najib Razak"),
        ("He called Prime Minister Dr. Haider al-Abadi today.", "Haider al-Abadi"),
        ("The U.S. Ambassador Cindy Hensley McCain arrived.", "Cindy Hensley McCain"),
        ("He met Egypt's Minister of Foreign Affairs, H.E. Sameh Shoukry, in Cairo.", "Sameh Shoukry"),
        ("The Foreign Minister, Moscow said, will not attend.", None),
        ("Foreign Affairs Minister Dr. Tedros Adhanom sent a message.", "Tedros Adhanom"),
        ("General Secretary Nguyễn Phú Trọng presided over the ceremony.", "Nguyễn Phú Trọng"),
        ("Foreign Minister Kang Kyung-wha held phone talks.", "Kang Kyung-wha"),
        ("It follows President Trump-era policies.", "Donald Trump"),  # the registry's full name
        ("The President of the Russian Federation signed it.", None),
        ("Monaco ambassador Didier Gamerdinger presented his credentials.", "Didier Gamerdinger"),
        ("Japanese government spokesman Hirokazu Matsuno said so.", "Hirokazu Matsuno"),
        ("The former president Carter said so.", None),  # a title in lower case only after a country
        ("He met Secretary of Foreign Affairs Alicia Bárcena of Mexico.", "Alicia Bárcena"),
        ("Minister of Foreign Affairs and International Cooperation Vincent Biruta spoke.", "Vincent Biruta"),
        ("He wrote to the President.\n\nDear Barack,", None),
        (
            "The Minister of State for Foreign Affairs, Amb. Bianca Odumegwu-Ojukwu, said so.",
            "Bianca Odumegwu-Ojukwu",
        ),
        ("She met the Minister of State, Her Excellency Bianca Odumegwu-Ojukwu.", "Bianca Odumegwu-Ojukwu"),
        ("Ambassador Eoin O'Leary presented his credentials.", "Eoin O'Leary"),
        (
            "US President Barack Obama Thursday announced new sanctions.",
            "Barack Obama",
        ),  # the day is the verb's
        ('"China will help Somalia restore peace," spokeswoman Hua Chunying said.', "Hua Chunying"),
        ("A spokeswoman Hua Chunying said so.", None),  # a title in lower case: after a country or a quote
        (
            "It was signed by the Minister of Communication and Information Technology, Faustine Ndugulile.",
            "Faustine Ndugulile",
        ),
    ],
)
def test_honorifics_commas_and_particles_in_titled_names(text, name):
    assert [person.name for person in find_people("", text)] == ([name] if name else [])


def test_a_title_of_a_country_gives_the_person_that_country():
    people = find_people(
        "", "The Emir of Qatar Sheikh Tamim bin Hamad met the Prime Minister of the Netherlands, Mark Rutte."
    )
    assert [(p.name, p.country) for p in people] == [("Sheikh Tamim bin Hamad", "QA"), ("Mark Rutte", "NL")]


def test_a_person_named_before_a_title_of_a_country():
    people = find_people(
        "",
        "Beijing summoned Hideo Tarumi, Japan’s ambassador to China, on Sunday. They met Mr Sameh Shoukry, "
        "the Foreign Minister of Egypt, in Cairo. A release from the Rashtrapati Bhavan, the President of "
        "India accepted the credentials. John Smith, the president of Acme, said so.",
    )
    assert [(p.name, p.role, p.country) for p in people] == [
        ("Hideo Tarumi", "Ambassador", "JP"),
        ("Sameh Shoukry", "Foreign Minister", "EG"),
    ]  # no apposition when a clause goes on after the title, nor without a country
    people = find_people("", "Dmitry A. Medvedev, President of the Russian Federation, and Barack Obama.")
    assert (people[0].name, people[0].country) == ("Dmitry A. Medvedev", "RU")  # an initial, a long name
    people = find_people("", "Gordon Brown, British prime minister\n\nI offer my congratulations.")
    assert [(p.name, p.role, p.country) for p in people] == [("Gordon Brown", "Prime Minister", "GB")]


def test_a_country_just_before_a_title_is_its_country_but_not_across_punctuation():
    people = find_people("", "BAKU: Foreign Minister Salem Al-Sabah met Turkish Minister Hakan Fidan.")
    assert [(p.name, p.country) for p in people] == [("Salem Al-Sabah", None), ("Hakan Fidan", "TR")]
    people = find_people("", "Leaders came from Niger, President Hage Geingob among them.")
    assert [(p.name, p.country) for p in people] == [("Hage Geingob", None)]


def test_an_envoy_named_with_the_country_they_are_posted_to():
    text = (
        "Russia summoned Greek Ambassador to Moscow Andreas Friganas. US ambassador to India Eric Garcetti "
        "and the Ambassador of Chile to India Juan Angulo presented credentials."
    )
    assert [(p.name, p.country) for p in find_people("", text)] == [
        ("Andreas Friganas", "GR"),  # the post is not the envoy's country
        ("Eric Garcetti", "US"),
        ("Juan Angulo", "CL"),
    ]


def test_a_transcripts_speakers_by_title_and_surname():
    text = "FOREIGN MINISTER KOVAC:  Welcome to Zagreb.\n\nSECRETARY SMITH:  Thank you.\n\nQUESTION:  Why?"
    speakers = [(p.name, p.role) for p in find_people("", text)]
    assert speakers == [("Kovac", "Foreign Minister"), ("Smith", "Secretary")]


def test_a_name_may_begin_with_a_word_that_ends_a_places_name():
    people = find_people("", "He met South Korean Foreign Minister Park Jin on Friday at the Kennedy Center.")
    assert [(p.name, p.country) for p in people] == [("Park Jin", "KR")]
    assert find_people("", "The award went to President Kennedy Center staff.") == []


def test_a_headlines_verb_is_no_name():
    people = find_people("King Exchanges Views on the Phone with Saudi Crown Prince", "")
    assert "Exchanges Views" not in [p.name for p in people]
    people = find_people("Trump, Saudi Crown Prince Mohammed bin Salman Discuss Iran Over Phone", "")
    assert "Mohammed bin Salman" in [p.name for p in people]


def test_a_minister_for_a_portfolio():
    people = find_people("", "Minister for Foreign Affairs Simon Coveney met the envoy of Ghana on Monday.")
    assert [(p.name, p.role) for p in people] == [("Simon Coveney", "Minister for Foreign Affairs")]


def test_an_envoy_in_the_country_of_the_post():
    people = find_people("", "Pakistan's Ambassador in Kuwait Iftikhar Aziz was also present.")
    assert [(p.name, p.country) for p in people] == [("Iftikhar Aziz", "PK")]


def test_a_title_designate_and_a_name_joined_by_a_short_word():
    people = find_people(
        "", "The President spoke with Iraqi Prime Minister-designate Haider al-Abadi on Monday."
    )
    assert ("Haider al-Abadi", "IQ") in [(p.name, p.country) for p in people]
    people = find_people("", "The summit had concluded, said Thai Prime Minister Prayut Chan-o-cha.")
    assert [p.name for p in people] == ["Prayut Chan-o-cha"]


def test_a_monarchs_number_is_part_of_the_name():
    people = find_people("", "Jordan's King Abdullah II met Pope Benedict XVI on Monday.")
    assert [(p.name, p.country) for p in people] == [("Abdullah II", "JO"), ("Benedict XVI", None)]


def test_the_holy_sees_diplomats_are_read_by_their_titles():
    people = find_people(
        "Russia, Vatican sign visa agreement",
        "The document was signed by Deputy Foreign Minister Alexey Meshkov and Apostolic Nuncio to Russia, "
        "Archbishop Celestino Migliore. Vatican Secretary of State Cardinal Pietro Parolin met Lavrov.",
    )
    names = " ".join(p.name for p in people)
    assert "Celestino Migliore" in names and "Pietro Parolin" in names


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "He was joined by Minister for International Development and the Pacific, Pat Conroy.",
            "Pat Conroy",
        ),
        ("The Secretary of State for Latin America and the Caribbean, Juan Trigo, held talks.", "Juan Trigo"),
        ("UK Ambassador to the United Nations Karen Pierce has been appointed.", "Karen Pierce"),
        ("Russia's ambassador to the UN, Vasily Nebenzya, told reporters.", "Vasily Nebenzya"),
        ("Tanzanian leader John Pombe Magufuli arrived in Kenya.", "John Pombe Magufuli"),
        ("US Secretary of State Mike Pompeo Image Credit: ANI", "Mike Pompeo"),
    ],
)
def test_long_portfolios_posts_at_the_un_leaders_and_captions(text, name):
    names = [p.name for p in find_people("", text)]
    assert name in names and not any(
        word in " ".join(names) for word in ("Development", "Credit", "Agencies")
    )


def test_a_title_after_a_full_name_and_a_comma_is_the_next_persons_not_a_name():
    text = (
        "Minister for Foreign Affairs of Japan Seiji Maehara, Minister of Foreign Affairs and Trade of the"
        " Republic of Korea Kim Sung-hwan, and Secretary of State Hillary Clinton met. The delegation"
        " consisted of Minister of Foreign Affairs Makhdoom Shah Mehmood Qureshi, Advisor to the Prime"
        " Minister on Commerce Abdul Razak Dawood, and Mary Miller, Under Secretary for Domestic Finance,"
        " Department of the Treasury."
    )
    names = [p.name for p in find_people("", text)]
    assert {"Seiji Maehara", "Kim Sung-hwan", "Makhdoom Shah Mehmood Qureshi"} <= set(names)
    assert not {"Minister", "Advisor", "Finance"} & set(names)


def test_a_post_at_a_un_agency_is_no_name():
    text = "Ambassador McCain is the ninth U.S. Ambassador to the UN Agencies in Rome."
    assert [p.name for p in find_people("", text)] == ["McCain"]


def test_honorifics_before_a_name_are_not_part_of_it():
    people = find_people(
        "",
        "Cabinet Secretary Ambassador Raychelle Omamo met Minister of Commerce H.E. Dr Majid Alkassabi. "
        "The Minister of Foreign Affairs, Professor David J Francis, signed seven memoranda.",
    )
    assert {"Raychelle Omamo", "Majid Alkassabi", "David J Francis"} <= {person.name for person in people}


def test_a_name_before_a_president_of_a_republic_and_the_next_name():
    people = find_people(
        "",
        "The signing took place in the presence of His Excellency Uhuru Kenyatta, President of the Republic "
        "of Kenya and His Excellency Dr Julius Maada Bio, President of the Republic of Sierra Leone.",
    )
    found = {person.name: person.country for person in people}
    assert found["Uhuru Kenyatta"] == "KE" and found["Julius Maada Bio"] == "SL"


def test_the_rest_of_a_countrys_name_is_no_name():
    people = find_people(
        "",
        "He received Prince Mohammed bin Salman, Crown Prince and Minister of Defence of Saudi Arabia, who "
        "arrived on Wednesday.",
    )
    assert "Arabia" not in [p.name for p in people]


def test_a_queen_consorts_name_is_hers_alone():
    people = find_people("", "He sent his best wishes to King Charles and Queen Consort Camilla.")
    assert ("Camilla", "Queen Consort") in [(p.name, p.role) for p in people]


def test_a_minister_after_the_states_name_and_an_afghani_counterpart():
    people = find_people(
        "",
        "Turkish minister Ahmet Demirkol spoke with Saudi Arabia's Foreign Minister Prince Faisal bin "
        "Farhan, who met his Afghani counterpart, Mohammad Hanif Atmar.",
    )
    names = {p.name: p.country for p in people}
    assert names.get("Ahmet Demirkol") == "TR"
    assert countries_in("his Afghani counterpart") == ["AF"]


def test_a_list_of_nominees_by_the_state_each_is_posted_to():
    from indexer.enrich.people import envoys

    found = envoys(
        "President Biden announced a slate of ambassadorial nominees. Other nominees include Marc Ostfield "
        "to Paraguay, Cynthia Ann Telles to Costa Rica and Troy Damian Fitrell to Guinea."
    )
    assert [(p.name, posting) for _, p, posting in found] == [
        ("Marc Ostfield", "PY"),
        ("Cynthia Ann Telles", "CR"),
        ("Troy Damian Fitrell", "GN"),
    ]


def test_a_rank_dotted_initials_a_pm_of_a_state_and_a_headlines_adverb():
    def people(title, body=""):
        return [(p.name, p.role, p.country) for p in find_people(title, body)]

    assert people(
        "",
        "He was welcomed by Secretary to President P.B. Jayasundera and Foreign Secretary Admiral Prof. "
        "Jayanath Colombage.",
    ) == [("P.B. Jayasundera", "President", None), ("Jayanath Colombage", "Foreign Secretary", None)]
    assert people("", "It was attended by PM of Cambodia Hun Manet and PM of Singapore Lee Hsien Loong.") == [
        ("Hun Manet", "PM", "KH"),
        ("Lee Hsien Loong", "PM", "SG"),
    ]
    assert people("", "Choose the PM Software Pricing Model that fits, or ask PM House.") == []
    assert people("President Jokowi Officially Opens the 43rd ASEAN Summit") == [
        ("Joko Widodo", "President", "ID")
    ]


def test_a_known_person_after_mr_and_an_envoy_of_the_us_to_the_country():
    assert [
        p.name for p in find_people("", "During the meeting, Mr Putin relayed to Mr Smith the proposals.")
    ] == ["Vladimir Putin"]
    found = find_people("", "It was signed by HE John Rakolta, the US ambassador to the country.")
    assert [(p.name, p.role, p.country) for p in found] == [("John Rakolta", "Ambassador", "US")]


def test_a_kings_name_is_not_his_sons_fathers_name():
    found = find_people(
        "", "Saudi Arabia's King Salman sent a cable. Crown Prince Mohammed bin Salman sent a similar cable."
    )
    assert [(p.name, p.role) for p in found] == [("Salman", "King"), ("Mohammed bin Salman", "Crown Prince")]


def test_a_name_with_initials_before_a_title_of_a_states_whole_name():
    people = find_people(
        "",
        "The forum was chaired by Professor K.N. Perera, Minister of External Affairs of Sri Lanka. "
        "Present was Ms. Marie Ilunga Kabeya, Ambassador of the Democratic Republic of the Congo.",
    )
    found = {p.name: p.country for p in people}
    assert found.get("K.N. Perera") == "LK"
    assert found.get("Marie Ilunga Kabeya") == "CD"  # not the Congo (CG)


def test_a_governor_general_an_honourable_general_and_an_envoy_to_the_commonwealth_of_australia():
    body = (
        "Vanuatu's first High Commissioner to the Commonwealth of Australia, H. E. Kalfau George Kaloris "
        "presented his Letter of Credence to the Governor General of Australia, Her Excellency Quentin "
        "Bryce. A month later, Mr. Sonam Tobgay presented his credentials to His Excellency General the "
        "Honourable David Hurley AC DSC (Retd), and thanked the Foreign Service of Vanuatu."
    )
    people = {p.name: p for p in find_people("Envoys present credentials", body)}
    assert {"Kalfau George Kaloris", "Quentin Bryce", "David Hurley"} <= set(people)
    assert people["Quentin Bryce"].role == "Governor General"
    assert "Foreign Service" not in people  # a service is nobody
    assert countries_in("the Commonwealth of Australia and the Commonwealth of Dominica") == ["AU", "DM"]


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        # a portfolio of two parts, the second of two words
        (
            "Minister of Planning and International Cooperation Dr. Basem Awadallah attended.",
            "Basem Awadallah",
            "Minister of Planning and International Cooperation",
            None,
        ),
        (
            "Minister for Foreign Affairs and East African Cooperation Liberata Mulamula spoke.",
            "Liberata Mulamula",
            "Minister for Foreign Affairs and East African Cooperation",
            None,
        ),
        # a reigning monarch is known by name and number
        ("His Majesty King Abdullah II arrived in Paris last night.", "Abdullah II", "King", "JO"),
        ("King Mohammed VI will pay an official visit.", "Mohammed VI", "King", "MA"),
    ],
)
def test_a_two_part_portfolio_and_a_monarch(text, name, role, country):
    from indexer.enrich.people import find_people

    assert [(p.name, p.role, p.country) for p in find_people("", text)] == [(name, role, country)]


def test_a_minister_of_any_portfolio_a_charge_d_affaires_and_a_chief_of_staff():
    def people(title: str, body: str) -> list[tuple[str, str | None, str | None]]:
        return [(p.name, p.role, p.country) for p in find_people(title, body)]

    assert people(
        "", "Minister Jeremy Browne and Foreign Office Minister Henry Bellingham visited Leeds."
    ) == [
        ("Jeremy Browne", "Minister", None),
        ("Henry Bellingham", "Minister", None),
    ]
    assert people("", "Chinese Charge d'Affaires Pang Chunxue met Senate Majority Leader Harry Reid.") == [
        ("Pang Chunxue", "Charge d'Affaires", "CN"),
        ("Harry Reid", "Majority Leader", None),
    ]
    assert people("", "He met Chief of Army Staff General Asim Munir in Rawalpindi.") == [
        ("Asim Munir", "Chief of Army Staff", None)
    ]
    # not a minister's rank, nor a name a paragraph after its title
    assert (
        people("", "The Minister Counsellor Of The Embassy and the Minister Responsible For Trade spoke.")
        == []
    )
    assert (
        people("", "Talks with Nigeria - Information Minister\n\nHoping that the meeting will succeed.") == []
    )


def test_an_emperor_a_president_elect_and_a_portfolio_whose_adjective_is_not_all_of_it():
    names = {
        p.name: p.role
        for p in find_people("", "They sent a letter of condolence to Emperor Akihito of Japan.")
    }
    assert names == {"Akihito": "Emperor"}
    found = find_people(
        "", "The crown prince congratulated Iran's president-elect, Massoud Pezeshkian, by phone."
    )
    assert [p.name for p in found] == ["Massoud Pezeshkian"]
    # "the Minister for Foreign Business and Communities" is no "Minister for Foreign" named Business
    text = (
        "They signed a memorandum between the Minister for Foreign Affairs and Cooperation and the Minister "
        "for Foreign Business and Communities from Sao Tome. Minister for Foreign Trade John Smith and "
        "Minister of Foreign and European Affairs Gordan Grlic Radman attended."
    )
    assert {p.name: p.role for p in find_people("", text)} == {
        "John Smith": "Minister for Foreign Trade",
        "Gordan Grlic Radman": "Minister of Foreign and European Affairs",
    }
