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


PERSIAN_DECIMAL_SEPARATOR = "٫"


def fa(value: int | float | str) -> str:
    """Render a number (or text that holds one) in Persian digits, as users read it.

    The one helper for numbers in messages; ``fa_number`` is the same with thousands separators.

    * ``int``: its decimal form with no thousands separator, «۱۲۳۴» for 1234; a negative number keeps
      its ASCII hyphen-minus, «-۵» (the local ``fa`` helpers and ``to_persian_digits(str(n))`` did both);
    * ``float``: ``str(value)`` with the Persian decimal separator, «۱٫۵» for 1.5, as the rate in
      /stats and the size in /backup captions are written; round first for fewer decimals,
      ``fa(round(rate, 1))``;
    * ``str``: every Latin or Arabic-Indic digit becomes Persian and nothing else changes («۲۳:۰۰»
      for "23:00"; a ``.`` in text stays, since it may not be a decimal point).

    ``bool`` is refused (``fa(True)`` would read «True»), as is anything else.
    """
    if isinstance(value, bool):
        raise TypeError("fa() renders numbers, not booleans")
    if isinstance(value, int):
        return to_persian_digits(str(value))
    if isinstance(value, float):
        return to_persian_digits(str(value)).replace(".", PERSIAN_DECIMAL_SEPARATOR)
    if isinstance(value, str):
        return to_persian_digits(value)
    raise TypeError(f"fa() renders an int, float or str, not {type(value).__name__}")


def fa_number(value: int) -> str:
    """Format an integer with Persian digits and the Persian thousands separator (٬)."""
    return to_persian_digits(f"{value:,}".replace(",", "٬"))
