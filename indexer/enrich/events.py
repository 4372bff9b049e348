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
agreements how many were signed and on what (indexer/enrich/event_details.py).
The wording of each type is in event_wording.py, what it finds that is no event
(courtesies, a statement's source, a company's meeting ...) is dropped by event_filters.py.
"""

from __future__ import annotations

import datetime as dt
import re

from indexer.clean.chrome.credits import PHOTO_CREDIT
from indexer.clean.dates import MONTH_NAME, WEEKDAY_NAME
from indexer.enrich.countries import countries_in
from indexer.enrich.envoys import envoy_states
from indexer.enrich.event_details import (
    EU,
    INSTRUMENTS,
    SENTENCE,
    UN,
    Context,
    Event,
    dateline_state,
    describe_event,
    folded_words,
    named_in,
    states_own,
)
from indexer.enrich.event_filters import (
    drop_call_discussions,
    drop_ceremony_discussions,
    drop_company_meetings,
    drop_courtesies,
    drop_sources,
    drop_summit_calls,
    drop_summit_meetings,
    drop_summons_meetings,
    drop_unofficial_visits,
)
from indexer.enrich.event_wording import (
    AIRPORT,
    ATTENDED,
    CALL_ON,
    GROUPS,
    KEYWORDS,
    LATER,
    NEXT_ITEM,
    OFFICIAL,
    TRIGGERS,
    WORDING,
    courtesy_call,
)
from indexer.enrich.people import Person, envoys, surname_key
from indexer.enrich.sentences import sentences

__all__ = ["EVENT_TYPES", "KEYWORDS", "TRIGGERS", "WORDING", "find_events"]

EVENT_TYPES = ("visit", "meeting", "call", "agreement", "summit", "statement", "sanction", "appointment")
GUESSED_DATES = ("text", "dateline")  # the article's date_source when no date of the page's own was found
LEAD_SENTENCES = 5  # the lead: where a news text reports its event; later sentences give context
WHOLE_TEXT = ("agreement",)  # readouts report what was signed further down: read in every sentence

_I = re.IGNORECASE
# a headline's infinitive is what is to come: "Ambassadors of 10 countries to present credentials"
_TO_COME = re.compile(r"\bto\s+(?:\w+\s+)?$", _I)
# what is still to come, said after its name: "The first meeting of the Commission is expected to take
# place within six months"
# (in the event's own clause: not "arrived in Baghdad on a three-day visit where he is slated to meet")
_AHEAD_AFTER = re.compile(
    r"(?:(?!\b(?:where|who|which|when|and|but)\b)[^.;,]){0,40}?"
    r"\b(?:(?:is|are) (?:expected|scheduled|set|due|slated|planned) to|will (?:take place|be held))\b",
    _I,
)
# what has been since an earlier event is told after it ("the first conversation between the two leaders
# since they met for a trilateral forum ... on the sidelines of the G20 summit"), and what is given as an
# example is none of its own ("developments such as ... the first-ever trilateral summit", "For example,
# the U.S. consulate in London recently warned ...")
_SINCE_OR_SUCH_AS = re.compile(
    r"\b(?:since|such as)\b[^.;,]{0,150}$|^\W*(?:for (?:example|instance)|as an example)\b[^;]{0,150}$", _I
)
# what is said not to be needed is not held: "An additional in-person meeting between Rubio and Lavrov is not
# deemed necessary", "In-person Meeting Not Needed"
_NOT_NEEDED = re.compile(
    r"(?:(?!\b(?:and|but|after|since)\b)[^.;,]){0,60}?\bnot (?:\w+ )?(?:needed|necessary|required)\b", _I
)
_IF_AFTER = re.compile(r"[^.;,]{0,60}\b(?:if|unless)\b", _I)
# what is done as a rule is no event: "The credentials ceremony usually takes place twice a year"
_HABITUAL = re.compile(r"\b(?:usually|traditionally|typically|normally|as a rule)\b", _I)
# what is still to come ("is due to": not "due to restrictions")
_FUTURE_WORDS = (
    r"will|shall|plans? to|is to|are to|expected to|(?:is|are) due to|set to|scheduled to|slated to"
)
# wording that puts the event in the future or the past, just before its trigger
_NOT_NOW = re.compile(
    rf"\b(?:{_FUTURE_WORDS}|would|planned to|planning to|hopes? to|intends? to|look(?:s|ed)? forward to"
    # ("U.S." is no sentence's end: "He will also meet U.S. parliament leaders and attend a welcoming
    # luncheon hosted by Biden")
    r"|to be held|next (?:week|month|year)|upcoming|forthcoming|agreed to)\b(?:U\.[SNK]\.|[^.;]){0,90}$"
    # a programme's items, however many semicolons part them: "This visit will include attending a
    # state banquet ...; attending delegation-level talks and the signing of bilateral agreements"
    r"|\b(?:will|would) include\b[^.]{0,200}$"
    # or only awaited, in its own clause: "spoke ... ahead of seeing each other at the G7 meeting" (not
    # "Ahead of the summit, Modi met Xi"), "the prospects of the US signing a Bilateral Security Agreement"
    r"|\b(?:ahead of|prospects? (?:of|for))\b[^.;,]{0,60}$"
    # or in the past: "his recent visit", "the previous meeting", "last week's face-to-face meeting"; or
    # the one after: "the next meeting"
    r"|\b(?:recent|previous|prior|next)\s+(?:\w+\s+)?$"
    # or one reported on, so over: "the Prime Minister briefed the President on his visit"
    r"|\bbriefed\b[^.;,]{0,40}\bon (?:his|her|their|the|its) $"
    # or only planned: "They also discussed President Trump's planned visit to China in April"
    r"|\b(?:planned|proposed|possible|potential)\s+(?:[\w'\u2019-]+\s+)?$"
    r"|\blast (?:week|month|year)['\u2019]s\s+(?:[\w-]+\s+){0,2}$",
    _I,
)
# ("last week's massacre" dates a noun, not the event)
_LAST_TIME = rf"last (?:year|month|week|{MONTH_NAME}|spring|summer|autumn|fall|winter)(?!['\u2019]s)"
_AGO = r"(?:a|one|two|three|four|five|several|few|\d+) (?:years?|months?|weeks?|decades?) ago"
_BACKGROUND = re.compile(
    rf"\b(?:{_LAST_TIME}|previously|earlier this"
    rf"|in (?:(?:early|mid|late)[- ])?(?:{MONTH_NAME} )?(?:19|20)\d\d|{_AGO}"
    r"|in the (?:last|past) (?:few |several |two |three |\d+ )?(?:years|months|weeks|decades))\b",
    _I,
)
# a time long past, of the background's: what a sentence tells of it is over (not "in 2015", which may
# be to come, nor "earlier this week")
_LONG_PAST = re.compile(rf"\b(?:{_LAST_TIME}|previously|{_AGO})\b", _I)
# the event's own day named at its wording makes a time of the past elsewhere in the sentence another
# thing's: "on Monday summoned the U.S. ambassador ... over the actions ... in Washington last week"
_OWN_DAY = re.compile(
    rf"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|on {WEEKDAY_NAME})\b", _I
)
OWN_DAY_REACH = 25  # characters before the wording, or after it, where its own day is named
# what was under way when something else happened sets that thing's scene: "The incident took place on
# May 16 when Foreign Minister Cavusoglu was visiting the U.S. capital"
_SCENE = re.compile(r"\bwhen\b[^.;,]{0,80}\b(?:was|were)\s+(?:$|\w+ing\b[^,;]*$)", _I)
# an envoy's post names a council, and holds no session of it: "Permanent Representative at the UN
# Security Council"
_POST_AT = re.compile(
    r"\b(?:Representative|Ambassador|Envoy|Mission|member)\s+(?:at|to|of)\s+(?:the\s+)?(?:UN\s+|United\s+Nations\s+)?$",
    _I,
)
# "The Prime Minister was accompanied by Foreign Minister ...", "Members of the delegation included ..."
_COMPANIONS = re.compile(
    r"\b(?:accompanied by|delegation (?:included|includes|comprised|comprises|consisting of|consisted of)"
    r"|members of (?:the|his|her) delegation|in attendance (?:were|was)|(?:were|was) also present)\b",
    _I,
)
_SIGNED_STATEMENT = re.compile(
    r"\bsign(?:ed|ing)\b[^.;]{0,80}\b(?:statements?|communiqu\w*)\b"
    r"|\b(?:statements?|communiqu\w*)\b[^.;]{0,40}\bsigned\b",
    _I,
)


_JOINT = re.compile(r"\bjoint (?:statement|communiqu)", _I)
_AIRPORT = re.compile(rf"\b{AIRPORT}\b", _I)
_MET_ON_ARRIVAL = re.compile(r"\b(?:was|were)\s+met\b", _I)
# a signing only approved is still to come: "Cabinet has approved the signing of several Memorandum of
# Understandings" (an envoy's posting approved is made: "approved the posting of four key ambassadors")
_APPROVED = re.compile(r"\bapprov(?:e|es|ed|ing|al)\s+(?:of\s+)?(?:the\s+)?$", _I)
# instruments priced in money are a fair's or a company's deals: "$434 million worth of MOUs were signed"
_PRICED = re.compile(
    rf"(?:worth\s+of|valued\s+at)\s+(?:\w+\s+)?{INSTRUMENTS}|{INSTRUMENTS}\s+(?:worth|valued\s+at)\s+(?:[$\u20ac\u00a3]|US\$|\d)",
    _I,
)
# what someone is urged or called on to do is not done: "We call on all States to implement all
# restrictive measures imposed by the UN Security Council" (the urging itself is a statement)
_URGED = re.compile(
    r"\b(?:call(?:s|ed|ing)? (?:on|upon)|urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing))\b"
    r"[^.;]{0,40}\bto\s[^.;]{0,80}$",
    _I,
)
# what is not done is no event: "Uruguay refrained from signing the joint declaration", "does not sign"
_NEGATED = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|was|were|is|are)\s+not|never|\w+n['\u2019]t|refus\w* to|declin\w* to"
    r"|refrain\w* from|fail\w* to|without)\s+(?:\w+\s+)?$",
    _I,
)
# what may or can happen is no event that happened: "a receiving state may declare any member of
# its staff persona non grata"
# ("May" capitalised is the month: "On May 16, President Xi held talks")
_HYPOTHETICAL = re.compile(
    r"\b(?:(?-i:may)|might|can|cannot|could|must|should)\b|\b(?:if|unless)\b[^,;]*$", _I
)
# a clause of what is still to come, to the end of its sentence or clause: "will meet his host Kenyan
# President Uhuru Kenyatta", "plans to discuss ... with President William Ruto"
# (and a journey's purpose: "arrived here Thursday to meet with his U.S. counterpart Barack Obama")
_LATER_CLAUSE = re.compile(rf"\b(?:{_FUTURE_WORDS}|to meet)\s(?:U\.[SNK]\.|[^.;])*", _I)
# a group's video conference is its summit, no call: "G20 video conference"
_GROUP_BEFORE = re.compile(rf"\b{GROUPS}\s+$")
_ATTENDED = re.compile(ATTENDED, _I)
# what one is invited to do is still to come: "invited a trade and business delegation from Malaysia to
# visit Pakistan" (not "at the invitation of ..., visited")
_INVITED_TO = re.compile(r"\binvit(?:e|es|ed|ing)\b[^.;]{0,80}\bto\s+$", _I)
# sanctions weighed or proposed are not imposed: "EU eyes Russian officials, banks, industry for
# sanctions", "The European Union has proposed travel bans and asset freezes"
_WEIGHED = re.compile(
    r"\b(?:eyes|eyeing|mulls?|mulling|weighs?|weighing|considers?|considering|propos(?:es|ed|ing))\b"
    r"[^.;]{0,150}$",
    _I,
)
# what may be done, in the headline too and inside the wording: "Russian Ambassador To US May Be Recalled"
# (not what "would be arriving": that is what is to come)
_MAY_BE = re.compile(r"\b(?:may|might|could|would)\s+(?:not\s+)?be\b(?!\s+\w+ing\b)", _I)
# what any or every such event is, or what a word means, is no event: "regarding any bilateral
# meetings", "Ambassadors are persons nominated ...", "being on a list means asset freezes"
_GENERIC = re.compile(
    r"\b(?:any|every)\s+(?:\w+\s+)?$"
    r"|\b(?:is|are) (?:an? |the )?(?:\w+ )?(?:persons?|people|officials|term|process|practice|procedure)\b"
    r"|(?<!by )\bmeans\b|\brefers? to\b|\bis defined as\b"
    # nor is a draft: "reviewed in detail the drafts of the Joint Statement"
    r"|\bdrafts?\s+of\b[^.;]{0,150}$|\bdrafts?\s+(?:[\w-]+\s+){0,2}$",
    _I,
)
# a headline's label of comment ("Editorial: ..."), or one that says it explains ("How to ...", "How the
# EU adopts and reviews sanctions", "Why ...", "What is ...", "A state visit is a ...")
_COMMENT = re.compile(
    r"^(?:Editorial|Opinion|Analysis|Commentary|Comment|Op-?Ed|Column|Explainer|Perspective|Viewpoint)"
    r"\s*[:|\u2013\u2014-]|\bexplain(?:s|ed|er|ing)\b|^(?:How|Why)\b|^What (?:is|are)\b"
    # a definition: "A state visit is a formal visit by a head of state to a foreign country"
    r"|^An? (?:[\w-]+ ){1,3}is an? ",
    _I,
)
# a headline that reports a death: an obituary, whose career's visits and talks are history ("Vorontsov,
# U.S. and UN Diplomat, Is Dead at 78", "John Gunther Dean, US diplomat haunted by Cambodia, dies")
_OBITUARY = re.compile(r"\b(?:dies|died|is dead|dead at \d+|pass(?:es|ed) away)\b", _I)
_CONDOLENCE = re.compile(r"\bcondolence", _I)
# a history column's headline: its day's event happened years ago ("Today is: The day President Nixon
# traveled to China", "On this day in 1972", "This Day in History: ...")
_HISTORY_COLUMN = re.compile(
    r"^(?:on )?this (?:day|date)\b|^today (?:is:? the day|in history)\b"
    r"|\b(?:this|that) (?:day|date) in history\b",
    _I,
)
# a news report says when its event happened: its dateline, its date, or a day in its lead
_WHEN = re.compile(
    rf"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|{WEEKDAY_NAME}"
    rf"|{MONTH_NAME}\.? \d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)? {MONTH_NAME}|on the \d{{1,2}}(?:st|nd|rd|th))\b",
    _I,
)
# a headline that reports in the past tense ("An agreement was signed between Uzbekistan and Oman",
# "The leaders warmly exchanged congratulations"): a report, though undated, not an explainer
_REPORTED = re.compile(
    r"\b(?:was|were|has been|have been) \w+ed\b|\b(?:met|held|signed|exchanged|sent|spoke)\b", _I
)
# a line that starts with a year, as a timeline's do ("1963- ...", "| 1954 | Panchsheel ...", "In
# January 1963, China and Pakistan signed ...")
_CHRONOLOGY = re.compile(
    r"^[|\s]*(?:1[89]|20)\d\d(?:[-\u2013/]\d\d(?:\d\d)?)?\s*[-\u2013\u2014|:]"
    rf"|^\s*(?:In|On) (?:(?i:{MONTH_NAME}) )?(?:\d{{1,2}}, )?(?:1[89]|20)\d\d,",
    re.MULTILINE,
)
CHRONOLOGY_LINES = 3


def find_events(
    title: str,
    body: str,
    people: list[Person],
    date: dt.date | None,
    dateline: str | None,
    countries: list[str] | None = None,
    date_source: str | None = None,
) -> tuple[list[Event], str | None]:
    """The events an article reports as happening, and the primary one's type (or None).
    `date_source` is the article's (a date guessed from the text or a dateline counts less)."""
    if len(_CHRONOLOGY.findall(body)) >= CHRONOLOGY_LINES or _HISTORY_COLUMN.search(title):
        return [], None  # a timeline of years, or a history column: history, not news
    every = sentences(body)
    # a headline announces its event, unless it says the page is comment or an explainer
    # a headline made of the text's first words cut short ("LAHORE, ... held a meeting …") is judged
    # by the whole sentence it was cut from, as that sentence is ("if the ambassador doesn't respond
    # to the summons they can be expelled …": what can be is no event)
    cut_from = next(
        (s for s in every[:1] if title.endswith("\u2026") and s.startswith(title[:-1].strip())), title
    )
    own_title = cut_from is title
    read = [("" if _COMMENT.search(title) else title, own_title), *((sentence, False) for sentence in every)]
    if not any(_diplomatic(sentence, people) for sentence, _ in read[: LEAD_SENTENCES + 1]):
        return [], None  # no state, official or diplomat in the headline or the lead
    # each type's mentions: (order: the headline first, then sentence by sentence; the sentence)
    mentions: dict[str, list[tuple[int, str]]] = {}
    announced_ahead: set[str] = set()  # what the headline announces as to come ("... to present credentials")
    for rank, (sentence, in_title) in enumerate(read):
        if not sentence or sentence.rstrip().endswith("?"):
            continue  # a question reports nothing: "How do you become an appointed ambassador?"
        next_item = rank > LEAD_SENTENCES and NEXT_ITEM.match(sentence)
        lowered = sentence.lower()
        for kind in TRIGGERS:
            read_all = rank <= LEAD_SENTENCES or kind in WHOLE_TEXT or next_item
            pattern = TRIGGERS[kind] if read_all else LATER.get(kind)
            if pattern is None or not any(word in lowered for word in KEYWORDS[kind]):
                continue
            for match in pattern.finditer(sentence):
                before = sentence[: match.start()]
                if (
                    _GENERIC.search(before)
                    or _NEGATED.search(before)
                    or _MAY_BE.search(sentence, before.rfind(";") + 1, match.end())
                    or _NOT_NEEDED.match(sentence, match.end())
                    or _INVITED_TO.search(before)
                    or (kind == "call" and _GROUP_BEFORE.search(before))
                    or (kind == "summit" and (states_own(sentence, match) or _POST_AT.search(before)))
                    or (
                        kind == "summit"
                        and _ATTENDED.match(match.group(0))
                        and len(countries_in(sentence)) < 3
                    )
                    or (kind == "agreement" and (_PRICED.search(sentence) or _APPROVED.search(before)))
                    or (kind == "sanction" and _WEIGHED.search(before))
                    # a statement signed is an instrument (the agreement's): "jointly signed and issued a
                    # Joint Statement", "Among the 22 documents signed ... the statement condemning ..."
                    or (kind == "statement" and _SIGNED_STATEMENT.search(sentence))
                    # "called on": an official called on is met (no appeal); a state called on to act
                    # is appealed to (no meeting)
                    or (kind in ("meeting", "statement") and _wrong_call_on(kind, sentence, match))
                    # a guest received, or met, at the airport is welcomed on a visit, not met in talks
                    # ("President Weah was met at the Jubilee Lounge of the Kotoka International Airport")
                    or (
                        kind == "meeting"
                        and (
                            match.group(0).lower().startswith("received") or _MET_ON_ARRIVAL.search(sentence)
                        )
                        and _AIRPORT.search(sentence)
                    )
                ):
                    continue
                # (a page with no headline of its own announces in its first sentence: "Sun Media has
                # confirmed that the King ... would be arriving in the Maldives this Saturday")
                headline = in_title or (rank == 0 and not own_title)
                conditional = _IF_AFTER.match(sentence, match.end())  # "would be visiting Togo if ..."
                # (a page's first sentence tells a purpose with "to": "arrived here Thursday to meet with
                # his U.S. counterpart"; a headline an event to come: "Xi to meet Obama")
                ahead = _NOT_NOW.search(before) or (in_title and _TO_COME.search(before))
                if headline and not conditional and ahead:
                    announced_ahead.add(kind)
                if not in_title and (
                    # an announced event's own sentences tell of it in the future: "will present"
                    (_NOT_NOW.search(before) and kind not in announced_ahead)
                    or _AHEAD_AFTER.match(sentence, match.end())
                    or _HYPOTHETICAL.search(before)
                    or _HABITUAL.search(before + sentence[match.end() : match.end() + 30])
                    or (
                        _BACKGROUND.search(sentence)
                        and not _OWN_DAY.search(
                            sentence, max(0, match.start() - OWN_DAY_REACH), match.end() + OWN_DAY_REACH
                        )
                    )
                    or _SCENE.search(before)
                    or _SINCE_OR_SUCH_AS.search(before)
                    or (kind != "statement" and _URGED.search(before))
                    or (kind == "sanction" and _timeless(sentence))
                ):
                    continue
                mentions.setdefault(kind, []).append((rank * SENTENCE + match.start(), sentence))
                break
    lead = " ".join([title, *every[:LEAD_SENTENCES]])
    if not (dateline or date or _WHEN.search(lead) or (mentions and _REPORTED.search(title))):
        # undated, with no day in its lead: an explainer or an essay, whose events are background;
        # only what its headline announces is news (and the text's report of it: its parties, its
        # officials, how many agreements were signed), and what was signed at it
        announced = {kind for kind, found in mentions.items() if found[0][0] < SENTENCE}
        if announced:
            announced.update(WHOLE_TEXT)
        mentions = {kind: found for kind, found in mentions.items() if kind in announced}
    if _OBITUARY.search(title):  # only the condolences a death brings are news of its own
        mentions = {"statement": [m for m in mentions.get("statement", []) if _CONDOLENCE.search(m[1])]}
    # a photo's caption illustrates what the text reports; when the text reports nothing, the picture's
    # scene is an illustration, long past ("... during the G-20 summit in Osaka, Japan, June 29, 2019 (AP
    # photo by Susan Walsh)" over an essay on a policy debate)
    if all(_in_caption(mention) for found in mentions.values() for mention in found):
        mentions = {}
    drop_courtesies(mentions)
    drop_sources(mentions, cut_from)
    drop_unofficial_visits(mentions, people)
    drop_summit_meetings(mentions)
    drop_summit_calls(mentions)
    drop_company_meetings(mentions, cut_from)
    drop_call_discussions(mentions)
    drop_ceremony_discussions(mentions)
    drop_summons_meetings(mentions)
    mentions = {kind: found for kind, found in mentions.items() if found}
    first = _told_first(mentions)
    # the officials of the lead take part (the dead do not: "the late Queen Elizabeth II"); the
    # countries the article is about are parties
    if "late " in body or "late " in title:
        whole = f"{title} {body}"
        people = [p for p in people if not _departed(p, whole)]
    # (not those the lead names only as met later: "Wang will meet President Uhuru Kenyatta on Thursday",
    # nor only in its background: "Tensions have risen ... following U.S. President Donald Trump's
    # withdrawal last year from a 2015 international nuclear accord")
    reporting = {sentence for found in mentions.values() for _, sentence in found}
    told = [s for s in [title, *every[:LEAD_SENTENCES]] if s in reporting or not _LONG_PAST.search(s)]
    lead_words = folded_words(_LATER_CLAUSE.sub(" ", " ".join(told)))
    leading = [p for p in people if p.role and named_in(p, lead_words)]
    listed = [(envoy, posting) for _, envoy, posting in envoys(body)] if "appointment" in mentions else []
    # the officials a delegation is said to include take part in its visit and talks, wherever named
    along = folded_words(" ".join(sentence for sentence in every if _COMPANIONS.search(sentence)))
    companions = [p for p in people if p.role and named_in(p, along)]
    context = Context(
        leading, list(countries or []), date, dateline, listed, date_source in GUESSED_DATES, companions
    )
    if "appointment" in mentions:
        context.envoy_states = envoy_states(body)
    events = [describe_event(kind, found, people, context) for kind, found in mentions.items()]
    # a joint statement that names no two states is the meeting's parties': "On the outcome of the talks
    # the parties adopted Joint Statement of the Ministers of Foreign Affairs of countries-neighbors of
    # Afghanistan" (not the G7's statement on a launch the Security Council met on)
    met_by = next((e.parties for e in events if e.type in ("summit", "meeting") and e.parties), None)
    for event in events:
        joint = event.type == "statement" and _JOINT.search(event.evidence)
        if joint and met_by and len(countries_in(event.evidence)) < 2:
            event.parties = list(met_by)
    # a diplomatic event has a state (or the EU, the UN) as a party: "the council met" has none;
    # an appointment names its envoy or the states: "how credentials are presented" names neither
    said = {kind: " ".join(sentence for _, sentence in found) for kind, found in mentions.items()}
    events = [
        e for e in events if e.parties and (e.type != "appointment" or e.people or countries_in(said[e.type]))
    ]
    # a meeting held, or an agreement signed, during a visit is where the visit went: "Zarif arrived in
    # Islamabad ...", "Prime Minister Imran Khan met Zarif at PM House on Friday"
    visited = next((e.place for e in events if e.type == "visit" and e.place), None)
    for event in events:
        if event.place is None and event.type in ("meeting", "agreement") and visited:
            event.place = visited
    # a statement the parties issued at their meeting is where and when they met: "met in Bali ... The
    # three ministers affirmed ...", "In a joint statement announced after the meeting"
    meetings = [e for e in events if e.type in ("summit", "meeting")]
    met = next((e.place for e in meetings if e.place), None)
    met_on = next((e.date for e in meetings if e.date), None)
    for event in events:
        if event.type == "statement":
            event.place = event.place or met
            event.date = event.date or met_on
    _writers_city(events, body, dateline)
    first = {kind: order for kind, order in first.items() if any(e.type == kind for e in events)}
    events.sort(key=lambda event: first[event.type])
    # a declaration the summit adopts is the summit's outcome ("The summit's work concluded with the
    # adoption of the Deauville Declaration"); one the leaders adopt or sign is news of its own ("G20
    # leaders adopt joint declaration")
    agreed = mentions.get("agreement", [(0, "")])[0][1]
    return events, _primary(
        first, adopted=bool(_SUMMIT_ADOPTED.search(agreed) and not _SIGNED.search(agreed))
    )


def _in_caption(mention: tuple[int, str]) -> bool:
    """Whether the mention's wording stands in a photo's caption: before the credit that ends it."""
    order, sentence = mention
    credit = PHOTO_CREDIT.search(sentence)
    return credit is not None and order % SENTENCE < credit.start()


def _writers_city(events: list[Event], body: str, dateline: str | None) -> None:
    """A dateline's city in a state the text never names again is where the writer is, not where a
    visit went, nor where what was done on it was ("ADDIS ABABA, July 12 (Xinhua) -- Visiting Somali
    President ... and Eritrean President ... signed a Memorandum"): no place, and its state no party."""
    if not dateline or not any(e.type == "visit" for e in events):
        return
    city, writer = dateline_state(dateline)
    at = body.find(dateline)
    if writer is None or at < 0 or writer in countries_in(body[at + len(dateline) :]):
        return
    for event in events:
        if event.type != "summit" and event.place == city:
            event.place = None
            if len([code for code in event.parties if code != writer]) >= 2:
                event.parties = [code for code in event.parties if code != writer]


# a sentence that tells of the past or a time: a verb in the past or perfect, a day, a report
_TOLD = re.compile(
    r"\b(?:was|were|had|has|have|did|said|says|told|met|held|took|made|sent|froze|withdrew|slapped|today"
    rf"|yesterday|{WEEKDAY_NAME}|{MONTH_NAME})\b|(?<!\bis )(?<!\bare )(?<!\bbe )\b[a-z]+ed\b",
    _I,
)


def _timeless(sentence: str) -> bool:
    """Whether a sentence states what is always so, in the present and of no time: "Sanctions at EU
    level constitute a political tool", "Decisions on sanctions are adopted by the Council"."""
    return not _TOLD.search(sentence)


# a guest called visiting ("Shrestha and visiting Minister Kamikawa held bilateral talks"), and a
# statement cited as the report's source ("... have envisioned closer cooperation, according to a joint
# statement"), are named before the event they tell of
_VISITING = re.compile(r"visiting (?-i:[A-Z])", _I)
_CITED = re.compile(r"\baccording to (?:an? |the )?(?:\w+ )?$", _I)


def _told_first(mentions: dict[str, list[tuple[int, str]]]) -> dict[str, int]:
    """Where each kind is first told of: where it is first named, but a visit first named only as
    a guest's "visiting" comes after the talks, and a statement first named as the source comes
    after every other event."""
    first = {kind: found[0][0] for kind, found in mentions.items()}
    order, sentence = mentions.get("visit", [(0, "")])[0]
    if "meeting" in first and first["meeting"] > order and _VISITING.match(sentence, order % SENTENCE):
        first["visit"] = first["meeting"] + 1
    order, sentence = mentions.get("statement", [(0, "")])[0]
    if len(first) > 1 and _CITED.search(sentence[: order % SENTENCE]):
        first["statement"] = max(first.values()) + 1
    return first


def _wrong_call_on(kind: str, sentence: str, match: re.Match[str]) -> bool:
    """Whether a "called on" mention is of the other kind: a courtesy call found as a statement, or
    an appeal found as a meeting."""
    if not CALL_ON.match(match.group(0)):
        return False
    courtesy = courtesy_call(sentence, match.end())
    return courtesy if kind == "statement" else not courtesy


_SUMMIT_ADOPTED = re.compile(r"\bsummit\b[^.;]*\b(?:adopt|approv|endors)\w*", re.IGNORECASE)
_SIGNED = re.compile(r"\b(?:sign|ink)\w*", re.IGNORECASE)


def _primary(first: dict[str, int], adopted: bool = False) -> str | None:
    """The event named first; a summit or a statement only when nothing else is named beside it
    (but a declaration the summit `adopted`), and of a summit and a statement named together, the
    statement."""
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
        if beside and not (head == "summit" and beside[0] == "agreement" and adopted):
            return beside[0]
        if head == "summit" and first.get("statement", -1) // SENTENCE == first[head] // SENTENCE:
            return "statement"  # "the Security Council condemned ...": what it said is the news
        return head
    return head


def _departed(person: Person, text: str) -> bool:
    """Whether the text names a person only as dead: "the late Sheikh Zayed bin Sultan Al Nahyan"."""
    said = [found.start() for found in re.finditer(re.escape(person.name), text)]
    return bool(said) and all(_LATE.search(text, max(0, start - 40), start) for start in said)


_LATE = re.compile(r"\blate\s+(?:[A-Z][\w.]*\s+){0,3}$")


def _diplomatic(sentence: str, people: list[Person]) -> bool:
    """Whether a sentence involves a state: a country, the EU or UN, an official or a known person."""
    if countries_in(sentence) or EU.search(sentence) or UN.search(sentence) or OFFICIAL.search(sentence):
        return True
    return any(surname_key(p.name) and p.name.split()[-1] in sentence for p in people)
