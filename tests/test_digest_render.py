"""The daily digest as Telegram HTML: heading, items, links, escaping and the message limit."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.domain.digest import (
    DIGEST_TITLE_MAX_UNITS,
    DigestEntry,
    digest_due,
    next_digest_at,
    render_digest,
    withdrawn_digest,
)
from bot.domain.render import TEXT_LIMIT, utf16_length
from fakegram import parse_html

TEHRAN = ZoneInfo("Asia/Tehran")
# 8 Azar 1405, 10:00 in Tehran (06:30 UTC).
DAY = datetime(2026, 11, 29, 6, 30, tzinfo=UTC)


ORG = "آموزش و پرورش ایلام"


def entry(release_id: int, title: str = "افتتاح مدرسه", org: str = ORG, hours: float = 1) -> DigestEntry:
    """A release published ``hours`` before the digest."""
    return DigestEntry(release_id, title, org, DAY - timedelta(hours=hours))


def plain(html: str) -> str:
    """The text Telegram shows for ``html`` (the fake server's strict parser, so bad HTML fails here)."""
    return parse_html(html)[0]


def test_one_digest_lists_heading_count_and_items_in_order() -> None:
    """A short digest is one message: the Jalali heading with the count, then each item in the order given."""
    parts = render_digest([entry(12, "خبر اول"), entry(7, "خبر دوم"), entry(30, "خبر سوم")], DAY, TEHRAN)
    assert [p.kind for p in parts] == ["text"]
    html = parts[0].html
    assert html.startswith("📰 <b>خلاصهٔ خبرهای امروز — ۸ آذر ۱۴۰۵</b>\n۳ خبر\n\n")
    text = plain(html)
    assert text.index("خبر اول") < text.index("خبر دوم") < text.index("خبر سوم")
    assert re.findall(r"/release_\d+", text) == ["/release_12", "/release_7", "/release_30"]
    assert "۱. خبر اول" in text
    assert "۳. خبر سوم" in text
    assert texts.CONTINUED_MARK not in text


def test_item_shows_bold_title_organization_and_time() -> None:
    """Each item is the bold title, «organization · time» in Persian digits, and a Latin /release_ID link."""
    [part] = render_digest([entry(1234, hours=0.5)], DAY, TEHRAN)
    assert "<b>افتتاح مدرسه</b>\nآموزش و پرورش ایلام · ۰۹:۳۰\n/release_1234" in part.html


def test_release_of_an_earlier_day_shows_its_date() -> None:
    """A release published before the digest's day carries its Jalali date as well as its time."""
    [part] = render_digest([entry(5, hours=24)], DAY, TEHRAN)
    assert "آموزش و پرورش ایلام · ۱۴۰۵/۰۹/۰۷ ۱۰:۰۰" in part.html


def test_large_counts_use_persian_digits() -> None:
    """The count in the heading and the item numbers are Persian; only the command keeps Latin digits."""
    parts = render_digest([entry(i, f"خبر {i}") for i in range(1, 1201)], DAY, TEHRAN)
    assert "۱٬۲۰۰ خبر" in parts[0].html
    assert "۱۲۰۰. <b>خبر 1200</b>" in parts[-1].html
    assert "/release_1200" in parts[-1].html


@pytest.mark.parametrize("title", ["A <b> & C > D", "&amp; <script>", "R&D <i>"])
def test_special_characters_are_escaped(title: str) -> None:
    """<, > and & in titles and organization names reach the reader as typed, never as markup."""
    [part] = render_digest([DigestEntry(9, title, "سازمان <آب> & برق", DAY)], DAY, TEHRAN)
    text = plain(part.html)
    assert title in text
    assert "سازمان <آب> & برق" in text


def test_many_items_split_at_item_boundaries_within_the_limit() -> None:
    """More items than fit one message go into several, each within 4096 UTF-16 units, cut only between items."""
    items = [entry(i, f"عنوان خبر شماره {i} " + "درباره طرح‌های عمرانی استان " * 4) for i in range(1, 121)]
    parts = render_digest(items, DAY, TEHRAN)
    assert len(parts) > 1
    links: list[str] = []
    for index, part in enumerate(parts):
        assert utf16_length(part.html) <= TEXT_LIMIT
        assert len(plain(part.html)) > 0
        if index < len(parts) - 1:
            assert part.html.endswith("\n\n" + texts.CONTINUED_MARK)
        else:
            assert texts.CONTINUED_MARK not in part.html
        # Every item is whole: its title, its line and its link are in the same part.
        assert part.html.count("<b>") - (1 if index == 0 else 0) == part.html.count("/release_")
        links += re.findall(r"/release_(\d+)", part.html)
    assert links == [str(i) for i in range(1, 121)]
    assert "۱۲۰ خبر" in parts[0].html
    # A continuation part starts with its next item; only the first carries the heading.
    assert re.match(r"[۰-۹]+\. <b>", parts[1].html)
    assert all("📰" not in p.html for p in parts[1:])


def test_very_long_titles_are_shortened_so_each_item_fits() -> None:
    """A title far beyond the limit is cut with «…»; every part still fits and every item is present."""
    huge = "سد " * 5000
    items = [entry(i, huge, org="سازمان " * 500) for i in range(1, 30)]
    parts = render_digest(items, DAY, TEHRAN)
    assert all(utf16_length(p.html) <= TEXT_LIMIT for p in parts)
    assert len(re.findall(r"/release_\d+", "".join(p.html for p in parts))) == 29
    title = re.search(r"<b>(.*?)</b>", parts[0].html.split("\n\n", 1)[1])
    assert title is not None
    assert title[1].endswith("…")
    assert utf16_length(title[1]) <= DIGEST_TITLE_MAX_UNITS


def test_emoji_and_escapes_count_toward_the_limit() -> None:
    """Limits are measured in UTF-16 units of the escaped HTML, so emoji and & cannot push a part over."""
    items = [entry(i, "🚧&" * 150) for i in range(1, 60)]
    parts = render_digest(items, DAY, TEHRAN)
    assert len(parts) > 1
    assert all(utf16_length(p.html) <= TEXT_LIMIT for p in parts)


def test_removing_an_item_never_needs_more_parts() -> None:
    """A digest re-rendered without one of its releases (a retraction) has at most as many parts as before."""
    items = [entry(i, f"خبر {i} " + "ب" * (50 + 37 * (i % 7))) for i in range(1, 80)]
    before = len(render_digest(items, DAY, TEHRAN))
    for gone in range(len(items)):
        assert len(render_digest(items[:gone] + items[gone + 1 :], DAY, TEHRAN)) <= before


def test_heading_date_is_the_tehran_day() -> None:
    """The heading's Jalali date is Tehran's date when the digest goes out (late UTC evening is the next day)."""
    late = datetime(2026, 11, 28, 21, 0, tzinfo=UTC)  # 00:30 on 8 Azar in Tehran
    [part] = render_digest([DigestEntry(1, "خبر", "دستگاه", late)], late, TEHRAN)
    assert "۸ آذر ۱۴۰۵" in part.html
    assert "· ۰۰:۳۰" in part.html


def test_no_entries_give_no_parts_and_a_withdrawn_note() -> None:
    """An empty digest is no message at all; a sent digest emptied by retractions becomes a short note."""
    assert render_digest([], DAY, TEHRAN) == []
    [note] = withdrawn_digest(DAY, TEHRAN)
    assert "۸ آذر ۱۴۰۵" in note.html
    assert "پس گرفته شد" in plain(note.html)


def test_a_limit_too_small_for_one_item_is_refused() -> None:
    """A limit that cannot hold the heading and one item is a programming error, not an endless loop."""
    with pytest.raises(ValueError, match="too small"):
        render_digest([entry(1)], DAY, TEHRAN, limit=60)


@pytest.mark.parametrize(
    ("sent_at", "now", "due"),
    [
        (None, datetime(2026, 11, 29, 5, 0, tzinfo=UTC), True),  # never sent: due at once
        # 08:00 Tehran is 04:30 UTC. Sent yesterday after 08:00, now today after 08:00: due.
        (datetime(2026, 11, 28, 4, 31, tzinfo=UTC), datetime(2026, 11, 29, 4, 31, tzinfo=UTC), True),
        # Sent today at 08:00: not again the same day.
        (datetime(2026, 11, 29, 4, 30, tzinfo=UTC), datetime(2026, 11, 29, 20, 0, tzinfo=UTC), False),
        # Turned on at 10:00 (set_digest stamps it): not due until tomorrow 08:00 …
        (datetime(2026, 11, 29, 6, 30, tzinfo=UTC), datetime(2026, 11, 30, 4, 29, tzinfo=UTC), False),
        # … and due then.
        (datetime(2026, 11, 29, 6, 30, tzinfo=UTC), datetime(2026, 11, 30, 4, 30, tzinfo=UTC), True),
        # Down for three days: one digest, not three.
        (datetime(2026, 11, 25, 4, 30, tzinfo=UTC), datetime(2026, 11, 29, 5, 0, tzinfo=UTC), True),
    ],
)
def test_digest_due(sent_at: datetime | None, now: datetime, due: bool) -> None:
    """A digest is due when the clock read its time after the last digest went out."""
    assert digest_due("08:00", sent_at, now, TEHRAN) is due


def test_next_digest_at_is_the_next_local_time() -> None:
    """The next due moment of a digest at 08:00 Tehran after 10:00 is 08:00 the next day."""
    assert next_digest_at("08:00", DAY, TEHRAN) == datetime(2026, 11, 30, 4, 30, tzinfo=UTC)
