"""The archive benchmark runs end to end on a tiny archive and reports what it promises."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bench import archive
from bot.domain.text import fold
from storage import Storage
from storage.releases import SearchPage


async def _search(database: Path, query: str) -> SearchPage:
    store = await Storage.open(database, migrate=False)
    try:
        return await store.releases.search(fold(query), limit=10)
    finally:
        await store.close()


@pytest.mark.slow  # the whole benchmark, at a tiny size: seconds of work
def test_tiny_archive_benchmark(tmp_path: Path) -> None:
    """300 releases (100 through the full pipeline, the rest in bulk), 200 subscriptions, the audience of 60 of
    them timed, no bot process."""
    output = tmp_path / "archive.json"
    database = tmp_path / "archive.db"
    argv = [
        "--releases",
        "300",
        "--measured",
        "100",
        "--subscriptions",
        "200",
        "--queries",
        "90",
        "--match-releases",
        "60",
    ]
    assert archive.main([*argv, "--no-rss", "--keep-db", str(database), "--output", str(output)]) == 0

    results = json.loads(output.read_text(encoding="utf-8"))
    for key in ("command", "machine", "parameters", "archive", "ingest", "search", "matching", "bot_memory"):
        assert key in results, key
    assert results["archive"]["published_releases"] == results["archive"]["indexed_in_fts"] == 300
    full, bulk = results["ingest"]["full_path"], results["ingest"]["bulk_path"]
    assert (full["releases"], bulk["releases"]) == (100, 200)
    assert full["releases_per_s"] > 0
    # The bulk preparation gives what the full pipeline gives for the same texts.
    assert full["bulk_preparation_agrees"]["search_text"] == 1.0

    search = results["search"]
    assert search["overall"]["count"] == 90
    assert {"p50_ms", "p95_ms"} <= search["overall"].keys()
    assert search["by_kind"]["common word"]["with_results"] == 1.0
    assert search["by_kind"]["word in no release"]["with_results"] == 0.0

    matching = results["matching"]
    assert {"p50_ms", "p95_ms"} <= matching["pure_select_chats"].keys()
    assert {"p50_ms", "p95_ms"} <= matching["full_audience"].keys()
    assert matching["target_applies_to"].startswith("full_audience")
    # The audience publishing computes is the one the domain function selects.
    assert matching["full_audience"]["agrees_with_select_chats"] == 1.0
    assert results["bot_memory"] is None

    # «ایلام» is in most generated releases (the samples name the province in most sentences).
    page = asyncio.run(_search(database, "ایلام"))
    assert page.total > 0
    assert page.releases
    assert all(release.status == "published" for release in page.releases)
