"""``python -m bot demo``: the real bot against the built-in fake Telegram, playing a short scene in the terminal.

No token and no network: the fake Bot API server (``fakegram``) listens on 127.0.0.1, the database is a
file in a temporary folder, and four people talk to the bot through the server as Telegram users would.
An admin registers an agency and makes an invite; the agency's PR officer joins with it; two journalists
subscribe, each to a topic; the officer sends a release, sees the preview and presses «انتشار»; the
release reaches the journalist whose topic it is, and not the other, who then finds it in the archive.
Everything each person says and everything the bot answers is printed, in Persian. The scene checks
itself: exit code 0 when the release reached exactly the right journalist, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from bot import texts
from bot.app import build_application, polling
from bot.config import Settings
from bot.domain.digits import fa

if TYPE_CHECKING:
    from collections.abc import Callable

    from fakegram import FakeTelegram, Person, SentMessage

    _Finder = Callable[[], list[SentMessage]]

# Telegram user ids of the cast; the admin's is in ADMIN_IDS.
ADMIN, OFFICER, REPORTER, EDITOR = 1001, 2001, 3001, 3002
REPLY_TIMEOUT = 15.0  # seconds a person waits for the bot before the scene is declared broken
_INVITE = re.compile(r"start=(inv_[\w-]+)")
_Value = TypeVar("_Value")


class SceneBroken(Exception):
    """The bot did not do what the scene expects; the message says what, in Persian."""


def run_demo(out: TextIO) -> int:
    """Play the scene, printing it to ``out``; the process exit code (2 when the demo cannot run here)."""
    try:
        import fakegram  # noqa: F401, PLC0415 - needs aiohttp, which only the [demo] and [dev] extras install
    except ImportError:
        print(texts.DEMO_NEEDS_EXTRA, file=out)
        return 2
    started = time.monotonic()
    try:
        asyncio.run(_play(out))
    except SceneBroken as broken:
        print(texts.DEMO_FAILED.format(reason=broken), file=out)
        return 1
    print(texts.DEMO_DONE.format(seconds=fa(round(time.monotonic() - started, 1))), file=out)
    return 0


async def _play(out: TextIO) -> None:
    from fakegram import FAST, FakeTelegram  # noqa: PLC0415

    tg = FakeTelegram(limits=FAST)  # no per-chat spacing: the scene is about the desk, not Telegram's pace
    await tg.start()
    try:
        with tempfile.TemporaryDirectory(prefix="ilam-wire-demo-") as folder:
            settings = Settings.from_mapping(
                {
                    "BOT_TOKEN": tg.token,
                    "TELEGRAM_BASE_URL": tg.base_url,
                    "TELEGRAM_BASE_FILE_URL": tg.base_file_url,
                    "DATABASE_PATH": str(Path(folder) / "bot.db"),
                    "ADMIN_IDS": str(ADMIN),
                    "WEB_ENABLED": "0",  # the scene is the bot's; the newsroom would only take a port
                },
                limits=tg.limits,
            )
            async with polling(build_application(settings)):
                await Scene(tg, out).play()
    finally:
        await tg.stop()


class Scene:
    """The four people, the script they follow, and the printing of what is said."""

    def __init__(self, tg: FakeTelegram, out: TextIO) -> None:
        from fakegram import Admin, Journalist, Officer  # noqa: PLC0415

        self.tg = tg
        self.out = out
        for user_id, name in (
            (ADMIN, texts.DEMO_ADMIN),
            (OFFICER, texts.DEMO_OFFICER),
            (REPORTER, texts.DEMO_REPORTER),
            (EDITOR, texts.DEMO_EDITOR),
        ):
            tg.user(user_id, name)
        self.names = {
            ADMIN: texts.DEMO_ADMIN,
            OFFICER: texts.DEMO_OFFICER,
            REPORTER: texts.DEMO_REPORTER,
            EDITOR: texts.DEMO_EDITOR,
        }
        self.admin = Admin(tg, ADMIN, timeout=REPLY_TIMEOUT)
        self.officer = Officer(tg, OFFICER, timeout=REPLY_TIMEOUT)
        self.reporter = Journalist(tg, REPORTER, timeout=REPLY_TIMEOUT)
        self.editor = Journalist(tg, EDITOR, timeout=REPLY_TIMEOUT)

    async def play(self) -> None:
        """The whole scene, act by act."""
        self.print(texts.DEMO_TITLE)
        self.print(texts.DEMO_INTRO)
        self.print(texts.DEMO_CAST)

        self.act(1, texts.DEMO_ACT_AGENCY)
        await self.say(self.admin, f"/addorg {texts.DEMO_AGENCY}")
        [invite] = await self.say(self.admin, "/invite 1")
        code = _expect(next(iter(_INVITE.findall(invite.text or "")), ""), texts.DEMO_BROKEN_INVITE)

        self.act(2, texts.DEMO_ACT_JOIN)
        await self.say(self.officer, f"/start {code}")

        self.act(3, texts.DEMO_ACT_SUBSCRIBE)
        await self.say(self.reporter, "/topics culture")
        await self.say(self.editor, "/topics sports")

        self.act(4, texts.DEMO_ACT_RELEASE)
        *_, card = await self.say(self.officer, texts.DEMO_RELEASE, count=3)
        publish = _expect(next((d for d, _ in _buttons(card) if d.startswith("pub:")), ""), texts.DEMO_BROKEN_PREVIEW)
        await self.press(self.officer, card, publish)

        self.act(5, texts.DEMO_ACT_DELIVERY)
        title = texts.DEMO_RELEASE.splitlines()[0]
        received = _expect(
            await self.wait(lambda: _carrying(self.tg.messages_to(REPORTER), title)),
            texts.DEMO_BROKEN_DELIVERY.format(name=self.names[REPORTER]),
        )
        self.print(texts.DEMO_RECEIVED.format(name=self.names[REPORTER]))
        self.show(received[0])
        # The officer's report message ends as: reached 1 of 1 (the reporter), nothing failed.
        one, none = fa(1), fa(0)
        final = texts.REPORT_FINAL.format(id=fa(int(publish[4:])), sent=one, total=one, failed=none, deactivated=none)
        report = _expect(
            await self.wait(lambda: _carrying(self.tg.messages_to(OFFICER), final)),
            texts.DEMO_BROKEN_REPORT.format(name=self.names[OFFICER]),
        )
        self.print(texts.DEMO_REPORT.format(name=self.names[OFFICER]))
        self.show(report[0])
        _expect(
            not _carrying(self.tg.messages_to(EDITOR), title), texts.DEMO_BROKEN_FILTER.format(name=self.names[EDITOR])
        )
        self.print(texts.DEMO_NOT_RECEIVED.format(name=self.names[EDITOR]))

        self.act(6, texts.DEMO_ACT_SEARCH)
        [found] = await self.say(self.editor, f"/search {texts.DEMO_SEARCH}")
        _expect(title in (found.plain_text or ""), texts.DEMO_BROKEN_SEARCH)

    async def say(self, person: Person, text: str, *, count: int = 1) -> list[SentMessage]:
        """``person`` sends ``text``; print it and the bot's ``count`` replies."""
        self.print(texts.DEMO_SAYS.format(name=self.names[person.user_id], text=_indented(text, first=False)))
        try:
            replies = await person.say(text, count=count)
        except TimeoutError:
            raise SceneBroken(texts.DEMO_BROKEN_SILENT.format(text=text.splitlines()[0])) from None
        for reply in replies:
            self.print(texts.DEMO_REPLY.format(name=self.names[person.user_id]))
            self.show(reply)
        return replies

    async def press(self, person: Person, message: SentMessage, data: str) -> None:
        """``person`` presses the button ``data`` under ``message``; print it and the bot's answer."""
        label = dict(_buttons(message))[data]
        self.print(texts.DEMO_PRESSES.format(name=self.names[person.user_id], button=label))
        try:
            answer = await person.press(message, data)
        except TimeoutError:
            raise SceneBroken(texts.DEMO_BROKEN_SILENT.format(text=label)) from None
        if answer.get("text"):
            self.print(texts.DEMO_ALERT.format(text=answer["text"]))

    async def wait(self, found: _Finder) -> list[SentMessage]:
        """What ``found`` returns, once it returns something (or nothing after the reply timeout)."""
        try:
            return await self.tg.wait_for(lambda _: found(), timeout=REPLY_TIMEOUT)
        except TimeoutError:
            return []

    def act(self, number: int, title: str) -> None:
        """The heading of an act."""
        self.print(texts.DEMO_ACT.format(number=fa(number), title=title))

    def show(self, message: SentMessage) -> None:
        """A message of the bot as its reader sees it: its text, then its buttons."""
        self.print(_indented(message.plain_text or texts.DEMO_NO_TEXT))
        labels = [label for _, label in _buttons(message)]
        if labels:
            self.print(_indented(texts.DEMO_BUTTONS.format(buttons="  ".join(f"[{label}]" for label in labels))))

    def print(self, line: str) -> None:
        """One line (or several) of the scene."""
        print(line, file=self.out, flush=True)


def _expect(value: _Value, reason: str) -> _Value:
    """``value`` when it is truthy; otherwise the scene is broken, for ``reason``."""
    if not value:
        raise SceneBroken(reason)
    return value


def _buttons(message: SentMessage) -> list[tuple[str, str]]:
    """The message's inline buttons as (callback data, label), row by row."""
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [(b.get("callback_data", ""), b["text"]) for row in rows for b in row]


def _carrying(messages: Sequence[SentMessage], words: str) -> list[SentMessage]:
    """The messages whose text contains ``words``."""
    return [m for m in messages if words in (m.plain_text or "")]


def _indented(text: str, *, first: bool = True) -> str:
    """``text`` indented under the line that names who speaks (the first line too unless ``first`` is False)."""
    lines = text.splitlines() or [""]
    head = f"    {lines[0]}" if first else lines[0]
    return "\n".join([head, *(f"    {line}" for line in lines[1:])])
