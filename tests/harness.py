"""Helpers that run the real Application against the fake Bot API server, as ``run_polling`` would,
and the command line in this process."""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import build_application, polling
from bot.config import Settings
from bot.runtime import Runtime
from fakegram import FakeTelegram


def settings_for(tg: FakeTelegram, folder: Path, **overrides: str) -> Settings:
    """Settings that point the bot at the fake server and a database file in ``folder``.

    The bot keeps the rate limits the server enforces (``tg.limits``): fast ones unless the test is
    about the limits."""
    env = {
        "BOT_TOKEN": tg.token,
        "TELEGRAM_BASE_URL": tg.base_url,
        "TELEGRAM_BASE_FILE_URL": tg.base_file_url,
        "DATABASE_PATH": str(folder / "bot.db"),
        "ADMIN_IDS": "1",
        # The newsroom on a port the system picks: tests run side by side.
        "WEB_PORT": "0",
    }
    env.update(overrides)
    return Settings.from_mapping(env, limits=tg.limits)


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Start the application with long polling, with the same hooks and order as ``run_polling``."""
    async with polling(build_application(settings)) as application:
        yield application


def runtime(application: Application) -> Runtime:  # type: ignore[type-arg]
    """The running application's runtime (its services, dispatcher and loops)."""
    found = application.bot_data.runtime
    assert isinstance(found, Runtime), "post_init has not run"
    return found


@dataclass(frozen=True)
class CliResult:
    """What ``python -m bot ARGS`` would have left: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


class Cli:
    """``python -m bot ARGS`` in this process: ``bot.cli.main`` with the environment, working folder and
    standard input swapped in for the call, and its output captured. ``env`` replaces the whole
    environment, as a subprocess's would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def __call__(
        self, *args: str, stdin: str | None = None, cwd: Path | None = None, env: Mapping[str, str] | None = None
    ) -> CliResult:
        from bot.cli import main  # noqa: PLC0415 - the command line, only for the tests that use it

        with self._monkeypatch.context() as patch:
            if env is not None:
                for name in list(os.environ):
                    patch.delenv(name)
                for name, value in env.items():
                    patch.setenv(name, value)
            if cwd is not None:
                patch.chdir(cwd)
            patch.setattr(sys, "stdin", io.StringIO(stdin or ""))
            self._capsys.readouterr()  # what the test printed before is not the command's
            try:
                with _logging_kept():
                    code = _in_a_thread_if_a_loop_runs(lambda: main(list(args)))
            except SystemExit as exit_:  # argparse's usage errors
                code = exit_.code if isinstance(exit_.code, int) else 2
            out, err = self._capsys.readouterr()
        return CliResult(code, out, err)


@contextmanager
def _logging_kept() -> Iterator[None]:
    """``run`` installs the process's log handler (``configure_logging``), replacing the root logger's
    handlers, pytest's capture among them: in this process, put back what was there."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name in list(logging.root.manager.loggerDict):
            logging.getLogger(name).setLevel(levels.get(name, logging.NOTSET))


def _in_a_thread_if_a_loop_runs(call: Callable[[], int]) -> int:
    """Commands run their own event loop (asyncio.run), which an async test's running loop forbids."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(call).result()
