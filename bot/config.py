"""Settings: one frozen object built from the environment and an optional ``.env`` file.

Every setting is documented in ``.env.example``. Parsing is pure (tests pass a dict); the only
side-effecting check, that the database path is writable, is a separate function called at start-up.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.delivery.limits import TELEGRAM, TelegramLimits

DEFAULT_DATABASE_PATH = Path("data/bot.db")
# Telegram's official Bot API server (the token is appended to the first).
DEFAULT_TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_TELEGRAM_BASE_FILE_URL = "https://api.telegram.org/file/bot"
DEFAULT_TIMEZONE = "Asia/Tehran"
DEFAULT_BROADCAST_RATE = 25.0
# Telegram allows about 30 messages per second to different chats, and up to 1000 with paid broadcasts.
MAX_FREE_RATE = TELEGRAM.overall_per_second
MAX_PAID_RATE = TELEGRAM.paid_overall_per_second
# Below one message every two seconds a broadcast to a few hundred chats would take hours: a typo.
MIN_RATE = 0.5
# Telegram's user and chat ids fit in 52 bits (the Bot API's promise); anything longer is a typo, and
# above SQLite's 64-bit integers it could not even be stored.
MAX_TELEGRAM_ID = 2**52
# How long a delivery that keeps meeting transient errors (timeouts, 5xx, network failures) is retried.
DEFAULT_DELIVERY_RETRY_HOURS = 24.0
MIN_DELIVERY_RETRY_HOURS, MAX_DELIVERY_RETRY_HOURS = 0.1, 168.0
# The time an agency has to answer a journalist's question (the provincial guideline asks for 48 hours).
DEFAULT_QUESTION_SLA_HOURS = 48.0
MIN_QUESTION_SLA_HOURS, MAX_QUESTION_SLA_HOURS = 1.0, 720.0

_TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{8,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LOG_FORMATS = ("text", "json")
# Webhook mode: the local address PTB's webhook server listens on (a reverse proxy terminates TLS in
# front of it), and Telegram's rule for secret_token (1-256 characters of A-Z, a-z, 0-9, _ and -).
DEFAULT_WEBHOOK_LISTEN = "127.0.0.1"
DEFAULT_WEBHOOK_PORT = 8443
# The newsroom (bot/web/): the public site and feeds, served by the bot's own process on this address.
DEFAULT_WEB_LISTEN = "127.0.0.1"
DEFAULT_WEB_PORT = 8080
_WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# Letters, digits, _ and - only: PTB uses the path as a regular expression, so it must not contain any.
_WEBHOOK_PATH_PATTERN = re.compile(r"^(/[A-Za-z0-9_-]+)*/?$")
_HOSTNAME_PATTERN = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")
# TELEGRAM_PROXY: what httpx can proxy through (socks5 and socks5h both leave name resolution to the proxy).
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
# user:password@ in a URL: masked wherever the URL is shown.
_URL_PASSWORD = re.compile(r"(://[^/@:]*):[^/@]*@")


class ConfigError(Exception):
    """A setting is missing or malformed; the message tells the operator what to fix, in one line."""


class Secret:
    """A string that never shows itself in ``repr``/``str``, so settings can be logged safely."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """Return the secret; call it only where the value is handed to the library that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated configuration of one bot process."""

    bot_token: Secret
    admin_ids: frozenset[int] = frozenset()
    database_path: Path = DEFAULT_DATABASE_PATH
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    # The proxy every Bot API request goes through (a Secret: its URL may carry a password).
    telegram_proxy: Secret | None = None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    broadcast_rate: float = DEFAULT_BROADCAST_RATE
    paid_broadcast: bool = False
    webhook_url: str | None = None
    webhook_secret: Secret | None = None
    webhook_listen: str = DEFAULT_WEBHOOK_LISTEN
    webhook_port: int = DEFAULT_WEBHOOK_PORT
    log_level: str = "INFO"
    log_format: str = "text"
    admin_chat_id: int | None = None
    delivery_retry_hours: float = DEFAULT_DELIVERY_RETRY_HOURS
    question_sla_hours: float = DEFAULT_QUESTION_SLA_HOURS
    # The newsroom: on by default; port 0 lets the system pick a free port (tests).
    web_enabled: bool = True
    web_listen: str = DEFAULT_WEB_LISTEN
    web_port: int = DEFAULT_WEB_PORT
    # The address readers reach the newsroom at (no trailing slash); None: each request's own host.
    public_base_url: str | None = None
    # Telegram's flood limits, which the pacer keeps: never an environment variable, only tests change it.
    telegram_limits: TelegramLimits = TELEGRAM

    @classmethod
    def from_mapping(cls, env: Mapping[str, str], *, limits: TelegramLimits = TELEGRAM) -> Settings:
        """Build settings from a mapping of environment variables, raising ConfigError on bad input.

        ``limits`` are Telegram's (tests pass faster ones); BROADCAST_RATE may not exceed their overall rate.
        """
        token = env.get("BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError(
                "BOT_TOKEN تنظیم نشده است: توکن ربات را از ‎@BotFather‎ بگیرید و در فایل ‎.env‎ "
                "یا متغیر محیطی BOT_TOKEN بگذارید (BOT_TOKEN is not set)."
            )
        if not _TOKEN_PATTERN.match(token):
            raise ConfigError(
                "BOT_TOKEN نادرست است: باید به شکل ‎123456789:ABC-def…‎ باشد، همان‌طور که BotFather "
                "داده است (BOT_TOKEN is malformed)."
            )
        paid = _parse_bool(env, "PAID_BROADCAST", default=False)
        webhook_url = _parse_webhook_url(env)
        return cls(
            bot_token=Secret(token),
            admin_ids=_parse_ids(env.get("ADMIN_IDS", "")),
            database_path=database_path(env),
            telegram_base_url=_parse_url(env, "TELEGRAM_BASE_URL"),
            telegram_base_file_url=_parse_url(env, "TELEGRAM_BASE_FILE_URL"),
            telegram_proxy=_parse_proxy(env),
            timezone=_parse_timezone(env.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE),
            broadcast_rate=_parse_rate(env.get("BROADCAST_RATE", "").strip(), paid=paid, limits=limits),
            paid_broadcast=paid,
            webhook_url=webhook_url,
            webhook_secret=_parse_webhook_secret(env, required=webhook_url is not None),
            webhook_listen=_parse_listen(env, "WEBHOOK_LISTEN", DEFAULT_WEBHOOK_LISTEN),
            webhook_port=_parse_port(env, "WEBHOOK_PORT", DEFAULT_WEBHOOK_PORT),
            log_level=_parse_choice(env, "LOG_LEVEL", _LOG_LEVELS, "INFO", upper=True),
            log_format=_parse_choice(env, "LOG_FORMAT", _LOG_FORMATS, "text", upper=False),
            admin_chat_id=_parse_optional_int(env, "ADMIN_CHAT_ID"),
            delivery_retry_hours=_parse_retry_hours(env.get("DELIVERY_RETRY_HOURS", "").strip()),
            question_sla_hours=_parse_sla_hours(env.get("QUESTION_SLA_HOURS", "").strip()),
            web_enabled=_parse_bool(env, "WEB_ENABLED", default=True),
            web_listen=_parse_listen(env, "WEB_LISTEN", DEFAULT_WEB_LISTEN),
            web_port=_parse_port(env, "WEB_PORT", DEFAULT_WEB_PORT, lowest=0),
            public_base_url=_parse_public_base_url(env),
            telegram_limits=limits,
        )

    @classmethod
    def from_environment(cls, env_file: Path | None = Path(".env")) -> Settings:
        """Build settings from ``os.environ`` over the values of ``env_file`` (the environment wins)."""
        return cls.from_mapping(merged_environment(env_file))

    @property
    def bot_api_url(self) -> str:
        """Where Bot API requests go, the token appended: TELEGRAM_BASE_URL or Telegram's official server."""
        return self.telegram_base_url or DEFAULT_TELEGRAM_BASE_URL

    @property
    def bot_api_file_url(self) -> str:
        """Where files are downloaded from, the token appended: TELEGRAM_BASE_FILE_URL or Telegram's."""
        return self.telegram_base_file_url or DEFAULT_TELEGRAM_BASE_FILE_URL

    @property
    def telegram_proxy_shown(self) -> str | None:
        """TELEGRAM_PROXY as it may be printed: its password masked."""
        return without_password(self.telegram_proxy.reveal()) if self.telegram_proxy else None

    @property
    def log_level_number(self) -> int:
        """The logging module's number for ``log_level``."""
        return int(logging.getLevelName(self.log_level))

    @property
    def webhook_path(self) -> str:
        """The path of WEBHOOK_URL without its trailing slash: where the webhook server takes updates."""
        return urlsplit(self.webhook_url).path.rstrip("/") if self.webhook_url else ""


def merged_environment(env_file: Path | None = Path(".env")) -> dict[str, str]:
    """The values of ``env_file`` (if it exists) overridden by the process environment."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update(read_env_file(env_file))
    values.update(os.environ)
    return values


def database_path(env: Mapping[str, str]) -> Path:
    """DATABASE_PATH from a mapping, for commands that need the database but not the bot token."""
    return Path(env.get("DATABASE_PATH", "").strip() or DEFAULT_DATABASE_PATH)


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a ``.env`` file: ``KEY=VALUE`` lines, ``#`` comments, optional quotes and ``export``."""
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        stripped = stripped.removeprefix("export ").strip()
        key, sep, value = stripped.partition("=")
        if not sep or not key.strip().isidentifier():
            raise ConfigError(f"خط {number} فایل {path} به شکل KEY=VALUE نیست ({path}:{number} is malformed).")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key.strip()] = value
    return values


def ensure_database_writable(path: Path) -> None:
    """Create the database folder if needed and check that the process may write there."""
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"پوشه پایگاه داده ساخته نشد: {folder} ({exc.strerror}). DATABASE_PATH را به مسیری قابل نوشتن "
            "تغییر دهید (DATABASE_PATH is not writable)."
        ) from None
    target = path if path.exists() else folder
    if path.exists() and path.is_dir():
        raise ConfigError(f"DATABASE_PATH به یک پوشه اشاره می‌کند، نه فایل: {path}")
    if not os.access(target, os.W_OK) or (path.exists() and not os.access(folder, os.W_OK)):
        raise ConfigError(
            f"اجازه نوشتن در {target} نیست. DATABASE_PATH را به مسیری قابل نوشتن تغییر دهید "
            "(DATABASE_PATH is not writable)."
        )


def _parse_ids(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for piece in raw.replace(" ", "").split(","):
        if not piece:
            continue
        if not re.fullmatch(r"-?\d{1,20}", piece) or not 0 < int(piece) < MAX_TELEGRAM_ID:
            raise ConfigError(
                f"ADMIN_IDS نادرست است: «{piece}» شناسه عددی کاربر تلگرام نیست؛ شناسه‌ها را با ویرگول "
                "جدا کنید، مثل 12345,67890 (ADMIN_IDS is malformed)."
            )
        ids.add(int(piece))
    return frozenset(ids)


def _parse_optional_int(env: Mapping[str, str], name: str) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"-?\d{1,20}", raw) or not 0 < abs(int(raw)) < MAX_TELEGRAM_ID:
        raise ConfigError(f"{name} باید شناسهٔ عددی یک گفت‌وگوی تلگرام باشد، نه «{raw}» ({name} is malformed).")
    return int(raw)


def _parse_url(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not re.match(r"^https?://[^\s/]+", raw):
        raise ConfigError(f"{name} باید نشانی http یا https باشد، نه «{raw}» ({name} is malformed).")
    return raw


def without_password(url: str) -> str:
    """``url`` with the password of its ``user:password@`` part masked."""
    return _URL_PASSWORD.sub(r"\1:***@", url)


def _parse_proxy(env: Mapping[str, str]) -> Secret | None:
    raw = env.get("TELEGRAM_PROXY", "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme.lower() not in PROXY_SCHEMES
        or not parts.hostname
        or port == -1
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ConfigError(
            "TELEGRAM_PROXY باید نشانی یک پراکسی http، https یا socks5 باشد، مثل socks5://127.0.0.1:1080 یا "
            f"http://user:pass@proxy.example.ir:3128، نه «{without_password(raw)}» (TELEGRAM_PROXY must be an "
            "http://, https:// or socks5:// URL)."
        )
    return Secret(raw)


def _parse_webhook_url(env: Mapping[str, str]) -> str | None:
    url = _parse_url(env, "WEBHOOK_URL")
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.query or parts.fragment or not _WEBHOOK_PATH_PATTERN.match(parts.path):
        raise ConfigError(
            f"WEBHOOK_URL باید نشانی https با مسیری از حروف لاتین، رقم، _ و - و بدون پرسمان باشد، مثل "
            f"https://bot.example.ir/telegram، نه «{url}» (WEBHOOK_URL must be an https URL with a plain path)."
        )
    return url


def _parse_webhook_secret(env: Mapping[str, str], *, required: bool) -> Secret | None:
    raw = env.get("WEBHOOK_SECRET", "").strip()
    if not raw:
        if required:
            raise ConfigError(
                "WEBHOOK_SECRET تنظیم نشده است: در حالت وب‌هوک یک رشتهٔ تصادفی بلند لازم است تا به‌روزرسانی‌های "
                "جعلی رد شوند (WEBHOOK_SECRET is required when WEBHOOK_URL is set)."
            )
        return None
    if not _WEBHOOK_SECRET_PATTERN.match(raw):
        raise ConfigError(
            "WEBHOOK_SECRET نادرست است: ۱ تا ۲۵۶ نویسه از حروف لاتین، رقم، _ و - باشد، همان‌طور که تلگرام "
            "می‌خواهد (WEBHOOK_SECRET is malformed)."
        )
    return Secret(raw)


def _parse_listen(env: Mapping[str, str], name: str, default: str) -> str:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        ipaddress.ip_address(raw)
    except ValueError:
        if not _HOSTNAME_PATTERN.match(raw):
            raise ConfigError(
                f"{name} باید نشانی IP یا نام میزبان باشد، مثل 127.0.0.1، نه «{raw}» ({name} is malformed)."
            ) from None
    return raw


def _parse_port(env: Mapping[str, str], name: str, default: int, *, lowest: int = 1) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"\d{1,5}", raw) or not lowest <= int(raw) <= 65535:
        raise ConfigError(f"{name} باید عددی از {lowest} تا 65535 باشد، نه «{raw}» ({name} is malformed).")
    return int(raw)


def _parse_public_base_url(env: Mapping[str, str]) -> str | None:
    url = _parse_url(env, "PUBLIC_BASE_URL")
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.query or parts.fragment or not _WEBHOOK_PATH_PATTERN.match(parts.path):
        raise ConfigError(
            f"PUBLIC_BASE_URL باید نشانی http یا https بدون پرسمان باشد، مثل https://wire.example.ir، نه «{url}» "
            "(PUBLIC_BASE_URL must be a plain http(s) URL)."
        )
    return url.rstrip("/")


def _parse_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"BOT_TIMEZONE نامعتبر است: «{name}»؛ نامی مثل Asia/Tehran بدهید (BOT_TIMEZONE is unknown)."
        ) from None


def _parse_rate(raw: str, *, paid: bool, limits: TelegramLimits) -> float:
    if not raw:
        return DEFAULT_BROADCAST_RATE
    try:
        rate = float(raw)
    except ValueError:
        rate = -1.0
    ceiling = limits.paid_overall_per_second if paid else limits.overall_per_second
    if not MIN_RATE <= rate <= ceiling:
        raise ConfigError(
            f"BROADCAST_RATE باید عددی از {MIN_RATE:g} تا {ceiling:g} پیام در ثانیه باشد، نه «{raw}» "
            f"(BROADCAST_RATE is out of range {MIN_RATE:g}..{ceiling:g}; above {limits.overall_per_second:g} "
            "requires PAID_BROADCAST=1)."
        )
    return rate


def _parse_retry_hours(raw: str) -> float:
    if not raw:
        return DEFAULT_DELIVERY_RETRY_HOURS
    try:
        hours = float(raw)
    except ValueError:
        hours = -1.0
    if not MIN_DELIVERY_RETRY_HOURS <= hours <= MAX_DELIVERY_RETRY_HOURS:
        raise ConfigError(
            f"DELIVERY_RETRY_HOURS باید عددی از {MIN_DELIVERY_RETRY_HOURS:g} تا {MAX_DELIVERY_RETRY_HOURS:g} ساعت "
            f"باشد، نه «{raw}» (DELIVERY_RETRY_HOURS is out of range)."
        )
    return hours


def _parse_sla_hours(raw: str) -> float:
    if not raw:
        return DEFAULT_QUESTION_SLA_HOURS
    try:
        hours = float(raw)
    except ValueError:
        hours = -1.0
    if not MIN_QUESTION_SLA_HOURS <= hours <= MAX_QUESTION_SLA_HOURS:
        raise ConfigError(
            f"QUESTION_SLA_HOURS باید عددی از {MIN_QUESTION_SLA_HOURS:g} تا {MAX_QUESTION_SLA_HOURS:g} ساعت "
            f"باشد، نه «{raw}» (QUESTION_SLA_HOURS is out of range)."
        )
    return hours


def _parse_bool(env: Mapping[str, str], name: str, *, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} باید 0 یا 1 باشد، نه «{raw}» ({name} is malformed).")


def _parse_choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str, *, upper: bool) -> str:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    value = raw.upper() if upper else raw.lower()
    if value not in choices:
        raise ConfigError(f"{name} باید یکی از {', '.join(choices)} باشد، نه «{raw}» ({name} is malformed).")
    return value
