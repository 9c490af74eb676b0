"""The question desk's keyboards and texts: data from ``bot.services.questions`` → Persian and buttons.

Listings and threads are HTML (what users typed is escaped); the short confirmations are plain text.
Times are Jalali on the bot's wall clock: the deadline «تا ۱۳ آذر، ساعت ۱۰:۳۰» and the time left
«۵ ساعت و ۲۰ دقیقه مانده» (``bot.domain.deadline``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Literal
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.services.questions import QuestionView
from bot.telegram.callbacks import AgencyPage, AskAgency, ForwardTo, QuestionAction
from storage.questions import LIVE, Profile, ThreadMessage

# Who reads a thread: its journalist, an officer of the agency it is with, or an admin.
Viewer = Literal["journalist", "agency", "admin"]

PICKER_PAGE = 8  # agencies per page of a picker, one per row: their names are long
EXCERPT = 160  # characters of a question shown in a listing


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


def close_keyboard(question_id: int) -> InlineKeyboardMarkup:
    """Yes and no under «بستن پرسش»'s question."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_Q_CLOSE_YES, callback_data=QuestionAction("closeok", question_id).pack()
                ),
                InlineKeyboardButton(texts.BUTTON_Q_CLOSE_NO, callback_data=QuestionAction("keep", question_id).pack()),
            ]
        ]
    )


def agency_picker(
    options: Sequence[tuple[str, str]], page: int, *, question_id: int, exclude: int | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """A page of agencies to ask (``question_id`` 0) or to forward a question to, with «قبلی» / «بعدی».

    ``options`` are (id as text, name) by name; ``exclude`` (the question's agency now) is left out.
    """
    agencies = [(int(key), name) for key, name in options if int(key) != exclude]
    pages = max(1, math.ceil(len(agencies) / PICKER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = agencies[page * PICKER_PAGE : (page + 1) * PICKER_PAGE]

    def pick(org_id: int) -> str:
        return ForwardTo(question_id, org_id).pack() if question_id else AskAgency(org_id, 0).pack()

    rows = [[InlineKeyboardButton(f"{name} ({fa(org_id)})", callback_data=pick(org_id))] for org_id, name in shown]
    paging = []
    if page > 0:
        paging.append(
            InlineKeyboardButton(texts.BUTTON_PREVIOUS, callback_data=AgencyPage(question_id, page - 1).pack())
        )
    if page < pages - 1:
        paging.append(InlineKeyboardButton(texts.BUTTON_NEXT, callback_data=AgencyPage(question_id, page + 1).pack()))
    if paging:
        rows.append(paging)
    shown_page, page_count = fa(page + 1), fa(pages)
    if question_id:
        text = texts.Q_FORWARD_PICK.format(id=fa(question_id), page=shown_page, pages=page_count)
    else:
        text = texts.Q_ASK_PICK.format(page=shown_page, pages=page_count)
    return text, InlineKeyboardMarkup(rows)


def profile_text(profile: Profile | None) -> str:
    """/profile alone: how the agencies see the journalist, or how to introduce themselves."""
    if profile is None:
        return texts.Q_PROFILE_NONE
    text = texts.Q_PROFILE_SHOWN.format(name=profile.full_name, outlet=profile.outlet)
    if profile.blocked:
        text += texts.Q_PROFILE_BLOCKED.format(reason=profile.block_reason or "—")
    return text


def asked_text(view: QuestionView) -> str:
    """The journalist's confirmation: where the question went and until when the agency has to answer."""
    return texts.Q_ASKED.format(
        id=fa(view.question.id), org=view.organization.name, deadline=view.deadline, left=view.time_left
    )


def _status_line(view: QuestionView) -> str:
    if view.waiting:
        return texts.Q_CARD_STATUS_TIMED.format(status=view.status_name, left=view.time_left, deadline=view.deadline)
    return texts.Q_CARD_STATUS.format(status=view.status_name)


def _journalist(view: QuestionView) -> str:
    profile = view.journalist
    if profile is None:  # pragma: no cover - a question is only asked with a profile
        return "—"
    return texts.Q_JOURNALIST.format(name=html.escape(profile.full_name), outlet=html.escape(profile.outlet))


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return html.escape(flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…")


def _card(view: QuestionView, *, with_journalist: bool, with_agency: bool = True) -> str:
    """One question in a listing: id and agency, who asked (for the agency), status and time, the text, the link."""
    question = view.question
    if with_agency:
        lines = [texts.Q_CARD_TITLE.format(id=fa(question.id), org=html.escape(view.organization.name))]
    else:
        lines = [texts.Q_CARD_TITLE_ALONE.format(id=fa(question.id))]
    if with_journalist:
        lines.append(texts.Q_CARD_FROM.format(journalist=_journalist(view)))
    lines.append(_status_line(view))
    lines.append(f"«{_excerpt(question.text)}»")
    lines.append(texts.Q_LIST_LINK.format(id=question.id))
    return "\n".join(lines)


def my_questions_text(views: Sequence[QuestionView]) -> str:
    """/questions for a journalist: their questions, newest first, with status and time left (HTML)."""
    if not views:
        return texts.Q_MINE_NONE
    return "\n\n".join([texts.Q_MINE_HEADER, *(_card(v, with_journalist=False) for v in views)])


def inbox_text(org_name: str, views: Sequence[QuestionView]) -> str:
    """/inbox: the agency's questions waiting for an answer, oldest first, with who asked and the time left (HTML)."""
    if not views:
        return texts.Q_INBOX_NONE.format(org=html.escape(org_name))
    header = texts.Q_INBOX_HEADER.format(org=html.escape(org_name))
    return "\n\n".join([header, *(_card(v, with_journalist=True, with_agency=False) for v in views)])


def open_questions_text(views: Sequence[QuestionView]) -> str:
    """/questions for an admin: every agency's open questions, overdue first (HTML)."""
    if not views:
        return texts.Q_OPEN_NONE
    return "\n\n".join([texts.Q_OPEN_HEADER, *(_card(v, with_journalist=True) for v in views)])


def thread_text(view: QuestionView, tz: ZoneInfo) -> str:
    """A question's whole conversation: its card, then every message with who wrote it and when (HTML)."""
    question = view.question
    lines = [
        texts.Q_CARD_TITLE.format(id=fa(question.id), org=html.escape(view.organization.name)),
        texts.Q_CARD_FROM.format(journalist=_journalist(view)),
        _status_line(view),
        texts.Q_THREAD_ASKED.format(asked=format_datetime(question.asked_at, tz)),
    ]
    if question.release_id is not None:
        lines.append(
            texts.Q_CARD_ABOUT.format(release=question.release_id, title=html.escape(view.release_title or "—"))
        )
    blocks = ["\n".join(lines)]
    for line in view.messages:
        head = texts.Q_THREAD_LINE.format(who=_author(view, line), when=format_datetime(line.created_at, tz))
        body = [f"<b>{head}</b>"]
        if line.kind != "text":
            body.append(texts.Q_THREAD_FILE.format(kind=texts.Q_FILE_KINDS.get(line.kind, line.kind)))
        if line.text:
            body.append(html.escape(line.text))
        blocks.append("\n".join(body))
    return "\n\n".join(blocks)


def _author(view: QuestionView, line: ThreadMessage) -> str:
    """Who wrote a line of the thread: the journalist, an agency, the provincial PR office, or the bot."""
    if line.role == "journalist":
        name = view.journalist.full_name if view.journalist is not None else "—"
        return texts.Q_THREAD_JOURNALIST.format(name=html.escape(name))
    if line.role == "officer":
        org = view.agencies.get(line.organization_id or 0, view.organization.name)
        return texts.Q_THREAD_AGENCY.format(org=html.escape(org))
    if line.role == "admin":
        return texts.Q_THREAD_ADMIN
    return texts.Q_THREAD_SYSTEM


def thread_keyboard(view: QuestionView, viewer: Viewer) -> InlineKeyboardMarkup | None:
    """Under a thread: the journalist's follow-up and close while it is live, the agency's actions while it waits."""
    question = view.question
    if viewer == "journalist":
        return journalist_keyboard(question.id) if question.status in LIVE else None
    if viewer == "agency" and view.waiting:
        return officer_keyboard(question.id)
    return None
