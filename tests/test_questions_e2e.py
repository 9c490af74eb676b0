"""The question desk through the real bot and the fake Bot API server: journalists ask agencies, officers
claim, answer, forward and decline, admins block and reassign; every reply is what a user reads, and the
database holds the thread."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot import texts
from bot.domain.digits import fa
from bot.domain.text import fold
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Admin, Journalist, Officer, Person, buttons
from storage import Storage
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

AGENCY_A, AGENCY_B = "فرمانداری آبدانان", "شرکت گاز استان ایلام"
A1, A2, B1 = 3001, 3002, 3101  # two officers of agency 1, one of agency 2
JOURNALIST, OTHER = 5001, 5002
GROUP = -1001000000777
RELEASE = (
    "آغاز گازرسانی به ۱۲ روستای آبدانان\n"
    "فرماندار آبدانان از آغاز عملیات گازرسانی به ۱۲ روستای بخش سراب‌باغ خبر داد و گفت این طرح تا پایان سال"
    " با اعتبار ۸۵ میلیارد ریال به پایان می‌رسد."
)
QUESTION = "سهم اعتبار استانی و ملی در گازرسانی روستاهای سراب‌باغ چقدر است؟"


async def setup_desk(app: Application) -> Storage:  # type: ignore[type-arg]
    """Two agencies (two officers in the first, one in the second), a journalist's private chat and a group."""
    store = runtime(app).storage
    for name, officers in ((AGENCY_A, (A1, A2)), (AGENCY_B, (B1,))):
        org = await store.organizations.create(name, fold(name), None, created_by=1)
        for user_id in officers:
            await store.officers.create_invite(f"code{user_id}", org.id, 1, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(f"code{user_id}", user_id, f"کارشناس {user_id}", None)
    for chat_id, kind in ((JOURNALIST, "private"), (GROUP, "supergroup")):
        await store.subscriptions.upsert_chat(chat_id, kind)
        await store.subscriptions.subscribe(chat_id)
    return store


async def publish_release(app: Application, tg: FakeTelegram) -> tuple[int, SentMessage]:  # type: ignore[type-arg]
    """Agency 1 publishes a release; returns its id and the copy the journalist received."""
    desk = runtime(app).desk
    preview = await desk.create_draft(A1, RELEASE)
    await desk.publish(A1, preview.release.id)
    [copy] = await tg.wait_for(lambda s: s.messages_to(JOURNALIST), timeout=15)
    await tg.wait_for(lambda s: s.messages_to(GROUP), timeout=15)
    return preview.release.id, copy


async def send(person: Person, text: str | None = None, *, count: int = 1, **message: Any) -> list[SentMessage]:
    """``Person.say`` for any message: a file, a voice note, a reply to one of the bot's messages."""
    return await person.say(text, count=count, **message)  # type: ignore[arg-type]


async def read(person: Person, text: str) -> str:
    """What the person reads in the bot's next message (its plain text: HTML marks are not seen)."""
    return (await person.say(text))[0].plain_text or ""


async def next_messages(tg: FakeTelegram, chat_id: int, before: int, count: int = 1) -> list[SentMessage]:
    """The bot's messages to ``chat_id`` after the first ``before``, once there are ``count`` of them."""
    await tg.wait_for(lambda s: len(s.messages_to(chat_id)) >= before + count, timeout=15)
    return tg.messages_to(chat_id)[before:]


async def ask_with_profile(journalist: Journalist, org_id: int, text: str = QUESTION) -> int:
    """Introduce the journalist if needed and ask; the question's id from the confirmation."""
    if not any(texts.Q_PROFILE_SAVED.split("{")[0] in (m.text or "") for m in journalist.replies()):
        await journalist.ask("/profile مریم احمدی | ایلام‌نیوز")
    reply = await journalist.ask(f"/ask {org_id} {text}")
    assert reply.startswith("✅ پرسش "), reply
    return _question_id(reply)


def _question_id(text: str) -> int:
    digits = text.removeprefix("✅ پرسش ").split()[0]
    return int(digits.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))


async def test_a_question_from_a_release_is_claimed_answered_followed_up_and_closed(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The whole thread: the release's button, two officers told, one claims (the other is told who), a document
    answers, the journalist follows up by replying, the officer answers by a plain reply, the journalist closes."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        release_id, copy = await publish_release(app, tg)
        journalist, first, second = Journalist(tg, JOURNALIST), Officer(tg, A1), Officer(tg, A2)

        # The button is under the private copy only.
        assert buttons(copy) == {f"qa:1:{release_id}": texts.BUTTON_ASK_AGENCY}
        assert all(m.reply_markup is None for m in tg.messages_to(GROUP))

        # Without a profile the journalist is asked for one first.
        before = len(journalist.replies())
        refused = await journalist.press(copy, f"qa:1:{release_id}")
        [asked_for_profile] = await next_messages(tg, JOURNALIST, before)
        assert "text" not in refused  # not an alert, where the /profile line could not be tapped
        assert asked_for_profile.text == texts.Q_NO_PROFILE
        saved = await journalist.ask("/profile  مریم احمدی |  ایلام‌نیوز ")
        assert saved == texts.Q_PROFILE_SAVED.format(name="مریم احمدی", outlet="ایلام‌نیوز")

        before = len(journalist.replies())
        await journalist.press(copy, f"qa:1:{release_id}")
        [prompt] = await next_messages(tg, JOURNALIST, before)
        assert prompt.text == texts.Q_ASK_WRITE_ABOUT_RELEASE.format(org=AGENCY_A, release=fa(release_id))

        officers_before = len(first.replies()), len(second.replies())
        [asked] = await journalist.say(QUESTION)
        assert asked.text is not None
        assert asked.text.startswith(f"✅ پرسش ۱ شما به «{AGENCY_A}» رسید.\n⏳ مهلت پاسخ: تا ")
        assert "(۲ روز مانده)" in asked.text  # 48 hours, less the moments since it was asked
        [notice_1] = await next_messages(tg, A1, officers_before[0])
        [notice_2] = await next_messages(tg, A2, officers_before[1])
        for notice in (notice_1, notice_2):
            assert (notice.text or "").startswith("❓ پرسش تازهٔ ۱ از مریم احمدی (ایلام‌نیوز)")
            assert QUESTION in (notice.text or "")
            assert set(buttons(notice)) == {"q:claim:1", "q:answer:1", "q:forward:1", "q:decline:1"}

        # One claims; the other, pressing a moment later, is told who did.
        journalist_before = len(journalist.replies())
        claimed = await first.press(notice_1, "q:claim:1")
        assert claimed["text"] == texts.Q_CLAIMED_ALERT.format(id="۱")
        [told] = await next_messages(tg, JOURNALIST, journalist_before)
        assert (told.text or "").startswith(f"✋ «{AGENCY_A}» بررسی پرسش ۱ شما را آغاز کرد.")
        late = await second.press(notice_2, "q:claim:1")
        assert late == {
            **late,
            "text": texts.Q_ALREADY_CLAIMED.format(name=f"کارشناس {A1}", id="۱"),
            "show_alert": True,
        }

        # «✍️ پاسخ», then a document with a caption is the answer.
        await first.press(notice_1, "q:answer:1")
        await tg.wait_for(lambda s: s.messages_to(A1)[-1].text == texts.Q_ANSWER_WAITING.format(id="۱"))
        journalist_before = len(journalist.replies())
        [sent] = await send(
            first, document=True, document_name="سهم-اعتبار.pdf", caption="جدول سهم اعتبارها پیوست است."
        )
        assert sent.text == texts.Q_ANSWER_SENT.format(id="۱")
        [answer] = await next_messages(tg, JOURNALIST, journalist_before)
        assert answer.kind == "document"
        assert (answer.text or "").startswith(f"✅ پاسخ «{AGENCY_A}» به پرسش ۱:\n\nجدول سهم اعتبارها پیوست است.")
        assert set(buttons(answer)) == {"q:followup:1", "q:close:1"}

        # A plain reply to the answer is a follow-up; both officers are told.
        officers_before = len(first.replies()), len(second.replies())
        [followed] = await journalist.say("سهم دهیاری‌ها از هزینهٔ انشعاب چقدر است؟", reply_to=answer.message_id)
        assert followed.text == texts.Q_FOLLOWUP_SENT.format(id="۱", org=AGENCY_A)
        [follow_notice] = await next_messages(tg, A1, officers_before[0])
        await next_messages(tg, A2, officers_before[1])
        assert (follow_notice.text or "").startswith("💬 پرسش تکمیلی مریم احمدی (ایلام‌نیوز) در پرسش ۱:")

        # A plain reply by the officer to that notice answers again.
        journalist_before = len(journalist.replies())
        [again] = await first.say(
            "دهیاری‌ها سهمی ندارند؛ هزینه را شرکت گاز می‌پردازد.", reply_to=follow_notice.message_id
        )
        assert again.text == texts.Q_ANSWER_SENT.format(id="۱")
        [second_answer] = await next_messages(tg, JOURNALIST, journalist_before)
        assert "دهیاری‌ها سهمی ندارند" in (second_answer.text or "")

        # Closing asks first.
        await journalist.press(second_answer, "q:close:1")
        confirm = await tg.wait_for(
            lambda s: next(
                (m for m in s.messages_to(JOURNALIST) if m.text == texts.Q_CLOSE_CONFIRM.format(id="۱")), None
            )
        )
        assert set(buttons(confirm)) == {"q:closeok:1", "q:keep:1"}
        await journalist.press(confirm, "q:closeok:1")
        await tg.wait_for(lambda s: confirm.text == texts.Q_CLOSED_DONE.format(id="۱"))

        # The closed thread, read again: every line with who wrote it, no buttons, and its file once more.
        transcript, attachment = await journalist.say("/thread 1", count=2)
        question = await store.questions.get(1)
        messages = await store.questions.messages(1)
        events = await store.questions.events(1)
    assert confirm.edits[-1].text == texts.Q_CLOSED_DONE.format(id="۱")
    shown = transcript.plain_text or ""
    assert shown.startswith(f"پرسش ۱ · {AGENCY_A}\nاز: مریم احمدی (ایلام‌نیوز)\nوضعیت: بسته\n")
    assert "دربارهٔ خبر «آغاز گازرسانی به ۱۲ روستای آبدانان» (/release_1)" in shown
    assert [line.split(" · ")[0] for line in shown.split("\n\n")[1:]] == [
        "🙋 مریم احمدی",
        f"🏛 {AGENCY_A}",
        "🙋 مریم احمدی",
        f"🏛 {AGENCY_A}",
    ]
    assert "📎 فایل\nجدول سهم اعتبارها پیوست است." in shown
    assert buttons(transcript) == {}
    assert (attachment.kind, attachment.text) == ("document", texts.Q_THREAD_ATTACHMENT.format(id="۱"))
    assert attachment.file_id == messages[1].file_id
    assert question is not None
    assert (question.status, question.release_id, question.claimed_by) == ("closed", release_id, A1)
    assert [(m.role, m.kind, m.author_id) for m in messages] == [
        ("journalist", "text", JOURNALIST),
        ("officer", "document", A1),
        ("journalist", "text", JOURNALIST),
        ("officer", "text", A1),
    ]
    assert messages[1].file_name == "سهم-اعتبار.pdf"
    assert [e.to_status for e in events] == ["open", "claimed", "answered", "claimed", "answered", "closed"]


async def test_asked_through_the_picker_forwarded_and_answered_by_voice_at_the_second_agency(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """/ask alone shows the agencies; the question is forwarded with a reason given after the picker, and the
    second agency answers with a voice note after /answer; its clock starts at the forward."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        journalist, officer, other = Journalist(tg, JOURNALIST), Officer(tg, A1), Officer(tg, B1)
        await journalist.ask("/profile مریم احمدی | ایلام‌نیوز")

        [picker] = await journalist.say("/ask")
        assert picker.text == texts.Q_ASK_PICK.format(page="۱", pages="۱")
        assert buttons(picker) == {"qa:1:0": f"{AGENCY_A} (۱)", "qa:2:0": f"{AGENCY_B} (۲)"}
        await journalist.press(picker, "qa:1:0")
        await tg.wait_for(lambda s: picker.text == texts.Q_ASK_WRITE.format(org=AGENCY_A))
        assert buttons(picker) == {}
        before = len(officer.replies())
        [asked] = await journalist.say("هزینهٔ گازرسانی به هر روستا به طور میانگین چقدر است؟")
        assert (asked.text or "").startswith(f"✅ پرسش ۱ شما به «{AGENCY_A}» رسید.")
        [notice] = await next_messages(tg, A1, before)

        # «↪️ ارجاع»: a picker of the other agencies, then the reason as the next message.
        before = len(officer.replies())
        await officer.press(notice, "q:forward:1")
        [forward_picker] = await next_messages(tg, A1, before)
        assert forward_picker.text == texts.Q_FORWARD_PICK.format(id="۱", page="۱", pages="۱")
        assert buttons(forward_picker) == {"qf:1:2": f"{AGENCY_B} (۲)"}
        await officer.press(forward_picker, "qf:1:2")
        await tg.wait_for(lambda s: forward_picker.text.startswith("دلیل ارجاع پرسش ۱"))  # type: ignore[union-attr]
        journalist_before, other_before = len(journalist.replies()), len(other.replies())
        [forwarded] = await officer.say("گازرسانی روستاها با شرکت گاز استان است.")
        assert forwarded.text == texts.Q_FORWARDED_DONE.format(id="۱", org=AGENCY_B)
        [told] = await next_messages(tg, JOURNALIST, journalist_before)
        assert (told.text or "").startswith(f"↪️ «{AGENCY_A}» پرسش ۱ شما را به «{AGENCY_B}» ارجاع داد.")
        assert "دلیل: گازرسانی روستاها با شرکت گاز استان است." in (told.text or "")
        [arrived] = await next_messages(tg, B1, other_before)
        assert (arrived.text or "").startswith(f"↪️ «{AGENCY_A}» پرسش ۱ از مریم احمدی (ایلام‌نیوز)")

        # The first agency no longer has it.
        assert await officer.ask("/claim 1") == texts.Q_NOT_YOURS.format(id="۱")

        # /answer, then a voice note.
        assert await other.ask("/answer 1") == texts.Q_ANSWER_WAITING.format(id="۱")
        journalist_before = len(journalist.replies())
        [answered] = await send(other, voice=True)
        assert answered.text == texts.Q_ANSWER_SENT.format(id="۱")
        [voice] = await next_messages(tg, JOURNALIST, journalist_before)
        assert voice.kind == "voice"
        assert f"✅ پاسخ «{AGENCY_B}» به پرسش ۱" in (voice.text or "")
        question = await store.questions.get(1)
        assignments = await store.questions.assignments(1)
        messages = await store.questions.messages(1)
    assert question is not None
    assert (question.status, question.organization_id) == ("answered", 2)
    assert [(a.organization_id, a.outcome, a.answered_by) for a in assignments] == [
        (1, "forwarded", None),
        (2, "answered", B1),
    ]
    assert assignments[1].assigned_at == assignments[0].ended_at
    assert [(m.role, m.kind) for m in messages] == [("journalist", "text"), ("system", "text"), ("officer", "voice")]


async def test_a_declined_question_tells_the_journalist_why(tg: FakeTelegram, tmp_path: Path) -> None:
    """«⛔️ رد» asks for the reason; the typed /decline needs one; the journalist reads it; nothing more can happen."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        journalist, officer = Journalist(tg, JOURNALIST), Officer(tg, A2)
        before = len(officer.replies())
        await ask_with_profile(journalist, 1)
        [notice] = await next_messages(tg, A2, before)

        assert await officer.ask("/decline 1") == texts.Q_DECLINE_USAGE
        before = len(officer.replies())
        await officer.press(notice, "q:decline:1")
        [prompt] = await next_messages(tg, A2, before)
        assert prompt.text == texts.Q_DECLINE_WAITING.format(id="۱")
        assert (await send(officer, photo=True))[0].text == texts.Q_REASON_NEEDS_TEXT
        journalist_before = len(journalist.replies())
        assert await officer.ask("این موضوع در حیطهٔ فرمانداری نیست.") == texts.Q_DECLINED_DONE.format(id="۱")
        [told] = await next_messages(tg, JOURNALIST, journalist_before)
        assert told.text == f"⛔️ «{AGENCY_A}» پرسش ۱ شما را رد کرد.\nدلیل: این موضوع در حیطهٔ فرمانداری نیست."
        assert told.reply_markup is None  # nothing left to press under a declined question
        assert await officer.ask("/answer 1 پاسخ دیرهنگام") == texts.Q_WRONG_STATE.format(id="۱", status="رد شده")
        # The officer's next text is a draft again, not a reason (a short one is asked about first).
        assert await officer.ask("خبر تازهٔ فرمانداری دربارهٔ برداشت محصول گندم در آبدانان") == texts.SHORT_TEXT_QUESTION
        [header, *_] = await officer.say("بله", count=3)
        question = await store.questions.get(1)
        [assignment] = await store.questions.assignments(1)
    assert header.text == texts.PREVIEW_HEADER.format(id="۱")
    assert question is not None
    assert question.status == "declined"
    assert (assignment.outcome, assignment.outcome_reason) == ("declined", "این موضوع در حیطهٔ فرمانداری نیست.")


async def test_a_reason_asked_for_by_a_button_survives_a_restart_and_lapses_after_a_quarter_hour(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """«⛔️ رد», the bot restarts, the officer types the reason: the question is declined with it. A forward's
    reason asked for and left 16 minutes is no longer waited for: the officer's text is a draft again."""
    settings = settings_for(tg, tmp_path)
    journalist, officer = Journalist(tg, JOURNALIST), Officer(tg, A2)
    async with running_bot(settings) as app:
        await setup_desk(app)
        before = len(officer.replies())
        await ask_with_profile(journalist, 1)
        await ask_with_profile(journalist, 1, "دومین پرسش دربارهٔ زمان بازگشایی جادهٔ آبدانان به دهلران چیست؟")
        first_notice, second_notice = await next_messages(tg, A2, before, count=2)
        before = len(officer.replies())
        await officer.press(first_notice, "q:decline:1")
        [prompt] = await next_messages(tg, A2, before)
    assert prompt.text == texts.Q_DECLINE_WAITING.format(id="۱")
    async with running_bot(settings) as app:
        store = runtime(app).storage
        reason = "این موضوع در حیطهٔ فرمانداری نیست."
        assert await officer.ask(reason) == texts.Q_DECLINED_DONE.format(id="۱")
        first = await store.questions.get(1)
        assert first is not None
        assert first.status == "declined"

        questions = runtime(app).questions
        before = len(officer.replies())
        await officer.press(second_notice, "q:forward:2")
        [picker] = await next_messages(tg, A2, before)
        await officer.press(picker, "qf:2:2")  # answered once the reason is waited for
        clock = questions.clock
        questions.clock = lambda: clock() + timedelta(minutes=16)
        # A short text is asked about first, then made a draft.
        assert await officer.ask("خبر تازهٔ فرمانداری دربارهٔ برداشت محصول گندم در آبدانان") == texts.SHORT_TEXT_QUESTION
        [header, *_] = await officer.say("بله", count=3)
        second = await store.questions.get(2)
    assert header.text == texts.PREVIEW_HEADER.format(id="۱")
    assert second is not None
    assert (second.status, second.organization_id) == ("open", 1)


async def test_a_reply_to_the_confirmation_is_a_follow_up(tg: FakeTelegram, tmp_path: Path) -> None:
    """The journalist replies to «✅ پرسش ۱ شما … رسید» (the message they are most likely to answer): a follow-up
    that reaches the agency, not «cannot use this message»; the confirmation carries the thread's buttons."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup_desk(app)
        journalist = Journalist(tg, JOURNALIST)
        await journalist.ask("/profile مریم احمدی | ایلام‌نیوز")
        [asked] = await journalist.say(f"/ask 1 {QUESTION}")
        before = len(tg.messages_to(A1))
        more = "توضیح بیشتر: منظورم روستاهای بخش سراب‌باغ است."
        reply = await journalist.ask(more, reply_to=asked.message_id)
        [notice] = await next_messages(tg, A1, before)
    assert (asked.text or "").startswith(f"✅ پرسش ۱ شما به «{AGENCY_A}» رسید.")
    assert set(buttons(asked)) == {"q:followup:1", "q:close:1"}
    assert reply == texts.Q_FOLLOWUP_SENT.format(id="۱", org=AGENCY_A)
    assert more in (notice.text or "")


async def test_any_command_ends_what_the_desk_was_waiting_for(tg: FakeTelegram, tmp_path: Path) -> None:
    """/ask 1, then /questions, then a thank-you note: no question to the agency. «✍️ پاسخ», then /inbox,
    then a release: a draft, not an answer sent to the journalist. The prompts say how to back out."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        journalist, officer = Journalist(tg, JOURNALIST), Officer(tg, A1)
        await ask_with_profile(journalist, 1)
        prompt = await journalist.ask("/ask 2")
        await journalist.ask("/questions")
        await journalist.ask("سلام، ممنون از پاسخ‌هایتان، خیلی کمک کرد.")
        asked = await store.questions.of_journalist(JOURNALIST)

        before = len(officer.replies())
        await officer.ask("/inbox")
        [notice] = [m for m in tg.messages_to(A1)[:before] if m.text and m.text.startswith("❓ پرسش تازهٔ ۱")]
        before = len(tg.messages_to(A1))
        await officer.press(notice, "q:answer:1")
        [waiting] = await next_messages(tg, A1, before)
        inbox = await officer.ask("/inbox")
        # A short text is asked about first, then made a draft.
        assert await officer.ask("خبر تازهٔ شرکت گاز دربارهٔ گازرسانی به روستاهای آبدانان") == texts.SHORT_TEXT_QUESTION
        [header, *_] = await officer.say("بله", count=3)
        question = await store.questions.get(1)
    assert prompt == texts.Q_ASK_WRITE.format(org=AGENCY_B)
    assert "منصرف شدید؟ هر دستور دیگری" in prompt
    assert [q.id for q in asked] == [1]
    assert waiting.text == texts.Q_ANSWER_WAITING.format(id="۱")
    assert inbox.startswith("<b>پرسش‌های بی‌پاسخ")
    assert header.text == texts.PREVIEW_HEADER.format(id="۱")
    assert question is not None
    assert question.status == "open"


async def test_lists_threads_and_the_admins_view(tg: FakeTelegram, tmp_path: Path) -> None:
    """/questions, /inbox and the admin's /questions (overdue first) with time left; a thread through its link,
    with the buttons of who reads it; /followup, «💬» and /close; /reassign with a fresh deadline."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        questions = runtime(app).questions
        journalist, officer, admin = Journalist(tg, JOURNALIST), Officer(tg, A1), Admin(tg)
        assert await journalist.ask("/questions") == texts.Q_MINE_NONE
        # The first question was asked 50 hours ago: its 48 hours are 2 hours past.
        clock = questions.clock
        questions.clock = lambda: clock() - timedelta(hours=50)
        await ask_with_profile(journalist, 1, "آمار دقیق روستاهای بدون گاز در شهرستان آبدانان چیست؟")
        questions.clock = clock
        await ask_with_profile(journalist, 2, "زمان وصل گاز روستای چم‌کبود کی است و چه مانعی در کار است؟")

        mine = await read(journalist, "/questions")
        assert mine.startswith("پرسش‌های شما (تازه‌ترین در بالا)\n\nپرسش ۲ · " + AGENCY_B)
        assert "وضعیت: در انتظار پاسخ · ⏳ ۲ روز مانده" in mine
        assert "وضعیت: در انتظار پاسخ · ⏳ ۲ ساعت از مهلت گذشته" in mine
        assert "گفت‌وگو: /thread_1" in mine

        inbox = await read(officer, "/inbox")
        assert inbox.startswith(f"پرسش‌های بی‌پاسخ «{AGENCY_A}» (قدیمی‌ترین در بالا)\n\nپرسش ۱\nاز: مریم احمدی")
        assert "از: مریم احمدی (ایلام‌نیوز)" in inbox
        assert "پرسش ۲" not in inbox
        assert await read(Officer(tg, A2), "/inbox") == inbox

        every = await read(admin, "/questions")
        assert every.startswith("پرسش‌های باز همهٔ دستگاه‌ها (مهلت‌گذشته‌ها در بالا)\n\nپرسش ۱ · ")
        assert every.index("پرسش ۱ ·") < every.index("پرسش ۲ ·")

        # The thread through the link in a listing: the journalist's buttons, the officer's, none for the admin.
        [thread] = await journalist.say("/thread_1")
        assert (thread.plain_text or "").startswith(f"پرسش ۱ · {AGENCY_A}\nاز: مریم احمدی (ایلام‌نیوز)\n")
        assert "🙋 مریم احمدی · " in (thread.plain_text or "")
        assert set(buttons(thread)) == {"q:followup:1", "q:close:1"}
        [seen] = await officer.say("/thread 1")
        assert set(buttons(seen)) == {"q:claim:1", "q:answer:1", "q:forward:1", "q:decline:1"}
        [checked] = await admin.say("/thread 1")
        assert buttons(checked) == {}

        # «💬 پرسش تکمیلی» and /followup: the next message, or the text after the id.
        before = len(journalist.replies())
        await journalist.press(thread, "q:followup:1")
        [prompt] = await next_messages(tg, JOURNALIST, before)
        assert prompt.text == texts.Q_FOLLOWUP_WAITING.format(id="۱")
        reply = await journalist.ask("لطفاً فهرست روستاها را هم بفرستید.")
        assert reply == texts.Q_FOLLOWUP_SENT.format(id="۱", org=AGENCY_A)
        reply = await journalist.ask("/followup 2 آیا برای این روستا اعتباری مصوب شده است؟")
        assert reply == texts.Q_FOLLOWUP_SENT.format(id="۲", org=AGENCY_B)

        # An admin gives the overdue question to the other agency, with a fresh clock.
        reassigned = await admin.ask("/reassign 1 2")
        assert reassigned.startswith(f"↪️ پرسش ۱ به «{AGENCY_B}» سپرده شد؛ مهلت تازهٔ پاسخ: تا ")
        assert "پرسش ۱\n" in await read(Officer(tg, B1), "/inbox")

        # The journalist keeps one and closes the other.
        await journalist.press(thread, "q:close:1")
        confirm = await tg.wait_for(
            lambda s: next(
                (m for m in s.messages_to(JOURNALIST) if m.text == texts.Q_CLOSE_CONFIRM.format(id="۱")), None
            )
        )
        await journalist.press(confirm, "q:keep:1")
        await tg.wait_for(lambda s: confirm.text == texts.Q_CLOSE_KEPT.format(id="۱"))
        assert await journalist.ask("/close 2") == texts.Q_CLOSED_DONE.format(id="۲")
        first, second = await store.questions.get(1), await store.questions.get(2)
    assert first is not None
    assert second is not None
    assert (first.status, first.organization_id, second.status) == ("open", 2, "closed")


async def test_guards_profile_block_limits_and_lengths(tg: FakeTelegram, tmp_path: Path) -> None:
    """A profile first; a blocked journalist is told why; at most ten waiting questions; text lengths."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        journalist, admin = Journalist(tg, JOURNALIST), Admin(tg)
        assert await journalist.ask("/profile") == texts.Q_PROFILE_NONE
        assert await journalist.ask(f"/ask 1 {QUESTION}") == texts.Q_NO_PROFILE
        assert await journalist.ask("/ask") == texts.Q_NO_PROFILE
        assert await journalist.ask("/profile مریم احمدی") == texts.Q_PROFILE_USAGE
        assert await journalist.ask("/profile م | ایلام‌نیوز") == texts.Q_PROFILE_LENGTH.format(min="۲", max="۶۴")
        await journalist.ask("/profile مریم احمدی | ایلام‌نیوز")
        assert (await journalist.ask("/profile")).startswith("👤 دستگاه‌ها شما را این‌گونه می‌بینند:\nنام: مریم احمدی")

        assert await journalist.ask("/ask 1 چرا؟") == texts.Q_TEXT_TOO_SHORT.format(length="۴", min="۱۰")
        long = "الف " * 600
        assert await journalist.ask(f"/ask 1 {long}") == texts.Q_TEXT_TOO_LONG.format(length="۲۳۹۹", max="۲۰۰۰")
        assert await journalist.ask(f"/ask 9 {QUESTION}") == texts.Q_UNKNOWN_AGENCY.format(id="۹")
        assert await journalist.ask("/ask یک پرسش بی‌شناسه") == texts.Q_ASK_USAGE
        # Typed after /ask ORG_ID, a short text is refused and the next message is waited for again.
        assert await journalist.ask("/ask 1") == texts.Q_ASK_WRITE.format(org=AGENCY_A)
        too_short = texts.Q_TEXT_TOO_SHORT.format(length="۵", min="۱۰")
        assert await journalist.ask("کوتاه") == f"{too_short} {texts.Q_NEXT_MESSAGE_IS_IT}"
        assert (await journalist.ask(QUESTION)).startswith("✅ پرسش ۱ شما")

        assert await admin.ask(f"/block {JOURNALIST} پرسش‌های تکراری و توهین‌آمیز") == texts.Q_BLOCKED_DONE.format(
            user_id=fa(JOURNALIST), reason="پرسش‌های تکراری و توهین‌آمیز"
        )
        blocked = texts.Q_BLOCKED.format(reason="پرسش‌های تکراری و توهین‌آمیز")
        assert await journalist.ask(f"/ask 1 {QUESTION}") == blocked
        assert await journalist.ask("/ask") == blocked
        assert (await journalist.ask("/profile")).endswith("دلیل: پرسش‌های تکراری و توهین‌آمیز")
        assert await admin.ask(f"/unblock {JOURNALIST}") == texts.Q_UNBLOCKED_DONE.format(user_id=fa(JOURNALIST))
        assert await admin.ask(f"/unblock {JOURNALIST}") == texts.Q_NOT_BLOCKED.format(user_id=fa(JOURNALIST))
        assert await admin.ask("/block 5009 دلیل") == texts.Q_NO_PROFILE_TO_BLOCK.format(user_id="۵۰۰۹")
        assert await admin.ask("/block 5009") == texts.Q_BLOCK_USAGE
        assert await Journalist(tg, OTHER).ask(f"/block {JOURNALIST} دلیل") == texts.NOT_ADMIN

        for number in range(9):
            await runtime(app).questions.ask(JOURNALIST, 2, f"پرسش شمارهٔ {number} دربارهٔ گازرسانی")
        refused = await journalist.ask(f"/ask 1 {QUESTION}")
        assert refused == texts.Q_TOO_MANY_OPEN.format(count="۱۰", limit="۱۰")
        assert await store.questions.count_waiting(JOURNALIST) == 10


async def test_who_may_touch_a_question(tg: FakeTelegram, tmp_path: Path) -> None:
    """Officers see only their agency's questions; a revoked officer is refused at once; unknown, huge and forged
    ids; /inbox is for officers; a stranger replying to nothing gets the usual answer."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup_desk(app)
        journalist, stranger = Journalist(tg, JOURNALIST), Journalist(tg, OTHER)
        first, second, outsider = Officer(tg, A1), Officer(tg, A2), Officer(tg, B1)
        before = len(second.replies())
        await ask_with_profile(journalist, 1)
        [notice] = await next_messages(tg, A2, before)

        assert await outsider.ask("/claim 1") == texts.Q_NOT_YOURS.format(id="۱")
        assert await outsider.ask("/thread 1") == texts.Q_NOT_YOURS.format(id="۱")
        assert await outsider.ask("/answer 1 پاسخی از دستگاه دیگر") == texts.Q_NOT_YOURS.format(id="۱")
        assert await stranger.ask("/thread 1") == texts.Q_UNKNOWN.format(id="۱")
        assert await stranger.ask("/close 1") == texts.Q_UNKNOWN.format(id="۱")
        assert await stranger.ask("/inbox") == texts.Q_NOT_AN_OFFICER
        assert await stranger.ask("/claim 1") == texts.Q_NOT_AN_OFFICER
        assert await stranger.ask("/claim 99999999999999999999") == texts.Q_NOT_AN_OFFICER
        assert await first.ask("/claim 99999999999999999999") == texts.Q_UNKNOWN.format(id="۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹")
        assert await journalist.ask("/thread 42") == texts.Q_UNKNOWN.format(id="۴۲")
        assert await journalist.ask("/thread_99999999999999999999") == texts.Q_UNKNOWN.format(id="۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹")
        assert await journalist.ask("/close") == texts.Q_CLOSE_USAGE
        assert await first.ask("/forward 1 2") == texts.Q_FORWARD_USAGE
        assert await first.ask("/forward 1 1 همین دستگاه") == texts.Q_FORWARD_SAME_ORG.format(id="۱", org=AGENCY_A)
        assert await first.ask("/forward 1 9 دستگاه دیگری") == texts.Q_UNKNOWN_FORWARD_AGENCY.format(id="۹")
        stale = await journalist.press(notice, "q:claim:99999999999999999999")
        assert stale["text"] == texts.PICKER_STALE
        assert await stranger.ask("سلام، چطور می‌توانم خبر بفرستم؟") == texts.UNSUPPORTED_MESSAGE

        # The admin revokes the second officer: their buttons stop working at once.
        await Admin(tg).ask(f"/revoke {A2}")
        refused = await second.press(notice, "q:answer:1")
        assert refused["text"] == texts.Q_OFFICER_REVOKED
        assert await second.ask("/inbox") == texts.Q_OFFICER_REVOKED
        assert await second.ask("پاسخ من به این پرسش", reply_to=notice.message_id) == texts.Q_OFFICER_REVOKED


async def test_questions_and_answers_never_reach_search_or_other_chats(tg: FakeTelegram, tmp_path: Path) -> None:
    """A question and its answer stay in their thread: search finds the release only, the group sees nothing;
    /release in a private chat carries the ask button; questions are asked in a private chat only."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup_desk(app)
        release_id, _ = await publish_release(app, tg)
        journalist, officer = Journalist(tg, JOURNALIST), Officer(tg, A1)
        await ask_with_profile(journalist, 1, "واژهٔ ویژهٔ زعفرانیه در پرسش چه معنایی دارد؟")
        await officer.ask("/answer 1 پاسخ با واژهٔ ویژهٔ کاکتوسیه")
        group_before = len(tg.messages_to(GROUP))
        for word in ("زعفرانیه", "کاکتوسیه"):
            assert await Journalist(tg, OTHER).ask(f"/search {word}") == texts.SEARCH_EMPTY
        found = await Journalist(tg, OTHER).ask("/search گازرسانی")
        [shown] = await journalist.say(f"/release {release_id}")
        assert len(tg.messages_to(GROUP)) == group_before
        in_group = await Journalist(tg, OTHER).in_chat(GROUP).ask(f"/ask 1 {QUESTION}")
    assert f"/release_{release_id}" in found or "گازرسانی" in found
    assert buttons(shown) == {f"qa:1:{release_id}": texts.BUTTON_ASK_AGENCY}, "the archive's copy asks too"
    assert in_group == texts.PRIVATE_ONLY
    assert not any("زعفرانیه" in (m.text or "") for m in tg.messages if m.chat_id not in {JOURNALIST, A1, A2})


async def test_the_picker_pages_and_an_album_is_refused_in_a_thread(tg: FakeTelegram, tmp_path: Path) -> None:
    """With many agencies /ask's picker turns pages in place; an album sent as an answer is refused once (a thread
    takes one file per message) and the officer is still answering; a stranger's album gets one reply."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        for number in range(12):
            name = f"اداره کل شمارهٔ {number:02d} استان ایلام"
            await store.organizations.create(name, fold(name), None, created_by=1)
        journalist, officer = Journalist(tg, JOURNALIST), Officer(tg, A1)
        await journalist.ask("/profile مریم احمدی | ایلام‌نیوز")
        [picker] = await journalist.say("/ask")
        assert picker.text == texts.Q_ASK_PICK.format(page="۱", pages="۲")
        await journalist.press(picker, "qp:0:1")
        await tg.wait_for(lambda s: picker.text == texts.Q_ASK_PICK.format(page="۲", pages="۲"))
        assert "qp:0:0" in buttons(picker)

        before = len(officer.replies())
        await ask_with_profile(journalist, 1)
        await next_messages(tg, A1, before)
        await officer.ask("/answer 1")
        before = len(officer.replies())
        for _ in range(2):
            tg.inject(tg.message(A1, A1, photo=True, media_group_id="album-1", caption="عکس‌های پاسخ"))
        [refused] = await next_messages(tg, A1, before)
        assert refused.text == texts.Q_THREAD_ONE_FILE
        [answered] = await send(officer, photo=True, caption="عکس روستای گازرسانی‌شده")
        assert answered.text == texts.Q_ANSWER_SENT.format(id="۱")

        stranger = Journalist(tg, OTHER)
        for _ in range(3):
            tg.inject(tg.message(OTHER, OTHER, photo=True, media_group_id="album-2"))
        await tg.wait_for(lambda s: s.messages_to(OTHER))
        question = await store.questions.get(1)
    assert [m.text for m in stranger.replies()] == [texts.UNSUPPORTED_MESSAGE]
    assert question is not None
    assert question.status == "answered"
