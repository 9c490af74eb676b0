"""TELEGRAM_PROXY: every Bot API call goes through the proxy (issue 13, finding 9).

The bot is given a Bot API URL whose host name only the proxy can resolve (``telegram.invalid``), as
where Telegram is filtered: a request that bypassed the proxy would fail, not pass unnoticed. A real
HTTP proxy and a real SOCKS5 proxy on 127.0.0.1 (``tests/proxies.py``) relay to the fake Bot API server.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.domain.text import fold
from bot.telegram.health import check_bot_api
from fakegram import FakeTelegram
from fakegram.drivers import Journalist
from storage.db import utcnow
from tests.harness import running_bot, runtime, settings_for
from tests.proxies import HttpProxy, Socks5Proxy

HIDDEN = "telegram.invalid"  # never resolves (RFC 2606), except inside the proxies
OFFICER, READER = 3001, 4001
RELEASE = (
    "برگزاری نمایشگاه کتاب در ایلام\n"
    "نمایشگاه کتاب استان ایلام از شنبه در محل نمایشگاه‌های دائمی استان برگزار می‌شود و ناشران "
    "سراسر کشور آثار تازهٔ خود را عرضه می‌کنند."
)


def through(tg: FakeTelegram, folder: Path, proxy: str | None) -> Settings:
    """The bot's settings with the fake server reachable only by the proxy's name for it."""
    return settings_for(
        tg,
        folder,
        TELEGRAM_BASE_URL=f"http://{HIDDEN}:{tg.port}/bot",
        TELEGRAM_BASE_FILE_URL=f"http://{HIDDEN}:{tg.port}/file/bot",
        TELEGRAM_PROXY=proxy or "",
    )


@pytest.fixture
async def http_proxy() -> AsyncIterator[HttpProxy]:
    """A forward HTTP proxy on 127.0.0.1 that resolves ``telegram.invalid``."""
    proxy = await HttpProxy(hosts={HIDDEN: "127.0.0.1"}).start()
    try:
        yield proxy
    finally:
        await proxy.stop()


@pytest.fixture
async def socks_proxy() -> AsyncIterator[Socks5Proxy]:
    """A SOCKS5 proxy on 127.0.0.1 that resolves ``telegram.invalid``."""
    proxy = await Socks5Proxy(hosts={HIDDEN: "127.0.0.1"}).start()
    try:
        yield proxy
    finally:
        await proxy.stop()


async def test_the_bot_answers_and_broadcasts_through_an_http_proxy(
    tg: FakeTelegram, tmp_path: Path, http_proxy: HttpProxy
) -> None:
    """Through TELEGRAM_PROXY=http://…, the bot answers /start and a published release reaches a journalist;
    the proxy relayed every call the server received: the application's bot, its getUpdates and the
    broadcast bot alike, and the health check's."""
    settings = through(tg, tmp_path, http_proxy.url)
    async with running_bot(settings) as app:
        store = runtime(app).storage
        welcome = await Journalist(tg, READER).say("/start")
        org = await store.organizations.create("اداره کل کتابخانه‌ها", fold("اداره کل کتابخانه‌ها"), None, created_by=1)
        await store.officers.create_invite("proxy", org.id, 1, utcnow() + timedelta(days=1))
        await store.officers.redeem_invite("proxy", OFFICER, "کارشناس", None)
        await store.subscriptions.upsert_chat(READER, "private")
        await store.subscriptions.subscribe(READER)
        draft = await runtime(app).desk.create_draft(OFFICER, RELEASE)
        await runtime(app).desk.publish(OFFICER, draft.release.id, confirmed=True)
        await tg.wait_for(lambda s: any("نمایشگاه" in (m.text or "") for m in s.messages_to(READER)), timeout=15)
    [health] = await check_bot_api(settings)

    assert welcome
    assert health.ok, health.detail
    server_saw = Counter(call.method for call in tg.calls)
    relayed = Counter(http_proxy.methods())
    assert server_saw - relayed == Counter()  # nothing reached the server but through the proxy
    assert {"getMe", "getUpdates", "sendMessage", "setMyCommands"} <= set(relayed)
    assert relayed["sendMessage"] == server_saw["sendMessage"]
    assert {r.host for r in http_proxy.relayed} == {f"{HIDDEN}:{tg.port}"}


async def test_the_bot_answers_through_a_socks5_proxy(
    tg: FakeTelegram, tmp_path: Path, socks_proxy: Socks5Proxy
) -> None:
    """Through TELEGRAM_PROXY=socks5://…, the bot starts and answers /start; the proxy resolved the name."""
    async with running_bot(through(tg, tmp_path, socks_proxy.url)):
        welcome = await Journalist(tg, READER).say("/start")
    assert welcome
    assert socks_proxy.connections
    assert set(socks_proxy.connections) == {f"{HIDDEN}:{tg.port}"}


async def test_without_the_proxy_the_hidden_server_is_unreachable(tg: FakeTelegram, tmp_path: Path) -> None:
    """The control: the same settings without TELEGRAM_PROXY cannot reach the server (so the tests above
    could not pass by going around the proxy), and the health check says so."""
    [health] = await check_bot_api(through(tg, tmp_path, None), request_timeout=2.0)
    assert not health.ok
    assert not tg.calls


async def test_the_health_check_fails_when_the_proxy_is_down(tg: FakeTelegram, tmp_path: Path) -> None:
    """A proxy that does not listen fails the Bot API health check, and the line never shows its password."""
    proxy = await HttpProxy().start()
    await proxy.stop()
    settings = through(tg, tmp_path, f"http://wire:pa55word@127.0.0.1:{proxy.port}")
    [health] = await check_bot_api(settings, request_timeout=2.0)
    assert not health.ok
    assert "pa55word" not in health.line()
