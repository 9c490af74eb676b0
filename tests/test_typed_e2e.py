"""What people type after /digest, /quiet, /latest and /schedule, through the real bot: times as they say them,
counts above the maximum, and a date without a year that has already passed this year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime
import pytest

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import MONTH_NAMES, example_times, format_date, format_datetime, format_typed
from fakegram import FakeTelegram
from fakegram.drivers import Journalist, Officer, buttons
from tests.harness import running_bot, runtime, settings_for
from tests.test_officer import OFFICER, setup_desk
from tests.test_schedule import BODY

READER = 5001
TEHRAN = ZoneInfo("Asia/Tehran")


async def test_digest_and_quiet_take_times_as_people_type_them(tg: FakeTelegram, tmp_path: Path) -> None:
    """/digest 8, /digest ساعت ۸ و ۳۰ دقیقه and /quiet 23-7 are understood; /digest 25 is still refused."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics culture")
        digest = await journalist.ask("/digest 8")
        assert digest.startswith("📰 از این پس خبرهای این گفت‌وگو هر روز ساعت ۰۸:۰۰")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:00"
        await journalist.ask("/digest ساعت ۸ و ۳۰ دقیقه")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:30"
        quiet = await journalist.ask("/quiet 23-7")
        assert quiet.startswith("🔕 از ")
        await journalist.ask("/quiet ساعت ۲۳ تا ۷ صبح")
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert (subscription.quiet_start, subscription.quiet_end) == ("23:00", "07:00")
        assert await journalist.ask("/digest 25") == texts.MSG_BAD_TIME_OF_DAY.format(text="25")
        assert await journalist.ask("/quiet ۷ تا ۷") == texts.MSG_BAD_TIME_RANGE
        subscription = await store.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:30"


async def test_digest_with_persian_hour_word(tg: FakeTelegram, tmp_path: Path) -> None:
    """/digest ساعت ۸ sets the digest for eight in the morning."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        journalist = Journalist(tg, READER)
        await journalist.ask("/topics culture")
        reply = await journalist.ask("/digest ساعت ۸")
        assert reply.startswith("📰 از این پس خبرهای این گفت‌وگو هر روز ساعت ۰۸:۰۰")
        subscription = await runtime(app).storage.subscriptions.get(READER)
        assert subscription is not None
        assert subscription.digest_time == "08:00"


def passed_day_this_year() -> tuple[str, datetime] | None:
    """Yesterday as «D MONTH» (no year) and the moment «D MONTH ساعت ۱۰» is next year; None on 1 Farvardin,
    the one day of the year when no day of this year has passed."""
    today = datetime.now(UTC).astimezone(TEHRAN)
    yesterday = jdatetime.date.fromgregorian(date=(today - timedelta(days=1)).date())
    if yesterday.year != jdatetime.date.fromgregorian(date=today.date()).year:
        return None
    next_year = jdatetime.date(yesterday.year + 1, yesterday.month, yesterday.day).togregorian()
    moment = datetime(next_year.year, next_year.month, next_year.day, 10, tzinfo=TEHRAN).astimezone(UTC)
    return fa(f"{yesterday.day} {MONTH_NAMES[yesterday.month - 1]}"), moment


async def test_a_passed_day_without_a_year_is_asked_and_yes_schedules_it(tg: FakeTelegram, tmp_path: Path) -> None:
    """/schedule 1 «yesterday» ساعت ۱۰ asks «منظورتان … ۱۴۰۶ … است؟»; yes schedules for then, no changes nothing."""
    found = passed_day_this_year()
    if found is None:
        pytest.skip("on 1 Farvardin no day of this year has passed")
    day, moment = found
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        officer = Officer(tg, OFFICER)
        await officer.say(BODY, count=3)
        [question] = await officer.say(f"/schedule 1 {day} ساعت ۱۰")
        assert question.text == texts.MSG_YEAR_AHEAD.format(date=format_datetime(moment, TEHRAN))
        draft = await store.releases.get(1)
        assert draft is not None
        assert draft.status == "draft"  # nothing is assumed
        no, yes = sorted(buttons(question), key=lambda data: data.endswith(":y"))
        assert buttons(question)[yes] == texts.BUTTON_YEAR_AHEAD_YES.format(date=format_date(moment, TEHRAN))

        before = len(tg.messages_to(OFFICER))
        await officer.press(question, no)
        await tg.wait_for(lambda s: len(s.messages_to(OFFICER)) > before, timeout=10)
        kept = tg.messages_to(OFFICER)[before]
        assert kept.text == texts.YEAR_AHEAD_KEPT.format(id="۱", example=format_typed(moment, TEHRAN))
        assert (await store.releases.get(1)).status == "draft"  # type: ignore[union-attr]

        [asked_again] = await officer.say(f"/schedule 1 {day} ساعت ۱۰")
        before = len(tg.messages_to(OFFICER))
        await officer.press(asked_again, yes)
        await tg.wait_for(lambda s: len(s.messages_to(OFFICER)) > before, timeout=10)
        confirmed = tg.messages_to(OFFICER)[before]
        assert confirmed.text == texts.SCHEDULED.format(id="۱", when=format_datetime(moment, TEHRAN))
        scheduled = await store.releases.get(1)
    assert scheduled is not None
    assert scheduled.status == "scheduled"
    assert scheduled.scheduled_at == moment


async def test_the_draft_card_and_the_usage_give_a_future_example(tg: FakeTelegram, tmp_path: Path) -> None:
    """The draft card's schedule line and /schedule's usage show tomorrow at ten, which schedules without a question."""
    natural, numeric = example_times(datetime.now(UTC), TEHRAN)
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = await setup_desk(app)
        officer = Officer(tg, OFFICER)
        *_, card = await officer.say(BODY, count=3)
        assert texts.SCHEDULE_HINT.format(id="۱", natural=natural, numeric=numeric) in (card.text or "")
        usage = await officer.ask("/schedule 1")
        assert f"/schedule ۱۲ {natural} —" in usage
        reply = await officer.ask(f"/schedule 1 {natural}")
        assert reply.startswith("⏰ خبر ۱ برای")
        scheduled = await store.releases.get(1)
    assert scheduled is not None
    assert scheduled.status == "scheduled"
