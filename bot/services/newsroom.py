"""The public newsroom: published releases for the web pages and feeds (``bot/web/``), read-only.

Only published releases are ever returned. A retracted release answers with its retraction (the web
layer says 410); anything else that is not published — a draft, a scheduled or embargoed release, one
waiting for approval, rejected or cancelled — does not exist here. Questions of the question desk are
never read. Search runs over the same folded full-text index as the bot's /search.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot import texts
from bot.domain.archive import clean_query
from bot.domain.digits import fa
from bot.domain.embargo import find_embargo, strip_embargo
from bot.domain.text import fold
from bot.errors import InvalidInput, WrongState
from bot.services.core import Core
from storage import Storage
from storage.newsroom import ArchiveScope, PublishedRelease
from storage.releases import SEARCH_CANDIDATES

# Releases on one page of a listing, and in one feed.
PAGE_SIZE = 20
FEED_SIZE = 30
# Pages beyond this do not exist (100,000 releases at 20 a page); a search ranks SEARCH_CANDIDATES at most.
MAX_PAGE = 5_000
MAX_SEARCH_PAGE = SEARCH_CANDIDATES // PAGE_SIZE
# A search query longer than this is refused (the bot's own limit is 256; a URL is no place for an essay).
MAX_QUERY_CHARS = 200
# The sitemap protocol's limit of URLs in one file.
SITEMAP_LIMIT = 50_000
# The slug of the province-wide "county": releases that name no county.
PROVINCE = "province"
# Readers' texts (the embargo note taken out, about a millisecond each) kept by (release, version).
READER_TEXT_CACHE = 4096


@dataclass(frozen=True, slots=True)
class Label:
    """A topic or county as a link shows it: its slug and its Persian name."""

    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A published release as a page or a feed shows it; every string is plain text."""

    id: int
    title: str
    body: str  # the text readers get: the embargo note taken out
    org_id: int
    org_name: str
    county: Label | None  # None: province-wide
    topics: tuple[Label, ...]
    published_at: datetime
    updated_at: datetime  # later than published_at once corrected

    @property
    def corrected(self) -> bool:
        """Whether the text changed after publication."""
        return self.updated_at > self.published_at


@dataclass(frozen=True, slots=True)
class Archive:
    """Which listing a page or feed is: its heading and the scope of releases it lists."""

    kind: str  # home, agency, topic, county, search
    key: str  # the agency id, topic or county slug, or the query
    heading: str
    scope: ArchiveScope


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of a listing."""

    archive: Archive
    page: int
    entries: list[Entry]
    has_next: bool


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a published release's text: its number, title, time, and whether it was a correction."""

    number: int
    title: str
    at: datetime
    correction: bool


@dataclass(frozen=True, slots=True)
class AttachmentNote:
    """A file sent with a release: its kind in Persian and its name, if it has one (files stay in Telegram)."""

    kind: str
    name: str | None


@dataclass(frozen=True, slots=True)
class ReleasePage:
    """A published release with its attachments and its history of versions."""

    entry: Entry
    attachments: list[AttachmentNote]
    history: list[Version]


@dataclass(frozen=True, slots=True)
class RetractedPage:
    """A retracted release: only when and why (its text is gone)."""

    id: int
    retracted_at: datetime | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Health:
    """Whether the database answers, and what the dispatcher is doing."""

    database: bool
    dispatcher: Mapping[str, Any]

    @property
    def ok(self) -> bool:
        """Both parts are well."""
        return self.database and bool(self.dispatcher.get("running"))


class Newsroom:
    """Read-only views of published releases for the public site and its feeds."""

    def __init__(
        self,
        core: Core,
        reader: Storage | None = None,
        dispatcher_state: Callable[[], Mapping[str, Any]] | None = None,
    ) -> None:
        self.core = core
        # Reads go through a connection of their own (``reader``), so a busy site never queues the bot's
        # queries behind its own; the one write (/weblink) goes through the bot's.
        self.storage = reader or core.storage
        self.tz = core.settings.timezone
        self._dispatcher_state = dispatcher_state or dict
        self._reader_texts: OrderedDict[tuple[int, int], str] = OrderedDict()

    # -- archives ----------------------------------------------------------------------------------

    def home(self) -> Archive:
        """Every published release."""
        return Archive("home", "", texts.WEB_HOME_HEADING, ArchiveScope())

    async def agency(self, org_id: int) -> Archive | None:
        """One agency's releases; None when there is no such agency."""
        async with self.storage.db.snapshot() as tx:  # a read: never the write lock
            org = await self.storage.organizations.get(org_id, tx=tx)
        if org is None:
            return None
        return Archive("agency", str(org.id), org.name, ArchiveScope(organization_id=org.id))

    async def topic(self, slug: str) -> Archive | None:
        """One topic's releases; None when there is no such topic."""
        if not slug.isascii():
            return None
        async with self.storage.db.snapshot() as tx:
            found = await self.storage.topics.get(slug, tx=tx)
        if found is None:
            return None
        return Archive("topic", found.slug, found.label, ArchiveScope(topic=found.slug))

    def county(self, slug: str) -> Archive | None:
        """One county's releases, or the province-wide ones (``province``); None for an unknown slug."""
        if slug == PROVINCE:
            return Archive("county", PROVINCE, texts.WEB_PROVINCE_HEADING, ArchiveScope(county=""))
        names = self._county_names()
        if slug not in names:
            return None
        return Archive("county", slug, names[slug], ArchiveScope(county=slug))

    async def listing(self, archive: Archive, page: int) -> Listing | None:
        """A page of an archive, newest first; None for a page beyond the last (the first always exists)."""
        if not 1 <= page <= MAX_PAGE:
            return None
        rows = await self.storage.newsroom.published(archive.scope, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        if page > 1 and not rows:
            return None
        entries = await self._entries(rows[:PAGE_SIZE])
        return Listing(archive, page, entries, len(rows) > PAGE_SIZE)

    async def feed(self, archive: Archive) -> list[Entry]:
        """An archive's newest releases with their full text, for its feeds."""
        return await self._entries(await self.storage.newsroom.published(archive.scope, limit=FEED_SIZE))

    async def search(self, query: str, page: int) -> Listing | None:
        """A page of the search over the folded full-text index, best first; InvalidInput for a bad query.

        None for a page beyond the last one with results (the first page always exists).
        """
        query = clean_query(query[: MAX_QUERY_CHARS + 1])
        if len(query) > MAX_QUERY_CHARS:
            raise InvalidInput(texts.WEB_QUERY_TOO_LONG.format(limit=fa(MAX_QUERY_CHARS)))
        archive = Archive("search", query, texts.WEB_SEARCH_HEADING.format(query=query), ArchiveScope())
        if not 1 <= page <= MAX_SEARCH_PAGE:
            return None if page != 1 else Listing(archive, 1, [], False)
        found = await self.storage.releases.search(fold(query), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        # The index holds published releases only; read them again all the same, as the bot's archive does.
        rows = await self.storage.newsroom.published_by_ids([r.id for r in found.releases])
        if page > 1 and not rows:
            return None
        return Listing(archive, page, await self._entries(rows), page * PAGE_SIZE < found.total)

    # -- one release -------------------------------------------------------------------------------

    async def release(self, release_id: int) -> ReleasePage | RetractedPage | None:
        """A published release, a retracted one's notice, or None for anything readers may not see."""
        async with self.storage.db.snapshot() as tx:
            release = await self.storage.releases.get(release_id, tx=tx)
        if release is None:
            return None
        if release.status == "retracted":
            retraction = await self.storage.newsroom.retraction(release_id)
            if retraction is None:
                return RetractedPage(release_id, None, None)
            return RetractedPage(release_id, retraction.retracted_at, retraction.reason)
        if release.status != "published" or release.published_at is None:
            return None
        row = PublishedRelease(
            id=release.id,
            organization_id=release.organization_id,
            title=release.title,
            body=release.body,
            county=release.county,
            topics=release.topics,
            version=release.version,
            created_at=release.created_at,
            published_at=release.published_at,
            updated_at=release.updated_at,
            org_name=(await self.storage.newsroom.organization_names([release.organization_id])).get(
                release.organization_id, ""
            ),
        )
        (entry,) = await self._entries([row])
        versions = await self.storage.newsroom.versions(release_id)
        # Versions written before publication are a draft's: the published text is the last of them.
        before = [v for v in versions if v.created_at <= release.published_at]
        after = [v for v in versions if v.created_at > release.published_at]
        history = (
            [Version(before[-1].version, before[-1].title, release.published_at, correction=False)] if before else []
        )
        history += [Version(v.version, v.title, v.created_at, correction=True) for v in after]
        attachments = [
            AttachmentNote(texts.WEB_ATTACHMENT_KINDS.get(a.kind, a.kind), a.file_name) for a in release.attachments
        ]
        return ReleasePage(entry, attachments, history)

    # -- the «full text» link under delivered copies -----------------------------------------------------

    async def link_for(self, chat_id: int, release_id: int) -> str | None:
        """The release page's address for a copy delivered to this chat, or None (no PUBLIC_BASE_URL, or the
        chat chose no link; by default on, but off for channels)."""
        base = self.core.settings.public_base_url
        if base is None:
            return None
        return f"{base}/r/{release_id}" if await self.web_link(chat_id) else None

    async def web_link(self, chat_id: int) -> bool:
        """Whether copies delivered to this chat carry the link (its choice, or the default for its type)."""
        found = await self.storage.newsroom.web_link(chat_id)
        chat_type, choice = found if found is not None else ("private", None)
        return choice if choice is not None else chat_type != "channel"

    async def set_web_link(self, user_id: int, chat_id: int, on: bool) -> bool:
        """A chat's controller chooses the link (checked by the caller); False when the bot does not know the chat."""
        if self.core.settings.public_base_url is None:
            raise WrongState(texts.WEB_LINK_NO_ADDRESS)
        writer = self.core.storage
        async with writer.db.transaction() as tx:
            known = await writer.newsroom.set_web_link(chat_id, on, tx=tx)
            if known:
                await writer.audit.record(user_id, "chat.web_link", "chat", chat_id, {"on": on}, tx=tx)
        return known

    # -- the rest ----------------------------------------------------------------------------------

    async def sitemap(self) -> list[tuple[int, datetime]]:
        """(id, last change) of the published releases, newest first, as many as one sitemap holds."""
        return await self.storage.newsroom.sitemap(SITEMAP_LIMIT)

    async def last_change(self) -> datetime | None:
        """When anything readers could see last changed (the latest audited change)."""
        return await self.storage.newsroom.last_change()

    async def health(self) -> Health:
        """Whether the database answers, and the dispatcher's state."""
        try:
            database = await self.storage.newsroom.ping()
        except Exception:  # a health check reports, it does not raise
            database = False
        return Health(database, self._dispatcher_state())

    # -- helpers -----------------------------------------------------------------------------------

    def _county_names(self) -> dict[str, str]:
        return {c.slug: c.name for c in self.core.pipeline.counties}

    def _reader_text(self, row: PublishedRelease) -> str:
        """The body readers get: the embargo note is for the agency's newsroom, never for them (as in Telegram)."""
        key = (row.id, row.version)
        text = self._reader_texts.get(key)
        if text is None:
            embargo = find_embargo(row.body, row.created_at, self.tz)
            text = strip_embargo(row.body, embargo) if embargo else row.body
            self._reader_texts[key] = text
            if len(self._reader_texts) > READER_TEXT_CACHE:
                self._reader_texts.popitem(last=False)
        else:
            self._reader_texts.move_to_end(key)
        return text

    async def _entries(self, rows: list[PublishedRelease]) -> list[Entry]:
        counties = self._county_names()
        topics = {t.slug: t.label for t in self.core.pipeline.topics}
        entries = []
        for row in rows:
            entries.append(
                Entry(
                    id=row.id,
                    title=" ".join(row.title.split()) or texts.UNTITLED_RELEASE,
                    body=self._reader_text(row),
                    org_id=row.organization_id,
                    org_name=row.org_name,
                    county=Label(row.county, counties.get(row.county, row.county)) if row.county else None,
                    topics=tuple(Label(s, topics.get(s, s)) for s in row.topics),
                    published_at=row.published_at,
                    updated_at=row.updated_at,
                )
            )
        return entries
