"""The newsroom beside the bot in webhook mode: `python -m bot run` serves the site on WEB_PORT as well."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from fakegram import FakeTelegram
from tests.test_webhook import WebhookBot, _wait_listening, free_port, webhook_env

pytestmark = pytest.mark.slow  # the bot in a subprocess


def test_webhook_mode_serves_the_newsroom_and_stops_it(tg_thread: FakeTelegram, tmp_path: Path) -> None:
    """In webhook mode the newsroom answers on its own port (pages and /healthz with the dispatcher running),
    and the port is closed once the bot has stopped on SIGTERM."""
    hook_port, web_port = free_port(), free_port()
    env = {**webhook_env(tg_thread, tmp_path, hook_port), "WEB_PORT": str(web_port)}
    log = tmp_path / "bot.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
    bot = WebhookBot(process, f"http://127.0.0.1:{hook_port}/telegram", env, log)
    try:
        _wait_listening(bot, hook_port)
        _wait_listening(bot, web_port)
        health = httpx.get(f"http://127.0.0.1:{web_port}/healthz", timeout=10)
        assert health.status_code == 200
        assert health.json()["dispatcher"]["running"] is True
        home = httpx.get(f"http://127.0.0.1:{web_port}/", timeout=10)
        assert home.status_code == 200
        assert '<html lang="fa" dir="rtl">' in home.text
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{web_port}/healthz", timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
