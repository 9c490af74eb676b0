"""The delivery engine against the fake Bot API server: pacing, every error class, edits, deletions.

Each test writes real releases and subscriptions into a real SQLite file, publishes through the
service the officer desk uses, runs the real dispatcher with a real PTB Bot, and checks both what
the fake Telegram received and what the outbox recorded.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.delivery import service
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer
from bot.domain.render import MessagePart, ReleaseView, render_release
from bot.domain.text import fold
from bot.telegram.http import bot_api_request
from fakegram import TELEGRAM, FakeTelegram
from fakegram.drivers import buttons
from storage import Storage
from storage.outbox import Progress
from storage.releases import Attachment, NewRelease
from tests.harness import running_bot, runtime, settings_for

TEHRAN = ZoneInfo("Asia/Tehran")
# The delivery engine's tests are about Telegram's limits: the server (``tg``) and the pacer keep the real ones.
pytestmark = pytest.mark.real_limits
PRIVATE = [10_000 + i for i in range(12)]
GROUPS = [-1_000_000 - i for i in range(4)]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Storage]:
    """A migrated database with one organization and the topics the tests use."""
    storage = await Storage.open(tmp_path / "bot.db")
    async with storage.db.transaction() as tx:
        for slug in ("health", "sports", "crisis"):
            await tx.execute("INSERT INTO topics (slug, label, hashtag) VALUES (?, ?, ?)", (slug, slug, slug))
    await storage.organizations.create("دانشگاه علوم پزشکی ایلام", fold("دانشگاه علوم پزشکی ایلام"), None, created_by=1)
    yield storage
    await storage.close()


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    """A real PTB Bot talking to the fake server, with a short read timeout for the timeout tests."""
    request = bot_api_request(
        proxy=None, connection_pool_size=16, read_timeout=1.0, connect_timeout=1.0, pool_timeout=5.0
    )
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url, request=request) as instance:
        yield instance


async def subscribe(store: Storage, chat_ids: Sequence[int], *, topics: Sequence[str] = ()) -> None:
    """Subscribe chats (negative ids are supergroups) with an optional topic filter."""
    for chat_id in chat_ids:
        await store.subscriptions.upsert_chat(chat_id, "supergroup" if chat_id < 0 else "private")
        sub = await store.subscriptions.subscribe(chat_id)
        if topics:
            await store.subscriptions.set_filter(sub.id, "topic", topics)


async def publish(
    store: Storage,
    *,
    body: str = "متن خبر درباره واکسیناسیون.",
    topics: tuple[str, ...] = ("health",),
    attachments: tuple[Attachment, ...] = (),
    media_kind: str = "none",
) -> tuple[int, list[MessagePart]]:
    """Create, render and publish a release; return its id and parts."""
    draft = await store.releases.create_draft(
        NewRelease(
            organization_id=1,
            author_id=77,
            raw_text=body,
            title="آغاز واکسیناسیون",
            body=body,
            search_text=fold(body),
            topics=topics,
            county=None,
            fingerprint=None,
            media_kind=media_kind,
            attachments=attachments,
        )
    )
    parts = render(draft.id, body, media_kind=media_kind)
    await service.publish(store, draft.id, parts)
    return draft.id, parts


def render(release_id: int, body: str, *, media_kind: str = "none", version: int = 1) -> list[MessagePart]:
    """The release's parts as journalists would get them."""
    return render_release(
        ReleaseView(
            release_id=release_id,
            title="آغاز واکسیناسیون",
            body=body,
            org_name="دانشگاه علوم پزشکی ایلام",
            county_name=None,
            topic_hashtags=("سلامت",),
            county_hashtag=None,
            published_at=datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
            media_kind=media_kind,  # type: ignore[arg-type]
            version=version,
        ),
        TEHRAN,
    )


def release_buttons(organization_id: int, release_id: int) -> InlineKeyboardMarkup:
    """The bot's buttons under a release in a private chat (``bot.telegram.views.questions.release_buttons``)."""
    data = f"qa:{organization_id}:{release_id}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(texts.BUTTON_ASK_AGENCY, callback_data=data)]])


def make_dispatcher(store: Storage, bot: Bot, *, rate: float | None = 50, **kw: object) -> Dispatcher:
    """A dispatcher with fast retries for tests."""
    options: dict[str, object] = {"backoff_base": 0.05, "backoff_cap": 0.2, "idle_poll": 0.1}
    options.update(kw)
    return Dispatcher(store, bot, Pacer(rate, limits=TELEGRAM), **options)  # type: ignore[arg-type]


async def drain(dispatcher: Dispatcher, store: Storage, limit: float = 30) -> None:
    """Run the dispatcher until the outbox is empty (polling the database), then stop it."""
    dispatcher.start()
    try:
        async with asyncio.timeout(limit):
            while await store.outbox.backlog():  # noqa: ASYNC110 - the condition lives in the database
                await asyncio.sleep(0.05)
    finally:
        await dispatcher.stop()


async def statuses(store: Storage, chat_id: int) -> list[tuple[str, str | None]]:
    """(status, last error) of a chat's deliveries."""
    return [(status, error) for _, status, error in await store.outbox.deliveries_for_chat(chat_id)]


def sends(tg: FakeTelegram) -> list[float]:
    """Arrival times of every successful message the bot sent."""
    return sorted(m.at for m in tg.messages)


async def test_broadcast_reaches_exactly_the_matching_chats(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """Every chat whose filter matches gets the release once, the others nothing, with ids recorded."""
    await subscribe(store, PRIVATE[:8] + GROUPS[:2], topics=["health"])
    await subscribe(store, PRIVATE[8:], topics=["sports"])
    release_id, parts = await publish(store)
    await drain(make_dispatcher(store, bot), store)

    for chat_id in PRIVATE[:8] + GROUPS[:2]:
        received = tg.messages_to(chat_id)
        assert [m.text for m in received] == [parts[0].html]
        assert await statuses(store, chat_id) == [("sent", None)]
    for chat_id in PRIVATE[8:]:
        assert tg.messages_to(chat_id) == []
    delivered = await store.outbox.delivered_parts(release_id)
    assert {(p.chat_id, p.message_ids) for p in delivered} == {
        (c, (tg.messages_to(c)[0].message_id,)) for c in PRIVATE[:8] + GROUPS[:2]
    }
    assert sum(tg.violations.values()) == 0


async def test_long_release_arrives_in_order_a_second_apart(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A multi-part release reaches each chat part by part, in order, never two within a second."""
    await subscribe(store, PRIVATE[:3])
    body = "\n\n".join(f"بند {i}: " + "خبر مفصل درباره طرح‌های عمرانی استان. " * 20 for i in range(12))
    _, parts = await publish(store, body=body)
    assert len(parts) >= 3
    await drain(make_dispatcher(store, bot), store)

    for chat_id in PRIVATE[:3]:
        received = tg.messages_to(chat_id)
        assert [m.text for m in received] == [p.html for p in parts]
        gaps = [b.at - a.at for a, b in itertools.pairwise(received)]
        assert min(gaps) >= 1.0
    assert sum(tg.violations.values()) == 0


async def test_overall_rate_is_never_exceeded(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """With BROADCAST_RATE=10 no second holds more than ten sends, and Telegram's limits see no violation.

    The rate is our promise, so it is checked where the sends leave; arrival times at the server add
    the scheduling jitter of a loaded machine, which Telegram's own (higher) limit absorbs.
    """
    chats = [20_000 + i for i in range(35)]
    await subscribe(store, chats)
    await publish(store)
    dispatcher = make_dispatcher(store, bot, rate=10)
    started = asyncio.get_running_loop().time()
    await drain(dispatcher, store)
    elapsed = asyncio.get_running_loop().time() - started

    left = sorted(dispatcher.pacer.send_log)
    assert len(left) == 35
    busiest = max(sum(1 for t in left if start <= t < start + 1.0) for start in left)
    assert busiest <= 10
    assert elapsed >= 3.3  # 35 messages at 10 per second cannot take less
    assert len(sends(tg)) == 35
    assert sum(tg.violations.values()) == 0


async def test_retry_after_in_a_private_chat_pauses_everything_exactly(
    tg: FakeTelegram, bot: Bot, store: Storage
) -> None:
    """A 429 on a private chat stops every send for exactly retry_after seconds, then all arrive."""
    await subscribe(store, PRIVATE[:6])
    tg.fail("retry_after", chat_ids=PRIVATE[0], methods="sendMessage", retry_after=2)
    await publish(store)
    await drain(make_dispatcher(store, bot, rate=20), store)

    refused = next(c for c in tg.calls_to("sendMessage") if c.status == 429)
    later = [c.at for c in tg.calls_to("sendMessage") if c.at > refused.at]
    assert later
    assert min(later) - refused.at >= 2.0
    for chat_id in PRIVATE[:6]:
        assert len(tg.messages_to(chat_id)) == 1
        assert await statuses(store, chat_id) == [("sent", None)]


async def test_retry_after_in_a_group_pauses_only_that_group(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A 429 on a group holds back that group for the time asked while other chats go on."""
    chats = PRIVATE[:10] + GROUPS[:1]
    await subscribe(store, GROUPS[:1])
    await subscribe(store, PRIVATE[:10])
    tg.fail("retry_after", chat_ids=GROUPS[0], retry_after=2)
    await publish(store)
    await drain(make_dispatcher(store, bot, rate=10), store)

    refused = next(c for c in tg.calls if c.status == 429)
    during_pause = [m for m in tg.messages if refused.at < m.at < refused.at + 2.0]
    assert during_pause, "other chats should keep receiving during a group's pause"
    assert tg.messages_to(GROUPS[0])[0].at - refused.at >= 2.0
    assert all(len(tg.messages_to(c)) == 1 for c in chats)


@pytest.mark.parametrize(
    ("arrange", "reason"),
    [
        (lambda tg, chat: tg.block(chat), "blocked"),
        (lambda tg, chat: tg.not_found(chat), "not found"),
        (
            lambda tg, chat: tg.fail(
                "forbidden", chat_ids=chat, description="Forbidden: bot was kicked from the group chat"
            ),
            "kicked",
        ),
    ],
)
async def test_unreachable_chat_is_deactivated_with_the_reason(
    tg: FakeTelegram, bot: Bot, store: Storage, arrange: Callable[[FakeTelegram, int], object], reason: str
) -> None:
    """Forbidden and "chat not found" deactivate the chat, fail its waiting deliveries, and spare the rest."""
    target, others = PRIVATE[0], PRIVATE[1:4]
    await subscribe(store, [target, *others])
    arrange(tg, target)
    await publish(store)
    await publish(store, body="خبر دوم درباره واکسن.")
    await drain(make_dispatcher(store, bot), store)

    subscription = await store.subscriptions.get(target)
    assert subscription is not None
    assert subscription.state == "deactivated"
    assert reason in (subscription.deactivated_reason or "").lower()
    assert [s for s, _ in await statuses(store, target)] == ["failed", "failed"]
    assert tg.messages_to(target) == []
    for chat_id in others:
        assert len(tg.messages_to(chat_id)) == 2


async def test_group_upgraded_to_supergroup_moves_and_receives(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """migrate_to_chat_id moves the chat and its filters to the new id and the release arrives there."""
    old, new = -4242, -1004242
    await store.subscriptions.upsert_chat(old, "group", title="خبرنگاران")
    sub = await store.subscriptions.subscribe(old)
    await store.subscriptions.set_filter(sub.id, "topic", ["health"])
    tg.migrate(old, new)
    await publish(store)
    await drain(make_dispatcher(store, bot), store)

    assert len(tg.messages_to(new)) == 1
    assert await store.subscriptions.get(old) is None
    moved = await store.subscriptions.get(new)
    assert moved is not None
    assert moved.filters == {"topic": ("health",)}
    assert moved.chat_type == "supergroup"
    assert await statuses(store, new) == [("sent", None)]


@pytest.mark.parametrize(
    ("kind", "params"),
    [
        ("server_error", {"status": 500}),
        ("server_error", {"status": 502}),
        ("timeout", {"seconds": 2.0}),
        ("disconnect", {}),
    ],
)
async def test_transient_errors_are_retried_until_sent(
    tg: FakeTelegram, bot: Bot, store: Storage, kind: str, params: dict[str, object]
) -> None:
    """5xx, timeouts and dropped connections are retried with backoff and the message arrives once."""
    await subscribe(store, PRIVATE[:2])
    tg.fail(kind, chat_ids=PRIVATE[0], methods="sendMessage", times=2, **params)
    await publish(store)
    await drain(make_dispatcher(store, bot), store)

    assert len(tg.messages_to(PRIVATE[0])) == 1
    assert [s for s, _ in await statuses(store, PRIVATE[0])] == ["sent"]
    assert len(tg.messages_to(PRIVATE[1])) == 1


async def test_transient_errors_give_up_after_the_limit(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A chat that keeps answering 5xx fails after max_attempts with the reason, and stays subscribed."""
    await subscribe(store, PRIVATE[:2])
    tg.fail("server_error", chat_ids=PRIVATE[0], times=None, status=502)
    await publish(store)
    await drain(make_dispatcher(store, bot, max_attempts=3), store)

    [(status, error)] = await statuses(store, PRIVATE[0])
    assert status == "failed"
    assert error is not None
    assert "bad gateway" in error.lower()
    assert "3 attempts" in error
    assert len([c for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == PRIVATE[0]]) == 3
    subscription = await store.subscriptions.get(PRIVATE[0])
    assert subscription is not None
    assert subscription.state == "active"


async def test_other_bad_requests_fail_at_once(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A 400 that no retry can fix fails on the first attempt with Telegram's reason."""
    await subscribe(store, PRIVATE[:1])
    tg.fail("bad_request", chat_ids=PRIVATE[0], description="Bad Request: TOPIC_CLOSED")
    await publish(store)
    await drain(make_dispatcher(store, bot), store)

    assert await statuses(store, PRIVATE[0]) == [("failed", "Topic_closed")]
    assert len(tg.calls_to("sendMessage")) == 1


async def test_in_flight_work_resumes_at_the_next_part(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A delivery a crash left in flight after its first part resumes with the second, not the first."""
    await subscribe(store, PRIVATE[:1])
    body = "\n\n".join("بخش مفصل خبر درباره طرح‌ها. " * 25 for _ in range(8))
    release_id, parts = await publish(store, body=body)
    assert len(parts) >= 2
    async with store.db.transaction() as tx:
        await tx.execute("UPDATE deliveries SET status = 'in_flight'")
        await tx.execute("UPDATE delivery_parts SET status = 'sent', message_ids = '[999]' WHERE position = 0")
    await drain(make_dispatcher(store, bot), store)

    assert [m.text for m in tg.messages_to(PRIVATE[0])] == [p.html for p in parts[1:]]
    assert await statuses(store, PRIVATE[0]) == [("sent", None)]
    assert release_id


async def test_media_release_sends_photo_then_text(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A photo release whose text does not fit a caption sends the photo with a short caption, then the text."""
    await subscribe(store, PRIVATE[:1])
    photo = tg.message(1, 1, photo=True)["message"]["photo"][-1]
    body = "\n\n".join("گزارش تصویری از افتتاح طرح‌ها در شهرستان‌ها. " * 6 for _ in range(4))
    _, parts = await publish(
        store,
        body=body,
        media_kind="photo",
        attachments=(Attachment("photo", photo["file_id"], photo["file_unique_id"]),),
    )
    assert parts[0].kind == "photo"
    await drain(make_dispatcher(store, bot), store)

    received = tg.messages_to(PRIVATE[0])
    assert received[0].kind == "photo"
    assert received[0].file_id == photo["file_id"]
    assert [m.text for m in received] == [p.html for p in parts]


async def test_album_release_sends_one_media_group(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """An album goes out as one media group carrying the caption on its first item."""
    await subscribe(store, PRIVATE[:1])
    files = [tg.message(1, 1, photo=True)["message"]["photo"][-1] for _ in range(3)]
    _, parts = await publish(
        store,
        media_kind="album",
        attachments=tuple(Attachment("photo", f["file_id"]) for f in files),
    )
    await drain(make_dispatcher(store, bot), store)

    received = tg.messages_to(PRIVATE[0])
    assert len(received) == 3
    assert len({m.media_group_id for m in received}) == 1
    assert received[0].text == parts[0].html
    delivered = await store.outbox.delivered_parts(_release_of(parts))
    assert len(delivered[0].message_ids) == 3


def _release_of(parts: list[MessagePart]) -> int:
    # Release ids start at 1 in each fresh database; the album test publishes exactly one release.
    assert parts
    return 1


async def test_correction_edits_every_delivered_copy(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A correction edits each copy in place; where the edit is refused a notice replies to the original."""
    await subscribe(store, PRIVATE[:4])
    release_id, _ = await publish(store)
    await drain(make_dispatcher(store, bot), store)
    frozen = tg.messages_to(PRIVATE[3])[0]
    tg.set_editable(PRIVATE[3], frozen.message_id, editable=False)

    corrected_body = "متن اصلاح‌شده درباره واکسیناسیون رایگان."
    version = await store.releases.add_version(
        release_id,
        raw_text=corrected_body,
        title="آغاز واکسیناسیون",
        body=corrected_body,
        search_text=fold(corrected_body),
        author_id=77,
        fingerprint=None,
    )
    new_parts = render(release_id, corrected_body, version=version)
    written = await service.correct(store, release_id, version, new_parts, "✏️ این خبر اصلاح شد.")
    assert written.deliveries == 4
    await drain(make_dispatcher(store, bot), store)

    for chat_id in PRIVATE[:3]:
        [message] = tg.messages_to(chat_id)
        assert message.text == new_parts[0].html
        assert len(message.edits) == 1
    notices = tg.messages_to(PRIVATE[3])
    assert [m.text for m in notices] == [frozen.text, "✏️ این خبر اصلاح شد."]
    assert notices[1].reply_to_message_id == frozen.message_id


async def test_release_buttons_go_under_the_last_part_in_private_chats_only(
    tg: FakeTelegram, bot: Bot, store: Storage
) -> None:
    """«❓ پرسش از این دستگاه» goes under a release's last message in private chats, never in groups; a
    correction's edits keep it (an edit without buttons would take them off)."""
    await subscribe(store, PRIVATE[:2] + GROUPS[:1])
    body = "\n\n".join(f"بند {i}: " + "خبر مفصل درباره طرح‌های عمرانی استان. " * 20 for i in range(8))
    release_id, parts = await publish(store, body=body)
    assert len(parts) >= 2
    await drain(make_dispatcher(store, bot, release_buttons=release_buttons), store)
    ask = {"inline_keyboard": [[{"text": texts.BUTTON_ASK_AGENCY, "callback_data": f"qa:1:{release_id}"}]]}
    for chat_id in PRIVATE[:2]:
        received = tg.messages_to(chat_id)
        assert [m.reply_markup for m in received] == [None] * (len(parts) - 1) + [ask]
    assert all(m.reply_markup is None for m in tg.messages_to(GROUPS[0]))

    corrected = body.replace("خبر مفصل", "متن مفصل")  # every part changes, and keeps its length
    version = await store.releases.add_version(
        release_id,
        raw_text=corrected,
        title="آغاز واکسیناسیون",
        body=corrected,
        search_text=fold(corrected),
        author_id=77,
        fingerprint=None,
    )
    new_parts = render(release_id, corrected, version=version)
    assert len(new_parts) == len(parts)
    await service.correct(store, release_id, version, new_parts, "✏️ این خبر اصلاح شد.")
    await drain(make_dispatcher(store, bot, release_buttons=release_buttons), store)
    for chat_id in PRIVATE[:2]:
        received = tg.messages_to(chat_id)
        assert [m.text for m in received] == [p.html for p in new_parts]
        assert received[-1].edits, "the last part was edited"
        assert received[-1].reply_markup == ask
    assert all(m.reply_markup is None for m in tg.messages_to(GROUPS[0]))


async def test_a_media_release_carries_its_button_on_the_file(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A photo release in one message: the photo itself carries the button in a private chat."""
    await subscribe(store, PRIVATE[:1])
    photo = tg.message(1, 1, photo=True)["message"]["photo"][-1]
    attachment = Attachment("photo", photo["file_id"], photo["file_unique_id"])
    release_id, _ = await publish(store, attachments=(attachment,), media_kind="photo")
    await drain(make_dispatcher(store, bot, release_buttons=release_buttons), store)
    [received] = tg.messages_to(PRIVATE[0])
    assert received.kind == "photo"
    assert buttons(received) == {f"qa:1:{release_id}": texts.BUTTON_ASK_AGENCY}


async def test_retraction_deletes_every_delivered_copy(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A retraction deletes each copy; where deletion is refused a notice replies instead; search forgets it."""
    await subscribe(store, PRIVATE[:3])
    release_id, _ = await publish(store)
    await drain(make_dispatcher(store, bot), store)
    kept = tg.messages_to(PRIVATE[2])[0]
    tg.set_deletable(PRIVATE[2], kept.message_id, deletable=False)

    await service.retract(store, release_id, "اشتباه در آمار", "⛔️ این خبر پس گرفته شد.")
    await drain(make_dispatcher(store, bot), store)

    for chat_id in PRIVATE[:2]:
        assert all(m.deleted for m in tg.messages_to(chat_id))
    notice = tg.messages_to(PRIVATE[2])[-1]
    assert notice.text == "⛔️ این خبر پس گرفته شد."
    assert notice.reply_to_message_id == kept.message_id
    assert (await store.releases.search(fold("واکسیناسیون"))).total == 0


async def test_retraction_stops_deliveries_not_yet_sent(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """Deliveries still waiting when a release is retracted are cancelled and never sent."""
    await subscribe(store, PRIVATE[:5])
    release_id, _ = await publish(store)
    await service.retract(store, release_id, None, "پس گرفته شد.")
    await drain(make_dispatcher(store, bot), store)

    assert tg.messages == []
    progress = await store.outbox.progress(release_id)
    assert progress.cancelled == 5
    assert progress.pending == 0


async def test_progress_reports_reach_the_final_state(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """The progress hook is called as delivery advances and last with the final counts and reasons."""
    await subscribe(store, PRIVATE[:6])
    tg.block(PRIVATE[5])
    reports: list[Progress] = []

    async def hook(progress: Progress) -> None:
        reports.append(progress)

    release_id, _ = await publish(store)
    await drain(make_dispatcher(store, bot, rate=10, on_progress=hook, progress_interval=0.2), store)

    assert reports
    final = reports[-1]
    assert final.release_id == release_id
    assert final.done
    assert (final.sent, final.failed, final.deactivated_chats) == (5, 1, 1)
    assert final.failed_reasons == {"Forbidden: bot was blocked by the user": 1}
    assert len(reports) <= 1 + 6  # throttled: at most one report per interval plus the final one


async def test_a_later_release_is_not_held_back_by_a_large_one(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A small release published after a large one is delivered alongside it, not after all of it."""
    large = [30_000 + i for i in range(40)]
    small = [40_000 + i for i in range(4)]
    await subscribe(store, large, topics=["health"])
    await subscribe(store, small, topics=["sports"])
    await publish(store, topics=("health",))
    await publish(store, body="مسابقات ورزشی استان.", topics=("sports",))
    await drain(make_dispatcher(store, bot, rate=20), store)

    order = [m.chat_id for m in sorted(tg.messages, key=lambda m: m.at)]
    last_small = max(order.index(c) for c in small)
    assert last_small < 2 * len(small) + 2  # interleaved: the small release does not wait for the 40


async def test_interactive_reply_is_not_delayed_by_a_broadcast(tg: FakeTelegram, tmp_path: Path) -> None:
    """While the app broadcasts to 60 chats at 10 per second, /start is answered within a second."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="10")) as app:
        store = runtime(app).storage
        await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=1)
        await subscribe(store, [50_000 + i for i in range(60)])
        await publish(store)
        runtime(app).dispatcher.wake()
        await tg.wait_for(lambda s: len(s.messages) >= 10, timeout=10)
        latencies = []
        for _ in range(3):
            asked = tg.send_text(7, 7, "/start")
            assert asked
            before = len(tg.messages_to(7))
            started = asyncio.get_running_loop().time()
            await tg.wait_for(lambda s, n=before: len(s.messages_to(7)) > n, timeout=5)
            latencies.append(asyncio.get_running_loop().time() - started)
            await asyncio.sleep(1.1)
        assert await runtime(app).storage.outbox.backlog() > 0, "the broadcast should still be running"
    assert max(latencies) < 1.0
    assert sum(tg.violations.values()) == 0


async def test_dispatcher_restarts_itself_after_a_crash(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """An unexpected error inside the loop is logged, the loop restarts, and every delivery still arrives."""
    await subscribe(store, PRIVATE[:3])
    await publish(store)
    # A real failure from SQLite on this connection: claiming deliveries aborts while the switch is on.
    async with store.db.transaction() as tx:
        await tx.execute("CREATE TEMP TABLE crash_switch (armed INTEGER)")
        await tx.execute("INSERT INTO crash_switch VALUES (1)")
        await tx.execute(
            "CREATE TEMP TRIGGER crash_on_claim BEFORE UPDATE OF status ON deliveries"
            " WHEN new.status = 'in_flight' AND (SELECT armed FROM crash_switch) = 1"
            " BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"
        )
    dispatcher = make_dispatcher(store, bot)
    dispatcher.start()
    try:
        async with asyncio.timeout(10):
            while dispatcher.crashes == 0:  # noqa: ASYNC110 - waiting on the dispatcher's own counter
                await asyncio.sleep(0.02)
        async with store.db.transaction() as tx:
            await tx.execute("UPDATE crash_switch SET armed = 0")
        async with asyncio.timeout(15):
            while await store.outbox.backlog():  # noqa: ASYNC110 - the condition lives in the database
                await asyncio.sleep(0.05)
    finally:
        await dispatcher.stop()
    assert dispatcher.crashes >= 1
    for chat_id in PRIVATE[:3]:
        assert len(tg.messages_to(chat_id)) == 1


async def test_paid_broadcast_is_flagged(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """With PAID_BROADCAST on every broadcast message carries allow_paid_broadcast."""
    await subscribe(store, PRIVATE[:2])
    await publish(store)
    await drain(make_dispatcher(store, bot, rate=500, paid_broadcast=True), store)
    assert [m.allow_paid_broadcast for m in tg.messages] == [True, True]


async def test_silent_delivery_disables_notification(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """A delivery marked silent (quiet hours) arrives without a notification, in its forum topic."""
    await store.subscriptions.upsert_chat(-100777, "supergroup", is_forum=True)
    await store.subscriptions.subscribe(-100777, thread_id=12)
    tg.add_chat(-100777, "supergroup", title="انجمن خبرنگاران", is_forum=True)
    release_id, parts = await publish(store)
    async with store.db.transaction() as tx:
        await tx.execute("UPDATE deliveries SET silent = 1 WHERE release_id = ?", (release_id,))
    await drain(make_dispatcher(store, bot), store)
    [message] = tg.messages_to(-100777)
    assert message.disable_notification
    assert message.message_thread_id == 12
    assert message.text == parts[0].html


async def test_retraction_during_sending_deletes_the_copies_in_flight(
    tg: FakeTelegram, bot: Bot, store: Storage
) -> None:
    """A release retracted while copies are in flight still has each of those copies deleted once it lands."""
    await subscribe(store, PRIVATE[:6])
    tg.set_latency(0.6, 0.0)  # under the test Bot's one-second read timeout: slow, not failing
    release_id, _ = await publish(store)
    dispatcher = make_dispatcher(store, bot, rate=5)  # one send every 0.2 s: most are still waiting
    dispatcher.start()
    try:
        async with asyncio.timeout(10):
            while dispatcher.in_flight == 0:  # noqa: ASYNC110 - waiting for requests that take 0.6 s
                await asyncio.sleep(0.01)
        await service.retract(store, release_id, None, "پس گرفته شد.")
        async with asyncio.timeout(20):
            while await store.outbox.backlog():  # noqa: ASYNC110 - the condition lives in the database
                await asyncio.sleep(0.05)
    finally:
        await dispatcher.stop()
    delivered = [m for m in tg.messages if m.method == "sendMessage" and m.text != "پس گرفته شد."]
    assert delivered, "some copies were in flight when the release was retracted"
    assert all(m.deleted for m in delivered)
    assert len(delivered) < 6  # the ones still waiting were never sent


async def test_an_idle_dispatcher_forgets_the_chats_it_paced(tg: FakeTelegram, bot: Bot, store: Storage) -> None:
    """Once a broadcast is over and the chats' intervals have passed, the pacer keeps no state for them."""
    await subscribe(store, PRIVATE[:6], topics=["health"])
    await publish(store)
    dispatcher = make_dispatcher(store, bot)
    dispatcher.start()
    try:
        async with asyncio.timeout(30):
            while await store.outbox.backlog():  # noqa: ASYNC110 - the condition lives in the database
                await asyncio.sleep(0.05)
        assert dispatcher.pacer.remembered_chats == 6
        async with asyncio.timeout(10):
            while dispatcher.pacer.remembered_chats:  # noqa: ASYNC110 - the idle loop forgets on its own
                await asyncio.sleep(0.1)
    finally:
        await dispatcher.stop()
    assert len(tg.messages) == 6
