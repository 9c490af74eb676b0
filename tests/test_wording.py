"""Wording rules every Persian string keeps: Persian digits in prose, no «(های)» plurals, one word for
confirming a picker, the typed form of a confirmation in the usage that needs it."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

from bot import texts

# Strings that show what a user types (a command with Latin arguments, a time as typed) or that an operator
# reads beside English (the command line, the health check): Latin digits are right there.
TYPED_EXAMPLES = {"COMMAND_USAGES", "DIGEST_USAGE", "QUIET_USAGE", "SCHEDULE_HINT", "MSG_BAD_TIME_OF_DAY"}
OPERATOR_FACING = {name for module in ("cli", "ops") for name in importlib.import_module(f"bot.texts.{module}").__all__}
# A command with its arguments (``/release_12``, ``/schedule 12 +2h``) is typed Latin; a placeholder is filled later.
_COMMAND = re.compile(r"/[A-Za-z_]+[0-9_]*")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _user_strings() -> Iterator[tuple[str, str]]:
    for name in dir(texts):
        if not name.isupper() or name in TYPED_EXAMPLES or name in OPERATOR_FACING:
            continue
        value = getattr(texts, name)
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
        for text in values:
            if isinstance(text, str):
                yield name, text


def test_prose_has_persian_digits_only() -> None:
    """No string a user reads writes a number in Latin digits outside a command («ساعت 10:30» is «ساعت ۱۰:۳۰»)."""
    latin = [
        (name, text)
        for name, text in _user_strings()
        if re.search(r"[0-9]", _PLACEHOLDER.sub("", _COMMAND.sub("", text)))
    ]
    assert latin == []


def test_no_parenthesised_plurals() -> None:
    """«پیام(های)» reads as a form to fill in: the count decides singular or plural."""
    assert [(name, text) for name, text in _user_strings() if re.search(r"\((ها|های|ی|ان)\)", text)] == []


def test_pickers_are_confirmed_with_one_word() -> None:
    """The officers' topic picker and the journalists' pickers end with the same «✔️ تأیید»."""
    assert texts.BUTTON_DONE == texts.BUTTON_CONFIRM == "✔️ تأیید"


def test_retract_usage_names_the_typed_confirmation() -> None:
    """/retract asks first; its usage and /help say that «yes» at the end confirms in the same command."""
    assert "/retract شناسه‌خبر دلیل yes" in texts.RETRACT_USAGE
    assert texts.COMMAND_USAGES["retract"].endswith("[yes]")
