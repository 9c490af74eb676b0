"""Approval: releases of agencies that need it wait in a queue until an admin approves or rejects them.

Every admin is told of each release as it arrives (with the actions to read it in full, approve and
reject it); each notice is remembered, so a reply to it is read as the reason of a rejection and, once
one admin decides, every admin's notice is edited to say who decided what. The author is told the
decision, and an approved release's notice becomes its live delivery report. Admins may also read any
release in any state (``inspect``).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from bot import texts
from bot.delivery import service
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.errors import InvalidInput, NotAnAdmin, UnknownId, WrongState
from bot.services.core import Core, admin_ids, admin_name
from bot.services.transitions import refusal
from storage.approvals import Decision
from storage.db import Tx, utcnow
from storage.organizations import Organization
from storage.outbox import Progress
from storage.releases import EDITABLE, Release, StatusChanged

log = logging.getLogger(__name__)

# /pending sends this many notices at most (oldest first); the rest follow once these are decided.
PENDING_SHOWN = 10
# The notice quotes the start of the body; the whole text is one press away («👁 متن کامل»).
EXCERPT_CHARS = 300


class PublishNow(Protocol):
    """The desk's ``publish_now``: the release and its deliveries, in the caller's transaction."""

    async def __call__(
        self, release: Release, org: Organization, *, from_statuses: Collection[str], tx: Tx | None = None
    ) -> service.Enqueued:
        """Publish ``release`` if it is still in ``from_statuses`` (``StatusChanged`` if not)."""
        ...


@dataclass(frozen=True, slots=True)
class Inspection:
    """Any release as an admin reads it: its agency, author, delivery report and decision."""

    release: Release
    organization: Organization
    author: str
    progress: Progress
    decision: Decision | None
    decided_by: str | None  # the deciding admin's name (or «مدیر N»)


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of ``body`` on one line, cut between words, with «…» when something was left out."""
    flat = " ".join(body.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


class Approval:
    """The approval queue; ``publish_now`` sends an approved release out (the desk's)."""

    def __init__(self, core: Core, publish_now: PublishNow) -> None:
        self.core = core
        self.storage = core.storage
        self.publish_now = publish_now

    # -- who decides -------------------------------------------------------------------------------

    async def is_admin(self, user_id: int) -> bool:
        """Whether the user is an admin now."""
        return user_id in self.core.settings.admin_ids or await self.storage.officers.is_admin(user_id)

    # -- the notices ---------------------------------------------------------------------------------

    async def _notice_text(self, release: Release, org: Organization, outcome: str | None = None) -> str:
        """A release awaiting approval as its notice shows it; ``outcome`` (who decided what) replaces the
        headline and the actions once an admin decided."""
        pipeline = self.core.pipeline
        labels = {t.slug: t.label for t in pipeline.topics}
        counties = {c.slug: c.name for c in pipeline.counties}
        officer = await self.storage.officers.get(release.author_id)
        async with self.storage.db.snapshot() as tx:
            who = await service.audience(
                self.storage, release, utcnow(), self.core.settings.timezone, tx=tx, matcher=self.core.matcher
            )
        details = texts.APPROVAL_NOTICE_DETAILS.format(
            author=officer.full_name if officer else fa(release.author_id),
            topics=texts.LIST_SEPARATOR.join(labels[s] for s in release.topics if s in labels) or texts.NO_TOPICS,
            county=counties.get(release.county or "", texts.PROVINCE_LEVEL),
            reach=fa(len(who.instant) + len(who.digest)),
            excerpt=excerpt(release.body),
        )
        if outcome is not None:
            return f"{outcome}\n«{release.title}»\n{details}"
        headline = texts.ADMIN_NEW_PENDING.format(id=fa(release.id), org=org.name, title=release.title)
        return f"{headline}\n{details}\n\n{texts.APPROVAL_NOTICE_ACTIONS.format(id=fa(release.id))}"

    async def _send_notice(self, admin_id: int, release: Release, text: str) -> bool:
        sent = await self.core.ports.notices.ask_decision(admin_id, text, release.id)
        if sent is None:
            return False
        await self.storage.approvals.remember_notice(sent.chat_id, sent.message_id, release.id)
        return True

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
        text = await self._notice_text(release, org)
        for admin_id in await admin_ids(self.core):
            await self._send_notice(admin_id, release, text)

    async def pending(self) -> list[tuple[Release, Organization | None]]:
        """The approval queue with each release's organization."""
        return [
            (r, await self.storage.organizations.get(r.organization_id))
            for r in await self.storage.releases.pending_approval()
        ]

    async def show_pending(self, admin_id: int, limit: int = PENDING_SHOWN) -> tuple[int, int]:
        """Send the admin the notice of each release in the queue, oldest first and at most ``limit``;
        return how many were sent and how many wait in all."""
        await self._require_admin(admin_id)
        queue = await self.pending()
        shown = 0
        for release, org in queue[:limit]:
            if org is not None and await self._send_notice(admin_id, release, await self._notice_text(release, org)):
                shown += 1
        return shown, len(queue)

    async def remember_reason_prompt(self, chat_id: int, message_id: int, release_id: int) -> None:
        """The bot asked an admin here for the reason of rejecting the release: a reply to it is that reason."""
        await self.storage.approvals.remember_notice(chat_id, message_id, release_id, "reason")

    async def release_of_reply(self, chat_id: int, message_id: int) -> int | None:
        """The release whose notice (or reason prompt) this message was, if it was one."""
        notice = await self.storage.approvals.notice(chat_id, message_id)
        return None if notice is None else notice.release_id

    async def _settle(self, release: Release, org: Organization, outcome: str) -> None:
        """Edit every notice and reason prompt about the release to say what was decided, by whom."""
        text = await self._notice_text(release, org, outcome)
        for notice in await self.storage.approvals.notices_of(release.id):
            await self.core.ports.notices.settle(notice.chat_id, notice.message_id, text)

    # -- the decisions -------------------------------------------------------------------------------

    async def _require_admin(self, user_id: int) -> None:
        if not await self.is_admin(user_id):
            raise NotAnAdmin(texts.NOT_ADMIN)

    async def pending_release(self, admin_id: int, release_id: int) -> tuple[Release, Organization]:
        """A release still awaiting a decision, for an admin (NotAnAdmin, UnknownId or WrongState if not)."""
        await self._require_admin(admin_id)
        return await self._pending_release(release_id)

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
        """Publish a release from the queue, tell its author (whose message becomes the live report) and
        edit every admin's notice to say who approved it."""
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
        outcome = texts.DECIDED_APPROVED.format(
            id=fa(release.id),
            org=org.name,
            admin=await admin_name(self.core, admin_id),
            when=format_datetime(utcnow(), self.core.settings.timezone),
            count=fa(enqueued.deliveries),
        )
        await self._settle(release, org, outcome)
        return enqueued

    async def reject(self, admin_id: int, release_id: int, reason: str) -> None:
        """Refuse a release from the queue, tell its author why, and edit every admin's notice to say who
        rejected it and why."""
        reason = " ".join(reason.split())
        if not reason:
            raise InvalidInput(texts.REJECT_USAGE)
        release, org = await self._pending_release(release_id)
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
        outcome = texts.DECIDED_REJECTED.format(
            id=fa(release.id),
            org=org.name,
            admin=await admin_name(self.core, admin_id),
            when=format_datetime(utcnow(), self.core.settings.timezone),
            reason=reason,
        )
        await self._settle(release, org, outcome)

    # -- reading any release -------------------------------------------------------------------------

    async def inspect(self, admin_id: int, release_id: int) -> Inspection:
        """Any release in any state, for an admin: NotAnAdmin for anyone else, UnknownId for no release."""
        await self._require_admin(admin_id)
        release = await self.storage.releases.get(release_id)
        if release is None:
            raise UnknownId(texts.UNKNOWN_RELEASE.format(id=fa(release_id)))
        org = await self.storage.organizations.get(release.organization_id)
        assert org is not None
        decision = await self.storage.approvals.decision(release.id)
        names = await self.storage.people.names({release.author_id} | ({decision.admin_id} if decision else set()))
        decided_by = None
        if decision is not None:
            decided_by = names.get(decision.admin_id) or texts.ADMIN_UNNAMED.format(id=fa(decision.admin_id))
        return Inspection(
            release,
            org,
            names.get(release.author_id) or fa(release.author_id),
            await self.storage.outbox.progress(release.id),
            decision,
            decided_by,
        )
