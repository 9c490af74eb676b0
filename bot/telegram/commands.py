"""Command declarations: each handler module declares its commands once, here is their shape.

A ``Command`` names the callback, the menus it appears in (``Menu``), its Persian menu description,
and its line in /help. ``bot.app`` collects every module's declarations in order; the command menus
(``bot.telegram.menus``) and /help are built from them, so a command cannot be handled without being
offered, or offered without being handled.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot import texts
from bot.telegram.context import WireContext

Callback = Callable[[Update, WireContext], Coroutine[Any, Any, None]]


class Menu(enum.Flag):
    """Whose command menu shows a command: everyone's private chat, groups, officers', admins'."""

    NONE = 0
    EVERYONE = enum.auto()
    GROUPS = enum.auto()
    OFFICER = enum.auto()
    ADMIN = enum.auto()


class Section(enum.Enum):
    """Where /help lists a command: the basics, receiving releases, asking agencies, the officers' desk,
    answering journalists, administration (in this order)."""

    GENERAL = "general"
    RECEIVING = "receiving"
    QUESTIONS = "questions"
    OFFICER = "officer"
    ANSWERS = "answers"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Command:
    """One command: its names (the first is shown; the rest are aliases), callback, menus and texts."""

    names: tuple[str, ...]
    callback: Callback
    menus: Menu
    description: str
    usage: str | None = None  # /help shows «/name usage — description» (e.g. the arguments it takes)
    section: Section | None = None  # None: derived from the menus (officer, admin, else receiving)
    private_only: bool = False

    @property
    def name(self) -> str:
        """The name menus and /help show."""
        return self.names[0]

    @property
    def help_section(self) -> Section:
        """The /help section that lists this command."""
        if self.section is not None:
            return self.section
        if Menu.ADMIN in self.menus:
            return Section.ADMIN
        if Menu.OFFICER in self.menus:
            return Section.OFFICER
        return Section.RECEIVING

    def handler(self) -> BaseHandler[Update, WireContext, None]:
        """The CommandHandler that routes this command to its callback."""
        if self.private_only:
            return CommandHandler(list(self.names), self.callback, filters=filters.ChatType.PRIVATE)
        return CommandHandler(list(self.names), self.callback)


def command(
    name: str,
    callback: Callback,
    menus: Menu,
    *,
    aliases: tuple[str, ...] = (),
    section: Section | None = None,
    private_only: bool = False,
) -> Command:
    """Declare a command; its menu description and /help usage are its entries in ``bot.texts.menus``."""
    return Command(
        (name, *aliases),
        callback,
        menus,
        texts.COMMAND_DESCRIPTIONS[name],
        texts.COMMAND_USAGES.get(name),
        section,
        private_only,
    )


def command_handlers(commands: Sequence[Command]) -> list[BaseHandler[Update, WireContext, None]]:
    """The handlers of these commands, in their declared order."""
    return [command.handler() for command in commands]
