"""The question desk's keyboards and texts: data from ``bot.services.questions`` → Persian and buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.telegram.callbacks import AskAgency, QuestionAction


def officer_keyboard(question_id: int) -> InlineKeyboardMarkup:
    """Under a question's notice to the agency's officers: claim, answer, forward, decline."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(texts.BUTTON_Q_CLAIM, callback_data=QuestionAction("claim", question_id).pack()),
                InlineKeyboardButton(texts.BUTTON_Q_ANSWER, callback_data=QuestionAction("answer", question_id).pack()),
            ],
            [
                InlineKeyboardButton(
                    texts.BUTTON_Q_FORWARD, callback_data=QuestionAction("forward", question_id).pack()
                ),
                InlineKeyboardButton(
                    texts.BUTTON_Q_DECLINE, callback_data=QuestionAction("decline", question_id).pack()
                ),
            ],
        ]
    )


def journalist_keyboard(question_id: int) -> InlineKeyboardMarkup:
    """Under what the journalist receives in a thread (an answer, a status change): follow up, close."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_Q_FOLLOWUP, callback_data=QuestionAction("followup", question_id).pack()
                ),
                InlineKeyboardButton(texts.BUTTON_Q_CLOSE, callback_data=QuestionAction("close", question_id).pack()),
            ]
        ]
    )


def ask_agency_button(organization_id: int, release_id: int) -> InlineKeyboardButton:
    """«❓ پرسش از این دستگاه» under a release delivered to a private chat."""
    return InlineKeyboardButton(texts.BUTTON_ASK_AGENCY, callback_data=AskAgency(organization_id, release_id).pack())


def release_buttons(organization_id: int, release_id: int) -> InlineKeyboardMarkup:
    """The dispatcher's buttons under a release's last message in a private chat: ask its agency."""
    return InlineKeyboardMarkup([[ask_agency_button(organization_id, release_id)]])
