"""The accountability report's responsiveness section: how each agency dealt with journalists' questions.

One known month (Azar 1405) of questions is written straight into a real database file with the
migrations applied, and the report's numbers, CSV columns, summary and chart are checked exactly, through
the service, through /report on the fake Bot API server and through ``python -m bot report``.

The data set, every question with a 48-hour time (times on Tehran's clock), the report made at Azar 20, 12:00:

- q1, A: asked Azar 1, 00:10 (just after the month began in Tehran), claimed after 30 min, answered after 5 h;
- q2, A then B: asked Azar 5, 09:00; A forwarded it after 40 h (a response, not an answer); at B from
  Azar 7, 01:00 with a fresh clock, claimed after 1 h, answered after 20 h: past the journalist's first
  48 hours, within B's;
- q3, A: asked Azar 8, 08:00, claimed after 1 h, answered after 60 h: late;
- q4, A: asked Azar 19, 18:00, claimed after 2 h, not answered: 18 h into its time, still waiting;
- q5, C: asked Azar 15, 08:00, nobody responded: expired, overdue now;
- q6, B: asked Azar 10, 10:00, declined after 3 h with a reason;
- q7, B: asked Azar 12, 14:00, answered after 90 min, then closed by the journalist;
- q8, B: asked Aban 30, 23:50, ten minutes before Azar began in Tehran, answered: not in the report.

Agency D received nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.cli import main as cli_main
from bot.domain.jalali import jalali_month_bounds
from bot.domain.report import build_report, report_summary, summary_messages
from bot.domain.responsiveness import Responsiveness, ResponsivenessRow, build_responsiveness
from bot.domain.text import fold
from bot.services.charts import ResponsivenessBar, render_responsiveness_chart
from bot.services.reports import report_files
from bot.telegram.handlers import reports as report_handlers
from fakegram import FakeTelegram
from fakegram.drivers import Admin
from storage import Storage
from storage.db import to_db
from storage.releases import NewRelease
from storage.reports import AssignmentRecord
from tests.harness import running_bot, settings_for

TEHRAN = ZoneInfo("Asia/Tehran")
SLA = timedelta(hours=48)
AZAR_START = jalali_month_bounds(1405, 9, TEHRAN)[0]  # Azar 1, 1405, 00:00 in Tehran
NOW = AZAR_START + timedelta(days=19, hours=12)  # Azar 20, 12:00
ADMIN = 1
JOURNALIST = 5001
OFFICER = 3001
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ORG_A, ORG_B, ORG_C, ORG_D = "فرمانداری آبدانان", "شرکت گاز استان ایلام", "اداره کل ورزش و جوانان", "اداره کل بهزیستی"
FORWARD_REASON = "پاسخ این پرسش با شرکت گاز است"
DECLINE_REASON = "آمار مصرف گاز صنایع محرمانه است و منتشر نمی‌شود"


def azar(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of Azar 1405 on Tehran's clock (day 0 is the last day of Aban)."""
    return AZAR_START + timedelta(days=day - 1, hours=hour, minutes=minute)


@dataclass(frozen=True)
class Turn:
    """One agency's turn with a question (a ``question_assignments`` row); durations count from ``assigned``."""

    org: int
    assigned: datetime
    first_response: timedelta | None = None
    answered: timedelta | None = None
    outcome: str | None = None
    reason: str | None = None
    ended: timedelta | None = None


@dataclass(frozen=True)
class DataSet:
    """The database file and the agencies' ids."""

    path: Path
    a: int
    b: int
    c: int
    d: int


def _at(turn: Turn, after: timedelta | None) -> str | None:
    return None if after is None else to_db(turn.assigned + after)


async def insert_question(store: Storage, number: int, status: str, *turns: Turn) -> None:
    """A question with its turns, the last one current unless it ended; written as the question desk would."""
    last = turns[-1]
    async with store.db.transaction() as tx:
        await tx.execute(
            "INSERT INTO questions (id, journalist_id, organization_id, text, status, claimed_by, asked_at, due_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                number,
                JOURNALIST,
                last.org,
                f"پرسش شماره {number} دربارهٔ کار این دستگاه",
                status,
                OFFICER if status in {"claimed", "answered", "closed"} else None,
                to_db(turns[0].assigned),
                to_db(last.assigned + SLA),
                to_db(turns[0].assigned),
            ),
        )
        for turn in turns:
            await tx.execute(
                "INSERT INTO question_assignments (question_id, organization_id, assigned_at, due_at, assign_reason,"
                " first_response_at, answered_at, answered_by, outcome, outcome_reason, ended_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    turn.org,
                    to_db(turn.assigned),
                    to_db(turn.assigned + SLA),
                    FORWARD_REASON if turn is not turns[0] else None,
                    _at(turn, turn.first_response),
                    _at(turn, turn.answered),
                    OFFICER if turn.answered is not None else None,
                    turn.outcome,
                    turn.reason,
                    _at(turn, turn.ended),
                ),
            )


async def add_org(store: Storage, name: str) -> int:
    """An organization with no officers (the report needs none)."""
    return (await store.organizations.create(name, fold(name), None, created_by=ADMIN)).id


@pytest.fixture
async def data_set(tmp_path: Path) -> DataSet:
    """The month of questions in the module docstring, in ``tmp_path/bot.db``, and one release of A's."""
    return await write_data_set(tmp_path / "bot.db")


async def write_data_set(path: Path) -> DataSet:
    """A new database at ``path`` (migrations applied) holding the data set."""
    store = await Storage.open(path)
    try:
        a, b, c, d = [await add_org(store, name) for name in (ORG_A, ORG_B, ORG_C, ORG_D)]
        hour = timedelta(hours=1)
        await insert_question(
            store, 1, "answered", Turn(a, azar(1, 0, 10), first_response=timedelta(minutes=30), answered=5 * hour)
        )
        forwarded_at = azar(5, 9) + 40 * hour  # Azar 7, 01:00
        await insert_question(
            store,
            2,
            "answered",
            Turn(a, azar(5, 9), first_response=40 * hour, outcome="forwarded", reason=FORWARD_REASON, ended=40 * hour),
            Turn(b, forwarded_at, first_response=hour, answered=20 * hour),
        )
        await insert_question(store, 3, "answered", Turn(a, azar(8, 8), first_response=hour, answered=60 * hour))
        await insert_question(store, 4, "claimed", Turn(a, azar(19, 18), first_response=2 * hour))
        await insert_question(store, 5, "expired", Turn(c, azar(15, 8)))
        await insert_question(
            store,
            6,
            "declined",
            Turn(b, azar(10, 10), first_response=3 * hour, outcome="declined", reason=DECLINE_REASON, ended=3 * hour),
        )
        ninety = timedelta(minutes=90)
        await insert_question(
            store,
            7,
            "closed",
            Turn(b, azar(12, 14), first_response=ninety, answered=ninety, outcome="closed", ended=30 * hour),
        )
        await insert_question(store, 8, "answered", Turn(b, azar(0, 23, 50), first_response=hour, answered=2 * hour))
        release = await store.releases.create_draft(NewRelease(a, 9999, "خبر", "خبر", "خبر", "خبر", (), None, None))
        await store.releases.mark_published(release.id, azar(3, 10))
        async with store.db.transaction() as tx:  # drafted 42 minutes before it was published
            await tx.execute("UPDATE releases SET created_at = ? WHERE id = ?", (to_db(azar(3, 9, 18)), release.id))
    finally:
        await store.close()
    return DataSet(path, a, b, c, d)


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a report CSV (checking its byte-order mark)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def cells(numbers: str) -> list[str]:
    """CSV cells from space-separated numbers, «-» for an empty cell."""
    return ["" if cell == "-" else cell for cell in numbers.split()]


def expected_csv(ds: DataSet) -> list[list[str]]:
    """The CSV of Azar 1405: id and name, the publishing columns, then the responsiveness ones."""
    # published, median, corrections, retractions, chats, failed, «بی‌خبر»
    silent = [*cells("0 - 0 0 0 0"), texts.REPORT_CSV_SILENT]
    # received, answered, in time, % in time, median first response, median answer, open, overdue, declined;
    # the reasons, forwarded, «بی‌پاسخ»
    return [
        [*texts.REPORT_CSV_HEADER, *texts.REPORT_Q_CSV_HEADER],
        [str(ds.a), ORG_A, *cells("1 42 0 0 0 0 -"), *cells("3 2 1 50 90 1950 1 0 0"), "", "1", ""],
        [str(ds.b), ORG_B, *silent, *cells("3 2 2 67 90 645 0 0 1"), DECLINE_REASON, "0", ""],
        [str(ds.c), ORG_C, *silent, *cells("1 0 0 0 - - 1 1 0"), "", "0", texts.REPORT_Q_UNANSWERED],
        [str(ds.d), ORG_D, *silent, *cells("0 0 0 - - - 0 0 0"), "", "0", ""],
    ]


# The summary of Azar 1405 at Azar 20, 12:00, as an admin reads it.
EXPECTED_SUMMARY = f"""📊 گزارش پاسخ‌گویی روابط عمومی دستگاه‌ها — آذر ۱۴۰۵

📰 انتشار خبر
خبرهای منتشرشده: ۱ خبر از ۱ دستگاه
دستگاه‌های بی‌خبر: ۳ از ۴ دستگاه
میانهٔ زمان پیش‌نویس تا انتشار: ۴۲ دقیقه
اصلاحیه‌ها: ۰ · پس‌گرفته‌ها: ۰
نسخه‌های تازهٔ رسیده به خبرنگاران: ۰ در ۰ گفت‌وگو · ارسال‌های ناموفق: ۰
جدا از این‌ها — ویرایش با اصلاحیه: ۰ نسخه · حذف با پس گرفتن: ۰ نسخه

بی‌خبر در این ماه: {ORG_B}، {ORG_C}، {ORG_D}

❓ پاسخ به پرسش خبرنگاران
پرسش‌های دریافتی: ۷ پرسش در ۳ دستگاه
پاسخ‌داده: ۴ · در مهلت: ۳ · با تأخیر: ۱
میانهٔ زمان تا نخستین واکنش: ۱ ساعت و ۳۰ دقیقه · تا پاسخ: ۱۲ ساعت و ۳۰ دقیقه
باز در همین لحظه: ۲ (مهلت‌گذشته: ۱)
ردشده: ۱ · ارجاع‌داده به دستگاه دیگر: ۱

بی‌پاسخ در این ماه: {ORG_C}
گذشته از مهلت در همین لحظه: {ORG_C} (۱)
دلایل رد:
• {ORG_B}: «{DECLINE_REASON}»"""


# -- the numbers -----------------------------------------------------------------------------------------


async def test_responsiveness_numbers_on_a_known_month(data_set: DataSet) -> None:
    """Every agency's counts and medians are exact: the forwarded question counts at B with B's clock, and A
    shows it forwarded; the month is Tehran's (q1, still Aban 30 in UTC, is in; q8, Aban in Tehran, is out)."""
    store = await Storage.open(data_set.path)
    try:
        files = await report_files(store, 1405, 9, TEHRAN, NOW)
    finally:
        await store.close()
    section = files.report.responsiveness
    assert section.rows == (
        ResponsivenessRow(
            data_set.b,
            ORG_B,
            received=3,
            answered=2,
            answered_in_time=2,  # q2 at Azar 7, 21:00: after its first deadline (Azar 7, 09:00), within B's
            first_response_minutes=90.0,  # 60 (q2), 180 (q6), 90 (q7)
            answer_minutes=645.0,  # 1200 (q2: from the forward, not from the question), 90 (q7)
            declined=1,
            decline_reasons=(DECLINE_REASON,),
        ),
        ResponsivenessRow(
            data_set.a,
            ORG_A,
            received=3,  # q1, q3, q4; not q2, which it forwarded
            answered=2,
            answered_in_time=1,
            first_response_minutes=90.0,  # 30 (q1), 2400 (the forward of q2), 60 (q3), 120 (q4)
            answer_minutes=1950.0,  # 300 (q1), 3600 (q3)
            open_now=1,
            forwarded=1,
        ),
        ResponsivenessRow(data_set.c, ORG_C, received=1, open_now=1, overdue_now=1),
        ResponsivenessRow(data_set.d, ORG_D),
    )
    by_org = {row.organization_id: row for row in section.rows}
    a, b, c = by_org[data_set.a], by_org[data_set.b], by_org[data_set.c]
    assert (a.waiting, a.settled, a.in_time_percent, a.answered_late, a.unanswered) == (1, 2, 50, 1, False)
    assert (b.waiting, b.settled, b.in_time_percent, b.unresolved, b.unanswered) == (0, 3, 67, 0, False)
    assert (c.settled, c.in_time_percent, c.unresolved, c.unanswered) == (1, 0, 1, True)
    assert [row.name for row in section.ranked] == [ORG_B, ORG_A, ORG_C]
    assert section.unanswered == (c,)
    assert section.overdue == (c,)
    totals = section.totals
    assert (totals.received, totals.answered, totals.answered_in_time, totals.answered_late) == (7, 4, 3, 1)
    assert (totals.open_now, totals.overdue_now, totals.declined, totals.forwarded) == (2, 1, 1, 1)
    assert (section.first_response_minutes, section.answer_minutes) == (90.0, 750.0)

    assert csv_rows(files.csv) == expected_csv(data_set)
    assert files.summary == EXPECTED_SUMMARY
    assert files.summary_messages == [EXPECTED_SUMMARY]
    assert files.responsiveness_png_name == "report-1405-09-questions.png"
    assert files.responsiveness_chart.png.startswith(PNG_SIGNATURE)
    assert files.responsiveness_chart.fits_photo


async def test_now_decides_what_is_overdue(data_set: DataSet) -> None:
    """The same month read two days later: A's claimed question is past its time too, and counts against A."""
    store = await Storage.open(data_set.path)
    try:
        files = await report_files(store, 1405, 9, TEHRAN, NOW + timedelta(days=2))
    finally:
        await store.close()
    section = files.report.responsiveness
    a = next(row for row in section.rows if row.organization_id == data_set.a)
    assert (a.open_now, a.overdue_now, a.settled, a.in_time_percent) == (1, 1, 3, 33)
    assert [row.name for row in section.overdue] == [ORG_A, ORG_C]
    assert "گذشته از مهلت در همین لحظه: " + f"{ORG_A} (۱)، {ORG_C} (۱)" in files.summary


# -- /report and python -m bot report --------------------------------------------------------------------


async def test_report_command_shows_both_sections(
    tg: FakeTelegram, data_set: DataSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/report on Azar 20 sends the publishing chart, the responsiveness chart, the CSV and both summaries."""
    monkeypatch.setattr(report_handlers, "utcnow", lambda: NOW)  # the report's clock: Azar 20, 12:00
    async with running_bot(settings_for(tg, data_set.path.parent)):
        publishing, answers, table, summary = await Admin(tg, ADMIN, timeout=20).say("/report", count=4)

    assert publishing.kind == "photo"
    assert publishing.text == texts.REPORT_CAPTION.format(month="آذر ۱۴۰۵")
    assert answers.kind == "photo"
    assert answers.text == texts.REPORT_Q_CAPTION.format(month="آذر ۱۴۰۵")
    assert answers.file_id is not None
    assert tg.file_bytes(answers.file_id).startswith(PNG_SIGNATURE)
    assert table.kind == "document"
    assert table.json["document"]["file_name"] == "report-1405-09.csv"
    assert table.file_id is not None
    assert csv_rows(tg.file_bytes(table.file_id)) == expected_csv(data_set)
    assert summary.text == EXPECTED_SUMMARY


def test_cli_report_writes_both_charts(
    data_set: DataSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot report 1405-09` writes the responsiveness chart beside the other and prints its section."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(data_set.path))
    out = tmp_path / "out"

    assert cli_main(["report", "1405-09", "--out", str(out)]) == 0

    printed = capsys.readouterr().out  # counted on the real clock: what is overdue depends on the day
    assert "❓ پاسخ به پرسش خبرنگاران\nپرسش‌های دریافتی: ۷ پرسش در ۳ دستگاه" in printed
    assert str(out / "report-1405-09-questions.png") in printed
    assert (out / "report-1405-09-questions.png").read_bytes().startswith(PNG_SIGNATURE)
    rows = csv_rows((out / "report-1405-09.csv").read_bytes())
    assert rows[0][-len(texts.REPORT_Q_CSV_HEADER) :] == list(texts.REPORT_Q_CSV_HEADER)
    assert [row[9] for row in rows[1:]] == ["3", "3", "1", "0"]  # received, whatever the clock says


# -- the pure parts ----------------------------------------------------------------------------------------


UNANSWERED_QUESTION = AssignmentRecord(1, 0, AZAR_START, AZAR_START + SLA, None, None, None, None, None, "open")


def _assignment(org: int, status: str = "open", **fields: Any) -> AssignmentRecord:
    return replace(UNANSWERED_QUESTION, organization_id=org, question_status=status, **fields)


def test_a_month_without_questions_says_so() -> None:
    """No question reached any agency: one line instead of a table of zeros, and an empty ranking."""
    section = build_responsiveness([(1, "الف")], [], NOW)
    assert not section.asked
    assert section.ranked == ()
    summary = report_summary(build_report(1405, 9, [], 0, section))
    assert summary.endswith(texts.REPORT_Q_NONE)


def test_waiting_questions_are_not_held_against_an_agency() -> None:
    """An agency whose only question still has time is neither ranked by a share nor marked «بی‌پاسخ»;
    a question reassigned within its time counts nowhere; a closed question nobody answered counts as
    unresolved."""
    agencies = [(1, "الف"), (2, "ب"), (3, "پ")]
    section = build_responsiveness(
        agencies,
        [
            _assignment(1, "claimed", assigned_at=NOW - timedelta(hours=1), due_at=NOW + timedelta(hours=47)),
            _assignment(2, "open", outcome="reassigned", ended_at=AZAR_START + timedelta(hours=20)),
            _assignment(3, "open", assigned_at=AZAR_START + timedelta(hours=50)),
            _assignment(3, "closed", outcome="closed", ended_at=AZAR_START + timedelta(hours=1)),
        ],
        NOW,
    )
    third, first, second = section.rows  # a known share (even none) before an unknown one
    assert (first.organization_id, first.waiting, first.settled, first.in_time_share, first.unanswered) == (
        1,
        1,
        0,
        None,
        False,
    )
    assert (third.organization_id, third.received, third.unresolved, third.unanswered) == (3, 2, 2, True)
    assert (second.organization_id, second.received, second.forwarded) == (2, 0, 0)
    assert [row.organization_id for row in section.ranked] == [3, 1]


def test_a_long_summary_is_split_between_lines() -> None:
    """Two hundred unanswered agencies and many declines still make messages within Telegram's limit."""
    agencies = [(i, f"اداره کل شماره {i} با نامی دراز برای آزمودن کوتاه کردن نام‌ها در فهرست") for i in range(200)]
    assignments = [_assignment(i, "expired") for i in range(150)] + [
        _assignment(i, "declined", outcome="declined", outcome_reason="دلیل " * 60, ended_at=NOW)
        for i in range(150, 200)
    ]
    report = build_report(1405, 9, [], 0, build_responsiveness(agencies, assignments, NOW))
    summary = report_summary(report)
    assert "و ۱۸۰ دستگاه دیگر" in summary  # unanswered: 20 named of 200
    assert "• و ۴۰ رد دیگر" in summary
    parts = summary_messages(summary)
    assert len(parts) > 1
    assert all(len(part.encode("utf-16-le")) // 2 <= 4096 for part in parts)
    assert "\n".join(parts).replace("\n\n", "\n") == summary.replace("\n\n", "\n")


def test_responsiveness_chart_of_many_agencies_fits_telegram() -> None:
    """A ranking of 160 agencies (an empty month too) is a PNG Telegram accepts as a photo."""
    bars = [
        ResponsivenessBar(f"اداره کل شماره {i}", i % 3, i % 2, i % 4, i % 5, i % 2, i % 100, i % 7 == 0)
        if i % 10
        else ResponsivenessBar(f"اداره کل شماره {i}", 0, 0, 0, 0, 2, None, False)  # every question still has time
        for i in range(160)
    ]
    chart = render_responsiveness_chart(1405, 9, bars)
    assert chart.png.startswith(PNG_SIGNATURE)
    assert chart.fits_photo
    empty = render_responsiveness_chart(1405, 9, [])
    assert empty.png.startswith(PNG_SIGNATURE)


def test_empty_section_has_no_rows() -> None:
    """The default section of a report built without questions is empty and asks nothing."""
    assert Responsiveness().totals.received == 0
    assert build_report(1405, 9, [], 0).responsiveness == Responsiveness()


def test_a_question_taken_away_after_its_deadline_stays_against_the_agency() -> None:
    """An admin who reassigns an overdue question does not wipe it from the agency that let it expire:
    received there and unresolved; reassigned within its time (the wrong agency), it is not counted."""
    section = build_responsiveness(
        [(1, "الف"), (2, "ب")],
        [
            _assignment(1, "open", outcome="reassigned", ended_at=AZAR_START + SLA + timedelta(hours=2)),
            _assignment(2, "open", outcome="reassigned", ended_at=AZAR_START + SLA - timedelta(hours=2)),
        ],
        NOW,
    )
    first, second = section.row(1), section.row(2)
    assert first is not None
    assert second is not None
    assert (first.received, first.answered, first.open_now, first.unresolved, first.unanswered) == (1, 0, 0, 1, True)
    assert (second.received, second.forwarded, second.settled) == (0, 0, 0)


def test_a_question_given_back_to_the_same_agency_is_counted_once_by_its_first_deadline() -> None:
    """Expired at the agency, reassigned by an admin to that same agency, answered within the fresh clock:
    one question received there (not two), answered, and late against the deadline it first had."""
    expired_at = AZAR_START + SLA + timedelta(hours=1)
    section = build_responsiveness(
        [(1, "الف")],
        [
            _assignment(1, "answered", outcome="reassigned", ended_at=expired_at),
            _assignment(
                1,
                "answered",
                assigned_at=expired_at,
                due_at=expired_at + SLA,
                first_response_at=expired_at + timedelta(hours=2),
                answered_at=expired_at + timedelta(hours=3),
                outcome="answered",
            ),
        ],
        NOW,
    )
    row = section.row(1)
    assert row is not None
    assert (row.received, row.answered, row.answered_in_time, row.answered_late, row.open_now) == (1, 1, 0, 1, 0)
    assert row.answer_minutes == (SLA + timedelta(hours=4)).total_seconds() / 60
