"""Resilience of delivery through the real bot: a Telegram outage never turns into lost deliveries.

The bot runs as in production (the real Application, its runtime and dispatcher, a real SQLite file);
Telegram is faked at its HTTP boundary and made to fail. The retry schedule of the running dispatcher
is compressed ``SCALE`` times (its first wait and its cap), so an outage of ``OUTAGE * SCALE`` seconds
of production time takes ``OUTAGE`` seconds here.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.config import ConfigError
from bot.delivery import service
from bot.domain.render import ReleaseView, render_release
from bot.domain.text import fold
from bot.telegram.health import check_dispatcher, run_checks
from fakegram import FakeTelegram
from fakegram.drivers import Officer
from storage import Storage
from storage.db import to_db, utcnow
from storage.health import heartbeat_path
from storage.releases import NewRelease
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next(
    s["text"]
    for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
    if s["id"] == "r05"
)
OFFICER = 3001
READERS = [70_000 + i for i in range(200)]
# Production's schedule starts at 2 s; 25 times faster here: 100 s of outage take 4 s.
SCALE = 25.0
PRODUCTION_BACKOFF_BASE = 2.0
PRODUCTION_BACKOFF_CAP = 120.0
OUTAGE = 100.0 / SCALE


async def setup_desk(store: Storage) -> None:
    """One organization with its officer, and every reader subscribed without filters."""
    org = await store.organizations.create("فرمانداری آبدانان", fold("فرمانداری آبدانان"), None, created_by=1)
    await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code", OFFICER, "کارشناس", None)
    async with store.db.transaction() as tx:
        for chat_id in READERS:
            await store.subscriptions.upsert_chat(chat_id, "private", tx=tx)
            await store.subscriptions.subscribe(chat_id, tx=tx)


async def test_an_outage_of_100_seconds_loses_no_delivery(tg: FakeTelegram, tmp_path: Path) -> None:
    """Finding 2: every send answered 502 or cut off for (the equivalent of) 100 s; once Telegram is back
    every one of 200 chats gets the release exactly once, none fails, and the report ends with 0 failed."""
    # Sending is compressed too (paid broadcast's rate), so the outage covers every chat's first attempt as
    # 100 s would cover 200 chats at 25 a second.
    settings = settings_for(tg, tmp_path, PAID_BROADCAST="1", BROADCAST_RATE="1000")
    async with running_bot(settings) as app:
        dispatcher = runtime(app).dispatcher
        dispatcher.backoff_base = PRODUCTION_BACKOFF_BASE / SCALE
        dispatcher.backoff_cap = PRODUCTION_BACKOFF_CAP / SCALE
        store = runtime(app).storage
        await setup_desk(store)
        officer = Officer(tg, OFFICER)
        *_, card = await officer.say(SAMPLE, count=3)
        tg.fail("server_error", methods="sendMessage", chat_ids=READERS[::2], times=None, status=502)
        tg.fail("disconnect", methods="sendMessage", chat_ids=READERS[1::2], times=None)
        await officer.press(card, "pub:1")
        await asyncio.sleep(OUTAGE)
        during = await check_dispatcher(settings)
        attempted = {c.params.get("chat_id") for c in tg.calls_to("sendMessage")}
        assert set(READERS) <= attempted, "every chat was tried during the outage"
        assert not any(tg.messages_to(c) for c in READERS)
        tg.reset_faults()

        def final(server: FakeTelegram) -> bool:
            return any((m.text or "").startswith("📊 گزارش نهایی") for m in server.messages_to(OFFICER))

        await tg.wait_for(final, timeout=30)
        progress = await store.outbox.progress(1)
    assert (progress.sent, progress.failed, progress.pending) == (len(READERS), 0, 0)
    assert during is not None
    assert during.ok, during.detail  # waiting for Telegram is not a stalled dispatcher
    assert all(len(tg.messages_to(c)) == 1 for c in READERS)
    report = next(m for m in tg.messages_to(OFFICER) if (m.text or "").startswith("📊 گزارش نهایی"))
    assert "ناموفق: ۰" in (report.text or "")
    # While Telegram was down the live report said how many were waiting for it, in Persian.
    waiting = texts.REPORT_WAITING.split("{")[0]
    assert any(waiting in e.text for e in report.edits if e.text), [e.text for e in report.edits]


async def test_health_reports_a_stalled_dispatcher(tg: FakeTelegram, tmp_path: Path) -> None:
    """Deliveries due for ten minutes and no heartbeat from the dispatcher for as long: ``health`` fails with
    "dispatcher stalled"; a fresh heartbeat (a dispatcher at work) makes it pass; an empty outbox prints nothing."""
    settings = settings_for(tg, tmp_path)
    store = await Storage.open(settings.database_path)
    try:
        assert await check_dispatcher(settings) is None
        await setup_desk(store)
        body = "گزارش عملکرد هفته دولت در شهرستان‌های استان."
        draft = await store.releases.create_draft(
            NewRelease(1, OFFICER, body, "گزارش", body, fold(body), (), None, None)
        )
        view = ReleaseView(draft.id, draft.title, body, "فرمانداری آبدانان", None, (), None, utcnow())
        await service.publish(store, draft.id, render_release(view, ZoneInfo("Asia/Tehran")))
        async with store.db.transaction() as tx:
            await tx.execute("UPDATE deliveries SET next_attempt_at = ?", (to_db(utcnow() - timedelta(minutes=10)),))
    finally:
        await store.close()
    beat = heartbeat_path(settings.database_path)
    assert not beat.exists()
    stalled = {r.check: r for r in await run_checks(settings)}["dispatcher"]
    assert not stalled.ok
    assert stalled.line().startswith("FAILED dispatcher: ")
    assert f"dispatcher stalled: {len(READERS)} due" in stalled.detail

    beat.touch()
    working = await check_dispatcher(settings)
    assert working is not None
    assert working.ok, working.detail
    ten_minutes_ago = time.time() - 600
    os.utime(beat, (ten_minutes_ago, ten_minutes_ago))
    again = await check_dispatcher(settings)
    assert again is not None
    assert not again.ok


async def test_a_transient_error_fails_only_after_the_retry_horizon(tg: FakeTelegram, tmp_path: Path) -> None:
    """A chat answering 502 forever is retried until the horizon (here 5 s) and then fails with the reason;
    a blocked chat fails at once; the others are not held up."""
    settings = settings_for(tg, tmp_path, PAID_BROADCAST="1", BROADCAST_RATE="1000")
    async with running_bot(settings) as app:
        dispatcher = runtime(app).dispatcher
        dispatcher.backoff_base, dispatcher.backoff_cap, dispatcher.retry_horizon = 0.05, 0.3, 5.0
        store = runtime(app).storage
        await setup_desk(store)
        down, blocked, fine = READERS[0], READERS[1], READERS[2:10]
        tg.fail("server_error", methods="sendMessage", chat_ids=down, times=None, status=502)
        tg.block(blocked)
        officer = Officer(tg, OFFICER)
        *_, card = await officer.say(SAMPLE, count=3)
        started = time.monotonic()
        await officer.press(card, "pub:1")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in fine), timeout=15)
        waited = time.monotonic() - started
        # Not held up: every healthy chat had its copy while the failing chat was still being retried, well
        # inside its retry horizon (a wall-clock bound alone failed on a busy 2-core machine at 2.1 s).
        [(meanwhile, _)] = [(s, e) for _, s, e in await store.outbox.deliveries_for_chat(down)]
        assert meanwhile in {"pending", "in_flight"}, "the healthy chats waited for the failing one"
        assert waited < dispatcher.retry_horizon, "the healthy chats did not wait for the failing one"
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS[10:]), timeout=30)
        async with asyncio.timeout(15):
            while (await store.outbox.progress(1)).pending:  # noqa: ASYNC110 - the condition lives in the database
                await asyncio.sleep(0.1)
        [(down_status, down_error)] = [(s, e) for _, s, e in await store.outbox.deliveries_for_chat(down)]
        [(blocked_status, _)] = [(s, e) for _, s, e in await store.outbox.deliveries_for_chat(blocked)]
    tries = [c for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == down]
    assert down_status == "failed"
    assert down_error is not None
    assert "bad gateway" in down_error.lower()
    assert "h after it was queued" in down_error
    assert len(tries) >= 2
    assert tries[-1].at - tries[0].at >= 4.0  # kept trying for (nearly) the whole horizon, then gave up
    assert blocked_status == "failed"
    assert len([c for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == blocked]) == 1


def test_delivery_retry_hours_setting(tg: FakeTelegram, tmp_path: Path) -> None:
    """DELIVERY_RETRY_HOURS: 24 by default, any hours from 0.1 to 168, anything else refused in one line."""
    assert settings_for(tg, tmp_path).delivery_retry_hours == 24.0
    assert settings_for(tg, tmp_path, DELIVERY_RETRY_HOURS="2.5").delivery_retry_hours == 2.5
    for bad in ("0", "-1", "1000", "soon", "nan"):
        with pytest.raises(ConfigError, match="DELIVERY_RETRY_HOURS"):
            settings_for(tg, tmp_path, DELIVERY_RETRY_HOURS=bad)
