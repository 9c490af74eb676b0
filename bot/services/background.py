"""A background loop that does its work in rounds, sleeps until the next round is due, and can be woken.

The scheduler (scheduled releases) and the digest clock keep their state in the database, so the loop
itself holds nothing that a restart could lose.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

log = logging.getLogger(__name__)


class BackgroundLoop:
    """Runs ``run_round`` every ``poll`` seconds at most, sooner when ``next_due`` says so or on ``wake``."""

    name = "background"

    def __init__(self, poll: float) -> None:
        self.poll = poll
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def now(self) -> datetime:
        """The time rounds are measured against (subclasses may let tests move it)."""
        raise NotImplementedError

    async def run_round(self) -> None:
        """Do whatever is due now."""
        raise NotImplementedError

    async def next_due(self) -> datetime | None:
        """When something next falls due (None: nothing is waiting)."""
        raise NotImplementedError

    def start(self) -> None:
        """Start the rounds."""
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        """Stop after the round in progress, if any."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None

    def wake(self) -> None:
        """Something changed: run a round now."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            wait = self.poll
            try:
                await self.run_round()
                upcoming = await self.next_due()
                if upcoming is not None:
                    wait = min(self.poll, max(0.05, (upcoming - self.now()).total_seconds()))
            except Exception:
                log.exception("%s round failed; trying again", self.name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)
