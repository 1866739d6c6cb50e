"""The set-up guide's commands work as written, right after the README's first command."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted((ROOT / "docs").glob("*.md"))
TASKS = {"run", "check"}  # tasks.py's own tasks; the others go to `python -m bot`


def test_docs_use_forms_that_need_no_activated_venv() -> None:
    assert DOCS
    for doc in DOCS:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            bare = re.sub(r"\.venv[/\\](bin|Scripts)[/\\]python", "", line)
            assert "python -m bot" not in bare, f"{doc.name}:{number}: {line.strip()}"


def test_every_documented_subcommand_and_flag_exists() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
    commands = subparsers.choices
    assert isinstance(commands, dict)
    seen = 0
    for doc in DOCS:
        for match in re.finditer(r"python3 tasks\.py ([a-z]+)((?: --?[a-z-]+(?: [A-Z_]+)?)*)",
                                 doc.read_text(encoding="utf-8")):
            name, flags = match[1], re.findall(r"--?[a-z-]+", match[2])
            seen += 1
            if name in TASKS and name not in commands:
                continue
            assert name in commands, f"{doc.name}: python3 tasks.py {name}: no such command"
            known = {o for a in commands[name]._actions for o in a.option_strings}
            for flag in flags:
                assert flag in known, f"{doc.name}: python3 tasks.py {name} {flag}: no such flag"
    assert seen >= 5


def test_the_systemd_unit_runs_the_bot_from_the_venv() -> None:
    unit = (ROOT / "docs" / "reading-bot.service").read_text(encoding="utf-8")
    [start] = re.findall(r"^ExecStart=(.+)$", unit, re.MULTILINE)
    assert start.endswith("/.venv/bin/python -m bot run")
    assert re.search(r"^EnvironmentFile=", unit, re.MULTILINE)  # the token, not in the unit
    assert "DISCORD_TOKEN=" not in "".join(
        line for line in unit.splitlines() if not line.startswith("#")
    )
    assert re.search(r"^Restart=on-failure$", unit, re.MULTILINE)
