"""Albums: Telegram sends each item of an album as its own update; they are collected into one draft."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Message

from bot import texts
from bot.errors import UserError

log = logging.getLogger(__name__)

AlbumDone = Callable[[list[Message]], Awaitable[None]]


class AlbumCollector:
    """Collects the items of an album (sharing a media_group_id) and hands them over together.

    The album is complete once no new item has arrived for ``quiet`` seconds.
    """

    def __init__(self, quiet: float = 1.5) -> None:
        self.quiet = quiet
        self._items: dict[str, list[Message]] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}

    def add(self, message: Message, done: AlbumDone) -> None:
        """Add an item; (re)start the timer after which ``done`` gets the album's items in order."""
        group = str(message.media_group_id)
        self._items.setdefault(group, []).append(message)
        timer = self._timers.pop(group, None)
        if timer is not None:
            timer.cancel()
        self._timers[group] = asyncio.create_task(self._finish(group, done), name=f"album-{group}")

    async def _finish(self, group: str, done: AlbumDone) -> None:
        await asyncio.sleep(self.quiet)
        self._timers.pop(group, None)
        items = sorted(self._items.pop(group, []), key=lambda m: m.message_id)
        if not items:
            return
        # A background task has no error route above it: answer a refusal, log anything else.
        try:
            await done(items)
        except UserError as error:
            await items[0].reply_text(error.message)
        except Exception:
            log.exception("album draft failed media_group_id=%s", group)
            await items[0].reply_text(texts.INTERNAL_ERROR)
