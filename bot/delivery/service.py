"""Publishing, correcting and retracting through the outbox: what the officer desk calls.

Each operation writes the release change and every delivery it causes in one transaction; the caller
then calls ``Dispatcher.wake`` so sending starts at once rather than at the next poll. Matching is the
domain's pure function over the stored filters.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from bot.config import DEFAULT_TIMEZONE
from bot.domain.daytime import in_window
from bot.domain.digest import DigestEntry, render_digest, withdrawn_digest
from bot.domain.matching import CompiledFilters, Filters, ReleaseFacts, select_chats
from bot.domain.render import MessagePart
from storage import Storage
from storage.db import Tx, utcnow
from storage.outbox import PartSpec, StartedSend, Target
from storage.releases import PUBLISHABLE, Release, StatusChanged
from storage.subscriptions import Subscription


@dataclass(frozen=True, slots=True)
class Enqueued:
    """How many deliveries an operation wrote."""

    release_id: int
    deliveries: int
    digests: int = 0  # subscriptions that will carry the release in their next digest


def filters_of(subscription: Subscription) -> Filters:
    """The domain filter model of a stored subscription."""
    return _filters(subscription.filters)


def _filters(f: Mapping[str, Sequence[str]]) -> Filters:
    return Filters(
        topics=frozenset(f.get("topic", ())),
        counties=frozenset(f.get("county", ())),
        organizations=frozenset(int(v) for v in f.get("organization", ())),
        include_keywords=tuple(f.get("include", ())),
        exclude_keywords=tuple(f.get("exclude", ())),
    )


def facts_of(release: Release) -> ReleaseFacts:
    """What matching needs to know of a release."""
    return ReleaseFacts(
        topics=frozenset(release.topics),
        county=release.county,
        organization_id=release.organization_id,
        search_text=release.search_text,
    )


@dataclass(frozen=True, slots=True)
class Audience:
    """Who a release goes to: chats that get it now, and subscriptions that collect it for a digest."""

    instant: list[Target]
    digest: list[int]


class _PreparedSubscriptions:
    """The active subscriptions ready for matching, valid while ``Subscriptions.revision`` is unchanged.

    Position i is the i-th active subscription in id order. Unrestricted subscriptions match every
    release, so only the ``restricted`` ones go through ``select_chats``. ``outcomes`` holds what
    each position gets when it matches, its id for a digest or its ``Target``, for one state of the
    quiet-hour ``windows`` (quiet now or not, the same for every subscription sharing a window).
    """

    __slots__ = (
        "_base",
        "_current",
        "_quiet",
        "_state",
        "compiled",
        "restricted",
        "revision",
        "unrestricted",
        "windows",
    )

    def __init__(
        self,
        revision: object,
        rows: Sequence[tuple[int, int, int, str | None, str | None, str | None, Mapping[str, Sequence[str]]]],
        compiled: Mapping[Filters, CompiledFilters],
    ) -> None:
        self.revision = revision
        self.compiled: dict[Filters, CompiledFilters] = {}  # reused by the next reload for unchanged filters
        self.unrestricted: list[int] = []
        self.restricted: list[tuple[int, CompiledFilters]] = []
        windows: dict[tuple[str, str], int] = {}
        self._base: list[int | Target] = []
        self._quiet: list[tuple[int, int, Target]] = []  # (position, window index, silent target)
        for position, (sub_id, chat_id, thread_id, digest_time, quiet_start, quiet_end, stored) in enumerate(rows):
            filters = _filters(stored)
            if filters.is_unrestricted:
                self.unrestricted.append(position)
            else:
                known = self.compiled.get(filters) or compiled.get(filters) or CompiledFilters(filters)
                self.compiled[filters] = known
                self.restricted.append((position, known))
            if digest_time is not None:
                self._base.append(sub_id)
                continue
            self._base.append(Target(sub_id, chat_id, thread_id))
            if quiet_start is not None and quiet_end is not None:
                window = windows.setdefault((quiet_start, quiet_end), len(windows))
                self._quiet.append((position, window, Target(sub_id, chat_id, thread_id, silent=True)))
        self.windows = tuple(windows)
        self._current, self._state = self._base, (False,) * len(self.windows)

    def outcomes(self, quiet_state: tuple[bool, ...]) -> list[int | Target]:
        """What each position gets while each window is quiet or not as ``quiet_state`` says."""
        if quiet_state != self._state:
            outcomes = list(self._base)
            for position, window, silent in self._quiet:
                if quiet_state[window]:
                    outcomes[position] = silent
            self._current, self._state = outcomes, quiet_state
        return self._current


class Matcher:
    """The active subscriptions with their filters compiled, kept between calls until one changes.

    Reading and compiling 10,000 subscriptions takes over a hundred milliseconds; checking that
    nothing changed (``Subscriptions.revision``, in the caller's transaction) a fraction of one. The
    runtime keeps one for the life of the process (``Core.matcher``); without one, each call compiles
    afresh (the same answer, only slower).
    """

    def __init__(self) -> None:
        self._prepared: _PreparedSubscriptions | None = None

    async def prepared(self, storage: Storage, tx: Tx) -> _PreparedSubscriptions:
        """The subscriptions as of ``tx``, read again only when a subscription changed."""
        revision = await storage.subscriptions.revision(tx=tx)
        prepared = self._prepared
        if prepared is None or prepared.revision != revision:
            rows = await storage.subscriptions.active_for_matching(tx=tx)
            prepared = _PreparedSubscriptions(revision, rows, prepared.compiled if prepared is not None else {})
            self._prepared = prepared
        return prepared


async def audience(
    storage: Storage, release: Release, moment: datetime, zone: tzinfo, *, tx: Tx, matcher: Matcher | None = None
) -> Audience:
    """The active subscriptions whose filters select this release, split by how they take it.

    A chat in its quiet hours at ``moment`` gets the release without a notification sound. Both
    lists are in subscription id order. ``matcher`` keeps the compiled filters between calls.
    """
    prepared = await (matcher or Matcher()).prepared(storage, tx)
    matched = prepared.unrestricted + select_chats(prepared.restricted, facts_of(release))
    matched.sort()  # two ascending runs: one merge
    outcomes = prepared.outcomes(tuple(in_window(moment, start, end, zone) for start, end in prepared.windows))
    picked = [outcomes[position] for position in matched]
    return Audience(
        [o for o in picked if isinstance(o, Target)],
        [o for o in picked if isinstance(o, int)],
    )


def part_specs(parts: Sequence[MessagePart]) -> list[PartSpec]:
    """Rendered parts in the outbox's form."""
    return [PartSpec(p.kind, p.html) for p in parts]


async def publish(
    storage: Storage,
    release_id: int,
    parts: Sequence[MessagePart],
    *,
    when: datetime | None = None,
    zone: tzinfo = UTC,
    matcher: Matcher | None = None,
    from_statuses: Collection[str] = PUBLISHABLE,
    tx: Tx | None = None,
) -> Enqueued:
    """Mark a release published, write one delivery per matching instant chat and queue it for the
    matching digests, in one transaction (the caller's ``tx`` if given). ``zone`` is the local time of
    quiet hours.

    The release must be in one of ``from_statuses`` inside that transaction: when another request
    moved it on first (cancelled, rejected, published already), ``StatusChanged`` is raised and
    nothing is written.
    """
    when = when or utcnow()
    async with storage.db.joined(tx) as t:
        release = await storage.releases.get(release_id, tx=t)
        if release is None:
            raise LookupError(f"release {release_id} does not exist")
        if not await storage.releases.mark_published(release_id, when, from_statuses=from_statuses, tx=t):
            raise StatusChanged(release_id, release.status)
        reach = await audience(storage, release, when, zone, tx=t, matcher=matcher)
        await storage.outbox.store_release_parts(release_id, release.version, part_specs(parts), tx=t)
        count = (
            await storage.outbox.enqueue("send", reach.instant, release_id=release_id, version=release.version, tx=t)
            if reach.instant
            else 0
        )
        await storage.digests.queue(release_id, reach.digest, tx=t)
    return Enqueued(release_id, count, len(reach.digest))


async def correct(
    storage: Storage,
    release_id: int,
    version: int,
    parts: Sequence[MessagePart],
    notice_html: str,
    *,
    tx: Tx | None = None,
) -> Enqueued:
    """Edit every delivered copy of a release to its new version (already stored with ``add_version``).

    Part i of each copy is edited to the new part i; new parts beyond the old ones are sent as replies,
    old parts beyond the new ones are deleted. Where Telegram no longer allows an edit, ``notice_html``
    is sent as a reply instead. Copies that have not started yet simply go out in the new version; an
    edit of a copy still being sent waits until that copy is complete.

    Only a published release is corrected: inside the transaction (the caller's ``tx`` if given), a
    release retracted meanwhile raises ``StatusChanged`` and nothing is written.
    """
    specs = part_specs(parts)
    written = 0
    async with storage.db.joined(tx) as t:
        status = await storage.releases.status_of(release_id, tx=t)
        if status != "published":
            raise StatusChanged(release_id, status)
        await storage.outbox.store_release_parts(release_id, version, specs, tx=t)
        await storage.outbox.move_unstarted_to_version(release_id, version, tx=t)
        for started in await storage.outbox.started_sends(release_id, tx=t):
            width = max(len(specs), len(started.part_kinds))
            edit_parts = [
                PartSpec(
                    started.part_kinds[i] if i < len(started.part_kinds) else specs[i].kind,
                    specs[i].html if i < len(specs) else "",
                )
                for i in range(width)
            ]
            written += await storage.outbox.enqueue(
                "edit",
                [_replacing(started)],
                release_id=release_id,
                version=version,
                parts=edit_parts,
                fallback_html=notice_html,
                tx=t,
            )
    return Enqueued(release_id, written)


async def retract(
    storage: Storage, release_id: int, reason: str | None, notice_html: str, *, zone: ZoneInfo | None = None
) -> Enqueued:
    """Delete every delivered copy of a release (a notice where Telegram refuses) and stop the rest.

    The release also leaves the digests: those still waiting lose it, and a digest that carried it is
    rewritten (not started yet) or edited (``notice_html`` where the edit is refused) without it;
    ``zone`` is the local time the digest shows (the settings' timezone).

    Only a published release is retracted: one retracted meanwhile raises ``StatusChanged`` inside the
    transaction, and nothing is written.
    """
    written = 0
    async with storage.db.transaction() as tx:
        if not await storage.releases.mark_retracted(release_id, reason, tx=tx):
            raise StatusChanged(release_id, await storage.releases.status_of(release_id, tx=tx))
        await storage.digests.remove_release(release_id, tx=tx)
        await _withdraw_from_sent_digests(storage, release_id, notice_html, zone or ZoneInfo(DEFAULT_TIMEZONE), tx=tx)
        for action in ("send", "edit"):
            await storage.outbox.cancel_waiting(release_id, action, tx=tx)
        # A copy in flight right now is among the started ones: its deletion waits for its outcome.
        for started in await storage.outbox.started_sends(release_id, tx=tx):
            written += await storage.outbox.enqueue(
                "delete",
                [_replacing(started)],
                release_id=release_id,
                parts=[PartSpec("text", "") for _ in started.part_kinds],
                fallback_html=notice_html,
                tx=tx,
            )
    return Enqueued(release_id, written)


async def _withdraw_from_sent_digests(
    storage: Storage, release_id: int, notice_html: str, zone: ZoneInfo, *, tx: Tx
) -> int:
    """Re-render each digest that carried a retracted release without it; return the edits written.

    Runs after ``mark_retracted``, so the release is no longer among the digest's published items. A
    digest with nothing left becomes a short note; one not started yet is rewritten in place (or
    cancelled when empty). An edit supersedes earlier edits of the same digest still waiting.
    """
    edits = 0
    for digest in await storage.digests.carrying(release_id, tx=tx):
        if not digest.started and digest.status != "pending":
            continue  # failed or cancelled before reaching the chat: nothing to change
        items = await storage.digests.carried(digest.delivery_id, tx=tx)
        entries = [DigestEntry(i.release_id, i.title, i.org_name, i.published_at) for i in items]
        new = part_specs(render_digest(entries, digest.created_at, zone))
        if not digest.started:
            await storage.digests.rewrite_unsent(digest.delivery_id, new, tx=tx)
            continue
        new = new or part_specs(withdrawn_digest(digest.created_at, zone))
        await storage.digests.cancel_pending_edits(digest.delivery_id, tx=tx)
        # Old parts beyond the new ones are deleted (empty html), as in ``correct``.
        width = max(len(new), digest.part_count)
        edit_parts = [PartSpec("text", new[i].html if i < len(new) else "") for i in range(width)]
        target = Target(digest.subscription_id, digest.chat_id, digest.thread_id, replaces=digest.delivery_id)
        edits += await storage.outbox.enqueue("edit", [target], parts=edit_parts, fallback_html=notice_html, tx=tx)
    return edits


def _replacing(started: StartedSend) -> Target:
    return Target(started.subscription_id, started.chat_id, started.thread_id, replaces=started.delivery_id)


async def publish_archived(
    storage: Storage, release_id: int, parts: Sequence[MessagePart], when: datetime, *, tx: Tx | None = None
) -> None:
    """Mark a release published at ``when`` and store its rendered parts, sending it to nobody.

    For releases loaded into the archive (``python -m bot import``): they become searchable and
    ``/release ID`` shows them, but no delivery and no digest entry is written.
    """
    async with storage.db.joined(tx) as t:
        release = await storage.releases.get(release_id, tx=t)
        if release is None:
            raise LookupError(f"release {release_id} does not exist")
        await storage.releases.mark_published(release_id, when, tx=t)
        await storage.outbox.store_release_parts(release_id, release.version, part_specs(parts), tx=t)
