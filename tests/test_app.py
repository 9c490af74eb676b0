"""The real Application against the fake Bot API server: welcome, fallbacks, errors, clean shutdown."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from bot import texts
from fakegram import FakeTelegram
from tests.harness import running_bot, settings_for

ROOT = Path(__file__).resolve().parent.parent
USER = 5001


async def test_start_answers_with_the_persian_welcome(tg: FakeTelegram, tmp_path: Path) -> None:
    """/start in a private chat gets the welcome message through the real Application."""
    async with running_bot(settings_for(tg, tmp_path)):
        tg.send_text(USER, USER, "/start")
        welcome = await tg.wait_for(lambda s: s.messages_to(USER), timeout=10)
    assert "خبرنامه روابط عمومی استان ایلام" in welcome[0].text
    assert welcome[0].parse_mode == "HTML"


@pytest.mark.parametrize(
    ("sent", "expected"),
    [("/nosuchcommand", texts.UNKNOWN_COMMAND), ("سلام", texts.UNSUPPORTED_MESSAGE)],
)
async def test_nothing_sent_goes_unanswered(tg: FakeTelegram, tmp_path: Path, sent: str, expected: str) -> None:
    """An unknown command or an unexpected message gets a Persian explanation, not silence."""
    async with running_bot(settings_for(tg, tmp_path)):
        tg.send_text(USER, USER, sent)
        replies = await tg.wait_for(lambda s: s.messages_to(USER), timeout=10)
    assert replies[0].text == expected


async def test_error_handler_apologises_and_the_bot_stays_up(tg: FakeTelegram, tmp_path: Path) -> None:
    """A failing reply reaches the global error handler, the user is told, and later updates still work."""
    async with running_bot(settings_for(tg, tmp_path)):
        tg.fail("server_error", methods={"sendMessage"}, times=1, status=500)
        tg.send_text(USER, USER, "/start")
        apology = await tg.wait_for(lambda s: s.messages_to(USER), timeout=10)
        assert apology[0].text == texts.INTERNAL_ERROR
        tg.send_text(USER, USER, "/help")
        await tg.wait_for(lambda s: len(s.messages_to(USER)) == 2, timeout=10)
    assert "راهنما" in tg.messages_to(USER)[1].text


async def test_startup_migrates_and_seeds_topics(tg: FakeTelegram, tmp_path: Path) -> None:
    """Starting the bot creates the database with the 15 default topics."""
    async with running_bot(settings_for(tg, tmp_path)):
        pass
    with closing(sqlite3.connect(tmp_path / "bot.db")) as db:
        slugs = {row[0] for row in db.execute("SELECT slug FROM topics")}
    assert len(slugs) == 15
    assert {"health", "border", "public_relations"} <= slugs


@pytest.mark.slow
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_run_polls_and_shuts_down_cleanly(tg_thread: FakeTelegram, tmp_path: Path, stop_signal: int) -> None:
    """`python -m bot run` answers /start, and SIGTERM or SIGINT stops it with exit code 0 and no traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}
    env.update(
        BOT_TOKEN=tg_thread.token,
        TELEGRAM_BASE_URL=tg_thread.base_url,
        TELEGRAM_BASE_FILE_URL=tg_thread.base_file_url,
        DATABASE_PATH=str(tmp_path / "bot.db"),
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        tg_thread.wait_until(lambda s: s.calls_to("getUpdates"), timeout=30)
        tg_thread.send_text(USER, USER, "/start")
        tg_thread.wait_until(lambda s: s.messages_to(USER), timeout=15)
        time.sleep(0.2)
        process.send_signal(stop_signal)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "database closed" in stderr
    assert tg_thread.token.split(":")[1] not in stderr


@pytest.mark.real_limits
async def test_quick_messages_get_every_reply_without_a_flood_error(tg: FakeTelegram, tmp_path: Path) -> None:
    """Three messages sent at once are answered one a second apart, none refused by Telegram's chat limit."""
    async with running_bot(settings_for(tg, tmp_path)):
        for text in ("/start", "/foo", "سلام"):
            tg.send_text(USER, USER, text)
        await tg.wait_for(lambda s: len(s.messages_to(USER)) >= 3, timeout=15)
    assert len(tg.messages_to(USER)) == 3
    assert not [c for c in tg.calls if c.status == 429]
    gaps = [b.at - a.at for a, b in itertools.pairwise(tg.messages_to(USER))]
    assert min(gaps) >= 1.0


async def test_unexpected_errors_alert_the_admin_chat_once_a_minute(tg: FakeTelegram, tmp_path: Path) -> None:
    """With ADMIN_CHAT_ID set, an unexpected error is reported there, and a burst of errors only once."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_CHAT_ID="-100500")):
        # /start's reply and its apology fail (one error event); /help's reply fails too (a second event),
        # and its apology gets through.
        tg.fail("server_error", methods={"sendMessage"}, chat_ids=USER, times=3, status=500)
        tg.send_text(USER, USER, "/start")
        await tg.wait_for(lambda s: s.messages_to(-100500), timeout=10)
        tg.send_text(USER, USER, "/help")
        await tg.wait_for(lambda s: s.messages_to(USER), timeout=10)
    assert tg.messages_to(USER)[0].text == texts.INTERNAL_ERROR
    [alert] = tg.messages_to(-100500)
    assert (alert.text or "").startswith("⚠️ خطای پیش‌بینی‌نشده در ربات: NetworkError")
