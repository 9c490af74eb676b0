"""The journalists' archive as text: queries and counts as typed, result lists as Telegram HTML.

Pure: the handlers and ``bot/services/archive.py`` do the I/O. A result list is one message, so it must stay
within Telegram's 4096 UTF-16 units however long the names are: agencies and counties have small fixed
budgets, and the titles share what the header, footer and the rest of each entry leave, each shortened
(with «…») to its share.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.counts import Count, read_count
from bot.domain.digits import fa, to_latin_digits
from bot.domain.jalali import format_date
from bot.domain.render import TEXT_LIMIT, escape, shorten, utf16_length
from bot.errors import InvalidInput

PAGE_SIZE = 10
MAX_QUERY_CHARS = 256  # the searches table's limit, and Telegram's for an inline query
LATEST_DEFAULT = 5
LATEST_MAX = 20
MAX_ID = 2**63 - 1  # SQLite rowids are signed 64-bit

# Budgets in UTF-16 units of escaped HTML.
TITLE_MAX_UNITS = 150
ORG_MAX_UNITS = 40
COUNTY_MAX_UNITS = 24
QUERY_MAX_UNITS = 60
BLOCK_SEPARATOR = "\n\n"


class RenderedPart(Protocol):
    """A rendered message part, stored or fresh: its kind and its HTML (the caption of a media part)."""

    @property
    def kind(self) -> str:
        """text, photo, video, document or album."""

    @property
    def html(self) -> str:
        """The message text, or the caption of a media part."""


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    """A published release as a result list shows it; every string is plain text, not HTML."""

    release_id: int
    title: str
    org_name: str
    county_name: str | None  # None: province-wide
    published_at: datetime


def clean_query(query: str) -> str:
    """The query as typed without surrounding space; ValueError (Persian) when empty or too long."""
    query = " ".join(query.split())
    if not query:
        raise InvalidInput(texts.SEARCH_USAGE)
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput(texts.SEARCH_TOO_LONG.format(limit=fa(MAX_QUERY_CHARS), length=fa(len(query))))
    return query


def parse_positive_id(text: str) -> int | None:
    """A release or search id typed with Latin or Persian digits, or None when it cannot be one."""
    cleaned = to_latin_digits(text.strip())
    if not cleaned.isascii() or not cleaned.isdigit():
        return None
    value = int(cleaned)
    return value if 0 < value <= MAX_ID else None


def parse_latest_count(args: Sequence[str]) -> Count:
    """How many releases /latest shows: LATEST_DEFAULT, or 1..LATEST_MAX (more is LATEST_MAX, clamped);
    InvalidInput (Persian) for zero, a negative number, extra words or what is no number."""
    usage = texts.LATEST_BAD_COUNT.format(max=fa(LATEST_MAX), default=fa(LATEST_DEFAULT))
    if len(args) > 1:
        raise InvalidInput(usage)
    return read_count(args[0] if args else "", default=LATEST_DEFAULT, maximum=LATEST_MAX, usage=usage)


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """Pages needed for ``total`` results (at least one)."""
    return max(1, math.ceil(total / size))


def clamp_page(page: int, total: int, size: int = PAGE_SIZE) -> int:
    """``page`` within 1..pages: results may have shrunk since the buttons were made."""
    return min(max(page, 1), page_count(total, size))


def meta_line(org_name: str, county_name: str | None, when: datetime, tz: ZoneInfo) -> str:
    """«agency · county · Jalali date» as HTML, names shortened to their budgets."""
    county = county_name if county_name is not None else texts.PROVINCE_WIDE_LABEL
    return texts.META_SEPARATOR.join(
        (
            escape(shorten(" ".join(org_name.split()), ORG_MAX_UNITS)),
            escape(shorten(" ".join(county.split()), COUNTY_MAX_UNITS)),
            format_date(when, tz),
        )
    )


def _entry(entry: ArchiveEntry, rank: int, tz: ZoneInfo, title_html: str) -> str:
    return texts.ARCHIVE_ENTRY.format(
        rank=fa(rank),
        title=title_html,
        meta=meta_line(entry.org_name, entry.county_name, entry.published_at, tz),
        id=entry.release_id,
    )


def format_listing(
    header: str, entries: Sequence[ArchiveEntry], first_rank: int, tz: ZoneInfo, footer: str = ""
) -> str:
    """A result list as one HTML message: ``header`` (HTML), the entries, and ``footer`` (HTML) if any.

    Each entry is its rank and bold title, the meta line and the clickable ``/release_ID``. The titles
    share equally what everything else leaves of the message, up to ``TITLE_MAX_UNITS`` each.
    """
    tail = [footer] if footer else []
    bare = [header, *(_entry(e, first_rank + i, tz, "") for i, e in enumerate(entries)), *tail]
    fixed = sum(utf16_length(block) for block in bare) + len(BLOCK_SEPARATOR) * (len(bare) - 1)
    budget = min(TITLE_MAX_UNITS, (TEXT_LIMIT - fixed) // max(len(entries), 1))
    titled = [
        _entry(e, first_rank + i, tz, escape(shorten(" ".join(e.title.split()) or texts.UNTITLED_RELEASE, budget)))
        for i, e in enumerate(entries)
    ]
    return BLOCK_SEPARATOR.join([header, *titled, *tail])


def search_listing(
    query: str, total: int, page: int, entries: Sequence[ArchiveEntry], tz: ZoneInfo, *, capped: bool = False
) -> str:
    """One page of search results with its header and, when there are several, the page line.

    ``capped``: the search ranked only its newest matches, so ``total`` is a lower bound («بیش از»).
    """
    pages = page_count(total)
    count = fa(total)
    header = texts.SEARCH_HEADER.format(
        query=escape(shorten(query, QUERY_MAX_UNITS)),
        total=texts.SEARCH_MORE_THAN.format(count=count) if capped else count,
    )
    footer = texts.SEARCH_PAGE.format(page=fa(page), pages=fa(pages)) if pages > 1 else ""
    return format_listing(header, entries, (page - 1) * PAGE_SIZE + 1, tz, footer)


def latest_listing(entries: Sequence[ArchiveEntry], tz: ZoneInfo) -> str:
    """The latest published releases, newest first."""
    header = texts.LATEST_HEADER.format(count=fa(len(entries)))
    return format_listing(header, entries, 1, tz)


def inline_description(org_name: str, when: datetime, tz: ZoneInfo) -> str:
    """The grey line under an inline result's title: «agency · Jalali date» (plain text)."""
    return texts.META_SEPARATOR.join((" ".join(org_name.split()), format_date(when, tz)))


def inline_message_html(parts: Sequence[RenderedPart]) -> str | None:
    """What choosing an inline result posts: the first text part, or a media release's caption."""
    # The renderer puts the header first: a text release starts with a text part, a media release with
    # the media part whose caption holds at least the title and the meta line.
    return parts[0].html or None if parts else None
