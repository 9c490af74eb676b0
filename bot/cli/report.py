"""``python -m bot report``: the accountability report of a month, written to files from a terminal."""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import texts
from bot.config import DEFAULT_TIMEZONE, ConfigError, database_path, merged_environment
from bot.services.reports import ReportFiles, report_files, resolve_month
from storage import Storage
from storage.db import utcnow


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"BOT_TIMEZONE نامعتبر است: «{name}» (BOT_TIMEZONE is unknown).") from None


async def _report_from(path: Path, year: int, month: int, zone: ZoneInfo, now: datetime) -> ReportFiles:
    # A reader: the schema is the running bot's to migrate.
    storage = await Storage.open(path, migrate=False)
    try:
        return await report_files(storage, year, month, zone, now)
    finally:
        await storage.close()


def cli_report(month_text: str | None, out_dir: Path) -> int:
    """``python -m bot report [MONTH] [--out DIR]``: write the two charts and the CSV, print the summary."""
    env = merged_environment()
    path = database_path(env)
    zone = _zone(env.get("BOT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE)
    if not path.is_file():
        print(texts.CLI_DATABASE_MISSING.format(path=path), file=sys.stderr)
        return 1
    now = utcnow()
    try:
        year, month = resolve_month(month_text, now, zone)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    files = asyncio.run(_report_from(path, year, month, zone, now))
    out_dir.mkdir(parents=True, exist_ok=True)
    png, questions_png = out_dir / files.png_name, out_dir / files.responsiveness_png_name
    csv = out_dir / files.csv_name
    png.write_bytes(files.chart.png)
    questions_png.write_bytes(files.responsiveness_chart.png)
    csv.write_bytes(files.csv)
    print(files.summary)
    print()
    print(texts.CLI_REPORT_WRITTEN.format(png=png, questions_png=questions_png, csv=csv))
    return 0
