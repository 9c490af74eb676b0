"""What journalists read: the topic and county pickers, /stop's question, the channels they control."""

from __future__ import annotations

import html
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.services.readers import Place
from bot.telegram.callbacks import FilterPick, StopAnswer


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
