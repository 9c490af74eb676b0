"""The public newsroom through the real bot: every route, every state of a release on every page and feed,
the feeds read by feedparser, HTTP care (conditional GET, gzip, security headers, bounds) and escaping."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import re
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import httpx
import pytest
from telegram.ext import Application

from bot import texts
from bot.config import ConfigError, Settings
from bot.domain.digits import fa
from bot.domain.embargo import find_embargo
from bot.domain.jalali import format_date
from bot.domain.text import fold
from bot.services.desk import Desk
from bot.services.newsroom import MAX_QUERY_CHARS, PAGE_SIZE
from fakegram import FakeTelegram
from fakegram.drivers import Officer, buttons
from storage import Storage
from storage.db import utcnow
from tests.harness import Cli, running_bot, runtime, settings_for

OFFICER, APPROVED_OFFICER = 3001, 3002
ORG_NAME = "اداره کل بهزیستی استان ایلام"
APPROVAL_ORG_NAME = "دانشگاه علوم پزشکی ایلام"
FEEDS = ("feed.xml", "atom.xml", "feed.json")
SCOPES = ("", "/topic/health", "/county/mehran")  # the agency's is added with its id


def text_of(marker: str, subject: str) -> str:
    """A release whose title carries ``marker`` (a Latin word the search finds) and a subject of its own."""
    return (
        f"{subject} در شهرستان مهران {marker}\n\n"
        f"به گزارش روابط عمومی، {subject} با حضور مسئولان استان و شهرستان مهران برگزار شد و "
        f"در این برنامه {marker} گزارش کامل آن به مردم ارائه شد."
    )


SUBJECTS = {
    "draftx": "نشست هم‌اندیشی خیرین سلامت",
    "pendingx": "افتتاح درمانگاه شبانه‌روزی روستای صالح‌آباد",
    "rejectedx": "همایش پیشگیری از دیابت نوجوانان",
    "cancelledx": "کارگاه آموزشی کمک‌های اولیه برای معلمان",
    "scheduledx": "آغاز طرح غربالگری فشار خون سالمندان",
    "embargoedx": "رونمایی از سامانه نوبت‌دهی اینترنتی بیمارستان",
    "publishedx": "توزیع بسته‌های معیشتی میان خانواده‌های نیازمند",
    "correctedx": "بهره‌برداری از مرکز جامع توانبخشی معلولان",
    "retractedx": "اعزام کاروان سلامت به مناطق مرزی",
}


@dataclass
class Site:
    """A running bot with its newsroom, a client for it, and the desk to make releases with."""

    tg: FakeTelegram
    app: Application  # type: ignore[type-arg]
    client: httpx.AsyncClient
    store: Storage
    desk: Desk
    org_id: int
    approval_org_id: int


@pytest.fixture
async def site(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Site]:
    """The bot against the fake Telegram, its newsroom on a free port, one agency (and one needing approval)."""
    async with running_bot(settings_for(tg, tmp_path)) as app:
        rt = runtime(app)
        assert rt.web is not None
        store = rt.storage
        org = await store.organizations.create(ORG_NAME, fold(ORG_NAME), "mehran", created_by=1)
        strict = await store.organizations.create(APPROVAL_ORG_NAME, fold(APPROVAL_ORG_NAME), None, created_by=1)
        await store.organizations.set_approval(strict.id, True)
        for code, org_id, user in (("web-a", org.id, OFFICER), ("web-b", strict.id, APPROVED_OFFICER)):
            await store.officers.create_invite(code, org_id, 1, utcnow() + timedelta(days=1))
            await store.officers.redeem_invite(code, user, "کارشناس روابط عمومی", None)
        async with httpx.AsyncClient(base_url=rt.web.url, timeout=10) as client:
            yield Site(tg, app, client, store, rt.desk, org.id, strict.id)


async def draft(site: Site, marker: str, *, officer: int = OFFICER, text: str | None = None) -> int:
    """A draft of the officer's, tagged health and Mehran; its id."""
    preview = await site.desk.create_draft(officer, text or text_of(marker, SUBJECTS[marker]))
    await site.store.releases.set_tags(preview.release.id, ["health"], "mehran")
    return preview.release.id


async def every_state(site: Site) -> dict[str, int]:
    """One release in each state a release can be in; marker -> id."""
    ids = {"draftx": await draft(site, "draftx")}
    ids["pendingx"] = await draft(site, "pendingx", officer=APPROVED_OFFICER)
    assert await site.desk.publish(APPROVED_OFFICER, ids["pendingx"], confirmed=True) is None  # to the admins
    ids["rejectedx"] = await draft(site, "rejectedx", officer=APPROVED_OFFICER)
    await site.desk.publish(APPROVED_OFFICER, ids["rejectedx"], confirmed=True)
    await runtime(site.app).approval.reject(1, ids["rejectedx"], "تکراری است")
    ids["cancelledx"] = await draft(site, "cancelledx")
    await site.desk.cancel(OFFICER, ids["cancelledx"])
    ids["scheduledx"] = await draft(site, "scheduledx")
    await site.desk.schedule(OFFICER, ids["scheduledx"], "+2h", confirmed=True)
    tz = runtime(site.app).settings.timezone
    note = f"انتشار این خبر تا ساعت ۱۰ صبح روز {format_date(utcnow() + timedelta(days=3), tz)} ممنوع است."
    embargoed = text_of("embargoedx", SUBJECTS["embargoedx"]) + "\n\n" + note
    assert find_embargo(embargoed, utcnow(), tz) is not None
    ids["embargoedx"] = await draft(site, "embargoedx", text=embargoed)
    await site.desk.schedule_at_embargo(OFFICER, ids["embargoedx"])
    for marker in ("publishedx", "correctedx", "retractedx"):
        ids[marker] = await draft(site, marker)
        await site.desk.publish(OFFICER, ids[marker], confirmed=True)
    await site.desk.correct(OFFICER, ids["correctedx"], text_of("correctedx", SUBJECTS["correctedx"]) + " نسخه‌نو")
    await site.desk.retract(OFFICER, ids["retractedx"], "اشتباه در آمار")
    statuses = {m: await site.store.releases.status_of(i) for m, i in ids.items()}
    assert statuses == {
        "draftx": "draft",
        "pendingx": "pending_approval",
        "rejectedx": "rejected",
        "cancelledx": "cancelled",
        "scheduledx": "scheduled",
        "embargoedx": "scheduled",
        "publishedx": "published",
        "correctedx": "published",
        "retractedx": "retracted",
    }
    return ids


XML_FEEDS = ("feed.xml", "atom.xml")  # feedparser 6.0 reads these; JSON Feed is checked by its spec's rules


def parse_feed(response: httpx.Response) -> feedparser.FeedParserDict:
    """The feed as feedparser reads it."""
    return feedparser.parse(response.content, response_headers={"content-type": response.headers["Content-Type"]})


def check_json_feed(feed: dict[str, object], base: str) -> list[dict[str, object]]:
    """JSON Feed 1.1's required fields (version, title, items with id and content) and ours; its items."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str)
    assert feed["title"]
    assert isinstance(feed["feed_url"], str)
    assert feed["feed_url"].startswith(base)
    assert isinstance(feed["home_page_url"], str)
    assert feed["home_page_url"].startswith(base)
    items = feed["items"]
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item["id"], str)
        assert item["id"]
        assert item["content_html"] or item["content_text"]
        assert str(item["url"]).startswith(f"{base}/r/")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(item["date_published"]))
    return items


def markers_in(text: str) -> set[str]:
    """The state markers a page or feed shows."""
    return set(re.findall(r"[a-z]+x\b", text)) & set(SUBJECTS)


class Outline(HTMLParser):
    """What a page is made of: its elements in order, attributes, the text, and scripts or inline styles."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)

    def first(self, tag: str) -> dict[str, str | None]:
        return next(attrs for name, attrs in self.tags if name == tag)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


async def test_every_state_of_a_release_on_every_page_and_feed(site: Site) -> None:
    """Only published releases (a corrected one with its new text) appear on pages, feeds, search and the
    sitemap; the retracted one's page answers 410 with its reason; every other state is a 404."""
    ids = await every_state(site)
    visible = {"publishedx", "correctedx"}
    paths = ["/", "/county/mehran", "/topic/health", f"/agency/{site.org_id}", f"/agency/{site.approval_org_id}"]
    paths += [f"{scope}/{name}" for scope in (*SCOPES, f"/agency/{site.org_id}") for name in FEEDS]
    paths += ["/sitemap.xml"]
    for path in paths:
        response = await site.client.get(path)
        assert response.status_code == 200, path
        if path == "/sitemap.xml":
            shown = {m for m, i in ids.items() if f"/r/{i}<" in response.text}
        else:
            shown = markers_in(response.text)
        expected = set() if str(site.approval_org_id) in path else visible
        assert shown == expected, path
    for marker in SUBJECTS:
        found = (await site.client.get("/search", params={"q": marker})).text
        assert {m for m, i in ids.items() if f'href="/r/{i}"' in found} == ({marker} & visible), marker
    for marker, release_id in ids.items():
        page = await site.client.get(f"/r/{release_id}")
        expected_status = 200 if marker in visible else 410 if marker == "retractedx" else 404
        assert page.status_code == expected_status, marker
    gone = (await site.client.get(f"/r/{ids['retractedx']}")).text
    assert texts.WEB_GONE_HEADING in gone
    assert "اشتباه در آمار" in gone
    assert SUBJECTS["retractedx"] not in gone
    assert "scheduled" not in markers_in((await site.client.get("/county/province")).text)


async def test_a_release_page_shows_everything_readers_need(site: Site) -> None:
    """Title, agency, county, Jalali time in Persian digits, body, topics, attachments' kinds, and the history
    of its versions with the time of each; the embargo note never shows."""
    release_id = await draft(site, "correctedx")
    await site.desk.publish(OFFICER, release_id, confirmed=True)
    await site.desk.correct(OFFICER, release_id, text_of("correctedx", SUBJECTS["correctedx"]) + " نسخه‌نو")
    response = await site.client.get(f"/r/{release_id}")
    page = outline(response.text)
    assert page.first("html") == {"lang": "fa", "dir": "rtl"}
    assert page.count("h1") == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert page.count(landmark) == 1, landmark
    assert page.count("script") == 0
    assert not any("style" in attrs for _, attrs in page.tags)
    text = " ".join(page.text)
    release = await site.store.releases.get(release_id)
    assert release is not None
    assert release.title in text
    assert ORG_NAME in text
    assert "مهران" in text
    assert "نسخه‌نو" in text
    assert texts.WEB_HISTORY_HEADING in text
    assert "نسخه ۱، انتشار" in text
    assert "نسخه ۲، اصلاح" in text
    tz = runtime(site.app).settings.timezone
    assert format_date(utcnow(), tz) in text
    links = {attrs.get("href"): attrs for tag, attrs in page.tags if tag == "a"}
    assert f"/agency/{site.org_id}" in links
    assert "/county/mehran" in links
    assert "/topic/health" in links
    metas = {
        attrs.get("property") or attrs.get("name"): attrs.get("content") for tag, attrs in page.tags if tag == "meta"
    }
    assert metas["og:title"] == release.title
    assert ORG_NAME in (metas["og:description"] or "")
    assert metas["twitter:card"] == "summary"
    assert metas["viewport"] == "width=device-width, initial-scale=1"
    canonical = next(attrs for tag, attrs in page.tags if tag == "link" and attrs.get("rel") == "canonical")
    assert canonical["href"] == f"{str(site.client.base_url).rstrip('/')}/r/{release_id}"


async def test_attachments_are_named_without_links(site: Site) -> None:
    """A photo's kind and a document's file name are listed, with the note that files stay in Telegram."""
    from storage.releases import Attachment  # noqa: PLC0415

    preview = await site.desk.create_draft(
        OFFICER,
        text_of("publishedx", SUBJECTS["publishedx"]),
        attachments=[
            Attachment("photo", "AgAD-photo-id"),
            Attachment("document", "BQAD-doc-id", file_name="گزارش.pdf"),
        ],
    )
    await site.desk.publish(OFFICER, preview.release.id, confirmed=True)
    html = (await site.client.get(f"/r/{preview.release.id}")).text
    assert "عکس" in html
    assert "گزارش.pdf" in html
    assert texts.WEB_ATTACHMENTS_NOTE in html
    assert "AgAD-photo-id" not in html
    assert "BQAD-doc-id" not in html


async def test_published_in_the_bot_appears_within_a_second_corrected_and_retracted(site: Site) -> None:
    """An officer publishes in Telegram: within a second the page and all three feeds carry it; a correction
    updates them (Atom ``updated``); the retraction removes it and its page answers 410."""
    officer = Officer(site.tg, OFFICER)
    *_, card = await officer.say(text_of("publishedx", SUBJECTS["publishedx"]), count=3)
    release_id = int(next(iter(buttons(card))).split(":")[1])
    await officer.press(card, f"pub:{release_id}")
    deadline = asyncio.get_running_loop().time() + 1.0
    while (await site.client.get(f"/r/{release_id}")).status_code != 200:
        assert asyncio.get_running_loop().time() < deadline, "not on its page within a second"
        await asyncio.sleep(0.02)
    for name in FEEDS:
        assert f"/r/{release_id}" in (await site.client.get(f"/{name}")).text, name

    before = parse_feed(await site.client.get("/atom.xml")).entries[0]
    await asyncio.sleep(1.1)  # Atom times have whole seconds
    await site.desk.correct(OFFICER, release_id, text_of("publishedx", SUBJECTS["publishedx"]) + " متن اصلاح‌شده")
    after = parse_feed(await site.client.get("/atom.xml")).entries[0]
    assert after.id == before.id
    assert after.updated_parsed > before.updated_parsed
    assert after.published_parsed == before.published_parsed
    assert "متن اصلاح‌شده" in after.content[0].value
    for name in FEEDS:
        assert "متن اصلاح‌شده" in (await site.client.get(f"/{name}")).text, name

    await site.desk.retract(OFFICER, release_id, None)
    assert (await site.client.get(f"/r/{release_id}")).status_code == 410
    for path in ("/", *(f"/{name}" for name in FEEDS), "/sitemap.xml"):
        assert f"/r/{release_id}" not in (await site.client.get(path)).text, path


async def test_feeds_follow_their_standards(site: Site) -> None:
    """RSS 2.0, Atom 1.0 and JSON Feed 1.1 parse without complaint and carry every required field, the full
    text, the permalink, the topics and county as categories and the agency as author."""
    ids = [await draft(site, marker) for marker in ("publishedx", "correctedx")]
    for release_id in ids:
        await site.desk.publish(OFFICER, release_id, confirmed=True)
    base = str(site.client.base_url).rstrip("/")
    for scope in (*SCOPES, f"/agency/{site.org_id}"):
        assert len(check_json_feed((await site.client.get(f"{scope}/feed.json")).json(), base)) == 2, scope
        for name in XML_FEEDS:
            response = await site.client.get(f"{scope}/{name}")
            parsed = parse_feed(response)
            assert not parsed.bozo, (scope, name, parsed.get("bozo_exception"))
            assert parsed.feed.title
            assert parsed.feed.link.startswith(base)
            assert len(parsed.entries) == 2, (scope, name)
            for entry in parsed.entries:
                assert re.fullmatch(rf"{re.escape(base)}/r/\d+", entry.link)
                assert entry.title
                assert entry.id == entry.link
                assert entry.author == ORG_NAME
                assert {tag.term for tag in entry.tags} == {"سلامت و درمان", "مهران"}
                assert entry.published_parsed
                assert "به گزارش روابط عمومی" in (entry.content[0].value if "content" in entry else entry.summary)
    channel = ElementTree.fromstring((await site.client.get("/feed.xml")).content).find("channel")
    assert channel is not None
    for field in ("title", "link", "description"):
        assert channel.findtext(field), field
    for item in channel.findall("item"):
        for field in ("title", "link", "guid", "description", "pubDate"):
            assert item.findtext(field), field
    atom = ElementTree.fromstring((await site.client.get("/atom.xml")).content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for field in ("a:id", "a:title", "a:updated"):
        assert atom.findtext(field, namespaces=ns), field
    for entry in atom.findall("a:entry", ns):
        for field in ("a:id", "a:title", "a:updated", "a:author/a:name", "a:content"):
            assert entry.findtext(field, namespaces=ns), field
    feed = json.loads((await site.client.get("/feed.json")).content)
    assert feed["feed_url"] == f"{base}/feed.json"
    for item in check_json_feed(feed, base):
        assert str(item["content_html"]).startswith("<p>")
        assert item["content_text"]
        assert item["authors"] == [{"name": ORG_NAME, "url": f"{base}/agency/{site.org_id}"}]
        assert "مهران" in item["tags"]


async def test_public_base_url_makes_every_link(tg: FakeTelegram, tmp_path: Path) -> None:
    """With PUBLIC_BASE_URL, canonical links, feeds and the sitemap use it, whatever host the request named."""
    settings = settings_for(tg, tmp_path, PUBLIC_BASE_URL="https://wire.example.ir/")
    assert settings.public_base_url == "https://wire.example.ir"
    async with running_bot(settings) as app:
        web = runtime(app).web
        assert web is not None
        async with httpx.AsyncClient(base_url=web.url) as client:
            for path in ("/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/robots.txt"):
                body = (await client.get(path, headers={"Host": "evil.example"})).text
                assert "https://wire.example.ir/" in body, path
                assert "evil.example" not in body, path


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


async def test_every_user_string_is_escaped(site: Site) -> None:
    """Markup in a title, a body, an agency's name and a search query is shown as text, never as markup, and
    the feeds stay well-formed."""
    org = await site.store.organizations.create(f"اداره {XSS}", fold(f"اداره {XSS}"), None, created_by=1)
    await site.store.officers.create_invite("web-x", org.id, 1, utcnow() + timedelta(days=1))
    await site.store.officers.redeem_invite("web-x", 3009, "کارشناس", None)
    preview = await site.desk.create_draft(3009, f"{XSS} خبر publishedx\n\nمتن {XSS} با جزئیات بیشتر از برنامه.")
    await site.desk.publish(3009, preview.release.id, confirmed=True)
    pages = ["/", f"/r/{preview.release.id}", f"/agency/{org.id}", "/search?q=publishedx"]
    pages += [f"/search?q={XSS}", f"/agency/{org.id}/feed.xml", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml"]
    for path in pages:
        response = await site.client.get(path)
        assert response.status_code in {200, 400}, path
        if path.endswith(".json"):
            item = response.json()["items"][0]  # JSON strings are text; only content_html is markup
            assert "<script" in item["title"]
            assert "<script" not in item["content_html"]
            continue
        assert "<script" not in response.text.lower(), path
        assert "<img" not in response.text.lower(), path
    assert "&lt;script&gt;" in (await site.client.get(f"/r/{preview.release.id}")).text
    for name in XML_FEEDS:
        parsed = parse_feed(await site.client.get(f"/{name}"))
        assert not parsed.bozo, name
        assert "<script" in parsed.entries[0].title  # the title as text, as it was written


async def test_conditional_get_gzip_and_headers(site: Site) -> None:
    """ETag and Last-Modified answer 304 until something changes; big answers are gzipped; every answer has
    the security headers; HEAD has no body; other methods are 405."""
    for marker in ("publishedx", "correctedx"):
        await site.desk.publish(OFFICER, await draft(site, marker), confirmed=True)
    for path in ("/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/static/site.css"):
        first = await site.client.get(path)
        assert first.status_code == 200
        tag = first.headers["ETag"]
        assert first.headers["Cache-Control"].startswith("public, max-age=")
        again = await site.client.get(path, headers={"If-None-Match": tag})
        assert again.status_code == 304, path
        assert again.content == b""
        if "Last-Modified" in first.headers:
            since = await site.client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
            assert since.status_code == 304, path
    home = await site.client.get("/")
    await site.desk.publish(OFFICER, await draft(site, "scheduledx"), confirmed=True)
    changed = await site.client.get(
        "/", headers={"If-None-Match": home.headers["ETag"], "If-Modified-Since": home.headers["Last-Modified"]}
    )
    assert changed.status_code == 200
    assert "scheduledx" in changed.text
    raw = await site.client.get("/", headers={"Accept-Encoding": "gzip"})
    assert raw.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in raw.headers["Vary"]
    async with site.client.stream("GET", "/", headers={"Accept-Encoding": "gzip"}) as streamed:
        assert gzip.decompress(b"".join([chunk async for chunk in streamed.aiter_raw()])).decode() == raw.text
    for path in ("/", "/r/999999", "/feed.json", "/healthz"):
        response = await site.client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src" not in csp
        assert "'unsafe-inline'" not in csp
        assert "default-src 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    head = await site.client.head("/")
    assert head.status_code == 200
    assert head.content == b""
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        refused = await site.client.request(method, "/")
        assert refused.status_code == 405, method
        assert refused.headers["Allow"] == "GET, HEAD"
        assert texts.WEB_METHOD_NOT_ALLOWED in refused.text


BOUNDS = [
    ("/?page=0", 404),
    ("/?page=2", 404),
    ("/?page=abc", 404),
    ("/?page=99999999999999999999", 404),
    ("/?page=5001", 404),
    ("/r/0", 404),
    ("/r/12345678901234567890123", 404),
    ("/r/abc", 404),
    ("/r/%3Cscript%3E", 404),
    ("/agency/999", 404),
    ("/topic/nosuchtopic", 404),
    ("/topic/%D8%B3%D9%84%D8%A7%D9%85%D8%AA", 404),
    ("/county/nowhere", 404),
    ("/county/nowhere/feed.xml", 404),
    ("/static/../../etc/passwd", 404),
    ("/static/nothing.css", 404),
    ("/search?q=" + "ا" * (MAX_QUERY_CHARS + 1), 400),
    ("/search?q=" + "x" * 6_000, 400),
    ("/search?q=word&page=999999", 404),
    ("/search?q=&page=2", 404),
    ("/nowhere", 404),
]


async def test_bounds_and_unknown_addresses_never_fail(site: Site) -> None:
    """Huge or malformed page numbers, ids, slugs and queries get a Persian 404 or 400 page, never a 500."""
    for path, status in BOUNDS:
        response = await site.client.get(path)
        assert response.status_code == status, path
        page = outline(response.text)
        assert page.first("html") == {"lang": "fa", "dir": "rtl"}, path
        assert page.count("h1") == 1, path


async def test_paging_of_the_home_page(site: Site) -> None:
    """Twenty releases a page, the newest first; the next page's link, and the last page has none after it."""
    ids = []
    for i in range(PAGE_SIZE + 2):
        subject = f"گزارش شماره {fa(i)} از برنامه‌های هفته {['سلامت', 'بهزیستی', 'کار'][i % 3]} با {i * 97} شرکت‌کننده"
        ids.append(await draft(site, "publishedx", text=text_of(f"page{i}x", subject) + f" بند {i * 13}"))
        await site.desk.publish(OFFICER, ids[-1], confirmed=True)
    first = await site.client.get("/")
    assert first.text.count("<li>\n<article>") == PAGE_SIZE or first.text.count("<article>") == PAGE_SIZE
    assert f'href="/r/{ids[-1]}"' in first.text
    assert 'href="/?page=2"' in first.text
    second = await site.client.get("/?page=2")
    assert second.status_code == 200
    assert second.text.count("<article>") == 2
    assert f'href="/r/{ids[0]}"' in second.text
    assert 'href="/?page=3"' not in second.text
    assert 'rel="prev" href="/"' in second.text
    assert (await site.client.get("/?page=3")).status_code == 404


async def test_search_uses_the_bots_folded_index(site: Site) -> None:
    """A query in Arabic letters and ZWNJ-less spelling finds the Persian release, as /search in the bot does."""
    release_id = await draft(site, "publishedx")
    await site.desk.publish(OFFICER, release_id, confirmed=True)
    found = await site.client.get("/search", params={"q": "معيشتي"})  # Arabic yeh, as some keyboards type it
    assert f"/r/{release_id}" in found.text
    assert "معيشتي" in outline(found.text).first("input")["value"]
    empty = await site.client.get("/search", params={"q": "واژه‌ای-که-نیست"})
    assert texts.WEB_SEARCH_EMPTY in empty.text
    blank = await site.client.get("/search")
    assert blank.status_code == 200
    assert texts.WEB_SEARCH_PROMPT in blank.text


async def test_health_robots_sitemap_and_static(site: Site) -> None:
    """/healthz says the database and dispatcher are up; robots.txt points at the sitemap; the font is local."""
    health = await site.client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["database"] == "ok"
    assert health.json()["dispatcher"]["running"] is True
    assert health.headers["Cache-Control"] == "no-store"
    robots = (await site.client.get("/robots.txt")).text
    assert f"Sitemap: {str(site.client.base_url).rstrip('/')}/sitemap.xml" in robots.splitlines()
    font = await site.client.get("/static/Vazirmatn-Regular.ttf")
    assert font.status_code == 200
    assert font.headers["Content-Type"] == "font/ttf"
    css = (await site.client.get("/static/site.css")).text
    assert "/static/Vazirmatn-Regular.ttf" in css
    assert "http" not in css  # nothing from elsewhere


async def test_the_newsroom_can_be_turned_off_and_stops_with_the_bot(tg: FakeTelegram, tmp_path: Path) -> None:
    """WEB_ENABLED=0 starts no server; with it on, the port is closed once the bot has stopped."""
    async with running_bot(settings_for(tg, tmp_path, WEB_ENABLED="0")) as app:
        assert runtime(app).web is None
    async with running_bot(settings_for(tg, tmp_path)) as app:
        web = runtime(app).web
        assert web is not None
        url = web.url
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(url)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"WEB_PORT": "70000"}, "WEB_PORT"),
        ({"WEB_PORT": "http"}, "WEB_PORT"),
        ({"WEB_LISTEN": "local host"}, "WEB_LISTEN"),
        ({"WEB_ENABLED": "maybe"}, "WEB_ENABLED"),
        ({"PUBLIC_BASE_URL": "wire.example.ir"}, "PUBLIC_BASE_URL"),
        ({"PUBLIC_BASE_URL": "https://wire.example.ir/?a=1"}, "PUBLIC_BASE_URL"),
    ],
)
def test_web_settings_are_checked(env: dict[str, str], needle: str) -> None:
    """A malformed newsroom setting stops the start with a line that names it."""
    with pytest.raises(ConfigError, match=needle):
        Settings.from_mapping({"BOT_TOKEN": "123456:ABCdefGHIjkl", **env})


def test_web_settings_defaults() -> None:
    """On by default, on 127.0.0.1:8080, links from each request's host."""
    settings = Settings.from_mapping({"BOT_TOKEN": "123456:ABCdefGHIjkl", "WEB_PORT": ""})
    assert (settings.web_enabled, settings.web_listen, settings.web_port, settings.public_base_url) == (
        True,
        "127.0.0.1",
        8080,
        None,
    )


def test_run_refuses_a_taken_newsroom_address_in_one_line(cli: Cli, tmp_path: Path) -> None:
    """`python -m bot run` whose WEB_PORT is taken stops before anything starts, with exit code 2 and one
    line that names the address and the settings to change."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "DATABASE_PATH", "WEB_PORT"}}
        env.update(BOT_TOKEN="123456:ABCdefGHIjkl", DATABASE_PATH=str(tmp_path / "bot.db"), WEB_PORT=str(port))
        result = cli("run", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == texts.WEB_ADDRESS_TAKEN.format(
        address=f"127.0.0.1:{port}", reason="Address already in use"
    )
