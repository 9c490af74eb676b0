"""PR officers: joining through an invite, drafts with their preview, tags, publishing, overview."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import YearAhead, format_datetime, format_typed
from bot.errors import InvalidInput, NotAnOfficer, UnknownId, WrongState
from bot.services.desk import (
    ALBUM_MAX_ITEMS,
    CorrectionPreview,
    EditedPublished,
    EditIgnored,
    EmbargoNotPassed,
    Preview,
    ShortText,
)
from bot.telegram.args import beyond_range, command_text, is_confirm, is_off, is_yes, parse_id
from bot.telegram.callbacks import DeskAnswer, DraftAction, DraftPick, ScheduleYear
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.handlers import approval
from bot.telegram.replies import remove_buttons, send_parts
from bot.telegram.views.officer import (
    QUICK_TIMES,
    correction_card,
    correction_keyboard,
    county_keyboard,
    draft_keyboard,
    draft_summary,
    edited_published_keyboard,
    embargo_keyboard,
    my_releases_text,
    officer_welcome,
    retraction_keyboard,
    retraction_text,
    schedule_keyboard,
    short_text_keyboard,
    topics_keyboard,
    topics_prompt,
    year_ahead_keyboard,
)
from storage.desk import DeskRequest
from storage.releases import Attachment

log = logging.getLogger(__name__)

INVITE_PREFIX = "inv_"


async def join(update: Update, context: WireContext, code: str) -> None:
    """/start inv_CODE: bind the user to the invite's organization, once."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    org = await context.runtime.administration.join(code, user.id, user.full_name, user.username)
    await message.reply_text(officer_welcome(user.first_name, org))
    await context.menus.refresh_user_menu(context.bot, context.runtime.storage, context.runtime.settings, user.id)


async def _show(message: Message, context: WireContext, preview: Preview, *, edited: bool = False) -> None:
    """Send the preview exactly as journalists will receive it, then the control message."""
    n, parts = fa(preview.release.id), len(preview.parts)
    if edited:
        header = texts.EDITED_DRAFT_HEADER.format(id=n)
    elif parts == 1:
        header = texts.PREVIEW_HEADER.format(id=n)
    else:
        header = texts.PREVIEW_HEADER_PARTS.format(id=n, count=fa(parts))
    await message.reply_text(header)
    await send_parts(message, preview.parts, preview.release.attachments)
    await message.reply_text(_summary(context, preview), reply_markup=draft_keyboard(preview))


async def _show_correction(message: Message, context: WireContext, preview: CorrectionPreview) -> None:
    """Send a correction as journalists would get it, then what changed and the buttons that send or drop it."""
    await message.reply_text(
        texts.CORRECTION_PREVIEW_HEADER.format(id=fa(preview.release.id), copies=fa(preview.copies))
    )
    await send_parts(message, preview.parts, preview.release.attachments)
    await message.reply_text(
        correction_card(preview, context.runtime.core.pipeline), reply_markup=correction_keyboard(preview)
    )


async def _received(message: Message, context: WireContext, received: Preview | CorrectionPreview | ShortText) -> None:
    """Show what an officer's text became: a draft's preview, a correction's preview, or the short-text question."""
    if isinstance(received, ShortText):
        await message.reply_text(texts.SHORT_TEXT_QUESTION, reply_markup=short_text_keyboard(received.request_id))
    elif isinstance(received, CorrectionPreview):
        await _show_correction(message, context, received)
    else:
        await _show(message, context, received)


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
    # A photo, file or sticker is a message too: the text awaited after /correct is not awaited any more.
    await context.runtime.desk.end_modes(user_id)
    if attachment_of(first) is None:
        raise InvalidInput(texts.UNSUPPORTED_FROM_OFFICER)
    await _media_draft(items, context, user_id)


async def _draft_from_text(message: Message, context: WireContext, user_id: int) -> None:
    """Any text an officer sends in the private chat, read in this order: a reply to one of the desk's prompts
    (a schedule time, a corrected or new text), «بله» to the desk's latest question, the text awaited after
    /correct or «جایگزینی متن», else a new draft (or, when it is short, the question whether it is a release)."""
    assert message.text is not None
    desk = context.runtime.desk
    try:
        await desk.officer(user_id)
    except NotAnOfficer:
        # Not an officer: this is a journalist or a visitor writing to the bot.
        await message.reply_text(texts.UNSUPPORTED_MESSAGE)
        return
    source = (message.chat_id, message.message_id)
    replied = message.reply_to_message
    prompt = await desk.prompt_for(user_id, message.chat_id, replied.message_id) if replied is not None else None
    if prompt is not None:
        await desk.moved_on(user_id)
        if prompt.kind == "schedule":
            await _schedule(message, context, user_id, prompt.release_id, message.text, confirmed=False)
        else:
            await _received(
                message, context, await desk.answer_prompt(user_id, prompt.release_id, message.text, source=source)
            )
        return
    if is_yes(message.text) or is_confirm(message.text):
        question = await desk.awaiting_yes(user_id)
        if question is not None:
            await _answered(message, context, user_id, await desk.take_question(user_id, question.id), "y")
            return
    await desk.moved_on(user_id)
    received = await desk.receive_text(
        user_id, message.text, source_chat_id=message.chat_id, source_message_id=message.message_id
    )
    await _received(message, context, received)


async def edited(message: Message, context: WireContext, user_id: int) -> bool:
    """An officer edited a message they sent (``bot.telegram.handlers.private`` routes edits here first): the open
    draft made from it is updated and previewed again, a published one gets the offer of a correction. False
    when the message is none of the desk's (nothing is answered, and no draft is made from an edit)."""
    text = message.text if message.text is not None else message.caption or ""
    outcome = await context.runtime.desk.edited(user_id, message.chat_id, message.message_id, text)
    if outcome is None:
        return False
    if isinstance(outcome, Preview):
        await _show(message, context, outcome, edited=True)
    elif isinstance(outcome, EditedPublished):
        release = outcome.release
        await message.reply_text(
            texts.EDITED_PUBLISHED.format(id=fa(release.id), title=release.title),
            reply_markup=edited_published_keyboard(outcome.request_id),
        )
    elif isinstance(outcome, EditIgnored):
        status = texts.STATUS_NAMES.get(outcome.release.status, outcome.release.status)
        await message.reply_text(texts.EDITED_NO_EFFECT.format(id=fa(outcome.release.id), status=status))
    return True


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


async def _publish(
    message: Message,
    context: WireContext,
    user_id: int,
    release_id: int,
    *,
    confirmed: bool,
    duplicate_ok: bool = False,
) -> None:
    desk = context.runtime.desk
    try:
        enqueued = await desk.publish(user_id, release_id, confirmed=confirmed, duplicate_ok=duplicate_ok)
    except EmbargoNotPassed as embargo:
        # Asked, not refused: the question comes with its two answers as buttons.
        await message.reply_text(embargo.message, reply_markup=embargo_keyboard(embargo))
        return
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
            await desk.remember_prompt(user.id, query.message.chat_id, query.message.message_id, "schedule", release_id)
        else:
            await desk.forget_prompt(query.message.chat_id, query.message.message_id)
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
        asked = await query.message.reply_text(texts.REPLACE_WAITING.format(id=fa(release_id)))
        await desk.remember_prompt(user.id, asked.chat_id, asked.message_id, "replace", release_id)
    else:
        await _publish(
            query.message,
            context,
            user.id,
            release_id,
            confirmed=pressed.action == "pube",
            duplicate_ok=pressed.action == "pubc",
        )


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
        await desk.forget_prompt(query.message.chat_id, query.message.message_id)
        await _schedule(query.message, context, user.id, pick.release_id, QUICK_TIMES[pick.value], confirmed=False)


async def year_ahead_button(update: Update, context: WireContext) -> None:
    """«منظورتان ۷ آذر ۱۴۰۶ است؟» answered: yes schedules for that moment as /schedule does; no changes nothing
    and says how to type a date with its year."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = ScheduleYear.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    await query.answer()
    await remove_buttons(query)
    zone = context.runtime.settings.timezone
    typed = format_typed(datetime.fromtimestamp(pressed.minute * 60, UTC), zone)
    if pressed.answer == "y":
        await _schedule(query.message, context, user.id, pressed.release_id, typed, confirmed=False)
    else:
        await context.runtime.desk.own_draft(user.id, pressed.release_id)
        await query.message.reply_text(texts.YEAR_AHEAD_KEPT.format(id=fa(pressed.release_id), example=typed))


async def schedule_command(update: Update, context: WireContext) -> None:
    """/schedule DRAFT_ID WHEN [confirm] | /schedule DRAFT_ID off: publish later, change or drop the time."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    args = list(context.args or [])
    usage = context.runtime.desk.schedule_usage()
    release_id = await _first_id(context, user.id, usage)
    if len(args) < 2:
        raise InvalidInput(usage)
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
        try:
            when = await desk.schedule(user_id, release_id, when_text, confirmed=confirmed)
        except YearAhead as question:
            # Asked, not assumed: the day next year, with yes and no as buttons (the moment is in them).
            zone = context.runtime.settings.timezone
            await message.reply_text(question.message, reply_markup=year_ahead_keyboard(release_id, question, zone))
            return
    context.runtime.scheduler.wake()
    when_text = format_datetime(when, context.runtime.settings.timezone)
    await message.reply_text(texts.SCHEDULED.format(id=fa(release_id), when=when_text))


async def correct_command(update: Update, context: WireContext) -> None:
    """/correct RELEASE_ID: the next text the officer sends is the corrected release, previewed before it goes;
    /correct RELEASE_ID yes sends the correction last previewed."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    desk = context.runtime.desk
    release_id = await _first_id(context, user.id, texts.CORRECT_USAGE)
    args = context.args or []
    if len(args) > 1 and (is_yes(args[1]) or is_confirm(args[1])):
        await desk.own_release(user.id, release_id)
        question = await desk.take_latest(user.id, "correct", release_id)
        if question is None:
            raise WrongState(texts.NO_CORRECTION_WAITING.format(id=fa(release_id)))
        await _answered(message, context, user.id, question, "y")
        return
    await _ask_for_correction(message, context, user.id, release_id)


async def _ask_for_correction(message: Message, context: WireContext, user_id: int, release_id: int) -> None:
    desk = context.runtime.desk
    await desk.start_correction(user_id, release_id)
    asked = await message.reply_text(texts.CORRECT_WAITING.format(id=fa(release_id)))
    await desk.remember_prompt(user_id, asked.chat_id, asked.message_id, "correct", release_id)


async def retract_command(update: Update, context: WireContext) -> None:
    """/retract RELEASE_ID [REASON]: asks, showing the release and the copies it would delete, with buttons;
    /retract RELEASE_ID [REASON] yes deletes every delivered copy and takes the release out of search at once."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    desk = context.runtime.desk
    release_id = await _first_id(context, user.id, texts.RETRACT_USAGE)
    words = (context.args or [])[1:]
    confirmed = bool(words) and (is_yes(words[-1]) or is_confirm(words[-1]))
    reason = " ".join(words[:-1] if confirmed else words).strip() or None
    if confirmed:
        await _retract(message, context, user.id, release_id, reason)
        return
    question = await desk.ask_retraction(user.id, release_id, reason)
    await message.reply_text(retraction_text(question), reply_markup=retraction_keyboard(question))


async def _retract(message: Message, context: WireContext, user_id: int, release_id: int, reason: str | None) -> None:
    done = await context.runtime.desk.retract_confirmed(user_id, release_id, reason)
    await message.reply_text(
        texts.RETRACTION_QUEUED.format(
            id=fa(done.release_id),
            title=done.title,
            name=done.officer_name,
            count=fa(done.deliveries),
            reason=texts.RETRACTION_REASON.format(reason=done.reason) if done.reason else "",
        )
    )


async def desk_answer_button(update: Update, context: WireContext) -> None:
    """A button under one of the desk's questions: retract?, send this correction?, make this short text a
    draft?, preview a correction with an edited text? The question is closed first, so it is acted on once."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = DeskAnswer.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    question = await context.runtime.desk.take_question(user.id, pressed.request_id)
    await query.answer()
    await remove_buttons(query)
    await _answered(query.message, context, user.id, question, pressed.answer)


async def _answered(message: Message, context: WireContext, user_id: int, question: DeskRequest, answer: str) -> None:
    """Act on the answer to a closed question: y (yes), n (no), r (write the correction again)."""
    desk = context.runtime.desk
    release_id = question.release_id
    if question.kind == "draft":
        if answer != "y":
            await message.reply_text(texts.SHORT_TEXT_DROPPED)
            return
        chat_id, message_id = question.source_chat_id, question.source_message_id
        preview = await desk.create_draft(
            user_id, question.text or "", source_chat_id=chat_id, source_message_id=message_id
        )
        await _show(message, context, preview)
        return
    assert release_id is not None
    if question.kind == "retract":
        if answer == "y":
            await _retract(message, context, user_id, release_id, question.text)
        else:
            await message.reply_text(texts.RETRACTION_KEPT.format(id=fa(release_id)))
    elif question.kind == "edit":
        source = (
            (question.source_chat_id, question.source_message_id)
            if question.source_chat_id and question.source_message_id
            else None
        )
        await _show_correction(
            message, context, await desk.preview_correction(user_id, release_id, question.text or "", source=source)
        )
    elif answer == "y":
        done = await desk.confirm_correction(user_id, question)
        await message.reply_text(
            texts.CORRECTION_QUEUED.format(id=fa(done.release_id), version=fa(done.version), count=fa(done.deliveries))
        )
    elif answer == "r":
        await _ask_for_correction(message, context, user_id, release_id)
    else:
        await message.reply_text(texts.CORRECTION_DROPPED.format(id=fa(release_id)))


async def end_modes(update: Update, context: WireContext) -> None:
    """Before any command in a private chat (an early handler, before group 0): a correction or replacement
    text is no longer awaited, and «بله» typed later answers none of the desk's questions. /correct manages
    its own mode."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return
    name = message.text.split(maxsplit=1)[0].removeprefix("/").split("@", 1)[0].lower()
    if name == "correct":
        return
    await context.runtime.desk.end_modes(user.id)


async def set_topics_command(update: Update, context: WireContext) -> None:
    """/settopics DRAFT_ID SLUG...: replace a draft's topics."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    usage = texts.SETTOPICS_USAGE.format(all_topics=" ".join(t.slug for t in context.runtime.core.pipeline.topics))
    release_id = await _first_id(context, user.id, usage)
    typed = _after_id(message)
    if not typed:
        raise InvalidInput(usage)
    desk = context.runtime.desk
    await _show(message, context, await desk.set_topics(user.id, release_id, desk.topics_named(typed)))


async def set_county_command(update: Update, context: WireContext) -> None:
    """/setcounty DRAFT_ID SLUG|none: set a draft's county."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    counties = " ".join(c.slug for c in context.runtime.core.pipeline.counties)
    usage = texts.SETCOUNTY_USAGE.format(all_counties=counties)
    release_id = await _first_id(context, user.id, usage)
    typed = _after_id(message)
    if not typed:
        raise InvalidInput(usage)
    desk = context.runtime.desk
    await _show(message, context, await desk.set_county(user.id, release_id, desk.county_named(typed)))


def _after_id(message: Message) -> str:
    """What was typed after the command's first word (the id): names, a time, a reason."""
    parts = command_text(message).split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def my_command(update: Update, context: WireContext) -> None:
    """/my: the organization's latest releases with status and reach."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    mine = await context.runtime.desk.my_releases(user.id)
    await message.reply_html(my_releases_text(mine, context.runtime.settings.timezone))


async def status_command(update: Update, context: WireContext) -> None:
    """/status RELEASE_ID: one release's delivery report."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = await _first_id(context, user.id, texts.STATUS_USAGE)
    await approval.release_status(message, context, user.id, release_id)  # admins: any release


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
    CallbackQueryHandler(year_ahead_button, pattern=ScheduleYear.PATTERN),
    CallbackQueryHandler(desk_answer_button, pattern=DeskAnswer.PATTERN),
]
# Tried before every other handler (a group below 0), without stopping them: any command ends the desk's modes.
EARLY: list[BaseHandler[Update, WireContext, None]] = [
    MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, end_modes),
]
# Texts and media that are no command reach ``receive`` through bot.telegram.handlers.private.
