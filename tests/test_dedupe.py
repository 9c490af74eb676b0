"""Tests for near-duplicate fingerprints: SimHash properties and the threshold on the samples."""

from __future__ import annotations

import itertools
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.dedupe import NEAR_DUPLICATE_DISTANCE, fingerprint, hamming, is_near_duplicate
from bot.domain.digits import to_latin_digits
from bot.domain.text import ZWNJ, split_sentences

SAMPLES_PATH = Path(__file__).parent / "data" / "releases.jsonl"
SAMPLES: list[dict[str, Any]] = [json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines()]
SAMPLE_IDS = [sample["id"] for sample in SAMPLES]
SIGNED_64 = range(-(2**63), 2**63)
ARABIC_LETTERS = str.maketrans({"ی": "ي", "ک": "ك"})


def _sample_text(sample_id: str) -> str:
    return str(next(sample["text"] for sample in SAMPLES if sample["id"] == sample_id))


def _body_sentences(text: str) -> list[str]:
    return [sentence for paragraph in text.split("\n")[1:] for sentence in split_sentences(paragraph)]


def _corrected(text: str) -> str:
    """The text with three words of its middle body sentence replaced, as an officer's correction does."""
    sentences = _body_sentences(text)
    sentence = sentences[len(sentences) // 2]
    words = sentence.split()
    for position in (1, len(words) // 2, len(words) - 2):
        words[position] = "اصلاح"
    return text.replace(sentence, " ".join(words), 1)


def _with_sentence_replaced(text: str, other: str) -> str:
    """The text with its second body sentence replaced by a sentence of another release."""
    return text.replace(_body_sentences(text)[1], _body_sentences(other)[1], 1)


VARIANTS = {
    "arabic_letters": lambda text: text.translate(ARABIC_LETTERS),
    "zwnj_as_space": lambda text: text.replace(ZWNJ, " "),
    "zwnj_removed": lambda text: text.replace(ZWNJ, ""),
    "double_spaces_and_crlf": lambda text: text.replace(" ", "  ").replace("\n", "\r\n"),
    "latin_digits": to_latin_digits,
    "header_added": lambda text: "شبكه اطلاع رساني روابط عمومي ايران (شارا)-|| " + text,
    "paragraph_repeated": lambda text: text + "\n\n" + text.split("\n\n")[1],
    "one_sentence_corrected": _corrected,
}


def test_fingerprint_is_a_signed_64_bit_integer_and_deterministic() -> None:
    """The fingerprint fits SQLite's signed INTEGER and is the same on every call."""
    for sample in SAMPLES:
        value = fingerprint(sample["text"])
        assert value in SIGNED_64
        assert fingerprint(sample["text"]) == value


def test_fingerprint_of_empty_or_punctuation_only_text_is_zero() -> None:
    """A text without words has no shingles and the fingerprint 0."""
    assert fingerprint("") == 0
    assert fingerprint(" .،:\n ") == 0


def test_fingerprint_of_a_short_text_is_defined() -> None:
    """A text shorter than one shingle still gets a fingerprint of its own."""
    assert fingerprint("آب") != fingerprint("نان")


def test_fingerprint_round_trips_through_sqlite() -> None:
    """Negative and positive fingerprints are stored and read back unchanged by SQLite."""
    values = [fingerprint(sample["text"]) for sample in SAMPLES] + [-(2**63), 2**63 - 1]
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute("CREATE TABLE releases (fingerprint INTEGER NOT NULL)")
        connection.executemany("INSERT INTO releases VALUES (?)", [(value,) for value in values])
        stored = [row[0] for row in connection.execute("SELECT fingerprint FROM releases ORDER BY rowid")]
    assert stored == values


def test_hamming_counts_differing_bits_of_signed_values() -> None:
    """Distances are 0 to 64 and treat a negative fingerprint as its 64-bit pattern."""
    assert hamming(0, 0) == 0
    assert hamming(0, -1) == 64
    assert hamming(0, 0b1011) == 3
    assert hamming(-(2**63), 0) == 1
    assert hamming(-1, 2**64 - 1) == 0


def test_is_near_duplicate_uses_the_threshold_inclusively() -> None:
    """Fingerprints exactly max_distance bits apart are near-duplicates, one bit more are not."""
    at_threshold = (1 << NEAR_DUPLICATE_DISTANCE) - 1
    assert is_near_duplicate(0, at_threshold)
    assert not is_near_duplicate(0, (at_threshold << 1) | 1)
    assert is_near_duplicate(0, 0b111, max_distance=3)
    assert not is_near_duplicate(0, 0b111, max_distance=2)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_repasted_variants_are_near_duplicates(sample_id: str, variant: str) -> None:
    """A release re-pasted with other letters, spacing, digits, a header, a repeat or a fix is a near-duplicate."""
    text = _sample_text(sample_id)
    assert is_near_duplicate(fingerprint(text), fingerprint(VARIANTS[variant](text)))


@pytest.mark.parametrize("variant", ["arabic_letters", "zwnj_as_space", "zwnj_removed", "latin_digits", "header_added"])
@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_spelling_variants_have_the_same_fingerprint(sample_id: str, variant: str) -> None:
    """Variants that fold to the same words give exactly the same fingerprint."""
    text = _sample_text(sample_id)
    assert fingerprint(VARIANTS[variant](text)) == fingerprint(text)


@pytest.mark.parametrize("sample_id", ["s00", "r14"])
def test_a_replaced_sentence_in_a_long_release_is_a_near_duplicate(sample_id: str) -> None:
    """In a long release, one sentence swapped for another release's sentence is still a near-duplicate."""
    text = _sample_text(sample_id)
    other = _sample_text("r02")
    assert is_near_duplicate(fingerprint(text), fingerprint(_with_sentence_replaced(text, other)))


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(SAMPLE_IDS, 2)))
def test_different_releases_are_not_near_duplicates(first: str, second: str) -> None:
    """Two different releases, even from the same office, stay apart."""
    assert not is_near_duplicate(fingerprint(_sample_text(first)), fingerprint(_sample_text(second)))


def test_different_releases_leave_a_margin_above_the_threshold() -> None:
    """The closest pair of different samples is well above the threshold (at least 6 bits)."""
    fingerprints = [fingerprint(sample["text"]) for sample in SAMPLES]
    closest = min(hamming(a, b) for a, b in itertools.combinations(fingerprints, 2))
    assert closest >= NEAR_DUPLICATE_DISTANCE + 6


@settings(deadline=None, max_examples=200)
@given(a=st.integers(-(2**63), 2**63 - 1), b=st.integers(-(2**63), 2**63 - 1), c=st.integers(-(2**63), 2**63 - 1))
def test_hamming_is_a_metric(a: int, b: int, c: int) -> None:
    """Hamming distance is symmetric, zero only on equal values, bounded by 64 and obeys the triangle inequality."""
    assert hamming(a, b) == hamming(b, a)
    assert (hamming(a, b) == 0) == (a == b)
    assert 0 <= hamming(a, b) <= 64
    assert hamming(a, c) <= hamming(a, b) + hamming(b, c)


@settings(deadline=None, max_examples=100)
@given(text=st.text(max_size=300))
def test_fingerprint_is_always_signed_64_bit(text: str) -> None:
    """Any text, however odd, gets a fingerprint in SQLite's INTEGER range."""
    assert fingerprint(text) in SIGNED_64


@settings(deadline=None, max_examples=100)
@given(
    words=st.lists(
        st.sampled_from(["استان", "ایلام", "کشاورزی", "می‌شود", "سازمان‌ها", "۱۴۰۳", "روستا", "گاز", "طرح", "کیلومتر"]),
        min_size=1,
        max_size=40,
    )
)
def test_fingerprint_ignores_letter_digit_and_zwnj_variants(words: list[str]) -> None:
    """Arabic letters, Latin digits and ZWNJ written as a space never change the fingerprint."""
    text = " ".join(words)
    variant = to_latin_digits(text.translate(ARABIC_LETTERS)).replace(ZWNJ, " ")
    assert fingerprint(variant) == fingerprint(text)
