"""The journalists' side: subscriptions of private chats, groups, forum topics and channels, and their filters.

A *place* is where releases go: a private chat, a group, one topic of a forum, or a channel. A user
configures a place only while they control it, and that is asked of the Bot API at the moment of
every change (not only when the bot was added): a private chat by its user, a group or channel by
its administrators. Handlers turn ``UserError`` into a Persian reply; nothing is changed then.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot import texts
from bot.delivery.service import filters_of
from bot.domain.digest import digest_due, next_digest_at
from bot.domain.digits import fa, to_latin_digits, to_persian_digits
from bot.domain.matching import PROVINCE_WIDE, describe_filters, parse_keywords
from bot.errors import InvalidInput, NotAChatAdmin, UnknownId
from bot.services.core import Core
from bot.services.digests import DigestClock
from bot.services.names import MAX_VALUES, agency_options, option_lines, pick
from bot.services.ports import ChatUnreachable
from storage.db import Tx, utcnow
from storage.subscriptions import Subscription

log = logging.getLogger(__name__)

__all__ = ["MAX_VALUES", "Place", "Readers", "StateChange", "option_lines"]


@dataclass(frozen=True, slots=True)
class StateChange:
    """What /pause or /resume did: paused, resumed, already so, or cannot resume (``reason``: why not)."""

    outcome: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where releases go: a chat, or one topic of a forum (``thread_id`` > 0)."""

    chat_id: int
    thread_id: int
    chat_type: str
    title: str | None

    @property
    def is_private(self) -> bool:
        """A user's own private chat, which only they control."""
        return self.chat_type == "private"

    def label(self, *, here: bool) -> str:
        """How replies name the place: «این گفت‌وگو» where the user is, its title elsewhere."""
        if here:
            return texts.PLACE_TOPIC if self.thread_id else texts.PLACE_OWN
        return texts.PLACE_CHAT.format(title=self.title or fa(self.chat_id))


class Readers:
    """Subscriptions and filters over the application's services; ``bot`` asks Telegram who controls a chat."""

    def __init__(self, core: Core, digests: DigestClock | None = None) -> None:
        self.core = core
        self.storage = core.storage
        self.digests = digests

    # -- where a command applies, and who may change it -------------------------------------------

    async def remember_chat(
        self, chat_id: int, chat_type: str, title: str | None, username: str | None, *, is_forum: bool
    ) -> None:
        """Record a chat a command came from, so it can be subscribed and listed."""
        known = await self.storage.subscriptions.get_chat(chat_id)
        await self.storage.subscriptions.upsert_chat(
            chat_id,
            chat_type,
            title=title,
            username=username,
            is_forum=is_forum,
            bot_status=known.bot_status if known else "member",
            can_post=known.can_post if known else True,
        )

    async def place_for(self, user_id: int, chat_id: int, chat_type: str, title: str | None, thread_id: int) -> Place:
        """The place a command applies to: the group or topic it was sent in, or the user's /use choice."""
        if chat_type != "private":
            return Place(chat_id, thread_id, chat_type, title)
        chosen = await self.storage.subscriptions.target(user_id)
        if chosen is not None:
            chat = await self.storage.subscriptions.get_chat(chosen[0])
            if chat is not None:
                return Place(chat.id, chosen[1], chat.type, chat.title)
        return Place(chat_id, 0, "private", title)

    async def place_of_button(self, user_id: int, chat_id: int, thread_id: int) -> Place | None:
        """The place a button was made for: the presser's own chat, or a group or channel the bot knows."""
        if chat_id == user_id:
            return Place(chat_id, 0, "private", None)
        chat = await self.storage.subscriptions.get_chat(chat_id)
        if chat is None:
            return None
        return Place(chat.id, thread_id, chat.type, chat.title)

    async def check_control(self, user_id: int, place: Place) -> None:
        """Ask the messenger now whether the user controls the place; UserError if not."""
        if place.is_private:
            if place.chat_id != user_id:
                raise NotAChatAdmin(texts.NOT_CHAT_ADMIN.format(place=place.label(here=False)))
            return
        try:
            role = await self.core.ports.chat_control.role(place.chat_id, user_id)
        except ChatUnreachable:
            raise NotAChatAdmin(texts.CHAT_UNREACHABLE.format(place=place.label(here=False))) from None
        if role is None:
            await self.storage.subscriptions.forget_controller(place.chat_id, user_id)
            raise NotAChatAdmin(texts.NOT_CHAT_ADMIN.format(place=place.label(here=False)))
        await self.storage.subscriptions.record_controller(place.chat_id, user_id, role)

    # -- subscribing and filters -----------------------------------------------------------------

    async def subscription(self, place: Place) -> Subscription | None:
        """The place's subscription with its filters, or None."""
        return await self.storage.subscriptions.get(place.chat_id, place.thread_id)

    async def subscribe(self, user_id: int, place: Place) -> Subscription:
        """Make the place a subscriber (after checking control); an existing one keeps its filters."""
        await self.check_control(user_id, place)
        async with self.storage.db.transaction() as tx:
            await self._ensure_chat(place, tx)
            existing = await self.storage.subscriptions.get(place.chat_id, place.thread_id, tx=tx)
            if existing is not None and existing.state == "paused":
                return existing
            subscription = await self.storage.subscriptions.subscribe(
                place.chat_id, place.thread_id, created_by=user_id, tx=tx
            )
            if existing is None:
                await self.storage.audit.record(user_id, "subscription.create", "chat", place.chat_id, tx=tx)
        return subscription

    async def _ensure_chat(self, place: Place, tx: Tx) -> None:
        """A private chat is recorded the first time its user subscribes it."""
        if await self.storage.subscriptions.get_chat(place.chat_id, tx=tx) is None:
            await self.storage.subscriptions.upsert_chat(place.chat_id, place.chat_type, title=place.title, tx=tx)

    async def set_filter(self, user_id: int, place: Place, changes: dict[str, Sequence[str]]) -> Subscription:
        """Replace some filter dimensions; the place becomes a subscriber if it was not one.

        A paused subscription stays paused: changing what one wants is not asking to resume.
        """
        await self.check_control(user_id, place)
        async with self.storage.db.transaction() as tx:
            await self._ensure_chat(place, tx)
            existing = await self.storage.subscriptions.get(place.chat_id, place.thread_id, tx=tx)
            if existing is None or existing.state == "deactivated":
                existing = await self.storage.subscriptions.subscribe(
                    place.chat_id, place.thread_id, created_by=user_id, tx=tx
                )
            for dimension, values in changes.items():
                await self.storage.subscriptions.set_filter(existing.id, dimension, values, tx=tx)
            await self.storage.audit.record(
                user_id, "subscription.filters", "chat", place.chat_id, {d: list(v) for d, v in changes.items()}, tx=tx
            )
            updated = await self.storage.subscriptions.get(place.chat_id, place.thread_id, tx=tx)
        assert updated is not None
        return updated

    # -- reading typed values ----------------------------------------------------------------------

    def topic_options(self) -> list[tuple[str, str]]:
        """Topic slugs and labels, in the taxonomy's order."""
        return [(t.slug, t.label) for t in self.core.pipeline.topics]

    def county_options(self) -> list[tuple[str, str]]:
        """County slugs and names, province-wide first."""
        return [(PROVINCE_WIDE, texts.PROVINCE_WIDE_LABEL)] + [(c.slug, c.name) for c in self.core.pipeline.counties]

    async def agency_options(self) -> list[tuple[str, str]]:
        """Organization ids (as text) and names."""
        return await agency_options(self.storage)

    def parse_topics(self, typed: str) -> list[str]:
        """Topics typed by slug or label (several words, commas or «و» between them) → slugs."""
        return _pick(typed, self.topic_options(), texts.FILTER_UNKNOWN_TOPICS)

    def parse_counties(self, typed: str) -> list[str]:
        """Counties typed by slug or name («استانی» or province too) → slugs."""
        return _pick(typed, self.county_options(), texts.FILTER_UNKNOWN_COUNTIES)

    async def parse_agencies(self, typed: str) -> list[str]:
        """Agencies typed by id or name → ids as text. Every one must exist; a shared name lists the agencies."""
        return pick(typed, await self.agency_options(), _unknown_agencies, ids=True)

    @staticmethod
    def parse_keywords(args: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``/keywords`` arguments → (include, exclude)."""
        try:
            include, exclude = parse_keywords(args)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        if len(include) + len(exclude) > MAX_VALUES:
            raise InvalidInput(texts.TOO_MANY_VALUES.format(limit=fa(MAX_VALUES)))
        return include, exclude

    # -- describing ------------------------------------------------------------------------------

    async def describe(self, subscription: Subscription) -> str:
        """The filters in plain Persian, one line per dimension."""
        orgs = {int(k): v for k, v in await self.agency_options()}
        return describe_filters(
            filters_of(subscription),
            topic_labels=dict(self.topic_options()),
            county_names={c.slug: c.name for c in self.core.pipeline.counties},
            org_names=orgs,
        )

    # -- pause, resume, stop, quiet hours, digest --------------------------------------------------

    async def _own_subscription(self, user_id: int, place: Place, label: str) -> Subscription:
        await self.check_control(user_id, place)
        subscription = await self.subscription(place)
        if subscription is None:
            raise InvalidInput(texts.NOT_SUBSCRIBED.format(place=label))
        return subscription

    async def pause(self, user_id: int, place: Place, label: str) -> StateChange:
        """Stop sending to the place, keeping its filters."""
        subscription = await self._own_subscription(user_id, place, label)
        if subscription.state == "paused":
            return StateChange("already_paused")
        if subscription.state == "deactivated":
            return StateChange("cannot_resume", subscription.deactivated_reason or "")
        await self._set_state(user_id, subscription, "paused")
        return StateChange("paused")

    async def resume(self, user_id: int, place: Place, label: str) -> StateChange:
        """Send to the place again (not to a chat the bot may no longer post in)."""
        subscription = await self._own_subscription(user_id, place, label)
        if subscription.state == "active":
            return StateChange("already_active")
        if subscription.state == "deactivated" and not place.is_private:
            chat = await self.storage.subscriptions.get_chat(place.chat_id)
            if chat is None or chat.bot_status in {"left", "kicked"} or not chat.can_post:
                return StateChange("cannot_resume", subscription.deactivated_reason or "")
        await self._set_state(user_id, subscription, "active")
        return StateChange("resumed")

    async def _set_state(self, user_id: int, subscription: Subscription, state: str) -> None:
        async with self.storage.db.transaction() as tx:
            await self.storage.subscriptions.set_state(subscription.id, state, tx=tx)
            await self.storage.audit.record(
                user_id,
                f"subscription.{state}",
                "chat",
                subscription.chat_id,
                {"thread": subscription.thread_id},
                tx=tx,
            )

    async def stop(self, user_id: int, place: Place, label: str) -> None:
        """Delete the place's subscription and filters (the caller has asked for confirmation)."""
        subscription = await self._own_subscription(user_id, place, label)
        async with self.storage.db.transaction() as tx:
            await self.storage.subscriptions.remove(subscription.id, tx=tx)
            await self.storage.audit.record(
                user_id, "subscription.stop", "chat", place.chat_id, {"thread": place.thread_id}, tx=tx
            )
        log.info("subscription removed chat_id=%d thread_id=%d", place.chat_id, place.thread_id)

    async def quiet(self, user_id: int, place: Place, label: str, window: tuple[str, str] | None) -> None:
        """Set quiet hours (``("23:00", "07:00")``) or remove them (None)."""
        subscription = await self._own_subscription(user_id, place, label)
        start, end = window if window is not None else (None, None)
        await self.storage.subscriptions.set_quiet(subscription.id, start, end)
        if window is not None:
            await self.storage.audit.record(
                user_id, "subscription.quiet", "chat", place.chat_id, {"from": start, "to": end}
            )

    async def digest(self, user_id: int, place: Place, label: str, at: str | None) -> datetime | None:
        """One digest a day at ``at`` («HH:MM», the bot's time zone), or (None) instant delivery again.

        Returns when the first digest goes out: None when it goes out now (or digests were turned off).
        """
        subscription = await self._own_subscription(user_id, place, label)
        if at is None:
            if subscription.digest_time is not None and self.digests is not None:
                # Releases collected so far go out now rather than wait for a digest that will not come.
                await self.digests.send_now(subscription.id)
            await self.storage.subscriptions.set_digest(subscription.id, None)
            await self.storage.audit.record(user_id, "subscription.digest", "chat", place.chat_id, {"at": None})
            return None
        await self.storage.subscriptions.set_digest(subscription.id, at)
        await self.storage.audit.record(user_id, "subscription.digest", "chat", place.chat_id, {"at": at})
        zone, now = self.core.settings.timezone, utcnow()
        updated = await self.subscription(place)
        if updated is not None and digest_due(at, updated.digest_sent_at, now, zone):
            # An earlier time of day than the last digest: what is waiting goes out at once.
            if self.digests is not None:
                self.digests.wake()
            return None
        return next_digest_at(at, now, zone)

    # -- groups and channels a user controls -------------------------------------------------------

    async def use(self, user_id: int, chat_id: int | None) -> Place | None:
        """Where the user's filter commands apply: a group or channel they control, or (None) their own chat."""
        if chat_id is None:
            await self.storage.subscriptions.set_target(user_id, None)
            return None
        chat = await self.storage.subscriptions.get_chat(chat_id)
        if chat is None or chat.type == "private":
            raise UnknownId(texts.USE_UNKNOWN.format(id=fa(chat_id)))
        place = Place(chat.id, 0, chat.type, chat.title)
        await self.check_control(user_id, place)
        await self.storage.subscriptions.set_target(user_id, chat.id)
        return place

    async def channels(self, user_id: int) -> list[tuple[Place, str, bool]]:
        """The groups and channels the user controls: (place, subscription state, is the /use choice)."""
        chosen = await self.storage.subscriptions.target(user_id)
        found = []
        for chat in await self.storage.subscriptions.controlled_by(user_id):
            subscriptions = await self.storage.subscriptions.of_chat(chat.id)
            state = subscriptions[0].state if subscriptions else "none"
            found.append((Place(chat.id, 0, chat.type, chat.title), state, chosen is not None and chosen[0] == chat.id))
        return found

    async def bot_status_changed(
        self,
        chat_id: int,
        chat_type: str,
        title: str | None,
        username: str | None,
        *,
        status: str,
        can_post: bool,
        changed_by: int | None,
        is_forum: bool = False,
    ) -> str:
        """Record the bot's new status in a chat; return what happened: joined, cannot_post, removed or none."""
        async with self.storage.db.transaction() as tx:
            await self.storage.subscriptions.upsert_chat(
                chat_id,
                chat_type,
                title=title,
                username=username,
                is_forum=is_forum,
                bot_status=status,
                can_post=can_post,
                added_by=changed_by,
                tx=tx,
            )
            if status in {"left", "kicked"}:
                await self.storage.subscriptions.deactivate_chat(chat_id, "removed", tx=tx)
                outcome = "removed"
            elif chat_type == "channel" and not (status == "administrator" and can_post):
                await self.storage.subscriptions.deactivate_chat(chat_id, "cannot_post", tx=tx)
                outcome = "cannot_post"
            else:
                await self.storage.subscriptions.reactivate_chat(chat_id, tx=tx)
                if changed_by is not None and status == "administrator":
                    await self.storage.subscriptions.record_controller(chat_id, changed_by, "administrator", tx=tx)
                outcome = "joined"
            await self.storage.audit.record(
                changed_by, f"chat.{outcome}", "chat", chat_id, {"status": status, "type": chat_type}, tx=tx
            )
        log.info("bot status changed chat_id=%d type=%s status=%s outcome=%s", chat_id, chat_type, status, outcome)
        return outcome


def _pick(typed: str, options: list[tuple[str, str]], unknown: str) -> list[str]:
    """Topics or counties named in ``typed``; the refusal quotes those that name nothing, with the options."""
    return pick(
        typed,
        options,
        lambda pieces: unknown.format(values=texts.LIST_SEPARATOR.join(pieces), options=option_lines(options)),
    )


def _unknown_agencies(pieces: Sequence[str]) -> str:
    """Ids that name no agency keep their reply; a name with a typo gets the one that asks for the name or id."""
    values = to_persian_digits(texts.LIST_SEPARATOR.join(pieces))
    if all(to_latin_digits(piece).isdigit() for piece in pieces):
        return texts.FILTER_UNKNOWN_AGENCIES.format(values=values)
    return texts.FILTER_UNKNOWN_AGENCY_NAMES.format(values=values)
