"""Settings: parsing, validation with one clear line per mistake, and the token kept secret."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, ensure_database_writable, read_env_file
from bot.logging_setup import KeyValueFormatter, RedactSecrets
from tests.harness import Cli

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
ROOT = Path(__file__).resolve().parent.parent


def test_defaults_follow_the_design() -> None:
    """Only BOT_TOKEN is required; every other setting has the documented default."""
    settings = Settings.from_mapping({"BOT_TOKEN": TOKEN})
    assert settings.admin_ids == frozenset()
    assert settings.database_path == Path("data/bot.db")
    assert settings.telegram_base_url is None
    assert str(settings.timezone) == "Asia/Tehran"
    assert settings.broadcast_rate == 25
    assert settings.paid_broadcast is False
    assert settings.webhook_url is None
    assert settings.webhook_secret is None
    assert (settings.webhook_listen, settings.webhook_port) == ("127.0.0.1", 8443)
    assert settings.log_level == "INFO"
    assert settings.question_sla_hours == 48


def test_every_setting_is_read() -> None:
    """Each variable of DESIGN §4 reaches its field."""
    settings = Settings.from_mapping(
        {
            "BOT_TOKEN": TOKEN,
            "ADMIN_IDS": " 11, 22 ,33",
            "DATABASE_PATH": "/var/lib/wire/bot.db",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:8081/file/bot",
            "BOT_TIMEZONE": "UTC",
            "BROADCAST_RATE": "400",
            "PAID_BROADCAST": "1",
            "WEBHOOK_URL": "https://wire.example.ir/hook",
            "WEBHOOK_SECRET": "s3cret_-token",
            "WEBHOOK_LISTEN": "0.0.0.0",
            "WEBHOOK_PORT": "8080",
            "LOG_LEVEL": "debug",
            "LOG_FORMAT": "JSON",
            "ADMIN_CHAT_ID": "-100123",
            "QUESTION_SLA_HOURS": "1.5",
        }
    )
    assert settings.admin_ids == frozenset({11, 22, 33})
    assert settings.database_path == Path("/var/lib/wire/bot.db")
    assert settings.telegram_base_url == "http://127.0.0.1:8081/bot"
    assert settings.telegram_base_file_url == "http://127.0.0.1:8081/file/bot"
    assert str(settings.timezone) == "UTC"
    assert settings.broadcast_rate == 400
    assert settings.paid_broadcast is True
    assert settings.webhook_url == "https://wire.example.ir/hook"
    assert settings.webhook_path == "/hook"
    assert settings.webhook_secret is not None
    assert settings.webhook_secret.reveal() == "s3cret_-token"
    assert "s3cret_-token" not in repr(settings)
    assert settings.webhook_listen == "0.0.0.0"
    assert settings.webhook_port == 8080
    assert settings.log_level == "DEBUG"
    assert settings.log_format == "json"
    assert settings.admin_chat_id == -100123
    assert settings.question_sla_hours == 1.5


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": TOKEN, "ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"BOT_TOKEN": TOKEN, "BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE"),
        ({"BOT_TOKEN": TOKEN, "BROADCAST_RATE": "fast"}, "BROADCAST_RATE"),
        ({"BOT_TOKEN": TOKEN, "BROADCAST_RATE": "100"}, "BROADCAST_RATE"),
        ({"BOT_TOKEN": TOKEN, "PAID_BROADCAST": "maybe"}, "PAID_BROADCAST"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": "127.0.0.1:8081"}, "TELEGRAM_BASE_URL"),
        ({"BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"BOT_TOKEN": TOKEN, "ADMIN_CHAT_ID": "group"}, "ADMIN_CHAT_ID"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.ir/telegram"}, "WEBHOOK_SECRET"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "http://bot.example.ir/telegram", "WEBHOOK_SECRET": "x"}, "WEBHOOK_URL"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.ir/t?x=1", "WEBHOOK_SECRET": "x"}, "WEBHOOK_URL"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.ir/t.*", "WEBHOOK_SECRET": "x"}, "WEBHOOK_URL"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_SECRET": "has spaces"}, "WEBHOOK_SECRET"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_SECRET": "x" * 257}, "WEBHOOK_SECRET"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_LISTEN": "local host"}, "WEBHOOK_LISTEN"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"BOT_TOKEN": TOKEN, "WEBHOOK_PORT": "http"}, "WEBHOOK_PORT"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "ftp://proxy.example.ir:21"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "socks4://127.0.0.1:1080"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "127.0.0.1:1080"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "http://127.0.0.1:99999"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "http://proxy.example.ir:3128/path"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "socks5://"}, "TELEGRAM_PROXY"),
        ({"BOT_TOKEN": TOKEN, "QUESTION_SLA_HOURS": "0.5"}, "QUESTION_SLA_HOURS"),
        ({"BOT_TOKEN": TOKEN, "QUESTION_SLA_HOURS": "721"}, "QUESTION_SLA_HOURS"),
        ({"BOT_TOKEN": TOKEN, "QUESTION_SLA_HOURS": "دو روز"}, "QUESTION_SLA_HOURS"),
        ({"BOT_TOKEN": TOKEN, "QUESTION_SLA_HOURS": "nan"}, "QUESTION_SLA_HOURS"),
    ],
)
def test_bad_settings_name_the_variable_in_one_line(env: dict[str, str], names: str) -> None:
    """A malformed setting raises ConfigError whose single line names the variable to fix."""
    with pytest.raises(ConfigError) as caught:
        Settings.from_mapping(env)
    message = str(caught.value)
    assert names in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("proxy", "shown"),
    [
        ("http://127.0.0.1:3128", "http://127.0.0.1:3128"),
        ("https://proxy.example.ir:443", "https://proxy.example.ir:443"),
        ("socks5://127.0.0.1:1080", "socks5://127.0.0.1:1080"),
        ("socks5h://127.0.0.1:1080", "socks5h://127.0.0.1:1080"),
        ("SOCKS5://wire:s3cret-pass@10.0.0.2:1080/", "SOCKS5://wire:***@10.0.0.2:1080/"),
    ],
)
def test_telegram_proxy_takes_http_https_and_socks5_urls(proxy: str, shown: str) -> None:
    """TELEGRAM_PROXY is kept as given; its password never shows in the settings' repr or where it is printed."""
    settings = Settings.from_mapping({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": f"  {proxy} "})
    assert settings.telegram_proxy is not None
    assert settings.telegram_proxy.reveal() == proxy
    assert "s3cret-pass" not in repr(settings)
    assert settings.telegram_proxy_shown == shown


def test_telegram_proxy_is_optional_and_a_bad_one_hides_its_password() -> None:
    """Unset means no proxy; a malformed one is refused without printing its password."""
    assert Settings.from_mapping({"BOT_TOKEN": TOKEN}).telegram_proxy is None
    with pytest.raises(ConfigError) as caught:
        Settings.from_mapping({"BOT_TOKEN": TOKEN, "TELEGRAM_PROXY": "ftp://wire:s3cret-pass@proxy.example.ir:21"})
    assert "s3cret-pass" not in str(caught.value)
    assert "ftp://wire:***@proxy.example.ir:21" in str(caught.value)


def test_token_never_shows_in_repr() -> None:
    """Printing or logging the settings does not reveal the token."""
    settings = Settings.from_mapping({"BOT_TOKEN": TOKEN})
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.bot_token)
    assert settings.bot_token.reveal() == TOKEN


def test_log_filter_masks_the_token(caplog: pytest.LogCaptureFixture) -> None:
    """A log line that would contain the token (e.g. a request URL) has it replaced."""
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(TOKEN))
    try:
        with caplog.at_level(logging.INFO, logger="test.redact"):
            logger.info("POST https://api.telegram.org/bot%s/sendMessage", TOKEN)
    finally:
        logger.filters.clear()
    assert TOKEN not in caplog.text
    assert "<token>" in caplog.text


def test_log_filter_masks_the_webhook_secret_and_tracebacks() -> None:
    """WEBHOOK_SECRET is masked like the token, also inside a logged exception's traceback."""
    secret = "webhook_secret-value"
    record = logging.LogRecord("test", logging.DEBUG, __file__, 1, "setWebhook %s", ({"secret_token": secret},), None)
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/setWebhook {secret}")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    RedactSecrets(TOKEN, secret).filter(record)
    line = KeyValueFormatter().format(record)
    assert secret not in line
    assert TOKEN not in line
    assert "<secret>" in record.getMessage()
    assert "<token>" in line


def test_text_logs_are_key_value_lines() -> None:
    """LOG_FORMAT=text writes one logfmt line: bare values, quoted messages, escaped line breaks."""
    record = logging.LogRecord("bot.app", logging.INFO, __file__, 1, "started database=%s", ("data/bot.db",), None)
    line = KeyValueFormatter().format(record)
    assert re.fullmatch(r'time=\S+ level=INFO logger=bot\.app msg="started database=data/bot\.db"', line), line
    record = logging.LogRecord("bot", logging.ERROR, __file__, 1, 'two\nlines "quoted"', (), None)
    line = KeyValueFormatter().format(record)
    assert "\n" not in line
    assert line.endswith(r'msg="two\nlines \"quoted\""')


def test_env_file_is_parsed_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Values come from .env (comments, quotes, export) and the real environment overrides them."""
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"# comment\nexport BOT_TOKEN='{TOKEN}'\nADMIN_IDS=1,2 # inline comment\nLOG_LEVEL=\"WARNING\"\n",
        encoding="utf-8",
    )
    assert read_env_file(env_file) == {"BOT_TOKEN": TOKEN, "ADMIN_IDS": "1,2", "LOG_LEVEL": "WARNING"}
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.delenv("ADMIN_IDS", raising=False)
    settings = Settings.from_environment(env_file)
    assert settings.admin_ids == frozenset({1, 2})
    assert settings.log_level == "ERROR"


def test_malformed_env_file_line_is_named(tmp_path: Path) -> None:
    """A line that is not KEY=VALUE is reported with its line number."""
    env_file = tmp_path / ".env"
    env_file.write_text("BOT_TOKEN=x\nthis is wrong\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=":2"):
        read_env_file(env_file)


def test_database_folder_is_created(tmp_path: Path) -> None:
    """A missing database folder is created at start-up."""
    target = tmp_path / "deep" / "er" / "bot.db"
    ensure_database_writable(target)
    assert target.parent.is_dir()


def test_unwritable_database_folder_is_refused() -> None:
    """A database folder that cannot be created (even by root: /proc) stops start-up naming DATABASE_PATH."""
    with pytest.raises(ConfigError, match="DATABASE_PATH"):
        ensure_database_writable(Path("/proc/forbidden/bot.db"))


def test_database_path_under_a_file_is_refused(tmp_path: Path) -> None:
    """A DATABASE_PATH whose folder is really a file stops start-up with DATABASE_PATH named."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="DATABASE_PATH"):
        ensure_database_writable(blocker / "bot.db")


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "nonsense"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": TOKEN, "ADMIN_IDS": "x"}, "ADMIN_IDS"),
        ({"BOT_TOKEN": TOKEN, "DATABASE_PATH": "/proc/forbidden/bot.db"}, "DATABASE_PATH"),
    ],
)
def test_run_exits_with_one_clear_line(cli: Cli, tmp_path: Path, env: dict[str, str], needle: str) -> None:
    """`python -m bot run` with a bad setting exits non-zero with one line naming it, no traceback."""
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS", "DATABASE_PATH"}}
    result = cli("run", env={**clean, **env}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stderr + result.stdout
