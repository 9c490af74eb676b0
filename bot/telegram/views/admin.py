"""What admins read: organizations, officers, admins, invites, the approval queue and its notices' buttons."""

from __future__ import annotations

import html
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.services.administration import Invite, OfficerEntry, OrganizationEntry
from bot.telegram.callbacks import Decision
from storage.officers import Admin


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


def pending_header(shown: int, total: int) -> str:
    """/pending: how many releases wait, above their notices (HTML); the note to come back when some are left."""
    if not total:
        return texts.PENDING_EMPTY
    if shown >= total:
        return texts.PENDING_HEADER.format(count=fa(total))
    return texts.PENDING_HEADER_SOME.format(count=fa(total), shown=fa(shown)) + "\n" + texts.PENDING_MORE


def decision_keyboard(release_id: int) -> InlineKeyboardMarkup:
    """The buttons of an approval notice: read it in full, approve and publish, reject (a reason is asked)."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(texts.BUTTON_SEE_FULL, callback_data=Decision("see", release_id).pack())],
            [
                InlineKeyboardButton(texts.BUTTON_APPROVE, callback_data=Decision("apr", release_id).pack()),
                InlineKeyboardButton(texts.BUTTON_REJECT, callback_data=Decision("rej", release_id).pack()),
            ],
        ]
    )
