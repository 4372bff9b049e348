"""Dates as news pages write them: date bars, datelines, dates in sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from indexer.errors import DipnewsError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAME = f"(?:{_MONTH_NAMES})"  # a month's name, full or short (patterns using it ignore case)
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
# a weekday, full or short (patterns using it ignore case)
WEEKDAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAY = rf"(?:{WEEKDAY_NAME}\.?,?\s+)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # February 4, 2026
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 04 February 2026
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2026-02-04
]

_DATE_LINE_EXTRAS = re.compile(
    rf"^\s*{_WEEKDAY}?|(?:[\s,|-]+\d{{1,2}}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(r"(?P<a>[A-Za-z]+|\d{1,2})\.?\s+(?P<b>[A-Za-z]+|\d{1,2})")

_ACCENTED = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"  # Latin letters with accents
# "ISLAMABAD, Feb 4 (APP):", "ISLAMABAD, FEB 4:", "ISLAMABAD - ", "Islamabad:"
_DATELINE = re.compile(
    # a city's name may be accented: "HÀ NỘI —"
    rf"^(?P<place>[A-Z{_ACCENTED}][A-Za-z{_ACCENTED}.'\u2019 -]{{1,40}}?)"
    # the country in square brackets, as ANI writes it: "Kathmandu [Nepal], August 24 (ANI):"
    r"(?:\s*\[[A-Z][A-Za-z.'\u2019 -]{1,30}\])?"
    # the country after the city, when a date follows: "COLOMBO, Sri Lanka, Feb 23 (APP):"
    r"(?:\s*,\s*[A-Z][A-Za-z.'\u2019 -]{1,30}?(?=\s*,\s*(?:[A-Za-z]{3,9}\.?\s+\d|\d{1,2}\s+[A-Za-z]{3,9})))?"
    # ... or before a bracket and the dash: "ST. JOSEPH, Mich. (AP) —", "TAIPEI, Republic of China (Taiwan) —"
    r"(?:\s*,\s*[A-Z][A-Za-z.'\u2019 -]{1,30}?(?=\s*\([A-Za-z][A-Za-z .&-]{0,30}\)\s[-\u2013\u2014]))?"
    r"(?:\s*,\s*(?P<when>[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?)?"
    # the agency in brackets, or between slashes after a full stop: "MOSCOW, October 10. /TASS/.",
    # "Jakarta, (Antara) -"
    r"(?:\s*,?\s*\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\)|\.\s*/(?P<slashed>[A-Za-z][A-Za-z .&-]{0,30})/)?"
    # ... and a full stop after the date: "MOSCOW, November 26. Russian President ..."
    r"\s*(?P<sep>:|\s[-\u2013\u2014]+|(?<=/)\.|(?<=\d)\.)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dateline:
    """The place (and maybe date and agency) that opens a news story."""

    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    end: int  # offset of the story text after the dateline


def _to_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    month_number = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."))
    if month_number is None and isinstance(month, str) and month.isdigit():
        month_number = int(month)
    try:
        return dt.date(int(year), int(month_number or 0), int(day))
    except (TypeError, ValueError):
        return None


def _match_date(match: re.Match[str]) -> dt.date | None:
    return _to_date(match.group("year"), match.group("month"), match.group("day"))


def first_date(text: str) -> tuple[int, dt.date] | None:
    """The first full calendar date written in `text`, with where it starts."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _match_date(match)
            if date:
                found.append((match.start(), date))
                break
    return min(found) if found else None


def dates_at(text: str) -> list[tuple[int, dt.date]]:
    """Every full calendar date written in `text`, with where it starts, in order of appearance."""
    found: list[tuple[int, dt.date]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _match_date(match)
            if date:
                found.append((match.start(), date))
    return sorted(found)


def find_dates(text: str) -> list[dt.date]:
    """Every full calendar date written in `text`, in order of appearance."""
    return [date for _, date in dates_at(text)]


def parse_date_line(line: str) -> dt.date | None:
    """The date of a line that is nothing but a date (a page's date bar), else None."""
    core = _DATE_LINE_EXTRAS.sub("", line)
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            return _match_date(match)
    return None


# a syndicator's bracket after the place, with no dash after it: "COLOMBO, (UrduPoint / Pakistan Point
# News - 23rd Feb, 2021 ) :Prime Minister ...", "Belgium, (Brussels Morning Newspaper) The EU Council ..."
_BRACKETED = re.compile(
    rf"(?P<place>[A-Z{_ACCENTED}][A-Za-z{_ACCENTED}.'\u2019 -]{{1,30}}?),"
    r"\s*\((?P<inner>[A-Z][^()\n]{1,90})\)\s*:?\s*(?=[A-Z\"\u201c])"
)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a story paragraph, if it has one.

    Upper-case places ("ISLAMABAD -") or any place followed by a colon or a
    date count; a sentence such as "Both sides agreed: ..." does not, because
    a dateline place is at most four words.
    """
    if credit := _LEADING_CREDIT.match(paragraph):
        # a syndicator's credit before the dateline: "(MENAFN- Kuwait News Agency (KUNA)) NEW DELHI, ..."
        found = parse_dateline(paragraph[credit.end() :])
        return dataclasses.replace(found, end=found.end + credit.end()) if found else None
    match = _DATELINE.match(paragraph)
    if not match:
        return _bracketed_dateline(paragraph)
    place = match.group("place").strip(" -")
    words = place.split()
    if not words or len(words) > 4:
        return None
    month, day = month_day(match.group("when")) if match.group("when") else (None, None)
    if match.group("when") and month is None:
        return None
    has_date = month is not None
    agency = match.group("agency") or match.group("slashed")
    if not (place.isupper() or has_date or agency or match.group("sep") == ":"):
        return None
    if not all(word[0].isupper() for word in words):
        return None
    if _CREDIT_CLOSED.match(paragraph, match.end()):
        return None  # a syndicator's credit, not a place: "MENAFN - AzerNews) On August 8, ..."
    if match.group("sep") == ":" and _SPEAKER_WORDS.intersection(
        word.casefold().strip(".") for word in words
    ):
        return None  # a transcript's speaker ("SECRETARY BLINKEN:", "MODERATOR:"), not a place
    # the agency after the city and a full stop: "NUR-SULTAN. KAZINFORM –" (not "ST. PETERSBURG")
    city, stop, after = place.partition(". ")
    if stop and len(city) > 3 and after.isupper() and " " not in after and not agency:
        place, agency = city, after
    year = int(match.group("year")) if match.group("year") else None
    return Dateline(place, month, day, year, agency.strip() if agency else None, match.end())


def _bracketed_dateline(paragraph: str) -> Dateline | None:
    match = _BRACKETED.match(paragraph)
    if not match or len(match.group("place").split()) > 4:
        return None
    inner = match.group("inner")
    agency = inner.split(" - ")[0].split("/")[0].strip()
    found = first_date(inner)
    date = found[1] if found else None
    return Dateline(
        match.group("place"),
        date.month if date else None,
        date.day if date else None,
        date.year if date else None,
        agency,
        match.end(),
    )


# a bracket (one more may be inside it) before an upper-case place
_LEADING_CREDIT = re.compile(rf"\((?:[^()]|\([^()]*\))*\)\s*(?=[A-Z{_ACCENTED}]{{2,}}\b)")
_CREDIT_CLOSED = re.compile(r"[A-Z][\w.-]*\)")
_SPEAKER_WORDS = frozenset(
    """secretary minister president vice prime foreign deputy mr mrs ms dr question questions answer
    moderator spokesperson spokesman spokeswoman ambassador chancellor senator governor operator
    participant chairman chair king queen emir sheikh general admiral q a""".split()
)


def month_day(text: str) -> tuple[int | None, int | None]:
    match = _MONTH_DAY.fullmatch(text.strip())
    if not match:
        return None, None
    a, b = match.group("a"), match.group("b")
    name, number = (a, b) if b.isdigit() else (b, a)
    month = MONTHS.get(name.lower())
    if month is None or not number.isdigit() or not 1 <= int(number) <= 31:
        return None, None
    return month, int(number)


def infer_year(month: int, day: int, known: list[dt.date], today: dt.date) -> dt.date | None:
    """Give a year to a month and day: a year other dates of the page use, else the latest past one."""
    for date in known:
        if (date.month, date.day) == (month, day):
            return date
    for date in known:
        candidate = _to_date(date.year, month, day)
        if candidate and abs((candidate - date).days) <= 31:
            return candidate
    for year in (today.year, today.year - 1):
        candidate = _to_date(year, month, day)
        if candidate and candidate <= today:
            return candidate
    return None


def parse_iso_date(value: str) -> dt.date:
    """An ISO date (YYYY-MM-DD), or a DipnewsError a user can read."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise DipnewsError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None
