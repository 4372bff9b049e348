"""The envoys a text about envoys lists without a title before each name (people.py's `envoys`)."""

from __future__ import annotations

import re

from indexer.enrich.countries import country_codes, country_mentions
from indexer.enrich.names import NAME_TOKEN, PARTICLE, ROLE_ONLY, ROLES, Person, not_a_name

# A text about envoys (a credentials ceremony, ambassadors confirmed) lists them by country,
# with no title before each name: "Argentina's Eduardo Amadeo", "Marina Valere from Trinidad and
# Tobago", "the ambassadors of Uganda, Julius Katembeka, Vietnam, Duong Chue", or by the state
# they are posted to: "John R. Bass as ambassador to Turkey", "Mark Gilbert - to be Ambassador
# Extraordinary and Plenipotentiary of the United States of America to New Zealand"
_ENVOY_TEXT = re.compile(
    r"\b(?:credentials|letters? of credence|ambassadors|envoys|high commissioners|ambassadorial)\b"
    # one envoy posted: "the Senate confirmed Ken Salazar as U.S. ambassador to Mexico"
    r"|\b(?:as|appointed|named|nominated) (?:the )?(?:new )?(?:U\.S\. |[A-Z][a-z]+ )?"
    r"(?:ambassador|envoy|high commissioner) to\b",
    re.IGNORECASE,
)
# (on one line: "Somalia\n\nSteven C. Bondy" is a list's two items)
_FULL_NAME = rf"{NAME_TOKEN}(?:[^\S\n]+(?:[A-Z]\.[^\S\n]+)?{PARTICLE}?{NAME_TOKEN}){{1,3}}"
_ENVOY_ROLE = r"(?i:ambassadors?|high\s+commissioners?|envoys?)"
_STATE_OF = r"(?:(?:Federal\s+|Independent\s+|Democratic\s+)?(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?)"


# after a state's name: its envoy ("Argentina's Eduardo Amadeo"), or the next of a list ("Uruguay,
# Nester Navarro, Chile, Julio Fiol", "Burundi – Guillaume Ruzoviyo"); before it: an envoy from it,
# or one posted to it
_OWNED = re.compile(rf"['\u2019]s\s+(?P<name>{_FULL_NAME})")
_LISTED = re.compile(rf"(?:,|\s+[\u2013\u2014-])\s+(?P<name>{_FULL_NAME})(?=,|\s+and\b|[.;\n]|$)")
_ORIGIN = re.compile(rf"(?<![\w-])(?P<name>{_FULL_NAME})\s+from\s+(?:the\s+)?$")
# "as ambassador", "to be the new Ambassador", "as Nigeria's new ambassador", "the role of High
# Commissioner-designate", "was appointed ambassador" (not "Xi appointed the new ambassador": the
# appointer's name stands before that)
# (and a state's adjective: "as U.S. ambassador to Mexico")
_AS_ENVOY = (
    rf"(?i:as|to\s+be|the\s+role\s+of|(?:was|were|been|is)\s+(?:appointed|named|nominated)(?:\s+as)?)\s+"
    rf"(?:the\s+)?(?:[A-Z][\w-]+['\u2019]s\s+)?(?:new\s+)?"
    rf"(?:U\.S\.\s+|[A-Z][a-z]+\s+(?={_ENVOY_ROLE}))?{_ENVOY_ROLE}\b"
)
_POSTED = re.compile(
    rf"(?<![\w-])(?P<name>{_FULL_NAME}(?:,?\s+Jr\.)?)(?:,|\s+[\u2013\u2014-])?\s+(?:[^.;\n]{{0,100}}?\s)?"
    rf"{_AS_ENVOY}[^.;\n]{{0,80}}?\bto\s+(?:the\s+)?{_STATE_OF}?$"
)
# a post held before: "Amin Dalhatu, who previously served as ambassador to South Korea, will now ..."
_PAST_POST = re.compile(r"\b(?i:previously|formerly|once)\s+(?:served|posted|was)\b[^.;\n]{0,30}$")
# "the ambassadors of", "the new heads of diplomatic missions of Ethiopia – Kasahun Dender Melese"
_LIST_HEAD = re.compile(rf"\b(?:{_ENVOY_ROLE}|heads?\s+of\s+(?:diplomatic\s+)?missions?)\s+of\s+(?:the\s+)?$")
_LIST_GOES_ON = re.compile(r"(?:,\s+(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+)(?:the\s+)?")
# what must stand just before a state's name for _ORIGIN or _POSTED to be tried there
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_POSTED_ROLE = re.compile(rf"\b{_AS_ENVOY}[^.;\n]*\bto\s+(?:the\s+)?{_STATE_OF}?$")
# a list of nominees by the state each is to be posted to: "Other nominees include Marc Ostfield to
# Paraguay, Cynthia Ann Telles to Costa Rica"
_NOMINATED_TO = re.compile(rf"(?<![\w-])(?P<name>{_FULL_NAME})\s+to\s+(?:the\s+)?$")
_NOMINEES = re.compile(
    r"\b(?i:nominees|picks|appointees)\b[^.;\n]{0,40}\b(?i:include|includes|included|are)\b"
)
# a list of envoys after a colon, each of the state that sends them: "The following Ambassadors ... will
# be Wednesday's guests in the Grand Kremlin Palace: Riyad Haddad of Syria, Ali Gutali of Tunisia, ..."
_ENVOYS_COLON = re.compile(rf"\b{_ENVOY_ROLE}\b[^.;\n]*:[^.;\n:]*$")
_NAMED_OF = re.compile(rf"(?<![\w-])(?P<name>{_FULL_NAME})\s+of\s+(?:the\s+)?{_STATE_OF}?$")
_SENTENCE_END = re.compile(r"[.;\n]\s")
_TITLE_BEFORE_NAME = re.compile(rf"^{_ENVOY_ROLE}\s+(?=\S+\s+\S)")  # before a name of two words or more
_LOOK_BACK = 240  # characters before a state's name where its envoy's name may stand


def envoys(text: str) -> list[tuple[int, Person, str | None]]:
    """The envoys a text about envoys lists: (where, the envoy with the state that sends them
    when the text gives it, the state they are posted to when it gives that). Each pattern is
    tried only at the states the text names (people.py's other patterns scan every capital)."""
    if not _ENVOY_TEXT.search(text):
        return []  # most texts: nothing to look for
    found: list[tuple[int, Person, str | None]] = []
    in_list = False  # the previous state's name began or went on a list of envoys
    previous_end = -1
    for start, end, code in country_mentions(text):
        before = text[max(0, start - _LOOK_BACK) : start]
        listed = _LISTED.match(text, end)
        # "the ambassadors of Uruguay, Nester Navarro, Chile, Julio Fiol and Australia, Tegan Brink"
        continues = in_list and _LIST_GOES_ON.fullmatch(text, previous_end, start)
        if listed and (_LIST_HEAD.search(before) or continues):
            found.append((listed.start("name"), Person(listed.group("name"), "Ambassador", code), None))
            in_list, previous_end = True, listed.end("name")
            continue
        in_list = False
        if owned := _OWNED.match(text, end):
            found.append((start, Person(owned.group("name"), "Ambassador", code), None))
        elif _FROM.search(before) and (origin := _ORIGIN.search(before)):
            found.append(
                (start - len(before) + origin.start(), Person(origin.group("name"), "Ambassador", code), None)
            )
        elif (nominated := _NOMINATED_TO.search(before)) and _NOMINEES.search(
            _SENTENCE_END.split(before)[-1]
        ):
            found.append(
                (start - len(before) + nominated.start(), Person(nominated.group("name"), "Ambassador"), code)
            )
        elif _POSTED_ROLE.search(before) and (posted := _posted(before)) and not _PAST_POST.search(before):
            found.append((start - len(before) + posted[0], Person(posted[1], "Ambassador"), code))
        elif (named := _NAMED_OF.search(before)) and _ENVOYS_COLON.search(
            text, _clause_start(text, start), start
        ):
            found.append(
                (start - len(before) + named.start(), Person(named.group("name"), "Ambassador", code), None)
            )
    # "Ambassador Amin Dalhatu, who ... will now take up the role of High Commissioner-designate to the
    # United Kingdom": the envoy's title is no part of the name
    found = [
        (at, Person(_TITLE_BEFORE_NAME.sub("", person.name), person.role, person.country), posting)
        for at, person, posting in found
    ]
    return [
        (at, person, posting)
        for at, person, posting in found
        if not not_a_name(person.name)
        and person.name not in country_codes()
        and not ROLE_ONLY.match(person.name)  # "Israel’s Prime Minister Benjamin Netanyahu" is no envoy
    ]


def _posted(before: str) -> tuple[int, str] | None:
    """(where, the name of) the envoy named as posted where `before` ends: not a place, nor an official
    with a title when a name follows them ("White House chief of staff for President Barack Obama, Rahm
    Emanuel, was confirmed early Saturday as the ambassador to"); an official's name without the title
    when none does ("nominated former Interior Secretary Ken Salazar as ambassador to")."""
    at, titled = 0, None
    while posted := _POSTED.search(before, at):
        at = posted.end("name")
        name = _TITLE_BEFORE_NAME.sub("", posted.group("name"))  # "Ambassador Amin Dalhatu" is an envoy
        if not_a_name(name) or name in country_codes():
            continue
        if len(_POST_TO.findall(before, at)) > 1:
            continue  # posted elsewhere first: "Julianne Smith as envoy to NATO and ... Ken Salazar as ..."
        if role := _ROLE_IN_NAME.search(name):
            untitled = name[role.end() :]  # a full name, not "Biden's" of "President Biden's nominees"
            if " " in untitled and not _POSSESSIVE_END.search(untitled):
                at_name = posted.start("name") + len(posted.group("name")) - len(untitled)
                titled = (at_name, untitled)  # the one nearest the post
            continue
        return posted.start("name"), name
    return titled


_POST_TO = re.compile(rf"{_AS_ENVOY}\s+to\b")
_ROLE_IN_NAME = re.compile(rf"(?:^|\s)(?:{ROLES})\s+")
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _clause_start(text: str, at: int) -> int:
    """Where the sentence or clause holding `at` starts (after ". ", "; " or a line break)."""
    return max(text.rfind(". ", 0, at), text.rfind("; ", 0, at), text.rfind("\n", 0, at)) + 1


# the states a text lists envoys of, or to, without their names: "including representatives from Mali,
# Mongolia, South Africa ... and Malawi", "ambassador nominees for Sri Lanka, Gambia, Guinea, Paraguay,
# and Costa Rica", "is nominated to serve as ambassador to Israel"
_STATES_HEAD = re.compile(
    rf"\b(?:{_ENVOY_ROLE}(?:-designate)?|(?i:representatives|diplomats|nominees|heads?\s+of\s+(?:diplomatic\s+)?missions?))"
    r"\s+(?:of|from|to|for)\s+(?:the\s+)?$"
)
_HEAD_REACH = 60  # characters before a state's name where the head of its list may stand


def envoy_states(text: str) -> list[str]:
    """The states of the envoys a text lists (those they come from or are posted to), in order."""
    found: list[str] = []
    previous_end = -1  # where the last state of a list ended (-1: no list goes on)
    for start, end, code in country_mentions(text):
        continues = previous_end >= 0 and _LIST_GOES_ON.fullmatch(text, previous_end, start)
        head = text[max(0, start - _HEAD_REACH) : start]
        if continues or (_STATES_HEAD.search(head) and not _PAST_POST.search(head)):
            found.append(code)
            previous_end = end
        else:
            previous_end = -1
    return list(dict.fromkeys(found))
