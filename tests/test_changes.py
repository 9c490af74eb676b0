"""What a correction changes, and which texts look like a release (pure functions of issue 13's desk)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.domain.changes import Changes, sentence_changes
from bot.domain.dedupe import fingerprint
from bot.domain.tagging import looks_like_release

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s["text"]
    for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}


def changes(old: str, new: str) -> Changes:
    """sentence_changes with the fingerprints the desk would use."""
    return sentence_changes(old, new, fingerprint(old), fingerprint(new))


def test_a_changed_figure_is_one_sentence_removed_and_one_added() -> None:
    """Correcting «27 واحد» to «31 واحد» shows exactly that sentence, old and new, and reads as the same release."""
    old = SAMPLES["r05"]
    found = changes(old, old.replace("27 واحد", "31 واحد"))
    assert len(found.removed) == 1
    assert "27 واحد" in found.removed[0]
    assert len(found.added) == 1
    assert "31 واحد" in found.added[0]
    assert found.kept == found.old_count - 1
    assert not found.looks_different


def test_letter_variants_and_spacing_are_no_change() -> None:
    """Arabic letters and doubled spaces fold to the same sentences: nothing added or removed."""
    old = SAMPLES["r08"]
    found = changes(old, old.replace("ی", "ي").replace(" ", "  "))
    assert (found.added, found.removed) == ((), ())
    assert found.kept == found.old_count


@pytest.mark.parametrize("other", ["r02", "r14", "r20"])
def test_another_release_sent_as_a_correction_looks_different(other: str) -> None:
    """A different sample sent as the correction of r05 keeps almost nothing and is far in SimHash bits."""
    found = changes(SAMPLES["r05"], SAMPLES[other])
    assert found.looks_different
    assert found.kept * 2 < found.old_count


def test_a_sentence_added_to_a_release_is_not_another_release() -> None:
    """One sentence added at the end (a typical correction) is listed and does not warn."""
    old = SAMPLES["r02"]
    found = changes(old, old + "\n\nاصلاح: ساعت برگزاری ۱۰ صبح است.")
    assert found.added == ("اصلاح: ساعت برگزاری ۱۰ صبح است.",)
    assert found.removed == ()
    assert not found.looks_different


@pytest.mark.parametrize(
    ("text", "looks"),
    [
        ("سلام", False),
        ("فردا ساعت ۱۰", False),
        ("خبر تازهٔ فرمانداری دربارهٔ برداشت محصول گندم در آبدانان", False),
        ("سلام\nخوبی؟", False),  # a one-word first line is no headline
        ("بازگشایی مدارس ایلام\n\nمدارس استان از شنبه باز می‌شوند.", True),
        (" ".join(["واژه"] * 12), True),
        (SAMPLES["r05"], True),
    ],
)
def test_what_looks_like_a_release(text: str, looks: bool) -> None:
    """Twelve words or more, or a headline line of three words or more with text after it."""
    assert looks_like_release(text) is looks
