"""The audit log: who did what to which release, chat or organization, and when."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.db import Database, Tx, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded action."""

    id: int
    at: datetime
    actor_id: int | None
    action: str
    subject_type: str | None
    subject_id: str | None
    details: dict[str, Any]


class AuditLog:
    """Repository of audit entries (append-only)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def record(
        self,
        actor_id: int | None,
        action: str,
        subject_type: str | None = None,
        subject_id: int | str | None = None,
        details: dict[str, Any] | None = None,
        *,
        tx: Tx | None = None,
    ) -> int:
        """Append an entry, inside the caller's transaction when one is given."""
        async with self.db.joined(tx) as t:
            return await t.execute(
                "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, details)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    to_db(utcnow()),
                    actor_id,
                    action,
                    subject_type,
                    None if subject_id is None else str(subject_id),
                    json.dumps(details or {}, ensure_ascii=False),
                ),
            )

    async def subjects_of(self, actions: Sequence[str], subject_type: str, *, tx: Tx | None = None) -> set[str]:
        """The subjects (ids as text) of this type that any entry with one of these actions names."""
        marks = ", ".join("?" for _ in actions)
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                f"SELECT DISTINCT subject_id FROM audit_log WHERE subject_type = ? AND action IN ({marks})",  # noqa: S608 - placeholders only
                (subject_type, *actions),
            )
        return {str(row[0]) for row in rows if row[0] is not None}

    async def latest(self, limit: int = 20) -> list[AuditEntry]:
        """The most recent entries, newest first."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id, at, actor_id, action, subject_type, subject_id, details FROM audit_log"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            )
        return [
            AuditEntry(
                id=r["id"],
                at=from_db(r["at"]),
                actor_id=r["actor_id"],
                action=r["action"],
                subject_type=r["subject_type"],
                subject_id=r["subject_id"],
                details=json.loads(r["details"]),
            )
            for r in rows
        ]
