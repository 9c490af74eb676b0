"""Rendering releases as Telegram HTML message parts within Telegram's limits."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.render import (
    CAPTION_LIMIT,
    CONTINUED_MARK,
    TEXT_LIMIT,
    MessagePart,
    ReleaseView,
    cut_at_word,
    escape,
    hashtag,
    render_release,
    split_plain,
    utf16_length,
)

TEHRAN = ZoneInfo("Asia/Tehran")
PUBLISHED = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)  # ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰ in Tehran
SAMPLES = Path(__file__).parent / "data" / "releases.jsonl"
MEDIA_KINDS = ("photo", "video", "document", "album")

SENTENCE = "آبرسانی به روستاهای شهرستان ایوان با اعتبار ۱۲ میلیارد ریال آغاز شد. "
LONG_BODY = "\n\n".join(SENTENCE * (6 + index % 5) for index in range(60))


def make_view(**changes: object) -> ReleaseView:
    view = ReleaseView(
        release_id=123,
        title="آغاز آبرسانی به روستاهای ایوان",
        body="پاراگراف نخست.\n\nپاراگراف دوم.",
        org_name="شرکت آب و فاضلاب استان ایلام",
        county_name="ایوان",
        topic_hashtags=("آب و فاضلاب", "روستا"),
        county_hashtag="ایوان",
        published_at=PUBLISHED,
    )
    return replace(view, **changes)  # type: ignore[arg-type]


# --- a small validator for Telegram's HTML subset ---------------------------------------------

_ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote"}
_MARKUP = re.compile(r"<(/?)([a-z]+)(?:\s[^<>]*)?>|&(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);|[<>&]")


def assert_valid_html(markup: str) -> None:
    """Fail unless ``markup`` uses only Telegram's tags, balanced, and only valid entities."""
    open_tags: list[str] = []
    for match in _MARKUP.finditer(markup):
        token = match[0]
        if token in "<>&":
            pytest.fail(f"bare {token!r} in {markup[max(0, match.start() - 20) : match.end() + 20]!r}")
        if token.startswith("&"):
            continue
        closing, name = match[1], match[2]
        assert name in _ALLOWED_TAGS, f"tag {name!r} is not allowed"
        if closing:
            assert open_tags, f"</{name}> closes nothing"
            assert open_tags[-1] == name, f"</{name}> closes <{open_tags[-1]}>"
            open_tags.pop()
        else:
            open_tags.append(name)
    assert not open_tags, f"unclosed tags {open_tags}"


def visible(markup: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def limit_of(part: MessagePart) -> int:
    return TEXT_LIMIT if part.kind == "text" else CAPTION_LIMIT


def body_of(parts: list[MessagePart]) -> str:
    """The body carried by the parts: header, footer and «(ادامه)» marks taken away.

    The header and the footer contain no blank line, so the body lies between the first and the
    last blank line of the whole; a caption that holds only the header carries none of it.
    """
    pieces = []
    for index, part in enumerate(parts):
        text = part.html.removesuffix("\n\n" + CONTINUED_MARK)
        if index == 0:
            if "\n\n" not in text:  # a caption with the header alone
                continue
            text = text.split("\n\n", 1)[1]
        if index == len(parts) - 1:
            text = text.rsplit("\n\n", 1)[0]
        pieces.append(visible(text))
    return "\n".join(pieces)


def assert_parts_sound(parts: list[MessagePart]) -> None:
    """Every part is within its limit and well-formed; all but the last end with «(ادامه)»."""
    assert parts
    for index, part in enumerate(parts):
        assert utf16_length(part.html) <= limit_of(part), (index, part.kind, utf16_length(part.html))
        assert_valid_html(part.html)
        if part.kind == "text" and index < len(parts) - 1:
            assert part.html.endswith("\n\n" + CONTINUED_MARK)
        assert part.kind == "text" or index == 0, "only the first part may be media"
    assert not parts[-1].html.endswith(CONTINUED_MARK)


def words(text: str) -> list[str]:
    return text.split()


# --- the shape of a release --------------------------------------------------------------------


def test_short_release_is_one_part_with_the_expected_lines() -> None:
    """A short text release is one message: bold title, meta line, body, hashtags, id."""
    parts = render_release(make_view(), TEHRAN)
    [part] = parts
    assert part.kind == "text"
    assert part.html.split("\n") == [
        "<b>آغاز آبرسانی به روستاهای ایوان</b>",
        "شرکت آب و فاضلاب استان ایلام · ایوان · ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰",
        "",
        "پاراگراف نخست.",
        "",
        "پاراگراف دوم.",
        "",
        "#آب_و_فاضلاب #روستا #ایوان",
        "شناسه خبر: /release_123",
    ]


def test_province_wide_release_and_correction_mark() -> None:
    """No county reads «استانی»; a version above 1 starts with the correction mark."""
    view = make_view(county_name=None, county_hashtag=None, version=2, release_id=4051)
    html_text = render_release(view, TEHRAN)[0].html
    lines = html_text.split("\n")
    assert lines[0] == "✏️ اصلاحیه"
    assert lines[2] == "شرکت آب و فاضلاب استان ایلام · استانی · ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰"
    assert lines[-2] == "#آب_و_فاضلاب #روستا"
    assert lines[-1] == "شناسه خبر: /release_4051"


def test_untidy_body_is_tidied() -> None:
    """Windows newlines, runs of blank lines and trailing spaces collapse to clean paragraphs."""
    body = "  نخست.  \r\n\r\n\r\n\n   \n دوم.\r\nسطر دوم.\n\n\n"
    html_text = render_release(make_view(body=body), TEHRAN)[0].html
    assert "\n\nنخست.\n\nدوم.\nسطر دوم.\n\n#" in html_text


def test_user_strings_are_escaped() -> None:
    """<, > and & in title, body, agency and county reach Telegram as entities, not markup."""
    view = make_view(
        title="<b>فوری</b> & مهم",
        body="اگر a<b و b>c باشد & <script>alert(1)</script>",
        org_name="روابط عمومی <آب & برق>",
        county_name="ایوان & <ملکشاهی>",
    )
    [part] = render_release(view, TEHRAN)
    assert "<b>&lt;b&gt;فوری&lt;/b&gt; &amp; مهم</b>" in part.html
    assert "اگر a&lt;b و b&gt;c باشد &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in part.html
    assert "روابط عمومی &lt;آب &amp; برق&gt; · ایوان &amp; &lt;ملکشاهی&gt;" in part.html
    assert_valid_html(part.html)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a & b", "a &amp; b"), ("<i>", "&lt;i&gt;"), ("&amp;", "&amp;amp;"), ('"quoted"', '"quoted"')],
)
def test_escape(text: str, escaped: str) -> None:
    """Only &, < and > are escaped; quotes need nothing outside attributes."""
    assert escape(text) == escaped


def test_absurdly_long_title_is_cut_at_300_characters() -> None:
    """A 1000-character title is shown as its first 300 characters and «…»."""
    title = "خ" * 1000
    html_text = render_release(make_view(title=title), TEHRAN)[0].html
    assert f"<b>{'خ' * 300}…</b>" in html_text


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("آب و فاضلاب", "#آب_و_فاضلاب"),
        ("روابط‌عمومی", "#روابط_عمومی"),  # ZWNJ
        ("  سلامت  ", "#سلامت"),
        ("کوهدشت-ایلام!", "#کوهدشتایلام"),
        ("دهلران (مرکز)", "#دهلران_مرکز"),
        ("health", "#health"),
        ("COVID 19", "#COVID_19"),
        ("۱۴۰۵", ""),  # digits only: Telegram would not link it
        ("!!!", ""),
    ],
)
def test_hashtag(label: str, expected: str) -> None:
    """Labels become hashtags of letters, digits and underscores, or nothing when no letter is left."""
    assert hashtag(label) == expected


def test_duplicate_and_empty_hashtags_are_dropped() -> None:
    """A county hashtag equal to a topic one appears once; labels without letters vanish."""
    view = make_view(topic_hashtags=("ایوان", "۱۴۰۵"), county_hashtag="ایوان")
    html_text = render_release(view, TEHRAN)[0].html
    assert html_text.split("\n")[-2] == "#ایوان"


# --- splitting ---------------------------------------------------------------------------------


def test_long_body_splits_within_limits_and_loses_nothing() -> None:
    """A 20,000-character body becomes several parts, each within 4096 UTF-16 units, with nothing lost."""
    assert len(LONG_BODY) > 20_000
    parts = render_release(make_view(body=LONG_BODY), TEHRAN)
    assert len(parts) >= 5
    assert_parts_sound(parts)
    assert all(part.kind == "text" for part in parts)
    assert parts[0].html.startswith("<b>آغاز آبرسانی")
    assert parts[-1].html.endswith("شناسه خبر: /release_123")
    assert all("شناسه خبر" not in part.html for part in parts[:-1])
    assert words(body_of(parts)) == words(LONG_BODY)


def test_long_body_is_cut_at_paragraph_ends() -> None:
    """When paragraphs are small enough, every part ends at a paragraph end (a full sentence)."""
    parts = render_release(make_view(body=LONG_BODY), TEHRAN)
    for part in parts[:-1]:
        assert part.html.removesuffix("\n\n" + CONTINUED_MARK).endswith("آغاز شد.")
    # Cutting only where the second half of the window allows keeps the parts well filled.
    assert all(utf16_length(part.html) > TEXT_LIMIT // 2 for part in parts[:-1])


def test_one_huge_paragraph_is_cut_at_sentence_ends() -> None:
    """Without paragraph breaks, cuts fall after a sentence's full stop."""
    body = SENTENCE * 300
    parts = render_release(make_view(body=body), TEHRAN)
    assert len(parts) > 1
    for part in parts[:-1]:
        assert part.html.removesuffix("\n\n" + CONTINUED_MARK).endswith("آغاز شد.")
    assert words(body_of(parts)) == words(body)


def test_text_without_spaces_is_cut_hard_without_tearing_emoji() -> None:
    """A 'word' of 10,000 emoji and ampersands is cut between characters, never inside a pair or entity."""
    body = "😀&" * 5000
    parts = render_release(make_view(body=body), TEHRAN)
    assert_parts_sound(parts)
    assert "".join(body_of(parts).split()) == body


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 10, []),
        ("   \n\n  ", 10, []),
        ("کوتاه", 10, ["کوتاه"]),
        ("aaaa bbbb cccc", 9, ["aaaa bbbb", "cccc"]),
        ("یک. دو. سه.", 8, ["یک. دو.", "سه."]),
        ("aaaaaa\n\nbb bb", 12, ["aaaaaa", "bb bb"]),
        ("a&b&c", 6, ["a&", "b&", "c"]),  # «&» costs five units once escaped
        ("abcdefghij", 4, None),  # below the smallest workable limit
    ],
)
def test_split_plain(text: str, limit: int, expected: list[str] | None) -> None:
    """split_plain cuts at the best boundary that fits the escaped limit and refuses tiny limits."""
    if expected is None:
        with pytest.raises(ValueError, match="limit"):
            split_plain(text, limit)
        return
    assert split_plain(text, limit) == expected


def test_cut_does_not_separate_a_letter_from_its_diacritic() -> None:
    """A hard cut steps back so a combining mark stays with its letter."""
    text = "بّ" * 10  # BEH + SHADDA, no spaces
    chunks = split_plain(text, 5)
    assert "".join(chunks) == text
    assert all(not chunk.startswith("\u0651") for chunk in chunks)


# --- media -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", MEDIA_KINDS)
def test_media_carries_the_whole_text_when_it_fits(kind: str) -> None:
    """A short release with media is one media part whose caption is the whole rendered text."""
    text_only = render_release(make_view(), TEHRAN)
    parts = render_release(make_view(media_kind=kind), TEHRAN)
    assert parts == [MessagePart(kind, text_only[0].html)]  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", MEDIA_KINDS)
def test_media_caption_is_the_header_when_the_text_does_not_fit(kind: str) -> None:
    """A long release with media gets title + meta as caption and the rest as text parts."""
    body = SENTENCE * 30  # about 2,000 characters: too long for a caption, one text message
    parts = render_release(make_view(media_kind=kind, body=body), TEHRAN)
    assert [part.kind for part in parts] == [kind, "text"]
    assert parts[0].html.split("\n") == [
        "<b>آغاز آبرسانی به روستاهای ایوان</b>",
        "شرکت آب و فاضلاب استان ایلام · ایوان · ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰",
    ]
    assert parts[1].html.startswith("آبرسانی به روستاهای")
    assert parts[1].html.endswith("شناسه خبر: /release_123")
    assert_parts_sound(parts)
    assert words(body_of(parts)) == words(body)


def test_caption_title_is_shortened_when_escaping_makes_it_too_long() -> None:
    """A 300-character title of ampersands (1,500 units escaped) is cut to fit the caption."""
    parts = render_release(make_view(media_kind="photo", title="&" * 300, body=LONG_BODY), TEHRAN)
    assert_parts_sound(parts)
    assert parts[0].html.startswith("<b>&amp;")
    assert "…</b>" in parts[0].html


def test_photo_with_a_long_text_splits_the_rest() -> None:
    """A photo release of 20,000 characters: a caption within 1024, then text parts within 4096."""
    parts = render_release(make_view(media_kind="photo", body=LONG_BODY), TEHRAN)
    assert parts[0].kind == "photo"
    assert len(parts) > 2
    assert_parts_sound(parts)
    assert words(body_of(parts)) == words(LONG_BODY)


# --- samples and arbitrary input ---------------------------------------------------------------


def load_samples() -> list[dict[str, object]]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("sample", load_samples(), ids=lambda sample: str(sample["id"]))
@pytest.mark.parametrize("kind", ["none", *MEDIA_KINDS])
def test_every_sample_release_renders_valid_parts(sample: dict[str, object], kind: str) -> None:
    """Each sample release, as text or with media, renders sound parts that keep title, body and id."""
    title, text = str(sample["title"]), str(sample["text"])
    view = make_view(
        title=title,
        body=text,
        org_name=str(sample["org"]),
        county_name=sample["county"],
        topic_hashtags=tuple(map(str, sample["topics"])),  # type: ignore[call-overload]
        county_hashtag=sample["county"],
        media_kind=kind,
        release_id=7,
    )
    parts = render_release(view, TEHRAN)
    assert_parts_sound(parts)
    assert escape(title) in parts[0].html
    assert parts[-1].html.endswith("شناسه خبر: /release_7")
    assert words(body_of(parts)) == words(text)


_TRICKY = st.sampled_from(
    ["<", ">", "&", "&amp;", "<b>", "😀", "👍🏽", "🇮🇷", " ", "\n", "\n\n\n", ".", "؟", "\u200c", "\u0651", "سلام", "a"]
)
# Lists of tokens rather than st.text, since several tricky tokens are longer than one character.
_TEXT = st.lists(st.one_of(_TRICKY, st.characters(codec="utf-8")), max_size=60).map("".join)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """Short or long text: pieces of tricky text, repeated, sometimes with a very long word in it."""
    pieces = draw(st.lists(_TEXT, max_size=12))
    body = "".join(pieces) * draw(st.integers(min_value=1, max_value=40))
    if draw(st.booleans()):
        body += draw(st.sampled_from(["x", "&", "😀", "ب"])) * draw(st.integers(0, 6000))
    return body


@st.composite
def views(draw: st.DrawFn) -> ReleaseView:
    """Releases with arbitrary body, title and names, with or without media, original or corrected."""
    return make_view(
        body=draw(bodies()),
        title=draw(st.text(max_size=400)),
        org_name=draw(st.text(max_size=400)),
        county_name=draw(st.none() | st.text(max_size=200)),
        media_kind=draw(st.sampled_from(["none", *MEDIA_KINDS])),
        version=draw(st.integers(min_value=1, max_value=3)),
    )


@settings(max_examples=150, deadline=None)
@given(view=views())
def test_arbitrary_text_always_renders_within_limits(view: ReleaseView) -> None:
    """For any text, every part is within its limit, well-formed, and the body is all there."""
    parts = render_release(view, TEHRAN)
    assert_parts_sound(parts)
    if view.body.split():
        # Whitespace may move where a word too long for one part is cut.
        assert "".join(body_of(parts).split()) == "".join(view.body.split())
    else:
        assert len(parts) == 1


@settings(max_examples=150, deadline=None)
@given(text=bodies(), limit=st.integers(min_value=5, max_value=5000))
def test_split_plain_chunks_fit_and_keep_every_character(text: str, limit: int) -> None:
    """Each chunk's escaped form fits the limit and together they hold every non-space character."""
    chunks = split_plain(text, limit)
    assert all(0 < utf16_length(escape(chunk)) <= limit for chunk in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("خبر کوتاه", 20, "خبر کوتاه"),
        ("گازرسانی به روستاهای چرداول", 15, "گازرسانی به…"),  # «روستاهای» would be cut: it goes
        ("گازرسانی به روستاهای چرداول", 12, "گازرسانی به…"),  # the cut falls on a space: «به» is whole
        ("گازرسانی به روستاهای چرداول", 11, "گازرسانی به…"),  # the cut falls right after «به»
        ("گازرسانی، آبرسانی و برق", 14, "گازرسانی…"),  # no comma before «…»
        ("بهره‌برداری‌های‌بسیار‌طولانی", 6, "بهره‌ب…"),  # one long word: cut as a last resort
    ],
)
def test_cut_at_word_never_cuts_a_word_in_two(text: str, limit: int, expected: str) -> None:
    """Titles in lists are cut between words, with «…»."""
    assert cut_at_word(text, limit) == expected
