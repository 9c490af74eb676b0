"""A daily digest → Telegram HTML message parts within Telegram's limit.

A digest is laid out as

    📰 خلاصهٔ خبرهای امروز — ۷ آذر ۱۴۰۵
    ۳ خبر

    ۱. <b>title</b>
    organization · ۱۰:۳۰
    /release_123

    ۲. …

and cut between items when it does not fit in one message; every part but the last ends with
«(ادامه)», as in ``render.py``. The ``/release_ID`` command keeps Latin digits, because Telegram
makes only Latin commands clickable. Titles and organization names are shortened so that one item
always fits a part whatever its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.daytime import latest_occurrence, next_occurrence
from bot.domain.digits import fa, fa_number
from bot.domain.jalali import format_date, format_short, format_time
from bot.domain.render import TEXT_LIMIT, MessagePart, escape, shorten, utf16_length
from bot.texts import CONTINUED_MARK, DIGEST_HEADING, DIGEST_ITEM, DIGEST_WITHDRAWN

# Budgets in UTF-16 units of escaped HTML: together with the heading and the continuation mark an
# item stays far below TEXT_LIMIT, so the split between items always makes progress.
DIGEST_TITLE_MAX_UNITS = 400
DIGEST_ORG_MAX_UNITS = 200
ITEM_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One release in a digest; strings are plain text as stored, not HTML."""

    release_id: int
    title: str
    org_name: str
    published_at: datetime  # aware


def digest_due(digest_time: str, sent_at: datetime | None, now: datetime, zone: ZoneInfo) -> bool:
    """Whether a digest at ``digest_time`` (local "HH:MM") is owed at ``now``: the clock last read that
    time after the previous digest (``sent_at``, None = never). Only the latest occurrence counts, so
    days missed while the bot was down give one digest, not several."""
    return sent_at is None or sent_at < latest_occurrence(now, digest_time, zone)


def next_digest_at(digest_time: str, now: datetime, zone: ZoneInfo) -> datetime:
    """The next moment after ``now`` when a digest at ``digest_time`` falls due."""
    return next_occurrence(now, digest_time, zone)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _when(published_at: datetime, day: datetime, zone: ZoneInfo) -> str:
    """The time alone for a release of the digest's own day, else the short date and time."""
    if published_at.astimezone(zone).date() == day.astimezone(zone).date():
        return format_time(published_at, zone)
    return format_short(published_at, zone)


def render_entry(number: int, entry: DigestEntry, day: datetime, zone: ZoneInfo) -> str:
    """One item of a digest as HTML: number and bold title, organization and time, the release link."""
    return DIGEST_ITEM.format(
        number=fa(number),
        title=escape(shorten(_one_line(entry.title), DIGEST_TITLE_MAX_UNITS)),
        org=escape(shorten(_one_line(entry.org_name), DIGEST_ORG_MAX_UNITS)),
        when=_when(entry.published_at, day, zone),
        id=entry.release_id,
    )


def digest_heading(count: int, day: datetime, zone: ZoneInfo) -> str:
    """The first lines of a digest: its Jalali date and how many releases it lists."""
    return DIGEST_HEADING.format(date=format_date(day, zone), count=fa_number(count))


def render_digest(
    entries: Sequence[DigestEntry], day: datetime, zone: ZoneInfo, *, limit: int = TEXT_LIMIT
) -> list[MessagePart]:
    """Render the releases of one digest, in the order given, as text parts of at most ``limit`` units.

    ``day`` is the moment the digest goes out (its date is the heading's). Parts are filled greedily
    with whole items; room for «(ادامه)» is always kept, so removing an item never needs more parts.
    No entries give no parts.
    """
    if not entries:
        return []
    reserve = utf16_length(ITEM_BREAK + CONTINUED_MARK)
    parts: list[str] = []
    current, filled = digest_heading(len(entries), day, zone), False
    for number, entry in enumerate(entries, start=1):
        item = render_entry(number, entry, day, zone)
        candidate = current + ITEM_BREAK + item
        if utf16_length(candidate) + reserve <= limit:
            current, filled = candidate, True
            continue
        if not filled or utf16_length(item) + reserve > limit:
            raise ValueError("limit too small for one digest item")
        parts.append(current + ITEM_BREAK + CONTINUED_MARK)
        current = item  # a continuation part starts with an item, so it is filled from the start
    parts.append(current)
    return [MessagePart("text", html) for html in parts]


def withdrawn_digest(day: datetime, zone: ZoneInfo) -> list[MessagePart]:
    """What a sent digest becomes once every release in it was retracted."""
    return [MessagePart("text", DIGEST_WITHDRAWN.format(date=format_date(day, zone)))]
