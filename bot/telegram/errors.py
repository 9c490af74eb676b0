"""The one error route: a ``UserError`` becomes the user's answer; anything else is logged and reported.

Handlers never catch a ``UserError`` to reply with it: they let it rise, and this handler answers in
the chat the update came from, or as an alert under the button that was pressed (in the chat when
that button was already answered). Unexpected errors are logged with the ids involved, the user gets
an apology, and the admin chat (``ADMIN_CHAT_ID``) is told at most once a minute.
"""

from __future__ import annotations

import contextlib
import logging
import time

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.errors import StorageUnavailable, UserError
from bot.telegram.context import WireContext
from storage.faults import refuses_writes

log = logging.getLogger(__name__)

ALERT_INTERVAL = 60.0  # at most one alert a minute reaches the admin chat
ALERT_LIMIT = 200  # Telegram shows at most 200 characters in a callback alert


async def on_error(update: object, context: WireContext) -> None:
    """Answer a ``UserError`` with its message; log anything else, tell the user and alert the admins."""
    if isinstance(context.error, UserError) and isinstance(update, Update):
        await answer_user_error(update, context.error)
        return
    chat_id = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    update_id = update.update_id if isinstance(update, Update) else None
    if refuses_writes(context.error):
        # Not a bug and not the user's mistake: the disk is full (or the database locked) for now.
        log.error("database refuses writes update_id=%s chat_id=%s: %s", update_id, chat_id, context.error)
        await _alert_admins(context, update_id, texts.ADMIN_ALERT_STORAGE.format(reason=context.error))
        if isinstance(update, Update):
            await answer_user_error(update, StorageUnavailable(texts.STORAGE_UNAVAILABLE))
        return
    log.error("unhandled error update_id=%s chat_id=%s", update_id, chat_id, exc_info=context.error)
    await _alert_admins(context, update_id)
    if isinstance(update, Update) and update.effective_message is not None and update.effective_chat is not None:
        try:
            await update.effective_message.reply_text(texts.INTERNAL_ERROR)
        except TelegramError:
            log.warning("could not tell chat_id=%s about the error", chat_id)


async def answer_user_error(update: Update, error: UserError) -> None:
    """Tell the user why their request was refused: an alert under a pressed button, else a reply."""
    query = update.callback_query
    if query is not None and not error.in_chat and len(error.message) <= ALERT_LIMIT:
        try:
            await query.answer(error.message, show_alert=True)
        except TelegramError:  # the handler answered the press already: say it in the chat instead
            pass
        else:
            return
    if query is not None and error.in_chat:
        with contextlib.suppress(TelegramError):  # only stops the button's spinner; the chat says why
            await query.answer()
    message = update.effective_message
    if message is None:
        return
    try:
        await message.reply_text(error.message)
    except TelegramError as failure:
        log.info("refusal not delivered chat_id=%s: %s", message.chat_id, failure.message)


async def _alert_admins(context: WireContext, update_id: int | None, text: str | None = None) -> None:
    """Tell the admin chat (ADMIN_CHAT_ID) that something went wrong (``text``), at most once a minute."""
    settings = context.bot_data.settings
    chat_id = settings.admin_chat_id if settings is not None else None
    if chat_id is None:
        return
    now, last = time.monotonic(), context.bot_data.last_admin_alert
    if last is not None and now - last < ALERT_INTERVAL:
        return
    context.bot_data.last_admin_alert = now
    kind = type(context.error).__name__ if context.error else "?"
    if text is None:
        text = texts.ADMIN_ALERT.format(kind=kind, update_id=update_id)
    try:
        await context.bot.send_message(chat_id, text)
    except TelegramError:
        log.warning("could not alert the admin chat")
