"""Reasons asked for by a button: an officer who pressed «رد» or chose where to forward a question types
the reason as their next message.

The question desk keeps what a journalist's next message is for, and which question an officer is
answering, in the database; a reason asked for by a button is only a shortcut to ``/decline ID REASON``
or ``/forward ID ORG_ID REASON``, so it lives here, in the Application's ``bot_data``, for a quarter
of an hour. After a restart the officer is simply asked again (their text becomes a draft preview,
which they can cancel).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

ReasonFor = Literal["decline", "forward"]

REASON_TTL = 15 * 60.0  # seconds an unanswered prompt waits for its reason


@dataclass(frozen=True, slots=True)
class ReasonPrompt:
    """An officer was asked why they decline (or forward to ``organization_id``) question ``question_id``."""

    action: ReasonFor
    question_id: int
    organization_id: int | None
    asked_at: float


class ReasonPrompts:
    """The officers asked for a reason, by user id: one prompt each, the latest wins."""

    def __init__(self, ttl: float = REASON_TTL, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._waiting: dict[int, ReasonPrompt] = {}

    def ask(self, user_id: int, action: ReasonFor, question_id: int, organization_id: int | None = None) -> None:
        """The user's next text message is the reason for ``action`` on the question."""
        self._forget_expired()
        self._waiting[user_id] = ReasonPrompt(action, question_id, organization_id, self.clock())

    def waiting(self, user_id: int) -> ReasonPrompt | None:
        """The prompt the user has not answered yet, if it is recent enough."""
        prompt = self._waiting.get(user_id)
        if prompt is not None and self.clock() - prompt.asked_at > self.ttl:
            del self._waiting[user_id]
            return None
        return prompt

    def drop(self, user_id: int) -> None:
        """The user answered the prompt, or started something else (``/answer``, another button)."""
        self._waiting.pop(user_id, None)

    def _forget_expired(self) -> None:
        now = self.clock()
        for user_id in [u for u, p in self._waiting.items() if now - p.asked_at > self.ttl]:
            del self._waiting[user_id]
