"""How each type of diplomatic event is written (indexer/enrich/events.py reads texts for it).

WORDING holds each type's wordings (compiled per type as TRIGGERS), KEYWORDS the words one of
which every wording of a type holds (a sentence with none is not searched for it), LATER the
wording that past the lead still reports more of the same; beside them, a wire story's next
item, an official, and an envoy's courtesy call told from an appeal to act.
"""

from __future__ import annotations

import re

from indexer.enrich.event_details import COUNCILS, INSTRUMENTS, NOT_ITS_TEXTS

# the words that may stand between "held" and "talks": "held bilateral talks", "had \u201cvery fruitful
# talks\u201d"
_TALKS_ADJECTIVES = (
    r"[\"\u201c]?(?:(?:very|most|highly|extremely) )?(?:(?:bilateral|one-on-one|separate|fruitful"
    r"|productive|constructive|cordial|friendly|frank|candid|useful|in-depth|extensive|wide-ranging|detailed"
    r"|substantive|lengthy|official|formal|brief|high-level|comprehensive|positive|excellent|successful"
    r"|warm),? (?:and )?)*"
)

_I = re.IGNORECASE
# groups of states whose sessions are summits (named at a session: "OSCE Foreign Ministers meeting",
# "Commonwealth Foreign Ministers held their annual meeting"); acronyms in capitals only
GROUPS = (
    r"(?:(?-i:G7|G8|G20|NATO|ASEAN|CSTO|APEC|OSCE|ASEM|BRICS|SCO|OIC|GCC|CIS|EAEU|CELAC|OAS|SAARC|BIMSTEC"
    r"|ECOWAS|SADC|MERCOSUR|Mercosur|CHOGM)|African Union|Arab League|Commonwealth)"
)
# "meets the criteria", "meeting the needs of": to meet is also to satisfy
_SATISFIES = (
    r"(?! (?:the |its |their |all |these |those )?(?:\w+ )?(?:criteria|requirements?|conditions?|standards?"
    r"|needs?|demands?|goals?|targets?|thresholds?|expectations?|obligations?|deadlines?|definition|costs?)\b)"
)
# met by a reaction, not by officials: "were met by a phalanx of policemen", "was met with criticism"
_MET_REACTION = (
    r"(?! (?:by|with) (?:an? |the |some |much |stiff |fierce |strong |\w+ )?(?:\w+ of )?(?:police\w*|riot\b"
    r"|resistance|criticism|protests?|opposition|silence|tear gas|s[ck]epticism|applause|cheers|jeers|boos"
    r"|crowds?|hostility|derision|outrage|anger|backlash|disapproval|force|violence)\b)"
)
# (a venue is no session: "the Bangabandhu International Conference Center")
_SESSION = (
    r"(?:summits?|meetings?|ministerials?|sessions?|leaders|talks"
    r"|conferences?(?! (?:cent(?:er|re)|hall|room)s?\b)|gatherings?|dialogue)\b"
)
# a session of several states, named by what they are: "of the countries-neighbors of Afghanistan"
_MANY_MEET = r"(?:meetings?|conferences?|sessions?|consultations)"
_MANY_STATES = r"(?<!\btwo )(?<!\bboth )(?<!\bour )\b(?:countries|states|nations)\b"
ATTENDED = r"\b(?:were|was) (?:also )?attended by\b|\bwith the participation of\b"
# an official's title after "received" or "hosted" (a guest received or hosted is met)
_GUEST_TITLE = (
    r"(?-i:President|Prime|Minister|Foreign|Secretary|Chancellor|Ambassador|Vice|Deputy|Crown|King|Emir"
    r"|State Council(?:l)?or)"
)
# where a guest lands (a meeting there is a welcome on a visit)
AIRPORT = r"(?:airport|airbase|air (?:force )?base)"
# The wording of each event type: alternatives of one table each, matched case-insensitively.
WORDING: dict[str, list[str]] = {
    "call": [
        r"\b(?:tele)?phon(?:e|ic) (?:calls?|conversations?|talks?|exchanges?)\b",
        r"\bcall(?:s|ed)? (?:with|to)\b",
        # a video link ("spoke for three hours via a video link"); a group's video conference is its
        # summit (find_events: "G20 video conference")
        r"\bvideo ?(?:call|conference|link)",
        r"\b(?:by|over(?: the)?|on the) (?:tele)?phone\b",  # "spoke by phone", "talked to X on the phone"
        # "Obama, Erdogan speak on phone"
        r"\b(?:spoke|speaks?|speaking|talk(?:s|ed|ing)?) on (?:tele)?phone\b",
        # "had a productive call", "Rubio, Lavrov Had Productive Call" (not "held a call for tenders")
        r"\b(?:held|had) (?:an? )?[\"\u201c]?(?:[\w-]+ ){0,2}call\b(?! for\b)",
        r"\bcall between\b",
        # "spoke to President X", "spoke this evening with ...": a readout's call
        r"\bspoke (?:(?:today|yesterday|this (?:morning|afternoon|evening)|on \w+) )?(?:to|with) "
        r"(?:the |his |her )?(?-i:[A-Z])",
    ],
    "meeting": [
        rf"\bmet\b{_SATISFIES}{_MET_REACTION}",
        rf"\bmeets\b{_SATISFIES}",
        # not a body's yearly gathering: "attend the 2017 annual meeting of the World Economic Forum"
        rf"(?:(?<!\bannual )\bmeeting\b|\bannual meeting\b(?! of\b)){_SATISFIES}",
        # (with its adjectives, quoted or not: "he had \u201cvery fruitful talks\u201d with the junta's head")
        rf"\b(?:held|hold|holds|holding|had) {_TALKS_ADJECTIVES}talks\b",
        r"\b(?:held|hold|holds|had) (?:\w+ ){0,3}meetings\b",  # "held separate meetings with"
        r"\btalks (?:with|between)\b",
        # two foreign ministries' rounds: "co-chaired the sixth ministerial consultation" (three states or
        # more make it their summit: find_events counts them)
        # (not a standing body: "the political consultation committees")
        r"\b(?:ministerial|political|bilateral) consultations?\b"
        r"(?! (?:committees?|mechanisms?|commissions?)\b)",
        r"\bbilateral (?:meetings?|talks)\b",
        r"\bsummit talks\b",
        r"\bcourtesy (?:call|visit)s? on\b",  # "the joint courtesy call on President Marcos"
        r"\bon the sidelines\b",
        r"\bdiscussions? (?:with|between)\b",
        r"\btalks were held\b",
        # "the two sides held a candid and in-depth exchange", "held a comprehensive discussion"
        r"\b(?:held|had) (?:an? )?(?:[\w-]+ ){0,4}(?:exchange|discussion)s?\b"
        r"(?! of (?:fire|prisoners|notes))",
        r"\bdiscussed\b",
        # "received visiting Mongolian Minister of Justice ...", "received Wang Yi, State Councilor and ..."
        rf"\breceived (?:the )?(?:visiting |foreign )?(?:(?-i:[A-Z])[\w'’-]* ){{0,3}}{_GUEST_TITLE}",
        rf"\breceived (?-i:[A-Z])[\w'’-]*(?: (?-i:[A-Z])[\w'’-]*){{1,3}}, (?:the )?(?:[\w-]+ ){{0,3}}"
        rf"{_GUEST_TITLE}",
        # "received at the Cotroceni Palace the Greek Minister of Foreign Affairs", "has received a delegation
        # of Montenegro led by Minister of Foreign Affairs Srdjan Darmanovic"
        rf"\breceived (?:at|in) (?:the )?(?:[\w'’-]+ ){{1,8}}?the (?:visiting )?"
        rf"(?:(?-i:[A-Z])[\w'’-]* ){{0,3}}{_GUEST_TITLE}",
        r"\breceived (?:a|the) (?:[\w-]+ ){0,2}delegation\b[^.;]{0,60}\bled by\b",
        # "He held a reception for Lao Foreign Minister Saleumxay Kommasith"
        r"\b(?:held|hosted|gave|offered) a reception for (?:the )?(?:visiting )?(?-i:[A-Z])",
        rf"(?:\bto host|\bhost(?:ed|s|ing))\b[^.;]{{0,30}}\b(?:{_GUEST_TITLE}|counterpart)",
        # an envoy's courtesy call on a minister ("called on Foreign Minister Jilani"; one called on to act
        # is appealed to: a statement)
        r"\bcall(?:s|ed|ing)? on\b",
        r"\bmeetings with\b",  # "pictures of his meetings with Chinese envoy Liu Shaobin"
        # gone there to meet: "Rowley returned to the Great Hall of the People to meet with President Xi"
        r"\b(?:returned|went|came|headed|proceeded)\b[^.;]{0,60}\bto meet\b",
    ],
    "visit": [
        r"\bvisit(?:s|ed|ing)?\b",
        r"\barriv(?:ed|es|ing) in\b",
        r"\barriv(?:ed|es) at (?:the )?(?-i:[A-Z])",  # "arrived at the White House", not "at a decision"
        r"(?<!from )\btravel(?:s|led|ed|ling|ing)? to\b",  # not a ban: "barred from travelling to Europe"
        r"\btravels\b",
        r"\btrip to\b",
        r"\b(?:state|official|working) trip\b",  # "the meeting of the presidential couple's State trip"
        r"\bcame to (?-i:[A-Z])",  # "Minister Abdyldayev came to Astana", not "came to power"
        r"\bwelcomed? (?:the )?(?:visiting )?(?-i:[A-Z])[\w ]{0,40} (?:to|here)\b",
        r"\bwelcom(?:e|ing) ceremony\b",  # a guest of state's
        # "A state ceremony was held at the Merdeka Palace ... to welcome General Secretary ..."
        r"\bceremony\b[^.;]{0,60}\bto welcome (?:the )?(?:visiting )?(?-i:[A-Z])",
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
        # a stay at a host's invitation: "Mongolian President Elbegdorj was in Pyongyang from Oct. 28-31
        # at the invitation of Kim Yong-nam"
        r"\b(?:was|were) in (?-i:[A-Z])[\w-]+\b[^;]{0,40}\bat the invitation of\b",  # ("Oct." inside)
        # met on landing: "Jintao was met by US vice president Joe Biden at Andrews air force base"
        rf"\b(?:was|were) met\b[^.;]{{0,80}}\b{AIRPORT}\b",
    ],
    "summit": [
        r"\bsummit\b(?! talks\b)",  # "their summit talks": two heads of state meeting
        # a group named at its session, not only named ("the G7's criticism", "ambassador to NATO")
        rf"\b{GROUPS}\b{NOT_ITS_TEXTS}(?=[^.;]{{0,60}}\b{_SESSION})",
        # ("Leaders of the G20 met"; not "the leaders agreed to hold a meeting on the sidelines of the G20")
        rf"\b(?:(?!leaders){_SESSION}[^.;]{{0,60}}\b|leaders of (?:the )?){GROUPS}\b",
        rf"\b(?:{COUNCILS}|Foreign Affairs Council)\b{NOT_ITS_TEXTS}",
        # not "consultations at ministerial level", nor two states' "Joint Ministerial Commission" or "the
        # sixth ministerial consultation" of two foreign ministries
        r"(?<!\bjoint )\bministerial\b(?![\w -]{0,30}\blevels?\b)(?! consultations?\b)",
        # not a visit's: "signed eight MoUs on the sidelines of Prime Minister Nawaz Sharif's visit"
        r"\bsidelines\b(?! of (?:the |his |her |their )?(?:[\w'\u2019-]+ ){0,5}(?:visit|trip|tour)\b)",
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
        # the ministers of the EU's states: "welcomed his EU counterparts ... for a two-day informal meeting"
        r"\b(?-i:EU|European Union) (?:counterparts|(?:foreign|defen[cs]e|finance|trade) ministers)\b",
        r"\bcouncil of (?:the )?(?:foreign|defen[cs]e) ministers\b",  # "the SCO Council of Foreign Ministers"
        # a forum's session of leaders: "the 54th Pacific Islands Forum Leaders Meeting"
        r"\b(?-i:Leaders)['\u2019]? (?-i:Meeting|Retreat)\b",
        # the ministers of a region's states meeting: "The meeting of Ministers of Foreign Affairs of the
        # countries-neighbors of Afghanistan", "foreign ministers' meeting among neighboring countries" (not
        # "a meeting of the ministers of the two countries")
        rf"\b(?:{_MANY_MEET} of (?:the )?(?:[\w-]+ ){{0,3}}(?:ministers|heads of state|leaders)"
        rf"|(?:ministers|leaders)['\u2019]? {_MANY_MEET} (?:of|among|between))\b[^.;]{{0,60}}{_MANY_STATES}",
        # "Foreign ministers of Central Asian states met in Dushanbe"
        rf"\b(?:ministers|leaders|heads of state) of (?:the )?(?:[\w-]+ ){{0,3}}{_MANY_STATES}"
        r" (?:met|meet|gathered)\b",
        # attended by three states or more (find_events counts them): "These consultations were also attended
        # by the heads of the foreign policy agencies of the Islamic Republic of Iran, the People's Republic
        # of China, the Republic of Tajikistan and the Republic of Uzbekistan"
        ATTENDED,
    ],
    "agreement": [
        rf"\b(?:sign|ink)(?:ed|ing|s)?\b[^.;]{{0,80}}\b(?:{INSTRUMENTS}|(?:cooperation )?documents)\b",
        rf"\b(?:{INSTRUMENTS}|documents|final document)\b[^.;]{{0,80}}\b(?:were|was|been)"
        r" (?:signed|concluded|ratified|adopted)\b",
        rf"\bexchang(?:e|ed|es|ing)\b[^.;]{{0,30}}\b{INSTRUMENTS}\b",  # "exchanged the MoU": a signing
        rf"\bsigning of\b[^.;]{{0,80}}\b(?:{INSTRUMENTS}|statements?|documents)\b",
        r"\bsign(?:ed|s)?\b[^.;]{0,40}\bjoint (?:statement|communiqu\w*)",  # signed, it is an instrument
        rf"\b(?:{INSTRUMENTS}|documents)\s+signed\b",  # "the joint declaration signed by"
        # not a pledge renewed: "the authorities ratified their commitment to the objectives of ..."
        r"\bratif(?:ied|y|ies)\b"
        r"(?! (?:its|their|his|her|our) (?:\w+ )?(?:commitment|support|resolve|adherence)s?\b)",
        r"\bLeaders[’']? Declaration\b",
        r"\b(?:adopts?|adopted|adopting|approved|endorsed|adoption of)\b[^.;]{0,40}"
        r"\b(?:declarations?|conventions?|charter)\b",
        r"\bdeclaration\b[^.;]{0,60}\b(?:was|were|and) adopted\b",
        # "published a five-point joint declaration" (a joint statement issued is a statement)
        r"\b(?:publish(?:es|ed|ing)?|issu(?:ed|ing)|releas(?:es|ed|ing))\b[^.;]{0,40}\bdeclarations?\b",
    ],
    "statement": [
        r"\b(?:condemn|condolence|congratulat|deplor|communiqu)\w*",
        r"(?<!courtesy )\bcall(?:s|ed)? on\b",
        r"\burg(?:e|es|ed)\b",
        r"\b(?:joint )?statement\b",
        r"\bjoint (?:press |news )?release\b",  # "Joint Press Release of the Fourth Trilateral ... Meeting"
        r"\bsummon(?:s|ed)?\b",
        r"\bwarn(?:s|ed)?\b",
        # not "Appeals Committee", nor the noun: "Israel's rejection of appeals for a ceasefire"
        r"(?<!\bof )(?<!\bthe )\bappeal(?:s|ed)? (?:to|for)\b",
        r"\bexpress(?:es|ed)? [\"\u201c]?(?:its |his |her |their )?"
        r"(?:(?:deep(?:est)?|strong|grave|serious) )?"
        r"(?:concerns?|sympathy|solidarity|sorrow|grief)\b",
        r"\bmessages? of (?:sympathy|solidarity|support|congratulations?)\b",  # "sent a message of sympathy"
        # a state's word on what others did: "China has welcomed the ceasefire between India and Pakistan"
        r"\bwelcom(?:es|ed|ing)\b (?:the |a |an )?(?:[\w-]+ ){0,3}"
        r"(?:ceasefire|cease-fire|truce|peace deal)\b",
    ],
    "sanction": [
        # not a noun's modifier: "a sanctions list", "the sanctions authorities", "Iraq sanctions policy"
        r"\bsanction(?:s|ed|ing)?\b"
        r"(?! (?:lists?|authorit(?:y|ies)|programs?|programmes?|compliance|screening|evasion"
        r"|polic(?:y|ies)))",
        # not an envoy's: "a letter that designates a diplomat as ambassador"
        r"\bdesignat(?:ed|es|ion|ions)\b"
        r"(?![^.;]{0,40}\bas (?:the |an? )?(?:new )?(?:ambassador|envoy|high commissioner))"
        r"(?! (?:its|their|his|her) (?:\w+ )?(?:ambassadors?|envoys?|high commissioners?))",
        r"\bexpel(?:s|led|ling)?\b",
        # "US orders out 51 Russian diplomats", "is ousting 51 Russian diplomats", "ejecting 21 Russians"
        r"\b(?:order(?:s|ed)? out|oust(?:s|ed|ing)?|eject(?:s|ed|ing)?)\b[^.;]{0,30}\b(?:diplomats?|envoys?"
        r"|ambassadors?|\d+ (?-i:[A-Z])[a-z]+s)\b",
        r"\bexpulsion\b",
        # "Russian diplomats are ordered to vacate their apartments", "given 72 hours to leave the country"
        r"\b(?:diplomats?|envoys?|ambassadors?|consuls?)\b[^.;]{0,40}"
        r"\b(?:ordered|told|given \w+ (?:hours|days)) to (?:leave|vacate|depart|quit)\b",
        # "Russia orders some US diplomatic staff to leave", "ordering U.S. Embassy staff who have been in
        # Moscow for more than three years to fly home"
        r"\border(?:s|ed|ing)? (?:[^.;]{0,40}\s)?(?:diplomats|diplomatic staff|embassy staff|envoys?)\b"
        r"[^.;]{0,60}\bto (?:leave|fly home|go home|depart)\b",
        r"\brestrictive measures\b",
        r"\basset freezes?\b",
        r"\btravel bans?\b",
        r"\bpersona non grata\b",
        # an envoy recalled or withdrawn: "recall our Ambassador to Tel Aviv", "Turkey recalls ambassador
        # from Israel", "the ambassador was called back to Ankara for consultations"
        r"\b(?:recall|withdr[ae]w)(?:s|ed|n|ing)? (?:(?:its|their|the|our|his|her) )?(?:\w+ ){0,2}"
        r"(?:ambassador|envoy|high commissioner)s?\b",
        r"\b(?:ambassador|envoy|high commissioner)s?\b[^.;]{0,60}\b(?:recalled|called back|withdrawn)\b",
    ],
    "appointment": [
        r"\bcredentials\b",
        r"\bsworn in\b",
        r"\bswearing-in\b",
        r"\b(?:appoint|nominat|nam)(?:ed|es|e|ing)\b[^.;]{0,60}\b(?:Ambassador|Envoy|High Commissioner)s?\b",
        r"\b(?:ambassadorial nominees?|nominees? for ambassador)\b",
        # "approved the posting of four key ambassadors-designate to major global capitals"
        r"\bposting of (?:\w+ ){0,3}(?:ambassador|envoy|high commissioner)s?\b",
        r"\bnew (?:Ambassador|Envoy|High Commissioner)s?\b",
        r"\bletters? of credence\b",
        # a senate's confirmation: "confirmed Ken Salazar as U.S. ambassador to Mexico", "confirmed four U.S.
        # ambassadors", "confirmed President Biden's pick for U.S. ambassador to Mexico"
        r"\bconfirm(?:ed|s)\b[^.;]{0,80}\bas (?:the |a |an )?(?:new )?(?:[A-Z][\w.]* )?"
        r"(?:ambassador|envoy|high commissioner)s?\b",
        r"\bconfirm(?:ed|s)\b (?:[\w.]+ ){0,3}(?:ambassadors|envoys)\b",
        r"\bconfirm(?:ed|s)\b[^.;]{0,60}\b(?:pick|nominee|choice)s? (?:for|to be|as) (?:the )?(?:[\w.]+ )?"
        r"(?:ambassador|envoy)s?\b",
    ],
}
TRIGGERS = {kind: re.compile("|".join(wording), _I) for kind, wording in WORDING.items()}
# every wording of a kind holds one of these words (in lower case): a sentence that has none is not
# searched for the kind (the substring tests took finding events from 2.1 to 0.9 ms a page;
# tests/test_events.py checks the words against the wordings)
_KEYWORDS = {
    "call": "phon|call|video|spoke",
    "meeting": "met|meet|talks|courtesy|sideline|discussion|discussed|received|reception|host|call|exchange"
    "|consultation",
    "visit": "visit|arriv|travel|trip|welcom|land|touch|stopover|tour|came|invitation|airport|airbase"
    "|air base|air force base",
    "summit": "summit|g7|g8|g20|nato|asean|csto|apec|council|assembly|ministerial|sideline|conference|heads"
    "|trilateral|leaders|attended|participation|osce|asem|brics|sco|oic|gcc|cis|eaeu|celac|oas|saarc|bimstec|ecowas|sadc|mercosur|chogm"
    "|african union|arab league|commonwealth|counterparts|ministers",
    "agreement": "agreement|accord|pact|treat|memorand|mou|declaration|protocol|convention|deal|document"
    "|statement|communiqu|ratif|charter",
    "statement": "condemn|condolence|congratulat|deplor|communiqu|call|urg|statement|release|summon|warn"
    "|appeal|express|message|welcom",
    "sanction": "sanction|designat|expel|expulsion|restrictive|asset|travel ban|persona non grata|recall"
    "|withdr|called back|order|oust|eject|to leave|to vacate|to depart|to quit",
    "appointment": "credential|sworn|swearing|appoint|nominat|nam|nominee|ambassador|envoy|commissioner"
    "|credence",
}
KEYWORDS = {kind: tuple(words.split("|")) for kind, words in _KEYWORDS.items()}
# past the lead, only this wording reports more of the same: "Sheikh Salem also met with ..."
LATER = {
    "meeting": re.compile(
        r"\balso (?:met|held (?:talks|a meeting|meetings))\b|\banother meeting\b|\b(?:meeting|talks) with\b"
        # "The pair held talks on strengthening bilateral ties", "also held bilateral discussions"
        rf"|\b(?:held|had) {_TALKS_ADJECTIVES}(?:talks|discussions)\b"
        # "Earlier, Foreign Minister Qureshi and ... also had a bilateral meeting in Nairobi"
        r"|\b(?:held|had) an? (?:bilateral |one-on-one |separate |brief )?meeting\b"
        r"|\balso (?:paid a courtesy call|called) on\b",
        _I,
    ),
    # a round of reactions: each leader's own condolences or condemnation, paragraph by paragraph
    # ("Somalia's President Hassan Sheikh Mohamud 'strongly condemned' the heinous terror attack")
    # and a joint statement adopted at the end of talks: "On the outcome of the talks the parties adopted
    # Joint Statement of the Ministers of Foreign Affairs"
    # (and congratulations or sympathy sent or expressed: "extended his \"deep condolences\"", "Putin sent a
    # telegram to Mr. Obama with his congratulations", "expressed solidarity to the Chinese people")
    "statement": re.compile(
        r"\b(?:condemn(?:s|ed)|(?:offered|sent|expressed|extended|conveyed)"
        r" (?:[\w\"\u201c]+ ){0,2}[\"\u201c]?(?:condolences|congratulations|sympathy|solidarity)"
        r"|with (?:his|her|their) congratulations"
        r"|(?:adopted|issued|released) (?:a |the )?joint (?:statement|communiqu\w*))\b",
        _I,
    ),
    # a round of expulsions: "Belgium said it was ejecting 21 Russians. ... North Macedonia ... is expelling"
    # and of sanctions: "Canada applied sanctions against 7 Russian officials"
    "sanction": re.compile(
        r"\b(?:expel(?:s|led|ling)?|eject(?:s|ed|ing)?"
        r"|(?:imposed|applied|announced|slapped) (?:\w+ ){0,2}(?:sanctions|measures))\b",
        _I,
    ),
    # an official's arrival told further down: "President Obama arrived at the Vatican shortly after 4 p.m."
    "visit": re.compile(
        r"\barriv(?:ed|es) (?:in|at)\b|\b(?:is|was|were|are) visiting\b"
        r"|\b(?:is|was) on an? (?:[\w-]+ ){0,2}visit\b",  # "Pinto, who is on a three-day visit"
        _I,
    ),
}

# a wire story's next item, reported like the lead's: "In a related development, the Federal Government
# and the Republic of Ghana met yesterday in Abuja"
NEXT_ITEM = re.compile(r"\s*In (?:a (?:related|separate) development|another development)\b", _I)

# "called on": an envoy's courtesy call on an official ("called on Foreign Minister Jilani"), or an
# appeal to act ("called on all sides to exercise restraint")
CALL_ON = re.compile(r"call(?:s|ed|ing)? on\b", _I)
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


def courtesy_call(sentence: str, end: int) -> bool:
    """Whether "called on" at `end` is a visit to an official, not an appeal to act."""
    return bool(_OFFICIAL_CALLED_ON.match(sentence, end)) and not _CALLED_TO.match(sentence, end)


# a diplomatic event involves a state: its officials or its name
OFFICIAL = re.compile(
    r"\b(?:President|Prime Minister|Minister|Secretary|Ambassador|Chancellor|Premier|King|Emir|Envoy|Foreign"
    r"|Government|Leaders?|Lord|Commissioner|High Representative|PM|(?i:top diplomat))\b"
)
