"""Telegram's flood limits as the fake server applies them, measured at request arrival.

The limits are the bot's own value (``bot.delivery.limits.TelegramLimits``): one value is handed to
the pacer (through ``Settings.telegram_limits``) and to the server, so the server checks exactly what
the bot was told to keep. End-to-end tests run on ``FAST`` (no per-chat spacing, a one-second group
window); tests about the limits use ``TELEGRAM``, the real ones.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

from bot.delivery.limits import TELEGRAM, TelegramLimits

__all__ = ["FAST", "TELEGRAM", "RateBook", "RateRules", "TelegramLimits"]

# The limits of tests that are not about the limits: no spacing within a chat, and a group's 20
# messages per second instead of per minute. The overall rate stays Telegram's (BROADCAST_RATE is
# checked against it).
FAST = TelegramLimits(per_chat_interval=0.0, group_window=1.0)

GLOBAL_WINDOW = 1.0
KINDS = ("per_chat", "per_group_minute", "global")


@dataclass(frozen=True)
class RateRules:
    """How the server applies ``limits``.

    Sends (``send*``, ``copyMessage``, ``forwardMessage``) to one chat closer together than
    ``limits.per_chat_interval - tolerance`` seconds, more than ``limits.group_per_minute`` items in
    any rolling ``limits.group_window`` to a group, supergroup or channel, or more than
    ``limits.overall_per_second`` items in any rolling second overall (``paid_overall_per_second``
    when ``allow_paid_broadcast`` is true) are violations.  A media group is one request for the
    per-chat interval and one item per medium for the other two limits.  With ``enforce`` a
    violation is answered with 429.
    """

    limits: TelegramLimits = TELEGRAM
    tolerance: float = 0.05
    enforce: bool = True


@dataclass
class RateBook:
    """The sends the server has seen, and the violations of the rules among them."""

    last_send: dict[int, float] = field(default_factory=dict)
    group_windows: dict[int, deque[float]] = field(default_factory=dict)
    global_window: deque[float] = field(default_factory=deque)
    violations: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    violation_log: list[tuple[float, str, int]] = field(default_factory=list)

    def check(  # noqa: PLR0917 - one send's facts
        self, rules: RateRules, chat_id: int, is_group: bool, items: int, paid: bool, now: float
    ) -> int | None:
        """Record the violations a send of ``items`` to ``chat_id`` now would be; with ``rules.enforce``
        return the whole seconds to wait (Telegram's retry_after), else None."""
        limits = rules.limits
        kinds: list[str] = []
        waits: list[float] = []
        gap = limits.per_chat_interval - rules.tolerance
        last = self.last_send.get(chat_id)
        if last is not None and now - last < gap:
            kinds.append("per_chat")
            waits.append(last + gap - now)
        if is_group:
            window = self.group_windows.setdefault(chat_id, deque())
            _prune(window, now - limits.group_window)
            over = len(window) + items - limits.group_per_minute
            if over > 0:
                kinds.append("per_group_minute")
                span = limits.group_window
                waits.append(window[over - 1] + span - now if over <= len(window) else span)
        limit = math.floor(limits.paid_overall_per_second if paid else limits.overall_per_second)
        _prune(self.global_window, now - GLOBAL_WINDOW)
        over = len(self.global_window) + items - limit
        if over > 0:
            kinds.append("global")
            waits.append(
                self.global_window[over - 1] + GLOBAL_WINDOW - now if over <= len(self.global_window) else GLOBAL_WINDOW
            )
        if not kinds:
            return None
        for kind in kinds:
            self.violations[kind] += 1
            self.violation_log.append((now, kind, chat_id))
        if not rules.enforce:
            return None
        return max(1, math.ceil(max(waits) - 1e-9))

    def record(self, chat_id: int, is_group: bool, items: int, now: float) -> None:
        """A send of ``items`` to ``chat_id`` was accepted now."""
        self.last_send[chat_id] = now
        if is_group:
            self.group_windows.setdefault(chat_id, deque()).extend([now] * items)
        self.global_window.extend([now] * items)

    def forget_violations(self) -> None:
        """Zero the counts and clear the log (the sends stay, so the windows still hold)."""
        self.violations = dict.fromkeys(KINDS, 0)
        self.violation_log.clear()


def _prune(window: deque[float], horizon: float) -> None:
    while window and window[0] <= horizon:
        window.popleft()
