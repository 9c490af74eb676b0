"""Handlers per audience; each module declares its ``COMMANDS`` and its ``HANDLERS`` once.

The order here is the order python-telegram-bot tries them (all in group 0): the fallbacks of
``common`` come last, so no private message goes unanswered. ``early_handlers`` run first, in group -1,
and let the update go on to group 0.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from bot.telegram.commands import Command
from bot.telegram.context import WireContext
from bot.telegram.handlers import (
    admin,
    approval,
    archive,
    chats,
    common,
    journalist,
    officer,
    ops,
    questions,
    reports,
    topics,
)

MODULES = (common, admin, approval, reports, topics, ops, officer, questions, journalist, chats, archive)


def all_commands() -> list[Command]:
    """Every declared command, in the order of the modules."""
    return [command for module in MODULES if hasattr(module, "COMMANDS") for command in module.COMMANDS]


def all_handlers() -> list[BaseHandler[Update, WireContext, None]]:
    """Every handler in the order they are tried, the fallbacks last."""
    return [handler for module in MODULES for handler in module.HANDLERS] + common.FALLBACKS


def early_handlers() -> list[BaseHandler[Update, WireContext, None]]:
    """Handlers tried before all the others (group -1), which do not stop them: the end of the officer
    desk's modes when a command comes."""
    return list(officer.EARLY_HANDLERS)
