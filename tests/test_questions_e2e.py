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
from storage import Storage
from storage.db import utcnow
from tests.fakegram import FakeTelegram, SentMessage
from tests.fakegram.drivers import Admin, Journalist, Officer, Person, buttons
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
        refused = await journalist.press(copy, f"qa:1:{release_id}")
        assert refused["text"] == texts.Q_NO_PROFILE or journalist.replies()[-1].text == texts.Q_NO_PROFILE
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
        assert "(۱ روز و ۲۳ ساعت" in asked.text or "(۲ روز مانده)" in asked.text
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
        assert (told.text or "").startswith(f"✋ «{AGENCY_A}» پرسش ۱ شما را در دست بررسی گرفت.")
        late = await second.press(notice_2, "q:claim:1")
        assert late == {**late, "text": texts.Q_ALREADY_CLAIMED.format(name=f"کارشناس {A1}", id="۱"), "show_alert": True}

        # «✍️ پاسخ», then a document with a caption is the answer.
        await first.press(notice_1, "q:answer:1")
        await tg.wait_for(lambda s: s.messages_to(A1)[-1].text == texts.Q_ANSWER_WAITING.format(id="۱"))
        journalist_before = len(journalist.replies())
        [sent] = await send(first, document=True, document_name="سهم-اعتبار.pdf", caption="جدول سهم اعتبارها پیوست است.")
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
        [again] = await first.say("دهیاری‌ها سهمی ندارند؛ هزینه را شرکت گاز می‌پردازد.", reply_to=follow_notice.message_id)
        assert again.text == texts.Q_ANSWER_SENT.format(id="۱")
        [second_answer] = await next_messages(tg, JOURNALIST, journalist_before)
        assert "دهیاری‌ها سهمی ندارند" in (second_answer.text or "")

        # Closing asks first.
        await journalist.press(second_answer, "q:close:1")
        confirm = await tg.wait_for(
            lambda s: next((m for m in s.messages_to(JOURNALIST) if m.text == texts.Q_CLOSE_CONFIRM.format(id="۱")), None)
        )
        assert set(buttons(confirm)) == {"q:closeok:1", "q:keep:1"}
        await journalist.press(confirm, "q:closeok:1")
        await tg.wait_for(lambda s: s.messages_to(JOURNALIST)[-1].text is not None)
        question = await store.questions.get(1)
        messages = await store.questions.messages(1)
        events = await store.questions.events(1)
    assert confirm.edits[-1].text == texts.Q_CLOSED_DONE.format(id="۱")
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
