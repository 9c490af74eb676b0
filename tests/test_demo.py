"""`python -m bot demo`: the real bot against the built-in fake Telegram, a scene a newcomer can watch.

Run in this process through the command line (``Cli``), with an environment that has no token and a
proxy that leads nowhere, in an empty folder: the demo needs none of them and leaves nothing behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bot import texts
from tests.harness import Cli

TITLE = texts.DEMO_RELEASE.splitlines()[0]


def test_the_demo_plays_its_scene_without_a_token_or_a_network(cli: Cli, tmp_path: Path) -> None:
    """The admin's agency and invite, the officer's release, published from its preview, reaching the
    journalist who chose its topic and not the other, who finds it by search; exit code 0."""
    env = {"PATH": os.environ.get("PATH", ""), "TELEGRAM_PROXY": "http://127.0.0.1:9", "PTB_TIMEDELTA": "1"}
    result = cli("demo", env=env, cwd=tmp_path)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    reporter, editor, officer = texts.DEMO_REPORTER, texts.DEMO_EDITOR, texts.DEMO_OFFICER
    assert texts.DEMO_SAYS.format(name=officer, text="/start inv_") in out  # joined with the admin's invite
    received = out.index(texts.DEMO_RECEIVED.format(name=reporter))
    assert TITLE in out[received : received + 400]
    assert "✅ رسیده: ۱ از ۱" in out  # the officer's final report: one chat, the reporter's
    assert texts.DEMO_NOT_RECEIVED.format(name=editor) in out
    searched = out.index(texts.DEMO_SAYS.format(name=editor, text=f"/search {texts.DEMO_SEARCH}"))
    assert TITLE in out[searched:]
    assert texts.DEMO_DONE.split("{")[0] in out
    assert not result.stderr
    assert list(tmp_path.iterdir()) == []  # its database was temporary


def test_the_demo_without_the_fake_telegram_says_what_to_install(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed without the [demo] extra (no aiohttp, so no fakegram), the demo says so in one line, exit 2."""
    monkeypatch.setitem(sys.modules, "fakegram", None)  # what importing it does when it cannot be imported
    result = cli("demo", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.strip() == texts.DEMO_NEEDS_EXTRA
