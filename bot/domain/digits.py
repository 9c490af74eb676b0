"""Digit conversion between Latin, Persian and Arabic-Indic forms.

Kept apart from the normalizer so that rendering and formatting code can use it without hazm.
"""

from __future__ import annotations

LATIN_DIGITS = "0123456789"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)


def to_persian_digits(text: str) -> str:
    """Return ``text`` with every Latin or Arabic-Indic digit written as a Persian digit."""
    return text.translate(_TO_PERSIAN)


def to_latin_digits(text: str) -> str:
    """Return ``text`` with every Persian or Arabic-Indic digit written as a Latin digit."""
    return text.translate(_TO_LATIN)


def fa_number(value: int) -> str:
    """Format an integer with Persian digits and the Persian thousands separator (٬)."""
    return to_persian_digits(f"{value:,}".replace(",", "٬"))
