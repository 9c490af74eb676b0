"""Times of day that journalists type: quiet hours and the daily digest time, in the bot's time zone.

Pure functions over aware datetimes; the zone is passed in, so tests need no clock.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo

from bot.domain.digits import to_latin_digits, to_persian_digits
from bot.errors import InvalidInput
from bot.texts import MSG_BAD_TIME_OF_DAY, MSG_BAD_TIME_RANGE

# «8», «۸:۳۰», «07.30», «ساعت ۸», «ساعت ۸ و ۳۰ دقیقه», «۷ صبح», «۱۰ شب» (after _plain: Latin digits, one space).
_TIME = re.compile(
    r"^(?:ساعت ?)?(?P<hour>\d{1,2})"
    r"(?:[:.٫](?P<minute>\d{2})| و (?P<minutes>\d{1,2}) دقیقه)?"
    r"(?: (?P<period>صبح|بامداد|ظهر|بعد ?از ?ظهر|عصر|شب))?$"
)
_RANGE_SEPARATOR = re.compile(r" ?(?:-|–|—|تا) ?")
# For each period of the day, the hours it accepts and what to add to them (as in bot.domain.jalali).
_PERIODS: dict[str, tuple[tuple[range, int], ...]] = {
    "صبح": ((range(12), 0),),
    "بامداد": ((range(12), 0),),
    "ظهر": ((range(12, 16), 0), (range(1, 4), 12)),
    "بعدازظهر": ((range(1, 12), 12), (range(12, 24), 0)),
    "عصر": ((range(1, 12), 12), (range(12, 24), 0)),
    "شب": ((range(6, 12), 12), (range(12, 13), -12), (range(18, 24), 0)),
}
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " ", "ـ": None})


def _plain(text: str) -> str:
    """Latin digits, Persian letters, half-spaces as spaces, single spaces."""
    return " ".join(to_latin_digits(unicodedata.normalize("NFKC", text)).translate(_LETTERS).split())


def parse_time_of_day(text: str) -> str:
    """«8», «۸», «ساعت ۸», «۲۳:۰۰», «7:30», «07.30», «ساعت ۸ و ۳۰ دقیقه», «۷ صبح», «۱۰ شب» → ``"HH:MM"``.

    ``InvalidInput`` with the Persian message otherwise, quoting what was typed.
    """
    match = _TIME.match(_plain(text))
    refused = InvalidInput(MSG_BAD_TIME_OF_DAY.format(text=text.strip()))
    if match is None:
        raise refused
    hour, minute = int(match["hour"]), int(match["minute"] or match["minutes"] or 0)
    if match["period"] is not None:
        rules = _PERIODS[match["period"].replace(" ", "")]
        shift = next((shift for hours, shift in rules if hour in hours), None)
        if shift is None:
            raise refused
        hour += shift
    if hour > 23 or minute > 59:
        raise refused
    return f"{hour:02d}:{minute:02d}"


def parse_time_range(text: str) -> tuple[str, str]:
    """«23:00-07:00», «23-7», «۲۳ تا ۷», «از ساعت ۲۳ تا ۷ صبح» → ``("23:00", "07:00")``; the ends must differ."""
    plain = _plain(text).removeprefix("از ")
    pieces = _RANGE_SEPARATOR.split(plain)
    if len(pieces) != 2 or not all(pieces):
        raise InvalidInput(MSG_BAD_TIME_RANGE)
    start, end = (parse_time_of_day(_typed_piece(text, piece)) for piece in pieces)
    if start == end:
        raise InvalidInput(MSG_BAD_TIME_RANGE)
    return start, end


def _typed_piece(text: str, piece: str) -> str:
    """``piece`` of the plain form, as it reads in a refusal: in the digits the user typed it in."""
    return piece if to_latin_digits(text) == text else to_persian_digits(piece)


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
