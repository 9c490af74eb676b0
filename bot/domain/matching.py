"""Subscription filters and the matching of releases against them.

A chat's filters have five dimensions: topics, counties, organizations, keywords that must occur
(at least one) and keywords that must not occur (none). A dimension left empty does not restrict.
Keywords are compared on the folded search text (``bot.domain.text.fold``), whole word or whole
phrase, so «كرمانشاه» typed with an Arabic kaf, «می‌شود» with or without its half-space and a
phrase such as «آب و فاضلاب» all find what a reader would expect.

``select_chats`` is the hot path of a broadcast: it runs once per release over every subscription.
``CompiledFilters`` keeps the folded keywords ready, and a per-release ``_KeywordProbe`` answers
each distinct keyword once, so thousands of subscriptions cost a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from bot.domain.digits import fa
from bot.domain.text import fold
from bot.errors import InvalidInput
from bot.texts import (
    ALL_AGENCIES_LABEL,
    ALL_COUNTIES_LABEL,
    ALL_TOPICS_LABEL,
    FILTER_AGENCIES_LINE,
    FILTER_COUNTIES_LINE,
    FILTER_EXCLUDED_LINE,
    FILTER_KEYWORDS_LINE,
    FILTER_TOPICS_LINE,
    LIST_SEPARATOR,
    MSG_KEYWORD_TOO_LONG,
    MSG_UNBALANCED_QUOTE,
    NO_KEYWORD_LIMIT_LABEL,
    NONE_LABEL,
    PROVINCE_WIDE_LABEL,
    UNKNOWN_AGENCY_LABEL,
)

PROVINCE_WIDE = "province"
"""Pseudo county slug: releases that concern the whole province (no county)."""

KEYWORD_MAX_CHARS = 64


Key = TypeVar("Key", str, int)


@dataclass(frozen=True, slots=True)
class Filters:
    """A chat's subscription filters, as the user set them. Empty dimensions do not restrict."""

    topics: frozenset[str] = frozenset()
    counties: frozenset[str] = frozenset()  # county slugs; may contain PROVINCE_WIDE
    organizations: frozenset[int] = frozenset()
    include_keywords: tuple[str, ...] = ()  # as typed; at least one must occur
    exclude_keywords: tuple[str, ...] = ()  # as typed; none may occur

    @property
    def is_unrestricted(self) -> bool:
        """Whether every release matches (no dimension is set)."""
        return not (
            self.topics or self.counties or self.organizations or self.include_keywords or self.exclude_keywords
        )


@dataclass(frozen=True, slots=True)
class ReleaseFacts:
    """What matching needs to know about a release."""

    topics: frozenset[str]
    county: str | None  # None = province-wide
    organization_id: int
    search_text: str  # already folded


def _fold_keywords(keywords: Iterable[str]) -> tuple[str, ...]:
    """Folded, non-empty, distinct keywords; a keyword of punctuation only folds to nothing."""
    return tuple(dict.fromkeys(folded for folded in map(fold, keywords) if folded))


class _KeywordProbe:
    """Answers "does this folded keyword occur in the release?" once per distinct keyword.

    A one-word keyword is a set lookup in the release's words; a phrase is a substring search on
    the space-padded text, which is whole-phrase because the folded text is single-spaced.
    """

    __slots__ = ("_answers", "_padded_text", "_words")

    def __init__(self, search_text: str) -> None:
        self._padded_text = f" {search_text} "
        self._words = frozenset(search_text.split())
        self._answers: dict[str, bool] = {}

    def occurs(self, folded_keyword: str) -> bool:
        answer = self._answers.get(folded_keyword)
        if answer is None:
            if " " in folded_keyword:
                answer = f" {folded_keyword} " in self._padded_text
            else:
                answer = folded_keyword in self._words
            self._answers[folded_keyword] = answer
        return answer

    def any_occurs(self, folded_keywords: tuple[str, ...]) -> bool:
        return any(self.occurs(keyword) for keyword in folded_keywords)


class CompiledFilters:
    """``Filters`` prepared for matching many releases: keywords folded once, not per release."""

    __slots__ = ("counties", "exclude", "filters", "include", "organizations", "topics")

    def __init__(self, filters: Filters) -> None:
        self.filters = filters
        self.topics = filters.topics
        self.counties = filters.counties
        self.organizations = filters.organizations
        self.include = _fold_keywords(filters.include_keywords)
        self.exclude = _fold_keywords(filters.exclude_keywords)

    def matches(self, facts: ReleaseFacts) -> bool:
        """Whether a release with ``facts`` should reach a chat with these filters."""
        return self._matches(facts, _county_key(facts), _KeywordProbe(facts.search_text))

    def _matches(self, facts: ReleaseFacts, county_key: str, probe: _KeywordProbe) -> bool:
        # Cheapest checks first; keyword checks last and answered from the shared probe.
        if self.organizations and facts.organization_id not in self.organizations:
            return False
        if self.counties and county_key not in self.counties:
            return False
        if self.topics and self.topics.isdisjoint(facts.topics):
            return False
        if self.exclude and probe.any_occurs(self.exclude):
            return False
        return not self.include or probe.any_occurs(self.include)

    def __repr__(self) -> str:
        return f"CompiledFilters({self.filters!r})"


def _county_key(facts: ReleaseFacts) -> str:
    return facts.county if facts.county is not None else PROVINCE_WIDE


def matches(filters: Filters, facts: ReleaseFacts) -> bool:
    """Whether a release with ``facts`` should reach a chat with ``filters``.

    Topics match when the sets intersect; counties when the release's county is listed (a
    province-wide release only matches ``PROVINCE_WIDE``); organizations by id; at least one include
    keyword and no exclude keyword must occur, so an exclude wins over an include.
    """
    return CompiledFilters(filters).matches(facts)


def select_chats(subscriptions: Iterable[tuple[int, CompiledFilters]], facts: ReleaseFacts) -> list[int]:
    """Return, in order, the chat ids among ``subscriptions`` whose filters match ``facts``."""
    county_key = _county_key(facts)
    probe = _KeywordProbe(facts.search_text)
    return [chat_id for chat_id, compiled in subscriptions if compiled._matches(facts, county_key, probe)]


# --- keywords as typed -------------------------------------------------------------------------

_QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”"}
_SIGNS = {"+": True, "-": False, "−": False, "–": False}  # True: include
_OPENING_OR_CLOSING_QUOTE = re.compile('["«»“”]')
_LIST_PUNCTUATION = "،,;؛"


def _tokens(args: str) -> Iterable[tuple[bool, str]]:
    """Yield ``(is_include, keyword)`` from the typed arguments, in order."""
    position, length = 0, len(args)
    while position < length:
        if args[position].isspace():
            position += 1
            continue
        is_include = True
        if args[position] in _SIGNS:
            is_include = _SIGNS[args[position]]
            position += 1
            # «- تصادف» means the same as «-تصادف».
            while position < length and args[position].isspace():
                position += 1
            if position == length:
                return
        opening = args[position]
        if opening in _QUOTE_PAIRS:
            closing_at = args.find(_QUOTE_PAIRS[opening], position + 1)
            if closing_at < 0:
                raise InvalidInput(MSG_UNBALANCED_QUOTE)
            yield is_include, args[position + 1 : closing_at]
            position = closing_at + 1
            continue
        end = position
        while end < length and not args[end].isspace():
            end += 1
        # A list typed with commas («سد، تصادف») leaves them on the words; they are not part of it.
        word = args[position:end].strip(_LIST_PUNCTUATION)
        if _OPENING_OR_CLOSING_QUOTE.search(word):
            # A quote inside a bare word («سد"آب», «آب»): the pairs cannot be right.
            raise InvalidInput(MSG_UNBALANCED_QUOTE)
        yield is_include, word
        position = end


def parse_keywords(args: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Parse ``/keywords`` arguments into ``(include, exclude)`` keywords, each as typed.

    ``+word`` or a bare word is an include, ``-word`` an exclude; a phrase goes in "…" or «…».
    Empty keywords (and those of punctuation only) are ignored; duplicates, compared in folded
    form, are kept once. Raises ``ValueError`` with a Persian message on an unbalanced quote or a
    keyword longer than ``KEYWORD_MAX_CHARS`` characters.
    """
    include: dict[str, str] = {}
    exclude: dict[str, str] = {}
    for is_include, raw in _tokens(args):
        keyword = " ".join(raw.split())
        if len(keyword) > KEYWORD_MAX_CHARS:
            raise InvalidInput(MSG_KEYWORD_TOO_LONG.format(keyword=keyword[:20], limit=fa(KEYWORD_MAX_CHARS)))
        folded = fold(keyword)
        if folded:
            (include if is_include else exclude).setdefault(folded, keyword)
    return tuple(include.values()), tuple(exclude.values())


# --- describing filters ------------------------------------------------------------------------


def _labels_in_order(chosen: Iterable[Key], labels: Mapping[Key, str], unknown_label: Callable[[Key], str]) -> str:
    """Labels of ``chosen`` in the order of ``labels`` (the configured order), unknown ones last."""
    chosen_set = set(chosen)
    known = [label for key, label in labels.items() if key in chosen_set]
    unknown = [unknown_label(key) for key in sorted(chosen_set - labels.keys(), key=str)]
    return LIST_SEPARATOR.join(known + unknown)


def describe_filters(
    filters: Filters,
    *,
    topic_labels: Mapping[str, str],
    county_names: Mapping[str, str],
    org_names: Mapping[int, str],
) -> str:
    """Return the whole configuration as plain Persian lines, one per dimension.

    An unset dimension says in its own words that it lets everything through («همهٔ موضوع‌ها», «بدون
    محدودیت کلیدواژه»); an unset exclusion reads «ندارد». A slug or id unknown to the mappings is
    shown as such, so a stale filter is still visible.
    """
    counties = {PROVINCE_WIDE: PROVINCE_WIDE_LABEL, **county_names}
    topics_text = _labels_in_order(filters.topics, topic_labels, str)
    counties_text = _labels_in_order(filters.counties, counties, str)
    orgs_text = _labels_in_order(filters.organizations, org_names, _unknown_org_label)
    lines = [
        FILTER_TOPICS_LINE.format(value=topics_text or ALL_TOPICS_LABEL),
        FILTER_COUNTIES_LINE.format(value=counties_text or ALL_COUNTIES_LABEL),
        FILTER_AGENCIES_LINE.format(value=orgs_text or ALL_AGENCIES_LABEL),
        FILTER_KEYWORDS_LINE.format(value=_quoted(filters.include_keywords) or NO_KEYWORD_LIMIT_LABEL),
        FILTER_EXCLUDED_LINE.format(value=_quoted(filters.exclude_keywords) or NONE_LABEL),
    ]
    return "\n".join(lines)


def _unknown_org_label(org_id: int) -> str:
    return UNKNOWN_AGENCY_LABEL.format(id=fa(org_id))


def _quoted(keywords: tuple[str, ...]) -> str:
    return LIST_SEPARATOR.join(f"«{keyword}»" for keyword in keywords)
