"""Digit conversion between Latin, Persian and Arabic-Indic forms.

Kept apart from the normalizer so that rendering and formatting code can use it without hazm.
"""

from __future__ import annotations

import re

LATIN_DIGITS = "0123456789"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)
# str.translate looks every character up (twice as slow on Python 3.13 as on 3.11); only digit runs need it.
_LATIN_OR_ARABIC_DIGITS = re.compile("[0-9٠-٩]+")
_PERSIAN_OR_ARABIC_DIGITS = re.compile("[۰-۹٠-٩]+")


def to_persian_digits(text: str) -> str:
    """Return ``text`` with every Latin or Arabic-Indic digit written as a Persian digit."""
    return _LATIN_OR_ARABIC_DIGITS.sub(lambda match: match.group().translate(_TO_PERSIAN), text)


def to_latin_digits(text: str) -> str:
    """Return ``text`` with every Persian or Arabic-Indic digit written as a Latin digit."""
    return _PERSIAN_OR_ARABIC_DIGITS.sub(lambda match: match.group().translate(_TO_LATIN), text)


def fa_number(value: int) -> str:
    """Format an integer with Persian digits and the Persian thousands separator (٬)."""
    return to_persian_digits(f"{value:,}".replace(",", "٬"))
