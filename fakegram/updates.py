"""Update builders: the messages, button presses, member changes and queries users send the bot.

``UpdateBuilders`` is mixed into ``FakeTelegram``: each builder registers the users and chats it
mentions in the server's registry (so getChat and getChatMember know them) and ``inject`` queues
the update for getUpdates.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

    from fakegram.profiles import Profile
    from fakegram.server import _Chat, _StoredFile

JSONDict = dict[str, Any]


class UpdateBuilders:
    """Builds updates against the server's registry; see ``FakeTelegram``."""

    bot_user: JSONDict
    profile: Profile
    _lock: threading.RLock
    _loop: asyncio.AbstractEventLoop | None
    _running: bool
    _users: dict[int, JSONDict]
    _chats: dict[int, _Chat]
    _ids: itertools.count[int]
    _updates: deque[JSONDict]
    _next_update_id: int

    if TYPE_CHECKING:  # the server's helpers these builders use (FakeTelegram defines them)

        def _chat_for_update(self, chat_id: int, chat_type: str | None, title: str | None) -> JSONDict: ...
        def _alloc_message_id(self, chat_id: int) -> int: ...
        def _chat_json(self, chat_id: int) -> JSONDict: ...
        def _find(self, chat_id: int, message_id: int) -> JSONDict | None: ...
        def _reply_json(self, chat_id: int, message_id: int) -> JSONDict: ...
        def _member_json(self, user: JSONDict, status: str, rights: JSONDict) -> JSONDict: ...
        def _register_update(self, update: JSONDict) -> None: ...
        def _wake(self) -> None: ...
        def _store_file(
            self, data: bytes | None, folder: str, suffix: str, mime_type: str | None, file_name: str | None = None
        ) -> _StoredFile: ...
        @staticmethod
        def _command_entities(text: str) -> list[JSONDict]: ...
        @staticmethod
        def _photo_size(stored: _StoredFile) -> JSONDict: ...
        @staticmethod
        def _video_json(stored: _StoredFile) -> JSONDict: ...
        @staticmethod
        def _document_json(stored: _StoredFile) -> JSONDict: ...
        @staticmethod
        def _sound_json(stored: _StoredFile) -> JSONDict: ...

    def user(self, user_id: int, first_name: str = "کاربر", username: str | None = None) -> JSONDict:
        """A Bot API User (registered, so getChatMember knows it)."""
        data: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "fa"}
        if username:
            data["username"] = username
        with self._lock:
            self._users[user_id] = data
        return dict(data)

    def message(
        self,
        chat_id: int,
        user_id: int,
        text: str | None = None,
        *,
        chat_type: str | None = None,
        chat_title: str | None = None,
        message_thread_id: int | None = None,
        is_topic_message: bool = False,
        photo: bool | bytes = False,
        video: bool | bytes = False,
        document: bool | bytes = False,
        document_name: str = "document.pdf",
        voice: bool | bytes = False,
        caption: str | None = None,
        media_group_id: str | None = None,
        forward_origin: JSONDict | None = None,
        reply_to: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
    ) -> JSONDict:
        """An Update with a user's message; it takes the chat's next message_id.

        ``chat_type`` defaults to the registered type, else private for positive ids and group
        or supergroup (-100...) for negative ones.  A text starting with "/" gets its
        bot_command entity.  ``photo``/``video``/``document`` may be True (some bytes) or the
        bytes themselves; getFile serves them, and so ``voice`` (a voice note)."""
        if message_thread_id is not None and not self.profile.forum_topics:
            raise ValueError(f"{self.profile.name} has no forum topics")
        with self._lock:
            sender = self._users.get(user_id)
            if sender is None or first_name or username:
                sender = self.user(user_id, first_name or "کاربر", username)
            chat = self._chat_for_update(chat_id, chat_type, chat_title)
            if chat["type"] == "private" and chat_id == user_id:
                chat["first_name"] = sender["first_name"]
                if sender.get("username"):
                    chat["username"] = sender["username"]
            msg: JSONDict = {
                "message_id": self._alloc_message_id(chat_id),
                "from": dict(sender),
                "chat": chat,
                "date": int(time.time()),
            }
            if message_thread_id is not None:
                msg["message_thread_id"] = message_thread_id
                if is_topic_message or chat.get("is_forum"):
                    msg["is_topic_message"] = True
            if text is not None:
                msg["text"] = text
                entities = self._command_entities(text)
                if entities:
                    msg["entities"] = entities
            if photo:
                stored = self._store_file(photo if isinstance(photo, bytes) else None, "photos", ".jpg", "image/jpeg")
                msg["photo"] = [self._photo_size(stored)]
            if video:
                stored = self._store_file(video if isinstance(video, bytes) else None, "videos", ".mp4", "video/mp4")
                msg["video"] = self._video_json(stored)
            if document:
                stored = self._store_file(
                    document if isinstance(document, bytes) else None,
                    "documents",
                    "",
                    "application/pdf",
                    document_name,
                )
                msg["document"] = self._document_json(stored)
            if voice:
                stored = self._store_file(voice if isinstance(voice, bytes) else None, "voices", ".ogg", "audio/ogg")
                msg["voice"] = self._sound_json(stored)
            if caption is not None:
                msg["caption"] = caption
            if media_group_id is not None:
                msg["media_group_id"] = media_group_id
            if forward_origin is not None:
                msg["forward_origin"] = forward_origin
            if reply_to is not None:
                msg["reply_to_message"] = self._reply_json(chat_id, reply_to)
        return {"message": msg}

    def callback_query(self, chat_id: int, user_id: int, data: str, message_id: int) -> JSONDict:
        """An Update with a press on an inline button of message ``message_id``."""
        with self._lock:
            sender = self._users.get(user_id) or self.user(user_id)
            found = self._find(chat_id, message_id)
            if found is None:
                message: JSONDict = {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": self._chat_json(chat_id),
                }
            else:
                message = dict(found)
            query = {
                "id": str(next(self._ids)),
                "from": dict(sender),
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            }
        return {"callback_query": query}

    def my_chat_member(
        self,
        chat_id: int,
        chat_type: str,
        user_id: int,
        old_status: str,
        new_status: str,
        *,
        chat_title: str | None = None,
        old_rights: JSONDict | None = None,
        **rights: Any,
    ) -> JSONDict:
        """An Update saying user ``user_id`` changed the bot's status in a chat (from ``old_status`` with
        ``old_rights`` to ``new_status`` with ``rights``); injecting it also updates the registry (so a kicked bot
        gets 403 on sends)."""
        with self._lock:
            sender = self._users.get(user_id) or self.user(user_id)
            update = {
                "chat": self._chat_for_update(chat_id, chat_type, chat_title),
                "from": dict(sender),
                "date": int(time.time()),
                "old_chat_member": self._member_json(self.bot_user, old_status, old_rights or {}),
                "new_chat_member": self._member_json(self.bot_user, new_status, rights),
            }
        return {"my_chat_member": update}

    def channel_post(self, chat_id: int, text: str, *, chat_title: str | None = None) -> JSONDict:
        """An Update with a post in a channel."""
        with self._lock:
            chat = self._chat_for_update(chat_id, "channel", chat_title)
            post: JSONDict = {
                "message_id": self._alloc_message_id(chat_id),
                "sender_chat": dict(chat),
                "chat": chat,
                "date": int(time.time()),
                "text": text,
            }
            entities = self._command_entities(text)
            if entities:
                post["entities"] = entities
        return {"channel_post": post}

    def inline_query(self, user_id: int, query: str, offset: str = "") -> JSONDict:
        """An Update with an inline query ``@bot query``."""
        if not self.profile.inline_mode:
            raise ValueError(f"{self.profile.name} has no inline mode")
        with self._lock:
            sender = self._users.get(user_id) or self.user(user_id)
            data = {
                "id": str(next(self._ids)),
                "from": dict(sender),
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            }
        return {"inline_query": data}

    def inject(self, update: JSONDict) -> int:
        """Queue an update for getUpdates (giving it the next update_id) and wake long polls.
        Messages, callback queries, inline queries and member changes in it are registered.  An update
        of a type the profile's messenger never sends is a ValueError (``inject_raw`` takes anything)."""
        update = {k: v for k, v in update.items() if k != "update_id"}
        for kind in update:
            if not self.profile.has_update(kind):
                raise ValueError(f"{self.profile.name} sends no {kind} updates")
        with self._lock:
            update_id = self._next_update_id
            self._next_update_id += 1
            self._register_update(update)
            self._updates.append({"update_id": update_id, **update})
            loop = self._loop if self._running else None
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closing
                loop.call_soon_threadsafe(self._wake)
        return update_id

    def inject_raw(self, update: JSONDict) -> int:
        """Queue ``update`` for getUpdates exactly as given (only its update_id is set) and wake long polls.

        Nothing in it is registered or checked, so it may be anything Telegram could send, including
        an update a library cannot parse (a field of the wrong type, a required field missing)."""
        with self._lock:
            update_id = self._next_update_id
            self._next_update_id += 1
            self._updates.append({"update_id": update_id, **{k: v for k, v in update.items() if k != "update_id"}})
            loop = self._loop if self._running else None
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closing
                loop.call_soon_threadsafe(self._wake)
        return update_id

    def send_text(self, chat_id: int, user_id: int, text: str, **kw: Any) -> int:
        """inject(message(chat_id, user_id, text, **kw))."""
        return self.inject(self.message(chat_id, user_id, text, **kw))
