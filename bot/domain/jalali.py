"""Jalali (Solar Hijri) dates: formatting for display and parsing of scheduling times.

Everything shown to a user is in Persian digits with Persian month and weekday names. Every
datetime that enters or leaves this module is timezone-aware; the wall clock that users mean is
that of the bot's timezone (``BOT_TIMEZONE``, Asia/Tehran by default). Iran has had no daylight
saving time since 2022, and zoneinfo already knows the history, so no offset is hard-coded here.

``parse_when`` raises ``ValueError`` whose message is Persian and meant to be shown to the user as
is. A naive datetime passed in is a programming error, reported with ``TypeError`` so that it can
never be mistaken for a user's typo.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import jdatetime

from bot.domain.digits import fa, to_latin_digits, to_persian_digits
from bot.errors import InvalidInput
from bot.texts import (
    MSG_BAD_DATE,
    MSG_BAD_MONTH,
    MSG_BAD_PERIOD,
    MSG_BAD_TIME,
    MSG_IN_PAST,
    MSG_NOT_UNDERSTOOD,
    MSG_TIME_MISSING,
    MSG_WEEKDAY_MISMATCH,
    MSG_YEAR_AHEAD,
    MSG_ZERO_DELAY,
)

MONTH_NAMES: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
# Index 0 is Saturday, the first day of the Persian week (jdatetime's own convention).
WEEKDAY_NAMES: tuple[str, ...] = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")

# Years below this are Jalali (today ~1405), above it Gregorian (today ~2026); nobody schedules
# a release for the 17th century of either calendar.
_FIRST_GREGORIAN_YEAR = 1700


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise TypeError(f"{name} must be timezone-aware")


def _jalali_date(moment: datetime, tz: ZoneInfo) -> tuple[jdatetime.date, datetime]:
    """Return the Jalali calendar date of ``moment`` on the wall clock of ``tz``, and that wall time."""
    _require_aware(moment, "dt")
    local = moment.astimezone(tz)
    return jdatetime.date.fromgregorian(date=local.date()), local


def _jalali_weekday(day: date) -> int:
    """Weekday index with 0 = Saturday, matching ``WEEKDAY_NAMES``."""
    return (day.weekday() + 2) % 7


def format_date(dt: datetime, tz: ZoneInfo, *, with_weekday: bool = False) -> str:
    """Return the Jalali date of ``dt`` in ``tz``, e.g. «۷ آذر ۱۴۰۵» or «شنبه ۷ آذر ۱۴۰۵»."""
    jday, local = _jalali_date(dt, tz)
    text = _day_month_year(jday)
    if with_weekday:
        text = f"{WEEKDAY_NAMES[_jalali_weekday(local.date())]} {text}"
    return text


def _day_month_year(jday: jdatetime.date) -> str:
    return to_persian_digits(f"{jday.day} {MONTH_NAMES[jday.month - 1]} {jday.year}")


def format_time(dt: datetime, tz: ZoneInfo) -> str:
    """Return the 24-hour wall time of ``dt`` in ``tz``, e.g. «۱۰:۰۰»."""
    _require_aware(dt, "dt")
    return to_persian_digits(dt.astimezone(tz).strftime("%H:%M"))


def format_datetime(dt: datetime, tz: ZoneInfo) -> str:
    """Return date and time for prose, e.g. «۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰»."""
    return f"{format_date(dt, tz)}، ساعت {format_time(dt, tz)}"


def format_short(dt: datetime, tz: ZoneInfo) -> str:
    """Return the compact numeric form used in lists, e.g. «۱۴۰۵/۰۹/۰۷ ۱۰:۰۰»."""
    jday, local = _jalali_date(dt, tz)
    return to_persian_digits(f"{jday.year:04d}/{jday.month:02d}/{jday.day:02d} {local:%H:%M}")


def format_month(year: int, month: int) -> str:
    """Return a Jalali month for headings, e.g. «آذر ۱۴۰۵»."""
    _check_month(month)
    return to_persian_digits(f"{MONTH_NAMES[month - 1]} {year}")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidInput(MSG_BAD_MONTH)


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def jalali_month_bounds(year: int, month: int, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Return the UTC start (inclusive) and end (exclusive) of a Jalali month on the clock of ``tz``.

    The end is the start of the next month, so ``start <= t < end`` selects exactly the month.
    """
    _check_month(month)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    start = _local_midnight(jdatetime.date(year, month, 1).togregorian(), tz)
    end = _local_midnight(jdatetime.date(next_year, next_month, 1).togregorian(), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def current_jalali_month(now: datetime, tz: ZoneInfo) -> tuple[int, int]:
    """Return ``(year, month)`` of the Jalali month that ``now`` falls in on the clock of ``tz``."""
    jday, _ = _jalali_date(now, tz)
    return jday.year, jday.month


# --- parsing -----------------------------------------------------------------------------------

_LETTER_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ـ": None, "\u200c": " ", "،": " ", ",": " "})


def _normalize(text: str) -> str:
    """Latin digits, Persian letters, ZWNJ and commas as spaces, single spaces, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = to_latin_digits(text).translate(_LETTER_VARIANTS).lower()
    return " ".join(text.split())


def _spaced(word: str) -> str:
    """Regex for a name written with a space, a ZWNJ (already a space) or nothing inside it."""
    return r"\s?".join(re.escape(piece) for piece in _normalize(word).split())


def _alternatives(names: list[str]) -> str:
    # Longest first, so that «سه‌شنبه» is not read as «شنبه» with a stray word before it.
    return "|".join(sorted((_spaced(name) for name in names), key=len, reverse=True))


_MONTH_LOOKUP = {_normalize(name): index for index, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_LOOKUP |= {"امرداد": 5, "اذر": 9, "ابان": 8}  # spellings people really type
_WEEKDAY_NAME_PATTERN = _alternatives([*WEEKDAY_NAMES, "پنج شنبه"])
_WEEKDAY_LOOKUP = {_normalize(name).replace(" ", ""): index for index, name in enumerate(WEEKDAY_NAMES)}
_RELATIVE_DAYS = {"امروز": 0, "فردا": 1, "پسفردا": 2}
_PERIODS = {"صبح": "am", "بامداد": "am", "ظهر": "noon", "بعدازظهر": "pm", "عصر": "pm", "شب": "night"}

_PERIOD_PATTERN = _alternatives([*_PERIODS, "بعد از ظهر"])
_TIME = rf"(?:ساعت\s?)?(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?(?:\s(?P<period>{_PERIOD_PATTERN}))?"

_RELATIVE_PATTERN = re.compile(r"\+\s?(?:\d+\s?(?:d|h|m|روز|ساعت|دقیقه)\s?)+")
_RELATIVE_PIECE = re.compile(r"(\d+)\s?(d|h|m|روز|ساعت|دقیقه)")
_ISO_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?")
_NUMERIC_PATTERN = re.compile(r"(?P<year>\d{4})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?:\s" + _TIME + r")?")
_NATURAL_PATTERN = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY_NAME_PATTERN})\s?)?"
    rf"(?:(?P<day>\d{{1,2}})\s(?P<month>[^\d\s]+)(?:\s(?P<year>\d{{4}}))?\s"
    rf"|(?P<relday>{_alternatives(['امروز', 'فردا', 'پس فردا'])})\s)?"
    rf"{_TIME}"
)
_DATE_WITHOUT_TIME = re.compile(
    rf"(?:(?:{_WEEKDAY_NAME_PATTERN})\s?)?(?:\d{{1,2}}\s[^\d\s]+(?:\s\d{{4}})?|امروز|فردا|پس\s?فردا)"
    r"|\d{4}[/-]\d{1,2}[/-]\d{1,2}"
)


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """Return the future moment a user means by ``text``, as an aware UTC datetime.

    Accepted forms (Persian or Latin digits throughout):
    Jalali «۱۴۰۵/۰۹/۰۷ ۱۰:۰۰» (or with «-»); «۷ آذر ساعت ۱۰», «۷ آذر ۱۴۰۵ ساعت ۱۰:۳۰»,
    «شنبه ۷ آذر ساعت ۱۰ صبح»; «امروز/فردا/پس‌فردا ساعت ۹»; «شنبه ساعت ۱۰» (the next Saturday);
    «ساعت ۱۸» (the next time the clock shows it); ISO Gregorian «2026-11-28 10:00», with «T» and
    an offset or «Z»; relative «+2h», «+30m», «+1d», «+1h30m» (also «+۲ ساعت»، «+۳۰ دقیقه»).

    A date without a year is this year's; when that day has already passed, ``YearAhead`` (an
    ``InvalidInput`` whose message asks «منظورتان … است؟») carries the same day next year, to be
    confirmed rather than assumed. Wall times are read on the clock of ``tz``. Raises ``ValueError``
    with a Persian message when the text cannot be understood, names an impossible date or time, or
    lies in the past; the examples it gives are in the future (``example_times``).
    """
    _require_aware(now, "now")
    normalized = _normalize(text)
    try:
        result = _parse_normalized(normalized, now, tz)
    except _Unclear as unclear:
        natural, numeric = example_times(now, tz)
        if unclear.time_missing:
            raise InvalidInput(MSG_TIME_MISSING.format(natural=natural)) from None
        raise InvalidInput(MSG_NOT_UNDERSTOOD.format(natural=natural, numeric=numeric)) from None
    if result <= now:
        raise InvalidInput(MSG_IN_PAST.format(when=format_datetime(result, tz)))
    return result.astimezone(UTC)


class _Unclear(Exception):
    """The text is not understood, or (``time_missing``) names a day without its time; parse_when says
    so with examples that are in the future."""

    def __init__(self, *, time_missing: bool) -> None:
        super().__init__()
        self.time_missing = time_missing


class YearAhead(InvalidInput):
    """A day and month without a year that have already passed this year: ``moment`` is that day next year
    (aware, UTC), and the message asks whether it is meant."""

    def __init__(self, moment: datetime, tz: ZoneInfo) -> None:
        super().__init__(MSG_YEAR_AHEAD.format(date=format_datetime(moment, tz)))
        self.moment = moment.astimezone(UTC)


def format_typed(moment: datetime, tz: ZoneInfo) -> str:
    """``moment`` as an officer would type it, with its year: «۷ آذر ۱۴۰۶ ساعت ۱۰:۰۰» (parse_when reads it back)."""
    return f"{format_date(moment, tz)} ساعت {format_time(moment, tz)}"


def example_times(now: datetime, tz: ZoneInfo) -> tuple[str, str]:
    """Two example times that are in the future at ``now``: tomorrow at 10:00, «۱۲ آذر ساعت ۱۰» (with the
    year when tomorrow is in the next Jalali year) and «۱۴۰۵/۰۹/۱۲ ۱۰:۰۰»."""
    _require_aware(now, "now")
    local = now.astimezone(tz)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=tz).replace(hour=10)
    jday, jtomorrow = jdatetime.date.fromgregorian(date=local.date()), jdatetime.date.fromgregorian(date=tomorrow)
    natural = f"{jtomorrow.day} {MONTH_NAMES[jtomorrow.month - 1]}"
    if jtomorrow.year != jday.year:
        natural += f" {jtomorrow.year}"
    return to_persian_digits(f"{natural} ساعت 10"), format_short(tomorrow, tz)


def _parse_normalized(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    if _RELATIVE_PATTERN.fullmatch(text):
        return _parse_relative(text, now)
    if _ISO_PATTERN.fullmatch(text) and int(text[:4]) >= _FIRST_GREGORIAN_YEAR:
        return _parse_iso(text, tz)
    if match := _NUMERIC_PATTERN.fullmatch(text):
        return _parse_numeric(match, tz)
    if match := _NATURAL_PATTERN.fullmatch(text):
        return _parse_natural(match, now, tz)
    if _DATE_WITHOUT_TIME.fullmatch(text):
        raise _Unclear(time_missing=True)
    raise _Unclear(time_missing=False)


def _parse_relative(text: str, now: datetime) -> datetime:
    seconds_per_unit = {"d": 86400, "روز": 86400, "h": 3600, "ساعت": 3600, "m": 60, "دقیقه": 60}
    seconds = sum(int(amount) * seconds_per_unit[unit] for amount, unit in _RELATIVE_PIECE.findall(text))
    if seconds == 0:
        raise InvalidInput(MSG_ZERO_DELAY)
    return now + timedelta(seconds=seconds)


def _parse_iso(text: str, tz: ZoneInfo) -> datetime:
    if len(text) == len("2026-11-28"):
        raise _Unclear(time_missing=True)
    _gregorian_date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    try:
        moment = datetime.fromisoformat(text.upper())
    except ValueError:
        raise InvalidInput(MSG_BAD_TIME.format(time=to_persian_digits(text[11:16]))) from None
    # A Gregorian time without an offset is a wall time in the bot's timezone, like every other form.
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def _parse_numeric(match: re.Match[str], tz: ZoneInfo) -> datetime:
    if match["hour"] is None:
        raise _Unclear(time_missing=True)
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    hour, minute, extra_days = _clock(match)
    if year >= _FIRST_GREGORIAN_YEAR:
        day_gregorian = _gregorian_date(year, month, day)
    else:
        day_gregorian = _gregorian_of_jalali(year, month, day)
    return _at(day_gregorian + timedelta(days=extra_days), hour, minute, tz)


def _parse_natural(match: re.Match[str], now: datetime, tz: ZoneInfo) -> datetime:
    hour, minute, carry = _clock(match)
    weekday = _WEEKDAY_LOOKUP[match["weekday"].replace(" ", "")] if match["weekday"] else None
    today = now.astimezone(tz).date()

    def on(day: date) -> datetime:
        return _at(day + timedelta(days=carry), hour, minute, tz)

    rolled = False
    if match["month"] is not None:
        day, rolled = _resolve_day_month(match, today)
    elif match["relday"] is not None:
        day = today + timedelta(days=_RELATIVE_DAYS[match["relday"].replace(" ", "")])
    else:
        # No date: the first day from today on (on the named weekday, if any) whose time is ahead.
        day = today
        while (weekday is not None and _jalali_weekday(day) != weekday) or on(day) <= now:
            day += timedelta(days=1)
    if weekday is not None and _jalali_weekday(day) != weekday:
        raise InvalidInput(
            MSG_WEEKDAY_MISMATCH.format(
                date=_day_month_year(jdatetime.date.fromgregorian(date=day)),
                actual=WEEKDAY_NAMES[_jalali_weekday(day)],
                given=WEEKDAY_NAMES[weekday],
            )
        )
    if rolled:
        raise YearAhead(on(day), tz)
    return on(day)


# A day without a year that passed this recently is asked about (see _resolve_day_month).
RECENTLY_PASSED = timedelta(days=183)


def _resolve_day_month(match: re.Match[str], today: date) -> tuple[date, bool]:
    """The day named, and whether it lies next year because this year's has passed (no year was typed)."""
    month = _MONTH_LOOKUP.get(match["month"].replace(" ", ""))
    if month is None:
        raise _Unclear(time_missing=False)
    day = int(match["day"])
    if match["year"] is not None:
        return _gregorian_of_jalali(int(match["year"]), month, day), False
    jalali_today = jdatetime.date.fromgregorian(date=today)
    # This year's day unless it is already behind us; then next year's. Today itself stays this year, so
    # «۷ آذر ساعت ۹» typed on 7 Azar at 10:00 is reported as past. A day that passed within the last half
    # year may be a slip (a wrong digit, last week's date copied): next year's is asked, never assumed
    # (YearAhead). One that passed longer ago («۱ فروردین» typed in Esfand) can only mean the coming one.
    if (month, day) >= (jalali_today.month, jalali_today.day):
        return _gregorian_of_jalali(jalali_today.year, month, day), False
    coming = _gregorian_of_jalali(jalali_today.year + 1, month, day)
    try:
        passed = _gregorian_of_jalali(jalali_today.year, month, day)
    except InvalidInput:  # «۳۰ اسفند» of a year that has no such day
        return coming, True
    return coming, today - passed <= RECENTLY_PASSED


# For each period of the day, the hours it accepts and what to add to them. «۱۲ شب» becomes 24:00,
# i.e. midnight at the end of the named day. Small hours with «شب» («۲ شب») are ambiguous about
# the day, so they are refused and the user is asked for the 24-hour form.
_PERIOD_RULES: dict[str, tuple[tuple[range, int], ...]] = {
    "am": ((range(12), 0), (range(12, 13), -12)),
    "noon": ((range(12, 16), 0), (range(1, 4), 12)),
    "pm": ((range(1, 12), 12), (range(12, 24), 0)),
    "night": ((range(6, 13), 12), (range(18, 24), 0)),
}


def _clock(match: re.Match[str]) -> tuple[int, int, int]:
    """Return hour, minute and a day carry (1 when «۱۲ شب» rolls over to the next day)."""
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(MSG_BAD_TIME.format(time=to_persian_digits(f"{hour}:{minute:02d}")))
    if match["period"] is None:
        return hour, minute, 0
    for hours, shift in _PERIOD_RULES[_PERIODS[match["period"].replace(" ", "")]]:
        if hour in hours:
            carry, hour = divmod(hour + shift, 24)
            return hour, minute, carry
    raise InvalidInput(MSG_BAD_PERIOD.format(hour=fa(hour), period=match["period"]))


def _gregorian_of_jalali(year: int, month: int, day: int) -> date:
    try:
        converted: date = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        raise InvalidInput(MSG_BAD_DATE.format(date=to_persian_digits(f"{year}/{month:02d}/{day:02d}"))) from None
    return converted


def _gregorian_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(MSG_BAD_DATE.format(date=to_persian_digits(f"{year}-{month:02d}-{day:02d}"))) from None


def _at(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def parse_jalali_month(text: str) -> tuple[int, int]:
    """Return ``(year, month)`` from «1405-09», «۱۴۰۵/۹» or «آذر ۱۴۰۵» (for ``/report``).

    Raises ``ValueError`` with a Persian message for anything else.
    """
    normalized = _normalize(text)
    if match := re.fullmatch(r"(\d{4})[/-](\d{1,2})", normalized):
        year, month = int(match[1]), int(match[2])
    elif (match := re.fullmatch(r"(\S+)\s(\d{4})", normalized)) and match[1] in _MONTH_LOOKUP:
        year, month = int(match[2]), _MONTH_LOOKUP[match[1]]
    else:
        raise InvalidInput(MSG_BAD_MONTH)
    _check_month(month)
    return year, month
