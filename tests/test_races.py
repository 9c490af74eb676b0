"""Two requests that change the same release at the same moment, through the real bot (issue 11).

Each test puts both updates in the fake server before the bot fetches them, so python-telegram-bot
hands them to two handlers running at once (``concurrent_updates``), and asserts on what Telegram saw
and what was stored: one request wins, the other is told in Persian what happened instead, and nothing
goes out for a release that did not end published. Each runs several rounds, the two orders included.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from bot import texts
from bot.domain.digits import fa
from fakegram import FakeTelegram, SentMessage
from storage import Storage
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for
from tests.test_officer import OFFICER, READERS, SAMPLES, say, setup_desk

ADMIN, OTHER_ADMIN = 1, 2
ADMIN_CHAT = -100500
ROUNDS = 4
TEXTS = ["r02", "r05", "r08", "r14", "r16", "r20"]


def sent(tg: FakeTelegram, chat_id: int) -> list[str]:
    """Every text the bot sent to a chat, as first sent (a live report is edited afterwards)."""
    return [str(c.params.get("text", "")) for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == chat_id]


def received(tg: FakeTelegram, chat_id: int) -> int:
    """How many releases reached a chat (a long one comes in several parts; its last names its id)."""
    return sum("شناسه خبر" in (m.text or "") for m in tg.messages_to(chat_id))


def texts_since(tg: FakeTelegram, chat_id: int, before: int) -> list[str]:
    """The texts the bot sent to a chat after the first ``before``."""
    return sent(tg, chat_id)[before:]


async def draft(tg: FakeTelegram, sample: str) -> tuple[int, SentMessage]:
    """A new draft from a sample release: its id and its control message (the one with the buttons)."""
    before = len(tg.messages_to(OFFICER))
    tg.inject(tg.message(OFFICER, OFFICER, SAMPLES[sample]["text"]))

    def card(server: FakeTelegram) -> SentMessage | None:
        found = [m for m in server.messages_to(OFFICER)[before:] if (m.text or "").startswith("📝 پیش‌نویس")]
        return found[0] if found else None

    await tg.wait_for(card, timeout=15)
    summary = card(tg)
    assert summary is not None
    number = (summary.text or "").split()[2].translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    return int(number), summary


async def at_once(tg: FakeTelegram, *updates: dict[str, object]) -> None:
    """Put every update in the server in the same instant: the bot fetches them in one batch."""
    for update in updates:
        tg.inject(update)
    await asyncio.sleep(0)


async def copies(store: Storage, release_id: int) -> int:
    """How many send deliveries the outbox holds for a release."""
    return (await store.outbox.progress(release_id)).total


def refused_as(answer: str, release_id: int, just: str, status: str, template: str = texts.NOT_A_DRAFT) -> bool:
    """Whether ``answer`` refuses a request that came second: «… همین حالا …» when it lost inside the
    transaction, or the status check's answer when the other request had finished before it began."""
    n = fa(release_id)
    return answer in (just.format(id=n), template.format(id=n, status=texts.STATUS_NAMES[status]))


def no_internal_error(tg: FakeTelegram, *chats: int) -> None:
    """Nobody was told «internal error» and the admin chat was not alerted."""
    for chat_id in chats:
        assert texts.INTERNAL_ERROR not in [m.text for m in tg.messages_to(chat_id)]
    assert tg.messages_to(ADMIN_CHAT) == []


@pytest.mark.parametrize("cancel_first", [True, False])
async def test_cancel_and_publish_at_once_one_wins(tg: FakeTelegram, tmp_path: Path, cancel_first: bool) -> None:
    """Finding 3: /cancel and /publish together: the release is either cancelled and sent to nobody, or
    published to everyone; the officer is told one outcome and why the other request was refused."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30", ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        store = await setup_desk(app)
        published = 0
        for sample in TEXTS[:ROUNDS]:
            release_id, _ = await draft(tg, sample)
            before = len(sent(tg, OFFICER))
            cancel = tg.message(OFFICER, OFFICER, f"/cancel {release_id}")
            publish = tg.message(OFFICER, OFFICER, f"/publish {release_id} confirm")
            await at_once(tg, *((cancel, publish) if cancel_first else (publish, cancel)))
            await tg.wait_for(lambda s, b=before: len(sent(s, OFFICER)) >= b + 2, timeout=15)
            release = await store.releases.get(release_id)
            assert release is not None
            n = fa(release_id)
            succeeded = (texts.DRAFT_CANCELLED.format(id=n), texts.PUBLISHING.format(id=n, count=fa(len(READERS))))
            answers = texts_since(tg, OFFICER, before)
            wins = [a for a in answers if a in succeeded]
            assert len(wins) == 1, f"told both «cancelled» and «published», or neither: {answers}"
            [won] = wins
            [lost] = [a for a in answers if a != won]
            to_cancel, to_publish = (won, lost) if won == succeeded[0] else (lost, won)
            if release.status == "cancelled":
                assert to_cancel == texts.DRAFT_CANCELLED.format(id=n)
                assert refused_as(to_publish, release_id, texts.JUST_CANCELLED, "cancelled"), to_publish
                assert await copies(store, release_id) == 0
            else:
                assert release.status == "published"
                published += 1
                assert to_publish == texts.PUBLISHING.format(id=n, count=fa(len(READERS)))
                assert refused_as(to_cancel, release_id, texts.JUST_PUBLISHED, "published"), to_cancel
                assert await copies(store, release_id) == len(READERS)
                await tg.wait_for(lambda s, p=published: all(received(s, c) >= p for c in READERS), timeout=15)
        await asyncio.sleep(0.3)  # a copy of a cancelled release would have been sent by now
    for chat_id in READERS:
        assert received(tg, chat_id) == published
    no_internal_error(tg, OFFICER)


@pytest.mark.parametrize("approve_first", [True, False])
async def test_approve_and_reject_at_once_one_wins(tg: FakeTelegram, tmp_path: Path, approve_first: bool) -> None:
    """Finding 4: one admin approves while another rejects: the release ends either published (and
    delivered) or rejected (and sent to nobody); the author hears one decision; the other admin is told."""
    settings = settings_for(tg, tmp_path, BROADCAST_RATE="30", ADMIN_IDS="1,2", ADMIN_CHAT_ID=str(ADMIN_CHAT))
    async with running_bot(settings) as app:
        store = await setup_desk(app)
        await store.organizations.set_approval(1, True)
        published = 0
        for sample in TEXTS[:ROUNDS]:
            release_id, _ = await draft(tg, sample)
            n = fa(release_id)
            assert (await say(tg, OFFICER, f"/publish {release_id} confirm"))[0].text == texts.SUBMITTED.format(id=n)
            marker = texts.ADMIN_NEW_PENDING.format(id=n, org="فرمانداری آبدانان", title="").split("«")[0]
            for admin in (ADMIN, OTHER_ADMIN):
                await tg.wait_for(
                    lambda s, a=admin, m=marker: any((x.text or "").startswith(m) for x in s.messages_to(a)),
                    timeout=10,
                )
            seen = {chat: len(sent(tg, chat)) for chat in (ADMIN, OTHER_ADMIN, OFFICER)}
            approve = tg.message(ADMIN, ADMIN, f"/approve {release_id}")
            reject = tg.message(OTHER_ADMIN, OTHER_ADMIN, f"/reject {release_id} عنوان با متن همخوان نیست")
            await at_once(tg, *((approve, reject) if approve_first else (reject, approve)))
            await tg.wait_for(
                lambda s, seen=seen: all(len(sent(s, c)) > seen[c] for c in (ADMIN, OTHER_ADMIN, OFFICER)),
                timeout=15,
            )
            release = await store.releases.get(release_id)
            assert release is not None
            [to_approver] = texts_since(tg, ADMIN, seen[ADMIN])
            [to_rejecter] = texts_since(tg, OTHER_ADMIN, seen[OTHER_ADMIN])
            if release.status == "rejected":
                assert refused_as(to_approver, release_id, texts.JUST_REJECTED, "rejected", texts.NOT_PENDING)
                assert to_rejecter == texts.REJECTED_ADMIN.format(id=n)
                assert await copies(store, release_id) == 0
                told = texts_since(tg, OFFICER, seen[OFFICER])
                assert len(told) == 1
                assert "تأیید نشد" in told[0]
            else:
                assert release.status == "published"
                published += 1
                assert to_approver == texts.APPROVED_ADMIN.format(id=n, count=fa(len(READERS)))
                assert refused_as(to_rejecter, release_id, texts.JUST_APPROVED, "published", texts.NOT_PENDING)
                assert await copies(store, release_id) == len(READERS)
                await tg.wait_for(lambda s, p=published: all(received(s, c) >= p for c in READERS), timeout=15)
                told = texts_since(tg, OFFICER, seen[OFFICER])
                assert told[0] == texts.APPROVED_OFFICER.format(id=n, count=fa(len(READERS)))
                assert not any("تأیید نشد" in t for t in told)
        await asyncio.sleep(0.3)
        await asyncio.sleep(0.3)
        officer_texts = [m.text or "" for m in tg.messages_to(OFFICER)]
    for chat_id in READERS:
        assert received(tg, chat_id) == published
    assert not any("تأیید نشد" in t for t in officer_texts if t.startswith("✅"))
    no_internal_error(tg, ADMIN, OTHER_ADMIN, OFFICER)


async def test_a_double_tap_on_publish_sends_once_and_says_it_is_being_published(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Finding 6: two presses of «انتشار» at once: one copy per chat, the second press is answered
    «در حال انتشار است», with no «internal error» and no alert to the admin chat."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30", ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        store = await setup_desk(app)
        for done, sample in enumerate(TEXTS[:ROUNDS], start=1):
            release_id, card = await draft(tg, sample)
            before = len(sent(tg, OFFICER))
            data = f"pubc:{release_id}"
            await at_once(
                tg,
                tg.callback_query(OFFICER, OFFICER, data, card.message_id),
                tg.callback_query(OFFICER, OFFICER, data, card.message_id),
            )
            await tg.wait_for(lambda s, b=before: len(sent(s, OFFICER)) >= b + 2, timeout=15)
            await tg.wait_for(lambda s, d=done: all(received(s, c) >= d for c in READERS), timeout=15)
            n = fa(release_id)
            assert sorted(texts_since(tg, OFFICER, before)) == sorted(
                [texts.PUBLISHING.format(id=n, count=fa(len(READERS))), texts.ALREADY_PUBLISHING.format(id=n)]
            )
            assert await copies(store, release_id) == len(READERS)
        await asyncio.sleep(0.3)
    for chat_id in READERS:
        assert received(tg, chat_id) == ROUNDS
    no_internal_error(tg, OFFICER)


@pytest.mark.parametrize("officer_says", ["/cancel {id}", "/schedule {id} +2h", "/schedule {id} off"])
async def test_the_scheduler_and_the_officer_at_once_one_wins(
    tg: FakeTelegram, tmp_path: Path, officer_says: str
) -> None:
    """The scheduler publishing a release at the moment its officer cancels, reschedules or unschedules
    it: either the officer's change stands and nothing is sent, or the release is out and the officer is
    told «… همین حالا منتشر شد»."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30", ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        store = await setup_desk(app)
        desk = runtime(app).desk
        published = 0
        for sample in TEXTS[:ROUNDS]:
            release_id, _ = await draft(tg, sample)
            n = fa(release_id)
            confirmation = (await say(tg, OFFICER, f"/schedule {release_id} +1h confirm"))[0].text or ""
            assert confirmation.startswith(f"⏰ خبر {n} برای")
            before = len(sent(tg, OFFICER))
            # Its time has come: the scheduler publishes it now, while the officer's command arrives.
            await store.releases.schedule(release_id, utcnow() - timedelta(seconds=1))
            tg.inject(tg.message(OFFICER, OFFICER, officer_says.format(id=release_id)))
            await desk.publish_scheduled(release_id)
            await tg.wait_for(lambda s, b=before: len(sent(s, OFFICER)) >= b + 1, timeout=15)
            release = await store.releases.get(release_id)
            assert release is not None
            [answer] = texts_since(tg, OFFICER, before)[:1]
            if release.status == "published":
                published += 1
                assert refused_as(answer, release_id, texts.JUST_PUBLISHED, "published"), answer
                assert await copies(store, release_id) == len(READERS)
                await tg.wait_for(lambda s, p=published: all(received(s, c) >= p for c in READERS), timeout=15)
            else:
                assert await copies(store, release_id) == 0
                expected = {"/cancel {id}": "cancelled", "/schedule {id} +2h": "scheduled"}.get(officer_says, "draft")
                assert release.status == expected
                if expected == "scheduled":
                    assert release.scheduled_at is not None
                    assert release.scheduled_at > utcnow() + timedelta(minutes=90)
                assert not answer.startswith("📤")
        await asyncio.sleep(0.3)
    for chat_id in READERS:
        assert received(tg, chat_id) == published
    no_internal_error(tg, OFFICER)


async def test_a_correction_arriving_with_a_retraction_never_reaches_readers_after_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """/retract and a correction's confirmation at once (the corrected text is previewed first): every copy ends
    deleted; a correction that lost is refused («… همین حالا پس گرفته شد») and edits nothing, sends no
    correction notice."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30", ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        store = await setup_desk(app)
        for done, sample in enumerate(TEXTS[:ROUNDS], start=1):
            release_id, _ = await draft(tg, sample)
            n = fa(release_id)
            assert (await say(tg, OFFICER, f"/publish {release_id} confirm"))[0].text == texts.PUBLISHING.format(
                id=n, count=fa(len(READERS))
            )
            await tg.wait_for(lambda s, d=done: all(received(s, c) >= d for c in READERS), timeout=15)
            await say(tg, OFFICER, f"/correct {release_id}")
            corrected = SAMPLES[sample]["text"] + "\n\nاصلاح: ساعت برگزاری ۱۰ صبح است."
            preview = await say(tg, OFFICER, corrected, count=3)
            assert preview[0].text == texts.CORRECTION_PREVIEW_HEADER.format(id=n, copies=fa(len(READERS)))
            card = f"✏️ اصلاحیه خبر {n}: «"
            await tg.wait_for(lambda s, c=card: any(t.startswith(c) for t in sent(s, OFFICER)), timeout=15)
            before = len(sent(tg, OFFICER))
            retract = tg.message(OFFICER, OFFICER, f"/retract {release_id} آمار اشتباه بود yes")
            correct = tg.message(OFFICER, OFFICER, f"/correct {release_id} yes")
            await at_once(tg, *((retract, correct) if done % 2 else (correct, retract)))
            await tg.wait_for(lambda s, b=before: len(sent(s, OFFICER)) >= b + 2, timeout=15)
            answers = texts_since(tg, OFFICER, before)
            assert any(a.startswith(f"⛔️ خبر {n} پس گرفته شد") for a in answers), answers
            assert any(
                refused_as(a, release_id, texts.JUST_RETRACTED, "retracted", texts.NOT_PUBLISHED)
                or a.startswith(f"✏️ اصلاحیه خبر {n} ثبت شد")
                for a in answers
            ), answers
            release = await store.releases.get(release_id)
            assert release is not None
            assert release.status == "retracted"
            await tg.wait_for(lambda s: all(not s.messages_to(c, include_deleted=False) for c in READERS), timeout=15)
        await asyncio.sleep(0.5)
    for chat_id in READERS:
        assert tg.messages_to(chat_id, include_deleted=False) == []
    no_internal_error(tg, OFFICER)
