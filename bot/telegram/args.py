"""Command arguments: the text after a command, ids, and the words that confirm, clear or say yes.

Every handler reads what the user typed through these, so an id is parsed one way everywhere: Latin or
Persian digits, and nothing outside SQLite's integer range (a larger number names nothing, and is
answered like an unknown id instead of failing in the database).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import NoReturn

from telegram import Message

from bot.domain.digits import fa, to_latin_digits
from bot.errors import InvalidInput, UnknownId

SQLITE_MIN_INT = -(2**63)
SQLITE_MAX_INT = 2**63 - 1

CONFIRM_WORDS = frozenset({"confirm", "تایید", "تأیید"})
CLEAR_WORDS = frozenset({"all", "none", "clear", "off", "همه", "هیچ", "پاک"})
YES_WORDS = frozenset({"yes", "بله", "آره"})
OFF_WORDS = frozenset({"off", "لغو"})
_COMMAND_AND_REST = re.compile(r"\S+\s*(.*)\Z", re.DOTALL)
_ID = re.compile(r"-?[0-9]{1,20}")  # more digits than any 64-bit integer has cannot name a row
_NUMBER = re.compile(r"-?[0-9]+")
SHOWN_DIGITS = 30  # a longer number is shown cut short in the answer («۹۹۹…»), which must stay one message


def in_id_range(value: int) -> bool:
    """Whether SQLite can store ``value`` as an integer (and so whether it can name a row)."""
    return SQLITE_MIN_INT <= value <= SQLITE_MAX_INT


def parse_id(value: str) -> int | None:
    """A numeric id typed with Latin or Persian digits, or None (also for a number no row can have)."""
    cleaned = to_latin_digits(value.strip())
    if not _ID.fullmatch(cleaned):
        return None
    number = int(cleaned)
    return number if in_id_range(number) else None


def beyond_range(value: str) -> str | None:
    """A whole number (Latin or Persian digits) too large or too small for SQLite, as typed; else None.

    Such a number names no row: the handler answers it as it answers an unknown id («خبری با شناسه …
    پیدا نشد»), not with the command's usage, and it never reaches the database. A very long one is
    cut to ``SHOWN_DIGITS`` digits and «…».
    """
    cleaned = to_latin_digits(value.strip())
    if not _NUMBER.fullmatch(cleaned) or parse_id(cleaned) is not None:
        return None
    sign, digits = ("-", cleaned[1:]) if cleaned.startswith("-") else ("", cleaned)
    significant = digits.lstrip("0")
    if len(significant) <= 19 and in_id_range(int(sign + (significant or "0"))):
        return None  # a small number written with many leading zeros: not an id parse_id reads
    return sign + (digits if len(digits) <= SHOWN_DIGITS else digits[:SHOWN_DIGITS] + "…")


def command_text(message: Message | None) -> str:
    """Everything typed after the command word, trimmed (line breaks inside it are kept)."""
    text = message.text if message is not None and message.text else ""
    match = _COMMAND_AND_REST.match(text.strip())
    return match.group(1).strip() if match else ""


def is_confirm(word: str) -> bool:
    """``confirm`` (or its Persian forms) typed after a command that asks first."""
    return word.strip().lower() in CONFIRM_WORDS


def is_yes(word: str) -> bool:
    """``yes`` (or «بله», «آره»)."""
    return word.strip().lower() in YES_WORDS


def is_off(word: str) -> bool:
    """``off`` (or «لغو»)."""
    return word.strip().lower() in OFF_WORDS


def clears(text: str) -> bool:
    """A word that clears a setting: ``all``, ``none``, ``clear``, ``off`` or their Persian forms."""
    return text.strip().lower() in CLEAR_WORDS


def refuse_id(typed: str, *, usage: str, unknown: Callable[[str], str]) -> NoReturn:
    """Refuse what is not an id: a number beyond SQLite's range as an unknown id, anything else with the usage.

    ``unknown`` writes the reply an id naming nothing gets, from the number as typed (in Persian digits).
    """
    huge = beyond_range(typed)
    if huge is None:
        raise InvalidInput(usage)
    raise UnknownId(unknown(fa(huge)))


async def agency_id(
    typed: str, *, usage: str, unknown: Callable[[str], str], named: Callable[[str], Awaitable[int]]
) -> int:
    """An agency typed by id or by name: an id as ``parse_id`` reads it (checked later by the service), a
    number beyond range refused as an unknown agency, nothing typed with the usage, else ``named(typed)``."""
    org_id = parse_id(typed)
    if org_id is not None:
        return org_id
    if not typed.strip() or beyond_range(typed) is not None:
        refuse_id(typed, usage=usage, unknown=unknown)
    return await named(typed.strip())
