"""Daily digests: releases waiting for a subscription's digest, and the digests that carried them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db, utcnow
from storage.outbox import PartSpec


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    """An active subscription that takes its releases as a daily digest, and when it last got one."""

    subscription_id: int
    chat_id: int
    thread_id: int
    digest_time: str  # "HH:MM", local time
    digest_sent_at: datetime | None  # None: never
    quiet_start: str | None = None
    quiet_end: str | None = None


@dataclass(frozen=True, slots=True)
class DigestItem:
    """A published release in a digest, with what its line shows."""

    release_id: int
    title: str
    org_name: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class CarryingDigest:
    """A digest delivery that carried a given release: what a retraction must change."""

    delivery_id: int
    subscription_id: int | None
    chat_id: int
    thread_id: int
    created_at: datetime
    status: str
    part_count: int
    started: bool  # in flight, or some part already reached the chat


_SCHEDULES = (
    "s.id, s.chat_id, s.thread_id, s.digest_time, s.digest_sent_at, s.quiet_start, s.quiet_end"
    " FROM subscriptions s WHERE s.state = 'active' AND s.digest_time IS NOT NULL"
)

# Only releases still published are shown: a retracted one leaves every digest it was in.
_ITEM_COLUMNS = (
    "i.release_id, r.title, o.name, r.published_at FROM digest_items i"
    " JOIN releases r ON r.id = i.release_id JOIN organizations o ON o.id = r.organization_id"
    " WHERE r.status = 'published'"
)


def _schedule(row: aiosqlite.Row) -> DigestSchedule:
    return DigestSchedule(row[0], row[1], row[2], row[3], opt_from_db(row[4]), row[5], row[6])


def _item(row: aiosqlite.Row) -> DigestItem:
    return DigestItem(row[0], row[1], row[2], from_db(row[3]))


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

    async def schedules(self, *, tx: Tx | None = None) -> list[DigestSchedule]:
        """Every active subscription with a digest time (whether its digest is due is the caller's clock)."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(f"SELECT {_SCHEDULES} ORDER BY s.id")
        return [_schedule(r) for r in rows]

    async def schedule_of(self, subscription_id: int, *, tx: Tx | None = None) -> DigestSchedule | None:
        """The digest schedule of one subscription, or None if it is not active with a digest time."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone(f"SELECT {_SCHEDULES} AND s.id = ?", (subscription_id,))
        return None if row is None else _schedule(row)

    async def waiting(self, subscription_id: int, *, tx: Tx | None = None) -> list[DigestItem]:
        """Published releases waiting for this subscription's next digest, oldest first."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                f"SELECT {_ITEM_COLUMNS} AND i.subscription_id = ? AND i.delivery_id IS NULL"
                " ORDER BY i.queued_at, r.published_at, i.release_id",
                (subscription_id,),
            )
        return [_item(r) for r in rows]

    async def carried(self, delivery_id: int, *, tx: Tx | None = None) -> list[DigestItem]:
        """Releases a digest delivery carried that are still published, oldest first."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                f"SELECT {_ITEM_COLUMNS} AND i.delivery_id = ? ORDER BY i.queued_at, r.published_at, i.release_id",
                (delivery_id,),
            )
        return [_item(r) for r in rows]

    async def last_delivery(self, subscription_id: int, *, tx: Tx) -> int:
        """The id of the digest delivery just enqueued for a subscription in the open transaction ``tx``."""
        # The newest delivery of all: no other writer can come between within one write transaction.
        delivery_id = await tx.fetchval(
            "SELECT id FROM deliveries WHERE id = (SELECT max(id) FROM deliveries)"
            " AND subscription_id = ? AND action = 'digest'",
            (subscription_id,),
        )
        if delivery_id is None:
            raise LookupError(f"no digest delivery for subscription {subscription_id}")
        return int(delivery_id)

    async def mark_carried(
        self, subscription_id: int, release_ids: Sequence[int], delivery_id: int, *, tx: Tx | None = None
    ) -> None:
        """Record that these waiting releases went out in the digest delivery ``delivery_id``."""
        async with self.db.joined(tx) as t:
            await t.executemany(
                "UPDATE digest_items SET delivery_id = ? WHERE subscription_id = ? AND release_id = ?"
                " AND delivery_id IS NULL",
                [(delivery_id, subscription_id, release_id) for release_id in release_ids],
            )

    async def mark_sent(self, subscription_id: int, at: datetime, *, tx: Tx | None = None) -> None:
        """Record that the subscription's digest for the day was done at ``at`` (with or without a message)."""
        async with self.db.joined(tx) as t:
            await t.execute("UPDATE subscriptions SET digest_sent_at = ? WHERE id = ?", (to_db(at), subscription_id))

    async def remove_release(self, release_id: int, *, tx: Tx | None = None) -> int:
        """Take a release out of every digest still waiting for it (a retraction); return how many."""
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(
                "DELETE FROM digest_items WHERE release_id = ? AND delivery_id IS NULL", (release_id,)
            )

    async def carrying(self, release_id: int, *, tx: Tx | None = None) -> list[CarryingDigest]:
        """The digest deliveries that carried a release, with whether they have reached their chat."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                "SELECT d.id, d.subscription_id, d.chat_id, d.thread_id, d.created_at, d.status,"
                " (SELECT count(*) FROM delivery_parts p WHERE p.delivery_id = d.id),"
                " d.status = 'in_flight' OR EXISTS (SELECT 1 FROM delivery_parts p WHERE p.delivery_id = d.id"
                "  AND p.status = 'sent')"
                " FROM digest_items i JOIN deliveries d ON d.id = i.delivery_id"
                " WHERE i.release_id = ? AND d.action = 'digest' ORDER BY d.id",
                (release_id,),
            )
        return [CarryingDigest(r[0], r[1], r[2], r[3], from_db(r[4]), r[5], r[6], bool(r[7])) for r in rows]

    async def rewrite_unsent(self, delivery_id: int, parts: Sequence[PartSpec], *, tx: Tx | None = None) -> None:
        """Replace the parts of a digest delivery that has not started; no parts cancels it."""
        async with self.db.joined(tx) as t:
            if not parts:
                stamp = to_db(utcnow())
                await t.execute(
                    "UPDATE deliveries SET status = 'cancelled', finished_at = ?, updated_at = ?"
                    " WHERE id = ? AND status = 'pending'",
                    (stamp, stamp, delivery_id),
                )
                return
            await t.execute("DELETE FROM delivery_parts WHERE delivery_id = ?", (delivery_id,))
            await t.executemany(
                "INSERT INTO delivery_parts (delivery_id, position, kind, html) VALUES (?, ?, ?, ?)",
                [(delivery_id, i, p.kind, p.html) for i, p in enumerate(parts)],
            )

    async def cancel_pending_edits(self, delivery_id: int, *, tx: Tx | None = None) -> int:
        """Cancel edits of a digest delivery still waiting (a newer edit supersedes them); return how many."""
        stamp = to_db(utcnow())
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(
                "UPDATE deliveries SET status = 'cancelled', finished_at = ?, updated_at = ?"
                " WHERE replaces = ? AND action = 'edit' AND status = 'pending'",
                (stamp, stamp, delivery_id),
            )
