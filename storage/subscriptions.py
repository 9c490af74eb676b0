"""Chats the bot knows, their subscriptions (a chat or a forum topic) and each subscription's filters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db, utcnow

CHAT_TYPES = ("private", "group", "supergroup", "channel")
DIMENSIONS = ("topic", "county", "organization", "include", "exclude")


@dataclass(frozen=True, slots=True)
class Chat:
    """A chat the bot is (or was) in."""

    id: int
    type: str
    title: str | None
    username: str | None
    is_forum: bool
    bot_status: str
    can_post: bool
    added_by: int | None


@dataclass(frozen=True, slots=True)
class Subscription:
    """Where releases go and which ones: a chat (thread 0) or one topic of a forum."""

    id: int
    chat_id: int
    thread_id: int
    chat_type: str
    state: str
    deactivated_reason: str | None
    digest_time: str | None
    quiet_start: str | None
    quiet_end: str | None
    created_at: datetime
    digest_sent_at: datetime | None = None
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _chat(row: aiosqlite.Row) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        username=row["username"],
        is_forum=bool(row["is_forum"]),
        bot_status=row["bot_status"],
        can_post=bool(row["can_post"]),
        added_by=row["added_by"],
    )


_SUB_COLUMNS = (
    "s.id, s.chat_id, s.thread_id, c.type AS chat_type, s.state, s.deactivated_reason, s.digest_time,"
    " s.quiet_start, s.quiet_end, s.created_at, s.digest_sent_at"
)


def _subscription(row: aiosqlite.Row, filters: dict[str, tuple[str, ...]]) -> Subscription:
    return Subscription(
        id=row["id"],
        chat_id=row["chat_id"],
        thread_id=row["thread_id"],
        chat_type=row["chat_type"],
        state=row["state"],
        deactivated_reason=row["deactivated_reason"],
        digest_time=row["digest_time"],
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
        created_at=from_db(row["created_at"]),
        digest_sent_at=opt_from_db(row["digest_sent_at"]),
        filters=filters,
    )


class Subscriptions:
    """Repository of chats, subscriptions and filters."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert_chat(
        self,
        chat_id: int,
        chat_type: str,
        *,
        title: str | None = None,
        username: str | None = None,
        is_forum: bool = False,
        bot_status: str = "member",
        can_post: bool = True,
        added_by: int | None = None,
        tx: Tx | None = None,
    ) -> Chat:
        """Record a chat, or refresh what is known of it (``added_by`` is kept once set)."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            await t.execute(
                "INSERT INTO chats (id, type, title, username, is_forum, bot_status, can_post, added_by,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,"
                " username = excluded.username, is_forum = excluded.is_forum, bot_status = excluded.bot_status,"
                " can_post = excluded.can_post, added_by = coalesce(chats.added_by, excluded.added_by),"
                " updated_at = excluded.updated_at",
                (
                    chat_id,
                    chat_type,
                    title,
                    username,
                    int(is_forum),
                    bot_status,
                    int(can_post),
                    added_by,
                    now,
                    now,
                ),
            )
            row = await t.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
        assert row is not None
        return _chat(row)

    async def get_chat(self, chat_id: int, *, tx: Tx | None = None) -> Chat | None:
        """The chat with this id, or None."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
        return None if row is None else _chat(row)

    async def subscribe(
        self, chat_id: int, thread_id: int = 0, *, created_by: int | None = None, tx: Tx | None = None
    ) -> Subscription:
        """Create the chat's (or forum topic's) subscription, or reactivate it; filters are kept."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            await t.execute(
                "INSERT INTO subscriptions (chat_id, thread_id, state, created_by, created_at, updated_at)"
                " VALUES (?, ?, 'active', ?, ?, ?) ON CONFLICT (chat_id, thread_id) DO UPDATE SET"
                " state = 'active', deactivated_reason = NULL, updated_at = excluded.updated_at",
                (chat_id, thread_id, created_by, now, now),
            )
            subscription = await self.get(chat_id, thread_id, tx=t)
        assert subscription is not None
        return subscription

    async def get(self, chat_id: int, thread_id: int = 0, *, tx: Tx | None = None) -> Subscription | None:
        """The subscription of a chat (or forum topic) with its filters, or None."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone(
                f"SELECT {_SUB_COLUMNS} FROM subscriptions s JOIN chats c ON c.id = s.chat_id"  # noqa: S608 - constant columns
                " WHERE s.chat_id = ? AND s.thread_id = ?",
                (chat_id, thread_id),
            )
            if row is None:
                return None
            filters = await self._filters(t, [row["id"]])
        return _subscription(row, filters.get(row["id"], {}))

    async def set_filter(
        self, subscription_id: int, dimension: str, values: Iterable[str], *, tx: Tx | None = None
    ) -> None:
        """Replace one filter dimension of a subscription with these values (none = unrestricted)."""
        if dimension not in DIMENSIONS:
            raise ValueError(f"unknown filter dimension {dimension!r}")
        async with self.db.joined(tx) as t:
            await t.execute(
                "DELETE FROM subscription_filters WHERE subscription_id = ? AND dimension = ?",
                (subscription_id, dimension),
            )
            await t.executemany(
                "INSERT INTO subscription_filters (subscription_id, dimension, value) VALUES (?, ?, ?)",
                [(subscription_id, dimension, v) for v in dict.fromkeys(values)],
            )
            await t.execute("UPDATE subscriptions SET updated_at = ? WHERE id = ?", (to_db(utcnow()), subscription_id))

    async def set_state(
        self, subscription_id: int, state: str, reason: str | None = None, *, tx: Tx | None = None
    ) -> None:
        """Activate, pause or deactivate a subscription (with the reason for a deactivation)."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE subscriptions SET state = ?, deactivated_reason = ?, updated_at = ? WHERE id = ?",
                (state, reason, to_db(utcnow()), subscription_id),
            )

    async def set_digest(self, subscription_id: int, at: str | None, *, tx: Tx | None = None) -> None:
        """Send this subscription's releases as one digest a day at ``at`` ("HH:MM" local), or instantly.

        A digest set now starts counting from now: releases that went out instantly are not repeated.
        """
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE subscriptions SET digest_time = ?, digest_sent_at = CASE WHEN ? IS NULL THEN NULL"
                " ELSE coalesce(digest_sent_at, ?) END, updated_at = ? WHERE id = ?",
                (at, at, now, now, subscription_id),
            )

    async def set_quiet(
        self, subscription_id: int, start: str | None, end: str | None, *, tx: Tx | None = None
    ) -> None:
        """Deliver silently between ``start`` and ``end`` ("HH:MM" local), or (None) never."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE subscriptions SET quiet_start = ?, quiet_end = ?, updated_at = ? WHERE id = ?",
                (start, end, to_db(utcnow()), subscription_id),
            )

    async def of_chat(self, chat_id: int, *, tx: Tx | None = None) -> list[Subscription]:
        """Every subscription of a chat (the chat itself and its forum topics), whatever their state."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                f"SELECT {_SUB_COLUMNS} FROM subscriptions s JOIN chats c ON c.id = s.chat_id"  # noqa: S608 - constant columns
                " WHERE s.chat_id = ? ORDER BY s.thread_id",
                (chat_id,),
            )
            filters = await self._filters(t, [r["id"] for r in rows]) if rows else {}
        return [_subscription(r, filters.get(r["id"], {})) for r in rows]

    async def remove(self, subscription_id: int, *, tx: Tx | None = None) -> None:
        """Delete a subscription with its filters and waiting digest items; its unsent copies are cancelled."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE deliveries SET status = 'cancelled', finished_at = ?, updated_at = ?"
                " WHERE subscription_id = ? AND status = 'pending'",
                (now, now, subscription_id),
            )
            await t.execute("DELETE FROM subscriptions WHERE id = ?", (subscription_id,))

    async def deactivate_chat(self, chat_id: int, reason: str, *, tx: Tx | None = None) -> int:
        """The bot left a chat or may no longer post there: deactivate its subscriptions; return how many."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(
                "UPDATE subscriptions SET state = 'deactivated', deactivated_reason = ?, updated_at = ?"
                " WHERE chat_id = ? AND state <> 'deactivated'",
                (reason, now, chat_id),
            )

    async def reactivate_chat(self, chat_id: int, *, tx: Tx | None = None) -> int:
        """The bot is back with the right to post: deactivated subscriptions resume with their filters."""
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(
                "UPDATE subscriptions SET state = 'active', deactivated_reason = NULL, updated_at = ?"
                " WHERE chat_id = ? AND state = 'deactivated'",
                (to_db(utcnow()), chat_id),
            )

    # -- who controls a chat, and which chat a user's filter commands apply to ---------------------

    async def record_controller(self, chat_id: int, user_id: int, role: str, *, tx: Tx | None = None) -> None:
        """Remember that the Bot API just confirmed ``user_id`` as ``role`` of the chat."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "INSERT INTO chat_controllers (chat_id, user_id, role, checked_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (chat_id, user_id) DO UPDATE SET role = excluded.role, checked_at = excluded.checked_at",
                (chat_id, user_id, role, to_db(utcnow())),
            )

    async def forget_controller(self, chat_id: int, user_id: int, *, tx: Tx | None = None) -> None:
        """The Bot API says ``user_id`` no longer controls the chat."""
        async with self.db.joined(tx) as t:
            await t.execute("DELETE FROM chat_controllers WHERE chat_id = ? AND user_id = ?", (chat_id, user_id))
            await t.execute("DELETE FROM user_targets WHERE chat_id = ? AND user_id = ?", (chat_id, user_id))

    async def controlled_by(self, user_id: int) -> list[Chat]:
        """Group and channel chats the user was last seen controlling (or added the bot to), by title."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT * FROM chats WHERE type <> 'private' AND (added_by = ?"
                " OR id IN (SELECT chat_id FROM chat_controllers WHERE user_id = ?)) ORDER BY title, id",
                (user_id, user_id),
            )
        return [_chat(r) for r in rows]

    async def set_target(self, user_id: int, chat_id: int | None, thread_id: int = 0, *, tx: Tx | None = None) -> None:
        """Point the user's filter commands at a chat (or, None, back at their private chat)."""
        async with self.db.joined(tx) as t:
            if chat_id is None:
                await t.execute("DELETE FROM user_targets WHERE user_id = ?", (user_id,))
                return
            await t.execute(
                "INSERT INTO user_targets (user_id, chat_id, thread_id, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET chat_id = excluded.chat_id, thread_id = excluded.thread_id,"
                " updated_at = excluded.updated_at",
                (user_id, chat_id, thread_id, to_db(utcnow())),
            )

    async def target(self, user_id: int) -> tuple[int, int] | None:
        """The chat and thread the user's filter commands apply to, if not their private chat."""
        async with self.db.snapshot() as t:
            row = await t.fetchone("SELECT chat_id, thread_id FROM user_targets WHERE user_id = ?", (user_id,))
        return None if row is None else (int(row[0]), int(row[1]))

    async def active(self, *, tx: Tx | None = None) -> list[Subscription]:
        """Every active subscription with its filters, for matching a release."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                f"SELECT {_SUB_COLUMNS} FROM subscriptions s JOIN chats c ON c.id = s.chat_id"  # noqa: S608 - constant columns
                " WHERE s.state = 'active' ORDER BY s.id"
            )
            filters = await self._filters(t, None)
        return [_subscription(r, filters.get(r["id"], {})) for r in rows]

    async def active_for_matching(
        self, *, tx: Tx | None = None
    ) -> list[tuple[int, int, int, str | None, str | None, str | None, dict[str, tuple[str, ...]]]]:
        """What matching needs of every active subscription, in id order, without building ``Subscription``s.

        ``(id, chat_id, thread_id, digest_time, quiet_start, quiet_end, filters)`` of the same
        subscriptions, with the same filters, as ``active``; several times faster to read for
        thousands of subscriptions, since no timestamps are parsed.
        """
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                "SELECT s.id, s.chat_id, s.thread_id, s.digest_time, s.quiet_start, s.quiet_end"
                " FROM subscriptions s JOIN chats c ON c.id = s.chat_id WHERE s.state = 'active' ORDER BY s.id"
            )
            filters = await self._filters(t, None)
        return [(r[0], r[1], r[2], r[3], r[4], r[5], filters.get(r[0], {})) for r in rows]

    async def revision(self, *, tx: Tx | None = None) -> tuple[int, int]:
        """A token that changes whenever what ``active`` returns may have changed; cheap to read.

        For caches of the active subscriptions (``bot.delivery.service.audience`` keeps their filters
        compiled). The first call installs, on this connection only, TEMP triggers that set a random
        number in a TEMP table whenever a row of ``subscriptions`` or ``subscription_filters`` is
        inserted, updated or deleted (cascades from ``chats`` included). The token is that number
        and ``PRAGMA data_version``, which changes when another connection commits. A random number
        rather than a count, because a rolled-back write takes its count back and the next write
        would repeat it; temp objects created in a transaction that rolls back are installed again.
        """
        async with self.db.joined(tx) as t:
            installed = await t.fetchval(
                "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name = 'subscription_changes'"
            )
            if not installed:
                await t.execute("CREATE TEMP TABLE subscription_changes (token INTEGER NOT NULL)")
                await t.execute("INSERT INTO subscription_changes (token) VALUES (random())")
                for table in ("subscriptions", "subscription_filters"):
                    for event in ("INSERT", "UPDATE", "DELETE"):
                        await t.execute(
                            f"CREATE TEMP TRIGGER IF NOT EXISTS {table}_{event.lower()}_changes AFTER {event}"  # noqa: S608 - constant names
                            f" ON main.{table} BEGIN UPDATE subscription_changes SET token = random(); END"
                        )
            row = await t.fetchone(
                "SELECT (SELECT token FROM subscription_changes), (SELECT data_version FROM pragma_data_version)"
            )
        assert row is not None
        return int(row[0]), int(row[1])

    @staticmethod
    async def _filters(t: Tx, subscription_ids: list[int] | None) -> dict[int, dict[str, tuple[str, ...]]]:
        if subscription_ids is None:
            rows = await t.fetchall(
                "SELECT subscription_id, dimension, value FROM subscription_filters"
                " ORDER BY subscription_id, dimension, value"
            )
        else:
            marks = ",".join("?" * len(subscription_ids))
            rows = await t.fetchall(
                "SELECT subscription_id, dimension, value FROM subscription_filters"  # noqa: S608 - placeholders only
                f" WHERE subscription_id IN ({marks}) ORDER BY subscription_id, dimension, value",
                subscription_ids,
            )
        grouped: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for sub_id, dimension, value in rows:
            grouped[sub_id][dimension].append(value)
        return {sub_id: {d: tuple(v) for d, v in dims.items()} for sub_id, dims in grouped.items()}
