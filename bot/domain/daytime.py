"""Times of day that journalists type: quiet hours and the daily digest time, in the bot's time zone.

Pure functions over aware datetimes; the zone is passed in, so tests need no clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from bot.domain.digits import to_latin_digits
from bot.errors import InvalidInput
from bot.texts import MSG_BAD_TIME_OF_DAY, MSG_BAD_TIME_RANGE

_TIME = re.compile(r"^(\d{1,2})[:.٫](\d{2})$")


def parse_time_of_day(text: str) -> str:
    """«۲۳:۰۰», «7:30» or «07.30» → ``"HH:MM"``; ``ValueError`` with a Persian message otherwise."""
    match = _TIME.match(to_latin_digits(text.strip()))
    if match is None:
        raise InvalidInput(MSG_BAD_TIME_OF_DAY.format(text=text.strip()))
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise InvalidInput(MSG_BAD_TIME_OF_DAY.format(text=text.strip()))
    return f"{hour:02d}:{minute:02d}"


def parse_time_range(text: str) -> tuple[str, str]:
    """«23:00-07:00» (also with «تا» or an en dash) → ``("23:00", "07:00")``; the ends must differ."""
    pieces = re.split(r"\s*(?:-|–|—|تا)\s*", text.strip())
    if len(pieces) != 2:
        raise InvalidInput(MSG_BAD_TIME_RANGE)
    start, end = parse_time_of_day(pieces[0]), parse_time_of_day(pieces[1])
    if start == end:
        raise InvalidInput(MSG_BAD_TIME_RANGE)
    return start, end


def _clock(hhmm: str) -> time:
    hour, minute = hhmm.split(":")
    return time(int(hour), int(minute))


def in_window(moment: datetime, start: str, end: str, zone: tzinfo) -> bool:
    """Whether ``moment`` falls in the daily window [start, end) of local time; it may span midnight."""
    local = moment.astimezone(zone).time().replace(second=0, microsecond=0, tzinfo=None)
    first, last = _clock(start), _clock(end)
    if first < last:
        return first <= local < last
    return local >= first or local < last


def latest_occurrence(moment: datetime, hhmm: str, zone: tzinfo) -> datetime:
    """The last instant at or before ``moment`` when the local clock read ``hhmm`` (aware, in ``zone``)."""
    local = moment.astimezone(zone)
    today = _at(local.date(), hhmm, zone)
    return today if today <= local else _at(local.date() - timedelta(days=1), hhmm, zone)


def next_occurrence(moment: datetime, hhmm: str, zone: tzinfo) -> datetime:
    """The first instant after ``moment`` when the local clock reads ``hhmm``."""
    return _at(latest_occurrence(moment, hhmm, zone).date() + timedelta(days=1), hhmm, zone)


def _at(day: date, hhmm: str, zone: tzinfo) -> datetime:
    return datetime.combine(day, _clock(hhmm), tzinfo=zone)
