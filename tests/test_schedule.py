"""Embargo and scheduling through the real bot: typed times, the embargo note, restarts, bad input."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.jalali import example_times, format_date, format_datetime
from fakegram import FakeTelegram
from storage import Storage
from tests.harness import running_bot, runtime, settings_for
from tests.test_officer import OFFICER, READERS, say, setup_desk

TEHRAN = ZoneInfo("Asia/Tehran")
BODY = (
    "احداث مجتمع گلخانه‌ای در دهلران\n\n"
    "رئیس سازمان جهاد کشاورزی استان از امضای قرارداد احداث مجتمع گلخانه‌ای به مساحت ۴۰ هکتار خبر داد."
)


def in_seconds(seconds: int) -> str:
    """An ISO time a few seconds ahead, in Tehran time, as an officer could type it."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).astimezone(TEHRAN).isoformat(timespec="seconds")


async def test_scheduled_release_publishes_on_time(tg: FakeTelegram, tmp_path: Path) -> None:
    """/schedule stores the time; the release goes out when it comes, and the author is told."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, BODY, count=3)
        confirmation = (await say(tg, OFFICER, f"/schedule 1 {in_seconds(3)}"))[0].text or ""
        assert confirmation.startswith("⏰ خبر ۱ برای")
        release = await store.releases.get(1)
        assert release is not None
        assert release.status == "scheduled"
        assert not tg.messages_to(READERS[0])
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=20)
        # The author's «published on schedule» message becomes the live report, ending in its final state.
        await tg.wait_for(
            lambda s: any((m.text or "").startswith("📊 گزارش نهایی ارسال خبر ۱") for m in s.messages_to(OFFICER)),
            timeout=20,
        )
        published = await store.releases.get(1)
    assert published is not None
    assert published.status == "published"
    assert published.scheduled_at is not None
    assert published.published_at is not None
    assert published.published_at >= published.scheduled_at
    told = [
        c
        for c in tg.calls_to("sendMessage")
        if c.params.get("chat_id") == OFFICER and str(c.params.get("text", "")).startswith("📤 خبر ۱ طبق زمان‌بندی")
    ]
    assert len(told) == 1


async def test_schedule_survives_a_restart(tg: FakeTelegram, tmp_path: Path) -> None:
    """A release scheduled before a restart is published by the restarted bot once its time has come."""
    settings = settings_for(tg, tmp_path, BROADCAST_RATE="30")
    async with running_bot(settings) as app:
        await setup_desk(app)
        await say(tg, OFFICER, BODY, count=3)
        await say(tg, OFFICER, f"/schedule 1 {in_seconds(4)}")
    await asyncio.sleep(4.5)  # the bot is down when the time comes
    assert not tg.messages_to(READERS[0])
    async with running_bot(settings) as app:
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=20)
        release = await runtime(app).storage.releases.get(1)
    assert release is not None
    assert release.status == "published"


async def test_embargo_note_is_offered_as_the_schedule(tg: FakeTelegram, tmp_path: Path) -> None:
    """A text saying «انتشار این خبر تا … ممنوع است» gets a button that schedules it for that time."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).astimezone(TEHRAN)
    note = f"انتشار این خبر تا ساعت ۱۰ صبح {format_date(tomorrow, TEHRAN)} ممنوع است."
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store: Storage = await setup_desk(app)
        replies = await say(tg, OFFICER, BODY.replace("\n\n", f"\n\n{note}\n\n", 1), count=3)
        summary = replies[-1]
        assert "یادداشت ممنوعیت انتشار" in (summary.text or "")
        buttons = [b["callback_data"] for row in (summary.reply_markup or {})["inline_keyboard"] for b in row]
        assert buttons[0] == "emb:1"
        tg.inject(tg.callback_query(OFFICER, OFFICER, "emb:1", summary.message_id))
        await tg.wait_for(lambda s: any((m.text or "").startswith("⏰ خبر ۱ برای") for m in s.messages_to(OFFICER)))
        release = await store.releases.get(1)
    assert release is not None
    assert release.status == "scheduled"
    expected = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)
    assert release.scheduled_at == expected.astimezone(UTC)
    assert format_datetime(expected, TEHRAN) in (tg.messages_to(OFFICER)[-1].text or "")


async def test_schedule_can_be_changed_and_dropped(tg: FakeTelegram, tmp_path: Path) -> None:
    """A second /schedule moves the time; /schedule ID off makes it a draft again."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, BODY, count=3)
        await say(tg, OFFICER, "/schedule 1 +2h")
        first = await store.releases.get(1)
        await say(tg, OFFICER, "/schedule 1 +3h")
        second = await store.releases.get(1)
        assert first is not None
        assert second is not None
        assert first.scheduled_at is not None
        assert second.scheduled_at is not None
        assert second.scheduled_at - first.scheduled_at >= timedelta(minutes=59)
        assert (await say(tg, OFFICER, "/schedule 1 off"))[0].text == texts.UNSCHEDULED.format(id="۱")
        draft = await store.releases.get(1)
        assert draft is not None
        assert draft.status == "draft"
        assert (await say(tg, OFFICER, "/schedule 1 off"))[0].text == texts.NOT_SCHEDULED.format(id="۱")


async def test_bad_schedules_are_refused(tg: FakeTelegram, tmp_path: Path) -> None:
    """No time, an unreadable time or a past time gets a Persian explanation and the draft stays a draft."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, BODY, count=3)
        usage = texts.SCHEDULE_USAGE.format(natural=example_times(datetime.now(UTC), TEHRAN)[0])
        assert (await say(tg, OFFICER, "/schedule 1"))[0].text == usage
        assert (await say(tg, OFFICER, "/schedule"))[0].text == usage
        unreadable = (await say(tg, OFFICER, "/schedule 1 یک روز خوب"))[0].text or ""
        assert unreadable.startswith("زمان را متوجه نشدم")
        past = (await say(tg, OFFICER, "/schedule 1 2020-01-01 10:00"))[0].text or ""
        assert "گذشته" in past
        release = await store.releases.get(1)
        assert release is not None
        assert release.status == "draft"


async def test_embargo_note_never_reaches_readers(tg: FakeTelegram, tmp_path: Path) -> None:
    """The embargo note is for the newsroom: rendered before the embargo time (published early, confirmed)
    or at or after it, the note is gone and the rest of the release stays."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).astimezone(TEHRAN)
    note = f"انتشار این خبر تا ساعت ۱۰ صبح {format_date(tomorrow, TEHRAN)} ممنوع است."
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, BODY.replace("\n\n", f"\n\n{note}\n\n", 1), count=3)
        release = await store.releases.get(1)
        org = await store.organizations.get(1)
        assert release is not None
        assert org is not None
        assert "ممنوع است" in release.body, "the stored text keeps the note"
        desk = runtime(app).desk
        embargo_end = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)
        before = desk.render(release, org, embargo_end - timedelta(minutes=1))
        after = desk.render(release, org, embargo_end)
    assert "ممنوع است" not in before[0].html
    assert "مجتمع گلخانه‌ای" in before[0].html
    assert "ممنوع است" not in after[0].html
    assert "مجتمع گلخانه‌ای" in after[0].html
