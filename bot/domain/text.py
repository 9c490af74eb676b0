"""Persian text pipeline: display normalization and search folding (DESIGN §5).

Two forms of a release text come from here:

* the **display text**, produced by :class:`PersianNormalizer` (hazm plus our own rules), which is
  what subscribers read; and
* the **search text**, produced by :func:`fold`, a lossy canonical form for full-text search and
  keyword filters.

The normalizer's stages, in order::

    clean_unicode           spaces, line endings, Arabic letter variants; stray invisible marks go, but
                            one between two words becomes a half-space or a space («یک­متن» → «یک متن»),
                            a kashida between numbers a hyphen («۸ـ۱۰» → «۸-۱۰»), and emoji keep their ZWJ
    strip_wire_headers      «شبکه اطلاع‌رسانی روابط عمومی ایران (شارا)-||» and its variants
    mask_protected_spans    URLs, e-mails, mentions, hashtags, phones, dates, times, decimals, ranges,
                            star codes, emoji, Markdown links and emphasis, Latin words (with the numbers
                            of «Windows 11») → XQ…QX
    Persian digits          in what is left, i.e. in prose
    tidy_zwnj, tidy_punctuation
                            Persian comma, «» for straight quotes, one «؟» or «!», one «…», spacing
    close_affixes_after_non_joining
                            «زیبا‌تر» → «زیباتر», «کار‌ها» → «کارها» (also after hazm)
    hazm's steps            spacing, «می‌» prefixes, «ها/های/ترین» suffixes, compounds it knows
    undo_participle_joins   «انجام‌شده است» (hazm) back to «انجام شده است»
    space_after_spans       «#کتاب‌ها», «👍‌ها» (hazm) back to «#کتاب ها», «👍 ها»
    split_joined_affixes    «عمومیها» → «عمومی‌ها», checked against hazm's lexicon
    join_detached_suffixes  «علاقه مندان» → «علاقه‌مندان», «حیدری پور» → «حیدری‌پور»
    attach_detached_endings «زندگی شان» → «زندگی‌شان», «خواب‌های تان» → «خواب‌های‌تان»
    join_prefixed_mi        «برمی خوردند» → «برمی‌خوردند»
    keep_month_mi           «ماه می سال» stays: «می» the month is no verb prefix
    tidy_punctuation, tidy_list_markers
                            again, and «۱- مورد» at a line start (hazm: «۱ - مورد»)
    tidy_layout             single spaces, no stray ZWNJ, one blank line between paragraphs
    restore_protected_spans
    drop_repeated_passages  a paragraph or long sentence pasted twice is kept once

``normalize(normalize(x)) == normalize(x)``: tests/test_text.py checks it on every shared sample and on
variants of them (Arabic letters, half-spaces removed or spaced, letters repeated).

Everything except :class:`PersianNormalizer` and :class:`HazmSteps` is pure, free of hazm and cheap
to import; hazm is imported only when a normalizer is built, once per process (seconds and most of
the process's memory: hazm 0.10.0 on Python 3.11 costs about 1 s and 100 MiB more than hazm 0.12 on
3.12+; see ``bench/text.py`` and the README's Python versions).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.domain.digits import to_latin_digits, to_persian_digits

ZWNJ = "\u200c"
# Persian (and Arabic) letters, for the patterns below.
_PERSIAN_LETTER = "آ-غف-يپچژکگی\u0620\u066e\u066f\u0671-\u06d3"

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
        # ZWNJ becomes a space: hazm writes compounds such as «صنایع‌دستی» with a ZWNJ that a query typed
        # «صنایع دستی» must still find; detachable affixes are joined below, so «می‌شود», «می شود» and
        # «میشود» all meet as «میشود».
        "\u200c": " ",
        "\u200d": None,  # ZWJ
        "\u200e": None,  # LRM
        "\u200f": None,  # RLM
        "\ufeff": None,  # BOM
    }
)


def sparse_translation(table: Mapping[int, str | None]) -> Callable[[str], str]:
    """Return a function equal to ``str.translate(table)`` that visits only the characters the table changes.

    ``str.translate`` with a dict looks every character of the text up in the table, which on Python
    3.13 takes about twice as long as on 3.11 (1.7 ms against 0.8 ms for the 12,000 characters of the
    samples); a regex finds the few characters that change in C. Entries mapping a character to itself
    are skipped.
    """
    changed = sorted(code for code, value in table.items() if value != chr(code))
    if not changed:
        return str
    pattern = re.compile("[" + "".join(re.escape(chr(code)) for code in changed) + "]+")

    def translate(text: str) -> str:
        return pattern.sub(lambda match: match.group().translate(table), text)

    return translate


# Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below marks.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
# Everything that is not a letter or a digit separates words in the folded text.
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Persian verb prefixes and plural/comparative suffixes that writers attach with a space, a ZWNJ or
# nothing at all. Joining them gives one canonical form, so «می‌شود», «می شود» and «میشود» all fold
# to «میشود», and «روابط عمومی‌ها» to «روابط عمومیها».
_PREFIX_JOIN = re.compile(r"(?<!\w)(ن?می) (?=\w)")
_SUFFIX_JOIN = re.compile(r"(?<=\w) (هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|های|ها|ترین|تر)(?!\w)")


_fold_letters = sparse_translation(_LETTER_FOLD)


def fold(text: str) -> str:
    """Return the search form of ``text``: one spelling for every variant a person might type.

    Arabic letter variants become Persian, diacritics, kashida and ZWNJ go, digits become Latin,
    Latin letters lower case, punctuation becomes space, and detachable Persian affixes are joined
    to their word. The result is a single-spaced string of words; ``fold(fold(x)) == fold(x)``.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _fold_letters(folded)
    folded = _DIACRITICS.sub("", folded)
    folded = to_latin_digits(folded).lower()
    folded = _NON_WORD.sub(" ", folded).replace("_", " ")
    folded = " ".join(folded.split())
    folded = _PREFIX_JOIN.sub(r"\1", folded)
    return _SUFFIX_JOIN.sub(r"\1", folded)


# --------------------------------------------------------------------------------------------------
# Unicode clean-up
# --------------------------------------------------------------------------------------------------

# Arabic-script letter variants that have a Persian standard form. Unlike fold() this keeps hamza
# forms (رئیس، تأکید، مسئول) and آ, which are correct Persian spelling.
_ARABIC_TO_PERSIAN_LETTERS = str.maketrans(
    {
        "\u064a": "ی",  # ARABIC LETTER YEH
        "\u0649": "ی",  # ARABIC LETTER ALEF MAKSURA
        "\u06cd": "ی",  # YEH WITH TAIL
        "\u06ce": "ی",  # YEH WITH SMALL V
        "\u06d0": "ی",  # E
        "\u06d1": "ی",  # YEH WITH THREE DOTS BELOW
        "\u06d2": "ی",  # YEH BARREE
        "\u0643": "ک",  # ARABIC LETTER KAF
        "\u06aa": "ک",  # SWASH KAF
        "\u06ab": "ک",  # KAF WITH RING
        "\u06d5": "ه",  # AE
        "\u06c1": "ه",  # HEH GOAL
        "\u06be": "ه",  # HEH DOACHASHMEE
        "\u0671": "ا",  # ALEF WASLA
        # Arabic-Indic digits look different from Persian ones; Persian readers expect ۴۵۶.
        **{chr(0x0660 + value): chr(0x06F0 + value) for value in range(10)},
    }
)
# Kashida and the invisible characters that only get in the way: zero-width space, directional marks
# and embeddings, word joiner, soft hyphen, BOM. ZWNJ is kept: it is Persian. The zero-width joiner is
# removed too, except inside an emoji sequence (👨‍👩‍👧), where it is part of the picture.
_INVISIBLE = re.compile("[\u0640\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Invisible characters that writers put where a word ends: a soft hyphen, a zero-width space, the
# directional marks and isolates. Between two Persian letters they separate two words (or a word and
# its affix), so they become a half-space or a space, never nothing (see clean_unicode).
_WORD_BREAK_MARKS = "\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069"
_MARKS_BETWEEN_LETTERS = re.compile(
    f"(?<=[{_PERSIAN_LETTER}])[\u200c{_WORD_BREAK_MARKS}]*[{_WORD_BREAK_MARKS}][\u200c{_WORD_BREAK_MARKS}]*(?=[{_PERSIAN_LETTER}])"
)
# The same marks between a Persian and a Latin letter: the words of two scripts need a space.
_MARKS_BETWEEN_SCRIPTS = re.compile(
    f"(?<=[{_PERSIAN_LETTER}])[{_WORD_BREAK_MARKS}]+(?=[A-Za-z])|(?<=[A-Za-z])[{_WORD_BREAK_MARKS}]+(?=[{_PERSIAN_LETTER}])"
)
_ANY_WORD_BREAK_MARK = re.compile(f"[{_WORD_BREAK_MARKS}]")
_ONE_PERSIAN_LETTER = re.compile(f"[{_PERSIAN_LETTER}]")
# A kashida between two numbers is a dash typed on a Persian keyboard («ساعت ۸ـ۱۰»): a hyphen.
_KASHIDA_BETWEEN_DIGITS = re.compile("(?<=[0-9۰-۹٠-٩])[ ]?\u0640+[ ]?(?=[0-9۰-۹٠-٩])")

# Emoji: pictographs (with their variation selector, skin tone or tag characters), keycaps (1️⃣, #️⃣)
# and sequences of them joined by ZWJ (👨‍👩‍👧, ❤️‍🔥, 🧑‍⚕️). A sequence is one protected span.
_EMOJI_PICTOGRAPH = (
    "\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23fa\u24c2"
    "\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"
    "\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_EMOJI_MODIFIER = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_EMOJI_ELEMENT = f"(?:[#*0-9]\ufe0f?\u20e3|[{_EMOJI_PICTOGRAPH}][{_EMOJI_MODIFIER}\u20e3]*)"
_EMOJI_SEQUENCE = re.compile(f"{_EMOJI_ELEMENT}(?:\u200d{_EMOJI_ELEMENT})*")
_EMOJI_HINT = re.compile("[\u203c-\U0010ffff]")
# A ZWJ that does not join two emoji.
_STRAY_ZWJ = re.compile(f"(?<![{_EMOJI_PICTOGRAPH}{_EMOJI_MODIFIER}\u20e3])\u200d|\u200d(?![{_EMOJI_PICTOGRAPH}])")
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Tabs and the typographic spaces (NBSP, en/em/thin/narrow spaces, ideographic space) become a space.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Arabic presentation forms (isolated/initial/final glyphs and ligatures such as ﻻ or ﷲ) that old
# PDFs and Word documents paste; NFKC maps each to its ordinary letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


_persian_letters = sparse_translation(_ARABIC_TO_PERSIAN_LETTERS)


def _letters_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the runs of Persian letters just before ``start`` and just after ``end``."""
    before = start
    while before > 0 and _ONE_PERSIAN_LETTER.match(text, before - 1):
        before -= 1
    after = end
    while after < len(text) and _ONE_PERSIAN_LETTER.match(text, after):
        after += 1
    return text[before:start], text[end:after]


def zwnj_word_break(left: str, right: str) -> str:
    """The word break :func:`clean_unicode` puts between two letters when no lexicon decides: a ZWNJ."""
    return ZWNJ


def clean_unicode(text: str, word_break: Callable[[str, str], str] = zwnj_word_break) -> str:
    """Return ``text`` with invisible clutter removed and Arabic-script variants made Persian.

    Line endings become ``\\n``; tabs, NBSP and typographic spaces become a plain space; control
    characters and stray invisible marks go; Arabic presentation forms are decomposed; Arabic ي/ى/ك
    (and rarer variants) become Persian ی/ک; Arabic-Indic digits become Persian. ASCII and Persian
    digits are never changed, so protected spans survive clean-up. Three things are not plain removal:

    * a kashida between two numbers is a dash: «۸ـ۱۰» becomes «۸-۱۰», not «۸۱۰»;
    * a soft hyphen, zero-width space or directional mark between two Persian letters ended a word:
      it becomes ``word_break(left word, right word)`` (a ZWNJ unless the caller knows better, see
      :meth:`PersianNormalizer.word_break`), and a space between a Persian and a Latin letter;
    * the zero-width joiner stays inside an emoji sequence (👨‍👩‍👧), and goes everywhere else.
    """
    cleaned = _LINE_BREAKS.sub("\n", text)
    cleaned = _SPACES.sub(" ", cleaned)
    cleaned = _CONTROL.sub("", cleaned)
    if "\u0640" in cleaned:
        cleaned = _KASHIDA_BETWEEN_DIGITS.sub("-", cleaned)

    def break_words(match: re.Match[str]) -> str:
        if ZWNJ in match.group():
            return ZWNJ
        left, right = _letters_around(match.string, *match.span())
        return word_break(_persian_letters(left), _persian_letters(right))

    # Both patterns start with a lookbehind, which re tries at every position: only when there are marks.
    if _ANY_WORD_BREAK_MARK.search(cleaned):
        cleaned = _MARKS_BETWEEN_SCRIPTS.sub(" ", cleaned)
        cleaned = _MARKS_BETWEEN_LETTERS.sub(break_words, cleaned)
    cleaned = _INVISIBLE.sub("", cleaned)
    if "\u200d" in cleaned:
        cleaned = _STRAY_ZWJ.sub("", cleaned)
    cleaned = _PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match.group()), cleaned)
    cleaned = unicodedata.normalize("NFC", cleaned)
    cleaned = _persian_letters(cleaned)
    # NFKC of some presentation forms yields a kashida (U+FE7D, medial shadda, is kashida + shadda);
    # a second pass over the invisible characters removes it and keeps clean_unicode idempotent.
    return _INVISIBLE.sub("", cleaned)


# --------------------------------------------------------------------------------------------------
# News-network headers
# --------------------------------------------------------------------------------------------------

# Each Persian letter of a header phrase matches the spellings that clean_unicode/fold would unify,
# so strip_wire_headers works on raw text as well as on cleaned text.
_LETTER_VARIANTS = {"ی": "یيىۍێېۑے", "ک": "کكڪ", "ه": "هةەہھ", "ا": "اٱأإ"}
# Between the letters of a word: kashida, diacritics, invisible marks.
_INTRA_WORD = "[\u0640\u064b-\u065f\u0670\u200b\u200d-\u200f]*"
# Between words: nothing, spaces or ZWNJ («اطلاع‌رسانی», «اطلاع رسانی» and «اطلاعرسانی» all match).
_INTER_WORD = "[\\s\u200c\u200b\u200e\u200f\u00a0]*"


def _tolerant_word(word: str) -> str:
    """Return a regex matching ``word`` in any of the letter and kashida variants a paste produces."""
    parts = []
    for letter in word:
        variants = _LETTER_VARIANTS.get(letter, letter)
        parts.append(f"[{variants}]" if len(variants) > 1 else re.escape(letter))
    return _INTRA_WORD.join(parts)


def _tolerant_phrase(phrase: str) -> str:
    """Return a regex matching the space-separated ``phrase`` with flexible spacing between words."""
    return _INTER_WORD.join(_tolerant_word(word) for word in phrase.split())


# The Shara network's dateline. Its name may carry «ها» (روابط عمومی‌های ایران), the acronym may be
# in parentheses, brackets or guillemets, and the separator varies (-||, - ||, |, -, –, :).
_SHARA_NAME = (
    _tolerant_phrase("شبکه اطلاع رسانی روابط عمومی")
    + f"(?:{_INTER_WORD}{_tolerant_word('های')}|{_INTER_WORD}{_tolerant_word('ها')})?"
    + _INTER_WORD
    + _tolerant_word("ایران")
)
_SHARA_ACRONYM = rf"[ \t]*[(\[«]?[ \t]*{_tolerant_word('شارا')}[ \t]*[)\]»]?"
_HEADER_SEPARATOR = r"[ \t]*(?:[-–—_|:؛]+[ \t]*)+"
_SHARA_HEADER = re.compile(
    rf"^[ \t\u200c\u200e\u200f]*{_SHARA_NAME}(?P<acronym>{_SHARA_ACRONYM})?(?P<separator>{_HEADER_SEPARATOR})?[ \t]*",
    re.MULTILINE,
)
# Any other wire's dateline in the same style: a short name with its acronym in parentheses followed
# by the «-||» separator, which news networks use for nothing else. Sentence punctuation in the prefix
# means it is prose, not a dateline.
_GENERIC_WIRE_HEADER = re.compile(
    r"^[ \t]*[^\n.!؟?،:…,;؛]{0,80}?\([^()\n]{2,30}\)[ \t]*-[ \t]*\|\|[ \t]*", re.MULTILINE
)


def _strip_shara(match: re.Match[str]) -> str:
    """Remove a Shara dateline only when it is marked as one (acronym or separator), never bare prose."""
    if match.group("acronym") or match.group("separator"):
        return ""
    return match.group()


def strip_wire_headers(text: str) -> str:
    """Return ``text`` without news-network datelines at the start of its lines.

    Removes «شبکه اطلاع‌رسانی روابط عمومی ایران (شارا)-||» in its variants (Arabic or Persian
    letters, with or without ZWNJ or kashida, any of the separators -||, -, |, :) and any other
    «name (acronym)-||» dateline. Content such as «به گزارش خبرگزاری …» is kept, and so is the network's
    name used in a sentence without acronym or separator.
    """
    # A header pasted twice («…(شارا)-||…(شارا)-||») only reaches the line start once the first is gone.
    previous = None
    while previous != text:
        previous = text
        text = _GENERIC_WIRE_HEADER.sub("", _SHARA_HEADER.sub(_strip_shara, text))
    return text


# --------------------------------------------------------------------------------------------------
# Protected spans
# --------------------------------------------------------------------------------------------------

_DIGIT = "[0-9۰-۹]"
_NOT_DIGIT_BEFORE = "(?<![0-9۰-۹])"
_NOT_DIGIT_AFTER = "(?![0-9۰-۹])"
_LATIN = "A-Za-z\u00c0-\u024f"
# Characters that end a sentence or clause rather than a URL: trimmed from the end of a URL match.
_URL_TRAILING_PUNCTUATION = ".,;:!?'\"،؛؟…»)]}"
_URL_BODY = r"[^\s<>\"«»]*"

# Keywords after which a short digit group is a phone or service number (۱۱۰، ۱۱۵، سامانه ۱۳۷).
_PHONE_KEYWORD = r"(?:شماره|تلفن|تماس|سامانه|پیامک|نمابر|فکس|خط)"
_PHONE_MODIFIER = r"(?:های|ها|ی|ٔ|تلفن|تماس|گویا|گویای|پیامکی|پیامک|ویژه|رایگان|ارتباطی|همراه|ثابت|مستقیم)"

# Most patterns start with one character class followed by a two-character lookbehind, such as
# «[0-9](?<![0-9][0-9])», rather than a leading «(?<![0-9])»: the same condition, but Python's re
# can then skip ahead to candidate characters in C instead of trying every position (3-7x faster).
_URL_WITH_SCHEME = re.compile(rf"(?:https?|ftp)://{_URL_BODY}", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    rf"[A-Za-z0-9](?<![\w@./-][A-Za-z0-9])(?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\."
    rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\.)*[A-Za-z]{{2,24}}(?::[0-9]{{1,5}})?(?:/{_URL_BODY})?"
)
# Each pattern comes with strings of which the text must contain one for the pattern to have a chance.
_SPAN_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    # E-mail addresses, @mentions (Telegram usernames) and #hashtags (Persian ones included).
    (("@",), re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}")),
    (("@",), re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,32}")),
    (("#",), re.compile("(?<![\\w#])#\\w(?:[^\\s#.,،؛:!?؟()«»\\[\\]\"'…]*[^\\s#.,،؛:!?؟()«»\\[\\]\"'…\u200c])?")),
    # Phones: +98/0098 numbers, numbers with a leading 0 (09121234567, 084-33338888), (084) 33338888,
    # each digit optionally preceded by one space or dash so common groupings stay one span.
    (("98",), re.compile(rf"(?<![0-9۰-۹\w+])(?:\+|00)98(?:[ -]?{_DIGIT}){{9,10}}{_NOT_DIGIT_AFTER}")),
    (("0", "۰"), re.compile(rf"[0۰](?<!{_DIGIT}[0۰]){_DIGIT}{{2,3}}(?:[ -]?{_DIGIT}){{7,8}}{_NOT_DIGIT_AFTER}")),
    (("(",), re.compile(rf"\([0۰]{_DIGIT}{{2,3}}\)[ -]?{_DIGIT}{{7,8}}{_NOT_DIGIT_AFTER}")),
    # ISO and day-first dates with dashes (2024-05-12, 12-05-2024).
    (
        ("-",),
        re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}{{3}}-{_DIGIT}{{1,2}}-{_DIGIT}{{1,2}}{_NOT_DIGIT_AFTER}"),
    ),
    (("-",), re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}?-{_DIGIT}{{1,2}}-{_DIGIT}{{4}}{_NOT_DIGIT_AFTER}")),
    # Percentages (14%, ۱۴٪, 4.5 %).
    (("%", "٪"), re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}*(?:[.٫]{_DIGIT}+)?[ ]?[%٪]")),
    # Digits joined by / . ٫ : — dates (1403/05/12), letter numbers (۱۲۳/۴۵۶), decimals (4.6, ۱٫۹),
    # times (10:30), versions. hazm would space every one of them out.
    ((), re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}*(?:[/.٫:]{_DIGIT}+)+{_NOT_DIGIT_AFTER}")),
    # Numbers with thousands separators (1,250,000; ۱۲٬۴۰۰), which hazm would also split.
    ((",", "٬"), re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}{{0,2}}(?:[,٬]{_DIGIT}{{3}})+{_NOT_DIGIT_AFTER}")),
    # Ranges (18-22, ۱۴۰۵-۱۴۰۶, کیلومترهای ۱-۶), which hazm would space out to «۱۸ - ۲۲».
    (("-", "–"), re.compile(rf"{_DIGIT}(?<!{_DIGIT}{_DIGIT}){_DIGIT}*(?:[-–]{_DIGIT}+)+{_NOT_DIGIT_AFTER}")),
    # USSD and star codes (*123#, *724*1#, #31#).
    (("#",), re.compile(rf"[*#](?<![\w*#][*#])[*#]?{_DIGIT}+(?:\*{_DIGIT}+)*#(?![\w#])")),
    # Markdown-like links and emphasis, kept as written: [متن](https://…), *مهم:*, **خبر فوری**.
    (("](",), re.compile(r"\[[^\[\]\n]{1,300}\]\((?:[^()\s]|\([^()\s]*\))+\)")),
    (("*",), re.compile(r"(?<![\w*])(\*{1,2})(?![\s*])[^*\n]{1,300}?(?<![\s*])\1(?![\w*])")),
    # A Latin name with the numbers that follow it: its digits stay Latin (Windows 11, Word 2019).
    (
        (),
        re.compile(
            rf"[{_LATIN}](?<![\w@./#:-][{_LATIN}])(?:[{_LATIN}0-9]|[-'’&+](?=[{_LATIN}0-9]))*"
            rf"(?: [0-9]+(?:\.[0-9]+)*)+(?![0-9۰-۹\w])"
        ),
    ),
    # Latin words and codes (COVID-19, 5G, B.Sc): every Latin letter in a text is inside one of these.
    # The run of letters and digits must hold a letter: either the first character is one, or digits
    # lead up to one.
    (
        (),
        re.compile(
            rf"[{_LATIN}0-9](?<![{_LATIN}0-9][{_LATIN}0-9])(?:(?<=[{_LATIN}])|(?=[0-9]*[{_LATIN}]))"
            rf"[{_LATIN}0-9]*(?:[-_.'’&+][{_LATIN}0-9]+)*"
        ),
    ),
)
# Short service numbers are protected only after a keyword; the number is the capture group.
_KEYWORD_PHONE = re.compile(
    rf"(?<![\u0600-\u06ff]){_PHONE_KEYWORD}(?:[\s\u200c]*{_PHONE_MODIFIER})*[\s\u200c]*[:：]?[\s]*"
    rf"(?P<number>{_NOT_DIGIT_BEFORE}{_DIGIT}{{3,11}}(?:-{_DIGIT}{{2,8}})*{_NOT_DIGIT_AFTER})"
)


def _trim_url(text: str, start: int, end: int) -> int:
    """Return ``end`` moved left past sentence punctuation, keeping a closing bracket that is opened inside."""
    while end > start and text[end - 1] in _URL_TRAILING_PUNCTUATION:
        closing = text[end - 1]
        opening = {")": "(", "]": "[", "}": "{"}.get(closing)
        if opening and text.count(opening, start, end) >= text.count(closing, start, end):
            break
        end -= 1
    return end


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Return the sorted, non-overlapping ``(start, end)`` spans of ``text`` that must never change.

    They are URLs (with or without scheme), e-mail addresses, @mentions, #hashtags, phone numbers
    (mobiles, +98 numbers, landlines with area code, and short service numbers after words such as
    شماره/تلفن/تماس/سامانه), dates, times, decimals, numbers with thousands separators, percentages and
    Latin words or codes. Overlapping and touching matches are merged into one span.
    """
    found: list[tuple[int, int]] = []
    for url_pattern in (_URL_WITH_SCHEME, _BARE_DOMAIN):
        for match in url_pattern.finditer(text):
            start, end = match.span()
            end = _trim_url(text, start, end)
            if end > start:
                found.append((start, end))
    for needles, pattern in _SPAN_PATTERNS:
        if not needles or any(needle in text for needle in needles):
            found.extend(match.span() for match in pattern.finditer(text))
    # Emoji sequences: one picture, whatever joiners, selectors, skin tones or keycaps it is made of.
    # Every emoji holds a character from U+203C up (a keycap its U+20E3), which Persian prose does not;
    # looking for one is four times as fast as the pattern failing.
    if _EMOJI_HINT.search(text):
        found.extend(match.span() for match in _EMOJI_SEQUENCE.finditer(text))
    found.extend(match.span("number") for match in _KEYWORD_PHONE.finditer(text))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _map_outside_spans(text: str, spans: Iterable[tuple[int, int]], transform: Callable[[str], str]) -> str:
    """Return ``text`` with ``transform`` applied to every stretch between the given spans."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(transform(text[position:start]))
        pieces.append(text[start:end])
        position = end
    pieces.append(transform(text[position:]))
    return "".join(pieces)


def persian_digits_outside_spans(text: str) -> str:
    """Return ``text`` with Latin and Arabic-Indic digits made Persian, except inside protected spans."""
    return _map_outside_spans(text, protected_spans(text), to_persian_digits)


# Placeholders are Latin capitals, which hazm neither splits, translates nor spaces. After masking, the
# only Latin letters left in a text are placeholders (every Latin word is itself a protected span), so
# a placeholder can never collide with content. The index is spelt with the letters A-J for 0-9.
_PLACEHOLDER = re.compile(r"XQ([A-J]+)QX")
_INDEX_LETTERS = str.maketrans("0123456789", "ABCDEFGHIJ")
_INDEX_DIGITS = str.maketrans("ABCDEFGHIJ", "0123456789")


def _placeholder(index: int) -> str:
    """Return the placeholder that stands for the ``index``-th protected span."""
    return f"XQ{str(index).translate(_INDEX_LETTERS)}QX"


def mask_protected_spans(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with each protected span replaced by a placeholder, and the spans in order."""
    spans = protected_spans(text)
    originals = [text[start:end] for start, end in spans]
    pieces = []
    position = 0
    for index, (start, end) in enumerate(spans):
        pieces.append(text[position:start])
        pieces.append(_placeholder(index))
        position = end
    pieces.append(text[position:])
    return "".join(pieces), originals


def restore_protected_spans(masked: str, originals: list[str]) -> str:
    """Return ``masked`` with every placeholder replaced by the span it stands for."""
    return _PLACEHOLDER.sub(lambda match: originals[int(match.group(1).translate(_INDEX_DIGITS))], masked)


def _placeholders_intact(masked: str, count: int) -> bool:
    """Tell whether ``masked`` still holds each of the ``count`` placeholders exactly once, in order."""
    indexes = [int(match.group(1).translate(_INDEX_DIGITS)) for match in _PLACEHOLDER.finditer(masked)]
    return indexes == list(range(count))


_ZWNJ_AFTER_PLACEHOLDER = re.compile(r"XQ([A-J]+)QX\u200c")
# A Latin word may take a Persian suffix after a half-space («Android‌ها»); nothing else may.
_TAKES_SUFFIX = re.compile(r"[A-Za-z][A-Za-z0-9'’&+ -]*")


def space_after_spans(masked: str, originals: list[str]) -> str:
    """Return ``masked`` with a ZWNJ after an emoji, link, hashtag or number made a space.

    hazm attaches «ها» or «تر» to whatever stands before it («👍 ها» → «👍‌ها»); after a hashtag or a
    mention the ZWNJ would even become part of it in Telegram. Only a Latin word keeps it. Done before
    hazm as well, which would otherwise read «👍‌می شود» and «👍 می شود» differently.
    """

    def space(match: re.Match[str]) -> str:
        original = originals[int(match.group(1).translate(_INDEX_DIGITS))]
        return match.group() if _TAKES_SUFFIX.fullmatch(original) else match.group()[:-1] + " "

    return _ZWNJ_AFTER_PLACEHOLDER.sub(space, masked) if ZWNJ in masked else masked


# --------------------------------------------------------------------------------------------------
# Spacing, ZWNJ and punctuation
# --------------------------------------------------------------------------------------------------

# Letters that do not join the next letter: after them a ZWNJ changes nothing visible, and Persian
# writes «روستاها», «نهادها» without one.
_NON_JOINING = frozenset("اآأإٱدذرزژوؤۀة")
# Plural and superlative suffixes that may be written glued to their word, longest first so that
# «کتابهایی» is read as «کتاب» + «هایی», not «کتابهای» + «ی».
_JOINED_SUFFIXES = ("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها", "ترین")
# A whole Persian word ending in one of _JOINED_SUFFIXES (anything else cannot need splitting).
_WORD_WITH_SUFFIX = re.compile(
    f"[{_PERSIAN_LETTER}](?<![{_PERSIAN_LETTER}][{_PERSIAN_LETTER}])[{_PERSIAN_LETTER}]*"
    f"(?:{'|'.join(_JOINED_SUFFIXES)})(?![{_PERSIAN_LETTER}])"
)
# Conventional one-word spellings that look like stem + suffix and that hazm's lexicon lists without a
# frequency. The Academy of Persian Language accepts both «آنها» and «آن‌ها»; the glued form is the
# usual one in news copy, so «آنها» and «اینها» are left as written, as are the numeral plurals
# («صدها»), the lexicalised superlatives («بیشترین») and a few Arabic phrases.
_KEEP_JOINED = frozenset(
    {"آنها", "اینها", "صدها", "هزارها", "میلیونها", "بیشترین", "کمترین", "بهترین", "ایها", "فبها", "مافیها", "الها"}
)
# «علاقه مند» and «حیدری پور»: suffixes that writers detach with a space but Persian attaches.
# The suffix is matched by lookahead, not consumed, so «حیدری پور پور» joins fully in one pass.
_SPACED_MAND = re.compile(
    f"(?<![{_PERSIAN_LETTER}\u200c])([{_PERSIAN_LETTER}]{{2,}}) (?=مند(?:ان|ی|انه)?(?![{_PERSIAN_LETTER}\u200c]))"
)
_SPACED_POUR = re.compile(
    f"(?<![{_PERSIAN_LETTER}\u200c])([{_PERSIAN_LETTER}]{{2,}}) (?=پور(?![{_PERSIAN_LETTER}\u200c]))"
)
# hazm glues a participle to the word before when the lexicon knows the compound adjective
# («انجام‌شده»), even where the participle is part of a verb («انجام شده است»). Those joins are undone.
_JOINED_PARTICIPLE = re.compile(f"([{_PERSIAN_LETTER}]+)\u200c(شده|نشده|یافته)(?![{_PERSIAN_LETTER}\u200c])")


def _frequency(lexicon: Mapping[str, Any], word: str) -> int | None:
    """Return the corpus frequency hazm's lexicon gives ``word`` (0 for unattested forms), or None."""
    entry = lexicon.get(word)
    if entry is None:
        return None
    return int(entry[0]) if isinstance(entry, tuple) else int(entry)


def _joiner(stem: str) -> str:
    """Return ``stem`` followed by what attaches a suffix to it: a ZWNJ after a joining letter, else nothing."""
    return stem if stem[-1] in _NON_JOINING else stem + ZWNJ


def split_joined_affixes(text: str, lexicon: Mapping[str, Any]) -> str:
    """Return ``text`` with plural «ها…» and superlative «ترین» glued to a word separated by a ZWNJ.

    ``lexicon`` maps a word to ``(frequency, tags)`` as hazm's WordTokenizer builds it; hazm lists
    many glued plurals («سالها», «کتابها») with frequency 0 and real words with a positive one. A word
    is split when its stem is in the lexicon and neither the word nor its bare plural has a positive
    frequency: «عمومیها» → «عمومی‌ها», «دستگاههای» → «دستگاه‌های», «مهمترین» → «مهم‌ترین», while
    «تنها», «بها», «رها», «انتها», «تنهایی», «منتهای» stay whole. Stems ending in a non-joining letter
    («روستاها») are left alone, as are the conventional spellings in ``_KEEP_JOINED`` («آنها»).
    """

    def split_word(match: re.Match[str]) -> str:
        word = match.group()
        if word in _KEEP_JOINED or (_frequency(lexicon, word) or 0) > 0:
            return word
        for suffix in _JOINED_SUFFIXES:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < 2 or stem[-1] in _NON_JOINING:
                continue
            lexicalised_plural = suffix.startswith("ها") and (_frequency(lexicon, stem + "ها") or 0) > 0
            if _frequency(lexicon, stem) is not None and not lexicalised_plural:
                return stem + ZWNJ + suffix
        return word

    return _WORD_WITH_SUFFIX.sub(split_word, text)


def join_detached_suffixes(text: str, lexicon: Mapping[str, Any]) -> str:
    """Return ``text`` with «مند» (when the lexicon knows the compound) and the surname suffix «پور» attached.

    «علاقه مندان» → «علاقه‌مندان», «حیدری پور» → «حیدری‌پور»; «نیاز مند» → «نیازمند» (no ZWNJ after
    a non-joining letter).
    """

    def join_mand(match: re.Match[str]) -> str:
        stem = match.group(1)
        if _frequency(lexicon, stem + ZWNJ + "مند") is None and _frequency(lexicon, stem + "مند") is None:
            return match.group()
        return _joiner(stem)

    joined = _SPACED_MAND.sub(join_mand, text) if " مند" in text else text
    return _SPACED_POUR.sub(lambda match: _joiner(match.group(1)), joined) if " پور" in joined else joined


def undo_participle_joins(before: str, after: str) -> str:
    """Return ``after`` with «X‌شده», «X‌یافته» that hazm created (absent from ``before``) written «X شده».

    A compound the author wrote with a ZWNJ («تعیین‌شده») is kept.
    """

    def undo(match: re.Match[str]) -> str:
        if match.group() in before or match.group(1) in ("می", "نمی"):  # «می‌شده» is a verb prefix
            return match.group()
        return f"{match.group(1)} {match.group(2)}"

    if not any(ZWNJ + participle in after for participle in ("شده", "نشده", "یافته")):
        return after
    return _JOINED_PARTICIPLE.sub(undo, after)


# What may follow an invisible mark inside a word and is then attached to the word before it.
_BREAK_SUFFIXES = frozenset(
    {"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "تری", "ترین"}
    | {"ای", "ام", "ات", "اش", "مان", "تان", "شان"}
)
# Words that stand alone and never make a compound with a half-space: prepositions, conjunctions,
# determiners, pronouns, the copula. (Not «هم»، «بی»، «خود»، «پیش», which are also prefixes.)
_WORDS_OF_THEIR_OWN = frozenset(
    {
        "در", "از", "به", "با", "بر", "برای", "تا", "که", "و", "یا", "را", "اگر", "اما", "ولی", "نیز",
        "این", "آن", "یک", "هر", "چه", "چند", "همین", "همان", "من", "تو", "او", "ما", "شما", "وی",
        "آنها", "اینها", "ایشان", "است", "بود", "شد",
    }
)  # fmt: skip
# Affixes written with a half-space after a joining letter and closed after a non-joining one: the
# plural «ها» family, the comparative «تر» family and the possessive pronouns «مان/تان/شان».
_CLOSED_AFTER_NON_JOINING = (
    *("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها"),
    *("ترین", "تری", "تر", "شان", "تان", "مان"),
)
_ZWNJ_BEFORE_AFFIX = re.compile(
    f"\u200c(?<=[{''.join(sorted(_NON_JOINING))}]\u200c)(?=(?:{'|'.join(_CLOSED_AFTER_NON_JOINING)})(?![{_PERSIAN_LETTER}]))"
)
# Possessive pronouns and plural-with-pronoun endings written as a word of their own: «زندگی شان»,
# «محله شان», «خواب‌های تان», «کتاب هایمان».
# The pattern finds the ending; the word before it is read back from the text.
_SPACED_ENDING = re.compile(
    f" (?<=[{_PERSIAN_LETTER}] )(شان|تان|مان|هایشان|هایتان|هایمان|هایم|هایت|هایش)(?![{_PERSIAN_LETTER}\u200c])"
)
_WORD_BEFORE = re.compile(f"[{_PERSIAN_LETTER}\u200c]*[{_PERSIAN_LETTER}]")
# Words after which «شان» (مان، تان) is not a pronoun: prepositions, conjunctions, pronouns and the
# determiners that stand before a noun. «در شان مردم» is «در شأن», the dignity.
_NOT_BEFORE_ENDING = frozenset(
    {
        "در", "از", "به", "با", "بر", "برای", "تا", "بی", "جز", "و", "یا", "که", "را", "اگر", "چون", "نه",
        "هم", "اما", "ولی", "پس", "این", "آن", "هر", "چه", "همین", "همان", "من", "تو", "او", "ما", "شما",
        "ایشان", "آنها", "اینها", "آنان", "وی", "است", "بود", "شد",
    }
)  # fmt: skip
# Nouns that take «شأن» (dignity), written «شان»: «حفظ شان»، «دون شان»، «خلاف شان».
_BEFORE_SHAN_AS_DIGNITY = frozenset({"حفظ", "خلاف", "دون", "فراخور", "درخور", "رعایت", "ارتقای", "اعتلای", "شایسته"})
_SHAN_AS_DIGNITY_AFTER = re.compile(r"[ ]+و[ ]+(?:منزلت|جایگاه|مقام|شوکت)")
# Determiners that do take a pronoun ending: «همه‌شان»، «کدام‌شان»، «برخی‌شان».
_DETERMINERS_WITH_ENDING = frozenset({"همه", "کدام", "برخی", "بعضی", "هیچ‌کدام", "هیچکدام"})
_NOUN_TAGS = frozenset({"N", "AJ", "PRO"})
# Verb prefixes before «می»: «برمی‌خوردند»، «درمی‌آید»، «بازمی‌گردد»، «فرامی‌رسد»، «فرونمی‌نشیند».
_MI_PREFIXES = ("بر", "در", "باز", "فرا", "فرو")
# (That the prefix starts a word is checked where the pattern is used: a lookbehind in front would
# make re try the pattern at every position.)
_PREFIXED_MI_SPACED = re.compile(
    f"({'|'.join(_MI_PREFIXES)})(ن?می)[ \u200c]?([{_PERSIAN_LETTER}]{{2,}})(?![{_PERSIAN_LETTER}\u200c])"
)
# «می» the month (May) after «ماه» or a day number, which hazm takes for the verb prefix.
_MONTH_MI = re.compile(f"(ماه|[۰-۹]+) می\u200c([{_PERSIAN_LETTER}]+)")
_DAY_MI = re.compile("[۰-۹] می\u200c")
# A list marker at the start of a line: «۱- مورد» (hazm spaces it to «۱ - مورد»).
_LIST_MARKER = re.compile("^([۰-۹]{1,3}) ?([-–]) ?(?=[^\\s۰-۹\\-–])", re.MULTILINE)


def _inside_a_word(text: str, start: int) -> bool:
    """Tell whether ``start`` follows a letter, a digit or a ZWNJ, i.e. is not where a word begins."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == ZWNJ)


def _takes_ending(word: str, ending: str, lexicon: Mapping[str, Any]) -> bool:
    """Tell whether a pronoun or plural ending written apart belongs to ``word`` (a noun or adjective)."""
    if word in _NOT_BEFORE_ENDING or (ending == "شان" and word in _BEFORE_SHAN_AS_DIGNITY):
        return False
    last = word.rsplit(ZWNJ, 1)[-1]
    if last in ("ها", "های") or any(
        word.endswith(plural) and word[: -len(plural)] in lexicon for plural in ("ها", "های")
    ):  # a plural: «خواب‌های تان»، «دفترهای تان»
        return not ending.startswith("ها")
    if word in _DETERMINERS_WITH_ENDING:
        return True
    entry = lexicon.get(word) or lexicon.get(last)
    return entry is not None and bool(_NOUN_TAGS.intersection(entry[1]))


def attach_detached_endings(text: str, lexicon: Mapping[str, Any]) -> str:
    """Return ``text`` with possessive endings written apart attached to their noun.

    «زندگی شان» → «زندگی‌شان», «محله شان» → «محله‌شان», «خواب‌های تان» → «خواب‌های‌تان», «کتاب هایمان»
    → «کتاب‌هایمان», «کار شان» → «کارشان» (no ZWNJ after a non-joining letter). The word before must be a
    noun, adjective or pronoun in hazm's lexicon (or a plural in «ها»), and not a preposition: «در شان
    مردم» (the dignity, شأن) and «حفظ شان و منزلت» stay as written.
    """

    pieces = []
    position = 0
    for match in _SPACED_ENDING.finditer(text):
        start = match.start()
        word_start = start
        while word_start > position and (
            text[word_start - 1] == ZWNJ or _ONE_PERSIAN_LETTER.match(text, word_start - 1)
        ):
            word_start -= 1
        word, ending = text[word_start:start].lstrip(ZWNJ), match.group(1)
        if (
            len(word) < 2
            or not _takes_ending(word, ending, lexicon)
            or (ending == "شان" and _SHAN_AS_DIGNITY_AFTER.match(text, match.end()))
        ):
            continue
        pieces.append(text[position : start - len(word)])
        pieces.append(_joiner(word) + ending)
        position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def join_prefixed_mi(text: str, verbs: Mapping[str, Any]) -> str:
    """Return ``text`` with the verbs of «برمی‌»، «درمی‌»، «بازمی‌»، «فرامی‌»، «فرومی‌» written as one word.

    «برمی خوردند» and «برمیخوردند» → «برمی‌خوردند» when hazm conjugates «می‌خوردند»; «درمیان» (not a
    verb) and «بر می‌گردد» written as two words (where «بر» may be the preposition) are left alone.
    """

    def join(match: re.Match[str]) -> str:
        prefix, mi, stem = match.groups()
        if _inside_a_word(match.string, match.start()) or f"{mi}{ZWNJ}{stem}" not in verbs:
            return match.group()
        return f"{prefix}{mi}{ZWNJ}{stem}"

    if not any(f"{prefix}می" in text or f"{prefix}نمی" in text for prefix in _MI_PREFIXES):
        return text
    return _PREFIXED_MI_SPACED.sub(join, text)


def close_affixes_after_non_joining(text: str) -> str:
    """Return ``text`` without the ZWNJ before «ها»، «تر»، «شان» … after a letter that does not join.

    After «ا، د، ر، ز، و» … a half-space changes nothing visible and Persian writes the word closed:
    «زیبا‌تر» → «زیباتر»، «کار‌ها» → «کارها»، «دفتر‌هایتان» → «دفترهایتان».
    """
    return _ZWNJ_BEFORE_AFFIX.sub("", text) if ZWNJ in text else text


def keep_month_mi(text: str, verbs: Mapping[str, Any]) -> str:
    """Return ``text`` with «می» the month written apart again where hazm made it a verb prefix.

    «ماه می سال جدید» (hazm: «ماه می‌سال») and «۱۵ می سال جاری» keep «می» as a word; «این ماه می‌آید»,
    where «می‌آید» is a verb, stays.
    """

    def undo(match: re.Match[str]) -> str:
        before, stem = match.groups()
        if _inside_a_word(match.string, match.start()) or f"می{ZWNJ}{stem}" in verbs:
            return match.group()
        return f"{before} می {stem}"

    if f"ماه می{ZWNJ}" not in text and not (f" می{ZWNJ}" in text and _DAY_MI.search(text)):
        return text
    return _MONTH_MI.sub(undo, text)


def tidy_list_markers(text: str) -> str:
    """Return ``text`` with list markers at line starts written «۱- مورد», as hazm's «۱ - مورد» is not."""
    return _LIST_MARKER.sub(r"\1\2 ", text)


# A pair of straight quotes on one line becomes guillemets; done before hazm, whose tokenizer would
# space the quotes out first and leave «» or " " behind on a second pass.
_STRAIGHT_QUOTES = re.compile(r'"[ ]*([^"\n]*?)[ ]*"')
# A Latin comma after a Persian word or a closing quote or bracket, before a Persian word or an opening one.
_LATIN_COMMA = re.compile(f"(?<=[{_PERSIAN_LETTER}\u200c»)\\]])[ ]*,[ ]*(?=[{_PERSIAN_LETTER}«(\\[])")
_LATIN_SEMICOLON = re.compile(f"(?<=[{_PERSIAN_LETTER}\u200c])[ ]*;[ ]*(?=[{_PERSIAN_LETTER}]|$)", re.MULTILINE)
_LATIN_QUESTION = re.compile(f"(?<=[{_PERSIAN_LETTER}\u200c])[ ]*\\?")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u200c]+([،؛:.!؟])")
# Runs of question and exclamation marks («؟؟؟»، «!!!»، «؟!!»), each kept once.
_MARK_RUN = re.compile("[?؟!]{2,}")
# Three dots, spaced dots, «…» followed by more dots: one ellipsis character, attached to the word
# before it like a full stop, with a space before the next word.
_DOTS = re.compile(r"(?:…|\.[ ]?\.(?:[ ]?\.)+)(?:[ ]?[.…])*")
_SPACE_BEFORE_ELLIPSIS = re.compile(r"(?<=[\w\u200c»)\]])[ \u200c]+…")
_NO_SPACE_AFTER_ELLIPSIS = re.compile(f"…(?=[{_PERSIAN_LETTER}«(])")
# One space after a Persian comma, semicolon, question or exclamation mark, and after . or : that
# end a Persian word; never inside a number (hazm's own rule does the same).
_NO_SPACE_AFTER_PUNCTUATION = re.compile(
    f"[،؛؟!.:](?:(?<=[،؛؟!])(?=[^\\s،؛:.!؟»)\\]}}])|(?<=[{_PERSIAN_LETTER}][.:])(?=[{_PERSIAN_LETTER}«(]))"
)
# A ZWNJ only means something between two letters; one is enough.
_ZWNJ_RUN = re.compile("\u200c{2,}")
_STRAY_ZWNJ = re.compile("\u200c(?:(?<![^\\W\\d_]\u200c)|(?![^\\W\\d_]))")


def tidy_punctuation(text: str) -> str:
    """Return ``text`` with Persian punctuation between Persian words and tidy spacing around marks.

    Straight quotes in pairs become «»; a Latin comma, semicolon or question mark written after a
    Persian word becomes «،», «؛», «؟»; there is no space before «، ؛ : . ! ؟» and one space after
    «، ؛ ؟ !» (and after «.» or «:» that end a Persian word before another). A Latin comma after a
    closing guillemet, parenthesis or bracket becomes «،» too («» ,» → «»،»). A run of question or
    exclamation marks keeps each mark once («؟؟؟» → «؟»), and three dots, spaced dots or «…» with more
    dots become one «…», attached to the word before it like a full stop. Meant for masked text, where
    numbers like 4.6 are placeholders and cannot be touched.
    """
    tidied = _STRAIGHT_QUOTES.sub(r"«\1»", text)
    # The membership tests skip a regex scan of the whole text in the usual case.
    if "," in tidied:
        tidied = _LATIN_COMMA.sub("، ", tidied)
    if ";" in tidied:
        tidied = _LATIN_SEMICOLON.sub("؛ ", tidied)
    if "?" in tidied:
        tidied = _LATIN_QUESTION.sub("؟", tidied)
    tidied = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", tidied)
    if any(pair in tidied for pair in ("؟؟", "??", "!!", "؟!", "!؟", "?!", "!?", "؟?", "?؟")):
        tidied = _MARK_RUN.sub(_one_of_each_mark, tidied)
    if ".." in tidied or ". ." in tidied or "…" in tidied:
        tidied = _DOTS.sub("…", tidied)
        tidied = _NO_SPACE_AFTER_ELLIPSIS.sub("… ", _SPACE_BEFORE_ELLIPSIS.sub("…", tidied))
    return _NO_SPACE_AFTER_PUNCTUATION.sub(lambda match: match.group() + " ", tidied)


def _one_of_each_mark(match: re.Match[str]) -> str:
    """«؟؟؟» → «؟», «!!!» → «!», «؟!!؟» → «؟!»: each mark once, in the order written (? and ؟ are one mark)."""
    kept = ""
    for mark in match.group():
        if (mark == "!" and "!" not in kept) or (mark != "!" and not set(kept) & {"?", "؟"}):
            kept += mark
    return kept


def _replace_stray_zwnj(match: re.Match[str]) -> str:
    """Drop a ZWNJ next to a space or mark; between a letter and a digit it was a word break: a space."""
    start, end = match.span()
    text = match.string
    between_alphanumerics = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return " " if between_alphanumerics else ""


def tidy_zwnj(text: str) -> str:
    """Return ``text`` with one ZWNJ per run and none next to a space or mark (a space between letter and digit)."""
    return _STRAY_ZWNJ.sub(_replace_stray_zwnj, _ZWNJ_RUN.sub(ZWNJ, text))


def tidy_layout(text: str) -> str:
    """Return ``text`` with single spaces, no stray ZWNJ, no trailing spaces and one blank line between paragraphs.

    Lines inside a paragraph (an address, a list) are kept; runs of blank lines become one.
    """
    text = tidy_zwnj(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)


# --------------------------------------------------------------------------------------------------
# Repeated passages
# --------------------------------------------------------------------------------------------------

_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!؟?…])\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
MIN_REPEATED_SENTENCE_WORDS = 8
MIN_REPEATED_PARAGRAPH_WORDS = 3
_MAX_HEADLINE_WORDS = 40


def split_sentences(line: str) -> list[str]:
    """Return the sentences of one line: pieces ending in . ! ? ؟ or … followed by white space."""
    return [sentence for sentence in _SENTENCE_BOUNDARY.split(line.strip()) if sentence]


def _looks_like_headline(lines: list[list[tuple[str, str]]], key: str) -> bool:
    """Tell whether a first paragraph reads as a headline: one line, one sentence, no final full stop."""
    if len(lines) != 1 or len(lines[0]) != 1:
        return False
    sentence = lines[0][0][0]
    return not sentence.endswith(".") and len(key.split()) <= _MAX_HEADLINE_WORDS


def _passage_key(sentences: Iterable[tuple[str, str]]) -> str:
    """Return the comparison key of a run of ``(sentence, folded sentence)`` pairs."""
    return " ".join(folded for _, folded in sentences if folded)


def drop_repeated_passages(
    text: str,
    *,
    min_sentence_words: int = MIN_REPEATED_SENTENCE_WORDS,
    min_paragraph_words: int = MIN_REPEATED_PARAGRAPH_WORDS,
) -> str:
    """Return ``text`` with a paragraph or a long sentence that occurs a second time kept only once.

    Passages are compared by the :func:`fold` of their sentences, so a copy that differs in Arabic
    letters, ZWNJ, digits, punctuation or line breaks is still a copy. A paragraph of at least
    ``min_paragraph_words`` words and a sentence of at least ``min_sentence_words`` words are dropped
    when an earlier one folds the same. A headline (a one-sentence first line) is compared only as a
    whole paragraph: news style opens the body with the headline's words, which must stay.
    Paragraphs are returned separated by one blank line.
    """
    paragraphs = [paragraph.strip() for paragraph in _BLANK_LINE.split(text) if paragraph.strip()]
    seen_paragraphs: set[str] = set()
    seen_sentences: set[str] = set()
    kept_paragraphs: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        # Each sentence is folded once; paragraph keys are built from the sentence keys.
        lines = [[(sentence, fold(sentence)) for sentence in split_sentences(line)] for line in paragraph.split("\n")]
        key = _passage_key(pair for line in lines for pair in line)
        if key in seen_paragraphs and len(key.split()) >= min_paragraph_words:
            continue
        seen_paragraphs.add(key)
        if index == 0 and _looks_like_headline(lines, key):
            kept_paragraphs.append(paragraph)
            continue
        kept_lines: list[list[tuple[str, str]]] = []
        for line in lines:
            kept_sentences = []
            for sentence, sentence_key in line:
                if len(sentence_key.split()) >= min_sentence_words:
                    if sentence_key in seen_sentences:
                        continue
                    seen_sentences.add(sentence_key)
                kept_sentences.append((sentence, sentence_key))
            if kept_sentences:
                kept_lines.append(kept_sentences)
        kept_key = _passage_key(pair for line in kept_lines for pair in line)
        if not kept_lines or (
            kept_key != key and kept_key in seen_paragraphs and len(kept_key.split()) >= min_paragraph_words
        ):
            continue
        # The shortened paragraph is registered too, so a later copy of what is left also goes and a
        # second pass finds nothing more to drop.
        seen_paragraphs.add(kept_key)
        kept_paragraphs.append("\n".join(" ".join(sentence for sentence, _ in line) for line in kept_lines))
    return "\n\n".join(kept_paragraphs)


# --------------------------------------------------------------------------------------------------
# hazm's steps
# --------------------------------------------------------------------------------------------------

# hazm 0.10.0 (the last release for Python 3.11) and hazm 0.12 (Python 3.12+ only) share their word
# tokenizer, lexicon and verb list, but 0.12 rewrote the normalizer around them: its spacing step glues
# more suffixes («کار‌ت», «مدیر‌ان», «ماش‌ین»), its replacements work per match instead of on the whole
# text, and its tables moved to hazm.constants. So that a release reads the same whichever interpreter
# the bot runs on, the steps we use are written out below as hazm 0.10.0 has them (hazm is MIT licensed,
# https://github.com/roshan-research/hazm), with the few departures HazmSteps.normalize lists; only the
# tokenizer, the lexicon, the verbs and the letter table come from the installed hazm.
# tests/test_text_samples.py pins the output on both versions.

_HAZM_PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_HAZM_PUNCTUATION_AFTER = r"\.:!،؛؟»\]\)\}"
_HAZM_PUNCTUATION_BEFORE = r"«\[\(\{"


def _compiled(patterns: Iterable[tuple[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in patterns)


def _substitute_all(patterns: Iterable[tuple[re.Pattern[str], str]], text: str) -> str:
    """Apply each ``(pattern, replacement)`` in turn, like hazm's ``regex_replace``."""
    for pattern, replacement in patterns:
        text = pattern.sub(replacement, text)
    return text


_HAZM_PERSIAN_STYLE = _compiled(
    [
        ('"([^\n"]+)"', r"«\1»"),  # straight quotes to guillemets
        (r"([\d+])\.([\d+])", r"\1٫\2"),  # decimal point to the Persian separator
        (r" ?\.\.\.", " …"),  # three dots to an ellipsis
    ]
)
_HAZM_EXTRA_SPACE = _compiled(
    [
        (r" {2,}", " "),
        (r"\n{3,}", "\n\n"),
        (r"\u200c{2,}", "\u200c"),
        (r"\u200c{1,} ", " "),
        (r" \u200c{1,}", " "),
        (r"\b\u200c*\B", ""),
        (r"\B\u200c*\b", ""),
        (r"[ـ\r]", ""),
    ]
)
_HAZM_PUNCTUATION_SPACING = _compiled(
    [
        ('" ([^\n"]+) "', r'"\1"'),
        (" ([" + _HAZM_PUNCTUATION_AFTER + "])", r"\1"),
        ("([" + _HAZM_PUNCTUATION_BEFORE + "]) ", r"\1"),
        ("([" + _HAZM_PUNCTUATION_AFTER[:3] + "])([^ " + _HAZM_PUNCTUATION_AFTER + r"\d۰۱۲۳۴۵۶۷۸۹])", r"\1 \2"),
        ("([" + _HAZM_PUNCTUATION_AFTER[3:] + "])([^ " + _HAZM_PUNCTUATION_AFTER + "])", r"\1 \2"),
        ("([^ " + _HAZM_PUNCTUATION_BEFORE + "])([" + _HAZM_PUNCTUATION_BEFORE + "])", r"\1 \2"),
        (rf"(\d)([{_HAZM_PERSIAN_LETTERS}])", r"\1 \2"),
        (rf"([{_HAZM_PERSIAN_LETTERS}])(\d)", r"\1 \2"),
    ]
)
_HAZM_AFFIX_SPACING = _compiled(
    [
        (r"([^ ]ه) ی ", "\\1\u200cی "),
        (r"(^| )(ن?می) ", "\\1\\2\u200c"),
        (
            r"(?<=[^\n\d " + _HAZM_PUNCTUATION_AFTER + _HAZM_PUNCTUATION_BEFORE + "]{2}) (تر(ین?)?|گری?|های?)"
            "(?=[ \n" + _HAZM_PUNCTUATION_AFTER + _HAZM_PUNCTUATION_BEFORE + "]|$)",
            "\u200c\\1",
        ),
        (r"([^ ]ه) (ا(م|یم|ش|ند|ی|ید|ت))(?=[ \n" + _HAZM_PUNCTUATION_AFTER + "]|$)", "\\1\u200c\\2"),
        ("(ه)(ها)", "\\1\u200c\\2"),
    ]
)
# Presentation-form ligatures; clean_unicode has already decomposed them, so this step is kept for fidelity.
_HAZM_UNICODE_REPLACEMENTS = _compiled(
    [
        ("﷽", "بسم الله الرحمن الرحیم"),
        ("﷼", "ریال"),
        ("(ﷰ|ﷹ)", "صلی"),
        ("ﷲ", "الله"),
        ("ﷳ", "اکبر"),
        ("ﷴ", "محمد"),
        ("ﷵ", "صلعم"),
        ("ﷶ", "رسول"),
        ("ﷷ", "علیه"),
        ("ﷸ", "وسلم"),
        ("ﻵ|ﻶ|ﻷ|ﻸ|ﻹ|ﻺ|ﻻ|ﻼ", "لا"),
    ]
)
# The suffixes hazm 0.10's spacing step attaches to a known word before them (0.12 has 27).
_HAZM_SUFFIXES = frozenset({"ی", "ای", "ها", "های", "هایی", "تر", "تری", "ترین", "گر", "گری", "ام", "ات", "اش"})
_HAZM_REPEATED_LETTER = re.compile(f"([{_HAZM_PERSIAN_LETTERS}])\\1{{2,}}")
_HAZM_WORD_WITH_REPEATS = re.compile(
    f"[{_HAZM_PERSIAN_LETTERS}]*([{_HAZM_PERSIAN_LETTERS}])\\1{{2,}}[{_HAZM_PERSIAN_LETTERS}]*"
)
# A whole word: hazm's «\bن?می[…]+» also matches the «میی» of «میی‌ها», which only our affix split
# created, so a second pass would separate what the first did not.
_HAZM_JOINED_MI = re.compile(f"\\bن?می[{_HAZM_PERSIAN_LETTERS}]+(?![{_HAZM_PERSIAN_LETTERS}\u200c])")
_HAZM_MI = re.compile("^(ن?می)")
# hazm's affix rule «(^| )(ن?می) » for the start of every line, not only of the text.
_DETACHED_MI_AT_LINE_START = re.compile("^(ن?می) ", re.MULTILINE)


def _hazm_letter_table(hazm: Any) -> dict[int, str]:
    """Return hazm's table of Arabic-script letter variants, for the letters that survive :func:`clean_unicode`.

    hazm 0.12 keeps the table in ``hazm.constants``, 0.10 on each Normalizer. 0.12 adds three
    presentation forms, which clean_unicode has already decomposed, so the tables that are left agree.
    """
    try:
        from hazm.constants import TRANSLATION_DST, TRANSLATION_SRC  # noqa: PLC0415  (hazm 0.11+)
    except ImportError:
        bare = hazm.Normalizer(
            correct_spacing=False,
            remove_diacritics=False,
            remove_specials_chars=False,
            decrease_repeated_chars=False,
            persian_style=False,
            persian_numbers=False,
            unicodes_replacement=False,
            seperate_mi=False,
        )
        source, target = bare.translation_src, bare.translation_dst
    else:
        source, target = TRANSLATION_SRC, TRANSLATION_DST
    table: dict[int, str] = hazm.maketrans(source, target)
    return {code: letter for code, letter in table.items() if clean_unicode(chr(code)) == chr(code)}


def hazm_verb_forms(hazm: Any) -> dict[str, str]:
    """Every conjugated form of hazm's verbs → the verb: ``hazm.Lemmatizer(joined_verb_parts=False).verbs``.

    Built here because the Lemmatizer loads a second copy of the lexicon on the way (a second of CPU
    at every start); tests/test_text.py checks that the two agree on the installed hazm.
    """
    from hazm.utils import default_verbs  # noqa: PLC0415  (lazy, like hazm itself)

    forms = {"است": "#است"}
    conjugation = hazm.Conjugation()
    with open(default_verbs, encoding="utf-8") as file:
        verbs = [line.strip() for line in file if line]
    for verb in reversed(verbs):
        for tense in conjugation.get_all(verb):
            forms[tense] = verb
    return forms


class HazmSteps:
    """hazm 0.10.0's normalizer steps that we use, over the installed hazm's tokenizer and lexicon.

    Construction imports hazm and loads its lexicon and verbs (seconds, and most of the process's
    memory); the steps are then pure and keep no per-call state.
    """

    def __init__(self) -> None:
        """Import hazm and load its word tokenizer, lexicon, verbs and letter table."""
        import hazm  # noqa: PLC0415  (lazy: importing this module must stay cheap)

        self._tokenizer: Any = hazm.WordTokenizer(join_verb_parts=False)
        # hazm's lexicon: word -> (frequency, tags); and its verbs (joined parts as «گفته_شده»).
        self.lexicon: Mapping[str, Any] = self._tokenizer.words
        self.verbs: Mapping[str, Any] = hazm_verb_forms(hazm)
        # hazm's normalize() rebuilds this table on every call (a third of a millisecond); built once.
        self.letters = _hazm_letter_table(hazm)
        self._translate_letters = sparse_translation(self.letters)

    def normalize(self, text: str) -> str:
        """Run the steps of hazm 0.10's ``Normalizer.normalize`` that we enable, in its order but one.

        Enabled: letter table, persian_style, correct_spacing, unicodes_replacement,
        decrease_repeated_chars, seperate_mi. Diacritics and special characters are the author's, and
        digits are made Persian by us, outside protected spans only. Where hazm 0.10 would change a
        text again on a second pass, we depart from it, so that normalize stays idempotent:

        * hazm's pattern for a detached «می» anchors at ^ without MULTILINE, so «می» opening a later line
          was fixed only on a second pass; the same fix is applied at every line start here;
        * hazm shortens repeated letters after spacing, so «اطلاععع رسانی» became «اطلاع رسانی» and got
          its half-space only on a second pass; here repeated letters go first, each word where it
          stands (see :meth:`decrease_repeated_chars`);
        * «میگفت» is separated only as a whole word (see ``_HAZM_JOINED_MI``).
        """
        text = self._translate_letters(text)
        text = self.decrease_repeated_chars(text)
        text = _substitute_all(_HAZM_PERSIAN_STYLE, text)
        text = self.correct_spacing(text)
        text = _DETACHED_MI_AT_LINE_START.sub("\\1" + ZWNJ, text)
        text = _substitute_all(_HAZM_UNICODE_REPLACEMENTS, text)
        return self.separate_mi(text)

    def correct_spacing(self, text: str) -> str:
        """Spacing around words, affixes and punctuation; compounds the lexicon knows get a ZWNJ."""
        text = _substitute_all(_HAZM_EXTRA_SPACE, text)
        text = "\n".join(" ".join(self.token_spacing(self._tokenizer.tokenize(line))) for line in text.split("\n"))
        text = _substitute_all(_HAZM_AFFIX_SPACING, text)
        return _substitute_all(_HAZM_PUNCTUATION_SPACING, text)

    def token_spacing(self, tokens: list[str]) -> list[str]:
        """Join a token to the one before with a ZWNJ where the pair is a known verb or word, or a suffix."""
        result: list[str] = []
        for index, token in enumerate(tokens):
            joined = False
            if result:
                pair = result[-1] + ZWNJ + token
                if pair in self.verbs or (pair in self.lexicon and self.lexicon[pair][0] > 0):
                    following = tokens[index + 1] if index < len(tokens) - 1 else None
                    joined = following is None or f"{token}_{following}" not in self.verbs
                elif token in _HAZM_SUFFIXES and result[-1] in self.lexicon:
                    joined = True
            if joined:
                result[-1] = pair
            else:
                result.append(token)
        return result

    def decrease_repeated_chars(self, text: str) -> str:
        """A letter written three times or more («سلاممممم») becomes one or two, whichever is a word.

        hazm replaces each such word with ``str.replace`` over the whole text, which also shortens it
        inside a longer run («ووو وووو» → «وو ووو», then «وو وو» on a second pass); here each word is
        replaced where it stands.
        """

        def shorten(match: re.Match[str]) -> str:
            word = match.group()
            if word in self.lexicon:
                return word
            once = _HAZM_REPEATED_LETTER.sub(r"\1", word)
            twice = _HAZM_REPEATED_LETTER.sub(r"\1\1", word)
            if (once in self.lexicon) != (twice in self.lexicon):
                return once if once in self.lexicon else twice
            return twice

        return _HAZM_WORD_WITH_REPEATS.sub(shorten, text)

    def separate_mi(self, text: str) -> str:
        """«میگفت» becomes «می‌گفت» where the result is a verb hazm knows."""
        for word in _HAZM_JOINED_MI.findall(text):
            separated = _HAZM_MI.sub("\\1" + ZWNJ, word)
            if separated in self.verbs:
                text = text.replace(word, separated)
        return text


# --------------------------------------------------------------------------------------------------
# The normalizer
# --------------------------------------------------------------------------------------------------


class PersianNormalizer:
    """Turns a release as pasted into its display text. Build one at start-up and share it.

    Construction imports hazm and loads its lexicon (seconds, and most of the process's memory);
    :meth:`normalize` is then pure and thread-safe (no per-call state is kept).
    """

    def __init__(self) -> None:
        """Load hazm's tokenizer, lexicon and verbs."""
        self.hazm = HazmSteps()
        # hazm's lexicon, already loaded by its tokenizer: word -> (frequency, tags).
        self.lexicon: Mapping[str, Any] = self.hazm.lexicon

    def word_break(self, left: str, right: str) -> str:
        """What separates two words that an invisible mark (soft hyphen, RLM …) stood between.

        Writers and old keyboards put these marks where a half-space belongs, so a ZWNJ is the rule: an
        affixed word or a compound hazm knows («کتاب‌ها»، «می‌شود»، «اطلاع‌رسانی»), and anything unknown
        («هم‌استانی»), which keeps the words apart without asserting two words. Nothing where the first
        ends in a non-joining letter and the lexicon writes the word closed («بذرکاری», which looks the
        same either way). A space where one side is a word that never joins another, a preposition, a
        conjunction, a determiner or a pronoun («یک متن»، «این یک»، «کتاب را»).
        """
        compound = f"{left}{ZWNJ}{right}"
        if right in _BREAK_SUFFIXES or left in ("می", "نمی"):
            return _joiner(left)[len(left) :]
        if compound in self.lexicon or compound in self.hazm.verbs:
            return ZWNJ
        if left[-1] in _NON_JOINING and (_frequency(self.lexicon, left + right) or 0) > 0:
            return ""
        if left in _WORDS_OF_THEIR_OWN or right in _WORDS_OF_THEIR_OWN:
            return " "
        return ZWNJ

    def normalize(self, raw: str) -> str:
        """Return the display text of ``raw``; ``normalize(normalize(x)) == normalize(x)``.

        Protected spans (see :func:`protected_spans`) come out byte for byte as they went in.
        """
        text = clean_unicode(raw, self.word_break)
        text = strip_wire_headers(text)
        masked, originals = mask_protected_spans(text)
        # Placeholders hold no digits, so this is persian_digits_outside_spans without a second scan.
        # Stray ZWNJs go before punctuation is tidied, so that the spacing after a mark is settled
        # before hazm reads it (hazm attaches «ها» or «می» to whatever a space separates).
        masked = tidy_punctuation(space_after_spans(tidy_zwnj(to_persian_digits(masked)), originals))
        # Closed before hazm too: hazm's spacing looks «کارها» up in its lexicon, not «کار‌ها».
        masked = close_affixes_after_non_joining(masked)
        before_hazm = masked
        by_hazm = self.hazm.normalize(masked)
        # hazm never touches Latin capitals, but if a placeholder were ever damaged, losing hazm's
        # spacing fixes is better than losing a URL or a phone number.
        if _placeholders_intact(by_hazm, len(originals)):
            masked = space_after_spans(undo_participle_joins(before_hazm, by_hazm), originals)
        masked = close_affixes_after_non_joining(split_joined_affixes(masked, self.lexicon))
        masked = join_detached_suffixes(masked, self.lexicon)
        masked = attach_detached_endings(masked, self.lexicon)
        masked = join_prefixed_mi(masked, self.hazm.verbs)
        masked = keep_month_mi(masked, self.hazm.verbs)
        masked = tidy_list_markers(tidy_punctuation(tidy_zwnj(masked)))
        masked = tidy_layout(masked)
        text = restore_protected_spans(masked, originals)
        return drop_repeated_passages(text)
