"""Releases: drafts, their versions, tags and attachments, and full-text search of published ones."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db, utcnow

STATUSES = ("draft", "scheduled", "pending_approval", "rejected", "published", "retracted", "cancelled")
# What an officer may still change, publish now or cancel.
EDITABLE = ("draft", "scheduled")
# What may become published: an officer's draft, a scheduled release, one an admin approves.
PUBLISHABLE = ("draft", "scheduled", "pending_approval")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a release (photo, video, document ...), by Telegram file id."""

    kind: str
    file_id: str
    file_unique_id: str | None = None
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None


@dataclass(frozen=True, slots=True)
class NewRelease:
    """What an officer's message became after the text pipeline: the input of ``create_draft``."""

    organization_id: int
    author_id: int
    raw_text: str
    title: str
    body: str
    search_text: str
    topics: tuple[str, ...]
    county: str | None
    fingerprint: int | None
    media_kind: str = "none"
    attachments: tuple[Attachment, ...] = ()
    source_chat_id: int | None = None
    source_message_id: int | None = None


@dataclass(frozen=True, slots=True)
class Release:
    """A stored release with its current version."""

    id: int
    organization_id: int
    author_id: int
    status: str
    raw_text: str
    title: str
    body: str
    search_text: str
    topics: tuple[str, ...]
    county: str | None
    fingerprint: int | None
    version: int
    media_kind: str
    created_at: datetime
    updated_at: datetime
    scheduled_at: datetime | None
    published_at: datetime | None
    retracted_at: datetime | None
    attachments: tuple[Attachment, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of search results and the total number of matches.

    A search counts and ranks at most ``SEARCH_CANDIDATES`` matches: when more match, ``total`` is
    that cap and ``total_capped`` is True (show «۱۰۰۰+»); every page up to ``total`` can be fetched.
    """

    releases: list[Release]
    total: int
    total_capped: bool = False


# Search ranks the newest this many matches of a query (see ``Releases.search``).
SEARCH_CANDIDATES = 1000
# Recency weight of search ranking: a release this many days old needs twice the relevance of one
# published now to rank level with it.
SEARCH_RECENCY_DAYS = 180.0
_UNIX_EPOCH_JULIAN_DAY = 2440587.5


_COLUMNS = (
    "id, organization_id, author_id, status, raw_text, title, body, search_text, county, fingerprint,"
    " version, media_kind, created_at, updated_at, scheduled_at, published_at, retracted_at"
)


def _release(row: aiosqlite.Row, topics: Sequence[str], attachments: Sequence[Attachment] = ()) -> Release:
    return Release(
        id=row["id"],
        organization_id=row["organization_id"],
        author_id=row["author_id"],
        status=row["status"],
        raw_text=row["raw_text"],
        title=row["title"],
        body=row["body"],
        search_text=row["search_text"],
        topics=tuple(topics),
        county=row["county"],
        fingerprint=row["fingerprint"],
        version=row["version"],
        media_kind=row["media_kind"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        scheduled_at=opt_from_db(row["scheduled_at"]),
        published_at=opt_from_db(row["published_at"]),
        retracted_at=opt_from_db(row["retracted_at"]),
        attachments=tuple(attachments),
    )


def fts_query(folded_query: str) -> str | None:
    """Turn a folded query into an FTS5 expression that ANDs its words, each quoted; None if empty.

    Quoting makes every word a literal, so FTS5 operators typed by a user (AND, NEAR, quotes, *) are
    searched as words and never break the query syntax.
    """
    words = [w.replace('"', "") for w in folded_query.split()]
    words = [w for w in words if w]
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words)


async def _changed(t: Tx, update: str, params: tuple[object, ...], from_statuses: Collection[str]) -> bool:
    """Run a status change ``UPDATE … WHERE id = ?`` only for a release in one of ``from_statuses``.

    The condition is part of the statement, so two requests racing for one release cannot both
    change it: the second finds the status moved on and changes nothing. Whether the row changed.
    """
    statuses = tuple(from_statuses)
    marks = ",".join("?" * len(statuses))
    sql = f"{update} AND status IN ({marks})"
    return await t.execute_rowcount(sql, (*params, *statuses)) == 1


class StatusChanged(Exception):
    """A release was not in the status a change starts from: another request changed it first.

    Raised inside the transaction that was to make the change, so that transaction rolls back;
    ``status`` is what the release is now (None if it no longer exists).
    """

    def __init__(self, release_id: int, status: str | None) -> None:
        super().__init__(f"release {release_id} is {status}")
        self.release_id = release_id
        self.status = status


class Releases:
    """Repository of releases."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create_draft(self, new: NewRelease, *, tx: Tx | None = None) -> Release:
        """Store a draft with its first version, topics and attachments."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            release_id = await t.execute(
                "INSERT INTO releases (organization_id, author_id, status, raw_text, title, body, search_text,"
                " county, fingerprint, media_kind, source_chat_id, source_message_id, created_at, updated_at)"
                " VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.organization_id,
                    new.author_id,
                    new.raw_text,
                    new.title,
                    new.body,
                    new.search_text,
                    new.county,
                    new.fingerprint,
                    new.media_kind,
                    new.source_chat_id,
                    new.source_message_id,
                    now,
                    now,
                ),
            )
            await t.execute(
                "INSERT INTO release_versions (release_id, version, raw_text, title, body, search_text,"
                " author_id, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                (release_id, new.raw_text, new.title, new.body, new.search_text, new.author_id, now),
            )
            await self._write_topics(t, release_id, new.topics)
            await t.executemany(
                "INSERT INTO attachments (release_id, position, kind, file_id, file_unique_id, file_name,"
                " mime_type, file_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        release_id,
                        i,
                        a.kind,
                        a.file_id,
                        a.file_unique_id,
                        a.file_name,
                        a.mime_type,
                        a.file_size,
                    )
                    for i, a in enumerate(new.attachments)
                ],
            )
            release = await self.get(release_id, tx=t)
        assert release is not None
        return release

    async def get(self, release_id: int, *, tx: Tx | None = None) -> Release | None:
        """The release with its topics and attachments, or None."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone(f"SELECT {_COLUMNS} FROM releases WHERE id = ?", (release_id,))  # noqa: S608 - constant column list
            if row is None:
                return None
            topics = await t.fetchall(
                "SELECT topic FROM release_topics WHERE release_id = ? ORDER BY position", (release_id,)
            )
            files = await t.fetchall(
                "SELECT kind, file_id, file_unique_id, file_name, mime_type, file_size FROM attachments"
                " WHERE release_id = ? ORDER BY position",
                (release_id,),
            )
        return _release(row, [r[0] for r in topics], [Attachment(*f) for f in files])

    async def set_tags(
        self, release_id: int, topics: Sequence[str], county: str | None, *, tx: Tx | None = None
    ) -> None:
        """Replace a release's topics and county (the officer's confirmation of the suggestions)."""
        async with self.db.joined(tx) as t:
            await t.execute(
                "UPDATE releases SET county = ?, updated_at = ? WHERE id = ?",
                (county, to_db(utcnow()), release_id),
            )
            await t.execute("DELETE FROM release_topics WHERE release_id = ?", (release_id,))
            await self._write_topics(t, release_id, topics)

    async def add_version(
        self,
        release_id: int,
        *,
        raw_text: str,
        title: str,
        body: str,
        search_text: str,
        author_id: int,
        fingerprint: int | None,
        tx: Tx | None = None,
    ) -> int:
        """Keep the current text as a version and make the new text current; return the new version."""
        now = to_db(utcnow())
        async with self.db.joined(tx) as t:
            version = int(await t.fetchval("SELECT version FROM releases WHERE id = ?", (release_id,))) + 1
            await t.execute(
                "INSERT INTO release_versions (release_id, version, raw_text, title, body, search_text,"
                " author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (release_id, version, raw_text, title, body, search_text, author_id, now),
            )
            await t.execute(
                "UPDATE releases SET raw_text = ?, title = ?, body = ?, search_text = ?, fingerprint = ?,"
                " version = ?, updated_at = ? WHERE id = ?",
                (raw_text, title, body, search_text, fingerprint, version, now, release_id),
            )
        return version

    async def mark_published(
        self,
        release_id: int,
        when: datetime | None = None,
        *,
        from_statuses: Collection[str] = PUBLISHABLE,
        tx: Tx | None = None,
    ) -> bool:
        """Set a release published if it is in one of ``from_statuses``; whether it was.

        It enters the search index through the FTS trigger. False (nothing changed) when another
        request moved the release on first: the caller's transaction decides what to do then.
        """
        stamp = to_db(when or utcnow())
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?",
                (stamp, stamp, release_id),
                from_statuses,
            )

    async def mark_retracted(self, release_id: int, reason: str | None, *, tx: Tx | None = None) -> bool:
        """Set a published release retracted (it leaves the search index through the FTS trigger); whether it was."""
        stamp = to_db(utcnow())
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET status = 'retracted', retracted_at = ?, retraction_reason = ?,"
                " updated_at = ? WHERE id = ?",
                (stamp, reason, stamp, release_id),
                ("published",),
            )

    async def status_of(self, release_id: int, *, tx: Tx | None = None) -> str | None:
        """A release's status now (None if there is no such release)."""
        async with self.db.joined(tx) as t:
            value = await t.fetchval("SELECT status FROM releases WHERE id = ?", (release_id,))
        return None if value is None else str(value)

    async def search(self, folded_query: str, *, limit: int = 10, offset: int = 0) -> SearchPage:
        """Published releases matching every word of the folded query, best by relevance and recency first.

        Ranking: FTS5's bm25 relevance weighted by recency, ``bm25 / (1 + age_days / SEARCH_RECENCY_DAYS)``
        (bm25 is negative, lower is better): a release half a year old needs twice the relevance of
        one published today to rank level with it; ties go to the newer release. Only the newest
        ``SEARCH_CANDIDATES`` matches (by id, which follows publication order) are ranked and
        counted: ranking reads every match, and a query that matches more than a thousand releases
        is made of words so common that their bm25 is nearly the same everywhere and recency decides
        anyway. ``total`` is then the cap and ``total_capped`` says there are more.
        """
        expression = fts_query(folded_query)
        if expression is None:
            return SearchPage([], 0)
        now = utcnow().timestamp() / 86400 + _UNIX_EPOCH_JULIAN_DAY
        async with self.db.snapshot() as t:
            # FTS5 walks the matches newest first and stops at the cap; bm25 is computed for those only.
            candidates = await t.fetchall(
                "SELECT f.rowid, bm25(releases_fts), julianday(r.published_at) FROM releases_fts f"
                " JOIN releases r ON r.id = f.rowid WHERE releases_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
                (expression, SEARCH_CANDIDATES + 1),
            )
            capped = len(candidates) > SEARCH_CANDIDATES
            del candidates[SEARCH_CANDIDATES:]

            def rank(row: aiosqlite.Row) -> tuple[float, float, int]:
                published = row[2] if row[2] is not None else now
                return row[1] / (1.0 + max(0.0, now - published) / SEARCH_RECENCY_DAYS), -published, -row[0]

            ids = [row[0] for row in sorted(candidates, key=rank)[offset : offset + limit]]
            releases: list[Release] = []
            if ids:
                marks = ",".join("?" * len(ids))
                rows = {
                    row["id"]: row
                    for row in await t.fetchall(f"SELECT {_COLUMNS} FROM releases WHERE id IN ({marks})", ids)  # noqa: S608 - placeholders only
                }
                topics: dict[int, list[str]] = {i: [] for i in ids}
                for release_id, topic in await t.fetchall(
                    f"SELECT release_id, topic FROM release_topics WHERE release_id IN ({marks})"  # noqa: S608 - placeholders only
                    " ORDER BY release_id, position",
                    ids,
                ):
                    topics[release_id].append(topic)
                releases = [_release(rows[i], topics[i]) for i in ids if i in rows]
        return SearchPage(releases, len(candidates), capped)

    async def cancel(self, release_id: int, *, tx: Tx | None = None) -> bool:
        """Cancel a draft or scheduled release; whether it was one (and so was cancelled)."""
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET status = 'cancelled', updated_at = ? WHERE id = ?",
                (to_db(utcnow()), release_id),
                EDITABLE,
            )

    async def schedule(self, release_id: int, when: datetime | None, *, tx: Tx | None = None) -> bool:
        """Schedule a draft (or a scheduled release again) for ``when``, or (None) turn a scheduled release
        back into a draft; whether the release was in a status that allows it."""
        status, stamp = ("draft", None) if when is None else ("scheduled", to_db(when))
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET status = ?, scheduled_at = ?, updated_at = ? WHERE id = ?",
                (status, stamp, to_db(utcnow()), release_id),
                ("scheduled",) if when is None else EDITABLE,
            )

    async def due_scheduled(self, now: datetime) -> list[int]:
        """Scheduled releases whose time has come, oldest first."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id FROM releases WHERE status = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id",
                (to_db(now),),
            )
        return [int(r[0]) for r in rows]

    async def next_scheduled_at(self) -> datetime | None:
        """When the next scheduled release is due, if any."""
        async with self.db.snapshot() as t:
            value = await t.fetchval("SELECT min(scheduled_at) FROM releases WHERE status = 'scheduled'")
        return opt_from_db(value)

    async def submit_for_approval(
        self, release_id: int, *, from_statuses: Collection[str] = EDITABLE, tx: Tx | None = None
    ) -> bool:
        """Put a draft (or scheduled release) in the admins' approval queue; whether it was one."""
        stamp = to_db(utcnow())
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET status = 'pending_approval', submitted_at = coalesce(submitted_at, ?),"
                " updated_at = ? WHERE id = ?",
                (stamp, stamp, release_id),
                from_statuses,
            )

    async def record_decision(
        self, release_id: int, admin_id: int, reason: str | None, *, approved: bool, tx: Tx | None = None
    ) -> bool:
        """Record an admin's approval (the caller publishes, in the same transaction) or rejection with its
        reason; whether the release was still waiting for a decision (nothing changes if not)."""
        stamp = to_db(utcnow())
        async with self.db.joined(tx) as t:
            return await _changed(
                t,
                "UPDATE releases SET decided_by = ?, decided_at = ?, rejection_reason = ?, updated_at = ?,"
                " status = CASE WHEN ? THEN status ELSE 'rejected' END WHERE id = ?",
                (admin_id, stamp, reason, stamp, int(approved), release_id),
                ("pending_approval",),
            )

    async def pending_approval(self) -> list[Release]:
        """Releases waiting for an admin's decision, oldest first."""
        async with self.db.snapshot() as t:
            ids = [
                r[0]
                for r in await t.fetchall(
                    "SELECT id FROM releases WHERE status = 'pending_approval' ORDER BY submitted_at, id"
                )
            ]
            found = [await self.get(i, tx=t) for i in ids]
        return [r for r in found if r is not None]

    async def set_report_message(self, release_id: int, chat_id: int, message_id: int) -> None:
        """Remember the officer's live report message of a release."""
        async with self.db.transaction() as t:
            await t.execute(
                "UPDATE releases SET report_chat_id = ?, report_message_id = ? WHERE id = ?",
                (chat_id, message_id, release_id),
            )

    async def report_message(self, release_id: int) -> tuple[int, int] | None:
        """(chat id, message id) of a release's live report, if one was sent."""
        async with self.db.snapshot() as t:
            row = await t.fetchone(
                "SELECT report_chat_id, report_message_id FROM releases WHERE id = ? AND report_message_id IS NOT NULL",
                (release_id,),
            )
        return None if row is None else (int(row[0]), int(row[1]))

    async def by_source(self, chat_id: int, message_id: int) -> Release | None:
        """The latest release made from this message of an officer (the one an edit of it concerns), or None."""
        async with self.db.snapshot() as t:
            release_id = await t.fetchval(
                "SELECT id FROM releases WHERE source_chat_id = ? AND source_message_id = ? ORDER BY id DESC LIMIT 1",
                (chat_id, message_id),
            )
            return None if release_id is None else await self.get(int(release_id), tx=t)

    async def published_by_author_since(self, author_id: int, since: datetime) -> int:
        """How many releases this officer published since then (the per-officer publishing rate)."""
        async with self.db.snapshot() as t:
            return int(
                await t.fetchval(
                    "SELECT count(*) FROM releases WHERE author_id = ? AND published_at >= ?", (author_id, to_db(since))
                )
            )

    async def latest_of_organization(
        self, organization_id: int, limit: int = 10, *, without: Sequence[str] = ()
    ) -> list[Release]:
        """An organization's most recent releases (any status but those ``without``), newest first."""
        skipped = json.dumps(list(without))
        async with self.db.snapshot() as t:
            ids = [
                r[0]
                for r in await t.fetchall(
                    "SELECT id FROM releases WHERE organization_id = ?"
                    " AND status NOT IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?",
                    (organization_id, skipped, limit),
                )
            ]
            found = [await self.get(i, tx=t) for i in ids]
        return [r for r in found if r is not None]

    async def count_of_organization(self, organization_id: int, status: str) -> int:
        """How many of an organization's releases are in ``status``."""
        async with self.db.snapshot() as t:
            return int(
                await t.fetchval(
                    "SELECT count(*) FROM releases WHERE organization_id = ? AND status = ?", (organization_id, status)
                )
            )

    async def published_fingerprints_since(self, since: datetime) -> list[tuple[int, int, int, datetime]]:
        """(release id, fingerprint, organization id, published_at) of releases published since then."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT id, fingerprint, organization_id, published_at FROM releases"
                " WHERE status = 'published' AND published_at >= ? AND fingerprint IS NOT NULL",
                (to_db(since),),
            )
        return [(r[0], r[1], r[2], from_db(r[3])) for r in rows]

    @staticmethod
    async def _write_topics(t: Tx, release_id: int, topics: Sequence[str]) -> None:
        await t.executemany(
            "INSERT INTO release_topics (release_id, topic, position) VALUES (?, ?, ?)",
            [(release_id, slug, i) for i, slug in enumerate(dict.fromkeys(topics))],
        )

    async def latest_published(self, *, limit: int = 5, offset: int = 0) -> SearchPage:
        """Published releases, newest first (retracted ones are no longer published), and how many there are."""
        async with self.db.snapshot() as t:
            total = int(await t.fetchval("SELECT count(*) FROM releases WHERE status = 'published'"))
            ids = [
                r[0]
                for r in await t.fetchall(
                    "SELECT id FROM releases WHERE status = 'published' ORDER BY published_at DESC, id DESC"
                    " LIMIT ? OFFSET ?",
                    (limit, offset),
                )
            ]
            found = [await self.get(i, tx=t) for i in ids]
        return SearchPage([r for r in found if r is not None], total)
