"""Benchmark of the text pipeline: throughput, start-up time and memory.

Run with ``python -m bench.text`` (``--quick`` for a short run). On the labelled samples
(``tests/data/releases.jsonl``), repeated to get stable numbers, it measures in one process:

* our ``PersianNormalizer.normalize`` alone, the tagging functions alone (``split_title``,
  ``suggest_topics``, ``detect_county``), both together (what the bot does per release), ``fold`` and
  ``fingerprint``;
* hazm's default ``Normalizer().normalize`` on the same raw texts, for comparison;

and, in fresh subprocesses, the start-up cost (interpreter, importing our modules, building the
normalizer and loading the taxonomy) and the resident memory (VmRSS from ``/proc/self/status``)
when ready and after a warm-up. It prints a table and writes ``bench/results/text-py3.X.json`` for the
interpreter it runs on (Python 3.11 brings hazm 0.10.0, 3.12+ hazm 0.12). Run it under each version
(``.venv/3.11/bin/python -m bench.text``, ``.venv/3.13/bin/python -m bench.text``); every run ends with
a table of all the versions measured, which ``python -m bench.text --compare`` prints on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_PATH = ROOT / "tests" / "data" / "releases.jsonl"
RESULTS_DIR = ROOT / "bench" / "results"
RESULTS_PATH = RESULTS_DIR / f"text-py{sys.version_info.major}.{sys.version_info.minor}.json"

# Run in a fresh interpreter: time from before the first import of ours to a ready pipeline, then a
# warm-up over the samples and the memory the process holds.
_STARTUP_PROBE = r"""
import json, sys, time
started = time.perf_counter()
from bot.domain.text import PersianNormalizer
from bot.domain import tagging
from bot.domain.dedupe import fingerprint
imported = time.perf_counter()
normalizer = PersianNormalizer()
built = time.perf_counter()
topics = tagging.load_topics()
counties = tagging.load_counties()
ready = time.perf_counter()
ready_epoch = time.time()
status = dict(line.split(":", 1) for line in open("/proc/self/status", encoding="ascii"))
rss_ready_mib = int(status["VmRSS"].split()[0]) / 1024
samples = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for sample in samples * 3:
    display = normalizer.normalize(sample["text"])
    tagging.split_title(display)
    tagging.suggest_topics(display, topics, org_name=sample["org"])
    tagging.detect_county(display, counties, org_name=sample["org"])
    fingerprint(display)
status = dict(line.split(":", 1) for line in open("/proc/self/status", encoding="ascii"))
print(json.dumps({
    "import_s": imported - started,
    "build_normalizer_s": built - imported,
    "load_taxonomy_s": ready - built,
    "ready_s": ready - started,
    "ready_epoch": ready_epoch,
    "rss_ready_mib": rss_ready_mib,
    "rss_mib": int(status["VmRSS"].split()[0]) / 1024,
    "peak_rss_mib": int(status["VmHWM"].split()[0]) / 1024,
}))
"""


def _load_samples() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines()]


def _machine() -> dict[str, Any]:
    """Describe the machine and the software the figures belong to."""
    cpu_model = ""
    memory_gib = None
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": cpu_model,
        "cpu_count": os.cpu_count(),
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "hazm": metadata.version("hazm"),
    }


def _rss_mib() -> float:
    """Return this process's resident memory in MiB (VmRSS)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _throughput(
    name: str, work: Callable[[str, str], object], samples: list[dict[str, Any]], rounds: int, repeats: int
) -> dict[str, Any]:
    """Time ``work(text, org)`` over the samples ``rounds`` times, ``repeats`` times; keep the median."""
    texts = [(sample["text"], sample["org"]) for sample in samples]
    characters = sum(len(text) for text, _ in texts) * rounds
    releases = len(texts) * rounds
    for text, org in texts:  # warm-up: caches, lazy compilation of regexes
        work(text, org)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(rounds):
            for text, org in texts:
                work(text, org)
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    return {
        "name": name,
        "releases": releases,
        "characters": characters,
        "seconds_median": seconds,
        "seconds_min": min(timings),
        "releases_per_s": releases / seconds,
        "chars_per_s": characters / seconds,
        "ms_per_release": seconds / releases * 1000,
        "ms_per_release_best": min(timings) / releases * 1000,
    }


def _startup(runs: int) -> dict[str, Any]:
    """Start ``runs`` fresh interpreters that build the pipeline; return median timings and memory."""
    probes = []
    walls = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        started = time.perf_counter()
        spawned = time.time()
        completed = subprocess.run(
            [sys.executable, "-c", _STARTUP_PROBE, str(SAMPLES_PATH)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        walls.append(time.perf_counter() - started)
        probe = json.loads(completed.stdout.strip().splitlines()[-1])
        # From starting the interpreter to a ready pipeline: what a restart costs before the first release.
        probe["process_to_ready_s"] = probe.pop("ready_epoch") - spawned
        probes.append(probe)
    result = {key: statistics.median(probe[key] for probe in probes) for key in probes[0]}
    # The probe's own clock starts after the interpreter is up; the wall time includes that and the
    # warm-up, so it is an upper bound of what a restart of the bot costs before the first message.
    result["process_wall_s_including_warmup"] = statistics.median(walls)
    result["runs"] = runs
    return result


def _load_average() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text(encoding="ascii").split()[:3]]
    except OSError:
        return None


# The comparison across interpreters: (label, how to read it from a results file, format). Throughput is
# the best of the repeats, which other work on a shared machine disturbs least.
_COMPARED: tuple[tuple[str, Callable[[dict[str, Any]], float], str], ...] = (
    ("start-up: process start to ready normalizer, s", lambda r: r["startup"]["process_to_ready_s"], "{:.2f}"),
    ("  of which building the normalizer (hazm), s", lambda r: r["startup"]["build_normalizer_s"], "{:.2f}"),
    ("memory when ready, MiB (VmRSS)", lambda r: r["startup"]["rss_ready_mib"], "{:.0f}"),
    ("memory after warm-up, MiB (VmRSS)", lambda r: r["startup"]["rss_mib"], "{:.0f}"),
    ("normalize, ms/release (best)", lambda r: _row(r, "normalize (ours)")["ms_per_release_best"], "{:.2f}"),
    ("normalize + tagging, releases/s (best)", lambda r: _best_rate(r, "normalize + tagging"), "{:.0f}"),
    (
        "+ fold + fingerprint, releases/s (best)",
        lambda r: _best_rate(r, "normalize + tagging + fold + fingerprint"),
        "{:.0f}",
    ),
)


def _row(results: dict[str, Any], name: str) -> dict[str, Any]:
    return next(row for row in results["throughput"] if row["name"] == name)


def _best_rate(results: dict[str, Any], name: str) -> float:
    row = _row(results, name)
    return float(row["releases"] / row["seconds_min"])


def compare_versions(results_dir: Path = RESULTS_DIR) -> str:
    """Return a table of the results of every interpreter measured (one ``text-py3.X.json`` each)."""
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(results_dir.glob("text-py3.*.json"))]
    runs.sort(key=lambda r: tuple(int(part) for part in r["machine"]["python"].split(".")[:2]))
    if not runs:
        return "no results yet: run python -m bench.text under each interpreter"
    headers = [f"Python {r['machine']['python']} (hazm {r['machine']['hazm']})" for r in runs]
    width = max(len(label) for label, _, _ in _COMPARED) + 2
    lines = [f"{'':<{width}}" + "".join(f"{header:>28}" for header in headers)]
    for label, read, form in _COMPARED:
        lines.append(f"{label:<{width}}" + "".join(f"{form.format(read(r)):>28}" for r in runs))
    loads = ", ".join(f"{r['machine']['python']}: {r.get('load_average')}" for r in runs)
    lines.append(f"load average (1, 5, 15 min) at the start of each run: {loads}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the samples per timing (default 20)")
    parser.add_argument("--repeats", type=int, default=5, help="timings per measurement, median kept (default 5)")
    parser.add_argument("--startup-runs", type=int, default=3, help="fresh processes for start-up (default 3)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, 3 repeats, 1 start-up run")
    parser.add_argument("--output", type=Path, default=RESULTS_PATH, help="where to write the JSON results")
    parser.add_argument("--compare", action="store_true", help="only print the table of the versions measured")
    args = parser.parse_args(argv)
    if args.compare:
        print(compare_versions())
        return 0
    load_average = _load_average()
    if args.quick:
        args.rounds, args.repeats, args.startup_runs = 3, 3, 1

    samples = _load_samples()
    print(f"text pipeline benchmark: {len(samples)} samples x {args.rounds} rounds, median of {args.repeats}")

    startup = _startup(args.startup_runs)

    import hazm  # noqa: PLC0415  (imported here so the start-up probe above is not affected)

    from bot.domain import tagging  # noqa: PLC0415
    from bot.domain.dedupe import fingerprint  # noqa: PLC0415
    from bot.domain.text import PersianNormalizer, fold  # noqa: PLC0415

    normalizer = PersianNormalizer()
    topics = tagging.load_topics()
    counties = tagging.load_counties()
    hazm_default = hazm.Normalizer()
    displays = {sample["text"]: normalizer.normalize(sample["text"]) for sample in samples}

    def tag(display: str, org: str) -> object:
        title, _ = tagging.split_title(display)
        return (
            title,
            tagging.suggest_topics(display, topics, org_name=org),
            tagging.detect_county(display, counties, org_name=org),
        )

    def normalize_and_tag(text: str, org: str) -> object:
        return tag(normalizer.normalize(text), org)

    def full_release(text: str, org: str) -> object:
        display = normalizer.normalize(text)
        return tag(display, org), fold(display), fingerprint(display)

    measurements = [
        _throughput(
            "normalize (ours)", lambda text, _org: normalizer.normalize(text), samples, args.rounds, args.repeats
        ),
        _throughput(
            "tagging (title, topics, county)",
            lambda text, org: tag(displays[text], org),
            samples,
            args.rounds,
            args.repeats,
        ),
        _throughput("normalize + tagging", normalize_and_tag, samples, args.rounds, args.repeats),
        _throughput("normalize + tagging + fold + fingerprint", full_release, samples, args.rounds, args.repeats),
        _throughput("fold", lambda text, _org: fold(displays[text]), samples, args.rounds, args.repeats),
        _throughput("fingerprint", lambda text, _org: fingerprint(displays[text]), samples, args.rounds, args.repeats),
        _throughput(
            "hazm Normalizer().normalize (default)",
            lambda text, _org: hazm_default.normalize(text),
            samples,
            args.rounds,
            args.repeats,
        ),
    ]
    bench_rss = _rss_mib()

    print()
    print(f"{'stage (median of repeats)':<44}{'releases/s':>12}{'chars/s':>14}{'ms/release':>12}{'best ms':>10}")
    for row in measurements:
        print(
            f"{row['name']:<44}{row['releases_per_s']:>12.1f}{row['chars_per_s']:>14,.0f}"
            f"{row['ms_per_release']:>12.2f}{row['ms_per_release_best']:>10.2f}"
        )
    print()
    print(f"start-up in a fresh process (median of {startup['runs']}):")
    print(f"  import bot.domain.text, tagging, dedupe   {startup['import_s']:.3f} s")
    print(f"  build PersianNormalizer (imports hazm)    {startup['build_normalizer_s']:.3f} s")
    print(f"  load topics and counties                  {startup['load_taxonomy_s']:.3f} s")
    print(f"  ready to normalize                        {startup['ready_s']:.3f} s")
    print(f"  process start to ready (incl. interpreter) {startup['process_to_ready_s']:.3f} s")
    print(f"  process wall time incl. interpreter and warm-up  {startup['process_wall_s_including_warmup']:.3f} s")
    print(f"resident memory when ready: {startup['rss_ready_mib']:.0f} MiB")
    print(f"resident memory after warm-up: {startup['rss_mib']:.0f} MiB (peak {startup['peak_rss_mib']:.0f} MiB)")
    print(f"this benchmark process (two normalizers): {bench_rss:.0f} MiB")

    results = {
        "benchmark": "text",
        "command": "python -m bench.text" + (" --quick" if args.quick else ""),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "load_average": load_average,
        "samples": {"count": len(samples), "characters": sum(len(s["text"]) for s in samples), "rounds": args.rounds},
        "repeats": args.repeats,
        "throughput": measurements,
        "startup": startup,
        "benchmark_process_rss_mib": bench_rss,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    print()
    print(compare_versions(args.output.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
