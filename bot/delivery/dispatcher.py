"""The outbox dispatcher: drains due deliveries at Telegram's limits, losing nothing (DESIGN §6).

One dispatcher runs per process. Each cycle it reads a fair batch of due deliveries, plans their send
times with the ``Pacer`` (overall rate, per-chat spacing, per-group minute window, RetryAfter pauses),
commits the planned ones as ``in_flight``, and launches each at its time with a bounded number of
requests in flight. Outcomes are buffered and written in small batches; a crash therefore leaves only
claimed parts ``in_flight``, and they are sent again after a restart (the only possible duplicates).

Broadcasts go through their own ``Bot`` and HTTP connection pool, so a long broadcast never makes an
interactive reply wait for a connection; interactive replies are recorded on the same ``Pacer``
(``InteractiveRecorder``) so that broadcasts make room for them under the overall rate.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    InputMediaVideo,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from bot.delivery.errors import Classified, Verdict, classify
from bot.delivery.pacing import Pacer
from storage import Storage
from storage.db import utcnow
from storage.faults import refuses_writes
from storage.outbox import DeliveryJob, PartResult, Progress, is_group_chat
from storage.releases import Attachment

log = logging.getLogger(__name__)

ProgressHook = Callable[[Progress], Awaitable[None]]
# Told each time the loop fails and is restarted: the error, how many restarts so far, the wait before this one.
CrashHook = Callable[[BaseException, int, float], Awaitable[None]]
# The buttons under a release's last message in a private chat, from its agency and its id (None: none).
ReleaseButtons = Callable[[int, int], InlineKeyboardMarkup | None]
# (chat id, release id) -> the button that links the copy to the release's public page, or None.
ReleaseLink = Callable[[int, int], Awaitable[InlineKeyboardButton | None]]

# Transient errors (timeouts, 5xx, network failures) are retried with exponential backoff and jitter,
# from BACKOFF_BASE seconds up to BACKOFF_CAP, until DEFAULT_RETRY_HORIZON after the delivery was queued.
BACKOFF_BASE = 2.0
BACKOFF_CAP = 120.0
DEFAULT_RETRY_HORIZON = 24 * 3600.0
# Unexpected (non-Telegram) errors while sending are bugs, not outages: they get this many attempts.
UNEXPECTED_ATTEMPTS = 6
# A failed loop is restarted after RESTART_BASE seconds, doubling up to RESTART_CAP while it keeps failing.
RESTART_BASE = 0.5
RESTART_CAP = 10.0
# ``stop`` returns within this long whatever state it finds (sends in flight, writes failing).
STOP_GRACE = 5.0
# How long an alert to the admin chat may take before the supervisor goes on without it.
CRASH_HOOK_TIMEOUT = 5.0
# The heartbeat file is touched at most this often.
HEARTBEAT_INTERVAL = 1.0

# Bot API methods that put a message into a chat (and so count against its limits).
SEND_ENDPOINTS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendVideo",
        "sendDocument",
        "sendAnimation",
        "sendAudio",
        "sendVoice",
        "sendMediaGroup",
        "sendSticker",
        "sendLocation",
        "sendContact",
        "sendPoll",
        "copyMessage",
        "forwardMessage",
    }
)
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_MEDIA_TYPES: dict[str, type[InputMediaPhoto | InputMediaVideo | InputMediaDocument]] = {
    "photo": InputMediaPhoto,
    "video": InputMediaVideo,
    "document": InputMediaDocument,
}


class Dispatcher:
    """Drains the outbox in the background; ``start`` in post_init, ``stop`` at shutdown."""

    def __init__(
        self,
        storage: Storage,
        bot: Bot,
        pacer: Pacer,
        *,
        paid_broadcast: bool = False,
        concurrency: int = 32,
        max_attempts: int | None = None,
        backoff_base: float = BACKOFF_BASE,
        backoff_cap: float = BACKOFF_CAP,
        retry_horizon: float = DEFAULT_RETRY_HORIZON,
        restart_base: float = RESTART_BASE,
        restart_cap: float = RESTART_CAP,
        plan_horizon: float = 0.25,
        idle_poll: float = 1.0,
        flush_interval: float = 0.05,
        progress_interval: float = 3.0,
        on_progress: ProgressHook | None = None,
        on_crash: CrashHook | None = None,
        release_buttons: ReleaseButtons | None = None,
        release_link: ReleaseLink | None = None,
        heartbeat: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.storage = storage
        self.bot = bot
        self.pacer = pacer
        self.paid_broadcast = paid_broadcast
        self.concurrency = concurrency
        # Attempts of one part before a transient error fails it (None: only the retry horizon limits them).
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.retry_horizon = retry_horizon
        self.restart_base = restart_base
        self.restart_cap = restart_cap
        self.plan_horizon = plan_horizon
        self.idle_poll = idle_poll
        self.flush_interval = flush_interval
        self.progress_interval = progress_interval
        self.on_progress = on_progress
        self.on_crash = on_crash
        self.release_buttons = release_buttons
        self.release_link = release_link
        self.heartbeat = heartbeat
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._stop_requested = asyncio.Event()
        self._stopping = False
        self._stopped = False
        self._failures = 0  # consecutive failed runs of the loop (reset by a successful write)
        self._held_reported = False
        self._beat_at: float | None = None
        self._task: asyncio.Task[None] | None = None
        self._sending: set[asyncio.Task[None]] = set()
        self._results: list[PartResult] = []
        self._dirty: set[int] = set()
        self._reported_at: dict[int, float] = {}
        self._releases: OrderedDict[int, _ReleaseFacts] = OrderedDict()
        self.sent_count = 0
        self.crashes = 0

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, spawn: Callable[[Coroutine[Any, Any, None]], asyncio.Task[None]] | None = None) -> None:
        """Start the background task (through ``spawn``, e.g. ``application.create_task``)."""
        self._stopping = self._stopped = False
        self._stop_requested.clear()
        coroutine = self._supervise()
        self._task = spawn(coroutine) if spawn else asyncio.create_task(coroutine, name="dispatcher")

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop taking work, let sends in flight finish and record their outcomes, all within ``grace`` seconds.

        Never raises: outcomes that cannot be written by then (the database refusing writes) are logged, and
        their deliveries, still ``in_flight`` in the database, are sent again after the next start.
        """
        if self._stopped:
            grace = min(grace, 1.0)  # a second call (post_shutdown after post_stop): one short last try
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        self._stopping = True
        self._stop_requested.set()
        self._wake.set()
        if self._task is not None:
            task, self._task = self._task, None
            await asyncio.wait({task}, timeout=max(0.0, deadline - loop.time() - 1.0))
            if not task.done():
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                try:
                    await task
                except Exception:
                    log.exception("the dispatcher ended with an error")
        await self._drain(max(0.0, deadline - loop.time() - 0.5))
        while self._results or self._dirty:
            try:
                async with asyncio.timeout(max(0.1, deadline - loop.time())):
                    await self._flush()
            except Exception:
                if loop.time() + 0.25 < deadline:
                    await asyncio.sleep(0.2)
                    continue
                log.exception(
                    "could not record %d delivery outcomes before stopping; their deliveries are sent again"
                    " at the next start",
                    len(self._results),
                )
            break
        self._stopped = True

    def wake(self) -> None:
        """New deliveries were written: look for them now instead of at the next poll."""
        self._wake.set()

    @property
    def running(self) -> bool:
        """Whether the sending loop is up (started, not stopping, not ended)."""
        return self._task is not None and not self._task.done() and not self._stopping

    @property
    def in_flight(self) -> int:
        """Requests being sent right now."""
        return len(self._sending)

    async def _supervise(self) -> None:
        """Run the loop; whatever fails inside it (the cleanup included) restarts it with a growing pause.

        Each restart is logged and reported through ``on_crash`` (an alert to the admin chat). Before the loop
        runs again every send in flight has finished and every buffered outcome is written, so resetting the
        deliveries left ``in_flight`` neither loses nor repeats work.
        """
        while not self._stopping:
            try:
                await self._settle()
                recovered = await self.storage.outbox.recover_in_flight()
                if recovered:
                    log.info("resuming deliveries left in flight count=%d", recovered)
                await self._run_loop()
            except Exception as error:
                self.crashes += 1
                self._failures += 1
                delay = min(self.restart_cap, self.restart_base * 2 ** min(self._failures - 1, 30))
                log.exception("dispatcher crashed; restarting in %.1f s (restart %d)", delay, self.crashes)
                await self._after_crash(error, delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop_requested.wait(), delay)

    async def _settle(self) -> None:
        """Wait for every send in flight, then write every buffered outcome (raises while writes fail)."""
        while self._sending and not self._stopping:
            await asyncio.wait(set(self._sending), timeout=1.0)
        await self._flush()

    async def _run_loop(self) -> None:
        loop_done = asyncio.Event()
        flusher = asyncio.create_task(self._flush_loop(loop_done), name="dispatcher-flush")
        try:
            await self._loop()
        finally:
            # The flusher is told to stop, not cancelled: a cancelled flush could lose outcomes.
            loop_done.set()
            await flusher

    async def _after_crash(self, error: Exception, delay: float) -> None:
        """Tell the admin chat, and while writes are refused mark the live reports as held (once per spell)."""
        if self.on_crash is not None:
            try:
                async with asyncio.timeout(CRASH_HOOK_TIMEOUT):
                    await self.on_crash(error, self.crashes, delay)
            except Exception:
                log.exception("the crash hook failed")
        if self.on_progress is None or self._held_reported or not refuses_writes(error):
            return
        self._held_reported = True
        try:
            for release_id in await self.storage.outbox.releases_in_progress():
                progress = await self.storage.outbox.progress(release_id)
                async with asyncio.timeout(CRASH_HOOK_TIMEOUT):
                    await self.on_progress(replace(progress, held=True))
        except Exception:
            log.exception("could not mark the live reports as held")

    def _wrote(self) -> None:
        """A write to the outbox succeeded: the loop is healthy again."""
        if self._failures:
            log.info("dispatcher writing again after %d failed runs", self._failures)
        self._failures = 0
        self._held_reported = False
        self._beat()

    def _beat(self) -> None:
        """Touch the heartbeat file (``python -m bot health`` reads its age), at most once a second."""
        if self.heartbeat is None:
            return
        now = self.clock()
        if self._beat_at is not None and now - self._beat_at < HEARTBEAT_INTERVAL:
            return
        self._beat_at = now
        try:
            self.heartbeat.touch()
        except OSError as error:
            log.warning("heartbeat not written path=%s: %s", self.heartbeat, error)

    # -- the loop ------------------------------------------------------------------------------

    async def _loop(self) -> None:
        while not self._stopping:
            # Cleared before looking, so a wake() that comes while the query runs is not lost.
            self._wake.clear()
            wall, now = utcnow(), self.clock()
            jobs = await self.storage.outbox.due(wall, self._fetch_limit())
            if not jobs:
                self._beat()  # nothing is due: idle is healthy
                await self._idle()
                continue
            planned: list[tuple[DeliveryJob, float]] = []
            deferred: list[tuple[int, datetime]] = []
            for job in jobs:
                # The clock is read afresh: after a slow query a slot computed from the cycle's start would
                # lie in the past, and sends planned in the past would leave in a burst.
                current = self.clock()
                at = current + self.pacer.global_wait(current)
                if planned and at > current + self.plan_horizon:
                    break
                is_group = is_group_chat(job.chat_type)
                if job.part.kind == "album":
                    await self._facts(job.release_id)  # an album's weight is its number of items
                chat_wait = self.pacer.chat_wait(job.chat_id, is_group, at)
                if chat_wait > 0:
                    deferred.append((job.id, wall + timedelta(seconds=at - now + chat_wait)))
                    continue
                self.pacer.record(job.chat_id, is_group, at, weight=self._weight(job))
                planned.append((job, at))
            await self.storage.outbox.defer(deferred)
            await self.storage.outbox.claim([job.id for job, _ in planned])
            if planned or deferred:
                self._wrote()
            for index, (job, at) in enumerate(planned):
                if self._stopping or not await self._launch(job, at):
                    # Claimed but not sent (stopping, or a global pause began): give them back untouched,
                    # to be planned again after the pause.
                    wait = self.pacer.global_wait(self.clock())
                    self._results.extend(self._release(j, wait=wait) for j, _ in planned[index:])
                    break
            if not planned and deferred:
                await self._idle(min(self.idle_poll, *((when - wall).total_seconds() for _, when in deferred)))

    async def _launch(self, job: DeliveryJob, at: float) -> bool:
        """Wait for the planned moment, then send ``job`` in its own task; False if a global pause began."""
        delay = at - self.clock()
        if delay > 0:
            await asyncio.sleep(delay)
        if self.pacer.paused(self.clock()):
            return False
        # A RetryAfter for this chat since planning sends the delivery back without spending an attempt.
        chat_pause = self.pacer.chat_pause(job.chat_id, self.clock())
        if chat_pause > 0:
            self._results.append(self._release(job, wait=chat_pause))
            return True
        await self._slots.acquire()
        task = asyncio.create_task(self._send(job), name=f"delivery-{job.id}")
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
        return True

    def _fetch_limit(self) -> int:
        if self.pacer.spacing == 0:
            return max(2 * self.concurrency, 64)
        return max(8, int(self.plan_horizon / self.pacer.spacing) * 2 + 4)

    def _weight(self, job: DeliveryJob) -> int:
        if job.part.kind == "album" and job.release_id is not None:
            facts = self._releases.get(job.release_id)
            return max(1, len(facts.attachments)) if facts is not None else 1
        return 1

    async def _idle(self, seconds: float | None = None) -> None:
        # Nothing to send now: a good moment to drop the pacing state of chats that no longer need it,
        # so the pacer's map stays as small as the set of recently active chats.
        self.pacer.forget_idle(self.clock())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds if seconds is not None else self.idle_poll)

    async def _drain(self, grace: float) -> None:
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=grace)

    # -- sending one part ------------------------------------------------------------------------

    async def _send(self, job: DeliveryJob) -> None:
        try:
            # The last check before the request leaves: whatever delayed the tasks before this one,
            # no second holds more sends than the rate.
            while (hold := self.pacer.launch_wait(self.clock())) > 0:  # noqa: ASYNC110 - a computed wait
                await asyncio.sleep(hold)
            self.pacer.launched(self.clock(), weight=self._weight(job))
            try:
                message_ids = await self._perform(job)
            except TelegramError as error:
                try:
                    await self._handle_error(job, classify(error))
                except Exception:
                    # Writing what the error means failed (the database refusing writes): try the part again later.
                    log.exception("could not record an error delivery_id=%d chat_id=%d", job.id, job.chat_id)
                    self._results.append(self._release(job, wait=self.backoff_base, error=error.message))
            except Exception:
                log.exception("unexpected error delivery_id=%d chat_id=%d", job.id, job.chat_id)
                self._results.append(self._retry(job, "internal error", limit=UNEXPECTED_ATTEMPTS))
            else:
                self.sent_count += 1
                self._results.append(self._sent(job, message_ids))
            if job.release_id is not None:
                self._dirty.add(job.release_id)
        finally:
            self._slots.release()

    async def _perform(self, job: DeliveryJob) -> tuple[int, ...]:
        """Carry out one part: send it, or edit/delete the messages it replaces; return message ids."""
        part = job.part
        if part.kind == "notice" or (job.action in {"edit", "delete"} and not part.target_message_ids):
            if not part.html:
                return ()
            # A notice, or a part the original did not have: a new message replying to the original.
            buttons = await self._buttons(job) if part.kind != "notice" else None
            return (await self._send_text(job, part.html, reply_to=job.reply_to_message_id, buttons=buttons),)
        if job.action in {"edit", "delete"}:
            if job.action == "delete" or not part.html:
                for message_id in part.target_message_ids:
                    await self.bot.delete_message(job.chat_id, message_id)
                return ()
            message_id = part.target_message_ids[0]
            # An edit without reply_markup takes the buttons off: a corrected copy keeps them.
            buttons = await self._buttons(job)
            if part.kind == "text":
                await self.bot.edit_message_text(
                    part.html,
                    job.chat_id,
                    message_id,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=_NO_PREVIEW,
                    reply_markup=buttons,
                )
            else:
                await self.bot.edit_message_caption(
                    job.chat_id, message_id, caption=part.html, parse_mode=ParseMode.HTML, reply_markup=buttons
                )
            return part.target_message_ids
        if part.kind == "text":
            return (await self._send_text(job, part.html, buttons=await self._buttons(job)),)
        return await self._send_media(job)

    async def _buttons(self, job: DeliveryJob) -> InlineKeyboardMarkup | None:
        """The buttons under a release's last message (an album cannot carry any).

        In a private chat, those of ``release_buttons`` (a button there acts for the one who pressed it; in a
        group or channel it would act for whoever did); in any chat, the link of ``release_link`` (the
        release's public page), if it gives one. An edit passes them again: an edit without them removes them.
        """
        if (
            job.release_id is None
            or job.action not in {"send", "edit"}
            or job.remaining_parts > 1
            or job.part.kind == "album"
        ):
            return None
        rows: list[Sequence[InlineKeyboardButton]] = []
        if self.release_buttons is not None and job.chat_type == "private":
            facts = await self._facts(job.release_id)
            private = self.release_buttons(facts.organization_id, job.release_id) if facts.organization_id else None
            if private is not None:
                rows += private.inline_keyboard
        if self.release_link is not None:
            link = await self.release_link(job.chat_id, job.release_id)
            if link is not None:
                rows.append((link,))
        return InlineKeyboardMarkup(rows) if rows else None

    def _common(self, job: DeliveryJob) -> dict[str, Any]:
        extra: dict[str, Any] = {"disable_notification": job.silent}
        if job.thread_id:
            extra["message_thread_id"] = job.thread_id
        if self.paid_broadcast:
            extra["allow_paid_broadcast"] = True
        return extra

    async def _send_text(
        self, job: DeliveryJob, html: str, reply_to: int | None = None, buttons: InlineKeyboardMarkup | None = None
    ) -> int:
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        message = await self.bot.send_message(
            job.chat_id,
            html,
            parse_mode=ParseMode.HTML,
            link_preview_options=_NO_PREVIEW,
            reply_parameters=reply,
            reply_markup=buttons,
            **self._common(job),
        )
        return message.message_id

    async def _send_media(self, job: DeliveryJob) -> tuple[int, ...]:
        attachments = (await self._facts(job.release_id)).attachments
        if not attachments:
            raise _NoMedia
        caption = job.part.html or None
        if job.part.kind == "album":
            media = [
                _MEDIA_TYPES.get(a.kind, InputMediaDocument)(
                    a.file_id, caption=caption if i == 0 else None, parse_mode=ParseMode.HTML
                )
                for i, a in enumerate(attachments[:10])
            ]
            messages = await self.bot.send_media_group(job.chat_id, media, **self._common(job))
            return tuple(m.message_id for m in messages)
        first, extra = attachments[0], self._common(job)
        extra["reply_markup"] = await self._buttons(job)
        if first.kind == "photo":
            message = await self.bot.send_photo(
                job.chat_id, first.file_id, caption=caption, parse_mode=ParseMode.HTML, **extra
            )
        elif first.kind == "video":
            message = await self.bot.send_video(
                job.chat_id, first.file_id, caption=caption, parse_mode=ParseMode.HTML, **extra
            )
        else:
            message = await self.bot.send_document(
                job.chat_id, first.file_id, caption=caption, parse_mode=ParseMode.HTML, **extra
            )
        return (message.message_id,)

    async def _facts(self, release_id: int | None) -> _ReleaseFacts:
        """What sending a release's copies needs from it (its files, its agency), read once per release."""
        if release_id is None:
            return _NO_FACTS
        if release_id not in self._releases:
            release = await self.storage.releases.get(release_id)
            facts = _ReleaseFacts(release.attachments, release.organization_id) if release else _NO_FACTS
            self._releases[release_id] = facts
            while len(self._releases) > 256:
                self._releases.popitem(last=False)
        return self._releases[release_id]

    # -- outcomes ----------------------------------------------------------------------------------

    async def _handle_error(self, job: DeliveryJob, error: Classified) -> None:
        now = self.clock()
        if error.verdict is Verdict.WAIT:
            until = now + error.retry_after
            if is_group_chat(job.chat_type):
                self.pacer.pause_chat(job.chat_id, until)
            else:
                # Private chats have no small limit of their own: a 429 there means the bot as a whole
                # is sending too fast, so everything waits, exactly as long as Telegram asked.
                self.pacer.pause_all(until)
            log.warning("flood wait chat_id=%d seconds=%.1f", job.chat_id, error.retry_after)
            self._results.append(self._release(job, wait=error.retry_after, error=error.reason))
        elif error.verdict is Verdict.DEACTIVATE:
            log.info("chat unreachable, deactivating chat_id=%d reason=%s", job.chat_id, error.reason)
            await self.storage.outbox.deactivate_chat(job.chat_id, error.reason, self._failed(job, error.reason))
        elif error.verdict is Verdict.MIGRATE and error.new_chat_id is not None:
            log.info("chat migrated chat_id=%d new_chat_id=%d", job.chat_id, error.new_chat_id)
            await self.storage.outbox.migrate_chat(job.chat_id, error.new_chat_id)
            self.pacer.move_chat(job.chat_id, error.new_chat_id)
            self._results.append(self._release(job, error=error.reason))
        elif error.verdict is Verdict.RETRY or error.verdict is Verdict.MIGRATE:
            self._results.append(self._retry(job, error.reason))
        elif error.verdict is Verdict.DONE:
            self._results.append(self._sent(job, (), outcome="skipped", error=error.reason))
        elif error.verdict is Verdict.IMPOSSIBLE and await self.storage.outbox.has_fallback(job.id):
            self._results.append(
                PartResult(
                    job.id,
                    job.part.position,
                    "notice",
                    utcnow(),
                    next_attempt_at=self._next_part_time(),
                    error=error.reason,
                )
            )
        else:
            self._results.append(self._failed(job, error.reason))

    def _next_part_time(self) -> datetime:
        return utcnow() + timedelta(seconds=self.pacer.per_chat_interval + self.pacer.chat_margin)

    def _sent(
        self, job: DeliveryJob, message_ids: tuple[int, ...], *, outcome: str = "sent", error: str | None = None
    ) -> PartResult:
        last = job.remaining_parts <= 1
        return PartResult(
            job.id,
            job.part.position,
            outcome,
            utcnow(),
            message_ids=message_ids,
            next_attempt_at=None if last else self._next_part_time(),
            error=error,
            last_part=last,
        )

    def _failed(self, job: DeliveryJob, reason: str) -> PartResult:
        return PartResult(job.id, job.part.position, "failed", utcnow(), error=reason)

    def _retry(self, job: DeliveryJob, reason: str, *, limit: int | None = None) -> PartResult:
        """Try again after a capped, jittered exponential backoff, until the retry horizon has passed."""
        attempts = job.attempts + 1  # the claim counted this attempt
        limit = limit if limit is not None else self.max_attempts
        if limit is not None and attempts >= limit:
            return self._failed(job, f"{reason} (after {attempts} attempts)")
        now = utcnow()
        if job.queued_at is not None and (now - job.queued_at).total_seconds() >= self.retry_horizon:
            hours = self.retry_horizon / 3600
            return self._failed(job, f"{reason} (still failing {hours:g} h after it was queued, {attempts} attempts)")
        backoff = min(self.backoff_cap, self.backoff_base * 2 ** min(attempts - 1, 30))
        backoff *= random.uniform(0.5, 1.5)  # noqa: S311 - jitter, not cryptography
        return PartResult(
            job.id,
            job.part.position,
            "retry",
            now,
            next_attempt_at=now + timedelta(seconds=backoff),
            error=reason,
        )

    def _release(self, job: DeliveryJob, *, wait: float = 0.0, error: str | None = None) -> PartResult:
        """Back to pending after ``wait`` seconds, without counting an attempt."""
        return PartResult(
            job.id,
            job.part.position,
            "retry",
            utcnow(),
            next_attempt_at=utcnow() + timedelta(seconds=wait),
            error=error,
            count_attempt=False,
        )

    async def _flush_loop(self, done: asyncio.Event) -> None:
        """Write outcomes every ``flush_interval``; while writes fail, keep them and try less often, logging once."""
        failing = 0
        while not done.is_set():
            wait = self.flush_interval if not failing else min(1.0, self.flush_interval * 2**failing)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), wait)
            try:
                await self._flush()
            except Exception:
                failing += 1
                if failing == 1:
                    log.exception("writing delivery outcomes failed; they are kept for the next attempt")
            else:
                if failing:
                    log.info("delivery outcomes written again after %d failed attempts", failing)
                failing = 0

    async def _flush(self) -> None:
        """Write buffered outcomes in one transaction, then report progress of the releases touched."""
        if self._results:
            batch, self._results = self._results, []
            try:
                await self.storage.outbox.apply(batch)
            except BaseException:
                self._results[:0] = batch  # keep them for the next flush rather than lose them
                raise
            self._wrote()
            if any(r.outcome in {"retry", "notice"} or not r.last_part for r in batch):
                self._wake.set()
        if self._dirty and self.on_progress is not None:
            await self._report_progress()

    async def _report_progress(self) -> None:
        assert self.on_progress is not None
        now = self.clock()
        for release_id in list(self._dirty):
            progress = await self.storage.outbox.progress(release_id)
            last = self._reported_at.get(release_id)
            if not progress.done and last is not None and now - last < self.progress_interval:
                continue
            self._dirty.discard(release_id)
            self._reported_at[release_id] = now
            try:
                await self.on_progress(progress)
            except Exception:
                log.exception("progress hook failed release_id=%d", release_id)
            if progress.done:
                self._reported_at.pop(release_id, None)


@dataclass(frozen=True, slots=True)
class _ReleaseFacts:
    attachments: tuple[Attachment, ...]
    organization_id: int | None


_NO_FACTS = _ReleaseFacts((), None)


class _NoMedia(TelegramError):
    """A media part whose release has no attachment left (a permanent failure)."""

    def __init__(self) -> None:
        super().__init__("release has no attachment to send")


class InteractiveRecorder(BaseRateLimiter[None]):
    """The Application bot's rate limiter: interactive replies go first, within an overall budget.

    A reply keeps the spacing Telegram requires within its own chat (a second reply to the same user
    goes a second after the first) and the process's overall budget (``Pacer.reply_wait``: broadcasts
    and replies together stay under Telegram's overall limit in any second). Broadcasts hold back
    before replies do, so a reply waits for the budget only when replies alone fill it, e.g. hundreds
    of users at once; a user's first reply is otherwise sent at once. Each send is recorded on the
    shared Pacer, so broadcasts make room for it. A RetryAfter is waited out exactly once, as asked,
    and the request repeated.
    """

    def __init__(self, pacer: Pacer, clock: Callable[[], float] = time.monotonic) -> None:
        self.pacer = pacer
        self.clock = clock

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(  # noqa: PLR0917 - the signature is BaseRateLimiter's
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for the chat's spacing and the overall budget, record the send, then perform it."""
        if endpoint not in SEND_ENDPOINTS:
            return await callback(*args, **kwargs)
        chat_id = _as_chat_id(data.get("chat_id"))
        is_group = chat_id is not None and chat_id < 0
        media = data.get("media")
        weight = len(media) if endpoint == "sendMediaGroup" and isinstance(media, list) and media else 1
        for attempt in range(2):
            await self._wait_for_turn(chat_id, is_group, weight)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = classify(error).retry_after
                if attempt == 1 or chat_id is None:
                    raise
                log.info("interactive flood wait chat_id=%d seconds=%.1f", chat_id, seconds)
                self.pacer.pause_chat(chat_id, self.clock() + seconds)
            finally:
                # Telegram saw the request at some moment before its answer: it counts until a second later.
                self.pacer.reply_finished(self.clock(), weight=weight)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _wait_for_turn(self, chat_id: int | None, is_group: bool, weight: int) -> None:
        """Sleep until the chat's spacing and the overall budget both allow the send, then record it.

        The check and the record happen with no await between them, so replies handled concurrently
        (for one chat, or hundreds of users at once) take their turns one by one instead of all seeing
        a free slot at the same moment.
        """
        while True:
            now = self.clock()
            chat_wait = self.pacer.chat_wait(chat_id, is_group, now) if chat_id is not None else 0.0
            wait = max(chat_wait, self.pacer.reply_wait(now, weight=weight))
            if wait <= 0:
                break
            await asyncio.sleep(wait)
        self.pacer.record(chat_id, is_group, now, weight=weight)
        self.pacer.reply_started(weight=weight)


def _as_chat_id(value: object) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None
