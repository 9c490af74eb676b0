"""Times of day as journalists type them after /digest and /quiet: bare hours, Persian digits, «ساعت», periods."""

from __future__ import annotations

import pytest

from bot.domain.daytime import parse_time_of_day, parse_time_range
from bot.errors import InvalidInput
from bot.texts import MSG_BAD_TIME_OF_DAY, MSG_BAD_TIME_RANGE


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8", "08:00"),
        ("۸", "08:00"),
        ("٨", "08:00"),
        ("ساعت ۸", "08:00"),
        ("ساعت۸", "08:00"),
        ("8:30", "08:30"),
        ("۸:۳۰", "08:30"),
        ("07.30", "07:30"),
        ("۲۳:۰۰", "23:00"),
        ("ساعت ۸ و ۳۰ دقیقه", "08:30"),
        ("ساعت ۸ و ۵ دقیقه", "08:05"),
        ("۸ صبح", "08:00"),
        ("ساعت ۸ صبح", "08:00"),
        ("۵ عصر", "17:00"),
        ("۲ بعد از ظهر", "14:00"),
        ("۱۰ شب", "22:00"),
        ("۱۲ ظهر", "12:00"),
        ("0", "00:00"),
    ],
)
def test_a_time_of_day_as_people_type_it(typed: str, expected: str) -> None:
    """Each form is one clock time, «HH:MM»."""
    assert parse_time_of_day(typed) == expected


@pytest.mark.parametrize("typed", ["25", "8:75", "24:00", "ساعت", "۸ و نیم", "8:3", "ساعت ۱۵ صبح", "۳ شب", "-1"])
def test_what_is_no_time_of_day_is_refused_with_the_persian_message(typed: str) -> None:
    """Hours beyond 23, minutes beyond 59, a period that does not fit the hour: the existing message."""
    with pytest.raises(InvalidInput) as refused:
        parse_time_of_day(typed)
    assert refused.value.message == MSG_BAD_TIME_OF_DAY.format(text=typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("23-7", ("23:00", "07:00")),
        ("۲۳ تا ۷", ("23:00", "07:00")),
        ("ساعت ۲۳ تا ۷ صبح", ("23:00", "07:00")),
        ("از ساعت ۲۳ تا ساعت ۷", ("23:00", "07:00")),
        ("23:00-07:00", ("23:00", "07:00")),
        ("۲۲:۳۰ – ۶:۱۵", ("22:30", "06:15")),
        ("۱۰ شب تا ۶ صبح", ("22:00", "06:00")),
    ],
)
def test_a_range_as_people_type_it(typed: str, expected: tuple[str, str]) -> None:
    """«23-7», «۲۳ تا ۷», «ساعت ۲۳ تا ۷ صبح» are one window."""
    assert parse_time_range(typed) == expected


@pytest.mark.parametrize("typed", ["23-23", "۷ تا ۷ صبح", "23:00", "23-7-8"])
def test_a_range_with_equal_ends_or_not_two_ends_is_refused(typed: str) -> None:
    """The ends must differ, and there must be two of them."""
    with pytest.raises(InvalidInput) as refused:
        parse_time_range(typed)
    assert refused.value.message == MSG_BAD_TIME_RANGE


def test_a_bad_end_of_a_range_is_named() -> None:
    """An impossible end is quoted as typed."""
    with pytest.raises(InvalidInput) as refused:
        parse_time_range("25-7")
    assert refused.value.message == MSG_BAD_TIME_OF_DAY.format(text="25")
