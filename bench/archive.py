"""Benchmark of the archive: ingest, search, matching against subscriptions, and the bot's memory.

Run from the repository root with ``python -m bench.archive`` (about four minutes on two cores).
Options: ``--releases N`` (default 100,000), ``--subscriptions N`` (default 10,000), ``--measured N``
(releases through the full, timed path; default 2,000), ``--queries N`` (default 450),
``--match-releases N`` (releases whose audience is timed; default 300), ``--quick``
(3,000 releases, 1,000 subscriptions, 300 measured), ``--no-rss`` (skip the bot subprocess),
``--keep-db PATH`` (build the archive there instead of a temporary directory), ``--output PATH``.
The machine's load average at the start and the end is recorded: other processes on the machine
show in every figure.

What is measured, in one process and one real SQLite file (WAL, the bot's pragmas, through
``storage.Storage``):

* **Ingest.** Synthetic releases are generated deterministically (``random.Random(SEED)``) from the
  labelled samples (``tests/data/releases.jsonl``): variants of their titles and sentences (words
  replaced by other words of the samples, swapped or dropped; numbers changed), recombined into
  paragraphs under one of 40 organizations, with a per-release sentence drawn from a word-bigram
  model of the samples that names a county now and then and carries one or two words of hazm's
  lexicon (Zipf-distributed), so the archive has a long tail of rare words as a real one does (the
  seven samples alone have about 900 distinct words). Releases are published over the two years
  before today, in id order with up to three days of jitter.

  - *Full path*, timed: the first ``--measured`` releases (default 2,000) go through the real
    ``ReleasePipeline.prepare`` (hazm normalization, title split, fold, topics, county, SimHash),
    then ``Releases.create_draft`` and ``Releases.mark_published``, each in its own transaction as
    the bot does. The rate reported is releases per second over that whole path.
  - *Bulk path*, for the rest of the archive: the same generator, but every sentence variant was
    normalized once with the same normalizer, so a release's display text is put together from
    already-normalized pieces; title split, fold, topics and county then run per release exactly
    as in ``prepare``; the SimHash fingerprint is not computed (NULL; it plays no part in search or
    matching). Stored with the same ``create_draft`` + ``mark_published``, 1,000 releases per
    transaction. Its rate is reported separately and is not the ingest figure. For the full-path
    releases the bulk preparation is computed too and compared, to show the two agree.

* **Search.** ``Releases.search(fold(query), limit=10)`` over a query set built from the archive's
  own index (``fts5vocab``): the most common words, mid-frequency words, rare words (in at most 20
  releases), two-word queries, words typed with Arabic ي/ك, three- and four-word phrases from the
  samples, and words that are in no release. Warm: a pass over 40 queries first, then every query
  timed once; p50/p95 overall and per kind. Target: p95 < 50 ms. (``search`` ranks and counts the
  newest ``SEARCH_CANDIDATES`` = 1,000 matches; a "1,000+" median total means most queries of
  that kind matched more.)

* **Matching.** ``--subscriptions`` subscriptions are created through ``storage.subscriptions``
  (about half unrestricted; the rest with topics, counties including «province», organizations,
  include and exclude keywords, some as digests or with quiet hours, a few paused or deactivated).
  For 300 archive releases: (a) the pure domain step, ``facts_of`` + ``select_chats`` over filters
  compiled beforehand; (b) the full ``bot.delivery.service.audience`` call that publishing makes,
  inside a read transaction (it checks ``Subscriptions.revision`` and reads and compiles the
  subscriptions again only when they changed). For (b) also a "cold" figure: right after a
  subscription's filters changed, so what it keeps compiled is stale and read again.
  Target: < 10 ms per release, for (b), the call publishing makes.

* **Memory.** The real bot (``python -m bot run``) in a subprocess against the fake Bot API server
  (``fakegram/``, in a thread of this process), with ``DATABASE_PATH`` on the archive; once
  it polls, a user sends /start and three /search commands (answered by the archive handler if
  this build has one, by the unknown-command reply otherwise), then VmRSS and VmHWM are read from
  ``/proc/PID/status``.

Prints a table and writes ``bench/results/archive.json``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that ``fakegram`` imports however the script is started
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import contextlib  # noqa: E402
import datetime as dt  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from importlib import metadata  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from bot import texts  # noqa: E402
from bot.delivery import service  # noqa: E402
from bot.domain.matching import PROVINCE_WIDE, CompiledFilters, select_chats  # noqa: E402
from bot.domain.pipeline import PreparedRelease, ReleasePipeline  # noqa: E402
from bot.domain.tagging import (  # noqa: E402
    County,
    Topic,
    detect_county,
    load_counties,
    load_topics,
    split_title,
    suggest_topics,
)
from bot.domain.text import PersianNormalizer, fold, split_sentences, strip_wire_headers  # noqa: E402
from storage import Storage  # noqa: E402
from storage.releases import SEARCH_CANDIDATES, NewRelease, Release  # noqa: E402
from storage.topics import TopicRow  # noqa: E402

SAMPLES_PATH = ROOT / "tests" / "data" / "releases.jsonl"
RESULTS_PATH = ROOT / "bench" / "results" / "archive.json"
SEED = 1405
TEHRAN = ZoneInfo("Asia/Tehran")
SEARCH_TARGET_MS = 50.0
MATCHING_TARGET_MS = 10.0
BULK_BATCH = 1000
MATCH_RELEASES = 300
COLD_MATCHES = 20
SEARCH_WARMUP = 40

# The six organizations of the samples, the other ten counties' governorates and 24 agencies: 40.
SAMPLE_COUNTY_GOVERNORATES = ("مهران", "دهلران", "دره‌شهر", "ایوان", "چرداول", "ملکشاهی", "سیروان", "بدره", "هلیلان")
AGENCIES = (
    "اداره کل آموزش و پرورش استان ایلام",
    "اداره کل بهزیستی استان ایلام",
    "اداره کل ورزش و جوانان استان ایلام",
    "اداره کل راه و شهرسازی استان ایلام",
    "اداره کل میراث فرهنگی، گردشگری و صنایع دستی استان ایلام",
    "اداره کل حفاظت محیط زیست استان ایلام",
    "اداره کل منابع طبیعی و آبخیزداری استان ایلام",
    "اداره کل تعاون، کار و رفاه اجتماعی استان ایلام",
    "شرکت آب و فاضلاب استان ایلام",
    "شرکت توزیع نیروی برق استان ایلام",
    "شرکت آب منطقه‌ای ایلام",
    "جمعیت هلال احمر استان ایلام",
    "اداره کل مدیریت بحران استان ایلام",
    "سازمان صنعت، معدن و تجارت استان ایلام",
    "اداره کل امور اقتصادی و دارایی استان ایلام",
    "دانشگاه ایلام",
    "اداره کل فرهنگ و ارشاد اسلامی استان ایلام",
    "شهرداری ایلام",
    "اداره کل کمیته امداد امام خمینی استان ایلام",
    "اداره کل گمرک ایلام",
    "سازمان مدیریت و برنامه‌ریزی استان ایلام",
    "اداره کل اوقاف و امور خیریه استان ایلام",
    "اداره کل دامپزشکی استان ایلام",
    "فرمانداری ایلام",
)
INTRO_TEMPLATES = (
    "به گزارش روابط عمومی {org}،",
    "به گزارش روابط عمومي {org}،",
    "به نقل از روابط عمومی {org}،",
)

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_NUMBER = re.compile(r"[0-9]+|[۰-۹]+")
_PERSIAN_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]{3,}$")


# -- the synthetic archive ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of text as pasted (raw) and as the normalizer made it (display)."""

    raw: str
    display: str


@dataclass(frozen=True, slots=True)
class Organization:
    id: int
    name: str
    county: str | None


@dataclass(frozen=True, slots=True)
class Synthetic:
    """One generated release: its raw text, its display text put together from normalized pieces."""

    index: int
    org: Organization
    raw_text: str
    display_text: str
    published_at: dt.datetime


def load_samples() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def organization_names(samples: Sequence[dict[str, Any]]) -> list[str]:
    """40 organization names: the samples' own, one governorate per county, and provincial agencies."""
    names = list(dict.fromkeys(sample["org"] for sample in samples))
    names += [f"فرمانداری {county}" for county in SAMPLE_COUNTY_GOVERNORATES]
    names += [name for name in AGENCIES if name not in names]
    return names[:40]


class Corpus:
    """Titles, sentences and words of the samples, their variants, and the generator of releases."""

    def __init__(
        self,
        samples: Sequence[dict[str, Any]],
        normalizer: PersianNormalizer,
        orgs: Sequence[Organization],
        county_names: Sequence[str],
        rng: random.Random,
        *,
        variants_per_sentence: int = 50,
        variants_per_title: int = 60,
        tail_words: int = 20_000,
    ) -> None:
        self.rng = rng
        self.normalizer = normalizer
        self.orgs = list(orgs)
        self.county_names = list(county_names)
        titles: list[str] = []
        sentences: list[str] = []
        for sample in samples:
            text = strip_wire_headers(sample["text"])
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            titles.append(lines[0])
            for line in lines[1:]:
                sentences += [s for s in split_sentences(line) if len(s.split()) >= 5]
        self.base_titles = titles
        self.base_sentences = sentences
        self.raw_words = sorted({w for s in titles + sentences for w in s.split() if _PERSIAN_WORD.match(w)})
        # Variants of each sentence and title, each normalized once: the bulk path's building blocks.
        self.sentence_variants = [
            [self._piece(self._mutate(sentence, keep_end=True)) for _ in range(variants_per_sentence)]
            for sentence in sentences
        ]
        self.title_variants = [self._piece(self._title()) for _ in range(variants_per_title * len(titles))]
        self.intros = {org.id: [self._piece(t.format(org=org.name)) for t in INTRO_TEMPLATES] for org in self.orgs}
        # A word-bigram model of the normalized samples for the per-release sentence.
        self.bigrams: dict[str, list[str]] = defaultdict(list)
        for sample in samples:
            words = normalizer.normalize(strip_wire_headers(sample["text"])).split()
            for first, second in itertools.pairwise(words):
                if not first.endswith((".", ":", "؟")):
                    self.bigrams[first].append(second)
        self.starts = sorted(w for w in self.bigrams if _PERSIAN_WORD.match(w))
        # The long tail: common words of hazm's lexicon that the samples do not use, Zipf-weighted.
        sample_words = {fold(w) for w in self.bigrams}
        lexicon = sorted(
            (
                (entry[0], word)
                for word, entry in normalizer.lexicon.items()
                if "\u200c" not in word and _PERSIAN_WORD.match(word)
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        self.tail = []
        for _, word in lexicon:
            if fold(word) not in sample_words:
                self.tail.append(word)
                if len(self.tail) == tail_words:
                    break
        self.tail_weights = [1.0 / (rank + 1) for rank in range(len(self.tail))]
        self._tail_cumulative = list(_accumulate(self.tail_weights))

    def _piece(self, raw: str) -> Piece:
        return Piece(raw, self.normalizer.normalize(raw))

    def _number(self, digits: str) -> str:
        value = str(self.rng.choice((self.rng.randint(1, 99), self.rng.randint(100, 9999), self.rng.randint(2, 60))))
        if digits[0] in _PERSIAN_DIGITS:
            return value.translate(str.maketrans("0123456789", _PERSIAN_DIGITS))
        return value

    def _mutate(self, sentence: str, *, keep_end: bool) -> str:
        """A variant: words replaced by other words of the samples, swapped or dropped; numbers changed."""
        rng = self.rng
        words = sentence.split()
        last = len(words) - 1 if keep_end else len(words)
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            at = rng.randrange(1, max(2, last))
            if at < last:
                words[at] = rng.choice(self.raw_words)
        if rng.random() < 0.3 and last > 3:
            at = rng.randrange(1, last - 1)
            words[at], words[at + 1] = words[at + 1], words[at]
        if rng.random() < 0.3 and last > 8:
            del words[rng.randrange(1, last - 1)]
        text = " ".join(words)
        if rng.random() < 0.7:
            text = _NUMBER.sub(lambda m: self._number(m.group()), text)
        return text

    def _title(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return self._mutate(rng.choice(self.base_titles), keep_end=False)
        # A headline cut from a sentence: its first 6 to 14 words, no closing punctuation.
        words = rng.choice(self.base_sentences).split()[: rng.randint(6, 14)]
        return self._mutate(" ".join(words).rstrip(".:،؛!؟"), keep_end=False)

    def tail_word(self) -> str:
        return self.rng.choices(self.tail, cum_weights=self._tail_cumulative)[0]

    def own_sentence(self) -> str:
        """A sentence of this release only, already in display form."""
        rng = self.rng
        word = rng.choice(self.starts)
        words = [word]
        for _ in range(rng.randint(8, 18)):
            followers = self.bigrams.get(word)
            word = rng.choice(followers) if followers else rng.choice(self.starts)
            words.append(word.rstrip(".:؟،"))
        for _ in range(rng.choice((1, 1, 2))):
            words.insert(rng.randrange(1, len(words)), self.tail_word())
        if rng.random() < 0.4:
            words.insert(rng.randrange(1, len(words)), f"در شهرستان {rng.choice(self.county_names)}")
        if rng.random() < 0.5:
            words.insert(rng.randrange(1, len(words)), self._number("۰"))
        return " ".join(words) + "."

    def releases(self, count: int, end: dt.datetime, days: float = 730.0) -> Iterator[Synthetic]:
        """``count`` releases published over ``days`` before ``end``, oldest first."""
        rng = self.rng
        step = days / max(count, 1)
        start = end - dt.timedelta(days=days + 3)
        for index in range(count):
            org = rng.choice(self.orgs)
            title = rng.choice(self.title_variants)
            bases = rng.sample(range(len(self.sentence_variants)), rng.randint(3, 7))
            pieces = [rng.choice(self.sentence_variants[b]) for b in bases]
            own = self.own_sentence()
            pieces.insert(rng.randrange(len(pieces) + 1), Piece(own, own))
            intro = rng.choice(self.intros[org.id]) if rng.random() < 0.7 else None
            paragraphs: list[list[Piece]] = []
            while pieces:
                take = rng.randint(1, 3)
                paragraphs.append(pieces[:take])
                pieces = pieces[take:]

            raw, display = (_compose(title, intro, paragraphs, form) for form in ("raw", "display"))
            published = start + dt.timedelta(days=index * step + rng.uniform(0, 3))
            yield Synthetic(index, org, raw, display, published)


def _compose(title: Piece, intro: Piece | None, paragraphs: Sequence[Sequence[Piece]], form: str) -> str:
    """The text of a release in one form ("raw" or "display"): title, blank line, paragraphs."""
    blocks = [" ".join(getattr(piece, form) for piece in paragraph) for paragraph in paragraphs]
    if intro is not None:
        blocks[0] = f"{getattr(intro, form)} {blocks[0]}"
    return "\n\n".join([getattr(title, form), *blocks])


def _accumulate(weights: Sequence[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def prepare_bulk(topics: Sequence[Topic], counties: Sequence[County], display: str, org_name: str) -> PreparedRelease:
    """``ReleasePipeline.prepare`` on a text already normalized, without the SimHash fingerprint."""
    title, body = split_title(display)
    return PreparedRelease(
        raw_text=display,
        title=title,
        body=body,
        search_text=fold(f"{title}\n{body}"),
        topics=tuple(suggest_topics(display, topics, org_name=org_name, title=title)),
        county=detect_county(display, counties, org_name=org_name, title=title),
        fingerprint=0,
    )


_WORKER_TAXONOMY: tuple[Sequence[Topic], Sequence[County]] | None = None


def _start_worker() -> None:
    global _WORKER_TAXONOMY  # noqa: PLW0603 - one taxonomy per worker process
    _WORKER_TAXONOMY = (load_topics(), load_counties())


def _prepare_chunk(items: Sequence[tuple[str, str]]) -> list[PreparedRelease]:
    """In the worker process: ``prepare_bulk`` for (display text, organization name) pairs."""
    assert _WORKER_TAXONOMY is not None
    topics, counties = _WORKER_TAXONOMY
    return [prepare_bulk(topics, counties, display, org) for display, org in items]


def new_release(item: Synthetic, prepared: PreparedRelease, *, fingerprint: bool) -> NewRelease:
    return NewRelease(
        organization_id=item.org.id,
        author_id=10_000 + item.org.id * 10 + item.index % 3,
        raw_text=item.raw_text,
        title=prepared.title,
        body=prepared.body,
        search_text=prepared.search_text,
        topics=prepared.topics,
        county=prepared.county,
        fingerprint=prepared.fingerprint if fingerprint else None,
    )


# -- measures -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100)."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_figures(seconds: Sequence[float]) -> dict[str, Any]:
    ms = [s * 1000 for s in seconds]
    return {
        "count": len(ms),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms),
        "mean_ms": statistics.fmean(ms),
    }


def machine() -> dict[str, Any]:
    cpu_model = ""
    memory_gib = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemTotal"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    versions = {}
    for package in ("python-telegram-bot", "aiosqlite", "hazm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    return {
        "platform": platform.platform(),
        "cpu_model": cpu_model,
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average_1m": os.getloadavg()[0],
        "packages": versions,
    }


def proc_status(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MiB."""
    status = {}
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            status[key] = int(value.split()[0]) / 1024
    return status


# -- ingest -------------------------------------------------------------------------------------


async def create_organizations(store: Storage, names: Sequence[str], county_of: dict[str, str]) -> list[Organization]:
    orgs = []
    async with store.db.transaction() as tx:
        await store.topics.seed(
            (
                TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
                for i, t in enumerate(load_topics())
            ),
            tx=tx,
        )
        for name in names:
            county = next((slug for county, slug in county_of.items() if name == f"فرمانداری {county}"), None)
            org = await store.organizations.create(name, fold(name), county, created_by=1, tx=tx)
            orgs.append(Organization(org.id, name, county))
    return orgs


async def ingest(
    store: Storage, pipeline: ReleasePipeline, corpus: Corpus, *, total: int, measured: int, end: dt.datetime
) -> dict[str, Any]:
    """Store ``total`` releases: the first ``measured`` through the full path (timed), the rest in bulk."""
    generated = corpus.releases(total, end)
    prepare_s = store_s = 0.0
    agree = Counter[str]()
    full_started = time.perf_counter()
    for _ in range(min(measured, total)):
        item = next(generated)
        t0 = time.perf_counter()
        prepared = pipeline.prepare(item.raw_text, org_name=item.org.name)
        t1 = time.perf_counter()
        draft = await store.releases.create_draft(new_release(item, prepared, fingerprint=True))
        await store.releases.mark_published(draft.id, item.published_at)
        t2 = time.perf_counter()
        prepare_s += t1 - t0
        store_s += t2 - t1
        # Not timed: the agreement check of the bulk preparation.
        bulk = prepare_bulk(pipeline.topics, pipeline.counties, item.display_text, item.org.name)
        agree["search_text"] += bulk.search_text == prepared.search_text
        agree["title"] += bulk.title == prepared.title
        agree["topics"] += bulk.topics == prepared.topics
        agree["county"] += bulk.county == prepared.county
    full_s = time.perf_counter() - full_started
    full_count = min(measured, total)

    bulk_count = total - full_count
    bulk_wait_s = bulk_store_s = 0.0
    bulk_started = time.perf_counter()
    if bulk_count:
        # Preparation runs in a worker process, one batch ahead of the batch being stored.
        loop = asyncio.get_running_loop()
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context, initializer=_start_worker) as pool:

            def submit(batch: list[Synthetic]) -> asyncio.Future[list[PreparedRelease]]:
                return loop.run_in_executor(pool, _prepare_chunk, [(i.display_text, i.org.name) for i in batch])

            batch = list(itertools.islice(generated, BULK_BATCH))
            pending = submit(batch)
            while batch:
                t0 = time.perf_counter()
                prepared_batch = await pending
                t1 = time.perf_counter()
                following = list(itertools.islice(generated, BULK_BATCH))
                if following:
                    pending = submit(following)
                async with store.db.transaction() as tx:
                    for item, prepared in zip(batch, prepared_batch, strict=True):
                        new = new_release(item, prepared, fingerprint=False)
                        draft = await store.releases.create_draft(new, tx=tx)
                        await store.releases.mark_published(draft.id, item.published_at, tx=tx)
                bulk_wait_s += t1 - t0
                bulk_store_s += time.perf_counter() - t1
                if (batch[-1].index + 1) % 20_000 == 0:
                    print(f"  ... {batch[-1].index + 1:,} releases stored", flush=True)
                batch = following
    bulk_s = time.perf_counter() - bulk_started
    return {
        "full_path": {
            "releases": full_count,
            "seconds": full_s,
            "releases_per_s": full_count / full_s if full_s else None,
            "prepare_ms_per_release": prepare_s / full_count * 1000 if full_count else None,
            "store_ms_per_release": store_s / full_count * 1000 if full_count else None,
            "method": "ReleasePipeline.prepare (hazm normalize, split_title, fold, topics, county, SimHash), then "
            "create_draft and mark_published in their own transactions, one release after another",
            "bulk_preparation_agrees": {k: v / full_count for k, v in agree.items()} if full_count else {},
        },
        "bulk_path": {
            "releases": bulk_count,
            "seconds": bulk_s,
            "releases_per_s": bulk_count / bulk_s if bulk_count and bulk_s else None,
            "waiting_for_worker_ms_per_release": bulk_wait_s / bulk_count * 1000 if bulk_count else None,
            "store_ms_per_release": bulk_store_s / bulk_count * 1000 if bulk_count else None,
            "method": f"display text put together from pieces normalized once; split_title, fold, topics and county "
            f"per release in a worker process, a batch ahead; no SimHash (NULL); create_draft + mark_published, "
            f"{BULK_BATCH} per transaction. Not the ingest figure: it skips hazm",
        },
    }


# -- search -------------------------------------------------------------------------------------


def build_queries(database: Path, corpus: Corpus, rng: random.Random, total: int) -> list[tuple[str, str]]:
    """(kind, query) pairs from the archive's own index, ``total`` of them, kinds interleaved."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("CREATE VIRTUAL TABLE temp.archive_vocab USING fts5vocab(main, releases_fts, row)")
        vocab = db.execute("SELECT term, doc FROM temp.archive_vocab WHERE term GLOB '*[^0-9]*'").fetchall()
        releases = int(db.execute("SELECT count(*) FROM releases WHERE status = 'published'").fetchone()[0])
    vocab.sort(key=lambda row: (-row[1], row[0]))
    persian = [(t, d) for t, d in vocab if _PERSIAN_WORD.match(t) and len(t) >= 3]
    common = [t for t, _ in persian[:60]]
    mid = [t for t, d in persian if releases * 0.005 <= d <= releases * 0.05] or [t for t, _ in persian[60:400]]
    rare = [t for t, d in persian if d <= 20] or [t for t, _ in persian[-200:]]
    arabic_typable = [t for t in common + mid if "ی" in t or "ک" in t]
    phrases = []
    for sentence in corpus.base_sentences:
        words = [w for w in fold(sentence).split() if not w.isdigit()]
        for n in (2, 3, 4):
            if len(words) > n:
                at = rng.randrange(len(words) - n)
                phrases.append((n, " ".join(words[at : at + n])))
    kinds = {
        "common word": lambda: rng.choice(common),
        "mid-frequency word": lambda: rng.choice(mid),
        "rare word": lambda: rng.choice(rare),
        "two common words": lambda: " ".join(rng.sample(common, 2)),
        "two words (common + mid)": lambda: f"{rng.choice(common)} {rng.choice(mid)}",
        "two words from a sentence": lambda: rng.choice([p for n, p in phrases if n == 2]),
        "typed with Arabic ي/ك": lambda: rng.choice(arabic_typable).replace("ی", "ي").replace("ک", "ك"),
        "phrase (3-4 words)": lambda: rng.choice([p for n, p in phrases if n > 2]),
        "word in no release": lambda: rng.choice(corpus.tail[-2000:]) + rng.choice(("ستان", "گرایان", "زادگان")),
    }
    names = list(kinds)
    return [(names[i % len(names)], kinds[names[i % len(names)]]()) for i in range(total)]


async def measure_search(store: Storage, queries: Sequence[tuple[str, str]]) -> dict[str, Any]:
    for _, query in queries[:SEARCH_WARMUP]:
        await store.releases.search(fold(query), limit=10)
    by_kind: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, list[int]] = defaultdict(list)
    capped: Counter[str] = Counter()
    examples: dict[str, dict[str, Any]] = {}
    for kind, query in queries:
        t0 = time.perf_counter()
        page = await store.releases.search(fold(query), limit=10)
        by_kind[kind].append(time.perf_counter() - t0)
        totals[kind].append(page.total)
        capped[kind] += page.total_capped
        examples.setdefault(
            kind,
            {
                "query": query,
                "total": page.total,
                "total_capped": page.total_capped,
                "first": [(r.id, r.published_at.date().isoformat() if r.published_at else None) for r in page.releases],
            },
        )
    everything = [s for values in by_kind.values() for s in values]
    return {
        "overall": latency_figures(everything),
        "by_kind": {
            kind: {
                **latency_figures(values),
                "median_total": statistics.median(totals[kind]),
                "with_results": sum(1 for t in totals[kind] if t) / len(totals[kind]),
                "capped": capped[kind] / len(totals[kind]),
                "example": examples[kind],
            }
            for kind, values in by_kind.items()
        },
        "target_p95_ms": SEARCH_TARGET_MS,
        "meets_target": percentile([s * 1000 for s in everything], 95) < SEARCH_TARGET_MS,
        "method": f"await Releases.search(fold(query), limit=10), timed from the call to the page; {SEARCH_WARMUP} "
        "warm-up queries first, then each query once. total counts matches up to SEARCH_CANDIDATES "
        f"({SEARCH_CANDIDATES}); 'capped' is the share of queries that matched more",
    }


# -- subscriptions and matching ------------------------------------------------------------------


async def create_subscriptions(
    store: Storage, count: int, orgs: Sequence[Organization], corpus: Corpus, rng: random.Random
) -> dict[str, int]:
    """``count`` chats with one subscription each (a few forum topics), with varied filters."""
    topics = [t.slug for t in load_topics()]
    counties = [c.slug for c in load_counties()] + [PROVINCE_WIDE] * 3
    words = [w for w in corpus.starts if len(w) > 3]
    kinds: Counter[str] = Counter()
    async with store.db.transaction() as tx:
        for i in range(count):
            if rng.random() < 0.7:
                chat_id, chat_type = 200_000 + i, "private"
            else:
                chat_id, chat_type = -1_002_000_000_000 - i, rng.choice(("supergroup", "channel", "group"))
            await store.subscriptions.upsert_chat(chat_id, chat_type, title=f"رسانه {i}", tx=tx)
            thread_id = rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 0, 17)) if chat_type == "supergroup" else 0
            sub = await store.subscriptions.subscribe(chat_id, thread_id, created_by=chat_id, tx=tx)
            if rng.random() < 0.5:
                kinds["unrestricted"] += 1
            else:
                if rng.random() < 0.45:
                    await store.subscriptions.set_filter(sub.id, "topic", rng.sample(topics, rng.randint(1, 3)), tx=tx)
                    kinds["topic"] += 1
                if rng.random() < 0.35:
                    chosen = rng.sample(counties, rng.randint(1, 3))
                    await store.subscriptions.set_filter(sub.id, "county", chosen, tx=tx)
                    kinds["county"] += 1
                    kinds["county incl. province"] += PROVINCE_WIDE in chosen
                if rng.random() < 0.25:
                    chosen_orgs = [str(o.id) for o in rng.sample(list(orgs), rng.randint(1, 3))]
                    await store.subscriptions.set_filter(sub.id, "organization", chosen_orgs, tx=tx)
                    kinds["organization"] += 1
                if rng.random() < 0.25:
                    include = rng.sample(words, rng.randint(1, 3))
                    if rng.random() < 0.3:
                        include.append(" ".join(rng.choice(corpus.base_sentences).split()[2:4]))
                    if rng.random() < 0.2:
                        include = [w.replace("ی", "ي").replace("ک", "ك") for w in include]
                    await store.subscriptions.set_filter(sub.id, "include", include, tx=tx)
                    kinds["include"] += 1
                if rng.random() < 0.15:
                    await store.subscriptions.set_filter(sub.id, "exclude", rng.sample(words, rng.randint(1, 2)), tx=tx)
                    kinds["exclude"] += 1
            if rng.random() < 0.1:
                await store.subscriptions.set_digest(sub.id, rng.choice(("08:00", "13:30", "20:00")), tx=tx)
                kinds["digest"] += 1
            if rng.random() < 0.15:
                await store.subscriptions.set_quiet(sub.id, "23:00", "07:00", tx=tx)
                kinds["quiet hours"] += 1
            roll = rng.random()
            if roll < 0.05:
                await store.subscriptions.set_state(sub.id, "paused" if roll < 0.03 else "deactivated", tx=tx)
                kinds["paused or deactivated"] += 1
    return dict(kinds)


async def measure_matching(store: Storage, sample_ids: Sequence[int], rng: random.Random) -> dict[str, Any]:
    releases: list[Release] = [r for r in [await store.releases.get(i) for i in sample_ids] if r is not None]
    active = await store.subscriptions.active()
    compiled = [(s.chat_id, CompiledFilters(service.filters_of(s))) for s in active]
    moment = dt.datetime.now(dt.UTC)

    pure: list[float] = []
    selected: list[int] = []
    for release in releases:
        t0 = time.perf_counter()
        chats = select_chats(compiled, service.facts_of(release))
        pure.append(time.perf_counter() - t0)
        selected.append(len(chats))

    async def one_audience(release: Release) -> tuple[float, int]:
        async with store.db.snapshot() as tx:
            t0 = time.perf_counter()
            reach = await service.audience(store, release, moment, TEHRAN, tx=tx)
            elapsed = time.perf_counter() - t0
        return elapsed, len(reach.instant) + len(reach.digest)

    await one_audience(releases[0])  # the first call after start-up, not counted
    full: list[float] = []
    agree = 0
    for release, expected in zip(releases, selected, strict=True):
        elapsed, reached = await one_audience(release)
        full.append(elapsed)
        agree += reached == expected

    # Right after a subscription changed: anything cached from the subscriptions is stale.
    cold: list[float] = []
    filtered = [s for s in active if s.filters.get("topic")]
    for release in rng.sample(releases, min(COLD_MATCHES, len(releases))):
        if filtered:
            sub = rng.choice(filtered)
            await store.subscriptions.set_filter(sub.id, "topic", sub.filters["topic"])
        elapsed, _ = await one_audience(release)
        cold.append(elapsed)
    return {
        "releases": len(releases),
        "active_subscriptions": len(active),
        "mean_selected": statistics.fmean(selected),
        "target_ms": MATCHING_TARGET_MS,
        "target_applies_to": "full_audience (b): bot.delivery.service.audience, the call publishing makes",
        "pure_select_chats": {
            **latency_figures(pure),
            "method": "facts_of(release) + select_chats over (chat_id, CompiledFilters) compiled beforehand",
        },
        "full_audience": {
            **latency_figures(full),
            "meets_target": percentile([s * 1000 for s in full], 95) < MATCHING_TARGET_MS,
            "agrees_with_select_chats": agree / len(releases),
            "method": "await service.audience(storage, release, now, Asia/Tehran, tx=tx) inside a read transaction, "
            "subscriptions unchanged since the previous call",
        },
        "full_audience_after_a_change": {
            **latency_figures(cold),
            "method": "the same call right after set_filter rewrote one subscription's topics (a cache miss)",
        },
    }


# -- the bot process ----------------------------------------------------------------------------


def measure_bot_rss(database: Path, queries: Sequence[str], folder: Path) -> dict[str, Any]:
    """Start ``python -m bot run`` on the archive against the fake server; VmRSS once it has answered."""
    from fakegram import FakeTelegram  # noqa: PLC0415 - only this measure needs the server

    user = 4242
    with FakeTelegram().run_in_thread() as tg:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))}
        env.update(
            BOT_TOKEN=tg.token,
            TELEGRAM_BASE_URL=tg.base_url,
            TELEGRAM_BASE_FILE_URL=tg.base_file_url,
            DATABASE_PATH=str(database),
            ADMIN_IDS="1",
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
        )
        log_path = folder / "bot.log"
        with log_path.open("w", encoding="utf-8") as log_file:
            started = time.perf_counter()
            bot = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=folder, env=env, stdout=log_file, stderr=log_file
            )
            try:
                tg.wait_until(lambda s: s.calls_to("getUpdates"), timeout=120)
                ready_s = time.perf_counter() - started
                idle = proc_status(bot.pid)
                tg.send_text(user, user, "/start")
                tg.wait_until(lambda s: len(s.messages_to(user)) >= 1, timeout=30)
                replies: list[dict[str, Any]] = []
                for query in queries:
                    before = len(tg.messages_to(user))
                    t0 = time.perf_counter()
                    tg.send_text(user, user, f"/search {query}")
                    tg.wait_until(lambda s, n=before: len(s.messages_to(user)) > n, timeout=30)
                    reply = tg.messages_to(user)[-1].text or ""
                    replies.append(
                        {
                            "query": query,
                            "reply_s_with_polling": time.perf_counter() - t0,
                            "answered_by_search": reply != texts.UNKNOWN_COMMAND,
                            "reply_start": reply[:80],
                        }
                    )
                after = proc_status(bot.pid)
            finally:
                bot.send_signal(signal.SIGTERM)
                try:
                    bot.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    bot.kill()
                    bot.wait()
    return {
        "ready_s": ready_s,
        "rss_mib_idle": idle["VmRSS"],
        "rss_mib": after["VmRSS"],
        "peak_rss_mib": after["VmHWM"],
        "searches": replies,
        "search_served": all(r["answered_by_search"] for r in replies),
        "exit_code": bot.returncode,
        "method": "python -m bot run (DATABASE_PATH = the archive) against fakegram/ FakeTelegram in a thread; "
        "VmRSS/VmHWM from /proc/PID/status once polling started (idle) and after /start and the /search commands. "
        "reply_s_with_polling is from injecting the update to the reply reaching the server, long polling included: "
        "not a search latency",
    }


# -- main -----------------------------------------------------------------------------------------


async def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    rng = random.Random(SEED)
    load_at_start = os.getloadavg()[0]
    database = args.keep_db or folder / "archive.db"
    if database.exists():
        raise SystemExit(f"{database} exists; the benchmark builds a fresh archive")
    samples = load_samples()
    t0 = time.perf_counter()
    normalizer = PersianNormalizer()
    counties = load_counties()
    county_slug = {c.name: c.slug for c in counties}
    store = await Storage.open(database)
    try:
        orgs = await create_organizations(store, organization_names(samples), county_slug)
        topics = list(load_topics())
        pipeline = ReleasePipeline(normalizer, topics, counties)
        corpus = Corpus(samples, normalizer, orgs, [c.name for c in counties], rng)
        setup_s = time.perf_counter() - t0
        print(
            f"corpus: {len(corpus.base_sentences)} sentences x {len(corpus.sentence_variants[0])} variants, "
            f"{len(corpus.title_variants)} titles, {len(corpus.tail)} tail words ({setup_s:.1f} s)",
            flush=True,
        )
        end = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        ingested = await ingest(store, pipeline, corpus, total=args.releases, measured=args.measured, end=end)
        stored = int(await _scalar(store, "SELECT count(*) FROM releases WHERE status = 'published'"))
        indexed = int(await _scalar(store, "SELECT count(*) FROM releases_fts"))
        full = ingested["full_path"]
        print(
            f"ingest: full path {full['releases']:,} at {full['releases_per_s']:.0f}/s; "
            f"bulk {ingested['bulk_path']['releases']:,} in {ingested['bulk_path']['seconds']:.0f} s",
            flush=True,
        )
        queries = build_queries(database, corpus, rng, args.queries)
        searched = await measure_search(store, queries)
        print(f"search: p95 {searched['overall']['p95_ms']:.1f} ms", flush=True)
        kinds = await create_subscriptions(store, args.subscriptions, orgs, corpus, rng)
        max_id = int(await _scalar(store, "SELECT max(id) FROM releases"))
        sample_ids = rng.sample(range(1, max_id + 1), min(args.match_releases, max_id))
        matched = await measure_matching(store, sample_ids, rng)
        print(f"matching: audience p95 {matched['full_audience']['p95_ms']:.2f} ms", flush=True)
        bench_rss = proc_status()
    finally:
        await store.close()
    size_mib = sum(p.stat().st_size for p in database.parent.glob(database.name + "*")) / 2**20
    rss = None
    if not args.no_rss:
        bot_queries = [q for kind, q in queries if kind in ("common word", "rare word", "typed with Arabic ي/ك")][:3]
        rss = measure_bot_rss(database, bot_queries, folder)
        print(f"bot RSS: {rss['rss_mib']:.0f} MiB", flush=True)
    return {
        "benchmark": "archive",
        "command": "python -m bench.archive" + (" " + " ".join(args.argv) if args.argv else ""),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {**machine(), "load_average_1m_at_start": load_at_start},
        "parameters": {
            "releases": args.releases,
            "measured_full_path": min(args.measured, args.releases),
            "subscriptions": args.subscriptions,
            "queries": len(queries),
            "seed": SEED,
            "organizations": len(orgs),
        },
        "archive": {
            "published_releases": stored,
            "indexed_in_fts": indexed,
            "database_mib": size_mib,
            "published_between": [
                (end - dt.timedelta(days=733)).date().isoformat(),
                end.date().isoformat(),
            ],
            "generator": "sample titles and sentences (words replaced, swapped, dropped; numbers changed) recombined "
            "under 40 organizations, plus one bigram-model sentence per release with 1-2 Zipf-weighted words of hazm's "
            "lexicon and now and then a county",
        },
        "ingest": ingested,
        "search": searched,
        "subscriptions": {"count": args.subscriptions, "filters": kinds},
        "matching": matched,
        "bot_memory": rss,
        "benchmark_process": bench_rss,
    }


async def _scalar(store: Storage, sql: str) -> Any:
    async with store.db.snapshot() as tx:
        return await tx.fetchval(sql)


def table(results: dict[str, Any]) -> str:
    ingest, search, matching = results["ingest"], results["search"], results["matching"]
    full, bulk = ingest["full_path"], ingest["bulk_path"]
    lines = [
        f"Archive of {results['archive']['published_releases']:,} published releases "
        f"({results['archive']['database_mib']:.0f} MiB), {results['subscriptions']['count']:,} subscriptions",
        "",
        f"{'measure':<58}{'value':>28}",
    ]
    if full["releases"]:
        lines += [
            f"{'ingest, full path (normalize + tag + store), releases/s':<58}{full['releases_per_s']:>28.1f}",
            f"{'  of which prepare / store, ms per release':<58}"
            f"{full['prepare_ms_per_release']:>18.2f} / {full['store_ms_per_release']:.2f}",
        ]
    if bulk["releases"]:
        lines.append(
            f"{'bulk path (pre-normalized pieces), releases/s':<58}{bulk['releases_per_s']:>28.1f}",
        )
    agrees = full["bulk_preparation_agrees"]
    if agrees:
        lines.append(
            f"{'bulk preparation = full path (search text / topics / county)':<58}"
            f"{agrees['search_text']:>14.1%} / {agrees['topics']:.1%} / {agrees['county']:.1%}"
        )
    o = search["overall"]
    verdict = "PASS" if search["meets_target"] else "FAIL"
    lines += [
        f"{'search p50 / p95 (' + str(o['count']) + ' queries), ms':<58}"
        f"{o['p50_ms']:>13.2f} / {o['p95_ms']:.2f} {verdict} (< {SEARCH_TARGET_MS:.0f})",
    ]
    for kind, row in search["by_kind"].items():
        label = f"  {kind} (median total {row['median_total']:,.0f}{'+' if row['capped'] >= 0.5 else ''})"
        lines.append(f"{label:<58}{row['p50_ms']:>18.2f} / {row['p95_ms']:.2f}")
    p, f, c = matching["pure_select_chats"], matching["full_audience"], matching["full_audience_after_a_change"]
    verdict = "PASS" if f["meets_target"] else "FAIL"
    lines += [
        f"{'matching (a) select_chats p50 / p95, ms':<58}{p['p50_ms']:>18.2f} / {p['p95_ms']:.2f}",
        f"{'matching (b) service.audience p50 / p95, ms (target)':<58}"
        f"{f['p50_ms']:>13.2f} / {f['p95_ms']:.2f} {verdict} (< {MATCHING_TARGET_MS:.0f})",
        f"{'  (b) right after a subscription changed p50 / p95, ms':<58}{c['p50_ms']:>18.2f} / {c['p95_ms']:.2f}",
        f"{'  mean chats selected per release':<58}{matching['mean_selected']:>28,.0f}",
    ]
    rss = results["bot_memory"]
    if rss:
        lines += [
            f"{'bot process RSS idle / after searches, MiB':<58}{rss['rss_mib_idle']:>18.0f} / {rss['rss_mib']:.0f}",
            f"{'  /search answered by an archive handler':<58}{'yes' if rss['search_served'] else 'no':>28}",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--releases", type=int, default=100_000, help="releases in the archive (default 100000)")
    parser.add_argument("--subscriptions", type=int, default=10_000, help="subscriptions (default 10000)")
    parser.add_argument("--measured", type=int, default=2000, help="releases through the full, timed path")
    parser.add_argument("--queries", type=int, default=450, help="search queries timed (default 450)")
    parser.add_argument(
        "--match-releases",
        type=int,
        default=MATCH_RELEASES,
        help=f"releases whose audience is timed (default {MATCH_RELEASES})",
    )
    parser.add_argument("--quick", action="store_true", help="3000 releases, 1000 subscriptions, 300 measured")
    parser.add_argument("--no-rss", action="store_true", help="do not start the bot to measure its memory")
    parser.add_argument("--keep-db", type=Path, default=None, help="build the archive at this path and keep it")
    parser.add_argument("--output", type=Path, default=RESULTS_PATH, help="where to write the JSON results")
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    if args.quick:
        args.releases, args.subscriptions, args.measured = 3000, 1000, 300
    print(
        f"archive benchmark: {args.releases:,} releases ({min(args.measured, args.releases):,} through the full path), "
        f"{args.subscriptions:,} subscriptions",
        flush=True,
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        results = asyncio.run(run(args, Path(tmp)))
    results["wall_s"] = time.perf_counter() - started
    print()
    print(table(results))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
    print(f"\nwrote {shown} in {results['wall_s']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
