"""A desk that is safe by default (issue 13): what is public or irreversible is asked first.

One test (at least) per slip of the issue, each played through the real bot: correction mode that stayed
armed and asked nothing (1), an embargo detected and not enforced (2), /retract acting at once (3), any
text becoming a publishable draft (5), an edited message making a second draft (7).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.jalali import format_date
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Officer, buttons
from storage import Storage
from tests.harness import running_bot, runtime, settings_for
from tests.test_officer import (
    OFFICER,
    READERS,
    SAMPLES,
    answer_question,
    publish_to_readers,
    question_button,
    say,
    setup_desk,
)

TEHRAN = ZoneInfo("Asia/Tehran")
QUAKE = SAMPLES["r05"]["text"]
FOOTBALL = (
    "پیروزی تیم فوتبال نوجوانان ایلام در لیگ استان‌ها\n\n"
    "تیم فوتبال نوجوانان استان ایلام در هفته پنجم مسابقات لیگ استان‌ها با دو گل از سد میهمان خود گذشت و به "
    "صدر جدول رسید. سرمربی تیم گفت: بازیکنان با روحیه‌ای بالا در ورزشگاه تختی به میدان رفتند و تا پایان "
    "مسابقات برای قهرمانی تلاش می‌کنیم."
)
GREENHOUSE = (
    "احداث مجتمع گلخانه‌ای در دهلران\n\n"
    "رئیس سازمان جهاد کشاورزی استان از امضای قرارداد احداث مجتمع گلخانه‌ای به مساحت ۴۰ هکتار خبر داد."
)


def edited(update: dict[str, Any], text: str) -> dict[str, Any]:
    """The update Telegram sends when the user edits the message of ``update`` to ``text``."""
    message = {k: v for k, v in update["message"].items() if k != "entities"}
    return {"edited_message": {**message, "text": text, "edit_date": int(time.time())}}


async def wait_for_text(tg: FakeTelegram, chat_id: int, start: str, *, after: int = 0) -> SentMessage:
    """The first message to ``chat_id`` (from index ``after``) whose text starts with ``start``, once it is there."""

    def found(server: FakeTelegram) -> SentMessage | None:
        return next((m for m in server.messages_to(chat_id)[after:] if (m.text or "").startswith(start)), None)

    await tg.wait_for(found, timeout=15)
    message = found(tg)
    assert message is not None
    return message


def copies(tg: FakeTelegram) -> list[SentMessage]:
    """The first message each reader got (the release's copy)."""
    return [tg.messages_to(c)[0] for c in READERS]


# -- slip 1: a correction is previewed, confirmed, and its mode ends ---------------------------------------


async def test_correction_mode_ends_with_another_command(tg: FakeTelegram, tmp_path: Path) -> None:
    """/correct 1, then /my, then a football story: the story is a new draft, release 1 and its copies stay."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        waiting = (await say(tg, OFFICER, "/correct 1"))[0].text or ""
        assert waiting == texts.CORRECT_WAITING.format(id="۱")
        assert "با هر فرمان دیگری هم پایان می‌یابد" in waiting
        await say(tg, OFFICER, "/my")
        header, *_ = await say(tg, OFFICER, FOOTBALL, count=3)
        assert header.text == texts.PREVIEW_HEADER.format(id="۲")
        assert await store.officers.correcting(OFFICER) is None
        release = await store.releases.get(1)
        story = await store.releases.get(2)
    assert release is not None
    assert (release.version, release.status) == (1, "published")
    assert story is not None
    assert story.status == "draft"
    assert "sports" in story.topics
    assert not any(m.edits for m in copies(tg))


async def test_a_correction_is_previewed_with_its_changes_and_goes_out_only_when_confirmed(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The corrected text comes back as the corrected copy with the sentences removed and added; nothing is
    edited until the officer types «بله»; then every copy is edited."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        await say(tg, OFFICER, "/correct 1")
        header, part, card = await say(tg, OFFICER, QUAKE.replace("27 واحد", "31 واحد"), count=3)
        assert header.text == texts.CORRECTION_PREVIEW_HEADER.format(id="۱", copies="۵")
        assert (part.text or "").startswith("✏️ اصلاحیه")
        assert "۳۱ واحد" in (part.text or "")
        lines = (card.text or "").splitlines()
        assert any(line.startswith("➖") and "۲۷ واحد" in line for line in lines)
        assert any(line.startswith("➕") and "۳۱ واحد" in line for line in lines)
        assert "بسیار فرق دارد" not in (card.text or "")
        assert buttons(card)[question_button(card, "y")] == texts.BUTTON_SEND_CORRECTION
        pending = await store.releases.get(1)
        assert pending is not None
        assert pending.version == 1
        assert not any(m.edits for m in copies(tg))
        assert await store.officers.correcting(OFFICER) is None, "the mode ended with the one text"

        reply = (await say(tg, OFFICER, "بله"))[0].text or ""
        assert reply == texts.CORRECTION_QUEUED.format(id="۱", version="۲", count="۵")
        await tg.wait_for(lambda s: all(m.edits for m in copies(s)), timeout=20)
        corrected = await store.releases.get(1)
    assert corrected is not None
    assert corrected.version == 2
    assert all("۳۱ واحد" in (m.text or "") for m in copies(tg))


async def test_a_different_release_sent_as_a_correction_is_warned_retagged_and_can_be_dropped(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """A football story after /correct 1 is shown with a warning that it reads as another release and with its
    own tags; «انصراف» drops it, and a «بله» typed afterwards confirms nothing."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        await say(tg, OFFICER, "/correct 1")
        *_, card = await say(tg, OFFICER, FOOTBALL, count=3)
        text = card.text or ""
        assert "⚠️ این متن با خبر ۱ بسیار فرق دارد" in text
        assert "موضوع‌ها: ورزش" in text
        assert "(پیش‌تر: حوادث و مدیریت بحران)" in text
        assert await answer_question(tg, card, "n") == texts.CORRECTION_DROPPED.format(id="۱")
        assert (await say(tg, OFFICER, "بله"))[0].text == texts.SHORT_TEXT_QUESTION
        release = await store.releases.get(1)
    assert release is not None
    assert release.version == 1
    assert release.topics == ("crisis",)
    assert not any(m.edits for m in copies(tg))


async def test_a_previewed_correction_survives_a_restart_and_its_button_still_sends_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The correction waiting for confirmation is in the database: after a restart its button sends it."""
    settings = settings_for(tg, tmp_path, BROADCAST_RATE="30")
    async with running_bot(settings) as app:
        await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        await say(tg, OFFICER, "/correct 1")
        *_, card = await say(tg, OFFICER, QUAKE.replace("27 واحد", "31 واحد"), count=3)
    async with running_bot(settings) as app:
        reply = await answer_question(tg, card, "y")
        assert reply == texts.CORRECTION_QUEUED.format(id="۱", version="۲", count="۵")
        await tg.wait_for(lambda s: all(m.edits for m in copies(s)), timeout=20)
        release = await runtime(app).storage.releases.get(1)
    assert release is not None
    assert release.version == 2


async def test_a_reply_to_the_correct_prompt_is_the_corrected_text_and_correct_yes_sends_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """A reply to «/correct»'s prompt is read as the corrected text even after another command; a second text
    is a new draft, not a second correction; «/correct 1 yes» sends the preview."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        prompt = (await say(tg, OFFICER, "/correct 1"))[0]
        await say(tg, OFFICER, "/status 1")
        header, *_ = await Officer(tg, OFFICER).say(
            QUAKE.replace("27 واحد", "31 واحد"), count=3, reply_to=prompt.message_id
        )
        assert header.text == texts.CORRECTION_PREVIEW_HEADER.format(id="۱", copies="۵")
        assert (await say(tg, OFFICER, "/correct 1 yes"))[0].text == texts.CORRECTION_QUEUED.format(
            id="۱", version="۲", count="۵"
        )
        assert (await say(tg, OFFICER, "/correct 1 yes"))[0].text == texts.NO_CORRECTION_WAITING.format(id="۱")
        await tg.wait_for(lambda s: all(m.edits for m in copies(s)), timeout=20)
        release = await store.releases.get(1)
    assert release is not None
    assert release.version == 2


# -- slip 2: publishing before an embargo asks, and the note never goes out ---------------------------------


def with_embargo(hours: int = 24) -> tuple[str, datetime]:
    """The greenhouse release with a note holding it back until 10 o'clock of a day ahead, and that moment."""
    day = (datetime.now(UTC) + timedelta(hours=hours)).astimezone(TEHRAN)
    note = f"انتشار این خبر تا ساعت ۱۰ صبح {format_date(day, TEHRAN)} ممنوع است."
    return GREENHOUSE.replace("\n\n", f"\n\n{note}\n\n", 1), day.replace(hour=10, minute=0, second=0, microsecond=0)


async def test_publishing_before_the_embargo_asks_and_the_note_is_taken_out(tg: FakeTelegram, tmp_path: Path) -> None:
    """/publish (and «انتشار») before the embargo time ask, with «publish now» and «publish when it ends»; once
    confirmed, the copies go out without the embargo sentence."""
    text, _ = with_embargo()
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store: Storage = await setup_desk(app)
        _, preview, card = await say(tg, OFFICER, text, count=3)
        assert "ممنوع است" not in (preview.text or ""), "the preview is what readers get"
        assert buttons(card)["emb:1"] == "⏰ انتشار پس از پایان ممنوعیت"
        asked = (await say(tg, OFFICER, "/publish 1"))[0]
        assert (asked.text or "").startswith("⏰ متن خبر ۱ می‌گوید تا")
        assert "ممنوع است" in (asked.text or "")
        assert buttons(asked) == {"pube:1": texts.BUTTON_PUBLISH_NOW, "emb:1": texts.BUTTON_SCHEDULE_EMBARGO}
        await Officer(tg, OFFICER).press(card, "pub:1")
        await tg.wait_for(lambda s: len([m for m in s.messages_to(OFFICER) if m.text == asked.text]) == 2)
        draft = await store.releases.get(1)
        assert draft is not None
        assert draft.status == "draft"
        assert not any(tg.messages_to(c) for c in READERS)

        await Officer(tg, OFFICER).press(asked, "pube:1")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
        published = await store.releases.get(1)
    assert published is not None
    assert published.status == "published"
    for copy in copies(tg):
        assert "ممنوع است" not in (copy.text or "")
        assert "مجتمع گلخانه‌ای" in (copy.text or "")


async def test_publish_confirm_typed_goes_out_before_the_embargo(tg: FakeTelegram, tmp_path: Path) -> None:
    """«/publish ID confirm» is the typed answer: it publishes at once, without the note."""
    text, _ = with_embargo()
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, text, count=3)
        reply = (await say(tg, OFFICER, "/publish 1 confirm"))[0].text or ""
        assert reply.startswith("📤 خبر ۱ منتشر شد")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
        release = await store.releases.get(1)
    assert release is not None
    assert release.status == "published"
    assert all("ممنوع است" not in (m.text or "") for m in copies(tg))


async def test_scheduling_before_the_embargo_asks(tg: FakeTelegram, tmp_path: Path) -> None:
    """A schedule earlier than the embargo is refused with the embargo's time and how to insist."""
    text, _ = with_embargo(hours=48)
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, text, count=3)
        refused = (await say(tg, OFFICER, "/schedule 1 +2h"))[0].text or ""
        assert refused.startswith("⏰ ")
        assert "پیش از پایان ممنوعیتی است" in refused
        assert "/schedule ۱ +2h confirm" in refused
        draft = await store.releases.get(1)
        assert draft is not None
        assert draft.status == "draft"
        assert (await say(tg, OFFICER, "/schedule 1 +2h confirm"))[0].text.startswith("⏰ خبر ۱ برای")
        scheduled = await store.releases.get(1)
    assert scheduled is not None
    assert scheduled.status == "scheduled"


# -- slip 3: a retraction asks, with the release and what it deletes ---------------------------------------


async def test_retract_asks_with_the_title_and_the_copies_and_acts_only_on_yes(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """/retract ID REASON shows the title and the five copies it would delete, with confirm and keep buttons;
    «keep» keeps it; «/retract ID REASON yes» retracts at once and says who retracted what."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        release = await store.releases.get(1)
        assert release is not None
        asked = (await say(tg, OFFICER, "/retract 1 آمار اشتباه بود"))[0]
        text = asked.text or ""
        assert text.startswith(f"⛔️ پس گرفتن خبر ۱: «{release.title}»")
        assert "۵ نسخه ارسال‌شده" in text
        assert "دلیل: آمار اشتباه بود" in text
        assert "/retract ۱ آمار اشتباه بود yes" in text
        assert sorted(buttons(asked).values()) == sorted([texts.BUTTON_RETRACT_YES, texts.BUTTON_RETRACT_NO])
        confirm = question_button(asked, "y")
        assert await answer_question(tg, asked, "n") == texts.RETRACTION_KEPT.format(id="۱")
        kept = await store.releases.get(1)
        assert kept is not None
        assert kept.status == "published"
        assert not any(m.deleted for m in copies(tg))

        done = (await say(tg, OFFICER, "/retract 1 آمار اشتباه بود بله"))[0].text or ""
        assert done == texts.RETRACTION_QUEUED.format(
            id="۱",
            title=release.title,
            name=f"کارشناس {OFFICER}",
            count="۵",
            reason=texts.RETRACTION_REASON.format(reason="آمار اشتباه بود"),
        )
        await tg.wait_for(lambda s: all(m.deleted for m in copies(s)), timeout=20)
        retracted = await store.releases.get(1)
        # The earlier question's button cannot retract anything again.
        stale = await Officer(tg, OFFICER).press(asked, confirm)
    assert retracted is not None
    assert retracted.status == "retracted"
    assert stale.get("text") == texts.QUESTION_CLOSED


async def test_the_retract_button_retracts_with_the_reason_given(tg: FakeTelegram, tmp_path: Path) -> None:
    """Pressing «بله، پس گرفته شود» retracts with the reason typed in /retract, which the notice carries."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, QUAKE)
        kept = tg.messages_to(READERS[0])[0]
        tg.set_deletable(READERS[0], kept.message_id, deletable=False)
        asked = (await say(tg, OFFICER, "/retract 1 آمار اشتباه بود"))[0]
        assert (await answer_question(tg, asked, "y")).startswith("⛔️ خبر ۱ پس گرفته شد")
        await tg.wait_for(lambda s: len(s.messages_to(READERS[0])) == 2, timeout=20)
        release = await store.releases.get(1)
    assert release is not None
    assert release.status == "retracted"
    assert "آمار اشتباه بود" in (tg.messages_to(READERS[0])[1].text or "")


# -- slip 5: drafts only from what looks like a release ---------------------------------------------------


async def test_a_short_text_is_asked_about_before_it_becomes_a_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """«سلام» gets «this text is short; is it a release?» and no draft; the button (or «بله») makes it one."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        asked = (await say(tg, OFFICER, "سلام"))[0]
        assert asked.text == texts.SHORT_TEXT_QUESTION
        assert (asked.text or "").startswith("این متن کوتاه است؛ آیا خبر است؟")
        assert buttons(asked)[question_button(asked, "y")] == texts.BUTTON_MAKE_DRAFT
        assert await store.releases.latest_of_organization(1) == []
        assert await answer_question(tg, asked, "y") == texts.PREVIEW_HEADER.format(id="۱")
        await wait_for_text(tg, OFFICER, "📝 پیش‌نویس ۱")
        again = (await say(tg, OFFICER, "خبر کوتاه"))[0]
        assert again.text == texts.SHORT_TEXT_QUESTION
        assert (await say(tg, OFFICER, "بله", count=3))[0].text == texts.PREVIEW_HEADER.format(id="۲")
        assert (await say(tg, OFFICER, "یک متن دیگر"))[0].text == texts.SHORT_TEXT_QUESTION
        assert "آخرین خبرها و پیش‌نویس‌های «فرمانداری آبدانان»" in ((await say(tg, OFFICER, "/my"))[0].text or "")
        assert (await say(tg, OFFICER, "بله"))[0].text == texts.SHORT_TEXT_QUESTION, "a command set the question aside"
        drafts = await store.releases.latest_of_organization(1)
    assert sorted(d.raw_text for d in drafts) == sorted(["سلام", "خبر کوتاه"])


async def test_a_headline_with_a_body_is_a_draft_at_once(tg: FakeTelegram, tmp_path: Path) -> None:
    """A short release with a headline line and its body is not asked about."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        header, *_ = await say(tg, OFFICER, "بازگشایی مدارس ایلام\n\nمدارس استان از شنبه باز می‌شوند.", count=3)
        assert header.text == texts.PREVIEW_HEADER.format(id="۱")
        draft = await store.releases.get(1)
    assert draft is not None
    assert draft.title == "بازگشایی مدارس ایلام"


async def test_a_time_typed_as_a_reply_to_the_schedule_prompt_schedules(tg: FakeTelegram, tmp_path: Path) -> None:
    """«فردا ساعت ۱۰» replied to the schedule picker schedules the draft; it makes no draft of its own."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        *_, card = await say(tg, OFFICER, GREENHOUSE, count=3)
        await Officer(tg, OFFICER).press(card, "sch:1")
        asking = texts.PICK_SCHEDULE.format(id="۱")
        await tg.wait_for(lambda s: getattr(s.message_in(OFFICER, card.message_id), "text", None) == asking)
        reply = (await Officer(tg, OFFICER).say("فردا ساعت ۱۰", reply_to=card.message_id))[0].text or ""
        assert reply.startswith("⏰ خبر ۱ برای")
        release = await store.releases.get(1)
        others = await store.releases.latest_of_organization(1)
    assert release is not None
    assert release.status == "scheduled"
    assert release.scheduled_at is not None
    local = release.scheduled_at.astimezone(TEHRAN)
    assert (local.hour, local.minute) == (10, 0)
    assert local.date() == (datetime.now(TEHRAN) + timedelta(days=1)).date()
    assert [r.id for r in others] == [1]


async def test_a_reply_to_a_replace_prompt_replaces_that_draft_text(tg: FakeTelegram, tmp_path: Path) -> None:
    """«جایگزینی متن» under two drafts, another command, then a reply to the first prompt: the reply is the
    first draft's new text (the prompt replied to decides, not the last button pressed), and makes no draft."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        *_, first = await say(tg, OFFICER, GREENHOUSE, count=3)
        *_, second = await say(tg, OFFICER, QUAKE, count=3)
        await Officer(tg, OFFICER).press(first, "rep:1")
        prompt = await wait_for_text(tg, OFFICER, texts.REPLACE_WAITING.format(id="۱"))
        await Officer(tg, OFFICER).press(second, "rep:2")
        await wait_for_text(tg, OFFICER, texts.REPLACE_WAITING.format(id="۲"))
        await say(tg, OFFICER, "/my")
        header, *_ = await Officer(tg, OFFICER).say("مساحت ۵۰ هکتار", count=3, reply_to=prompt.message_id)
        assert header.text == texts.PREVIEW_HEADER.format(id="۱")
        replaced, untouched = await store.releases.get(1), await store.releases.get(2)
        drafts = await store.releases.latest_of_organization(1)
    assert replaced is not None
    assert replaced.raw_text == "مساحت ۵۰ هکتار"
    assert untouched is not None
    assert untouched.raw_text == QUAKE
    assert sorted(r.id for r in drafts) == [1, 2]


# -- slip 7: edits update the draft, and offer a correction of a published release -----------------------------


async def test_editing_the_message_behind_a_draft_updates_that_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """An edited figure updates draft 1 and its preview; no second draft appears."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        sent = tg.message(OFFICER, OFFICER, QUAKE)
        tg.inject(sent)
        await wait_for_text(tg, OFFICER, "📝 پیش‌نویس ۱")
        before = len(tg.messages_to(OFFICER))
        tg.inject(edited(sent, QUAKE.replace("27 واحد", "31 واحد")))
        header = await wait_for_text(tg, OFFICER, "✏️ پیام شما ویرایش شد", after=before)
        assert header.text == texts.EDITED_DRAFT_HEADER.format(id="۱")
        await wait_for_text(tg, OFFICER, "📝 پیش‌نویس ۱", after=before)
        preview = tg.messages_to(OFFICER)[before + 1]
        assert "۳۱ واحد" in (preview.text or "")
        drafts = await store.releases.latest_of_organization(1)
    assert [d.id for d in drafts] == [1]
    assert "31 واحد" in drafts[0].raw_text
    assert drafts[0].version == 2


async def test_editing_the_message_behind_a_published_release_offers_a_correction(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """An edit of a published release's message changes nothing by itself and offers /correct; its button
    previews the correction with the edited text, which goes out once confirmed."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        sent = tg.message(OFFICER, OFFICER, QUAKE)
        tg.inject(sent)
        await wait_for_text(tg, OFFICER, "📝 پیش‌نویس ۱")
        await say(tg, OFFICER, "/publish 1")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
        before = len(tg.messages_to(OFFICER))
        tg.inject(edited(sent, QUAKE.replace("27 واحد", "31 واحد")))
        offer = await wait_for_text(tg, OFFICER, "✏️ این پیام متن خبر منتشرشده ۱ است", after=before)
        assert "/correct ۱" in (offer.text or "")
        assert len(await store.releases.latest_of_organization(1)) == 1
        assert not any(m.edits for m in copies(tg))

        assert await answer_question(tg, offer, "y") == texts.CORRECTION_PREVIEW_HEADER.format(id="۱", copies="۵")
        card = await wait_for_text(tg, OFFICER, "✏️ اصلاحیه خبر ۱:", after=before)
        assert await answer_question(tg, card, "y") == texts.CORRECTION_QUEUED.format(id="۱", version="۲", count="۵")
        await tg.wait_for(lambda s: all(m.edits for m in copies(s)), timeout=20)
        release = await store.releases.get(1)
    assert release is not None
    assert release.version == 2
    assert all("۳۱ واحد" in (m.text or "") for m in copies(tg))
