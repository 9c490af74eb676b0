"""The global error handler: log first, then apologise to the user; the bot stays up."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts

log = logging.getLogger(__name__)

ALERT_INTERVAL = 60.0  # at most one alert a minute reaches the admin chat
_LAST_ALERT_KEY = "last_admin_alert"


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an unexpected exception with the ids involved, and tell the user something went wrong."""
    chat_id = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("unhandled error update_id=%s chat_id=%s", update_id, chat_id, exc_info=context.error)
    await _alert_admins(context, update_id)
    if isinstance(update, Update) and update.effective_message is not None and update.effective_chat is not None:
        try:
            await update.effective_message.reply_text(texts.INTERNAL_ERROR)
        except TelegramError:
            log.warning("could not tell chat_id=%s about the error", chat_id)


async def _alert_admins(context: ContextTypes.DEFAULT_TYPE, update_id: int | None) -> None:
    """Tell the admin chat (ADMIN_CHAT_ID) that something went wrong, at most once a minute."""
    settings = context.bot_data.get("settings")
    chat_id = getattr(settings, "admin_chat_id", None)
    if chat_id is None:
        return
    now = time.monotonic()
    if now - context.bot_data.get(_LAST_ALERT_KEY, -ALERT_INTERVAL) < ALERT_INTERVAL:
        return
    context.bot_data[_LAST_ALERT_KEY] = now
    kind = type(context.error).__name__ if context.error else "?"
    try:
        await context.bot.send_message(chat_id, texts.ADMIN_ALERT.format(kind=kind, update_id=update_id))
    except TelegramError:
        log.warning("could not alert the admin chat")
