"""The fake Telegram server, proven against the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    ChatMemberAdministrator,
    ChatMemberLeft,
    ChatMemberOwner,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputMediaPhoto,
    InputTextMessageContent,
    LinkPreviewOptions,
    MenuButtonCommands,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from fakegram import FakeTelegram, HtmlParseError, RateRules, TelegramLimits, parse_html, utf16_len

# The server's own tests: its rules are checked against Telegram's real limits, as the server's defaults.
pytestmark = pytest.mark.real_limits


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns (an error here) whenever a RetryAfter is built unless this opt-in is set.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


def make_bot(tg: FakeTelegram, **request: Any) -> Bot:
    return Bot(
        tg.token,
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        request=HTTPXRequest(**request) if request else None,
    )


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with make_bot(tg) as client:
        yield client


@pytest.fixture
def relaxed(tg: FakeTelegram) -> FakeTelegram:
    """The server with rate limits counted but not enforced, for tests about something else."""
    tg.rules = RateRules(enforce=False)
    return tg


def api(tg: FakeTelegram, method: str) -> str:
    return f"{tg.base_url}{tg.token}/{method}"


# ------------------------------------------------------------------------------- basics


async def test_get_me_log_out_and_close(tg: FakeTelegram, bot: Bot) -> None:
    """getMe describes the bot the way PTB needs it, and logOut/close answer true."""
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (tg.bot_id, "ilam_press_bot", True)
    assert me.can_join_groups
    assert me.supports_inline_queries
    assert await bot.log_out() is True
    assert await bot.close() is True


async def test_wrong_token_and_unknown_method(tg: FakeTelegram) -> None:
    """A wrong token is 401 Unauthorized (InvalidToken) and an unknown method is 404 Not Found."""
    with pytest.raises(InvalidToken, match="rejected by the server"):  # PTB rewraps the 401 of getMe
        async with Bot("999:WRONG", base_url=tg.base_url, base_file_url=tg.base_file_url):
            pass
    async with make_bot(tg) as good:
        with pytest.raises(EndPointNotFound):
            await good.do_api_request("noSuchMethod")
    async with httpx.AsyncClient() as client:
        response = await client.post(api(tg, "noSuchMethod"))
        assert response.status_code == 404
        assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        response = await client.post(f"{tg.base_url}999:WRONG/getMe")
        assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_parameters_from_query_json_form_and_case_insensitive_methods(relaxed: FakeTelegram) -> None:
    """Parameters are decoded per name from query, JSON and form bodies; method names ignore case."""
    tg = relaxed
    markup = '{"inline_keyboard": [[{"text": "ok", "callback_data": "x"}]]}'
    async with httpx.AsyncClient() as client:
        r1 = await client.get(api(tg, "SENDMESSAGE"), params={"chat_id": "5", "text": "123"})
        r2 = await client.post(api(tg, "sendmessage"), json={"chat_id": "6", "text": "456"})
        r3 = await client.post(
            api(tg, "sendMessage"),
            data={"chat_id": "7", "text": "789", "reply_markup": markup, "disable_notification": "true"},
        )
    assert [r.status_code for r in (r1, r2, r3)] == [200, 200, 200]
    calls = tg.calls_to("sendMessage")
    assert [c.params["chat_id"] for c in calls] == [5, 6, 7]
    assert [c.params["text"] for c in calls] == ["123", "456", "789"]
    assert calls[2].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "x"
    assert calls[2].params["disable_notification"] is True
    assert tg.messages_to(7)[0].disable_notification is True


# ------------------------------------------------------------------------------- sending


async def test_send_message_records_everything_ptb_sends(tg: FakeTelegram, bot: Bot) -> None:
    """sendMessage round-trips HTML, markup, thread, reply, notification and paid-broadcast options."""
    tg.add_chat(-100777, "supergroup", title="خبرنگاران", is_forum=True)
    tg.send_text(-100777, 9, "سلام", chat_type="supergroup", message_thread_id=5)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("تأیید", callback_data="ok:1")]])
    message = await bot.send_message(
        -100777,
        "<b>خبر</b> فوری",
        parse_mode="HTML",
        reply_markup=keyboard,
        message_thread_id=5,
        reply_parameters=ReplyParameters(message_id=1),
        disable_notification=True,
        allow_paid_broadcast=True,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert message.text == "خبر فوری"
    assert message.text_html == "<b>خبر</b> فوری"
    assert message.message_id == 2  # the user's message took id 1 in this chat
    assert message.message_thread_id == 5
    assert message.is_topic_message
    assert message.reply_to_message is not None
    assert message.reply_to_message.text == "سلام"
    assert message.reply_markup == keyboard
    sent = tg.messages_to(-100777)[0]
    assert sent.text == "<b>خبر</b> فوری"
    assert sent.plain_text == "خبر فوری"
    assert sent.parse_mode == "HTML"
    assert sent.kind == "text"
    assert sent.method == "sendMessage"
    assert sent.entities == [{"offset": 0, "length": 3, "type": "bold"}]
    assert sent.message_thread_id == 5
    assert sent.reply_to_message_id == 1
    assert sent.disable_notification
    assert sent.allow_paid_broadcast
    assert sent.reply_markup == keyboard.to_dict()
    assert sent.link_preview_options == {"is_disabled": True}


async def test_private_chats_appear_on_first_use_unless_not_found(tg: FakeTelegram, bot: Bot) -> None:
    """Sending to a never-seen private chat works and registers it, except for chats marked not found."""
    await bot.send_message(31, "x")
    assert (await bot.get_chat(31)).type == "private"
    tg.not_found(32)
    with pytest.raises(BadRequest, match=r"^Chat not found$"):  # PTB capitalises and strips the prefix
        await bot.send_message(32, "x")
    assert tg.messages_to(32) == []


async def test_reply_to_unknown_message(tg: FakeTelegram, bot: Bot) -> None:
    """Replying to a message that does not exist fails unless allow_sending_without_reply is set."""
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(41, "x", reply_parameters=ReplyParameters(message_id=99))
    message = await bot.send_message(
        42, "x", reply_parameters=ReplyParameters(message_id=99, allow_sending_without_reply=True)
    )
    assert message.reply_to_message is None


async def test_inline_keyboard_validation(tg: FakeTelegram, bot: Bot) -> None:
    """callback_data over 64 bytes is refused with BUTTON_DATA_INVALID, as Telegram does."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="ی" * 33)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(43, "x", reply_markup=keyboard)


async def test_photo_upload_get_file_and_download(tg: FakeTelegram, bot: Bot) -> None:
    """A multipart photo upload is stored: getFile gives a path that downloads the same bytes."""
    data = b"\x89PNG\r\n" + bytes(range(256)) * 40
    message = await bot.send_photo(50, photo=data, caption="<i>عکس</i>", parse_mode="HTML")
    assert message.caption == "عکس"
    assert message.caption_html == "<i>عکس</i>"
    file = await bot.get_file(message.photo[-1].file_id)
    assert file.file_path is not None
    assert file.file_path.startswith(tg.base_file_url)
    assert bytes(await file.download_as_bytearray()) == data
    sent = tg.messages_to(50)[0]
    assert (sent.kind, sent.method, sent.file_id) == ("photo", "sendPhoto", message.photo[-1].file_id)
    # resending by file_id reuses the file; an unknown file_id is refused
    again = await bot.send_photo(51, photo=message.photo[-1].file_id)
    assert again.photo[-1].file_id == message.photo[-1].file_id
    with pytest.raises(BadRequest, match="Wrong file identifier/http url specified"):
        await bot.send_photo(52, photo="no-such-file")
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("no-such-file")


async def test_video_and_document(tg: FakeTelegram, bot: Bot) -> None:
    """sendVideo and sendDocument store their uploads and keep the document's file name."""
    video = await bot.send_video(53, video=b"video-bytes", caption="فیلم")
    document = await bot.send_document(54, document=b"%PDF-1.4", filename="release.pdf")
    assert video.video is not None
    assert document.document is not None
    assert document.document.file_name == "release.pdf"
    assert tg.file_bytes(video.video.file_id) == b"video-bytes"
    assert [m.kind for m in tg.messages] == ["video", "document"]


async def test_media_group(tg: FakeTelegram, bot: Bot) -> None:
    """sendMediaGroup answers a list of messages sharing a media_group_id, one record per item."""
    album = [InputMediaPhoto(b"one", caption="<b>آلبوم</b>", parse_mode="HTML"), InputMediaPhoto(b"two")]
    messages = await bot.send_media_group(-100600, album)
    assert len(messages) == 2
    assert messages[0].media_group_id is not None
    assert messages[0].media_group_id == messages[1].media_group_id
    assert messages[0].caption == "آلبوم"
    assert messages[1].caption is None
    assert [m.message_id for m in messages] == [1, 2]
    records = tg.messages_to(-100600)
    assert [(r.kind, r.media_group_id) for r in records] == [("photo", messages[0].media_group_id)] * 2
    assert [tg.file_bytes(r.file_id or "") for r in records] == [b"one", b"two"]
    with pytest.raises(BadRequest, match="Too much messages to send as an album"):
        await bot.send_media_group(-100601, [InputMediaPhoto(b"x")] * 11)


async def test_copy_and_forward(relaxed: FakeTelegram, bot: Bot) -> None:
    """copyMessage copies content (with a new caption if given) and forwardMessage adds forward_origin."""
    tg = relaxed
    tg.inject(tg.message(60, 60, "متن خبر"))
    tg.inject(tg.message(60, 60, caption="زیرنویس", photo=b"jpeg"))
    copied = await bot.copy_message(-100700, from_chat_id=60, message_id=1)
    assert copied.message_id == 1
    assert tg.messages_to(-100700)[0].plain_text == "متن خبر"
    await bot.copy_message(-100700, 60, 2, caption="<b>جدید</b>", parse_mode="HTML")
    photo_copy = tg.messages_to(-100700)[1]
    assert (photo_copy.kind, photo_copy.plain_text, photo_copy.text) == ("photo", "جدید", "<b>جدید</b>")
    assert tg.file_bytes(photo_copy.file_id or "") == b"jpeg"
    forwarded = await bot.forward_message(-100701, from_chat_id=60, message_id=1)
    assert forwarded.text == "متن خبر"
    assert forwarded.forward_origin is not None
    assert forwarded.forward_origin.type == "user"
    with pytest.raises(BadRequest, match="Message to copy not found"):
        await bot.copy_message(-100700, 60, 99)


# ------------------------------------------------------------------------------- editing and deleting


async def test_edit_message_text_and_its_errors(relaxed: FakeTelegram, bot: Bot) -> None:
    """Edits are recorded with history; Telegram's not-found, not-modified and can't-be-edited errors hold."""
    tg = relaxed
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x")]])
    message = await bot.send_message(70, "<b>اول</b>", parse_mode="HTML", reply_markup=keyboard)
    edited = await bot.edit_message_text("<i>دوم</i>", 70, message.message_id, parse_mode="HTML")
    assert not isinstance(edited, bool)
    assert edited.text == "دوم"
    assert edited.edit_date is not None
    assert edited.reply_markup is None  # no reply_markup in the edit removes the keyboard
    record = tg.messages_to(70)[0]
    assert (record.text, record.plain_text, record.reply_markup) == ("<i>دوم</i>", "دوم", None)
    assert [e.text for e in record.edits] == ["<i>دوم</i>"]
    with pytest.raises(BadRequest, match="Message is not modified: specified new message content and reply"):
        await bot.edit_message_text("<i>دوم</i>", 70, message.message_id, parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", 70, 999)
    with pytest.raises(BadRequest, match="Message_too_long"):  # edits say MESSAGE_TOO_LONG
        await bot.edit_message_text("x" * 4097, 70, message.message_id)
    tg.set_editable(70, message.message_id, False)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("سوم", 70, message.message_id)
    tg.inject(tg.message(70, 70, "پیام کاربر"))
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("x", 70, 2)


async def test_edit_caption_and_reply_markup(relaxed: FakeTelegram, bot: Bot) -> None:
    """editMessageCaption and editMessageReplyMarkup change the message and refuse no-op edits."""
    tg = relaxed
    photo = await bot.send_photo(71, photo=b"p", caption="یک")
    edited = await bot.edit_message_caption(71, photo.message_id, caption="<b>دو</b>", parse_mode="HTML")
    assert not isinstance(edited, bool)
    assert edited.caption == "دو"
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", url="https://ilam.ir")]])
    marked = await bot.edit_message_reply_markup(71, photo.message_id, reply_markup=keyboard)
    assert not isinstance(marked, bool)
    assert marked.reply_markup == keyboard
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(71, photo.message_id, reply_markup=keyboard)
    text = await bot.send_message(71, "متن")
    with pytest.raises(BadRequest, match="There is no caption in the message to edit"):
        await bot.edit_message_caption(71, text.message_id, caption="x")
    assert [e.method for e in tg.messages_to(71)[0].edits] == ["editMessageCaption", "editMessageReplyMarkup"]


async def test_delete_message(relaxed: FakeTelegram, bot: Bot) -> None:
    """deleteMessage flags the record; deleting twice is not-found and a protected message can't be deleted."""
    tg = relaxed
    first = await bot.send_message(72, "a")
    second = await bot.send_message(72, "b")
    assert await bot.delete_message(72, first.message_id) is True
    assert tg.messages_to(72)[0].deleted
    assert [m.text for m in tg.messages_to(72, include_deleted=False)] == ["b"]
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(72, first.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", 72, first.message_id)
    tg.set_deletable(72, second.message_id, False)
    with pytest.raises(BadRequest, match="Message can't be deleted"):
        await bot.delete_message(72, second.message_id)


# ------------------------------------------------------------------------------- HTML and limits

VALID_HTML = [
    ("<b>b</b><strong>s</strong>", "bs", [("bold", 0, 1), ("bold", 1, 1)]),
    (
        "<i>i</i><em>e</em><u>u</u><ins>n</ins>",
        "ieun",
        [("italic", 0, 1), ("italic", 1, 1), ("underline", 2, 1), ("underline", 3, 1)],
    ),
    ("<s>s</s><strike>k</strike><del>d</del>", "skd", [("strikethrough", i, 1) for i in range(3)]),
    ('<span class="tg-spoiler">a</span><tg-spoiler>b</tg-spoiler>', "ab", [("spoiler", 0, 1), ("spoiler", 1, 1)]),
    ('<a href="https://ilam.ir/?a=1&amp;b=2">پیوند</a>', "پیوند", [("text_link", 0, 5)]),
    ("<code>x = 1</code>", "x = 1", [("code", 0, 5)]),
    ('<pre><code class="language-python">print(1)</code></pre>', "print(1)", [("pre", 0, 8)]),
    (
        "<blockquote>نقل</blockquote><blockquote expandable>بلند</blockquote>",
        "نقلبلند",
        [("blockquote", 0, 3), ("expandable_blockquote", 3, 4)],
    ),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍", [("custom_emoji", 0, 2)]),
    ("&lt;&gt;&amp;&quot;&#1587;&#x633;", '<>&"سس', []),
    ("<B>bold <i>both</i></B>", "bold both", [("bold", 0, 9), ("italic", 5, 4)]),
    ("😀<b>x</b>", "😀x", [("bold", 2, 1)]),
]


@pytest.mark.parametrize(("html", "plain", "expected"), VALID_HTML, ids=[v[0][:30] for v in VALID_HTML])
def test_parse_html_accepts_telegram_html(html: str, plain: str, expected: list[tuple[str, int, int]]) -> None:
    """Every tag and entity of Telegram's HTML subset parses, with UTF-16 entity offsets."""
    text, entities = parse_html(html)
    assert text == plain
    assert [(e["type"], e["offset"], e["length"]) for e in entities] == expected


def test_parse_html_entity_arguments() -> None:
    """Links, pre languages and custom emoji carry their arguments, entities decoded."""
    _, link = parse_html('<a href="https://ilam.ir/?a=1&amp;b=2">x</a>')
    assert link[0]["url"] == "https://ilam.ir/?a=1&b=2"
    _, pre = parse_html('<pre><code class="language-python">x</code></pre>')
    assert pre == [{"offset": 0, "length": 1, "type": "pre", "language": "python"}]
    _, emoji = parse_html('<tg-emoji emoji-id="42">x</tg-emoji>')
    assert emoji[0]["custom_emoji_id"] == "42"


INVALID_HTML = [
    ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
    ("سلام <br>", 'Unsupported start tag "br" at byte offset 9'),
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("x <b", "Unclosed start tag at byte offset 2"),
    ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("<b>x</b", "Unclosed end tag at byte offset 4"),
    ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ('<a href="x>y</a>', "Unclosed start tag at byte offset 0"),
    ("<b =x>y</b>", 'Empty attribute name in the tag "b" at byte offset 0'),
    ('<tg-emoji emoji-id="x">y</tg-emoji>', "Invalid custom emoji identifier specified"),
    ("AT&T", 'Unsupported HTML entity "&T" at byte offset 2'),
    ("a &nbsp; b", 'Unsupported HTML entity "&nbsp;" at byte offset 2'),
    ("a & b", 'Bare "&" at byte offset 2'),
]


@pytest.mark.parametrize(("html", "reason"), INVALID_HTML, ids=[v[0] for v in INVALID_HTML])
def test_parse_html_rejects_malformed_html(html: str, reason: str) -> None:
    """Unknown tags, bare < and &, unknown entities, unclosed and mis-nested tags are errors."""
    with pytest.raises(HtmlParseError) as error:
        parse_html(html)
    assert str(error.value).startswith(reason)


def test_parse_html_lenient_ampersand() -> None:
    """With strict=False a bare & is kept as text, as Telegram itself does."""
    assert parse_html("AT&T &nbsp;", strict=False) == ("AT&T &nbsp;", [])


async def test_malformed_html_is_a_bad_request(tg: FakeTelegram, bot: Bot) -> None:
    """The send answers 400 "can't parse entities: ..." and stores nothing."""
    with pytest.raises(BadRequest, match=r"^Can't parse entities: unsupported start tag \"p\" at byte offset 0$"):
        await bot.send_message(80, "<p>x</p>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Can't parse entities: bare"):
        await bot.send_photo(81, photo=b"x", caption="R & D", parse_mode="HTML")
    assert tg.messages == []
    assert tg.calls_to("sendMessage")[0].response == {
        "ok": False,
        "error_code": 400,
        "description": 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0',
    }


async def test_length_limits_count_utf16_after_parsing(relaxed: FakeTelegram, bot: Bot) -> None:
    """4096/1024 are checked on the parsed text in UTF-16 units; empty text is refused."""
    tg = relaxed
    await bot.send_message(82, "<b>" + "ا" * 4096 + "</b>", parse_mode="HTML")
    await bot.send_message(82, "&amp;" * 4096, parse_mode="HTML")
    await bot.send_message(82, "😀" * 2048)
    for too_long in ("ا" * 4097, "😀" * 2048 + "a"):
        with pytest.raises(BadRequest, match=r"^Message is too long$"):
            await bot.send_message(82, too_long)
    await bot.send_photo(82, photo=b"x", caption="<b>" + "x" * 1024 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await bot.send_photo(82, photo=b"x", caption="x" * 1025)
    for empty in ("   ", "<b></b>"):
        with pytest.raises(BadRequest, match=r"^Message text is empty$"):
            await bot.send_message(82, empty, parse_mode="HTML")
    assert utf16_len("😀ا") == 3
    assert len(tg.messages) == 4


# ------------------------------------------------------------------------------- faults


async def test_retry_after_fault(tg: FakeTelegram, bot: Bot) -> None:
    """A retry_after fault raises RetryAfter with that many seconds, then the next call succeeds."""
    tg.fail("retry_after", retry_after=7, chat_ids=[90])
    with pytest.raises(RetryAfter) as error:
        await bot.send_message(90, "x")
    assert error.value.retry_after == dtm.timedelta(seconds=7)
    assert tg.calls[-1].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    await bot.send_message(90, "x")
    assert len(tg.messages_to(90)) == 1


async def test_forbidden_block_and_unblock(tg: FakeTelegram, bot: Bot) -> None:
    """Forbidden faults carry Telegram's texts; block lasts until unblock."""
    tg.fail("forbidden", description="Forbidden: bot was kicked from the group chat", chat_ids=-91)
    with pytest.raises(Forbidden, match="bot was kicked from the group chat"):
        await bot.send_message(-91, "x")
    tg.block(92)
    for _ in range(2):
        with pytest.raises(Forbidden, match=r"^Forbidden: bot was blocked by the user$"):
            await bot.send_photo(92, photo=b"x")
    tg.unblock(92)
    await bot.send_message(92, "x")
    assert [m.chat_id for m in tg.messages] == [92]


async def test_migrate(tg: FakeTelegram, bot: Bot) -> None:
    """A migrated group raises ChatMigrated with the new id, which then works as a supergroup."""
    tg.add_chat(-93, "group", title="گروه")
    tg.migrate(-93, -100093)
    with pytest.raises(ChatMigrated) as error:
        await bot.send_message(-93, "x")
    assert error.value.new_chat_id == -100093
    await bot.send_message(-100093, "x")
    chat = await bot.get_chat(-100093)
    assert (chat.type, chat.title) == ("supergroup", "گروه")


async def test_chat_not_found_and_bad_request_faults(tg: FakeTelegram, bot: Bot) -> None:
    """chat_not_found and bad_request faults raise BadRequest with their descriptions."""
    tg.fail("chat_not_found", chat_ids=94)
    tg.fail("bad_request", description="Bad Request: not enough rights to send text messages to the chat")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(94, "x")
    with pytest.raises(BadRequest, match="Not enough rights to send text messages"):
        await bot.send_message(95, "x")
    await bot.send_message(96, "x")


async def test_server_errors_and_disconnects_are_network_errors(tg: FakeTelegram, bot: Bot) -> None:
    """500, 502 and a dropped connection reach the bot as NetworkError (not TimedOut)."""
    tg.fail("server_error", status=500)
    tg.fail("server_error", status=502)
    tg.fail("disconnect")
    for expected in ("Internal Server Error", "Bad Gateway", "RemoteProtocolError"):
        with pytest.raises(NetworkError, match=expected) as error:
            await bot.send_message(97, "x")
        assert type(error.value) is NetworkError
    assert [c.status for c in tg.calls_to("sendMessage")] == [500, 502, 0]
    assert tg.messages == []
    await bot.send_message(97, "x")


async def test_timeout_fault(tg: FakeTelegram) -> None:
    """A held request makes the client time out; with deliver=True the message exists anyway."""
    async with make_bot(tg, read_timeout=0.2) as bot:
        tg.fail("timeout", seconds=0.4)
        with pytest.raises(TimedOut):
            await bot.send_message(98, "x")
        tg.fail("timeout", seconds=0.4, deliver=True)
        with pytest.raises(TimedOut):
            await bot.send_message(99, "y")
        await asyncio.sleep(0.4)
    assert tg.messages_to(98) == []  # the client left, so the held request was never handled
    assert [m.text for m in tg.messages_to(99)] == ["y"]  # handled, only the answer was lost


async def test_fault_matching_times_and_methods(tg: FakeTelegram, bot: Bot) -> None:
    """Faults match methods and chats, count down their times, and never hit getUpdates by default."""
    tg.fail("server_error", methods=["sendPhoto"], times=2)
    tg.fail("forbidden", chat_ids=[101], times=None)
    await bot.send_message(100, "x")
    await bot.get_updates(timeout=0)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_photo(100, photo=b"x")
    await bot.send_photo(102, photo=b"x")
    for _ in range(3):
        with pytest.raises(Forbidden):
            await bot.get_chat(101)
    assert [f.hits for f in tg.faults] == [3]
    tg.reset_faults(101)
    assert tg.faults == []


# ------------------------------------------------------------------------------- rate limits


async def test_per_chat_limit(tg: FakeTelegram, bot: Bot) -> None:
    """A second send to one chat within the interval is a 429 that is counted and not stored."""
    await bot.send_message(110, "a")
    await bot.send_message(111, "other chat")
    with pytest.raises(RetryAfter) as error:
        await bot.send_message(110, "b")
    assert error.value.retry_after == dtm.timedelta(seconds=1)
    assert tg.violations == {"per_chat": 1, "per_group_minute": 0, "global": 0}
    assert [m.text for m in tg.messages_to(110)] == ["a"]
    tg.rules = RateRules(TelegramLimits(per_chat_interval=0.2), tolerance=0.05)
    await asyncio.sleep(0.16)  # more than interval - tolerance
    await bot.send_message(110, "c")
    assert [m.text for m in tg.messages_to(110)] == ["a", "c"]


async def test_group_limit_per_minute(tg: FakeTelegram, bot: Bot) -> None:
    """More than group_per_minute items to a group in 60 s is a 429 with the wait until a slot frees."""
    tg.rules = RateRules(TelegramLimits(per_chat_interval=0, group_per_minute=3), tolerance=0)
    await bot.send_message(-120, "1")
    await bot.send_media_group(-120, [InputMediaPhoto(b"a"), InputMediaPhoto(b"b")])
    with pytest.raises(RetryAfter) as error:
        await bot.send_message(-120, "4")
    retry_after = error.value.retry_after
    assert isinstance(retry_after, dtm.timedelta)
    assert 59 <= retry_after.total_seconds() <= 60
    for _ in range(5):  # private chats have no per-minute limit
        await bot.send_message(121, "x")
    assert tg.violations["per_group_minute"] == 1
    assert len(tg.messages_to(-120)) == 3


async def test_global_limit_and_paid_broadcast(tg: FakeTelegram, bot: Bot) -> None:
    """More than global_per_second sends in a second is a 429, unless allow_paid_broadcast lifts the limit."""
    tg.rules = RateRules(TelegramLimits(overall_per_second=5))
    for chat_id in range(130, 135):
        await bot.send_message(chat_id, "x")
    with pytest.raises(RetryAfter) as error:
        await bot.send_message(135, "x")
    assert error.value.retry_after == dtm.timedelta(seconds=1)
    await bot.send_message(136, "x", allow_paid_broadcast=True)
    assert tg.violations["global"] == 1
    assert len(tg.messages) == 6


async def test_unenforced_limits_are_only_counted(tg: FakeTelegram, bot: Bot) -> None:
    """With enforce=False violations are counted and logged but the messages are delivered."""
    tg.rules = RateRules(enforce=False)
    for text in ("a", "b", "c"):
        await bot.send_message(140, text)
    assert [m.text for m in tg.messages_to(140)] == ["a", "b", "c"]
    assert tg.violations["per_chat"] == 2
    assert [kind for _, kind, _ in tg.violation_log] == ["per_chat", "per_chat"]


async def test_latency_is_applied_after_arrival_and_in_parallel(tg: FakeTelegram, bot: Bot) -> None:
    """Latency delays each answer without serialising requests; arrival times are taken before it."""
    tg.set_latency(0.3, 0.0)
    started = time.monotonic()
    await asyncio.gather(*(bot.send_message(150 + i, "x") for i in range(5)))
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 0.9
    assert all(c.at - started < 0.2 for c in tg.calls_to("sendMessage"))


# ------------------------------------------------------------------------------- updates


async def test_long_polling_returns_injected_update_promptly(tg: FakeTelegram, bot: Bot) -> None:
    """A waiting getUpdates returns as soon as an update is injected, and an offset confirms it."""
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    update_id = tg.send_text(160, 160, "سلام")
    updates = await poll
    assert time.monotonic() - started < 0.5
    assert [u.update_id for u in updates] == [update_id]
    assert updates[0].message is not None
    assert updates[0].message.text == "سلام"
    assert len(tg.pending_updates) == 1  # not confirmed yet
    assert await bot.get_updates(offset=update_id + 1, timeout=0) == ()
    assert tg.pending_updates == []


async def test_get_updates_limit_offset_and_allowed_updates(tg: FakeTelegram, bot: Bot) -> None:
    """limit caps a batch, unconfirmed updates come again, and unwanted types are never delivered."""
    first = tg.send_text(161, 161, "1")
    tg.inject(tg.callback_query(161, 161, "data", 1))
    tg.send_text(161, 161, "3")
    batch = await bot.get_updates(limit=2, timeout=0)
    assert [u.update_id for u in batch] == [first, first + 1]
    assert [u.update_id for u in await bot.get_updates(limit=2, timeout=0)] == [first, first + 1]
    only_messages = await bot.get_updates(offset=first + 1, allowed_updates=["message"], timeout=0)
    assert [u.update_id for u in only_messages] == [first + 2]


async def test_concurrent_get_updates_conflict(tg: FakeTelegram, bot: Bot) -> None:
    """A second bot instance's getUpdates terminates the waiting one with 409 Conflict."""
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    async with make_bot(tg) as second_instance:
        newer = asyncio.create_task(second_instance.get_updates(timeout=2))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await older
        tg.send_text(162, 162, "x")
        assert len(await newer) == 1


async def test_webhook_methods(tg: FakeTelegram, bot: Bot) -> None:
    """setWebhook/getWebhookInfo/deleteWebhook are recorded and an active webhook blocks getUpdates."""
    with pytest.raises(BadRequest, match=r"(?i)an https url must be provided"):
        await bot.set_webhook("http://insecure.example/hook")
    tg.send_text(170, 170, "x")
    assert await bot.set_webhook("https://bot.example/hook", secret_token="s3cret") is True
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("https://bot.example/hook", 1)
    webhook = tg.webhook
    assert webhook is not None
    assert webhook["secret_token"] == "s3cret"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    assert tg.webhook is None
    assert tg.pending_updates == []


async def test_update_builders_parse_in_ptb(tg: FakeTelegram, bot: Bot) -> None:
    """Every builder produces JSON that PTB's Update.de_json accepts, with commands, files and ids."""
    tg.inject(tg.message(180, 180, "/start@ilam_press_bot inv_ABC", username="reporter"))
    tg.inject(tg.message(180, 180, photo=True, caption="عکس"))
    tg.inject(tg.message(-100181, 5, "در گروه", chat_type="supergroup", chat_title="خبرنگاران"))
    tg.inject(tg.my_chat_member(-100182, "channel", 5, "left", "administrator", can_post_messages=True))
    tg.inject(tg.channel_post(-100182, "پست"))
    tg.inject(tg.inline_query(5, "آب"))
    tg.inject(tg.callback_query(180, 180, "ok", 1))
    updates = await bot.get_updates(timeout=0, allowed_updates=Update.ALL_TYPES)
    command, photo, group, member, post, inline, callback = updates
    assert command.message is not None
    assert command.message.text is not None
    assert command.message.parse_entities() == {command.message.entities[0]: "/start@ilam_press_bot"}
    assert command.message.from_user is not None
    assert command.message.from_user.username == "reporter"
    assert photo.message is not None
    assert photo.message.message_id == 2
    file = await bot.get_file(photo.message.photo[-1].file_id)
    assert len(await file.download_as_bytearray()) > 0
    assert group.effective_chat is not None
    assert group.effective_chat.title == "خبرنگاران"
    assert member.my_chat_member is not None
    assert member.my_chat_member.new_chat_member.status == "administrator"
    assert post.channel_post is not None
    assert post.channel_post.text == "پست"
    assert inline.inline_query is not None
    assert inline.inline_query.query == "آب"
    assert callback.callback_query is not None
    assert callback.callback_query.data == "ok"
    # the bot's next message in chat 180 continues the chat's message ids
    assert (await bot.send_message(180, "x")).message_id == 3


async def test_callback_and_inline_answers(relaxed: FakeTelegram, bot: Bot) -> None:
    """answerCallbackQuery/answerInlineQuery are recorded once; an unknown or reused query id is refused."""
    tg = relaxed
    sent = await bot.send_message(
        190, "x", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d")]])
    )
    tg.inject(tg.callback_query(190, 190, "d", sent.message_id))
    tg.inject(tg.inline_query(190, "q"))
    callback, inline = await bot.get_updates(timeout=0)
    assert callback.callback_query is not None
    assert callback.callback_query.message is not None
    assert callback.callback_query.message.message_id == sent.message_id
    assert await callback.callback_query.answer("ثبت شد") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await callback.callback_query.answer()
    assert inline.inline_query is not None
    result = InlineQueryResultArticle("1", "عنوان", InputTextMessageContent("<b>متن</b>", parse_mode="HTML"))
    assert await inline.inline_query.answer([result], cache_time=0) is True
    assert tg.answered_callbacks[0]["text"] == "ثبت شد"
    assert tg.inline_answers[0]["results"][0]["id"] == "1"


async def test_commands_and_menu_button(tg: FakeTelegram, bot: Bot) -> None:
    """setMyCommands is kept per scope and language, validated, readable and deletable."""
    await bot.set_my_commands([BotCommand("start", "شروع"), BotCommand("search", "جست‌وجو")])
    await bot.set_my_commands([BotCommand("stats", "آمار")], scope=BotCommandScopeChat(5), language_code="fa")
    assert [c["command"] for c in tg.commands["default"]] == ["start", "search"]
    assert tg.commands["chat:5/fa"] == [{"command": "stats", "description": "آمار"}]
    fetched = await bot.get_my_commands(scope=BotCommandScopeChat(5), language_code="fa")
    assert [c.command for c in fetched] == ["stats"]
    assert await bot.delete_my_commands() is True
    assert "default" not in tg.commands
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start-Now", "x")])
    assert await bot.set_chat_menu_button(5, MenuButtonCommands()) is True
    assert tg.menu_buttons[5] == {"type": "commands"}


# ------------------------------------------------------------------------------- chats and members


async def test_chat_and_member_registry(tg: FakeTelegram, bot: Bot) -> None:
    """getChat, getChatMember, getChatAdministrators and getChatMemberCount answer from the registry."""
    tg.add_chat(-100200, "channel", title="اخبار ایلام", username="ilam_news")
    tg.set_member(-100200, 9, "creator")
    tg.set_member(-100200, tg.bot_id, "administrator", can_post_messages=True, can_delete_messages=True)
    tg.set_member(-100200, 10, "member")
    chat = await bot.get_chat("@ilam_news")
    assert (chat.id, chat.type, chat.title) == (-100200, "channel", "اخبار ایلام")
    assert isinstance(await bot.get_chat_member(-100200, 9), ChatMemberOwner)
    assert isinstance(await bot.get_chat_member(-100200, 11), ChatMemberLeft)  # never set
    me = await bot.get_chat_member(-100200, tg.bot_id)
    assert isinstance(me, ChatMemberAdministrator)
    assert me.can_post_messages
    assert me.can_delete_messages
    admins = await bot.get_chat_administrators(-100200)
    assert sorted(a.user.id for a in admins) == sorted([9, tg.bot_id])
    assert await bot.get_chat_member_count(-100200) == 3
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.get_chat(-100404)


async def test_membership_decides_whether_sends_work(tg: FakeTelegram, bot: Bot) -> None:
    """A kicked bot gets Forbidden, a channel needs can_post_messages, and leaveChat queues my_chat_member."""
    tg.inject(tg.my_chat_member(-210, "group", 5, "member", "kicked"))
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was kicked from the group chat$"):
        await bot.send_message(-210, "x")
    tg.inject(tg.my_chat_member(211, "private", 211, "member", "kicked"))
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(211, "x")
    tg.add_chat(-100212, "channel", title="کانال")
    tg.set_member(-100212, tg.bot_id, "administrator", can_post_messages=False)
    with pytest.raises(BadRequest, match="Need administrator rights in the channel chat"):
        await bot.send_message(-100212, "x")
    tg.add_chat(-213, "group", title="گروه")
    assert await bot.leave_chat(-213) is True
    update = (await bot.get_updates(timeout=0))[-1]
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "left"
    with pytest.raises(Forbidden, match="bot is not a member of the group chat"):
        await bot.send_message(-213, "x")


# ------------------------------------------------------------------------------- PTB Application


async def test_application_polling_answers_start(tg: FakeTelegram) -> None:
    """A real Application polling the fake receives an injected /start and its CommandHandler replies."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"<b>خوش آمدید</b> {context.args}", parse_mode="HTML")

    app = ApplicationBuilder().token(tg.token).base_url(tg.base_url).base_file_url(tg.base_file_url).build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling()
        await tg.wait_for(lambda s: s.calls_to("getUpdates"))
        update_id = tg.send_text(300, 300, "/start inv_XYZ")
        reply = await tg.wait_for(lambda s: s.messages_to(300))
        await app.updater.stop()
        await app.stop()
    assert reply[0].plain_text == "خوش آمدید ['inv_XYZ']"
    assert reply[0].message_id == 2
    methods = [c.method for c in tg.calls]
    assert methods[:2] == ["getMe", "deleteWebhook"]
    assert {"getUpdates", "sendMessage"} <= set(methods)
    last_poll = tg.calls_to("getUpdates")[-1]
    assert last_poll.params["offset"] == update_id + 1
    assert last_poll.params["timeout"] == 0
    assert tg.pending_updates == []
    assert tg.internal_errors == []


# ------------------------------------------------------------------------------- threads


def test_threaded_server_from_synchronous_code(tg_thread: FakeTelegram) -> None:
    """The threaded server serves plain HTTP and PTB from other threads, and injection wakes its long polls."""
    tg = tg_thread
    with httpx.Client() as client:
        response = client.post(api(tg, "sendMessage"), data={"chat_id": "400", "text": "سلام"})
    assert response.json()["result"]["text"] == "سلام"
    assert tg.wait_until(lambda s: s.messages_to(400))[0].plain_text == "سلام"

    async def poll() -> tuple[Update, ...]:
        async with make_bot(tg) as bot:
            return await bot.get_updates(timeout=5)

    timer = threading.Timer(0.1, tg.send_text, args=(401, 401, "/start"))
    timer.start()
    started = time.monotonic()
    updates = asyncio.run(poll())
    timer.join()
    assert time.monotonic() - started < 1.0
    assert updates[0].message is not None
    assert updates[0].message.text == "/start"
    with pytest.raises(TimeoutError, match=r"condition .* not met within 0\.05s"):
        tg.wait_until(lambda s: s.messages_to(999), timeout=0.05)
