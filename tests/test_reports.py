"""/report, /stats and /audit through the real bot, the CLI report, and the pure report functions."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.cli import main as cli_main
from bot.domain.counts import Count
from bot.domain.digits import fa_number
from bot.domain.jalali import current_jalali_month, format_month, jalali_month_bounds
from bot.domain.report import (
    build_report,
    format_minutes,
    median_minutes,
    pack_lines,
    publishing_summary,
    report_csv,
    report_summary,
)
from bot.domain.text import fold
from bot.services.charts import ChartBar, render_month_chart, shape
from bot.services.desk import Desk
from bot.services.reports import AUDIT_DEFAULT, parse_audit_count, resolve_month
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Admin
from storage import Storage
from storage.db import to_db, utcnow
from storage.releases import NewRelease
from storage.reports import OrganizationActivity
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
TEHRAN = ZoneInfo("Asia/Tehran")
ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)
OTHER = 2002
OFFICER_A, OFFICER_B = 3001, 3002
READERS = [4000, 4001, 4002]
BLOCKED = 4003
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The responsiveness columns of an agency no question reached (tests/test_report_responsiveness.py has the rest).
NO_QUESTIONS = ["0", "0", "0", "", "", "", "0", "0", "0", "", "0", ""]
ORG_A, ORG_B, ORG_C = "فرمانداری آبدانان", "شرکت گاز استان ایلام", "اداره کل ورزش و جوانان"


async def ask(tg: FakeTelegram, user: int, text: str, *, count: int = 1) -> list[SentMessage]:
    """Send ``text`` in ``user``'s private chat and return the bot's next ``count`` messages there."""
    return await Admin(tg, user, timeout=20).say(text, count=count)


async def drained(store: Storage) -> None:
    """Wait (at most 30 s) until the outbox has nothing waiting or in flight."""
    async with asyncio.timeout(30):
        while await store.outbox.backlog():  # noqa: ASYNC110 - the condition lives in the database
            await asyncio.sleep(0.02)


async def add_org(store: Storage, name: str, officer: int | None = None) -> int:
    """An organization, with ``officer`` joined to it through an invite."""
    org = await store.organizations.create(name, fold(name), None, created_by=ADMIN)
    if officer is not None:
        await store.officers.create_invite(f"code{officer}", org.id, ADMIN, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite(f"code{officer}", officer, f"کارشناس {officer}", None)
    return org.id


async def subscribe(store: Storage, chat_id: int, chat_type: str = "private", state: str = "active") -> None:
    """A subscribed chat with no filters, left in ``state``."""
    await store.subscriptions.upsert_chat(chat_id, chat_type)
    subscription = await store.subscriptions.subscribe(chat_id)
    if state != "active":
        await store.subscriptions.set_state(subscription.id, state)


async def publish(desk: Desk, officer: int, sample: str) -> int:
    """Draft and publish a sample release through the desk; return its id."""
    preview = await desk.create_draft(officer, SAMPLES[sample]["text"])
    await desk.publish(officer, preview.release.id, confirmed=True)
    return preview.release.id


async def set_drafted_before(store: Storage, release_id: int, minutes: float) -> None:
    """Move a release's first draft to ``minutes`` before its publication."""
    release = await store.releases.get(release_id)
    assert release is not None
    assert release.published_at is not None
    async with store.db.transaction() as tx:
        await tx.execute(
            "UPDATE releases SET created_at = ? WHERE id = ?",
            (to_db(release.published_at - timedelta(minutes=minutes)), release_id),
        )


async def published_directly(store: Storage, org_id: int, when: datetime, title: str) -> int:
    """A release stored as published at ``when`` without deliveries (history from before the test)."""
    release = await store.releases.create_draft(
        NewRelease(org_id, 9999, title, title, title, fold(title), (), None, None)
    )
    await store.releases.mark_published(release.id, when)
    return release.id


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a report CSV (checking its byte-order mark)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# -- /report end to end --------------------------------------------------------------------------------


async def test_report_numbers_on_a_known_data_set(tg: FakeTelegram, tmp_path: Path) -> None:
    """Publishing, a correction, a retraction and a blocked chat add up to exact CSV rows, chart and summary."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = runtime(app).storage
        desk: Desk = runtime(app).desk
        org_a = await add_org(store, ORG_A, OFFICER_A)
        org_b = await add_org(store, ORG_B, OFFICER_B)
        org_c = await add_org(store, ORG_C)
        for chat_id in [*READERS, BLOCKED]:
            await subscribe(store, chat_id)
        tg.block(BLOCKED)
        # Org C published last month only: silent this month.
        month_start, _ = jalali_month_bounds(*current_jalali_month(utcnow(), TEHRAN), TEHRAN)
        await published_directly(store, org_c, month_start - timedelta(days=3), "خبر ماه پیش")

        a1 = await publish(desk, OFFICER_A, "r02")
        await drained(store)  # the blocked chat fails here, once, and is deactivated
        a2 = await publish(desk, OFFICER_A, "r05")
        a3 = await publish(desk, OFFICER_A, "r16")
        b1 = await publish(desk, OFFICER_B, "r08")
        b2 = await publish(desk, OFFICER_B, "r20")
        await drained(store)
        await desk.correct(OFFICER_A, a1, SAMPLES["r02"]["text"] + "\n\nاصلاح: ساعت برگزاری ۱۰ صبح است.")
        await desk.retract(OFFICER_B, b1, "تکراری")
        await drained(store)
        for release_id, minutes in ((a1, 10), (a2, 20), (a3, 90), (b1, 6), (b2, 15)):
            await set_drafted_before(store, release_id, minutes)
        audit_before = len(await store.audit.latest(100))

        photo, questions, document, summary = await ask(tg, ADMIN, "/report", count=4)

        year, month = current_jalali_month(utcnow(), TEHRAN)
        assert photo.kind == "photo"
        assert photo.text == texts.REPORT_CAPTION.format(month=format_month(year, month))
        assert photo.file_id is not None
        png = tg.file_bytes(photo.file_id)
        assert png.startswith(PNG_SIGNATURE)
        assert len(png) > 10_000
        assert questions.kind == "photo"
        assert questions.text == texts.REPORT_Q_CAPTION.format(month=format_month(year, month))
        assert document.kind == "document"
        assert document.json["document"]["file_name"] == f"report-{year:04d}-{month:02d}.csv"
        assert document.file_id is not None
        assert csv_rows(tg.file_bytes(document.file_id)) == [
            [*texts.REPORT_CSV_HEADER, *texts.REPORT_Q_CSV_HEADER],
            [str(org_a), ORG_A, "3", "20", "1", "0", "3", "1", "", *NO_QUESTIONS],
            [str(org_b), ORG_B, "2", "10.5", "0", "1", "3", "0", "", *NO_QUESTIONS],
            [str(org_c), ORG_C, "0", "", "0", "0", "0", "0", texts.REPORT_CSV_SILENT, *NO_QUESTIONS],
        ]
        assert (
            summary.text
            == texts.REPORT_SUMMARY.format(
                month=format_month(year, month),
                published="۵",
                active="۲",
                silent="۱",
                orgs="۳",
                median="۱۵ دقیقه",
                corrections="۱",
                retractions="۱",
                chats="۳",
                delivered="۱۵",
                edits="۳",
                deletions="۳",
                failed="۱",
            )
            + texts.REPORT_SILENT_LIST.format(names=ORG_C)
            + texts.REPORT_Q_NONE
        )
        assert len(await store.audit.latest(100)) == audit_before  # a report changes nothing

        # Last month: only org C published.
        previous = month_start - timedelta(days=1)
        last_year, last_month = current_jalali_month(previous, TEHRAN)
        _, _, last_document, _ = await ask(tg, ADMIN, f"/report {last_year}-{last_month:02d}", count=4)
        assert last_document.file_id is not None
        rows = csv_rows(tg.file_bytes(last_document.file_id))
        assert [row[:3] for row in rows[1:]] == [
            [str(org_c), ORG_C, "1"],
            [str(org_a), ORG_A, "0"],
            [str(org_b), ORG_B, "0"],
        ]


@pytest.mark.parametrize("argument", ["1405-13", "آذرماه", "1405/09/01", "۱۴۰۵-۰"])
async def test_report_with_a_bad_month_explains_the_format(tg: FakeTelegram, tmp_path: Path, argument: str) -> None:
    """A month that cannot be read gets the Persian format hint and no files."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await add_org(runtime(app).storage, ORG_A)
        [reply] = await ask(tg, ADMIN, f"/report {argument}")
        assert reply.text == texts.MSG_BAD_MONTH
    assert not tg.calls_to("sendPhoto")
    assert not tg.calls_to("sendDocument")


async def test_report_accepts_a_month_name_and_says_when_there_are_no_organizations(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """«آذر ۱۴۰۵» is understood; with no organizations the admin is told to add some instead of a blank chart."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [reply] = await ask(tg, ADMIN, "/report آذر ۱۴۰۵")
        assert reply.text == texts.REPORT_NO_ORGS
        await add_org(runtime(app).storage, ORG_A)
        photo, _, _, summary = await ask(tg, ADMIN, "/report آذر ۱۴۰۵", count=4)
    assert photo.text == texts.REPORT_CAPTION.format(month="آذر ۱۴۰۵")
    assert "دستگاه‌های بی‌خبر: ۱ از ۱ دستگاه" in (summary.text or "")


# -- /stats and /audit ---------------------------------------------------------------------------------


async def test_stats_on_a_known_setup(tg: FakeTelegram, tmp_path: Path) -> None:
    """Organizations, active officers, chats by type and state, releases and deliveries are counted exactly."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = runtime(app).storage
        desk: Desk = runtime(app).desk
        org_a = await add_org(store, ORG_A, OFFICER_A)
        await add_org(store, ORG_B, OFFICER_B)
        await store.officers.revoke(OFFICER_B, ADMIN)
        for chat_id in (5001, 5002, 5003):
            await subscribe(store, chat_id)
        await subscribe(store, -5004, "group", "paused")
        await subscribe(store, -1005005, "supergroup", "paused")
        await subscribe(store, -1005006, "channel", "deactivated")
        tg.block(5003)
        now = utcnow()
        await published_directly(store, org_a, now - timedelta(days=3), "سه روز پیش")
        await published_directly(store, org_a, now - timedelta(days=10), "ده روز پیش")
        await publish(desk, OFFICER_A, "r05")
        await drained(store)

        [reply] = await ask(tg, ADMIN, "/stats")

        year, month = current_jalali_month(utcnow(), TEHRAN)
        month_start, _ = jalali_month_bounds(year, month, TEHRAN)
        older = [r for r in (now - timedelta(days=3), now - timedelta(days=10)) if r >= month_start]
    lines = (reply.plain_text or "").splitlines()
    assert lines[0] == "📈 آمار خبرنامه"
    assert "دستگاه‌ها: ۲" in lines
    assert "کارشناسان فعال: ۱" in lines
    assert "خصوصی: ۲ / ۰ / ۱" in lines
    assert "گروه: ۰ / ۱ / ۰" in lines
    assert "ابرگروه: ۰ / ۱ / ۰" in lines
    assert "کانال: ۰ / ۰ / ۱" in lines
    assert f"امروز: ۱ · هفت روز گذشته: ۲ · {format_month(year, month)}: {fa_number(1 + len(older))}" in lines
    assert "پس‌گرفته از خبرهای امروز: ۰" in lines
    assert "از خبرهای امروز: ۲ · از همهٔ خبرها: ۲" in lines
    assert "ناموفق: ۱ از خبرهای امروز · ۱ از همهٔ خبرها" in lines
    assert "جدا از این‌ها — ویرایش با اصلاحیه: ۰ امروز، ۰ در کل · حذف با پس گرفتن: ۰ امروز، ۰ در کل" in lines
    assert "در صف ارسال: ۰" in lines
    assert lines[-1].startswith("سرعت ارسال فعلی: ")
    assert lines[-1].endswith(" پیام در ثانیه")


async def test_audit_lists_the_latest_entries_escaped_and_split(tg: FakeTelegram, tmp_path: Path) -> None:
    """/audit 5 shows the five newest entries, newest first, HTML-escaped; /audit 100 is split under 4096."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        for number in range(1, 101):
            await store.audit.record(ADMIN, f"test.action{number}", "release", number * 1000)
        await store.audit.record(None, "chat.<b>odd</b>", "chat", "-100&1")

        [reply] = await ask(tg, ADMIN, "/audit 5")
        lines = (reply.plain_text or "").splitlines()
        assert lines[0] == "🧾 آخرین ۵ رویداد"
        assert len(lines) == 6
        assert lines[1].endswith(" — سامانه — chat.<b>odd</b> — گفت‌وگو -۱۰۰&۱")
        # The admin who asked is named as Telegram showed them (the fake server's «کاربر»), with the id.
        assert lines[2].endswith(" — کاربر (۱) — test.action100 — خبر ۱۰۰۰۰۰")
        assert lines[5].endswith(" — کاربر (۱) — test.action97 — خبر ۹۷۰۰۰")

        [default] = await ask(tg, ADMIN, "/audit")
        assert (default.plain_text or "").splitlines()[0] == f"🧾 آخرین {fa_number(AUDIT_DEFAULT)} رویداد"

        before = len(tg.messages_to(ADMIN))
        await ask(tg, ADMIN, "/audit ۱۰۰", count=2)
        await asyncio.sleep(0.3)  # nothing more comes
        replies = tg.messages_to(ADMIN)[before:]
    assert len(replies) == 2
    assert all(len(m.plain_text or "") <= 4096 for m in replies)
    listed = sum(len((m.plain_text or "").splitlines()) for m in replies)
    assert listed == 101  # the header and 100 entries


async def test_audit_above_the_maximum_shows_the_maximum_with_a_note(tg: FakeTelegram, tmp_path: Path) -> None:
    """/audit ۵۰۰ says it shows at most a hundred, then the hundred latest entries."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        for number in range(1, 121):
            await store.audit.record(ADMIN, f"test.action{number}", "release", number)
        note, *parts = await ask(tg, ADMIN, "/audit ۵۰۰", count=3)
    assert note.text == texts.AUDIT_CLAMPED.format(max="۱۰۰")
    assert (parts[0].plain_text or "").splitlines()[0] == "🧾 آخرین ۱۰۰ رویداد"
    assert sum(len((m.plain_text or "").splitlines()) for m in parts) == 101


@pytest.mark.parametrize("argument", ["0", "abc", "-3"])
async def test_audit_with_a_bad_count_explains_the_range(tg: FakeTelegram, tmp_path: Path, argument: str) -> None:
    """A count below 1 or not a number gets the Persian usage line."""
    async with running_bot(settings_for(tg, tmp_path)):
        [reply] = await ask(tg, ADMIN, f"/audit {argument}")
    assert reply.text == texts.AUDIT_USAGE.format(max="۱۰۰", default="۲۰")


@pytest.mark.parametrize("command", ["/report", "/report 1405-09", "/stats", "/audit", "/audit 5"])
async def test_report_commands_refuse_everyone_else(tg: FakeTelegram, tmp_path: Path, command: str) -> None:
    """A user who is not an admin gets the Persian refusal, no files, and nothing is recorded."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        await add_org(store, ORG_A)
        [reply] = await ask(tg, OTHER, command)
        assert reply.text == texts.NOT_ADMIN
        assert await store.audit.latest() == []
    assert not tg.calls_to("sendPhoto")
    assert not tg.calls_to("sendDocument")


async def test_chats_reached_counts_digests_once_per_chat(tmp_path: Path) -> None:
    """A chat that got a release instantly and another in its digest counts once; a failed digest reaches nobody."""
    store = await Storage.open(tmp_path / "bot.db")
    try:
        org = await add_org(store, ORG_A)
        now = utcnow()
        first = await published_directly(store, org, now, "یکم")
        second = await published_directly(store, org, now, "دوم")
        stamp = to_db(now)
        async with store.db.transaction() as tx:
            for chat_id in (7001, 7002, 7003):
                await tx.execute(
                    "INSERT INTO chats (id, type, created_at, updated_at) VALUES (?, 'private', ?, ?)",
                    (chat_id, stamp, stamp),
                )
                await tx.execute(
                    "INSERT INTO subscriptions (id, chat_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    (chat_id, chat_id, stamp, stamp),
                )
            # 7001: the first release instantly, the second in a digest; 7002: a digest; 7003: a digest that failed.
            deliveries = [(first, 7001, "send", "sent"), (None, 7001, "digest", "sent")]
            deliveries += [(None, 7002, "digest", "sent"), (None, 7003, "digest", "failed")]
            for release_id, chat_id, action, status in deliveries:
                delivery_id = await tx.execute(
                    "INSERT INTO deliveries (release_id, subscription_id, chat_id, action, status, next_attempt_at,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (release_id, chat_id, chat_id, action, status, stamp, stamp, stamp),
                )
                if action == "digest":
                    await tx.execute(
                        "INSERT INTO digest_items (subscription_id, release_id, queued_at, delivery_id)"
                        " VALUES (?, ?, ?, ?)",
                        (chat_id, second, stamp, delivery_id),
                    )
        activity = await store.reports.period_activity(now - timedelta(hours=1), now + timedelta(hours=1))
    finally:
        await store.close()
    [row] = activity.organizations
    assert (row.published, row.chats_reached, row.failed_deliveries) == (2, 2, 0)
    assert activity.chats_reached == 2


# -- python -m bot report --------------------------------------------------------------------------------


async def _prepare_database(path: Path) -> tuple[int, int]:
    store = await Storage.open(path)
    try:
        org_a = await add_org(store, ORG_A)
        org_b = await add_org(store, ORG_B)
        when = jalali_month_bounds(1405, 9, TEHRAN)[0] + timedelta(days=2)
        release_id = await published_directly(store, org_a, when, "خبر آذر")
        async with store.db.transaction() as tx:
            await tx.execute(
                "UPDATE releases SET created_at = ? WHERE id = ?", (to_db(when - timedelta(minutes=42)), release_id)
            )
    finally:
        await store.close()
    return org_a, org_b


def test_cli_report_writes_the_chart_and_the_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot report 1405-09 --out DIR` writes a PNG and the CSV and prints the summary."""
    database = tmp_path / "bot.db"
    org_a, org_b = asyncio.run(_prepare_database(database))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(database))
    out = tmp_path / "out"

    assert cli_main(["report", "1405-09", "--out", str(out)]) == 0

    printed = capsys.readouterr().out
    assert "آذر ۱۴۰۵" in printed
    assert "خبرهای منتشرشده: ۱ خبر از ۱ دستگاه" in printed
    assert (out / "report-1405-09.png").read_bytes().startswith(PNG_SIGNATURE)
    assert csv_rows((out / "report-1405-09.csv").read_bytes())[1:] == [
        [str(org_a), ORG_A, "1", "42", "0", "0", "0", "0", "", *NO_QUESTIONS],
        [str(org_b), ORG_B, "0", "", "0", "0", "0", "0", texts.REPORT_CSV_SILENT, *NO_QUESTIONS],
    ]


def test_cli_report_refuses_a_bad_month_and_a_missing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad month exits 2 with the Persian hint; a database that does not exist exits 1 and is not created."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "missing.db"))
    assert cli_main(["report"]) == 1
    assert "پایگاه داده پیدا نشد" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()
    asyncio.run(_prepare_database(tmp_path / "bot.db"))
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "bot.db"))
    assert cli_main(["report", "1405-13"]) == 2
    assert texts.MSG_BAD_MONTH in capsys.readouterr().err


# -- the pure functions ------------------------------------------------------------------------------------


def _activity(org_id: int, published: int, minutes: tuple[float, ...] = (), **counts: int) -> OrganizationActivity:
    return OrganizationActivity(
        org_id,
        f"دستگاه {org_id}",
        published,
        tuple(timedelta(minutes=m) for m in minutes),
        **counts,
    )


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [((), None), ((10,), 10.0), ((6, 15), 10.5), ((1.5, 100, 2.25), 2.2), ((0.25,), 0.2)],
)
def test_median_minutes(minutes: tuple[float, ...], expected: float | None) -> None:
    """The median is in minutes, rounded to one decimal, and None when nothing was published."""
    assert median_minutes([timedelta(minutes=m) for m in minutes]) == expected


def test_build_report_orders_by_count_then_id_with_silent_last() -> None:
    """Rows go from most releases to none, ties by id; totals and the overall median cover every release."""
    report = build_report(
        1405,
        9,
        [_activity(1, 0), _activity(2, 2, (4, 8)), _activity(3, 0), _activity(4, 2, (30, 50)), _activity(5, 5, (1,))],
        chats_reached=7,
    )
    assert [row.organization_id for row in report.rows] == [5, 2, 4, 1, 3]
    assert [row.organization_id for row in report.silent] == [1, 3]
    assert report.published == 9
    assert report.median_minutes == 8.0
    assert report.file_stem == "report-1405-09"


def test_report_csv_is_excel_friendly() -> None:
    """BOM, CRLF line ends, the Persian header, Latin-digit numbers and an empty median for a silent organization."""
    report = build_report(
        1405,
        9,
        [
            _activity(1, 0),
            _activity(2, 3, (1, 2, 3), corrections=2, retractions=1, chats_reached=9, failed_deliveries=4),
        ],
        chats_reached=9,
    )
    data = report_csv(report)
    header = [*texts.REPORT_CSV_HEADER, *texts.REPORT_Q_CSV_HEADER]
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(header).encode() + b"\r\n")
    no_questions = ",".join(NO_QUESTIONS)
    assert data.decode("utf-8-sig").splitlines()[1:] == [
        f"2,دستگاه 2,3,2,2,1,9,4,,{no_questions}",
        f"1,دستگاه 1,0,,0,0,0,0,{texts.REPORT_CSV_SILENT},{no_questions}",
    ]


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (None, "—"),
        (0.4, "کمتر از یک دقیقه"),
        (45, "۴۵ دقیقه"),
        (60, "۱ ساعت"),
        (185, "۳ ساعت و ۵ دقیقه"),
        (2 * 1440 + 4 * 60 + 5, "۲ روز و ۴ ساعت"),
        (1440, "۱ روز"),
    ],
)
def test_format_minutes(minutes: float | None, expected: str) -> None:
    """Durations read as minutes, hours and minutes, or days and hours, in Persian digits."""
    assert format_minutes(minutes) == expected


def test_summary_names_at_most_twenty_silent_organizations() -> None:
    """With 25 silent organizations the summary names 20 and says how many more there are."""
    report = build_report(1405, 9, [_activity(i, 0) for i in range(1, 26)], chats_reached=0)
    summary = publishing_summary(report)
    assert "دستگاه‌های بی‌خبر: ۲۵ از ۲۵ دستگاه" in summary
    assert summary.endswith("دستگاه 20 و ۵ دستگاه دیگر")
    assert report_summary(report) == summary + texts.REPORT_Q_NONE
    assert "دستگاه 21" not in summary


def test_pack_lines_splits_between_lines_and_keeps_the_header_first() -> None:
    """Lines are never cut; the header opens the first message only; a line too long alone is an error."""
    assert pack_lines("H", ["aaaa", "bbbb", "cccc"], limit=10) == ["H\naaaa", "bbbb\ncccc"]
    assert pack_lines("", ["a"], limit=10) == ["a"]
    with pytest.raises(ValueError, match="single line"):
        pack_lines("H", ["x" * 11], limit=10)


@pytest.mark.parametrize(("argument", "expected"), [(None, 20), ("", 20), ("5", 5), ("۱۰۰", 100), (" 1 ", 1)])
def test_parse_audit_count(argument: str | None, expected: int) -> None:
    """The count defaults to 20 and accepts Persian digits up to 100; more is 100, clamped."""
    assert parse_audit_count(argument) == Count(expected)
    assert parse_audit_count("101") == Count(100, clamped=True)


def test_resolve_month() -> None:
    """No month means the current one on the bot's clock; names and numbers parse; month 13 is refused."""
    # 2026-03-20 21:00 UTC is already 1 Farvardin 1405 in Tehran.
    assert resolve_month(None, datetime(2026, 3, 20, 21, 0, tzinfo=UTC), TEHRAN) == (1405, 1)
    assert resolve_month(None, datetime(2026, 3, 20, 20, 0, tzinfo=UTC), TEHRAN) == (1404, 12)
    assert resolve_month("آذر ۱۴۰۵", utcnow(), TEHRAN) == (1405, 9)
    with pytest.raises(ValueError, match=texts.MSG_BAD_MONTH):
        resolve_month("1405-13", utcnow(), TEHRAN)


def test_shape_joins_letters_and_orders_right_to_left() -> None:
    """Shaped text uses joined presentation forms in visual order, with brackets mirrored and digits kept."""
    shaped = shape("گاز (سمن) ۱۴۰۵")
    assert all(not "\u0600" <= c <= "\u06ff" or c in "۰۱۲۳۴۵۶۷۸۹" for c in shaped)  # only presentation forms
    assert shaped.startswith("۱۴۰۵ ")  # the last word of the logical text is drawn leftmost
    assert "(" in shaped
    assert shaped.index("(") < shaped.index(")")


def test_chart_is_a_png_that_fits_telegram_even_for_every_agency() -> None:
    """A chart of 160 organizations is still a PNG Telegram accepts as a photo."""
    bars = [ChartBar(f"اداره کل شماره {i}", i % 7) for i in range(160)]
    chart = render_month_chart(1405, 9, bars)
    assert chart.png.startswith(PNG_SIGNATURE)
    assert chart.fits_photo
    assert chart.width > 800
