"""The one runtime: every long-lived object of a running bot, opened in post_init and closed in post_shutdown.

Handlers reach it through the typed context (``bot.telegram.context.WireContext.runtime``); nothing
else holds a service, and no module keeps state of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, InlineKeyboardButton

from bot.config import Settings
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pacing import Pacer
from bot.domain.pipeline import ReleasePipeline
from bot.domain.tagging import load_counties, load_topics
from bot.services.administration import Administration
from bot.services.approval import Approval
from bot.services.archive import Archive
from bot.services.core import Core, shared_normalizer
from bot.services.desk import Desk
from bot.services.digests import DigestClock
from bot.services.newsroom import Newsroom
from bot.services.questions import QuestionClock, Questions
from bot.services.readers import Readers
from bot.services.scheduler import Scheduler
from bot.services.taxonomy import Taxonomy, live_topics, seed_packaged
from bot.telegram.http import bot_api_request
from bot.telegram.ports import DispatcherAlerts, LiveReports, telegram_ports
from bot.telegram.views.newsroom import full_text_button
from bot.telegram.views.questions import release_buttons
from bot.web import WebServer
from storage import Storage
from storage.health import heartbeat_path

log = logging.getLogger(__name__)

# Requests a broadcast keeps in flight. 16 hides Telegram's latency at the default rate many times
# over; more costs CPU in httpcore's connection pool (bench/broadcast.py: 217 msg/s raw at 16 in
# flight, 96 at 64), which caps one process at a few hundred messages per second.
BROADCAST_CONCURRENCY = 16


@dataclass(slots=True)
class Runtime:
    """The services of a running bot, the dispatcher that sends for them, and their background loops."""

    core: Core
    pacer: Pacer
    dispatcher: Dispatcher
    desk: Desk
    approval: Approval
    administration: Administration
    readers: Readers
    archive: Archive
    taxonomy: Taxonomy
    scheduler: Scheduler
    digests: DigestClock
    questions: Questions
    question_clock: QuestionClock
    newsroom: Newsroom
    web: WebServer | None = None  # the public newsroom's server (WEB_ENABLED)
    background: list[asyncio.Task[None]] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        """The settings the bot was started with."""
        return self.core.settings

    @property
    def storage(self) -> Storage:
        """The open database."""
        return self.core.storage

    @classmethod
    async def open(cls, settings: Settings, bot: Bot, pacer: Pacer) -> Runtime:
        """Open the database, seed the taxonomy, build the text pipeline and the services, start the loops.

        ``bot`` is the application's own Bot (replies and notices); broadcasts get a Bot of their own.
        """
        storage = await Storage.open(settings.database_path)
        try:
            await seed_packaged(storage, load_topics())
            topics = await live_topics(storage)
            normalizer = await asyncio.to_thread(shared_normalizer)
            broadcast_bot = await _broadcast_bot(settings)
            # The newsroom's reads (web pages, feeds, the link under copies) on a connection of their own.
            reader = await Storage.open(settings.database_path, migrate=False)
        except BaseException:
            await storage.close()
            raise
        dispatcher = Dispatcher(
            storage,
            broadcast_bot,
            pacer,
            paid_broadcast=settings.paid_broadcast,
            concurrency=BROADCAST_CONCURRENCY,
            retry_horizon=settings.delivery_retry_hours * 3600,
            heartbeat=heartbeat_path(settings.database_path),
        )
        dispatcher.on_progress = LiveReports(storage, bot)
        dispatcher.on_crash = DispatcherAlerts(bot, settings.admin_chat_id)
        dispatcher.release_buttons = release_buttons  # «❓ پرسش از این دستگاه» in private chats
        pipeline = ReleasePipeline(normalizer, topics, load_counties())
        core = Core(
            settings=settings, storage=storage, pipeline=pipeline, ports=telegram_ports(bot, dispatcher.wake, storage)
        )
        desk = Desk(core)
        questions = Questions(core)
        desk.on_release_changed = questions.release_changed
        digests = DigestClock(storage, dispatcher.wake, settings.timezone)
        runtime = cls(
            core=core,
            pacer=pacer,
            dispatcher=dispatcher,
            desk=desk,
            approval=desk.approval,
            administration=Administration(core),
            readers=Readers(core, digests),
            archive=Archive(core),
            taxonomy=Taxonomy(core),
            scheduler=Scheduler(desk),
            digests=digests,
            questions=questions,
            question_clock=QuestionClock(questions),
            newsroom=Newsroom(core, reader, dispatcher_state=lambda: _dispatcher_state(dispatcher)),
        )
        newsroom = runtime.newsroom

        async def release_link(chat_id: int, release_id: int) -> InlineKeyboardButton | None:
            url = await newsroom.link_for(chat_id, release_id)
            return None if url is None else full_text_button(url)

        dispatcher.release_link = release_link  # «🔗 متن کامل» under each copy, where PUBLIC_BASE_URL is set
        if settings.web_enabled:
            web = WebServer(runtime.newsroom, settings)
            try:
                await web.start()
            except BaseException:
                await broadcast_bot.shutdown()
                await reader.close()
                await storage.close()
                raise
            runtime.web = web
        # Plain tasks rather than application.create_task: they are created before the application runs,
        # look after their own errors, and are stopped in stop().
        dispatcher.start()
        runtime.scheduler.start()
        digests.start()
        runtime.question_clock.start()
        log.info("started database=%s topics=%d", settings.database_path, len(topics))
        return runtime

    def spawn(self, coroutine: Coroutine[Any, Any, None], name: str) -> None:
        """Run a side job (e.g. publishing command menus) that is cancelled when the bot stops."""
        self.background.append(asyncio.create_task(coroutine, name=name))

    async def stop(self) -> None:
        """Stop the side jobs and the loops once no more updates are handled; messages in flight finish first."""
        for task in self.background:
            task.cancel()  # unfinished menus are published again at the next start
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.background.clear()
        if self.web is not None:
            await self.web.stop()
        await self.scheduler.stop()
        await self.digests.stop()
        await self.question_clock.stop()
        await self.dispatcher.stop()
        log.info("dispatcher stopped")

    async def close(self) -> None:
        """Close the broadcast bot and the database after the last update was handled."""
        if self.web is not None:
            await self.web.stop()
        await self.dispatcher.stop()
        await self.dispatcher.bot.shutdown()
        if self.newsroom.storage is not self.storage:
            await self.newsroom.storage.close()
        await self.storage.close()
        log.info("database closed")


def _dispatcher_state(dispatcher: Dispatcher) -> dict[str, object]:
    """What /healthz says of the dispatcher."""
    return {
        "running": dispatcher.running,
        "in_flight": dispatcher.in_flight,
        "sent": dispatcher.sent_count,
        "restarts": dispatcher.crashes,
    }


async def _broadcast_bot(settings: Settings) -> Bot:
    """A second Bot with its own connection pool, so broadcasts never hold a connection a reply needs."""
    bot = Bot(
        settings.bot_token.reveal(),
        base_url=settings.bot_api_url,
        base_file_url=settings.bot_api_file_url,
        request=bot_api_request(
            proxy=settings.telegram_proxy,
            connection_pool_size=BROADCAST_CONCURRENCY + 8,
            connect_timeout=10.0,
            read_timeout=20.0,
            write_timeout=20.0,
            pool_timeout=10.0,
        ),
        get_updates_request=bot_api_request(
            proxy=settings.telegram_proxy, connection_pool_size=1
        ),  # never used, but PTB builds one
    )
    await bot.initialize()
    return bot
