"""Typed callback data: every inline button's payload is packed, matched and parsed here, and only here.

Each kind is a frozen dataclass with ``pack()`` (the string Telegram stores under the button, at most
64 bytes), ``PATTERN`` (what the CallbackQueryHandler routes on) and ``parse()`` (None for anything
malformed, such as an id outside SQLite's integer range, so a forged button is treated as stale).
The packed forms are the ones earlier versions used, so buttons already in chats keep working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from bot.telegram.args import in_id_range


def _match(pattern: str, data: str | None) -> tuple[str, ...] | None:
    found = re.fullmatch(pattern.strip("^$"), data or "")
    return found.groups() if found else None


def _int(text: str) -> int | None:
    value = int(text)
    return value if in_id_range(value) else None


@dataclass(frozen=True, slots=True)
class DraftAction:
    """A button under a draft's preview: publish (pub; pubc: despite a near-duplicate; pube: before the embargo,
    confirmed), cancel, schedule for the embargo's end (emb), pickers, replace, back."""

    PATTERN: ClassVar[str] = r"^(pub|pubc|pube|cancel|emb|sch|tp|ct|rep|back):(\d+)$"
    action: str
    release_id: int

    def pack(self) -> str:
        """``action:release_id``."""
        return f"{self.action}:{self.release_id}"

    @classmethod
    def parse(cls, data: str | None) -> DraftAction | None:
        """The button's action and release, or None."""
        groups = _match(cls.PATTERN, data)
        release_id = _int(groups[1]) if groups else None
        return cls(groups[0], release_id) if groups and release_id is not None else None


@dataclass(frozen=True, slots=True)
class DeskAnswer:
    """An officer's answer to a question the desk asked (stored as ``desk_requests`` row ``request_id``):
    yes (y), no (n), or another text (r: a correction's preview, the officer writes it again)."""

    PATTERN: ClassVar[str] = r"^dk:(\d+):([ynr])$"
    request_id: int
    answer: str

    def pack(self) -> str:
        """``dk:request_id:y|n|r``."""
        return f"dk:{self.request_id}:{self.answer}"

    @classmethod
    def parse(cls, data: str | None) -> DeskAnswer | None:
        """The question and the answer, or None."""
        groups = _match(cls.PATTERN, data)
        request_id = _int(groups[0]) if groups else None
        return cls(request_id, groups[1]) if groups and request_id is not None else None


@dataclass(frozen=True, slots=True)
class ScheduleYear:
    """The answer to «منظورتان ۷ آذر ۱۴۰۶ است؟» under /schedule: schedule release ``release_id`` for ``minute``
    (minutes since the epoch, UTC) (y), or leave it as it is (n). The moment travels in the button, so
    nothing waits in the database and a restart loses nothing."""

    PATTERN: ClassVar[str] = r"^sy:(\d+):(\d{1,12}):([yn])$"
    release_id: int
    minute: int
    answer: str

    def pack(self) -> str:
        """``sy:release_id:minute:y|n``."""
        return f"sy:{self.release_id}:{self.minute}:{self.answer}"

    @classmethod
    def parse(cls, data: str | None) -> ScheduleYear | None:
        """The release, the moment and the answer, or None."""
        groups = _match(cls.PATTERN, data)
        release_id = _int(groups[0]) if groups else None
        return cls(release_id, int(groups[1]), groups[2]) if groups and release_id is not None else None


@dataclass(frozen=True, slots=True)
class DraftPick:
    """A choice inside a draft's picker: toggle a topic (tt), set the county (cs), a quick time (sq)."""

    PATTERN: ClassVar[str] = r"^(tt|cs|sq):(\d+):([\w+-]+)$"
    action: str
    release_id: int
    value: str

    def pack(self) -> str:
        """``action:release_id:value``."""
        return f"{self.action}:{self.release_id}:{self.value}"

    @classmethod
    def parse(cls, data: str | None) -> DraftPick | None:
        """The choice, or None."""
        groups = _match(cls.PATTERN, data)
        release_id = _int(groups[1]) if groups else None
        return cls(groups[0], release_id, groups[2]) if groups and release_id is not None else None


@dataclass(frozen=True, slots=True)
class Decision:
    """A button under a release awaiting approval: read it in full (see), approve (apr) or reject (rej)."""

    PATTERN: ClassVar[str] = r"^(apr|rej|see):(\d+)$"
    action: str
    release_id: int

    def pack(self) -> str:
        """``see:ID``, ``apr:ID`` or ``rej:ID``."""
        return f"{self.action}:{self.release_id}"

    @classmethod
    def parse(cls, data: str | None) -> Decision | None:
        """The decision, or None."""
        groups = _match(cls.PATTERN, data)
        release_id = _int(groups[1]) if groups else None
        return cls(groups[0], release_id) if groups and release_id is not None else None


@dataclass(frozen=True, slots=True)
class FilterPick:
    """A key pressed in a journalist's picker: ``kind`` t (topics), c (counties) or o (onboarding topics).

    The picker's state is its own buttons, so the chat (and forum thread) it configures travels with it;
    ``key`` is a slug, ``*`` (everything) or ``!`` (confirm).
    """

    PATTERN: ClassVar[str] = r"^jp:([tco]):(-?\d+):(\d+):([\w*!-]+)$"
    ALL: ClassVar[str] = "*"
    CONFIRM: ClassVar[str] = "!"
    kind: str
    chat_id: int
    thread_id: int
    key: str

    def pack(self) -> str:
        """``jp:kind:chat:thread:key``."""
        return f"jp:{self.kind}:{self.chat_id}:{self.thread_id}:{self.key}"

    @classmethod
    def parse(cls, data: str | None) -> FilterPick | None:
        """The pressed key and the place it configures, or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        chat_id, thread_id = _int(groups[1]), _int(groups[2])
        if chat_id is None or thread_id is None:
            return None
        return cls(groups[0], chat_id, thread_id, groups[3])


@dataclass(frozen=True, slots=True)
class StopAnswer:
    """The yes (y) or no (n) button under «/stop»'s question, for one place."""

    PATTERN: ClassVar[str] = r"^js:(-?\d+):(\d+):([yn])$"
    chat_id: int
    thread_id: int
    answer: str

    def pack(self) -> str:
        """``js:chat:thread:y|n``."""
        return f"js:{self.chat_id}:{self.thread_id}:{self.answer}"

    @classmethod
    def parse(cls, data: str | None) -> StopAnswer | None:
        """The answer and its place, or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        chat_id, thread_id = _int(groups[0]), _int(groups[1])
        if chat_id is None or thread_id is None:
            return None
        return cls(chat_id, thread_id, groups[2])


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A paging button under a search listing: the saved search and the page to show."""

    PATTERN: ClassVar[str] = r"^srch:(\d+):(\d+)$"
    search_id: int
    page: int

    def pack(self) -> str:
        """``srch:search_id:page``."""
        return f"srch:{self.search_id}:{self.page}"

    @classmethod
    def parse(cls, data: str | None) -> SearchPage | None:
        """The search and page, or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        search_id, page = _int(groups[0]), _int(groups[1])
        return cls(search_id, page) if search_id is not None and page is not None else None


@dataclass(frozen=True, slots=True)
class QuestionAction:
    """A button under a question's notice or thread.

    Officers: ``claim`` («پاسخ می‌دهم»), ``answer``, ``forward``, ``decline``; journalists: ``followup``
    and ``close`` (which asks first: ``closeok`` closes, ``keep`` leaves it open); anyone allowed to see
    the thread: ``thread``.
    """

    PATTERN: ClassVar[str] = r"^q:(claim|answer|forward|decline|followup|close|closeok|keep|thread):(\d+)$"
    action: str
    question_id: int

    def pack(self) -> str:
        """``q:action:question_id``."""
        return f"q:{self.action}:{self.question_id}"

    @classmethod
    def parse(cls, data: str | None) -> QuestionAction | None:
        """The action and question, or None."""
        groups = _match(cls.PATTERN, data)
        question_id = _int(groups[1]) if groups else None
        return cls(groups[0], question_id) if groups and question_id is not None else None


@dataclass(frozen=True, slots=True)
class AskAgency:
    """«❓ پرسش از این دستگاه» under a delivered release (``release_id``), or an agency in /ask's picker (0)."""

    PATTERN: ClassVar[str] = r"^qa:(\d+):(\d+)$"
    organization_id: int
    release_id: int

    def pack(self) -> str:
        """``qa:organization_id:release_id``."""
        return f"qa:{self.organization_id}:{self.release_id}"

    @classmethod
    def parse(cls, data: str | None) -> AskAgency | None:
        """The agency and the release (0: none), or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        organization_id, release_id = _int(groups[0]), _int(groups[1])
        if organization_id is None or release_id is None:
            return None
        return cls(organization_id, release_id)


@dataclass(frozen=True, slots=True)
class ForwardTo:
    """An agency chosen in the forward picker of a question."""

    PATTERN: ClassVar[str] = r"^qf:(\d+):(\d+)$"
    question_id: int
    organization_id: int

    def pack(self) -> str:
        """``qf:question_id:organization_id``."""
        return f"qf:{self.question_id}:{self.organization_id}"

    @classmethod
    def parse(cls, data: str | None) -> ForwardTo | None:
        """The question and the agency, or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        question_id, organization_id = _int(groups[0]), _int(groups[1])
        if question_id is None or organization_id is None:
            return None
        return cls(question_id, organization_id)


@dataclass(frozen=True, slots=True)
class AgencyPage:
    """Another page of an agency picker: /ask's (``question_id`` 0) or the forward picker of a question."""

    PATTERN: ClassVar[str] = r"^qp:(\d+):(\d+)$"
    question_id: int
    page: int

    def pack(self) -> str:
        """``qp:question_id:page``."""
        return f"qp:{self.question_id}:{self.page}"

    @classmethod
    def parse(cls, data: str | None) -> AgencyPage | None:
        """The picker and the page, or None."""
        groups = _match(cls.PATTERN, data)
        if groups is None:
            return None
        question_id, page = _int(groups[0]), _int(groups[1])
        return cls(question_id, page) if question_id is not None and page is not None else None
