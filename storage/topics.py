"""The topic taxonomy, seeded from bot/data/topics.toml and editable by admins."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import aiosqlite

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

    async def list(self, *, include_inactive: bool = False, tx: Tx | None = None) -> list[TopicRow]:
        """Topics in display order."""
        sql = f"SELECT {_COLUMNS} FROM topics WHERE active = 1 OR ? ORDER BY position, slug"  # noqa: S608 - constant column list
        if tx is not None:
            rows = await tx.fetchall(sql, (int(include_inactive),))
        else:
            async with self.db.snapshot() as t:
                rows = await t.fetchall(sql, (int(include_inactive),))
        return [_topic(r) for r in rows]

    async def get(self, slug: str, *, tx: Tx | None = None) -> TopicRow | None:
        """One topic by slug, active or not."""
        if tx is not None:
            row = await tx.fetchone(f"SELECT {_COLUMNS} FROM topics WHERE slug = ?", (slug,))  # noqa: S608 - constant column list
        else:
            async with self.db.snapshot() as t:
                row = await t.fetchone(f"SELECT {_COLUMNS} FROM topics WHERE slug = ?", (slug,))  # noqa: S608 - constant column list
        return None if row is None else _topic(row)

    async def create(
        self,
        slug: str,
        label: str,
        hashtag: str,
        keywords: Sequence[str],
        strong_keywords: Sequence[str] = (),
        *,
        tx: Tx | None = None,
    ) -> TopicRow:
        """Add an active topic after the last one; sqlite3.IntegrityError when the slug is taken."""
        async with self.db.joined(tx) as t:
            position = int(await t.fetchval("SELECT coalesce(max(position), -1) + 1 FROM topics"))
            await t.execute(
                "INSERT INTO topics (slug, label, hashtag, keywords, strong_keywords, position, active)"
                " VALUES (?, ?, ?, ?, ?, ?, 1)",
                (slug, label, hashtag, _json(keywords), _json(strong_keywords), position),
            )
        return TopicRow(slug, label, hashtag, tuple(keywords), tuple(strong_keywords), position, active=True)

    async def rename(self, slug: str, label: str, hashtag: str, *, tx: Tx | None = None) -> bool:
        """Give a topic a new label and hashtag; False when there is no such topic."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE topics SET label = ?, hashtag = ? WHERE slug = ?", (label, hashtag, slug)
            )
        return changed == 1

    async def set_keywords(
        self, slug: str, keywords: Sequence[str], strong_keywords: Sequence[str], *, tx: Tx | None = None
    ) -> bool:
        """Replace a topic's keywords (weight 1) and strong keywords (weight 3); False when there is no such topic."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE topics SET keywords = ?, strong_keywords = ? WHERE slug = ?",
                (_json(keywords), _json(strong_keywords), slug),
            )
        return changed == 1

    async def set_active(self, slug: str, active: bool, *, tx: Tx | None = None) -> bool:
        """Deactivate (or reactivate) a topic, keeping its row; False when nothing changed."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE topics SET active = ? WHERE slug = ? AND active <> ?", (int(active), slug, int(active))
            )
        return changed == 1


_COLUMNS = "slug, label, hashtag, keywords, strong_keywords, position, active"


def _json(phrases: Sequence[str]) -> str:
    return json.dumps(list(phrases), ensure_ascii=False)


def _topic(r: aiosqlite.Row) -> TopicRow:
    return TopicRow(
        r["slug"],
        r["label"],
        r["hashtag"],
        tuple(json.loads(r["keywords"])),
        tuple(json.loads(r["strong_keywords"])),
        r["position"],
        bool(r["active"]),
    )
