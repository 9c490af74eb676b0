"""Admins manage other admins and the topic taxonomy through the real bot; edits are live and survive restarts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from telegram.ext import Application

from bot import texts
from bot.domain.digits import fa
from bot.domain.tagging import load_topics
from bot.domain.taxonomy import (
    KeywordSet,
    TaxonomyError,
    apply_keyword_edit,
    check_label,
    check_slug,
    derive_hashtag,
    parse_keyword_edit,
    parse_keywords,
)
from bot.domain.text import fold
from bot.telegram.replies import split_message
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Person
from storage import Storage
from storage.db import utcnow
from storage.topics import TopicRow
from tests.harness import running_bot, runtime, settings_for

ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)
NEW_ADMIN, SECOND_ADMIN, OFFICER, READER, STRANGER = 7001, 7002, 7003, 7004, 7005

DRONE_TEXT = (
    "پرواز آزمایشی پهپاد در آبدانان\n"
    "نخستین پهپاد ساخت دانشجویان استان در آبدانان پرواز کرد. "
    "این پهپاد برای عکسبرداری هوایی از جنگل‌ها به کار می‌رود."
)
QUADCOPTER_TEXT = (
    "پرواز آزمایشی کوادکوپتر در آبدانان\n"
    "نخستین کوادکوپتر ساخت دانشجویان استان در آبدانان پرواز کرد و این کوادکوپتر تصاویر خوبی گرفت."
)
ADD_DRONES = "/addtopic drones | پهپاد و فناوری هوایی | پهپاد، عکسبرداری هوایی، *پرنده هدایت‌پذیر"


async def say(tg: FakeTelegram, user: int, text: str, *, count: int = 1) -> list[SentMessage]:
    """Send ``text`` as ``user`` in their private chat and return the next ``count`` replies."""
    return await Person(tg, user).say(text, count=count)


async def ask(tg: FakeTelegram, user: int, text: str) -> str:
    """Send ``text`` as ``user`` and return the text of the bot's next reply."""
    return await Person(tg, user).ask(text)


async def add_admin(tg: FakeTelegram, by: int, user: int) -> None:
    """``by`` makes ``user`` an admin, and ``user`` has received the notice (so it is not taken for a reply)."""
    assert await ask(tg, by, f"/addadmin {user}") == texts.ADDADMIN_DONE.format(user_id=fa(user))
    await tg.wait_for(lambda s: any(m.text == texts.ADDADMIN_NOTICE for m in s.messages_to(user)), timeout=10)


async def make_officer(app: Application) -> Storage:  # type: ignore[type-arg]
    """An organization with one officer (OFFICER), as an invite would make it."""
    store = runtime(app).storage
    org = await store.organizations.create("فرمانداری آبدانان", fold("فرمانداری آبدانان"), None, created_by=ADMIN)
    await store.officers.create_invite("code", org.id, ADMIN, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code", OFFICER, "کارشناس", None)
    return store


async def draft_topics(tg: FakeTelegram, store: Storage, text: str) -> tuple[tuple[str, ...], str]:
    """The officer sends ``text``; returns the new draft's suggested topics and the preview summary."""
    replies = await say(tg, OFFICER, text, count=3)
    [latest, *_] = await store.releases.latest_of_organization(1)
    return latest.topics, replies[-1].text or ""


def picker_labels(message: SentMessage) -> dict[str, str]:
    """A journalist picker's buttons as slug → label."""
    markup = message.reply_markup or {}
    return {
        b["callback_data"].rsplit(":", 1)[1]: b["text"].removeprefix(texts.SELECTED_MARK)
        for row in markup.get("inline_keyboard", [])
        for b in row
    }


async def topic_rows(app: Application) -> list[TopicRow]:  # type: ignore[type-arg]
    """Every stored topic, active or not."""
    return await runtime(app).storage.topics.list(include_inactive=True)


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        "/addadmin 7005",
        "/removeadmin 7001",
        "/admins",
        ADD_DRONES,
        "/renametopic health | بهداشت",
        "/topickeywords health | +بهداشت",
        "/deltopic sports",
        "/restoretopic sports",
        "/topiclist",
        "/topics_admin",
    ],
)
async def test_administration_commands_refuse_everyone_else(tg: FakeTelegram, tmp_path: Path, command: str) -> None:
    """A user who is not an admin gets the Persian refusal, and no admin, topic or audit entry changes."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        await store.officers.add_admin(NEW_ADMIN, ADMIN)
        before = await topic_rows(app)
        pipeline = runtime(app).core.pipeline
        assert await ask(tg, STRANGER, command) == texts.NOT_ADMIN
        assert await topic_rows(app) == before
        assert runtime(app).core.pipeline is pipeline
        assert await store.officers.admin_ids() == {NEW_ADMIN}
        assert await store.audit.latest() == []


async def test_administration_commands_want_a_private_chat(tg: FakeTelegram, tmp_path: Path) -> None:
    """An admin typing a topic command in a group is asked to use the private chat, and nothing changes."""
    group = -1001000000077
    async with running_bot(settings_for(tg, tmp_path)) as app:
        before = len(tg.messages_to(group))
        tg.inject(tg.message(group, ADMIN, "/deltopic sports"))
        await tg.wait_for(lambda s: len(s.messages_to(group)) > before, timeout=10)
        assert tg.messages_to(group)[before].text == texts.PRIVATE_ONLY
        assert "sports" in {t.slug for t in runtime(app).core.pipeline.topics}


# -- admins --------------------------------------------------------------------------------------


async def test_addadmin_gives_admin_rights_at_once(tg: FakeTelegram, tmp_path: Path) -> None:
    """/addadmin stores and audits an admin who can use /orgs at once and gets the admin menu; bad input is refused."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        assert await ask(tg, NEW_ADMIN, "/orgs") == texts.NOT_ADMIN
        assert await ask(tg, ADMIN, "/addadmin") == texts.ADDADMIN_USAGE
        assert await ask(tg, ADMIN, "/addadmin احمد") == texts.ADMIN_ID_NOT_A_NUMBER.format(
            value="احمد", usage=texts.ADDADMIN_USAGE
        )
        assert (await ask(tg, ADMIN, "/addadmin -5")).startswith("«-5» شناسهٔ عددی کاربر تلگرام نیست")
        assert await store.officers.admin_ids() == set()

        assert await ask(tg, ADMIN, "/addadmin ۷۰۰۱") == texts.ADDADMIN_DONE.format(user_id="۷۰۰۱")
        await tg.wait_for(lambda s: any(m.text == texts.ADDADMIN_NOTICE for m in s.messages_to(NEW_ADMIN)), timeout=10)
        assert "addtopic" in {c["command"] for c in tg.commands.get(f"chat:{NEW_ADMIN}", [])}
        assert await ask(tg, NEW_ADMIN, "/orgs") == texts.ORGS_EMPTY
        assert await ask(tg, NEW_ADMIN, "/addorg استانداری ایلام") != texts.NOT_ADMIN

        assert await ask(tg, ADMIN, f"/addadmin {NEW_ADMIN}") == texts.ADDADMIN_EXISTS.format(user_id="۷۰۰۱")
        assert await ask(tg, NEW_ADMIN, f"/addadmin {ADMIN}") == texts.ADDADMIN_EXISTS.format(user_id="۱")
        assert await store.officers.admin_ids() == {NEW_ADMIN}
        listing = await ask(tg, NEW_ADMIN, "/admins")
        entries = [(e.actor_id, e.action, e.subject_id) for e in await store.audit.latest()]
    assert "۱ — از تنظیمات سرور (ADMIN_IDS)" in listing
    assert "۷۰۰۱ — افزوده‌شده در" in listing
    assert "به دست ۱ (شما)" in listing
    assert entries[-1] == (ADMIN, "admin.add", str(NEW_ADMIN))
    assert [e for e in entries if e[1] == "admin.add"] == [(ADMIN, "admin.add", str(NEW_ADMIN))]


async def test_removeadmin_takes_rights_but_not_from_settings(tg: FakeTelegram, tmp_path: Path) -> None:
    """/removeadmin removes an added admin at once; an ADMIN_IDS admin or a non-admin cannot be removed."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        await add_admin(tg, ADMIN, NEW_ADMIN)
        assert await ask(tg, NEW_ADMIN, f"/removeadmin {ADMIN}") == texts.REMOVEADMIN_FROM_SETTINGS.format(user_id="۱")
        assert await ask(tg, ADMIN, f"/removeadmin {STRANGER}") == texts.REMOVEADMIN_NONE.format(user_id="۷۰۰۵")
        assert await ask(tg, ADMIN, "/removeadmin x") == texts.ADMIN_ID_NOT_A_NUMBER.format(
            value="x", usage=texts.REMOVEADMIN_USAGE
        )
        assert await ask(tg, ADMIN, f"/removeadmin {NEW_ADMIN}") == texts.REMOVEADMIN_DONE.format(user_id="۷۰۰۱")
        await tg.wait_for(lambda s: any(m.text == texts.REMOVEADMIN_NOTICE for m in s.messages_to(NEW_ADMIN)))
        assert f"chat:{NEW_ADMIN}" not in tg.commands  # back to everyone's menu
        assert await ask(tg, NEW_ADMIN, "/orgs") == texts.NOT_ADMIN
        assert await store.officers.admin_ids() == set()
        actions = [e.action for e in await store.audit.latest()]
    assert actions == ["admin.remove", "admin.add"]


async def test_the_last_admin_cannot_remove_themselves(tg: FakeTelegram, tmp_path: Path) -> None:
    """With no ADMIN_IDS, the only admin cannot remove themselves; once there is another, they can."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_IDS="")) as app:
        store = runtime(app).storage
        await store.officers.add_admin(NEW_ADMIN, None)
        assert await ask(tg, NEW_ADMIN, f"/removeadmin {NEW_ADMIN}") == texts.REMOVEADMIN_LAST
        assert await store.officers.admin_ids() == {NEW_ADMIN}
        await add_admin(tg, NEW_ADMIN, SECOND_ADMIN)
        assert await ask(tg, NEW_ADMIN, f"/removeadmin {NEW_ADMIN}") == texts.REMOVEADMIN_DONE.format(user_id="۷۰۰۱")
        assert await store.officers.admin_ids() == {SECOND_ADMIN}
        assert await ask(tg, SECOND_ADMIN, f"/removeadmin {SECOND_ADMIN}") == texts.REMOVEADMIN_LAST


# -- topics --------------------------------------------------------------------------------------


async def test_added_topic_is_suggested_and_offered_at_once(tg: FakeTelegram, tmp_path: Path) -> None:
    """A new topic is stored and audited, an officer's draft with its keywords gets it, and journalists can pick it."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await make_officer(app)
        before, _ = await draft_topics(tg, store, DRONE_TEXT)
        assert "drones" not in before
        assert (await ask(tg, READER, "/topics drones")).startswith("این موضوع‌ها را نمی‌شناسم: drones")

        reply = await ask(tg, ADMIN, ADD_DRONES)
        assert reply == texts.ADDTOPIC_DONE.format(
            label="پهپاد و فناوری هوایی", slug="drones", hashtag="پهپاد_و_فناوری_هوایی", count="۳"
        )
        stored = await store.topics.get("drones")
        assert stored is not None
        assert stored == TopicRow(
            "drones",
            "پهپاد و فناوری هوایی",
            "پهپاد_و_فناوری_هوایی",
            ("پهپاد", "عکسبرداری هوایی"),
            ("پرنده هدایت‌پذیر",),
            position=15,
            active=True,
        )

        topics, summary = await draft_topics(tg, store, DRONE_TEXT)
        assert "drones" in topics
        assert "پهپاد و فناوری هوایی" in summary
        await say(tg, OFFICER, "/settopics 2 drones", count=3)
        retagged = await store.releases.get(2)
        assert retagged is not None
        assert retagged.topics == ("drones",)

        reply = await ask(tg, READER, "/topics drones")
        assert "موضوع‌ها: پهپاد و فناوری هوایی" in reply
        subscription = await store.subscriptions.get(READER)
        [picker] = await say(tg, READER, "/topics")
        audit = await store.audit.latest()
    assert subscription is not None
    assert subscription.filters["topic"] == ("drones",)
    assert picker_labels(picker)["drones"] == "پهپاد و فناوری هوایی"
    assert [(e.actor_id, e.action, e.subject_id) for e in audit if e.action.startswith("topic.")] == [
        (ADMIN, "topic.create", "drones")
    ]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/addtopic", texts.ADDTOPIC_USAGE),
        ("/addtopic drones", texts.ADDTOPIC_USAGE),
        ("/addtopic drones2 | پهپاد | پهپاد", texts.TOPIC_BAD_SLUG.format(slug="drones2")),
        ("/addtopic d | پهپاد | پهپاد", texts.TOPIC_BAD_SLUG.format(slug="d")),
        ("/addtopic پهپاد | پهپاد | پهپاد", texts.TOPIC_BAD_SLUG.format(slug="پهپاد")),
        ("/addtopic health | بهداشت | بهداشت محیط", texts.TOPIC_EXISTS.format(slug="health", label="سلامت و درمان")),
        ("/addtopic drones |  | پهپاد", texts.TOPIC_EMPTY_LABEL),
        ("/addtopic drones | Drones | پهپاد", texts.TOPIC_LABEL_NOT_PERSIAN.format(label="Drones")),
        ("/addtopic drones | ورزش | پهپاد", texts.TOPIC_LABEL_TAKEN.format(slug="sports", label="ورزش")),
        ("/addtopic drones | پهپاد", texts.TOPIC_NO_KEYWORDS),
        ("/addtopic drones | پهپاد | ،  ، ", texts.TOPIC_NO_KEYWORDS),
        ("/addtopic drones | پهپاد | پهپاد، …", texts.TOPIC_KEYWORD_NOT_WORD.format(keyword="…")),
        (
            "/addtopic drones | پهپاد | پهپاد، زلزله",
            texts.TOPIC_KEYWORD_CONFLICT.format(keyword="زلزله", label="حوادث و مدیریت بحران", slug="crisis"),
        ),
    ],
)
async def test_addtopic_refuses_bad_input(tg: FakeTelegram, tmp_path: Path, command: str, expected: str) -> None:
    """Every malformed /addtopic gets its own Persian explanation, and the taxonomy stays as it was."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        before = await topic_rows(app)
        assert await ask(tg, ADMIN, command) == expected
        assert await topic_rows(app) == before
        assert await runtime(app).storage.audit.latest() == []


async def test_rename_changes_the_label_in_pickers_filters_and_hashtags(tg: FakeTelegram, tmp_path: Path) -> None:
    """/renametopic changes the label journalists see in /topics and /filters, and the hashtag follows it."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        await ask(tg, READER, "/topics health")
        assert await ask(tg, ADMIN, "/renametopic health") == texts.RENAMETOPIC_USAGE
        assert await ask(tg, ADMIN, "/renametopic weather | هوا") == texts.TOPIC_UNKNOWN.format(slug="weather")
        assert await ask(tg, ADMIN, "/renametopic health | ") == texts.TOPIC_EMPTY_LABEL
        assert await ask(tg, ADMIN, "/renametopic health | سلامت و درمان") == texts.RENAMETOPIC_SAME.format(
            slug="health", label="سلامت و درمان"
        )
        reply = await ask(tg, ADMIN, "/renametopic HEALTH | سلامت  و بهداشت")
        assert reply == texts.RENAMETOPIC_DONE.format(
            slug="health", old="سلامت و درمان", new="سلامت و بهداشت", hashtag="سلامت_و_بهداشت"
        )
        [picker] = await say(tg, READER, "/topics")
        overview = await ask(tg, READER, "/filters")
        stored = await store.topics.get("health")
        [entry, *_] = await store.audit.latest()
    assert picker_labels(picker)["health"] == "سلامت و بهداشت"
    assert "موضوع‌ها: سلامت و بهداشت" in overview
    assert stored is not None
    assert (stored.label, stored.hashtag) == ("سلامت و بهداشت", "سلامت_و_بهداشت")
    assert (entry.action, entry.details) == ("topic.rename", {"from": "سلامت و درمان", "to": "سلامت و بهداشت"})


async def test_keyword_edits_change_suggestions(tg: FakeTelegram, tmp_path: Path) -> None:
    """/topickeywords adds, removes and replaces keywords, and the next draft is tagged with the new list."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await make_officer(app)
        await ask(tg, ADMIN, ADD_DRONES)
        topics, _ = await draft_topics(tg, store, QUADCOPTER_TEXT)
        assert "drones" not in topics

        reply = await ask(tg, ADMIN, "/topickeywords drones | +کوادکوپتر -عکسبرداری هوایی")
        assert reply.startswith(
            texts.TOPICKEYWORDS_DONE.format(label="پهپاد و فناوری هوایی", slug="drones", count="۳", strong="۱")
        )
        assert "افزوده: کوادکوپتر" in reply
        assert "برداشته: عکسبرداری هوایی" in reply
        topics, summary = await draft_topics(tg, store, QUADCOPTER_TEXT)
        assert "drones" in topics
        assert "پهپاد و فناوری هوایی" in summary

        await ask(tg, ADMIN, "/topickeywords drones | پهپاد، *پرنده هدایت‌پذیر")
        stored = await store.topics.get("drones")
        assert stored is not None
        assert (stored.keywords, stored.strong_keywords) == (("پهپاد",), ("پرنده هدایت‌پذیر",))
        topics, _ = await draft_topics(tg, store, QUADCOPTER_TEXT)
        assert "drones" not in topics
        entries = [e.details for e in await store.audit.latest() if e.action == "topic.keywords"]
    assert entries == [
        {"added": [], "removed": ["کوادکوپتر"]},
        {"added": ["کوادکوپتر"], "removed": ["عکسبرداری هوایی"]},
    ]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/topickeywords drones", texts.TOPICKEYWORDS_USAGE),
        ("/topickeywords weather | +باران", texts.TOPIC_UNKNOWN.format(slug="weather")),
        ("/topickeywords drones | پهپاد، +کوادکوپتر", texts.TOPICKEYWORDS_MIXED),
        ("/topickeywords drones | +کوادکوپتر، پهپاد", texts.TOPICKEYWORDS_MIXED),
        ("/topickeywords drones | -باران", texts.TOPICKEYWORDS_NOT_FOUND.format(keyword="باران", slug="drones")),
        (
            "/topickeywords drones | -پهپاد -عکسبرداری هوایی -پرنده هدایت‌پذیر",
            texts.TOPICKEYWORDS_WOULD_EMPTY.format(slug="drones"),
        ),
        ("/topickeywords drones | +پهپاد", texts.TOPICKEYWORDS_UNCHANGED.format(slug="drones")),
        ("/topickeywords drones | ، ", texts.TOPIC_NO_KEYWORDS),
        (
            "/topickeywords drones | +زلزله",
            texts.TOPIC_KEYWORD_CONFLICT.format(keyword="زلزله", label="حوادث و مدیریت بحران", slug="crisis"),
        ),
    ],
)
async def test_topickeywords_refuses_bad_edits(tg: FakeTelegram, tmp_path: Path, command: str, expected: str) -> None:
    """Every malformed /topickeywords gets its own Persian explanation, and the keywords stay as they were."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await ask(tg, ADMIN, ADD_DRONES)
        before = await topic_rows(app)
        assert await ask(tg, ADMIN, command) == expected
        assert await topic_rows(app) == before


async def test_deactivated_topic_is_no_longer_offered_but_history_stays(tg: FakeTelegram, tmp_path: Path) -> None:
    """/deltopic hides a topic from suggestions and pickers, drafts and filters keep it, /restoretopic undoes it."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await make_officer(app)
        await ask(tg, ADMIN, ADD_DRONES)
        topics, _ = await draft_topics(tg, store, DRONE_TEXT)
        assert "drones" in topics
        await ask(tg, READER, "/topics drones")

        assert await ask(tg, ADMIN, "/deltopic") == texts.DELTOPIC_USAGE
        assert await ask(tg, ADMIN, "/deltopic weather") == texts.TOPIC_UNKNOWN.format(slug="weather")
        assert await ask(tg, ADMIN, "/deltopic drones") == texts.DELTOPIC_DONE.format(
            label="پهپاد و فناوری هوایی", slug="drones"
        )
        assert await ask(tg, ADMIN, "/deltopic drones") == texts.TOPIC_ALREADY_INACTIVE.format(
            label="پهپاد و فناوری هوایی", slug="drones"
        )

        topics, summary = await draft_topics(tg, store, DRONE_TEXT)
        assert "drones" not in topics
        assert "drones" not in summary
        refused = await ask(tg, OFFICER, "/settopics 2 drones")
        assert refused.startswith("این موضوع‌ها شناخته نشد: drones")
        assert (await ask(tg, STRANGER, "/topics drones")).startswith("این موضوع‌ها را نمی‌شناسم: drones")
        [picker] = await say(tg, STRANGER, "/topics")
        assert "drones" not in picker_labels(picker)
        listing = await ask(tg, ADMIN, "/topiclist")
        assert "⚪️ <code>drones</code> — پهپاد و فناوری هوایی — غیرفعال — ۳ کلیدواژه" in listing
        assert "🟢 <code>health</code> — سلامت و درمان — فعال" in listing

        first_draft = await store.releases.get(1)
        subscription = await store.subscriptions.get(READER)
        assert first_draft is not None
        assert "drones" in first_draft.topics
        assert subscription is not None
        assert subscription.filters["topic"] == ("drones",)

        assert await ask(tg, ADMIN, "/restoretopic drones") == texts.RESTORETOPIC_DONE.format(
            label="پهپاد و فناوری هوایی", slug="drones"
        )
        topics, _ = await draft_topics(tg, store, DRONE_TEXT)
        assert "drones" in topics
        actions = [e.action for e in await store.audit.latest() if e.action.startswith("topic.")]
    assert actions == ["topic.restore", "topic.deactivate", "topic.create"]


async def test_topiclist_shows_every_topic_and_one_topics_keywords(tg: FakeTelegram, tmp_path: Path) -> None:
    """/topiclist (and /topics_admin) list slug, label, state and keyword count; /topiclist SLUG lists the keywords."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        rows = await topic_rows(app)
        listing = await say(tg, ADMIN, "/topiclist")
        alias = await say(tg, ADMIN, "/topics_admin")
        detail = await ask(tg, ADMIN, "/topiclist crisis")
        unknown = await ask(tg, ADMIN, "/topiclist weather")
    text = listing[0].text or ""
    assert listing[0].parse_mode == "HTML"
    assert text.startswith(texts.TOPICLIST_HEADER.format(active="۱۵", total="۱۵"))
    health = next(r for r in rows if r.slug == "health")
    count = len(health.keywords) + len(health.strong_keywords)
    assert f"🟢 <code>health</code> — سلامت و درمان — فعال — {fa(count)} کلیدواژه" in text
    assert all(f"<code>{r.slug}</code>" in text for r in rows)
    assert [m.text for m in alias] == [m.text for m in listing]
    assert detail.startswith("<b>حوادث و مدیریت بحران</b> (<code>crisis</code>) — فعال")
    assert "زلزله" in detail
    assert unknown == texts.TOPIC_UNKNOWN.format(slug="weather")


async def test_topic_edits_survive_a_restart(tg: FakeTelegram, tmp_path: Path) -> None:
    """Admins' topic edits are stored: after a restart the seed from topics.toml does not overwrite them."""
    settings = settings_for(tg, tmp_path)
    async with running_bot(settings):
        await ask(tg, ADMIN, ADD_DRONES)
        await ask(tg, ADMIN, "/renametopic health | سلامت و بهداشت")
        await ask(tg, ADMIN, "/topickeywords crisis | زلزله، سیل")
        await ask(tg, ADMIN, "/deltopic sports")
    async with running_bot(settings) as app:
        live = {t.slug: t for t in runtime(app).core.pipeline.topics}
        rows = {r.slug: r for r in await topic_rows(app)}
        [picker] = await say(tg, READER, "/topics")
    assert live["health"].label == "سلامت و بهداشت"
    assert live["health"].hashtag == "سلامت_و_بهداشت"
    assert (live["crisis"].keywords, live["crisis"].strong_keywords) == (("زلزله", "سیل"), ())
    assert "drones" in live
    assert "sports" not in live
    assert not rows["sports"].active
    assert list(live)[-1] == "drones"
    labels = picker_labels(picker)
    assert labels["health"] == "سلامت و بهداشت"
    assert labels["drones"] == "پهپاد و فناوری هوایی"
    assert "sports" not in labels


async def test_a_new_version_s_keywords_reach_a_deployment_except_where_an_admin_edited(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """A database from an older version holds the packaged keyword lists of its day. At start the packaged
    lists of this version replace them, except for topics whose keywords an admin edited (kept as they were),
    and except where a packaged keyword now belongs to another topic by an admin's edit (that topic keeps its
    old list, so no keyword scores for two topics)."""
    settings = settings_for(tg, tmp_path)
    packaged = {t.slug: t for t in load_topics()}
    async with running_bot(settings) as app:
        await ask(tg, ADMIN, "/topickeywords crisis | زلزله، سیل")
        store = runtime(app).storage
        # As an older version left them: shorter lists for three untouched topics; one of the health
        # topic's packaged keywords is now the admin's in «crisis».
        await store.topics.set_keywords("sports", ("فوتبال",), ())
        await store.topics.set_keywords("culture", ("کتابخانه",), ())
        await store.topics.set_keywords("health", ("بیمارستان",), ())
        await ask(tg, ADMIN, f"/topickeywords crisis | +{packaged['health'].keywords[-1]}")
    async with running_bot(settings) as app:
        rows = {r.slug: r for r in await topic_rows(app)}
        live = {t.slug: t for t in runtime(app).core.pipeline.topics}
    for slug in ("sports", "culture"):
        assert (rows[slug].keywords, rows[slug].strong_keywords) == (
            packaged[slug].keywords,
            packaged[slug].strong_keywords,
        )
        assert live[slug].keywords == packaged[slug].keywords
    assert rows["crisis"].keywords == ("زلزله", "سیل", packaged["health"].keywords[-1])  # the admin's list
    assert rows["health"].keywords == ("بیمارستان",)  # the packaged list would share a keyword with «crisis»


# -- pure helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "hashtag"),
    [
        ("فرهنگ و هنر", "فرهنگ_و_هنر"),
        ("ورزش", "ورزش"),
        ("روابط عمومی‌ها", "روابط_عمومی_ها"),
        ("آب، برق و گاز (۱۴۰۵)", "آب_برق_و_گاز"),
        ("۱۴۰۵", ""),
    ],
)
def test_hashtag_is_derived_from_the_label(label: str, hashtag: str) -> None:
    """Spaces and half-spaces become underscores and only letters stay, as in topics.toml."""
    assert derive_hashtag(label) == hashtag


def test_slug_and_label_rules() -> None:
    """Slugs are lower-case Latin letters and underscores (typed upper case is lowered); labels are Persian."""
    assert check_slug(" Water_Supply ") == "water_supply"
    for bad in ("w", "2water", "water-supply", "water2", "a" * 33):
        with pytest.raises(TaxonomyError):
            check_slug(bad)
    assert check_label("  آب   و فاضلاب ") == "آب و فاضلاب"
    for bad in ("", "Water", "۱۲۳", "آ" * 49):
        with pytest.raises(TaxonomyError):
            check_label(bad)


def test_keyword_lists_and_edits() -> None:
    """Persian or Latin commas separate keywords, * marks strong ones, duplicates fold together, +/- edit one."""
    parsed = parse_keywords("سد، «آب و فاضلاب», *سيل ; سد")
    assert parsed == KeywordSet(("سد", "آب و فاضلاب"), ("سيل",))
    current = KeywordSet(("سد", "آب و فاضلاب"), ("سیل",))
    edit = parse_keyword_edit("+کم‌آبی -آب و فاضلاب +*سد")
    assert apply_keyword_edit(current, edit, "water") == KeywordSet(("کم‌آبی",), ("سیل", "سد"))
    assert apply_keyword_edit(current, parse_keyword_edit("-سيل"), "water") == KeywordSet(("سد", "آب و فاضلاب"))
    assert parse_keyword_edit("باران، برف").replace == KeywordSet(("باران", "برف"))
    with pytest.raises(TaxonomyError):
        parse_keyword_edit("+باران، برف")


def test_long_replies_are_split_between_keywords() -> None:
    """A keyword list longer than one message is cut between keywords, never inside one."""
    text = "<b>سر</b>\n" + texts.LIST_SEPARATOR.join(f"کلیدواژه{i}" for i in range(600))
    parts = split_message(text, limit=1000)
    assert len(parts) > 1
    assert all(len(part) <= 1000 for part in parts)
    assert parts[0].startswith("<b>سر</b>")
    words = [w for part in parts for w in part.removeprefix("<b>سر</b>\n").split(texts.LIST_SEPARATOR)]
    assert words == [f"کلیدواژه{i}" for i in range(600)]
