"""Command menus per role: what Telegram shows everyone, groups, officers and admins, kept up to date."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import CommandHandler

from bot import texts
from bot.domain.text import fold
from bot.telegram.handlers import all_commands, all_handlers
from bot.telegram.menus import Menus
from fakegram import FakeTelegram
from fakegram.drivers import Journalist
from storage import Storage
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)
OFFICER = 3001
REVOKED = 3002
PERSIAN = re.compile(r"[\u0600-\u06FF]")
commands = Menus(all_commands())
MENUS = {"everyone": commands.everyone, "groups": commands.groups, "officers": commands.officers}
MENUS["admins"] = commands.admins


def _names(entries: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(e["command"] for e in entries)


async def _seed_officers(path: Path) -> None:
    """An active officer and a revoked one, as if they had joined before this start."""
    store = await Storage.open(path)
    try:
        org = await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=ADMIN)
        for user_id, code in ((OFFICER, "seeda"), (REVOKED, "seedb")):
            await store.officers.create_invite(code, org.id, ADMIN, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(code, user_id, f"کارشناس {user_id}", None)
        await store.officers.revoke(REVOKED, revoked_by=ADMIN)
    finally:
        await store.close()


@pytest.mark.parametrize("role", sorted(MENUS))
def test_menus_respect_telegram_limits(role: str) -> None:
    """Each menu has at most 100 unique commands of 1-32 [a-z0-9_] with a Persian 1-256 character description."""
    names = MENUS[role]
    assert 1 <= len(names) <= 100
    assert len(set(names)) == len(names)
    for entry in commands.bot_commands(names):
        assert re.fullmatch(r"[a-z0-9_]{1,32}", entry.command), entry.command
        assert 1 <= len(entry.description) <= 256, entry.command
        assert PERSIAN.search(entry.description), entry.command


def test_menus_nest_by_role_and_every_description_is_used() -> None:
    """Officers see everything everyone sees, admins everything officers see; no description is left unused."""
    assert set(commands.everyone) <= set(commands.officers) <= set(commands.admins)
    used = set(commands.admins) | set(commands.groups)
    assert used == set(texts.COMMAND_DESCRIPTIONS)


def test_every_menu_command_has_a_handler() -> None:
    """A command offered in a menu is one the application handles."""
    handled = {c for h in all_handlers() if isinstance(h, CommandHandler) for c in h.commands}
    offered = set(commands.admins) | set(commands.groups)
    assert offered - handled == set()


async def test_start_publishes_the_menu_of_every_role(tg: FakeTelegram, tmp_path: Path) -> None:
    """After start: the default and group menus, the admin's and the active officer's; none for a revoked officer."""
    await _seed_officers(tmp_path / "bot.db")
    async with running_bot(settings_for(tg, tmp_path)):
        # Menus are published in the background after start; wait until the last one asked for is there.
        await tg.wait_for(lambda s: f"chat:{ADMIN}" in s.commands and f"chat:{OFFICER}" in s.commands, timeout=10)
        menus = tg.commands
    assert _names(menus["default"]) == commands.everyone
    assert _names(menus["all_group_chats"]) == commands.groups
    assert _names(menus[f"chat:{ADMIN}"]) == commands.admins
    assert _names(menus[f"chat:{OFFICER}"]) == commands.officers
    assert f"chat:{REVOKED}" not in menus
    assert {"command": "search", "description": texts.COMMAND_DESCRIPTIONS["search"]} in menus["default"]
    assert {"command": "approve", "description": "تأیید خبر"} in menus[f"chat:{ADMIN}"]
    assert set(menus) == {"default", "all_group_chats", f"chat:{ADMIN}", f"chat:{OFFICER}"}


async def test_joining_sets_the_officer_menu_and_revoking_removes_it(tg: FakeTelegram, tmp_path: Path) -> None:
    """An officer who joins through an invite gets the officer menu; when revoked, their menu is deleted."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        org = await store.organizations.create("فرمانداری مهران", fold("فرمانداری مهران"), "mehran", created_by=ADMIN)
        await store.officers.create_invite("join", org.id, ADMIN, utcnow() + timedelta(days=1))
        assert f"chat:{OFFICER}" not in tg.commands

        tg.send_text(OFFICER, OFFICER, "/start inv_join")
        menu = await tg.wait_for(lambda s: s.commands.get(f"chat:{OFFICER}"), timeout=10)
        assert _names(menu) == commands.officers

        tg.send_text(ADMIN, ADMIN, f"/revoke {OFFICER}")
        await tg.wait_for(lambda s: s.calls_to("deleteMyCommands"), timeout=10)
        await tg.wait_for(lambda s: f"chat:{OFFICER}" not in s.commands, timeout=10)
    [deleted] = tg.calls_to("deleteMyCommands")
    assert deleted.params["scope"] == {"type": "chat", "chat_id": OFFICER}
    assert _names(tg.commands[f"chat:{ADMIN}"]) == commands.admins


async def test_an_admin_who_joins_as_officer_keeps_the_admin_menu(tg: FakeTelegram, tmp_path: Path) -> None:
    """Joining as an officer never shrinks an admin's menu to the officer one."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        org = await store.organizations.create("استانداری ایلام", fold("استانداری ایلام"), None, created_by=ADMIN)
        await store.officers.create_invite("adminjoin", org.id, ADMIN, utcnow() + timedelta(days=1))
        # The start-up menus (published in the background) are done before the join is counted.
        await tg.wait_for(lambda s: f"chat:{ADMIN}" in s.commands, timeout=10)
        calls_before = len(tg.calls_to("setMyCommands"))
        tg.send_text(ADMIN, ADMIN, "/start inv_adminjoin")
        await tg.wait_for(lambda s: len(s.calls_to("setMyCommands")) > calls_before, timeout=10)
    assert _names(tg.commands[f"chat:{ADMIN}"]) == commands.admins


async def test_menu_failures_do_not_stop_the_bot(tg: FakeTelegram, tmp_path: Path) -> None:
    """When Telegram refuses every setMyCommands the bot still starts and answers."""
    tg.fail("server_error", methods={"setMyCommands"}, times=None, status=500)
    async with running_bot(settings_for(tg, tmp_path)):
        tg.send_text(5001, 5001, "/help")
        replies = await tg.wait_for(lambda s: s.messages_to(5001), timeout=10)
    assert "راهنما" in (replies[0].text or "")
    assert tg.commands == {}


async def test_myid_gives_the_id_that_admin_ids_takes(tg: FakeTelegram, tmp_path: Path) -> None:
    """/myid tells anyone their user id, ready to copy; put into ADMIN_IDS it makes them an admin at the next
    start. In a group it gives the group's id too (what ADMIN_CHAT_ID takes)."""
    newcomer = Journalist(tg, 777000123)
    group = -1009000000001
    tg.add_chat(group, "supergroup", "گروه مدیران")
    async with running_bot(settings_for(tg, tmp_path)):
        [reply] = await newcomer.say("/myid")
        refused = await newcomer.ask("/orgs")
        [in_group] = await newcomer.in_chat(group).say("/myid")
    [given] = re.findall(r"<code>(-?\d+)</code>", reply.text or "")
    assert refused == texts.NOT_ADMIN
    assert reply.parse_mode == "HTML"
    assert re.findall(r"<code>(-?\d+)</code>", in_group.text or "") == [given, str(group)]

    async with running_bot(settings_for(tg, tmp_path, ADMIN_IDS=f"1,{given}")):
        assert await newcomer.ask("/orgs") == texts.ORGS_EMPTY
