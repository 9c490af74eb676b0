"""The one place that wires python-telegram-bot: handlers, services, start-up and shutdown."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from typing import cast

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.config import Settings
from bot.delivery.dispatcher import InteractiveRecorder
from bot.delivery.pacing import Pacer
from bot.runtime import Runtime
from bot.telegram.context import BotData, WireApplication, WireContext
from bot.telegram.errors import on_error
from bot.telegram.handlers import all_commands, all_handlers, early_handlers
from bot.telegram.http import bot_api_request
from bot.telegram.menus import Menus
from bot.telegram.updates import WireBot

log = logging.getLogger(__name__)


def build_application(settings: Settings, request: BaseRequest | None = None) -> WireApplication:
    """Build the Application: the bot, its handlers in order, and the services' lifecycle."""
    # One pacer for everything this process sends: broadcasts wait on it, interactive replies are only
    # recorded on it (never delayed), so broadcasts leave them room within the overall rate.
    pacer = Pacer(settings.broadcast_rate, limits=settings.telegram_limits)
    # Our own bot, so that an update the library cannot parse is skipped instead of stopping polling;
    # the requests are ApplicationBuilder's defaults (256 connections, and one for getUpdates).
    bot = WireBot(
        settings.bot_token.reveal(),
        base_url=settings.bot_api_url,
        base_file_url=settings.bot_api_file_url,
        request=request or bot_api_request(proxy=settings.telegram_proxy, connection_pool_size=256),
        get_updates_request=bot_api_request(proxy=settings.telegram_proxy, connection_pool_size=1),
        rate_limiter=InteractiveRecorder(pacer),
    )
    # The Application's bot type is ExtBot in the context's typing; WireBot is one.
    application = cast(
        "WireApplication",
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=WireContext, bot_data=BotData))
        .concurrent_updates(16)  # a slow handler must not hold up other users
        .post_init(functools.partial(_post_init, pacer))
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build(),
    )
    application.bot_data.settings = settings

    application.bot_data.menus = Menus(all_commands())
    # Each early handler in a group of its own: python-telegram-bot runs at most one handler per group,
    # and every one of them must see the update (the officer desk's and the question desk's modes end).
    for offset, handler in enumerate(early_handlers(), start=1):
        application.add_handler(handler, group=-offset)
    application.add_handlers(all_handlers())
    application.add_error_handler(on_error)
    return application


@contextlib.asynccontextmanager
async def polling(application: WireApplication) -> AsyncIterator[WireApplication]:
    """Run ``application`` with long polling inside an event loop that is already running (the demo, the
    tests), with the same hooks in the same order as ``run_polling``; stopped and shut down on exit."""
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


async def _post_init(pacer: Pacer, application: WireApplication) -> None:
    """Open the runtime before the first update; command menus are published in the background."""
    settings = application.bot_data.settings
    assert settings is not None
    runtime = await Runtime.open(settings, application.bot, pacer)
    application.bot_data.runtime = runtime
    # One call per officer and admin, so in the background rather than before the first update is
    # handled; failures are only logged.
    menus = application.bot_data.menus
    assert menus is not None
    runtime.spawn(menus.publish(application.bot, runtime.storage, settings), name="command-menus")


async def _post_stop(application: WireApplication) -> None:
    """Stop the loops and the dispatcher once no more updates are handled; messages in flight finish first."""
    if application.bot_data.runtime is not None:
        await application.bot_data.runtime.stop()


async def _post_shutdown(application: WireApplication) -> None:
    """Close the broadcast bot and the database after the last update was handled."""
    runtime, application.bot_data.runtime = application.bot_data.runtime, None
    if runtime is not None:
        await runtime.close()
