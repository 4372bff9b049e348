"""Diplomatic events an article reports: who met whom, what was signed, where and when.

Rules over sentences, not a model: the headline and the lead (the first
LEAD_SENTENCES sentences) are read for event wording of each type (the
definitions are those of ../shared/eval/events-dev/README.md). A sentence
counts only when it reports the event as happening: wording that plans it
("will visit", "is expected to meet") or recalls it ("last year", "earlier")
is passed over, except in the headline, where an announced event is news.
Each event found names its evidence sentence, the parties (countries, the EU
and the UN named there or by its participants' nationality), the officials
taking part (as the person facet spells them), the place, the date, and for
agreements how many were signed and on what.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from indexer.clean.dates import MONTH_NAME, WEEKDAY_NAME, dates_at, infer_year, month_day
from indexer.enrich.countries import countries_in, country_codes, country_spans
from indexer.enrich.people import Person, fold_name, surname_key
from indexer.enrich.sentences import sentences

EVENT_TYPES = ("visit", "meeting", "call", "agreement", "summit", "statement", "sanction", "appointment")
LEAD_SENTENCES = 5  # the lead: where a news text reports its event; later sentences give context
WHOLE_TEXT = ("agreement",)  # readouts report what was signed further down: read in every sentence
# A mention's order: its sentence's number (the headline is 0) times this, plus where it stands in it.
SENTENCE = 10_000

_I = re.IGNORECASE
_INSTRUMENTS = (
    r"(?:agreements?|accords?|treat(?:y|ies)|memorand\w*|MoUs?|declarations?|protocols?|conventions?|deals?)"
)
# a body's texts cited are no session of it, and do not make it a party: "violates UN Security
# Council resolutions", "the UN Charter"
_NOT_ITS_TEXTS = (
    r"(?!['\u2019]?s? (?:Security Council |General Assembly )?(?:resolutions?|Charter|sanctions)\b)"
)
_COUNCILS = r"(?:Security Council|General Assembly|Human Rights Council)"  # of the UN
# The wording of each event type: alternatives of one table each, matched case-insensitively.
WORDING: dict[str, list[str]] = {
    "call": [
        r"\b(?:tele)?phone (?:call|conversation|talks?)\b",
        r"\bcall(?:s|ed)? (?:with|to)\b",
        r"\bvideo ?(?:call|conference)",
        r"\b(?:by|over the|on the) (?:tele)?phone\b",  # "spoke by phone", "talked to X on the phone"
        r"\b(?:held|had) a call\b",
        r"\bcall between\b",
        r"\bspoke (?:to|with) (?:the |his |her )?(?-i:[A-Z])",  # "spoke to President X": a readout's call
    ],
    "meeting": [
        r"\bmet\b",
        r"\bmeets\b",
        r"\bmeeting\b",
        r"\b(?:held|hold|holds|had) (?:bilateral )?talks\b",
        r"\btalks (?:with|between)\b",
        r"\bbilateral (?:meeting|talks)\b",
        r"\bon the sidelines\b",
        r"\bdiscussions? (?:with|between)\b",
        r"\btalks were held\b",
        r"\bdiscussed\b",
        r"\breceived (?:the )?(?:visiting |foreign )?(?:President|Prime|Minister|Foreign)",
        r"\bhost(?:ed|s)\b[^.;]{0,30}\b(?:(?-i:President|Prime|Minister|Foreign|Chancellor|Secretary)|counterpart)",
    ],
    "visit": [
        r"\bvisit(?:s|ed|ing)?\b",
        r"\barriv(?:ed|es|ing) in\b",
        r"\btravel(?:s|led|ed|ling|ing)? to\b",
        r"\btravels\b",
        r"\btrip to\b",
        r"\bwelcomed? (?:the )?(?:visiting )?(?-i:[A-Z])[\w ]{0,40} (?:to|here)\b",
    ],
    "summit": [
        r"\bsummit\b",
        rf"\b(?:G7|G8|G20|NATO|ASEAN|CSTO|APEC)\b{_NOT_ITS_TEXTS}",
        rf"\b(?:{_COUNCILS}|Foreign Affairs Council)\b{_NOT_ITS_TEXTS}",
        r"\bministerial\b",
        r"\bsidelines\b",
        r"\bconference\b",
        r"\btrilateral\b",
    ],
    "agreement": [
        rf"\bsign(?:ed|ing|s)?\b[^.;]{{0,80}}\b{_INSTRUMENTS}\b",
        rf"\b{_INSTRUMENTS}\b[^.;]{{0,40}}\b(?:were|was|been) (?:signed|concluded|ratified|adopted)\b",
        rf"\bsigning of\b[^.;]{{0,80}}\b(?:{_INSTRUMENTS}|statements?)\b",
        r"\b(?:agreements?|accords?|treat(?:y|ies)|MoUs?|deals?)\s+signed\b",
        r"\bratif(?:ied|y|ies)\b",
        r"\bLeaders[’']? Declaration\b",
        r"\b(?:adopted|approved|endorsed)\b[^.;]{0,40}\bdeclaration\b",
    ],
    "statement": [
        r"\b(?:condemn|condolence|congratulat|deplor|communiqu)\w*",
        r"\bcall(?:s|ed)? on\b",
        r"\burg(?:e|es|ed)\b",
        # a statement issued; not one quoted as the source ("said in a statement", "a statement
        # released by the ministry stated")
        r"\b(?:joint )?statement\b",
        r"\bsummon(?:s|ed)?\b",
        r"\bwarn(?:s|ed)?\b",
        r"\bappeal(?:s|ed)? (?:to|for)\b",  # not "Appeals Committee"
        r"\bexpress(?:es|ed)? (?:its |his |her |their )?(?:(?:deep(?:est)?|strong|grave|serious) )?"
        r"(?:concerns?|sympathy|solidarity|sorrow|grief)\b",
    ],
    "sanction": [
        r"\bsanction(?:s|ed|ing)?\b",
        r"\bdesignat(?:ed|es|ion|ions)\b",
        r"\bexpel(?:s|led)?\b",
        r"\bexpulsion\b",
        r"\brestrictive measures\b",
        r"\basset freezes?\b",
        r"\btravel bans?\b",
        r"\bpersona non grata\b",
        r"\brecall(?:s|ed)? (?:its|their|the) ambassador\b",
    ],
    "appointment": [
        r"\bcredentials\b",
        r"\bsworn in\b",
        r"\bswearing-in\b",
        r"\b(?:appoint|nominat|nam)(?:ed|es|e|ing)\b[^.;]{0,60}\b(?:Ambassador|Envoy|High Commissioner)s?\b",
        r"\b(?:ambassadorial nominees?|nominees? for ambassador)\b",
        r"\bnew (?:Ambassador|Envoy|High Commissioner)s?\b",
        r"\bletters? of credence\b",
    ],
}
TRIGGERS = {kind: re.compile("|".join(wording), _I) for kind, wording in WORDING.items()}
# wording that puts the event in the future or the past, just before its trigger
_NOT_NOW = re.compile(
    r"\b(?:will|would|shall|plans? to|planned to|planning to|is to|are to|expected to|due to|set to|hopes? to"
    r"|intends? to|looks? forward to|to be held|next (?:week|month|year)|upcoming|agreed to)\b[^.;]{0,30}$",
    _I,
)
_BACKGROUND = re.compile(
    r"\b(?:last (?:year|month|week)|previously|earlier this"
    rf"|in (?:{MONTH_NAME} )?(?:19|20)\d\d)\b",
    _I,
)
# a diplomatic event involves a state: its officials or its name
_OFFICIAL = re.compile(
    r"\b(?:President|Prime Minister|Minister|Secretary|Ambassador|Chancellor|Premier|King|Emir|Envoy|Foreign"
    r"|Government|Leaders?|Lord|Commissioner|High Representative|PM)\b"
)
_EU = re.compile(r"\b(?:European Union|EU|European Commission|European Council|Foreign Affairs Council)\b")
_UN = re.compile(
    rf"\b(?:United Nations|UN|Security Council|UNSC|General Assembly|Human Rights Council)\b{_NOT_ITS_TEXTS}"
)
_NUMBERS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20}
_INSTRUMENT = re.compile(rf"\b(?:{_INSTRUMENTS}|documents|instruments)\b", _I)
_SUBJECTS = re.compile(
    r"\b(?:agreements?|accords?|memorand\w*|MoUs?|documents|deals?)\b[^.;]{0,30}?\b(?:on|in the fields? of"
    r"|covering|in|for)\s+([^.;:()]{3,160})",
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
    data = json.loads(resources.files("indexer").joinpath("data/countries.json").read_text("utf-8"))
    return {capital: code for code, entry in data["countries"].items() for capital in entry["capitals"]}


def find_events(
    title: str,
    body: str,
    people: list[Person],
    date: dt.date | None,
    dateline: str | None,
    countries: list[str] | None = None,
) -> tuple[list[Event], str | None]:
    """The events an article reports as happening, and the primary one's type (or None)."""
    every = sentences(body)
    read = [(title, True), *((sentence, False) for sentence in every)]
    if not any(_diplomatic(sentence, people) for sentence, _ in read[: LEAD_SENTENCES + 1]):
        return [], None  # no state, official or diplomat in the headline or the lead
    # each type's mentions: (order: the headline first, then sentence by sentence; the sentence)
    mentions: dict[str, list[tuple[int, str]]] = {}
    for rank, (sentence, in_title) in enumerate(read):
        for kind, pattern in TRIGGERS.items():
            if not sentence or (rank > LEAD_SENTENCES and kind not in WHOLE_TEXT):
                continue
            for match in pattern.finditer(sentence):
                if not in_title and (
                    _NOT_NOW.search(sentence[: match.start()]) or _BACKGROUND.search(sentence)
                ):
                    continue
                mentions.setdefault(kind, []).append((rank * SENTENCE + match.start(), sentence))
                break
    _drop_courtesies(mentions)
    _drop_summit_meetings(mentions)
    mentions = {kind: found for kind, found in mentions.items() if found}
    first = {kind: found[0][0] for kind, found in mentions.items()}
    if (
        "meeting" in first
        and "call" in first
        and (
            first["call"] // SENTENCE <= first["meeting"] // SENTENCE
            or not any(_MET.search(sentence) for _, sentence in mentions["meeting"])
        )
    ):
        # "a call ... a meeting of minds", "Lavrov, Motegi discussed ... held a phone conversation":
        # what a call's parties discussed is no meeting unless they are said to have met
        del mentions["meeting"], first["meeting"]
    lead = " ".join([title, *every[:LEAD_SENTENCES]])
    # the officials of the lead take part; the countries the article is about are parties
    lead_words = _folded_words(lead)
    leading = [p for p in people if p.role and _surname(p) in lead_words]
    context = Context(leading, list(countries or []), date, dateline)
    events = [_event(kind, found, people, context) for kind, found in mentions.items()]
    # a diplomatic event has a state (or the EU, the UN) as a party: "the council met" has none
    events = [event for event in events if event.parties]
    first = {kind: order for kind, order in first.items() if any(e.type == kind for e in events)}
    events.sort(key=lambda event: first[event.type])
    return events, _primary(first)


_COURTESY = re.compile(r"\b(?:statement|communiqu\w*|summon\w*|message|letter)\b", _I)
_BILATERAL = re.compile(r"\b(?:bilateral|sidelines|met)\b", _I)


def _drop_courtesies(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """Congratulations, condolences and condemnations voiced in a call or a meeting are courtesies
    of that conversation, not statements of their own; a statement, message or letter issued is one."""
    talks = [found[0][0] for kind, found in mentions.items() if kind in ("call", "meeting")]
    if not talks or "statement" not in mentions:
        return
    start = min(talks) // SENTENCE * SENTENCE
    mentions["statement"] = [
        (order, sentence)
        for order, sentence in mentions["statement"]
        if order < start or _COURTESY.search(sentence)
    ]


def _drop_summit_meetings(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """A "meeting" named in the same sentence as a summit is the summit's ("UN Security Council
    meeting", "trilateral meeting", "ASEAN Foreign Ministers' Meeting"), unless a bilateral one is."""
    if "meeting" not in mentions or "summit" not in mentions:
        return
    summit_sentences = {order // SENTENCE for order, _ in mentions["summit"]}
    mentions["meeting"] = [
        (order, sentence)
        for order, sentence in mentions["meeting"]
        if order // SENTENCE not in summit_sentences or _BILATERAL.search(sentence)
    ]


def _primary(first: dict[str, int]) -> str | None:
    """The event named first; a summit or a statement only when nothing else is named beside it,
    and of a summit and a statement named together, the statement."""
    ordered = sorted(first, key=lambda kind: first[kind])
    if not ordered:
        return None
    head = ordered[0]
    if head in ("summit", "statement"):
        beside = [
            k
            for k in ordered
            if k not in ("summit", "statement") and first[k] // SENTENCE == first[head] // SENTENCE
        ]
        if beside:
            return beside[0]
        if head == "summit" and first.get("statement", -1) // SENTENCE == first[head] // SENTENCE:
            return "statement"  # "the Security Council condemned ...": what it said is the news
        return head
    return head


def _diplomatic(sentence: str, people: list[Person]) -> bool:
    """Whether a sentence involves a state: a country, the EU or UN, an official or a known person."""
    if countries_in(sentence) or _EU.search(sentence) or _UN.search(sentence) or _OFFICIAL.search(sentence):
        return True
    return any(surname_key(p.name) and p.name.split()[-1] in sentence for p in people)


@dataclass
class Context:
    """What the whole article tells about its events."""

    leading: list[Person]  # officials named, with their role, in the headline or the lead
    countries: list[str]  # what the article is mainly about
    date: dt.date | None
    dateline: str | None


def _event(kind: str, said: list[tuple[int, str]], people: list[Person], context: Context) -> Event:
    """An event from the sentences that report it (with their order: the headline's is below
    SENTENCE). Its evidence is the text's first (the headline when the text never says it again);
    its parties, people, place and agreements come from all of them."""
    evidence = next((sentence for order, sentence in said if order >= SENTENCE), said[0][1])
    text = " ".join(sentence for _, sentence in said)
    words = _folded_words(text)
    taking_part = [p for p in people if _surname(p) in words]
    taking_part += [p for p in context.leading if p not in taking_part]
    # the parties act before what they talk about: "... met X; they discussed Syria and Iran"
    acting = " ".join(_TOPIC.split(sentence, maxsplit=1)[0] for _, sentence in said)
    if kind == "agreement":  # nor what the instruments are on: "MoUs on UN peacekeeping missions"
        acting = _SUBJECTS.sub(" ", acting)
    parties = [code for code in _actors(acting, kind) if not _only_a_subject(code, acting)]
    parties += [p.country for p in taking_part if p.country and p.country not in parties]
    # the countries the article is about make up the two sides of an event named with fewer
    for code in context.countries:
        if len(parties) >= 2:
            break
        if code not in parties:
            parties.append(code)
    if _EU.search(acting):
        parties.append("EU")
    if _UN.search(acting):
        parties.append("UN")
    event = Event(
        type=kind,
        parties=list(dict.fromkeys(parties)),
        people=[p.name for p in taking_part],
        place=None if kind in _NO_PLACE else _place(text, context.dateline),
        date=_event_date(evidence, context.date),
        evidence=evidence,
    )
    if kind == "agreement":
        event.agreements_count = _count(text)
        event.subjects = _subjects(text)
    return event


_AT = re.compile(r"\b(?:in|at)\s+$")


def _actors(text: str, kind: str) -> list[str]:
    """The countries a text names, but for a city where a meeting or a summit is held ("met
    in Brussels"): the place of a visit is its host, the place of other events is no party."""
    capitals = _capitals()
    return list(
        dict.fromkeys(
            code
            for start, end, code in country_spans(text)
            if kind == "visit"
            or text[start:end] not in capitals
            or not _AT.search(text[max(0, start - 4) : start])
        )
    )


def _surname(person: Person) -> str:
    return fold_name(person.name).split()[-1]


def _folded_words(text: str) -> set[str]:
    """A text's words without case or accents: a person's known spelling may differ from the
    text's ("Erdogan" / "Erdoğan", "al-Sudani" / "Al-Sudani"), and is matched by surname;
    a possessive is no part of the word ("Tokayev’s visit")."""
    return set(re.findall(r"\w+", fold_name(_POSSESSIVE_S.sub("", text))))


_POSSESSIVE_S = re.compile(r"['\u2019]s\b")


# what comes after these words is a subject of the talks, not a party to them
_SUBJECT = re.compile(
    r"\b(?:on|about|regarding|concerning|discussed|situation in|including|such as|in support of"
    r"|support for)\s+(?:the\s+)?(?:situation in\s+|war in\s+|crisis in\s+)?$",
    _I,
)


_MET = re.compile(r"\b(?:met|meets|meeting|visit\w*|received|hosted|in person)\b", _I)
# what follows these words is what the parties talk about
_TOPIC = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talk(?:s|ed)? about|about|regarding|concerning|including|such as"
    r"|in support of|support for|reflected on|focus(?:ed|ing)? on|exchanged views on"
    r"|expressed (?:deep )?concern)\b",
    _I,
)


def _only_a_subject(code: str, text: str) -> bool:
    """Whether a country is named in the text only as a subject ("discussed Syria", "support for
    Ukraine") or in a list after one, never as an actor."""
    mentions = [(start, end) for start, end, found in country_spans(text) if found == code]
    return all(_in_subject_list(text, start) for start, _ in mentions)


def _in_subject_list(text: str, start: int) -> bool:
    before = text[max(0, start - 120) : start]
    # back over a list of other names ("discussed Iran, North Korea and Syria")
    clause = re.split(r"[.;:]", before)[-1]
    head = re.sub(r"(?:(?:[A-Z][\w'’-]*\s*)+(?:,\s*|\s+and\s+))*$", "", clause)
    return bool(_SUBJECT.search(head))


# what a government's seat is called beside its city: a party's name, never a place
_VENUES = frozenset({"Kremlin", "Downing Street", "White House"})
_NO_PLACE = ("call", "statement", "sanction")  # not held anywhere: a call, a word, a measure


def _place(evidence: str, dateline: str | None) -> str | None:
    """The city an event is held in: a capital named after "in", "to" or "at", a city named
    with its country ("in Sochi, Russia"), or else the dateline's city."""
    capitals = _capitals()
    countries_at = {start for start, _, _ in country_spans(evidence)}
    for match in re.finditer(r"\b(?:in|to|at)\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(,\s+)?", evidence):
        name = match.group(1)
        for city in (name, name.split()[0]):
            if city in capitals and city not in _VENUES:
                return city
        if match.group(2) and match.end() in countries_at and name not in country_codes():
            return name
    if dateline:  # a city, unless it names a country ("VIETNAM, September 10")
        city = dateline.split(",")[0].strip().title()
        country = city in country_codes() and city not in capitals
        if city and "/" not in city and city not in _VENUES and not country:
            return city
    return None


# "on August 22", "on Monday, 21 September": a day with no year (a full date is found apart)
_ON_DAY = re.compile(
    rf"\bon\s+(?:{WEEKDAY_NAME},?\s+)?(?P<day>[A-Za-z]+\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Za-z]+)\b"
    r"(?!,?\s+(?:19|20)\d\d)",
    _I,
)
RECENT_DAYS = 31  # a date written in the evidence is the event's only when this near the page's


def _event_date(evidence: str, published: dt.date | None) -> str | None:
    """The first day the evidence gives the event ("met in New York on 21 September 2022", "on
    August 22", "yesterday") within RECENT_DAYS before the page's date; else the page's date."""
    if published is None:
        said = dates_at(evidence)
        return said[0][1].isoformat() if said else None
    said = [(at, day) for at, day in dates_at(evidence) if 0 <= (published - day).days <= RECENT_DAYS]
    for match in _ON_DAY.finditer(evidence):
        month, day = month_day(match.group("day"))
        if month and day and (inferred := infer_year(month, day, [published], published)):
            said.append((match.start(), inferred))
    if (yesterday := re.search(r"\byesterday\b", evidence, _I)) is not None:
        said.append((yesterday.start(), published - dt.timedelta(days=1)))
    return min(said)[1].isoformat() if said else published.isoformat()


def _count(evidence: str) -> int | None:
    """How many instruments a sentence says were signed: the number nearest before each one's
    name ("37 memorandums", "two new agreements"); "a", "an" or "the" one for one."""
    counts = []
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
