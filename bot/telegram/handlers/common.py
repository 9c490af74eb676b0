"""Handlers every user meets: the welcome, help, and the answers to what nothing else handles."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import texts
from bot.telegram.commands import Menu, Section, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.handlers import journalist, officer, private
from bot.telegram.menus import Role, role_of
from bot.telegram.replies import reply_long


async def start(update: Update, context: WireContext) -> None:
    """Greet the user and open the topic picker; ``/start inv_CODE`` (an invite link) joins an officer."""
    if update.effective_message is None:
        return
    if context.args and context.args[0].startswith(officer.INVITE_PREFIX):
        await officer.join(update, context, context.args[0].removeprefix(officer.INVITE_PREFIX))
        return
    if update.effective_chat is not None and update.effective_chat.type != "private":
        await update.effective_message.reply_text(texts.GROUP_ADDED)
        return
    await journalist.onboard(update, context)


async def help_command(update: Update, context: WireContext) -> None:
    """The commands this user may use, their own first, under a line on who they are: a journalist's, an
    officer's (with whether their agency needs approval), an admin's; in a group, what works there."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None:
        return
    menus = context.menus
    if user is None or chat is None or chat.type != "private":
        await reply_long(message, menus.group_help_text(), html_mode=True)
        return
    storage = context.runtime.storage
    role = await role_of(storage, context.runtime.settings, user.id)
    officer = await storage.officers.get(user.id)
    org = await storage.organizations.get(officer.organization_id) if officer and officer.active else None
    if role is Role.ADMIN:
        text = menus.help_text(role, intro=texts.HELP_INTRO_ADMIN, desk=org is not None)
    elif role is Role.OFFICER and org is not None:
        publishing = texts.HELP_OFFICER_APPROVAL if org.requires_approval else texts.HELP_OFFICER_DIRECT
        intro = texts.HELP_INTRO_OFFICER.format(org=html.escape(org.name), publishing=publishing)
        text = menus.help_text(role, intro=intro)
    else:
        text = menus.help_text(Role.EVERYONE, intro=texts.HELP_INTRO_JOURNALIST)
    await reply_long(message, text, html_mode=True)


async def my_id(update: Update, context: WireContext) -> None:
    """Tell anyone their Telegram user id (what ADMIN_IDS takes), and in a group the group's id too."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None:
        return
    # Latin digits on purpose: the id is copied into ADMIN_IDS or ADMIN_CHAT_ID as it is.
    text = texts.MY_ID.format(user_id=user.id)
    if chat is not None and chat.type != "private":
        text += "\n" + texts.MY_ID_CHAT.format(chat_id=chat.id)
    await message.reply_html(text)


async def unknown_command(update: Update, context: WireContext) -> None:
    """Tell the user that a command does not exist, instead of staying silent."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNKNOWN_COMMAND)


async def unsupported_message(update: Update, context: WireContext) -> None:
    """Answer a private message nothing else handled, so nothing a user sends goes unanswered."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNSUPPORTED_MESSAGE)


COMMANDS = (
    command("start", start, Menu.EVERYONE, section=Section.GENERAL),
    command("help", help_command, Menu.EVERYONE | Menu.GROUPS, section=Section.GENERAL),
    command("myid", my_id, Menu.EVERYONE | Menu.GROUPS, section=Section.GENERAL),
)
HANDLERS = command_handlers(COMMANDS)
# After every other handler: an unknown command, then any other private message (an answer, a question,
# a draft: bot.telegram.handlers.private decides), and anything still left in private.
FALLBACKS: list[BaseHandler[Update, WireContext, None]] = [
    MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command),
    private.HANDLER,
    MessageHandler(filters.ChatType.PRIVATE, unsupported_message),
]
