"""What an event found in an article is made of: its parties, officials, place, date, and for
agreements how many were signed and on what (indexer/enrich/events.py finds the events).

Parties are the countries named as acting in the sentences that report the event, before what
they discuss or agree on, with the countries of the officials taking part, and the article's
countries to complete the two sides; the EU and the UN when they act. The place is a city the
event is held in, the date the day its evidence gives near the page's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from indexer.clean.dates import MONTH_NAME, WEEKDAY_NAME, dates_at, infer_year, month_day
from indexer.enrich.countries import countries_in, country_codes, country_entries, country_spans
from indexer.enrich.people import Person, fold_name, spellings

_I = re.IGNORECASE
# A mention's order: its sentence's number (the headline is 0) times this, plus where it stands in it.
SENTENCE = 10_000
INSTRUMENTS = (
    r"(?:agreements?|accords?|pacts?|treat(?:y|ies)|memorand\w*|MoUs?|declarations?|protocols?"
    r"|conventions?|deals?)"
)
# a body's texts cited are no session of it, and do not make it a party: "violates UN Security
# Council resolutions", "the UN Charter"
NOT_ITS_TEXTS = (
    r"(?!['\u2019]?s? (?:Security Council |General Assembly )?(?:resolutions?|Charter|sanctions)\b)"
)
COUNCILS = r"(?:Security Council|General Assembly|Human Rights Council)"  # of the UN
EU = re.compile(r"\b(?:European Union|EU|European Commission|European Council|Foreign Affairs Council)\b")
UN = re.compile(rf"\b(?:United Nations|UNITED NATIONS|UN|UNSC|{COUNCILS})\b{NOT_ITS_TEXTS}")
# (a state's name of two words too: "Secretary of the Russian Federation Security Council")
_STATE_BEFORE = re.compile(r"\b((?:[A-Z][\w-]*\s+)?[A-Z][\w-]*?)(?:['\u2019]s)?\s+$")


def states_own(text: str, council: re.Match[str]) -> bool:
    """Whether a council found in a text is a state's own ("the Russian Security Council", "Iran's
    Supreme National Security Council"), not the UN's."""
    if not council.group(0).endswith(("Council", "Assembly")):
        return False
    before = _STATE_BEFORE.search(text[max(0, council.start() - 40) : council.start()])
    return bool(before and (before.group(1).split()[-1] == "National" or countries_in(before.group(1))))


def names_un(text: str) -> bool:
    """Whether a text names the UN or one of its bodies (not a state's own security council)."""
    return any(not states_own(text, match) for match in UN.finditer(text))


_NUMBERS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20}
# what is counted where instruments are signed: "signed and issued a Joint Statement" is one
_INSTRUMENT = re.compile(rf"\b(?:{INSTRUMENTS}|documents|instruments|statements?)\b", _I)
_SUBJECTS = re.compile(
    r"\b(?:agreements?|accords?|pacts?|memorand\w*|MoUs?|documents|deals?)\b[^.;]{0,30}?"
    r"\b(?:on|in the fields? of|covering|in|for)\s+([^.;:()]{3,160})",
    _I,
)
_CLAUSE_END = re.compile(r",?\s+(?:and\s+)?(?:agreed|said|will|which|that|to|as|while|after)\b")


@dataclass
class Event:
    type: str
    parties: list[str] = field(default_factory=list)  # ISO 3166 alpha-2, EU, UN
    people: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    agreements_count: int | None = None
    subjects: list[str] = field(default_factory=list)
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def _capitals() -> dict[str, str]:
    """Capital -> country code."""
    return {capital: code for code, entry in country_entries().items() for capital in entry["capitals"]}


@cache
def _folded_capitals() -> dict[str, str]:
    """A capital's name without case, accents or spaces -> the capital as countries.json writes it."""
    return {fold_name(capital).replace(" ", ""): capital for capital in _capitals()}


@cache
def _cities() -> frozenset[str]:
    """Cities where diplomacy is held beside the capitals (a place only: no metonym of a state)."""
    return frozenset(city for entry in country_entries().values() for city in entry.get("cities", []))


def capital_named(name: str) -> str | None:
    """The capital a name writes, as written or with its accents and spaces ("Hà Nội" is Hanoi)."""
    if name in _capitals():
        return name
    return _folded_capitals().get(fold_name(name).replace(" ", ""))


_ENVOY_TITLE = re.compile(r"\b(?:Ambassador|Envoy|Representative)\b")  # a person's role that is an envoy's


@dataclass
class Context:
    """What the whole article tells about its events."""

    leading: list[Person]  # officials named, with their role, in the headline or the lead
    countries: list[str]  # what the article is mainly about
    date: dt.date | None
    dateline: str | None
    # the envoys the article lists (people.envoys), with the state each is posted to if named
    envoys: list[tuple[Person, str | None]] = field(default_factory=list)
    # the page's date was guessed (the latest date its text gives, a dateline's day given a year):
    # a day of the week in the text does not count back from it
    date_guessed: bool = False
    # officials the text says a delegation includes ("accompanied by ...", "in attendance were ...")
    companions: list[Person] = field(default_factory=list)
    # the states of the envoys the article lists, named with or without them (envoys.envoy_states)
    envoy_states: list[str] = field(default_factory=list)


def describe_event(kind: str, said: list[tuple[int, str]], people: list[Person], context: Context) -> Event:
    """An event from the sentences that report it (with their order: the headline's is below
    SENTENCE). Its evidence is the text's first (the headline when the text never says it again);
    its parties, people, place and agreements come from all of them."""
    evidence = next((sentence for order, sentence in said if order >= SENTENCE), said[0][1])
    text = " ".join(sentence for _, sentence in said)
    words = folded_words(text)
    taking_part = [p for p in people if named_in(p, words)]
    taking_part += [p for p in context.leading if p not in taking_part]
    if kind in ("visit", "meeting"):
        taking_part += [p for p in context.companions if p not in taking_part]
    # (a former official is no official: "Former Afghan President Hamid Karzai ... condemned the explosion",
    # but may be named an envoy, below; a spokesperson speaks for a statement, and takes part in no talks)
    taking_part = [p for p in taking_part if not (p.role or "").startswith("Former")]
    if kind != "statement":
        taking_part = [p for p in taking_part if not (p.role or "").startswith("Spokes")]
    if kind == "summit":  # a session's envoys speak in its report's later sentences ("X told the council")
        taking_part += [p for p in people if p.role and _ENVOY_TITLE.search(p.role) and p not in taking_part]
    if kind == "appointment":  # the envoys a credentials ceremony or a list of nominees names
        taking_part += [
            envoy for envoy, _ in context.envoys if surname_of(envoy) not in map(surname_of, taking_part)
        ]
    if (
        kind == "sanction"
    ):  # its targets take no part: "slapped sanctions on Russian President Vladimir Putin"
        taking_part = _not_targeted(taking_part, [sentence for _, sentence in said])
    # the parties act before what they talk about: "... met X; they discussed Syria and Iran"
    # (nor, on a visit, the states of a tour's later legs: "... that would include visits to ...")
    acting = " ".join(_acting_part(sentence, kind) for _, sentence in said)
    if kind == "agreement":  # nor what the instruments are on: "MoUs on UN peacekeeping missions"
        # (the instrument's name stays: "the Paris Agreement on ..." names no party)
        acting = _SUBJECTS.sub(lambda found: found.group(0)[: found.start(1) - found.start(0)], acting)
    # (a sanction's target is acted upon: "announced sanctions on Russia")
    targets = set(countries_in(" ".join(_SANCTIONED.findall(acting)))) if kind == "sanction" else set()
    parties = [code for code in _actors(acting, kind) if code in targets or not _only_a_subject(code, acting)]
    parties += [p.country for p in taking_part if p.country and p.country not in parties]
    if kind == "appointment":  # and the states they are posted to, or that the text lists them by
        parties += [posting for _, posting in context.envoys if posting and posting not in parties]
        parties += [code for code in context.envoy_states if code not in parties]
    # a ministry the report names without its state is the dateline's: "TAIPEI (Taiwan News) — The Ministry
    # of Foreign Affairs (MOFA) on Wednesday condemned North Korea's launch"
    if context.dateline and _UNNAMED_MINISTRY.match(evidence):
        home = dateline_state(context.dateline)[1]
        if home and home not in parties:
            parties.insert(0, home)
    # the countries the article is about make up the two sides of an event named with fewer
    for code in context.countries:
        if len(parties) >= 2:
            break
        if code not in parties:
            parties.append(code)
    if EU.search(acting):
        parties.append("EU")
    if names_un(acting):
        parties.append("UN")
    event = Event(
        type=kind,
        parties=list(dict.fromkeys(parties)),
        people=[p.name for p in taking_part],
        place=None if kind in _NO_PLACE else _place(text, context.dateline),
        date=_event_date(
            evidence,
            context.date,
            weekdays=not context.date_guessed,
            headline=next((sentence for order, sentence in said if order < SENTENCE), ""),
        ),
        evidence=evidence,
    )
    if kind == "agreement":
        event.agreements_count = _count(text)
        event.subjects = _subjects(text)
    return event


# what a sanction is imposed on follows its word: "sanctions on Russian President Vladimir Putin", "the list
# of Russian officials sanctioned by Washington also includes Minister of Defense Sergey Shoigu"
_TARGETED = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|asset freezes?|travel bans?|designat(?:ed|es|ing)|blacklist\w*"
    r"|fr(?:eez(?:e|es|ing)|oze|ozen))\b",  # "agreed to freeze European assets linked to ... Putin"
    _I,
)
TARGET_REACH = 200  # characters after the word where its targets are named
# the states a sanction is imposed on: "announced sanctions on Russia", "sanctions against Iran's ..."
_SANCTIONED = re.compile(
    r"\b(?:sanctions?|asset\s+freezes?|travel\s+bans?|visa\s+bans?)\s+(?:on|against)\s+"
    r"((?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w.-]*){0,2})"
)


# a report that opens on a foreign ministry named without its state (after the dateline, if any: "MOSCOW,
# Nov. 2 (Reuters) -"); not "The Ministry of Foreign Affairs of Ukraine"
_UNNAMED_MINISTRY = re.compile(
    r"(?:[A-Z][A-Z .'-]+(?:,[^\u2014\u2013:-]{0,30})?(?:\([^)]{0,40}\))?\s*[-\u2013\u2014:]+\s*)?"
    r"The (?:Ministry of (?:Foreign|External) Affairs|Foreign (?:Ministry|Office))\b(?!\s+of\b)"
)


_QUOTE_SPEAKER = re.compile(r"[\"\u201d],?\s+([^.;\"\u201c\u201d]{1,80}?)\s+(?:said|says|told)\b")


def _not_targeted(people: list[Person], sentences: list[str]) -> list[Person]:
    """The people a sanction's sentences name as acting, not only as its targets: a name after the
    sanction's word, and never before one, is a target's."""
    after, before = set(), set()
    for sentence in sentences:
        for found in _TARGETED.finditer(sentence):
            after |= folded_words(sentence[found.end() : found.end() + TARGET_REACH])
            before |= folded_words(sentence[: found.start()])
        # a quote's speaker acts: "“This package of sanctions is our response,” EU foreign policy chief Kaja
        # Kallas said"
        for speaker in _QUOTE_SPEAKER.finditer(sentence):
            before |= folded_words(speaker.group(1))
    return [p for p in people if surname_of(p) not in after or surname_of(p) in before]


# a country named as where something is held: "in the capital of the Republic of Azerbaijan",
# "in Shusha city of Azerbaijan", a dateline's "SHUSHA (Azerbaijan)"
_HELD_IN = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?|\b(?:capital|city) of\s+(?:the\s+)?|^\s*[A-Z][A-Z .'-]+\("
    r"|\b(?:in|at)\s+[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2},\s*)$"  # "in Lima, Peru"
)


def _acting_part(sentence: str, kind: str) -> str:
    """The part of a sentence that names an event's actors: before what they talk about, and before
    where a tour goes next."""
    part = _TOPIC.split(sentence, maxsplit=1)[0]
    return _LATER_LEGS.split(part, maxsplit=1)[0] if kind == "visit" else part


def _actors(text: str, kind: str) -> list[str]:
    """The countries a text names, but for the city or country where a meeting or a summit is
    held ("met in Brussels", a dateline's "BAKU:"): the place of a visit is its host, the place of
    other events is no party."""
    return list(
        dict.fromkeys(
            code
            for start, end, code in country_spans(text)
            if kind == "visit" or not _held_in(text, start, end)
        )
    )


_DATELINE_CITY = re.compile(r"\s*(?:\(|[:,]|[-\u2013\u2014]\s)")


def _held_in(text: str, start: int, end: int) -> bool:
    name, capitals = text[start:end], _capitals()
    if name in capitals or name.title() in capitals:
        dateline = name.isupper() and len(name) > 2 and _DATELINE_CITY.match(text, end)
        return bool(dateline or _HELD_IN.search(text[max(0, start - 40) : start]))
    return bool(_HELD_IN.search(text[max(0, start - 40) : start]))


def surname_of(person: Person) -> str:
    return fold_name(person.name).split()[-1]


def named_in(person: Person, words: set[str]) -> bool:
    """Whether a text's words (`folded_words`) hold the person's surname in any of its spellings
    ("Berdimuhamedov" for the registry's "Berdimuhamedow")."""
    return any(fold_name(name).split()[-1] in words for name in spellings(person.name))


def folded_words(text: str) -> set[str]:
    """A text's words without case or accents: a person's known spelling may differ from the
    text's ("Erdogan" / "Erdoğan", "al-Sudani" / "Al-Sudani"), and is matched by surname;
    a possessive is no part of the word ("Tokayev’s visit")."""
    return set(re.findall(r"\w+", fold_name(_POSSESSIVE_S.sub("", text))))


_POSSESSIVE_S = re.compile(r"['\u2019]s\b")


# what comes after these words is a subject of the talks, not a party to them
_SUBJECT = re.compile(
    r"\b(?:on|about|regarding|concerning|discussed|situation in|including|such as|in support of"
    # a group's members are no parties of what the group does: "the bloc groups Bangladesh, Bhutan ..."
    r"|support for|groups|members|comprising|made up of|consisting of"
    # nor is the state a region's states neighbour: "the countries-neighbors of Afghanistan"
    r"|neighbou?r(?:s|ing countries|ing states)? of"
    # nor are a group's ministers' states: "We, the G7 Foreign Ministers of Canada, France, ..."
    r"|(?:G7|G-7|G8|G20|Group of (?:Seven|Eight|Twenty))(?:\s+[A-Z][\w-]*){0,3}\s+of"
    r"|(?:G7|G-7|G8|G20|Group of (?:Seven|Eight|Twenty))\s+(?:countries|nations|members)\s*\()\s*(?:the\s+)?"
    r"(?:situation in\s+|war in\s+|crisis in\s+)?$",
    _I,
)


# what follows these words is where a tour goes next: "on the first leg of his three-nation state visit
# that would include visits to Cote d'Ivoire and Namibia", "before heading to Tokyo"
_LATER_LEGS = re.compile(
    r"\b(?:that|which) (?:will|would) (?:also )?(?:include|take (?:him|her|them))\b"
    r"|\b(?:before|then) (?:heading|travell?ing|leaving|proceeding|moving on|flying) (?:on )?to\b"
    r"|\bnext (?:leg|stop)\b",
    _I,
)


# what follows these words is what the parties talk about
_TOPIC = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talk(?:s|ed)? about|about|regarding|concerning|including|such as"
    r"|in support of|support for|reflected on|focus(?:ed|ing)? on|exchanged views on"
    r"|expressed (?:deep )?concern|in view of"
    # nor whose earlier step it follows: "mirroring an earlier decision by the European Union and British
    # government"
    r"|(?:mirroring|echoing|following|matching) (?:an? |the )?(?:earlier|similar|previous|prior)\b)\b",
    _I,
)


def _only_a_subject(code: str, text: str) -> bool:
    """Whether a country is named in the text only as a subject ("discussed Syria", "support for
    Ukraine") or in a list after one, never as an actor."""
    mentions = [(start, end) for start, end, found in country_spans(text) if found == code]
    return all(_in_subject_list(text, start) for start, _ in mentions)


_NAME_LIST_END = re.compile(
    r"(?:(?:the\s+)?(?:[A-Z][\w'’-]*+\s*)+(?:,\s*(?:and\s+)?|\s+and\s+))*(?:the\s+)?$"
)


def _in_subject_list(text: str, start: int) -> bool:
    before = text[max(0, start - 120) : start]
    # back over a list of other names ("discussed Iran, North Korea and Syria")
    clause = re.split(r"[.;:]", before)[-1]
    # (each name's word is taken whole, `*+`: split every way a run of capitals can be, "MINISTER
    # FOR FOREIGN RELATIONS" took minutes)
    head = _NAME_LIST_END.sub("", clause)
    return bool(_SUBJECT.search(head))


# what a government's seat is called beside its city: a party's name, never a place
_VENUES = frozenset({"Kremlin", "Downing Street", "White House"})
_NO_PLACE = ("call", "statement", "sanction")  # not held anywhere: a call, a word, a measure


# a city named as one: "in the French seaside town of Biarritz"
_TOWN_OF = re.compile(r"\b(?:city|town|resort|port) of ((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)", _I)


_BY_VENUE = re.compile(
    r"\bat the ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?) (?:(?-i:International) )?(?i:airport)\b"
    r"|\b(?:Palace|House|Hall|Cent(?:er|re)|Hotel|Building|Complex), ([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)


# states that are one city, named as the city is (countries.json lists no capital for them)
CITY_STATES = frozenset({"Singapore", "Monaco", "San Marino", "Vatican City"})


def dateline_state(dateline: str) -> tuple[str, str | None]:
    """A dateline's city as an event's place is written, and the state it is the capital of."""
    city = dateline.split(",")[0].strip().title()
    city = capital_named(city) or city
    return city, _capitals().get(city)


def _place(evidence: str, dateline: str | None) -> str | None:
    """The city an event is held in: a capital or a city of diplomacy (countries.json) named after
    "in", "to" or "at", a city named with its country ("in Sochi, Russia") or as a city ("the town of
    Biarritz"), or else the dateline's city; the dateline's city first where a visitor "arrived
    here" ("ZURICH ... arrived here Sunday to pay a state visit ... and attend the meeting in Davos")."""
    if dateline and _ARRIVED_HERE.search(evidence) and (city := _dateline_city(dateline)):
        return city
    countries_at = {start for start, _, _ in country_spans(evidence)}
    named = list(re.finditer(r"\b(?:in|to|at)\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(,\s+)?", evidence))
    for match in named:
        name = match.group(1)
        if name in CITY_STATES:
            return name
        for city in (name, name.split()[0]):
            if (capital := capital_named(city)) and capital not in _VENUES:
                return capital
        if match.group(2) and match.end() in countries_at and name not in country_codes():
            return name
    # a capital named by its airport or after a venue: "welcomed at the Cairo airport", "at the State
    # Palace, Kuala Lumpur"
    for match in _BY_VENUE.finditer(evidence):
        if (capital := capital_named(match.group(1) or match.group(2))) and capital not in _VENUES:
            return capital
    # a city of diplomacy, where no capital is named: "A meeting was held in New York between ..." (not
    # "arrived in Washington from New York")
    for match in named:
        for city in (match.group(1), match.group(1).split()[0]):
            if city in _cities():
                return city
    if town := _TOWN_OF.search(evidence):
        return town.group(1)
    # a town named with the event's day, though no capital nor known city: "held a meeting with Chief of
    # Army Staff General Asim Munir in Rawalpindi today" (under an ISLAMABAD dateline)
    for town in _IN_TOWN_ON_DAY.finditer(evidence):
        if town.group(1) not in country_codes() and town.group(1) not in _NOT_TOWNS:
            return town.group(1)
    return _dateline_city(dateline) if dateline else None


_IN_TOWN_ON_DAY = re.compile(
    rf"\bin ((?-i:[A-Z][a-z]+)) (?:today|yesterday|tonight"
    rf"|this (?:morning|afternoon|evening)|on {WEEKDAY_NAME})\b(?!['\u2019])",
    re.IGNORECASE,
)
# (not an institution or a time: "in Parliament today", "in March on Monday")
_NOT_TOWNS = frozenset(
    """Parliament Congress Senate Court Council Cabinet Assembly Office House Palace Chamber Committee
    January February March April May June July August September October November December Europe Asia
    Africa""".split()
)


_ARRIVED_HERE = re.compile(r"\b(?:arriv(?:ed|es|ing)|landed|came) here\b")


def _dateline_city(dateline: str) -> str | None:
    """The dateline's city, unless it names a country ("VIETNAM, September 10") or a venue."""
    city, _ = dateline_state(dateline)
    country = city in country_codes() and city not in _capitals()
    return city if city and "/" not in city and city not in _VENUES and not country else None


# "on August 22", "on Monday, 21 September": a day with no year (a full date is found apart)
_ON_DAY = re.compile(
    rf"\bon\s+(?:{WEEKDAY_NAME},?\s+)?(?P<day>[A-Za-z]+\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Za-z]+)\b"
    r"(?!,?\s+(?:19|20)\d\d)",
    _I,
)
RECENT_DAYS = 31  # a date written in the evidence is the event's only when this near the page's
# a day of the week on its own, as news writes the day of its event: "said Thursday", "on Monday"
# (not "on Monday, 21 September", read as a date above); in lower case only after "on": "on saturday"
_WEEKDAY_ALONE = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?<=\bon )(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"(?!,?\s+(?:\d|[A-Z][a-z]+\s+\d))"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# days of one month with their year: "held from May 15 to 16, 2010", "on 1-2 September 2018" (the first
# day is the event's; the calendar dates found read only the last)
_DAYS = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|\u2013|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?"
_DAY_RANGES = [
    re.compile(rf"\b(?P<month>{MONTH_NAME})\.?\s+{_DAYS},?\s+(?P<year>(?:19|20)\d\d)\b", _I),
    re.compile(rf"\b{_DAYS}\s+(?P<month>{MONTH_NAME})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", _I),
]


def _first_days(evidence: str) -> list[tuple[int, dt.date]]:
    """The first day of each range of days the evidence gives with its month and year."""
    found = []
    for pattern in _DAY_RANGES:
        for match in pattern.finditer(evidence):
            month, day = month_day(f"{match.group('month')} {match.group('day')}")
            try:
                found.append((match.start(), dt.date(int(match.group("year")), month or 0, day or 0)))
            except ValueError:
                continue
    return found


def _event_date(
    evidence: str, published: dt.date | None, weekdays: bool = True, headline: str = ""
) -> str | None:
    """The first day the evidence gives the event ("met in New York on 21 September 2022", "on
    August 22", "yesterday", "last evening", "said Thursday" if `weekdays`) within RECENT_DAYS
    before the page's date; else the day the headline gives it ("The Senate confirmed four U.S.
    ambassadors on Thursday ..."); else the page's date."""
    said = _day_said(evidence, published, weekdays) or _day_said(headline, published, weekdays)
    return said or (published.isoformat() if published else None)


def _day_said(evidence: str, published: dt.date | None, weekdays: bool) -> str | None:
    """The first day a sentence gives its event (see `_event_date`), or None."""
    if published is None:
        said = sorted(dates_at(evidence) + _first_days(evidence))
        return said[0][1].isoformat() if said else None
    said = [
        (at, day)
        for at, day in dates_at(evidence) + _first_days(evidence)
        if 0 <= (published - day).days <= RECENT_DAYS
    ]
    for match in _ON_DAY.finditer(evidence):
        month, day = month_day(match.group("day"))
        inferred = infer_year(month, day, [published], published) if month and day else None
        if inferred and inferred <= published:  # not a deadline to come ("before midnight on October 1")
            said.append((match.start(), inferred))
    if (yesterday := re.search(r"\b(?:yesterday|last (?:evening|night))\b", evidence, _I)) is not None:
        said.append((yesterday.start(), published - dt.timedelta(days=1)))
    if weekdays and (weekday := _WEEKDAY_ALONE.search(evidence)) is not None:  # the last such day
        back = (published.weekday() - _WEEKDAYS.index(weekday.group("day").capitalize())) % 7
        said.append((weekday.start(), published - dt.timedelta(days=back)))
    return min(said)[1].isoformat() if said else None


# two kinds of instrument counted together: "two agreements and five memoranda of understanding"
_NUMBER_WORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
_BOTH = re.compile(
    rf"\b(?P<first>{_NUMBER_WORD})\s+(?:[\w-]+\s+)?{INSTRUMENTS}\s+and\s+"
    rf"(?P<second>{_NUMBER_WORD})\s+(?:[\w-]+\s+)?{INSTRUMENTS}",
    _I,
)


def _count(evidence: str) -> int | None:
    """How many instruments a sentence says were signed: the number nearest before each one's
    name ("37 memorandums", "two new agreements"); "a", "an" or "the" one for one; two kinds
    counted together, their sum ("two agreements and a memorandum": 3)."""
    counts = [
        first + second
        for both in _BOTH.finditer(evidence)
        # the number word each kind is counted by, as _count reads one ("a memorandum": one)
        if (first := _number(both.group("first"), plural=False))
        and (second := _number(both.group("second"), plural=False))
    ]
    for match in _INSTRUMENT.finditer(evidence):
        before = re.findall(r"[\w-]+", evidence[: match.start()])[-4:]
        plural = match.group(0).lower().endswith(("s", "memoranda"))
        numbers = [_number(word, plural) for word in reversed(before)]
        found = next((n for n in numbers if n), None)
        if found:
            counts.append(found)
    return max(counts) if counts else None


def _number(word: str, plural: bool) -> int | None:
    """A number word's value; "a", "an" and "the" are one only before a single instrument."""
    word = word.lower()
    if word.isdigit() and len(word) <= 3:
        return int(word)
    if plural and word in ("a", "an", "the"):
        return None
    return _NUMBERS.get(word)


def _subjects(evidence: str) -> list[str]:
    match = _SUBJECTS.search(evidence)
    if not match:
        return []
    listed = _CLAUSE_END.split(match.group(1))[0]  # the list ends where a new clause begins
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", listed)
    return [part.strip() for part in parts if 2 <= len(part.split()) <= 6 or part.strip().isalpha()][:8]
