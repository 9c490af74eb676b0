"""Tests for the Persian text pipeline: clean-up, headers, protected spans, ZWNJ, repeats, folding."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from random import Random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.digits import to_latin_digits
from bot.domain.text import (
    ZWNJ,
    PersianNormalizer,
    clean_unicode,
    drop_repeated_passages,
    fold,
    join_detached_suffixes,
    mask_protected_spans,
    persian_digits_outside_spans,
    protected_spans,
    restore_protected_spans,
    split_joined_affixes,
    split_sentences,
    strip_wire_headers,
    tidy_layout,
    tidy_punctuation,
    undo_participle_joins,
)

SAMPLES_PATH = Path(__file__).parent / "data" / "releases.jsonl"
SAMPLES: list[dict[str, Any]] = [json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines()]
SAMPLE_IDS = [sample["id"] for sample in SAMPLES]
SHARA_HEADER = "شبكه اطلاع رساني روابط عمومي ايران (شارا)-||"


@pytest.fixture(scope="session")
def normalizer() -> PersianNormalizer:
    """The one PersianNormalizer of the test session (building one costs seconds)."""
    return PersianNormalizer()


@pytest.fixture(scope="session")
def normalized(normalizer: PersianNormalizer) -> dict[str, str]:
    """The display text of every sample, computed once."""
    return {sample["id"]: normalizer.normalize(sample["text"]) for sample in SAMPLES}


def _sample(sample_id: str) -> dict[str, Any]:
    return next(sample for sample in SAMPLES if sample["id"] == sample_id)


def _span_texts(text: str) -> list[str]:
    return [text[start:end] for start, end in protected_spans(text)]


# --------------------------------------------------------------------------------------------------
# Import cost
# --------------------------------------------------------------------------------------------------


def test_importing_text_module_does_not_import_hazm() -> None:
    """Importing bot.domain.text stays cheap: hazm is loaded only when a normalizer is built."""
    code = "import sys, bot.domain.text, bot.domain.dedupe; print('hazm' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------------------------------
# clean_unicode
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u0643\u062a\u0627\u0628 \u064a\u0627\u0631", "کتاب یار"),  # Arabic kaf and yeh
        ("\u0645\u0648\u0633\u0649", "موسی"),  # alef maksura
        ("\u06d2\u06aa\u06c1\u06be", "یکهه"),  # yeh barree, swash kaf, heh goal, heh doachashmee
        ("\u0661\u0662\u0663", "۱۲۳"),  # Arabic-Indic digits
        ("\ufeb3\ufefc\ufee1", "سلام"),  # presentation forms, including the lam-alef ligature
        ("ایـــلام", "ایلام"),  # kashida
    ],
)
def test_clean_unicode_makes_arabic_variants_persian(raw: str, expected: str) -> None:
    """Arabic letters, digits, presentation forms and kashida become plain Persian."""
    assert clean_unicode(raw) == expected


def test_clean_unicode_normalizes_spaces_line_endings_and_invisibles() -> None:
    """NBSP and typographic spaces become spaces, CR/LF become LF, joiners, BOM and controls go."""
    raw = "الف\u00a0ب\u2009ج\tد\r\nه\rو\u2028ز\u200dح\u2060ط\ufeffی\x07ک"
    assert clean_unicode(raw) == "الف ب ج د\nه\nو\nزحطیک"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("یک\u00adمتن", f"یک{ZWNJ}متن"),  # soft hyphen
        ("این\u200fیک", f"این{ZWNJ}یک"),  # right-to-left mark
        ("این\u200eیک", f"این{ZWNJ}یک"),  # left-to-right mark
        ("این\u200bیک", f"این{ZWNJ}یک"),  # zero-width space
        ("این\u2067یک\u2069", f"این{ZWNJ}یک"),  # an isolate between letters, its end at the word's edge
        (f"می{ZWNJ}\u200fشود", f"می{ZWNJ}شود"),  # with a ZWNJ already there: one ZWNJ
        ("\u200fسلام دنیا\u200f", "سلام دنیا"),  # at the edges of words: dropped
        ("رودخانه\u200f سیمره", "رودخانه سیمره"),
        ("نسخه\u200eWindows", "نسخه Windows"),  # between a Persian and a Latin letter: a space
        ("Word\u200fنصب", "Word نصب"),
        ("Win\u00addows", "Windows"),  # a soft hyphen inside a Latin word is only a hyphenation point
    ],
)
def test_clean_unicode_turns_invisible_marks_between_letters_into_a_word_break(raw: str, expected: str) -> None:
    """A soft hyphen or directional mark between Persian letters ended a word: a ZWNJ, never nothing."""
    assert clean_unicode(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ساعت ۸ـ۱۰ صبح", "ساعت ۸-۱۰ صبح"),
        ("ساعت 8ـــ10 صبح", "ساعت 8-10 صبح"),
        ("ساعت ۸ ـ ۱۰ صبح", "ساعت ۸-۱۰ صبح"),
        ("ساعت ۸ـ صبح", "ساعت ۸ صبح"),  # a kashida after one number only is clutter
    ],
)
def test_clean_unicode_makes_a_kashida_between_numbers_a_hyphen(raw: str, expected: str) -> None:
    """A kashida between two numbers is a dash typed on a Persian keyboard, not a joiner to drop."""
    assert clean_unicode(raw) == expected


@pytest.mark.parametrize(
    "emoji",
    ["👨\u200d👩\u200d👧", "❤️\u200d🔥", "🧑\u200d⚕️", "🏳️\u200d🌈", "👩🏽\u200d💻"],
)
def test_clean_unicode_keeps_the_joiner_inside_emoji(emoji: str) -> None:
    """A ZWJ between two emoji is part of the picture; the same ZWJ after a letter goes."""
    assert clean_unicode(f"خانواده {emoji} شاد") == f"خانواده {emoji} شاد"
    assert clean_unicode("ال\u200dف \u200d👍") == "الف 👍"


def test_clean_unicode_keeps_persian_spelling_and_ascii() -> None:
    """ZWNJ, hamza forms, آ, Persian digits and ASCII pass through clean-up unchanged."""
    text = "رئیس مسئول تأکید کرد آب می‌شود ۱۴۰۳ https://x.ir/A?b=1 test@mail.com 4.6"
    assert clean_unicode(text) == text


# --------------------------------------------------------------------------------------------------
# strip_wire_headers
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "شبكه اطلاع رساني روابط عمومي ايران (شارا)-||",
        "شبکه اطلاع‌رسانی روابط عمومی ایران (شارا)-||",
        "شبکه اطلاعرسانی روابط‌عمومی ایران (شارا) - ||",
        "شبکه اطلاع رسانی روابط عمومی ایران (شارا):",
        "شبکه اطلاع رسانی روابط عمومی ایران (شارا) -",
        "شبکه اطلاع رسانی روابط عمومی ایران - ",
        "شبکه اطلاع رسانی روابط عمومی ایران | ",
        "شبكـــه اطلاع‌رساني روابط عمومي‌هاي ايران «شارا» –",
        "شبکه اطلاع رسانی روابط عمومی ایران (شارا)",
    ],
)
def test_strip_wire_headers_removes_shara_variants(header: str) -> None:
    """The Shara dateline goes in its letter, ZWNJ, kashida, acronym and separator variants."""
    text = f"عنوان خبر\n\n{header} مدیر کل گفت: خبر مهم است."
    assert strip_wire_headers(text) == "عنوان خبر\n\nمدیر کل گفت: خبر مهم است."


def test_strip_wire_headers_removes_header_alone_on_its_line() -> None:
    """A dateline on a line of its own leaves an empty line, which the layout step removes."""
    assert strip_wire_headers(f"{SHARA_HEADER}\nمتن خبر") == "\nمتن خبر"


def test_strip_wire_headers_removes_other_wires_in_the_same_style() -> None:
    """Another network's «name (acronym)-||» dateline is removed too."""
    assert strip_wire_headers("پایگاه خبری استان (پخا)-|| متن خبر") == "متن خبر"


@pytest.mark.parametrize(
    "text",
    [
        "به گزارش خبرگزاری ایرنا از ایلام، استاندار گفت: خبر مهم است.",
        "به گزارش روابط عمومی دانشگاه علوم پزشکی ایلام، معاون بهداشت گفت",
        "شبکه اطلاع رسانی روابط عمومی ایران در سال ۱۳۹۰ راه‌اندازی شد.",
        "مدیر کل گفت: شبکه اطلاع رسانی روابط عمومی ایران (شارا)-|| نباید وسط جمله حذف شود.",
        "ساعت ۱۰ - ۱۲ جلسه است.",
    ],
)
def test_strip_wire_headers_keeps_content(text: str) -> None:
    """Attribution («به گزارش …»), prose about the network and mid-line text are content and stay."""
    assert strip_wire_headers(text) == text


# --------------------------------------------------------------------------------------------------
# protected_spans
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("نشانی https://medilam.ac.ir/fa/news/flu-vaccination است", "https://medilam.ac.ir/fa/news/flu-vaccination"),
        ("به http://Example.com/a?b=1&c=2#x مراجعه کنید.", "http://Example.com/a?b=1&c=2#x"),
        ("سایت www.ilam.ir را ببینید", "www.ilam.ir"),
        ("در medilam.ac.ir منتشر شد", "medilam.ac.ir"),
        ("به نشانی ostan-ilam.ir/fa/news.", "ostan-ilam.ir/fa/news"),
        ("پیوند (https://x.ir/a_(b)) را ببینید", "https://x.ir/a_(b)"),
        ("نشانی https://x.ir، و", "https://x.ir"),
        ("ایمیل pr.office@ilam.gov.ir است.", "pr.office@ilam.gov.ir"),
        ("کانال @ilam_pr را دنبال کنید", "@ilam_pr"),
        ("با برچسب #هفته_دولت منتشر شد", "#هفته_دولت"),
        ("تلفن همراه 09123456789 است", "09123456789"),
        ("همراه ۰۹۱۲۳۴۵۶۷۸۹ است", "۰۹۱۲۳۴۵۶۷۸۹"),
        ("شماره 0912 345 6789 است", "0912 345 6789"),
        ("شماره +989123456789 است", "+989123456789"),
        ("شماره +98 912 345 6789 است", "+98 912 345 6789"),
        ("تلفن 084-33338888 است", "084-33338888"),
        ("تلفن 08433338888 است", "08433338888"),
        ("تلفن (084) 33338888 است", "(084) 33338888"),
        ("با شماره 112 تماس بگیرید", "112"),
        ("با سامانه ۱۳۷ تماس بگیرید", "۱۳۷"),
        ("شماره تلفن: 33338888 است", "33338888"),
        ("تاریخ 1403/05/12 است", "1403/05/12"),
        ("تاریخ ۱۴۰۵/۰۹/۰۷ است", "۱۴۰۵/۰۹/۰۷"),
        ("تاریخ 2024-05-12 است", "2024-05-12"),
        ("نامه شماره ۱۲۳/۴۵۶ است", "۱۲۳/۴۵۶"),
        ("ساعت 10:30 است", "10:30"),
        ("زلزله 4.6 ریشتری", "4.6"),
        ("به ۱٫۹ میلیارد دلار رسید", "۱٫۹"),
        ("رشد 14% داشت", "14%"),
        ("رشد ۱۴٪ داشت", "۱۴٪"),
        ("مبلغ 1,250,000 ریال", "1,250,000"),
        ("ویروس COVID-19 شیوع یافت", "COVID-19"),
        ("فناوری 5G آمد", "5G"),
        ("سن 18-22 سال", "18-22"),
        ("سال‌های ۱۴۰۵-۱۴۰۶ و", "۱۴۰۵-۱۴۰۶"),
        ("کیلومترهای ۱-۶ محور", "۱-۶"),
        ("صفحات ۱۲–۱۸ کتاب", "۱۲–۱۸"),
        ("کد *123# را بگیرید", "*123#"),
        ("کد *724*1# را بگیرید", "*724*1#"),
        ("کد #31# را بگیرید", "#31#"),
        ("نسخه Windows 11 نصب شد", "Windows 11"),
        ("با Word 2019 و Excel نوشت", "Word 2019"),
        ("خانواده 👨\u200d👩\u200d👧 شاد", "👨\u200d👩\u200d👧"),
        ("گزینه 1️⃣ را بزنید", "1️⃣"),
        ("پرچم 🇮🇷 بالا رفت", "🇮🇷"),
        ("پیوند [متن خبر](https://x.ir/a) را ببینید", "[متن خبر](https://x.ir/a)"),
        ("*مهم:* این خبر است", "*مهم:*"),
        ("**خبر فوری** امروز", "**خبر فوری**"),
    ],
)
def test_protected_spans_finds_each_kind(text: str, span: str) -> None:
    """Each kind of protected item is found as exactly one whole span."""
    assert span in _span_texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "۱۲۴۰۰ دوز واکسن",
        "160 روابط عمومی",
        "بخشنامه شماره 5 ابلاغ شد",
        "تماس 24 ساعته",
        "ساعت ۱۰ صبح",
        "محور ایلام - مهران",
        "1- مورد اول",
        "سامانه @ و # و * است",
        "* مورد اول",
    ],
)
def test_protected_spans_leaves_prose_numbers_alone(text: str) -> None:
    """Plain numbers in prose are not protected, so they can become Persian digits."""
    assert protected_spans(text) == []


def test_protected_spans_are_sorted_and_disjoint() -> None:
    """Overlapping matches (a URL that is also a Latin word) merge into sorted, disjoint spans."""
    text = "سایت www.ilam.ir و ایمیل a@b.ir و تاریخ 1403/05/12 ساعت 10:30 و COVID-19"
    spans = protected_spans(text)
    assert spans == sorted(spans)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))
    assert _span_texts(text) == ["www.ilam.ir", "a@b.ir", "1403/05/12", "10:30", "COVID-19"]


def test_persian_digits_outside_spans_converts_prose_only() -> None:
    """Prose digits become Persian while dates, phones and decimals keep their digits."""
    text = "160 نفر در 1403/05/12 با 09123456789 و زلزله 4.6 و 12 روستا"
    assert persian_digits_outside_spans(text) == "۱۶۰ نفر در 1403/05/12 با 09123456789 و زلزله 4.6 و ۱۲ روستا"


def test_mask_and_restore_round_trip() -> None:
    """Masking replaces spans by letter-only placeholders and restoring gives the text back."""
    text = "سایت www.ilam.ir و تاریخ 1403/05/12 و ۱۲ روستا"
    masked, originals = mask_protected_spans(text)
    assert originals == ["www.ilam.ir", "1403/05/12"]
    assert not re.search(r"[0-9./]", masked.replace("۱۲", ""))
    assert restore_protected_spans(masked, originals) == text


# --------------------------------------------------------------------------------------------------
# ZWNJ and affixes
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("عمومیها", "عمومی‌ها"),
        ("دستگاههای", "دستگاه‌های"),
        ("جاذبههای", "جاذبه‌های"),
        ("فعالیتهای", "فعالیت‌های"),
        ("کتابهایی", "کتاب‌هایی"),
        ("سالها", "سال‌ها"),
        ("مهمترین", "مهم‌ترین"),
        # Real words, conventional spellings and stems ending in a non-joining letter stay whole.
        ("تنها", "تنها"),
        ("تنهایی", "تنهایی"),
        ("بها", "بها"),
        ("رها", "رها"),
        ("انتها", "انتها"),
        ("منتهای", "منتهای"),
        ("آنها", "آنها"),
        ("اینها", "اینها"),
        ("صدها", "صدها"),
        ("بیشترین", "بیشترین"),
        ("روستاها", "روستاها"),
        ("نهادها", "نهادها"),
    ],
)
def test_split_joined_affixes_uses_the_lexicon(normalizer: PersianNormalizer, word: str, expected: str) -> None:
    """A glued plural or superlative gets its ZWNJ only when the lexicon says stem + suffix, not a word."""
    assert split_joined_affixes(f"روابط {word} استان", normalizer.lexicon) == f"روابط {expected} استان"


def test_join_detached_suffixes_attaches_mand_and_pour(normalizer: PersianNormalizer) -> None:
    """«علاقه مندان» and «حیدری پور» get their ZWNJ; «نیاز مند» joins without one."""
    text = "علاقه مندان و نادر حیدری پور و نیاز مند"
    assert join_detached_suffixes(text, normalizer.lexicon) == "علاقه‌مندان و نادر حیدری‌پور و نیازمند"


def test_undo_participle_joins_restores_verbs_but_keeps_authors_compounds() -> None:
    """hazm's «انجام‌شده است» goes back to «انجام شده است»; an author's «تعیین‌شده» stays."""
    before = "کار انجام شده است و مراکز تعیین‌شده"
    after = "کار انجام‌شده است و مراکز تعیین‌شده"
    assert undo_participle_joins(before, after) == "کار انجام شده است و مراکز تعیین‌شده"


# --------------------------------------------------------------------------------------------------
# Punctuation and layout
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("گفت , من آمدم", "گفت، من آمدم"),
        ("گفت,من", "گفت، من"),
        ("اظهار کرد : امروز", "اظهار کرد: امروز"),
        ("است .وی گفت", "است. وی گفت"),
        ("آیا آمد ?", "آیا آمد؟"),
        ("الف ; ب", "الف؛ ب"),
        ("سلام ،دنیا", "سلام، دنیا"),
        ("XQAQX,XQBQX", "XQAQX,XQBQX"),
    ],
)
def test_tidy_punctuation(text: str, expected: str) -> None:
    """Latin marks between Persian words become Persian; no space before a mark, one after."""
    assert tidy_punctuation(text) == expected


def test_tidy_layout_single_spaces_and_one_blank_line() -> None:
    """Spaces collapse, lines lose trailing spaces and stray ZWNJ, paragraphs get one blank line."""
    text = "  الف   ب \u200c\n\n\n\nج‌‌د  \n ه\n\n \n"
    assert tidy_layout(text) == "الف ب\n\nج\u200cد\nه"


# --------------------------------------------------------------------------------------------------
# Repeated passages
# --------------------------------------------------------------------------------------------------

LONG_SENTENCE = "مدیر کل روابط عمومی استانداری ایلام خواستار تقویت روابط عمومی‌ها در نهادها شد."
LONG_SENTENCE_VARIANT = "مدير كل روابط عمومي استانداري ايلام خواستار تقويت روابط عموميها در نهادها شد."


def test_drop_repeated_passages_keeps_a_pasted_paragraph_once() -> None:
    """A paragraph pasted twice is kept at its first place only."""
    text = "عنوان خبر\n\nپاراگراف اول خبر است.\n\nپاراگراف دوم خبر.\n\nپاراگراف اول خبر است."
    assert drop_repeated_passages(text) == "عنوان خبر\n\nپاراگراف اول خبر است.\n\nپاراگراف دوم خبر."


def test_drop_repeated_passages_drops_a_long_sentence_repeated_with_other_spelling() -> None:
    """A long sentence repeated inside a paragraph goes even with Arabic letters and no ZWNJ."""
    text = f"عنوان\n\n{LONG_SENTENCE} جمله دیگری آمد. {LONG_SENTENCE_VARIANT} پایان."
    assert drop_repeated_passages(text) == f"عنوان\n\n{LONG_SENTENCE} جمله دیگری آمد. پایان."


def test_drop_repeated_passages_keeps_short_repeated_sentences() -> None:
    """Short sentences (fewer than eight words) may legitimately repeat and stay."""
    text = "متن اول. وی گفت: بله. متن دوم. وی گفت: بله."
    assert drop_repeated_passages(text) == text


def test_drop_repeated_passages_keeps_headline_repeated_in_the_lead() -> None:
    """A headline whose words open the first body sentence (news style) does not remove that sentence."""
    headline = LONG_SENTENCE.rstrip(".")
    text = f"{headline}\n\n{LONG_SENTENCE} وی افزود: کار ادامه دارد."
    assert drop_repeated_passages(text) == text


def test_drop_repeated_passages_drops_a_headline_pasted_twice() -> None:
    """The headline pasted again as its own paragraph is a paste error and goes."""
    text = "عنوان خبر مهم امروز\n\nعنوان خبر مهم امروز\n\nمتن خبر."
    assert drop_repeated_passages(text) == "عنوان خبر مهم امروز\n\nمتن خبر."


def test_drop_repeated_passages_is_idempotent_on_a_paragraph_reduced_to_a_copy() -> None:
    """A paragraph that becomes a copy of an earlier one after a sentence is dropped goes in the same pass."""
    short = "وی گفت: کار ادامه دارد."
    text = f"{LONG_SENTENCE}\n\n{LONG_SENTENCE_VARIANT} {short}\n\n{short}"
    once = drop_repeated_passages(text)
    assert once == f"{LONG_SENTENCE}\n\n{short}"
    assert drop_repeated_passages(once) == once


def test_split_sentences_keeps_decimals_and_urls_whole() -> None:
    """Sentences end at . ! ? ؟ … followed by space, never inside 4.6 or a URL."""
    line = "زلزله 4.6 بود. نشانی medilam.ac.ir است؟ بله! پایان"
    assert split_sentences(line) == ["زلزله 4.6 بود.", "نشانی medilam.ac.ir است؟", "بله!", "پایان"]


# --------------------------------------------------------------------------------------------------
# PersianNormalizer.normalize: rules
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("اين كار انجام مي شود", "این کار انجام می‌شود"),
        ("كتاب ها و سازمان ها", "کتاب‌ها و سازمان‌ها"),
        ("روابط عموميها و دستگاههاي اجرايي", "روابط عمومی‌ها و دستگاه‌های اجرایی"),
        ("نمایشگاه جاذبههای طبیعی", "نمایشگاه جاذبه‌های طبیعی"),
        ("مهم ترین بخش", "مهم‌ترین بخش"),
        ("160 روابط عمومی در 11 شهرستان", "۱۶۰ روابط عمومی در ۱۱ شهرستان"),
        ("اظهار كرد : امروز", "اظهار کرد: امروز"),
        ("گفت,من آمدم", "گفت، من آمدم"),
        ("متن   با    فاصله  ", "متن با فاصله"),
        ("الف\r\n\r\n\r\n\r\nب", "الف\n\nب"),
        ("ایـــلام", "ایلام"),
        ("آنها گفتند", "آنها گفتند"),
        ("", ""),
        ("  \n \n", ""),
    ],
)
def test_normalize_rules(normalizer: PersianNormalizer, raw: str, expected: str) -> None:
    """Letters, ZWNJ, digits, punctuation and spacing come out as Persian typesetting wants."""
    assert normalizer.normalize(raw) == expected


@pytest.mark.parametrize(
    "item",
    [
        "www.example.com",
        "https://medilam.ac.ir/fa/news/flu-vaccination",
        "pr@ilam.gov.ir",
        "@ilam_pr",
        "12/05/1403",
        "۱۴۰۵/۰۹/۰۷",
        "2024-05-12",
        "10:30",
        "4.6",
        "۱٫۹",
        "14%",
        "09123456789",
        "084-33338888",
        "COVID-19",
    ],
)
def test_normalize_never_touches_protected_items(normalizer: PersianNormalizer, item: str) -> None:
    """hazm would space out URLs, dates and decimals; masked, they come back byte for byte."""
    output = normalizer.normalize(f"در تاريخ {item} اعلام شد كه 12 نفر حاضر مي شوند")
    assert item in output
    assert "۱۲ نفر" in output


def _assert_normalizes(normalizer: PersianNormalizer, raw: str, expected: str) -> None:
    """``raw`` becomes ``expected``, which is left as it is (so the rule is idempotent on it)."""
    assert normalizer.normalize(raw) == expected
    assert normalizer.normalize(expected) == expected


ZWJ = "\u200d"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A range keeps its hyphen and no spaces; it is protected, so its digits are kept as typed.
        ("سن 18-22 سال", "سن 18-22 سال"),
        ("سال‌های ۱۴۰۵-۱۴۰۶ برنامه", "سال‌های ۱۴۰۵-۱۴۰۶ برنامه"),
        ("کیلومترهای ۱-۶ محور", "کیلومترهای ۱-۶ محور"),
        ("سال 1403-1404", "سال 1403-1404"),
        # A kashida between numbers is a dash, not a joiner: the numbers must not merge.
        ("ساعت ۸ـ۱۰ جلسه است", "ساعت ۸-۱۰ جلسه است"),
        ("ساعت ۸ ـ ۱۰ جلسه است", "ساعت ۸-۱۰ جلسه است"),
        # A list marker keeps its hyphen against the number; its number is prose, so Persian.
        ("1- مورد اول\n2- مورد دوم", "۱- مورد اول\n۲- مورد دوم"),
        ("۳ -مورد سوم", "۳- مورد سوم"),
        ("۱) مورد اول", "۱) مورد اول"),
        # Star codes and Latin names keep their characters, spacing and Latin digits.
        ("کد *123# را شماره‌گیری کنید", "کد *123# را شماره‌گیری کنید"),
        ("کد *724*1# را بگیرید", "کد *724*1# را بگیرید"),
        ("نسخه Windows 11 و Word 2019 نصب شد", "نسخه Windows 11 و Word 2019 نصب شد"),
        ("با Photoshop 2024 آموزش داده شد", "با Photoshop 2024 آموزش داده شد"),
        ("Windows و 11 نفر", "Windows و ۱۱ نفر"),  # a Persian word between: prose again
        # Emoji sequences: joiners, variation selectors, skin tones and keycaps stay.
        (f"خانواده 👨{ZWJ}👩{ZWJ}👧 شاد", f"خانواده 👨{ZWJ}👩{ZWJ}👧 شاد"),
        (f"عشق ❤️{ZWJ}🔥 داغ", f"عشق ❤️{ZWJ}🔥 داغ"),
        (f"🧑{ZWJ}⚕️ معاون درمان", f"🧑{ZWJ}⚕️ معاون درمان"),
        ("گزینه 1️⃣ را بزنید", "گزینه 1️⃣ را بزنید"),
        ("1️⃣ رونمایی\n2️⃣ مسابقه", "1️⃣ رونمایی\n2️⃣ مسابقه"),
        ("👍🏽 تأیید شد ✌️", "👍🏽 تأیید شد ✌️"),
        # Markdown-like links and emphasis are left as written.
        ("[متن](https://example.com) را ببینید", "[متن](https://example.com) را ببینید"),
        ("*مهم:* این خبر است", "*مهم:* این خبر است"),
        ("**خبر فوری:** سیل آمد", "**خبر فوری:** سیل آمد"),
        # hazm attaches «ها» to whatever precedes it; after a hashtag or an emoji that is a new word.
        ("با برچسب #کتاب ها", "با برچسب #کتاب ها"),
        ("تشکر 👍 ها", "تشکر 👍 ها"),
        (f"تشکر 👍{ZWNJ}می شود", f"تشکر 👍 می{ZWNJ}شود"),
    ],
)
def test_normalize_never_damages_numbers_emoji_or_latin(normalizer: PersianNormalizer, raw: str, expected: str) -> None:
    """Ranges, list markers, star codes, Latin names, emoji and Markdown keep their characters and spacing."""
    _assert_normalizes(normalizer, raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("یک\u00adمتن", "یک متن"),  # a word that never joins another: a space
        ("این\u200fیک", "این یک"),
        ("این\u200eیک کار", "این یک کار"),
        ("کتاب\u200fرا خواند", "کتاب را خواند"),
        ("هم\u00adاستانی", f"هم{ZWNJ}استانی"),  # unknown to the lexicon: a half-space, the words kept apart
        ("کتاب\u00adها", f"کتاب{ZWNJ}ها"),  # a suffix: a half-space
        ("می\u200eشود", f"می{ZWNJ}شود"),  # a prefix: a half-space
        ("اطلاع\u200fرسانی", f"اطلاع{ZWNJ}رسانی"),  # a compound hazm knows: a half-space
        ("بذر\u00adکاری", "بذرکاری"),  # closed after a non-joining letter, which looks the same
        ("کار\u00adها", "کارها"),
        ("\u200fسلام دنیا\u200f", "سلام دنیا"),  # stray at the edges: dropped
        ("رودخانه\u200f سیمره", "رودخانه سیمره"),
    ],
)
def test_normalize_turns_invisible_marks_into_word_breaks(
    normalizer: PersianNormalizer, raw: str, expected: str
) -> None:
    """A soft hyphen or bidi mark between letters becomes a half-space or a space, never nothing."""
    _assert_normalizes(normalizer, raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Possessive endings written apart are attached to a noun, adjective or pronoun.
        ("زندگی شان را ساختند", f"زندگی{ZWNJ}شان را ساختند"),
        ("محله شان بزرگ است", f"محله{ZWNJ}شان بزرگ است"),
        ("خواب های تان", f"خواب{ZWNJ}های{ZWNJ}تان"),
        ("پیام های شان را دیدیم", f"پیام{ZWNJ}های{ZWNJ}شان را دیدیم"),
        ("کتاب هایمان", f"کتاب{ZWNJ}هایمان"),
        ("همه شان آمدند", f"همه{ZWNJ}شان آمدند"),
        ("کار شان", "کارشان"),  # no half-space after a non-joining letter
        ("دفتر های تان", f"دفترهای{ZWNJ}تان"),
        # … but not to a preposition, and «شان» the dignity (شأن) stays a word.
        ("در شان مردم نیست", "در شان مردم نیست"),
        ("حفظ شان و منزلت", "حفظ شان و منزلت"),
        # Verb prefixes before «می».
        ("برمی خوردند", f"برمی{ZWNJ}خوردند"),
        ("برمیخوردند", f"برمی{ZWNJ}خوردند"),
        ("درمی آید", f"درمی{ZWNJ}آید"),
        ("بازمی گردد", f"بازمی{ZWNJ}گردد"),
        ("درمیان جمع", "درمیان جمع"),  # not a verb
        # «می» the month is no verb prefix; «می» before a verb still is.
        ("ماه می سال جدید", "ماه می سال جدید"),
        ("۱۵ می سال جاری", "۱۵ می سال جاری"),
        ("این ماه می آید", f"این ماه می{ZWNJ}آید"),
        # Closed after a non-joining letter, half-space after a joining one.
        ("زیبا تر از", "زیباتر از"),
        (f"زیبا{ZWNJ}تر از", "زیباتر از"),
        ("کار ها را", "کارها را"),
        ("خانه ها را", f"خانه{ZWNJ}ها را"),
        # Punctuation.
        ("«سلام» , دنیا", "«سلام»، دنیا"),
        ("(الف) , ب", "(الف)، ب"),
        ("[الف] , ب", "[الف]، ب"),
        ("(COVID-19) , ب", "(COVID-19)، ب"),
        ("آیا آمد???", "آیا آمد؟"),
        ("آیا آمد؟؟؟", "آیا آمد؟"),
        ("عجب!!!", "عجب!"),
        ("واقعا؟!!", "واقعا؟!"),
        ("و غیره...", "و غیره…"),
        ("و غیره …", "و غیره…"),
        ("و غیره. . .", "و غیره…"),
        ("و غیره....", "و غیره…"),
        ("و غیره…و", "و غیره… و"),
        # Repeated letters are shortened before spacing, so the compound is found in one pass.
        ("اطلاععع رسانی شد", f"اطلاع{ZWNJ}رسانی شد"),
    ],
)
def test_normalize_persian_typography(normalizer: PersianNormalizer, raw: str, expected: str) -> None:
    """Endings and prefixes attached, «می» the month left alone, closed affixes, tidy punctuation."""
    _assert_normalizes(normalizer, raw, expected)


def test_normalize_removes_header_and_keeps_attribution(normalizer: PersianNormalizer) -> None:
    """The Shara dateline goes while «به گزارش …» stays."""
    raw = f"عنوان\n\n{SHARA_HEADER} به گزارش خبرگزاری ایرنا، استاندار گفت: کار ادامه دارد."
    assert normalizer.normalize(raw) == "عنوان\n\nبه گزارش خبرگزاری ایرنا، استاندار گفت: کار ادامه دارد."


# --------------------------------------------------------------------------------------------------
# PersianNormalizer.normalize: every sample
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_has_no_arabic_letters_or_kashida(normalized: dict[str, str], sample_id: str) -> None:
    """No Arabic yeh (U+064A), kaf (U+0643) or kashida (U+0640) is left."""
    assert not set(normalized[sample_id]) & {"\u064a", "\u0643", "\u0640"}


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_has_no_wire_header(normalized: dict[str, str], sample_id: str) -> None:
    """No news-network dateline is left, and attribution lines survive."""
    output = normalized[sample_id]
    assert "شارا" not in output
    assert strip_wire_headers(output) == output
    if "به گزارش" in _sample(sample_id)["text"]:
        assert "به گزارش" in output


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_has_no_repeated_paragraph_or_long_sentence(normalized: dict[str, str], sample_id: str) -> None:
    """No paragraph and no sentence of eight words or more occurs twice (compared folded)."""
    paragraphs = normalized[sample_id].split("\n\n")
    assert len({fold(paragraph) for paragraph in paragraphs}) == len(paragraphs)
    body_sentences = [
        fold(s) for paragraph in paragraphs[1:] for line in paragraph.split("\n") for s in split_sentences(line)
    ]
    long_sentences = [sentence for sentence in body_sentences if len(sentence.split()) >= 8]
    assert len(set(long_sentences)) == len(long_sentences)


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_keeps_every_protected_item(normalized: dict[str, str], sample_id: str) -> None:
    """Every URL, e-mail, phone, date, decimal and Latin word of the input is in the output unchanged."""
    raw = _sample(sample_id)["text"]
    for item in _span_texts(raw):
        assert item in normalized[sample_id]


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_is_tidy(normalized: dict[str, str], sample_id: str) -> None:
    """Single spaces, no trailing spaces, one blank line between paragraphs, no space before marks."""
    output = normalized[sample_id]
    assert "  " not in output
    assert "\n\n\n" not in output
    assert all(line == line.strip() for line in output.split("\n"))
    assert not re.search(r" [،؛:.؟!]", output)
    assert not re.search(r"[،؛؟][^\s]", output)


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_prose_digits_are_persian(normalized: dict[str, str], sample_id: str) -> None:
    """Latin digits remain only inside protected spans."""
    output = normalized[sample_id]
    masked, _ = mask_protected_spans(output)
    assert not re.search("[0-9]", masked)


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_is_idempotent(normalizer: PersianNormalizer, normalized: dict[str, str], sample_id: str) -> None:
    """Normalizing a sample's display text again changes nothing."""
    assert normalizer.normalize(normalized[sample_id]) == normalized[sample_id]


@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_sample_keeps_its_headline(normalized: dict[str, str], sample_id: str) -> None:
    """The first line stays the headline, normalized like the rest (hazm may add a ZWNJ to a compound)."""
    headline = _sample(sample_id)["text"].split("\n", 1)[0]
    assert fold(normalized[sample_id].split("\n", 1)[0]).replace(" ", "") == fold(headline).replace(" ", "")


def test_s00_zwnj_header_and_repeated_sentence(normalized: dict[str, str]) -> None:
    """s00: «روابط عمومی‌ها» and «دستگاه‌های» get ZWNJ, the header goes, the repeated sentence stays once."""
    output = normalized["s00"]
    assert "روابط عمومی‌ها" in output
    assert "دستگاه‌های" in output
    assert "عمومیها" not in output
    assert "عمومی ها" not in output
    title, body = output.split("\n\n", 1)
    assert title == "مدیر کل روابط عمومی استانداری ایلام خواستار تقویت روابط عمومی‌ها در نهادها و سازمان‌ها شد"
    assert body.startswith("مدیر کل روابط عمومی استانداری ایلام خواستار تقویت روابط عمومی‌ها")
    assert fold(body).count(fold("برخی از مدیران به روابط عمومی‌ها توجه ندارند")) == 1


def test_r20_zwnj_and_repeated_paragraph(normalized: dict[str, str]) -> None:
    """r20: «می‌شود», «جاذبه‌های», «بخش‌های» get ZWNJ and the pasted paragraph stays once."""
    output = normalized["r20"]
    assert "برگزار می‌شود" in output
    assert "می شود" not in output
    assert "جاذبه‌های" in output
    assert "بخش‌های" in output
    assert "علاقه‌مندان" in output
    assert output.count("از برگزاری نخستین جشنواره") == 1


def test_r05_keeps_decimal_and_service_number(normalized: dict[str, str]) -> None:
    """r05: the magnitude 4.6 and the emergency number 112 keep their digits; prose digits turn Persian."""
    output = normalized["r05"]
    assert "زلزله 4.6 ریشتری" in output
    assert "شماره 112" in output
    assert "۲۷ واحد" in output


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------

PERSIAN_WORDS = [
    "استان", "ایلام", "روابط", "عمومی", "کتاب", "سازمان", "مدیر", "کل", "شهرستان", "گزارش", "دستگاه",
    "جاذبه", "فرهنگی", "گفت", "کرد", "است", "و", "در", "به", "از", "که", "با", "تنها", "آنها", "شماره",
    "می‌شود", "نمی‌کند", "می‌رسد", "سازمان‌ها", "دستگاه‌های", "کتاب‌ها", "عمومی‌ها", "مهم‌ترین",
    "۱۴۰۳", "۱۲", "۱۶۰", "گفت:", "است.", "شد،",
]  # fmt: skip
ARABIC_VARIANT = str.maketrans({"ی": "ي", "ک": "ك"})

persian_words = st.sampled_from(PERSIAN_WORDS)
prose = st.lists(persian_words, min_size=1, max_size=12).map(" ".join)
messy_text = st.text(
    alphabet=st.sampled_from(
        list('ابپتسشکگلمنوهیيكىۀةءئأآ ‌ـ\n\t.,،:؛?؟!()«»-/%"') + list("0123456789۰۱۲۳۴۵۶۷۸۹") + list("abcXYZ@#")
    ),
    max_size=120,
)
paragraphs = st.lists(prose, min_size=1, max_size=5).map("\n\n".join)

digits = st.sampled_from(["latin", "persian"])
latin_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


def _digits(text: str, kind: str) -> str:
    return text if kind == "latin" else text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


@st.composite
def urls(draw: st.DrawFn) -> str:
    """URLs with or without scheme, www., subdomains and a path."""
    scheme = draw(st.sampled_from(["", "http://", "https://"]))
    www = draw(st.sampled_from(["", "www."]))
    labels = draw(st.lists(latin_label, min_size=1, max_size=2))
    tld = draw(st.sampled_from(["ir", "com", "org", "ac.ir", "gov.ir"]))
    path = draw(st.lists(st.text(alphabet="abcxyz019-_", min_size=1, max_size=6), max_size=3))
    return f"{scheme}{www}{'.'.join(labels)}.{tld}" + "".join(f"/{segment}" for segment in path)


@st.composite
def emails(draw: st.DrawFn) -> str:
    """E-mail addresses with dots and dashes in the local part."""
    local = draw(st.lists(latin_label, min_size=1, max_size=2))
    domain = draw(latin_label)
    tld = draw(st.sampled_from(["ir", "com", "gov.ir"]))
    return f"{'.'.join(local)}@{domain}.{tld}"


@st.composite
def dates(draw: st.DrawFn) -> str:
    """Jalali and Gregorian dates with slashes or dashes, in Latin or Persian digits."""
    year = draw(st.integers(1300, 2100))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 31))
    form = draw(
        st.sampled_from([f"{year}/{month:02d}/{day:02d}", f"{year}-{month:02d}-{day:02d}", f"{day}/{month}/{year}"])
    )
    return _digits(form, draw(digits))


@st.composite
def phones(draw: st.DrawFn) -> str:
    """Iranian mobiles, +98 numbers and landlines with area code."""
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    landline = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    form = draw(
        st.sampled_from(
            [f"09{rest}", f"+989{rest}", f"084-{landline}", f"084{landline}", f"0912 {rest[:3]} {rest[3:7]}"]
        )
    )
    return _digits(form, draw(digits)) if not form.startswith("+") else form


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """Times, decimals and percentages."""
    whole = draw(st.integers(0, 999))
    part = draw(st.integers(0, 99))
    form = draw(st.sampled_from([f"{whole % 24}:{part % 60:02d}", f"{whole}.{part}", f"{whole}%", f"{whole}٫{part}"]))
    return _digits(form, draw(digits))


protected_items = st.one_of(urls(), emails(), dates(), phones(), numbers())


@settings(deadline=None, max_examples=150)
@given(text=st.one_of(messy_text, paragraphs))
def test_normalize_is_idempotent(normalizer: PersianNormalizer, text: str) -> None:
    """normalize(normalize(x)) == normalize(x) for messy and for prose-like input."""
    once = normalizer.normalize(text)
    assert normalizer.normalize(once) == once


@settings(deadline=None, max_examples=150)
@given(
    pieces=st.lists(st.tuples(prose, protected_items, st.sampled_from(["", ".", "،", ":"])), min_size=1, max_size=4),
    tail=prose,
)
def test_normalize_keeps_protected_items_byte_for_byte(
    normalizer: PersianNormalizer, pieces: list[tuple[str, str, str]], tail: str
) -> None:
    """URLs, e-mails, dates, phones, times, decimals and percentages embedded in prose survive unchanged."""
    text = " ".join(f"{words} {item}{mark}" for words, item, mark in pieces) + f" {tail}"
    output = normalizer.normalize(text.translate(ARABIC_VARIANT))
    for _, item, _ in pieces:
        assert item in output


# All the shared samples (tests/data/samples.jsonl is a copy of ../shared/samples/releases.jsonl).
ALL_SAMPLES: list[dict[str, Any]] = [
    json.loads(line) for line in (Path(__file__).parent / "data" / "samples.jsonl").read_text("utf-8").splitlines()
]
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


@st.composite
def sample_variants(draw: st.DrawFn) -> str:
    """A shared sample, whole or a stretch of it, as writers vary it: Arabic letters, half-spaces
    removed, spaced or replaced by invisible marks, spaces typed as half-spaces, letters doubled or
    tripled."""
    words = draw(st.sampled_from(ALL_SAMPLES))["text"].split(" ")
    if not draw(st.booleans()):  # the simplest example is a stretch, not a whole release
        start = draw(st.integers(0, len(words) - 1))
        words = words[start : start + draw(st.integers(1, 60))]
    rates = st.sampled_from([0.0, 0.05, 0.3, 1.0])
    arabic, zwnj = draw(rates), draw(rates)
    repeat, space = draw(st.sampled_from([0.0, 0.01, 0.05])), draw(st.sampled_from([0.0, 0.02, 0.1]))
    # Where each variation falls is left to a seeded generator: one draw per character would make
    # every example thousands of choices long.
    random = Random(draw(st.integers(0, 2**32)))
    out = []
    for char in " ".join(words):
        if char in "یک" and random.random() < arabic:
            out.append(char.translate(ARABIC_VARIANT))
        elif char == ZWNJ and random.random() < zwnj:
            out.append(random.choice(["", " ", "\u00ad", "\u200f"]))
        elif char == " " and random.random() < space:
            out.append(ZWNJ)
        elif char in PERSIAN_LETTERS and random.random() < repeat:
            out.append(char * random.choice([2, 3]))
        else:
            out.append(char)
    return "".join(out)


@settings(deadline=None, max_examples=120)
@given(text=sample_variants())
def test_normalize_is_idempotent_on_sample_variants(normalizer: PersianNormalizer, text: str) -> None:
    """normalize(normalize(x)) == normalize(x) for every shared sample and its spelling variants."""
    once = normalizer.normalize(text)
    assert normalizer.normalize(once) == once


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=[sample["id"] for sample in ALL_SAMPLES])
def test_every_shared_sample_is_idempotent(normalizer: PersianNormalizer, sample: dict[str, Any]) -> None:
    """Each shared sample's display text normalizes to itself."""
    once = normalizer.normalize(sample["text"])
    assert normalizer.normalize(once) == once


PICTOGRAPHS = ["👨", "👩", "👧", "❤️", "🔥", "🧑", "⚕️", "💻", "🏳️", "🌈", "👍", "🚑", "📚", "⚠️", "✌️"]
SKIN_TONES = ["", "", "🏻", "🏽", "🏿"]


@st.composite
def emoji_sequences(draw: st.DrawFn) -> str:
    """Pictographs with skin tones joined by ZWJ, keycaps and flags."""
    kind = draw(st.sampled_from(["joined", "keycap", "flag"]))
    if kind == "keycap":
        return draw(st.sampled_from("0123456789#*")) + "\ufe0f\u20e3"
    if kind == "flag":
        return draw(st.sampled_from(["🇮🇷", "🇮🇶", "🇹🇷"]))
    parts = draw(st.lists(st.tuples(st.sampled_from(PICTOGRAPHS), st.sampled_from(SKIN_TONES)), min_size=1, max_size=4))
    return ZWJ.join(picture + (tone if "\ufe0f" not in picture else "") for picture, tone in parts)


mentions = st.from_regex(r"@[a-z][a-z0-9_]{1,15}", fullmatch=True)
hashtags = st.builds(
    lambda first, rest: f"#{first}{rest}",
    st.sampled_from(list(PERSIAN_LETTERS + "abcxyz")),
    st.text(alphabet=PERSIAN_LETTERS + "abcxyz019_", max_size=12),
)
star_codes = st.builds(lambda a, b: f"*{a}{b}#", st.integers(100, 9999), st.sampled_from(["", "*1", "*2*3"]))
ranges = st.builds(
    lambda low, width, kind: _digits(f"{low}-{low + width}", kind), st.integers(0, 1500), st.integers(1, 50), digits
)
latin_names = st.builds(
    lambda name, number: f"{name} {number}",
    st.sampled_from(["Windows", "Word", "Photoshop", "Android", "iOS", "COVID-19"]),
    st.integers(1, 2030),
)
# Plain numbers are prose: their digits may become Persian, but the number must stay whole.
plain_numbers = st.builds(lambda number, kind: _digits(str(number), kind), st.integers(1, 10**7), digits)
kept_items = st.one_of(
    urls(),
    emails(),
    mentions,
    hashtags,
    dates(),
    phones(),
    numbers(),
    ranges,
    star_codes,
    latin_names,
    emoji_sequences(),
)


@settings(deadline=None, max_examples=200)
@given(
    pieces=st.lists(
        st.tuples(prose, st.one_of(kept_items, plain_numbers), st.sampled_from(["", ".", "،", ":", "!", "؟"])),
        min_size=1,
        max_size=5,
    ),
    tail=prose,
)
def test_normalize_keeps_numbers_links_tags_and_emoji(
    normalizer: PersianNormalizer, pieces: list[tuple[str, str, str]], tail: str
) -> None:
    """Every number, URL, e-mail, mention, hashtag, star code and emoji sequence comes out unchanged
    (a plain number in prose may change its digits to Persian, but stays one whole number)."""
    text = " ".join(f"{words.translate(ARABIC_VARIANT)} {item}{mark}" for words, item, mark in pieces)
    output = normalizer.normalize(f"{text} {tail}")
    for _, item, _ in pieces:
        if item.isdigit():
            assert re.search(rf"(?<![0-9]){to_latin_digits(item)}(?![0-9])", to_latin_digits(output)), item
        else:
            assert item in output


@settings(deadline=None, max_examples=300)
@given(text=st.one_of(st.text(max_size=80), messy_text))
def test_fold_is_idempotent(text: str) -> None:
    """Folding a folded text changes nothing."""
    assert fold(fold(text)) == fold(text)


@settings(deadline=None, max_examples=300)
@given(words=st.lists(persian_words, min_size=1, max_size=15), zwnj_as=st.sampled_from(["", " "]))
def test_fold_unifies_arabic_zwnj_and_digit_variants(words: list[str], zwnj_as: str) -> None:
    """A text and its Arabic-letter, no-ZWNJ (glued or spaced) and Latin-digit variant fold the same."""
    text = " ".join(words)
    variant = to_latin_digits(text.translate(ARABIC_VARIANT).replace(ZWNJ, zwnj_as))
    assert fold(variant) == fold(text)


def test_verb_forms_are_hazms_lemmatizer_verbs() -> None:
    """The verb table built at start-up is exactly the one hazm's Lemmatizer builds (which costs a second lexicon)."""
    import hazm  # noqa: PLC0415

    from bot.domain.text import hazm_verb_forms  # noqa: PLC0415

    assert hazm_verb_forms(hazm) == hazm.Lemmatizer(joined_verb_parts=False).verbs
