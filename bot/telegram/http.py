"""The HTTP clients that talk to the Bot API, sharing one TLS context and going through TELEGRAM_PROXY.

httpx builds a TLS context for every client it makes, and reading the CA bundle into it costs about
30 ms of CPU each time; a bot makes three clients (updates, replies, broadcasts) and the health check
one more. They all share one context, built on first use, with httpx's own defaults (certifi's
bundle, or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set).

Every request to the Bot API is built here (the application's bot and its getUpdates, the broadcast
bot, the health check), so TELEGRAM_PROXY, where Telegram is filtered, applies to all of them.
"""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx
from telegram.request import HTTPXRequest

from bot.config import Secret


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The process's one TLS context for the Bot API."""
    return httpx.create_ssl_context()


def bot_api_request(*, proxy: Secret | None, **options: Any) -> HTTPXRequest:
    """A python-telegram-bot request (``HTTPXRequest`` with ``options``) over the shared TLS context,
    through ``proxy`` (TELEGRAM_PROXY: http, https or socks5) when one is set."""
    through = None
    if proxy is not None:
        url = httpx.URL(proxy.reveal())
        # An https proxy is reached over TLS too: with the same context (and so the same CA bundle).
        through = httpx.Proxy(url, ssl_context=tls_context() if url.scheme == "https" else None)
    return HTTPXRequest(**options, proxy=through, httpx_kwargs={"verify": tls_context()})
