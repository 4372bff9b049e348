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
"""

from __future__ import annotations

import datetime as dt
import re

from indexer.clean.dates import MONTH_NAME, WEEKDAY_NAME
from indexer.enrich.countries import countries_in
from indexer.enrich.event_details import (
    COUNCILS,
    EU,
    INSTRUMENTS,
    NOT_ITS_TEXTS,
    SENTENCE,
    UN,
    Context,
    Event,
    describe_event,
    folded_words,
    states_own,
    surname_of,
)
from indexer.enrich.people import LOWER_ROLES, Person, envoys, surname_key
from indexer.enrich.sentences import sentences

EVENT_TYPES = ("visit", "meeting", "call", "agreement", "summit", "statement", "sanction", "appointment")
GUESSED_DATES = ("text", "dateline")  # the article's date_source when no date of the page's own was found
LEAD_SENTENCES = 5  # the lead: where a news text reports its event; later sentences give context
WHOLE_TEXT = ("agreement",)  # readouts report what was signed further down: read in every sentence

_I = re.IGNORECASE
_GROUPS = r"(?:G7|G8|G20|NATO|ASEAN|CSTO|APEC)"
# "meets the criteria", "meeting the needs of": to meet is also to satisfy
_SATISFIES = (
    r"(?! (?:the |its |their |all |these |those )?(?:\w+ )?(?:criteria|requirements?|conditions?|standards?"
    r"|needs?|demands?|goals?|targets?|thresholds?|expectations?|obligations?|deadlines?|definition|costs?)\b)"
)
_SESSION = r"(?:summits?|meetings?|ministerials?|sessions?|leaders|talks|conferences?|gatherings?|dialogue)\b"
# The wording of each event type: alternatives of one table each, matched case-insensitively.
WORDING: dict[str, list[str]] = {
    "call": [
        r"\b(?:tele)?phon(?:e|ic) (?:calls?|conversations?|talks?)\b",
        r"\bcall(?:s|ed)? (?:with|to)\b",
        r"\bvideo ?(?:call|conference)",
        r"\b(?:by|over(?: the)?|on the) (?:tele)?phone\b",  # "spoke by phone", "talked to X on the phone"
        r"\b(?:held|had) a call\b",
        r"\bcall between\b",
        # "spoke to President X", "spoke this evening with ...": a readout's call
        r"\bspoke (?:(?:today|yesterday|this (?:morning|afternoon|evening)|on \w+) )?(?:to|with) "
        r"(?:the |his |her )?(?-i:[A-Z])",
    ],
    "meeting": [
        rf"\bmet\b{_SATISFIES}",
        rf"\bmeets\b{_SATISFIES}",
        rf"\bmeeting\b{_SATISFIES}",
        r"\b(?:held|hold|holds|holding|had) (?:bilateral )?talks\b",
        r"\b(?:held|hold|holds|had) (?:\w+ ){0,3}meetings\b",  # "held separate meetings with"
        r"\btalks (?:with|between)\b",
        r"\bbilateral (?:meetings?|talks)\b",
        r"\bsummit talks\b",
        r"\bcourtesy (?:call|visit)s? on\b",  # "the joint courtesy call on President Marcos"
        r"\bon the sidelines\b",
        r"\bdiscussions? (?:with|between)\b",
        r"\btalks were held\b",
        r"\bdiscussed\b",
        r"\breceived (?:the )?(?:visiting |foreign )?(?:President|Prime|Minister|Foreign)",
        r"\bhost(?:ed|s)\b[^.;]{0,30}\b(?:(?-i:President|Prime|Minister|Foreign|Chancellor|Secretary|Ambassador)"
        r"|counterpart)",
        # an envoy's courtesy call on a minister ("called on Foreign Minister Jilani"; one called on to act
        # is appealed to: a statement)
        r"\bcall(?:s|ed|ing)? on\b",
        r"\bmeetings with\b",  # "pictures of his meetings with Chinese envoy Liu Shaobin"
    ],
    "visit": [
        r"\bvisit(?:s|ed|ing)?\b",
        r"\barriv(?:ed|es|ing) in\b",
        r"\barriv(?:ed|es) at (?:the )?(?-i:[A-Z])",  # "arrived at the White House", not "at a decision"
        r"\btravel(?:s|led|ed|ling|ing)? to\b",
        r"\btravels\b",
        r"\btrip to\b",
        r"\bwelcomed? (?:the )?(?:visiting )?(?-i:[A-Z])[\w ]{0,40} (?:to|here)\b",
        r"\bwelcom(?:e|ing) ceremony\b",  # a guest of state's
        r"\bland(?:ed|s|ing) (?:in|at)\b",  # "landed at the Jomo Kenyatta International Airport"
        r"\btouch(?:ed|es|ing) down (?:in|at)\b",
        # a stop on an official's tour: "the first stopover of Lavrov's Latin American tour", "a three-nation
        # tour"
        r"\bstopover\b|['\u2019]s (?:(?-i:[A-Z])[\w-]* ){0,3}tour\b"
        r"|\b(?:regional|foreign|overseas|state|official|\w+-(?:nation|country|day)) tour\b",
        r"\bwelcomed at\b[^.;]{0,60}\bby (?:the )?(?-i:[A-Z])",  # "welcomed at the airport by President ..."
        # "arrived Monday evening for a three-day official visit"
        r"\barriv(?:ed|es|ing)\b[^.;]{0,40}\bfor (?:a|an|his|her|their|the) [\w-]+(?: [\w-]+)?"
        r" (?:visit|state|trip|tour)\b",
    ],
    "summit": [
        r"\bsummit\b(?! talks\b)",  # "their summit talks": two heads of state meeting
        # a group named at its session, not only named ("the G7's criticism", "ambassador to NATO")
        rf"\b{_GROUPS}\b{NOT_ITS_TEXTS}(?=[^.;]{{0,60}}\b{_SESSION})",
        # ("Leaders of the G20 met"; not "the leaders agreed to hold a meeting on the sidelines of the G20")
        rf"\b(?:(?!leaders){_SESSION}[^.;]{{0,60}}\b|leaders of (?:the )?){_GROUPS}\b",
        rf"\b(?:{COUNCILS}|Foreign Affairs Council)\b{NOT_ITS_TEXTS}",
        r"\bministerial\b(?![\w -]{0,30}\blevels?\b)",  # not "consultations at ministerial level"
        r"\bsidelines\b",
        # a press conference is no summit, nor a venue ("the International Conference Center")
        r"(?<!press )(?<!news )\bconference\b(?! calls?\b| (?:cent(?:er|re)|hall|room)s?\b)",
        r"\b(?:assembly|session|summit|conference|council) of (?:the )?heads of state\b",
        r"\bheads of state (?:and government )?council\b",  # "the SCO Heads of State Council Meeting"
        # three states or more: "the heads of six states signed a declaration"
        r"\b(?:heads|leaders) of (?:the )?(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
        r" (?:states|countries|nations)\b",
        # many states' leaders meeting: "heads of state and government ..., meeting in Saint Mary's"
        r"\bheads of state(?: and government)?\b[^.;]{0,80}\bmeet(?:ing|s)?\b",
        r"\btrilateral\b",
        # a forum's session of leaders: "the 54th Pacific Islands Forum Leaders Meeting"
        r"\b(?-i:Leaders)['\u2019]? (?-i:Meeting|Retreat)\b",
    ],
    "agreement": [
        rf"\b(?:sign|ink)(?:ed|ing|s)?\b[^.;]{{0,80}}\b{INSTRUMENTS}\b",
        rf"\b(?:{INSTRUMENTS}|documents)\b[^.;]{{0,80}}\b(?:were|was|been)"
        r" (?:signed|concluded|ratified|adopted)\b",
        rf"\bexchang(?:e|ed|es|ing)\b[^.;]{{0,30}}\b{INSTRUMENTS}\b",  # "exchanged the MoU": a signing
        rf"\bsigning of\b[^.;]{{0,80}}\b(?:{INSTRUMENTS}|statements?)\b",
        r"\bsign(?:ed|s)?\b[^.;]{0,40}\bjoint (?:statement|communiqu\w*)",  # signed, it is an instrument
        rf"\b(?:{INSTRUMENTS}|documents)\s+signed\b",  # "the joint declaration signed by"
        r"\bratif(?:ied|y|ies)\b",
        r"\bLeaders[’']? Declaration\b",
        r"\b(?:adopts?|adopted|adopting|approved|endorsed|adoption of)\b[^.;]{0,40}"
        r"\b(?:declarations?|conventions?|charter)\b",
        r"\bdeclaration\b[^.;]{0,60}\b(?:was|were|and) adopted\b",
    ],
    "statement": [
        r"\b(?:condemn|condolence|congratulat|deplor|communiqu)\w*",
        r"(?<!courtesy )\bcall(?:s|ed)? on\b",
        r"\burg(?:e|es|ed)\b",
        r"\b(?:joint )?statement\b",
        r"\bsummon(?:s|ed)?\b",
        r"\bwarn(?:s|ed)?\b",
        r"\bappeal(?:s|ed)? (?:to|for)\b",  # not "Appeals Committee"
        r"\bexpress(?:es|ed)? (?:its |his |her |their )?(?:(?:deep(?:est)?|strong|grave|serious) )?"
        r"(?:concerns?|sympathy|solidarity|sorrow|grief)\b",
        r"\bmessages? of (?:sympathy|solidarity|support|congratulations?)\b",  # "sent a message of sympathy"
    ],
    "sanction": [
        # not a noun's modifier: "a sanctions list", "the sanctions authorities", "Iraq sanctions policy"
        r"\bsanction(?:s|ed|ing)?\b"
        r"(?! (?:lists?|authorit(?:y|ies)|programs?|programmes?|compliance|screening|evasion"
        r"|polic(?:y|ies)))",
        # not an envoy's: "a letter that designates a diplomat as ambassador"
        r"\bdesignat(?:ed|es|ion|ions)\b"
        r"(?![^.;]{0,40}\bas (?:the |an? )?(?:new )?(?:ambassador|envoy|high commissioner))",
        r"\bexpel(?:s|led|ling)?\b",
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
# every wording of a kind holds one of these words (in lower case): a sentence that has none is not
# searched for the kind (a substring test is a hundred times cheaper than the regular expression;
# tests/test_events.py checks the words against the wordings)
_KEYWORDS = {
    "call": "phon|call|video|spoke",
    "meeting": "met|meet|talks|courtesy|sideline|discussion|discussed|received|host|call",
    "visit": "visit|arriv|travel|trip|welcom|land|touch|stopover|tour",
    "summit": "summit|g7|g8|g20|nato|asean|csto|apec|council|assembly|ministerial|sideline|conference|heads"
    "|trilateral|leaders",
    "agreement": "agreement|accord|pact|treat|memorand|mou|declaration|protocol|convention|deal|document"
    "|statement|communiqu|ratif|charter",
    "statement": "condemn|condolence|congratulat|deplor|communiqu|call|urg|statement|summon|warn|appeal"
    "|express|message",
    "sanction": "sanction|designat|expel|expulsion|restrictive|asset|travel ban|persona non grata|recall",
    "appointment": "credential|sworn|swearing|appoint|nominat|nam|nominee|ambassador|envoy|commissioner"
    "|credence",
}
KEYWORDS = {kind: tuple(words.split("|")) for kind, words in _KEYWORDS.items()}
# past the lead, only this wording reports more of the same: "Sheikh Salem also met with ..."
LATER = {
    "meeting": re.compile(
        r"\balso (?:met|held (?:talks|a meeting|meetings))\b|\banother meeting\b|\b(?:meeting|talks) with\b"
        # "The pair held talks on strengthening bilateral ties", "also held bilateral discussions"
        r"|\b(?:held|had) (?:bilateral |one-on-one |separate )?(?:talks|discussions)\b"
        r"|\balso (?:paid a courtesy call|called) on\b",
        _I,
    ),
    # an official's arrival told further down: "President Obama arrived at the Vatican shortly after 4 p.m."
    "visit": re.compile(
        r"\barriv(?:ed|es) (?:in|at)\b|\b(?:is|was|were) visiting\b"
        r"|\b(?:is|was) on an? (?:[\w-]+ ){0,2}visit\b",  # "Pinto, who is on a three-day visit"
        _I,
    ),
}
# a headline's infinitive is what is to come: "Ambassadors of 10 countries to present credentials"
_TO_COME = re.compile(r"\bto\s+(?:\w+\s+)?$", _I)
# what is done as a rule is no event: "The credentials ceremony usually takes place twice a year"
_HABITUAL = re.compile(r"\b(?:usually|traditionally|typically|normally|as a rule)\b", _I)
# a wire story's next item, reported like the lead's: "In a related development, the Federal Government
# and the Republic of Ghana met yesterday in Abuja"
_NEXT_ITEM = re.compile(r"\s*In (?:a (?:related|separate) development|another development)\b", _I)
# wording that puts the event in the future or the past, just before its trigger
_NOT_NOW = re.compile(
    r"\b(?:will|would|shall|plans? to|planned to|planning to|is to|are to|expected to|due to|set to|hopes? to"
    r"|intends? to|looks? forward to|to be held|next (?:week|month|year)|upcoming|forthcoming|agreed to"
    r"|scheduled to|slated to)\b[^.;]{0,90}$"
    # or in the past: "his recent visit", "the previous meeting"; or the one after: "the next meeting"
    r"|\b(?:recent|previous|prior|next)\s+(?:\w+\s+)?$",
    _I,
)
_BACKGROUND = re.compile(
    # ("last week's massacre" dates a noun, not the event)
    rf"\b(?:last (?:year|month|week|{MONTH_NAME}|spring|summer|autumn|fall|winter)(?!['\u2019]s)"
    r"|previously|earlier this"
    rf"|in (?:(?:early|mid|late)[- ])?(?:{MONTH_NAME} )?(?:19|20)\d\d"
    r"|(?:a|one|two|three|four|five|several|few|\d+) (?:years?|months?|weeks?|decades?) ago"
    r"|in the (?:last|past) (?:few |several |two |three |\d+ )?(?:years|months|weeks|decades))\b",
    _I,
)
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
_CALL_ON = re.compile(r"call(?:s|ed|ing)? on\b", _I)
# who is called on: an official ("called on the newly appointed Minister of Foreign Affairs Ali Sabry")
_OFFICIAL_CALLED_ON = re.compile(
    r"[^.;,]{0,40}?\b(?:minister|president|premier|king|emir|chancellor|secretary|governor|speaker"
    r"|chair(?:man|woman|person)|sheikh)\b",
    _I,
)
# and what they are called on to do: "called on all sides to exercise restraint" (not "to discuss ...")
_CALLED_TO = re.compile(
    r"[^.;]{0,80}?\bto\s+(?!(?:the|his|her|their|its|a|an|discuss|exchange|review|reaffirm|congratulate|explore"
    r"|brief|bid|pay|convey|thank|express)\b)[a-z]{2,}\b"
)


def _courtesy_call(sentence: str, end: int) -> bool:
    """Whether "called on" at `end` is a visit to an official, not an appeal to act."""
    return bool(_OFFICIAL_CALLED_ON.match(sentence, end)) and not _CALLED_TO.match(sentence, end)


_AIRPORT = re.compile(r"\b(?:airport|airbase|air base)\b", _I)
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
# what may or can happen is no event that happened: "a receiving state may declare any member of
# its staff persona non grata"
# ("May" capitalised is the month: "On May 16, President Xi held talks")
_HYPOTHETICAL = re.compile(r"\b(?:(?-i:may)|might|can|cannot|could|must|should)\b", _I)
# what any or every such event is, or what a word means, is no event: "regarding any bilateral
# meetings", "Ambassadors are persons nominated ...", "being on a list means asset freezes"
_GENERIC = re.compile(
    r"\b(?:any|every)\s+(?:\w+\s+)?$"
    r"|\b(?:is|are) (?:an? |the )?(?:\w+ )?(?:persons?|people|officials|term|process|practice|procedure)\b"
    r"|(?<!by )\bmeans\b|\brefers? to\b|\bis defined as\b",
    _I,
)
# a headline's label of comment ("Editorial: ..."), or one that says it explains ("How to ...")
_COMMENT = re.compile(
    r"^(?:Editorial|Opinion|Analysis|Commentary|Comment|Op-?Ed|Column|Explainer|Perspective|Viewpoint)"
    r"\s*[:|\u2013\u2014-]|\bexplain(?:s|ed|er|ing)\b|^How (?:to|do|does|can)\b|^What (?:is|are)\b",
    _I,
)
# a headline that reports a death: an obituary, whose career's visits and talks are history ("Vorontsov,
# U.S. and UN Diplomat, Is Dead at 78", "John Gunther Dean, US diplomat haunted by Cambodia, dies")
_OBITUARY = re.compile(r"\b(?:dies|died|is dead|dead at \d+|pass(?:es|ed) away)\b", _I)
_CONDOLENCE = re.compile(r"\bcondolence", _I)
# a news report says when its event happened: its dateline, its date, or a day in its lead
_WHEN = re.compile(
    rf"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|{WEEKDAY_NAME}"
    rf"|{MONTH_NAME}\.? \d{{1,2}}|\d{{1,2}} {MONTH_NAME}|on the \d{{1,2}}(?:st|nd|rd|th))\b",
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
# a diplomatic event involves a state: its officials or its name
_OFFICIAL = re.compile(
    r"\b(?:President|Prime Minister|Minister|Secretary|Ambassador|Chancellor|Premier|King|Emir|Envoy|Foreign"
    r"|Government|Leaders?|Lord|Commissioner|High Representative|PM|(?i:top diplomat))\b"
)
_MET = re.compile(r"\b(?:met|meets|meeting|visit\w*|received|hosted|in person)\b", _I)


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
    if len(_CHRONOLOGY.findall(body)) >= CHRONOLOGY_LINES:
        return [], None  # a timeline of years: history, not news
    every = sentences(body)
    # a headline announces its event, unless it says the page is comment or an explainer
    read = [("" if _COMMENT.search(title) else title, True), *((sentence, False) for sentence in every)]
    # a headline made of the text's first words cut short ("LAHORE, ... held a meeting …") is judged
    # by the whole sentence it was cut from
    cut_from = next(
        (s for s in every[:1] if title.endswith("\u2026") and s.startswith(title[:-1].strip())), title
    )
    if not any(_diplomatic(sentence, people) for sentence, _ in read[: LEAD_SENTENCES + 1]):
        return [], None  # no state, official or diplomat in the headline or the lead
    # each type's mentions: (order: the headline first, then sentence by sentence; the sentence)
    mentions: dict[str, list[tuple[int, str]]] = {}
    announced_ahead: set[str] = set()  # what the headline announces as to come ("... to present credentials")
    for rank, (sentence, in_title) in enumerate(read):
        if not sentence or sentence.rstrip().endswith("?"):
            continue  # a question reports nothing: "How do you become an appointed ambassador?"
        next_item = rank > LEAD_SENTENCES and _NEXT_ITEM.match(sentence)
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
                    or (kind == "summit" and (states_own(sentence, match) or _POST_AT.search(before)))
                    or (kind == "agreement" and _PRICED.search(sentence))
                    # a statement signed is an instrument (the agreement's): "jointly signed and issued a
                    # Joint Statement", "Among the 22 documents signed ... the statement condemning ..."
                    or (kind == "statement" and _SIGNED_STATEMENT.search(sentence))
                    # a call on an official is a visit to talk; a call on a state to act, an appeal
                    or (
                        kind in ("meeting", "statement")
                        and _CALL_ON.match(match.group(0))
                        and (kind == "meeting") != _courtesy_call(sentence, match.end())
                    )
                    # a guest received at the airport is welcomed on a visit, not met in talks
                    or (
                        kind == "meeting"
                        and match.group(0).lower().startswith("received")
                        and _AIRPORT.search(sentence)
                    )
                ):
                    continue
                if in_title and (_NOT_NOW.search(before) or _TO_COME.search(before)):
                    announced_ahead.add(kind)
                if not in_title and (
                    # an announced event's own sentences tell of it in the future: "will present"
                    (_NOT_NOW.search(before) and kind not in announced_ahead)
                    or _HYPOTHETICAL.search(before)
                    or _HABITUAL.search(before + sentence[match.end() : match.end() + 30])
                    or _BACKGROUND.search(sentence)
                    or (kind != "statement" and _URGED.search(before))
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
    _drop_courtesies(mentions)
    _drop_sources(mentions)
    _drop_unofficial_visits(mentions, people)
    _drop_summit_meetings(mentions)
    _drop_company_meetings(mentions, cut_from)
    _drop_call_discussions(mentions)
    _drop_ceremony_discussions(mentions)
    mentions = {kind: found for kind, found in mentions.items() if found}
    first = {kind: found[0][0] for kind, found in mentions.items()}
    # the officials of the lead take part; the countries the article is about are parties
    lead_words = folded_words(lead)
    leading = [p for p in people if p.role and surname_of(p) in lead_words]
    listed = [(envoy, posting) for _, envoy, posting in envoys(body)] if "appointment" in mentions else []
    # the officials a delegation is said to include take part in its visit and talks, wherever named
    along = folded_words(" ".join(sentence for sentence in every if _COMPANIONS.search(sentence)))
    companions = [p for p in people if p.role and surname_of(p) in along]
    context = Context(
        leading, list(countries or []), date, dateline, listed, date_source in GUESSED_DATES, companions
    )
    events = [describe_event(kind, found, people, context) for kind, found in mentions.items()]
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
    first = {kind: order for kind, order in first.items() if any(e.type == kind for e in events)}
    events.sort(key=lambda event: first[event.type])
    return events, _primary(first)


def _drop_call_discussions(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """What a call's parties discussed is no meeting unless the text says they met: "a call ... a
    meeting of minds", "Lavrov, Motegi discussed ... held a phone conversation", a readout headed
    "Meeting" (a wire story's next item is a meeting of its own, and so are the envoys who called on
    the minister the same day)."""
    if not mentions.get("meeting") or not mentions.get("call"):
        return
    own = [
        (order, sentence)
        for order, sentence in mentions["meeting"]
        if not (_NEXT_ITEM.match(sentence) or _IN_PERSON.search(sentence))
    ]
    if own and (
        mentions["call"][0][0] // SENTENCE <= own[0][0] // SENTENCE
        or not any(_MET.search(sentence) for _, sentence in own)
        or all(order < SENTENCE for order, _ in own)  # "Foreign Ministers' Meeting" over a telephone talk
    ):
        mentions["meeting"] = [mention for mention in mentions["meeting"] if mention not in own]


_IN_PERSON = re.compile(r"\b(?:called on|courtesy call|held a meeting with|met with)\b", _I)
_DISCUSSED_ONLY = re.compile(r"\bdiscussed\b", _I)


def _drop_ceremony_discussions(mentions: dict[str, list[tuple[int, str]]]) -> None:
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


_COURTESY = re.compile(r"\b(?:statement|communiqu\w*|summon\w*|message|letter)\b", _I)
_THE_MEETING = re.compile(r"\b(?:the|this|that) meeting\b(?!s)", _I)
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


# what a statement says that makes it one, beside the word: "condemned", "urged", "a joint statement"
_STATED = re.compile(
    "|".join([*(w for w in WORDING["statement"] if "statement" not in w), r"\bjoint statement\b"]), _I
)
_SAYS = re.compile(r"\b(?:said|says|stated|added|announced|released|issued|quoted|according to)\b", _I)
_THE_STATEMENT = re.compile(r"\b(?:the|this|that) statement\b", _I)


def _states(sentence: str) -> bool:
    """Whether a sentence says what makes a statement one ("condemned", "a joint statement"), an
    envoy's courtesy call on a minister aside ("called on Foreign Minister Jilani")."""
    return any(
        not (_CALL_ON.match(found.group(0)) and _courtesy_call(sentence, found.end()))
        for found in _STATED.finditer(sentence)
    )


def _drop_sources(mentions: dict[str, list[tuple[int, str]]]) -> None:
    """A statement that is only the source of what else the article reports ("..., the ministry
    said in a statement", "according to a statement by the Kremlin") is no statement of its own,
    nor is "the statement" said of it after ("The statement follows the minister's visit")."""
    if "statement" not in mentions or set(mentions) <= {"statement"}:
        return
    kept, after_source = [], False
    for order, sentence in mentions["statement"]:
        if _states(sentence):
            kept.append((order, sentence))
        elif _SAYS.search(sentence):
            after_source = True
        elif not (after_source and _THE_STATEMENT.search(sentence)):
            kept.append((order, sentence))
    mentions["statement"] = kept


# a title in lower case, one or many: "the foreign ministers of Pakistan and Afghanistan"; "the
# minister's two-day visit to Ghana"
_ROLE = re.compile(rf"\b(?:{LOWER_ROLES})s?\b", _I)
_MINISTER = re.compile(r"\bministers?\b", _I)


def _drop_unofficial_visits(mentions: dict[str, list[tuple[int, str]]], people: list[Person]) -> None:
    """A visit is an official's, or a state's delegation's: a football team that arrives in a
    capital, or a traveller with a visa, pays none. A sentence of a visit names an official
    (by title, or a person the text gives a title)."""
    if "visit" not in mentions:
        return
    titled = {word for p in people if p.role for word in p.name.split() if len(word) > 2}
    mentions["visit"] = [
        (order, sentence)
        for order, sentence in mentions["visit"]
        if _OFFICIAL.search(sentence)
        or _ROLE.search(sentence)
        or _MINISTER.search(sentence)
        or any(name in sentence for name in titled)
    ]


# a company's people met are no state's: "held a meeting with a delegation from Canada-based company
# World Trade Developers"
_COMPANY = re.compile(
    r"\b(?:delegation|team|representatives?|executives?)\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:company|companies|firms?|corporations?|business(?:es|men)?|investors|chambers? of commerce)\b",
    _I,
)


def _drop_company_meetings(mentions: dict[str, list[tuple[int, str]]], headline: str) -> None:
    """A meeting with a company's delegation is no diplomatic meeting (a company is no state),
    nor is "the meeting" said of it after. `headline` is what the headline says in full."""
    if "meeting" not in mentions:
        return
    kept, after_company = [], False
    for order, sentence in mentions["meeting"]:
        if _COMPANY.search(headline if order < SENTENCE else sentence):
            after_company = True
        elif not (after_company and _THE_MEETING.search(sentence) and not _MET_WITH.search(sentence)):
            kept.append((order, sentence))
    mentions["meeting"] = kept


_MET_WITH = re.compile(r"\b(?:met|meets|talks|(?:meeting|talks) with)\b", _I)


def _drop_summit_meetings(mentions: dict[str, list[tuple[int, str]]]) -> None:
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
    if countries_in(sentence) or EU.search(sentence) or UN.search(sentence) or _OFFICIAL.search(sentence):
        return True
    return any(surname_key(p.name) and p.name.split()[-1] in sentence for p in people)
