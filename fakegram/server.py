"""The fake Telegram Bot API server: HTTP, the chat registry and every method the bot uses.

The real python-telegram-bot ``Bot``/``Application`` talks to it over HTTP on 127.0.0.1, so
everything above the HTTP boundary (PTB's request code, its exceptions, our handlers and the
delivery dispatcher) runs exactly as in production.  It is the only place Telegram is faked.

In an async test (``tg`` fixture from ``tests/conftest.py``)::

    async def test_reply(tg: FakeTelegram) -> None:
        async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as bot:
            await bot.send_message(42, "<b>سلام</b>", parse_mode="HTML")
        assert tg.messages_to(42)[0].plain_text == "سلام"

``FakeTelegram()`` applies Telegram's real limits (``TELEGRAM``); the ``tg`` fixture builds it with
``FAST`` ones unless the test is marked ``real_limits``, and ``tests.harness.settings_for`` hands the
server's limits to the bot, so both always keep the same ones.

With a bot running in a subprocess (``tg_thread`` fixture, or ``FakeTelegram().run_in_thread()``)::

    with FakeTelegram().run_in_thread() as tg:
        env["TELEGRAM_BASE_URL"] = tg.base_url
        env["TELEGRAM_BASE_FILE_URL"] = tg.base_file_url
        proc = subprocess.Popen([...], env=env)
        tg.send_text(chat_id=42, user_id=42, text="/start")
        tg.wait_until(lambda s: s.messages_to(42), timeout=10)

Switches (all thread-safe): ``set_latency``, ``fail`` (retry_after, forbidden, migrate,
chat_not_found, bad_request, server_error, timeout, disconnect), ``block``/``unblock``,
``not_found``, ``migrate``, ``reset_faults``, ``set_editable``/``set_deletable``, the chat and
member registry (``add_chat``, ``set_member``) and the rate rules: assign
``tg.rules = RateRules(...)`` at any time, e.g. ``RateRules(enforce=False)`` to only count
violations of the real limits (``fakegram/rules.py``).  Records: ``calls``, ``messages``
(``SentMessage``), ``violations``, ``wait_for``.

PTB 22 emits a PTBDeprecationWarning whenever it builds a RetryAfter unless the environment has
``PTB_TIMEDELTA=true`` (then ``RetryAfter.retry_after`` is a timedelta).  Under this project's
warnings-as-errors every 429 becomes that warning instead, so set the variable in such tests.

Deliberate differences from Telegram, all on the strict side:

* with ``parse_mode="HTML"`` a bare ``&`` or an unknown entity such as ``&nbsp;`` is an error
  (Telegram silently keeps it as text, which is an escaping bug in the bot); pass
  ``strict_html=False`` for Telegram's lenient behaviour.
* rate limits are counted exactly (see ``RateRules``); Telegram is fuzzier.

MarkdownV2 is not parsed (the text is taken as plain).  Updates reach a webhook only when a test calls
``push_to_webhook``.

``FakeTelegram(profile=BALE)`` plays Bale's Bot API instead (``fakegram/profiles.py``, ``docs/BALE.md``):
its methods only, no parse modes (text kept as sent), no forum topics or inline mode, no secret header
on webhook deliveries, edits of messages with keyboards refused, a 48-hour delete window.  Servers are
independent: a Telegram one and a Bale one run side by side, the same ids on both.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
import yarl
from aiohttp import web

from bot.delivery.limits import TelegramLimits
from fakegram.entities import HtmlParseError, _trim, parse_html, utf16_len
from fakegram.profiles import TELEGRAM, Profile
from fakegram.records import ApiCall, Edit, Fault, SentMessage, Upload
from fakegram.rules import RateBook, RateRules
from fakegram.updates import UpdateBuilders

__all__ = ["FakeTelegram", "ServerThread"]

JSONDict = dict[str, Any]
_Found = TypeVar("_Found")

_LOG = logging.getLogger(__name__)


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {description}")


# --------------------------------------------------------------------------------------------
# Parameters as PTB sends them
# --------------------------------------------------------------------------------------------

_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "media",
        "entities",
        "caption_entities",
        "allowed_updates",
        "reply_parameters",
        "link_preview_options",
        "results",
        "commands",
        "scope",
        "menu_button",
        "button",
        "message_ids",
        "reaction",
        "rights",
        "permissions",
        "options",
        "input_message_content",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_paid_broadcast",
        "allow_sending_without_reply",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "disable_web_page_preview",
        "has_spoiler",
        "show_caption_above_media",
        "supports_streaming",
        "disable_content_type_detection",
        "remove_caption",
        "for_channels",
    }
)
_INT_PARAMS = frozenset({"offset", "limit", "timeout", "cache_time", "max_connections", "duration"})
_STRING_ID_PARAMS = frozenset(
    {
        "callback_query_id",
        "inline_query_id",
        "file_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
        "custom_emoji_id",
        "web_app_query_id",
        "shipping_query_id",
        "pre_checkout_query_id",
    }
)
_MEDIA_PARAMS = ("photo", "video", "document", "animation", "audio", "voice")


def _decode_param(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name in _JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            raise _bad(f"can't parse {name} JSON object") from None
    if name in _BOOL_PARAMS:
        return value.strip().lower() in ("true", "1")
    if name in _INT_PARAMS or (name.endswith("_id") and name not in _STRING_ID_PARAMS):
        with contextlib.suppress(ValueError):
            return int(value)
        if name in _INT_PARAMS:
            with contextlib.suppress(ValueError):
                return float(value)
    return value


# --------------------------------------------------------------------------------------------
# Registry records
# --------------------------------------------------------------------------------------------


@dataclass
class _Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    first_name: str | None = None
    member_count: int | None = None


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    path: str
    data: bytes
    mime_type: str | None = None
    file_name: str | None = None


_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
_ADMIN_REQUIRED_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
_RESTRICTED_REQUIRED_RIGHTS = (
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_send_messages",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_manage_topics",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_edit_tag",
)
_DEFAULT_UPDATE_TYPES_EXCLUDED = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CONTENT_KEYS = ("text", "entities", "photo", "video", "document", "animation", "audio", "voice", "caption")
_FAULT_KINDS = frozenset(
    {
        "retry_after",
        "forbidden",
        "migrate",
        "chat_not_found",
        "bad_request",
        "server_error",
        "timeout",
        "disconnect",
    }
)


def _kind_of(message: JSONDict) -> str:
    for key in ("text", "photo", "video", "document", "animation", "audio", "voice", "sticker"):
        if key in message:
            return key
    return "other"


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class FakeTelegram(UpdateBuilders):
    """A Bot API server on 127.0.0.1.  Every public method may be called from any thread."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        *,
        bot_id: int = 7000000001,
        bot_username: str = "ilam_press_bot",
        limits: TelegramLimits | None = None,
        rules: RateRules | None = None,
        strict_html: bool = True,
        profile: Profile = TELEGRAM,
    ) -> None:
        """``limits`` are the rate limits to enforce (Telegram's by default); ``rules`` says how, and
        wins when both are given.  ``profile`` is the messenger whose API this server plays
        (``fakegram.profiles``: ``TELEGRAM`` or ``BALE``)."""
        self.token = token
        self.profile = profile
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.rules = rules or (RateRules(limits) if limits is not None else RateRules())
        self.strict_html = strict_html
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "خبرگزاری روابط عمومی ایلام",
            "username": bot_username,
        }

        self._lock = threading.RLock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._running = False
        self._update_event = asyncio.Event()
        self._stop_event = asyncio.Event()

        self._calls: list[ApiCall] = []
        self._calls_by_method: dict[str, list[ApiCall]] = {}
        self._messages: list[SentMessage] = []
        self._messages_by_chat: dict[int, list[SentMessage]] = {}
        self._by_key: dict[tuple[int, int], SentMessage] = {}
        self._user_messages: dict[tuple[int, int], JSONDict] = {}
        self._deleted_user_messages: set[tuple[int, int]] = set()
        self._next_message_id: dict[int, int] = {}
        self._ids = itertools.count(1)

        self._updates: deque[JSONDict] = deque()
        self._next_update_id = 1
        self._allowed_updates: frozenset[str] | None = None
        self._poll_seq = 0
        self._webhook: JSONDict | None = None
        self._webhook_deliveries: list[tuple[str, dict[str, str], int]] = []

        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, JSONDict] = {}
        self._members: dict[int, dict[int, tuple[str, JSONDict]]] = {}
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._open_callbacks: set[str] = set()
        self._open_inline: set[str] = set()

        self._faults: list[Fault] = []
        self._latency = (0.0, 0.0)
        self._random = random.Random()

        self._rates = RateBook()

        self._answered_callbacks: list[JSONDict] = []
        self._inline_answers: list[JSONDict] = []
        self._commands: dict[str, list[JSONDict]] = {}
        self._menu_buttons: dict[int | None, JSONDict] = {}
        self._internal_errors: list[str] = []

        self._handlers: dict[str, tuple[str, Callable[[JSONDict, float], Any]]] = {}
        for name, handler in (
            ("getMe", self._get_me),
            ("logOut", self._true),
            ("close", self._true),
            ("setWebhook", self._set_webhook),
            ("deleteWebhook", self._delete_webhook),
            ("getWebhookInfo", self._get_webhook_info),
            ("sendMessage", self._send_message),
            ("sendPhoto", functools.partial(self._send_media, "photo")),
            ("sendVideo", functools.partial(self._send_media, "video")),
            ("sendDocument", functools.partial(self._send_media, "document")),
            ("sendVoice", functools.partial(self._send_media, "voice")),
            ("sendAudio", functools.partial(self._send_media, "audio")),
            ("sendMediaGroup", self._send_media_group),
            ("copyMessage", self._copy_message),
            ("forwardMessage", self._forward_message),
            ("editMessageText", self._edit_message_text),
            ("editMessageCaption", self._edit_message_caption),
            ("editMessageReplyMarkup", self._edit_message_reply_markup),
            ("deleteMessage", self._delete_message),
            ("deleteMessages", self._delete_messages),
            ("answerCallbackQuery", self._answer_callback_query),
            ("answerInlineQuery", self._answer_inline_query),
            ("setMyCommands", self._set_my_commands),
            ("getMyCommands", self._get_my_commands),
            ("deleteMyCommands", self._delete_my_commands),
            ("setChatMenuButton", self._set_chat_menu_button),
            ("getChatMenuButton", self._get_chat_menu_button),
            ("getChat", self._get_chat),
            ("getChatMember", self._get_chat_member),
            ("getChatAdministrators", self._get_chat_administrators),
            ("getChatMemberCount", self._get_chat_member_count),
            ("leaveChat", self._leave_chat),
            ("getFile", self._get_file),
            ("sendChatAction", self._chat_true),
            ("pinChatMessage", self._chat_true),
            ("unpinChatMessage", self._chat_true),
            ("setMyDescription", self._true),
            ("setMyShortDescription", self._true),
            ("setMyName", self._true),
            ("setMyDefaultAdministratorRights", self._true),
        ):
            self._handlers[name.lower()] = (name, handler)
        self._handlers["getupdates"] = ("getUpdates", self._true)  # answered by _get_updates

    # ---------------------------------------------------------------- lifecycle

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1:``port`` (0 = any free port) in the running event loop."""
        if self._running:
            raise RuntimeError("FakeTelegram is already running")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("GET", "/file/bot{token}/{file_path:.+}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        self._runner = runner
        self._port = runner.addresses[0][1]
        with self._lock:
            self._loop = asyncio.get_running_loop()
            self._update_event = asyncio.Event()
            self._stop_event = asyncio.Event()
            self._running = True

    async def stop(self) -> None:
        """Stop listening; pending long polls and held requests are released.  Records stay."""
        with self._lock:
            if not self._running:
                return
            self._running = False
        self._stop_event.set()
        self._wake()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        with self._lock:
            self._loop = None

    def run_in_thread(self, port: int = 0) -> ServerThread:
        """A context manager running this server in its own thread and event loop."""
        return ServerThread(self, port)

    @property
    def limits(self) -> TelegramLimits:
        """The limits the server enforces now; ``tests.harness.settings_for`` gives the bot the same."""
        return self.rules.limits

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)`` / ``TELEGRAM_BASE_URL``."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``Bot(base_file_url=...)`` / ``TELEGRAM_BASE_FILE_URL``."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    # ---------------------------------------------------------------- switches

    def set_latency(self, fixed: float = 0.05, jitter: float = 0.03, *, seed: int | None = None) -> None:
        """Delay every answer by uniform(fixed - jitter, fixed + jitter) seconds (never below 0).
        Arrival (and so rate limiting and recording) happens before the delay."""
        with self._lock:
            self._latency = (fixed, jitter)
            if seed is not None:
                self._random.seed(seed)

    def fail(
        self,
        kind: str,
        *,
        methods: Iterable[str] | str | None = None,
        chat_ids: Iterable[int] | int | None = None,
        times: int | None = 1,
        **params: Any,
    ) -> Fault:
        """Queue a failure for the next ``times`` matching requests (None = forever).

        ``methods`` (case-insensitive) defaults to every method except getUpdates; ``chat_ids``
        restricts it to requests whose ``chat_id`` is one of them.  Kinds and their params:

        * ``retry_after`` (retry_after=5): 429 "Too Many Requests: retry after N".
        * ``forbidden`` (description="Forbidden: bot was blocked by the user"): 403.
        * ``migrate`` (migrate_to_chat_id=...): 400 with parameters.migrate_to_chat_id.
        * ``chat_not_found``: 400 "Bad Request: chat not found".
        * ``bad_request`` (description=..., with or without the "Bad Request: " prefix): 400.
        * ``server_error`` (status=500 or 502): "Internal Server Error" / "Bad Gateway".
        * ``timeout`` (seconds=10.0, deliver=False): hold the request, then handle it as usual if
          the client is still there; with deliver=True it is handled on arrival and only the
          answer is held (the message exists although the client timed out).
        * ``disconnect`` (deliver=False): drop the connection without an answer; with
          deliver=True after handling the request.
        """
        if kind not in _FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(_FAULT_KINDS)}")
        if kind == "migrate" and "migrate_to_chat_id" not in params:
            raise ValueError("fail('migrate') needs migrate_to_chat_id=...")
        if kind == "bad_request" and "description" not in params:
            raise ValueError("fail('bad_request') needs description=...")
        if kind == "server_error" and params.get("status", 500) not in (500, 502):
            raise ValueError("server_error status must be 500 or 502")
        method_set = None
        if methods is not None:
            method_set = frozenset([methods.lower()] if isinstance(methods, str) else (m.lower() for m in methods))
        chat_set = None
        if chat_ids is not None:
            chat_set = frozenset([chat_ids] if isinstance(chat_ids, int) else chat_ids)
        fault = Fault(kind, method_set, chat_set, times, dict(params))
        with self._lock:
            self._faults.append(fault)
        return fault

    def block(self, chat_id: int, description: str = "Forbidden: bot was blocked by the user") -> Fault:
        """Answer every request about ``chat_id`` with 403 until ``unblock``."""
        fault = self.fail("forbidden", chat_ids=chat_id, times=None, description=description)
        fault.tag = "block"
        return fault

    def unblock(self, chat_id: int) -> None:
        with self._lock:
            self._faults = [f for f in self._faults if not (f.tag == "block" and f.chat_ids == frozenset([chat_id]))]

    def not_found(self, chat_id: int) -> Fault:
        """Answer every request about ``chat_id`` with "chat not found" until reset_faults."""
        return self.fail("chat_not_found", chat_ids=chat_id, times=None)

    def migrate(self, chat_id: int, new_chat_id: int) -> Fault:
        """The group was upgraded: ``new_chat_id`` becomes a supergroup with the same title and
        members, and requests about ``chat_id`` answer migrate_to_chat_id until reset_faults."""
        with self._lock:
            old = self._chats.get(chat_id)
            self._chats[new_chat_id] = _Chat(
                new_chat_id,
                "supergroup",
                title=old.title if old else None,
                username=old.username if old else None,
            )
            if chat_id in self._members:
                self._members[new_chat_id] = dict(self._members[chat_id])
        return self.fail("migrate", chat_ids=chat_id, times=None, migrate_to_chat_id=new_chat_id)

    def reset_faults(self, chat_id: int | None = None) -> None:
        """Forget all queued faults, or only those aimed at ``chat_id``."""
        with self._lock:
            if chat_id is None:
                self._faults = []
            else:
                self._faults = [f for f in self._faults if not (f.chat_ids and chat_id in f.chat_ids)]

    @property
    def faults(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def set_editable(self, chat_id: int, message_id: int, editable: bool = True) -> None:
        """When False, edits of that message answer "message can't be edited"."""
        with self._lock:
            self._sent(chat_id, message_id).editable = editable

    def set_deletable(self, chat_id: int, message_id: int, deletable: bool = True) -> None:
        """When False, deleteMessage answers "message can't be deleted"."""
        with self._lock:
            self._sent(chat_id, message_id).deletable = deletable

    def set_age(self, chat_id: int, message_id: int, seconds: float) -> None:
        """Make a bot message ``seconds`` old (its ``date``), e.g. past the profile's delete window."""
        with self._lock:
            self._sent(chat_id, message_id).json["date"] = int(time.time() - seconds)

    def _sent(self, chat_id: int, message_id: int) -> SentMessage:
        try:
            return self._by_key[(chat_id, message_id)]
        except KeyError:
            raise KeyError(f"the bot sent no message {message_id} in chat {chat_id}") from None

    # ---------------------------------------------------------------- registry

    def add_chat(
        self,
        chat_id: int,
        type: str,
        title: str | None = None,
        username: str | None = None,
        is_forum: bool = False,
        *,
        member_count: int | None = None,
    ) -> None:
        """Register a chat (private, group, supergroup or channel) for getChat and friends."""
        if type not in self.profile.chat_types:
            raise ValueError(f"{self.profile.name} has no chat type {type!r}")
        if is_forum and not self.profile.forum_topics:
            raise ValueError(f"{self.profile.name} has no forum topics")
        with self._lock:
            self._chats[chat_id] = _Chat(chat_id, type, title, username, is_forum, member_count=member_count)

    def set_member(self, chat_id: int, user_id: int, status: str, **rights: Any) -> None:
        """Set a member's status (creator, administrator, member, restricted, left, kicked) and,
        for administrators, rights such as can_post_messages or can_delete_messages.  Use
        ``bot_id`` as user_id for the bot itself: left/kicked makes sends answer 403, and in a
        channel the bot needs administrator with can_post_messages."""
        if status not in _STATUSES:
            raise ValueError(f"unknown member status {status!r}")
        with self._lock:
            self._members.setdefault(chat_id, {})[user_id] = (status, dict(rights))

    # ---------------------------------------------------------------- records

    @property
    def calls(self) -> list[ApiCall]:
        """A snapshot of every request, in arrival order."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[ApiCall]:
        with self._lock:
            return list(self._calls_by_method.get(method.lower(), ()))

    @property
    def messages(self) -> list[SentMessage]:
        """A snapshot of every message the bot sent successfully, in order."""
        with self._lock:
            return list(self._messages)

    def messages_to(self, chat_id: int, *, include_deleted: bool = True) -> list[SentMessage]:
        with self._lock:
            found = self._messages_by_chat.get(chat_id, ())
            return [m for m in found if include_deleted or not m.deleted]

    def message_in(self, chat_id: int, message_id: int) -> SentMessage | None:
        with self._lock:
            return self._by_key.get((chat_id, message_id))

    @property
    def answered_callbacks(self) -> list[JSONDict]:
        with self._lock:
            return list(self._answered_callbacks)

    @property
    def inline_answers(self) -> list[JSONDict]:
        with self._lock:
            return list(self._inline_answers)

    @property
    def commands(self) -> dict[str, list[JSONDict]]:
        """The last setMyCommands per scope: "default", "all_private_chats", "chat:<id>",
        "chat_member:<chat>:<user>", ... with "/<language_code>" appended when one was given."""
        with self._lock:
            return {k: list(v) for k, v in self._commands.items()}

    @property
    def menu_buttons(self) -> dict[int | None, JSONDict]:
        with self._lock:
            return dict(self._menu_buttons)

    @property
    def webhook(self) -> JSONDict | None:
        """The parameters of the active setWebhook, or None."""
        with self._lock:
            return dict(self._webhook) if self._webhook else None

    @property
    def webhook_deliveries(self) -> list[tuple[str, dict[str, str], int]]:
        """Each POST of ``push_to_webhook``: (url, request headers, HTTP status answered)."""
        with self._lock:
            return list(self._webhook_deliveries)

    async def push_to_webhook(self, url: str | None = None, *, within: float = 10.0) -> list[int]:
        """POST the pending updates, oldest first, to the registered webhook as the messenger does, or
        to ``url`` (the bot's local listener behind the registered HTTPS address); returns the HTTP
        statuses.  With the Telegram profile a webhook set with a secret_token gets it in the
        X-Telegram-Bot-Api-Secret-Token header; Bale's never sends the header.  Updates answered 2xx
        leave the queue, the others stay pending."""
        with self._lock:
            if self._webhook is None:
                raise RuntimeError("no webhook is set")
            target = url or str(self._webhook["url"])
            headers = {"Content-Type": "application/json"}
            secret = self._webhook.get("secret_token")
            if secret and self.profile.webhook_secret_header:
                headers["X-Telegram-Bot-Api-Secret-Token"] = str(secret)
            updates = [u for u in self._updates if self._is_allowed(u)]
        statuses: list[int] = []
        client_timeout = aiohttp.ClientTimeout(total=within)
        async with aiohttp.ClientSession(timeout=client_timeout) as session:
            for update in updates:
                async with session.post(target, data=json.dumps(update, ensure_ascii=False), headers=headers) as r:
                    status = r.status
                statuses.append(status)
                with self._lock:
                    self._webhook_deliveries.append((target, dict(headers), status))
                    if 200 <= status < 300 and update in self._updates:
                        self._updates.remove(update)
        return statuses

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates injected and not yet confirmed by a getUpdates offset."""
        with self._lock:
            return list(self._updates)

    @property
    def violations(self) -> dict[str, int]:
        """Rate-limit violations by kind: per_chat, per_group_minute, global."""
        with self._lock:
            return dict(self._rates.violations)

    @property
    def violation_log(self) -> list[tuple[float, str, int]]:
        """(arrival, kind, chat_id) of every violation."""
        with self._lock:
            return list(self._rates.violation_log)

    @property
    def internal_errors(self) -> list[str]:
        """Bugs of the fake itself (answered with 500); should stay empty."""
        with self._lock:
            return list(self._internal_errors)

    def file_bytes(self, file_id: str) -> bytes:
        with self._lock:
            return self._files[file_id].data

    def reset_records(self) -> None:
        """Forget calls, violations and callback/inline answers (messages and chats stay)."""
        with self._lock:
            self._calls.clear()
            self._calls_by_method.clear()
            self._rates.forget_violations()
            self._answered_callbacks.clear()
            self._inline_answers.clear()

    async def wait_for(
        self,
        predicate: Callable[[FakeTelegram], _Found],
        timeout: float = 5.0,  # noqa: ASYNC109 - a polling deadline, as in the sync wait_until
    ) -> _Found:
        """Wait until ``predicate(self)`` is truthy and return its value; TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            result = predicate(self)
            if result:
                return result
            if time.monotonic() >= deadline:
                raise TimeoutError(self._timeout_report(predicate, timeout))
            await asyncio.sleep(0.005)

    def wait_until(self, predicate: Callable[[FakeTelegram], Any], timeout: float = 5.0) -> Any:
        """Blocking ``wait_for`` for synchronous code (not on the server's own loop)."""
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None and running is self._loop:
            raise RuntimeError("wait_until would block the server's loop; use await wait_for")
        deadline = time.monotonic() + timeout
        while True:
            result = predicate(self)
            if result:
                return result
            if time.monotonic() >= deadline:
                raise TimeoutError(self._timeout_report(predicate, timeout))
            time.sleep(0.005)

    def _timeout_report(self, predicate: Callable[[FakeTelegram], Any], timeout: float) -> str:
        name = getattr(predicate, "__qualname__", repr(predicate))
        with self._lock:
            calls = [f"{c.method} {c.status} {_short(c.params)}" for c in self._calls[-8:]]
            sent = [f"{m.chat_id}/{m.message_id} {m.kind}: {_short(m.text)}" for m in self._messages[-5:]]
            pending = len(self._updates)
            errors = self._internal_errors[-3:]
        lines = [
            f"condition {name} not met within {timeout}s",
            f"last calls: {calls or 'none'}",
            f"last messages: {sent or 'none'}",
            f"unconfirmed updates: {pending}",
        ]
        if errors:
            lines.append(f"fake server errors: {errors}")
        return "\n  ".join(lines)

    # ---------------------------------------------------------------- HTTP

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        arrival = time.monotonic()
        raw_method = request.match_info["method"]
        key = raw_method.lower()
        known = self._handlers.get(key) if self.profile.has_method(key) else None
        call = ApiCall(known[0] if known else raw_method, {}, arrival)
        with self._lock:
            self._calls.append(call)
            self._calls_by_method.setdefault(call.method.lower(), []).append(call)
            fixed, jitter = self._latency
            latency = max(0.0, fixed + self._random.uniform(-jitter, jitter)) if fixed or jitter else 0.0
        try:
            call.params = await self._read_params(request)
        except _ApiError as exc:
            return await self._answer(call, exc.status, exc.body(), latency)

        if request.match_info["token"] != self.token:
            body = {"ok": False, "error_code": 401, "description": "Unauthorized"}
            return await self._answer(call, 401, body, latency)
        if known is None:
            status, description = self.profile.unsupported_method
            body = {"ok": False, "error_code": status, "description": description}
            return await self._answer(call, status, body, latency)
        params = self._profile_params(call.params)
        if isinstance(params, _ApiError):
            return await self._answer(call, params.status, params.body(), latency)

        with self._lock:
            fault = self._take_fault(key, call.params)
        if fault is not None:
            return await self._apply_fault(fault, request, call, key, latency, params=params)
        status, body = await self._process(key, params, arrival)
        return await self._answer(call, status, body, latency)

    def _profile_params(self, params: JSONDict) -> JSONDict | _ApiError:
        """The parameters the handler sees: the profile's refused ones are an error, its ignored
        ones are dropped (``ApiCall.params`` keeps what was sent)."""
        for name in params:
            refusal = self.profile.refused_params.get(name)
            if refusal is not None and params[name] is not None:
                return _bad(refusal)
        return {name: value for name, value in params.items() if name not in self.profile.ignored_params}

    async def _process(self, key: str, params: JSONDict, arrival: float) -> tuple[int, JSONDict]:
        if key == "getupdates":
            return await self._get_updates(params)
        with self._lock:
            try:
                result = self._handlers[key][1](params, arrival)
            except _ApiError as exc:
                return exc.status, exc.body()
            except Exception as exc:  # a bug of the fake: make it visible
                _LOG.exception("fake Telegram failed on %s", key)
                self._internal_errors.append(f"{key}: {exc!r}")
                return 500, {"ok": False, "error_code": 500, "description": f"Internal Server Error: {exc!r}"}
        return 200, {"ok": True, "result": result}

    async def _answer(self, call: ApiCall, status: int, body: JSONDict, latency: float) -> web.Response:
        call.status = status
        call.response = body
        if latency > 0:
            await asyncio.sleep(latency)
        return web.Response(
            body=json.dumps(body, ensure_ascii=False).encode(),
            status=status,
            content_type="application/json",
        )

    async def _apply_fault(
        self, fault: Fault, request: web.Request, call: ApiCall, key: str, latency: float, *, params: JSONDict
    ) -> web.StreamResponse:
        p = fault.params
        kind = fault.kind
        if kind == "timeout":
            if p.get("deliver"):
                status, body = await self._process(key, params, call.at)
                await self._hold(float(p.get("seconds", 10.0)))
            else:
                await self._hold(float(p.get("seconds", 10.0)))
                status, body = await self._process(key, params, call.at)
            return await self._answer(call, status, body, latency)
        if kind == "disconnect":
            if p.get("deliver"):
                status, body = await self._process(key, params, call.at)
                call.response = body
            transport = request.transport
            if transport is not None:
                transport.abort()
            await asyncio.sleep(0)  # the handler is cancelled here (handler_cancellation)
            raise web.HTTPServiceUnavailable  # not reached when the client is gone
        error = self._fault_error(fault)
        return await self._answer(call, error.status, error.body(), latency)

    def _rate_limited(self, seconds: int) -> _ApiError:
        status, description = self.profile.rate_limited
        parameters = {"retry_after": seconds} if self.profile.rate_limit_retry_after else None
        return _ApiError(status, description.format(seconds=seconds), parameters)

    def _fault_error(self, fault: Fault) -> _ApiError:
        p = fault.params
        if fault.kind == "retry_after":
            return self._rate_limited(int(p.get("retry_after", 5)))
        if fault.kind == "forbidden":
            return _ApiError(403, p.get("description", "Forbidden: bot was blocked by the user"))
        if fault.kind == "migrate":
            return _ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": int(p["migrate_to_chat_id"])},
            )
        if fault.kind == "chat_not_found":
            return _bad("chat not found")
        if fault.kind == "bad_request":
            description = str(p["description"])
            if not description.startswith("Bad Request"):
                description = f"Bad Request: {description}"
            return _ApiError(400, description)
        status = int(p.get("status", 500))
        return _ApiError(status, "Internal Server Error" if status == 500 else "Bad Gateway")

    async def _hold(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop_event.wait(), seconds)

    def _take_fault(self, key: str, params: JSONDict) -> Fault | None:
        chat_id = params.get("chat_id")
        for fault in self._faults:
            if fault.matches(key, chat_id):
                fault.hits += 1
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                return fault
        return None

    async def _read_params(self, request: web.Request) -> JSONDict:
        raw: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise _bad("can't parse JSON object") from None
                if not isinstance(body, dict):
                    raise _bad("JSON object expected")
                raw.update(body)
            elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                for name, value in form.items():
                    if isinstance(value, web.FileField):
                        raw[name] = Upload(value.filename, value.content_type, value.file.read())
                    else:
                        raw[name] = value
        return {name: _decode_param(name, value) for name, value in raw.items()}

    async def _handle_file(self, request: web.Request) -> web.Response:
        with self._lock:
            stored = self._files_by_path.get(request.match_info["file_path"])
        if request.match_info["token"] != self.token or stored is None:
            body = json.dumps({"ok": False, "error_code": 404, "description": "Not Found"})
            return web.Response(body=body.encode(), status=404, content_type="application/json")
        return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")

    # ---------------------------------------------------------------- getUpdates

    def _wake(self) -> None:
        event, self._update_event = self._update_event, asyncio.Event()
        event.set()

    async def _get_updates(self, params: JSONDict) -> tuple[int, JSONDict]:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._webhook:
                error = _ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
                return error.status, error.body()
            offset = params.get("offset")
            limit = min(100, max(1, int(params.get("limit") or 100)))
            timeout = max(0.0, float(params.get("timeout") or 0))
            if "allowed_updates" in params:
                allowed = params["allowed_updates"]
                self._allowed_updates = frozenset(allowed) if allowed else None
            if isinstance(offset, int):
                self._confirm(offset)
            self._poll_seq += 1
            seq = self._poll_seq
        self._wake()  # an older long poll is terminated by this one
        deadline = loop.time() + timeout
        while True:
            with self._lock:
                if seq != self._poll_seq:
                    error = _ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                    return error.status, error.body()
                updates = self._collect(limit)
                event = self._update_event
            remaining = deadline - loop.time()
            if updates or remaining <= 0 or not self._running:
                return 200, {"ok": True, "result": updates}
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            while len(self._updates) > -offset:
                self._updates.popleft()
        else:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()

    def _is_allowed(self, update: JSONDict) -> bool:
        kind = next((k for k in update if k != "update_id"), "")
        if self._allowed_updates is None:
            return kind not in _DEFAULT_UPDATE_TYPES_EXCLUDED
        return kind in self._allowed_updates

    def _collect(self, limit: int) -> list[JSONDict]:
        if not all(self._is_allowed(u) for u in self._updates):
            # Telegram never delivers updates of types that were not asked for
            self._updates = deque(u for u in self._updates if self._is_allowed(u))
        return list(itertools.islice(self._updates, limit))

    def _register_update(self, update: JSONDict) -> None:
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            msg = update.get(key)
            if isinstance(msg, dict) and "chat" in msg and "message_id" in msg:
                self._see_chat(msg["chat"])
                if isinstance(msg.get("from"), dict):
                    self._users.setdefault(msg["from"]["id"], msg["from"])
                chat_id = msg["chat"]["id"]
                self._user_messages[(chat_id, msg["message_id"])] = msg
                self._next_message_id[chat_id] = max(self._next_message_id.get(chat_id, 0), msg["message_id"])
        if "callback_query" in update:
            self._open_callbacks.add(str(update["callback_query"]["id"]))
        if "inline_query" in update:
            self._open_inline.add(str(update["inline_query"]["id"]))
        for key in ("my_chat_member", "chat_member"):
            change = update.get(key)
            if isinstance(change, dict):
                self._see_chat(change["chat"])
                member = change["new_chat_member"]
                rights = {k: v for k, v in member.items() if k.startswith(("can_", "is_"))}
                self._members.setdefault(change["chat"]["id"], {})[member["user"]["id"]] = (
                    member["status"],
                    rights,
                )

    def _see_chat(self, chat: JSONDict) -> None:
        known = self._chats.get(chat["id"])
        if known is None:
            self._chats[chat["id"]] = _Chat(
                chat["id"],
                chat.get("type", "private"),
                chat.get("title"),
                chat.get("username"),
                bool(chat.get("is_forum")),
                chat.get("first_name"),
            )
        elif known.type == "private" and chat.get("first_name"):
            known.first_name = chat["first_name"]

    # ---------------------------------------------------------------- chats and messages

    def _chat_type(self, chat_id: int) -> str:
        known = self._chats.get(chat_id)
        if known is not None:
            return known.type
        if chat_id > 0:
            return "private"
        supergroup = str(chat_id).startswith("-100") and self.profile.supergroups()
        return "supergroup" if supergroup else "group"

    def _chat_json(self, chat_id: int) -> JSONDict:
        known = self._chats.get(chat_id)
        chat_type = self._chat_type(chat_id)
        data: JSONDict = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            user = self._users.get(chat_id, {})
            data["first_name"] = (known and known.first_name) or user.get("first_name") or "کاربر"
            username = (known and known.username) or user.get("username")
        else:
            data["title"] = (known and known.title) or f"Chat {chat_id}"
            username = known.username if known else None
            if known and known.is_forum:
                data["is_forum"] = True
        if username:
            data["username"] = username
        return data

    def _chat_for_update(self, chat_id: int, chat_type: str | None, title: str | None) -> JSONDict:
        if chat_type is not None and chat_type not in self.profile.chat_types:
            raise ValueError(f"{self.profile.name} has no chat type {chat_type!r}")
        known = self._chats.get(chat_id)
        if chat_type is not None and (known is None or known.type != chat_type):
            self._chats[chat_id] = known = _Chat(chat_id, chat_type, title or (known.title if known else None))
        if known is not None and title:
            known.title = title
        return self._chat_json(chat_id)

    def _resolve_chat(self, params: JSONDict, name: str = "chat_id") -> int:
        value = params.get(name)
        if value is None or value == "":
            raise _bad(f"{name} is empty")
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.startswith("@"):
            wanted = value[1:].lower()
            for chat in self._chats.values():
                if chat.username and chat.username.lower() == wanted:
                    return chat.id
        raise _bad("chat not found")

    def _alloc_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 0) + 1
        self._next_message_id[chat_id] = message_id
        return message_id

    def _find(self, chat_id: int, message_id: int) -> JSONDict | None:
        sent = self._by_key.get((chat_id, message_id))
        if sent is not None:
            return None if sent.deleted else sent.json
        if (chat_id, message_id) in self._deleted_user_messages:
            return None
        return self._user_messages.get((chat_id, message_id))

    def _reply_json(self, chat_id: int, message_id: int) -> JSONDict:
        found = self._find(chat_id, message_id)
        if found is None:
            return {"message_id": message_id, "date": int(time.time()), "chat": self._chat_json(chat_id)}
        return {k: v for k, v in found.items() if k != "reply_to_message"}

    def _bot_status(self, chat_id: int) -> tuple[str, JSONDict]:
        known = self._members.get(chat_id, {}).get(self.bot_id)
        if known is not None:
            return known
        if self._chat_type(chat_id) == "channel":
            return "administrator", {"can_post_messages": True}
        return "member", {}

    def _check_can_send(self, chat_id: int) -> None:
        chat_type = self._chat_type(chat_id)
        status, rights = self._bot_status(chat_id)
        place = {"group": "group chat", "supergroup": "supergroup chat", "channel": "channel chat"}.get(chat_type)
        if status == "kicked":
            if place is None:
                raise _ApiError(403, "Forbidden: bot was blocked by the user")
            raise _ApiError(403, f"Forbidden: bot was kicked from the {place}")
        if status == "left" and place is not None:
            raise _ApiError(403, f"Forbidden: bot is not a member of the {place}")
        if chat_type == "channel" and not (
            status == "creator" or (status == "administrator" and rights.get("can_post_messages"))
        ):
            raise _bad("need administrator rights in the channel chat")

    @staticmethod
    def _command_entities(text: str) -> list[JSONDict]:
        if not text.startswith("/"):
            return []
        command = text.split(maxsplit=1)[0] if text.strip() else text
        return [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]

    # ---------------------------------------------------------------- text and validation

    def _format(self, raw: str, parse_mode: str | None, explicit: list[JSONDict] | None) -> tuple[str, list[JSONDict]]:
        if explicit is not None or not parse_mode:
            plain, entities = raw, list(explicit or [])
        elif parse_mode.lower() not in self.profile.parse_modes:
            if self.profile.other_parse_mode == "refuse":
                raise _bad("unsupported parse_mode")
            plain, entities = raw, []  # shown as sent: HTML tags and all
        elif parse_mode.lower() == "html":
            try:
                plain, entities = parse_html(raw, strict=self.strict_html)
            except HtmlParseError as exc:
                raise _bad(f"can't parse entities: {exc}") from None
        elif parse_mode.lower() in ("markdown", "markdownv2"):
            plain, entities = raw, []  # not parsed by the fake
        else:
            raise _bad("unsupported parse_mode")
        return _trim(plain, entities)

    def _text_content(self, params: JSONDict, *, edit: bool = False) -> tuple[str, str, list[JSONDict]]:
        raw = params.get("text")
        if raw is None or raw == "":
            raise _bad("message text is empty")
        raw = str(raw)
        plain, entities = self._format(raw, params.get("parse_mode"), params.get("entities"))
        if not plain:
            raise _bad("message text is empty")
        if utf16_len(plain) > self.profile.max_text:
            raise _bad("MESSAGE_TOO_LONG" if edit else "message is too long")
        return raw, plain, entities

    def _caption_content(
        self, caption: Any, parse_mode: str | None, explicit: list[JSONDict] | None, *, edit: bool = False
    ) -> tuple[str | None, str | None, list[JSONDict]]:
        if caption is None:
            return None, None, []
        raw = str(caption)
        plain, entities = self._format(raw, parse_mode, explicit)
        if utf16_len(plain) > self.profile.max_caption:
            raise _bad("MESSAGE_TOO_LONG" if edit else "message caption is too long")
        return raw, plain, entities

    def _check_markup(self, markup: Any) -> JSONDict | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("object expected as reply markup")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if "text" not in button:
                    raise _bad('can\'t parse inline keyboard button: Field "text" must be of type String')
                actions = set(button) - {"text", "style", "icon_custom_emoji_id"}
                if not actions:
                    raise _bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= self.profile.max_callback_data:
                    raise _bad("BUTTON_DATA_INVALID")
        return markup

    # ---------------------------------------------------------------- rate limits

    def _check_rate(self, chat_id: int, items: int, paid: bool, now: float) -> None:
        seconds = self._rates.check(self.rules, chat_id, self._is_group(chat_id), items, paid, now)
        if seconds is not None:
            raise self._rate_limited(seconds)

    def _record_send(self, chat_id: int, items: int, now: float) -> None:
        self._rates.record(chat_id, self._is_group(chat_id), items, now)

    def _is_group(self, chat_id: int) -> bool:
        return self._chat_type(chat_id) != "private"

    # ---------------------------------------------------------------- files

    def _store_file(
        self,
        data: bytes | None,
        folder: str,
        suffix: str,
        mime_type: str | None,
        file_name: str | None = None,
    ) -> _StoredFile:
        n = next(self._ids)
        if data is None:
            data = f"fake {folder} {n} ".encode() * 8
        if file_name and "." in file_name and not suffix:
            suffix = "." + file_name.rsplit(".", 1)[1]
        stored = _StoredFile(
            file_id=f"FAKE-{folder[:-1].upper()}-{n}",
            file_unique_id=f"u{n}",
            path=f"{folder}/file_{n}{suffix}",
            data=data,
            mime_type=mime_type,
            file_name=file_name,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.path] = stored
        return stored

    def _media_file(self, value: Any, kind: str, params: JSONDict) -> _StoredFile:
        folder, suffix, mime = {
            "photo": ("photos", ".jpg", "image/jpeg"),
            "video": ("videos", ".mp4", "video/mp4"),
            "animation": ("animations", ".mp4", "video/mp4"),
            "audio": ("audios", ".mp3", "audio/mpeg"),
            "voice": ("voices", ".ogg", "audio/ogg"),
        }.get(kind, ("documents", "", "application/octet-stream"))
        if value is None or value == "":
            raise _bad(f"there is no {kind} in the request")
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
            if not isinstance(value, Upload):
                raise _bad(f"can't parse InputMedia: media not found for {kind}")
        if isinstance(value, Upload):
            limit = self.profile.max_photo_upload if kind == "photo" else self.profile.max_file_upload
            if limit is not None and len(value.data) > limit:
                raise _ApiError(413, "Request Entity Too Large")
            name = value.filename if kind == "document" else None
            return self._store_file(value.data, folder, suffix, value.content_type or mime, name)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self._store_file(None, folder, suffix, mime, value.rsplit("/", 1)[-1] or None)
        stored = self._files.get(str(value))
        if stored is None:
            raise _bad("wrong file identifier/HTTP URL specified")
        return stored

    @staticmethod
    def _photo_size(stored: _StoredFile) -> JSONDict:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": 1280,
            "height": 720,
            "file_size": len(stored.data),
        }

    @staticmethod
    def _video_json(stored: _StoredFile) -> JSONDict:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": 1280,
            "height": 720,
            "duration": 10,
            "mime_type": stored.mime_type or "video/mp4",
            "file_size": len(stored.data),
        }

    @staticmethod
    def _document_json(stored: _StoredFile) -> JSONDict:
        data: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if stored.file_name:
            data["file_name"] = stored.file_name
        if stored.mime_type:
            data["mime_type"] = stored.mime_type
        return data

    @staticmethod
    def _sound_json(stored: _StoredFile) -> JSONDict:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": 7,
            "mime_type": stored.mime_type or "audio/ogg",
            "file_size": len(stored.data),
        }

    def _media_json(self, kind: str, stored: _StoredFile) -> tuple[str, Any]:
        if kind == "photo":
            return "photo", [self._photo_size(stored)]
        if kind in ("video", "animation"):
            return kind, self._video_json(stored)
        if kind in ("voice", "audio"):
            return kind, self._sound_json(stored)
        return kind, self._document_json(stored)

    # ---------------------------------------------------------------- sending

    def _reply_target(self, chat_id: int, params: JSONDict) -> tuple[int | None, JSONDict | None]:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and "message_id" in reply:
            target_chat = reply.get("chat_id", chat_id)
            message_id = int(reply["message_id"])
            allow = bool(reply.get("allow_sending_without_reply"))
        elif params.get("reply_to_message_id") is not None:
            target_chat, message_id = chat_id, int(params["reply_to_message_id"])
            allow = bool(params.get("allow_sending_without_reply"))
        else:
            return None, None
        found = self._find(target_chat if isinstance(target_chat, int) else chat_id, message_id)
        if found is None:
            if allow:
                return None, None
            raise _bad("message to be replied not found")
        return message_id, {k: v for k, v in found.items() if k != "reply_to_message"}

    def _prepare_send(self, params: JSONDict) -> int:
        chat_id = self._resolve_chat(params)
        self._check_can_send(chat_id)
        return chat_id

    def _deliver(
        self,
        method: str,
        chat_id: int,
        params: JSONDict,
        arrival: float,
        content: JSONDict,
        *,
        raw_text: str | None,
        parse_mode: str | None,
        plain: str | None,
        entities: list[JSONDict],
        reply: tuple[int | None, JSONDict | None],
        markup: JSONDict | None,
        file_id: str | None = None,
        media_group_id: str | None = None,
        forward_origin: JSONDict | None = None,
    ) -> SentMessage:
        """Store one message (rate limits were checked by the caller)."""
        message_id = self._alloc_message_id(chat_id)
        chat = self._chat_json(chat_id)
        msg: JSONDict = {"message_id": message_id}
        if chat["type"] == "channel":
            msg["sender_chat"] = dict(chat)
        else:
            msg["from"] = dict(self.bot_user)
        msg["chat"] = chat
        msg["date"] = int(time.time())
        thread_id = params.get("message_thread_id")
        if isinstance(thread_id, int):
            msg["message_thread_id"] = thread_id
            if chat.get("is_forum"):
                msg["is_topic_message"] = True
        if forward_origin is not None:
            msg["forward_origin"] = forward_origin
        if reply[1] is not None:
            msg["reply_to_message"] = reply[1]
        if media_group_id is not None:
            msg["media_group_id"] = media_group_id
        msg.update(content)
        if params.get("protect_content"):
            msg["has_protected_content"] = True
        if isinstance(params.get("link_preview_options"), dict) and "text" in content:
            msg["link_preview_options"] = params["link_preview_options"]
        if markup and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        sent = SentMessage(
            chat_id=chat_id,
            message_id=message_id,
            method=method,
            kind=_kind_of(msg),
            text=raw_text,
            parse_mode=parse_mode,
            plain_text=plain,
            entities=entities,
            message_thread_id=thread_id if isinstance(thread_id, int) else None,
            reply_to_message_id=reply[0],
            disable_notification=bool(params.get("disable_notification")),
            protect_content=bool(params.get("protect_content")),
            allow_paid_broadcast=bool(params.get("allow_paid_broadcast")),
            reply_markup=markup,
            link_preview_options=params.get("link_preview_options"),
            media_group_id=media_group_id,
            file_id=file_id,
            at=arrival,
            json=msg,
        )
        self._messages.append(sent)
        self._messages_by_chat.setdefault(chat_id, []).append(sent)
        self._by_key[(chat_id, message_id)] = sent
        if chat_id not in self._chats:
            self._chats[chat_id] = _Chat(chat_id, chat["type"], chat.get("title"))
        return sent

    def _send_message(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = self._prepare_send(params)
        raw, plain, entities = self._text_content(params)
        markup = self._check_markup(params.get("reply_markup"))
        reply = self._reply_target(chat_id, params)
        self._check_rate(chat_id, 1, bool(params.get("allow_paid_broadcast")), arrival)
        content: JSONDict = {"text": plain}
        if entities:
            content["entities"] = entities
        sent = self._deliver(
            "sendMessage",
            chat_id,
            params,
            arrival,
            content,
            raw_text=raw,
            parse_mode=params.get("parse_mode"),
            plain=plain,
            entities=entities,
            reply=reply,
            markup=markup,
        )
        self._record_send(chat_id, 1, arrival)
        return sent.json

    def _send_media(self, kind: str, params: JSONDict, arrival: float) -> JSONDict:
        method = f"send{kind.capitalize()}"
        chat_id = self._prepare_send(params)
        raw, plain, entities = self._caption_content(
            params.get("caption"), params.get("parse_mode"), params.get("caption_entities")
        )
        markup = self._check_markup(params.get("reply_markup"))
        reply = self._reply_target(chat_id, params)
        stored = self._media_file(params.get(kind), kind, params)
        self._check_rate(chat_id, 1, bool(params.get("allow_paid_broadcast")), arrival)
        key, value = self._media_json(kind, stored)
        content: JSONDict = {key: value}
        if plain:
            content["caption"] = plain
            if entities:
                content["caption_entities"] = entities
        sent = self._deliver(
            method,
            chat_id,
            params,
            arrival,
            content,
            raw_text=raw,
            parse_mode=params.get("parse_mode"),
            plain=plain,
            entities=entities,
            reply=reply,
            markup=markup,
            file_id=stored.file_id,
        )
        self._record_send(chat_id, 1, arrival)
        return sent.json

    def _send_media_group(self, params: JSONDict, arrival: float) -> list[JSONDict]:
        chat_id = self._prepare_send(params)
        media = params.get("media")
        if not isinstance(media, list) or not media:
            raise _bad("media to send are not specified")
        if len(media) > 10:
            raise _bad("too much messages to send as an album")
        if len(media) < 2:
            raise _bad("media group must contain at least 2 items")
        prepared: list[tuple[str, _StoredFile, str | None, str | None, list[JSONDict], str | None]] = []
        for item in media:
            if not isinstance(item, dict) or item.get("type") not in ("photo", "video", "document", "audio"):
                raise _bad("can't parse InputMedia: unsupported media type")
            raw, plain, entities = self._caption_content(
                item.get("caption"), item.get("parse_mode"), item.get("caption_entities")
            )
            stored = self._media_file(item.get("media"), item["type"], params)
            prepared.append((item["type"], stored, raw, plain, entities, item.get("parse_mode")))
        reply = self._reply_target(chat_id, params)
        self._check_rate(chat_id, len(media), bool(params.get("allow_paid_broadcast")), arrival)
        group_id = str(10**12 + next(self._ids))
        result = []
        for kind, stored, raw, plain, entities, parse_mode in prepared:
            key, value = self._media_json(kind, stored)
            content: JSONDict = {key: value}
            if plain:
                content["caption"] = plain
                if entities:
                    content["caption_entities"] = entities
            sent = self._deliver(
                "sendMediaGroup",
                chat_id,
                params,
                arrival,
                content,
                raw_text=raw,
                parse_mode=parse_mode,
                plain=plain,
                entities=entities,
                reply=reply,
                markup=None,
                file_id=stored.file_id,
                media_group_id=group_id,
            )
            result.append(sent.json)
        self._record_send(chat_id, len(media), arrival)
        return result

    def _source(self, params: JSONDict, what: str) -> tuple[int, JSONDict]:
        from_chat = self._resolve_chat(params, "from_chat_id")
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad("message identifier is not specified")
        found = self._find(from_chat, message_id)
        if found is None:
            raise _bad(f"message to {what} not found")
        return from_chat, found

    def _copy_message(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = self._prepare_send(params)
        _, source = self._source(params, "copy")
        content = {k: v for k, v in source.items() if k in _CONTENT_KEYS}
        raw: str | None = source.get("text", source.get("caption"))
        plain, entities = raw, _entities_of(source)
        parse_mode = None
        if "text" not in source and ("caption" in params or params.get("remove_caption")):
            content.pop("caption", None)
            content.pop("caption_entities", None)
            parse_mode = params.get("parse_mode")
            raw, plain, entities = self._caption_content(
                None if params.get("remove_caption") else params.get("caption"),
                parse_mode,
                params.get("caption_entities"),
            )
            if plain:
                content["caption"] = plain
                if entities:
                    content["caption_entities"] = entities
        markup = self._check_markup(params.get("reply_markup"))
        reply = self._reply_target(chat_id, params)
        self._check_rate(chat_id, 1, bool(params.get("allow_paid_broadcast")), arrival)
        sent = self._deliver(
            "copyMessage",
            chat_id,
            params,
            arrival,
            content,
            raw_text=raw,
            parse_mode=parse_mode,
            plain=plain,
            entities=entities,
            reply=reply,
            markup=markup,
            file_id=_file_id_of(content),
        )
        self._record_send(chat_id, 1, arrival)
        return {"message_id": sent.message_id}

    def _forward_message(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = self._prepare_send(params)
        _, source = self._source(params, "forward")
        content = {k: v for k, v in source.items() if k in _CONTENT_KEYS}
        origin: JSONDict
        if "forward_origin" in source:
            origin = source["forward_origin"]
        elif source["chat"]["type"] == "channel":
            origin = {
                "type": "channel",
                "date": source["date"],
                "chat": source["chat"],
                "message_id": source["message_id"],
            }
        elif "from" in source:
            origin = {"type": "user", "date": source["date"], "sender_user": source["from"]}
        else:
            origin = {"type": "chat", "date": source["date"], "sender_chat": source["chat"]}
        self._check_rate(chat_id, 1, bool(params.get("allow_paid_broadcast")), arrival)
        sent = self._deliver(
            "forwardMessage",
            chat_id,
            params,
            arrival,
            content,
            raw_text=source.get("text", source.get("caption")),
            parse_mode=None,
            plain=source.get("text", source.get("caption")),
            entities=_entities_of(source),
            reply=(None, None),
            markup=None,
            file_id=_file_id_of(content),
            forward_origin=origin,
        )
        self._record_send(chat_id, 1, arrival)
        return sent.json

    # ---------------------------------------------------------------- editing and deleting

    def _edit_target(self, params: JSONDict) -> SentMessage | None:
        """The bot message to edit, or None for an inline message."""
        if params.get("inline_message_id"):
            return None
        chat_id = self._resolve_chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad("message identifier is not specified")
        sent = self._by_key.get((chat_id, message_id))
        if sent is None or sent.deleted:
            if self._find(chat_id, message_id) is not None:
                raise _bad("message can't be edited")
            raise _bad("message to edit not found")
        if not sent.editable:
            raise _bad("message can't be edited")
        if not self.profile.edit_keyboard_messages and sent.json.get("reply_markup"):
            raise _bad("message can't be edited")
        return sent

    def _apply_edit(
        self,
        sent: SentMessage,
        method: str,
        arrival: float,
        markup: JSONDict | None,
        *,
        text_key: str | None = None,
        raw: str | None = None,
        parse_mode: str | None = None,
        plain: str | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict | bool:
        """Edit ``sent``: its markup, and its text or caption when ``text_key`` names one."""
        entities = entities or []
        old_markup = sent.json.get("reply_markup")
        new_markup = markup if markup and "inline_keyboard" in markup else None
        same_text = text_key is None or (sent.plain_text == plain and sent.entities == entities)
        if same_text and old_markup == new_markup:
            raise _bad(
                "message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message"
            )
        if text_key is not None:
            sent.text, sent.parse_mode, sent.plain_text, sent.entities = raw, parse_mode, plain, entities
            entities_key = "entities" if text_key == "text" else "caption_entities"
            sent.json.pop(entities_key, None)
            if plain:
                sent.json[text_key] = plain
                if entities:
                    sent.json[entities_key] = entities
            else:
                sent.json.pop(text_key, None)
        if new_markup is None:
            sent.json.pop("reply_markup", None)
        else:
            sent.json["reply_markup"] = new_markup
        sent.reply_markup = new_markup
        sent.json["edit_date"] = int(time.time())
        sent.edits.append(Edit(arrival, method, sent.text, sent.parse_mode, new_markup))
        return sent.json if self.profile.edit_returns_message else True

    def _edit_message_text(self, params: JSONDict, arrival: float) -> Any:
        sent = self._edit_target(params)
        raw, plain, entities = self._text_content(params, edit=True)
        markup = self._check_markup(params.get("reply_markup"))
        if sent is None:
            return True
        if "text" not in sent.json:
            raise _bad("there is no text in the message to edit")
        return self._apply_edit(
            sent,
            "editMessageText",
            arrival,
            markup,
            text_key="text",
            raw=raw,
            parse_mode=params.get("parse_mode"),
            plain=plain,
            entities=entities,
        )

    def _edit_message_caption(self, params: JSONDict, arrival: float) -> Any:
        sent = self._edit_target(params)
        raw, plain, entities = self._caption_content(
            params.get("caption"), params.get("parse_mode"), params.get("caption_entities"), edit=True
        )
        markup = self._check_markup(params.get("reply_markup"))
        if sent is None:
            return True
        if "text" in sent.json:
            raise _bad("there is no caption in the message to edit")
        return self._apply_edit(
            sent,
            "editMessageCaption",
            arrival,
            markup,
            text_key="caption",
            raw=raw,
            parse_mode=params.get("parse_mode"),
            plain=plain,
            entities=entities,
        )

    def _edit_message_reply_markup(self, params: JSONDict, arrival: float) -> Any:
        sent = self._edit_target(params)
        markup = self._check_markup(params.get("reply_markup"))
        if sent is None:
            return True
        return self._apply_edit(sent, "editMessageReplyMarkup", arrival, markup)

    def _delete_one(self, chat_id: int, message_id: int) -> None:
        sent = self._by_key.get((chat_id, message_id))
        if sent is not None:
            if sent.deleted:
                raise _bad("message to delete not found")
            if not sent.deletable or self._too_old_to_delete(sent):
                raise _bad("message can't be deleted")
            sent.deleted = True
            return
        if self._find(chat_id, message_id) is None:
            raise _bad("message to delete not found")
        self._deleted_user_messages.add((chat_id, message_id))

    def _too_old_to_delete(self, sent: SentMessage) -> bool:
        window = self.profile.delete_window
        return window is not None and time.time() - float(sent.json["date"]) > window

    def _delete_message(self, params: JSONDict, arrival: float) -> bool:
        chat_id = self._resolve_chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad("message identifier is not specified")
        self._delete_one(chat_id, message_id)
        return True

    def _delete_messages(self, params: JSONDict, arrival: float) -> bool:
        chat_id = self._resolve_chat(params)
        for message_id in params.get("message_ids") or []:
            with contextlib.suppress(_ApiError):
                self._delete_one(chat_id, int(message_id))
        return True

    # ---------------------------------------------------------------- queries and commands

    def _answer_callback_query(self, params: JSONDict, arrival: float) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_callbacks:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        self._open_callbacks.discard(query_id)
        self._answered_callbacks.append(dict(params))
        return True

    def _answer_inline_query(self, params: JSONDict, arrival: float) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._open_inline:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("results is empty")  # an empty list is fine, a missing one is not
        if len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict) or "type" not in result or "id" not in result:
                raise _bad("can't parse InlineQueryResult")
            if result["id"] in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(result["id"])
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._text_content(
                    {
                        "text": content["message_text"],
                        "parse_mode": content.get("parse_mode"),
                        "entities": content.get("entities"),
                    }
                )
            if "caption" in result:
                self._caption_content(result["caption"], result.get("parse_mode"), result.get("caption_entities"))
        self._open_inline.discard(query_id)
        self._inline_answers.append(dict(params))
        return True

    @staticmethod
    def _scope_key(params: JSONDict) -> str:
        scope = params.get("scope")
        key = "default"
        if isinstance(scope, dict) and scope.get("type"):
            key = str(scope["type"])
            for part in ("chat_id", "user_id"):
                if part in scope:
                    key += f":{scope[part]}"
        if params.get("language_code"):
            key += f"/{params['language_code']}"
        return key

    def _set_my_commands(self, params: JSONDict, arrival: float) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("commands is empty")
        for command in commands:
            name = str(command.get("command", "")) if isinstance(command, dict) else ""
            if not (1 <= len(name) <= 32 and all(c.isascii() and (c.isalnum() or c == "_") for c in name)):
                raise _bad("BOT_COMMAND_INVALID")
            if name != name.lower():
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[self._scope_key(params)] = [dict(c) for c in commands]
        return True

    def _get_my_commands(self, params: JSONDict, arrival: float) -> list[JSONDict]:
        return list(self._commands.get(self._scope_key(params), []))

    def _delete_my_commands(self, params: JSONDict, arrival: float) -> bool:
        self._commands.pop(self._scope_key(params), None)
        return True

    def _set_chat_menu_button(self, params: JSONDict, arrival: float) -> bool:
        chat_id = params.get("chat_id")
        button = params.get("menu_button") or {"type": "default"}
        self._menu_buttons[chat_id if isinstance(chat_id, int) else None] = button
        return True

    def _get_chat_menu_button(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = params.get("chat_id")
        key = chat_id if isinstance(chat_id, int) else None
        return self._menu_buttons.get(key) or self._menu_buttons.get(None) or {"type": "commands"}

    # ---------------------------------------------------------------- simple methods

    def _true(self, params: JSONDict, arrival: float) -> bool:
        return True

    def _chat_true(self, params: JSONDict, arrival: float) -> bool:
        self._resolve_chat(params)
        return True

    def _get_me(self, params: JSONDict, arrival: float) -> JSONDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": self.profile.inline_mode,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _set_webhook(self, params: JSONDict, arrival: float) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return self._delete_webhook(params, arrival)
        if not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        ports = self.profile.webhook_ports
        if ports is not None and (yarl.URL(url).port or 443) not in ports:
            allowed = ", ".join(str(port) for port in sorted(ports))
            raise _bad(f"bad webhook: Webhook can be set up only on ports {allowed}")
        self._webhook = {k: v for k, v in params.items() if not isinstance(v, Upload)}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _delete_webhook(self, params: JSONDict, arrival: float) -> bool:
        self._webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, params: JSONDict, arrival: float) -> JSONDict:
        info: JSONDict = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook:
            info["max_connections"] = self._webhook.get("max_connections", 40)
            if self._webhook.get("allowed_updates"):
                info["allowed_updates"] = self._webhook["allowed_updates"]
        return info

    # ---------------------------------------------------------------- chat information

    def _known_chat(self, params: JSONDict) -> int:
        chat_id = self._resolve_chat(params)
        if chat_id not in self._chats:
            raise _bad("chat not found")
        return chat_id

    def _get_chat(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = self._known_chat(params)
        data = self._chat_json(chat_id)
        data.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return data

    def _member_json(self, user: JSONDict, status: str, rights: JSONDict) -> JSONDict:
        data: JSONDict = {"status": status, "user": dict(user)}
        if status == "creator":
            data["is_anonymous"] = bool(rights.get("is_anonymous", False))
        elif status == "administrator":
            data["can_be_edited"] = bool(rights.get("can_be_edited", False))
            data["is_anonymous"] = bool(rights.get("is_anonymous", False))
            for right in _ADMIN_REQUIRED_RIGHTS:
                data[right] = bool(rights.get(right, right == "can_manage_chat"))
            data.update({k: v for k, v in rights.items() if k not in data})
        elif status == "restricted":
            data["is_member"] = bool(rights.get("is_member", True))
            data["until_date"] = int(rights.get("until_date", 0))
            for right in _RESTRICTED_REQUIRED_RIGHTS:
                data[right] = bool(rights.get(right, True))
        elif status == "kicked":
            data["until_date"] = int(rights.get("until_date", 0))
        return data

    def _user_json(self, user_id: int) -> JSONDict:
        if user_id == self.bot_id:
            return dict(self.bot_user)
        return dict(self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": "کاربر"})

    def _status_of(self, chat_id: int, user_id: int) -> tuple[str, JSONDict]:
        if user_id == self.bot_id:
            return self._bot_status(chat_id)
        known = self._members.get(chat_id, {}).get(user_id)
        if known is not None:
            return known
        if self._chat_type(chat_id) == "private" and user_id == chat_id:
            return "member", {}
        return "left", {}

    def _get_chat_member(self, params: JSONDict, arrival: float) -> JSONDict:
        chat_id = self._resolve_chat(params)
        if chat_id not in self._chats and chat_id < 0:
            raise _bad("chat not found")
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise _bad("user_id is empty")
        status, rights = self._status_of(chat_id, user_id)
        return self._member_json(self._user_json(user_id), status, rights)

    def _get_chat_administrators(self, params: JSONDict, arrival: float) -> list[JSONDict]:
        chat_id = self._known_chat(params)
        if self._chat_type(chat_id) == "private":
            raise _bad("there are no administrators in the private chat")
        members = dict(self._members.get(chat_id, {}))
        members.setdefault(self.bot_id, self._bot_status(chat_id))
        return [
            self._member_json(self._user_json(user_id), status, rights)
            for user_id, (status, rights) in members.items()
            if status in ("creator", "administrator")
        ]

    def _get_chat_member_count(self, params: JSONDict, arrival: float) -> int:
        chat_id = self._known_chat(params)
        chat = self._chats[chat_id]
        if chat.member_count is not None:
            return chat.member_count
        if chat.type == "private":
            return 2
        members = dict(self._members.get(chat_id, {}))
        members.setdefault(self.bot_id, self._bot_status(chat_id))
        return sum(
            1
            for status, rights in members.values()
            if status in ("creator", "administrator", "member")
            or (status == "restricted" and rights.get("is_member", True))
        )

    def _leave_chat(self, params: JSONDict, arrival: float) -> bool:
        chat_id = self._known_chat(params)
        chat_type = self._chat_type(chat_id)
        if chat_type == "private":
            raise _bad("chat member status can't be changed in private chats")
        old_status, _ = self._bot_status(chat_id)
        self._members.setdefault(chat_id, {})[self.bot_id] = ("left", {})
        if not self.profile.has_update("my_chat_member"):
            return True
        update = {
            "chat": self._chat_json(chat_id),
            "from": dict(self.bot_user),
            "date": int(time.time()),
            "old_chat_member": self._member_json(self.bot_user, old_status, {}),
            "new_chat_member": self._member_json(self.bot_user, "left", {}),
        }
        self._updates.append({"update_id": self._next_update_id, "my_chat_member": update})
        self._next_update_id += 1
        self._wake()
        return True

    def _get_file(self, params: JSONDict, arrival: float) -> JSONDict:
        stored = self._files.get(str(params.get("file_id", "")))
        if stored is None:
            raise _bad("invalid file_id")
        if self.profile.max_download is not None and len(stored.data) > self.profile.max_download:
            raise _bad("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.path,
        }


def _file_id_of(content: JSONDict) -> str | None:
    for key in _MEDIA_PARAMS:
        value = content.get(key)
        if isinstance(value, list) and value:
            return str(value[-1]["file_id"])
        if isinstance(value, dict):
            return str(value["file_id"])
    return None


def _entities_of(message: JSONDict) -> list[JSONDict]:
    found = message.get("entities", message.get("caption_entities"))
    return list(found) if isinstance(found, list) else []


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --------------------------------------------------------------------------------------------
# Running in a thread
# --------------------------------------------------------------------------------------------


class ServerThread:
    """Runs a FakeTelegram in its own thread and event loop::

        with ServerThread(FakeTelegram()) as tg:   # or FakeTelegram().run_in_thread()
            ...  # tg.base_url is ready; every public method is thread-safe

    ``start()``/``stop()`` do the same without a ``with`` block."""

    def __init__(self, server: FakeTelegram, port: int = 0) -> None:
        self.server = server
        self.port = port
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._done: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self, timeout: float = 10.0) -> FakeTelegram:
        if self._thread is not None:
            raise RuntimeError("ServerThread already started")
        self._thread = threading.Thread(target=self._run, name="fake-telegram", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the fake Telegram server did not start")
        if self._error is not None:
            self._thread.join()
            raise RuntimeError("the fake Telegram server failed to start") from self._error
        return self.server

    def stop(self, timeout: float = 10.0) -> None:
        thread, loop, done = self._thread, self._loop, self._done
        if thread is None:
            return
        if loop is not None and done is not None and thread.is_alive():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(done.set)
        thread.join(timeout)
        self._thread = None

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        self._done = asyncio.Event()
        try:
            await self.server.start(self.port)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._done.wait()
        finally:
            await self.server.stop()
