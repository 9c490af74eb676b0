"""A journalist's first steps (issue 13): /filters right after /start, and a group's topic picker that only the
group's administrators may change."""

from __future__ import annotations

from pathlib import Path

from bot import texts
from fakegram import FakeTelegram
from fakegram.drivers import Journalist, Person, buttons
from tests.harness import running_bot, runtime, settings_for

STRANGER_ID = 3003
GROUP, GROUP_ADMIN, GROUP_MEMBER = -1001000000051, 5101, 5102


async def test_filters_right_after_start_offers_the_topic_list(tg: FakeTelegram, tmp_path: Path) -> None:
    """/filters after /start (topics not confirmed yet) does not say «send /start»: it offers the topic list
    again; after «تأیید» it shows the settings."""
    async with running_bot(settings_for(tg, tmp_path)):
        journalist = Journalist(tg, STRANGER_ID)
        await journalist.say("/start")
        [reply] = await journalist.say("/filters")
        assert reply.text == texts.FILTERS_NONE_PRIVATE.format(place=texts.PLACE_OWN)
        assert "/start" not in (reply.text or "")
        confirm = next(data for data in buttons(reply) if data.endswith(":!"))
        assert confirm.startswith("jp:o:")
        await journalist.press(reply, confirm)
        await tg.wait_for(lambda s: buttons(reply) and next(iter(buttons(reply))).startswith("jp:c:"), timeout=10)
        counties = next(data for data in buttons(reply) if data.endswith(":!"))
        await journalist.press(reply, counties)
        settings = await journalist.ask("/filters")
    assert settings.startswith(f"<b>تنظیمات {texts.PLACE_OWN}</b>")


async def test_a_group_member_cannot_move_the_pickers_marks(tg: FakeTelegram, tmp_path: Path) -> None:
    """A member who is not the group's admin pressing its topic picker gets an alert, and nothing changes."""
    tg.add_chat(GROUP, "supergroup", "خبرنگاران")
    tg.set_member(GROUP, GROUP_ADMIN, "administrator")
    tg.set_member(GROUP, GROUP_MEMBER, "member")
    async with running_bot(settings_for(tg, tmp_path)) as app:
        await Person(tg, GROUP_ADMIN).in_chat(GROUP).say("/subscribe")
        [picker] = await Person(tg, GROUP_ADMIN).in_chat(GROUP).say("/topics")
        marks = dict(buttons(picker))
        health = next(data for data in marks if data.endswith(":health"))
        answer = await Person(tg, GROUP_MEMBER).in_chat(GROUP).press(picker, health)
        subscription = await runtime(app).storage.subscriptions.get(GROUP)
        pressed_by_admin = await Person(tg, GROUP_ADMIN).in_chat(GROUP).press(picker, health)
    assert answer.get("show_alert") in (True, "true")
    assert answer.get("text") == texts.NOT_CHAT_ADMIN.format(place="«خبرنگاران»")
    assert subscription is not None
    assert subscription.filters.get("topic", ()) == ()
    assert not pressed_by_admin.get("show_alert")
    assert buttons(picker)[health].startswith(texts.SELECTED_MARK)  # the admin's press did move it
    assert [e.method for e in picker.edits] == ["editMessageReplyMarkup"]  # only the admin's
