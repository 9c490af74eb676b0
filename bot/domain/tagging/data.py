"""The taxonomy and the gazetteer: topics and counties as loaded from ``bot/data/*.toml`` (or a named file)."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from bot.domain.tagging.phrases import spellings
from bot.domain.text import fold


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
    """Load the topic taxonomy from ``path``, or from the packaged ``bot/data/topics.toml`` (read once).

    Raises :class:`TaggingDataError` naming the file and the entry when the data is malformed:
    missing or unknown fields, a bad slug or hashtag, an empty keyword list, or a keyword that is
    listed twice (in one topic or in two topics: an ambiguous keyword would score for both).
    """
    return _packaged_topics() if path is None else _load_topics(path)


@functools.cache
def _packaged_topics() -> tuple[Topic, ...]:
    return _load_topics(None)


def _load_topics(path: Path | None) -> tuple[Topic, ...]:
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
            for spelling in spellings(keyword):
                owner = owners.setdefault(spelling, (topic.slug, keyword))
                if owner != (topic.slug, keyword):
                    raise TaggingDataError(
                        f"{source}: topic {topic.slug!r}: keyword {keyword!r} duplicates {owner[1]!r} "
                        f"of topic {owner[0]!r} (both fold to {spelling!r})"
                    )
    return tuple(topics)


def load_counties(path: Path | None = None) -> tuple[County, ...]:
    """Load the county gazetteer from ``path``, or from the packaged ``bot/data/counties.toml`` (read once).

    Raises :class:`TaggingDataError` naming the file and the entry when the data is malformed,
    including a place name listed under two counties.
    """
    return _packaged_counties() if path is None else _load_counties(path)


@functools.cache
def _packaged_counties() -> tuple[County, ...]:
    return _load_counties(None)


def _load_counties(path: Path | None) -> tuple[County, ...]:
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
            for spelling in spellings(place):
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
