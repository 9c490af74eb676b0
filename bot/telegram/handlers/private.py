"""What a private message that is no command means, decided in one place.

First the question desk's reading (``questions.receive``): a reply to a question's notice (an officer's
answer, a journalist's follow-up), a reason an officer was asked for, the answer after ``/answer``, a
journalist's question or follow-up they were asked to write. Then the officer desk's
(``officer.receive``): a draft, a draft's new text or a correction; anyone else is told the bot cannot
use the message. An album's items arrive one by one and are routed together, once it is complete.

An edited message (Telegram's «ویرایش») is matched by its id: the officer desk's first, when a draft or a
release was made from it (``officer.edited``), else the question desk's reading as before; an edit is never
made into a new draft.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import MessageHandler, filters

from bot.telegram.context import WireContext
from bot.telegram.handlers import approval, officer, questions


async def private_message(update: Update, context: WireContext) -> None:
    """Route a private message (an album once all its items are in) to the desk it belongs to."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if update.edited_message is not None:
        if not await officer.edited(message, context, user.id):
            await questions.receive([message], context, user.id)
        return
    if message.media_group_id:
        context.bot_data.albums.add(message, lambda items: _route(items, context, user.id))
        return
    await _route([message], context, user.id)


async def _route(items: list[Message], context: WireContext, user_id: int) -> None:
    if await approval.receive(items, context, user_id) or await questions.receive(items, context, user_id):
        return
    await officer.receive(items, context, user_id)


HANDLER = MessageHandler(filters.ChatType.PRIVATE & ~filters.COMMAND, private_message)
