"""The journalists' archive: search with saved paging, the latest releases, one release as delivered.

Only published releases are ever shown: the full-text index holds published releases only, the latest
list asks for them, and reading one release checks its status again. Handlers turn ``UserError``
into a Persian reply or a callback answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from bot import texts
from bot.domain.archive import (
    PAGE_SIZE,
    ArchiveEntry,
    clamp_page,
    clean_query,
    inline_description,
    inline_message_html,
    page_count,
)
from bot.domain.digits import fa
from bot.domain.jalali import format_date
from bot.domain.text import fold
from bot.errors import InvalidInput
from bot.services.core import Core
from storage.db import utcnow
from storage.outbox import PartSpec
from storage.releases import Release

log = logging.getLogger(__name__)

# Paging buttons of a search older than this answer "search again"; older searches are forgotten.
SEARCH_LIFETIME = timedelta(days=7)
INLINE_PAGE_SIZE = 10
# Page numbers and offsets come back from buttons and clients; beyond these there is nothing to show.
MAX_PAGE = 100_000
MAX_INLINE_OFFSET = 1_000_000
# Telegram caches an inline answer this long (seconds); short, so a retraction disappears quickly.
INLINE_CACHE_SECONDS = 30


@dataclass(frozen=True, slots=True)
class ResultsPage:
    """One page of a saved search."""

    search_id: int
    query: str
    page: int
    total: int
    entries: list[ArchiveEntry]
    capped: bool = False  # more matches than the search ranks: ``total`` is a lower bound

    @property
    def pages(self) -> int:
        """How many pages the search has."""
        return page_count(self.total)


@dataclass(frozen=True, slots=True)
class Delivered:
    """A published release's current version as journalists received it."""

    release: Release
    parts: list[PartSpec]


@dataclass(frozen=True, slots=True)
class InlineHit:
    """One inline result: what the list shows and what choosing it posts (HTML)."""

    release_id: int
    title: str
    description: str
    html: str


@dataclass(frozen=True, slots=True)
class InlineAnswer:
    """The results for one inline query and the offset of the next page ("" when there is none)."""

    hits: list[InlineHit]
    next_offset: str


class Archive:
    """Read-only views of published releases, plus the saved searches their paging needs."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.storage = core.storage
        self.tz = core.settings.timezone
        self._counties = {c.slug: c.name for c in core.pipeline.counties}

    # -- search ------------------------------------------------------------------------------------

    async def search(self, user_id: int, query: str) -> ResultsPage:
        """Run a new search for a user, save it for its paging buttons, and return its first page."""
        try:
            query = clean_query(query)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        async with self.storage.db.transaction() as tx:
            await self.storage.searches.prune(utcnow() - SEARCH_LIFETIME, tx=tx)
            saved = await self.storage.searches.save(user_id, query, tx=tx)
        found = await self.storage.releases.search(fold(query), limit=PAGE_SIZE)
        log.info("archive search search_id=%d user_id=%d total=%d", saved.id, user_id, found.total)
        return ResultsPage(saved.id, query, 1, found.total, await self._entries(found.releases), found.total_capped)

    async def page(self, user_id: int, search_id: int, page: int) -> ResultsPage:
        """Another page of a saved search; only the user who ran it may turn its pages."""
        saved = await self.storage.searches.get(search_id)
        if saved is None or saved.created_at < utcnow() - SEARCH_LIFETIME:
            raise InvalidInput(texts.SEARCH_EXPIRED)
        if saved.user_id != user_id:
            raise InvalidInput(texts.SEARCH_NOT_YOURS)
        page = min(max(page, 1), MAX_PAGE)
        folded = fold(saved.query)
        found = await self.storage.releases.search(folded, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        wanted = clamp_page(page, found.total)
        if wanted != page and found.total:
            # Releases were retracted since the buttons were made: show the last page there is.
            found = await self.storage.releases.search(folded, limit=PAGE_SIZE, offset=(wanted - 1) * PAGE_SIZE)
        if not found.total:
            raise InvalidInput(texts.SEARCH_EMPTY)
        return ResultsPage(
            saved.id, saved.query, wanted, found.total, await self._entries(found.releases), found.total_capped
        )

    async def latest(self, count: int) -> list[ArchiveEntry]:
        """The ``count`` most recently published releases, newest first."""
        found = await self.storage.releases.latest_published(limit=count)
        return await self._entries(found.releases)

    # -- one release -------------------------------------------------------------------------------

    async def release(self, release_id: int) -> Delivered:
        """A published release's stored parts; UserError for anything not (or no longer) published."""
        release = await self.storage.releases.get(release_id)
        if release is not None and release.status == "retracted" and release.retracted_at is not None:
            raise InvalidInput(
                texts.RELEASE_RETRACTED.format(id=fa(release_id), when=format_date(release.retracted_at, self.tz))
            )
        parts = await self._parts(release) if release is not None else []
        if release is None or not parts:
            # Drafts, scheduled, pending, rejected and cancelled releases do not exist for readers.
            raise InvalidInput(texts.RELEASE_NOT_FOUND.format(id=fa(release_id)))
        return Delivered(release, parts)

    async def _parts(self, release: Release) -> list[PartSpec]:
        if release.status != "published":
            return []
        return await self.storage.outbox.release_parts(release.id, release.version)

    # -- inline mode -------------------------------------------------------------------------------

    async def inline(self, query: str, offset: str) -> InlineAnswer:
        """Results for ``@bot QUERY``: the search's best matches, or the latest releases when it is empty."""
        readable = offset.isascii() and offset.isdigit() and len(offset) <= len(str(MAX_INLINE_OFFSET))
        start = int(offset) if readable else 0
        if offset and (not readable or start > MAX_INLINE_OFFSET):
            return InlineAnswer([], "")  # not an offset this bot handed out
        text = " ".join(query.split())
        if not text:
            found = await self.storage.releases.latest_published(limit=INLINE_PAGE_SIZE, offset=start)
        else:
            try:
                text = clean_query(text)
            except ValueError:
                return InlineAnswer([], "")
            found = await self.storage.releases.search(fold(text), limit=INLINE_PAGE_SIZE, offset=start)
        names = await self._org_names(r.organization_id for r in found.releases)
        hits = []
        for listed in found.releases:
            # Search results carry no status guarantee of their own: read the release and its parts again.
            release = await self.storage.releases.get(listed.id)
            html = inline_message_html(await self._parts(release)) if release is not None else None
            if release is None or html is None or release.published_at is None:
                continue
            hits.append(
                InlineHit(
                    release.id,
                    " ".join(release.title.split()) or texts.UNTITLED_RELEASE,
                    inline_description(names.get(release.organization_id, ""), release.published_at, self.tz),
                    html,
                )
            )
        following = start + INLINE_PAGE_SIZE
        return InlineAnswer(hits, str(following) if following < found.total else "")

    # -- helpers -----------------------------------------------------------------------------------

    async def _org_names(self, org_ids: Iterable[int]) -> dict[int, str]:
        names = {}
        for org_id in set(org_ids):
            org = await self.storage.organizations.get(org_id)
            names[org_id] = org.name if org is not None else ""
        return names

    async def _entries(self, releases: list[Release]) -> list[ArchiveEntry]:
        names = await self._org_names(r.organization_id for r in releases)
        return [
            ArchiveEntry(
                r.id,
                r.title,
                names.get(r.organization_id, ""),
                self._counties.get(r.county, r.county) if r.county else None,
                r.published_at,
            )
            for r in releases
            if r.status == "published" and r.published_at is not None
        ]
