"""Admins decide on releases of agencies that need approval: /approval, /pending, /approve, /reject, the
notice's buttons («👁 متن کامل», «✅ تأیید و انتشار», «❌ رد») and a reason typed as a reply to a notice.

Admins also read any release in any state: ``release_status`` answers /status for an admin (any
release, with its agency, author and decision) and for an officer (their agency's, as before).
"""

from __future__ import annotations

from telegram import ForceReply, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import texts
from bot.domain.digits import fa
from bot.errors import InvalidInput
from bot.services.approval import PENDING_SHOWN
from bot.telegram.args import agency_id, command_text, is_confirm, is_yes, parse_id, refuse_id
from bot.telegram.callbacks import Decision
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.replies import remove_buttons, send_parts
from bot.telegram.views.admin import pending_header
from bot.telegram.views.officer import inspection_text, status_text
from storage.db import utcnow


async def approval(update: Update, context: WireContext) -> None:
    """/approval ORG_ID on|off: whether an organization's releases wait for an admin's approval."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    name, _, switch = command_text(message).rpartition(" ")
    if not name.strip() or switch.lower() not in {"on", "off"}:
        raise InvalidInput(texts.APPROVAL_USAGE)
    administration = context.runtime.administration
    org_id = await agency_id(
        name,
        usage=texts.APPROVAL_USAGE,
        unknown=lambda id_: texts.UNKNOWN_ORG.format(id=id_),
        named=administration.agency_named,
    )
    required = switch.lower() == "on"
    org = await administration.set_approval(admin.id, org_id, required=required)
    await message.reply_text((texts.APPROVAL_ON if required else texts.APPROVAL_OFF).format(org=org.name))


async def pending(update: Update, context: WireContext) -> None:
    """/pending: how many releases wait, then each one's notice with its buttons, oldest first."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    approval_service = context.runtime.approval
    waiting = len(await approval_service.pending())
    if not waiting:
        await message.reply_html(texts.PENDING_EMPTY)
        return
    await message.reply_html(pending_header(min(waiting, PENDING_SHOWN), waiting))
    await approval_service.show_pending(admin.id)


async def approve(update: Update, context: WireContext) -> None:
    """/approve RELEASE_ID: publish a release from the queue."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    release_id = parse_id(context.args[0]) if context.args else None
    if release_id is None:
        typed = context.args[0] if context.args else ""
        refuse_id(typed, usage=texts.APPROVE_USAGE, unknown=lambda id_: texts.UNKNOWN_RELEASE.format(id=id_))
    await _approve(message, context, admin.id, release_id)


async def _approve(message: Message, context: WireContext, admin_id: int, release_id: int) -> None:
    enqueued = await context.runtime.approval.approve(admin_id, release_id)
    await message.reply_text(texts.APPROVED_ADMIN.format(id=fa(release_id), count=fa(enqueued.deliveries)))


async def reject(update: Update, context: WireContext) -> None:
    """/reject RELEASE_ID REASON: refuse a release; the reason goes to its author."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    args = context.args or []
    release_id = parse_id(args[0]) if args else None
    reason = " ".join(args[1:]).strip()
    if not reason:
        raise InvalidInput(texts.REJECT_USAGE)
    if release_id is None:
        refuse_id(args[0], usage=texts.REJECT_USAGE, unknown=lambda id_: texts.UNKNOWN_RELEASE.format(id=id_))
    await _reject(message, context, admin.id, release_id, reason)


async def _reject(message: Message, context: WireContext, admin_id: int, release_id: int, reason: str) -> None:
    await context.runtime.approval.reject(admin_id, release_id, reason)
    await message.reply_text(texts.REJECTED_ADMIN.format(id=fa(release_id)))


async def decision_button(update: Update, context: WireContext) -> None:
    """The buttons of an approval notice: the full text, approve, reject (which asks for the reason)."""
    query = update.callback_query
    if query is None or not isinstance(query.message, Message):
        return
    found = await admin_request(update, context)
    decision = Decision.parse(query.data)
    if found is not None and decision is None:  # a forged payload (an id no release can have): stale
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    if found is None or decision is None:
        await query.answer()
        return
    _, admin = found
    approval_service = context.runtime.approval
    if decision.action == "see":
        seen = await approval_service.inspect(admin.id, decision.release_id)
        await query.answer()
        parts = context.runtime.desk.render(seen.release, seen.organization, seen.release.published_at or utcnow())
        await query.message.reply_text(texts.FULL_TEXT_HEADER.format(id=fa(seen.release.id)))
        await send_parts(query.message, parts, seen.release.attachments)
        return
    # Decided meanwhile (by another admin): the press is answered with what happened, as an alert.
    await approval_service.pending_release(admin.id, decision.release_id)
    await query.answer()
    if decision.action == "rej":
        # A rejection needs a reason for the officer: asked for here, read from the reply (``receive``).
        prompt = await query.message.reply_text(
            texts.REJECT_REASON_PROMPT.format(id=fa(decision.release_id)),
            reply_markup=ForceReply(selective=True, input_field_placeholder=texts.REASON_PLACEHOLDER),
        )
        await approval_service.remember_reason_prompt(prompt.chat_id, prompt.message_id, decision.release_id)
        return
    await remove_buttons(query)
    await _approve(query.message, context, admin.id, decision.release_id)


async def receive(items: list[Message], context: WireContext, user_id: int) -> bool:
    """A private message that replies to an approval notice (or to «❌ رد»'s request): the reason of a
    rejection, True when it was one. A reply of «تأیید» is no reason: the admin is told how to approve."""
    first = items[0]
    replied = first.reply_to_message
    if replied is None:
        return False
    approval_service = context.runtime.approval
    release_id = await approval_service.release_of_reply(first.chat_id, replied.message_id)
    if release_id is None or not await approval_service.is_admin(user_id):
        return False
    if first.from_user is not None:
        await context.runtime.administration.saw_admin(user_id, first.from_user.full_name, first.from_user.username)
    reason = (first.text or "").strip()
    if len(items) > 1 or not reason:
        raise InvalidInput(texts.REPLY_REASON_NOT_TEXT.format(id=fa(release_id)))
    if is_confirm(reason) or is_yes(reason):
        raise InvalidInput(texts.REPLY_REASON_IS_APPROVAL.format(id=fa(release_id)))
    await _reject(first, context, user_id, release_id, reason)
    return True


async def release_status(message: Message, context: WireContext, user_id: int, release_id: int) -> None:
    """/status RELEASE_ID: an admin reads any release in any state (its agency, author, decision and
    delivery report); an officer reads their agency's (the desk says why not otherwise)."""
    zone = context.runtime.settings.timezone
    if await context.runtime.approval.is_admin(user_id):
        await message.reply_text(inspection_text(await context.runtime.approval.inspect(user_id, release_id), zone))
        return
    release, progress = await context.runtime.desk.status(user_id, release_id)
    await message.reply_text(status_text(release, progress, zone))


COMMANDS = (
    command("approval", approval, Menu.ADMIN),
    command("pending", pending, Menu.ADMIN),
    command("approve", approve, Menu.ADMIN),
    command("reject", reject, Menu.ADMIN),
)
HANDLERS: list[BaseHandler[Update, WireContext, None]] = [
    *command_handlers(COMMANDS),
    CallbackQueryHandler(decision_button, pattern=Decision.PATTERN),
]
