"""Topics, counties and agencies typed by their Persian names in every command that takes them, through the real bot."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from telegram.ext import Application

from bot import texts
from bot.domain.text import fold
from fakegram import FakeTelegram
from fakegram.drivers import Admin, Journalist, Officer
from storage import Storage
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = json.loads((ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
OFFICER, READER = 3001, 5001
AGENCIES = ("استانداری ایلام", "آموزش و پرورش ایلام", "آموزش و پرورش مهران")


async def setup(app: Application) -> Storage:  # type: ignore[type-arg]
    """Three agencies (ids 1, 2, 3), an officer of the first, and a journalist's profile for /ask."""
    store = runtime(app).storage
    for name in AGENCIES:
        await store.organizations.create(name, fold(name), None, created_by=1)
    await store.officers.create_invite("code", 1, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite("code", OFFICER, "کارشناس", None)
    return store


async def asker(tg: FakeTelegram) -> Journalist:
    """The journalist, with the profile asking needs."""
    journalist = Journalist(tg, READER)
    await journalist.ask("/profile مریم احمدی | خبرگزاری ایرنا")
    return journalist


async def filters_of(store: Storage) -> dict[str, tuple[str, ...]]:
    """The journalist's stored filters, each dimension sorted."""
    subscription = await store.subscriptions.get(READER)
    assert subscription is not None
    return {dimension: tuple(sorted(values)) for dimension, values in subscription.filters.items()}


async def test_journalist_filters_by_persian_names(tg: FakeTelegram, tmp_path: Path) -> None:
    """/topics, /counties and /agencies take multi-word labels, half-spaces or none, Arabic letters and names."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics روابط عمومی")
        assert (await filters_of(store))["topic"] == ("public_relations",)
        await journalist.ask("/topics «سياسي و حكمراني»، ورزش")
        assert (await filters_of(store))["topic"] == ("governance", "sports")
        await journalist.ask("/counties ایوان دره‌شهر")
        assert (await filters_of(store))["county"] == ("darrehshahr", "eyvan")
        await journalist.ask("/counties ایوان   درهشهر")
        assert (await filters_of(store))["county"] == ("darrehshahr", "eyvan")
        await journalist.ask("/agencies استانداری ایلام")
        assert (await filters_of(store))["organization"] == ("1",)
        await journalist.ask("/agencies آموزش و پرورش مهران، ۱")
        assert (await filters_of(store))["organization"] == ("1", "3")


async def test_a_typo_or_a_shared_name_is_answered_and_changes_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    """A label with a typo gets the options as before; a name two agencies share lists both with their ids."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics ورزش")
        typo = await journalist.ask("/topics ورزشی، روابط عمومی")
        assert typo.startswith("این موضوع‌ها را نمی‌شناسم: ورزشی\nموضوع‌های موجود:\n")
        assert "public_relations — روابط عمومی و رسانه" in typo
        shared = await journalist.ask("/agencies آموزش و پرورش")
        assert shared == texts.NAME_AMBIGUOUS.format(
            typed="آموزش و پرورش", options="۲ — آموزش و پرورش ایلام\n۳ — آموزش و پرورش مهران"
        )
        assert await filters_of(store) == {"topic": ("sports",)}


async def test_officer_tags_a_draft_by_persian_names(tg: FakeTelegram, tmp_path: Path) -> None:
    """/settopics and /setcounty take labels and names, «استانی» makes the draft province-wide."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        officer = Officer(tg, OFFICER)
        await officer.say(SAMPLE, count=3)
        await officer.say("/settopics 1 عمران، سلامت و درمان", count=3)
        await officer.say("/setcounty 1 ایوان", count=3)
        draft = await store.releases.get(1)
        assert draft is not None
        assert (draft.topics, draft.county) == (("infrastructure", "health"), "eyvan")
        await officer.say("/setcounty 1 دره شهر", count=3)
        assert (await store.releases.get(1)).county == "darrehshahr"  # type: ignore[union-attr]
        await officer.say("/setcounty 1 استانی", count=3)
        assert (await store.releases.get(1)).county is None  # type: ignore[union-attr]
        assert await officer.ask("/setcounty 1 ایوان مهران") == texts.ONE_COUNTY_ONLY
        assert (await officer.ask("/settopics 1 هواشناسی")).startswith("این موضوع‌ها شناخته نشد: هواشناسی")


async def test_admin_commands_take_agency_and_county_names(tg: FakeTelegram, tmp_path: Path) -> None:
    """/addorg … | ایلام, /invite NAME, /officers NAME and /approval NAME on; ids keep working."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        admin = Admin(tg)
        added = await admin.ask("/addorg فرمانداری دره‌شهر | دره شهر")
        assert added.startswith("دستگاه «فرمانداری دره‌شهر» با شناسه ۴ ثبت شد (دره‌شهر)")
        await admin.ask("/addorg اداره کل ورزش | ایلام")
        added_orgs = [await store.organizations.get(org_id) for org_id in (4, 5)]
        assert [(o.name, o.county) for o in added_orgs if o is not None] == [
            ("فرمانداری دره‌شهر", "darrehshahr"),
            ("اداره کل ورزش", "ilam"),
        ]
        invite = await admin.ask("/invite استانداری ایلام")
        assert "استانداری ایلام" in invite
        assert await admin.ask("/approval آموزش و پرورش مهران on") == texts.APPROVAL_ON.format(
            org="آموزش و پرورش مهران"
        )
        org = await store.organizations.get(3)
        assert org is not None
        assert org.requires_approval
        assert await admin.ask("/approval ۳ off") == texts.APPROVAL_OFF.format(org="آموزش و پرورش مهران")
        assert (await admin.ask("/invite آموزش و پرورش")).startswith("«آموزش و پرورش» با بیش از یک مورد جور است")
        assert await admin.ask("/invite وزارت نیرو") == texts.AGENCY_UNKNOWN_NAME.format(
            name="وزارت نیرو", listing="/orgs"
        )
        assert "کارشناس" in await admin.ask("/officers استانداری")


async def test_a_journalist_asks_an_agency_by_its_name(tg: FakeTelegram, tmp_path: Path) -> None:
    """/ask NAME TEXT: the agency's name, then the question; the question reaches that agency."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        await (await asker(tg)).say("/ask استانداری ایلام سهم استان از اعتبار جاده‌ها چقدر است؟", count=1)
        questions = await store.questions.of_journalist(READER)
        assert [(q.organization_id, q.text) for q in questions] == [(1, "سهم استان از اعتبار جاده‌ها چقدر است؟")]


async def test_an_officer_forwards_and_an_admin_reassigns_by_agency_name(tg: FakeTelegram, tmp_path: Path) -> None:
    """/forward Q_ID NAME REASON and /reassign Q_ID NAME name the agency as it is written."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        await (await asker(tg)).say("/ask ۱ سهم استان از اعتبار مدرسه‌سازی چقدر است؟", count=1)
        forwarded = await Officer(tg, OFFICER).ask("/forward 1 آموزش و پرورش ایلام پاسخ این پرسش با آن اداره است")
        assert forwarded == texts.Q_FORWARDED_DONE.format(id="۱", org="آموزش و پرورش ایلام")
        question = await store.questions.get(1)
        assert question is not None
        assert question.organization_id == 2
        reassigned = await Admin(tg).ask("/reassign 1 آموزش و پرورش مهران")
        assert "«آموزش و پرورش مهران»" in reassigned
        question = await store.questions.get(1)
    assert question is not None
    assert question.organization_id == 3


async def test_a_word_many_agencies_share_lists_a_few_of_them(tg: FakeTelegram, tmp_path: Path) -> None:
    """«ایلام» in twenty agency names: fifteen are listed with their ids, and how many more there are."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup(app)
        for number in range(1, 19):
            name = f"اداره شماره {number} ایلام"
            await store.organizations.create(name, fold(name), None, created_by=1)
        reply = await Journalist(tg, READER).ask("/agencies ایلام")
    lines = reply.splitlines()
    assert lines[0].startswith("«ایلام» با بیش از یک مورد جور است")
    assert len(lines) == 1 + 15 + 1
    assert all(re.fullmatch(r"[۰-۹]+ — .+ ایلام", line) for line in lines[1:16])
    assert lines[-1] == texts.NAME_AMBIGUOUS_MORE.format(count="۵")
