"""The HTTP clients that talk to the Bot API, sharing one TLS context.

httpx builds a TLS context for every client it makes, and reading the CA bundle into it costs about
30 ms of CPU each time; a bot makes three clients (updates, replies, broadcasts) and the health check
one more. They all share one context, built on first use, with httpx's own defaults (certifi's
bundle, or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set).
"""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx
from telegram.request import HTTPXRequest


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The process's one TLS context for the Bot API."""
    return httpx.create_ssl_context()


def bot_api_request(**options: Any) -> HTTPXRequest:
    """A python-telegram-bot request (``HTTPXRequest`` with ``options``) over the shared TLS context."""
    return HTTPXRequest(**options, httpx_kwargs={"verify": tls_context()})
