"""Organizations: the government agencies whose PR offices publish through the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class Organization:
    """One agency."""

    id: int
    name: str
    county: str | None
    requires_approval: bool
    created_at: datetime


def _row(row: aiosqlite.Row) -> Organization:
    return Organization(
        id=row["id"],
        name=row["name"],
        county=row["county"],
        requires_approval=bool(row["requires_approval"]),
        created_at=from_db(row["created_at"]),
    )


_COLUMNS = "id, name, county, requires_approval, created_at"


class Organizations:
    """Repository of organizations."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self, name: str, name_folded: str, county: str | None, *, created_by: int | None, tx: Tx | None = None
    ) -> Organization:
        """Insert an organization; raises sqlite3.IntegrityError when the folded name exists."""
        now = utcnow()
        async with self.db.joined(tx) as t:
            org_id = await t.execute(
                "INSERT INTO organizations (name, name_folded, county, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                (name, name_folded, county, created_by, to_db(now)),
            )
        return Organization(org_id, name, county, False, now)

    async def get(self, org_id: int, *, tx: Tx | None = None) -> Organization | None:
        """The organization with this id, or None."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone(f"SELECT {_COLUMNS} FROM organizations WHERE id = ?", (org_id,))  # noqa: S608 - constant column list
        return None if row is None else _row(row)

    async def find_by_folded_name(self, name_folded: str) -> Organization | None:
        """The organization whose folded name is this, or None."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                f"SELECT {_COLUMNS} FROM organizations WHERE name_folded = ?",  # noqa: S608 - constant column list
                (name_folded,),
            )
        return None if row is None else _row(row)

    async def list_all(self) -> list[Organization]:
        """Every organization, by name."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(f"SELECT {_COLUMNS} FROM organizations ORDER BY name")  # noqa: S608 - constant column list
        return [_row(r) for r in rows]

    async def set_approval(self, org_id: int, required: bool, *, tx: Tx | None = None) -> bool:
        """Turn the approval requirement on or off; False when no such organization."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE organizations SET requires_approval = ? WHERE id = ?", (int(required), org_id)
            )
        return changed == 1
