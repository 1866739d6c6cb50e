"""tasks.py: which task runs what, the venv stamps, Ctrl-C, and the missing-dependency message.

Dispatch is tested with `setup` and the child process replaced, so no test creates a venv.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tasks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tasks_under_test", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tasks = _load_tasks()


class FakePopen:
    """Records the command; `wait` raises KeyboardInterrupt `interrupts` times first."""

    calls: ClassVar[list[tuple[list[str], Path]]] = []
    interrupts: ClassVar[int] = 0
    status: ClassVar[int] = 0

    def __init__(self, cmd: list[str], cwd: Path) -> None:
        FakePopen.calls.append((cmd, cwd))

    def wait(self) -> int:
        if FakePopen.interrupts:
            FakePopen.interrupts -= 1
            raise KeyboardInterrupt
        return FakePopen.status


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replace setup and the child process; returns the list of setup extras asked for."""
    extras: list[Any] = []
    monkeypatch.setattr(tasks, "setup", extras.append)
    FakePopen.calls, FakePopen.interrupts, FakePopen.status = [], 0, 0
    monkeypatch.setattr(tasks.subprocess, "Popen", FakePopen)
    return extras


@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["run", "--config", "my.yaml"],
        ["chat"],
        ["sync", "--guild", "123456789012345678"],
        ["ask", "--json", "-"],
        ["ask", "who mentioned Tibet?"],
        ["validate", "knowledge"],
        ["bench", "--full"],
        ["quiz", "--rounds", "3"],  # a subcommand the bot may gain later passes through too
    ],
)
def test_every_bot_subcommand_runs_in_the_venv(argv: list[str], recorded: list[Any]) -> None:
    assert tasks.main(argv) == 0
    assert recorded == [""]  # the plain install, as `run` has
    [(cmd, cwd)] = FakePopen.calls
    assert cmd == [str(tasks.PY), "-m", "bot", *argv]
    assert cwd == tasks.ROOT


def test_the_bots_exit_status_is_returned(recorded: list[Any]) -> None:
    FakePopen.status = 3
    assert tasks.main(["validate"]) == 3


def test_ctrl_c_lets_the_bot_finish_instead_of_killing_it(recorded: list[Any]) -> None:
    FakePopen.interrupts, FakePopen.status = 2, 0
    assert tasks.main(["chat"]) == 0  # the console said goodbye and exited 0


@pytest.mark.parametrize("word", ["--help", "-h", "help"])
def test_help_shows_the_tasks_and_the_bots_subcommands(
    word: str, recorded: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert tasks.main([word]) == 0
    assert "python3 tasks.py COMMAND" in capsys.readouterr().out
    [(cmd, _)] = FakePopen.calls
    assert cmd[-1] == "--help"


def test_no_task_prints_the_usage(recorded: list[Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert tasks.main([]) == 2
    assert "python3 tasks.py run" in capsys.readouterr().out
    assert recorded == [] and FakePopen.calls == []


def test_check_is_unchanged(monkeypatch: pytest.MonkeyPatch, recorded: list[Any]) -> None:
    ran: list[tuple[str, ...]] = []
    monkeypatch.setattr(tasks, "_run", lambda *cmd: ran.append(tuple(str(c) for c in cmd)))
    pytest_calls: list[list[str]] = []

    def fake_run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        pytest_calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(tasks.subprocess, "run", fake_run)
    assert tasks.main(["check", "-k", "engine"]) == 0
    assert recorded == ["dev"]
    assert [c[1:3] for c in ran] == [("-m", "ruff"), ("-m", "mypy"), ("-m", "bot")]
    assert pytest_calls == [[str(tasks.PY), "-m", "pytest", "-k", "engine"]]


def _fake_venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    venv = tmp_path / ".venv"
    python = venv / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "VENV", venv)
    monkeypatch.setattr(tasks, "PY", python)
    installs: list[tuple[str, ...]] = []
    monkeypatch.setattr(tasks, "_install", lambda *cmd: installs.append(tuple(map(str, cmd))))
    return installs


def test_setup_installs_once_and_again_when_pyproject_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installs = _fake_venv(tmp_path, monkeypatch)
    tasks.setup("")
    assert installs[-1][-2:] == ("-e", ".")
    count = len(installs)
    tasks.setup("")
    assert len(installs) == count  # the stamp is fresh: nothing to do
    stamp = tmp_path / ".venv" / ".installed-base"
    old = stamp.stat().st_mtime - 100
    os.utime(stamp, (old, old))  # pyproject.toml is now newer than the install
    tasks.setup("")
    assert len(installs) > count


def test_a_dev_install_serves_the_plain_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `check`, `python3 tasks.py chat` must not reinstall (offline it could not)."""
    installs = _fake_venv(tmp_path, monkeypatch)
    tasks.setup("dev")
    assert installs[-1][-1] == ".[dev]"
    count = len(installs)
    tasks.setup("")
    assert len(installs) == count


def test_setup_progress_goes_to_stderr_so_json_output_stays_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    seen: list[Any] = []
    monkeypatch.setattr(tasks.subprocess, "run", lambda cmd, **kw: seen.append(kw))
    tasks._install("pip", "install", ".")
    out = capsys.readouterr()
    assert out.out == "" and "+ pip install ." in out.err
    assert seen[0]["stdout"] is sys.stderr


def _venv_ready() -> bool:
    spec = ROOT / "pyproject.toml"
    return any(
        tasks._fresh(tasks.VENV / f".installed-{extra}", spec) for extra in ("base", "dev")
    )


@pytest.mark.skipif(not _venv_ready(), reason="needs the .venv that tasks.py made")
def test_tasks_py_runs_a_bot_subcommand_for_real() -> None:
    """The README's form, end to end: system python3, tasks.py, the venv's bot."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tasks.py"), "ask", "--json", "who mentioned Tibet?"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('{"question": "who mentioned Tibet?"')


def test_python_m_bot_without_the_dependencies_says_what_to_run() -> None:
    """`-S` leaves site-packages out: the interpreter then lacks pyyaml, as outside .venv."""
    done = subprocess.run(
        [sys.executable, "-S", "-m", "bot", "ask", "who mentioned Tibet?"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "needs the project's dependencies (no module named" in done.stderr
    assert "python3 tasks.py ask 'who mentioned Tibet?'" in done.stderr


def test_only_third_party_modules_count_as_missing_dependencies() -> None:
    from bot.setup_hint import is_missing_dependency, missing_dependency_message

    assert is_missing_dependency(ModuleNotFoundError("x", name="rapidfuzz"))
    assert is_missing_dependency(ModuleNotFoundError("x", name="discord.ext"))
    assert not is_missing_dependency(ModuleNotFoundError("x", name="bot.nothing"))
    text = missing_dependency_message(ModuleNotFoundError("x", name="yaml"), ["sync"])
    assert "python3 tasks.py sync" in text and "'yaml'" in text
