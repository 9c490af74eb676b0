"""The command menus Telegram shows per role (setMyCommands with scopes), with Persian descriptions.

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
from storage import Storage

log = logging.getLogger(__name__)

EVERYONE = (
    "start",
    "help",
    "topics",
    "counties",
    "agencies",
    "keywords",
    "filters",
    "pause",
    "resume",
    "digest",
    "quiet",
    "stop",
    "search",
    "latest",
    "release",
    "channels",
    "use",
)
GROUPS = (
    "subscribe",
    "topics",
    "counties",
    "agencies",
    "keywords",
    "filters",
    "pause",
    "resume",
    "digest",
    "quiet",
    "stop",
    "search",
    "latest",
    "release",
    "help",
)
OFFICERS = (
    *EVERYONE,
    "publish",
    "schedule",
    "settopics",
    "setcounty",
    "cancel",
    "my",
    "status",
    "correct",
    "retract",
)
ADMINS = (
    *OFFICERS,
    "addorg",
    "orgs",
    "invite",
    "officers",
    "revoke",
    "addadmin",
    "removeadmin",
    "admins",
    "approval",
    "pending",
    "approve",
    "reject",
    "stats",
    "report",
    "audit",
    "backup",
    "addtopic",
    "renametopic",
    "topickeywords",
    "deltopic",
    "restoretopic",
    "topiclist",
)

# Per-user menus are set a few at a time: start-up should not wait for each round trip in turn.
PARALLEL_MENU_CALLS = 4
# A flood wait longer than this is not worth holding start-up for; the menu is set on the next start.
MAX_FLOOD_WAIT = timedelta(seconds=30)


class Role(enum.Enum):
    """Whose menu a private chat gets."""

    EVERYONE = "everyone"
    OFFICER = "officer"
    ADMIN = "admin"


MENUS = {Role.EVERYONE: EVERYONE, Role.OFFICER: OFFICERS, Role.ADMIN: ADMINS}


def menu(names: Sequence[str]) -> list[BotCommand]:
    """The BotCommands for these command names, with their Persian descriptions."""
    return [BotCommand(name, texts.COMMAND_DESCRIPTIONS[name]) for name in names]


async def _set(bot: Bot, names: Sequence[str], scope: BotCommandScope | None, *, what: str) -> bool:
    """setMyCommands, once more after a short flood wait; False (logged) when Telegram refused."""
    for attempt in (1, 2):
        try:
            await bot.set_my_commands(menu(names), scope=scope)
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


def _seconds(retry_after: timedelta | float) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


async def set_officer_menu(bot: Bot, user_id: int) -> bool:
    """Give an officer's private chat the officer menu."""
    return await _set(bot, OFFICERS, BotCommandScopeChat(user_id), what=f"officer:{user_id}")


async def set_admin_menu(bot: Bot, user_id: int) -> bool:
    """Give an admin's private chat the admin menu (call it when someone becomes an admin)."""
    return await _set(bot, ADMINS, BotCommandScopeChat(user_id), what=f"admin:{user_id}")


async def clear_user_menu(bot: Bot, user_id: int) -> bool:
    """Drop a user's own menu, so their private chat shows the everyone menu again."""
    try:
        await bot.delete_my_commands(scope=BotCommandScopeChat(user_id))
    except TelegramError as error:
        log.warning("command menu not deleted user_id=%d error=%s", user_id, error.message)
        return False
    return True


async def role_of(storage: Storage, settings: Settings, user_id: int) -> Role:
    """The user's role now: admin (ADMIN_IDS or added by an admin), active officer, or everyone else."""
    if user_id in settings.admin_ids or await storage.officers.is_admin(user_id):
        return Role.ADMIN
    officer = await storage.officers.get(user_id)
    return Role.OFFICER if officer is not None and officer.active else Role.EVERYONE


async def refresh_user_menu(bot: Bot, storage: Storage, settings: Settings, user_id: int) -> None:
    """Set the user's menu to match their role now (after joining, being revoked or made an admin)."""
    role = await role_of(storage, settings, user_id)
    if role is Role.ADMIN:
        await set_admin_menu(bot, user_id)
    elif role is Role.OFFICER:
        await set_officer_menu(bot, user_id)
    else:
        await clear_user_menu(bot, user_id)
    log.info("command menu user_id=%d role=%s", user_id, role.value)


async def publish_menus(bot: Bot, storage: Storage, settings: Settings) -> None:
    """At start-up: the everyone and group menus, and a menu for every admin and every active officer.

    Never raises (except on cancellation): the bot works without menus, so a failure is only logged.
    """
    try:
        await _publish_menus(bot, storage, settings)
    except Exception:
        log.exception("command menus not published")


async def _publish_menus(bot: Bot, storage: Storage, settings: Settings) -> None:
    if not await _set(bot, EVERYONE, None, what="default"):
        return  # Telegram refused or is unreachable (logged): no point trying every user's menu
    await _set(bot, GROUPS, BotCommandScopeAllGroupChats(), what="groups")
    admins = set(settings.admin_ids) | await storage.officers.admin_ids()
    everyone = await storage.officers.list()
    officers = {o.user_id for o in everyone if o.active} - admins
    # A revoked officer whose menu could not be deleted at the time loses it now.
    revoked = {o.user_id for o in everyone if not o.active} - admins
    gate = asyncio.Semaphore(PARALLEL_MENU_CALLS)

    async def one(user_id: int, role: Role) -> bool:
        async with gate:
            if role is Role.EVERYONE:
                return await clear_user_menu(bot, user_id)
            return await _set(bot, MENUS[role], BotCommandScopeChat(user_id), what=f"{role.value}:{user_id}")

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
