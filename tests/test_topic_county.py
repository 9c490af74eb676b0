"""The county rule of issue 14: a provincial agency naming a county once in passing is province-wide."""

from __future__ import annotations

import pytest

from bot.domain.tagging import County, detect_county, load_counties

TRADE_REPORT = (
    "نشست فعالان اقتصادی استان با هیئت تجاری عراق\n\n"
    "رئیس اتاق بازرگانی گفت: حجم مبادلات تجاری استان با عراق به یک میلیارد دلار رسید. "
    "{mention} فرصت تازه‌ای برای همکاری دو طرف است و تفاهم‌نامه همکاری امضا شد."
)
CHAMBER = "اتاق بازرگانی، صنایع، معادن و کشاورزی ایلام"


@pytest.fixture(scope="module")
def counties() -> tuple[County, ...]:
    return load_counties()


def test_one_passing_mention_by_a_provincial_agency_is_province_wide(counties: tuple[County, ...]) -> None:
    """«منطقه آزاد مهران» once in the body of a provincial chamber's report: not Mehran's news."""
    text = TRADE_REPORT.format(mention="منطقه آزاد مهران")
    assert detect_county(text, counties, org_name=CHAMBER) is None


def test_without_an_agency_the_one_mention_still_places_the_release(counties: tuple[County, ...]) -> None:
    """The rule is about provincial agencies: a text with no agency named keeps its one county."""
    assert detect_county(TRADE_REPORT.format(mention="منطقه آزاد مهران"), counties) == "mehran"


@pytest.mark.parametrize(
    "mention",
    [
        "ایجاد منطقه آزاد در شهرستان مهران",  # qualified
        "منطقه آزاد مهران و بازار مهران",  # named twice
    ],
)
def test_more_than_a_passing_mention_places_a_provincial_release(counties: tuple[County, ...], mention: str) -> None:
    """A qualified mention or two plain ones are the release's county, even from a provincial agency."""
    assert detect_county(TRADE_REPORT.format(mention=mention), counties, org_name=CHAMBER) == "mehran"


def test_a_county_in_the_title_needs_no_more(counties: tuple[County, ...]) -> None:
    """One mention in the title anchors the release, whoever publishes it."""
    text = "صادرات از مهران رشد کرد\n\nرئیس اتاق بازرگانی گفت: صادرات ۸ درصد رشد کرد."
    assert detect_county(text, counties, org_name=CHAMBER) == "mehran"


def test_an_agency_of_another_county_is_not_provincial(counties: tuple[County, ...]) -> None:
    """An agency named after a county is local: its county's hint decides, as before."""
    text = TRADE_REPORT.format(mention="منطقه آزاد مهران")
    assert detect_county(text, counties, org_name="فرمانداری دهلران") == "dehloran"
    assert detect_county(text, counties, org_name="فرمانداری مهران") == "mehran"
