"""The question desk: journalists' profiles, questions, their assignments to agencies, threads and events.

A question has one current assignment (``ended_at IS NULL``); ``questions.organization_id`` and
``questions.due_at`` mirror it. Every status change is a conditional ``UPDATE … AND status IN (…)``,
so that of two requests racing for one question only the first changes it (see ``change_status``).
Reminders and the escalation are marked on the assignment, each at most once.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db

STATUSES = ("open", "claimed", "answered", "closed", "declined", "forwarded", "expired")
# Waiting for the agency: what counts toward a journalist's open questions and an agency's inbox.
WAITING = ("open", "claimed", "expired")
# Not final: a thread that can still change (a follow-up, an answer, a close).
LIVE = ("open", "claimed", "answered", "expired")
# What the reminders and the escalation watch: nobody has answered yet and the clock runs.
RUNNING = ("open", "claimed")
MESSAGE_KINDS = ("text", "photo", "video", "document", "voice", "audio")

Stage = Literal["half", "late", "expire"]
Role = Literal["journalist", "officer", "admin", "system"]
Outcome = Literal["answered", "declined", "forwarded", "reassigned", "closed"]

# Fractions of an assignment's time at which its agency's officers are reminded.
HALF, LATE = 0.5, 0.9


@dataclass(frozen=True, slots=True)
class ReasonPrompt:
    """An officer was asked by a button why they decline (or forward to ``organization_id``) a question."""

    action: Literal["decline", "forward"]
    question_id: int
    organization_id: int | None
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message for a thread as it arrived (text, or a file by Telegram file id with its caption)."""

    text: str
    kind: str = "text"
    file_id: str | None = None
    file_unique_id: str | None = None
    file_name: str | None = None
    mime_type: str | None = None

    @property
    def has_file(self) -> bool:
        """Whether a file comes with the text."""
        return self.kind != "text" and self.file_id is not None


@dataclass(frozen=True, slots=True)
class Profile:
    """A journalist as the agencies see them, whether an admin blocked them, and what their next message is for."""

    user_id: int
    full_name: str
    outlet: str
    username: str | None
    blocked_at: datetime | None
    blocked_by: int | None
    block_reason: str | None
    asking_org: int | None
    asking_release: int | None
    following_up: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def blocked(self) -> bool:
        """Whether an admin blocked the journalist from asking."""
        return self.blocked_at is not None


@dataclass(frozen=True, slots=True)
class Question:
    """One thread between a journalist and the agency it is with now."""

    id: int
    journalist_id: int
    organization_id: int
    release_id: int | None
    text: str
    status: str
    claimed_by: int | None
    asked_at: datetime
    due_at: datetime
    closed_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Assignment:
    """One agency a question was with, its clock, and how it dealt with the question."""

    id: int
    question_id: int
    organization_id: int
    assigned_at: datetime
    due_at: datetime
    assigned_by: int | None
    assign_reason: str | None
    first_response_at: datetime | None
    answered_at: datetime | None
    answered_by: int | None
    outcome: str | None
    outcome_reason: str | None
    ended_at: datetime | None
    reminded_half_at: datetime | None
    reminded_late_at: datetime | None
    escalated_at: datetime | None

    @property
    def current(self) -> bool:
        """Whether the question is with this agency now."""
        return self.ended_at is None


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    """A line of a thread: the question, a follow-up, an answer or a note by the bot."""

    id: int
    question_id: int
    author_id: int | None
    role: str
    organization_id: int | None
    text: str
    kind: str
    file_id: str | None
    file_unique_id: str | None
    file_name: str | None
    mime_type: str | None
    created_at: datetime

    def as_incoming(self) -> Incoming:
        """The message's content, to send it on."""
        return Incoming(self.text, self.kind, self.file_id, self.file_unique_id, self.file_name, self.mime_type)


@dataclass(frozen=True, slots=True)
class QuestionEvent:
    """A status change: who, when, from what to what, at which agency, and why."""

    id: int
    question_id: int
    at: datetime
    actor_id: int | None
    from_status: str | None
    to_status: str
    organization_id: int | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class DueReminder:
    """An assignment whose next reminder (or its escalation) is due: ``stage`` says which."""

    stage: Stage
    question: Question
    assignment: Assignment


_Q_COLUMNS = (
    "q.id, q.journalist_id, q.organization_id, q.release_id, q.text, q.status, q.claimed_by, q.asked_at,"
    " q.due_at, q.closed_at, q.updated_at"
)
_A_COLUMNS = (
    "a.id, a.question_id, a.organization_id, a.assigned_at, a.due_at, a.assigned_by, a.assign_reason,"
    " a.first_response_at, a.answered_at, a.answered_by, a.outcome, a.outcome_reason, a.ended_at,"
    " a.reminded_half_at, a.reminded_late_at, a.escalated_at"
)
_P_COLUMNS = (
    "user_id, full_name, outlet, username, blocked_at, blocked_by, block_reason, asking_org, asking_release,"
    " following_up, created_at, updated_at"
)
_M_COLUMNS = (
    "id, question_id, author_id, role, organization_id, text, kind, file_id, file_unique_id, file_name,"
    " mime_type, created_at"
)
_Q_WIDTH = 11


def _question(row: aiosqlite.Row, offset: int = 0) -> Question:
    r: tuple[Any, ...] = tuple(row)[offset : offset + _Q_WIDTH]
    return Question(
        id=int(r[0]),
        journalist_id=int(r[1]),
        organization_id=int(r[2]),
        release_id=None if r[3] is None else int(r[3]),
        text=str(r[4]),
        status=str(r[5]),
        claimed_by=None if r[6] is None else int(r[6]),
        asked_at=from_db(r[7]),
        due_at=from_db(r[8]),
        closed_at=opt_from_db(r[9]),
        updated_at=from_db(r[10]),
    )


def _assignment(row: aiosqlite.Row, offset: int = 0) -> Assignment:
    r: tuple[Any, ...] = tuple(row)[offset:]
    return Assignment(
        id=int(r[0]),
        question_id=int(r[1]),
        organization_id=int(r[2]),
        assigned_at=from_db(r[3]),
        due_at=from_db(r[4]),
        assigned_by=None if r[5] is None else int(r[5]),
        assign_reason=None if r[6] is None else str(r[6]),
        first_response_at=opt_from_db(r[7]),
        answered_at=opt_from_db(r[8]),
        answered_by=None if r[9] is None else int(r[9]),
        outcome=None if r[10] is None else str(r[10]),
        outcome_reason=None if r[11] is None else str(r[11]),
        ended_at=opt_from_db(r[12]),
        reminded_half_at=opt_from_db(r[13]),
        reminded_late_at=opt_from_db(r[14]),
        escalated_at=opt_from_db(r[15]),
    )


def _profile(row: aiosqlite.Row) -> Profile:
    return Profile(
        user_id=row["user_id"],
        full_name=row["full_name"],
        outlet=row["outlet"],
        username=row["username"],
        blocked_at=opt_from_db(row["blocked_at"]),
        blocked_by=row["blocked_by"],
        block_reason=row["block_reason"],
        asking_org=row["asking_org"],
        asking_release=row["asking_release"],
        following_up=row["following_up"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
    )


def _message(row: aiosqlite.Row) -> ThreadMessage:
    return ThreadMessage(
        id=row["id"],
        question_id=row["question_id"],
        author_id=row["author_id"],
        role=row["role"],
        organization_id=row["organization_id"],
        text=row["text"],
        kind=row["kind"],
        file_id=row["file_id"],
        file_unique_id=row["file_unique_id"],
        file_name=row["file_name"],
        mime_type=row["mime_type"],
        created_at=from_db(row["created_at"]),
    )


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


# ``change_status``'s claimed_by: leave the column as it is.
KEEP = object()


class Questions:
    """Repository of the question desk's tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- profiles ------------------------------------------------------------------------------------

    async def profile(self, user_id: int, *, tx: Tx | None = None) -> Profile | None:
        """The journalist's profile, or None."""
        sql = f"SELECT {_P_COLUMNS} FROM journalist_profiles WHERE user_id = ?"  # noqa: S608 - constant column list
        if tx is not None:
            row = await tx.fetchone(sql, (user_id,))
        else:
            async with self.db.snapshot() as t:
                row = await t.fetchone(sql, (user_id,))
        return None if row is None else _profile(row)

    async def save_profile(
        self, user_id: int, full_name: str, outlet: str, username: str | None, now: datetime, *, tx: Tx | None = None
    ) -> Profile:
        """Create or replace the journalist's name, outlet and username (a block and pending input stay)."""
        stamp = to_db(now)
        async with self.db.joined(tx) as t:
            await t.execute(
                "INSERT INTO journalist_profiles (user_id, full_name, outlet, username, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name,"
                " outlet = excluded.outlet, username = excluded.username, updated_at = excluded.updated_at",
                (user_id, full_name, outlet, username, stamp, stamp),
            )
            found = await self.profile(user_id, tx=t)
        assert found is not None
        return found

    async def block(self, user_id: int, admin_id: int, reason: str, now: datetime, *, tx: Tx | None = None) -> bool:
        """Block the journalist from asking; False when there is no profile or it was already blocked."""
        async with self.db.joined(tx) as t:
            return (
                await t.execute_rowcount(
                    "UPDATE journalist_profiles SET blocked_at = ?, blocked_by = ?, block_reason = ?, updated_at = ?,"
                    " asking_org = NULL, asking_release = NULL, following_up = NULL"
                    " WHERE user_id = ? AND blocked_at IS NULL",
                    (to_db(now), admin_id, reason, to_db(now), user_id),
                )
                == 1
            )

    async def unblock(self, user_id: int, now: datetime, *, tx: Tx | None = None) -> bool:
        """Lift the block; False when the journalist was not blocked."""
        async with self.db.joined(tx) as t:
            return (
                await t.execute_rowcount(
                    "UPDATE journalist_profiles SET blocked_at = NULL, blocked_by = NULL, block_reason = NULL,"
                    " updated_at = ? WHERE user_id = ? AND blocked_at IS NOT NULL",
                    (to_db(now), user_id),
                )
                == 1
            )

    async def set_pending(
        self,
        user_id: int,
        *,
        asking_org: int | None = None,
        asking_release: int | None = None,
        following_up: int | None = None,
        tx: Tx | None = None,
    ) -> None:
        """What the journalist's next message is for: a question to ``asking_org`` (about ``asking_release``),
        a follow-up in ``following_up``, or (all None) nothing."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE journalist_profiles SET asking_org = ?, asking_release = ?, following_up = ? WHERE user_id = ?",
                (asking_org, asking_release, following_up, user_id),
            )

    async def forget_waiting(self, user_id: int) -> bool:
        """Nothing is waited for from the user any more: neither a question or follow-up (journalist) nor an
        answer or a reason (officer). Whether anything was."""
        async with self.db.transaction() as t:
            journalist = await t.execute_rowcount(
                "UPDATE journalist_profiles SET asking_org = NULL, asking_release = NULL, following_up = NULL"
                " WHERE user_id = ? AND (asking_org IS NOT NULL OR following_up IS NOT NULL)",
                (user_id,),
            )
            officer = await t.execute_rowcount(
                "UPDATE officers SET answering = NULL, reason_prompt = NULL"
                " WHERE user_id = ? AND (answering IS NOT NULL OR reason_prompt IS NOT NULL)",
                (user_id,),
            )
        return bool(journalist or officer)

    # -- questions -----------------------------------------------------------------------------------

    async def create(
        self,
        journalist_id: int,
        organization_id: int,
        message: Incoming,
        *,
        release_id: int | None,
        now: datetime,
        due_at: datetime,
        tx: Tx | None = None,
    ) -> Question:
        """Store a new question (status ``open``), its first assignment, its first message and its event."""
        stamp = to_db(now)
        async with self.db.joined(tx) as t:
            question_id = await t.execute(
                "INSERT INTO questions (journalist_id, organization_id, release_id, text, status, asked_at, due_at,"
                " updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
                (journalist_id, organization_id, release_id, message.text, stamp, to_db(due_at), stamp),
            )
            await t.execute(
                "INSERT INTO question_assignments (question_id, organization_id, assigned_at, due_at)"
                " VALUES (?, ?, ?, ?)",
                (question_id, organization_id, stamp, to_db(due_at)),
            )
            await self.add_message(question_id, message, author_id=journalist_id, role="journalist", now=now, tx=t)
            await self.add_event(
                question_id, now=now, actor_id=journalist_id, to_status="open", organization_id=organization_id, tx=t
            )
            question = await self.get(question_id, tx=t)
        assert question is not None
        return question

    async def get(self, question_id: int, *, tx: Tx | None = None) -> Question | None:
        """The question, or None."""
        sql = f"SELECT {_Q_COLUMNS} FROM questions q WHERE q.id = ?"  # noqa: S608 - constant column list
        if tx is not None:
            row = await tx.fetchone(sql, (question_id,))
        else:
            async with self.db.snapshot() as t:
                row = await t.fetchone(sql, (question_id,))
        return None if row is None else _question(row)

    async def change_status(
        self,
        question_id: int,
        to_status: str,
        from_statuses: Collection[str],
        now: datetime,
        *,
        organization_id: int | None = None,
        claimed_by: object = KEEP,
        tx: Tx | None = None,
    ) -> bool:
        """Move a question to ``to_status`` if it is in one of ``from_statuses`` (and, when given, still with
        ``organization_id``); whether it was. ``claimed_by`` (an officer id or None) is set with it unless KEEP.

        The condition is part of the statement: of two requests racing for one question, the second
        finds it moved on and changes nothing.
        """
        statuses = tuple(from_statuses)
        sets = "status = ?, updated_at = ?, closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END"
        params: list[object] = [to_status, to_db(now), to_status, to_db(now)]
        if claimed_by is not KEEP:
            sets += ", claimed_by = ?"
            params.append(claimed_by)
        where = f"id = ? AND status IN ({_marks(statuses)})"
        params += [question_id, *statuses]
        if organization_id is not None:
            where += " AND organization_id = ?"
            params.append(organization_id)
        async with self.db.joined(tx) as t:
            return await t.execute_rowcount(f"UPDATE questions SET {sets} WHERE {where}", params) == 1  # noqa: S608 - constant fragments, values bound

    async def status_of(self, question_id: int, *, tx: Tx | None = None) -> str | None:
        """The question's status now (None if there is none)."""
        async with self.db.joined(tx) as t:
            value = await t.fetchval("SELECT status FROM questions WHERE id = ?", (question_id,))
        return None if value is None else str(value)

    async def count_waiting(self, journalist_id: int, *, tx: Tx | None = None) -> int:
        """The journalist's questions still waiting for an agency (open, claimed or expired)."""
        async with self.db.joined(tx) as t:
            return int(
                await t.fetchval(
                    f"SELECT count(*) FROM questions WHERE journalist_id = ? AND status IN ({_marks(WAITING)})",  # noqa: S608 - placeholders only
                    (journalist_id, *WAITING),
                )
            )

    async def count_asked_since(self, journalist_id: int, since: datetime, *, tx: Tx | None = None) -> int:
        """How many questions the journalist asked since then."""
        async with self.db.joined(tx) as t:
            return int(
                await t.fetchval(
                    "SELECT count(*) FROM questions WHERE journalist_id = ? AND asked_at >= ?",
                    (journalist_id, to_db(since)),
                )
            )

    async def of_journalist(self, journalist_id: int, *, limit: int = 20) -> list[Question]:
        """The journalist's questions, newest first."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_Q_COLUMNS} FROM questions q WHERE q.journalist_id = ? ORDER BY q.id DESC LIMIT ?",  # noqa: S608 - constant column list
                (journalist_id, limit),
            )
        return [_question(r) for r in rows]

    async def with_status(self, statuses: Collection[str], *, organization_id: int | None = None) -> list[Question]:
        """Questions in these statuses (of one agency, when given), the earliest deadline first."""
        values = tuple(statuses)
        where = f"q.status IN ({_marks(values)})"
        params: list[object] = list(values)
        if organization_id is not None:
            where += " AND q.organization_id = ?"
            params.append(organization_id)
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_Q_COLUMNS} FROM questions q WHERE {where} ORDER BY q.due_at, q.id",  # noqa: S608 - constant fragments, values bound
                params,
            )
        return [_question(r) for r in rows]

    async def referring_to(self, release_id: int, statuses: Collection[str] = LIVE) -> list[Question]:
        """Questions about this release in these statuses, oldest first."""
        values = tuple(statuses)
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_Q_COLUMNS} FROM questions q WHERE q.release_id = ? AND q.status IN ({_marks(values)})"  # noqa: S608 - placeholders only
                " ORDER BY q.id",
                (release_id, *values),
            )
        return [_question(r) for r in rows]

    # -- assignments ---------------------------------------------------------------------------------

    async def current_assignment(self, question_id: int, *, tx: Tx | None = None) -> Assignment | None:
        """The assignment the question is with now, or None (declined or closed)."""
        sql = f"SELECT {_A_COLUMNS} FROM question_assignments a WHERE a.question_id = ? AND a.ended_at IS NULL"  # noqa: S608 - constant column list
        async with self.db.joined(tx) as t:
            row = await t.fetchone(sql, (question_id,))
        return None if row is None else _assignment(row)

    async def last_assignment(self, question_id: int, *, tx: Tx | None = None) -> Assignment | None:
        """The question's latest assignment, current or ended."""
        sql = f"SELECT {_A_COLUMNS} FROM question_assignments a WHERE a.question_id = ? ORDER BY a.id DESC LIMIT 1"  # noqa: S608 - constant column list
        async with self.db.joined(tx) as t:
            row = await t.fetchone(sql, (question_id,))
        return None if row is None else _assignment(row)

    async def assignments(self, question_id: int) -> list[Assignment]:
        """Every assignment of the question, the first first."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_A_COLUMNS} FROM question_assignments a WHERE a.question_id = ? ORDER BY a.id",  # noqa: S608 - constant column list
                (question_id,),
            )
        return [_assignment(r) for r in rows]

    async def reassign(
        self,
        question_id: int,
        organization_id: int,
        now: datetime,
        due_at: datetime,
        *,
        outcome: Outcome,
        outcome_reason: str | None,
        assigned_by: int,
        assign_reason: str | None,
        tx: Tx | None = None,
    ) -> Assignment:
        """End the current assignment with ``outcome`` and start one at ``organization_id`` with a fresh clock;
        the question follows it (agency and deadline). The caller changes the status in the same transaction."""
        stamp = to_db(now)
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE question_assignments SET outcome = ?, outcome_reason = ?, ended_at = ?,"
                " first_response_at = CASE WHEN ? = 'forwarded' THEN coalesce(first_response_at, ?)"
                " ELSE first_response_at END WHERE question_id = ? AND ended_at IS NULL",
                (outcome, outcome_reason, stamp, outcome, stamp, question_id),
            )
            assignment_id = await t.execute(
                "INSERT INTO question_assignments (question_id, organization_id, assigned_at, due_at, assigned_by,"
                " assign_reason) VALUES (?, ?, ?, ?, ?, ?)",
                (question_id, organization_id, stamp, to_db(due_at), assigned_by, assign_reason),
            )
            await t.execute(
                "UPDATE questions SET organization_id = ?, due_at = ?, updated_at = ? WHERE id = ?",
                (organization_id, to_db(due_at), stamp, question_id),
            )
            row = await t.fetchone(
                f"SELECT {_A_COLUMNS} FROM question_assignments a WHERE a.id = ?",  # noqa: S608 - constant column list
                (assignment_id,),
            )
        assert row is not None
        return _assignment(row)

    async def responded(self, question_id: int, now: datetime, *, tx: Tx | None = None) -> None:
        """The current agency responded (a claim): its first response time, if it had none."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE question_assignments SET first_response_at = coalesce(first_response_at, ?)"
                " WHERE question_id = ? AND ended_at IS NULL",
                (to_db(now), question_id),
            )

    async def answered(self, question_id: int, officer_id: int, now: datetime, *, tx: Tx | None = None) -> None:
        """The current agency answered: its first response and first answer times, if it had none."""
        stamp = to_db(now)
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE question_assignments SET first_response_at = coalesce(first_response_at, ?),"
                " answered_at = coalesce(answered_at, ?), answered_by = coalesce(answered_by, ?),"
                " outcome = coalesce(outcome, 'answered') WHERE question_id = ? AND ended_at IS NULL",
                (stamp, stamp, officer_id, question_id),
            )

    async def end_assignment(
        self, question_id: int, outcome: Outcome, reason: str | None, now: datetime, *, tx: Tx | None = None
    ) -> bool:
        """End the current assignment (a decline, or a close: ``answered`` stays the outcome of an answered
        one); whether there was one."""
        stamp = to_db(now)
        async with self.db.joined(tx) as t:
            return (
                await t.execute_rowcount(
                    "UPDATE question_assignments SET outcome = coalesce(outcome, ?),"
                    " outcome_reason = coalesce(outcome_reason, ?), ended_at = ?,"
                    " first_response_at = CASE WHEN ? = 'declined' THEN coalesce(first_response_at, ?)"
                    " ELSE first_response_at END WHERE question_id = ? AND ended_at IS NULL",
                    (outcome, reason, stamp, outcome, stamp, question_id),
                )
                == 1
            )

    # -- the thread and its history ------------------------------------------------------------------

    async def add_message(
        self,
        question_id: int,
        message: Incoming,
        *,
        author_id: int | None,
        role: Role,
        now: datetime,
        organization_id: int | None = None,
        tx: Tx | None = None,
    ) -> int:
        """Append a line to the thread; its id."""
        async with self.db.joined(tx) as t:
            return await t.execute(
                "INSERT INTO question_messages (question_id, author_id, role, organization_id, text, kind, file_id,"
                " file_unique_id, file_name, mime_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    question_id,
                    author_id,
                    role,
                    organization_id,
                    message.text,
                    message.kind,
                    message.file_id,
                    message.file_unique_id,
                    message.file_name,
                    message.mime_type,
                    to_db(now),
                ),
            )

    async def messages(self, question_id: int) -> list[ThreadMessage]:
        """The thread, in order."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_M_COLUMNS} FROM question_messages WHERE question_id = ? ORDER BY id",  # noqa: S608 - constant column list
                (question_id,),
            )
        return [_message(r) for r in rows]

    async def last_answerer(self, question_id: int, organization_id: int, *, tx: Tx | None = None) -> int | None:
        """The officer of this agency who wrote last in the thread, if any."""
        async with self.db.joined(tx) as t:
            value = await t.fetchval(
                "SELECT author_id FROM question_messages WHERE question_id = ? AND role = 'officer'"
                " AND organization_id = ? ORDER BY id DESC LIMIT 1",
                (question_id, organization_id),
            )
        return None if value is None else int(value)

    async def add_event(
        self,
        question_id: int,
        *,
        now: datetime,
        actor_id: int | None,
        to_status: str,
        from_status: str | None = None,
        organization_id: int | None = None,
        reason: str | None = None,
        tx: Tx | None = None,
    ) -> int:
        """Record a status change."""
        async with self.db.joined(tx) as t:
            return await t.execute(
                "INSERT INTO question_events (question_id, at, actor_id, from_status, to_status, organization_id,"
                " reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (question_id, to_db(now), actor_id, from_status, to_status, organization_id, reason),
            )

    async def events(self, question_id: int) -> list[QuestionEvent]:
        """The question's status history, in order."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id, question_id, at, actor_id, from_status, to_status, organization_id, reason"
                " FROM question_events WHERE question_id = ? ORDER BY id",
                (question_id,),
            )
        return [
            QuestionEvent(r[0], r[1], from_db(r[2]), r[3], r[4], r[5], r[6], r[7])  # positional: the columns above
            for r in rows
        ]

    # -- notices and the officer's answering mode ----------------------------------------------------

    async def remember_notice(self, chat_id: int, message_id: int, question_id: int) -> None:
        """A notice about the question landed here: a reply to it belongs to the thread."""
        async with self.db.transaction() as t:
            await t.execute(
                "INSERT OR REPLACE INTO question_notices (chat_id, message_id, question_id) VALUES (?, ?, ?)",
                (chat_id, message_id, question_id),
            )

    async def question_of_notice(self, chat_id: int, message_id: int) -> int | None:
        """The question a notice in this chat was about, if it was one."""
        async with self.db.snapshot() as t:
            value = await t.fetchval(
                "SELECT question_id FROM question_notices WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
            )
        return None if value is None else int(value)

    async def set_answering(self, officer_id: int, question_id: int | None, *, tx: Tx | None = None) -> None:
        """/answer: the officer's next message answers this question (None: it does not any more).

        Either this or a reason prompt waits for the officer's next message, never both: the latest wins."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE officers SET answering = ?, reason_prompt = CASE WHEN ? IS NULL THEN reason_prompt END"
                " WHERE user_id = ?",
                (question_id, question_id, officer_id),
            )

    async def set_reason_prompt(self, officer_id: int, prompt: ReasonPrompt | None) -> None:
        """The officer's next message is the reason ``prompt`` asked for (None: it is not any more); it
        replaces a waiting /answer."""
        value = None
        if prompt is not None:
            value = json.dumps(
                {
                    "action": prompt.action,
                    "question_id": prompt.question_id,
                    "organization_id": prompt.organization_id,
                    "asked_at": to_db(prompt.asked_at),
                }
            )
        async with self.db.transaction() as t:
            await t.execute(
                "UPDATE officers SET reason_prompt = ?, answering = CASE WHEN ? IS NULL THEN answering END"
                " WHERE user_id = ?",
                (value, value, officer_id),
            )

    async def reason_prompt(self, officer_id: int) -> ReasonPrompt | None:
        """The reason the officer was asked for and has not given yet, if any."""
        async with self.db.snapshot() as t:
            value = await t.fetchval("SELECT reason_prompt FROM officers WHERE user_id = ?", (officer_id,))
        if value is None:
            return None
        data = json.loads(value)
        return ReasonPrompt(
            data["action"], int(data["question_id"]), data["organization_id"], from_db(data["asked_at"])
        )

    async def answering(self, officer_id: int) -> int | None:
        """The question the officer's next message answers, if they asked with /answer."""
        async with self.db.snapshot() as t:
            value = await t.fetchval("SELECT answering FROM officers WHERE user_id = ?", (officer_id,))
        return None if value is None else int(value)

    # -- reminders and escalation --------------------------------------------------------------------

    async def due_reminders(self, now: datetime) -> list[DueReminder]:
        """Current, unanswered assignments of open or claimed questions whose next stage has come, the
        earliest deadline first: ``expire`` at the deadline (not yet escalated), else ``late`` at 90 % of the
        time (not yet sent), else ``half`` at 50 % (not yet sent, nor the late one)."""
        moment = to_db(now)
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_Q_COLUMNS}, {_A_COLUMNS},"  # noqa: S608 - constant column lists and placeholders
                " CASE WHEN julianday(a.due_at) <= julianday(:now) THEN 'expire'"
                "  WHEN a.reminded_late_at IS NULL AND julianday(a.assigned_at)"
                "   + (julianday(a.due_at) - julianday(a.assigned_at)) * :late <= julianday(:now) THEN 'late'"
                "  WHEN a.reminded_half_at IS NULL AND a.reminded_late_at IS NULL AND julianday(a.assigned_at)"
                "   + (julianday(a.due_at) - julianday(a.assigned_at)) * :half <= julianday(:now) THEN 'half'"
                " END AS stage"
                " FROM question_assignments a JOIN questions q ON q.id = a.question_id"
                " WHERE a.ended_at IS NULL AND a.answered_at IS NULL AND a.escalated_at IS NULL"
                "  AND q.status IN ('open', 'claimed') AND stage IS NOT NULL"
                " ORDER BY a.due_at, a.id",
                {"now": moment, "half": HALF, "late": LATE},
            )
        return [DueReminder(r["stage"], _question(r), _assignment(r, _Q_WIDTH)) for r in rows]

    async def mark_stage(self, assignment_id: int, stage: Stage, now: datetime, *, tx: Tx | None = None) -> bool:
        """Mark an assignment's reminder (``half``, ``late``: the half one is then never sent) or its escalation
        as done, once: whether this call marked it (False: it was already, or the assignment ended or was
        answered meanwhile)."""
        stamp = to_db(now)
        column = {"half": "reminded_half_at", "late": "reminded_late_at", "expire": "escalated_at"}[stage]
        extra = ", reminded_half_at = coalesce(reminded_half_at, :now)" if stage == "late" else ""
        async with self.db.joined(tx) as t:
            return (
                await t.execute_rowcount(
                    f"UPDATE question_assignments SET {column} = :now{extra}"  # noqa: S608 - a column name from the dict above
                    f" WHERE id = :id AND {column} IS NULL AND ended_at IS NULL AND answered_at IS NULL",
                    {"now": stamp, "id": assignment_id},
                )
                == 1
            )

    async def next_due(self) -> datetime | None:
        """When the next reminder or escalation falls due (None: nothing waits for one), to the microsecond."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT a.assigned_at, a.due_at, a.reminded_half_at, a.reminded_late_at"
                " FROM question_assignments a JOIN questions q ON q.id = a.question_id"
                " WHERE a.ended_at IS NULL AND a.answered_at IS NULL AND a.escalated_at IS NULL"
                "  AND q.status IN ('open', 'claimed')"
            )
        moments: list[datetime] = []
        for assigned, due, half, late in rows:
            start, end = from_db(assigned), from_db(due)
            share = HALF if half is None and late is None else LATE if late is None else 1.0
            moments.append(start + (end - start) * share)
        return min(moments, default=None)
