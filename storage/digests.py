"""Daily digests: releases waiting for a subscription's digest, and the digests that carried them."""

from __future__ import annotations

from collections.abc import Iterable

from storage.db import Database, Tx, to_db, utcnow


class Digests:
    """Repository of digest items (a release waiting for, or carried by, one subscription's digest)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def queue(self, release_id: int, subscription_ids: Iterable[int], *, tx: Tx | None = None) -> int:
        """Put a release in these subscriptions' next digests; return how many were queued."""
        now = to_db(utcnow())
        rows = [(sub_id, release_id, now) for sub_id in subscription_ids]
        async with self.db.joined(tx) as t:
            await t.executemany(
                "INSERT OR IGNORE INTO digest_items (subscription_id, release_id, queued_at) VALUES (?, ?, ?)", rows
            )
        return len(rows)
