"""Handlers every user meets: the welcome, help, unknown commands and unsupported messages."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import InputMediaDocument, InputMediaPhoto, InputMediaVideo, Message, Update
from telegram.constants import ParseMode

from bot import texts
from bot.domain.archive import RenderedPart
from bot.services.desk import ALBUM_MAX_ITEMS
from bot.telegram.context import WireContext
from bot.telegram.handlers import journalist, officer
from storage.releases import Attachment

log = logging.getLogger(__name__)

_INPUT_MEDIA: dict[str, type[InputMediaPhoto | InputMediaVideo | InputMediaDocument]] = {
    "photo": InputMediaPhoto,
    "video": InputMediaVideo,
}


async def send_parts(message: Message, parts: Sequence[RenderedPart], attachments: Sequence[Attachment]) -> None:
    """Reply with a release's rendered parts as journalists receive them: text as HTML, media with its files."""
    for part in parts:
        caption = part.html or None
        if part.kind == "text":
            await message.reply_html(part.html, disable_web_page_preview=True)
        elif part.kind == "album":
            media = [
                _INPUT_MEDIA.get(a.kind, InputMediaDocument)(
                    a.file_id, caption=caption if i == 0 else None, parse_mode=ParseMode.HTML
                )
                for i, a in enumerate(attachments[:ALBUM_MAX_ITEMS])
            ]
            await message.reply_media_group(media)
        elif part.kind == "photo":
            await message.reply_photo(attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML)
        elif part.kind == "video":
            await message.reply_video(attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML)
        else:
            await message.reply_document(attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML)


async def start(update: Update, context: WireContext) -> None:
    """Greet the user and open the topic picker; ``/start inv_CODE`` (an invite link) joins an officer."""
    if update.effective_message is None:
        return
    if context.args and context.args[0].startswith(officer.INVITE_PREFIX):
        await officer.join(update, context, context.args[0].removeprefix(officer.INVITE_PREFIX))
        return
    if update.effective_chat is not None and update.effective_chat.type != "private":
        await update.effective_message.reply_text(texts.GROUP_ADDED)
        return
    await journalist.onboard(update, context)


async def help_command(update: Update, context: WireContext) -> None:
    """List the commands."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_html(texts.HELP)


async def unknown_command(update: Update, context: WireContext) -> None:
    """Tell the user that a command does not exist, instead of staying silent."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNKNOWN_COMMAND)


async def unsupported_message(update: Update, context: WireContext) -> None:
    """Answer a private message nothing else handled, so nothing a user sends goes unanswered."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.UNSUPPORTED_MESSAGE)
