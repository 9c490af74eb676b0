"""Daily digests through the real bot: collected releases, one message at the chat's time, restarts, retractions.

Time is moved with the digest clock's injectable ``clock`` (a wall clock shifted forward), except in
the restart test, which stores a digest time a minute ago and a digest sent yesterday, and lets the
real clock find it due.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot import texts
from bot.domain.daytime import next_occurrence
from bot.domain.digits import to_persian_digits
from bot.domain.render import TEXT_LIMIT, utf16_length
from bot.domain.text import fold
from bot.services.desk import Desk
from bot.services.digests import DigestClock
from fakegram import FakeTelegram, SentMessage
from storage import Storage
from storage.db import to_db, utcnow
from tests.harness import running_bot, runtime, settings_for
from tests.test_officer import say

TEHRAN = ZoneInfo("Asia/Tehran")
OFFICER = 3101
INSTANT_READER = 4101
DIGEST_READER, OTHER_DIGEST_READER = 5101, 5102

RELEASE_A = (
    "افتتاح مدرسه دوازده کلاسه در ایوان\n\n"
    "مدیرکل آموزش و پرورش استان ایلام از افتتاح یک مدرسه دوازده کلاسه در شهرستان ایوان خبر داد."
)
RELEASE_B = (
    "آغاز طرح واکسیناسیون دام در مهران\n\n"
    "مدیرکل دامپزشکی استان گفت طرح واکسیناسیون رایگان دام سبک و سنگین در شهرستان مهران آغاز شد."
)


class ShiftedClock:
    """The wall clock moved forward by ``offset``: lets a test reach tomorrow's digest time at once."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def move_past(self, hhmm: str) -> datetime:
        """Jump to a few seconds after the next time the Tehran clock reads ``hhmm``; return that moment."""
        target = next_occurrence(self(), hhmm, TEHRAN) + timedelta(seconds=5)
        self.offset = target - utcnow()
        return target


def far_time() -> str:
    """A digest time twelve hours away, which the real clock cannot reach during a test."""
    return (utcnow() + timedelta(hours=12)).astimezone(TEHRAN).strftime("%H:%M")


async def setup_newsroom(app: Application, *, instant_reader: bool = False) -> Storage:  # type: ignore[type-arg]
    """One organization with one officer, and (optionally) one chat that takes releases instantly."""
    store = runtime(app).storage
    name = "اداره کل آموزش و پرورش استان ایلام"
    org = await store.organizations.create(name, fold(name), None, created_by=1)
    await store.officers.create_invite("digestcode", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("digestcode", OFFICER, "کارشناس خبر", None)
    if instant_reader:
        await store.subscriptions.upsert_chat(INSTANT_READER, "private")
        await store.subscriptions.subscribe(INSTANT_READER)
    return store


async def digest_reader(store: Storage, chat_id: int, at: str, **filters: list[str]) -> int:
    """Subscribe a private chat that takes its releases as a digest at ``at``; return the subscription id."""
    await store.subscriptions.upsert_chat(chat_id, "private")
    subscription = await store.subscriptions.subscribe(chat_id)
    for dimension, values in filters.items():
        await store.subscriptions.set_filter(subscription.id, dimension, values)
    await store.subscriptions.set_digest(subscription.id, at)
    return subscription.id


def shifted_clock(app: Application) -> tuple[DigestClock, ShiftedClock]:  # type: ignore[type-arg]
    """The running bot's digest clock, now reading a clock the test can move."""
    digests: DigestClock = runtime(app).digests
    clock = ShiftedClock()
    digests.clock = clock
    return digests, clock


async def publish(app: Application, text: str) -> int:  # type: ignore[type-arg]
    """Publish a release as the officer through the desk the handlers use; return its id."""
    desk: Desk = runtime(app).desk
    preview = await desk.create_draft(OFFICER, text)
    await desk.publish(OFFICER, preview.release.id, confirmed=True)
    return preview.release.id


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 15.0) -> None:
    """Wait until an async ``check`` holds (a stored state the bot reaches in the background)."""
    async with asyncio.timeout(within):
        while not await check():  # noqa: ASYNC110 - polling state the bot writes to the database
            await asyncio.sleep(0.02)


async def digest_marked(store: Storage, chat_id: int, since: datetime) -> None:
    """Wait until the chat's digest for the day was done (with or without a message)."""

    async def done() -> bool:
        subscription = await store.subscriptions.get(chat_id)
        return (
            subscription is not None
            and subscription.digest_sent_at is not None
            and subscription.digest_sent_at >= since
        )

    await eventually(done)


async def title_of(store: Storage, release_id: int) -> str:
    """The stored (normalized) title of a release."""
    release = await store.releases.get(release_id)
    assert release is not None
    return release.title


async def statuses(store: Storage, chat_id: int) -> list[str]:
    """The outbox states of a chat's deliveries, oldest first."""
    return [status for _, status, _ in await store.outbox.deliveries_for_chat(chat_id)]


async def all_sent(store: Storage, chat_id: int) -> bool:
    """Whether the chat has deliveries and every one of them was sent."""
    found = await statuses(store, chat_id)
    return bool(found) and all(s == "sent" for s in found)


def links(messages: list[SentMessage]) -> list[str]:
    """The /release_ID commands in these messages, in order."""
    return [link for m in messages for link in re.findall(r"/release_\d+", m.text or "")]


async def test_releases_wait_for_the_digest_and_arrive_as_one_message(tg: FakeTelegram, tmp_path: Path) -> None:
    """Releases matching a digest chat are not sent at once; at its time they arrive in one message, once."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app, instant_reader=True)
        await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        await say(tg, OFFICER, RELEASE_A, count=3)
        await say(tg, OFFICER, "/publish 1")
        await say(tg, OFFICER, RELEASE_B, count=3)
        await say(tg, OFFICER, "/publish 2")
        await tg.wait_for(lambda s: len(s.messages_to(INSTANT_READER)) == 2, timeout=15)
        assert not tg.messages_to(DIGEST_READER), "a digest chat gets nothing when a release is published"
        moment = clock.move_past(at)
        digests.wake()
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
        await digest_marked(store, DIGEST_READER, moment)
        titles = [await title_of(store, 1), await title_of(store, 2)]
        # Another round, even with the clock moved on a little, does not send the day's digest again.
        clock.offset += timedelta(minutes=5)
        assert await digests.send_due() == 0
        await asyncio.sleep(1.0)
    [digest] = tg.messages_to(DIGEST_READER)
    text = digest.text or ""
    assert digest.parse_mode == "HTML"
    assert text.startswith("📰 <b>خلاصهٔ خبرهای امروز — ")
    assert "۲ خبر" in text
    assert text.index(titles[0]) < text.index(titles[1])
    assert links([digest]) == ["/release_1", "/release_2"]
    assert "/release_1" in (digest.plain_text or "")


async def test_chat_with_nothing_waiting_gets_no_digest(tg: FakeTelegram, tmp_path: Path) -> None:
    """A digest chat whose filters matched nothing gets no message; its day is still marked done."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        await digest_reader(store, DIGEST_READER, at)
        await digest_reader(store, OTHER_DIGEST_READER, at, county=["mehran"])
        digests, clock = shifted_clock(app)
        await publish(app, RELEASE_A)  # Ivan, not Mehran
        moment = clock.move_past(at)
        digests.wake()
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
        await digest_marked(store, OTHER_DIGEST_READER, moment)
        await asyncio.sleep(1.0)
        assert await store.outbox.deliveries_for_chat(OTHER_DIGEST_READER) == []
    assert not tg.messages_to(OTHER_DIGEST_READER)
    assert links(tg.messages_to(DIGEST_READER)) == ["/release_1"]


async def test_due_digest_goes_out_after_a_restart_and_only_once(tg: FakeTelegram, tmp_path: Path) -> None:
    """A digest that fell due while the bot was down goes out right after start, and not again after another."""
    settings = settings_for(tg, tmp_path)
    async with running_bot(settings) as app:
        store = await setup_newsroom(app)
        subscription_id = await digest_reader(store, DIGEST_READER, far_time())
        await publish(app, RELEASE_A)
        await publish(app, RELEASE_B)
        await asyncio.sleep(0.5)
    assert not tg.messages_to(DIGEST_READER)
    # While the bot is down its digest time passes: a minute ago, with the last digest sent yesterday.
    a_minute_ago = (utcnow() - timedelta(minutes=1)).astimezone(TEHRAN).strftime("%H:%M")
    store = await Storage.open(settings.database_path)
    try:
        async with store.db.transaction() as tx:
            await tx.execute(
                "UPDATE subscriptions SET digest_time = ?, digest_sent_at = ? WHERE id = ?",
                (a_minute_ago, to_db(utcnow() - timedelta(days=1)), subscription_id),
            )
    finally:
        await store.close()
    async with running_bot(settings) as app:
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
        store = runtime(app).storage
        await eventually(lambda: all_sent(store, DIGEST_READER))
    async with running_bot(settings) as app:
        assert await runtime(app).digests.send_due() == 0
        await asyncio.sleep(1.5)
    [digest] = tg.messages_to(DIGEST_READER)
    assert links([digest]) == ["/release_1", "/release_2"]


async def test_retracted_release_leaves_the_waiting_digest(tg: FakeTelegram, tmp_path: Path) -> None:
    """A release retracted before the digest time is not in the digest."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        await publish(app, RELEASE_A)
        await publish(app, RELEASE_B)
        reply = (await say(tg, OFFICER, "/retract 1 اشتباه yes"))[0].text or ""
        assert reply.startswith("⛔️ خبر ۱ پس گرفته شد")
        retracted_title = await title_of(store, 1)
        clock.move_past(at)
        digests.wake()
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
        async with store.db.snapshot() as tx:
            left = await tx.fetchall("SELECT release_id FROM digest_items")
    [digest] = tg.messages_to(DIGEST_READER)
    assert links([digest]) == ["/release_2"]
    assert "۱ خبر" in (digest.text or "")
    assert retracted_title not in (digest.text or "")
    assert [r[0] for r in left] == [2]


async def test_retraction_edits_a_digest_already_sent(tg: FakeTelegram, tmp_path: Path) -> None:
    """A release retracted after its digest went out is edited out of it; the last one leaves a short note."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        await publish(app, RELEASE_A)
        await publish(app, RELEASE_B)
        titles = [await title_of(store, 1), await title_of(store, 2)]
        clock.move_past(at)
        digests.wake()
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
        await eventually(lambda: all_sent(store, DIGEST_READER))
        await say(tg, OFFICER, "/retract 1 yes")
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER)[0].edits, timeout=15)
        [digest] = tg.messages_to(DIGEST_READER)
        edited = digest.text or ""
        assert titles[0] not in edited
        assert titles[1] in edited
        assert "۱ خبر" in edited
        assert links([digest]) == ["/release_2"]
        await say(tg, OFFICER, "/retract 2 yes")
        await tg.wait_for(lambda s: len(s.messages_to(DIGEST_READER)[0].edits) == 2, timeout=15)
    [digest] = tg.messages_to(DIGEST_READER)
    assert not digest.deleted
    assert "پس گرفته شد" in (digest.text or "")
    assert links([digest]) == []
    assert titles[1] not in (digest.text or "")


async def test_retraction_rewrites_a_digest_not_yet_sent(tg: FakeTelegram, tmp_path: Path) -> None:
    """A digest written to the outbox but not sent yet goes out without a release retracted meanwhile."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        await publish(app, RELEASE_A)
        await publish(app, RELEASE_B)
        dispatcher = runtime(app).dispatcher
        await dispatcher.stop()  # the digest waits in the outbox
        moment = clock.move_past(at)
        digests.wake()
        await digest_marked(store, DIGEST_READER, moment)
        assert await statuses(store, DIGEST_READER) == ["pending"]
        await say(tg, OFFICER, "/retract 1 yes")
        dispatcher.start()
        await eventually(lambda: all_sent(store, DIGEST_READER))
    [digest] = tg.messages_to(DIGEST_READER)
    assert links([digest]) == ["/release_2"]
    assert "۱ خبر" in (digest.text or "")
    assert not digest.edits


async def test_long_digest_is_split_and_a_retraction_edits_every_part(tg: FakeTelegram, tmp_path: Path) -> None:
    """More releases than fit one message arrive as several messages at item boundaries, each within the limit."""
    at = far_time()
    count = 25
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        for i in range(1, count + 1):
            headline = f"گزارش {i} از پیشرفت طرح‌های عمرانی، خدماتی و اشتغال‌زایی در روستاها و شهرهای استان ایلام " * 2
            await publish(app, f"{headline.strip()} {i}\n\nشرح خبر شماره {i} درباره طرح‌های عمرانی استان است.")
        clock.move_past(at)
        digests.wake()
        await eventually(lambda: all_sent(store, DIGEST_READER), within=20)
        parts = tg.messages_to(DIGEST_READER)
        assert len(parts) >= 2
        assert all(utf16_length(m.text or "") <= TEXT_LIMIT for m in parts)
        assert links(parts) == [f"/release_{i}" for i in range(1, count + 1)]
        assert (parts[0].text or "").startswith("📰")
        assert all((m.text or "").endswith(texts.CONTINUED_MARK) for m in parts[:-1])
        assert f"{to_persian_digits(str(count))} خبر" in (parts[0].text or "")
        await say(tg, OFFICER, "/retract 1 yes")
        await tg.wait_for(lambda s: all(m.edits for m in s.messages_to(DIGEST_READER)), timeout=20)
    edited = tg.messages_to(DIGEST_READER)
    assert len(edited) == len(parts)
    remaining = links([m for m in edited if not m.deleted])
    assert remaining == [f"/release_{i}" for i in range(2, count + 1)]
    assert f"{to_persian_digits(str(count - 1))} خبر" in (edited[0].text or "")


async def test_paused_subscription_gets_no_digest_until_resumed(tg: FakeTelegram, tmp_path: Path) -> None:
    """A paused digest chat gets nothing at its time; once resumed, its waiting releases come in the next round."""
    at = far_time()
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_newsroom(app)
        subscription_id = await digest_reader(store, DIGEST_READER, at)
        digests, clock = shifted_clock(app)
        await publish(app, RELEASE_A)
        await store.subscriptions.set_state(subscription_id, "paused")
        clock.move_past(at)
        assert await digests.send_due() == 0
        digests.wake()
        await asyncio.sleep(1.0)
        assert not tg.messages_to(DIGEST_READER)
        assert await store.outbox.deliveries_for_chat(DIGEST_READER) == []
        await store.subscriptions.set_state(subscription_id, "active")
        digests.wake()
        await tg.wait_for(lambda s: s.messages_to(DIGEST_READER), timeout=15)
    assert links(tg.messages_to(DIGEST_READER)) == ["/release_1"]
