"""The topic taxonomy, seeded from bot/data/topics.toml and editable by admins."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from storage.db import Database, Tx


@dataclass(frozen=True, slots=True)
class TopicRow:
    """A topic as stored."""

    slug: str
    label: str
    hashtag: str
    keywords: tuple[str, ...]
    strong_keywords: tuple[str, ...]
    position: int
    active: bool


class Topics:
    """Repository of topics."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def seed(self, topics: Iterable[TopicRow], *, tx: Tx | None = None) -> int:
        """Insert the topics that are not stored yet (admins' edits are kept); return how many."""
        added = 0
        async with self.db.joined(tx) as t:
            for topic in topics:
                added += await t.execute_rowcount(
                    "INSERT INTO topics (slug, label, hashtag, keywords, strong_keywords, position, active)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING",
                    (
                        topic.slug,
                        topic.label,
                        topic.hashtag,
                        json.dumps(list(topic.keywords), ensure_ascii=False),
                        json.dumps(list(topic.strong_keywords), ensure_ascii=False),
                        topic.position,
                        int(topic.active),
                    ),
                )
        return added

    async def list(self, *, include_inactive: bool = False) -> list[TopicRow]:
        """Topics in display order."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT slug, label, hashtag, keywords, strong_keywords, position, active FROM topics"
                " WHERE active = 1 OR ? ORDER BY position, slug",
                (int(include_inactive),),
            )
        return [
            TopicRow(
                r["slug"],
                r["label"],
                r["hashtag"],
                tuple(json.loads(r["keywords"])),
                tuple(json.loads(r["strong_keywords"])),
                r["position"],
                bool(r["active"]),
            )
            for r in rows
        ]
