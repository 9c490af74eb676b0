"""Broadcast pacing: the overall rate, one message per second per chat, 20 per minute per group.

The per-chat and per-group limits are Telegram's (``TelegramLimits``, real by default); the overall
rate is the configured BROADCAST_RATE.

Pure bookkeeping over a monotonic clock passed in by the caller, so every rule is unit-testable
without sleeping. The dispatcher asks ``wait_for(chat)`` before sending and calls ``record(chat)``
when it sends; interactive replies are recorded too (they use up the same budget, so broadcasts make
room for them). Pauses asked for by Telegram (RetryAfter) only ever grow: a later, shorter RetryAfter
never releases an earlier, longer one.

The process's total: every send that leaves, broadcast or reply, is noted in one rolling one-second
window (``launched``). A broadcast send waits while the window holds ``window_limit`` (the configured
rate); a reply only while it holds ``reply_limit``, which is at least as many (Telegram's overall limit
less a little headroom for the jitter between our clock and Telegram's). Replies therefore go first
and never starve, and the sum of both never exceeds Telegram's overall limit in any second.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from bot.delivery.limits import TELEGRAM, TelegramLimits

# Requests reach Telegram a few milliseconds after we send them, unevenly; the margins keep the
# spacing Telegram sees at or above its limits.
CHAT_MARGIN = 0.05
GROUP_MARGIN = 0.5
# Sends leave a few milliseconds late, never early; 1% more spacing keeps any one-second window
# within the configured rate even when the first send of the window was late.
RATE_MARGIN = 1.02
RATE_WINDOW = 1.0
SEND_LOG_SIZE = 10_000
# Requests leave our process and arrive at Telegram a few tens of milliseconds later, unevenly: a
# second of our clock can look like slightly more sends in a second of Telegram's. Two messages of
# headroom under Telegram's overall limit absorb that.
OVERALL_HEADROOM = 2
# How often a send re-checks a window that is full of replies still in flight (their answers free it).
IN_FLIGHT_POLL = 0.02


@dataclass(slots=True)
class _ChatState:
    next_allowed: float = 0.0
    paused_until: float = 0.0
    recent: deque[float] | None = None  # send times inside the last minute, for groups and channels


class Pacer:
    """Decides when the next message to a chat may go, within every limit at once."""

    def __init__(
        self,
        rate: float | None,
        *,
        limits: TelegramLimits = TELEGRAM,
        chat_margin: float = CHAT_MARGIN,
        group_margin: float = GROUP_MARGIN,
    ) -> None:
        self.spacing = 0.0 if rate is None else RATE_MARGIN / rate
        # Planned slots are exact, but sends leave a little late and unevenly; this rolling window of
        # actual send times is the guarantee: never more than ``rate`` sends in any one second.
        self.window_limit = 0 if rate is None else max(1, math.floor(rate))
        # Interactive replies may fill the window up to Telegram's overall limit (less the headroom), and
        # never less than broadcasts may, so a reply always gets a turn.
        overall = math.floor(limits.overall_per_second) - OVERALL_HEADROOM
        self.reply_limit = 0 if rate is None else max(self.window_limit, overall, 1)
        self._launched: deque[float] = deque()
        self._replies_in_flight = 0
        # When recent sends actually left (bounded): the current sending rate, and the record that
        # the configured rate held.
        self.send_log: deque[float] = deque(maxlen=SEND_LOG_SIZE)
        self.limits = limits
        self.per_chat_interval = limits.per_chat_interval
        self.group_per_minute = limits.group_per_minute
        self.group_window = limits.group_window
        self.chat_margin = chat_margin
        self.group_margin = group_margin
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._chats: dict[int, _ChatState] = {}

    def global_wait(self, now: float) -> float:
        """Seconds until the overall rate and any global pause allow one more message."""
        return max(self._next_slot - now, self._paused_until - now, 0.0)

    def chat_wait(self, chat_id: int, is_group: bool, now: float) -> float:
        """Seconds until this chat's own limits (and its pause) allow one more message."""
        state = self._chats.get(chat_id)
        if state is None:
            return 0.0
        wait = max(state.next_allowed - now, state.paused_until - now)
        if is_group and state.recent is not None:
            while state.recent and state.recent[0] <= now - self.group_window:
                state.recent.popleft()
            if len(state.recent) >= self.group_per_minute:
                wait = max(wait, state.recent[0] + self.group_window + self.group_margin - now)
        return max(wait, 0.0)

    def wait_for(self, chat_id: int, is_group: bool, now: float) -> float:
        """Seconds until a message to this chat may go under every rule."""
        return max(self.global_wait(now), self.chat_wait(chat_id, is_group, now))

    def record(self, chat_id: int | None, is_group: bool, now: float, *, weight: int = 1) -> None:
        """Account for ``weight`` messages sent now (an album counts each item) to a chat."""
        # A missed slot is not made up for with a burst: the next slot is one spacing after the later
        # of the planned slot and now.
        self._next_slot = max(self._next_slot, now) + self.spacing * weight
        if chat_id is None:
            return
        state = self._chats.setdefault(chat_id, _ChatState())
        state.next_allowed = max(state.next_allowed, now + self.per_chat_interval * weight + self.chat_margin)
        if is_group:
            if state.recent is None:
                state.recent = deque()
            state.recent.extend([now] * weight)

    def launch_wait(self, now: float) -> float:
        """Seconds to hold a send that is about to leave so the last second holds at most ``rate``
        (interactive replies included, those still waiting for their answer too)."""
        if not self.window_limit:
            return 0.0
        self._prune(now)
        over = len(self._launched) + self._replies_in_flight + 1 - self.window_limit
        if over <= 0:
            return 0.0
        if over <= len(self._launched):
            return self._launched[over - 1] + RATE_WINDOW - now
        return IN_FLIGHT_POLL

    def launched(self, now: float, *, weight: int = 1) -> None:
        """Note that a send (of ``weight`` messages) actually left now."""
        self.send_log.extend([now] * weight)
        if self.window_limit:
            self._launched.extend([now] * weight)

    def reply_wait(self, now: float, *, weight: int = 1) -> float:
        """Seconds to hold an interactive reply (of ``weight`` messages) so the process's total in the last
        second stays within ``reply_limit``; 0 in the common case, when the window has room.

        Replies in flight count too: Telegram sees a request somewhere between the moment it leaves and
        its answer, so a reply occupies the window from its launch until a second after its answer.
        """
        if not self.reply_limit:
            return 0.0
        self._prune(now)
        over = len(self._launched) + self._replies_in_flight + weight - self.reply_limit
        if over <= 0 or (not self._launched and not self._replies_in_flight):
            return 0.0  # room (or an album larger than the whole budget, alone in the window)
        if over <= len(self._launched):
            return max(self._launched[over - 1] + RATE_WINDOW - now, 0.0)
        return IN_FLIGHT_POLL  # the window is full of replies still waiting for their answers

    def reply_started(self, *, weight: int = 1) -> None:
        """Note that an interactive reply (of ``weight`` messages) left now and is waiting for its answer."""
        if self.reply_limit:
            self._replies_in_flight += weight

    def reply_finished(self, now: float, *, weight: int = 1) -> None:
        """Note that a reply's answer came now: it stays in the window for a second from now (not the
        broadcast's send log)."""
        if self.reply_limit:
            self._replies_in_flight = max(self._replies_in_flight - weight, 0)
            self._launched.extend([now] * weight)

    def _prune(self, now: float) -> None:
        while self._launched and self._launched[0] <= now - RATE_WINDOW:
            self._launched.popleft()

    def current_rate(self, now: float, window: float = 10.0) -> float:
        """Messages per second actually sent over the last ``window`` seconds."""
        return sum(1 for moment in self.send_log if moment > now - window) / window

    def paused(self, now: float) -> bool:
        """Whether a global pause (RetryAfter) is in force."""
        return self._paused_until > now

    def chat_pause(self, chat_id: int, now: float) -> float:
        """Seconds left of a pause Telegram asked for on this chat (0 when none)."""
        state = self._chats.get(chat_id)
        return max(state.paused_until - now, 0.0) if state else 0.0

    def pause_all(self, until: float) -> None:
        """Stop every broadcast until then (a global RetryAfter); never shortens an earlier pause."""
        self._paused_until = max(self._paused_until, until)
        self._next_slot = max(self._next_slot, until)

    def pause_chat(self, chat_id: int, until: float) -> None:
        """Stop messages to one chat until then; never shortens an earlier pause."""
        state = self._chats.setdefault(chat_id, _ChatState())
        state.paused_until = max(state.paused_until, until)

    @property
    def remembered_chats(self) -> int:
        """How many chats the pacer keeps state for (what ``forget_idle`` keeps small)."""
        return len(self._chats)

    def forget_idle(self, now: float) -> int:
        """Drop chats with nothing left to remember (keeps memory flat over long runs); return how many."""
        horizon = now - self.group_window
        idle = [
            chat_id
            for chat_id, s in self._chats.items()
            if s.next_allowed <= now and s.paused_until <= now and not (s.recent and s.recent[-1] > horizon)
        ]
        for chat_id in idle:
            del self._chats[chat_id]
        return len(idle)

    def move_chat(self, old_id: int, new_id: int) -> None:
        """Carry a chat's pacing over to its new id after a migration to a supergroup."""
        state = self._chats.pop(old_id, None)
        if state is not None:
            self._chats[new_id] = state
