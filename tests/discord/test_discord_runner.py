"""`python -m bot run` and `sync`: the sync payload and the friendly errors, end to end."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from fakediscord.threaded import fake_in_thread

from bot.discordbot import runner

ROOT = Path(__file__).resolve().parents[2]

def _knowledge_env() -> dict[str, str]:
    """$READING_BOT_KNOWLEDGE when tests/isolation.py set it, for a bare subprocess env."""
    return {k: v for k, v in os.environ.items() if k == "READING_BOT_KNOWLEDGE"}

COMMANDS = {"ask", "positions", "compare", "who", "quote", "contributors", "reading"}


def write_config(tmp_path: Path, api_base: str, gateway: str, extra: str = "") -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"discord:\n  api_base: {api_base}\n  gateway: {gateway}\n  guild_ready_timeout: 0.05\n"
        f"prompts:\n  database: {tmp_path / 'bot.sqlite3'}\n{extra}",
        encoding="utf-8",
    )
    return path


def options_of(command: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in command.get("options", [])}


@pytest.fixture(autouse=True)
def restore_globals() -> Any:
    """Undo what the runner sets process-wide: endpoints, the log handler and level."""
    import discord

    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


def test_sync_registers_every_command_with_its_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_in_thread() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", fake.token)
        config = write_config(tmp_path, fake.api_base, fake.gateway_url)
        status = runner.sync_command(argparse.Namespace(config=str(config), guild=None))
        assert status == 0
        [put] = fake.find("PUT", rf"/applications/{fake.application_id}/commands")
        assert not fake.find("GET", "/gateway.*")  # sync never opens the gateway
    commands = {c["name"]: c for c in put.json}
    assert set(commands) >= COMMANDS
    ask = options_of(commands["ask"])
    assert ask["question"]["type"] == 3 and ask["question"]["required"]
    assert ask["private"]["type"] == 5 and not ask["private"].get("required")
    positions = options_of(commands["positions"])
    assert positions["contributor"]["autocomplete"] and positions["kind"]["autocomplete"]
    compare = options_of(commands["compare"])
    assert set(compare) == {"first", "second", "topic", "reading"}
    assert compare["first"]["autocomplete"] and compare["second"]["autocomplete"]
    assert set(options_of(commands["who"])) == {"topic", "reading"}
    assert options_of(commands["quote"])["contributor"]["autocomplete"]
    for name in ("ask", "positions", "compare", "who", "quote"):  # each may name a reading
        chosen = options_of(commands[name])["reading"]
        assert chosen["autocomplete"] and not chosen.get("required")
    assert not options_of(commands["contributors"])
    group = {o["name"]: o for o in commands["reading"]["options"]}
    assert set(group) == {"info", "list", "use", "reload", "add", "export", "remove"}
    assert all(o["type"] == 1 and o["description"] for o in group.values())
    assert set(options_of(group["use"])) == {"reading", "channel"}
    added = options_of(group["add"])
    assert added["file"]["type"] == 11 and added["file"]["required"]  # an attachment
    assert all(c["description"] for c in put.json)
    prompt = commands["prompt"]  # the moderators' group, hidden from members by default
    assert int(prompt["default_member_permissions"]) == 1 << 13  # Manage Messages
    assert prompt.get("dm_permission") is False or prompt.get("contexts") == [0]
    subs = {o["name"]: o for o in prompt["options"]}
    assert all(o["type"] == 1 and o["description"] for o in subs.values())
    expected = {
        "post": {"prompt", "channel", "thread", "reading"},
        "next": {"channel", "thread", "reading"},
        "list": {"reading"},
        "add": {"text"},
        "remove": {"prompt"},
        "schedule": {"channel", "when", "timezone", "thread", "reading"},
        "unschedule": {"channel"},
    }
    assert {name: set(options_of(o)) for name, o in subs.items()} == expected
    for name in ("post", "next", "list", "schedule"):  # prompts belong to a reading
        chosen = options_of(subs[name])["reading"]
        assert chosen["autocomplete"] and not chosen.get("required")
    assert options_of(subs["post"])["prompt"]["autocomplete"]
    assert options_of(subs["remove"])["prompt"]["autocomplete"]
    assert options_of(subs["schedule"])["timezone"]["autocomplete"]
    schedule = options_of(subs["schedule"])
    assert schedule["channel"]["required"] and schedule["when"]["required"]
    assert schedule["channel"]["type"] == 7 and set(schedule["channel"]["channel_types"]) >= {0}
    out = capsys.readouterr().out
    assert "globally" in out and "/ask" in out and "/prompt" in out


def test_sync_to_one_guild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_in_thread() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", fake.token)
        config = write_config(tmp_path, fake.api_base, fake.gateway_url)
        args = argparse.Namespace(config=str(config), guild=fake.guild_id)
        assert runner.sync_command(args) == 0
        path = rf"/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
        [put] = fake.find("PUT", path)
    assert {c["name"] for c in put.json} >= COMMANDS
    assert f"in server {fake.guild_id}" in capsys.readouterr().out


def test_rejected_token_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_in_thread() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", "not-the-right-token-at-all")
        config = write_config(tmp_path, fake.api_base, fake.gateway_url)
        assert runner.run_command(argparse.Namespace(config=str(config))) == 1
        assert runner.sync_command(argparse.Namespace(config=str(config), guild=None)) == 1
    err = capsys.readouterr().err
    assert "Discord rejected the token in DISCORD_TOKEN" in err
    assert "Traceback" not in err
    assert "not-the-right-token-at-all" not in err


def test_unreachable_discord_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "some-token-value")
    config = write_config(tmp_path, "http://127.0.0.1:9/api/v10", "ws://127.0.0.1:9/gateway")
    assert runner.run_command(argparse.Namespace(config=str(config))) == 1
    err = capsys.readouterr().err
    assert "Could not reach Discord" in err and "Traceback" not in err


def test_no_token_explains_and_falls_back_to_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    calls: list[argparse.Namespace] = []
    console = types.ModuleType("bot.console")

    def chat_command(args: argparse.Namespace) -> int:
        calls.append(args)
        return 0

    console.chat_command = chat_command  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bot.console", console)
    monkeypatch.setattr(runner, "_on_terminal", lambda: True)
    config = tmp_path / "config.yaml"
    config.write_text("reading: chinafile-2013-human-rights\n", encoding="utf-8")
    assert runner.run_command(argparse.Namespace(config=str(config))) == 0
    err = capsys.readouterr().err
    assert "export DISCORD_TOKEN=" in err
    assert "discord.com/developers/applications" in err
    assert "local console" in err
    [args] = calls
    assert args.config == str(config)
    assert args.reading == "chinafile-2013-human-rights"


def test_no_token_off_a_terminal_is_an_error_not_a_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a service manager (stdin not a terminal) the bot must not exit 0 without a token."""
    env = {**_knowledge_env(), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "READING_BOT_DATA": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "export DISCORD_TOKEN=" in done.stderr
    assert "python3 tasks.py chat" in done.stderr  # works without an activated .venv
    assert "python -m bot" not in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_sync_without_token_explains(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("READING_BOT_CONFIG", raising=False)
    monkeypatch.chdir(ROOT / "tests")  # no config.yaml here: defaults
    assert runner.sync_command(argparse.Namespace(config=None, guild=None)) == 1
    err = capsys.readouterr().err
    assert "export DISCORD_TOKEN=" in err
    assert "python3 tasks.py sync" in err and "python3 tasks.py run" in err
    assert "python -m bot" not in err


@pytest.mark.parametrize("guild", [True, False])
def test_sync_clear_removes_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    guild: bool,
) -> None:
    with fake_in_thread() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", fake.token)
        config = write_config(tmp_path, fake.api_base, fake.gateway_url)
        server = fake.guild_id if guild else None
        assert runner.sync_command(argparse.Namespace(config=str(config), guild=server)) == 0
        key = str(server) if server else None
        assert {c["name"] for c in fake.commands[key]} >= COMMANDS
        args = argparse.Namespace(config=str(config), guild=server, clear=True)
        assert runner.sync_command(args) == 0
        assert fake.commands[key] == []
    out = capsys.readouterr().out
    assert "Removed every slash command" in out
    assert (f"server {fake.guild_id}" in out) is guild


def test_sync_clear_is_on_the_command_line() -> None:
    from bot.cli import build_parser

    args = build_parser().parse_args(["sync", "--guild", "123", "--clear"])
    assert args.clear is True and args.guild == 123


@pytest.mark.parametrize("command", ["run", "sync"])
def test_bad_config_is_reported_without_traceback(tmp_path: Path, command: str) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("discord:\n  cooldown_rate: lots\n  promt: '!ask'\n", encoding="utf-8")
    env = {**_knowledge_env(), "PATH": "/usr/bin:/bin", "DISCORD_TOKEN": "x" * 20,
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", command, "--config", str(config)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "discord: 'cooldown_rate' must be a whole number, not text ('lots')" in done.stderr
    assert "discord: unknown key 'promt'" in done.stderr  # every problem at once


def test_missing_config_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert runner.run_command(argparse.Namespace(config=str(missing))) == 1
    err = capsys.readouterr().err
    assert "config file not found" in err and str(missing) in err


def test_unknown_reading_is_a_config_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "some-token-value")
    config = tmp_path / "config.yaml"
    config.write_text("reading: no-such-reading\n", encoding="utf-8")
    assert runner.run_command(argparse.Namespace(config=str(config))) == 1
    err = capsys.readouterr().err
    assert "reading:" in err and "no-such-reading" in err


def test_privileged_intent_not_enabled_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_in_thread() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", fake.token)
        extra = "  message_content: true\n  prefix: '!ask'\n"
        config = tmp_path / "config.yaml"
        config.write_text(
            f"discord:\n  api_base: {fake.api_base}\n  gateway: {fake.gateway_url}\n{extra}",
            encoding="utf-8",
        )
        assert runner.run_command(argparse.Namespace(config=str(config))) == 1
    err = capsys.readouterr().err
    assert "Message Content" in err and "Traceback" not in err


@pytest.mark.parametrize("problem", ["missing", "bad key"])
def test_chat_with_a_bad_config_is_reported_without_traceback(
    tmp_path: Path, problem: str
) -> None:
    config = tmp_path / "config.yaml"
    if problem == "bad key":
        config.write_text("prompts:\n  databse: x.sqlite3\n", encoding="utf-8")
    env = {**_knowledge_env(), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "READING_BOT_DATA": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--config", str(config)],
        cwd=ROOT,
        env=env,
        input="prompt list\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Config problem:")
    expected = "config file not found" if problem == "missing" else "did you mean 'database'"
    assert expected in done.stderr


def test_console_uses_the_prompt_database_of_the_config(tmp_path: Path) -> None:
    """`chat` finds ./config.yaml (as `run` does) and keeps prompt state where it says."""
    (tmp_path / "config.yaml").write_text("prompts:\n  database: state/p.sqlite3\n", "utf-8")
    env = {**_knowledge_env(), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "READING_BOT_DATA": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        cwd=tmp_path,
        env=env,
        input="prompt add What would you ask the contributors?\nprompt next\n"
        "prompt post what about Hong Kong?\nquit\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Added custom-1" in done.stdout
    assert done.stdout.count("[#console]\nDiscussion prompt") == 2
    assert "What the contributors said:" in done.stdout and "Sharon Hom" in done.stdout
    assert (tmp_path / "state" / "p.sqlite3").is_file()
