"""Who may send a command: the checks every admin command shares, answered through the error route."""

from __future__ import annotations

from telegram import Message, Update, User

from bot import texts
from bot.errors import WrongState
from bot.telegram.context import WireContext


async def admin_request(update: Update, context: WireContext) -> tuple[Message, User] | None:
    """The message and the admin who sent it, in a private chat; None when there is nothing to answer.

    NotAnAdmin when the sender is not an admin, WrongState when the command came from a group. The admin's
    name is kept, so that notices and /audit say who decided, not only a number.
    """
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return None
    administration = context.runtime.administration
    await administration.require_admin(user.id)
    if chat.type != chat.PRIVATE:
        raise WrongState(texts.PRIVATE_ONLY)
    await administration.saw_admin(user.id, user.full_name, user.username)
    return message, user
