"""``fa``: the one helper that writes numbers in Persian digits, as the call sites it replaces did."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.digits import fa, fa_number, to_persian_digits


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "۰"),
        (7, "۷"),
        (1405, "۱۴۰۵"),
        (1234567, "۱۲۳۴۵۶۷"),  # no thousands separator: that is fa_number
        (-5, "-۵"),
        (1.5, "۱٫۵"),
        (0.25, "۰٫۲۵"),
        (2.0, "۲٫۰"),
        (-0.5, "-۰٫۵"),
        ("23:00", "۲۳:۰۰"),
        ("1405/09/07 10:00", "۱۴۰۵/۰۹/۰۷ ۱۰:۰۰"),
        ("٣٤", "۳۴"),  # Arabic-Indic digits become Persian too
        ("۱۲", "۱۲"),
        ("v1.2", "v۱.۲"),  # in text a dot is left alone
        ("", ""),
    ],
)
def test_fa(value: int | float | str, expected: str) -> None:
    assert fa(value) == expected


@given(st.integers())
def test_an_int_reads_as_the_local_helpers_wrote_it(value: int) -> None:
    """The local ``fa`` helpers the desk and the admin handlers had, and ``to_persian_digits(str(n))``."""
    assert fa(value) == to_persian_digits(str(value))
    assert fa(value) == fa_number(value).replace("٬", "")


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_a_rounded_float_reads_as_the_rate_and_size_are_written(value: float) -> None:
    """/stats' rate and /backup's size: one decimal, Persian digits and decimal separator."""
    assert fa(round(value, 1)) == to_persian_digits(f"{value:.1f}").replace(".", "٫")


@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹:/-. abc"))
def test_text_changes_only_its_digits(value: str) -> None:
    assert fa(value) == to_persian_digits(value)
    assert not any(c in "0123456789٠١٢٣٤٥٦٧٨٩" for c in fa(value))


@pytest.mark.parametrize("value", [True, False, None, b"12", [1]])
def test_anything_but_a_number_or_text_is_refused(value: object) -> None:
    with pytest.raises(TypeError):
        fa(value)  # type: ignore[arg-type]
