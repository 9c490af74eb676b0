"""Journalists: onboarding, filters, pause/resume/stop, quiet hours, digests, groups and the chats they control.

Every command applies to a *place*: the group or forum topic it was sent in, or, in a private chat,
the user's own chat or the group/channel chosen with /use. Pickers keep their state in the message's
own buttons (✅ marks), so a press works after a restart; the selection is saved on «تأیید».
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Message, Update, User
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import texts
from bot.domain.daytime import parse_time_of_day, parse_time_range
from bot.domain.digits import fa, to_persian_digits
from bot.errors import InvalidInput, NotAChatAdmin, UnknownId, WrongState
from bot.services.readers import Place, Readers, option_lines
from bot.telegram.args import beyond_range, clears, command_text, is_yes, parse_id
from bot.telegram.callbacks import FilterPick, StopAnswer
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.views.journalist import (
    channels_text,
    digest_text,
    overview_text,
    picker,
    quiet_text,
    selected_in,
    state_change_text,
    stop_keyboard,
)
from storage.subscriptions import Subscription

log = logging.getLogger(__name__)

_DIMENSIONS = {"t": "topic", "o": "topic", "c": "county"}


def _clears(args: list[str]) -> bool:
    """A single word that clears the dimension («all», «همه», …)."""
    return len(args) == 1 and clears(args[0])


# -- where a command applies -----------------------------------------------------------------------


def thread_of(message: Message) -> int:
    """The forum topic a message was sent in, or 0 for the chat itself."""
    return (message.message_thread_id or 0) if message.is_topic_message else 0


async def _where(update: Update, context: WireContext) -> tuple[Readers, Place, str, Message, User] | None:
    """The readers' service, the place the command applies to, how replies name it, the message and its sender.

    None for an update without a message, sender or chat (nothing to answer).
    """
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return None
    readers = context.runtime.readers
    if chat.type != "private":
        await readers.remember_chat(chat.id, chat.type, chat.title, chat.username, is_forum=bool(chat.is_forum))
    place = await readers.place_for(user.id, chat.id, chat.type, chat.title, thread_of(message))
    here = place.chat_id == chat.id
    return readers, place, place.label(here=here), message, user


def _prefix(place: Place, update: Update) -> str:
    """Replies about another chat (chosen with /use) say which one."""
    chat = update.effective_chat
    return "" if chat is None or place.chat_id == chat.id else texts.FOR_PLACE.format(place=place.label(here=False))


# -- pickers ---------------------------------------------------------------------------------------


async def _open_picker(message: Message, readers: Readers, kind: str, place: Place, label: str) -> None:
    subscription = await readers.subscription(place)
    current = set(subscription.filters.get(_DIMENSIONS[kind], ())) if subscription else set()
    if kind == "c":
        text, options = texts.PICK_READER_COUNTIES, readers.county_options()
    else:
        text, options = texts.PICK_READER_TOPICS, readers.topic_options()
    await message.reply_text(text.format(place=label), reply_markup=picker(kind, place, options, current))


async def pick_button(update: Update, context: WireContext) -> None:
    """A press on a topic or county picker: toggle, «همه», or «تأیید» (save and subscribe)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = FilterPick.parse(query.data)
    readers = context.runtime.readers
    place = await readers.place_of_button(user.id, pressed.chat_id, pressed.thread_id) if pressed else None
    if pressed is None or place is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    kind, key = pressed.kind, pressed.key
    options = readers.county_options() if kind == "c" else readers.topic_options()
    known = {k for k, _ in options}
    selected = selected_in(query.message.reply_markup) & known
    if key != FilterPick.CONFIRM:
        # Only who controls the place moves its marks (an alert for anyone else, through the error route);
        # «تأیید» is checked where the filters are saved.
        await readers.check_control(user.id, place)
        if key == FilterPick.ALL:
            selected = set()
        elif key in known:
            selected ^= {key}
        else:
            await query.answer(texts.PICKER_STALE, show_alert=True)
            return
        # The keyboard changes before the answer, so a press that follows the answer sees the new marks.
        with contextlib.suppress(BadRequest):  # «همه» pressed when nothing was chosen: nothing to change
            await query.edit_message_reply_markup(picker(kind, place, options, selected))
        await query.answer()
        return
    here = place.chat_id == query.message.chat_id
    label = place.label(here=here)
    ordered = [k for k, _ in options if k in selected]
    subscription = await readers.set_filter(user.id, place, {_DIMENSIONS[kind]: ordered})
    if kind == "o":
        # Onboarding goes on from topics to counties in the same message.
        counties = set(subscription.filters.get("county", ()))
        await query.edit_message_text(
            texts.PICK_READER_COUNTIES.format(place=label),
            reply_markup=picker("c", place, readers.county_options(), counties),
        )
    else:
        await query.edit_message_text(await _subscribed_text(readers, subscription, label))
    await query.answer(texts.PICKER_SAVED)


async def _subscribed_text(readers: Readers, subscription: Subscription, label: str) -> str:
    template = texts.SUBSCRIBED_PAUSED if subscription.state == "paused" else texts.SUBSCRIBED
    return template.format(place=label, filters=await readers.describe(subscription))


# -- onboarding and filters -------------------------------------------------------------------------


async def onboard(update: Update, context: WireContext) -> None:
    """/start in a private chat: a few lines about the service, then the topic picker."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    readers = context.runtime.readers
    place = Place(message.chat_id, 0, "private", None)
    subscription = await readers.subscription(place)
    current = set(subscription.filters.get("topic", ())) if subscription else set()
    await message.reply_html(texts.START_REPLY, reply_markup=picker("o", place, readers.topic_options(), current))


async def topics_command(update: Update, context: WireContext) -> None:
    """/topics [SLUG...|all]: the picker, or set the topics typed."""
    await _dimension_command(update, context, "t")


async def counties_command(update: Update, context: WireContext) -> None:
    """/counties [SLUG...|province|all]: the picker, or set the counties typed."""
    await _dimension_command(update, context, "c")


async def _dimension_command(update: Update, context: WireContext, kind: str) -> None:
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    if not context.args:
        await readers.check_control(user.id, place)
        await _open_picker(message, readers, kind, place, label)
        return
    if _clears(context.args):
        values: list[str] = []
    else:
        typed = command_text(message)
        values = readers.parse_counties(typed) if kind == "c" else readers.parse_topics(typed)
    subscription = await readers.set_filter(user.id, place, {_DIMENSIONS[kind]: values})
    await message.reply_text(_prefix(place, update) + await _subscribed_text(readers, subscription, label))


async def agencies_command(update: Update, context: WireContext) -> None:
    """/agencies [ORG_ID...|all]: list the agencies, or set those typed."""
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    if not context.args:
        options = await readers.agency_options()
        if not options:
            await message.reply_text(texts.AGENCIES_EMPTY)
            return
        listed = [(to_persian_digits(k), v) for k, v in options]
        await message.reply_text(texts.AGENCIES_USAGE.format(example=options[0][0], options=option_lines(listed)))
        return
    values = [] if _clears(context.args) else await readers.parse_agencies(command_text(message))
    subscription = await readers.set_filter(user.id, place, {"organization": values})
    await message.reply_text(_prefix(place, update) + await _subscribed_text(readers, subscription, label))


async def keywords_command(update: Update, context: WireContext) -> None:
    """/keywords +WORD -WORD "a phrase"…: replace the keywords; «clear» removes them."""
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    args = command_text(message)
    if not args:
        subscription = await readers.subscription(place)
        current = await readers.describe(subscription) if subscription else ""
        await message.reply_text(texts.KEYWORDS_USAGE.format(current=current))
        return
    include, exclude = ((), ()) if clears(args) else readers.parse_keywords(args)
    subscription = await readers.set_filter(user.id, place, {"include": include, "exclude": exclude})
    await message.reply_text(_prefix(place, update) + await _subscribed_text(readers, subscription, label))


async def filters_command(update: Update, context: WireContext) -> None:
    """/filters: the whole configuration of the place in plain Persian."""
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, _ = found
    subscription = await readers.subscription(place)
    if subscription is None and place.is_private:
        # Not subscribed yet (the topic list /start sent was never confirmed): that list again, here.
        await message.reply_text(
            texts.FILTERS_NONE_PRIVATE.format(place=label),
            reply_markup=picker("o", place, readers.topic_options(), set()),
        )
        return
    if subscription is None:
        await message.reply_text(texts.FILTERS_NONE.format(place=label))
        return
    await message.reply_html(overview_text(subscription, label, await readers.describe(subscription)))


async def subscribe_command(update: Update, context: WireContext) -> None:
    """/subscribe in a group or forum topic: its administrators make it a subscriber."""
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    if message.chat.type == "private":
        await message.reply_text(texts.SUBSCRIBE_GROUP_ONLY)
        return
    try:
        subscription = await readers.subscribe(user.id, place)
    except NotAChatAdmin:
        log.info("subscribe refused chat_id=%d user_id=%d", message.chat_id, user.id)
        await message.reply_text(texts.SUBSCRIBE_REFUSED)
        return
    await message.reply_text(await _subscribed_text(readers, subscription, label))


# -- pause, resume, stop, quiet hours, digest -----------------------------------------------------------


async def pause_command(update: Update, context: WireContext) -> None:
    """/pause: stop sending to the place, keeping its filters."""
    await _state_command(update, context, "pause")


async def resume_command(update: Update, context: WireContext) -> None:
    """/resume: send to the place again."""
    await _state_command(update, context, "resume")


async def quiet_command(update: Update, context: WireContext) -> None:
    """/quiet 23:00-07:00 or /quiet off: releases arrive without a sound in that window."""
    await _state_command(update, context, "quiet")


async def digest_command(update: Update, context: WireContext) -> None:
    """/digest HH:MM or /digest off: one digest a day instead of each release."""
    await _state_command(update, context, "digest")


async def _state_command(update: Update, context: WireContext, action: str) -> None:
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    args = " ".join(context.args or ())
    if action == "pause":
        reply = state_change_text(await readers.pause(user.id, place, label), label)
    elif action == "resume":
        reply = state_change_text(await readers.resume(user.id, place, label), label)
    elif not args:
        reply = await _usage(readers, place, action)
    elif action == "quiet":
        window = None if clears(args) else parse_time_range(args)
        await readers.quiet(user.id, place, label, window)
        reply = quiet_text(window, label)
    else:
        at = None if clears(args) else parse_time_of_day(args)
        first = await readers.digest(user.id, place, label, at)
        reply = digest_text(at, first, label, context.runtime.settings.timezone)
    await message.reply_text(_prefix(place, update) + reply)


async def _usage(readers: Readers, place: Place, action: str) -> str:
    subscription = await readers.subscription(place)
    if action == "quiet":
        current = texts.QUIET_NONE
        if subscription and subscription.quiet_start and subscription.quiet_end:
            current = texts.QUIET_SET.format(
                start=to_persian_digits(subscription.quiet_start), end=to_persian_digits(subscription.quiet_end)
            )
        return texts.QUIET_USAGE.format(current=current)
    current = texts.DELIVERY_INSTANT
    if subscription and subscription.digest_time:
        current = texts.DELIVERY_DIGEST.format(time=to_persian_digits(subscription.digest_time))
    return texts.DIGEST_USAGE.format(current=current)


async def stop_command(update: Update, context: WireContext) -> None:
    """/stop asks for confirmation; /stop yes removes the place's subscription and filters."""
    found = await _where(update, context)
    if found is None:
        return
    readers, place, label, message, user = found
    if context.args and is_yes(context.args[0]):
        await readers.stop(user.id, place, label)
        await message.reply_text(_prefix(place, update) + texts.STOPPED.format(place=label))
        return
    await readers.check_control(user.id, place)
    if await readers.subscription(place) is None:
        raise WrongState(texts.NOT_SUBSCRIBED.format(place=label))
    await message.reply_text(texts.STOP_CONFIRM.format(place=label), reply_markup=stop_keyboard(place))


async def stop_button(update: Update, context: WireContext) -> None:
    """The answer to /stop's question."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    answered = StopAnswer.parse(query.data)
    readers = context.runtime.readers
    place = await readers.place_of_button(user.id, answered.chat_id, answered.thread_id) if answered else None
    if answered is None or place is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    label = place.label(here=place.chat_id == query.message.chat_id)
    if answered.answer == "n":
        await query.edit_message_text(texts.STOP_KEPT.format(place=label))
        await query.answer()
        return
    await readers.stop(user.id, place, label)
    await query.edit_message_text(texts.STOPPED.format(place=label))
    await query.answer()


# -- the groups and channels a user controls ---------------------------------------------------------


async def channels_command(update: Update, context: WireContext) -> None:
    """/channels: the groups and channels the user controls, with their state and ids for /use."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    if chat.type != "private":
        await message.reply_text(texts.USE_PRIVATE_ONLY)
        return
    await message.reply_html(channels_text(await context.runtime.readers.channels(user.id)))


async def use_command(update: Update, context: WireContext) -> None:
    """/use CHAT_ID points the filter commands at a group or channel the user controls; /use me back."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    if chat.type != "private":
        await message.reply_text(texts.USE_PRIVATE_ONLY)
        return
    if not context.args:
        await message.reply_text(texts.USE_USAGE)
        return
    value = context.args[0]
    if value.strip().lower() in {"me", "من", "خودم"}:
        await context.runtime.readers.use(user.id, None)
        await message.reply_text(texts.USE_ME)
        return
    chat_id = parse_id(value)
    if chat_id is None and (huge := beyond_range(value)) is not None:
        raise UnknownId(texts.USE_UNKNOWN.format(id=fa(huge)))  # no chat has such an id
    if chat_id is None:
        raise InvalidInput(texts.USE_USAGE)
    place = await context.runtime.readers.use(user.id, chat_id)
    assert place is not None
    await message.reply_text(texts.USE_DONE.format(place=place.label(here=False)))


EVERYWHERE = Menu.EVERYONE | Menu.GROUPS
COMMANDS = (
    command("topics", topics_command, EVERYWHERE),
    command("counties", counties_command, EVERYWHERE),
    command("agencies", agencies_command, EVERYWHERE),
    command("keywords", keywords_command, EVERYWHERE),
    command("filters", filters_command, EVERYWHERE),
    command("subscribe", subscribe_command, Menu.GROUPS),
    command("pause", pause_command, EVERYWHERE),
    command("resume", resume_command, EVERYWHERE),
    command("stop", stop_command, EVERYWHERE),
    command("quiet", quiet_command, EVERYWHERE),
    command("digest", digest_command, EVERYWHERE),
    command("channels", channels_command, Menu.EVERYONE),
    command("use", use_command, Menu.EVERYONE),
)
HANDLERS: list[BaseHandler[Update, WireContext, None]] = [
    *command_handlers(COMMANDS),
    CallbackQueryHandler(pick_button, pattern=FilterPick.PATTERN),
    CallbackQueryHandler(stop_button, pattern=StopAnswer.PATTERN),
]
