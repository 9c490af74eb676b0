"""Interactive replies share an overall budget with broadcasts (issue 11, finding 9).

Before, replies had no overall limit: 145 messages left in one second when 200 users subscribed at
once, far over Telegram's ~30 per second. Now the process's total stays under Telegram's limit in
every second, while a user's first reply is not held up in the common case (a few users during a
broadcast). Through the real Application and the fake Bot API server with Telegram's real limits.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.delivery import service
from bot.domain.render import MessagePart
from bot.domain.text import fold
from fakegram import TELEGRAM, FakeTelegram
from storage.releases import NewRelease
from tests.harness import running_bot, runtime, settings_for

pytestmark = pytest.mark.real_limits

USERS = [700_000 + i for i in range(200)]


def busiest_second(times: Sequence[float]) -> int:
    """The most arrivals at the server in any one-second window (what Telegram's overall limit sees)."""
    ordered = sorted(times)
    best, first = 0, 0
    for last, moment in enumerate(ordered):
        while ordered[first] <= moment - 1.0:
            first += 1
        best = max(best, last - first + 1)
    return best


async def test_two_hundred_users_at_once_stay_within_the_overall_limit(tg: FakeTelegram, tmp_path: Path) -> None:
    """200 users send /start at the same moment: every one is answered, and no second holds more than
    Telegram's overall limit (the server counts no violation and refuses nothing)."""
    async with running_bot(settings_for(tg, tmp_path)):
        for user in USERS:
            tg.inject(tg.message(user, user, "/start"))
        await tg.wait_for(lambda s: all(s.messages_to(u) for u in USERS), timeout=40)
    replies = [m for m in tg.messages if m.chat_id in set(USERS)]
    assert len(replies) == len(USERS)
    assert busiest_second([m.at for m in tg.messages]) <= TELEGRAM.overall_per_second
    assert tg.violations["global"] == 0
    assert not [c for c in tg.calls if c.status == 429]


async def test_a_users_first_reply_is_not_held_up_by_a_broadcast(tg: FakeTelegram, tmp_path: Path) -> None:
    """While a broadcast runs at BROADCAST_RATE=25, users who write get their first reply within a
    second, and broadcast and replies together never exceed the overall limit."""
    chats = [800_000 + i for i in range(150)]
    users = [900_000 + i for i in range(8)]
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="25")) as app:
        store = runtime(app).storage
        async with store.db.transaction() as tx:
            org = await store.organizations.create(
                "استانداری ایلام", fold("استانداری ایلام"), None, created_by=1, tx=tx
            )
            for chat_id in chats:
                await store.subscriptions.upsert_chat(chat_id, "private", title=None, tx=tx)
                await store.subscriptions.subscribe(chat_id, tx=tx)
        draft = await store.releases.create_draft(
            NewRelease(
                organization_id=org.id,
                author_id=77,
                raw_text="خبر آزمایشی\nمتن خبر",
                title="خبر آزمایشی",
                body="متن خبر",
                search_text=fold("خبر آزمایشی متن خبر"),
                topics=(),
                county=None,
                fingerprint=None,
            )
        )
        await service.publish(store, draft.id, [MessagePart("text", "<b>خبر آزمایشی</b>\nمتن خبر")])
        runtime(app).dispatcher.wake()
        await tg.wait_for(lambda s: len(s.messages) >= 30, timeout=10)  # the broadcast is under way
        asked: dict[int, float] = {}
        for user in users:
            asked[user] = time.monotonic()
            tg.send_text(user, user, "/start")
            await asyncio.sleep(0.25)
        await tg.wait_for(lambda s: all(s.messages_to(u) for u in users), timeout=10)
        latencies = [tg.messages_to(u)[0].at - asked[u] for u in users]
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in chats), timeout=30)
    assert max(latencies) < 1.0, latencies
    assert busiest_second([m.at for m in tg.messages]) <= TELEGRAM.overall_per_second
    assert tg.violations["global"] == 0
