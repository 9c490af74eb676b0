"""The periods the admins' figures count over, computed in one place.

"Today" is the calendar day on the bot's clock (``settings.timezone``, Asia/Tehran), from its midnight to the
next; "the last seven days" ends now; "this month" is the Jalali month. ``/stats``, ``/backup``, ``/report``
and ``/my`` all take their bounds from here and count with ``storage.reports.Reports.totals``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.jalali import current_jalali_month, jalali_month_bounds

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Period:
    """``start <= t < end`` in UTC."""

    start: datetime
    end: datetime


def day_period(moment: datetime, zone: ZoneInfo) -> Period:
    """The calendar day ``moment`` falls on, on ``zone``'s clock: from its midnight to the next one."""
    day = moment.astimezone(zone).date()
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    return Period(start.astimezone(UTC), end.astimezone(UTC))


def week_period(now: datetime) -> Period:
    """The last seven days, up to ``now``."""
    return Period(now - WEEK, now)


def month_period(year: int, month: int, zone: ZoneInfo) -> Period:
    """A Jalali month on ``zone``'s clock."""
    start, end = jalali_month_bounds(year, month, zone)
    return Period(start, end)


def this_month(now: datetime, zone: ZoneInfo) -> tuple[int, int, Period]:
    """The Jalali month ``now`` falls in on ``zone``'s clock: its year, its number and its bounds."""
    year, month = current_jalali_month(now, zone)
    return year, month, month_period(year, month, zone)
