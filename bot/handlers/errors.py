"""The global error handler: log first, then apologise to the user; the bot stays up."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an unexpected exception with the ids involved, and tell the user something went wrong."""
    chat_id = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("unhandled error update_id=%s chat_id=%s", update_id, chat_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None and update.effective_chat is not None:
        try:
            await update.effective_message.reply_text(texts.INTERNAL_ERROR)
        except TelegramError:
            log.warning("could not tell chat_id=%s about the error", chat_id)
