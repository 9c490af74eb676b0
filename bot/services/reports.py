"""Reports, statistics and the audit log: queries, pure computation and rendering put together.

Used by the admin commands (``bot/handlers/reports.py``) and by ``python -m bot report``; nothing here
talks to Telegram. The chart is drawn in a worker thread so the event loop keeps serving updates.
"""

from __future__ import annotations

import asyncio
import html
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import texts
from bot.config import DEFAULT_TIMEZONE, ConfigError, database_path, merged_environment
from bot.delivery.pacing import Pacer
from bot.domain.digits import fa_number, to_latin_digits, to_persian_digits
from bot.domain.jalali import current_jalali_month, format_month, format_short, jalali_month_bounds, parse_jalali_month
from bot.domain.report import MonthReport, build_report, pack_lines, report_csv, report_summary
from bot.services.charts import Chart, ChartBar, render_month_chart
from storage import Storage
from storage.audit import AuditEntry
from storage.db import utcnow
from storage.reports import Overview

AUDIT_DEFAULT = 20
AUDIT_MAX = 100
CHAT_TYPES = ("private", "group", "supergroup", "channel")
RATE_WINDOW_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """A month's report with everything that is sent or written: the chart, the CSV and the summary."""

    report: MonthReport
    chart: Chart
    csv: bytes
    summary: str

    @property
    def png_name(self) -> str:
        """The chart's file name, e.g. ``report-1405-09.png``."""
        return f"{self.report.file_stem}.png"

    @property
    def csv_name(self) -> str:
        """The table's file name, e.g. ``report-1405-09.csv``."""
        return f"{self.report.file_stem}.csv"


def resolve_month(text: str | None, now: datetime, zone: ZoneInfo) -> tuple[int, int]:
    """The Jalali month a user asked for (the current one on ``zone``'s clock when none); ValueError in Persian."""
    if text is None or not text.strip():
        return current_jalali_month(now, zone)
    year, month = parse_jalali_month(text)
    try:
        jalali_month_bounds(year, month, zone)
    except (ValueError, OverflowError):  # a year the calendar library cannot convert
        raise ValueError(texts.MSG_BAD_MONTH) from None
    return year, month


async def month_report(storage: Storage, year: int, month: int, zone: ZoneInfo) -> MonthReport:
    """The accountability report of one Jalali month (on ``zone``'s clock)."""
    start, end = jalali_month_bounds(year, month, zone)
    activity = await storage.reports.period_activity(start, end)
    return build_report(year, month, activity.organizations, activity.chats_reached)


async def report_files(storage: Storage, year: int, month: int, zone: ZoneInfo) -> ReportFiles:
    """The report with its chart (drawn in a worker thread), its CSV and its summary."""
    report = await month_report(storage, year, month, zone)
    bars = [ChartBar(row.name, row.published) for row in report.rows]
    chart = await asyncio.to_thread(render_month_chart, year, month, bars)
    return ReportFiles(report, chart, report_csv(report), report_summary(report))


def _rate(value: float) -> str:
    """Messages per second with one decimal, Persian digits and decimal separator."""
    return to_persian_digits(f"{value:.1f}").replace(".", "٫")


def stats_text(overview: Overview, backlog: int, rate: float, month_name: str) -> str:
    """The ``/stats`` message (HTML) from the stored totals, the outbox backlog and the sending rate."""
    chats = [
        texts.STATS_CHAT_LINE.format(
            kind=texts.CHAT_TYPE_NAMES[kind],
            active=fa_number(overview.chats.get((kind, "active"), 0)),
            paused=fa_number(overview.chats.get((kind, "paused"), 0)),
            deactivated=fa_number(overview.chats.get((kind, "deactivated"), 0)),
        )
        for kind in CHAT_TYPES
    ]
    return texts.STATS_TEXT.format(
        orgs=fa_number(overview.organizations),
        officers=fa_number(overview.active_officers),
        chats="\n".join(chats),
        today=fa_number(overview.published_today),
        week=fa_number(overview.published_week),
        month_name=month_name,
        month=fa_number(overview.published_month),
        sent=fa_number(overview.sent),
        sent_today=fa_number(overview.sent_today),
        failed=fa_number(overview.failed),
        failed_today=fa_number(overview.failed_today),
        backlog=fa_number(backlog),
        rate=_rate(rate),
    )


async def stats_message(storage: Storage, pacer: Pacer, now: datetime, zone: ZoneInfo) -> str:
    """Gather the ``/stats`` numbers: "today" from local midnight, "week" the last 7 days, "month" the Jalali month."""
    local = now.astimezone(zone)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    year, month = current_jalali_month(now, zone)
    month_start, _ = jalali_month_bounds(year, month, zone)
    overview = await storage.reports.overview(
        day_start=day_start, week_start=now - timedelta(days=7), month_start=month_start
    )
    backlog = await storage.outbox.backlog()
    rate = pacer.current_rate(time.monotonic(), RATE_WINDOW_SECONDS)  # the dispatcher's clock
    return stats_text(overview, backlog, rate, format_month(year, month))


def parse_audit_count(argument: str | None) -> int:
    """How many audit entries ``/audit [N]`` asks for (default 20, 1 to 100); ValueError in Persian otherwise."""
    usage = texts.AUDIT_USAGE.format(max=fa_number(AUDIT_MAX), default=fa_number(AUDIT_DEFAULT))
    if argument is None or not argument.strip():
        return AUDIT_DEFAULT
    cleaned = to_latin_digits(argument.strip())
    if not cleaned.isdecimal() or not 1 <= int(cleaned) <= AUDIT_MAX:
        raise ValueError(usage)
    return int(cleaned)


def audit_line(entry: AuditEntry, zone: ZoneInfo) -> str:
    """One audit entry as an HTML line: Jalali time, actor, action and subject."""
    subject = ""
    if entry.subject_type or entry.subject_id:
        kind = texts.AUDIT_SUBJECT_NAMES.get(entry.subject_type or "", entry.subject_type or "")
        subject = texts.AUDIT_SUBJECT.format(
            kind=html.escape(kind), id=html.escape(to_persian_digits(entry.subject_id or ""))
        )
    return texts.AUDIT_LINE.format(
        when=format_short(entry.at, zone),
        actor=texts.AUDIT_SYSTEM if entry.actor_id is None else to_persian_digits(str(entry.actor_id)),
        action=html.escape(entry.action),
        subject=subject,
    )


async def audit_messages(storage: Storage, count: int, zone: ZoneInfo) -> list[str]:
    """The latest ``count`` audit entries, newest first, as HTML messages within Telegram's limit."""
    entries = await storage.audit.latest(count)
    if not entries:
        return [texts.AUDIT_EMPTY]
    header = texts.AUDIT_HEADER.format(count=fa_number(len(entries)))
    return pack_lines(header, [audit_line(entry, zone) for entry in entries])


# -- python -m bot report ----------------------------------------------------------------------------


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"BOT_TIMEZONE نامعتبر است: «{name}» (BOT_TIMEZONE is unknown).") from None


async def _report_from(path: Path, year: int, month: int, zone: ZoneInfo) -> ReportFiles:
    # A reader: the schema is the running bot's to migrate.
    storage = await Storage.open(path, migrate=False)
    try:
        return await report_files(storage, year, month, zone)
    finally:
        await storage.close()


def cli_report(month_text: str | None, out_dir: Path) -> int:
    """``python -m bot report [MONTH] [--out DIR]``: write the chart and the CSV, print the summary."""
    env = merged_environment()
    path = database_path(env)
    zone = _zone(env.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE)
    if not path.is_file():
        print(texts.CLI_DATABASE_MISSING.format(path=path), file=sys.stderr)
        return 1
    try:
        year, month = resolve_month(month_text, utcnow(), zone)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    files = asyncio.run(_report_from(path, year, month, zone))
    out_dir.mkdir(parents=True, exist_ok=True)
    png, csv = out_dir / files.png_name, out_dir / files.csv_name
    png.write_bytes(files.chart.png)
    csv.write_bytes(files.csv)
    print(files.summary)
    print()
    print(texts.CLI_REPORT_WRITTEN.format(png=png, csv=csv))
    return 0
