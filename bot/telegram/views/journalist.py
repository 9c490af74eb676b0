"""What journalists read: the topic and county pickers, /stop's question, the channels they control."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.services.readers import Place, StateChange
from bot.telegram.callbacks import FilterPick, StopAnswer
from storage.subscriptions import Subscription


def picker(kind: str, place: Place, options: list[tuple[str, str]], selected: set[str]) -> InlineKeyboardMarkup:
    """A toggle keyboard: one button per option (✅ when chosen), then «همه» and «تأیید».

    The place it configures travels in every button, so a press works after a restart.
    """

    def button(text: str, key: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text, callback_data=FilterPick(kind, place.chat_id, place.thread_id, key).pack())

    buttons = [button((texts.SELECTED_MARK if key in selected else "") + label, key) for key, label in options]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            button((texts.SELECTED_MARK if not selected else "") + texts.BUTTON_ALL, FilterPick.ALL),
            button(texts.BUTTON_CONFIRM, FilterPick.CONFIRM),
        ]
    )
    return InlineKeyboardMarkup(rows)


def selected_in(markup: InlineKeyboardMarkup | None) -> set[str]:
    """The keys a picker's buttons show as chosen."""
    if markup is None:
        return set()
    chosen = set()
    for row in markup.inline_keyboard:
        for button in row:
            pressed = FilterPick.parse(button.callback_data if isinstance(button.callback_data, str) else None)
            marked = pressed is not None and button.text.startswith(texts.SELECTED_MARK)
            if marked and pressed is not None and pressed.key not in {FilterPick.ALL, FilterPick.CONFIRM}:
                chosen.add(pressed.key)
    return chosen


def stop_keyboard(place: Place) -> InlineKeyboardMarkup:
    """Yes and no under /stop's question."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_STOP_YES, callback_data=StopAnswer(place.chat_id, place.thread_id, "y").pack()
                ),
                InlineKeyboardButton(
                    texts.BUTTON_STOP_NO, callback_data=StopAnswer(place.chat_id, place.thread_id, "n").pack()
                ),
            ]
        ]
    )


def channels_text(found: Sequence[tuple[Place, str, bool]]) -> str:
    """/channels: the groups and channels a user controls, with state and the id for /use (HTML)."""
    if not found:
        return texts.CHANNELS_NONE
    lines = [texts.CHANNELS_HEADER]
    lines += [
        texts.CHANNELS_LINE.format(
            title=html.escape(place.title or "—"),
            id=place.chat_id,
            state=texts.SUBSCRIPTION_STATES.get(state, state),
            current=texts.CHANNELS_CURRENT if current else "",
        )
        for place, state, current in found
    ]
    lines.append(texts.CHANNELS_FOOTER)
    return "\n".join(lines)


def overview_text(subscription: Subscription, place_label: str, filters: str) -> str:
    """The whole configuration of a place: filters, state, instant or digest, quiet hours (HTML-safe)."""
    if subscription.state == "active":
        state = texts.STATE_ACTIVE
    elif subscription.state == "paused":
        state = texts.STATE_PAUSED
    else:
        reason = subscription.deactivated_reason or ""
        state = texts.STATE_DEACTIVATED.format(reason=texts.REASONS.get(reason, reason))
    delivery = (
        texts.DELIVERY_DIGEST.format(time=fa(subscription.digest_time))
        if subscription.digest_time
        else texts.DELIVERY_INSTANT
    )
    quiet = (
        texts.QUIET_SET.format(start=fa(subscription.quiet_start), end=fa(subscription.quiet_end))
        if subscription.quiet_start and subscription.quiet_end
        else texts.QUIET_NONE
    )
    return texts.FILTERS_HEADER.format(
        place=html.escape(place_label),
        filters=html.escape(filters),
        state=html.escape(state),
        delivery=delivery,
        quiet=quiet,
    )


def state_change_text(change: StateChange, label: str) -> str:
    """What /pause or /resume did to the place called ``label``."""
    if change.outcome == "paused":
        return texts.PAUSED.format(place=label)
    if change.outcome == "already_paused":
        return texts.ALREADY_PAUSED.format(place=label)
    if change.outcome == "resumed":
        return texts.RESUMED.format(place=label)
    if change.outcome == "already_active":
        return texts.ALREADY_ACTIVE.format(place=label)
    reason = change.reason or ""
    return texts.CANNOT_RESUME.format(place=label, reason=texts.REASONS.get(reason, reason))


def quiet_text(window: tuple[str, str] | None, label: str) -> str:
    """The answer to /quiet: the window set, or quiet hours removed."""
    if window is None:
        return texts.QUIET_OFF.format(place=label)
    return texts.QUIET_DONE.format(start=fa(window[0]), end=fa(window[1]), place=label)


def digest_text(at: str | None, first: datetime | None, label: str, zone: ZoneInfo) -> str:
    """The answer to /digest: off, or the daily time and when the first digest comes (now, or a date)."""
    if at is None:
        return texts.DIGEST_OFF.format(place=label)
    when = texts.DIGEST_NOW if first is None else format_datetime(first, zone)
    return texts.DIGEST_DONE.format(place=label, time=fa(at), first=when)
