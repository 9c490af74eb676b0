"""The small ports through which services reach a messenger, implemented by the Telegram package.

Services never import ``telegram``: when a service must tell someone something, ask who controls a
chat or wake the dispatcher, it calls one of these. ``bot.telegram.ports`` implements them over a Bot;
tests use the real implementation against the fake Bot API server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from storage.questions import Incoming

# Who a question's notice is for: the agency's officers get claim, answer, forward and decline; the
# journalist gets follow-up and close.
# Who a question's notice is for, which decides its buttons: the agency's officers (claim, answer, forward,
# decline), the journalist (follow up, close), or the journalist of a question that is over (none).
Audience = Literal["officer", "journalist", "journalist_done"]


@dataclass(frozen=True, slots=True)
class SentMessage:
    """Where a notice landed, so it can be edited later (a live delivery report)."""

    chat_id: int
    message_id: int


class ChatUnreachable(Exception):
    """The messenger could not say who controls a chat (the bot was removed, or the chat is gone)."""


class Notices(Protocol):
    """Tell a person something outside the conversation they are in."""

    async def tell(self, chat_id: int, text: str) -> SentMessage | None:
        """Send a plain notice; None when it could not be delivered (a blocked bot is not an error)."""

    async def ask_decision(self, chat_id: int, text: str, release_id: int) -> SentMessage | None:
        """Send an admin a release awaiting approval, with the actions to read it in full, approve and reject it."""

    async def settle(self, chat_id: int, message_id: int, text: str) -> bool:
        """Replace a notice's text and take its actions away (a decision was made); False when it could not be."""

    async def question_notice(
        self, chat_id: int, text: str, question_id: int, *, audience: Audience, attachment: Incoming | None = None
    ) -> SentMessage | None:
        """Send a notice about a question (with the file of ``attachment``, by file id) and that audience's
        actions, and remember it so that a plain reply to it reaches the thread; None when it could not
        be delivered."""


class ChatControl(Protocol):
    """Ask the messenger, at this moment, what a user is in a chat."""

    async def role(self, chat_id: int, user_id: int) -> str | None:
        """``creator`` or ``administrator`` when the user controls the chat, else None; ChatUnreachable."""


@dataclass(slots=True)
class Ports:
    """The ports a running application gives its services."""

    notices: Notices
    chat_control: ChatControl
    wake_dispatcher: Callable[[], None]
