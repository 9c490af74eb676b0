"""/audit in Persian (issue 13): what happened in words, who did it and on what by name; every event the
services write has its words."""

from __future__ import annotations

import ast
import json
import re
from datetime import timedelta
from pathlib import Path

from bot import texts
from fakegram import FakeTelegram
from fakegram.drivers import Admin, Officer
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
GAS_TEXT = next(
    s["text"]
    for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
    if s["id"] == "r08"
)
OFFICER_ID = 3001
ORG = "شرکت گاز استان ایلام"


async def test_audit_speaks_persian_and_names_people_and_things(tg: FakeTelegram, tmp_path: Path) -> None:
    """/audit says what happened in Persian, who did it by name (with the id) and on what by name."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        store = runtime(app).storage
        admin = Admin(tg)
        await admin.say(f"/addorg {ORG}", first_name="علی مرادی")
        await admin.say("/approval 1 on")
        await store.officers.create_invite("code", 1, 1, utcnow() + timedelta(days=1))
        await Officer(tg, OFFICER_ID).say("/start inv_code", first_name="زهرا")
        await Officer(tg, OFFICER_ID).say(GAS_TEXT, count=3)
        await Officer(tg, OFFICER_ID).say("/publish 1")
        await admin.say("/reject 1 منبع آمار ذکر نشده")
        [reply] = await admin.say("/audit")
    lines = (reply.plain_text or "").splitlines()[1:]
    assert [line.split(" — ", 1)[1] for line in lines] == [
        "علی مرادی (۱) — رد خبر — خبر ۱ «گازرسانی به ۱۴ روستای شهرستان چرداول به…» — دلیل: منبع آمار ذکر نشده",
        "زهرا (۳۰۰۱) — فرستادن برای تأیید — خبر ۱ «گازرسانی به ۱۴ روستای شهرستان چرداول به…»",
        "زهرا (۳۰۰۱) — پیش‌نویس تازه — خبر ۱ «گازرسانی به ۱۴ روستای شهرستان چرداول به…»",
        f"زهرا (۳۰۰۱) — پیوستن کارشناس با پیوند دعوت — دستگاه ۱ «{ORG}»",
        f"علی مرادی (۱) — تأیید پیش از انتشار — دستگاه ۱ «{ORG}» — روشن",
        f"علی مرادی (۱) — افزودن دستگاه — دستگاه ۱ «{ORG}»",
    ]
    assert not re.search(r"[a-z]+\.[a-z_]+", reply.plain_text or "")  # no event codes left


def test_every_audited_event_has_persian_words() -> None:
    """Each event code the services write (literally, or as «subscription.<state>» and «chat.<outcome>») has
    its Persian description for /audit."""
    written: set[str] = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                written.add(node.args[1].value)
    written |= {f"subscription.{state}" for state in ("paused", "active")}
    written |= {f"chat.{outcome}" for outcome in ("joined", "cannot_post", "removed")}
    assert len(written) > 30
    assert written - set(texts.AUDIT_ACTIONS) == set()
