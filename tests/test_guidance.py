"""Guidance by role (issue 13, slip 8): an officer's welcome, admins told who joins and who is revoked, the
«ارسال برای تأیید» button, /help by role, and a stranger's plain text pointed where to go."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot import texts
from bot.domain.text import fold
from fakegram import FakeTelegram
from fakegram.drivers import Admin, Journalist, Officer, Person, buttons
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
OFFICER_ID, OTHER_OFFICER_ID, STRANGER_ID, SECOND_ADMIN_ID = 3001, 3002, 3003, 2
GROUP, GROUP_ADMIN = -1001000000051, 5101
ORG = "شرکت گاز استان ایلام"


async def test_an_officer_joining_learns_what_to_send_and_the_admins_hear_of_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The welcome says what to send and that the agency's releases need approval; every admin hears who
    joined, and when one admin revokes an officer, the others hear who did it."""
    tg.user(SECOND_ADMIN_ID, "مریم رضایی")
    async with running_bot(settings_for(tg, tmp_path, ADMIN_IDS=f"1,{SECOND_ADMIN_ID}")) as app:
        store = runtime(app).storage
        admin = Admin(tg)
        await admin.say(f"/addorg {ORG}", first_name="علی مرادی")
        await admin.say("/approval 1 on")
        await store.officers.create_invite("joinme", 1, 1, utcnow() + timedelta(days=1))
        welcome = await Officer(tg, OFFICER_ID).ask("/start inv_joinme", first_name="زهرا", username="zahra_pr")
        joined = texts.OFFICER_JOINED_ADMINS.format(
            name="زهرا",
            username=" (@zahra_pr)",
            user_id="۳۰۰۱",
            org=ORG,
            org_id="۱",
            approval=texts.JOINED_NEEDS_APPROVAL_ADMINS,
        )
        for admin_id in (1, SECOND_ADMIN_ID):
            await tg.wait_for(lambda s, a=admin_id: any(m.text == joined for m in s.messages_to(a)), timeout=10)

        before = len(tg.messages_to(1))
        assert (await admin.ask(f"/revoke {OFFICER_ID}")).startswith("دسترسی انتشار زهرا")
        revoked = texts.OFFICER_REVOKED_ADMINS.format(admin="علی مرادی", name="زهرا", user_id="۳۰۰۱", org=ORG)
        await tg.wait_for(lambda s: any(m.text == revoked for m in s.messages_to(SECOND_ADMIN_ID)), timeout=10)
        to_revoker = [m.text for m in tg.messages_to(1)[before:]]
    assert welcome.startswith(texts.JOINED.format(name="زهرا", org=ORG))
    assert texts.JOINED_WHAT_TO_SEND in welcome
    assert texts.JOINED_NEEDS_APPROVAL.format(org=ORG) in welcome
    assert "«📨 ارسال برای تأیید»" in welcome
    assert texts.JOINED_PUBLISHES_AT_ONCE.format(org=ORG) not in welcome
    assert revoked not in to_revoker  # the admin who revoked was answered, not told again


@pytest.mark.parametrize(("approval", "label"), [(True, "📨 ارسال برای تأیید"), (False, "📤 انتشار")])
async def test_the_publish_button_says_what_it_does(
    tg: FakeTelegram, tmp_path: Path, approval: bool, label: str
) -> None:
    """Where the agency's releases need approval the draft's button says «ارسال برای تأیید», else «انتشار»."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        org = await store.organizations.create(ORG, fold(ORG), None, created_by=1)
        await store.organizations.set_approval(org.id, approval)
        await store.officers.create_invite("code", org.id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite("code", OFFICER_ID, "کارشناس", None)
        *_, card = await Officer(tg, OFFICER_ID).say(SAMPLES["r08"]["text"], count=3)
    assert buttons(card)["pub:1"] == label
    assert (texts.DRAFT_NEEDS_APPROVAL in (card.text or "")) is approval


def _position(text: str, *needles: str) -> list[int]:
    return [text.index(n) for n in needles]


async def test_help_is_written_for_each_role(tg: FakeTelegram, tmp_path: Path) -> None:
    """/help tells a journalist, an officer (with their agency and whether it needs approval), an admin who is
    no officer, an admin who is one, and a group what each may use, their own commands first."""
    async with running_bot(settings_for(tg, tmp_path, ADMIN_IDS=f"1,{SECOND_ADMIN_ID}")) as app:
        store = runtime(app).storage
        org = await store.organizations.create(ORG, fold(ORG), None, created_by=1)
        await store.organizations.set_approval(org.id, True)
        for user_id, code in ((OFFICER_ID, "a"), (SECOND_ADMIN_ID, "b")):
            await store.officers.create_invite(code, org.id, 1, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(code, user_id, "کارشناس", None)
        journalist = await Journalist(tg, STRANGER_ID).ask("/help")
        officer = await Officer(tg, OFFICER_ID).ask("/help")
        admin = "\n".join(m.text or "" for m in await Admin(tg).say("/help"))
        admin_officer = "\n".join(m.text or "" for m in await Admin(tg, SECOND_ADMIN_ID).say("/help"))
        tg.add_chat(GROUP, "supergroup", "خبرنگاران")
        group = await Person(tg, GROUP_ADMIN).in_chat(GROUP).ask("/help")

    assert journalist.startswith(f"{texts.HELP_TITLE}\n\n{texts.HELP_INTRO_JOURNALIST}")
    assert "/publish" not in journalist
    assert "/approve" not in journalist

    intro = texts.HELP_INTRO_OFFICER.format(org=ORG, publishing=texts.HELP_OFFICER_APPROVAL)
    assert officer.startswith(f"{texts.HELP_TITLE}\n\n{intro}")
    desk, receiving = _position(officer, "/publish", "/topics")
    assert desk < receiving  # the officer's own commands first
    assert "/approve" not in officer
    assert "\n/retract شناسه [دلیل] [yes] — " in officer  # the typed confirmation too

    assert admin.startswith(f"{texts.HELP_TITLE}\n\n{texts.HELP_INTRO_ADMIN}")
    approve, receiving = _position(admin, "/approve", "/topics")
    assert approve < receiving
    assert "در پاسخ (Reply) به همان پیام" in admin
    assert "\n/publish " not in admin  # admin 1 is no officer: the desk's lines would only refuse them
    assert texts.HELP_ADMIN_NO_DESK in admin
    assert "\n/publish " in admin_officer
    assert texts.HELP_ADMIN_NO_DESK not in admin_officer

    assert group.startswith(f"{texts.HELP_GROUP_TITLE}\n\n{texts.HELP_INTRO_GROUP}")
    assert "/subscribe" in group
    for private_only in ("/profile", "/channels", "/use", "/ask"):
        assert private_only not in group


async def test_a_strangers_text_points_to_start_search_and_invites(tg: FakeTelegram, tmp_path: Path) -> None:
    """Plain text from someone who is no officer gets where to go: /start, /search and how officers get in."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        reply = await Person(tg, STRANGER_ID).ask("سلام، خبر ما را منتشر کنید")
        releases = await runtime(app).storage.releases.latest_of_organization(1)
    assert "نمی‌توانم پردازش کنم" not in reply
    for pointer in ("/start", "/search", "پیوند دعوت", "اداره کل روابط عمومی استانداری"):
        assert pointer in reply
    assert releases == []
