"""Logging: one format for the whole process, and a filter that keeps the bot token out of every line."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

from bot.config import Settings

# Telegram tokens have this shape; masking the pattern also covers URLs that embed the token.
_TOKEN_SHAPE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")


class RedactSecrets(logging.Filter):
    """Replace the configured token (and anything shaped like a token) in every record."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _TOKEN_SHAPE.sub("<token>", message.replace(self._secret, "<token>"))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Install the process's log handler according to LOG_LEVEL and LOG_FORMAT."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("time=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"))
    handler.addFilter(RedactSecrets(settings.bot_token.reveal()))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level_number)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # hazm's dependencies log their own start-up chatter at INFO.
    for noisy in ("gensim", "smart_open", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
