"""Replies that take more than one call: a release's parts with their files, long texts, buttons taken off."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import CallbackQuery, InlineKeyboardMarkup, InputMediaDocument, InputMediaPhoto, InputMediaVideo, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import texts
from bot.domain.archive import RenderedPart
from bot.services.desk import ALBUM_MAX_ITEMS
from storage.releases import Attachment

MESSAGE_LIMIT = 4000  # Telegram allows 4096 characters; leave room for the HTML entities

_INPUT_MEDIA: dict[str, type[InputMediaPhoto | InputMediaVideo | InputMediaDocument]] = {
    "photo": InputMediaPhoto,
    "video": InputMediaVideo,
}


async def send_parts(
    message: Message,
    parts: Sequence[RenderedPart],
    attachments: Sequence[Attachment],
    buttons: InlineKeyboardMarkup | None = None,
) -> None:
    """Reply with a release's rendered parts as journalists receive them: text as HTML, media with its files;
    ``buttons`` go under the last part (an album cannot carry any)."""
    for number, part in enumerate(parts, start=1):
        caption = part.html or None
        markup = buttons if number == len(parts) else None
        if part.kind == "text":
            await message.reply_html(part.html, disable_web_page_preview=True, reply_markup=markup)
        elif part.kind == "album":
            media = [
                _INPUT_MEDIA.get(a.kind, InputMediaDocument)(
                    a.file_id, caption=caption if i == 0 else None, parse_mode=ParseMode.HTML
                )
                for i, a in enumerate(attachments[:ALBUM_MAX_ITEMS])
            ]
            await message.reply_media_group(media)
        elif part.kind == "photo":
            await message.reply_photo(
                attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        elif part.kind == "video":
            await message.reply_video(
                attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        else:
            await message.reply_document(
                attachments[0].file_id, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
            )


async def reply_file(message: Message, kind: str, file_id: str, caption: str | None = None) -> Message:
    """Reply with a file Telegram already has (by file id): a photo, video, voice note, audio or document."""
    if kind == "photo":
        return await message.reply_photo(file_id, caption=caption)
    if kind == "video":
        return await message.reply_video(file_id, caption=caption)
    if kind == "voice":
        return await message.reply_voice(file_id, caption=caption)
    if kind == "audio":
        return await message.reply_audio(file_id, caption=caption)
    return await message.reply_document(file_id, caption=caption)


async def remove_buttons(query: CallbackQuery) -> None:
    """Take the buttons off a message; a second press (buttons already gone) is not an error."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in messages of at most ``limit`` characters, cut between lines or between listed keywords.

    Only a line longer than a message (a keyword list: plain text between «، ») is cut inside, so
    HTML tags, which stay within short lines, are never split.
    """
    messages: list[str] = []
    current = ""
    for line in text.split("\n"):
        units = line.split(texts.LIST_SEPARATOR) if len(line) > limit else [line]
        for number, unit in enumerate(units):
            joiner = texts.LIST_SEPARATOR if number else "\n"
            if current and len(current) + len(joiner) + len(unit) <= limit:
                current += joiner + unit
                continue
            if current:
                messages.append(current)
            current = unit
            while len(current) > limit:  # one keyword longer than a message: cannot happen with the checks
                messages.append(current[:limit])
                current = current[limit:]
    if current.strip():
        messages.append(current)
    return messages


async def reply_long(message: Message, text: str, *, html_mode: bool) -> None:
    """Reply with ``text`` in as many messages as it needs."""
    for part in split_message(text):
        if html_mode:
            await message.reply_html(part)
        else:
            await message.reply_text(part)
