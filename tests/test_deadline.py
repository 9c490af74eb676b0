"""Time left and deadlines as people say them: two units at most, rounded down, Persian digits, Jalali dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.deadline import deadline, is_overdue, span, time_left

NOW = datetime(2025, 12, 1, 6, 0, tzinfo=UTC)
TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.mark.parametrize(
    ("left", "said"),
    [
        (timedelta(hours=5, minutes=20), "۵ ساعت و ۲۰ دقیقه مانده"),
        (timedelta(hours=5, minutes=20, seconds=29), "۵ ساعت و ۲۰ دقیقه مانده"),
        (timedelta(hours=5, minutes=20, seconds=31), "۵ ساعت و ۲۱ دقیقه مانده"),
        (timedelta(hours=5, minutes=59, seconds=45), "۶ ساعت مانده"),
        (timedelta(days=2, hours=3), "۲ روز و ۳ ساعت مانده"),
        (timedelta(days=2, hours=3, minutes=29), "۲ روز و ۳ ساعت مانده"),
        (timedelta(days=2, hours=3, minutes=31), "۲ روز و ۴ ساعت مانده"),
        (timedelta(hours=47, minutes=59, seconds=59), "۲ روز مانده"),  # a question just asked
        (timedelta(hours=23, minutes=59, seconds=45), "۱ روز مانده"),
        (timedelta(days=2), "۲ روز مانده"),
        (timedelta(hours=5), "۵ ساعت مانده"),
        (timedelta(minutes=45), "۴۵ دقیقه مانده"),
        (timedelta(seconds=59), "کمتر از یک دقیقه مانده"),
        (timedelta(seconds=0.5), "کمتر از یک دقیقه مانده"),
        (timedelta(0), "کمتر از یک دقیقه از مهلت گذشته"),
        (-timedelta(seconds=30), "کمتر از یک دقیقه از مهلت گذشته"),
        (-timedelta(hours=3), "۳ ساعت از مهلت گذشته"),
        (-timedelta(hours=3, minutes=20), "۳ ساعت و ۲۰ دقیقه از مهلت گذشته"),
        (-timedelta(days=12, hours=1), "۱۲ روز و ۱ ساعت از مهلت گذشته"),
    ],
)
def test_time_left_is_said_in_its_two_largest_units(left: timedelta, said: str) -> None:
    """The time left (or past the deadline) in days and hours, or hours and minutes, to the nearest hour or minute."""
    assert time_left(NOW + left, NOW) == said


def test_span_under_a_minute_is_none() -> None:
    """Under a minute there is no unit to say; the caller says «کمتر از یک دقیقه»."""
    assert span(59.9) is None
    assert span(60) == "۱ دقیقه"


def test_overdue_at_the_deadline_itself() -> None:
    """The deadline counts as passed the moment it comes."""
    assert is_overdue(NOW, NOW)
    assert not is_overdue(NOW + timedelta(seconds=1), NOW)


@pytest.mark.parametrize(
    ("due", "said"),
    [
        (datetime(2025, 12, 4, 7, 0, tzinfo=UTC), "تا ۱۳ آذر، ساعت ۱۰:۳۰"),
        # 22:00 UTC on 20 March is already 1 Farvardin in Tehran: the new year's day.
        (datetime(2026, 3, 20, 22, 0, tzinfo=UTC), "تا ۱ فروردین، ساعت ۰۱:۳۰"),
    ],
)
def test_deadline_is_the_jalali_day_and_the_wall_time(due: datetime, said: str) -> None:
    """The deadline in Tehran's wall time, with its Jalali day and month."""
    assert deadline(due, TEHRAN) == said


def test_naive_datetimes_are_a_programming_error() -> None:
    """Only aware datetimes are accepted, so a naive one is never read in the wrong zone."""
    with pytest.raises(TypeError):
        time_left(datetime(2025, 12, 1), NOW)
    with pytest.raises(TypeError):
        deadline(datetime(2025, 12, 1), TEHRAN)
