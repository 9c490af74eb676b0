"""Crash safety: SIGKILL the real bot process mid-broadcast, restart it, and count what every chat got."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.delivery import service
from bot.domain.render import ReleaseView, render_release
from bot.domain.tagging import load_topics
from bot.domain.text import fold
from fakegram import FakeTelegram
from storage import Storage
from storage.releases import NewRelease
from storage.topics import TopicRow

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # two bot processes
# Big enough that the kill lands mid-broadcast with sends in flight (120 messages at 25 a second take
# about five seconds), small enough to be quick; the semantics do not depend on the size.
CHATS = [60_000 + i for i in range(48)] + [-1_006_000 - i for i in range(12)]
KILL_AFTER = 40  # messages received before the SIGKILL


async def _seed(path: Path) -> list[str]:
    """60 subscribed chats and one published two-part release waiting in the outbox; return the parts."""
    store = await Storage.open(path)
    try:
        await store.topics.seed(
            TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, i, True)
            for i, t in enumerate(load_topics())
        )
        org = await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=1)
        async with store.db.transaction() as tx:
            for chat_id in CHATS:
                kind = "supergroup" if chat_id < 0 else "private"
                await store.subscriptions.upsert_chat(chat_id, kind, tx=tx)
                await store.subscriptions.subscribe(chat_id, tx=tx)
        body = "\n\n".join(f"بند {i}: گزارش عملکرد هفته دولت در شهرستان‌های استان. " * 12 for i in range(8))
        draft = await store.releases.create_draft(
            NewRelease(org.id, 9, body, "گزارش هفته دولت", body, fold(body), ("governance",), None, None)
        )
        view = ReleaseView(
            release_id=draft.id,
            title=draft.title,
            body=body,
            org_name=org.name,
            county_name=None,
            topic_hashtags=("حکمرانی",),
            county_hashtag=None,
            published_at=datetime.now(UTC),
        )
        parts = render_release(view, ZoneInfo("Asia/Tehran"))
        assert len(parts) == 2
        await service.publish(store, draft.id, parts)
        return [p.html for p in parts]
    finally:
        await store.close()


def _start_bot(tg: FakeTelegram, database: Path, folder: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}
    env.update(
        BOT_TOKEN=tg.token,
        TELEGRAM_BASE_URL=tg.base_url,
        TELEGRAM_BASE_FILE_URL=tg.base_file_url,
        DATABASE_PATH=str(database),
        BROADCAST_RATE="25",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _in_flight(database: Path) -> int:
    with closing(sqlite3.connect(database)) as db:
        return int(db.execute("SELECT count(*) FROM deliveries WHERE status = 'in_flight'").fetchone()[0])


def _complete(tg: FakeTelegram, parts: list[str]) -> bool:
    received: dict[int, set[str]] = {}
    for message in tg.messages:
        received.setdefault(message.chat_id, set()).add(message.text or "")
    return all(received.get(chat_id, set()) >= set(parts) for chat_id in CHATS)


def test_sigkill_mid_broadcast_loses_nothing(tg_thread: FakeTelegram, tmp_path: Path) -> None:
    """After a SIGKILL mid-broadcast and a restart every chat has every part, in order; duplicates
    are at most the parts that were in flight at the kill."""
    tg_thread.set_latency(0.05, 0.03, seed=7)
    for chat_id in CHATS:
        if chat_id < 0:
            tg_thread.add_chat(chat_id, "supergroup", title=f"گروه {chat_id}")
    database = tmp_path / "bot.db"
    parts = asyncio.run(_seed(database))

    first = _start_bot(tg_thread, database, tmp_path)
    try:
        tg_thread.wait_until(lambda s: len(s.messages) >= KILL_AFTER, timeout=60)
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL
    in_flight_at_kill = _in_flight(database)
    sent_before_restart = len(tg_thread.messages)
    assert sent_before_restart < 2 * len(CHATS), "the kill must come before the broadcast ends"

    second = _start_bot(tg_thread, database, tmp_path)
    try:
        tg_thread.wait_until(lambda s: _complete(s, parts), timeout=120)
    finally:
        second.send_signal(signal.SIGTERM)
        _, stderr = second.communicate(timeout=30)
    assert second.returncode == 0, stderr

    per_chat = Counter(m.chat_id for m in tg_thread.messages)
    duplicates = sum(per_chat.values()) - 2 * len(CHATS)
    assert duplicates <= in_flight_at_kill, (duplicates, in_flight_at_kill)
    for chat_id in CHATS:
        texts = [m.text for m in tg_thread.messages_to(chat_id)]
        # Every part arrived, and the first copy of each part came in order.
        assert [t for i, t in enumerate(texts) if t not in texts[:i]] == parts
    assert sum(tg_thread.violations.values()) == 0
    assert _in_flight(database) == 0
    print(f"sent before kill={sent_before_restart} in flight at kill={in_flight_at_kill} duplicates={duplicates}")
