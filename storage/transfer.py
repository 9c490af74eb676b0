"""Whole-database files and the archive in bulk: checking a backup, locking a database for a restore,
reading releases out for an export and recognising releases an import already loaded.

The online backup itself is ``Database.backup_to``; ``bot/transfer.py`` drives everything here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiosqlite

from storage.db import Database, Tx, opt_from_db, to_db

# How long a restore waits for the database before deciding that a running bot holds it.
LOCK_TIMEOUT_SECONDS = 0.5


class DatabaseInUse(Exception):
    """Another connection (a running bot, a CLI command) has the database open."""


class NotADatabase(Exception):
    """The file is not an SQLite database."""


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What a database file holds: SQLite's integrity verdict, its migrations and a few counts."""

    problems: tuple[str, ...]  # PRAGMA integrity_check lines other than "ok"; empty when sound
    migrations: dict[int, str]  # applied version -> checksum; empty when the file has no schema
    releases: int  # published
    subscriptions: int  # active

    @property
    def sound(self) -> bool:
        """Whether SQLite found nothing wrong."""
        return not self.problems

    @property
    def schema_version(self) -> int:
        """The newest migration applied (0: none)."""
        return max(self.migrations, default=0)


async def check_file(path: Path) -> FileCheck:
    """Run ``PRAGMA integrity_check`` on a database file and read its migrations and counts.

    The file is opened read-write (SQLite needs that for a WAL-mode file's shared memory), so call it
    on a copy, never on a file a user handed over.
    """
    try:
        conn = await aiosqlite.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise NotADatabase(str(error)) from error
    try:
        try:
            async with conn.execute("PRAGMA integrity_check") as cursor:
                verdict = [str(row[0]) for row in await cursor.fetchall()]
        except sqlite3.DatabaseError as error:  # "file is not a database"
            raise NotADatabase(str(error)) from error
        problems = tuple(line for line in verdict if line != "ok")
        async with conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
            tables = {str(row[0]) for row in await cursor.fetchall()}
        migrations: dict[int, str] = {}
        if "schema_migrations" in tables:
            async with conn.execute("SELECT version, checksum FROM schema_migrations") as cursor:
                migrations = {int(row[0]): str(row[1]) for row in await cursor.fetchall()}
        releases = subscriptions = 0
        if {"releases", "subscriptions"} <= tables and not problems:
            async with conn.execute("SELECT count(*) FROM releases WHERE status = 'published'") as cursor:
                row = await cursor.fetchone()
                releases = int(row[0]) if row else 0
            async with conn.execute("SELECT count(*) FROM subscriptions WHERE state = 'active'") as cursor:
                row = await cursor.fetchone()
                subscriptions = int(row[0]) if row else 0
    finally:
        await conn.close()
    return FileCheck(problems, migrations, releases, subscriptions)


@asynccontextmanager
async def exclusive_access(path: Path, wait_seconds: float = LOCK_TIMEOUT_SECONDS) -> AsyncIterator[None]:
    """Hold a database file so that nobody else reads or writes it; ``DatabaseInUse`` if someone has it open.

    In WAL mode ``BEGIN EXCLUSIVE`` only keeps other writers out, and an idle bot holds no lock at all,
    so the file first leaves WAL mode: SQLite allows that only when no other connection has the file
    open, and it folds the write-ahead log into the file on the way. The exclusive transaction then
    keeps everyone out until the caller is done (the bot puts WAL mode back when it opens the file).
    A file SQLite cannot read (a damaged database being replaced) is not locked; there is nothing to keep.
    """
    conn = await aiosqlite.connect(path, timeout=wait_seconds, isolation_level=None)
    try:
        try:
            async with conn.execute("PRAGMA journal_mode = DELETE") as cursor:
                row = await cursor.fetchone()
            if row is None or str(row[0]).lower() != "delete":
                raise DatabaseInUse(str(path))
            await conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise DatabaseInUse(str(path)) from error
            raise
        except sqlite3.DatabaseError:
            pass  # not a readable database: nothing to protect
        yield
    finally:
        await conn.close()  # rolls the (empty) exclusive transaction back


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One release as ``python -m bot export`` writes it."""

    id: int
    organization_id: int
    organization: str
    status: str
    title: str
    body: str
    topics: tuple[str, ...]
    county: str | None
    published_at: datetime | None
    version: int
    raw_text: str


class Transfers:
    """Bulk reads of the archive for exports, and the duplicate check of imports."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def export_page(self, after_id: int, limit: int, *, all_statuses: bool = False) -> list[ExportRow]:
        """Releases with an id above ``after_id``, in id order; published ones only unless ``all_statuses``."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT r.id, r.organization_id, o.name, r.status, r.title, r.body, r.county, r.published_at,"
                " r.version, r.raw_text FROM releases r JOIN organizations o ON o.id = r.organization_id"
                " WHERE r.id > ? AND (? OR r.status = 'published') ORDER BY r.id LIMIT ?",
                (after_id, int(all_statuses), limit),
            )
            topics: dict[int, list[str]] = {int(r[0]): [] for r in rows}
            if rows:
                for release_id, topic in await t.fetchall(
                    "SELECT release_id, topic FROM release_topics WHERE release_id BETWEEN ? AND ?"
                    " ORDER BY release_id, position",
                    (rows[0][0], rows[-1][0]),
                ):
                    if release_id in topics:
                        topics[release_id].append(topic)
        return [
            ExportRow(
                id=r[0],
                organization_id=r[1],
                organization=r[2],
                status=r[3],
                title=r[4],
                body=r[5],
                topics=tuple(topics[r[0]]),
                county=r[6],
                published_at=opt_from_db(r[7]),
                version=r[8],
                raw_text=r[9],
            )
            for r in rows
        ]

    async def already_imported(
        self, organization_id: int, search_text: str, published_at: datetime | None, *, tx: Tx
    ) -> bool:
        """Whether the organization already published this (folded) text at that moment.

        Without a moment, any publication of the text by the organization counts, so that a record
        without a date is not loaded again by a second run. Retracted releases count too: an import
        must not bring back what an organization withdrew.
        """
        if published_at is None:
            found = await tx.fetchval(
                "SELECT 1 FROM releases WHERE organization_id = ? AND search_text = ? AND published_at IS NOT NULL"
                " LIMIT 1",
                (organization_id, search_text),
            )
        else:
            found = await tx.fetchval(
                "SELECT 1 FROM releases WHERE published_at = ? AND organization_id = ? AND search_text = ? LIMIT 1",
                (to_db(published_at), organization_id, search_text),
            )
        return found is not None
