"""Persian text pipeline: display normalization and search folding (DESIGN §5)."""

from __future__ import annotations

import re
import unicodedata

from bot.domain.digits import to_latin_digits

ZWNJ = "\u200c"

# Letters that Arabic keyboards and old news systems produce, folded to their Persian form.
_LETTER_FOLD = str.maketrans(
    {
        "\u064a": "ی",  # ARABIC LETTER YEH
        "\u0649": "ی",  # ARABIC LETTER ALEF MAKSURA
        "\u06cc": "ی",  # already Persian; listed so the table is complete
        "\u0643": "ک",  # ARABIC LETTER KAF
        "\u06a9": "ک",
        "\u0629": "ه",  # TEH MARBUTA
        "\u06c0": "ه",  # HEH WITH YEH ABOVE (ۀ)
        "\u06d5": "ه",  # AE
        "\u0623": "ا",  # ALEF WITH HAMZA ABOVE
        "\u0625": "ا",  # ALEF WITH HAMZA BELOW
        "\u0622": "ا",  # ALEF WITH MADDA: folded so «آب» and «اب» meet in search
        "\u0671": "ا",  # ALEF WASLA
        "\u0624": "و",  # WAW WITH HAMZA ABOVE
        "\u0626": "ی",  # YEH WITH HAMZA ABOVE
        "\u0640": None,  # TATWEEL (kashida)
        "\u200c": None,  # ZWNJ: removed; affixes are joined below so every spacing variant meets
        "\u200d": None,  # ZWJ
        "\u200e": None,  # LRM
        "\u200f": None,  # RLM
        "\ufeff": None,  # BOM
    }
)

# Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below marks.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
# Everything that is not a letter or a digit separates words in the folded text.
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Persian verb prefixes and plural/comparative suffixes that writers attach with a space, a ZWNJ or
# nothing at all. Joining them gives one canonical form, so «می‌شود», «می شود» and «میشود» all fold
# to «میشود», and «روابط عمومی‌ها» to «روابط عمومیها».
_PREFIX_JOIN = re.compile(r"(?<!\w)(ن?می) (?=\w)")
_SUFFIX_JOIN = re.compile(r"(?<=\w) (هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|های|ها|ترین|تر)(?!\w)")


def fold(text: str) -> str:
    """Return the search form of ``text``: one spelling for every variant a person might type.

    Arabic letter variants become Persian, diacritics, kashida and ZWNJ go, digits become Latin,
    Latin letters lower case, punctuation becomes space, and detachable Persian affixes are joined
    to their word. The result is a single-spaced string of words; ``fold(fold(x)) == fold(x)``.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.translate(_LETTER_FOLD)
    folded = _DIACRITICS.sub("", folded)
    folded = to_latin_digits(folded).lower()
    folded = _NON_WORD.sub(" ", folded).replace("_", " ")
    folded = " ".join(folded.split())
    folded = _PREFIX_JOIN.sub(r"\1", folded)
    return _SUFFIX_JOIN.sub(r"\1", folded)
