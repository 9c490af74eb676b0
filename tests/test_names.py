"""Names typed after a command: topics, counties and agencies by slug, id or Persian name, as people type them."""

from __future__ import annotations

import time

import pytest

from bot.domain.names import resolve, resolve_leading

TOPICS = [
    ("governance", "سیاسی و حکمرانی"),
    ("health", "سلامت و درمان"),
    ("sports", "ورزش"),
    ("infrastructure", "عمران و زیرساخت"),
    ("public_relations", "روابط عمومی و رسانه"),
    ("tourism", "گردشگری و میراث فرهنگی"),
    ("culture", "فرهنگ و هنر"),
]
COUNTIES = [
    ("province", "استانی"),
    ("ilam", "ایلام"),
    ("eyvan", "ایوان"),
    ("darrehshahr", "دره‌شهر"),
    ("abdanan", "آبدانان"),
]
AGENCIES = [
    ("1", "استانداری ایلام"),
    ("2", "آموزش و پرورش ایلام"),
    ("3", "آموزش و پرورش مهران"),
    ("12", "دانشگاه علوم پزشکی ایلام"),
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("روابط عمومی", ["public_relations"]),
        ("روابط‌عمومی", ["public_relations"]),
        ("روابط عمومی و رسانه", ["public_relations"]),
        ("سیاسی و حکمرانی", ["governance"]),
        ("«سیاسی و حکمرانی»", ["governance"]),
        ("سياسي و حكمراني", ["governance"]),
        ("  سیاسی   و   حکمرانی  ", ["governance"]),
        ("ورزش و سلامت", ["sports", "health"]),
        ("ورزش، سلامت و درمان", ["sports", "health"]),
        ("ورزش,عمران", ["sports", "infrastructure"]),
        ("sports health", ["sports", "health"]),
        ("SPORTS", ["sports"]),
        ("public_relations", ["public_relations"]),
        ("عمران", ["infrastructure"]),
        ("میراث فرهنگی", ["tourism"]),
        ("فرهنگ", ["culture"]),
        ("ورزش ورزش", ["sports"]),
    ],
)
def test_topics_by_slug_or_label(typed: str, expected: list[str]) -> None:
    """Multi-word labels, a part of a label, Arabic letters, half-spaces and commas all name the topic."""
    found = resolve(typed, TOPICS)
    assert (list(found.keys), found.unknown, found.ambiguous) == (expected, (), ())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ایوان دره‌شهر", ["eyvan", "darrehshahr"]),
        ("ایوان دره شهر", ["eyvan", "darrehshahr"]),
        ("ایوان درهشهر", ["eyvan", "darrehshahr"]),
        ("ابدانان", ["abdanan"]),
        ("eyvan، ilam", ["eyvan", "ilam"]),
        ("استانی ایلام", ["province", "ilam"]),
    ],
)
def test_counties_by_name(typed: str, expected: list[str]) -> None:
    """Counties by name with or without their half-space, with or without «آ»'s hat."""
    assert list(resolve(typed, COUNTIES).keys) == expected


def test_unknown_pieces_are_reported_as_typed() -> None:
    """A typo is reported by its typed form, the rest still found; adjacent unknown words stay one piece."""
    found = resolve("ورزش، وررزش زیاد، سلامت", TOPICS)
    assert found.keys == ("sports", "health")
    assert found.unknown == ("وررزش زیاد",)


def test_agency_by_id_or_name() -> None:
    """Agencies by id (Latin or Persian digits, leading zeros) or by their whole name."""
    assert resolve("استانداری ایلام", AGENCIES).keys == ("1",)
    assert resolve("۱۲ ۲", AGENCIES).keys == ("12", "2")
    assert resolve("012", AGENCIES).keys == ("12",)
    assert resolve("استانداری ایلام، دانشگاه علوم پزشکی ایلام", AGENCIES).keys == ("1", "12")


def test_a_name_shared_by_several_agencies_is_ambiguous() -> None:
    """«آموزش و پرورش» names two agencies: both are offered, none chosen."""
    found = resolve("آموزش و پرورش", AGENCIES)
    assert found.keys == ()
    assert found.ambiguous == (("آموزش و پرورش", ("2", "3")),)


def test_a_part_of_one_name_only_names_it() -> None:
    """A part of one agency's name and of no other names that agency."""
    assert resolve("استانداری", AGENCIES).keys == ("1",)
    assert resolve("آموزش و پرورش مهران", AGENCIES).keys == ("3",)


def test_a_plural_word_of_a_name_is_named_by_its_singular_and_plural() -> None:
    """«کتابخانه» or «کتابخانه‌ها» names «اداره کل کتابخانه‌های عمومی» (a word of its name, in the plural);
    an ending alone names nothing."""
    options = [("1", "استانداری ایلام"), ("7", "اداره کل کتابخانه‌های عمومی"), ("8", "دانشگاه علوم پزشکی")]
    assert resolve("کتابخانه", options).keys == ("7",)
    assert resolve("كتابخانه‌ها", options).keys == ("7",)
    assert resolve("دانشگاه‌ها", options).keys == ("8",)
    assert resolve("ها", options).unknown == ("ها",)


def test_empty_text_resolves_to_nothing() -> None:
    """Nothing typed, nothing chosen and nothing unknown."""
    found = resolve(" ، ", TOPICS)
    assert (found.keys, found.unknown, found.ambiguous) == ((), (), ())


def test_leading_name_and_the_rest() -> None:
    """A name at the start of a longer text (/ask NAME TEXT): the longest name found, then the rest as typed."""
    keys, rest = resolve_leading("استانداری ایلام چرا جاده هنوز بسته است؟", AGENCIES)
    assert keys == ("1",)
    assert rest == "چرا جاده هنوز بسته است؟"
    keys, rest = resolve_leading("۱۲ سؤال من", AGENCIES)
    assert (keys, rest) == (("12",), "سؤال من")
    keys, rest = resolve_leading("آموزش و پرورش چرا؟", AGENCIES)
    assert (keys, rest) == (("2", "3"), "چرا؟")
    assert resolve_leading("چرا؟", AGENCIES) == ((), "چرا؟")


def test_a_long_text_is_read_quickly() -> None:
    """A message full of words (Telegram allows 4096 characters) is read in well under a second."""
    typed = " ".join(["ورزش", "نامعلوم"] * 400)
    started = time.perf_counter()
    found = resolve(typed, TOPICS)
    assert time.perf_counter() - started < 0.5
    assert found.keys == ("sports",)
    assert len(found.unknown) == 400
