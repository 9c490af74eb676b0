"""Admins decide on releases of agencies that need approval: /approval, /pending, /approve, /reject, buttons."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import texts
from bot.domain.digits import fa
from bot.errors import InvalidInput
from bot.telegram.args import parse_id, refuse_id
from bot.telegram.callbacks import Decision
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.replies import remove_buttons
from bot.telegram.views.admin import pending_text


async def approval(update: Update, context: WireContext) -> None:
    """/approval ORG_ID on|off: whether an organization's releases wait for an admin's approval."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    args = context.args or []
    org_id = parse_id(args[0]) if args else None
    if len(args) != 2 or args[1].lower() not in {"on", "off"}:
        raise InvalidInput(texts.APPROVAL_USAGE)
    if org_id is None:
        refuse_id(args[0], usage=texts.APPROVAL_USAGE, unknown=lambda id_: texts.UNKNOWN_ORG.format(id=id_))
    required = args[1].lower() == "on"
    org = await context.runtime.administration.set_approval(admin.id, org_id, required=required)
    await message.reply_text((texts.APPROVAL_ON if required else texts.APPROVAL_OFF).format(org=org.name))


async def pending(update: Update, context: WireContext) -> None:
    """/pending: releases waiting for approval, oldest first."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    queue = await context.runtime.approval.pending()
    await message.reply_html(pending_text(queue, context.runtime.settings.timezone))


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
    await context.runtime.approval.reject(admin.id, release_id, reason)
    await message.reply_text(texts.REJECTED_ADMIN.format(id=fa(release_id)))


async def decision_button(update: Update, context: WireContext) -> None:
    """The approve / reject buttons of an approval notice."""
    query = update.callback_query
    if query is None or not isinstance(query.message, Message):
        return
    found = await admin_request(update, context)
    decision = Decision.parse(query.data)
    if found is not None and decision is None:  # a forged payload (an id no release can have): stale
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    await query.answer()
    if found is None or decision is None:
        return
    _, admin = found
    if decision.action == "rej":
        # A rejection needs a reason for the officer, so it is typed.
        await query.message.reply_text(texts.REJECT_BUTTON_HINT.format(id=fa(decision.release_id)))
        return
    await remove_buttons(query)
    await _approve(query.message, context, admin.id, decision.release_id)


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
