"""Which SQLite failures mean "the database refuses writes for now" rather than a bug.

A full disk, a file-size limit or a failing device ("disk I/O error", "database or disk is full"), a
read-only file, or a lock held longer than the busy timeout: the request was not saved, nothing is
wrong with it, and the same request will work once the operator has freed the disk. Callers answer
such a failure with "the system cannot save for now" and keep running.
"""

from __future__ import annotations

import sqlite3

# SQLite's primary result codes (the low byte of the extended code) that mean a write was refused.
_REFUSALS = {
    5,  # SQLITE_BUSY: another connection held the lock past busy_timeout
    6,  # SQLITE_LOCKED
    8,  # SQLITE_READONLY
    10,  # SQLITE_IOERR: a failing write(), fsync() or ftruncate() (EFBIG, ENOSPC, EIO)
    13,  # SQLITE_FULL
    14,  # SQLITE_CANTOPEN: e.g. the journal cannot be created
}


def refuses_writes(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) is SQLite refusing to write for now."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
            code = getattr(error, "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF in _REFUSALS:
                return True
        error, seen = error.__cause__, seen + 1
    return False
