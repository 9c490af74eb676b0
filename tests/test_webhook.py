"""Webhook mode: the real bot process registers its webhook with a secret and only takes updates that carry it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from fakegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # the bot in a subprocess, in webhook mode
WEBHOOK_URL = "https://bot.example.ir/telegram"
SECRET = "wire-secret_0123456789abcdefABCDEF"
GOOD, NO_HEADER, WRONG_HEADER = 6001, 6002, 6003


def free_port() -> int:
    """A local TCP port nobody listens on (bound and released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def webhook_env(tg: FakeTelegram, folder: Path, port: int) -> dict[str, str]:
    """The environment of a bot in webhook mode against the fake Bot API server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_", "WEBHOOK_"))}
    env.update(
        BOT_TOKEN=tg.token,
        TELEGRAM_BASE_URL=tg.base_url,
        TELEGRAM_BASE_FILE_URL=tg.base_file_url,
        DATABASE_PATH=str(folder / "bot.db"),
        WEBHOOK_URL=WEBHOOK_URL,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        LOG_LEVEL="DEBUG",  # PTB logs setWebhook's parameters at DEBUG: the secret must still not show
        PYTHONPATH=str(ROOT),
    )
    return env


@dataclass
class WebhookBot:
    """A bot process in webhook mode: its local webhook URL, environment and log file (DEBUG logs are
    too many for a pipe nobody reads while the test runs)."""

    process: subprocess.Popen[str]
    url: str
    env: dict[str, str]
    log: Path

    def stop(self) -> str:
        """SIGTERM, wait, and return everything the bot logged."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        return self.log.read_text(encoding="utf-8")


@pytest.fixture
def webhook_bot(tg_thread: FakeTelegram, tmp_path: Path) -> Iterator[WebhookBot]:
    """`python -m bot run` in webhook mode, listening."""
    port = free_port()
    env = webhook_env(tg_thread, tmp_path, port)
    log = tmp_path / "bot.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )
    bot = WebhookBot(process, f"http://127.0.0.1:{port}/telegram", env, log)
    try:
        _wait_listening(bot, port)
        yield bot
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _wait_listening(bot: WebhookBot, port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bot.process.poll() is not None:
            raise AssertionError(f"the bot exited with {bot.process.returncode}: {bot.log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            time.sleep(0.1)
        else:
            return
    raise TimeoutError("the webhook server did not start")


def _post(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    return httpx.post(url, json=update, headers=headers, timeout=10).status_code


def test_webhook_takes_only_updates_with_the_secret(tg_thread: FakeTelegram, webhook_bot: WebhookBot) -> None:
    """setWebhook gets the URL and secret; a POST without or with a wrong secret is refused 403 and never
    answered; the right secret gets /help answered; SIGTERM stops the bot with exit code 0."""
    local = webhook_bot.url
    registered = tg_thread.webhook
    assert registered is not None
    assert registered["url"] == WEBHOOK_URL
    assert registered["secret_token"] == SECRET
    assert "message" in registered["allowed_updates"]
    assert not tg_thread.calls_to("getUpdates")

    assert _post(local, {"update_id": 1, **tg_thread.message(NO_HEADER, NO_HEADER, "/help")}, None) == 403
    assert _post(local, {"update_id": 2, **tg_thread.message(WRONG_HEADER, WRONG_HEADER, "/help")}, "guess") == 403
    # An update the library cannot parse is answered 200 (or Telegram sends it again forever) and skipped.
    malformed = {"update_id": 4, "message": {"message_id": 1, "date": "yesterday", "chat": "nowhere"}}
    assert _post(local, malformed, SECRET) == 200
    assert _post(local, {"update_id": 3, **tg_thread.message(GOOD, GOOD, "/help")}, SECRET) == 200
    [reply] = tg_thread.wait_until(lambda s: s.messages_to(GOOD), timeout=15)
    assert "راهنما" in (reply.text or "")
    time.sleep(0.5)  # the refused updates had as long to be answered, had they got in
    assert tg_thread.messages_to(NO_HEADER) == []
    assert tg_thread.messages_to(WRONG_HEADER) == []

    stderr = webhook_bot.stop()
    assert webhook_bot.process.returncode == 0, stderr
    # PTB logs each refused request with its traceback, at DEBUG only.
    assert [line for line in stderr.splitlines() if "Traceback" in line and "level=DEBUG" not in line] == []
    assert "database closed" in stderr
    assert "skipped an update the library cannot parse update_id=4 type=message" in stderr
    assert "yesterday" not in stderr  # the update's content is not logged
    assert SECRET not in stderr
    assert "<secret>" in stderr  # masked in setWebhook's parameters
    assert tg_thread.token.split(":")[1] not in stderr


def test_health_sees_the_registered_webhook(webhook_bot: WebhookBot) -> None:
    """`python -m bot health` next to a running webhook bot reports database, Bot API and webhook ok."""
    env = webhook_bot.env
    result = subprocess.run(
        [sys.executable, "-m", "bot", "health"],
        check=False,
        cwd=Path(env["DATABASE_PATH"]).parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["ok database", "ok bot_api", "ok webhook"]
