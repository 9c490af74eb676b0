"""The question desk's views without Telegram: the agency picker's pages."""

from __future__ import annotations

import pytest

from bot import texts
from bot.telegram.views.questions import PICKER_PAGE, agency_picker

AGENCIES = [(str(i), f"دستگاه {i}") for i in range(1, 2 * PICKER_PAGE + 3)]  # three pages of agencies


def _data(keyboard: object) -> list[list[str]]:
    return [[b.callback_data for b in row] for row in keyboard.inline_keyboard]  # type: ignore[attr-defined]


def test_the_ask_picker_pages_through_every_agency() -> None:
    """/ask's picker: one agency per row, «بعدی» on the first page, both on a middle one, «قبلی» on the last."""
    text, first = agency_picker(AGENCIES, 0, question_id=0)
    assert text == texts.Q_ASK_PICK.format(page="۱", pages="۳")
    rows = _data(first)
    assert rows[:-1] == [[f"qa:{i}:0"] for i in range(1, PICKER_PAGE + 1)]
    assert rows[-1] == ["qp:0:1"]
    assert first.inline_keyboard[0][0].text == "دستگاه 1 (۱)"
    _, middle = agency_picker(AGENCIES, 1, question_id=0)
    assert _data(middle)[-1] == ["qp:0:0", "qp:0:2"]
    _, last = agency_picker(AGENCIES, 2, question_id=0)
    assert _data(last) == [["qa:17:0"], ["qa:18:0"], ["qp:0:1"]]


@pytest.mark.parametrize("page", [-5, 99])
def test_a_page_out_of_range_shows_the_nearest(page: int) -> None:
    """A stale page button (agencies were removed since) shows the first or the last page, never an empty one."""
    text, keyboard = agency_picker(AGENCIES, page, question_id=0)
    assert keyboard.inline_keyboard
    assert text.startswith("از کدام دستگاه می‌پرسید؟")


def test_the_forward_picker_leaves_out_the_agency_the_question_is_with() -> None:
    """Forwarding question 7 offers every agency but its own, and its pages say which question they are for."""
    text, keyboard = agency_picker(AGENCIES[:3], 0, question_id=7, exclude=2)
    assert text == texts.Q_FORWARD_PICK.format(id="۷", page="۱", pages="۱")
    assert _data(keyboard) == [["qf:7:1"], ["qf:7:3"]]
