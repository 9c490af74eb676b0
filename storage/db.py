"""The SQLite connection: pragmas, serialized transactions and the migration runner.

One long-lived aiosqlite connection serves the whole process. aiosqlite runs every statement on one
worker thread, so transactions from different asyncio tasks must not interleave: each transaction
holds an asyncio lock for its whole duration, and a task that already holds it gets a clear error
instead of a deadlock if it tries to open a second one.
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_in_transaction: contextvars.ContextVar[bool] = contextvars.ContextVar("in_transaction", default=False)

Params = Sequence[Any] | dict[str, Any]


class StorageError(Exception):
    """A storage operation could not be carried out (bad migration set, nested transaction, ...)."""


class UnusableDatabase(StorageError):
    """The database file cannot be run by this code; the bot must refuse to start (``reason`` says why)."""


class UnreadableDatabase(UnusableDatabase):
    """The file is not a readable SQLite database: garbage, truncated or damaged (``reason`` is SQLite's)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} is not a readable SQLite database: {reason}")
        self.path = path
        self.reason = reason


class NewerSchema(UnusableDatabase):
    """The database records migrations this code does not have: a newer version of the bot wrote it."""

    def __init__(self, versions: Sequence[int]) -> None:
        super().__init__(f"the database has migrations this code does not know: {_versions(versions)}")
        self.versions = tuple(versions)


class EditedMigration(UnusableDatabase):
    """A migration applied to the database differs from the file this code ships."""

    def __init__(self, version: int, name: str) -> None:
        super().__init__(f"migration {version:04d}_{name} was edited after it was applied")
        self.version = version
        self.name = name


def _versions(versions: Iterable[int]) -> str:
    return ", ".join(f"{v:04d}" for v in sorted(versions))


SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def check_header(path: Path) -> None:
    """Raise UnreadableDatabase when ``path`` exists but is not a whole SQLite file (cheap: reads 100 bytes).

    SQLite itself only notices a missing tail when a query reaches the missing pages, possibly long
    after start-up; the header's page count (when valid) says how long the file must be. A missing or
    empty file is fine: SQLite creates the database.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with path.open("rb") as file:
        header = file.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise UnreadableDatabase(path, "file is not a database")
    raw_page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    page_count = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    # With a write-ahead log beside it, the file may lag its header until SQLite finishes a checkpoint.
    wal = path.with_name(path.name + "-wal")
    pending_log = wal.is_file() and wal.stat().st_size > 0
    if page_count and change_counter == valid_for and not pending_log and size < page_count * page_size:
        raise UnreadableDatabase(path, f"database file is truncated ({size} of {page_count * page_size} bytes)")


def utcnow() -> datetime:
    """The current time, aware, in UTC (one place so storage formats agree)."""
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """Format an aware datetime as the sortable UTC text stored in every timestamp column."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(value: str) -> datetime:
    """Parse a timestamp column back into an aware UTC datetime."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def opt_from_db(value: str | None) -> datetime | None:
    """``from_db`` for nullable columns."""
    return None if value is None else from_db(value)


class Tx:
    """The statements of one transaction; handed out by ``Database.transaction``/``snapshot``."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement and return the rowid it inserted (0 when none)."""
        cursor = await self._conn.execute(sql, params)
        rowid = cursor.lastrowid or 0
        await cursor.close()
        return rowid

    async def execute_rowcount(self, sql: str, params: Params = ()) -> int:
        """Run one statement and return how many rows it changed."""
        cursor = await self._conn.execute(sql, params)
        count = cursor.rowcount
        await cursor.close()
        return count

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for each parameter row."""
        await self._conn.executemany(sql, rows)

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """Return the first row of a query, or None."""
        async with self._conn.execute(sql, params) as cursor:
            row: aiosqlite.Row | None = await cursor.fetchone()
            return row

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """Return every row of a query."""
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        """Return the first column of the first row, or None."""
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema change read from ``storage/migrations``."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        """The SHA-256 of the file, recorded so an edited released migration is detected."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def load_migrations() -> list[Migration]:
    """Read the packaged migrations in version order, checking that versions are contiguous."""
    found: list[Migration] = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise StorageError(f"migration {expected:04d} is missing (found {migration.version:04d})")
    return found


class Database:
    """The process's one SQLite connection."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        """Open (creating if needed) the database file and set the pragmas every connection needs."""
        path = Path(path)
        await asyncio.to_thread(check_header, path)
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            # Each statement is read to its end and closed: one left open would hold a read transaction,
            # and a second connection (the newsroom's) would see the database as it was at its opening.
            for statement in (
                f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",
                "PRAGMA foreign_keys = ON",
                # Reading the schema touches the pages every query needs first; a damaged file fails here.
                "SELECT count(*) FROM sqlite_master",
            ):
                async with conn.execute(statement) as cursor:
                    await cursor.fetchall()
        except sqlite3.DatabaseError as error:
            # aiosqlite's worker thread keeps the process alive until the connection is closed.
            await conn.close()
            raise UnreadableDatabase(path, str(error)) from None
        except BaseException:
            await conn.close()
            raise
        return cls(conn, path)

    async def close(self) -> None:
        """Close the connection (after the last transaction finished)."""
        async with self._lock:
            await self._conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction (BEGIN IMMEDIATE): committed on success, rolled back on any error."""
        async with self._exclusive("BEGIN IMMEDIATE") as tx:
            yield tx

    @asynccontextmanager
    async def joined(self, tx: Tx | None) -> AsyncIterator[Tx]:
        """Use the caller's open transaction, or open a write transaction when there is none."""
        if tx is not None:
            yield tx
            return
        async with self.transaction() as new:
            yield new

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Tx]:
        """A read transaction: a consistent view across several queries."""
        async with self._exclusive("BEGIN") as tx:
            yield tx

    @asynccontextmanager
    async def _exclusive(self, begin: str) -> AsyncIterator[Tx]:
        if _in_transaction.get():
            raise StorageError("nested transaction: pass the open Tx down instead of opening another")
        async with self._lock:
            token = _in_transaction.set(True)
            committed = False
            try:
                if self._conn.in_transaction:
                    log.warning("rolling back a transaction left open on the connection")
                    await self._complete("ROLLBACK")
                await self._complete(begin)
                yield Tx(self._conn)
                await self._complete("COMMIT")
                committed = True
            finally:
                # Whatever happened (an error, or the task being cancelled mid-statement), the
                # connection is left with no open transaction for the next caller.
                if not committed and self._conn.in_transaction:
                    await self._complete("ROLLBACK")
                _in_transaction.reset(token)

    async def _complete(self, sql: str) -> None:
        """Run a transaction-control statement to the end even if the calling task is cancelled.

        aiosqlite runs statements on its own thread, so a cancelled await does not stop the
        statement; waiting for it keeps our view of the connection's state true.
        """
        statement = asyncio.ensure_future(self._conn.execute(sql))
        try:
            await asyncio.shield(statement)
        except asyncio.CancelledError:
            await asyncio.wait([statement])
            raise

    async def migrate(self) -> list[int]:
        """Apply every pending migration, each in its own transaction with its record; return versions."""
        async with self._lock:
            await self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)"
            )
            async with self._conn.execute("SELECT version, checksum FROM schema_migrations") as cursor:
                applied = {int(row[0]): str(row[1]) for row in await cursor.fetchall()}
        migrations = load_migrations()
        unknown = set(applied) - {m.version for m in migrations}
        if unknown:
            raise NewerSchema(sorted(unknown))
        for migration in migrations:
            if migration.version in applied and applied[migration.version] != migration.checksum:
                raise EditedMigration(migration.version, migration.name)
        done: list[int] = []
        for migration in migrations:
            if migration.version in applied:
                continue
            await self._apply(migration)
            done.append(migration.version)
            log.info("applied migration version=%04d name=%s", migration.version, migration.name)
        return done

    async def _apply(self, migration: Migration) -> None:
        async with self._lock:
            # executescript runs several statements; BEGIN/COMMIT make the script and its record atomic.
            script = (
                "BEGIN IMMEDIATE;\n"
                f"{migration.sql}\n;\n"
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES "
                f"({migration.version}, '{migration.name}', '{migration.checksum}', '{to_db(utcnow())}');\n"
                "COMMIT;"
            )
            try:
                await self._conn.executescript(script)
            except sqlite3.Error:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise

    async def backup_to(self, target: Path) -> None:
        """Write a consistent copy of the database to ``target`` with SQLite's online backup."""
        async with self._lock:
            dest = await aiosqlite.connect(target)
            try:
                await self._conn.backup(dest)
            finally:
                await dest.close()
