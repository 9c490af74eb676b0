"""Two small outbound proxies on 127.0.0.1 for the TELEGRAM_PROXY tests, each recording what it relayed.

``HttpProxy`` is a forward HTTP proxy: the client sends it absolute-URI requests
(``POST http://127.0.0.1:PORT/bot<token>/getMe``) and it makes the same request to that server.
``Socks5Proxy`` speaks SOCKS5 (no authentication, CONNECT only) and pipes bytes both ways.

Both resolve the names in ``hosts`` themselves, as a proxy abroad resolves names its client cannot: a
bot given ``http://telegram.invalid:PORT/bot`` reaches the fake server only through the proxy, so a
request that bypassed it would fail instead of going unnoticed.

Neither logs anything, and what they record never holds the token: the HTTP proxy keeps the host and
the Bot API method of each request, the SOCKS5 proxy the host and port of each connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import struct
from dataclasses import dataclass, field

from aiohttp import ClientSession, ClientTimeout, web

# Headers that belong to one hop (RFC 9110 §7.6.1), never relayed; aiohttp sets its own length and encoding.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "host",
    }
)


@dataclass(frozen=True)
class Relayed:
    """One request an HTTP proxy relayed: the server it went to and the Bot API method (no token)."""

    host: str
    method: str


@dataclass
class HttpProxy:
    """A forward HTTP proxy: ``http://127.0.0.1:{port}``; ``relayed`` lists what it passed on, in order."""

    hosts: dict[str, str] = field(default_factory=dict)  # names this proxy resolves itself
    relayed: list[Relayed] = field(default_factory=list)
    port: int = 0
    _runner: web.AppRunner | None = None
    _session: ClientSession | None = None

    @property
    def url(self) -> str:
        """The proxy's URL, as TELEGRAM_PROXY takes it."""
        return f"http://127.0.0.1:{self.port}"

    def methods(self) -> list[str]:
        """The Bot API methods relayed, in order."""
        return [r.method for r in self.relayed]

    async def start(self) -> HttpProxy:
        """Listen on a free port of 127.0.0.1."""
        self._session = ClientSession(auto_decompress=False, timeout=ClientTimeout(total=120))
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._relay)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Stop listening and close the connections to the servers."""
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    async def _relay(self, request: web.Request) -> web.StreamResponse:
        if not request.url.is_absolute() or request.url.host is None:
            return web.Response(status=400, text="a forward proxy takes absolute URIs only")
        assert self._session is not None
        self.relayed.append(Relayed(f"{request.url.host}:{request.url.port}", request.url.path.rsplit("/", 1)[-1]))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        target = request.url.with_host(self.hosts.get(request.url.host, request.url.host))
        async with self._session.request(
            request.method, target, data=await request.read(), headers=headers, allow_redirects=False
        ) as answer:
            body = await answer.read()
            kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
            return web.Response(status=answer.status, body=body, headers=kept)


@dataclass
class Socks5Proxy:
    """A SOCKS5 proxy (no authentication, CONNECT): ``socks5://127.0.0.1:{port}``; ``connections`` lists
    the ``host:port`` each client asked for."""

    hosts: dict[str, str] = field(default_factory=dict)  # names this proxy resolves itself
    connections: list[str] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None
    _pipes: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def url(self) -> str:
        """The proxy's URL, as TELEGRAM_PROXY takes it."""
        return f"socks5://127.0.0.1:{self.port}"

    async def start(self) -> Socks5Proxy:
        """Listen on a free port of 127.0.0.1."""
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        """Stop listening and cut every piped connection."""
        if self._server is not None:
            self._server.close()
        for task in list(self._pipes):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._server is not None:
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._pipes.add(task)
        try:
            version, count = await reader.readexactly(2)
            methods = await reader.readexactly(count)
            if version != 5 or 0 not in methods:
                writer.write(b"\x05\xff")
                return
            writer.write(b"\x05\x00")  # no authentication
            _, command, _, kind = await reader.readexactly(4)
            if kind == 1:
                host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
            elif kind == 3:
                host = (await reader.readexactly((await reader.readexactly(1))[0])).decode()
            else:
                host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
            (port,) = struct.unpack("!H", await reader.readexactly(2))
            if command != 1:
                writer.write(b"\x05\x07\x00\x01" + bytes(6))  # command not supported
                return
            self.connections.append(f"{host}:{port}")
            try:
                up_reader, up_writer = await asyncio.open_connection(self.hosts.get(host, host), port)
            except OSError:
                writer.write(b"\x05\x05\x00\x01" + bytes(6))  # connection refused
                return
            writer.write(b"\x05\x00\x00\x01" + bytes(6))
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._pipes.discard(task)
            writer.close()


async def _pipe(source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
    try:
        while data := await source.read(65536):
            target.write(data)
            await target.drain()
    finally:
        target.close()
