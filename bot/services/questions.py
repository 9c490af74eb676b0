"""The question desk: journalists ask an agency, its officers claim, answer, forward or decline, and the clock
measures how long each agency takes.

A question has one current assignment (the agency it is with and its deadline, ``QUESTION_SLA_HOURS`` from
the moment it arrived there). Every transition is one transaction: a conditional status change (of two
requests racing for one question, the second is told what the first did), its ``question_events`` row and
its ``audit_log`` row. The people concerned are told afterwards through the ``Notices`` port: the
journalist of every transition an agency or admin makes, the agency's active officers of every new
question, follow-up, forward, reassignment and reminder, the admins of every overdue question.

Questions, answers and profiles never leave these threads: nothing here reaches search, feeds or digests.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Literal

from bot import texts
from bot.domain.deadline import deadline, is_overdue, time_left
from bot.domain.digits import fa
from bot.errors import (
    InvalidInput,
    NotAnAdmin,
    NotAnOfficer,
    NotYourQuestion,
    OfficerRevoked,
    UnknownId,
    UserError,
    WrongState,
)
from bot.services.background import BackgroundLoop
from bot.services.core import Core
from bot.services.desk import active_officer
from storage.db import Tx, utcnow
from storage.officers import Officer
from storage.organizations import Organization
from storage.questions import (
    KEEP,
    LIVE,
    RUNNING,
    WAITING,
    Assignment,
    DueReminder,
    Incoming,
    Profile,
    Question,
    QuestionEvent,
    ReasonPrompt,
    ThreadMessage,
)

log = logging.getLogger(__name__)

__all__ = [
    "Incoming",
    "PendingInput",
    "QuestionClock",
    "QuestionView",
    "Questions",
    "ReasonPrompt",
]

MIN_QUESTION_CHARS, MAX_QUESTION_CHARS = 10, 2000
MAX_ANSWER_CHARS = 3500
MIN_PROFILE_CHARS, MAX_PROFILE_CHARS = 2, 64
MAX_REASON_CHARS = 500
# How long a reason asked for by a button («⛔️ رد», «↪️ ارجاع») waits for the officer's next message.
REASON_WAIT = timedelta(minutes=15)
# Questions a journalist may have waiting for an agency (open, claimed or expired) at once.
MAX_WAITING = 10
# Questions a journalist may ask in one calendar day of the bot's timezone (Tehran's).
MAX_PER_DAY = 30
# Releases a journalist may ask about: what they could have received.
ASKABLE_RELEASES = ("published", "retracted")

Change = Literal["corrected", "retracted"]


@dataclass(frozen=True, slots=True)
class PendingInput:
    """What the journalist's next private message is for: a question to ``organization`` (about
    ``release_id``), or (``follow_up``) a follow-up in question ``question_id``."""

    kind: Literal["ask", "follow_up"]
    organization: Organization | None = None
    release_id: int | None = None
    question_id: int | None = None


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question with what a list or a thread shows about it, read at ``now``.

    ``time_left`` («۵ ساعت و ۲۰ دقیقه مانده», «۳ ساعت از مهلت گذشته») and ``overdue`` concern the current
    deadline and are meaningful while the question waits for its agency (``waiting``); ``deadline`` is
    «تا ۱۳ آذر، ساعت ۱۰:۳۰». ``messages``, ``events``, ``assignments`` and ``agencies`` (the names of every
    agency in the thread, by id) are filled by ``Questions.thread`` only.
    """

    question: Question
    organization: Organization
    journalist: Profile | None
    assignment: Assignment | None
    claimed_by: Officer | None
    release_title: str | None
    status_name: str
    deadline: str
    time_left: str
    overdue: bool
    now: datetime
    messages: tuple[ThreadMessage, ...] = ()
    events: tuple[QuestionEvent, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    agencies: dict[int, str] = dataclasses.field(default_factory=dict)

    @property
    def waiting(self) -> bool:
        """Whether the question waits for its agency (open, claimed or expired)."""
        return self.question.status in WAITING


class Questions:
    """The question desk's service; ``clock`` is the time transitions are stamped with (tests move it)."""

    def __init__(self, core: Core, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.core = core
        self.storage = core.storage
        self.clock = clock

    @property
    def sla(self) -> timedelta:
        """The time an agency has to answer (QUESTION_SLA_HOURS)."""
        return timedelta(hours=self.core.settings.question_sla_hours)

    # -- journalists' profiles -----------------------------------------------------------------------

    async def profile(self, user_id: int) -> Profile | None:
        """The journalist's profile, if they made one."""
        return await self.storage.questions.profile(user_id)

    async def set_profile(self, user_id: int, full_name: str, outlet: str, username: str | None) -> Profile:
        """Create or change the name and outlet the agencies see beside the journalist's questions."""
        name, where = " ".join(full_name.split()), " ".join(outlet.split())
        if not all(MIN_PROFILE_CHARS <= len(value) <= MAX_PROFILE_CHARS for value in (name, where)):
            raise InvalidInput(texts.Q_PROFILE_LENGTH.format(min=fa(MIN_PROFILE_CHARS), max=fa(MAX_PROFILE_CHARS)))
        async with self.storage.db.transaction() as tx:
            profile = await self.storage.questions.save_profile(user_id, name, where, username, self.clock(), tx=tx)
            await self.storage.audit.record(user_id, "journalist.profile", "user", user_id, tx=tx)
        log.info("journalist profile saved user_id=%d", user_id)
        return profile

    # -- asking --------------------------------------------------------------------------------------

    async def ask(self, user_id: int, organization_id: int, text: str, *, release_id: int | None = None) -> Question:
        """Ask an agency a question (about one of its releases); its active officers are told at once."""
        return await self._ask(user_id, organization_id, Incoming(text), release_id)

    async def start_asking(self, user_id: int, organization_id: int, release_id: int | None = None) -> Organization:
        """/ask with a picker, or a release's «❓» button: the journalist's next message asks this agency.

        The guards run now, so that the journalist is not asked to write a question that would be refused."""
        await self._asker(user_id)
        org = await self._organization(organization_id, "journalist")
        if release_id is not None:
            await self._askable_release(org, release_id)
        async with self.storage.db.transaction() as tx:
            await self._check_limits(user_id, self.clock(), tx)
            await self.storage.questions.set_pending(user_id, asking_org=org.id, asking_release=release_id, tx=tx)
        return org

    async def pending_input(self, user_id: int) -> PendingInput | None:
        """What the journalist's next message is for, if anything."""
        profile = await self.storage.questions.profile(user_id)
        if profile is None:
            return None
        if profile.following_up is not None:
            return PendingInput("follow_up", question_id=profile.following_up)
        if profile.asking_org is not None:
            org = await self.storage.organizations.get(profile.asking_org)
            return PendingInput("ask", organization=org, release_id=profile.asking_release)
        return None

    async def start_follow_up(self, user_id: int, question_id: int) -> Question:
        """«💬 پرسش تکمیلی»: the journalist's next message is a follow-up in this thread."""
        question = await self._journalists_question(user_id, question_id)
        await self._asker(user_id)
        if question.status not in LIVE:
            raise self._refusal(question.id, question.status)
        await self.storage.questions.set_pending(user_id, following_up=question.id)
        return question

    async def receive_journalist_message(self, user_id: int, message: Incoming) -> Question:
        """The journalist's message after /ask, a release's button or «💬»: the question or the follow-up.

        A text of the wrong length is refused and the next message is waited for again; any other
        refusal ends the waiting.
        """
        pending = await self.pending_input(user_id)
        if pending is None:
            raise WrongState(texts.Q_NOTHING_PENDING)
        try:
            if pending.kind == "follow_up" and pending.question_id is not None:
                return await self.follow_up(user_id, pending.question_id, message)
            if pending.organization is None:  # the agency is gone (never deleted today)
                raise UnknownId(texts.Q_NOTHING_PENDING)
            return await self._ask(user_id, pending.organization.id, message, pending.release_id)
        except InvalidInput as error:
            # The next message is waited for again: say so.
            raise InvalidInput(f"{error.message} {texts.Q_NEXT_MESSAGE_IS_IT}") from None
        except UserError:
            await self.storage.questions.set_pending(user_id)
            raise

    async def follow_up(self, user_id: int, question_id: int, message: Incoming) -> Question:
        """A follow-up in the journalist's thread: an answered question goes back to the officer who answered
        last («claimed»); the clock does not restart. The agency's officers are told."""
        question = await self._journalists_question(user_id, question_id)
        profile = await self._asker(user_id)
        body = self._question_text(message.text)
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._get(question.id, tx)
            if current.status == "answered":
                answerer = await self.storage.questions.last_answerer(current.id, current.organization_id, tx=tx)
                await self._change(current, "claimed", ("answered",), now, tx, actor_id=user_id, claimed_by=answerer)
            elif current.status not in WAITING:
                raise self._refusal(current.id, current.status)
            await self.storage.questions.add_message(
                current.id,
                dataclasses.replace(message, text=body),
                author_id=user_id,
                role="journalist",
                now=now,
                tx=tx,
            )
            await self.storage.questions.set_pending(user_id, tx=tx)
            await self.storage.audit.record(user_id, "question.followed_up", "question", current.id, tx=tx)
            updated = await self._get(current.id, tx)
        log.info("question followed up question_id=%d", updated.id)
        text = texts.Q_TELL_FOLLOWUP.format(id=fa(updated.id), journalist=self._journalist_label(profile), text=body)
        await self._tell_officers(updated.organization_id, text, updated.id, message)
        return updated

    async def close(self, user_id: int, question_id: int) -> Question:
        """Close a thread: the journalist's own, or (an admin) anyone's; the journalist is told when an admin did."""
        question = await self._get(question_id)
        by_admin = question.journalist_id != user_id
        if by_admin and not await self._is_admin(user_id):
            raise UnknownId(texts.Q_UNKNOWN.format(id=fa(question_id)))
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            before = await self._get(question.id, tx)
            await self._change(before, "closed", LIVE, now, tx, actor_id=user_id)
            await self.storage.questions.end_assignment(before.id, "closed", None, now, tx=tx)
            await self.storage.audit.record(
                user_id, "question.closed", "question", before.id, {"by_admin": by_admin}, tx=tx
            )
            updated = await self._get(before.id, tx)
        log.info("question closed question_id=%d", updated.id)
        if by_admin:
            await self._tell_journalist(updated, texts.Q_CLOSED_BY_ADMIN.format(id=fa(updated.id)))
        return updated

    async def my_questions(self, user_id: int) -> list[QuestionView]:
        """The journalist's questions, newest first."""
        now = self.clock()
        return [await self._view(q, now) for q in await self.storage.questions.of_journalist(user_id)]

    async def thread(self, user_id: int, question_id: int) -> QuestionView:
        """The whole thread, for its journalist, an admin, or an active officer of the agency it is with."""
        question = await self._get(question_id)
        if question.journalist_id != user_id and not await self._is_admin(user_id):
            if await self.storage.officers.get(user_id) is None:
                raise UnknownId(texts.Q_UNKNOWN.format(id=fa(question_id)))
            _, org = await self._officer(user_id)
            if question.organization_id != org.id:
                raise NotYourQuestion(texts.Q_NOT_YOURS.format(id=fa(question_id)))
        return await self._view(question, self.clock(), full=True)

    # -- officers ------------------------------------------------------------------------------------

    async def agency(self, officer_id: int) -> Organization:
        """The agency of an active officer (refused, in the desk's words, for anyone else)."""
        _, org = await self._officer(officer_id)
        return org

    async def inbox(self, officer_id: int) -> list[QuestionView]:
        """The agency's questions waiting for it (open, claimed, overdue), the oldest first."""
        _, org = await self._officer(officer_id)
        now = self.clock()
        found = await self.storage.questions.with_status(WAITING, organization_id=org.id)
        return [await self._view(q, now) for q in found]

    async def claim(self, officer_id: int, question_id: int) -> Question:
        """«پاسخ می‌دهم»: the officer takes the question on; another officer who was first wins."""
        officer, org, _ = await self._agency_question(officer_id, question_id)
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._with_agency(question_id, org, tx)
            if current.status == "claimed":
                if current.claimed_by == officer.user_id:
                    raise WrongState(texts.Q_ALREADY_YOURS.format(id=fa(current.id)))
                holder = await self.storage.officers.get(current.claimed_by, tx=tx) if current.claimed_by else None
                name = holder.full_name if holder else "?"
                raise WrongState(texts.Q_ALREADY_CLAIMED.format(name=name, id=fa(current.id)))
            await self._change(
                current,
                "claimed",
                ("open", "expired"),
                now,
                tx,
                actor_id=officer.user_id,
                org=org,
                claimed_by=officer.user_id,
            )
            await self.storage.questions.responded(current.id, now, tx=tx)
            await self.storage.audit.record(officer.user_id, "question.claimed", "question", current.id, tx=tx)
            updated = await self._get(current.id, tx)
        log.info("question claimed question_id=%d officer_id=%d", updated.id, officer.user_id)
        text = texts.Q_TELL_CLAIMED.format(org=org.name, id=fa(updated.id), deadline=self._deadline(updated.due_at))
        await self._tell_journalist(updated, text)
        return updated

    async def start_answering(self, officer_id: int, question_id: int) -> Question:
        """/answer Q_ID (or «✍️ پاسخ»): the officer's next message is the answer to this question."""
        _, _, question = await self._agency_question(officer_id, question_id)
        if question.status not in LIVE:
            raise self._refusal(question.id, question.status)
        await self.storage.questions.set_answering(officer_id, question.id)
        return question

    async def answering(self, officer_id: int) -> int | None:
        """The question the officer's next message answers, if they asked with /answer."""
        return await self.storage.questions.answering(officer_id)

    async def ask_reason(
        self,
        officer_id: int,
        action: Literal["decline", "forward"],
        question_id: int,
        organization_id: int | None = None,
    ) -> Question:
        """«⛔️ رد», or an agency picked in «↪️ ارجاع»: the officer's next message is the reason.

        Kept in the database, so a restart between the button and the reason loses nothing; it lapses
        after REASON_WAIT, and replaces a waiting /answer (the latest request wins)."""
        _, _, question = await self._agency_question(officer_id, question_id)
        if question.status not in WAITING:
            raise self._refusal(question.id, question.status)
        if organization_id is not None:
            await self._organization(organization_id, "officer")
        prompt = ReasonPrompt(action, question.id, organization_id, self.clock())
        await self.storage.questions.set_reason_prompt(officer_id, prompt)
        return question

    async def reason_prompt(self, officer_id: int) -> ReasonPrompt | None:
        """The reason the officer was asked for, unless it lapsed (then it is forgotten)."""
        prompt = await self.storage.questions.reason_prompt(officer_id)
        if prompt is not None and self.clock() - prompt.asked_at > REASON_WAIT:
            await self.storage.questions.set_reason_prompt(officer_id, None)
            return None
        return prompt

    async def forget_waiting(self, user_id: int) -> bool:
        """Another command came: the question, follow-up, answer or reason the bot waited for is not waited
        for any more (a text sent later is read afresh). Whether anything was."""
        return await self.storage.questions.forget_waiting(user_id)

    async def drop_reason(self, officer_id: int) -> None:
        """The officer gave the reason (or it was refused): the next message is theirs again."""
        await self.storage.questions.set_reason_prompt(officer_id, None)

    async def answer(self, officer_id: int, question_id: int, message: Incoming) -> Question:
        """An officer's answer (text, or a file with or without a caption); the journalist gets it at once.

        A refused answer also ends /answer's waiting, so that the officer's next message (a release,
        perhaps) is never taken for an answer they did not mean.
        """
        try:
            return await self._answer(officer_id, question_id, message)
        except UserError:
            if await self.storage.questions.answering(officer_id) == question_id:
                await self.storage.questions.set_answering(officer_id, None)
            raise

    async def _answer(self, officer_id: int, question_id: int, message: Incoming) -> Question:
        officer, org, _ = await self._agency_question(officer_id, question_id)
        body = message.text.strip()
        if not body and not message.has_file:
            raise InvalidInput(texts.Q_ANSWER_EMPTY)
        if len(body) > MAX_ANSWER_CHARS:
            raise InvalidInput(texts.Q_ANSWER_TOO_LONG.format(length=fa(len(body)), max=fa(MAX_ANSWER_CHARS)))
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._with_agency(question_id, org, tx)
            # A second answer adds to the thread; the history records the first one only.
            await self._change(
                current,
                "answered",
                LIVE,
                now,
                tx,
                actor_id=officer.user_id,
                org=org,
                claimed_by=officer.user_id,
                history=current.status != "answered",
            )
            await self.storage.questions.answered(current.id, officer.user_id, now, tx=tx)
            await self.storage.questions.add_message(
                current.id,
                dataclasses.replace(message, text=body),
                author_id=officer.user_id,
                role="officer",
                organization_id=org.id,
                now=now,
                tx=tx,
            )
            await self.storage.questions.set_answering(officer.user_id, None, tx=tx)
            await self.storage.audit.record(
                officer.user_id, "question.answered", "question", current.id, {"kind": message.kind}, tx=tx
            )
            updated = await self._get(current.id, tx)
        log.info("question answered question_id=%d officer_id=%d", updated.id, officer.user_id)
        text = texts.Q_TELL_ANSWERED.format(
            org=org.name,
            id=fa(updated.id),
            text=body or texts.Q_ANSWER_FILE_ONLY.get(message.kind, texts.Q_ANSWER_FILE_ONLY["document"]),
        )
        await self._tell_journalist(updated, text, message)
        return updated

    async def decline(self, officer_id: int, question_id: int, reason: str) -> Question:
        """Refuse a question with a reason the journalist reads; it is final."""
        why = self._reason(reason)
        officer, org, _ = await self._agency_question(officer_id, question_id)
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._with_agency(question_id, org, tx)
            await self._change(current, "declined", WAITING, now, tx, actor_id=officer.user_id, org=org, reason=why)
            await self.storage.questions.end_assignment(current.id, "declined", why, now, tx=tx)
            await self._system_line(current.id, texts.Q_SYSTEM_DECLINED.format(org=org.name, reason=why), now, tx)
            await self.storage.audit.record(
                officer.user_id, "question.declined", "question", current.id, {"reason": why}, tx=tx
            )
            updated = await self._get(current.id, tx)
        log.info("question declined question_id=%d officer_id=%d", updated.id, officer.user_id)
        await self._tell_journalist(updated, texts.Q_TELL_DECLINED.format(org=org.name, id=fa(updated.id), reason=why))
        return updated

    async def forward(self, officer_id: int, question_id: int, organization_id: int, reason: str) -> Question:
        """Send a question on to the agency it belongs to: that agency gets the whole time again."""
        why = self._reason(reason)
        officer, org, _ = await self._agency_question(officer_id, question_id)
        target = await self._organization(organization_id, "officer")
        if target.id == org.id:
            raise InvalidInput(texts.Q_FORWARD_SAME_ORG.format(id=fa(question_id), org=org.name))
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._with_agency(question_id, org, tx)
            await self._change(
                current,
                "open",
                WAITING,
                now,
                tx,
                actor_id=officer.user_id,
                org=org,
                claimed_by=None,
                reason=why,
                via="forwarded",
                to_org=target.id,
            )
            await self.storage.questions.reassign(
                current.id,
                target.id,
                now,
                now + self.sla,
                outcome="forwarded",
                outcome_reason=why,
                assigned_by=officer.user_id,
                assign_reason=why,
                tx=tx,
            )
            line = texts.Q_SYSTEM_FORWARDED.format(org=org.name, target=target.name, reason=why)
            await self._system_line(current.id, line, now, tx)
            await self.storage.audit.record(
                officer.user_id,
                "question.forwarded",
                "question",
                current.id,
                {"from": org.id, "to": target.id, "reason": why},
                tx=tx,
            )
            updated = await self._get(current.id, tx)
        log.info("question forwarded question_id=%d from=%d to=%d", updated.id, org.id, target.id)
        due = self._deadline(updated.due_at)
        await self._tell_journalist(
            updated,
            texts.Q_TELL_FORWARDED.format(
                org=org.name, id=fa(updated.id), target=target.name, reason=why, deadline=due
            ),
        )
        await self._announce(updated, "forwarded", from_org=org, reason=why)
        return updated

    async def question_for_reply(self, chat_id: int, message_id: int) -> int | None:
        """The question a notice in this chat was about (a plain reply to it belongs to that thread)."""
        return await self.storage.questions.question_of_notice(chat_id, message_id)

    async def remember_message(self, chat_id: int, message_id: int, question_id: int) -> None:
        """A message the bot sent about the question (a confirmation): a plain reply to it joins the thread."""
        await self.storage.questions.remember_notice(chat_id, message_id, question_id)

    # -- admins --------------------------------------------------------------------------------------

    async def open_questions(self, admin_id: int) -> list[QuestionView]:
        """Every question waiting for an agency, across agencies, the overdue (earliest deadline) first."""
        await self._require_admin(admin_id)
        now = self.clock()
        return [await self._view(q, now) for q in await self.storage.questions.with_status(WAITING)]

    async def reassign(self, admin_id: int, question_id: int, organization_id: int) -> Question:
        """Give a waiting question (overdue, usually) to an agency, the same or another, with a fresh clock."""
        await self._require_admin(admin_id)
        question = await self._get(question_id)
        target = await self._organization(organization_id)
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            current = await self._get(question.id, tx)
            await self._change(
                current,
                "open",
                WAITING,
                now,
                tx,
                actor_id=admin_id,
                claimed_by=None,
                reason="reassigned",
                to_org=target.id,
            )
            await self.storage.questions.reassign(
                current.id,
                target.id,
                now,
                now + self.sla,
                outcome="reassigned",
                outcome_reason=None,
                assigned_by=admin_id,
                assign_reason=None,
                tx=tx,
            )
            await self._system_line(current.id, texts.Q_SYSTEM_REASSIGNED.format(target=target.name), now, tx)
            await self.storage.audit.record(
                admin_id,
                "question.reassigned",
                "question",
                current.id,
                {"from": current.organization_id, "to": target.id},
                tx=tx,
            )
            updated = await self._get(current.id, tx)
        log.info("question reassigned question_id=%d to=%d", updated.id, target.id)
        text = texts.Q_TELL_REASSIGNED.format(
            id=fa(updated.id), target=target.name, deadline=self._deadline(updated.due_at)
        )
        await self._tell_journalist(updated, text)
        await self._announce(updated, "reassigned")
        return updated

    async def block(self, admin_id: int, user_id: int, reason: str) -> Profile:
        """Stop a journalist from asking (they are told the reason when they try)."""
        await self._require_admin(admin_id)
        why = self._reason(reason)
        async with self.storage.db.transaction() as tx:
            profile = await self.storage.questions.profile(user_id, tx=tx)
            if profile is None:
                raise UnknownId(texts.Q_NO_PROFILE_TO_BLOCK.format(user_id=fa(user_id)))
            if not await self.storage.questions.block(user_id, admin_id, why, self.clock(), tx=tx):
                raise WrongState(texts.Q_ALREADY_BLOCKED.format(user_id=fa(user_id)))
            await self.storage.audit.record(admin_id, "journalist.blocked", "user", user_id, {"reason": why}, tx=tx)
            blocked = await self.storage.questions.profile(user_id, tx=tx)
        assert blocked is not None
        log.info("journalist blocked user_id=%d by admin_id=%d", user_id, admin_id)
        return blocked

    async def unblock(self, admin_id: int, user_id: int) -> Profile:
        """Let a blocked journalist ask again."""
        await self._require_admin(admin_id)
        async with self.storage.db.transaction() as tx:
            if not await self.storage.questions.unblock(user_id, self.clock(), tx=tx):
                raise WrongState(texts.Q_NOT_BLOCKED.format(user_id=fa(user_id)))
            await self.storage.audit.record(admin_id, "journalist.unblocked", "user", user_id, tx=tx)
            profile = await self.storage.questions.profile(user_id, tx=tx)
        assert profile is not None
        log.info("journalist unblocked user_id=%d by admin_id=%d", user_id, admin_id)
        return profile

    # -- releases ------------------------------------------------------------------------------------

    async def release_changed(self, release_id: int, kind: Change) -> None:
        """A release questions refer to was corrected or retracted: a line in each live thread, and its
        journalist and the agency's officers are told (the desk calls this after the change)."""
        release = await self.storage.releases.get(release_id)
        if release is None:
            return
        change = texts.Q_CHANGE_NAMES[kind]
        for question in await self.storage.questions.referring_to(release_id, LIVE):
            now = self.clock()
            line = texts.Q_SYSTEM_RELEASE_CHANGED.format(release=fa(release.id), title=release.title, change=change)
            async with self.storage.db.transaction() as tx:
                await self._system_line(question.id, line, now, tx)
            text = texts.Q_TELL_RELEASE_CHANGED.format(
                release=fa(release.id), title=release.title, id=fa(question.id), change=change
            )
            await self._tell_journalist(question, text)
            await self._tell_officers(question.organization_id, text, question.id)
            log.info("question told of a release change question_id=%d release_id=%d", question.id, release.id)

    # -- the clock -----------------------------------------------------------------------------------

    async def run_reminders(self, now: datetime) -> int:
        """Send what is due at ``now``: reminders at 50 % and 90 % of each unanswered assignment's time to
        the agency's active officers, and at its deadline the escalation (status «expired», every admin
        and the admin chat told, and the journalist). Returns how many assignments were acted on.

        Each stage is marked in the database *before* its notices are sent (in the escalation's case, in
        the transaction that expires the question): a restart never repeats one. The price is the crash
        window: if the process dies between that commit and the sends, those notices are lost, never
        doubled; the admins still find the question in /questions, overdue first.
        """
        acted = 0
        for due in await self.storage.questions.due_reminders(now):
            if due.stage == "expire":
                acted += await self._expire(due, now)
            else:
                acted += await self._remind(due, now)
        return acted

    async def next_due(self) -> datetime | None:
        """When the next reminder or escalation falls due."""
        return await self.storage.questions.next_due()

    async def _remind(self, due: DueReminder, now: datetime) -> int:
        if not await self.storage.questions.mark_stage(due.assignment.id, due.stage, now):
            return 0
        question = due.question
        template = texts.Q_TELL_REMIND_HALF if due.stage == "half" else texts.Q_TELL_REMIND_LATE
        text = template.format(
            id=fa(question.id),
            left=time_left(question.due_at, now),
            deadline=self._deadline(question.due_at),
            text=question.text,
        )
        await self._tell_officers(question.organization_id, text, question.id)
        log.info("question reminder sent question_id=%d stage=%s", question.id, due.stage)
        return 1

    async def _expire(self, due: DueReminder, now: datetime) -> int:
        org = await self.storage.organizations.get(due.assignment.organization_id)
        org_name = org.name if org else "?"
        async with self.storage.db.transaction() as tx:
            current = await self._get(due.question.id, tx)
            if current.status not in RUNNING:
                return 0
            if not await self.storage.questions.mark_stage(due.assignment.id, "expire", now, tx=tx):
                return 0
            await self._change(current, "expired", RUNNING, now, tx, actor_id=None)
            await self._system_line(current.id, texts.Q_SYSTEM_EXPIRED.format(org=org_name), now, tx)
            await self.storage.audit.record(
                None, "question.expired", "question", current.id, {"organization_id": current.organization_id}, tx=tx
            )
            updated = await self._get(current.id, tx)
        log.info("question expired question_id=%d organization_id=%d", updated.id, updated.organization_id)
        profile = await self.storage.questions.profile(updated.journalist_id)
        admin_text = texts.Q_TELL_EXPIRED_ADMIN.format(
            org=org_name,
            hours=_hours(due.assignment.due_at - due.assignment.assigned_at),
            id=fa(updated.id),
            journalist=self._journalist_label(profile),
            deadline=self._deadline(updated.due_at),
            text=updated.text,
        )
        for chat_id in await self._admin_chats():
            await self.core.ports.notices.tell(chat_id, admin_text)
        await self._tell_journalist(updated, texts.Q_TELL_EXPIRED_JOURNALIST.format(org=org_name, id=fa(updated.id)))
        claimer = await self.storage.officers.get(updated.claimed_by) if updated.claimed_by is not None else None
        if claimer is not None and claimer.active and claimer.organization_id == updated.organization_id:
            # The officer who took it on hears it too, with the buttons to answer even now.
            text = texts.Q_TELL_EXPIRED_CLAIMER.format(id=fa(updated.id))
            await self.core.ports.notices.question_notice(claimer.user_id, text, updated.id, audience="officer")
        return 1

    # -- helpers -------------------------------------------------------------------------------------

    async def _ask(self, user_id: int, organization_id: int, message: Incoming, release_id: int | None) -> Question:
        await self._asker(user_id)
        org = await self._organization(organization_id, "journalist")
        if release_id is not None:
            await self._askable_release(org, release_id)
        body = self._question_text(message.text)
        now = self.clock()
        async with self.storage.db.transaction() as tx:
            await self._check_limits(user_id, now, tx)
            question = await self.storage.questions.create(
                user_id,
                org.id,
                dataclasses.replace(message, text=body),
                release_id=release_id,
                now=now,
                due_at=now + self.sla,
                tx=tx,
            )
            await self.storage.questions.set_pending(user_id, tx=tx)
            await self.storage.audit.record(
                user_id,
                "question.asked",
                "question",
                question.id,
                {"organization_id": org.id, "release_id": release_id},
                tx=tx,
            )
        log.info("question asked question_id=%d organization_id=%d", question.id, org.id)
        await self._announce(question, "new", attachment=message)
        return question

    async def _announce(
        self,
        question: Question,
        how: Literal["new", "forwarded", "reassigned"],
        *,
        from_org: Organization | None = None,
        reason: str = "",
        attachment: Incoming | None = None,
    ) -> None:
        """Give the question to the active officers of the agency it is with now, with their buttons."""
        profile = await self.storage.questions.profile(question.journalist_id)
        about = ""
        if question.release_id is not None:
            release = await self.storage.releases.get(question.release_id)
            if release is not None:
                about = texts.Q_ABOUT_RELEASE.format(release=release.id, title=release.title)
        label = self._journalist_label(profile)
        if how == "forwarded":
            head = texts.Q_HEAD_FORWARDED_IN.format(
                org=from_org.name if from_org else "?", id=fa(question.id), journalist=label, reason=reason
            )
        elif how == "reassigned":
            head = texts.Q_HEAD_REASSIGNED_IN.format(id=fa(question.id), journalist=label)
        else:
            head = texts.Q_HEAD_NEW.format(id=fa(question.id), journalist=label)
        text = texts.Q_TELL_QUESTION.format(
            head=head,
            about=about,
            text=question.text,
            deadline=self._deadline(question.due_at),
            left=time_left(question.due_at, self.clock()),
        )
        if attachment is None:
            attachment = await self._question_attachment(question.id)
        if not await self._tell_officers(question.organization_id, text, question.id, attachment):
            # Nobody at the agency can see it: the PR office hears of it now, not at the deadline.
            org = await self.storage.organizations.get(question.organization_id)
            alert = texts.Q_TELL_NO_OFFICERS_ADMIN.format(
                id=fa(question.id), org=org.name if org else "?", org_id=fa(question.organization_id)
            )
            for chat_id in await self._admin_chats():
                await self.core.ports.notices.tell(chat_id, alert)
            log.info("question reached an agency without officers question_id=%d", question.id)

    async def _question_attachment(self, question_id: int) -> Incoming | None:
        """The file the journalist sent with the question, if any."""
        messages = await self.storage.questions.messages(question_id)
        first = messages[0] if messages else None
        return first.as_incoming() if first is not None and first.file_id else None

    async def _tell_officers(
        self, organization_id: int, text: str, question_id: int, attachment: Incoming | None = None
    ) -> int:
        """Send ``text`` to the agency's active officers; how many there are."""
        active = [officer for officer in await self.storage.officers.list(organization_id) if officer.active]
        for officer in active:
            await self.core.ports.notices.question_notice(
                officer.user_id, text, question_id, audience="officer", attachment=attachment
            )
        return len(active)

    async def _tell_journalist(self, question: Question, text: str, attachment: Incoming | None = None) -> None:
        """A notice to the journalist; under a declined or closed question it has no buttons to press."""
        over = question.status in ("declined", "closed")
        await self.core.ports.notices.question_notice(
            question.journalist_id,
            text,
            question.id,
            audience="journalist_done" if over else "journalist",
            attachment=attachment,
        )

    async def _admin_chats(self) -> list[int]:
        """Every admin (ADMIN_IDS and those added through the bot), then the admin chat if there is one."""
        admins = sorted(set(self.core.settings.admin_ids) | await self.storage.officers.admin_ids())
        chat = self.core.settings.admin_chat_id
        return [*admins, chat] if chat is not None and chat not in admins else admins

    async def _is_admin(self, user_id: int) -> bool:
        return user_id in self.core.settings.admin_ids or await self.storage.officers.is_admin(user_id)

    async def _require_admin(self, user_id: int) -> None:
        if not await self._is_admin(user_id):
            raise NotAnAdmin(texts.NOT_ADMIN)

    async def _asker(self, user_id: int) -> Profile:
        """The journalist's profile, if they may ask: one is needed first, and a block refuses."""
        profile = await self.storage.questions.profile(user_id)
        if profile is None:
            raise WrongState(texts.Q_NO_PROFILE, in_chat=True)  # the /profile line is to be tapped
        if profile.blocked:
            raise WrongState(texts.Q_BLOCKED.format(reason=profile.block_reason or "—"))
        return profile

    async def _check_limits(self, user_id: int, now: datetime, tx: Tx) -> None:
        """At most MAX_WAITING questions waiting and MAX_PER_DAY asked today (in the bot's timezone)."""
        waiting = await self.storage.questions.count_waiting(user_id, tx=tx)
        if waiting >= MAX_WAITING:
            raise WrongState(texts.Q_TOO_MANY_OPEN.format(count=fa(waiting), limit=fa(MAX_WAITING)))
        zone = self.core.settings.timezone
        midnight = datetime.combine(now.astimezone(zone).date(), time(), tzinfo=zone).astimezone(UTC)
        today = await self.storage.questions.count_asked_since(user_id, midnight, tx=tx)
        if today >= MAX_PER_DAY:
            raise WrongState(texts.Q_TOO_MANY_TODAY.format(count=fa(today), limit=fa(MAX_PER_DAY)))

    @staticmethod
    def _question_text(text: str) -> str:
        body = text.strip()
        if len(body) < MIN_QUESTION_CHARS:
            raise InvalidInput(texts.Q_TEXT_TOO_SHORT.format(length=fa(len(body)), min=fa(MIN_QUESTION_CHARS)))
        if len(body) > MAX_QUESTION_CHARS:
            raise InvalidInput(texts.Q_TEXT_TOO_LONG.format(length=fa(len(body)), max=fa(MAX_QUESTION_CHARS)))
        return body

    @staticmethod
    def _reason(reason: str) -> str:
        why = " ".join(reason.split())
        if not why:
            raise InvalidInput(texts.Q_REASON_NEEDED)
        if len(why) > MAX_REASON_CHARS:
            raise InvalidInput(texts.Q_REASON_TOO_LONG.format(length=fa(len(why)), max=fa(MAX_REASON_CHARS)))
        return why

    async def _organization(
        self, organization_id: int, asker: Literal["admin", "journalist", "officer"] = "admin"
    ) -> Organization:
        """The agency; an unknown id is answered with where this kind of asker finds the right one."""
        org = await self.storage.organizations.get(organization_id)
        if org is not None:
            return org
        n = fa(organization_id)
        if asker == "journalist":
            raise UnknownId(texts.Q_UNKNOWN_AGENCY.format(id=n))
        if asker == "officer":
            raise UnknownId(texts.Q_UNKNOWN_FORWARD_AGENCY.format(id=n))
        raise UnknownId(texts.UNKNOWN_ORG.format(id=n))

    async def _askable_release(self, org: Organization, release_id: int) -> None:
        """A release of ``org`` that journalists could have received, or UserError."""
        release = await self.storage.releases.get(release_id)
        if release is None or release.status not in ASKABLE_RELEASES:
            raise UnknownId(texts.UNKNOWN_RELEASE.format(id=fa(release_id)))
        if release.organization_id != org.id:
            raise InvalidInput(texts.Q_RELEASE_OF_ANOTHER_AGENCY.format(release=fa(release_id), org=org.name))

    async def _get(self, question_id: int, tx: Tx | None = None) -> Question:
        question = await self.storage.questions.get(question_id, tx=tx)
        if question is None:
            raise UnknownId(texts.Q_UNKNOWN.format(id=fa(question_id)))
        return question

    async def _journalists_question(self, user_id: int, question_id: int) -> Question:
        """The journalist's own question; anyone else's is as good as unknown to them."""
        question = await self._get(question_id)
        if question.journalist_id != user_id:
            raise UnknownId(texts.Q_UNKNOWN.format(id=fa(question_id)))
        return question

    async def _officer(self, user_id: int) -> tuple[Officer, Organization]:
        """An active officer and their agency; refusals that speak of questions, not of publishing."""
        try:
            return await active_officer(self.storage, user_id)
        except OfficerRevoked:
            raise OfficerRevoked(texts.Q_OFFICER_REVOKED) from None
        except NotAnOfficer:
            raise NotAnOfficer(texts.Q_NOT_AN_OFFICER) from None

    async def _agency_question(self, officer_id: int, question_id: int) -> tuple[Officer, Organization, Question]:
        """An active officer (a revoked one is refused at once) and a question with their agency now."""
        officer, org = await self._officer(officer_id)
        question = await self._get(question_id)
        if question.organization_id != org.id:
            raise NotYourQuestion(texts.Q_NOT_YOURS.format(id=fa(question_id)))
        return officer, org, question

    async def _with_agency(self, question_id: int, org: Organization, tx: Tx) -> Question:
        """The question as the transaction sees it, still with ``org`` (a forward may have come first)."""
        current = await self._get(question_id, tx)
        if current.organization_id != org.id:
            raise NotYourQuestion(texts.Q_NOT_YOURS.format(id=fa(question_id)))
        return current

    async def _change(
        self,
        current: Question,
        to_status: str,
        from_statuses: tuple[str, ...],
        now: datetime,
        tx: Tx,
        *,
        actor_id: int | None,
        org: Organization | None = None,
        claimed_by: object = KEEP,
        reason: str | None = None,
        via: str | None = None,
        to_org: int | None = None,
        history: bool = True,
    ) -> None:
        """The conditional status change and its rows in the question's history, in the caller's transaction;
        or the refusal that names what the question is now.

        The history row goes from the status the question had to ``to_status``, at the agency that had it
        (``org``, or the question's), unless the change moves it to another agency (``to_org``). A change
        ``via`` another status (forwarded, then open at the new agency) writes both steps: the first at the
        agency it leaves, the second at the one it reaches.
        """
        changed = await self.storage.questions.change_status(
            current.id,
            to_status,
            from_statuses,
            now,
            organization_id=org.id if org else None,
            claimed_by=claimed_by,
            tx=tx,
        )
        if not changed:
            raise self._refusal(current.id, await self.storage.questions.status_of(current.id, tx=tx))
        if not history:
            return
        here = org.id if org else current.organization_id
        there = to_org if to_org is not None else here
        steps = [(current.status, via, here), (via, to_status, there)] if via else [(current.status, to_status, there)]
        for before, after, where in steps:
            await self.storage.questions.add_event(
                current.id,
                now=now,
                actor_id=actor_id,
                from_status=before,
                to_status=after,
                organization_id=where,
                reason=reason,
                tx=tx,
            )

    @staticmethod
    def _refusal(question_id: int, status: str | None) -> UserError:
        if status is None:
            return UnknownId(texts.Q_UNKNOWN.format(id=fa(question_id)))
        name = texts.Q_STATUS_NAMES.get(status, status)
        return WrongState(texts.Q_WRONG_STATE.format(id=fa(question_id), status=name))

    async def _system_line(self, question_id: int, text: str, now: datetime, tx: Tx) -> None:
        await self.storage.questions.add_message(
            question_id, Incoming(text), author_id=None, role="system", now=now, tx=tx
        )

    def _deadline(self, due_at: datetime) -> str:
        return deadline(due_at, self.core.settings.timezone)

    @staticmethod
    def _journalist_label(profile: Profile | None) -> str:
        if profile is None:
            return "?"
        if profile.username:
            return texts.Q_JOURNALIST_WITH_USERNAME.format(
                name=profile.full_name, outlet=profile.outlet, username=profile.username
            )
        return texts.Q_JOURNALIST.format(name=profile.full_name, outlet=profile.outlet)

    async def _view(self, question: Question, now: datetime, *, full: bool = False) -> QuestionView:
        org = await self._organization(question.organization_id)
        assignment = await self.storage.questions.current_assignment(question.id)
        holder = await self.storage.officers.get(question.claimed_by) if question.claimed_by else None
        release = await self.storage.releases.get(question.release_id) if question.release_id else None
        view = QuestionView(
            question=question,
            organization=org,
            journalist=await self.storage.questions.profile(question.journalist_id),
            assignment=assignment,
            claimed_by=holder,
            release_title=release.title if release else None,
            status_name=texts.Q_STATUS_NAMES.get(question.status, question.status),
            deadline=self._deadline(question.due_at),
            time_left=time_left(question.due_at, now),
            overdue=is_overdue(question.due_at, now),
            now=now,
        )
        if not full:
            return view
        messages = tuple(await self.storage.questions.messages(question.id))
        assignments = tuple(await self.storage.questions.assignments(question.id))
        agencies: dict[int, str] = {}
        for org_id in {a.organization_id for a in assignments} | {org.id}:
            found = await self.storage.organizations.get(org_id)
            agencies[org_id] = found.name if found else "?"
        return dataclasses.replace(
            view,
            messages=messages,
            events=tuple(await self.storage.questions.events(question.id)),
            assignments=assignments,
            agencies=agencies,
        )


def _hours(span: timedelta) -> str:
    """An assignment's time in hours as the admins read it: «۴۸», «۱٫۵»."""
    hours = round(span.total_seconds() / 3600, 1)
    return fa(int(hours)) if hours.is_integer() else fa(hours)


class QuestionClock(BackgroundLoop):
    """Sends the question desk's reminders and escalations when they fall due (state in the database)."""

    name = "question-clock"

    def __init__(
        self, questions: Questions, *, poll: float = 30.0, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(poll)
        self.questions = questions
        self.clock = clock

    def now(self) -> datetime:
        """The time reminders are due against: ``clock``, else the service's (tests move either)."""
        return (self.clock or self.questions.clock)()

    async def run_round(self) -> None:
        """Send every reminder and escalation due now."""
        await self.questions.run_reminders(self.now())

    async def next_due(self) -> datetime | None:
        """When the next one falls due."""
        return await self.questions.next_due()
