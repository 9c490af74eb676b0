"""The newsroom's HTTP server: aiohttp in the bot's own event loop, started and stopped by the runtime.

Every answer is built from ``bot.services.newsroom``; the pages are Jinja2 templates with autoescaping,
the feeds ``bot.web.feeds``. Conditional GET (a weak ETag of the body, Last-Modified from the latest
audited change), Cache-Control, gzip, and the security headers are set here for every response. GET and
HEAD only: every other method is answered 405.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler

from bot import texts
from bot.config import Settings
from bot.domain.digits import fa
from bot.domain.jalali import format_datetime
from bot.errors import UserError
from bot.services.newsroom import MAX_QUERY_CHARS, Archive, Newsroom, ReleasePage
from bot.web import feeds

log = logging.getLogger(__name__)

# Seconds a reader's browser or a proxy may keep a page or feed without asking again: short, so that a
# correction or a retraction reaches readers within a minute.
PAGE_MAX_AGE = 60
STATIC_MAX_AGE = 7 * 86400
# Bodies shorter than this are sent as they are: gzip would save next to nothing.
GZIP_MIN_BYTES = 1024
EXCERPT_CHARS = 220
_PAGE_NUMBER = re.compile(r"[0-9]{1,7}")
# No script runs on these pages at all; styles and the font come from this site only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
FEED_TYPES = {
    "feed.xml": ("application/rss+xml", texts.WEB_FEED_RSS),
    "atom.xml": ("application/atom+xml", texts.WEB_FEED_ATOM),
    "feed.json": ("application/feed+json", texts.WEB_FEED_JSON),
}


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed as a page's head and footer link it."""

    type: str
    title: str
    url: str


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


def template_environment(tz: ZoneInfo) -> jinja2.Environment:
    """The pages' templates, every value escaped, with the filters they use."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["jdate"] = lambda moment: format_datetime(moment, tz)
    env.filters["iso"] = feeds.rfc3339
    env.filters["fa"] = fa
    env.filters["excerpt"] = _excerpt
    env.filters["paragraphs"] = feeds.paragraphs
    env.globals["t"] = texts
    env.globals["published_label"] = lambda moment: texts.WEB_PUBLISHED_AT.format(when=format_datetime(moment, tz))
    env.globals["corrected_label"] = lambda moment: texts.WEB_CORRECTED_AT.format(when=format_datetime(moment, tz))
    env.globals["page_label"] = lambda number: texts.WEB_PAGE_OF.format(page=fa(number))
    env.globals["version_label"] = lambda version: (
        texts.WEB_HISTORY_CORRECTION if version.correction else texts.WEB_HISTORY_PUBLICATION
    ).format(number=fa(version.number), when=format_datetime(version.at, tz))
    env.globals["max_query"] = MAX_QUERY_CHARS
    return env


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The stylesheet and the font, read once: name -> (content, content type)."""
    package = resources.files("bot")
    return {
        "site.css": ((package / "web" / "static" / "site.css").read_bytes(), "text/css"),
        "favicon.svg": ((package / "web" / "static" / "favicon.svg").read_bytes(), "image/svg+xml"),
        "Vazirmatn-Regular.ttf": ((package / "data" / "fonts" / "Vazirmatn-Regular.ttf").read_bytes(), "font/ttf"),
        "OFL.txt": ((package / "data" / "fonts" / "OFL.txt").read_bytes(), "text/plain"),
    }


def _page_number(request: web.Request) -> int:
    raw = request.query.get("page", "1")
    if not _PAGE_NUMBER.fullmatch(raw):
        raise web.HTTPNotFound
    return int(raw)


class Site:
    """The routes of the newsroom over one ``Newsroom`` service."""

    def __init__(self, newsroom: Newsroom, settings: Settings) -> None:
        self.newsroom = newsroom
        self.settings = settings
        self.env = template_environment(settings.timezone)
        self.static = _static_files()

    def application(self) -> web.Application:
        """The aiohttp application: routes, the error pages and the headers every answer carries."""
        app = web.Application(middlewares=[self._errors])
        app.on_response_prepare.append(_security_headers)
        get = app.router.add_get
        get("/", self.home)
        get("/r/{id:[0-9]{1,18}}", self.release)
        get("/agency/{id:[0-9]{1,18}}", self.agency)
        get("/topic/{slug}", self.topic)
        get("/county/{slug}", self.county)
        get("/search", self.search)
        for name in FEED_TYPES:
            get(f"/{name}", self.feed)
            get(f"/agency/{{id:[0-9]{{1,18}}}}/{name}", self.feed)
            get(f"/topic/{{slug}}/{name}", self.feed)
            get(f"/county/{{slug}}/{name}", self.feed)
        get("/sitemap.xml", self.sitemap)
        get("/robots.txt", self.robots)
        get("/healthz", self.healthz)
        get("/static/{name}", self.static_file)
        get("/favicon.ico", self.favicon)
        return app

    # -- pages -------------------------------------------------------------------------------------

    async def home(self, request: web.Request) -> web.StreamResponse:
        """The latest releases, page by page."""
        return await self._listing(request, self.newsroom.home())

    async def agency(self, request: web.Request) -> web.StreamResponse:
        """One agency's releases."""
        return await self._listing(request, await self._archive(request))

    topic = county = agency

    async def search(self, request: web.Request) -> web.StreamResponse:
        """Search results over the folded full-text index, page by page."""
        query = request.query.get("q", "")
        page = _page_number(request)
        if not query.strip():
            if page != 1:
                raise web.HTTPNotFound
            return self._html(
                request,
                "message.html",
                heading=texts.WEB_SEARCH_LABEL,
                description=texts.WEB_SITE_DESCRIPTION,
                lines=[texts.WEB_SEARCH_PROMPT],
                canonical=f"{self._base(request)}/search",
            )
        listing = await self.newsroom.search(query, page)
        if listing is None:
            raise web.HTTPNotFound

        def page_url(number: int) -> str:
            return "/search?" + urlencode({"q": listing.archive.key, "page": number})

        return self._html(
            request,
            "listing.html",
            heading=listing.archive.heading,
            description=texts.WEB_SITE_DESCRIPTION,
            listing=listing,
            query=listing.archive.key,
            empty_text=texts.WEB_SEARCH_EMPTY,
            page_url=page_url,
            canonical=f"{self._base(request)}{page_url(page)}",
            last_modified=await self.newsroom.last_change(),
        )

    async def release(self, request: web.Request) -> web.StreamResponse:
        """One release; 410 with the notice for a retracted one; 404 for anything not published."""
        release_id = int(request.match_info["id"])
        found = await self.newsroom.release(release_id)
        if found is None:
            raise web.HTTPNotFound
        base = self._base(request)
        if not isinstance(found, ReleasePage):
            lines = [
                texts.WEB_GONE_NOTICE.format(
                    id=fa(release_id),
                    when=format_datetime(found.retracted_at, self.settings.timezone) if found.retracted_at else "",
                )
            ]
            if found.reason:
                lines.append(texts.WEB_GONE_REASON.format(reason=found.reason))
            return self._html(
                request,
                "message.html",
                status=410,
                heading=texts.WEB_GONE_HEADING,
                description=lines[0],
                lines=lines,
                canonical=f"{base}/r/{release_id}",
            )
        entry = found.entry
        return self._html(
            request,
            "release.html",
            heading=entry.title,
            description=f"{entry.org_name}: {_excerpt(entry.body)}",
            og_type="article",
            entry=entry,
            page=found,
            canonical=f"{base}/r/{release_id}",
            feeds=self._feed_links(base, f"/agency/{entry.org_id}", entry.org_name),
            last_modified=await self.newsroom.last_change(),
        )

    # -- feeds -------------------------------------------------------------------------------------

    async def feed(self, request: web.Request) -> web.StreamResponse:
        """RSS, Atom or JSON Feed of the home page or of an agency, topic or county."""
        name = request.path.rsplit("/", 1)[1]
        archive = await self._archive(request) if "id" in request.match_info or "slug" in request.match_info else None
        archive = archive or self.newsroom.home()
        base = self._base(request)
        prefix = _archive_path(archive)
        info = feeds.FeedInfo(
            title=texts.WEB_SITE_NAME if archive.kind == "home" else f"{archive.heading} | {texts.WEB_SITE_NAME}",
            home_url=f"{base}{prefix or '/'}",
            feed_url=f"{base}{prefix}/{name}",
            base_url=base,
        )
        entries = await self.newsroom.feed(archive)
        now = datetime.now(UTC)
        if name == "feed.xml":
            body = feeds.rss(info, entries, now)
        elif name == "atom.xml":
            body = feeds.atom(info, entries, now)
        else:
            body = feeds.json_feed(info, entries)
        return self._respond(request, body, FEED_TYPES[name][0], last_modified=await self.newsroom.last_change())

    async def sitemap(self, request: web.Request) -> web.StreamResponse:
        """Every published release's page and its last change (the newest 50,000)."""
        base = feeds.xml_text(self._base(request))
        rows = [f"<url><loc>{base}/</loc></url>"]
        rows += [
            f"<url><loc>{base}/r/{release_id}</loc><lastmod>{feeds.rfc3339(changed)}</lastmod></url>"
            for release_id, changed in await self.newsroom.sitemap()
        ]
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(rows)}</urlset>\n'
        )
        return self._respond(request, body, "application/xml", last_modified=await self.newsroom.last_change())

    async def robots(self, request: web.Request) -> web.StreamResponse:
        """Every page may be crawled but the search; where the sitemap is."""
        body = f"User-agent: *\nDisallow: /search\nSitemap: {self._base(request)}/sitemap.xml\n"
        return self._respond(request, body, "text/plain")

    async def healthz(self, request: web.Request) -> web.StreamResponse:
        """The database and the dispatcher, as JSON; 503 when either is not well."""
        health = await self.newsroom.health()
        payload = {
            "ok": health.ok,
            "database": "ok" if health.database else "unreachable",
            "dispatcher": health.dispatcher,
        }
        response = web.json_response(payload, status=200 if health.ok else 503)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def static_file(self, request: web.Request) -> web.StreamResponse:
        """The stylesheet and the font (Vazirmatn, served from here: no outside request)."""
        found = self.static.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound
        content, content_type = found
        return self._respond(request, content, content_type, max_age=STATIC_MAX_AGE, charset=None)

    async def favicon(self, request: web.Request) -> web.StreamResponse:
        """Browsers ask for /favicon.ico whatever the page says: the same icon."""
        raise web.HTTPMovedPermanently("/static/favicon.svg")

    # -- helpers -----------------------------------------------------------------------------------

    async def _archive(self, request: web.Request) -> Archive:
        """The agency, topic or county the path names; 404 when there is none."""
        kind = request.path.split("/", 2)[1]
        if kind == "agency":
            archive = await self.newsroom.agency(int(request.match_info["id"]))
        elif kind == "topic":
            archive = await self.newsroom.topic(request.match_info["slug"])
        else:
            archive = self.newsroom.county(request.match_info["slug"])
        if archive is None:
            raise web.HTTPNotFound
        return archive

    async def _listing(self, request: web.Request, archive: Archive) -> web.StreamResponse:
        page = _page_number(request)
        listing = await self.newsroom.listing(archive, page)
        if listing is None:
            raise web.HTTPNotFound
        base = self._base(request)
        path = _archive_path(archive) or "/"

        def page_url(number: int) -> str:
            return path if number == 1 else f"{path}?page={number}"

        return self._html(
            request,
            "listing.html",
            heading=archive.heading,
            description=texts.WEB_SITE_DESCRIPTION
            if archive.kind == "home"
            else f"{archive.heading}: {texts.WEB_SITE_DESCRIPTION}",
            listing=listing,
            empty_text=texts.WEB_EMPTY_LISTING,
            page_url=page_url,
            canonical=f"{base}{page_url(page)}",
            feeds=self._feed_links(base, _archive_path(archive), archive.heading),
            last_modified=await self.newsroom.last_change(),
        )

    @staticmethod
    def _feed_links(base: str, prefix: str, heading: str) -> list[FeedLink]:
        return [
            FeedLink(kind, f"{title}: {heading}", f"{base}{prefix}/{name}")
            for name, (kind, title) in FEED_TYPES.items()
        ]

    def _base(self, request: web.Request) -> str:
        return self.settings.public_base_url or f"{request.scheme}://{request.host}"

    def _html(
        self,
        request: web.Request,
        template: str,
        *,
        status: int = 200,
        last_modified: datetime | None = None,
        **values: Any,
    ) -> web.StreamResponse:
        values.setdefault("feeds", [])
        body = self.env.get_template(template).render(**values)
        return self._respond(request, body, "text/html", status=status, last_modified=last_modified)

    @staticmethod
    def _respond(
        request: web.Request,
        body: str | bytes,
        content_type: str,
        *,
        status: int = 200,
        last_modified: datetime | None = None,
        max_age: int = PAGE_MAX_AGE,
        charset: str | None = "utf-8",
    ) -> web.StreamResponse:
        """The answer with its validators, or 304 when the reader's copy is still the same."""
        data = body.encode() if isinstance(body, str) else body
        tag = hashlib.blake2b(data, digest_size=12).hexdigest()
        headers = {"Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Encoding"}
        if status == 200 and _not_modified(request, tag, last_modified):
            response = web.Response(status=304, headers=headers)
        else:
            response = web.Response(
                body=data, status=status, content_type=content_type, charset=charset, headers=headers
            )
            if len(data) >= GZIP_MIN_BYTES:
                response.enable_compression()
        if status == 200:
            response.headers["ETag"] = f'W/"{tag}"'
            if last_modified is not None:
                response.last_modified = last_modified
        return response

    @web.middleware
    async def _errors(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Persian pages for 404, 405 and a refused query; an unexpected error is logged and never shown."""
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return self._message(request, 404, texts.WEB_NOT_FOUND_HEADING, texts.WEB_NOT_FOUND_TEXT)
        except web.HTTPMethodNotAllowed:
            response = self._message(request, 405, texts.WEB_BAD_REQUEST_HEADING, texts.WEB_METHOD_NOT_ALLOWED)
            response.headers["Allow"] = "GET, HEAD"
            return response
        except UserError as error:
            return self._message(request, 400, texts.WEB_BAD_REQUEST_HEADING, str(error))
        except web.HTTPException:
            raise
        except Exception:
            log.exception("newsroom request failed path=%s", request.path)
            return self._message(request, 500, texts.WEB_BAD_REQUEST_HEADING, texts.INTERNAL_ERROR)

    def _message(self, request: web.Request, status: int, heading: str, line: str) -> web.StreamResponse:
        response = self._html(
            request,
            "message.html",
            status=status,
            heading=heading,
            description=line,
            lines=[line],
            canonical=f"{self._base(request)}{quote(request.path)}",
        )
        response.headers["Cache-Control"] = "no-store" if status >= 500 else f"public, max-age={PAGE_MAX_AGE}"
        return response


def _archive_path(archive: Archive) -> str:
    """The archive's page ("" for the home page)."""
    return "" if archive.kind == "home" else f"/{archive.kind}/{archive.key}"


def _not_modified(request: web.Request, tag: str, last_modified: datetime | None) -> bool:
    """RFC 9110: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since."""
    if request.method not in {"GET", "HEAD"}:
        return False
    if request.if_none_match is not None:
        return any(candidate.value in {tag, "*"} for candidate in request.if_none_match)
    since = request.if_modified_since
    return since is not None and last_modified is not None and last_modified.replace(microsecond=0) <= since


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer, error pages and 304s too, carries the security headers."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)


class WebServer:
    """The newsroom's server on WEB_LISTEN:WEB_PORT, in the running event loop."""

    def __init__(self, newsroom: Newsroom, settings: Settings) -> None:
        self.settings = settings
        self.site = Site(newsroom, settings)
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    @property
    def url(self) -> str:
        """Where the server answers (the port the system chose when WEB_PORT is 0)."""
        return f"http://{self.settings.web_listen}:{self.port}"

    async def start(self) -> None:
        """Listen; OSError when the address is taken."""
        runner = web.AppRunner(self.site.application(), access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.web_listen, self.settings.web_port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        log.info("newsroom serving listen=%s port=%d", self.settings.web_listen, self.port)

    async def stop(self) -> None:
        """Stop listening and finish the requests in flight."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
            log.info("newsroom stopped")


__all__ = ["Site", "WebServer"]
