"""The accountability chart: releases per organization in a Jalali month, as a PNG with Persian labels.

matplotlib lays text out left to right and does not join Arabic-script letters, so every Persian label
is shaped first: ``arabic_reshaper`` picks each letter's joined form (initial, medial, final) and
``python-bidi`` reorders the string into visual order (right to left, digits kept left to right). The
shaped string is then drawn as if it were Latin text. The default font has no Persian glyphs, so the
package ships Vazirmatn (SIL OFL, ``bot/data/fonts/``).

The layout reads right to left too: organization names on the right, bars growing leftwards from them,
the most active organization at the top, silent ones (nothing published) greyed and marked «بی‌خبر».

The responsiveness chart ranks the agencies that received journalists' questions the same way: one bar
per agency, its length the whole of its settled questions, split into answered within the time (first,
next to the name), answered late, declined and left unanswered; the share answered within the time and
the counts are written beside it. An agency with no answer at all is drawn in red and marked «بی‌پاسخ».

matplotlib is imported inside the rendering functions only: it costs about a second and 30 MB, and only
``/report`` needs it. Rendering holds a lock because matplotlib's font registry and rc settings are
process-wide; it is meant to run in a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import arabic_reshaper  # type: ignore[import-untyped]  # no type information published
from bidi.algorithm import get_display  # type: ignore[import-untyped]  # no py.typed marker

from bot import texts
from bot.domain.digits import fa, to_persian_digits
from bot.domain.jalali import format_month

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FILE = "Vazirmatn-Regular.ttf"
FONT_FAMILY = "Vazirmatn"
# Telegram's limits for sendPhoto: width + height at most 10000 px, aspect ratio at most 20.
PHOTO_MAX_SIDES = 10_000
PHOTO_MAX_RATIO = 20
NAME_MAX_CHARS = 45
WIDTH_INCHES = 10.0
ROW_INCHES = 0.36
FRAME_INCHES = 1.8
BEST_DPI = 150

BAR_COLOR = "#2f6f8f"
SILENT_COLOR = "#9a9a9a"
TEXT_COLOR = "#222222"
# The responsiveness chart's segments, from the name outwards, and the colour of an agency with no answer.
IN_TIME_COLOR = "#2e7d4f"
LATE_COLOR = "#e0a526"
DECLINED_COLOR = "#8d8d8d"
UNRESOLVED_COLOR = "#c0392b"
UNANSWERED_COLOR = "#b03a2e"
# Percentages run 0-100; the space beyond holds the labels (share and counts) in a column.
PERCENT_LIMIT = 150
PERCENT_TICKS = (0, 25, 50, 75, 100)

_lock = threading.Lock()
_font_registered = False


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One organization's bar: its name and how many releases it published."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class ResponsivenessBar:
    """One agency's bar in the responsiveness ranking: its settled questions by what became of them."""

    name: str
    in_time: int  # answered within the time
    late: int  # answered after it
    declined: int
    unresolved: int  # past the time or closed, with no answer
    waiting: int  # open and still within the time: not in the bar
    percent: int | None  # answered within the time, of the settled questions; None when none is settled
    unanswered: bool  # settled questions and not one answer

    @property
    def settled(self) -> int:
        """The questions the bar is made of."""
        return self.in_time + self.late + self.declined + self.unresolved


@dataclass(frozen=True, slots=True)
class Chart:
    """A rendered PNG and its pixel size (to decide whether Telegram takes it as a photo)."""

    png: bytes
    width: int
    height: int

    @property
    def fits_photo(self) -> bool:
        """Whether Telegram accepts the image with sendPhoto (otherwise send it as a document)."""
        longer, shorter = max(self.width, self.height), max(min(self.width, self.height), 1)
        return self.width + self.height <= PHOTO_MAX_SIDES and longer / shorter <= PHOTO_MAX_RATIO


def shape(text: str) -> str:
    """Persian ``text`` in the visual order and joined letter forms a left-to-right renderer needs.

    The bidi step is python-bidi's pure-Python implementation: unlike its Rust one (``bidi.get_display``)
    it mirrors brackets (rule L4), so «(سمن)» does not come out as «)سمن(».
    """
    return str(get_display(arabic_reshaper.reshape(text), base_dir="R"))


def _short_name(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= NAME_MAX_CHARS else name[: NAME_MAX_CHARS - 1].rstrip() + "…"


def font_path() -> str:
    """The bundled Persian font file (packaged data, a real file in any ordinary install)."""
    return str(resources.files("bot") / "data" / "fonts" / FONT_FILE)


def render_month_chart(year: int, month: int, bars: Sequence[ChartBar]) -> Chart:
    """Draw the releases per organization of a Jalali month; ``bars`` in the order to show, top first."""
    with _lock:
        return _render(year, month, bars)


def render_responsiveness_chart(year: int, month: int, bars: Sequence[ResponsivenessBar]) -> Chart:
    """Draw the agencies' answers to questions in a Jalali month; ``bars`` in ranking order, best first."""
    with _lock:
        return _render_responsiveness(year, month, bars)


def _register_font() -> None:
    from matplotlib import font_manager  # noqa: PLC0415 - heavy, needed only here

    global _font_registered  # noqa: PLW0603 - the process-wide font registry is filled once
    if not _font_registered:
        font_manager.fontManager.addfont(font_path())
        _font_registered = True


def _figure_size(bars: int) -> tuple[float, int]:
    """The figure's height in inches for ``bars`` rows, and a resolution that keeps it within Telegram's limits."""
    height = FRAME_INCHES + ROW_INCHES * max(bars, 1)
    return height, min(BEST_DPI, int((PHOTO_MAX_SIDES - 200) / (WIDTH_INCHES + height + 1)))


CHART_SETTINGS = {"font.family": FONT_FAMILY, "axes.unicode_minus": False}


def _png(figure: Figure) -> Chart:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", pad_inches=0.25, metadata={"Software": None})
    png = buffer.getvalue()
    width, height_px = _png_size(png)
    return Chart(png, width, height_px)


def _render(year: int, month: int, bars: Sequence[ChartBar]) -> Chart:
    from matplotlib import rc_context  # noqa: PLC0415 - heavy, needed only here
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: PLC0415

    _register_font()
    rows = max(len(bars), 1)
    height, dpi = _figure_size(len(bars))
    with rc_context(CHART_SETTINGS):
        figure = Figure(figsize=(WIDTH_INCHES, height), dpi=dpi)
        axes = figure.add_subplot()
        positions = list(range(len(bars)))[::-1]  # the first bar at the top
        counts = [bar.count for bar in bars]
        colors = [BAR_COLOR if count else SILENT_COLOR for count in counts]
        axes.barh(positions, counts, color=colors, height=0.62)
        top = max([*counts, 1])
        pad = top * 0.012
        for position, count in zip(positions, counts, strict=True):
            if count:
                label, color = fa(count), TEXT_COLOR
            else:
                label, color = shape(texts.REPORT_CHART_SILENT), SILENT_COLOR
            axes.text(count + pad, position, label, va="center", ha="right", color=color, fontsize=10)
        axes.set_yticks(positions, labels=[shape(_short_name(bar.name)) for bar in bars], fontsize=10)
        axes.yaxis.tick_right()  # before colouring: the labels shown are then the right-hand ones
        for tick, count in zip(axes.get_yticklabels(), counts, strict=True):
            tick.set_color(TEXT_COLOR if count else SILENT_COLOR)
        axes.tick_params(axis="y", length=0, pad=6)
        axes.set_xlim(top * 1.15, 0)  # inverted: bars grow leftwards from the names on the right
        axes.set_ylim(-0.7, rows - 0.3)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: to_persian_digits(f"{value:.0f}")))
        axes.set_xlabel(shape(texts.REPORT_CHART_AXIS), fontsize=11)
        axes.set_title(
            shape(texts.REPORT_CHART_TITLE.format(month=format_month(year, month))), fontsize=14, pad=12, loc="right"
        )
        axes.grid(axis="x", color="#dddddd", linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "left"):
            axes.spines[side].set_visible(False)
        if not bars:
            axes.text(top / 2, 0, shape(texts.REPORT_CHART_EMPTY), ha="center", va="center", color=SILENT_COLOR)
        return _png(figure)


def _bar_label(bar: ResponsivenessBar) -> tuple[str, str]:
    """The text beside an agency's bar and its colour: the share within the time and the counts."""
    waiting = [texts.REPORT_Q_CHART_WAITING.format(waiting=fa(bar.waiting))] if bar.waiting else []
    if bar.percent is None:  # every question still has time
        return texts.LIST_SEPARATOR.join(waiting), SILENT_COLOR
    if bar.unanswered:
        share = texts.REPORT_Q_CHART_UNANSWERED.format(in_time=fa(bar.in_time), settled=fa(bar.settled))
        color = UNANSWERED_COLOR
    else:
        share = texts.REPORT_Q_CHART_LABEL.format(
            percent=texts.REPORT_Q_CHART_PERCENT.format(percent=fa(bar.percent)),
            in_time=fa(bar.in_time),
            settled=fa(bar.settled),
        )
        color = TEXT_COLOR
    return texts.LIST_SEPARATOR.join([share, *waiting]), color


def _render_responsiveness(year: int, month: int, bars: Sequence[ResponsivenessBar]) -> Chart:
    from matplotlib import rc_context  # noqa: PLC0415 - heavy, needed only here
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415
    from matplotlib.ticker import FixedLocator, FuncFormatter  # noqa: PLC0415

    _register_font()
    rows = max(len(bars), 1)
    height, dpi = _figure_size(len(bars))
    segments = (  # from the name outwards
        (texts.REPORT_Q_CHART_IN_TIME, IN_TIME_COLOR, [bar.in_time for bar in bars]),
        (texts.REPORT_Q_CHART_LATE, LATE_COLOR, [bar.late for bar in bars]),
        (texts.REPORT_Q_CHART_DECLINED, DECLINED_COLOR, [bar.declined for bar in bars]),
        (texts.REPORT_Q_CHART_UNRESOLVED, UNRESOLVED_COLOR, [bar.unresolved for bar in bars]),
    )
    with rc_context(CHART_SETTINGS):
        figure = Figure(figsize=(WIDTH_INCHES, height + 0.3), dpi=dpi)  # a little more for the legend
        axes = figure.add_subplot()
        positions = list(range(len(bars)))[::-1]  # the best agency at the top
        lefts = [0.0] * len(bars)
        for _, color, counts in segments:
            widths = [100 * n / bar.settled if bar.settled else 0.0 for n, bar in zip(counts, bars, strict=True)]
            axes.barh(positions, widths, left=lefts, color=color, height=0.62)
            lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
        for position, bar in zip(positions, bars, strict=True):
            label, color = _bar_label(bar)
            axes.text(100 + 1.5, position, shape(label), va="center", ha="right", color=color, fontsize=10)
        axes.set_yticks(positions, labels=[shape(_short_name(bar.name)) for bar in bars], fontsize=10)
        axes.yaxis.tick_right()  # before colouring: the labels shown are then the right-hand ones
        for tick, bar in zip(axes.get_yticklabels(), bars, strict=True):
            tick.set_color(UNANSWERED_COLOR if bar.unanswered else TEXT_COLOR)
        axes.tick_params(axis="y", length=0, pad=6)
        axes.set_xlim(PERCENT_LIMIT, 0)  # inverted, as in the publishing chart; the labels beyond 100
        axes.set_ylim(-0.7, rows - 0.3)
        axes.xaxis.set_major_locator(FixedLocator(PERCENT_TICKS))
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda value, _: shape(texts.REPORT_Q_CHART_PERCENT.format(percent=fa(round(value)))))
        )
        axes.set_xlabel(shape(texts.REPORT_Q_CHART_AXIS), fontsize=11, x=1.0, ha="right")
        axes.set_title(
            shape(texts.REPORT_Q_CHART_TITLE.format(month=format_month(year, month))), fontsize=14, pad=34, loc="right"
        )
        # Right to left: the first segment's key rightmost, each key's swatch on the right of its words.
        axes.legend(
            handles=[Patch(color=color) for _, color, _ in reversed(segments)],
            labels=[shape(label) for label, _, _ in reversed(segments)],
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=len(segments),
            frameon=False,
            markerfirst=False,
            fontsize=10,
            handlelength=1.2,
            columnspacing=1.4,
        )
        axes.grid(axis="x", color="#dddddd", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.spines["bottom"].set_bounds(0, 100)
        for side in ("top", "left"):
            axes.spines[side].set_visible(False)
        if not bars:
            axes.text(50, 0, shape(texts.REPORT_Q_CHART_EMPTY), ha="center", va="center", color=SILENT_COLOR)
        return _png(figure)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
