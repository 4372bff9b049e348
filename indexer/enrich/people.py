"""People an article names.

Names that follow a title ("President Kassym-Jomart Tokayev", "Kazakh President
...", "Prime Minister of the Netherlands, Mark Rutte", "Monaco ambassador Didier
Gamerdinger") or stand before one in apposition ("Hideo Tarumi, Japan's
ambassador"), the envoys a text about envoys lists without a title (envoys.py:
"Argentina's Eduardo Amadeo", "John R. Bass as ambassador to Turkey"), with
later short mentions ("Tokayev") resolved to the same person
and known variant spellings merged (indexer/data/people.json). Across articles,
`same_person` tells variants apart from namesakes ("Shahbaz Sharif" is "Shehbaz
Sharif", "Nawaz Sharif" is not); the writer maps each name to the spelling
already indexed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from indexer.enrich.countries import begins_country_name, country_codes, country_mentions
from indexer.enrich.envoys import envoys
from indexer.enrich.names import NAME, NAME_TOKEN, PARTICLE, ROLE_ONLY, ROLES, Person, not_a_name

__all__ = [
    "LOWER_ROLES",
    "Person",
    "envoys",
    "find_people",
    "fold_name",
    "same_person",
    "spellings",
    "surname_key",
]


@cache
def _registered() -> list[dict]:
    """The person registry's entries (indexer/data/people.json)."""
    data = json.loads(resources.files("indexer").joinpath("data/people.json").read_text("utf-8"))
    return list(data["people"])


@cache
def _people_registry() -> dict[str, tuple[str, str | None]]:
    registry: dict[str, tuple[str, str | None]] = {}
    for entry in _registered():
        # a short form ("Obama") only ever follows a title here: find_people reads no bare surname
        for form in [entry["name"], *entry["aliases"], *entry.get("short", [])]:
            registry[form.casefold()] = (entry["name"], entry.get("country"))
    return registry


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    """Each registered person's names as texts write them: "Gurbanguly Berdimuhamedow" is also
    "Gurbanguly Berdimuhamedov"."""
    return {entry["name"]: (entry["name"], *entry["aliases"]) for entry in _registered()}


def spellings(name: str) -> tuple[str, ...]:
    """A person's name as the registry writes it and as texts also do (the name alone when unknown)."""
    return _spellings().get(name, (name,))


# difflib ratios of two spellings of one person's names: on average, and at the least
# ("Shahbaz"/"Shehbaz" 0.86; "Kassym-Jomart"/"Kasym-Zhomart" 0.91 and 0.77; "Mark"/"Marc" 0.75 is not enough)
GIVEN_NAME_LIKENESS = 0.8
GIVEN_NAME_LIKENESS_MIN = 0.7


def fold_name(name: str) -> str:
    """A name without case, accents, hyphens or apostrophes: "Erdoğan" -> "erdogan"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[-'’.]", " ", plain).casefold().split())


def surname_key(name: str) -> str:
    """The consonant skeleton of a name's last word: its variants are looked up by it.

    Transliterations differ mostly in vowels, "y", "h" and doubled letters:
    "Tokayev" and "Tokaev" are both "tkv", "Mirziyoyev" and "Mirziyoev" "mrzv".
    """
    folded = fold_name(name).split()
    if not folded:
        return ""
    surname = folded[-1]
    skeleton = surname[0] + re.sub(r"[aeiouyhw]", "", surname[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


def same_person(a: Person, b: Person) -> bool:
    """Whether two full names (with their countries) are spellings of one person.

    Near spellings of one surname ("Tokayev" / "Tokaev"), no conflicting
    country, and given names that either contain one another ("Muhammad
    Shehbaz Sharif" / "Shehbaz Sharif") or pair up as near spellings
    ("Kassym-Jomart" / "Kasym-Zhomart").
    """
    if a.country and b.country and a.country != b.country:
        return False
    first, second = fold_name(a.name).split(), fold_name(b.name).split()
    if len(first) < 2 or len(second) < 2 or surname_key(a.name) != surname_key(b.name):
        return False
    if first[-1] != second[-1] and SequenceMatcher(None, first[-1], second[-1]).ratio() < GIVEN_NAME_LIKENESS:
        return False
    given_a, given_b = first[:-1], second[:-1]
    if set(given_a) <= set(given_b) or set(given_b) <= set(given_a):
        return True
    if len(given_a) != len(given_b):
        return False
    ratios = [SequenceMatcher(None, x, y).ratio() for x, y in zip(given_a, given_b, strict=True)]
    return sum(ratios) / len(ratios) >= GIVEN_NAME_LIKENESS and min(ratios) >= GIVEN_NAME_LIKENESS_MIN


_POSSESSIVE = re.compile(r"['\u2019]s(?:\s|$)")
_AFTER_QUOTE = re.compile(r"[,.!?][\"\u201d]\s*$")  # the end of a quote, just before a speaker's title
_CAPTION_WORD = re.compile(r"\s+(?:Image|Photo|Picture|Credit|Credits|File|Video)\b.*")
# a day after the name is the sentence's: "US President Barack Obama Thursday announced"
_DAY_AFTER = re.compile(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*")
_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'\u2019-]+\b")
# an honorific between the title and the name is neither: "Prime Minister Hon. Manasseh Sogavare",
# "Prime Minister Dr Keith Rowley", "Prime Minister Datuk Seri Najib Razak", "Minister HE Sultan
# Al Muraikhi", "Minister of State for Foreign Affairs, Amb. Bianca Odumegwu-Ojukwu", "Her Excellency",
# two of them: "H.E. Dr Majid Bin Abdullah Alkassabi", "Cabinet Secretary Ambassador Raychelle Omamo"
_HONORIFIC = (
    r"(?:(?:(?:Hon|Dr|Mr|Mrs|Ms|Sir|Dame|Amb|Prof|H\.\s?E|HE)\.?|Professor|Ambassador"
    # a rank: "Foreign Secretary Admiral Prof. Jayanath Colombage"
    r"|(?:Rear\s+|Vice\s+)?Admiral|(?:Air\s+Chief|Field)\s+Marshal|Brigadier|Colonel"
    # "Chief of Army Staff General Asim Munir"
    r"|(?:Lieutenant\s+|Major\s+)?General"
    r"|(?:Datuk|Dato['\u2019]?|Tan)\s+S(?:e)?ri|(?:His|Her)\s+(?:Excellency|Highness)"
    # "General the Honourable David Hurley", "the Rt Hon Jacinda Ardern"
    r"|(?:[Tt]he\s+)?(?:Right\s+|Rt\.?\s+)?Hono(?:u)?rable|(?:[Tt]he\s+)?Rt\.?\s+Hon\.?)\s+){0,3}"
)

LOWER_ROLES = (
    r"(?:prime|foreign|defen[cs]e|finance|interior|trade) minister|president(?:-elect)?|ambassador|envoy"
    r"|foreign secretary|secretary of state|chancellor|premier|spokes(?:man|woman|person)"
    r"|foreign policy chief|top diplomat|counterpart"
    r"|minister"  # after the state's name: "Turkish minister Mevlut Cavusoglu"
)


@cache
def _places() -> str:
    """Any country's name, demonym or capital, longest first, as one alternative."""
    forms = sorted((form for form in country_codes() if form[:1].isupper()), key=len, reverse=True)
    return "|".join(re.escape(form) for form in forms)


# the United Nations as where an envoy is posted: "ambassador to the UN", "Ambassador to the United Nations"
_UN = r"(?:United\s+Nations|UN)(?!\s+(?:Agenc\w+|Security|General|Human|Office|Mission|Headquarters)\b)"
_LONG_PORTFOLIO = r"[A-Z][\w'\u2019-]*(?:\s+(?:and|of|the|[A-Z][\w'\u2019-]*)){0,8}"


@cache
def _lower_person_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?:government\s+|(?P<body>UN|EU)\s+)?(?P<role>{LOWER_ROLES}|leader)(?P<place>)"
        rf"(?:\s+(?:to|at)\s+(?:the\s+)?(?:{_places()}|{_UN})\b)?"
        rf"(?:(?P<comma>,)[^\S\n]+|\s+){_HONORIFIC}(?P<name>{NAME})"
    )


@cache
def _person_pattern() -> re.Pattern[str]:
    """A title, the country it is of ("President of Vietnam To Lam", "Prime Minister of the
    Netherlands, Mark Rutte") or the one an envoy is posted to ("Ambassador to Moscow Andreas
    Friganas", "Ambassador in Kuwait Iftikhar Aziz": that is not the person's), and the name;
    the name may follow the title after a comma ("Egypt's Minister of Foreign Affairs, Sameh
    Shoukry")."""
    place = _places()
    return re.compile(
        rf"(?P<role>{ROLES})(?:-(?:designate|elect))?(?:\s+of\s+(?:the\s+)?(?P<place>{place})\b)?"
        rf"(?:\s+(?:to|in|at)\s+(?:the\s+)?(?:{place}|{_UN})\b)?"
        # (a title and its name are never a paragraph apart: "... Information Minister\n\nHoping that ...")
        rf"(?:(?P<comma>,)[^\S\n]+|[^\S\n]*\n?[^\S\n]*(?<=\s)){_HONORIFIC}(?P<name>{NAME})"
    )


# a minister "for" (or "of") a long portfolio, set off by a comma: "Minister for International
# Development and the Pacific, Pat Conroy" (not "Minister for International" + "Development"),
# "Secretary of State for Latin America and the Caribbean, Juan Fernández-Trigo"
_LONG_TITLE = re.compile(
    rf"(?P<role>(?:Minister|Secretary)(?:\s+of\s+State)?)\s+(?P<by>for|of)\s+{_LONG_PORTFOLIO}(?P<comma>,)[^\S\n]+"
    rf"{_HONORIFIC}(?P<name>{NAME})"
)


def find_people(title: str, body: str) -> list[Person]:
    """People named with a title, and known people (indexer/data/people.json) named in full
    without one ("Vladimir Putin congratulated Angela Merkel"), in order of first mention,
    variants merged."""
    registry = _people_registry()
    found: dict[str, Person] = {}
    common_words = set(_LOWERCASE_WORD.findall(f"{title} {body}"))
    for text in (title, body):
        mention_ends: dict[int, str] = {}
        for _, end, code in country_mentions(text):
            mention_ends.setdefault(end, code)
        # a minister "for" a long portfolio first; one "of" a portfolio the title pattern reads whole
        # ("Minister of Foreign Affairs, Sameh Shoukry") after it, in place of a "name" the title
        # pattern took from the portfolio ("Minister of Communication and Information" and
        # "Technology", of "... Information Technology, Faustine Ndugulile")
        # (not one whose "name" is the next title, when the title pattern reads a full name before the
        # comma: "Minister for Foreign Affairs of Japan Seiji Maehara, Minister of ...", "Minister of
        # Foreign Affairs Makhdoom Shah Mehmood Qureshi, Advisor to ...")
        by_title = list(_person_pattern().finditer(text))
        named = [m for m in by_title if len(m.group("name").split()) > 1]
        long_titles = [
            m
            for m in _LONG_TITLE.finditer(text)
            if len(m.group("name").split()) > 1
            or not any(m.start() <= t.start() and t.end() == m.start("comma") for t in named)
        ]
        titled = [m for m in long_titles if m.group("by") == "for"]
        titled += [m for m in by_title if not any(t.start() <= m.start() < t.end() for t in titled)]
        for long in (m for m in long_titles if m.group("by") == "of"):
            inside = [t for t in titled if long.start() <= t.start() and t.end() <= long.start("comma")]
            if not any(long.start() <= t.start() < long.end() for t in titled if t not in inside):
                titled = [t for t in titled if t not in inside] + [long]
        # a title in lower case names a person only after a country: "Monaco ambassador Didier
        # Gamerdinger", "Japanese government spokesman Hirokazu Matsuno"; or as the speaker of a
        # quote: '"... restore peace," spokeswoman Hua Chunying said'
        titled += [
            m
            for m in _lower_person_pattern().finditer(text)
            if any(end in mention_ends for end in range(m.start() - 3, m.start()))
            or _AFTER_QUOTE.search(text, max(0, m.start() - 3), m.start())
            or m.group("body")  # "EU foreign policy chief Kaja Kallas", "UN spokesman Stephane Dujarric"
        ]
        mentions: list[tuple[int, str | Person | re.Match[str]]] = [(m.start(), m) for m in titled]
        mentions += [
            (start, name)
            for start, end, name in _known_mentions(text)
            if not any(t.start() <= start and end <= t.end() for t in titled)
        ]
        # "Mr Putin": a known person's short name after a courtesy title (no other name: "Mr Smith")
        mentions += [
            (m.start(), m.group("short"))
            for m in _COURTESY_SHORT.finditer(text)
            if m.group("short").casefold() in registry
        ]
        mentions += _appositive_people(text)
        mentions += _speakers(text)
        mentions += [(start, envoy) for start, envoy, _ in envoys(text)]
        for _, match in sorted(mentions, key=lambda mention: mention[0]):
            if isinstance(match, str):  # a known person's full name: no title, the registry's country
                found.setdefault(match, Person(match))
                continue
            if isinstance(match, Person):  # named, then titled: "Hideo Tarumi, Japan's ambassador"
                old = found.get(match.name, match)
                found[match.name] = Person(match.name, old.role or match.role, old.country or match.country)
                continue
            # the name ends at a possessive: "Bettino Craxi's Socialist Party", "Trump's July"; and
            # at a caption's word: "Mike Pompeo Image Credit: ANI"
            name = _POSSESSIVE.split(" ".join(match.group("name").split()), maxsplit=1)[0]
            name = _DAY_AFTER.split(_CAPTION_WORD.split(name, maxsplit=1)[0], maxsplit=1)[0]
            if not name or not_a_name(name) or ROLE_ONLY.fullmatch(name):
                continue  # "General Electric Co", "President Signs Accord", "Governor General's Award"
            if match.group("comma") and (begins_country_name(name.split()[0]) or " " not in name):
                continue  # after a comma, a full name only: "the Foreign Minister, Moscow said"
            place = match.groupdict().get("place")
            if place and any(end > len(place) for _, end, _ in country_mentions(f"{place} {name}")):
                continue  # the rest of the country's name: "Minister of Defence of Saudi" + "Arabia"
            if " " not in name and name.casefold() in common_words and name.casefold() not in registry:
                continue  # "OneTrip Premier Cost $642": a word the text also writes in lower case
            role = _title(match.group("role"))
            if not role.startswith("Former") and _FORMER.search(
                text, max(0, match.start() - 30), match.start()
            ):
                role = f"Former {role}"  # "Former Afghan President Hamid Karzai", "former U.S. President ..."
            # "Kazakh President ...", "Pakistan's Prime Minister ...": a country just before the role
            # (not a dateline's city: "BAKU: Foreign Minister ...")
            country = next(
                (
                    mention_ends[end]
                    for end in range(match.start() - 3, match.start())
                    if end in mention_ends and _JUST_BEFORE.fullmatch(text, end, match.start())
                ),
                country_codes().get(place or ""),
            )
            if role == "PM" and not country and name.casefold() not in registry:
                continue  # "PM" names a head of government with a state or a known name ("PM Software")
            if name in found:
                old = found[name]
                found[name] = Person(name, old.role or role, old.country or country)
            else:
                found[name] = Person(name, role, country)
    # short mentions join the full names as written ("Michael" in "Michael R. Pompeo"), then
    # each name takes its known spelling and country ("President Obama" is Barack Obama, US)
    return _known_spellings(_merge_short_mentions(list(found.values())), registry)


_FORMER = re.compile(r"\b[Ff]ormer\s+(?:[A-Z][\w.\u2019'-]*\s+){0,2}$")
_COURTESY_SHORT = re.compile(rf"\b(?:Mr|Mrs|Ms)\.?\s+(?P<short>{NAME_TOKEN})\b(?!\s+{NAME_TOKEN})")

# the first words of titles, never a demonym before one
_ROLE_WORDS = (
    r"(?:Foreign|External|Prime|Defen[cs]e|Finance|Interior|Trade|Deputy|Vice|Acting|Former|Interim)\b"
)
# "United States of America", "Democratic Republic of the Congo"
_PLACE_WORDS = r"[A-Z][\w.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]*){0,3}"
_JUST_BEFORE = re.compile(r"(?:['\u2019]s)?\s+")
_HONORIFIC_WORD = r"(?:Professor|Prof|Ambassador|Dr|Mr|Mrs|Ms|Sir|Dame|Hon)\b"  # never a name's first word
# a full name, then its title of a country: "Hideo Tarumi, Japan's ambassador to China", "Gordon
# Brown, British prime minister", "Sameh Shoukry, the Foreign Minister of Egypt", "HE John Rakolta,
# the US ambassador to the country"
_APPOSITIVE = re.compile(
    rf"(?<![\w-]){_HONORIFIC}(?!{_HONORIFIC_WORD})"
    rf"(?P<name>(?:[A-Z]\.[A-Z]\.\s*{NAME_TOKEN}|{NAME_TOKEN}(?:\s+(?:[A-Z]\.(?:[A-Z]\.)?\s+)?{PARTICLE}?{NAME_TOKEN}))"
    rf"(?:\s+(?:[A-Z]\.(?:[A-Z]\.)?\s+)?{PARTICLE}?{NAME_TOKEN}){{0,2}}),"
    r"\s+(?:the\s+)?"
    rf"(?:(?P<country>{_PLACE_WORDS})['\u2019]s\s+|(?!{_ROLE_WORDS})(?P<demonym>[A-Z][a-z]+|U\.?S\.?|UK|UAE)\s+)?"
    rf"(?P<role>{LOWER_ROLES}|{ROLES})(?:\s+of\s+(?:the\s+)?(?P<of>{_PLACE_WORDS}))?"
    # the title ends there: an apposition ("..., President of the Republic of Kenya and His Excellency ...")
    rf"(?:\s+to\s+(?:the\s+)?(?:{_PLACE_WORDS}|country))?(?=\s*[,.;:)\n]|\s*$|\s+and\s+[A-Z])"
)


def _title(role: str) -> str:
    """A title as written, on one line; one written in lower case capitalised ("foreign minister"
    as "Foreign Minister", "secretary of state" as "Secretary of State")."""
    role = " ".join(role.split())
    if role.islower():
        role = " ".join(word if word in ("of", "and") else word.capitalize() for word in role.split())
    return role


# a transcript's speaker: "SECRETARY BLINKEN:", "FOREIGN MINISTER BAERBOCK:" at a line's start
_SPEAKER = re.compile(
    r"^[^\S\n]*(?P<role>(?:(?:DEPUTY|VICE|ACTING)\s+)?(?:PRIME\s+MINISTER|FOREIGN\s+MINISTER|MINISTER|PRESIDENT"
    r"|SECRETARY(?:-GENERAL)?|AMBASSADOR|CHANCELLOR|HIGH\s+REPRESENTATIVE))\s+(?P<name>[A-Z][A-Z'\u2019-]+):",
    re.MULTILINE,
)


def _speakers(text: str) -> list[tuple[int, Person]]:
    """The officials a transcript gives the floor to, by title and surname."""
    return [
        (match.start(), Person(match.group("name").title(), _title(match.group("role").title())))
        for match in _SPEAKER.finditer(text)
    ]


_STATE_FORM = re.compile(
    r"^(?:(?:Federal|Democratic|Islamic|United)\s+)?(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?"
)


def _appositive_people(text: str) -> list[tuple[int, Person]]:
    """People named before a title of a country, with that country (none without one: "John
    Smith, the president" may be a company's)."""
    codes = country_codes()
    found = []
    for match in _APPOSITIVE.finditer(text):
        # the state's name without its form of government ("President of the Republic of Kenya"), and
        # without the sentence's full stop after it ("... of Sierra Leone."; "U.S." is tried as written)
        # (a state's whole name first: "Democratic Republic of the Congo" is not the Congo)
        written = [match.group(group) or "" for group in ("country", "demonym", "of")]
        named = written + [_STATE_FORM.sub("", form) for form in written]
        named += [form[:-1] for form in named if form.endswith(".")]
        country = next((codes[form] for form in named if form and form in codes), None)
        name = match.group("name")
        if country and not not_a_name(name) and name not in codes:
            found.append((match.start(), Person(name, _title(match.group("role")), country)))
    return found


@cache
def _known_full_names() -> dict[str, list[str]]:
    """The registry's full names and their variants (two words or more: never a bare surname),
    as written, by their first word, longest first."""
    forms = {form for entry in _registered() for form in [entry["name"], *entry["aliases"]] if " " in form}
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split()[0], []).append(form)
    return by_first


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w'\u2019-]*")


def _known_mentions(text: str) -> list[tuple[int, int, str]]:
    """Where a text names known people in full: (start, end, the name as written), in order.
    Only the names whose first word the text has are looked for (a regular expression of every
    name would be tried at every character: four times slower)."""
    forms_by_first = _known_full_names()
    spans = []
    for first in set(_CAPITALISED.findall(text)) & forms_by_first.keys():
        for form in forms_by_first[first]:
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                before_ok = start == 0 or not _NAME_GOES_ON.match(text[start - 1])
                if before_ok and not (end < len(text) and _NAME_GOES_ON.match(text[end])):
                    spans.append((start, end, form))
                start = text.find(form, start + 1)
    found: list[tuple[int, int, str]] = []
    for start, end, form in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not found or start >= found[-1][1]:  # the longest form at a place; none inside another
            found.append((start, end, form))
    return found


_NAME_GOES_ON = re.compile(r"[\w-]")


def _known_spellings(people: list[Person], registry: dict[str, tuple[str, str | None]]) -> list[Person]:
    known: dict[str, Person] = {}
    for person in people:
        canonical, country = registry.get(person.name.casefold(), (person.name, None))
        old = known.get(canonical)
        if old is None:
            known[canonical] = Person(canonical, person.role, person.country or country)
        else:
            country = old.country or person.country or country
            known[canonical] = Person(canonical, old.role or person.role, country)
    return list(known.values())


def _fathers_name(short: str, name: str) -> bool:
    """Whether a one-word name is the father's name in a longer one ("Salman" in "Mohammed bin Salman")."""
    return (
        " " not in short and re.search(rf"\b(?:bin|ibn|bint)\s+{re.escape(short)}$", name, re.I) is not None
    )


def _merge_short_mentions(people: list[Person]) -> list[Person]:
    """'Tokayev' after 'Kassym-Jomart Tokayev' is the same person: keep the full name."""
    merged: list[Person] = []
    for person in sorted(people, key=lambda p: -len(p.name.split())):
        tokens = person.name.split()
        # (not a father's name: "King Salman" is not "Crown Prince Mohammed bin Salman")
        target = next(
            (
                m
                for m in merged
                if len(tokens) < len(m.name.split())
                and set(tokens) <= set(m.name.split())
                and not _fathers_name(person.name, m.name)
            ),
            None,
        )
        if target is None:
            merged.append(person)
        elif (target.country is None and person.country) or (target.role is None and person.role):
            # "President Putin" after "Vladimir Putin": the full name takes the title
            merged[merged.index(target)] = Person(
                target.name, target.role or person.role, target.country or person.country
            )
    order = {p.name: i for i, p in enumerate(people)}
    return sorted(merged, key=lambda p: order[p.name])
