"""Updates the library cannot parse are skipped, not fatal (issue 11, finding 5).

PTB's ``Bot.get_updates`` parses the whole batch at once: one update it cannot parse fails the batch,
the Updater asks for the same batch again, and no update is ever handled. ``WireBot.get_updates``
parses each update on its own, logs one it cannot parse once (its ``update_id`` and type, never its
content), drops it, and confirms it with the next request's offset, so polling moves past it.
``parse_update`` is the same rule for one update posted to the webhook.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any, cast

from telegram import Bot, Update
from telegram._utils.defaultvalue import DEFAULT_NONE, DefaultValue
from telegram._utils.types import JSONDict, ODVInput, TimePeriod
from telegram.ext import ExtBot

log = logging.getLogger(__name__)


def update_kind(data: object) -> str:
    """The update's type as Telegram names it (``message``, ``callback_query``, …), for the log."""
    if not isinstance(data, Mapping):
        return type(data).__name__
    return next((str(key) for key in data if key != "update_id"), "empty")


def update_id_of(data: object) -> int | None:
    """The update's ``update_id`` when it has a usable one."""
    if isinstance(data, Mapping):
        value = data.get("update_id")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def parse_update(data: object, bot: Bot) -> Update | None:
    """``Update.de_json``, or None (logged once) when the library cannot parse the update."""
    try:
        update = Update.de_json(cast("JSONDict", data), bot)
    except Exception as error:
        log.error(
            "skipped an update the library cannot parse update_id=%s type=%s error=%s",
            update_id_of(data),
            update_kind(data),
            type(error).__name__,
        )
        return None
    return update


class WireBot(ExtBot[None]):
    """The Application's bot: ``get_updates`` skips updates the library cannot parse."""

    __slots__ = ("_skip_before",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The offset that confirms every update skipped so far (0: none skipped).
        self._skip_before = 0

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimePeriod | None = None,  # noqa: ASYNC109 - Bot.get_updates's parameter
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> tuple[Update, ...]:
        """Bot.get_updates with each update parsed on its own; unparsable ones are logged and dropped.

        The Updater confirms a batch with the id of its last update it got, so when that one was
        dropped the next request's offset is moved past it here.
        """
        if offset is not None and 0 <= offset < self._skip_before:
            offset = self._skip_before
        # Telegram's raw batch: Bot.get_updates would parse it as a whole, so ask for the JSON instead.
        raw = await self._raw_updates(
            offset,
            limit,
            timeout,
            allowed_updates,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        updates: list[Update] = []
        for data in raw:
            update = parse_update(data, self)
            if update is None:
                known = [i for i in (update_id_of(d) for d in raw) if i is not None]
                skipped = update_id_of(data)
                # An update without a usable id is confirmed with the highest id of its batch.
                last = skipped if skipped is not None else max(known, default=-1)
                self._skip_before = max(self._skip_before, last + 1)
                continue
            self.insert_callback_data(update)
            updates.append(update)
        return tuple(updates)

    async def _raw_updates(
        self,
        offset: int | None,
        limit: int | None,
        timeout: TimePeriod | None,  # noqa: ASYNC109 - Bot.get_updates's parameter
        allowed_updates: Sequence[str] | None,
        *,
        read_timeout: ODVInput[float],
        write_timeout: ODVInput[float],
        connect_timeout: ODVInput[float],
        pool_timeout: ODVInput[float],
        api_kwargs: JSONDict | None,
    ) -> list[object]:
        """``getUpdates`` as Bot.get_updates sends it (the long poll's read timeout included), unparsed."""
        data: JSONDict = {"timeout": timeout, "offset": offset, "limit": limit, "allowed_updates": allowed_updates}
        base = self._request[0].read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        seconds = timeout.total_seconds() if isinstance(timeout, timedelta) else float(timeout or 0)
        result = await self._post(
            "getUpdates",
            data,
            read_timeout=(base or 0) + seconds,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        return list(result) if isinstance(result, list) else []
