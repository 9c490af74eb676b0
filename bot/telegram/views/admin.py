"""What admins read: organizations, officers, admins, invites and the approval queue."""

from __future__ import annotations

import html
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.services.administration import Invite, OfficerEntry, OrganizationEntry
from storage.officers import Admin
from storage.organizations import Organization
from storage.releases import Release


def organizations_text(entries: Sequence[OrganizationEntry]) -> str:
    """/orgs: every organization with its id, county, officers and approval setting (HTML)."""
    if not entries:
        return texts.ORGS_EMPTY
    lines = [texts.ORGS_HEADER]
    lines += [
        texts.ORG_LINE.format(
            id=fa(e.organization.id),
            name=html.escape(e.organization.name),
            county=e.county_name or texts.PROVINCE_LEVEL,
            officers=fa(e.officers),
            approval=texts.ORG_NEEDS_APPROVAL if e.organization.requires_approval else "",
        )
        for e in entries
    ]
    return "\n".join(lines)


def invite_text(invite: Invite, bot_username: str | None, zone: ZoneInfo) -> str:
    """The invite link to hand to the officer, with its organization and expiry."""
    link = f"https://t.me/{bot_username}?start=inv_{invite.code}"
    return texts.INVITE_DONE.format(
        org=invite.organization.name, link=link, expires=format_datetime(invite.expires, zone)
    )


def officers_text(entries: Sequence[OfficerEntry]) -> str:
    """/officers: active officers first, each with id, name, username and organization (HTML)."""
    if not entries:
        return texts.OFFICERS_EMPTY
    lines = [texts.OFFICERS_HEADER]
    lines += [
        texts.OFFICER_LINE.format(
            user_id=fa(e.officer.user_id),
            name=html.escape(e.officer.full_name),
            username=f" (@{html.escape(e.officer.username)})" if e.officer.username else "",
            org=html.escape(e.organization_name),
            revoked=texts.OFFICER_REVOKED_MARK if not e.officer.active else "",
        )
        for e in entries
    ]
    return "\n".join(lines)


def admins_text(configured: Sequence[int], stored: Sequence[Admin], me: int, zone: ZoneInfo) -> str:
    """/admins: those from ADMIN_IDS, then those added through the bot, «you» marked (HTML)."""
    lines = [texts.ADMINS_HEADER]
    lines += [
        texts.ADMIN_LINE_SETTINGS.format(user_id=fa(user_id), you=texts.ADMIN_YOU if user_id == me else "")
        for user_id in configured
    ]
    lines += [
        texts.ADMIN_LINE_ADDED.format(
            user_id=fa(admin.user_id),
            when=format_datetime(admin.added_at, zone),
            by=texts.ADMIN_ADDED_BY.format(added_by=fa(admin.added_by)) if admin.added_by is not None else "",
            you=texts.ADMIN_YOU if admin.user_id == me else "",
        )
        for admin in stored
    ]
    lines += ["", texts.ADMINS_FOOTER]
    return "\n".join(lines)


def pending_text(queue: Sequence[tuple[Release, Organization | None]], zone: ZoneInfo) -> str:
    """/pending: releases waiting for approval, oldest first (HTML)."""
    if not queue:
        return texts.PENDING_EMPTY
    lines = [texts.PENDING_HEADER]
    lines += [
        texts.PENDING_LINE.format(
            id=fa(release.id),
            title=html.escape(release.title),
            org=html.escape(org.name if org else "?"),
            when=format_datetime(release.updated_at, zone),
        )
        for release, org in queue
    ]
    return "\n\n".join(lines)
