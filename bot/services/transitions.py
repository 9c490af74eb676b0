"""What a request is told when another one changed the same release first.

Every change of a release's status is made by a conditional statement inside the transaction that
makes it (``storage.releases``: ``… WHERE id = ? AND status IN (…)``); when it finds the release
moved on, the request that came second gets one of these answers, named after what happened
instead, and never a success that contradicts the other request's.
"""

from __future__ import annotations

from bot import texts
from bot.domain.digits import fa
from bot.errors import UnknownId, UserError, WrongState


def refusal(release_id: int, status: str | None, *, publishing: bool = False, deciding: bool = False) -> UserError:
    """The answer to a request that lost to another one which left the release in ``status``.

    ``publishing``: the request was to publish it (a second press of «انتشار» is told the release is
    being published); ``deciding``: it was an admin's approval or rejection (a release published
    meanwhile was approved by another admin).
    """
    n = fa(release_id)
    if status is None:
        return UnknownId(texts.UNKNOWN_RELEASE.format(id=n))
    if status == "published":
        if publishing:
            return WrongState(texts.ALREADY_PUBLISHING.format(id=n))
        return WrongState((texts.JUST_APPROVED if deciding else texts.JUST_PUBLISHED).format(id=n))
    if status == "cancelled":
        return WrongState(texts.JUST_CANCELLED.format(id=n))
    if status == "rejected":
        return WrongState(texts.JUST_REJECTED.format(id=n))
    if status == "pending_approval":
        return WrongState(texts.JUST_SUBMITTED.format(id=n))
    if status == "retracted":
        return WrongState(texts.JUST_RETRACTED.format(id=n))
    if status == "draft":  # only turning a scheduled release back into a draft can find a draft
        return WrongState(texts.NOT_SCHEDULED.format(id=n))
    return WrongState(texts.NOT_A_DRAFT.format(id=n, status=texts.STATUS_NAMES.get(status, status)))
