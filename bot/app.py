"""The one place that wires python-telegram-bot: handlers, services, start-up and shutdown."""

from __future__ import annotations

import functools
import logging

from telegram.ext import ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.config import Settings
from bot.delivery.dispatcher import InteractiveRecorder
from bot.delivery.pacing import Pacer
from bot.runtime import Runtime
from bot.telegram.context import BotData, WireApplication, WireContext
from bot.telegram.errors import on_error
from bot.telegram.handlers import all_commands, all_handlers
from bot.telegram.menus import Menus

log = logging.getLogger(__name__)


def build_application(settings: Settings, request: BaseRequest | None = None) -> WireApplication:
    """Build the Application: the bot, its handlers in order, and the services' lifecycle."""
    builder = ApplicationBuilder().token(settings.bot_token.reveal())
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    if request is not None:
        builder = builder.request(request)
    # One pacer for everything this process sends: broadcasts wait on it, interactive replies are only
    # recorded on it (never delayed), so broadcasts leave them room within the overall rate.
    pacer = Pacer(settings.broadcast_rate, limits=settings.telegram_limits)
    application: WireApplication = (
        builder.context_types(ContextTypes(context=WireContext, bot_data=BotData))
        .concurrent_updates(16)  # a slow handler must not hold up other users
        .rate_limiter(InteractiveRecorder(pacer))
        .post_init(functools.partial(_post_init, pacer))
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.settings = settings

    application.bot_data.menus = Menus(all_commands())
    application.add_handlers(all_handlers())
    application.add_error_handler(on_error)
    return application


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
