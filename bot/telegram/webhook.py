"""Webhook mode: serve Telegram's updates over HTTP behind a TLS-terminating reverse proxy.

PTB's webhook server (tornado) listens in plain HTTP on WEBHOOK_LISTEN:WEBHOOK_PORT and takes updates
only at the path of WEBHOOK_URL; at start-up it registers WEBHOOK_URL with ``setWebhook`` together with
the secret token. Every request whose ``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong
is answered 403 and never reaches a handler (telegram.ext._utils.webhookhandler.TelegramHandler).

An update the library cannot parse is answered 200 and logged once with its id and type
(``TolerantWebhookHandler``), as long polling skips it: answered 400, Telegram would send it again and
again. python-telegram-bot builds its handler by that module's name, so the name is pointed at ours.
"""

from __future__ import annotations

import json
import logging

from telegram import Update
from telegram.ext import Application
from telegram.ext._utils import webhookhandler  # python-telegram-bot's webhook server (tornado)

from bot.config import Settings
from bot.telegram.updates import parse_update

log = logging.getLogger(__name__)


class TolerantWebhookHandler(webhookhandler.TelegramHandler):
    """PTB's webhook handler, except that an update the library cannot parse gets 200 and one log line."""

    async def post(self) -> None:
        """Check the secret as PTB does; skip an unparsable update; hand everything else to PTB."""
        self._validate_post()
        try:
            data = json.loads(self.request.body.decode())
        except ValueError:
            data = None
        if parse_update(data, self.bot) is None:  # logged there, with the update's id and type
            self.set_status(200)
            return
        await super().post()


def run_webhook(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Serve the webhook until SIGINT/SIGTERM; post_stop and post_shutdown run as with polling."""
    if settings.webhook_url is None or settings.webhook_secret is None:
        raise ValueError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET (Settings validates both)")
    log.info(
        "serving webhook listen=%s port=%d path=%s",
        settings.webhook_listen,
        settings.webhook_port,
        settings.webhook_path or "/",
    )
    webhookhandler.TelegramHandler = TolerantWebhookHandler  # type: ignore[misc]
    application.run_webhook(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=settings.webhook_path,
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret.reveal(),
        allowed_updates=Update.ALL_TYPES,
        # Updates that arrived while the bot was down are still wanted (releases, joins, subscriptions).
        drop_pending_updates=False,
    )
