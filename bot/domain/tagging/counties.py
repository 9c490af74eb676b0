"""County detection: mentions of counties and their places, qualified or not, with the agency's county."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.tagging.data import County
from bot.domain.tagging.phrases import _folded_words, _PhraseIndex, _title_and_body, spellings
from bot.domain.text import fold

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
# A provincial agency's release (its name places it in no county) whose title names no county is
# about a county only when the body names it more than in passing: a qualified mention («شهرستان
# دهلران») or two plain ones. «منطقه آزاد مهران» named once in a chamber of commerce's report on
# trade with Iraq does not make the report Mehran's news.
PASSING_MENTION_BELOW = QUALIFIED_MENTION


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
            for spelling in spellings(phrase):
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

    The result is None (province-wide) when nothing reaches 1; when a provincial agency (``org_name``
    given, placing it in no county) names a county neither in the title nor more than once in
    passing in the body (below 1.5); when the title names three or more
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
    provincial_agency = bool(org_name) and org_county is None
    if provincial_agency and not anchored and best < PASSING_MENTION_BELOW:
        return None  # a provincial agency naming a county once in passing, not in its title
    return county_tuple[best_number].slug
