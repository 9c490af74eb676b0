"""Title and lead: the headline of a release, and the first sentences of its body."""

from __future__ import annotations

import re

HEADLINE_MAX_CHARS = 200
DERIVED_TITLE_MAX_CHARS = 120
ELLIPSIS = "…"

# A line ending like this is a sentence or an introduction, not a headline.
_NON_HEADLINE_ENDINGS = (".", ":", "،", "؛", ",", ";", "-")
_ATTRIBUTION_START = re.compile(r"^(به گزارش|به نقل از)\s")
# A leading attribution clause «به گزارش روابط عمومی …،» (up to the first comma), dropped from leads.
_ATTRIBUTION_CLAUSE = re.compile(r"^(?:به گزارش|به نقل از)\s[^،,.\n]{1,150}[،,]\s*")
# Sentence ends: . ! ? ؟ followed by white space (so decimals, dates and URLs are not split).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟])\s+")
_TRAILING_PUNCTUATION = " \t،,:;؛-–—"
# A text shorter than this, without a headline line, is asked about before it becomes a draft
# («سلام», «فردا ساعت ۱۰»): a release has a headline and a body, or at least a few sentences.
MIN_RELEASE_WORDS = 12
MIN_HEADLINE_WORDS = 3


def split_title(display_text: str) -> tuple[str, str]:
    """Split a release into ``(title, body)``.

    The first line is the title when it reads as a headline: at most :data:`HEADLINE_MAX_CHARS`
    characters, not ending like a sentence or an introduction (``.``, ``:``, ``،`` …), not an
    attribution («به گزارش …»), and followed by more text; the body is then the rest. Otherwise
    the title is derived from the first sentence (cut at a word boundary with «…» when long) and
    the body is the whole text, so nothing is lost. Empty text gives ``("", "")``.
    """
    text = display_text.strip()
    if not text:
        return "", ""
    first_line, _, rest = text.partition("\n")
    first_line = " ".join(first_line.split())
    rest = rest.strip()
    if rest and _is_headline(first_line):
        return first_line, rest
    sentences = _sentences(text)
    first_sentence = sentences[0].rstrip(".") if sentences else first_line
    return _clip(first_sentence, DERIVED_TITLE_MAX_CHARS), text


def has_headline(display_text: str) -> bool:
    """Whether the first line reads as a headline of at least :data:`MIN_HEADLINE_WORDS` words and more
    text follows it (what :func:`split_title` takes as a title)."""
    first_line, _, rest = display_text.strip().partition("\n")
    first_line = " ".join(first_line.split())
    return bool(rest.strip()) and _is_headline(first_line) and len(first_line.split()) >= MIN_HEADLINE_WORDS


def looks_like_release(display_text: str) -> bool:
    """Whether a text looks like a press release: :data:`MIN_RELEASE_WORDS` words or more, or a headline line."""
    return len(display_text.split()) >= MIN_RELEASE_WORDS or has_headline(display_text)


def _is_headline(line: str) -> bool:
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(_NON_HEADLINE_ENDINGS)
        and not _ATTRIBUTION_START.match(line)
    )


def lead(body: str, max_chars: int = 280) -> str:
    """The opening of a release for digests and inline results: one line, at most ``max_chars``.

    The first sentence, plus the second when both fit; a leading attribution clause
    («به گزارش روابط عمومی …،») is dropped since the agency is shown beside the lead anyway. A
    sentence longer than ``max_chars`` is cut at a word boundary and ends with «…».
    """
    sentences = _sentences(body)
    if not sentences or max_chars <= 0:
        return ""
    first = _ATTRIBUTION_CLAUSE.sub("", sentences[0], count=1) or sentences[0]
    text = first
    if len(sentences) > 1 and len(first) + 1 + len(sentences[1]) <= max_chars:
        text = f"{first} {sentences[1]}"
    return _clip(text, max_chars)


def _sentences(text: str) -> list[str]:
    """Sentences of ``text``, each on one line; a line break always ends a sentence."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if line:
            sentences.extend(part for part in _SENTENCE_BREAK.split(line) if part)
    return sentences


def _clip(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters at a word boundary, ending with «…» when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[: max(1, max_chars - len(ELLIPSIS))]
    boundary = cut.rfind(" ")
    if boundary > len(cut) // 2:  # a word boundary not too far back; else cut inside a long word
        cut = cut[:boundary]
    return cut.rstrip(_TRAILING_PUNCTUATION) + ELLIPSIS
