"""What a correction changes: the sentences added and removed, and whether it reads as another release.

An officer who corrects a published release sees, before anything is edited, the sentences the new
text drops and the ones it adds. Sentences are compared on their :func:`~bot.domain.text.fold`, so
a letter variant (ي/ی), a half-space or a digit form is no change; a changed figure or word is.

A corrected text that keeps less than half of the old sentences *and* whose SimHash is further than
a near-duplicate from the old one (:mod:`bot.domain.dedupe`) reads as another release: a football
story sent after ``/correct 9`` meant for a new draft. Either alone is not enough: a short release
whose one sentence is rewritten keeps no sentence but stays close, and a long one with a few
sentences changed stays far in bits only when most of it changed.

Pure: no I/O.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bot.domain.dedupe import NEAR_DUPLICATE_DISTANCE, hamming
from bot.domain.text import fold

__all__ = ["Changes", "sentence_changes", "sentences"]

# A sentence ends at . ! ? ؟ followed by white space, or at a line break (decimals, dates and URLs stay whole).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each on one line with single spaces."""
    found: list[str] = []
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if line:
            found.extend(part for part in _SENTENCE_BREAK.split(line) if part)
    return found


@dataclass(frozen=True, slots=True)
class Changes:
    """The sentences a new text adds and removes against an old one, and how many of the old it keeps."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    kept: int
    old_count: int
    distance: int  # SimHash bits between the two fingerprints

    @property
    def any(self) -> bool:
        """Whether a sentence was added or removed."""
        return bool(self.added or self.removed)

    @property
    def looks_different(self) -> bool:
        """Whether the new text reads as another release: less than half kept, and no near-duplicate."""
        return self.distance > NEAR_DUPLICATE_DISTANCE and self.kept * 2 < self.old_count


def sentence_changes(old_text: str, new_text: str, old_fingerprint: int, new_fingerprint: int) -> Changes:
    """Compare two versions of a release sentence by sentence (in order, on folded sentences)."""
    old, new = sentences(old_text), sentences(new_text)
    matcher = difflib.SequenceMatcher(a=[fold(s) for s in old], b=[fold(s) for s in new], autojunk=False)
    added: list[str] = []
    removed: list[str] = []
    kept = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept += i2 - i1
            continue
        removed.extend(old[i1:i2])
        added.extend(new[j1:j2])
    return Changes(tuple(added), tuple(removed), kept, len(old), hamming(old_fingerprint, new_fingerprint))
