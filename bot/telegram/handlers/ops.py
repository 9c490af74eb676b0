"""Operations for the provincial PR office: /backup sends a consistent snapshot of the database."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from telegram import Update

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.services.reports import todays_totals
from bot.services.transfer import TELEGRAM_UPLOAD_LIMIT, backup_file_name, format_size, record_backup, take_backup
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.views.reports import today_text
from storage.db import utcnow

log = logging.getLogger(__name__)

# Seconds an upload of up to 50 MB may take (PTB's default of 20 s is meant for small files).
UPLOAD_TIMEOUT = 300


async def backup_command(update: Update, context: WireContext) -> None:
    """/backup: SQLite's online backup of the database, sent to the admin as a document."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    storage = context.runtime.storage
    now = utcnow()
    zone = context.runtime.settings.timezone
    name = backup_file_name(now, zone)
    # The copy lives only as long as it takes to send it.
    with tempfile.TemporaryDirectory(prefix="ilam-wire-backup-") as folder:
        path = Path(folder) / name
        check = await take_backup(storage.db, path)
        size = path.stat().st_size
        log.info("backup taken user_id=%d bytes=%d sound=%s", admin.id, size, check.sound)
        if size > TELEGRAM_UPLOAD_LIMIT:
            await message.reply_text(texts.BACKUP_TOO_BIG.format(size=format_size(size, persian=True)))
            return
        caption = texts.BACKUP_CAPTION.format(
            when=format_datetime(now, zone),
            size=format_size(size, persian=True),
            releases=fa(check.releases),
            subscriptions=fa(check.subscriptions),
            today=today_text(await todays_totals(storage, now, zone)),
            name=name,
        )
        if not check.sound:
            caption += texts.BACKUP_DAMAGED_NOTE.format(problem=check.problems[0][:200])
        # Recorded before the upload: the snapshot exists whether or not Telegram takes the file.
        await record_backup(storage, admin.id, size, sound=check.sound)
        await message.reply_document(
            await asyncio.to_thread(path.read_bytes),  # at most 50 MB, off the event loop
            filename=name,
            caption=caption,
            write_timeout=UPLOAD_TIMEOUT,
        )


COMMANDS = (command("backup", backup_command, Menu.ADMIN),)
HANDLERS = command_handlers(COMMANDS)
