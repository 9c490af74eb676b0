"""What the officer desk asked and waits for: questions answered by a button or «بله» (a retraction,
a previewed correction, a short text, an edited message), and the prompts a reply answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import aiosqlite

from storage.db import Database, Tx, from_db, to_db, utcnow

KEPT_FOR = timedelta(days=7)  # a question older than this is deleted when the user is asked the next one

RequestKind = Literal["retract", "correct", "draft", "edit"]
PromptKind = Literal["schedule", "correct", "replace"]


@dataclass(frozen=True, slots=True)
class DeskRequest:
    """A question the desk asked officer ``user_id``; see migration 0006 for what each kind holds."""

    id: int
    user_id: int
    kind: RequestKind
    release_id: int | None
    version: int | None
    text: str | None
    source_chat_id: int | None
    source_message_id: int | None
    typed: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DeskPrompt:
    """A message in which the bot asked officer ``user_id`` for something about a release."""

    chat_id: int
    message_id: int
    user_id: int
    kind: PromptKind
    release_id: int
    created_at: datetime


_REQUEST_COLUMNS = "id, user_id, kind, release_id, version, text, source_chat_id, source_message_id, typed, created_at"


def _request(row: aiosqlite.Row) -> DeskRequest:
    return DeskRequest(
        id=row["id"],
        user_id=row["user_id"],
        kind=row["kind"],
        release_id=row["release_id"],
        version=row["version"],
        text=row["text"],
        source_chat_id=row["source_chat_id"],
        source_message_id=row["source_message_id"],
        typed=bool(row["typed"]),
        created_at=from_db(row["created_at"]),
    )


class DeskQuestions:
    """Repository of the desk's open questions and prompts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def ask(
        self,
        user_id: int,
        kind: RequestKind,
        *,
        release_id: int | None = None,
        version: int | None = None,
        text: str | None = None,
        source: tuple[int, int] | None = None,
        tx: Tx | None = None,
    ) -> DeskRequest:
        """Store a new question; the user's earlier questions no longer take a typed «بله»."""
        now = utcnow()
        chat_id, message_id = source if source is not None else (None, None)
        async with self.db.joined(tx) as t:
            await t.execute("UPDATE desk_requests SET typed = 0 WHERE user_id = ? AND typed = 1", (user_id,))
            # The user's questions nobody can answer any more (older than any desk waits) go.
            await t.execute(
                "DELETE FROM desk_requests WHERE user_id = ? AND created_at < ?", (user_id, to_db(now - KEPT_FOR))
            )
            request_id = await t.execute(
                "INSERT INTO desk_requests (user_id, kind, release_id, version, text, source_chat_id,"
                " source_message_id, typed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, kind, release_id, version, text, chat_id, message_id, int(kind != "retract"), to_db(now)),
            )
        return DeskRequest(
            request_id, user_id, kind, release_id, version, text, chat_id, message_id, kind != "retract", now
        )

    async def get(self, request_id: int) -> DeskRequest | None:
        """The open question with this id, or None."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                f"SELECT {_REQUEST_COLUMNS} FROM desk_requests WHERE id = ?",  # noqa: S608 - constant column list
                (request_id,),
            )
        return None if row is None else _request(row)

    async def take(self, request_id: int, user_id: int, *, since: datetime) -> DeskRequest | None:
        """Close the user's question asked since ``since`` and return it; None when it is not open (answered,
        expired, or someone else's), so two presses of one button act once."""
        async with self.db.transaction() as t:
            row = await t.fetchone(
                f"SELECT {_REQUEST_COLUMNS} FROM desk_requests"  # noqa: S608 - constant column list
                " WHERE id = ? AND user_id = ? AND created_at >= ?",
                (request_id, user_id, to_db(since)),
            )
            if row is None:
                return None
            await t.execute("DELETE FROM desk_requests WHERE id = ?", (request_id,))
        return _request(row)

    async def awaiting_yes(self, user_id: int, *, since: datetime) -> DeskRequest | None:
        """The user's latest question that a typed «بله» answers now, if any."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                f"SELECT {_REQUEST_COLUMNS} FROM desk_requests"  # noqa: S608 - constant column list
                " WHERE user_id = ? AND typed = 1 AND created_at >= ? ORDER BY id DESC LIMIT 1",
                (user_id, to_db(since)),
            )
        return None if row is None else _request(row)

    async def latest_for_release(self, user_id: int, kind: RequestKind, release_id: int) -> DeskRequest | None:
        """The user's latest open question of this kind about this release (``/correct ID yes``)."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                f"SELECT {_REQUEST_COLUMNS} FROM desk_requests"  # noqa: S608 - constant column list
                " WHERE user_id = ? AND kind = ? AND release_id = ? ORDER BY id DESC LIMIT 1",
                (user_id, kind, release_id),
            )
        return None if row is None else _request(row)

    async def waiting(self, user_id: int) -> bool:
        """Whether the user is in a desk mode a command ends: a text awaited after /correct or «جایگزینی متن»,
        or a question a typed «بله» would answer (one read, so a command of anyone else costs no write)."""
        async with self.db.snapshot() as t:
            found = await t.fetchval(
                "SELECT EXISTS (SELECT 1 FROM officers WHERE user_id = ? AND correcting IS NOT NULL)"
                " OR EXISTS (SELECT 1 FROM desk_requests WHERE user_id = ? AND typed = 1)",
                (user_id, user_id),
            )
        return bool(found)

    async def stop_typed(self, user_id: int) -> bool:
        """The user moved on (another command or message): «بله» typed later answers nothing; True if one did."""
        async with self.db.snapshot() as t:
            waiting = await t.fetchval(
                "SELECT 1 FROM desk_requests WHERE user_id = ? AND typed = 1 LIMIT 1", (user_id,)
            )
        if not waiting:
            return False
        async with self.db.transaction() as t:
            changed = await t.execute_rowcount(
                "UPDATE desk_requests SET typed = 0 WHERE user_id = ? AND typed = 1", (user_id,)
            )
        return changed > 0

    async def set_text_for_source(self, chat_id: int, message_id: int, text: str) -> int | None:
        """An edited message that an open short-text question is about: the question takes the new text;
        return its id (None when no open question is about that message)."""
        async with self.db.transaction() as t:
            request_id = await t.fetchval(
                "SELECT id FROM desk_requests WHERE kind = 'draft' AND source_chat_id = ? AND source_message_id = ?"
                " ORDER BY id DESC LIMIT 1",
                (chat_id, message_id),
            )
            if request_id is None:
                return None
            await t.execute("UPDATE desk_requests SET text = ? WHERE id = ?", (text, request_id))
        return int(request_id)

    # -- prompts ---------------------------------------------------------------------------------

    async def remember_prompt(
        self, chat_id: int, message_id: int, user_id: int, kind: PromptKind, release_id: int
    ) -> None:
        """The bot asked in this message; a reply to it is the answer."""
        async with self.db.transaction() as t:
            await t.execute(
                "INSERT INTO desk_prompts (chat_id, message_id, user_id, kind, release_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO UPDATE SET"
                " user_id = excluded.user_id, kind = excluded.kind, release_id = excluded.release_id,"
                " created_at = excluded.created_at",
                (chat_id, message_id, user_id, kind, release_id, to_db(utcnow())),
            )

    async def prompt(self, chat_id: int, message_id: int) -> DeskPrompt | None:
        """What the bot asked in this message, if it asked something."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                "SELECT chat_id, message_id, user_id, kind, release_id, created_at FROM desk_prompts"
                " WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
        if row is None:
            return None
        return DeskPrompt(row[0], row[1], row[2], row[3], row[4], from_db(row[5]))

    async def forget_prompt(self, chat_id: int, message_id: int) -> None:
        """The message no longer asks (its picker was closed)."""
        async with self.db.transaction() as t:
            await t.execute("DELETE FROM desk_prompts WHERE chat_id = ? AND message_id = ?", (chat_id, message_id))
