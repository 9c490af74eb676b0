"""Publishes scheduled releases when their time comes.

The schedule lives in the database (status ``scheduled`` and ``scheduled_at``), so it survives
restarts: after a restart, a release whose time passed while the bot was down goes out at once.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts
from bot.domain.digits import fa
from bot.services.background import BackgroundLoop
from bot.services.desk import Desk
from storage.db import utcnow

log = logging.getLogger(__name__)


class Scheduler(BackgroundLoop):
    """A background task that publishes due scheduled releases and tells their authors."""

    name = "scheduler"

    def __init__(self, desk: Desk, *, poll: float = 5.0) -> None:
        super().__init__(poll)
        self.desk = desk

    def now(self) -> datetime:
        """Schedules are kept in UTC."""
        return utcnow()

    async def run_round(self) -> None:
        """Publish every scheduled release whose time has come and tell its author."""
        for release_id in await self.desk.storage.releases.due_scheduled(utcnow()):
            enqueued = await self.desk.publish_scheduled(release_id)
            if enqueued is not None:
                await self._tell_author(release_id, enqueued.deliveries)

    async def next_due(self) -> datetime | None:
        """The next scheduled release's time."""
        return await self.desk.storage.releases.next_scheduled_at()

    async def _tell_author(self, release_id: int, deliveries: int) -> None:
        release = await self.desk.storage.releases.get(release_id)
        if release is None:
            return
        text = (
            texts.PUBLISHED_ON_SCHEDULE.format(id=fa(release_id), count=fa(deliveries))
            if deliveries
            else texts.PUBLISHED_ON_SCHEDULE_NO_READERS.format(id=fa(release_id))
        )
        report = await self.desk.core.ports.notices.tell(release.author_id, text)
        if report is None:  # the officer may have blocked the bot; the release is out anyway
            log.info("could not tell author release_id=%d", release_id)
            return
        if deliveries:
            await self.desk.storage.releases.set_report_message(release_id, report.chat_id, report.message_id)
