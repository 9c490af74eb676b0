"""Subscription filters: matching releases, parsing keywords and describing the configuration."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.matching import (
    PROVINCE_WIDE,
    CompiledFilters,
    Filters,
    ReleaseFacts,
    describe_filters,
    matches,
    parse_keywords,
    select_chats,
)
from bot.domain.text import fold

WATER_RELEASE_TEXT = (
    "مدیرعامل شرکت آب و فاضلاب استان ایلام گفت: عملیات آبرسانی به ۱۲ روستای شهرستان ایوان "
    "آغاز شده است و این طرح تا پایان سال به بهره‌برداری می‌رسد. سازمان‌ها همکاری می‌کنند."
)


def facts(
    *,
    topics: frozenset[str] = frozenset({"infrastructure"}),
    county: str | None = "eyvan",
    organization_id: int = 7,
    text: str = WATER_RELEASE_TEXT,
) -> ReleaseFacts:
    return ReleaseFacts(topics=topics, county=county, organization_id=organization_id, search_text=fold(text))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), True),
        # Topics: any overlap.
        (Filters(topics=frozenset({"infrastructure"})), True),
        (Filters(topics=frozenset({"health", "infrastructure"})), True),
        (Filters(topics=frozenset({"health"})), False),
        # Counties: the release's county must be listed.
        (Filters(counties=frozenset({"eyvan"})), True),
        (Filters(counties=frozenset({"ilam", "eyvan"})), True),
        (Filters(counties=frozenset({"ilam"})), False),
        (Filters(counties=frozenset({PROVINCE_WIDE})), False),
        # Organizations by id.
        (Filters(organizations=frozenset({7})), True),
        (Filters(organizations=frozenset({8})), False),
        # Include: at least one; exclude: none.
        (Filters(include_keywords=("ایوان",)), True),
        (Filters(include_keywords=("زلزله", "آبرسانی")), True),
        (Filters(include_keywords=("زلزله",)), False),
        (Filters(exclude_keywords=("زلزله",)), True),
        (Filters(exclude_keywords=("تصادف", "روستای")), False),
    ],
)
def test_each_dimension(filters: Filters, expected: bool) -> None:
    """Each dimension restricts on its own, and an empty dimension does not restrict."""
    assert matches(filters, facts()) is expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(topics=frozenset({"infrastructure"}), counties=frozenset({"eyvan"})), True),
        (Filters(topics=frozenset({"infrastructure"}), counties=frozenset({"ilam"})), False),
        (Filters(topics=frozenset({"health"}), counties=frozenset({"eyvan"})), False),
        (
            Filters(
                topics=frozenset({"infrastructure"}),
                counties=frozenset({"eyvan"}),
                organizations=frozenset({7}),
                include_keywords=("آبرسانی",),
            ),
            True,
        ),
        (Filters(organizations=frozenset({7}), include_keywords=("زلزله",)), False),
    ],
)
def test_dimensions_combine_with_and(filters: Filters, expected: bool) -> None:
    """A release must satisfy every dimension that is set."""
    assert matches(filters, facts()) is expected


def test_exclude_beats_include() -> None:
    """A keyword both wanted and unwanted, or an unwanted one beside a wanted one, rejects the release."""
    assert not matches(Filters(include_keywords=("ایوان",), exclude_keywords=("ایوان",)), facts())
    assert not matches(Filters(include_keywords=("آبرسانی",), exclude_keywords=("روستای",)), facts())


@pytest.mark.parametrize(
    ("counties", "release_county", "expected"),
    [
        (frozenset({PROVINCE_WIDE}), None, True),
        (frozenset({PROVINCE_WIDE, "ilam"}), "ilam", True),
        (frozenset({PROVINCE_WIDE}), "ilam", False),
        (frozenset({"ilam"}), None, False),
        (frozenset(), None, True),
    ],
)
def test_province_wide_semantics(counties: frozenset[str], release_county: str | None, expected: bool) -> None:
    """A release without a county matches only PROVINCE_WIDE; PROVINCE_WIDE matches no county release."""
    assert matches(Filters(counties=counties), facts(county=release_county)) is expected


@pytest.mark.parametrize(
    ("keyword", "text", "expected"),
    [
        # Arabic letters in the keyword or in the text.
        ("كرمانشاه", "جاده ایلام به کرمانشاه بازگشایی شد", True),
        ("کرمانشاه", "جاده ايلام به كرمانشاه بازگشايي شد", True),
        ("ايلام", "جاده ایلام به کرمانشاه", True),
        # Half-spaces: with ZWNJ, with a space, or joined.
        ("می‌رسد", "به بهره برداری می رسد", True),
        ("می رسد", "به بهره‌برداری می‌رسد", True),
        ("میرسد", "به بهره‌برداری می‌رسد", True),
        ("سازمان‌ها", "همه سازمان ها و نهادها", True),
        ("سازمانها", "همه سازمان‌ها و نهادها", True),
        # Phrases match as whole phrases, in any spelling.
        ("آب و فاضلاب", "شرکت آب و فاضلاب استان", True),
        ("آب و فاضلاب", "شركت آب و  فاضلاب استان", True),
        ("آب و فاضلاب", "آب و برق و فاضلاب", False),
        # Whole words only: «آب» is not found inside «آبرسانی» or «آبدانان».
        ("آب", "آبرسانی در آبدانان", False),
        ("آب", "قطعی آب در آبدانان", True),
        # Digits in any script, punctuation ignored.
        ("۱۴۰۵", "بودجه سال 1405 تصویب شد", True),
        ("سد!", "آبگیری سد کنگیر", True),
        # Letters and diacritics.
        ("COVID", "واکسن covid در ایلام", True),
        ("مُدیر", "مدیر کل", True),
    ],
)
def test_keyword_occurrence_is_folded_whole_word(keyword: str, text: str, expected: bool) -> None:
    """Keywords meet the folded text whole word or phrase, whatever letters, digits or spacing were typed."""
    assert matches(Filters(include_keywords=(keyword,)), facts(text=text)) is expected
    assert matches(Filters(exclude_keywords=(keyword,)), facts(text=text)) is not expected


def test_keywords_of_punctuation_only_are_ignored() -> None:
    """A stored keyword that folds to nothing restricts nothing."""
    assert matches(Filters(include_keywords=("!!!",), exclude_keywords=("«»",)), facts())


def test_is_unrestricted() -> None:
    """Only filters with every dimension empty are unrestricted."""
    assert Filters().is_unrestricted
    assert not Filters(counties=frozenset({PROVINCE_WIDE})).is_unrestricted
    assert not Filters(exclude_keywords=("تصادف",)).is_unrestricted


# --- compiled filters and the broadcast selection ---------------------------------------------

_TOPICS = ["health", "crisis", "economy", "agriculture", "culture", "infrastructure"]
_COUNTIES = ["ilam", "eyvan", "abdanan", "dehloran", PROVINCE_WIDE]
_WORDS = ["آب", "كرمانشاه", "آب و فاضلاب", "می‌رسد", "روستا", "زلزله", "ایوان", "سازمان ها", "!"]


@st.composite
def filters_strategy(draw: st.DrawFn) -> Filters:
    return Filters(
        topics=frozenset(draw(st.lists(st.sampled_from(_TOPICS), max_size=2))),
        counties=frozenset(draw(st.lists(st.sampled_from(_COUNTIES), max_size=2))),
        organizations=frozenset(draw(st.lists(st.integers(1, 4), max_size=2))),
        include_keywords=tuple(draw(st.lists(st.sampled_from(_WORDS), max_size=2))),
        exclude_keywords=tuple(draw(st.lists(st.sampled_from(_WORDS), max_size=1))),
    )


@st.composite
def facts_strategy(draw: st.DrawFn) -> ReleaseFacts:
    text = " ".join(draw(st.lists(st.sampled_from([*_WORDS, "آبدانان", "فاضلاب", "و"]), max_size=8)))
    return facts(
        topics=frozenset(draw(st.lists(st.sampled_from(_TOPICS), max_size=2))),
        county=draw(st.none() | st.sampled_from(_COUNTIES[:-1])),
        organization_id=draw(st.integers(1, 4)),
        text=text,
    )


def reference_matches(filters: Filters, release: ReleaseFacts) -> bool:
    """The specification, written as plainly as possible."""

    def occurs(keyword: str) -> bool:
        return f" {fold(keyword)} " in f" {release.search_text} "

    county = release.county if release.county is not None else PROVINCE_WIDE
    include = [keyword for keyword in filters.include_keywords if fold(keyword)]
    return (
        (not filters.topics or bool(filters.topics & release.topics))
        and (not filters.counties or county in filters.counties)
        and (not filters.organizations or release.organization_id in filters.organizations)
        and (not include or any(map(occurs, include)))
        and not any(occurs(keyword) for keyword in filters.exclude_keywords if fold(keyword))
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(filters_strategy(), max_size=12), facts_strategy())
def test_compiled_matching_agrees_with_the_specification(all_filters: list[Filters], release: ReleaseFacts) -> None:
    """matches, CompiledFilters.matches and select_chats all agree with a plain reading of the rules."""
    expected = [reference_matches(filters, release) for filters in all_filters]
    assert [matches(filters, release) for filters in all_filters] == expected
    assert [CompiledFilters(filters).matches(release) for filters in all_filters] == expected
    subscriptions = [(chat_id, CompiledFilters(filters)) for chat_id, filters in enumerate(all_filters)]
    assert select_chats(subscriptions, release) == [chat_id for chat_id, ok in enumerate(expected) if ok]


def test_select_chats_handles_ten_thousand_subscriptions_quickly() -> None:
    """Selecting among 10,000 varied subscriptions takes far less than 100 ms per release (sanity bound)."""
    rng = random.Random(20261128)
    subscriptions = []
    for chat_id in range(10_000):
        filters = Filters(
            topics=frozenset(rng.sample(_TOPICS, rng.randint(0, 2))),
            counties=frozenset(rng.sample(_COUNTIES, rng.randint(0, 2))),
            organizations=frozenset(rng.sample(range(160), rng.randint(0, 2))),
            include_keywords=tuple(rng.sample(_WORDS, rng.randint(0, 2))),
            exclude_keywords=tuple(rng.sample(_WORDS, rng.randint(0, 1))),
        )
        subscriptions.append((chat_id, CompiledFilters(filters)))
    release = facts(text=WATER_RELEASE_TEXT * 20)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        chosen = select_chats(subscriptions, release)
        best = min(best, time.perf_counter() - started)
    assert chosen
    assert best < 0.1


# --- parsing keywords --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "include", "exclude"),
    [
        ('+سد -تصادف "آب و فاضلاب" -"تصادف جاده‌ای"', ("سد", "آب و فاضلاب"), ("تصادف", "تصادف جاده‌ای")),
        ("سد", ("سد",), ()),
        ("«آب و فاضلاب» -«سیل بند»", ("آب و فاضلاب",), ("سیل بند",)),
        ("- تصادف", (), ("تصادف",)),  # a sign separated from its word still applies
        ("−تصادف", (), ("تصادف",)),  # the minus sign that some keyboards produce
        ("سد، تصادف", ("سد", "تصادف"), ()),  # commas typed as separators
        ("", (), ()),
        ("   ", (), ()),
        ('"" + - «  »', (), ()),  # empty words are ignored
        ('"  آب   و  فاضلاب "', ("آب و فاضلاب",), ()),  # spacing inside a phrase is tidied
        ("سد سد كرمانشاه کرمانشاه", ("سد", "كرمانشاه"), ()),  # duplicates, compared folded
        ("+سد -سد", ("سد",), ("سد",)),  # kept on both sides; exclude wins when matching
        ("!!!", (), ()),  # punctuation only
    ],
)
def test_parse_keywords(args: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
    """Signs, quotes, empty words and duplicates are handled as documented."""
    assert parse_keywords(args) == (include, exclude)


@pytest.mark.parametrize(
    ("args", "message_part"),
    [
        ('"آب و فاضلاب', "گیومه"),
        ("«آب و فاضلاب", "گیومه"),
        ("-«تصادف", "گیومه"),
        ("سد»", "گیومه"),
        ('سد"آب', "گیومه"),
        ("ب" * 65, "بیش از ۶۴"),
        (f'"{"آب " * 30}"', "بیش از ۶۴"),
    ],
)
def test_parse_keywords_errors_are_persian(args: str, message_part: str) -> None:
    """An unbalanced quote or an over-long keyword raises ValueError with a Persian message."""
    with pytest.raises(ValueError, match=message_part):
        parse_keywords(args)


def test_keyword_of_exactly_64_characters_is_accepted() -> None:
    """The length bound is inclusive."""
    assert parse_keywords("ب" * 64) == (("ب" * 64,), ())


# --- describing filters ------------------------------------------------------------------------

TOPIC_LABELS = {"health": "سلامت", "crisis": "حوادث و بحران", "economy": "اقتصاد"}
COUNTY_NAMES = {"ilam": "ایلام", "eyvan": "ایوان"}
ORG_NAMES = {3: "استانداری ایلام", 7: "شرکت آب و فاضلاب"}


def test_describe_unrestricted_filters() -> None:
    """With nothing set, every dimension says in its words that it does not limit; the exclusions say «ندارد»."""
    text = describe_filters(Filters(), topic_labels=TOPIC_LABELS, county_names=COUNTY_NAMES, org_names=ORG_NAMES)
    assert text.split("\n") == [
        "موضوع‌ها: همهٔ موضوع‌ها",
        "شهرستان‌ها: همهٔ شهرستان‌ها و خبرهای استانی",
        "دستگاه‌ها: همهٔ دستگاه‌ها",
        "کلیدواژه‌ها (دست‌کم یکی): بدون محدودیت کلیدواژه",
        "کلیدواژه‌های کنارگذاشته: ندارد",
    ]


def test_describe_full_filters() -> None:
    """Set dimensions list their labels in configured order; unknown slugs and ids still show."""
    filters = Filters(
        topics=frozenset({"economy", "health"}),
        counties=frozenset({"eyvan", PROVINCE_WIDE, "ilam", "zarneh"}),
        organizations=frozenset({7, 3, 42}),
        include_keywords=("سد", "آب و فاضلاب"),
        exclude_keywords=("تصادف",),
    )
    text = describe_filters(filters, topic_labels=TOPIC_LABELS, county_names=COUNTY_NAMES, org_names=ORG_NAMES)
    assert text.split("\n") == [
        "موضوع‌ها: سلامت، اقتصاد",
        "شهرستان‌ها: استانی، ایلام، ایوان، zarneh",
        "دستگاه‌ها: استانداری ایلام، شرکت آب و فاضلاب، دستگاه ۴۲",
        "کلیدواژه‌ها (دست‌کم یکی): «سد»، «آب و فاضلاب»",
        "کلیدواژه‌های کنارگذاشته: «تصادف»",
    ]
