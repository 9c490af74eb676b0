"""The question desk: journalists ask agencies, officers answer, admins watch the clock (issue 12).

Journalists: ``/profile``, ``/ask`` (or the agency picker, or «❓ پرسش از این دستگاه» under a release),
``/questions``, ``/followup``, ``/close``, ``/thread``. Officers: ``/inbox``, ``/claim``, ``/answer``,
``/decline``, ``/forward`` and the buttons under a question's notice. Admins: ``/questions`` (every
agency), ``/reassign``, ``/block``, ``/unblock``. Every button has its typed command.

What a private message that is no command means (an answer, a follow-up, a question, a reason) is
decided in one place, ``bot.telegram.handlers.private``; it calls ``receive`` here first.
"""

from __future__ import annotations

import asyncio
import re

from telegram import Message, Update, User
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot import texts
from bot.domain.deadline import deadline
from bot.domain.digits import fa
from bot.errors import InvalidInput, UnknownId, WrongState
from bot.services.questions import Questions
from bot.telegram.args import agency_id, beyond_range, command_text, parse_id, refuse_id
from bot.telegram.callbacks import AgencyPage, AskAgency, ForwardTo, QuestionAction
from bot.telegram.commands import Menu, Section, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.menus import Role, role_of
from bot.telegram.replies import reply_file, reply_long, split_message
from bot.telegram.views.questions import (
    Viewer,
    agency_picker,
    asked_text,
    close_keyboard,
    inbox_text,
    journalist_keyboard,
    my_questions_text,
    open_questions_text,
    profile_text,
    thread_keyboard,
    thread_text,
)
from storage.questions import Incoming, Question

THREAD_LINK_PATTERN = r"^/thread_(\d+)(@\w+)?$"
THREAD_FILES = 10  # a thread shown again re-sends at most this many of its latest files
_FIRST_WORD = re.compile(r"(\S+)\s*(.*)\Z", re.DOTALL)


# -- what a message carries ------------------------------------------------------------------------


def incoming_of(message: Message) -> Incoming | None:
    """A message for a thread: its text (or caption) and its one file by Telegram file id; None for
    what a thread does not take (a sticker, a location, a contact, a poll...)."""
    text = message.text or message.caption or ""
    if message.text is not None:
        return Incoming(text)
    if message.photo:
        best = message.photo[-1]
        return Incoming(text, "photo", best.file_id, best.file_unique_id, None, "image/jpeg")
    for kind, media in (
        ("video", message.video),
        ("voice", message.voice),
        ("audio", message.audio),
        ("document", message.document),
    ):
        if media is not None:
            name = getattr(media, "file_name", None)
            return Incoming(text, kind, media.file_id, media.file_unique_id, name, media.mime_type)
    return None


def _split_first(text: str) -> tuple[str, str]:
    """The first word typed and the rest (line breaks inside the rest are kept)."""
    found = _FIRST_WORD.match(text.strip())
    return (found.group(1), found.group(2).strip()) if found else ("", "")


def _unknown_question(id_: str) -> str:
    return texts.Q_UNKNOWN.format(id=id_)


def _unknown_org(id_: str) -> str:
    return texts.UNKNOWN_ORG.format(id=id_)


async def _question_id(context: WireContext, typed: str, usage: str, *, officer: int | None = None) -> int:
    """The question id typed first after a command; the command's usage when there is none.

    A number no question can have is answered as an unknown question, after the same check of who
    is asking (``officer``: the sender must be an active officer) that a real id would get.
    """
    question_id = parse_id(typed)
    if question_id is None:
        if officer is not None and beyond_range(typed) is not None:
            await context.runtime.questions.agency(officer)
        refuse_id(typed, usage=usage, unknown=_unknown_question)
    return question_id


async def _leading_org(context: WireContext, typed: str, usage: str) -> tuple[int, str]:
    """The agency typed first (by id or by name) and the rest: ``/ask ORG TEXT``, ``/forward Q_ID ORG REASON``."""
    first, rest = _split_first(typed)
    if parse_id(first) is not None or beyond_range(first) is not None or not first:
        return await _org_id(context, first, usage), rest
    found = await context.runtime.administration.leading_agency(typed)
    if found is None:
        raise InvalidInput(usage)
    return found


async def _org_id(context: WireContext, typed: str, usage: str) -> int:
    """An agency by id or by its whole name (``/reassign Q_ID ORG``)."""
    administration = context.runtime.administration
    return await agency_id(typed, usage=usage, unknown=_unknown_org, named=administration.agency_named)


def _sender(update: Update) -> tuple[Message, User] | None:
    """The message and its sender; questions live in private chats, so a command in a group is told so."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return None
    if message.chat.type != message.chat.PRIVATE:
        raise WrongState(texts.PRIVATE_ONLY)
    return message, user


async def _is_admin(context: WireContext, user_id: int) -> bool:
    return await role_of(context.runtime.storage, context.runtime.settings, user_id) is Role.ADMIN


async def _check_can_ask(questions: Questions, user_id: int) -> None:
    """Before the agency picker: a journalist without a profile, or blocked, is told so at once."""
    profile = await questions.profile(user_id)
    if profile is None:
        raise WrongState(texts.Q_NO_PROFILE)
    if profile.blocked:
        raise WrongState(texts.Q_BLOCKED.format(reason=profile.block_reason or "—"))


# -- journalists -----------------------------------------------------------------------------------


async def profile_command(update: Update, context: WireContext) -> None:
    """/profile NAME | OUTLET: how the agencies see the journalist; alone, the profile and how to set it."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    questions = context.runtime.questions
    typed = command_text(message)
    if not typed:
        await message.reply_text(profile_text(await questions.profile(user.id)))
        return
    name, bar, outlet = (part.strip() for part in typed.partition("|"))
    if not bar or not name or not outlet:
        raise InvalidInput(texts.Q_PROFILE_USAGE)
    profile = await questions.set_profile(user.id, name, outlet, user.username)
    await message.reply_text(texts.Q_PROFILE_SAVED.format(name=profile.full_name, outlet=profile.outlet))


async def ask_command(update: Update, context: WireContext) -> None:
    """/ask ORG_ID TEXT: ask an agency; /ask ORG_ID: the next message asks it; /ask alone: the picker."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    questions = context.runtime.questions
    typed = command_text(message)
    if not typed:
        await _check_can_ask(questions, user.id)
        options = await context.runtime.readers.agency_options()
        if not options:
            raise UnknownId(texts.Q_ASK_NO_AGENCIES)
        text, keyboard = agency_picker(options, 0, question_id=0)
        await message.reply_text(text, reply_markup=keyboard)
        return
    org_id, text = await _leading_org(context, typed, texts.Q_ASK_USAGE)
    if not text:
        org = await questions.start_asking(user.id, org_id)
        await message.reply_text(texts.Q_ASK_WRITE.format(org=org.name))
        return
    question = await questions.ask(user.id, org_id, text)
    await _asked(message, context, user.id, question)


async def _asked(message: Message, context: WireContext, user_id: int, question: Question) -> None:
    """Tell the journalist where the question went and until when the agency has to answer."""
    questions = context.runtime.questions
    view = await questions.thread(user_id, question.id)
    sent = await message.reply_text(asked_text(view), reply_markup=journalist_keyboard(question.id))
    await questions.remember_message(sent.chat_id, sent.message_id, question.id)  # a reply to it follows up


async def ask_button(update: Update, context: WireContext) -> None:
    """An agency in /ask's picker, or «❓ پرسش از این دستگاه» under a release: the next message asks it."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = AskAgency.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    release_id = pressed.release_id or None
    org = await context.runtime.questions.start_asking(user.id, pressed.organization_id, release_id)
    await query.answer()
    if release_id is None:
        # The picker's message becomes the prompt; a release keeps its button for another question.
        await query.edit_message_text(texts.Q_ASK_WRITE.format(org=org.name))
        return
    await query.message.reply_text(texts.Q_ASK_WRITE_ABOUT_RELEASE.format(org=org.name, release=fa(release_id)))


async def agency_page_button(update: Update, context: WireContext) -> None:
    """«قبلی» / «بعدی» in an agency picker: /ask's, or a question's forward picker."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = AgencyPage.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    options, exclude = await context.runtime.readers.agency_options(), None
    if pressed.question_id:
        view = await context.runtime.questions.thread(user.id, pressed.question_id)
        exclude = view.question.organization_id
    await query.answer()
    text, keyboard = agency_picker(options, pressed.page, question_id=pressed.question_id, exclude=exclude)
    await query.edit_message_text(text, reply_markup=keyboard)


async def questions_command(update: Update, context: WireContext) -> None:
    """/questions: the journalist's questions with status and time left; for an admin, every open one."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    questions = context.runtime.questions
    if await _is_admin(context, user.id):
        text = open_questions_text(await questions.open_questions(user.id))
    else:
        text = my_questions_text(await questions.my_questions(user.id))
    await reply_long(message, text, html_mode=True)


async def thread_command(update: Update, context: WireContext) -> None:
    """/thread Q_ID (or the link /thread_Q_ID in a listing): the whole conversation of a question."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    link = re.match(THREAD_LINK_PATTERN, message.text or "")
    typed = link.group(1) if link else (context.args[0] if context.args else "")
    question_id = await _question_id(context, typed, texts.Q_THREAD_USAGE)
    await _show_thread(message, context, user.id, question_id)


async def _show_thread(message: Message, context: WireContext, user_id: int, question_id: int) -> None:
    """The thread as text (its last message with the buttons of the viewer's role), then its latest files."""
    view = await context.runtime.questions.thread(user_id, question_id)
    parts = split_message(thread_text(view, context.runtime.settings.timezone))
    viewer: Viewer = "journalist" if view.question.journalist_id == user_id else "agency"
    if viewer == "agency" and await _is_admin(context, user_id):
        viewer = "admin"
    keyboard = thread_keyboard(view, viewer)
    for number, part in enumerate(parts, start=1):
        await message.reply_html(part, reply_markup=keyboard if number == len(parts) else None)
    caption = texts.Q_THREAD_ATTACHMENT.format(id=fa(question_id))
    for line in [m for m in view.messages if m.file_id is not None][-THREAD_FILES:]:
        assert line.file_id is not None
        await reply_file(message, line.kind, line.file_id, caption)


async def followup_command(update: Update, context: WireContext) -> None:
    """/followup Q_ID [TEXT]: a follow-up in a question's thread (without text: the next message is it)."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    first, text = _split_first(command_text(message))
    question_id = await _question_id(context, first, texts.Q_FOLLOWUP_USAGE)
    if not text:
        await context.runtime.questions.start_follow_up(user.id, question_id)
        await message.reply_text(texts.Q_FOLLOWUP_WAITING.format(id=fa(question_id)))
        return
    question = await context.runtime.questions.follow_up(user.id, question_id, Incoming(text))
    await _followed_up(message, context, user.id, question)


async def _followed_up(message: Message, context: WireContext, user_id: int, question: Question) -> None:
    questions = context.runtime.questions
    view = await questions.thread(user_id, question.id)
    sent = await message.reply_text(
        texts.Q_FOLLOWUP_SENT.format(id=fa(question.id), org=view.organization.name),
        reply_markup=journalist_keyboard(question.id),
    )
    await questions.remember_message(sent.chat_id, sent.message_id, question.id)


async def close_command(update: Update, context: WireContext) -> None:
    """/close Q_ID: the journalist got what they needed; the thread ends."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    typed = context.args[0] if context.args else ""
    question_id = await _question_id(context, typed, texts.Q_CLOSE_USAGE)
    await context.runtime.questions.close(user.id, question_id)
    await message.reply_text(texts.Q_CLOSED_DONE.format(id=fa(question_id)))


# -- officers --------------------------------------------------------------------------------------


async def inbox_command(update: Update, context: WireContext) -> None:
    """/inbox: the agency's questions waiting for an answer, oldest first, with the time left."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    org = await context.runtime.questions.agency(user.id)
    views = await context.runtime.questions.inbox(user.id)
    await reply_long(message, inbox_text(org.name, views), html_mode=True)


async def claim_command(update: Update, context: WireContext) -> None:
    """/claim Q_ID: «پاسخ می‌دهم» — the officer takes the question; a colleague who tries later is told who."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    typed = context.args[0] if context.args else ""
    question_id = await _question_id(context, typed, texts.Q_CLAIM_USAGE, officer=user.id)
    await context.runtime.questions.claim(user.id, question_id)
    await message.reply_text(texts.Q_CLAIMED_DONE.format(id=fa(question_id)))


async def answer_command(update: Update, context: WireContext) -> None:
    """/answer Q_ID [TEXT]: answer now, or (without text) the next message — text, voice, photo, file — answers."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    first, text = _split_first(command_text(message))
    question_id = await _question_id(context, first, texts.Q_ANSWER_USAGE, officer=user.id)
    if text:
        await answer(message, context, user.id, question_id, Incoming(text))
        return
    await _start_answering(message, context, user.id, question_id)


async def _start_answering(message: Message, context: WireContext, user_id: int, question_id: int) -> None:
    await context.runtime.questions.start_answering(user_id, question_id)  # replaces a reason asked for
    await message.reply_text(texts.Q_ANSWER_WAITING.format(id=fa(question_id)))


async def answer(message: Message, context: WireContext, user_id: int, question_id: int, incoming: Incoming) -> None:
    """Send an officer's answer to the journalist and confirm it."""
    await context.runtime.questions.answer(user_id, question_id, incoming)
    await message.reply_text(texts.Q_ANSWER_SENT.format(id=fa(question_id)))


async def decline_command(update: Update, context: WireContext) -> None:
    """/decline Q_ID REASON: the agency will not answer; the journalist gets the reason."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    first, reason = _split_first(command_text(message))
    question_id = await _question_id(context, first, texts.Q_DECLINE_USAGE, officer=user.id)
    if not reason:
        raise InvalidInput(texts.Q_DECLINE_USAGE)
    await decline(message, context, user.id, question_id, reason)


async def decline(message: Message, context: WireContext, user_id: int, question_id: int, reason: str) -> None:
    """Decline a question with the reason and confirm it."""
    await context.runtime.questions.decline(user_id, question_id, reason)
    await message.reply_text(texts.Q_DECLINED_DONE.format(id=fa(question_id)))


async def forward_command(update: Update, context: WireContext) -> None:
    """/forward Q_ID ORG_ID REASON: the question belongs to another agency; its clock starts there."""
    found = _sender(update)
    if found is None:
        return
    message, user = found
    first, rest = _split_first(command_text(message))
    question_id = await _question_id(context, first, texts.Q_FORWARD_USAGE, officer=user.id)
    org_id, reason = await _leading_org(context, rest, texts.Q_FORWARD_USAGE)
    if not reason:
        raise InvalidInput(texts.Q_FORWARD_USAGE)
    await forward(message, context, user.id, question_id, org_id=org_id, reason=reason)


async def forward(
    message: Message, context: WireContext, user_id: int, question_id: int, *, org_id: int, reason: str
) -> None:
    """Forward a question to another agency with the reason and confirm it."""
    await context.runtime.questions.forward(user_id, question_id, org_id, reason)
    org = await context.runtime.administration.organization(org_id)
    await message.reply_text(texts.Q_FORWARDED_DONE.format(id=fa(question_id), org=org.name))


# -- admins ----------------------------------------------------------------------------------------


async def reassign_command(update: Update, context: WireContext) -> None:
    """/reassign Q_ID ORG_ID: an admin gives a question to another agency, with a fresh clock."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, user = found
    first, rest = _split_first(command_text(message))
    question_id = await _question_id(context, first, texts.Q_REASSIGN_USAGE)
    org_id = await _org_id(context, rest, texts.Q_REASSIGN_USAGE)
    question = await context.runtime.questions.reassign(user.id, question_id, org_id)
    org = await context.runtime.administration.organization(org_id)
    due = deadline(question.due_at, context.runtime.settings.timezone)
    await message.reply_text(texts.Q_REASSIGNED_DONE.format(id=fa(question_id), org=org.name, deadline=due))


def _user_id(typed: str, usage: str) -> int:
    user_id = parse_id(typed)
    if user_id is None or user_id <= 0:
        raise InvalidInput(usage)
    return user_id


async def block_command(update: Update, context: WireContext) -> None:
    """/block USER_ID REASON: the journalist may no longer ask (they are told the reason when they try)."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, user = found
    first, reason = _split_first(command_text(message))
    journalist_id = _user_id(first, texts.Q_BLOCK_USAGE)
    if not reason:
        raise InvalidInput(texts.Q_BLOCK_USAGE)
    await context.runtime.questions.block(user.id, journalist_id, reason)
    await message.reply_text(texts.Q_BLOCKED_DONE.format(user_id=fa(journalist_id), reason=reason))


async def unblock_command(update: Update, context: WireContext) -> None:
    """/unblock USER_ID: the journalist may ask again."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, user = found
    journalist_id = _user_id(command_text(message), texts.Q_UNBLOCK_USAGE)
    await context.runtime.questions.unblock(user.id, journalist_id)
    await message.reply_text(texts.Q_UNBLOCKED_DONE.format(user_id=fa(journalist_id)))


# -- the buttons under notices and threads ---------------------------------------------------------


async def question_button(update: Update, context: WireContext) -> None:
    """Claim, answer, forward, decline (officers); follow up, close (journalists); the whole thread."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = QuestionAction.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    questions, question_id, message = context.runtime.questions, pressed.question_id, query.message
    action = pressed.action
    if action == "claim":
        await questions.claim(user.id, question_id)
        await query.answer(texts.Q_CLAIMED_ALERT.format(id=fa(question_id)))
        await message.reply_text(texts.Q_CLAIMED_DONE.format(id=fa(question_id)))
    elif action == "answer":
        await questions.start_answering(user.id, question_id)
        await query.answer()
        await message.reply_text(texts.Q_ANSWER_WAITING.format(id=fa(question_id)))
    elif action == "decline":
        await questions.ask_reason(user.id, "decline", question_id)
        await query.answer()
        await message.reply_text(texts.Q_DECLINE_WAITING.format(id=fa(question_id)))
    elif action == "forward":
        view = await questions.thread(user.id, question_id)
        options = await context.runtime.readers.agency_options()
        await query.answer()
        text, keyboard = agency_picker(options, 0, question_id=question_id, exclude=view.question.organization_id)
        await message.reply_text(text, reply_markup=keyboard)
    elif action == "followup":
        await questions.start_follow_up(user.id, question_id)
        await query.answer()
        await message.reply_text(texts.Q_FOLLOWUP_WAITING.format(id=fa(question_id)))
    elif action == "close":
        await questions.thread(user.id, question_id)  # only someone who may see it is asked
        await query.answer()
        await message.reply_text(
            texts.Q_CLOSE_CONFIRM.format(id=fa(question_id)), reply_markup=close_keyboard(question_id)
        )
    elif action == "closeok":
        await questions.close(user.id, question_id)
        await query.answer()
        await query.edit_message_text(texts.Q_CLOSED_DONE.format(id=fa(question_id)))
    elif action == "keep":
        await query.answer()
        await query.edit_message_text(texts.Q_CLOSE_KEPT.format(id=fa(question_id)))
    else:
        await query.answer()
        await _show_thread(message, context, user.id, question_id)


async def forward_pick_button(update: Update, context: WireContext) -> None:
    """An agency chosen in a question's forward picker: the officer's next message is the reason."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or not isinstance(query.message, Message):
        return
    pressed = ForwardTo.parse(query.data)
    if pressed is None:
        await query.answer(texts.PICKER_STALE, show_alert=True)
        return
    org = await context.runtime.administration.organization(pressed.organization_id)
    await context.runtime.questions.ask_reason(user.id, "forward", pressed.question_id, org.id)
    await query.answer()
    await query.edit_message_text(
        texts.Q_FORWARD_REASON_WAITING.format(id=fa(pressed.question_id), org=org.name, org_id=fa(org.id))
    )


# -- the next private message ----------------------------------------------------------------------


async def receive(items: list[Message], context: WireContext, user_id: int) -> bool:
    """A private message that is no command, if it belongs to the question desk: True when it was handled.

    In this order: a reply to a question's notice (the officer's answer, the journalist's follow-up);
    the reason an officer was asked for by a button; the answer after ``/answer``; the journalist's
    question or follow-up they were asked to write. Anything else is not the desk's (False).
    """
    first = items[0]
    questions = context.runtime.questions
    replied = first.reply_to_message
    question_id = await questions.question_for_reply(first.chat_id, replied.message_id) if replied else None
    if question_id is not None:
        incoming = _one(items)
        view = await questions.thread(user_id, question_id)
        if view.question.journalist_id == user_id:
            question = await questions.follow_up(user_id, question_id, incoming)
            await _followed_up(first, context, user_id, question)
        else:
            await answer(first, context, user_id, question_id, incoming)
        return True
    prompt = await questions.reason_prompt(user_id)
    if prompt is not None:
        reason = (first.text or "").strip()
        if len(items) > 1 or not reason:
            raise InvalidInput(texts.Q_REASON_NEEDS_TEXT)
        await questions.drop_reason(user_id)
        if prompt.action == "forward" and prompt.organization_id is not None:
            await forward(first, context, user_id, prompt.question_id, org_id=prompt.organization_id, reason=reason)
        else:
            await decline(first, context, user_id, prompt.question_id, reason)
        return True
    # Both modes are read at once: a plain text on its way to the officer desk (a correction racing a
    # retraction, say) should reach it as soon as it did before the question desk existed.
    answering, pending = await asyncio.gather(questions.answering(user_id), questions.pending_input(user_id))
    if answering is not None:
        await answer(first, context, user_id, answering, _one(items))
        return True
    if pending is None:
        return False
    question = await questions.receive_journalist_message(user_id, _one(items))
    if pending.kind == "follow_up":
        await _followed_up(first, context, user_id, question)
    else:
        await _asked(first, context, user_id, question)
    return True


def _one(items: list[Message]) -> Incoming:
    """The one message a thread takes: an album or a sticker is refused with the reason."""
    if len(items) > 1:
        raise InvalidInput(texts.Q_THREAD_ONE_FILE)
    incoming = incoming_of(items[0])
    if incoming is None:
        raise InvalidInput(texts.Q_THREAD_KINDS)
    return incoming


COMMANDS = (
    command("profile", profile_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("ask", ask_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("questions", questions_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("followup", followup_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("close", close_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("thread", thread_command, Menu.EVERYONE, section=Section.QUESTIONS),
    command("inbox", inbox_command, Menu.OFFICER, section=Section.ANSWERS),
    command("claim", claim_command, Menu.OFFICER, section=Section.ANSWERS),
    command("answer", answer_command, Menu.OFFICER, section=Section.ANSWERS),
    command("decline", decline_command, Menu.OFFICER, section=Section.ANSWERS),
    command("forward", forward_command, Menu.OFFICER, section=Section.ANSWERS),
    command("reassign", reassign_command, Menu.ADMIN),
    command("block", block_command, Menu.ADMIN),
    command("unblock", unblock_command, Menu.ADMIN),
)


async def forget_waiting(update: Update, context: WireContext) -> None:
    """Any command in the private chat ends what the question desk waited for (a question after /ask, an
    answer after /answer, a reason after «⛔️ رد»): a text sent after /inbox or /questions is read afresh, not
    sent to an agency or a journalist by surprise. The command itself then runs as usual."""
    user = update.effective_user
    if user is not None:
        await context.runtime.questions.forget_waiting(user.id)


# Tried before every other handler (group -1); they answer nothing, so the update goes on to its handler.
EARLY: list[BaseHandler[Update, WireContext, None]] = [
    MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, forget_waiting),
]

HANDLERS: list[BaseHandler[Update, WireContext, None]] = [
    *command_handlers(COMMANDS),
    MessageHandler(filters.ChatType.PRIVATE & filters.Regex(THREAD_LINK_PATTERN), thread_command),
    CallbackQueryHandler(question_button, pattern=QuestionAction.PATTERN),
    CallbackQueryHandler(ask_button, pattern=AskAgency.PATTERN),
    CallbackQueryHandler(forward_pick_button, pattern=ForwardTo.PATTERN),
    CallbackQueryHandler(agency_page_button, pattern=AgencyPage.PATTERN),
]
