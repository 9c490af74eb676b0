"""Officers (PR staff bound to one organization), their one-time invites, and admins."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, Tx, from_db, opt_from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class Officer:
    """A PR officer; ``revoked_at`` set means the officer may no longer publish."""

    user_id: int
    organization_id: int
    full_name: str
    username: str | None
    joined_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Whether the officer may publish now."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class Admin:
    """An admin added through the bot (those in ADMIN_IDS are not stored)."""

    user_id: int
    added_by: int | None
    added_at: datetime


@dataclass(frozen=True, slots=True)
class Invite:
    """A one-time invite link bound to an organization."""

    code: str
    organization_id: int
    created_by: int
    created_at: datetime
    expires_at: datetime
    used_by: int | None
    used_at: datetime | None


class Redemption(enum.Enum):
    """What happened when someone used an invite code."""

    JOINED = "joined"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


def _officer(row: aiosqlite.Row) -> Officer:
    return Officer(
        user_id=row["user_id"],
        organization_id=row["organization_id"],
        full_name=row["full_name"],
        username=row["username"],
        joined_at=from_db(row["joined_at"]),
        revoked_at=opt_from_db(row["revoked_at"]),
    )


def _invite(row: aiosqlite.Row) -> Invite:
    return Invite(
        code=row["code"],
        organization_id=row["organization_id"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        expires_at=from_db(row["expires_at"]),
        used_by=row["used_by"],
        used_at=opt_from_db(row["used_at"]),
    )


_OFFICER_COLUMNS = "user_id, organization_id, full_name, username, joined_at, revoked_at"


class Officers:
    """Repository of officers, invites and admins."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create_invite(
        self, code: str, organization_id: int, created_by: int, expires_at: datetime, *, tx: Tx | None = None
    ) -> Invite:
        """Store a new invite code."""
        now = utcnow()
        async with self.db.joined(tx) as t:
            await t.execute(
                "INSERT INTO invites (code, organization_id, created_by, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (code, organization_id, created_by, to_db(now), to_db(expires_at)),
            )
        return Invite(code, organization_id, created_by, now, expires_at, None, None)

    async def redeem_invite(
        self, code: str, user_id: int, full_name: str, username: str | None, *, now: datetime | None = None
    ) -> tuple[Redemption, Officer | None]:
        """Bind the user to the invite's organization, once; say why not when the code is unusable."""
        now = now or utcnow()
        async with self.db.transaction() as t:
            row = await t.fetchone("SELECT * FROM invites WHERE code = ?", (code,))
            if row is None:
                return Redemption.UNKNOWN, None
            invite = _invite(row)
            if invite.used_by is not None:
                return Redemption.USED, None
            if invite.expires_at <= now:
                return Redemption.EXPIRED, None
            await t.execute("UPDATE invites SET used_by = ?, used_at = ? WHERE code = ?", (user_id, to_db(now), code))
            await t.execute(
                "INSERT INTO officers (user_id, organization_id, full_name, username, invite_code, joined_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET organization_id = excluded.organization_id,"
                " full_name = excluded.full_name, username = excluded.username,"
                " invite_code = excluded.invite_code, joined_at = excluded.joined_at,"
                " revoked_at = NULL, revoked_by = NULL",
                (user_id, invite.organization_id, full_name, username, code, to_db(now)),
            )
            officer_row = await t.fetchone(
                f"SELECT {_OFFICER_COLUMNS} FROM officers WHERE user_id = ?",  # noqa: S608 - constant column list
                (user_id,),
            )
        assert officer_row is not None
        return Redemption.JOINED, _officer(officer_row)

    async def get(self, user_id: int, *, tx: Tx | None = None) -> Officer | None:
        """The officer record of this user (active or revoked), or None."""
        async with self.db.joined(tx) as t:
            row = await t.fetchone(
                f"SELECT {_OFFICER_COLUMNS} FROM officers WHERE user_id = ?",  # noqa: S608 - constant column list
                (user_id,),
            )
        return None if row is None else _officer(row)

    async def list(self, organization_id: int | None = None) -> list[Officer]:
        """Officers, optionally of one organization, active first."""
        async with self.db.snapshot() as t:
            if organization_id is None:
                rows = await t.fetchall(
                    f"SELECT {_OFFICER_COLUMNS} FROM officers"  # noqa: S608 - constant column list
                    " ORDER BY revoked_at IS NOT NULL, organization_id, full_name"
                )
            else:
                rows = await t.fetchall(
                    f"SELECT {_OFFICER_COLUMNS} FROM officers WHERE organization_id = ?"  # noqa: S608 - constant column list
                    " ORDER BY revoked_at IS NOT NULL, full_name",
                    (organization_id,),
                )
        return [_officer(r) for r in rows]

    async def revoke(self, user_id: int, revoked_by: int, *, tx: Tx | None = None) -> bool:
        """Remove publishing from an active officer at once; False when there is none."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "UPDATE officers SET revoked_at = ?, revoked_by = ? WHERE user_id = ? AND revoked_at IS NULL",
                (to_db(utcnow()), revoked_by, user_id),
            )
        return changed == 1

    async def set_correcting(self, user_id: int, release_id: int | None) -> None:
        """Remember (or forget) which release the officer's next text corrects; kept across restarts."""
        async with self.db.transaction() as t:
            await t.execute("UPDATE officers SET correcting = ? WHERE user_id = ?", (release_id, user_id))

    async def correcting(self, user_id: int) -> int | None:
        """The release the officer's next text corrects, if they asked with /correct."""
        async with self.db.snapshot() as t:
            value = await t.fetchval("SELECT correcting FROM officers WHERE user_id = ?", (user_id,))
        return None if value is None else int(value)

    async def add_admin(self, user_id: int, added_by: int | None, *, tx: Tx | None = None) -> bool:
        """Make the user an admin; False when already one."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount(
                "INSERT INTO admins (user_id, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (user_id, added_by, to_db(utcnow())),
            )
        return changed == 1

    async def remove_admin(self, user_id: int, *, tx: Tx | None = None) -> bool:
        """Take admin rights from a user added through the bot; False when they had none."""
        async with self.db.joined(tx) as t:
            changed = await t.execute_rowcount("DELETE FROM admins WHERE user_id = ?", (user_id,))
        return changed == 1

    async def admins(self, *, tx: Tx | None = None) -> tuple[Admin, ...]:
        """Admins added through the bot, oldest first."""
        sql = "SELECT user_id, added_by, added_at FROM admins ORDER BY added_at, user_id"
        if tx is not None:
            rows = await tx.fetchall(sql)
        else:
            async with self.db.snapshot() as t:
                rows = await t.fetchall(sql)
        return tuple(Admin(r["user_id"], r["added_by"], from_db(r["added_at"])) for r in rows)

    async def is_admin(self, user_id: int) -> bool:
        """Whether the user was made an admin through the bot."""
        async with self.db.snapshot() as t:
            return bool(await t.fetchval("SELECT 1 FROM admins WHERE user_id = ?", (user_id,)))

    async def count_by_organization(self) -> dict[int, int]:
        """Active officers per organization id."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall(
                "SELECT organization_id, count(*) FROM officers WHERE revoked_at IS NULL GROUP BY organization_id"
            )
        return {int(r[0]): int(r[1]) for r in rows}

    async def admin_ids(self) -> set[int]:
        """Admins added through the bot (those in ADMIN_IDS are not stored)."""
        async with self.db.snapshot() as t:
            rows = await t.fetchall("SELECT user_id FROM admins")
        return {int(r[0]) for r in rows}
