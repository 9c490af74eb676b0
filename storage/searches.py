"""Saved searches: a journalist's query, kept so that paging buttons carry only its id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, Tx, from_db, to_db, utcnow

# SQLite rowids are signed 64-bit; an id from a callback button beyond that cannot exist.
MAX_ROWID = 2**63 - 1


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A search a user ran: its id travels in callback data, the query stays here."""

    id: int
    user_id: int
    query: str
    created_at: datetime


class Searches:
    """Repository of saved searches."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def save(self, user_id: int, query: str, *, tx: Tx | None = None) -> SavedSearch:
        """Store a query (1 to 256 characters) run by a user and return it with its id."""
        now = utcnow()
        async with self.db.joined(tx) as t:
            search_id = await t.execute(
                "INSERT INTO searches (user_id, query, created_at) VALUES (?, ?, ?)", (user_id, query, to_db(now))
            )
        return SavedSearch(search_id, user_id, query, now)

    async def get(self, search_id: int) -> SavedSearch | None:
        """The saved search with this id, or None (also for an id no row can have)."""
        if not 0 < search_id <= MAX_ROWID:
            return None
        async with self.db.snapshot() as t:
            row = await t.fetchone("SELECT id, user_id, query, created_at FROM searches WHERE id = ?", (search_id,))
        return None if row is None else SavedSearch(row[0], row[1], row[2], from_db(row[3]))

    async def prune(self, before: datetime, *, tx: Tx | None = None) -> int:
        """Forget searches run before ``before``; return how many."""
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount("DELETE FROM searches WHERE created_at < ?", (to_db(before),))
