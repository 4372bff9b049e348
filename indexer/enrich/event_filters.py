"""What the wording of events finds that is no event of its own (find_events' filters).

Each takes the mentions of every type (the sentences that report it, with their order) and drops
those that report no event: courtesies exchanged in a call, a statement that is only the source of
the report, a traveller's visit, a company's meeting, a summit's meetings, what a call's parties or
a credentials ceremony discussed, the meeting at which an envoy was summoned, a summit's video conference.
"""

from __future__ import annotations

import re

from indexer.enrich.event_details import SENTENCE
from indexer.enrich.event_wording import CALL_ON, NEXT_ITEM, OFFICIAL, TRIGGERS, WORDING, courtesy_call
from indexer.enrich.people import LOWER_ROLES, Person

_I = re.IGNORECASE
_MET = re.compile(r"\b(?:met|meets|meeting|visit\w*|received|hosted|in person)\b", _I)


def drop_call_discussions(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """What a call's parties discussed is no meeting unless the text says they met: "a call ... a
    meeting of minds", "Lavrov, Motegi discussed ... held a phone conversation", a readout headed
    "Meeting" (a wire story's next item is a meeting of its own, and so are the envoys who called on
    the minister the same day)."""
    if not mentions.get("meeting") or not mentions.get("call"):
        return
    own = [
        (order, sentence)
        for order, sentence in mentions["meeting"]
        if not (NEXT_ITEM.match(sentence) or _IN_PERSON.search(sentence))
    ]
    if own and (
        mentions["call"][0][0] // SENTENCE <= own[0][0] // SENTENCE
        or not any(_MET.search(sentence) for _, sentence in own)
        or all(order < SENTENCE for order, _ in own)  # "Foreign Ministers' Meeting" over a telephone talk
    ):
        mentions["meeting"] = [mention for mention in mentions["meeting"] if mention not in own]


_IN_PERSON = re.compile(r"\b(?:called on|courtesy call|held a meeting with|met with)\b", _I)
_DISCUSSED_ONLY = re.compile(r"\bdiscussed\b", _I)


def drop_ceremony_discussions(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """What a head of state discussed with the envoys whose credentials they received is part of the
    ceremony ("During the occasion, President Sahlework Zewde discussed with the ambassadors ..."), no
    meeting of its own; talks held with them are one ("held separate talks with the Head of State")."""
    if not mentions.get("meeting") or not mentions.get("appointment"):
        return
    if mentions["appointment"][0][0] > mentions["meeting"][0][0]:
        return
    mentions["meeting"] = [
        (order, sentence)
        for order, sentence in mentions["meeting"]
        if not (
            _DISCUSSED_ONLY.search(sentence)
            and not TRIGGERS["meeting"].search(_DISCUSSED_ONLY.sub("", sentence))
        )
    ]


_COURTESY = re.compile(
    r"\b(?:statement|communiqu\w*|summon\w*|message|letter|joint (?:press |news )?release)\b", _I
)
# ("During the constructive meeting, the foreign ministers reviewed ...")
_THE_MEETING = re.compile(r"\b(?:the|this|that) (?:[\w-]+ )?meeting\b(?!s)", _I)
# (leaders who "met at the summit" are the summit's, not two of them talking; so are a body's ministers
# or leaders who met: "the EU Foreign Ministers met in Brussels for their monthly consultations")
_BILATERAL = re.compile(
    r"\b(?:bilateral|sidelines|margins"
    r"|(?<!ministers )(?<!leaders )(?<!states )(?<!countries )(?<!nations )met(?!\s+at\b))\b",
    _I,
)


def drop_courtesies(mentions: dict[str, list[tuple[int, str]]]) -> None:
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


# what a statement says that makes it one, beside the word: "condemned", "urged", "a joint statement"
_STATED = re.compile(
    "|".join([*(w for w in WORDING["statement"] if "statement" not in w), r"\bjoint statement\b"]), _I
)
_SAYS = re.compile(
    r"\b(?:said|says|stated|told|added|announced|released|issued|quoted|according to|noted|explained)\b", _I
)
_THE_STATEMENT = re.compile(r"\b(?:the|this|that) statement\b", _I)


def _states(sentence: str) -> bool:
    """Whether a sentence says what makes a statement one ("condemned", "a joint statement"), an
    envoy's courtesy call on a minister aside ("called on Foreign Minister Jilani")."""
    return any(
        not (CALL_ON.match(found.group(0)) and courtesy_call(sentence, found.end()))
        for found in _STATED.finditer(sentence)
    )


def drop_sources(mentions: dict[str, list[tuple[int, str]]], headline: str) -> None:
    """A statement that is only the source of what else the article reports ("..., the ministry
    said in a statement", "according to a statement by the Kremlin") is no statement of its own,
    nor is "the statement" said of it after ("The statement follows the minister's visit").
    On a page that reports only statements, sources are dropped only when no sentence states
    anything ("the bank said in a statement" over a central bank's rate is no diplomatic statement).
    `headline` is what the headline says in full (one cut short: the sentence it was cut from)."""
    if "statement" not in mentions:
        return
    said = [(headline if order < SENTENCE else sentence) for order, sentence in mentions["statement"]]
    if set(mentions) <= {"statement"} and any(_states(text) for text in said):
        return
    kept, after_source = [], False
    for (order, sentence), text in zip(mentions["statement"], said, strict=True):
        if _states(text):
            kept.append((order, sentence))
        elif _SAYS.search(text):
            after_source = True
        elif not (after_source and _THE_STATEMENT.search(sentence)):
            kept.append((order, sentence))
    mentions["statement"] = kept


# a title in lower case, one or many: "the foreign ministers of Pakistan and Afghanistan"; "the
# minister's two-day visit to Ghana"
_ROLE = re.compile(rf"\b(?:{LOWER_ROLES})s?\b", _I)
_MINISTER = re.compile(r"\bministers?\b", _I)
# "the presidential couple's State trip" (not "the upcoming Presidential election")
_OFFICIAL_ADJECTIVE = re.compile(
    r"\b(?:presidential|royal)\b(?! (?:elections?|race|campaign|candidates?|votes?|polls?|palace)\b)", _I
)


def drop_unofficial_visits(mentions: dict[str, list[tuple[int, str]]], people: list[Person]) -> None:
    """A visit is an official's, or a state's delegation's: a football team that arrives in a
    capital, or a traveller with a visa, pays none. A sentence of a visit names an official
    (by title, or a person the text gives a title)."""
    if "visit" not in mentions:
        return
    titled = {word for p in people if p.role for word in p.name.split() if len(word) > 2}
    mentions["visit"] = [
        (order, sentence)
        for order, sentence in mentions["visit"]
        if (
            OFFICIAL.search(sentence)
            or _ROLE.search(sentence)
            or _MINISTER.search(sentence)
            or _OFFICIAL_ADJECTIVE.search(sentence)
            or any(name in sentence for name in titled)
        )
        and not _TAKING_UP_POST.search(sentence)
    ]


# an envoy who arrives to take up a post pays no visit: "Mr. Kaloris arrived in Canberra on Monday
# 19th March 2012 to commence the setting up of the first Vanuatu Embassy in Australia"
_TAKING_UP_POST = re.compile(
    r"\barriv\w*\b[^.;]{0,80}\bto (?:take up|assume|commence|begin|start)\b[^.;]{0,40}"
    r"\b(?:post|duties|assignment|embassy|high commission|mission)\b",
    _I,
)


# a company's people met are no state's: "held a meeting with a delegation from Canada-based company
# World Trade Developers"
_COMPANY = re.compile(
    r"\b(?:delegation|team|representatives?|executives?)\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:company|companies|firms?|corporations?|business(?:es|men)?|investors|chambers? of commerce)\b",
    _I,
)


# nor are the people a visitor meets beside the state's: "a meeting with civil society group"
_NOT_A_STATE = re.compile(
    r"\bmeeting with (?:an? |the )?(?:local )?(?:civil society|students|diaspora"
    r"|business (?:community|leaders)|journalists|media)\b",
    _I,
)


def drop_company_meetings(mentions: dict[str, list[tuple[int, str]]], headline: str) -> None:
    """A meeting with a company's delegation (or civil society, students, the diaspora) is no
    diplomatic meeting (none of them is a state), nor is "the meeting" said of it after.
    `headline` is what the headline says in full."""
    if "meeting" not in mentions:
        return
    kept, after_company = [], False
    for order, sentence in mentions["meeting"]:
        said = headline if order < SENTENCE else sentence
        if _COMPANY.search(said) or _NOT_A_STATE.search(said):
            after_company = True
        elif not (after_company and _THE_MEETING.search(sentence) and not _MET_WITH.search(sentence)):
            kept.append((order, sentence))
    mentions["meeting"] = kept


_MET_WITH = re.compile(r"\b(?:met|meets|talks|(?:meeting|talks) with)\b", _I)


def drop_summit_meetings(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """A "meeting" named in the same sentence as a summit is the summit's ("UN Security Council
    meeting", "trilateral meeting", "ASEAN Foreign Ministers' Meeting"), unless a bilateral one is."""
    if "meeting" not in mentions or "summit" not in mentions:
        return
    summit_sentences = {order // SENTENCE for order, _ in mentions["summit"]}
    first_summit = min(summit_sentences)
    mentions["meeting"] = [
        (order, sentence)
        for order, sentence in mentions["meeting"]
        if _BILATERAL.search(sentence)
        or not (
            order // SENTENCE in summit_sentences
            # "During the meeting, ..." after the summit is named: the summit again
            or (order // SENTENCE > first_summit and _THE_MEETING.search(sentence))
        )
    ]


_VIDEO = re.compile(r"\bvideo ?(?:conference|link|call)", _I)


def drop_summit_calls(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """A session of several states held by video is their summit, no call: "The meeting of Ministers of
    Foreign Affairs of the countries-neighbors of Afghanistan was held in the videoconference format"."""
    if not mentions.get("call") or not mentions.get("summit"):
        return
    summit_sentences = {order // SENTENCE for order, _ in mentions["summit"]}
    mentions["call"] = [
        (order, sentence)
        for order, sentence in mentions["call"]
        if not (order // SENTENCE in summit_sentences and _VIDEO.search(sentence))
    ]


_SUMMONED = re.compile(r"\bsummon(?:s|ed)?\b", _I)
_ENVOY_MET = re.compile(
    r"\b(?:meeting|talks|met) with (?:the |her |his )?(?:\w+ )?"
    r"(?:ambassador|envoy|charg[eé] d['\u2019]affaires)\b",
    _I,
)


def drop_summons_meetings(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """The meeting with an envoy summoned is the summons (a statement), no meeting of its own ("During
    the meeting with the ambassador, it was emphasized that ...")."""
    if not mentions.get("meeting") or not any(_SUMMONED.search(s) for _, s in mentions.get("statement", [])):
        return
    mentions["meeting"] = [
        (order, sentence) for order, sentence in mentions["meeting"] if not _ENVOY_MET.search(sentence)
    ]
