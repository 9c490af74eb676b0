"""Publishes scheduled releases when their time comes.

The schedule lives in the database (status ``scheduled`` and ``scheduled_at``), so it survives
restarts: after a restart, a release whose time passed while the bot was down goes out at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot
from telegram.error import TelegramError

from bot import texts
from bot.desk import Desk, fa
from storage.db import utcnow

log = logging.getLogger(__name__)


class Scheduler:
    """A background task that publishes due scheduled releases and tells their authors."""

    def __init__(self, desk: Desk, bot: Bot, *, poll: float = 5.0) -> None:
        self.desk = desk
        self.bot = bot
        self.poll = poll
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start looking for due releases."""
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="scheduler")

    async def stop(self) -> None:
        """Stop after the release being published, if any."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None

    def wake(self) -> None:
        """A schedule changed: look again now."""
        self._wake.set()

    async def _run(self) -> None:
        storage = self.desk.storage
        while not self._stopping:
            self._wake.clear()
            wait = self.poll
            try:
                for release_id in await storage.releases.due_scheduled(utcnow()):
                    enqueued = await self.desk.publish_scheduled(release_id)
                    if enqueued is not None:
                        await self._tell_author(release_id, enqueued.deliveries)
                upcoming = await storage.releases.next_scheduled_at()
                if upcoming is not None:
                    wait = min(self.poll, max(0.05, (upcoming - utcnow()).total_seconds()))
            except Exception:
                log.exception("scheduler round failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)

    async def _tell_author(self, release_id: int, deliveries: int) -> None:
        release = await self.desk.storage.releases.get(release_id)
        if release is None:
            return
        text = (
            texts.PUBLISHED_ON_SCHEDULE.format(id=fa(release_id), count=fa(deliveries))
            if deliveries
            else texts.PUBLISHED_ON_SCHEDULE_NO_READERS.format(id=fa(release_id))
        )
        try:
            report = await self.bot.send_message(release.author_id, text)
        except TelegramError as error:  # the officer may have blocked the bot; the release is out anyway
            log.info("could not tell author release_id=%d: %s", release_id, error.message)
            return
        if deliveries:
            await self.desk.storage.releases.set_report_message(release_id, report.chat_id, report.message_id)
