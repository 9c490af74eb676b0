"""Journalists through the real bot: onboarding, typed filters, groups, forum topics, channels, /use, pause and stop."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot import texts
from bot.domain.digits import fa
from bot.domain.text import fold
from bot.services.readers import Place
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Journalist
from fakegram.drivers import buttons as inline_buttons
from storage import Storage
from storage.db import utcnow
from storage.subscriptions import Subscription
from tests.harness import running_bot, runtime, settings_for

T = TypeVar("T")
READER, OTHER, ADMIN_OF_GROUP, MEMBER_OF_GROUP = 5001, 5002, 5003, 5004
GROUP, FORUM, CHANNEL = -1001000000001, -1001000000002, -1001000000003


async def say(
    tg: FakeTelegram, chat_id: int, user: int, text: str, *, count: int = 1, **kw: object
) -> list[SentMessage]:
    """Send ``text`` as ``user`` in ``chat_id`` and return the next ``count`` messages the bot sent there."""
    return await Journalist(tg, user, chat_id).say(text, count=count, **kw)


async def press(tg: FakeTelegram, chat_id: int, user: int, message: SentMessage, data: str) -> dict[str, object]:
    """Press the inline button ``data`` of ``message`` and return the callback answer."""
    return await Journalist(tg, user, chat_id).press(message, data)


def buttons(message: SentMessage) -> dict[str, str]:
    """The message's inline buttons as callback data → text (of its current version)."""
    return inline_buttons(message)


async def subscription(app: Application, chat_id: int, thread_id: int = 0) -> Subscription | None:  # type: ignore[type-arg]
    """The stored subscription of a chat or forum topic."""
    return await runtime(app).storage.subscriptions.get(chat_id, thread_id)


async def eventually(read: Callable[[], Awaitable[T]], done: Callable[[T], bool], *, within: float = 10.0) -> T:
    """Read until ``done`` holds or ``within`` seconds pass (the bot handles updates concurrently with the test)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        value = await read()
        if done(value) or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.05)


def quiet_window_around_now() -> str:
    """A quiet-hours range that holds the present moment, in Tehran time (it may span midnight)."""
    now = utcnow().astimezone(ZoneInfo("Asia/Tehran"))
    return f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"


async def make_org(store: Storage, name: str) -> int:
    """An organization, by name; returns its id."""
    return (await store.organizations.create(name, fold(name), None, created_by=1)).id


async def test_start_opens_the_topic_picker_and_confirming_subscribes(tg: FakeTelegram, tmp_path: Path) -> None:
    """/start explains the service and opens the topic picker; toggles mark ✅, «تأیید» saves and moves to counties."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [picker] = await say(tg, READER, READER, "/start")
        assert picker.text is not None
        assert picker.text.startswith("سلام! این ربات «خبرنامه روابط عمومی استان ایلام» است.")
        assert picker.text.endswith(texts.ONBOARDING)
        keys = buttons(picker)
        assert keys[f"jp:o:{READER}:0:*"] == texts.SELECTED_MARK + texts.BUTTON_ALL
        assert await subscription(app, READER) is None  # nothing is stored before «تأیید»
        await press(tg, READER, READER, picker, f"jp:o:{READER}:0:health")
        await press(tg, READER, READER, picker, f"jp:o:{READER}:0:crisis")
        await press(tg, READER, READER, picker, f"jp:o:{READER}:0:crisis")  # toggled off again
        await press(tg, READER, READER, picker, f"jp:o:{READER}:0:economy")
        shown = tg.message_in(READER, picker.message_id)
        assert shown is not None
        marks = buttons(shown)
        assert marks[f"jp:o:{READER}:0:health"].startswith(texts.SELECTED_MARK)
        assert not marks[f"jp:o:{READER}:0:crisis"].startswith(texts.SELECTED_MARK)
        assert not marks[f"jp:o:{READER}:0:*"].startswith(texts.SELECTED_MARK)
        answer = await press(tg, READER, READER, shown, f"jp:o:{READER}:0:!")
        assert answer.get("text") == texts.PICKER_SAVED
        stored = await subscription(app, READER)
        assert stored is not None
        assert stored.state == "active"
        assert set(stored.filters["topic"]) == {"health", "economy"}
        counties = tg.message_in(READER, picker.message_id)
        assert counties is not None
        assert counties.text == texts.PICK_READER_COUNTIES.format(place=texts.PLACE_OWN)
        await press(tg, READER, READER, counties, f"jp:c:{READER}:0:province")
        await press(tg, READER, READER, counties, f"jp:c:{READER}:0:eyvan")
        await press(tg, READER, READER, tg.message_in(READER, picker.message_id), f"jp:c:{READER}:0:!")  # type: ignore[arg-type]
        stored = await subscription(app, READER)
        final = tg.message_in(READER, picker.message_id)
    assert stored is not None
    assert set(stored.filters["county"]) == {"province", "eyvan"}
    assert final is not None
    assert final.text is not None
    assert final.text.startswith("✅ این گفت‌وگو مشترک خبرنامه است")
    assert "شهرستان‌ها: استانی، ایوان" in final.text


async def test_typed_filters_subscribe_and_filters_shows_them(tg: FakeTelegram, tmp_path: Path) -> None:
    """/topics, /counties, /agencies and /keywords set each dimension; /filters shows all in plain Persian."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        org = await make_org(runtime(app).storage, "شرکت گاز استان ایلام")
        [reply] = await say(tg, READER, READER, "/topics health crisis")
        assert reply.text is not None
        assert "موضوع‌ها: سلامت و درمان، حوادث و مدیریت بحران" in reply.text
        await say(tg, READER, READER, "/counties province ایوان")
        await say(tg, READER, READER, f"/agencies {org}")
        await say(tg, READER, READER, '/keywords +سد -تصادف "آب و فاضلاب"')
        [overview] = await say(tg, READER, READER, "/filters")
        stored = await subscription(app, READER)
    assert stored is not None
    assert stored.state == "active"
    assert stored.filters == {
        "county": ("eyvan", "province"),
        "exclude": ("تصادف",),
        "include": ("آب و فاضلاب", "سد"),
        "organization": (str(org),),
        "topic": ("crisis", "health"),
    }
    assert overview.text is not None
    for line in (
        "شهرستان‌ها: استانی، ایوان",
        "دستگاه‌ها: شرکت گاز استان ایلام",
        "کلیدواژه‌ها (دست‌کم یکی): «آب و فاضلاب»، «سد»",
        "کلیدواژه‌های کنارگذاشته: «تصادف»",
        texts.STATE_ACTIVE,
        texts.DELIVERY_INSTANT,
        texts.QUIET_NONE,
    ):
        assert line in overview.text


async def test_bad_filter_input_gets_a_persian_reply_and_changes_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    """Unknown topics, counties and agency ids, a non-number, an unbalanced quote and a bad time change nothing."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [subscribed] = await say(tg, READER, READER, "/topics health")
        before = await subscription(app, READER)
        replies = [
            (await say(tg, READER, READER, text))[0].text
            for text in (
                "/topics health nonsense",
                "/counties atlantis",
                "/agencies 99",
                "/agencies abc",
                '/keywords "سد',
                "/quiet 25:00-07:00",
                "/quiet 23:00",
                "/digest 25",
                "/use 12345",
                "/use",
            )
        ]
        after = await subscription(app, READER)
    assert subscribed.text is not None
    assert after == before
    assert replies[0] is not None
    assert replies[0].startswith("این موضوع‌ها را نمی‌شناسم: nonsense")
    assert replies[1] is not None
    assert replies[1].startswith("این شهرستان‌ها را نمی‌شناسم: atlantis")
    assert replies[2] == texts.FILTER_UNKNOWN_AGENCIES.format(values="۹۹")
    assert replies[3] == texts.FILTER_UNKNOWN_AGENCY_NAMES.format(values="abc")
    assert replies[4] == texts.MSG_UNBALANCED_QUOTE
    assert replies[5] == texts.MSG_BAD_TIME_OF_DAY.format(text="25:00")
    assert replies[6] == texts.MSG_BAD_TIME_RANGE
    assert replies[7] == texts.MSG_BAD_TIME_OF_DAY.format(text="25")
    assert replies[8] == texts.USE_UNKNOWN.format(id="۱۲۳۴۵")
    assert replies[9] == texts.USE_USAGE


async def test_group_subscribe_is_for_its_administrators_only(tg: FakeTelegram, tmp_path: Path) -> None:
    """In a group, /subscribe and filter changes work for its administrators; a member gets a polite refusal."""
    tg.add_chat(GROUP, "supergroup", "خبرنگاران ایلام")
    tg.set_member(GROUP, ADMIN_OF_GROUP, "administrator")
    tg.set_member(GROUP, MEMBER_OF_GROUP, "member")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [refused] = await say(tg, GROUP, MEMBER_OF_GROUP, "/subscribe")
        assert await subscription(app, GROUP) is None
        [done] = await say(tg, GROUP, ADMIN_OF_GROUP, "/subscribe")
        [topic_refused] = await say(tg, GROUP, MEMBER_OF_GROUP, "/topics health")
        [topics] = await say(tg, GROUP, ADMIN_OF_GROUP, "/topics economy")
        stored = await subscription(app, GROUP)
        [private] = await say(tg, READER, READER, "/subscribe")
    assert refused.text == texts.SUBSCRIBE_REFUSED
    assert done.text is not None
    assert done.text.startswith("✅ این گفت‌وگو مشترک خبرنامه است")
    assert topic_refused.text == texts.NOT_CHAT_ADMIN.format(place="«خبرنگاران ایلام»")
    assert topics.text is not None
    assert "موضوع‌ها: اقتصاد و اشتغال" in topics.text
    assert stored is not None
    assert stored.state == "active"
    assert stored.filters == {"topic": ("economy",)}
    assert private.text == texts.SUBSCRIBE_GROUP_ONLY


async def test_forum_topic_subscription_delivers_into_that_topic(tg: FakeTelegram, tmp_path: Path) -> None:
    """/subscribe inside a forum topic subscribes that topic: releases arrive with its message_thread_id."""
    tg.add_chat(FORUM, "supergroup", "تحریریه", is_forum=True)
    tg.set_member(FORUM, ADMIN_OF_GROUP, "administrator")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [done] = await say(tg, FORUM, ADMIN_OF_GROUP, "/subscribe", message_thread_id=7, is_topic_message=True)
        assert done.text is not None
        assert done.text.startswith("✅ این تاپیک")
        assert await subscription(app, FORUM, 7) is not None
        assert await subscription(app, FORUM, 0) is None
        release_id = await publish_text(app, "خبر آزمایشی برای تاپیک\n\nمتن خبر آزمایشی در شهرستان ایوان.")
        await tg.wait_for(lambda s: any(fa(release_id) in (m.text or "") for m in s.messages_to(FORUM)), timeout=15)
    delivered = [m for m in tg.messages_to(FORUM) if m.message_id != done.message_id and "آزمایشی" in (m.text or "")]
    assert [m.message_thread_id for m in delivered] == [7]


async def publish_text(app: Application, text: str, *, org_name: str = "فرمانداری ایوان") -> int:  # type: ignore[type-arg]
    """Publish ``text`` through the officer desk as an officer of ``org_name``; return the release id."""
    store = runtime(app).storage
    desk = runtime(app).desk
    org = await store.organizations.find_by_folded_name(fold(org_name))
    if org is None:
        org_id = await make_org(store, org_name)
        user_id = 9000 + org_id
        await store.officers.create_invite(f"c{org_id}", org_id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite(f"c{org_id}", user_id, "کارشناس", None)
    else:
        user_id = 9000 + org.id
    preview = await desk.create_draft(user_id, text)
    await desk.publish(user_id, preview.release.id, confirmed=True)
    return int(preview.release.id)


async def test_channel_is_registered_from_my_chat_member_and_its_adder_is_told(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Made an admin that may post, the bot registers the channel and DMs its adder a picker.

    Without the right to post it says which right is missing, and when it is given, that it now has it (not
    «registered»); removed, the channel is deactivated.
    """
    tg.add_chat(CHANNEL, "channel", "کانال خبری")
    tg.set_member(CHANNEL, READER, "creator")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        before = len(tg.messages_to(READER))
        tg.inject(tg.my_chat_member(CHANNEL, "channel", READER, "left", "administrator", can_post_messages=False))
        await tg.wait_for(lambda s: len(s.messages_to(READER)) > before, timeout=15)
        [missing] = tg.messages_to(READER)[before:]
        assert missing.text == texts.CHANNEL_CANNOT_POST.format(title="کانال خبری")
        tg.inject(
            tg.my_chat_member(CHANNEL, "channel", READER, "administrator", "administrator", can_post_messages=True)
        )
        await tg.wait_for(lambda s: len(s.messages_to(READER)) > before + 1, timeout=15)
        dm = tg.messages_to(READER)[-1]
        assert dm.text == texts.CHANNEL_POST_RIGHT_BACK.format(title="کانال خبری", id=CHANNEL)
        chat = await store.subscriptions.get_chat(CHANNEL)
        assert chat is not None
        assert chat.bot_status == "administrator"
        assert chat.can_post
        assert chat.added_by == READER
        await press(tg, READER, READER, dm, f"jp:o:{CHANNEL}:0:culture")
        await press(tg, READER, READER, tg.message_in(READER, dm.message_id), f"jp:o:{CHANNEL}:0:!")  # type: ignore[arg-type]
        stored = await subscription(app, CHANNEL)
        assert stored is not None
        assert stored.state == "active"
        assert stored.filters == {"topic": ("culture",)}
        [listing] = await say(tg, READER, READER, "/channels")
        assert listing.text is not None
        assert "کانال خبری" in listing.text
        assert str(CHANNEL) in listing.text
        tg.inject(tg.my_chat_member(CHANNEL, "channel", READER, "administrator", "left"))
        stored = await eventually(
            lambda: subscription(app, CHANNEL), lambda s: s is not None and s.state == "deactivated"
        )
        release_id = await publish_text(app, "جشنواره فرهنگی\n\nجشنواره فرهنگی شهرستان ایوان برگزار شد.")
        await asyncio.sleep(1.0)
        outbox = await store.outbox.deliveries_for_chat(CHANNEL)
    assert stored is not None
    assert stored.state == "deactivated"
    assert stored.deactivated_reason == "removed"
    assert release_id > 0
    assert outbox == []


async def test_channel_rights_messages_say_which_right_was_lost_or_given(tg: FakeTelegram, tmp_path: Path) -> None:
    """Added as an admin that may post: «registered». The right to post taken away: that right is named and sending
    stops; given back: it says so; another right toggled: nothing; no longer an admin: it says that."""
    tg.add_chat(CHANNEL, "channel", "کانال خبری")
    tg.set_member(CHANNEL, READER, "creator")
    may_post = {"can_post_messages": True}
    async with running_bot(settings_for(tg, tmp_path)) as app:

        async def change(old: str, new: str, old_rights: dict[str, bool], **rights: bool) -> str:
            before = len(tg.messages_to(READER))
            tg.inject(tg.my_chat_member(CHANNEL, "channel", READER, old, new, old_rights=old_rights, **rights))
            await tg.wait_for(lambda s: len(s.messages_to(READER)) > before, timeout=15)
            return tg.messages_to(READER)[-1].text or ""

        assert await change("left", "administrator", {}, **may_post) == texts.CHANNEL_ADDED.format(
            title="کانال خبری", id=CHANNEL
        )
        lost = await change("administrator", "administrator", may_post, can_post_messages=False)
        assert lost == texts.CHANNEL_POST_RIGHT_LOST.format(title="کانال خبری")
        assert "مدیر شد" not in lost
        chat = await runtime(app).storage.subscriptions.get_chat(CHANNEL)
        assert chat is not None
        assert not chat.can_post
        back = await change("administrator", "administrator", {}, **may_post)
        assert back == texts.CHANNEL_POST_RIGHT_BACK.format(title="کانال خبری", id=CHANNEL)
        assert "ثبت شد" not in back
        before = len(tg.messages_to(READER))
        tg.inject(
            tg.my_chat_member(
                CHANNEL,
                "channel",
                READER,
                "administrator",
                "administrator",
                old_rights=may_post,
                can_post_messages=True,
                can_edit_messages=True,
            )
        )
        demoted = await change("administrator", "member", may_post)
        assert demoted == texts.CHANNEL_ADMIN_LOST.format(title="کانال خبری")
        assert len(tg.messages_to(READER)) == before + 1, "toggling another right says nothing"


async def test_use_points_commands_at_a_channel_and_control_is_rechecked(tg: FakeTelegram, tmp_path: Path) -> None:
    """/use CHAT_ID makes filter commands apply to the channel; a user who is no longer its admin is refused."""
    tg.add_chat(CHANNEL, "channel", "کانال خبری")
    tg.set_member(CHANNEL, READER, "administrator")
    tg.set_member(CHANNEL, OTHER, "member")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        tg.inject(tg.my_chat_member(CHANNEL, "channel", READER, "left", "administrator", can_post_messages=True))
        await tg.wait_for(lambda s: len(s.messages_to(READER)) >= 1, timeout=15)
        [stranger] = await say(tg, OTHER, OTHER, f"/use {CHANNEL}")
        [chosen] = await say(tg, READER, READER, f"/use {CHANNEL}")
        [topics] = await say(tg, READER, READER, "/topics health")
        assert await subscription(app, READER) is None
        channel = await subscription(app, CHANNEL)
        tg.set_member(CHANNEL, READER, "member")  # demoted since
        [refused] = await say(tg, READER, READER, "/topics crisis")
        after = await subscription(app, CHANNEL)
        [back] = await say(tg, READER, READER, "/use me")
        [own] = await say(tg, READER, READER, "/topics crisis")
    place = Place(CHANNEL, 0, "channel", "کانال خبری").label(here=False)
    assert stranger.text == texts.NOT_CHAT_ADMIN.format(place=place)
    assert chosen.text == texts.USE_DONE.format(place=place)
    assert topics.text is not None
    assert topics.text.startswith(texts.FOR_PLACE.format(place=place))
    assert channel is not None
    assert channel.filters == {"topic": ("health",)}
    assert refused.text == texts.NOT_CHAT_ADMIN.format(place=place)
    assert after == channel
    assert back.text == texts.USE_ME
    assert own.text is not None
    assert "موضوع‌ها: حوادث و مدیریت بحران" in own.text


async def test_pause_resume_and_stop_with_confirmation(tg: FakeTelegram, tmp_path: Path) -> None:
    """/pause keeps filters and stops deliveries, /resume restarts them, /stop asks and then removes all."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        [none] = await say(tg, READER, READER, "/pause")
        await say(tg, READER, READER, "/topics culture")
        [paused] = await say(tg, READER, READER, "/pause")
        [again] = await say(tg, READER, READER, "/pause")
        stored = await subscription(app, READER)
        assert stored is not None
        assert stored.state == "paused"
        assert stored.filters == {"topic": ("culture",)}
        await publish_text(app, "جشنواره فرهنگی\n\nجشنواره فرهنگی شهرستان ایوان برگزار شد.")
        await say(tg, READER, READER, "/keywords جشنواره")  # changing filters does not resume
        assert (await subscription(app, READER)).state == "paused"  # type: ignore[union-attr]
        [resumed] = await say(tg, READER, READER, "/resume")
        second = await publish_text(app, "جشنواره تئاتر\n\nجشنواره تئاتر شهرستان ایوان برگزار شد.")
        await tg.wait_for(lambda s: any(texts.RELEASE_ID_LABEL in (m.text or "") for m in s.messages_to(READER)))
        [question] = await say(tg, READER, READER, "/stop")
        assert set(buttons(question)) == {f"js:{READER}:0:y", f"js:{READER}:0:n"}
        await press(tg, READER, READER, question, f"js:{READER}:0:n")
        assert await subscription(app, READER) is not None
        await press(tg, READER, READER, question, f"js:{READER}:0:y")
        gone = await subscription(app, READER)
        [typed] = await say(tg, READER, READER, "/stop yes")
    received = [m for m in tg.messages_to(READER) if texts.RELEASE_ID_LABEL in (m.text or "")]
    assert none.text == texts.NOT_SUBSCRIBED.format(place=texts.PLACE_OWN)
    assert paused.text == texts.PAUSED.format(place=texts.PLACE_OWN)
    assert again.text == texts.ALREADY_PAUSED.format(place=texts.PLACE_OWN)
    assert resumed.text == texts.RESUMED.format(place=texts.PLACE_OWN)
    assert len(received) == 1
    assert "تئاتر" in (received[0].text or "")
    assert second > 0
    assert gone is None
    assert typed.text == texts.NOT_SUBSCRIBED.format(place=texts.PLACE_OWN)


async def test_quiet_hours_send_silently_and_digest_holds_instant_delivery(tg: FakeTelegram, tmp_path: Path) -> None:
    """In its quiet window a chat gets releases without a sound; a digest chat gets none instantly."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await say(tg, READER, READER, "/topics culture")
        await say(tg, OTHER, OTHER, "/topics culture")
        [quiet] = await say(tg, READER, READER, f"/quiet {quiet_window_around_now()}")
        [digest] = await say(tg, OTHER, OTHER, "/digest 08:00")
        stored = await subscription(app, OTHER)
        await publish_text(app, "جشنواره فرهنگی\n\nجشنواره فرهنگی شهرستان ایوان برگزار شد.")
        await tg.wait_for(lambda s: any(texts.RELEASE_ID_LABEL in (m.text or "") for m in s.messages_to(READER)))
        [sent] = tg.calls_to("sendMessage")[-1:]
        [overview] = await say(tg, OTHER, OTHER, "/filters")
    received = [m for m in tg.messages_to(READER) if texts.RELEASE_ID_LABEL in (m.text or "")]
    assert quiet.text is not None
    assert quiet.text.startswith("🔕 از ")
    assert digest.text is not None
    assert digest.text.startswith("📰 از این پس خبرهای این گفت‌وگو هر روز ساعت ۰۸:۰۰")
    assert stored is not None
    assert stored.digest_time == "08:00"
    assert len(received) == 1
    assert sent.params.get("disable_notification") is True
    assert not [m for m in tg.messages_to(OTHER) if texts.RELEASE_ID_LABEL in (m.text or "")]
    assert overview.text is not None
    assert texts.DELIVERY_DIGEST.format(time="۰۸:۰۰") in overview.text


async def test_bot_added_to_a_group_greets_and_removed_deactivates(tg: FakeTelegram, tmp_path: Path) -> None:
    """Added to a group the bot says how to subscribe; kicked out, the group's subscription is deactivated."""
    tg.add_chat(GROUP, "supergroup", "خبرنگاران ایلام")
    tg.set_member(GROUP, ADMIN_OF_GROUP, "administrator")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        tg.inject(tg.my_chat_member(GROUP, "supergroup", ADMIN_OF_GROUP, "left", "member"))
        await tg.wait_for(lambda s: len(s.messages_to(GROUP)) >= 1, timeout=15)
        [greeting] = tg.messages_to(GROUP)
        await say(tg, GROUP, ADMIN_OF_GROUP, "/subscribe")
        tg.inject(tg.my_chat_member(GROUP, "supergroup", ADMIN_OF_GROUP, "member", "kicked"))
        stored = await eventually(lambda: subscription(app, GROUP), lambda s: s is not None and s.state != "active")
        [resume] = await say(tg, READER, READER, f"/use {GROUP}")
        chat = await runtime(app).storage.subscriptions.get_chat(GROUP)
    assert greeting.text == texts.GROUP_ADDED
    assert stored is not None
    assert stored.state == "deactivated"
    assert stored.deactivated_reason == "removed"
    assert chat is not None
    assert chat.bot_status == "kicked"
    assert resume.text == texts.NOT_CHAT_ADMIN.format(place="«خبرنگاران ایلام»")


async def test_digest_off_sends_what_was_collected_and_returns_to_instant(tg: FakeTelegram, tmp_path: Path) -> None:
    """/digest off sends the releases collected so far at once, then releases arrive one by one again."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await say(tg, READER, READER, "/topics culture")
        await say(tg, READER, READER, "/digest 08:00")
        first = await publish_text(app, "جشنواره فرهنگی\n\nجشنواره فرهنگی شهرستان ایوان برگزار شد.")
        await asyncio.sleep(0.5)
        assert not [m for m in tg.messages_to(READER) if f"/release_{first}" in (m.text or "")]
        replies = await say(tg, READER, READER, "/digest off", count=2)
        second = await publish_text(app, "جشنواره تئاتر\n\nجشنواره تئاتر شهرستان ایوان برگزار شد.")
        await tg.wait_for(lambda s: any(fa(second) in (m.text or "") for m in s.messages_to(READER)), timeout=15)
    texts_sent = [m.text or "" for m in replies]
    assert texts.DIGEST_OFF.format(place=texts.PLACE_OWN) in texts_sent
    assert any(f"/release_{first}" in t and "جشنواره فرهنگی" in t for t in texts_sent)
