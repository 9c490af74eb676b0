"""Updates the library cannot parse are skipped (issue 11, finding 5): logged once, polling moves on.

Telegram has sent updates that libraries could not parse. Before, python-telegram-bot failed on the
whole batch and fetched it again forever: nobody got an answer and the log grew by hundreds of
tracebacks a second. Through the real Application and the fake Bot API server.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from fakegram import FakeTelegram
from tests.harness import running_bot, settings_for

FIRST, SECOND, THIRD = 5101, 5102, 5103

# Each of these fails python-telegram-bot's Update.de_json (TypeError in PTB 22).
MALFORMED: dict[str, dict[str, Any]] = {
    "date_not_a_number": {
        "message": {"message_id": 1, "date": "yesterday", "chat": {"id": FIRST, "type": "private"}, "text": "/start"}
    },
    "chat_not_an_object": {"message": {"message_id": 1, "date": 1, "chat": "not-a-chat", "text": "/start"}},
    "callback_without_fields": {"callback_query": {"id": "77"}},
}


def skip_records(caplog: pytest.LogCaptureFixture, update_id: int) -> list[logging.LogRecord]:
    """The log lines that say the update was skipped."""
    return [
        r
        for r in caplog.records
        if "skipped an update" in r.getMessage() and f"update_id={update_id}" in r.getMessage()
    ]


@pytest.mark.parametrize("kind", list(MALFORMED))
async def test_a_malformed_update_between_others_is_skipped_and_logged_once(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    """Updates before and after one that cannot be parsed are all answered; the bad one is logged
    once with its update_id and type, and confirmed to the server so it is never fetched again."""
    caplog.set_level(logging.INFO)
    async with running_bot(settings_for(tg, tmp_path)):
        before = tg.inject(tg.message(FIRST, FIRST, "/start"))
        bad = tg.inject_raw(MALFORMED[kind])
        after = tg.inject(tg.message(SECOND, SECOND, "/start"))
        await tg.wait_for(lambda s: s.messages_to(FIRST) and s.messages_to(SECOND), timeout=10)
        await tg.wait_for(lambda s: not s.pending_updates, timeout=5)
        polls = len(tg.calls_to("getUpdates"))
        await asyncio.sleep(0.5)  # no hot loop on the bad update
        assert len(tg.calls_to("getUpdates")) - polls < 5
        tg.send_text(THIRD, THIRD, "/help")
        await tg.wait_for(lambda s: s.messages_to(THIRD), timeout=10)
    assert before < bad < after
    assert "خبرنامه روابط عمومی استان ایلام" in tg.messages_to(SECOND)[0].text
    assert "راهنما" in tg.messages_to(THIRD)[0].text
    skipped = skip_records(caplog, bad)
    assert len(skipped) == 1, [r.getMessage() for r in skipped]
    assert f"type={next(iter(MALFORMED[kind]))}" in skipped[0].getMessage()
    assert skipped[0].exc_info is None  # one line, no traceback
    assert not [r for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert tg.messages_to(FIRST)[0].text != texts.INTERNAL_ERROR


async def test_a_batch_of_only_malformed_updates_is_passed(
    tg: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """When the last update of a batch (here every one) cannot be parsed, the next poll still confirms
    it: the server forgets them and a later /start is answered."""
    caplog.set_level(logging.INFO)
    async with running_bot(settings_for(tg, tmp_path)):
        bad = [tg.inject_raw(update) for update in MALFORMED.values()]
        await tg.wait_for(lambda s: not s.pending_updates, timeout=10)
        tg.send_text(FIRST, FIRST, "/start")
        await tg.wait_for(lambda s: s.messages_to(FIRST), timeout=10)
    for update_id in bad:
        assert len(skip_records(caplog, update_id)) == 1
