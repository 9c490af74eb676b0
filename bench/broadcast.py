"""Benchmark of a broadcast: pacing, losses, interactive replies meanwhile, and raw throughput.

Run from the repository root with ``python -m bench.broadcast`` (the default run takes about eight
minutes on two cores, most of it the paced broadcasts themselves). Options: ``--quick`` (300 chats,
about two minutes), ``--chats N``, ``--scenarios ours,naive,aio,uncapped`` (a subset),
``--concurrency 8,16,32,64`` (requests in flight for the uncapped runs; default 16,32,64) and
``--pool-sweep`` (adds the raw-send CPU sweep below, about a minute).

The issue's requirement, measured in one run against the fake Bot API server (``fakegram/``)
on loopback with 50 ms ± 30 ms latency:

    2,000 chats (about 70% private, 30% channels and groups) at BROADCAST_RATE=25: achieved rate
    divided by the configured rate, per-chat and per-group limit violations counted by the server,
    messages lost, messages duplicated; during that broadcast, a user sends /start every 2 seconds:
    reply latency p50 and p95; baselines in the same run and on the same chats: a naive sequential
    send loop, and asyncio.gather through PTB's AIORateLimiter, each with the same measures; with
    the rate cap off: the dispatcher's throughput, with its database bookkeeping, divided by raw PTB
    sending throughput to the same server from the same process.
    Acceptance: rate ratio >= 0.95; zero violations; zero lost; zero duplicates; /start p95 < 1 s
    while the broadcast runs and lower than the AIORateLimiter baseline's; uncapped ratio >= 0.8.

The server runs in its own thread (its own event loop, same process) and keeps Telegram's limits
enforced: a violation is counted and answered with 429. Every figure comes from what the server
recorded: a message's time is its arrival there, so the rate of a broadcast is
(messages - 1) / (last arrival - first arrival), a /start reply's latency is the arrival of the
welcome message minus the moment the update was injected (the k-th reply answers the k-th /start),
lost = chats that received nothing, duplicated = messages beyond one per chat.

Scenarios, all on the same chats with the same one-part release HTML, one after another:

* ``ours``: the real application (``tests.harness.running_bot``, BROADCAST_RATE=25) with a fresh
  database; the chats and unfiltered subscriptions are written in one transaction, the release is
  published with ``bot.delivery.service.publish`` and the dispatcher woken; done when the outbox is
  empty.
* ``naive``: a plain PTB Application (no rate limiter, the same /start handler, long polling) whose
  bot sends the release chat after chat, awaiting each ``send_message``. The replies go through the
  same bot, as in a bot written that way (its pool of 256 connections keeps them from waiting).
* ``aio``: a PTB Application with ``AIORateLimiter(overall_max_rate=25, max_retries=3)`` (PTB's
  default overall rate is 30/s; 25 makes the configured rate the same as ours; three retries so a
  429 is retried instead of losing the message), the same /start handler, long polling, and the
  broadcast as ``asyncio.gather`` of every ``send_message``; failures count as lost.
* ``uncapped`` (rate enforcement off at the server, latency kept): our ``Dispatcher`` with
  ``Pacer(None)`` on a fresh database per run, with a Bot built like ``bot.runtime._broadcast_bot``
  (pool = concurrency + 8), timed from ``start()`` until the outbox is empty (outcomes written);
  and raw PTB: ``asyncio.gather`` of the same sends bounded by a Semaphore of the same
  concurrency, with an identical Bot. For each ``--concurrency``; the headline ratio is at
  ``bot.runtime.BROADCAST_CONCURRENCY``. With ``--pool-sweep``, raw sends over (requests in flight, pool
  size) measure the CPU one send costs, to tell the pool's cost from the concurrency's.

CPU per message is read per thread (``/proc/self/task``): "loop" is the thread running the bot's
event loop (PTB, httpx, the dispatcher), "db" every other thread of ours (aiosqlite's), "server"
the fake server's thread. All of them share one GIL, so the server's CPU slows the client too.

Writes ``bench/results/broadcast.json`` and prints Markdown tables.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that ``tests.harness`` imports however the script is started
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import AsyncIterator, Sequence  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from importlib import metadata  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from telegram import Bot, LinkPreviewOptions, Update  # noqa: E402
from telegram.constants import ParseMode  # noqa: E402
from telegram.error import TelegramError  # noqa: E402
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, CallbackContext, CommandHandler  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

from bot import texts  # noqa: E402
from bot.delivery import service  # noqa: E402
from bot.delivery.dispatcher import Dispatcher  # noqa: E402
from bot.delivery.pacing import Pacer  # noqa: E402
from bot.domain.render import MessagePart, ReleaseView, render_release  # noqa: E402
from bot.domain.text import fold  # noqa: E402
from bot.runtime import BROADCAST_CONCURRENCY  # noqa: E402
from fakegram import TELEGRAM, FakeTelegram, RateRules, SentMessage  # noqa: E402
from storage import Storage  # noqa: E402
from storage.releases import NewRelease  # noqa: E402
from tests.harness import running_bot, runtime, settings_for  # noqa: E402

RESULTS_PATH = ROOT / "bench" / "results" / "broadcast.json"
REQUIREMENT = (
    "bench/broadcast.py, against the test server on loopback with 50 ms ± 30 ms latency, in one run: "
    "2,000 chats (about 70% private, 30% channels and groups) at BROADCAST_RATE=25: achieved rate divided "
    "by the configured rate, per-chat and per-group limit violations counted by the server, messages lost, "
    "messages duplicated; during that broadcast, a user sends /start every 2 seconds: reply latency p50 and "
    "p95; baselines in the same run and on the same chats: a naive sequential send loop, and asyncio.gather "
    "through PTB's AIORateLimiter, each with the same measures; with the rate cap off: the dispatcher's "
    "throughput, with its database bookkeeping, divided by raw PTB sending throughput to the same server from "
    "the same process. Results go to bench/results/broadcast.json and a table (printed). Acceptance: rate "
    "ratio >= 0.95; zero violations; zero lost; zero duplicates; /start p95 < 1 s while the broadcast runs "
    "and lower than the AIORateLimiter baseline's; uncapped ratio >= 0.8."
)

LATENCY, JITTER = 0.05, 0.03
RATE = 25.0
GROUP_SHARE = 0.3
START_INTERVAL = 2.0
CONCURRENCIES = (16, 32, 64)
# (requests in flight, connection pool size) for the CPU-per-send sweep of raw PTB sends.
POOL_SWEEP = ((8, 72), (64, 8), (64, 16))
SCENARIOS = ("ours", "naive", "aio", "uncapped")
ORG_NAME = "استانداری ایلام"
TITLE = "آغاز واکسیناسیون آنفلوانزا در استان"
BODY = "واکسیناسیون رایگان گروه‌های پرخطر از شنبه در همه مراکز بهداشت استان آغاز می‌شود."
TEHRAN = ZoneInfo("Asia/Tehran")
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
SETTLE = 1.5  # seconds between scenarios: every one-second window of the server empties
PROBE_USERS = {"ours": 900_000_001, "naive": 900_000_002, "aio": 900_000_003}

NOTES = {
    "ours": "tests.harness.running_bot with BROADCAST_RATE; chats and subscriptions written in one transaction; "
    "service.publish then dispatcher.wake(); done when the outbox backlog is 0",
    "naive": "plain PTB Application (no rate limiter, /start answered with texts.START_REPLY "
    "(ours also reads the chat's subscription and adds the topic picker), long polling); "
    "its bot awaits send_message chat after chat; replies share that bot and its 256-connection pool",
    "aio": "PTB Application with AIORateLimiter(overall_max_rate=rate, max_retries=3) (PTB default overall rate "
    "is 30/s); broadcast = asyncio.gather of every send_message through app.bot; the /start reply goes through "
    "the same limiter; failures count as lost",
    "uncapped": "server enforcement off, latency kept; ours = Dispatcher(Pacer(None), concurrency=c) with a Bot "
    "like bot.runtime._broadcast_bot (pool c + 8), fresh database, timed from start() to an empty outbox; raw = "
    "asyncio.gather of the same sends under Semaphore(c) with an identical Bot",
    "rate": "(messages - 1) / (last arrival - first arrival) at the server; rate_all_messages also counts the "
    "interactive replies sent meanwhile",
    "start_latency": "server arrival of the k-th welcome reply minus the injection time of the k-th /start",
    "cpu": "ms of CPU per message by thread: loop = the bot's event loop thread, db = other threads of ours "
    "(aiosqlite), server = the fake server thread; one GIL for all",
}

log = logging.getLogger("bench.broadcast")


# -- chats, release, measures ------------------------------------------------------------------


@dataclass(frozen=True)
class Audience:
    """The broadcast's chats: (chat id, type), private ones positive, groups and channels negative."""

    chats: tuple[tuple[int, str], ...]

    @classmethod
    def make(cls, n: int, seed: int = 7) -> Audience:
        groups = round(n * GROUP_SHARE)
        chats = [(100_000 + i, "private") for i in range(n - groups)]
        chats += [(-1_001_000_000_000 - i, "channel" if i % 2 else "supergroup") for i in range(groups)]
        random.Random(seed).shuffle(chats)  # interleaved, as subscriptions arrive in real life
        return cls(tuple(chats))

    @property
    def ids(self) -> list[int]:
        return [chat_id for chat_id, _ in self.chats]

    def counts(self) -> dict[str, int]:
        return dict(Counter(kind for _, kind in self.chats))


def release_html(release_id: int = 1) -> str:
    """The one message part of the benchmark's release, as journalists receive it."""
    parts = render_release(
        ReleaseView(
            release_id=release_id,
            title=TITLE,
            body=BODY,
            org_name=ORG_NAME,
            county_name=None,
            topic_hashtags=("سلامت",),
            county_hashtag=None,
            published_at=datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
            media_kind="none",
        ),
        TEHRAN,
    )
    assert len(parts) == 1, "the benchmark release must fit in one message"
    return parts[0].html


async def populate(store: Storage, audience: Audience) -> int:
    """Write the organization, the chats and one unfiltered subscription each in one transaction."""
    async with store.db.transaction() as tx:
        org = await store.organizations.create(ORG_NAME, fold(ORG_NAME), None, created_by=1, tx=tx)
        for chat_id, kind in audience.chats:
            title = None if kind == "private" else f"رسانه {-chat_id % 1_000_000}"
            await store.subscriptions.upsert_chat(chat_id, kind, title=title, tx=tx)
            await store.subscriptions.subscribe(chat_id, tx=tx)
    return org.id


async def create_release(store: Storage, org_id: int) -> tuple[int, str]:
    """A draft of the benchmark release; returns its id and its one part's HTML."""
    draft = await store.releases.create_draft(
        NewRelease(
            organization_id=org_id,
            author_id=77,
            raw_text=f"{TITLE}\n{BODY}",
            title=TITLE,
            body=BODY,
            search_text=fold(f"{TITLE} {BODY}"),
            topics=(),
            county=None,
            fingerprint=None,
        )
    )
    return draft.id, release_html(draft.id)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100), None when there are no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def busiest_second(times: Sequence[float]) -> int:
    """The most arrivals in any one-second window (what Telegram's overall limit looks at)."""
    ordered = sorted(times)
    best, j = 0, 0
    for i, t in enumerate(ordered):
        while ordered[j] <= t - 1.0:
            j += 1
        best = max(best, i - j + 1)
    return best


def delivery_figures(messages: Sequence[SentMessage], audience: Audience, configured: float) -> dict[str, Any]:
    """Rate, lost and duplicated of one broadcast, from what the server recorded."""
    chats = set(audience.ids)
    sent = [m for m in messages if m.chat_id in chats]
    per_chat = Counter(m.chat_id for m in sent)
    times = sorted(m.at for m in sent)
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    rate = (len(times) - 1) / span if span > 0 else None
    # Everything the bot sent while the broadcast ran (interactive replies use the same budget).
    during = [m for m in messages if times and times[0] <= m.at <= times[-1]]
    return {
        "messages": len(sent),
        "chats_reached": len(per_chat),
        "lost": len(chats - per_chat.keys()),
        "duplicated": sum(n - 1 for n in per_chat.values()),
        "first_to_last_s": span,
        "rate": rate,
        "configured_rate": configured,
        "rate_ratio": rate / configured if rate is not None and configured else None,
        "rate_all_messages": (len(during) - 1) / span if span > 0 else None,
        "busiest_second_broadcast": busiest_second(times),
        "busiest_second_all": busiest_second([m.at for m in messages]),
        "first_arrival": times[0] if times else None,
        "last_arrival": times[-1] if times else None,
    }


def violation_figures(tg: FakeTelegram, probe_user: int) -> dict[str, Any]:
    """Violations the server counted (since its records were reset), split by whose send caused them."""
    log_entries = tg.violation_log
    by_source: dict[str, Counter[str]] = {"broadcast": Counter(), "interactive": Counter()}
    for _, kind, chat_id in log_entries:
        by_source["interactive" if chat_id == probe_user else "broadcast"][kind] += 1
    calls = tg.calls_to("sendMessage")
    return {
        "violations": tg.violations,
        "by_source": {k: dict(v) for k, v in by_source.items()},
        "answered_429": sum(1 for c in calls if c.status == 429),
        "send_requests": len(calls),
    }


class StartProbe:
    """A user who sends /start every ``interval`` seconds while a broadcast runs."""

    def __init__(self, tg: FakeTelegram, user_id: int, interval: float = START_INTERVAL) -> None:
        self.tg = tg
        self.user_id = user_id
        self.interval = interval
        self.sent_at: list[float] = []
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="start-probe")

    async def _run(self) -> None:
        while not self._stop.is_set():
            self.sent_at.append(time.monotonic())
            self.tg.send_text(self.user_id, self.user_id, "/start")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)

    async def finish(self, timeout: float) -> dict[str, Any]:  # noqa: ASYNC109 - a polling deadline
        """Stop sending, wait for the outstanding replies, return their latencies."""
        self._stop.set()
        if self._task is not None:
            await self._task
        deadline = time.monotonic() + timeout
        while len(self.tg.messages_to(self.user_id)) < len(self.sent_at) and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        replies = self.tg.messages_to(self.user_id)
        latencies = [reply.at - asked for asked, reply in zip(self.sent_at, replies, strict=False)]
        return {
            "asked": len(self.sent_at),
            "answered": len(replies),
            "wrong_text": sum(1 for r in replies if r.text != texts.START_REPLY),
            "p50_s": percentile(latencies, 50),
            "p95_s": percentile(latencies, 95),
            "max_s": max(latencies, default=None),
            "latencies_s": [round(x, 4) for x in latencies],
        }


class ThreadCpu:
    """CPU seconds per thread of this process, read from /proc (the loop thread, the server, the rest)."""

    def __init__(self) -> None:
        self.ticks = os.sysconf("SC_CLK_TCK")

    def sample(self) -> dict[str, float]:
        names = {t.native_id: t.name for t in threading.enumerate()}
        main = threading.main_thread().native_id
        totals: Counter[str] = Counter()
        for task in Path("/proc/self/task").iterdir():
            try:
                stat = (task / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            seconds = (int(fields[11]) + int(fields[12])) / self.ticks
            tid = int(task.name)
            if tid == main:
                continue  # measured precisely below
            totals["server" if names.get(tid) == "fake-telegram" else "db"] += seconds
        totals["loop"] = time.thread_time()
        return dict(totals)

    @staticmethod
    def per_message(before: dict[str, float], after: dict[str, float], messages: int) -> dict[str, float]:
        """Milliseconds of CPU per message, per thread group."""
        keys = set(before) | set(after)
        return {k: round(1000 * (after.get(k, 0.0) - before.get(k, 0.0)) / max(messages, 1), 3) for k in sorted(keys)}


def messages_since(tg: FakeTelegram, index: int) -> list[SentMessage]:
    return tg.messages[index:]


def broadcast_count(tg: FakeTelegram, index: int, probe_user: int | None) -> int:
    replies = len(tg.messages_to(probe_user)) if probe_user is not None else 0
    return len(tg.messages) - index - replies


async def settle(tg: FakeTelegram) -> int:
    """Let the server's one-second windows empty, forget its call records; return the message index."""
    await asyncio.sleep(SETTLE)
    tg.reset_records()
    return len(tg.messages)


@contextlib.asynccontextmanager
async def polling(application: Application) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Run a plain PTB application with long polling, as ``run_polling`` would."""
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=Update.ALL_TYPES)
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


def plain_application(tg: FakeTelegram, *, rate_limiter: AIORateLimiter | None = None) -> Application:  # type: ignore[type-arg]
    """A PTB application answering /start with our welcome text (no database behind it), optionally rate limited."""
    builder = ApplicationBuilder().token(tg.token).base_url(tg.base_url).base_file_url(tg.base_file_url)
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    application = builder.build()
    application.add_handler(CommandHandler("start", _welcome))
    return application


async def _welcome(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The baselines' /start: the text our bot sends, without its subscription lookup and picker."""
    if update.effective_message is not None:
        await update.effective_message.reply_html(texts.START_REPLY)


def broadcast_bot(tg: FakeTelegram, pool: int) -> Bot:
    """A Bot with its own connection pool, configured as ``bot.runtime._broadcast_bot`` does."""
    return Bot(
        tg.token,
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        request=HTTPXRequest(
            connection_pool_size=pool, connect_timeout=10.0, read_timeout=20.0, write_timeout=20.0, pool_timeout=10.0
        ),
    )


async def send_release(bot: Bot, chat_id: int, html: str) -> None:
    """What the dispatcher sends for a one-part text release."""
    await bot.send_message(chat_id, html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)


# -- the three paced scenarios -------------------------------------------------------------------


async def scenario_ours(tg: FakeTelegram, audience: Audience, folder: Path, rate: float) -> dict[str, Any]:
    """Our application: publish to every chat, /start meanwhile."""
    user = PROBE_USERS["ours"]
    settings = settings_for(tg, folder, BROADCAST_RATE=str(rate))
    async with running_bot(settings) as app:
        store = runtime(app).storage
        dispatcher = runtime(app).dispatcher
        started = time.monotonic()
        org_id = await populate(store, audience)
        release_id, html = await create_release(store, org_id)
        setup_s = time.monotonic() - started
        index = await settle(tg)
        cpu = ThreadCpu()
        cpu_before = cpu.sample()
        probe = StartProbe(tg, user)
        t0 = time.monotonic()
        enqueued = await service.publish(store, release_id, [_text_part(html)])
        dispatcher.wake()
        publish_s = time.monotonic() - t0
        probe.start()
        expected = len(audience.chats)
        deadline = t0 + expected / rate * 2 + 60
        next_check = t0 + 5
        while time.monotonic() < deadline:
            now = time.monotonic()
            if broadcast_count(tg, index, user) >= expected or now >= next_check:
                next_check = now + 5
                if await store.outbox.backlog() == 0:
                    break
            await asyncio.sleep(0.05)
        done = time.monotonic()
        cpu_after = cpu.sample()
        replies = await probe.finish(timeout=30)
        progress = await store.outbox.progress(release_id)
        messages = messages_since(tg, index)
        result = {
            "delivery": delivery_figures(messages, audience, rate),
            **violation_figures(tg, user),
            "start_reply": replies,
            "duration_s": done - t0,
            "publish_s": publish_s,
            "setup_s": setup_s,
            "enqueued": enqueued.deliveries,
            "outbox": {"sent": progress.sent, "failed": progress.failed, "pending": progress.pending},
            "failed_reasons": progress.failed_reasons,
            "dispatcher_crashes": dispatcher.crashes,
            "cpu_ms_per_message": ThreadCpu.per_message(cpu_before, cpu_after, len(messages)),
        }
    result["duration_s"] = _duration(result, t0)
    return result


def _text_part(html: str) -> MessagePart:
    return MessagePart("text", html)


def _duration(result: dict[str, Any], t0: float) -> float | None:
    last = result["delivery"]["last_arrival"]
    return None if last is None else last - t0


async def scenario_naive(tg: FakeTelegram, audience: Audience, html: str) -> dict[str, Any]:
    """A plain bot sending chat after chat, awaiting each send."""
    user = PROBE_USERS["naive"]
    async with polling(plain_application(tg)) as app:
        index = await settle(tg)
        cpu = ThreadCpu()
        cpu_before = cpu.sample()
        probe = StartProbe(tg, user)
        failures: Counter[str] = Counter()
        t0 = time.monotonic()
        probe.start()
        for chat_id in audience.ids:
            try:
                await send_release(app.bot, chat_id, html)
            except TelegramError as error:
                failures[type(error).__name__] += 1
        done = time.monotonic()
        cpu_after = cpu.sample()
        replies = await probe.finish(timeout=30)
        messages = messages_since(tg, index)
    result = {
        "delivery": delivery_figures(messages, audience, RATE),
        **violation_figures(tg, user),
        "start_reply": replies,
        "send_failures": dict(failures),
        "loop_s": done - t0,
        "cpu_ms_per_message": ThreadCpu.per_message(cpu_before, cpu_after, len(messages)),
    }
    result["duration_s"] = _duration(result, t0)
    return result


async def scenario_aio(tg: FakeTelegram, audience: Audience, html: str, rate: float) -> dict[str, Any]:
    """asyncio.gather of every send through PTB's AIORateLimiter."""
    user = PROBE_USERS["aio"]
    limiter = AIORateLimiter(overall_max_rate=rate, max_retries=3)
    async with polling(plain_application(tg, rate_limiter=limiter)) as app:
        index = await settle(tg)
        cpu = ThreadCpu()
        cpu_before = cpu.sample()
        probe = StartProbe(tg, user)
        failures: Counter[str] = Counter()

        async def one(chat_id: int) -> None:
            try:
                await send_release(app.bot, chat_id, html)
            except TelegramError as error:
                failures[type(error).__name__] += 1

        t0 = time.monotonic()
        probe.start()
        await asyncio.gather(*(one(chat_id) for chat_id in audience.ids))
        done = time.monotonic()
        cpu_after = cpu.sample()
        # The replies queue behind the whole broadcast in the limiter; give them time to come out.
        replies = await probe.finish(timeout=120)
        messages = messages_since(tg, index)
    result = {
        "delivery": delivery_figures(messages, audience, rate),
        **violation_figures(tg, user),
        "start_reply": replies,
        "send_failures": dict(failures),
        "gather_s": done - t0,
        "limiter": {"overall_max_rate": rate, "group_max_rate": 20, "group_time_period": 60, "max_retries": 3},
        "cpu_ms_per_message": ThreadCpu.per_message(cpu_before, cpu_after, len(messages)),
    }
    result["duration_s"] = _duration(result, t0)
    return result


# -- uncapped throughput --------------------------------------------------------------------------


async def uncapped_ours(tg: FakeTelegram, audience: Audience, folder: Path, concurrency: int) -> dict[str, Any]:
    """Our dispatcher without an overall rate: start to empty outbox, bookkeeping included."""
    store = await Storage.open(folder / f"uncapped-{concurrency}-{time.monotonic_ns()}.db")
    bot = broadcast_bot(tg, concurrency + 8)
    await bot.initialize()
    try:
        org_id = await populate(store, audience)
        release_id, html = await create_release(store, org_id)
        await service.publish(store, release_id, [_text_part(html)])
        dispatcher = Dispatcher(store, bot, Pacer(None), concurrency=concurrency)
        index = await settle(tg)
        expected = len(audience.chats)
        cpu = ThreadCpu()
        cpu_before = cpu.sample()
        t0 = time.monotonic()
        dispatcher.start()
        deadline = t0 + 120
        while time.monotonic() < deadline and broadcast_count(tg, index, None) < expected:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        while time.monotonic() < deadline and await store.outbox.backlog():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        elapsed = time.monotonic() - t0
        cpu_after = cpu.sample()
        await dispatcher.stop()
        progress = await store.outbox.progress(release_id)
    finally:
        await bot.shutdown()
        await store.close()
    messages = messages_since(tg, index)
    delivery = delivery_figures(messages, audience, 0.0)
    return {
        "concurrency": concurrency,
        "pool": concurrency + 8,
        "elapsed_s": elapsed,
        "throughput": progress.sent / elapsed,
        "server_span_rate": delivery["rate"],
        "sent": progress.sent,
        "failed": progress.failed,
        "lost": delivery["lost"],
        "duplicated": delivery["duplicated"],
        "cpu_ms_per_message": ThreadCpu.per_message(cpu_before, cpu_after, len(messages)),
    }


async def uncapped_raw(tg: FakeTelegram, audience: Audience, html: str, concurrency: int, pool: int) -> dict[str, Any]:
    """Raw PTB: gather every send, ``concurrency`` in flight, through a Bot with ``pool`` connections."""
    bot = broadcast_bot(tg, pool)
    await bot.initialize()
    failures: Counter[str] = Counter()
    slots = asyncio.Semaphore(concurrency)

    async def one(chat_id: int) -> None:
        async with slots:
            try:
                await send_release(bot, chat_id, html)
            except TelegramError as error:
                failures[type(error).__name__] += 1

    try:
        index = await settle(tg)
        cpu = ThreadCpu()
        cpu_before = cpu.sample()
        t0 = time.monotonic()
        await asyncio.gather(*(one(chat_id) for chat_id in audience.ids))
        elapsed = time.monotonic() - t0
        cpu_after = cpu.sample()
    finally:
        await bot.shutdown()
    messages = messages_since(tg, index)
    delivery = delivery_figures(messages, audience, 0.0)
    return {
        "concurrency": concurrency,
        "pool": pool,
        "elapsed_s": elapsed,
        "throughput": delivery["messages"] / elapsed,
        "server_span_rate": delivery["rate"],
        "failures": dict(failures),
        "lost": delivery["lost"],
        "duplicated": delivery["duplicated"],
        "cpu_ms_per_message": ThreadCpu.per_message(cpu_before, cpu_after, len(messages)),
    }


async def scenario_uncapped(
    tg: FakeTelegram,
    audience: Audience,
    folder: Path,
    html: str,
    *,
    concurrencies: Sequence[int],
    pool_sweep: Sequence[tuple[int, int]],
) -> dict[str, Any]:
    """Throughput of our dispatcher and of raw PTB, rate enforcement off, for several concurrencies."""
    rules = tg.rules
    tg.rules = RateRules(TELEGRAM, enforce=False)
    runs: list[dict[str, Any]] = []
    sweep: list[dict[str, Any]] = []
    try:
        for concurrency in concurrencies:
            raw = await uncapped_raw(tg, audience, html, concurrency, concurrency + 8)
            ours = await uncapped_ours(tg, audience, folder, concurrency)
            runs.append(
                {"concurrency": concurrency, "ours": ours, "raw": raw, "ratio": ours["throughput"] / raw["throughput"]}
            )
            log.info(
                "uncapped concurrency=%d ours=%.0f/s raw=%.0f/s", concurrency, ours["throughput"], raw["throughput"]
            )
        for concurrency, pool in pool_sweep:
            sweep.append(await uncapped_raw(tg, audience, html, concurrency, pool))
    finally:
        tg.rules = rules
    headline = next((r for r in runs if r["concurrency"] == BROADCAST_CONCURRENCY), runs[-1])
    best_ours = max(runs, key=lambda r: r["ours"]["throughput"])
    best_raw = max([r["raw"] for r in runs] + sweep, key=lambda r: r["throughput"])
    return {
        "runs": runs,
        "pool_sweep": sweep,
        "headline_concurrency": headline["concurrency"],
        "ratio": headline["ratio"],
        "best_ours": {"concurrency": best_ours["concurrency"], "throughput": best_ours["ours"]["throughput"]},
        "best_raw": {
            "concurrency": best_raw["concurrency"],
            "pool": best_raw["pool"],
            "throughput": best_raw["throughput"],
        },
        "best_ours_over_best_raw": best_ours["ours"]["throughput"] / best_raw["throughput"],
    }


# -- report ---------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    versions = {}
    for package in ("python-telegram-bot", "httpx", "httpcore", "aiosqlite", "aiolimiter", "aiohttp"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    status = git("status", "--porcelain", "--", "bot", "storage", "tests")
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_commit": git("rev-parse", "HEAD"),
        "uncommitted_changes": status.splitlines() if status else [],
        "packages": versions,
    }


def acceptance(results: dict[str, Any]) -> dict[str, Any]:
    """Each acceptance figure with its threshold and verdict (None when its scenario did not run)."""
    checks: dict[str, Any] = {}
    ours = results["scenarios"].get("ours")
    aio = results["scenarios"].get("aio")
    if ours:
        d, v, r = ours["delivery"], ours["violations"], ours["start_reply"]
        checks["rate_ratio"] = {"value": d["rate_ratio"], "want": ">= 0.95", "pass": (d["rate_ratio"] or 0) >= 0.95}
        checks["violations"] = {"value": v, "want": "all 0", "pass": sum(v.values()) == 0}
        checks["lost"] = {"value": d["lost"], "want": 0, "pass": d["lost"] == 0}
        checks["duplicated"] = {"value": d["duplicated"], "want": 0, "pass": d["duplicated"] == 0}
        p95 = r["p95_s"] if r["answered"] == r["asked"] else None
        checks["start_p95"] = {"value": p95, "want": "< 1 s", "pass": p95 is not None and p95 < 1.0}
        if aio:
            other = aio["start_reply"]["p95_s"]
            checks["start_p95_below_aio"] = {
                "value": [p95, other],
                "want": "ours < AIORateLimiter",
                "pass": p95 is not None and other is not None and p95 < other,
            }
    uncapped = results["scenarios"].get("uncapped")
    if uncapped:
        checks["uncapped_ratio"] = {
            "value": uncapped["ratio"],
            "want": ">= 0.8",
            "pass": uncapped["ratio"] >= 0.8,
            "at_concurrency": uncapped["headline_concurrency"],
        }
    return checks


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.0f} ms"


def _num(value: float | None, fmt: str = "{:.3f}") -> str:
    return "—" if value is None else fmt.format(value)


def tables(results: dict[str, Any]) -> str:
    names = {"ours": "ours (dispatcher)", "naive": "naive sequential loop", "aio": "gather + AIORateLimiter"}
    lines = [
        f"Broadcast of one release to {results['parameters']['chats']:,} chats "
        f"({results['parameters']['chat_types']}), BROADCAST_RATE={results['parameters']['rate']:g}, "
        f"latency {LATENCY * 1000:.0f} ± {JITTER * 1000:.0f} ms, /start every {START_INTERVAL:g} s",
        "",
        "| scenario | achieved rate / configured | violations (per_chat / per_group_minute / global) | 429s"
        " | lost | duplicated | /start p50 | /start p95 | duration |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for key, name in names.items():
        s = results["scenarios"].get(key)
        if not s:
            continue
        d, v, r = s["delivery"], s["violations"], s["start_reply"]
        unanswered = r["asked"] - r["answered"]
        p95 = _ms(r["p95_s"]) + (f" ({unanswered} unanswered)" if unanswered else "")
        lines.append(
            f"| {name} | {_num(d['rate'], '{:.2f}')}/s / {d['configured_rate']:g} = {_num(d['rate_ratio'])}"
            f" | {v['per_chat']} / {v['per_group_minute']} / {v['global']} | {s['answered_429']}"
            f" | {d['lost']} | {d['duplicated']} | {_ms(r['p50_s'])} | {p95} | {_num(s['duration_s'], '{:.1f}')} s |"
        )
    uncapped = results["scenarios"].get("uncapped")
    if uncapped:
        lines += [
            "",
            f"Uncapped (rate enforcement off, latency kept), {results['parameters']['chats']:,} messages;"
            " CPU ms per message: loop thread / db threads / fake server",
            "",
            "| in flight (pool) | ours msg/s (with DB) | raw PTB msg/s | ours / raw | ours CPU ms/msg"
            " | raw CPU ms/msg |",
            "|---|---|---|---|---|---|",
        ]
        for run in uncapped["runs"]:
            o, w = run["ours"], run["raw"]
            oc, wc = o["cpu_ms_per_message"], w["cpu_ms_per_message"]
            mark = " (app)" if run["concurrency"] == BROADCAST_CONCURRENCY else ""
            lines.append(
                f"| {run['concurrency']} ({run['concurrency'] + 8}){mark} | {o['throughput']:.0f}"
                f" | {w['throughput']:.0f}"
                f" | {run['ratio']:.2f} | {oc.get('loop', 0):.2f} / {oc.get('db', 0):.2f} / {oc.get('server', 0):.2f}"
                f" | {wc.get('loop', 0):.2f} / {wc.get('db', 0):.2f} / {wc.get('server', 0):.2f} |"
            )
    if uncapped and uncapped["pool_sweep"]:
        lines += [
            "",
            "Raw PTB sends by requests in flight and connection pool size (CPU of the sending thread per send)",
            "",
            "| in flight | pool | msg/s | loop CPU ms/send | server CPU ms/send |",
            "|---|---|---|---|---|",
        ]
        for run in uncapped["pool_sweep"]:
            c = run["cpu_ms_per_message"]
            lines.append(
                f"| {run['concurrency']} | {run['pool']} | {run['throughput']:.0f} | {c.get('loop', 0):.2f}"
                f" | {c.get('server', 0):.2f} |"
            )
    checks = results["acceptance"]
    if checks:
        lines += ["", "Acceptance:", ""]
        for name, check in checks.items():
            verdict = "PASS" if check["pass"] else "FAIL"
            lines.append(f"- {name}: {verdict} (value {check['value']}, want {check['want']})")
    return "\n".join(lines)


# -- main -----------------------------------------------------------------------------------------


async def run(args: argparse.Namespace, tg: FakeTelegram) -> dict[str, Any]:
    audience = Audience.make(args.chats)
    for chat_id, kind in audience.chats:
        if kind != "private":
            # A channel needs the bot as an administrator who may post; the fake server assumes that
            # for channels it was not told about, said explicitly here.
            tg.add_chat(chat_id, kind, title=f"رسانه {-chat_id % 1_000_000}")
            if kind == "channel":
                tg.set_member(chat_id, tg.bot_id, "administrator", can_post_messages=True)
    tg.set_latency(LATENCY, JITTER, seed=1)
    html = release_html(1)
    results: dict[str, Any] = {
        "requirement": REQUIREMENT,
        "machine": machine_info(),
        "parameters": {
            "chats": len(audience.chats),
            "chat_types": audience.counts(),
            "rate": args.rate,
            "latency_s": LATENCY,
            "jitter_s": JITTER,
            "start_interval_s": START_INTERVAL,
            "server_rules": asdict(RateRules(TELEGRAM)),
            "release_html_chars": len(html),
            "uncapped_concurrencies": args.concurrency,
            "app_broadcast_concurrency": BROADCAST_CONCURRENCY,
            "pool_sweep": [list(p) for p in args.pool_sweep],
            "argv": sys.argv[1:],
        },
        "method": NOTES,
        "scenarios": {},
    }
    with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as tmp:
        folder = Path(tmp)
        for name in args.scenarios:
            log.info("scenario %s: %d chats", name, len(audience.chats))
            started = time.monotonic()
            if name == "ours":
                ours_folder = folder / "ours"
                ours_folder.mkdir()
                result = await scenario_ours(tg, audience, ours_folder, args.rate)
            elif name == "naive":
                result = await scenario_naive(tg, audience, html)
            elif name == "aio":
                result = await scenario_aio(tg, audience, html, args.rate)
            else:
                result = await scenario_uncapped(
                    tg, audience, folder, html, concurrencies=args.concurrency, pool_sweep=args.pool_sweep
                )
            result["wall_s"] = time.monotonic() - started
            results["scenarios"][name] = result
            log.info("scenario %s done in %.1f s", name, result["wall_s"])
    results["server_internal_errors"] = tg.internal_errors
    results["acceptance"] = acceptance(results)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--chats", type=int, default=2000, help="how many chats (default 2000)")
    parser.add_argument("--quick", action="store_true", help="300 chats, for fast iteration")
    parser.add_argument("--rate", type=float, default=RATE, help="BROADCAST_RATE (default 25)")
    parser.add_argument(
        "--scenarios", default=",".join(SCENARIOS), help=f"comma-separated subset of {','.join(SCENARIOS)}"
    )
    parser.add_argument(
        "--concurrency",
        default=",".join(map(str, CONCURRENCIES)),
        help="requests in flight for the uncapped runs, comma-separated (default 16,32,64)",
    )
    parser.add_argument(
        "--pool-sweep",
        action="store_true",
        help="also time raw PTB sends over (in flight, pool size) = " + ", ".join(f"{c}/{p}" for c, p in POOL_SWEEP),
    )
    parser.add_argument("--output", type=Path, default=RESULTS_PATH, help="where to write the JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.chats = 300
    args.scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    args.concurrency = [int(c) for c in args.concurrency.split(",") if c.strip()]
    args.pool_sweep = list(POOL_SWEEP) if args.pool_sweep else []
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)

    # Telegram's real limits, for the server and (through settings_for) the bot.
    with FakeTelegram(limits=TELEGRAM).run_in_thread() as tg:
        results = asyncio.run(run(args, tg))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(tables(results))
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
