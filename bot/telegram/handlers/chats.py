"""The bot's own membership: added to or removed from groups and channels (my_chat_member updates)."""

from __future__ import annotations

import logging

from telegram import ChatMember, ChatMemberAdministrator, ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import ChatMemberHandler

from bot import texts
from bot.services.readers import Place
from bot.telegram.context import WireContext
from bot.telegram.views.journalist import picker

log = logging.getLogger(__name__)

_STATUSES = {
    ChatMemberStatus.OWNER: "administrator",
    ChatMemberStatus.ADMINISTRATOR: "administrator",
    ChatMemberStatus.MEMBER: "member",
    ChatMemberStatus.RESTRICTED: "restricted",
    ChatMemberStatus.LEFT: "left",
    ChatMemberStatus.BANNED: "kicked",
}


def bot_rights(change: ChatMemberUpdated) -> tuple[str, bool]:
    """The bot's new status (as stored) and whether it may post there.

    In a channel only an administrator with «Post messages» may post; in a group any member may,
    unless restricted from sending messages.
    """
    member = change.new_chat_member
    status = _STATUSES.get(member.status, "left")  # type: ignore[call-overload]
    if change.chat.type == "channel":
        return status, isinstance(member, ChatMemberAdministrator) and bool(member.can_post_messages)
    if status == "restricted":
        return status, bool(getattr(member, "can_send_messages", False))
    return status, status in {"member", "administrator"}


async def my_chat_member(update: Update, context: WireContext) -> None:
    """Register a chat the bot joined, deactivate one it left or may no longer post in, and tell people."""
    change = update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    chat, adder = change.chat, change.from_user
    status, can_post = bot_rights(change)
    readers = context.runtime.readers
    outcome = await readers.bot_status_changed(
        chat.id,
        chat.type,
        chat.title,
        chat.username,
        status=status,
        can_post=can_post,
        changed_by=adder.id if adder and not adder.is_bot else None,
        is_forum=bool(chat.is_forum),
    )
    was = _STATUSES.get(change.old_chat_member.status, "left")  # type: ignore[call-overload]
    if outcome not in {"joined", "cannot_post"}:
        return
    try:
        if chat.type == "channel" and adder is not None and not adder.is_bot:
            await _tell_channel_adder(context, change, outcome, was=was, now=status)
        elif chat.type in {"group", "supergroup"} and was in {"left", "kicked"}:
            await context.bot.send_message(chat.id, texts.GROUP_ADDED)
    except TelegramError as error:
        # The person who added the bot may never have started it; the chat is registered anyway.
        log.info("could not tell about chat_id=%d: %s", chat.id, error.message)


def _could_post(member: ChatMember) -> bool:
    return isinstance(member, ChatMemberAdministrator) and bool(member.can_post_messages)


async def _tell_channel_adder(
    context: WireContext, change: ChatMemberUpdated, outcome: str, *, was: str, now: str
) -> None:
    """Tell who changed the bot's rights in a channel exactly what changed: it became an admin (with or without
    the right to post), lost that right or its admin status, or got the right (back). Nothing when posting is
    unaffected (another right changed)."""
    chat, adder = change.chat, change.from_user
    title = chat.title or str(chat.id)
    could_post, was_admin = _could_post(change.old_chat_member), was == "administrator"
    if outcome == "cannot_post":
        if not was_admin:
            lost = texts.CHANNEL_CANNOT_POST.format(title=title)
        elif not could_post:
            return  # it could not post before either
        elif now == "administrator":
            lost = texts.CHANNEL_POST_RIGHT_LOST.format(title=title)
        else:
            lost = texts.CHANNEL_ADMIN_LOST.format(title=title)
        await context.bot.send_message(adder.id, lost)
        return
    if was_admin and could_post:
        return  # it could post before too
    readers = context.runtime.readers
    place = Place(chat.id, 0, chat.type, chat.title)
    subscription = await readers.subscription(place)
    current = set(subscription.filters.get("topic", ())) if subscription else set()
    if was_admin:
        given = texts.CHANNEL_POST_RIGHT_BACK.format(title=title, id=chat.id)
    else:
        given = texts.CHANNEL_ADDED.format(title=title, id=chat.id)
    await context.bot.send_message(
        adder.id,
        given,
        reply_markup=picker("o", place, readers.topic_options(), current),
    )


HANDLERS = [ChatMemberHandler(my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)]
