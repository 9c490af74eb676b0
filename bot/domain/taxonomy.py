"""Admins' edits of the topic taxonomy, checked before they reach storage: pure, no I/O.

An admin types a topic as ``SLUG | label | keyword، keyword، …``. This module reads those pieces, derives
the hashtag from the label, and keeps the taxonomy's rules of ``bot/data/topics.toml`` (see
:func:`bot.domain.tagging.load_topics`): lower-case Latin slugs, a non-empty list of keywords, and a
keyword belongs to one topic only, compared by its folded spellings. Every refusal is a
:class:`TaxonomyError` whose message is the Persian reply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot import texts
from bot.domain.digits import fa
from bot.domain.tagging import Topic
from bot.domain.tagging.phrases import spellings
from bot.errors import InvalidInput

__all__ = [
    "KEYWORD_MAX_CHARS",
    "LABEL_MAX_CHARS",
    "MAX_KEYWORDS",
    "KeywordEdit",
    "KeywordSet",
    "TaxonomyError",
    "apply_keyword_edit",
    "check_label",
    "check_slug",
    "conflict_error",
    "derive_hashtag",
    "find_conflict",
    "parse_keyword_edit",
    "parse_keywords",
    "same_keyword",
]

# The topics table only accepts lower-case Latin letters and underscores (0001_initial.sql's CHECK),
# so digits are refused here rather than by SQLite. 32 characters keep the longest picker
# callback («jp:t:CHAT:THREAD:SLUG») within Telegram's 64 bytes.
_SLUG = re.compile(r"[a-z][a-z_]{1,31}\Z")
LABEL_MAX_CHARS = 48  # a label is a picker button: long ones are cut off on phones
KEYWORD_MAX_CHARS = 64
MAX_KEYWORDS = 200
STRONG_MARK = "*"
_ADD_MARKS = ("+",)
_REMOVE_MARKS = ("-", "−")  # ASCII hyphen-minus and the minus sign a Persian keyboard may give
_SEPARATORS = re.compile(r"[،,؛;\n]+")
# In a list of edits a space before + or - starts the next edit: «+پهپاد -کوادکوپتر».
_EDIT_SEPARATORS = re.compile(r"[،,؛;\n]+|\s+(?=[+\-−])")
_QUOTES = "«»\"'“”"
_PERSIAN_LETTER = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")
_HASHTAG_SEPARATORS = re.compile(r"[\s\u200c_]+")


class TaxonomyError(InvalidInput):
    """An admin's topic edit was refused; ``message`` is the Persian reply."""


def check_slug(text: str) -> str:
    """The slug as stored (typed upper case is accepted and lowered), or a :class:`TaxonomyError`."""
    slug = text.strip().lower()
    if not _SLUG.match(slug):
        raise TaxonomyError(texts.TOPIC_BAD_SLUG.format(slug=text.strip()))
    return slug


def derive_hashtag(label: str) -> str:
    """The hashtag of a label, without '#': words joined by '_', only letters kept («فرهنگ و هنر» → «فرهنگ_و_هنر»).

    Spaces and half-spaces become underscores as in ``bot/data/topics.toml``; digits and punctuation
    are dropped, since a hashtag there is letters and underscores only. "" when no letter is left.
    """
    pieces = ("".join(ch for ch in piece if ch.isalpha()) for piece in _HASHTAG_SEPARATORS.split(label))
    return "_".join(piece for piece in pieces if piece)


def check_label(label: str) -> str:
    """A label on one line with single spaces, Persian and not too long, or a :class:`TaxonomyError`."""
    cleaned = " ".join(label.split())
    if not cleaned:
        raise TaxonomyError(texts.TOPIC_EMPTY_LABEL)
    if len(cleaned) > LABEL_MAX_CHARS:
        raise TaxonomyError(texts.TOPIC_LABEL_TOO_LONG.format(limit=fa(LABEL_MAX_CHARS)))
    if not _PERSIAN_LETTER.search(cleaned) or not derive_hashtag(cleaned):
        raise TaxonomyError(texts.TOPIC_LABEL_NOT_PERSIAN.format(label=cleaned))
    return cleaned


def same_keyword(first: str, second: str) -> bool:
    """Whether two keywords are one for matching (they share a folded spelling)."""
    return not spellings(first).isdisjoint(spellings(second))


@dataclass(frozen=True, slots=True)
class KeywordSet:
    """A topic's keywords: ordinary ones (weight 1) and strong ones (weight 3), in the order given."""

    keywords: tuple[str, ...]
    strong: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many keywords, ordinary and strong."""
        return len(self.keywords) + len(self.strong)

    def all(self) -> tuple[str, ...]:
        """Strong keywords first, then ordinary ones."""
        return (*self.strong, *self.keywords)

    def find(self, keyword: str) -> str | None:
        """The listed keyword that matches like ``keyword``, or None."""
        return next((kw for kw in self.all() if same_keyword(kw, keyword)), None)

    def without(self, keyword: str) -> KeywordSet:
        """This set less every keyword that matches like ``keyword``."""
        return KeywordSet(
            tuple(kw for kw in self.keywords if not same_keyword(kw, keyword)),
            tuple(kw for kw in self.strong if not same_keyword(kw, keyword)),
        )

    def plus(self, keyword: str, *, strong: bool) -> KeywordSet:
        """This set with ``keyword`` added at the end of its list, or moved there from the other weight."""
        if any(same_keyword(kw, keyword) for kw in (self.strong if strong else self.keywords)):
            return self  # already listed with this weight: keep it where it is, as it was spelled
        rest = self.without(keyword)
        if strong:
            return KeywordSet(rest.keywords, (*rest.strong, keyword))
        return KeywordSet((*rest.keywords, keyword), rest.strong)


@dataclass(frozen=True, slots=True)
class _Item:
    keyword: str
    strong: bool


def _keyword(raw: str, normalize: Callable[[str], str]) -> _Item:
    """One typed keyword: quotes dropped, ``*`` marks it strong, then normalized and checked."""
    text = raw.strip().strip(_QUOTES).strip()
    strong = text.startswith(STRONG_MARK)
    text = " ".join(normalize(text.removeprefix(STRONG_MARK).strip().strip(_QUOTES)).split())
    if len(text) > KEYWORD_MAX_CHARS:
        raise TaxonomyError(texts.TOPIC_KEYWORD_TOO_LONG.format(keyword=text, limit=fa(KEYWORD_MAX_CHARS)))
    if not spellings(text):
        raise TaxonomyError(texts.TOPIC_KEYWORD_NOT_WORD.format(keyword=raw.strip()))
    return _Item(text, strong)


def _identity(text: str) -> str:
    return text


def _checked(keywords: KeywordSet) -> KeywordSet:
    if keywords.count == 0:
        raise TaxonomyError(texts.TOPIC_NO_KEYWORDS)
    if keywords.count > MAX_KEYWORDS:
        raise TaxonomyError(texts.TOPIC_TOO_MANY_KEYWORDS.format(limit=fa(MAX_KEYWORDS)))
    return keywords


def parse_keywords(text: str, normalize: Callable[[str], str] = _identity) -> KeywordSet:
    """A typed keyword list (Persian or Latin commas between keywords; ``*`` before a strong one).

    A keyword listed twice (in any spelling that folds alike) is kept once: where it came first, or
    with the later weight when the two differ. ``normalize`` turns each keyword into display Persian
    (the pipeline's normalizer).
    """
    keywords = KeywordSet(())
    for piece in _SEPARATORS.split(text):
        if piece.strip().strip(_QUOTES).strip():
            item = _keyword(piece, normalize)
            keywords = keywords.plus(item.keyword, strong=item.strong)
    return _checked(keywords)


@dataclass(frozen=True, slots=True)
class KeywordEdit:
    """What ``/topickeywords`` asked for: a whole new list, or keywords to add and to remove."""

    replace: KeywordSet | None = None
    add: tuple[tuple[str, bool], ...] = ()  # (keyword, strong)
    remove: tuple[str, ...] = ()


def parse_keyword_edit(text: str, normalize: Callable[[str], str] = _identity) -> KeywordEdit:
    """``kw، kw`` replaces the list; ``+kw، -kw`` (or ``+kw -kw``) adds and removes; mixing both is refused."""
    stripped = text.strip()
    if not stripped.startswith((*_ADD_MARKS, *_REMOVE_MARKS)):
        if any(piece.strip().startswith((*_ADD_MARKS, *_REMOVE_MARKS)) for piece in _SEPARATORS.split(stripped)):
            raise TaxonomyError(texts.TOPICKEYWORDS_MIXED)
        return KeywordEdit(replace=parse_keywords(stripped, normalize))
    add: list[tuple[str, bool]] = []
    remove: list[str] = []
    for raw in _EDIT_SEPARATORS.split(stripped):
        piece = raw.strip()
        if not piece:
            continue
        if piece.startswith(_ADD_MARKS):
            item = _keyword(piece[1:], normalize)
            add.append((item.keyword, item.strong))
        elif piece.startswith(_REMOVE_MARKS):
            remove.append(_keyword(piece[1:].removeprefix(STRONG_MARK), normalize).keyword)
        else:
            raise TaxonomyError(texts.TOPICKEYWORDS_MIXED)
    return KeywordEdit(add=tuple(add), remove=tuple(remove))


def apply_keyword_edit(current: KeywordSet, edit: KeywordEdit, slug: str) -> KeywordSet:
    """The keyword set after ``edit``; removing a keyword the topic lacks, or every keyword, is refused."""
    if edit.replace is not None:
        return edit.replace
    result = current
    for keyword in edit.remove:
        if result.find(keyword) is None:
            raise TaxonomyError(texts.TOPICKEYWORDS_NOT_FOUND.format(keyword=keyword, slug=slug))
        result = result.without(keyword)
    for keyword, strong in edit.add:
        result = result.plus(keyword, strong=strong)
    if result.count == 0:
        raise TaxonomyError(texts.TOPICKEYWORDS_WOULD_EMPTY.format(slug=slug))
    return _checked(result)


def find_conflict(keywords: KeywordSet, others: Iterable[Topic]) -> tuple[str, Topic] | None:
    """The first keyword that another topic already lists (in a spelling that folds alike), with that topic.

    ``bot/data/topics.toml`` allows a keyword in one topic only: one listed twice would score for both.
    """
    owners: dict[str, Topic] = {}
    for topic in others:
        for keyword in (*topic.strong_keywords, *topic.keywords):
            for spelling in spellings(keyword):
                owners.setdefault(spelling, topic)
    for keyword in keywords.all():
        for spelling in spellings(keyword):
            if spelling in owners:
                return keyword, owners[spelling]
    return None


def conflict_error(conflict: tuple[str, Topic]) -> TaxonomyError:
    """The refusal for a keyword another topic already lists."""
    keyword, owner = conflict
    return TaxonomyError(texts.TOPIC_KEYWORD_CONFLICT.format(keyword=keyword, label=owner.label, slug=owner.slug))
