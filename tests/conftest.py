"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

# The bot opts in to PTB's timedelta time periods (see bot/__init__.py); tests that use PTB without
# importing bot need the same, or every RetryAfter raises a deprecation warning (an error here).
os.environ.setdefault("PTB_TIMEDELTA", "1")
# The newsroom of every bot a test starts, in this process or as `python -m bot run`, listens on a port the
# system picks: the default 8080 would be taken by the first of the tests that run side by side.
os.environ.setdefault("WEB_PORT", "0")

from fakegram import FAST, TELEGRAM, FakeTelegram, TelegramLimits
from tests.harness import Cli


def limits_for(request: pytest.FixtureRequest) -> TelegramLimits:
    """Telegram's real limits for tests marked ``real_limits`` (the tests about them), else fast ones."""
    return TELEGRAM if request.node.get_closest_marker("real_limits") else FAST


@pytest.fixture
async def tg(request: pytest.FixtureRequest) -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API server in the test's event loop, stopped after the test.

    It enforces fast limits unless the test is marked ``real_limits``; a bot built with
    ``tests.harness.settings_for`` keeps the same ones."""
    server = FakeTelegram(limits=limits_for(request))
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def tg_thread() -> Iterator[FakeTelegram]:
    """A fake Telegram Bot API server in its own thread, for subprocess bots and sync code.

    A bot in a subprocess keeps Telegram's real limits (its settings come from the environment), so
    this server enforces them too."""
    with FakeTelegram(limits=TELEGRAM).run_in_thread() as server:
        yield server


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run the command line in this process (see ``Cli``); one smoke test runs it as a subprocess."""
    return Cli(monkeypatch, capsys)
