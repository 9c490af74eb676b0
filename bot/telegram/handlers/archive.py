"""Journalists' archive: /search with paging buttons, /latest, /release (and /release_ID), inline mode.

Every handler works in private chats and in groups; the archive only ever shows published releases, except to
an admin in their private chat, who reads any release in any state with /release.
"""

from __future__ import annotations

import logging

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler, InlineQueryHandler, MessageHandler, filters

from bot import texts
from bot.domain.archive import latest_listing, parse_latest_count, parse_positive_id, search_listing
from bot.domain.digits import fa
from bot.services.archive import INLINE_CACHE_SECONDS, ResultsPage
from bot.telegram.args import beyond_range
from bot.telegram.callbacks import SearchPage
from bot.telegram.commands import Menu, Section, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.replies import send_parts
from bot.telegram.views.questions import release_buttons
from storage.db import utcnow

log = logging.getLogger(__name__)

# Telegram makes «/release_123» in a message clickable; in a group it may carry the bot's name.
RELEASE_LINK_PATTERN = r"^/release_(\d+)(@\w+)?$"
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _paging_keyboard(results: ResultsPage) -> InlineKeyboardMarkup | None:
    """«◀️ قبلی» / «بعدی ▶️» for a search with more than one page; the data is only the search id and page."""
    buttons = []
    if results.page > 1:
        data = SearchPage(results.search_id, results.page - 1).pack()
        buttons.append(InlineKeyboardButton(texts.BUTTON_PREVIOUS, callback_data=data))
    if results.page < results.pages:
        data = SearchPage(results.search_id, results.page + 1).pack()
        buttons.append(InlineKeyboardButton(texts.BUTTON_NEXT, callback_data=data))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def _requester_id(update: Update) -> int | None:
    """Who asked: the user, or for a channel post (no user) the channel itself."""
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None


async def search_command(update: Update, context: WireContext) -> None:
    """/search QUERY: the ten best published matches, with buttons to page through the rest."""
    message, requester = update.effective_message, _requester_id(update)
    if message is None or requester is None:
        return
    archive = context.runtime.archive
    results = await archive.search(requester, " ".join(context.args or []))
    if not results.entries:
        await message.reply_text(texts.SEARCH_EMPTY)
        return
    text = search_listing(
        results.query, results.total, results.page, results.entries, archive.tz, capped=results.capped
    )
    await message.reply_html(text, reply_markup=_paging_keyboard(results), link_preview_options=_NO_PREVIEW)


async def search_page_button(update: Update, context: WireContext) -> None:
    """«قبلی» / «بعدی» under search results: show that page in the same message."""
    query = update.callback_query
    if query is None:
        return
    wanted = SearchPage.parse(query.data)
    if wanted is None:  # an id no saved search can have
        await query.answer(texts.SEARCH_EXPIRED, show_alert=True)
        return
    archive = context.runtime.archive
    results = await archive.page(query.from_user.id, wanted.search_id, wanted.page)
    await query.answer()
    text = search_listing(
        results.query, results.total, results.page, results.entries, archive.tz, capped=results.capped
    )
    try:
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=_paging_keyboard(results), link_preview_options=_NO_PREVIEW
        )
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # a second press on the same page changes nothing
            raise


async def latest_command(update: Update, context: WireContext) -> None:
    """/latest [N]: the N (default 5, at most 20: more is 20, with a note) most recently published releases."""
    message = update.effective_message
    if message is None:
        return
    count = parse_latest_count(context.args or [])
    archive = context.runtime.archive
    entries = await archive.latest(count.value)
    if not entries:
        await message.reply_text(texts.LATEST_EMPTY)
        return
    listing = latest_listing(entries, archive.tz)
    if count.clamped:
        listing = texts.LATEST_CLAMPED.format(max=fa(count.value)) + "\n" + listing
    await message.reply_html(listing, link_preview_options=_NO_PREVIEW)


async def release_command(update: Update, context: WireContext) -> None:
    """/release ID: one published release exactly as journalists received it."""
    message = update.effective_message
    if message is None:
        return
    if not context.args:
        await message.reply_text(texts.RELEASE_USAGE)
        return
    release_id = parse_positive_id(context.args[0]) if len(context.args) == 1 else None
    if release_id is None:
        await _refuse_id(message, context.args[0] if len(context.args) == 1 else "")
        return
    await _show_release(message, context, release_id)


async def _refuse_id(message: Message, typed: str) -> None:
    """What is not a release id: a positive number beyond SQLite's range is answered as a release the
    archive does not have; anything else (a word, zero, a negative number) as no id at all."""
    huge = beyond_range(typed)
    if huge is not None and not huge.startswith("-"):
        await message.reply_text(texts.RELEASE_NOT_FOUND.format(id=fa(huge)))
        return
    await message.reply_text(texts.RELEASE_BAD_ID)


async def release_link(update: Update, context: WireContext) -> None:
    """/release_ID, the clickable form in result lists and digests."""
    message = update.effective_message
    if message is None or not context.matches:
        return
    match = context.matches[0]
    addressee = match.group(2)
    if addressee and addressee[1:].lower() != (context.bot.username or "").lower():
        return  # a command for another bot in the same group
    release_id = parse_positive_id(match.group(1))
    if release_id is None:
        await _refuse_id(message, match.group(1))
        return
    await _show_release(message, context, release_id)


async def _show_release(message: Message, context: WireContext, release_id: int) -> None:
    """The release as it was delivered; in a private chat with «❓ پرسش از این دستگاه» under it, as delivered there.

    An admin, in their private chat, reads any release in any state (a draft, one awaiting approval, a
    retracted one) as journalists would get it, under a line that says readers do not have it.
    """
    if await _shown_to_admin(message, context, release_id):
        return
    delivered = await context.runtime.archive.release(release_id)
    release = delivered.release
    buttons = release_buttons(release.organization_id, release.id) if message.chat.type == "private" else None
    await send_parts(message, delivered.parts, release.attachments, buttons)


async def _shown_to_admin(message: Message, context: WireContext, release_id: int) -> bool:
    """An admin asking in private for a release readers do not have: show it, marked so; True when shown."""
    user = message.from_user
    approval = context.runtime.approval
    if message.chat.type != "private" or user is None or not await approval.is_admin(user.id):
        return False
    seen = await approval.inspect(user.id, release_id)
    release = seen.release
    if release.status == "published":
        return False
    status = texts.STATUS_NAMES.get(release.status, release.status)
    await message.reply_text(texts.RELEASE_FOR_ADMINS.format(id=fa(release.id), status=status))
    parts = context.runtime.desk.render(release, seen.organization, release.published_at or utcnow())
    await send_parts(message, parts, release.attachments)
    return True


async def inline_search(update: Update, context: WireContext) -> None:
    """@bot QUERY in any chat: matching releases (the latest when empty) to post with one tap."""
    inline = update.inline_query
    if inline is None:
        return
    answer = await context.runtime.archive.inline(inline.query, inline.offset)
    results = [
        InlineQueryResultArticle(
            id=str(hit.release_id),
            title=hit.title,
            description=hit.description,
            input_message_content=InputTextMessageContent(
                hit.html, parse_mode=ParseMode.HTML, link_preview_options=_NO_PREVIEW
            ),
        )
        for hit in answer.hits
    ]
    await inline.answer(
        results, cache_time=INLINE_CACHE_SECONDS, is_personal=False, next_offset=answer.next_offset or None
    )


EVERYWHERE = Menu.EVERYONE | Menu.GROUPS
COMMANDS = (
    command("search", search_command, EVERYWHERE, section=Section.GENERAL),
    command("latest", latest_command, EVERYWHERE, section=Section.GENERAL),
    command("release", release_command, EVERYWHERE, section=Section.GENERAL),
)
HANDLERS: list[BaseHandler[Update, WireContext, None]] = [
    *command_handlers(COMMANDS),
    MessageHandler(filters.Regex(RELEASE_LINK_PATTERN), release_link),
    CallbackQueryHandler(search_page_button, pattern=SearchPage.PATTERN),
    InlineQueryHandler(inline_search),
]
