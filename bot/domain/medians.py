"""The median of durations in minutes, as the accountability report writes it (both of its sections)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import timedelta


def median_minutes(durations: Sequence[timedelta]) -> float | None:
    """The median of ``durations`` in minutes, rounded to one decimal; None for no durations."""
    if not durations:
        return None
    return round(statistics.median(d.total_seconds() for d in durations) / 60, 1)
