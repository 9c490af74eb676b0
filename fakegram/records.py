"""What the fake server keeps: requests as they arrived, messages the bot sent, their edits, queued faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class Upload:
    """A file that arrived in a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:
        return f"Upload({self.filename!r}, {self.content_type!r}, {len(self.data)} bytes)"


@dataclass
class ApiCall:
    """One request as it arrived; ``status`` is 0 while unanswered or when the connection was dropped."""

    method: str
    params: JSONDict
    at: float
    status: int = 0
    response: JSONDict | None = None


@dataclass(frozen=True)
class Edit:
    """One successful edit of a sent message (the new content)."""

    at: float
    method: str
    text: str | None
    parse_mode: str | None
    reply_markup: JSONDict | None


@dataclass
class SentMessage:
    """A message the bot sent successfully.  ``text`` is the text or caption exactly as sent
    (HTML included), ``plain_text``/``entities`` what Telegram made of it; both follow edits,
    whose history is in ``edits``."""

    chat_id: int
    message_id: int
    method: str
    kind: str
    text: str | None
    parse_mode: str | None
    plain_text: str | None
    entities: list[JSONDict]
    message_thread_id: int | None
    reply_to_message_id: int | None
    disable_notification: bool
    protect_content: bool
    allow_paid_broadcast: bool
    reply_markup: JSONDict | None
    link_preview_options: JSONDict | None
    media_group_id: str | None
    file_id: str | None
    at: float
    json: JSONDict = field(repr=False)
    deleted: bool = False
    edits: list[Edit] = field(default_factory=list)
    editable: bool = True
    deletable: bool = True


@dataclass
class Fault:
    """A queued failure; see ``FakeTelegram.fail``.  ``remaining`` is None for "forever"."""

    kind: str
    methods: frozenset[str] | None
    chat_ids: frozenset[int] | None
    remaining: int | None
    params: JSONDict
    hits: int = 0
    tag: str | None = None

    def matches(self, method: str, chat_id: object) -> bool:
        if self.methods is None:
            if method == "getupdates":
                return False
        elif method not in self.methods:
            return False
        return self.chat_ids is None or chat_id in self.chat_ids
