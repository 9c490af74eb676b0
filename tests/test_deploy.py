"""Deployment files: static facts about the Dockerfile, compose file, systemd unit and proxy examples.

Docker, nginx and Caddy are not available to the tests, so the files are parsed here (a Dockerfile
reader and a YAML-subset reader below) and checked against the settings' defaults; the systemd unit is
also checked by ``systemd-analyze verify`` where that exists.
"""

from __future__ import annotations

import configparser
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from packaging.specifiers import SpecifierSet

from bot.config import DEFAULT_WEBHOOK_LISTEN, DEFAULT_WEBHOOK_PORT

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_WEBHOOK_PATH = "/telegram"  # the path of the example WEBHOOK_URL used in every proxy example


# ---------------------------------------------------------------------------------------------- Dockerfile


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), one list per build stage."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).partition(" ")
        instructions.append((keyword.upper(), " ".join(arguments.split())))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    stages: list[list[tuple[str, str]]] = []
    for instruction in instructions:
        if instruction[0] == "FROM":
            stages.append([])
        assert stages, "the Dockerfile must start with FROM"
        stages[-1].append(instruction)
    return stages


def _args(stage: list[tuple[str, str]], keyword: str) -> list[str]:
    return [arguments for name, arguments in stage if name == keyword]


def test_dockerfile_builds_a_small_image_from_python_313_slim() -> None:
    """Two stages from python:3.13-slim; pip caches nothing; the runtime stage copies only the virtualenv."""
    build, runtime = dockerfile_stages()
    assert _args(build, "FROM") == ["python:3.13-slim AS build"]
    assert _args(runtime, "FROM") == ["python:3.13-slim"]
    assert any("pip install --no-cache-dir ." in run for run in _args(build, "RUN"))
    assert _args(runtime, "COPY") == ["--from=build /opt/venv /opt/venv"]
    assert not any("build-essential" in run for run in _args(runtime, "RUN"))


def test_dockerfile_python_is_the_newest_the_project_supports() -> None:
    """The image's Python satisfies requires-python and is the newest minor version it allows."""
    [image] = _args(dockerfile_stages()[-1], "FROM")
    version = re.fullmatch(r"python:(3\.\d+)-slim", image)
    assert version, image
    requires = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    )
    supported = [f"3.{minor}" for minor in range(8, 20) if f"3.{minor}" in requires]
    assert version.group(1) == supported[-1], (version.group(1), str(requires))


def test_dockerfile_runs_as_a_non_root_user_with_the_database_on_a_volume() -> None:
    """The runtime stage creates a user, switches to it before the entrypoint, and keeps /data/bot.db on a volume."""
    runtime = dockerfile_stages()[-1]
    [user] = _args(runtime, "USER")
    name = user.split(":")[0]
    assert name not in {"root", "0"}
    assert any("useradd" in run and f" {name}" in run for run in _args(runtime, "RUN"))
    keywords = [keyword for keyword, _ in runtime]
    assert keywords.index("USER") < keywords.index("ENTRYPOINT")
    assert _args(runtime, "VOLUME") == ["/data"]
    env = " ".join(_args(runtime, "ENV"))
    assert "DATABASE_PATH=/data/bot.db" in env.split()
    assert any(f"chown {name}:" in run and "/data" in run for run in _args(runtime, "RUN"))


def test_dockerfile_entrypoint_and_healthcheck_use_the_cli() -> None:
    """The container runs `python -m bot run` by default and checks itself with `python -m bot health`."""
    runtime = dockerfile_stages()[-1]
    [entrypoint] = _args(runtime, "ENTRYPOINT")
    [command] = _args(runtime, "CMD")
    assert json.loads(entrypoint) + json.loads(command) == ["python", "-m", "bot", "run"]
    [healthcheck] = _args(runtime, "HEALTHCHECK")
    options, _, probe = healthcheck.partition(" CMD ")
    assert json.loads(probe) == ["python", "-m", "bot", "health"]
    assert "--timeout=" in options


def _ignored(path: str, patterns: list[str]) -> bool:
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        bare = pattern.removeprefix("!").removeprefix("**/")
        if fnmatch.fnmatch(path, bare) or fnmatch.fnmatch(Path(path).name, bare):
            ignored = not negate
    return ignored


def test_dockerignore_keeps_secrets_out_and_what_the_build_copies_in() -> None:
    """.env, databases, the virtualenv and git stay out of the build context; every COPY source is in it."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for secret in (".env", ".venv", ".git", "bot.db", "data", "bot.db-wal"):
        assert _ignored(secret, patterns), secret
    build = dockerfile_stages()[0]
    sources = [s for copy in _args(build, "COPY") for s in copy.split()[:-1] if not s.startswith("--")]
    assert sources == ["pyproject.toml", "README.md", "bot", "storage"]
    for source in sources:
        assert (ROOT / source).exists(), source
        assert not _ignored(source, patterns), source


# ---------------------------------------------------------------------------------------------- compose


def parse_yaml_subset(text: str) -> Any:
    """Parse the YAML compose files use here: nested block mappings, block lists of scalars, comments.

    Anything else (flow collections, anchors, multi-line strings, tabs) is an error, which keeps the
    compose file simple enough to be checked without a YAML library.
    """
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        assert "\t" not in raw, f"line {number}: tab"
        content = raw.strip()
        if not content or content.startswith("#"):
            continue
        assert not re.search(r"[{}\[\]&*|>]", content.replace("${", "")), f"line {number}: unsupported YAML"
        lines.append((len(raw) - len(raw.lstrip(" ")), content))

    def scalar(value: str) -> str | None:
        value = value.strip()
        if not value:
            return None
        if value[0] == value[-1] and value[0] in "'\"":
            return value[1:-1]
        return value

    def block(index: int, indent: int) -> tuple[Any, int]:
        if lines[index][1].startswith("- "):
            items: list[Any] = []
            while index < len(lines) and lines[index][0] == indent and lines[index][1].startswith("- "):
                items.append(scalar(lines[index][1][2:]))
                index += 1
            return items, index
        mapping: dict[str, Any] = {}
        while index < len(lines) and lines[index][0] == indent:
            key, colon, rest = lines[index][1].partition(":")
            assert colon, f"not a mapping entry: {lines[index][1]}"
            assert re.fullmatch(r"[\w.-]+", key), f"not a key: {key}"
            assert key not in mapping, f"duplicate key {key}"
            index += 1
            if rest.strip():
                mapping[key] = scalar(rest)
            elif index < len(lines) and lines[index][0] > indent:
                mapping[key], index = block(index, lines[index][0])
            else:
                mapping[key] = None
        return mapping, index

    parsed, end = block(0, lines[0][0])
    assert end == len(lines), f"unexpected indentation at: {lines[end][1]}"
    return parsed


def test_compose_runs_the_bot_with_env_file_volume_and_restart_policy() -> None:
    """The bot service builds this directory, reads .env, keeps /data on a named volume and restarts."""
    compose = parse_yaml_subset((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["build"] == "."
    assert bot["env_file"] == ".env"
    assert bot["restart"] in {"unless-stopped", "always", "on-failure"}
    [volume] = bot["volumes"]
    name, target = volume.split(":")
    assert target == "/data"
    assert name in compose["volumes"]
    assert bot["environment"]["DATABASE_PATH"] == "/data/bot.db"
    assert bot["environment"]["WEBHOOK_LISTEN"] == "0.0.0.0"
    assert bot["expose"] == [str(DEFAULT_WEBHOOK_PORT)]
    assert "ports" not in bot, "the webhook server is reached through the proxy only"


def test_yaml_subset_parser_rejects_what_it_does_not_understand() -> None:
    """The compose check is only as good as its parser: bad indentation and flow syntax are errors."""
    assert parse_yaml_subset("a:\n  b: 1\n  c:\n    - x\n    - 'y'\nd:\n") == {
        "a": {"b": "1", "c": ["x", "y"]},
        "d": None,
    }
    for broken in ("a:\n  b: 1\n c: 2\n", "a: [1, 2]\n", "a:\n\tb: 1\n", "a: 1\na: 2\n"):
        with pytest.raises(AssertionError):
            parse_yaml_subset(broken)


# ---------------------------------------------------------------------------------------------- systemd


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read(ROOT / "deploy" / "ilam-wire.service", encoding="utf-8")
    return parser


def test_systemd_unit_runs_migrations_then_the_bot_as_a_dedicated_hardened_user() -> None:
    """User, working and data directories, environment file, migrate before start, restart and hardening."""
    unit = _unit()
    assert set(unit.sections()) == {"Unit", "Service", "Install"}
    service = unit["Service"]
    assert service["User"] not in {"root", "0", ""}
    assert service["ExecStartPre"].endswith("python -m bot migrate")
    assert service["ExecStart"].endswith("python -m bot run")
    assert service["EnvironmentFile"].startswith("/etc/")
    assert service["Restart"] == "on-failure"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    writable = service["ReadWritePaths"].split()
    assert service["WorkingDirectory"] in writable
    # Only the last Environment= line survives configparser; the database default must be writable.
    text = (ROOT / "deploy" / "ilam-wire.service").read_text(encoding="utf-8")
    [database] = re.findall(r"^Environment=DATABASE_PATH=(\S+)$", text, re.MULTILINE)
    assert any(database.startswith(folder + "/") for folder in writable)
    assert unit["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    """systemd itself accepts every key and value (the interpreter path pointed at this Python)."""
    text = (ROOT / "deploy" / "ilam-wire.service").read_text(encoding="utf-8")
    copy = tmp_path / "ilam-wire.service"
    copy.write_text(text.replace("/opt/ilam-wire/venv/bin/python", sys.executable), encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


# ---------------------------------------------------------------------------------------------- proxies


def _nginx_blocks(text: str) -> list[tuple[str, str]]:
    body = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, "unbalanced braces"
    assert depth == 0, "unbalanced braces"
    return re.findall(r"location\s+([^{]+?)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", body)


def test_nginx_example_terminates_tls_and_forwards_only_the_webhook_path() -> None:
    """TLS on 443, the webhook path proxied to the default WEBHOOK_LISTEN:WEBHOOK_PORT, every other path 404."""
    text = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    locations = dict(_nginx_blocks(text))
    assert "listen 443 ssl;" in text
    assert re.search(r"^\s*ssl_certificate\s+\S+;", text, re.MULTILINE)
    assert re.search(r"^\s*ssl_certificate_key\s+\S+;", text, re.MULTILINE)
    webhook = locations[f"= {EXAMPLE_WEBHOOK_PATH}"]
    assert f"proxy_pass http://{DEFAULT_WEBHOOK_LISTEN}:{DEFAULT_WEBHOOK_PORT};" in webhook
    proxied = [where for where, block in locations.items() if "proxy_pass" in block]
    assert proxied == [f"= {EXAMPLE_WEBHOOK_PATH}"]
    assert "return 404;" in locations["/"] or "return 301" in locations["/"]
    assert text.count("return 404;") == 1


def test_caddy_example_forwards_only_the_webhook_path_to_the_bot_service() -> None:
    """The Caddyfile for compose proxies POSTs on the webhook path to bot:WEBHOOK_PORT and answers 404 otherwise."""
    text = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert text.count("{") == text.count("}")
    assert re.search(rf"path {EXAMPLE_WEBHOOK_PATH} {EXAMPLE_WEBHOOK_PATH}/\n", text)
    assert f"reverse_proxy bot:{DEFAULT_WEBHOOK_PORT}" in text
    assert "respond 404" in text


def test_env_example_documents_every_setting_and_a_matching_webhook_url() -> None:
    """Every variable config.py reads is in .env.example, and its webhook example matches the proxy examples."""
    source = (ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env(?:\.get\(|, )"([A-Z][A-Z0-9_]+)"', source))
    assert {"BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_LISTEN", "WEBHOOK_PORT"} <= read
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert read - documented == set()
    urls = re.findall(r"https://\S+/\S*", example)
    assert any(urlsplit(url).path.rstrip(";,.") == EXAMPLE_WEBHOOK_PATH for url in urls), urls
