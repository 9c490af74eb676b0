"""The officer desk: drafts from officers' messages, their preview, tags, publishing and the live report.

Handlers call these functions and turn ``UserError`` into a Persian reply; everything here is about
what an officer may do with which release, and in what order.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bot import texts
from bot.delivery import service
from bot.domain.changes import Changes, sentence_changes
from bot.domain.dedupe import fingerprint as fingerprint_of
from bot.domain.dedupe import is_near_duplicate
from bot.domain.digits import fa
from bot.domain.embargo import Embargo, find_embargo, strip_embargo
from bot.domain.jalali import YearAhead, example_times, format_datetime, format_short, parse_when
from bot.domain.pipeline import PreparedRelease
from bot.domain.render import MessagePart, ReleaseView, render_release
from bot.domain.tagging import looks_like_release
from bot.domain.text import fold
from bot.errors import InvalidInput, NotAnOfficer, NotYourRelease, OfficerRevoked, UnknownId, UserError, WrongState
from bot.services.approval import Approval
from bot.services.core import Core
from bot.services.names import pick, pick_one
from bot.services.reports import todays_totals
from bot.services.transitions import refusal
from storage import Storage
from storage.db import Tx, utcnow
from storage.desk import DeskPrompt, DeskRequest, PromptKind, RequestKind
from storage.officers import Officer
from storage.organizations import Organization
from storage.outbox import Progress
from storage.releases import EDITABLE, Attachment, NewRelease, Release, StatusChanged
from storage.reports import PeriodTotals

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000
# A text with this many words looks like a release whatever its lines: no need to normalize it to ask.
MIN_WORDS_SKIPPING_NORMALIZATION = 12
MAX_TOPICS = 3
PUBLISH_LIMIT_PER_HOUR = 30
DUPLICATE_WINDOW = timedelta(days=7)
# A scheduled release is still the officer's to change, publish now or cancel.
EDITABLE_STATUSES = EDITABLE
# A release published this recently, asked to be published again, is a second press of «انتشار»
# (or a /publish sent twice): the answer is that it is being published, not that it is no draft.
REPUBLISH_IS_A_DOUBLE_TAP = timedelta(minutes=10)
# A question the desk asked (retract? send this correction? is this short text a release?) is answered
# within a day; a button pressed later is told the question is closed.
QUESTION_TTL = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A release published recently that a draft resembles."""

    release_id: int
    title: str
    org_name: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class Correction:
    """A published release's corrected text was stored; ``deliveries`` copies are being edited."""

    release_id: int
    version: int
    deliveries: int


@dataclass(frozen=True, slots=True)
class Preview:
    """A draft as journalists will receive it, with what the officer needs to decide."""

    release: Release
    parts: list[MessagePart]
    reach: int
    duplicate: Duplicate | None
    embargo: Embargo | None = None
    needs_approval: bool = False  # the agency's releases wait for an admin: «ارسال برای تأیید», not «انتشار»


@dataclass(frozen=True, slots=True)
class ShortText:
    """A text too short to look like a release: the officer was asked (question ``request_id``) whether it is one."""

    request_id: int


@dataclass(frozen=True, slots=True)
class CorrectionPreview:
    """A corrected text for a published release, shown before anything is edited (question ``request_id``).

    ``corrected`` is the release as it would be (text and tags); ``parts`` what journalists would get;
    ``copies`` how many delivered copies would be edited.
    """

    request_id: int
    release: Release
    corrected: Release
    parts: list[MessagePart]
    changes: Changes
    copies: int


@dataclass(frozen=True, slots=True)
class RetractionQuestion:
    """A retraction asked for and not yet confirmed (question ``request_id``): what it would delete."""

    request_id: int
    release: Release
    copies: int  # delivered copies (or being delivered) that would be deleted
    unsent: int  # copies not sent yet that would never go out
    reason: str | None


@dataclass(frozen=True, slots=True)
class Retracted:
    """A release retracted by an officer: which one, by whom, and how many copies are being deleted."""

    release_id: int
    title: str
    officer_name: str
    deliveries: int
    reason: str | None


@dataclass(frozen=True, slots=True)
class EditedPublished:
    """An officer edited the message behind a published release; question ``request_id`` offers a correction."""

    request_id: int
    release: Release


@dataclass(frozen=True, slots=True)
class EditIgnored:
    """An officer edited the message behind a release that is no draft and not published (nothing changes)."""

    release: Release


class EmbargoNotPassed(InvalidInput):
    """Publishing before the embargo its own text names: asked first (``embargo``, and a ``duplicate`` if any)."""

    def __init__(self, message: str, release_id: int, embargo: Embargo, duplicate: Duplicate | None) -> None:
        super().__init__(message)
        self.release_id = release_id
        self.embargo = embargo
        self.duplicate = duplicate


ALBUM_MAX_ITEMS = 10


def media_kind_of(attachments: Sequence[Attachment]) -> str:
    """How a release with these attachments is sent: as text, one media message or an album."""
    if not attachments:
        return "none"
    if len(attachments) > 1:
        return "album"
    return attachments[0].kind if attachments[0].kind in {"photo", "video", "document"} else "document"


async def active_officer(storage: Storage, user_id: int) -> tuple[Officer, Organization]:
    """The active officer record of a user and their organization, read now: NotAnOfficer, or OfficerRevoked
    for an officer an admin revoked (refused at once, whatever they are doing)."""
    officer = await storage.officers.get(user_id)
    if officer is None:
        raise NotAnOfficer(texts.NOT_OFFICER)
    if not officer.active:
        raise OfficerRevoked(texts.OFFICER_REVOKED)
    org = await storage.organizations.get(officer.organization_id)
    if org is None:  # pragma: no cover - foreign keys make this impossible
        raise NotAnOfficer(texts.NOT_OFFICER)
    return officer, org


def _full_text(release: Release) -> str:
    """A release's headline and body as one text (a title derived from the body is not said twice)."""
    title = fold(release.title).removesuffix("…").strip()
    return release.body if fold(release.body).startswith(title) else f"{release.title}\n{release.body}"


class ReleaseChanged(Protocol):
    """Told after a published release was corrected or retracted (the question desk's threads about it)."""

    async def __call__(self, release_id: int, kind: Literal["corrected", "retracted"]) -> None:
        """React to the change; the correction or retraction itself is done."""
        ...


@dataclass(frozen=True, slots=True)
class MyReleases:
    """/my: an agency's latest releases with their delivery progress, how many of its drafts were cancelled
    (not listed), and what became of its releases published today."""

    organization: Organization
    rows: list[tuple[Release, Progress]]
    cancelled: int
    today: PeriodTotals


class Desk:
    """The officer desk over the application's services; ``bot`` sends the notices it owes people."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.storage = core.storage
        self.approval = Approval(core, self.publish_now)
        # Set by the runtime: the question desk hears of corrections and retractions (no import of it here).
        self.on_release_changed: ReleaseChanged | None = None

    # -- who may act ---------------------------------------------------------------------------

    async def officer(self, user_id: int) -> tuple[Officer, Organization]:
        """The active officer record of a user and their organization, or UserError."""
        return await active_officer(self.storage, user_id)

    async def own_release(self, user_id: int, release_id: int) -> tuple[Officer, Organization, Release]:
        """A release of the officer's own organization (any status), or UserError saying why not."""
        officer, org = await self.officer(user_id)
        release = await self.storage.releases.get(release_id)
        if release is None:
            raise UnknownId(texts.UNKNOWN_RELEASE.format(id=fa(release_id)))
        if release.organization_id != org.id:
            raise NotYourRelease(texts.NOT_YOUR_RELEASE.format(id=fa(release_id)))
        return officer, org, release

    async def own_draft(self, user_id: int, release_id: int) -> tuple[Officer, Organization, Release]:
        """A draft (or scheduled release) of the officer's own organization, or UserError saying why not."""
        officer, org, release = await self.own_release(user_id, release_id)
        self._check_editable(release)
        return officer, org, release

    @staticmethod
    def _check_editable(release: Release) -> None:
        """WrongState unless the release is a draft or a scheduled release."""
        if release.status not in EDITABLE_STATUSES:
            status = texts.STATUS_NAMES.get(release.status, release.status)
            raise WrongState(texts.NOT_A_DRAFT.format(id=fa(release.id), status=status))

    # -- texts -----------------------------------------------------------------------------------

    def prepare_text(self, raw_text: str, org: Organization, *, empty: str = texts.DRAFT_EMPTY) -> PreparedRelease:
        """Refuse an empty or oversized text (``empty`` says what was missing), else run the pipeline."""
        if not raw_text.strip():
            raise InvalidInput(empty)
        if len(raw_text) > MAX_TEXT_CHARS:
            raise InvalidInput(texts.DRAFT_TOO_LONG.format(length=fa(len(raw_text)), limit=fa(MAX_TEXT_CHARS)))
        return self.core.pipeline.prepare(raw_text, org_name=org.name, org_county=org.county)

    async def _store_version(
        self, release_id: int, prepared: PreparedRelease, author_id: int, *, tx: Tx | None = None
    ) -> int:
        """Keep a release's current text as a version and make ``prepared`` current; return its number."""
        return await self.storage.releases.add_version(
            release_id,
            raw_text=prepared.raw_text,
            title=prepared.title,
            body=prepared.body,
            search_text=prepared.search_text,
            author_id=author_id,
            fingerprint=prepared.fingerprint,
            tx=tx,
        )

    # -- drafts ----------------------------------------------------------------------------------

    async def receive_text(
        self, user_id: int, raw_text: str, *, source_chat_id: int | None = None, source_message_id: int | None = None
    ) -> Preview | CorrectionPreview | ShortText:
        """An officer's text: a release's corrected text after /correct (previewed, not sent), a draft's new
        text, a new draft, or a question whether a short text is a release at all."""
        _, org = await self.officer(user_id)
        source = (source_chat_id, source_message_id) if source_chat_id and source_message_id else None
        pending = await self.storage.officers.correcting(user_id)
        target = await self.storage.releases.get(pending) if pending is not None else None
        if target is not None:
            return await self.answer_prompt(user_id, target.id, raw_text, source=source)
        if not self.looks_like_release(raw_text):
            if not raw_text.strip():
                raise InvalidInput(texts.DRAFT_EMPTY)
            asked = await self.storage.desk.ask(user_id, "draft", text=raw_text, source=source)
            log.info("short text asked about user_id=%d organization_id=%d", user_id, org.id)
            return ShortText(asked.id)
        return await self.create_draft(
            user_id, raw_text, source_chat_id=source_chat_id, source_message_id=source_message_id
        )

    async def answer_prompt(
        self, user_id: int, release_id: int, raw_text: str, *, source: tuple[int, int] | None = None
    ) -> Preview | CorrectionPreview:
        """The text asked for about a release (after /correct, «جایگزینی متن», or as a reply to that prompt):
        a published release's correction is previewed, a draft's text replaced. The mode ends either way."""
        target = await self.storage.releases.get(release_id)
        try:
            if target is not None and target.status == "published":
                return await self.preview_correction(user_id, target.id, raw_text, source=source)
            if target is not None and target.status in EDITABLE_STATUSES:
                return await self.replace_text(user_id, target.id, raw_text)
            # Retracted or cancelled meanwhile: the text was meant for that release, not a new draft.
            raise refusal(release_id, target.status if target is not None else None)
        except UserError:
            # The correction or replacement mode ends either way: a refused text is not waited for again.
            await self.storage.officers.set_correcting(user_id, None)
            raise

    def looks_like_release(self, raw_text: str) -> bool:
        """Whether a text looks like a press release (enough words, or a headline line) once normalized."""
        if len(raw_text.split()) >= MIN_WORDS_SKIPPING_NORMALIZATION:
            return True
        return looks_like_release(self.core.pipeline.normalizer.normalize(raw_text))

    async def end_modes(self, user_id: int) -> None:
        """The user sent a command: a correction or replacement text is no longer waited for, and «بله»
        typed later answers none of the desk's questions (their buttons still do)."""
        if not await self.storage.desk.waiting(user_id):
            return
        if await self.storage.officers.correcting(user_id) is not None:
            await self.storage.officers.set_correcting(user_id, None)
            log.info("correction mode ended by a command user_id=%d", user_id)
        await self.storage.desk.stop_typed(user_id)

    async def moved_on(self, user_id: int) -> None:
        """The officer sent a message that answers no question: «بله» typed later answers none of them."""
        await self.storage.desk.stop_typed(user_id)

    async def awaiting_yes(self, user_id: int) -> DeskRequest | None:
        """The question a «بله» typed now answers, if any."""
        return await self.storage.desk.awaiting_yes(user_id, since=utcnow() - QUESTION_TTL)

    async def take_question(self, user_id: int, request_id: int) -> DeskRequest:
        """Close one of the officer's open questions to act on the answer; WrongState when it is not open."""
        await self.officer(user_id)
        request = await self.storage.desk.take(request_id, user_id, since=utcnow() - QUESTION_TTL)
        if request is None:
            raise WrongState(texts.QUESTION_CLOSED)
        return request

    async def remember_prompt(
        self, user_id: int, chat_id: int, message_id: int, kind: PromptKind, release_id: int
    ) -> None:
        """The bot asked the officer in this message (a schedule time, a corrected or new text): a reply answers."""
        await self.storage.desk.remember_prompt(chat_id, message_id, user_id, kind, release_id)

    async def prompt_for(self, user_id: int, chat_id: int, message_id: int) -> DeskPrompt | None:
        """What the bot asked this officer in the message they replied to, if it asked them something."""
        prompt = await self.storage.desk.prompt(chat_id, message_id)
        return prompt if prompt is not None and prompt.user_id == user_id else None

    async def forget_prompt(self, chat_id: int, message_id: int) -> None:
        """The message no longer asks (the picker in it was closed)."""
        await self.storage.desk.forget_prompt(chat_id, message_id)

    async def take_latest(self, user_id: int, kind: RequestKind, release_id: int) -> DeskRequest | None:
        """Close the officer's latest open question of this kind about this release, if there is one."""
        found = await self.storage.desk.latest_for_release(user_id, kind, release_id)
        if found is None:
            return None
        return await self.storage.desk.take(found.id, user_id, since=utcnow() - QUESTION_TTL)

    async def remember_report(self, release_id: int, chat_id: int, message_id: int) -> None:
        """The message that shows a release's live delivery report (edited as copies go out)."""
        await self.storage.releases.set_report_message(release_id, chat_id, message_id)

    async def create_draft(
        self,
        user_id: int,
        raw_text: str,
        *,
        attachments: Sequence[Attachment] = (),
        source_chat_id: int | None = None,
        source_message_id: int | None = None,
    ) -> Preview:
        """Turn an officer's text (and its photos, videos or files) into a stored draft and its preview."""
        officer, org = await self.officer(user_id)
        prepared = self.prepare_text(
            raw_text, org, empty=texts.MEDIA_NEEDS_CAPTION if attachments else texts.DRAFT_EMPTY
        )
        async with self.storage.db.transaction() as tx:
            release = await self.storage.releases.create_draft(
                NewRelease(
                    organization_id=org.id,
                    author_id=officer.user_id,
                    raw_text=raw_text,
                    title=prepared.title,
                    body=prepared.body,
                    search_text=prepared.search_text,
                    topics=prepared.topics,
                    county=prepared.county,
                    fingerprint=prepared.fingerprint,
                    media_kind=media_kind_of(attachments),
                    attachments=tuple(attachments),
                    source_chat_id=source_chat_id,
                    source_message_id=source_message_id,
                ),
                tx=tx,
            )
            await self.storage.audit.record(user_id, "release.draft", "release", release.id, tx=tx)
        log.info("draft created release_id=%d organization_id=%d", release.id, org.id)
        return await self.preview(release, org)

    async def preview(self, release: Release, org: Organization) -> Preview:
        """The draft's parts as journalists will get them, its reach now, and a similar recent release."""
        parts = self.render(release, org, utcnow())
        async with self.storage.db.snapshot() as tx:
            who = await service.audience(
                self.storage, release, utcnow(), self.core.settings.timezone, tx=tx, matcher=self.core.matcher
            )
            reach = len(who.instant) + len(who.digest)
        embargo = find_embargo(release.body, utcnow(), self.core.settings.timezone)
        return Preview(release, parts, reach, await self.similar_release(release), embargo, org.requires_approval)

    def render(
        self, release: Release, org: Organization, published_at: datetime, *, corrected: bool = False
    ) -> list[MessagePart]:
        """Render a release with its organization, topics and county as journalists receive it.

        ``corrected`` marks a correction of a published release; a draft's replaced text is not one.
        """
        topics = {t.slug: t for t in self.core.pipeline.topics}
        counties = {c.slug: c for c in self.core.pipeline.counties}
        county = counties.get(release.county) if release.county else None
        # An embargo note ("not to be published before …") is for the newsroom, never for readers: it goes
        # whether the release is published after the embargo or, confirmed by the officer, before it.
        embargo = find_embargo(release.body, release.created_at, self.core.settings.timezone)
        body = strip_embargo(release.body, embargo) if embargo else release.body
        view = ReleaseView(
            release_id=release.id,
            title=release.title,
            body=body,
            org_name=org.name,
            county_name=county.name if county else None,
            topic_hashtags=tuple(topics[s].hashtag for s in release.topics if s in topics),
            county_hashtag=county.hashtag if county else None,
            published_at=published_at,
            media_kind=release.media_kind,  # type: ignore[arg-type]
            version=2 if corrected else 1,
        )
        return render_release(view, self.core.settings.timezone)

    async def similar_release(self, release: Release) -> Duplicate | None:
        """The most recent release published in the last 7 days that this one nearly duplicates."""
        if release.fingerprint is None:
            return None
        recent = await self.storage.releases.published_fingerprints_since(utcnow() - DUPLICATE_WINDOW)
        for release_id, fingerprint, org_id, published_at in sorted(recent, key=lambda r: r[3], reverse=True):
            if release_id != release.id and is_near_duplicate(release.fingerprint, fingerprint):
                other = await self.storage.releases.get(release_id)
                org = await self.storage.organizations.get(org_id)
                return Duplicate(release_id, other.title if other else "", org.name if org else "?", published_at)
        return None

    def topics_named(self, typed: str) -> list[str]:
        """The topics an officer typed by slug or Persian label (``/settopics 13 عمران و زیرساخت، ورزش``)."""
        topics = self.core.pipeline.topics
        every = " ".join(sorted(t.slug for t in topics))
        return pick(
            typed,
            [(t.slug, t.label) for t in topics],
            lambda pieces: texts.UNKNOWN_TOPICS.format(slugs=texts.LIST_SEPARATOR.join(pieces), all_topics=every),
        )

    def county_named(self, typed: str) -> str:
        """The county an officer typed by slug or Persian name, or ``none`` (``none``, «استانی»: province-wide)."""
        counties = self.core.pipeline.counties
        every = " ".join(sorted(c.slug for c in counties))
        wide = [("none", name) for name in (texts.PROVINCE_WIDE_LABEL, "province")]
        return pick_one(
            typed,
            [*((c.slug, c.name) for c in counties), *wide],
            lambda name: texts.UNKNOWN_COUNTY.format(slug=name, all_counties=every),
            too_many=texts.ONE_COUNTY_ONLY,
        )

    async def set_topics(self, user_id: int, release_id: int, slugs: Sequence[str]) -> Preview:
        """Replace a draft's topics (the officer's correction of the suggestion)."""
        _, org, release = await self.own_draft(user_id, release_id)
        known = {t.slug for t in self.core.pipeline.topics}
        chosen = list(dict.fromkeys(s.lower() for s in slugs))
        unknown = [s for s in chosen if s not in known]
        if unknown:
            raise InvalidInput(texts.UNKNOWN_TOPICS.format(slugs=" ".join(unknown), all_topics=" ".join(sorted(known))))
        if len(chosen) > MAX_TOPICS:
            raise InvalidInput(texts.TOO_MANY_TOPICS.format(limit=fa(MAX_TOPICS)))
        await self.storage.releases.set_tags(release.id, chosen, release.county)
        return await self._refreshed(release.id, org)

    async def toggle_topic(self, user_id: int, release_id: int, slug: str) -> Release:
        """Add or remove one topic of a draft (the toggle keyboard)."""
        _, _, release = await self.own_draft(user_id, release_id)
        if slug not in {t.slug for t in self.core.pipeline.topics}:
            raise InvalidInput(texts.UNKNOWN_TOPICS.format(slugs=slug, all_topics=""))
        topics = [t for t in release.topics if t != slug] if slug in release.topics else [*release.topics, slug]
        if len(topics) > MAX_TOPICS:
            raise InvalidInput(texts.TOO_MANY_TOPICS.format(limit=fa(MAX_TOPICS)))
        await self.storage.releases.set_tags(release.id, topics, release.county)
        updated = await self.storage.releases.get(release.id)
        assert updated is not None
        return updated

    async def start_replacement(self, user_id: int, release_id: int) -> None:
        """The officer's next text replaces this draft's text."""
        await self.own_draft(user_id, release_id)
        await self.storage.officers.set_correcting(user_id, release_id)

    async def replace_text(self, user_id: int, release_id: int, raw_text: str) -> Preview:
        """A new text for a draft, kept as a new version; topics and county are suggested afresh."""
        _, org, release = await self.own_draft(user_id, release_id)
        empty = texts.MEDIA_NEEDS_CAPTION if release.media_kind != "none" else texts.DRAFT_EMPTY
        prepared = self.prepare_text(raw_text, org, empty=empty)
        async with self.storage.db.transaction() as tx:
            await self._store_version(release.id, prepared, user_id, tx=tx)
            await self.storage.releases.set_tags(release.id, prepared.topics, prepared.county, tx=tx)
            await self.storage.audit.record(user_id, "release.replace_text", "release", release.id, tx=tx)
        if await self.storage.officers.correcting(user_id) == release.id:
            await self.storage.officers.set_correcting(user_id, None)
        return await self._refreshed(release.id, org)

    async def set_county(self, user_id: int, release_id: int, slug: str) -> Preview:
        """Set a draft's county, or ``none`` for a province-wide release."""
        _, org, release = await self.own_draft(user_id, release_id)
        counties = {c.slug for c in self.core.pipeline.counties}
        county = None if slug.lower() in {"none", "province", "استانی"} else slug.lower()
        if county is not None and county not in counties:
            raise InvalidInput(texts.UNKNOWN_COUNTY.format(slug=slug, all_counties=" ".join(sorted(counties))))
        await self.storage.releases.set_tags(release.id, release.topics, county)
        return await self._refreshed(release.id, org)

    async def _refreshed(self, release_id: int, org: Organization) -> Preview:
        release = await self.storage.releases.get(release_id)
        assert release is not None
        return await self.preview(release, org)

    async def cancel(self, user_id: int, release_id: int) -> None:
        """Drop a draft; it is kept for the audit trail but never published."""
        _, _, release = await self.own_draft(user_id, release_id)
        async with self.storage.db.transaction() as tx:
            if not await self.storage.releases.cancel(release.id, tx=tx):
                raise refusal(release.id, await self.storage.releases.status_of(release.id, tx=tx))
            await self.storage.audit.record(user_id, "release.cancel", "release", release.id, tx=tx)

    # -- publishing ------------------------------------------------------------------------------

    async def publish(
        self, user_id: int, release_id: int, *, confirmed: bool = False, duplicate_ok: bool = False
    ) -> service.Enqueued | None:
        """Publish a draft now (None: it went to the admins' approval queue instead).

        Guards come first: a release whose text holds it back until a time still to come is asked about
        (``EmbargoNotPassed``, with the near-duplicate too if there is one), a near-duplicate is asked
        about; ``confirmed`` answers both (``duplicate_ok`` only the near-duplicate). Then the release and
        its deliveries are written in one transaction, which checks that the release is still a draft: a
        request that changed it meanwhile (a /cancel, the first of two presses of «انتشار») wins, and this
        one is told what happened instead.
        """
        officer, org, release = await self.own_release(user_id, release_id)
        since = utcnow() - REPUBLISH_IS_A_DOUBLE_TAP
        if release.status == "published" and release.published_at is not None and release.published_at >= since:
            raise refusal(release.id, release.status, publishing=True)
        self._check_editable(release)
        published = await self.storage.releases.published_by_author_since(
            officer.user_id, utcnow() - timedelta(hours=1)
        )
        if published >= PUBLISH_LIMIT_PER_HOUR:
            raise InvalidInput(texts.RATE_LIMITED.format(count=fa(published), limit=fa(PUBLISH_LIMIT_PER_HOUR)))
        duplicate = await self.similar_release(release)
        if not confirmed:
            embargo = find_embargo(release.body, utcnow(), self.core.settings.timezone)
            if embargo is not None:
                raise EmbargoNotPassed(
                    self._embargo_question(release, embargo, duplicate), release.id, embargo, duplicate
                )
        if duplicate is not None and not (confirmed or duplicate_ok):
            raise InvalidInput(texts.NEEDS_CONFIRMATION.format(id=fa(duplicate.release_id), draft=fa(release.id)))
        if org.requires_approval:
            await self.approval.submit(user_id, release, org)
            return None
        try:
            enqueued = await self.publish_now(release, org)
        except StatusChanged as changed:
            raise refusal(release.id, changed.status, publishing=True) from None
        await self.storage.audit.record(
            user_id, "release.publish", "release", release.id, {"deliveries": enqueued.deliveries}
        )
        self.core.ports.wake_dispatcher()
        log.info("release published release_id=%d deliveries=%d", release.id, enqueued.deliveries)
        return enqueued

    def _embargo_question(self, release: Release, embargo: Embargo, duplicate: Duplicate | None) -> str:
        """What an officer publishing before the embargo is asked (the near-duplicate too, if any)."""
        zone = self.core.settings.timezone
        text = texts.EMBARGO_PUBLISH_CONFIRM.format(
            id=fa(release.id),
            when=format_datetime(embargo.until, zone),
            sentence=embargo.sentence,
            short=format_short(embargo.until, zone),
        )
        if duplicate is not None:
            text += "\n\n" + texts.EMBARGO_AND_DUPLICATE.format(id=fa(duplicate.release_id), title=duplicate.title)
        return text

    async def publish_now(
        self,
        release: Release,
        org: Organization,
        *,
        from_statuses: Collection[str] = EDITABLE,
        due_by: datetime | None = None,
        tx: Tx | None = None,
    ) -> service.Enqueued:
        """Render the release as it is now and write it with one delivery per matching chat, in one
        transaction (the caller's ``tx`` if given) that first checks it is still in ``from_statuses``
        and, with ``due_by``, still scheduled for no later than that; ``StatusChanged`` if not."""
        now = utcnow()
        async with self.storage.db.joined(tx) as t:
            current = await self.storage.releases.get(release.id, tx=t)
            if current is None:
                raise StatusChanged(release.id, None)
            if due_by is not None and (current.scheduled_at is None or current.scheduled_at > due_by):
                raise StatusChanged(release.id, current.status)  # rescheduled meanwhile: not due any more
            return await service.publish(
                self.storage,
                release.id,
                self.render(current, org, now),
                when=now,
                zone=self.core.settings.timezone,
                matcher=self.core.matcher,
                from_statuses=from_statuses,
                tx=t,
            )

    async def schedule(self, user_id: int, release_id: int, when_text: str, *, confirmed: bool = False) -> datetime:
        """Schedule (or reschedule) a release for a time typed by the officer; return it in UTC."""
        _, _, release = await self.own_draft(user_id, release_id)
        try:
            when = parse_when(when_text, utcnow(), self.core.settings.timezone)
        except YearAhead:
            raise  # asked, not refused: the handler offers next year's day with two buttons
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        duplicate = await self.similar_release(release)
        if duplicate is not None and not confirmed:
            raise InvalidInput(texts.NEEDS_CONFIRMATION.format(id=fa(duplicate.release_id), draft=fa(release.id)))
        embargo = find_embargo(release.body, utcnow(), self.core.settings.timezone)
        if embargo is not None and when < embargo.until and not confirmed:
            zone = self.core.settings.timezone
            raise InvalidInput(
                texts.SCHEDULE_BEFORE_EMBARGO.format(
                    id=fa(release.id),
                    when=format_datetime(when, zone),
                    until=format_datetime(embargo.until, zone),
                    typed=when_text,
                    short=format_short(embargo.until, zone),
                )
            )
        async with self.storage.db.transaction() as tx:
            if not await self.storage.releases.schedule(release.id, when, tx=tx):
                raise refusal(release.id, await self.storage.releases.status_of(release.id, tx=tx))
            await self.storage.audit.record(
                user_id, "release.schedule", "release", release.id, {"at": when.isoformat()}, tx=tx
            )
        log.info("release scheduled release_id=%d at=%s", release.id, when.isoformat())
        return when

    def schedule_usage(self) -> str:
        """/schedule's usage, its example a time in the future (tomorrow at ten)."""
        natural, _ = example_times(utcnow(), self.core.settings.timezone)
        return texts.SCHEDULE_USAGE.format(natural=natural)

    async def schedule_at_embargo(self, user_id: int, release_id: int) -> datetime:
        """Schedule a release for the time its own embargo note names."""
        _, _, release = await self.own_draft(user_id, release_id)
        embargo = find_embargo(release.body, utcnow(), self.core.settings.timezone)
        if embargo is None:
            raise InvalidInput(self.schedule_usage())
        return await self.schedule(
            user_id, release_id, format_short(embargo.until, self.core.settings.timezone), confirmed=True
        )

    async def unschedule(self, user_id: int, release_id: int) -> None:
        """Turn a scheduled release back into a draft."""
        _, _, release = await self.own_draft(user_id, release_id)
        if release.status != "scheduled":
            raise WrongState(texts.NOT_SCHEDULED.format(id=fa(release_id)))
        async with self.storage.db.transaction() as tx:
            if not await self.storage.releases.schedule(release.id, None, tx=tx):
                raise refusal(release.id, await self.storage.releases.status_of(release.id, tx=tx))
            await self.storage.audit.record(user_id, "release.unschedule", "release", release.id, tx=tx)

    async def publish_scheduled(self, release_id: int) -> service.Enqueued | None:
        """Publish a scheduled release whose time has come (the scheduler's call); None if it changed.

        The officer may cancel, reschedule or unschedule it at this very moment: the transaction that
        publishes it checks it is still scheduled and due, and whichever comes second gives way.
        """
        now = utcnow()
        release = await self.storage.releases.get(release_id)
        if release is None or release.status != "scheduled":
            return None
        org = await self.storage.organizations.get(release.organization_id)
        officer = await self.storage.officers.get(release.author_id)
        if org is None or officer is None or not officer.active:
            # A revoked officer's schedule does not go out on its own; the draft waits for a decision.
            await self.storage.releases.schedule(release.id, None)
            log.info("scheduled release held, author revoked release_id=%d", release.id)
            return None
        if org.requires_approval:
            try:
                await self.approval.submit(None, release, org, from_statuses=("scheduled",))
            except UserError:
                log.info("scheduled release changed meanwhile release_id=%d", release.id)
            return None
        try:
            enqueued = await self.publish_now(release, org, from_statuses=("scheduled",), due_by=now)
        except StatusChanged as changed:
            log.info("scheduled release changed meanwhile release_id=%d status=%s", release.id, changed.status)
            return None
        await self.storage.audit.record(
            None, "release.publish", "release", release.id, {"deliveries": enqueued.deliveries, "scheduled": True}
        )
        self.core.ports.wake_dispatcher()
        log.info("scheduled release published release_id=%d deliveries=%d", release.id, enqueued.deliveries)
        return enqueued

    async def own_published(self, user_id: int, release_id: int) -> tuple[Officer, Organization, Release]:
        """A published release of the officer's own organization, or UserError saying why not."""
        officer, org, release = await self.own_release(user_id, release_id)
        if release.status != "published":
            status = texts.STATUS_NAMES.get(release.status, release.status)
            raise WrongState(texts.NOT_PUBLISHED.format(id=fa(release_id), status=status))
        return officer, org, release

    async def start_correction(self, user_id: int, release_id: int) -> None:
        """/correct: the officer's next text is the release's corrected version, to be previewed."""
        await self.own_published(user_id, release_id)
        await self.storage.officers.set_correcting(user_id, release_id)
        await self.storage.desk.stop_typed(user_id)

    def _corrected(self, release: Release, prepared: PreparedRelease, org: Organization) -> Release:
        """The release with a corrected text, re-tagged: the topics and county suggested for the new text,
        unless the change left the suggestion as it was (then the tags stay, the officer's own choice included)."""
        before = self.core.pipeline.prepare(release.raw_text, org_name=org.name, org_county=org.county)
        topics = release.topics if prepared.topics == before.topics else prepared.topics
        county = release.county if prepared.county == before.county else prepared.county
        return dataclasses.replace(
            release,
            raw_text=prepared.raw_text,
            title=prepared.title,
            body=prepared.body,
            search_text=prepared.search_text,
            fingerprint=prepared.fingerprint,
            topics=topics,
            county=county,
        )

    async def preview_correction(
        self, user_id: int, release_id: int, raw_text: str, *, source: tuple[int, int] | None = None
    ) -> CorrectionPreview:
        """A corrected text, shown as journalists would get it with what changed; nothing is edited until the
        officer confirms (question kept in the database). The correction mode ends here."""
        _, org, release = await self.own_published(user_id, release_id)
        await self.storage.officers.set_correcting(user_id, None)
        prepared = self.prepare_text(raw_text, org)
        corrected = self._corrected(release, prepared, org)
        old_print = release.fingerprint if release.fingerprint is not None else fingerprint_of(_full_text(release))
        changes = sentence_changes(_full_text(release), _full_text(corrected), old_print, prepared.fingerprint)
        if not changes.any and fold(_full_text(release)) == fold(_full_text(corrected)):
            raise InvalidInput(texts.CORRECTION_UNCHANGED.format(id=fa(release.id)))
        assert release.published_at is not None
        parts = self.render(corrected, org, release.published_at, corrected=True)
        copies = len(await self.storage.outbox.started_sends(release.id))
        asked = await self.storage.desk.ask(
            user_id, "correct", release_id=release.id, version=release.version, text=raw_text, source=source
        )
        log.info("correction previewed release_id=%d version=%d", release.id, release.version)
        return CorrectionPreview(asked.id, release, corrected, parts, changes, copies)

    async def confirm_correction(self, user_id: int, request: DeskRequest) -> Correction:
        """The officer confirmed a previewed correction: it goes out, unless the release changed since."""
        assert request.release_id is not None
        assert request.text is not None
        _, _, release = await self.own_release(user_id, request.release_id)
        if release.status == "published" and release.version != request.version:
            raise WrongState(texts.CORRECTION_OUTDATED.format(id=fa(release.id)))
        version, enqueued = await self.correct(user_id, release.id, request.text)
        return Correction(release.id, version, enqueued.deliveries)

    async def correct(self, user_id: int, release_id: int, raw_text: str) -> tuple[int, service.Enqueued]:
        """Store the corrected text as a new version (re-tagged) and edit every delivered copy; return the version."""
        _, org, release = await self.own_published(user_id, release_id)
        prepared = self.prepare_text(raw_text, org)
        corrected = self._corrected(release, prepared, org)
        assert release.published_at is not None
        parts = self.render(corrected, org, release.published_at, corrected=True)
        notice = html.escape(texts.CORRECTION_NOTICE.format(title=corrected.title, org=org.name))
        try:
            # The new version and its edits in one transaction that checks the release is still published.
            async with self.storage.db.transaction() as tx:
                version = await self._store_version(release.id, prepared, user_id, tx=tx)
                await self.storage.releases.set_tags(release.id, corrected.topics, corrected.county, tx=tx)
                enqueued = await service.correct(self.storage, release.id, version, parts, notice, tx=tx)
        except StatusChanged as changed:
            raise refusal(release.id, changed.status) from None
        if await self.storage.officers.correcting(user_id) == release.id:
            await self.storage.officers.set_correcting(user_id, None)
        await self.storage.audit.record(user_id, "release.correct", "release", release.id, {"version": version})
        self.core.ports.wake_dispatcher()
        await self._release_changed(release.id, "corrected")
        return version, enqueued

    async def ask_retraction(self, user_id: int, release_id: int, reason: str | None) -> RetractionQuestion:
        """/retract without «yes»: what would be deleted, and the question (kept in the database) to confirm it."""
        _, _, release = await self.own_published(user_id, release_id)
        copies = len(await self.storage.outbox.started_sends(release.id))
        progress = await self.storage.outbox.progress(release.id)
        unsent = max(0, progress.total - progress.failed - progress.cancelled - copies)
        asked = await self.storage.desk.ask(user_id, "retract", release_id=release.id, text=reason)
        return RetractionQuestion(asked.id, release, copies, unsent, reason)

    async def retract_confirmed(self, user_id: int, release_id: int, reason: str | None) -> Retracted:
        """A retraction the officer confirmed: done, with what and by whom for the answer."""
        officer, _, release = await self.own_published(user_id, release_id)
        enqueued = await self.retract(user_id, release_id, reason)
        return Retracted(release.id, release.title, officer.full_name, enqueued.deliveries, reason)

    async def retract(self, user_id: int, release_id: int, reason: str | None) -> service.Enqueued:
        """Delete every delivered copy (a notice where Telegram refuses) and remove it from search."""
        _, org, release = await self.own_published(user_id, release_id)
        reason_text = texts.RETRACTION_REASON.format(reason=reason) if reason else ""
        notice = texts.RETRACTION_NOTICE.format(title=release.title, org=org.name, reason=reason_text)
        try:
            enqueued = await service.retract(
                self.storage,
                release.id,
                reason,
                html.escape(notice),
                zone=self.core.settings.timezone,
            )
        except StatusChanged as changed:
            raise refusal(release.id, changed.status) from None
        await self.storage.audit.record(user_id, "release.retract", "release", release.id, {"reason": reason})
        self.core.ports.wake_dispatcher()
        await self._release_changed(release.id, "retracted")
        return enqueued

    async def _release_changed(self, release_id: int, kind: Literal["corrected", "retracted"]) -> None:
        """Tell the listener (the question desk); its failure is logged, the change itself is done."""
        if self.on_release_changed is None:
            return
        try:
            await self.on_release_changed(release_id, kind)
        except Exception:
            log.exception("release change not passed on release_id=%d kind=%s", release_id, kind)

    # -- edited messages ---------------------------------------------------------------------------

    async def edited(
        self, user_id: int, chat_id: int, message_id: int, raw_text: str
    ) -> Preview | EditedPublished | EditIgnored | ShortText | None:
        """An officer edited a message they sent: the open draft made from it takes the new text; a published
        release made from it gets a question offering the correction; a short text still asked about takes
        the new text (``ShortText``); None when the message is none of these."""
        release = await self.storage.releases.by_source(chat_id, message_id)
        if release is None:
            short = await self.storage.desk.set_text_for_source(chat_id, message_id, raw_text)
            return None if short is None else ShortText(short)
        _, _, release = await self.own_release(user_id, release.id)
        if release.status in EDITABLE_STATUSES:
            preview = await self.replace_text(user_id, release.id, raw_text)
            log.info("draft updated from an edited message release_id=%d", release.id)
            return preview
        if release.status == "published":
            asked = await self.storage.desk.ask(
                user_id,
                "edit",
                release_id=release.id,
                version=release.version,
                text=raw_text,
                source=(chat_id, message_id),
            )
            return EditedPublished(asked.id, release)
        return EditIgnored(release)

    async def my_releases(self, user_id: int, limit: int = 10) -> MyReleases:
        """The officer's organization's latest releases (cancelled drafts only counted) with their delivery
        progress, and what became of the agency's releases published today."""
        _, org = await self.officer(user_id)
        releases = await self.storage.releases.latest_of_organization(org.id, limit, without=("cancelled",))
        return MyReleases(
            org,
            [(r, await self.storage.outbox.progress(r.id)) for r in releases],
            cancelled=await self.storage.releases.count_of_organization(org.id, "cancelled"),
            today=await todays_totals(self.storage, utcnow(), self.core.settings.timezone, org.id),
        )

    async def status(self, user_id: int, release_id: int) -> tuple[Release, Progress]:
        """One release of the officer's organization with its delivery report."""
        _, _, release = await self.own_release(user_id, release_id)
        return release, await self.storage.outbox.progress(release.id)
