"""The Telegram package's own contracts: typed callback data, command arguments, the error route, /help by role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import texts
from bot.domain.digits import fa
from bot.telegram.args import SQLITE_MAX_INT, beyond_range, command_text, parse_id
from bot.telegram.callbacks import (
    AgencyPage,
    AskAgency,
    Decision,
    DraftAction,
    DraftPick,
    FilterPick,
    ForwardTo,
    QuestionAction,
    SearchPage,
    StopAnswer,
)
from bot.telegram.commands import Menu, Section
from bot.telegram.handlers import all_commands, all_handlers
from bot.telegram.menus import Menus, Role
from fakegram import FakeTelegram
from tests.harness import running_bot, settings_for
from tests.test_officer import say

ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)
STRANGER = 4242

PAYLOADS = [
    DraftAction("pub", 12),
    DraftAction("cancel", SQLITE_MAX_INT),
    DraftPick("tt", 3, "health"),
    DraftPick("cs", 3, "none"),
    Decision("rej", 7),
    FilterPick("t", -1001234567890, 5, "crisis"),
    FilterPick("o", 42, 0, FilterPick.CONFIRM),
    StopAnswer(-100777, 0, "y"),
    SearchPage(9, 2),
    QuestionAction("claim", 12),
    QuestionAction("closeok", SQLITE_MAX_INT),
    QuestionAction("keep", 3),
    AskAgency(160, 0),
    AskAgency(7, SQLITE_MAX_INT),
    ForwardTo(12, 160),
    AgencyPage(0, 19),
    AgencyPage(SQLITE_MAX_INT, 3),
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.pack())
def test_callback_data_round_trips_within_telegrams_64_bytes(payload: object) -> None:
    """What a button carries parses back to the same value, matches its handler's pattern, and fits 64 bytes."""
    packed = payload.pack()  # type: ignore[attr-defined]
    kind = type(payload)
    assert kind.parse(packed) == payload  # type: ignore[attr-defined]
    assert re.match(kind.PATTERN, packed)  # type: ignore[attr-defined]
    assert len(packed.encode()) <= 64


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (DraftAction, "pub:99999999999999999999999"),
        (DraftAction, "pub:"),
        (DraftAction, "publish:1"),
        (DraftPick, "tt:18446744073709551616:health"),
        (Decision, "apr:9223372036854775808"),
        (FilterPick, "jp:t:-99999999999999999999:0:health"),
        (StopAnswer, "js:1:0:maybe"),
        (SearchPage, "srch:1"),
        (SearchPage, None),
        (QuestionAction, "q:delete:1"),
        (QuestionAction, "q:claim:9223372036854775808"),
        (AskAgency, "qa:1"),
        (ForwardTo, "qf:1:-2"),
        (AgencyPage, "qp:0:99999999999999999999"),
    ],
)
def test_malformed_or_out_of_range_callback_data_parses_to_nothing(kind: type, data: str | None) -> None:
    """A forged or stale payload (an id SQLite cannot hold, a wrong shape) is None, never an exception."""
    assert kind.parse(data) is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12", 12), ("۱۲", 12), (" ٣ ", 3), ("-100", -100), (str(SQLITE_MAX_INT), SQLITE_MAX_INT)],
)
def test_ids_are_read_in_latin_persian_and_arabic_digits(typed: str, expected: int) -> None:
    """An id typed in any of the three digit sets is the same id."""
    assert parse_id(typed) == expected


@pytest.mark.parametrize("typed", ["", "12a", "۱۲.۵", str(SQLITE_MAX_INT + 1), "9" * 30, "--1", "²", "1-"])
def test_what_is_not_an_id_or_cannot_be_one_is_none(typed: str) -> None:
    """Text, decimals and numbers beyond SQLite's integer range are not ids."""
    assert parse_id(typed) is None


def test_command_text_keeps_line_breaks_after_the_command() -> None:
    """The text after a command starts after the command word, whether a space or a line break follows it."""

    class Message:
        def __init__(self, text: str) -> None:
            self.text = text

    assert command_text(Message("/addorg  فرمانداری | ilam")) == "فرمانداری | ilam"  # type: ignore[arg-type]
    assert command_text(Message("/keywords\n+سد\n-تصادف")) == "+سد\n-تصادف"  # type: ignore[arg-type]
    assert command_text(Message("/orgs")) == ""  # type: ignore[arg-type]


def test_every_command_is_declared_once_and_handled() -> None:
    """No command name is declared twice, and each declared name has its CommandHandler."""
    names = [name for command in all_commands() for name in command.names]
    assert len(names) == len(set(names))
    handled = {c for h in all_handlers() for c in getattr(h, "commands", ())}
    assert set(names) <= handled


def test_help_shows_each_role_what_its_menu_offers() -> None:
    """Everyone's /help lists receiving commands and no desk; an officer's adds the desk; an admin's everything."""
    menus = Menus(all_commands())
    everyone, officer, admin = (menus.help_text(r) for r in (Role.EVERYONE, Role.OFFICER, Role.ADMIN))
    assert "/topics" in everyone
    assert "/search" in everyone
    assert "/publish" not in everyone
    assert "/addorg" not in everyone
    assert "/publish" in officer
    assert "/addorg" not in officer
    assert texts.HELP_SECTIONS[Section.OFFICER.value].splitlines()[0] in officer
    assert "/publish" in admin
    assert "/ask" in everyone
    assert texts.HELP_SECTIONS[Section.QUESTIONS.value].splitlines()[0] in everyone
    assert "/inbox" not in everyone
    assert "/inbox" in officer
    assert texts.HELP_SECTIONS[Section.ANSWERS.value].splitlines()[0] in officer
    assert "/reassign" not in officer
    for command in all_commands():
        if Menu.ADMIN in command.menus:
            assert f"/{command.name}" in admin, command.name


async def test_a_refusal_under_a_button_is_an_alert_and_changes_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    """A stranger pressing an admin's approve button gets the refusal as an alert; nothing is approved."""
    async with running_bot(settings_for(tg, tmp_path)):
        [greeting] = await say(tg, STRANGER, "/help")
        assert "/addorg" not in (greeting.text or "")
        before = len(tg.answered_callbacks)
        tg.inject(tg.callback_query(STRANGER, STRANGER, Decision("apr", 1).pack(), greeting.message_id))
        await tg.wait_for(lambda s: len(s.answered_callbacks) > before, timeout=10)
        answer = tg.answered_callbacks[-1]
    assert answer.get("text") == texts.NOT_ADMIN
    assert answer.get("show_alert") in (True, "true")


async def test_a_huge_id_gets_the_unknown_id_answer_not_an_error(tg: FakeTelegram, tmp_path: Path) -> None:
    """An id beyond SQLite's range is answered like any id that names nothing (issue 11): «not found», in
    Persian; a command without an id still gets its usage."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_CHAT_ID="-100500")):
        [reply] = await say(tg, ADMIN, "/approve 99999999999999999999999")
        [unknown] = await say(tg, ADMIN, "/approve 999")
        [usage] = await say(tg, ADMIN, "/approve")
    assert reply.text == texts.UNKNOWN_RELEASE.format(id=fa("99999999999999999999999"))
    assert unknown.text == texts.UNKNOWN_RELEASE.format(id="۹۹۹")
    assert usage.text == texts.APPROVE_USAGE
    assert tg.messages_to(-100500) == []  # no alert to the admin chat: nothing went wrong


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (str(SQLITE_MAX_INT + 1), str(SQLITE_MAX_INT + 1)),
        ("-9223372036854775809", "-9223372036854775809"),
        ("۹" * 25, "9" * 25),
        ("9" * 100, "9" * 30 + "…"),
        (str(SQLITE_MAX_INT), None),
        ("12", None),
        ("0" * 30 + "7", None),
        ("abc", None),
        ("12a", None),
        ("", None),
    ],
)
def test_a_number_beyond_sqlite_is_told_apart_from_what_is_no_number(typed: str, shown: str | None) -> None:
    """``beyond_range``: a whole number no row can have, as shown in the answer (cut short when very long)."""
    assert beyond_range(typed) == shown
