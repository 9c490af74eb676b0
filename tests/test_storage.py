"""Storage on real SQLite files: migrations, transactions, repositories, constraints and FTS5 search."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.text import fold
from storage import Storage
from storage.db import Database, StorageError, load_migrations, utcnow
from storage.officers import Redemption
from storage.releases import NewRelease, fts_query
from storage.topics import TopicRow


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Storage]:
    """A freshly migrated database file in a temporary folder."""
    storage = await Storage.open(tmp_path / "bot.db")
    await storage.topics.seed(
        [
            TopicRow("health", "سلامت", "سلامت", ("واکسن",), (), 0, True),
            TopicRow("crisis", "بحران", "بحران", ("زلزله",), ("زمین‌لرزه",), 1, True),
        ]
    )
    yield storage
    await storage.close()


async def _org(store: Storage, name: str = "دانشگاه علوم پزشکی ایلام") -> int:
    org = await store.organizations.create(name, fold(name), None, created_by=1)
    return org.id


def _release(org_id: int, title: str, body: str, *, topics: tuple[str, ...] = ("health",)) -> NewRelease:
    return NewRelease(
        organization_id=org_id,
        author_id=500,
        raw_text=f"{title}\n\n{body}",
        title=title,
        body=body,
        search_text=fold(f"{title}\n{body}"),
        topics=topics,
        county=None,
        fingerprint=123456789,
    )


async def test_fresh_migrate_then_rerun_is_idempotent(tmp_path: Path) -> None:
    """A new file gets every migration once; running again applies nothing and changes nothing."""
    db = await Database.open(tmp_path / "x.db")
    try:
        assert await db.migrate() == [m.version for m in load_migrations()]
        assert await db.migrate() == []
        async with db.snapshot() as tx:
            recorded = await tx.fetchall("SELECT version, checksum FROM schema_migrations")
            mode = await tx.fetchval("PRAGMA journal_mode")
            foreign_keys = await tx.fetchval("PRAGMA foreign_keys")
        assert [r[0] for r in recorded] == [m.version for m in load_migrations()]
        assert mode == "wal"
        assert foreign_keys == 1
    finally:
        await db.close()


async def test_edited_migration_is_detected(tmp_path: Path) -> None:
    """A released migration whose recorded checksum no longer matches stops the start-up."""
    db = await Database.open(tmp_path / "x.db")
    try:
        await db.migrate()
        async with db.transaction() as tx:
            await tx.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        with pytest.raises(StorageError, match="edited"):
            await db.migrate()
    finally:
        await db.close()


async def test_transaction_rolls_back_on_error(store: Storage) -> None:
    """An exception inside a transaction leaves no trace of its statements."""

    async def create_then_fail() -> None:
        async with store.db.transaction() as tx:
            await store.organizations.create("اداره کل ورزش", fold("اداره کل ورزش"), None, created_by=1, tx=tx)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await create_then_fail()
    assert await store.organizations.list_all() == []


async def test_nested_transaction_is_an_error_not_a_deadlock(store: Storage) -> None:
    """Opening a transaction inside another raises at once instead of waiting forever on the lock."""
    with pytest.raises(StorageError, match="nested"):
        async with store.db.transaction():
            await store.organizations.list_all()


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        ("INSERT INTO organizations (name, name_folded, created_at) VALUES ('', 'x', '2026')", ()),
        (
            "INSERT INTO releases (organization_id, author_id, raw_text, title, body, search_text, created_at,"
            " updated_at) VALUES (999, 1, 'r', 't', 'b', 's', 'n', 'n')",
            (),
        ),
        ("INSERT INTO chats (id, type, created_at, updated_at) VALUES (1, 'bogus', 'n', 'n')", ()),
        ("INSERT INTO subscription_filters (subscription_id, dimension, value) VALUES (1, 'colour', 'red')", ()),
        ("INSERT INTO topics (slug, label, hashtag) VALUES ('Bad Slug', 'x', 'x')", ()),
        ("INSERT INTO subscriptions (chat_id, digest_time, created_at, updated_at) VALUES (1, '7pm', 'n', 'n')", ()),
    ],
)
async def test_constraints_reject_bad_rows(store: Storage, sql: str, params: tuple[object, ...]) -> None:
    """Empty names, dangling references, unknown enums and malformed times are refused by the schema."""
    await store.subscriptions.upsert_chat(1, "private")
    with pytest.raises(sqlite3.IntegrityError):
        async with store.db.transaction() as tx:
            await tx.execute(sql, params)


async def test_duplicate_organization_name_is_rejected_in_any_spelling(store: Storage) -> None:
    """The same agency typed with Arabic letters is the same folded name and cannot be added twice."""
    await _org(store, "شرکت گاز استان ایلام")
    with pytest.raises(sqlite3.IntegrityError):
        await _org(store, "شركت گاز استان ايلام")


async def test_release_round_trip_and_versions(store: Storage) -> None:
    """A draft comes back as a dataclass with topics and attachments; a new version keeps the old one."""
    org_id = await _org(store)
    draft = await store.releases.create_draft(_release(org_id, "آغاز واکسیناسیون", "واکسن آنفلوانزا رایگان است."))
    assert draft.status == "draft"
    assert draft.topics == ("health",)
    assert draft.version == 1
    version = await store.releases.add_version(
        draft.id,
        raw_text="متن اصلاح‌شده",
        title="آغاز واکسیناسیون",
        body="واکسن آنفلوانزا از فردا رایگان است.",
        search_text=fold("آغاز واکسیناسیون واکسن آنفلوانزا از فردا رایگان است"),
        author_id=500,
        fingerprint=1,
    )
    assert version == 2
    current = await store.releases.get(draft.id)
    assert current is not None
    assert current.version == 2
    assert current.body.startswith("واکسن آنفلوانزا از فردا")
    async with store.db.snapshot() as tx:
        bodies = [
            r[0]
            for r in await tx.fetchall(
                "SELECT body FROM release_versions WHERE release_id = ? ORDER BY version", (draft.id,)
            )
        ]
    assert bodies == ["واکسن آنفلوانزا رایگان است.", "واکسن آنفلوانزا از فردا رایگان است."]


async def test_search_finds_published_persian_text_in_any_spelling(store: Storage) -> None:
    """FTS5 over folded text finds a release typed with Arabic letters by a query in Persian letters and back."""
    org_id = await _org(store)
    arabic = await store.releases.create_draft(
        _release(org_id, "زلزله آبدانان", "تيم‌هاي ارزياب هلال احمر در روستاهاي اطراف مستقر شدند كه", topics=("crisis",))
    )
    persian = await store.releases.create_draft(_release(org_id, "واکسیناسیون", "گروه‌های پرخطر واکسن می‌زنند."))
    unpublished = await store.releases.create_draft(_release(org_id, "پیش‌نویس", "تیم‌های ارزیاب در راه هستند."))
    await store.releases.mark_published(arabic.id)
    await store.releases.mark_published(persian.id)

    for query in ("تیم‌های ارزیاب", "تيمهاي ارزياب", "تیم های ارزیاب"):
        page = await store.releases.search(fold(query))
        assert [r.id for r in page.releases] == [arabic.id], query
    page = await store.releases.search(fold("گروههاي پرخطر"))
    assert [r.id for r in page.releases] == [persian.id]
    assert unpublished.id not in [r.id for r in (await store.releases.search(fold("ارزیاب"))).releases]


async def test_retracted_release_leaves_the_index(store: Storage) -> None:
    """A retracted release can no longer be found."""
    org_id = await _org(store)
    release = await store.releases.create_draft(_release(org_id, "سد سیمره", "آبگیری سد آغاز شد."))
    await store.releases.mark_published(release.id)
    assert (await store.releases.search(fold("سد"))).total == 1
    await store.releases.mark_retracted(release.id, "اشتباه")
    assert (await store.releases.search(fold("سد"))).total == 0


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "NEAR(", "*", "سد*"])
async def test_search_syntax_from_users_never_breaks(store: Storage, query: str) -> None:
    """FTS5 operators typed by a user are searched as words and never raise."""
    org_id = await _org(store)
    release = await store.releases.create_draft(_release(org_id, "سد", "متن"))
    await store.releases.mark_published(release.id)
    page = await store.releases.search(fold(query))
    assert page.total >= 0
    assert fts_query("") is None


async def test_invite_is_single_use_and_expires(store: Storage) -> None:
    """An invite binds the first user who redeems it; a second use, an expired or unknown code is refused."""
    org_id = await _org(store)
    now = utcnow()
    await store.officers.create_invite("abc", org_id, 1, now + timedelta(days=7))
    await store.officers.create_invite("old", org_id, 1, now - timedelta(seconds=1))
    outcome, officer = await store.officers.redeem_invite("abc", 42, "زهرا", "zahra")
    assert outcome is Redemption.JOINED
    assert officer is not None
    assert officer.organization_id == org_id
    assert officer.active
    assert (await store.officers.redeem_invite("abc", 43, "علی", None))[0] is Redemption.USED
    assert (await store.officers.redeem_invite("old", 43, "علی", None))[0] is Redemption.EXPIRED
    assert (await store.officers.redeem_invite("nope", 43, "علی", None))[0] is Redemption.UNKNOWN
    assert await store.officers.get(43) is None


async def test_revoked_officer_is_inactive_at_once(store: Storage) -> None:
    """Revoking sets revoked_at, and a second revoke reports that nothing changed."""
    org_id = await _org(store)
    await store.officers.create_invite("abc", org_id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("abc", 42, "زهرا", None)
    assert await store.officers.revoke(42, revoked_by=1)
    officer = await store.officers.get(42)
    assert officer is not None
    assert not officer.active
    assert not await store.officers.revoke(42, revoked_by=1)


async def test_subscription_filters_round_trip(store: Storage) -> None:
    """Filters are stored per dimension, replaced as a whole, and loaded with active subscriptions."""
    await store.subscriptions.upsert_chat(-100555, "supergroup", title="خبرنگاران", is_forum=True)
    sub = await store.subscriptions.subscribe(-100555, thread_id=7, created_by=9)
    await store.subscriptions.set_filter(sub.id, "topic", ["health", "crisis"])
    await store.subscriptions.set_filter(sub.id, "include", ["سد", "آب و فاضلاب"])
    await store.subscriptions.set_filter(sub.id, "topic", ["crisis"])
    loaded = await store.subscriptions.get(-100555, 7)
    assert loaded is not None
    assert loaded.filters == {"topic": ("crisis",), "include": ("آب و فاضلاب", "سد")}
    assert loaded.chat_type == "supergroup"
    await store.subscriptions.set_state(sub.id, "paused")
    assert await store.subscriptions.active() == []
    with pytest.raises(ValueError, match="dimension"):
        await store.subscriptions.set_filter(sub.id, "colour", ["red"])


async def test_audit_log_records_actions(store: Storage) -> None:
    """Entries are appended with actor, action, subject and details, and read newest first."""
    await store.audit.record(1, "org.create", "organization", 5, {"name": "استانداری"})
    await store.audit.record(None, "release.publish", "release", 9)
    entries = await store.audit.latest(10)
    assert [e.action for e in entries] == ["release.publish", "org.create"]
    assert entries[1].details == {"name": "استانداری"}
    assert entries[1].subject_id == "5"


async def test_backup_is_a_consistent_copy(store: Storage, tmp_path: Path) -> None:
    """SQLite's online backup writes a file that opens with the same data."""
    await _org(store, "اداره کل ورزش و جوانان")
    target = tmp_path / "backup.db"
    await store.db.backup_to(target)
    copy = await Storage.open(target, migrate=False)
    try:
        assert [o.name for o in await copy.organizations.list_all()] == ["اداره کل ورزش و جوانان"]
    finally:
        await copy.close()
