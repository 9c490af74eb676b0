"""The long-lived services handlers use, opened in post_init and closed in post_shutdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.delivery.dispatcher import Dispatcher
from bot.domain.pipeline import ReleasePipeline
from storage import Storage

SERVICES_KEY = "services"


@dataclass(slots=True)
class Services:
    """Everything a handler may need besides the update itself."""

    settings: Settings
    storage: Storage
    pipeline: ReleasePipeline
    dispatcher: Dispatcher


def services_of(bot_data: dict[Any, Any]) -> Services:
    """The services stored in the application's bot_data (set up by ``post_init``)."""
    found = bot_data.get(SERVICES_KEY)
    if not isinstance(found, Services):
        raise RuntimeError("services are not initialised: post_init has not run")
    return found
