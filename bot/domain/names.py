"""Names typed after a command: which topics, counties or agencies a user means, as people type them.

A user types slugs («sports»), ids («۱۲») or Persian names and labels, several at once, separated by
commas («،» or «,»), by «و», or by nothing but a space: «ایوان دره‌شهر», «سیاسی و حکمرانی، ورزش».
Everything is compared folded (``bot.domain.text.fold``: Arabic letters, diacritics, digits, case),
and with the spaces inside a name ignored, so a half-space typed, left out or typed as a space
(«دره‌شهر», «دره شهر», «درهشهر») is the same name.

Words are read left to right; at each word the longest run of words that is a whole name, slug or id
wins («سیاسی و حکمرانی» is one label although «و» also separates names). Failing that, the longest run
that is a part of names (whole words, in order) names the one option that has it («روابط عمومی» is
«روابط عمومی و رسانه»; a plural word of a name also by its singular, «کتابخانه» for «کتابخانه‌های عمومی»),
or is *ambiguous* when several have it («آموزش و پرورش»). A word that starts
nothing is *unknown*; neighbouring unknown words are reported together, as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.text import fold

_SEPARATORS = re.compile(r"[،,؛;\n]")
_CONNECTORS = frozenset({"و", "and", "&"})
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a typed text names: ``keys`` in the order typed (each once), the pieces that name nothing
    (as typed), and the pieces that name several options, each with the keys it could mean."""

    keys: tuple[str, ...]
    unknown: tuple[str, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def clean(self) -> bool:
        """Every piece named exactly one option."""
        return not self.unknown and not self.ambiguous


def _compact(text: str) -> str:
    """The folded form without spaces; a number without its leading zeros."""
    folded = fold(text).replace(" ", "")
    return str(int(folded)) if _DIGITS.fullmatch(folded) else folded


class _Index:
    """The options' whole names and their parts, in compact folded form."""

    def __init__(self, options: Iterable[tuple[str, str]]) -> None:
        self.order: dict[str, int] = {}
        self.whole: dict[str, list[str]] = {}
        self.parts: dict[str, list[str]] = {}
        self.widest = 1  # the most words a name has: no longer run of typed words can name anything
        for key, name in options:
            self.order.setdefault(key, len(self.order))
            for form in {_compact(key), _compact(name)}:
                self._add(self.whole, form, key)
            words = fold(name).split()
            self.widest = max(self.widest, len(words), len(fold(key).split()))
            for start in range(len(words)):
                for end in range(start + 1, len(words) + 1):
                    run = words[start:end]
                    if not all(word in _CONNECTORS for word in run):
                        self._add(self.parts, "".join(run), key)
            for word in words:  # «کتابخانه» names «کتابخانه‌های عمومی»: a plural word by its singular
                singular = _singular(word)
                if singular != word:
                    self._add(self.parts, singular, key)

    @staticmethod
    def _add(table: dict[str, list[str]], form: str, key: str) -> None:
        if form and key not in table.setdefault(form, []):
            table[form].append(key)

    def longest(self, words: Sequence[str], start: int) -> tuple[int, list[str]] | None:
        """The end of the longest run of ``words`` from ``start`` that names options, and their keys."""
        for table in (self.whole, self.parts):
            for end in range(min(len(words), start + self.widest), start, -1):
                keys = table.get("".join(words[start:end]))
                if keys:
                    return end, sorted(keys, key=self.order.__getitem__)
        keys = self.parts.get(_singular(words[start]))  # «کتابخانه‌ها» typed for «کتابخانه‌های عمومی»
        return (start + 1, sorted(keys, key=self.order.__getitem__)) if keys else None


_PLURAL = re.compile(r"(?<=..)(?:هایی|های|ها)$")


def _singular(word: str) -> str:
    """A folded word without the plural ending «ها», «های» or «هایی» (the half-space before it folds away)."""
    return _PLURAL.sub("", word)


def _words(piece: str) -> tuple[list[str], list[str]]:
    """The typed words of a piece (punctuation alone dropped) and their compact folded forms."""
    typed = [word for word in piece.split() if _compact(word)]
    return typed, [_compact(word) for word in typed]


def resolve(text: str, options: Iterable[tuple[str, str]]) -> Resolved:
    """Read ``text`` as a list of options (``(key, name)`` pairs); see the module's docstring."""
    index = _Index(options)
    keys: list[str] = []
    unknown: list[str] = []
    ambiguous: list[tuple[str, tuple[str, ...]]] = []
    for piece in _SEPARATORS.split(text):
        typed, folded = _words(piece)
        stray: list[str] = []
        start = 0
        while start < len(folded):
            found = index.longest(folded, start)
            if found is None:
                if folded[start] not in _CONNECTORS:
                    stray.append(typed[start])
                elif stray:
                    unknown.append(" ".join(stray))
                    stray = []
                start += 1
                continue
            if stray:
                unknown.append(" ".join(stray))
                stray = []
            end, named = found
            if len(named) == 1:
                keys.append(named[0])
            else:
                ambiguous.append((" ".join(typed[start:end]), tuple(named)))
            start = end
        if stray:
            unknown.append(" ".join(stray))
    return Resolved(tuple(dict.fromkeys(keys)), tuple(unknown), tuple(ambiguous))


def resolve_leading(text: str, options: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], str]:
    """The option named at the start of ``text`` and the rest as typed (``/ask NAME TEXT``).

    Returns the keys of the longest name found there (several when it is ambiguous, none when the text
    starts with no name) and what follows it.
    """
    index = _Index(options)
    typed = text.split()
    folded = [_compact(word) for word in typed]
    found = index.longest(folded, 0) if folded and folded[0] else None
    if found is None:
        return (), text.strip()
    end, named = found
    rest = text.strip()
    for word in typed[:end]:
        rest = rest[rest.index(word) + len(word) :]
    return tuple(named), rest.strip()
