"""What every service shares: settings, the database, the live text pipeline and the messenger ports."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from bot import texts
from bot.config import Settings
from bot.delivery.service import Matcher
from bot.domain.digits import fa
from bot.domain.pipeline import ReleasePipeline
from bot.domain.text import PersianNormalizer
from bot.services.ports import Ports
from storage import Storage


@dataclass(slots=True)
class Core:
    """The shared state of the services; ``pipeline`` is replaced when admins edit the topics."""

    settings: Settings
    storage: Storage
    pipeline: ReleasePipeline
    ports: Ports
    matcher: Matcher = field(default_factory=Matcher)  # the compiled filters, kept until a subscription changes


@functools.cache
def shared_normalizer() -> PersianNormalizer:
    """The process's one normalizer: hazm costs seconds and ~130 MB to build, so build it once."""
    return PersianNormalizer()


async def admin_ids(core: Core) -> list[int]:
    """Everyone who administers the wire now: ADMIN_IDS and the admins added through the bot."""
    return sorted(set(core.settings.admin_ids) | await core.storage.officers.admin_ids())


async def admin_name(core: Core, user_id: int) -> str:
    """The name an admin was last seen acting under, or «مدیر N» when none is known."""
    names = await core.storage.people.names({user_id})
    return names.get(user_id) or texts.ADMIN_UNNAMED.format(id=fa(user_id))
