"""Jalali formatting, month bounds and the parsing of scheduling times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.jalali import (
    YearAhead,
    current_jalali_month,
    example_times,
    format_date,
    format_datetime,
    format_month,
    format_short,
    format_time,
    format_typed,
    jalali_month_bounds,
    parse_jalali_month,
    parse_when,
)

TEHRAN = ZoneInfo("Asia/Tehran")
# Friday 29 Aban 1405, 11:30 in Tehran.
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "long_form", "short_form"),
    [
        (utc(2026, 11, 28, 6, 30), "۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰", "۱۴۰۵/۰۹/۰۷ ۱۰:۰۰"),
        # Nowruz 1405 begins at local midnight, still 20 March in UTC.
        (utc(2026, 3, 20, 20, 30), "۱ فروردین ۱۴۰۵، ساعت ۰۰:۰۰", "۱۴۰۵/۰۱/۰۱ ۰۰:۰۰"),
        # 30 Esfand exists in the leap year 1403.
        (utc(2025, 3, 20, 15, 15), "۳۰ اسفند ۱۴۰۳، ساعت ۱۸:۴۵", "۱۴۰۳/۱۲/۳۰ ۱۸:۴۵"),
        # Summer 2021 still had daylight saving time (UTC+4:30); zoneinfo knows.
        (utc(2021, 7, 1, 7, 30), "۱۰ تیر ۱۴۰۰، ساعت ۱۲:۰۰", "۱۴۰۰/۰۴/۱۰ ۱۲:۰۰"),
    ],
)
def test_formatting_of_known_dates(moment: datetime, long_form: str, short_form: str) -> None:
    """Known instants render as the Jalali date and Tehran wall time, in Persian digits."""
    assert format_datetime(moment, TEHRAN) == long_form
    assert format_short(moment, TEHRAN) == short_form


def test_date_time_and_weekday_pieces() -> None:
    """The date, weekday and time helpers agree with the long form."""
    moment = utc(2026, 11, 28, 6, 30)
    assert format_date(moment, TEHRAN) == "۷ آذر ۱۴۰۵"
    assert format_date(moment, TEHRAN, with_weekday=True) == "شنبه ۷ آذر ۱۴۰۵"
    assert format_time(moment, TEHRAN) == "۱۰:۰۰"
    assert format_month(1405, 9) == "آذر ۱۴۰۵"


def test_naive_datetimes_are_a_programming_error() -> None:
    """A naive datetime raises TypeError, never the ValueError reserved for users' input."""
    with pytest.raises(TypeError):
        format_datetime(datetime(2026, 11, 28, 10, 0), TEHRAN)
    with pytest.raises(TypeError):
        parse_when("+2h", datetime(2026, 11, 28, 10, 0), TEHRAN)


@pytest.mark.parametrize(
    ("year", "month", "start", "end"),
    [
        (1405, 9, utc(2026, 11, 21, 20, 30), utc(2026, 12, 21, 20, 30)),
        (1403, 12, utc(2025, 2, 18, 20, 30), utc(2025, 3, 20, 20, 30)),  # leap Esfand: 30 days
        (1405, 12, utc(2027, 2, 19, 20, 30), utc(2027, 3, 20, 20, 30)),  # the year rolls over
        (1400, 1, utc(2021, 3, 20, 20, 30), utc(2021, 4, 20, 19, 30)),  # DST began in between
    ],
)
def test_month_bounds(year: int, month: int, start: datetime, end: datetime) -> None:
    """Month bounds are local midnights of the first days of this and the next month, in UTC."""
    assert jalali_month_bounds(year, month, TEHRAN) == (start, end)
    assert current_jalali_month(start, TEHRAN) == (year, month)
    assert current_jalali_month(end - timedelta(microseconds=1), TEHRAN) == (year, month)
    assert current_jalali_month(start - timedelta(microseconds=1), TEHRAN) != (year, month)


@pytest.mark.parametrize("month", [0, 13])
def test_month_bounds_reject_impossible_months(month: int) -> None:
    """A month outside 1..12 is refused with a Persian message."""
    with pytest.raises(ValueError, match="ماه"):
        jalali_month_bounds(1405, month, TEHRAN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1405-09", (1405, 9)),
        ("۱۴۰۵/۹", (1405, 9)),
        ("آذر ۱۴۰۵", (1405, 9)),
        ("اسفند 1404", (1404, 12)),
    ],
)
def test_parse_jalali_month(text: str, expected: tuple[int, int]) -> None:
    """The /report argument is read in numeric and named forms."""
    assert parse_jalali_month(text) == expected


@pytest.mark.parametrize("text", ["1405-13", "آذرماه", "2026", ""])
def test_parse_jalali_month_rejects_nonsense(text: str) -> None:
    """Anything that is not a Jalali month raises ValueError with a Persian message."""
    with pytest.raises(ValueError, match="ماه"):
        parse_jalali_month(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Jalali numeric, Persian or Latin digits, «/» or «-».
        ("۱۴۰۵/۰۹/۰۷ ۱۰:۰۰", utc(2026, 11, 28, 6, 30)),
        ("1405-09-07 10:00", utc(2026, 11, 28, 6, 30)),
        ("1405/9/7 ساعت 10", utc(2026, 11, 28, 6, 30)),
        # Day and month name, with or without year, weekday and period of the day.
        ("۷ آذر ساعت ۱۰", utc(2026, 11, 28, 6, 30)),
        ("۷ آذر ۱۴۰۵ ساعت ۱۰:۳۰", utc(2026, 11, 28, 7, 0)),
        ("شنبه ۷ آذر ساعت ۱۰ صبح", utc(2026, 11, 28, 6, 30)),
        ("۷ آذر ساعت ۴ بعد‌از‌ظهر", utc(2026, 11, 28, 12, 30)),
        ("۷ آذر ساعت ۴ عصر", utc(2026, 11, 28, 12, 30)),
        ("۷ آذر ساعت ۱ ظهر", utc(2026, 11, 28, 9, 30)),
        ("۷ آذر ساعت ۹ شب", utc(2026, 11, 28, 17, 30)),
        ("۷ آذر ساعت ۱۲ شب", utc(2026, 11, 28, 20, 30)),  # midnight at the end of 7 Azar
        ("7 اذر 10", utc(2026, 11, 28, 6, 30)),  # no madda, Latin digits, no «ساعت»
        ("۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰", utc(2026, 11, 28, 6, 30)),  # what format_datetime prints
        ("سه‌شنبه ۱ دی ساعت ۱۰", utc(2026, 12, 22, 6, 30)),
        ("سه شنبه ۱ دي ساعت ۱۰", utc(2026, 12, 22, 6, 30)),  # space instead of ZWNJ, Arabic yeh
        # A date without a year is the next occurrence.
        ("۲۹ آبان ساعت ۱۸", utc(2026, 11, 20, 14, 30)),  # today, later on
        # Relative days, weekdays and bare times.
        ("فردا ساعت ۹", utc(2026, 11, 21, 5, 30)),
        ("امروز ساعت ۱۸:۱۵", utc(2026, 11, 20, 14, 45)),
        ("پس‌فردا ساعت ۹ صبح", utc(2026, 11, 22, 5, 30)),
        ("پس فردا ساعت ۹", utc(2026, 11, 22, 5, 30)),
        ("شنبه ساعت ۱۰", utc(2026, 11, 21, 6, 30)),
        ("جمعه ساعت ۱۰", utc(2026, 11, 27, 6, 30)),  # today is Friday but 10:00 has passed
        ("جمعه ساعت ۱۲", utc(2026, 11, 20, 8, 30)),  # today is Friday and 12:00 is ahead
        ("ساعت ۱۸", utc(2026, 11, 20, 14, 30)),
        ("ساعت ۹", utc(2026, 11, 21, 5, 30)),
        # ISO Gregorian: a wall time in Tehran unless an offset says otherwise.
        ("2026-11-28 10:00", utc(2026, 11, 28, 6, 30)),
        ("2026-11-28T10:00", utc(2026, 11, 28, 6, 30)),
        ("2026-11-28T10:00+03:30", utc(2026, 11, 28, 6, 30)),
        ("2026-11-28T10:00:00+0330", utc(2026, 11, 28, 6, 30)),
        ("2026-11-28T06:30Z", utc(2026, 11, 28, 6, 30)),
        ("۲۰۲۶-۱۱-۲۸ ۱۰:۰۰", utc(2026, 11, 28, 6, 30)),
        # Relative.
        ("+2h", utc(2026, 11, 20, 10, 0)),
        ("+30m", utc(2026, 11, 20, 8, 30)),
        ("+1d", utc(2026, 11, 21, 8, 0)),
        ("+1h30m", utc(2026, 11, 20, 9, 30)),
        ("+۱H ۳۰M", utc(2026, 11, 20, 9, 30)),
        ("+۲ ساعت", utc(2026, 11, 20, 10, 0)),
        ("+۴۵ دقیقه", utc(2026, 11, 20, 8, 45)),
    ],
)
def test_parse_when_accepts_every_documented_form(text: str, expected: datetime) -> None:
    """Each accepted form resolves to the intended instant, returned as aware UTC."""
    result = parse_when(text, NOW, TEHRAN)
    assert result == expected
    assert result.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "متوجه نشدم"),
        ("هر وقت شد", "متوجه نشدم"),
        ("۷ فلان ساعت ۱۰", "متوجه نشدم"),
        ("+2x", "متوجه نشدم"),
        ("2026-13-01 10:00", "وجود ندارد"),
        ("2026-11-28 25:00", "معتبر نیست"),
        ("۷ آذر", "ساعت را هم بنویسید"),
        ("فردا", "ساعت را هم بنویسید"),
        ("1405/09/07", "ساعت را هم بنویسید"),
        ("2026-11-28", "ساعت را هم بنویسید"),
        ("فردا ساعت ۲۵", "معتبر نیست"),
        ("فردا ساعت ۱۰:۶۰", "معتبر نیست"),
        ("فردا ساعت ۲ شب", "۲۴ ساعته"),
        ("فردا ساعت ۱۵ صبح", "۲۴ ساعته"),
        ("۳۰ اسفند ۱۴۰۴ ساعت ۱۰", "وجود ندارد"),
        ("۳۱ مهر ساعت ۱۰", "وجود ندارد"),
        ("2026-02-30 10:00", "وجود ندارد"),
        ("یکشنبه ۷ آذر ساعت ۱۰", "شنبه است، نه یکشنبه"),
        ("۲۹ آبان ساعت ۹", "گذشته است"),  # today, earlier: reported, not moved to next year
        ("۱۴۰۵/۰۸/۰۱ ۱۰:۰۰", "گذشته است"),
        ("2026-11-20T07:59Z", "گذشته است"),
        ("+0m", "بیشتر از صفر"),
    ],
)
def test_parse_when_errors_are_persian(text: str, message_part: str) -> None:
    """Unclear, impossible or past times raise ValueError with a specific Persian message."""
    with pytest.raises(ValueError, match=message_part):
        parse_when(text, NOW, TEHRAN)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=3 * 365 * 24 * 60))
def test_formatted_times_parse_back(minutes_ahead: int) -> None:
    """What format_datetime and format_short print, parse_when reads back to the same minute."""
    moment = NOW + timedelta(minutes=minutes_ahead)
    assert parse_when(format_datetime(moment, TEHRAN), NOW, TEHRAN) == moment
    assert parse_when(format_short(moment, TEHRAN), NOW, TEHRAN) == moment


def test_a_day_that_passed_long_ago_is_the_coming_one() -> None:
    """On 29 Aban, «۱ فروردین» (passed eight months ago, next in four) can only mean the coming Nowruz."""
    assert parse_when("۱ فروردین ساعت ۸", NOW, TEHRAN) == utc(2027, 3, 21, 4, 30)


@pytest.mark.parametrize(
    ("text", "expected", "asked"),
    [
        ("۱ مهر ساعت ۸", utc(2027, 9, 23, 4, 30), "منظورتان ۱ مهر ۱۴۰۶، ساعت ۰۸:۰۰ است؟"),
        ("۲۸ آبان ساعت ۱۰", utc(2027, 11, 19, 6, 30), "منظورتان ۲۸ آبان ۱۴۰۶، ساعت ۱۰:۰۰ است؟"),
        ("شنبه ۷ آذر ساعت ۱۰", None, None),  # this year's, ahead: no question
    ],
)
def test_a_day_without_a_year_that_has_passed_is_asked_not_assumed(
    text: str, expected: datetime | None, asked: str | None
) -> None:
    """On 29 Aban, «۲۸ آبان» is next year's only if the officer says so: YearAhead carries it and asks."""
    if expected is None:
        assert parse_when(text, NOW, TEHRAN) == utc(2026, 11, 28, 6, 30)
        return
    with pytest.raises(YearAhead) as question:
        parse_when(text, NOW, TEHRAN)
    assert question.value.moment == expected
    assert question.value.message.endswith(str(asked))
    # Typed back with its year, the same moment is accepted without a question.
    assert parse_when(format_typed(expected, TEHRAN), NOW, TEHRAN) == expected


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)))
@settings(max_examples=200, deadline=None)
def test_example_times_are_always_in_the_future(now: datetime) -> None:
    """The examples the bot prints (tomorrow at ten) parse, without a question, to a moment after ``now``."""
    for example in example_times(now, TEHRAN):
        assert parse_when(example, now, TEHRAN) > now


def test_unclear_times_are_answered_with_examples_in_the_future() -> None:
    """«زمان را متوجه نشدم» and «ساعت را هم بنویسید» give tomorrow's date, not a fixed one."""
    with pytest.raises(ValueError, match="«۱۴۰۵/۰۸/۳۰ ۱۰:۰۰»، «۳۰ آبان ساعت ۱۰»"):
        parse_when("بعدا", NOW, TEHRAN)
    with pytest.raises(ValueError, match="مثلاً «۳۰ آبان ساعت ۱۰»"):
        parse_when("۷ آذر", NOW, TEHRAN)
    last_day = datetime(2027, 3, 20, 8, 0, tzinfo=UTC)  # 29 Esfand 1405: tomorrow is in 1406
    assert example_times(last_day, TEHRAN) == ("۱ فروردین ۱۴۰۶ ساعت ۱۰", "۱۴۰۶/۰۱/۰۱ ۱۰:۰۰")
