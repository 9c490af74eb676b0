"""Embargo notes in press releases: «انتشار این خبر تا ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ ممنوع است.»

PR officers hold a release back with a sentence of its own. :func:`find_embargo` finds that
sentence and the moment it names, so the bot can offer it as the release's schedule;
:func:`strip_embargo` takes the sentence out of the text that journalists receive once it has passed.

A sentence is recognised on its :func:`~bot.domain.text.fold` (Arabic or Persian letters, Persian
or Latin digits, with or without ZWNJ all look alike there). The time is read from the original
sentence, because folding turns «۱۰:۳۰» and «۱۴۰۵/۰۹/۰۷» into loose numbers: its pieces (weekday,
date, time of day) are picked out wherever they stand and put in the order
:func:`~bot.domain.jalali.parse_when` accepts, which then does the calendar work. Anything
doubtful — a piece given twice, a number or month name left over, a clock in another timezone,
a date without a time — means no embargo: the officer then schedules by hand, which is better
than a release held to the wrong moment.

Pure: no I/O, and no user-facing text (``parse_when``'s Persian messages are not passed on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import jdatetime

from bot.domain.digits import to_latin_digits
from bot.domain.jalali import MONTH_NAMES, WEEKDAY_NAMES, parse_when
from bot.domain.text import ZWNJ, clean_unicode, fold

__all__ = ["Embargo", "find_embargo", "strip_embargo"]


@dataclass(frozen=True, slots=True)
class Embargo:
    """An embargo note found in a release.

    ``until`` is the moment publication is allowed (aware, UTC); ``sentence`` is the note exactly
    as it appears in the text, for :func:`strip_embargo`.
    """

    until: datetime
    sentence: str


# --- sentences ---------------------------------------------------------------------------------

# A sentence runs to the end of its line or to . ! ? ؟ … followed by a space, so «۱۰.۳۰» and
# «۱۴۰۵/۰۹/۰۷» stay whole and «EMBARGO: 1405/09/07 10:00» without a full stop is one sentence.
_SENTENCE = re.compile(r"\S(?:[^\n]*?\S)?(?=[^\S\n]*(?:\n|\Z)|(?<=[.!?؟…])[^\S\n]+)")


# A full stop after these is an abbreviation («10 a.m. on Sat. Nov. 28»), not the end of a sentence.
_ABBREVIATION = re.compile(
    r"(?<![A-Za-z])(?:[ap]\.m|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|sat|sun|mon|tues?|wed|thu(?:rs?)?|fri)\.\Z",
    re.IGNORECASE,
)
_MORE_ON_LINE = re.compile(r"[^\S\n]*\S")


def _sentences(text: str) -> Iterator[str]:
    start: int | None = None
    for match in _SENTENCE.finditer(text):
        start = match.start() if start is None else start
        if _ABBREVIATION.search(match.group()) and _MORE_ON_LINE.match(text, match.end()):
            continue
        yield text[start : match.end()]
        start = None


# --- recognising a note (on folded text: single spaces, Persian letters, Latin digits) ----------

_PUBLISH = "(?:انتشار|درج|پخش|مخابره)"
_IS_NOT = "(?:نیست|نمیباشد|نمیشود|نمیگردد|نخواهد بود)"
_IS = "(?:است|میباشد|خواهد بود)"


def _words(*patterns: str) -> re.Pattern[str]:
    """Regex matching any of ``patterns`` as whole words of a folded text."""
    return re.compile("|".join(rf"(?<!\S)(?:{pattern})(?!\S)" for pattern in patterns))


# A note is a run of phrases in this order, anything in between. Each phrase is searched for
# after the previous one, rather than with «.*» in one regex, so that a long line full of
# «انتشار» cannot make the search quadratic.
_Note = tuple[re.Pattern[str], ...]


def _note(*phrases: str) -> _Note:
    return tuple(_words(phrase) for phrase in phrases)


# Notes that forbid publication until a moment.
_FORBIDS: tuple[_Note, ...] = (
    _note(_PUBLISH, "ممنوع"),  # انتشار این خبر تا … ممنوع است
    _note("ممنوع ?الانتشار"),  # این خبر تا … ممنوع‌الانتشار است
    _note(_PUBLISH, f"(?:مجاز|جایز) {_IS_NOT}"),  # انتشار خبر پیش از … مجاز نیست
    _note(_PUBLISH, "غیر ?مجاز"),
    _note(f"قابل {_PUBLISH} {_IS_NOT}"),  # این خبر تا … قابل انتشار نیست
    _note("منتشر (?:نشود|نگردد|نکنید|نفرمایید|نمیشود|نخواهد شد)"),  # خبر تا … منتشر نشود
    _note("نباید", "منتشر (?:شود|گردد|کنید)"),
    _note(f"از {_PUBLISH}", "خودداری"),  # تا … از انتشار این خبر خودداری شود
    _note("تحریم خبری"),
    _note("embargo(?:ed)?"),  # EMBARGO: …, embargoed until …
    _note("not for (?:publication|release|broadcast)"),
    _note("do not (?:publish|release|broadcast)"),
    _note("not (?:to )?be (?:published|released|broadcast)"),  # may not be published before …
)
# Notes that allow publication from a moment: «این خبر از ساعت ۱۰ صبح شنبه قابل انتشار است».
_ALLOWS: tuple[_Note, ...] = (
    _note(f"قابل {_PUBLISH} {_IS}"),
    _note(_PUBLISH, f"(?:مجاز|ازاد) {_IS}"),
)


def _says(folded: str, notes: tuple[_Note, ...]) -> bool:
    """Tell whether ``folded`` holds the phrases of one of ``notes``, in order."""
    for phrases in notes:
        position = 0
        for phrase in phrases:
            match = phrase.search(folded, position)
            if match is None:
                break
            position = match.end()
        else:
            return True
    return False


_UNTIL = _words("تا", "پیش از", "قبل از", "until", "till", "before")
_FROM = _words("از", "from", "after")
# «پس از ساعت ۱۰ … ممنوع است» forbids publication *after* a moment: that is no embargo.
# («بعد از ظهر» is a time of day, not «after».)
_AFTER = _words("(?:پس|بعد) از(?! ظهر(?!\\S))", "after")
_SELF_DATING = _words(r"embargo(?:ed)?", "تحریم خبری")
_UNTIL_ONLY = _words("تا", "until", "till")


def _is_note(folded: str) -> bool:
    """Tell whether a folded sentence holds publication back until a moment it names."""
    if _says(folded, _FORBIDS):
        return bool(_UNTIL.search(folded) or _SELF_DATING.search(folded)) and not _AFTER.search(folded)
    if _says(folded, _ALLOWS):
        return bool(_FROM.search(folded)) and not _UNTIL_ONLY.search(folded)
    return False


# --- reading the time (on a light normalisation of the original sentence) ----------------------

_LETTER = r"[^\W\d_]"
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SEPARATORS = re.compile(r"[\s،,؛;()«»\[\]]+")


def _view(sentence: str) -> str:
    """Return ``sentence`` with Persian letters, Latin digits, no ZWNJ or commas, lower case, single spaces.

    Unlike :func:`fold` it keeps the «:», «/», «-», «+» and «.» that dates and times are written with.
    """
    text = clean_unicode(sentence).replace(ZWNJ, " ").replace("آ", "ا")
    text = to_latin_digits(_DIACRITICS.sub("", text)).lower()
    return " ".join(_SEPARATORS.sub(" ", text).split())


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


_JALALI_MONTHS = {name.replace("آ", "ا"): number for number, name in enumerate(MONTH_NAMES, start=1)}
_JALALI_MONTHS["امرداد"] = 5
_GREGORIAN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {name.replace(ZWNJ, ""): index for index, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAYS |= {
    name: index
    for index, names in enumerate(
        (
            ("saturday", "sat"),
            ("sunday", "sun"),
            ("monday", "mon"),
            ("tuesday", "tues", "tue"),
            ("wednesday", "wed"),
            ("thursday", "thurs", "thur", "thu"),
            ("friday", "fri"),
        )
    )
    for name in names
}
_RELATIVE_DAYS = {"امروز": "امروز", "today": "امروز", "فردا": "فردا", "tomorrow": "فردا", "پسفردا": "پس فردا"}
_PERIODS = {
    "صبح": "صبح",
    "بامداد": "بامداد",
    "ظهر": "ظهر",
    "بعدازظهر": "بعدازظهر",
    "عصر": "عصر",
    "شب": "شب",
    "am": "صبح",
    "pm": "بعدازظهر",
}

_NO_DATE_CHAR_BEFORE = r"(?<![\d/.:+-])"
_ISO_OFFSET = r"(?:z|[+-]\d{2}(?::?\d{2})?)"
# An ISO moment that carries its own clock or offset goes to parse_when as written.
_ISO = re.compile(
    rf"{_NO_DATE_CHAR_BEFORE}\d{{4}}-\d{{2}}-\d{{2}}"
    rf"(?:t\d{{2}}:\d{{2}}(?::\d{{2}})?{_ISO_OFFSET}?|[ ]\d{{2}}:\d{{2}}(?::\d{{2}})?{_ISO_OFFSET})(?![\w:+-])"
)
# 1405/09/07, 1405-9-7, 1405.09.07; a year from 1700 on is Gregorian (2026/11/28).
_NUMERIC_DATE = re.compile(
    rf"{_NO_DATE_CHAR_BEFORE}(?P<year>\d{{4}})(?P<sep>[/.-])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?![\d/-]|\.\d)"
)
# ۷ آذر، ۷ آذر ۱۴۰۵، ۷ آذرماه سال ۱۴۰۵.
_JALALI_DATE = re.compile(
    rf"{_NO_DATE_CHAR_BEFORE}(?P<day>\d{{1,2}}) ?(?P<month>{_alternation(_JALALI_MONTHS)})(?: ?ماه)?(?!{_LETTER})"
    r"(?: (?:سال )?(?P<year>\d{4})(?!\d))?"
)
_GREGORIAN_MONTH = rf"(?P<month>{_alternation(_GREGORIAN_MONTHS)})\.?(?![a-z])"
_ORDINAL = r"(?:st|nd|rd|th)?"
# 28 November 2026, November 28 2026 (commas are gone in the view); the year is required.
_GREGORIAN_DATES = (
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_ORDINAL} (?:of )?{_GREGORIAN_MONTH} (?P<year>\d{{4}})(?!\d)"),
    re.compile(rf"(?<![a-z]){_GREGORIAN_MONTH} (?P<day>\d{{1,2}}){_ORDINAL} (?P<year>\d{{4}})(?!\d)"),
)
_RELATIVE_DAY = re.compile(rf"(?<!{_LETTER})(?P<day>پس ?فردا|فردا|امروز|tomorrow|today)(?!{_LETTER})")
_WEEKDAY = re.compile(
    rf"(?<!{_LETTER})(?P<weekday>(?:(?:یک|دو|سه|چهار|پنج) ?)?شنبه|جمعه"
    rf"|{_alternation({name: 0 for name in _WEEKDAYS if name.isascii()})})(?!{_LETTER})"
)
# ساعت ۱۰، ساعت ۱۰:۳۰، ساعت ۱۰ و ۳۰ دقیقه، ساعت ۱۰ و نیم، ۱۰ صبح، 10:00، 10 am. A bare number is not a time.
_TIME = re.compile(
    rf"(?:(?<!{_LETTER})(?P<word>ساعت ?|at ))?(?<![\d/.:+-])(?P<hour>\d{{1,2}})"
    r"(?:[:.](?P<minute>\d{2})| و (?P<minutes>\d{1,2}) دقیقه| و (?P<half>نیم))?(?![\d:/])"
    rf"(?: ?(?P<period>صبح|بامداد|بعد ?از ?ظهر|ظهر|عصر|شب|[ap]\.?m\.?)(?![a-z]|{_LETTER}))?"
)
_OTHER_ZONE = re.compile(rf"(?<![a-z])(?:utc|gmt)(?![a-z])|(?<!{_LETTER})گرینویچ(?!{_LETTER})")
# «may» is left out: «may not be published before …» is English, not a month.
_MONTH_WORD = re.compile(
    rf"(?<!{_LETTER})(?:{_alternation(_JALALI_MONTHS)})(?!{_LETTER})"
    rf"|(?<![a-z])(?:{_alternation({name: 0 for name in _GREGORIAN_MONTHS if name != 'may'})})(?![a-z])"
)
# A note whose date has no year is read as the next occurrence of that date; one that far ahead
# more likely named a day that has just passed (a stale note) than an embargo of half a year.
_LONGEST_YEARLESS_EMBARGO = timedelta(days=183)


class _Unreadable(Exception):
    """The note names no single, possible moment: a piece given twice, an impossible date."""


class _Pieces:
    """Takes the pieces of a time expression out of a view, blanking each one out as it goes."""

    def __init__(self, view: str) -> None:
        self.rest = view

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Return the one match of ``pattern`` in what is left; two of them make the time unreadable."""
        matches = list(pattern.finditer(self.rest))
        if not matches:
            return None
        if len(matches) > 1:
            raise _Unreadable
        match = matches[0]
        start, end = match.span()
        self.rest = self.rest[:start] + "\x00" * (end - start) + self.rest[end:]
        return match


def _jalali_of_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    try:
        gregorian = date(year, month, day)
    except ValueError:
        raise _Unreadable from None
    jalali = jdatetime.date.fromgregorian(date=gregorian)
    return int(jalali.year), int(jalali.month), int(jalali.day)


def _date_piece(pieces: _Pieces) -> tuple[str | None, bool]:
    """Return the date as parse_when reads it («۷ آذر ۱۴۰۵», «فردا») and whether it names its year."""
    found: list[tuple[int | None, int, int]] = []
    if match := pieces.take(_NUMERIC_DATE):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        # Years from 1700 on are Gregorian, as in parse_when.
        found.append(_jalali_of_gregorian(year, month, day) if year >= 1700 else (year, month, day))
    if match := pieces.take(_JALALI_DATE):
        found.append((int(match["year"]) if match["year"] else None, _JALALI_MONTHS[match["month"]], int(match["day"])))
    for pattern in _GREGORIAN_DATES:
        if match := pieces.take(pattern):
            found.append(_jalali_of_gregorian(int(match["year"]), _GREGORIAN_MONTHS[match["month"]], int(match["day"])))
    relative = pieces.take(_RELATIVE_DAY)
    if len(found) + (relative is not None) > 1:
        raise _Unreadable
    if relative is not None:
        return _RELATIVE_DAYS[relative["day"].replace(" ", "")], True
    if not found:
        return None, True
    year_or_none, month, day = found[0]
    if not 1 <= month <= 12:
        raise _Unreadable
    month_name = MONTH_NAMES[month - 1]
    if year_or_none is None:
        return f"{day} {month_name}", False
    return f"{day} {month_name} {year_or_none}", True


def _time_piece(match: re.Match[str]) -> str | None:
    """Return the time of day as parse_when reads it («ساعت ۱۰:۳۰ صبح»), or None for a bare number."""
    if match["minute"] is not None:
        minute: int | None = int(match["minute"])
    elif match["minutes"] is not None:
        minute = int(match["minutes"])
    elif match["half"] is not None:
        minute = 30
    else:
        minute = None
    period = _PERIODS[match["period"].replace(" ", "").replace(".", "")] if match["period"] else None
    if match["word"] is None and minute is None and period is None:
        return None
    clock = match["hour"] if minute is None else f"{match['hour']}:{minute:02d}"
    return f"ساعت {clock}" + (f" {period}" if period else "")


def _time_expression(sentence: str) -> tuple[str, bool] | None:
    """Return the moment a note names, in an order parse_when accepts, and whether its year is explicit.

    None when the note names no clear moment.
    """
    view = _view(sentence)
    pieces = _Pieces(view)
    try:
        if iso := pieces.take(_ISO):
            if pieces.take(_TIME) or pieces.take(_NUMERIC_DATE) or pieces.take(_JALALI_DATE):
                return None
            expression, has_year = iso.group(), True
        else:
            if _OTHER_ZONE.search(view):
                return None
            weekday = pieces.take(_WEEKDAY)
            day, has_year = _date_piece(pieces)
            time_match = pieces.take(_TIME)
            time = _time_piece(time_match) if time_match else None
            if time is None:
                return None
            parts = [WEEKDAY_NAMES[_WEEKDAYS[weekday["weekday"].replace(" ", "")]]] if weekday else []
            expression = " ".join([*parts, *([day] if day else []), time])
    except _Unreadable:
        return None
    # A number or a month name that is in none of the pieces («هفتم آذر», «28/11/2026») means the
    # note says more than was understood.
    if re.search(r"\d", pieces.rest) or _MONTH_WORD.search(pieces.rest):
        return None
    return expression, has_year


# --- public API ----------------------------------------------------------------------------------


def find_embargo(text: str, now: datetime, tz: ZoneInfo) -> Embargo | None:
    """Return the embargo note of a release and the moment it lifts, or None.

    ``now`` must be aware; wall times in the note are read on the clock of ``tz``. Returns None
    when no sentence holds publication back until a moment, and when the note's moment cannot be
    understood or is not in the future. With several notes, the first that can be read wins.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise TypeError("now must be timezone-aware")
    for sentence in _sentences(text):
        if not _is_note(fold(sentence)):
            continue
        found = _time_expression(sentence)
        if found is None:
            continue
        expression, has_year = found
        try:
            until = parse_when(expression, now, tz)
        except ValueError:
            continue
        if not has_year and until - now > _LONGEST_YEARLESS_EMBARGO:
            continue
        return Embargo(until=until, sentence=sentence)
    return None


def _has_words(text: str) -> bool:
    return re.search(r"[^\W_]", text) is not None


def _remove_at(text: str, start: int, end: int) -> str:
    """Return ``text`` without ``text[start:end]``, a sentence, and the spacing it leaves behind."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    head, tail = text[line_start:start], text[end:line_end]
    if _has_words(head) or _has_words(tail):
        # Other sentences share the line: drop the note with the spaces that separated it.
        if _has_words(tail):
            return text[:start] + tail.lstrip() + text[line_end:]
        return text[:start].rstrip(" \t\u200c") + text[line_end:]
    # The note had its line (perhaps with marks around it such as «***» or parentheses): the line
    # goes, and the blank lines on its two sides become one run, as long as the longer of them.
    lines = text.split("\n")
    index = text.count("\n", 0, start)
    above = index
    while above > 0 and not lines[above - 1].strip():
        above -= 1
    below = index + 1
    while below < len(lines) and not lines[below].strip():
        below += 1
    blanks_above, blanks_below = lines[above:index], lines[index + 1 : below]
    if above == 0:  # nothing before the note: the blank lines after it go
        kept = blanks_above
    elif below == len(lines):  # nothing after the note: the blank lines before it go
        kept = blanks_below
    else:
        kept = blanks_above if len(blanks_above) >= len(blanks_below) else blanks_below
    return "\n".join([*lines[:above], *kept, *lines[below:]])


def strip_embargo(text: str, embargo: Embargo) -> str:
    """Return ``text`` without the embargo note, each time it occurs, and with tidy blank lines.

    A note on a line of its own takes the line with it, and the blank lines around it become a
    single run; a note between other sentences takes the spaces after it. Nothing else changes;
    a text that no longer holds the note comes back as it is.
    """
    sentence = embargo.sentence
    if not sentence:
        return text
    while (start := text.find(sentence)) != -1:
        text = _remove_at(text, start, start + len(sentence))
    return text
