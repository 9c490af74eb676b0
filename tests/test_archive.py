"""The journalists' archive through the real bot: /search with paging, /latest, /release, inline mode."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot import texts
from bot.domain.archive import (
    LATEST_MAX,
    ArchiveEntry,
    latest_listing,
    parse_latest_count,
    parse_positive_id,
    search_listing,
)
from bot.domain.counts import Count
from bot.domain.digits import fa
from bot.domain.jalali import format_date
from bot.domain.render import TEXT_LIMIT, utf16_length
from bot.domain.text import fold
from bot.services.desk import Desk
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Journalist
from storage import Storage
from storage.db import utcnow
from storage.releases import Attachment, Release
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
OFFICER = 3001
ORG_NAME = "شرکت گاز استان ایلام"
JOURNALIST, COLLEAGUE = 5001, 5002
GROUP = -1001500
BOT_NAME = "ilam_press_bot"  # FakeTelegram's default bot username
TEHRAN = ZoneInfo("Asia/Tehran")


async def setup_archive(app: Application) -> tuple[Storage, Desk]:  # type: ignore[type-arg]
    """One organization with one officer, as in tests/test_officer.py, and no subscribers."""
    store = runtime(app).storage
    org = await store.organizations.create(ORG_NAME, fold(ORG_NAME), None, created_by=1)
    await store.officers.create_invite("code-archive", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code-archive", OFFICER, "کارشناس روابط عمومی", None)
    return store, runtime(app).desk


async def publish(desk: Desk, text: str, attachments: Sequence[Attachment] = ()) -> Release:
    """Draft ``text`` as the officer and publish it through the desk; return the published release."""
    preview = await desk.create_draft(OFFICER, text, attachments=attachments)
    await desk.publish(OFFICER, preview.release.id, confirmed=True)
    release = await desk.storage.releases.get(preview.release.id)
    assert release is not None
    assert release.status == "published"
    return release


def numbered(i: int) -> str:
    """A distinct release about gas supply, so that a search for «گازرسانی» finds them all."""
    return (
        f"گازرسانی به روستای شماره {i} در شهرستان چرداول\n\n"
        f"به گزارش روابط عمومی شرکت گاز، طرح شماره {i} با {i * 37 + 11} انشعاب تازه به بهره‌برداری رسید."
    )


async def ask(tg: FakeTelegram, chat: int, user: int, text: str, *, count: int = 1) -> list[SentMessage]:
    """Send ``text`` as ``user`` in ``chat`` and return the next ``count`` messages the bot sends there."""
    return await Journalist(tg, user, chat).say(text, count=count)


async def press(tg: FakeTelegram, message: SentMessage, user: int, data: str) -> dict[str, object]:
    """Press a button of ``message`` as ``user`` and return Telegram's record of the callback answer."""
    before = len(tg.answered_callbacks)
    tg.inject(tg.callback_query(message.chat_id, user, data, message.message_id))
    await tg.wait_for(lambda s: len(s.answered_callbacks) > before, timeout=10)
    return tg.answered_callbacks[-1]


async def turn_page(
    tg: FakeTelegram, message: SentMessage, user: int, data: str
) -> tuple[dict[str, object], SentMessage]:
    """Press a paging button as ``user``; return the callback answer and the message once it was edited."""
    edits = len(message.edits)
    answer = await press(tg, message, user, data)
    edited = await tg.wait_for(
        lambda s: (m := s.message_in(message.chat_id, message.message_id)) is not None and len(m.edits) > edits and m
    )
    return answer, edited


def buttons(message: SentMessage) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a message."""
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def inline(tg: FakeTelegram, user: int, query: str, offset: str = "") -> dict[str, object]:
    """Send an inline query and return the bot's answer as Telegram received it."""
    before = len(tg.inline_answers)
    tg.inject(tg.inline_query(user, query, offset))
    await tg.wait_for(lambda s: len(s.inline_answers) > before, timeout=10)
    return tg.inline_answers[-1]


def results_of(answer: dict[str, object]) -> list[dict[str, object]]:
    """The results list of an inline answer (PTB may send it JSON-encoded in a form field)."""
    results = answer["results"]
    return json.loads(results) if isinstance(results, str) else results  # type: ignore[return-value]


def meta(release: Release, county: str) -> str:
    """The list's meta line of a release of ORG_NAME."""
    assert release.published_at is not None
    return f"{ORG_NAME}{texts.META_SEPARATOR}{county}{texts.META_SEPARATOR}{format_date(release.published_at, TEHRAN)}"


async def test_search_folds_arabic_letters_and_answers_in_the_group(tg: FakeTelegram, tmp_path: Path) -> None:
    """A query typed with Arabic ي/ك and Latin digits finds a Persian-letter release, in a group too."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        _, desk = await setup_archive(app)
        gas = await publish(desk, SAMPLES["r08"]["text"])
        await publish(desk, SAMPLES["r02"]["text"])
        query = "گازرساني 14 روستاي شركت"
        [private] = await ask(tg, JOURNALIST, JOURNALIST, f"/search {query}")
        [group] = await ask(tg, GROUP, JOURNALIST, f"/search@{BOT_NAME} گروه های پرخطر")
        [nothing] = await ask(tg, COLLEAGUE, COLLEAGUE, "/search فوتبال ساحلی")
    assert private.parse_mode == "HTML"
    assert private.text == (
        texts.SEARCH_HEADER.format(query=html.escape(query), total="۱")
        + f"\n\n۱. <b>{html.escape(gas.title)}</b>\n{meta(gas, 'چرداول')}\n/release_{gas.id}"
    )
    assert buttons(private) == []
    assert (group.text or "").startswith(texts.SEARCH_HEADER.format(query="گروه های پرخطر", total="۱"))
    assert "آنفلوانزا" in (group.text or "")
    assert nothing.text == texts.SEARCH_EMPTY


async def test_search_pages_forward_and_back_in_the_same_message(tg: FakeTelegram, tmp_path: Path) -> None:
    """Twelve hits make two pages; «بعدی» and «قبلی» edit the one message and the query is saved."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store, desk = await setup_archive(app)
        for i in range(12):
            await publish(desk, numbered(i + 1))
        [first] = await ask(tg, JOURNALIST, JOURNALIST, "/search گازرسانی چرداول")
        saved = await store.searches.get(1)
        assert saved is not None
        assert (saved.user_id, saved.query) == (JOURNALIST, "گازرسانی چرداول")
        assert buttons(first) == [(texts.BUTTON_NEXT, "srch:1:2")]
        assert (first.text or "").count("/release_") == 10
        assert (first.text or "").endswith(texts.SEARCH_PAGE.format(page="۱", pages="۲"))
        page_one = first.text

        answer, second = await turn_page(tg, first, JOURNALIST, "srch:1:2")
        assert "text" not in answer
        assert (second.text or "").startswith(texts.SEARCH_HEADER.format(query="گازرسانی چرداول", total="۱۲"))
        assert (second.text or "").count("/release_") == 2
        assert "\n\n۱۱. <b>" in (second.text or "")
        assert (second.text or "").endswith(texts.SEARCH_PAGE.format(page="۲", pages="۲"))
        assert buttons(second) == [(texts.BUTTON_PREVIOUS, "srch:1:1")]

        _, back = await turn_page(tg, second, JOURNALIST, "srch:1:1")
        assert back.text == page_one
        assert buttons(back) == [(texts.BUTTON_NEXT, "srch:1:2")]
        assert len(back.edits) == 2
    assert len(tg.messages_to(JOURNALIST)) == 1, "paging edits the results message, it sends no new one"


async def test_paging_buttons_refuse_a_stranger_and_an_unknown_search(tg: FakeTelegram, tmp_path: Path) -> None:
    """In a group, another member's press or an unknown search id gets a Persian answer and changes nothing."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        _, desk = await setup_archive(app)
        for i in range(11):
            await publish(desk, numbered(i + 1))
        [results] = await ask(tg, GROUP, JOURNALIST, f"/search@{BOT_NAME} گازرسانی")
        stranger = await press(tg, results, COLLEAGUE, "srch:1:2")
        unknown = await press(tg, results, JOURNALIST, "srch:999:2")
        huge = await press(tg, results, JOURNALIST, "srch:99999999999999999999999:2")
        owner, edited = await turn_page(tg, results, JOURNALIST, "srch:1:2")
    assert (stranger["text"], stranger["show_alert"]) == (texts.SEARCH_NOT_YOURS, True)
    assert unknown["text"] == texts.SEARCH_EXPIRED
    assert huge["text"] == texts.SEARCH_EXPIRED
    assert "text" not in owner
    assert len(edited.edits) == 1, "only the owner's press turned the page"
    assert (edited.text or "").endswith(texts.SEARCH_PAGE.format(page="۲", pages="۲"))


async def test_latest_lists_published_releases_newest_first(tg: FakeTelegram, tmp_path: Path) -> None:
    """/latest [N] lists the newest published releases (a retracted one is left out), explains a bad N and
    shows the twenty latest, with a note, for more than twenty."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        _, desk = await setup_archive(app)
        [empty] = await ask(tg, JOURNALIST, JOURNALIST, "/latest")
        gas = await publish(desk, SAMPLES["r08"]["text"])
        quake = await publish(desk, SAMPLES["r05"]["text"])
        flu = await publish(desk, SAMPLES["r02"]["text"])
        await desk.retract(OFFICER, quake.id, "آمار اشتباه بود")
        [default] = await ask(tg, JOURNALIST, JOURNALIST, "/latest")
        [one] = await ask(tg, COLLEAGUE, COLLEAGUE, "/latest ۱")
        bad = [(await ask(tg, 5100 + i, 5100 + i, f"/latest {n}"))[0] for i, n in enumerate(("0", "-3", "abc"))]
        [clamped] = await ask(tg, JOURNALIST, JOURNALIST, "/latest 50")
        [group] = await ask(tg, GROUP, COLLEAGUE, f"/latest@{BOT_NAME} 20")
    assert empty.text == texts.LATEST_EMPTY
    assert default.text == (
        texts.LATEST_HEADER.format(count="۲")
        + f"\n\n۱. <b>{html.escape(flu.title)}</b>\n{meta(flu, 'ایلام')}\n/release_{flu.id}"
        + f"\n\n۲. <b>{html.escape(gas.title)}</b>\n{meta(gas, 'چرداول')}\n/release_{gas.id}"
    )
    assert one.text == texts.LATEST_HEADER.format(count="۱") + (
        f"\n\n۱. <b>{html.escape(flu.title)}</b>\n{meta(flu, 'ایلام')}\n/release_{flu.id}"
    )
    refusal = texts.LATEST_BAD_COUNT.format(max="۲۰", default="۵")
    assert [m.text for m in bad] == [refusal] * 3
    assert clamped.text == texts.LATEST_CLAMPED.format(max="۲۰") + "\n" + (default.text or "")
    assert group.text == default.text
    assert "زلزله" not in (default.text or "")


async def test_release_shows_the_stored_parts_as_delivered(tg: FakeTelegram, tmp_path: Path) -> None:
    """/release ID and /release_ID re-send exactly the stored parts: a long text in two parts, a photo with its file."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store, desk = await setup_archive(app)
        long_release = await publish(desk, SAMPLES["r14"]["text"])
        stored = await store.outbox.release_parts(long_release.id, long_release.version)
        assert [p.kind for p in stored] == ["text", "text"]
        photo_update = tg.message(OFFICER, OFFICER, photo=True)
        file_id = photo_update["message"]["photo"][-1]["file_id"]
        photo_release = await publish(desk, SAMPLES["r20"]["text"], [Attachment("photo", file_id)])
        [photo_part] = await store.outbox.release_parts(photo_release.id, photo_release.version)
        typed = await ask(tg, JOURNALIST, JOURNALIST, f"/release {long_release.id}", count=2)
        clicked = await ask(tg, COLLEAGUE, COLLEAGUE, f"/release_{long_release.id}", count=2)
        [photo] = await ask(tg, GROUP, JOURNALIST, f"/release_{photo_release.id}@{BOT_NAME}")
        tg.send_text(GROUP, JOURNALIST, f"/release_{photo_release.id}@some_other_bot")
        [persian_digits] = await ask(tg, 5100, 5100, "/release ۲")
    for sent in (typed, clicked):
        assert [(m.kind, m.text, m.parse_mode) for m in sent] == [("text", p.html, "HTML") for p in stored]
    assert (photo.kind, photo.file_id, photo.text, photo.parse_mode) == ("photo", file_id, photo_part.html, "HTML")
    assert photo_part.kind == "photo"
    assert persian_digits.kind == "photo"
    assert len(tg.messages_to(GROUP)) == 1, "a /release_ID addressed to another bot is not ours to answer"


async def test_release_refuses_drafts_unknown_and_retracted_releases(tg: FakeTelegram, tmp_path: Path) -> None:
    """Drafts, unknown and bad ids are «not found»; a retracted release is reported withdrawn, without its text."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store, desk = await setup_archive(app)
        retracted = await publish(desk, SAMPLES["r05"]["text"])
        await desk.retract(OFFICER, retracted.id, "آمار اشتباه بود")
        draft = (await desk.create_draft(OFFICER, SAMPLES["r08"]["text"])).release
        withdrawn = await store.releases.get(retracted.id)
        assert withdrawn is not None
        assert withdrawn.retracted_at is not None
        replies = [
            (await ask(tg, 5100 + i, 5100 + i, command))[0].text
            for i, command in enumerate(
                (
                    f"/release {retracted.id}",
                    f"/release_{retracted.id}",
                    f"/release {draft.id}",
                    "/release 99",
                    "/release abc",
                    "/release -3",
                    "/release 99999999999999999999999",
                    "/release",
                )
            )
        ]
    gone = texts.RELEASE_RETRACTED.format(id="۱", when=format_date(withdrawn.retracted_at, TEHRAN))
    assert replies == [
        gone,
        gone,
        texts.RELEASE_NOT_FOUND.format(id="۲"),
        texts.RELEASE_NOT_FOUND.format(id="۹۹"),
        texts.RELEASE_BAD_ID,
        texts.RELEASE_BAD_ID,
        texts.RELEASE_NOT_FOUND.format(id=fa("99999999999999999999999")),  # no release has it (issue 11)
        texts.RELEASE_USAGE,
    ]
    assert not any("زلزله" in (m.text or "") for i in range(8) for m in tg.messages_to(5100 + i))


async def test_inline_mode_posts_the_release_html_and_never_a_retracted_one(tg: FakeTelegram, tmp_path: Path) -> None:
    """@bot QUERY answers articles whose message is the stored first part; retracted releases are absent."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store, desk = await setup_archive(app)
        gas = await publish(desk, SAMPLES["r08"]["text"])
        quake = await publish(desk, SAMPLES["r05"]["text"])
        photo_update = tg.message(OFFICER, OFFICER, photo=True)
        file_id = photo_update["message"]["photo"][-1]["file_id"]
        fair = await publish(desk, SAMPLES["r20"]["text"], [Attachment("photo", file_id)])
        await desk.retract(OFFICER, quake.id, None)
        parts = {r.id: await store.outbox.release_parts(r.id, r.version) for r in (gas, fair)}
        latest = await inline(tg, JOURNALIST, "")
        search = await inline(tg, JOURNALIST, "شركت گاز چرداول")
        withdrawn = await inline(tg, JOURNALIST, "زلزله آبدانان")
        too_long = await inline(tg, JOURNALIST, "گاز " * 80)
    assert [r["id"] for r in results_of(latest)] == [str(fair.id), str(gas.id)]
    assert (latest["cache_time"], latest["is_personal"]) == (30, False)
    assert not latest.get("next_offset")
    [article] = results_of(search)
    assert gas.published_at is not None
    assert article == {
        "type": "article",
        "id": str(gas.id),
        "title": gas.title,
        "description": f"{ORG_NAME}{texts.META_SEPARATOR}{format_date(gas.published_at, TEHRAN)}",
        "input_message_content": {
            "message_text": parts[gas.id][0].html,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        },
    }
    fair_article = next(r for r in results_of(latest) if r["id"] == str(fair.id))
    assert fair_article["input_message_content"]["message_text"] == parts[fair.id][0].html  # type: ignore[index]
    assert parts[fair.id][0].kind == "photo"
    assert results_of(withdrawn) == []
    assert results_of(too_long) == []


async def test_inline_mode_pages_with_next_offset(tg: FakeTelegram, tmp_path: Path) -> None:
    """Twelve hits come back as ten and then two, linked by next_offset."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        _, desk = await setup_archive(app)
        for i in range(12):
            await publish(desk, numbered(i + 1))
        first = await inline(tg, JOURNALIST, "گازرساني")
        second = await inline(tg, JOURNALIST, "گازرساني", str(first["next_offset"]))
        forged = await inline(tg, JOURNALIST, "گازرساني", "99999999999")
    assert (len(results_of(first)), first["next_offset"]) == (10, "10")
    assert len(results_of(second)) == 2
    assert not second.get("next_offset")
    assert {r["id"] for r in results_of(first)}.isdisjoint({r["id"] for r in results_of(second)})
    assert results_of(forged) == []


async def test_empty_and_too_long_queries_get_persian_replies(tg: FakeTelegram, tmp_path: Path) -> None:
    """/search without words gets its usage; a query over 256 characters is refused and nothing is saved."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        [usage] = await ask(tg, JOURNALIST, JOURNALIST, "/search")
        [long] = await ask(tg, COLLEAGUE, COLLEAGUE, "/search " + "گاز" * 90)
        saved = await store.searches.get(1)
    assert usage.text == texts.SEARCH_USAGE
    assert long.text == texts.SEARCH_TOO_LONG.format(limit="۲۵۶", length="۲۷۰")
    assert saved is None


# -- the pure parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "count"), [([], 5), (["1"], 1), (["۲۰"], 20), (["7"], 7)], ids=["default", "one", "persian", "seven"]
)
def test_latest_count_accepts_one_to_twenty(args: list[str], count: int) -> None:
    """/latest takes no number (five) or 1..20 in Latin or Persian digits."""
    assert parse_latest_count(args) == Count(count)


@pytest.mark.parametrize("args", [["21"], ["۵۰"], ["9" * 40]])
def test_latest_count_above_twenty_is_twenty_with_a_note(args: list[str]) -> None:
    """More than twenty, however many, is the twenty latest, marked as clamped so the reply says so."""
    assert parse_latest_count(args) == Count(20, clamped=True)


@pytest.mark.parametrize("args", [["0"], ["-1"], ["x"], ["2", "3"], ["²"]])
def test_latest_count_refuses_anything_else(args: list[str]) -> None:
    """Zero, negative numbers, non-numbers and extra words are explained in Persian."""
    with pytest.raises(ValueError, match="شکل درست"):
        parse_latest_count(args)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), ("۱۲", 12), (" 7 ", 7), ("0", None), ("-4", None), ("1e3", None), ("²", None), (str(2**63), None)],
)
def test_release_ids_are_positive_rowids(text: str, expected: int | None) -> None:
    """An id is a positive number that SQLite can hold, typed in Latin or Persian digits."""
    assert parse_positive_id(text) == expected


def test_the_longest_lists_fit_in_one_message() -> None:
    """Twenty entries (and ten search results) with absurdly long names still fit Telegram's 4096 units."""
    when = datetime(2026, 5, 19, 8, 0, tzinfo=UTC)  # «۲۹ اردیبهشت ۱۴۰۵», the longest Jalali date
    entry = ArchiveEntry(2**63 - 1, "&" * 400, "<" * 300, "&" * 200, when)
    latest = latest_listing([entry] * LATEST_MAX, TEHRAN)
    search = search_listing("&" * 256, 1_000_000, 100_000, [entry] * 10, TEHRAN)
    assert utf16_length(latest) <= TEXT_LIMIT
    assert utf16_length(search) <= TEXT_LIMIT
    assert latest.count("…") == 3 * LATEST_MAX, "titles, agencies and counties were all shortened"
    assert search.count("/release_") == 10


def test_a_capped_total_reads_as_a_lower_bound() -> None:
    """When the search ranked only its newest matches, the header says «بیش از» the count."""
    capped = search_listing("ایلام", 1000, 1, [], TEHRAN, capped=True)
    exact = search_listing("ایلام", 1000, 1, [], TEHRAN)
    assert texts.SEARCH_HEADER.format(query="ایلام", total="بیش از ۱۰۰۰") in capped
    assert texts.SEARCH_HEADER.format(query="ایلام", total="۱۰۰۰") in exact
