"""Acceptance: every sample release reaches exactly the chats whose filters select it.

Private chats, a group, a forum topic and channels are configured the way journalists do it (buttons
and typed commands through the real bot); every sample is published through the officer desk with
the topics and county of its labels; what each chat should get is computed here from the labels
(and, for the keyword chat, from the raw text with a folding written independently of the bot's).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot import texts
from bot.domain.digits import to_latin_digits
from bot.domain.text import fold
from fakegram import FakeTelegram
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for
from tests.test_journalist import eventually, press, quiet_window_around_now, say

ROOT = Path(__file__).resolve().parent.parent
SAMPLES: list[dict[str, Any]] = [
    json.loads(line) for line in (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines()
]

BY_BUTTONS, PROVINCE_GOV, BY_KEYWORD, PAUSED, QUIET, DIGEST = 6001, 6002, 6003, 6004, 6005, 6006
GROUP_ADMIN, GROUP_MEMBER, CHANNEL_OWNER = 6101, 6102, 6103
GROUP, FORUM, CHANNEL, DROPPED_CHANNEL = -1002000000001, -1002000000002, -1002000000003, -1002000000004
FORUM_TOPIC = 7
GOVERNORATE, GAS = "استانداری ایلام", "شرکت گاز استان ایلام"
ARABIC_KEYWORD = "كشاورزي"  # typed with Arabic kaf and yeh
_ID_LINE = re.compile(texts.RELEASE_ID_LABEL + r": /release_([0-9]+)")


def _plain_words(text: str) -> set[str]:
    """Words of a text with Arabic letters made Persian, half-spaces as spaces and marks dropped.

    Written for this test alone, so the expectation does not lean on the bot's own folding.
    """
    text = text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", " ").replace("ـ", "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return set(re.findall(r"[\w]+", text))


SELECTORS: dict[int, Callable[[dict[str, Any]], bool]] = {
    BY_BUTTONS: lambda s: bool({"health", "crisis"} & set(s["topics"])),
    PROVINCE_GOV: lambda s: s["county"] is None and s["org"] == GOVERNORATE,
    BY_KEYWORD: lambda s: "کشاورزی" in _plain_words(s["text"]),
    GROUP: lambda s: "economy" in s["topics"],
    FORUM: lambda s: s["county"] in {"eyvan", "dehloran"},
    CHANNEL: lambda s: s["org"] == GAS,
    QUIET: lambda _: True,
    PAUSED: lambda _: False,
    DIGEST: lambda _: False,
    DROPPED_CHANNEL: lambda _: False,
}


def received(tg: FakeTelegram, chat_id: int) -> list[int]:
    """Release ids the chat received, in order, read from the id line of each message."""
    found = []
    for message in tg.messages_to(chat_id, include_deleted=False):
        match = _ID_LINE.search(message.text or message.caption or "")
        if match:
            found.append(int(to_latin_digits(match[1])))
    return found


async def configure(tg: FakeTelegram, app: Application) -> None:  # type: ignore[type-arg]
    """Set every chat up as its journalist would."""
    store = runtime(app).storage
    gov = await store.organizations.find_by_folded_name(fold(GOVERNORATE))
    gas = await store.organizations.find_by_folded_name(fold(GAS))
    assert gov is not None
    assert gas is not None
    # A private chat through /start and the picker's buttons.
    [picker] = await say(tg, BY_BUTTONS, BY_BUTTONS, "/start")
    for key in ("health", "crisis", "!"):
        await press(
            tg,
            BY_BUTTONS,
            BY_BUTTONS,
            tg.message_in(BY_BUTTONS, picker.message_id) or picker,
            f"jp:o:{BY_BUTTONS}:0:{key}",
        )
    await press(
        tg, BY_BUTTONS, BY_BUTTONS, tg.message_in(BY_BUTTONS, picker.message_id) or picker, f"jp:c:{BY_BUTTONS}:0:!"
    )
    # Typed commands.
    await say(tg, PROVINCE_GOV, PROVINCE_GOV, "/counties province")
    await say(tg, PROVINCE_GOV, PROVINCE_GOV, f"/agencies {gov.id}")
    await say(tg, BY_KEYWORD, BY_KEYWORD, f"/keywords {ARABIC_KEYWORD}")
    await say(tg, PAUSED, PAUSED, "/topics all")
    await say(tg, PAUSED, PAUSED, "/pause")
    await say(tg, QUIET, QUIET, "/topics all")
    await say(tg, QUIET, QUIET, f"/quiet {quiet_window_around_now()}")
    [refused] = await say(tg, DIGEST, DIGEST, "/digest 08:00")
    assert refused.text == texts.NOT_SUBSCRIBED.format(place=texts.PLACE_OWN)
    await say(tg, DIGEST, DIGEST, "/topics all")
    await say(tg, DIGEST, DIGEST, "/digest 08:00")
    # A group: a member is refused, an administrator subscribes and narrows it.
    [refused] = await say(tg, GROUP, GROUP_MEMBER, "/subscribe")
    assert refused.text == texts.SUBSCRIBE_REFUSED
    await say(tg, GROUP, GROUP_ADMIN, "/subscribe")
    await say(tg, GROUP, GROUP_ADMIN, "/topics economy")
    # A forum topic.
    topic = {"message_thread_id": FORUM_TOPIC, "is_topic_message": True}
    await say(tg, FORUM, GROUP_ADMIN, "/subscribe", **topic)
    await say(tg, FORUM, GROUP_ADMIN, "/counties eyvan dehloran", **topic)
    # Channels: the bot is made an admin; the owner configures one with /use, the other is dropped later.
    for channel in (CHANNEL, DROPPED_CHANNEL):
        before = len(tg.messages_to(CHANNEL_OWNER))
        tg.inject(tg.my_chat_member(channel, "channel", CHANNEL_OWNER, "left", "administrator", can_post_messages=True))
        await tg.wait_for(lambda s, n=before: len(s.messages_to(CHANNEL_OWNER)) > n, timeout=15)
    await say(tg, CHANNEL_OWNER, CHANNEL_OWNER, f"/use {CHANNEL}")
    await say(tg, CHANNEL_OWNER, CHANNEL_OWNER, f"/agencies {gas.id}")
    await say(tg, CHANNEL_OWNER, CHANNEL_OWNER, f"/use {DROPPED_CHANNEL}")
    await say(tg, CHANNEL_OWNER, CHANNEL_OWNER, "/topics all")
    tg.inject(tg.my_chat_member(DROPPED_CHANNEL, "channel", CHANNEL_OWNER, "administrator", "kicked"))
    dropped = await eventually(
        lambda: store.subscriptions.get(DROPPED_CHANNEL), lambda s: s is not None and s.state == "deactivated"
    )
    assert dropped is not None
    assert dropped.state == "deactivated"


async def publish_samples(app: Application) -> dict[int, str]:  # type: ignore[type-arg]
    """Publish every sample through the desk with its labelled tags; release id → sample id."""
    store = runtime(app).storage
    desk = runtime(app).desk
    officers: dict[str, int] = {}
    published: dict[int, str] = {}
    for sample in SAMPLES:
        if sample["org"] not in officers:
            org = await store.organizations.find_by_folded_name(fold(sample["org"]))
            assert org is not None
            officers[sample["org"]] = user_id = 7100 + org.id
            await store.officers.create_invite(f"e2e{org.id}", org.id, 1, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(f"e2e{org.id}", user_id, "کارشناس", None)
        user_id = officers[sample["org"]]
        preview = await desk.create_draft(user_id, sample["text"])
        await desk.set_topics(user_id, preview.release.id, sample["topics"])
        await desk.set_county(user_id, preview.release.id, sample["county"] or "none")
        await desk.publish(user_id, preview.release.id, confirmed=True)
        published[preview.release.id] = sample["id"]
    return published


async def test_every_chat_receives_exactly_what_its_filters_select(tg: FakeTelegram, tmp_path: Path) -> None:
    """Each configured chat gets exactly the samples its filters select, computed from the labels."""
    tg.add_chat(GROUP, "supergroup", "گروه خبرنگاران")
    tg.add_chat(FORUM, "supergroup", "تحریریه", is_forum=True)
    tg.add_chat(CHANNEL, "channel", "کانال گاز")
    tg.add_chat(DROPPED_CHANNEL, "channel", "کانال کنارگذاشته")
    for chat in (GROUP, FORUM):
        tg.set_member(chat, GROUP_ADMIN, "administrator")
        tg.set_member(chat, GROUP_MEMBER, "member")
    for chat in (CHANNEL, DROPPED_CHANNEL):
        tg.set_member(chat, CHANNEL_OWNER, "creator")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        for name in dict.fromkeys(s["org"] for s in SAMPLES):
            await store.organizations.create(name, fold(name), None, created_by=1)
        await configure(tg, app)
        published = await publish_samples(app)
        assert await eventually(store.outbox.backlog, lambda n: n == 0, within=60) == 0
        sends = tg.calls_to("sendMessage")
    expected = {
        chat: sorted(rid for rid, sid in published.items() if select(next(s for s in SAMPLES if s["id"] == sid)))
        for chat, select in SELECTORS.items()
    }
    got = {chat: sorted(received(tg, chat)) for chat in SELECTORS}
    assert {c: [published[r] for r in ids] for c, ids in got.items()} == {
        c: [published[r] for r in ids] for c, ids in expected.items()
    }
    # Sanity of the data set: the filters are not all trivially empty or full.
    assert all(
        0 < len(expected[c]) < len(SAMPLES) for c in (BY_BUTTONS, PROVINCE_GOV, BY_KEYWORD, GROUP, FORUM, CHANNEL)
    )
    assert [m.message_thread_id for m in tg.messages_to(FORUM) if _ID_LINE.search(m.text or "")] == [FORUM_TOPIC] * len(
        expected[FORUM]
    )
    quiet_sends = [c for c in sends if c.params.get("chat_id") == QUIET and _ID_LINE.search(str(c.params.get("text")))]
    assert quiet_sends
    assert all(c.params.get("disable_notification") is True for c in quiet_sends)
    loud = [c for c in sends if c.params.get("chat_id") == BY_BUTTONS and _ID_LINE.search(str(c.params.get("text")))]
    assert all(not c.params.get("disable_notification") for c in loud)
