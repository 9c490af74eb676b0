"""Handlers every user meets: the welcome, help, unknown commands and unsupported messages."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts
from bot.handlers import officer

log = logging.getLogger(__name__)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and say what the bot does; ``/start inv_CODE`` (an invite link) joins an officer."""
    if update.effective_message is None:
        return
    if context.args and context.args[0].startswith(officer.INVITE_PREFIX):
        await officer.join(update, context, context.args[0].removeprefix(officer.INVITE_PREFIX))
        return
    await update.effective_message.reply_html(texts.WELCOME)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_html(texts.HELP)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the user that a command does not exist, instead of staying silent."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNKNOWN_COMMAND)


async def unsupported_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a private message nothing else handled, so nothing a user sends goes unanswered."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNSUPPORTED_MESSAGE)
