"""Title, lead, topic and county suggestion for press releases (DESIGN §5).

Everything here is pure: the only I/O is reading the packaged taxonomy (``bot/data/topics.toml``)
and gazetteer (``bot/data/counties.toml``), or a file the caller names. Matching always runs on the
folded search form (:func:`bot.domain.text.fold`), so Arabic letters, missing or extra half-spaces
and Latin or Persian digits all meet the same keyword.

Keywords and place names are matched as whole phrases of folded words, longest phrase first: at
each word the longest listed phrase that starts there wins and its words are consumed, so
«دانشگاه علوم پزشکی» counts for health and not also for education's «دانشگاه», and an attribution
such as «به گزارش روابط عمومی» is swallowed before «روابط عمومی» can count for public relations.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from bot.domain.text import fold

__all__ = [
    "County",
    "TaggingDataError",
    "Topic",
    "county_scores",
    "detect_county",
    "is_valid_hashtag",
    "lead",
    "load_counties",
    "load_topics",
    "split_title",
    "suggest_topics",
    "topic_scores",
]

ZWNJ = "\u200c"

# ---------------------------------------------------------------------------------------------
# Data model and loading
# ---------------------------------------------------------------------------------------------


class TaggingDataError(ValueError):
    """The taxonomy or gazetteer is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Topic:
    """One beat of the taxonomy.

    ``keywords`` are ordinary signals; ``strong_keywords`` are phrases that on their own say what
    the release is about (an institution's name, «زلزله», «واکسیناسیون») and weigh three times as
    much. Both are written in ordinary Persian; matching folds them.
    """

    slug: str
    label: str
    hashtag: str
    keywords: tuple[str, ...]
    strong_keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class County:
    """One county of the province and the names that place a release in it.

    ``places`` are its towns, districts and sites; ``aliases`` are other spellings or old names
    of the county. When ``name_needs_qualifier`` is set, the bare name (and aliases) does not
    count on its own, only after «شهرستان», «شهر», «فرمانداری» and the like: «ایلام» alone is the
    province, and «ملکشاهی» alone is usually a person's surname.
    """

    slug: str
    name: str
    hashtag: str
    places: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    name_needs_qualifier: bool = False


_SLUG = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOPIC_KEYS = frozenset({"slug", "label", "hashtag", "keywords", "strong_keywords"})
_COUNTY_KEYS = frozenset({"slug", "name", "hashtag", "places", "aliases", "name_needs_qualifier"})


def is_valid_hashtag(hashtag: str) -> bool:
    """True when ``hashtag`` is non-empty and made only of letters and underscores (Telegram's rule)."""
    return bool(hashtag) and all(ch.isalpha() or ch == "_" for ch in hashtag) and not hashtag.startswith("_")


def load_topics(path: Path | None = None) -> tuple[Topic, ...]:
    """Load the topic taxonomy from ``path``, or from the packaged ``bot/data/topics.toml``.

    Raises :class:`TaggingDataError` naming the file and the entry when the data is malformed:
    missing or unknown fields, a bad slug or hashtag, an empty keyword list, or a keyword that is
    listed twice (in one topic or in two topics: an ambiguous keyword would score for both).
    """
    data, source = _read_toml(path, "topics.toml")
    entries = _entry_list(data, "topic", source)
    topics: list[Topic] = []
    for position, entry in enumerate(entries, start=1):
        where = _Where(source, "topic", position, entry)
        where.check_keys(_TOPIC_KEYS, required=("slug", "label", "hashtag", "keywords"))
        topics.append(
            Topic(
                slug=where.slug(),
                label=where.text("label"),
                hashtag=where.hashtag(),
                keywords=where.phrases("keywords", required=True),
                strong_keywords=where.phrases("strong_keywords", required=False),
            )
        )
    _check_unique_slugs([t.slug for t in topics], source, "topic")
    owners: dict[str, tuple[str, str]] = {}
    for topic in topics:
        for keyword in (*topic.keywords, *topic.strong_keywords):
            for spelling in _spellings(keyword):
                owner = owners.setdefault(spelling, (topic.slug, keyword))
                if owner != (topic.slug, keyword):
                    raise TaggingDataError(
                        f"{source}: topic {topic.slug!r}: keyword {keyword!r} duplicates {owner[1]!r} "
                        f"of topic {owner[0]!r} (both fold to {spelling!r})"
                    )
    return tuple(topics)


def load_counties(path: Path | None = None) -> tuple[County, ...]:
    """Load the county gazetteer from ``path``, or from the packaged ``bot/data/counties.toml``.

    Raises :class:`TaggingDataError` naming the file and the entry when the data is malformed,
    including a place name listed under two counties.
    """
    data, source = _read_toml(path, "counties.toml")
    entries = _entry_list(data, "county", source)
    counties: list[County] = []
    for position, entry in enumerate(entries, start=1):
        where = _Where(source, "county", position, entry)
        where.check_keys(_COUNTY_KEYS, required=("slug", "name", "hashtag", "places"))
        qualifier = entry.get("name_needs_qualifier", False)
        if not isinstance(qualifier, bool):
            raise where.error("'name_needs_qualifier' must be true or false")
        counties.append(
            County(
                slug=where.slug(),
                name=where.text("name"),
                hashtag=where.hashtag(),
                places=where.phrases("places", required=False),
                aliases=where.phrases("aliases", required=False),
                name_needs_qualifier=qualifier,
            )
        )
    _check_unique_slugs([c.slug for c in counties], source, "county")
    owners: dict[str, str] = {}
    for county in counties:
        for place in (county.name, *county.aliases, *county.places):
            for spelling in _spellings(place):
                owner = owners.setdefault(spelling, county.slug)
                if owner != county.slug:
                    raise TaggingDataError(
                        f"{source}: county {county.slug!r}: {place!r} is already a name of county {owner!r}"
                    )
    return tuple(counties)


def _read_toml(path: Path | None, packaged_name: str) -> tuple[dict[str, Any], str]:
    if path is None:
        source = f"bot/data/{packaged_name}"
        raw = resources.files("bot").joinpath("data").joinpath(packaged_name).read_text(encoding="utf-8")
    else:
        source = str(path)
        raw = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(raw), source
    except tomllib.TOMLDecodeError as exc:
        raise TaggingDataError(f"{source}: not valid TOML: {exc}") from exc


def _entry_list(data: Mapping[str, Any], table: str, source: str) -> list[Mapping[str, Any]]:
    entries = data.get(table)
    if not isinstance(entries, list) or not entries:
        raise TaggingDataError(f"{source}: expected a non-empty array of [[{table}]] tables")
    unknown = set(data) - {table}
    if unknown:
        raise TaggingDataError(f"{source}: unknown top-level keys {sorted(unknown)}")
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise TaggingDataError(f"{source}: {table} #{position} is not a table")
    return entries


def _check_unique_slugs(slugs: list[str], source: str, table: str) -> None:
    seen: set[str] = set()
    for slug in slugs:
        if slug in seen:
            raise TaggingDataError(f"{source}: {table} {slug!r} is defined twice")
        seen.add(slug)


class _Where:
    """Field access for one TOML entry that raises errors naming the file and the entry."""

    def __init__(self, source: str, table: str, position: int, entry: Mapping[str, Any]) -> None:
        self.entry = entry
        slug = entry.get("slug")
        name = f" ({slug!r})" if isinstance(slug, str) else ""
        self.prefix = f"{source}: {table} #{position}{name}"

    def error(self, message: str) -> TaggingDataError:
        return TaggingDataError(f"{self.prefix}: {message}")

    def check_keys(self, allowed: frozenset[str], required: tuple[str, ...]) -> None:
        missing = [key for key in required if key not in self.entry]
        if missing:
            raise self.error(f"missing field(s) {missing}")
        unknown = sorted(set(self.entry) - allowed)
        if unknown:
            raise self.error(f"unknown field(s) {unknown}; allowed: {sorted(allowed)}")

    def text(self, key: str) -> str:
        value = self.entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{key!r} must be a non-empty string")
        return value.strip()

    def slug(self) -> str:
        value = self.text("slug")
        if not _SLUG.match(value):
            raise self.error("'slug' must be lower-case Latin letters, digits and underscores")
        return value

    def hashtag(self) -> str:
        value = self.text("hashtag").removeprefix("#")
        if not is_valid_hashtag(value):
            raise self.error(f"'hashtag' {value!r} must be letters and underscores only")
        return value

    def phrases(self, key: str, *, required: bool) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or (required and not value):
            raise self.error(f"{key!r} must be a {'non-empty ' if required else ''}list of strings")
        phrases: list[str] = []
        for item in value:
            if not isinstance(item, str) or not fold(item):
                raise self.error(f"{key!r} contains {item!r}, which is not a word or phrase")
            phrases.append(item.strip())
        return tuple(phrases)


# ---------------------------------------------------------------------------------------------
# Phrase matching on folded text
# ---------------------------------------------------------------------------------------------

T = TypeVar("T")

# Suffixes writers attach to the last word of a phrase; matching them spares every keyword list
# its plural and ezafe forms. «ان» (animate plural: کشاورزان، پزشکان) is added only to longer
# words so that short ones do not grow into unrelated words (آب → آبان, the month).
_PLURAL_SUFFIXES = ("ها", "های", "هایی")
_ANIMATE_PLURAL_MIN_LETTERS = 4


def _spellings(phrase: str) -> set[str]:
    """The folded forms of a phrase as written: a half-space may be typed as nothing or a space."""
    forms = {fold(phrase), fold(phrase.replace(ZWNJ, ""))}
    forms.discard("")
    return forms


def _inflections(folded: str) -> set[str]:
    """Plural and ezafe forms of a folded phrase's last word (روستا → روستاها، روستاهای، روستای)."""
    head, _, last = folded.rpartition(" ")
    forms = {last + suffix for suffix in _PLURAL_SUFFIXES}
    if last.endswith(("ا", "و")):
        forms.add(last + "ی")  # ezafe after a long vowel: روستای، دانشجوی
    elif last.endswith("ه"):
        forms.update({last + "ی", last + "ای"})  # گلخانه‌ای، خانه‌ی
    elif len(last) >= _ANIMATE_PLURAL_MIN_LETTERS and not last.endswith("ی"):
        forms.add(last + "ان")
    return {f"{head} {form}" if head else form for form in forms}


class _TrieNode(Generic[T]):
    """One word of a phrase trie: the phrases continuing with each next word, and the payload of
    the phrase that ends here (None if none does)."""

    __slots__ = ("children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode[T]] = {}
        self.payload: T | None = None


class _PhraseIndex(Generic[T]):
    """Folded phrases (as word tuples) mapped to payloads, scanned longest-match-first.

    A word trie: each position costs one dictionary look-up unless a phrase starts there, and a
    candidate is abandoned at the first word that continues no phrase.
    """

    __slots__ = ("_root",)

    def __init__(self, entries: Mapping[tuple[str, ...], T]) -> None:
        self._root: _TrieNode[T] = _TrieNode()
        for words, payload in entries.items():
            node = self._root
            for word in words:
                node = node.children.setdefault(word, _TrieNode())
            node.payload = payload

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, T]]:
        """Yield ``(start, length, payload)`` for each phrase found, left to right, consuming words."""
        count = len(words)
        starts = self._root.children
        position = 0
        while position < count:
            node = starts.get(words[position])
            if node is None:  # most words start no phrase: skip them cheaply
                position += 1
                continue
            found, found_end = node.payload, position + 1
            end = position + 1
            while end < count:
                next_node = node.children.get(words[end])
                if next_node is None:
                    break
                node = next_node
                end += 1
                if node.payload is not None:
                    found, found_end = node.payload, end
            if found is None:
                position += 1
            else:
                yield position, found_end - position, found
                position = found_end


@lru_cache(maxsize=64)
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, cached: topics and county are tagged from the same text."""
    return tuple(fold(text).split())


def _strip_title(text: str, title: str) -> str:
    """``text`` without a leading copy of ``title``, so the title is not counted twice."""
    stripped = text.lstrip()
    if title and stripped.startswith(title):
        return stripped[len(title) :]
    return text


def _title_and_body(text: str, title: str | None) -> tuple[str, str]:
    if title is None:
        return split_title(text)
    return title, _strip_title(text, title)


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------

KEYWORD_WEIGHT = 1.0
STRONG_KEYWORD_WEIGHT = 3.0
# A keyword in the title counts this many times its weight. The title is scored apart from the
# body (a copy of it at the start of the text is skipped), and headlines say what a release is about.
TITLE_WEIGHT = 3.0
# The organization's name is a strong hint (a release of the medical university is usually about
# health), but not a verdict: a governor's office announcing earthquake damage is about the crisis.
ORG_HINT_BONUS = 8.0
# Topics scoring below this share of the best topic, or below the absolute minimum, are dropped.
RELATIVE_FLOOR = 0.4
MIN_TOPIC_SCORE = 2.0

# Attribution and reporting boilerplate: matched (and so consumed) but scoring for no topic, so
# that public_relations is suggested only when a release is about PR and the media.
_BOILERPLATE = (
    "به گزارش روابط عمومی",
    "به گزارش اداره روابط عمومی",
    "به گزارش اداره کل روابط عمومی",
    "به گزارش واحد روابط عمومی",
    "به گزارش روابط عمومی و امور بین الملل",
    "به گزارش روابط عمومی و اطلاع رسانی",
    "به نقل از روابط عمومی",
    "به گزارش پایگاه اطلاع رسانی",
    "به گزارش پایگاه خبری",
    "به گزارش خبرنگار",
    "به گزارش خبرگزاری",
    "شبکه اطلاع رسانی روابط عمومی ایران",
    "شارا",
    "مدیر روابط عمومی",
    "مدیرکل روابط عمومی",
    "مدیر کل روابط عمومی",
    "سرپرست روابط عمومی",
    "رئیس روابط عمومی",
    "مسئول روابط عمومی",
    "کارشناس روابط عمومی",
    "اداره روابط عمومی",
    "اداره کل روابط عمومی",
    "واحد روابط عمومی",
    "روابط عمومی و امور بین الملل",
    "روابط عمومی و اطلاع رسانی",
    "در جمع خبرنگاران",
    "در جمع اصحاب رسانه",
    "در گفت و گو با خبرنگار",
    "در گفتگو با خبرنگار",
    "در نشست خبری",
    "در اختیار رسانه ها",
)


@dataclass(frozen=True, slots=True)
class _KeywordHit:
    topic: int  # index into the topic tuple; -1 for boilerplate
    keyword: int  # one id per keyword as written, shared by all its spellings and inflections
    weight: float


@lru_cache(maxsize=8)
def _topic_index(topics: tuple[Topic, ...]) -> _PhraseIndex[tuple[_KeywordHit, ...]]:
    """Compile a taxonomy once: every spelling and inflection of every keyword, plus boilerplate."""
    explicit: dict[tuple[str, ...], list[_KeywordHit]] = {}
    inflected: dict[tuple[str, ...], list[_KeywordHit]] = {}
    keyword_id = 0
    for topic_number, topic in enumerate(topics):
        weighted = [(kw, KEYWORD_WEIGHT) for kw in topic.keywords]
        weighted += [(kw, STRONG_KEYWORD_WEIGHT) for kw in topic.strong_keywords]
        for keyword, weight in weighted:
            hit = _KeywordHit(topic_number, keyword_id, weight)
            keyword_id += 1
            for spelling in _spellings(keyword):
                _add_hit(explicit, tuple(spelling.split()), hit)
                for form in _inflections(spelling):
                    _add_hit(inflected, tuple(form.split()), hit)
    for phrase in _BOILERPLATE:
        neutral = _KeywordHit(-1, -1, 0.0)
        for spelling in _spellings(phrase):
            explicit[tuple(spelling.split())] = [neutral]  # boilerplate overrides any keyword
    # A phrase written out in the taxonomy beats a generated inflection of another keyword that
    # happens to spell the same (an admin's new keyword must not be shadowed by a guessed plural).
    merged = {words: tuple(hits) for words, hits in inflected.items()}
    merged.update({words: tuple(hits) for words, hits in explicit.items()})
    return _PhraseIndex(merged)


def _add_hit(table: dict[tuple[str, ...], list[_KeywordHit]], words: tuple[str, ...], hit: _KeywordHit) -> None:
    hits = table.setdefault(words, [])
    if all(existing.keyword != hit.keyword for existing in hits):
        hits.append(hit)


def _keyword_counts(text: str, index: _PhraseIndex[tuple[_KeywordHit, ...]]) -> dict[_KeywordHit, int]:
    counts: dict[_KeywordHit, int] = {}
    for _start, _length, hits in index.scan(_folded_words(text)):
        for hit in hits:
            if hit.topic >= 0:
                counts[hit] = counts.get(hit, 0) + 1
    return counts


def topic_scores(
    text: str,
    topics: Sequence[Topic],
    *,
    org_name: str | None = None,
    title: str | None = None,
) -> dict[str, float]:
    """Score every topic for a release; the numbers behind :func:`suggest_topics`.

    For each keyword found in the body, its weight (1, or 3 for a strong keyword) times
    ``1 + log2(occurrences)``, so that a phrase repeated through a long release (or a paragraph
    pasted twice) does not drown everything else; for each keyword in the title, its weight times
    :data:`TITLE_WEIGHT`; and :data:`ORG_HINT_BONUS` for the topic whose keyword comes first in
    the organization's name (half of it for any other topic found there). Topics that score
    nothing are left out.
    """
    topic_tuple = tuple(topics)
    index = _topic_index(topic_tuple)
    title_text, body = _title_and_body(text, title)
    totals = [0.0] * len(topic_tuple)
    for hit, occurrences in _keyword_counts(body, index).items():
        totals[hit.topic] += hit.weight * (1.0 + math.log2(occurrences))
    for hit in _keyword_counts(title_text, index):
        totals[hit.topic] += hit.weight * TITLE_WEIGHT
    if org_name:
        # In «اداره کل مدیریت بحران استانداری ایلام» the unit named first is the organization
        # itself and the later one its parent: the first topic found gets the full hint.
        org_topics = dict.fromkeys(hit.topic for hit in _keyword_counts(org_name, index))
        for rank, topic_number in enumerate(org_topics):
            totals[topic_number] += ORG_HINT_BONUS if rank == 0 else ORG_HINT_BONUS / 2
    return {topic.slug: round(total, 3) for topic, total in zip(topic_tuple, totals, strict=True) if total > 0}


def suggest_topics(
    text: str,
    topics: Sequence[Topic],
    *,
    org_name: str | None = None,
    title: str | None = None,
    limit: int = 3,
) -> list[str]:
    """Suggest up to ``limit`` topic slugs for a release, best first.

    ``text`` may be the display text or the raw text (it is folded here); when ``title`` is None
    the title is taken with :func:`split_title`, and a copy of the title at the start of ``text``
    is not counted twice. Scoring is :func:`topic_scores`; a topic is kept when it reaches
    :data:`MIN_TOPIC_SCORE` and :data:`RELATIVE_FLOOR` of the best score, so a release clearly on
    one beat gets one topic rather than three.
    """
    scores = topic_scores(text, topics, org_name=org_name, title=title)
    if not scores or limit <= 0:
        return []
    order = {topic.slug: position for position, topic in enumerate(topics)}
    best = max(scores.values())
    floor = max(MIN_TOPIC_SCORE, RELATIVE_FLOOR * best)
    kept = [slug for slug, score in scores.items() if score >= floor]
    kept.sort(key=lambda slug: (-scores[slug], order[slug]))
    return kept[:limit]


# ---------------------------------------------------------------------------------------------
# Counties
# ---------------------------------------------------------------------------------------------

# Words that, right before a name, make it a plain reference to the county or its seat. The
# plural ones («شهرستان‌های مهران و دهلران») introduce lists: they let a name that needs a
# qualifier count, but give no extra weight, so the first county of a list does not win.
_QUALIFIERS = frozenset(
    fold(word) for word in ("شهرستان", "شهر", "فرمانداری", "فرماندار", "شهرداری", "شهردار", "بخش", "بخشداری", "بخشدار")
)
_LIST_QUALIFIERS = frozenset(fold(word) for word in ("شهرستان‌های", "شهرهای", "بخش‌های"))
# Words that, just before an unqualified name, make it a route or a crossing («محور ایلام - مهران»,
# «پایانه مرزی مهران»): such a mention says where goods or pilgrims pass, not where the news is.
_ROUTE_WORDS = frozenset(
    fold(word) for word in ("محور", "جاده", "مسیر", "مرز", "مرزی", "پایانه", "گذرگاه", "بزرگراه", "آزادراه")
)
_ROUTE_WINDOW = 2
# Words that, right before a name, make it a person's name («دکتر مهران …», «سرهنگ سیروان …»).
_PERSON_TITLES = frozenset(
    fold(word) for word in ("دکتر", "مهندس", "آقای", "خانم", "سرهنگ", "سردار", "سرتیپ", "حجت‌الاسلام", "استاد")
)

QUALIFIED_MENTION = 1.5
PLAIN_MENTION = 1.0
ROUTE_MENTION = 0.5
COUNTY_TITLE_WEIGHT = 3.0
# An organization bound to a county («فرمانداری آبدانان», «... شهرستان ایوان») is a strong hint.
ORG_COUNTY_BONUS = 4.0
MIN_COUNTY_SCORE = 1.0
# The runner-up must stay below this share of the best, or the release is about several counties.
DOMINANCE = 0.75
# A release naming this many counties in its body, with neither its title nor its organization
# pointing at one of them, is a province-wide report.
PROVINCE_WIDE_COUNTIES = 3
# A title naming this many counties is about the province too.
PROVINCE_WIDE_TITLE_COUNTIES = 3


@dataclass(frozen=True, slots=True)
class _PlaceRef:
    county: int
    needs_qualifier: bool
    is_route: bool  # the place is itself a road or a crossing («پایانه مرزی مهران»)


@lru_cache(maxsize=8)
def _county_index(counties: tuple[County, ...]) -> _PhraseIndex[_PlaceRef]:
    entries: dict[tuple[str, ...], _PlaceRef] = {}
    for number, county in enumerate(counties):
        named = [(n, county.name_needs_qualifier) for n in (county.name, *county.aliases)]
        for phrase, needs_qualifier in [*named, *((p, False) for p in county.places)]:
            for spelling in _spellings(phrase):
                words = tuple(spelling.split())
                ref = _PlaceRef(number, needs_qualifier, is_route=words[0] in _ROUTE_WORDS)
                entries.setdefault(words, ref)
    return _PhraseIndex(entries)


def _county_mentions(text: str, index: _PhraseIndex[_PlaceRef]) -> dict[int, float]:
    """Sum the weight of each county's mentions in ``text`` (see :func:`detect_county`)."""
    words = _folded_words(text)
    totals: dict[int, float] = {}
    for start, _length, ref in index.scan(words):
        previous = words[start - 1] if start > 0 else ""
        if previous in _QUALIFIERS:
            weight = QUALIFIED_MENTION
        elif previous in _LIST_QUALIFIERS:
            weight = PLAIN_MENTION
        elif ref.needs_qualifier or previous in _PERSON_TITLES:
            continue
        elif ref.is_route or any(word in _ROUTE_WORDS for word in words[max(0, start - _ROUTE_WINDOW) : start]):
            weight = ROUTE_MENTION
        else:
            weight = PLAIN_MENTION
        totals[ref.county] = totals.get(ref.county, 0.0) + weight
    return totals


def _org_county(org_name: str | None, index: _PhraseIndex[_PlaceRef]) -> int | None:
    if not org_name:
        return None
    found = _county_mentions(org_name, index)
    return next(iter(found)) if len(found) == 1 else None


def county_scores(
    text: str,
    counties: Sequence[County],
    *,
    org_name: str | None = None,
    title: str | None = None,
) -> dict[str, float]:
    """Score every county mentioned in a release; the numbers behind :func:`detect_county`."""
    scores, _ = _score_counties(text, tuple(counties), org_name, title)
    return {counties[number].slug: round(score, 3) for number, score in scores.items()}


def _score_counties(
    text: str, counties: tuple[County, ...], org_name: str | None, title: str | None
) -> tuple[dict[int, float], tuple[int, int, int | None]]:
    """Scores by county number, plus (title counties, body counties, org county) for the rules."""
    index = _county_index(counties)
    title_text, body = _title_and_body(text, title)
    in_title = _county_mentions(title_text, index)
    in_body = _county_mentions(body, index)
    org_county = _org_county(org_name, index)
    scores: dict[int, float] = {}
    for number, weight in in_title.items():
        scores[number] = scores.get(number, 0.0) + COUNTY_TITLE_WEIGHT * weight
    for number, weight in in_body.items():
        scores[number] = scores.get(number, 0.0) + weight
    if org_county is not None:
        scores[org_county] = scores.get(org_county, 0.0) + ORG_COUNTY_BONUS
    title_counties = sum(1 for weight in in_title.values() if weight >= PLAIN_MENTION)
    body_counties = sum(1 for weight in in_body.values() if weight >= PLAIN_MENTION)
    return scores, (title_counties, body_counties, org_county)


def detect_county(
    text: str,
    counties: Sequence[County],
    *,
    org_name: str | None = None,
    title: str | None = None,
) -> str | None:
    """Return the slug of the county a release is about, or None when it concerns the province.

    Scoring. Each mention of a county's name, alias or place counts:

    - 1.5 right after a qualifier («شهرستان»، «شهر»، «فرمانداری»، «شهرداری»، «بخش» …);
    - 1 on its own, or after a plural qualifier («شهرستان‌های …», which starts a list);
    - 0.5 right after a route or crossing word («محور»، «پایانه مرزی»، «مرز» …), and for a place
      that is itself a crossing («پایانه مرزی مهران»): it says where traffic passes, not where
      the news is, so an export through Mehran does not pull a Dehloran release to Mehran;
    - nothing, for a name marked ``name_needs_qualifier`` without a qualifier: «استان ایلام»,
      «استانداری ایلام» and «دانشگاه علوم پزشکی ایلام» are province-level, and the county of Ilam
      needs «شهرستان ایلام», «شهر ایلام», «فرمانداری ایلام» or one of its places;
    - nothing after a person's title («دکتر مهران …», «سرهنگ سیروان …»): that is a first name.

    Title mentions count three times, and an organization whose name places it in one county
    («فرمانداری آبدانان», «… شهرستان ایوان») adds 4.

    The result is None (province-wide) when nothing reaches 1; when the title names three or more
    counties; when neither the title nor the organization points at a county and the body names
    three or more (a provincial report listing counties; route mentions do not count here); or
    when the runner-up scores at least 75 % of the best (a release about two counties alike).
    ``text`` may be display or raw text; when ``title`` is None it is taken with
    :func:`split_title`.
    """
    county_tuple = tuple(counties)
    scores, (title_counties, body_counties, org_county) = _score_counties(text, county_tuple, org_name, title)
    if not scores or title_counties >= PROVINCE_WIDE_TITLE_COUNTIES:
        return None
    anchored = title_counties > 0 or org_county is not None
    if not anchored and body_counties >= PROVINCE_WIDE_COUNTIES:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best_number, best = ranked[0]
    if best < MIN_COUNTY_SCORE:
        return None
    if len(ranked) > 1 and ranked[1][1] >= DOMINANCE * best:
        return None
    return county_tuple[best_number].slug


# ---------------------------------------------------------------------------------------------
# Title and lead
# ---------------------------------------------------------------------------------------------

HEADLINE_MAX_CHARS = 200
DERIVED_TITLE_MAX_CHARS = 120
ELLIPSIS = "…"

# A line ending like this is a sentence or an introduction, not a headline.
_NON_HEADLINE_ENDINGS = (".", ":", "،", "؛", ",", ";", "-")
_ATTRIBUTION_START = re.compile(r"^(به گزارش|به نقل از)\s")
# A leading attribution clause «به گزارش روابط عمومی …،» (up to the first comma), dropped from leads.
_ATTRIBUTION_CLAUSE = re.compile(r"^(?:به گزارش|به نقل از)\s[^،,.\n]{1,150}[،,]\s*")
# Sentence ends: . ! ? ؟ followed by white space (so decimals, dates and URLs are not split).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟])\s+")
_TRAILING_PUNCTUATION = " \t،,:;؛-–—"


def split_title(display_text: str) -> tuple[str, str]:
    """Split a release into ``(title, body)``.

    The first line is the title when it reads as a headline: at most :data:`HEADLINE_MAX_CHARS`
    characters, not ending like a sentence or an introduction (``.``, ``:``, ``،`` …), not an
    attribution («به گزارش …»), and followed by more text; the body is then the rest. Otherwise
    the title is derived from the first sentence (cut at a word boundary with «…» when long) and
    the body is the whole text, so nothing is lost. Empty text gives ``("", "")``.
    """
    text = display_text.strip()
    if not text:
        return "", ""
    first_line, _, rest = text.partition("\n")
    first_line = " ".join(first_line.split())
    rest = rest.strip()
    if rest and _is_headline(first_line):
        return first_line, rest
    sentences = _sentences(text)
    first_sentence = sentences[0].rstrip(".") if sentences else first_line
    return _clip(first_sentence, DERIVED_TITLE_MAX_CHARS), text


def _is_headline(line: str) -> bool:
    return (
        0 < len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(_NON_HEADLINE_ENDINGS)
        and not _ATTRIBUTION_START.match(line)
    )


def lead(body: str, max_chars: int = 280) -> str:
    """The opening of a release for digests and inline results: one line, at most ``max_chars``.

    The first sentence, plus the second when both fit; a leading attribution clause
    («به گزارش روابط عمومی …،») is dropped since the agency is shown beside the lead anyway. A
    sentence longer than ``max_chars`` is cut at a word boundary and ends with «…».
    """
    sentences = _sentences(body)
    if not sentences or max_chars <= 0:
        return ""
    first = _ATTRIBUTION_CLAUSE.sub("", sentences[0], count=1) or sentences[0]
    text = first
    if len(sentences) > 1 and len(first) + 1 + len(sentences[1]) <= max_chars:
        text = f"{first} {sentences[1]}"
    return _clip(text, max_chars)


def _sentences(text: str) -> list[str]:
    """Sentences of ``text``, each on one line; a line break always ends a sentence."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if line:
            sentences.extend(part for part in _SENTENCE_BREAK.split(line) if part)
    return sentences


def _clip(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters at a word boundary, ending with «…» when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[: max(1, max_chars - len(ELLIPSIS))]
    boundary = cut.rfind(" ")
    if boundary > len(cut) // 2:  # a word boundary not too far back; else cut inside a long word
        cut = cut[:boundary]
    return cut.rstrip(_TRAILING_PUNCTUATION) + ELLIPSIS
