"""``python -m tests.diskfull``: ``python -m bot run`` on a disk that can be made full and freed again.

A real failing file-system call, not a mock: SIGUSR1 lowers the process's own soft ``RLIMIT_FSIZE`` to
one byte, so every ``write()`` past the first byte of any file fails with EFBIG (SIGXFSZ is ignored) and
SQLite answers "disk I/O error" (SQLITE_IOERR_WRITE), exactly as on a full disk; reads keep working.
SIGUSR2 raises the limit back to the hard limit. Standard error must be a pipe (writes to a pipe have no
file size), or the bot's own logging would fail as well.
"""

from __future__ import annotations

import resource
import signal
import sys
from types import FrameType

FULL = 1  # bytes: nothing past the first byte of any file can be written


def _fill(signum: int, frame: FrameType | None) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FULL, hard))


def _free(signum: int, frame: FrameType | None) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))


def main() -> int:
    """Install the switches, then run the bot as ``python -m bot run`` would."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    signal.signal(signal.SIGUSR1, _fill)
    signal.signal(signal.SIGUSR2, _free)
    from bot.cli import main as cli  # noqa: PLC0415 - after the switches, so no write escapes them

    return cli(["run"])


if __name__ == "__main__":
    sys.exit(main())
