"""Telegram's flood limits as one value: the pacer keeps them, the test Bot API server enforces them.

``TELEGRAM`` is what Telegram publishes (about one message per second to one chat, 20 per minute to
one group or channel, about 30 per second overall, 1000 with paid broadcasts). The bot is built with
it unless ``Settings.telegram_limits`` says otherwise, which only tests do: they pass faster limits to
the bot and to the fake server alike, and the real ones to the tests about the limits.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TelegramLimits:
    """The limits Telegram puts on a bot's messages."""

    per_chat_interval: float = 1.0
    """Seconds between two messages to one chat."""
    group_per_minute: int = 20
    """Messages to one group, supergroup or channel in any ``group_window`` seconds."""
    group_window: float = 60.0
    """The rolling window of ``group_per_minute``."""
    overall_per_second: float = 30.0
    """Messages per second to all chats together (the ceiling of BROADCAST_RATE)."""
    paid_overall_per_second: float = 1000.0
    """The same with ``allow_paid_broadcast`` (the ceiling of BROADCAST_RATE with PAID_BROADCAST=1)."""

    def __post_init__(self) -> None:
        if self.per_chat_interval < 0 or self.group_window <= 0:
            raise ValueError("per_chat_interval must be >= 0 and group_window > 0")
        if self.group_per_minute < 1 or self.overall_per_second <= 0 or self.paid_overall_per_second <= 0:
            raise ValueError("group_per_minute, overall_per_second and paid_overall_per_second must be positive")


TELEGRAM = TelegramLimits()
