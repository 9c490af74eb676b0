"""``python -m bench.tagging``: the split into halves, the micro-averaged figures, and a run on the test samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.tagging import TEST_SAMPLES, Figures, Outcome, fold_of, load_samples, main, tag_samples
from bot.cli import preview_release


def _outcome(position: int, labels: tuple[str, ...], suggested: tuple[str, ...], county: str | None = None) -> Outcome:
    return Outcome(f"s{position}", position, labels, suggested, "ilam", county)


def test_halves_are_the_even_and_the_odd_lines() -> None:
    """Half A holds lines 0, 2, 4 …; half B lines 1, 3, 5 …: fixed, whatever the samples say."""
    assert [fold_of(position) for position in range(6)] == ["A", "B", "A", "B", "A", "B"]


def test_figures_are_micro_averaged_over_topic_labels() -> None:
    """Recall counts labels found, precision suggestions labelled, over all samples together."""
    outcomes = [
        _outcome(0, ("health", "welfare"), ("health",), "ilam"),  # 1 of 2 labels, 1 of 1 suggestion
        _outcome(1, ("sports",), ("sports", "tourism", "culture")),  # 1 of 1 label, 1 of 3 suggestions
        _outcome(2, ("crisis",), ()),  # 0 of 1 label, no suggestion
    ]
    figures = Figures.of(outcomes)
    assert figures.recall == pytest.approx(2 / 4)
    assert figures.precision == pytest.approx(2 / 4)
    assert (figures.samples, figures.county_hits, figures.first_hits) == (3, 1, 2)


def test_the_bench_tags_as_the_preview_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each sample is tagged as ``preview --org`` tags it, and a run prints both halves and the whole."""
    samples = load_samples(TEST_SAMPLES)
    for outcome, sample in zip(tag_samples(samples), samples, strict=True):
        previewed = preview_release(sample["text"], org_name=sample["org"])
        assert (list(outcome.suggested), outcome.county) == (previewed["topics"], previewed["county"])
    copy = tmp_path / "samples.jsonl"
    copy.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in samples[:3]) + "\n", encoding="utf-8")
    assert main(["--samples", str(copy), "--folds", "2", "--quiet"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in printed[1:]] == [["A", "2"], ["B", "1"], ["all", "3"]]
