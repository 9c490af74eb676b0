"""Admins read what they approve (issue 13, slip 4): the notice's full text, /pending, a reason typed as a
reply, every admin's notice edited when one decides, and /release and /status of any release in any state."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from telegram.ext import Application

from bot import texts
from bot.config import Settings
from bot.domain.digits import fa
from bot.domain.text import fold
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Admin, Journalist, Officer, buttons
from storage import Storage
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
GAS_TEXT = SAMPLES["r08"]["text"]  # long enough that the notice quotes only its start
QUAKE_TEXT = SAMPLES["r05"]["text"]
OFFICER_ID, SECOND_ADMIN_ID, STRANGER_ID = 3001, 2, 3003
READERS = [4000 + i for i in range(3)]
ORG = "شرکت گاز استان ایلام"
OFFICER_NAME = "زهرا کریمی"
SECOND_ADMIN_NAME = "مریم رضایی"


async def setup_approval(app: Application) -> Storage:  # type: ignore[type-arg]
    """An agency whose releases need approval, its officer, and three unfiltered subscribers."""
    store = runtime(app).storage
    org = await store.organizations.create(ORG, fold(ORG), None, created_by=1)
    await store.organizations.set_approval(org.id, True)
    await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code", OFFICER_ID, OFFICER_NAME, None)
    for chat_id in READERS:
        await store.subscriptions.upsert_chat(chat_id, "private")
        await store.subscriptions.subscribe(chat_id)
    return store


def two_admins(tg: FakeTelegram, tmp_path: Path) -> Settings:
    """Settings with admins 1 and 2 (the second one's name is known to Telegram)."""
    tg.user(SECOND_ADMIN_ID, SECOND_ADMIN_NAME)
    return settings_for(tg, tmp_path, ADMIN_IDS=f"1,{SECOND_ADMIN_ID}", BROADCAST_RATE="30")


async def submit(tg: FakeTelegram, text: str) -> int:
    """The officer drafts ``text`` and sends it for approval; wait until every admin has its notice."""
    officer = Officer(tg, OFFICER_ID)
    *_, card = await officer.say(text, count=3)
    release_id = int(next(iter(buttons(card))).split(":")[1])
    assert (await officer.ask(f"/publish {release_id}")) == texts.SUBMITTED.format(id=fa(release_id))
    for admin in (1, SECOND_ADMIN_ID):
        await tg.wait_for(lambda s, a=admin, r=release_id: notice_of(s, a, r) is not None, timeout=10)
    return release_id


def notice_of(tg: FakeTelegram, admin: int, release_id: int) -> SentMessage | None:
    """The latest approval notice of the release in the admin's chat that still has its buttons. The fake
    server edits a sent message in place, so the message found here later shows what a decision made of it."""
    found = [m for m in tg.messages_to(admin) if f"apr:{release_id}" in buttons(m)]
    return found[-1] if found else None


def without_clock(text: str) -> str:
    """A release's text without the minute it is rendered at (a preview and the copy sent a moment later)."""
    return re.sub(r"ساعت [۰-۹:]+", "ساعت", text)


async def test_the_notice_has_the_full_text_exactly_as_journalists_get_it(tg: FakeTelegram, tmp_path: Path) -> None:
    """The notice names the agency, author, tags and reach and quotes the start; «👁 متن کامل» shows the whole
    release as the readers then receive it."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        await setup_approval(app)
        release_id = await submit(tg, GAS_TEXT)
        notice = notice_of(tg, 1, release_id)
        assert notice is not None
        assert buttons(notice) == {
            f"see:{release_id}": texts.BUTTON_SEE_FULL,
            f"apr:{release_id}": texts.BUTTON_APPROVE,
            f"rej:{release_id}": texts.BUTTON_REJECT,
        }
        text = notice.text or ""
        assert text.startswith(f"📨 خبر ۱ از «{ORG}» منتظر تأیید است:\n«گازرسانی به ۱۴ روستای شهرستان چرداول")
        assert f"فرستنده: {OFFICER_NAME}" in text
        assert "گیرندگان: ۳ گفت‌وگو" in text
        assert "تماس بگیرند" not in text  # the last sentence: only in the full text
        assert "در پاسخ (Reply) به همین پیام" in text

        admin = Admin(tg)
        before = len(tg.messages_to(1))
        answer = await admin.press(notice, f"see:{release_id}")
        assert not answer.get("show_alert")
        await tg.wait_for(lambda s: len(s.messages_to(1)) >= before + 2, timeout=10)
        header, full = tg.messages_to(1)[before : before + 2]
        assert header.text == texts.FULL_TEXT_HEADER.format(id="۱")
        assert full.parse_mode == "HTML"
        assert "تماس بگیرند" in (full.plain_text or "")
        assert buttons(notice)  # reading it decides nothing

        await admin.say(f"/approve {release_id}")
        await tg.wait_for(lambda s: all(s.messages_to(c) for c in READERS), timeout=15)
    [received] = tg.messages_to(READERS[0])
    assert without_clock(received.text or "") == without_clock(full.text or "")


async def test_pending_sends_each_waiting_release_with_its_buttons(tg: FakeTelegram, tmp_path: Path) -> None:
    """/pending says how many wait, then each one's notice with its buttons; a reply to one of those rejects it."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        store = await setup_approval(app)
        first = await submit(tg, GAS_TEXT)
        second = await submit(tg, QUAKE_TEXT)
        header, *cards = await Admin(tg).say("/pending", count=3)
        assert header.plain_text == "۲ خبر در انتظار تأیید — هر کدام در پیامی جدا در زیر، با دکمه‌هایش (قدیمی‌ترین اول)."
        assert [set(buttons(c)) for c in cards] == [
            {f"see:{first}", f"apr:{first}", f"rej:{first}"},
            {f"see:{second}", f"apr:{second}", f"rej:{second}"},
        ]
        assert "گازرسانی" in (cards[0].text or "")
        assert "زلزله" in (cards[1].text or "")

        reply = await Admin(tg).ask("تکراری است", reply_to=cards[1].message_id)
        assert reply == texts.REJECTED_ADMIN.format(id=fa(second))
        rejected = await store.releases.get(second)
        waiting = await store.releases.get(first)
    assert rejected is not None
    assert rejected.status == "rejected"
    assert waiting is not None
    assert waiting.status == "pending_approval"


async def test_a_reason_typed_as_a_reply_rejects_and_every_notice_says_who(tg: FakeTelegram, tmp_path: Path) -> None:
    """A reply to the notice is the rejection's reason (not a draft, not «cannot process»); «تأیید» typed as a
    reply is not taken for one; once rejected, every admin's notice says who rejected it and why."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        store = await setup_approval(app)
        release_id = await submit(tg, GAS_TEXT)
        second = Admin(tg, SECOND_ADMIN_ID)
        mine, theirs = notice_of(tg, 1, release_id), notice_of(tg, SECOND_ADMIN_ID, release_id)
        assert mine is not None
        assert theirs is not None

        asked = await second.ask("تأیید", reply_to=theirs.message_id)
        assert asked == texts.REPLY_REASON_IS_APPROVAL.format(id=fa(release_id))
        still = await store.releases.get(release_id)
        assert still is not None
        assert still.status == "pending_approval"

        reason = "آمار روستاها با گزارش شرکت گاز نمی‌خواند"
        done = await second.ask(reason, reply_to=theirs.message_id, first_name=SECOND_ADMIN_NAME)
        assert done == texts.REJECTED_ADMIN.format(id=fa(release_id))
        await tg.wait_for(lambda s: any("تأیید نشد" in (m.text or "") for m in s.messages_to(OFFICER_ID)))
        told = next(m.text or "" for m in tg.messages_to(OFFICER_ID) if "تأیید نشد" in (m.text or ""))
        release = await store.releases.get(release_id)
        decision = await store.approvals.decision(release_id)
        drafts = await store.releases.latest_of_organization(1)
    assert reason in told
    assert [r.id for r in drafts] == [release_id]  # the replies became no draft
    assert release is not None
    assert release.status == "rejected"
    assert decision is not None
    assert (decision.admin_id, decision.reason) == (SECOND_ADMIN_ID, reason)
    for notice in (mine, theirs):
        assert "منتظر تأیید" not in (notice.text or "")
        assert (notice.text or "").startswith(f"❌ خبر ۱ از «{ORG}» را {SECOND_ADMIN_NAME} در ")
        assert f"دلیل: {reason}" in (notice.text or "")
        assert not buttons(notice)


async def test_the_reject_button_asks_for_the_reason_and_a_reply_to_that_is_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """«❌ رد» asks for the reason with a reply field; the reply rejects the release with it."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        store = await setup_approval(app)
        release_id = await submit(tg, GAS_TEXT)
        notice = notice_of(tg, 1, release_id)
        assert notice is not None
        admin = Admin(tg)
        before = len(tg.messages_to(1))
        await admin.press(notice, f"rej:{release_id}")
        prompt = await tg.wait_for(lambda s: s.messages_to(1)[before:], timeout=10)
        assert prompt[0].text == texts.REJECT_REASON_PROMPT.format(id=fa(release_id))
        assert (prompt[0].reply_markup or {}).get("force_reply") is True
        assert await admin.ask("عکس ندارد", reply_to=prompt[0].message_id) == texts.REJECTED_ADMIN.format(id="۱")
        release = await store.releases.get(release_id)
        drafts = await store.releases.latest_of_organization(1)
    assert release is not None
    assert release.status == "rejected"
    assert [r.id for r in drafts] == [release_id]


async def test_one_admins_approval_is_written_on_every_admins_notice(tg: FakeTelegram, tmp_path: Path) -> None:
    """When one admin approves, every admin's notice says who approved it, when, for how many chats, and has no
    buttons left; a press on an old button is refused with what happened."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        await setup_approval(app)
        release_id = await submit(tg, GAS_TEXT)
        mine = notice_of(tg, 1, release_id)
        theirs = notice_of(tg, SECOND_ADMIN_ID, release_id)
        assert mine is not None
        assert theirs is not None
        await Admin(tg, SECOND_ADMIN_ID).press(theirs, f"apr:{release_id}")
        await tg.wait_for(lambda s: not buttons(mine), timeout=10)
        stale = await Admin(tg).press(mine, f"apr:{release_id}")
    for notice in (mine, theirs):
        text = notice.text or ""
        assert "منتظر تأیید" not in text
        assert text.startswith(f"✅ خبر ۱ از «{ORG}» را {SECOND_ADMIN_NAME} در ")
        assert "تأیید کرد؛ برای ۳ گفت‌وگو فرستاده شد." in text
        assert not buttons(notice)
    assert stale.get("show_alert") in (True, "true")
    assert stale.get("text") == texts.NOT_PENDING.format(id="۱", status="منتشرشده")


async def test_admins_read_any_release_in_any_state(tg: FakeTelegram, tmp_path: Path) -> None:
    """An admin's /release shows a draft (marked as unseen by readers) and /status any release with its agency,
    author and decision; journalists still see only the archive."""
    async with running_bot(two_admins(tg, tmp_path)) as app:
        await setup_approval(app)
        officer = Officer(tg, OFFICER_ID)
        await officer.say(QUAKE_TEXT, count=3)
        admin = Admin(tg)

        header, body = await admin.say("/release 1", count=2)
        assert header.text == texts.RELEASE_FOR_ADMINS.format(id="۱", status="پیش‌نویس")
        assert body.parse_mode == "HTML"
        assert "زلزله" in (body.plain_text or "")
        assert await Journalist(tg, STRANGER_ID).ask("/release 1") == texts.RELEASE_NOT_FOUND.format(id="۱")

        status = await admin.ask("/status 1")
        assert status.splitlines()[:3] == [
            "۱. زلزله 4.6 ریشتری آبدانان خسارت جانی نداشت",
            f"دستگاه: «{ORG}» — فرستنده: {OFFICER_NAME}",
            "وضعیت: پیش‌نویس",
        ]
        assert texts.STATUS_NOT_SENT["draft"] in status
        assert "۰ از ۰" not in status
        assert "/release_1" in status

        await officer.say("/publish 1")
        await tg.wait_for(lambda s: notice_of(s, 1, 1) is not None, timeout=10)
        await admin.say("/reject 1 منبع آمار ذکر نشده", first_name="علی مرادی")
        rejected = await admin.ask("/status 1")
        assert "وضعیت: ردشده" in rejected
        assert "❌ رد: علی مرادی، " in rejected
        assert "دلیل: منبع آمار ذکر نشده" in rejected
        assert await admin.ask("/status 99") == texts.UNKNOWN_RELEASE.format(id="۹۹")
        assert await officer.ask("/status 1") != texts.NOT_OFFICER  # the officer's own view is unchanged


async def test_status_of_a_release_that_went_to_nobody_says_why(tg: FakeTelegram, tmp_path: Path) -> None:
    """/status of a draft or a scheduled release says it has not gone out (and when it will), not «۰ از ۰»."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        org = await store.organizations.create("فرمانداری آبدانان", fold("فرمانداری آبدانان"), None, created_by=1)
        await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite("code", OFFICER_ID, OFFICER_NAME, None)
        officer = Officer(tg, OFFICER_ID)
        await officer.say(QUAKE_TEXT, count=3)
        draft = await officer.ask("/status 1")
        await officer.say("/schedule 1 +2h")
        scheduled = await officer.ask("/status 1")
    assert draft == f"۱. زلزله 4.6 ریشتری آبدانان خسارت جانی نداشت\nپیش‌نویس\n\n{texts.STATUS_NOT_SENT['draft']}"
    assert "گزارش نهایی" not in draft
    assert "۰ از ۰" not in draft
    assert scheduled.startswith("۱. زلزله 4.6 ریشتری آبدانان خسارت جانی نداشت\nزمان‌بندی‌شده\n\n⏰ برای ")
    assert scheduled.endswith(
        " زمان‌بندی شده و هنوز به کسی نرسیده است؛ در آن زمان خودکار منتشر می‌شود. لغو زمان‌بندی: /schedule 1 off"
    )
