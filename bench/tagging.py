"""Agreement of the tagger with the labelled samples: topic recall and precision, county accuracy.

Run with ``python -m bench.tagging``. Each sample (one JSON object a line: ``id``, ``org``, ``county``,
``topics``, ``text``) is tagged exactly as the bot tags an officer's release: the live pipeline
(:class:`bot.domain.pipeline.ReleasePipeline` with the packaged taxonomy and gazetteer and the shared
normalizer) is given the raw text and the agency's name as the hint, which is what
``Desk.prepare_text`` passes for an officer of that agency. The samples name no agency county, so
none is given.

It prints, for every sample that is not exactly right, the topics missed, the topics suggested but
not labelled and a wrong county; then micro-averaged figures over all topic labels:

* recall = labelled topics suggested / labelled topics;
* precision = suggested topics labelled / suggested topics;
* county = samples whose county (or «province-wide», None) is the label's;
* first = samples whose first suggested topic (the one a reader sees first) is labelled.

``--folds 2`` splits the samples into two halves by their position in the file (0-based line
number): half A holds the even lines (0, 2, 4 …), half B the odd ones. The split is fixed so that
anyone can tune on one half and measure on the other (the README's two-fold table). ``--fold A``
or ``--fold B`` restricts the run to one half.

The samples default to ``../shared/samples/releases.jsonl`` beside the repository (the public set
of 23) when it exists, else ``tests/data/releases.jsonl`` (the 7 the tests use); ``--samples PATH``
(or ``--file PATH``) names another file, such as ``tests/data/heldout_releases.jsonl``, the 36
releases written blind for issue 14.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_SAMPLES = ROOT.parent / "shared" / "samples" / "releases.jsonl"
TEST_SAMPLES = ROOT / "tests" / "data" / "releases.jsonl"
FOLD_NAMES = ("A", "B")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One sample tagged: what the labels say and what the bot suggests."""

    sample_id: str
    position: int
    labels: tuple[str, ...]
    suggested: tuple[str, ...]
    county_label: str | None
    county: str | None

    @property
    def hits(self) -> int:
        return len(set(self.labels) & set(self.suggested))

    @property
    def exact(self) -> bool:
        return set(self.labels) == set(self.suggested) and self.county == self.county_label


@dataclass(frozen=True, slots=True)
class Figures:
    """Micro-averaged agreement over a set of outcomes."""

    samples: int
    recall: float
    precision: float
    county_hits: int
    first_hits: int

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Figures:
        hits = sum(o.hits for o in outcomes)
        labelled = sum(len(o.labels) for o in outcomes)
        suggested = sum(len(o.suggested) for o in outcomes)
        return cls(
            samples=len(outcomes),
            recall=hits / labelled if labelled else 0.0,
            precision=hits / suggested if suggested else 0.0,
            county_hits=sum(o.county == o.county_label for o in outcomes),
            first_hits=sum(bool(o.suggested) and o.suggested[0] in o.labels for o in outcomes),
        )

    def line(self, name: str) -> str:
        county = self.county_hits / self.samples if self.samples else 0.0
        return (
            f"{name:<4} {self.samples:>3} samples  recall {self.recall:.2f}  precision {self.precision:.2f}  "
            f"county {self.county_hits}/{self.samples} ({county:.2f})  first {self.first_hits}/{self.samples}"
        )


def fold_of(position: int) -> str:
    """The half a sample belongs to: A for an even 0-based line number, B for an odd one."""
    return FOLD_NAMES[position % 2]


def load_samples(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def tag_samples(samples: Sequence[dict[str, Any]]) -> list[Outcome]:
    """Tag every sample through the bot's pipeline with the agency's name as the hint."""
    from bot.domain.pipeline import ReleasePipeline  # noqa: PLC0415 - hazm loads only when the bench runs
    from bot.domain.tagging import load_counties, load_topics  # noqa: PLC0415
    from bot.services.core import shared_normalizer  # noqa: PLC0415

    pipeline = ReleasePipeline(shared_normalizer(), load_topics(), load_counties())
    outcomes = []
    for position, sample in enumerate(samples):
        prepared = pipeline.prepare(sample["text"], org_name=sample["org"])
        outcomes.append(
            Outcome(
                sample_id=str(sample["id"]),
                position=position,
                labels=tuple(sample["topics"]),
                suggested=prepared.topics,
                county_label=sample["county"],
                county=prepared.county,
            )
        )
    return outcomes


def _describe(outcome: Outcome) -> str:
    missed = [t for t in outcome.labels if t not in outcome.suggested]
    extra = [t for t in outcome.suggested if t not in outcome.labels]
    notes = []
    if missed:
        notes.append(f"missed {', '.join(missed)}")
    if extra:
        notes.append(f"extra {', '.join(extra)}")
    if outcome.county != outcome.county_label:
        notes.append(f"county {outcome.county} (label {outcome.county_label})")
    return (
        f"{outcome.sample_id:<5} [{fold_of(outcome.position)}] suggested {list(outcome.suggested)} "
        f"labels {list(outcome.labels)}: {'; '.join(notes)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = SHARED_SAMPLES if SHARED_SAMPLES.exists() else TEST_SAMPLES
    parser.add_argument("--samples", "--file", type=Path, default=default, help=f"labelled JSONL (default: {default})")
    parser.add_argument("--folds", type=int, choices=(1, 2), default=1, help="2: also figures for halves A and B")
    parser.add_argument("--fold", choices=FOLD_NAMES, default=None, help="only the samples of this half")
    parser.add_argument("--quiet", action="store_true", help="figures only, no per-sample misses")
    args = parser.parse_args(argv)

    outcomes = tag_samples(load_samples(args.samples))
    if args.fold is not None:
        outcomes = [o for o in outcomes if fold_of(o.position) == args.fold]
    print(f"samples: {args.samples}")
    if not args.quiet:
        for outcome in outcomes:
            if not outcome.exact:
                print(_describe(outcome))
        print()
    if args.folds == 2 and args.fold is None:
        for name in FOLD_NAMES:
            print(Figures.of([o for o in outcomes if fold_of(o.position) == name]).line(name))
    print(Figures.of(outcomes).line(args.fold or "all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
