"""/weblink: whether the copies a chat receives carry the «🔗 متن کامل» link to the release's public page."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from bot import texts
from bot.errors import InvalidInput, WrongState
from bot.telegram.args import is_off
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.views.newsroom import web_link_text

ON_WORDS = frozenset({"on", "روشن"})


async def weblink_command(update: Update, context: WireContext) -> None:
    """/weblink on|off in a chat (or for the chat chosen with /use); without an argument, the current choice."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    readers, newsroom = context.runtime.readers, context.runtime.newsroom
    if chat.type != "private":
        await readers.remember_chat(chat.id, chat.type, chat.title, chat.username, is_forum=bool(chat.is_forum))
    place = await readers.place_for(user.id, chat.id, chat.type, chat.title, 0)  # the chat, not a forum topic
    label = place.label(here=place.chat_id == chat.id)
    words = [word.lower() for word in context.args or ()]
    if not words:
        await message.reply_text(
            web_link_text(await newsroom.web_link(place.chat_id), label) + "\n\n" + texts.WEB_LINK_USAGE
        )
        return
    if len(words) > 1 or not (words[0] in ON_WORDS or is_off(words[0])):
        raise InvalidInput(texts.WEB_LINK_USAGE)
    await readers.check_control(user.id, place)
    on = words[0] in ON_WORDS
    if not await newsroom.set_web_link(user.id, place.chat_id, on):
        raise WrongState(texts.NOT_SUBSCRIBED.format(place=label))
    await message.reply_text(web_link_text(on, label))


COMMANDS = (command("weblink", weblink_command, Menu.EVERYONE | Menu.GROUPS),)
HANDLERS: list[BaseHandler[Update, WireContext, None]] = [*command_handlers(COMMANDS)]
