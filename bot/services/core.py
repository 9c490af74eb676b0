"""What every service shares: settings, the database, the live text pipeline and the messenger ports."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from bot.config import Settings
from bot.delivery.service import Matcher
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
