"""Logging: one format for the whole process, and a filter that keeps secrets out of every line.

LOG_FORMAT=text writes key=value lines (logfmt: ``time=... level=INFO logger=bot.app msg="..."``),
LOG_FORMAT=json one JSON object per line; both carry the same fields.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bot.config import Settings

# Telegram tokens have this shape; masking the pattern also covers URLs that embed the token.
_TOKEN_SHAPE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")


class RedactSecrets(logging.Filter):
    """Replace the configured token (and anything shaped like a token) and other secrets in every record."""

    def __init__(self, secret: str, *others: str) -> None:
        super().__init__()
        self._secret = secret
        # Other secrets, e.g. WEBHOOK_SECRET, which PTB logs at DEBUG among setWebhook's parameters.
        self._others = tuple(o for o in others if o)

    def redact(self, text: str) -> str:
        """The text with every secret masked."""
        text = _TOKEN_SHAPE.sub("<token>", text.replace(self._secret, "<token>"))
        for other in self._others:
            text = text.replace(other, "<secret>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text, so a traceback (whose messages may hold a request URL) is masked too.
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


def _exception_text(formatter: logging.Formatter, record: logging.LogRecord) -> str | None:
    if record.exc_text:
        return record.exc_text
    return formatter.formatException(record.exc_info) if record.exc_info else None


class KeyValueFormatter(logging.Formatter):
    """One key=value line per record; values with spaces, quotes or line breaks are JSON-quoted."""

    def format(self, record: logging.LogRecord) -> str:
        fields = [
            ("time", _timestamp(record)),
            ("level", record.levelname),
            ("logger", record.name),
            ("msg", record.getMessage()),
        ]
        exception = _exception_text(self, record)
        if exception:
            fields.append(("exc", exception))
        return " ".join(f"{key}={_logfmt_value(value)}" for key, value in fields)


def _logfmt_value(value: str) -> str:
    if value and not any(c.isspace() or c in '"=\\' for c in value):
        return value
    return json.dumps(value, ensure_ascii=False)


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        exception = _exception_text(self, record)
        if exception:
            entry["exception"] = exception
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Install the process's log handler according to LOG_LEVEL and LOG_FORMAT."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(KeyValueFormatter())
    webhook_secret = settings.webhook_secret.reveal() if settings.webhook_secret else ""
    proxy_password = urlsplit(settings.telegram_proxy.reveal()).password if settings.telegram_proxy else None
    handler.addFilter(RedactSecrets(settings.bot_token.reveal(), webhook_secret, proxy_password or ""))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level_number)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # hazm's dependencies log their own start-up chatter at INFO.
    for noisy in ("gensim", "smart_open", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
