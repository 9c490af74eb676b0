"""A full disk under the real bot process: every write fails for a while (``tests/diskfull.py``).

The bot runs as ``python -m bot run`` in a subprocess whose file-size limit the test switches: while it
is on, SQLite's writes fail with "disk I/O error" and reads still work, as on a full disk.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.delivery import service
from bot.domain.render import ReleaseView, render_release
from bot.domain.tagging import load_topics
from bot.domain.text import fold
from fakegram import FakeTelegram
from storage import Storage
from storage.db import utcnow
from storage.releases import NewRelease
from storage.topics import TopicRow

ROOT = Path(__file__).resolve().parent.parent
# The bot in a subprocess (its start-up loads hazm), and 15 s of a full disk: more than the usual minute under load.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(150)]
CHATS = [80_000 + i for i in range(150)]
OFFICER = 3001
ADMIN_CHAT = 9001
FULL_FOR = 15.0  # seconds of failing writes (the finding 1)
STOP_LIMIT = 10.0  # a graceful stop takes at most this long (finding 10)


async def _seed(path: Path) -> None:
    """150 subscribed chats, release 1 published and waiting in the outbox, and draft 2 of the same officer."""
    store = await Storage.open(path)
    try:
        await store.topics.seed(
            TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, i, True)
            for i, t in enumerate(load_topics())
        )
        org = await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=1)
        await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite("code", OFFICER, "کارشناس", None)
        async with store.db.transaction() as tx:
            for chat_id in CHATS:
                await store.subscriptions.upsert_chat(chat_id, "private", tx=tx)
                await store.subscriptions.subscribe(chat_id, tx=tx)
        bodies = (
            "گزارش عملکرد هفته دولت در شهرستان‌های استان ایلام و پروژه‌های افتتاح‌شده.",
            "برگزاری جشنواره فرهنگی عشایر در دهلران با حضور هنرمندان بومی استان.",
        )
        for number, body in enumerate(bodies, start=1):
            draft = await store.releases.create_draft(
                NewRelease(org.id, OFFICER, body, f"خبر {number}", body, fold(body), ("governance",), None, None)
            )
            if number == 1:
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
                await service.publish(store, draft.id, render_release(view, ZoneInfo("Asia/Tehran")))
    finally:
        await store.close()


class BotProcess:
    """``python -m tests.diskfull`` (the bot with the disk switch) with its standard error collected."""

    def __init__(self, tg: FakeTelegram, database: Path, folder: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_", "ADMIN_"))}
        env.update(
            BOT_TOKEN=tg.token,
            TELEGRAM_BASE_URL=tg.base_url,
            TELEGRAM_BASE_FILE_URL=tg.base_file_url,
            DATABASE_PATH=str(database),
            BROADCAST_RATE="25",
            ADMIN_IDS="1",
            ADMIN_CHAT_ID=str(ADMIN_CHAT),
            PYTHONPATH=str(ROOT),
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.diskfull"],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,  # a pipe: the file-size limit does not apply to it
            text=True,
        )
        self.log: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line)

    def fill_disk(self) -> None:
        self.proc.send_signal(signal.SIGUSR1)

    def free_disk(self) -> None:
        self.proc.send_signal(signal.SIGUSR2)

    def stop(self, limit: float = 30.0) -> float:
        """SIGTERM, and the seconds until the process exited (killed after ``limit``)."""
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        took = time.monotonic() - started
        self._reader.join(timeout=5)
        return took

    def kill(self) -> None:
        """Kill the process if it still runs, and close its pipe."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)
        if self.proc.stderr is not None:
            self.proc.stderr.close()


def _received(tg: FakeTelegram, text_part: str) -> Counter[int]:
    return Counter(m.chat_id for m in tg.messages if m.chat_id in CHATS and text_part in (m.text or ""))


def _reply_to(tg: FakeTelegram, chat_id: int, command: str, timeout: float = 15.0) -> str:
    before = len(tg.messages_to(chat_id))
    tg.send_text(chat_id, chat_id, command)
    tg.wait_until(lambda s: len(s.messages_to(chat_id)) > before, timeout=timeout)
    return tg.messages_to(chat_id)[before].text or ""


def test_broadcast_resumes_by_itself_after_writes_fail(tg_thread: FakeTelegram, tmp_path: Path) -> None:
    """Finding 1: 15 s of failing writes mid-broadcast. Users are told the system cannot save for now, the
    admin chat is alerted, and once writes work again the broadcast resumes by itself: every chat gets
    release 1, none is lost, and release 2, published afterwards, reaches every chat too."""
    database = tmp_path / "bot.db"
    asyncio.run(_seed(database))
    bot = BotProcess(tg_thread, database, tmp_path)
    try:
        tg_thread.wait_until(lambda s: len(_received(s, "خبر 1")) >= 40, timeout=40)
        bot.fill_disk()
        full_since = time.monotonic()
        refused = _reply_to(tg_thread, OFFICER, "/publish 2")
        time.sleep(max(0.0, FULL_FOR - (time.monotonic() - full_since)))
        bot.free_disk()
        stalled = len(_received(tg_thread, "خبر 1"))
        tg_thread.wait_until(lambda s: len(_received(s, "خبر 1")) == len(CHATS), timeout=30)
        _reply_to(tg_thread, OFFICER, "/publish 2")
        tg_thread.wait_until(lambda s: len(_received(s, "خبر 2")) == len(CHATS), timeout=30)
        took = bot.stop()
    finally:
        bot.kill()
    log = "".join(bot.log)
    assert stalled < len(CHATS), "the disk filled up mid-broadcast"
    assert refused == texts.STORAGE_UNAVAILABLE
    first, second = _received(tg_thread, "خبر 1"), _received(tg_thread, "خبر 2")
    assert set(first) == set(CHATS)
    assert set(second) == set(CHATS)
    assert max(second.values()) == 1
    # Duplicates only for sends that were in flight when writes began to fail (at most the concurrency).
    assert sum(first.values()) - len(CHATS) <= 16
    assert "dispatcher crashed" in log
    alerts = [m.text or "" for m in tg_thread.messages_to(ADMIN_CHAT)]
    assert any(texts.ADMIN_ALERT_DISPATCHER.split("{")[0] in a for a in alerts), alerts
    assert took < STOP_LIMIT


def test_graceful_stop_while_writes_fail_is_quick(tg_thread: FakeTelegram, tmp_path: Path) -> None:
    """Finding 10: SIGTERM while every write fails mid-broadcast: the bot exits within 10 s; the next start
    (with a working disk) sends what was left, and no chat is lost."""
    database = tmp_path / "bot.db"
    asyncio.run(_seed(database))
    bot = BotProcess(tg_thread, database, tmp_path)
    try:
        tg_thread.wait_until(lambda s: len(_received(s, "خبر 1")) >= 30, timeout=40)
        bot.fill_disk()
        time.sleep(3.0)
        took = bot.stop()
    finally:
        bot.kill()
    assert took < STOP_LIMIT, f"stopping took {took:.1f} s"
    assert len(_received(tg_thread, "خبر 1")) < len(CHATS)
    again = BotProcess(tg_thread, database, tmp_path)
    try:
        tg_thread.wait_until(lambda s: len(_received(s, "خبر 1")) == len(CHATS), timeout=30)
        again.stop()
    finally:
        again.kill()
