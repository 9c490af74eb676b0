"""Backups, export and import of the archive: the mechanics, shared by /backup and ``python -m bot``.

Import semantics, in short: the whole file is validated first and nothing is imported when any record
is bad (the bad lines listed), so a corrected file can simply be run again. Each record goes through
the same text pipeline as an officer's message and is stored published, with its rendered parts, but
sent to nobody. A record whose organization already published the same folded text at the same moment
(or at any moment, for a record without ``published_at``) is skipped, so a second run of the same
file imports nothing. The commands that drive these (arguments, progress, exit codes) are in
``bot/cli/transfer.py``.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

import jdatetime

from bot import texts
from bot.delivery import service
from bot.domain.dedupe import fingerprint
from bot.domain.digits import to_persian_digits
from bot.domain.pipeline import ReleasePipeline
from bot.domain.render import MessagePart, ReleaseView, render_release
from bot.domain.tagging import load_counties, load_topics
from bot.domain.text import fold
from bot.services.taxonomy import seed_packaged
from storage import Storage
from storage.db import Database, utcnow
from storage.organizations import Organization
from storage.releases import STATUSES, NewRelease, Release
from storage.transfer import ExportRow, FileCheck, Transfers, check_file

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
# Same limits as releases typed to the bot (bot/services/desk.py, bot/telegram/handlers/admin.py).
MAX_TEXT_CHARS = 20_000
ORG_NAME_MAX_CHARS = 200
# A clock a little ahead is not a publication in the future.
FUTURE_TOLERANCE = timedelta(minutes=5)


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


async def record_backup(storage: Storage, actor_id: int, size: int, *, sound: bool) -> None:
    """The audit entry of a backup an admin took (whether or not the messenger then takes the file)."""
    await storage.audit.record(actor_id, "database.backup", None, None, {"bytes": size, "sound": sound})


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove(path: Path) -> None:
    for file in (path, *_sidecars(path)):
        file.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


async def _backup_file(source: Path, target: Path) -> FileCheck:
    db = await Database.open(source)
    try:
        return await take_backup(db, target)
    finally:
        await db.close()


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


def export_encoding(export_format: str) -> str:
    """CSV carries a byte-order mark so that spreadsheet programs read the Persian text as UTF-8."""
    return "utf-8-sig" if export_format == "csv" else "utf-8"


async def write_export(storage: Storage, export_format: str, stream: IO[str], *, all_statuses: bool) -> int:
    """Write the export (JSON lines or CSV) to ``stream``; return how many releases it holds."""
    count = 0
    transfers = Transfers(storage.db)
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


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did."""

    imported: int
    skipped: int
    unpublished: int
    organizations_created: int


async def _seed_topics(storage: Storage) -> None:
    """Store the packaged topics, as the bot does at start-up (see ``seed_packaged``)."""
    await seed_packaged(storage, load_topics())


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
    storage: Storage,
    records: Sequence[ImportRecord],
    zone: ZoneInfo,
    *,
    source_name: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
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
    progress(0, len(wanted))
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
        progress(start + len(batch), len(wanted))
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
