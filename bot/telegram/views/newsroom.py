"""The newsroom in Telegram: the «🔗 متن کامل» button under delivered copies, and /weblink's answers."""

from __future__ import annotations

from telegram import InlineKeyboardButton

from bot import texts


def full_text_button(url: str) -> InlineKeyboardButton:
    """The button that opens the release's public page."""
    return InlineKeyboardButton(texts.WEB_FULL_TEXT_BUTTON, url=url)


def web_link_text(on: bool, place: str) -> str:
    """What /weblink says of a chat's choice."""
    return (texts.WEB_LINK_ON if on else texts.WEB_LINK_OFF).format(place=place)
