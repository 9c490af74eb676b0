"""Start-up refuses what it cannot run (issue 11, finding 8): one clear line and exit code 2, never a hang.

`python -m bot run` runs against the fake Bot API server, on a real database file that is garbage,
truncated, from a newer version of the code, or whose applied migration was edited; and with settings
outside their sane ranges, or a Bot API that cannot be reached. The command line runs in this process
(``tests.harness.Cli``: ``bot.cli.main`` with its own environment and captured output); one test runs it
as its own process, to show the same one line and exit code from a real ``python -m bot run``.
`python -m bot health` must agree that such a database is unusable.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.app import build_application
from bot.cli import reach_bot_api
from bot.config import Settings
from fakegram import FakeTelegram
from storage import Storage
from storage.db import load_migrations
from tests.harness import Cli

ROOT = Path(__file__).resolve().parent.parent
RUN_DEADLINE = 25.0  # seconds: hazm and PTB import in a few; a bot still up by then hangs


def bot_env(tg: FakeTelegram, database: Path, **overrides: str) -> dict[str, str]:
    """The environment of a bot process pointed at the fake server and ``database``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_", "BROADCAST_"))}
    env.update(
        BOT_TOKEN=tg.token,
        TELEGRAM_BASE_URL=tg.base_url,
        TELEGRAM_BASE_FILE_URL=tg.base_file_url,
        DATABASE_PATH=str(database),
        PYTHONPATH=str(ROOT),
        PTB_TIMEDELTA="1",
    )
    env.update(overrides)
    return env


def run_bot(
    *args: str, env: dict[str, str], cwd: Path, timeout: float = RUN_DEADLINE
) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` in its own process; a process still running at the deadline fails the test."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        command = " ".join(args)
        pytest.fail(f"`python -m bot {command}` still running after {timeout:.0f} s (a hang):\n{stderr[-2000:]}")
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def migrated(path: Path) -> Path:
    """A database with every migration applied (as `python -m bot migrate` leaves it)."""

    async def migrate() -> None:
        store = await Storage.open(path)
        await store.close()

    asyncio.run(migrate())
    return path


def garbage(path: Path) -> None:
    """A file of random bytes where the database should be."""
    path.write_bytes(os.urandom(64 * 1024))


def truncated_head(path: Path) -> None:
    """The first third of a real database: its header promises pages that are not there."""
    data = migrated(path).read_bytes()
    path.write_bytes(data[: len(data) // 3])


def truncated_tail(path: Path) -> None:
    """A real database missing only its last pages (what a full disk or a cut copy leaves)."""
    data = migrated(path).read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: len(data) - 2 * page_size])


# The migration a newer version of the bot would have: the one after this code's last.
FUTURE_VERSION = f"{len(load_migrations()) + 1:04d}"


def newer_schema(path: Path) -> None:
    """A database that a newer version of the bot migrated: it records a migration this code lacks."""
    migrated(path)
    version = int(FUTURE_VERSION)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
            (version, "from_the_future", "0" * 64, "2030-01-01T00:00:00.000000Z"),
        )
        db.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
    db.close()


def edited_migration(path: Path) -> None:
    """A database whose applied migration 0002 differs from the file this code ships."""
    migrated(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_migrations SET checksum = ? WHERE version = 2", ("f" * 64,))
    db.close()


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    # case: (how the file is spoiled, a word the one line must contain)
    "garbage": (garbage, "SQLite"),
    "truncated_head": (truncated_head, "SQLite"),
    "truncated_tail": (truncated_tail, "SQLite"),
    "newer_schema": (newer_schema, FUTURE_VERSION),
    "edited_migration": (edited_migration, "0002"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_run_refuses_an_unusable_database_in_one_line(
    cli: Cli, tg_thread: FakeTelegram, tmp_path: Path, case: str
) -> None:
    """`python -m bot run` on a database it cannot run exits 2 at once with one line and no traceback,
    touches nothing, and `python -m bot health` fails on the same file."""
    spoil, word = CASES[case]
    database = tmp_path / "bot.db"
    spoil(database)
    before = database.read_bytes()
    env = bot_env(tg_thread, database)

    result = cli("run", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert word in lines[0]
    assert database.read_bytes() == before  # refused, not "repaired" or migrated
    assert not tg_thread.calls_to("getUpdates")  # it never started taking updates

    health = cli("health", env=env, cwd=tmp_path)
    assert health.returncode == 1
    assert "FAILED database" in health.stdout


@pytest.mark.parametrize("case", ["garbage", "newer_schema", "edited_migration"])
def test_migrate_refuses_an_unusable_database_in_one_line(cli: Cli, tmp_path: Path, case: str) -> None:
    """`python -m bot migrate` says the same one line with exit code 2 instead of a traceback."""
    spoil, word = CASES[case]
    database = tmp_path / "bot.db"
    spoil(database)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(DATABASE_PATH=str(database), PYTHONPATH=str(ROOT))

    result = cli("migrate", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert word in lines[0]


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"BROADCAST_RATE": "1e-9"}, "BROADCAST_RATE"),
        ({"BROADCAST_RATE": "0.1"}, "BROADCAST_RATE"),
        ({"BROADCAST_RATE": "31"}, "BROADCAST_RATE"),
        ({"BROADCAST_RATE": "1001", "PAID_BROADCAST": "1"}, "BROADCAST_RATE"),
        ({"ADMIN_IDS": "99999999999999999999"}, "ADMIN_IDS"),
        ({"ADMIN_CHAT_ID": "-99999999999999999999"}, "ADMIN_CHAT_ID"),
        ({"TELEGRAM_PROXY": "ftp://proxy.example.ir:21"}, "TELEGRAM_PROXY"),
    ],
)
def test_run_refuses_settings_out_of_range(
    cli: Cli, tg_thread: FakeTelegram, tmp_path: Path, overrides: dict[str, str], variable: str
) -> None:
    """A setting the bot could not honour (a rate at which nothing would ever be sent, an id SQLite
    cannot store) stops `python -m bot run` with one line naming it and exit code 2."""
    result = cli("run", env=bot_env(tg_thread, tmp_path / "bot.db", **overrides), cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert not tg_thread.calls_to("getUpdates")


def _closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A Bot API URL whose server accepts connections and never answers (a filtered network's symptom)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshakes; nobody ever reads
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/bot"


@pytest.mark.parametrize("where", ["closed_port", "unknown_host", "silent_server"])
def test_run_without_a_reachable_bot_api_says_so_in_one_line(
    cli: Cli, tmp_path: Path, silent_server: str, where: str
) -> None:
    """`python -m bot run` whose Bot API cannot be reached (nothing listens, the name does not resolve, or
    nothing answers) exits 2 with one Persian line naming the URL it tried and never the token."""
    url = {
        "closed_port": f"http://127.0.0.1:{_closed_port()}/bot",
        "unknown_host": "http://api.telegram.invalid/bot",  # .invalid never resolves (RFC 2606)
        "silent_server": silent_server,
    }[where]
    token = "123456789:AAtheTokenNobodyMaySeeInTheOutput_0123"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}
    env.update(BOT_TOKEN=token, TELEGRAM_BASE_URL=url, DATABASE_PATH=str(tmp_path / "bot.db"), PYTHONPATH=str(ROOT))

    result = cli("run", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert url in lines[0]
    assert "وصل نشد" in lines[0]
    assert token not in result.stderr + result.stdout
    assert token.split(":")[1] not in result.stderr + result.stdout


def test_run_with_a_token_telegram_refuses_says_so_in_one_line(
    cli: Cli, tg_thread: FakeTelegram, tmp_path: Path
) -> None:
    """A token the Bot API rejects (401) stops `python -m bot run` with one line and exit code 2, without the token."""
    token = "987654321:AAaTokenThisServerDoesNotKnow_456789"
    env = bot_env(tg_thread, tmp_path / "bot.db", BOT_TOKEN=token)

    result = cli("run", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert tg_thread.base_url in lines[0]
    assert "BOT_TOKEN" in lines[0]
    assert token.split(":")[1] not in result.stderr


def test_run_through_a_proxy_that_is_down_says_so_in_one_line(
    cli: Cli, tg_thread: FakeTelegram, tmp_path: Path
) -> None:
    """With TELEGRAM_PROXY pointing at nothing, `python -m bot run` exits 2 with one line naming the Bot API URL
    and the proxy, whose password it masks."""
    proxy = f"http://wire:pa55word@127.0.0.1:{_closed_port()}"
    env = bot_env(tg_thread, tmp_path / "bot.db", TELEGRAM_PROXY=proxy)

    result = cli("run", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert tg_thread.base_url in lines[0]
    assert proxy.replace("pa55word", "***") in lines[0]
    assert "pa55word" not in result.stderr
    assert not tg_thread.calls  # the proxy is the only way out


@pytest.mark.parametrize("case", ["unreachable", "unreachable_through_a_proxy", "token_refused"])
def test_the_start_up_check_gives_the_url_and_never_the_secrets(
    tg_thread: FakeTelegram, tmp_path: Path, case: str
) -> None:
    """What `run` prints when getMe fails at start (in this process): the Bot API URL it tried, the proxy with its
    password masked, never the token; a token the server refuses is told apart from a network that fails."""
    closed = f"http://127.0.0.1:{_closed_port()}"
    token = "123456789:AAtheTokenNobodyMaySeeInTheOutput_0123"
    env = {"BOT_TOKEN": token, "TELEGRAM_BASE_URL": f"{closed}/bot", "DATABASE_PATH": str(tmp_path / "bot.db")}
    if case == "unreachable_through_a_proxy":
        env.update(TELEGRAM_BASE_URL=tg_thread.base_url, TELEGRAM_PROXY=closed.replace("//", "//wire:pa55word@"))
    if case == "token_refused":
        env.update(TELEGRAM_BASE_URL=tg_thread.base_url)
    settings = Settings.from_mapping(env)

    line = reach_bot_api(build_application(settings), settings)

    assert line is not None
    assert env["TELEGRAM_BASE_URL"] in line
    assert token.split(":")[1] not in line
    assert "pa55word" not in line
    assert ("TELEGRAM_PROXY" in line) == (case != "token_refused")
    assert ("BOT_TOKEN" in line) == (case == "token_refused")
    if case == "unreachable_through_a_proxy":
        assert closed.replace("//", "//wire:***@") in line
        assert not tg_thread.calls


@pytest.mark.slow
def test_a_real_bot_process_without_a_reachable_bot_api_exits_2_with_one_line(tmp_path: Path) -> None:
    """The same refusal from a real `python -m bot run` process: its whole standard error is one line (no
    logging set-up, import chatter or traceback around it) and its exit code is 2, as a restart policy sees it."""
    url = f"http://127.0.0.1:{_closed_port()}/bot"
    token = "123456789:AAtheTokenNobodyMaySeeInTheOutput_0123"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}
    env.update(BOT_TOKEN=token, TELEGRAM_BASE_URL=url, DATABASE_PATH=str(tmp_path / "bot.db"), PYTHONPATH=str(ROOT))

    result = run_bot("run", env=env, cwd=tmp_path)

    assert result.returncode == 2, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert url in lines[0]
    assert "وصل نشد" in lines[0]
    assert token.split(":")[1] not in result.stderr + result.stdout
