"""Approvals: where the bot sent each release awaiting a decision, and the decision an admin made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storage.db import Database, Tx, from_db

# A notice shows the release with its buttons; a reason prompt asks the admin to write why it is rejected.
NoticeKind = Literal["notice", "reason"]


@dataclass(frozen=True, slots=True)
class ApprovalNotice:
    """One message the bot sent an admin about a release awaiting approval."""

    chat_id: int
    message_id: int
    release_id: int
    kind: NoticeKind


@dataclass(frozen=True, slots=True)
class Decision:
    """An admin's approval or rejection of a release (``reason`` only for a rejection)."""

    admin_id: int
    at: datetime
    reason: str | None


class Approvals:
    """Repository of approval notices, and the decisions stored with the releases."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def remember_notice(
        self, chat_id: int, message_id: int, release_id: int, kind: NoticeKind = "notice"
    ) -> None:
        """A notice (or a reason prompt) about the release landed here."""
        async with self.db.transaction() as t:
            await t.execute(
                "INSERT OR REPLACE INTO approval_notices (chat_id, message_id, release_id, kind) VALUES (?, ?, ?, ?)",
                (chat_id, message_id, release_id, kind),
            )

    async def notice(self, chat_id: int, message_id: int) -> ApprovalNotice | None:
        """The notice or reason prompt sent as this message, if it was one."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                "SELECT chat_id, message_id, release_id, kind FROM approval_notices"
                " WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
        return None if row is None else ApprovalNotice(row[0], row[1], row[2], row[3])

    async def notices_of(self, release_id: int, *, tx: Tx | None = None) -> list[ApprovalNotice]:
        """Every notice and reason prompt sent about the release, in the order they were sent."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                "SELECT chat_id, message_id, release_id, kind FROM approval_notices WHERE release_id = ?"
                " ORDER BY chat_id, message_id",
                (release_id,),
            )
        return [ApprovalNotice(r[0], r[1], r[2], r[3]) for r in rows]

    async def decision(self, release_id: int) -> Decision | None:
        """The admin's decision on the release, if one was made."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                "SELECT decided_by, decided_at, rejection_reason FROM releases WHERE id = ?", (release_id,)
            )
        if row is None or row[0] is None or row[1] is None:
            return None
        return Decision(int(row[0]), from_db(row[1]), row[2])
