"""The typed handler context: ``context.runtime`` instead of string keys into ``bot_data``.

python-telegram-bot builds one ``WireContext`` per update (``ContextTypes`` in ``bot.app``); its
``bot_data`` is a ``BotData``, the Application's only state between updates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.telegram.albums import AlbumCollector

if TYPE_CHECKING:  # the runtime is wiring: handlers only see its type
    from bot.runtime import Runtime
    from bot.telegram.menus import Menus


class BotData:
    """What the Application keeps between updates: the settings, the runtime once open, Telegram-side state."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.runtime: Runtime | None = None
        self.menus: Menus | None = None  # built from the command declarations in bot.app
        self.albums = AlbumCollector()
        self.last_admin_alert: float | None = None  # time.monotonic() of the last alert to the admin chat


class WireContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """A handler's context with the bot's runtime on it."""

    @property
    def runtime(self) -> Runtime:
        """The running bot's services (open from post_init to post_shutdown)."""
        runtime = self.bot_data.runtime
        if runtime is None:
            raise RuntimeError("the runtime is not open: post_init has not run")
        return runtime

    @property
    def menus(self) -> Menus:
        """The command menus and /help of this application."""
        menus = self.bot_data.menus
        if menus is None:
            raise RuntimeError("the menus are not built: build_application has not run")
        return menus


WireApplication = Application[ExtBot[None], WireContext, dict[Any, Any], dict[Any, Any], BotData, Any]
