"""Sends each digest subscription its daily digest when its time comes.

Everything the clock needs is in the database: the waiting releases (``digest_items``) and when each
subscription last got its digest (``subscriptions.digest_sent_at``). A digest that fell due while the
bot was down therefore goes out right after start, and because the digest delivery, the items it
carries and the new ``digest_sent_at`` are written in one transaction, no day's digest goes out twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.delivery.service import part_specs
from bot.domain.daytime import in_window
from bot.domain.digest import DigestEntry, digest_due, next_digest_at, render_digest
from bot.services.background import BackgroundLoop
from storage import Storage
from storage.db import utcnow
from storage.digests import DigestItem, DigestSchedule
from storage.outbox import Target

log = logging.getLogger(__name__)


def entries_of(items: list[DigestItem]) -> list[DigestEntry]:
    """Stored digest items in the renderer's form."""
    return [DigestEntry(i.release_id, i.title, i.org_name, i.published_at) for i in items]


class DigestClock(BackgroundLoop):
    """A background task that writes each due digest to the outbox (one message, or several if long)."""

    name = "digest-clock"

    def __init__(
        self,
        storage: Storage,
        wake_dispatcher: Callable[[], None],
        zone: ZoneInfo,
        *,
        poll: float = 30.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(poll)
        self.storage = storage
        self.wake_dispatcher = wake_dispatcher
        self.zone = zone
        self.clock = clock

    def now(self) -> datetime:
        """The clock's time (tests move it)."""
        return self.clock()

    async def run_round(self) -> None:
        """Write the digests due now."""
        await self.send_due()

    async def send_due(self) -> int:
        """Write every digest due now to the outbox; return how many digest messages were enqueued."""
        now = self.clock()
        enqueued = 0
        for schedule in await self.storage.digests.schedules():
            if not digest_due(schedule.digest_time, schedule.digest_sent_at, now, self.zone):
                continue
            try:
                enqueued += await self._send_one(schedule.subscription_id, now)
            except Exception:
                log.exception("digest failed subscription_id=%d", schedule.subscription_id)
        if enqueued:
            self.wake_dispatcher()
        return enqueued

    async def next_due(self) -> datetime | None:
        """When the next digest falls due (None: no subscription takes digests)."""
        now = self.clock()
        times = {s.digest_time for s in await self.storage.digests.schedules()}
        return min((next_digest_at(t, now, self.zone) for t in times), default=None)

    async def send_now(self, subscription_id: int) -> int:
        """Send a subscription's waiting releases at once, due or not (its digest is being turned off)."""
        enqueued = await self._send_one(subscription_id, self.clock(), force=True)
        if enqueued:
            self.wake_dispatcher()
        return enqueued

    async def _send_one(self, subscription_id: int, now: datetime, *, force: bool = False) -> int:
        """One subscription's digest: its waiting releases as one delivery, or (none waiting) just the mark."""
        digests = self.storage.digests
        async with self.storage.db.transaction() as tx:
            # Read again inside the transaction: the subscription may have changed since the round began.
            schedule = await digests.schedule_of(subscription_id, tx=tx)
            if schedule is None or not (
                force or digest_due(schedule.digest_time, schedule.digest_sent_at, now, self.zone)
            ):
                return 0
            items = await digests.waiting(subscription_id, tx=tx)
            if items:
                parts = render_digest(entries_of(items), now, self.zone)
                quiet = self._quiet(schedule, now)
                target = Target(subscription_id, schedule.chat_id, schedule.thread_id, silent=quiet)
                await self.storage.outbox.enqueue("digest", [target], parts=part_specs(parts), tx=tx)
                delivery_id = await digests.last_delivery(subscription_id, tx=tx)
                await digests.mark_carried(subscription_id, [i.release_id for i in items], delivery_id, tx=tx)
            await digests.mark_sent(subscription_id, now, tx=tx)
        if items:
            log.info(
                "digest enqueued subscription_id=%d chat_id=%d releases=%d parts=%d",
                subscription_id,
                schedule.chat_id,
                len(items),
                len(parts),
            )
            return 1
        return 0

    def _quiet(self, schedule: DigestSchedule, now: datetime) -> bool:
        """A digest timed inside the chat's quiet hours arrives without a sound, like any release then."""
        return (
            schedule.quiet_start is not None
            and schedule.quiet_end is not None
            and in_window(now, schedule.quiet_start, schedule.quiet_end, self.zone)
        )
