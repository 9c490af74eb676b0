"""The delivery outbox: one row per release (or edit, deletion, digest, notice) and target chat.

A delivery is a sequence of parts (a photo or album, then text parts). The dispatcher claims a
delivery to send its next pending part (status ``in_flight``), then records the part's message ids
and either finishes the delivery or returns it to ``pending`` for its next part. A crash leaves at most
the claimed deliveries ``in_flight``; ``recover_in_flight`` returns them to ``pending`` at start-up,
so the only messages that can be sent twice are those in flight at the moment of the crash.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from storage.db import Database, Tx, from_db, to_db, utcnow

ACTIONS = ("send", "edit", "delete", "digest", "notice")


@dataclass(frozen=True, slots=True)
class Target:
    """Where one delivery goes."""

    subscription_id: int | None
    chat_id: int
    thread_id: int = 0
    silent: bool = False
    replaces: int | None = None  # for edit/delete: the delivery whose messages change


@dataclass(frozen=True, slots=True)
class PartSpec:
    """A part to send: its kind and HTML (a caption for media kinds)."""

    kind: str
    html: str


@dataclass(frozen=True, slots=True)
class PartJob:
    """The next part of a claimed delivery, with what the dispatcher needs to send or change it."""

    position: int
    kind: str
    html: str
    # For edit/delete: the message ids the original delivery recorded for this part.
    target_message_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DeliveryJob:
    """A due delivery as the dispatcher sees it."""

    id: int
    release_id: int | None
    chat_id: int
    thread_id: int
    chat_type: str
    action: str
    version: int
    silent: bool
    attempts: int
    part: PartJob
    remaining_parts: int
    # Message ids of the first sent part of this delivery, used to reply correction notices.
    reply_to_message_id: int | None = None
    # When the delivery was written: transient errors are retried until the retry horizon after this.
    queued_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a release's deliveries stand."""

    release_id: int
    total: int
    pending: int
    sent: int
    failed: int
    cancelled: int
    failed_reasons: dict[str, int] = field(default_factory=dict)
    deactivated_chats: int = 0
    # Of ``pending``: those waiting to be tried again after a transient error or a wait Telegram asked for.
    waiting: int = 0
    # Set by the dispatcher, not read from the database: outcomes cannot be written right now (a full disk),
    # so sending is held until writes work again.
    held: bool = False

    @property
    def done(self) -> bool:
        """Whether every delivery has reached a final state."""
        return self.pending == 0


@dataclass(frozen=True, slots=True)
class DeliveredPart:
    """A part already sent for a release to a chat: what an edit or a deletion must change."""

    delivery_id: int
    subscription_id: int | None
    chat_id: int
    thread_id: int
    position: int
    kind: str
    message_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StartedSend:
    """A send delivery that reached (or is reaching) its chat: what a correction or retraction changes."""

    delivery_id: int
    subscription_id: int | None
    chat_id: int
    thread_id: int
    part_kinds: tuple[str, ...]


_GROUP_TYPES = ("group", "supergroup", "channel")


class Outbox:
    """Repository of deliveries and their parts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def store_release_parts(
        self, release_id: int, version: int, parts: Sequence[PartSpec], *, tx: Tx | None = None
    ) -> None:
        """Record the rendered parts of one release version (shared by all its deliveries)."""
        async with self.db.joined(tx) as t:
            await t.execute("DELETE FROM release_parts WHERE release_id = ? AND version = ?", (release_id, version))
            await t.executemany(
                "INSERT INTO release_parts (release_id, version, position, kind, html) VALUES (?, ?, ?, ?, ?)",
                [(release_id, version, i, p.kind, p.html) for i, p in enumerate(parts)],
            )

    async def enqueue(
        self,
        action: str,
        targets: Iterable[Target],
        *,
        release_id: int | None = None,
        version: int = 1,
        parts: Sequence[PartSpec] | None = None,
        fallback_html: str | None = None,
        not_before: datetime | None = None,
        tx: Tx | None = None,
    ) -> int:
        """Write one delivery per target with its parts; return how many deliveries were written.

        ``parts`` carries HTML specific to these deliveries (notices, digests); when None the parts
        are those stored by ``store_release_parts`` for the release version. ``fallback_html`` is the
        notice sent instead where Telegram no longer allows an edit or deletion.
        """
        if action not in ACTIONS:
            raise ValueError(f"unknown delivery action {action!r}")
        now = to_db(utcnow())
        due = to_db(not_before) if not_before else now
        written = 0
        async with self.db.joined(tx) as t:
            if parts is None:
                rows = await t.fetchall(
                    "SELECT kind FROM release_parts WHERE release_id = ? AND version = ? ORDER BY position",
                    (release_id, version),
                )
                part_rows: list[tuple[str, str | None]] = [(r[0], None) for r in rows]
            else:
                part_rows = [(p.kind, p.html) for p in parts]
            if not part_rows:
                raise ValueError("a delivery needs at least one part")
            for target in targets:
                delivery_id = await t.execute(
                    "INSERT INTO deliveries (release_id, subscription_id, chat_id, thread_id, action, version,"
                    " replaces, silent, fallback_html, next_attempt_at, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        release_id,
                        target.subscription_id,
                        target.chat_id,
                        target.thread_id,
                        action,
                        version,
                        target.replaces,
                        int(target.silent),
                        fallback_html,
                        due,
                        now,
                        now,
                    ),
                )
                await t.executemany(
                    "INSERT INTO delivery_parts (delivery_id, position, kind, html) VALUES (?, ?, ?, ?)",
                    [(delivery_id, i, kind, html) for i, (kind, html) in enumerate(part_rows)],
                )
                written += 1
        return written

    async def recover_in_flight(self) -> int:
        """Return deliveries a crash left claimed to ``pending``; return how many."""
        async with self.db.transaction() as t:
            return await t.execute_rowcount(
                "UPDATE deliveries SET status = 'pending', updated_at = ? WHERE status = 'in_flight'",
                (to_db(utcnow()),),
            )

    async def due(self, now: datetime, limit: int) -> list[DeliveryJob]:
        """Pending deliveries due by ``now``, interleaved fairly across releases and actions.

        Each (release, action) stream contributes its first due delivery, then its second, and so on,
        so a release to thousands of chats does not hold back one published after it. Each stream is
        read through the ``deliveries_stream`` index up to ``limit`` rows, so the cost does not grow
        with the size of the backlog.
        """
        stamp = to_db(now)
        async with self.db.snapshot() as t:
            streams = await t.fetchall(
                "SELECT DISTINCT release_id, action FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?",
                (stamp,),
            )
            queues: list[list[int]] = []
            for release_id, action in streams:
                # An edit or deletion waits until the delivery whose messages it changes is final.
                rows = await t.fetchall(
                    "SELECT id FROM deliveries d WHERE d.status = 'pending' AND d.release_id IS ? AND d.action = ?"
                    " AND d.next_attempt_at <= ? AND (d.replaces IS NULL OR (SELECT o.status FROM deliveries o"
                    " WHERE o.id = d.replaces) NOT IN ('pending', 'in_flight'))"
                    " ORDER BY d.next_attempt_at, d.id LIMIT ?",
                    (release_id, action, stamp, limit),
                )
                queues.append([r[0] for r in rows])
            chosen = [i for turn in itertools.zip_longest(*queues) for i in turn if i is not None][:limit]
            if not chosen:
                return []
            marks = ",".join("?" * len(chosen))
            rows = await t.fetchall(
                "SELECT d.id, d.release_id, d.chat_id, d.thread_id, coalesce(c.type, 'private') AS chat_type,"  # noqa: S608 - placeholders only
                "  d.action, d.version, d.silent, d.attempts, d.replaces, d.created_at,"
                "  p.position, p.kind, coalesce(p.html, rp.html, '') AS html,"
                "  (SELECT count(*) FROM delivery_parts q WHERE q.delivery_id = d.id AND q.status = 'pending')"
                "   AS remaining,"
                "  (SELECT o.message_ids FROM delivery_parts o WHERE o.delivery_id = d.replaces"
                "   AND o.position = p.position) AS target_ids,"
                "  (SELECT f.message_ids FROM delivery_parts f WHERE f.delivery_id = coalesce(d.replaces, d.id)"
                "   AND f.status = 'sent' ORDER BY f.position LIMIT 1) AS first_ids"
                " FROM deliveries d"
                " JOIN delivery_parts p ON p.delivery_id = d.id AND p.position = ("
                "   SELECT min(position) FROM delivery_parts WHERE delivery_id = d.id AND status = 'pending')"
                " LEFT JOIN release_parts rp ON rp.release_id = d.release_id AND rp.version = d.version"
                "  AND rp.position = p.position"
                " LEFT JOIN chats c ON c.id = d.chat_id"
                f" WHERE d.id IN ({marks})",
                chosen,
            )
        order = {delivery_id: i for i, delivery_id in enumerate(chosen)}
        rows.sort(key=lambda r: order[r["id"]])
        jobs = []
        for r in rows:
            first_ids = json.loads(r["first_ids"]) if r["first_ids"] else []
            jobs.append(
                DeliveryJob(
                    id=r["id"],
                    release_id=r["release_id"],
                    chat_id=r["chat_id"],
                    thread_id=r["thread_id"],
                    chat_type=r["chat_type"],
                    action=r["action"],
                    version=r["version"],
                    silent=bool(r["silent"]),
                    attempts=r["attempts"],
                    part=PartJob(
                        position=r["position"],
                        kind=r["kind"],
                        html=r["html"],
                        target_message_ids=tuple(json.loads(r["target_ids"])) if r["target_ids"] else (),
                    ),
                    remaining_parts=r["remaining"],
                    reply_to_message_id=first_ids[0] if first_ids else None,
                    queued_at=from_db(r["created_at"]),
                )
            )
        return jobs

    async def claim(self, delivery_ids: Sequence[int]) -> None:
        """Mark deliveries in flight (committed before their messages are sent)."""
        if not delivery_ids:
            return
        async with self.db.transaction() as t:
            await t.executemany(
                "UPDATE deliveries SET status = 'in_flight', attempts = attempts + 1, updated_at = ?"
                " WHERE id = ? AND status = 'pending'",
                [(to_db(utcnow()), i) for i in delivery_ids],
            )

    async def defer(self, deferrals: Sequence[tuple[int, datetime]]) -> None:
        """Move pending deliveries' next attempt later (a chat's pacing will not allow them sooner)."""
        if not deferrals:
            return
        async with self.db.transaction() as t:
            await t.executemany(
                "UPDATE deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending'",
                [(to_db(when), i) for i, when in deferrals],
            )

    async def apply(self, results: Sequence[PartResult]) -> None:
        """Record the outcomes of sent (or failed) parts in one transaction.

        Sent and skipped parts, nearly all of a broadcast, are written with one statement per kind of
        change for the whole batch, so the transaction stays short however many messages went out.
        """
        if not results:
            return
        done = [r for r in results if r.outcome in {"sent", "skipped"}]
        rest = [r for r in results if r.outcome not in {"sent", "skipped"}]
        async with self.db.transaction() as t:
            await t.executemany(_PART_DONE, [r.part_done_row() for r in done])
            await t.executemany(_DELIVERY_SENT, [r.delivery_sent_row() for r in done if r.last_part])
            await t.executemany(_DELIVERY_NEXT_PART, [r.next_part_row() for r in done if not r.last_part])
            for result in rest:
                await result.write(t)

    async def progress(self, release_id: int) -> Progress:
        """Counts of a release's send deliveries by state, failure reasons and chats deactivated."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT status, last_error, count(*) FROM deliveries WHERE release_id = ? AND action = 'send'"
                " GROUP BY status, last_error",
                (release_id,),
            )
            deactivated = await t.fetchval(
                "SELECT count(DISTINCT d.chat_id) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                " WHERE d.release_id = ? AND d.action = 'send' AND s.state = 'deactivated'"
                " AND d.status IN ('failed', 'cancelled')",
                (release_id,),
            )
        counts: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        waiting = 0
        for status, error, n in rows:
            counts[status] += n
            if status == "failed":
                reasons[error or "unknown"] += n
            elif status == "pending" and error is not None:
                waiting += n  # tried, and due again after a transient error
        return Progress(
            release_id=release_id,
            total=sum(counts.values()),
            pending=counts["pending"] + counts["in_flight"],
            sent=counts["sent"],
            failed=counts["failed"],
            cancelled=counts["cancelled"],
            failed_reasons=dict(reasons),
            deactivated_chats=int(deactivated or 0),
            waiting=waiting,
        )

    async def releases_in_progress(self, limit: int = 20) -> list[int]:
        """Releases with send deliveries not yet final, most recent first (whose reports are still live)."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT DISTINCT release_id FROM deliveries WHERE status IN ('pending', 'in_flight')"
                " AND action = 'send' AND release_id IS NOT NULL ORDER BY release_id DESC LIMIT ?",
                (limit,),
            )
        return [r[0] for r in rows]

    async def started_sends(self, release_id: int, *, tx: Tx | None = None) -> list[StartedSend]:
        """A release's send deliveries that have reached a chat or may be doing so right now."""
        async with self.db.joined(tx) as t:
            rows = await t.fetchall(
                "SELECT d.id, d.subscription_id, d.chat_id, d.thread_id,"
                " (SELECT json_group_array(kind) FROM (SELECT kind FROM delivery_parts p"
                "   WHERE p.delivery_id = d.id ORDER BY p.position)) AS kinds"
                " FROM deliveries d WHERE d.release_id = ? AND d.action = 'send' AND (d.status = 'in_flight'"
                " OR EXISTS (SELECT 1 FROM delivery_parts p WHERE p.delivery_id = d.id AND p.status = 'sent'))"
                " ORDER BY d.id",
                (release_id,),
            )
        return [StartedSend(r[0], r[1], r[2], r[3], tuple(json.loads(r[4]))) for r in rows]

    async def delivered_parts(self, release_id: int) -> list[DeliveredPart]:
        """Every part sent for a release's original deliveries (the messages to edit or delete)."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT d.id, d.subscription_id, d.chat_id, d.thread_id, p.position, p.kind, p.message_ids"
                " FROM deliveries d JOIN delivery_parts p ON p.delivery_id = d.id"
                " WHERE d.release_id = ? AND d.action = 'send' AND p.status = 'sent'"
                " ORDER BY d.id, p.position",
                (release_id,),
            )
        return [
            DeliveredPart(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6]) if r[6] else ())) for r in rows
        ]

    async def move_unstarted_to_version(self, release_id: int, version: int, *, tx: Tx | None = None) -> int:
        """Point send deliveries that have not sent any part yet at a new release version; return how many."""
        async with self.db.joined(tx) as t:
            kinds = [
                r[0]
                for r in await t.fetchall(
                    "SELECT kind FROM release_parts WHERE release_id = ? AND version = ? ORDER BY position",
                    (release_id, version),
                )
            ]
            ids = [
                r[0]
                for r in await t.fetchall(
                    "SELECT id FROM deliveries d WHERE release_id = ? AND action = 'send' AND status = 'pending'"
                    " AND version <> ? AND NOT EXISTS (SELECT 1 FROM delivery_parts p WHERE p.delivery_id = d.id"
                    " AND p.status <> 'pending')",
                    (release_id, version),
                )
            ]
            for delivery_id in ids:
                await t.execute("DELETE FROM delivery_parts WHERE delivery_id = ?", (delivery_id,))
                await t.executemany(
                    "INSERT INTO delivery_parts (delivery_id, position, kind) VALUES (?, ?, ?)",
                    [(delivery_id, i, kind) for i, kind in enumerate(kinds)],
                )
                await t.execute("UPDATE deliveries SET version = ? WHERE id = ?", (version, delivery_id))
        return len(ids)

    async def cancel_waiting(self, release_id: int, action: str = "send", *, tx: Tx | None = None) -> int:
        """Cancel a release's deliveries waiting for their next part (a retraction); return how many.

        A delivery in flight finishes its current part, so that part's message id is recorded and
        can be deleted; once the release is retracted it sends no further part.
        """
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(
                "UPDATE deliveries SET status = 'cancelled', finished_at = ?, updated_at = ?"
                " WHERE release_id = ? AND action = ? AND status = 'pending'",
                (to_db(utcnow()), to_db(utcnow()), release_id, action),
            )

    async def deliveries_for_chat(self, chat_id: int) -> list[tuple[int, str, str | None]]:
        """(delivery id, status, last error) of a chat's deliveries, oldest first (for tests and /status)."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id, status, last_error FROM deliveries WHERE chat_id = ? ORDER BY id", (chat_id,)
            )
        return [(r[0], r[1], r[2]) for r in rows]

    async def has_fallback(self, delivery_id: int) -> bool:
        """Whether a delivery carries a notice to send where its edit or deletion is refused."""
        async with self.db.snapshot() as t:
            return bool(
                await t.fetchval("SELECT fallback_html IS NOT NULL FROM deliveries WHERE id = ?", (delivery_id,))
            )

    async def deactivate_chat(self, chat_id: int, reason: str, result: PartResult) -> int:
        """The bot can no longer reach a chat: deactivate its subscriptions, fail what was waiting for it.

        Written in one transaction with the failed part's result; returns how many subscriptions changed.
        """
        stamp = to_db(result.finished_at)
        async with self.db.transaction() as t:
            await result.write(t)
            changed = await t.execute_rowcount(
                "UPDATE subscriptions SET state = 'deactivated', deactivated_reason = ?, updated_at = ?"
                " WHERE chat_id = ? AND state <> 'deactivated'",
                (reason, stamp, chat_id),
            )
            await t.execute(
                "UPDATE deliveries SET status = 'failed', last_error = ?, finished_at = ?, updated_at = ?"
                " WHERE chat_id = ? AND status = 'pending'",
                (reason, stamp, stamp, chat_id),
            )
        return changed

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move the chat, its subscriptions and waiting deliveries to the new id."""
        stamp = to_db(utcnow())
        async with self.db.transaction() as t:
            exists = await t.fetchval("SELECT 1 FROM chats WHERE id = ?", (new_id,))
            if exists:
                # The new id is known already: keep its subscriptions and move over the ones it lacks.
                await t.execute("UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", (new_id, old_id))
                await t.execute(
                    "UPDATE chats SET migrated_to = ?, bot_status = 'left', updated_at = ? WHERE id = ?",
                    (new_id, stamp, old_id),
                )
            else:
                # ON UPDATE CASCADE carries subscriptions and controllers along with the chat row.
                await t.execute(
                    "UPDATE chats SET id = ?, type = 'supergroup', updated_at = ? WHERE id = ?", (new_id, stamp, old_id)
                )
            await t.execute(
                "UPDATE deliveries SET chat_id = ?, updated_at = ?"
                " WHERE chat_id = ? AND status IN ('pending', 'in_flight')",
                (new_id, stamp, old_id),
            )

    async def backlog(self) -> int:
        """How many deliveries are waiting or in flight."""
        async with self.db.snapshot() as t:
            return int(await t.fetchval("SELECT count(*) FROM deliveries WHERE status IN ('pending', 'in_flight')"))

    async def release_parts(self, release_id: int, version: int) -> list[PartSpec]:
        """The rendered parts of one release version, in order, as journalists received them."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT kind, html FROM release_parts WHERE release_id = ? AND version = ? ORDER BY position",
                (release_id, version),
            )
        return [PartSpec(r[0], r[1]) for r in rows]


_PART_DONE = (
    "UPDATE delivery_parts SET status = ?, message_ids = ?, sent_at = ?, last_error = ?"
    " WHERE delivery_id = ? AND position = ?"
)
# Delivery updates apply only to claimed deliveries: one cancelled meanwhile (a retraction) stays so.
_DELIVERY_SENT = (
    "UPDATE deliveries SET status = 'sent', finished_at = ?, updated_at = ?, last_error = NULL"
    " WHERE id = ? AND status = 'in_flight'"
)
# A send back in the queue (for its next part, or to retry) is cancelled instead if its release was
# retracted meanwhile.
_WAIT_OR_CANCEL = (
    "CASE WHEN action = 'send' AND EXISTS (SELECT 1 FROM releases r"
    " WHERE r.id = deliveries.release_id AND r.status = 'retracted') THEN 'cancelled' ELSE 'pending' END"
)
_DELIVERY_NEXT_PART = (
    f"UPDATE deliveries SET status = {_WAIT_OR_CANCEL},"  # noqa: S608 - built from constants only
    " attempts = 0, last_error = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'in_flight'"
)


@dataclass(frozen=True, slots=True)
class PartResult:
    """The outcome of one claimed delivery part, written by ``Outbox.apply``.

    ``outcome`` is one of: ``sent`` (message ids recorded; the delivery finishes with its last part,
    otherwise it is due again at ``next_attempt_at``), ``skipped`` (the part needs no message, e.g.
    deleting a message that is already gone), ``retry`` (back to pending at ``next_attempt_at``;
    ``count_attempt`` False for waits Telegram asked for, which are not failures), ``notice`` (the edit
    or deletion is no longer allowed: the part becomes the delivery's fallback notice and the other
    pending parts are skipped), ``failed`` (the delivery ends with ``error``).
    """

    delivery_id: int
    position: int
    outcome: str
    finished_at: datetime
    message_ids: tuple[int, ...] = ()
    next_attempt_at: datetime | None = None
    error: str | None = None
    last_part: bool = False
    count_attempt: bool = True

    def part_done_row(self) -> tuple[object, ...]:
        """Parameters of ``_PART_DONE`` for a sent or skipped part."""
        stamp = to_db(self.finished_at)
        return (self.outcome, json.dumps(list(self.message_ids)), stamp, self.error, self.delivery_id, self.position)

    def delivery_sent_row(self) -> tuple[object, ...]:
        """Parameters of ``_DELIVERY_SENT`` for the last part of a delivery."""
        stamp = to_db(self.finished_at)
        return (stamp, stamp, self.delivery_id)

    def next_part_row(self) -> tuple[object, ...]:
        """Parameters of ``_DELIVERY_NEXT_PART`` for a part that has more parts after it."""
        return (to_db(self.next_attempt_at or self.finished_at), to_db(self.finished_at), self.delivery_id)

    async def write(self, t: Tx) -> None:
        """Apply this outcome inside the caller's transaction."""
        stamp = to_db(self.finished_at)
        due = to_db(self.next_attempt_at or self.finished_at)
        if self.outcome in {"sent", "skipped"}:
            await t.execute(_PART_DONE, self.part_done_row())
            if self.last_part:
                await t.execute(_DELIVERY_SENT, self.delivery_sent_row())
            else:
                await t.execute(_DELIVERY_NEXT_PART, self.next_part_row())
        elif self.outcome == "retry":
            await t.execute(
                f"UPDATE deliveries SET status = {_WAIT_OR_CANCEL}, next_attempt_at = ?, last_error = ?,"  # noqa: S608 - constant
                " updated_at = ?, attempts = attempts - ? WHERE id = ? AND status = 'in_flight'",
                (due, self.error, stamp, 0 if self.count_attempt else 1, self.delivery_id),
            )
        elif self.outcome == "notice":
            await t.execute(
                "UPDATE delivery_parts SET kind = 'notice', last_error = ?,"
                " html = (SELECT fallback_html FROM deliveries WHERE id = ?) WHERE delivery_id = ? AND position = ?",
                (self.error, self.delivery_id, self.delivery_id, self.position),
            )
            await t.execute(
                "UPDATE delivery_parts SET status = 'skipped', last_error = ?"
                " WHERE delivery_id = ? AND position <> ? AND status = 'pending'",
                (self.error, self.delivery_id, self.position),
            )
            await t.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = ?,"
                " updated_at = ? WHERE id = ? AND status = 'in_flight'",
                (due, self.error, stamp, self.delivery_id),
            )
        elif self.outcome == "failed":
            await t.execute(
                "UPDATE delivery_parts SET status = 'failed', last_error = ? WHERE delivery_id = ? AND position = ?",
                (self.error, self.delivery_id, self.position),
            )
            await t.execute(
                "UPDATE deliveries SET status = 'failed', last_error = ?, finished_at = ?, updated_at = ?"
                " WHERE id = ? AND status = 'in_flight'",
                (self.error, stamp, stamp, self.delivery_id),
            )
        else:
            raise ValueError(f"unknown outcome {self.outcome!r}")


def is_group_chat(chat_type: str) -> bool:
    """Whether Telegram's 20-messages-per-minute limit applies to this chat type."""
    return chat_type in _GROUP_TYPES
