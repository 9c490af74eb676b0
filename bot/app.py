"""The one place that wires python-telegram-bot: handlers, services, start-up and shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from typing import Any

from telegram import Bot
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot import commands
from bot.config import Settings
from bot.delivery.dispatcher import Dispatcher, InteractiveRecorder
from bot.delivery.pacing import Pacer
from bot.desk import DESK_KEY, Desk, LiveReports
from bot.digest import DIGESTS_KEY, DigestClock
from bot.domain.pipeline import ReleasePipeline
from bot.domain.tagging import load_counties, load_topics
from bot.domain.text import PersianNormalizer
from bot.handlers import admin, admins, archive, chats, common, journalist, officer, ops, reports, topics_admin
from bot.handlers.errors import on_error
from bot.readers import READERS_KEY, Readers
from bot.scheduler import Scheduler
from bot.services import SERVICES_KEY, Services, services_of
from bot.taxonomy import live_topics
from storage import Storage
from storage.topics import TopicRow

log = logging.getLogger(__name__)

PACER_KEY = "pacer"
MENUS_KEY = "command_menus"
# Requests a broadcast keeps in flight. 16 hides Telegram's latency at the default rate many times
# over; more costs CPU in httpcore's connection pool (bench/broadcast.py: 217 msg/s raw at 16 in
# flight, 96 at 64), which caps one process at a few hundred messages per second.
BROADCAST_CONCURRENCY = 16


@functools.cache
def shared_normalizer() -> PersianNormalizer:
    """The process's one normalizer: hazm costs seconds and ~130 MB to build, so build it once."""
    return PersianNormalizer()


def build_application(settings: Settings, request: BaseRequest | None = None) -> Application:  # type: ignore[type-arg]
    """Build the Application: the bot, its handlers in order, and the services' lifecycle."""
    builder = ApplicationBuilder().token(settings.bot_token.reveal())
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    if request is not None:
        builder = builder.request(request)
    # One pacer for everything this process sends: broadcasts wait on it, interactive replies are only
    # recorded on it (never delayed), so broadcasts leave them room within the overall rate.
    pacer = Pacer(settings.broadcast_rate, limits=settings.telegram_limits)
    application = (
        builder.concurrent_updates(16)  # a slow handler must not hold up other users
        .rate_limiter(InteractiveRecorder(pacer))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data["settings"] = settings
    application.bot_data[PACER_KEY] = pacer

    application.add_handlers(_handlers())
    application.add_error_handler(on_error)
    return application


def _handlers() -> list[BaseHandler[Any, Any, Any]]:
    """Every handler, in the order PTB tries them (all in group 0).

    The fallbacks at the end make sure no private message goes unanswered.
    """
    private = filters.ChatType.PRIVATE
    return [
        # Everyone.
        CommandHandler("start", common.start),
        CommandHandler("help", common.help_command),
        # Admins: organizations, invites and officers.
        CommandHandler("addorg", admin.add_org),
        CommandHandler("orgs", admin.list_orgs),
        CommandHandler("invite", admin.invite),
        CommandHandler("officers", admin.list_officers),
        CommandHandler("revoke", admin.revoke),
        CommandHandler("approval", admin.approval),
        CommandHandler("pending", admin.pending),
        CommandHandler("approve", admin.approve),
        CommandHandler("reject", admin.reject),
        CallbackQueryHandler(admin.decision_button, pattern=admin.DECISION_PATTERN),
        # Admins: reports, statistics and the audit log.
        CommandHandler("report", reports.report_command),
        CommandHandler("stats", reports.stats_command),
        CommandHandler("audit", reports.audit_command),
        # Admins: other admins and the topic taxonomy.
        CommandHandler("addadmin", admins.add_admin),
        CommandHandler("removeadmin", admins.remove_admin),
        CommandHandler("admins", admins.list_admins),
        CommandHandler("addtopic", topics_admin.add_topic),
        CommandHandler("renametopic", topics_admin.rename_topic),
        CommandHandler("topickeywords", topics_admin.topic_keywords),
        CommandHandler("deltopic", topics_admin.delete_topic),
        CommandHandler("restoretopic", topics_admin.restore_topic),
        CommandHandler(["topiclist", "topics_admin"], topics_admin.list_topics),
        # Admins: backups.
        CommandHandler("backup", ops.backup_command),
        # Officers: drafts, tags, publishing and the overview of their releases.
        CommandHandler("publish", officer.publish_command, filters=private),
        CommandHandler("cancel", officer.cancel_command, filters=private),
        CommandHandler("schedule", officer.schedule_command, filters=private),
        CommandHandler("correct", officer.correct_command, filters=private),
        CommandHandler("retract", officer.retract_command, filters=private),
        CommandHandler("settopics", officer.set_topics_command, filters=private),
        CommandHandler("setcounty", officer.set_county_command, filters=private),
        CommandHandler("my", officer.my_command, filters=private),
        CommandHandler("status", officer.status_command, filters=private),
        CallbackQueryHandler(officer.draft_button, pattern=officer.CALLBACK_PATTERN),
        CallbackQueryHandler(officer.pick_button, pattern=officer.PICK_PATTERN),
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, officer.draft_from_text),
        # Journalists: subscriptions and filters, in private chats, groups and forum topics (channels via /use).
        CommandHandler("topics", journalist.topics_command),
        CommandHandler("counties", journalist.counties_command),
        CommandHandler("agencies", journalist.agencies_command),
        CommandHandler("keywords", journalist.keywords_command),
        CommandHandler("filters", journalist.filters_command),
        CommandHandler("subscribe", journalist.subscribe_command),
        CommandHandler("pause", journalist.pause_command),
        CommandHandler("resume", journalist.resume_command),
        CommandHandler("stop", journalist.stop_command),
        CommandHandler("quiet", journalist.quiet_command),
        CommandHandler("digest", journalist.digest_command),
        CommandHandler("channels", journalist.channels_command),
        CommandHandler("use", journalist.use_command),
        CallbackQueryHandler(journalist.pick_button, pattern=journalist.PICK_PATTERN),
        CallbackQueryHandler(journalist.stop_button, pattern=journalist.STOP_PATTERN),
        # The bot's own membership: groups and channels it was added to or removed from.
        ChatMemberHandler(chats.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER),
        # Journalists: the archive.
        CommandHandler("search", archive.search_command),
        CommandHandler("latest", archive.latest_command),
        CommandHandler("release", archive.release_command),
        MessageHandler(filters.Regex(archive.RELEASE_LINK_PATTERN), archive.release_link),
        CallbackQueryHandler(archive.search_page_button, pattern=archive.SEARCH_PAGE_PATTERN),
        InlineQueryHandler(archive.inline_search),
        # Fallbacks: an unknown command, or any other private message, still gets an answer.
        MessageHandler(filters.COMMAND & private, common.unknown_command),
        MessageHandler(private & ~filters.TEXT, officer.media_draft),
        MessageHandler(private, common.unsupported_message),
    ]


async def _post_init(application: Application) -> None:  # type: ignore[type-arg]
    """Open the database, seed the taxonomy and build the text pipeline before the first update."""
    settings: Settings = application.bot_data["settings"]
    storage = await Storage.open(settings.database_path)
    try:
        await storage.topics.seed(
            TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
            for i, t in enumerate(load_topics())
        )
        topics = await live_topics(storage)
        normalizer = await asyncio.to_thread(shared_normalizer)
    except BaseException:
        await storage.close()
        raise
    pipeline = ReleasePipeline(normalizer, topics, load_counties())
    dispatcher = Dispatcher(
        storage,
        await _broadcast_bot(settings),
        application.bot_data[PACER_KEY],
        paid_broadcast=settings.paid_broadcast,
        concurrency=BROADCAST_CONCURRENCY,
    )
    services = Services(settings=settings, storage=storage, pipeline=pipeline, dispatcher=dispatcher)
    application.bot_data[SERVICES_KEY] = services
    desk = Desk(services, application.bot)
    application.bot_data[DESK_KEY] = desk
    dispatcher.on_progress = LiveReports(services, application.bot)
    scheduler = Scheduler(desk, application.bot)
    application.bot_data[officer.SCHEDULER_KEY] = scheduler
    digests = DigestClock(storage, dispatcher, settings.timezone)
    application.bot_data[DIGESTS_KEY] = digests
    application.bot_data[READERS_KEY] = Readers(services, application.bot, digests)
    # Plain tasks rather than application.create_task: they are created before the application runs,
    # look after their own errors, and are stopped in post_stop.
    dispatcher.start()
    scheduler.start()
    digests.start()
    # Command menus per role (everyone, groups, each officer and admin): one call per officer and admin,
    # so in the background rather than before the first update is handled; failures are only logged.
    application.bot_data[MENUS_KEY] = asyncio.create_task(
        commands.publish_menus(application.bot, storage, settings), name="command-menus"
    )
    log.info("started database=%s topics=%d", settings.database_path, len(topics))


async def _broadcast_bot(settings: Settings) -> Bot:
    """A second Bot with its own connection pool, so broadcasts never hold a connection a reply needs."""
    bot = Bot(
        settings.bot_token.reveal(),
        base_url=settings.telegram_base_url or "https://api.telegram.org/bot",
        base_file_url=settings.telegram_base_file_url or "https://api.telegram.org/file/bot",
        request=HTTPXRequest(
            connection_pool_size=BROADCAST_CONCURRENCY + 8,
            connect_timeout=10.0,
            read_timeout=20.0,
            write_timeout=20.0,
            pool_timeout=10.0,
        ),
    )
    await bot.initialize()
    return bot


async def _post_stop(application: Application) -> None:  # type: ignore[type-arg]
    """Stop the dispatcher once no more updates are handled; messages in flight finish first."""
    if SERVICES_KEY in application.bot_data:
        menus: asyncio.Task[None] = application.bot_data.pop(MENUS_KEY)
        menus.cancel()  # unfinished menus are published again at the next start
        with contextlib.suppress(asyncio.CancelledError):
            await menus
        await application.bot_data[officer.SCHEDULER_KEY].stop()
        await application.bot_data[DIGESTS_KEY].stop()
        await services_of(application.bot_data).dispatcher.stop()
        log.info("dispatcher stopped")


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    """Close the broadcast bot and the database after the last update was handled."""
    if SERVICES_KEY in application.bot_data:
        services = services_of(application.bot_data)
        await services.dispatcher.stop()
        await services.dispatcher.bot.shutdown()
        await services.storage.close()
        log.info("database closed")
