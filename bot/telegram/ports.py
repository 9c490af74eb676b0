"""The services' ports (``bot.services.ports``) implemented over a python-telegram-bot ``Bot``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot import texts
from bot.domain.digits import fa
from bot.services.ports import ChatUnreachable, Ports, SentMessage
from bot.telegram.callbacks import Decision
from bot.telegram.errors import ALERT_INTERVAL
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


class DispatcherAlerts:
    """Tells the admin chat (ADMIN_CHAT_ID) that the dispatcher's loop failed and restarts, at most once a minute.

    The dispatcher's ``on_crash`` hook: the supervisor logs every restart; the admins hear of the first
    one and then of one a minute while it keeps failing.
    """

    def __init__(
        self,
        bot: Bot,
        chat_id: int | None,
        *,
        interval: float = ALERT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.interval = interval
        self.clock = clock
        self.last: float | None = None
        self.sent = 0

    async def __call__(self, error: BaseException, restarts: int, delay: float) -> None:
        """Alert the admin chat unless it was alerted less than ``interval`` seconds ago."""
        if self.chat_id is None:
            return
        now = self.clock()
        if self.last is not None and now - self.last < self.interval:
            return
        self.last = now
        text = texts.ADMIN_ALERT_DISPATCHER.format(
            kind=type(error).__name__, reason=str(error)[:200], restarts=fa(restarts), delay=fa(max(1, round(delay)))
        )
        try:
            await self.bot.send_message(self.chat_id, text)
        except TelegramError as failure:
            log.warning("could not alert the admin chat about the dispatcher: %s", failure.message)
        else:
            self.sent += 1
