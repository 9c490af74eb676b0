"""Command line: ``python -m bot run | migrate | preview | report | health | demo`` and the transfers."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import texts
from bot.cli import transfer
from bot.config import ConfigError, Settings, database_path, ensure_database_writable, merged_environment
from bot.domain.digits import fa

if TYPE_CHECKING:
    from bot.domain.tagging import Topic
    from bot.telegram.context import WireApplication


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Ilam press-release wire on Telegram")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot (long polling, or a webhook when WEBHOOK_URL is set)")
    commands.add_parser("migrate", help="create or upgrade the database schema")
    commands.add_parser("health", help="check the database and the Bot API; exit 1 when a check fails")
    commands.add_parser("demo", help="play a short scene against a built-in fake Telegram: no token, no network")
    preview = commands.add_parser("preview", help="show what a release text would become")
    preview.add_argument("file", nargs="?", default="-", help="a UTF-8 text file, or - for standard input")
    preview.add_argument("--json", action="store_true", help="print one JSON object")
    preview.add_argument(
        "--org",
        default=None,
        help="tag as for an officer of this agency: its id or name in DATABASE_PATH (then its county and the "
        "live topics too), else the name alone as the hint",
    )
    report = commands.add_parser("report", help="write a Jalali month's accountability chart (PNG) and table (CSV)")
    report.add_argument("month", nargs="?", default=None, help="e.g. 1405-09 (default: the current month)")
    report.add_argument("--out", type=Path, default=Path(), help="folder for the files (default: here)")
    transfer.add_commands(commands)  # backup, restore, export, import
    args = parser.parse_args(argv)

    try:
        if args.command == "run":
            return _run()
        if args.command == "migrate":
            return asyncio.run(_migrate())
        if args.command == "report":
            from bot.cli.report import cli_report  # noqa: PLC0415 - storage and the chart only for this command

            return cli_report(args.month, args.out)
        if args.command == "demo":
            from bot.cli.demo import run_demo  # noqa: PLC0415

            return run_demo(sys.stdout)
        if args.command == "health":
            from bot.telegram.health import run_health_checks  # noqa: PLC0415

            return run_health_checks(Settings.from_environment())
        if args.command in transfer.COMMANDS:
            return transfer.run(args)
        return _preview(args.file, as_json=args.json, org=args.org)
    except ConfigError as exc:
        print(texts.CLI_CONFIG_ERROR.format(message=exc), file=sys.stderr)
        return 2


def _load_settings() -> Settings:
    settings = Settings.from_environment()
    ensure_database_writable(settings.database_path)
    return settings


def _unusable_database(path: Path, error: Exception) -> str:
    """The one line that says why the bot cannot run on the database at ``path``."""
    from storage.db import EditedMigration, NewerSchema, UnreadableDatabase  # noqa: PLC0415

    if isinstance(error, UnreadableDatabase):
        return texts.CLI_DATABASE_UNREADABLE.format(path=path, reason=error.reason)
    if isinstance(error, NewerSchema):
        return texts.CLI_DATABASE_NEWER.format(path=path, versions=", ".join(f"{v:04d}" for v in error.versions))
    if isinstance(error, EditedMigration):
        return texts.CLI_MIGRATION_EDITED.format(path=path, version=f"{error.version:04d}")
    raise error


async def _open_and_migrate(path: Path) -> list[int]:
    """Open the database, refuse it if this code cannot run it, apply pending migrations, close it."""
    from storage import Storage  # noqa: PLC0415

    storage = await Storage.open(path, migrate=False)
    try:
        return await storage.db.migrate()
    finally:
        await storage.close()


def _run() -> int:
    settings = _load_settings()
    from storage.db import UnusableDatabase  # noqa: PLC0415

    # Before anything starts: a database this code cannot run stops the process with one line and exit
    # code 2 (so a restart policy sees a failure), instead of a traceback inside the running application.
    try:
        asyncio.run(_open_and_migrate(settings.database_path))
    except UnusableDatabase as error:
        print(_unusable_database(settings.database_path, error), file=sys.stderr)
        return 2
    from telegram import Update  # noqa: PLC0415 - heavy imports only for the command that needs them

    from bot.app import build_application  # noqa: PLC0415
    from bot.logging_setup import configure_logging  # noqa: PLC0415

    configure_logging(settings)
    taken = newsroom_address_taken(settings)
    if taken is not None:
        print(taken, file=sys.stderr)
        return 2
    application = build_application(settings)
    refusal = reach_bot_api(application, settings)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    # run_polling and run_webhook install SIGINT/SIGTERM handlers and run post_shutdown, which closes the database.
    if settings.webhook_url:
        from bot.telegram.webhook import run_webhook  # noqa: PLC0415

        run_webhook(application, settings)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


def newsroom_address_taken(settings: Settings) -> str | None:
    """The line that says why the newsroom cannot listen on WEB_LISTEN:WEB_PORT, or None when it can."""
    import socket  # noqa: PLC0415

    if not settings.web_enabled or settings.web_port == 0:
        return None
    try:
        infos = socket.getaddrinfo(settings.web_listen, settings.web_port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        return texts.WEB_ADDRESS_TAKEN.format(
            address=f"{settings.web_listen}:{settings.web_port}", reason=error.strerror or type(error).__name__
        )
    return None


def reach_bot_api(application: WireApplication, settings: Settings) -> str | None:
    """Initialize the application (``getMe``) on the event loop ``run_polling`` and ``run_webhook`` will use.

    They would initialize it inside a retry loop that logs the whole traceback and then raises it again;
    done here first (they skip an initialized application), a Bot API that cannot be reached or refuses
    the token is one line and exit code 2, like any other setting the bot cannot run with. Returns that
    line, or None when the Bot API answered.
    """
    from telegram.error import InvalidToken, NetworkError  # noqa: PLC0415

    url = settings.bot_api_url
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(application.initialize())
    except (InvalidToken, NetworkError) as error:  # TimedOut is a NetworkError
        loop.run_until_complete(application.bot.shutdown())
        loop.close()
        asyncio.set_event_loop(None)
        if isinstance(error, InvalidToken):
            return texts.CLI_BOT_API_REFUSED_BOT.format(url=url)
        reason = str(error).replace(settings.bot_token.reveal(), "<token>") or type(error).__name__
        proxy = settings.telegram_proxy_shown
        if proxy is not None:
            return texts.CLI_BOT_API_UNREACHABLE_PROXY.format(url=url, proxy=proxy, reason=reason)
        return texts.CLI_BOT_API_UNREACHABLE.format(url=url, reason=reason)
    return None


async def _migrate() -> int:
    from storage.db import UnusableDatabase  # noqa: PLC0415

    path = database_path(merged_environment())
    ensure_database_writable(path)
    try:
        applied = await _open_and_migrate(path)
    except UnusableDatabase as error:
        print(_unusable_database(path, error), file=sys.stderr)
        return 2
    versions = ", ".join(f"{v:04d}" for v in applied) or texts.CLI_NO_MIGRATIONS
    print(texts.CLI_MIGRATED.format(path=path, versions=versions))
    return 0


def _read_input(source: str) -> str | None:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        print(texts.CLI_FILE_NOT_FOUND.format(path=path), file=sys.stderr)
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        print(texts.CLI_NOT_UTF8.format(path=path), file=sys.stderr)
        return None


def preview_release(
    raw_text: str,
    *,
    org_name: str | None = None,
    org_county: str | None = None,
    topics: Sequence[Topic] | None = None,
) -> dict[str, Any]:
    """Everything ``preview --json`` prints for one release text (used by the CLI and its tests).

    Tagged by :meth:`ReleasePipeline.prepare` with the agency's name and county, as the desk tags an
    officer's text; ``topics`` are the live taxonomy (the packaged one when None).
    """
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from bot.domain.pipeline import ReleasePipeline  # noqa: PLC0415
    from bot.domain.render import ReleaseView, render_release  # noqa: PLC0415
    from bot.domain.tagging import load_counties, load_topics  # noqa: PLC0415
    from bot.services.core import shared_normalizer  # noqa: PLC0415

    topics = load_topics() if topics is None else tuple(topics)
    counties = load_counties()
    pipeline = ReleasePipeline(shared_normalizer(), topics, counties)
    prepared = pipeline.prepare(raw_text, org_name=org_name, org_county=org_county)
    topic_by_slug = {t.slug: t for t in topics}
    county_by_slug = {c.slug: c for c in counties}
    county = county_by_slug.get(prepared.county) if prepared.county else None
    view = ReleaseView(
        release_id=0,
        title=prepared.title,
        body=prepared.body,
        org_name=org_name or texts.PREVIEW_ORG_PLACEHOLDER,
        county_name=county.name if county else None,
        topic_hashtags=tuple(topic_by_slug[s].hashtag for s in prepared.topics),
        county_hashtag=county.hashtag if county else None,
        published_at=datetime.now(UTC),
    )
    parts = render_release(view, ZoneInfo("Asia/Tehran"))
    return {
        "title": prepared.title,
        "body": prepared.body,
        "topics": list(prepared.topics),
        "topic_labels": [topic_by_slug[s].label for s in prepared.topics],
        "county": prepared.county,
        "county_name": county.name if county else None,
        "fingerprint": prepared.fingerprint,
        "search_text": prepared.search_text,
        "parts": [{"kind": p.kind, "html": p.html} for p in parts],
    }


@dataclass(frozen=True, slots=True)
class AgencyHint:
    """What the desk tags an officer's text with: the agency's name and county, and the live topics."""

    name: str | None = None
    county: str | None = None
    topics: tuple[Topic, ...] | None = None  # None: the packaged taxonomy


async def agency_hint(org: str, database: Path) -> AgencyHint:
    """The agency ``org`` (an id or a name, in any spelling) as the bot at ``database`` knows it.

    With the database: the live topics (the packaged ones while none are stored), and the agency's
    stored name and county when it is there (looked up by id, then by folded name); otherwise the
    name as typed is the only hint.
    """
    if not await asyncio.to_thread(database.is_file):
        return AgencyHint(name=org)
    from bot.domain.digits import to_latin_digits  # noqa: PLC0415
    from bot.domain.text import fold  # noqa: PLC0415
    from bot.services.taxonomy import live_topics  # noqa: PLC0415
    from storage import Storage  # noqa: PLC0415

    storage = await Storage.open(database, migrate=False)
    try:
        # A database never run by the bot has no topics yet: it would seed the packaged ones at start.
        topics = tuple(await live_topics(storage)) or None
        number = to_latin_digits(org.strip())
        found = await storage.organizations.get(int(number)) if number.isdigit() else None
        found = found or await storage.organizations.find_by_folded_name(fold(org))
    finally:
        await storage.close()
    if found is None:
        return AgencyHint(name=org, topics=topics)
    return AgencyHint(name=found.name, county=found.county, topics=topics)


def _preview(source: str, *, as_json: bool, org: str | None) -> int:
    raw = _read_input(source)
    if raw is None:
        return 1
    if not raw.strip():
        print(texts.CLI_EMPTY_INPUT, file=sys.stderr)
        return 1
    hint = asyncio.run(agency_hint(org, database_path(merged_environment()))) if org else AgencyHint()
    result = preview_release(raw, org_name=hint.name, org_county=hint.county, topics=hint.topics)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"عنوان: {result['title']}")
    print(f"موضوع‌ها: {'، '.join(result['topic_labels']) or '—'}")
    print(f"شهرستان: {result['county_name'] or 'استانی'}")
    print()
    for number, part in enumerate(result["parts"], start=1):
        print(f"── بخش {fa(number)} ({part['kind']}) ──")
        print(part["html"])
        print()
    return 0
