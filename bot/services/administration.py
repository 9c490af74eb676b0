"""Administration: who may act (admins, officers) and the agencies they act for.

Organizations, invites, officers and admins, for the admins of the provincial PR office; and the
officer's side of an invite (joining). Every change is written with its audit entry in one transaction;
a refusal is a ``UserError`` and changes nothing.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import texts
from bot.domain.digits import fa
from bot.domain.tagging import County
from bot.domain.text import fold
from bot.errors import InvalidInput, NotAnAdmin, UnknownId, UserError, WrongState
from bot.services import names
from bot.services.core import Core, admin_ids, admin_name
from bot.services.names import pick_one
from storage.db import utcnow
from storage.officers import Admin, Officer, Redemption
from storage.organizations import Organization

log = logging.getLogger(__name__)

INVITE_LIFETIME = timedelta(days=7)
ORG_NAME_MAX_CHARS = 200
_REFUSALS = {
    Redemption.USED: texts.INVITE_USED,
    Redemption.EXPIRED: texts.INVITE_EXPIRED,
    Redemption.UNKNOWN: texts.INVITE_UNKNOWN,
}


@dataclass(frozen=True, slots=True)
class OrganizationEntry:
    """An organization as the admins' list shows it."""

    organization: Organization
    county_name: str | None
    officers: int


@dataclass(frozen=True, slots=True)
class Invite:
    """A one-time invite: whoever opens it within its lifetime becomes an officer of ``organization``."""

    organization: Organization
    code: str
    expires: datetime


@dataclass(frozen=True, slots=True)
class OfficerEntry:
    """An officer with the name of their organization."""

    officer: Officer
    organization_name: str


class Administration:
    """Organizations, invites, officers and admins."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.storage = core.storage

    # -- who is an admin ---------------------------------------------------------------------------

    async def is_admin(self, user_id: int) -> bool:
        """Admins are the users in ADMIN_IDS and those added through the bot."""
        return user_id in self.core.settings.admin_ids or await self.storage.officers.is_admin(user_id)

    async def require_admin(self, user_id: int) -> None:
        """NotAnAdmin unless the user is an admin."""
        if not await self.is_admin(user_id):
            raise NotAnAdmin(texts.NOT_ADMIN)

    async def saw_admin(self, user_id: int, full_name: str, username: str | None) -> None:
        """An admin acted under this name: notices and /audit say who, not only a number."""
        await self.storage.people.remember(user_id, full_name, username)

    async def _tell_admins(self, text: str, *, except_id: int | None = None) -> None:
        """Tell every admin (but ``except_id``, who already knows) something about the wire's people."""
        for admin_id in await admin_ids(self.core):
            if admin_id != except_id:
                await self.core.ports.notices.tell(admin_id, text)

    async def admins(self) -> tuple[list[int], list[Admin]]:
        """The admins from ADMIN_IDS (sorted), then those added through the bot (not also in ADMIN_IDS)."""
        configured = sorted(self.core.settings.admin_ids)
        stored = [a for a in await self.storage.officers.admins() if a.user_id not in self.core.settings.admin_ids]
        return configured, stored

    async def add_admin(self, actor_id: int, user_id: int) -> None:
        """Make a user an admin at once."""
        if user_id in self.core.settings.admin_ids:
            raise WrongState(texts.ADDADMIN_EXISTS.format(user_id=fa(user_id)))
        async with self.storage.db.transaction() as tx:
            added = await self.storage.officers.add_admin(user_id, actor_id, tx=tx)
            if added:
                await self.storage.audit.record(actor_id, "admin.add", "user", user_id, tx=tx)
        if not added:
            raise WrongState(texts.ADDADMIN_EXISTS.format(user_id=fa(user_id)))
        log.info("admin added user_id=%d by user_id=%d", user_id, actor_id)

    async def remove_admin(self, actor_id: int, user_id: int) -> None:
        """Take admin rights from a user added through the bot (never the last admin)."""
        if user_id in self.core.settings.admin_ids:
            raise WrongState(texts.REMOVEADMIN_FROM_SETTINGS.format(user_id=fa(user_id)))
        async with self.storage.db.transaction() as tx:
            stored = {admin.user_id for admin in await self.storage.officers.admins(tx=tx)}
            # With no ADMIN_IDS, the stored admins are all there is: the last one must stay.
            last = user_id == actor_id and not self.core.settings.admin_ids and stored == {user_id}
            removed = not last and await self.storage.officers.remove_admin(user_id, tx=tx)
            if removed:
                await self.storage.audit.record(actor_id, "admin.remove", "user", user_id, tx=tx)
        if last:
            raise WrongState(texts.REMOVEADMIN_LAST)
        if not removed:
            raise UnknownId(texts.REMOVEADMIN_NONE.format(user_id=fa(user_id)))
        log.info("admin removed user_id=%d by user_id=%d", user_id, actor_id)

    # -- organizations -----------------------------------------------------------------------------

    def county(self, slug: str | None) -> County | None:
        """The county with this slug (None for none)."""
        return next((c for c in self.core.pipeline.counties if c.slug == slug), None) if slug else None

    def _county_named(self, typed: str) -> str:
        """The county typed by slug or Persian name (``/addorg فرمانداری ایوان | ایوان``)."""
        counties = self.core.pipeline.counties
        slugs = ", ".join(sorted(c.slug for c in counties))
        return pick_one(
            typed,
            [(c.slug, c.name) for c in counties],
            lambda name: texts.ADDORG_UNKNOWN_COUNTY.format(slug=name, slugs=slugs),
            too_many=texts.ADDORG_UNKNOWN_COUNTY.format(slug=typed, slugs=slugs),
        )

    async def agency_named(self, typed: str, *, listing: str = "/orgs") -> int:
        """The id of the agency ``typed`` names (``/invite استانداری ایلام``); UserError if none or several."""
        return await names.agency_named(self.storage, typed, listing=listing)

    async def leading_agency(self, typed: str) -> tuple[int, str] | None:
        """The agency named at the start of ``typed`` and what follows (``/ask NAME TEXT``), or None."""
        return await names.leading_agency(self.storage, typed)

    async def organization(self, org_id: int) -> Organization:
        """The organization with this id, or UnknownId."""
        org = await self.storage.organizations.get(org_id)
        if org is None:
            raise UnknownId(texts.UNKNOWN_ORG.format(id=fa(org_id)))
        return org

    async def add_organization(self, actor_id: int, name: str, county_slug: str) -> Organization:
        """Register a government agency (``county_slug`` empty: province level)."""
        name = " ".join(name.split())
        if not name:
            raise InvalidInput(texts.ADDORG_USAGE)
        if len(name) > ORG_NAME_MAX_CHARS:
            raise InvalidInput(texts.ADDORG_TOO_LONG.format(limit=fa(ORG_NAME_MAX_CHARS)))
        county = self.county(self._county_named(county_slug)) if county_slug else None
        existing = await self.storage.organizations.find_by_folded_name(fold(name))
        if existing is not None:
            raise WrongState(texts.ADDORG_EXISTS.format(name=existing.name, id=fa(existing.id)))
        try:
            async with self.storage.db.transaction() as tx:
                org = await self.storage.organizations.create(
                    name, fold(name), county.slug if county else None, created_by=actor_id, tx=tx
                )
                await self.storage.audit.record(
                    actor_id, "organization.create", "organization", org.id, {"name": name}, tx=tx
                )
        except sqlite3.IntegrityError:  # added at the same moment by another admin
            raise WrongState(texts.ADDORG_EXISTS.format(name=name, id="؟")) from None
        return org

    async def organizations(self) -> list[OrganizationEntry]:
        """Every organization with its county's name and number of officers."""
        officers = await self.storage.officers.count_by_organization()
        entries = []
        for org in await self.storage.organizations.list_all():
            county = self.county(org.county)
            entries.append(OrganizationEntry(org, county.name if county else None, officers.get(org.id, 0)))
        return entries

    async def set_approval(self, actor_id: int, org_id: int, *, required: bool) -> Organization:
        """Whether an organization's releases wait for an admin's approval."""
        org = await self.organization(org_id)
        async with self.storage.db.transaction() as tx:
            await self.storage.organizations.set_approval(org.id, required, tx=tx)
            await self.storage.audit.record(
                actor_id, "organization.approval", "organization", org.id, {"required": required}, tx=tx
            )
        return org

    # -- invites and officers ------------------------------------------------------------------------

    async def create_invite(self, actor_id: int, org_id: int) -> Invite:
        """A one-time invite for an organization, valid for a week."""
        org = await self.organization(org_id)
        code = secrets.token_urlsafe(12)
        expires = utcnow() + INVITE_LIFETIME
        async with self.storage.db.transaction() as tx:
            await self.storage.officers.create_invite(code, org.id, actor_id, expires, tx=tx)
            await self.storage.audit.record(
                actor_id, "invite.create", "organization", org.id, {"expires": expires.isoformat()}, tx=tx
            )
        return Invite(org, code, expires)

    async def join(self, code: str, user_id: int, full_name: str, username: str | None) -> Organization:
        """Redeem an invite: the user becomes an officer of its organization, once."""
        outcome, officer = await self.storage.officers.redeem_invite(code, user_id, full_name, username)
        if outcome is not Redemption.JOINED or officer is None:
            log.info("invite refused user_id=%d outcome=%s", user_id, outcome.value)
            raise UserError(_REFUSALS[outcome])
        org = await self.organization(officer.organization_id)
        await self.storage.audit.record(user_id, "officer.join", "organization", officer.organization_id)
        log.info("officer joined user_id=%d organization_id=%d", user_id, officer.organization_id)
        await self._tell_admins(
            texts.OFFICER_JOINED_ADMINS.format(
                name=officer.full_name,
                username=texts.OFFICER_USERNAME.format(username=username) if username else "",
                user_id=fa(user_id),
                org=org.name,
                org_id=fa(org.id),
                approval=texts.JOINED_NEEDS_APPROVAL_ADMINS if org.requires_approval else "",
            ),
            except_id=user_id,
        )
        return org

    async def officers(self, org_id: int | None) -> list[OfficerEntry]:
        """The officers (of one organization, or all), active first."""
        if org_id is not None:
            await self.organization(org_id)
        names = {o.id: o.name for o in await self.storage.organizations.list_all()}
        return [OfficerEntry(o, names.get(o.organization_id, "?")) for o in await self.storage.officers.list(org_id)]

    async def revoke(self, actor_id: int, user_id: int) -> OfficerEntry:
        """Remove an officer's publishing at once."""
        officer = await self.storage.officers.get(user_id)
        async with self.storage.db.transaction() as tx:
            revoked = await self.storage.officers.revoke(user_id, actor_id, tx=tx)
            if revoked:
                await self.storage.audit.record(actor_id, "officer.revoke", "officer", user_id, tx=tx)
        if not revoked or officer is None:
            raise UnknownId(texts.REVOKE_NONE.format(user_id=fa(user_id)))
        org = await self.storage.organizations.get(officer.organization_id)
        entry = OfficerEntry(officer, org.name if org else "?")
        await self._tell_admins(
            texts.OFFICER_REVOKED_ADMINS.format(
                admin=await admin_name(self.core, actor_id),
                name=officer.full_name,
                user_id=fa(user_id),
                org=entry.organization_name,
            ),
            except_id=actor_id,
        )
        return entry
