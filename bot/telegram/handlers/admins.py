"""Admins manage the other admins: /addadmin, /removeadmin and /admins (DESIGN §2, issue 6).

Admins are the users in ``ADMIN_IDS`` (fixed by whoever runs the server) plus those added here, who
are stored in the ``admins`` table and can be removed again here. Every admin command uses the same
guard, :func:`bot.telegram.handlers.admin.admin_services`.
"""

from __future__ import annotations

import logging
import re

from telegram import Bot, Message, Update, User
from telegram.error import TelegramError

from bot import texts
from bot.domain.jalali import format_datetime
from bot.services.core import Core
from bot.telegram.context import WireContext
from bot.telegram.handlers.admin import admin_services, fa, parse_id
from bot.telegram.menus import refresh_user_menu, set_admin_menu

log = logging.getLogger(__name__)

_COMMAND_AND_REST = re.compile(r"\S+\s*(.*)\Z", re.DOTALL)


def arguments(update: Update) -> str:
    """Everything after the command, with its line breaks (a keyword list may span lines)."""
    text = update.effective_message.text if update.effective_message and update.effective_message.text else ""
    match = _COMMAND_AND_REST.match(text.strip())
    return match.group(1).strip() if match else ""


def _user_id(argument: str) -> int | None:
    """A Telegram user id (a positive number, Latin or Persian digits), or None."""
    value = parse_id(argument) if argument and len(argument.split()) == 1 else None
    return value if value is not None and value > 0 else None


async def _tell(bot: Bot, user_id: int, text: str) -> None:
    """Let the user know, if they ever started the bot; their new rights stand either way."""
    try:
        await bot.send_message(user_id, text)
    except TelegramError as error:
        log.info("could not tell user_id=%d about their admin rights: %s", user_id, error.message)


async def _refresh_menu(context: WireContext, services: Core, user_id: int, *, admin: bool) -> None:
    """Give the user the command menu of their role now; a failure is only logged, the change of rights stands."""
    try:
        if admin:
            await set_admin_menu(context.bot, user_id)
        else:  # back to the officer's or everyone's menu, whichever they have now
            await refresh_user_menu(context.bot, services.storage, services.settings, user_id)
    except Exception:  # a menu is a convenience: never fail the command over it
        log.exception("command menu not refreshed user_id=%d", user_id)


async def _subject(update: Update, context: WireContext, usage: str) -> tuple[Core, Message, User, int] | None:
    """For an admin's command about one user: the services, the message, the admin and that user's id.

    None when the sender is not an admin (already told) or the id is missing or not a number (usage sent).
    """
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return None
    message = update.effective_message
    argument = arguments(update)
    user_id = _user_id(argument)
    if user_id is None:
        await message.reply_text(texts.ADMIN_ID_NOT_A_NUMBER.format(value=argument, usage=usage) if argument else usage)
        return None
    return services, message, update.effective_user, user_id


async def add_admin(update: Update, context: WireContext) -> None:
    """/addadmin USER_ID: make a user an admin, at once."""
    found = await _subject(update, context, texts.ADDADMIN_USAGE)
    if found is None:
        return
    services, message, actor, user_id = found
    if user_id in services.settings.admin_ids:
        await message.reply_text(texts.ADDADMIN_EXISTS.format(user_id=fa(user_id)))
        return
    async with services.storage.db.transaction() as tx:
        added = await services.storage.officers.add_admin(user_id, actor.id, tx=tx)
        if added:
            await services.storage.audit.record(actor.id, "admin.add", "user", user_id, tx=tx)
    if not added:
        await message.reply_text(texts.ADDADMIN_EXISTS.format(user_id=fa(user_id)))
        return
    log.info("admin added user_id=%d by user_id=%d", user_id, actor.id)
    await message.reply_text(texts.ADDADMIN_DONE.format(user_id=fa(user_id)))
    await _refresh_menu(context, services, user_id, admin=True)
    await _tell(context.bot, user_id, texts.ADDADMIN_NOTICE)


async def remove_admin(update: Update, context: WireContext) -> None:
    """/removeadmin USER_ID: take admin rights from a user added through the bot."""
    found = await _subject(update, context, texts.REMOVEADMIN_USAGE)
    if found is None:
        return
    services, message, actor, user_id = found
    if user_id in services.settings.admin_ids:
        await message.reply_text(texts.REMOVEADMIN_FROM_SETTINGS.format(user_id=fa(user_id)))
        return
    async with services.storage.db.transaction() as tx:
        stored = {admin.user_id for admin in await services.storage.officers.admins(tx=tx)}
        # With no ADMIN_IDS, the stored admins are all there is: the last one must stay.
        last = user_id == actor.id and not services.settings.admin_ids and stored == {user_id}
        removed = not last and await services.storage.officers.remove_admin(user_id, tx=tx)
        if removed:
            await services.storage.audit.record(actor.id, "admin.remove", "user", user_id, tx=tx)
    if last:
        await message.reply_text(texts.REMOVEADMIN_LAST)
        return
    if not removed:
        await message.reply_text(texts.REMOVEADMIN_NONE.format(user_id=fa(user_id)))
        return
    log.info("admin removed user_id=%d by user_id=%d", user_id, actor.id)
    await message.reply_text(texts.REMOVEADMIN_DONE.format(user_id=fa(user_id)))
    await _refresh_menu(context, services, user_id, admin=False)
    if user_id != actor.id:
        await _tell(context.bot, user_id, texts.REMOVEADMIN_NOTICE)


async def list_admins(update: Update, context: WireContext) -> None:
    """/admins: the admins from ADMIN_IDS, then those added through the bot."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    me = update.effective_user.id
    lines = [texts.ADMINS_HEADER]
    for user_id in sorted(services.settings.admin_ids):
        lines.append(
            texts.ADMIN_LINE_SETTINGS.format(user_id=fa(user_id), you=texts.ADMIN_YOU if user_id == me else "")
        )
    for admin in await services.storage.officers.admins():
        if admin.user_id in services.settings.admin_ids:
            continue
        lines.append(
            texts.ADMIN_LINE_ADDED.format(
                user_id=fa(admin.user_id),
                when=format_datetime(admin.added_at, services.settings.timezone),
                by=texts.ADMIN_ADDED_BY.format(added_by=fa(admin.added_by)) if admin.added_by is not None else "",
                you=texts.ADMIN_YOU if admin.user_id == me else "",
            )
        )
    lines.append("")
    lines.append(texts.ADMINS_FOOTER)
    await update.effective_message.reply_html("\n".join(lines))
