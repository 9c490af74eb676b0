"""What a Telegram error means for a delivery: wait, deactivate the chat, move it, retry, or give up."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut


class Verdict(enum.Enum):
    """The dispatcher's decision after an error."""

    WAIT = "wait"  # RetryAfter: pause exactly as long as asked, then try again
    DEACTIVATE = "deactivate"  # the bot cannot reach the chat any more
    MIGRATE = "migrate"  # the group became a supergroup with a new id
    RETRY = "retry"  # transient: back off and try again, up to a limit
    DONE = "done"  # nothing left to do for this part (e.g. deleting a message that is gone)
    IMPOSSIBLE = "impossible"  # an edit/deletion Telegram no longer allows: fall back to a notice
    FAIL = "fail"  # permanent: record the reason and stop


@dataclass(frozen=True, slots=True)
class Classified:
    """An error's verdict with what the dispatcher needs to act on it."""

    verdict: Verdict
    reason: str
    retry_after: float = 0.0
    new_chat_id: int | None = None


_GONE_CHAT = ("chat not found", "user is deactivated", "bot was kicked", "not a member", "peer_id_invalid")
_NO_RIGHTS = ("not enough rights", "have no rights to send", "need administrator rights", "chat_write_forbidden")
_UNCHANGED = ("message is not modified",)
_ALREADY_GONE = ("message to delete not found",)
_TOO_LATE = ("message can't be edited", "message to edit not found", "message can't be deleted")


def classify(error: TelegramError) -> Classified:
    """Map a Telegram exception raised while sending, editing or deleting to a verdict."""
    reason = error.message
    lowered = reason.lower()
    if isinstance(error, RetryAfter):
        seconds = error.retry_after
        wait = seconds.total_seconds() if hasattr(seconds, "total_seconds") else float(seconds)
        return Classified(Verdict.WAIT, reason, retry_after=wait)
    if isinstance(error, ChatMigrated):
        return Classified(Verdict.MIGRATE, reason, new_chat_id=error.new_chat_id)
    if isinstance(error, Forbidden):
        return Classified(Verdict.DEACTIVATE, reason)
    if isinstance(error, BadRequest):
        if any(marker in lowered for marker in _UNCHANGED + _ALREADY_GONE):
            return Classified(Verdict.DONE, reason)
        if any(marker in lowered for marker in _TOO_LATE):
            return Classified(Verdict.IMPOSSIBLE, reason)
        if any(marker in lowered for marker in _GONE_CHAT + _NO_RIGHTS):
            return Classified(Verdict.DEACTIVATE, reason)
        return Classified(Verdict.FAIL, reason)
    if isinstance(error, TimedOut | NetworkError):
        return Classified(Verdict.RETRY, reason)
    return Classified(Verdict.FAIL, reason)
