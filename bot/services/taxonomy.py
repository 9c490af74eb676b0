"""The topic taxonomy as admins edit it: checked, stored, audited, and live at once.

Every change goes through :class:`Taxonomy`: the typed pieces are checked by :mod:`bot.domain.taxonomy`,
the topic row and an audit entry are written in one transaction, and the pipeline is rebuilt from the
stored active topics and put in ``core.pipeline``. The desk and the readers read that attribute on
every use, so the next draft is tagged, and the next picker drawn, with the edited taxonomy.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from bot import texts
from bot.domain.tagging import Topic
from bot.domain.taxonomy import (
    KeywordSet,
    TaxonomyError,
    apply_keyword_edit,
    check_label,
    check_slug,
    conflict_error,
    derive_hashtag,
    find_conflict,
    parse_keyword_edit,
    parse_keywords,
)
from bot.domain.text import fold
from bot.services.core import Core
from storage import Storage
from storage.topics import TopicRow

log = logging.getLogger(__name__)


def topic_of(row: TopicRow) -> Topic:
    """The tagging view of a stored topic."""
    return Topic(row.slug, row.label, row.hashtag, row.keywords, row.strong_keywords)


# Audit actions after which a topic's keywords are an admin's, not the packaged ones.
_KEYWORDS_EDITED = ("topic.create", "topic.keywords")


async def seed_packaged(storage: Storage, packaged: Sequence[Topic]) -> tuple[int, int]:
    """Store the packaged topics (``bot/data/topics.toml``), as start-up and a restore do.

    A topic not stored yet is added. A stored one whose keywords no admin has edited (no ``topic.create``
    or ``topic.keywords`` entry in the audit log) takes the packaged keywords, so that a new version's
    lists reach a running deployment; labels, positions, deactivations and every admin's keywords are
    kept. A packaged list that would give a keyword to two topics (an admin gave it to another one) is
    not applied, and that is logged. Returns how many topics were added and how many were refreshed.
    """
    async with storage.db.transaction() as tx:
        added = await storage.topics.seed(
            (
                TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
                for i, t in enumerate(packaged)
            ),
            tx=tx,
        )
        edited = await storage.audit.subjects_of(_KEYWORDS_EDITED, "topic", tx=tx)
        stored = {row.slug: row for row in await storage.topics.list(include_inactive=True, tx=tx)}
        refreshed = 0
        for topic in packaged:
            row = stored.get(topic.slug)
            if row is None or topic.slug in edited:
                continue
            if (row.keywords, row.strong_keywords) == (topic.keywords, topic.strong_keywords):
                continue
            others = [topic_of(other) for slug, other in stored.items() if slug != topic.slug]
            conflict = find_conflict(KeywordSet(topic.keywords, topic.strong_keywords), others)
            if conflict is not None:
                log.warning(
                    "packaged keywords not applied slug=%s keyword=%s owner=%s",
                    topic.slug,
                    conflict[0],
                    conflict[1].slug,
                )
                continue
            await storage.topics.set_keywords(topic.slug, topic.keywords, topic.strong_keywords, tx=tx)
            stored[topic.slug] = dataclasses.replace(
                row, keywords=topic.keywords, strong_keywords=topic.strong_keywords
            )
            refreshed += 1
    if refreshed:
        log.info("packaged topic keywords applied topics=%d", refreshed)
    return added, refreshed


async def live_topics(storage: Storage) -> list[Topic]:
    """The active topics in display order: what the pipeline tags with and pickers offer."""
    return [topic_of(row) for row in await storage.topics.list()]


@dataclass(frozen=True, slots=True)
class KeywordChange:
    """A topic after a keyword edit, and which keywords came and went."""

    topic: TopicRow
    added: tuple[str, ...]
    removed: tuple[str, ...]


class Taxonomy:
    """Adds, renames, re-keywords, deactivates and restores topics for admins."""

    def __init__(self, core: Core) -> None:
        self.core = core
        # One change at a time: each rebuilds the pipeline from storage after its commit, so the
        # pipeline left in place always matches the last committed taxonomy.
        self._lock = asyncio.Lock()

    @property
    def storage(self) -> Storage:
        """The services' storage."""
        return self.core.storage

    def _normalize(self, text: str) -> str:
        return self.core.pipeline.normalizer.normalize(text)

    # -- reading -----------------------------------------------------------------------------------

    async def all(self) -> list[TopicRow]:
        """Every topic, active or not, in display order."""
        return await self.storage.topics.list(include_inactive=True)

    async def get(self, slug: str) -> TopicRow:
        """One topic by its slug as typed; a Persian :class:`TaxonomyError` when there is none."""
        found = await self.storage.topics.get(slug.strip().lower())
        if found is None:
            raise TaxonomyError(texts.TOPIC_UNKNOWN.format(slug=slug.strip()))
        return found

    # -- changes -----------------------------------------------------------------------------------

    async def add(self, actor_id: int, slug: str, label: str, keywords: str) -> TopicRow:
        """Add an active topic at the end of the list."""
        slug = check_slug(slug)
        label = check_label(self._normalize(label))
        keyword_set = parse_keywords(keywords, self._normalize)
        async with self._lock:
            existing = await self.storage.topics.get(slug)
            if existing is not None:
                template = texts.TOPIC_EXISTS if existing.active else texts.TOPIC_EXISTS_INACTIVE
                raise TaxonomyError(template.format(slug=slug, label=existing.label))
            others = await self.storage.topics.list()
            self._check_label_free(label, slug, others)
            self._check_keywords_free(keyword_set, slug, others)
            hashtag = derive_hashtag(label)
            try:
                async with self.storage.db.transaction() as tx:
                    row = await self.storage.topics.create(
                        slug, label, hashtag, keyword_set.keywords, keyword_set.strong, tx=tx
                    )
                    await self.storage.audit.record(
                        actor_id,
                        "topic.create",
                        "topic",
                        slug,
                        {"label": label, "keywords": list(keyword_set.keywords), "strong": list(keyword_set.strong)},
                        tx=tx,
                    )
            except sqlite3.IntegrityError:  # the seed or another process added the slug meanwhile
                raise TaxonomyError(texts.TOPIC_EXISTS.format(slug=slug, label=label)) from None
            await self._refresh()
        log.info("topic added slug=%s by user_id=%d", slug, actor_id)
        return row

    async def rename(self, actor_id: int, slug: str, label: str) -> tuple[str, TopicRow]:
        """Give a topic a new label; its hashtag follows. Returns the old label and the topic."""
        label = check_label(self._normalize(label))
        async with self._lock:
            topic = await self.get(slug)
            if topic.label == label:
                raise TaxonomyError(texts.RENAMETOPIC_SAME.format(slug=topic.slug, label=label))
            self._check_label_free(label, topic.slug, await self.storage.topics.list())
            hashtag = derive_hashtag(label)
            async with self.storage.db.transaction() as tx:
                await self.storage.topics.rename(topic.slug, label, hashtag, tx=tx)
                await self.storage.audit.record(
                    actor_id, "topic.rename", "topic", topic.slug, {"from": topic.label, "to": label}, tx=tx
                )
            await self._refresh()
        log.info("topic renamed slug=%s by user_id=%d", topic.slug, actor_id)
        return topic.label, await self.get(topic.slug)

    async def edit_keywords(self, actor_id: int, slug: str, edit_text: str) -> KeywordChange:
        """Replace a topic's keywords, or add and remove single ones (see :func:`parse_keyword_edit`)."""
        edit = parse_keyword_edit(edit_text, self._normalize)
        async with self._lock:
            topic = await self.get(slug)
            current = KeywordSet(topic.keywords, topic.strong_keywords)
            updated = apply_keyword_edit(current, edit, topic.slug)
            if updated == current:
                raise TaxonomyError(texts.TOPICKEYWORDS_UNCHANGED.format(slug=topic.slug))
            self._check_keywords_free(updated, topic.slug, await self.storage.topics.list())
            added = tuple(kw for kw in updated.all() if kw not in current.all())
            removed = tuple(kw for kw in current.all() if kw not in updated.all())
            async with self.storage.db.transaction() as tx:
                await self.storage.topics.set_keywords(topic.slug, updated.keywords, updated.strong, tx=tx)
                await self.storage.audit.record(
                    actor_id,
                    "topic.keywords",
                    "topic",
                    topic.slug,
                    {"added": list(added), "removed": list(removed)},
                    tx=tx,
                )
            await self._refresh()
        log.info("topic keywords edited slug=%s by user_id=%d", topic.slug, actor_id)
        return KeywordChange(await self.get(topic.slug), added, removed)

    async def deactivate(self, actor_id: int, slug: str) -> TopicRow:
        """Stop suggesting and offering a topic; releases and filters that name it keep it."""
        async with self._lock:
            topic = await self.get(slug)
            if not topic.active:
                raise TaxonomyError(texts.TOPIC_ALREADY_INACTIVE.format(slug=topic.slug, label=topic.label))
            if [t.slug for t in await self.storage.topics.list()] == [topic.slug]:
                raise TaxonomyError(texts.TOPIC_LAST_ACTIVE.format(label=topic.label))
            await self._set_active(actor_id, topic, active=False)
        log.info("topic deactivated slug=%s by user_id=%d", topic.slug, actor_id)
        return topic

    async def restore(self, actor_id: int, slug: str) -> TopicRow:
        """Make a deactivated topic active again, if its label and keywords are still its own."""
        async with self._lock:
            topic = await self.get(slug)
            if topic.active:
                raise TaxonomyError(texts.TOPIC_ALREADY_ACTIVE.format(slug=topic.slug, label=topic.label))
            others = await self.storage.topics.list()
            self._check_label_free(topic.label, topic.slug, others)
            self._check_keywords_free(KeywordSet(topic.keywords, topic.strong_keywords), topic.slug, others)
            await self._set_active(actor_id, topic, active=True)
        log.info("topic restored slug=%s by user_id=%d", topic.slug, actor_id)
        return topic

    # -- helpers -----------------------------------------------------------------------------------

    async def _set_active(self, actor_id: int, topic: TopicRow, *, active: bool) -> None:
        async with self.storage.db.transaction() as tx:
            await self.storage.topics.set_active(topic.slug, active, tx=tx)
            action = "topic.restore" if active else "topic.deactivate"
            await self.storage.audit.record(actor_id, action, "topic", topic.slug, {"label": topic.label}, tx=tx)
        await self._refresh()

    async def _refresh(self) -> None:
        """Put a pipeline over the stored active topics in place; the next draft and picker use it."""
        topics = await live_topics(self.storage)
        self.core.pipeline = self.core.pipeline.with_topics(topics)
        log.info("taxonomy refreshed topics=%d", len(topics))

    @staticmethod
    def _check_label_free(label: str, slug: str, active: Sequence[TopicRow]) -> None:
        """Two active topics with one label could not be told apart in pickers or typed filters."""
        for other in active:
            if other.slug != slug and fold(other.label) == fold(label):
                raise TaxonomyError(texts.TOPIC_LABEL_TAKEN.format(slug=other.slug, label=other.label))

    @staticmethod
    def _check_keywords_free(keywords: KeywordSet, slug: str, active: Sequence[TopicRow]) -> None:
        conflict = find_conflict(keywords, (topic_of(t) for t in active if t.slug != slug))
        if conflict is not None:
            raise conflict_error(conflict)
