"""Reports, statistics and the audit log: queries, pure computation and rendering put together.

Used by the admin commands (``bot/telegram/handlers/reports.py``) and by ``python -m bot report``; nothing
here talks to a messenger; the replies are written by ``bot/telegram/views/reports.py``. The charts are
drawn in a worker thread so the event loop keeps serving updates. The report's responsiveness section is
counted as at ``now``, which callers pass (the handler and the CLI: the clock; tests: a fixed moment).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.counts import Count, read_count
from bot.domain.digits import fa_number
from bot.domain.jalali import current_jalali_month, jalali_month_bounds, parse_jalali_month
from bot.domain.periods import Period, day_period, month_period, this_month, week_period
from bot.domain.render import cut_at_word
from bot.domain.report import MonthReport, build_report, report_csv, report_summary, summary_messages
from bot.domain.responsiveness import Responsiveness, build_responsiveness
from bot.errors import InvalidInput, WrongState
from bot.services.charts import (
    Chart,
    ChartBar,
    ResponsivenessBar,
    render_month_chart,
    render_responsiveness_chart,
)
from storage import Storage
from storage.audit import AuditEntry
from storage.reports import Overview, PeriodTotals

AUDIT_DEFAULT = 20
AUDIT_MAX = 100


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """A month's report with everything that is sent or written: the two charts, the CSV and the summary."""

    report: MonthReport
    chart: Chart  # releases per agency
    responsiveness_chart: Chart  # the agencies ranked by answers to questions within the time
    csv: bytes
    summary: str

    @property
    def png_name(self) -> str:
        """The publishing chart's file name, e.g. ``report-1405-09.png``."""
        return f"{self.report.file_stem}.png"

    @property
    def responsiveness_png_name(self) -> str:
        """The responsiveness chart's file name, e.g. ``report-1405-09-questions.png``."""
        return f"{self.report.file_stem}-questions.png"

    @property
    def summary_messages(self) -> list[str]:
        """The summary as Telegram messages (one unless it is too long)."""
        return summary_messages(self.summary)

    @property
    def csv_name(self) -> str:
        """The table's file name, e.g. ``report-1405-09.csv``."""
        return f"{self.report.file_stem}.csv"


def resolve_month(text: str | None, now: datetime, zone: ZoneInfo) -> tuple[int, int]:
    """The Jalali month a user asked for (the current one on ``zone``'s clock when none); InvalidInput if none such."""
    if text is None or not text.strip():
        return current_jalali_month(now, zone)
    year, month = parse_jalali_month(text)
    try:
        jalali_month_bounds(year, month, zone)
    except (ValueError, OverflowError):  # a year the calendar library cannot convert
        raise InvalidInput(texts.MSG_BAD_MONTH) from None
    return year, month


async def month_report(storage: Storage, year: int, month: int, zone: ZoneInfo, now: datetime) -> MonthReport:
    """The accountability report of one Jalali month (on ``zone``'s clock), questions counted as at ``now``."""
    period = month_period(year, month, zone)
    activity = await storage.reports.period_activity(period.start, period.end)
    agencies = [(org.organization_id, org.name) for org in activity.organizations]
    assignments = await storage.reports.period_assignments(period.start, period.end)
    responsiveness = build_responsiveness(agencies, assignments, now)
    totals = await _totals(storage, period)
    return build_report(year, month, activity.organizations, activity.chats_reached, responsiveness, copies=totals)


async def require_organizations(storage: Storage) -> None:
    """WrongState when no organization is registered yet: a report would be empty."""
    if not await storage.organizations.list_all():
        raise WrongState(texts.REPORT_NO_ORGS)


def responsiveness_bars(section: Responsiveness) -> list[ResponsivenessBar]:
    """The responsiveness chart's bars: the agencies that received questions, in ranking order."""
    return [
        ResponsivenessBar(
            name=row.name,
            in_time=row.answered_in_time,
            late=row.answered_late,
            declined=row.declined,
            unresolved=row.unresolved,
            waiting=row.waiting,
            percent=row.in_time_percent,
            unanswered=row.unanswered,
        )
        for row in section.ranked
    ]


async def report_files(storage: Storage, year: int, month: int, zone: ZoneInfo, now: datetime) -> ReportFiles:
    """The report with its two charts (drawn in a worker thread), its CSV and its summary."""
    report = await month_report(storage, year, month, zone, now)
    bars = [ChartBar(row.name, row.published) for row in report.rows]
    chart = await asyncio.to_thread(render_month_chart, year, month, bars)
    ranking = responsiveness_bars(report.responsiveness)
    responsiveness_chart = await asyncio.to_thread(render_responsiveness_chart, year, month, ranking)
    return ReportFiles(report, chart, responsiveness_chart, report_csv(report), report_summary(report))


@dataclass(frozen=True, slots=True)
class Statistics:
    """The ``/stats`` numbers: standing totals, the outbox backlog, and what became of the releases published
    today, in the last seven days, in the Jalali month and ever (``PeriodTotals``, one definition for all)."""

    overview: Overview
    backlog: int
    year: int
    month: int
    today: PeriodTotals
    week: PeriodTotals
    this_month: PeriodTotals
    overall: PeriodTotals


async def statistics(storage: Storage, now: datetime, zone: ZoneInfo) -> Statistics:
    """Gather the ``/stats`` numbers: today on ``zone``'s calendar, the last 7 days, the Jalali month, ever."""
    year, month, month_bounds = this_month(now, zone)
    return Statistics(
        await storage.reports.overview(),
        await storage.outbox.backlog(),
        year,
        month,
        today=await todays_totals(storage, now, zone),
        week=await _totals(storage, week_period(now)),
        this_month=await _totals(storage, month_bounds),
        overall=await storage.reports.totals(),
    )


async def todays_totals(
    storage: Storage, now: datetime, zone: ZoneInfo, organization_id: int | None = None
) -> PeriodTotals:
    """What became of the releases published today on ``zone``'s calendar (of one organization, or all)."""
    return await _totals(storage, day_period(now, zone), organization_id)


async def _totals(storage: Storage, period: Period, organization_id: int | None = None) -> PeriodTotals:
    return await storage.reports.totals(period.start, period.end, organization_id=organization_id)


def parse_audit_count(argument: str | None) -> Count:
    """How many audit entries ``/audit [N]`` asks for (default 20, 1 to 100, more is 100, clamped); InvalidInput
    for zero, a negative number or what is no number."""
    usage = texts.AUDIT_USAGE.format(max=fa_number(AUDIT_MAX), default=fa_number(AUDIT_DEFAULT))
    return read_count(argument or "", default=AUDIT_DEFAULT, maximum=AUDIT_MAX, usage=usage)


@dataclass(frozen=True, slots=True)
class AuditNames:
    """The names /audit shows beside the ids: of the people who acted, and of what they acted on."""

    people: dict[int, str]
    subjects: dict[tuple[str, str], str]  # (subject type, subject id) -> a release's title, an agency's name ...


AUDIT_TITLE_CHARS = 40  # a release's title in /audit is cut to this, between words


def _as_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


async def audit_entries(storage: Storage, count: int) -> tuple[list[AuditEntry], AuditNames]:
    """The latest ``count`` audit entries, newest first, with the names of who acted and of what on."""
    entries = await storage.audit.latest(count)
    people_ids = {e.actor_id for e in entries if e.actor_id is not None}
    people_ids |= {
        n
        for e in entries
        if e.subject_type in {"user", "officer", "admin"} and (n := _as_int(e.subject_id)) is not None
    }
    people_ids |= {
        n for e in entries if e.subject_type == "chat" and (n := _as_int(e.subject_id)) is not None and n > 0
    }
    people = await storage.people.names(people_ids)
    subjects: dict[tuple[str, str], str] = {}
    for entry in entries:
        kind, key = entry.subject_type or "", entry.subject_id or ""
        if (kind, key) in subjects:
            continue
        name = await _subject_name(storage, kind, key, people)
        if name:
            subjects[kind, key] = name
    return entries, AuditNames(people, subjects)


async def _subject_name(storage: Storage, kind: str, key: str, people: dict[int, str]) -> str | None:
    """What an audit entry acted on, by name: None when it has none (a question) or is gone."""
    number = _as_int(key)
    if kind == "topic":
        topic = await storage.topics.get(key)
        return topic.label if topic else None
    if number is None:
        return None
    if kind == "release":
        release = await storage.releases.get(number)
        return cut_at_word(release.title, AUDIT_TITLE_CHARS) if release else None
    if kind == "organization":
        org = await storage.organizations.get(number)
        return org.name if org else None
    if kind in {"user", "officer", "admin"}:
        return people.get(number)
    if kind == "chat":
        chat = await storage.subscriptions.get_chat(number)
        return (chat.title if chat else None) or people.get(number)
    return None
