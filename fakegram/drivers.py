"""The people of an end-to-end test: a user who says things to the bot and reads what it answers.

    officer = Officer(tg, 3001)
    header, *preview, card = await officer.say(release_text, count=3)
    await officer.press(card, "pub:1")
    admin = Admin(tg)                        # user 1, in ADMIN_IDS of tests.harness.settings_for
    assert "استانداری" in await admin.ask("/orgs")
    group = Journalist(tg, 5003).in_chat(-1001000000001)
    await group.say("/subscribe")

``say`` sends a message (in the person's private chat unless ``in_chat`` chose another) and returns
every message the bot sent to that chat from then on, once there are at least ``count``; ``ask``
returns the text of the first of them; ``press`` presses an inline button and returns Telegram's
record of the callback answer. The roles differ only in name and default user: what a person may do
is the bot's business, which is what the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from fakegram.records import SentMessage
from fakegram.server import FakeTelegram

__all__ = ["Admin", "Journalist", "Officer", "Person"]

ADMIN_ID = 1  # in ADMIN_IDS of tests.harness.settings_for


@dataclass(frozen=True)
class Person:
    """A Telegram user talking to the bot through the fake server."""

    tg: FakeTelegram
    user_id: int
    chat_id: int | None = None  # where they speak; their private chat when None
    timeout: float = 15.0  # how long to wait for the bot's replies

    @property
    def chat(self) -> int:
        """The chat this person speaks in."""
        return self.user_id if self.chat_id is None else self.chat_id

    def in_chat(self, chat_id: int) -> Person:
        """The same person speaking in another chat (a group, a forum, a channel's discussion)."""
        return replace(self, chat_id=chat_id)

    def replies(self) -> list[SentMessage]:
        """Every message the bot sent to this person's chat so far."""
        return self.tg.messages_to(self.chat)

    async def say(self, text: str, *, count: int = 1, **message: Any) -> list[SentMessage]:
        """Send ``text`` and return the bot's messages to the chat since, once there are ``count``.

        ``message`` goes to ``FakeTelegram.message`` (a caption, a photo, a forum thread, a name...)."""
        chat = self.chat
        before = len(self.tg.messages_to(chat))
        self.tg.inject(self.tg.message(chat, self.user_id, text, **message))
        await self.tg.wait_for(lambda s: len(s.messages_to(chat)) >= before + count, timeout=self.timeout)
        return self.tg.messages_to(chat)[before:]

    async def ask(self, text: str, **message: Any) -> str:
        """Send ``text`` and return the text of the bot's next message to the chat."""
        return (await self.say(text, **message))[0].text or ""

    async def press(self, message: SentMessage, data: str) -> dict[str, object]:
        """Press the inline button ``data`` under ``message`` and return the callback's answer."""
        answered = len(self.tg.answered_callbacks)
        self.tg.inject(self.tg.callback_query(message.chat_id, self.user_id, data, message.message_id))
        await self.tg.wait_for(lambda s: len(s.answered_callbacks) > answered, timeout=self.timeout)
        answer: dict[str, object] = self.tg.answered_callbacks[answered]
        return answer


@dataclass(frozen=True)
class Officer(Person):
    """A PR officer (made one by an invite, or by the test's set-up in the database)."""


@dataclass(frozen=True)
class Journalist(Person):
    """A journalist: anyone, in a private chat or in the groups and channels they run."""


@dataclass(frozen=True)
class Admin(Person):
    """An admin of the provincial PR office."""

    user_id: int = ADMIN_ID


def buttons(message: SentMessage) -> dict[str, str]:
    """The message's inline buttons (of its current version) as callback data → label."""
    markup = message.reply_markup or {}
    return {b["callback_data"]: b["text"] for row in markup.get("inline_keyboard", []) for b in row}
