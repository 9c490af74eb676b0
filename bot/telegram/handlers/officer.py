"""PR officers: joining through an invite, text drafts with their preview, tags, publishing, overview."""

from __future__ import annotations

import html
import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot import texts
from bot.domain.jalali import format_datetime
from bot.errors import NotAnOfficer
from bot.services.desk import ALBUM_MAX_ITEMS, MAX_TOPICS, Desk, Preview, fa
from bot.telegram import menus as commands
from bot.telegram.context import WireContext
from bot.telegram.handlers import common  # a module import: common imports this module too
from bot.telegram.handlers.admin import parse_id, remove_buttons
from bot.telegram.views.officer import report_text
from storage.officers import Redemption
from storage.releases import Attachment, Release

log = logging.getLogger(__name__)

INVITE_PREFIX = "inv_"
CALLBACK_PATTERN = r"^(pub|pubc|cancel|emb|sch|tp|ct|rep|back):\d+$"
PICK_PATTERN = r"^(tt|cs|sq):\d+:[\w+-]+$"
QUICK_TIMES = {"1h": "+1h", "3h": "+3h", "t9": "فردا ساعت ۹"}
_REFUSALS = {
    Redemption.USED: texts.INVITE_USED,
    Redemption.EXPIRED: texts.INVITE_EXPIRED,
    Redemption.UNKNOWN: texts.INVITE_UNKNOWN,
}


async def join(update: Update, context: WireContext, code: str) -> None:
    """/start inv_CODE: bind the user to the invite's organization, once."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    services = context.runtime.core
    outcome, officer = await services.storage.officers.redeem_invite(code, user.id, user.full_name, user.username)
    if outcome is not Redemption.JOINED or officer is None:
        log.info("invite refused user_id=%d outcome=%s", user.id, outcome.value)
        await message.reply_text(_REFUSALS[outcome])
        return
    org = await services.storage.organizations.get(officer.organization_id)
    await services.storage.audit.record(user.id, "officer.join", "organization", officer.organization_id)
    log.info("officer joined user_id=%d organization_id=%d", user.id, officer.organization_id)
    await message.reply_text(texts.JOINED.format(name=user.first_name, org=org.name if org else "?"))
    await commands.refresh_user_menu(context.bot, services.storage, services.settings, user.id)


def _keyboard(preview: Preview) -> InlineKeyboardMarkup:
    draft = preview.release.id
    publish = (
        InlineKeyboardButton(texts.BUTTON_PUBLISH_ANYWAY, callback_data=f"pubc:{draft}")
        if preview.duplicate
        else InlineKeyboardButton(texts.BUTTON_PUBLISH, callback_data=f"pub:{draft}")
    )
    rows = [
        [
            publish,
            InlineKeyboardButton(texts.BUTTON_SCHEDULE, callback_data=f"sch:{draft}"),
            InlineKeyboardButton(texts.BUTTON_CANCEL, callback_data=f"cancel:{draft}"),
        ],
        [
            InlineKeyboardButton(texts.BUTTON_TOPICS, callback_data=f"tp:{draft}"),
            InlineKeyboardButton(texts.BUTTON_COUNTY, callback_data=f"ct:{draft}"),
            InlineKeyboardButton(texts.BUTTON_REPLACE, callback_data=f"rep:{draft}"),
        ],
    ]
    if preview.embargo is not None:
        rows.insert(0, [InlineKeyboardButton(texts.BUTTON_SCHEDULE_EMBARGO, callback_data=f"emb:{draft}")])
    return InlineKeyboardMarkup(rows)


def _topics_keyboard(desk: Desk, release: Release) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            ("✅ " if t.slug in release.topics else "") + t.label, callback_data=f"tt:{release.id}:{t.slug}"
        )
        for t in desk.core.pipeline.topics
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([InlineKeyboardButton(texts.BUTTON_DONE, callback_data=f"back:{release.id}")])
    return InlineKeyboardMarkup(rows)


def _county_keyboard(desk: Desk, release: Release) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            ("✅ " if c.slug == release.county else "") + c.name, callback_data=f"cs:{release.id}:{c.slug}"
        )
        for c in desk.core.pipeline.counties
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    province = ("✅ " if release.county is None else "") + texts.BUTTON_PROVINCE
    rows.append([InlineKeyboardButton(province, callback_data=f"cs:{release.id}:none")])
    rows.append([InlineKeyboardButton(texts.BUTTON_BACK, callback_data=f"back:{release.id}")])
    return InlineKeyboardMarkup(rows)


def _schedule_keyboard(release_id: int) -> InlineKeyboardMarkup:
    labels = {"1h": texts.BUTTON_IN_1H, "3h": texts.BUTTON_IN_3H, "t9": texts.BUTTON_TOMORROW_9}
    quick = [InlineKeyboardButton(labels[k], callback_data=f"sq:{release_id}:{k}") for k in QUICK_TIMES]
    return InlineKeyboardMarkup([quick, [InlineKeyboardButton(texts.BUTTON_BACK, callback_data=f"back:{release_id}")]])


async def _show(message: Message, desk: Desk, preview: Preview) -> None:
    """Send the preview exactly as journalists will receive it, then the control message."""
    await message.reply_text(texts.PREVIEW_HEADER.format(id=fa(preview.release.id)))
    await common.send_parts(message, preview.parts, preview.release.attachments)
    await message.reply_text(desk.summary(preview), reply_markup=_keyboard(preview))


async def draft_from_text(update: Update, context: WireContext) -> None:
    """Any text an officer sends in the private chat becomes a draft with its preview."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return
    desk = context.runtime.desk
    pending = await desk.storage.officers.correcting(user.id)
    target = await desk.storage.releases.get(pending) if pending is not None else None
    if target is not None and target.status == "published":
        await _correct(message, desk, user.id, target.id, message.text)
        return
    if target is not None and target.status in {"draft", "scheduled"}:
        await _show(message, desk, await desk.replace_text(user.id, target.id, message.text))
        return
    try:
        preview = await desk.create_draft(
            user.id, message.text, source_chat_id=message.chat_id, source_message_id=message.message_id
        )
    except NotAnOfficer:
        # Not an officer: this is a journalist or a visitor writing to the bot.
        await message.reply_text(texts.UNSUPPORTED_MESSAGE)
        return
    await _show(message, desk, preview)


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


async def media_draft(update: Update, context: WireContext) -> None:
    """A photo, video or file from an officer (its caption is the text) becomes a draft; albums are collected."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    officer = await context.runtime.core.storage.officers.get(user.id)
    if officer is None or not officer.active:
        await message.reply_text(texts.UNSUPPORTED_MESSAGE if officer is None else texts.OFFICER_REVOKED)
        return
    if attachment_of(message) is None:
        await message.reply_text(texts.UNSUPPORTED_FROM_OFFICER)
        return
    if message.media_group_id:
        context.bot_data.albums.add(message, lambda items: _media_draft(items, context, user.id))
        return
    await _media_draft([message], context, user.id)


async def _media_draft(items: list[Message], context: WireContext, user_id: int) -> None:
    first = items[0]
    if len(items) > ALBUM_MAX_ITEMS:
        await first.reply_text(texts.ALBUM_TOO_LARGE)
        items = items[:ALBUM_MAX_ITEMS]
    attachments = [a for a in map(attachment_of, items) if a is not None]
    caption = next((m.caption for m in items if m.caption), "")
    desk = context.runtime.desk
    preview = await desk.create_draft(
        user_id, caption, attachments=attachments, source_chat_id=first.chat_id, source_message_id=first.message_id
    )
    await _show(first, desk, preview)


def _first_id(context: WireContext) -> int | None:
    return parse_id(context.args[0]) if context.args else None


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
    await desk.storage.releases.set_report_message(release_id, report.chat_id, report.message_id)


async def publish_command(update: Update, context: WireContext) -> None:
    """/publish DRAFT_ID [confirm]: publish a draft now."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = _first_id(context)
    if release_id is None:
        await message.reply_text(texts.PUBLISH_USAGE)
        return
    confirmed = len(context.args or []) > 1 and context.args[1].lower() in {"confirm", "تایید", "تأیید"}  # type: ignore[index]
    await _publish(message, context, user.id, release_id, confirmed=confirmed)


async def cancel_command(update: Update, context: WireContext) -> None:
    """/cancel DRAFT_ID: drop a draft."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = _first_id(context)
    if release_id is None:
        await message.reply_text(texts.CANCEL_USAGE)
        return
    await _cancel(message, context, user.id, release_id)


async def _cancel(message: Message, context: WireContext, user_id: int, release_id: int) -> None:
    await context.runtime.desk.cancel(user_id, release_id)
    await message.reply_text(texts.DRAFT_CANCELLED.format(id=fa(release_id)))


async def draft_button(update: Update, context: WireContext) -> None:
    """The publish / publish-anyway / cancel buttons under a preview."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None or not isinstance(query.message, Message):
        return
    await query.answer()
    action, _, raw_id = query.data.partition(":")
    release_id = int(raw_id)
    desk = context.runtime.desk
    if action in {"tp", "ct", "sch", "back"}:
        # Pickers replace the buttons of the same message; nothing changes until a choice is made.
        _, org, release = await desk.own_draft(user.id, release_id)
        if action == "tp":
            await query.edit_message_text(
                texts.PICK_TOPICS.format(id=fa(release_id), limit=fa(MAX_TOPICS)),
                reply_markup=_topics_keyboard(desk, release),
            )
        elif action == "ct":
            await query.edit_message_text(
                texts.PICK_COUNTY.format(id=fa(release_id)), reply_markup=_county_keyboard(desk, release)
            )
        elif action == "sch":
            await query.edit_message_text(
                texts.PICK_SCHEDULE.format(id=fa(release_id)), reply_markup=_schedule_keyboard(release_id)
            )
        else:
            preview = await desk.preview(release, org)
            await query.edit_message_text(desk.summary(preview), reply_markup=_keyboard(preview))
        return
    await remove_buttons(query)  # one press per preview: the buttons go away
    if action == "cancel":
        await _cancel(query.message, context, user.id, release_id)
    elif action == "emb":
        await _schedule(query.message, context, user.id, release_id, None, confirmed=True)
    elif action == "rep":
        await desk.start_replacement(user.id, release_id)
        await query.message.reply_text(texts.REPLACE_WAITING.format(id=fa(release_id)))
    else:
        await _publish(query.message, context, user.id, release_id, confirmed=action == "pubc")


async def pick_button(update: Update, context: WireContext) -> None:
    """A choice inside a picker: toggle a topic, set the county, or a quick schedule time."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None or not isinstance(query.message, Message):
        return
    action, raw_id, value = query.data.split(":", 2)
    release_id = int(raw_id)
    desk = context.runtime.desk
    if action == "tt":
        release = await desk.toggle_topic(user.id, release_id, value)
        await query.answer()
        await query.edit_message_reply_markup(_topics_keyboard(desk, release))
    elif action == "cs":
        preview = await desk.set_county(user.id, release_id, value)
        await query.answer()
        await query.edit_message_text(desk.summary(preview), reply_markup=_keyboard(preview))
    else:
        await query.answer()
        await remove_buttons(query)
        await _schedule(query.message, context, user.id, release_id, QUICK_TIMES[value], confirmed=False)


async def schedule_command(update: Update, context: WireContext) -> None:
    """/schedule DRAFT_ID WHEN [confirm] | /schedule DRAFT_ID off: publish later, change or drop the time."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    args = list(context.args or [])
    release_id = _first_id(context)
    if release_id is None or len(args) < 2:
        await message.reply_text(texts.SCHEDULE_USAGE)
        return
    words = args[1:]
    confirmed = words[-1].lower() in {"confirm", "تایید", "تأیید"}
    if confirmed:
        words = words[:-1]
    if [w.lower() for w in words] in (["off"], ["لغو"]):
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
    when_text = format_datetime(when, desk.core.settings.timezone)
    await message.reply_text(texts.SCHEDULED.format(id=fa(release_id), when=when_text))


async def correct_command(update: Update, context: WireContext) -> None:
    """/correct RELEASE_ID: the next text the officer sends is the corrected release."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = _first_id(context)
    if release_id is None:
        await message.reply_text(texts.CORRECT_USAGE)
        return
    await context.runtime.desk.start_correction(user.id, release_id)
    await message.reply_text(texts.CORRECT_WAITING.format(id=fa(release_id)))


async def _correct(message: Message, desk: Desk, user_id: int, release_id: int, text: str) -> None:
    version, enqueued = await desk.correct(user_id, release_id, text)
    await message.reply_text(
        texts.CORRECTION_QUEUED.format(id=fa(release_id), version=fa(version), count=fa(enqueued.deliveries))
    )


async def retract_command(update: Update, context: WireContext) -> None:
    """/retract RELEASE_ID [REASON]: delete every delivered copy and take the release out of search."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = _first_id(context)
    if release_id is None:
        await message.reply_text(texts.RETRACT_USAGE)
        return
    reason = " ".join((context.args or [])[1:]).strip() or None
    enqueued = await context.runtime.desk.retract(user.id, release_id, reason)
    await message.reply_text(texts.RETRACTION_QUEUED.format(id=fa(release_id), count=fa(enqueued.deliveries)))


async def set_topics_command(update: Update, context: WireContext) -> None:
    """/settopics DRAFT_ID SLUG...: replace a draft's topics."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    desk = context.runtime.desk
    release_id = _first_id(context)
    if release_id is None or len(context.args or []) < 2:
        all_topics = " ".join(t.slug for t in desk.core.pipeline.topics)
        await message.reply_text(texts.SETTOPICS_USAGE.format(all_topics=all_topics))
        return
    await _retag(message, desk, desk.set_topics(user.id, release_id, (context.args or [])[1:]))


async def set_county_command(update: Update, context: WireContext) -> None:
    """/setcounty DRAFT_ID SLUG|none: set a draft's county."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    desk = context.runtime.desk
    release_id = _first_id(context)
    if release_id is None or len(context.args or []) != 2:
        all_counties = " ".join(c.slug for c in desk.core.pipeline.counties)
        await message.reply_text(texts.SETCOUNTY_USAGE.format(all_counties=all_counties))
        return
    await _retag(message, desk, desk.set_county(user.id, release_id, (context.args or [])[1]))


async def _retag(message: Message, desk: Desk, change: Any) -> None:
    preview: Preview = await change
    await _show(message, desk, preview)


async def my_command(update: Update, context: WireContext) -> None:
    """/my: the organization's latest releases with status and reach."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    org, rows = await context.runtime.desk.my_releases(user.id)
    if not rows:
        await message.reply_text(texts.MY_EMPTY)
        return
    lines = [texts.MY_HEADER.format(org=html.escape(org.name))]
    for release, progress in rows:
        reach = f" — {fa(progress.sent)}/{fa(progress.total)}" if progress.total else ""
        lines.append(
            texts.MY_LINE.format(
                id=fa(release.id),
                title=html.escape(release.title[:80]),
                status=texts.STATUS_NAMES.get(release.status, release.status),
                reach=reach,
            )
        )
    await message.reply_html("\n".join(lines))


async def status_command(update: Update, context: WireContext) -> None:
    """/status RELEASE_ID: one release's delivery report."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    release_id = _first_id(context)
    if release_id is None:
        await message.reply_text(texts.STATUS_USAGE)
        return
    release, progress = await context.runtime.desk.status(user.id, release_id)
    status = texts.STATUS_NAMES.get(release.status, release.status)
    await message.reply_text(f"{fa(release.id)}. {release.title}\n{status}\n\n{report_text(progress)}")
