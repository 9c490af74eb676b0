"""The command menus Telegram shows per role (setMyCommands with scopes) and /help, from the declarations.

Telegram picks the most specific menu: a private chat's own scope (officers and admins get one each),
else the default scope (everyone); in groups the all-group-chats scope. Menus are a convenience, so a
failing call is logged and never stops start-up or the command that changed someone's role.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot, BotCommand, BotCommandScope, BotCommandScopeAllGroupChats, BotCommandScopeChat
from telegram.error import RetryAfter, TelegramError

from bot import texts
from bot.config import Settings
from bot.telegram.commands import Command, Menu, Section
from storage import Storage

log = logging.getLogger(__name__)

# Per-user menus are set a few at a time: start-up should not wait for each round trip in turn.
PARALLEL_MENU_CALLS = 4
# A flood wait longer than this is not worth holding start-up for; the menu is set on the next start.
MAX_FLOOD_WAIT = timedelta(seconds=30)


class Role(enum.Enum):
    """Whose menu a private chat gets."""

    EVERYONE = "everyone"
    OFFICER = "officer"
    ADMIN = "admin"


async def role_of(storage: Storage, settings: Settings, user_id: int) -> Role:
    """The user's role now: admin (ADMIN_IDS or added by an admin), active officer, or everyone else."""
    if user_id in settings.admin_ids or await storage.officers.is_admin(user_id):
        return Role.ADMIN
    officer = await storage.officers.get(user_id)
    return Role.OFFICER if officer is not None and officer.active else Role.EVERYONE


# /help lists each role's own commands first: an officer's desk, an admin's administration.
HELP_ORDER = {
    Role.EVERYONE: (Section.GENERAL, Section.RECEIVING, Section.QUESTIONS),
    Role.OFFICER: (Section.OFFICER, Section.ANSWERS, Section.GENERAL, Section.RECEIVING, Section.QUESTIONS),
    Role.ADMIN: (
        Section.ADMIN,
        Section.OFFICER,
        Section.ANSWERS,
        Section.GENERAL,
        Section.RECEIVING,
        Section.QUESTIONS,
    ),
}


class Menus:
    """The menus and /help of one application, built from its command declarations."""

    def __init__(self, commands: Sequence[Command]) -> None:
        self.commands = {command.name: command for command in commands}

        def names(menu: Menu) -> tuple[str, ...]:
            return tuple(c.name for c in commands if menu in c.menus)

        self.everyone = names(Menu.EVERYONE)
        self.groups = names(Menu.GROUPS)
        self.officers = self.everyone + tuple(n for n in names(Menu.OFFICER) if n not in self.everyone)
        self.admins = self.officers + tuple(n for n in names(Menu.ADMIN) if n not in self.officers)
        self.by_role = {Role.EVERYONE: self.everyone, Role.OFFICER: self.officers, Role.ADMIN: self.admins}

    def bot_commands(self, names: Sequence[str]) -> list[BotCommand]:
        """The BotCommands for these command names, with their Persian descriptions."""
        return [BotCommand(name, self.commands[name].description) for name in names]

    def help_text(self, role: Role, *, intro: str = "", desk: bool = True) -> str:
        """/help for someone of this role (HTML): ``intro`` under the title, then the sections of the commands
        their menu offers, their own first. ``desk`` False (an admin who is no officer): the officers'
        sections, whose commands would refuse them, give way to a line saying whose they are."""
        offered = set(self.by_role[role]) | set(self.groups)  # what works in groups is worth knowing too
        sections = HELP_ORDER[role]
        if not desk:
            sections = tuple(s for s in sections if s not in {Section.OFFICER, Section.ANSWERS})
        blocks = self._blocks(offered, sections)
        if not desk:
            blocks.append(texts.HELP_ADMIN_NO_DESK)
        return "\n\n".join([texts.HELP_TITLE, *([intro] if intro else []), *blocks, texts.HELP_FOOTER])

    def group_help_text(self) -> str:
        """/help in a group or channel discussion: the commands that work there (HTML)."""
        blocks = self._blocks(set(self.groups), HELP_ORDER[Role.EVERYONE])
        return "\n\n".join([texts.HELP_GROUP_TITLE, texts.HELP_INTRO_GROUP, *blocks, texts.HELP_FOOTER])

    def _blocks(self, offered: set[str], sections: Sequence[Section]) -> list[str]:
        blocks = []
        for section in sections:
            lines = [
                texts.HELP_LINE.format(name=c.name, usage=c.usage or "", description=c.description)
                for c in self.commands.values()
                if c.name in offered and c.help_section is section
            ]
            if lines:
                title = texts.HELP_SECTIONS[section.value]
                blocks.append("\n".join([title, *lines]) if title else "\n".join(lines))
        return blocks

    async def _set(self, bot: Bot, names: Sequence[str], scope: BotCommandScope | None, *, what: str) -> bool:
        """setMyCommands, once more after a short flood wait; False (logged) when Telegram refused."""
        for attempt in (1, 2):
            try:
                await bot.set_my_commands(self.bot_commands(names), scope=scope)
            except RetryAfter as error:
                wait = _seconds(error.retry_after)
                if attempt == 2 or wait > MAX_FLOOD_WAIT.total_seconds():
                    log.warning("command menu not set menu=%s flood_wait=%.0f", what, wait)
                    return False
                await asyncio.sleep(wait)
            except TelegramError as error:
                log.warning("command menu not set menu=%s error=%s", what, error.message)
                return False
            else:
                return True
        return False

    async def set_user_menu(self, bot: Bot, user_id: int, role: Role) -> bool:
        """Give a user's private chat their role's menu (everyone: drop their own, the default shows)."""
        if role is Role.EVERYONE:
            return await clear_user_menu(bot, user_id)
        return await self._set(bot, self.by_role[role], BotCommandScopeChat(user_id), what=f"{role.value}:{user_id}")

    async def refresh_user_menu(self, bot: Bot, storage: Storage, settings: Settings, user_id: int) -> None:
        """Set the user's menu to match their role now (after joining, being revoked or made an admin)."""
        role = await role_of(storage, settings, user_id)
        await self.set_user_menu(bot, user_id, role)
        log.info("command menu user_id=%d role=%s", user_id, role.value)

    async def publish(self, bot: Bot, storage: Storage, settings: Settings) -> None:
        """At start-up: the everyone and group menus, and a menu for every admin and every active officer.

        Never raises (except on cancellation): the bot works without menus, so a failure is only logged.
        """
        try:
            await self._publish(bot, storage, settings)
        except Exception:
            log.exception("command menus not published")

    async def _publish(self, bot: Bot, storage: Storage, settings: Settings) -> None:
        if not await self._set(bot, self.everyone, None, what="default"):
            return  # Telegram refused or is unreachable (logged): no point trying every user's menu
        await self._set(bot, self.groups, BotCommandScopeAllGroupChats(), what="groups")
        admins = set(settings.admin_ids) | await storage.officers.admin_ids()
        everyone = await storage.officers.list()
        officers = {o.user_id for o in everyone if o.active} - admins
        # A revoked officer whose menu could not be deleted at the time loses it now.
        revoked = {o.user_id for o in everyone if not o.active} - admins
        gate = asyncio.Semaphore(PARALLEL_MENU_CALLS)

        async def one(user_id: int, role: Role) -> bool:
            async with gate:
                return await self.set_user_menu(bot, user_id, role)

        jobs = [one(u, Role.ADMIN) for u in sorted(admins)]
        jobs += [one(u, Role.OFFICER) for u in sorted(officers)]
        jobs += [one(u, Role.EVERYONE) for u in sorted(revoked)]
        done = await asyncio.gather(*jobs)
        log.info(
            "command menus set admins=%d officers=%d revoked=%d failed=%d",
            len(admins),
            len(officers),
            len(revoked),
            done.count(False),
        )


def _seconds(retry_after: timedelta | float) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


async def clear_user_menu(bot: Bot, user_id: int) -> bool:
    """Drop a user's own menu, so their private chat shows the everyone menu again."""
    try:
        await bot.delete_my_commands(scope=BotCommandScopeChat(user_id))
    except TelegramError as error:
        log.warning("command menu not deleted user_id=%d error=%s", user_id, error.message)
        return False
    return True
