"""A read-only look at a database file for ``python -m bot health``: migrations recorded and integrity.

It never creates the file and never changes the schema, so a health probe cannot hide a missing or
un-migrated database by "repairing" it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage.db import BUSY_TIMEOUT_MS, UnreadableDatabase, check_header, opt_from_db, to_db

# quick_check lists at most this many problems; one is enough to fail, a few help the operator.
QUICK_CHECK_LIMIT = 5


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """What a health check needs to know about a database file."""

    applied: dict[int, str]  # migration version -> recorded checksum
    quick_check: tuple[str, ...]  # ("ok",) when SQLite found no problem

    @property
    def intact(self) -> bool:
        """Whether ``PRAGMA quick_check`` found nothing wrong."""
        return self.quick_check == ("ok",)


def _read_only_uri(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(path)
    return f"{path.resolve().as_uri()}?mode=ro"


async def inspect_database(path: Path) -> DatabaseState:
    """Open ``path`` read-only and read its migration records and quick_check result.

    Raises FileNotFoundError when there is no such file and sqlite3.Error when it cannot be read.
    """
    uri = await asyncio.to_thread(_read_only_uri, path)
    try:
        await asyncio.to_thread(check_header, path)
    except UnreadableDatabase as error:
        raise sqlite3.DatabaseError(error.reason) from None
    async with aiosqlite.connect(uri, uri=True) as conn:
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        async with conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ) as cursor:
            row = await cursor.fetchone()
        applied: dict[int, str] = {}
        if row is not None and row[0]:
            async with conn.execute("SELECT version, checksum FROM schema_migrations") as cursor:
                applied = {int(r[0]): str(r[1]) for r in await cursor.fetchall()}
        async with conn.execute(f"PRAGMA quick_check({QUICK_CHECK_LIMIT})") as cursor:
            problems = tuple(str(r[0]) for r in await cursor.fetchall())
    return DatabaseState(applied=applied, quick_check=problems)


def heartbeat_path(database: Path) -> Path:
    """The file the dispatcher touches while it makes progress (or has nothing due), next to the database.

    A file rather than a row: touching it writes no data, so it still works when the disk is full, and
    its age is what a health check in another process reads.
    """
    return database.with_name(database.name + "-dispatcher")


@dataclass(frozen=True, slots=True)
class OutboxState:
    """What a health check needs to know about the outbox and the dispatcher that drains it."""

    due: int  # pending deliveries whose time has come
    waiting: int  # deliveries in flight, or pending and due later (retries after transient errors, pacing)
    oldest_due: datetime | None  # when the longest-waiting due delivery fell due
    heartbeat: datetime | None  # when the dispatcher last wrote progress or found nothing due (None: never)


async def inspect_outbox(path: Path, now: datetime) -> OutboxState:
    """Read, read-only, how many deliveries are due and since when, and the dispatcher's heartbeat."""
    uri = await asyncio.to_thread(_read_only_uri, path)
    stamp = to_db(now)
    async with aiosqlite.connect(uri, uri=True) as conn:
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        async with conn.execute(
            "SELECT count(*), min(next_attempt_at) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?",
            (stamp,),
        ) as cursor:
            row = await cursor.fetchone()
        due, oldest = (int(row[0]), row[1]) if row is not None else (0, None)
        async with conn.execute(
            "SELECT count(*) FROM deliveries"
            " WHERE (status = 'pending' AND next_attempt_at > ?) OR status = 'in_flight'",
            (stamp,),
        ) as cursor:
            later = await cursor.fetchone()
    beat = await asyncio.to_thread(_modified, heartbeat_path(path))
    return OutboxState(due=due, waiting=int(later[0]) if later else 0, oldest_due=opt_from_db(oldest), heartbeat=beat)


def _modified(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except FileNotFoundError:
        return None
