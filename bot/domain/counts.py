"""Counts typed after a command («/latest 50», «/audit ۵۰۰»): a number above the maximum is clamped with a note.

Zero, a negative number, extra words or what is not a number are refused with the command's usage;
a number larger than the maximum (however large) is read as the maximum, and the caller says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.digits import to_latin_digits
from bot.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class Count:
    """How many to show, and whether more were asked for than can be shown (``clamped``)."""

    value: int
    clamped: bool = False


def read_count(typed: str, *, default: int, maximum: int, usage: str) -> Count:
    """``typed`` (Latin or Persian digits) as a count from 1 to ``maximum``; ``default`` when nothing is typed."""
    cleaned = to_latin_digits(typed.strip())
    if not cleaned:
        return Count(default)
    if not cleaned.isascii() or not cleaned.isdigit() or int(cleaned) < 1:
        raise InvalidInput(usage)
    value = int(cleaned)
    return Count(maximum, clamped=True) if value > maximum else Count(value)
