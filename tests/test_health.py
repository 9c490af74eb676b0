"""`python -m bot health`: database and Bot API checks, one line each, exit code 1 when one fails."""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from bot.config import Settings
from bot.telegram.health import CheckResult, run_checks
from fakegram import FakeTelegram
from storage import Storage
from storage.db import load_migrations
from tests.harness import Cli, CliResult

ROOT = Path(__file__).resolve().parent.parent


def closed_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def env_for(tg: FakeTelegram, database: Path, **overrides: str) -> dict[str, str]:
    """Settings for the fake Bot API server and this database file."""
    env = {
        "BOT_TOKEN": tg.token,
        "TELEGRAM_BASE_URL": tg.base_url,
        "TELEGRAM_BASE_FILE_URL": tg.base_file_url,
        "DATABASE_PATH": str(database),
    }
    env.update(overrides)
    return env


async def migrated(path: Path) -> Path:
    """A database file with every migration applied."""
    store = await Storage.open(path)
    await store.close()
    return path


def _by_check(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {r.check: r for r in results}


async def test_healthy_database_and_bot_api(tg: FakeTelegram, tmp_path: Path) -> None:
    """A migrated database and an answering Bot API: every check ok, with the bot's username."""
    database = await migrated(tmp_path / "bot.db")
    results = await run_checks(Settings.from_mapping(env_for(tg, database)))
    assert [(r.check, r.ok) for r in results] == [("database", True), ("bot_api", True)]
    assert "@ilam_press_bot" in results[1].detail
    assert f"{len(load_migrations())} migrations applied" in results[0].detail
    assert results[0].line().startswith("ok database: ")


async def test_unreachable_bot_api_fails(tg: FakeTelegram, tmp_path: Path) -> None:
    """Nothing listening at TELEGRAM_BASE_URL: the Bot API check fails quickly with a reason."""
    database = await migrated(tmp_path / "bot.db")
    env = env_for(tg, database, TELEGRAM_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot")
    results = _by_check(await run_checks(Settings.from_mapping(env), request_timeout=2.0))
    assert results["database"].ok
    assert not results["bot_api"].ok
    assert results["bot_api"].line().startswith("FAILED bot_api: ")
    assert "unreachable" in results["bot_api"].detail


async def test_refused_token_fails(tg: FakeTelegram, tmp_path: Path) -> None:
    """A token the Bot API does not know is reported as refused, without printing the token."""
    database = await migrated(tmp_path / "bot.db")
    wrong = "999999:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    results = _by_check(await run_checks(Settings.from_mapping(env_for(tg, database, BOT_TOKEN=wrong))))
    assert not results["bot_api"].ok
    assert "token rejected" in results["bot_api"].detail
    assert wrong not in results["bot_api"].detail


def _drop_last_migration_record(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db, db:  # closed, and committed by `with db`
        db.execute("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")


def _add_unknown_migration_record(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db, db:  # closed, and committed by `with db`
        db.execute("INSERT INTO schema_migrations VALUES (9999, 'future', 'x', '2030-01-01T00:00:00.000000Z')")


def _edit_first_migration_record(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db, db:  # closed, and committed by `with db`
        db.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")


def _spoil(database: Path, spoil: Callable[[Path], object]) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    spoil(database)


@pytest.mark.parametrize(
    ("spoil", "needle"),
    [
        (lambda p: p.unlink(), "database file not found"),
        (lambda p: p.write_bytes(b""), "pending migrations: 0001"),
        (lambda p: p.write_bytes(b"this is not an SQLite database file " * 40), "not readable"),
        (_drop_last_migration_record, f"pending migrations: {len(load_migrations()):04d}"),
        (_add_unknown_migration_record, "newer than the code: 9999"),
        (_edit_first_migration_record, "edited after they were applied: 0001"),
    ],
    ids=["missing", "empty-file", "not-sqlite", "pending", "unknown", "edited"],
)
async def test_unusable_database_fails(
    tg: FakeTelegram, tmp_path: Path, spoil: Callable[[Path], object], needle: str
) -> None:
    """A missing, empty, foreign, un-migrated, newer or tampered database fails the database check."""
    database = await migrated(tmp_path / "bot.db")
    _spoil(database, spoil)
    results = _by_check(await run_checks(Settings.from_mapping(env_for(tg, database))))
    assert not results["database"].ok
    assert needle in results["database"].detail
    assert results["bot_api"].ok


async def test_health_never_creates_the_database(tg: FakeTelegram, tmp_path: Path) -> None:
    """Checking a missing database does not create the file (a probe must not hide the problem)."""
    database = tmp_path / "absent" / "bot.db"
    await run_checks(Settings.from_mapping(env_for(tg, database)))
    assert not database.parent.exists()


def _cli(cli: Cli, env: dict[str, str], cwd: Path) -> CliResult:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_", "WEBHOOK_"))}
    return cli("health", env={**clean, **env}, cwd=cwd)


async def test_cli_exit_codes(cli: Cli, tg_thread: FakeTelegram, tmp_path: Path) -> None:
    """The command prints one line per check and exits 0 when healthy, 1 when the server is gone or the
    database has no schema."""
    database = await migrated(tmp_path / "bot.db")
    healthy = _cli(cli, env_for(tg_thread, database), tmp_path)
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert [line.split(":")[0] for line in healthy.stdout.splitlines()] == ["ok database", "ok bot_api"]

    gone = env_for(tg_thread, database, TELEGRAM_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot")
    unreachable = _cli(cli, gone, tmp_path)
    assert unreachable.returncode == 1
    assert [line.split(":")[0] for line in unreachable.stdout.splitlines()] == ["ok database", "FAILED bot_api"]

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    no_schema = _cli(cli, env_for(tg_thread, empty), tmp_path)
    assert no_schema.returncode == 1
    assert no_schema.stdout.startswith("FAILED database: ")
    assert tg_thread.token not in healthy.stdout + unreachable.stdout + no_schema.stdout
