"""Backups, restores, export and import: /backup through the real bot, the CLI commands on real files."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.cli import main
from bot.delivery import service
from bot.domain.pipeline import ReleasePipeline
from bot.domain.render import MessagePart
from bot.domain.tagging import load_counties, load_topics
from bot.domain.text import fold
from bot.services.core import shared_normalizer
from bot.services.transfer import RecordError, read_records
from fakegram import FakeTelegram, SentMessage
from storage import Storage
from storage.db import utcnow
from storage.releases import NewRelease
from storage.topics import TopicRow
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [json.loads(line) for line in (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines()]
BY_ID = {s["id"]: s for s in SAMPLES}
TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"
ADMIN, OFFICER, STRANGER = 1, 3001, 3003  # ADMIN is in ADMIN_IDS (tests.harness.settings_for)
CHATS = [80_000 + i for i in range(120)]
# Mid-broadcast: 120 chats at 12 a second keep the dispatcher sending for as long as 240 at 25 would (the
# backup, even by a CLI process that starts under load, is taken while it sends), for half the work.
MID_BROADCAST_RATE = "12"
ARABIC_YEH_KAF = {"\u064a", "\u0643"}


def _clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DATABASE_PATH for in-process CLI calls, run from a folder without a .env file."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("BOT_", "TELEGRAM_", "DATABASE_")):
            monkeypatch.delenv(name)
    database = tmp_path / "bot.db"
    monkeypatch.setenv("DATABASE_PATH", str(database))
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    return database


def run_cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` in a subprocess with DATABASE_PATH set, as an operator runs it."""
    env = _clean_environment()
    env.update(DATABASE_PATH=str(database), BOT_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=database.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records one JSON object per line."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def raw_record(sample: dict[str, Any], day: int) -> dict[str, Any]:
    """An import record of a sample release: the raw text as another system would hand it over."""
    return {"text": sample["text"], "org": sample["org"], "published_at": f"2024-05-{day:02d}T09:30:00Z"}


async def count_releases(database: Path) -> int:
    """How many releases a database file holds."""
    store = await Storage.open(database)
    try:
        async with store.db.snapshot() as t:
            return int(await t.fetchval("SELECT count(*) FROM releases"))
    finally:
        await store.close()


async def seed_topics(store: Storage) -> None:
    """The packaged topics, as the bot stores them at start-up."""
    await store.topics.seed(
        TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, i, True)
        for i, t in enumerate(load_topics())
    )


async def seed_archive(store: Storage, titles: int = 3) -> list[str]:
    """An organization with ``titles`` published releases; return their titles."""
    await seed_topics(store)
    org = await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=1)
    made = []
    for i in range(titles):
        title = f"خبر شماره {i + 1} استانداری"
        body = f"متن خبر شماره {i + 1} دربارهٔ طرح‌های عمرانی استان."
        draft = await store.releases.create_draft(
            NewRelease(org.id, 9, f"{title}\n{body}", title, body, fold(f"{title}\n{body}"), ("governance",), None, 1)
        )
        await service.publish_archived(store, draft.id, [MessagePart("text", title)], utcnow())
        made.append(title)
    return made


async def ask_backup(tg: FakeTelegram, user: int, *, chat_id: int | None = None) -> SentMessage:
    """Send /backup as ``user`` and return the bot's next message in that chat."""
    chat = chat_id if chat_id is not None else user
    before = len(tg.messages_to(chat))
    tg.inject(tg.message(chat, user, "/backup"))
    await tg.wait_for(lambda s: len(s.messages_to(chat)) > before, timeout=30)
    return tg.messages_to(chat)[before]


# -- /backup -------------------------------------------------------------------------------------


async def test_backup_command_sends_a_sound_copy_with_the_same_releases(tg: FakeTelegram, tmp_path: Path) -> None:
    """An admin's /backup is a document named by the Jalali date: a sound SQLite file with the same releases."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        titles = await seed_archive(store)
        reply = await ask_backup(tg, ADMIN)
        audit = await store.audit.latest()
    assert reply.method == "sendDocument"
    name = reply.json["document"]["file_name"]
    assert re.fullmatch(r"ilam-wire-14\d\d-\d\d-\d\d-\d{4}\.db", name), name
    assert "خبرهای آرشیو: ۳" in (reply.text or "")
    assert "python -m bot restore" in (reply.text or "")
    copy = tmp_path / "copy.db"
    assert reply.file_id is not None
    copy.write_bytes(tg.file_bytes(reply.file_id))
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [r[0] for r in db.execute("SELECT title FROM releases WHERE status = 'published' ORDER BY id")]
    assert stored == titles
    assert any(entry.action == "database.backup" for entry in audit)
    leftovers = await asyncio.to_thread(lambda: list(Path(tempfile.gettempdir()).glob("ilam-wire-backup-*/*.db")))
    assert leftovers == [], "the temporary copy is deleted"


async def test_backup_command_refuses_everyone_else(tg: FakeTelegram, tmp_path: Path) -> None:
    """A user who is not an admin gets the refusal, an admin in a group is sent to the private chat; no file."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await seed_archive(runtime(app).storage)
        assert (await ask_backup(tg, STRANGER)).text == texts.NOT_ADMIN
        tg.add_chat(-100_777, "supergroup", title="گروه خبرنگاران")
        assert (await ask_backup(tg, ADMIN, chat_id=-100_777)).text == texts.PRIVATE_ONLY
    assert tg.calls_to("sendDocument") == []


async def test_backup_too_big_for_telegram_points_to_the_cli(tg: FakeTelegram, tmp_path: Path) -> None:
    """A database over Telegram's 50 MB upload limit is not sent; the reply names the CLI command instead."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await runtime(app).storage.audit.record(1, "test.padding", details={"padding": "x" * 53_000_000})
        reply = await ask_backup(tg, ADMIN)
    assert reply.method == "sendMessage"
    assert "python -m bot backup" in (reply.text or "")
    assert "۵۰ مگابایت" in (reply.text or "")
    assert tg.calls_to("sendDocument") == []


# -- a backup taken mid-broadcast, restored --------------------------------------------------------


async def _officer_and_readers(store: Storage) -> None:
    org = await store.organizations.create("فرمانداری آبدانان", fold("فرمانداری آبدانان"), None, created_by=1)
    await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code", OFFICER, "کارشناس", None)
    async with store.db.transaction() as tx:
        for chat_id in CHATS:
            await store.subscriptions.upsert_chat(chat_id, "private", tx=tx)
            await store.subscriptions.subscribe(chat_id, tx=tx)


async def _wait_for_empty_outbox(store: Storage, seconds: float = 30) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while await store.outbox.backlog():
        assert asyncio.get_running_loop().time() < deadline, "the outbox did not drain"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("snapshot", ["command", "cli"])
@pytest.mark.slow  # the CLI in its own process while the bot holds the database
async def test_backup_taken_mid_broadcast_restores_and_resumes(tg: FakeTelegram, tmp_path: Path, snapshot: str) -> None:
    """A backup taken while the dispatcher sends (/backup, or the CLI against the live file) restores to a sound,
    consistent database, and a bot started on it delivers exactly what the snapshot had not, once per chat."""
    tg.set_latency(0.05, 0.03, seed=11)
    live, restored_dir = tmp_path / "live", tmp_path / "restored"
    live.mkdir()
    restored_dir.mkdir()
    backup = tmp_path / "backup.db"
    async with running_bot(settings_for(tg, live, BROADCAST_RATE=MID_BROADCAST_RATE)) as app:
        store = runtime(app).storage
        await _officer_and_readers(store)
        desk = runtime(app).desk
        preview = await desk.create_draft(OFFICER, BY_ID["r05"]["text"])
        enqueued = await desk.publish(OFFICER, preview.release.id)
        assert enqueued is not None
        assert enqueued.deliveries == len(CHATS)
        await tg.wait_for(lambda s: len(s.messages) >= 40, timeout=20)
        if snapshot == "command":
            document = await ask_backup(tg, ADMIN)
            assert document.file_id is not None
            backup.write_bytes(tg.file_bytes(document.file_id))
        else:
            result = await asyncio.to_thread(run_cli, live / "bot.db", "backup", str(backup))
            assert result.returncode == 0, result.stderr
            assert "integrity_check ok" in result.stdout
        assert await store.outbox.backlog() > 0, "the backup must be taken before the broadcast ends"
    # The first bot is stopped. What it sent after the snapshot is not in the backup: a restore rolls
    # that back, as it rolls back everything after the moment of the backup.

    restored = restored_dir / "bot.db"
    if snapshot == "command":
        result = await asyncio.to_thread(run_cli, restored, "restore", str(backup))
        assert result.returncode == 0, result.stderr
        assert not (restored_dir / "bot.db.before-restore").exists()
    else:
        shutil.copyfile(backup, restored)

    release_id = preview.release.id
    store = await Storage.open(restored)
    try:
        async with store.db.snapshot() as t:
            assert await t.fetchval("PRAGMA integrity_check") == "ok"
            assert await t.fetchall("PRAGMA foreign_key_check") == []
            assert await t.fetchval("SELECT status FROM releases WHERE id = ?", (release_id,)) == "published"
            orphans = await t.fetchval(
                "SELECT count(*) FROM deliveries d LEFT JOIN releases r ON r.id = d.release_id"
                " WHERE d.release_id IS NOT NULL AND r.id IS NULL"
            )
            statuses = dict(
                await t.fetchall(
                    "SELECT status, count(*) FROM deliveries WHERE release_id = ? AND action = 'send' GROUP BY status",
                    (release_id,),
                )
            )
            subscribed = await t.fetchval("SELECT count(*) FROM subscriptions WHERE state = 'active'")
            part_rows = await t.fetchall(
                "SELECT d.chat_id, p.position, p.status, p.message_ids FROM deliveries d"
                " JOIN delivery_parts p ON p.delivery_id = d.id WHERE d.release_id = ? AND d.action = 'send'",
                (release_id,),
            )
        parts = [p.html for p in await store.outbox.release_parts(release_id, 1)]
    finally:
        await store.close()
    assert orphans == 0
    assert subscribed == len(CHATS)
    assert statuses.get("sent", 0) + statuses.get("pending", 0) + statuses.get("in_flight", 0) == len(CHATS)
    assert statuses.get("sent", 0) > 0
    assert statuses.get("pending", 0) + statuses.get("in_flight", 0) > 0

    # Parts the snapshot records as sent really reached their chat; the others are due again.
    owed: dict[int, list[str]] = {}
    for chat_id, position, status, message_ids in part_rows:
        if status == "sent":
            received = {m.message_id for m in tg.messages_to(chat_id) if m.text == parts[position]}
            assert set(json.loads(message_ids)) <= received
        else:
            owed.setdefault(chat_id, []).append(parts[position])

    # A restore takes longer than a second: the restored bot's first messages do not meet the first bot's
    # last ones within Telegram's per-chat and overall windows.
    await asyncio.sleep(1.1)
    mark = len(tg.messages)

    def resent(server: FakeTelegram) -> Counter[tuple[int, str | None]]:
        return Counter((m.chat_id, m.text) for m in server.messages[mark:] if m.chat_id in CHATS)

    async with running_bot(settings_for(tg, restored_dir, BROADCAST_RATE=MID_BROADCAST_RATE)) as app:
        await tg.wait_for(lambda s: all(resent(s)[(c, t)] for c, ts in owed.items() for t in ts), timeout=60)
        await _wait_for_empty_outbox(runtime(app).storage)
    # Recorded copies plus the restored bot's copies: every part reaches every chat exactly once. Only a
    # part in flight at the snapshot may also have arrived from the first bot (as after a SIGKILL).
    assert resent(tg) == Counter((c, t) for c, ts in owed.items() for t in ts)
    assert sum(tg.violations.values()) == 0
    print(f"snapshot by {snapshot}: deliveries {statuses}, parts resent after the restore={sum(resent(tg).values())}")


# -- restore -------------------------------------------------------------------------------------


@pytest.mark.slow  # the CLI in its own process while the bot holds the database
async def test_restore_refuses_an_open_database_and_a_damaged_backup(tmp_path: Path) -> None:
    """Restore refuses while the database is open elsewhere and for a file that is not a backup; then it works,
    keeping the old file as bot.db.before-restore."""
    database = tmp_path / "bot.db"
    store = await Storage.open(database)
    try:
        await seed_archive(store, titles=2)
        backup_result = await asyncio.to_thread(run_cli, database, "backup", str(tmp_path / "b.db"))
        assert backup_result.returncode == 0, backup_result.stderr
        await seed_archive_more(store)
        in_use = await asyncio.to_thread(run_cli, database, "restore", str(tmp_path / "b.db"))
    finally:
        await store.close()
    assert in_use.returncode == 1
    assert "stop the bot first" in in_use.stderr
    assert await count_releases(database) == 3

    garbage = tmp_path / "notes.txt"
    garbage.write_text("این پشتیبان نیست", encoding="utf-8")
    refused = await asyncio.to_thread(run_cli, database, "restore", str(garbage))
    assert refused.returncode == 1
    assert "not an SQLite database" in refused.stderr

    done = await asyncio.to_thread(run_cli, database, "restore", str(tmp_path / "b.db"))
    assert done.returncode == 0, done.stderr
    assert await count_releases(database) == 2
    assert await count_releases(tmp_path / "bot.db.before-restore") == 3
    again = await asyncio.to_thread(run_cli, database, "restore", str(tmp_path / "b.db"))
    assert again.returncode == 1
    assert "--force" in again.stderr


async def seed_archive_more(store: Storage) -> None:
    """One more published release, written after the backup."""
    org = await store.organizations.find_by_folded_name(fold("استانداری ایلام"))
    assert org is not None
    draft = await store.releases.create_draft(NewRelease(org.id, 9, "تازه", "تازه", "تازه", "تازه", (), None, None))
    await service.publish_archived(store, draft.id, [MessagePart("text", "تازه")], utcnow())


def test_backup_cli_refuses_to_overwrite_and_reports_config_errors(
    cli_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """backup needs --force to overwrite; a missing database is a configuration error (exit code 2)."""
    assert main(["backup", "b.db"]) == 2
    assert "DATABASE_PATH" in capsys.readouterr().err
    asyncio.run(count_releases(cli_db))  # creates an empty database
    assert main(["backup", "b.db"]) == 0
    assert "integrity_check ok" in capsys.readouterr().out
    assert main(["backup", "b.db"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["backup", "b.db", "--force"]) == 0
    assert main(["export"]) == 0
    monkeypatch.setenv("DATABASE_PATH", str(cli_db.parent))  # a folder, not a file
    assert main(["import", "x.jsonl"]) == 2
    assert "DATABASE_PATH" in capsys.readouterr().err


# -- export and import -----------------------------------------------------------------------------


async def _publish_samples(database: Path) -> None:
    """The sample releases as officers publish them (their own topics and county), and one draft."""
    pipeline = ReleasePipeline(shared_normalizer(), load_topics(), load_counties())
    store = await Storage.open(database)
    try:
        await seed_topics(store)
        for sample in SAMPLES:
            org = await store.organizations.find_by_folded_name(fold(sample["org"]))
            if org is None:
                org = await store.organizations.create(sample["org"], fold(sample["org"]), None, created_by=1)
            ready = pipeline.prepare(sample["text"], org_name=org.name)
            draft = await store.releases.create_draft(
                NewRelease(
                    org.id,
                    9,
                    sample["text"],
                    ready.title,
                    ready.body,
                    ready.search_text,
                    tuple(sample["topics"]),
                    sample["county"],
                    ready.fingerprint,
                )
            )
            await service.publish(store, draft.id, [MessagePart("text", ready.title)])
        await store.releases.create_draft(NewRelease(1, 9, "پیش‌نویس", "پیش‌نویس", "متن", "متن", (), None, None))
    finally:
        await store.close()


def _exported(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.DictReader(file))
        return [{**r, "topics": [t for t in r["topics"].split(";") if t], "county": r["county"] or None} for r in rows]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("export_format", ["jsonl", "csv"])
def test_export_then_import_round_trips(
    cli_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export_format: str
) -> None:
    """Exporting the archive and importing it into an empty database keeps titles, bodies, topics and dates."""
    asyncio.run(_publish_samples(cli_db))
    first = tmp_path / f"archive.{export_format}"
    assert main(["export", "--format", export_format, "--out", str(first)]) == 0
    if export_format == "csv":
        assert first.read_bytes().startswith(b"\xef\xbb\xbf")
    exported = _exported(first)
    assert len(exported) == len(SAMPLES)  # the draft is not published
    assert {r["status"] for r in exported} == {"published"}
    assert [r["topics"] for r in exported] == [s["topics"] for s in SAMPLES]

    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "empty.db"))
    assert main(["import", str(first)]) == 1  # the organizations do not exist there yet
    assert main(["import", str(first), "--org-create"]) == 0
    second = tmp_path / f"again.{export_format}"
    assert main(["export", "--format", export_format, "--out", str(second)]) == 0
    fields = ("org", "title", "body", "topics", "county", "published_at", "raw_text")
    assert [{f: r[f] for f in fields} for r in _exported(second)] == [{f: r[f] for f in fields} for r in exported]


def test_export_all_includes_drafts_and_import_skips_them(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--all exports every status; importing that file back skips the published duplicates and the draft."""
    asyncio.run(_publish_samples(cli_db))
    out = tmp_path / "all.jsonl"
    assert main(["export", "--all", "--out", str(out)]) == 0
    assert [r["status"] for r in _exported(out)].count("draft") == 1
    capsys.readouterr()
    assert main(["import", str(out)]) == 0
    assert f"skipped {len(SAMPLES)} duplicates and 1 unpublished" in capsys.readouterr().out
    assert asyncio.run(count_releases(cli_db)) == len(SAMPLES) + 1


def test_import_with_one_malformed_line_imports_nothing_until_fixed(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One bad line stops the whole import and is named; after the fix everything loads once, with progress."""
    records = [raw_record(s, day) for day, s in enumerate(SAMPLES, start=1)]
    broken = [dict(r) for r in records]
    del broken[3]["org"]
    source = write_jsonl(tmp_path / "past.jsonl", broken)

    assert main(["import", str(source), "--org-create"]) == 1
    err = capsys.readouterr().err
    assert 'line 4: missing "org"' in err
    assert "nothing imported: 1 bad records" in err
    assert asyncio.run(count_releases(cli_db)) == 0

    write_jsonl(source, records)
    assert main(["import", str(source), "--org-create"]) == 0
    out, err = capsys.readouterr()
    assert f"imported {len(SAMPLES)}" in out
    assert f"[{'#' * 20}] {len(SAMPLES)}/{len(SAMPLES)} releases" in err
    assert f"] 0/{len(SAMPLES)} releases" in err
    assert asyncio.run(count_releases(cli_db)) == len(SAMPLES)

    assert main(["import", str(source)]) == 0
    assert f"imported 0, skipped {len(SAMPLES)} duplicates" in capsys.readouterr().out
    assert asyncio.run(count_releases(cli_db)) == len(SAMPLES)


def test_import_names_every_bad_line(cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad JSON, empty text, a bad date, an unknown topic, county or organization are each named with their line."""
    good = raw_record(SAMPLES[0], 1)
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({**good, "text": "  "}),
        json.dumps({**good, "published_at": "دیروز"}, ensure_ascii=False),
        json.dumps({**good, "topics": ["weather"]}, ensure_ascii=False),
        json.dumps({**good, "county": "tehran"}, ensure_ascii=False),
        "",
        json.dumps({"text": "خبر", "org": "سازمان ناشناخته"}, ensure_ascii=False),
    ]
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "line 1: unknown organization" in err
    assert "line 2: not valid JSON" in err
    assert 'line 3: empty "text"' in err
    assert 'line 4: bad "published_at"' in err
    assert 'line 5: unknown topic "weather"' in err
    assert 'line 6: unknown county "tehran"' in err
    assert 'line 8: unknown organization "سازمان ناشناخته"' in err
    assert "line 7" not in err


def test_import_records_end_only_at_a_newline() -> None:
    """A line separator inside a JSON string (U+2028) does not split the record, and line numbers count blank lines."""
    content = json.dumps({"text": "بند یک\u2028بند دو", "org": "x"}, ensure_ascii=False) + "\r\n\n[1]\n"
    records = list(read_records(content, csv_format=False))
    assert records[0] == (1, {"text": "بند یک\u2028بند دو", "org": "x"})
    assert records[1][0] == 3
    assert isinstance(records[1][1], RecordError)


async def test_imported_releases_are_normalized_searchable_and_not_sent(
    tg: FakeTelegram, tmp_path: Path, cli_db: Path
) -> None:
    """Imported releases are normalized, found by a search typed with Arabic letters, shown by /release,
    and sent to no subscriber."""
    store = await Storage.open(cli_db)
    try:
        for chat_id in CHATS[:5]:
            await store.subscriptions.upsert_chat(chat_id, "private")
            await store.subscriptions.subscribe(chat_id)
    finally:
        await store.close()
    source = write_jsonl(tmp_path / "past.jsonl", [raw_record(s, day) for day, s in enumerate(SAMPLES, start=1)])
    assert await asyncio.to_thread(main, ["import", str(source), "--org-create"]) == 0

    store = await Storage.open(cli_db)
    try:
        page = await store.releases.latest_published(limit=len(SAMPLES))
        for release in page.releases:
            assert not (set(release.title) | set(release.body)) & ARABIC_YEH_KAF
            assert release.author_id == 0
            assert await store.outbox.release_parts(release.id, release.version)
        found = await store.releases.search(fold("واكسيناسيون"))  # typed with Arabic kaf and yeh
        async with store.db.snapshot() as t:
            deliveries = await t.fetchval("SELECT count(*) FROM deliveries")
    finally:
        await store.close()
    assert page.total == len(SAMPLES)
    assert found.total == 1
    assert "واکسیناسیون" in found.releases[0].title
    assert deliveries == 0

    async with running_bot(settings_for(tg, tmp_path)):
        before = len(tg.messages_to(STRANGER))
        tg.send_text(STRANGER, STRANGER, f"/release {found.releases[0].id}")
        await tg.wait_for(lambda s: len(s.messages_to(STRANGER)) > before, timeout=15)
        await asyncio.sleep(0.3)
    assert found.releases[0].title in (tg.messages_to(STRANGER)[before].plain_text or "")
    assert all(not tg.messages_to(c) for c in CHATS[:5])
