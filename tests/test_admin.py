"""Admins manage organizations, invites and officers through the real bot; everyone else is refused."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from bot import texts
from fakegram import FakeTelegram
from fakegram.drivers import Person
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ADMIN = 1  # in ADMIN_IDS (tests.harness.settings_for)
OFFICER = 2001
OTHER = 2002


async def ask(tg: FakeTelegram, user: int, text: str, *, first_name: str = "کاربر") -> str:
    """Send a private message as ``user`` and return the bot's next reply to them."""
    return await Person(tg, user, timeout=10).ask(text, first_name=first_name)


@pytest.mark.parametrize("command", ["/addorg استانداری", "/orgs", "/invite 1", "/officers", "/revoke 5"])
async def test_admin_commands_refuse_everyone_else(tg: FakeTelegram, tmp_path: Path, command: str) -> None:
    """A user who is not an admin gets a Persian refusal and nothing changes."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        assert await ask(tg, OTHER, command) == texts.NOT_ADMIN
        assert await runtime(app).storage.organizations.list_all() == []
        assert await runtime(app).storage.audit.latest() == []


async def test_invite_join_and_revoke_round_trip(tg: FakeTelegram, tmp_path: Path) -> None:
    """An admin adds an agency, invites; the officer joins once; a second use is refused; revoke works."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        reply = await ask(tg, ADMIN, "/addorg فرمانداری مهران | mehran")
        assert "فرمانداری مهران" in reply
        assert "مهران" in reply
        [org] = await store.organizations.list_all()
        assert org.county == "mehran"

        reply = await ask(tg, ADMIN, f"/invite {org.id}")
        match = re.search(r"https://t\.me/ilam_press_bot\?start=(inv_[\w-]+)", reply)
        assert match, reply
        start_param = match.group(1)

        joined = await ask(tg, OFFICER, f"/start {start_param}", first_name="زهرا")
        assert joined == "\n\n".join(
            [
                texts.JOINED.format(name="زهرا", org="فرمانداری مهران"),
                texts.JOINED_WHAT_TO_SEND,
                texts.JOINED_PUBLISHES_AT_ONCE.format(org="فرمانداری مهران"),
                texts.JOINED_MORE,
            ]
        )
        officer = await store.officers.get(OFFICER)
        assert officer is not None
        assert officer.active
        assert officer.organization_id == org.id

        assert await ask(tg, OTHER, f"/start {start_param}") == texts.INVITE_USED
        assert await store.officers.get(OTHER) is None

        listing = await ask(tg, ADMIN, "/officers")
        assert "زهرا" in listing
        assert "فرمانداری مهران" in listing
        orgs = await ask(tg, ADMIN, "/orgs")
        assert "۱ کارشناس" in orgs

        revoked = await ask(tg, ADMIN, f"/revoke {OFFICER}")
        assert "لغو شد" in revoked
        await tg.wait_for(
            lambda s: any(m.text == texts.REVOKED_NOTICE.format(org="فرمانداری مهران") for m in s.messages_to(OFFICER)),
            timeout=5,
        )
        officer = await store.officers.get(OFFICER)
        assert officer is not None
        assert not officer.active
        actions = [e.action for e in await store.audit.latest()]
    assert actions == ["officer.revoke", "officer.join", "invite.create", "organization.create"]


async def test_expired_and_unknown_invites_are_refused(tg: FakeTelegram, tmp_path: Path) -> None:
    """An invite past its expiry or a made-up code binds nobody and says why."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        await ask(tg, ADMIN, "/addorg اداره کل ورزش و جوانان")
        [org] = await store.organizations.list_all()
        await store.officers.create_invite("oldcode", org.id, ADMIN, utcnow() - timedelta(minutes=1))
        assert await ask(tg, OFFICER, "/start inv_oldcode") == texts.INVITE_EXPIRED
        assert await ask(tg, OFFICER, "/start inv_nosuchcode") == texts.INVITE_UNKNOWN
        assert await store.officers.get(OFFICER) is None


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/addorg", texts.ADDORG_USAGE),
        ("/addorg   |  mehran", texts.ADDORG_USAGE),
        ("/invite", texts.INVITE_USAGE),
        ("/invite abc", texts.AGENCY_UNKNOWN_NAME.format(name="abc", listing="/orgs")),
        ("/invite ۹۹", texts.UNKNOWN_ORG.format(id="۹۹")),
        ("/revoke", texts.REVOKE_USAGE),
        ("/revoke 424242", texts.REVOKE_NONE.format(user_id="۴۲۴۲۴۲")),
        ("/officers x", texts.AGENCY_UNKNOWN_NAME.format(name="x", listing="/orgs")),
        ("/officers 77", texts.UNKNOWN_ORG.format(id="۷۷")),
    ],
)
async def test_bad_arguments_get_a_clear_reply(tg: FakeTelegram, tmp_path: Path, command: str, expected: str) -> None:
    """Missing, malformed or unknown arguments are answered in Persian and change nothing."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        assert await ask(tg, ADMIN, command) == expected
        assert await runtime(app).storage.audit.latest() == []


async def test_unknown_county_and_duplicate_names_are_refused(tg: FakeTelegram, tmp_path: Path) -> None:
    """A county slug outside the gazetteer, or a name already registered (in any spelling), is refused."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        reply = await ask(tg, ADMIN, "/addorg فرمانداری کرج | karaj")
        assert reply.startswith("شهرستان «karaj» شناخته نشد")
        await ask(tg, ADMIN, "/addorg شرکت گاز استان ایلام")
        duplicate = await ask(tg, ADMIN, "/addorg شركت گاز استان ايلام")
        assert duplicate.startswith("دستگاهی با همین نام")
        assert len(await runtime(app).storage.organizations.list_all()) == 1


async def test_ids_typed_in_persian_digits_work(tg: FakeTelegram, tmp_path: Path) -> None:
    """/invite ۱ is the same as /invite 1."""
    async with running_bot(settings_for(tg, tmp_path)):
        await ask(tg, ADMIN, "/addorg استانداری ایلام")
        reply = await ask(tg, ADMIN, "/invite ۱")
        assert "start=inv_" in reply


async def test_admin_commands_in_a_group_are_redirected(tg: FakeTelegram, tmp_path: Path) -> None:
    """An admin typing /orgs in a group is asked to use the private chat (nothing is listed there)."""
    async with running_bot(settings_for(tg, tmp_path)):
        tg.inject(tg.message(-100900, ADMIN, "/orgs", chat_type="supergroup", chat_title="خبرنگاران"))
        await tg.wait_for(lambda s: s.messages_to(-100900), timeout=10)
        assert tg.messages_to(-100900)[0].text == texts.PRIVATE_ONLY
