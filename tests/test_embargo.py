"""Embargo notes: finding the note and its moment, and taking the note out of the text."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.embargo import Embargo, find_embargo, strip_embargo

TEHRAN = ZoneInfo("Asia/Tehran")
# Wednesday 4 Azar 1405, 11:30 in Tehran: three days before the embargo of sample r16.
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
# Saturday 7 Azar 1405, 10:00 in Tehran.
SATURDAY_10 = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)

SAMPLES_PATH = Path(__file__).parent / "data" / "releases.jsonl"
SAMPLES: dict[str, dict[str, Any]] = {
    sample["id"]: sample
    for sample in (json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines())
}
R16_NOTE = "انتشار این خبر تا ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ ممنوع است."


def release(note: str) -> str:
    """A short release with ``note`` as its own paragraph between headline and body."""
    return f"افتتاح مجتمع گلخانه‌ای در دهلران\n\n{note}\n\nاستاندار ایلام امروز از این مجتمع بازدید کرد."


def test_sample_r16() -> None:
    """The embargo line of sample r16 is found, and lifts at 10:00 Tehran time on 7 Azar 1405."""
    embargo = find_embargo(SAMPLES["r16"]["text"], NOW, TEHRAN)
    assert embargo == Embargo(until=SATURDAY_10, sentence=R16_NOTE)
    assert embargo.until.tzinfo is UTC


@pytest.mark.parametrize(
    "note",
    [
        R16_NOTE,
        "این خبر تا ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ قابل انتشار نیست.",
        "انتشار خبر پیش از ساعت ۱۰ روز ۷ آذر ۱۴۰۵ مجاز نیست.",
        "خبر تا ساعت ۱۰ صبح ۷ آذر ۱۴۰۵ منتشر نشود.",
        "انتشار این خبر قبل از ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ ممنوع‌الانتشار است.",
        "لطفاً تا ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ از انتشار این خبر خودداری فرمایید.",
        "این خبر نباید پیش از ساعت ۱۰ صبح ۷ آذر ۱۴۰۵ منتشر شود.",
        "این خبر از ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ قابل انتشار است.",
        "EMBARGO: 1405/09/07 10:00",
        "Embargo until 2026-11-28 10:00",
        "Embargoed until 10:00 am, Saturday, 28 November 2026.",
        "Not for publication before 10 a.m. on November 28, 2026.",
        "Embargoed until 10:00, Sat. Nov. 28 2026.",
        "EMBARGO: 2026-11-28T10:00+03:30",
        "Embargo until 2026-11-28T06:30Z",
    ],
)
def test_phrasings(note: str) -> None:
    """Each common way of writing an embargo, Persian or Latin, yields its moment and the note as written."""
    assert find_embargo(release(note), NOW, TEHRAN) == Embargo(until=SATURDAY_10, sentence=note)


@pytest.mark.parametrize(
    "note",
    [
        # Arabic letters (ي، ك) as old news systems produce them.
        "انتشار اين خبر تا ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ ممنوع است.",
        "اين خبر تا ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ قابل انتشار نمي باشد.",
        # Latin and Arabic-Indic digits.
        "انتشار این خبر تا ساعت 10 صبح روز شنبه 7 آذر 1405 ممنوع است.",
        "انتشار این خبر تا ساعت ١٠ صبح روز شنبه ٧ آذر ١٤٠٥ ممنوع است.",
        # With and without ZWNJ, with kashida.
        "این خبر تا ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ قابل‌انتشار نمی‌باشد.",
        "این خبر تا ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ قابل انتشار نمیباشد.",
        "انتشـــار این خبر تا ساعت ۱۰ صبح روز شنبه ۷ آذر ۱۴۰۵ ممنوع است.",
        # Other ways of writing the same moment.
        "انتشار این خبر تا ساعت ۱۰:۰۰ روز ۷ آذرماه سال ۱۴۰۵ ممنوع است.",
        "انتشار این خبر تا ۱۰ صبح شنبه، ۷ آذر ۱۴۰۵ ممنوع است.",
        "انتشار این خبر تا ساعت ۱۰ روز ۱۴۰۵/۰۹/۰۷ ممنوع است.",
        "انتشار این خبر تا ساعت ۱۰ صبح روز ۷ اذر ممنوع است.",
        "انتشار این خبر تا ساعت ۱۰ صبح روز شنبه ممنوع است.",
    ],
)
def test_letter_digit_and_date_variants(note: str) -> None:
    """Arabic letters, Latin or Arabic-Indic digits, ZWNJ or none and other date orders give the same moment."""
    assert find_embargo(release(note), NOW, TEHRAN) == Embargo(until=SATURDAY_10, sentence=note)


@pytest.mark.parametrize(
    ("note", "until"),
    [
        ("انتشار این خبر تا ساعت ۱۰ و نیم صبح فردا ممنوع است.", datetime(2026, 11, 26, 7, 0, tzinfo=UTC)),
        ("انتشار این خبر تا ساعت ۴ بعد از ظهر سه‌شنبه ممنوع است.", datetime(2026, 12, 1, 12, 30, tzinfo=UTC)),
        ("انتشار این خبر تا ساعت ۱۸ ممنوع است.", datetime(2026, 11, 25, 14, 30, tzinfo=UTC)),
        ("انتشار این خبر تا ساعت ۹ و ۴۵ دقیقه صبح ۷ آذر ۱۴۰۵ ممنوع است.", datetime(2026, 11, 28, 6, 15, tzinfo=UTC)),
        ("Embargo: tomorrow at 9 pm.", datetime(2026, 11, 26, 17, 30, tzinfo=UTC)),
    ],
)
def test_other_moments(note: str, until: datetime) -> None:
    """«فردا», a weekday or a time alone, minutes in words and am/pm give the moment they name."""
    embargo = find_embargo(release(note), NOW, TEHRAN)
    assert embargo is not None
    assert embargo.until == until


@pytest.mark.parametrize("sample_id", [sample_id for sample_id in SAMPLES if sample_id != "r16"])
def test_no_embargo_in_other_samples(sample_id: str) -> None:
    """No sample other than r16 holds an embargo note."""
    assert find_embargo(SAMPLES[sample_id]["text"], NOW, TEHRAN) is None


def test_past_embargo() -> None:
    """A note whose moment has passed is no embargo: the officer schedules by hand."""
    assert find_embargo(SAMPLES["r16"]["text"], SATURDAY_10, TEHRAN) is None
    assert find_embargo(SAMPLES["r16"]["text"], SATURDAY_10 + timedelta(days=3), TEHRAN) is None


def test_stale_note_without_year() -> None:
    """A yearless date that has just passed is not read as the same date next year."""
    note = "انتشار این خبر تا ساعت ۱۰ صبح روز ۷ آذر ممنوع است."
    assert find_embargo(release(note), SATURDAY_10 + timedelta(days=1), TEHRAN) is None


@pytest.mark.parametrize(
    "note",
    [
        "انتشار این خبر تا اطلاع ثانوی ممنوع است.",
        "انتشار این خبر تا ۷ آذر ۱۴۰۵ ممنوع است.",  # a date without a time
        "انتشار این خبر تا ساعت ۲۵ روز ۷ آذر ۱۴۰۵ ممنوع است.",
        "انتشار این خبر تا ساعت ۱۰ صبح روز ۳۱ آذر ۱۴۰۵ ممنوع است.",  # Azar has 30 days
        "انتشار این خبر تا ساعت ۱۰ صبح روز یکشنبه ۷ آذر ۱۴۰۵ ممنوع است.",  # 7 Azar 1405 is a Saturday
        "انتشار این خبر تا ساعت ۱۰ صبح روز شنبه هفتم آذر ممنوع است.",  # a day in words
        "انتشار این خبر تا ساعت ۱۰ یا ساعت ۱۲ روز ۷ آذر ۱۴۰۵ ممنوع است.",  # two times
        "انتشار این خبر تا ساعت ۱۰ صبح ۷ آذر ۱۴۰۵ یا ۸ آذر ۱۴۰۵ ممنوع است.",  # two dates
        "Embargo until 10:00 UTC, 28 November 2026.",  # another timezone, without an offset
        "Embargo until 10:00 on 28/11/2026.",  # day-first numbers are not read
    ],
)
def test_unreadable_time(note: str) -> None:
    """A note whose moment is missing, impossible, contradictory or ambiguous gives no embargo."""
    assert find_embargo(release(note), NOW, TEHRAN) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # Publication forbidden *after* a moment, or allowed only *until* it: the opposite of an embargo.
        "انتشار این خبر پس از ساعت ۱۰ صبح شنبه ممنوع است.",
        "این خبر تا ساعت ۱۰ صبح شنبه قابل انتشار است.",
        # Ordinary prose with a time and the words around publication.
        "نتایج این طرح ساعت ۱۰ صبح شنبه ۷ آذر ۱۴۰۵ منتشر می‌شود.",
        "تردد خودروهای سنگین تا ساعت ۱۸ روز شنبه ممنوع است.",
        "جلسات در فضای مجازی تا ساعت ۱۰ صبح شنبه برگزار می‌شود.",
    ],
)
def test_not_an_embargo(sentence: str) -> None:
    """Sentences that mention publication or a prohibition but hold nothing back are not notes."""
    assert find_embargo(release(sentence), NOW, TEHRAN) is None


def test_first_readable_note_wins() -> None:
    """With an unreadable note before a readable one, the readable one is returned."""
    text = "انتشار این خبر تا اطلاع ثانوی ممنوع است. " + R16_NOTE
    assert find_embargo(text, NOW, TEHRAN) == Embargo(until=SATURDAY_10, sentence=R16_NOTE)


def test_naive_now_is_a_programming_error() -> None:
    """A naive ``now`` raises TypeError even when the text holds no note."""
    with pytest.raises(TypeError):
        find_embargo("متن بدون یادداشت", datetime(2026, 11, 25, 8, 0), TEHRAN)


def test_strip_sample_r16() -> None:
    """Stripping r16 removes its note paragraph and exactly one blank line, and nothing else."""
    text = SAMPLES["r16"]["text"]
    embargo = find_embargo(text, NOW, TEHRAN)
    assert embargo is not None
    assert strip_embargo(text, embargo) == text.replace(R16_NOTE + "\n\n", "", 1)


NOTE = Embargo(until=SATURDAY_10, sentence=R16_NOTE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph of its own between two others.
        (f"تیتر\n\n{R16_NOTE}\n\nمتن.", "تیتر\n\nمتن."),
        # Blank lines of unequal length around it: the longer run stays.
        (f"تیتر\n\n\n{R16_NOTE}\n\nمتن.", "تیتر\n\n\nمتن."),
        # A line inside a paragraph.
        (f"تیتر\n{R16_NOTE}\nمتن.", "تیتر\nمتن."),
        # First or last in the text; a final newline is kept.
        (f"{R16_NOTE}\n\nمتن.", "متن."),
        (f"متن.\n\n{R16_NOTE}\n", "متن.\n"),
        (f"متن.\n\n{R16_NOTE}", "متن."),
        # Between, before and after other sentences on the same line.
        (f"جمله اول. {R16_NOTE} جمله دوم.", "جمله اول. جمله دوم."),
        (f"{R16_NOTE} جمله دوم.\n\nمتن.", "جمله دوم.\n\nمتن."),
        (f"جمله اول. {R16_NOTE}\n\nمتن.", "جمله اول.\n\nمتن."),
        # Decorated with marks that are not words: the whole line goes.
        (f"تیتر\n\n*** {R16_NOTE} ***\n\nمتن.", "تیتر\n\nمتن."),
        # Pasted twice.
        (f"{R16_NOTE}\n\nمتن.\n\n{R16_NOTE}", "متن."),
        # Other blank-line runs and spaces elsewhere are left as they are.
        (f"تیتر  \n\n\n\nبند یک.\n\n{R16_NOTE}\n\nبند دو.  ", "تیتر  \n\n\n\nبند یک.\n\nبند دو.  "),
        # A text without the note comes back unchanged.
        ("تیتر\n\nمتن.\n", "تیتر\n\nمتن.\n"),
    ],
)
def test_strip_embargo(text: str, expected: str) -> None:
    """strip_embargo removes exactly the note (and the spacing it leaves) and nothing else."""
    assert strip_embargo(text, NOTE) == expected


def test_strip_what_find_found() -> None:
    """Stripping the sentence find_embargo returned leaves the release as if the note had never been there."""
    note = "Embargoed until 10:00 am, Saturday, 28 November 2026."
    embargo = find_embargo(release(note), NOW, TEHRAN)
    assert embargo is not None
    assert strip_embargo(release(note), embargo) == release("").replace("\n\n\n\n", "\n\n")
