"""Tests for resolving DATE mentions against an article's publication date.

Expected values were worked out by hand from printed calendars. Anchors used throughout:
2021-12-28 is a Tuesday, 2022-01-20 a Thursday, 2022-01-10 a Monday, 2022-03-15 a Tuesday.
"""

from __future__ import annotations

import datetime
import random
import re
from importlib.util import find_spec

import pytest

from newsgraph.extract.dates import Tense, count, lasting, resolve
from newsgraph.records import DateRange, DateValue, Precision

TUE_2021_12_28 = datetime.date(2021, 12, 28)
THU_2022_01_20 = datetime.date(2022, 1, 20)
MON_2022_01_10 = datetime.date(2022, 1, 10)
TUE_2022_03_15 = datetime.date(2022, 3, 15)

PAST, FUTURE, UNKNOWN = Tense.PAST, Tense.FUTURE, Tense.UNKNOWN

Expected = str | tuple[str, str] | None

_PRECISION_BY_LENGTH = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}


def _value(iso: str) -> DateValue:
    return DateValue(iso, _PRECISION_BY_LENGTH[len(iso)])


def _expected(expected: Expected) -> DateRange | None:
    """Spell expectations as bare iso strings; the precision follows from the iso's length."""
    if expected is None:
        return None
    if isinstance(expected, str):
        return DateRange(_value(expected))
    return DateRange(_value(expected[0]), _value(expected[1]))


def _check(expression: str, published: datetime.date, tense: Tense, expected: Expected) -> None:
    assert resolve(expression, published, tense) == _expected(expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        # The four cases the product documentation spells out.
        ("January 12", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("December 17", THU_2022_01_20, UNKNOWN, "2021-12-17"),
        ("on Monday", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("in January", TUE_2021_12_28, FUTURE, "2022-01"),
    ],
)
def test_documented_cases(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        # An explicit year wins over both the nearest rule and the tense.
        ("January 12, 2022", TUE_2021_12_28, PAST, "2022-01-12"),
        ("12 January 2022", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("December 15, 2021", THU_2022_01_20, FUTURE, "2021-12-15"),
        ("8 December 2021", THU_2022_01_20, UNKNOWN, "2021-12-08"),
        ("Monday, January 10, 2022", TUE_2021_12_28, UNKNOWN, "2022-01-10"),
        ("2021-12-28", THU_2022_01_20, UNKNOWN, "2021-12-28"),
        # Abbreviations, with or without the dot, and "Sept".
        ("Dec. 8", THU_2022_01_20, UNKNOWN, "2021-12-08"),
        ("Dec 8", THU_2022_01_20, UNKNOWN, "2021-12-08"),
        ("Sept. 5", datetime.date(2021, 10, 1), UNKNOWN, "2021-09-05"),
        ("Sept 5", datetime.date(2021, 10, 1), UNKNOWN, "2021-09-05"),
        ("Sep 5", datetime.date(2021, 10, 1), UNKNOWN, "2021-09-05"),
        # 2021-09-05 is 191 days before 2022-03-15, 2022-09-05 only 174 days after.
        ("Sept. 5", TUE_2022_03_15, UNKNOWN, "2022-09-05"),
        # Ordinals, "of", "the", a leading weekday, case, trailing punctuation, prepositions.
        ("January 12th", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("12th of January", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("January the 12th", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("JANUARY 12TH", TUE_2021_12_28, UNKNOWN, "2022-01-12"),
        ("Monday, January 10", TUE_2021_12_28, UNKNOWN, "2022-01-10"),
        ("on January 21", THU_2022_01_20, UNKNOWN, "2022-01-21"),
        ("On January 21.", THU_2022_01_20, UNKNOWN, "2022-01-21"),
        ("until March 17", THU_2022_01_20, UNKNOWN, "2022-03-17"),
    ],
)
def test_day_dates(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        # Nearest is 2022-01-21, one day after publication: a past clause takes the year before.
        ("January 21", THU_2022_01_20, PAST, "2021-01-21"),
        ("the 12th of January", TUE_2021_12_28, PAST, "2021-01-12"),
        # Nearest is 2021-12-17, before publication: a future clause takes the next one.
        ("December 17", THU_2022_01_20, FUTURE, "2022-12-17"),
        # The publication day itself suits both directions.
        ("January 20", THU_2022_01_20, FUTURE, "2022-01-20"),
        ("January 20", THU_2022_01_20, PAST, "2022-01-20"),
        # A tense that agrees with the nearest candidate changes nothing.
        ("January 12", TUE_2021_12_28, FUTURE, "2022-01-12"),
        ("December 17", THU_2022_01_20, PAST, "2021-12-17"),
        # "last"/"next" force the direction, strictly.
        ("last January 20", THU_2022_01_20, UNKNOWN, "2021-01-20"),
        ("next December 17", THU_2022_01_20, UNKNOWN, "2022-12-17"),
        # February 29 exists only in leap years; 2020 is the nearest, 2024 the next.
        ("February 29", datetime.date(2021, 6, 1), UNKNOWN, "2020-02-29"),
        ("February 29", datetime.date(2021, 6, 1), FUTURE, "2024-02-29"),
        ("February 29", datetime.date(2021, 6, 1), PAST, "2020-02-29"),
    ],
)
def test_year_choice_for_days(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("in January", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("January 2022", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("December of 2021", THU_2022_01_20, UNKNOWN, "2021-12"),
        ("early November", TUE_2021_12_28, UNKNOWN, "2021-11"),
        ("late January", THU_2022_01_20, UNKNOWN, "2022-01"),
        ("mid-March", THU_2022_01_20, UNKNOWN, "2022-03"),
        ("mid March", THU_2022_01_20, PAST, "2021-03"),
        ("the end of January", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("end-January", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("by the end of January", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("the first week of March", THU_2022_01_20, UNKNOWN, "2022-03"),
        ("early to mid-March", THU_2022_01_20, UNKNOWN, "2022-03"),
        ("March next year", TUE_2021_12_28, UNKNOWN, "2022-03"),
        # December 2021 is nearest to 2022-01-20 but lies before it.
        ("in December", THU_2022_01_20, FUTURE, "2022-12"),
        # The publication's own month suits either direction.
        ("in January", THU_2022_01_20, PAST, "2022-01"),
        ("in January", THU_2022_01_20, FUTURE, "2022-01"),
        # Six months either way is a tie: the earlier month wins unless the clause is future.
        ("January", datetime.date(2022, 7, 10), UNKNOWN, "2022-01"),
        ("January", datetime.date(2022, 7, 10), FUTURE, "2023-01"),
        ("last January", THU_2022_01_20, UNKNOWN, "2021-01"),
        ("next December", TUE_2021_12_28, UNKNOWN, "2022-12"),
        ("next month", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("last month", THU_2022_01_20, UNKNOWN, "2021-12"),
        ("this month", TUE_2021_12_28, FUTURE, "2021-12"),
        ("early next month", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("later this month", THU_2022_01_20, UNKNOWN, "2022-01"),
        ("the end of the month", THU_2022_01_20, UNKNOWN, "2022-01"),
        ("earlier in the day", THU_2022_01_20, PAST, "2022-01-20"),
        ("later in the day", THU_2022_01_20, FUTURE, "2022-01-20"),
        ("two months ago", THU_2022_01_20, UNKNOWN, "2021-11"),
    ],
)
def test_month_dates(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("2021", THU_2022_01_20, UNKNOWN, "2021"),
        ("in 2019", THU_2022_01_20, FUTURE, "2019"),
        ("since 2019", THU_2022_01_20, UNKNOWN, "2019"),
        ("the year 2021", THU_2022_01_20, UNKNOWN, "2021"),
        ("last year", THU_2022_01_20, UNKNOWN, "2021"),
        ("next year", TUE_2021_12_28, UNKNOWN, "2022"),
        ("this year", THU_2022_01_20, UNKNOWN, "2022"),
        ("late last year", THU_2022_01_20, UNKNOWN, "2021"),
        ("earlier this year", THU_2022_01_20, UNKNOWN, "2022"),
        ("late 2021", THU_2022_01_20, FUTURE, "2021"),
        ("later in the year", THU_2022_01_20, UNKNOWN, "2022"),
        ("the end of the year", TUE_2021_12_28, UNKNOWN, "2021"),
        ("the first half of 2022", TUE_2021_12_28, UNKNOWN, "2022"),
        ("two years ago", THU_2022_01_20, UNKNOWN, "2020"),
        ("a year ago", THU_2022_01_20, UNKNOWN, "2021"),
        ("last year's", THU_2022_01_20, UNKNOWN, "2021"),
    ],
)
def test_year_dates(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("yesterday", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("today", TUE_2021_12_28, FUTURE, "2021-12-28"),
        ("tomorrow", TUE_2021_12_28, PAST, "2021-12-29"),
        ("tomorrow", datetime.date(2021, 12, 31), UNKNOWN, "2022-01-01"),
        ("yesterday morning", datetime.date(2022, 3, 1), UNKNOWN, "2022-02-28"),
        ("the day before yesterday", TUE_2021_12_28, UNKNOWN, "2021-12-26"),
        ("tonight", TUE_2021_12_28, UNKNOWN, "2021-12-28"),
        ("this morning", TUE_2021_12_28, UNKNOWN, "2021-12-28"),
        ("last night", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("earlier today", TUE_2021_12_28, UNKNOWN, "2021-12-28"),
        ("three days ago", TUE_2021_12_28, UNKNOWN, "2021-12-25"),
        # March 1 back through a 28-day February: Feb 28 is 1 back, Jan 31 is 29, Jan 30 is 30.
        ("30 days ago", datetime.date(2022, 3, 1), UNKNOWN, "2022-01-30"),
    ],
)
def test_relative_days(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("Sunday", TUE_2021_12_28, UNKNOWN, "2021-12-26"),
        ("on Wednesday", TUE_2021_12_28, PAST, "2021-12-22"),
        ("this Monday", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("Friday night", TUE_2021_12_28, UNKNOWN, "2021-12-24"),
        ("late Monday", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("Thursday's", TUE_2021_12_28, UNKNOWN, "2021-12-23"),
        # The publication's own weekday is the publication day, unless the clause is future.
        ("Tuesday", TUE_2021_12_28, UNKNOWN, "2021-12-28"),
        ("on Monday", MON_2022_01_10, PAST, "2022-01-10"),
        ("Tuesday", TUE_2021_12_28, FUTURE, "2022-01-04"),
        ("on Monday", TUE_2021_12_28, FUTURE, "2022-01-03"),
        ("on Monday", MON_2022_01_10, FUTURE, "2022-01-17"),
        # but that weekday's night or evening, told that day, is still to come that day
        ("on Monday night", MON_2022_01_10, FUTURE, "2022-01-10"),
        ("Monday evening", MON_2022_01_10, FUTURE, "2022-01-10"),
        ("next Monday evening", MON_2022_01_10, FUTURE, "2022-01-17"),
        # and so is that weekday later or earlier on, told that day
        ("later on Monday", MON_2022_01_10, FUTURE, "2022-01-10"),
        ("later Monday", MON_2022_01_10, FUTURE, "2022-01-10"),
        ("early Monday", MON_2022_01_10, FUTURE, "2022-01-10"),
        ("later on Tuesday", MON_2022_01_10, FUTURE, "2022-01-11"),
        ("next Monday", TUE_2021_12_28, UNKNOWN, "2022-01-03"),
        ("next Monday", TUE_2021_12_28, PAST, "2022-01-03"),
        ("coming Monday", TUE_2021_12_28, UNKNOWN, "2022-01-03"),
        ("this coming Monday", TUE_2021_12_28, UNKNOWN, "2022-01-03"),
        ("last Monday", TUE_2021_12_28, FUTURE, "2021-12-20"),
        ("last Sunday", TUE_2021_12_28, UNKNOWN, "2021-12-26"),
        ("this past Monday", TUE_2021_12_28, UNKNOWN, "2021-12-27"),
        ("Monday", TUE_2021_12_28, PAST, "2021-12-27"),
        ("last Tuesday", TUE_2021_12_28, UNKNOWN, "2021-12-21"),
        ("this past Thursday", THU_2022_01_20, UNKNOWN, "2022-01-13"),
        ("Monday of last week", TUE_2021_12_28, UNKNOWN, "2021-12-20"),
        ("Monday of this week", TUE_2021_12_28, FUTURE, "2021-12-27"),
        ("Friday next week", TUE_2021_12_28, UNKNOWN, "2022-01-07"),
    ],
)
def test_weekdays(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        # Monday-to-Sunday weeks: Dec 20-26 2021, Jan 3-9 2022, Jan 17-23 2022.
        ("last week", TUE_2021_12_28, UNKNOWN, "2021-12"),
        ("next week", TUE_2021_12_28, UNKNOWN, "2022-01"),
        ("this week", THU_2022_01_20, PAST, "2022-01"),
        ("last week", MON_2022_01_10, PAST, "2022-01"),
        ("late last week", MON_2022_01_10, PAST, "2022-01"),
        ("earlier this week", THU_2022_01_20, PAST, "2022-01"),
        ("the end of the week", THU_2022_01_20, FUTURE, "2022-01"),
        # Weeks that run across two months: Dec 27 2021 - Jan 2 2022.
        ("this week", TUE_2021_12_28, UNKNOWN, None),
        # ... of which the days before or after publication may lie in one: Monday Dec 27;
        # Wednesday Dec 29 - Sunday Jan 2; on Friday 2018-06-01, May 28-31 and June 2-3.
        ("earlier this week", TUE_2021_12_28, PAST, "2021-12"),
        ("later this week", TUE_2021_12_28, FUTURE, None),
        ("earlier this week", datetime.date(2018, 6, 1), PAST, "2018-05"),
        ("later this week", datetime.date(2018, 6, 1), FUTURE, "2018-06"),
        ("earlier this week", MON_2022_01_10, PAST, None),
        ("last week", datetime.date(2022, 1, 4), PAST, None),
        # The seven days before publication: Jan 13-19; Dec 29 - Jan 4.
        ("the past week", THU_2022_01_20, PAST, "2022-01"),
        ("the past week", datetime.date(2022, 1, 5), PAST, None),
        # Weekends: Dec 25-26 2021 before, Jan 1-2 2022 after a Tuesday, Jan 8-9 before a Monday.
        ("this weekend", TUE_2021_12_28, FUTURE, "2022-01"),
        ("this weekend", TUE_2021_12_28, PAST, "2021-12"),
        ("last weekend", TUE_2021_12_28, UNKNOWN, "2021-12"),
        ("last weekend", MON_2022_01_10, PAST, "2022-01"),
        # Weeks before the week of publication: Jan 3-9, and Dec 27 - Jan 2.
        ("two weeks ago", THU_2022_01_20, PAST, "2022-01"),
        ("three weeks ago", THU_2022_01_20, PAST, None),
        ("a week ago", THU_2022_01_20, PAST, "2022-01"),
    ],
)
def test_weeks_give_the_month_that_holds_them(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        # Spring is March to May: in mid-March it has begun but is not over.
        ("last spring", TUE_2022_03_15, PAST, "2021"),
        ("this spring", TUE_2022_03_15, FUTURE, "2022"),
        ("spring", TUE_2022_03_15, PAST, "2022"),
        ("last summer", TUE_2021_12_28, UNKNOWN, "2021"),
        ("this summer", THU_2022_01_20, FUTURE, "2022"),
        ("next autumn", TUE_2021_12_28, UNKNOWN, "2022"),
        ("the fall", TUE_2021_12_28, PAST, "2021"),
        ("the fall", TUE_2021_12_28, FUTURE, "2022"),
        ("last fall", datetime.date(2021, 11, 2), PAST, "2020"),
        ("the spring of 1986", THU_2022_01_20, UNKNOWN, "1986"),
        ("autumn 1986", THU_2022_01_20, FUTURE, "1986"),
    ],
)
def test_seasons_give_their_year(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    ("expression", "published", "tense", "expected"),
    [
        ("March 17 and 18", TUE_2022_03_15, UNKNOWN, ("2022-03-17", "2022-03-18")),
        # Nearest March 17 is two days after publication; a past clause takes 2021.
        ("March 17 and 18", TUE_2022_03_15, PAST, ("2021-03-17", "2021-03-18")),
        ("March 17-18", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-18")),
        ("March 17 to 19", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-19")),
        ("March 17 through 19", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-19")),
        ("from March 17 to March 19", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-19")),
        ("between March 17 and 19", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-19")),
        ("between March 17 and March 19", THU_2022_01_20, PAST, ("2021-03-17", "2021-03-19")),
        ("March 17, 18 and 19", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-19")),
        ("March 30 - April 2", THU_2022_01_20, UNKNOWN, ("2022-03-30", "2022-04-02")),
        ("March 30\u2013April 2", THU_2022_01_20, UNKNOWN, ("2022-03-30", "2022-04-02")),
        ("17-18 March", THU_2022_01_20, UNKNOWN, ("2022-03-17", "2022-03-18")),
        ("17 and 18 March 2021", THU_2022_01_20, UNKNOWN, ("2021-03-17", "2021-03-18")),
        ("March 17-18, 2021", THU_2022_01_20, UNKNOWN, ("2021-03-17", "2021-03-18")),
        (
            "Monday, March 7 to Wednesday, March 9",
            THU_2022_01_20,
            UNKNOWN,
            ("2022-03-07", "2022-03-09"),
        ),
        # The end rolls into the following year.
        ("December 30 - January 2", TUE_2021_12_28, UNKNOWN, ("2021-12-30", "2022-01-02")),
        ("December 30 - January 2, 2022", TUE_2022_03_15, UNKNOWN, ("2021-12-30", "2022-01-02")),
        ("Dec. 30, 2021 to Jan. 2, 2022", TUE_2022_03_15, FUTURE, ("2021-12-30", "2022-01-02")),
        ("November to January", THU_2022_01_20, UNKNOWN, ("2021-11", "2022-01")),
        ("January to March", THU_2022_01_20, UNKNOWN, ("2022-01", "2022-03")),
        ("2019-2021", THU_2022_01_20, UNKNOWN, ("2019", "2021")),
        ("from 2019 to 2021", THU_2022_01_20, UNKNOWN, ("2019", "2021")),
        ("2020-21", THU_2022_01_20, UNKNOWN, ("2020", "2021")),
        # Weekday ranges: the end is the first such weekday from the start.
        ("Monday to Wednesday", TUE_2021_12_28, UNKNOWN, ("2021-12-27", "2021-12-29")),
        ("Monday and Tuesday", TUE_2021_12_28, FUTURE, ("2022-01-03", "2022-01-04")),
        ("yesterday and today", TUE_2021_12_28, UNKNOWN, ("2021-12-27", "2021-12-28")),
        # A range that collapses to one day is a single date.
        ("March 17-17", THU_2022_01_20, UNKNOWN, "2022-03-17"),
    ],
)
def test_ranges(
    expression: str, published: datetime.date, tense: Tense, expected: Expected
) -> None:
    _check(expression, published, tense, expected)


@pytest.mark.parametrize(
    "expression",
    [
        # Durations, vague spans, decades, seasons.
        "two days",
        "the coming weeks",
        "recent years",
        "decades",
        "the 1990s",
        "the past year",
        "a few days ago",
        "winter",
        "last winter",
        "the day",
        "the winter of 1986",
        "the year",
        # Times of day alone.
        "10 a.m.",
        "morning",
        "the evening",
        # Impossible dates and ranges that run backwards or mix precisions.
        "February 30",
        "February 30, 2022",
        "February 29, 2021",
        "January 32",
        "2021-13-01",
        "March 19-17",
        "2021-2019",
        "March 17 - 2021",
        "today and last year",
        # No month, no placeable anchor, or not a date at all.
        "the 12th",
        "before January 12",
        "12/28/2021",
        "Q3 2021",
        "",
        "   ",
        "the",
        "next",
        "on",
        "-",
        "Monday Tuesday Wednesday",
    ],
)
def test_unplaceable_expressions_give_none(expression: str) -> None:
    for tense in Tense:
        assert resolve(expression, TUE_2021_12_28, tense) is None


def test_tense_defaults_to_unknown() -> None:
    assert resolve("January 21", THU_2022_01_20) == _expected("2022-01-21")


def test_datetime_publication_counts_as_its_date() -> None:
    published = datetime.datetime(2021, 12, 28, 23, 59)
    assert resolve("today", published) == _expected("2021-12-28")


@pytest.mark.parametrize(
    ("expression", "published", "tense"),
    [
        ("tomorrow", datetime.date.max, UNKNOWN),
        ("next year", datetime.date.max, UNKNOWN),
        ("next month", datetime.date.max, UNKNOWN),
        ("on Monday", datetime.date.max, FUTURE),
        ("December 30", datetime.date.max, FUTURE),
        ("yesterday", datetime.date.min, UNKNOWN),
        ("last year", datetime.date.min, UNKNOWN),
        ("last month", datetime.date.min, UNKNOWN),
        ("2 days ago", datetime.date.min, UNKNOWN),
        ("December 31", datetime.date.min, PAST),
        ("9999 years ago", THU_2022_01_20, UNKNOWN),
    ],
)
def test_dates_beyond_the_calendar_give_none(
    expression: str, published: datetime.date, tense: Tense
) -> None:
    assert resolve(expression, published, tense) is None


_ISO_SHAPE = {
    Precision.DAY: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    Precision.MONTH: re.compile(r"[0-9]{4}-[0-9]{2}"),
    Precision.YEAR: re.compile(r"[0-9]{4}"),
}


def _assert_well_formed(result: DateRange | None) -> None:
    if result is None:
        return
    for value in (result.start, result.end):
        if value is None:
            continue
        assert _ISO_SHAPE[value.precision].fullmatch(value.iso), value
        if value.precision == Precision.DAY:
            datetime.date.fromisoformat(value.iso)
        elif value.precision == Precision.MONTH:
            assert 1 <= int(value.iso[5:]) <= 12, value
    if result.end is not None:
        assert result.end.precision == result.start.precision
        assert result.end.iso > result.start.iso


_VOCABULARY = (
    *("on", "in", "at", "by", "since", "until", "from", "the", "of", "between", "and", "to"),
    *("through", "-", "\u2013", "&", ",", ".", "'", "'s", "early", "late", "mid-", "end"),
    *("beginning", "first", "week", "weekend", "half", "next", "last", "this", "coming", "past"),
    *("ago", "today", "tomorrow", "yesterday", "tonight", "morning", "night", "monday"),
    *("tuesday", "friday", "sunday", "january", "feb.", "march", "sept", "dec.", "may"),
    *("1", "12", "12th", "17-18", "29", "30", "31", "2021", "2022", "2020-21", "1990s"),
    *("0", "99", "9999", "0001", "two", "a", "year", "years", "month", "months", "day", "days"),
)

_PUBLISHED = (
    TUE_2021_12_28,
    THU_2022_01_20,
    datetime.date(2020, 2, 29),
    datetime.date.min,
    datetime.date.max,
)


def test_random_phrases_never_raise() -> None:
    rng = random.Random(20211228)
    for _ in range(3000):
        words = rng.choices(_VOCABULARY, k=rng.randint(0, 7))
        if rng.random() < 0.2:
            words.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 5))))
        expression = " ".join(words)
        for published in _PUBLISHED:
            _assert_well_formed(resolve(expression, published, rng.choice(list(Tense))))


if find_spec("hypothesis") is not None:
    from hypothesis import given
    from hypothesis import strategies as st

    _tenses = st.sampled_from(list(Tense))
    _any_date = st.dates()
    _modern_date = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))
    _phrases = st.lists(st.sampled_from(_VOCABULARY), max_size=8).map(" ".join)
    _months = st.sampled_from(
        [("January", 1), ("Feb.", 2), ("march", 3), ("Sept", 9), ("Sep.", 9), ("December", 12)]
    )
    _weekdays = st.sampled_from(
        [("Monday", 0), ("Tuesday", 1), ("Wednesday", 2), ("Saturday", 5), ("Sunday", 6)]
    )

    @given(st.text(max_size=80), _any_date, _tenses)
    def test_arbitrary_text_never_raises(
        expression: str, published: datetime.date, tense: Tense
    ) -> None:
        _assert_well_formed(resolve(expression, published, tense))

    @given(_phrases, _any_date, _tenses)
    def test_date_like_phrases_are_well_formed(
        expression: str, published: datetime.date, tense: Tense
    ) -> None:
        _assert_well_formed(resolve(expression, published, tense))

    @given(_months, st.integers(1, 28), _modern_date, _tenses)
    def test_year_less_day_respects_nearness_and_tense(
        month: tuple[str, int], day: int, published: datetime.date, tense: Tense
    ) -> None:
        result = resolve(f"{month[0]} {day}", published, tense)
        assert result is not None
        assert result.end is None
        resolved = datetime.date.fromisoformat(result.start.iso)
        assert (resolved.month, resolved.day) == (month[1], day)
        distance = (resolved - published).days
        if tense == Tense.FUTURE:
            assert 0 <= distance < 366
        elif tense == Tense.PAST:
            assert -366 < distance <= 0
        else:
            assert abs(distance) <= 183

    @given(_weekdays, _modern_date, _tenses)
    def test_bare_weekday_lands_within_a_week(
        weekday: tuple[str, int], published: datetime.date, tense: Tense
    ) -> None:
        result = resolve(weekday[0], published, tense)
        assert result is not None
        resolved = datetime.date.fromisoformat(result.start.iso)
        assert resolved.weekday() == weekday[1]
        distance = (resolved - published).days
        assert 1 <= distance <= 7 if tense == Tense.FUTURE else -6 <= distance <= 0


@pytest.mark.parametrize(
    ("days", "ending", "first", "last"),
    [
        (2, True, "2018-04-27", "2018-04-28"),  # "wrapped up two days of talks on Saturday"
        (3, False, "2018-04-28", "2018-04-30"),  # "began a three-day visit on Saturday"
        (3, True, "2018-02-27", "2018-03-01"),  # across the end of February
    ],
)
def test_lasting_spans_the_days_a_day_ends_or_begins(
    days: int, ending: bool, first: str, last: str
) -> None:
    day = "2018-03-01" if first.startswith("2018-02") else "2018-04-28"
    span = lasting(DateRange(DateValue(day, Precision.DAY)), days, ending=ending)
    assert span == DateRange(DateValue(first, Precision.DAY), DateValue(last, Precision.DAY))


def test_lasting_leaves_a_month_a_range_and_a_single_day_alone() -> None:
    month = DateRange(DateValue("2018-04", Precision.MONTH))
    assert lasting(month, 3, ending=True) == month
    ranged = DateRange(
        DateValue("2018-04-01", Precision.DAY), DateValue("2018-04-02", Precision.DAY)
    )
    assert lasting(ranged, 3, ending=True) == ranged
    day = DateRange(DateValue("2018-04-01", Precision.DAY))
    assert lasting(day, 1, ending=True) == day


@pytest.mark.parametrize(("word", "number"), [("3", 3), ("three", 3), ("Two", 2), ("many", None)])
def test_count_reads_digits_and_words(word: str, number: int | None) -> None:
    assert count(word) == number
