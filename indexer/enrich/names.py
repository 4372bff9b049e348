"""What a person's name and title look like in news text: the patterns people.py and envoys.py read
names with, and a person as found."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

# "Minister of Foreign Affairs", "of Foreign and European Affairs", "of Foreign Affairs and
# International Cooperation", "of Defence"
# "of Planning and International Cooperation", "for Foreign Affairs and East African Cooperation"
_AND_PORTFOLIO = r"(?:(?:[A-Z][a-z]+\s+){1,2}Cooperation|[A-Z][a-z]+)"
# (a portfolio's adjective is not the whole of it: "Minister for Foreign Business and Communities" is
# no "Minister for Foreign" named Business)
_ADJECTIVE = r"(?:Foreign|External|Home|Internal|Economic|Social|Public|Regional|International)"
_PORTFOLIO = (
    rf"(?:{_ADJECTIVE}\s+[A-Z][a-z]+|{_ADJECTIVE}(?=\s+and\s)|(?!{_ADJECTIVE}\s)[A-Z][a-z]+)"
    rf"(?:\s+and\s+{_AND_PORTFOLIO})?(?:\s+Affairs(?:\s+and\s+{_AND_PORTFOLIO})?)?"
)
_ROLE_NAMES = (
    r"Prime\s+Minister|PM|President|(?:Foreign|External)(?:\s+Affairs)?\s+Minister|Foreign\s+Secretary|Defen[cs]e\s+Minister"
    rf"|Finance\s+Minister|Interior\s+Minister|Trade\s+Minister|(?:Minister|Secretary)\s+(?:of|for)\s+{_PORTFOLIO}"
    rf"|Minister\s+of\s+State(?:\s+for\s+{_PORTFOLIO})?"
    r"|Chancellor|King|Queen(?:\s+Consort)?|Emperor|Empress|Emir|Crown\s+Prince|Sultan|Premier|Secretary[-\s]General|Secretary\s+of\s+State"
    # a legislature's head: "National Assembly Chairman Vuong Dinh Hue", "NA Chairwoman Nguyen Thi Kim Ngan"
    r"|(?:National\s+Assembly|NA)\s+Chair(?:man|woman|person)"
    r"|Ambassador|High\s+Commissioner|Special\s+Envoy|Envoy|Speaker|Senator|Governor[-\s]General|Governor"
    r"|General\s+Secretary|General|Pope"
    # the Holy See's diplomats: "Cardinal Pietro Parolin", "Archbishop Dominique Mamberti", a nuncio
    r"|Cardinal|Archbishop|(?:Apostolic\s+)?Nuncio"
    # "Foreign Ministry Spokesperson Wang Wenbin", "Adviser on Foreign Affairs Sartaj Aziz"
    r"|Spokes(?:person|man|woman)|Advis[eo]r\s+(?:to\s+the\s+Prime\s+Minister\s+)?on\s+Foreign\s+Affairs"
    # "Chinese Charge d'Affaires Pang Chunxue", "Senate Majority Leader Harry Reid", "Chief of Army Staff
    # Asim Munir"
    r"|Charg[e\u00e9]\s+d['\u2019]\s?[Aa]ffaires|(?:Majority|Minority)\s+Leader"
    r"|Chief\s+of\s+(?:the\s+)?(?:Army\s+|Defen[cs]e\s+|Naval\s+|Air\s+)?Staff"
    r"|Secretary"  # "Secretary Kerry": a secretary of state, after the longer roles it starts
    # "Minister Jeremy Browne", "Foreign Office Minister Henry Bellingham", "Agriculture Minister Dr Abdur
    # Razzaque": a minister of any portfolio, after the longer roles it starts
    r"|Minister(?!\s+(?:Counsellor|Counselor|Plenipotentiary|Responsible)\b)"
)
# "(Deputy|Vice|...)? (role)" written out as one alternative per first word, each starting
# with a letter: the search then skips to the letters a role can start with (15 times faster)
ROLES = (
    "(?:"
    + "|".join([rf"{rank}\s+(?:{_ROLE_NAMES})" for rank in ("Deputy", "Vice", "Acting", "Former", "Interim")])
    + f"|{_ROLE_NAMES})"
)
# a name's word, with a capital inside after Mc, Mac, De, Di, La, Le, O' ("McCain", "DeSantis",
# "O'Leary"), accented ("Çavuşoğlu", "Nguyễn Phú Trọng"); joined words may go on in lower case ("Kyung-wha")
_CAPITAL = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]"
_NAME_WORD = rf"(?:Mc|Mac|De|Di|La|Le|O['\u2019])?{_CAPITAL}[a-z\u00c0-\u024f\u1e00-\u1eff'\u2019]+"
NAME_TOKEN = (
    rf"{_NAME_WORD}(?:-(?:{_NAME_WORD}|(?!(?:era|led|style|like|based|born|backed|run)\b)[a-z]{{1,5}}\b))*"
)
# a middle initial may stand between the tokens ("Antony J. Blinken", "David J Francis"), and an
# Arabic article may join the next one ("Haider al-Abadi", "Abdel Fattah el-Sisi")
PARTICLE = r"(?:(?:bin|ibn|al|Al|el|de|da|van|von)\s+|(?:al|el)-)"
# initials before the name, dotted or not: "V K Singh", "S. Jaishankar", "AK Abdul Momen", "P.B. Jayasundera"
_INITIALS = r"(?:(?:[A-Z]\.?\s+){1,2}|[A-Z]\.[A-Z]\.\s*|(?!(?:UN|EU|US|UK)\b)[A-Z]{2}\s+)?"
# a headline's verb ends the name before it: "Ambassador Piper Campbell Presents Credentials"
_HEADLINE_VERB = (
    r"(?!(?:Presents|Meets|Visits|Arrives|Holds|Signs|Says|Calls|Receives|Welcomes|Hosts|Talks|Discusses"
    r"|Congratulates|Condemns|Urges|Warns|Leaves|Departs|Attends|Addresses|Opens|Concludes|Launches|Thanks"
    r"|Pays|Lands|Returns|Praises|Hails|Vows|Backs|Rejects|Invites|Appoints|Names|Nominates|Exchanges?"
    # a plural subject's: "Trump, Saudi Crown Prince Discuss Iran", "Leaders Meet in Paris"
    r"|Discuss|Meet|Hold|Sign|Agree|Agrees|Pledge|Pledges|Condemn|Urge|Welcome|Host"
    # and its adverb: "President Jokowi Officially Opens the 43rd ASEAN Summit"
    r"|Officially|Formally|Jointly|Finally|Reportedly|Personally|Warmly|Strongly|Publicly)\b)"
)
# a monarch's or a pope's number: "King Abdullah II", "Pope Benedict XVI"
_REGNAL = r"(?:\s+(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\b)?"
NAME = (
    rf"{_INITIALS}{_HEADLINE_VERB}{NAME_TOKEN}"
    rf"(?:\s+(?:[A-Z]\.?\s+)?{_HEADLINE_VERB}{PARTICLE}?{NAME_TOKEN}){{0,4}}{_REGNAL}"
)


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


# Words that are never part of a person's name after a title, though Title Case headlines and
# company names put them there ("General Electric Co", "President Signs Peru Aid Agreement", "Chief of the
# General Staff").
_NOT_NAME_WORDS = frozenset(
    """Co Corp Corporation Company Companies Inc Ltd Plc Llc Group Holdings Bank Office Agency Department
    Ministry Council Committee Assembly Electric Motors Dynamics Mills Foods Industries Agreement Accord
    Treaty Deal Pact Talks Summit Says Said Signs Signed Meets Met Holds Held Resigns Visits Calls Urges
    Warns Backs Rejects Seeks Sees Wins Asks Plans Vows Denies Hails Arrives Leaves Names Appoints Expects
    To In On For With And Of The At From By As
    Partner Partners Financial Affairs Dear Federation Republic Kingdom States Emirates Islands
    Extraordinary Plenipotentiary People Party Service Services Staff Dr
    Nomination Nominations Confirmation Confirmations""".split()
)
# Words that end the name of a place or a prize, not a person's ("Kennedy Center", "Nobel Prize", "PM House"),
# though a name may begin with one ("Foreign Minister Park Jin")
_PLACE_END_WORDS = frozenset(
    """Hospital Clinic University College School Institute Foundation Museum Library Airport Stadium
    Station District Street Road Avenue Square Park Bridge Center Centre Award Awards Prize Cup Trophy
    Medal House""".split()
)


def not_a_name(name: str) -> bool:
    words = re.split(r"[\s-]", name)
    return bool(_NOT_NAME_WORDS.intersection(words)) or words[-1] in _PLACE_END_WORDS


# a title alone, where a name should be
ROLE_ONLY = re.compile(ROLES)
