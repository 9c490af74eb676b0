"""Tests for bot.domain.tagging: taxonomy and gazetteer data, title and lead, topics and county."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.domain.tagging import (
    County,
    TaggingDataError,
    Topic,
    county_scores,
    detect_county,
    is_valid_hashtag,
    lead,
    load_counties,
    load_topics,
    split_title,
    suggest_topics,
    topic_scores,
)
from bot.domain.taxonomy import MAX_KEYWORDS
from bot.domain.text import fold

SAMPLES = Path(__file__).parent / "data" / "releases.jsonl"
ZWNJ = "\u200c"

TOPIC_SLUGS = {
    "governance",
    "economy",
    "agriculture",
    "health",
    "education",
    "culture",
    "sports",
    "infrastructure",
    "welfare",
    "security",
    "environment",
    "tourism",
    "border",
    "crisis",
    "public_relations",
}
COUNTY_NAMES = {
    "ilam": "ایلام",
    "mehran": "مهران",
    "dehloran": "دهلران",
    "abdanan": "آبدانان",
    "darrehshahr": "دره‌شهر",
    "eyvan": "ایوان",
    "chardavol": "چرداول",
    "malekshahi": "ملکشاهی",
    "sirvan": "سیروان",
    "badreh": "بدره",
    "holeylan": "هلیلان",
}


@pytest.fixture(scope="module")
def topics() -> tuple[Topic, ...]:
    return load_topics()


@pytest.fixture(scope="module")
def counties() -> tuple[County, ...]:
    return load_counties()


def _arabic_letters(text: str) -> str:
    """The same text as an Arabic keyboard or an old news system would produce it."""
    return text.replace("ی", "ي").replace("ک", "ك")


def _without_zwnj(text: str) -> str:
    return text.replace(ZWNJ, "")


def _zwnj_as_space(text: str) -> str:
    return text.replace(ZWNJ, " ")


def _latin_digits(text: str) -> str:
    return text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))


def _all_at_once(text: str) -> str:
    return _arabic_letters(_zwnj_as_space(_latin_digits(text)))


VARIANTS: dict[str, Callable[[str], str]] = {
    "arabic_letters": _arabic_letters,
    "no_zwnj": _without_zwnj,
    "zwnj_as_space": _zwnj_as_space,
    "latin_digits": _latin_digits,
    "all_at_once": _all_at_once,
}


# ---------------------------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------------------------


def test_topics_file_has_exactly_the_fifteen_slugs(topics: tuple[Topic, ...]) -> None:
    """The packaged taxonomy defines exactly the 15 agreed topic slugs."""
    assert [t.slug for t in topics] == sorted(TOPIC_SLUGS, key=[t.slug for t in topics].index)
    assert {t.slug for t in topics} == TOPIC_SLUGS
    assert len(topics) == 15


def test_every_topic_has_a_label_a_valid_hashtag_and_a_rich_keyword_list(topics: tuple[Topic, ...]) -> None:
    """Each topic has a Persian label, a letters-and-underscores hashtag and 30 keywords or more, within
    the number an admin's keyword edit may store (so every seeded topic stays editable)."""
    for topic in topics:
        assert topic.label.strip(), topic.slug
        assert is_valid_hashtag(topic.hashtag), (topic.slug, topic.hashtag)
        total = len(topic.keywords) + len(topic.strong_keywords)
        assert 30 <= total <= MAX_KEYWORDS, (topic.slug, total)
        assert len(topic.keywords) >= 30, topic.slug
    assert len({t.hashtag for t in topics}) == len(topics), "two topics share a hashtag"
    assert len({t.label for t in topics}) == len(topics), "two topics share a label"


def test_no_keyword_belongs_to_two_topics_or_twice_to_one(topics: tuple[Topic, ...]) -> None:
    """Every folded keyword spelling has exactly one owner, so each match scores for one topic."""
    owners: dict[str, str] = {}
    for topic in topics:
        for keyword in (*topic.keywords, *topic.strong_keywords):
            for spelling in {fold(keyword), fold(keyword.replace(ZWNJ, " "))}:
                assert spelling, (topic.slug, keyword)
                assert owners.setdefault(spelling, f"{topic.slug}:{keyword}") == f"{topic.slug}:{keyword}", (
                    spelling,
                    owners[spelling],
                    f"{topic.slug}:{keyword}",
                )


def test_counties_file_has_exactly_the_eleven_counties(counties: tuple[County, ...]) -> None:
    """The gazetteer defines exactly the 11 agreed county slugs with their Persian names."""
    assert {c.slug: c.name for c in counties} == COUNTY_NAMES
    for county in counties:
        assert is_valid_hashtag(county.hashtag), (county.slug, county.hashtag)
    assert len({c.hashtag for c in counties}) == len(counties)


def test_no_place_name_belongs_to_two_counties(counties: tuple[County, ...]) -> None:
    """Each folded name, alias or place points at one county only."""
    owners: dict[str, str] = {}
    for county in counties:
        for place in (county.name, *county.aliases, *county.places):
            for spelling in {fold(place), fold(place.replace(ZWNJ, " "))}:
                assert owners.setdefault(spelling, county.slug) == county.slug, (place, owners[spelling])


def test_only_ilam_and_malekshahi_need_a_qualifier(counties: tuple[County, ...]) -> None:
    """The province's own name and the common surname are the names that cannot stand alone."""
    assert {c.slug for c in counties if c.name_needs_qualifier} == {"ilam", "malekshahi"}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\n", "missing field(s) ['keywords']"),
        ("[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'a b'\nkeywords = ['ب']\n", "'hashtag'"),
        ("[[topic]]\nslug = 'X!'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = ['ب']\n", "'slug'"),
        ("[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = []\n", "'keywords'"),
        ("[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = ['ب']\nweight = 2\n", "unknown field"),
        ("[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = ['!!']\n", "not a word"),
        (
            "[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = ['کتاب']\n"
            "[[topic]]\nslug = 'y'\nlabel = 'ب'\nhashtag = 'ب'\nkeywords = ['كتاب']\n",
            "duplicates 'کتاب' of topic 'x'",
        ),
        (
            "[[topic]]\nslug = 'x'\nlabel = 'ا'\nhashtag = 'ا'\nkeywords = ['ب']\n"
            "[[topic]]\nslug = 'x'\nlabel = 'ب'\nhashtag = 'ب'\nkeywords = ['پ']\n",
            "defined twice",
        ),
        ("topic = 3\n", "[[topic]]"),
        ("[[topic]\n", "not valid TOML"),
    ],
)
def test_malformed_topics_file_raises_an_error_naming_file_and_entry(
    tmp_path: Path, content: str, fragment: str
) -> None:
    """A malformed taxonomy is rejected with a message that names the file and what is wrong."""
    path = tmp_path / "topics.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TaggingDataError) as caught:
        load_topics(path)
    assert str(path) in str(caught.value)
    assert fragment in str(caught.value)


def test_malformed_counties_file_names_the_county(tmp_path: Path) -> None:
    """A place listed under two counties is rejected, naming both counties."""
    path = tmp_path / "counties.toml"
    path.write_text(
        "[[county]]\nslug = 'a'\nname = 'الف'\nhashtag = 'الف'\nplaces = ['سرابله']\n"
        "[[county]]\nslug = 'b'\nname = 'ب'\nhashtag = 'ب'\nplaces = ['سرابله']\n",
        encoding="utf-8",
    )
    with pytest.raises(TaggingDataError, match=r"county 'b'.*county 'a'"):
        load_counties(path)
    path.write_text("[[county]]\nslug = 'a'\nname = 'الف'\nhashtag = 'الف'\n", encoding="utf-8")
    with pytest.raises(TaggingDataError, match=r"county #1 \('a'\): missing field"):
        load_counties(path)


def test_topics_built_in_code_work_like_loaded_ones() -> None:
    """Topics constructed directly (as the database will) are scored without any file."""
    custom = (
        Topic("honey", "زنبور", "زنبور", ("عسل",), ("زنبورداری",)),
        Topic("bread", "نان", "نان", ("نانوایی",)),
    )
    assert suggest_topics("برداشت عسل\n\nزنبورداری و عسل طبیعی در ایوان", custom) == ["honey"]


# ---------------------------------------------------------------------------------------------
# split_title and lead
# ---------------------------------------------------------------------------------------------


def test_split_title_takes_a_headline_first_line() -> None:
    """A short first line without a final period followed by more text is the title."""
    text = "آغاز واکسیناسیون آنفلوانزا در ایلام\n\nمعاون بهداشت گفت: واکسن رایگان است.\nپاراگراف دوم."
    assert split_title(text) == (
        "آغاز واکسیناسیون آنفلوانزا در ایلام",
        "معاون بهداشت گفت: واکسن رایگان است.\nپاراگراف دوم.",
    )


def test_split_title_ignores_surrounding_blank_lines_and_spaces() -> None:
    """Leading blank lines and doubled spaces do not prevent a headline from being found."""
    assert split_title("\n\n  جشنواره   غذاهای محلی  \nمتن خبر.") == ("جشنواره غذاهای محلی", "متن خبر.")


def test_split_title_keeps_question_headlines() -> None:
    """A headline may end with a question mark; only a full stop marks a sentence."""
    assert split_title("چرا گاز روستاها قطع شد؟\nپاسخ مدیرعامل.")[0] == "چرا گاز روستاها قطع شد؟"


@pytest.mark.parametrize(
    "first_line",
    [
        "معاون بهداشت گفت واکسن رایگان است.",
        "به گزارش روابط عمومی استانداری ایلام",
        "به گزارش روابط عمومی استانداری ایلام،",
        "در این نشست موارد زیر تصویب شد:",
        "خبر " * 60,
    ],
)
def test_split_title_derives_a_title_when_the_first_line_is_not_a_headline(first_line: str) -> None:
    """A sentence, an attribution, an introduction or a long line is not a headline; body keeps it."""
    text = f"{first_line}\nادامه متن خبر."
    title, body = split_title(text)
    assert body == text.strip()
    assert title
    assert not title.endswith(".")
    assert len(title) <= 120


def test_split_title_cuts_a_long_first_sentence_at_a_word_boundary() -> None:
    """A derived title from a long sentence ends with «…» after a whole word."""
    sentence = " ".join(["واژه"] * 60) + "."
    title, body = split_title(sentence)
    assert title.endswith("…")
    assert len(title) <= 120
    assert title[:-1].split() == ["واژه"] * len(title[:-1].split())
    assert body == sentence


def test_split_title_of_one_line_and_of_nothing() -> None:
    """A lone line is both title and body; empty text gives empty title and body."""
    assert split_title("جلسه شورای اداری برگزار شد") == ("جلسه شورای اداری برگزار شد", "جلسه شورای اداری برگزار شد")
    assert split_title("  \n ") == ("", "")


def test_split_title_does_not_split_decimals_or_dates() -> None:
    """Periods inside numbers and dates are not sentence ends."""
    text = "زلزله 4.6 ریشتری در 1403/05/12 آبدانان را لرزاند و خسارتی نداشت. جمله دوم."
    title, _ = split_title(text)
    assert title == "زلزله 4.6 ریشتری در 1403/05/12 آبدانان را لرزاند و خسارتی نداشت"


def test_lead_joins_two_short_sentences() -> None:
    """The lead is the first sentence plus the second when both fit."""
    body = "جمله نخست خبر است.\nجمله دوم هم کوتاه است. جمله سوم نمی‌آید."
    assert lead(body) == "جمله نخست خبر است. جمله دوم هم کوتاه است."


def test_lead_stops_after_the_first_sentence_when_the_second_does_not_fit() -> None:
    """A second sentence that would pass max_chars is left out."""
    body = "جمله نخست. " + "بسیار " * 80 + "طولانی."
    assert lead(body, max_chars=100) == "جمله نخست."


def test_lead_cuts_a_long_sentence_at_a_word_boundary() -> None:
    """A first sentence longer than max_chars is cut after a whole word and ends with «…»."""
    body = "، ".join(["استان ایلام"] * 40) + "."
    result = lead(body, max_chars=50)
    assert len(result) <= 50
    assert result.endswith("…")
    assert not result[:-1].endswith(("،", " "))
    assert {word.strip("،") for word in result[:-1].split()} == {"استان", "ایلام"}


def test_lead_drops_the_attribution_clause() -> None:
    """«به گزارش روابط عمومی …،» is not repeated in the lead; the agency is shown beside it."""
    body = "به گزارش روابط عمومی دانشگاه علوم پزشکی ایلام، معاون بهداشت گفت: واکسیناسیون آغاز شد."
    assert lead(body) == "معاون بهداشت گفت: واکسیناسیون آغاز شد."


def test_lead_of_empty_text_is_empty() -> None:
    """Nothing in, nothing out."""
    assert lead("") == ""
    assert lead("\n \n") == ""


# ---------------------------------------------------------------------------------------------
# Topics and county: focused cases
# ---------------------------------------------------------------------------------------------


def test_suggest_topics_respects_limit_and_orders_by_score(topics: tuple[Topic, ...]) -> None:
    """At most `limit` slugs come back, in decreasing score order."""
    text = (
        "افتتاح مدرسه و بیمارستان و ورزشگاه در ایوان\n"
        "با حضور دانش‌آموزان، پزشکان و ورزشکاران مدرسه، بیمارستان و سالن ورزشی افتتاح شد."
    )
    scores = topic_scores(text, topics)
    suggested = suggest_topics(text, topics, limit=2)
    assert len(suggested) == 2
    assert [scores[s] for s in suggested] == sorted((scores[s] for s in suggested), reverse=True)
    assert suggest_topics(text, topics, limit=0) == []


def test_suggest_topics_returns_nothing_for_text_without_signal(topics: tuple[Topic, ...]) -> None:
    """A text with no keyword gets no topic rather than a guess."""
    assert suggest_topics("سلام\n\nامروز هوا خوب است.", topics) == []
    assert suggest_topics("", topics) == []


def test_weak_topics_are_dropped_relative_to_the_best(topics: tuple[Topic, ...]) -> None:
    """A passing mention (here a school reopening) does not ride along with the main topic."""
    text = (
        "زلزله ۵ ریشتری دهلران خسارت جانی نداشت\n"
        "نجاتگران هلال احمر و تیم‌های ارزیاب خسارت به منطقه زلزله‌زده اعزام شدند و اقلام امدادی "
        "و چادر توزیع شد. مدارس فردا باز است."
    )
    assert suggest_topics(text, topics) == ["crisis"]


def test_title_keywords_outweigh_body_keywords(topics: tuple[Topic, ...]) -> None:
    """The same words count more in the title than in the body."""
    body = "در این آیین از ورزشکاران و کشاورزان تجلیل شد."
    assert suggest_topics(body, topics, title="تجلیل از کشاورزان نمونه")[0] == "agriculture"
    assert suggest_topics(body, topics, title="تجلیل از ورزشکاران نمونه")[0] == "sports"


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        ("دانشگاه علوم پزشکی ایلام", "health"),
        ("سازمان جهاد کشاورزی استان ایلام", "agriculture"),
        ("اداره کل آموزش و پرورش استان ایلام", "education"),
        ("اداره کل ورزش و جوانان استان ایلام", "sports"),
        ("اداره کل میراث فرهنگی، گردشگری و صنایع دستی استان ایلام", "tourism"),
        ("اداره کل فرهنگ و ارشاد اسلامی استان ایلام", "culture"),
        ("استانداری ایلام", "governance"),
        ("فرمانداری دهلران", "governance"),
        ("جمعیت هلال احمر استان ایلام", "crisis"),
        ("اداره کل مدیریت بحران استانداری ایلام", "crisis"),
        ("اداره کل بهزیستی استان ایلام", "welfare"),
        ("فرماندهی انتظامی استان ایلام", "security"),
        ("اداره کل حفاظت محیط زیست استان ایلام", "environment"),
        ("شرکت آب و فاضلاب استان ایلام", "infrastructure"),
        ("اداره کل گمرک استان ایلام", "border"),
    ],
)
def test_the_organization_name_is_a_strong_hint(topics: tuple[Topic, ...], org: str, expected: str) -> None:
    """With a neutral text, the organization's beat decides the topic."""
    text = "برگزاری نشست\n\nنشست هماهنگی برگزار شد و مسئولان درباره برنامه‌های سال آینده گفت‌وگو کردند."
    assert suggest_topics(text, topics, org_name=org)[0] == expected


def test_the_organization_hint_does_not_override_a_clear_text(topics: tuple[Topic, ...]) -> None:
    """A governor's office announcing earthquake damage is tagged crisis first."""
    text = (
        "زلزله ۴ ریشتری سیروان خسارت جانی نداشت\n"
        "فرماندار سیروان گفت: زمین‌لرزه بامداد امروز به ۱۰ واحد روستایی خسارت زد و تیم‌های ارزیاب "
        "هلال احمر به منطقه اعزام شدند."
    )
    assert suggest_topics(text, topics, org_name="فرمانداری سیروان")[0] == "crisis"


def test_pr_attribution_does_not_make_a_release_about_pr(topics: tuple[Topic, ...]) -> None:
    """«به گزارش روابط عمومی» and «مدیر روابط عمومی … گفت» are boilerplate, not the PR beat."""
    text = (
        "آغاز طرح غربالگری دیابت در ایلام\n"
        "به گزارش روابط عمومی دانشگاه علوم پزشکی ایلام، مدیر روابط عمومی این دانشگاه گفت: طرح "
        "غربالگری دیابت و فشار خون در مراکز خدمات جامع سلامت آغاز شد. شبکه اطلاع رسانی روابط عمومی "
        "ایران (شارا)"
    )
    assert "public_relations" not in suggest_topics(text, topics)
    assert suggest_topics(text, topics)[0] == "health"


def test_a_release_about_pr_gets_public_relations(topics: tuple[Topic, ...]) -> None:
    """The week of PR, the press and the media make the PR beat."""
    text = (
        "برگزاری نشست شورای هماهنگی روابط عمومی‌های استان\n"
        "در این نشست که به مناسبت هفته روابط عمومی برگزار شد، برنامه‌های اطلاع‌رسانی، تعامل با "
        "اصحاب رسانه و خبرنگاران و حضور روابط عمومی‌ها در فضای مجازی بررسی شد."
    )
    assert suggest_topics(text, topics)[0] == "public_relations"


def test_longest_phrase_wins(topics: tuple[Topic, ...]) -> None:
    """«دانشگاه علوم پزشکی» is health only; «کشتی» (wrestling) is sports, not an inflection of «کشت»."""
    assert set(topic_scores("دانشگاه علوم پزشکی", topics, title="")) == {"health"}
    assert set(topic_scores("مسابقات کشتی", topics, title="")) == {"sports"}
    assert set(topic_scores("کشت گندم", topics, title="")) == {"agriculture"}


def test_plural_and_ezafe_forms_match(topics: tuple[Topic, ...]) -> None:
    """Plural and ezafe forms of a keyword (written with or without a half-space) count for it."""
    for text in ("روستاهای گازرسانی شده", "گلخانه‌ها", "گلخانه ها", "گلخانهای", "زائران"):
        assert topic_scores(text, topics, title=""), text
    assert "agriculture" in topic_scores("گلخانه‌ها و کشاورزان", topics, title="")


def test_ilam_alone_is_the_province(counties: tuple[County, ...]) -> None:
    """«استان ایلام», «استانداری ایلام» and the medical university of Ilam are province-level."""
    text = (
        "برگزاری جشنواره فرهنگی اقوام در ایلام\n"
        "مدیرکل فرهنگ و ارشاد استان ایلام گفت: این جشنواره با حضور استاندار ایلام و "
        "رئیس دانشگاه علوم پزشکی ایلام برگزار می‌شود."
    )
    assert detect_county(text, counties) is None
    assert detect_county(text, counties, org_name="استانداری ایلام") is None


@pytest.mark.parametrize(
    "phrase",
    ["شهرستان ایلام", "شهر ایلام", "فرمانداری ایلام", "شهرداری ایلام", "فرماندار ایلام", "بخش چوار"],
)
def test_ilam_county_needs_a_qualifier(counties: tuple[County, ...], phrase: str) -> None:
    """The county of Ilam is detected from a qualified mention or one of its places."""
    assert detect_county(f"خبر\n\nطرح جدید در {phrase} افتتاح شد.", counties) == "ilam"


def test_an_organization_bound_to_a_county_is_a_strong_hint(counties: tuple[County, ...]) -> None:
    """An organization named after a county places a release that names no place."""
    text = "برگزاری جلسه شورای اداری\n\nجلسه شورای اداری با حضور مدیران برگزار شد."
    assert detect_county(text, counties, org_name="فرمانداری آبدانان") == "abdanan"
    assert detect_county(text, counties, org_name="اداره آموزش و پرورش شهرستان ایوان") == "eyvan"
    assert detect_county(text, counties, org_name="فرمانداری ایلام") == "ilam"
    assert detect_county(text, counties, org_name="دانشگاه علوم پزشکی ایلام") is None
    assert detect_county(text, counties, org_name="شرکت گاز استان ایلام") is None


def test_border_crossing_in_the_body_does_not_beat_the_title(counties: tuple[County, ...]) -> None:
    """A Dehloran release exporting through «پایانه مرزی مهران» stays a Dehloran release."""
    text = (
        "احداث کارخانه بسته‌بندی خرما در دهلران\n"
        "محصول این کارخانه از پایانه مرزی مهران و مرز مهران به عراق صادر می‌شود و کامیون‌ها از "
        "محور دهلران - مهران به پایانه مرزی مهران می‌روند."
    )
    assert detect_county(text, counties) == "dehloran"


def test_route_mentions_are_weak(counties: tuple[County, ...]) -> None:
    """A name after «محور» or «جاده» counts half, so a road does not outvote the town itself."""
    scores = county_scores("بهسازی\n\nبهسازی محور ایلام - مهران در شهر صالح‌آباد.", counties)
    assert scores == {"mehran": 2.0}


@pytest.mark.parametrize(
    "body",
    [
        "شاخص کیفیت هوا در شهرهای مهران، دهلران، آبدانان و ایلام ناسالم است.",
        "این طرح در شهرستان‌های ایوان، چرداول و سیروان اجرا می‌شود.",
        "طرح‌های شهرستان‌های مهران و دهلران در روز نخست افتتاح می‌شود.",
    ],
)
def test_several_counties_make_a_release_province_wide(counties: tuple[County, ...], body: str) -> None:
    """A release listing several counties without one in its title is province-wide."""
    assert detect_county(f"هشدار در استان\n\n{body}", counties) is None


def test_three_counties_in_the_title_are_province_wide(counties: tuple[County, ...]) -> None:
    """A title naming three counties is about the province."""
    text = "بارش شدید باران در مهران، دهلران و آبدانان\n\nبارش‌ها تا فردا ادامه دارد."
    assert detect_county(text, counties) is None


def test_malekshahi_the_surname_is_not_the_county(counties: tuple[County, ...]) -> None:
    """«ملکشاهی» after a first name is a person; after «شهرستان» it is the county."""
    person = "افتتاح بخش جدید بیمارستان\n\nدکتر رضا ملکشاهی رئیس بیمارستان گفت: بخش جدید افتتاح شد."
    assert detect_county(person, counties) is None
    place = "افتتاح بخش جدید بیمارستان\n\nاین بخش در شهرستان ملکشاهی افتتاح شد."
    assert detect_county(place, counties) == "malekshahi"


def test_a_first_name_after_a_title_is_not_a_county(counties: tuple[County, ...]) -> None:
    """«دکتر مهران …» and «سرهنگ سیروان …» are people, not the counties of the same name."""
    text = "تجلیل از پزشکان\n\nدکتر مهران کریمی و سرهنگ سیروان احمدی از کادر درمان تجلیل کردند."
    assert detect_county(text, counties) is None


def test_old_and_alternative_county_names(counties: tuple[County, ...]) -> None:
    """Old names and alternative spellings point at the county of today."""
    assert detect_county("خبر\n\nاین طرح در شیروان چرداول اجرا شد.", counties) == "chardavol"
    assert detect_county("خبر\n\nاین طرح در ایوان غرب اجرا شد.", counties) == "eyvan"
    assert detect_county("خبر\n\nاین طرح در دره شهر اجرا شد.", counties) == "darrehshahr"
    assert detect_county("خبر\n\nاین طرح در درهشهر اجرا شد.", counties) == "darrehshahr"


def test_nothing_found_is_province_wide(counties: tuple[County, ...]) -> None:
    """Text without any place name gives None."""
    assert detect_county("خبر\n\nجلسه برگزار شد.", counties) is None
    assert detect_county("", counties) is None


# ---------------------------------------------------------------------------------------------
# Synthetic releases for topics and counties the samples do not cover
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    org: str | None
    text: str
    top_topic: str
    county: str | None


SYNTHETIC = [
    Case(
        "education_malekshahi",
        "اداره آموزش و پرورش شهرستان ملکشاهی",
        "بهره‌برداری از مدرسه ۶ کلاسه خیرساز در ارکواز\n\n"
        "رئیس اداره آموزش و پرورش شهرستان ملکشاهی گفت: این مدرسه با مشارکت خیرین مدرسه‌ساز و اعتبار "
        "۲۵ میلیارد ریال ساخته شده و ۱۵۰ دانش‌آموز دوره ابتدایی در آن تحصیل می‌کنند.\n"
        "وی افزود: با آغاز سال تحصیلی جدید کمبود کلاس درس در این شهر برطرف می‌شود.",
        "education",
        "malekshahi",
    ),
    Case(
        "sports_mehran",
        "اداره کل ورزش و جوانان استان ایلام",
        "تیم فوتبال جوانان مهران قهرمان لیگ استان شد\n\n"
        "به گزارش روابط عمومی اداره کل ورزش و جوانان استان ایلام، در دیدار پایانی مسابقات فوتبال "
        "جوانان استان که در ورزشگاه تختی ایلام برگزار شد، تیم مهران با دو گل از سد نماینده دره‌شهر "
        "گذشت و عنوان قهرمانی را کسب کرد.",
        "sports",
        "mehran",
    ),
    Case(
        "welfare_sirvan",
        "کمیته امداد امام خمینی (ره) استان ایلام",
        "اهدای ۵۰ سری جهیزیه به نوعروسان مددجوی سیروان\n\n"
        "رئیس کمیته امداد امام خمینی (ره) شهرستان سیروان گفت: این جهیزیه‌ها با کمک خیرین و اعتبارات "
        "حمایتی به ارزش ۱۲ میلیارد ریال تهیه و در شهر لومار به خانواده‌های مددجو تحویل داده شد.",
        "welfare",
        "sirvan",
    ),
    Case(
        "security_dehloran",
        "فرماندهی انتظامی استان ایلام",
        "کشف ۲۰۰ کیلوگرم مواد مخدر در دهلران\n\n"
        "فرمانده انتظامی استان ایلام گفت: ماموران پلیس مبارزه با مواد مخدر در بازرسی از یک دستگاه "
        "کامیون در محور دهلران - مهران ۲۰۰ کیلوگرم تریاک کشف کردند.\n"
        "وی افزود: در این عملیات دو قاچاقچی دستگیر و تحویل مراجع قضایی شدند.",
        "security",
        "dehloran",
    ),
    Case(
        "environment_province",
        "اداره کل حفاظت محیط زیست استان ایلام",
        "هشدار افزایش غلظت گرد و غبار در استان ایلام\n\n"
        "مدیرکل حفاظت محیط زیست استان ایلام گفت: با ورود توده گرد و غبار از کشور عراق، شاخص کیفیت "
        "هوا در شهرهای مهران، دهلران، آبدانان و ایلام به وضعیت ناسالم رسیده است.\n"
        "وی از شهروندان به‌ویژه بیماران قلبی و تنفسی خواست از تردد غیرضروری خودداری کنند.",
        "environment",
        None,
    ),
    Case(
        "tourism_darrehshahr",
        "اداره میراث فرهنگی، گردشگری و صنایع دستی شهرستان دره‌شهر",
        "ثبت ۱۲ هزار بازدید نوروزی از شهر تاریخی سیمره\n\n"
        "رئیس اداره میراث فرهنگی، گردشگری و صنایع دستی شهرستان دره‌شهر گفت: در تعطیلات نوروز بیش از "
        "۱۲ هزار گردشگر از این محوطه تاریخی بازدید کردند.\n"
        "وی افزود: ستاد خدمات سفر شهرستان با برپایی چادرهای اسکان موقت و غرفه‌های صنایع دستی میزبان "
        "مسافران نوروزی بود.",
        "tourism",
        "darrehshahr",
    ),
    Case(
        "border_mehran",
        "فرمانداری ویژه مهران",
        "تردد بیش از یک میلیون زائر اربعین از پایانه مرزی مهران\n\n"
        "فرماندار ویژه مهران گفت: از آغاز سفرهای اربعین تاکنون بیش از یک میلیون و ۲۰۰ هزار زائر از "
        "مرز مهران به عراق تردد کرده‌اند.\n"
        "وی افزود: ۲۴۰ موکب در شهر مهران و صالح‌آباد به زائران خدمات اسکان و پذیرایی ارائه می‌کنند.",
        "border",
        "mehran",
    ),
    Case(
        "health_holeylan",
        "شبکه بهداشت و درمان شهرستان هلیلان",
        "افتتاح مرکز خدمات جامع سلامت روستایی در هلیلان\n\n"
        "رئیس شبکه بهداشت و درمان شهرستان هلیلان گفت: این مرکز با ۸ میلیارد ریال اعتبار در شهر توحید "
        "ساخته شده و به ۶ هزار نفر از جمعیت روستایی خدمات بهداشتی، مامایی و دندانپزشکی ارائه می‌دهد.",
        "health",
        "holeylan",
    ),
    Case(
        "pr_province",
        "استانداری ایلام",
        "تجلیل از ۸۰ خبرنگار و فعال رسانه‌ای استان ایلام در روز خبرنگار\n\n"
        "به گزارش روابط عمومی استانداری ایلام، در این آیین که با حضور معاون سیاسی، امنیتی و اجتماعی "
        "استاندار برگزار شد از خبرنگاران، عکاسان خبری و مدیران رسانه‌های استان تجلیل شد.\n"
        "معاون استاندار گفت: اصحاب رسانه با انعکاس مطالبات مردم و اطلاع‌رسانی دقیق، پل ارتباطی مردم "
        "و مسئولان هستند.",
        "public_relations",
        None,
    ),
    Case(
        "crisis_badreh",
        "جمعیت هلال احمر استان ایلام",
        "آبگرفتگی ۱۲ واحد مسکونی در روستاهای بدره بر اثر سیلاب\n\n"
        "رئیس جمعیت هلال احمر شهرستان بدره گفت: بارش شدید باران عصر دیروز موجب طغیان رودخانه و "
        "آبگرفتگی ۱۲ واحد مسکونی در روستاهای این شهرستان شد.\n"
        "وی افزود: نجاتگران هلال احمر با اعزام دو تیم امدادی، ۴۰ نفر را به محل اسکان اضطراری منتقل "
        "کردند و خسارت جانی گزارش نشده است.",
        "crisis",
        "badreh",
    ),
    Case(
        "agriculture_eyvan",
        "مدیریت جهاد کشاورزی شهرستان ایوان",
        "پیش‌بینی برداشت ۱۸ هزار تن گندم از مزارع ایوان\n\n"
        "مدیر جهاد کشاورزی شهرستان ایوان گفت: امسال ۹ هزار هکتار از اراضی این شهرستان به کشت گندم دیم "
        "و آبی اختصاص یافته است.\n"
        "وی افزود: خرید تضمینی گندم از کشاورزان در مراکز خرید زرنه و ایوان از اول خرداد آغاز می‌شود.",
        "agriculture",
        "eyvan",
    ),
    Case(
        "governance_ilam_county",
        "فرمانداری ایلام",
        "جلسه شورای اداری شهرستان ایلام برگزار شد\n\n"
        "فرماندار ایلام در این جلسه با تاکید بر پاسخگویی مدیران و اجرای دقیق مصوبات سفر استانی گفت: "
        "دستگاه‌های اجرایی باید گزارش عملکرد خود را تا پایان ماه به فرمانداری ارائه کنند.\n"
        "وی افزود: رفع مشکلات بخش چوار در اولویت برنامه‌های دولت قرار دارد.",
        "governance",
        "ilam",
    ),
    Case(
        "culture_province",
        "اداره کل فرهنگ و ارشاد اسلامی استان ایلام",
        "برگزاری جشنواره موسیقی نواحی در ایلام\n\n"
        "مدیرکل فرهنگ و ارشاد اسلامی استان ایلام گفت: هنرمندان موسیقی محلی از ۱۱ شهرستان استان در "
        "این جشنواره به اجرای برنامه می‌پردازند و نمایشگاه کتاب و خوشنویسی نیز برپا می‌شود.",
        "culture",
        None,
    ),
    Case(
        "infrastructure_abdanan",
        "شرکت توزیع نیروی برق استان ایلام",
        "برق‌رسانی به ۸ روستای بخش کلات\n\n"
        "مدیرعامل شرکت توزیع نیروی برق استان ایلام گفت: با احداث ۱۲ کیلومتر شبکه برق و نصب ۶ پست "
        "هوایی، ۸ روستای اطراف مورموری از برق پایدار بهره‌مند شدند.",
        "infrastructure",
        "abdanan",
    ),
    Case(
        "economy_chardavol",
        "اداره کل صنعت، معدن و تجارت استان ایلام",
        "بازگشت ۴ واحد صنعتی راکد سرابله به چرخه تولید\n\n"
        "رئیس اداره صنعت، معدن و تجارت چرداول گفت: با حمایت کارگروه تسهیل و رفع موانع تولید و پرداخت "
        "۹۰ میلیارد ریال تسهیلات بانکی، ۴ واحد صنعتی شهرک صنعتی سرابله با اشتغال ۱۲۰ نفر دوباره فعال شد.",
        "economy",
        "chardavol",
    ),
]


@pytest.mark.parametrize("case", SYNTHETIC, ids=lambda case: case.name)
def test_synthetic_release_top_topic_and_county(
    topics: tuple[Topic, ...], counties: tuple[County, ...], case: Case
) -> None:
    """Each synthetic release gets its beat as the first topic and its county (or none)."""
    assert suggest_topics(case.text, topics, org_name=case.org)[0] == case.top_topic
    assert detect_county(case.text, counties, org_name=case.org) == case.county


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("case", SYNTHETIC, ids=lambda case: case.name)
def test_spelling_variants_give_the_same_tags(
    topics: tuple[Topic, ...], counties: tuple[County, ...], case: Case, variant: str
) -> None:
    """Arabic ي/ك, missing half-spaces, half-spaces typed as spaces and Latin digits change nothing."""
    transform = VARIANTS[variant]
    text, org = transform(case.text), transform(case.org) if case.org else None
    assert suggest_topics(text, topics, org_name=org) == suggest_topics(case.text, topics, org_name=case.org)
    assert detect_county(text, counties, org_name=org) == case.county


def test_explicit_title_equals_title_taken_from_text(topics: tuple[Topic, ...], counties: tuple[County, ...]) -> None:
    """Passing the title (as the pipeline does) tags like letting split_title find it."""
    for case in SYNTHETIC:
        title, _ = split_title(case.text)
        assert suggest_topics(case.text, topics, org_name=case.org, title=title) == suggest_topics(
            case.text, topics, org_name=case.org
        )
        assert detect_county(case.text, counties, org_name=case.org, title=title) == case.county


# ---------------------------------------------------------------------------------------------
# Agreement with the labelled samples
# ---------------------------------------------------------------------------------------------


def _samples() -> list[dict[str, object]]:
    with SAMPLES.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_agreement_with_sample_labels(topics: tuple[Topic, ...], counties: tuple[County, ...]) -> None:
    """On the labelled samples: county exact 7/7, first topic labelled 7/7, mean Jaccard ≥ 0.8."""
    samples = _samples()
    county_hits = top_hits = 0
    jaccards: list[float] = []
    for sample in samples:
        text, org = str(sample["text"]), str(sample["org"])
        labels = set(sample["topics"])  # type: ignore[call-overload]
        suggested = suggest_topics(text, topics, org_name=org)
        county = detect_county(text, counties, org_name=org)
        county_hits += county == sample["county"]
        top_hits += bool(suggested) and suggested[0] in labels
        jaccards.append(len(labels & set(suggested)) / len(labels | set(suggested)))
        print(f"{sample['id']}: topics {suggested} vs {sorted(labels)}; county {county} vs {sample['county']}")
    mean_jaccard = sum(jaccards) / len(jaccards)
    total = len(samples)
    print(f"county {county_hits}/{total}, top topic in labels {top_hits}/{total}, mean Jaccard {mean_jaccard:.2f}")
    assert total == 7
    assert county_hits == total
    assert top_hits == total
    assert mean_jaccard >= 0.8


def test_raw_and_display_forms_of_samples_agree(topics: tuple[Topic, ...], counties: tuple[County, ...]) -> None:
    """Raw sample text (Arabic letters, no half-spaces) tags like its Persian-letter form."""
    for sample in _samples():
        raw, org = str(sample["text"]), str(sample["org"])
        persian = raw.replace("ي", "ی").replace("ك", "ک")
        assert suggest_topics(raw, topics, org_name=org) == suggest_topics(persian, topics, org_name=org)
        assert detect_county(raw, counties, org_name=org) == detect_county(persian, counties, org_name=org)


def test_tagging_a_long_release_is_fast(topics: tuple[Topic, ...], counties: tuple[County, ...]) -> None:
    """Title, topics and county of the longest sample take well under 5 ms (best of 20 runs)."""
    sample = max(_samples(), key=lambda s: len(str(s["text"])))
    text, org = str(sample["text"]), str(sample["org"])
    suggest_topics(text, topics, org_name=org)  # compile the indexes once, as at start-up
    best = float("inf")
    for round_number in range(20):
        varied = f"{text}\n{round_number}"  # defeat the folded-text cache: every release is new
        started = time.perf_counter()
        title, _ = split_title(varied)
        suggest_topics(varied, topics, org_name=org, title=title)
        detect_county(varied, counties, org_name=org, title=title)
        best = min(best, time.perf_counter() - started)
    print(f"tagging {len(text)} characters: {best * 1000:.2f} ms")
    assert best < 0.005
