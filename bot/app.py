"""The one place that wires python-telegram-bot: handlers, services, start-up and shutdown."""

from __future__ import annotations

import functools
import logging
from typing import Any

from telegram.ext import (
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.delivery.dispatcher import InteractiveRecorder
from bot.delivery.pacing import Pacer
from bot.runtime import Runtime
from bot.telegram import menus as commands
from bot.telegram.context import BotData, WireApplication, WireContext
from bot.telegram.errors import on_error
from bot.telegram.handlers import admin, admins, archive, chats, common, journalist, officer, ops, reports, topics_admin

log = logging.getLogger(__name__)


def build_application(settings: Settings, request: BaseRequest | None = None) -> WireApplication:
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
    pacer = Pacer(settings.broadcast_rate)
    application: WireApplication = (
        builder.context_types(ContextTypes(context=WireContext, bot_data=BotData))
        .concurrent_updates(16)  # a slow handler must not hold up other users
        .rate_limiter(InteractiveRecorder(pacer))
        .post_init(functools.partial(_post_init, pacer))
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.settings = settings

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


async def _post_init(pacer: Pacer, application: WireApplication) -> None:
    """Open the runtime before the first update; command menus are published in the background."""
    settings = application.bot_data.settings
    assert settings is not None
    runtime = await Runtime.open(settings, application.bot, pacer)
    application.bot_data.runtime = runtime
    # One call per officer and admin, so in the background rather than before the first update is
    # handled; failures are only logged.
    runtime.spawn(commands.publish_menus(application.bot, runtime.storage, settings), name="command-menus")


async def _post_stop(application: WireApplication) -> None:
    """Stop the loops and the dispatcher once no more updates are handled; messages in flight finish first."""
    if application.bot_data.runtime is not None:
        await application.bot_data.runtime.stop()


async def _post_shutdown(application: WireApplication) -> None:
    """Close the broadcast bot and the database after the last update was handled."""
    runtime, application.bot_data.runtime = application.bot_data.runtime, None
    if runtime is not None:
        await runtime.close()
