"""``python -m bot preview --org``: the offline preview tags exactly as the bot does for an officer of that agency.

The bot tags an officer's text through ``ReleasePipeline.prepare`` with the agency's stored name and
county and the live topics (``Desk.prepare_text``); ``preview --org`` looks the agency up in
DATABASE_PATH by id or by name and does the same, or uses the name alone when the agency (or the
database) is not there.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.cli import AgencyHint, agency_hint, preview_release
from bot.domain.tagging import load_topics
from bot.domain.text import fold
from fakegram import FakeTelegram
from fakegram.drivers import Officer
from storage import Storage
from storage.db import utcnow
from storage.topics import TopicRow
from tests.harness import Cli, running_bot, runtime, settings_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    s["id"]: s for s in map(json.loads, (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines())
}
OFFICER = 3101
SPORTS_OFFICE = "اداره ورزش و جوانان"  # its name places it in no county; the admin gave it Sirvan
# A text that names no county and no beat clearly: the agency's name and county decide its tags.
NEUTRAL = (
    "برگزاری نشست هماهنگی برنامه‌های هفته آینده\n\n"
    "نشست هماهنگی برنامه‌های هفته آینده با حضور مسئولان برگزار شد و درباره برنامه‌های پیش رو گفت‌وگو شد."
)
COMPARED = ("title", "body", "topics", "county", "fingerprint", "search_text")


async def _officer_of(store: Storage, name: str, county: str | None, user_id: int) -> int:
    org = await store.organizations.create(name, fold(name), county, created_by=1)
    await store.officers.create_invite(f"code{user_id}", org.id, 1, utcnow() + timedelta(days=1))
    await store.officers.redeem_invite(f"code{user_id}", user_id, f"کارشناس {user_id}", None)
    return org.id


async def _what_the_bot_suggests(tg: FakeTelegram, tmp_path: Path, text: str) -> tuple[dict[str, Any], Path]:
    """An officer of the sports office sends ``text``; the draft's tags as the bot stored them."""
    settings = settings_for(tg, tmp_path)
    async with running_bot(settings) as app:
        store = runtime(app).storage
        org_id = await _officer_of(store, SPORTS_OFFICE, "sirvan", OFFICER)
        await Officer(tg, OFFICER).say(text, count=3)
        [draft] = await store.releases.latest_of_organization(org_id)
    suggested = {
        "title": draft.title,
        "body": draft.body,
        "topics": list(draft.topics),
        "county": draft.county,
        "fingerprint": draft.fingerprint,
        "search_text": draft.search_text,
    }
    return suggested, settings.database_path


def _preview_json(cli: Cli, text: str, org: str, database: Path, folder: Path) -> dict[str, Any]:
    run = cli("preview", "--json", "--org", org, "-", stdin=text, cwd=folder, env={"DATABASE_PATH": str(database)})
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout))


async def test_preview_org_tags_as_the_bot_does_for_an_officer_of_that_agency(
    tg: FakeTelegram, tmp_path: Path, cli: Cli
) -> None:
    """Same title, body, topics, county (the agency's own, the text naming none) and fingerprint as the
    draft the bot made, whether the agency is named by its name, another spelling of it or its id."""
    suggested, database = await _what_the_bot_suggests(tg, tmp_path, NEUTRAL)
    assert suggested["county"] == "sirvan"
    assert suggested["topics"] == ["sports"]
    for org in (SPORTS_OFFICE, SPORTS_OFFICE.replace("ی", "ي").replace(" و ", " و  "), "1", "۱"):
        previewed = _preview_json(cli, NEUTRAL, org, database, tmp_path)
        assert {field: previewed[field] for field in COMPARED} == suggested, org
        assert "#سیروان" in previewed["parts"][0]["html"]
        assert SPORTS_OFFICE in previewed["parts"][0]["html"]


async def test_preview_org_of_a_sample_matches_the_draft(tg: FakeTelegram, tmp_path: Path, cli: Cli) -> None:
    """A real release (its own county in the text) previews with the draft's tags too."""
    text = SAMPLES["r05"]["text"]
    suggested, database = await _what_the_bot_suggests(tg, tmp_path, text)
    previewed = _preview_json(cli, text, SPORTS_OFFICE, database, tmp_path)
    assert {field: previewed[field] for field in COMPARED} == suggested
    assert suggested["county"] == "abdanan"


def test_without_the_database_the_name_alone_is_the_hint(cli: Cli, tmp_path: Path) -> None:
    """No database at DATABASE_PATH: the name is the only hint (no county for a name that has none)."""
    previewed = _preview_json(cli, NEUTRAL, SPORTS_OFFICE, tmp_path / "absent.db", tmp_path)
    assert previewed["topics"] == ["sports"]
    assert previewed["county"] is None
    assert not (tmp_path / "absent.db").exists(), "the preview never creates a database"
    expected = preview_release(NEUTRAL, org_name=SPORTS_OFFICE)
    assert {f: previewed[f] for f in COMPARED} == {f: expected[f] for f in COMPARED}


async def test_an_agency_missing_from_the_database_is_its_name(tmp_path: Path) -> None:
    """The database's live topics, the name as typed, no county of its own."""
    database = tmp_path / "bot.db"
    store = await Storage.open(database)
    assert (await agency_hint(SPORTS_OFFICE, database)).topics is None  # none stored yet: the packaged ones
    await store.topics.seed(  # as the bot does at start-up
        TopicRow(t.slug, t.label, t.hashtag, t.keywords, t.strong_keywords, position=i, active=True)
        for i, t in enumerate(load_topics())
    )
    await store.organizations.create("فرمانداری مهران", fold("فرمانداری مهران"), "mehran", created_by=1)
    # An admin's edit of the live taxonomy, which the bot would tag with.
    assert await store.topics.set_active("sports", False)
    await store.close()
    hint = await agency_hint(SPORTS_OFFICE, database)
    assert hint.name == SPORTS_OFFICE
    assert hint.county is None
    assert hint.topics is not None
    assert "sports" not in {t.slug for t in hint.topics}
    assert {t.slug for t in hint.topics} == {t.slug for t in load_topics()} - {"sports"}
    found = await agency_hint("فرمانداري مهران", database)
    assert (found.name, found.county) == ("فرمانداری مهران", "mehran")
    assert await agency_hint(SPORTS_OFFICE, tmp_path / "absent.db") == AgencyHint(name=SPORTS_OFFICE)
