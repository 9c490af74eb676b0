"""Admin commands for accountability and operations: /report, /stats and /audit (DESIGN §4).

Each reads only; a non-admin is refused with ``texts.NOT_ADMIN`` by the same guard as the other admin
commands (``admin.admin_services``), and an admin outside the private chat is asked to use it.
"""

from __future__ import annotations

import logging

from telegram import InputFile, Update
from telegram.constants import ChatAction

from bot import texts
from bot.domain.jalali import format_month
from bot.services.reports import audit_messages, parse_audit_count, report_files, resolve_month, stats_message
from bot.telegram.context import WireContext
from bot.telegram.handlers.admin import admin_services  # the shared admin guard (one refusal for every admin command)
from storage.db import utcnow

log = logging.getLogger(__name__)


def _argument(update: Update) -> str:
    message = update.effective_message
    text = message.text if message is not None and message.text else ""
    return text.partition(" ")[2].strip()


async def report_command(update: Update, context: WireContext) -> None:
    """/report [MONTH]: the month's chart of releases per organization, the CSV and a summary."""
    services = await admin_services(update, context)
    message = update.effective_message
    if services is None or message is None:
        return
    zone = services.settings.timezone
    try:
        year, month = resolve_month(_argument(update), utcnow(), zone)
    except ValueError as error:
        await message.reply_text(str(error))
        return
    if not await services.storage.organizations.list_all():
        await message.reply_text(texts.REPORT_NO_ORGS)
        return
    await message.reply_chat_action(ChatAction.UPLOAD_PHOTO)
    files = await report_files(services.storage, year, month, zone)
    caption = texts.REPORT_CAPTION.format(month=format_month(year, month))
    chart = InputFile(files.chart.png, filename=files.png_name)
    if files.chart.fits_photo:
        await message.reply_photo(chart, caption=caption)
    else:  # too tall for Telegram's photo limits: the full-size image as a file
        await message.reply_document(chart, caption=caption)
    await message.reply_document(InputFile(files.csv, filename=files.csv_name))
    await message.reply_text(files.summary)
    log.info("report sent year=%d month=%d organizations=%d", year, month, len(files.report.rows))


async def stats_command(update: Update, context: WireContext) -> None:
    """/stats: organizations, officers, subscribers, releases, deliveries, the backlog and the sending rate."""
    services = await admin_services(update, context)
    message = update.effective_message
    if services is None or message is None:
        return
    text = await stats_message(services.storage, context.runtime.pacer, utcnow(), services.settings.timezone)
    await message.reply_html(text)


async def audit_command(update: Update, context: WireContext) -> None:
    """/audit [N]: the latest N entries of the audit log, newest first."""
    services = await admin_services(update, context)
    message = update.effective_message
    if services is None or message is None:
        return
    try:
        count = parse_audit_count(_argument(update))
    except ValueError as error:
        await message.reply_text(str(error))
        return
    for part in await audit_messages(services.storage, count, services.settings.timezone):
        await message.reply_html(part)
