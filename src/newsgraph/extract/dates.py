"""Resolve the text of a DATE mention to a calendar date relative to the article's publication."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from newsgraph.records import DateRange, DateValue, Precision

__all__ = ["Tense", "count", "lasting", "resolve"]


class Tense(StrEnum):
    """Grammatical direction of the clause a date mention sits in."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


# NER date spans are short; the cap bounds regex work on junk input.
_MAX_LENGTH = 120

# How far from the publication year to look for a month/day: February 29 may need a leap year
# several years away when the direction is forced.
_YEAR_SEARCH = 8

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}

# Deictic day words: they name a day by reference to the publication date alone.
_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "day before yesterday": -2,
    "day after tomorrow": 2,
}

_RELATIVE_OFFSET = {"this": 0, "last": -1, "next": 1}

# Northern seasons as (first month, last month); winter runs across two years and is left out.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

# "last"/"next" force the direction regardless of the clause's tense; "this" forces nothing.
_MODIFIER_DIRECTION = {
    "last": Tense.PAST,
    "this past": Tense.PAST,
    "next": Tense.FUTURE,
    "coming": Tense.FUTURE,
    "this coming": Tense.FUTURE,
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:(?P<year>[0-9]{4})|(?P<relyear>this|last|next) year)"
_MOD = r"(?:(?P<mod>this past|this coming|this|last|next|coming) )?"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_MONTH_DAY = re.compile(rf"{_MOD}{_MONTH}(?: the)? {_DAY}(?:,? (?:of )?{_YEAR})?", re.ASCII)
_DAY_MONTH = re.compile(rf"{_MOD}{_DAY}(?: of)? {_MONTH}(?:,? (?:of )?{_YEAR})?", re.ASCII)
_MONTH_ONLY = re.compile(rf"{_MOD}{_MONTH}(?:,? (?:of )?{_YEAR})?", re.ASCII)
_BARE_DAY = re.compile(rf"{_DAY}(?:,? (?:of )?{_YEAR})?", re.ASCII)
_YEAR_ONLY = re.compile(r"(?:year )?(?P<year>[0-9]{4})", re.ASCII)
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?", re.ASCII)
_AGO = re.compile(r"(?P<count>[0-9]{1,4}|[a-z]+) (?P<unit>day|month|year)s? ago", re.ASCII)
_RELATIVE_UNIT = re.compile(r"(?P<mod>this|last|next) (?P<unit>month|year)", re.ASCII)
_RELATIVE_WEEK = re.compile(
    r"(?P<mod>this past|this coming|this|last|next|coming|past) (?P<unit>week|weekend)", re.ASCII
)
_PART_OF_WEEK = re.compile(r"(?P<side>early|earlier|later) (?:this|in the) week", re.ASCII)
_WEEKS_AGO = re.compile(r"(?P<count>[0-9]{1,2}|[a-z]+) weeks? ago", re.ASCII)
_SEASON = re.compile(
    rf"{_MOD}(?P<season>spring|summer|autumn|fall)(?:,? (?:of )?(?P<year>[0-9]{{4}}))?", re.ASCII
)
_WEEKDAY_ONLY = re.compile(rf"{_MOD}{_WEEKDAY}", re.ASCII)
_WEEKDAY_OF_WEEK = re.compile(rf"{_WEEKDAY},? (?:of )?(?P<week>this|last|next) week", re.ASCII)
_WEEKDAY_PREFIX = re.compile(rf"{_WEEKDAY},? (?P<rest>.+)", re.ASCII)
_TIME_OF_DAY = re.compile(
    r"(?P<rest>.+?),? (?:morning|afternoon|evening|night|midday|noon|overnight)", re.ASCII
)

_LEADING_WORD = re.compile(
    r"(?:on|in|at|by|since|until|till|from|the|of|between|during) ", re.ASCII
)
# Qualifiers narrow a month or year without changing the precision the text gives.
_QUALIFIER = re.compile(
    r"(?:(?:early|earlier|late|later|mid)(?:[- ](?:to|or|and)[- ](?:early|mid|late))?[- ]"
    r"|end-"
    r"|(?:beginning|start|middle|end|turn|close) of "
    r"|(?:first|second|third|fourth|last|final|latter|early|closing|opening) "
    r"(?:days?|weeks?|weekend|half|quarter|part|months?) of )",
    re.ASCII,
)
_SEPARATOR = re.compile(r"-| (?:to|and|through|thru|until|till|&) ", re.ASCII)
# "March 17, 18 and 19": only the first and last day matter for the span.
_DAY_LIST = re.compile(
    r"\b([0-9]{1,2}(?:st|nd|rd|th)?)(?:, [0-9]{1,2}(?:st|nd|rd|th)?)+,? and \b", re.ASCII
)
_TWO_DIGITS = re.compile(r"[0-9]{2}", re.ASCII)


def resolve(
    expression: str, published: datetime.date, tense: Tense = Tense.UNKNOWN
) -> DateRange | None:
    """Place a date mention on the calendar, or return None when it names no placeable date.

    ``expression`` is the text of a DATE entity ("on Monday", "March 17-18", "late last
    year"); ``published`` anchors relative and year-less mentions; ``tense`` is the direction
    of the clause. The result carries the precision the text gives (day, month or year).

    Year-less months and days take the year that puts them nearest the publication date (on a
    tie, the earlier one); a FUTURE clause moves a date that would fall strictly before
    publication to its next occurrence, a PAST clause moves one strictly after publication to
    its previous occurrence. Months compare by month, so the publication's own month suits
    either direction. "last"/"this past" and "next"/"coming" force the direction strictly.

    A bare weekday is the latest such day on or before publication (the publication day
    itself if it matches); in a FUTURE clause, or after "next"/"coming", the first strictly
    after; after "last", the latest strictly before, other than the day before publication,
    which news tells as "yesterday" or by its bare name: "last Sunday" told on a Monday is
    the Sunday of the week before.

    Ranges ("March 17-18", "between March 17 and 19", "March 30 - April 2", "17 and 18 March
    2021", "2020-21") give ``DateRange(start, end)``: the start's year is chosen as above, the
    end falls in the same or the following year; a year given once applies to both ends. A
    list of days ("March 17, 18 and 19") spans its first to its last day. A range whose end
    precedes its start, or whose ends differ in precision, is None.

    "the year"/"the month"/"the day" after a qualifier ("by the end of the year", "earlier in
    the day") is the publication's year, month or day; without one it is likely anaphoric and
    gives None. "tonight", "this morning" and "last night" are days. Numeric dates other than
    ISO ("12/28/2021") are None: their day/month order is ambiguous.

    Weeks and weekends ("last week", "the past week", "this weekend", "three weeks ago") give
    the month when all their days fall in one month, and None when they run across two: a week
    is no calendar unit, so the month is the finest precision that is true of every day in it.
    "Last week" is the Monday-to-Sunday week before publication, "the past week" the seven days
    before it; "this weekend" is the one before publication in a PAST clause and the next one
    otherwise. "Earlier this week" is its days before publication, "later this week" those
    after it. A season of the northern year ("last spring", "this summer", "autumn 1986",
    "the fall" in a PAST or FUTURE clause) gives its year; winter, which runs across two years,
    gives None. Decades, durations, vague spans and times of day alone also return None, as do
    impossible dates. The function never raises.
    """
    if len(expression) > 4 * _MAX_LENGTH:
        return None
    text = _normalize(expression)
    if not text or len(text) > _MAX_LENGTH:
        return None
    day = datetime.date(published.year, published.month, published.day)
    text = _DAY_LIST.sub(r"\1 and ", text)
    piece = _parse_piece(text, day, tense, allow_bare=False)
    if piece is not None:
        single = _place(piece, day, tense)
        if single is not None:
            return DateRange(single)
    # Only after the whole text failed as one date: hyphens also occur inside single dates.
    for separator in _SEPARATOR.finditer(text):
        left = _parse_piece(text[: separator.start()], day, tense, allow_bare=True)
        right = _parse_piece(text[separator.end() :], day, tense, allow_bare=True)
        if left is not None and right is not None:
            span = _combine(left, right, day, tense)
            if span is not None:
                return span
    return None


@dataclass(frozen=True)
class _Piece:
    """One side of a date mention, before a year is chosen for it."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    direction: Tense = Tense.UNKNOWN
    """Forced by "last"/"next"; UNKNOWN leaves the choice to nearness and the clause's tense."""
    fixed: DateValue | None = None
    """Set when the piece was placed from the publication date alone ("yesterday", "Monday")."""
    weekday: int | None = None
    """Set for a weekday, so that a range end can follow its start rather than publication."""
    bare: bool = False
    """A lone two-digit number: a day after a month, a short year after a year ("2020-21")."""


def _normalize(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'")
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    # Abbreviation dots ("Dec. 8", "Sept.5") carry nothing once months are matched by prefix.
    text = text.replace(".", " ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:!?\"'()[]{}-")


def _strip_leading(text: str) -> tuple[str, bool]:
    qualified = False
    while True:
        word = _LEADING_WORD.match(text)
        if word is not None:
            text = text[word.end() :]
            continue
        qualifier = _QUALIFIER.match(text)
        if qualifier is None:
            return text, qualified
        qualified = True
        text = text[qualifier.end() :]


def _without_time_of_day(text: str) -> str:
    match = _TIME_OF_DAY.fullmatch(text)
    return text if match is None else match["rest"]


def _parse_piece(
    text: str, published: datetime.date, tense: Tense, *, allow_bare: bool
) -> _Piece | None:
    part = _PART_OF_WEEK.fullmatch(text)
    if part is not None:
        # "earlier this week" read on a Friday is Monday to Thursday, which may lie in one
        # month though the whole week does not
        monday = -published.weekday()
        days = (monday, -1) if part["side"] in ("early", "earlier") else (1, monday + 6)
        if days[0] > days[1]:
            return None
        return _fixed(_month_of_days(published, *days))
    text, qualified = _strip_leading(text)
    if text in _RELATIVE_DAYS:
        return _fixed(_shifted_day(published, _RELATIVE_DAYS[text]))
    timed = _without_time_of_day(text)
    tonight = timed != text  # "Sunday night", "Sunday evening"
    text = timed
    if text in _RELATIVE_DAYS:
        return _fixed(_shifted_day(published, _RELATIVE_DAYS[text]))
    # "the end of the year" speaks of the current one; bare "the year" without a qualifier
    # is usually anaphoric, so it stays unresolved.
    if qualified and text == "year":
        return _fixed(_year_value(published.year))
    if qualified and text == "month":
        return _fixed(_month_value(published.year, published.month))
    if qualified and text == "day":
        return _fixed(_shifted_day(published, 0))  # "earlier in the day"

    match = _AGO.fullmatch(text)
    if match is not None:
        return _ago(match["count"], match["unit"], published)
    match = _RELATIVE_UNIT.fullmatch(text)
    if match is not None:
        offset = _RELATIVE_OFFSET[match["mod"]]
        if match["unit"] == "year":
            return _fixed(_year_value(published.year + offset))
        return _fixed(_month_value(published.year, published.month + offset))

    week = _week(text, published, tense, qualified=qualified)
    if week is not None:
        return _fixed(_month_of_days(published, *week))
    match = _SEASON.fullmatch(text)
    if match is not None:
        return _season(match, published, tense)

    match = _WEEKDAY_OF_WEEK.fullmatch(text)
    if match is not None:
        week_start = 7 * _RELATIVE_OFFSET[match["week"]] - published.weekday()
        offset = week_start + _WEEKDAYS[match["weekday"]]
        return _fixed(_shifted_day(published, offset))
    match = _WEEKDAY_ONLY.fullmatch(text)
    if match is not None:
        weekday = _WEEKDAYS[match["weekday"]]
        direction = _direction(match["mod"])
        offset = _weekday_offset(weekday, published, tense, direction)
        if match["mod"] == "last" and offset == -1:
            # The day before is "yesterday" or a bare weekday; "last Sunday" told on a Monday
            # is the Sunday of the week before ("departing last Sunday from the accord ...
            # Later in the week, Mulford too said").
            offset = -8
        if (tonight or qualified) and direction is Tense.UNKNOWN and weekday == published.weekday():
            # "will host Trump at a dinner on Sunday night", "is to fly to Ankara later on
            # Monday", told on that day
            offset = 0
        value = _shifted_day(published, offset)
        return None if value is None else _Piece(fixed=value, weekday=weekday, direction=direction)
    match = _WEEKDAY_PREFIX.fullmatch(text)
    if match is not None:
        # "Monday, January 10": the explicit date decides; the weekday adds nothing.
        inner = _parse_calendar(match["rest"], published, allow_bare=False)
        return inner if inner is not None and inner.day is not None else None

    return _parse_calendar(text, published, allow_bare=allow_bare)


def _parse_calendar(text: str, published: datetime.date, *, allow_bare: bool) -> _Piece | None:
    match = _ISO.fullmatch(text)
    if match is not None:
        iso_day = match["day"]
        return _Piece(
            year=int(match["year"]),
            month=int(match["month"]),
            day=None if iso_day is None else int(iso_day),
        )
    match = _YEAR_ONLY.fullmatch(text)
    if match is not None:
        return _Piece(year=int(match["year"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH, _MONTH_ONLY):
        match = pattern.fullmatch(text)
        if match is not None:
            day = match.groupdict().get("day")
            return _Piece(
                year=_explicit_year(match, published),
                month=_MONTHS[match["month"][:3]],
                day=None if day is None else int(day),
                direction=_direction(match["mod"]),
            )
    match = _BARE_DAY.fullmatch(text) if allow_bare else None
    if match is not None:
        return _Piece(
            year=_explicit_year(match, published),
            day=int(match["day"]),
            bare=_TWO_DIGITS.fullmatch(text) is not None,
        )
    return None


def _explicit_year(match: re.Match[str], published: datetime.date) -> int | None:
    if match["year"] is not None:
        return int(match["year"])
    if match["relyear"] is not None:
        return published.year + _RELATIVE_OFFSET[match["relyear"]]
    return None


def _direction(modifier: str | None) -> Tense:
    return Tense.UNKNOWN if modifier is None else _MODIFIER_DIRECTION.get(modifier, Tense.UNKNOWN)


def _ago(count: str, unit: str, published: datetime.date) -> _Piece | None:
    amount = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
    if amount is None:
        return None
    if unit == "day":
        return _fixed(_shifted_day(published, -amount))
    if unit == "month":
        return _fixed(_month_value(published.year, published.month - amount))
    return _fixed(_year_value(published.year - amount))


def _week(
    text: str, published: datetime.date, tense: Tense, *, qualified: bool
) -> tuple[int, int] | None:
    """The first and last day of a week mention as offsets from publication, or None."""
    monday = -published.weekday()
    if qualified and text in {"week", "weekend"}:
        # "the end of the week", "earlier in the week": the week of publication.
        text = f"this {text}"
    match = _WEEKS_AGO.fullmatch(text)
    if match is not None:
        count = match["count"]
        amount = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
        if amount is None or amount < 1:
            return None
        return monday - 7 * amount, monday - 7 * amount + 6
    match = _RELATIVE_WEEK.fullmatch(text)
    if match is None:
        return None
    mod = match["mod"]
    if match["unit"] == "week":
        if mod in {"past", "this past"}:
            return -7, -1
        shift = {"this": 0, "last": -7, "next": 7, "coming": 7, "this coming": 7}[mod]
        return monday + shift, monday + shift + 6
    saturday = monday + 5
    if mod in {"last", "past", "this past"} or (mod == "this" and tense == Tense.PAST):
        # The weekend on or before publication ("last weekend" read on a Sunday is the one
        # before, since "this weekend" would name the present one).
        latest = saturday if saturday <= 0 else saturday - 7
        if mod == "last" and latest > -2:
            latest -= 7
        return latest, latest + 1
    if mod == "this":
        return (saturday, saturday + 1) if saturday + 1 >= 0 else (saturday + 7, saturday + 8)
    return (saturday, saturday + 1) if saturday > 0 else (saturday + 7, saturday + 8)


def _month_of_days(published: datetime.date, first: int, last: int) -> DateValue | None:
    start = _shifted_day(published, first)
    end = _shifted_day(published, last)
    if start is None or end is None or start.iso[:7] != end.iso[:7]:
        return None
    return _month_value(int(start.iso[:4]), int(start.iso[5:7]))


def _season(match: re.Match[str], published: datetime.date, tense: Tense) -> _Piece | None:
    first, last = _SEASONS[match["season"]]
    if match["year"] is not None:
        return _fixed(_year_value(int(match["year"])))
    direction = _direction(match["mod"])
    if match["mod"] == "this":
        return _fixed(_year_value(published.year))
    if direction == Tense.UNKNOWN:
        direction = tense
    month = published.month
    if direction == Tense.PAST:
        # The latest such season that has begun, or, after "last", that is over.
        over = month > last if match["mod"] in {"last", "this past"} else month >= first
        return _fixed(_year_value(published.year if over else published.year - 1))
    if direction == Tense.FUTURE:
        return _fixed(_year_value(published.year if month < first else published.year + 1))
    return None


def _weekday_offset(weekday: int, published: datetime.date, tense: Tense, direction: Tense) -> int:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == Tense.PAST:
        return -(back or 7)
    if direction == Tense.FUTURE or tense == Tense.FUTURE:
        return ahead or 7
    return -back


def _fixed(value: DateValue | None) -> _Piece | None:
    return None if value is None else _Piece(fixed=value)


def _place(piece: _Piece, published: datetime.date, tense: Tense) -> DateValue | None:
    if piece.fixed is not None:
        return piece.fixed
    month, day = piece.month, piece.day
    if month is None:
        # A bare day number names no month; a year alone is already placed.
        return None if day is not None or piece.year is None else _year_value(piece.year)
    year = piece.year
    if year is None:
        year = _pick_year(month, day, published, tense, piece.direction)
    return None if year is None else _calendar_value(year, month, day)


def _pick_year(
    month: int, day: int | None, published: datetime.date, tense: Tense, direction: Tense
) -> int | None:
    origin = _position(published.year, published.month, published.day if day is not None else None)
    if origin is None:
        return None
    candidates: list[tuple[int, int]] = []
    for year in range(published.year - _YEAR_SEARCH, published.year + _YEAR_SEARCH + 1):
        place = _position(year, month, day)
        if place is not None:
            candidates.append((place, year))
    before = [c for c in candidates if c[0] < origin]
    after = [c for c in candidates if c[0] > origin]
    if direction == Tense.PAST:
        return max(before)[1] if before else None
    if direction == Tense.FUTURE:
        return min(after)[1] if after else None
    if not candidates:
        return None
    # Ties go to the earlier year: news reports what happened more often than what will.
    nearest = min(candidates, key=lambda c: (abs(c[0] - origin), c[0]))
    # A candidate at the origin is always nearest, so "strictly past" and "on or after" meet.
    if tense == Tense.FUTURE and nearest[0] < origin:
        return min(after)[1] if after else None
    if tense == Tense.PAST and nearest[0] > origin:
        return max(before)[1] if before else None
    return nearest[1]


def _position(year: int, month: int, day: int | None) -> int | None:
    """Where a month or day lies on one axis: months counted from year 0, or day ordinals."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    if day is None:
        return year * 12 + month - 1
    return _ordinal(year, month, day)


def _combine(
    left: _Piece, right: _Piece, published: datetime.date, tense: Tense
) -> DateRange | None:
    if right.weekday is not None and right.direction == Tense.UNKNOWN:
        # "Monday to Wednesday": the end is the first such weekday from the start on.
        start = _place(left, published, tense)
        if start is None or start.precision != Precision.DAY:
            return None
        first = datetime.date.fromisoformat(start.iso)
        return _span(start, _shifted_day(first, (right.weekday - first.weekday()) % 7))
    if left.fixed is not None or right.fixed is not None:
        return _span(_place(left, published, tense), _place(right, published, tense))
    if left.month is None and left.day is None:
        return _year_span(left, right)
    borrowed = left.month is None or right.month is None
    if left.month is None:
        if right.month is None:
            return None
        # "17-18 March": the start borrows the end's month and year.
        left = replace(left, month=right.month, year=right.year if left.year is None else left.year)
    if right.month is None:
        if right.day is None:
            return None
        right = replace(right, month=left.month)
    if (left.day is None) != (right.day is None) or left.month is None or right.month is None:
        return None
    left_key = (left.month, left.day or 0)
    right_key = (right.month, right.day or 0)
    # A borrowed month keeps both days in one month: "March 19-17" is a typo, not a year.
    if borrowed and right_key < left_key:
        return None
    if left.year is None and right.year is not None:
        # "December 30 - January 2, 2022": a start later in the year belongs to the year before.
        left = replace(left, year=right.year if left_key <= right_key else right.year - 1)
    start = _place(left, published, tense)
    if start is None:
        return None
    if right.year is None:
        start_year = int(start.iso[:4])
        right = replace(right, year=start_year if right_key >= left_key else start_year + 1)
    return _span(start, _place(right, published, tense))


def _year_span(left: _Piece, right: _Piece) -> DateRange | None:
    if left.year is None:
        return None
    if right.bare and right.day is not None:
        # "2021-22": a two-digit end shares the start's century.
        end_year = left.year // 100 * 100 + right.day
        return _span(_year_value(left.year), _year_value(end_year))
    if right.month is None and right.day is None and right.year is not None:
        return _span(_year_value(left.year), _year_value(right.year))
    return None


def _span(start: DateValue | None, end: DateValue | None) -> DateRange | None:
    if start is None or end is None or start.precision != end.precision:
        return None
    # Same precision means same iso format, so string order is calendar order.
    if end.iso < start.iso:
        return None
    return DateRange(start) if end.iso == start.iso else DateRange(start, end)


def _ordinal(year: int, month: int, day: int) -> int | None:
    if not _valid(year, month, day):
        return None
    return datetime.date(year, month, day).toordinal()


def _valid(year: int, month: int, day: int) -> bool:
    if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _calendar_value(year: int, month: int, day: int | None) -> DateValue | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return _month_value(year, month)
    if not _valid(year, month, day):
        return None
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY)


def _shifted_day(published: datetime.date, days: int) -> DateValue | None:
    ordinal = published.toordinal() + days
    # Arithmetic by ordinal so that dates near the calendar's ends give None, not OverflowError.
    if not 1 <= ordinal <= datetime.date.max.toordinal():
        return None
    value = datetime.date.fromordinal(ordinal)
    return DateValue(f"{value.year:04d}-{value.month:02d}-{value.day:02d}", Precision.DAY)


def _month_value(year: int, month: int) -> DateValue | None:
    # ``month`` may run past 1..12 after relative arithmetic; carry it into the year.
    carry, index = divmod(month - 1, 12)
    year += carry
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return DateValue(f"{year:04d}-{index + 1:02d}", Precision.MONTH)


def _year_value(year: int) -> DateValue | None:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return DateValue(f"{year:04d}", Precision.YEAR)


def count(word: str) -> int | None:
    """A whole number told in digits or in words: "3" and "three" are 3."""
    lower = word.lower()
    return int(lower) if lower.isdigit() else _NUMBER_WORDS.get(lower)


def lasting(date: DateRange, days: int, *, ending: bool) -> DateRange:
    """The span of ``days`` days that ``date``, a single day, ends (``ending``) or begins:
    "wrapped up two days of talks on Saturday" is Friday to Saturday."""
    if date.end is not None or date.start.precision is not Precision.DAY or days < 2:
        return date
    day = datetime.date.fromisoformat(date.start.iso)
    first = _shifted_day(day, 1 - days) if ending else date.start
    last = date.start if ending else _shifted_day(day, days - 1)
    return date if first is None or last is None else DateRange(first, last)
