"""Near-duplicate fingerprints for releases: 64-bit SimHash over shingles of the folded text.

The same release is often sent twice: re-pasted from another group with Arabic letters, different
spacing or half-spaces, a wire header added, or one sentence corrected. :func:`fingerprint` gives
all of those the same or nearly the same 64 bits, so :func:`is_near_duplicate` can flag them, while
two different releases (even from the same office, sharing its boilerplate) stay far apart.

How: the text loses its wire headers and is folded (:func:`bot.domain.text.fold`: one spelling per
word, no punctuation, no ZWNJ); the folded words are written together without spaces and cut into
overlapping shingles of ``SHINGLE_CHARS`` characters; each distinct shingle votes with its 64-bit
BLAKE2b hash on every bit (Charikar's SimHash). Counting distinct shingles means a paragraph pasted
twice hardly moves the fingerprint. The result is a signed 64-bit integer, which SQLite's INTEGER
column stores as is.

Why characters and not word shingles: when a re-paste writes a half-space as a space («اطلاع‌رسانی»
→ «اطلاع رسانی») one word becomes two and every word shingle around it changes; on the samples that
alone moved a release by up to 13 bits with 3-word shingles (17 with 4-word ones), against 22–24
bits between the most similar different releases. Without spaces the two spellings are the same
string. Word 2- and 3-shingles and 5- to 8-character shingles were compared on the samples;
7 characters gave the tightest near-duplicates for the widest gap.

Threshold (tuned on ``tests/data/releases.jsonl``): Arabic letters, other spacing or ZWNJ, Latin
digits or an added wire header give distance 0; a repeated paragraph 1 to 5 bits; correcting a few
words of one sentence at most 12 bits (median 4); replacing a whole sentence of a short release a
median of 9 and up to 18; different releases are 24 to 42 bits apart (about 30 on average, 32 being
the expectation for unrelated texts). ``NEAR_DUPLICATE_DISTANCE = 14`` catches every correction
and most sentence replacements while leaving a 10-bit margin below the closest pair of different
releases; ``tests/test_dedupe.py`` checks both sides on every sample.
"""

from __future__ import annotations

import hashlib

from bot.domain.text import fold, strip_wire_headers

FINGERPRINT_BITS = 64
SHINGLE_CHARS = 7
NEAR_DUPLICATE_DISTANCE = 14

_MASK = (1 << FINGERPRINT_BITS) - 1
_SIGN_BIT = 1 << (FINGERPRINT_BITS - 1)


def _shingles(folded: str) -> set[str]:
    """Return the distinct ``SHINGLE_CHARS``-character runs of ``folded`` without its spaces."""
    letters = folded.replace(" ", "")
    if len(letters) <= SHINGLE_CHARS:
        return {letters} if letters else set()
    return {letters[index : index + SHINGLE_CHARS] for index in range(len(letters) - SHINGLE_CHARS + 1)}


def _hash64(shingle: str) -> bytes:
    """Return a stable 64-bit hash of ``shingle`` as 8 big-endian bytes (Python's hash() is salted)."""
    return hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()


# _BIT_OF[bit] maps a byte to 1 if that bit is set, else 0, so bytes.translate(...).count(1)
# counts a bit over all hashes at C speed instead of 64 Python loops per shingle.
_BIT_OF = tuple(bytes((byte >> bit) & 1 for byte in range(256)) for bit in range(8))


def _majority_bits(digests: list[bytes]) -> int:
    """Return the 64-bit value whose bits are set where more than half of ``digests`` have them set."""
    packed = b"".join(digests)
    half = len(digests) / 2
    value = 0
    for byte_index in range(FINGERPRINT_BITS // 8):
        column = packed[byte_index::8]
        shift = (FINGERPRINT_BITS // 8 - 1 - byte_index) * 8
        for bit in range(8):
            if column.translate(_BIT_OF[bit]).count(1) > half:
                value |= 1 << (shift + bit)
    return value


def _to_signed(value: int) -> int:
    """Return the unsigned 64-bit ``value`` as the signed integer with the same bits."""
    return value - (1 << FINGERPRINT_BITS) if value & _SIGN_BIT else value


def fingerprint(text: str) -> int:
    """Return the SimHash of ``text`` as a signed 64-bit integer; an empty text gives 0.

    Variants that fold alike (Arabic letters, ZWNJ or spacing, digit forms, punctuation, wire
    headers) get the same fingerprint; a repeated paragraph or a small edit changes only a few bits.
    """
    digests = [_hash64(shingle) for shingle in _shingles(fold(strip_wire_headers(text)))]
    if not digests:
        return 0
    # Ties count as unset, so the fingerprint does not depend on the order of the shingles.
    value = _majority_bits(digests)
    return _to_signed(value)


def hamming(a: int, b: int) -> int:
    """Return the number of bits in which two 64-bit fingerprints (signed or unsigned) differ."""
    return ((a ^ b) & _MASK).bit_count()


def is_near_duplicate(a: int, b: int, *, max_distance: int = NEAR_DUPLICATE_DISTANCE) -> bool:
    """Tell whether two fingerprints are at most ``max_distance`` bits apart."""
    return hamming(a, b) <= max_distance
