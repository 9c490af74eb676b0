"""The same release reads the same on every supported Python: all shared samples, pinned.

Python 3.11 runs hazm 0.10.0 and Python 3.12+ hazm 0.12, whose own normalizer spaces some texts
differently; ``bot/domain/text.py`` runs hazm 0.10.0's steps over either version's tokenizer and
lexicon. ``tests/data/samples.jsonl`` is a copy of the 23 shared sample releases, and
``tests/data/samples_expected.jsonl`` holds what ``python -m bot preview --json`` gives for each,
written under Python 3.11 with hazm 0.10.0 by ``python -m tests.test_text_samples --write``.
CI runs this file on the oldest and the newest supported Python against the same expectations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from bot import cli
from bot.domain.text import HazmSteps
from bot.services.core import shared_normalizer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_PATH = ROOT / "tests" / "data" / "samples.jsonl"
EXPECTED_PATH = ROOT / "tests" / "data" / "samples_expected.jsonl"
SAMPLES = [json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines()]
# Rendered messages carry the publication time; the pinned ones were rendered at this moment.
PINNED_NOW = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)


class _PinnedDatetime(datetime):
    """``datetime`` whose ``now`` is PINNED_NOW, for the rendered messages' date line."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _PinnedDatetime:  # type: ignore[override]
        return cls.fromtimestamp(PINNED_NOW.timestamp(), tz)


def _previews() -> dict[str, dict[str, Any]]:
    """``preview --json`` of every sample, with its organization as the hint, at PINNED_NOW."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "datetime", _PinnedDatetime)
        return {s["id"]: cli.preview_release(s["text"], org_name=s["org"]) for s in SAMPLES}


def _expected() -> dict[str, dict[str, Any]]:
    records = [json.loads(line) for line in EXPECTED_PATH.read_text(encoding="utf-8").splitlines()]
    return {record.pop("id"): record for record in records}


@pytest.fixture(scope="module")
def previews() -> dict[str, dict[str, Any]]:
    """Every sample through the whole pipeline once."""
    return _previews()


def test_expectations_cover_every_sample() -> None:
    """Each shared sample has a pinned preview, and nothing else is pinned."""
    assert sorted(_expected()) == sorted(s["id"] for s in SAMPLES)
    assert len(SAMPLES) == 23


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["id"] for s in SAMPLES])
def test_preview_is_the_pinned_one(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """Title, body, topics, county, fingerprint, search text and messages are exactly the pinned ones."""
    expected = _expected()[sample["id"]]
    result = previews[sample["id"]]
    for field in expected:
        assert result[field] == expected[field], field
    assert sorted(result) == sorted(expected)


def test_command_line_preview_prints_the_pinned_release() -> None:
    """``python -m bot preview --json --org …`` in a fresh interpreter gives the pinned release."""
    sample = SAMPLES[0]
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "preview", "--json", "--org", sample["org"], "-"],
        input=sample["text"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    result = json.loads(completed.stdout)
    expected = _expected()[sample["id"]]
    # The date line of the messages is the time of the run; everything else is pinned.
    for field in expected.keys() - {"parts"}:
        assert result[field] == expected[field], field
    assert [part["kind"] for part in result["parts"]] == [part["kind"] for part in expected["parts"]]


# Texts on which hazm 0.12's own Normalizer spaces differently from 0.10.0 («کتاب‌م», «مدیر‌ان», «ماش‌ین»,
# «کتاب‌هایمان»): with hazm 0.10.0's steps both versions keep them as 0.10.0 does, except the plural and
# possessive endings, which our own rule attaches on both («کتاب‌هایمان», «دفترهایتان», «پیام‌های‌شان»).
SPACING_DIFFERENCES = [
    ("او کتاب م را برد و دانشجو یان رفت ند", "او کتاب م را برد و دانشجو یان رفت ند"),
    ("کار ت را دیدم و خانه ش بزرگ است", "کار ت را دیدم و خانه ش بزرگ است"),
    ("ماش ین های آنها", "ماش ین‌های آنها"),
    ("مدیر ان استان گفت ند", "مدیر ان استان گفت ند"),
    ("کتاب هایمان و دفتر هایتان", "کتاب‌هایمان و دفترهایتان"),
    ("پیام های شان را دیدیم", "پیام‌های‌شان را دیدیم"),
    ("سلاممممم به همه و به سلاممممم", "سلام به همه و به سلام"),
    ("میگفت همیشه میگفتند", "می‌گفت همیشه می‌گفتند"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), SPACING_DIFFERENCES, ids=[f"text{index}" for index in range(len(SPACING_DIFFERENCES))]
)
def test_spacing_is_hazm_0_10_on_every_hazm(raw: str, expected: str) -> None:
    """Where hazm 0.12's normalizer would glue a suffix or pronoun differently, the display text is 0.10.0's."""
    assert shared_normalizer().normalize(raw) == expected


# What hazm 0.10.0 and 0.12.1 both give (``python -m tests.test_text_samples --digests`` prints them).
LEXICON_SIZE, LEXICON_DIGEST = 193350, "1e247d780e2bfa5c"
VERB_COUNT, VERBS_DIGEST = 346014, "a98abe271740332d"
LETTER_COUNT, LETTERS_DIGEST = 168, "832490d945fa379f"


def _digest(items: Iterator[Any]) -> str:
    return hashlib.sha256(json.dumps(sorted(items), ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def test_hazm_data_is_the_same_on_every_hazm() -> None:
    """The lexicon, the verbs and the letter table we take from hazm are identical in 0.10.0 and 0.12."""
    steps = shared_normalizer().hazm
    lexicon = steps.lexicon
    assert (len(lexicon), _digest((word, entry[0], sorted(entry[1])) for word, entry in lexicon.items())) == (
        LEXICON_SIZE,
        LEXICON_DIGEST,
    )
    verbs = steps.verbs
    assert (len(verbs), _digest(iter(verbs))) == (VERB_COUNT, VERBS_DIGEST)
    letters = steps.letters
    assert (len(letters), _digest(letters.items())) == (LETTER_COUNT, LETTERS_DIGEST)


def main(argv: list[str] | None = None) -> int:
    """Write the pinned previews (``--write``), or print the hazm data digests (``--digests``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"rewrite {EXPECTED_PATH.relative_to(ROOT)}")
    parser.add_argument("--digests", action="store_true", help="print the hazm data sizes and digests")
    args = parser.parse_args(argv)
    if args.digests:
        steps = HazmSteps()
        lexicon = steps.lexicon
        print(len(lexicon), _digest((word, entry[0], sorted(entry[1])) for word, entry in lexicon.items()))
        print(len(steps.verbs), _digest(iter(steps.verbs)))
        print(len(steps.letters), _digest(steps.letters.items()))
    if args.write:
        previews = _previews()
        lines = [json.dumps({"id": s["id"], **previews[s["id"]]}, ensure_ascii=False) for s in SAMPLES]
        EXPECTED_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} previews with Python {sys.version.split()[0]}, hazm {metadata.version('hazm')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
