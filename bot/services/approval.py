"""Approval: releases of agencies that need it wait in a queue until an admin approves or rejects them.

The admins are told of each release as it arrives (with approve and reject actions); the author is
told the decision, and an approved release's notice becomes its live delivery report.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Protocol

from bot import texts
from bot.delivery import service
from bot.domain.digits import fa
from bot.errors import UnknownId, WrongState
from bot.services.core import Core
from bot.services.transitions import refusal
from storage.db import Tx
from storage.organizations import Organization
from storage.releases import EDITABLE, Release, StatusChanged

log = logging.getLogger(__name__)


class PublishNow(Protocol):
    """The desk's ``publish_now``: the release and its deliveries, in the caller's transaction."""

    async def __call__(
        self, release: Release, org: Organization, *, from_statuses: Collection[str], tx: Tx | None = None
    ) -> service.Enqueued:
        """Publish ``release`` if it is still in ``from_statuses`` (``StatusChanged`` if not)."""
        ...


class Approval:
    """The approval queue; ``publish_now`` sends an approved release out (the desk's)."""

    def __init__(self, core: Core, publish_now: PublishNow) -> None:
        self.core = core
        self.storage = core.storage
        self.publish_now = publish_now

    async def submit(
        self, user_id: int | None, release: Release, org: Organization, *, from_statuses: Collection[str] = EDITABLE
    ) -> None:
        """Queue a release for the admins' decision and tell every admin (WrongState if it was cancelled,
        published or submitted meanwhile)."""
        async with self.storage.db.transaction() as tx:
            if not await self.storage.releases.submit_for_approval(release.id, from_statuses=from_statuses, tx=tx):
                status = await self.storage.releases.status_of(release.id, tx=tx)
                raise refusal(release.id, status, publishing=True)
            await self.storage.audit.record(user_id, "release.submit", "release", release.id, tx=tx)
        log.info("release submitted for approval release_id=%d", release.id)
        admins = set(self.core.settings.admin_ids) | await self.storage.officers.admin_ids()
        text = texts.ADMIN_NEW_PENDING.format(id=fa(release.id), org=org.name, title=release.title)
        for admin_id in sorted(admins):
            await self.core.ports.notices.ask_decision(admin_id, text, release.id)

    async def pending(self) -> list[tuple[Release, Organization | None]]:
        """The approval queue with each release's organization."""
        return [
            (r, await self.storage.organizations.get(r.organization_id))
            for r in await self.storage.releases.pending_approval()
        ]

    async def _pending_release(self, release_id: int) -> tuple[Release, Organization]:
        release = await self.storage.releases.get(release_id)
        if release is None:
            raise UnknownId(texts.UNKNOWN_RELEASE.format(id=fa(release_id)))
        if release.status != "pending_approval":
            status = texts.STATUS_NAMES.get(release.status, release.status)
            raise WrongState(texts.NOT_PENDING.format(id=fa(release_id), status=status))
        org = await self.storage.organizations.get(release.organization_id)
        assert org is not None
        return release, org

    async def approve(self, admin_id: int, release_id: int) -> service.Enqueued:
        """Publish a release from the queue and tell its author (whose message becomes the live report)."""
        release, org = await self._pending_release(release_id)
        try:
            # The decision, the release and its deliveries in one transaction: another admin's
            # rejection (or approval) that came first wins, and nothing is written here.
            async with self.storage.db.transaction() as tx:
                if not await self.storage.releases.record_decision(release.id, admin_id, None, approved=True, tx=tx):
                    raise StatusChanged(release.id, await self.storage.releases.status_of(release.id, tx=tx))
                enqueued = await self.publish_now(release, org, from_statuses=("pending_approval",), tx=tx)
                await self.storage.audit.record(
                    admin_id, "release.approve", "release", release.id, {"deliveries": enqueued.deliveries}, tx=tx
                )
        except StatusChanged as changed:
            raise refusal(release.id, changed.status, deciding=True) from None
        self.core.ports.wake_dispatcher()
        text = texts.APPROVED_OFFICER.format(id=fa(release.id), count=fa(enqueued.deliveries))
        told = await self.core.ports.notices.tell(release.author_id, text)
        if told is not None and enqueued.deliveries:
            await self.storage.releases.set_report_message(release.id, told.chat_id, told.message_id)
        return enqueued

    async def reject(self, admin_id: int, release_id: int, reason: str) -> None:
        """Refuse a release from the queue and tell its author why."""
        release, _ = await self._pending_release(release_id)
        async with self.storage.db.transaction() as tx:
            if not await self.storage.releases.record_decision(release.id, admin_id, reason, approved=False, tx=tx):
                status = await self.storage.releases.status_of(release.id, tx=tx)
                raise refusal(release.id, status, deciding=True)
            await self.storage.audit.record(
                admin_id, "release.reject", "release", release.id, {"reason": reason}, tx=tx
            )
        await self.core.ports.notices.tell(
            release.author_id, texts.REJECTED_OFFICER.format(id=fa(release.id), title=release.title, reason=reason)
        )
