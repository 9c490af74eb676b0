"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of an archive: full text, permalink, categories, the agency as author.

Written by hand: every string goes through ``xml_text`` (escaped, and without the control characters XML 1.0
forbids) or ``json.dumps``. A corrected release carries its new text and its ``updated`` time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape as html_escape
from xml.sax.saxutils import escape as _xml_escape

from bot import texts
from bot.services.newsroom import Entry

# Characters XML 1.0 does not allow even escaped (C0 controls but tab, newline, carriage return; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def xml_text(text: str) -> str:
    """``text`` for an XML element or attribute: escaped, without characters XML cannot carry."""
    return _xml_escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs (one per line), without empty ones."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(body) if p.strip()]


def body_html(body: str) -> str:
    """The body as HTML paragraphs, every character of it escaped."""
    return "".join(f"<p>{html_escape(p)}</p>" for p in paragraphs(_NOT_XML.sub("", body)))


def rfc3339(moment: datetime) -> str:
    """A time as Atom and JSON Feed write it, in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(moment: datetime) -> str:
    """A time as RSS writes it, in GMT."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What the feed is about and where it lives."""

    title: str
    home_url: str  # the archive's page
    feed_url: str  # this feed's own address
    base_url: str  # the site, for permalinks

    def permalink(self, release_id: int) -> str:
        """The release's page."""
        return f"{self.base_url}/r/{release_id}"


def _categories(entry: Entry) -> list[str]:
    return [t.name for t in entry.topics] + ([entry.county.name] if entry.county else [])


def _updated(entries: Sequence[Entry], fallback: datetime) -> datetime:
    return max((e.updated_at for e in entries), default=fallback)


def rss(info: FeedInfo, entries: Sequence[Entry], now: datetime) -> str:
    """RSS 2.0 with the full text in ``description``, the agency in ``dc:creator``."""
    items = []
    for entry in entries:
        link = xml_text(info.permalink(entry.id))
        categories = "".join(f"<category>{xml_text(c)}</category>" for c in _categories(entry))
        items.append(
            "<item>"
            f"<title>{xml_text(entry.title)}</title>"
            f"<link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            f"<description>{xml_text(body_html(entry.body))}</description>"
            f"<dc:creator>{xml_text(entry.org_name)}</dc:creator>"
            f"{categories}"
            f"<pubDate>{rfc822(entry.published_at)}</pubDate>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        "<channel>"
        f"<title>{xml_text(info.title)}</title>"
        f"<link>{xml_text(info.home_url)}</link>"
        f"<description>{xml_text(texts.WEB_SITE_DESCRIPTION)}</description>"
        "<language>fa-IR</language>"
        f'<atom:link href="{xml_text(info.feed_url)}" rel="self" type="application/rss+xml"/>'
        f"<lastBuildDate>{rfc822(_updated(entries, now))}</lastBuildDate>"
        f"{''.join(items)}"
        "</channel></rss>\n"
    )


def atom(info: FeedInfo, entries: Sequence[Entry], now: datetime) -> str:
    """Atom 1.0: ``updated`` is each release's last correction, ``published`` its publication."""
    items = []
    for entry in entries:
        link = xml_text(info.permalink(entry.id))
        categories = "".join(f'<category term="{xml_text(c)}"/>' for c in _categories(entry))
        items.append(
            "<entry>"
            f"<id>{link}</id>"
            f'<title type="text">{xml_text(entry.title)}</title>'
            f'<link rel="alternate" type="text/html" href="{link}"/>'
            f"<published>{rfc3339(entry.published_at)}</published>"
            f"<updated>{rfc3339(entry.updated_at)}</updated>"
            f"<author><name>{xml_text(entry.org_name)}</name>"
            f"<uri>{xml_text(f'{info.base_url}/agency/{entry.org_id}')}</uri></author>"
            f"{categories}"
            f'<content type="html">{xml_text(body_html(entry.body))}</content>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">'
        f"<id>{xml_text(info.home_url)}</id>"
        f'<title type="text">{xml_text(info.title)}</title>'
        f"<subtitle>{xml_text(texts.WEB_SITE_DESCRIPTION)}</subtitle>"
        f"<updated>{rfc3339(_updated(entries, now))}</updated>"
        f'<link rel="self" type="application/atom+xml" href="{xml_text(info.feed_url)}"/>'
        f'<link rel="alternate" type="text/html" href="{xml_text(info.home_url)}"/>'
        f"<author><name>{xml_text(texts.WEB_SITE_NAME)}</name></author>"
        f"{''.join(items)}"
        "</feed>\n"
    )


def json_feed(info: FeedInfo, entries: Sequence[Entry]) -> str:
    """JSON Feed 1.1 with ``content_html`` and ``content_text``, ``tags`` and ``authors``."""
    items = [
        {
            "id": info.permalink(entry.id),
            "url": info.permalink(entry.id),
            "title": entry.title,
            "content_html": body_html(entry.body),
            "content_text": "\n\n".join(paragraphs(entry.body)),
            "date_published": rfc3339(entry.published_at),
            "date_modified": rfc3339(entry.updated_at),
            "authors": [{"name": entry.org_name, "url": f"{info.base_url}/agency/{entry.org_id}"}],
            "tags": _categories(entry),
            "language": "fa",
        }
        for entry in entries
    ]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.feed_url,
        "description": texts.WEB_SITE_DESCRIPTION,
        "language": "fa",
        "authors": [{"name": texts.WEB_SITE_NAME}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
