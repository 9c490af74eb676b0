"""Publishing, correcting and retracting through the outbox: what the officer desk calls.

Each operation writes the release change and every delivery it causes in one transaction; the caller
then calls ``Dispatcher.wake`` so sending starts at once rather than at the next poll. Matching is the
domain's pure function over the stored filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from bot.domain.daytime import in_window
from bot.domain.matching import CompiledFilters, Filters, ReleaseFacts
from bot.domain.render import MessagePart
from storage import Storage
from storage.db import Tx, utcnow
from storage.outbox import PartSpec, StartedSend, Target
from storage.releases import Release
from storage.subscriptions import Subscription


@dataclass(frozen=True, slots=True)
class Enqueued:
    """How many deliveries an operation wrote."""

    release_id: int
    deliveries: int
    digests: int = 0  # subscriptions that will carry the release in their next digest


def filters_of(subscription: Subscription) -> Filters:
    """The domain filter model of a stored subscription."""
    f = subscription.filters
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


async def audience(storage: Storage, release: Release, moment: datetime, zone: tzinfo, *, tx: Tx) -> Audience:
    """The active subscriptions whose filters select this release, split by how they take it.

    A chat in its quiet hours at ``moment`` gets the release without a notification sound.
    """
    facts = facts_of(release)
    instant: list[Target] = []
    digest: list[int] = []
    for s in await storage.subscriptions.active(tx=tx):
        if not CompiledFilters(filters_of(s)).matches(facts):
            continue
        if s.digest_time is not None:
            digest.append(s.id)
            continue
        quiet = (
            s.quiet_start is not None
            and s.quiet_end is not None
            and in_window(moment, s.quiet_start, s.quiet_end, zone)
        )
        instant.append(Target(s.id, s.chat_id, s.thread_id, silent=quiet))
    return Audience(instant, digest)


async def matching_targets(storage: Storage, release: Release, *, tx: Tx) -> list[Target]:
    """The active subscriptions whose filters select this release now, as instant delivery targets."""
    return (await audience(storage, release, utcnow(), UTC, tx=tx)).instant


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
) -> Enqueued:
    """Mark a release published, write one delivery per matching instant chat and queue it for the
    matching digests, in one transaction. ``zone`` is the local time of quiet hours."""
    when = when or utcnow()
    async with storage.db.transaction() as tx:
        release = await storage.releases.get(release_id, tx=tx)
        if release is None:
            raise LookupError(f"release {release_id} does not exist")
        reach = await audience(storage, release, when, zone, tx=tx)
        await storage.releases.mark_published(release_id, when, tx=tx)
        await storage.outbox.store_release_parts(release_id, release.version, part_specs(parts), tx=tx)
        count = (
            await storage.outbox.enqueue("send", reach.instant, release_id=release_id, version=release.version, tx=tx)
            if reach.instant
            else 0
        )
        await storage.digests.queue(release_id, reach.digest, tx=tx)
    return Enqueued(release_id, count, len(reach.digest))


async def correct(
    storage: Storage, release_id: int, version: int, parts: Sequence[MessagePart], notice_html: str
) -> Enqueued:
    """Edit every delivered copy of a release to its new version (already stored with ``add_version``).

    Part i of each copy is edited to the new part i; new parts beyond the old ones are sent as replies,
    old parts beyond the new ones are deleted. Where Telegram no longer allows an edit, ``notice_html``
    is sent as a reply instead. Copies that have not started yet simply go out in the new version; an
    edit of a copy still being sent waits until that copy is complete.
    """
    specs = part_specs(parts)
    written = 0
    async with storage.db.transaction() as tx:
        await storage.outbox.store_release_parts(release_id, version, specs, tx=tx)
        await storage.outbox.move_unstarted_to_version(release_id, version, tx=tx)
        for started in await storage.outbox.started_sends(release_id, tx=tx):
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
                tx=tx,
            )
    return Enqueued(release_id, written)


async def retract(storage: Storage, release_id: int, reason: str | None, notice_html: str) -> Enqueued:
    """Delete every delivered copy of a release (a notice where Telegram refuses) and stop the rest."""
    written = 0
    async with storage.db.transaction() as tx:
        await storage.releases.mark_retracted(release_id, reason, tx=tx)
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


def _replacing(started: StartedSend) -> Target:
    return Target(started.subscription_id, started.chat_id, started.thread_id, replaces=started.delivery_id)
