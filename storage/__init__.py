"""Storage: SQLite through aiosqlite. Never imports telegram or bot."""

from __future__ import annotations

from pathlib import Path

from storage.approvals import Approvals
from storage.audit import AuditLog
from storage.db import Database
from storage.desk import DeskQuestions
from storage.digests import Digests
from storage.newsroom import Newsroom
from storage.officers import Officers
from storage.organizations import Organizations
from storage.outbox import Outbox
from storage.people import People
from storage.questions import Questions
from storage.releases import Releases
from storage.reports import Reports
from storage.searches import Searches
from storage.subscriptions import Subscriptions
from storage.topics import Topics


class Storage:
    """The database and one repository per aggregate, opened together and closed together."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.organizations = Organizations(db)
        self.officers = Officers(db)
        self.topics = Topics(db)
        self.releases = Releases(db)
        self.subscriptions = Subscriptions(db)
        self.audit = AuditLog(db)
        self.outbox = Outbox(db)
        self.digests = Digests(db)
        self.searches = Searches(db)
        self.reports = Reports(db)
        self.questions = Questions(db)
        self.approvals = Approvals(db)
        self.people = People(db)
        self.desk = DeskQuestions(db)
        self.newsroom = Newsroom(db)

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> Storage:
        """Open the database file, applying pending migrations unless told not to."""
        db = await Database.open(path)
        if migrate:
            try:
                await db.migrate()
            except BaseException:
                await db.close()
                raise
        return cls(db)

    async def close(self) -> None:
        """Close the connection."""
        await self.db.close()


__all__ = ["Storage"]
