"""Handlers per audience; each module declares its ``COMMANDS`` and its ``HANDLERS`` once.

The order here is the order python-telegram-bot tries them (all in group 0): the fallbacks of
``common`` come last, so no private message goes unanswered. A module's ``EARLY`` handlers run first
(each in a group of its own below 0, since python-telegram-bot runs at most one handler per group) for
every update they match, and the update then goes on to group 0.
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
    newsroom,
    officer,
    ops,
    questions,
    reports,
    topics,
)

MODULES = (common, admin, approval, reports, topics, ops, officer, questions, journalist, newsroom, chats, archive)


def all_commands() -> list[Command]:
    """Every declared command, in the order of the modules."""
    return [command for module in MODULES if hasattr(module, "COMMANDS") for command in module.COMMANDS]


def early_handlers() -> list[BaseHandler[Update, WireContext, None]]:
    """Handlers every update passes before the others (groups below 0): they end waiting states, answer nothing."""
    return [handler for module in MODULES for handler in getattr(module, "EARLY", ())]


def all_handlers() -> list[BaseHandler[Update, WireContext, None]]:
    """Every handler in the order they are tried, the fallbacks last."""
    return [handler for module in MODULES for handler in module.HANDLERS] + common.FALLBACKS
