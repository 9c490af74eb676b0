"""The names people go by on Telegram, kept so that lists and notices say who, not only a number."""

from __future__ import annotations

from storage.db import Database, to_db, utcnow


class People:
    """Repository of names seen when people acted (admins); officers' and journalists' names live with them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def remember(self, user_id: int, full_name: str, username: str | None) -> None:
        """Keep the user's current name; a name already known as such is not written again."""
        async with self.db.snapshot() as t:
            row = await t.fetchone("SELECT full_name, username FROM people WHERE user_id = ?", (user_id,))
        if row is not None and (row[0], row[1]) == (full_name, username):
            return
        async with self.db.transaction() as t:
            await t.execute(
                "INSERT INTO people (user_id, full_name, username, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name,"
                " username = excluded.username, updated_at = excluded.updated_at",
                (user_id, full_name, username, to_db(utcnow())),
            )

    async def names(self, user_ids: set[int]) -> dict[int, str]:
        """The best name known for each of these users: as last seen acting, else as an officer, else from
        their question-desk profile; users with none are left out."""
        if not user_ids:
            return {}
        marks = ", ".join("?" * len(user_ids))
        ids = tuple(sorted(user_ids))
        found: dict[int, str] = {}
        async with self.db.snapshot() as t:
            for table in ("people", "officers", "journalist_profiles"):
                rows = await t.fetchall(
                    f"SELECT user_id, full_name FROM {table} WHERE user_id IN ({marks})",  # noqa: S608 - constant names
                    ids,
                )
                for user_id, name in rows:
                    if name and user_id not in found:
                        found[int(user_id)] = str(name)
        return found
