"""Webhook mode: serve Telegram's updates over HTTP behind a TLS-terminating reverse proxy.

PTB's webhook server (tornado) listens in plain HTTP on WEBHOOK_LISTEN:WEBHOOK_PORT and takes updates
only at the path of WEBHOOK_URL; at start-up it registers WEBHOOK_URL with ``setWebhook`` together with
the secret token. Every request whose ``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong
is answered 403 and never reaches a handler (telegram.ext._utils.webhookhandler.TelegramHandler).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application

from bot.config import Settings

log = logging.getLogger(__name__)


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
