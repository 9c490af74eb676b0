"""Read-only queries behind the accountability report (``/report``) and the operator statistics (``/stats``).

The report takes the releases each organization published in a period (``published_at`` in
``[start, end)``, retracted ones included: they were published) and describes them as they stand now:
how long each took from its first draft to publication, how many corrections and retractions they
had, how many distinct chats received them and how many of their deliveries failed.

Its responsiveness section takes the question assignments that started in the period (``assigned_at`` in
``[start, end)``: a forwarded question's second assignment starts when it was forwarded, with a fresh
clock) as they stand now, with the status of their question; ``bot/domain/responsiveness.py`` counts them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from storage.db import Database, Tx, from_db, opt_from_db, to_db


@dataclass(frozen=True, slots=True)
class OrganizationActivity:
    """What one organization's releases of a period came to."""

    organization_id: int
    name: str
    published: int = 0
    # From each release's first draft (``created_at``) to its publication.
    draft_to_publication: tuple[timedelta, ...] = ()
    corrections: int = 0  # corrected versions (version 2 and later) of those releases
    retractions: int = 0  # of those releases, how many were retracted since
    chats_reached: int = 0  # distinct chats that received at least one of them (instantly or in a digest)
    failed_deliveries: int = 0  # instant deliveries of them that failed for good


@dataclass(frozen=True, slots=True)
class PeriodActivity:
    """Every organization (silent ones included, by id) and the distinct chats reached overall."""

    organizations: list[OrganizationActivity]
    chats_reached: int


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    """One agency's turn with a question (a ``question_assignments`` row) and its question's status now."""

    question_id: int
    organization_id: int
    assigned_at: datetime
    due_at: datetime
    first_response_at: datetime | None
    answered_at: datetime | None
    outcome: str | None  # answered, declined, forwarded, reassigned, closed; None while it goes on
    outcome_reason: str | None  # why it was declined or forwarded
    ended_at: datetime | None  # None: the question is with this agency now
    question_status: str


@dataclass(frozen=True, slots=True)
class Overview:
    """The standing numbers of ``/stats`` (what happened in a period is ``PeriodTotals``)."""

    organizations: int
    active_officers: int
    # (chat type, subscription state) -> distinct chats; a forum's topics count as one chat.
    chats: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """What became of the releases first published in a period: the one definition behind ``/stats``,
    ``/backup``, ``/report`` and ``/my``.

    A release counts in the period its first publication falls in (``published_at``; a correction does not
    publish it again, a retraction does not take it back out). "Delivered" is new copies that reached a chat:
    instant sends and the digests that carried them; the edits a correction made and the deletions a
    retraction made are counted apart.
    """

    published: int = 0  # first published in the period, retracted ones included
    retracted: int = 0  # of those, how many were retracted since
    corrections: int = 0  # corrected versions (version 2 and later) of those releases
    delivered: int = 0  # new copies that reached a chat (sends and digest items)
    failed: int = 0  # instant sends that failed for good
    edits: int = 0  # delivered copies edited by a correction
    deletions: int = 0  # delivered copies deleted (or replaced by a notice) by a retraction


# The releases first published in a period (of one organization, when :org is not null): the one definition
# of "published in a period" (see PeriodTotals).
_PERIOD = "r.published_at >= :start AND r.published_at < :end"
_COHORT = f"SELECT * FROM releases r WHERE {_PERIOD} AND (:org IS NULL OR r.organization_id = :org)"  # noqa: S608 - constant
_NO_START, _NO_END = "0000", "9999"  # before and after every stored timestamp
# Each row is one copy of one release: an instant send, or a digest that carried it.
_DELIVERED = f"""
    SELECT r.id AS release_id, r.organization_id AS org, d.chat_id AS chat FROM ({_COHORT}) r
        JOIN deliveries d ON d.release_id = r.id AND d.action = 'send' AND d.status = 'sent'
    UNION ALL
    SELECT r.id, r.organization_id, d.chat_id FROM ({_COHORT}) r
        JOIN digest_items i ON i.release_id = r.id
        JOIN deliveries d ON d.id = i.delivery_id AND d.status = 'sent'
"""  # noqa: S608 - constant fragments, values are bound parameters


class Reports:
    """Repository of report queries (reads only, each in one snapshot)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def period_activity(self, start: datetime, end: datetime) -> PeriodActivity:
        """Each organization's releases published in ``[start, end)`` and what became of them."""
        bounds = {"start": to_db(start), "end": to_db(end), "org": None}
        async with self.db.snapshot() as t:
            orgs = await t.fetchall("SELECT id, name FROM organizations ORDER BY id")
            releases = await t.fetchall(
                f"SELECT r.organization_id, r.created_at, r.published_at, r.status FROM ({_COHORT}) r",  # noqa: S608 - constant
                bounds,
            )
            corrections = await _per_org(
                t,
                f"SELECT r.organization_id, count(*) FROM ({_COHORT}) r JOIN release_versions v ON v.release_id = r.id"  # noqa: S608 - constant
                " WHERE v.version > 1 GROUP BY r.organization_id",
                bounds,
            )
            failed = await _per_org(
                t,
                f"SELECT r.organization_id, count(*) FROM ({_COHORT}) r JOIN deliveries d ON d.release_id = r.id"  # noqa: S608 - constant
                " WHERE d.action = 'send' AND d.status = 'failed' GROUP BY r.organization_id",
                bounds,
            )
            reach = await _per_org(t, f"SELECT org, count(DISTINCT chat) FROM ({_DELIVERED}) GROUP BY org", bounds)  # noqa: S608 - constant
            reached = int(await t.fetchval(f"SELECT count(DISTINCT chat) FROM ({_DELIVERED})", bounds))  # noqa: S608 - constant
        published: dict[int, int] = defaultdict(int)
        retracted: dict[int, int] = defaultdict(int)
        delays: dict[int, list[timedelta]] = defaultdict(list)
        for org_id, created_at, published_at, status in releases:
            published[org_id] += 1
            retracted[org_id] += status == "retracted"
            delays[org_id].append(from_db(published_at) - from_db(created_at))
        return PeriodActivity(
            organizations=[
                OrganizationActivity(
                    organization_id=org_id,
                    name=name,
                    published=published[org_id],
                    draft_to_publication=tuple(delays[org_id]),
                    corrections=corrections.get(org_id, 0),
                    retractions=retracted[org_id],
                    chats_reached=reach.get(org_id, 0),
                    failed_deliveries=failed.get(org_id, 0),
                )
                for org_id, name in orgs
            ],
            chats_reached=reached,
        )

    async def period_assignments(self, start: datetime, end: datetime) -> list[AssignmentRecord]:
        """The question assignments that started in ``[start, end)``, oldest first, with their question's status."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT a.question_id, a.organization_id, a.assigned_at, a.due_at, a.first_response_at, a.answered_at,"
                " a.outcome, a.outcome_reason, a.ended_at, q.status"
                " FROM question_assignments a JOIN questions q ON q.id = a.question_id"
                " WHERE a.assigned_at >= ? AND a.assigned_at < ? ORDER BY a.assigned_at, a.id",
                (to_db(start), to_db(end)),
            )
        return [
            AssignmentRecord(
                question_id=int(question_id),
                organization_id=int(org_id),
                assigned_at=from_db(assigned_at),
                due_at=from_db(due_at),
                first_response_at=opt_from_db(first_response_at),
                answered_at=opt_from_db(answered_at),
                outcome=outcome,
                outcome_reason=reason,
                ended_at=opt_from_db(ended_at),
                question_status=status,
            )
            for (
                question_id,
                org_id,
                assigned_at,
                due_at,
                first_response_at,
                answered_at,
                outcome,
                reason,
                ended_at,
                status,
            ) in rows
        ]

    async def overview(self) -> Overview:
        """Organizations, active officers and subscribed chats, as they stand."""
        async with self.db.snapshot() as t:
            orgs = int(await t.fetchval("SELECT count(*) FROM organizations"))
            officers = int(await t.fetchval("SELECT count(*) FROM officers WHERE revoked_at IS NULL"))
            chats = await t.fetchall(
                "SELECT c.type, s.state, count(DISTINCT c.id) FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
                " GROUP BY c.type, s.state"
            )
        return Overview(
            organizations=orgs,
            active_officers=officers,
            chats={(kind, state): int(count) for kind, state, count in chats},
        )

    async def totals(
        self, start: datetime | None = None, end: datetime | None = None, *, organization_id: int | None = None
    ) -> PeriodTotals:
        """What became of the releases first published in ``[start, end)`` (all time where a bound is None),
        of one organization or of all (see ``PeriodTotals``)."""
        params = {
            "start": to_db(start) if start else _NO_START,
            "end": to_db(end) if end else _NO_END,
            "org": organization_id,
        }
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                f"""SELECT
                    (SELECT count(*) FROM ({_COHORT}) r),
                    (SELECT count(*) FROM ({_COHORT}) r WHERE r.status = 'retracted'),
                    (SELECT count(*) FROM ({_COHORT}) r JOIN release_versions v ON v.release_id = r.id
                        WHERE v.version > 1),
                    (SELECT count(*) FROM ({_DELIVERED})),
                    (SELECT count(*) FROM ({_COHORT}) r JOIN deliveries d ON d.release_id = r.id
                        WHERE d.action = 'send' AND d.status = 'failed'),
                    (SELECT count(*) FROM ({_COHORT}) r JOIN deliveries d ON d.release_id = r.id
                        WHERE d.action = 'edit' AND d.status = 'sent'),
                    (SELECT count(*) FROM ({_COHORT}) r JOIN deliveries d ON d.release_id = r.id
                        WHERE d.action = 'delete' AND d.status = 'sent')""",  # noqa: S608 - constant fragments
                params,
            )
        assert row is not None
        published, retracted, corrections, delivered, failed, edits, deletions = (int(n or 0) for n in row)
        return PeriodTotals(published, retracted, corrections, delivered, failed, edits, deletions)


async def _per_org(t: Tx, sql: str, params: dict[str, str | None]) -> dict[int, int]:
    return {int(org_id): int(count) for org_id, count in await t.fetchall(sql, params)}
