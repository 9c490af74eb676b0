"""The accountability report as pure data: ordering, medians, the silent organizations, the CSV and the summary.

Every column describes the releases an organization published in the month (by publication time,
in the bot's timezone), as they stand when the report is made:

- ``published``: how many it published (later retractions included: they were published);
- median minutes from a release's first draft to its publication (approval and scheduling waits
  included, because that is what the public waited); empty when nothing was published;
- ``corrections``: corrected versions of those releases; ``retractions``: how many were retracted;
- ``chats reached``: distinct chats that received at least one of them, instantly or in a digest;
- ``failed deliveries``: instant deliveries of them that failed for good (a blocked bot, a removed chat).

The summary also counts the copies of the month's releases (``storage.reports.PeriodTotals``, the definition
``/stats``, ``/backup`` and ``/my`` use too): new copies delivered, and apart from them the copies a
correction edited and a retraction deleted.

The CSV is UTF-8 with a byte-order mark, so Excel opens the Persian text correctly. Its header row is
Persian (``texts.REPORT_CSV_HEADER``), because the provincial PR council reads it; the numbers are Latin
digits and the median has a decimal point, so spreadsheets compute with them. Column order: id, name,
published, median minutes, corrections, retractions, chats reached, failed deliveries, status (the
word «بی‌خبر» for an organization that published nothing, otherwise empty), then the responsiveness
columns (``texts.REPORT_Q_CSV_HEADER``, counted by ``bot/domain/responsiveness.py``): received, answered,
answered within the time, that as a percentage of the settled questions, median minutes to the first
response and to the answer, open and overdue at the time of the report, declined, the reasons of the
declines, forwarded away, and the word «بی‌پاسخ» for an agency with settled questions and no answer. Rows
follow the publishing chart: most releases first, ties by id, silent organizations last.

The summary has both sections: publishing, then the answers to journalists' questions, with the agencies
marked «بی‌پاسخ», those with questions past their time now, and the reasons of the declines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from bot import texts
from bot.domain.digits import fa_number
from bot.domain.jalali import format_month
from bot.domain.medians import median_minutes
from bot.domain.render import TEXT_LIMIT, shorten, utf16_length
from bot.domain.responsiveness import Responsiveness, ResponsivenessRow

# How many silent organizations the summary names before it says «and N more», each cut to this many units.
SILENT_NAMES_SHOWN = 20
SILENT_NAME_UNITS = 60
# How many declines the summary quotes, each reason cut to this many units.
DECLINES_SHOWN = 10
REASON_UNITS = 120
FILE_STEM = "report-{year:04d}-{month:02d}"


class Activity(Protocol):
    """What the storage layer knows of one organization's month (``storage.reports.OrganizationActivity``)."""

    @property
    def organization_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def published(self) -> int: ...
    @property
    def draft_to_publication(self) -> Sequence[timedelta]: ...
    @property
    def corrections(self) -> int: ...
    @property
    def retractions(self) -> int: ...
    @property
    def chats_reached(self) -> int: ...
    @property
    def failed_deliveries(self) -> int: ...


class Copies(Protocol):
    """What became of the copies of a period's releases (``storage.reports.PeriodTotals``): new copies
    delivered, and the edits and deletions that corrections and retractions made of them, counted apart."""

    @property
    def delivered(self) -> int: ...
    @property
    def edits(self) -> int: ...
    @property
    def deletions(self) -> int: ...


@dataclass(frozen=True, slots=True)
class NoCopies:
    """A month of which no copy is known."""

    delivered: int = 0
    edits: int = 0
    deletions: int = 0


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One organization's line of the report."""

    organization_id: int
    name: str
    published: int
    median_minutes: float | None
    corrections: int
    retractions: int
    chats_reached: int
    failed_deliveries: int

    @property
    def silent(self) -> bool:
        """Nothing published this month."""
        return self.published == 0


@dataclass(frozen=True, slots=True)
class MonthReport:
    """The report of one Jalali month."""

    year: int
    month: int
    rows: tuple[ReportRow, ...]
    chats_reached: int  # distinct chats over all organizations
    median_minutes: float | None  # over every release of the month
    responsiveness: Responsiveness = field(default_factory=Responsiveness)  # the answers to journalists' questions
    copies: Copies = field(default_factory=NoCopies)  # new copies delivered, edits and deletions, all agencies

    @property
    def silent(self) -> tuple[ReportRow, ...]:
        """The organizations that published nothing, in row order."""
        return tuple(row for row in self.rows if row.silent)

    @property
    def published(self) -> int:
        """Releases published in the month, all organizations together."""
        return sum(row.published for row in self.rows)

    @property
    def file_stem(self) -> str:
        """File name without extension, e.g. ``report-1405-09``."""
        return FILE_STEM.format(year=self.year, month=self.month)


def build_report(
    year: int,
    month: int,
    activity: Sequence[Activity],
    chats_reached: int,
    responsiveness: Responsiveness | None = None,
    *,
    copies: Copies | None = None,
) -> MonthReport:
    """Order the organizations (most releases first, ties by id; silent ones thus last) and compute medians."""
    rows = [
        ReportRow(
            organization_id=a.organization_id,
            name=a.name,
            published=a.published,
            median_minutes=median_minutes(a.draft_to_publication),
            corrections=a.corrections,
            retractions=a.retractions,
            chats_reached=a.chats_reached,
            failed_deliveries=a.failed_deliveries,
        )
        for a in activity
    ]
    rows.sort(key=lambda row: (-row.published, row.organization_id))
    every_delay = [d for a in activity for d in a.draft_to_publication]
    return MonthReport(
        year,
        month,
        tuple(rows),
        chats_reached,
        median_minutes(every_delay),
        responsiveness or Responsiveness(),
        copies or NoCopies(),
    )


def _minutes_cell(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _responsiveness_cells(row: ResponsivenessRow) -> list[object]:
    percent = row.in_time_percent
    return [
        row.received,
        row.answered,
        row.answered_in_time,
        "" if percent is None else percent,
        _minutes_cell(row.first_response_minutes),
        _minutes_cell(row.answer_minutes),
        row.open_now,
        row.overdue_now,
        row.declined,
        texts.REPORT_Q_REASON_JOIN.join(row.decline_reasons),
        row.forwarded,
        texts.REPORT_Q_UNANSWERED if row.unanswered else "",
    ]


def report_csv(report: MonthReport) -> bytes:
    """The report as CSV bytes: UTF-8 with BOM, CRLF line ends, the Persian header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*texts.REPORT_CSV_HEADER, *texts.REPORT_Q_CSV_HEADER])
    answers = {row.organization_id: row for row in report.responsiveness.rows}
    for row in report.rows:
        questions = answers.get(row.organization_id) or ResponsivenessRow(row.organization_id, row.name)
        writer.writerow(
            [
                row.organization_id,
                row.name,
                row.published,
                _minutes_cell(row.median_minutes),
                row.corrections,
                row.retractions,
                row.chats_reached,
                row.failed_deliveries,
                texts.REPORT_CSV_SILENT if row.silent else "",
                *_responsiveness_cells(questions),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def format_minutes(minutes: float | None) -> str:
    """A duration for prose: «۴۵ دقیقه», «۳ ساعت و ۵ دقیقه», «۲ روز و ۴ ساعت», «کمتر از یک دقیقه»; «—» for none."""
    if minutes is None:
        return texts.REPORT_NO_MEDIAN
    total = round(minutes)
    days, rest = divmod(total, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        pieces = [texts.REPORT_DAYS.format(days=fa_number(days))]
        if hours:
            pieces.append(texts.REPORT_HOURS.format(hours=fa_number(hours)))
    elif hours:
        pieces = [texts.REPORT_HOURS.format(hours=fa_number(hours))]
        if mins:
            pieces.append(texts.REPORT_MINUTES.format(minutes=fa_number(mins)))
    elif mins:
        pieces = [texts.REPORT_MINUTES.format(minutes=fa_number(mins))]
    else:
        return texts.REPORT_UNDER_A_MINUTE
    return texts.REPORT_DURATION_JOIN.join(pieces)


def _listed(items: Sequence[str]) -> str:
    """At most ``SILENT_NAMES_SHOWN`` items, joined, and how many more there are."""
    text = texts.LIST_SEPARATOR.join(items[:SILENT_NAMES_SHOWN])
    if len(items) > SILENT_NAMES_SHOWN:
        text += texts.REPORT_SILENT_MORE.format(count=fa_number(len(items) - SILENT_NAMES_SHOWN))
    return text


def responsiveness_summary(section: Responsiveness) -> str:
    """The summary's second section: the answers to journalists' questions (it starts with a blank line)."""
    if not section.asked:
        return texts.REPORT_Q_NONE
    totals = section.totals
    text = texts.REPORT_Q_SUMMARY.format(
        received=fa_number(totals.received),
        asked=fa_number(len(section.ranked)),
        answered=fa_number(totals.answered),
        in_time=fa_number(totals.answered_in_time),
        late=fa_number(totals.answered_late),
        first_response=format_minutes(totals.first_response_minutes),
        answer=format_minutes(totals.answer_minutes),
        open=fa_number(totals.open_now),
        overdue=fa_number(totals.overdue_now),
        declined=fa_number(totals.declined),
        forwarded=fa_number(totals.forwarded),
    )
    if section.unanswered:
        names = [shorten(row.name, SILENT_NAME_UNITS) for row in section.unanswered]
        text += texts.REPORT_Q_UNANSWERED_LIST.format(names=_listed(names))
    if section.overdue:
        items = [
            texts.REPORT_Q_OVERDUE_ITEM.format(
                name=shorten(row.name, SILENT_NAME_UNITS), count=fa_number(row.overdue_now)
            )
            for row in section.overdue
        ]
        text += texts.REPORT_Q_OVERDUE_LIST.format(items=_listed(items))
    declines = [(row.name, reason) for row in section.rows for reason in row.decline_reasons]
    if declines:
        text += texts.REPORT_Q_DECLINES
        for name, reason in declines[:DECLINES_SHOWN]:
            text += texts.REPORT_Q_DECLINE_LINE.format(
                name=shorten(name, SILENT_NAME_UNITS), reason=shorten(reason, REASON_UNITS)
            )
        if len(declines) > DECLINES_SHOWN:
            text += texts.REPORT_Q_DECLINE_MORE.format(count=fa_number(len(declines) - DECLINES_SHOWN))
    return text


def summary_messages(summary: str, limit: int = TEXT_LIMIT) -> list[str]:
    """A summary as Telegram messages: one when it fits, otherwise split between lines."""
    return pack_lines("", summary.split("\n"), limit)


def report_summary(report: MonthReport) -> str:
    """The plain-text summary sent with the charts and the CSV: publishing, then the answers to questions."""
    return publishing_summary(report) + responsiveness_summary(report.responsiveness)


def publishing_summary(report: MonthReport) -> str:
    """The summary's first section: the releases published."""
    silent = report.silent
    text = texts.REPORT_SUMMARY.format(
        month=format_month(report.year, report.month),
        published=fa_number(report.published),
        active=fa_number(len(report.rows) - len(silent)),
        silent=fa_number(len(silent)),
        orgs=fa_number(len(report.rows)),
        median=format_minutes(report.median_minutes),
        corrections=fa_number(sum(r.corrections for r in report.rows)),
        retractions=fa_number(sum(r.retractions for r in report.rows)),
        chats=fa_number(report.chats_reached),
        delivered=fa_number(report.copies.delivered),
        edits=fa_number(report.copies.edits),
        deletions=fa_number(report.copies.deletions),
        failed=fa_number(sum(r.failed_deliveries for r in report.rows)),
    )
    if silent:
        text += texts.REPORT_SILENT_LIST.format(names=_listed([shorten(row.name, SILENT_NAME_UNITS) for row in silent]))
    return text


def pack_lines(header: str, lines: Sequence[str], limit: int = TEXT_LIMIT) -> list[str]:
    """Join ``header`` and ``lines`` into as few messages as fit ``limit`` UTF-16 units, never splitting a line.

    The header opens the first message only. A line longer than ``limit`` on its own is a caller's bug.
    """
    messages: list[str] = []
    current = header
    for line in lines:
        if utf16_length(line) > limit:
            raise ValueError("a single line exceeds the message limit")
        candidate = f"{current}\n{line}" if current else line
        if utf16_length(candidate) <= limit:
            current = candidate
            continue
        messages.append(current)
        current = line
    if current:
        messages.append(current)
    return messages
