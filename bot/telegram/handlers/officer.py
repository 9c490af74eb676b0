"""PR officers: joining through an invite, drafts with their preview, tags, publishing, overview."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.errors import InvalidInput, NotAnOfficer, UnknownId
from bot.services.desk import ALBUM_MAX_ITEMS, Correction, Preview
from bot.telegram.args import beyond_range, is_confirm, is_off, parse_id
from bot.telegram.callbacks import DraftAction, DraftPick
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.replies import remove_buttons, send_parts
from bot.telegram.views.officer import (
    QUICK_TIMES,
    county_keyboard,
    draft_keyboard,
    draft_summary,
    my_releases_text,
    schedule_keyboard,
    status_text,
    topics_keyboard,
    topics_prompt,
)
from storage.releases import Attachment

log = logging.getLogger(__name__)

INVITE_PREFIX = "inv_"


async def join(update: Update, context: WireContext, code: str) -> None:
    """/start inv_CODE: bind the user to the invite's organization, once."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    org = await context.runtime.administration.join(code, user.id, user.full_name, user.username)
    await message.reply_text(texts.JOINED.format(name=user.first_name, org=org.name))
    await context.menus.refresh_user_menu(context.bot, context.runtime.storage, context.runtime.settings, user.id)


async def _show(message: Message, context: WireContext, preview: Preview) -> None:
    """Send the preview exactly as journalists will receive it, then the control message."""
    await message.reply_text(texts.PREVIEW_HEADER.format(id=fa(preview.release.id)))
    await send_parts(message, preview.parts, preview.release.attachments)
    await message.reply_text(_summary(context, preview), reply_markup=draft_keyboard(preview))


def _summary(context: WireContext, preview: Preview) -> str:
    return draft_summary(preview, context.runtime.core.pipeline, context.runtime.settings.timezone)


async def receive(items: list[Message], context: WireContext, user_id: int) -> None:
    """A private message (or album) from an officer that nothing else claimed: a draft, a draft's new text,
    or a correction; anyone else is told the bot cannot use it (``bot.telegram.handlers.private`` routes)."""
    first = items[0]
    if first.text is not None:
        await _draft_from_text(first, context, user_id)
        return
    try:
        await context.runtime.desk.officer(user_id)
    except NotAnOfficer:
        await first.reply_text(texts.UNSUPPORTED_MESSAGE)
        return
    if attachment_of(first) is None:
        raise InvalidInput(texts.UNSUPPORTED_FROM_OFFICER)
    await _media_draft(items, context, user_id)


async def _draft_from_text(message: Message, context: WireContext, user_id: int) -> None:
    """Any text an officer sends in the private chat: a new draft, a draft's new text, or a correction."""
    assert message.text is not None
    try:
        received = await context.runtime.desk.receive_text(
            user_id, message.text, source_chat_id=message.chat_id, source_message_id=message.message_id
        )
    except NotAnOfficer:
        # Not an officer: this is a journalist or a visitor writing to the bot.
        await message.reply_text(texts.UNSUPPORTED_MESSAGE)
        return
    if isinstance(received, Correction):
        await message.reply_text(
            texts.CORRECTION_QUEUED.format(
                id=fa(received.release_id), version=fa(received.version), count=fa(received.deliveries)
            )
        )
        return
    await _show(message, context, received)


def attachment_of(message: Message) -> Attachment | None:
    """The photo, video or file a message carries, by Telegram file id."""
    if message.photo:
        best = message.photo[-1]
        return Attachment("photo", best.file_id, best.file_unique_id, None, "image/jpeg", best.file_size)
    if message.video:
        video = message.video
        return Attachment(
            "video", video.file_id, video.file_unique_id, video.file_name, video.mime_type, video.file_size
        )
    if message.document:
        doc = message.document
        return Attachment("document", doc.file_id, doc.file_unique_id, doc.file_name, doc.mime_type, doc.file_size)
    return None


async def _media_draft(items: list[Message], context: WireContext, user_id: int) -> None:
    """Photos, videos or files from an officer (an album's items together; the caption is the text) become a draft."""
    first = items[0]
    if len(items) > ALBUM_MAX_ITEMS:
        await first.reply_text(texts.ALBUM_TOO_LARGE)
        items = items[:ALBUM_MAX_ITEMS]
    attachments = [a for a in map(attachment_of, items) if a is not None]
    caption = next((m.caption for m in items if m.caption), "")
    preview = await context.runtime.desk.create_draft(
        user_id, caption, attachments=attachments, source_chat_id=first.chat_id, source_message_id=first.message_id
    )
    await _show(first, context, preview)


async def _first_id(context: WireContext, user_id: int, usage: str) -> int:
    """The release id typed first after the command; InvalidInput with the command's usage if there is none.

    A number no release can have (beyond SQLite's range) is answered as an unknown release is, after
    the same check of who is asking.
    """
    typed = context.args[0] if context.args else ""
    release_id = parse_id(typed)
    if release_id is not None:
        return release_id
    huge = beyond_range(typed)
    if huge is None:
        raise InvalidInput(usage)
    await context.runtime.desk.officer(user_id)
    raise UnknownId(texts.UNKNOWN_RELEASE.format(id=fa(huge)))


async def _publish(message: Message, context: WireContext, user_id: int, release_id: int, *, confirmed: bool) -> None:
    desk = context.runtime.desk
    enqueued = await desk.publish(user_id, release_id, confirmed=confirmed)
    if enqueued is None:
        await message.reply_text(texts.SUBMITTED.format(id=fa(release_id)))
        return
    if not enqueued.deliveries:
        await message.reply_text(texts.PUBLISHED_NO_READERS.format(id=fa(release_id)))
        return
    report = await message.reply_text(texts.PUBLISHING.format(id=fa(release_id), count=fa(enqueued.deliveries)))
    await desk.remember_report(release_id, report.chat_id, report.message_id)


async def publish_command(update: Update, context: WireContext) -> None:
    """/publish DRAFT_ID [confirm]: publish a draft now."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = await _first_id(context, user.id, texts.PUBLISH_USAGE)
    args = context.args or []
    await _publish(message, context, user.id, release_id, confirmed=len(args) > 1 and is_confirm(args[1]))


async def cancel_command(update: Update, context: WireContext) -> None:
    """/cancel DRAFT_ID: drop a draft."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    await _cancel(message, context, user.id, await _first_id(context, user.id, texts.CANCEL_USAGE))


async def _cancel(message: Message, context: WireContext, user_id: int, release_id: int) -> None:
    await context.runtime.desk.cancel(user_id, release_id)
    await message.reply_text(texts.DRAFT_CANCELLED.format(id=fa(release_id)))


async def draft_button(update: Update, context: WireContext) -> None:
    """The buttons under a preview: publish (anyway), cancel, embargo time, pickers, replace, back."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = DraftAction.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    await query.answer()
    desk, release_id = context.runtime.desk, pressed.release_id
    if pressed.action in {"tp", "ct", "sch", "back"}:
        # Pickers replace the buttons of the same message; nothing changes until a choice is made.
        _, org, release = await desk.own_draft(user.id, release_id)
        pipeline = context.runtime.core.pipeline
        if pressed.action == "tp":
            await query.edit_message_text(topics_prompt(release_id), reply_markup=topics_keyboard(pipeline, release))
        elif pressed.action == "ct":
            await query.edit_message_text(
                texts.PICK_COUNTY.format(id=fa(release_id)), reply_markup=county_keyboard(pipeline, release)
            )
        elif pressed.action == "sch":
            await query.edit_message_text(
                texts.PICK_SCHEDULE.format(id=fa(release_id)), reply_markup=schedule_keyboard(release_id)
            )
        else:
            preview = await desk.preview(release, org)
            await query.edit_message_text(_summary(context, preview), reply_markup=draft_keyboard(preview))
        return
    await remove_buttons(query)  # one press per preview: the buttons go away
    if pressed.action == "cancel":
        await _cancel(query.message, context, user.id, release_id)
    elif pressed.action == "emb":
        await _schedule(query.message, context, user.id, release_id, None, confirmed=True)
    elif pressed.action == "rep":
        await desk.start_replacement(user.id, release_id)
        await query.message.reply_text(texts.REPLACE_WAITING.format(id=fa(release_id)))
    else:
        await _publish(query.message, context, user.id, release_id, confirmed=pressed.action == "pubc")


async def pick_button(update: Update, context: WireContext) -> None:
    """A choice inside a picker: toggle a topic, set the county, or a quick schedule time.

    A refusal is shown as an alert (through the error route), so the picker stays as it was.
    """
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pick = DraftPick.parse(query.data)
    if pick is None or (pick.action == "sq" and pick.value not in QUICK_TIMES):
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    desk = context.runtime.desk
    if pick.action == "tt":
        release = await desk.toggle_topic(user.id, pick.release_id, pick.value)
        await query.answer()
        await query.edit_message_reply_markup(topics_keyboard(context.runtime.core.pipeline, release))
    elif pick.action == "cs":
        preview = await desk.set_county(user.id, pick.release_id, pick.value)
        await query.answer()
        await query.edit_message_text(_summary(context, preview), reply_markup=draft_keyboard(preview))
    else:
        await query.answer()
        await remove_buttons(query)
        await _schedule(query.message, context, user.id, pick.release_id, QUICK_TIMES[pick.value], confirmed=False)


async def schedule_command(update: Update, context: WireContext) -> None:
    """/schedule DRAFT_ID WHEN [confirm] | /schedule DRAFT_ID off: publish later, change or drop the time."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    args = list(context.args or [])
    release_id = await _first_id(context, user.id, texts.SCHEDULE_USAGE)
    if len(args) < 2:
        raise InvalidInput(texts.SCHEDULE_USAGE)
    words = args[1:]
    confirmed = is_confirm(words[-1])
    if confirmed:
        words = words[:-1]
    if len(words) == 1 and is_off(words[0]):
        await context.runtime.desk.unschedule(user.id, release_id)
        await message.reply_text(texts.UNSCHEDULED.format(id=fa(release_id)))
        return
    await _schedule(message, context, user.id, release_id, " ".join(words), confirmed=confirmed)


async def _schedule(
    message: Message,
    context: WireContext,
    user_id: int,
    release_id: int,
    when_text: str | None,
    *,
    confirmed: bool,
) -> None:
    desk = context.runtime.desk
    if when_text is None:
        when = await desk.schedule_at_embargo(user_id, release_id)
    else:
        when = await desk.schedule(user_id, release_id, when_text, confirmed=confirmed)
    context.runtime.scheduler.wake()
    when_text = format_datetime(when, context.runtime.settings.timezone)
    await message.reply_text(texts.SCHEDULED.format(id=fa(release_id), when=when_text))


async def correct_command(update: Update, context: WireContext) -> None:
    """/correct RELEASE_ID: the next text the officer sends is the corrected release."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = await _first_id(context, user.id, texts.CORRECT_USAGE)
    await context.runtime.desk.start_correction(user.id, release_id)
    await message.reply_text(texts.CORRECT_WAITING.format(id=fa(release_id)))


async def retract_command(update: Update, context: WireContext) -> None:
    """/retract RELEASE_ID [REASON]: delete every delivered copy and take the release out of search."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = await _first_id(context, user.id, texts.RETRACT_USAGE)
    reason = " ".join((context.args or [])[1:]).strip() or None
    enqueued = await context.runtime.desk.retract(user.id, release_id, reason)
    await message.reply_text(texts.RETRACTION_QUEUED.format(id=fa(release_id), count=fa(enqueued.deliveries)))


async def set_topics_command(update: Update, context: WireContext) -> None:
    """/settopics DRAFT_ID SLUG...: replace a draft's topics."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    usage = texts.SETTOPICS_USAGE.format(all_topics=" ".join(t.slug for t in context.runtime.core.pipeline.topics))
    release_id = await _first_id(context, user.id, usage)
    if len(context.args or []) < 2:
        raise InvalidInput(usage)
    await _show(message, context, await context.runtime.desk.set_topics(user.id, release_id, (context.args or [])[1:]))


async def set_county_command(update: Update, context: WireContext) -> None:
    """/setcounty DRAFT_ID SLUG|none: set a draft's county."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    counties = " ".join(c.slug for c in context.runtime.core.pipeline.counties)
    usage = texts.SETCOUNTY_USAGE.format(all_counties=counties)
    release_id = await _first_id(context, user.id, usage)
    if len(context.args or []) != 2:
        raise InvalidInput(usage)
    await _show(message, context, await context.runtime.desk.set_county(user.id, release_id, (context.args or [])[1]))


async def my_command(update: Update, context: WireContext) -> None:
    """/my: the organization's latest releases with status and reach."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    org, rows = await context.runtime.desk.my_releases(user.id)
    await message.reply_html(my_releases_text(org, rows))


async def status_command(update: Update, context: WireContext) -> None:
    """/status RELEASE_ID: one release's delivery report."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = await _first_id(context, user.id, texts.STATUS_USAGE)
    release, progress = await context.runtime.desk.status(user.id, release_id)
    await message.reply_text(status_text(release, progress))


COMMANDS = (
    command("publish", publish_command, Menu.OFFICER, private_only=True),
    command("schedule", schedule_command, Menu.OFFICER, private_only=True),
    command("settopics", set_topics_command, Menu.OFFICER, private_only=True),
    command("setcounty", set_county_command, Menu.OFFICER, private_only=True),
    command("cancel", cancel_command, Menu.OFFICER, private_only=True),
    command("my", my_command, Menu.OFFICER, private_only=True),
    command("status", status_command, Menu.OFFICER, private_only=True),
    command("correct", correct_command, Menu.OFFICER, private_only=True),
    command("retract", retract_command, Menu.OFFICER, private_only=True),
)
HANDLERS: list[BaseHandler[Update, WireContext, None]] = [
    *command_handlers(COMMANDS),
    CallbackQueryHandler(draft_button, pattern=DraftAction.PATTERN),
    CallbackQueryHandler(pick_button, pattern=DraftPick.PATTERN),
]
# Texts and media that are no command reach ``receive`` through bot.telegram.handlers.private.
