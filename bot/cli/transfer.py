"""``python -m bot backup | restore | export | import``: the terminal side of ``bot/services/transfer.py``.

Every command needs only the database (``DATABASE_PATH``), not the bot token; a bad setting is a
``ConfigError`` (exit code 2). An import with any bad record imports nothing (exit code 1).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import texts
from bot.config import DEFAULT_TIMEZONE, ConfigError, database_path, ensure_database_writable, merged_environment
from bot.services.transfer import (
    MAX_LISTED_ERRORS,
    _backup_file,
    _fsync,
    _remove,
    _seed_topics,
    _sidecars,
    _validate,
    export_encoding,
    format_size,
    load_records,
    write_export,
)
from storage import Storage
from storage.db import load_migrations
from storage.transfer import DatabaseInUse, FileCheck, NotADatabase, check_file, exclusive_access

COMMANDS = ("backup", "restore", "export", "import")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the backup, restore, export and import subcommands to the CLI."""
    backup = commands.add_parser("backup", help="write a consistent copy of the database to PATH")
    backup.add_argument("path", help="the backup file to write")
    backup.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    restore = commands.add_parser("restore", help="replace the database with a backup (stop the bot first)")
    restore.add_argument("backup", help="a file written by backup or /backup")
    restore.add_argument("--force", action="store_true", help="overwrite an earlier DATABASE_PATH.before-restore")
    export = commands.add_parser("export", help="write the archive of releases as JSON lines or CSV")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", dest="export_format")
    export.add_argument("--out", default=None, help="the file to write (default: standard output)")
    export.add_argument("--all", action="store_true", dest="all_statuses", help="every status, not only published")
    load = commands.add_parser("import", help="load past releases from a JSON lines (or exported CSV) file")
    load.add_argument("file", help="one JSON object per line with at least text and org")
    load.add_argument("--org-create", action="store_true", help="create organizations that do not exist yet")


def run(args: argparse.Namespace) -> int:
    """Run one of ``COMMANDS``; return the exit code (ConfigError propagates to the CLI: exit code 2)."""
    if args.command == "backup":
        return backup_command(Path(args.path), force=args.force)
    if args.command == "restore":
        return restore_command(Path(args.backup), force=args.force)
    if args.command == "export":
        out = Path(args.out) if args.out else None
        return asyncio.run(export_command(args.export_format, out, all_statuses=args.all_statuses))
    return import_command(Path(args.file), org_create=args.org_create)


def _database(*, must_exist: bool, writable: bool) -> Path:
    path = database_path(merged_environment())
    if writable:
        ensure_database_writable(path)
    if must_exist and not path.is_file():
        raise ConfigError(texts.CLI_DATABASE_MISSING.format(path=path))
    return path


def _timezone() -> ZoneInfo:
    name = merged_environment().get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"BOT_TIMEZONE نامعتبر است: «{name}»؛ نامی مثل Asia/Tehran بدهید (BOT_TIMEZONE is unknown)."
        ) from None


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def backup_command(target: Path, *, force: bool) -> int:
    """``backup PATH``: SQLite's online backup of DATABASE_PATH (safe while the bot runs), checked."""
    source = _database(must_exist=True, writable=False)
    if target.exists() and not force:
        return _error(texts.CLI_BACKUP_EXISTS.format(path=target))
    if target.exists() and target.resolve() == source.resolve():
        return _error(texts.CLI_SAME_FILE.format(path=target))
    if not target.parent.is_dir():
        return _error(texts.CLI_FOLDER_MISSING.format(path=target.parent))
    # Written beside the target and renamed at the end: a failed backup never replaces a good one.
    partial = target.with_name(f".{target.name}.partial")
    _remove(partial)
    try:
        check = asyncio.run(_backup_file(source, partial))
    except (sqlite3.Error, NotADatabase) as error:
        _remove(partial)
        return _error(texts.CLI_BACKUP_FAILED.format(path=source, error=error))
    if not check.sound:
        _remove(partial)
        return _error(texts.CLI_BACKUP_DAMAGED.format(problem=check.problems[0]))
    _fsync(partial)
    partial.replace(target)
    size = target.stat().st_size
    print(
        texts.CLI_BACKUP_DONE.format(
            path=target,
            size=format_size(size),
            releases=check.releases,
            subscriptions=check.subscriptions,
            bytes=size,
        )
    )
    return 0


def restore_command(backup: Path, *, force: bool) -> int:
    """``restore BACKUP``: check the backup, refuse while the database is open elsewhere, keep the old file.

    The backup is copied next to the database and checked there (``PRAGMA integrity_check``, and
    migrations this version knows, none newer); then, holding the database exclusively, the old file
    becomes ``DATABASE_PATH.before-restore`` and the copy takes its place.
    """
    target = _database(must_exist=False, writable=True)
    if not backup.is_file():
        return _error(texts.CLI_FILE_NOT_FOUND.format(path=backup))
    if target.exists() and backup.resolve() == target.resolve():
        return _error(texts.CLI_SAME_FILE.format(path=backup))
    previous = target.with_name(target.name + ".before-restore")
    if target.exists() and previous.exists() and not force:
        return _error(texts.CLI_RESTORE_PREVIOUS_EXISTS.format(path=previous))
    known = {m.version: m.checksum for m in load_migrations()}
    staged = target.with_name(f".{target.name}.restoring")
    _remove(staged)
    try:
        shutil.copyfile(backup, staged)
        try:
            check = asyncio.run(check_file(staged))
        except NotADatabase as error:
            return _error(texts.CLI_RESTORE_NOT_DATABASE.format(path=backup, error=error))
        problem = _unrestorable(check, backup, known)
        if problem is not None:
            return _error(problem)
        _fsync(staged)
        kept = target.exists()
        if kept:
            asyncio.run(_swap_in(staged, target, previous))
        else:
            staged.replace(target)
    except DatabaseInUse:
        return _error(texts.CLI_RESTORE_IN_USE.format(path=target))
    finally:
        _remove(staged)
    print(
        texts.CLI_RESTORE_DONE.format(
            path=target,
            backup=backup,
            releases=check.releases,
            subscriptions=check.subscriptions,
            previous=previous if kept else texts.CLI_RESTORE_NO_PREVIOUS,
        )
    )
    if check.schema_version < max(known):
        print(texts.CLI_RESTORE_OLDER.format(found=check.schema_version, known=max(known)))
    return 0


def _unrestorable(check: FileCheck, backup: Path, known: Mapping[int, str]) -> str | None:
    """Why a checked backup must not be restored, or None."""
    if not check.sound:
        return texts.CLI_RESTORE_DAMAGED.format(path=backup, problem=check.problems[0])
    if not check.migrations:
        return texts.CLI_RESTORE_NO_SCHEMA.format(path=backup)
    if check.schema_version > max(known):
        return texts.CLI_RESTORE_NEWER.format(path=backup, found=check.schema_version, known=max(known))
    for version, checksum in sorted(check.migrations.items()):
        if known.get(version) != checksum:
            return texts.CLI_RESTORE_FOREIGN_MIGRATION.format(version=f"{version:04d}")
    return None


async def _swap_in(staged: Path, target: Path, previous: Path) -> None:
    """Holding ``target`` exclusively, keep it as ``previous`` and put ``staged`` in its place."""
    async with exclusive_access(target):
        await asyncio.to_thread(_replace_files, staged, target, previous)


def _replace_files(staged: Path, target: Path, previous: Path) -> None:
    # Leftover -wal/-shm files belong to the old database: beside the new one SQLite would replay them.
    for old, kept in zip(_sidecars(target), _sidecars(previous), strict=True):
        if old.exists():
            old.replace(kept)
    target.replace(previous)
    staged.replace(target)


@contextlib.contextmanager
def _output(out: Path | None, encoding: str) -> Iterator[IO[str]]:
    if out is not None:
        with out.open("w", encoding=encoding, newline="") as file:
            yield file
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding=encoding, newline="")
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()  # leave sys.stdout's buffer open


async def export_command(export_format: str, out: Path | None, *, all_statuses: bool) -> int:
    """``export``: every published release (every release with ``--all``) as JSON lines or CSV."""
    path = _database(must_exist=True, writable=False)
    storage = await Storage.open(path, migrate=False)
    count = 0
    try:
        with _output(out, export_encoding(export_format)) as stream:
            count = await write_export(storage, export_format, stream, all_statuses=all_statuses)
    except BrokenPipeError:  # the reader stopped early (``export | head``): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        await storage.close()
    print(texts.CLI_EXPORT_DONE.format(count=count, path=out or texts.CLI_EXPORT_STDOUT), file=sys.stderr)
    return 0


class ProgressBar:
    """A plain-text progress bar: redrawn in place on a terminal, one line per tenth of the work otherwise."""

    WIDTH = 20

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self._in_place = stream.isatty()
        self._tenth = -1

    def line(self, done: int) -> str:
        """The bar for ``done`` items, e.g. ``[##########          ] 512/1000 releases``."""
        filled = self.WIDTH * done // self.total if self.total else self.WIDTH
        return texts.CLI_PROGRESS.format(bar="#" * filled + " " * (self.WIDTH - filled), done=done, total=self.total)

    def update(self, done: int) -> None:
        """Show that ``done`` items are finished."""
        if self._in_place:
            self.stream.write("\r" + self.line(done) + ("\n" if done >= self.total else ""))
        else:
            tenth = 10 * done // self.total if self.total else 10
            if tenth <= self._tenth:
                return
            self._tenth = tenth
            self.stream.write(self.line(done) + "\n")
        self.stream.flush()


def import_command(source: Path, *, org_create: bool) -> int:
    """``import FILE``: validate every record, then load them into the archive without sending anything."""
    path = _database(must_exist=False, writable=True)
    zone = _timezone()
    if not source.is_file():
        return _error(texts.CLI_FILE_NOT_FOUND.format(path=source))
    try:
        content = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return _error(texts.CLI_NOT_UTF8.format(path=source))
    return asyncio.run(
        _import(
            path,
            content,
            csv_format=source.suffix.lower() == ".csv",
            source_name=source.name,
            zone=zone,
            org_create=org_create,
        )
    )


async def _import(
    path: Path, content: str, *, csv_format: bool, source_name: str, zone: ZoneInfo, org_create: bool
) -> int:
    storage = await Storage.open(path)
    try:
        await _seed_topics(storage)
        known_topics = {t.slug for t in await storage.topics.list(include_inactive=True)}
        records, errors = await _validate(
            storage, content, csv_format=csv_format, topics=known_topics, zone=zone, org_create=org_create
        )
        if errors:
            print(texts.CLI_IMPORT_REFUSED.format(count=len(errors)), file=sys.stderr)
            for line, problem in errors[:MAX_LISTED_ERRORS]:
                print(texts.IMPORT_LINE_ERROR.format(line=line, problem=problem), file=sys.stderr)
            if len(errors) > MAX_LISTED_ERRORS:
                print(texts.CLI_IMPORT_MORE_ERRORS.format(count=len(errors) - MAX_LISTED_ERRORS), file=sys.stderr)
            return 1
        bar = ProgressBar(sum(1 for r in records if r.published), sys.stderr)
        result = await load_records(
            storage, records, zone, source_name=source_name, progress=lambda done, _total: bar.update(done)
        )
    finally:
        await storage.close()
    print(
        texts.CLI_IMPORT_DONE.format(
            imported=result.imported,
            skipped=result.skipped,
            unpublished=result.unpublished,
            orgs=result.organizations_created,
        )
    )
    return 0
