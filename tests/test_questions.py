"""The question desk's service through the real runtime: a real SQLite file, and its notices sent by the
app's own Bot to the fake Bot API server. Times are injected (the service's clock, ``run_reminders(now)``);
nothing sleeps for a deadline."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import Application

from bot import texts
from bot.domain.deadline import deadline, time_left
from bot.domain.digits import fa
from bot.domain.text import fold
from bot.errors import InvalidInput, NotAnAdmin, NotYourQuestion, OfficerRevoked, UnknownId, WrongState
from bot.runtime import Runtime
from bot.services.questions import MAX_PER_DAY, MAX_WAITING, Incoming, Questions
from bot.services.reports import month_report
from fakegram import FakeTelegram, SentMessage
from storage.db import utcnow
from storage.releases import NewRelease
from tests.harness import running_bot, runtime, settings_for

OFFICER_A, OFFICER_B, OFFICER_C = 3001, 3002, 3003  # A and B: the governorate; C: the gas company
JOURNALIST, OTHER_JOURNALIST, STRANGER = 5001, 5002, 5003
ADMIN, STORED_ADMIN, ADMIN_CHAT = 1, 77, -100500
GOVERNORATE, GAS = 1, 2
QUESTION = "زمان پایان طرح گازرسانی روستاهای بخش سرابله چه زمانی است؟"
SLA = timedelta(hours=48)


class Clock:
    """The service's clock, moved by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, delta: timedelta) -> datetime:
        self.at += delta
        return self.at


@dataclass
class Desk:
    """The running bot's runtime, its question desk and the test's clock."""

    rt: Runtime
    questions: Questions
    clock: Clock


async def _prepare(app: Application, clock: Clock, *, profile: bool = True) -> Desk:  # type: ignore[type-arg]
    """The runtime with its clock loop stopped and the test's clock, and the people of every test."""
    rt = runtime(app)
    await rt.question_clock.stop()  # the test drives the rounds with run_reminders(now)
    rt.questions.clock = clock
    store = rt.storage
    if await store.organizations.get(GAS) is None:
        for name in ("فرمانداری آبدانان", "شرکت گاز استان ایلام"):
            await store.organizations.create(name, fold(name), None, created_by=ADMIN)
        for officer, org in ((OFFICER_A, GOVERNORATE), (OFFICER_B, GOVERNORATE), (OFFICER_C, GAS)):
            await store.officers.create_invite(f"c{officer}", org, ADMIN, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(f"c{officer}", officer, f"کارشناس {officer}", None)
        await store.officers.add_admin(STORED_ADMIN, ADMIN)
        if profile:
            await rt.questions.set_profile(JOURNALIST, "  مریم   احمدی ", "ایلام‌نیوز", "maryam")
    return Desk(rt, rt.questions, clock)


@asynccontextmanager
async def desk(tg: FakeTelegram, folder: Path, clock: Clock, **env: str) -> AsyncIterator[Desk]:
    """A running bot with two agencies, three officers, two admins and a journalist with a profile."""
    settings = settings_for(tg, folder, ADMIN_CHAT_ID=str(ADMIN_CHAT), **env)
    async with running_bot(settings) as app:
        yield await _prepare(app, clock)


@pytest.fixture
def clock() -> Clock:
    """Now, to the microsecond as stored; the background loop's real time never catches up with it."""
    return Clock(utcnow())


def texts_to(tg: FakeTelegram, chat_id: int) -> list[str]:
    """What a chat received, texts and captions."""
    return [m.text or "" for m in tg.messages_to(chat_id)]


def buttons(message: SentMessage) -> list[str]:
    return [b["callback_data"] for row in (message.reply_markup or {}).get("inline_keyboard", []) for b in row]


def file_id(tg: FakeTelegram, user: int, kind: str = "document") -> str:
    """A file the fake server knows, as if ``user`` had sent it (the update is built, not sent)."""
    message = tg.message(user, user, document=kind == "document", photo=kind == "photo")["message"]
    return str(message["photo"][-1]["file_id"] if kind == "photo" else message["document"]["file_id"])


async def audit_actions(d: Desk) -> list[str]:
    return [
        e.action for e in reversed(await d.rt.storage.audit.latest(100)) if e.action.startswith(("question", "jou"))
    ]


# -- asking --------------------------------------------------------------------------------------------


async def test_a_question_reaches_every_active_officer_of_the_agency(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """Asking stores the question with a fresh 48-hour assignment and gives it to both officers of the agency
    (not to the other agency's), with their four buttons; a reply to the notice maps back to the thread."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, f"  {QUESTION}  ")
        [assignment] = await d.rt.storage.questions.assignments(question.id)
        [event] = await d.rt.storage.questions.events(question.id)
        notices = {officer: tg.messages_to(officer) for officer in (OFFICER_A, OFFICER_B, OFFICER_C)}
        mapped = await d.questions.question_for_reply(OFFICER_A, notices[OFFICER_A][0].message_id)
        actions = await audit_actions(d)
    assert (question.status, question.text, question.asked_at, question.due_at) == (
        "open", QUESTION, clock.at, clock.at + SLA,
    )  # fmt: skip
    assert (assignment.assigned_at, assignment.due_at, assignment.current) == (clock.at, clock.at + SLA, True)
    assert (event.from_status, event.to_status) == (None, "open")
    assert notices[OFFICER_C] == []
    expected = texts.Q_TELL_QUESTION.format(
        head=texts.Q_HEAD_NEW.format(id="۱", journalist="مریم احمدی (ایلام‌نیوز، ‎@maryam)"),
        about="",
        text=QUESTION,
        deadline=deadline(clock.at + SLA, d.rt.settings.timezone),
        left="۲ روز مانده",
    )
    for officer in (OFFICER_A, OFFICER_B):
        [notice] = notices[officer]
        assert notice.text == expected
        assert notice.parse_mode is None
        assert buttons(notice) == ["q:claim:1", "q:answer:1", "q:forward:1", "q:decline:1"]
    assert mapped == question.id
    assert actions == ["journalist.profile", "question.asked"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("کی؟", texts.Q_TEXT_TOO_SHORT.format(length="۳", min="۱۰")),
        ("   سلام خوبی   ", texts.Q_TEXT_TOO_SHORT.format(length="۹", min="۱۰")),
        ("پ" * 2001, texts.Q_TEXT_TOO_LONG.format(length="۲۰۰۱", max="۲۰۰۰")),
    ],
)
async def test_question_text_is_ten_to_two_thousand_characters(
    tg: FakeTelegram, tmp_path: Path, clock: Clock, text: str, error: str
) -> None:
    """The question's text, trimmed, must say something and not be a whole article."""
    async with desk(tg, tmp_path, clock) as d:
        with pytest.raises(InvalidInput) as refused:
            await d.questions.ask(JOURNALIST, GOVERNORATE, text)
        assert await d.rt.storage.questions.of_journalist(JOURNALIST) == []
    assert refused.value.message == error


async def test_a_profile_comes_first_and_a_block_stops_asking(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """Without a profile the journalist is asked for one; a blocked journalist is told why; unblocked, they ask."""
    async with desk(tg, tmp_path, clock) as d:
        with pytest.raises(WrongState) as no_profile:
            await d.questions.ask(OTHER_JOURNALIST, GOVERNORATE, QUESTION)
        with pytest.raises(WrongState):
            await d.questions.start_asking(OTHER_JOURNALIST, GOVERNORATE)
        with pytest.raises(InvalidInput) as short_name:
            await d.questions.set_profile(OTHER_JOURNALIST, "م", "ایلام‌نیوز", None)
        with pytest.raises(InvalidInput):
            await d.questions.set_profile(OTHER_JOURNALIST, "مریم", "ا" * 65, None)
        with pytest.raises(NotAnAdmin):
            await d.questions.block(OFFICER_A, JOURNALIST, "توهین")
        with pytest.raises(UnknownId) as no_one:
            await d.questions.block(ADMIN, OTHER_JOURNALIST, "توهین")
        with pytest.raises(InvalidInput):
            await d.questions.block(ADMIN, JOURNALIST, "   ")
        blocked = await d.questions.block(STORED_ADMIN, JOURNALIST, "انتشار پرسش‌ها بدون ذکر منبع")
        with pytest.raises(WrongState) as twice:
            await d.questions.block(ADMIN, JOURNALIST, "دوباره")
        with pytest.raises(WrongState) as refused:
            await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        unblocked = await d.questions.unblock(ADMIN, JOURNALIST)
        with pytest.raises(WrongState):
            await d.questions.unblock(ADMIN, JOURNALIST)
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        actions = await audit_actions(d)
    assert no_profile.value.message == texts.Q_NO_PROFILE
    assert short_name.value.message == texts.Q_PROFILE_LENGTH.format(min="۲", max="۶۴")
    assert no_one.value.message == texts.Q_NO_PROFILE_TO_BLOCK.format(user_id=fa(OTHER_JOURNALIST))
    assert (blocked.blocked, blocked.blocked_by) == (True, STORED_ADMIN)
    assert twice.value.message == texts.Q_ALREADY_BLOCKED.format(user_id=fa(JOURNALIST))
    assert refused.value.message == texts.Q_BLOCKED.format(reason="انتشار پرسش‌ها بدون ذکر منبع")
    assert not unblocked.blocked
    assert question.status == "open"
    assert actions == ["journalist.profile", "journalist.blocked", "journalist.unblocked", "question.asked"]


async def test_at_most_ten_waiting_and_thirty_a_tehran_day(tg: FakeTelegram, tmp_path: Path) -> None:
    """Ten questions waiting at once; thirty asked in one calendar day in Tehran, which starts at 20:30 UTC."""
    clock = Clock(datetime(2026, 1, 10, 20, 0, tzinfo=UTC))  # 23:30 in Tehran
    async with desk(tg, tmp_path, clock) as d:
        asked = [await d.questions.ask(JOURNALIST, GOVERNORATE, f"{QUESTION} {i}") for i in range(MAX_WAITING)]
        with pytest.raises(WrongState) as waiting:
            await d.questions.ask(JOURNALIST, GAS, QUESTION)
        with pytest.raises(WrongState):
            await d.questions.start_asking(JOURNALIST, GAS)
        for question in asked:
            await d.questions.close(JOURNALIST, question.id)
        for i in range(MAX_PER_DAY - MAX_WAITING):
            await d.questions.close(JOURNALIST, (await d.questions.ask(JOURNALIST, GAS, f"{QUESTION} {i}")).id)
        with pytest.raises(WrongState) as daily:
            await d.questions.ask(JOURNALIST, GAS, QUESTION)
        clock.advance(timedelta(minutes=29))  # 23:59 in Tehran: still the same day
        with pytest.raises(WrongState):
            await d.questions.ask(JOURNALIST, GAS, QUESTION)
        clock.advance(timedelta(minutes=1))  # midnight in Tehran
        tomorrow = await d.questions.ask(JOURNALIST, GAS, QUESTION)
    assert waiting.value.message == texts.Q_TOO_MANY_OPEN.format(count="۱۰", limit="۱۰")
    assert daily.value.message == texts.Q_TOO_MANY_TODAY.format(count="۳۰", limit="۳۰")
    assert tomorrow.status == "open"


async def test_asking_through_a_picker_or_a_release_then_the_next_message(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """start_asking makes the next message the question (about the release, when it came from its button); a
    text of the wrong length is refused and the question is still waited for; a file may carry the question."""
    async with desk(tg, tmp_path, clock) as d:
        release_id = await _published_release(d, GAS)
        with pytest.raises(InvalidInput) as other_agency:
            await d.questions.start_asking(JOURNALIST, GOVERNORATE, release_id)
        with pytest.raises(UnknownId):
            await d.questions.start_asking(JOURNALIST, 99)
        with pytest.raises(WrongState):
            await d.questions.receive_journalist_message(JOURNALIST, Incoming(QUESTION))
        org = await d.questions.start_asking(JOURNALIST, GAS, release_id)
        pending = await d.questions.pending_input(JOURNALIST)
        with pytest.raises(InvalidInput):
            await d.questions.receive_journalist_message(JOURNALIST, Incoming("چرا؟"))
        still = await d.questions.pending_input(JOURNALIST)
        photo = Incoming(QUESTION, "photo", file_id(tg, JOURNALIST, "photo"), "u-photo")
        question = await d.questions.receive_journalist_message(JOURNALIST, photo)
        after = await d.questions.pending_input(JOURNALIST)
        [line] = await d.rt.storage.questions.messages(question.id)
    assert other_agency.value.message == texts.Q_RELEASE_OF_ANOTHER_AGENCY.format(
        release=fa(release_id), org="فرمانداری آبدانان"
    )
    assert org.id == GAS
    assert pending is not None
    assert (pending.kind, pending.organization, pending.release_id) == ("ask", org, release_id)
    assert still == pending
    assert (question.organization_id, question.release_id, after) == (GAS, release_id, None)
    assert (line.kind, line.file_id) == ("photo", photo.file_id)
    [notice] = tg.messages_to(OFFICER_C)
    assert notice.method == "sendPhoto"
    assert texts.Q_ABOUT_RELEASE.format(release=release_id, title="افتتاح طرح گازرسانی") in (notice.text or "")
    assert buttons(notice)[0] == f"q:claim:{question.id}"


async def test_follow_up_button_then_the_next_message_and_an_admin_close(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """«💬» makes the next message a follow-up (on a question still open it changes no status); a refusal other
    than the text's length ends the waiting; an admin may close any thread, and its journalist is told."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        with pytest.raises(UnknownId):
            await d.questions.start_follow_up(OTHER_JOURNALIST, question.id)
        await d.questions.start_follow_up(JOURNALIST, question.id)
        pending = await d.questions.pending_input(JOURNALIST)
        followed = await d.questions.receive_journalist_message(JOURNALIST, Incoming("منظورم روستاهای بخش مرکزی است."))
        await d.questions.start_follow_up(JOURNALIST, question.id)
        closed = await d.questions.close(ADMIN, question.id)
        with pytest.raises(WrongState):
            await d.questions.receive_journalist_message(JOURNALIST, Incoming("و یک پرسش دیگر هم دارم."))
        after = await d.questions.pending_input(JOURNALIST)
        events = await d.rt.storage.questions.events(question.id)
        [assignment] = await d.rt.storage.questions.assignments(question.id)
    assert pending is not None
    assert (pending.kind, pending.question_id) == ("follow_up", question.id)
    assert followed.status == "open"
    assert [(e.from_status, e.to_status, e.actor_id) for e in events] == [
        (None, "open", JOURNALIST), ("open", "closed", ADMIN),
    ]  # fmt: skip
    assert (closed.status, assignment.outcome, after) == ("closed", "closed", None)
    assert texts_to(tg, JOURNALIST) == [texts.Q_CLOSED_BY_ADMIN.format(id="۱")]
    assert texts_to(tg, OFFICER_A)[1] == texts.Q_TELL_FOLLOWUP.format(
        id="۱", journalist="مریم احمدی (ایلام‌نیوز، ‎@maryam)", text="منظورم روستاهای بخش مرکزی است."
    )


# -- officers ----------------------------------------------------------------------------------------


async def test_two_officers_claim_at_once_and_one_wins(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """Both press «پاسخ می‌دهم» together: one claims it, the other is told who did; the journalist hears once."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        clock.advance(timedelta(minutes=30))
        results = await asyncio.gather(
            d.questions.claim(OFFICER_A, question.id), d.questions.claim(OFFICER_B, question.id), return_exceptions=True
        )
        [won] = [r for r in results if not isinstance(r, BaseException)]
        [lost] = [r for r in results if isinstance(r, BaseException)]
        with pytest.raises(WrongState) as again:
            await d.questions.claim(won.claimed_by or 0, question.id)
        [assignment] = await d.rt.storage.questions.assignments(question.id)
        events = await d.rt.storage.questions.events(question.id)
    winner, loser = (OFFICER_A, OFFICER_B) if won.claimed_by == OFFICER_A else (OFFICER_B, OFFICER_A)
    assert won.status == "claimed"
    assert isinstance(lost, WrongState)
    assert lost.message == texts.Q_ALREADY_CLAIMED.format(name=f"کارشناس {winner}", id="۱")
    assert again.value.message == texts.Q_ALREADY_YOURS.format(id="۱")
    assert loser != winner
    assert assignment.first_response_at == clock.at
    assert [(e.from_status, e.to_status, e.actor_id) for e in events][1:] == [("open", "claimed", winner)]
    [told] = tg.messages_to(JOURNALIST)
    assert told.text == texts.Q_TELL_CLAIMED.format(
        org="فرمانداری آبدانان", id="۱", deadline=deadline(question.due_at, d.rt.settings.timezone)
    )
    assert buttons(told) == ["q:followup:1", "q:close:1"]


async def test_claim_answer_with_a_document_follow_up_answer_again_and_close(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """The whole thread: the answer's document reaches the journalist with the text as caption; a follow-up
    goes back to the officer who answered, and the agency's officers hear it; the second answer and the close
    keep the first answer's time, which the report measures."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        claimed_at = clock.advance(timedelta(hours=1))
        await d.questions.claim(OFFICER_A, question.id)
        answered_at = clock.advance(timedelta(hours=2))
        await d.questions.start_answering(OFFICER_A, question.id)
        assert await d.questions.answering(OFFICER_A) == question.id
        document = Incoming("  جدول زمان‌بندی پیوست است.  ", "document", file_id(tg, OFFICER_A), "u9", "plan.pdf")
        answered = await d.questions.answer(OFFICER_A, question.id, document)
        assert await d.questions.answering(OFFICER_A) is None
        clock.advance(timedelta(hours=1))
        followed = await d.questions.follow_up(JOURNALIST, question.id, Incoming("روستای چشمه‌کبود هم جزو طرح است؟"))
        clock.advance(timedelta(hours=1))
        second = await d.questions.answer(OFFICER_B, question.id, Incoming("بله، در مرحلهٔ دوم."))
        closed_at = clock.advance(timedelta(hours=1))
        closed = await d.questions.close(JOURNALIST, question.id)
        with pytest.raises(WrongState) as after_close:
            await d.questions.follow_up(JOURNALIST, question.id, Incoming("یک پرسش دیگر هم دارم"))
        [assignment] = await d.rt.storage.questions.assignments(question.id)
        events = await d.rt.storage.questions.events(question.id)
        thread = await d.questions.thread(JOURNALIST, question.id)
        actions = await audit_actions(d)
        follow_ups = [tg.messages_to(officer)[1] for officer in (OFFICER_A, OFFICER_B)]
        mapped = [await d.questions.question_for_reply(m.chat_id, m.message_id) for m in follow_ups]
    assert (answered.status, followed.status, followed.claimed_by, second.status) == (
        "answered", "claimed", OFFICER_A, "answered",
    )  # fmt: skip
    assert (closed.status, closed.closed_at) == ("closed", closed_at)
    assert after_close.value.message == texts.Q_WRONG_STATE.format(id="۱", status="بسته")
    assert (assignment.first_response_at, assignment.answered_at, assignment.answered_by) == (
        claimed_at, answered_at, OFFICER_A,
    )  # fmt: skip
    assert (assignment.outcome, assignment.ended_at) == ("answered", closed_at)
    assert [(e.from_status, e.to_status) for e in events] == [
        (None, "open"), ("open", "claimed"), ("claimed", "answered"), ("answered", "claimed"),
        ("claimed", "answered"), ("answered", "closed"),
    ]  # fmt: skip
    assert [(m.role, m.kind) for m in thread.messages] == [
        ("journalist", "text"), ("officer", "document"), ("journalist", "text"), ("officer", "text"),
    ]  # fmt: skip
    assert thread.messages[1].text == "جدول زمان‌بندی پیوست است."
    assert actions[1:] == [
        "question.asked", "question.claimed", "question.answered", "question.followed_up", "question.answered",
        "question.closed",
    ]  # fmt: skip
    claimed, answer_doc, answer_text = tg.messages_to(JOURNALIST)
    assert answer_doc.method == "sendDocument"
    assert answer_doc.file_id == document.file_id
    assert answer_doc.text == texts.Q_TELL_ANSWERED.format(
        org="فرمانداری آبدانان", id="۱", text="جدول زمان‌بندی پیوست است."
    )
    assert buttons(answer_doc) == ["q:followup:1", "q:close:1"]
    assert answer_text.text == texts.Q_TELL_ANSWERED.format(org="فرمانداری آبدانان", id="۱", text="بله، در مرحلهٔ دوم.")
    assert claimed.method == "sendMessage"
    for follow_up in follow_ups:
        assert follow_up.text == texts.Q_TELL_FOLLOWUP.format(
            id="۱", journalist="مریم احمدی (ایلام‌نیوز، ‎@maryam)", text="روستای چشمه‌کبود هم جزو طرح است؟"
        )
    assert mapped == [question.id, question.id]


async def test_a_file_answer_may_have_no_caption_and_a_long_caption_goes_first_as_text(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """An answer that is only a voice message is sent as a voice with the notice as its caption; a notice too
    long for a caption goes as a text first, the file after it, and both map back to the question."""
    async with desk(tg, tmp_path, clock) as d:
        first = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        second = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION + " دوم")
        with pytest.raises(InvalidInput) as empty:
            await d.questions.answer(OFFICER_A, first.id, Incoming("   "))
        with pytest.raises(InvalidInput) as long:
            await d.questions.answer(OFFICER_A, first.id, Incoming("پ" * 3501))
        await d.questions.answer(OFFICER_A, first.id, Incoming("", "voice", file_id(tg, OFFICER_A), "u1"))
        long_text = "پاسخ " * 400  # 2000 characters: more than a caption holds
        await d.questions.answer(OFFICER_A, second.id, Incoming(long_text, "photo", file_id(tg, OFFICER_A, "photo")))
        voice, text, photo = tg.messages_to(JOURNALIST)
        mapped = [await d.questions.question_for_reply(JOURNALIST, m.message_id) for m in (voice, text, photo)]
    assert empty.value.message == texts.Q_ANSWER_EMPTY
    assert long.value.message == texts.Q_ANSWER_TOO_LONG.format(length="۳۵۰۱", max="۳۵۰۰")
    assert voice.method == "sendVoice"
    assert voice.text == texts.Q_TELL_ANSWERED.format(
        org="فرمانداری آبدانان", id="۱", text="(پاسخ به‌صورت پیام صوتی است.)"
    )
    assert (text.method, photo.method, photo.text, photo.reply_to_message_id) == (
        "sendMessage", "sendPhoto", None, text.message_id,
    )  # fmt: skip
    assert buttons(text) == ["q:followup:2", "q:close:2"]
    assert mapped == [first.id, second.id, second.id]


async def test_forward_starts_a_fresh_clock_at_the_other_agency(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """A forward ends the governorate's assignment (its first response) and gives the gas company the whole
    time again; its officer gets the question with the reason, the journalist is told, the old agency is out."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        await d.questions.claim(OFFICER_A, question.id)
        forwarded_at = clock.advance(timedelta(hours=30))
        with pytest.raises(InvalidInput) as same:
            await d.questions.forward(OFFICER_A, question.id, GOVERNORATE, "اشتباه")
        with pytest.raises(InvalidInput) as no_reason:
            await d.questions.forward(OFFICER_A, question.id, GAS, "  ")
        with pytest.raises(UnknownId):
            await d.questions.forward(OFFICER_A, question.id, 99, "گاز")
        moved = await d.questions.forward(OFFICER_A, question.id, GAS, "گازرسانی با شرکت گاز است")
        with pytest.raises(NotYourQuestion) as gone:
            await d.questions.claim(OFFICER_B, question.id)
        with pytest.raises(NotYourQuestion):
            await d.questions.thread(OFFICER_A, question.id)
        inbox_gas = await d.questions.inbox(OFFICER_C)
        inbox_governorate = await d.questions.inbox(OFFICER_A)
        old, new = await d.rt.storage.questions.assignments(question.id)
        events = await d.rt.storage.questions.events(question.id)
        answered = await d.questions.answer(OFFICER_C, question.id, Incoming("پایان شهریور ۱۴۰۵."))
        actions = await audit_actions(d)
    assert same.value.message == texts.Q_FORWARD_SAME_ORG.format(id="۱", org="فرمانداری آبدانان")
    assert no_reason.value.message == texts.Q_REASON_NEEDED
    assert gone.value.message == texts.Q_NOT_YOURS.format(id="۱")
    assert (moved.status, moved.organization_id, moved.claimed_by, moved.due_at) == (
        "open", GAS, None, forwarded_at + SLA,
    )  # fmt: skip
    assert (old.outcome, old.outcome_reason, old.ended_at, old.first_response_at is not None) == (
        "forwarded", "گازرسانی با شرکت گاز است", forwarded_at, True,
    )  # fmt: skip
    assert (new.organization_id, new.assigned_at, new.due_at, new.assigned_by, new.current) == (
        GAS, forwarded_at, forwarded_at + SLA, OFFICER_A, True,
    )  # fmt: skip
    assert [(e.from_status, e.to_status, e.organization_id) for e in events][2:] == [
        ("claimed", "forwarded", GOVERNORATE), ("forwarded", "open", GAS),
    ]  # fmt: skip
    assert [v.question.id for v in inbox_gas] == [question.id]
    assert inbox_gas[0].time_left == "۲ روز مانده"
    assert inbox_governorate == []
    assert answered.status == "answered"
    assert "question.forwarded" in actions
    [notice] = tg.messages_to(OFFICER_C)
    assert notice.text == texts.Q_TELL_QUESTION.format(
        head=texts.Q_HEAD_FORWARDED_IN.format(
            org="فرمانداری آبدانان", id="۱", journalist="مریم احمدی (ایلام‌نیوز، ‎@maryam)",
            reason="گازرسانی با شرکت گاز است",
        ),
        about="",
        text=QUESTION,
        deadline=deadline(forwarded_at + SLA, d.rt.settings.timezone),
        left="۲ روز مانده",
    )  # fmt: skip
    told = texts_to(tg, JOURNALIST)
    assert told[1] == texts.Q_TELL_FORWARDED.format(
        org="فرمانداری آبدانان", id="۱", target="شرکت گاز استان ایلام", reason="گازرسانی با شرکت گاز است",
        deadline=deadline(forwarded_at + SLA, d.rt.settings.timezone),
    )  # fmt: skip


async def test_decline_is_final_and_the_journalist_reads_the_reason(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """A decline needs a reason, ends the assignment (its first response), and nothing moves the question after."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        declined_at = clock.advance(timedelta(hours=3))
        with pytest.raises(InvalidInput):
            await d.questions.decline(OFFICER_B, question.id, "")
        declined = await d.questions.decline(OFFICER_B, question.id, "اطلاعات طبقه‌بندی‌شده است")
        with pytest.raises(WrongState) as claim:
            await d.questions.claim(OFFICER_A, question.id)
        with pytest.raises(WrongState):
            await d.questions.answer(OFFICER_A, question.id, Incoming("با این حال پاسخ می‌دهم"))
        with pytest.raises(WrongState):
            await d.questions.reassign(ADMIN, question.id, GAS)
        [assignment] = await d.rt.storage.questions.assignments(question.id)
        thread = await d.questions.thread(ADMIN, question.id)
    assert declined.status == "declined"
    assert claim.value.message == texts.Q_WRONG_STATE.format(id="۱", status="رد شده")
    assert (assignment.outcome, assignment.outcome_reason, assignment.ended_at, assignment.first_response_at) == (
        "declined", "اطلاعات طبقه‌بندی‌شده است", declined_at, declined_at,
    )  # fmt: skip
    assert thread.messages[-1].role == "system"
    assert texts_to(tg, JOURNALIST) == [
        texts.Q_TELL_DECLINED.format(org="فرمانداری آبدانان", id="۱", reason="اطلاعات طبقه‌بندی‌شده است")
    ]


async def test_a_revoked_officer_is_refused_at_once(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """Revoked, an officer can no longer see the inbox, claim or answer, and gets no more notices."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        await d.questions.start_answering(OFFICER_A, question.id)
        await d.rt.storage.officers.revoke(OFFICER_A, ADMIN)
        for call in (
            d.questions.inbox(OFFICER_A),
            d.questions.claim(OFFICER_A, question.id),
            d.questions.answer(OFFICER_A, question.id, Incoming("پاسخ")),
            d.questions.thread(OFFICER_A, question.id),
        ):
            with pytest.raises(OfficerRevoked):
                await call
        answering = await d.questions.answering(OFFICER_A)
        await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION + " دوم")
    assert answering is None, "a refused answer ends /answer's waiting"
    assert len(tg.messages_to(OFFICER_A)) == 1
    assert len(tg.messages_to(OFFICER_B)) == 2


async def test_a_question_nobody_at_the_agency_can_see_is_told_to_the_admins_at_once(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """The gas company's only officer was revoked: its question reaches every admin and the admin chat now,
    with what to do, instead of waiting unseen for its deadline; an agency with officers alerts nobody."""
    async with desk(tg, tmp_path, clock) as d:
        await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        quiet = {chat: len(tg.messages_to(chat)) for chat in (ADMIN, STORED_ADMIN, ADMIN_CHAT)}
        await d.rt.storage.officers.revoke(OFFICER_C, ADMIN)
        question = await d.questions.ask(JOURNALIST, GAS, QUESTION)
    alert = texts.Q_TELL_NO_OFFICERS_ADMIN.format(id=fa(question.id), org="شرکت گاز استان ایلام", org_id=fa(GAS))
    assert quiet == {ADMIN: 0, STORED_ADMIN: 0, ADMIN_CHAT: 0}
    for chat in (ADMIN, STORED_ADMIN, ADMIN_CHAT):
        assert texts_to(tg, chat) == [alert]
    assert texts_to(tg, OFFICER_C) == []


async def test_who_may_read_a_thread(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """Its journalist, an admin, an officer of the agency; for another journalist or a stranger it does not exist."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        readers = [await d.questions.thread(user, question.id) for user in (JOURNALIST, ADMIN, STORED_ADMIN, OFFICER_B)]
        for user, error in ((OTHER_JOURNALIST, UnknownId), (STRANGER, UnknownId), (OFFICER_C, NotYourQuestion)):
            with pytest.raises(error):
                await d.questions.thread(user, question.id)
        with pytest.raises(UnknownId):
            await d.questions.close(OTHER_JOURNALIST, question.id)
        with pytest.raises(UnknownId):
            await d.questions.thread(JOURNALIST, 99)
        with pytest.raises(NotAnAdmin):
            await d.questions.open_questions(OFFICER_A)
        mine = await d.questions.my_questions(JOURNALIST)
    assert all(r.question == question for r in readers)
    assert readers[0].agencies == {GOVERNORATE: "فرمانداری آبدانان"}
    assert (readers[0].status_name, readers[0].waiting, readers[0].overdue) == ("در انتظار پاسخ", True, False)
    assert [v.question.id for v in mine] == [question.id]


# -- the clock -----------------------------------------------------------------------------------------


async def test_expiry_tells_the_admins_and_the_journalist_then_a_late_answer_or_a_reassignment(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """At the deadline the question is «expired», escalated once to every admin and the admin chat, and the
    journalist is told; an officer may still answer late, and an admin may reassign with a fresh clock."""
    async with desk(tg, tmp_path, clock) as d:
        late = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        other = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION + " دوم")
        due = late.due_at
        assert await d.questions.run_reminders(due) == 2
        assert await d.questions.run_reminders(due + timedelta(hours=1)) == 0
        expired = await d.rt.storage.questions.get(late.id)
        [assignment] = await d.rt.storage.questions.assignments(late.id)
        clock.at = due + timedelta(hours=1)
        overview = await d.questions.open_questions(ADMIN)
        answered = await d.questions.answer(OFFICER_A, late.id, Incoming("با پوزش از تأخیر: پایان شهریور."))
        clock.at = due + timedelta(hours=2)
        reassigned = await d.questions.reassign(ADMIN, other.id, GOVERNORATE)
        with pytest.raises(NotAnAdmin):
            await d.questions.reassign(OFFICER_A, other.id, GAS)
        old, new = await d.rt.storage.questions.assignments(other.id)
        events = await d.rt.storage.questions.events(other.id)
        actions = await audit_actions(d)
    assert expired is not None
    assert expired.status == "expired"
    assert assignment.escalated_at == due
    assert [(v.question.id, v.overdue, v.time_left) for v in overview] == [
        (late.id, True, "۱ ساعت از مهلت گذشته"), (other.id, True, "۱ ساعت از مهلت گذشته"),
    ]  # fmt: skip
    assert answered.status == "answered"
    assert (reassigned.status, reassigned.due_at) == ("open", clock.at + SLA)
    assert (old.outcome, new.assigned_by, new.due_at, new.escalated_at) == ("reassigned", ADMIN, clock.at + SLA, None)
    assert [(e.from_status, e.to_status) for e in events] == [(None, "open"), ("open", "expired"), ("expired", "open")]
    assert actions.count("question.expired") == 2
    assert "question.reassigned" in actions
    admin_text = texts.Q_TELL_EXPIRED_ADMIN.format(
        org="فرمانداری آبدانان", hours="۴۸", id="۱", journalist="مریم احمدی (ایلام‌نیوز، ‎@maryam)",
        deadline=deadline(due, d.rt.settings.timezone), text=QUESTION,
    )  # fmt: skip
    for chat in (ADMIN, STORED_ADMIN, ADMIN_CHAT):
        assert texts_to(tg, chat)[0] == admin_text
        assert len(tg.messages_to(chat)) == 2
    told = texts_to(tg, JOURNALIST)
    assert told[:2] == [
        texts.Q_TELL_EXPIRED_JOURNALIST.format(org="فرمانداری آبدانان", id="۱"),
        texts.Q_TELL_EXPIRED_JOURNALIST.format(org="فرمانداری آبدانان", id="۲"),
    ]
    assert told[-1] == texts.Q_TELL_REASSIGNED.format(
        id="۲", target="فرمانداری آبدانان", deadline=deadline(clock.at + SLA, d.rt.settings.timezone)
    )


async def test_reminders_at_half_and_ninety_percent_once_each_across_a_restart(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """The officers are reminded at 50 % and 90 % of the time and the admins at the deadline, each once: after
    the bot stops and opens again on the same database file, no round repeats any of them."""
    settings = settings_for(tg, tmp_path, ADMIN_CHAT_ID=str(ADMIN_CHAT))
    async with running_bot(settings) as app:
        d = await _prepare(app, clock)
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        answered = await d.questions.ask(JOURNALIST, GAS, QUESTION)
        start = question.asked_at
        assert await d.questions.run_reminders(start + SLA * 0.49) == 0
        assert await d.questions.next_due() == start + SLA / 2
        assert await d.questions.run_reminders(start + SLA * 0.5 + timedelta(minutes=1)) == 2
        assert await d.questions.run_reminders(start + SLA * 0.6) == 0
        await d.questions.answer(OFFICER_C, answered.id, Incoming("پاسخ داده شد."))
    half = texts.Q_TELL_REMIND_HALF.format(
        id="۱", left="۲۳ ساعت و ۵۹ دقیقه مانده", deadline=deadline(start + SLA, settings.timezone), text=QUESTION
    )
    assert texts_to(tg, OFFICER_A)[1:] == [half]
    assert texts_to(tg, OFFICER_B)[1:] == [half]
    async with running_bot(settings) as app:
        d = await _prepare(app, clock)
        assert await d.questions.run_reminders(start + SLA * 0.55) == 0
        assert await d.questions.next_due() == start + SLA * 0.9
        assert await d.questions.run_reminders(start + SLA * 0.95) == 1
        assert await d.questions.run_reminders(start + SLA * 0.96) == 0
    async with running_bot(settings) as app:
        d = await _prepare(app, clock)
        assert await d.questions.run_reminders(start + SLA * 0.97) == 0
        assert await d.questions.run_reminders(start + SLA) == 1
        assert await d.questions.run_reminders(start + SLA * 2) == 0
        assert await d.questions.next_due() is None
    late = texts.Q_TELL_REMIND_LATE.format(
        id="۱", left=time_left(start + SLA, start + SLA * 0.95), deadline=deadline(start + SLA, settings.timezone),
        text=QUESTION,
    )  # fmt: skip
    assert late.startswith("⚠️ مهلت پاسخ به پرسش ۱ رو به پایان است: ۲ ساعت و ۲۴ دقیقه مانده")
    for officer in (OFFICER_A, OFFICER_B):
        assert texts_to(tg, officer)[1:] == [half, late]
    reminded = [t for t in texts_to(tg, OFFICER_C) if t.startswith(("⏳", "⚠️"))]
    assert [t.split("؛")[0] for t in reminded] == ["⏳ یادآوری: نیمی از مهلت پاسخ به پرسش ۲ گذشته است"], (
        "once answered, an assignment is never reminded again"
    )
    assert len(tg.messages_to(ADMIN)) == 1
    assert len(tg.messages_to(ADMIN_CHAT)) == 1


async def test_a_late_start_sends_only_the_latest_stage(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """After a long stop, a question past 90 % gets the late reminder only, and one past its deadline only
    the escalation: never a stale half-time reminder."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        assert await d.questions.run_reminders(question.asked_at + SLA * 0.92) == 1
        assert await d.questions.run_reminders(question.asked_at + SLA * 3) == 1
        [assignment] = await d.rt.storage.questions.assignments(question.id)
    assert [t.split(":")[0] for t in texts_to(tg, OFFICER_A)[1:]] == ["⚠️ مهلت پاسخ به پرسش ۱ رو به پایان است"]
    assert assignment.reminded_half_at is not None, "marked with the late one, so it is never sent after it"


async def test_the_background_loop_runs_the_rounds_on_its_clock(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """The runtime's QuestionClock sends a reminder by itself once its (injected) time passes half the SLA."""
    async with desk(tg, tmp_path, clock, QUESTION_SLA_HOURS="1") as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        assert question.due_at == clock.at + timedelta(hours=1)
        clock.advance(timedelta(minutes=31))
        d.rt.question_clock.start()
        await tg.wait_for(lambda s: len(s.messages_to(OFFICER_A)) == 2, timeout=5)
        [assignment] = await d.rt.storage.questions.assignments(question.id)
    assert assignment.reminded_half_at == clock.at
    assert texts_to(tg, OFFICER_A)[1].startswith("⏳ یادآوری: نیمی از مهلت پاسخ به پرسش ۱ گذشته است؛ ۲۹ دقیقه مانده")


# -- releases --------------------------------------------------------------------------------------------


async def _published_release(d: Desk, org_id: int) -> int:
    """A release of the agency, published (as if an officer had published it)."""
    author = OFFICER_C if org_id == GAS else OFFICER_A
    store = d.rt.storage
    release = await store.releases.create_draft(
        NewRelease(
            organization_id=org_id,
            author_id=author,
            raw_text="افتتاح طرح گازرسانی\n\nطرح گازرسانی روستاهای سرابله افتتاح شد.",
            title="افتتاح طرح گازرسانی",
            body="طرح گازرسانی روستاهای سرابله افتتاح شد.",
            search_text=fold("افتتاح طرح گازرسانی روستاهای سرابله"),
            topics=(),
            county=None,
            fingerprint=None,
        )
    )
    assert await store.releases.mark_published(release.id)
    return release.id


async def test_a_correction_and_a_retraction_reach_the_threads_about_the_release(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """The desk's correction and retraction add a line to every live thread about the release and tell its
    journalist and the agency's officers; a closed thread is left alone."""
    async with desk(tg, tmp_path, clock) as d:
        release_id = await _published_release(d, GAS)
        live = await d.questions.ask(JOURNALIST, GAS, QUESTION, release_id=release_id)
        done = await d.questions.ask(JOURNALIST, GAS, QUESTION + " دوم", release_id=release_id)
        await d.questions.close(JOURNALIST, done.id)
        unrelated = await d.questions.ask(JOURNALIST, GAS, QUESTION + " سوم")
        await d.rt.desk.correct(
            OFFICER_C, release_id, "افتتاح طرح گازرسانی\n\nطرح گازرسانی ۱۲ روستای سرابله افتتاح شد."
        )
        await d.rt.desk.retract(OFFICER_C, release_id, "اشتباه در آمار")
        live_thread = await d.questions.thread(JOURNALIST, live.id)
        done_thread = await d.questions.thread(JOURNALIST, done.id)
        other_thread = await d.questions.thread(JOURNALIST, unrelated.id)
    corrected = texts.Q_TELL_RELEASE_CHANGED.format(
        release=fa(release_id), title="افتتاح طرح گازرسانی", id="۱", change="اصلاح شد"
    )
    retracted = texts.Q_TELL_RELEASE_CHANGED.format(
        release=fa(release_id), title="افتتاح طرح گازرسانی", id="۱", change="پس گرفته شد"
    )
    assert [m.text for m in live_thread.messages if m.role == "system"] == [
        texts.Q_SYSTEM_RELEASE_CHANGED.format(release=fa(release_id), title="افتتاح طرح گازرسانی", change="اصلاح شد"),
        texts.Q_SYSTEM_RELEASE_CHANGED.format(
            release=fa(release_id), title="افتتاح طرح گازرسانی", change="پس گرفته شد"
        ),
    ]
    assert [m.role for m in done_thread.messages] == ["journalist"]
    assert [m.role for m in other_thread.messages] == ["journalist"]
    assert texts_to(tg, JOURNALIST) == [corrected, retracted]
    assert [m.text for m in tg.messages_to(OFFICER_C) if m.text in (corrected, retracted)] == [corrected, retracted]
    assert buttons(tg.messages_to(JOURNALIST)[0]) == ["q:followup:1", "q:close:1"]


async def test_a_notice_longer_than_a_message_is_cut_to_fit(tg: FakeTelegram, tmp_path: Path, clock: Clock) -> None:
    """The port's last guard: a notice Telegram would refuse as too long is cut with an ellipsis, not lost."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        sent = await d.rt.core.ports.notices.question_notice(OFFICER_C, "پ" * 5000, question.id, audience="officer")
    assert sent is not None
    notice = tg.messages_to(OFFICER_C)[-1]
    assert notice.text == "پ" * 4095 + "…"
    assert buttons(notice) == ["q:claim:1", "q:answer:1", "q:forward:1", "q:decline:1"]


async def test_the_report_counts_what_the_desk_did_exactly(tg: FakeTelegram, tmp_path: Path) -> None:
    """Questions handled through the desk itself on 4 Azar 1405: answered within the time, forwarded and answered
    at the gas company (its clock restarted there), declined with a reason, and one left to expire. The
    month's responsiveness section counts exactly that, per agency, with the medians to the minute."""
    clock = Clock(datetime(2026, 11, 25, 6, 0, tzinfo=UTC))  # 4 Azar 1405, 09:30 in Tehran
    async with desk(tg, tmp_path, clock) as d:
        answered = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        clock.advance(timedelta(minutes=30))
        await d.questions.claim(OFFICER_A, answered.id)  # first response after 30 minutes
        clock.advance(timedelta(hours=2))
        await d.questions.answer(OFFICER_A, answered.id, Incoming("طرح تا پایان اسفند تمام می‌شود."))  # 150 min
        forwarded = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION + " (دوم)")
        clock.advance(timedelta(hours=1))
        await d.questions.forward(OFFICER_B, forwarded.id, GAS, "گازرسانی با شرکت گاز است")  # a response: 60 min
        clock.advance(timedelta(hours=4))
        await d.questions.answer(OFFICER_C, forwarded.id, Incoming("پاسخ شرکت گاز"))  # 240 min after it arrived
        declined = await d.questions.ask(JOURNALIST, GAS, QUESTION + " (سوم)")
        clock.advance(timedelta(minutes=10))
        await d.questions.decline(OFFICER_C, declined.id, "آمار مصرف صنایع محرمانه است")  # 10 min
        expired = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION + " (چهارم)")
        clock.advance(SLA + timedelta(hours=1))
        await d.questions.run_reminders(clock.at)
        report = await month_report(d.rt.storage, 1405, 9, d.rt.settings.timezone, clock.at)
        expired_now = await d.rt.storage.questions.get(expired.id)
    assert expired_now is not None
    assert expired_now.status == "expired"
    rows = {row.organization_id: row for row in report.responsiveness.rows}
    governorate, gas = rows[GOVERNORATE], rows[GAS]
    counted = ("received", "answered", "answered_in_time", "declined", "forwarded", "open_now", "overdue_now")
    assert {name: getattr(governorate, name) for name in counted} == {
        "received": 2, "answered": 1, "answered_in_time": 1, "declined": 0, "forwarded": 1, "open_now": 1,
        "overdue_now": 1,
    }  # fmt: skip
    assert (governorate.first_response_minutes, governorate.answer_minutes) == (45, 150)  # median of 30 and 60
    assert {name: getattr(gas, name) for name in counted} == {
        "received": 2, "answered": 1, "answered_in_time": 1, "declined": 1, "forwarded": 0, "open_now": 0,
        "overdue_now": 0,
    }  # fmt: skip
    assert (gas.first_response_minutes, gas.answer_minutes) == (125, 240)  # median of 240 and 10
    assert gas.decline_reasons == ("آمار مصرف صنایع محرمانه است",)
    # Each answered one of its two settled questions in time (the expired one is settled): a tie, by id.
    assert [(row.organization_id, row.in_time_percent) for row in report.responsiveness.ranked] == [
        (GOVERNORATE, 50),
        (GAS, 50),
    ]


async def test_the_officer_who_claimed_an_expired_question_is_told_too(
    tg: FakeTelegram, tmp_path: Path, clock: Clock
) -> None:
    """Claimed by one officer and left past its deadline: that officer hears it (with the buttons to answer
    even now), besides the admins and the journalist; the colleague who did not claim it is not told again."""
    async with desk(tg, tmp_path, clock) as d:
        question = await d.questions.ask(JOURNALIST, GOVERNORATE, QUESTION)
        await d.questions.claim(OFFICER_A, question.id)
        before = {officer: len(tg.messages_to(officer)) for officer in (OFFICER_A, OFFICER_B)}
        clock.advance(SLA + timedelta(minutes=1))
        await d.questions.run_reminders(clock.at)
    told = tg.messages_to(OFFICER_A)[before[OFFICER_A] :]
    assert [m.text for m in told] == [texts.Q_TELL_EXPIRED_CLAIMER.format(id=fa(question.id))]
    assert buttons(told[0]) == ["q:claim:1", "q:answer:1", "q:forward:1", "q:decline:1"]
    assert tg.messages_to(OFFICER_B)[before[OFFICER_B] :] == []
