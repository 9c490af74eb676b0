"""Helpers that run the real Application against the fake Bot API server, as ``run_polling`` would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import Settings
from bot.services import Services, services_of
from tests.fakegram import FakeTelegram


def settings_for(tg: FakeTelegram, folder: Path, **overrides: str) -> Settings:
    """Settings that point the bot at the fake server and a database file in ``folder``.

    The bot keeps the rate limits the server enforces (``tg.limits``): fast ones unless the test is
    about the limits."""
    env = {
        "BOT_TOKEN": tg.token,
        "TELEGRAM_BASE_URL": tg.base_url,
        "TELEGRAM_BASE_FILE_URL": tg.base_file_url,
        "DATABASE_PATH": str(folder / "bot.db"),
        "ADMIN_IDS": "1",
    }
    env.update(overrides)
    return Settings.from_mapping(env, limits=tg.limits)


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start the application with long polling, with the same hooks and order as ``run_polling``."""
    application = build_application(settings)
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=Update.ALL_TYPES)
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        assert application.post_stop is not None
        assert application.post_shutdown is not None
        await application.post_stop(application)
        await application.shutdown()
        await application.post_shutdown(application)


def services(application: Application) -> Services:  # type: ignore[type-arg]
    """The running application's services."""
    return services_of(application.bot_data)
