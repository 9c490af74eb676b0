"""Ids no row can have, typed after a command or forged under a button, through the real bot (issue 11, 7).

A number beyond SQLite's integer range names nothing, exactly like an id that is simply unknown: it
gets the same Persian answer («خبری با شناسه … پیدا نشد»), a forged button gets the stale-button
alert, nobody is told «internal error» and the admin chat is not alerted.
"""

from __future__ import annotations

from pathlib import Path

from bot import texts
from bot.domain.digits import fa
from fakegram import FakeTelegram
from fakegram.drivers import Admin, Journalist, Officer
from tests.harness import running_bot, settings_for
from tests.test_officer import OFFICER, SAMPLES, STRANGER, setup_desk

HUGE = "99999999999999999999999"
ADMIN_CHAT = -100500
JOURNALIST = 5001


def unknown_release(release_id: str) -> str:
    """The answer to an id that names no release."""
    return texts.UNKNOWN_RELEASE.format(id=fa(release_id))


async def test_a_huge_id_in_any_command_is_answered_like_an_unknown_one(tg: FakeTelegram, tmp_path: Path) -> None:
    """Officer, approval, admin, journalist and archive commands: «HUGE» is answered as «999» is."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        await setup_desk(app)
        officer, admin, journalist = Officer(tg, OFFICER), Admin(tg), Journalist(tg, JOURNALIST)
        stranger = Officer(tg, STRANGER)
        await officer.say(SAMPLES["r05"]["text"], count=3)
        # The answer an ordinary unknown id gets, next to the answer a huge one gets.
        replies = []
        for command in (
            "/status {id}",
            "/publish {id}",
            "/publish {id} confirm",
            "/cancel {id}",
            "/correct {id}",
            "/retract {id} دلیل",
            "/schedule {id} +1h",
            "/settopics {id} health",
            "/setcounty {id} ilam",
        ):
            replies.append(
                (command, await officer.ask(command.format(id=999)), await officer.ask(command.format(id=HUGE)))
            )
        persian = await officer.ask("/status ۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹")
        negative = await officer.ask("/status -99999999999999999999999")
        not_an_officer = (await stranger.ask("/status 999"), await stranger.ask(f"/status {HUGE}"))
        approval = [
            (await admin.ask(command.format(id=999)), await admin.ask(command.format(id=HUGE)))
            for command in ("/approve {id}", "/reject {id} دلیل")
        ]
        organizations = [
            (await admin.ask(command.format(id=999)), await admin.ask(command.format(id=HUGE)))
            for command in ("/approval {id} on", "/invite {id}", "/officers {id}")
        ]
        revoke = (await admin.ask("/revoke 999"), await admin.ask(f"/revoke {HUGE}"))
        remove_admin = (await admin.ask("/removeadmin 999"), await admin.ask(f"/removeadmin {HUGE}"))
        use = (await journalist.ask("/use 999"), await journalist.ask(f"/use {HUGE}"))
        agencies = (await journalist.ask("/agencies 999"), await journalist.ask(f"/agencies {HUGE}"))
        archive = (await journalist.ask("/release 999"), await journalist.ask(f"/release {HUGE}"))
        usage = await officer.ask("/status abc")
    for command, small, huge in replies:
        assert small == unknown_release("999"), command
        assert huge == unknown_release(HUGE), command
    assert persian == unknown_release(HUGE)
    assert negative == unknown_release("-" + HUGE)
    assert not_an_officer == (texts.NOT_OFFICER, texts.NOT_OFFICER)
    assert approval == [(unknown_release("999"), unknown_release(HUGE))] * 2
    unknown_org = (texts.UNKNOWN_ORG.format(id=fa("999")), texts.UNKNOWN_ORG.format(id=fa(HUGE)))
    assert organizations == [unknown_org] * 3
    assert revoke == (texts.REVOKE_NONE.format(user_id=fa("999")), texts.REVOKE_NONE.format(user_id=fa(HUGE)))
    assert remove_admin == (
        texts.REMOVEADMIN_NONE.format(user_id=fa("999")),
        texts.REMOVEADMIN_NONE.format(user_id=fa(HUGE)),
    )
    assert use == (texts.USE_UNKNOWN.format(id=fa("999")), texts.USE_UNKNOWN.format(id=fa(HUGE)))
    assert agencies == (
        texts.FILTER_UNKNOWN_AGENCIES.format(values=fa("999")),
        texts.FILTER_UNKNOWN_AGENCIES.format(values=fa(HUGE)),
    )
    assert archive == (texts.RELEASE_NOT_FOUND.format(id=fa("999")), texts.RELEASE_NOT_FOUND.format(id=fa(HUGE)))
    assert usage == texts.STATUS_USAGE  # what is not a number at all still gets the usage
    for chat_id in (OFFICER, STRANGER, 1, JOURNALIST):
        assert texts.INTERNAL_ERROR not in [m.text for m in tg.messages_to(chat_id)]
    assert tg.messages_to(ADMIN_CHAT) == []


async def test_a_forged_button_with_a_huge_id_is_a_stale_button(tg: FakeTelegram, tmp_path: Path) -> None:
    """Every kind of button, forged with an id beyond SQLite's range, gets the stale-button answer."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_CHAT_ID=str(ADMIN_CHAT))) as app:
        await setup_desk(app)
        officer, admin, journalist = Officer(tg, OFFICER), Admin(tg), Journalist(tg, JOURNALIST)
        *_, card = await officer.say(SAMPLES["r05"]["text"], count=3)
        [orgs] = await admin.say("/orgs")
        [help_] = await journalist.say("/help")
        answers = {}
        for data in (f"pub:{HUGE}", f"pubc:{HUGE}", f"cancel:{HUGE}", f"tp:{HUGE}", f"sch:{HUGE}"):
            answers[data] = await officer.press(card, data)
        for data in (f"tt:{HUGE}:health", f"cs:{HUGE}:ilam", f"sq:{HUGE}:1h"):
            answers[data] = await officer.press(card, data)
        for data in (f"apr:{HUGE}", f"rej:{HUGE}"):
            answers[data] = await admin.press(orgs, data)
        for data in (f"jp:t:{HUGE}:0:health", f"jp:c:-{HUGE}:0:ilam", f"js:{HUGE}:0:y"):
            answers[data] = await journalist.press(help_, data)
        answers["srch"] = await journalist.press(help_, f"srch:{HUGE}:1")
    for data, answer in answers.items():
        expected = texts.SEARCH_EXPIRED if data == "srch" else texts.PICKER_STALE
        assert answer.get("text") == expected, data
        assert answer.get("show_alert") in (True, "true"), data
    for chat_id in (OFFICER, 1, JOURNALIST):
        assert texts.INTERNAL_ERROR not in [m.text for m in tg.messages_to(chat_id)]
    assert tg.messages_to(ADMIN_CHAT) == []
