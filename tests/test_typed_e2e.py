"""What people type after /digest, /quiet, /latest and /schedule, through the real bot: times as they say them,
counts above the maximum, and a date without a year that has already passed this year."""

from __future__ import annotations

from pathlib import Path

from bot import texts
from fakegram import FakeTelegram
from fakegram.drivers import Journalist
from tests.harness import running_bot, runtime, settings_for

READER = 5001


async def test_digest_and_quiet_take_times_as_people_type_them(tg: FakeTelegram, tmp_path: Path) -> None:
    """/digest 8, /digest ساعت ۸ و ۳۰ دقیقه and /quiet 23-7 are understood; /digest 25 is still refused."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics culture")
        digest = await journalist.ask("/digest 8")
        assert digest.startswith("📰 از این پس خبرهای این گفت‌وگو هر روز ساعت ۰۸:۰۰")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:00"
        await journalist.ask("/digest ساعت ۸ و ۳۰ دقیقه")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:30"
        quiet = await journalist.ask("/quiet 23-7")
        assert quiet.startswith("🔕 از ")
        await journalist.ask("/quiet ساعت ۲۳ تا ۷ صبح")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert (subscription.quiet_start, subscription.quiet_end) == ("23:00", "07:00")
        assert await journalist.ask("/digest 25") == texts.MSG_BAD_TIME_OF_DAY.format(text="25")
        assert await journalist.ask("/quiet ۷ تا ۷") == texts.MSG_BAD_TIME_RANGE
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:30"


async def test_digest_with_persian_hour_word(tg: FakeTelegram, tmp_path: Path) -> None:
    """/digest ساعت ۸ sets the digest for eight in the morning."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics culture")
        reply = await journalist.ask("/digest ساعت ۸")
        assert reply.startswith("📰 از این پس خبرهای این گفت‌وگو هر روز ساعت ۰۸:۰۰")
        subscription = await runtime(app).storage.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:00"
