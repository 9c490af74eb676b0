"""Backups, restores, export and import: ``python -m bot backup | restore | export | import``.

The /backup command (bot/handlers/ops.py) shares the backup helpers. Every command needs only the
database (``DATABASE_PATH``), not the bot token; a bad setting is a ``ConfigError`` (exit code 2).

Import semantics, in short: the whole file is validated first and nothing is imported when any record
is bad (exit code 1, the bad lines listed), so a corrected file can simply be run again. Each record
goes through the same text pipeline as an officer's message and is stored published, with its
rendered parts, but sent to nobody. A record whose organization already published the same folded
text at the same moment (or at any moment, for a record without ``published_at``) is skipped, so a
second run of the same file imports nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime

from bot import texts
from bot.config import DEFAULT_TIMEZONE, ConfigError, database_path, ensure_database_writable, merged_environment
from bot.delivery import service
from bot.domain.dedupe import fingerprint
from bot.domain.digits import to_persian_digits
from bot.domain.pipeline import ReleasePipeline
from bot.domain.render import MessagePart, ReleaseView, render_release
from bot.domain.tagging import load_counties, load_topics
from bot.domain.text import fold
from storage import Storage
from storage.db import Database, load_migrations, utcnow
from storage.organizations import Organization
from storage.releases import STATUSES, NewRelease, Release
from storage.topics import TopicRow
from storage.transfer import DatabaseInUse, ExportRow, FileCheck, NotADatabase, Transfers, check_file, exclusive_access

COMMANDS = ("backup", "restore", "export", "import")
# The Bot API's limit on files a bot sends (a local Bot API server allows more; the CLI has no limit).
TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024
EXPORT_FIELDS = (
    "id",
    "org_id",
    "org",
    "status",
    "title",
    "body",
    "topics",
    "county",
    "published_at",
    "version",
    "raw_text",
)
EXPORT_PAGE = 500
MAX_LISTED_ERRORS = 20
# Releases written per transaction: a running bot waits for the database at most this long.
IMPORT_BATCH = 25
# Imported releases have no officer; the author id 0 marks them.
IMPORTED_AUTHOR_ID = 0
# Same limits as releases typed to the bot (bot/desk.py, bot/handlers/admin.py).
MAX_TEXT_CHARS = 20_000
ORG_NAME_MAX_CHARS = 200
# A clock a little ahead is not a publication in the future.
FUTURE_TOLERANCE = timedelta(minutes=5)


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


# -- backups -------------------------------------------------------------------------------------


def backup_file_name(moment: datetime, zone: ZoneInfo) -> str:
    """The name of a backup taken at ``moment``: the Jalali date and local time, e.g. ilam-wire-1405-09-05-1830.db."""
    local = moment.astimezone(zone)
    day = jdatetime.date.fromgregorian(date=local.date())
    return f"ilam-wire-{day.year:04d}-{day.month:02d}-{day.day:02d}-{local.hour:02d}{local.minute:02d}.db"


def format_size(size: int, *, persian: bool = False) -> str:
    """A file size for people: «۱٫۲ مگابایت» (``persian``) or "1.2 MB"."""
    megabytes = size / (1024 * 1024)
    if megabytes >= 1:
        value, unit = f"{megabytes:.1f}", ("MB", texts.SIZE_MEGABYTES)
    else:
        value, unit = f"{max(1, round(size / 1024))}", ("KB", texts.SIZE_KILOBYTES)
    if persian:
        return unit[1].format(value=to_persian_digits(value).replace(".", "٫"))
    return f"{value} {unit[0]}"


async def take_backup(db: Database, target: Path) -> FileCheck:
    """Write a consistent copy of the open database to ``target`` and check the copy."""
    await db.backup_to(target)
    return await check_file(target)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove(path: Path) -> None:
    for file in (path, *_sidecars(path)):
        file.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


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


async def _backup_file(source: Path, target: Path) -> FileCheck:
    db = await Database.open(source)
    try:
        return await take_backup(db, target)
    finally:
        await db.close()


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


# -- export --------------------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def export_record(row: ExportRow) -> dict[str, Any]:
    """One release as an export object (also what ``import`` reads back)."""
    return {
        "id": row.id,
        "org_id": row.organization_id,
        "org": row.organization,
        "status": row.status,
        "title": row.title,
        "body": row.body,
        "topics": list(row.topics),
        "county": row.county,
        "published_at": _iso(row.published_at),
        "version": row.version,
        "raw_text": row.raw_text,
    }


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
        count = await _write_export(storage, export_format, out, all_statuses=all_statuses)
    except BrokenPipeError:  # the reader stopped early (``export | head``): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        await storage.close()
    print(texts.CLI_EXPORT_DONE.format(count=count, path=out or texts.CLI_EXPORT_STDOUT), file=sys.stderr)
    return 0


async def _write_export(storage: Storage, export_format: str, out: Path | None, *, all_statuses: bool) -> int:
    """Write the export; return how many releases it holds."""
    count = 0
    transfers = Transfers(storage.db)
    # CSV carries a byte-order mark so that spreadsheet programs read the Persian text as UTF-8.
    with _output(out, "utf-8-sig" if export_format == "csv" else "utf-8") as stream:
        writer = csv.writer(stream) if export_format == "csv" else None
        if writer is not None:
            writer.writerow(EXPORT_FIELDS)
        after = 0
        while page := await transfers.export_page(after, EXPORT_PAGE, all_statuses=all_statuses):
            for row in page:
                record = export_record(row)
                if writer is None:
                    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    record["topics"] = ";".join(record["topics"])
                    writer.writerow(["" if record[f] is None else record[f] for f in EXPORT_FIELDS])
            count += len(page)
            after = page[-1].id
    return count


# -- import --------------------------------------------------------------------------------------


class RecordError(Exception):
    """One record of an import file cannot be imported; the message says why."""


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One valid record of an import file."""

    line: int
    text: str
    org: str
    published_at: datetime | None
    published: bool  # False: the record carries another status and is not imported
    title: str | None = None
    topics: tuple[str, ...] | None = None
    county: str | None = None
    has_county: bool = False  # "county" was given (null means province-wide)


def _string(record: Mapping[str, Any], *names: str, required: bool) -> str | None:
    for name in names:
        if name in record and record[name] is not None:
            value = record[name]
            if not isinstance(value, str):
                raise RecordError(texts.IMPORT_NOT_STRING.format(field=name))
            if required and not value.strip():
                raise RecordError(texts.IMPORT_EMPTY.format(field=name))
            return value
    if required:
        raise RecordError(texts.IMPORT_MISSING.format(field=names[0]))
    return None


def _published_at(value: str | None, now: datetime, zone: ZoneInfo) -> datetime | None:
    if value is None or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(texts.IMPORT_BAD_DATE.format(value=json.dumps(value, ensure_ascii=False))) from None
    if moment.tzinfo is None:  # a wall-clock time of the province
        moment = moment.replace(tzinfo=zone)
    if moment > now + FUTURE_TOLERANCE:
        raise RecordError(texts.IMPORT_FUTURE_DATE.format(value=value))
    return moment.astimezone(UTC)


def parse_record(
    line: int,
    record: Mapping[str, Any],
    *,
    topics: Collection[str],
    counties: Collection[str],
    now: datetime,
    zone: ZoneInfo,
) -> ImportRecord:
    """Check one record (a JSON object or CSV row) of an import file; RecordError says what is wrong.

    ``text`` (or ``raw_text``, as exports name it) and ``org`` are required; ``published_at`` (ISO 8601,
    a time without offset is the bot's local time), ``title``, ``topics`` (slugs) and ``county`` (a
    slug, null for province-wide) are optional overrides; ``status`` other than published is skipped.
    """
    text = _string(record, "text", "raw_text", required=True) or ""
    if len(text) > MAX_TEXT_CHARS:
        raise RecordError(texts.IMPORT_TOO_LONG.format(field="text", length=len(text), limit=MAX_TEXT_CHARS))
    org = " ".join((_string(record, "org", "organization", required=True) or "").split())
    if len(org) > ORG_NAME_MAX_CHARS:
        raise RecordError(texts.IMPORT_TOO_LONG.format(field="org", length=len(org), limit=ORG_NAME_MAX_CHARS))
    status = _string(record, "status", required=False)
    if status is not None and status not in STATUSES:
        raise RecordError(texts.IMPORT_BAD_STATUS.format(value=json.dumps(status, ensure_ascii=False)))
    published_at = _published_at(_string(record, "published_at", required=False), now, zone)
    title = _string(record, "title", required=False)
    chosen: tuple[str, ...] | None = None
    if record.get("topics") is not None:
        raw = record["topics"]
        if isinstance(raw, str):  # a CSV cell
            raw = [s for s in raw.replace(",", ";").split(";") if s.strip()]
        if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
            raise RecordError(texts.IMPORT_BAD_TOPICS)
        chosen = tuple(dict.fromkeys(s.strip().lower() for s in raw))
        for slug in chosen:
            if slug not in topics:
                raise RecordError(texts.IMPORT_UNKNOWN_TOPIC.format(slug=slug, known=", ".join(sorted(topics))))
    county = record.get("county")
    if county is not None and not isinstance(county, str):
        raise RecordError(texts.IMPORT_BAD_COUNTY)
    county = (county.strip().lower() or None) if isinstance(county, str) else None
    if county is not None and county not in counties:
        raise RecordError(texts.IMPORT_UNKNOWN_COUNTY.format(slug=county, known=", ".join(sorted(counties))))
    return ImportRecord(
        line=line,
        text=text,
        org=org,
        published_at=published_at,
        published=status in (None, "published"),
        title=title.strip() if title and title.strip() else None,
        topics=chosen,
        county=county,
        has_county="county" in record,
    )


def read_records(content: str, *, csv_format: bool) -> Iterator[tuple[int, dict[str, Any] | RecordError]]:
    """(line number, object or the error) for each record of an import file; blank lines are skipped."""
    if csv_format:
        reader = csv.DictReader(io.StringIO(content, newline=""))
        columns = set(reader.fieldnames or ())
        for field, names in (("text", {"text", "raw_text"}), ("org", {"org", "organization"})):
            if not columns & names:
                yield 1, RecordError(texts.IMPORT_CSV_COLUMN.format(field=field))
                return
        start = reader.line_num + 1
        for row in reader:
            yield start, {k: v for k, v in row.items() if k is not None}
            start = reader.line_num + 1
        return
    # Only "\n" ends a record: str.splitlines would also split at U+2028 and other characters JSON allows in strings.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, RecordError(texts.IMPORT_BAD_JSON.format(error=f"{error.msg}, column {error.colno}"))
            continue
        yield number, value if isinstance(value, dict) else RecordError(texts.IMPORT_NOT_OBJECT)


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


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did."""

    imported: int
    skipped: int
    unpublished: int
    organizations_created: int


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
        result = await load_records(storage, records, zone, source_name=source_name)
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


async def _seed_topics(storage: Storage) -> None:
    """Store the packaged topics that are not stored yet, as the bot does at start-up."""
    await storage.topics.seed(
        TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
        for i, t in enumerate(load_topics())
    )


async def _validate(
    storage: Storage,
    content: str,
    *,
    csv_format: bool,
    topics: Collection[str],
    zone: ZoneInfo,
    org_create: bool,
) -> tuple[list[ImportRecord], list[tuple[int, str]]]:
    """Every valid record and every error (line, problem), in file order."""
    counties = {c.slug for c in load_counties()}
    now = datetime.now(UTC)
    records: list[ImportRecord] = []
    errors: list[tuple[int, str]] = []
    for line, value in read_records(content, csv_format=csv_format):
        try:
            if isinstance(value, RecordError):
                raise value
            records.append(parse_record(line, value, topics=topics, counties=counties, now=now, zone=zone))
        except RecordError as error:
            errors.append((line, str(error)))
    if not org_create:
        known: dict[str, bool] = {}
        for record in records:
            if not record.published:
                continue  # not imported, so its organization does not matter
            folded = fold(record.org)
            if folded not in known:
                known[folded] = await storage.organizations.find_by_folded_name(folded) is not None
            if not known[folded]:
                errors.append((record.line, texts.IMPORT_UNKNOWN_ORG.format(name=record.org)))
        errors.sort(key=lambda e: e[0])
    return records, errors


async def load_records(
    storage: Storage, records: Sequence[ImportRecord], zone: ZoneInfo, *, source_name: str
) -> ImportResult:
    """Normalize, tag, store and publish (without sending) valid records; skip those already in the archive."""
    from bot.services.core import shared_normalizer  # noqa: PLC0415 - hazm and PTB load only when there is work
    from bot.services.taxonomy import live_topics  # noqa: PLC0415 - with the pipeline it feeds

    wanted = [r for r in records if r.published]
    # Oldest first, so that release ids follow publication order as they do for releases sent live.
    wanted.sort(key=lambda r: r.published_at or datetime.max.replace(tzinfo=UTC))
    orgs, created = await _organizations(storage, wanted)
    pipeline = ReleasePipeline(await asyncio.to_thread(shared_normalizer), await live_topics(storage), load_counties())
    transfers = Transfers(storage.db)
    progress = ProgressBar(len(wanted), sys.stderr)
    progress.update(0)
    imported = skipped = 0
    for start in range(0, len(wanted), IMPORT_BATCH):
        batch = wanted[start : start + IMPORT_BATCH]
        prepared = [pipeline.prepare(r.text, org_name=orgs[fold(r.org)].name) for r in batch]
        async with storage.db.transaction() as tx:
            for record, ready in zip(batch, prepared, strict=True):
                org = orgs[fold(record.org)]
                # A title given with the record is normalized like the text, on one line.
                title = (
                    " ".join(pipeline.normalizer.normalize(record.title).split())
                    if record.title is not None
                    else ready.title
                )
                search_text = fold(f"{title}\n{ready.body}") if record.title is not None else ready.search_text
                if await transfers.already_imported(org.id, search_text, record.published_at, tx=tx):
                    skipped += 1
                    continue
                release = await storage.releases.create_draft(
                    NewRelease(
                        organization_id=org.id,
                        author_id=IMPORTED_AUTHOR_ID,
                        raw_text=record.text,
                        title=title,
                        body=ready.body,
                        search_text=search_text,
                        topics=record.topics if record.topics is not None else ready.topics,
                        county=record.county if record.has_county else (ready.county or org.county),
                        fingerprint=fingerprint(f"{title}\n{ready.body}") if record.title else ready.fingerprint,
                    ),
                    tx=tx,
                )
                when = record.published_at or utcnow()
                parts = render_archived(release, org.name, pipeline, when, zone)
                await service.publish_archived(storage, release.id, parts, when, tx=tx)
                imported += 1
        progress.update(start + len(batch))
    await storage.audit.record(
        None,
        "archive.import",
        "file",
        source_name,
        {"imported": imported, "skipped": skipped, "organizations_created": created},
    )
    return ImportResult(imported, skipped, len(records) - len(wanted), created)


async def _organizations(storage: Storage, records: Sequence[ImportRecord]) -> tuple[dict[str, Organization], int]:
    """The organization of each folded name the records use, creating the missing ones; and how many were new."""
    found: dict[str, Organization] = {}
    names = {fold(r.org): r.org for r in records}
    missing = []
    for folded, name in names.items():
        org = await storage.organizations.find_by_folded_name(folded)
        if org is None:
            missing.append((folded, name))
        else:
            found[folded] = org
    if missing:
        async with storage.db.transaction() as tx:
            for folded, name in missing:
                org = await storage.organizations.create(name, folded, None, created_by=None, tx=tx)
                await storage.audit.record(
                    None, "organization.create", "organization", org.id, {"name": name, "source": "import"}, tx=tx
                )
                found[folded] = org
    return found, len(missing)


def render_archived(
    release: Release, org_name: str, pipeline: ReleasePipeline, published_at: datetime, zone: ZoneInfo
) -> list[MessagePart]:
    """A release's parts as ``/release`` shows them, rendered like the desk renders a live release."""
    topics = {t.slug: t for t in pipeline.topics}
    counties = {c.slug: c for c in pipeline.counties}
    county = counties.get(release.county) if release.county else None
    view = ReleaseView(
        release_id=release.id,
        title=release.title,
        body=release.body,
        org_name=org_name,
        county_name=county.name if county else None,
        topic_hashtags=tuple(topics[s].hashtag for s in release.topics if s in topics),
        county_hashtag=county.hashtag if county else None,
        published_at=published_at,
    )
    return render_release(view, zone)
