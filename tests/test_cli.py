"""`python -m bot preview` and `migrate`: what an officer sees offline, checked on every sample release.

The commands run in-process through ``bot.cli.main`` (the ``cli`` fixture); one smoke test starts
``python -m bot`` as a subprocess.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import preview_release
from bot.domain.render import CAPTION_LIMIT, TEXT_LIMIT
from bot.domain.text import fold
from fakegram import parse_html, utf16_len
from tests.harness import Cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [json.loads(line) for line in (ROOT / "tests/data/releases.jsonl").read_text(encoding="utf-8").splitlines()]
ZWNJ = "\u200c"

# Independent of the normalizer's own span finder, so the test does not grade itself.
URL = re.compile(r"(?:https?://|www\.)[^\s،]+[^\s،.]")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
DATE = re.compile(r"[0-9۰-۹]{4}/[0-9۰-۹]{1,2}/[0-9۰-۹]{1,2}")
PHONE = re.compile(r"(?<=شماره )[0-9]{3,11}|\b09[0-9]{9}\b")
DECIMAL = re.compile(r"\b[0-9]+\.[0-9]+\b")


@pytest.fixture(scope="module")
def previews() -> dict[str, dict[str, Any]]:
    """Every sample through the whole pipeline once (the normalizer is built once per process)."""
    return {s["id"]: preview_release(s["text"], org_name=s["org"]) for s in SAMPLES}


def _ids() -> list[str]:
    return [s["id"] for s in SAMPLES]


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_no_arabic_letters_or_kashida(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """Title and body carry no Arabic yeh (U+064A), kaf (U+0643) or kashida (U+0640)."""
    result = previews[sample["id"]]
    for field in ("title", "body"):
        assert not set(result[field]) & {"\u064a", "\u0643", "\u0640"}, field


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_no_wire_header(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """The «شبکه اطلاع رسانی روابط عمومی ایران (شارا)-||» header is gone."""
    text = previews[sample["id"]]["title"] + "\n" + previews[sample["id"]]["body"]
    assert "شارا" not in text
    assert "-||" not in text
    assert "شبکه اطلاع رسانی روابط عمومی ایران" not in fold(text)


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_no_paragraph_or_long_sentence_twice(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """A paragraph (or a sentence of eight words or more) pasted twice appears once."""
    body = previews[sample["id"]]["body"]
    paragraphs = [fold(p) for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == len(set(paragraphs))
    sentences = [fold(s) for s in re.split(r"(?<=[.!؟?])\s+", body) if len(s.split()) >= 8]
    assert len(sentences) == len(set(sentences))
    if "repeated_paragraph" in sample["features"]:
        assert len(body) < len(sample["text"]) * 0.95


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_protected_spans_are_identical(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """Every URL, e-mail, date, phone number and decimal of the input appears unchanged in the output."""
    output = previews[sample["id"]]["title"] + "\n" + previews[sample["id"]]["body"]
    found = [m for pattern in (URL, EMAIL, DATE, PHONE, DECIMAL) for m in pattern.findall(sample["text"])]
    for span in found:
        assert span in output, span


def test_samples_contain_the_spans_the_test_relies_on() -> None:
    """The span test above is not vacuous: the samples hold URLs, phone numbers and decimals."""
    text = "\n".join(s["text"] for s in SAMPLES)
    assert URL.search(text)
    assert PHONE.search(text)
    assert DECIMAL.search(text)


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_half_spaces_where_persian_needs_them(previews: dict[str, dict[str, Any]], sample: dict[str, Any]) -> None:
    """«می‌» verb prefixes and plural «ها» are joined with a ZWNJ, never a space or nothing."""
    text = previews[sample["id"]]["title"] + "\n" + previews[sample["id"]]["body"]
    assert not re.search(r"(?<![\w\u200c])(ن?می) (?=\w)", text)
    assert not re.search(r"(?<=\w) (ها|های|هایی)(?!\w)", text)
    assert "عمومیها" not in text


def test_named_zwnj_cases() -> None:
    """The cases the design names come out with their half-spaces."""
    by_id = {s["id"]: s for s in SAMPLES}
    s00 = preview_release(by_id["s00"]["text"])
    assert f"روابط عمومی{ZWNJ}ها" in s00["body"]
    assert f"درخواست می{ZWNJ}کنم" in s00["body"]
    r20 = preview_release(by_id["r20"]["text"])
    assert f"می{ZWNJ}شود" in r20["title"]


def test_tags_agree_with_the_labels(previews: dict[str, dict[str, Any]]) -> None:
    """Suggested county and topics agree with the samples' labels (figures printed for the README)."""
    county_hits = sum(previews[s["id"]]["county"] == s["county"] for s in SAMPLES)
    top_topic_hits = sum(
        bool(previews[s["id"]]["topics"]) and previews[s["id"]]["topics"][0] in s["topics"] for s in SAMPLES
    )
    jaccard = [
        len(set(previews[s["id"]]["topics"]) & set(s["topics"]))
        / len(set(previews[s["id"]]["topics"]) | set(s["topics"]))
        for s in SAMPLES
    ]
    print(
        f"county {county_hits}/{len(SAMPLES)}, top topic {top_topic_hits}/{len(SAMPLES)}, "
        f"mean topic Jaccard {sum(jaccard) / len(jaccard):.2f}"
    )
    assert county_hits >= len(SAMPLES) - 1
    assert top_topic_hits >= len(SAMPLES) - 1
    assert sum(jaccard) / len(jaccard) >= 0.7


@pytest.mark.parametrize("sample", SAMPLES, ids=_ids())
def test_parts_are_valid_telegram_html_within_limits(
    previews: dict[str, dict[str, Any]], sample: dict[str, Any]
) -> None:
    """Every rendered part parses as Telegram HTML and fits its limit."""
    parts = previews[sample["id"]]["parts"]
    assert parts
    for part in parts:
        plain, _ = parse_html(part["html"])
        limit = TEXT_LIMIT if part["kind"] == "text" else CAPTION_LIMIT
        assert utf16_len(plain) <= limit
    assert previews[sample["id"]]["search_text"] == fold(previews[sample["id"]]["search_text"])


def _subprocess_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        check=False,
        timeout=120,
    )


@pytest.mark.slow
def test_python_dash_m_bot_runs_the_command_line() -> None:
    """The smoke test of the real entry point: `python -m bot preview --json -` in its own process
    prints the preview object and exits 0 (the other command-line tests call ``bot.cli.main`` in-process)."""
    result = _subprocess_cli("preview", "--json", "-", stdin=SAMPLES[2]["text"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["county"] == "abdanan"


def test_preview_json_from_a_file_and_from_stdin(cli: Cli, tmp_path: Path) -> None:
    """`preview --json FILE` and `preview --json -` print one object with the contract's fields."""
    sample = SAMPLES[2]
    source = tmp_path / "release.txt"
    source.write_text(sample["text"], encoding="utf-8")
    from_file = cli("preview", "--json", str(source), cwd=ROOT)
    from_stdin = cli("preview", "--json", "-", stdin=sample["text"], cwd=ROOT)
    assert from_file.returncode == 0, from_file.stderr
    assert from_stdin.returncode == 0, from_stdin.stderr
    result = json.loads(from_file.stdout)
    assert {"title", "body", "topics", "county", "parts", "search_text"} <= set(result)
    assert all(set(p) == {"kind", "html"} for p in result["parts"])
    assert result["county"] == "abdanan"
    assert json.loads(from_stdin.stdout)["body"] == result["body"]


def test_preview_human_output(cli: Cli, tmp_path: Path) -> None:
    """Without --json the preview prints the title, topics, county and each message part in Persian."""
    result = cli("preview", "-", stdin=SAMPLES[1]["text"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("عنوان: آغاز واکسیناسیون")
    assert "شهرستان: ایلام" in result.stdout
    assert "بخش ۱" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (("preview", "-"), "   \n", "ورودی خالی"),
        (("preview", "/nonexistent/release.txt"), None, "فایل پیدا نشد"),
    ],
)
def test_preview_bad_input_is_one_clear_line(cli: Cli, args: tuple[str, ...], stdin: str | None, needle: str) -> None:
    """Empty input or a missing file exits 1 with a Persian line and no traceback."""
    result = cli(*args, stdin=stdin, cwd=ROOT)
    assert result.returncode == 1
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


def test_preview_rejects_a_file_that_is_not_utf8(cli: Cli, tmp_path: Path) -> None:
    """A file in another encoding is refused with a clear line."""
    source = tmp_path / "cp1256.txt"
    source.write_bytes("خبر".encode("cp1256"))
    result = cli("preview", str(source), cwd=ROOT)
    assert result.returncode == 1
    assert "UTF-8" in result.stderr


def test_migrate_needs_no_token_and_is_idempotent(cli: Cli, tmp_path: Path) -> None:
    """`migrate` creates the database, a second run applies nothing, and no BOT_TOKEN is required."""
    database = tmp_path / "db" / "bot.db"
    env = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    env["DATABASE_PATH"] = str(database)
    first = cli("migrate", cwd=tmp_path, env=env)
    second = cli("migrate", cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    assert "0001" in first.stdout
    assert second.returncode == 0
    assert "هیچ" in second.stdout
    assert database.is_file()
