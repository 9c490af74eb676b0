"""Deadlines as people say them: the time left («۵ ساعت و ۲۰ دقیقه مانده», «۳ ساعت از مهلت گذشته»)
and the deadline on the Jalali calendar («تا ۱۳ آذر، ساعت ۱۰:۳۰»).

Pure functions of aware datetimes; the strings are in ``bot/texts/questions.py``.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import jdatetime

from bot.domain.digits import fa
from bot.domain.jalali import MONTH_NAMES, format_time
from bot.texts import (
    Q_DEADLINE,
    Q_SPAN_DAYS,
    Q_SPAN_DAYS_HOURS,
    Q_SPAN_HOURS,
    Q_SPAN_HOURS_MINUTES,
    Q_SPAN_MINUTES,
    Q_TIME_LEFT,
    Q_TIME_LEFT_UNDER_A_MINUTE,
    Q_TIME_OVERDUE,
    Q_TIME_OVERDUE_UNDER_A_MINUTE,
)

_MINUTE, _HOUR, _DAY = 60, 3600, 86400


def span(seconds: float) -> str | None:
    """A positive length of time in its two largest units, rounded to the nearest of the smaller, as people
    say it: «۲ روز و ۳ ساعت», «۵ ساعت و ۲۰ دقیقه», «۴۵ دقیقه» (a zero second unit is left out: «۲ روز» for
    47 hours and 59 minutes, not «۱ روز و ۲۳ ساعت»); None under a minute."""
    if seconds < _MINUTE:
        return None
    minutes_total = round(seconds / _MINUTE)
    if minutes_total >= _DAY // _MINUTE:
        days, hours = divmod(round(seconds / _HOUR), 24)
        return Q_SPAN_DAYS_HOURS.format(days=fa(days), hours=fa(hours)) if hours else Q_SPAN_DAYS.format(days=fa(days))
    hours, minutes = divmod(minutes_total, 60)
    if hours:
        if minutes:
            return Q_SPAN_HOURS_MINUTES.format(hours=fa(hours), minutes=fa(minutes))
        return Q_SPAN_HOURS.format(hours=fa(hours))
    return Q_SPAN_MINUTES.format(minutes=fa(minutes))


def time_left(due_at: datetime, now: datetime) -> str:
    """What is left until ``due_at`` («۵ ساعت و ۲۰ دقیقه مانده», «کمتر از یک دقیقه مانده»), or how long ago
    it passed («۳ ساعت از مهلت گذشته»); the deadline itself counts as passed."""
    if due_at.tzinfo is None or now.tzinfo is None:
        raise TypeError("time_left takes aware datetimes")
    seconds = (due_at - now).total_seconds()
    if seconds > 0:
        left = span(seconds)
        return Q_TIME_LEFT.format(span=left) if left else Q_TIME_LEFT_UNDER_A_MINUTE
    late = span(-seconds)
    return Q_TIME_OVERDUE.format(span=late) if late else Q_TIME_OVERDUE_UNDER_A_MINUTE


def is_overdue(due_at: datetime, now: datetime) -> bool:
    """Whether the deadline has passed (at the deadline itself it has)."""
    return now >= due_at


def deadline(due_at: datetime, tz: ZoneInfo) -> str:
    """The deadline on the wall clock of ``tz`` with its Jalali day and month: «تا ۱۳ آذر، ساعت ۱۰:۳۰»."""
    if due_at.tzinfo is None:
        raise TypeError("deadline takes an aware datetime")
    local = due_at.astimezone(tz)
    day = jdatetime.date.fromgregorian(date=local.date())
    return Q_DEADLINE.format(day=fa(day.day), month=MONTH_NAMES[day.month - 1], time=format_time(due_at, tz))
