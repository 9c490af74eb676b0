"""Release → Telegram HTML message parts within Telegram's limits.

A release is laid out as

    ✏️ اصلاحیه                      (only for a corrected version)
    <b>title</b>
    agency · county · Jalali date and time

    body paragraphs …

    #topic #topic #county
    شناسه خبر: /release_123

and cut into parts when it does not fit in one message: the first part carries the header, the
last the footer, and every other part ends with «(ادامه)». Lengths are measured in UTF-16 code
units of the HTML produced, which is conservative because Telegram counts the text after parsing
the entities (``<b>`` and ``&amp;`` count as nothing and one). Splitting works on the plain text and
escapes afterwards, so a cut can never fall inside a tag or an entity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.jalali import format_datetime
from bot.texts import (
    CONTINUED_MARK,
    CORRECTION_MARK,
    META_SEPARATOR,
    PROVINCE_WIDE_LABEL,
    RELEASE_ID_LABEL,
    RELEASE_ID_LINE,
)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


ELLIPSIS = "…"

TITLE_MAX_CHARS = 300
# Budgets (in UTF-16 units of escaped HTML) for names in the meta line. They keep the header small
# enough that a caption always has room for it, whatever an organization calls itself.
ORG_NAME_MAX_UNITS = 200
COUNTY_NAME_MAX_UNITS = 100
HASHTAG_MAX_CHARS = 64
MAX_HASHTAGS = 10

PARAGRAPH_BREAK = "\n\n"

MediaKind = Literal["none", "photo", "video", "document", "album"]
PartKind = Literal["text", "photo", "video", "document", "album"]


@dataclass(frozen=True, slots=True)
class ReleaseView:
    """What a reader sees of a release; every string is user-provided plain text, not HTML."""

    release_id: int  # 0 for a text not stored yet (an offline preview): no id line is shown
    title: str
    body: str  # display text; paragraphs separated by blank lines
    org_name: str
    county_name: str | None  # None = province-wide, shown as «استانی»
    topic_hashtags: tuple[str, ...]  # labels without '#'
    county_hashtag: str | None
    published_at: datetime  # aware
    media_kind: MediaKind = "none"
    version: int = 1  # > 1: a correction, marked at the top


@dataclass(frozen=True, slots=True)
class MessagePart:
    """One Telegram message: text, or a media item whose caption is ``html`` (possibly empty)."""

    kind: PartKind
    html: str


# --- measuring and escaping --------------------------------------------------------------------

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE_PATTERN = re.compile("[&<>]")


def escape(text: str) -> str:
    """Escape plain text for Telegram HTML: only ``&``, ``<`` and ``>`` need it there."""
    return _ESCAPE_PATTERN.sub(lambda match: _ESCAPES[match[0]], text)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits (an emoji outside the BMP is 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _char_cost(char: str) -> int:
    """UTF-16 units that one plain character occupies once escaped."""
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return len(escaped)
    return 2 if ord(char) > 0xFFFF else 1


def escaped_length(text: str) -> int:
    """UTF-16 length of ``escape(text)``, without building it."""
    return utf16_length(text) + 4 * text.count("&") + 3 * (text.count("<") + text.count(">"))


def _longest_fitting_prefix(text: str, budget: int) -> int:
    """Number of characters of ``text`` whose escaped form fits in ``budget`` units."""
    used = 0
    for index, char in enumerate(text):
        used += _char_cost(char)
        if used > budget:
            return index
    return len(text)


# --- splitting plain text ----------------------------------------------------------------------

# Places to cut; the last group that took part in a match ends where the head of a cut ends.
_PARAGRAPH_END = re.compile(r"(\S)\n\s*\n")
_SENTENCE_END = re.compile(r"([.!?؟…]+[\"'»”)\]]*)\s|(\S)\n")
_WORD_END = re.compile(r"(\S)\s")
# In order of preference: "half" means only in the second half of the window.
_BOUNDARY_PREFERENCE: tuple[tuple[re.Pattern[str], Literal["half", "any"]], ...] = (
    (_PARAGRAPH_END, "half"),
    (_SENTENCE_END, "half"),
    (_PARAGRAPH_END, "any"),
    (_SENTENCE_END, "any"),
    (_WORD_END, "any"),
)
# Zero-width joiner and the text/emoji variation selectors glue to the character before them.
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


def _belongs_to_previous(previous: str, char: str) -> bool:
    """Whether a hard cut between ``previous`` and ``char`` would tear a visible character apart."""
    return (
        unicodedata.category(char).startswith("M")
        or char in _JOINERS
        or previous == "\u200d"
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin-tone modifiers
        or ("\U0001f1e6" <= previous <= "\U0001f1ff" and "\U0001f1e6" <= char <= "\U0001f1ff")
    )


def _last_boundary(pattern: re.Pattern[str], window: str, minimum: int) -> int | None:
    """End offset of the last boundary of ``pattern`` in ``window`` that leaves at least ``minimum``."""
    best = None
    for match in pattern.finditer(window):
        end = match.end(match.lastindex or 1)
        if end >= minimum:
            best = end
    return best


# A part must be able to take the most expensive character, «&» → «&amp;», or it could make no progress.
_MIN_BUDGET = len("&amp;")


def _cut(text: str, budget: int) -> tuple[str, str]:
    """Split ``text`` into a head whose escaped form fits ``budget`` and the rest.

    The head ends at the last paragraph end in the window, else the last sentence end, and only as
    a last resort at a word end. Paragraph and sentence ends are first looked for in the second
    half of the window, so that an early break does not produce a near-empty part. A single word
    longer than the budget is cut where the budget ends, between code points and never between a
    character and the marks or joiners that belong to it. ``text`` must start with a non-space and
    ``budget`` be at least ``_MIN_BUDGET``, so the head is never empty.
    """
    fitting = _longest_fitting_prefix(text, budget)
    if fitting == len(text):
        return text, ""
    # One character of look-ahead lets a boundary that ends exactly at the budget be seen.
    window = text[: fitting + 1]
    half = fitting // 2
    for pattern, minimum in _BOUNDARY_PREFERENCE:
        end = _last_boundary(pattern, window, half if minimum == "half" else 1)
        if end is not None:
            return text[:end].rstrip(), text[end:].lstrip()
    end = fitting
    while end > 1 and _belongs_to_previous(text[end - 1], text[end]):
        end -= 1
    return text[:end], text[end:].lstrip()


def split_plain(text: str, limit: int) -> list[str]:
    """Split plain ``text`` into chunks whose escaped HTML is at most ``limit`` UTF-16 units each.

    Cuts prefer paragraph ends, then sentence ends, then word ends; the whitespace at a cut is
    dropped, nothing else is. Empty text gives no chunks.
    """
    if limit < _MIN_BUDGET:
        raise ValueError(f"limit must be at least {_MIN_BUDGET} UTF-16 units")
    chunks: list[str] = []
    rest = text.strip()
    while rest:
        head, rest = _cut(rest, limit)
        chunks.append(head)
    return chunks


def _join_blocks(*blocks: str) -> str:
    return PARAGRAPH_BREAK.join(block for block in blocks if block)


def _layout(header: str, body: str, footer: str, limit: int) -> list[str]:
    """Lay the escaped body out between ``header`` (first part) and ``footer`` (last part)."""
    parts: list[str] = []
    rest = body
    current_header = header
    while True:
        # Adding a non-empty chunk also adds one paragraph break before the next block.
        final_budget = limit - utf16_length(_join_blocks(current_header, footer)) - len(PARAGRAPH_BREAK)
        rest_length = escaped_length(rest)
        if rest_length <= final_budget:
            parts.append(_join_blocks(current_header, escape(rest), footer))
            return parts
        continued_budget = limit - utf16_length(_join_blocks(current_header, CONTINUED_MARK)) - len(PARAGRAPH_BREAK)
        # When the rest would fit a continued part but not a final one (the footer is bigger than
        # the mark), cut it to the final budget so the last part still has some of the body.
        budget = continued_budget if rest_length > continued_budget else final_budget
        if budget < _MIN_BUDGET:
            raise ValueError("header and footer leave no room for the body")
        head, rest = _cut(rest, budget)
        parts.append(_join_blocks(current_header, escape(head), CONTINUED_MARK))
        current_header = ""


# --- the pieces of a release -------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")


def tidy_body(body: str) -> str:
    """Return the body with Windows newlines unified, runs of blank lines reduced to one, and no
    whitespace at line ends or around the whole text."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = _TRAILING_SPACE.sub("\n", body)
    return _BLANK_LINES.sub(PARAGRAPH_BREAK, body).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, max_units: int) -> str:
    """Return ``text`` if its escaped form fits ``max_units``, else its longest fitting prefix + «…»."""
    if escaped_length(text) <= max_units:
        return text
    keep = _longest_fitting_prefix(text, max_units - len(ELLIPSIS))
    return text[:keep].rstrip() + ELLIPSIS


def cut_at_word(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit`` characters without the word
    they cut into, with «…» (never a word cut in two; a first word longer than ``limit`` is cut as a last resort)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    inside_a_word = not text[limit].isspace() and not head[-1].isspace()
    if inside_a_word and " " in head.strip():
        head = head.rsplit(maxsplit=1)[0]
    return head.rstrip(" ،,؛:-—") + ELLIPSIS


_HASHTAG_SEPARATORS = re.compile(r"[\s\u200c_]+")
_NOT_HASHTAG_CHAR = re.compile(r"[^\w]")


def hashtag(word: str) -> str:
    """Return ``word`` as a Telegram hashtag, e.g. «آب و فاضلاب» → «#آب_و_فاضلاب».

    Spaces and ZWNJ become underscores; other punctuation is dropped. A label with no letter in it
    gives "" (Telegram does not link a hashtag made of digits only).
    """
    words = (_NOT_HASHTAG_CHAR.sub("", piece) for piece in _HASHTAG_SEPARATORS.split(word))
    body = "_".join(piece for piece in words if piece)[:HASHTAG_MAX_CHARS].strip("_")
    if not any(char.isalpha() for char in body):
        return ""
    return f"#{body}"


def _title_text(view: ReleaseView) -> str:
    title = _one_line(view.title)
    if len(title) > TITLE_MAX_CHARS:
        title = title[:TITLE_MAX_CHARS].rstrip() + ELLIPSIS
    return title


def _header(view: ReleaseView, tz: ZoneInfo, title: str) -> str:
    county = view.county_name if view.county_name is not None else PROVINCE_WIDE_LABEL
    meta = META_SEPARATOR.join(
        (
            escape(shorten(_one_line(view.org_name), ORG_NAME_MAX_UNITS)),
            escape(shorten(_one_line(county), COUNTY_NAME_MAX_UNITS)),
            format_datetime(view.published_at, tz),
        )
    )
    lines = [CORRECTION_MARK] if view.version > 1 else []
    if title:
        lines.append(f"<b>{escape(title)}</b>")
    lines.append(meta)
    return "\n".join(lines)


def _footer(view: ReleaseView) -> str:
    labels = [*view.topic_hashtags]
    if view.county_hashtag:
        labels.append(view.county_hashtag)
    tags = list(dict.fromkeys(tag for tag in map(hashtag, labels) if tag))[:MAX_HASHTAGS]
    lines = [" ".join(tags)] if tags else []
    if view.release_id > 0:
        lines.append(RELEASE_ID_LINE.format(label=RELEASE_ID_LABEL, id=view.release_id))
    return "\n".join(lines)


def render_release(view: ReleaseView, tz: ZoneInfo) -> list[MessagePart]:
    """Render a release as the messages a journalist receives, in order.

    Text releases become one or more text parts. A media release carries the whole text as its
    caption when it fits in ``CAPTION_LIMIT``; otherwise the caption is the header (title and meta
    line) and the body and footer follow as text parts. Every part is within its limit.
    """
    body = tidy_body(view.body)
    title = _title_text(view)
    header = _header(view, tz, title)
    footer = _footer(view)
    if view.media_kind == "none":
        return [MessagePart("text", html) for html in _layout(header, body, footer, TEXT_LIMIT)]
    whole = _join_blocks(header, escape(body), footer)
    if utf16_length(whole) <= CAPTION_LIMIT:
        return [MessagePart(view.media_kind, whole)]
    excess = utf16_length(header) - CAPTION_LIMIT
    if excess > 0:
        # Escaping can make even a 300-character title too long for a caption; the names in the
        # meta line have their own small bounds, so shortening the title always suffices.
        header = _header(view, tz, shorten(title, escaped_length(title) - excess))
    rest = _layout("", body, footer, TEXT_LIMIT)
    return [MessagePart(view.media_kind, header), *(MessagePart("text", html) for html in rest)]
