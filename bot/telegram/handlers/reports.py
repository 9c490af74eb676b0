"""Admin commands for accountability and operations: /report, /stats and /audit (DESIGN §4).

Each reads only; a non-admin is refused by the same guard as the other admin commands
(``bot.telegram.guards.admin_request``), and an admin outside the private chat is asked to use it.
"""

from __future__ import annotations

import logging
import time

from telegram import InputFile, Message, Update
from telegram.constants import ChatAction

from bot import texts
from bot.domain.digits import fa_number
from bot.domain.jalali import format_month
from bot.services.charts import Chart
from bot.services.reports import (
    audit_entries,
    parse_audit_count,
    report_files,
    require_organizations,
    resolve_month,
    statistics,
)
from bot.telegram.args import command_text
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.views.reports import audit_messages, stats_text
from storage.db import utcnow

log = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 10.0  # /stats shows the sending rate over the last ten seconds


async def _send_chart(message: Message, chart: Chart, name: str, caption: str) -> None:
    image = InputFile(chart.png, filename=name)
    if chart.fits_photo:
        await message.reply_photo(image, caption=caption)
    else:  # too tall for Telegram's photo limits: the full-size image as a file
        await message.reply_document(image, caption=caption)


async def report_command(update: Update, context: WireContext) -> None:
    """/report [MONTH]: the month's charts (releases, answers to questions), the CSV and a summary."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    storage, zone = context.runtime.storage, context.runtime.settings.timezone
    now = utcnow()
    year, month = resolve_month(command_text(message), now, zone)
    await require_organizations(storage)
    await message.reply_chat_action(ChatAction.UPLOAD_PHOTO)
    files = await report_files(storage, year, month, zone, now)
    month_name = format_month(year, month)
    await _send_chart(message, files.chart, files.png_name, texts.REPORT_CAPTION.format(month=month_name))
    await _send_chart(
        message,
        files.responsiveness_chart,
        files.responsiveness_png_name,
        texts.REPORT_Q_CAPTION.format(month=month_name),
    )
    await message.reply_document(InputFile(files.csv, filename=files.csv_name))
    for part in files.summary_messages:
        await message.reply_text(part)
    log.info("report sent year=%d month=%d organizations=%d", year, month, len(files.report.rows))


async def stats_command(update: Update, context: WireContext) -> None:
    """/stats: organizations, officers, subscribers, releases, deliveries, the backlog and the sending rate."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    stats = await statistics(context.runtime.storage, utcnow(), context.runtime.settings.timezone)
    rate = context.runtime.pacer.current_rate(time.monotonic(), RATE_WINDOW_SECONDS)  # the dispatcher's clock
    await message.reply_html(stats_text(stats, rate))


async def audit_command(update: Update, context: WireContext) -> None:
    """/audit [N]: the latest N entries of the audit log, newest first."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    count = parse_audit_count(command_text(message))
    if count.clamped:
        await message.reply_text(texts.AUDIT_CLAMPED.format(max=fa_number(count.value)))
    entries, names = await audit_entries(context.runtime.storage, count.value)
    for part in audit_messages(entries, context.runtime.settings.timezone, names):
        await message.reply_html(part)


COMMANDS = (
    command("stats", stats_command, Menu.ADMIN),
    command("report", report_command, Menu.ADMIN),
    command("audit", audit_command, Menu.ADMIN),
)
HANDLERS = command_handlers(COMMANDS)
