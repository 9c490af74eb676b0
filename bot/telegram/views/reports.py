"""What admins read in reply to /stats and /audit."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.digits import fa, fa_number, to_persian_digits
from bot.domain.jalali import format_month, format_short
from bot.domain.report import pack_lines
from bot.services.reports import AuditNames, Statistics
from storage.audit import AuditEntry
from storage.reports import PeriodTotals

CHAT_TYPES = ("private", "group", "supergroup", "channel")


def _rate(value: float) -> str:
    """Messages per second with one decimal, Persian digits and decimal separator."""
    return fa(round(value, 1))


def stats_text(stats: Statistics, rate: float) -> str:
    """The ``/stats`` message (HTML) from the stored totals, the outbox backlog and the sending rate."""
    overview, backlog, month_name = stats.overview, stats.backlog, format_month(stats.year, stats.month)
    today, overall = stats.today, stats.overall
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
        today=fa_number(today.published),
        week=fa_number(stats.week.published),
        month_name=month_name,
        month=fa_number(stats.this_month.published),
        retracted_today=fa_number(today.retracted),
        delivered_today=fa_number(today.delivered),
        delivered=fa_number(overall.delivered),
        failed_today=fa_number(today.failed),
        failed=fa_number(overall.failed),
        edits_today=fa_number(today.edits),
        edits=fa_number(overall.edits),
        deletions_today=fa_number(today.deletions),
        deletions=fa_number(overall.deletions),
        backlog=fa_number(backlog),
        rate=_rate(rate),
    )


def today_text(totals: PeriodTotals) -> str:
    """What became of today's releases, in one sentence (``/backup``, ``/my``)."""
    if not totals.published:
        return texts.TODAY_NONE
    return texts.TODAY_LINE.format(
        published=fa_number(totals.published),
        delivered=fa_number(totals.delivered),
        edits=fa_number(totals.edits),
        deletions=fa_number(totals.deletions),
    )


def audit_line(entry: AuditEntry, zone: ZoneInfo, names: AuditNames | None = None) -> str:
    """One audit entry as an HTML line: Jalali time, who (by name), what (in Persian), on what (by name)."""
    names = names or AuditNames({}, {})
    subject = ""
    if entry.subject_type or entry.subject_id:
        kind = texts.AUDIT_SUBJECT_NAMES.get(entry.subject_type or "", entry.subject_type or "")
        name = names.subjects.get((entry.subject_type or "", entry.subject_id or ""))
        subject = texts.AUDIT_SUBJECT.format(
            kind=html.escape(kind),
            id=html.escape(to_persian_digits(entry.subject_id or "")),
            name=texts.AUDIT_SUBJECT_NAME.format(name=html.escape(name)) if name else "",
        )
    if entry.actor_id is None:
        actor = texts.AUDIT_SYSTEM
    elif entry.actor_id in names.people:
        actor = texts.AUDIT_ACTOR.format(name=html.escape(names.people[entry.actor_id]), id=fa(entry.actor_id))
    else:
        actor = texts.AUDIT_ACTOR_UNNAMED.format(id=fa(entry.actor_id))
    described = texts.AUDIT_ACTIONS.get(entry.action)
    return texts.AUDIT_LINE.format(
        when=format_short(entry.at, zone),
        actor=actor,
        action=html.escape(described) if described else texts.AUDIT_ACTION_CODE.format(code=html.escape(entry.action)),
        subject=subject,
        details=_audit_details(entry),
    )


def _audit_details(entry: AuditEntry) -> str:
    """What the entry adds in words: a reason, an approval switched on or off, how many chats."""
    details = entry.details
    if isinstance(details.get("reason"), str) and details["reason"]:
        return texts.AUDIT_REASON.format(reason=html.escape(details["reason"]))
    if entry.action == "organization.approval" and isinstance(details.get("required"), bool):
        return texts.AUDIT_APPROVAL_ON if details["required"] else texts.AUDIT_APPROVAL_OFF
    if isinstance(details.get("deliveries"), int):
        return texts.AUDIT_DELIVERIES.format(count=fa(details["deliveries"]))
    return ""


def audit_messages(entries: list[AuditEntry], zone: ZoneInfo, names: AuditNames | None = None) -> list[str]:
    """Audit entries, newest first, as HTML messages within Telegram's limit."""
    if not entries:
        return [texts.AUDIT_EMPTY]
    header = texts.AUDIT_HEADER.format(count=fa_number(len(entries)))
    return pack_lines(header, [audit_line(entry, zone, names) for entry in entries])
