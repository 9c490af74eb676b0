"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

# The bot opts in to PTB's timedelta time periods (see bot/__init__.py); tests that use PTB without
# importing bot need the same, or every RetryAfter raises a deprecation warning (an error here).
os.environ.setdefault("PTB_TIMEDELTA", "1")

from tests.fakegram import FakeTelegram


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API server in the test's event loop, stopped after the test."""
    server = FakeTelegram()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def tg_thread() -> Iterator[FakeTelegram]:
    """A fake Telegram Bot API server in its own thread, for subprocess bots and sync code."""
    with FakeTelegram().run_in_thread() as server:
        yield server
