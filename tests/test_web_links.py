"""The «🔗 متن کامل» link under each delivered copy: on where PUBLIC_BASE_URL is set, off by default for
channels, chosen per chat with /weblink, kept when a correction edits the copy."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from bot import texts
from bot.domain.text import fold
from fakegram import FakeTelegram, SentMessage
from fakegram.drivers import Journalist
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

OFFICER = 3001
ORG_NAME = "اداره کل بهزیستی استان ایلام"
READER, GROUP, CHANNEL = 5001, -1001600, -1001700
BASE = "https://wire.example.ir"
TEXT = (
    "توزیع بسته‌های معیشتی میان خانواده‌های نیازمند شهرستان مهران\n\n"
    "به گزارش روابط عمومی، ۵۰۰ بسته معیشتی با همکاری خیرین میان خانواده‌های تحت پوشش توزیع شد."
)


def url_buttons(message: SentMessage) -> dict[str, str]:
    """The message's link buttons: label -> address."""
    markup: dict[str, Any] = message.reply_markup or {}
    return {b["text"]: b["url"] for row in markup.get("inline_keyboard", []) for b in row if "url" in b}


async def setup(app: Any) -> None:
    """An agency with its officer; a private reader, a group and a channel, all subscribed."""
    store = runtime(app).storage
    org = await store.organizations.create(ORG_NAME, fold(ORG_NAME), None, created_by=1)
    await store.officers.create_invite("links", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("links", OFFICER, "کارشناس روابط عمومی", None)
    for chat_id, kind in ((READER, "private"), (GROUP, "supergroup"), (CHANNEL, "channel")):
        await store.subscriptions.upsert_chat(chat_id, kind, title=None if kind == "private" else "خبرنگاران")
        await store.subscriptions.subscribe(chat_id)


async def publish(app: Any, tg: FakeTelegram, text: str, chats: tuple[int, ...]) -> int:
    """Publish ``text`` through the desk and wait until every chat of ``chats`` has its copy."""
    desk = runtime(app).desk
    before = {chat: len(tg.messages_to(chat)) for chat in chats}
    preview = await desk.create_draft(OFFICER, text)
    await desk.publish(OFFICER, preview.release.id, confirmed=True)
    await tg.wait_for(lambda s: all(len(s.messages_to(c)) > before[c] for c in chats), timeout=10)
    return preview.release.id


async def test_copies_link_to_the_release_page_but_not_in_channels(tg: FakeTelegram, tmp_path: Path) -> None:
    """A private reader's and a group's copy carry «🔗 متن کامل» to PUBLIC_BASE_URL/r/ID (the private one beside
    «❓ پرسش از این دستگاه»); a channel's does not; a correction's edit keeps the link."""
    async with running_bot(settings_for(tg, tmp_path, PUBLIC_BASE_URL=BASE)) as app:
        await setup(app)
        release_id = await publish(app, tg, TEXT, (READER, GROUP, CHANNEL))
        link = {texts.WEB_FULL_TEXT_BUTTON: f"{BASE}/r/{release_id}"}
        private = tg.messages_to(READER)[-1]
        assert url_buttons(private) == link
        assert len(private.reply_markup["inline_keyboard"]) == 2  # the question desk's button stays
        assert url_buttons(tg.messages_to(GROUP)[-1]) == link
        assert url_buttons(tg.messages_to(CHANNEL)[-1]) == {}
        await runtime(app).desk.correct(OFFICER, release_id, TEXT + " این متن اصلاح شد.")
        await tg.wait_for(lambda s: "اصلاح شد" in (s.messages_to(GROUP)[-1].text or ""), timeout=10)
        assert url_buttons(tg.messages_to(GROUP)[-1]) == link


async def test_weblink_turns_the_link_off_and_on_per_chat(tg: FakeTelegram, tmp_path: Path) -> None:
    """/weblink says the current choice; /weblink off leaves the link out of the next copies; on brings it
    back; anything else is answered with the usage."""
    async with running_bot(settings_for(tg, tmp_path, PUBLIC_BASE_URL=BASE)) as app:
        await setup(app)
        reader = Journalist(tg, READER)
        assert await reader.ask("/weblink") == texts.WEB_LINK_ON.format(place=texts.PLACE_OWN) + "\n\n" + (
            texts.WEB_LINK_USAGE
        )
        assert await reader.ask("/weblink off") == texts.WEB_LINK_OFF.format(place=texts.PLACE_OWN)
        await publish(app, tg, TEXT, (READER,))
        assert url_buttons(tg.messages_to(READER)[-1]) == {}
        assert await reader.ask("/weblink on") == texts.WEB_LINK_ON.format(place=texts.PLACE_OWN)
        second = await publish(app, tg, TEXT.replace("۵۰۰", "۷۰۰") + " مرحله دوم در دهلران.", (READER,))
        assert url_buttons(tg.messages_to(READER)[-1]) == {texts.WEB_FULL_TEXT_BUTTON: f"{BASE}/r/{second}"}
        assert await reader.ask("/weblink maybe") == texts.WEB_LINK_USAGE
        entries = await runtime(app).storage.audit.latest(20)
        assert [e.action for e in entries if e.action == "chat.web_link"] == ["chat.web_link", "chat.web_link"]


async def test_no_link_without_a_public_address(tg: FakeTelegram, tmp_path: Path) -> None:
    """Without PUBLIC_BASE_URL no copy carries a link, and /weblink on says the newsroom has no address."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await setup(app)
        await publish(app, tg, TEXT, (READER, GROUP))
        assert url_buttons(tg.messages_to(READER)[-1]) == {}
        assert url_buttons(tg.messages_to(GROUP)[-1]) == {}
        assert await Journalist(tg, READER).ask("/weblink on") == texts.WEB_LINK_NO_ADDRESS
