"""The officer desk through the real bot: drafts, preview, tags, publishing with a live report, guards."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.domain.render import cut_at_word
from bot.domain.text import fold
from bot.services.desk import PUBLISH_LIMIT_PER_HOUR
from bot.telegram.views.officer import MY_TITLE_CHARS
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Officer
from storage import Storage
from storage.db import utcnow
from storage.releases import NewRelease
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
OFFICER, OTHER_OFFICER, STRANGER = 3001, 3002, 3003
READERS = [4000 + i for i in range(5)]
TEHRAN = ZoneInfo("Asia/Tehran")


async def setup_desk(app: Application) -> Storage:  # type: ignore[type-arg]
    """Two organizations with one officer each, and five unfiltered subscribers."""
    store = runtime(app).storage
    for user_id, name in ((OFFICER, "فرمانداری آبدانان"), (OTHER_OFFICER, "شرکت گاز استان ایلام")):
        org = await store.organizations.create(name, fold(name), None, created_by=1)
        await store.officers.create_invite(f"code{user_id}", org.id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite(f"code{user_id}", user_id, f"کارشناس {user_id}", None)
    for chat_id in READERS:
        await store.subscriptions.upsert_chat(chat_id, "private")
        await store.subscriptions.subscribe(chat_id)
    return store


async def say(tg: FakeTelegram, user: int, text: str, *, count: int = 1) -> list[SentMessage]:
    """Send ``text`` as ``user`` and return the next ``count`` replies."""
    return await Officer(tg, user).say(text, count=count)


COLLEAGUE = 3004  # a second officer of the first organization (``add_colleague``)


async def add_colleague(store: Storage, user_id: int, org_id: int = 1) -> None:
    """Make ``user_id`` an officer of organization ``org_id`` too."""
    await store.officers.create_invite(f"colleague{user_id}", org_id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite(f"colleague{user_id}", user_id, f"همکار {user_id}", None)


def question_button(message: SentMessage, answer: str) -> str:
    """The callback data of the button that gives ``answer`` (y, n or r) to the desk's question in ``message``."""
    [data] = [d for d in _buttons(message) if d.startswith("dk:") and d.endswith(f":{answer}")]
    return data


async def answer_question(tg: FakeTelegram, message: SentMessage, answer: str) -> str:
    """Press the button answering the desk's question in ``message`` and return the bot's next message to the chat."""
    before = len(tg.messages_to(message.chat_id))
    await Officer(tg, message.chat_id, timeout=10).press(message, question_button(message, answer))
    await tg.wait_for(lambda s: len(s.messages_to(message.chat_id)) > before, timeout=10)
    return tg.messages_to(message.chat_id)[before].text or ""


async def test_text_becomes_a_draft_with_the_exact_preview(tg: FakeTelegram, tmp_path: Path) -> None:
    """An officer's raw text is normalized into a draft; the preview is what journalists will get."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        replies = await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        [draft] = await store.releases.latest_of_organization(1)
    header, preview, summary = replies[0], replies[1:-1], replies[-1]
    assert header.text == texts.PREVIEW_HEADER.format(id="۱")
    assert draft.status == "draft"
    assert draft.county == "abdanan"
    assert "crisis" in draft.topics
    assert "\u064a" not in draft.body
    assert preview[0].parse_mode == "HTML"
    assert "زلزله" in (preview[0].text or "")
    assert "گیرندگان در حال حاضر: ۵ گفت‌وگو" in (summary.text or "")
    buttons = [b["callback_data"] for row in (summary.reply_markup or {})["inline_keyboard"] for b in row]
    assert buttons == ["pub:1", "sch:1", "cancel:1", "tp:1", "ct:1", "rep:1"]


async def test_publish_button_delivers_and_the_report_reaches_its_final_state(tg: FakeTelegram, tmp_path: Path) -> None:
    """Pressing publish sends the release to every subscriber and the report ends with the final counts."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        tg.block(READERS[4])
        replies = await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        preview_html = [m.text for m in replies[1:-1]]
        summary = replies[-1]
        tg.inject(tg.callback_query(OFFICER, OFFICER, "pub:1", summary.message_id))
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS[:4]), timeout=15)

        def final_report(server: FakeTelegram) -> bool:
            return any((m.text or "").startswith("📊 گزارش نهایی") for m in server.messages_to(OFFICER))

        await tg.wait_for(final_report, timeout=20)
        release = await store.releases.get(1)
        org = await store.organizations.get(1)
        assert release is not None
        assert org is not None
        assert release.published_at is not None
        # The copies carry the time of publication; the preview showed the time it was made.
        published = [part.html for part in runtime(app).desk.render(release, org, release.published_at)]
    assert release.status == "published"
    assert [_without_meta_line(html) for html in published] == [_without_meta_line(t or "") for t in preview_html]
    for chat_id in READERS[:4]:
        assert [m.text for m in tg.messages_to(chat_id)] == published
    report = next(m for m in tg.messages_to(OFFICER) if (m.text or "").startswith("📊 گزارش نهایی"))
    assert "رسیده: ۴ از ۵" in (report.text or "")
    assert "غیرفعال‌شده: ۱" in (report.text or "")
    assert "blocked" in (report.text or "")
    assert report.edits, "the report is the publishing message, edited in place"
    assert tg.answered_callbacks


async def test_tags_can_be_changed_before_publishing(tg: FakeTelegram, tmp_path: Path) -> None:
    """/settopics and /setcounty change the draft, and a filtered reach follows the new tags."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        sub = await store.subscriptions.get(READERS[0])
        assert sub is not None
        await store.subscriptions.set_filter(sub.id, "county", ["ilam"])
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        replies = await say(tg, OFFICER, "/setcounty 1 ilam", count=3)
        assert "گیرندگان در حال حاضر: ۵ گفت‌وگو" in (replies[-1].text or "")
        replies = await say(tg, OFFICER, "/settopics 1 health sports", count=3)
        assert "سلامت" in (replies[-1].text or "")
        draft = await store.releases.get(1)
        assert draft is not None
        assert (draft.topics, draft.county) == (("health", "sports"), "ilam")
        assert (await say(tg, OFFICER, "/settopics 1 weather"))[0].text.startswith("این موضوع‌ها شناخته نشد")
        assert (await say(tg, OFFICER, "/setcounty 1 tehran"))[0].text.startswith("شهرستان «tehran» شناخته نشد")
        replies = await say(tg, OFFICER, "/setcounty 1 none", count=3)
        assert "گیرندگان در حال حاضر: ۴ گفت‌وگو" in (replies[-1].text or "")


async def test_officers_act_only_on_their_own_drafts(tg: FakeTelegram, tmp_path: Path) -> None:
    """Another organization's officer cannot publish, cancel or retag a draft; nothing changes."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        for command in ("/publish 1", "/cancel 1", "/settopics 1 health", "/status 1"):
            assert (await say(tg, OTHER_OFFICER, command))[0].text == texts.NOT_YOUR_RELEASE.format(id="۱")
        assert (await say(tg, STRANGER, "/publish 1"))[0].text == texts.NOT_OFFICER
        assert (await say(tg, OFFICER, "/publish 99"))[0].text == texts.UNKNOWN_RELEASE.format(id="۹۹")
        draft = await store.releases.get(1)
        assert draft is not None
        assert draft.status == "draft"
        assert all(not tg.messages_to(c) for c in READERS)


async def test_revoked_officer_loses_an_open_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """Revocation takes effect at once, even for a draft made before it."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        await store.officers.revoke(OFFICER, revoked_by=1)
        assert (await say(tg, OFFICER, "/publish 1"))[0].text == texts.OFFICER_REVOKED
        release = await store.releases.get(1)
        assert release is not None
        assert release.status == "draft"


async def test_cancel_drops_a_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """/cancel keeps the draft for the audit trail but it can no longer be published."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        assert (await say(tg, OFFICER, "/cancel 1"))[0].text == texts.DRAFT_CANCELLED.format(id="۱")
        refused = (await say(tg, OFFICER, "/publish 1"))[0].text or ""
        assert refused == texts.NOT_A_DRAFT.format(id="۱", status="لغوشده")
        assert [e.action for e in await store.audit.latest(2)] == ["release.cancel", "release.draft"]


async def test_near_duplicate_needs_confirmation(tg: FakeTelegram, tmp_path: Path) -> None:
    """A release like one published this week is flagged with who and when, and needs confirming."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        await say(tg, OTHER_OFFICER, SAMPLES["r08"]["text"], count=3)
        await say(tg, OTHER_OFFICER, "/publish 1")
        replies = await say(tg, OFFICER, SAMPLES["r08"]["text"].replace("ی", "ي"), count=3)
        summary = replies[-1].text or ""
        assert "خبر مشابهی در ۷ روز گذشته منتشر شده است: خبر ۱ از «شرکت گاز استان ایلام»" in summary
        buttons = [b["callback_data"] for row in (replies[-1].reply_markup or {})["inline_keyboard"] for b in row]
        assert buttons[0] == "pubc:2"
        assert (await say(tg, OFFICER, "/publish 2"))[0].text == texts.NEEDS_CONFIRMATION.format(id="۱", draft="۲")
        assert (await say(tg, OFFICER, "/publish 2 confirm"))[0].text.startswith("📤 خبر ۲ منتشر شد")
        release = await store.releases.get(2)
        assert release is not None
        assert release.status == "published"


async def test_publishing_rate_is_limited_per_officer(tg: FakeTelegram, tmp_path: Path) -> None:
    """An officer who published the hourly maximum is told to wait, and the draft stays a draft."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        for i in range(PUBLISH_LIMIT_PER_HOUR):
            body = f"خبر شماره {i} درباره موضوعی کاملاً متفاوت {i * 7919}"
            draft = await store.releases.create_draft(
                NewRelease(1, OFFICER, body, f"عنوان {i}", body, fold(body), (), None, None)
            )
            await store.releases.mark_published(draft.id)
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        draft_id = PUBLISH_LIMIT_PER_HOUR + 1
        refused = (await say(tg, OFFICER, f"/publish {draft_id}"))[0].text or ""
        assert refused.startswith("در یک ساعت گذشته ۳۰ خبر منتشر کرده‌اید")
        release = await store.releases.get(draft_id)
        assert release is not None
        assert release.status == "draft"


async def test_bad_input_is_refused_clearly(tg: FakeTelegram, tmp_path: Path) -> None:
    """Oversized text, stickers, a photo without text and bad arguments get Persian replies; nothing is stored."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        too_long = "خبر " * 6000
        assert (await say(tg, OFFICER, too_long))[0].text == texts.DRAFT_TOO_LONG.format(length="۲۴۰۰۰", limit="۲۰۰۰۰")
        sticker = tg.message(OFFICER, OFFICER)
        sticker["message"]["sticker"] = {
            "file_id": "S1",
            "file_unique_id": "s1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        tg.inject(sticker)
        await tg.wait_for(lambda s: any(m.text == texts.UNSUPPORTED_FROM_OFFICER for m in s.messages_to(OFFICER)))
        tg.inject(tg.message(OFFICER, OFFICER, photo=True))
        await tg.wait_for(lambda s: any(m.text == texts.MEDIA_NEEDS_CAPTION for m in s.messages_to(OFFICER)))
        assert (await say(tg, OFFICER, "/publish"))[0].text == texts.PUBLISH_USAGE
        assert (await say(tg, OFFICER, "/publish abc"))[0].text == texts.PUBLISH_USAGE
        assert (await say(tg, STRANGER, "یک متن معمولی"))[0].text == texts.UNSUPPORTED_MESSAGE
        assert await store.releases.latest_of_organization(1) == []


async def test_my_and_status_show_releases_and_reach(tg: FakeTelegram, tmp_path: Path) -> None:
    """/my lists the organization's releases with status and reach; /status shows one report."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        await setup_desk(app)
        assert (await say(tg, OFFICER, "/my"))[0].text == texts.MY_EMPTY
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        await say(tg, OFFICER, "/publish 1")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
        listing = (await say(tg, OFFICER, "/my"))[0].text or ""
        assert "منتشرشده" in listing
        status = (await say(tg, OFFICER, "/status 1"))[0].text or ""
        assert "منتشرشده" in status
        assert "از ۵" in status


async def test_my_cuts_titles_between_words_counts_cancelled_drafts_and_dates_scheduled_ones(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """/my: a long title ends at a word with «…», reach reads «رسیده به ۵ از ۵ گیرنده» (never «۵/۵»), a cancelled
    draft is only counted, a scheduled one shows its Jalali time in Persian digits."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        await setup_desk(app)
        desk = runtime(app).desk
        published = await desk.create_draft(OFFICER, SAMPLES["r16"]["text"])
        await desk.publish(OFFICER, published.release.id, confirmed=True)
        cancelled = await desk.create_draft(OFFICER, SAMPLES["r02"]["text"])
        await desk.cancel(OFFICER, cancelled.release.id)
        scheduled = await desk.create_draft(OFFICER, SAMPLES["r08"]["text"])
        when = await desk.schedule(OFFICER, scheduled.release.id, "+2h")
        store = runtime(app).storage
        async with asyncio.timeout(15):
            while (await store.outbox.progress(published.release.id)).sent < len(READERS):  # noqa: ASYNC110
                await asyncio.sleep(0.02)
        listing = (await say(tg, OFFICER, "/my"))[0].plain_text or ""
    title = published.release.title
    assert len(title) > MY_TITLE_CHARS
    shown = cut_at_word(title, MY_TITLE_CHARS)
    assert shown.endswith("…")
    assert title.startswith(shown.removesuffix("…"))
    assert title[len(shown) - 1] == " ", "cut between words"
    assert f"۱. {shown}\n" in listing
    assert texts.MY_REACH.format(sent="۵", total="۵") in listing
    assert "۵/۵" not in listing
    assert cancelled.release.title not in listing
    assert texts.MY_CANCELLED.format(count="۱").strip() in listing
    assert texts.MY_SCHEDULED.format(when=format_datetime(when, TEHRAN)) in listing
    scheduled_line = next(line for line in listing.splitlines() if "زمان‌بندی‌شده" in line)
    assert not re.search(r"[0-9]", scheduled_line), scheduled_line


async def test_a_preview_of_several_messages_says_how_many(tg: FakeTelegram, tmp_path: Path) -> None:
    """A release too long for one message is previewed under «این ۳ پیام», one that fits under «پیام زیر»,
    never «پیام(های)»."""
    long_text = "همایش بزرگ کتابخوانی در ایلام\n\n" + "\n\n".join(
        " ".join(
            f"کتابخانهٔ شمارهٔ {fa(i)} استان در این همایش {fa(j + 2)} برنامهٔ تازه برای نوجوانان معرفی کرد."
            for j in range(4)
        )
        for i in range(1, 31)
    )
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup_desk(app)
        header, *parts, control = await say(tg, OFFICER, long_text, count=5)
        short_header, *_ = await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
    assert len(parts) == 3
    assert header.text == texts.PREVIEW_HEADER_PARTS.format(id="۱", count="۳")
    assert (control.text or "").startswith("📝 پیش‌نویس ۱")
    assert short_header.text == texts.PREVIEW_HEADER.format(id="۲")
    assert "(های)" not in (header.text or "") + (short_header.text or "")


async def publish_to_readers(tg: FakeTelegram, text: str) -> None:
    """The officer drafts and publishes ``text``; wait until every reader has it."""
    await say(tg, OFFICER, text, count=3)
    await say(tg, OFFICER, "/publish 1")
    await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)


async def test_correction_edits_every_delivered_copy(tg: FakeTelegram, tmp_path: Path) -> None:
    """/correct then the new text: a new version is kept and each copy is edited with the correction mark."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, SAMPLES["r05"]["text"])
        frozen = tg.messages_to(READERS[4])[0]
        tg.set_editable(READERS[4], frozen.message_id, editable=False)
        assert (await say(tg, OFFICER, "/correct 1"))[0].text == texts.CORRECT_WAITING.format(id="۱")
        corrected = SAMPLES["r05"]["text"].replace("27 واحد", "31 واحد")
        header, *_, card = await say(tg, OFFICER, corrected, count=3)
        assert header.text == texts.CORRECTION_PREVIEW_HEADER.format(id="۱", copies="۵")
        assert not any(tg.messages_to(c)[0].edits for c in READERS), "nothing is edited before the officer confirms"
        reply = await answer_question(tg, card, "y")
        assert reply.startswith("✏️ اصلاحیهٔ خبر ۱ ثبت شد (ویراست ۲ متن)")
        await tg.wait_for(lambda s: all(s.messages_to(c)[0].edits for c in READERS[:4]), timeout=20)
        await tg.wait_for(lambda s: len(s.messages_to(READERS[4])) == 2, timeout=20)
        release = await store.releases.get(1)
        assert release is not None
        assert release.version == 2
        assert await store.officers.correcting(OFFICER) is None
    for chat_id in READERS[:4]:
        [message] = tg.messages_to(chat_id)
        assert (message.text or "").startswith("✏️ اصلاحیه")
        assert "۳۱ واحد" in (message.text or "")
    notice = tg.messages_to(READERS[4])[1]
    assert (notice.text or "").startswith("✏️ اصلاحیه: متن خبر")
    assert notice.reply_to_message_id == frozen.message_id


async def test_retraction_deletes_every_copy_and_leaves_search(tg: FakeTelegram, tmp_path: Path) -> None:
    """/retract deletes each delivered copy (a notice where refused) and the release leaves search."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, SAMPLES["r05"]["text"])
        kept = tg.messages_to(READERS[0])[0]
        tg.set_deletable(READERS[0], kept.message_id, deletable=False)
        assert (await store.releases.search(fold("زلزله آبدانان"))).total == 1
        question = (await say(tg, OFFICER, "/retract 1 آمار اشتباه بود"))[0]
        assert (question.text or "").startswith("⛔️ پس گرفتن خبر ۱:")
        assert not any(m.deleted for c in READERS for m in tg.messages_to(c)), "nothing is deleted before confirming"
        reply = await answer_question(tg, question, "y")
        assert reply.startswith("⛔️ خبر ۱ پس گرفته شد")
        await tg.wait_for(lambda s: all(s.messages_to(c)[0].deleted for c in READERS[1:]), timeout=20)
        await tg.wait_for(lambda s: len(s.messages_to(READERS[0])) == 2, timeout=20)
        assert (await store.releases.search(fold("زلزله آبدانان"))).total == 0
        again = (await say(tg, OFFICER, "/retract 1"))[0].text or ""
        assert again == texts.NOT_PUBLISHED.format(id="۱", status="پس‌گرفته")
    notice = tg.messages_to(READERS[0])[1]
    assert "پس گرفته شد" in (notice.text or "")
    assert "آمار اشتباه بود" in (notice.text or "")
    assert notice.reply_to_message_id == kept.message_id


async def test_correct_and_retract_guard_their_release(tg: FakeTelegram, tmp_path: Path) -> None:
    """Only a published release of one's own organization can be corrected or retracted."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup_desk(app)
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        draft_refusal = texts.NOT_PUBLISHED.format(id="۱", status="پیش‌نویس")
        assert (await say(tg, OFFICER, "/correct 1"))[0].text == draft_refusal
        assert (await say(tg, OFFICER, "/retract 1"))[0].text == draft_refusal
        assert (await say(tg, OTHER_OFFICER, "/retract 1"))[0].text == texts.NOT_YOUR_RELEASE.format(id="۱")
        assert (await say(tg, OFFICER, "/correct"))[0].text == texts.CORRECT_USAGE
        assert (await say(tg, OFFICER, "/retract x"))[0].text == texts.RETRACT_USAGE


async def test_a_correction_for_a_release_retracted_meanwhile_is_refused_not_drafted(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """/correct, then the release is retracted, then the corrected text: refused, and no new draft appears."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        await publish_to_readers(tg, SAMPLES["r05"]["text"])
        assert (await say(tg, OFFICER, "/correct 1"))[0].text == texts.CORRECT_WAITING.format(id="۱")
        # A colleague at the same agency retracts it meanwhile (the officer's own command would end the mode).
        await add_colleague(store, COLLEAGUE)
        await say(tg, COLLEAGUE, "/retract 1 آمار اشتباه بود yes")
        corrected = SAMPLES["r05"]["text"].replace("27 واحد", "31 واحد")
        assert (await say(tg, OFFICER, corrected))[0].text == texts.JUST_RETRACTED.format(id="۱")
        assert await store.releases.get(2) is None
        assert await store.officers.correcting(OFFICER) is None


ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)


async def test_approval_round(tg: FakeTelegram, tmp_path: Path) -> None:
    """With approval on, a release waits for an admin; approval publishes it, rejection tells the reason."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        assert (await say(tg, ADMIN, "/approval 1 on"))[0].text == texts.APPROVAL_ON.format(org="فرمانداری آبدانان")
        await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3)
        assert (await say(tg, OFFICER, "/publish 1", count=1))[0].text == texts.SUBMITTED.format(id="۱")
        await tg.wait_for(lambda s: any("منتظر تأیید" in (m.text or "") for m in s.messages_to(ADMIN)))
        notice = next(m for m in tg.messages_to(ADMIN) if "منتظر تأیید" in (m.text or ""))
        buttons = [b["callback_data"] for row in (notice.reply_markup or {})["inline_keyboard"] for b in row]
        assert buttons == ["see:1", "apr:1", "rej:1"]
        assert not any(tg.messages_to(c) for c in READERS)
        header, card = await say(tg, ADMIN, "/pending", count=2)
        assert header.plain_text == "۱ خبر در انتظار تأیید — هر کدام در پیامی جدا در زیر، با دکمه‌هایش (قدیمی‌ترین اول)."
        assert "زلزله" in (card.text or "")
        assert "/approve ۱" in (card.text or "")
        assert (await say(tg, STRANGER, "/approve 1"))[0].text == texts.NOT_ADMIN

        tg.inject(tg.callback_query(ADMIN, ADMIN, "apr:1", notice.message_id))
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=20)
        await tg.wait_for(
            lambda s: any((m.text or "").startswith("📊 گزارش نهایی ارسال خبر ۱") for m in s.messages_to(OFFICER)),
            timeout=20,
        )
        approved = await store.releases.get(1)
        assert approved is not None
        assert approved.status == "published"
        assert (await say(tg, ADMIN, "/approve 1"))[0].text == texts.NOT_PENDING.format(id="۱", status="منتشرشده")

        await say(tg, OFFICER, SAMPLES["r20"]["text"], count=3)
        await say(tg, OFFICER, "/publish 2")
        assert (await say(tg, ADMIN, "/reject 2"))[0].text == texts.REJECT_USAGE
        assert (await say(tg, ADMIN, "/reject 2 عنوان با متن همخوان نیست"))[0].text == texts.REJECTED_ADMIN.format(
            id="۲"
        )
        await tg.wait_for(lambda s: any("تأیید نشد" in (m.text or "") for m in s.messages_to(OFFICER)))
        rejected = await store.releases.get(2)
        assert rejected is not None
        assert rejected.status == "rejected"
        told = next(m for m in tg.messages_to(OFFICER) if "تأیید نشد" in (m.text or ""))
        assert "عنوان با متن همخوان نیست" in (told.text or "")
        assert (await say(tg, ADMIN, "/pending"))[0].text == texts.PENDING_EMPTY
        actions = [e.action for e in await store.audit.latest(20)]
    assert {"organization.approval", "release.submit", "release.approve", "release.reject"} <= set(actions)


async def test_photo_with_caption_is_a_draft_and_publishes_as_a_photo(tg: FakeTelegram, tmp_path: Path) -> None:
    """A photo whose caption is the release previews and publishes as that photo with the text."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        update = tg.message(OFFICER, OFFICER, photo=True, caption="بازدید فرماندار از مناطق زلزله‌زده آبدانان")
        file_id = update["message"]["photo"][-1]["file_id"]
        tg.inject(update)
        await tg.wait_for(lambda s: any((m.text or "").startswith("📝 پیش‌نویس ۱") for m in s.messages_to(OFFICER)))
        preview_photo = next(m for m in tg.messages_to(OFFICER) if m.kind == "photo")
        assert preview_photo.file_id == file_id
        await say(tg, OFFICER, "/publish 1")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
        draft = await store.releases.get(1)
        org = await store.organizations.get(1)
        assert draft is not None
        assert org is not None
        assert draft.published_at is not None
        # The copy carries the time of publication; the preview showed the time it was made.
        [published] = runtime(app).desk.render(draft, org, draft.published_at)
    assert draft.media_kind == "photo"
    assert published.kind == "photo"
    assert _without_meta_line(published.html) == _without_meta_line(preview_photo.text or "")
    for chat_id in READERS:
        [received] = tg.messages_to(chat_id)
        assert received.kind == "photo"
        assert received.file_id == file_id
        assert received.text == published.html


def _without_meta_line(html: str) -> str:
    """A rendered part without its meta line (agency · county · date and time), which only the first part has."""
    lines = html.split("\n")
    return "\n".join(line for line in lines if " · " not in line or "ساعت" not in line)


async def test_album_items_become_one_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """Three photos sent as an album make one draft that previews and publishes as one media group."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = await setup_desk(app)
        for i in range(3):
            caption = "گزارش تصویری افتتاح طرح‌های هفته دولت در آبدانان" if i == 0 else None
            tg.inject(tg.message(OFFICER, OFFICER, photo=True, caption=caption, media_group_id="album-1"))
        await tg.wait_for(
            lambda s: any((m.text or "").startswith("📝 پیش‌نویس ۱") for m in s.messages_to(OFFICER)), timeout=15
        )
        previews = [m for m in tg.messages_to(OFFICER) if m.kind == "photo"]
        assert len(previews) == 3
        assert len({m.media_group_id for m in previews}) == 1
        assert len(await store.releases.latest_of_organization(1)) == 1
        await say(tg, OFFICER, "/publish 1")
        await tg.wait_for(lambda s: all(len(s.messages_to(c)) == 3 for c in READERS), timeout=20)
        draft = await store.releases.get(1)
    assert draft is not None
    assert draft.media_kind == "album"
    assert len(draft.attachments) == 3
    for chat_id in READERS:
        received = tg.messages_to(chat_id)
        assert len({m.media_group_id for m in received}) == 1
        assert "هفته دولت" in (received[0].text or "")


def _buttons(message: SentMessage) -> list[str]:
    markup = message.reply_markup or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


async def press(tg: FakeTelegram, message: SentMessage, data: str) -> None:
    """Press an inline button of ``message`` and wait until Telegram has the answer to it."""
    await Officer(tg, message.chat_id, timeout=10).press(message, data)


async def test_buttons_change_topics_county_schedule_and_text(tg: FakeTelegram, tmp_path: Path) -> None:
    """The topic toggles, the county picker, a quick schedule and replace-text all work from the preview."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        summary = (await say(tg, OFFICER, SAMPLES["r05"]["text"], count=3))[-1]

        await press(tg, summary, "tp:1")
        await tg.wait_for(lambda s: "tt:1:health" in _buttons(s.message_in(OFFICER, summary.message_id)))
        await press(tg, summary, "tt:1:health")
        release = await store.releases.get(1)
        assert release is not None
        assert "health" in release.topics
        await tg.wait_for(
            lambda s: any(
                b["text"].startswith("✅") and b["callback_data"] == "tt:1:health"
                for row in (s.message_in(OFFICER, summary.message_id).reply_markup or {})["inline_keyboard"]
                for b in row
            )
        )
        for slug in ("sports", "tourism"):
            await press(tg, summary, f"tt:1:{slug}")
        release = await store.releases.get(1)
        assert release is not None
        assert len(release.topics) == 3  # crisis and health kept, the fourth refused
        assert tg.answered_callbacks[-1].get("show_alert") in (True, "true")
        await press(tg, summary, "back:1")

        await press(tg, summary, "ct:1")
        await press(tg, summary, "cs:1:ilam")
        await tg.wait_for(lambda s: "شهرستان: ایلام" in (s.message_in(OFFICER, summary.message_id).text or ""))
        release = await store.releases.get(1)
        assert release is not None
        assert release.county == "ilam"

        await press(tg, summary, "sch:1")
        await press(tg, summary, "sq:1:1h")
        await tg.wait_for(lambda s: any((m.text or "").startswith("⏰ خبر ۱ برای") for m in s.messages_to(OFFICER)))
        release = await store.releases.get(1)
        assert release is not None
        assert release.status == "scheduled"
        assert release.scheduled_at is not None
        assert timedelta(minutes=58) < release.scheduled_at - utcnow() <= timedelta(hours=1)
        await say(tg, OFFICER, "/schedule 1 off")

        await press(tg, summary, "rep:1")
        await tg.wait_for(lambda s: any(m.text == texts.REPLACE_WAITING.format(id="۱") for m in s.messages_to(OFFICER)))
        replies = await say(tg, OFFICER, SAMPLES["r08"]["text"], count=3)
        release = await store.releases.get(1)
        assert release is not None
        assert release.version == 2
        assert release.title.startswith("گازرسانی")
        assert release.county == "chardavol"
        assert not (replies[1].text or "").startswith("✏️"), "a replaced draft is not a correction"
        assert len(await store.releases.latest_of_organization(1)) == 1


async def test_voice_note_is_refused_and_forwarded_post_becomes_a_draft(tg: FakeTelegram, tmp_path: Path) -> None:
    """A voice note gets a Persian refusal; a post forwarded from a channel is a draft like typed text."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        voice = tg.message(OFFICER, OFFICER)
        voice["message"]["voice"] = {"file_id": "V1", "file_unique_id": "v1", "duration": 3}
        tg.inject(voice)
        await tg.wait_for(lambda s: any(m.text == texts.UNSUPPORTED_FROM_OFFICER for m in s.messages_to(OFFICER)))
        assert await store.releases.latest_of_organization(1) == []
        origin = {
            "type": "channel",
            "chat": {"id": -1009, "type": "channel", "title": "کانال فرمانداری"},
            "message_id": 55,
            "date": 1764000000,
        }
        tg.inject(tg.message(OFFICER, OFFICER, SAMPLES["r05"]["text"], forward_origin=origin))
        await tg.wait_for(lambda s: any((m.text or "").startswith("📝 پیش‌نویس ۱") for m in s.messages_to(OFFICER)))
        [draft] = await store.releases.latest_of_organization(1)
    assert draft.county == "abdanan"
