"""The services' ports (``bot.services.ports``) implemented over a python-telegram-bot ``Bot``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram import Bot, InlineKeyboardMarkup, ReplyParameters
from telegram.constants import ChatMemberStatus, MessageLimit
from telegram.error import TelegramError

from bot import texts
from bot.domain.digits import fa
from bot.services.ports import Audience, ChatUnreachable, Ports, SentMessage
from bot.telegram.errors import ALERT_INTERVAL
from bot.telegram.views.admin import decision_keyboard
from bot.telegram.views.officer import report_text
from bot.telegram.views.questions import journalist_keyboard, officer_keyboard
from storage import Storage
from storage.outbox import Progress
from storage.questions import Incoming

log = logging.getLogger(__name__)

CONTROLLING = {ChatMemberStatus.OWNER: "creator", ChatMemberStatus.ADMINISTRATOR: "administrator"}


def _units(text: str) -> int:
    """Telegram measures texts and captions in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _fitted(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` UTF-16 units with an ellipsis (services keep within it; this is the last guard)."""
    if _units(text) <= limit:
        return text
    while _units(text) > limit - 1:
        text = text[: max(0, len(text) - (_units(text) - limit + 1))]
    return text + "…"


class TelegramNotices:
    """Notices sent by the bot itself; a user who blocked the bot does not stop the service that called.

    Notices are plain text (no parse mode): names and texts that users typed are shown as they are.
    ``storage`` (when given) remembers where question notices landed, so a reply to one reaches its thread.
    """

    def __init__(self, bot: Bot, storage: Storage | None = None) -> None:
        self.bot = bot
        self.storage = storage

    async def tell(self, chat_id: int, text: str) -> SentMessage | None:
        """Send a plain notice; None (logged) when Telegram refused it."""
        return await self._send(chat_id, text, None)

    async def ask_decision(self, chat_id: int, text: str, release_id: int) -> SentMessage | None:
        """Send an admin a release awaiting approval, with the full-text, approve and reject buttons."""
        return await self._send(chat_id, _fitted(text, MessageLimit.MAX_TEXT_LENGTH), decision_keyboard(release_id))

    async def settle(self, chat_id: int, message_id: int, text: str) -> bool:
        """Replace a notice's text (its buttons go with it); False (logged) when Telegram refused."""
        try:
            await self.bot.edit_message_text(_fitted(text, MessageLimit.MAX_TEXT_LENGTH), chat_id, message_id)
        except TelegramError as error:  # deleted by the admin, or the same text already: the decision stands
            log.info("notice not settled chat_id=%d message_id=%d: %s", chat_id, message_id, error.message)
            return False
        return True

    async def question_notice(
        self, chat_id: int, text: str, question_id: int, *, audience: Audience, attachment: Incoming | None = None
    ) -> SentMessage | None:
        """Send a question's notice with that audience's buttons: with a file, the text is its caption when it
        fits, else the text goes first and the file after it. Both messages map back to the question."""
        keyboard = (
            officer_keyboard(question_id)
            if audience == "officer"
            else journalist_keyboard(question_id)
            if audience == "journalist"
            else None
        )
        file = attachment if attachment is not None and attachment.has_file else None
        if file is not None and _units(text) <= MessageLimit.CAPTION_LENGTH:
            sent = await self._send_file(chat_id, file, text, keyboard)
            await self._remember(sent, question_id)
            return sent
        sent = await self._send(chat_id, _fitted(text, MessageLimit.MAX_TEXT_LENGTH), keyboard)
        await self._remember(sent, question_id)
        if sent is not None and file is not None:
            await self._remember(await self._send_file(chat_id, file, None, None, reply_to=sent), question_id)
        return sent

    async def _send_file(
        self,
        chat_id: int,
        attachment: Incoming,
        caption: str | None,
        keyboard: InlineKeyboardMarkup | None,
        *,
        reply_to: SentMessage | None = None,
    ) -> SentMessage | None:
        file_id = attachment.file_id
        assert file_id is not None  # only attachments with a file come here
        reply = ReplyParameters(reply_to.message_id, allow_sending_without_reply=True) if reply_to else None
        try:
            if attachment.kind == "photo":
                message = await self.bot.send_photo(
                    chat_id, file_id, caption=caption, reply_markup=keyboard, reply_parameters=reply
                )
            elif attachment.kind == "video":
                message = await self.bot.send_video(
                    chat_id, file_id, caption=caption, reply_markup=keyboard, reply_parameters=reply
                )
            elif attachment.kind == "voice":
                message = await self.bot.send_voice(
                    chat_id, file_id, caption=caption, reply_markup=keyboard, reply_parameters=reply
                )
            elif attachment.kind == "audio":
                message = await self.bot.send_audio(
                    chat_id, file_id, caption=caption, reply_markup=keyboard, reply_parameters=reply
                )
            else:
                message = await self.bot.send_document(
                    chat_id, file_id, caption=caption, reply_markup=keyboard, reply_parameters=reply
                )
        except TelegramError as error:
            log.info("notice file not delivered chat_id=%d kind=%s: %s", chat_id, attachment.kind, error.message)
            return None
        return SentMessage(message.chat_id, message.message_id)

    async def _remember(self, sent: SentMessage | None, question_id: int) -> None:
        if sent is not None and self.storage is not None:
            await self.storage.questions.remember_notice(sent.chat_id, sent.message_id, question_id)

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


def telegram_ports(bot: Bot, wake_dispatcher: Callable[[], None], storage: Storage | None = None) -> Ports:
    """The ports of an application whose messenger is ``bot`` (``storage`` maps replies to question notices)."""
    return Ports(
        notices=TelegramNotices(bot, storage),
        chat_control=TelegramChatControl(bot),
        wake_dispatcher=wake_dispatcher,
    )


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
