"""The fake server's Bale profile (``FakeTelegram(profile=BALE)``), each rule through the real
python-telegram-bot client; ``docs/BALE.md`` says where each rule comes from."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
)
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter

from fakegram import BALE, FAST, FakeTelegram, Journalist, RateRules
from fakegram import TELEGRAM as TELEGRAM_LIMITS
from fakegram.profiles import TELEGRAM, Profile

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def bale() -> AsyncIterator[FakeTelegram]:
    """A fake Bale Bot API server in the test's event loop."""
    server = FakeTelegram(limits=FAST, profile=BALE, bot_username="ilam_press_bale_bot")
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def client(server: FakeTelegram) -> Bot:
    return Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url)


@pytest.fixture
async def bot(bale: FakeTelegram) -> AsyncIterator[Bot]:
    async with client(bale) as connected:
        yield connected


def keyboard(data: str = "pub:1") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("انتشار", callback_data=data)]])


# ------------------------------------------------------------------ methods and parameters


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("set_my_commands", {"commands": [BotCommand("start", "شروع")]}),
        ("delete_my_commands", {}),
        ("create_forum_topic", {"chat_id": -5001, "name": "اطلاعیه‌ها"}),
        (
            "answer_inline_query",
            {
                "inline_query_id": "1",
                "results": [InlineQueryResultArticle("1", "خبر", InputTextMessageContent("متن"))],
            },
        ),
    ],
)
async def test_a_method_bale_lacks_is_refused_404_not_found(
    bale: FakeTelegram, bot: Bot, method: str, kwargs: dict[str, Any]
) -> None:
    """A method outside Bale's list answers 404 "Not Found" (PTB raises InvalidToken for it); the call is
    recorded with that answer."""
    with pytest.raises(InvalidToken, match="Not Found"):
        await getattr(bot, method)(**kwargs)
    call = bale.calls[-1]
    assert call.status == 404
    assert call.response == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_the_same_method_works_on_the_telegram_profile(tg: FakeTelegram) -> None:
    """The refusal is Bale's: Telegram's profile takes setMyCommands."""
    async with client(tg) as telegram:
        assert await telegram.set_my_commands([BotCommand("start", "شروع")]) is True
        assert (await telegram.get_me()).supports_inline_queries is True


async def test_get_me_says_no_inline_mode(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.username, me.supports_inline_queries) == ("ilam_press_bale_bot", False)


async def test_a_message_thread_id_is_refused(bale: FakeTelegram, bot: Bot) -> None:
    """No forum topics on Bale: a send into a thread is refused and nothing is delivered."""
    with pytest.raises(BadRequest, match=r"(?i)message_thread_id is not supported"):
        await bot.send_message(-5001, "اطلاعیه", message_thread_id=7)
    assert bale.messages == []
    assert bale.calls_to("sendMessage")[0].params["message_thread_id"] == 7


async def test_telegram_only_send_options_are_dropped(bale: FakeTelegram, bot: Bot) -> None:
    """protect_content, link_preview_options and the reply target are accepted and have no effect; the
    call keeps what was sent."""
    first = await bot.send_message(42, "نخست")
    sent = await bot.send_message(
        42,
        "دوم https://ilam.ir",
        protect_content=True,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        reply_to_message_id=1,
    )
    assert first.message_id == 1
    assert (sent.has_protected_content, sent.reply_to_message, sent.link_preview_options) == (None, None, None)
    record = bale.messages_to(42)[1]
    assert (record.protect_content, record.reply_to_message_id, record.link_preview_options) == (False, None, None)
    params = bale.calls_to("sendMessage")[1].params
    assert params["protect_content"] is True
    assert params["reply_parameters"] == {"message_id": 1}


# ------------------------------------------------------------------ parse mode


async def test_html_is_not_parsed_and_the_tags_stay_visible(bale: FakeTelegram, bot: Bot) -> None:
    """Bale has no parse_mode: the text arrives as sent, tags and entities included, with no entities;
    what strict HTML refuses on Telegram (a bare «&») is no error either."""
    sent = await bot.send_message(42, "<b>اطلاعیه</b> آب & برق", parse_mode="HTML")
    assert sent.text == "<b>اطلاعیه</b> آب & برق"
    assert sent.entities == ()
    record = bale.messages_to(42)[0]
    assert record.plain_text == record.text == "<b>اطلاعیه</b> آب & برق"
    assert (record.parse_mode, record.entities) == ("HTML", [])


async def test_the_same_html_is_parsed_on_telegram(tg: FakeTelegram) -> None:
    async with client(tg) as telegram:
        sent = await telegram.send_message(42, "<b>اطلاعیه</b> آب", parse_mode="HTML")
    assert sent.text == "اطلاعیه آب"
    assert [e.type for e in sent.entities] == ["bold"]


async def test_a_caption_keeps_its_tags_too(bale: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_photo(42, b"\x89PNG fake", caption="<i>عکس</i>", parse_mode="HTML")
    assert sent.caption == "<i>عکس</i>"
    assert bale.messages_to(42)[0].plain_text == "<i>عکس</i>"


# ------------------------------------------------------------------ limits


async def test_text_longer_than_4096_is_refused_and_tags_count(bot: Bot) -> None:
    """The limit applies to the text as sent: on Bale the tags are part of it."""
    await bot.send_message(42, "آ" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(42, "<b>" + "آ" * 4090 + "</b>", parse_mode="HTML")


async def test_caption_longer_than_1024_is_refused(bot: Bot) -> None:
    await bot.send_photo(42, b"photo", caption="آ" * 1024)
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(42, b"photo", caption="آ" * 1025)


async def test_callback_data_longer_than_64_bytes_is_refused(bot: Bot) -> None:
    await bot.send_message(42, "کارت", reply_markup=keyboard("ب" * 32))  # 64 bytes
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(42, "کارت", reply_markup=keyboard("ب" * 32 + "x"))


async def test_a_photo_over_10_mb_is_refused_413(bale: FakeTelegram, bot: Bot) -> None:
    """Bale's documented upload limit for photos; PTB reports a 413 as a NetworkError."""
    with pytest.raises(NetworkError, match="Request Entity Too Large"):
        await bot.send_photo(42, bytes(10 * MB + 1))
    assert bale.calls_to("sendPhoto")[0].status == 413
    assert bale.messages == []


async def test_a_document_over_20_mb_is_sent_but_not_handed_out_by_get_file(bale: FakeTelegram, bot: Bot) -> None:
    """Up to 50 MB may be uploaded, up to 20 MB downloaded through getFile."""
    small = await bot.send_document(42, b"%PDF small", filename="a.pdf")
    big = await bot.send_document(42, bytes(20 * MB + 1), filename="b.pdf")
    assert small.document is not None
    assert big.document is not None
    assert (await bot.get_file(small.document.file_id)).file_path
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(big.document.file_id)


async def test_over_the_rate_bale_answers_429_bot_limit_exceed_without_retry_after(
    bale: FakeTelegram, bot: Bot
) -> None:
    """Two sends to one chat closer than the per-chat interval: the second gets Bale's rate-limit answer,
    which python-telegram-bot reports as a NetworkError, not a RetryAfter."""
    bale.rules = RateRules(TELEGRAM_LIMITS)  # a second between two sends to one chat
    await bot.send_message(42, "یک")
    with pytest.raises(NetworkError, match="bot limit exceed") as caught:
        await bot.send_message(42, "دو")
    assert not isinstance(caught.value, RetryAfter)
    assert bale.calls_to("sendMessage")[1].response == {
        "ok": False,
        "error_code": 429,
        "description": "bot limit exceed",
    }
    bale.fail("retry_after", retry_after=3)
    with pytest.raises(NetworkError, match="bot limit exceed"):
        await bot.send_message(43, "سه")


async def test_the_telegram_profile_answers_429_with_retry_after(tg: FakeTelegram) -> None:
    async with client(tg) as telegram:
        tg.fail("retry_after", retry_after=3)
        with pytest.raises(RetryAfter):
            await telegram.send_message(42, "یک")


# ------------------------------------------------------------------ edits and deletions


async def test_a_message_with_a_keyboard_cannot_be_edited(bale: FakeTelegram, bot: Bot) -> None:
    """Neither its text nor its keyboard: the bot has to send a new message instead."""
    card = await bot.send_message(42, "پیش‌نویس", reply_markup=keyboard())
    with pytest.raises(BadRequest, match=r"(?i)message can.t be edited"):
        await bot.edit_message_text("منتشر شد", chat_id=42, message_id=card.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message can.t be edited"):
        await bot.edit_message_reply_markup(42, card.message_id, reply_markup=None)
    record = bale.messages_to(42)[0]
    assert (record.text, record.edits) == ("پیش‌نویس", [])


async def test_an_edit_answers_true_not_the_message(bale: FakeTelegram, bot: Bot) -> None:
    """A plain message can be edited; the answer is ``true``, so the bot cannot use the result."""
    sent = await bot.send_message(42, "نسخهٔ نخست")
    result = await bot.edit_message_text("نسخهٔ اصلاح‌شده", chat_id=42, message_id=sent.message_id)
    assert result is True
    assert bale.messages_to(42)[0].text == "نسخهٔ اصلاح‌شده"


async def test_the_telegram_profile_edits_keyboards_and_answers_the_message(tg: FakeTelegram) -> None:
    async with client(tg) as telegram:
        card = await telegram.send_message(42, "پیش‌نویس", reply_markup=keyboard())
        edited = await telegram.edit_message_text("منتشر شد", chat_id=42, message_id=card.message_id)
    assert isinstance(edited, Message)
    assert edited.text == "منتشر شد"


async def test_deletion_only_within_48_hours(bale: FakeTelegram, bot: Bot) -> None:
    old = await bot.send_message(42, "قدیمی")
    fresh = await bot.send_message(42, "تازه")
    bale.set_age(42, old.message_id, 48 * 3600 + 60)
    bale.set_age(42, fresh.message_id, 47 * 3600)
    with pytest.raises(BadRequest, match=r"(?i)message can.t be deleted"):
        await bot.delete_message(42, old.message_id)
    assert await bot.delete_message(42, fresh.message_id) is True
    assert [m.deleted for m in bale.messages_to(42)] == [False, True]


# ------------------------------------------------------------------ webhooks


class Receiver:
    """A local HTTP endpoint standing in for the bot's webhook listener: it keeps what it gets."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self._take)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}/hook"

    async def _take(self, request: web.Request) -> web.Response:
        self.received.append((dict(request.headers), json.loads(await request.read())))
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    endpoint = Receiver()
    await endpoint.start()
    try:
        yield endpoint
    finally:
        assert endpoint.runner is not None
        await endpoint.runner.cleanup()


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def test_bale_webhook_keeps_no_secret_and_delivers_without_the_header(
    bale: FakeTelegram, bot: Bot, receiver: Receiver
) -> None:
    """setWebhook takes the secret_token without a word and forgets it; deliveries carry no header."""
    assert await bot.set_webhook("https://bot.example/bale/hook", secret_token="s3cret") is True
    assert bale.webhook is not None
    assert "secret_token" not in bale.webhook
    bale.send_text(42, 42, "/start")
    assert await bale.push_to_webhook(receiver.url) == [200]
    [(headers, update)] = receiver.received
    assert SECRET_HEADER not in headers
    assert update["message"]["text"] == "/start"
    assert bale.pending_updates == []
    assert bale.webhook_deliveries == [(receiver.url, {"Content-Type": "application/json"}, 200)]


async def test_no_header_even_where_a_secret_is_kept(receiver: Receiver) -> None:
    """The header is the profile's own rule: a Bale that kept the secret_token still would not send it."""
    keeping = dataclasses.replace(BALE, ignored_params=BALE.ignored_params - {"secret_token"})
    server = FakeTelegram(limits=FAST, profile=keeping)
    await server.start()
    try:
        async with client(server) as on_bale:
            await on_bale.set_webhook("https://bot.example/hook", secret_token="s3cret")
        assert server.webhook is not None
        assert server.webhook["secret_token"] == "s3cret"
        server.send_text(42, 42, "/start")
        assert await server.push_to_webhook(receiver.url) == [200]
    finally:
        await server.stop()
    assert SECRET_HEADER not in receiver.received[0][0]


async def test_telegram_webhook_delivers_with_the_header(tg: FakeTelegram, receiver: Receiver) -> None:
    async with client(tg) as telegram:
        await telegram.set_webhook("https://bot.example/tg/hook", secret_token="s3cret")
    tg.send_text(42, 42, "/start")
    assert await tg.push_to_webhook(receiver.url) == [200]
    assert receiver.received[0][0][SECRET_HEADER] == "s3cret"


@pytest.mark.parametrize(("port", "accepted"), [(443, True), (88, True), (8443, False), (80, False)])
async def test_bale_webhook_ports(bot: Bot, port: int, accepted: bool) -> None:
    url = f"https://bot.example:{port}/hook"
    if accepted:
        assert await bot.set_webhook(url) is True
    else:
        with pytest.raises(BadRequest, match=r"(?i)only on ports 88, 443"):
            await bot.set_webhook(url)


# ------------------------------------------------------------------ chats


def test_bale_has_no_supergroups_forums_or_inline_queries(bale: FakeTelegram) -> None:
    with pytest.raises(ValueError, match="no chat type 'supergroup'"):
        bale.add_chat(-1001000000001, "supergroup", "خبرنگاران")
    with pytest.raises(ValueError, match="no forum topics"):
        bale.add_chat(-5001, "group", "خبرنگاران", is_forum=True)
    with pytest.raises(ValueError, match="no forum topics"):
        bale.message(-5001, 42, "سلام", message_thread_id=3)
    with pytest.raises(ValueError, match="no inline mode"):
        bale.inline_query(42, "آب")
    with pytest.raises(ValueError, match="no chat type 'supergroup'"):
        bale.message(-5001, 42, "سلام", chat_type="supergroup")


async def test_bale_sends_no_member_updates(bale: FakeTelegram, bot: Bot) -> None:
    """No my_chat_member on Bale: adding the bot to a channel can't be injected, and leaving a group
    queues nothing."""
    with pytest.raises(ValueError, match="sends no my_chat_member updates"):
        bale.inject(bale.my_chat_member(-7001, "channel", 42, "left", "administrator", can_post_messages=True))
    bale.add_chat(-5001, "group", "خبرنگاران")
    bale.set_member(-5001, bale.bot_id, "member")
    assert await bot.leave_chat(-5001) is True
    assert bale.pending_updates == []
    bale.inject(bale.channel_post(-7001, "خبر"))
    assert [next(k for k in u if k != "update_id") for u in bale.pending_updates] == ["channel_post"]


async def test_a_negative_id_is_a_group_on_bale_whatever_its_digits(bale: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(-1001000000001, "اطلاعیه")
    assert sent.chat.type == "group"
    assert bale.message(-1001000000001, 42, "سلام")["message"]["chat"]["type"] == "group"


# ------------------------------------------------------------------ two messengers at once


async def test_telegram_and_bale_side_by_side_with_the_same_ids(tg: FakeTelegram, bale: FakeTelegram) -> None:
    """Two servers in one process, on their own ports, with their own records: user 42 and group -5001
    exist on both and nothing of one shows on the other."""
    assert tg.port != bale.port
    async with client(tg) as telegram, client(bale) as on_bale:
        on_tg = await telegram.send_message(42, "<b>تلگرام</b>", parse_mode="HTML")
        on_b = await on_bale.send_message(42, "<b>بله</b>", parse_mode="HTML")
        await telegram.send_message(-5001, "گروه تلگرام")
        tg.send_text(42, 42, "/start")
        bale.send_text(42, 42, "/help")
        bale.send_text(-5001, 43, "/subscribe")
        tg_updates = await telegram.get_updates()
        bale_updates = await on_bale.get_updates()
    assert (on_tg.message_id, on_b.message_id) == (1, 1)
    assert (on_tg.text, on_b.text) == ("تلگرام", "<b>بله</b>")
    assert [m.text for m in tg.messages] == ["<b>تلگرام</b>", "گروه تلگرام"]
    assert [m.text for m in bale.messages] == ["<b>بله</b>"]
    assert [u.message.text for u in tg_updates if u.message] == ["/start"]
    assert [u.message.text for u in bale_updates if u.message] == ["/help", "/subscribe"]
    assert [c.method for c in bale.calls] == ["getMe", "sendMessage", "getUpdates"]
    assert (tg.profile, bale.profile) == (TELEGRAM, BALE)


async def test_the_drivers_talk_to_a_bot_on_bale(bale: FakeTelegram, bot: Bot) -> None:
    """Journalist.say and press work against the Bale profile as against Telegram's (the bot's side is
    played by hand here)."""
    journalist = Journalist(bale, 42, timeout=5.0)
    said = asyncio.create_task(journalist.say("/start"))
    [update] = await bot.get_updates(timeout=5)
    assert update.message is not None
    await bot.send_message(update.message.chat.id, "سلام", reply_markup=keyboard("t:1"))
    [reply] = await said
    assert reply.text == "سلام"
    pressed = asyncio.create_task(journalist.press(reply, "t:1"))
    [update] = await bot.get_updates(offset=update.update_id + 1, timeout=5)
    assert update.callback_query is not None
    assert update.callback_query.data == "t:1"
    await bot.answer_callback_query(update.callback_query.id, "ثبت شد", show_alert=True)
    answer = await pressed
    assert (answer["text"], answer["show_alert"]) == ("ثبت شد", True)


def test_profiles_are_frozen_and_telegram_is_the_default() -> None:
    assert FakeTelegram().profile is TELEGRAM
    with pytest.raises(AttributeError):
        BALE.max_text = 1  # type: ignore[misc]
    assert isinstance(BALE, Profile)
    assert not BALE.has_method("answerInlineQuery")
    assert BALE.has_method("ANSWERCALLBACKQUERY")
    assert TELEGRAM.has_method("anything")
