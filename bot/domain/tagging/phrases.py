"""Phrase matching on folded text: a trie of folded words, longest phrase first, with plural and ezafe forms."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Generic, TypeVar

from bot.domain.tagging.headline import split_title
from bot.domain.text import fold

ZWNJ = "\u200c"


T = TypeVar("T")

# Suffixes writers attach to the last word of a phrase; matching them spares every keyword list
# its plural, ezafe and possessive forms. Folding has already joined a suffix typed after a space
# («گلخانه ها» → «گلخانهها»); one typed after a half-space that folding keeps apart («مدرسه‌اش»)
# is a word of its own and needs no form here. The rules, on the last word W of a phrase:
#
# - plural «ها، های، هایی» and plural with a possessive «هایش، هایشان» after any W;
# - after a long vowel (ا، و): ezafe or indefinite «ی» (روستای، دانشجوی), adjective «یی»
#   (روستایی) and animate plural «یان، ییان» (دانشجویان، روستاییان);
# - after a silent «ه»: «ی، ای» (گلخانه‌ای), and for longer words «ه» → «گان» (نماینده →
#   نمایندگان) and «ه» → «ات» (مسابقه → مسابقات, مصوبه → مصوبات);
# - after another consonant, for words of three letters or more: adjective or indefinite «ی»
#   (بانک → بانکی، بیمارستان → بیمارستانی) and possessive «ش، شان» (بیمارستانش);
#   for longer words also the plurals «ان» (کشاورزان) and «ات» (اعتبار → اعتبارات).
#
# Short words grow into unrelated words too easily (آب → آبان, the month; سد → سدی), hence the
# length limits; and a form that is itself a keyword of another topic («کشتی», wrestling, is not
# «کشت» + «ی») loses to that keyword (see topics._topic_index).
_PLURAL_SUFFIXES = ("ها", "های", "هایی", "هایش", "هایشان")
# Generated forms that are other, common words: «ارزش» (value) is not «ارز» (currency) + «ش»,
# «سیلی» (a slap) not «سیل» + «ی», «مرتعش» (trembling) not «مرتع» + «ش». Listed as folded words
# (the last word of a phrase); a keyword written out in the taxonomy is never affected.
_FALSE_FRIENDS = frozenset(fold(word) for word in ("ارزش", "سیلی", "مرتعش"))
_SHORT_WORD_LETTERS = 3
_ANIMATE_PLURAL_MIN_LETTERS = 4


@functools.lru_cache(maxsize=16384)
def spellings(phrase: str) -> frozenset[str]:
    """The folded forms of a phrase as written: a half-space may be typed as nothing or a space.

    Remembered: every start of the bot (and every edit of the topics) indexes the same few thousand
    taxonomy and gazetteer phrases again.
    """
    return frozenset(form for form in (fold(phrase), fold(phrase.replace(ZWNJ, ""))) if form)


def _inflections(folded: str) -> set[str]:
    """Plural, ezafe, adjective and possessive forms of a folded phrase's last word (see the rules above)."""
    head, _, last = folded.rpartition(" ")
    forms = {last + suffix for suffix in _PLURAL_SUFFIXES}
    long_word = len(last) >= _ANIMATE_PLURAL_MIN_LETTERS
    if last.endswith(("ا", "و")):
        forms.update({last + "ی", last + "یی", last + "یان", last + "ییان"})
    elif last.endswith("ه"):
        forms.update({last + "ی", last + "ای"})
        if long_word:
            forms.update({last[:-1] + "گان", last[:-1] + "ات"})
    elif last.endswith("ی"):
        forms.add(last + "ای")  # indefinite after «ی»: کشاورزی‌ای
    elif len(last) >= _SHORT_WORD_LETTERS:
        forms.update({last + "ی", last + "ش", last + "شان"})
        if long_word:
            forms.update({last + "ان", last + "ات"})
    return {f"{head} {form}" if head else form for form in forms - _FALSE_FRIENDS}


class _TrieNode(Generic[T]):
    """One word of a phrase trie: the phrases continuing with each next word, and the payload of
    the phrase that ends here (None if none does)."""

    __slots__ = ("children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode[T]] = {}
        self.payload: T | None = None


class _PhraseIndex(Generic[T]):
    """Folded phrases (as word tuples) mapped to payloads, scanned longest-match-first.

    A word trie: each position costs one dictionary look-up unless a phrase starts there, and a
    candidate is abandoned at the first word that continues no phrase.
    """

    __slots__ = ("_root",)

    def __init__(self, entries: Mapping[tuple[str, ...], T]) -> None:
        self._root: _TrieNode[T] = _TrieNode()
        for words, payload in entries.items():
            node = self._root
            for word in words:
                node = node.children.setdefault(word, _TrieNode())
            node.payload = payload

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, T]]:
        """Yield ``(start, length, payload)`` for each phrase found, left to right, consuming words."""
        count = len(words)
        starts = self._root.children
        position = 0
        while position < count:
            node = starts.get(words[position])
            if node is None:  # most words start no phrase: skip them cheaply
                position += 1
                continue
            found, found_end = node.payload, position + 1
            end = position + 1
            while end < count:
                next_node = node.children.get(words[end])
                if next_node is None:
                    break
                node = next_node
                end += 1
                if node.payload is not None:
                    found, found_end = node.payload, end
            if found is None:
                position += 1
            else:
                yield position, found_end - position, found
                position = found_end


@lru_cache(maxsize=64)
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, cached: topics and county are tagged from the same text."""
    return tuple(fold(text).split())


def _strip_title(text: str, title: str) -> str:
    """``text`` without a leading copy of ``title``, so the title is not counted twice."""
    stripped = text.lstrip()
    if title and stripped.startswith(title):
        return stripped[len(title) :]
    return text


def _title_and_body(text: str, title: str | None) -> tuple[str, str]:
    if title is None:
        return split_title(text)
    return title, _strip_title(text, title)
