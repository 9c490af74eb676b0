"""The fresh labelled set of issue 14 (``tests/data/heldout_releases.jsonl``) stays at the issue's goal.

The 36 releases were written and labelled before the tagger was run on them; the tagger was then
tuned two-fold on them (README, «Tagging»), so this is a guard against regressions, not a measure
of releases never seen: recall ≥ 0.85 at precision ≥ 0.80, county ≥ 0.95, as the issue asks.
"""

from __future__ import annotations

from pathlib import Path

from bench.tagging import Figures, load_samples, tag_samples
from bot.domain.tagging import load_counties, load_topics

HELDOUT = Path(__file__).parent / "data" / "heldout_releases.jsonl"


def test_the_fresh_set_is_labelled_as_the_public_samples_are() -> None:
    """36 releases, every field of the public samples' schema, topics and counties from the taxonomy."""
    samples = load_samples(HELDOUT)
    slugs = {topic.slug for topic in load_topics()}
    counties = {county.slug for county in load_counties()}
    assert len(samples) == 36
    assert len({sample["id"] for sample in samples}) == 36
    for sample in samples:
        assert set(sample) == {"id", "org", "county", "topics", "title", "text", "features"}
        assert sample["text"].startswith(sample["title"])
        assert 1 <= len(sample["topics"]) <= 3, sample["id"]
        assert set(sample["topics"]) <= slugs, sample["id"]
        assert sample["county"] is None or sample["county"] in counties, sample["id"]


def test_the_fresh_set_meets_the_goal() -> None:
    """Recall ≥ 0.85 at precision ≥ 0.80 and county ≥ 0.95 on the fresh set, each half ≥ 0.80 precision."""
    outcomes = tag_samples(load_samples(HELDOUT))
    figures = Figures.of(outcomes)
    assert figures.recall >= 0.85
    assert figures.precision >= 0.80
    assert figures.county_hits / figures.samples >= 0.95
    for half in (0, 1):
        assert Figures.of([o for o in outcomes if o.position % 2 == half]).precision >= 0.80
