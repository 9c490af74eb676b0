"""The audience of a release follows every change to subscriptions, although compiled filters are reused."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.delivery import service
from bot.domain.tagging import load_topics
from bot.domain.text import fold
from storage import Storage
from storage.db import utcnow
from storage.releases import NewRelease
from storage.topics import TopicRow

TEHRAN = ZoneInfo("Asia/Tehran")


async def _release(store: Storage) -> int:
    await store.topics.seed(
        TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
        for i, t in enumerate(load_topics())
    )
    org = await store.organizations.create("فرمانداری ایوان", fold("فرمانداری ایوان"), None, created_by=1)
    draft = await store.releases.create_draft(
        NewRelease(
            org.id,
            1,
            "جشنواره",
            "جشنواره",
            "جشنواره فرهنگی ایوان",
            fold("جشنواره فرهنگی ایوان"),
            ("culture",),
            "eyvan",
            None,
        )
    )
    return draft.id


async def _chats(store: Storage, release_id: int) -> tuple[list[int], list[int]]:
    async with store.db.transaction() as tx:
        release = await store.releases.get(release_id, tx=tx)
        assert release is not None
        who = await service.audience(store, release, utcnow(), TEHRAN, tx=tx)
    return [t.chat_id for t in who.instant], who.digest


async def test_audience_sees_each_change_to_filters_state_and_digests(tmp_path: Path) -> None:
    """Filters, pauses, digests, new and removed subscriptions, and a rolled-back change are all seen."""
    store = await Storage.open(tmp_path / "bot.db")
    try:
        release_id = await _release(store)
        for chat_id in (11, 12):
            await store.subscriptions.upsert_chat(chat_id, "private")
        first = await store.subscriptions.subscribe(11)
        assert await _chats(store, release_id) == ([11], [])
        second = await store.subscriptions.subscribe(12)
        assert await _chats(store, release_id) == ([11, 12], [])
        await store.subscriptions.set_filter(first.id, "topic", ["sports"])
        assert await _chats(store, release_id) == ([12], [])
        await store.subscriptions.set_filter(first.id, "include", ["جشنواره"])
        await store.subscriptions.set_filter(first.id, "topic", [])
        assert await _chats(store, release_id) == ([11, 12], [])
        await store.subscriptions.set_filter(second.id, "exclude", ["فرهنگی"])
        assert await _chats(store, release_id) == ([11], [])
        await store.subscriptions.set_state(first.id, "paused")
        assert await _chats(store, release_id) == ([], [])
        await store.subscriptions.set_state(first.id, "active")
        await store.subscriptions.set_digest(first.id, "08:00")
        assert await _chats(store, release_id) == ([], [first.id])
        try:
            async with store.db.transaction() as tx:
                await store.subscriptions.set_filter(second.id, "exclude", [], tx=tx)
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
        assert await _chats(store, release_id) == ([], [first.id])
        await store.subscriptions.remove(first.id)
        assert await _chats(store, release_id) == ([], [])
    finally:
        await store.close()
