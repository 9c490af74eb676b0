"""The public newsroom's reads: published releases by archive, their versions, the sitemap, and a change stamp.

Only ``published`` releases are ever listed: drafts, scheduled (embargoed), pending, rejected, cancelled and
retracted releases never leave this module through a listing. Reads take no write lock (snapshots).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class ArchiveScope:
    """Which published releases an archive lists: all, one agency's, one topic's, one county's.

    ``county`` is a county slug, or ``""`` for the province-wide releases (those with no county).
    """

    organization_id: int | None = None
    topic: str | None = None
    county: str | None = None


@dataclass(frozen=True, slots=True)
class PublishedRelease:
    """A published release as the newsroom shows it: its current text, tags and times."""

    id: int
    organization_id: int
    title: str
    body: str
    county: str | None
    topics: tuple[str, ...]
    version: int
    created_at: datetime
    published_at: datetime
    updated_at: datetime
    org_name: str = ""


@dataclass(frozen=True, slots=True)
class VersionStamp:
    """One stored version of a release's text: its number, title and when it was written."""

    version: int
    title: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Retraction:
    """When and why a release was retracted."""

    retracted_at: datetime | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class BenchRelease:
    """A release row for ``bulk_publish`` (benchmarks): published at once, with its topics."""

    organization_id: int
    title: str
    body: str
    search_text: str
    county: str | None
    topics: tuple[str, ...]
    published_at: datetime


# One query per page: the agency's name and the topics (slugs are [a-z_], so a comma joins them) come along.
_COLUMNS = (
    "r.id, r.organization_id, r.title, r.body, r.county, r.version, r.created_at, r.published_at, r.updated_at,"
    " (SELECT name FROM organizations o WHERE o.id = r.organization_id) AS org_name,"
    " (SELECT group_concat(topic, ',') FROM (SELECT topic FROM release_topics t WHERE t.release_id = r.id"
    " ORDER BY position)) AS topic_list"
)


def _published(row: aiosqlite.Row) -> PublishedRelease:
    return PublishedRelease(
        id=row["id"],
        organization_id=row["organization_id"],
        title=row["title"],
        body=row["body"],
        county=row["county"],
        topics=tuple(row["topic_list"].split(",")) if row["topic_list"] else (),
        version=row["version"],
        created_at=from_db(row["created_at"]),
        published_at=from_db(row["published_at"]),
        updated_at=from_db(row["updated_at"]),
        org_name=row["org_name"] or "",
    )


def _scope_filter(scope: ArchiveScope) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if scope.organization_id is not None:
        clauses.append("r.organization_id = ?")
        params.append(scope.organization_id)
    if scope.topic is not None:
        # Correlated on the primary key (release_id, topic): walks the newest releases, stops at the page.
        clauses.append("EXISTS (SELECT 1 FROM release_topics t WHERE t.release_id = r.id AND t.topic = ?)")
        params.append(scope.topic)
    # The partial indexes of published releases (migration 0007) serve these newest first.
    if scope.county == "":
        clauses.append("r.county IS NULL")
    elif scope.county is not None:
        clauses.append("r.county = ?")
        params.append(scope.county)
    return "".join(f" AND {clause}" for clause in clauses), params


class Newsroom:
    """Read-only queries of the public site and its feeds."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def ping(self) -> bool:
        """Whether the database answers a query."""
        async with self.db.snapshot() as t:
            return bool(await t.fetchval("SELECT 1") == 1)

    async def published(self, scope: ArchiveScope, *, limit: int, offset: int = 0) -> list[PublishedRelease]:
        """The scope's published releases, newest first, ``limit`` of them from ``offset``."""
        where, params = _scope_filter(scope)
        # Without a county or agency, SQLite would take the status index and sort every published release.
        hint = "" if scope.county is not None or scope.organization_id is not None else " INDEXED BY releases_published"
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_COLUMNS} FROM releases r{hint} WHERE r.status = 'published'{where}"  # noqa: S608 - constant clauses, ? placeholders
                " ORDER BY r.published_at DESC, r.id DESC LIMIT ? OFFSET ?",
                (*params, limit, offset),
            )
        return [_published(row) for row in rows]

    async def published_by_ids(self, ids: Sequence[int]) -> list[PublishedRelease]:
        """Those of ``ids`` that are published, in the order of ``ids`` (search results)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                f"SELECT {_COLUMNS} FROM releases r WHERE r.status = 'published' AND r.id IN ({marks})",  # noqa: S608 - placeholders only
                list(ids),
            )
        by_id = {row["id"]: _published(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    async def versions(self, release_id: int) -> list[VersionStamp]:
        """Every stored version of a release's text, oldest first."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT version, title, created_at FROM release_versions WHERE release_id = ? ORDER BY version",
                (release_id,),
            )
        return [VersionStamp(row[0], row[1], from_db(row[2])) for row in rows]

    async def retraction(self, release_id: int) -> Retraction | None:
        """When and why a retracted release was retracted; None unless it is retracted."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                "SELECT retracted_at, retraction_reason FROM releases WHERE id = ? AND status = 'retracted'",
                (release_id,),
            )
        return None if row is None else Retraction(opt_from_db(row[0]), row[1])

    async def organization_names(self, ids: Iterable[int]) -> dict[int, str]:
        """The names of these agencies, by id."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        async with self.db.snapshot() as t:
            rows = await t.fetchall(f"SELECT id, name FROM organizations WHERE id IN ({marks})", wanted)  # noqa: S608 - placeholders only
        return {row[0]: row[1] for row in rows}

    async def sitemap(self, limit: int) -> list[tuple[int, datetime]]:
        """(id, last change) of the ``limit`` most recently published releases."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id, updated_at FROM releases INDEXED BY releases_published WHERE status = 'published'"
                " ORDER BY published_at DESC LIMIT ?",
                (limit,),
            )
        return [(row[0], from_db(row[1])) for row in rows]

    async def last_change(self) -> datetime | None:
        """The time of the latest audited change (publications, corrections, retractions, renames …)."""
        async with self.db.snapshot() as t:
            value = await t.fetchval("SELECT max(at) FROM audit_log")
        return opt_from_db(value)

    async def web_link(self, chat_id: int) -> tuple[str, bool | None] | None:
        """A known chat's type and its choice of the «full text» link (None: the default); None for no such chat."""
        async with self.db.snapshot() as t:
            row = await t.fetchone("SELECT type, web_link FROM chats WHERE id = ?", (chat_id,))
        return None if row is None else (row[0], None if row[1] is None else bool(row[1]))

    async def set_web_link(self, chat_id: int, on: bool, *, tx: Tx | None = None) -> bool:
        """Choose the «full text» link for a known chat; whether there was such a chat."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE chats SET web_link = ?, updated_at = ? WHERE id = ?", (int(on), to_db(utcnow()), chat_id)
            )
        return changed > 0

    async def bulk_publish(self, rows: Iterable[BenchRelease], *, author_id: int = 0) -> int:
        """Insert already published releases in one transaction (benchmarks' data); how many."""
        count = 0
        async with self.db.transaction() as t:
            for row in rows:
                stamp = to_db(row.published_at)
                release_id = await t.execute(
                    "INSERT INTO releases (organization_id, author_id, status, raw_text, title, body, search_text,"
                    " county, created_at, updated_at, published_at) VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        row.organization_id,
                        author_id,
                        row.body,
                        row.title,
                        row.body,
                        row.search_text,
                        row.county,
                        stamp,
                        stamp,
                        stamp,
                    ),
                )
                await t.execute(
                    "INSERT INTO release_versions (release_id, version, raw_text, title, body, search_text,"
                    " author_id, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                    (release_id, row.body, row.title, row.body, row.search_text, author_id, stamp),
                )
                await t.executemany(
                    "INSERT INTO release_topics (release_id, topic, position) VALUES (?, ?, ?)",
                    [(release_id, slug, i) for i, slug in enumerate(row.topics)],
                )
                count += 1
        return count
