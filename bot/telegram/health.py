"""``python -m bot health``: is the database usable and does the Bot API answer? Exit 0 when all is well.

Meant for Docker's HEALTHCHECK, systemd timers and monitoring: one line per check, ``ok`` or ``FAILED``
first so scripts can grep, then the reason in Persian and English. The database is opened read-only
and never created or migrated; the Bot API gets ``getMe`` (and ``getWebhookInfo`` in webhook mode)
with short timeouts.
"""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot import texts
from bot.config import Settings
from bot.telegram.http import bot_api_request
from storage.db import load_migrations
from storage.health import inspect_database, inspect_outbox

DEFAULT_TIMEOUT = 5.0
# A delivery error this recent, with updates waiting, means Telegram cannot reach the webhook now.
RECENT_WEBHOOK_ERROR = timedelta(minutes=10)
# The dispatcher is stalled when deliveries have been due this long and it has shown no progress for as long
# (longer than any pause Telegram asks for in practice, and than the dispatcher's longest restart pause).
DISPATCHER_STALL = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check, as printed."""

    check: str
    ok: bool
    detail: str

    def line(self) -> str:
        """The printed line: ``ok database: ...`` or ``FAILED bot_api: ...``."""
        mark = texts.HEALTH_OK if self.ok else texts.HEALTH_FAILED
        return texts.HEALTH_LINE.format(mark=mark, check=self.check, detail=self.detail)


def _versions(numbers: set[int]) -> str:
    return ", ".join(f"{v:04d}" for v in sorted(numbers))


async def check_database(settings: Settings) -> CheckResult:
    """The database file exists, is readable, has every migration applied unchanged and passes quick_check."""
    path = settings.database_path
    try:
        state = await inspect_database(path)
    except FileNotFoundError:
        return CheckResult("database", ok=False, detail=texts.HEALTH_DATABASE_MISSING.format(path=path))
    except sqlite3.Error as error:
        detail = texts.HEALTH_DATABASE_UNREADABLE.format(path=path, reason=error)
        return CheckResult("database", ok=False, detail=detail)
    expected = {m.version: m.checksum for m in load_migrations()}
    problems = (
        (texts.HEALTH_MIGRATIONS_PENDING, set(expected) - set(state.applied)),
        (texts.HEALTH_MIGRATIONS_UNKNOWN, set(state.applied) - set(expected)),
        (texts.HEALTH_MIGRATIONS_EDITED, {v for v, c in state.applied.items() if v in expected and c != expected[v]}),
    )
    for template, versions in problems:
        if versions:
            return CheckResult("database", ok=False, detail=template.format(versions=_versions(versions)))
    if not state.intact:
        detail = texts.HEALTH_QUICK_CHECK_FAILED.format(reason="; ".join(state.quick_check))
        return CheckResult("database", ok=False, detail=detail)
    return CheckResult("database", ok=True, detail=texts.HEALTH_DATABASE_OK.format(path=path, count=len(expected)))


async def check_dispatcher(settings: Settings, stall: timedelta = DISPATCHER_STALL) -> CheckResult | None:
    """Deliveries due for longer than ``stall`` while the dispatcher's heartbeat is older than that: stalled.

    The heartbeat is a file the running bot's dispatcher touches whenever it writes progress or finds nothing
    due, so this works from another process; a dispatcher that died, or cannot write, stops touching it.
    None (no line) when the outbox holds nothing to send.
    """
    now = datetime.now(UTC)
    try:
        state = await inspect_outbox(settings.database_path, now)
    except (OSError, sqlite3.Error) as error:
        detail = texts.HEALTH_DATABASE_UNREADABLE.format(path=settings.database_path, reason=error)
        return CheckResult("dispatcher", ok=False, detail=detail)
    if not state.due and not state.waiting:
        return None
    if not state.due or state.oldest_due is None:
        return CheckResult("dispatcher", ok=True, detail=texts.HEALTH_DISPATCHER_IDLE.format(waiting=state.waiting))
    quiet = now - state.heartbeat if state.heartbeat is not None else now - state.oldest_due
    seconds = max(0, int(quiet.total_seconds()))
    if now - state.oldest_due > stall and quiet > stall:
        return CheckResult(
            "dispatcher", ok=False, detail=texts.HEALTH_DISPATCHER_STALLED.format(due=state.due, seconds=seconds)
        )
    return CheckResult("dispatcher", ok=True, detail=texts.HEALTH_DISPATCHER_OK.format(due=state.due, seconds=seconds))


async def check_bot_api(settings: Settings, request_timeout: float = DEFAULT_TIMEOUT) -> list[CheckResult]:
    """``getMe`` answers with this token; in webhook mode also that Telegram has our webhook and reaches it."""
    token = settings.bot_token.reveal()
    bot = Bot(
        token,
        base_url=settings.bot_api_url,
        base_file_url=settings.bot_api_file_url,
        request=bot_api_request(
            proxy=settings.telegram_proxy,
            connect_timeout=request_timeout,
            read_timeout=request_timeout,
            write_timeout=request_timeout,
            pool_timeout=request_timeout,
        ),
    )
    results: list[CheckResult] = []
    try:
        async with asyncio.timeout(3 * request_timeout), bot:  # initialize() calls getMe
            detail = texts.HEALTH_BOT_API_OK.format(username=bot.username)
            results.append(CheckResult("bot_api", ok=True, detail=detail))
            if settings.webhook_url:
                results.append(await _check_webhook(bot, settings.webhook_url))
    except (TelegramError, TimeoutError, OSError) as error:
        # PTB's InvalidToken message quotes the token; the health output may end up in monitoring systems.
        reason = str(error).replace(token, "<token>") or type(error).__name__
        template = texts.HEALTH_BOT_API_REFUSED if isinstance(error, InvalidToken) else texts.HEALTH_BOT_API_FAILED
        results.append(CheckResult("bot_api", ok=False, detail=template.format(reason=reason)))
    return results


async def _check_webhook(bot: Bot, webhook_url: str) -> CheckResult:
    info = await bot.get_webhook_info()
    if info.url != webhook_url:
        return CheckResult("webhook", ok=False, detail=texts.HEALTH_WEBHOOK_NOT_SET.format(actual=info.url or "—"))
    pending = info.pending_update_count
    recent = info.last_error_date is not None and datetime.now(UTC) - info.last_error_date < RECENT_WEBHOOK_ERROR
    if recent and pending:
        detail = texts.HEALTH_WEBHOOK_UNDELIVERED.format(pending=pending, reason=info.last_error_message or "?")
        return CheckResult("webhook", ok=False, detail=detail)
    return CheckResult("webhook", ok=True, detail=texts.HEALTH_WEBHOOK_OK.format(pending=pending))


async def run_checks(settings: Settings, request_timeout: float = DEFAULT_TIMEOUT) -> list[CheckResult]:
    """Every check, in the order printed."""
    database = await check_database(settings)
    dispatcher = await check_dispatcher(settings) if database.ok else None
    return [database, *await check_bot_api(settings, request_timeout), *([dispatcher] if dispatcher else [])]


def run_health_checks(settings: Settings) -> int:
    """Print one line per check and return the exit code: 0 when every check passed, 1 otherwise."""
    results = asyncio.run(run_checks(settings))
    for result in results:
        print(result.line())
    return 0 if all(r.ok for r in results) else 1
