"""Admin commands of the provincial PR office: organizations, invites and officers (DESIGN §4)."""

from __future__ import annotations

import html
import logging
import secrets
import sqlite3
from datetime import timedelta

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError

from bot import texts
from bot.domain.digits import to_latin_digits, to_persian_digits
from bot.domain.jalali import format_datetime
from bot.domain.text import fold
from bot.services.core import Core
from bot.telegram import menus as commands
from bot.telegram.context import WireContext
from storage.db import utcnow

log = logging.getLogger(__name__)

INVITE_LIFETIME = timedelta(days=7)
ORG_NAME_MAX_CHARS = 200


async def is_admin(services: Core, user_id: int) -> bool:
    """Admins are the users in ADMIN_IDS and those added through the bot."""
    return user_id in services.settings.admin_ids or await services.storage.officers.is_admin(user_id)


async def admin_services(update: Update, context: WireContext) -> Core | None:
    """The services when the sender is an admin in a private chat; otherwise reply why not."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return None
    services = context.runtime.core
    if not await is_admin(services, user.id):
        await message.reply_text(texts.NOT_ADMIN)
        return None
    if chat.type != chat.PRIVATE:
        await message.reply_text(texts.PRIVATE_ONLY)
        return None
    return services


def parse_id(value: str) -> int | None:
    """A numeric id typed with Latin or Persian digits, or None."""
    cleaned = to_latin_digits(value.strip())
    return int(cleaned) if cleaned.lstrip("-").isdigit() else None


def _argument_text(update: Update) -> str:
    text = update.effective_message.text if update.effective_message and update.effective_message.text else ""
    return text.partition(" ")[2].strip()


def fa(value: int) -> str:
    """An id in Persian digits, as users read it."""
    return to_persian_digits(str(value))


async def add_org(update: Update, context: WireContext) -> None:
    """/addorg NAME [| county-slug]: register a government agency."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    message = update.effective_message
    name, _, county_slug = (part.strip() for part in _argument_text(update).partition("|"))
    name = " ".join(name.split())
    if not name:
        await message.reply_text(texts.ADDORG_USAGE)
        return
    if len(name) > ORG_NAME_MAX_CHARS:
        await message.reply_text(texts.ADDORG_TOO_LONG.format(limit=fa(ORG_NAME_MAX_CHARS)))
        return
    counties = {c.slug: c for c in services.pipeline.counties}
    county = counties.get(county_slug.lower()) if county_slug else None
    if county_slug and county is None:
        await message.reply_text(
            texts.ADDORG_UNKNOWN_COUNTY.format(slug=county_slug, slugs=", ".join(sorted(counties)))
        )
        return
    existing = await services.storage.organizations.find_by_folded_name(fold(name))
    if existing is not None:
        await message.reply_text(texts.ADDORG_EXISTS.format(name=existing.name, id=fa(existing.id)))
        return
    try:
        async with services.storage.db.transaction() as tx:
            org = await services.storage.organizations.create(
                name, fold(name), county.slug if county else None, created_by=update.effective_user.id, tx=tx
            )
            await services.storage.audit.record(
                update.effective_user.id, "organization.create", "organization", org.id, {"name": name}, tx=tx
            )
    except sqlite3.IntegrityError:  # added at the same moment by another admin
        await message.reply_text(texts.ADDORG_EXISTS.format(name=name, id="؟"))
        return
    place = county.name if county else texts.PROVINCE_LEVEL
    await message.reply_text(texts.ADDORG_DONE.format(name=org.name, id=fa(org.id), county=place))


async def list_orgs(update: Update, context: WireContext) -> None:
    """/orgs: every organization with its county, officers and approval setting."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None:
        return
    orgs = await services.storage.organizations.list_all()
    if not orgs:
        await update.effective_message.reply_text(texts.ORGS_EMPTY)
        return
    officers = await services.storage.officers.count_by_organization()
    county_names = {c.slug: c.name for c in services.pipeline.counties}
    lines = [texts.ORGS_HEADER]
    for org in orgs:
        lines.append(
            texts.ORG_LINE.format(
                id=fa(org.id),
                name=html.escape(org.name),
                county=county_names.get(org.county or "", texts.PROVINCE_LEVEL),
                officers=fa(officers.get(org.id, 0)),
                approval=texts.ORG_NEEDS_APPROVAL if org.requires_approval else "",
            )
        )
    await update.effective_message.reply_html("\n".join(lines))


async def invite(update: Update, context: WireContext) -> None:
    """/invite ORG_ID: a one-time link that makes whoever opens it an officer of that organization."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    message = update.effective_message
    org_id = parse_id(_argument_text(update)) if _argument_text(update) else None
    if org_id is None:
        await message.reply_text(texts.INVITE_USAGE)
        return
    org = await services.storage.organizations.get(org_id)
    if org is None:
        await message.reply_text(texts.UNKNOWN_ORG.format(id=fa(org_id)))
        return
    code = secrets.token_urlsafe(12)
    expires = utcnow() + INVITE_LIFETIME
    async with services.storage.db.transaction() as tx:
        await services.storage.officers.create_invite(code, org.id, update.effective_user.id, expires, tx=tx)
        await services.storage.audit.record(
            update.effective_user.id, "invite.create", "organization", org.id, {"expires": expires.isoformat()}, tx=tx
        )
    link = f"https://t.me/{context.bot.username}?start=inv_{code}"
    await message.reply_text(
        texts.INVITE_DONE.format(org=org.name, link=link, expires=format_datetime(expires, services.settings.timezone)),
        link_preview_options=None,
    )


async def list_officers(update: Update, context: WireContext) -> None:
    """/officers [ORG_ID]: the officers, active first."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None:
        return
    argument = _argument_text(update)
    org_id = parse_id(argument) if argument else None
    if argument and org_id is None:
        await update.effective_message.reply_text(texts.OFFICERS_USAGE)
        return
    if org_id is not None and await services.storage.organizations.get(org_id) is None:
        await update.effective_message.reply_text(texts.UNKNOWN_ORG.format(id=fa(org_id)))
        return
    officers = await services.storage.officers.list(org_id)
    if not officers:
        await update.effective_message.reply_text(texts.OFFICERS_EMPTY)
        return
    names = {o.id: o.name for o in await services.storage.organizations.list_all()}
    lines = [texts.OFFICERS_HEADER]
    for officer in officers:
        lines.append(
            texts.OFFICER_LINE.format(
                user_id=fa(officer.user_id),
                name=html.escape(officer.full_name),
                username=f" (@{html.escape(officer.username)})" if officer.username else "",
                org=html.escape(names.get(officer.organization_id, "?")),
                revoked=texts.OFFICER_REVOKED_MARK if not officer.active else "",
            )
        )
    await update.effective_message.reply_html("\n".join(lines))


async def revoke(update: Update, context: WireContext) -> None:
    """/revoke USER_ID: remove an officer's publishing at once, and tell them."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    message = update.effective_message
    argument = _argument_text(update)
    user_id = parse_id(argument) if argument else None
    if user_id is None:
        await message.reply_text(texts.REVOKE_USAGE)
        return
    officer = await services.storage.officers.get(user_id)
    async with services.storage.db.transaction() as tx:
        revoked = await services.storage.officers.revoke(user_id, update.effective_user.id, tx=tx)
        if revoked:
            await services.storage.audit.record(update.effective_user.id, "officer.revoke", "officer", user_id, tx=tx)
    if not revoked or officer is None:
        await message.reply_text(texts.REVOKE_NONE.format(user_id=fa(user_id)))
        return
    org = await services.storage.organizations.get(officer.organization_id)
    org_name = org.name if org else "?"
    await message.reply_text(texts.REVOKE_DONE.format(name=officer.full_name, user_id=fa(user_id), org=org_name))
    try:
        await context.bot.send_message(user_id, texts.REVOKED_NOTICE.format(org=org_name))
    except TelegramError as error:  # the officer may have blocked the bot; the revocation stands
        log.info("could not tell revoked officer user_id=%d: %s", user_id, error.message)
    await commands.refresh_user_menu(context.bot, services.storage, services.settings, user_id)


DECISION_PATTERN = r"^(apr|rej):\d+$"


async def remove_buttons(query: CallbackQuery) -> None:
    """Take the buttons off a message; a second press (buttons already gone) is not an error."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


async def approval(update: Update, context: WireContext) -> None:
    """/approval ORG_ID on|off: whether an organization's releases wait for an admin's approval."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    args = context.args or []
    org_id = parse_id(args[0]) if args else None
    if org_id is None or len(args) != 2 or args[1].lower() not in {"on", "off"}:
        await update.effective_message.reply_text(texts.APPROVAL_USAGE)
        return
    required = args[1].lower() == "on"
    org = await services.storage.organizations.get(org_id)
    if org is None:
        await update.effective_message.reply_text(texts.UNKNOWN_ORG.format(id=fa(org_id)))
        return
    async with services.storage.db.transaction() as tx:
        await services.storage.organizations.set_approval(org.id, required, tx=tx)
        await services.storage.audit.record(
            update.effective_user.id, "organization.approval", "organization", org.id, {"required": required}, tx=tx
        )
    await update.effective_message.reply_text(
        (texts.APPROVAL_ON if required else texts.APPROVAL_OFF).format(org=org.name)
    )


async def pending(update: Update, context: WireContext) -> None:
    """/pending: releases waiting for approval, oldest first."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None:
        return
    queue = await context.runtime.desk.pending()
    if not queue:
        await update.effective_message.reply_text(texts.PENDING_EMPTY)
        return
    lines = [texts.PENDING_HEADER]
    for release, org in queue:
        when = format_datetime(release.updated_at, services.settings.timezone)
        lines.append(
            texts.PENDING_LINE.format(
                id=fa(release.id),
                title=html.escape(release.title),
                org=html.escape(org.name if org else "?"),
                when=when,
            )
        )
    await update.effective_message.reply_html("\n\n".join(lines))


async def approve(update: Update, context: WireContext) -> None:
    """/approve RELEASE_ID: publish a release from the queue."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    release_id = parse_id(context.args[0]) if context.args else None
    if release_id is None:
        await update.effective_message.reply_text(texts.APPROVE_USAGE)
        return
    await _approve(update.effective_message, context, update.effective_user.id, release_id)


async def _approve(message: Message, context: WireContext, admin_id: int, release_id: int) -> None:
    enqueued = await context.runtime.desk.approve(admin_id, release_id)
    await message.reply_text(texts.APPROVED_ADMIN.format(id=fa(release_id), count=fa(enqueued.deliveries)))


async def reject(update: Update, context: WireContext) -> None:
    """/reject RELEASE_ID REASON: refuse a release; the reason goes to its author."""
    services = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return
    args = context.args or []
    release_id = parse_id(args[0]) if args else None
    reason = " ".join(args[1:]).strip()
    if release_id is None or not reason:
        await update.effective_message.reply_text(texts.REJECT_USAGE)
        return
    await context.runtime.desk.reject(update.effective_user.id, release_id, reason)
    await update.effective_message.reply_text(texts.REJECTED_ADMIN.format(id=fa(release_id)))


async def decision_button(update: Update, context: WireContext) -> None:
    """The approve / reject buttons of an approval notice."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    services = await admin_services(update, context)
    await query.answer()
    if services is None or update.effective_user is None:
        return
    action, _, raw_id = query.data.partition(":")
    release_id = int(raw_id)
    if action == "rej":
        # A rejection needs a reason for the officer, so it is typed.
        await query.message.reply_text(texts.REJECT_BUTTON_HINT.format(id=fa(release_id)))
        return
    await remove_buttons(query)
    await _approve(query.message, context, update.effective_user.id, release_id)
