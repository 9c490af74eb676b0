"""What officers read: the delivery report of a release."""

from __future__ import annotations

from bot import texts
from bot.domain.digits import to_persian_digits
from storage.outbox import Progress


def fa(value: int) -> str:
    """A number in Persian digits."""
    return to_persian_digits(str(value))


def report_text(progress: Progress) -> str:
    """The live (or final) delivery report of a release."""
    if not progress.done:
        return texts.REPORT_PROGRESS.format(
            id=fa(progress.release_id),
            sent=fa(progress.sent),
            total=fa(progress.total),
            pending=fa(progress.pending),
            failed=fa(progress.failed),
        )
    lines = [
        texts.REPORT_FINAL.format(
            id=fa(progress.release_id),
            sent=fa(progress.sent),
            total=fa(progress.total),
            failed=fa(progress.failed),
            deactivated=fa(progress.deactivated_chats),
        )
    ]
    lines += [texts.REPORT_REASON.format(reason=r, count=fa(n)) for r, n in progress.failed_reasons.items()]
    return "\n".join(lines)
