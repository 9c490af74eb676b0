"""The services' ports (``bot.services.ports``) implemented over a python-telegram-bot ``Bot``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot import texts
from bot.services.ports import ChatUnreachable, Ports, SentMessage
from bot.telegram.callbacks import Decision
from bot.telegram.views.officer import report_text
from storage import Storage
from storage.outbox import Progress

log = logging.getLogger(__name__)

CONTROLLING = {ChatMemberStatus.OWNER: "creator", ChatMemberStatus.ADMINISTRATOR: "administrator"}


class TelegramNotices:
    """Notices sent by the bot itself; a user who blocked the bot does not stop the service that called."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def tell(self, chat_id: int, text: str) -> SentMessage | None:
        """Send a plain notice; None (logged) when Telegram refused it."""
        return await self._send(chat_id, text, None)

    async def ask_decision(self, chat_id: int, text: str, release_id: int) -> SentMessage | None:
        """Send an admin a release awaiting approval, with approve and reject buttons."""
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(texts.BUTTON_APPROVE, callback_data=Decision("apr", release_id).pack()),
                    InlineKeyboardButton(texts.BUTTON_REJECT, callback_data=Decision("rej", release_id).pack()),
                ]
            ]
        )
        return await self._send(chat_id, text, keyboard)

    async def _send(self, chat_id: int, text: str, keyboard: InlineKeyboardMarkup | None) -> SentMessage | None:
        try:
            message = await self.bot.send_message(chat_id, text, reply_markup=keyboard)
        except TelegramError as error:
            log.info("notice not delivered chat_id=%d: %s", chat_id, error.message)
            return None
        return SentMessage(message.chat_id, message.message_id)


class TelegramChatControl:
    """Who controls a chat, asked of the Bot API at the moment of the change."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def role(self, chat_id: int, user_id: int) -> str | None:
        """``creator`` or ``administrator``, or None; ChatUnreachable when Telegram cannot say."""
        try:
            member = await self.bot.get_chat_member(chat_id, user_id)
        except TelegramError as error:
            log.info("control check failed chat_id=%d user_id=%d: %s", chat_id, user_id, error.message)
            raise ChatUnreachable(error.message) from None
        return CONTROLLING.get(member.status)  # type: ignore[call-overload, no-any-return]


def telegram_ports(bot: Bot, wake_dispatcher: Callable[[], None]) -> Ports:
    """The ports of an application whose messenger is ``bot``."""
    return Ports(notices=TelegramNotices(bot), chat_control=TelegramChatControl(bot), wake_dispatcher=wake_dispatcher)


class LiveReports:
    """Keeps each published release's report message up to date; the dispatcher throttles the calls."""

    def __init__(self, storage: Storage, bot: Bot) -> None:
        self.storage = storage
        self.bot = bot

    async def __call__(self, progress: Progress) -> None:
        """Edit the officer's report message to show ``progress``."""
        where = await self.storage.releases.report_message(progress.release_id)
        if where is None:
            return
        chat_id, message_id = where
        try:
            await self.bot.edit_message_text(report_text(progress), chat_id, message_id)
        except TelegramError as error:  # "not modified", or the officer deleted it: the report is advisory
            log.info("report not updated release_id=%d: %s", progress.release_id, error.message)
