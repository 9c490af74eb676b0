"""/stats, /backup, /report and /my count with one definition: a release counts on the Tehran calendar day of its
first publication (a correction does not count it again), and "delivered" is new copies, with the edits of a
correction and the deletions of a retraction counted apart. Read through the fake Bot API server."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.digits import fa_number, to_latin_digits
from bot.domain.periods import day_period, this_month
from bot.services.desk import Desk
from fakegram import FakeTelegram
from fakegram.drivers import Person
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for
from tests.test_reports import ADMIN, SAMPLES, add_org, drained, publish, published_directly, subscribe

TEHRAN = ZoneInfo("Asia/Tehran")
OFFICER = 3101
READERS = (4101, 4102, 4103)
ORG = "فرمانداری آبدانان"


def _number(pattern: str, text: str) -> int:
    """The Persian number ``pattern``'s group captures in ``text`` (which must match)."""
    found = re.search(pattern, text)
    assert found is not None, f"{pattern!r} not in {text!r}"
    return int(to_latin_digits(found[1]))


async def test_stats_backup_report_and_my_agree_on_today_and_on_delivered_copies(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """A published, a corrected and a retracted release today and one from yesterday: the four commands give the
    same figures (3 published today, 9 new copies, 3 edits and 3 deletions apart; the month adds yesterday's)."""
    async with running_bot(settings_for(tg, tmp_path, BROADCAST_RATE="30")) as app:
        store = runtime(app).storage
        desk: Desk = runtime(app).desk
        org = await add_org(store, ORG, OFFICER)
        for chat_id in READERS:
            await subscribe(store, chat_id)
        now = utcnow()
        yesterday = day_period(now, TEHRAN).start - timedelta(hours=1)
        await published_directly(store, org, yesterday, "خبر دیروز")
        await publish(desk, OFFICER, "r02")
        corrected = await publish(desk, OFFICER, "r05")
        retracted = await publish(desk, OFFICER, "r16")
        await drained(store)
        await desk.correct(OFFICER, corrected, SAMPLES["r05"]["text"] + "\n\nاصلاح: ساعت برگزاری ۱۰ صبح است.")
        await desk.retract(OFFICER, retracted, "تکراری")
        await drained(store)

        admin, officer = Person(tg, ADMIN, timeout=20), Person(tg, OFFICER, timeout=20)
        [stats] = await admin.say("/stats")
        [backup] = await admin.say("/backup")
        *_, summary = await admin.say("/report", count=4)
        [mine] = await officer.say("/my")

    _, _, month = this_month(now, TEHRAN)
    yesterday_this_month = month.start <= yesterday
    replies = (stats, backup, summary, mine)
    stats_text, backup_text, report_text, my_text = (m.plain_text or m.text or "" for m in replies)
    # /stats: today's releases and what became of their copies.
    assert _number(r"امروز: ([۰-۹]+) ·", stats_text) == 3
    assert _number(r"پس‌گرفته از خبرهای امروز: ([۰-۹]+)", stats_text) == 1
    assert _number(r"از خبرهای امروز: ([۰-۹]+) ·", stats_text) == 9
    assert _number(r"ویرایش با اصلاحیه: ([۰-۹]+) امروز", stats_text) == 3
    assert _number(r"حذف با پس گرفتن: ([۰-۹]+) امروز", stats_text) == 3
    assert _number(r"· [^:\n]+ ۱۴[۰-۹]+: ([۰-۹]+)\n", stats_text) == 3 + yesterday_this_month
    # /backup and /my say the same sentence about today (one agency here, so /my's is the whole wire's).
    today = texts.TODAY_LINE.format(published="۳", delivered="۹", edits="۳", deletions="۳")
    assert today in backup_text
    assert today in my_text
    # /report: the month's releases (yesterday's included when it was this month) and the same copies.
    assert _number(r"خبرهای منتشرشده: ([۰-۹]+) خبر", report_text) == 3 + yesterday_this_month
    assert _number(r"نسخه‌های تازهٔ رسیده به خبرنگاران: ([۰-۹]+) در", report_text) == 9
    assert _number(r"ویرایش با اصلاحیه: ([۰-۹]+) نسخه", report_text) == 3
    assert _number(r"حذف با پس گرفتن: ([۰-۹]+) نسخه", report_text) == 3
    assert _number(r"اصلاحیه‌ها: ([۰-۹]+)", report_text) == 1
    assert _number(r"پس‌گرفته‌ها: ([۰-۹]+)", report_text) == 1
    # /my: each of today's releases reached the three readers (the retracted one before it was retracted).
    everyone = fa_number(len(READERS))
    assert re.findall(r"رسیده به ([۰-۹]+) از ([۰-۹]+) گیرنده", my_text) == [(everyone, everyone)] * 2
    assert texts.MY_REACH_RETRACTED.format(sent=everyone, total=everyone) in my_text
    assert "خبر دیروز" in my_text
